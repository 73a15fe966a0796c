//! Cues after their content: `CONTENT, said SOURCE`, `"QUOTE" said SOURCE`, `Said SOURCE,
//! "QUOTE"`, `CONTENT, SOURCE said.`, `"QUOTE," SOURCE told Reuters.`, and contents split
//! around the cue: `"A," she said, "B."`, `The plan, she said, will fail`, `CONTENT, she
//! said: "QUOTE"`.

use crate::lexical::{Complements, Family, Tag};

use super::super::clauses::{self, quote_at, skip_adjuncts};
use super::super::doc::Doc;
use super::super::sources::{source_after, subject_before};
use super::super::syntax::Vg;
use super::verb::pick_row;
use super::{Cx, Draft};

/// Tries the content-first shapes for the cue verb group `vg`.
pub(crate) fn frames(cx: &Cx, vg: &Vg, out: &mut Vec<Draft>) -> bool {
    let Some((row, end)) = pick_row(cx, vg) else {
        return false;
    };
    if !row.inverted || vg.passive || vg.ing || vg.inf || vg.neg {
        return false;
    }
    let cue = Some(cx.d.span(vg.a, end - 1));
    source_after_cue(cx, vg, end, cue, row.family, out)
        || source_before_cue(cx, vg, end, cue, row.family, out)
}

/// Whether what follows the cue to the end of the clause is only adjuncts: no verb of its
/// own, no "that", no quotation ("... Kasich told a crowd in Berea, Ohio Tuesday night.").
fn adjunct_tail(cx: &Cx, k: usize) -> bool {
    let d = cx.d;
    if d.comma(k) {
        return false;
    }
    let e = cx.b.end(k).min(k + 40);
    if cx.syn.has_finite(k, e) || e >= k + 40 {
        return false;
    }
    !(k..e).any(|j| {
        d.is(j, "that")
            || d.opens(j).is_some()
            || d.p(j, ":")
            || d.has(j, crate::lexical::class::WH)
    }) && (e >= cx.syn.hi || matches!(d.w(e), "." | "?" | "!" | ";" | ","))
}

fn ends(cx: &Cx, k: usize) -> bool {
    k >= cx.syn.hi || matches!(cx.d.w(k), "." | "?" | "!" | ")")
}

/// `CONTENT, said SOURCE(, APPOSITIVE).`, `"QUOTE" said SOURCE`, `Said SOURCE, "QUOTE"`.
fn source_after_cue(
    cx: &Cx,
    vg: &Vg,
    end: usize,
    cue: Option<crate::span::Span>,
    family: Family,
    out: &mut Vec<Draft>,
) -> bool {
    let d = cx.d;
    let (lo, hi) = (cx.syn.lo, cx.syn.hi);
    let initial = vg.a == lo && d.cap(vg.a);
    let before = vg.a.checked_sub(1).filter(|&b| b >= lo);
    let after_content = before.is_some_and(|b| d.comma(b) || d.closes(b).is_some() || d.p(b, "—"));
    if !initial && !after_content {
        return false;
    }
    let k = skip_adjuncts(d, cx.syn, end, hi);
    // ", said the plan would fail": a clause follows, the verb has its own subject first.
    let subject_of_verb = cx.syn.np_starting_at(k).is_some_and(|np| {
        let e = clauses::extend_pp(d, cx.syn, np.b, hi, 2);
        cx.syn.vg_at(e).is_some_and(|v| v.a == e && v.finite)
    });
    if subject_of_verb && !d.has(k, crate::lexical::class::SUBJ_PRON) {
        return false;
    }
    let Some(src) = source_after(d, cx.syn, k) else {
        return false;
    };
    let mut content = if initial {
        Vec::new()
    } else {
        let Some(b) = before else { return false };
        let comma = if d.comma(b) { b } else { b + 1 };
        match cx.content_before(comma, false) {
            Some(c) => c,
            None => return false,
        }
    };
    let quoted = content
        .first()
        .is_some_and(|c| d.inside(d.tok_at(c.start)).is_some());
    // After a quotation the whole rest of the clause names the speaker ("said Mr. Regalado,
    // who was born in Havana"), up to the quotation's resumption.
    let (src, after) = if quoted || initial {
        let stop = (src.b..hi)
            .find(|&j| quote_at(d, j).is_some_and(|_| d.comma(j) || d.p(j, ":")) || d.p(j, ";"))
            .unwrap_or(hi);
        let mut e = stop;
        while e > src.b && (d.punct(e - 1) && !d.p(e - 1, ")")) {
            e -= 1;
        }
        (
            super::super::sources::Src {
                a: src.a,
                b: e.max(src.b),
            },
            stop,
        )
    } else {
        (src, src.b)
    };
    let tail = if after < hi { quote_at(d, after) } else { None };
    if !(ends(cx, after) || d.comma(after) || d.p(after, ":") || tail.is_some()) {
        return false;
    }
    if initial {
        match tail {
            Some(t) => content = t.content,
            None => return false,
        }
    } else if let Some(t) = tail.filter(|t| t.kind == Complements::QUOTE && quoted) {
        // `"A," said X, "B."`: the quotation resumes.
        content.extend(t.content);
    }
    let pattern = if quoted || initial {
        "quote_inverted"
    } else {
        "inverted"
    };
    out.push(cx.draft(Some(src), cue, content, pattern, family));
    true
}

