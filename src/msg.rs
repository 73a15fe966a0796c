//! Messages to the user: one place, always stderr, so stdout carries only JSONL.

use std::io::Write;

/// Prints `claimex: <message>` to stderr. Errors writing to stderr are ignored: there is
/// nowhere left to report them.
pub fn info(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "claimex: {message}");
}

/// Prints `claimex: error: <message>` to stderr.
pub fn error(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "claimex: error: {message}");
}

/// Prints `claimex: warning: <message>` to stderr.
pub fn warn(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "claimex: warning: {message}");
}
