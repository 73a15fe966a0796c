//! Word lists of the attribution stage, loaded from the data files under `data/`.

use crate::fasthash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::segmentation::data_lines;

use super::SourceType;

const CUES: &str = include_str!("../../data/cues.tsv");
const CHANNELS: &str = include_str!("../../data/channels.txt");
const NO_COMMENT: &str = include_str!("../../data/no_comment.txt");
const SOURCE_NOUNS: &str = include_str!("../../data/source_nouns.tsv");
const ORG_DESCRIPTORS: &str = include_str!("../../data/org_descriptors.txt");

/// How a cue frames its source and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    /// said, says, added, warned, wrote, ...
    Speech,
    /// told, informed: a recipient follows the verb.
    Tell,
    /// believes, estimate, expects, fears, ...
    Belief,
    /// shows, found: data and studies.
    Report,
    /// according to.
    According,
    /// called, dubbed, labeled ... "QUOTE".
    Naming,
}

/// The lexicons.
pub struct Lexicon {
    /// Single-word cues, lower case.
    pub cues: HashMap<Box<str>, Frame>,
    /// Channel nouns after "said in a ...", split into words.
    pub channels: Vec<Vec<Box<str>>>,
    /// Non-response phrases, split into words.
    pub no_comment: Vec<Vec<Box<str>>>,
    /// First words of the non-response phrases, lower case.
    pub no_comment_first: HashSet<Box<str>>,
    /// Indices into `no_comment` by first word, longest phrase first.
    pub no_comment_by_first: HashMap<Box<str>, Vec<usize>>,
    /// Head nouns of sources and their types.
    pub source_nouns: HashMap<Box<str>, SourceType>,
    /// Role nouns only (people), for appositives.
    pub roles: HashSet<Box<str>>,
    /// Nouns that name an organisation by its trade ("the carmaker", "the lender").
    pub org_nouns: HashSet<Box<str>>,
    /// Cue frame and non-response start of every listed word: one lookup per token.
    pub words: HashMap<Box<str>, super::TokenInfo>,
    /// Lower-cased first two bytes of the listed words, a flag per pair: most tokens are
    /// ruled out without hashing them.
    pairs: Vec<bool>,
    /// (length, lower-cased last byte) of the listed words: with `pairs`, this rules out most
    /// running-text words ("the", "and", "government") before they are lower-cased and hashed.
    ends: Vec<bool>,
}

/// Index of a word's length (up to 31) and last byte in `Lexicon::ends`.
#[inline]
fn end_key(w: &[u8]) -> usize {
    (w.len().min(31) << 8) | w.last().map_or(0, |b| b.to_ascii_lowercase() as usize)
}

impl Lexicon {
    /// Whether a word with these bytes could be in `words`.
    #[inline]
    pub fn starts_word(&self, w: &[u8]) -> bool {
        w.len() >= 2
            && self.pairs
                [((w[0].to_ascii_lowercase() as usize) << 8) | w[1].to_ascii_lowercase() as usize]
            && self.ends[end_key(w)]
    }
}

impl Lexicon {
    /// Loads the built-in lists.
    pub fn new() -> Lexicon {
        let mut cues: HashMap<Box<str>, Frame> = HashMap::default();
        for line in data_lines(CUES).skip(1) {
            let mut f = line.split('\t');
            let (Some(form), Some(frame)) = (f.next(), f.next()) else {
                continue;
            };
            let frame = match frame {
                "tell" => Frame::Tell,
                "belief" => Frame::Belief,
                "report" => Frame::Report,
                "according" => Frame::According,
                "naming" => Frame::Naming,
                _ => Frame::Speech,
            };
            // Multi-word forms ("according to") are recognised by their first word.
            let first = form.split(' ').next().unwrap_or(form);
            cues.insert(first.into(), frame);
        }
        let split = |l: &str| {
            l.split_whitespace()
                .map(Into::into)
                .collect::<Vec<Box<str>>>()
        };
        let mut channels: Vec<_> = data_lines(CHANNELS).map(split).collect();
        channels.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut no_comment: Vec<_> = data_lines(NO_COMMENT).map(split).collect();
        no_comment.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let no_comment_first: HashSet<Box<str>> = no_comment
            .iter()
            .filter_map(|p| p.first().cloned())
            .collect();
        let mut no_comment_by_first: HashMap<Box<str>, Vec<usize>> = HashMap::default();
        for (i, p) in no_comment.iter().enumerate() {
            if let Some(first) = p.first() {
                no_comment_by_first
                    .entry(first.clone())
                    .or_default()
                    .push(i);
            }
        }
        let mut source_nouns = HashMap::default();
        let mut roles = HashSet::default();
        for line in data_lines(SOURCE_NOUNS).skip(1) {
            let mut f = line.split('\t');
            let (Some(noun), Some(t)) = (f.next(), f.next()) else {
                continue;
            };
            let t = match t {
                "anonymous" => SourceType::Anonymous,
                "organization" => SourceType::Organization,
                "document" => SourceType::Document,
                _ => SourceType::Unknown,
            };
            if t == SourceType::Anonymous {
                roles.insert(noun.into());
            }
            source_nouns.insert(noun.into(), t);
        }
        let org_nouns = data_lines(ORG_DESCRIPTORS).map(Into::into).collect();
        let mut words: HashMap<Box<str>, super::TokenInfo> = HashMap::default();
        for (w, f) in &cues {
            words.entry(w.clone()).or_default().cue = Some(*f);
        }
        for w in &no_comment_first {
            words.entry(w.clone()).or_default().no_comment = true;
        }
        let mut pairs = vec![false; 1 << 16];
        for w in words.keys() {
            let b = w.as_bytes();
            if b.len() >= 2 {
                pairs[((b[0] as usize) << 8) | b[1] as usize] = true;
            }
        }
        let mut ends = vec![false; 32 << 8];
        for w in words.keys() {
            ends[end_key(w.as_bytes())] = true;
        }
        Lexicon {
            pairs,
            ends,
            words,
            org_nouns,
            cues,
            channels,
            no_comment,
            no_comment_first,
            no_comment_by_first,
            source_nouns,
            roles,
        }
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}
