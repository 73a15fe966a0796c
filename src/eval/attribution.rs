//! Attribution quality: PolNeAR (content P/R/F1 overall and by kind, recall by cue, source
//! accuracy on matched claims; matching as `shared/peers/attribution/score.py` does: a
//! prediction matches a gold attribution when their contents share at least half of the gold
//! content's characters, one to one, greedily by overlap) and the seed page's attributions.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde_json::{json, Value};

use super::{prf, read, read_jsonl, Figures, Shared};
use crate::attribution::{Claim, ClaimKind};
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::span::{CharIndex, Span};
use crate::Document;

/// Character set of a span given as `{"start", "end", "fragments"?}`.
fn chars_of(v: &Value) -> HashSet<u64> {
    let mut out = HashSet::new();
    if let Some(fr) = v
        .get("fragments")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    {
        for f in fr {
            if let (Some(a), Some(b)) = (f[0].as_u64(), f[1].as_u64()) {
                out.extend(a..b);
            }
        }
    } else if let (Some(a), Some(b)) = (
        v.get("start").and_then(Value::as_u64),
        v.get("end").and_then(Value::as_u64),
    ) {
        out.extend(a..b);
    }
    out
}

fn span_json(ix: &CharIndex, text: &str, s: Span, frags: &[Span]) -> Value {
    let (a, b) = ix.chars(s);
    let mut v = json!({"text": s.slice(text), "start": a, "end": b});
    if !frags.is_empty() {
        v["fragments"] = json!(frags
            .iter()
            .map(|f| {
                let (x, y) = ix.chars(*f);
                [x, y]
            })
            .collect::<Vec<_>>());
    }
    v
}

fn kind_str(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
    }
}

/// Predictions for one document in the gold schema.
fn predictions(doc: &str, text: &str, claims: &[Claim]) -> Vec<Value> {
    let ix = CharIndex::new(text);
    claims
        .iter()
        .map(|c| {
            json!({
                "doc": doc,
                "source": c.source.as_ref().map(|s| span_json(&ix, text, s.span, &[])),
                "cue": c.cue.map(|q| span_json(&ix, text, q, &[])),
                "content": span_json(&ix, text, c.content, &c.fragments),
                "kind": kind_str(c.kind),
                "pattern": c.pattern,
                "frame": c.family.as_str(),
                "confidence": c.confidence,
                "features": crate::attribution::confidence::features(c, text),
            })
        })
        .collect()
}

