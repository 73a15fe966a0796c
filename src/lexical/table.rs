//! The static lexicon: a hash table from lower-cased word to a 32-byte record, compiled from
//! the data files by `build.rs` (`build/lexicon.rs`) and embedded in the binary, so a lookup
//! costs one hash and a probe and nothing is built at start-up.

use super::class::Class;
use super::cues::{CueDef, NominalDef, CUES, NOMINALS};
use super::memo::Memo;
use super::names::{slot_fingerprint, word_hash, RECORD, SLOT_ID_BITS};
use super::tag::Tag;
use super::Lex;

// The keys are lower-cased words laid end to end: UTF-8 text, so `include_str!` checks it
// once at compile time and `Entry::key` needs no check.
static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon_keys.bin"));
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_records.bin"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_slots.bin"));

/// A word of the lexicon: the index of its record. Tokens whose word is not in the lexicon
/// carry [`WordId::NONE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordId(pub u32);

impl WordId {
    /// No lexicon word.
    pub const NONE: WordId = WordId(u32::MAX);

    /// Whether this is [`WordId::NONE`].
    #[inline]
    pub fn is_none(self) -> bool {
        self == WordId::NONE
    }

    /// The record of this word (`None` for [`WordId::NONE`]).
    #[inline]
    pub fn entry(self) -> Option<Entry> {
        let i = self.0 as usize;
        (i < n_entries()).then_some(Entry(i))
    }

    /// The word's class set (empty for [`WordId::NONE`]).
    #[inline]
    pub fn class(self) -> Class {
        self.entry().map_or(Class::EMPTY, |e| e.class())
    }
}

/// Number of words in the lexicon.
pub fn n_entries() -> usize {
    RECORDS.len() / RECORD
}

/// Looks up a word (any case).
///
/// ```
/// use claimex::lexical::{lookup, Tag};
/// let said = lookup("said").unwrap();
/// assert_eq!(said.tag_lower(), Tag::VBD);
/// assert_eq!(said.lemma().unwrap().key(), "say");
/// assert!(said.cue().is_some());
/// assert!(lookup("qwzx").is_none());
/// ```
pub fn lookup(word: &str) -> Option<Entry> {
    lookup_id(word).entry()
}

/// Looks up a word and returns its id, [`WordId::NONE`] when it is not in the lexicon.
#[inline]
pub fn lookup_id(word: &str) -> WordId {
    lookup_lex(word).0
}

/// Looks up bytes that are already lower case.
///
/// Words go through a small per-thread memo first (16,384 slots, 512 KiB, see
/// [`super::memo`]): the table is 6 MB, so a probe into it costs a few cache misses, and the
/// frequent words of a text keep their memo slots.
#[inline]
pub fn lookup_lower(lower: &[u8]) -> WordId {
    lookup_lower_lex(lower).0
}

/// [`lookup_id`] with the word's [`Lex`] flags (kept in the same memo slot, so a frequent
/// word costs no lexicon access at all).
#[inline]
pub fn lookup_lex(word: &str) -> (WordId, Lex) {
    let mut buf = [0u8; 64];
    match lower_into(word, &mut buf) {
        Some(l) => lookup_lower_lex(l),
        None => (WordId::NONE, Lex::default()),
    }
}

#[inline]
fn lookup_lower_lex(lower: &[u8]) -> (WordId, Lex) {
    if lower.is_empty() || lower.len() > 255 {
        return (WordId::NONE, Lex::default());
    }
    let h = word_hash(lower);
    MEMO.with_borrow_mut(|m| {
        m.get_or(lower, h, || {
            let id = probe(lower, h);
            (id, Lex::of(id.class()))
        })
    })
}

impl Default for WordId {
    fn default() -> Self {
        WordId::NONE
    }
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo<(WordId, Lex), 16384>> = std::cell::RefCell::new(Memo::new());
}

/// The table probe of [`lookup_lower`], for a word of hash `h`.
fn probe(lower: &[u8], h: u64) -> WordId {
    let n_slots = SLOTS.len() / 4;
    let mask = n_slots - 1;
    let fp = slot_fingerprint(h);
    let mut s = h as usize & mask;
    loop {
        let v = u32_at(SLOTS, s * 4);
        if v == u32::MAX {
            return WordId::NONE;
        }
        let id = v & ((1 << SLOT_ID_BITS) - 1);
        if v & !((1 << SLOT_ID_BITS) - 1) == fp && Entry(id as usize).key_bytes() == lower {
            return WordId(id);
        }
        s = (s + 1) & mask;
    }
}

/// Lower-cases `word` into `buf` without allocating; `None` when it does not fit.
#[inline]
pub fn lower_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.is_ascii() {
        if b.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        return Some(&buf[..b.len()]);
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let l = c.len_utf8();
        if n + l > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + l]);
        n += l;
    }
    Some(&buf[..n])
}

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

#[inline]
fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

/// Grammatical person, number and gender of a pronoun or determiner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// 1, 2 or 3; 0 when not a personal form.
    pub person: u8,
    /// 1 singular, 2 plural, 0 unknown.
    pub number: u8,
    /// 1 masculine, 2 feminine, 3 neuter, 4 human (either), 0 unknown.
    pub gender: u8,
}

/// Verb forms a word can be (bits of [`Entry::form`]).
pub mod form {
    /// Base form: say.
    pub const BASE: u8 = 1;
    /// Third person singular: says.
    pub const S: u8 = 2;
    /// Present participle: saying.
    pub const ING: u8 = 4;
    /// Past tense: said.
    pub const PAST: u8 = 8;
    /// Past participle: said.
    pub const PARTICIPLE: u8 = 16;
}

