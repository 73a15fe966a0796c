//! Entity mentions scored against GUM's news documents (`corpora/ud-news-dev/entities.jsonl`),
//! the way `peers/entities/score_entities.py` scores them: one-to-one greedy matching, best
//! overlap first, at the levels exact, exact-or-core and lenient (half overlap with the GUM
//! span or its core, or inside the GUM span covering its head word); typed scores on the
//! lenient pairs (person, organization, place — any of GPE, LOC, FAC — and event); and id
//! consistency over the Wikipedia-linked entities. GUM `time` mentions and predicted
//! numeric or temporal labels are left out, as the scorer does by default.

use std::collections::BTreeMap;

use serde_json::Value;

use super::prf;

/// A gold mention (code-point offsets).
#[derive(Clone, Debug)]
pub struct Gold {
    /// The GUM span ("the Church of Scientology's").
    pub span: (usize, usize),
    /// Its name part ("Church of Scientology").
    pub core: (usize, usize),
    /// Its proper-noun head word.
    pub head: (usize, usize),
    /// PERSON, ORG, PLACE, EVENT, or None for GUM's other types.
    pub class: Option<String>,
    /// The Wikipedia title GUM links it to.
    pub wiki: Option<String>,
}

/// A predicted mention (code-point offsets).
#[derive(Clone, Debug)]
pub struct Pred {
    /// Its span.
    pub span: (usize, usize),
    /// OntoNotes label.
    pub label: String,
    /// Entity id.
    pub id: Option<String>,
}

const DROP: [&str; 7] = [
    "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
];

impl Gold {
    /// The mention of a gold line, None for GUM `time` mentions.
    pub fn from_json(v: &Value) -> Option<(String, Gold)> {
        if v["type"].as_str() == Some("time") {
            return None;
        }
        let n = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
        Some((
            v["doc"].as_str()?.to_string(),
            Gold {
                span: (n("start"), n("end")),
                core: (n("core_start"), n("core_end")),
                head: (n("head_start"), n("head_end")),
                class: v["label"].as_str().map(String::from),
                wiki: v["wiki"].as_str().map(String::from),
            },
        ))
    }
}

fn class_of(label: &str) -> Option<&'static str> {
    match label {
        "GPE" | "LOC" | "FAC" => Some("PLACE"),
        "PERSON" => Some("PERSON"),
        "ORG" => Some("ORG"),
        "EVENT" => Some("EVENT"),
        _ => None,
    }
}

