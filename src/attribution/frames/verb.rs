//! Cue verbs with their subject before them: `SOURCE said (that) CONTENT`, `SOURCE told
//! RECIPIENT (that) CONTENT`, `SOURCE urged X to ...`, `SOURCE accused X of ...`, and the
//! shapes that take their subject from elsewhere: participles after a comma (`, adding that
//! ...`), relative clauses (`X, who said ...`), coordinated verbs (`X smiled and said ...`),
//! infinitives (`X was prompted to say ...`). Which complements a verb takes is data
//! (`data/attribution/cues.tsv`).

use crate::lexical::{class, Complements, CueDef, Family, Tag};

use super::super::clauses::{self, Complement};
use super::super::sources::{opens_clause, subject_before, Src};
use super::super::syntax::Vg;
use super::super::Lists;
use super::{Cx, Draft};

/// The cue row that fits a verb group and the end (exclusive) of the cue: a particle row
/// ("call for", "point out") when its particle follows, else the bare verb's row.
pub(crate) fn pick_row(cx: &Cx, vg: &Vg) -> Option<(&'static CueDef, usize)> {
    let d = cx.d;
    let rows = d.toks.get(vg.head)?.word.entry()?.cue()?;
    for r in rows.iter().filter(|r| !r.particle.is_empty()) {
        if vg.b > vg.head + 1 && d.is(vg.b - 1, r.particle) {
            return Some((r, vg.b));
        }
        if d.is(vg.b, r.particle) {
            return Some((r, vg.b + 1));
        }
    }
    let bare = rows.iter().find(|r| r.particle.is_empty())?;
    Some((bare, vg.b))
}

/// Whether the cue verb at `vg` is used in a sense that reports nothing: a noun or adjective
/// the tagger read as a verb ("the said company"), a negated report ("did not say"), an
/// object that makes it an act ("claimed 20 lives", data/attribution/not_cues.tsv).
fn not_a_cue(cx: &Cx, vg: &Vg, row: &CueDef, end: usize, lists: &Lists) -> bool {
    let d = cx.d;
    let lo = cx.syn.lo;
    if vg.a > lo
        && (d.has(vg.a - 1, class::DET) && !d.has(vg.a - 1, class::DEMONSTRATIVE)
            || d.p(vg.a - 1, "'s")
            || d.p(vg.a - 1, "’s"))
    {
        return true;
    }
    if vg.neg && matches!(row.family, Family::Speech | Family::Tell | Family::Report) {
        return true;
    }
    // The object's head: past determiners, numbers and adjectives.
    let mut k = end;
    while k < cx.syn.hi
        && k < end + 5
        && (d.has(k, class::DET | class::QUANT) || d.tag(k) == Tag::CD || d.tag(k).is_adj())
    {
        k += 1;
    }
    lists.not_cue(row.verb, d.key(k))
}

fn pattern(family: Family, comp: &Complement) -> &'static str {
    if comp.kind == Complements::QUOTE {
        return "cue_then_quote";
    }
    match family {
        Family::Tell => "told_that",
        Family::Belief => "belief",
        Family::Report => "document_shows",
        Family::Stance => "stance",
        Family::Intent => "intent",
        Family::Request => "request",
        Family::Ask => "question",
        Family::Naming => "naming",
        Family::Speech => "said_that",
    }
}

