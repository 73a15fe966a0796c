//! The first layer of [`super::Patterns`]: capitalised runs (with the connectors a name may
//! hold inside) and the titles before a name.

use super::{Patterns, Run};
use crate::gazetteer::view::{ends_sentence, Cx, NOT_START};
use crate::gazetteer::words::Role;
use crate::lexical::{Lex, Shape};
use crate::segmentation::TokenKind;

/// Tokens a name found by its shape may have: longer than "Italian Supreme Court of Cassation"
/// or "Kachin Independence Army (KIA)" with room to spare.
pub(in crate::gazetteer) const MAX_RUN: usize = 16;

impl Patterns {
    /// Runs of capitalised words and connectors that may be names, at most [`MAX_RUN`]
    /// tokens each (a page of 700 capitalised words is no one name, and every later pass
    /// stays linear).
    pub(super) fn runs(&self, cx: &Cx) -> Vec<Run> {
        let toks = cx.toks;
        let mut out = Vec::with_capacity(cx.names.len() / 2);
        // A run starts at a capital (a name word or a title): walk the capitalised tokens.
        let mut caps = cx.caps.iter().map(|&k| k as usize).peekable();
        let mut i = 0;
        loop {
            while caps.next_if(|&k| k < i).is_some() {}
            let Some(k) = caps.next() else {
                break;
            };
            i = k;
            if !cx.starts_name(i, &self.words, &self.ids) && self.title_at(cx, i).is_none() {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut j = i + 1;
            while j < toks.len() && j - first < MAX_RUN && cx.adjacent(j - 1, j) {
                let t = &toks[j];
                // A title starts a new name: "the U.S. Mr. Lee" is "U.S." then "Mr. Lee".
                if j > first
                    && self.title_at(cx, j).is_some()
                    && self.title_at(cx, first).is_none_or(|n| first + n <= j)
                {
                    break;
                }
                // "Image: ..." in a caption ends the name before it.
                if self.words.has(t, Role::NotName) && cx.is_punct(j + 1, b':') {
                    break;
                }
                // "Make-A-Wish": a stop word inside a hyphenated name.
                let hyphened = cx.glued(j) && cx.is_punct(j - 1, b'-');
                if cx.name_tok(j)
                    && (hyphened || !t.lex.has(Lex::STOP) || t.shape.has(Shape::UPPER))
                {
                    if ends_sentence(cx.text, &toks[j - 1]) && t.class().any(NOT_START) {
                        break;
                    }
                    last = j;
                    j += 1;
                    continue;
                }
                match self.connector(cx, j) {
                    Some((n, true)) => {
                        last = j + n - 1;
                        j += n;
                    }
                    Some((n, false)) => j += n,
                    None => break,
                }
            }
            out.push(Run { first, last });
            i = last + 1;
        }
        out
    }

    /// Tokens of a connector inside a name starting at `j`, when a name word follows it:
    /// "of (the)", "for", "&", "de la", "bin", a glued hyphen ("Kwok-wai", "Coca-Cola"); and
    /// whether those tokens end the name (a lower-case syllable after a hyphen).
    fn connector(&self, cx: &Cx, j: usize) -> Option<(usize, bool)> {
        let t = cx.toks.get(j)?;
        let next_ok = |k: usize| cx.name_tok(k) && cx.adjacent(k - 1, k);
        if cx.is_punct(j, b'-') && cx.glued(j) && j + 1 < cx.toks.len() && cx.glued(j + 1) {
            let n = &cx.toks[j + 1];
            if n.kind != TokenKind::Word {
                return None;
            }
            if n.shape.has(Shape::CAP) {
                return Some((1, false));
            }
            // "Wong Kwok-wai", "Hau Lung-bin": a short lower-case syllable, not a word like
            // "-controlled", "-based", "-era".
            let syllable = n.end - n.start <= 5
                && !n.shape.has(Shape::DIGIT)
                && n.word.entry().is_none_or(|e| {
                    let tag = e.tag_lower();
                    !(tag.is_verb() || tag.is_adj() || e.wn_pos() & 4 != 0 || tag.is_noun())
                });
            let prev = &cx.toks[j - 1];
            // "Hau Lung-bin": after a short surname, a short noun is a syllable too.
            let (n_len, prev_len) = (n.end - n.start, cx.toks[j - 1].end - cx.toks[j - 1].start);
            let three_part = n_len <= 4
                && (n_len <= 3 || prev_len <= 5)
                && !self.words.has(n, Role::HyphenSuffix)
                && j >= 2
                && cx.toks[j - 2].shape.has(Shape::CAP)
                && cx.adjacent(j - 2, j - 1)
                && cx.toks[j - 2].end - cx.toks[j - 2].start <= 5;
            if (syllable || three_part) && prev.shape.has(Shape::CAP) && prev.end - prev.start <= 6
            {
                return Some((2, true));
            }
            return None;
        }
        if t.kind != TokenKind::Word || t.shape.has(Shape::CAP) {
            return None;
        }
        let ids = &self.ids;
        if t.word == ids.of || t.word == ids.for_ || t.word == ids.on {
            if cx.toks.get(j + 1).is_some_and(|n| n.word == ids.the) && next_ok(j + 2) {
                return Some((2, false));
            }
            return next_ok(j + 1).then_some((1, false));
        }
        if t.word == ids.and && next_ok(j + 1) {
            return Some((1, false));
        }
        if self.words.has(t, Role::Particle) {
            if cx
                .toks
                .get(j + 1)
                .is_some_and(|n| self.words.has(n, Role::Particle))
                && next_ok(j + 2)
            {
                return Some((2, false));
            }
            return next_ok(j + 1).then_some((1, false));
        }
        None
    }

    /// Number of tokens of a title starting at token `k` ("Maj.", "Lt. Gen.", "Prime Minister").
    pub(in crate::gazetteer) fn title_at(&self, cx: &Cx, k: usize) -> Option<usize> {
        let t = cx.toks.get(k)?;
        if !t.shape.has(Shape::CAP) {
            return None;
        }
        self.titles
            .get(&t.word)?
            .iter()
            .find(|title| {
                title.iter().enumerate().all(|(n, w)| {
                    cx.toks
                        .get(k + n)
                        .is_some_and(|t| t.word == *w && (n == 0 || cx.adjacent(k + n - 1, k + n)))
                })
            })
            .map(Vec::len)
    }
}
