//! `according to SOURCE, CONTENT`, `CONTENT, according to SOURCE(, CONTENT)`, `According to
//! SOURCE: "QUOTE"`. The source may be a document or a modified phrase ("a report by the UN",
//! "the officer in charge of the investigation").

use crate::lexical::Family;

use super::super::clauses::quote_at;
use super::super::sources::source_after;
use super::{Cx, Draft};

/// Tries "according to" at token `k`.
pub(crate) fn frame(cx: &Cx, k: usize, out: &mut Vec<Draft>) -> bool {
    let d = cx.d;
    let (lo, hi) = (cx.syn.lo, cx.syn.hi);
    if !(d.is(k, "according") && d.is(k + 1, "to")) || d.inside(k).is_some() {
        return false;
    }
    // "according to exit polling data": a noun the tagger read as a verb starts the source.
    let src = source_after(d, cx.syn, k + 2).or_else(|| {
        source_after(d, cx.syn, k + 3)
            .filter(|_| {
                d.toks
                    .get(k + 2)
                    .and_then(|t| t.word.entry())
                    .is_some_and(|e| e.wn_pos() & 1 != 0)
            })
            .map(|s| super::super::sources::Src { a: k + 2, b: s.b })
    });
    let Some(src) = src else {
        return false;
    };
    let cue = Some(d.span(k, k + 1));
    let mut lead = lo;
    while lead < k
        && (d.is_any(lead, &["but", "and", "however", "yet", "so"])
            || d.punct(lead) && d.opens(lead).is_none())
    {
        lead += 1;
    }
    if lead == k {
        // According to SOURCE, CONTENT.  /  According to SOURCE: "QUOTE".
        let after = src.b;
        if let Some(q) = quote_at(d, after).filter(|_| d.p(after, ":") || d.comma(after)) {
            out.push(cx.draft(Some(src), cue, q.content, "according_to", Family::Speech));
            return true;
        }
        if !d.comma(after) || after + 1 >= hi {
            return false;
        }
        let e = cx.b.end(after + 1);
        if e <= after + 2 {
            return false;
        }
        let s = d
            .span(after + 1, e - 1)
            .trim_matches(d.text, &['.', ',', ';']);
        out.push(cx.draft(Some(src), cue, vec![s], "according_to", Family::Speech));
        return true;
    }
    // CONTENT, according to SOURCE(, CONTENT2).
    let comma = if d.comma(k - 1) { k - 1 } else { k };
    let Some(mut content) = cx.content_before(comma, false) else {
        return false;
    };
    let after = src.b;
    if d.comma(after) && !d.is_any(after + 1, &["who", "which", "whose"]) && after + 2 < hi {
        let e = cx.b.end(after + 1);
        if e > after + 2 {
            let s = d
                .span(after + 1, e - 1)
                .trim_matches(d.text, &['.', ',', ';']);
            if !s.is_empty() {
                content.push(s);
            }
        }
    }
    out.push(cx.draft(Some(src), cue, content, "according_to", Family::Speech));
    true
}
