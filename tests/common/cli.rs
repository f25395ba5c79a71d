//! Running the `newsflow` binary in the CLI tests (`cli.rs`, `cli_eval.rs`):
//! a child process with chosen arguments, stdin and environment, paths
//! in the repo, and the checks an eval or a failing command must pass.

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub(crate) fn newsflow(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsflow"));
    cmd.args(args)
        .env_remove("RUST_LOG")
        .env_remove("NEWSFLOW_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn newsflow");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

pub(crate) fn repo(p: &str) -> String {
    format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))
}

/// `eval entities` over the repo's small GUM and re3d fixtures.
pub(crate) fn mini_entities_eval() -> Vec<String> {
    vec![
        "eval".into(),
        "entities".into(),
        "--gum".into(),
        repo("tests/data/entities/gum-mini.tsv"),
        "--re3d".into(),
        repo("tests/data/entities/re3d-mini"),
    ]
}

/// `newsflow ARGS`, which must fail with `expect` in its error output.
pub(crate) fn fails_naming(args: &[&str], expect: &str) {
    let out = newsflow(args, None, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains(expect),
        "{args:?}: {stderr}"
    );
}

/// `newsflow eval ARGS`, which must succeed and print `expect`; its output.
pub(crate) fn eval_ok(args: &[&str], expect: &str) -> String {
    let args: Vec<&str> = std::iter::once("eval")
        .chain(args.iter().copied())
        .collect();
    let out = newsflow(&args, None, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(expect), "{args:?}: {stdout}");
    stdout
}
