//! Entity quality: the seed page (the people, organisations and places of the article body
//! with their labels and one id per entity, nothing from the boilerplate) and GUM's named
//! mentions in 20 Wikinews articles (`corpora/ud-news-dev/entities.jsonl`), scored as
//! `peers/entities/score_entities.py` scores them ([`super::gum`]). The GUM figures are given
//! for all 20 documents and for two halves (documents in name order, alternately): `tune`, the
//! half the rules were developed on, and `held`, the half they were not. With a Python that
//! has spaCy and `en_core_web_sm` (`--peer-python`), spaCy runs on the same texts through the
//! shared adapter and its figures are printed beside claimex's.

use std::collections::BTreeMap;
use std::path::Path;

use super::gum::{self, Gold, Pred, Score};
use super::{read, read_jsonl, Figures, Shared};
use crate::error::{Error, Result};
use crate::gazetteer::Label;
use crate::pipeline::Pipeline;
use crate::span::CharIndex;
use crate::Document;

/// (mention, label) pairs the seed page's body must have.
const SEED: &[(&str, Label)] = &[
    ("Kachin Independence Army", Label::ORG),
    ("KIA", Label::ORG),
    ("Naung Yoe", Label::PERSON),
    ("Khon Ja", Label::PERSON),
    ("Nathan Ruser", Label::PERSON),
    ("Neha Mukherjee", Label::PERSON),
    ("David Mathieson", Label::PERSON),
    ("Stimson Centre", Label::ORG),
    ("International Institute for Strategic Studies", Label::ORG),
    ("Australian Strategic Policy Institute", Label::ORG),
    ("Benchmark Mineral Intelligence", Label::ORG),
    ("Reuters", Label::ORG),
    ("China", Label::GPE),
    ("Myanmar", Label::GPE),
    ("Beijing", Label::GPE),
    ("Bhamo", Label::GPE),
    ("Lashio", Label::GPE),
    ("Kachin State", Label::GPE),
    ("U.S.", Label::GPE),
    ("U.K.", Label::GPE),
    ("Chinese", Label::NORP),
];

/// Scores the entity stage on the seed page and on GUM; prints a report and returns the
/// figures. `peer_python` runs the spaCy adapter on the same GUM texts; `pred_out` receives
/// claimex's GUM predictions, one `{"id", "entities"}` line per document.
pub fn evaluate(
    shared: &Shared,
    p: &Pipeline,
    peer_python: Option<&Path>,
    pred_out: Option<&Path>,
) -> Result<Figures> {
    let mut fig = seed(shared, p)?;
    fig.extend(gum_figures(shared, p, peer_python, pred_out)?);
    Ok(fig)
}

fn seed(shared: &Shared, p: &Pipeline) -> Result<Figures> {
    let text = read(&shared.corpus("seed/000_e3c8c729511c686c.txt"))?;
    let ann = p.annotate(&Document::new("seed", text.clone()));
    let mut missing = Vec::new();
    for (name, label) in SEED {
        if !ann
            .entities
            .iter()
            .any(|e| e.span.slice(&text) == *name && e.label == *label)
        {
            missing.push(format!("{name} ({})", label.as_str()));
        }
    }
    // One id per entity: KIA and its full name share it.
    let id_of = |n: &str| {
        ann.entities
            .iter()
            .find(|e| e.span.slice(&text) == n)
            .and_then(|e| e.id.clone())
    };
    let linked = id_of("KIA").is_some() && id_of("KIA") == id_of("Kachin Independence Army");
    let hashtags = text.find("Hashtags").unwrap_or(text.len());
    let menu = (
        text.find("Top stories").unwrap_or(0),
        text.find("China spooked").unwrap_or(0),
    );
    let leaked: Vec<&str> = ann
        .entities
        .iter()
        .filter(|e| e.span.start >= hashtags || (menu.0..menu.1).contains(&e.span.start))
        .map(|e| e.span.slice(&text))
        .collect();
    println!(
        "entities: seed page {}/{} expected entities found, KIA linked to its full name: {linked}, {} from boilerplate, {} entities in all",
        SEED.len() - missing.len(),
        SEED.len(),
        leaked.len(),
        ann.entities.len()
    );
    for m in &missing {
        println!("  missing {m}");
    }
    for l in &leaked {
        println!("  from boilerplate: {l}");
    }
    let mut fig = Figures::new();
    fig.insert("seed_found".into(), (SEED.len() - missing.len()) as f64);
    fig.insert("seed_linked".into(), if linked { 1.0 } else { 0.0 });
    fig.insert("seed_leaked".into(), -(leaked.len() as f64));
    Ok(fig)
}

