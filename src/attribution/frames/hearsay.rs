//! Attributions without a source: hearsay adverbs ("the general reportedly fled"), passive
//! reports with an infinitive ("he is said to have left", "prices are expected to rise"), and
//! impersonal passives ("it was reported that ...", "it is believed that ...").

use crate::lexical::{class, Family, Tag};

use super::super::syntax::Vg;
use super::{Cx, Draft};

/// Verbs whose passive + infinitive reports what others say or think.
const PASSIVE_REPORT: &[&str] = &[
    "say",
    "report",
    "believe",
    "think",
    "expect",
    "know",
    "rumor",
    "rumour",
    "allege",
    "claim",
    "understand",
    "estimate",
    "consider",
    "suppose",
    "predict",
    "project",
    "fear",
    "suspect",
];

fn lemma_is(cx: &Cx, k: usize, set: &[&str]) -> bool {
    cx.d.toks
        .get(k)
        .and_then(|t| t.word.entry())
        .and_then(|e| e.lemma())
        .is_some_and(|l| set.contains(&l.key()))
}

/// The start of the clause holding token `k`: the subject noun phrase before its verb.
fn clause_start(cx: &Cx, k: usize) -> usize {
    let d = cx.d;
    let mut a = k;
    while a > cx.syn.lo {
        let p = a - 1;
        if d.punct(p) && !d.p(p, "'s") && !d.p(p, "’s")
            || d.has(p, class::COMPLEMENTIZER | class::SUBORDINATOR)
        {
            break;
        }
        a = p;
        if k - a > 30 {
            break;
        }
    }
    a
}

/// A hearsay adverb at `k`: the clause around it is the content.
pub(crate) fn adverb(cx: &Cx, k: usize, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    if !d.has(k, class::HEARSAY) || d.inside(k).is_some() {
        return false;
    }
    let a = clause_start(cx, k);
    let e = cx.b.end(k + 1);
    if e <= a + 2 {
        return false;
    }
    let s = d.span(a, e - 1).trim_matches(d.text, &['.', ',', ';']);
    out.push(cx.draft(
        None,
        Some(d.toks[k].span()),
        vec![s],
        "hearsay",
        Family::Speech,
    ));
    true
}

/// Verbs of appearance with an infinitive: "Trump seems to understand", "the field appeared
/// poised to narrow": the writer's inference, with no source.
const EVIDENTIAL: &[&str] = &["seem", "appear"];

/// "X seems to ...", "X appeared to ...": the clause is the content, with no source.
pub(crate) fn evidential(cx: &Cx, vg: &Vg, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    if !lemma_is(cx, vg.head, EVIDENTIAL)
        || vg.passive
        || d.inside(vg.head).is_some()
        || vg.a == cx.syn.lo
    {
        return false;
    }
    let to_inf = d.tag(vg.b) == Tag::TO && cx.syn.vg_at(vg.b).is_some_and(|v| v.inf);
    if !to_inf {
        return false;
    }
    let Some(subject) = super::super::sources::subject_before(d, cx.syn, vg.a) else {
        return false;
    };
    let (a, e) = (subject.a, cx.b.end(vg.b));
    if a >= vg.a || e <= vg.b + 1 {
        return false;
    }
    let s = d.span(a, e - 1).trim_matches(d.text, &['.', ',', ';']);
    out.push(cx.draft(
        None,
        Some(d.span(vg.a, vg.b - 1)),
        vec![s],
        "evidential",
        Family::Belief,
    ));
    true
}

/// A passive report verb group: "is said to", "are expected to", "it was reported that".
pub(crate) fn passive(cx: &Cx, vg: &Vg, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    if !vg.passive || !lemma_is(cx, vg.head, PASSIVE_REPORT) || d.inside(vg.head).is_some() {
        return false;
    }
    let cue = Some(d.span(vg.a, vg.b - 1));
    // "by X": the report has a source after all; the verb frames read it.
    if d.is(vg.b, "by") {
        return false;
    }
    if vg.a > cx.syn.lo && d.is(vg.a - 1, "it") && d.is(vg.b, "that") {
        let e = cx.b.end(vg.b + 1);
        if e <= vg.b + 2 {
            return false;
        }
        let s = d
            .span(vg.b + 1, e - 1)
            .trim_matches(d.text, &['.', ',', ';']);
        out.push(cx.draft(None, cue, vec![s], "hearsay", Family::Speech));
        return true;
    }
    if d.tag(vg.b) != Tag::TO || vg.a == cx.syn.lo {
        return false;
    }
    let a = clause_start(cx, vg.a);
    let e = cx.b.end(vg.b);
    if a >= vg.a || e <= vg.b + 1 {
        return false;
    }
    let s = d.span(a, e - 1).trim_matches(d.text, &['.', ',', ';']);
    out.push(cx.draft(None, cue, vec![s], "hearsay", Family::Belief));
    true
}
