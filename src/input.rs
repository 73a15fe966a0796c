//! Input stage: finds the documents behind the paths a user gives and streams them, one
//! [`Record`] per document, without ever holding more than one document's text per reader.
//!
//! * `*.txt`, `*.md` (and any other file named explicitly): one document per file, id = the
//!   path relative to the directory argument (or the path as given for a file argument).
//! * `*.jsonl`, `*.ndjson`: one document per line; text from `text`, id from `id` (both
//!   configurable, a record without an id gets one derived from its content: [`derived_id`]),
//!   other string fields carried to the output; blank or broken lines become error records
//!   (with `FILE:LINE` ids) so that every input line has exactly one output line.
//! * `-` or no path: standard input, JSONL when its first non-blank byte is `{`.
//! * HTML, WARC, JSON arrays, `.gz`/`.zst` and unsupported formats: see [`crate::crawl`]
//!   (by name, or by content on stdin and for names that say nothing).
//! * In folders, `README`, `LICENSE` and similar files are skipped: they describe the corpus.
//!
//! Invalid UTF-8 is decoded lossily (U+FFFD) and the document carries a warning; offsets then
//! count the replacement characters. A UTF-8 byte-order mark at the start of a file is dropped.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::DocError;

mod discover;
mod ids;
mod jsonl;

pub use discover::{discover, Discovery};
pub use ids::derived_id;
pub(crate) use jsonl::parse_line;

/// How documents are laid out in one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole input is one document.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page: one document, its visible text (see [`crate::crawl::html`]).
    Html,
    /// A WARC (or WET) file: one document per page record (see [`crate::crawl::warc`]).
    Warc,
    /// A JSON array of objects (see [`crate::crawl::json_array`]).
    JsonArray,
    /// A format claimex cannot read (what it is, for the `unsupported_format` record).
    Unsupported(&'static str),
}

/// One input to read: a file, or standard input.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The name used in ids and messages (relative to the directory argument).
    pub name: String,
    /// The layout, or `None` to detect it from the first non-blank byte.
    pub format: Option<Format>,
    /// Size in bytes of a regular file (for the progress bar and messages).
    pub size: Option<u64>,
    /// Why this input cannot be read (a folder met in a walk that could not be listed): its
    /// record is a `read_error` with this message.
    pub unreadable: Option<String>,
}

/// Options for reading inputs.
///
/// ```
/// use claimex::input::InputOptions;
/// let opts = InputOptions { text_field: "body".into(), ..InputOptions::default() };
/// assert_eq!(opts.id_field, "id");
/// ```
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// JSON field holding the document text.
    pub text_field: String,
    /// JSON field holding the document id.
    pub id_field: String,
    /// Documents (or JSONL lines) longer than this many bytes become `too_large` error records
    /// without being held in memory.
    pub max_doc_bytes: usize,
    /// How standard input is laid out; `None`: told from its first bytes. A pipe fed a share of
    /// a JSONL dump (a Spark partition) says `Jsonl`: its first line may be a broken one.
    pub stdin_format: Option<Format>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            stdin_format: None,
        }
    }
}

/// Default limit on one document: far above any news article, low enough that a runaway
/// line cannot exhaust memory.
pub const DEFAULT_MAX_DOC_BYTES: usize = 16 << 20;

/// What the reader produced for one input document.
#[derive(Debug)]
pub enum Item {
    /// A document to process.
    Doc(Document),
    /// A document that could not be read; written as an error record in its place.
    Failed {
        /// The id the error record carries (the input's id, or `FILE:LINE`).
        id: String,
        /// What went wrong.
        error: DocError,
    },
}

impl Item {
    /// The id of the document or failure.
    pub fn id(&self) -> &str {
        match self {
            Item::Doc(d) => &d.id,
            Item::Failed { id, .. } => id,
        }
    }
}

