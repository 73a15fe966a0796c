//! Marker lines: phrases from `data/boilerplate_markers.tsv` ("Related Articles", "Share",
//! "Sign up for our newsletter") and shapes (comment counts, dates, "2 hours ago", bylines,
//! photo credits, `|` separators).
//!
//! Most lines cannot hold a marker: a phrase matches a whole short line or its start, a shape
//! needs a digit, a colon or a known first word. [`Markers::mark`] tests those cheap
//! conditions on the line's tokens first and normalises (lower-cases) a line only when a
//! phrase lookup can succeed, so article paragraphs cost a length test and one automaton
//! scan at most.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::line::Line;
use super::Reason;
use crate::fasthash::FxHashMap;
use crate::lexical::Token;
use crate::segmentation::data_lines;

/// Marker kinds, from the data file and the shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
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

const MARKERS: &str = include_str!("../../data/boilerplate_markers.tsv");

/// Block phrases apply to lines of at most this many words.
const SOFT_W: usize = 8;
/// Widget words make lines of at most this many words furniture.
const WIDGET_W: usize = 20;
/// Credit pieces make lines of at most this many words captions.
const CREDIT_W: usize = 40;
/// Lines longer than this are never markers: skip the pattern checks on article paragraphs.
const MARKER_MAX_W: usize = 40;
/// Inline credits are looked for in this many last bytes of a line.
const INLINE_WINDOW: usize = 200;
/// The longest exact phrase of the data file, in words (checked by a test).
const EXACT_MAX_W: usize = 4;

/// The compiled marker phrases and shapes.
pub(crate) struct Markers {
    exact: FxHashMap<Box<str>, (Mark, Reason)>,
    /// Anchored automata over the prefix phrases, with each phrase's reason.
    block_prefix: (AhoCorasick, Vec<Reason>),
    line_prefix: (AhoCorasick, Vec<Reason>),
    /// Widget words and credit pieces in one automaton; `Some(reason)` for a widget word,
    /// `None` for a credit piece.
    widget_credit: (AhoCorasick, Vec<Option<Reason>>),
    /// Credits that close a body line ("Reporting by", "(AP)"), case-sensitive.
    inline_credit: AhoCorasick,
    shapes: Shapes,
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

impl Markers {
    pub(crate) fn new() -> Markers {
        let mut exact = FxHashMap::default();
        let mut block_prefix = Vec::new();
        let mut line_prefix = Vec::new();
        let mut widget = Vec::new();
        let mut widget_reason = Vec::new();
        let mut credit = Vec::new();
        let mut inline = Vec::new();
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
                "inline_credit" => inline.push(phrase.to_string()),
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
        let reasons = widget_reason
            .into_iter()
            .map(Some)
            .chain(credit.iter().map(|_| None))
            .collect();
        let pats: Vec<String> = widget.into_iter().chain(credit).collect();
        let widget_credit = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("marker phrases build an automaton");
        Markers {
            exact,
            block_prefix: prefixes(block_prefix),
            line_prefix: prefixes(line_prefix),
            widget_credit: (widget_credit, reasons),
            inline_credit: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&inline)
                .expect("inline credits build an automaton"),
            shapes: Shapes::new(),
        }
    }

