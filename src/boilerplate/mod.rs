//! Boilerplate stage: labels every line of a scraped page `title`, `body`, `heading` or
//! `boilerplate` (with a reason), without touching the text.
//!
//! Scraped dumps put one block per line: the headline, a photo caption, article paragraphs
//! with a menu dropped in the middle, subheadings, then widgets, comments and related-article
//! teasers that are full of other articles' attributions. The classifier (rules measured in
//! `scripts/boilerplate_research/`, line F1 0.94 on boilerplate-dev) works in passes over the
//! lines:
//!
//! 1. marker lines from data (`data/boilerplate_markers.tsv`) and shapes: comment tails,
//!    related/more headings, one-line widgets, dates and bylines, photo credits;
//! 2. a related/more heading opens a block that closes when two prose lines resume (a marker
//!    opens a block that can close again);
//! 3. runs of (headline, short teaser) pairs are teaser lists;
//! 4. every line gets a score (prose +1, text 0, short −0.2 or −0.8 in a navigation run,
//!    markers negative); a comment tail ends the page once the article was seen;
//! 5. the article is the maximum-sum run of scores (Kadane), extended over a list that
//!    follows it; inside it, unmarked lines are body, short capitalised ones headings.

mod profile;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Serialize;

pub use profile::{Profile, ProfileBuilder, SiteCount};

use crate::fasthash::FxHashMap;
use crate::segmentation::{data_lines, lines};
use crate::span::Span;

/// What a block of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The headline.
    Title,
    /// Article text.
    Body,
    /// A subheading between article paragraphs ("DEFYING CHINA").
    Heading,
    /// Page furniture: not part of the article.
    Boilerplate,
}

/// Why a block is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Photo or video caption, image credit.
    Caption,
    /// Menus, teaser headline lists, section links.
    Navigation,
    /// Share, comment, tag and other page widgets.
    Widget,
    /// Advertising, newsletter and app promotion.
    Promo,
    /// Related-article lists and teasers.
    Related,
    /// "By Jane Doe".
    Byline,
    /// Reporting/editing credits, copyright lines.
    Credit,
    /// "2 hours ago", "Updated March 3, 2026".
    Timestamp,
    /// A line that recurs across many pages of one site.
    Repeated,
    /// A short fragment with no sentence in it.
    Fragment,
    /// Text outside the article's main region (comments, footers, teasers with no marker).
    Outside,
}

/// One classified block (a line of the text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte span of the line, without its line break.
    pub span: Span,
    /// What the block is.
    pub kind: BlockKind,
    /// Why, for boilerplate.
    pub reason: Option<Reason>,
}

/// Marker kinds, from the data file and the shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// The comment section starts here.
    Tail,
    /// A related/more heading: opens a block.
    Block,
    /// One line of furniture.
    Line,
    /// Dates, bylines, "Tags:".
    Meta,
    /// Photo captions and credits.
    Cap,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Marker, blocked, or teaser.
    K,
    /// Prose: a sentence.
    P,
    /// Text: lower-case words, not a sentence.
    T,
    /// Short: headline-like or navigation.
    S,
}

const MARKERS: &str = include_str!("../../data/boilerplate_markers.tsv");

// Thresholds (words), from the research notes; all were checked for flatness.
const PROSE_W: usize = 6;
const LONG_W: usize = 25;
const TEXT_W: usize = 3;
const TEXT_LOW: f32 = 0.5;
const NEG: f32 = 0.8;
const SHORT_NEG: f32 = 0.2;
const NAV_RUN: usize = 4;
const BLOCK_NEG: f32 = 0.4;
const CLOSE_RUN: usize = 2;
const HEAD_W: usize = 6;
const TAIL_MIN: f32 = 2.0;
const PAIR_W: usize = 40;
const PAIR_MIN: usize = 3;
const LIST_MIN: usize = 3;
const SOFT_W: usize = 8;
const WIDGET_W: usize = 20;
const CREDIT_W: usize = 40;
/// Lines longer than this are never markers: skip the pattern checks on article paragraphs.
const MARKER_MAX_W: usize = 40;