/// One lexicon record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry(usize);

impl Entry {
    #[inline]
    fn rec(self) -> &'static [u8] {
        &RECORDS[self.0 * RECORD..(self.0 + 1) * RECORD]
    }

    /// This entry's id.
    #[inline]
    pub fn id(self) -> WordId {
        WordId(self.0 as u32)
    }

    #[inline]
    fn key_bytes(self) -> &'static [u8] {
        self.key().as_bytes()
    }

    /// The lower-cased word.
    #[inline]
    pub fn key(self) -> &'static str {
        let r = self.rec();
        let off = u32_at(r, 0) as usize;
        KEYS.get(off..off + r[4] as usize).unwrap_or("")
    }

    /// Tag of the lower-case form in the POS lexicon ([`Tag::NONE`] if it has none).
    #[inline]
    pub fn tag_lower(self) -> Tag {
        Tag(self.rec()[5])
    }

    /// Tag of the Capitalised form.
    #[inline]
    pub fn tag_cap(self) -> Tag {
        Tag(self.rec()[6])
    }

    /// Tag of the UPPER-CASE form.
    #[inline]
    pub fn tag_upper(self) -> Tag {
        Tag(self.rec()[7])
    }

    /// Word classes.
    #[inline]
    pub fn class(self) -> Class {
        let r = self.rec();
        let mut b = [0u8; 8];
        b.copy_from_slice(&r[8..16]);
        Class(u64::from_le_bytes(b))
    }

    /// The verb lemma ("said" → "say"); the entry itself for a base form.
    #[inline]
    pub fn lemma(self) -> Option<Entry> {
        WordId(u32_at(self.rec(), 16)).entry()
    }

    /// The verb forms this word can be (bits of [`form`]).
    #[inline]
    pub fn form(self) -> u8 {
        self.rec()[20]
    }

    /// Person, number and gender (pronouns, determiners).
    pub fn features(self) -> Features {
        let f = self.rec()[21];
        Features {
            person: f & 3,
            number: (f >> 2) & 3,
            gender: (f >> 4) & 7,
        }
    }

    /// The cue verb rows of this word's verb (rows of one verb are contiguous: the bare verb,
    /// then its particles).
    #[inline]
    pub fn cue(self) -> Option<&'static [CueDef]> {
        let i = u16_at(self.rec(), 22) as usize;
        let first = CUES.get(i)?;
        let n = CUES[i..]
            .iter()
            .take_while(|c| c.verb == first.verb)
            .count();
        Some(&CUES[i..i + n])
    }

    /// WordNet sentence-frame bits of the word's saying/thinking senses (see
    /// [`WN_FRAMES`](super::names::WN_FRAMES)).
    #[inline]
    pub fn frames(self) -> u16 {
        u16_at(self.rec(), 24)
    }

    /// WordNet verb-class bits of the first three senses (see
    /// [`WN_VERB_CLASSES`](super::names::WN_VERB_CLASSES)).
    #[inline]
    pub fn wn_verb(self) -> u8 {
        self.rec()[26]
    }

    /// WordNet noun-class bit of the first sense (see
    /// [`WN_NOUN_CLASSES`](super::names::WN_NOUN_CLASSES)).
    #[inline]
    pub fn wn_noun(self) -> u8 {
        self.rec()[27]
    }

    /// Parts of speech WordNet has for the word or its lemma: bits 1 noun, 2 verb, 4
    /// adjective, 8 adverb (0 when WordNet does not know it).
    #[inline]
    pub fn wn_pos(self) -> u16 {
        u16_at(self.rec(), 30)
    }

    /// The nominal cue this noun is ("claim", "statement", "report").
    #[inline]
    pub fn nominal(self) -> Option<&'static NominalDef> {
        NOMINALS.get(u16_at(self.rec(), 28) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::class;

    #[test]
    fn every_key_is_found_again() {
        for i in (0..n_entries()).step_by(97) {
            let e = Entry(i);
            assert_eq!(lookup_lower(e.key_bytes()), e.id(), "{}", e.key());
        }
    }

    #[test]
    fn classes_and_features_come_from_the_data() {
        let she = lookup("She").unwrap();
        assert!(she.class().has(class::SUBJ_PRON));
        assert_eq!(
            she.features(),
            Features {
                person: 3,
                number: 1,
                gender: 2
            }
        );
        assert!(lookup("spokesman").unwrap().class().has(class::ROLE));
        assert!(lookup("Tuesday").unwrap().class().has(class::WEEKDAY));
        assert!(lookup("officials").unwrap().class().has(class::PERSON_NOUN));
        let told = lookup("told").unwrap();
        assert_eq!(told.lemma().unwrap().key(), "tell");
        assert!(told.form() & form::PAST != 0);
        assert_eq!(told.cue().unwrap()[0].verb, "tell");
        let call = lookup("called").unwrap().cue().unwrap();
        assert!(call.iter().any(|c| c.particle == "for"));
        assert!(lookup("claim").unwrap().nominal().is_some());
    }

    #[test]
    fn non_ascii_words_are_lower_cased() {
        let mut buf = [0u8; 64];
        assert_eq!(lower_into("ÉTAT", &mut buf), Some("état".as_bytes()));
        assert!(lower_into(&"x".repeat(65), &mut buf).is_none());
    }
}
