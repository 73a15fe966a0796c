//! Output stage: JSON records with character offsets.
//!
//! Inside the pipeline every span is a byte range; here each becomes `{"start", "end",
//! "text"}` with `start`/`end` counted in Unicode scalar values (as Python counts), so that
//! `text[start:end] == span.text` for any consumer. The schema is documented in
//! `docs/schema.md` and `docs/schema.json`.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::attribution::numbers::NumberKind;
use crate::attribution::{Claim, ClaimKind, NoComment, SourceType};
use crate::boilerplate::{Block, BlockKind, Reason};
use crate::document::Document;
use crate::error::DocError;
use crate::gazetteer::Entity;
use crate::pipeline::Annotations;
use crate::segmentation::{Token, TokenKind};
use crate::span::{CharIndex, Span};

mod window_items;
pub(crate) use window_items::{
    write_block_item, write_key, write_list_items, write_record_head, List,
};

/// Keys of the document record that input fields must not shadow.
const RESERVED: &[&str] = &[
    "id",
    "error",
    "warnings",
    "blocks",
    "sentences",
    "entities",
    "claims",
    "no_comment",
    "tokens",
    "text",
];

/// A span with character offsets and its text.
#[derive(Serialize)]
pub struct SpanOut<'t> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text under the span.
    pub text: &'t str,
}

/// Converts spans of one document.
pub struct Conv<'t> {
    text: &'t str,
    ix: CharIndex<'t>,
}

impl<'t> Conv<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str) -> Conv<'t> {
        Conv {
            text,
            ix: CharIndex::new(text),
        }
    }

    /// The span with character offsets.
    pub fn span(&self, s: Span) -> SpanOut<'t> {
        let (start, end) = self.ix.chars(s);
        SpanOut {
            start,
            end,
            text: s.slice(self.text),
        }
    }

    /// `[start, end]` in characters.
    pub fn pair(&self, s: Span) -> [usize; 2] {
        let (a, b) = self.ix.chars(s);
        [a, b]
    }
}

#[derive(Serialize)]
struct BlockOut {
    start: usize,
    end: usize,
    kind: BlockKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Reason>,
}

#[derive(Serialize)]
struct EntityOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'t str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical: Option<&'t str>,
}

#[derive(Serialize)]
struct MentionOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'t str>,
}

#[derive(Serialize)]
struct SourceOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    #[serde(rename = "type")]
    kind: SourceType,
    head: SpanOut<'t>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'t str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<MentionOut<'t>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<MentionOut<'t>>,
}

#[derive(Serialize)]
struct ContentOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    /// `[start, end]` character pairs (the contract `shared/checks/contract.py` checks).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fragments: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct NumberOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    kind: NumberKind,
}

#[derive(Serialize)]
struct ClaimOut<'t> {
    sentence: usize,
    kind: ClaimKind,
    source: Option<SourceOut<'t>>,
    cue: Option<SpanOut<'t>>,
    content: ContentOut<'t>,
    frame: &'static str,
    pattern: &'static str,
    confidence: f32,
    entities: Vec<EntityOut<'t>>,
    numbers: Vec<NumberOut<'t>>,
}

#[derive(Serialize)]
struct NoCommentOut<'t> {
    sentence: usize,
    subject: SpanOut<'t>,
    cue: SpanOut<'t>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<MentionOut<'t>>,
}

#[derive(Serialize)]
struct TokenOut {
    start: usize,
    end: usize,
    kind: TokenKind,
}

fn block_out(c: &Conv, b: &Block) -> BlockOut {
    let [start, end] = c.pair(b.span);
    BlockOut {
        start,
        end,
        kind: b.kind,
        reason: b.reason,
    }
}

