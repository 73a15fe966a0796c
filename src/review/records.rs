//! Reading claimex's own output back: document records (`extract --emit documents`), claim
//! records (`extract`, grouped per document) and error records, tolerantly.
//!
//! Unknown fields are ignored, absent ones are `None` or empty, and a field of an unexpected
//! shape drops only the span it belongs to. Offsets are character (code point) offsets, as
//! claimex writes them; [`DocRecord::check`] verifies every span against the text and drops
//! the ones that do not fit (a record paired with the wrong text, a hand-edited record).

use serde_json::{Map, Value};

pub use super::reader::RecordReader;

/// A span in character (Unicode scalar value) offsets, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A line of the text: `title`, `body`, `heading`, `boilerplate` (with a `reason`), or a kind
/// added later.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Where it is.
    pub span: CharSpan,
    /// Its kind.
    pub kind: String,
    /// Why it is boilerplate, when it is.
    pub reason: Option<String>,
}

/// An entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where it is.
    pub span: CharSpan,
    /// OntoNotes label (`PERSON`, `ORG`, `GPE`, ...).
    pub label: String,
    /// Canonical id shared by every mention.
    pub id: Option<String>,
    /// Canonical name when it differs from the mention.
    pub canonical: Option<String>,
}

/// An earlier mention a pronoun or description refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: CharSpan,
    /// The entity it names.
    pub id: Option<String>,
}

/// The organisation a source speaks for (added by newer claimex versions; a string or an
/// object with `text`/`name`, `id` and optionally a span).
#[derive(Clone, Debug, PartialEq)]
pub struct Affiliation {
    /// What to show.
    pub name: String,
    /// Its entity id.
    pub id: Option<String>,
}

/// Who a claim is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The whole noun phrase.
    pub span: CharSpan,
    /// `person`, `anonymous`, `organization`, `document`, `unknown`, or a newer type.
    pub kind: String,
    /// The name or role noun.
    pub head: Option<CharSpan>,
    /// The entity the source names.
    pub id: Option<String>,
    /// The earlier mention a pronoun or description refers to.
    pub resolved: Option<Mention>,
    /// Who the source speaks for.
    pub affiliation: Option<Affiliation>,
}

/// One attributed claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Its index in the document's `claims` (as written).
    pub index: usize,
    /// `direct`, `indirect`, `mixed`.
    pub kind: String,
    /// The frame that found it.
    pub pattern: String,
    /// Confidence in `[0, 1]`, when the record has one.
    pub confidence: Option<f64>,
    /// Who said it; `None` for hearsay and inferences ("reportedly", "is said to"), whose
    /// records carry `"source": null`.
    pub source: Option<Source>,
    /// The reporting verb or phrase.
    pub cue: Option<CharSpan>,
    /// What was said (covering all fragments).
    pub content: CharSpan,
    /// The pieces of a discontinuous content, else empty.
    pub fragments: Vec<CharSpan>,
}

/// The source type shown for a claim whose text names no source (hearsay, inferences).
pub const NO_SOURCE: &str = "none";

impl Claim {
    /// The source's type (`person`, `organization`, ...), or [`NO_SOURCE`] without a source.
    pub fn source_type(&self) -> &str {
        self.source.as_ref().map_or(NO_SOURCE, |s| s.kind.as_str())
    }

    /// The content pieces: the fragments, or the whole content span.
    pub fn content_pieces(&self) -> Vec<CharSpan> {
        if self.fragments.is_empty() {
            vec![self.content]
        } else {
            self.fragments.clone()
        }
    }
}

/// A non-response ("declined to comment").
#[derive(Clone, Debug, PartialEq)]
pub struct NoComment {
    /// Who did not respond.
    pub subject: CharSpan,
    /// The phrase.
    pub cue: CharSpan,
}

