//! Boilerplate quality: line-level and character-weighted precision, recall and F1 of body
//! lines on `boilerplate-dev` (scored as `shared/peers/boilerplate/score.py` does), and the
//! seed page's known layout.

use serde_json::Value;

use super::{read, read_jsonl, Figures, Shared};
use crate::boilerplate::{BlockKind, Boilerplate};
use crate::error::Result;
use crate::segmentation::lines;

fn prf3(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Kept (body or heading) flag for every line of `text`, in order, empty lines included.
pub fn keep_per_line(
    bp: &Boilerplate,
    text: &str,
    title: Option<&str>,
    url: Option<&str>,
) -> Vec<bool> {
    let blocks = bp.classify_doc(text, title, url);
    let mut keep = Vec::new();
    let mut bi = 0;
    for l in lines(text) {
        let l = l.trim(text);
        while bi < blocks.len() && blocks[bi].span.end < l.start {
            bi += 1;
        }
        let k = blocks
            .get(bi)
            .filter(|b| b.span == l)
            .is_some_and(|b| matches!(b.kind, BlockKind::Body | BlockKind::Heading));
        keep.push(k);
    }
    keep
}

/// Scores the classifier; prints a report and returns the figures.
pub fn evaluate(shared: &Shared, bp: &Boilerplate, verbose: bool) -> Result<Figures> {
    let mut fig = Figures::new();
    let dir = shared.corpus("boilerplate-dev");
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let (mut lt, mut ct) = ([0usize; 3], [0usize; 3]);
    let mut macro_f = Vec::new();
    for g in &gold {
        let doc = g["doc"].as_str().unwrap_or("");
        let text = read(&dir.join("texts").join(format!("{doc}.txt")))?;
        let keep = keep_per_line(bp, &text, None, g["url"].as_str());
        let mut dc = [0usize; 3];
        let glines: Vec<&Value> = g["lines"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        for (i, r) in glines.iter().enumerate() {
            let w = (r["end"].as_u64().unwrap_or(0) - r["start"].as_u64().unwrap_or(0)) as usize;
            let gb = r["body"].as_bool().unwrap_or(false);
            let k = keep.get(i).copied().unwrap_or(false);
            let idx = match (gb, k) {
                (true, true) => 0,
                (false, true) => 1,
                (true, false) => 2,
                (false, false) => continue,
            };
            lt[idx] += 1;
            ct[idx] += w;
            dc[idx] += w;
            if verbose && idx != 0 {
                let (s, e) = (
                    r["start"].as_u64().unwrap_or(0) as usize,
                    r["end"].as_u64().unwrap_or(0) as usize,
                );
                let line: String = text.chars().skip(s).take(e - s).take(100).collect();
                println!(
                    "  {doc}:{} {} {line:?}",
                    i + 1,
                    if idx == 1 {
                        "KEPT boilerplate"
                    } else {
                        "DROPPED body   "
                    }
                );
            }
        }
        macro_f.push(prf3(dc[0], dc[1], dc[2]).2);
    }
    let (lp, lr, lf) = prf3(lt[0], lt[1], lt[2]);
    let (cp, cr, cf) = prf3(ct[0], ct[1], ct[2]);
    let mf = macro_f.iter().sum::<f64>() / macro_f.len().max(1) as f64;
    println!("boilerplate: boilerplate-dev body lines P {lp:.3} R {lr:.3} F1 {lf:.3}; characters P {cp:.3} R {cr:.3} F1 {cf:.3}; macro char F1 {mf:.3} ({} pages)", gold.len());
    fig.insert("line_precision".into(), lp);
    fig.insert("line_recall".into(), lr);
    fig.insert("line_f1".into(), lf);
    fig.insert("char_f1".into(), cf);
    fig.insert("macro_char_f1".into(), mf);
    // The seed page: its layout is known line by line.
    let seed = read(&shared.corpus("seed/000_e3c8c729511c686c.txt"))?;
    let blocks = bp.classify(&seed, None);
    let mut wrong = Vec::new();
    let mut tail = false;
    for (i, b) in blocks.iter().enumerate() {
        let s = b.span.slice(&seed);
        if s == "Hashtags" {
            tail = true;
        }
        let want = if i == 0 {
            BlockKind::Title
        } else if tail || s.starts_with("FILE PHOTO") || (9..=18).contains(&i) {
            BlockKind::Boilerplate
        } else if s == "DEFYING CHINA" || s == "BATTLE FOR BHAMO" {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        if b.kind != want {
            wrong.push(format!(
                "line {}: {:?}, want {want:?}: {:.60}",
                i + 1,
                b.kind,
                s
            ));
        }
    }
    println!(
        "boilerplate: seed page {} of {} lines labelled as expected",
        blocks.len() - wrong.len(),
        blocks.len()
    );
    for w in &wrong {
        println!("  seed {w}");
    }
    fig.insert("seed_lines_wrong".into(), -(wrong.len() as f64));
    Ok(fig)
}
