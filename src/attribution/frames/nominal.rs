//! Nominal cues: `his claim that ...`, `the ministry's warning that ...`, `a statement from
//! the ministry saying ...`, `allegations by X that ...`, `her promise to ...`, `calls for
//! ...`, `the statement: "..."`. What each noun takes is data
//! (`data/attribution/nominal_cues.tsv`).

use crate::lexical::{class, NominalDef, NounComplements as N, Tag};

use super::super::clauses::{self, quote_at};
use super::super::sources::Src;
use super::{Cx, Draft};

/// Tries the nominal cue at token `k`.
pub(crate) fn frame(cx: &Cx, k: usize, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let syn = cx.syn;
    let hi = syn.hi;
    let Some(def) = d
        .toks
        .get(k)
        .and_then(|t| t.word.entry())
        .and_then(|e| e.nominal())
    else {
        return false;
    };
    if !d.tag(k).is_noun() || d.inside(k).is_some() {
        return false;
    }
    let Some(np) = syn.np_at(k).filter(|np| np.b == k + 1) else {
        return false;
    };
    // Who: a possessive ("his claim", "the ministry's warning"), or "by/from X" after it.
    let mut src = possessor(cx, np.a, k);
    let mut after = k + 1;
    if d.is_any(after, &["by", "from"]) {
        if let Some(np2) = syn.np_starting_at(after + 1) {
            let b = clauses::extend_pp(d, syn, np2.b, hi, 1);
            src = Some(Src { a: after + 1, b });
            after = b;
        }
    }
    let Some((content, kind)) = content_after(cx, def, after) else {
        return false;
    };
    // A document that speaks for itself: "a statement saying", "the report: ...".
    // "the airline released a statement saying ...", "the company issued a statement, ...":
    // the document's issuer speaks; else the document speaks for itself.
    let issuer = || {
        let vg =
            np.a.checked_sub(1)
                .and_then(|p| syn.vg_at(p))
                .filter(|v| v.b == np.a)?;
        let lemma = d.toks[vg.head].word.entry()?.lemma()?.key();
        if !matches!(
            lemma,
            "issue" | "release" | "publish" | "post" | "send" | "put"
        ) {
            return None;
        }
        super::super::sources::subject_before(d, syn, vg.a)
    };
    let src = match src {
        Some(s) => s,
        None if kind == N::SAYING || kind == N::COLON => {
            issuer().unwrap_or(Src { a: np.a, b: k + 1 })
        }
        None => return false,
    };
    let pattern = if kind == N::SAYING {
        "document_saying"
    } else {
        "nominal"
    };
    out.push(cx.draft(
        Some(src),
        Some(d.toks[k].span()),
        content,
        pattern,
        def.family,
    ));
    true
}

/// The possessor of a noun phrase `a..=k`: a possessive pronoun, or the phrase before 's.
fn possessor(cx: &Cx, a: usize, k: usize) -> Option<Src> {
    let d = cx.d;
    if d.has(a, class::POSS_DET) {
        return Some(Src { a, b: a + 1 });
    }
    let s =
        (a..k).find(|&j| d.p(j, "'s") || d.p(j, "’s") || d.p(j, "'") && d.tag(j) == Tag::POS)?;
    (s > a).then_some(Src { a, b: s })
}

/// The content after the noun (at token `k`) for the complements the noun takes.
fn content_after(cx: &Cx, def: &NominalDef, k: usize) -> Option<(Vec<crate::span::Span>, N)> {
    let d = cx.d;
    let syn = cx.syn;
    let hi = syn.hi;
    let c = def.complements;
    let span = |a: usize| -> Option<Vec<crate::span::Span>> {
        let e = cx.b.end(a);
        (e > a + 1).then(|| vec![d.span(a, e - 1).trim_matches(d.text, &['.', ',', ';'])])
    };
    if c.has(N::THAT) && d.is(k, "that") && clauses::clause_at(d, syn, k + 1, hi) {
        return Some((span(k + 1)?, N::THAT));
    }
    if c.has(N::TO) && d.tag(k) == Tag::TO && syn.vg_at(k).is_some_and(|v| v.inf) {
        return Some((span(k)?, N::TO));
    }
    if c.has(N::FOR) && d.is(k, "for") && syn.np_starting_at(k + 1).is_some() {
        return Some((span(k + 1)?, N::FOR));
    }
    if c.has(N::OF)
        && d.is(k, "of")
        && (syn.np_starting_at(k + 1).is_some() || d.tag(k + 1) == Tag::VBG)
    {
        return Some((span(k + 1)?, N::OF));
    }
    if c.has(N::SAYING) {
        let at = if d.comma(k) { k + 1 } else { k };
        let saying = syn
            .vg_at(at)
            .is_some_and(|v| v.a == at && v.ing && clauses::cue_word(d, v.head));
        if saying {
            let after = at + 1;
            if let Some(q) = quote_at(d, after) {
                return Some((q.content, N::SAYING));
            }
            let a = if d.is(after, "that") {
                after + 1
            } else {
                after
            };
            return Some((span(a)?, N::SAYING));
        }
    }
    if c.has(N::COLON) && (d.p(k, ":") || d.comma(k)) {
        if let Some(q) = quote_at(d, k) {
            return Some((q.content, N::COLON));
        }
    }
    None
}