/// The boilerplate classifier. Build once, share across threads.
///
/// ```
/// use claimex::boilerplate::{Boilerplate, BlockKind};
/// let bp = Boilerplate::new();
/// let text = "Rebels near key town\nFILE PHOTO: Soldiers in Bhamo.\n\
///             The army said on Monday that it had retaken the town after weeks of fighting.\n\
///             Officials said the road to the border would reopen within days.\n\
///             Related Articles\nOther story, officials said on Friday in the capital.";
/// let kinds: Vec<BlockKind> = bp.classify(text, None).iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Title, BlockKind::Boilerplate, BlockKind::Body,
///                    BlockKind::Body, BlockKind::Boilerplate, BlockKind::Boilerplate]);
/// ```
pub struct Boilerplate {
    exact: FxHashMap<Box<str>, (Mark, Reason)>,
    /// Anchored automata over the prefix phrases, with each phrase's reason.
    block_prefix: (AhoCorasick, Vec<Reason>),
    line_prefix: (AhoCorasick, Vec<Reason>),
    /// Widget words and credit pieces in one automaton; `Some(reason)` for a widget word,
    /// `None` for a credit piece.
    widget_credit: (AhoCorasick, Vec<Option<Reason>>),
    shapes: Shapes,
    profile: Option<Profile>,
}

/// Patterns that are shapes rather than phrases.
struct Shapes {
    tail: Regex,
    date: Regex,
    ago: Regex,
    byline: Regex,
    meta_prefix: Regex,
    caption_prefix: Regex,
    shares: Regex,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Boilerplate::new()
    }
}

/// Per-line features.
#[derive(Clone, Debug, Default)]
struct Line {
    span: Span,
    words: usize,
    /// Ends like a sentence (also "... she said. REUTERS").
    term: bool,
    /// Share of cased words that start lower-case.
    lowr: f32,
    /// Share of alphabetic words that start upper-case.
    caps: f32,
}

fn reason_of(s: &str) -> Reason {
    match s {
        "caption" => Reason::Caption,
        "navigation" => Reason::Navigation,
        "promo" => Reason::Promo,
        "related" => Reason::Related,
        "byline" => Reason::Byline,
        "credit" => Reason::Credit,
        "timestamp" => Reason::Timestamp,
        _ => Reason::Widget,
    }
}