    /// The marker kind of one line, if it is a marker. `toks` are the line's tokens; `buf` a
    /// reused buffer for the normalised line.
    pub(crate) fn mark(
        &self,
        text: &str,
        f: &Line,
        toks: &[Token],
        buf: &mut String,
    ) -> Option<(Mark, Reason)> {
        let s = f.span.slice(text);
        let first = toks.first()?;
        if f.words > MARKER_MAX_W {
            // Long lines: only separators and a caption label can make them furniture.
            if has_separator(s) {
                return Some((Mark::Line, Reason::Navigation));
            }
            return self
                .caption(s, first)
                .then_some((Mark::Cap, Reason::Caption));
        }
        let digit = f.digits > 0;
        let colon_early = s.as_bytes()[..s.len().min(25)].contains(&b':');
        let colon = colon_early || memchr::memchr(b':', s.as_bytes()).is_some();
        let tail_shape = digit
            && (first.shape.has(crate::lexical::Shape::DIGIT) || s.starts_with(['[', 'C', 'c']));
        // A phrase can only match a short line, or the start of a line with an early colon.
        let phrase = f.words <= EXACT_MAX_W.max(SOFT_W) || colon_early && f.words <= WIDGET_W;
        if phrase || (f.words <= 30 && (tail_shape || colon)) {
            normalise_into(s, buf);
            if let Some(m) = self.phrase_mark(f, buf, tail_shape, colon_early) {
                return Some(m);
            }
        } else {
            buf.clear();
        }
        let n = buf.as_str();
        // Dates and "2 hours ago": a digit, or the word "ago".
        if !f.term && f.words <= 12 {
            let ago = toks
                .iter()
                .any(|t| t.end - t.start == 3 && t.span().slice(text).eq_ignore_ascii_case("ago"));
            if digit && self.shapes.date.is_match(s) || ago && self.shapes.ago.is_match(s) {
                return Some((Mark::Meta, Reason::Timestamp));
            }
        }
        let w0 = first.span().slice(text);
        let by = ["by", "von", "di", "par", "por"]
            .iter()
            .any(|b| w0.eq_ignore_ascii_case(b));
        if !f.term && f.words <= 8 && by && self.shapes.byline.is_match(s) {
            return Some((Mark::Meta, Reason::Byline));
        }
        if f.words <= 30 && colon && !n.is_empty() && self.shapes.meta_prefix.is_match(n) {
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
        if has_separator(s) || s.starts_with(['|', '•']) {
            return Some((Mark::Line, Reason::Navigation));
        }
        if self.caption(s, first) {
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
        if f.words == 2 && digit && self.shapes.shares.is_match(n) {
            return Some((Mark::Line, Reason::Widget));
        }
        (credit && f.words <= CREDIT_W).then_some((Mark::Cap, Reason::Caption))
    }

    /// The phrase lookups on the normalised line `n`.
    fn phrase_mark(
        &self,
        f: &Line,
        n: &str,
        tail_shape: bool,
        colon_early: bool,
    ) -> Option<(Mark, Reason)> {
        if n.is_empty() {
            return Some((Mark::Line, Reason::Fragment));
        }
        let exact = if f.words <= EXACT_MAX_W {
            self.exact.get(n).copied()
        } else {
            None
        };
        if f.words <= 30
            && (matches!(exact, Some((Mark::Tail, _)))
                || tail_shape && self.shapes.tail.is_match(n))
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
        if f.words <= WIDGET_W && (colon_early || f.words <= 4) {
            if let Some(r) = prefix(&self.line_prefix, n, |rest| {
                rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric())
            }) {
                return Some((Mark::Line, r));
            }
        }
        None
    }

    /// Where a credit that closes the line `s` starts ("... she said. REUTERS", "... said.
    /// (Reporting by X; Editing by Y)"): a byte offset into `s`, after a sentence end.
    pub(crate) fn inline_credit(&self, s: &str) -> Option<usize> {
        let e = s.trim_end();
        if let Some(at) = super::line::agency_tag(e) {
            return Some(at);
        }
        // Credits are short: only the end of the line can hold one.
        let mut from = e.len().saturating_sub(INLINE_WINDOW);
        while !e.is_char_boundary(from) {
            from += 1;
        }
        let m = self.inline_credit.find_iter(&e[from..]).find(|m| {
            let at = from + m.start();
            let before = e[..at].trim_end();
            let closes = e.as_bytes()[from + m.end() - 1] != b')' || from + m.end() == e.len();
            at > 0 && before.len() < at && before.ends_with(['.', '!', '?', '"', '”']) && closes
        })?;
        Some(from + m.start())
    }

    /// "FILE PHOTO: ...", "Image caption: ...".
    fn caption(&self, s: &str, first: &Token) -> bool {
        // The line is trimmed: its first token starts it.
        let w = s.get(..(first.end - first.start) as usize).unwrap_or("");
        let starts = [
            "photo", "photos", "image", "images", "picture", "pictures", "file",
        ]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c));
        if !starts {
            return false;
        }
        let mut head = s.len().min(24);
        while !s.is_char_boundary(head) {
            head -= 1;
        }
        self.shapes
            .caption_prefix
            .is_match(&s[..head].to_ascii_lowercase())
    }
}

fn has_separator(s: &str) -> bool {
    memchr::memmem::find(s.as_bytes(), b" | ").is_some() || s.contains(" • ")
}

impl Shapes {
    fn new() -> Shapes {
        let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let re = |p: &str| Regex::new(p).expect("boilerplate shape patterns are valid");
        Shapes {
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
        }
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

/// `s` normalised: lower case, whitespace collapsed, ’ folded to ', trailing `:.…` and
/// spaces stripped.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_into(s, &mut out);
    out
}

/// [`normalise`] into a reused buffer.
pub(crate) fn normalise_into(s: &str, out: &mut String) {
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

    #[test]
    fn exact_phrases_fit_the_length_gate() {
        for line in data_lines(MARKERS).skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if matches!(f.get(1), Some(&("tail" | "block" | "line"))) {
                let w = f[0].split_whitespace().count();
                assert!(w <= EXACT_MAX_W, "{} has {w} words", f[0]);
            }
        }
    }

    #[test]
    fn normalises_case_space_and_trailing_punctuation() {
        assert_eq!(normalise("  Read  MORE: "), "read more");
        assert_eq!(normalise("Editor’s Picks…"), "editor's picks");
    }
}
