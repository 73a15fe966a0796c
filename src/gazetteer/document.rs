//! Document-level consistency: one entity, one type and one id across the document.
//!
//! After the lists and the name shapes have spoken, this pass
//! * ties acronyms defined in the text ("Kachin Independence Army (KIA)") to the full name,
//!   wherever they recur;
//! * gives a single word that is part of a longer name the longer name's type and id:
//!   "Rathbun" after "Mark Rathbun", "Daniel" after "Daniel Montalvo", "Scientology" after
//!   "Church of Scientology", "the Church" for the one church of the document; a person's
//!   name beats a list place ("Montalvo", "Paris" after "Valeska Paris");
//! * tags the remaining capitalised single words that read as names: acronyms and unknown
//!   words become ORG, words beside a speech verb PERSON;
//! * retypes a country that plays or beats another ("Sweden beat Mexico") as the team, an
//!   organisation, in every mention of the document.

mod acronyms;

use std::sync::Arc;

use super::patterns::{local, merge, Patterns};
use super::view::{english_word, proper_word, Cx};
use super::words::Role;
use super::{Entity, Label, Origin};
use crate::fasthash::FxHashMap;
use crate::lexical::{class, Lex, Shape, Tag};
use crate::span::Span;

/// WordNet verb class bit of "competition" (beat, defeat, win) in `Entry::wn_verb`.
const WN_COMPETITION: u8 = 1 << 7;

/// An entity a word may link to: its label, id and canonical name.
type Target = (Label, Option<Arc<str>>, Option<Arc<str>>);

/// What a single word stands for in this document.
#[derive(Clone)]
struct Part<'t> {
    key: &'t str,
    /// The key's first eight bytes as a number ([`prefix`]): parts sort and are searched by
    /// (prefix, key), so most comparisons need no string compare.
    prefix: u64,
    label: Label,
    id: Option<Arc<str>>,
    canonical: Option<Arc<str>>,
    /// A head or lead word ("Church"): only used after "the".
    generic: bool,
    /// Two different entities share the word: it links to neither.
    ambiguous: bool,
    /// Part of a place's name ("Kachin" of "Kachin State"): links only after a preposition.
    place: bool,
    /// The one place whose name has the word, when other names have it too: "parts of Kachin"
    /// is Kachin State even with the Kachin Independence Army in the document.
    in_place: Option<Target>,
}

impl Patterns {
    /// The document pass over `found` (sorted, non-overlapping; stays so).
    pub(super) fn link(&self, cx: &Cx, found: &mut Vec<Entity>) {
        self.acronyms(cx, found);
        self.coordinated(cx, found);
        let parts = self.parts(cx, found);
        self.singles(cx, found, &parts);
        join_words(cx, found);
        case_variants(found);
        self.shorter_forms(cx, found);
        one_type(found);
        self.teams(cx, found);
    }

