//! Faults from outside: signals during `-o`, a full disk, a closed stdout, special and
//! unreadable inputs, a system that refuses threads. Each asserts the exit status, the
//! message, and that nothing partial is left under the final name (and, after a signal
//! that can be caught, no temporary file either).
//!
//! Tests that need root (mounting a tmpfs) or a non-root user (permission checks, which
//! root bypasses: run through `setpriv` as `nobody`) say so on stderr and skip where that is
//! not available.

mod common;

use std::io::Write;
use std::os::unix::fs::FileTypeExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn part_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".part"))
        .collect()
}

/// Waits (bounded) until `cond` holds: for a child to reach a state, not a timing.
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never happened: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A run writing to `-o out` whose stdin stays open: it is mid-run until we act.
fn running_with_output(dir: &Path) -> (Child, PathBuf) {
    let out = dir.join("out.jsonl");
    let mut child = bin()
        .args([
            "extract",
            "--emit",
            "documents",
            "--line-buffered",
            "-q",
            "-o",
        ])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.as_mut().unwrap();
    for i in 0..3 {
        writeln!(
            stdin,
            "{{\"id\":\"d{i}\",\"text\":\"Prices rose, officials said.\"}}"
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    wait_for("the temporary output file", || !part_files(dir).is_empty());
    (child, out)
}

fn kill(child: &Child, sig: libc::c_int) {
    // SAFETY: kill has no memory preconditions; the pid is our own live child.
    let r = unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    assert_eq!(r, 0);
}

#[test]
fn temp_file_removed_on_sigterm_sigint_sighup() {
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("out.jsonl"), "old\n").unwrap();
        let (child, out) = running_with_output(dir.path());
        // Let the run write its first records into the temporary file.
        wait_for("records in the temporary file", || {
            part_files(dir.path())
                .first()
                .and_then(|p| std::fs::metadata(p).ok())
                .is_some_and(|m| m.len() > 0)
        });
        kill(&child, sig);
        let status = child.wait_with_output().unwrap().status;
        assert!(
            status.signal() == Some(sig) || status.code() == Some(128 + sig),
            "signal {sig}: {status:?}"
        );
        assert!(
            part_files(dir.path()).is_empty(),
            "signal {sig}: part file left"
        );
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "old\n",
            "final file touched"
        );
    }
}

#[test]
fn sigkill_during_o_leaves_the_final_name_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, out) = running_with_output(dir.path());
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGKILL));
    assert!(!out.exists(), "nothing under the final name");
    // SIGKILL cannot be caught: the hidden part file is what is left.
    assert_eq!(part_files(dir.path()).len(), 1);
}

#[test]
fn full_disk_is_an_output_error_and_leaves_nothing() {
    // /dev/full: every write fails with ENOSPC; written in place, never replaced.
    let input = corpus("samples.jsonl");
    let out = run(
        &["extract", "-q", "-o", "/dev/full", input.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No space left on device"), "{err}");
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
    // A real full file system, where mounting is allowed.
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("full_disk: cannot mount a tmpfs here (not root?): tmpfs case skipped");
        return;
    }
    let target = mnt.join("out.jsonl");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "-o",
            target.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        None,
    );
    let left: Vec<_> = std::fs::read_dir(&mnt)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let _ = Command::new("umount").arg(&mnt).status();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No space left on device"), "{err}");
    assert!(left.is_empty(), "left on the full disk: {left:?}");
}

#[test]
fn closed_stdout_exits_2_with_a_message() {
    let input = corpus("samples.jsonl");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "exec '{}' extract -q '{}' >&-",
            env!("CARGO_BIN_EXE_claimex"),
            input.display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard output is closed"), "{err}");
    // stdout on /dev/null is not closed: the run succeeds.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "exec '{}' extract -q '{}' > /dev/null",
            env!("CARGO_BIN_EXE_claimex"),
            input.display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

#[test]
fn fifo_in_folder_is_skipped_not_hung() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Officials said the road was closed.",
    )
    .unwrap();
    mkfifo(&dir.path().join("pipe.txt"));
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = docs(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].id, "a.txt");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped 1 path(s)") && err.contains("pipe.txt (not a regular file"),
        "{err}"
    );
}

#[test]
fn dev_zero_named_explicitly_is_too_large() {
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "--max-doc-bytes",
            "100000",
            "/dev/zero",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = docs(&out);
    assert_eq!(recs.len(), 1);
    let e = recs[0].error.as_ref().expect("an error record");
    // crawl: NUL bytes are binary data, refused at the first bytes (an endless text
    // stream still stops at the limit: input::tests::endless_text_stream_stops_at_the_limit).
    assert_eq!(e.kind, "unsupported_format");
    assert!(e.message.contains("/dev/zero"), "{}", e.message);
}

#[test]
fn symlinked_folder_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::fs::write(real.join("b.txt"), "The minister said the talks failed.").unwrap();
    let top = dir.path().join("top");
    std::fs::create_dir(&top).unwrap();
    std::os::unix::fs::symlink(&real, top.join("linked")).unwrap();
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            top.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<String> = docs(&out).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["linked/b.txt"]);
}

/// `claimex` as user `nobody` (root bypasses permissions), or as ourselves when not root.
fn as_unprivileged(prefix: &[&str]) -> Option<Command> {
    let mut cmd;
    if is_root() {
        if Command::new("setpriv").arg("--help").output().is_err() {
            eprintln!("setpriv not found: cannot run as an unprivileged user, test skipped");
            return None;
        }
        cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        cmd.args(prefix);
    } else if let Some((first, rest)) = prefix.split_first() {
        cmd = Command::new(first);
        cmd.args(rest);
    } else {
        return Some(bin());
    }
    cmd.arg(env!("CARGO_BIN_EXE_claimex"));
    Some(cmd)
}

fn open_to_all(p: &Path) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn unreadable_subfolder_is_a_record_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    open_to_all(dir.path());
    let top = dir.path().join("top");
    for sub in ["a", "b", "c"] {
        let d = top.join(sub);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("doc.txt"), "The minister said the talks failed.").unwrap();
        open_to_all(&d);
    }
    open_to_all(&top);
    std::fs::set_permissions(top.join("b"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let Some(mut cmd) = as_unprivileged(&[]) else {
        return;
    };
    let out = cmd
        .args(["extract", "--emit", "documents", "-q"])
        .arg(&top)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = docs(&out);
    let ids: Vec<&str> = recs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/doc.txt", "b", "c/doc.txt"]);
    let e = recs[1]
        .error
        .as_ref()
        .expect("an error record for the folder");
    assert_eq!(e.kind, "read_error");
    assert!(e.message.contains("cannot read folder"), "{}", e.message);
}

#[test]
fn thread_spawn_failure_does_not_panic() {
    // RLIMIT_NPROC of 1 for a user with one process: every thread creation fails.
    let Some(mut cmd) = as_unprivileged(&["prlimit", "--nproc=1"]) else {
        return;
    };
    let input = corpus("samples.jsonl");
    let out = cmd
        .args(["extract", "--emit", "documents", "--threads", "2"])
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("could not start the"), "{err}");
    let want = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.stdout, want.stdout, "same output with no threads");
}
