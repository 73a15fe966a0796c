// Names shared by the library and build.rs (which `include!`s this file to compile the
// lexicon): the word classes, in bit order, and the Penn Treebank tags, in id order.
// Plain constants only: no `use`, no items build.rs could not compile.

/// Word class names, in bit order: `CLASS_NAMES[i]` is the name of `Class` bit `i`, as written
/// in `data/lexicon/closed.tsv` and the other class lists.
pub const CLASS_NAMES: [&str; 54] = [
    "det",
    "indef_det",
    "def_det",
    "poss_det",
    "demonstrative",
    "quant",
    "number_word",
    "pron",
    "subj_pron",
    "refl",
    "aux",
    "be",
    "have",
    "do",
    "modal",
    "finite",
    "past",
    "neg",
    "prep",
    "conj",
    "subordinator",
    "complementizer",
    "rel_pron",
    "wh",
    "clause_opener",
    "adverb",
    "time_adverb",
    "time_word",
    "time_mod",
    "weekday",
    "month",
    "hearsay",
    "comparative",
    // Lists kept in their own data files:
    "title",
    "abbrev_title",
    "abbrev_number",
    "abbrev_month",
    "abbrev_common",
    "starter",
    "quote_verb",
    "org_head",
    "role",
    "org_noun",
    "doc_noun",
    "channel",
    "org_descriptor",
    "no_comment_start",
    "first_name",
    "stop",
    "person_noun",
    "group_noun",
    "comm_noun",
    // Attribution word classes without a list file of their own:
    "evidential",
    // Gazetteer shape words (gazetteers/shapes/):
    "name_word",
];

/// Penn Treebank tags (plus `NONE` for "no tag"), in id order.
pub const TAG_NAMES: [&str; 46] = [
    "NONE", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
    "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "#", "$", "``", "''", "(", ")", ",",
    ".", ":",
];

/// Verb form codes of the lexicon (`Entry::form`).
pub const FORM_NAMES: [&str; 6] = ["none", "base", "s", "ing", "past", "participle"];

/// WordNet verb classes kept (`Entry::wn_verb` bits), first three senses.
pub const WN_VERB_CLASSES: [&str; 8] = [
    "communication",
    "cognition",
    "emotion",
    "perception",
    "social",
    "creation",
    "stative",
    "competition",
];

/// WordNet noun classes kept (`Entry::wn_noun` bits), first sense.
pub const WN_NOUN_CLASSES: [&str; 8] = [
    "person",
    "group",
    "communication",
    "cognition",
    "act",
    "artifact",
    "time",
    "location",
];

/// WordNet sentence frames kept (`Entry::frames` bits): 8 something, 9 somebody, 18 somebody
/// of something, 24 somebody to INFINITIVE, 26 that CLAUSE, 28 to INFINITIVE, 29 whether,
/// 33 VERB-ing, 22 PP, 14 somebody something, 15 something to somebody.
pub const WN_FRAMES: [u8; 11] = [8, 9, 18, 24, 26, 28, 29, 33, 22, 14, 15];

/// The lexicon's hash of a lower-cased word: FNV-1a over the bytes, then a final mix. Shared by
/// build.rs (which lays out the table) and the lookup.
pub const fn word_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// Bits of a hash-table slot that hold the entry index; the bits above hold a fingerprint of
/// the word's hash, so a probe compares the key only when the fingerprints agree.
pub const SLOT_ID_BITS: u32 = 20;

/// The fingerprint bits of a slot for a word of hash `h` (never all ones, the empty slot).
pub const fn slot_fingerprint(h: u64) -> u32 {
    let fp = ((h >> 44) as u32) % ((1 << (32 - SLOT_ID_BITS)) - 1);
    fp << SLOT_ID_BITS
}

/// Bytes per entry record in the compiled table.
pub const RECORD: usize = 32;