    /// "President Trump" after "Donald Trump", "Supreme Court" after "Italian Supreme Court of
    /// Cassation", "FIFA World Cup" after "FIFA World Cup 2018": a name found by its shape
    /// that is the start, the end or a run of whole words of one longer name of the same type
    /// takes that name's id and canonical name.
    fn shorter_forms(&self, cx: &Cx, found: &mut [Entity]) {
        // Bounded: documents with very many names keep their own ids.
        const MAX: usize = 400;
        // Names of 2 to MAX_RUN words: a list name of a hundred words has no short forms worth
        // its quadratic number of runs.
        let long: Vec<usize> = (0..found.len())
            .filter(|&i| {
                let spaces = found[i].span.slice(cx.text).bytes().filter(|&b| b == b' ');
                (1..super::patterns::MAX_RUN).contains(&spaces.count())
            })
            .take(MAX)
            .collect();
        if long.is_empty() {
            return;
        }
        // The names that may be shorter forms, each with the long names it is a run of
        // whole words of (in order): one lookup per run of a long name, and only the runs
        // some name asks for are kept.
        let mut runs: FxHashMap<(Label, &str), Vec<usize>> = found
            .iter()
            .filter(|e| may_be_short_form(e))
            .map(|e| ((e.label, e.span.slice(cx.text)), Vec::new()))
            .collect();
        if runs.is_empty() {
            return;
        }
        // Word ends of a long name: its spaces (fewer than MAX_RUN), then its end.
        let mut ends: Vec<usize> = Vec::with_capacity(super::patterns::MAX_RUN);
        for &j in &long {
            let t = found[j].span.slice(cx.text);
            ends.clear();
            ends.extend(
                t.bytes()
                    .enumerate()
                    .filter(|&(_, c)| c == b' ')
                    .map(|(i, _)| i),
            );
            let spaces = ends.len();
            ends.push(t.len());
            // Runs [a, b): a at the start or after a space, b at a later space or the end.
            for i in 0..=spaces {
                let a = if i == 0 { 0 } else { ends[i - 1] + 1 };
                for &b in &ends[i..] {
                    if b > a && b - a < t.len() {
                        if let Some(owners) = runs.get_mut(&(found[j].label, &t[a..b])) {
                            owners.push(j);
                        }
                    }
                }
            }
        }
        for i in 0..found.len() {
            if !may_be_short_form(&found[i]) {
                continue;
            }
            let (label, text) = (found[i].label, found[i].span.slice(cx.text));
            let Some(owners) = runs.get(&(label, text)) else {
                continue;
            };
            let mut owner: Option<usize> = None;
            let mut n = 0;
            for &j in owners {
                let o = &found[j];
                if j == i || o.id == found[i].id {
                    continue;
                }
                if owner.is_none_or(|w| found[w].id != o.id) {
                    owner = Some(j);
                    n += 1;
                }
            }
            if let (Some(j), 1) = (owner, n) {
                found[i].id = found[j].id.clone();
                found[i].canonical = found[j].canonical.clone();
                found[i].origin = Origin::Alias;
            }
        }
    }

    /// "Romelu Lukaku, Yannick Carrasco, and Dries Mertens": a name of two or three plain
    /// words that only fell back to ORG (no head word, no acronym, no connector) is a person
    /// when it is listed with two or more people (three names or more) and no organisation.
    fn coordinated(&self, cx: &Cx, found: &mut [Entity]) {
        let mut i = 0;
        while i < found.len() {
            // The list: entities joined by ", ", " and ", ", and ".
            let mut j = i;
            while j + 1 < found.len() {
                let gap = cx.text.get(found[j].span.end..found[j + 1].span.start);
                if !matches!(gap, Some(", " | " and " | ", and ")) {
                    break;
                }
                j += 1;
            }
            let people = || {
                found[i..=j]
                    .iter()
                    .filter(|e| e.label == Label::PERSON)
                    .count()
            };
            if j >= i + 2 && people() >= 2 {
                let list = &found[i..=j];
                // "Raymond Chan of People Power, and Leung Kwok-hung": an affiliation after
                // "of", "from", "at" is no list member.
                let affiliation = |k: usize| {
                    let before = cx.text[..found[k].span.start].trim_end_matches(' ');
                    let word = before
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    matches!(word, "of" | "from" | "at" | "for" | "with" | "by" | "in")
                };
                let weak: Vec<usize> = (i..=j)
                    .filter(|&k| self.weak_org(cx, &found[k]) && !(k == i && affiliation(k)))
                    .collect();
                let orgs = list.iter().filter(|e| e.label == Label::ORG).count();
                if !weak.is_empty() && orgs == weak.len() {
                    for k in weak {
                        found[k].label = Label::PERSON;
                    }
                }
            }
            i = j + 1;
        }
    }

