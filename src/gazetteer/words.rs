//! Words that tell what a capitalised name is by their place in it (`gazetteers/shapes/
//! name_words.tsv`): the last word ("Fair" → EVENT, "River" → LOC), the first word before "of"
//! ("Church of ..." → ORG), a noun beside the name ("the browser X" → PRODUCT), words that
//! never start a name ("Image:"), and particles inside personal names ("de", "bin").
//!
//! Every word of the file carries the lexicon class [`NAME_WORD`](crate::lexical::class::NAME_WORD),
//! so a token is looked up here only when that bit is set, by its [`WordId`]: no string is
//! compared or hashed at run time.

use super::Label;
use crate::lexical::{lookup_id, Lex, Token, WordId};
use crate::segmentation::data_lines;

const NAME_WORDS: &str = include_str!("../../gazetteers/shapes/name_words.tsv");
const GIVEN_NAMES: &str = include_str!("../../gazetteers/shapes/given_names.tsv");

/// The role a word plays in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Last word: "Google Science Fair", "Yellow River".
    Head,
    /// First word, before "of": "Church of Scientology".
    Lead,
    /// A noun beside the name that makes it a product: "the browser Firefox".
    ProductCue,
    /// A noun before the name that makes it a work: "the book Blown for Good".
    WorkCue,
    /// Never starts a name ("Image: Nick Moreau").
    NotName,
    /// Lower-case word inside a personal name ("de", "bin").
    Particle,
    /// A verb whose subject or object, when a country, is its team ("Sweden beat Mexico").
    TeamVerb,
    /// A first name that is also a word or a place ("Mark", "Dean"): a given name only before
    /// a surname.
    GivenName,
    /// A lower-case word that ends a compound after a hyphen ("Hong Kong-born", "Saudi-led"),
    /// never the second syllable of a given name ("Leung Kwok-hung").
    HyphenSuffix,
    /// The legal form that ends a company's name ("Corp", "Ltd"): the name is one company
    /// even with an "and" inside ("Nippon Telegraph and Telephone Corp").
    LegalSuffix,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "head" => Role::Head,
            "lead" => Role::Lead,
            "product_cue" => Role::ProductCue,
            "work_cue" => Role::WorkCue,
            "not_name" => Role::NotName,
            "particle" => Role::Particle,
            "team_verb" => Role::TeamVerb,
            "given_name" => Role::GivenName,
            "hyphen_suffix" => Role::HyphenSuffix,
            "legal_suffix" => Role::LegalSuffix,
            _ => return None,
        })
    }
}

/// The table: (word, role, label), sorted by word and role.
pub struct NameWords {
    rows: Vec<(WordId, Role, Option<Label>)>,
}

impl NameWords {
    /// The built-in table (a few hundred lexicon look-ups).
    pub fn new() -> NameWords {
        let mut rows = Vec::new();
        for l in data_lines(NAME_WORDS)
            .skip(1)
            .chain(data_lines(GIVEN_NAMES).skip(1))
        {
            let mut f = l.split('\t');
            let (Some(w), Some(r), label) = (f.next(), f.next().and_then(Role::parse), f.next())
            else {
                continue;
            };
            let id = lookup_id(w);
            if !id.is_none() {
                rows.push((id, r, label.and_then(Label::parse)));
            }
        }
        rows.sort_by_key(|r| (r.0, r.1));
        rows.dedup_by_key(|r| (r.0, r.1));
        NameWords { rows }
    }

    /// The row of `word` in `role`. Only words of the `name_word` class have rows (the
    /// callers test that first, from the token's flags or the lexicon).
    #[inline]
    fn row(&self, word: WordId, role: Role) -> Option<usize> {
        self.rows
            .binary_search_by_key(&(word, role), |r| (r.0, r.1))
            .ok()
    }

    /// The label token `t`'s word gives a name in `role`, if it has that role.
    #[inline]
    pub fn get(&self, t: &Token, role: Role) -> Option<Label> {
        if !t.lex.has(Lex::NAME) {
            return None;
        }
        self.row(t.word, role).and_then(|i| self.rows[i].2)
    }

    /// Whether `word` has `role` (roles without a label, such as [`Role::NotName`]).
    #[inline]
    pub fn has_id(&self, word: WordId, role: Role) -> bool {
        !word.is_none()
            && word.class().has(crate::lexical::class::NAME_WORD)
            && self.row(word, role).is_some()
    }

    /// Whether token `t`'s word has `role` (from the token's [`Lex`] flags first).
    #[inline]
    pub fn has(&self, t: &Token, role: Role) -> bool {
        t.lex.has(Lex::NAME) && self.row(t.word, role).is_some()
    }
}

impl Default for NameWords {
    fn default() -> Self {
        NameWords::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_file_is_in_the_lexicon_with_its_class() {
        for l in data_lines(NAME_WORDS)
            .skip(1)
            .chain(data_lines(GIVEN_NAMES).skip(1))
        {
            let w = l.split('\t').next().unwrap_or("");
            let id = lookup_id(w);
            assert!(!id.is_none(), "{w} has no lexicon entry");
            assert!(id.class().has(crate::lexical::class::NAME_WORD), "{w}");
        }
    }

    #[test]
    fn roles_and_labels() {
        let t = NameWords::new();
        let tok = |w: &str| crate::lexical::tokenize(w)[0];
        assert_eq!(t.get(&tok("Fair"), Role::Head), Some(Label::EVENT));
        assert_eq!(t.get(&tok("Church"), Role::Lead), Some(Label::ORG));
        assert_eq!(t.get(&tok("River"), Role::Head), Some(Label::LOC));
        assert!(t.has(&tok("Image"), Role::NotName));
        assert!(t.has(&tok("bin"), Role::Particle));
        assert!(t.has_id(lookup_id("bin"), Role::Particle));
        assert_eq!(t.get(&tok("said"), Role::Head), None);
    }
}
