//! The git commit a build comes from, for `claimex --version`: `CLAIMEX_GIT_COMMIT` is set
//! to `<short hash> <commit date>` (`ff5704e 2026-12-01`), or to `unknown` outside a git
//! checkout (a crates.io tarball, a source archive). A packager can set `CLAIMEX_GIT_COMMIT`
//! in the environment to name the commit itself.
//!
//! The build script is re-run when the checkout's `HEAD` moves (a commit, a checkout), not on
//! every edit, so a build from a tree with uncommitted changes names the commit it started from.
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Sets `CLAIMEX_GIT_COMMIT` for the crate and tells cargo what to watch.
pub fn emit() {
    println!("cargo:rerun-if-env-changed=CLAIMEX_GIT_COMMIT");
    if let Ok(v) = std::env::var("CLAIMEX_GIT_COMMIT") {
        println!("cargo:rustc-env=CLAIMEX_GIT_COMMIT={v}");
        return;
    }
    // Only a checkout whose top is this package counts: a tarball unpacked inside some other
    // repository must not report that repository's commit.
    let here = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let top = git(&["rev-parse", "--show-toplevel"]);
    let ours = top
        .as_deref()
        .is_some_and(|t| std::fs::canonicalize(t).ok() == std::fs::canonicalize(&here).ok());
    let commit = ours
        .then(|| git(&["log", "-1", "--format=%h %cs"]))
        .flatten();
    if ours {
        for p in [
            git(&["rev-parse", "--git-path", "HEAD"]),
            git(&["rev-parse", "--symbolic-full-name", "HEAD"])
                .and_then(|r| git(&["rev-parse", "--git-path", &r])),
            git(&["rev-parse", "--git-path", "packed-refs"]),
        ]
        .into_iter()
        .flatten()
        {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    println!(
        "cargo:rustc-env=CLAIMEX_GIT_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
}