    /// An ORG found by its shape only by default: two or three capitalised words, none of
    /// them a head or lead word, an acronym or a connector.
    fn weak_org(&self, cx: &Cx, e: &Entity) -> bool {
        if e.label != Label::ORG || e.origin != Origin::Pattern {
            return false;
        }
        let at = cx
            .toks
            .partition_point(|t| (t.start as usize) < e.span.start);
        let toks: Vec<usize> = (at..cx.toks.len())
            .take_while(|&k| cx.toks[k].end as usize <= e.span.end)
            .collect();
        (2..=3).contains(&toks.len())
            && toks.iter().all(|&k| {
                let t = &cx.toks[k];
                cx.name_tok(k)
                    && !t.shape.has(Shape::UPPER)
                    && !t.is(class::ORG_HEAD)
                    && self.words.get(t, Role::Head).is_none()
                    && self.words.get(t, Role::Lead).is_none()
            })
    }

    /// Single words of the document's longer names, sorted by word.
    fn parts<'t>(&self, cx: &Cx<'t>, found: &[Entity]) -> Vec<Part<'t>> {
        let toks = cx.toks;
        let mut parts: Vec<Part<'t>> = Vec::new();
        let mut inside: Vec<usize> = Vec::new();
        let mut k = 0;
        for e in found {
            while k < toks.len() && (toks[k].start as usize) < e.span.start {
                k += 1;
            }
            // Name words of the entity, kept in a reused buffer.
            inside.clear();
            inside.extend(
                (k..toks.len())
                    .take_while(|&j| toks[j].end as usize <= e.span.end)
                    .filter(|&j| cx.name_tok(j)),
            );
            if inside.len() < 2 {
                continue;
            }
            let mut push = |j: usize, generic: bool| {
                parts.push(Part {
                    key: cx.word(j),
                    prefix: prefix(cx.word(j)),
                    label: e.label,
                    id: e.id.clone(),
                    canonical: e.canonical.clone(),
                    generic,
                    ambiguous: false,
                    place: matches!(e.label, Label::GPE | Label::LOC),
                    in_place: None,
                });
            };
            match e.label {
                Label::PERSON => {
                    let (f, l) = (inside[0], inside[inside.len() - 1]);
                    for j in [f, l] {
                        let hyphenated = (cx.is_punct(j + 1, b'-') && cx.glued(j + 1))
                            || (j > 0 && cx.glued(j) && cx.is_punct(j - 1, b'-'));
                        if !hyphenated && toks[j].end - toks[j].start >= 2 {
                            push(j, false);
                        }
                    }
                }
                Label::ORG | Label::EVENT | Label::FAC | Label::WORK_OF_ART | Label::PRODUCT => {
                    for &j in &inside {
                        let t = &toks[j];
                        let generic = t.is(class::ORG_HEAD)
                            || self.words.get(t, Role::Head).is_some()
                            || self.words.get(t, Role::Lead).is_some();
                        if generic && j != inside[0] && j != inside[inside.len() - 1] {
                            continue;
                        }
                        let distinctive = proper_word(t) && !t.lex.has(Lex::STOP);
                        if generic || distinctive && t.end - t.start >= 3 {
                            push(j, generic);
                        }
                    }
                }
                // "Kachin State", "Gaza Strip": the first word, when it is no English word
                // ("New", "North" are).
                Label::GPE | Label::LOC => {
                    let t = &toks[inside[0]];
                    if proper_word(t) && !english_word(t) && t.end - t.start >= 3 {
                        push(inside[0], false);
                    }
                }
                _ => {}
            }
        }
        // Places after the other names of a word, so a group's first part is a non-place
        // when it has one.
        parts.sort_by(|a, b| {
            (a.prefix, a.key, a.generic, a.place).cmp(&(b.prefix, b.key, b.generic, b.place))
        });
        // A word two entities share links to neither ("Wong" of two Wongs), or, after a
        // preposition, to the one place among them.
        let mut i = 0;
        while i < parts.len() {
            let mut j = i + 1;
            while j < parts.len()
                && parts[j].key == parts[i].key
                && parts[j].generic == parts[i].generic
            {
                j += 1;
            }
            if parts[i..j].iter().any(|p| p.id != parts[i].id) {
                let mut places = parts[i..j].iter().filter(|p| p.place);
                let place = places
                    .next()
                    .map(|p| (p.label, p.id.clone(), p.canonical.clone()));
                let one_place =
                    place.is_some() && places.all(|p| Some(&p.id) == place.as_ref().map(|x| &x.1));
                for p in &mut parts[i..j] {
                    p.ambiguous = true;
                    p.place |= place.is_some();
                    p.in_place = place.clone().filter(|_| one_place);
                }
            }
            i = j;
        }
        parts.dedup_by(|a, b| a.key == b.key && a.generic == b.generic);
        parts
    }

    /// Capitalised single words outside every entity (and list places that are a person's
    /// name here): linked to a longer name, or tagged by their shape.
    fn singles(&self, cx: &Cx, found: &mut Vec<Entity>, parts: &[Part]) {
        let toks = cx.toks;
        // The part for a word, whether or not it links on its own.
        let any_part = |key: &str, generic: bool| {
            let pre = prefix(key);
            parts
                .binary_search_by(|p| (p.prefix, p.key, p.generic).cmp(&(pre, key, generic)))
                .ok()
                .map(|i| &parts[i])
        };
        let find = |key: &str, generic: bool| any_part(key, generic).filter(|p| !p.ambiguous);
        let product_cue = |k: usize| {
            k > 0 && {
                let c = &toks[k - 1];
                c.shape.has(Shape::LOWER) && self.words.has(c, Role::ProductCue)
            }
        };
        let mut new = Vec::with_capacity(cx.names.len() / 4);
        let mut retyped = Vec::new();
        // A one-word list place that is a person's name in this document, or a product's
        // ("the shuttle Columbia").
        for x in found.iter() {
            if x.origin != Origin::List
                || !matches!(x.label, Label::GPE | Label::LOC | Label::FAC | Label::NORP)
            {
                continue;
            }
            let k = toks.partition_point(|t| (t.start as usize) < x.span.start);
            let Some(t) = toks.get(k).filter(|t| t.span() == x.span) else {
                continue;
            };
            if let Some(p) = find(cx.word(k), false).filter(|p| p.label == Label::PERSON) {
                retyped.push(alias(t.span(), &part_entity(p, t.span())));
            } else if product_cue(k) {
                retyped.push(local(t.span(), cx.text, Label::PRODUCT));
            }
        }
        // The name words outside every entity.
        let mut f = 0;
        for &k in &cx.names {
            let k = k as usize;
            let t = &toks[k];
            let (s, e) = (t.start as usize, t.end as usize);
            while f < found.len() && found[f].span.end <= s {
                f += 1;
            }
            if found.get(f).is_some_and(|x| x.span.start < e) {
                continue;
            }
            let product = product_cue(k);
            if self.words.has(t, Role::NotName) {
                continue;
            }
            // "pro-Beijing": a prefix glued before the name.
            if k > 1
                && cx.glued(k)
                && cx.is_punct(k - 1, b'-')
                && toks[k - 2].shape.has(Shape::LOWER)
            {
                continue;
            }
            let w = cx.word(k);
            let the_before = k > 0 && toks[k - 1].word == self.ids.the;
            let after_prep = k > 0 && toks[k - 1].is(class::PREP);
            if let Some(p) = find(w, false)
                .filter(|p| !p.place || after_prep)
                .or_else(|| if the_before { find(w, true) } else { None })
            {
                new.push(alias(t.span(), &part_entity(p, t.span())));
                continue;
            }
            if let Some(p) = any_part(w, false).filter(|p| p.place) {
                // "parts of Kachin": the place; "a Kachin activist": no name of its own.
                if let Some((label, id, canonical)) = p.in_place.as_ref().filter(|_| after_prep) {
                    new.push(linked(t.span(), *label, id, canonical));
                }
                continue;
            }
            // A known word opening a sentence ("Police arrested"), a hashtag or handle, a
            // prefix ("Co-founder").
            let known = english_word(t) && !t.is(class::FIRST_NAME);
            if cx.initial[k] && (known || !proper_word(t)) {
                continue;
            }
            if k > 0 && cx.glued(k) && (cx.is_punct(k - 1, b'#') || cx.is_punct(k - 1, b'@')) {
                continue;
            }
            // "Co-founder": a word glued to a hyphen and a lower-case word ("Paris-based" is a
            // list place, found before this pass).
            if cx.is_punct(k + 1, b'-')
                && cx.glued(k + 1)
                && (known
                    || toks
                        .get(k + 2)
                        .is_some_and(|n| cx.glued(k + 2) && n.shape.has(Shape::LOWER)))
            {
                continue;
            }
            if t.is(class::TITLE)
                || t.is(class::ABBREV_TITLE)
                || t.is(class::ROLE)
                || self.title_at(cx, k).is_some()
            {
                continue;
            }
            // An acronym, not a word in capitals for emphasis ("UNLESS").
            // Not a dateline ("DODOMA, Tanzania") either.
            let dateline = cx.initial[k] && cx.is_punct(k + 1, b',');
            if dateline && t.shape.has(Shape::UPPER) {
                continue;
            }
            // Nor a Roman numeral ("part XVII"), nor a longer word of English ("UNLESS").
            let word_of_english = t.word.entry().is_some_and(|e| {
                let tag = e.tag_lower();
                e.wn_pos() != 0
                    || !(tag.is_noun()
                        || tag.is_proper()
                        || matches!(tag, Tag::NONE | Tag::FW | Tag::SYM | Tag::LS))
            });
            if t.shape.has(Shape::UPPER)
                && (known && word_of_english && e - s >= 4
                    || cx
                        .text
                        .as_bytes()
                        .get(s..e)
                        .unwrap_or_default()
                        .iter()
                        .all(|b| matches!(b, b'I' | b'V' | b'X')))
            {
                continue;
            }
            let upper = t.shape.has(Shape::UPPER)
                && (2..=6).contains(&(e - s))
                && !dateline
                && !t.lex.has(Lex::STOP)
                && !(known && t.word.entry().is_some_and(|e| e.wn_pos() != 0));
            // A common word in capitals ("Agriculture", "Permanent Secretary") is no name
            // of its own, unless it is "the X".
            let common = known && t.word.entry().is_some_and(|e| e.wn_pos() != 0);
            if common && !upper && !t.is(class::FIRST_NAME) && !the_before {
                continue;
            }
            if t.class().any(super::view::NOT_START) && !upper {
                continue;
            }
            let label = if product {
                Label::PRODUCT
            } else if upper {
                Label::ORG
            } else if t.is(class::FIRST_NAME) || self.speaker_context(cx, k, k) {
                Label::PERSON
            } else if proper_word(t) && t.tag != Tag::NNPS && !cx.headline[k] {
                Label::ORG
            } else {
                continue;
            };
            new.push(local(t.span(), cx.text, label));
        }
        replace_singles(found, &retyped);
        merge(found, new);
    }

    /// "Sweden beat Mexico", "against Belgium": a country that competes is its team.
    fn teams(&self, cx: &Cx, found: &mut [Entity]) {
        let toks = cx.toks;
        let competes = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.shape.has(Shape::LOWER)
                    && (t.tag == Tag::NONE || t.tag.is_verb())
                    && t.word.entry().is_some_and(|e| {
                        e.wn_verb() & WN_COMPETITION != 0
                            || self
                                .words
                                .has_id(e.lemma().map_or(e.id(), |l| l.id()), Role::TeamVerb)
                    })
            })
        };
        let mut teams: Vec<Arc<str>> = Vec::new();
        // "against Belgium" counts only where some country competes by a verb: not in
        // "retaliation against U.S. tariffs".
        let mut against_only: Vec<Arc<str>> = Vec::new();
        let mut k = 0;
        for e in found.iter() {
            // Countries and the home nations ("England": ISO3166-2:GB-ENG).
            if e.label != Label::GPE || !e.id.as_deref().is_some_and(|i| i.starts_with("ISO3166")) {
                continue;
            }
            while k < toks.len() && (toks[k].start as usize) < e.span.start {
                k += 1;
            }
            let last = (k..toks.len())
                .take_while(|&j| toks[j].end as usize <= e.span.end)
                .last()
                .unwrap_or(k);
            let prev = k.checked_sub(1).map(|p| &toks[p]);
            let against = prev.is_some_and(|p| p.word == self.ids.against || p.word == self.ids.vs);
            // "Sweden beat", "Sweden's 1-0 win": a competition verb beside the country.
            let next = if cx.word(last + 1) == "'s" {
                last + 2
            } else {
                last + 1
            };
            let Some(id) = &e.id else { continue };
            if competes(next) || k > 0 && competes(k - 1) {
                if !teams.contains(id) {
                    teams.push(id.clone());
                }
            } else if against && !cx.name_tok(last + 1) && !against_only.contains(id) {
                against_only.push(id.clone());
            }
        }
        if teams.is_empty() {
            return;
        }
        teams.extend(against_only);
        for e in found.iter_mut() {
            if e.label == Label::GPE && e.id.as_ref().is_some_and(|i| teams.contains(i)) {
                e.label = Label::ORG;
            }
        }
    }
}

