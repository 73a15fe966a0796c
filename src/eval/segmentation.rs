//! Sentence segmentation quality: the English Golden Rules (a rule passes when the sentence
//! list matches exactly after trimming) and Universal Dependencies news (sentence-span
//! precision, recall and F1; a predicted sentence counts when its trimmed span equals a gold
//! one), scored as `shared/peers/segmentation/peers.py` scores the peers.

use serde_json::Value;

use super::{prf, read, read_jsonl, Figures, Shared};
use crate::error::Result;
use crate::segmentation::Segmenter;
use crate::span::{CharIndex, Span};

/// Scores the segmenter; prints a report and returns the figures.
pub fn evaluate(shared: &Shared, seg: &Segmenter, verbose: bool) -> Result<Figures> {
    let mut fig = Figures::new();
    // Golden Rules.
    let rules = read_jsonl(&shared.corpus("golden-rules-en/golden_rules_en.jsonl"))?;
    let (mut strict, mut ws) = (0usize, 0usize);
    let mut failed = Vec::new();
    for r in &rules {
        let text = r["text"].as_str().unwrap_or("");
        let want: Vec<String> = r["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let got: Vec<String> = seg
            .split(text)
            .iter()
            .map(|s| s.slice(text).trim().to_string())
            .collect();
        let norm = |v: &[String]| {
            v.iter()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        if got == want {
            strict += 1;
        } else {
            failed.push((
                r["id"].as_u64().unwrap_or(0),
                r["name"].as_str().unwrap_or("").to_string(),
                got.clone(),
                want.clone(),
            ));
        }
        if norm(&got) == norm(&want) {
            ws += 1;
        }
    }
    println!(
        "segmentation: Golden Rules (English) strict {strict}/{} (whitespace-collapsed {ws}/{})",
        rules.len(),
        rules.len()
    );
    for (id, name, got, want) in &failed {
        println!("  failed #{id} {name}");
        if verbose {
            println!("     got:  {got:?}\n     want: {want:?}");
        }
    }
    fig.insert("golden_rules_pass".into(), strict as f64);
    fig.insert("golden_rules_ws_pass".into(), ws as f64);
    // UD news.
    let dir = shared.corpus("ud-news-dev");
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let (mut tp, mut npred, mut ngold) = (0, 0, 0);
    let (mut btp, mut bpred, mut bgold) = (0, 0, 0);
    for g in &gold {
        let doc = g["doc"].as_str().unwrap_or("");
        let text = read(&dir.join("texts").join(format!("{doc}.txt")))?;
        let ix = CharIndex::new(&text);
        let chars: Vec<char> = text.chars().collect();
        let trim = |(mut a, mut b): (usize, usize)| {
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            (a, b)
        };
        let gs: Vec<(usize, usize)> = g["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| Some(trim((s[0].as_u64()? as usize, s[1].as_u64()? as usize))))
            .collect();
        let para: Vec<u64> = g["paragraph"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect();
        let ps: Vec<(usize, usize)> = seg
            .split(&text)
            .iter()
            .map(|s: &Span| trim(ix.chars(*s)))
            .collect();
        let gset: std::collections::HashSet<_> = gs.iter().copied().collect();
        let pset: std::collections::HashSet<_> = ps.iter().copied().collect();
        tp += gset.intersection(&pset).count();
        npred += pset.len();
        ngold += gset.len();
        // Boundaries inside paragraphs: the hard part.
        let mut par_starts = std::collections::HashSet::new();
        let mut gb = std::collections::HashSet::new();
        for (i, g) in gs.iter().enumerate() {
            if i == 0 || para.get(i) != para.get(i - 1) {
                par_starts.insert(g.0);
            } else {
                gb.insert(g.0);
            }
        }
        let pb: std::collections::HashSet<usize> = ps
            .iter()
            .map(|s| s.0)
            .filter(|s| !par_starts.contains(s))
            .collect();
        btp += gb.intersection(&pb).count();
        bpred += pb.len();
        bgold += gb.len();
        if verbose {
            for s in gs.iter().filter(|s| !pset.contains(s)) {
                println!(
                    "  {doc}: missed gold sentence {:?}",
                    chars[s.0..s.1]
                        .iter()
                        .collect::<String>()
                        .chars()
                        .take(90)
                        .collect::<String>()
                );
            }
            for s in ps.iter().filter(|s| !gset.contains(s)) {
                println!(
                    "  {doc}: wrong sentence      {:?}",
                    chars[s.0..s.1]
                        .iter()
                        .collect::<String>()
                        .chars()
                        .take(90)
                        .collect::<String>()
                );
            }
        }
    }
    let (p, r, f) = prf(tp, npred, ngold);
    let (bp, br, bf) = prf(btp, bpred, bgold);
    println!("segmentation: ud-news-dev sentence spans P {p:.3} R {r:.3} F1 {f:.3} ({tp}/{ngold} gold, {npred} predicted); inside paragraphs P {bp:.3} R {br:.3} F1 {bf:.3}");
    fig.insert("ud_precision".into(), p);
    fig.insert("ud_recall".into(), r);
    fig.insert("ud_f1".into(), f);
    fig.insert("ud_intra_f1".into(), bf);
    // The seed page: 41 body paragraphs, 8 of them with two sentences (the trailing
    // "REUTERS" of the last one is a credit block, not a sentence); no break after an
    // abbreviation ("U.S.", "Maj.").
    let seed = read(&shared.corpus("seed/000_e3c8c729511c686c.txt"))?;
    let blocks = crate::boilerplate::Boilerplate::new().classify(&seed, None);
    let mut body = Vec::new();
    for b in blocks
        .iter()
        .filter(|b| b.kind == crate::boilerplate::BlockKind::Body)
    {
        seg.split_block(&seed, b.span, &mut body);
    }
    let bad: Vec<&str> = body
        .iter()
        .map(|s| s.slice(&seed))
        .filter(|s| s.ends_with("U.S.") || s.ends_with("Maj.") || s.ends_with("U.K."))
        .collect();
    let ok = body.len() == 49 && bad.is_empty();
    println!(
        "segmentation: seed page body {} sentences (expected 49), {} ending in an abbreviation",
        body.len(),
        bad.len()
    );
    fig.insert("seed_exact".into(), if ok { 1.0 } else { 0.0 });
    Ok(fig)
}
