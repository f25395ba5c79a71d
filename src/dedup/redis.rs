//! A dedup window shared by every replica, in a Redis stream (any server
//! that speaks RESP and streams: Redis 5+, Valkey, KeyDB).
//!
//! Each replica mirrors the stream in memory and catches up incrementally
//! (`XRANGE key (last-id +`), so a check costs a few round trips, not a
//! window transfer. Check-and-insert is atomic across replicas by
//! optimistic locking: `WATCH key`, catch up, decide against the mirror,
//! then `MULTI; XADD; EXEC`. If another replica added an article meanwhile,
//! `EXEC` returns null and the check runs again over the new entries, so two
//! copies processed at the same instant on two replicas cannot both miss
//! each other. The stream is capped near `max_entries` (`XADD MAXLEN ~`);
//! age is applied to the mirror.

use std::sync::Mutex;
use std::time::Duration;

use super::resp::{Address, Conn, Reply};
use super::store::Window;
use super::{DedupStore, Seen, StoreError};

/// How often a check-and-insert is retried when others keep writing.
const MAX_ATTEMPTS: usize = 20;

pub struct RedisStore {
    addr: Address,
    key: String,
    /// The stream's cap (`XADD MAXLEN ~`).
    max_entries: String,
    state: Mutex<State>,
}

struct State {
    conn: Option<Conn>,
    window: Window,
    /// Id of the last stream entry mirrored ("0" before the first).
    last_id: String,
}

fn err(store: &RedisStore, cause: std::io::Error) -> StoreError {
    StoreError {
        path: format!("{} key {}", store.addr.display(), store.key),
        cause,
    }
}

fn bad(msg: &str) -> std::io::Error {
    std::io::Error::other(msg.to_string())
}

impl RedisStore {
    /// Connect to `url` and load the window kept under `key`.
    pub fn open(
        url: &str,
        key: &str,
        max_entries: usize,
        max_age_secs: i64,
    ) -> Result<RedisStore, StoreError> {
        let addr = Address::parse(url).map_err(|e| StoreError {
            path: "redis_url".into(),
            cause: bad(&e),
        })?;
        let store = RedisStore {
            addr,
            key: key.to_string(),
            max_entries: max_entries.to_string(),
            state: Mutex::new(State {
                conn: None,
                window: Window {
                    items: std::collections::VecDeque::new(),
                    max_entries,
                    max_age_secs,
                },
                last_id: "0".into(),
            }),
        };
        {
            let mut st = store.lock();
            store.catch_up(&mut st).map_err(|e| err(&store, e))?;
        }
        Ok(store)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Run `f` on the connection, opening it if needed; an I/O error drops
    /// the connection so the next call reconnects.
    fn with_conn<T>(
        &self,
        st: &mut State,
        f: impl FnOnce(&mut Conn) -> std::io::Result<T>,
    ) -> std::io::Result<T> {
        if st.conn.is_none() {
            st.conn = Some(Conn::open(&self.addr, Duration::from_secs(2))?);
        }
        let conn = st.conn.as_mut().ok_or_else(|| bad("no connection"))?;
        let result = f(conn);
        if result.is_err() {
            st.conn = None;
        }
        result
    }

    /// Mirror the entries added since `last_id`.
    fn catch_up(&self, st: &mut State) -> std::io::Result<()> {
        loop {
            let from = format!("({}", st.last_id);
            let key = self.key.clone();
            let reply = self.with_conn(st, |c| {
                c.call(&[
                    b"XRANGE",
                    key.as_bytes(),
                    from.as_bytes(),
                    b"+",
                    b"COUNT",
                    b"1000",
                ])
            })?;
            let Reply::Array(Some(entries)) = reply else {
                return Err(bad("XRANGE did not return an array"));
            };
            let n = entries.len();
            for e in entries {
                let (id, seen) = parse_entry(e)?;
                st.last_id = id;
                if let Some(s) = seen {
                    st.window.push(s);
                }
            }
            if n < 1000 {
                st.window.trim();
                return Ok(());
            }
        }
    }

    /// Append `seen` to the stream, capped near the window size.
    fn xadd(&self, conn: &mut Conn, seen: &Seen) -> std::io::Result<Reply> {
        let json = serde_json::to_vec(seen).map_err(|e| bad(&e.to_string()))?;
        conn.call(&[
            b"XADD",
            self.key.as_bytes(),
            b"MAXLEN",
            b"~",
            self.max_entries.as_bytes(),
            b"*",
            b"seen",
            &json,
        ])
    }
}

/// One stream entry: `[id, [field, value, ...]]`; the `seen` value is JSON.
fn parse_entry(e: Reply) -> std::io::Result<(String, Option<Seen>)> {
    let Reply::Array(Some(mut parts)) = e else {
        return Err(bad("stream entry is not an array"));
    };
    if parts.len() != 2 {
        return Err(bad("stream entry is not [id, fields]"));
    }
    let fields = parts.pop();
    let Some(Reply::Bulk(Some(id))) = parts.pop() else {
        return Err(bad("stream entry without an id"));
    };
    let id = String::from_utf8_lossy(&id).into_owned();
    let mut seen = None;
    if let Some(Reply::Array(Some(kv))) = fields {
        for pair in kv.chunks(2) {
            if let [Reply::Bulk(Some(k)), Reply::Bulk(Some(v))] = pair {
                if k == b"seen" {
                    // An entry some other program wrote is skipped, not fatal.
                    seen = serde_json::from_slice::<Seen>(v).ok();
                }
            }
        }
    }
    Ok((id, seen))
}

impl DedupStore for RedisStore {
    fn scan(&self, visit: &mut dyn FnMut(&Seen)) {
        let mut st = self.lock();
        // Unreachable server: scan what is mirrored.
        let _ = self.catch_up(&mut st);
        st.window.items.iter().for_each(visit);
    }

