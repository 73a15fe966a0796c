//! Reading a file of claimex records line by line into [`DocRecord`]s (see
//! [`records`](super::records)).

use std::io::BufRead;

use serde_json::Value;

use super::records::DocRecord;

/// Reads document records from claimex output, one per document: claim records of the
/// same document (consecutive lines) are merged; a line that is not JSON becomes an error
/// record; blank lines are skipped. Lines longer than `max_line` bytes become `too_large`
/// error records without being held in memory.
pub struct RecordReader<R> {
    src: R,
    name: String,
    line: usize,
    max_line: usize,
    pending: Option<DocRecord>,
    ready: Option<DocRecord>,
    done: bool,
}

impl<R: BufRead> RecordReader<R> {
    /// A reader over `src`, named `name` in messages and fallback ids.
    ///
    /// ```
    /// use claimex::review::records::RecordReader;
    /// let data = "{\"id\":\"a\",\"claims\":[]}\n\nnot json\n";
    /// let recs: Vec<_> = RecordReader::new(data.as_bytes(), "mem", 1 << 20).collect();
    /// assert_eq!(recs.len(), 2);
    /// assert!(recs[1].error.is_some());
    /// ```
    pub fn new(src: R, name: &str, max_line: usize) -> RecordReader<R> {
        RecordReader {
            src,
            name: name.to_string(),
            line: 0,
            max_line,
            pending: None,
            ready: None,
            done: false,
        }
    }

    fn next_line(&mut self) -> Option<(DocRecord, bool)> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let at = format!("{}:{}", self.name, self.line);
            let mut buf = Vec::new();
            match read_capped(&mut self.src, &mut buf, self.max_line) {
                Err(e) => {
                    self.done = true;
                    let msg = format!("{at}: cannot read: {e}");
                    return Some((DocRecord::failed(&at, "read_error", &msg), false));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(total)) if total > self.max_line => {
                    let msg = format!("{at}: the line has {total} bytes, over the limit of {} (raise --max-record-bytes)", self.max_line);
                    return Some((DocRecord::failed(&at, "too_large", &msg), false));
                }
                Ok(Some(_)) => {}
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match serde_json::from_slice::<Value>(&buf) {
                Ok(v) => (
                    DocRecord::from_value(&v, &at),
                    DocRecord::is_claim_record(&v),
                ),
                Err(e) => {
                    let msg = format!("{at}: not a JSON record ({e})");
                    (DocRecord::failed(&at, "malformed_json", &msg), false)
                }
            });
        }
    }
}

impl<R: BufRead> Iterator for RecordReader<R> {
    type Item = DocRecord;

    fn next(&mut self) -> Option<DocRecord> {
        if let Some(r) = self.ready.take() {
            return Some(r);
        }
        loop {
            let Some((rec, is_claim)) = self.next_line() else {
                return self.pending.take();
            };
            if !is_claim {
                if let Some(p) = self.pending.take() {
                    self.ready = Some(rec);
                    return Some(p);
                }
                return Some(rec);
            }
            match self.pending.as_mut() {
                Some(p) if p.id == rec.id => p.absorb(rec),
                Some(_) => return self.pending.replace(rec),
                None => self.pending = Some(rec),
            }
        }
    }
}

/// Reads one line into `buf` (without the newline), keeping at most `max + 1` bytes but
/// consuming the whole line. `Ok(None)` at end of input; else the line's full length.
fn read_capped(
    src: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Option<usize>> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = src.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (part, found) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i)),
            None => (chunk, None),
        };
        if buf.len() <= max {
            let room = (max + 1 - buf.len()).min(part.len());
            buf.extend_from_slice(&part[..room]);
        }
        total += part.len();
        let used = found.map_or(part.len(), |i| i + 1);
        src.consume(used);
        if found.is_some() {
            return Ok(Some(total));
        }
    }
}
