//! The frames layer: one module per family of attribution shapes, each reading source, cue
//! and content off the syntax of one sentence.
//!
//! | module | shapes |
//! |---|---|
//! | [`verb`] | `SOURCE said (that) CONTENT`, `told REPORTERS (that)`, `urged X to`, `accused X of`, `praised X for`, participles (`, adding that`), relative clauses (`X, who said`), coordinated verbs (`... and said`) |
//! | [`inverted`] | `CONTENT, said SOURCE`, `CONTENT, SOURCE said.`, `"QUOTE," SOURCE said`, split contents (`The plan, she said, will fail`) |
//! | [`according`] | `according to SOURCE, CONTENT`, `CONTENT, according to SOURCE` |
//! | [`nominal`] | `his claim that`, `a statement saying`, `the ministry's warning that`, `calls for` |
//! | [`adjective`] | `X is skeptical (that)`, `X was confident`, `X is eager to`, `X was upset with` |
//! | [`hearsay`] | `reportedly`, `is said to`, `it was reported that` (no source) |
//! | [`transcript`] | `NAME: CONTENT` at the start of a sentence |
//! | [`cueless`] | a quotation with no cue after a claim: the same speaker |
//! | [`no_comment`] | non-responses ("did not respond to a request for comment"), never claims |
//!
//! Every family has a table of real-shaped sentences under `tests/data/attribution/`.

pub(crate) mod according;
pub(crate) mod adjective;
pub(crate) mod cueless;
pub(crate) mod hearsay;
pub(crate) mod inverted;
pub(crate) mod no_comment;
pub(crate) mod nominal;
pub(crate) mod transcript;
pub(crate) mod verb;

use crate::lexical::Family;
use crate::span::Span;

use super::clauses::{self, Bounds};
use super::doc::Doc;
use super::sources::Src;
use super::syntax::Syntax;

/// A claim as a frame found it, before sources are typed and resolved.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    /// Sentence holding the cue.
    pub sentence: usize,
    /// The source phrase (tokens), `None` for hearsay without a source.
    pub source: Option<Src>,
    /// The cue (byte span), `None` for a quotation with no cue.
    pub cue: Option<Span>,
    /// The content's pieces (byte spans), in text order.
    pub content: Vec<Span>,
    /// The shape that found it (`said_that`, `inverted`, ...).
    pub pattern: &'static str,
    /// The cue's family.
    pub family: Family,
}

/// One sentence with its syntax, as the frames read it.
pub(crate) struct Cx<'a, 'd> {
    pub d: &'a Doc<'d>,
    pub syn: &'a Syntax,
    pub b: &'a Bounds,
    pub si: usize,
}

impl Cx<'_, '_> {
    /// A draft for this sentence.
    pub fn draft(
        &self,
        source: Option<Src>,
        cue: Option<Span>,
        content: Vec<Span>,
        pattern: &'static str,
        family: Family,
    ) -> Draft {
        Draft {
            sentence: self.si,
            source,
            cue,
            content,
            pattern,
            family,
        }
    }

    /// The content before the comma at `comma`, read back to the start of the clause: a
    /// quotation closing there (its whole chain), else the words from the sentence start (past
    /// a leading conjunction), which must hold a clause unless `fragment` (a content that
    /// goes on after the cue).
    pub fn content_before(&self, comma: usize, fragment: bool) -> Option<Vec<Span>> {
        let d = self.d;
        let lo = self.syn.lo;
        if comma <= lo {
            return None;
        }
        // `"QUOTE," SOURCE said` / `"QUOTE" said SOURCE`.
        let q = d.closes(comma - 1).or_else(|| d.closes(comma)).or_else(|| {
            (comma >= 2 && d.comma(comma - 1))
                .then(|| d.closes(comma - 2))
                .flatten()
        });
        if let Some(q) = q {
            let frags = d.quote_fragments(d.chain_head(q));
            return (!frags.is_empty()).then_some(frags);
        }
        // A content runs from the sentence start: a start further back than any quotable
        // clause gives none (and each cue's scan stays bounded: a page-long "sentence" of
        // cues is linear).
        if comma - lo > MAX_CONTENT_BEFORE {
            return None;
        }
        let mut a = lo;
        while a < comma
            && (d.is_any(a, &["but", "and", "so", "yet"]) || d.punct(a) && d.opens(a).is_none())
        {
            a += 1;
        }
        if a >= comma || comma - a < 2 {
            return None;
        }
        // A scene-setting opener ("In a statement,", "On Tuesday,") is not a content: the
        // content is a clause.
        if !fragment && !self.syn.has_finite(a, comma) {
            return None;
        }
        let s = d
            .span(a, comma - 1)
            .trim_matches(d.text, &['.', ',', ';', ':']);
        let words = s.slice(d.text).split_whitespace().count();
        (words >= 3 || fragment && words >= 1).then(|| vec![s])
    }
}

/// Tokens between a sentence start and the comma before a cue that a content may span
/// (a long news sentence has about 60).
const MAX_CONTENT_BEFORE: usize = 160;

/// Runs every family on one sentence; returns whether the sentence holds a cue (a sentence
/// with a cue that gave nothing is not a cue-less quotation either).
pub(crate) fn sentence(
    cx: &Cx,
    lists: &super::Lists,
    out: &mut Vec<Draft>,
    no_comment: &mut Vec<super::NoComment>,
) -> bool {
    let d = cx.d;
    let syn = cx.syn;
    let blocked = no_comment::find(cx, lists, no_comment);
    // Sorted and disjoint (`find` scans forward): a binary search, so a sentence of a
    // thousand no-comment phrases stays linear.
    let in_blocked = |k: usize| {
        let i = blocked.partition_point(|r| r.end <= k);
        blocked.get(i).is_some_and(|r| r.contains(&k))
    };
    let start = out.len();
    let mut cue = transcript::frame(cx, out);
    for vg in &syn.vgs {
        if in_blocked(vg.head) || d.inside(vg.head).is_some() {
            continue;
        }
        if clauses::cue_word(d, vg.head) {
            cue = true;
            let earlier = out[start..].last().and_then(|x| x.source);
            let _ = inverted::frames(cx, vg, out)
                || verb::as_said(cx, vg, out)
                || verb::frames(cx, vg, earlier, lists, out);
        }
        if hearsay::passive(cx, vg, out) || hearsay::evidential(cx, vg, out) {
            cue = true;
        }
    }
    for k in syn.lo..syn.hi {
        if in_blocked(k) {
            continue;
        }
        if d.is(k, "according") {
            cue |= according::frame(cx, k, out);
        } else if d.has(k, crate::lexical::class::HEARSAY) {
            cue |= hearsay::adverb(cx, k, out);
        } else if d.toks[k]
            .word
            .entry()
            .is_some_and(|e| e.nominal().is_some())
        {
            if d.tag(k).is_noun() {
                cue |= nominal::frame(cx, k, out);
            } else if d.tag(k).is_adj() {
                cue |= adjective::frame(cx, k, out);
            }
        }
    }
    cue
}
