//! The per-document view of the tokens that the name rules ([`super::patterns`]) and the
//! document pass ([`super::document`]) share: sentence starts, headline lines, which tokens may
//! be or start a name, and the word ids the rules compare with.

use super::words::{NameWords, Role};
use crate::lexical::{class, lookup_id, Class, Lex, Shape, Tag, WordId};
use crate::segmentation::{Token, TokenKind};

/// Classes of words that never start a name.
pub(super) const NOT_START: Class = class::DET
    .or(class::POSS_DET)
    .or(class::DEMONSTRATIVE)
    .or(class::QUANT)
    .or(class::NUMBER_WORD)
    .or(class::SUBORDINATOR)
    .or(class::CONJ)
    .or(class::WH)
    .or(class::PREP)
    .or(class::ADVERB)
    .or(class::TIME_ADVERB)
    .or(class::MONTH)
    .or(class::WEEKDAY)
    .or(class::STOP);

/// Word ids the rules compare with, looked up once.
pub(super) struct Ids {
    pub of: WordId,
    pub for_: WordId,
    pub and: WordId,
    pub the: WordId,
    pub on: WordId,
    pub according: WordId,
    pub to: WordId,
    pub a: WordId,
    pub an: WordId,
    pub who: WordId,
    pub think: WordId,
    pub against: WordId,
    pub vs: WordId,
}

impl Ids {
    pub(super) fn new() -> Ids {
        Ids {
            of: lookup_id("of"),
            for_: lookup_id("for"),
            and: lookup_id("and"),
            the: lookup_id("the"),
            on: lookup_id("on"),
            according: lookup_id("according"),
            to: lookup_id("to"),
            a: lookup_id("a"),
            an: lookup_id("an"),
            who: lookup_id("who"),
            think: lookup_id("think"),
            against: lookup_id("against"),
            vs: lookup_id("vs"),
        }
    }
}

/// Per-document view of the tokens the rules share.
pub(super) struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Token starts a sentence (or a line, or follows a colon).
    pub initial: Vec<bool>,
    /// Token is in a line written in title case (a headline).
    pub headline: Vec<bool>,
    /// Token may be part of a name here ([`Cx::name_tok`]), worked out once: every rule asks.
    name: Vec<bool>,
    /// Indices of the capitalised tokens, in order: the rules that only start at a capital
    /// walk these instead of every token.
    pub caps: Vec<u32>,
    /// Indices of the tokens that may be part of a name ([`Cx::name_tok`]), in order.
    pub names: Vec<u32>,
}