/// One document as read back from claimex output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocRecord {
    /// The document id.
    pub id: String,
    /// The text, when the record carries it or it was recovered from the input.
    pub text: Option<String>,
    /// Other string fields (`title`, `url`, `date`, `author`, `site`, ...), in record order.
    pub meta: Vec<(String, String)>,
    /// Warnings of the record, plus problems found while reading it back.
    pub warnings: Vec<String>,
    /// Lines of the text.
    pub blocks: Vec<Block>,
    /// Entity mentions.
    pub entities: Vec<Entity>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Non-responses.
    pub no_comment: Vec<NoComment>,
    /// `(kind, message)` of an error record.
    pub error: Option<(String, String)>,
    /// `(span, text)` the record states, checked against the text by [`DocRecord::check`].
    stated: Vec<(CharSpan, String)>,
}

/// Keys of a document record that are not metadata.
const STRUCTURAL: &[&str] = &[
    "id",
    "doc",
    "text",
    "error",
    "warnings",
    "blocks",
    "sentences",
    "tokens",
    "entities",
    "claims",
    "no_comment",
];

impl DocRecord {
    /// A document record from one parsed JSON line (document, claim or error record).
    ///
    /// ```
    /// use claimex::review::records::DocRecord;
    /// let v = serde_json::json!({"id": "a", "title": "T", "claims": [], "future_field": 1});
    /// let d = DocRecord::from_value(&v, "docs.jsonl:1");
    /// assert_eq!(d.id, "a");
    /// assert_eq!(d.meta, vec![("title".to_string(), "T".to_string())]);
    /// ```
    pub fn from_value(v: &Value, fallback_id: &str) -> DocRecord {
        let Some(obj) = v.as_object() else {
            return DocRecord::failed(fallback_id, "not_object", "the line is not a JSON object");
        };
        let id = str_field(obj, "id")
            .or_else(|| str_field(obj, "doc"))
            .unwrap_or(fallback_id)
            .to_string();
        let mut d = DocRecord {
            id,
            text: str_field(obj, "text").map(str::to_string),
            ..DocRecord::default()
        };
        for (k, val) in obj {
            if let (false, Some(s)) = (STRUCTURAL.contains(&k.as_str()), val.as_str()) {
                d.meta.push((k.clone(), s.to_string()));
            }
        }
        if let Some(w) = obj.get("warnings").and_then(Value::as_array) {
            d.warnings
                .extend(w.iter().filter_map(Value::as_str).map(str::to_string));
        }
        if let Some(e) = obj.get("error") {
            let kind = e.get("kind").and_then(Value::as_str).unwrap_or("error");
            let msg = e
                .get("message")
                .and_then(Value::as_str)
                .or_else(|| e.as_str())
                .unwrap_or("");
            d.error = Some((kind.to_string(), msg.to_string()));
        }
        for b in arr(obj, "blocks") {
            if let Some(span) = span_of(b) {
                d.blocks.push(Block {
                    span,
                    kind: s(b, "kind").unwrap_or("body").to_string(),
                    reason: s(b, "reason").map(str::to_string),
                });
            }
        }
        for e in arr(obj, "entities") {
            if let Some(ent) = d.entity(e) {
                d.entities.push(ent);
            }
        }
        for (i, c) in arr(obj, "claims").iter().enumerate() {
            if let Some(cl) = d.claim(c, i) {
                d.claims.push(cl);
            }
        }
        if d.claims.is_empty() && obj.contains_key("source") && obj.contains_key("content") {
            // A claim record: the claim sits at the top level.
            let i = obj.get("claim").and_then(Value::as_u64).unwrap_or(0) as usize;
            if let Some(cl) = d.claim(v, i) {
                d.claims.push(cl);
            }
        }
        for n in arr(obj, "no_comment") {
            let subject = n.get("subject").and_then(|x| d.stated_span(x));
            let cue = n.get("cue").and_then(|x| d.stated_span(x));
            if let (Some(subject), Some(cue)) = (subject, cue) {
                d.no_comment.push(NoComment { subject, cue });
            }
        }
        d
    }

