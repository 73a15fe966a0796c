//! Compiles the word-class data under `data/` into the static lexicon table the token layer
//! reads (`src/lexical/table.rs`): one hash table from lower-cased word to a 32-byte record,
//! written as three binary blobs that the library embeds with `include_bytes!`. Nothing is
//! parsed at start-up.
//!
//! Record layout (little endian), see `src/lexical/table.rs`:
//! `0..4` key offset, `4` key length, `5..8` tags (lower-case, Capitalised, UPPER forms),
//! `8..16` class bits, `16..20` lemma record, `20` verb form bits, `21` features,
//! `22..24` cue verb, `24..26` WordNet frames, `26` WordNet verb classes, `27` WordNet noun
//! classes, `28..30` nominal cue, `30..32` WordNet parts of speech (1 noun, 2 verb, 4 adjective,
//! 8 adverb).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
mod names {
    include!("../src/lexical/names.rs");
}
use names::*;

const NONE16: u16 = u16::MAX;

#[derive(Clone)]
struct Rec {
    tags: [u8; 3],
    class: u64,
    lemma: Option<String>,
    lemma_is_inflection: bool,
    form: u8,
    feats: u8,
    cue: u16,
    frames: u16,
    wn_verb: u8,
    wn_noun: u8,
    nominal: u16,
    wn_pos: u16,
}

impl Default for Rec {
    fn default() -> Rec {
        Rec {
            tags: [0; 3],
            class: 0,
            lemma: None,
            lemma_is_inflection: false,
            form: 0,
            feats: 0,
            cue: NONE16,
            frames: 0,
            wn_verb: 0,
            wn_noun: 0,
            nominal: NONE16,
            wn_pos: 0,
        }
    }
}

pub struct Lexicon {
    recs: BTreeMap<String, Rec>,
    /// The closed-class words and stop words (laid out first, see `write_table`).
    hot: std::collections::BTreeSet<String>,
    cues: Vec<Vec<String>>,
    nominals: Vec<Vec<String>>,
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn data_rows(path: &Path) -> Vec<Vec<String>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn class_bit(name: &str) -> u64 {
    let i = CLASS_NAMES
        .iter()
        .position(|c| *c == name)
        .unwrap_or_else(|| panic!("unknown word class {name:?} (see src/lexical/names.rs)"));
    1u64 << i
}

fn tag_id(name: &str) -> u8 {
    TAG_NAMES.iter().position(|t| *t == name).unwrap_or(0) as u8
}

impl Lexicon {
    fn rec(&mut self, word: &str) -> &mut Rec {
        self.recs.entry(lower(word)).or_default()
    }

    fn add_class(&mut self, word: &str, class: &str) {
        let bit = class_bit(class);
        self.rec(word).class |= bit;
    }

    fn pos(&mut self, root: &Path) {
        for r in data_rows(&root.join("data/lexicon/pos.tsv")) {
            let (form, tag) = (&r[0], tag_id(&r[1]));
            let slot = if *form == lower(form) {
                0
            } else if form.chars().count() > 1 && form.chars().all(|c| !c.is_lowercase()) {
                2
            } else {
                1
            };
            let rec = self.rec(form);
            if rec.tags[slot] == 0 {
                rec.tags[slot] = tag;
            }
        }
    }

    /// Hand corrections of the POS lexicon: they replace Brill's tag for the exact form.
    fn pos_overrides(&mut self, root: &Path) {
        for r in data_rows(&root.join("data/lexicon/pos_overrides.tsv")) {
            let (form, tag) = (&r[0], tag_id(&r[1]));
            let slot = if *form == lower(form) {
                0
            } else if form.chars().count() > 1 && form.chars().all(|c| !c.is_lowercase()) {
                2
            } else {
                1
            };
            self.rec(form).tags[slot] = tag;
        }
    }

    fn verb_forms(&mut self, root: &Path) {
        for r in data_rows(&root.join("data/lexicon/verb_forms.tsv")) {
            let lemma = lower(&r[0]);
            for (i, f) in r.iter().enumerate().take(5) {
                let bit = 1u8 << i;
                let inflected = i > 0 && lower(f) != lemma;
                let rec = self.rec(f);
                let take = rec.lemma.is_none()
                    || rec.lemma.as_deref() == Some(lemma.as_str())
                    || inflected && !rec.lemma_is_inflection;
                if take {
                    if rec.lemma.as_deref() != Some(lemma.as_str()) {
                        rec.form = 0;
                    }
                    rec.lemma = Some(lemma.clone());
                    rec.lemma_is_inflection |= inflected;
                    rec.form |= bit;
                }
            }
        }
    }

