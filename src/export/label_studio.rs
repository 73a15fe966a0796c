//! Label Studio tasks: a JSON array, one task per document, `data.text` the document text
//! and one prediction whose results are `labels` regions (`Source`, `Cue`, `Content`) and
//! `relation` results (source → content `says`, cue → content `cue`). Regions carry
//! `start`/`end` in code points (Label Studio's text offsets since its 1.6 frontend) and
//! their `text`. The labeling config to import them with is in `docs/export.md`.

use serde_json::{json, Map, Value};

use crate::commands::with_output;
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::review::records::{CharSpan, DocRecord};
use crate::review::source::for_each_doc;

use super::{text_of, ExportOptions, ExportSummary, OffsetUnit, Offsets};

/// The `from_name`/`to_name` of the labeling config in `docs/export.md`.
const FROM: &str = "label";
const TO: &str = "text";

fn region(
    id: String,
    label: &str,
    s: CharSpan,
    o: &Offsets,
    texts: &crate::review::records::SpanTexts,
    score: Option<f64>,
) -> Value {
    let (start, end) = o.span(s);
    let mut r = json!({
        "id": id, "from_name": FROM, "to_name": TO, "type": "labels",
        "value": {"start": start, "end": end, "text": texts.get(s).unwrap_or(""), "labels": [label]},
    });
    if let (Some(q), Some(m)) = (score, r.as_object_mut()) {
        m.insert("score".into(), json!(q));
    }
    r
}

fn relation(from: &str, to: &str, label: &str) -> Value {
    json!({"type": "relation", "from_id": from, "to_id": to, "direction": "right", "labels": [label]})
}

/// One Label Studio task for a document with text.
///
/// ```
/// use claimex::export::{label_studio::task, OffsetUnit};
/// use claimex::review::records::DocRecord;
/// let v = serde_json::json!({"id": "a", "claims": [{"kind": "indirect", "pattern": "said_that",
///     "source": {"start": 0, "end": 3, "text": "Ann", "type": "person", "head": {"start": 0, "end": 3, "text": "Ann"}},
///     "cue": {"start": 4, "end": 8, "text": "said"}, "content": {"start": 9, "end": 11, "text": "no"}}]});
/// let mut d = DocRecord::from_value(&v, "x");
/// d.text = Some("Ann said no".into());
/// let t = task(&d, "Ann said no", 1, OffsetUnit::Chars);
/// assert_eq!(t["predictions"][0]["result"].as_array().unwrap().len(), 5);
/// ```
pub fn task(d: &DocRecord, text: &str, n: u64, unit: OffsetUnit) -> Value {
    let o = Offsets::new(text, unit);
    let texts = d.texts();
    let mut result = Vec::new();
    let mut scores = Vec::new();
    for (j, c) in d.claims.iter().enumerate() {
        let q = c.confidence;
        scores.extend(q);
        // A claim whose text names no source (hearsay): no Source region, no `says`.
        let src = c.source.as_ref().map(|s| {
            let id = format!("c{j}-source");
            result.push(region(id.clone(), "Source", s.span, &o, &texts, q));
            id
        });
        let cue = c.cue.map(|cue| {
            let id = format!("c{j}-cue");
            result.push(region(id.clone(), "Cue", cue, &o, &texts, q));
            id
        });
        for (k, piece) in c.content_pieces().into_iter().enumerate() {
            let id = format!("c{j}-content{k}");
            result.push(region(id.clone(), "Content", piece, &o, &texts, q));
            if let Some(src) = &src {
                result.push(relation(src, &id, "says"));
            }
            if let Some(cue) = &cue {
                result.push(relation(cue, &id, "cue"));
            }
        }
    }
    let mut data = Map::new();
    data.insert("text".into(), json!(text));
    data.insert("doc_id".into(), json!(d.id));
    for (k, v) in &d.meta {
        if !data.contains_key(k) {
            data.insert(k.clone(), json!(v));
        }
    }
    let mut pred =
        json!({"model_version": concat!("claimex ", env!("CARGO_PKG_VERSION")), "result": result});
    if !scores.is_empty() {
        pred["score"] = json!(scores.iter().sum::<f64>() / scores.len() as f64);
    }
    json!({"id": n, "data": data, "predictions": [pred]})
}

/// Writes the tasks of every document with text as one JSON array.
pub fn write(
    opts: &ExportOptions,
    pipeline: Option<&Pipeline>,
    unit: OffsetUnit,
) -> Result<ExportSummary> {
    with_output(opts.output.as_deref(), |out| {
        let io = |r: std::io::Result<()>| r.map_err(Error::Output);
        let mut sum = ExportSummary::default();
        io(out.write_all(b"["))?;
        sum.counts = for_each_doc(&opts.source, pipeline, |d| {
            let Some(text) = text_of(&d) else {
                sum.skipped += 1;
                return Ok(());
            };
            let t = task(&d, text, sum.written + 1, unit);
            io(out.write_all(if sum.written == 0 { b"\n" } else { b",\n" }))?;
            io(serde_json::to_writer(&mut *out, &t).map_err(std::io::Error::other))?;
            sum.written += 1;
            Ok(())
        })?;
        io(out.write_all(b"\n]\n").and_then(|_| out.flush()))?;
        Ok(sum)
    })
}
