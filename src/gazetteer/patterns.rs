//! Entities no list will ever hold ("Maj. Naung Yoe", "Church of Scientology", "Google
//! Science Fair"), found from the shapes names take in news text on the token layer, then
//! linked within the document ([`super::document`]).
//!
//! A *run* is a stretch of capitalised tokens with the connectors a name may hold inside
//! ("of", "for", "&", "de la", "bin", a glued hyphen: "Wong Kwok-wai"). It never starts with a
//! determiner, a stop word, a weekday or month, a caption label ("Image:") or, at the start of a
//! sentence, a word the tagger does not take for a proper noun; it stops at a title ("the U.S.
//! Mr. Lee"), at a stop word after an abbreviation ("D.C. The"), at a line break and at a
//! possessive. A run becomes:
//! * EVENT, FAC, LOC, GPE or ORG by its last word ("Fair", "Hall", "River", "County",
//!   "Institute") or its first word before "of" ("Church of", "City of", "Battle of");
//! * PERSON after a title ("Maj.", "President"), with a known first name, after a role noun
//!   ("captain Harry Kane"), beside a speech verb or in an appositive with a role;
//! * PRODUCT or WORK_OF_ART beside a cue noun ("the browser X", "the book X");
//! * otherwise PERSON when every word looks like a name (no common English word in it) and
//!   ORG when it holds common words ("Sea Org").
//!
//! Single capitalised words are left to the document pass, which knows the longer names.

use crate::fasthash::FxHashMap;
use std::sync::Arc;

use super::view::Cx;
use super::view::{adherent, camel, english_word, name_like, proper_word, Ids};
use super::words::{NameWords, Role};
use super::{Entity, Label, Origin};
use crate::lexical::{class, lookup_id, Shape, Tag, WordId};
use crate::segmentation::{data_lines, Token, TokenKind};
use crate::span::Span;

mod runs;
pub(super) use runs::MAX_RUN;

const TITLES: &str = include_str!("../../data/person_titles.txt");

/// Pattern rules and their word tables.
pub struct Patterns {
    /// Titles by their first word, each as word ids, longest first.
    titles: FxHashMap<WordId, Vec<Vec<WordId>>>,
    pub(super) words: NameWords,
    pub(super) ids: Ids,
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns::new()
    }
}

/// A capitalised run: [first, last] token indices.
#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    pub first: usize,
    pub last: usize,
}

