//! The attribution lexicon as the token layer carries it: cue verbs with the family of frames
//! they take and the complements that hold their content (`data/attribution/cues.tsv`), and
//! nominal cues (`data/attribution/nominal_cues.tsv`). Compiled into static tables by
//! `build.rs`; every token of a cue verb points at its rows through
//! [`Entry::cue`](super::Entry::cue).

/// How a cue frames a claim, and how much a match of it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Saying: say, claim, argue, warn.
    Speech,
    /// Saying to someone: tell, inform, assure (a recipient follows the verb).
    Tell,
    /// Thinking, knowing, expecting: believe, expect, fear.
    Belief,
    /// Documents and data: show, find, indicate.
    Report,
    /// Judging someone or something: praise, criticize, endorse, deny.
    Stance,
    /// Wanting, planning, promising: want, plan, vow.
    Intent,
    /// Asking for something: urge, demand, call for.
    Request,
    /// Questions: ask, wonder, question.
    Ask,
    /// Calling something a name: call, describe, label.
    Naming,
}

impl Family {
    /// The family named `s` in the data files (unknown names are `Speech`).
    pub const fn from_name(s: &str) -> Family {
        match s.as_bytes() {
            b"tell" => Family::Tell,
            b"belief" => Family::Belief,
            b"report" => Family::Report,
            b"stance" => Family::Stance,
            b"intent" => Family::Intent,
            b"request" => Family::Request,
            b"ask" => Family::Ask,
            b"naming" => Family::Naming,
            _ => Family::Speech,
        }
    }

    /// The family's name, as written in the output (`frame` of a claim).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Speech => "speech",
            Family::Tell => "tell",
            Family::Belief => "belief",
            Family::Report => "report",
            Family::Stance => "stance",
            Family::Intent => "intent",
            Family::Request => "request",
            Family::Ask => "ask",
            Family::Naming => "naming",
        }
    }
}

/// What may follow a cue verb and carry its content: a set of [`Complements`] bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Complements(pub u32);

