//! Unit tests of the whole stage on short texts; the tables under tests/data/attribution/
//! hold the rows for each frame family.

use crate::pipeline::Pipeline;
use crate::Document;

/// (source, cue, content) of each claim in `text`.
fn claims(text: &str) -> Vec<(String, String, String)> {
    let p = Pipeline::builder()
        .builtin_gazetteers(false)
        .build()
        .expect("pipeline");
    let ann = p.annotate(&Document::new("t", text));
    ann.attribution
        .claims
        .iter()
        .map(|c| {
            (
                c.source
                    .as_ref()
                    .map_or(String::new(), |s| s.span.slice(text).to_string()),
                c.cue.map_or(String::new(), |q| q.slice(text).to_string()),
                if c.fragments.is_empty() {
                    c.content.slice(text).to_string()
                } else {
                    c.fragments
                        .iter()
                        .map(|f| f.slice(text))
                        .collect::<Vec<_>>()
                        .join(" | ")
                },
            )
        })
        .collect()
}

fn one(source: &str, cue: &str, content: &str) -> Vec<(String, String, String)> {
    vec![(source.into(), cue.into(), content.into())]
}

#[test]
fn said_that() {
    let t = "Headline\nThe agriculture ministry said on Tuesday that Tanzania will suspend maize exports.\n";
    assert_eq!(
        claims(t),
        one(
            "The agriculture ministry",
            "said",
            "Tanzania will suspend maize exports"
        )
    );
}

#[test]
fn participle_between_source_and_cue() {
    let t =
        "Headline\nGov. Ed Marsh (R-Ohio), citing the flood damage, said, \"We need help now.\"\n";
    assert_eq!(claims(t), one("Gov. Ed Marsh", "said", "We need help now"));
}

#[test]
fn inverted_with_appositive() {
    let t = "Headline\nPrices will rise, said David Mathieson, an independent analyst.\n";
    assert_eq!(
        claims(t),
        one(
            "David Mathieson, an independent analyst",
            "said",
            "Prices will rise"
        )
    );
}

#[test]
fn according_to_anonymous() {
    let t = "Headline\nThe town has fallen, according to three people familiar with the matter.\n";
    assert_eq!(
        claims(t),
        one(
            "three people familiar with the matter",
            "according to",
            "The town has fallen"
        )
    );
}

#[test]
fn split_quote_fragments() {
    let t = "Headline\n\"We will go,\" she said, \"and we will win.\"\n";
    assert_eq!(
        claims(t),
        one("she", "said", "We will go | and we will win")
    );
}

#[test]
fn told_reporters() {
    let t = "Headline\nA police spokesman told reporters that three suspects had been detained.\n";
    assert_eq!(
        claims(t),
        one(
            "A police spokesman",
            "told",
            "three suspects had been detained"
        )
    );
}

#[test]
fn accused_of() {
    let t = "Headline\nHe accused Clinton of being too cozy with Wall Street.\n";
    assert_eq!(
        claims(t),
        one(
            "He",
            "accused",
            "Clinton of being too cozy with Wall Street"
        )
    );
}

#[test]
fn non_speech_senses_are_not_claims() {
    assert!(claims("Headline\nThe storm claimed 20 lives in the north.\n").is_empty());
    assert!(claims("Headline\nThe company posted a loss of $5 million.\n").is_empty());
}