    /// An error record in place of a document.
    pub fn failed(id: &str, kind: &str, message: &str) -> DocRecord {
        DocRecord {
            id: id.to_string(),
            error: Some((kind.to_string(), message.to_string())),
            ..DocRecord::default()
        }
    }

    /// Is this a claim record (as opposed to a document record)? Claim records of one
    /// document are merged with [`DocRecord::absorb`].
    pub fn is_claim_record(v: &Value) -> bool {
        v.get("claim").is_some() && v.get("source").is_some() && v.get("claims").is_none()
    }

    /// Adds the claims of another record of the same document (claim records come one per
    /// line).
    pub fn absorb(&mut self, other: DocRecord) {
        self.claims.extend(other.claims);
        self.stated.extend(other.stated);
        for (k, v) in other.meta {
            if self.meta.iter().all(|(m, _)| *m != k) {
                self.meta.push((k, v));
            }
        }
    }

    /// The value of a metadata field.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn stated_span(&mut self, v: &Value) -> Option<CharSpan> {
        let span = span_of(v)?;
        if let Some(t) = s(v, "text") {
            self.stated.push((span, t.to_string()));
        }
        Some(span)
    }

    fn entity(&mut self, e: &Value) -> Option<Entity> {
        Some(Entity {
            span: self.stated_span(e)?,
            label: s(e, "label").unwrap_or("ENTITY").to_string(),
            id: s(e, "id").map(str::to_string),
            canonical: s(e, "canonical").map(str::to_string),
        })
    }

    fn claim(&mut self, c: &Value, index: usize) -> Option<Claim> {
        let src = c.get("source").filter(|v| !v.is_null());
        let content_v = c.get("content")?;
        let content = self.stated_span(content_v)?;
        let fragments = content_v
            .get("fragments")
            .and_then(Value::as_array)
            .map(|fs| {
                fs.iter()
                    .filter_map(|f| {
                        // `{"start", "end", "text"}` objects; older records wrote pairs.
                        let (a, b) = match f.get("start") {
                            Some(a) => (a.as_u64()?, f.get("end")?.as_u64()?),
                            None => (f.get(0)?.as_u64()?, f.get(1)?.as_u64()?),
                        };
                        let (a, b) = (a as usize, b as usize);
                        (a <= b).then_some(CharSpan { start: a, end: b })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let source = match src {
            None => None,
            Some(src) => {
                let resolved = src.get("resolved").and_then(|r| {
                    Some(Mention {
                        span: self.stated_span(r)?,
                        id: s(r, "id").map(str::to_string),
                    })
                });
                Some(Source {
                    span: self.stated_span(src)?,
                    kind: s(src, "type").unwrap_or("unknown").to_string(),
                    head: src.get("head").and_then(|h| self.stated_span(h)),
                    id: s(src, "id").map(str::to_string),
                    resolved,
                    affiliation: src.get("affiliation").and_then(affiliation),
                })
            }
        };
        let cue = c
            .get("cue")
            .filter(|v| !v.is_null())
            .and_then(|v| self.stated_span(v));
        Some(Claim {
            index,
            kind: s(c, "kind").unwrap_or("").to_string(),
            pattern: s(c, "pattern").unwrap_or("").to_string(),
            confidence: c.get("confidence").and_then(Value::as_f64),
            source,
            cue,
            content,
            fragments,
        })
    }

    /// Checks every span against the text: spans past its end or whose stated text differs
    /// drop their claim (or entity, block), with a warning saying how many. Without a text,
    /// nothing is checked.
    ///
    /// ```
    /// use claimex::review::records::DocRecord;
    /// let v = serde_json::json!({"id": "a", "entities": [
    ///     {"start": 0, "end": 3, "text": "Ann", "label": "PERSON"},
    ///     {"start": 4, "end": 99, "text": "x", "label": "ORG"}]});
    /// let mut d = DocRecord::from_value(&v, "x");
    /// d.text = Some("Ann said".into());
    /// d.check();
    /// assert_eq!(d.entities.len(), 1);
    /// assert_eq!(d.warnings.len(), 1);
    /// ```
    pub fn check(&mut self) {
        let Some(text) = self.text.as_deref() else {
            return;
        };
        let map = CharMap::new(text);
        let n = map.len();
        let bad: Vec<CharSpan> = self
            .stated
            .iter()
            .filter(|(sp, t)| map.slice(text, *sp) != Some(t.as_str()))
            .map(|(sp, _)| *sp)
            .collect();
        let ok = |sp: &CharSpan| sp.start <= sp.end && sp.end <= n && !bad.contains(sp);
        let before = (self.claims.len(), self.entities.len(), self.blocks.len());
        self.claims.retain(|c| {
            let mut spans = vec![c.content];
            spans.extend(c.cue);
            if let Some(s) = &c.source {
                spans.push(s.span);
                spans.extend(s.head);
                spans.extend(s.resolved.as_ref().map(|r| r.span));
            }
            spans.extend(c.fragments.iter().copied());
            spans.iter().all(ok)
        });
        self.entities.retain(|e| ok(&e.span));
        self.blocks.retain(|b| ok(&b.span));
        self.no_comment.retain(|x| ok(&x.subject) && ok(&x.cue));
        let dropped = (
            before.0 - self.claims.len(),
            before.1 - self.entities.len(),
            before.2 - self.blocks.len(),
        );
        if dropped != (0, 0, 0) {
            self.warnings.push(format!(
                "offsets do not match the text: dropped {} claims, {} entities, {} blocks (is --text the input these records were made from?)",
                dropped.0, dropped.1, dropped.2
            ));
        }
        self.stated.clear();
    }
}

/// The resolved name of a claim's source and the entity id behind it (see
/// [`DocRecord::speaker`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The name to show: the canonical name of the entity when the source (or the mention
    /// it resolves to) names one, else the resolved mention, the head, or the whole source.
    pub name: String,
    /// The canonical entity id, when known.
    pub id: Option<String>,
}

/// Texts of spans: slices of the document text, or (for records without text) the texts
/// the record states.
pub struct SpanTexts<'d> {
    doc: &'d DocRecord,
    map: Option<CharMap>,
}

impl SpanTexts<'_> {
    /// The text under `span`.
    pub fn get(&self, span: CharSpan) -> Option<&str> {
        match (&self.map, self.doc.text.as_deref()) {
            (Some(m), Some(t)) => m.slice(t, span),
            _ => self
                .doc
                .stated
                .iter()
                .find(|(s, _)| *s == span)
                .map(|(_, t)| t.as_str()),
        }
    }
}