impl Patterns {
    /// The rules with the built-in word lists.
    pub fn new() -> Patterns {
        let mut titles: FxHashMap<WordId, Vec<Vec<WordId>>> = Default::default();
        for l in data_lines(TITLES) {
            // "Mr." is a token with the word id of "mr" (unless the lexicon has the dotted form).
            let id = |w: &str| {
                let d = lookup_id(w);
                if d.is_none() {
                    lookup_id(w.trim_end_matches('.'))
                } else {
                    d
                }
            };
            let words: Vec<WordId> = l.split_whitespace().map(id).collect();
            if words.iter().any(|w| w.is_none()) {
                continue;
            }
            if let Some(&first) = words.first() {
                titles.entry(first).or_default().push(words);
            }
        }
        // Longest first so "Lt. Gen." wins over "Lt.".
        for v in titles.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.len()));
            v.dedup();
        }
        Patterns {
            titles,
            words: NameWords::new(),
            ids: Ids::new(),
        }
    }

    /// Adds pattern entities, acronyms and short forms to `found` (list matches), keeping
    /// the result sorted and non-overlapping.
    pub fn apply(&self, text: &str, tokens: &[Token], found: &mut Vec<Entity>) {
        let cx = Cx::new(text, tokens);
        let runs = self.runs(&cx);
        let mut new = Vec::with_capacity(runs.len());
        for run in runs {
            self.classify_run(&cx, run, found, &mut new);
        }
        merge(found, new);
        self.link(&cx, found);
    }

    /// Classifies one run (and, when it does not hold together, its parts) into `out`.
    fn classify_run(&self, cx: &Cx, run: Run, found: &[Entity], out: &mut Vec<Entity>) {
        let mut first = run.first;
        let last = run.last;
        // Titles at the start mark a person and are not part of the name.
        let mut titled = false;
        while let Some(n) = self.title_at(cx, first) {
            if first + n > last {
                break;
            }
            titled = true;
            first += n;
            // "Minister of Education Stefania Giannini": the title runs on through "of X".
            let ids = &self.ids;
            if first < last && (cx.toks[first].word == ids.of || cx.toks[first].word == ids.for_) {
                let mut k = first + 1;
                if cx.toks[k].word == ids.the {
                    k += 1;
                }
                let end = self.list_end(cx, k, found).unwrap_or(k);
                if end < last && cx.name_tok(end + 1) {
                    first = end + 1;
                }
            }
        }
        // "Actor Mark Hamill", "Volunteer organization Comic Corps": a role or an
        // organisation noun opening the sentence is not part of the name.
        while first < last
            && (cx.toks[first].kind != TokenKind::Word
                || !cx.toks[first].shape.has(Shape::CAP)
                || self.words.has(&cx.toks[first], Role::NotName)
                || cx.initial[first]
                    && cx.toks[first]
                        .class()
                        .any(class::ROLE.or(class::ORG_DESCRIPTOR).or(class::PERSON_NOUN))
                    && !cx.toks[first].is(class::FIRST_NAME))
        {
            first += 1;
        }
        if first == last && self.words.has(&cx.toks[first], Role::NotName) {
            return;
        }
        if first > last {
            return;
        }
        if let Some(e) = self.classify(cx, first, last, titled, found) {
            out.push(e);
            return;
        }
        // Not a name as a whole: "Sweden and Belgium", "United States Hamdullah Mohib"; cut at
        // an "and" first ("Massachusetts Institute of Technology and Colorado State University").
        if let Some(and) = (first + 1..last).find(|&k| cx.toks[k].word == self.ids.and) {
            if let Some(e) = self.classify(cx, first, and - 1, titled, found) {
                out.push(e);
                if let Some(r) = (and..=last).find(|&k| cx.name_tok(k)) {
                    self.classify_run(cx, Run { first: r, last }, found, out);
                }
                return;
            }
        }
        if let Some(cut) = (first + 1..=last).find(|&k| !cx.name_tok(k) && !self.joint(cx, k)) {
            if let Some(e) = self.classify(cx, first, cut - 1, titled, found) {
                out.push(e);
            }
            if let Some(r) = (cut..=last).find(|&k| cx.name_tok(k)) {
                self.classify_run(cx, Run { first: r, last }, found, out);
            }
            return;
        }
        // "Scientologist Tom Cruise": the words before a first name, then the person.
        if let Some(f) = (first + 1..last).find(|&k| self.person_inside(cx, first, k)) {
            if last - f <= 2 && (f + 1..=last).all(|k| cx.name_tok(k) || self.inside_person(cx, k))
            {
                if f - 1 == first && adherent(cx.word(first)) {
                    // A religious or political group's member: NORP, as OntoNotes has it.
                    out.push(local(cx.toks[first].span(), cx.text, Label::NORP));
                } else if let Some(e) = self.classify(cx, first, f - 1, titled, found) {
                    out.push(e);
                }
                if let Some(e) = self.classify(cx, f, last, false, found) {
                    out.push(e);
                }
                return;
            }
        }
        // A list entity at the start, a name after it.
        let at = found.partition_point(|e| e.span.end <= cx.toks[first].start as usize);
        if let Some(e) = found
            .get(at)
            .filter(|e| e.span.start == cx.toks[first].start as usize)
        {
            if let Some(r) = (first + 1..=last).find(|&k| cx.toks[k].start as usize >= e.span.end) {
                if cx.name_tok(r) && r < last {
                    self.classify_run(cx, Run { first: r, last }, found, out);
                }
            }
        }
    }

    /// The entity a run [first, last] (titles stripped) names, if it is one.
    fn classify(
        &self,
        cx: &Cx,
        first: usize,
        mut last: usize,
        titled: bool,
        found: &[Entity],
    ) -> Option<Entity> {
        let toks = cx.toks;
        let n_words = (first..=last).filter(|&k| cx.name_tok(k)).count();
        // A year after an event name: "FIFA World Cup 2018".
        let head = &toks[last];
        let mut event = self.words.get(head, Role::Head) == Some(Label::EVENT);
        // "Fan Expo Canada": an event name, then the place it is held in.
        if !event && n_words >= 3 {
            if let Some(h) = (first + 1..last)
                .rev()
                .find(|&k| self.words.get(&toks[k], Role::Head) == Some(Label::EVENT))
            {
                let rest = Span::new(toks[h + 1].start as usize, toks[last].end as usize);
                event = found
                    .iter()
                    .any(|e| e.span == rest && matches!(e.label, Label::GPE | Label::LOC));
            }
        }
        if event
            && toks.get(last + 1).is_some_and(|t| {
                t.kind == TokenKind::Number && t.end - t.start == 4 && cx.adjacent(last, last + 1)
            })
        {
            last += 1;
        }
        let span = Span::new(toks[first].start as usize, toks[last].end as usize);
        let at = found.partition_point(|e| e.span.end <= span.start);
        let near = &found[at..found.partition_point(|e| e.span.start < span.end).max(at)];
        // A list match covering the whole run already says what it is.
        if near.iter().any(|e| e.span == span) {
            return None;
        }
        if near.iter().any(|e| e.span.contains(span) && e.span != span) {
            return None;
        }
        let label = |l: Label| Some(local(span, cx.text, l));
        let all_caps = (first..=last).all(|k| !cx.name_tok(k) || toks[k].shape.has(Shape::UPPER));
        if n_words >= 2 || event {
            if event && n_words >= 1 && !titled {
                return label(Label::EVENT);
            }
            if let Some(l) = self.by_head_or_lead(cx, first, last, titled, near) {
                return label(l);
            }
        }
        // People's names do not run on through "of", "for", "and": "Neha Mukherjee of U.K.".
        if (first + 1..=last).any(|k| !cx.name_tok(k) && !self.inside_person(cx, k)) {
            return None;
        }
        if titled && !all_caps && n_words <= 4 {
            return label(Label::PERSON);
        }
        if n_words == 1 {
            return None;
        }
        if n_words > 5 || all_caps {
            return None;
        }
        if let Some(l) = self.by_cue(cx, first, last) {
            if l != Label::PERSON || !brand_shaped(cx, first, last) {
                return label(l);
            }
        }
        if hyphen_given(cx, first, last) {
            return label(Label::PERSON);
        }
        // A place or nationality from a list, then a name: "United States Hamdullah Mohib".
        if !toks[first].is(class::FIRST_NAME)
            && self
                .list_end(cx, first, found)
                .is_some_and(|e| (e + 1..=last).filter(|&k| cx.name_tok(k)).count() >= 2)
        {
            return None;
        }
        // "Scientologist Tom Cruise": a first name inside the run starts the person's name.
        if let Some(f) = (first + 1..last).find(|&k| self.person_inside(cx, first, k)) {
            if (f + 1..=last).all(|k| cx.name_tok(k) || self.inside_person(cx, k)) && last - f <= 2
            {
                return None;
            }
        }
        let given = self.words.has(&toks[first], Role::GivenName)
            && (first + 1..=last).any(|k| cx.name_tok(k) && name_like(&toks[k]));
        let first_name = (toks[first].is(class::FIRST_NAME) || given) && n_words <= 4;
        // The run must not just be list entities glued together ("Myanmar Kachin").
        let covered = near
            .iter()
            .filter(|e| span.contains(e.span))
            .map(|e| e.span.len())
            .sum::<usize>();
        if covered * 2 > span.len() && !first_name {
            return None;
        }
        if first_name {
            return label(Label::PERSON);
        }
        // "said engineer Tomasz Nowak", "English captain Harry Kane": a role word before a name.
        if first > 0
            && toks[first - 1]
                .class()
                .any(class::ROLE.or(class::PERSON_NOUN))
            && n_words <= 3
        {
            return label(Label::PERSON);
        }
        if self.speaker_context(cx, first, last) {
            return label(Label::PERSON);
        }
        // Plain name words, none shaped like a brand ("PlayStation VR", "YouTube Kids").
        if n_words <= 4
            && (first..=last).all(|k| {
                !cx.name_tok(k) || name_like(&toks[k]) || self.words.has(&toks[k], Role::GivenName)
            })
            && !brand_shaped(cx, first, last)
        {
            return label(Label::PERSON);
        }
        label(Label::ORG)
    }

    /// Whether a person's name starts at token `k` inside the run from `first`: a first name
    /// after common words ("Scientologist Tom Cruise", not "Hernan Dario Gomez" or "L. Ron
    /// Hubbard").
    fn person_inside(&self, cx: &Cx, first: usize, k: usize) -> bool {
        let toks = cx.toks;
        toks[k].is(class::FIRST_NAME)
            && (first..k).all(|j| {
                let t = &toks[j];
                cx.name_tok(j)
                    && !t.shape.has(Shape::INITIAL)
                    && !t.is(class::FIRST_NAME)
                    && !self.words.has(t, Role::GivenName)
                    && (english_word(t) || adherent(cx.word(j)))
            })
    }

    /// A lower-case token inside a person's name: a particle or a part of a hyphenated word.
    fn inside_person(&self, cx: &Cx, k: usize) -> bool {
        self.words.has(&cx.toks[k], Role::Particle) || self.joint(cx, k)
    }

    /// A token that is part of a hyphenated word: the glued hyphen or the part after it.
    fn joint(&self, cx: &Cx, k: usize) -> bool {
        (cx.is_punct(k, b'-') && cx.glued(k)) || (cx.glued(k) && k > 0 && cx.is_punct(k - 1, b'-'))
    }

    /// The last token of the list entity starting at token `k`, if one does.
    fn list_end(&self, cx: &Cx, k: usize, found: &[Entity]) -> Option<usize> {
        let start = cx.toks.get(k)?.start as usize;
        let at = found.partition_point(|e| e.span.end <= start);
        let e = found.get(at).filter(|e| e.span.start == start)?;
        (k..cx.toks.len())
            .take_while(|&j| cx.toks[j].end as usize <= e.span.end)
            .last()
    }

    /// EVENT, ORG, FAC, LOC or GPE from the last word or the first word before "of".
    fn by_head_or_lead(
        &self,
        cx: &Cx,
        first: usize,
        last: usize,
        titled: bool,
        near: &[Entity],
    ) -> Option<Label> {
        if titled {
            return None;
        }
        let toks = cx.toks;
        // "Goran Petrovic of the Adriatic Hoteliers Association": a person, then his
        // organisation.
        if let Some(c) = (first + 1..last).find(|&k| !cx.name_tok(k)) {
            let given = |k: usize| name_like(&toks[k]) || self.words.has(&toks[k], Role::GivenName);
            // "Claudia Mo of the Civic Party": a first name opens it.
            let person = toks[first].is(class::FIRST_NAME)
                && c - first == 2
                && !toks[c - 1].is(class::ORG_HEAD)
                && self.words.get(&toks[c - 1], Role::Head).is_none();
            if c - first >= 2 && (person || (first..c).all(given)) {
                return None;
            }
        }
        // "Massachusetts Institute of Technology and Colorado State University": a list name
        // right after "and" starts a second name, whatever the last word is.
        let ids = &self.ids;
        let and = (first + 1..last).find(|&k| toks[k].word == ids.and);
        let company = self.words.has(&toks[last], Role::LegalSuffix);
        if let Some(a) = and.filter(|_| !company) {
            let next = toks[a + 1].start as usize;
            // Or a second organisation after a whole first one (with its "of", or ending in a
            // head): two or more name words, the first no common word, the last a head ("...
            // and Colorado State University", "Civic Party and Wong Pik-wan of the Democratic
            // Party"; not "Department of Health and Human Services", "Marks and Spencer Group").
            let second = last - a >= 2
                && toks[last].is(class::ORG_HEAD)
                && proper_word(&toks[a + 1])
                && ((first + 1..a).any(|k| toks[k].word == ids.of)
                    || toks[a - 1].is(class::ORG_HEAD));
            if second || near.iter().any(|e| e.span.start == next) {
                return None;
            }
        }
        let head = &toks[last];
        let org_head = head.is(class::ORG_HEAD);
        let prev_descriptor = first > 0 && toks[first - 1].is(class::ORG_DESCRIPTOR);
        let next_descriptor = toks
            .get(last + 1)
            .is_some_and(|n| n.is(class::ORG_DESCRIPTOR) || n.word == self.ids.think);
        if org_head || company || prev_descriptor || next_descriptor {
            return Some(Label::ORG);
        }
        if let Some(l) = self.words.get(head, Role::Head) {
            return Some(l);
        }
        // "Church of Scientology", "Massachusetts Institute of Technology", "Council on
        // American-Islamic Relations": an organisation word before the first "of", "on", "for".
        let conn = (first + 1..last).find(|&k| {
            let w = toks[k].word;
            (w == ids.of || w == ids.on || w == ids.for_) && !toks[k].shape.has(Shape::CAP)
        })?;
        // "Sweden and Belgium" is two names; "Union of Rationalist Atheists and Agnostics",
        // "Department of Health and Human Services" one: "and" after the "of", then at most
        // three plain words (no list name, first name, acronym, connector or second "Bank").
        if let Some(a) = and {
            let after = Span::new(toks[a].end as usize, toks[last].end as usize);
            let plain = |k: usize| {
                let t = &toks[k];
                cx.name_tok(k)
                    && !t.shape.has(Shape::UPPER)
                    && !t.is(class::FIRST_NAME)
                    && t.word != toks[first].word
            };
            if a < conn
                || last - a > 3
                || !(a + 1..=last).all(plain)
                || near
                    .iter()
                    .any(|e| after.contains(e.span) || e.span.end == toks[a - 1].end as usize)
            {
                return None;
            }
        }
        let before = &toks[conn - 1];
        if conn - 1 == first {
            if let Some(l) = self.words.get(before, Role::Lead) {
                return (and.is_none() || l == Label::ORG).then_some(l);
            }
        }
        if before.is(class::ORG_HEAD) || self.words.get(before, Role::Lead) == Some(Label::ORG) {
            return Some(Label::ORG);
        }
        None
    }

    /// PRODUCT or WORK_OF_ART from a cue noun before or after the run.
    fn by_cue(&self, cx: &Cx, first: usize, last: usize) -> Option<Label> {
        let toks = cx.toks;
        let before = first.checked_sub(1).map(|k| &toks[k]);
        let after = toks.get(last + 1);
        for t in [before, after].into_iter().flatten() {
            if t.shape.has(Shape::LOWER) {
                if let Some(l) = self.words.get(t, Role::ProductCue) {
                    return Some(l);
                }
            }
        }
        if let Some(t) = before.filter(|t| t.shape.has(Shape::LOWER)) {
            if let Some(l) = self.words.get(t, Role::WorkCue) {
                return Some(l);
            }
        }
        None
    }

    /// "Khon Ja, a Kachin activist", "said David Mathieson", "Nathan Ruser ... said",
    /// "according to Naung Yoe".
    pub(super) fn speaker_context(&self, cx: &Cx, first: usize, last: usize) -> bool {
        let toks = cx.toks;
        let cue = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.shape.has(Shape::LOWER)
                    && (t.tag == Tag::NONE || t.tag.is_verb())
                    && t.word.entry().is_some_and(|e| e.cue().is_some())
            })
        };
        if first > 0
            && (cue(first - 1)
                || toks[first - 1].word == self.ids.to
                    && first > 1
                    && toks[first - 2].word == self.ids.according)
        {
            return true;
        }
        if cue(last + 1) {
            return true;
        }
        if cx.is_punct(last + 1, b',') {
            // Appositive: ", a/an/the ... ROLE" or ", 62," (age) within a few tokens.
            if toks
                .get(last + 2)
                .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 3)
            {
                return true;
            }
            let det = toks.get(last + 2).map_or(WordId::NONE, |t| t.word);
            if det == self.ids.a || det == self.ids.an || det == self.ids.the || det == self.ids.who
            {
                return toks[(last + 3).min(toks.len())..]
                    .iter()
                    .take(8)
                    .take_while(|t| t.kind != TokenKind::Punct)
                    .any(|t| t.is(class::ROLE));
            }
        }
        false
    }
}

