//! Stamps the git revision into the binary (`newsflow_build_info`'s
//! `git_revision` label and `--version`): `NEWSFLOW_GIT_REVISION` if set
//! (the Dockerfile passes it as a build argument, since the build context
//! has no .git), else `git rev-parse`, else "unknown".

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=NEWSFLOW_GIT_REVISION");
    // Rebuild when HEAD moves: HEAD itself, the branch it names, packed refs,
    // and HEAD's reflog, which every commit and checkout appends to (the
    // branch's loose ref may not exist when this runs, refs being packed,
    // and then a later commit went unnoticed: `--version` named a revision
    // many commits old).
    if let Ok(head) = std::fs::read_to_string(".git/HEAD") {
        println!("cargo:rerun-if-changed=.git/HEAD");
        if Path::new(".git/logs/HEAD").exists() {
            println!("cargo:rerun-if-changed=.git/logs/HEAD");
        }
        if let Some(r) = head.trim().strip_prefix("ref: ") {
            if Path::new(".git").join(r).exists() {
                println!("cargo:rerun-if-changed=.git/{r}");
            }
        }
        if Path::new(".git/packed-refs").exists() {
            println!("cargo:rerun-if-changed=.git/packed-refs");
        }
    }
    let revision = std::env::var("NEWSFLOW_GIT_REVISION")
        .ok()
        .filter(|r| !r.is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=NEWSFLOW_GIT_REVISION={revision}");
}
