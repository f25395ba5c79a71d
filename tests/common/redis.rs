//! A `redis-server` child on a free port (Debian `redis-server`; .ci/run
//! installs it). `None` with a SKIP message where it is absent, except
//! under CI=true, where that is a failure.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct Redis {
    child: Child,
    pub url: String,
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start_redis() -> Option<Redis> {
    let port = super::kafka::free_port();
    let spawned = Command::new("redis-server")
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
    let Ok(child) = spawned else {
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
    Some(Redis {
        child,
        url: format!("redis://127.0.0.1:{port}/0"),
    })
}
