//! The syntax layer: shallow, deterministic chunks of one sentence from its tags and word
//! classes — noun phrases (names, possessives, hyphenated compounds, entities kept whole) and
//! verb groups (auxiliaries, adverbs, negation, the head verb and its particle, with tense,
//! voice and finiteness). The frames read subjects, objects and complements off these chunks.

use crate::lexical::{class, form, Tag};

use super::doc::Doc;

const NONE: u32 = u32::MAX;

/// What a noun phrase is headed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// A personal pronoun.
    Pronoun,
    /// A proper name (or an entity).
    Name,
    /// A common noun phrase.
    Common,
}

/// A base noun phrase: tokens `a..b`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Np {
    pub a: usize,
    pub b: usize,
    pub kind: NpKind,
}

/// A verb group: tokens `a..b`, head verb `head`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Vg {
    pub a: usize,
    pub b: usize,
    pub head: usize,
    /// Has a tense (a modal, a past or present form first).
    pub finite: bool,
    /// A form of "be" + participle: "was told".
    pub passive: bool,
    /// Negated: "did not say".
    pub neg: bool,
    /// A bare -ing form without auxiliary: "saying", "adding".
    pub ing: bool,
    /// A to-infinitive or bare infinitive after "to": "to say".
    pub inf: bool,
    /// Has an auxiliary before the head ("has said", "would say").
    pub aux: bool,
}

/// The chunks of one sentence (token range `lo..hi`).
pub(crate) struct Syntax {
    pub lo: usize,
    pub hi: usize,
    pub nps: Vec<Np>,
    pub vgs: Vec<Vg>,
    np_of: Vec<u32>,
    vg_of: Vec<u32>,
    /// Per token (and one past the end): finite verb groups starting before it.
    finite_before: Vec<u32>,
}

impl Syntax {
    /// Chunks tokens `lo..hi`.
    pub fn new(d: &Doc, lo: usize, hi: usize) -> Syntax {
        let n = hi - lo;
        let mut s = Syntax {
            lo,
            hi,
            nps: Vec::new(),
            vgs: Vec::new(),
            np_of: vec![NONE; n],
            vg_of: vec![NONE; n],
            finite_before: vec![0; n + 1],
        };
        let mut k = lo;
        while k < hi {
            if let Some(vg) = verb_group(d, k, hi).filter(|_| !nominal_start(d, k, hi)) {
                for j in vg.a..vg.b {
                    s.vg_of[j - lo] = s.vgs.len() as u32;
                }
                k = vg.b;
                s.vgs.push(vg);
                continue;
            }
            if let Some(np) = noun_phrase(d, k, hi) {
                for j in np.a..np.b {
                    s.np_of[j - lo] = s.nps.len() as u32;
                }
                k = np.b;
                s.nps.push(np);
                continue;
            }
            k += 1;
        }
        let mut count = 0;
        let mut next = s.vgs.iter().peekable();
        for k in lo..=hi {
            while next.peek().is_some_and(|v| v.a < k) {
                count += u32::from(next.next().is_some_and(|v| v.finite));
            }
            s.finite_before[k - lo] = count;
        }
        s
    }

    /// Whether a finite verb group starts inside tokens `a..b`.
    #[inline]
    pub fn has_finite(&self, a: usize, b: usize) -> bool {
        let at = |k: usize| self.finite_before[k.clamp(self.lo, self.hi) - self.lo];
        at(b) > at(a)
    }

    /// The noun phrase holding token `k`.
    #[inline]
    pub fn np_at(&self, k: usize) -> Option<Np> {
        if k < self.lo || k >= self.hi {
            return None;
        }
        let i = self.np_of[k - self.lo];
        (i != NONE).then(|| self.nps[i as usize])
    }

    /// The verb group holding token `k`.
    #[inline]
    pub fn vg_at(&self, k: usize) -> Option<Vg> {
        if k < self.lo || k >= self.hi {
            return None;
        }
        let i = self.vg_of[k - self.lo];
        (i != NONE).then(|| self.vgs[i as usize])
    }

    /// The noun phrase that ends right before token `k` (exclusive end `k`).
    pub fn np_ending_at(&self, k: usize) -> Option<Np> {
        let np = self.np_at(k.checked_sub(1)?)?;
        (np.b == k).then_some(np)
    }

    /// The noun phrase that starts at token `k`.
    pub fn np_starting_at(&self, k: usize) -> Option<Np> {
        self.np_at(k).filter(|np| np.a == k)
    }
}

/// Whether token `k` can stand inside a noun phrase, before its head.
fn np_inner(d: &Doc, k: usize) -> bool {
    let t = d.tag(k);
    t.is_noun()
        || t.is_adj()
        || matches!(t, Tag::CD | Tag::DT | Tag::PDT | Tag::PRPS | Tag::POS)
        || (t == Tag::VBN || t == Tag::VBG) && d.lower(k)
}