impl<'a> Cx<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Cx<'a> {
        let b = text.as_bytes();
        let n = toks.len();
        let mut initial = vec![false; n];
        let mut headline = vec![false; n];
        let mut name = vec![false; n];
        let mut caps_at: Vec<u32> = Vec::with_capacity(n / 4);
        let mut names: Vec<u32> = Vec::with_capacity(n / 4);
        // The line being read: its first token, its first entry in `caps_at`, and its long
        // capitalised and lower-case words (a headline has three or more of the first and
        // none of the second).
        let (mut line_start, mut line_caps) = (0, 0);
        let (mut caps, mut lowers) = (0usize, 0usize);
        let mut run = 0;
        // Ends a line of tokens [line_start, k): its headline flags, then its name words
        // (which depend on them).
        let mut close_line = |line_start: usize, k: usize, line_caps: &[u32], is_headline: bool| {
            if is_headline {
                headline[line_start..k].fill(true);
            }
            for &c in line_caps {
                if may_be_name(text, &toks[c as usize], is_headline) {
                    name[c as usize] = true;
                    names.push(c);
                }
            }
        };
        for (k, t) in toks.iter().enumerate() {
            let new_line = k == 0 || {
                // Most tokens are glued to the one before or one space after it.
                let gap = b
                    .get(toks[k - 1].end as usize..t.start as usize)
                    .unwrap_or_default();
                match gap {
                    [] => false,
                    [c] => *c == b'\n',
                    _ => gap.contains(&b'\n'),
                }
            };
            if new_line {
                close_line(
                    line_start,
                    k,
                    &caps_at[line_caps..],
                    caps >= 3 && lowers == 0,
                );
                (caps, lowers) = (0, 0);
                (line_start, line_caps) = (k, caps_at.len());
                initial[k] = true;
                run = k;
            } else {
                // `run`: where the openings just before `k` start (a recurrence, so a line of
                // 80,000 brackets stays linear).
                if !is_opening(text, &toks[k - 1]) {
                    run = k;
                }
                initial[k] = run == line_start || ends_sentence(text, &toks[run - 1]);
            }
            if t.shape.has(Shape::CAP) {
                caps_at.push(k as u32);
            }
            // Counted without branches: whether a token is a long capitalised word is what
            // a branch predictor cannot guess.
            let long = (t.kind == TokenKind::Word) & (t.end - t.start >= 4) & (k > line_start);
            let cap = t.shape.has(Shape::CAP);
            caps += usize::from(long & cap);
            lowers += usize::from(long & !cap & t.shape.has(Shape::LOWER) & !t.lex.has(Lex::STOP));
        }
        close_line(
            line_start,
            n,
            &caps_at[line_caps..],
            caps >= 3 && lowers == 0,
        );
        Cx {
            text,
            toks,
            initial,
            headline,
            name,
            caps: caps_at,
            names,
        }
    }

    #[inline]
    pub fn word(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    }

    #[inline]
    pub fn is_punct(&self, k: usize, c: u8) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && t.end - t.start == 1
                && self.text.as_bytes()[t.start as usize] == c
        })
    }

    /// Whether token `b` follows token `a` on the same line, after one space at most.
    pub fn adjacent(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.toks[a], &self.toks[b]);
        let gap = &self.text[a.end as usize..b.start as usize];
        gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// Whether token `k` is glued to the previous one (no space).
    #[inline]
    pub fn glued(&self, k: usize) -> bool {
        k > 0 && self.toks[k].start == self.toks[k - 1].end
    }

    /// A capitalised word that may be part of a name here.
    #[inline]
    pub fn name_tok(&self, k: usize) -> bool {
        self.name.get(k).copied().unwrap_or(false)
    }

    /// A capitalised word that may start a name here.
    pub fn starts_name(&self, k: usize, words: &NameWords, ids: &Ids) -> bool {
        if !self.name_tok(k) {
            return false;
        }
        let t = &self.toks[k];
        if words.has(t, Role::NotName) {
            return false;
        }
        if t.class().any(NOT_START) && !t.shape.has(Shape::UPPER) {
            return false;
        }
        if self.initial[k] && !proper_word(t) {
            // "Church of Scientology officials said": a known word, but a name's first word.
            let lead = words.get(t, Role::Lead).is_some()
                && self.toks.get(k + 1).is_some_and(|n| n.word == ids.of)
                && self.name_tok(k + 2);
            return lead;
        }
        true
    }
}

/// A capitalised word that may be part of a name, `headline` saying whether its line is in
/// title case.
fn may_be_name(text: &str, t: &Token, headline: bool) -> bool {
    if t.kind != TokenKind::Word || !t.shape.has(Shape::CAP) {
        return false;
    }
    // "I've", "I’m": the pronoun with a contraction glued to it.
    if let [b'I', b'\'', ..] | [b'I', 0xE2, 0x80, 0x99, ..] = token_bytes(text, t) {
        return false;
    }
    let c = t.class();
    if c.any(class::MONTH.or(class::WEEKDAY)) {
        return false;
    }
    // "I", but not "US" or "IT".
    if c.has(class::PRON) && !t.shape.has(Shape::UPPER) {
        return false;
    }
    !headline || proper_word(t)
}

/// A word that reads as a name: unknown to the lexicon, a first name, or one the tagger (or the
/// lexicon's capitalised form) takes for a proper noun.
pub(super) fn proper_word(t: &Token) -> bool {
    if t.tag.is_proper() || t.is(class::FIRST_NAME) {
        return true;
    }
    match t.word.entry() {
        None => true,
        Some(e) => e.tag_lower() == Tag::NONE || (t.tag == Tag::NONE && e.tag_cap().is_proper()),
    }
}