    fn wordnet(&mut self, root: &Path) {
        for r in data_rows(&root.join("data/lexicon/wordnet_verbs.tsv")) {
            let mut bits = 0u8;
            for c in r[1].split(',') {
                if let Some(i) = WN_VERB_CLASSES.iter().position(|x| *x == c) {
                    bits |= 1 << i;
                }
            }
            let mut frames = 0u16;
            for f in r[2].split(',').filter_map(|f| f.parse::<u8>().ok()) {
                if let Some(i) = WN_FRAMES.iter().position(|x| *x == f) {
                    frames |= 1 << i;
                }
            }
            let rec = self.rec(&r[0]);
            rec.wn_verb = bits;
            rec.frames = frames;
        }
        let mut noun_bits: BTreeMap<String, u8> = BTreeMap::new();
        for r in data_rows(&root.join("data/lexicon/wordnet_nouns.tsv")) {
            let first = r[1].split(',').next().unwrap_or("");
            let Some(i) = WN_NOUN_CLASSES.iter().position(|x| *x == first) else {
                continue;
            };
            noun_bits.insert(lower(&r[0]), 1 << i);
        }
        // Plurals the POS lexicon knows take their singular's class ("officials", "aides").
        let plurals: Vec<(String, u8)> = self
            .recs
            .iter()
            .filter(|(_, r)| r.tags.contains(&tag_id("NNS")) || r.tags.contains(&tag_id("NNPS")))
            .filter_map(|(k, _)| singular(k, &noun_bits).map(|b| (k.clone(), b)))
            .collect();
        for (k, bits) in noun_bits.into_iter().chain(plurals) {
            let rec = self.recs.entry(k).or_default();
            rec.wn_noun |= bits;
            for (cls, i) in [("person_noun", 0), ("group_noun", 1), ("comm_noun", 2)] {
                if bits & (1 << i) != 0 {
                    rec.class |= class_bit(cls);
                }
            }
        }
    }

    /// Parts of speech from WordNet, for the lemma and every inflected form: which tags the
    /// contextual rules may give a known word.
    fn wordnet_pos(&mut self, root: &Path) {
        let mut pos: BTreeMap<String, u16> = BTreeMap::new();
        for r in data_rows(&root.join("data/lexicon/wordnet_pos.tsv")) {
            let mut bits = 0u16;
            for c in r[1].chars() {
                bits |= match c {
                    'n' => 1,
                    'v' => 2,
                    'a' => 4,
                    'r' => 8,
                    _ => 0,
                };
            }
            pos.insert(lower(&r[0]), bits);
        }
        let nouns: BTreeMap<String, u8> = pos
            .iter()
            .filter(|(_, b)| **b & 1 != 0)
            .map(|(k, _)| (k.clone(), 1u8))
            .collect();
        let keys: Vec<String> = self.recs.keys().cloned().collect();
        for k in keys {
            let mut bits = pos.get(&k).copied().unwrap_or(0);
            if singular(&k, &nouns).is_some() {
                bits |= 1;
            }
            let rec = self.recs.get_mut(&k).expect("key");
            if rec.form != 0 {
                bits |= 2;
            }
            rec.wn_pos |= bits;
        }
    }

    fn closed(&mut self, root: &Path) {
        for r in data_rows(&root.join("data/lexicon/closed.tsv"))
            .into_iter()
            .skip(1)
        {
            for c in r[1].split(',').filter(|c| !c.is_empty()) {
                self.add_class(&r[0], c);
            }
            let mut feats = 0u8;
            for f in r.get(2).map_or("", |s| s.as_str()).split(',') {
                feats |= match f {
                    "p1" => 1,
                    "p2" => 2,
                    "p3" => 3,
                    "sg" => 1 << 2,
                    "pl" => 2 << 2,
                    "m" => 1 << 4,
                    "f" => 2 << 4,
                    "n" => 3 << 4,
                    "h" => 4 << 4,
                    _ => 0,
                };
            }
            self.rec(&r[0]).feats |= feats;
            self.hot.insert(lower(&r[0]));
        }
        for r in data_rows(&root.join("data/lexicon/stopwords_en.txt")) {
            self.hot.insert(lower(&r[0]));
        }
    }