/// Tries every subject-first shape for the cue verb group `vg`; pushes what it finds and
/// returns whether it found something. `earlier` are the drafts already found in this sentence.
pub(crate) fn frames(
    cx: &Cx,
    vg: &Vg,
    earlier: Option<Src>,
    lists: &Lists,
    out: &mut Vec<Draft>,
) -> bool {
    let d = cx.d;
    let Some((row, end)) = pick_row(cx, vg) else {
        return false;
    };
    if not_a_cue(cx, vg, row, end, lists) {
        return false;
    }
    // "X was criticized by Y"; "a practice criticized by Miller" (a participle after a noun).
    let reduced = d.tag(vg.head) == Tag::VBN
        && !vg.aux
        && cx.syn.np_ending_at(vg.a).is_some()
        && d.is(clauses::skip_adjuncts(d, cx.syn, end, cx.syn.hi), "by");
    if vg.passive || reduced {
        return passive_by(cx, vg, row, end, out);
    }
    let cue_start = if vg.inf { vg.head } else { vg.a };
    let cue = d.span(cue_start, end - 1);
    let comp = clauses::read(d, cx.syn, cx.b, end, row.complements);
    let lo = cx.syn.lo;
    // ", adding that ...", ", saying ...": the clause's subject, or the speaker just found.
    if vg.ing {
        return match comp {
            Some(comp) => participle(cx, vg, row.family, cue, comp, earlier, out),
            None => false,
        };
    }
    let Some(comp) = comp.or_else(|| relative_gap(cx, vg, end)) else {
        return false;
    };
    let pat = if comp.kind == Complements::PREP && comp.first == usize::MAX {
        "relative_belief"
    } else {
        pattern(row.family, &comp)
    };
    // The word before the verb group (past adverbs) says where the subject is.
    let mut p = vg.a;
    while p > lo && d.tag(p - 1).is_adverb() && d.lower(p - 1) {
        p -= 1;
    }
    if p > lo {
        let w = p - 1;
        // "X, who said ...", "officials who say ...".
        if d.is_any(w, &["who", "that", "which"]) && d.tag(w) != Tag::DT {
            if let Some(source) = antecedent(cx, w) {
                // "Cruz, who says Trump is attacking him ..., said ...": the inserted clause
                // ends where the main verb comes.
                let content = if w > lo && d.comma(w - 1) {
                    cut_at_main_verb(cx, comp.content)
                } else {
                    comp.content
                };
                out.push(cx.draft(
                    Some(source),
                    Some(cue),
                    content,
                    "relative_clause",
                    row.family,
                ));
                return true;
            }
            return false;
        }
        // "Ms. Sherry smiled and said ...", "the airline apologised and said ...".
        if d.is_any(w, &["and", "but"]) {
            let source = earlier.or_else(|| main_subject(cx, w));
            if let Some(source) = source {
                out.push(cx.draft(Some(source), Some(cue), comp.content, pat, row.family));
                return true;
            }
            return false;
        }
        // "was prompted to say", "went so far as to say".
        if vg.inf && (d.tag(w).is_verb() || d.is(w, "as")) {
            if let Some(source) = main_subject(cx, w) {
                out.push(cx.draft(Some(source), Some(cue), comp.content, pat, row.family));
                return true;
            }
            return false;
        }
    }
    if vg.inf {
        return false;
    }
    let Some(source) = subject_before(d, cx.syn, vg.a) else {
        return false;
    };
    out.push(cx.draft(Some(source), Some(cue), comp.content, pat, row.family));
    true
}

/// The subject of the main clause before token `before`: the first noun phrase of the
/// clause that is followed by a finite verb ("Governor Ruth Ellison praised the volunteers,
/// saying ...").
pub(crate) fn main_subject(cx: &Cx, before: usize) -> Option<Src> {
    let syn = cx.syn;
    // The last finite group may have no subject of its own ("Weaver seemed impressed, telling
    // ...": "impressed" after "seemed"); the few before it are tried, a bounded walk.
    syn.vgs
        .iter()
        .rev()
        .filter(|v| v.a <= before && v.finite && !v.inf)
        .take(3)
        .find_map(|v| subject_before(cx.d, syn, v.a))
}

/// "CNN quoted an American witness as saying": the phrase between "quoted" and "as".
fn quoted_as(cx: &Cx, as_tok: usize) -> Option<Src> {
    let d = cx.d;
    let lo = cx.syn.lo;
    let q = (as_tok.saturating_sub(12).max(lo)..as_tok)
        .rev()
        .find(|&j| {
            d.is_any(
                j,
                &["quoted", "quotes", "quoting", "cited", "cites", "citing"],
            )
        })?;
    (q + 1 < as_tok).then_some(Src {
        a: q + 1,
        b: as_tok,
    })
}

