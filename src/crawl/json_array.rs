//! A JSON array of objects (`[{"id": ..., "text": ...}, ...]`), read one element at a time:
//! each element is cut out of the stream by a small scanner (strings, escapes, nesting) and
//! parsed as a JSONL line would be, so a large array costs one element of memory.
//!
//! Element ids default to `FILE:N` (N counts elements from 1). A broken element is an error
//! record; after a syntax error between elements the rest of the file cannot be trusted and
//! reading stops with one error record.
//!
//! ```
//! use claimex::crawl::json_array::ArrayReader;
//! use claimex::input::{InputOptions, Item};
//! let data = br#"[{"id": "a", "text": "She said so."}, {"text": 7}]"#;
//! let r = ArrayReader::new("x.json", Box::new(&data[..]), &InputOptions::default());
//! let kinds: Vec<_> = r.map(|rec| match rec.item {
//!     Item::Doc(d) => d.id,
//!     Item::Failed { error, .. } => error.kind.to_string(),
//! }).collect();
//! assert_eq!(kinds, ["a", "text_not_string"]);
//! ```

use std::io::{self, BufRead};

use crate::crawl::compress::error_kind;
use crate::error::DocError;
use crate::input::{InputOptions, Item, Record};

/// Streams the elements of a JSON array; see the [module docs](self).
pub struct ArrayReader {
    name: String,
    src: Box<dyn BufRead + Send>,
    opts: InputOptions,
    state: State,
    index: u64,
    buf: Vec<u8>,
    /// The array broke after the last element: the error record still to give.
    pending_break: Option<String>,
}

#[derive(PartialEq, Eq)]
enum State {
    Start,
    Elements,
    Done,
}

impl ArrayReader {
    /// Reads the array in `src`; `name` is used in ids and messages.
    pub fn new(name: &str, src: Box<dyn BufRead + Send>, opts: &InputOptions) -> ArrayReader {
        ArrayReader {
            name: name.to_string(),
            src,
            opts: opts.clone(),
            state: State::Start,
            index: 0,
            buf: Vec::new(),
            pending_break: None,
        }
    }

    /// The next byte that is not JSON whitespace (or a BOM), without consuming it.
    fn peek(&mut self) -> io::Result<Option<u8>> {
        loop {
            let buf = self.src.fill_buf()?;
            let Some(&b) = buf.first() else {
                return Ok(None);
            };
            if matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF) {
                self.src.consume(1);
            } else {
                return Ok(Some(b));
            }
        }
    }

    /// Cuts one element out of the stream into `self.buf` (at most `max_doc_bytes + 1`
    /// bytes kept); returns its full length.
    fn element(&mut self) -> io::Result<usize> {
        self.buf.clear();
        let cap = self.opts.max_doc_bytes.saturating_add(1);
        let (mut depth, mut in_str, mut esc, mut total) = (0usize, false, false, 0usize);
        loop {
            let chunk = self.src.fill_buf()?;
            if chunk.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file ends inside an array element",
                ));
            }
            let mut end = None;
            for (i, &b) in chunk.iter().enumerate() {
                if in_str {
                    match (esc, b) {
                        (true, _) => esc = false,
                        (false, b'\\') => esc = true,
                        (false, b'"') => in_str = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    // A scalar element ends at the separator (not consumed).
                    b',' | b']' | b'}' if depth == 0 => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let take = end.unwrap_or(chunk.len());
            let room = cap.saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            total += take;
            self.src.consume(take);
            if end.is_some() {
                return Ok(total);
            }
        }
    }

    fn fail(&mut self, kind: &'static str, message: String) -> Record {
        self.state = State::Done;
        let id = format!("{}:{}", self.name, self.index.max(1));
        Record {
            bytes: 0,
            item: Item::Failed {
                error: DocError::new(kind, format!("{id}: {message}")),
                id,
            },
        }
    }

    fn step(&mut self) -> io::Result<Option<Record>> {
        if self.state == State::Start {
            match self.peek()? {
                Some(b'[') => {
                    self.src.consume(1);
                    self.state = State::Elements;
                }
                None => {
                    self.state = State::Done;
                    return Ok(Some(self.fail("empty_document", "the file is empty".into())));
                }
                Some(_) => {
                    return Ok(Some(self.fail(
                        "not_object",
                        "a .json file must hold an array of objects ([{\"text\": ...}, ...]); one object per line is JSONL (.jsonl)".into(),
                    )))
                }
            }
            if self.peek()? == Some(b']') {
                self.state = State::Done;
                return Ok(None);
            }
        }
        self.index += 1;
        let total = self.element()?;
        let item = if total > self.opts.max_doc_bytes {
            let id = format!("{}:{}", self.name, self.index);
            Item::Failed {
                error: DocError::new(
                    "too_large",
                    format!("{id}: element is {total} bytes, over the limit of {} bytes; raise it with --max-doc-bytes", self.opts.max_doc_bytes),
                ),
                id,
            }
        } else if self.buf.iter().all(u8::is_ascii_whitespace) {
            // "[,", "[1,,2]": JSONL's "blank line" would name the wrong thing.
            let id = format!("{}:{}", self.name, self.index);
            Item::Failed {
                error: DocError::new(
                    "empty_element",
                    format!("{id}: empty array element (a comma right after '[' or another comma)"),
                ),
                id,
            }
        } else {
            crate::input::parse_line(&self.name, self.index, &self.buf, &self.opts)
        };
        match self.peek()? {
            Some(b',') => self.src.consume(1),
            Some(b']') => {
                self.src.consume(1);
                self.state = State::Done;
            }
            other => {
                self.state = State::Done;
                let found = other.map_or("the end of the file".to_string(), |b| {
                    format!("{:?}", b as char)
                });
                // Keep the element read, and say where the array broke after it.
                if let Item::Failed { .. } = item {
                    return Ok(Some(Record {
                        bytes: total as u64,
                        item,
                    }));
                }
                self.pending_break = Some(format!(
                    "expected ',' or ']' after element {}, found {found}",
                    self.index
                ));
            }
        }
        Ok(Some(Record {
            bytes: total as u64 + 1,
            item,
        }))
    }
}