impl DocRecord {
    /// A reader of span texts for this document.
    pub fn texts(&self) -> SpanTexts<'_> {
        SpanTexts {
            doc: self,
            map: self.text.as_deref().map(CharMap::new),
        }
    }

    /// Who said `claim`, resolved: pronouns and descriptions to the mention they refer to,
    /// entity ids to their canonical names.
    ///
    /// ```
    /// use claimex::review::records::DocRecord;
    /// let v = serde_json::json!({"id": "a",
    ///   "entities": [{"start": 0, "end": 3, "text": "KIA", "label": "ORG", "id": "local:Kachin Independence Army", "canonical": "Kachin Independence Army"}],
    ///   "claims": [{"kind": "indirect", "pattern": "said_that",
    ///     "source": {"start": 8, "end": 10, "text": "it", "type": "organization",
    ///                "head": {"start": 8, "end": 10, "text": "it"},
    ///                "resolved": {"start": 0, "end": 3, "text": "KIA", "id": "local:Kachin Independence Army"}},
    ///     "cue": {"start": 11, "end": 15, "text": "said"}, "content": {"start": 16, "end": 20, "text": "more"}}]});
    /// let d = DocRecord::from_value(&v, "x");
    /// let who = d.speaker(&d.claims[0], &d.texts());
    /// assert_eq!(who.name, "Kachin Independence Army");
    /// ```
    pub fn speaker(&self, claim: &Claim, texts: &SpanTexts) -> Speaker {
        let Some(src) = &claim.source else {
            return Speaker {
                name: String::new(),
                id: None,
            };
        };
        let id = src
            .resolved
            .as_ref()
            .and_then(|r| r.id.clone())
            .or_else(|| src.id.clone());
        let from_id = id.as_deref().and_then(|id| {
            self.entities
                .iter()
                .find(|e| e.id.as_deref() == Some(id))
                .and_then(|e| {
                    e.canonical
                        .clone()
                        .or_else(|| texts.get(e.span).map(str::to_string))
                })
                .or_else(|| id.strip_prefix("local:").map(str::to_string))
        });
        let name = from_id
            .or_else(|| {
                src.resolved
                    .as_ref()
                    .and_then(|r| texts.get(r.span))
                    .map(str::to_string)
            })
            // A person's head is the name; other heads are bare nouns ("ministry").
            .or_else(|| {
                let head = src.head.filter(|_| src.kind == "person");
                head.and_then(|h| texts.get(h)).map(str::to_string)
            })
            .or_else(|| texts.get(src.span).map(str::to_string))
            .unwrap_or_default();
        Speaker { name, id }
    }
}