/// The noun phrase a relative pronoun at `rel` refers to: "Khon Ja, a Kachin activist from
/// Bhamo who", "Ahmed Nour, 62, who".
fn antecedent(cx: &Cx, rel: usize) -> Option<Src> {
    let d = cx.d;
    let syn = cx.syn;
    let lo = syn.lo;
    let end = if rel > lo && d.comma(rel - 1) {
        rel - 1
    } else {
        rel
    };
    let np = syn.np_ending_at(end)?;
    let mut a = np.a;
    // "a farmer near Manyoni who said", "a spokesman for the ministry who": the noun the
    // prepositional phrase hangs on (at most two phrases back).
    for _ in 0..2 {
        if a < lo + 2 || d.tag(a - 1) != Tag::IN || d.is(a - 1, "that") {
            break;
        }
        match syn.np_ending_at(a - 1) {
            Some(np0) if np0.a < a - 1 && d.tag(a - 2).is_noun() => a = np0.a,
            _ => break,
        }
    }
    // "Ahmed Nour, 62, who said": the age is an appositive of the name before it.
    if d.tag(np.a) == Tag::CD && np.b == np.a + 1 && a > lo + 1 && d.comma(a - 1) {
        if let Some(np2) = syn.np_ending_at(a - 1) {
            a = np2.a;
        }
    }
    // "X, APPOSITIVE, who" / "X, APPOSITIVE who": take the name before the appositive.
    if a > lo + 1 && d.comma(a - 1) {
        if let Some(np2) = syn.np_ending_at(a - 1) {
            // The name may be an object ("joined by Leila Ahmadi, a shop owner who said").
            let name = (np2.a..np2.b).any(|k| d.tag(k).is_proper()) || d.tag(np2.a) == Tag::CD;
            if (name || opens_clause(d, syn, np2.a, lo)) && a - 1 - np2.a <= 8 {
                a = np2.a;
            }
        }
    }
    (end > a).then_some(Src { a, b: end })
}

/// Cuts a content at a comma followed by a finite verb: the end of an inserted clause.
fn cut_at_main_verb(cx: &Cx, content: Vec<crate::span::Span>) -> Vec<crate::span::Span> {
    let d = cx.d;
    let Some(first) = content.first().copied() else {
        return content;
    };
    let a = d.tok_at(first.start);
    let e = d.tok_at(first.end);
    let cut = (a..e).find(|&k| {
        d.comma(k)
            && cx
                .syn
                .vg_at(k + 1)
                .is_some_and(|v| v.a == k + 1 && v.finite)
    });
    match cut {
        Some(k) if k > a => vec![d.span(a, k - 1)],
        _ => content,
    }
}

/// `As SOURCE said, CONTENT` / `As SOURCE put it: CONTENT`.
pub(crate) fn as_said(cx: &Cx, vg: &Vg, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let Some((row, end)) = pick_row(cx, vg) else {
        return false;
    };
    // "put it" as the cue of "as X put it".
    let end = if d.is(vg.head, "put") && d.is(end, "it") {
        end + 1
    } else {
        end
    };
    if !(d.comma(end) || d.p(end, ":")) || vg.passive || vg.neg {
        return false;
    }
    let Some(src) = subject_before(d, cx.syn, vg.a) else {
        return false;
    };
    if src.a == 0 || src.a - 1 < cx.syn.lo || !d.is(src.a - 1, "as") {
        return false;
    }
    let content = match clauses::quote_at(d, end) {
        Some(q) => q.content,
        None => {
            let e = cx.b.end(end + 1);
            if e <= end + 2 {
                return false;
            }
            vec![d
                .span(end + 1, e - 1)
                .trim_matches(d.text, &['.', ',', ';'])]
        }
    };
    out.push(cx.draft(
        Some(src),
        Some(d.span(vg.a, end - 1)),
        content,
        "as_said",
        row.family,
    ));
    true
}

/// "The KIA, which analysts estimate has over 15,000 personnel, ...": the cue sits inside a
/// relative clause whose verb follows it; the content is the antecedent and that verb's
/// clause. Marked with `first == usize::MAX`.
fn relative_gap(cx: &Cx, vg: &Vg, end: usize) -> Option<Complement> {
    let d = cx.d;
    let syn = cx.syn;
    let src = subject_before(d, syn, vg.a)?;
    let rel = src.a.checked_sub(1)?;
    if !d.is_any(rel, &["which", "that", "who"]) || rel < syn.lo + 2 || !d.comma(rel - 1) {
        return None;
    }
    let v2 = syn.vg_at(end).filter(|v| v.a == end && v.finite)?;
    let ante = syn.np_ending_at(rel - 1)?;
    let e = (v2.b..syn.hi)
        .find(|&k| d.comma(k) || d.p(k, ";"))
        .unwrap_or(syn.hi);
    if e <= v2.b {
        return None;
    }
    let a = d.span(ante.a, ante.b - 1);
    let b = d.span(end, e - 1).trim_matches(d.text, &['.', ',']);
    Some(Complement {
        content: vec![a, b],
        kind: Complements::PREP,
        first: usize::MAX,
    })
}