fn inter(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn overlap(g: &Gold, p: &Pred) -> f64 {
    [g.span, g.core]
        .iter()
        .map(|s| {
            let n = (s.1 - s.0).max(p.span.1 - p.span.0);
            if n == 0 {
                0.0
            } else {
                inter(*s, p.span) as f64 / n as f64
            }
        })
        .fold(0.0, f64::max)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Exact,
    Core,
    Lenient,
}

fn level_ok(level: Level, g: &Gold, p: &Pred, ov: f64) -> bool {
    match level {
        Level::Exact => p.span == g.span,
        Level::Core => p.span == g.span || p.span == g.core,
        Level::Lenient => {
            let inside = g.span.0 <= p.span.0 && p.span.1 <= g.span.1;
            let head = p.span.0 <= g.head.0 && g.head.1 <= p.span.1;
            ov >= 0.5 || inside && head
        }
    }
}

/// One-to-one greedy matching: gold index → prediction index.
fn matches(gold: &[Gold], pred: &[Pred], level: Level) -> BTreeMap<usize, usize> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if p.span.1 <= g.span.0 || p.span.0 >= g.span.1 {
                continue;
            }
            let ov = overlap(g, p);
            if level_ok(level, g, p, ov) {
                let exact = p.span == g.span || p.span == g.core;
                // Sort key as the Python scorer: exact first, then best overlap.
                cands.push((!exact, -ov, g.span.0, p.span.0, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut out = BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    for (.., gi, pi) in cands {
        if out.contains_key(&gi) || used.contains(&pi) {
            continue;
        }
        out.insert(gi, pi);
        used.insert(pi);
    }
    out
}

/// Figures of one system on a set of documents.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Documents scored.
    pub docs: usize,
    /// Gold mentions.
    pub gold: usize,
    /// Predictions (numeric and temporal labels left out).
    pub pred: usize,
    /// (P, R, F1) when the prediction is the GUM span.
    pub exact: (f64, f64, f64),
    /// (P, R, F1) when it is the GUM span or its core.
    pub core: (f64, f64, f64),
    /// (P, R, F1) at half overlap, or inside the GUM span covering its head.
    pub lenient: (f64, f64, f64),
    /// Typed micro (P, R, F1) over PERSON, ORG, PLACE, EVENT.
    pub typed: (f64, f64, f64),
    /// Per class F1.
    pub classes: Vec<(&'static str, f64)>,
    /// Share of linked entities with >= 2 tagged mentions whose mentions share one id.
    pub id_consistency: f64,
    /// Predicted ids given to mentions of two or more Wikipedia titles in a document.
    pub id_merges: usize,
}

/// Scores `pred` against `gold` on the documents `docs`.
pub fn score(
    docs: &[&str],
    gold: &BTreeMap<String, Vec<Gold>>,
    pred: &BTreeMap<String, Vec<Pred>>,
) -> Score {
    let empty = Vec::new();
    let (mut ng, mut np) = (0, 0);
    let mut tp = [0usize; 3];
    let classes = ["PERSON", "ORG", "PLACE", "EVENT"];
    let (mut tpc, mut gc, mut pc) = ([0usize; 4], [0usize; 4], [0usize; 4]);
    let mut ids: BTreeMap<(&str, &str), Vec<Option<String>>> = BTreeMap::new();
    let mut titles: BTreeMap<(&str, String), std::collections::BTreeSet<&str>> = BTreeMap::new();
    for &d in docs {
        let g = gold.get(d).unwrap_or(&empty);
        let p: Vec<Pred> = pred
            .get(d)
            .into_iter()
            .flatten()
            .filter(|p| !DROP.contains(&p.label.as_str()))
            .cloned()
            .collect();
        ng += g.len();
        np += p.len();
        for (i, lv) in [Level::Exact, Level::Core, Level::Lenient]
            .into_iter()
            .enumerate()
        {
            tp[i] += matches(g, &p, lv).len();
        }
        let m = matches(g, &p, Level::Lenient);
        for x in g {
            if let Some(c) = classes.iter().position(|c| x.class.as_deref() == Some(c)) {
                gc[c] += 1;
            }
        }
        for x in &p {
            if let Some(c) = class_of(&x.label).and_then(|k| classes.iter().position(|c| *c == k)) {
                pc[c] += 1;
            }
        }
        for (&gi, &pi) in &m {
            let (gx, px) = (&g[gi], &p[pi]);
            if let Some(c) = classes.iter().position(|c| gx.class.as_deref() == Some(c)) {
                if class_of(&px.label) == Some(classes[c]) {
                    tpc[c] += 1;
                }
            }
            if let (Some(w), Some(id)) = (&gx.wiki, &px.id) {
                ids.entry((d, w)).or_default().push(Some(id.clone()));
                titles.entry((d, id.clone())).or_default().insert(w);
            } else if let Some(w) = &gx.wiki {
                ids.entry((d, w)).or_default().push(None);
            }
        }
    }
    let multi: Vec<&Vec<Option<String>>> = ids.values().filter(|v| v.len() >= 2).collect();
    let one = multi
        .iter()
        .filter(|v| v[0].is_some() && v.iter().all(|i| *i == v[0]))
        .count();
    let sum = |a: &[usize; 4]| a.iter().sum::<usize>();
    Score {
        docs: docs.len(),
        gold: ng,
        pred: np,
        exact: prf(tp[0], np, ng),
        core: prf(tp[1], np, ng),
        lenient: prf(tp[2], np, ng),
        typed: prf(sum(&tpc), sum(&pc), sum(&gc)),
        classes: (0..4)
            .map(|c| (classes[c], prf(tpc[c], pc[c], gc[c]).2))
            .collect(),
        id_consistency: if multi.is_empty() {
            1.0
        } else {
            one as f64 / multi.len() as f64
        },
        id_merges: titles.values().filter(|t| t.len() >= 2).count(),
    }
}

/// Predictions from a JSONL file of `{"id", "entities": [{"start", "end", "label", "id"?}]}`.
pub fn read_preds(text: &str) -> BTreeMap<String, Vec<Pred>> {
    let mut out: BTreeMap<String, Vec<Pred>> = BTreeMap::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<Value>(l) else {
            continue;
        };
        let Some(d) = v["id"].as_str() else { continue };
        let list = out.entry(d.to_string()).or_default();
        for e in v["entities"].as_array().into_iter().flatten() {
            let n = |k: &str| e[k].as_u64().unwrap_or(0) as usize;
            list.push(Pred {
                span: (n("start"), n("end")),
                label: e["label"].as_str().unwrap_or("").to_string(),
                id: e["id"].as_str().map(String::from),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(s: (usize, usize), core: (usize, usize), head: (usize, usize), c: &str) -> Gold {
        Gold {
            span: s,
            core,
            head,
            class: Some(c.into()),
            wiki: Some("W".into()),
        }
    }

    #[test]
    fn levels_and_types_as_the_python_scorer() {
        // "the Church of Scientology's": span 0..27, core 4..25, head 4..10.
        let gold = BTreeMap::from([(
            "d".to_string(),
            vec![
                g((0, 27), (4, 25), (4, 10), "ORG"),
                Gold {
                    wiki: Some("V".into()),
                    ..g((30, 40), (30, 40), (30, 35), "PERSON")
                },
            ],
        )]);
        let p = |s, e, l: &str| Pred {
            span: (s, e),
            label: l.into(),
            id: Some("x".into()),
        };
        let pred = BTreeMap::from([(
            "d".to_string(),
            vec![p(4, 25, "ORG"), p(30, 35, "GPE"), p(50, 55, "ORG")],
        )]);
        let s = score(&["d"], &gold, &pred);
        assert_eq!((s.gold, s.pred), (2, 3));
        assert!(
            (s.core.0 - 1.0 / 3.0).abs() < 1e-9,
            "one exact-or-core match"
        );
        assert!(
            (s.lenient.1 - 1.0).abs() < 1e-9,
            "both lenient: inside and covering the head"
        );
        // Typed: the ORG right; the person predicted as a place and the spurious ORG wrong.
        assert!((s.typed.0 - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.typed.1 - 1.0 / 2.0).abs() < 1e-9);
        assert_eq!(s.id_merges, 1, "one id for two titles");
    }
}