const COMPLEMENT_NAMES: [&str; 17] = [
    "clause",
    "that",
    "quote",
    "np",
    "to",
    "obj_to",
    "obj_of",
    "obj_for",
    "obj_as",
    "obj_np",
    "obj_clause",
    "wh",
    "ing",
    "obj_on",
    "prep",
    "about",
    "for",
];

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Parses a comma-separated list into bits, `names[i]` being bit `i`; a name outside the list
/// sets `other` (used for prepositions: "on", "at", "against", "with", "of", "to").
const fn parse_list(s: &str, names: &[&str], other: u32) -> u32 {
    let b = s.as_bytes();
    let mut bits = 0u32;
    let mut start = 0;
    let mut i = 0;
    while i <= b.len() {
        if i == b.len() || b[i] == b',' {
            let (piece, _) = b.split_at(i);
            let (_, piece) = piece.split_at(start);
            if !piece.is_empty() {
                let mut k = 0;
                let mut found = false;
                while k < names.len() {
                    if eq(piece, names[k].as_bytes()) {
                        bits |= 1 << k;
                        found = true;
                    }
                    k += 1;
                }
                if !found {
                    bits |= other;
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    bits
}

impl Complements {
    /// A finite clause, with or without "that".
    pub const CLAUSE: Complements = Complements(1 << 0);
    /// A clause only after "that".
    pub const THAT: Complements = Complements(1 << 1);
    /// A quotation.
    pub const QUOTE: Complements = Complements(1 << 2);
    /// A noun phrase object.
    pub const NP: Complements = Complements(1 << 3);
    /// A to-infinitive.
    pub const TO: Complements = Complements(1 << 4);
    /// Object + to-infinitive ("urged X to").
    pub const OBJ_TO: Complements = Complements(1 << 5);
    /// Object + of ("accused X of").
    pub const OBJ_OF: Complements = Complements(1 << 6);
    /// Object + for ("praised X for").
    pub const OBJ_FOR: Complements = Complements(1 << 7);
    /// Object + as ("described X as").
    pub const OBJ_AS: Complements = Complements(1 << 8);
    /// Object + a second noun phrase or quotation ("called X a liar").
    pub const OBJ_NP: Complements = Complements(1 << 9);
    /// Recipient, then a clause (tell).
    pub const OBJ_CLAUSE: Complements = Complements(1 << 10);
    /// A wh-clause: whether, why, how, what.
    pub const WH: Complements = Complements(1 << 11);
    /// A gerund ("recalled meeting him").
    pub const ING: Complements = Complements(1 << 12);
    /// Object + on ("congratulated X on").
    pub const OBJ_ON: Complements = Complements(1 << 13);
    /// A prepositional phrase ("insisted on", "hinted at", "railed against").
    pub const PREP: Complements = Complements(1 << 14);
    /// about + the topic.
    pub const ABOUT: Complements = Complements(1 << 15);
    /// for + what is asked for.
    pub const FOR: Complements = Complements(1 << 16);

    /// Parses the comma-separated names of the data file; prepositions (`on`, `at`, `with`,
    /// `against`, `of`, `to`) mean [`Complements::PREP`].
    pub const fn from_names(s: &str) -> Complements {
        Complements(parse_list(s, &COMPLEMENT_NAMES, Complements::PREP.0))
    }

    /// Whether the set holds `c`.
    #[inline]
    pub const fn has(self, c: Complements) -> bool {
        self.0 & c.0 != 0
    }
}

/// One cue verb (or verb + particle) of `data/attribution/cues.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueDef {
    /// The verb's lemma.
    pub verb: &'static str,
    /// The particle after it ("for" in "call for"), or "".
    pub particle: &'static str,
    /// Its frame family.
    pub family: Family,
    /// What may carry its content.
    pub complements: Complements,
    /// Whether it takes its source after it (", said X").
    pub inverted: bool,
}

/// What carries the content of a nominal cue: bits of `NounComplements`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NounComplements(pub u32);

const NOUN_COMPLEMENT_NAMES: [&str; 8] = [
    "that", "to", "for", "of", "saying", "verb", "colon", "clause",
];

impl NounComplements {
    /// "his claim that X".
    pub const THAT: NounComplements = NounComplements(1);
    /// "a promise to X".
    pub const TO: NounComplements = NounComplements(2);
    /// "calls for X".
    pub const FOR: NounComplements = NounComplements(4);
    /// "allegations of X".
    pub const OF: NounComplements = NounComplements(8);
    /// "a statement saying X".
    pub const SAYING: NounComplements = NounComplements(16);
    /// "the report found X": the noun is the subject of a report verb.
    pub const VERB: NounComplements = NounComplements(32);
    /// "the statement: X".
    pub const COLON: NounComplements = NounComplements(64);
    /// A bare clause: "is confident Trump will win".
    pub const CLAUSE: NounComplements = NounComplements(128);
    /// A preposition and its object ("skeptical about", "upset with", "opposed to"): any
    /// preposition name in the data file.
    pub const PREP: NounComplements = NounComplements(256);

    /// Parses the comma-separated names of the data file; other names (prepositions) mean
    /// [`NounComplements::PREP`].
    pub const fn from_names(s: &str) -> NounComplements {
        NounComplements(parse_list(s, &NOUN_COMPLEMENT_NAMES, 256))
    }

    /// Whether the set holds `c`.
    #[inline]
    pub const fn has(self, c: NounComplements) -> bool {
        self.0 & c.0 != 0
    }
}

/// One nominal cue of `data/attribution/nominal_cues.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NominalDef {
    /// The noun (as written in the file).
    pub noun: &'static str,
    /// The frame family of the verb it derives from.
    pub family: Family,
    /// What may carry its content.
    pub complements: NounComplements,
}

include!(concat!(env!("OUT_DIR"), "/lexicon_cues.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complement_lists_parse() {
        let c = Complements::from_names("clause,quote,on");
        assert!(c.has(Complements::CLAUSE) && c.has(Complements::QUOTE));
        assert!(c.has(Complements::PREP) && !c.has(Complements::NP));
        let n = NounComplements::from_names("that,saying");
        assert!(n.has(NounComplements::THAT) && n.has(NounComplements::SAYING));
    }

    #[test]
    fn rows_of_a_verb_are_contiguous() {
        let first = CUES.iter().position(|c| c.verb == "call").unwrap();
        let n = CUES.iter().filter(|c| c.verb == "call").count();
        assert!(CUES[first..first + n].iter().all(|c| c.verb == "call"));
        assert_eq!(CUES[first].particle, "");
    }
}
