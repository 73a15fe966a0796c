//! Quotations with no cue: a quotation that opens its sentence right after a claim (in the
//! same paragraph or the next) continues that speaker — `"A," she said. "B."` is one claim in
//! two pieces, a quote paragraph after a claim is a claim of its own by the same source.

use crate::lexical::Family;
use crate::span::Span;

use super::super::doc::Doc;
use super::Draft;

/// Adds the cue-less quotations of the document to `drafts` (sorted by content start).
pub(crate) fn attach(d: &Doc, drafts: &mut Vec<Draft>, cue_sentences: &[bool]) {
    let mut covered: Vec<Span> = drafts
        .iter()
        .flat_map(|x| x.content.iter().copied())
        .collect();
    covered.sort();
    let mut by_start: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, x)| x.content.first().map(|f| (f.start, i)))
        .collect();
    by_start.sort();
    let mut new = Vec::new();
    let mut merge: Vec<(usize, Vec<Span>)> = Vec::new();
    for (qi, q) in d.quotes.iter().enumerate() {
        if q.prev.is_some() {
            continue;
        }
        let at = covered.partition_point(|c| c.start < q.inner.end);
        if covered[..at]
            .iter()
            .rev()
            .take(16)
            .any(|c| c.overlaps(q.inner))
        {
            continue;
        }
        let Some(si) = d.sent_at(q.open.start) else {
            continue;
        };
        let s = &d.sents[si];
        // The quotation opens its sentence, and the sentence has no cue of its own.
        if !s.body || s.span.start != q.open.start || cue_sentences.get(si).copied().unwrap_or(true)
        {
            continue;
        }
        let at = by_start.partition_point(|&(st, _)| st < q.open.start);
        let Some(&(_, prev)) = at.checked_sub(1).and_then(|p| by_start.get(p)) else {
            continue;
        };
        let p = &drafts[prev];
        let pb = d.sents[p.sentence].block;
        if s.block > pb + 1 || p.cue.is_none() || p.source.is_none() {
            continue;
        }
        let frags = d.quote_fragments(qi);
        if frags.is_empty() {
            continue;
        }
        let prev_quoted = p
            .content
            .last()
            .is_some_and(|f| d.inside(d.tok_at(f.start)).is_some());
        if s.block == pb && prev_quoted {
            merge.push((prev, frags));
            continue;
        }
        if q.inner.slice(d.text).split_whitespace().count() < 4 {
            continue;
        }
        new.push(Draft {
            sentence: si,
            source: p.source,
            cue: None,
            content: frags,
            pattern: "cueless_quote",
            family: Family::Speech,
        });
    }
    for (prev, frags) in merge {
        drafts[prev].content.extend(frags);
    }
    drafts.extend(new);
}