/// `CONTENT, SOURCE said.` and the split shapes around a cue whose subject comes first.
fn source_before_cue(
    cx: &Cx,
    vg: &Vg,
    end: usize,
    cue: Option<crate::span::Span>,
    family: Family,
    out: &mut Vec<Draft>,
) -> bool {
    let d = cx.d;
    let (lo, hi) = (cx.syn.lo, cx.syn.hi);
    let Some(src) = subject_before(d, cx.syn, vg.a) else {
        return false;
    };
    if src.a <= lo {
        return false;
    }
    let sb = src.a - 1;
    if !(d.comma(sb) || d.closes(sb).is_some()) {
        return false;
    }
    let mut k = skip_adjuncts(d, cx.syn, end, hi);
    // `"...," she told Reuters.` / `, he told reporters on Tuesday.`
    if family == Family::Tell {
        if let Some(np) = cx.syn.np_starting_at(k) {
            k = skip_adjuncts(d, cx.syn, np.b, hi);
        }
    }
    let comma = if d.comma(sb) { sb } else { sb + 1 };
    // "The plan, she said, will fail": a fragment before the cue when the content goes on.
    let goes_on = d.comma(k) && cx.b.end(k) != k && quote_at(d, k).is_none() && !ends(cx, k + 1);
    let Some(mut content) = cx.content_before(comma, goes_on) else {
        return false;
    };
    let quoted = d.inside(d.tok_at(content[0].start)).is_some();
    // After a quotation, a subordinate clause may follow the cue: `"...," X told Mr. Obama as
    // he stopped to have his picture taken`.
    // So may a short phrase and then one: `"...," X said on MSNBC as returns came in`.
    let subordinate = quoted && {
        let s = (k..hi.min(k + 8)).find(|&j| {
            d.has(j, crate::lexical::class::SUBORDINATOR) || d.punct(j) || d.opens(j).is_some()
        });
        s.is_some_and(|s| {
            d.has(s, crate::lexical::class::SUBORDINATOR)
                && !d.is_any(s, &["that", "if", "whether"])
                && !cx.syn.has_finite(k, s)
        })
    };
    let pattern = if ends(cx, k) || adjunct_tail(cx, k) || subordinate {
        if quoted {
            "quote_cue_after"
        } else {
            "content_then_source"
        }
    } else if d.comma(k) || d.p(k, ":") {
        if let Some(q) = quote_at(d, k) {
            if quoted {
                content.extend(q.content);
                "split_quote"
            } else if scene_setting(d, d.tok_at(content[0].start)) {
                // `Of those who view him unfavorably, X said: "..."`, `Asked why ..., X
                // responded, "..."`: the words before the cue set the scene; the quotation alone
                // is what was said.
                content = q.content;
                "cue_then_quote"
            } else {
                content.extend(q.content);
                "mixed_then_quote"
            }
        } else if d.comma(k) && !quoted && cx.b.end(k) != k {
            // "The plan, she said, will fail."
            let e = cx.b.end(k + 1);
            if e <= k + 2 {
                return false;
            }
            let s = d.span(k + 1, e - 1).trim_matches(d.text, &['.', ',', ';']);
            if s.is_empty() {
                return false;
            }
            // "X will suspend exports, the ministry said, a move likely to push up prices": a
            // whole clause before the cue and no verb after it — the tail is the reporter's
            // comment on the news, not part of what was said.
            let before = d.tok_at(content[0].start);
            if cx.syn.has_finite(before, comma) && !cx.syn.has_finite(k + 1, e) {
                "content_then_source"
            } else {
                content.push(s);
                "parenthetical"
            }
        } else if quoted {
            "quote_cue_after"
        } else {
            "content_then_source"
        }
    } else {
        return false;
    };
    out.push(cx.draft(Some(src), cue, content, pattern, family));
    true
}

/// Whether the words from token `k` open a scene-setting phrase rather than a clause that was
/// said: a preposition or subordinator ("Of those ...", "When asked ..."), a wh-adverb, or a
/// participle ("Asked why ...", "Speaking to reporters ...").
fn scene_setting(d: &Doc, k: usize) -> bool {
    matches!(d.tag(k), Tag::IN | Tag::WRB | Tag::VBN | Tag::VBG) && !d.is(k, "that")
}
