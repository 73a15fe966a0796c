//! Confidence: the probability that a claim is right, from what the stage knows about how it
//! found it — the shape, the cue's family, the kind of content and source, whether a pronoun
//! was resolved. A logistic model whose weights are data (`data/attribution/confidence.tsv`),
//! fitted by `scripts/attribution/calibrate.py` on one half of PolNeAR dev and checked on the
//! other half (predicted against observed precision per decile, `eval/confidence.md`).

use std::sync::OnceLock;

use crate::fasthash::FxHashMap;

use super::{Claim, ClaimKind, SourceType};

const WEIGHTS: &str = include_str!("../../data/attribution/confidence.tsv");

fn weights() -> &'static FxHashMap<&'static str, f32> {
    static W: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    W.get_or_init(|| {
        WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (k, v) = l.split_once('\t')?;
                Some((k, v.trim().parse().ok()?))
            })
            .collect()
    })
}

fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
    }
}

fn source_name(t: SourceType) -> &'static str {
    match t {
        SourceType::Person => "person",
        SourceType::Anonymous => "anonymous",
        SourceType::Organization => "organization",
        SourceType::Document => "document",
        SourceType::Unknown => "unknown",
    }
}

/// The features of a claim, as names of `data/attribution/confidence.tsv` rows.
///
/// ```
/// use claimex::pipeline::Pipeline;
/// let p = Pipeline::builder().builtin_gazetteers(false).build().unwrap();
/// let text = "Title\nThe minister said the plan would fail.\n";
/// let ann = p.annotate(&claimex::Document::new("d", text));
/// let f = claimex::attribution::confidence::features(&ann.attribution.claims[0], text);
/// assert!(f.contains(&"pattern:said_that".to_string()));
/// ```
pub fn features(c: &Claim, text: &str) -> Vec<String> {
    let mut f = vec![
        "bias".to_string(),
        format!("pattern:{}", c.pattern),
        format!("family:{}", c.family.as_str()),
        format!("kind:{}", kind_name(c.kind)),
    ];
    match &c.source {
        None => f.push("source:none".into()),
        Some(s) => {
            f.push(format!("source:{}", source_name(s.kind)));
            let t = s.span.slice(text);
            let pronoun = !t.contains(' ')
                && t.len() <= 4
                && t.chars()
                    .next()
                    .is_some_and(|ch| "IiWwHhSsTtYy".contains(ch));
            if pronoun {
                f.push(
                    if s.resolved.is_some() {
                        "source:pronoun_resolved"
                    } else {
                        "source:pronoun_unresolved"
                    }
                    .into(),
                );
            }
            if s.entity.is_some() {
                f.push("source:entity".into());
            }
            if s.affiliation.is_some() {
                f.push("source:affiliation".into());
            }
        }
    }
    let words = c.content.slice(text).split_whitespace().count();
    f.push(
        match words {
            0..=3 => "words:1-3",
            4..=8 => "words:4-8",
            9..=20 => "words:9-20",
            _ => "words:21+",
        }
        .into(),
    );
    if !c.fragments.is_empty() {
        f.push("fragments".into());
    }
    f
}

/// The claim's confidence in [0, 1].
pub fn score(c: &Claim, text: &str) -> f32 {
    let w = weights();
    let z: f32 = features(c, text)
        .iter()
        .map(|f| w.get(f.as_str()).copied().unwrap_or(0.0))
        .sum();
    let p = 1.0 / (1.0 + (-z).exp());
    (p * 1000.0).round() / 1000.0
}