fn entity_out<'t>(c: &Conv<'t>, e: &'t Entity) -> EntityOut<'t> {
    let s = c.span(e.span);
    EntityOut {
        start: s.start,
        end: s.end,
        text: s.text,
        label: e.label.as_str(),
        id: e.id.as_deref(),
        // Every id carries its canonical name, the mention's own text when it is the name.
        canonical: e
            .id
            .as_ref()
            .map(|_| e.canonical.as_deref().unwrap_or(s.text)),
    }
}

fn mention_out<'t>(
    c: &Conv<'t>,
    ents: &'t [Entity],
    span: Span,
    entity: Option<usize>,
) -> MentionOut<'t> {
    let s = c.span(span);
    MentionOut {
        start: s.start,
        end: s.end,
        text: s.text,
        id: entity
            .and_then(|e| ents.get(e))
            .and_then(|e| e.id.as_deref()),
    }
}

/// A claim as written; `base` is added to its sentence index (the sentences of the
/// windows before, in a document annotated window by window).
fn claim_out<'t>(c: &Conv<'t>, ann: &'t Annotations, cl: &'t Claim, base: usize) -> ClaimOut<'t> {
    let ents = &ann.entities;
    let content = c.span(cl.content);
    let source = cl.source.as_ref().map(|s| {
        let src = c.span(s.span);
        SourceOut {
            start: src.start,
            end: src.end,
            text: src.text,
            kind: s.kind,
            head: c.span(s.head),
            id: s
                .entity
                .and_then(|e| ents.get(e))
                .and_then(|e| e.id.as_deref()),
            resolved: s
                .resolved
                .as_ref()
                .map(|m| mention_out(c, ents, m.span, m.entity)),
            affiliation: s
                .affiliation
                .as_ref()
                .map(|m| mention_out(c, ents, m.span, m.entity)),
        }
    });
    ClaimOut {
        sentence: cl.sentence + base,
        kind: cl.kind,
        source,
        cue: cl.cue.map(|s| c.span(s)),
        content: ContentOut {
            start: content.start,
            end: content.end,
            text: content.text,
            fragments: cl
                .fragments
                .iter()
                .map(|f| {
                    let s = c.span(*f);
                    [s.start, s.end]
                })
                .collect(),
        },
        frame: cl.family.as_str(),
        pattern: cl.pattern,
        confidence: cl.confidence,
        entities: cl
            .entities
            .iter()
            .filter_map(|&e| ents.get(e))
            .map(|e| entity_out(c, e))
            .collect(),
        numbers: cl
            .numbers
            .iter()
            .map(|q| {
                let s = c.span(q.span);
                NumberOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: q.kind,
                }
            })
            .collect(),
    }
}

/// What to include in a document record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocParts {
    /// `blocks`
    pub blocks: bool,
    /// `sentences`
    pub sentences: bool,
    /// `tokens`
    pub tokens: bool,
    /// `entities`
    pub entities: bool,
    /// `claims` and `no_comment`
    pub claims: bool,
}

impl DocParts {
    /// Everything `extract --emit documents` writes.
    pub const EXTRACT: DocParts = DocParts {
        blocks: true,
        sentences: true,
        tokens: false,
        entities: true,
        claims: true,
    };
}

/// serde_json's compact format, except that U+2028, U+2029 and U+0085 in strings are written
/// as `\u2028`, `\u2029`, `\u0085`: they are valid in JSON strings but end a line for
/// JavaScript and for Python's `str.splitlines`. The check rides on serde_json's escaping
/// pass (one `memchr2` over each unescaped run), so every string is scanned once.
///
/// ```
/// let mut out = Vec::new();
/// let mut ser = serde_json::Serializer::with_formatter(&mut out, claimex::output::JsonlFormatter);
/// serde::Serialize::serialize("a\u{2028}b", &mut ser).unwrap();
/// assert_eq!(out, br#""a\u2028b""#);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlFormatter;

