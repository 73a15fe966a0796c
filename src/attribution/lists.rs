//! The stage's phrase lists that are not word classes: non-response phrases
//! (`data/no_comment.txt`) and the object heads that make a cue verb an act
//! (`data/attribution/not_cues.tsv`). Everything else the stage knows about words comes from
//! the token layer's lexicon.

use crate::fasthash::{FxHashMap, FxHashSet};

const NO_COMMENT: &str = include_str!("../../data/no_comment.txt");
const NOT_CUES: &str = include_str!("../../data/attribution/not_cues.tsv");

/// The stage's phrase lists, loaded once.
pub struct Lists {
    /// Non-response phrases, lower case, split into words, by first word, longest first.
    no_comment: FxHashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Per cue lemma, the object heads that make it an act.
    not_cues: FxHashMap<&'static str, FxHashSet<&'static str>>,
}

fn rows(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lists {
    /// Loads the built-in lists.
    pub fn new() -> Lists {
        let mut no_comment: FxHashMap<&str, Vec<Vec<&str>>> = FxHashMap::default();
        for l in rows(NO_COMMENT) {
            let words: Vec<&str> = l.split_whitespace().collect();
            if let Some(&first) = words.first() {
                no_comment.entry(first).or_default().push(words);
            }
        }
        for v in no_comment.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        let mut not_cues: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
        for l in rows(NOT_CUES).skip(1) {
            let mut f = l.split('\t');
            if let (Some(lemma), Some(objs)) = (f.next(), f.next()) {
                not_cues.entry(lemma).or_default().extend(objs.split(','));
            }
        }
        Lists {
            no_comment,
            not_cues,
        }
    }

    /// The non-response phrases starting with the lower-cased word `first`, longest first.
    pub fn no_comment(&self, first: &str) -> &[Vec<&'static str>] {
        self.no_comment.get(first).map_or(&[], |v| v.as_slice())
    }

    /// Whether `object` after the verb `lemma` makes it an act, not a report.
    pub fn not_cue(&self, lemma: &str, object: &str) -> bool {
        self.not_cues.get(lemma).is_some_and(|s| s.contains(object))
    }
}

impl Default for Lists {
    fn default() -> Self {
        Lists::new()
    }
}