/// A cue in a participle: `, adding that ...`, `... and threatening to ...`, `by saying ...`,
/// `quoted X as saying ...`, `After announcing his support, Rubio ...`.
fn participle(
    cx: &Cx,
    vg: &Vg,
    family: Family,
    cue: crate::span::Span,
    comp: Complement,
    earlier: Option<Src>,
    out: &mut Vec<Draft>,
) -> bool {
    let d = cx.d;
    let lo = cx.syn.lo;
    let before = vg.a.checked_sub(1).filter(|&b| b >= lo);
    let (source, pattern) = match before {
        // ", adding that ...", "... and threatening to ...".
        Some(b) if d.comma(b) || d.is(b, "and") => {
            (earlier.or_else(|| main_subject(cx, b)), "adding_that")
        }
        // "quoted X as saying", "by saying", "upon saying", "after announcing".
        Some(b)
            if d.is_any(
                b,
                &[
                    "as", "by", "upon", "after", "while", "before", "since", "when",
                ],
            ) =>
        {
            let s = quoted_as(cx, b)
                .or_else(|| main_subject(cx, b))
                .or_else(|| subject_after_opener(cx, vg.b));
            (s, "said_that")
        }
        // "Announcing his candidacy, Smith said ...".
        None => (subject_after_opener(cx, vg.b), "said_that"),
        _ => (None, ""),
    };
    let Some(source) = source else {
        return false;
    };
    // An opener's content ends at the comma before the main clause's subject.
    let mut content = comp.content;
    if source.a > vg.b && d.comma(source.a - 1) {
        let cut = d.toks[source.a - 1].start as usize;
        content.retain(|f| f.start < cut);
        for f in &mut content {
            if f.end > cut {
                *f = crate::span::Span::new(f.start, cut).trim(d.text);
            }
        }
        if content.iter().all(|f| f.is_empty()) {
            return false;
        }
    }
    out.push(cx.draft(Some(source), Some(cue), content, pattern, family));
    true
}

/// The subject of the main clause after a sentence-initial opener that runs to a comma after
/// token `from`: "One month after announcing his support for Trump, [Marco Rubio] still believes".
fn subject_after_opener(cx: &Cx, from: usize) -> Option<Src> {
    let d = cx.d;
    let syn = cx.syn;
    let comma =
        (from..syn.hi.min(from + 30)).find(|&k| d.comma(k) || d.quote_mark(k) || d.p(k, ";"))?;
    if !d.comma(comma) {
        return None;
    }
    let np = syn.np_starting_at(comma + 1)?;
    let mut v = np.b;
    while v < syn.hi && d.tag(v).is_adverb() {
        v += 1;
    }
    syn.vg_at(v).filter(|g| g.a == v && g.finite)?;
    Some(Src { a: np.a, b: np.b })
}

/// `X was criticized by Y`, `a practice criticized by Miller`: the agent after "by" is the
/// source, the subject (or the noun the participle follows) the content.
fn passive_by(cx: &Cx, vg: &Vg, row: &CueDef, end: usize, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let syn = cx.syn;
    // Only judgments read this way: "was criticized by", "endorsed by"; most passive report
    // verbs with an agent are about acts ("raised by", "written by", "posted by").
    if row.family != Family::Stance
        || matches!(
            row.verb,
            "back" | "embrace" | "welcome" | "favor" | "favour" | "accept"
        )
    {
        return false;
    }
    let k = clauses::skip_adjuncts(d, syn, end, syn.hi);
    if !d.is(k, "by") {
        return false;
    }
    let Some(src) = super::super::sources::source_after(d, syn, k + 1) else {
        return false;
    };
    let content = if vg.passive {
        subject_before(d, syn, vg.a)
    } else {
        syn.np_ending_at(vg.a).map(|np| Src { a: np.a, b: np.b })
    };
    let Some(content) = content else {
        return false;
    };
    let span = d.span(content.a, content.b - 1);
    out.push(cx.draft(
        Some(src),
        Some(d.span(vg.a, end - 1)),
        vec![span],
        "passive_by",
        row.family,
    ));
    true
}
