//! What every layer of the stage reads: the document's tokens (from the shared token layer),
//! sentences, entities and quotations, with per-token indexes built once (which quotation a
//! token opens, closes or lies in; which entity covers it).

use crate::gazetteer::Entity;
use crate::lexical::{class, Class, Shape, Tag, Token, TokenKind};
use crate::span::Span;

use super::quotes::{find_quotes, Quote};
use super::Sentence;

const NONE: u32 = u32::MAX;

/// The document as the attribution layers see it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub sents: &'a [Sentence],
    pub ents: &'a [Entity],
    pub quotes: Vec<Quote>,
    /// Per token: the quotation whose opening mark it is.
    q_open: Vec<u32>,
    /// Per token: the quotation whose closing mark it is.
    q_close: Vec<u32>,
    /// Per token: the quotation whose inner text holds it.
    q_in: Vec<u32>,
    /// Per token: the entity covering it.
    ent: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        sents: &'a [Sentence],
        ents: &'a [Entity],
        paragraphs: &[Span],
    ) -> Doc<'a> {
        let quotes = find_quotes(text, paragraphs);
        let n = toks.len();
        let (mut q_open, mut q_close, mut q_in) = (vec![NONE; n], vec![NONE; n], vec![NONE; n]);
        // Quotes and tokens are both in text order: one merge-like sweep.
        let mut k = 0;
        for (qi, q) in quotes.iter().enumerate() {
            while k < n && (toks[k].start as usize) < q.open.start {
                k += 1;
            }
            if k < n && toks[k].start as usize == q.open.start {
                q_open[k] = qi as u32;
            }
            let mut j = k;
            while j < n && (toks[j].start as usize) < q.inner.end {
                if toks[j].start as usize >= q.inner.start {
                    q_in[j] = qi as u32;
                }
                j += 1;
            }
            if let Some(c) = q.close {
                while j < n && (toks[j].start as usize) < c.start {
                    j += 1;
                }
                if j < n && toks[j].start as usize == c.start {
                    q_close[j] = qi as u32;
                }
            }
        }
        let mut ent = vec![NONE; n];
        let mut k = 0;
        for (ei, e) in ents.iter().enumerate() {
            while k < n && (toks[k].start as usize) < e.span.start {
                k += 1;
            }
            let mut j = k;
            while j < n && (toks[j].end as usize) <= e.span.end {
                ent[j] = ei as u32;
                j += 1;
            }
        }
        Doc {
            text,
            toks,
            sents,
            ents,
            quotes,
            q_open,
            q_close,
            q_in,
            ent,
        }
    }

    /// The text of token `k` ("" past the end).
    #[inline]
    pub fn w(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// The lower-cased lexicon form of token `k` ("" when not in the lexicon).
    #[inline]
    pub fn key(&self, k: usize) -> &'static str {
        self.toks.get(k).map_or("", |t| t.key())
    }

    /// Whether token `k`'s lower-cased form is `s`.
    #[inline]
    pub fn is(&self, k: usize, s: &str) -> bool {
        self.key(k) == s
    }

    /// Whether token `k`'s lower-cased form is one of `set`.
    #[inline]
    pub fn is_any(&self, k: usize, set: &[&str]) -> bool {
        let key = self.key(k);
        !key.is_empty() && set.contains(&key)
    }

    /// Token `k`'s word classes.
    #[inline]
    pub fn class(&self, k: usize) -> Class {
        self.toks.get(k).map_or(Class::EMPTY, |t| t.class())
    }

    /// Whether token `k` has class `c`.
    #[inline]
    pub fn has(&self, k: usize, c: Class) -> bool {
        self.class(k).any(c)
    }

    /// Token `k`'s tag.
    #[inline]
    pub fn tag(&self, k: usize) -> Tag {
        self.toks.get(k).map_or(Tag::NONE, |t| t.tag)
    }

    /// A capitalised word.
    #[inline]
    pub fn cap(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && t.shape.has(Shape::CAP))
    }

    /// A lower-case word.
    #[inline]
    pub fn lower(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.shape.has(Shape::LOWER))
    }

    /// A punctuation token.
    #[inline]
    pub fn punct(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `k` is the punctuation `p`.
    #[inline]
    pub fn p(&self, k: usize, p: &str) -> bool {
        self.punct(k) && self.w(k) == p
    }

    /// A comma.
    #[inline]
    pub fn comma(&self, k: usize) -> bool {
        self.p(k, ",")
    }

    /// A dash that sets off an inserted phrase ("Jones — a lawyer in Ohio — said"): an em or
    /// en dash, or a double hyphen.
    #[inline]
    pub fn dash(&self, k: usize) -> bool {
        self.punct(k) && matches!(self.w(k), "—" | "–" | "--")
    }

    /// A subject pronoun (I, we, you, he, she, it, they).
    #[inline]
    pub fn subj_pron(&self, k: usize) -> bool {
        self.has(k, class::SUBJ_PRON)
    }

    /// The quotation token `k` opens.
    #[inline]
    pub fn opens(&self, k: usize) -> Option<usize> {
        self.q_open
            .get(k)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    /// The quotation token `k` closes.
    #[inline]
    pub fn closes(&self, k: usize) -> Option<usize> {
        self.q_close
            .get(k)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    /// The quotation whose inner text holds token `k`.
    #[inline]
    pub fn inside(&self, k: usize) -> Option<usize> {
        self.q_in
            .get(k)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    /// Any quotation mark that opens or closes a quotation.
    #[inline]
    pub fn quote_mark(&self, k: usize) -> bool {
        self.opens(k).is_some() || self.closes(k).is_some()
    }

    /// The entity covering token `k`.
    #[inline]
    pub fn entity(&self, k: usize) -> Option<usize> {
        self.ent.get(k).filter(|&&e| e != NONE).map(|&e| e as usize)
    }

    /// Byte span of tokens `a..=b`.
    #[inline]
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start as usize, self.toks[b].end as usize)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < pos)
    }

    /// The sentence holding byte `pos`.
    pub fn sent_at(&self, pos: usize) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.span.end <= pos);
        (i < self.sents.len() && self.sents[i].span.start <= pos).then_some(i)
    }

    /// The first quotation of the chain `q` belongs to (multi-paragraph quotations).
    pub fn chain_head(&self, mut q: usize) -> usize {
        let mut n = 0;
        while let Some(p) = self.quotes[q].prev {
            q = p;
            n += 1;
            if n > 64 {
                break;
            }
        }
        q
    }

    /// The inner spans of a quotation chain starting at `q`, trimmed of a final comma, or of a
    /// final period (but not `?`/`!`) inside the marks.
    pub fn quote_fragments(&self, q: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut cur = Some(q);
        while let Some(i) = cur {
            let inner = self.quotes[i].inner.trim_matches(self.text, &[',', ';']);
            let inner = if self.quotes[i].close.is_some() {
                strip_final_period(self.text, inner)
            } else {
                inner
            };
            if !inner.is_empty() {
                out.push(inner);
            }
            cur = self.quotes[i].next;
            if out.len() > 64 {
                break;
            }
        }
        out
    }

    /// Token index of quotation `q`'s closing mark, if it closes.
    pub fn close_tok(&self, q: usize) -> Option<usize> {
        self.quotes[q].close.map(|c| self.tok_at(c.start))
    }

    /// Whether quotation `q` reads as a whole sentence: starts with a capital, ends with a stop.
    pub fn whole_sentence(&self, q: usize, min_words: usize) -> bool {
        let inner = self.quotes[q].inner.slice(self.text).trim_end();
        inner.starts_with(char::is_uppercase)
            && inner.ends_with(['.', '!', '?', ','])
            && inner
                .split_whitespace()
                .nth(min_words.saturating_sub(1))
                .is_some()
    }
}

/// Drops a period just before a closing quote ("We will go." → "We will go").
pub(crate) fn strip_final_period(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    if t.ends_with('.') && !t.ends_with("..") {
        Span::new(s.start, s.end - 1).trim(text)
    } else {
        s
    }
}
