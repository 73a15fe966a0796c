//! Predicative adjectives after a form of "be": `X is skeptical (that) ...`, `X was
//! confident ...`, `X is eager to ...`, `X was upset with ...`. The adjectives and what each
//! takes are data (the adjective rows of `data/attribution/nominal_cues.tsv`).

use crate::lexical::{NounComplements as N, Tag};

use super::super::clauses;
use super::super::sources::subject_before;
use super::{Cx, Draft};

/// Tries the adjective at token `k`.
pub(crate) fn frame(cx: &Cx, k: usize, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let syn = cx.syn;
    let hi = syn.hi;
    if !d.tag(k).is_adj() || d.inside(k).is_some() {
        return false;
    }
    let Some(def) = d
        .toks
        .get(k)
        .and_then(|t| t.word.entry())
        .and_then(|e| e.nominal())
    else {
        return false;
    };
    // A form of "be" (or "remain", "seem") before it, past degree adverbs ("more", "very").
    let mut b = k;
    while b > syn.lo && (d.tag(b - 1).is_adverb() || d.tag(b - 1) == Tag::RBR) {
        b -= 1;
    }
    let Some(vg) = b
        .checked_sub(1)
        .and_then(|p| syn.vg_at(p))
        .filter(|v| v.b == b)
    else {
        return false;
    };
    let copula = d.toks[vg.head]
        .word
        .entry()
        .and_then(|e| e.lemma())
        .is_some_and(|l| {
            matches!(
                l.key(),
                "be" | "remain" | "seem" | "appear" | "become" | "sound"
            )
        });
    if !copula {
        return false;
    }
    let Some(src) = subject_before(d, syn, vg.a) else {
        return false;
    };
    let c = def.complements;
    let n = k + 1;
    let span = |a: usize| {
        let e = cx.b.end(a);
        (e > a).then(|| vec![d.span(a, e - 1).trim_matches(d.text, &['.', ',', ';'])])
    };
    let content = if c.has(N::THAT) && d.is(n, "that") {
        span(n + 1)
    } else if c.has(N::TO) && d.tag(n) == Tag::TO && syn.vg_at(n).is_some_and(|v| v.inf) {
        span(n)
    } else if c.has(N::CLAUSE) && clauses::clause_at(d, syn, n, hi) {
        span(n)
    } else if (c.has(N::OF) && d.is(n, "of")
        || c.has(N::FOR) && d.is(n, "for")
        || c.has(N::PREP) && matches!(d.tag(n), Tag::IN | Tag::TO))
        && (syn.np_starting_at(n + 1).is_some()
            || d.tag(n + 1) == Tag::VBG
            || d.has(n + 1, crate::lexical::class::WH))
    {
        span(n + 1)
    } else {
        None
    };
    let Some(content) = content else {
        return false;
    };
    out.push(cx.draft(
        Some(src),
        Some(d.span(vg.a, k)),
        content,
        "adjective",
        def.family,
    ));
    true
}
