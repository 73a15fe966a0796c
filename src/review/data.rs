//! The data the review page embeds: one compact JSON object per document (rendered by the
//! page only when it is shown) and an index over the whole dump (documents, one row per
//! claim for the filters, and the "who said what" table of speakers).
//!
//! Everything is JSON inside `<script type="application/json">` elements, escaped with
//! [`escape_json_for_html`] so that no input text can end the element.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::records::{CharSpan, DocRecord, NO_SOURCE};

/// Makes serialized JSON safe inside a `<script>` element: `<`, `>`, `&` and the line
/// separators U+2028/U+2029 (which can only occur inside JSON strings) become `\uXXXX`
/// escapes, so `</script>` or `<!--` in the input cannot end or change the element.
///
/// ```
/// use claimex::review::data::escape_json_for_html;
/// let j = serde_json::to_vec(&"</script><b>&\u{2028}").unwrap();
/// let e = escape_json_for_html(&j);
/// assert_eq!(e, r#""\u003c/script\u003e\u003cb\u003e\u0026\u2028""#);
/// let back: String = serde_json::from_str(&e).unwrap();
/// assert_eq!(back, "</script><b>&\u{2028}");
/// ```
pub fn escape_json_for_html(json: &[u8]) -> String {
    let s = String::from_utf8_lossy(json);
    let mut out = String::with_capacity(s.len() + s.len() / 32);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn pair(s: CharSpan) -> Value {
    json!([s.start, s.end])
}

/// The page's JSON for one document. Offsets stay in characters (code points); the page
/// converts them to UTF-16 positions itself. Without a text, the claims carry the texts the
/// record states so that the claims list can still be read.
///
/// ```
/// use claimex::review::{data::doc_json, records::DocRecord};
/// let mut d = DocRecord::from_value(&serde_json::json!({"id": "a", "title": "T"}), "x");
/// d.text = Some("Hello".into());
/// let j = doc_json(&d);
/// assert_eq!(j["t"], "Hello");
/// assert_eq!(j["m"]["title"], "T");
/// ```
pub fn doc_json(d: &DocRecord) -> Value {
    let texts = d.texts();
    let mut m = Map::new();
    for (k, v) in &d.meta {
        m.insert(k.clone(), Value::String(v.clone()));
    }
    let claims: Vec<Value> = d
        .claims
        .iter()
        .map(|c| {
            let who = d.speaker(c, &texts);
            let mut o = Map::new();
            o.insert("i".into(), json!(c.index));
            o.insert("k".into(), json!(c.kind));
            o.insert("p".into(), json!(c.pattern));
            if let Some(q) = c.confidence {
                o.insert("q".into(), json!(q));
            }
            match &c.source {
                Some(src) => {
                    o.insert("s".into(), pair(src.span));
                    o.insert("ty".into(), json!(src.kind));
                    o.insert("nm".into(), json!(who.name));
                    if let Some(r) = &src.resolved {
                        o.insert("r".into(), pair(r.span));
                    }
                    if let Some(a) = &src.affiliation {
                        o.insert("af".into(), json!(a.name));
                    }
                }
                // Hearsay and inferences: the text names no source.
                None => {
                    o.insert("ty".into(), json!(NO_SOURCE));
                    o.insert("nm".into(), json!("(no source given)"));
                }
            }
            if let Some(id) = &who.id {
                o.insert("sid".into(), json!(id));
            }
            o.insert("u".into(), c.cue.map_or(Value::Null, pair));
            o.insert("x".into(), pair(c.content));
            if !c.fragments.is_empty() {
                o.insert(
                    "f".into(),
                    Value::Array(c.fragments.iter().map(|f| pair(*f)).collect()),
                );
            }
            if d.text.is_none() {
                let t = |s: Option<CharSpan>| s.and_then(|s| texts.get(s)).unwrap_or("");
                o.insert(
                    "tx".into(),
                    json!({"s": t(c.source.as_ref().map(|s| s.span)), "u": t(c.cue),
                           "x": t(Some(c.content)),
                           "r": t(c.source.as_ref().and_then(|s| s.resolved.as_ref()).map(|r| r.span))}),
                );
            }
            Value::Object(o)
        })
        .collect();
    let mut o = Map::new();
    o.insert("id".into(), json!(d.id));
    o.insert("m".into(), Value::Object(m));
    o.insert(
        "t".into(),
        d.text.as_ref().map_or(Value::Null, |t| json!(t)),
    );
    if !d.warnings.is_empty() {
        o.insert("w".into(), json!(d.warnings));
    }
    if let Some((kind, msg)) = &d.error {
        o.insert("e".into(), json!([kind, msg]));
    }
    o.insert(
        "b".into(),
        Value::Array(
            d.blocks
                .iter()
                .map(|b| json!([b.span.start, b.span.end, b.kind, b.reason]))
                .collect(),
        ),
    );
    o.insert(
        "n".into(),
        Value::Array(
            d.entities
                .iter()
                .map(|e| json!([e.span.start, e.span.end, e.label, e.id, e.canonical]))
                .collect(),
        ),
    );
    o.insert("c".into(), Value::Array(claims));
    o.insert(
        "nc".into(),
        Value::Array(
            d.no_comment
                .iter()
                .map(|n| json!([n.subject.start, n.subject.end, n.cue.start, n.cue.end]))
                .collect(),
        ),
    );
    Value::Object(o)
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    list: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.ids.insert(s.to_string(), i);
        self.list.push(s.to_string());
        i
    }
}