impl serde_json::ser::Formatter for JsonlFormatter {
    #[inline]
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let b = fragment.as_bytes();
        let mut from = 0;
        // U+2028/U+2029 are E2 80 A8/A9, U+0085 is C2 85.
        for i in memchr::memchr2_iter(0xE2, 0xC2, b) {
            let (esc, len): (&[u8], usize) = match (b[i], b.get(i + 1), b.get(i + 2)) {
                (0xE2, Some(0x80), Some(0xA8)) => (b"\\u2028", 3),
                (0xE2, Some(0x80), Some(0xA9)) => (b"\\u2029", 3),
                (0xC2, Some(0x85), _) => (b"\\u0085", 2),
                _ => continue,
            };
            w.write_all(&b[from..i])?;
            w.write_all(esc)?;
            from = i + len;
        }
        w.write_all(&b[from..])
    }
}

type Ser<W> = serde_json::Serializer<W, JsonlFormatter>;

/// Serialises one record with `body`, then ends its line.
fn record<W: Write>(
    out: &mut W,
    body: impl FnOnce(&mut Ser<&mut W>) -> Result<(), serde_json::Error>,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, JsonlFormatter);
    body(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// A sequence serialised straight from an iterator, so a document with millions of blocks
/// or sentences needs no list of them beside its annotations.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// Writes one document record (one JSON line, with its `\n`) to `out`.
pub fn document_record(doc: &Document, ann: &Annotations, parts: DocParts, out: &mut Vec<u8>) {
    let res = write_document_record(out, doc, ann, parts);
    debug_assert!(res.is_ok(), "writing to memory cannot fail");
}

/// [`document_record`] to any writer: what a streamed document uses.
pub fn write_document_record<W: Write>(
    out: &mut W,
    doc: &Document,
    ann: &Annotations,
    parts: DocParts,
) -> io::Result<()> {
    let c = Conv::new(&doc.text);
    let c = &c;
    record(out, |ser| {
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("id", &doc.id)?;
        for (k, v) in &doc.fields {
            if !RESERVED.contains(&k.as_str()) {
                m.serialize_entry(k, v)?;
            }
        }
        // crawl: text extracted from HTML is not the input's bytes; offsets point into it.
        if doc.layout.is_some() {
            m.serialize_entry("text", &doc.text)?;
        }
        if !doc.warnings.is_empty() {
            m.serialize_entry("warnings", &doc.warnings)?;
        }
        if parts.blocks {
            let blocks = Lazy(|| ann.blocks.iter().map(|b| block_out(c, b)));
            m.serialize_entry("blocks", &blocks)?;
        }
        if parts.sentences {
            let sents = Lazy(|| ann.sentences.iter().map(|s| c.span(s.span)));
            m.serialize_entry("sentences", &sents)?;
        }
        if parts.tokens {
            m.serialize_entry("tokens", &tokens_out(c, &ann.tokens))?;
        }
        if parts.entities {
            let ents = Lazy(|| ann.entities.iter().map(|e| entity_out(c, e)));
            m.serialize_entry("entities", &ents)?;
        }
        if parts.claims {
            let claims = Lazy(|| {
                ann.attribution
                    .claims
                    .iter()
                    .map(|cl| claim_out(c, ann, cl, 0))
            });
            m.serialize_entry("claims", &claims)?;
            let nc = Lazy(|| {
                ann.attribution
                    .no_comment
                    .iter()
                    .map(|n| no_comment_out(c, ann, n, 0))
            });
            m.serialize_entry("no_comment", &nc)?;
        }
        m.end()
    })
}

fn tokens_out<'a>(c: &'a Conv<'a>, tokens: &'a [Token]) -> impl Serialize + 'a {
    Lazy(move || {
        tokens.iter().map(|t| {
            let [start, end] = c.pair(t.span());
            TokenOut {
                start,
                end,
                kind: t.kind,
            }
        })
    })
}

