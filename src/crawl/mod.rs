//! Crawl input: HTML pages, WARC files (and WET), JSON arrays, and gzip/zstd compression of
//! any input, recognised by file name or, on stdin and for unknown names, by content.
//!
//! | name | read as |
//! |---|---|
//! | `*.html`, `*.htm`, `*.xhtml` | one document: the page's visible text ([`html`]), metadata fields, DOM hints |
//! | `*.warc`, `*.wet`, `*.warc.wet` | one document per HTML `response` / `resource` record or WET `conversion` record ([`warc`]) |
//! | `*.json` | a JSON array of objects, one document each ([`json_array`]) |
//! | any of these or `*.jsonl`, `*.txt` with `.gz` or `.zst` | decompressed as a stream ([`compress`]) |
//! | `*.pdf`, images, office files, archives, `*.csv` | an `unsupported_format` error record |
//!
//! A document made from HTML carries the extracted text (the output's `text` field: every
//! offset points into it) and a [`Layout`](crate::layout::Layout) with one hint per line.

pub mod charset;
pub mod compress;
pub mod dom;
pub mod html;
pub mod http;
pub mod json_array;
pub mod meta;
pub mod warc;

use std::io::{self, BufRead, Read};
use std::path::Path;

use crate::document::Document;
use crate::error::DocError;
use crate::input::{Format, InputOptions, Item, Record};
use compress::Compression;

/// The format a file name says, looking through a `.gz`/`.zst` suffix: `None` when the name
/// says nothing (the content decides).
///
/// ```
/// use claimex::crawl::format_of;
/// use claimex::input::Format;
/// use std::path::Path;
/// assert_eq!(format_of(Path::new("CC-NEWS-1.warc.gz")), Some(Format::Warc));
/// assert_eq!(format_of(Path::new("page.HTML")), Some(Format::Html));
/// assert_eq!(format_of(Path::new("dump.jsonl.zst")), Some(Format::Jsonl));
/// assert_eq!(format_of(Path::new("paper.pdf")), Some(Format::Unsupported("PDF")));
/// assert_eq!(format_of(Path::new("notes")), None);
/// ```
pub fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let inner = match Compression::of_path(Path::new(&name)) {
        Some(_) => name.rsplit_once('.').map_or("", |(stem, _)| stem),
        None => name.as_str(),
    };
    let ext = inner.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "jsonl" | "ndjson" => Format::Jsonl,
        "txt" | "md" | "text" => Format::Text,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "warc" | "wet" => Format::Warc,
        "json" => Format::JsonArray,
        _ => Format::Unsupported(unsupported_name(ext)?),
    })
}

/// Extensions claimex knows it cannot read, with the name the error record uses.
fn unsupported_name(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "pdf" => "PDF",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "ico" | "heic"
        | "avif" | "svg" => "an image",
        "mp3" | "mp4" | "wav" | "ogg" | "m4a" | "avi" | "mov" | "mkv" | "webm" | "flac" => {
            "audio or video"
        }
        "doc" | "docx" | "odt" | "rtf" | "xls" | "xlsx" | "ods" | "ppt" | "pptx" | "odp"
        | "epub" | "pages" | "key" | "numbers" => "an office document",
        "zip" | "tar" | "tgz" | "7z" | "rar" | "bz2" | "xz" | "lz4" | "lzma" | "br" => {
            "an archive or compression claimex does not read (use .gz or .zst)"
        }
        "csv" | "tsv" | "parquet" | "avro" | "arrow" | "feather" | "xml" | "sqlite" | "db" => {
            "a table or database format (convert it to JSONL with a text field)"
        }
        "exe" | "dll" | "so" | "dylib" | "bin" | "class" | "jar" | "wasm" | "o" | "a" => {
            "a binary program"
        }
        "arc" => "ARC (the format before WARC)",
        _ => return None,
    })
}

/// What the first bytes of a file show: a format claimex cannot read, by its magic bytes.
fn unsupported_magic(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "an image"),
        (b"\xff\xd8\xff", "an image"),
        (b"GIF8", "an image"),
        (b"RIFF", "audio, video or an image"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\xd0\xcf\x11\xe0", "an office document"),
        (b"7z\xbc\xaf", "an archive"),
        (b"Rar!", "an archive"),
        (b"BZh", "bzip2 (use .gz or .zst)"),
        (b"\xfd7zXZ", "xz (use .gz or .zst)"),
        (b"\x7fELF", "a binary program"),
        (b"MZ", "a binary program"),
        (b"SQLite format", "a database"),
        (b"PAR1", "Parquet (convert it to JSONL with a text field)"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(what);
    }
    // Text has no NUL bytes; binary formats nearly always do, early.
    let window = &head[..head.len().min(4096)];
    (memchr::memchr(0, window).is_some() && !looks_like_utf16(window)).then_some("binary data")
}

