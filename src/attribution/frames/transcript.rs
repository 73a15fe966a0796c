//! `NAME: CONTENT` at the start of a sentence (transcripts, interview write-ups, headlines such
//! as "Sanders: Clinton needs to answer"): the name is the source, the colon the cue.

use crate::gazetteer::Label;
use crate::lexical::{class, Family, Shape};

use super::{Cx, Draft};

/// Words before a colon that label a line rather than name a speaker.
const LABELS: &[&str] = &[
    "note",
    "update",
    "source",
    "sources",
    "photo",
    "image",
    "video",
    "related",
    "read",
    "watch",
    "editor",
    "correction",
    "clarification",
    "disclaimer",
    "warning",
    "breaking",
    "live",
    "exclusive",
    "analysis",
    "opinion",
    "q",
    "a",
    "question",
    "answer",
    "tags",
    "topics",
    "by",
    "credit",
    "file",
    "caption",
    "more",
    "see",
    "also",
];

/// Tries a speaker's name and a colon at the start of sentence `cx`.
pub(crate) fn frame(cx: &Cx, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let (lo, hi) = (cx.syn.lo, cx.syn.hi);
    // The colon within the first eight tokens, after a run of capitalised words.
    let Some(colon) = (lo + 1..(lo + 8).min(hi)).find(|&k| d.p(k, ":")) else {
        return false;
    };
    let all_cap = (lo..colon)
        .all(|k| d.cap(k) || d.p(k, ".") || d.p(k, "-") || d.is_any(k, &["of", "de", "al", "bin"]));
    if !all_cap || d.is_any(lo, LABELS) || d.inside(colon).is_some() {
        return false;
    }
    // A speaker: a person or organisation the lists know, or a name by its shape (a first
    // name, a title).
    let entity = (lo..colon)
        .filter_map(|k| d.entity(k))
        .any(|e| matches!(d.ents[e].label, Label::PERSON | Label::ORG | Label::NORP));
    let named = d.has(lo, class::FIRST_NAME | class::TITLE)
        && (colon - lo >= 2 || d.has(lo, class::FIRST_NAME));
    let upper_label =
        (lo..colon).all(|k| d.toks[k].shape.has(Shape::UPPER)) && colon - lo == 1 && !entity;
    if !(entity || named) || upper_label {
        return false;
    }
    let content = match d.opens(colon + 1) {
        Some(q) => d.quote_fragments(q),
        None => {
            let e = cx.b.end(colon + 1);
            if e <= colon + 3 {
                return false;
            }
            vec![d
                .span(colon + 1, e - 1)
                .trim_matches(d.text, &['.', ',', ';'])]
        }
    };
    if content.is_empty() {
        return false;
    }
    let pattern = if d.opens(colon + 1).is_some() {
        "name_colon_quote"
    } else {
        "transcript"
    };
    let src = super::super::sources::Src { a: lo, b: colon };
    out.push(cx.draft(
        Some(src),
        Some(d.toks[colon].span()),
        content,
        pattern,
        Family::Speech,
    ));
    true
}