/// A segmentation record: `{"id", "sentences": [...], "tokens"?: [...]}` over the whole text.
pub fn segment_record(
    doc: &Document,
    sentences: &[Span],
    tokens: Option<&[Token]>,
    out: &mut Vec<u8>,
) {
    let res = write_segment_record(out, doc, sentences, tokens);
    debug_assert!(res.is_ok(), "writing to memory cannot fail");
}

/// [`segment_record`] to any writer.
pub fn write_segment_record<W: Write>(
    out: &mut W,
    doc: &Document,
    sentences: &[Span],
    tokens: Option<&[Token]>,
) -> io::Result<()> {
    let c = Conv::new(&doc.text);
    let c = &c;
    record(out, |ser| {
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("id", &doc.id)?;
        if !doc.warnings.is_empty() {
            m.serialize_entry("warnings", &doc.warnings)?;
        }
        let sents = Lazy(|| sentences.iter().map(|s| c.span(*s)));
        m.serialize_entry("sentences", &sents)?;
        if let Some(t) = tokens {
            m.serialize_entry("tokens", &tokens_out(c, t))?;
        }
        m.end()
    })
}

fn no_comment_out<'t>(
    c: &Conv<'t>,
    ann: &'t Annotations,
    n: &'t NoComment,
    base: usize,
) -> NoCommentOut<'t> {
    NoCommentOut {
        sentence: n.sentence + base,
        subject: c.span(n.subject),
        cue: c.span(n.cue),
        resolved: n
            .resolved
            .as_ref()
            .map(|m| mention_out(c, &ann.entities, m.span, m.entity)),
    }
}

/// Writes one line per claim: the claim with `id` (the document id; also as `doc`, its old
/// name, deprecated: it goes in the next release), the input's metadata fields, and `context`
/// (the sentence holding it).
pub fn claim_records(doc: &Document, ann: &Annotations, out: &mut Vec<u8>) {
    let res = write_claim_records(out, doc, ann);
    debug_assert!(res.is_ok(), "writing to memory cannot fail");
}

/// [`claim_records`] to any writer.
pub fn write_claim_records<W: Write>(
    out: &mut W,
    doc: &Document,
    ann: &Annotations,
) -> io::Result<()> {
    write_claim_records_at(out, doc, ann, &Conv::new(&doc.text), Bases::default())
}

/// Where a window's items continue the numbering of a document record: the claims and the
/// sentences of the windows before it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Bases {
    pub claims: usize,
    pub sentences: usize,
}

/// [`write_claim_records`] of one window's annotations (`c` converts the whole text).
pub(crate) fn write_claim_records_at<W: Write>(
    out: &mut W,
    doc: &Document,
    ann: &Annotations,
    c: &Conv,
    at: Bases,
) -> io::Result<()> {
    for (i, cl) in ann.attribution.claims.iter().enumerate() {
        record(out, |ser| {
            let mut m = ser.serialize_map(None)?;
            m.serialize_entry("id", &doc.id)?;
            m.serialize_entry("doc", &doc.id)?;
            for (k, v) in &doc.fields {
                if matches!(k.as_str(), "title" | "url" | "date" | "author" | "site") {
                    m.serialize_entry(k, v)?;
                }
            }
            m.serialize_entry("claim", &(i + at.claims))?;
            let co = claim_out(c, ann, cl, at.sentences);
            m.serialize_entry("sentence", &co.sentence)?;
            m.serialize_entry("kind", &co.kind)?;
            m.serialize_entry("source", &co.source)?;
            m.serialize_entry("cue", &co.cue)?;
            m.serialize_entry("content", &co.content)?;
            m.serialize_entry("frame", &co.frame)?;
            m.serialize_entry("pattern", &co.pattern)?;
            m.serialize_entry("confidence", &co.confidence)?;
            m.serialize_entry("entities", &co.entities)?;
            m.serialize_entry("numbers", &co.numbers)?;
            if let Some(s) = ann.sentences.get(cl.sentence) {
                let ctx = context_span(&doc.text, s.span, cl);
                m.serialize_entry("context", &c.span(ctx))?;
            }
            m.end()
        })?;
    }
    Ok(())
}