impl Boilerplate {
    /// The classifier with the built-in marker lists.
    pub fn new() -> Boilerplate {
        let mut exact = FxHashMap::default();
        let mut block_prefix = Vec::new();
        let mut line_prefix = Vec::new();
        let mut widget = Vec::new();
        let mut widget_reason = Vec::new();
        let mut credit = Vec::new();
        for line in data_lines(MARKERS).skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let (phrase, reason) = (f[0], reason_of(f[2]));
            match f[1] {
                "tail" => {
                    exact.insert(phrase.into(), (Mark::Tail, reason));
                }
                "block" => {
                    exact.entry(phrase.into()).or_insert((Mark::Block, reason));
                }
                "line" => {
                    exact.entry(phrase.into()).or_insert((Mark::Line, reason));
                }
                "block_prefix" => block_prefix.push((phrase.into(), reason)),
                "line_prefix" => line_prefix.push((phrase.into(), reason)),
                "widget" => {
                    widget.push(phrase.to_string());
                    widget_reason.push(reason);
                }
                "credit" => credit.push(phrase.to_string()),
                _ => {}
            }
        }
        // One anchored, leftmost-longest search finds the longest phrase a line starts with.
        let prefixes = |v: Vec<(Box<str>, Reason)>| {
            let (pats, reasons): (Vec<Box<str>>, Vec<Reason>) = v.into_iter().unzip();
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(pats.iter().map(|p| p.as_bytes()))
                .expect("prefix phrases build an automaton");
            (ac, reasons)
        };
        let block_prefix = prefixes(block_prefix);
        let line_prefix = prefixes(line_prefix);
        let ac = |pats: &[String]| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(pats)
                .expect("marker phrases build an automaton")
        };
        let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let re = |p: &str| Regex::new(p).expect("boilerplate shape patterns are valid");
        let shapes = Shapes {
            tail: re(
                r"^(\[ ?)?\d+ (comments?|thoughts on .*|responses to .*|replies to .*)( ?\])?$|^comments \(\d+\)$",
            ),
            date: re(&format!(
                r"(?i)^(updated|published|posted|last updated)?:?\s*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?({month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
            )),
            ago: re(
                r"(?i)\b(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b",
            ),
            byline: re(r"(?i)^(by|von|di|par|por)\s+\S"),
            meta_prefix: re(
                r"^(tags?|topics|categories|filed under|published|updated|posted|last updated|author|written by|publish date|word ?count|text)\s*:",
            ),
            caption_prefix: re(r"^(file )?(photo|image|picture)s?( caption)?:"),
            shares: re(r"^\d+ shares$"),
        };
        Boilerplate {
            exact,
            block_prefix,
            line_prefix,
            widget_credit: {
                let reasons = widget_reason
                    .into_iter()
                    .map(Some)
                    .chain(credit.iter().map(|_| None))
                    .collect();
                let pats: Vec<String> = widget.into_iter().chain(credit).collect();
                (ac(&pats), reasons)
            },
            shapes,
            profile: None,
        }
    }

    /// Uses a learned profile: lines that recur across a site's pages become boilerplate
    /// (reason `repeated`).
    pub fn with_profile(mut self, profile: Profile) -> Boilerplate {
        self.profile = Some(profile);
        self
    }

    /// Classifies a document, using the profile (if any) for its site.
    pub fn classify_doc(&self, text: &str, title: Option<&str>, url: Option<&str>) -> Vec<Block> {
        let mut blocks = self.classify(text, title);
        if let Some(p) = self.profile.as_ref().filter(|p| !p.is_empty()) {
            for b in &mut blocks {
                if b.kind != BlockKind::Title && p.is_repeated(b.span.slice(text), url) {
                    b.kind = BlockKind::Boilerplate;
                    b.reason = Some(Reason::Repeated);
                }
            }
        }
        blocks
    }

    /// Classifies every non-empty line of `text`. `title` is the document's title field, if
    /// the input had one: a first line equal to it is the title.
    pub fn classify(&self, text: &str, title: Option<&str>) -> Vec<Block> {
        let feats: Vec<Line> = lines(text)
            .map(|s| s.trim(text))
            .filter(|s| !s.is_empty())
            .map(|s| features(text, s))
            .collect();
        let n = feats.len();
        // Step 1: markers.
        let mut buf = String::new();
        let mut marks: Vec<Option<(Mark, Reason)>> = feats
            .iter()
            .map(|f| self.marker(text, f, &mut buf))
            .collect();
        let prose: Vec<bool> = (0..n)
            .map(|i| marks[i].is_none() && is_prose(&feats[i]))
            .collect();
        // Step 2: related/more blocks; openers before the first prose line are menu entries.
        let mut inblock = vec![false; n];
        let mut block_reason = Reason::Related;
        let mut open = false;
        let mut seen_prose = false;
        for i in 0..n {
            if let Some((m @ (Mark::Block | Mark::Tail), r)) = marks[i] {
                if !seen_prose {
                    marks[i] = Some((Mark::Line, r));
                } else if m == Mark::Block {
                    open = true;
                    block_reason = r;
                    continue;
                }
            }
            if prose[i] {
                seen_prose = true;
            }
            if open {
                let mut j = i;
                while j < n && prose[j] && j - i < CLOSE_RUN {
                    j += 1;
                }
                if j - i >= CLOSE_RUN {
                    open = false;
                    // The subheading of the resumed article.
                    if i > 0 {
                        let h = i - 1;
                        if inblock[h]
                            && marks[h].is_none()
                            && !feats[h].term
                            && feats[h].words <= HEAD_W
                        {
                            inblock[h] = false;
                        }
                    }
                } else {
                    inblock[i] = true;
                }
            }
        }
        // Step 3: teaser lists, (headline, short prose) pairs.
        let mut teaser = vec![false; n];
        let mut i = 0;
        while i + 1 < n {
            let mut j = i;
            while j + 1 < n
                && !feats[j].term
                && (1..=15).contains(&feats[j].words)
                && prose[j + 1]
                && feats[j + 1].words <= PAIR_W
            {
                j += 2;
            }
            if (j - i) / 2 >= PAIR_MIN {
                for t in &mut teaser[i..j] {
                    *t = true;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        // Step 4: classes and scores.
        let class: Vec<Class> = (0..n)
            .map(|i| {
                if marks[i].is_some() || inblock[i] || teaser[i] {
                    Class::K
                } else if prose[i] {
                    Class::P
                } else if is_text(text, &feats[i]) {
                    Class::T
                } else {
                    Class::S
                }
            })
            .collect();
        let short_run = run_lengths(&class, Class::S);
        let score: Vec<f32> = (0..n)
            .map(|i| match class[i] {
                Class::P => 1.0,
                Class::T => 0.0,
                Class::S if short_run[i] >= NAV_RUN => -NEG,
                Class::S => -SHORT_NEG,
                Class::K if inblock[i] || matches!(marks[i], Some((Mark::Block, _))) => -BLOCK_NEG,
                Class::K if matches!(marks[i], Some((Mark::Line, _))) && feats[i].words <= 3 => 0.0,
                Class::K => -NEG,
            })
            .collect();
        // Step 5: a comment tail ends the page once a region worth 2 lines of prose was seen.
        let mut end = n;
        let (mut best, mut cur) = (0.0f32, 0.0f32);
        for i in 0..n {
            if matches!(marks[i], Some((Mark::Tail, _))) && best >= TAIL_MIN {
                end = i;
                break;
            }
            cur = (cur + score[i]).max(0.0);
            best = best.max(cur);
        }
        // Step 6: the article region, the maximum-sum run of scores.
        let (mut a, mut b) = (0usize, None::<usize>);
        let (mut best, mut cur, mut st) = (0.0f32, 0.0f32, 0usize);
        for (i, &s) in score.iter().enumerate().take(end) {
            cur += s;
            if cur <= 0.0 {
                cur = 0.0;
                st = i + 1;
            } else if cur > best {
                best = cur;
                a = st;
                b = Some(i);
            }
        }
        // Step 7: a list right after the region (an optional heading, then items).
        if let Some(bb) = b {
            let mut j = bb + 1;
            if j < end
                && matches!(class[j], Class::S | Class::T)
                && !is_item(text, &feats[j])
                && feats[j].words <= 8
            {
                j += 1;
            }
            let mut k = j;
            while k < end
                && class[k] != Class::K
                && (is_item(text, &feats[k]) || class[k] == Class::P)
            {
                k += 1;
            }
            if k - j >= LIST_MIN {
                b = Some(k - 1);
            }
        }
        // Step 8: labels.
        let in_region = |i: usize| b.is_some_and(|bb| a <= i && i <= bb);
        let mut out: Vec<Block> = (0..n)
            .map(|i| {
                let f = &feats[i];
                if in_region(i) && class[i] != Class::K {
                    return Block {
                        span: f.span,
                        kind: BlockKind::Body,
                        reason: None,
                    };
                }
                let reason = if let Some((_, r)) = marks[i] {
                    r
                } else if inblock[i] {
                    block_reason
                } else if teaser[i] {
                    Reason::Related
                } else if i >= end {
                    Reason::Widget
                } else if class[i] == Class::P || class[i] == Class::T {
                    Reason::Outside
                } else {
                    Reason::Navigation
                };
                Block {
                    span: f.span,
                    kind: BlockKind::Boilerplate,
                    reason: Some(reason),
                }
            })
            .collect();
        // The headline: a title-shaped first line (or the input's title field).
        if let Some(first) = feats.first() {
            let s = first.span.slice(text);
            let is_title = match title {
                Some(t) => normalise(t) == normalise(s),
                None => {
                    first.words <= 25
                        && !first.term
                        && n > 1
                        && !s.starts_with(['"', '“', '\'', '‘'])
                        && marks[0].is_none()
                }
            };
            if is_title {
                out[0].kind = BlockKind::Title;
                out[0].reason = None;
            }
        }
        // Headings: short capitalised non-sentences kept in the region, followed by body.
        for i in 0..n {
            let f = &feats[i];
            if out[i].kind != BlockKind::Body || f.term || f.words > 12 || is_prose(f) {
                continue;
            }
            let next_body = out[i + 1..]
                .first()
                .is_some_and(|b| b.kind == BlockKind::Body);
            let s = f.span.slice(text);
            if next_body && f.caps >= 0.5 && !s.starts_with(['-', '•', '*']) {
                out[i].kind = BlockKind::Heading;
            }
        }
        out
    }

    fn marker(&self, text: &str, f: &Line, buf: &mut String) -> Option<(Mark, Reason)> {
        let s = f.span.slice(text);
        if f.words > MARKER_MAX_W {
            // Long lines: only separators and a caption label can make them furniture.
            if s.contains(" | ") || s.contains(" • ") {
                return Some((Mark::Line, Reason::Navigation));
            }
            let mut head = s.len().min(24);
            while !s.is_char_boundary(head) {
                head -= 1;
            }
            let head = s[..head].to_lowercase();
            return self
                .shapes
                .caption_prefix
                .is_match(&head)
                .then_some((Mark::Cap, Reason::Caption));
        }
        normalise_into(s, buf);
        let n = buf.as_str();
        if n.is_empty() {
            return Some((Mark::Line, Reason::Fragment));
        }
        let exact = self.exact.get(n).copied();
        if f.words <= 30
            && (matches!(exact, Some((Mark::Tail, _)))
                || n.bytes().any(|b| b.is_ascii_digit()) && self.shapes.tail.is_match(n))
        {
            return Some((Mark::Tail, Reason::Widget));
        }
        let sentence_end = n.ends_with(['.', '!', '?', '…']);
        if f.words <= SOFT_W && !sentence_end {
            if let Some(m @ (Mark::Block, _)) = exact {
                return Some(m);
            }
            if let Some(r) = prefix(&self.block_prefix, n, |rest| {
                rest.is_empty() || rest.starts_with(' ')
            }) {
                return Some((Mark::Block, r));
            }
        }
        if let Some(m @ (Mark::Line, _)) = exact {
            return Some(m);
        }
        if f.words <= 20 {
            let colon_early = s
                .char_indices()
                .take_while(|(i, _)| *i < 25)
                .any(|(_, c)| c == ':');
            if colon_early || f.words <= 4 {
                if let Some(r) = prefix(&self.line_prefix, n, |rest| {
                    rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric())
                }) {
                    return Some((Mark::Line, r));
                }
            }
        }
        // Cheap tests first: the patterns only run where they can match.
        let digit = s.bytes().any(|b| b.is_ascii_digit());
        if !f.term
            && f.words <= 12
            && (digit && self.shapes.date.is_match(s)
                || n.contains("ago") && self.shapes.ago.is_match(s))
        {
            return Some((Mark::Meta, Reason::Timestamp));
        }
        let by = n
            .split(' ')
            .next()
            .is_some_and(|w| matches!(w, "by" | "von" | "di" | "par" | "por"));
        if !f.term && f.words <= 8 && by && self.shapes.byline.is_match(s) {
            return Some((Mark::Meta, Reason::Byline));
        }
        if f.words <= 30 && n.contains(':') && self.shapes.meta_prefix.is_match(n) {
            let r = if n.starts_with("author") || n.starts_with("written") {
                Reason::Byline
            } else if n.starts_with("tag")
                || n.starts_with("topic")
                || n.starts_with("categor")
                || n.starts_with("filed")
            {
                Reason::Widget
            } else {
                Reason::Timestamp
            };
            return Some((Mark::Meta, r));
        }
        if s.contains(" | ") || s.contains(" • ") || s.starts_with(['|', '•']) {
            return Some((Mark::Line, Reason::Navigation));
        }
        if (n.starts_with("photo")
            || n.starts_with("image")
            || n.starts_with("picture")
            || n.starts_with("file photo"))
            && self.shapes.caption_prefix.is_match(n)
        {
            return Some((Mark::Cap, Reason::Caption));
        }
        // Widget words (whole words, short lines) before credits (substrings, longer lines).
        let mut credit = false;
        for m in self.widget_credit.0.find_iter(s) {
            match self.widget_credit.1[m.pattern().as_usize()] {
                Some(r) if f.words <= WIDGET_W => {
                    let before = s[..m.start()].chars().next_back();
                    let after = s[m.end()..].chars().next();
                    if before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric())
                    {
                        return Some((Mark::Line, r));
                    }
                }
                Some(_) => {}
                None => credit = true,
            }
        }
        if f.words <= WIDGET_W && digit && self.shapes.shares.is_match(n) {
            return Some((Mark::Line, Reason::Widget));
        }
        (credit && f.words <= CREDIT_W).then_some((Mark::Cap, Reason::Caption))
    }
}

