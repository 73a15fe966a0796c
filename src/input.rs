//! Input stage: finds the documents behind the paths a user gives and streams them, one
//! [`Record`] per document, without ever holding more than one document's text per reader.
//!
//! * `*.txt`, `*.md` (and any other file named explicitly): one document per file, id = the
//!   path relative to the directory argument (or the path as given for a file argument).
//! * `*.jsonl`, `*.ndjson`: one document per line; text from `text`, id from `id` (both
//!   configurable), other string fields carried to the output; blank or broken lines become
//!   error records so that every input line has exactly one output line.
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

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::document::Document;
use crate::error::{DocError, Error, Result};

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
    /// Size in bytes when known (for the progress bar).
    pub size: Option<u64>,
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
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
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

/// Expands the paths given on the command line into inputs: directories are walked
/// recursively and sorted, so runs are reproducible. An empty list, or `-`, means stdin.
///
/// ```no_run
/// let inputs = claimex::input::discover(&["corpora/samples".into()]).unwrap();
/// assert!(inputs.iter().all(|f| f.path.is_some()));
/// ```
pub fn discover(paths: &[PathBuf]) -> Result<Vec<InputFile>> {
    if paths.is_empty() {
        return Ok(vec![stdin_input()]);
    }
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(stdin_input());
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| Error::Io {
            path: p.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files)?;
            files.sort();
            let before = out.len();
            skipped.clear();
            for f in files {
                // crawl: unknown and unsupported files in a folder are skipped and counted.
                let format = match format_of(&f) {
                    Some(format) if crate::crawl::keep_in_folder(&f, format) => format,
                    _ => {
                        skipped.push(f);
                        continue;
                    }
                };
                if is_corpus_doc(&f) {
                    continue;
                }
                let rel = f.strip_prefix(p).unwrap_or(&f);
                let size = std::fs::metadata(&f).ok().map(|m| m.len());
                out.push(InputFile {
                    name: slash_path(rel),
                    path: Some(f),
                    format: Some(format),
                    size,
                });
            }
            crate::crawl::folder_summary(p, out.len() - before, &skipped)?;
        } else {
            out.push(InputFile {
                name: slash_path(p),
                format: format_of(p),
                path: Some(p.clone()),
                size: Some(meta.len()),
            });
        }
    }
    Ok(out)
}

fn stdin_input() -> InputFile {
    InputFile {
        path: None,
        name: "<stdin>".into(),
        format: None,
        size: None,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| Error::Io {
            path: path.clone(),
            source: e,
        })?;
        if ft.is_dir() {
            // Hidden folders (.git, .cache) are never document collections.
            if !entry.file_name().to_string_lossy().starts_with('.') {
                walk(&path, out)?;
            }
        } else {
            out.push(path);
        }
    }
    Ok(())
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
    state: ReaderState,
}

