//! A streaming WARC reader: `response` records with HTML payloads become documents (their
//! visible text, see [`html`](crate::crawl::html)), WET `conversion` records become plain-text
//! documents, every other record is skipped and counted.
//!
//! Records are read one at a time from a (decompressed) stream, so memory is one record,
//! bounded by `--max-doc-bytes`. A record that is cut short (a truncated download) or whose
//! header is not WARC becomes an error record; after a bad header the reader looks for the
//! next `WARC/1.x` line and goes on.
//!
//! ```
//! use claimex::crawl::warc::WarcReader;
//! use claimex::input::{InputOptions, Item};
//! let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>T</title><p>She said so.</p>";
//! let warc = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!     WARC-Target-URI: https://example.com/a\r\nWARC-Date: 2026-03-03T00:00:00Z\r\n\
//!     Content-Length: {}\r\n\r\n{page}\r\n\r\n", page.len());
//! let src = Box::new(std::io::Cursor::new(warc.into_bytes()));
//! let mut r = WarcReader::new("a.warc", src, &InputOptions::default());
//! let Item::Doc(doc) = r.next().unwrap().item else { panic!() };
//! assert_eq!((doc.id.as_str(), doc.text.as_str()), ("urn:uuid:1", "She said so.\n"));
//! assert_eq!(doc.field("url"), Some("https://example.com/a"));
//! assert_eq!(doc.field("date"), Some("2026-03-03T00:00:00Z"));
//! assert!(r.next().is_none());
//! ```

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read};

use crate::crawl::compress::error_kind;
use crate::crawl::http::{HttpError, Response};
use crate::document::Document;
use crate::error::DocError;
use crate::input::{InputOptions, Item, Record};

/// Longest header line or header block accepted (a WARC header is a few hundred bytes).
const MAX_HEADER: usize = 1 << 20;
/// Room for the HTTP headers on top of the document limit.
const HTTP_SLACK: usize = 1 << 16;

/// Reads the documents of one WARC stream; see the [module docs](self).
pub struct WarcReader {
    name: String,
    src: Box<dyn BufRead + Send>,
    max_doc_bytes: usize,
    done: bool,
    /// Records seen, by WARC-Type, and the reasons records were skipped.
    records: u64,
    skipped: BTreeMap<String, u64>,
    documents: u64,
    failed: u64,
    /// Bytes of skipped records, counted into the next record's `bytes`.
    pending_bytes: u64,
    line: Vec<u8>,
}

/// A record's header fields (names in lower case).
struct Header(Vec<(String, String)>);

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

enum HeaderRead {
    Eof,
    Header(Header, u64),
    Bad(String, u64),
}

impl WarcReader {
    /// Reads WARC records from `src` (already decompressed); `name` is used in ids and
    /// messages.
    pub fn new(name: &str, src: Box<dyn BufRead + Send>, opts: &InputOptions) -> WarcReader {
        WarcReader {
            name: name.to_string(),
            src,
            max_doc_bytes: opts.max_doc_bytes,
            done: false,
            records: 0,
            skipped: BTreeMap::new(),
            documents: 0,
            failed: 0,
            pending_bytes: 0,
            line: Vec::new(),
        }
    }

    /// Reads one line (with its `\n`) into `self.line`, at most `MAX_HEADER` bytes kept.
    fn read_line(&mut self) -> io::Result<usize> {
        self.line.clear();
        let n = (&mut self.src)
            .take(MAX_HEADER as u64)
            .read_until(b'\n', &mut self.line)?;
        Ok(n)
    }