fn looks_like_utf16(b: &[u8]) -> bool {
    b.starts_with(&[0xff, 0xfe]) || b.starts_with(&[0xfe, 0xff])
}

/// Whether bytes start like an HTML page (after blanks and a BOM): a doctype, a comment,
/// or one of the tags pages start with.
///
/// ```
/// assert!(claimex::crawl::looks_like_html(b"\n<!DOCTYPE html><html>"));
/// assert!(!claimex::crawl::looks_like_html(b"Plain text <b>with</b> a tag"));
/// ```
pub fn looks_like_html(b: &[u8]) -> bool {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 16)]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    [
        "<!doctype",
        "<html",
        "<head",
        "<body",
        "<!--",
        "<meta",
        "<title",
        "<?xml",
        "<div",
        "<p>",
        "<article",
        "<script",
        "<link",
        "<style",
    ]
    .iter()
    .any(|p| head.starts_with(p.as_bytes()))
}

/// Detects the format of a stream from its first bytes (JSONL from a leading `{`, as
/// before; `[` a JSON array; `WARC/` a WARC; an HTML start; magic bytes of binary formats),
/// replacing `src` with a decoder first when the bytes are gzip or zstd. Only a buffer full
/// of blanks is consumed (a blank prefix changes no document).
///
/// The two steps are also public, for a reader that detects formats its own way:
/// [`unwrap_compression`] and [`sniff`].
pub fn detect(src: &mut Box<dyn BufRead + Send>) -> io::Result<Format> {
    unwrap_compression(src)?;
    loop {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(Format::Text);
        }
        let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF);
        let Some(i) = buf.iter().position(|b| !blank(b)) else {
            let n = buf.len();
            src.consume(n);
            continue;
        };
        return Ok(sniff(buf, &buf[i..]).unwrap_or(if buf[i] == b'{' {
            Format::Jsonl
        } else {
            Format::Text
        }));
    }
}

/// Replaces `src` by a decoder when its first bytes are gzip or zstd (once: a gzip inside
/// the gzip is data).
pub fn unwrap_compression(src: &mut Box<dyn BufRead + Send>) -> io::Result<()> {
    if let Some(c) = Compression::sniff(src.fill_buf()?) {
        let inner = std::mem::replace(src, Box::new(io::empty()));
        *src = compress::decoder(inner, c);
    }
    Ok(())
}

/// The crawl format the start of a (decompressed) stream shows, `None` for text or JSONL:
/// `head` is the stream's first bytes (for magic numbers), `first` the same from its first
/// non-blank byte.
///
/// ```
/// use claimex::crawl::sniff;
/// use claimex::input::Format;
/// assert_eq!(sniff(b"  WARC/1.0", b"WARC/1.0"), Some(Format::Warc));
/// assert_eq!(sniff(b"%PDF-1.4", b"%PDF-1.4"), Some(Format::Unsupported("PDF")));
/// assert_eq!(sniff(b"{\"text\": 1}", b"{\"text\": 1}"), None);
/// ```
pub fn sniff(head: &[u8], first: &[u8]) -> Option<Format> {
    // JSON first: a JSONL line with a raw NUL byte is that line's error, not a binary file.
    match first.first()? {
        b'{' => return None,
        b'[' => return Some(Format::JsonArray),
        _ => {}
    }
    if let Some(what) = unsupported_magic(head) {
        return Some(Format::Unsupported(what));
    }
    if first.starts_with(b"WARC/") {
        Some(Format::Warc)
    } else if looks_like_html(first) {
        Some(Format::Html)
    } else {
        None
    }
}

/// Whether a file found in a folder is read: not an unsupported format, and a `.json` file
/// only when it holds an array (folders often keep metadata or settings as JSON objects).
pub fn keep_in_folder(path: &Path, format: Format) -> bool {
    match format {
        Format::Unsupported(_) => false,
        Format::JsonArray => {
            // Never open a FIFO or device to peek: it could block.
            if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                return true;
            }
            let Ok(file) = std::fs::File::open(path) else {
                // Unreadable: keep it, so that its read_error record says why.
                return true;
            };
            let mut src = decompress_by_name(Box::new(io::BufReader::new(file)), path);
            let mut head = Vec::new();
            let _ = (&mut src).take(4096).read_to_end(&mut head);
            let first = head
                .iter()
                .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF));
            first == Some(&b'[')
        }
        _ => true,
    }
}

