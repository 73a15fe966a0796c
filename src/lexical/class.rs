//! Word classes: a 64-bit set per lexicon entry, one bit per class of
//! [`CLASS_NAMES`](super::names::CLASS_NAMES).

use super::names::CLASS_NAMES;

/// A set of word classes.
///
/// ```
/// use claimex::lexical::{class, lookup};
/// let he = lookup("He").unwrap();
/// assert!(he.class().has(class::PRON));
/// assert!(!he.class().has(class::DET));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Class(pub u64);

impl Class {
    /// The empty set.
    pub const EMPTY: Class = Class(0);

    /// The class with bit `i`.
    pub const fn bit(i: u32) -> Class {
        Class(1 << i)
    }

    /// Whether every class of `other` is in this set.
    #[inline]
    pub const fn has(self, other: Class) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// Whether any class of `other` is in this set.
    #[inline]
    pub const fn any(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    /// The union of two sets.
    #[inline]
    pub const fn or(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }

    /// The names of the classes in the set.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        (0..CLASS_NAMES.len())
            .filter(move |&i| self.0 & (1 << i) != 0)
            .map(|i| CLASS_NAMES[i])
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;
    #[inline]
    fn bitor(self, rhs: Class) -> Class {
        Class(self.0 | rhs.0)
    }
}

macro_rules! classes {
    ($($name:ident = $i:expr, $doc:expr;)*) => {
        $(#[doc = $doc] pub const $name: Class = Class::bit($i);)*
        #[cfg(test)]
        const ALL: &[(Class, &str)] = &[$(($name, stringify!($name)),)*];
    };
}

classes! {
    DET = 0, "Determiners: a, the, this, his, some.";
    INDEF_DET = 1, "Indefinite determiners: a, an, another.";
    DEF_DET = 2, "Definite determiners: the, this, these.";
    POSS_DET = 3, "Possessive determiners: his, her, its, their.";
    DEMONSTRATIVE = 4, "this, that, these, those.";
    QUANT = 5, "Quantifiers: some, many, several, most, two.";
    NUMBER_WORD = 6, "Number words: one, twenty, million, dozens.";
    PRON = 7, "Personal pronouns (any case).";
    SUBJ_PRON = 8, "Subject pronouns: I, we, you, he, she, it, they.";
    REFL = 9, "Reflexive pronouns.";
    AUX = 10, "Auxiliaries and modals.";
    BE = 11, "Forms of be.";
    HAVE = 12, "Forms of have.";
    DO = 13, "Forms of do.";
    MODAL = 14, "Modals: will, would, can, may, must.";
    FINITE = 15, "Finite auxiliary forms.";
    PAST = 16, "Past auxiliary forms.";
    NEG = 17, "Negation: not, n't, never, no.";
    PREP = 18, "Prepositions.";
    CONJ = 19, "Coordinating conjunctions: and, or, but.";
    SUBORDINATOR = 20, "Subordinators: because, although, while, if, when.";
    COMPLEMENTIZER = 21, "Complementizers: that, whether, if.";
    REL_PRON = 22, "Relative pronouns: who, whom, whose, which, that.";
    WH = 23, "Wh-words: who, what, when, where, why, how.";
    CLAUSE_OPENER = 24, "Words after which a new clause starts: but, however, meanwhile.";
    ADVERB = 25, "Common adverbs that may stand between subject and verb: also, still, repeatedly.";
    TIME_ADVERB = 26, "Time adverbs: today, yesterday, later, earlier, recently.";
    TIME_WORD = 27, "Time nouns: Monday, March, week, year, morning.";
    TIME_MOD = 28, "Modifiers of time nouns: last, next, this, early, late.";
    WEEKDAY = 29, "Weekdays.";
    MONTH = 30, "Months and their abbreviations.";
    HEARSAY = 31, "Hearsay adverbs: reportedly, allegedly, supposedly.";
    COMPARATIVE = 32, "than.";
    TITLE = 33, "Titles before names: Mr, Dr, President, Gen (data/person_titles.txt).";
    ABBREV_TITLE = 34, "Abbreviations before a name: never end a sentence before a capital.";
    ABBREV_NUMBER = 35, "Abbreviations before a number: No., p., Fig.";
    ABBREV_MONTH = 36, "Month abbreviations: Jan., Feb.";
    ABBREV_COMMON = 37, "Abbreviations that may end a sentence: Inc., Co., etc.";
    STARTER = 38, "Sentence starters (data/sentence_starters.txt).";
    QUOTE_VERB = 39, "Verbs that introduce a quotation kept in one sentence (data/quote_verbs.txt).";
    ORG_HEAD = 40, "Head words that end organisation names: Agency, Army (data/org_heads.txt).";
    ROLE = 41, "Source nouns for people: official, spokesman, analyst (data/source_nouns.tsv).";
    ORG_NOUN = 42, "Source nouns for organisations: ministry, company (data/source_nouns.tsv).";
    DOC_NOUN = 43, "Source nouns for documents: report, data, statement (data/source_nouns.tsv).";
    CHANNEL = 44, "First words of channel phrases: statement, interview (data/channels.txt).";
    ORG_DESCRIPTOR = 45, "Descriptor nouns after an organisation: think-tank (data/org_descriptors.txt).";
    NO_COMMENT_START = 46, "First words of non-response phrases (data/no_comment.txt).";
    FIRST_NAME = 47, "Common first names (gazetteers/first_names.txt).";
    STOP = 48, "English stop words (data/lexicon/stopwords_en.txt).";
    PERSON_NOUN = 49, "Nouns whose first WordNet sense is a person: spokesman, farmer.";
    GROUP_NOUN = 50, "Nouns whose first WordNet sense is a group: ministry, party, army.";
    COMM_NOUN = 51, "Nouns whose first WordNet sense is a communication: statement, report.";
    EVIDENTIAL = 52, "Verbs of appearance that report an inference: seem, appear.";
    NAME_WORD = 53, "Words that tell what a name is: heads, leads, cues (gazetteers/shapes/name_words.tsv).";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_the_names_build_rs_compiles() {
        assert_eq!(ALL.len(), CLASS_NAMES.len());
        for (c, name) in ALL {
            let i = c.0.trailing_zeros() as usize;
            assert_eq!(CLASS_NAMES[i].to_ascii_uppercase(), *name);
        }
    }
}