enum ReaderState {
    Detect,
    Text,
    Jsonl {
        line: u64,
        buf: Vec<u8>,
    },
    /// HTML, WARC, JSON array, unsupported: records from [`crate::crawl::reader`].
    Crawl(Box<dyn Iterator<Item = Record> + Send>),
    Done,
}

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
                state: ReaderState::Detect,
            }),
            opts,
        }
    }

    fn open(&mut self, f: InputFile) -> Option<Record> {
        let src: Box<dyn BufRead + Send> = match &f.path {
            None => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            Some(p) => {
                if f.format == Some(Format::Text) {
                    if let Some(size) = f.size {
                        if size as usize > self.opts.max_doc_bytes {
                            return Some(Record {
                                bytes: size,
                                item: Item::Failed {
                                    error: too_large(&f.name, None, size, &self.opts),
                                    id: f.name,
                                },
                            });
                        }
                    }
                }
                match File::open(p) {
                    Ok(file) => crate::crawl::decompress_by_name(
                        Box::new(BufReader::with_capacity(1 << 20, file)),
                        p,
                    ),
                    Err(e) => {
                        return Some(Record {
                            bytes: 0,
                            item: Item::Failed {
                                error: DocError::new(
                                    "read_error",
                                    format!("{}: cannot open: {e}", f.name),
                                ),
                                id: f.name,
                            },
                        })
                    }
                }
            }
        };
        let mut reader = Reader {
            name: f.name,
            src,
            state: ReaderState::Detect,
        };
        if let Some(format) = f.format {
            reader.set_format(format, &self.opts);
        }
        self.current = Some(reader);
        None
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
    fn set_format(&mut self, format: Format, opts: &InputOptions) {
        self.state = match format {
            Format::Text => ReaderState::Text,
            Format::Jsonl => ReaderState::Jsonl {
                line: 0,
                buf: Vec::new(),
            },
            _ => {
                let src = std::mem::replace(&mut self.src, Box::new(io::empty()));
                ReaderState::Crawl(crate::crawl::reader(format, &self.name, src, opts))
            }
        };
    }

    fn next_record(&mut self, opts: &InputOptions) -> Option<Record> {
        loop {
            match &mut self.state {
                ReaderState::Done => return None,
                ReaderState::Detect => match crate::crawl::detect(&mut self.src) {
                    Ok(format) => self.set_format(format, opts),
                    Err(e) => {
                        self.state = ReaderState::Done;
                        return Some(read_failure(&self.name, None, &e));
                    }
                },
                ReaderState::Crawl(records) => match records.next() {
                    Some(rec) => return Some(rec),
                    None => self.state = ReaderState::Done,
                },
                ReaderState::Text => {
                    self.state = ReaderState::Done;
                    return Some(self.read_text(opts));
                }
                ReaderState::Jsonl { line, buf } => {
                    *line += 1;
                    let lineno = *line;
                    match read_line_capped(&mut self.src, buf, opts.max_doc_bytes) {
                        Ok(None) => {
                            self.state = ReaderState::Done;
                            return None;
                        }
                        Ok(Some(total)) => {
                            let item = if total > opts.max_doc_bytes {
                                Item::Failed {
                                    id: format!("{}:{lineno}", self.name),
                                    error: too_large(&self.name, Some(lineno), total as u64, opts),
                                }
                            } else {
                                parse_line(&self.name, lineno, buf, opts)
                            };
                            return Some(Record {
                                item,
                                bytes: total as u64,
                            });
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

    fn read_text(&mut self, opts: &InputOptions) -> Record {
        let mut bytes = Vec::new();
        let limit = opts.max_doc_bytes as u64 + 1;
        if let Err(e) = (&mut self.src).take(limit).read_to_end(&mut bytes) {
            return read_failure(&self.name, None, &e);
        }
        if bytes.len() > opts.max_doc_bytes {
            // Drain without keeping it, to report the real size.
            let rest = io::copy(&mut self.src, &mut io::sink()).unwrap_or(0);
            let total = bytes.len() as u64 + rest;
            return Record {
                bytes: total,
                item: Item::Failed {
                    id: self.name.clone(),
                    error: too_large(&self.name, None, total, opts),
                },
            };
        }
        let n = bytes.len() as u64;
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
        Record { item, bytes: n }
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

fn too_large(name: &str, line: Option<u64>, size: u64, opts: &InputOptions) -> DocError {
    let at = match line {
        Some(l) => format!("{name}:{l}"),
        None => name.to_string(),
    };
    DocError::new(
        "too_large",
        format!(
            "{at}: document is {size} bytes, over the limit of {} bytes; raise it with --max-doc-bytes if this is really one document",
            opts.max_doc_bytes
        ),
    )
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap + 1` bytes and
/// discarding the rest, so a runaway line costs no memory. Returns the line's full length,
/// or `None` at end of input.
fn read_line_capped(
    src: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = match src.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if any { Some(total) } else { None });
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = (cap + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take;
        src.consume(if done { take + 1 } else { take });
        if done {
            return Ok(Some(total));
        }
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

/// One JSON value of an input record, as far as claimex cares.
enum Field {
    Str(String),
    Num(String),
    Other(&'static str),
}

struct Fields(Vec<(String, Field)>);

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Field, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Field;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Field, E> {
                Ok(Field::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Field, E> {
                Ok(Field::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Field, E> {
                Ok(Field::Num(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Field, E> {
                Ok(Field::Num(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Field, E> {
                Ok(Field::Num(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Field, E> {
                Ok(Field::Other("a boolean"))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Field, E> {
                Ok(Field::Other("null"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> std::result::Result<Field, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Field::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut a: A,
            ) -> std::result::Result<Field, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Field::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Fields, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut a: A,
            ) -> std::result::Result<Fields, A::Error> {
                let mut v = Vec::new();
                while let Some((k, val)) = a.next_entry::<String, Field>()? {
                    v.push((k, val));
                }
                Ok(Fields(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses one JSONL line (or JSON array element) into a document or a failure.
pub(crate) fn parse_line(name: &str, lineno: u64, raw: &[u8], opts: &InputOptions) -> Item {
    let loc = format!("{name}:{lineno}");
    let mut raw = raw;
    if lineno == 1 && raw.starts_with(b"\xEF\xBB\xBF") {
        raw = &raw[3..];
    }
    if raw.last() == Some(&b'\r') {
        raw = &raw[..raw.len() - 1];
    }
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Item::Failed {
            error: DocError::new(
                "blank_line",
                format!("{loc}: blank line; every JSONL line should hold one document"),
            ),
            id: loc,
        };
    }
    let (line, warning) = match std::str::from_utf8(raw) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => {
            let s = String::from_utf8_lossy(raw);
            let n = s.matches('\u{FFFD}').count();
            (
                s,
                Some(format!(
                    "invalid_utf8: line is not valid UTF-8; {n} invalid sequence(s) replaced by U+FFFD"
                )),
            )
        }
    };
    let fields = match serde_json::from_str::<Fields>(&line) {
        Ok(f) => f.0,
        Err(e) => {
            let kind = if line.trim_start().starts_with('{') {
                "malformed_json"
            } else {
                "not_object"
            };
            return Item::Failed {
                error: DocError::new(
                    kind,
                    format!("{loc}: not a JSON object ({e}); each line must be one object like {{\"id\": \"...\", \"{}\": \"...\"}}", opts.text_field),
                ),
                id: loc,
            };
        }
    };
    let mut id = None;
    let mut text = None;
    let mut text_problem = None;
    let mut carried = Vec::new();
    for (k, v) in fields {
        if k == opts.id_field {
            match v {
                Field::Str(s) | Field::Num(s) => id = Some(s),
                Field::Other(_) => {}
            }
        } else if k == opts.text_field {
            match v {
                Field::Str(s) => text = Some(s),
                Field::Num(_) => text_problem = Some("a number"),
                Field::Other(what) => text_problem = Some(what),
            }
        } else if let Field::Str(s) = v {
            carried.push((k, s));
        }
    }
    let id = id.unwrap_or_else(|| loc.clone());
    let Some(text) = text else {
        let error = match text_problem {
            Some(what) => DocError::new(
                "text_not_string",
                format!(
                    "{loc}: field \"{}\" is {what}, not a string",
                    opts.text_field
                ),
            ),
            None => DocError::new(
                "missing_text",
                format!(
                    "{loc}: no \"{}\" field; name the text field with --text-field",
                    opts.text_field
                ),
            ),
        };
        return Item::Failed { id, error };
    };
    if text.trim().is_empty() {
        return Item::Failed {
            id,
            error: DocError::new(
                "empty_document",
                format!("{loc}: the document text is empty"),
            ),
        };
    }
    let mut doc = Document::new(id, text);
    doc.fields = carried;
    doc.warnings.extend(warning);
    Item::Doc(doc)
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
        assert_eq!(got[6].id(), "t.jsonl:7");
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
}
