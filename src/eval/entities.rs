//! Entity quality on the seed page: the people, organisations and places of the article body
//! with their labels and one id per entity, nothing from the boilerplate.

use super::{read, Figures, Shared};
use crate::error::Result;
use crate::gazetteer::Label;
use crate::pipeline::Pipeline;
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

/// Scores the entity stage on the seed page; prints a report and returns the figures.
pub fn evaluate(shared: &Shared, p: &Pipeline) -> Result<Figures> {
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