/// Whether a word the tagger made a verb starts a noun phrase here: the first part of a
/// hyphenated compound ("look-alike", "stand-in") or a participle before a role and a name
/// ("organizing director Kendall Fells", "managing director John Smith").
fn nominal_start(d: &Doc, k: usize, hi: usize) -> bool {
    let titled = d.tag(k) == Tag::VBG
        && d.lower(k)
        && d.has(k + 1, class::ROLE)
        && d.tag(k + 2).is_proper()
        && d.cap(k + 2);
    hyphen_compound(d, k, hi) || titled
}

/// Whether tokens `k`, `k + 1`, `k + 2` are a word, a glued hyphen and a glued word, all before
/// `hi`: "think-tank", "look-alike".
fn hyphen_compound(d: &Doc, k: usize, hi: usize) -> bool {
    use crate::lexical::Shape;
    k + 2 < hi
        && d.p(k + 1, "-")
        && d.toks[k + 1].shape.has(Shape::GLUED)
        && d.toks[k + 2].shape.has(Shape::GLUED)
        && !d.punct(k)
        && !d.punct(k + 2)
}

/// A noun phrase starting at `k`, up to `hi`.
fn noun_phrase(d: &Doc, k: usize, hi: usize) -> Option<Np> {
    let t = d.tag(k);
    if t == Tag::PRP || t == Tag::EX {
        return Some(Np {
            a: k,
            b: k + 1,
            kind: NpKind::Pronoun,
        });
    }
    let entity_start = d.entity(k).is_some();
    if !(np_inner(d, k) || entity_start) || matches!(t, Tag::POS) {
        return None;
    }
    let mut j = k;
    let mut head = None;
    let mut name = false;
    while j < hi {
        if let Some(e) = d.entity(j) {
            // An entity is one piece, "of" and all ("Ministry of Foreign Affairs").
            let mut e_end = j;
            while e_end < hi && d.entity(e_end) == Some(e) {
                e_end += 1;
            }
            head = Some(e_end - 1);
            name = true;
            j = e_end;
            continue;
        }
        // "think-tank", "Myanmar-focused", "rare-earth": a hyphenated compound is one nominal
        // piece whatever the tagger made of its first word.
        if hyphen_compound(d, j, hi) && (j > k || np_inner(d, j) || d.tag(j).is_verb()) {
            j += 3;
            head = Some(j - 1);
            continue;
        }
        let t = d.tag(j);
        // A determiner starts a phrase; it cannot follow a noun inside one.
        if j > k && matches!(t, Tag::DT | Tag::PDT | Tag::PRPS) && !d.p(j - 1, "'s") {
            break;
        }
        if np_inner(d, j) {
            if t.is_noun() || t == Tag::CD {
                head = Some(j);
                name |= t.is_proper();
            }
            j += 1;
            continue;
        }
        // An adverb before an adjective: "the mostly white crowd", "a very large group".
        if j > k && j + 1 < hi && t.is_adverb() && d.lower(j) && d.tag(j + 1).is_adj() {
            j += 1;
            continue;
        }
        // Coordinated names inside one name: "Judgment and Decision Making".
        if d.is(j, "and")
            && j > k
            && d.tag(j - 1).is_proper()
            && d.tag(j + 1).is_proper()
            && d.cap(j + 1)
            && d.cap(j - 1)
            && name
        {
            j += 1;
            continue;
        }
        // Hyphenated compounds ("Myanmar-focused", "think-tank") and "AT&T"-style names.
        let glue = (d.p(j, "-") || d.p(j, "&") || d.p(j, "/"))
            && j > k
            && d.toks[j].shape.has(crate::lexical::Shape::GLUED)
            && j + 1 < hi
            && d.toks[j + 1].shape.has(crate::lexical::Shape::GLUED)
            && !d.punct(j + 1);
        if glue {
            j += 2;
            head = Some(j - 1);
            continue;
        }
        break;
    }
    // The phrase ends at its last noun; a phrase of adjectives alone ("the poor") ends there;
    // "her" with no noun after it is the object pronoun ("called her "the first lady"").
    let b = match head {
        Some(h) => h + 1,
        None if t == Tag::PRPS && d.is(k, "her") => {
            return Some(Np {
                a: k,
                b: k + 1,
                kind: NpKind::Pronoun,
            })
        }
        None => {
            let mut e = j;
            while e > k && !d.tag(e - 1).is_adj() {
                e -= 1;
            }
            if e == k {
                return None;
            }
            e
        }
    };
    Some(Np {
        a: k,
        b,
        kind: if name { NpKind::Name } else { NpKind::Common },
    })
}