    fn lists(&mut self, root: &Path) {
        let words = |p: &str| -> Vec<String> {
            data_rows(&root.join(p))
                .into_iter()
                .map(|r| r[0].clone())
                .collect()
        };
        for w in words("data/person_titles.txt") {
            if !w.contains(' ') {
                self.add_class(w.trim_end_matches('.'), "title");
            }
        }
        for r in data_rows(&root.join("data/abbreviations.tsv"))
            .into_iter()
            .skip(1)
        {
            let c = match r.get(1).map(String::as_str) {
                Some("title") => "abbrev_title",
                Some("number") => "abbrev_number",
                Some("month") => "abbrev_month",
                _ => "abbrev_common",
            };
            self.add_class(&r[0], c);
        }
        for (file, class) in [
            ("data/sentence_starters.txt", "starter"),
            ("data/quote_verbs.txt", "quote_verb"),
            ("data/org_heads.txt", "org_head"),
            ("data/org_descriptors.txt", "org_descriptor"),
            ("data/lexicon/stopwords_en.txt", "stop"),
        ] {
            for w in words(file) {
                if !w.contains(' ') {
                    self.add_class(&w, class);
                }
            }
        }
        for w in words("data/channels.txt") {
            let first = w.split(' ').next().unwrap_or("").to_string();
            self.add_class(&first, "channel");
        }
        for w in words("data/no_comment.txt") {
            let first = w.split(' ').next().unwrap_or("").to_string();
            self.add_class(&first, "no_comment_start");
        }
        for r in data_rows(&root.join("data/source_nouns.tsv"))
            .into_iter()
            .skip(1)
        {
            let c = match r.get(1).map(String::as_str) {
                Some("organization") => "org_noun",
                Some("document") => "doc_noun",
                _ => "role",
            };
            self.add_class(&r[0], c);
        }
        // Gender of first names, for pronoun agreement (features bits 4..6: 1 m, 2 f).
        for f in ["name_words.tsv", "given_names.tsv"] {
            for r in data_rows(&root.join("gazetteers/shapes").join(f))
                .iter()
                .skip(1)
            {
                self.add_class(&r[0], "name_word");
            }
        }
        for r in data_rows(&root.join("data/lexicon/first_name_gender.tsv")) {
            let g = match r.get(1).map(String::as_str) {
                Some("m") => 1u8,
                Some("f") => 2,
                _ => continue,
            };
            let rec = self.rec(&r[0]);
            if rec.feats & 0x70 == 0 && rec.class & class_bit("pron") == 0 {
                rec.feats |= g << 4;
            }
            rec.class |= class_bit("first_name");
        }
        let first = root.join("gazetteers/first_names.txt");
        if first.exists() {
            for w in words("gazetteers/first_names.txt") {
                let w = w.split('\t').next().unwrap_or("").to_string();
                if !w.contains(' ') && !w.is_empty() {
                    self.add_class(&w, "first_name");
                }
            }
        }
    }

    fn cue_lists(&mut self, root: &Path) {
        let mut rows: Vec<Vec<String>> = data_rows(&root.join("data/attribution/cues.tsv"))
            .into_iter()
            .skip(1)
            .collect();
        // Rows of one verb are contiguous, the bare verb first: "call", "call for", "call on".
        rows.sort_by(|a, b| a[0].cmp(&b[0]));
        let mut seen = std::collections::BTreeSet::new();
        for r in &rows {
            assert!(
                r.len() >= 4,
                "data/attribution/cues.tsv: 4 columns expected in {r:?}"
            );
            assert!(
                seen.insert(r[0].clone()),
                "data/attribution/cues.tsv: {} twice",
                r[0]
            );
        }
        let mut verb_first: BTreeMap<String, usize> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            let verb = r[0].split(' ').next().unwrap_or("").to_string();
            verb_first.entry(verb).or_insert(i);
        }
        let forms = self.forms_of();
        for (verb, &i) in &verb_first {
            let fs = forms
                .get(verb)
                .cloned()
                .unwrap_or_else(|| regular_forms(verb));
            for f in fs {
                self.rec(&f).cue = i as u16;
            }
        }
        self.cues = rows;
        let rows: Vec<Vec<String>> = data_rows(&root.join("data/attribution/nominal_cues.tsv"))
            .into_iter()
            .skip(1)
            .collect();
        for (i, r) in rows.iter().enumerate() {
            self.rec(&r[0]).nominal = i as u16;
        }
        self.nominals = rows;
    }

    /// Every form of every lemma, from the verb-form records.
    fn forms_of(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, r) in &self.recs {
            if let Some(l) = &r.lemma {
                out.entry(l.clone()).or_default().push(k.clone());
            }
        }
        out
    }
}

fn singular(plural: &str, nouns: &BTreeMap<String, u8>) -> Option<u8> {
    let cands = [
        plural.strip_suffix("ies").map(|s| format!("{s}y")),
        plural.strip_suffix("men").map(|s| format!("{s}man")),
        plural.strip_suffix("es").map(str::to_string),
        plural.strip_suffix('s').map(str::to_string),
    ];
    cands
        .into_iter()
        .flatten()
        .find_map(|c| nouns.get(&c).copied())
}