/// Reports a folder's skipped files on stderr (counted by extension), and fails when the
/// folder gave no file to read (exit status 2: nothing was done).
pub fn folder_summary(
    dir: &Path,
    found: usize,
    skipped: &[std::path::PathBuf],
) -> crate::error::Result<()> {
    if found == 0 {
        return Err(no_documents(dir, skipped));
    }
    if !skipped.is_empty() {
        crate::msg::info(&format!(
            "{}: skipped {} file(s) in formats claimex does not read ({})",
            dir.display(),
            skipped.len(),
            by_extension(skipped)
        ));
    }
    Ok(())
}

/// The error for a folder with no file to read, saying what it holds instead.
pub fn no_documents(dir: &Path, skipped: &[std::path::PathBuf]) -> crate::error::Error {
    let message = if skipped.is_empty() {
        "the folder holds no .txt, .md, .jsonl, .json, .html or .warc files".to_string()
    } else {
        format!(
            "{} file(s) in formats claimex does not read ({}); it reads .txt, .md, .jsonl, .json (an array), .html and .warc files, also .gz or .zst compressed",
            skipped.len(),
            by_extension(skipped)
        )
    };
    crate::error::Error::NoDocuments {
        path: dir.to_path_buf(),
        message,
    }
}

/// "2 .pdf, 1 .png": files counted by extension.
fn by_extension(files: &[std::path::PathBuf]) -> String {
    let mut by_ext: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for f in files {
        let ext = f
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
            .unwrap_or_else(|| "no extension".into());
        *by_ext.entry(ext).or_default() += 1;
    }
    let list: Vec<String> = by_ext.iter().map(|(e, n)| format!("{n} {e}")).collect();
    list.join(", ")
}

/// Wraps a file's reader in a decoder when its name ends in `.gz` or `.zst`.
pub fn decompress_by_name(src: Box<dyn BufRead + Send>, path: &Path) -> Box<dyn BufRead + Send> {
    match Compression::of_path(path) {
        Some(c) => compress::decoder(src, c),
        None => src,
    }
}

/// Whether a path's documents are read by this module (rather than by `input`'s text and
/// JSONL readers).
pub fn handles(format: Format) -> bool {
    matches!(
        format,
        Format::Html | Format::Warc | Format::JsonArray | Format::Unsupported(_)
    )
}

/// The records of one input in a format this module reads.
pub fn reader(
    format: Format,
    name: &str,
    src: Box<dyn BufRead + Send>,
    opts: &InputOptions,
) -> Box<dyn Iterator<Item = Record> + Send> {
    match format {
        Format::Warc => Box::new(warc::WarcReader::new(name, src, opts)),
        Format::JsonArray => Box::new(json_array::ArrayReader::new(name, src, opts)),
        Format::Unsupported(what) => Box::new(std::iter::once(unsupported(name, what))),
        _ => Box::new(std::iter::once(read_html_file(name, src, opts))),
    }
}

/// The error record of a file claimex cannot read.
pub fn unsupported(name: &str, what: &str) -> Record {
    Record {
        bytes: 0,
        item: Item::Failed {
            id: name.to_string(),
            error: DocError::new(
                "unsupported_format",
                format!("{name}: {what} is not a format claimex reads; it reads text, JSONL, JSON arrays, HTML and WARC files (also .gz or .zst compressed)"),
            ),
        },
    }
}

/// Reads one HTML page (at most `max_doc_bytes`, after decompression).
fn read_html_file(name: &str, mut src: Box<dyn BufRead + Send>, opts: &InputOptions) -> Record {
    let mut bytes = Vec::new();
    let limit = (opts.max_doc_bytes as u64).saturating_add(1);
    let fail = |kind, message: String, bytes| Record {
        bytes,
        item: Item::Failed {
            id: name.to_string(),
            error: DocError::new(kind, format!("{name}: {message}")),
        },
    };
    if let Err(e) = (&mut src).take(limit).read_to_end(&mut bytes) {
        return fail(
            compress::error_kind(&e),
            format!("read failed: {e}"),
            bytes.len() as u64,
        );
    }
    let n = bytes.len() as u64;
    if bytes.len() > opts.max_doc_bytes {
        return fail(
            "too_large",
            format!("the page is over {} bytes (after decompression), the limit; raise it with --max-doc-bytes", opts.max_doc_bytes),
            n,
        );
    }
    let page = html::extract(&bytes, None);
    match html_document(name, page, None, None) {
        Ok(doc) => Record {
            bytes: n,
            item: Item::Doc(doc),
        },
        Err((kind, message)) => fail(kind, message, n),
    }
}