/// Bytes of context kept on each side of a claim inside a very long sentence.
const CONTEXT_MARGIN: usize = 1000;

/// The sentence holding claim `cl`, clipped to [`CONTEXT_MARGIN`] bytes (at a character
/// boundary) either side of the claim's source, cue and content: a "sentence" of 80,000 words
/// (a page without stops) must not be written once per claim in it.
fn context_span(text: &str, sentence: Span, cl: &Claim) -> Span {
    let mut cover = cl.content;
    for s in cl.cue.iter().chain(cl.source.as_ref().map(|s| &s.span)) {
        cover = Span::new(cover.start.min(s.start), cover.end.max(s.end));
    }
    let mut a = sentence
        .start
        .max(cover.start.saturating_sub(CONTEXT_MARGIN));
    let mut b = sentence.end.min(cover.end.saturating_add(CONTEXT_MARGIN));
    while a > sentence.start && !text.is_char_boundary(a) {
        a -= 1;
    }
    while b < sentence.end && !text.is_char_boundary(b) {
        b += 1;
    }
    if a >= b {
        return sentence;
    }
    Span::new(a, b)
}

/// With `extract --doc-summary`, the line written after a document's claims:
/// `{"id", "summary": {"claims", "no_comment", "sentences"}}`, so that a document processed
/// with nothing found can be told from one not processed.
pub fn write_summary_record<W: Write>(
    out: &mut W,
    doc: &Document,
    ann: &Annotations,
) -> io::Result<()> {
    let a = &ann.attribution;
    write_summary_counts(
        out,
        &doc.id,
        a.claims.len(),
        a.no_comment.len(),
        ann.sentences.len(),
    )
}

/// [`write_summary_record`] from the counts.
pub(crate) fn write_summary_counts<W: Write>(
    out: &mut W,
    id: &str,
    claims: usize,
    no_comment: usize,
    sentences: usize,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct S {
        claims: usize,
        no_comment: usize,
        sentences: usize,
    }
    record(out, |ser| {
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry("id", id)?;
        m.serialize_entry(
            "summary",
            &S {
                claims,
                no_comment,
                sentences,
            },
        )?;
        m.end()
    })
}

/// The record written in place of a document that failed: `{"id", "error"}`. A `key` other
/// than `"id"` (`"doc"`, in the claims stream) repeats the id under that name too.
pub fn error_record(id: &str, err: &DocError, key: &str, out: &mut Vec<u8>) {
    let res = write_error_record(out, id, err, key);
    debug_assert!(res.is_ok(), "writing to memory cannot fail");
}

/// [`error_record`] to any writer.
pub fn write_error_record<W: Write>(
    out: &mut W,
    id: &str,
    err: &DocError,
    key: &str,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct E<'a> {
        kind: &'a str,
        message: &'a str,
    }
    record(out, |ser| {
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("id", id)?;
        if key != "id" {
            m.serialize_entry(key, id)?;
        }
        m.serialize_entry(
            "error",
            &E {
                kind: err.kind,
                message: &err.message,
            },
        )?;
        m.end()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_separators_are_escaped_in_values_and_keys() {
        let doc = Document::new("a\u{2028}b", "x")
            .with_field("t\u{85}", "\u{2029}\u{201C}q\u{201D}\u{A9}\u{0085}");
        let mut out = Vec::new();
        document_record(&doc, &Annotations::default(), DocParts::default(), &mut out);
        let line = String::from_utf8(out).unwrap();
        assert_eq!(
            line,
            "{\"id\":\"a\\u2028b\",\"t\\u0085\":\"\\u2029\u{201C}q\u{201D}\u{A9}\\u0085\"}\n"
        );
        assert_eq!(line.lines().count(), 1);
    }
}
