//! The HTTP message inside a WARC `response` record: status line, headers, and the body with
//! chunked transfer coding and gzip/deflate content coding undone (bounded).
//!
//! Crawlers differ: some store the body exactly as it came over the wire (chunked, gzipped),
//! others store it decoded but keep the headers (Common Crawl renames them
//! `X-Crawler-Transfer-Encoding`). So a coding is undone only when the bytes carry it:
//! chunk sizes that parse, gzip magic bytes.
//!
//! ```
//! use claimex::crawl::http::Response;
//! let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
//!     Transfer-Encoding: chunked\r\n\r\n5\r\n<p>Hi\r\n4\r\n</p>\r\n0\r\n\r\n";
//! let r = Response::parse(raw, 1 << 20).unwrap();
//! assert_eq!((r.status, r.charset(), r.is_html()), (200, Some("utf-8"), true));
//! assert_eq!(r.body, b"<p>Hi</p>");
//! ```

use std::io::Read;

/// A parsed HTTP response.
#[derive(Clone, Debug, Default)]
pub struct Response {
    /// The status code (0 when the status line is not HTTP).
    pub status: u16,
    /// Header names (lower case) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body, decoded.
    pub body: Vec<u8>,
}

/// Why a response could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpError {
    /// The headers never end (no blank line).
    NoHeaderEnd,
    /// The decoded body is over the limit.
    TooLarge(usize),
    /// A content coding claimex does not decode (`br`, ...).
    Coding(String),
}

impl Response {
    /// Parses `raw` (status line, headers, body); `limit` bounds the decoded body.
    pub fn parse(raw: &[u8], limit: usize) -> Result<Response, HttpError> {
        let end = memchr::memmem::find(raw, b"\r\n\r\n")
            .map(|i| (i, i + 4))
            .or_else(|| memchr::memmem::find(raw, b"\n\n").map(|i| (i, i + 2)))
            .ok_or(HttpError::NoHeaderEnd)?;
        let head = String::from_utf8_lossy(&raw[..end.0]);
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.strip_prefix("HTTP/"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let mut r = Response {
            status,
            headers,
            body: Vec::new(),
        };
        let mut body = raw[end.1..].to_vec();
        if r.header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
        {
            if let Some(b) = dechunk(&body) {
                body = b;
            }
        }
        if let Some(coding) = r.header("content-encoding") {
            body = decode_coding(&coding.to_ascii_lowercase(), body, limit)?;
        }
        if body.len() > limit {
            return Err(HttpError::TooLarge(body.len()));
        }
        r.body = body;
        Ok(r)
    }

    /// The value of a header (name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The charset of the `Content-Type` header.
    pub fn charset(&self) -> Option<&str> {
        crate::crawl::charset::content_type_charset(self.header("content-type")?)
    }

    /// Whether the body is HTML: by `Content-Type`, or, without one, by its first bytes.
    pub fn is_html(&self) -> bool {
        match self.header("content-type") {
            Some(t) => {
                let t = t.to_ascii_lowercase();
                t.contains("text/html") || t.contains("application/xhtml")
            }
            None => crate::crawl::looks_like_html(&self.body),
        }
    }
}

/// Undoes chunked transfer coding; `None` when the bytes are not chunked after all.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let line = std::str::from_utf8(&b[..nl]).ok()?.trim();
        let size_hex = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > b.len() {
            // A body cut short inside a chunk: keep what there is.
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
        if b.is_empty() {
            return Some(out);
        }
    }
}

fn decode_coding(coding: &str, body: Vec<u8>, limit: usize) -> Result<Vec<u8>, HttpError> {
    let bounded = |r: &mut dyn Read| -> Result<Vec<u8>, HttpError> {
        let mut out = Vec::new();
        let res = r
            .take((limit as u64).saturating_add(1))
            .read_to_end(&mut out);
        if out.len() > limit {
            return Err(HttpError::TooLarge(out.len()));
        }
        // A body cut short keeps what was decoded; nothing decoded keeps the raw bytes.
        match res {
            Err(_) if out.is_empty() => Err(HttpError::Coding(coding.to_string())),
            _ => Ok(out),
        }
    };
    match coding.trim() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            bounded(&mut flate2::read::MultiGzDecoder::new(body.as_slice()))
        }
        "deflate" if !body.starts_with(b"<") => {
            let zlib = bounded(&mut flate2::read::ZlibDecoder::new(body.as_slice()));
            zlib.or_else(|_| bounded(&mut flate2::read::DeflateDecoder::new(body.as_slice())))
        }
        "zstd" if body.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) => {
            match zstd::stream::read::Decoder::new(body.as_slice()) {
                Ok(mut d) => bounded(&mut d),
                Err(_) => Err(HttpError::Coding(coding.to_string())),
            }
        }
        // Stored already decoded (the header was kept), or a coding the bytes do not show.
        "gzip" | "x-gzip" | "deflate" | "zstd" => Ok(body),
        _ if crate::crawl::looks_like_html(&body) => Ok(body),
        other => Err(HttpError::Coding(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_body_is_inflated_and_bounded() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&b"<p>x</p>".repeat(1000)).unwrap();
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(e.finish().unwrap());
        assert_eq!(Response::parse(&raw, 1 << 20).unwrap().body.len(), 8000);
        assert_eq!(
            Response::parse(&raw, 100).unwrap_err(),
            HttpError::TooLarge(101)
        );
    }

    #[test]
    fn headers_that_do_not_match_the_bytes_are_ignored() {
        let raw = b"HTTP/1.0 200 OK\nContent-Encoding: gzip\nTransfer-Encoding: chunked\n\n<html>plain</html>";
        let r = Response::parse(raw, 1000).unwrap();
        assert_eq!(r.body, b"<html>plain</html>");
        assert!(r.is_html());
        let br = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x8b\x02\x80";
        assert_eq!(
            Response::parse(br, 1000).unwrap_err(),
            HttpError::Coding("br".into())
        );
        assert_eq!(
            Response::parse(b"HTTP/1.1 200 OK\r\n", 10).unwrap_err(),
            HttpError::NoHeaderEnd
        );
    }

    #[test]
    fn status_and_folded_headers() {
        let r = Response::parse(b"HTTP/1.1 301 Moved\r\nX-A: a\r\n  b\r\n\r\n", 10).unwrap();
        assert_eq!((r.status, r.header("x-a")), (301, Some("a b")));
        let r = Response::parse(b"garbage\r\n\r\nbody", 10).unwrap();
        assert_eq!(r.status, 0);
    }

    #[test]
    fn chunks_cut_short_keep_their_bytes() {
        assert_eq!(dechunk(b"3\r\nabc\r\n10\r\ndef"), Some(b"abcdef".to_vec()));
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}
