//! Gazetteer stage: entities from lists (built-in and user TSV files) and from the shapes
//! names take in news text (titles, appositives, speech cues, organisation head words,
//! acronyms defined in the text), linked within the document so one entity has one id.
//!
//! The built-in lists are a static radix trie compiled at build time ([`trie`]): no start-up.
//! User lists (`--gazetteer`) are compiled at run time into anchored Aho-Corasick automata,
//! run only at token starts that begin with a capital letter (names almost always do, and
//! skipping the other 85% of positions is what makes the matcher fast); their names that do
//! not start with a capital (or match case-insensitively) go into a second automaton run at
//! every word start. At each token the longest name wins, a user name on a tie.

mod document;
mod lists;
mod patterns;
mod segment;
pub mod trie;
mod view;
mod words;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};

pub use lists::{builtin_files, builtin_first_names, Entry, Label, Lists, Name, HEADER};
pub use patterns::Patterns;

use crate::error::Result;
use crate::segmentation::{Token, TokenKind};
use crate::span::Span;

/// Where an entity came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A gazetteer list.
    List,
    /// A name shape in the text (title + name, appositive, cue, head word).
    Pattern,
    /// An acronym defined in the text or a short form of an earlier mention.
    Alias,
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Byte span of the mention.
    pub span: Span,
    /// OntoNotes label.
    pub label: Label,
    /// Canonical id: from the gazetteer, or `local:<Canonical name>` for entities found by
    /// pattern, shared by all mentions of the entity in the document.
    pub id: Option<Arc<str>>,
    /// Canonical name.
    pub canonical: Option<Arc<str>>,
    /// How it was found.
    pub origin: Origin,
}

/// Builds a [`Gazetteer`].
///
/// ```
/// use claimex::gazetteer::GazetteerBuilder;
/// let gaz = GazetteerBuilder::new()
///     .builtin(false)
///     .add_tsv("name\tlabel\tid\tcanonical\taliases\tflags\n\
///               Kachin Independence Army\tORG\t\t\tKIA\t\n", "inline")
///     .unwrap()
///     .build()
///     .unwrap();
/// let text = "The KIA-controlled town";
/// let ents = gaz.tag(text, &claimex::segmentation::Segmenter::new().tokenize(text), &[]);
/// assert_eq!(ents[0].span.slice(text), "KIA");
/// assert_eq!(ents[0].canonical.as_deref(), Some("Kachin Independence Army"));
/// ```
#[derive(Default)]
pub struct GazetteerBuilder {
    builtin: Option<bool>,
    lists: Lists,
    paths: Vec<PathBuf>,
    patterns: Option<bool>,
}

impl GazetteerBuilder {
    /// A builder that will include the built-in lists.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Whether to include the built-in lists (default: yes).
    pub fn builtin(mut self, yes: bool) -> GazetteerBuilder {
        self.builtin = Some(yes);
        self
    }

    /// Whether to find entities by pattern beyond the lists (default: yes).
    pub fn patterns(mut self, yes: bool) -> GazetteerBuilder {
        self.patterns = Some(yes);
        self
    }

    /// Adds a user gazetteer file or folder of `*.tsv` files; its entries override built-in
    /// entries with the same name.
    pub fn add_path(mut self, path: impl Into<PathBuf>) -> GazetteerBuilder {
        self.paths.push(path.into());
        self
    }

    /// Adds a user gazetteer from TSV text.
    pub fn add_tsv(mut self, tsv: &str, origin: &str) -> Result<GazetteerBuilder> {
        self.lists.parse(tsv, origin, true)?;
        Ok(self)
    }

    /// Loads the user lists and compiles their automata (the built-in lists are compiled
    /// into the binary).
    pub fn build(self) -> Result<Gazetteer> {
        let mut lists = Lists::default();
        for p in &self.paths {
            lists.load_path(p)?;
        }
        // Inline user TSVs come last: appended with their entry indices shifted.
        let base = lists.entries.len();
        lists.entries.extend(self.lists.entries);
        lists
            .names
            .extend(self.lists.names.into_iter().map(|mut n| {
                n.entry += base;
                n
            }));
        Gazetteer::from_lists(
            lists,
            self.builtin.unwrap_or(true),
            self.patterns.unwrap_or(true),
        )
    }
}