/// Scores the extractor; prints a report and returns the figures. `pred_out` also writes the
/// predictions in the gold schema (for `shared/peers/attribution/score.py`).
///
/// The seed page runs through `p` (with boilerplate removal); PolNeAR, whose texts are clean
/// articles, through `clean` (without).
pub fn evaluate(
    shared: &Shared,
    p: &Pipeline,
    clean: &Pipeline,
    pred_out: Option<&Path>,
    sample: usize,
) -> Result<Figures> {
    let mut fig = seed(shared, p)?;
    let p = clean;
    let dir = shared.corpus("polnear-dev");
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let mut by_doc: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for g in gold {
        if g.get("content").is_some_and(|c| !c.is_null()) {
            by_doc
                .entry(g["doc"].as_str().unwrap_or("").to_string())
                .or_default()
                .push(g);
        }
    }
    let mut all_pred: Vec<Value> = Vec::new();
    let (mut n_pred, mut tp) = (0usize, 0usize);
    // Scoring claimex's direct claims alone: matched to direct gold, to other gold, in all.
    let (mut d_tp, mut d_other, mut d_pred) = (0usize, 0usize, 0usize);
    let mut n_gold: BTreeMap<String, usize> = BTreeMap::new();
    let mut matched: BTreeMap<String, usize> = BTreeMap::new();
    // Gold kind hit by each matched prediction, by predicted kind.
    let mut pred_kind_hit: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut pred_kind_n: BTreeMap<String, usize> = BTreeMap::new();
    let (mut src_total, mut src_overlap, mut src_exact) = (0usize, 0usize, 0usize);
    let mut cue_gold: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut pattern_stats: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unmatched_preds: Vec<(String, Value, String)> = Vec::new();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for (doc, golds) in &by_doc {
        let text = read(&dir.join("texts").join(format!("{doc}.txt")))?;
        bytes += text.len();
        let ann = p.annotate(&Document::new(doc.clone(), text.clone()));
        let preds = predictions(doc, &text, &ann.attribution.claims);
        n_pred += preds.len();
        for g in golds {
            *n_gold
                .entry(g["kind"].as_str().unwrap_or("").to_string())
                .or_default() += 1;
        }
        let gc: Vec<HashSet<u64>> = golds.iter().map(|g| chars_of(&g["content"])).collect();
        let pc: Vec<HashSet<u64>> = preds.iter().map(|p| chars_of(&p["content"])).collect();
        // claimex's direct quotes alone, scored as textacy's output is (it emits nothing else).
        let direct_only: Vec<usize> = (0..preds.len())
            .filter(|&j| preds[j]["kind"] == "direct")
            .collect();
        let sub: Vec<HashSet<u64>> = direct_only.iter().map(|&j| pc[j].clone()).collect();
        for (i, _) in one_to_one(&gc, &sub) {
            if golds[i]["kind"] == "direct" {
                d_tp += 1;
            } else {
                d_other += 1;
            }
        }
        d_pred += direct_only.len();
        let (mut used_g, mut used_p) = (HashSet::new(), HashSet::new());
        for (i, j) in one_to_one(&gc, &pc) {
            used_g.insert(i);
            used_p.insert(j);
            let (g, pr) = (&golds[i], &preds[j]);
            let gk = g["kind"].as_str().unwrap_or("").to_string();
            *matched.entry(gk.clone()).or_default() += 1;
            *pred_kind_hit
                .entry((pr["kind"].as_str().unwrap_or("").to_string(), gk))
                .or_default() += 1;
            tp += 1;
            if g.get("source").is_some_and(|s| !s.is_null()) {
                src_total += 1;
                let gs = chars_of(&g["source"]);
                if !gs.is_disjoint(&chars_of(&pr["source"])) {
                    src_overlap += 1;
                }
                if g["source"]["text"]
                    .as_str()
                    .map(|t| t.trim().to_lowercase())
                    == pr["source"]["text"]
                        .as_str()
                        .map(|t| t.trim().to_lowercase())
                {
                    src_exact += 1;
                }
            }
        }
        for (i, g) in golds.iter().enumerate() {
            let cue = g["cue"]["text"].as_str().unwrap_or("").to_lowercase();
            let e = cue_gold.entry(cue).or_default();
            e.0 += 1;
            if used_g.contains(&i) {
                e.1 += 1;
            }
        }
        for (j, pr) in preds.iter().enumerate() {
            *pred_kind_n
                .entry(pr["kind"].as_str().unwrap_or("").to_string())
                .or_default() += 1;
            let ps = pattern_stats
                .entry(pr["pattern"].as_str().unwrap_or("").to_string())
                .or_default();
            ps.0 += 1;
            if used_p.contains(&j) {
                ps.1 += 1;
            } else {
                unmatched_preds.push((doc.clone(), pr.clone(), text.clone()));
            }
        }
        all_pred.extend(preds);
    }
    let seconds = started.elapsed().as_secs_f64();
    let total_gold: usize = n_gold.values().sum();
    let (pa, ra, fa) = prf(tp, n_pred, total_gold);
    println!("attribution: polnear-dev content (all gold)  P {pa:.3} R {ra:.3} F1 {fa:.3}  (pred {n_pred}, gold {total_gold}, matched {tp}); {:.2} MB/s for the whole pipeline, one thread", bytes as f64 / 1e6 / seconds);
    for (name, kinds) in [
        ("direct", vec!["direct"]),
        ("direct+mixed", vec!["direct", "mixed"]),
    ] {
        let tpk: usize = kinds
            .iter()
            .map(|k| matched.get(*k).copied().unwrap_or(0))
            .sum();
        let other: usize = matched
            .iter()
            .filter(|(k, _)| !kinds.contains(&k.as_str()))
            .map(|(_, v)| v)
            .sum();
        let gk: usize = kinds
            .iter()
            .map(|k| n_gold.get(*k).copied().unwrap_or(0))
            .sum();
        let (p1, r1, f1) = prf(tpk, n_pred - other, gk);
        // Precision of what claimex itself labels with these kinds.
        let own_n: usize = kinds
            .iter()
            .map(|k| pred_kind_n.get(*k).copied().unwrap_or(0))
            .sum();
        let own_hit: usize = pred_kind_hit
            .iter()
            .filter(|((pk, _), _)| kinds.contains(&pk.as_str()))
            .map(|(_, v)| v)
            .sum();
        let own_p = if own_n > 0 {
            own_hit as f64 / own_n as f64
        } else {
            0.0
        };
        println!("attribution: content ({name:12}) P {p1:.3} R {r1:.3} F1 {f1:.3} (peer scorer: unmatched predictions of any kind count against P); precision of claims claimex labels {name}: {own_p:.3} ({own_hit}/{own_n})");
        let key = name.replace('+', "_");
        fig.insert(format!("{key}_recall"), r1);
        fig.insert(format!("{key}_precision_scorer"), p1);
        fig.insert(format!("{key}_precision_own"), own_p);
    }
    let gd = n_gold.get("direct").copied().unwrap_or(0);
    let (dp, dr, df) = prf(d_tp, d_pred - d_other, gd);
    println!("attribution: content (direct, only claims claimex labels direct, as textacy emits only direct quotes) P {dp:.3} R {dr:.3} F1 {df:.3} (pred {d_pred}, matched {d_tp})");
    fig.insert("direct_only_precision_scorer".into(), dp);
    fig.insert("direct_only_recall".into(), dr);
    for (k, n) in &n_gold {
        let m = matched.get(k).copied().unwrap_or(0);
        println!("  recall[{k}] = {:.3} ({m}/{n})", m as f64 / *n as f64);
    }
    let so = if src_total > 0 {
        src_overlap as f64 / src_total as f64
    } else {
        0.0
    };
    let se = if src_total > 0 {
        src_exact as f64 / src_total as f64
    } else {
        0.0
    };
    println!(
        "attribution: source on matched pairs: overlap {so:.3}, exact {se:.3} (n={src_total})"
    );
    let mut cues: Vec<(&String, &(usize, usize))> = cue_gold.iter().collect();
    cues.sort_by_key(|c| std::cmp::Reverse(c.1 .0));
    println!("  recall by gold cue (top 25 of {}):", cues.len());
    for (cue, (n, m)) in cues.iter().take(25) {
        println!(
            "    {:>5.3} ({m:>4}/{n:>4})  {cue:?}",
            *m as f64 / *n as f64
        );
    }
    let rest: (usize, usize) = cues
        .iter()
        .skip(25)
        .fold((0, 0), |a, (_, (n, m))| (a.0 + n, a.1 + m));
    println!(
        "    {:>5.3} ({:>4}/{:>4})  all other cues",
        rest.1 as f64 / rest.0.max(1) as f64,
        rest.1,
        rest.0
    );
    println!("  precision by claimex pattern:");
    for (pat, (n, m)) in &pattern_stats {
        println!("    {:>5.3} ({m:>4}/{n:>4})  {pat}", *m as f64 / *n as f64);
    }
    if sample > 0 {
        // A fixed, spread-out sample of unmatched predictions, for precision by hand.
        println!(
            "  unmatched predictions to judge by hand ({sample} of {}):",
            unmatched_preds.len()
        );
        let step = (unmatched_preds.len() / sample).max(1);
        for (doc, pr, _) in unmatched_preds.iter().step_by(step).take(sample) {
            println!(
                "    [{doc}] {} | {} | {}",
                pr["source"]["text"],
                pr["cue"]["text"],
                pr["content"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .take(140)
                    .collect::<String>()
            );
        }
    }
    fig.insert("content_precision".into(), pa);
    fig.insert("content_recall".into(), ra);
    fig.insert("content_f1".into(), fa);
    fig.insert("source_overlap".into(), so);
    if let Some(path) = pred_out {
        let mut s = String::new();
        for v in &all_pred {
            s.push_str(&v.to_string());
            s.push('\n');
        }
        std::fs::write(path, s).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        println!("attribution: predictions written to {}", path.display());
    }
    Ok(fig)
}

/// The seed page's attributions: (content start, source or resolved mention contains). A
/// pronoun or "the official" passes only through its resolution ("KIA official").
const SEED: &[(&str, &str)] = &[
    (
        "China, which has a near-monopoly",
        "three people familiar with the matter",
    ),
    ("the Chinese demand was made in May", "KIA official"),
    (
        "Beijing was represented by foreign ministry",
        "KIA commander",
    ),
    ("it was not aware of the specifics", "foreign ministry"),
    (
        "An early ceasefire and peace talks",
        "ministry spokesperson",
    ),
    ("Beijing also offered a carrot", "KIA official"),
    ("And if we did not accept", "KIA official"),
    ("Beijing is not seeking to resolve", "David Mathieson"),
    (
        "China's pressure is a more general approach",
        "David Mathieson",
    ),
    ("Supply has been squeezed", "Chinese customs data"),
    ("has over 15,000 personnel", "analysts"),
    ("The militia is confident", "two of the people"),
    ("Beijing has also sent jets and drones", "Stimson Centre"),
    ("More than 200 km to the north", "KIA commander"),
    ("Losing Bhamo would cut off", "Naung Yoe"),
    (
        "China may have held talks with the KIA",
        "junta spokesperson's office",
    ),
    (
        "China may have been exerted pressure",
        "junta spokesperson's office",
    ),
    ("Beijing first advised the rebels", "KIA official"),
    (
        "Instead of withdrawing from Bhamo",
        "the commander and the official",
    ),
    (
        "the battle for Bhamo had cost",
        "International Institute for Strategic Studies",
    ),
    ("Beijing became more confrontational", "KIA official"),
    ("A disruption in the movement", "Neha Mukherjee"),
    ("Supplies of the critical minerals", "Neha Mukherjee"),
    ("The KIA has pushed junta troops", "KIA commander"),
    ("the junta retains air superiority", "former resident"),
    (
        "it was permitted to strike such sites",
        "junta spokesperson's office",
    ),
    ("much of the damage across the town", "Nathan Ruser"),
    ("Airstrikes have killed civilians", "Khon Ja"),
    ("her home had been bombed", "Khon Ja"),
    ("I don't know for how long", "Khon Ja"),
    ("existing border restrictions had led", "Khon Ja"),
    ("capturing Bhamo would shift momentum", "KIA leaders"),
    (
        "If the ethnic army were to take control",
        "the commander and the official",
    ),
    ("China, which needs rare earths", "KIA commander"),
];

fn seed(shared: &Shared, p: &Pipeline) -> Result<Figures> {
    let text = read(&shared.corpus("seed/000_e3c8c729511c686c.txt"))?;
    let ann = p.annotate(&Document::new("seed", text.clone()));
    let claims = &ann.attribution.claims;
    let mut found = 0;
    let mut missing = Vec::new();
    for (content, source) in SEED {
        let hit = claims.iter().any(|c| {
            let ct = c.content.slice(&text);
            let fr_hit = c
                .fragments
                .iter()
                .any(|f| f.slice(&text).starts_with(content));
            let src = c.source.as_ref().map_or(String::new(), |s| {
                format!(
                    "{} | {}",
                    s.span.slice(&text),
                    s.resolved.as_ref().map_or("", |r| r.span.slice(&text))
                )
            });
            (ct.starts_with(content) || fr_hit || ct.contains(content)) && src.contains(source)
        });
        if hit {
            found += 1;
        } else {
            missing.push(format!("{content:?} <- {source:?}"));
        }
    }
    let hashtags = text.find("Hashtags").unwrap_or(text.len());
    let from_bp = claims
        .iter()
        .filter(|c| c.content.start >= hashtags)
        .count();
    let general = ann
        .attribution
        .no_comment
        .iter()
        .any(|n| n.subject.slice(&text) == "A senior KIA general");
    println!(
        "attribution: seed page {found}/{} expected attributions with the right source ({} claims in all), {from_bp} from boilerplate, \"A senior KIA general\" in no_comment: {general}",
        SEED.len(),
        claims.len()
    );
    for m in &missing {
        println!("  seed missing {m}");
    }
    let mut fig = Figures::new();
    fig.insert("seed_found".into(), found as f64);
    fig.insert("seed_from_boilerplate".into(), -(from_bp as f64));
    fig.insert("seed_no_comment".into(), if general { 1.0 } else { 0.0 });
    Ok(fig)
}

/// One-to-one matching of the peer scorer: a prediction matches a gold claim when their
/// contents share at least half of the gold content's characters; pairs are taken greedily by
/// overlap ratio, highest first. Returns (gold, prediction) index pairs.
fn one_to_one(gold: &[HashSet<u64>], pred: &[HashSet<u64>]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, gs) in gold.iter().enumerate() {
        if gs.is_empty() {
            continue;
        }
        for (j, ps) in pred.iter().enumerate() {
            let ov = gs.intersection(ps).count();
            if ov > 0 && ov as f64 / gs.len() as f64 >= 0.5 {
                cands.push((ov as f64 / gs.len() as f64, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, i, j) in cands {
        if used_g.contains(&i) || used_p.contains(&j) {
            continue;
        }
        used_g.insert(i);
        used_p.insert(j);
        out.push((i, j));
    }
    out
}
