//! Output stage: JSON records with character offsets.
//!
//! Inside the pipeline every span is a byte range; here each becomes `{"start", "end",
//! "text"}` with `start`/`end` counted in Unicode scalar values (as Python counts), so that
//! `text[start:end] == span.text` for any consumer. The schema is documented in
//! `docs/schema.md` and `docs/schema.json`.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::attribution::numbers::NumberKind;
use crate::attribution::{Claim, ClaimKind, NoComment, SourceType};
use crate::boilerplate::{BlockKind, Reason};
use crate::document::Document;
use crate::error::DocError;
use crate::gazetteer::Entity;
use crate::pipeline::Annotations;
use crate::segmentation::{Token, TokenKind};
use crate::span::{CharIndex, Span};

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
}

#[derive(Serialize)]
struct ContentOut<'t> {
    start: usize,
    end: usize,
    text: &'t str,
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
    source: SourceOut<'t>,
    cue: Option<SpanOut<'t>>,
    content: ContentOut<'t>,
    pattern: &'static str,
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

fn entity_out<'t>(c: &Conv<'t>, e: &'t Entity) -> EntityOut<'t> {
    let s = c.span(e.span);
    EntityOut {
        start: s.start,
        end: s.end,
        text: s.text,
        label: e.label.as_str(),
        id: e.id.as_deref(),
        canonical: e.canonical.as_deref().filter(|k| *k != s.text),
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

fn claim_out<'t>(c: &Conv<'t>, ann: &'t Annotations, cl: &'t Claim) -> ClaimOut<'t> {
    let ents = &ann.entities;
    let src = c.span(cl.source.span);
    let content = c.span(cl.content);
    ClaimOut {
        sentence: cl.sentence,
        kind: cl.kind,
        source: SourceOut {
            start: src.start,
            end: src.end,
            text: src.text,
            kind: cl.source.kind,
            head: c.span(cl.source.head),
            id: cl
                .source
                .entity
                .and_then(|e| ents.get(e))
                .and_then(|e| e.id.as_deref()),
            resolved: cl
                .source
                .resolved
                .as_ref()
                .map(|m| mention_out(c, ents, m.span, m.entity)),
        },
        cue: cl.cue.map(|s| c.span(s)),
        content: ContentOut {
            start: content.start,
            end: content.end,
            text: content.text,
            fragments: cl.fragments.iter().map(|f| c.pair(*f)).collect(),
        },
        pattern: cl.pattern,
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
#[derive(Clone, Copy, Debug, Default)]
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

/// Writes one document record (one JSON line, with its `\n`) to `out`.
pub fn document_record(doc: &Document, ann: &Annotations, parts: DocParts, out: &mut Vec<u8>) {
    let c = Conv::new(&doc.text);
    let mut ser = serde_json::Serializer::new(&mut *out);
    let res = (|| -> Result<(), serde_json::Error> {
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
            let blocks: Vec<BlockOut> = ann
                .blocks
                .iter()
                .map(|b| {
                    let [start, end] = c.pair(b.span);
                    BlockOut {
                        start,
                        end,
                        kind: b.kind,
                        reason: b.reason,
                    }
                })
                .collect();
            m.serialize_entry("blocks", &blocks)?;
        }
        if parts.sentences {
            let sents: Vec<SpanOut> = ann.sentences.iter().map(|s| c.span(s.span)).collect();
            m.serialize_entry("sentences", &sents)?;
        }
        if parts.tokens {
            m.serialize_entry("tokens", &tokens_out(&c, &ann.tokens))?;
        }
        if parts.entities {
            let ents: Vec<EntityOut> = ann.entities.iter().map(|e| entity_out(&c, e)).collect();
            m.serialize_entry("entities", &ents)?;
        }
        if parts.claims {
            let claims: Vec<ClaimOut> = ann
                .attribution
                .claims
                .iter()
                .map(|cl| claim_out(&c, ann, cl))
                .collect();
            m.serialize_entry("claims", &claims)?;
            let nc: Vec<NoCommentOut> = ann
                .attribution
                .no_comment
                .iter()
                .map(|n| no_comment_out(&c, ann, n))
                .collect();
            m.serialize_entry("no_comment", &nc)?;
        }
        m.end()
    })();
    finish_line(res, out);
}

fn tokens_out(c: &Conv, tokens: &[Token]) -> Vec<TokenOut> {
    tokens
        .iter()
        .map(|t| {
            let [start, end] = c.pair(t.span);
            TokenOut {
                start,
                end,
                kind: t.kind,
            }
        })
        .collect()
}

/// A segmentation record: `{"id", "sentences": [...], "tokens"?: [...]}` over the whole text.
pub fn segment_record(
    doc: &Document,
    sentences: &[Span],
    tokens: Option<&[Token]>,
    out: &mut Vec<u8>,
) {
    let c = Conv::new(&doc.text);
    let mut ser = serde_json::Serializer::new(&mut *out);
    let res = (|| -> Result<(), serde_json::Error> {
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("id", &doc.id)?;
        if !doc.warnings.is_empty() {
            m.serialize_entry("warnings", &doc.warnings)?;
        }
        let sents: Vec<SpanOut> = sentences.iter().map(|s| c.span(*s)).collect();
        m.serialize_entry("sentences", &sents)?;
        if let Some(t) = tokens {
            m.serialize_entry("tokens", &tokens_out(&c, t))?;
        }
        m.end()
    })();
    finish_line(res, out);
}

fn no_comment_out<'t>(c: &Conv<'t>, ann: &'t Annotations, n: &'t NoComment) -> NoCommentOut<'t> {
    NoCommentOut {
        sentence: n.sentence,
        subject: c.span(n.subject),
        cue: c.span(n.cue),
        resolved: n
            .resolved
            .as_ref()
            .map(|m| mention_out(c, &ann.entities, m.span, m.entity)),
    }
}