fn str_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key).and_then(Value::as_str)
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn arr<'a>(obj: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    obj.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn span_of(v: &Value) -> Option<CharSpan> {
    let start = v.get("start")?.as_u64()? as usize;
    let end = v.get("end")?.as_u64()? as usize;
    (start <= end).then_some(CharSpan { start, end })
}

fn affiliation(v: &Value) -> Option<Affiliation> {
    if let Some(name) = v.as_str() {
        return Some(Affiliation {
            name: name.to_string(),
            id: None,
        });
    }
    let name = s(v, "name")
        .or_else(|| s(v, "canonical"))
        .or_else(|| s(v, "text"))
        .or_else(|| s(v, "id"))?;
    Some(Affiliation {
        name: name.to_string(),
        id: s(v, "id").map(str::to_string),
    })
}

/// Character offset → byte offset, for slicing a text by character offsets (a checkpoint
/// every 64 characters, so memory stays a small fraction of the text).
///
/// ```
/// use claimex::review::records::{CharMap, CharSpan};
/// let t = "😀 é 中";
/// let m = CharMap::new(t);
/// assert_eq!(m.len(), 5);
/// assert_eq!(m.slice(t, CharSpan { start: 2, end: 5 }), Some("é 中"));
/// ```
pub struct CharMap {
    checkpoints: Vec<usize>,
    len: usize,
}

const STEP: usize = 64;

impl CharMap {
    /// The map of `text`.
    pub fn new(text: &str) -> CharMap {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut len = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i % STEP == 0 {
                checkpoints.push(b);
            }
            len = i + 1;
        }
        CharMap { checkpoints, len }
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Is the text empty?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The byte offset of character `c` (`c <= len`), else `None`.
    pub fn byte(&self, text: &str, c: usize) -> Option<usize> {
        if c > self.len {
            return None;
        }
        if c == self.len {
            return Some(text.len());
        }
        let base = *self.checkpoints.get(c / STEP)?;
        let rest = text.get(base..)?;
        rest.char_indices().nth(c % STEP).map(|(b, _)| base + b)
    }

