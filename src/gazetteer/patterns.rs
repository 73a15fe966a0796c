//! Entities no list will ever hold ("Maj. Naung Yoe", "Benchmark Mineral Intelligence"),
//! found from the shapes names take in news text, and linked within the document.
//!
//! A capitalised run ("Nathan Ruser", "Australian Strategic Policy Institute") becomes:
//! * ORG when it ends in an organisation head word (Institute, Army, Centre) or sits next to
//!   an organisation noun ("consultancy Benchmark Mineral Intelligence");
//! * PERSON after a title ("Maj.", "President"), when it starts with a known first name, or
//!   when the sentence treats it as a speaker: an appositive with a role ("Khon Ja, a Kachin
//!   activist"), next to a speech verb ("said David Mathieson"), after "according to".
//!
//! Then acronyms defined in the text ("Kachin Independence Army (KIA)") and later short forms
//! of a person's name ("Mathieson") are tagged with the full entity's id.

use crate::fasthash::FxHashSet as HashSet;
use std::sync::Arc;

use super::{Entity, Label, Origin};
use crate::segmentation::{data_lines, Token, TokenKind};
use crate::span::Span;

const TITLES: &str = include_str!("../../data/person_titles.txt");
const ORG_HEADS: &str = include_str!("../../data/org_heads.txt");
const ORG_DESCRIPTORS: &str = include_str!("../../data/org_descriptors.txt");
const SOURCE_NOUNS: &str = include_str!("../../data/source_nouns.tsv");
const STARTERS: &str = include_str!("../../data/sentence_starters.txt");

/// Words that open a capitalised run but are not names.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "I",
    "If",
    "When",
    "While",
    "According",
    "After",
    "Before",
    "Despite",
    "Instead",
    "Since",
    "Until",
    "Asked",
    "Meanwhile",
    "However",
    "Another",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Nearly",
    "More",
    "Supplies",
    "Beijing's",
];

/// Connectors allowed inside a name when another capitalised word follows.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "de", "del", "da", "al", "bin", "van", "von", "der", "la", "le", "du",
    "on", "&",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "wrote",
    "warned",
    "argued",
    "noted",
    "explained",
    "tweeted",
    "asked",
    "according",
    "insisted",
    "claimed",
    "believes",
    "estimated",
    "estimates",
];

/// Pattern rules and their word lists.
pub struct Patterns {
    /// Titles by their first word, each list longest first.
    titles: crate::fasthash::FxHashMap<Box<str>, Vec<Vec<Box<str>>>>,
    first_names: HashSet<Box<str>>,
    org_heads: HashSet<Box<str>>,
    org_descriptors: HashSet<Box<str>>,
    role_nouns: HashSet<Box<str>>,
    starters: HashSet<Box<str>>,
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns::new()
    }
}

/// A capitalised run of tokens: [first, last] token indices.
#[derive(Clone, Copy, Debug)]
struct Run {
    first: usize,
    last: usize,
}