/// One document read from the input, with the number of input bytes it took.
#[derive(Debug)]
pub struct Record {
    /// The document or its failure.
    pub item: Item,
    /// Input bytes consumed (for throughput and progress).
    pub bytes: u64,
}

pub(crate) fn stdin_input() -> InputFile {
    InputFile {
        path: None,
        name: "<stdin>".into(),
        format: None,
        size: None,
        unreadable: None,
    }
}

/// README, LICENSE and similar files describe a corpus folder; they are not its documents.
/// (A file named on the command line is always read.)
fn is_corpus_doc(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CHANGELOG",
        "NOTICE",
        "AUTHORS",
        "CONTRIBUTING",
    ]
    .iter()
    .any(|n| stem == *n || stem.starts_with(&format!("{n}-")) || stem.starts_with(&format!("{n}_")))
}

fn format_of(path: &Path) -> Option<Format> {
    crate::crawl::format_of(path)
}

fn slash_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Streams the documents of a list of inputs in order.
///
/// ```
/// use claimex::input::{DocStream, InputFile, InputOptions, Item};
/// let data = "{\"id\": \"a\", \"text\": \"She said so.\"}\nnot json\n";
/// let mut s = DocStream::from_reader("mem", std::io::Cursor::new(data), InputOptions::default());
/// assert!(matches!(s.next().unwrap().item, Item::Doc(_)));
/// assert!(matches!(s.next().unwrap().item, Item::Failed { .. }));
/// assert!(s.next().is_none());
/// ```
pub struct DocStream {
    files: std::vec::IntoIter<InputFile>,
    current: Option<Reader>,
    opts: InputOptions,
}

struct Reader {
    name: String,
    src: Box<dyn BufRead + Send>,
    /// Size of a regular file (for messages); `None` for streams.
    size: Option<u64>,
    state: ReaderState,
}

enum ReaderState {
    Detect,
    Text(Blanks),
    Jsonl {
        line: u64,
        buf: Vec<u8>,
        /// Blank lines read while detecting the format, still to be reported.
        blank: u64,
        /// Input bytes read while detecting and not yet counted.
        extra: u64,
    },
    /// HTML, WARC, JSON array, unsupported: records from [`crate::crawl::reader`].
    Crawl(Box<dyn Iterator<Item = Record> + Send>),
    Done,
}

