//! A flat CSV of claims: one row per claim, RFC 4180 quoting (the `csv` crate), UTF-8,
//! offsets in code points by default. Works without the document text: the span texts come
//! from the records.

use crate::commands::with_output;
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::review::records::DocRecord;
use crate::review::source::for_each_doc;

use super::{ExportOptions, ExportSummary, OffsetUnit, Offsets};

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "doc_id",
    "title",
    "url",
    "date",
    "claim",
    "kind",
    "pattern",
    "confidence",
    "source_type",
    "source_name",
    "source_id",
    "source_text",
    "source_start",
    "source_end",
    "resolved_text",
    "affiliation",
    "cue_text",
    "cue_start",
    "cue_end",
    "content_text",
    "content_start",
    "content_end",
    "content_fragments",
];

/// The rows of one document, one per claim, as strings in [`COLUMNS`] order.
///
/// ```
/// use claimex::export::{csv::rows, OffsetUnit};
/// use claimex::review::records::DocRecord;
/// let v = serde_json::json!({"id": "a", "title": "T", "claims": [{"kind": "indirect", "pattern": "said_that",
///     "source": {"start": 0, "end": 3, "text": "Ann", "type": "person", "head": {"start": 0, "end": 3, "text": "Ann"}},
///     "cue": null, "content": {"start": 9, "end": 11, "text": "no"}}]});
/// let d = DocRecord::from_value(&v, "x");
/// let r = rows(&d, OffsetUnit::Chars);
/// assert_eq!(r[0][0], "a");
/// assert_eq!(r[0][19], "no");
/// ```
pub fn rows(d: &DocRecord, unit: OffsetUnit) -> Vec<Vec<String>> {
    let texts = d.texts();
    let o = d.text.as_deref().map(|t| Offsets::new(t, unit));
    // Without a text only code points can be given (the records' own offsets).
    let conv = |c: usize, end: bool| match &o {
        Some(o) if end => o.end(c),
        Some(o) => o.start(c),
        None => c,
    };
    let meta = |k: &str| d.field(k).unwrap_or("").to_string();
    d.claims
        .iter()
        .map(|c| {
            let who = d.speaker(c, &texts);
            let t = |s| texts.get(s).unwrap_or("").to_string();
            let (cue_text, cue_start, cue_end) = match c.cue {
                Some(s) => (
                    t(s),
                    conv(s.start, false).to_string(),
                    conv(s.end, true).to_string(),
                ),
                None => (String::new(), String::new(), String::new()),
            };
            let frags: Vec<String> = c
                .fragments
                .iter()
                .map(|f| format!("{}-{}", conv(f.start, false), conv(f.end, true)))
                .collect();
            let src = c.source.as_ref();
            vec![
                d.id.clone(),
                meta("title"),
                meta("url"),
                meta("date"),
                c.index.to_string(),
                c.kind.clone(),
                c.pattern.clone(),
                c.confidence.map(|q| q.to_string()).unwrap_or_default(),
                // A claim whose text names no source (hearsay): its type, then empty cells.
                c.source_type().to_string(),
                who.name,
                who.id.unwrap_or_default(),
                src.map(|s| t(s.span)).unwrap_or_default(),
                src.map(|s| conv(s.span.start, false).to_string())
                    .unwrap_or_default(),
                src.map(|s| conv(s.span.end, true).to_string())
                    .unwrap_or_default(),
                src.and_then(|s| s.resolved.as_ref())
                    .map(|r| t(r.span))
                    .unwrap_or_default(),
                src.and_then(|s| s.affiliation.as_ref())
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                cue_text,
                cue_start,
                cue_end,
                t(c.content),
                conv(c.content.start, false).to_string(),
                conv(c.content.end, true).to_string(),
                frags.join(";"),
            ]
        })
        .collect()
}

/// Writes the header and one row per claim; error records are skipped (and counted).
pub fn write(
    opts: &ExportOptions,
    pipeline: Option<&Pipeline>,
    unit: OffsetUnit,
) -> Result<ExportSummary> {
    with_output(opts.output.as_deref(), |out| {
        let csv_err = |e: ::csv::Error| Error::Output(std::io::Error::other(e));
        let mut w = ::csv::WriterBuilder::new().from_writer(&mut *out);
        w.write_record(COLUMNS).map_err(csv_err)?;
        let mut sum = ExportSummary::default();
        sum.counts = for_each_doc(&opts.source, pipeline, |d| {
            if d.error.is_some() {
                sum.skipped += 1;
                return Ok(());
            }
            for r in rows(&d, unit) {
                w.write_record(&r).map_err(csv_err)?;
            }
            sum.written += 1;
            Ok(())
        })?;
        w.flush().map_err(Error::Output)?;
        drop(w);
        out.flush().map_err(Error::Output)?;
        Ok(sum)
    })
}