impl Patterns {
    /// The rules with the built-in word lists.
    pub fn new() -> Patterns {
        let mut titles: crate::fasthash::FxHashMap<Box<str>, Vec<Vec<Box<str>>>> =
            Default::default();
        for l in data_lines(TITLES) {
            let words: Vec<Box<str>> = l.split_whitespace().map(Into::into).collect();
            if let Some(first) = words.first().cloned() {
                titles.entry(first).or_default().push(words);
            }
        }
        // Longest first so "Lt. Gen." wins over "Lt.".
        for v in titles.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.len()));
        }
        Patterns {
            titles,
            first_names: data_lines(super::builtin_first_names())
                .map(|l| l.trim().into())
                .collect(),
            org_heads: data_lines(ORG_HEADS).map(Into::into).collect(),
            org_descriptors: data_lines(ORG_DESCRIPTORS).map(Into::into).collect(),
            role_nouns: data_lines(SOURCE_NOUNS)
                .skip(1)
                .filter_map(|l| l.split('\t').next())
                .map(Into::into)
                .collect(),
            starters: data_lines(STARTERS).map(Into::into).collect(),
        }
    }

    /// Adds pattern entities, acronyms and short forms to `found` (list matches), keeping
    /// the result sorted and non-overlapping.
    pub fn apply(&self, text: &str, tokens: &[Token], found: &mut Vec<Entity>) {
        let mut new = Vec::new();
        for run in self.runs(text, tokens) {
            if let Some(e) = self.classify(text, tokens, run, found) {
                new.push(e);
            }
        }
        merge(found, new);
        self.acronyms(text, tokens, found);
        self.short_forms(text, tokens, found);
    }

    fn runs(&self, text: &str, tokens: &[Token]) -> Vec<Run> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !is_cap_word(text, &tokens[i]) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut j = i + 1;
            while j < tokens.len() {
                let t = &tokens[j];
                if !adjacent(text, &tokens[j - 1], t) {
                    break;
                }
                // A title starts a new name: "the U.S. Mr. Lee" is "U.S." then "Mr. Lee".
                if self.title_at(text, tokens, j, tokens.len() - 1).is_some() {
                    break;
                }
                if is_cap_word(text, t) {
                    last = j;
                    j += 1;
                } else if j + 1 < tokens.len()
                    && (CONNECTORS.contains(&t.span().slice(text)) || t.span().slice(text) == "-")
                    && is_cap_word(text, &tokens[j + 1])
                    && adjacent(text, t, &tokens[j + 1])
                {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Run { first, last });
            i = last + 1;
        }
        out
    }

    fn classify(&self, text: &str, tokens: &[Token], run: Run, found: &[Entity]) -> Option<Entity> {
        let mut first = run.first;
        let last = run.last;
        let word = |k: usize| tokens[k].span().slice(text);
        // Titles at the start of the run mark a person and are not part of the name.
        let mut titled = false;
        if let Some(n) = self.title_at(text, tokens, first, last) {
            titled = true;
            first += n;
        }
        while first <= last
            && (NOT_NAMES.contains(&word(first))
                || self.starters.contains(word(first))
                    && first == run.first
                    && sentence_initial(text, tokens, first))
        {
            first += 1;
        }
        if first > last {
            return None;
        }
        let span = Span::new(tokens[first].span().start, tokens[last].span().end);
        let n_words = (first..=last)
            .filter(|&k| is_cap_word(text, &tokens[k]))
            .count();
        let head = word(last);
        let prev = (first > 0).then(|| word(first - 1).to_lowercase());
        let next = tokens.get(last + 1).map(|t| t.span().slice(text));
        // A list match covering the whole run already says what it is.
        let at = found.partition_point(|e| e.span.end <= span.start);
        let near = &found[at..found.partition_point(|e| e.span.start < span.end).max(at)];
        if near.iter().any(|e| e.span == span) {
            return None;
        }
        let org = self.org_heads.contains(head)
            || prev
                .as_deref()
                .is_some_and(|p| self.org_descriptors.contains(p))
            || next.is_some_and(|n| {
                self.org_descriptors.contains(n) || n == "think" || n == "think-tank"
            });
        if org && !titled && n_words >= 1 && !(n_words == 1 && self.org_heads.contains(head)) {
            return Some(local(span, text, Label::ORG));
        }
        if near.iter().any(|e| e.span.contains(span)) {
            return None;
        }
        // People's names do not run on through "of", "for", "and": "Neha Mukherjee of U.K.".
        let last = (first..=last)
            .find(|&k| k > first && CONNECTORS.contains(&word(k)))
            .map_or(last, |k| k - 1);
        let span = Span::new(tokens[first].span().start, tokens[last].span().end);
        let n_words = (first..=last)
            .filter(|&k| is_cap_word(text, &tokens[k]))
            .count();
        let all_caps = span
            .slice(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if titled && !all_caps && n_words <= 4 {
            return Some(local(span, text, Label::PERSON));
        }
        if !(2..=4).contains(&n_words) || all_caps {
            return None;
        }
        // The run must not just be list entities glued together ("Myanmar Kachin").
        let covered = near
            .iter()
            .filter(|e| span.contains(e.span))
            .map(|e| e.span.len())
            .sum::<usize>();
        if covered * 2 > span.len() {
            return None;
        }
        if self.first_names.contains(word(first)) {
            return Some(local(span, text, Label::PERSON));
        }
        // "said engineer Tomasz Nowak", "firefighter Carla Mendes": a role word before a name.
        if first > 0
            && self
                .role_nouns
                .contains(word(first - 1).to_lowercase().as_str())
            && n_words <= 3
        {
            return Some(local(span, text, Label::PERSON));
        }
        if self.speaker_context(text, tokens, first, last) {
            return Some(local(span, text, Label::PERSON));
        }
        None
    }

    /// Number of tokens of a title starting at token `k`, if a name (up to token `last`)
    /// follows it.
    fn title_at(&self, text: &str, tokens: &[Token], k: usize, last: usize) -> Option<usize> {
        self.titles
            .get(tokens.get(k)?.span().slice(text))?
            .iter()
            .find(|t| {
                k + t.len() <= last
                    && t.iter()
                        .enumerate()
                        .all(|(n, w)| tokens[k + n].span().slice(text) == &**w)
            })
            .map(Vec::len)
    }

    /// "Khon Ja, a Kachin activist", "said David Mathieson", "Nathan Ruser ... said",
    /// "according to Naung Yoe".
    fn speaker_context(&self, text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
        let w = |k: usize| tokens.get(k).map_or("", |t| t.span().slice(text));
        if first > 0
            && (SPEECH.contains(&w(first - 1))
                || w(first - 1) == "to"
                    && first > 1
                    && w(first - 2).eq_ignore_ascii_case("according"))
        {
            return true;
        }
        if SPEECH.contains(&w(last + 1)) {
            return true;
        }
        if w(last + 1) == "," {
            // Appositive: ", a/an/the ... ROLE" or ", 62," (age) within a few tokens.
            let det = w(last + 2);
            if det.chars().all(|c| c.is_ascii_digit()) && !det.is_empty() {
                return true;
            }
            if matches!(det, "a" | "an" | "the" | "who") {
                return tokens[last + 3..]
                    .iter()
                    .take(8)
                    .take_while(|t| t.span().slice(text) != "," && t.span().slice(text) != ".")
                    .any(|t| self.role_nouns.contains(t.span().slice(text)));
            }
        }
        false
    }

    /// "Kachin Independence Army (KIA)": the acronym names the entity before it, here and
    /// wherever it recurs.
    fn acronyms(&self, text: &str, tokens: &[Token], found: &mut Vec<Entity>) {
        let mut defs: crate::fasthash::FxHashMap<&str, Entity> = Default::default();
        for k in 2..tokens.len().saturating_sub(1) {
            if tokens[k - 1].span().slice(text) != "(" || tokens[k + 1].span().slice(text) != ")" {
                continue;
            }
            let acr = tokens[k].span().slice(text);
            if !(2..=8).contains(&acr.len()) || !acr.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let before = tokens[k - 2].span().end;
            let at = found.partition_point(|e| e.span.end < before);
            let Some(full) = found.get(at).filter(|e| {
                e.span.end == before
                    && matches!(
                        e.label,
                        Label::ORG | Label::GPE | Label::NORP | Label::FAC | Label::LOC
                    )
            }) else {
                continue;
            };
            let initials: String = full
                .span
                .slice(text)
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if !initials.contains(acr) && !acr.chars().all(|c| initials.contains(c)) {
                continue;
            }
            defs.entry(acr).or_insert_with(|| full.clone());
        }
        if defs.is_empty() {
            return;
        }
        let mut new = Vec::new();
        for t in tokens {
            if t.kind != TokenKind::Word {
                continue;
            }
            if !is_cap_word(text, t) {
                continue;
            }
            if let Some(full) = defs.get(t.span().slice(text)) {
                new.push(Entity {
                    span: t.span(),
                    label: full.label,
                    id: full.id.clone(),
                    canonical: full.canonical.clone(),
                    origin: Origin::Alias,
                });
            }
        }
        merge(found, new);
    }

    /// "Mathieson said" after "David Mathieson": the surname alone names the same person.
    fn short_forms(&self, text: &str, tokens: &[Token], found: &mut Vec<Entity>) {
        let mut by_last: crate::fasthash::FxHashMap<String, (usize, Entity)> = Default::default();
        for e in found.iter().filter(|e| e.label == Label::PERSON) {
            let s = e.span.slice(text);
            if let Some(last) = s.rsplit(' ').next() {
                if last.len() < s.len() && last.len() > 2 {
                    by_last
                        .entry(last.to_string())
                        .or_insert((e.span.end, e.clone()));
                }
            }
        }
        if by_last.is_empty() {
            return;
        }
        let mut new = Vec::new();
        for t in tokens {
            if !is_cap_word(text, t) {
                continue;
            }
            if let Some((after, full)) = by_last.get(t.span().slice(text)) {
                if t.span().start >= *after {
                    new.push(Entity {
                        span: t.span(),
                        label: Label::PERSON,
                        id: full.id.clone(),
                        canonical: full.canonical.clone(),
                        origin: Origin::Alias,
                    });
                }
            }
        }
        merge(found, new);
    }
}

