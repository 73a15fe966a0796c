//! Errors. A [`DocError`] fails one document and becomes an error record in the output; an
//! [`Error`] stops the run (unreadable input, bad gazetteer, I/O on the output).

use std::path::PathBuf;

/// Why one document could not be processed. It is written as
/// `{"id": ..., "error": {"kind": ..., "message": ...}}` in the document's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    /// Machine-readable kind: `malformed_json`, `missing_text`, `text_not_string`, `not_object`,
    /// `empty_document`, `blank_line`, `empty_element`, `too_large`, `read_error`, `truncated`,
    /// `unsupported_format`, `malformed_warc`.
    pub kind: &'static str,
    /// What happened, naming the file and line, and what to do about it.
    pub message: String,
}

impl DocError {
    /// A new error of `kind` with a message.
    pub fn new(kind: &'static str, message: impl Into<String>) -> DocError {
        DocError {
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

/// An error that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The output file (`-o`) could not be created or put in place.
    #[error("cannot create output {path}: {source}")]
    Create {
        /// The path given to `-o`.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gazetteer file has a malformed row.
    #[error("{path}:{line}: {message}")]
    Gazetteer {
        /// File the row is in (`builtin:NAME` for the embedded lists).
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A boilerplate profile could not be read.
    #[error("profile {path}: {message}")]
    Profile {
        /// The profile path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A signal (SIGINT, SIGTERM, SIGHUP) stopped the run before its output was put in place.
    #[error("interrupted by signal {signal}: the output file was not written")]
    Interrupted {
        /// The signal number.
        signal: usize,
    },
    /// A folder (or the list of paths) holds no file claimex can read.
    #[error("{path}: no documents to read: {message}")]
    NoDocuments {
        /// The folder.
        path: PathBuf,
        /// What was found instead.
        message: String,
    },
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
}

/// Result alias for run-level errors.
pub type Result<T, E = Error> = std::result::Result<T, E>;
