//! Non-responses ("did not respond to a request for comment", "declined to comment", "could
//! not be reached"): recorded with their subject in the document's `no_comment` list and never
//! read as claims. Phrases are data (`data/no_comment.txt`).

use crate::lexical::class;
use crate::span::Span;

use super::super::sources::subject_before;
use super::super::{Lists, NoComment};
use super::Cx;

/// Finds the non-responses of the sentence; returns the token ranges they cover (no cue inside
/// them starts a claim).
pub(crate) fn find(
    cx: &Cx,
    lists: &Lists,
    out: &mut Vec<NoComment>,
) -> Vec<std::ops::Range<usize>> {
    // The ranges come out sorted and disjoint: the scan resumes after each phrase.
    let d = cx.d;
    let (lo, hi) = (cx.syn.lo, cx.syn.hi);
    let mut blocked = Vec::new();
    let mut k = lo;
    while k < hi {
        if !d.has(k, class::NO_COMMENT_START) {
            k += 1;
            continue;
        }
        let hit = lists.no_comment(d.key(k)).iter().find(|p| {
            p.iter()
                .enumerate()
                .all(|(i, w)| k + i < hi && d.key(k + i) == *w)
        });
        let Some(phrase) = hit else {
            k += 1;
            continue;
        };
        let end = k + phrase.len();
        if let Some(src) = subject_before(d, cx.syn, k).or_else(|| plain_subject(cx, k)) {
            out.push(NoComment {
                sentence: cx.si,
                subject: Span::new(d.toks[src.a].start as usize, d.toks[src.b - 1].end as usize),
                cue: d.span(k, end - 1),
                resolved: None,
            });
        }
        blocked.push(k..end);
        k = end;
    }
    blocked
}

/// The noun phrase right before `k` when the verb-group view does not give one ("A senior
/// KIA general did not respond": "did" starts the phrase's verb group).
fn plain_subject(cx: &Cx, k: usize) -> Option<super::super::sources::Src> {
    let np = cx.syn.np_ending_at(k)?;
    Some(super::super::sources::Src { a: np.a, b: np.b })
}
