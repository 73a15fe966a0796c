//! gzip and zstd: recognised by file name or by magic bytes, decoded as a stream.
//!
//! gzip files may hold many members (a WARC.gz has one per record; `cat a.gz b.gz` is valid
//! gzip): all are read, in order. zstd files may hold many frames, likewise. Decoding is a
//! stream, so memory does not grow with the file; the readers above bound every read, so a
//! small file that inflates to terabytes (a decompression bomb) costs at most the
//! `--max-doc-bytes` of one document in memory.
//!
//! ```
//! use std::io::{Read, Write};
//! use claimex::crawl::compress::{decoder, Compression};
//! let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
//! gz.write_all(b"one ").unwrap();
//! let mut data = gz.finish().unwrap();
//! let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
//! gz.write_all(b"two").unwrap();
//! data.extend(gz.finish().unwrap());
//! assert_eq!(Compression::sniff(&data), Some(Compression::Gzip));
//! let mut s = String::new();
//! decoder(Box::new(std::io::Cursor::new(data)), Compression::Gzip).read_to_string(&mut s).unwrap();
//! assert_eq!(s, "one two");
//! ```

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// A compression format claimex reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// gzip (`.gz`), any number of members.
    Gzip,
    /// Zstandard (`.zst`), any number of frames.
    Zstd,
}

impl Compression {
    /// The compression a file name says (`.gz`, `.gzip`, `.zst`, `.zstd`).
    pub fn of_path(path: &Path) -> Option<Compression> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "gz" | "gzip" => Some(Compression::Gzip),
            "zst" | "zstd" => Some(Compression::Zstd),
            _ => None,
        }
    }

    /// The compression the first bytes of a stream show.
    pub fn sniff(head: &[u8]) -> Option<Compression> {
        if head.starts_with(&[0x1f, 0x8b]) {
            Some(Compression::Gzip)
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Compression::Zstd)
        } else {
            None
        }
    }

    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// A buffered reader of the decompressed stream.
pub fn decoder(src: Box<dyn BufRead + Send>, c: Compression) -> Box<dyn BufRead + Send> {
    let inner: Box<dyn Read + Send> = match c {
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(src)),
        Compression::Zstd => match zstd::stream::read::Decoder::with_buffer(src) {
            Ok(d) => Box::new(d),
            Err(e) => Box::new(Failing(Some(e))),
        },
    };
    Box::new(BufReader::with_capacity(
        1 << 16,
        Explained { inner, what: c },
    ))
}

/// A reader that fails once with the error it holds, then reads nothing.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Turns the decoders' terse errors into messages a user can act on, keeping their kind
/// (`UnexpectedEof` for a file cut short, which the readers report as `truncated`).
struct Explained {
    inner: Box<dyn Read + Send>,
    what: Compression,
}

impl Read for Explained {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            let name = self.what.name();
            if e.kind() == io::ErrorKind::UnexpectedEof {
                io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("{name} data ends in the middle of a compressed block (the file is truncated)"),
                )
            } else {
                io::Error::new(e.kind(), format!("{name} data is corrupt ({e})"))
            }
        })
    }
}

/// The error kind of a failed read: `truncated` when the input ends too early, else
/// `read_error`.
pub fn error_kind(e: &io::Error) -> &'static str {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "truncated"
    } else {
        "read_error"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(data: Vec<u8>, c: Compression) -> (Vec<u8>, Option<io::Error>) {
        let mut r = decoder(Box::new(io::Cursor::new(data)), c);
        let mut out = Vec::new();
        let mut buf = [0u8; 100];
        loop {
            match r.read(&mut buf) {
                Ok(0) => return (out, None),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out, Some(e)),
            }
        }
    }

    #[test]
    fn truncated_gzip_keeps_what_came_before() {
        let mut data = gz(&b"first member\n".repeat(50));
        let second = gz(&b"second member\n".repeat(50));
        data.extend_from_slice(&second[..second.len() / 2]);
        let (out, err) = read_all(data, Compression::Gzip);
        assert!(out.starts_with(&b"first member\n".repeat(50)));
        let err = err.expect("an error at the cut");
        assert_eq!(error_kind(&err), "truncated");
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn zstd_frames_are_all_read() {
        let mut data = zstd::encode_all(&b"a"[..], 1).unwrap();
        data.extend(zstd::encode_all(&b"b"[..], 1).unwrap());
        assert_eq!(Compression::sniff(&data), Some(Compression::Zstd));
        let (out, err) = read_all(data, Compression::Zstd);
        assert_eq!((out.as_slice(), err.is_none()), (&b"ab"[..], true));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let (_, err) = read_all(
            vec![0x1f, 0x8b, 8, 0, 0xff, 0xff, 0xff, 0xff],
            Compression::Gzip,
        );
        assert!(err.is_some());
        let (_, err) = read_all(vec![0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff], Compression::Zstd);
        assert!(err.is_some());
    }
}
