//! From drafts to claims: pieces sorted and deduplicated, nested attributions flattened (a
//! cue inside a longer claim's content is part of what was said), sources typed, kinds
//! (direct, indirect, mixed) read off the quotation marks, entities and numbers of the content.

use crate::fasthash::FxHashSet;
use crate::lexical::{class, TokenKind};
use crate::span::Span;

use super::doc::Doc;
use super::frames::Draft;
use super::numbers::Numbers;
use super::typing::type_source;
use super::{Claim, ClaimKind, Mention, Source};

/// Turns the drafts of a document into its claims, in text order.
pub(crate) fn claims(d: &Doc, mut drafts: Vec<Draft>, numbers: &Numbers) -> Vec<Claim> {
    for x in &mut drafts {
        x.content.retain(|f| !f.is_empty());
        x.content.sort();
        x.content.dedup();
    }
    drafts.retain(|x| !x.content.is_empty());
    drafts.sort_by_key(|x| (x.content[0].start, x.cue.map_or(0, |c| c.start)));
    let hull_of = |x: &Draft| {
        Span::new(
            x.content[0].start,
            x.content.iter().map(|f| f.end).max().unwrap_or(0),
        )
    };
    // Contents some cue gives a source: a sourceless reading of the same words ("X is
    // expected to ..., a spokesman told Reuters") yields to it.
    let sourced: FxHashSet<Span> = drafts
        .iter()
        .filter(|x| x.source.is_some())
        .map(hull_of)
        .collect();
    let mut seen: FxHashSet<Span> = FxHashSet::default();
    let mut out: Vec<Claim> = Vec::with_capacity(drafts.len());
    for x in drafts {
        let hull = hull_of(&x);
        if x.source.is_none() && sourced.contains(&hull) {
            continue;
        }
        // Two cues reading the same content: the first wins.
        if !seen.insert(hull) {
            continue;
        }
        // A content that swallows its own cue or source is a misreading.
        // (Hearsay and inferences report a whole clause, their cue inside it.)
        let clause_claim = x.source.is_none();
        if !clause_claim
            && x.cue
                .is_some_and(|c| x.content.iter().any(|f| f.overlaps(c)))
        {
            continue;
        }
        let source = x.source.map(|s| {
            let span = d.span(s.a, s.b.max(s.a + 1) - 1);
            let t = type_source(d, s);
            Source {
                span,
                head: t.head,
                kind: t.kind,
                entity: t.entity,
                resolved: None,
                affiliation: t.affiliation.map(|(span, entity)| Mention { span, entity }),
            }
        });
        if source
            .as_ref()
            .is_some_and(|s| x.content.iter().any(|f| f.contains(s.span)))
        {
            continue;
        }
        let entities = x.content.iter().flat_map(|f| entities_in(d, *f)).collect();
        let numbers = x
            .content
            .iter()
            .filter(|f| may_hold_number(d, **f))
            .flat_map(|f| numbers.find(d.text, *f))
            .collect();
        out.push(Claim {
            sentence: x.sentence,
            kind: kind(d, &x.content),
            source,
            cue: x.cue,
            content: hull,
            fragments: if x.content.len() > 1 {
                x.content
            } else {
                Vec::new()
            },
            pattern: x.pattern,
            family: x.family,
            confidence: 0.0,
            entities,
            numbers,
        });
    }
    flatten(out)
}

/// Drops drafts whose cue lies inside a longer draft's content (see [`flatten`]), before the
/// cue-less quotations look for the claim before them.
pub(crate) fn flatten_drafts(drafts: &mut Vec<Draft>) {
    let mut pieces: Vec<(Span, usize)> = drafts
        .iter()
        .enumerate()
        .flat_map(|(i, x)| x.content.iter().map(move |f| (*f, i)))
        .collect();
    pieces.sort();
    let lens: Vec<usize> = drafts
        .iter()
        .map(|x| x.content.last().map_or(0, |l| l.end) - x.content.first().map_or(0, |f| f.start))
        .collect();
    let keep: Vec<bool> = drafts
        .iter()
        .enumerate()
        .map(|(me, x)| {
            let Some(cue) = x.cue else { return true };
            let at = pieces.partition_point(|(f, _)| f.start <= cue.start);
            !pieces[..at]
                .iter()
                .rev()
                .take(16)
                .any(|(f, j)| *j != me && lens[*j] > lens[me] && f.contains(cue))
        })
        .collect();
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Drops claims whose cue lies inside a longer claim's content ("X believes A, two of the
/// people said": one claim). Contents are local, so only nearby pieces are compared.
fn flatten(mut claims: Vec<Claim>) -> Vec<Claim> {
    let mut pieces: Vec<(Span, usize)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if c.fragments.is_empty() {
            pieces.push((c.content, i));
        } else {
            pieces.extend(c.fragments.iter().map(|f| (*f, i)));
        }
    }
    pieces.sort();
    let lens: Vec<usize> = claims.iter().map(|c| c.content.len()).collect();
    let keep: Vec<bool> = claims
        .iter()
        .enumerate()
        .map(|(me, c)| {
            let Some(cue) = c.cue else { return true };
            let at = pieces.partition_point(|(f, _)| f.start <= cue.start);
            !pieces[..at]
                .iter()
                .rev()
                .take(16)
                .any(|(f, j)| *j != me && lens[*j] > lens[me] && f.contains(cue))
        })
        .collect();
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    claims
}

/// Indices of the entities inside `span` (entities are sorted and do not overlap).
fn entities_in(d: &Doc, span: Span) -> std::ops::Range<usize> {
    let a = d.ents.partition_point(|e| e.span.start < span.start);
    let mut b = a;
    while b < d.ents.len() && d.ents[b].span.end <= span.end {
        b += 1;
    }
    a..b
}

/// Whether a content piece can hold a number the number finder would report: a digit, a
/// number word, a month or a weekday. Most contents have none and skip the regex.
fn may_hold_number(d: &Doc, f: Span) -> bool {
    let a = d.tok_at(f.start);
    (a..d.toks.len())
        .take_while(|&k| (d.toks[k].end as usize) <= f.end)
        .any(|k| {
            d.toks[k].kind == TokenKind::Number
                || d.has(k, class::NUMBER_WORD | class::MONTH | class::WEEKDAY)
        })
}

/// Direct when every letter of the content is quoted, indirect when none is.
fn kind(d: &Doc, frags: &[Span]) -> ClaimKind {
    let alnum = |s: Span| {
        s.slice(d.text)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
    };
    let (mut inside, mut total) = (0usize, 0usize);
    for f in frags {
        total += alnum(*f);
        let mut q = d.quotes.partition_point(|q| q.inner.end <= f.start);
        while q < d.quotes.len() && d.quotes[q].inner.start < f.end {
            let inner = d.quotes[q].inner;
            let both = Span::new(inner.start.max(f.start), inner.end.min(f.end));
            if !both.is_empty() {
                inside += alnum(both);
            }
            q += 1;
        }
    }
    match (inside, total - inside.min(total)) {
        (0, _) => ClaimKind::Indirect,
        (_, 0) => ClaimKind::Direct,
        _ => ClaimKind::Mixed,
    }
}