/// The reason of the longest phrase of `set` that `n` starts with, when `rest_ok` accepts
/// what follows it.
fn prefix(
    set: &(AhoCorasick, Vec<Reason>),
    n: &str,
    rest_ok: impl Fn(&str) -> bool,
) -> Option<Reason> {
    let input = aho_corasick::Input::new(n).anchored(aho_corasick::Anchored::Yes);
    let m = set.0.find(input)?;
    rest_ok(&n[m.end()..]).then(|| set.1[m.pattern().as_usize()])
}

fn is_prose(f: &Line) -> bool {
    f.words >= PROSE_W && f.term || f.words >= LONG_W
}

fn is_text(text: &str, f: &Line) -> bool {
    f.words >= TEXT_W && (f.lowr >= TEXT_LOW || f.span.slice(text).contains(','))
}

/// A list item: carries digits, commas, brackets, "label: value", dashes or a URL.
fn is_item(text: &str, f: &Line) -> bool {
    let s = f.span.slice(text);
    (f.words >= 2 || s.starts_with("http"))
        && !f.term
        && (s
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b',' || b == b'(')
            || s.contains(": ")
            || s.contains('–')
            || s.contains("--")
            || s.contains("http://")
            || s.contains("https://"))
}

fn run_lengths(class: &[Class], c: Class) -> Vec<usize> {
    let n = class.len();
    let mut out = vec![0; n];
    let mut i = 0;
    while i < n {
        if class[i] == c {
            let mut j = i;
            while j < n && class[j] == c {
                j += 1;
            }
            for o in &mut out[i..j] {
                *o = j - i;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn features(text: &str, span: Span) -> Line {
    let s = span.slice(text);
    let (mut words, mut cased, mut lower, mut alpha, mut upper, mut cjk) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    // One pass: word count, the case of each word's first letter, CJK characters.
    let mut first = |c: char, words: &mut usize| {
        *words += 1;
        if c.is_alphabetic() {
            alpha += 1;
            if c.is_uppercase() {
                upper += 1;
                cased += 1;
            } else if c.is_lowercase() {
                lower += 1;
                cased += 1;
            }
        }
    };
    let mut in_word = false;
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                first(b as char, &mut words);
            }
        }
    } else {
        for c in s.chars() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                in_word = true;
                first(c, &mut words);
            }
            if ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c) {
                cjk += 1;
            }
        }
    }
    let words = words.max(cjk / 2);
    let e = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', ' ', '*']);
    let term = e.ends_with(['.', '!', '?', '…', '。', '！', '？']) || agency_tag(e);
    Line {
        span,
        words,
        term,
        lowr: if cased == 0 {
            1.0
        } else {
            lower as f32 / cased as f32
        },
        caps: if alpha == 0 {
            0.0
        } else {
            upper as f32 / alpha as f32
        },
    }
}

