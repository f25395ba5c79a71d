//! A minimal client for the Redis protocol (RESP2): send a command as an
//! array of bulk strings, read one reply. Hand-written: the store needs six
//! commands over one blocking connection, which does not justify an async
//! client crate and its dependency tree in the enrichment core.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reply {
    Simple(String),
    Error(String),
    Int(i64),
    /// `None` is the null bulk string.
    Bulk(Option<Vec<u8>>),
    /// `None` is the null array (e.g. EXEC after a WATCHed key changed).
    Array(Option<Vec<Reply>>),
}

/// Where the server is: `redis://[:password@]host[:port][/db]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Address {
    pub host: String,
    pub port: u16,
    pub password: Option<String>,
    pub db: u32,
}

impl Address {
    pub(super) fn parse(url: &str) -> Result<Address, String> {
        let bad =
            || format!("{url:?} is not a Redis URL; use redis://[:password@]host[:port][/db]");
        let rest = url.strip_prefix("redis://").ok_or_else(bad)?;
        let (auth, hostpart) = match rest.rsplit_once('@') {
            Some((a, h)) => (Some(a), h),
            None => (None, rest),
        };
        let (hostport, db) = match hostpart.split_once('/') {
            Some((h, d)) if !d.is_empty() => (h, d.parse().map_err(|_| bad())?),
            Some((h, _)) => (h, 0),
            None => (hostpart, 0),
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().map_err(|_| bad())?),
            None => (hostport, 6379),
        };
        if host.is_empty() {
            return Err(bad());
        }
        let password = auth
            .map(|a| a.rsplit_once(':').map_or(a, |(_, p)| p).to_string())
            .filter(|p| !p.is_empty());
        Ok(Address {
            host: host.to_string(),
            port,
            password,
            db,
        })
    }

    /// The address without the password, for errors and logs.
    pub(super) fn display(&self) -> String {
        format!("redis://{}:{}/{}", self.host, self.port, self.db)
    }
}

pub(super) struct Conn {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

fn other(msg: String) -> std::io::Error {
    std::io::Error::other(msg)
}

impl Conn {
    /// Connect, authenticate and select the database.
    pub(super) fn open(addr: &Address, timeout: Duration) -> std::io::Result<Conn> {
        use std::net::ToSocketAddrs;
        let sock = (addr.host.as_str(), addr.port)
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| other(format!("cannot resolve {}", addr.host)))?;
        let stream = TcpStream::connect_timeout(&sock, timeout)?;
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        stream.set_nodelay(true)?;
        let mut conn = Conn {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        };
        if let Some(p) = &addr.password {
            conn.ok(&[b"AUTH", p.as_bytes()])?;
        }
        if addr.db != 0 {
            conn.ok(&[b"SELECT", addr.db.to_string().as_bytes()])?;
        }
        Ok(conn)
    }

    /// Send one command and read its reply; a server error is an `Err`.
    pub(super) fn call(&mut self, args: &[&[u8]]) -> std::io::Result<Reply> {
        let mut buf = format!("*{}\r\n", args.len()).into_bytes();
        for a in args {
            buf.extend(format!("${}\r\n", a.len()).as_bytes());
            buf.extend(*a);
            buf.extend(b"\r\n");
        }
        self.writer.write_all(&buf)?;
        match read_reply(&mut self.reader)? {
            Reply::Error(e) => Err(other(format!("server error: {e}"))),
            r => Ok(r),
        }
    }

    fn ok(&mut self, args: &[&[u8]]) -> std::io::Result<()> {
        self.call(args).map(|_| ())
    }
}

/// Read one reply (recursively for arrays).
pub(super) fn read_reply<R: BufRead>(r: &mut R) -> std::io::Result<Reply> {
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line)?;
    if line.len() < 3 || !line.ends_with(b"\r\n") {
        return Err(other("connection closed or reply cut short".into()));
    }
    let body = String::from_utf8_lossy(&line[1..line.len() - 2]).into_owned();
    let int = |s: &str| {
        s.parse::<i64>()
            .map_err(|_| other(format!("bad length {s:?} in reply")))
    };
    Ok(match line[0] {
        b'+' => Reply::Simple(body),
        b'-' => Reply::Error(body),
        b':' => Reply::Int(int(&body)?),
        b'$' => {
            let n = int(&body)?;
            if n < 0 {
                Reply::Bulk(None)
            } else {
                let mut data = vec![0u8; usize::try_from(n).unwrap_or(0) + 2];
                r.read_exact(&mut data)?;
                data.truncate(data.len() - 2);
                Reply::Bulk(Some(data))
            }
        }
        b'*' => {
            let n = int(&body)?;
            if n < 0 {
                Reply::Array(None)
            } else {
                let mut items = Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(1 << 16));
                for _ in 0..n {
                    items.push(read_reply(r)?);
                }
                Reply::Array(Some(items))
            }
        }
        other_byte => {
            return Err(other(format!(
                "unexpected reply type {:?}",
                char::from(other_byte)
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(wire: &str, expect: Reply) {
        let mut r = std::io::Cursor::new(wire.as_bytes().to_vec());
        assert_eq!(read_reply(&mut r).unwrap(), expect, "{wire:?}");
    }

    #[test]
    fn replies_parse() {
        check("+OK\r\n", Reply::Simple("OK".into()));
        check("-ERR no\r\n", Reply::Error("ERR no".into()));
        check(":42\r\n", Reply::Int(42));
        check("$3\r\na\r\n\r\n", Reply::Bulk(Some(b"a\r\n".to_vec())));
        check("$-1\r\n", Reply::Bulk(None));
        check("*-1\r\n", Reply::Array(None));
        check(
            "*2\r\n$2\r\nid\r\n*1\r\n:1\r\n",
            Reply::Array(Some(vec![
                Reply::Bulk(Some(b"id".to_vec())),
                Reply::Array(Some(vec![Reply::Int(1)])),
            ])),
        );
        let mut cut = std::io::Cursor::new(b"$5\r\nab".to_vec());
        assert!(read_reply(&mut cut).is_err());
    }

    #[test]
    fn urls_parse_or_explain() {
        let a = Address::parse("redis://:s3cret@cache.internal:6380/2").unwrap();
        assert_eq!(
            (a.host.as_str(), a.port, a.password.as_deref(), a.db),
            ("cache.internal", 6380, Some("s3cret"), 2)
        );
        assert!(!a.display().contains("s3cret"));
        let a = Address::parse("redis://localhost").unwrap();
        assert_eq!((a.port, a.db, a.password), (6379, 0, None));
        assert!(Address::parse("http://x").unwrap_err().contains("redis://"));
        assert!(Address::parse("redis://:6379").is_err());
    }
}