/// A document from an extracted page: the page's text and layout, its metadata as fields
/// (`url` and `date` from the crawl record when given: the page's own canonical URL and
/// published date then go to `canonical_url` and, when the crawl has none, `date`).
pub fn html_document(
    id: &str,
    page: html::HtmlText,
    crawl_url: Option<&str>,
    crawl_date: Option<&str>,
) -> Result<Document, (&'static str, String)> {
    if page.text.trim().is_empty() {
        return Err(("empty_document", "the page has no visible text".into()));
    }
    let mut meta = page.meta;
    let canonical = match crawl_url {
        Some(u) => meta.url.replace(u.to_string()).filter(|c| c != u),
        None => None,
    };
    if meta.date.is_none() {
        meta.date = crawl_date.map(str::to_string);
    }
    let mut doc = Document::new(id, page.text);
    doc.fields = meta.fields();
    doc.fields
        .extend(canonical.map(|c| ("canonical_url".to_string(), c)));
    if let (Some(d), true) = (crawl_date, meta.date.as_deref() != crawl_date) {
        doc.fields.push(("crawl_date".to_string(), d.to_string()));
    }
    if page.had_errors {
        doc.warnings.push(format!(
            "invalid_bytes: the page has bytes that are not valid {}; they were replaced by U+FFFD",
            page.encoding
        ));
    }
    doc.layout = Some(page.layout);
    Ok(doc)
}

/// Decodes plain text (WET records) as UTF-8, replacing invalid bytes, with the warning.
pub(crate) fn decode_text(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => (
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Some("invalid_utf8: the record is not valid UTF-8; invalid sequences replaced by U+FFFD, offsets count the replacements".into()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(data: &[u8]) -> Format {
        let mut src: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(data.to_vec()));
        detect(&mut src).unwrap()
    }

    #[test]
    fn content_decides_on_stdin() {
        assert_eq!(sniffed(b"  {\"text\": 1}"), Format::Jsonl);
        assert_eq!(sniffed(b"[{}]"), Format::JsonArray);
        assert_eq!(sniffed(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(sniffed(b"\xEF\xBB\xBF<!doctype html>"), Format::Html);
        assert_eq!(sniffed(b"Headline\nBody."), Format::Text);
        assert_eq!(sniffed(b"%PDF-1.7"), Format::Unsupported("PDF"));
        assert_eq!(
            sniffed(b"\x00\x01\x02garbage"),
            Format::Unsupported("binary data")
        );
        assert_eq!(sniffed(b""), Format::Text);
        let gz = {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(b"<html><p>x").unwrap();
            e.finish().unwrap()
        };
        assert_eq!(sniffed(&gz), Format::Html);
        assert_eq!(
            sniffed(&zstd::encode_all(&b"{\"text\":\"a\"}"[..], 1).unwrap()),
            Format::Jsonl
        );
    }

    #[test]
    fn names_decide_for_files() {
        let f = |n: &str| format_of(Path::new(n));
        assert_eq!(f("a.warc.wet.gz"), Some(Format::Warc));
        assert_eq!(f("a.txt.gz"), Some(Format::Text));
        assert_eq!(f("a.json"), Some(Format::JsonArray));
        assert_eq!(f("a.htm.gz"), Some(Format::Html));
        assert_eq!(
            f("a.csv"),
            Some(Format::Unsupported(
                "a table or database format (convert it to JSONL with a text field)"
            ))
        );
        assert_eq!(f("a.gz"), None);
        assert_eq!(f("a.weird"), None);
    }

    #[test]
    fn page_metadata_goes_to_fields() {
        let page = html::extract_str(
            "<head><link rel=canonical href=https://x/c><meta name=author content=Kim></head><p>Hi.</p>",
        );
        let doc = html_document("p", page, Some("https://x/c?utm=1"), Some("2026-01-01")).unwrap();
        assert_eq!(doc.field("url"), Some("https://x/c?utm=1"));
        assert_eq!(doc.field("canonical_url"), Some("https://x/c"));
        assert_eq!(doc.field("date"), Some("2026-01-01"));
        assert_eq!(doc.field("author"), Some("Kim"));
        assert_eq!(doc.field("crawl_date"), None);
        assert!(doc.layout.is_some());
        let empty = html::extract_str("<script>x</script>");
        assert_eq!(
            html_document("e", empty, None, None).unwrap_err().0,
            "empty_document"
        );
    }
}