    fn read_header(&mut self) -> io::Result<HeaderRead> {
        let mut used = 0u64;
        // Blank lines between records (the record's trailing CRLF CRLF).
        loop {
            let n = self.read_line()?;
            used += n as u64;
            if n == 0 {
                return Ok(HeaderRead::Eof);
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if !self.line.starts_with(b"WARC/") {
            let got = String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).into_owned();
            let line_len = self.line.len() as u64;
            let rest = self.resync()?;
            return Ok(HeaderRead::Bad(
                format!(
                    "expected a WARC/1.x version line, found {:?}; skipped {} bytes to the next record",
                    got.trim_end(),
                    line_len + rest
                ),
                used + rest,
            ));
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut size = 0usize;
        loop {
            let n = self.read_line()?;
            used += n as u64;
            size += n;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file ends inside a WARC header",
                ));
            }
            if size > MAX_HEADER {
                return Ok(HeaderRead::Bad("WARC header over 1 MiB".into(), used));
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            if line.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((k, v)) = line.split_once(':') {
                fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        Ok(HeaderRead::Header(Header(fields), used))
    }

    /// Skips lines up to the next one that starts a WARC record; returns the bytes skipped.
    fn resync(&mut self) -> io::Result<u64> {
        let mut skipped = 0u64;
        loop {
            let buf = self.src.fill_buf()?;
            if buf.is_empty() {
                return Ok(skipped);
            }
            if buf.starts_with(b"WARC/1.") {
                return Ok(skipped);
            }
            let n = self.read_line()?;
            skipped += n as u64;
        }
    }

    /// Reads `len` payload bytes into memory (`keep`) or drops them; returns the bytes, or
    /// an error record's message when the stream ends first.
    fn payload(&mut self, len: u64, keep: bool) -> io::Result<(Vec<u8>, u64)> {
        let mut buf = Vec::new();
        let got = if keep {
            (&mut self.src).take(len).read_to_end(&mut buf)? as u64
        } else {
            io::copy(&mut (&mut self.src).take(len), &mut io::sink())?
        };
        Ok((buf, got))
    }

    fn fail(&mut self, id: String, kind: &'static str, message: String, bytes: u64) -> Record {
        self.failed += 1;
        let bytes = bytes + std::mem::take(&mut self.pending_bytes);
        Record {
            bytes,
            item: Item::Failed {
                error: DocError::new(kind, format!("{}: {message}", self.name)),
                id,
            },
        }
    }

    fn skip(&mut self, why: &str, bytes: u64) {
        *self.skipped.entry(why.to_string()).or_default() += 1;
        self.pending_bytes += bytes;
    }

    fn summary(&self) {
        if self.records == 0 && self.failed == 0 {
            return;
        }
        let skipped: Vec<String> = self
            .skipped
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        let skipped = if skipped.is_empty() {
            "none".to_string()
        } else {
            skipped.join(", ")
        };
        crate::msg::info(&format!(
            "{}: {} WARC records: {} documents, {} failed; skipped: {skipped}",
            self.name, self.records, self.documents, self.failed
        ));
    }

    fn next_record(&mut self) -> Option<Record> {
        loop {
            let at = self.records + 1;
            let fallback_id = format!("{}:record-{at}", self.name);
            let (header, used) = match self.read_header() {
                Ok(HeaderRead::Eof) => return None,
                Ok(HeaderRead::Header(h, used)) => (h, used),
                Ok(HeaderRead::Bad(msg, used)) => {
                    self.records += 1;
                    return Some(self.fail(
                        fallback_id,
                        "malformed_warc",
                        format!("record {at}: {msg}"),
                        used,
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Some(self.fail(
                        fallback_id,
                        error_kind(&e),
                        format!("record {at}: {e}"),
                        0,
                    ));
                }
            };
            self.records += 1;
            let id = header
                .get("warc-record-id")
                .map(|v| v.trim_matches(['<', '>']).to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or(fallback_id);
            let Some(len) = header
                .get("content-length")
                .and_then(|v| v.parse::<u64>().ok())
            else {
                let skipped = self.resync().unwrap_or(0);
                return Some(self.fail(id, "malformed_warc", format!("record {at}: no valid Content-Length; skipped {skipped} bytes to the next record"), used + skipped));
            };
            let kind = header.get("warc-type").unwrap_or("").to_ascii_lowercase();
            let content_type = header
                .get("content-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let wanted = match kind.as_str() {
                "response" => content_type.contains("application/http") || content_type.is_empty(),
                "conversion" => true,
                "resource" => content_type.contains("text/html") || content_type.contains("xhtml"),
                _ => false,
            };
            let slack = if kind == "response" { HTTP_SLACK } else { 0 };
            let limit = self.max_doc_bytes.saturating_add(slack);
            let too_large = wanted && len > limit as u64;
            let (payload, got) = match self.payload(len, wanted && !too_large) {
                Ok(p) => p,
                Err(e) => {
                    self.done = true;
                    return Some(self.fail(id, error_kind(&e), format!("record {at}: {e}"), used));
                }
            };
            let bytes = used + got;
            if got < len {
                self.done = true;
                return Some(self.fail(id, "truncated", format!("record {at} ends after {got} of its {len} bytes: the file is truncated; the records before it were read"), bytes));
            }
            if too_large {
                let msg = format!("record {at} is {len} bytes, over the limit of {} bytes; raise it with --max-doc-bytes", self.max_doc_bytes);
                return Some(self.fail(id, "too_large", msg, bytes));
            }
            if !wanted {
                let why = if kind.is_empty() {
                    "untyped".to_string()
                } else {
                    kind
                };
                self.skip(&why, bytes);
                continue;
            }
            match self.document(&id, &header, &kind, payload) {
                Ok(Some(doc)) => {
                    self.documents += 1;
                    let bytes = bytes + std::mem::take(&mut self.pending_bytes);
                    return Some(Record {
                        bytes,
                        item: Item::Doc(doc),
                    });
                }
                Ok(None) => continue,
                Err((kind, msg)) => {
                    return Some(self.fail(id, kind, format!("record {at}: {msg}"), bytes))
                }
            }
        }
    }

    /// The document of a wanted record, `None` when it is skipped (not HTML, not 2xx).
    fn document(
        &mut self,
        id: &str,
        header: &Header,
        kind: &str,
        payload: Vec<u8>,
    ) -> Result<Option<Document>, (&'static str, String)> {
        let url = header
            .get("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']));
        let date = header.get("warc-date");
        let len = payload.len() as u64;
        if kind == "conversion" {
            let (text, warning) = crate::crawl::decode_text(payload);
            if text.trim().is_empty() {
                return Err(("empty_document", "the conversion record has no text".into()));
            }
            let mut doc = Document::new(id, text);
            doc.fields
                .extend(url.map(|u| ("url".to_string(), u.to_string())));
            doc.fields
                .extend(date.map(|d| ("date".to_string(), d.to_string())));
            doc.warnings.extend(warning);
            return Ok(Some(doc));
        }
        let (body, charset) = if kind == "resource" {
            (payload, None)
        } else {
            let r = match Response::parse(&payload, self.max_doc_bytes) {
                Ok(r) => r,
                Err(HttpError::TooLarge(n)) => {
                    return Err(("too_large", format!("the decoded page is over {n} bytes, over the limit of {} bytes; raise it with --max-doc-bytes", self.max_doc_bytes)));
                }
                Err(HttpError::Coding(c)) => {
                    return Err(("unsupported_format", format!("the page is sent with content coding {c:?}, which claimex does not decode")));
                }
                Err(HttpError::NoHeaderEnd) => {
                    return Err((
                        "malformed_warc",
                        "the response record holds no complete HTTP header".into(),
                    ));
                }
            };
            if r.status != 0 && !(200..300).contains(&r.status) {
                self.skip("non-2xx responses", len);
                return Ok(None);
            }
            if !r.is_html() {
                self.skip("non-HTML responses", len);
                return Ok(None);
            }
            let charset = r.charset().map(str::to_string);
            (r.body, charset)
        };
        let page = crate::crawl::html::extract(&body, charset.as_deref());
        crate::crawl::html_document(id, page, url, date).map(Some)
    }
}

impl Iterator for WarcReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let r = self.next_record();
        if r.is_none() || self.done {
            if r.is_none() {
                self.done = true;
            }
            if self.done {
                self.summary();
            }
        }
        r
    }
}

#[cfg(test)]
mod tests;