/// One type per name of two or more words found by its shape: mentions with the same local id ("Dries Mertens"
/// in a list of players, then "Dries Mertens scored", where "Dries" reads as a verb) take the
/// label most of the mentions found by their shape have, the first one's on a tie (news names
/// a person or a body with the most context the first time). Runs after the short forms are
/// linked, so a short form of a longer name ("K Mart" of "K Mart Corp") keeps that name.
fn one_type(found: &mut [Entity]) {
    // (id prefix, id, mention, votes): every mention with a local id of two or more words,
    // sorted by id (most comparisons settled by the prefix, without a string compare).
    let mut ms: Vec<(u64, &str, usize, bool)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let id = e.id.as_deref()?.strip_prefix("local:")?;
            // Short forms linked to a longer name took its label: they do not vote.
            id.contains(' ')
                .then(|| (prefix(id), id, i, e.origin == Origin::Pattern))
        })
        .collect();
    if ms.len() < 2 {
        return;
    }
    ms.sort_unstable();
    let mut relabel: Vec<(usize, Label)> = Vec::new();
    let mut at = 0;
    while at < ms.len() {
        let end = at
            + ms[at..]
                .iter()
                .take_while(|m| m.0 == ms[at].0 && m.1 == ms[at].1)
                .count();
        let group = &ms[at..end];
        let voters = || group.iter().filter(|m| m.3).map(|m| found[m.2].label);
        if let Some(first) = voters().next() {
            if voters().any(|l| l != first) {
                // Most votes, then the earliest mention (the group is in mention order): a
                // tally per label, so a name repeated ten thousand times stays linear.
                let mut tally: Vec<(Label, usize)> = Vec::new();
                for l in voters() {
                    match tally.iter_mut().find(|t| t.0 == l) {
                        Some(t) => t.1 += 1,
                        None => tally.push((l, 1)),
                    }
                }
                let best = tally
                    .iter()
                    .fold((first, 0), |b, t| if t.1 > b.1 { *t } else { b })
                    .0;
                relabel.extend(group.iter().map(|m| (m.2, best)));
            }
        }
        at = end;
    }
    for (i, l) in relabel {
        found[i].label = l;
    }
}