/// Compiled gazetteer: the built-in trie, automata over the user lists' surface forms, and
/// the pattern rules. `Send + Sync`: build once, share across threads.
pub struct Gazetteer {
    builtin: Option<trie::Builtin>,
    /// User entries; their index in matches is offset by the built-in entry count.
    entries: Vec<Entry>,
    /// User names that start with an upper-case letter, matched case-sensitively at
    /// capitalised token starts; two shards by first letter, compiled in parallel.
    upper: [Option<Names>; 2],
    /// Everything else (lower-case starts, case-insensitive entries), run at word starts whose
    /// first two bytes can start one of them.
    other: Option<Names>,
    /// 64 Ki flags: ASCII-lower-cased first byte pairs of the `other` names.
    other_pairs: Vec<bool>,
    patterns: Option<Patterns>,
    n_names: usize,
}

impl Gazetteer {
    /// The gazetteer with the built-in lists and patterns.
    pub fn builtin() -> Result<Gazetteer> {
        GazetteerBuilder::new().build()
    }

    fn from_lists(lists: Lists, builtin: bool, patterns: bool) -> Result<Gazetteer> {
        // One entry per surface form: among user lists the first row wins (files are read in
        // sorted order); a user name overrides a built-in one at match time.
        let mut by_surface: HashMap<&str, usize> = HashMap::with_capacity(lists.names.len());
        let mut winners: Vec<&Name> = Vec::with_capacity(lists.names.len());
        for n in &lists.names {
            if !by_surface.contains_key(n.surface.as_str()) {
                by_surface.insert(&n.surface, winners.len());
                winners.push(n);
            }
        }
        let base = if builtin {
            trie::Builtin::n_entries()
        } else {
            0
        };
        let mut upper: Vec<(&str, usize)> = Vec::new();
        let mut other: Vec<(&str, usize)> = Vec::new();
        let mut other_pairs = vec![false; if winners.is_empty() { 0 } else { 1 << 16 }];
        for n in &winners {
            let e = &lists.entries[n.entry];
            let starts_upper = n.surface.starts_with(char::is_uppercase);
            if e.case_insensitive || !starts_upper {
                other.push((n.surface.as_str(), base + n.entry));
                other_pairs[pair_key(n.surface.as_bytes())] = true;
            } else {
                upper.push((n.surface.as_str(), base + n.entry));
            }
        }
        let (low, high): (Vec<_>, Vec<_>) = upper
            .into_iter()
            .partition(|p| shard_of(p.0.as_bytes()[0]) == 0);
        let (upper, other) = std::thread::scope(|scope| {
            // Where the system refuses a thread (`ulimit -u`), the shard compiles here.
            let job = std::thread::Builder::new().spawn_scoped(scope, {
                let high = high.clone();
                || Names::compile(high, false)
            });
            let low = Names::compile(low, false);
            let other = Names::compile(other, true);
            let high = match job {
                Ok(h) => h.join().unwrap_or_else(|_| Ok(None)),
                Err(_) => Names::compile(high, false),
            };
            (low.and_then(|l| high.map(|h| [l, h])), other)
        });
        let (upper, other) = (upper?, other?);
        let mut entries = lists.entries;
        // One id per entity: entries without a registry id get one from their canonical name,
        // so "KIA" and "Kachin Independence Army" share it.
        for e in &mut entries {
            if e.id.is_none() {
                e.id = Some(Arc::from(format!("local:{}", e.canonical)));
            }
        }
        Ok(Gazetteer {
            n_names: winners.len() + if builtin { trie::Builtin::n_names() } else { 0 },
            builtin: builtin.then(trie::Builtin::new),
            entries,
            upper,
            other,
            other_pairs,
            patterns: patterns.then(Patterns::new),
        })
    }

    fn base(&self) -> usize {
        self.builtin
            .as_ref()
            .map_or(0, |_| trie::Builtin::n_entries())
    }

    fn ambiguous_of(&self, entry: usize) -> bool {
        match &self.builtin {
            Some(b) if entry < self.base() => b.ambiguous(entry),
            _ => self.entries[entry - self.base()].ambiguous,
        }
    }

    fn entity_of(&self, span: Span, entry: usize) -> Entity {
        let (label, id, canonical) = match &self.builtin {
            Some(b) if entry < self.base() => {
                let (id, c) = b.arcs(entry);
                (b.label(entry), Some(id.clone()), c.clone())
            }
            _ => {
                let e = &self.entries[entry - self.base()];
                (e.label, e.id.clone(), e.canonical.clone())
            }
        };
        Entity {
            span,
            label,
            id,
            canonical: Some(canonical),
            origin: Origin::List,
        }
    }

