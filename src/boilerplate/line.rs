//! Per-line measurements read off the token layer: word count, sentence end, case shares,
//! stop words, digits, punctuation, links. One pass over each line's tokens; the text itself
//! is only looked at for the last few bytes (does the line end like a sentence?).

use crate::lexical::{Lex, Shape, Token, TokenKind};
use crate::span::Span;

/// What the boilerplate stage knows about one non-empty line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    /// The trimmed line.
    pub span: Span,
    /// Its tokens: `tokens[tok.0..tok.1]`.
    pub tok: (usize, usize),
    /// Whitespace-separated words (CJK text: characters / 2).
    pub words: usize,
    /// Ends like a sentence (also "... she said. REUTERS").
    pub term: bool,
    /// Share of cased words that start lower-case (1.0 when none is cased).
    pub lowr: f32,
    /// Share of alphabetic words that start upper-case.
    pub caps: f32,
    /// Word tokens.
    pub alpha: u32,
    /// Words in upper case ("SEE MORE").
    pub upper: u32,
    /// English stop words.
    pub stop: u32,
    /// Short lower-case words (three letters or fewer, in any language): function words.
    pub short_lower: u32,
    /// Tokens holding a digit.
    pub digits: u32,
    /// Punctuation tokens.
    pub punct: u32,
    /// Commas.
    pub commas: u32,
    /// URLs and e-mail addresses.
    pub urls: u32,
    /// Time words and months ("Monday", "March", "hours").
    pub time: u32,
}

impl Line {
    /// Measures the line `span` of `text` whose tokens are `toks` (starting at index `first`
    /// of the document's tokens).
    pub(crate) fn new(text: &str, span: Span, toks: &[Token], first: usize) -> Line {
        let (mut words, mut cased, mut lower, mut alpha, mut upper_first, mut cjk) =
            (0usize, 0usize, 0usize, 0u32, 0usize, 0usize);
        let mut l = Line {
            span,
            tok: (first, first + toks.len()),
            ..Line::default()
        };
        for (i, t) in toks.iter().enumerate() {
            // A token that no space precedes continues the previous word.
            let word_start = i == 0 || !t.shape.has(Shape::GLUED);
            let sh = t.shape;
            match t.kind {
                TokenKind::Word => {
                    l.alpha += 1;
                    if word_start {
                        alpha += 1;
                        if sh.has(Shape::CAP) {
                            upper_first += 1;
                            cased += 1;
                        } else if sh.has(Shape::LOWER) {
                            lower += 1;
                            cased += 1;
                        }
                    }
                    if sh.has(Shape::UPPER) {
                        l.upper += 1;
                    }
                    l.stop += u32::from(t.lex.has(Lex::STOP));
                    l.time += u32::from(t.lex.has(Lex::TIME));
                    if sh.has(Shape::LOWER) && t.end - t.start <= 3 * char_bytes(sh) {
                        l.short_lower += 1;
                    }
                    if sh.has(Shape::NON_ASCII) {
                        cjk += count_cjk(t.span().slice(text));
                    }
                }
                TokenKind::Number => l.digits += 1,
                TokenKind::Punct => {
                    l.punct += 1;
                    if text.as_bytes()[t.start as usize] == b',' {
                        l.commas += 1;
                    }
                }
                TokenKind::Url => l.urls += 1,
            }
            if sh.has(Shape::DIGIT) && t.kind != TokenKind::Number {
                l.digits += 1;
            }
            if word_start {
                words += 1;
            }
        }
        l.words = words.max(cjk / 2);
        l.term = ends_sentence(span.slice(text));
        l.lowr = if cased == 0 {
            1.0
        } else {
            lower as f32 / cased as f32
        };
        l.caps = if alpha == 0 {
            0.0
        } else {
            upper_first as f32 / alpha as f32
        };
        l
    }

    /// A sentence of some length, or a long line.
    pub(crate) fn is_prose(&self) -> bool {
        self.words >= PROSE_W && self.term || self.words >= LONG_W
    }

    /// Text that is not a sentence: lower-case words or commas.
    pub(crate) fn is_text(&self) -> bool {
        self.words >= TEXT_W && (self.lowr >= TEXT_LOW || self.commas > 0)
    }
}

/// Prose: a sentence of at least this many words ...
pub(crate) const PROSE_W: usize = 6;
/// ... or any line this long.
pub(crate) const LONG_W: usize = 25;
const TEXT_W: usize = 3;
const TEXT_LOW: f32 = 0.5;

/// Bytes per character to allow for a word's length: 1 for ASCII, 2 for other scripts
/// (Cyrillic, Greek, accented Latin), so "три" counts as short like "the".
fn char_bytes(sh: Shape) -> u32 {
    if sh.has(Shape::NON_ASCII) {
        2
    } else {
        1
    }
}

fn count_cjk(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{3040}'..='\u{30ff}').contains(c) || ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

/// Ends like a sentence, after closing quotes and brackets; also "... said. REUTERS".
fn ends_sentence(s: &str) -> bool {
    let e = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', ' ', '*']);
    e.ends_with(['.', '!', '?', '…', '。', '！', '？']) || agency_tag(e).is_some()
}

/// "... the commander said. REUTERS": a sentence end, then one upper-case agency tag. Gives
/// the byte offset of the tag in `e`.
pub(crate) fn agency_tag(e: &str) -> Option<usize> {
    let sp = e.rfind(' ')?;
    let tag = &e[sp + 1..];
    let before = e[..sp].trim_end_matches(['"', '\'', '”', '’', ')']);
    ((2..=16).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_uppercase())
        && tag
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'/' | b'&' | b'-'))
        && before.ends_with(['.', '!', '?']))
    .then_some(sp + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::tokenize;

    fn line(s: &str) -> Line {
        Line::new(s, Span::new(0, s.len()), &tokenize(s), 0)
    }

    #[test]
    fn counts_words_as_whitespace_does() {
        let l = line("\"Why now?\" he asked, (AP) at 10:30.");
        assert_eq!(l.words, 7);
        assert!(l.term);
        assert_eq!(l.commas, 1);
        assert!(l.digits >= 1);
        assert!(l.stop >= 1);
    }

    #[test]
    fn case_shares_and_upper_words() {
        let l = line("SEE MORE Stories");
        assert_eq!(l.upper, 2);
        assert_eq!(l.caps, 1.0);
        assert_eq!(l.lowr, 0.0);
        assert!(!l.term);
    }

    #[test]
    fn agency_tag_ends_a_sentence() {
        assert_eq!(agency_tag("the commander said. REUTERS"), Some(20));
        assert!(agency_tag("the commander said REUTERS").is_none());
        assert!(line("the commander said. REUTERS").term);
    }

    #[test]
    fn cjk_characters_count_as_half_words() {
        let l = line("東京都は月曜日に新しい計画を発表した。");
        assert!(l.words >= 8, "{}", l.words);
    }
}
