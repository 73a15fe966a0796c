//! doccano JSONL for a sequence-labeling project with relations: one line per document,
//! `{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations":
//! [{"id", "from_id", "to_id", "type"}]}` plus the document id and metadata (doccano keeps
//! unknown keys as metadata). Offsets are UTF-16 code units by default: doccano's editor
//! counts JavaScript string positions unless the project counts grapheme clusters
//! (`--offsets graphemes`).

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use crate::commands::with_output;
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::review::records::{CharSpan, DocRecord};
use crate::review::source::for_each_doc;

use super::{text_of, ExportOptions, ExportSummary, OffsetUnit, Offsets};

/// One doccano line for a document with text. Spans shared by several claims (one source
/// with two contents) are one entity.
///
/// ```
/// use claimex::export::{doccano::line, OffsetUnit};
/// use claimex::review::records::DocRecord;
/// let v = serde_json::json!({"id": "a", "claims": [{"kind": "indirect", "pattern": "said_that",
///     "source": {"start": 2, "end": 5, "text": "Ann", "type": "person", "head": {"start": 2, "end": 5, "text": "Ann"}},
///     "cue": {"start": 6, "end": 10, "text": "said"}, "content": {"start": 11, "end": 13, "text": "no"}}]});
/// let mut d = DocRecord::from_value(&v, "x");
/// d.text = Some("😀 Ann said no".into());
/// let l = line(&d, "😀 Ann said no", OffsetUnit::Utf16);
/// assert_eq!(l["entities"][0]["start_offset"], 3);
/// assert_eq!(l["relations"].as_array().unwrap().len(), 2);
/// ```
pub fn line(d: &DocRecord, text: &str, unit: OffsetUnit) -> Value {
    let o = Offsets::new(text, unit);
    let mut entities = Vec::new();
    let mut ids: HashMap<(CharSpan, &str), u64> = HashMap::new();
    let mut relations = Vec::new();
    let mut entity = |s: CharSpan, label: &'static str, entities: &mut Vec<Value>| -> u64 {
        let next = ids.len() as u64 + 1;
        *ids.entry((s, label)).or_insert_with(|| {
            let (a, b) = o.span(s);
            entities.push(json!({"id": next, "label": label, "start_offset": a, "end_offset": b}));
            next
        })
    };
    for c in &d.claims {
        // A claim whose text names no source (hearsay): no Source entity, no `says`.
        let src = c
            .source
            .as_ref()
            .map(|s| entity(s.span, "Source", &mut entities));
        let cue = c.cue.map(|s| entity(s, "Cue", &mut entities));
        for piece in c.content_pieces() {
            let cnt = entity(piece, "Content", &mut entities);
            if let Some(src) = src {
                let rid = relations.len() as u64 + 1;
                relations.push(json!({"id": rid, "from_id": src, "to_id": cnt, "type": "says"}));
            }
            if let Some(cue) = cue {
                let rid = relations.len() as u64 + 1;
                relations.push(json!({"id": rid, "from_id": cue, "to_id": cnt, "type": "cue"}));
            }
        }
    }
    let mut m = Map::new();
    m.insert("text".into(), json!(text));
    m.insert("entities".into(), Value::Array(entities));
    m.insert("relations".into(), Value::Array(relations));
    m.insert("doc_id".into(), json!(d.id));
    for (k, v) in &d.meta {
        if !m.contains_key(k) {
            m.insert(k.clone(), json!(v));
        }
    }
    Value::Object(m)
}

/// Writes one line per document with text.
pub fn write(
    opts: &ExportOptions,
    pipeline: Option<&Pipeline>,
    unit: OffsetUnit,
) -> Result<ExportSummary> {
    with_output(opts.output.as_deref(), |out| {
        let io = |r: std::io::Result<()>| r.map_err(Error::Output);
        let mut sum = ExportSummary::default();
        sum.counts = for_each_doc(&opts.source, pipeline, |d| {
            let Some(text) = text_of(&d) else {
                sum.skipped += 1;
                return Ok(());
            };
            io(serde_json::to_writer(&mut *out, &line(&d, text, unit))
                .map_err(std::io::Error::other))?;
            io(out.write_all(b"\n"))?;
            sum.written += 1;
            Ok(())
        })?;
        io(out.flush())?;
        Ok(sum)
    })
}