/// A pattern entity with a local id from its text.
/// "Park Joo-Ho", "Kim Ji-sung", "Ban Ki-moon": a short surname, then a given name of two short
/// syllables joined by a hyphen (Korean, Chinese, Vietnamese names in Latin letters), whatever
/// the words mean in English.
fn hyphen_given(cx: &Cx, first: usize, last: usize) -> bool {
    let len = |k: usize| cx.toks[k].end - cx.toks[k].start;
    let word = |k: usize| {
        let t = &cx.toks[k];
        t.kind == TokenKind::Word && !t.shape.has(Shape::DIGIT)
    };
    last == first + 3
        && cx.is_punct(last - 1, b'-')
        && cx.glued(last - 1)
        && cx.glued(last)
        && (2..=5).contains(&len(last))
        && (2..=5).contains(&len(last - 2))
        && (2..=6).contains(&len(first))
        && (first..=last).filter(|&k| k != last - 1).all(word)
        && [first, last - 2]
            .iter()
            .all(|&k| cx.toks[k].shape.has(Shape::CAP) && !cx.toks[k].shape.has(Shape::UPPER))
}

pub(super) fn local(span: Span, text: &str, label: Label) -> Entity {
    let name = span.slice(text);
    Entity {
        span,
        label,
        id: Some(local_id(name)),
        canonical: Some(Arc::from(name)),
        origin: Origin::Pattern,
    }
}