fn regular_forms(verb: &str) -> Vec<String> {
    let stem = verb.strip_suffix('e').unwrap_or(verb);
    vec![
        verb.to_string(),
        format!("{verb}s"),
        format!("{stem}ing"),
        format!("{stem}ed"),
    ]
}

/// Builds the table from the data files under `root` and writes the blobs and the cue tables
/// into `out`.
pub fn compile(root: &Path, out: &Path) {
    let mut lx = Lexicon {
        recs: BTreeMap::new(),
        hot: Default::default(),
        cues: Vec::new(),
        nominals: Vec::new(),
    };
    lx.pos(root);
    lx.pos_overrides(root);
    lx.verb_forms(root);
    lx.wordnet(root);
    lx.closed(root);
    lx.wordnet_pos(root);
    lx.lists(root);
    lx.cue_lists(root);
    write_table(&lx, out);
    write_cues(&lx, out);
}

fn write_table(lx: &Lexicon, out: &Path) {
    // Hot words first: the closed-class words, then cue verbs and nouns, then the rest in
    // alphabetical order. The most frequent tokens of any text are among the first, so their
    // records and keys share a few cache lines instead of being spread over 4 MB.
    let mut recs: Vec<(&String, &Rec)> = lx.recs.iter().filter(|(k, _)| k.len() <= 255).collect();
    recs.sort_by_key(|(k, r)| {
        if lx.hot.contains(k.as_str()) {
            0u8
        } else if r.cue != NONE16 || r.nominal != NONE16 {
            1
        } else {
            2
        }
    });
    assert!(
        recs.len() < 1 << SLOT_ID_BITS,
        "the lexicon outgrew SLOT_ID_BITS (src/lexical/names.rs)"
    );
    let index: BTreeMap<&str, u32> = recs
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i as u32))
        .collect();
    let mut keys = Vec::new();
    let mut blob = Vec::with_capacity(recs.len() * RECORD);
    for (k, r) in &recs {
        let off = keys.len() as u32;
        keys.extend_from_slice(k.as_bytes());
        let lemma = r
            .lemma
            .as_deref()
            .and_then(|l| index.get(l))
            .copied()
            .unwrap_or(u32::MAX);
        blob.extend_from_slice(&off.to_le_bytes());
        blob.push(k.len() as u8);
        blob.extend_from_slice(&r.tags);
        blob.extend_from_slice(&r.class.to_le_bytes());
        blob.extend_from_slice(&lemma.to_le_bytes());
        blob.push(r.form);
        blob.push(r.feats);
        blob.extend_from_slice(&r.cue.to_le_bytes());
        blob.extend_from_slice(&r.frames.to_le_bytes());
        blob.push(r.wn_verb);
        blob.push(r.wn_noun);
        blob.extend_from_slice(&r.nominal.to_le_bytes());
        blob.extend_from_slice(&r.wn_pos.to_le_bytes());
    }
    let n_slots = (recs.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![u32::MAX; n_slots];
    for (i, (k, _)) in recs.iter().enumerate() {
        let mut s = word_hash(k.as_bytes()) as usize & (n_slots - 1);
        while slots[s] != u32::MAX {
            s = (s + 1) & (n_slots - 1);
        }
        slots[s] = i as u32 | slot_fingerprint(word_hash(k.as_bytes()));
    }
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    std::fs::write(out.join("lexicon_keys.bin"), &keys).expect("write keys");
    std::fs::write(out.join("lexicon_records.bin"), &blob).expect("write records");
    std::fs::write(out.join("lexicon_slots.bin"), &slot_bytes).expect("write slots");
}

fn write_cues(lx: &Lexicon, out: &Path) {
    let mut code = String::from("// Generated by build.rs from data/attribution/*.tsv.\n");
    code.push_str("/// Cue verbs, rows of one verb contiguous (bare verb first).\n");
    code.push_str("pub static CUES: &[CueDef] = &[\n");
    for r in &lx.cues {
        let (verb, particle) = r[0].split_once(' ').unwrap_or((r[0].as_str(), ""));
        let _ = writeln!(
            code,
            "    CueDef {{ verb: {verb:?}, particle: {particle:?}, family: Family::from_name({:?}), complements: Complements::from_names({:?}), inverted: {} }},",
            r[1],
            r[2],
            r[3] == "yes"
        );
    }
    code.push_str("];\n/// Nominal cues.\npub static NOMINALS: &[NominalDef] = &[\n");
    for r in &lx.nominals {
        let _ = writeln!(
            code,
            "    NominalDef {{ noun: {:?}, family: Family::from_name({:?}), complements: NounComplements::from_names({:?}) }},",
            r[0], r[1], r[2]
        );
    }
    code.push_str("];\n");
    std::fs::write(out.join("lexicon_cues.rs"), code).expect("write cues");
}