    /// `text[span]` by characters, or `None` when out of bounds.
    pub fn slice<'t>(&self, text: &'t str, span: CharSpan) -> Option<&'t str> {
        let a = self.byte(text, span.start)?;
        let b = self.byte(text, span.end)?;
        text.get(a..b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_records_are_grouped_by_document() {
        let data = concat!(
            r#"{"doc":"a","claim":0,"kind":"direct","source":{"start":0,"end":1,"text":"x","type":"person","head":{"start":0,"end":1,"text":"x"}},"cue":null,"content":{"start":2,"end":3,"text":"y"},"pattern":"p"}"#,
            "\n",
            r#"{"id":"a","claim":1,"kind":"direct","source":{"start":0,"end":1,"text":"x","type":"person","head":{"start":0,"end":1,"text":"x"}},"cue":null,"content":{"start":2,"end":3,"text":"y"},"pattern":"p"}"#,
            "\n",
            r#"{"id":"b","blocks":[],"claims":[]}"#,
            "\n"
        );
        let recs: Vec<DocRecord> = RecordReader::new(data.as_bytes(), "m", 1 << 20).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id, "a");
        assert_eq!(recs[0].claims.len(), 2);
        assert_eq!(recs[0].claims[1].index, 1);
        assert_eq!(recs[1].id, "b");
    }

    #[test]
    fn claims_without_a_source_and_fragment_objects_are_read() {
        let v = serde_json::json!({"id":"a",
            "claims":[{"kind":"indirect","pattern":"hearsay","source":null,"cue":{"start":6,"end":16,"text":"reportedly"},
                "content":{"start":0,"end":26,"text":"Talks reportedly collapsed",
                    "fragments":[{"start":0,"end":5,"text":"Talks"},{"start":17,"end":26,"text":"collapsed"}]}}]});
        let mut d = DocRecord::from_value(&v, "x");
        d.text = Some("Talks reportedly collapsed.".into());
        d.check();
        assert_eq!(d.claims.len(), 1);
        assert!(d.claims[0].source.is_none());
        assert_eq!(d.claims[0].fragments.len(), 2);
        assert_eq!(d.claims[0].fragments[1], CharSpan { start: 17, end: 26 });
        assert!(d.speaker(&d.claims[0], &d.texts()).name.is_empty());
    }

    #[test]
    fn unknown_fields_and_new_values_are_tolerated() {
        let v = serde_json::json!({"id":"a","author":"Ann","site":"ex.com","extra":{"x":1},
            "blocks":[{"start":0,"end":4,"kind":"body","reason":"new_reason"}],
            "claims":[{"kind":"direct","pattern":"new","confidence":0.7,
                "source":{"start":0,"end":1,"text":"A","type":"group","head":{"start":0,"end":1,"text":"A"},
                          "affiliation":{"text":"ACME","id":"local:ACME"}},
                "cue":{"start":2,"end":3,"text":"b"},"content":{"start":0,"end":4,"text":"A bs"}}]});
        let mut d = DocRecord::from_value(&v, "x");
        d.text = Some("A bs".into());
        d.check();
        assert_eq!(d.claims.len(), 1);
        let c = &d.claims[0];
        assert_eq!(c.confidence, Some(0.7));
        let src = c.source.as_ref().unwrap();
        assert_eq!(src.kind, "group");
        assert_eq!(
            src.affiliation.as_ref().map(|a| a.name.as_str()),
            Some("ACME")
        );
        assert_eq!(d.field("site"), Some("ex.com"));
        assert_eq!(d.blocks[0].reason.as_deref(), Some("new_reason"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn error_records_and_long_lines() {
        let data = format!(
            "{}\n{}\n",
            r#"{"id":"a","error":{"kind":"empty_document","message":"m"}}"#,
            "x".repeat(100)
        );
        let recs: Vec<DocRecord> = RecordReader::new(data.as_bytes(), "m", 80).collect();
        assert_eq!(
            recs[0].error.as_ref().map(|e| e.0.as_str()),
            Some("empty_document")
        );
        assert_eq!(
            recs[1].error.as_ref().map(|e| e.0.as_str()),
            Some("too_large")
        );
    }

    #[test]
    fn char_map_slices_astral_text() {
        let t = "a😀b".repeat(100);
        let m = CharMap::new(&t);
        assert_eq!(m.len(), 300);
        for i in 0..300 {
            let c: String = t.chars().skip(i).take(1).collect();
            assert_eq!(
                m.slice(
                    &t,
                    CharSpan {
                        start: i,
                        end: i + 1
                    }
                ),
                Some(c.as_str())
            );
        }
        assert_eq!(m.slice(&t, CharSpan { start: 0, end: 301 }), None);
    }
}