/// Writes one line per claim: the claim with `doc` (the document id), the input's metadata
/// fields, and `context` (the sentence holding it).
pub fn claim_records(doc: &Document, ann: &Annotations, out: &mut Vec<u8>) {
    let c = Conv::new(&doc.text);
    for (i, cl) in ann.attribution.claims.iter().enumerate() {
        let start = out.len();
        let mut ser = serde_json::Serializer::new(&mut *out);
        let res = (|| -> Result<(), serde_json::Error> {
            let mut m = ser.serialize_map(None)?;
            m.serialize_entry("doc", &doc.id)?;
            for (k, v) in &doc.fields {
                if matches!(k.as_str(), "title" | "url" | "date" | "author" | "site") {
                    m.serialize_entry(k, v)?;
                }
            }
            m.serialize_entry("claim", &i)?;
            let co = claim_out(&c, ann, cl);
            m.serialize_entry("sentence", &co.sentence)?;
            m.serialize_entry("kind", &co.kind)?;
            m.serialize_entry("source", &co.source)?;
            m.serialize_entry("cue", &co.cue)?;
            m.serialize_entry("content", &co.content)?;
            m.serialize_entry("pattern", &co.pattern)?;
            m.serialize_entry("entities", &co.entities)?;
            m.serialize_entry("numbers", &co.numbers)?;
            if let Some(s) = ann.sentences.get(cl.sentence) {
                m.serialize_entry("context", &c.span(s.span))?;
            }
            m.end()
        })();
        if res.is_err() {
            out.truncate(start);
        }
        finish_line(res, out);
    }
}

/// The record written in place of a document that failed.
pub fn error_record(id: &str, err: &DocError, key: &str, out: &mut Vec<u8>) {
    #[derive(Serialize)]
    struct E<'a> {
        kind: &'a str,
        message: &'a str,
    }
    let mut ser = serde_json::Serializer::new(&mut *out);
    let res = (|| -> Result<(), serde_json::Error> {
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry(key, id)?;
        m.serialize_entry(
            "error",
            &E {
                kind: err.kind,
                message: &err.message,
            },
        )?;
        m.end()
    })();
    finish_line(res, out);
}

/// Ends a record with `\n`; escapes U+2028/U+2029, which are valid in JSON strings but
/// split lines for JavaScript and Python's `str.splitlines`.
fn finish_line(res: Result<(), serde_json::Error>, out: &mut Vec<u8>) {
    debug_assert!(res.is_ok(), "serialising to memory cannot fail");
    let _ = res;
    // Only scan the last record (from the previous newline).
    let start = memchr::memrchr(b'\n', out).map_or(0, |i| i + 1);
    if out[start..].windows(3).any(|w| {
        w == "\u{2028}".as_bytes() || w == "\u{2029}".as_bytes() || w[..2] == *"\u{85}".as_bytes()
    }) {
        let line = String::from_utf8_lossy(&out[start..])
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .replace('\u{85}', "\\u0085");
        out.truncate(start);
        out.extend_from_slice(line.as_bytes());
    }
    out.push(b'\n');
}