impl Iterator for ArrayReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(msg) = self.pending_break.take() {
            self.index += 1;
            let kind = if msg.ends_with("the end of the file") {
                "truncated"
            } else {
                "malformed_json"
            };
            return Some(self.fail(kind, msg));
        }
        if self.state == State::Done {
            return None;
        }
        match self.step() {
            Ok(r) => r,
            Err(e) => Some(self.fail(error_kind(&e), e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(data: &str) -> Vec<String> {
        ArrayReader::new(
            "t.json",
            Box::new(io::Cursor::new(data.as_bytes().to_vec())),
            &InputOptions::default(),
        )
        .map(|r| match r.item {
            // Elements without an id get one derived from their content (input::ids).
            Item::Doc(d) if d.id.starts_with("sha256:") => "doc:derived".to_string(),
            Item::Doc(d) => format!("doc:{}", d.id),
            Item::Failed { id, error } => format!("{}@{id}", error.kind),
        })
        .collect()
    }

    #[test]
    fn elements_and_their_errors() {
        assert_eq!(
            kinds(
                r#" [ {"text": "A [b] {c} \"d\""}, 3, {"id": "x", "text": "B", "n": [1, {"k": "]"}]} ] "#
            ),
            ["doc:derived", "not_object@t.json:2", "doc:x"]
        );
        assert_eq!(kinds("[]"), Vec::<String>::new());
        assert_eq!(kinds(""), ["empty_document@t.json:1"]);
        assert_eq!(kinds(r#"{"text": "x"}"#), ["not_object@t.json:1"]);
    }

    /// Found by the `reader_never_panics_on_bytes` property: "[," was reported as a blank
    /// JSONL line.
    #[test]
    fn proptest_empty_array_element_is_named_as_such() {
        assert_eq!(
            kinds("[,"),
            ["empty_element@t.json:1", "truncated@t.json:2"]
        );
        assert_eq!(
            kinds(r#"[{"text": "a"},,{"text": "b"}]"#),
            ["doc:derived", "empty_element@t.json:2", "doc:derived"]
        );
    }

    #[test]
    fn cut_or_broken_arrays_keep_what_was_read() {
        assert_eq!(
            kinds(r#"[{"text": "A"}, {"text": "B"#),
            ["doc:derived", "truncated@t.json:2"]
        );
        assert_eq!(
            kinds(r#"[{"text": "A"} {"text": "B"}]"#),
            ["doc:derived", "malformed_json@t.json:2"]
        );
        assert_eq!(
            kinds(r#"[{"text": "A"}"#),
            ["doc:derived", "truncated@t.json:2"]
        );
    }

    #[test]
    fn fuzz_no_limit_at_all_does_not_overflow() {
        let opts = InputOptions {
            max_doc_bytes: usize::MAX,
            ..InputOptions::default()
        };
        let got: Vec<_> = ArrayReader::new(
            "t.json",
            Box::new(io::Cursor::new(b"\xef[\n\n".to_vec())),
            &opts,
        )
        .map(|r| match r.item {
            Item::Doc(_) => "doc",
            Item::Failed { error, .. } => error.kind,
        })
        .collect();
        assert_eq!(got, ["truncated"]);
    }

    #[test]
    fn huge_element_is_not_held() {
        let opts = InputOptions {
            max_doc_bytes: 50,
            ..InputOptions::default()
        };
        let data = format!(
            r#"[{{"text": "{}"}}, {{"text": "ok"}}]"#,
            "x".repeat(10_000)
        );
        let got: Vec<_> = ArrayReader::new(
            "t.json",
            Box::new(io::Cursor::new(data.into_bytes())),
            &opts,
        )
        .map(|r| match r.item {
            Item::Doc(_) => "doc",
            Item::Failed { error, .. } => error.kind,
        })
        .collect();
        assert_eq!(got, ["too_large", "doc"]);
    }
}
