//! The worker over TLS with SASL/SCRAM, and no secret in its output.
//!
//! tansu 0.6.0 accepts `--cert` but does not serve TLS (its listener never
//! uses the acceptor), so TLS is terminated by `socat` (Debian) in front of
//! it with a certificate the test makes (`openssl`); tansu does the SASL
//! SCRAM-SHA-512 authentication (`--authentication`, a user created with
//! `tansu user create`) and advertises the TLS port, so every client
//! connection goes through TLS. The worker, `newsflow produce` and the
//! test's reader all use `security.protocol = SASL_SSL`, the CA file and a
//! password given only through the environment; the worker's log and
//! `check-config` must never show the password.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::kafka::*;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{ClientConfig, Message};

const PASSWORD: &str = "s3cret-Pw-Do-Not-Log-9431";

struct Kill(Child);
impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn wait_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "port {port} did not open"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn tansu(dir: &Path, plain: u16, tls: u16, auth: bool) -> Kill {
    let mut args = vec![
        "broker".to_string(),
        "--listener-url".into(),
        format!("tcp://127.0.0.1:{plain}"),
        "--advertised-listener-url".into(),
        format!("tcp://127.0.0.1:{tls}"),
        "--storage-engine".into(),
        "sqlite://t.db".into(),
    ];
    if auth {
        args.push("--authentication".into());
    }
    let log = std::fs::File::create(dir.join(format!("tansu-{auth}.log"))).unwrap();
    let child = Command::new("tansu")
        .args(&args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("tansu");
    wait_port(plain);
    Kill(child)
}

#[test]
fn sasl_ssl_end_to_end_and_no_secret_in_output() {
    let Some(_) = brokers() else { return };
    if !(have("socat") && have("openssl")) {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but socat or openssl is missing (.ci/run installs them)"
        );
        eprintln!("SKIP: socat and openssl are needed for the TLS test");
        return;
    }
    let _g = serial();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run(
        Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            ])
            .args([
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem",
                "-subj",
                "/CN=localhost",
            ])
            .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
            .current_dir(d),
        "openssl req",
    );
    let both = [
        std::fs::read(d.join("cert.pem")).unwrap(),
        std::fs::read(d.join("key.pem")).unwrap(),
    ]
    .concat();
    std::fs::write(d.join("both.pem"), both).unwrap();
    let (plain, tls) = (free_port(), free_port());

    // Set-up without authentication: the user and the topics.
    let t = Topics::new("tls");
    {
        let _setup = tansu(d, plain, tls, false);
        let broker = format!("tcp://127.0.0.1:{plain}");
        run(
            Command::new("tansu")
                .args(["user", "create", "--broker", &broker, "newsflow", PASSWORD]),
            "tansu user create",
        );
        for topic in [&t.input, &t.output, &t.dead] {
            run(
                Command::new("tansu").args(["topic", "create", "--broker", &broker, topic]),
                "tansu topic create",
            );
        }
    }
    let _broker = tansu(d, plain, tls, true);
    let _socat = Kill(
        Command::new("socat")
            .arg(format!(
                "openssl-listen:{tls},reuseaddr,fork,cert=both.pem,verify=0"
            ))
            .arg(format!("tcp:127.0.0.1:{plain}"))
            .current_dir(d)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("socat"),
    );
    wait_port(tls);

    let ca = d.join("cert.pem").display().to_string();
    let props = format!(
        "[kafka.properties]\n\"security.protocol\" = \"SASL_SSL\"\n\"sasl.mechanism\" = \"SCRAM-SHA-512\"\n\
         \"sasl.username\" = \"newsflow\"\n\"ssl.ca.location\" = \"{ca}\"\n"
    );
    let brokers = format!("127.0.0.1:{tls}");
    let env = [("NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD", PASSWORD)];
    let mut worker = Worker::start_env(&brokers, &t, 65536, &props, &env);

    // Feed the samples with `newsflow produce` over the same settings.
    let cfg = d.join("produce.toml");
    std::fs::write(&cfg, format!("[kafka]\nbrokers = \"{brokers}\"\n{props}")).unwrap();
    let samples = format!("{}/samples", env!("CARGO_MANIFEST_DIR"));
    let fed = Command::new(env!("CARGO_BIN_EXE_newsflow"))
        .args(["produce", "--config"])
        .arg(&cfg)
        .args(["--topic", &t.input, &samples])
        .envs(env)
        .output()
        .unwrap();
    let fed_err = String::from_utf8_lossy(&fed.stderr).into_owned();
    assert!(fed.status.success(), "produce over SASL_SSL: {fed_err}");

    // Read the answers over SASL_SSL too.
    let reader: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", unique("tls-reader"))
        .set("auto.offset.reset", "earliest")
        .set("security.protocol", "SASL_SSL")
        .set("sasl.mechanism", "SCRAM-SHA-512")
        .set("sasl.username", "newsflow")
        .set("sasl.password", PASSWORD)
        .set("ssl.ca.location", &ca)
        .create()
        .unwrap();
    reader.subscribe(&[&t.output, &t.dead]).unwrap();
    let (mut enriched, mut dead) = (0, 0);
    let start = Instant::now();
    while enriched + dead < 5 && start.elapsed() < Duration::from_secs(120) {
        if let Some(Ok(m)) = reader.poll(Duration::from_millis(200)) {
            if m.topic() == t.output {
                enriched += 1;
            } else {
                dead += 1;
            }
        }
    }
    assert_eq!(
        (enriched, dead),
        (4, 1),
        "answers over SASL_SSL; log:\n{}",
        worker.log_tail()
    );
    assert_eq!(worker.get("/readyz").map(|r| r.0), Some(200));
    assert_eq!(
        worker.term(Duration::from_secs(60)),
        Some(0),
        "{}",
        worker.log_tail()
    );

    // No secret anywhere: the worker's log, produce's stderr, check-config.
    let log = std::fs::read_to_string(&worker.log).unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_newsflow"))
        .args(["check-config"])
        .arg(&cfg)
        .envs(env)
        .output()
        .unwrap();
    let check_out = String::from_utf8_lossy(&check.stdout).into_owned();
    assert!(
        check.status.success() && check_out.contains("******"),
        "{check_out}"
    );
    for (what, text) in [
        ("worker log", &log),
        ("produce", &fed_err),
        ("check-config", &check_out),
    ] {
        assert!(
            !text.contains(PASSWORD),
            "the password appears in the {what}"
        );
    }

    // A wrong password: the worker keeps running, unready, and says why.
    let wrong = [(
        "NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD",
        "not-the-password",
    )];
    let mut denied = Worker::start_env(&brokers, &t, 65536, &props, &wrong);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) && !denied.log_tail().contains("Authentication")
    {
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(
        denied.log_tail().contains("Authentication"),
        "{}",
        denied.log_tail()
    );
    assert_eq!(denied.get("/readyz").map(|r| r.0), Some(503));
    assert!(!std::fs::read_to_string(&denied.log)
        .unwrap()
        .contains("not-the-password"));
    assert_eq!(
        denied.term(Duration::from_secs(60)),
        Some(0),
        "{}",
        denied.log_tail()
    );
}