    /// Number of distinct surface forms.
    pub fn len(&self) -> usize {
        self.n_names
    }

    /// True when no names are loaded.
    pub fn is_empty(&self) -> bool {
        self.n_names == 0
    }

    /// Bytes used by the matcher: the user automata on the heap, plus the built-in trie's
    /// static tables.
    pub fn memory_usage(&self) -> usize {
        [&self.upper[0], &self.upper[1], &self.other]
            .iter()
            .filter_map(|n| n.as_ref())
            .map(|n| n.nfa.memory_usage() + n.ids.len() * 8 + n.first.len() * 4)
            .sum::<usize>()
            + self.other_pairs.len()
            + self.builtin.as_ref().map_or(0, |_| trie::Builtin::size())
    }

    /// List matches only, over the given tokens (no patterns, no linking): the fast path
    /// benchmarks measure.
    pub fn match_lists(&self, text: &str, tokens: &[Token], out: &mut Vec<Entity>) {
        let mut entries = Vec::new();
        self.match_lists_with_entries(text, tokens, out, &mut entries);
    }

    fn match_lists_with_entries(
        &self,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Entity>,
        entries: &mut Vec<usize>,
    ) {
        let bytes = text.as_bytes();
        let mut next_free = 0usize;
        for (k, t) in tokens.iter().enumerate() {
            if t.span().start < next_free || t.kind == TokenKind::Punct {
                continue;
            }
            // "pro-Beijing", "anti-Kremlin": a prefix glued before the name.
            if k > 1
                && t.start == tokens[k - 1].end
                && tokens[k - 1].end == tokens[k - 2].end + 1
                && bytes[tokens[k - 1].start as usize] == b'-'
                && tokens[k - 2].shape.has(crate::lexical::Shape::LOWER)
            {
                continue;
            }
            let first = bytes[t.span().start];
            let upper = if first < 0x80 {
                first.is_ascii_uppercase()
            } else {
                text[t.span().start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            let mut best: Option<(usize, usize)> = None;
            if let Some(b) = self
                .builtin
                .as_ref()
                .filter(|b| upper || b.lower_start(text, t.span().start))
            {
                best = b.longest(text, t.span().start, word_boundary);
            }
            // A user name wins over a built-in one of the same length.
            let mut take = |m: Option<(usize, usize)>| {
                if let Some((e, entry)) = m {
                    if best.is_none_or(|(be, _)| e >= be) {
                        best = Some((e, entry));
                    }
                }
            };
            if upper {
                if let Some(names) = &self.upper[shard_of(first)] {
                    take(names.longest(text, t.span().start));
                }
            }
            if let Some(names) = self
                .other
                .as_ref()
                .filter(|_| self.other_pairs[pair_key(&bytes[t.span().start..])])
            {
                take(names.longest(text, t.span().start));
            }
            if let Some((end, entry)) = best {
                out.push(self.entity_of(Span::new(t.span().start, end), entry));
                entries.push(entry);
                next_free = end;
            }
        }
    }

    /// Entities of a document: list matches, pattern matches and aliases, inside `regions`
    /// (the non-boilerplate blocks, best sorted and disjoint; overlapping regions count as
    /// their union; all tokens when empty), sorted, non-overlapping, linked.
    pub fn tag(&self, text: &str, tokens: &[Token], regions: &[Span]) -> Vec<Entity> {
        // News text has about one list name in twenty tokens.
        let mut found = Vec::with_capacity(tokens.len() / 16);
        let mut entries = Vec::with_capacity(tokens.len() / 16);
        self.match_lists_with_entries(text, tokens, &mut found, &mut entries);
        self.resolve_ambiguous(text, &mut found, &entries);
        if let Some(p) = &self.patterns {
            p.apply(text, tokens, &mut found);
        }
        if !regions.is_empty() {
            // With regions sorted and disjoint (a document's blocks), the one that may hold an
            // entity is the last to start at or before it: a binary search, so a page of ten
            // thousand paragraphs stays linear. Other regions are sorted and merged first.
            let merged;
            let regions = if regions.windows(2).all(|w| w[0].end <= w[1].start) {
                regions
            } else {
                merged = merge_spans(regions);
                &merged[..]
            };
            found.retain(|e| {
                let i = regions.partition_point(|r| r.start <= e.span.start);
                i > 0 && regions[i - 1].contains(e.span)
            });
        }
        found
    }

    /// Drops ambiguous names ("Chad", "Reading", "Georgia") without supporting context: a
    /// locative preposition before it, or another, unambiguous mention of the same entity.
    fn resolve_ambiguous(&self, text: &str, found: &mut Vec<Entity>, entries: &[usize]) {
        let amb = |i: usize| self.ambiguous_of(entries[i]);
        if !(0..found.len()).any(amb) {
            return;
        }
        let sure: std::collections::HashSet<usize> = (0..found.len())
            .filter(|&i| !amb(i))
            .map(|i| entries[i])
            .collect();
        let mut keep = Vec::with_capacity(found.len());
        for (i, e) in found.iter().enumerate() {
            keep.push(!amb(i) || sure.contains(&entries[i]) || ambiguous_in_context(text, e));
        }
        let mut k = keep.into_iter();
        found.retain(|_| k.next().unwrap_or(true));
    }
}

/// An ambiguous place name is kept after a locative word ("in Chad", "to Reading") unless a
/// capitalised word or a number follows ("Chad Smith", "May 5").
fn ambiguous_in_context(text: &str, e: &Entity) -> bool {
    let after = &text[e.span.end..];
    let next_cap = after
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    if next_cap {
        return false;
    }
    let before = text[..e.span.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(e.label, Label::GPE | Label::LOC | Label::FAC) && LOCATIVE.contains(&prev)
}

const LOCATIVE: &[&str] = &[
    "in",
    "from",
    "to",
    "near",
    "across",
    "into",
    "outside",
    "around",
    "throughout",
    "toward",
    "towards",
    "via",
    "at",
    "visited",
    "visit",
    "across",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];

/// Names compiled into an Aho-Corasick automaton (a contiguous NFA, standard semantics),
/// walked byte by byte from a token start: every state's match list tells which names end
/// there, so one walk yields all names starting at the token, and the longest one that ends
/// on a word boundary wins ("Indiana" does not match in "Indianapolis", while "New York" still
/// does where a longer name would run into a word). It builds in a third of the time a
/// leftmost-longest automaton takes, which is most of the start-up.
struct Names {
    nfa: aho_corasick::nfa::contiguous::NFA,
    /// Entry index of each pattern.
    ids: Vec<usize>,
    /// The state after the first byte, from the anchored start (most walks end there).
    first: Vec<aho_corasick::automaton::StateID>,
}

impl Names {
    fn compile(mut pats: Vec<(&str, usize)>, ci: bool) -> Result<Option<Names>> {
        if pats.is_empty() {
            return Ok(None);
        }
        pats.sort_unstable();
        let err = |message: String| crate::error::Error::Gazetteer {
            path: "gazetteers".into(),
            line: 0,
            message,
        };
        let nfa = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ci)
            .build(pats.iter().map(|p| p.0))
            .map_err(|e| err(format!("cannot build the name automaton: {e}")))?;
        let start = nfa
            .start_state(Anchored::Yes)
            .map_err(|e| err(format!("the name automaton has no anchored start: {e}")))?;
        let first = (0..=255u8)
            .map(|b| nfa.next_state(Anchored::Yes, start, b))
            .collect();
        Ok(Some(Names {
            nfa,
            ids: pats.iter().map(|p| p.1).collect(),
            first,
        }))
    }

    /// The longest name starting at byte `start` and ending on a word boundary: (end, entry).
    fn longest(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let nfa = &self.nfa;
        let bytes = &text.as_bytes()[start..];
        let mut sid = self.first[*bytes.first()? as usize];
        if nfa.is_dead(sid) {
            return None;
        }
        let mut best = None;
        for (i, &b) in bytes.iter().enumerate() {
            if i > 0 {
                sid = nfa.next_state(Anchored::Yes, sid, b);
                if nfa.is_dead(sid) {
                    break;
                }
            }
            if !nfa.is_match(sid) {
                continue;
            }
            let end = start + i + 1;
            if !word_boundary(text, end) {
                continue;
            }
            // A state's matches include names that are suffixes of the path (they started
            // later): keep the one that starts at the token.
            for k in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, k);
                if nfa.pattern_len(pid) == end - start {
                    best = Some((end, self.ids[pid.as_usize()]));
                    break;
                }
            }
        }
        best
    }
}