/// A run with a word shaped like a brand: a capital inside a word ("PlayStation",
/// "YouTube") or an acronym after the first word ("PlayStation VR", "Gazprom PJSC").
fn brand_shaped(cx: &Cx, first: usize, last: usize) -> bool {
    (first..=last).any(|k| {
        let t = &cx.toks[k];
        cx.name_tok(k)
            && (camel(cx.word(k))
                || k > first
                    && t.shape.has(Shape::UPPER)
                    && !t.shape.has(Shape::PERIOD)
                    && t.end - t.start >= 2)
    })
}

/// `local:<name>` as a shared string, without the formatting machinery.
fn local_id(name: &str) -> Arc<str> {
    const PREFIX: &str = "local:";
    thread_local! {
        // Reused, so the id costs one allocation (the `Arc`), not two.
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|b| match b.try_borrow_mut() {
        Ok(mut id) => {
            id.clear();
            id.push_str(PREFIX);
            id.push_str(name);
            Arc::from(id.as_str())
        }
        Err(_) => Arc::from([PREFIX, name].concat()),
    })
}

/// Merges `new` into `found` (both sorted, `found` non-overlapping): a new entity that
/// strictly contains the list matches it overlaps replaces them ("Australian Strategic Policy
/// Institute" over "Australian"); one that overlaps anything else is dropped.
pub(super) fn merge(found: &mut Vec<Entity>, mut new: Vec<Entity>) {
    if new.is_empty() {
        return;
    }
    new.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut removed = vec![false; found.len()];
    let mut accepted: Vec<Entity> = Vec::with_capacity(new.len());
    for e in new {
        if accepted.last().is_some_and(|a| a.span.overlaps(e.span)) {
            continue;
        }
        let a = found.partition_point(|f| f.span.end <= e.span.start);
        let mut b = a;
        while b < found.len() && found[b].span.start < e.span.end {
            b += 1;
        }
        let replaces = (a..b).all(|i| e.span.contains(found[i].span) && e.span != found[i].span);
        if replaces {
            for r in &mut removed[a..b] {
                *r = true;
            }
            accepted.push(e);
        }
    }
    // Both sides are sorted by start: one linear merge (an entity of `found` first on a
    // tie, as a stable sort would put it).
    let old = std::mem::take(found);
    found.reserve(old.len() + accepted.len());
    let mut kept = old
        .into_iter()
        .zip(removed)
        .filter_map(|(e, r)| (!r).then_some(e))
        .peekable();
    let mut accepted = accepted.into_iter().peekable();
    loop {
        let take_new = match (kept.peek(), accepted.peek()) {
            (Some(f), Some(n)) => n.span.start < f.span.start,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        let next = if take_new {
            accepted.next()
        } else {
            kept.next()
        };
        found.extend(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(start: usize, end: usize) -> Entity {
        Entity {
            span: Span::new(start, end),
            label: Label::ORG,
            id: None,
            canonical: None,
            origin: Origin::List,
        }
    }

    fn spans(found: &[Entity]) -> Vec<(usize, usize)> {
        found.iter().map(|e| (e.span.start, e.span.end)).collect()
    }

    #[test]
    fn merge_replaces_what_a_longer_name_contains_and_stays_sorted() {
        let mut found = vec![ent(0, 3), ent(10, 19), ent(30, 35), ent(50, 55)];
        // (10, 40) strictly contains (10, 19) and (30, 35); (20, 25) is inside it and comes
        // after it; (45, 52) overlaps (50, 55) without containing it; (60, 62) is new.
        let new = vec![
            ent(60, 62),
            ent(20, 25),
            ent(45, 52),
            ent(10, 40),
            ent(4, 6),
        ];
        merge(&mut found, new);
        assert_eq!(
            spans(&found),
            [(0, 3), (4, 6), (10, 40), (50, 55), (60, 62)]
        );
        // A name equal to one found does not replace it.
        merge(&mut found, vec![ent(0, 3)]);
        assert_eq!(
            spans(&found),
            [(0, 3), (4, 6), (10, 40), (50, 55), (60, 62)]
        );
        merge(&mut found, Vec::new());
        assert_eq!(found.len(), 5);
    }

    #[test]
    fn local_ids_are_prefixed_names() {
        let e = local(Span::new(4, 8), "The Acme Co", Label::ORG);
        assert_eq!(e.id.as_deref(), Some("local:Acme"));
        assert_eq!(e.canonical.as_deref(), Some("Acme"));
        assert_eq!(local_id("").as_ref(), "local:");
    }
}