fn gum_figures(
    shared: &Shared,
    p: &Pipeline,
    peer_python: Option<&Path>,
    pred_out: Option<&Path>,
) -> Result<Figures> {
    let dir = shared.corpus("ud-news-dev");
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for v in read_jsonl(&dir.join("entities.jsonl"))? {
        if let Some((d, g)) = Gold::from_json(&v) {
            gold.entry(d).or_default().push(g);
        }
    }
    let docs: Vec<&str> = gold.keys().map(String::as_str).collect();
    let mut texts = Vec::new();
    let mut pred: BTreeMap<String, Vec<Pred>> = BTreeMap::new();
    for &d in &docs {
        let text = read(&dir.join("texts").join(format!("{d}.txt")))?;
        // As `claimex entities` runs on a dump: the default pipeline, boilerplate and all.
        let ann = p.annotate(&Document::new(d, text.clone()));
        let ix = CharIndex::new(&text);
        pred.insert(
            d.to_string(),
            ann.entities
                .iter()
                .map(|e| Pred {
                    span: ix.chars(e.span),
                    label: e.label.as_str().to_string(),
                    id: e.id.as_deref().map(String::from),
                })
                .collect(),
        );
        texts.push((d, text));
    }
    if let Some(path) = pred_out {
        write_preds(path, &texts, &pred)?;
    }
    let tune: Vec<&str> = docs.iter().step_by(2).copied().collect();
    let held: Vec<&str> = docs.iter().skip(1).step_by(2).copied().collect();
    let peer = match peer_python {
        Some(py) => Some(run_spacy(shared, py, &texts)?),
        None => None,
    };
    println!(
        "entities: GUM ud-news-dev, {} docs, {} gold mentions (GUM type time left out); lenient / exact-or-core / typed micro F1",
        docs.len(),
        gold.values().map(Vec::len).sum::<usize>()
    );
    let mut fig = Figures::new();
    for (name, set) in [("all", &docs), ("tune", &tune), ("held", &held)] {
        let s = gum::score(set, &gold, &pred);
        print_score(&format!("claimex {name}"), &s);
        if let Some(sp) = &peer {
            print_score(&format!("spaCy   {name}"), &gum::score(set, &gold, sp));
        }
        let key = |k: &str| format!("gum_{name}_{k}");
        fig.insert(key("lenient_f1"), s.lenient.2);
        fig.insert(key("lenient_p"), s.lenient.0);
        fig.insert(key("core_f1"), s.core.2);
        fig.insert(key("typed_f1"), s.typed.2);
        if name == "all" {
            fig.insert(key("id_consistency"), s.id_consistency);
        }
    }
    Ok(fig)
}

fn print_score(name: &str, s: &Score) {
    let classes: Vec<String> = s
        .classes
        .iter()
        .map(|(c, f)| format!("{c} {f:.3}"))
        .collect();
    println!(
        "  {name:<13} {:>2} docs {:>4} pred: lenient P {:.3} R {:.3} F1 {:.3} | exact {:.3} | exact/core {:.3} | typed {:.3} ({}) | one id {:.3}, merges {}",
        s.docs,
        s.pred,
        s.lenient.0,
        s.lenient.1,
        s.lenient.2,
        s.exact.2,
        s.core.2,
        s.typed.2,
        classes.join(", "),
        s.id_consistency,
        s.id_merges
    );
}

/// Writes the predictions as the spaCy adapter does (`{"id", "entities": [{"start", "end",
/// "text", "label", "entity_id"}]}`, character offsets), one line per document.
fn write_preds(
    path: &Path,
    texts: &[(&str, String)],
    pred: &BTreeMap<String, Vec<Pred>>,
) -> Result<()> {
    let mut out = String::new();
    for (d, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        let ents: Vec<serde_json::Value> = pred
            .get(*d)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|e| {
                let (s, t) = e.span;
                let surface: String = chars.get(s..t).unwrap_or_default().iter().collect();
                serde_json::json!({"start": s, "end": t, "text": surface, "label": e.label, "entity_id": e.id})
            })
            .collect();
        out.push_str(&serde_json::json!({"id": d, "entities": ents}).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

/// Runs `peers/entities/run_spacy_ner.py` with `python` on the texts; its predictions.
fn run_spacy(
    shared: &Shared,
    python: &Path,
    texts: &[(&str, String)],
) -> Result<BTreeMap<String, Vec<Pred>>> {
    let io = |path: &Path, e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let tmp = std::env::temp_dir().join(format!("claimex-eval-spacy-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
    let (inp, out) = (tmp.join("in.jsonl"), tmp.join("out.jsonl"));
    let mut lines = String::new();
    for (d, t) in texts {
        lines.push_str(&serde_json::json!({"id": d, "text": t}).to_string());
        lines.push('\n');
    }
    std::fs::write(&inp, lines).map_err(|e| io(&inp, e))?;
    let script = shared.root.join("peers/entities/run_spacy_ner.py");
    let status = std::process::Command::new(python)
        .arg(&script)
        .arg(&inp)
        .arg(&out)
        .status()
        .map_err(|e| io(python, e))?;
    if !status.success() {
        return Err(io(
            &script,
            std::io::Error::other(format!("spaCy adapter: {status}")),
        ));
    }
    let preds = gum::read_preds(&read(&out)?);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(preds)
}