    fn insert(&self, seen: Seen) -> Result<(), StoreError> {
        let mut st = self.lock();
        self.with_conn(&mut st, |c| self.xadd(c, &seen))
            .map_err(|e| err(self, e))?;
        self.catch_up(&mut st).map_err(|e| err(self, e))
    }

    fn scan_and_insert(
        &self,
        decide: &mut dyn FnMut(&mut dyn Iterator<Item = &Seen>) -> Option<Seen>,
    ) -> Result<(), StoreError> {
        let mut st = self.lock();
        let key = self.key.clone();
        for _ in 0..MAX_ATTEMPTS {
            self.with_conn(&mut st, |c| c.call(&[b"WATCH", key.as_bytes()]))
                .map_err(|e| err(self, e))?;
            self.catch_up(&mut st).map_err(|e| err(self, e))?;
            let Some(seen) = decide(&mut st.window.items.iter()) else {
                let _ = self.with_conn(&mut st, |c| c.call(&[b"UNWATCH"]));
                return Ok(());
            };
            let exec = self
                .with_conn(&mut st, |c| {
                    c.call(&[b"MULTI"])?;
                    self.xadd(c, &seen)?;
                    c.call(&[b"EXEC"])
                })
                .map_err(|e| err(self, e))?;
            match exec {
                // Another replica wrote since WATCH: look again.
                Reply::Array(None) => continue,
                _ => return self.catch_up(&mut st).map_err(|e| err(self, e)),
            }
        }
        Err(err(
            self,
            bad("the window kept changing under us; gave up after 20 attempts"),
        ))
    }

    fn entries(&self) -> usize {
        self.lock().window.items.len()
    }
}

/// A `redis-server` child on a free port, for tests (Debian `redis-server`;
/// .ci/run installs it). `None`, with a SKIP message, where it is absent,
/// except under CI=true.
#[cfg(test)]
pub(crate) mod test_server {
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    pub(crate) struct Server {
        child: Child,
        pub url: String,
    }

    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    pub(crate) fn start() -> Option<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = child else {
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true"),
                "CI=true but redis-server is not installed (.ci/run installs the Debian package)"
            );
            eprintln!("SKIP: redis-server is not installed (Debian package redis-server)");
            return None;
        };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Server {
            child,
            url: format!("redis://127.0.0.1:{port}/0"),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn seen(id: &str, hash: &str) -> Seen {
        Seen {
            id: id.into(),
            content_hash: hash.into(),
            signature: crate::dedup::Signature([1; crate::dedup::SIGNATURE_LEN]),
            story_id: id.into(),
            entities: vec![],
            keys: Default::default(),
            at: chrono::Utc::now().timestamp(),
        }
    }

    /// Two replicas (two stores on one key), 24 threads racing to store the
    /// same article: exactly one copy is stored, and a store opened later
    /// loads it.
    #[test]
    fn check_and_insert_is_atomic_across_replicas() {
        let Some(server) = test_server::start() else {
            return;
        };
        let a = Arc::new(RedisStore::open(&server.url, "t:race", 100, 3600).unwrap());
        let b = Arc::new(RedisStore::open(&server.url, "t:race", 100, 3600).unwrap());
        let threads: Vec<_> = (0..24)
            .map(|i| {
                let store = if i % 2 == 0 { a.clone() } else { b.clone() };
                std::thread::spawn(move || {
                    let mut stored = false;
                    store
                        .scan_and_insert(&mut |w| {
                            let mut dup = false;
                            for s in w {
                                dup |= s.content_hash == "same";
                            }
                            stored = !dup;
                            (!dup).then(|| seen(&format!("copy-{i}"), "same"))
                        })
                        .unwrap();
                    stored
                })
            })
            .collect();
        let stored = threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .filter(|s| *s)
            .count();
        assert_eq!(stored, 1, "exactly one replica stores the article");
        let later = RedisStore::open(&server.url, "t:race", 100, 3600).unwrap();
        assert_eq!(later.recent().len(), 1);
        assert_eq!(a.entries(), 1);
        later.insert(seen("other", "h2")).unwrap();
        assert_eq!(b.recent().len(), 2, "b catches up with what later wrote");
    }

    #[test]
    fn window_is_capped_and_errors_name_the_server() {
        let Some(server) = test_server::start() else {
            return;
        };
        let s = RedisStore::open(&server.url, "t:cap", 5, 3600).unwrap();
        for i in 0..12 {
            s.insert(seen(&i.to_string(), &i.to_string())).unwrap();
        }
        assert_eq!(s.entries(), 5, "the mirror keeps the window size");
        let e = RedisStore::open("redis://127.0.0.1:1/0", "k", 5, 3600)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("redis://127.0.0.1:1/0"), "{e}");
    }
}