/// The blank prefix consumed while detecting the format of a stream.
#[derive(Default)]
struct Blanks {
    /// The bytes, up to `max_doc_bytes + 1` of them.
    kept: Vec<u8>,
    /// How many bytes there were.
    total: u64,
    /// How many of them were `\n`.
    newlines: u64,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl DocStream {
    /// Streams the given inputs.
    pub fn new(files: Vec<InputFile>, opts: InputOptions) -> DocStream {
        DocStream {
            files: files.into_iter(),
            current: None,
            opts,
        }
    }

    /// Streams one reader whose format is detected from its first non-blank byte.
    pub fn from_reader(
        name: &str,
        reader: impl Read + Send + 'static,
        opts: InputOptions,
    ) -> DocStream {
        DocStream {
            files: Vec::new().into_iter(),
            current: Some(Reader {
                name: name.to_string(),
                src: Box::new(BufReader::with_capacity(1 << 16, reader)),
                size: None,
                state: ReaderState::Detect,
            }),
            opts,
        }
    }

    fn open(&mut self, f: InputFile) -> Option<Record> {
        let fail = |error: DocError, name: String| Record {
            bytes: 0,
            item: Item::Failed { error, id: name },
        };
        if let Some(why) = &f.unreadable {
            let error = DocError::new("read_error", format!("{}: {why}", f.name));
            return Some(fail(error, f.name));
        }
        let src: Box<dyn BufRead + Send> = match &f.path {
            None => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            Some(p) => {
                if f.format == Some(Format::Text) {
                    if let Some(size) = f.size.filter(|&s| s > self.opts.max_doc_bytes as u64) {
                        return Some(Record {
                            bytes: size,
                            ..fail(too_large(&f.name, None, Some(size), &self.opts), f.name)
                        });
                    }
                }
                match File::open(p) {
                    Ok(file) => crate::crawl::decompress_by_name(
                        Box::new(BufReader::with_capacity(1 << 20, file)),
                        p,
                    ),
                    Err(e) => {
                        let error =
                            DocError::new("read_error", format!("{}: cannot open: {e}", f.name));
                        return Some(fail(error, f.name));
                    }
                }
            }
        };
        let format = match &f.path {
            None => self.opts.stdin_format.or(f.format),
            Some(_) => f.format,
        };
        let (state, src) = match format {
            None => (ReaderState::Detect, src),
            Some(Format::Text) => (ReaderState::Text(Blanks::default()), src),
            Some(Format::Jsonl) => (jsonl_state(&Blanks::default()), src),
            Some(crawl) => (
                ReaderState::Crawl(crate::crawl::reader(crawl, &f.name, src, &self.opts)),
                Box::new(io::empty()) as Box<dyn BufRead + Send>,
            ),
        };
        self.current = Some(Reader {
            name: f.name,
            src,
            size: f.size,
            state,
        });
        None
    }
}

fn jsonl_state(blanks: &Blanks) -> ReaderState {
    ReaderState::Jsonl {
        line: 0,
        buf: Vec::new(),
        blank: blanks.newlines,
        extra: blanks.total - blanks.newlines,
    }
}

impl Iterator for DocStream {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.current.as_mut() {
                if let Some(rec) = r.next_record(&self.opts) {
                    return Some(rec);
                }
                self.current = None;
            }
            let f = self.files.next()?;
            if let Some(rec) = self.open(f) {
                return Some(rec);
            }
        }
    }
}

impl Reader {
    fn next_record(&mut self, opts: &InputOptions) -> Option<Record> {
        loop {
            match &mut self.state {
                ReaderState::Done => return None,
                ReaderState::Detect => {
                    // crawl: gzip/zstd are undone first; HTML, WARC, JSON arrays and
                    // unsupported formats are told from the first non-blank bytes.
                    let found = crate::crawl::unwrap_compression(&mut self.src)
                        .and_then(|()| detect(&mut *self.src, opts.max_doc_bytes))
                        .and_then(|(f, blanks)| {
                            let head = self.src.fill_buf()?;
                            Ok((crate::crawl::sniff(head, head).unwrap_or(f), blanks))
                        });
                    self.state = match found {
                        Ok((Format::Jsonl, blanks)) => jsonl_state(&blanks),
                        Ok((Format::Text, blanks)) => ReaderState::Text(blanks),
                        Ok((crawl, _)) => {
                            let src = std::mem::replace(&mut self.src, Box::new(io::empty()));
                            ReaderState::Crawl(crate::crawl::reader(crawl, &self.name, src, opts))
                        }
                        Err(e) => {
                            self.state = ReaderState::Done;
                            return Some(read_failure(&self.name, None, &e));
                        }
                    };
                }
                ReaderState::Crawl(records) => match records.next() {
                    Some(rec) => return Some(rec),
                    None => self.state = ReaderState::Done,
                },
                ReaderState::Text(blanks) => {
                    let blanks = std::mem::take(blanks);
                    self.state = ReaderState::Done;
                    return Some(self.read_text(blanks, opts));
                }
                ReaderState::Jsonl {
                    line,
                    buf,
                    blank,
                    extra,
                } => {
                    *line += 1;
                    let lineno = *line;
                    if *blank > 0 {
                        *blank -= 1;
                        return Some(Record {
                            item: jsonl::parse_line(&self.name, lineno, b"", opts),
                            bytes: 1,
                        });
                    }
                    match read_line_capped(&mut *self.src, buf, opts.max_doc_bytes) {
                        Ok(None) => {
                            self.state = ReaderState::Done;
                            return None;
                        }
                        Ok(Some(read)) => {
                            let item = if read.content > opts.max_doc_bytes {
                                Item::Failed {
                                    id: format!("{}:{lineno}", self.name),
                                    error: too_large(
                                        &self.name,
                                        Some(lineno),
                                        Some(read.content as u64),
                                        opts,
                                    ),
                                }
                            } else {
                                jsonl::parse_line(&self.name, lineno, buf, opts)
                            };
                            let bytes = read.total as u64 + std::mem::take(extra);
                            return Some(Record { item, bytes });
                        }
                        Err(e) => {
                            self.state = ReaderState::Done;
                            return Some(read_failure(&self.name, Some(lineno), &e));
                        }
                    }
                }
            }
        }
    }