/// Adjacent words that each link to the same longer name and together are a run of its words
/// are one mention: "Dries Mertens's attempt", where the sentence-initial "Dries" reads as a
/// verb and the two words were linked one by one.
fn join_words(cx: &Cx, found: &mut Vec<Entity>) {
    let pair = |a: &Entity, b: &Entity| {
        a.origin == Origin::Alias
            && b.origin == Origin::Alias
            && a.id.is_some()
            && a.id == b.id
            && cx.text.get(a.span.end..b.span.start) == Some(" ")
    };
    if !found.windows(2).any(|w| pair(&w[0], &w[1])) {
        return;
    }
    let mut out: Vec<Entity> = Vec::with_capacity(found.len());
    for e in found.drain(..) {
        if let Some(prev) = out.last_mut() {
            if pair(prev, &e) {
                let joined = Span::new(prev.span.start, e.span.end).slice(cx.text);
                let whole = prev.canonical.as_deref().is_some_and(|c| {
                    c.match_indices(joined).any(|(at, m)| {
                        let before = c[..at].chars().next_back();
                        let after = c[at + m.len()..].chars().next();
                        before.is_none_or(|ch| ch == ' ') && after.is_none_or(|ch| ch == ' ')
                    })
                });
                if whole {
                    prev.span = Span::new(prev.span.start, e.span.end);
                    continue;
                }
            }
        }
        out.push(e);
    }
    *found = out;
}