#[derive(Serialize)]
struct SpeakerOut {
    key: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    rows: Vec<u32>,
}

/// A claim row: document, claim position in the document's list, source name, source
/// type, pattern, kind (indices into the index's tables), confidence, speaker (or -1).
type Row = (u32, u32, u32, u32, u32, u32, Option<f32>, i64);

/// The index over the whole dump, built one document at a time. Its memory is a few dozen
/// bytes per claim and per document (no texts).
#[derive(Default)]
pub struct IndexBuilder {
    docs: Vec<Value>,
    names: Interner,
    types: Interner,
    patterns: Interner,
    kinds: Interner,
    rows: Vec<Row>,
    speakers: HashMap<String, usize>,
    speaker_list: Vec<SpeakerOut>,
    has_conf: bool,
}

/// Source types listed in the "who said what" index.
const NAMED: &[&str] = &["person", "organization"];

impl IndexBuilder {
    /// Adds one document.
    pub fn add(&mut self, d: &DocRecord) {
        let di = self.docs.len() as u32;
        let mut o = Map::new();
        o.insert("id".into(), json!(d.id));
        for k in ["title", "date", "url", "site", "author"] {
            if let Some(v) = d.field(k) {
                o.insert(k.into(), json!(v));
            }
        }
        if d.field("title").is_none() {
            // Text files have no title field: their first title line names them in the list.
            let texts = d.texts();
            let line = d.blocks.iter().find(|b| b.kind == "title");
            if let Some(t) = line.and_then(|b| texts.get(b.span)) {
                o.insert(
                    "title".into(),
                    json!(t.chars().take(200).collect::<String>()),
                );
            }
        }
        o.insert("n".into(), json!(d.claims.len()));
        if let Some((kind, _)) = &d.error {
            o.insert("err".into(), json!(kind));
        }
        if d.text.is_none() && d.error.is_none() {
            o.insert("notext".into(), json!(true));
        }
        self.docs.push(Value::Object(o));
        let texts = d.texts();
        for (ci, c) in d.claims.iter().enumerate() {
            let who = d.speaker(c, &texts);
            let row_ix = self.rows.len() as u32;
            let kind = c.source_type();
            let speaker = if NAMED.contains(&kind) && !who.name.is_empty() {
                let key = who
                    .id
                    .clone()
                    .unwrap_or_else(|| format!("name:{}", who.name.to_lowercase()));
                let next = self.speaker_list.len();
                let si = *self.speakers.entry(key.clone()).or_insert(next);
                if si == next {
                    self.speaker_list.push(SpeakerOut {
                        key,
                        name: who.name.clone(),
                        kind: kind.to_string(),
                        rows: Vec::new(),
                    });
                }
                self.speaker_list[si].rows.push(row_ix);
                si as i64
            } else {
                -1
            };
            self.has_conf |= c.confidence.is_some();
            self.rows.push((
                di,
                ci as u32,
                self.names.id(&who.name),
                self.types.id(kind),
                self.patterns.id(&c.pattern),
                self.kinds.id(&c.kind),
                c.confidence.map(|q| q as f32),
                speaker,
            ));
        }
    }

    /// The index as JSON.
    pub fn finish(self) -> Value {
        json!({
            "v": 1,
            "docs": self.docs,
            "names": self.names.list,
            "types": self.types.list,
            "patterns": self.patterns.list,
            "kinds": self.kinds.list,
            "rows": self.rows,
            "speakers": self.speaker_list,
            "hasConf": self.has_conf,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_json_never_contains_markup_characters() {
        let v =
            json!({"t": "<script>alert(1)</script> \"><img src=x onerror=alert(1)> & \u{2029}"});
        let e = escape_json_for_html(&serde_json::to_vec(&v).unwrap());
        assert!(!e.contains('<') && !e.contains('>') && !e.contains('&'));
        assert!(!e.contains('\u{2028}') && !e.contains('\u{2029}'));
        let back: Value = serde_json::from_str(&e).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn speakers_group_by_entity_id() {
        let claim = |s: usize, id: &str| {
            json!({"kind": "direct", "pattern": "p",
                   "source": {"start": s, "end": s + 3, "text": "Ann", "type": "person",
                              "head": {"start": s, "end": s + 3, "text": "Ann"}, "id": id},
                   "cue": null, "content": {"start": 0, "end": 1, "text": "A"}})
        };
        let mut b = IndexBuilder::default();
        for i in 0..2 {
            let v = json!({"id": format!("d{i}"), "claims": [claim(0, "local:Ann"), claim(4, "local:Ann")]});
            let mut d = DocRecord::from_value(&v, "x");
            d.text = Some("Ann Ann said".into());
            d.check();
            b.add(&d);
        }
        let idx = b.finish();
        assert_eq!(idx["speakers"].as_array().unwrap().len(), 1);
        assert_eq!(idx["speakers"][0]["rows"], json!([0, 1, 2, 3]));
        assert_eq!(idx["speakers"][0]["name"], "Ann");
        assert_eq!(idx["rows"][3][0], 1);
    }
}