/// Which of the two upper-case shards a name starting with byte `b` is in.
#[inline]
fn shard_of(b: u8) -> usize {
    usize::from(b >= b'M')
}

/// Index of the first two bytes (ASCII lower-cased) in a 64 Ki table.
#[inline]
fn pair_key(b: &[u8]) -> usize {
    let lo = |x: Option<&u8>| x.map_or(0, |c| c.to_ascii_lowercase() as usize);
    (lo(b.first()) << 8) | lo(b.get(1))
}

/// `spans` sorted by start, overlapping ones joined.
fn merge_spans(spans: &[Span]) -> Vec<Span> {
    let mut v = spans.to_vec();
    v.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if s.start < l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// True when byte `end` of `text` is not inside a word: the text ends, or the next character
/// is neither alphanumeric nor a combining mark.
fn word_boundary(text: &str, end: usize) -> bool {
    if !text.is_char_boundary(end) {
        return false;
    }
    // The same test the trie's first-segment filter is built on (`segment`).
    !text[end..]
        .chars()
        .next()
        .is_some_and(segment::continues_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segmentation::Segmenter;

    const HEAD: &str = "name\tlabel\tid\tcanonical\taliases\tflags\n";

    fn gaz(rows: &str) -> Gazetteer {
        GazetteerBuilder::new()
            .builtin(false)
            .add_tsv(&format!("{HEAD}{rows}"), "test.tsv")
            .and_then(|b| b.build())
            .expect("test gazetteer")
    }

    fn tag<'t>(g: &Gazetteer, text: &'t str) -> Vec<(&'t str, Label, Option<String>)> {
        let toks = Segmenter::new().tokenize(text);
        g.tag(text, &toks, &[])
            .iter()
            .map(|e| {
                (
                    e.span.slice(text),
                    e.label,
                    e.id.as_deref().map(String::from),
                )
            })
            .collect()
    }

    fn names<'t>(g: &Gazetteer, text: &'t str) -> Vec<&'t str> {
        tag(g, text).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn boundaries_possessives_hyphens() {
        let g = gaz("Indiana\tGPE\t\t\t\t\nChina\tGPE\tISO3166:CN\t\t\t\nKachin Independence Army\tORG\t\t\tKIA\t\nUnited States\tGPE\tISO3166:US\t\tU.S.\t\n");
        // No list match inside a word: "Indiana" is not in "Indianapolis" (which the name
        // shapes still find, as a name of its own).
        assert!(!tag(&g, "He moved to Indianapolis.")
            .iter()
            .any(|e| e.0 == "Indiana" || e.1 == Label::GPE));
        assert_eq!(
            names(&g, "China's exports and the KIA-controlled area"),
            ["China", "KIA"]
        );
        assert_eq!(names(&g, "the U.S.-based think-tank"), ["U.S."]);
        assert_eq!(names(&g, "in the U.S. Mr. Lee said"), ["U.S.", "Lee"]);
    }

    #[test]
    fn regions_keep_only_the_entities_inside_them() {
        let g = gaz("China\tGPE\tISO3166:CN\t\t\t\nIndia\tGPE\tISO3166:IN\t\t\t\n");
        let text = "China met India. India met China. China again.";
        let toks = Segmenter::new().tokenize(text);
        let kept = |regions: &[Span]| -> Vec<usize> {
            g.tag(text, &toks, regions)
                .iter()
                .map(|e| e.span.start)
                .collect()
        };
        // Sorted and disjoint, as the pipeline's blocks are.
        assert_eq!(kept(&[Span::new(0, 16), Span::new(34, 47)]), [0, 10, 34]);
        // Unsorted and overlapping: their union; a span outside every region is dropped.
        assert_eq!(
            kept(&[Span::new(34, 47), Span::new(5, 16), Span::new(0, 8)]),
            [0, 10, 34]
        );
        assert_eq!(kept(&[Span::new(1, 4)]), Vec::<usize>::new());
        assert_eq!(kept(&[]).len(), 5);
    }

    #[test]
    fn longest_name_wins_and_aliases_share_an_id() {
        let g = gaz("New York\tGPE\tgeonames:5128581\t\t\t\nNew York City\tGPE\tgeonames:5128581\tNew York\t\t\nKachin Independence Army\tORG\t\t\tKIA\t\n");
        let t = tag(
            &g,
            "New York City officials and the Kachin Independence Army (KIA) met the KIA.",
        );
        assert_eq!(t[0].0, "New York City");
        let kia: Vec<&Option<String>> = t
            .iter()
            .filter(|e| e.0.contains("Kachin") || e.0 == "KIA")
            .map(|e| &e.2)
            .collect();
        assert_eq!(kia.len(), 3);
        assert!(kia
            .iter()
            .all(|id| id.as_deref() == Some("local:Kachin Independence Army")));
    }

    #[test]
    fn ambiguous_names_need_context() {
        let g = gaz("Chad\tGPE\tISO3166:TD\t\t\tamb\nReading\tGPE\t\t\t\tamb\n");
        assert_eq!(names(&g, "Troops were sent to Chad last week."), ["Chad"]);
        // A person, not the country.
        assert!(!tag(&g, "Chad Smith said the vote was close.")
            .iter()
            .any(|e| e.1 == Label::GPE));
        assert_eq!(
            names(&g, "Reading the report, he frowned."),
            Vec::<&str>::new()
        );
        assert_eq!(
            names(&g, "The club moved from Reading in 2020."),
            ["Reading"]
        );
    }

    #[test]
    fn case_insensitive_entries() {
        let g = gaz("al-Qaeda\tORG\t\t\t\tci\n");
        assert_eq!(
            names(&g, "Al-Qaeda and AL-QAEDA and al-Qaeda"),
            ["Al-Qaeda", "AL-QAEDA", "al-Qaeda"]
        );
    }

    #[test]
    fn user_entries_override_builtin_ones() {
        let user = format!("{HEAD}Bhamo\tLOC\tmy:bhamo\tBhamo district\t\t\n");
        let g = GazetteerBuilder::new()
            .add_tsv(&user, "mine.tsv")
            .and_then(|b| b.build())
            .expect("gazetteer");
        let t = tag(&g, "Fighting near Bhamo continued.");
        assert_eq!(t[0], ("Bhamo", Label::LOC, Some("my:bhamo".into())));
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let cases = [
            (
                format!("{HEAD}Bhamo\tGPE\n\tGPE\t\t\t\t\n"),
                3,
                "name field is empty",
            ),
            (format!("{HEAD}Bhamo\tCITY\t\t\t\t\n"), 2, "unknown label"),
            (
                format!("{HEAD}Bhamo\tGPE\t\t\t\tfuzzy\n"),
                2,
                "unknown flag",
            ),
            (
                format!("{HEAD}Bhamo\tGPE\ta\tb\tc\td\te\n"),
                2,
                "expected 6",
            ),
            ("Bhamo\tGPE\t\t\t\t\n".to_string(), 1, "header"),
        ];
        for (tsv, line, what) in cases {
            match GazetteerBuilder::new()
                .builtin(false)
                .add_tsv(&tsv, "bad.tsv")
            {
                Err(crate::error::Error::Gazetteer {
                    path,
                    line: l,
                    message,
                }) => {
                    assert_eq!((path.as_str(), l), ("bad.tsv", line), "{message}");
                    assert!(message.contains(what), "{message}");
                }
                other => panic!("expected an error for {tsv:?}, got {:?}", other.map(|_| ())),
            }
        }
    }

    #[test]
    fn names_found_by_shape() {
        let g = gaz("Australian\tNORP\tISO3166:AU\t\t\t\n");
        let t = tag(&g, "according to Maj. Naung Yoe, who defected, and Nathan Ruser, an analyst at the Australian Strategic Policy Institute. Ruser said so.");
        let want = [
            ("Naung Yoe", Label::PERSON),
            ("Nathan Ruser", Label::PERSON),
            ("Australian Strategic Policy Institute", Label::ORG),
            ("Ruser", Label::PERSON),
        ];
        for (name, label) in want {
            assert!(
                t.iter().any(|e| e.0 == name && e.1 == label),
                "{name} {label:?} in {t:?}"
            );
        }
        let ids: Vec<_> = t
            .iter()
            .filter(|e| e.0.contains("Ruser"))
            .map(|e| e.2.clone())
            .collect();
        assert_eq!(ids[0], ids[1], "the surname alone links to the full name");
    }
}