/// "... the commander said. REUTERS": a sentence end, then one upper-case agency tag.
fn agency_tag(e: &str) -> bool {
    let Some(sp) = e.rfind(' ') else { return false };
    let tag = &e[sp + 1..];
    let before = e[..sp].trim_end_matches(['"', '\'', '”', '’', ')']);
    (2..=16).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_uppercase())
        && tag
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'/' | b'&' | b'-'))
        && before.ends_with(['.', '!', '?'])
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_into(s, &mut out);
    out
}

/// Lower case, whitespace collapsed, ’ folded to ', trailing `:.…` and spaces stripped.
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // Most lines: bytes, no per-character case tables.
        let mut space = false;
        for b in s.trim().bytes() {
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            for c in w.chars() {
                if c == '’' {
                    out.push('\'');
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
    let t = out.trim_end_matches([':', '.', '…', ' ']).len();
    out.truncate(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind, Option<Reason>)> {
        Boilerplate::new()
            .classify(text, None)
            .iter()
            .map(|b| (b.span.slice(text).to_string(), b.kind, b.reason))
            .collect()
    }

    const PARA: &str =
        "The army said on Monday that it had lost control of the main road to the border.";

    #[test]
    fn menu_in_the_middle_closes_when_prose_resumes() {
        let text = format!(
            "Rebels close in on border town\n{PARA}\n{PARA}\nTop stories\nSwipe. Select. Stay informed.\n\
             World Leaders meet as tariff deadline nears\nBusiness Markets edge up as talks resume\n\
             Fighting has restricted mining operations and exports have plunged this year.\n{PARA}\n"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Title);
        assert_eq!(k[1].1, BlockKind::Body);
        for row in &k[3..7] {
            assert_eq!(row.1, BlockKind::Boilerplate, "{}", row.0);
        }
        assert_eq!(k[7].1, BlockKind::Body);
    }

    #[test]
    fn heading_between_paragraphs_and_related_tail() {
        let text = format!(
            "Headline here\n{PARA}\n{PARA}\nDEFYING CHINA\n{PARA}\n{PARA}\nRelated Articles\nBusiness Times\nan hour ago\n\
             The teaser of another article looks like prose, officials said on Friday.\n"
        );
        let k = kinds(&text);
        assert_eq!(k[3].1, BlockKind::Heading);
        assert_eq!(k[6].2, Some(Reason::Related));
        for row in &k[7..] {
            assert_eq!(row.1, BlockKind::Boilerplate, "{}", row.0);
        }
    }

    #[test]
    fn comment_tail_ends_the_page() {
        let text = format!("Headline\n{PARA}\n{PARA}\n{PARA}\n12 comments\nI think the army is lying about the road, frankly.\n");
        let k = kinds(&text);
        assert_eq!(k[4].2, Some(Reason::Widget));
        assert_eq!(k[5].1, BlockKind::Boilerplate);
    }

    #[test]
    fn captions_bylines_timestamps_widgets() {
        let text = format!(
            "A headline\nFILE PHOTO: A view of the port in Fos, France. REUTERS/Jane Doe/File photo\nBy Maria Lopez and Tom Ng\n\
             Updated 2 hours ago\n{PARA}\nSign up for our newsletter to get the latest news\n{PARA}\n{PARA}\n"
        );
        let k = kinds(&text);
        assert_eq!(k[1].2, Some(Reason::Caption));
        assert_eq!(k[2].2, Some(Reason::Byline));
        assert_eq!(k[3].2, Some(Reason::Timestamp));
        assert_eq!(k[4].1, BlockKind::Body);
        assert_eq!(k[5].2, Some(Reason::Promo));
    }

    #[test]
    fn teaser_pairs_are_related() {
        let mut text = format!("Headline\n{PARA}\n{PARA}\n{PARA}\n{PARA}\n");
        for i in 0..4 {
            text.push_str(&format!(
                "Teaser headline number {i}\nA short teaser sentence about story {i} goes here.\n"
            ));
        }
        let k = kinds(&text);
        assert!(
            k[5..].iter().all(|r| r.1 == BlockKind::Boilerplate),
            "{k:?}"
        );
    }

    #[test]
    fn agency_tag_ends_a_sentence() {
        assert!(agency_tag("the commander said. REUTERS"));
        assert!(!agency_tag("the commander said REUTERS"));
    }
}