fn local(span: Span, text: &str, label: Label) -> Entity {
    let name: Arc<str> = Arc::from(span.slice(text));
    Entity {
        span,
        label,
        id: Some(Arc::from(format!("local:{name}"))),
        canonical: Some(name),
        origin: Origin::Pattern,
    }
}

/// Merges `new` into `found` (both sorted, `found` non-overlapping): a new entity that
/// strictly contains the list matches it overlaps replaces them ("Australian Strategic Policy
/// Institute" over "Australian"); one that overlaps anything else is dropped.
fn merge(found: &mut Vec<Entity>, mut new: Vec<Entity>) {
    if new.is_empty() {
        return;
    }
    new.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut removed = vec![false; found.len()];
    let mut accepted: Vec<Entity> = Vec::new();
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
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
    found.extend(accepted);
    found.sort_by_key(|e| e.span.start);
}

fn is_cap_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.span().slice(text).starts_with(char::is_uppercase)
}

fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.span().end..b.span().start];
    gap.len() <= 1 && !gap.contains('\n') && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

fn sentence_initial(text: &str, tokens: &[Token], k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let before = text[..tokens[k].span().start].trim_end_matches([' ', '"', '“', '\'', '‘', '(']);
    before.is_empty() || before.ends_with(['.', '?', '!', '\n', ':', '”', '"'])
}