/// Whether token `k` is an adverb that may sit inside a verb group ("has also said", "did
/// not immediately respond", "would later say").
fn vg_adverb(d: &Doc, k: usize) -> bool {
    d.tag(k).is_adverb() && d.lower(k) || d.has(k, class::NEG)
}

/// A verb group starting at `k`.
fn verb_group(d: &Doc, k: usize, hi: usize) -> Option<Vg> {
    let t = d.tag(k);
    let starts = t.is_verb() || t == Tag::MD || t == Tag::TO && d.tag(k + 1) == Tag::VB;
    if !starts {
        return None;
    }
    let mut vg = Vg {
        a: k,
        inf: t == Tag::TO,
        ..Vg::default()
    };
    let mut j = k;
    let mut last_verb = None;
    let mut verbs = 0;
    while j < hi {
        let t = d.tag(j);
        if t == Tag::MD || t.is_verb() {
            // "wants to say": "to" ends the group; a new one starts there.
            if let Some(lv) = last_verb {
                if !d.has(lv, class::AUX) && d.tag(lv) != Tag::MD {
                    break;
                }
            }
            last_verb = Some(j);
            verbs += 1;
            j += 1;
        } else if j == k && t == Tag::TO {
            j += 1;
        } else if vg_adverb(d, j)
            && last_verb.is_some_and(|lv| d.has(lv, class::AUX) || d.tag(lv) == Tag::MD)
            && (d.tag(j + 1).is_verb() || vg_adverb(d, j + 1) && d.tag(j + 2).is_verb())
        {
            vg.neg |= d.has(j, class::NEG);
            j += 1;
        } else {
            break;
        }
    }
    let head = last_verb?;
    vg.head = head;
    vg.b = head + 1;
    // A particle: "pointed out", "went on", "shot back".
    if d.tag(vg.b) == Tag::RP {
        vg.b += 1;
    }
    vg.aux = verbs > 1 || (head > k && d.tag(k) == Tag::MD);
    let first_verb = (k..=head)
        .find(|&i| d.tag(i) == Tag::MD || d.tag(i).is_verb())
        .unwrap_or(head);
    let ft = d.tag(first_verb);
    let past_form = d
        .toks
        .get(first_verb)
        .and_then(|t| t.word.entry())
        .is_some_and(|e| e.form() & form::PAST != 0);
    vg.finite = !vg.inf
        && (ft == Tag::MD
            || ft.is_finite_verb()
            || ft == Tag::VBN && first_verb == head && past_form);
    let ht = d.tag(head);
    let has_be = (k..head).any(|i| d.has(i, class::BE));
    let participle = ht == Tag::VBN
        || d.toks[head]
            .word
            .entry()
            .is_some_and(|e| e.form() & form::PARTICIPLE != 0 && ht == Tag::VBD);
    vg.passive = has_be && participle;
    vg.ing = ht == Tag::VBG && first_verb == head;
    vg.inf |= k > 0 && d.tag(k - 1) == Tag::TO && ht == Tag::VB;
    Some(vg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::Sentence;
    use crate::lexical::{tag_sentence, tokenize};
    use crate::span::Span;

    fn chunks(text: &str) -> (Vec<String>, Vec<String>) {
        let mut toks = tokenize(text);
        tag_sentence(text, &mut toks);
        let sents = [Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..toks.len(),
            block: 0,
            body: true,
        }];
        let d = Doc::new(text, &toks, &sents, &[], &[Span::new(0, text.len())]);
        let s = Syntax::new(&d, 0, toks.len());
        let nps = s
            .nps
            .iter()
            .map(|n| d.span(n.a, n.b - 1).slice(text).to_string())
            .collect();
        let vgs = s
            .vgs
            .iter()
            .map(|v| d.span(v.a, v.b - 1).slice(text).to_string())
            .collect();
        (nps, vgs)
    }

    #[test]
    fn noun_phrases_and_verb_groups() {
        let (nps, vgs) = chunks(
            "China's foreign ministry has also said the Myanmar-focused analyst would not comment.",
        );
        assert_eq!(
            nps,
            ["China's foreign ministry", "the Myanmar-focused analyst"]
        );
        assert_eq!(vgs, ["has also said", "would not comment"]);
    }

    #[test]
    fn compounds_and_titled_participles_are_nominal() {
        let (nps, _) = chunks("\"We respect them,\" this look-alike declared.");
        assert!(nps.iter().any(|n| n == "this look-alike"), "{nps:?}");
        let (nps, _) = chunks("Organizers said, and managing director John Smith agreed.");
        assert!(
            nps.iter().any(|n| n == "managing director John Smith"),
            "{nps:?}"
        );
    }

    #[test]
    fn infinitives_start_their_own_group() {
        let (_, vgs) = chunks("She wants to cut taxes and pointed out the cost.");
        assert_eq!(vgs, ["wants", "to cut", "pointed out"]);
    }
}