/// "Playstation VR" after "PlayStation VR": names found in the text whose local ids differ
/// only in ASCII case are one entity; the later mentions take the first one's id and
/// canonical name (their labels are then settled by [`one_type`]).
fn case_variants(found: &mut [Entity]) {
    use std::collections::hash_map::Entry;
    let mut first: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for i in 0..found.len() {
        let Some(id) = found[i].id.as_deref().filter(|i| i.starts_with("local:")) else {
            continue;
        };
        match first.entry(crate::fasthash::FxHasher::ascii_folded(id.as_bytes())) {
            Entry::Vacant(v) => {
                v.insert(i);
            }
            Entry::Occupied(o) => {
                let j = *o.get();
                let same = found[j]
                    .id
                    .as_deref()
                    .is_some_and(|f| f != id && f.eq_ignore_ascii_case(id));
                if same {
                    found[i].id = found[j].id.clone();
                    found[i].canonical = found[j].canonical.clone();
                }
            }
        }
    }
}

/// A mention that may be the short form of a longer name of the document: one found by its
/// shape, or a generic list name with no id of its own ("Supreme Court", listed without a
/// country, after "Italian Supreme Court of Cassation").
fn may_be_short_form(e: &Entity) -> bool {
    match e.origin {
        Origin::Pattern => true,
        Origin::List => e.id.as_deref().is_some_and(|i| i.starts_with("local:")),
        Origin::Alias => false,
    }
}

/// A mention at `span` linked to the entity `(label, id, canonical)`.
fn linked(span: Span, label: Label, id: &Option<Arc<str>>, canonical: &Option<Arc<str>>) -> Entity {
    Entity {
        span,
        label,
        id: id.clone(),
        canonical: canonical.clone(),
        origin: Origin::Alias,
    }
}

fn part_entity(p: &Part, span: Span) -> Entity {
    linked(span, p.label, &p.id, &p.canonical)
}

fn alias(span: Span, full: &Entity) -> Entity {
    linked(span, full.label, &full.id, &full.canonical)
}

/// The first eight bytes of `key` (zero-padded) as a big-endian number: ordering by it, then
/// by the key, is a total order in which most pairs differ in the number.
#[inline]
fn prefix(key: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = key.len().min(8);
    b[..n].copy_from_slice(&key.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// Replaces entities of `found` with the same span as one in `new` (both sorted).
fn replace_singles(found: &mut [Entity], new: &[Entity]) {
    for n in new {
        if let Ok(i) = found.binary_search_by_key(&n.span.start, |e| e.span.start) {
            if found[i].span == n.span {
                found[i] = n.clone();
            }
        }
    }
}