    /// Reads the rest of the input as one document, never holding more than the limit:
    /// past it the document is `too_large` and the reader stops (an endless stream such as
    /// `/dev/zero` ends there too).
    fn read_text(&mut self, blanks: Blanks, opts: &InputOptions) -> Record {
        let cap = opts.max_doc_bytes as u64;
        let mut bytes = blanks.kept;
        let mut read = blanks.total;
        if read <= cap {
            let before = bytes.len() as u64;
            let room = cap.saturating_add(1).saturating_sub(before);
            if let Err(e) = (&mut self.src).take(room).read_to_end(&mut bytes) {
                return read_failure(&self.name, None, &e);
            }
            read += bytes.len() as u64 - before;
        }
        if read > cap {
            let size = self.size.filter(|&s| s > cap);
            return Record {
                bytes: size.unwrap_or(read),
                item: Item::Failed {
                    id: self.name.clone(),
                    error: too_large(&self.name, None, size, opts),
                },
            };
        }
        let (text, warning) = decode(bytes);
        let item = if text.trim().is_empty() {
            Item::Failed {
                id: self.name.clone(),
                error: DocError::new(
                    "empty_document",
                    format!("{}: the document has no text", self.name),
                ),
            }
        } else {
            let mut doc = Document::new(self.name.clone(), text);
            doc.warnings.extend(warning);
            Item::Doc(doc)
        };
        Record { item, bytes: read }
    }
}

fn read_failure(name: &str, line: Option<u64>, e: &io::Error) -> Record {
    let id = match line {
        Some(l) => format!("{name}:{l}"),
        None => name.to_string(),
    };
    Record {
        bytes: 0,
        item: Item::Failed {
            error: DocError::new(
                crate::crawl::compress::error_kind(e),
                format!("{id}: read failed: {e}"),
            ),
            id,
        },
    }
}

/// `size`: the document's size when known (a regular file, a JSONL line); a stream stopped
/// at the limit has none.
fn too_large(name: &str, line: Option<u64>, size: Option<u64>, opts: &InputOptions) -> DocError {
    let at = match line {
        Some(l) => format!("{name}:{l}"),
        None => name.to_string(),
    };
    let size = match size {
        Some(s) => format!("{s} bytes"),
        None => format!("more than {} bytes", opts.max_doc_bytes),
    };
    DocError::new(
        "too_large",
        format!(
            "{at}: document is {size}, over the limit of {} bytes; raise it with --max-doc-bytes if this is really one document",
            opts.max_doc_bytes
        ),
    )
}

/// Reads the blank prefix of a stream (after an optional BOM) up to its first other byte,
/// which it leaves unread, and tells the layout from that byte: `{` is JSONL. The prefix is
/// kept (up to `cap + 1` bytes) for a text document and counted in lines for JSONL, where
/// every blank line still gets its record.
fn detect(src: &mut dyn BufRead, cap: usize) -> io::Result<(Format, Blanks)> {
    let mut b = Blanks::default();
    loop {
        let buf = match src.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((Format::Text, b));
        }
        let from = if b.total == 0 && buf.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        let end = buf[from..]
            .iter()
            .position(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
            .map(|i| i + from);
        let upto = end.unwrap_or(buf.len());
        let next = end.map(|i| buf[i]);
        b.newlines += memchr::memchr_iter(b'\n', &buf[..upto]).count() as u64;
        let room = cap.saturating_add(1).saturating_sub(b.kept.len());
        b.kept.extend_from_slice(&buf[..upto.min(room)]);
        b.total += upto as u64;
        src.consume(upto);
        if let Some(c) = next {
            let format = if c == b'{' {
                Format::Jsonl
            } else {
                Format::Text
            };
            return Ok((format, b));
        }
    }
}

