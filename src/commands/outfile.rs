//! Where `-o PATH` writes, so that claimex never clobbers what it should not:
//!
//! * a path that exists and is not a regular file (a device such as `/dev/null`, a FIFO,
//!   `/dev/stdout`), and anything under `/dev/` or `/proc/`, is opened and written in place:
//!   never replaced;
//! * a symlink is followed to the file it names, which is then replaced: the link stays a
//!   link;
//! * a regular file (or a new one) is written as a hidden temporary file beside its final
//!   path (`.claimex-XXXXXX.part`) and renamed over it when the run succeeds, so a crash never
//!   leaves half a file under the final name. The file gets the mode of the file it replaces,
//!   or `0666` less the umask (`0644` under umask `022`), as `>` would give it;
//! * with [`clean_up_on_signals`], SIGINT, SIGTERM and SIGHUP remove the temporary file before
//!   the process dies of the signal. (SIGKILL cannot be caught: the hidden part file stays,
//!   the final path is untouched.)

use std::fs::{OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::error::{Error, Result};

/// Temporary output files to remove if a signal ends the process.
static PARTS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary file of an `-o` output (then die of
/// the signal, as the default action does). Call once, from a binary; idempotent.
///
/// Signals are received on a thread of their own (`signal-hook`'s iterator), so the cleanup
/// runs as ordinary code, not in a signal handler.
pub fn clean_up_on_signals() -> io::Result<()> {
    static INSTALLED: OnceLock<std::result::Result<(), String>> = OnceLock::new();
    let res = INSTALLED.get_or_init(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            .map_err(|e| e.to_string())?;
        std::thread::Builder::new()
            .name("claimex-signals".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    if let Ok(parts) = PARTS.lock() {
                        for p in parts.iter() {
                            let _ = std::fs::remove_file(p);
                        }
                    }
                    // The guard is gone: die of the signal, as without a handler.
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                    std::process::exit(128 + sig);
                }
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    res.clone().map_err(io::Error::other)
}

/// Where the output of `-o PATH` goes.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Opened and written where it is (a device, a FIFO).
    InPlace(PathBuf),
    /// Written to a temporary file renamed over this path.
    Replace(PathBuf),
}

fn is_special_tree(p: &Path) -> bool {
    p.starts_with("/dev") || p.starts_with("/proc")
}

/// Follows symlinks (up to 40, as the kernel does) to the path that will really be written.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn target(path: &Path) -> Result<Target> {
    if is_special_tree(path) {
        return Ok(Target::InPlace(path.to_path_buf()));
    }
    let real = follow_links(path).map_err(|e| Error::Create {
        path: path.to_path_buf(),
        source: e,
    })?;
    match std::fs::metadata(&real) {
        Ok(m) if m.is_dir() => Err(Error::Create {
            path: path.to_path_buf(),
            source: io::Error::other("is a folder; give a file name"),
        }),
        Ok(m) if !m.is_file() => Ok(Target::InPlace(real)),
        _ if is_special_tree(&real) => Ok(Target::InPlace(real)),
        _ => Ok(Target::Replace(real)),
    }
}

/// Keeps a temporary file's path in [`PARTS`] while it exists.
struct Registered(PathBuf);

impl Registered {
    fn new(p: &Path) -> Registered {
        if let Ok(mut parts) = PARTS.lock() {
            parts.push(p.to_path_buf());
        }
        Registered(p.to_path_buf())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut parts) = PARTS.lock() {
            parts.retain(|p| *p != self.0);
        }
    }
}

/// Runs `f` with a writer on `path`, as the module says.
pub(super) fn with_file<T>(path: &Path, f: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let create_error = |source| Error::Create {
        path: path.to_path_buf(),
        source,
    };
    let real = match target(path)? {
        Target::InPlace(p) => {
            let file = OpenOptions::new()
                .write(true)
                .open(&p)
                .map_err(create_error)?;
            let mut w = BufWriter::with_capacity(1 << 16, file);
            let v = f(&mut w)?;
            w.flush().map_err(Error::Output)?;
            return Ok(v);
        }
        Target::Replace(p) => p,
    };
    let dir = real
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let existing = std::fs::metadata(&real).ok().map(|m| m.permissions());
    let tmp = tempfile::Builder::new()
        .prefix(".claimex-")
        .suffix(".part")
        // Subject to the umask, as any created file is.
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(create_error)?;
    let registered = Registered::new(tmp.path());
    if let Some(perm) = existing {
        tmp.as_file().set_permissions(perm).map_err(create_error)?;
    }
    let mut w = BufWriter::with_capacity(1 << 16, tmp);
    let v = f(&mut w)?;
    let tmp = w.into_inner().map_err(|e| Error::Output(e.into_error()))?;
    // The signal thread takes the lock before removing: holding it makes the rename and
    // the deregistration one step for it.
    let parts = PARTS.lock();
    let persisted = tmp.persist(&real);
    drop(parts);
    drop(registered);
    persisted.map_err(|e| create_error(e.error))?;
    Ok(v)
}

/// True when standard output is usable, i.e. not closed (`>&-`) before claimex started. The
/// Rust runtime reopens a closed descriptor 1 on `/dev/null`, where the output would vanish
/// and the run would exit 0: the binary records the state before that happens and tells the
/// library through [`set_stdout_closed`].
pub(super) fn stdout_closed() -> bool {
    STDOUT_CLOSED.get().copied().unwrap_or(false)
}

static STDOUT_CLOSED: OnceLock<bool> = OnceLock::new();

/// Tells the library that standard output was closed when the process started: writing to
/// stdout then fails with a message instead of writing into `/dev/null`.
pub fn set_stdout_closed(closed: bool) {
    let _ = STDOUT_CLOSED.set(closed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn targets() {
        let t = tempfile::tempdir().unwrap();
        let real = t.path().join("real.jsonl");
        std::fs::write(&real, "old").unwrap();
        let link = t.path().join("link.jsonl");
        symlink("real.jsonl", &link).unwrap();
        assert_eq!(target(&link).unwrap(), Target::Replace(real.clone()));
        let dangling = t.path().join("dangling");
        symlink("sub/new.jsonl", &dangling).unwrap();
        assert_eq!(
            target(&dangling).unwrap(),
            Target::Replace(t.path().join("sub/new.jsonl"))
        );
        assert_eq!(
            target(Path::new("/dev/stdout")).unwrap(),
            Target::InPlace("/dev/stdout".into())
        );
        let to_null = t.path().join("null");
        symlink("/dev/null", &to_null).unwrap();
        assert_eq!(
            target(&to_null).unwrap(),
            Target::InPlace("/dev/null".into())
        );
        assert!(target(t.path()).is_err());
    }
}