/// A word a person's name may be made of: not a common English word.
pub(super) fn name_like(t: &Token) -> bool {
    if t.is(class::FIRST_NAME) {
        return true;
    }
    // A verb form in capitals mid-name ("Dries Mertens") is no common word there.
    if t.tag.is_proper() && t.word.entry().is_some_and(|e| e.wn_pos() & 5 == 0) {
        return true;
    }
    match t.word.entry() {
        None => true,
        Some(e) => e.tag_lower() == Tag::NONE || e.tag_cap().is_proper() && e.wn_pos() == 0,
    }
}

/// A word of English: the lexicon knows it in lower case ("Police", "New", "North"), as
/// opposed to a name ("Kachin", "Rathbun").
pub(super) fn english_word(t: &Token) -> bool {
    t.word.entry().is_some_and(|e| e.tag_lower() != Tag::NONE)
}

/// A word with a capital after lower-case letters inside it ("PlayStation", "YouTube",
/// "MicroMega"): a brand's shape, not a person's ("McDonald", "MacArthur", "DeSantis",
/// "LeBron" keep a name's prefix before their second capital).
pub(super) fn camel(word: &str) -> bool {
    const PREFIXES: [&str; 10] = [
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
    ];
    let b = word.as_bytes();
    let Some(i) =
        (1..b.len()).find(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
    else {
        return false;
    };
    !PREFIXES.contains(&&word[..i])
}

/// An adherent's or follower's noun in capitals ("Scientologist", "Buddhist", "Marxist"):
/// a word before a person's name, not part of it.
pub(super) fn adherent(word: &str) -> bool {
    word.len() >= 7 && (word.ends_with("ist") || word.ends_with("ists"))
}

/// The bytes of token `t` (no character-boundary checks: token spans are whole characters).
#[inline]
fn token_bytes<'t>(text: &'t str, t: &Token) -> &'t [u8] {
    text.as_bytes()
        .get(t.start as usize..t.end as usize)
        .unwrap_or_default()
}

#[inline]
pub(super) fn is_opening(text: &str, t: &Token) -> bool {
    // Byte patterns: `"`, `“`, `'`, `‘`, `(`, `[`, `«`, `-`, `—`, `–`.
    t.kind == TokenKind::Punct
        && matches!(
            token_bytes(text, t),
            [b'"' | b'\'' | b'(' | b'[' | b'-']
                | [0xE2, 0x80, 0x9C | 0x98 | 0x94 | 0x93]
                | [0xC2, 0xAB]
        )
}

#[inline]
pub(super) fn ends_sentence(text: &str, t: &Token) -> bool {
    let s = token_bytes(text, t);
    // Every ending below ends in one of these bytes: most tokens are rejected here.
    if !matches!(
        s.last(),
        Some(b'.' | b'?' | b'!' | b':' | b';' | b'"' | 0xA6 | 0x9D)
    ) {
        return false;
    }
    if t.kind == TokenKind::Punct {
        // `.`, `?`, `!`, `:`, `;`, `...`, `…`, `”`, `"`.
        return matches!(
            s,
            [b'.' | b'?' | b'!' | b':' | b';' | b'"']
                | [b'.', b'.', b'.']
                | [0xE2, 0x80, 0xA6 | 0x9D]
        );
    }
    // "... in Washington D.C. The team": an abbreviation closing a sentence.
    s.last() == Some(&b'.') && !t.shape.has(Shape::INITIAL) && !t.is(class::ABBREV_TITLE)
}

#[cfg(test)]
mod tests {
    use super::{adherent, camel};

    #[test]
    fn brand_shapes_are_not_name_prefixes() {
        for w in ["PlayStation", "YouTube", "MicroMega", "WikiLeaks"] {
            assert!(camel(w), "{w}");
        }
        for w in [
            "McDonald",
            "MacArthur",
            "DeSantis",
            "LeBron",
            "Paris",
            "NASA",
            "O'Neil",
        ] {
            assert!(!camel(w), "{w}");
        }
    }

    #[test]
    fn adherents_end_in_ist() {
        assert!(adherent("Scientologist") && adherent("Buddhists"));
        assert!(!adherent("Christ") && !adherent("Tom"));
    }
}
