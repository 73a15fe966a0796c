//! Part-of-speech tags (Penn Treebank), one byte each.

use super::names::TAG_NAMES;

/// A Penn Treebank tag, or [`Tag::NONE`] for a token nobody tagged (boilerplate lines).
///
/// ```
/// use claimex::lexical::Tag;
/// let t = Tag::parse("VBD").unwrap();
/// assert!(t.is_verb() && t.is_finite_verb());
/// assert_eq!(t.as_str(), "VBD");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u8);

macro_rules! tags {
    ($($name:ident = $i:expr;)*) => {
        impl Tag {
            $(#[doc = concat!("`", stringify!($name), "`")] pub const $name: Tag = Tag($i);)*
        }
    };
}

tags! {
    NONE = 0; CC = 1; CD = 2; DT = 3; EX = 4; FW = 5; IN = 6; JJ = 7; JJR = 8; JJS = 9;
    LS = 10; MD = 11; NN = 12; NNS = 13; NNP = 14; NNPS = 15; PDT = 16; POS = 17; PRP = 18;
    PRPS = 19; RB = 20; RBR = 21; RBS = 22; RP = 23; SYM = 24; TO = 25; UH = 26; VB = 27;
    VBD = 28; VBG = 29; VBN = 30; VBP = 31; VBZ = 32; WDT = 33; WP = 34; WPS = 35; WRB = 36;
    HASH = 37; DOLLAR = 38; OPEN_QUOTE = 39; CLOSE_QUOTE = 40; LPAREN = 41; RPAREN = 42;
    COMMA = 43; STOP = 44; COLON = 45;
}

/// Number of tags.
pub const N_TAGS: usize = TAG_NAMES.len();

impl Tag {
    /// The tag named `s` (`"NNP"`, `"PRP$"`, `","`).
    pub fn parse(s: &str) -> Option<Tag> {
        TAG_NAMES.iter().position(|t| *t == s).map(|i| Tag(i as u8))
    }

    /// The tag's name.
    pub fn as_str(self) -> &'static str {
        TAG_NAMES.get(self.0 as usize).copied().unwrap_or("NONE")
    }

    /// This tag, or `other` when this is [`Tag::NONE`].
    #[inline]
    pub fn or(self, other: Tag) -> Tag {
        if self == Tag::NONE {
            other
        } else {
            self
        }
    }

    /// Any verb form (`VB*`).
    #[inline]
    pub fn is_verb(self) -> bool {
        (Tag::VB.0..=Tag::VBZ.0).contains(&self.0)
    }

    /// A finite verb: past or present tense.
    #[inline]
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ)
    }

    /// Any noun (`NN*`).
    #[inline]
    pub fn is_noun(self) -> bool {
        (Tag::NN.0..=Tag::NNPS.0).contains(&self.0)
    }

    /// A proper noun (`NNP`, `NNPS`).
    #[inline]
    pub fn is_proper(self) -> bool {
        self == Tag::NNP || self == Tag::NNPS
    }

    /// An adjective (`JJ*`).
    #[inline]
    pub fn is_adj(self) -> bool {
        (Tag::JJ.0..=Tag::JJS.0).contains(&self.0)
    }

    /// An adverb (`RB*`).
    #[inline]
    pub fn is_adverb(self) -> bool {
        (Tag::RB.0..=Tag::RBS.0).contains(&self.0)
    }

    /// Punctuation tags.
    #[inline]
    pub fn is_punct(self) -> bool {
        self.0 >= Tag::HASH.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_names() {
        assert_eq!(Tag::PRPS.as_str(), "PRP$");
        assert_eq!(Tag::WPS.as_str(), "WP$");
        assert_eq!(Tag::COLON.as_str(), ":");
        assert_eq!(Tag::OPEN_QUOTE.as_str(), "``");
        assert_eq!(Tag::parse("VBZ"), Some(Tag::VBZ));
        assert_eq!(N_TAGS, 46);
    }
}