/// What [`read_line_capped`] read.
struct LineRead {
    /// Bytes of the line without its `\n`.
    total: usize,
    /// ... and without a `\r` before it: what the size limit applies to.
    content: usize,
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap + 1` bytes and
/// discarding the rest, so a runaway line costs no memory. `None` at end of input.
fn read_line_capped(
    src: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<LineRead>> {
    buf.clear();
    let keep = cap.saturating_add(1);
    let mut total = 0usize;
    let mut last = None;
    loop {
        let chunk = match src.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(last.is_some().then(|| line_read(total, last)));
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = keep.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        if take > 0 {
            last = Some(chunk[take - 1]);
        } else if last.is_none() {
            last = Some(b'\n');
        }
        total = total.saturating_add(take);
        src.consume(if done { take + 1 } else { take });
        if done {
            return Ok(Some(line_read(total, last)));
        }
    }
}

fn line_read(total: usize, last: Option<u8>) -> LineRead {
    LineRead {
        total,
        content: total - usize::from(total > 0 && last == Some(b'\r')),
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences, and drops a leading BOM.
fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    let (mut text, warning) = match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let n = text.matches('\u{FFFD}').count();
            (
                text,
                Some(format!(
                    "invalid_utf8: input is not valid UTF-8; {n} invalid sequence(s) replaced by U+FFFD, offsets count the replacements"
                )),
            )
        }
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    (text, warning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn items(data: &[u8], opts: InputOptions) -> Vec<Item> {
        DocStream::from_reader("t.jsonl", Cursor::new(data.to_vec()), opts)
            .map(|r| r.item)
            .collect()
    }

    fn kind(item: &Item) -> &'static str {
        match item {
            Item::Doc(_) => "doc",
            Item::Failed { error, .. } => error.kind,
        }
    }

    #[test]
    fn jsonl_lines_each_give_one_item() {
        let data = b"{\"id\":\"a\",\"text\":\"One.\",\"url\":\"u\"}\n\nnot json\n{\"text\":42}\n{\"id\":7,\"text\":\"\"}\n{\"title\":\"t\"}\r\n{\"text\":\"Two.\"}\r\n";
        let got = items(data, InputOptions::default());
        let kinds: Vec<_> = got.iter().map(kind).collect();
        assert_eq!(
            kinds,
            [
                "doc",
                "blank_line",
                "not_object",
                "text_not_string",
                "empty_document",
                "missing_text",
                "doc"
            ]
        );
        assert_eq!(got[4].id(), "7");
        assert_eq!(got[6].id(), derived_id("Two.", None));
        if let Item::Doc(d) = &got[0] {
            assert_eq!(d.field("url"), Some("u"));
        }
    }

    #[test]
    fn broken_object_is_malformed_json() {
        let got = items(b"{\"id\": \"a\", \"text\": \n", InputOptions::default());
        assert_eq!(kind(&got[0]), "malformed_json");
    }

    #[test]
    fn text_input_detected_and_bom_dropped() {
        let got = items(
            "\u{FEFF}Headline\nBody said.".as_bytes(),
            InputOptions::default(),
        );
        match &got[..] {
            [Item::Doc(d)] => assert_eq!(d.text, "Headline\nBody said."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let got = items(b"Bad \xff\xfe bytes said.", InputOptions::default());
        match &got[..] {
            [Item::Doc(d)] => {
                assert!(d.text.contains('\u{FFFD}'));
                assert!(d.warnings[0].starts_with("invalid_utf8"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn long_line_is_dropped_not_buffered() {
        let opts = InputOptions {
            max_doc_bytes: 100,
            ..InputOptions::default()
        };
        let long = format!(
            "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
            "x".repeat(5000)
        );
        let got = items(long.as_bytes(), opts);
        assert_eq!(kind(&got[0]), "too_large");
        assert_eq!(kind(&got[1]), "doc");
    }

    #[test]
    fn nul_byte_in_text_is_kept() {
        let got = items(b"{\"text\":\"a\\u0000b said.\"}\n", InputOptions::default());
        match &got[..] {
            [Item::Doc(d)] => assert_eq!(d.text, "a\0b said."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn blank_lines_before_first_record_on_stdin_are_kept() {
        let mut data = "\n".repeat(100_000);
        data.push_str(" \r\n\t\n{\"id\":\"a\",\"text\":\"She said so.\"}\n\n");
        let got = items(data.as_bytes(), InputOptions::default());
        // 100,002 blank lines, the record, and the empty line after it.
        assert_eq!(got.len(), 100_004);
        assert!(got[..100_002].iter().all(|i| kind(i) == "blank_line"));
        assert_eq!(kind(&got[100_003]), "blank_line");
        assert_eq!(got[99_999].id(), "t.jsonl:100000");
        assert_eq!(got[100_001].id(), "t.jsonl:100002");
        assert_eq!(kind(&got[100_002]), "doc");
        assert_eq!(got[100_002].id(), "a");
        // A text document keeps its blank prefix: offsets stay offsets into the input.
        let text = format!("{}Headline\nHe said so.", "\n \n".repeat(50_000));
        match &items(text.as_bytes(), InputOptions::default())[..] {
            [Item::Doc(d)] => assert_eq!(d.text, text),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn max_doc_bytes_u64_max() {
        let opts = InputOptions {
            max_doc_bytes: usize::MAX,
            ..InputOptions::default()
        };
        let got = items(b"{\"text\":\"He said so.\"}\n", opts.clone());
        assert_eq!(kind(&got[0]), "doc");
        let got = items(b"\n\nHe said so.", opts);
        assert_eq!(kind(&got[0]), "doc");
    }

    #[test]
    fn crlf_line_exactly_at_the_limit_is_kept() {
        let line = "{\"text\":\"He said so.\"}";
        let opts = InputOptions {
            max_doc_bytes: line.len(),
            ..InputOptions::default()
        };
        let data = format!("{line}\r\n{line}\r\n{line}x\r\n");
        let got = items(data.as_bytes(), opts);
        let kinds: Vec<_> = got.iter().map(kind).collect();
        assert_eq!(kinds, ["doc", "doc", "too_large"]);
    }

    #[test]
    fn endless_text_stream_stops_at_the_limit() {
        let opts = InputOptions {
            max_doc_bytes: 1 << 16,
            ..InputOptions::default()
        };
        // crawl: NUL bytes are binary data (unsupported_format), so the endless text is
        // `yes`-like; /dev/zero itself is refused at its first bytes.
        let zero = std::fs::File::open("/dev/zero").unwrap();
        let mut s = DocStream::from_reader("/dev/zero", zero, opts.clone());
        assert!(
            matches!(s.next().map(|r| r.item), Some(Item::Failed { error, .. }) if error.kind == "unsupported_format")
        );
        let mut s = DocStream::from_reader("yes", io::repeat(b'y'), opts);
        match s.next().map(|r| r.item) {
            Some(Item::Failed { error, .. }) => {
                assert_eq!(error.kind, "too_large");
                assert!(
                    error.message.contains("more than 65536 bytes"),
                    "{}",
                    error.message
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(s.next().is_none());
    }
}
