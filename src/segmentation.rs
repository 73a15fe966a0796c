//! Segmentation stage: sentences and tokens, with byte spans into the unmodified text.
//!
//! Sentences never cross a line break: in scraped dumps a line is a block (a paragraph, a
//! heading, a menu item), and the boilerplate stage reasons about lines too. Inside a line, a
//! single pass finds the few bytes that can end a sentence (`.`, `?`, `!`, `…`, bullets, list
//! markers) and decides each with the rules news needs: abbreviations and titles
//! (`Maj. Naung Yoe`), initialisms (`U.S. President`), initials (`George W. Bush`), numbers,
//! times and money, ellipses, closing quotes and brackets (`."`), lower-case continuations
//! (`"Why now?" he asked`), URLs and e-mail addresses, lists, and quotations opened after a
//! speech verb, which stay in one sentence (`he said: "A. B."`).
//!
//! Word lists (abbreviations, sentence starters, speech verbs) are data files under `data/`.

use crate::lexical::{class, is_url_like};
use crate::span::Span;
pub(crate) use dateline::dateline_end;

pub use crate::lexical::{Token, TokenKind};

mod dateline;
mod scan;

use crate::lexical::is_space_before;
use scan::{is_bullet, next_is_upper, skip_open_punct, skip_space, tail, word_before};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// Precedes a name: never ends a sentence before a capital.
    Title,
    /// Precedes a number.
    Number,
    /// A month: no break before a digit.
    Month,
    /// May end a sentence: breaks only before a sentence starter.
    Common,
}

/// The word before a period, as far as sentence breaking cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    Abbrev(Abbrev),
    /// `U.S`, `p.m`, `e.g`: letters separated by periods.
    Initialism,
    /// One capital letter: `W` in `George W. Bush`.
    Initial,
    /// Digits (with separators): `1,000`, `100.00`.
    Numeric,
    /// URL, e-mail, domain: periods inside do not end anything.
    Url,
    Plain,
}

/// Splits text into sentences and tokens. Build once and share: it is `Send + Sync`.
///
/// ```
/// use claimex::segmentation::Segmenter;
/// let seg = Segmenter::new();
/// let text = "Losing Bhamo would hurt, according to Maj. Naung Yoe. The U.S. Supreme Court \
///             declined. \"Why now?\" he asked.";
/// let sents: Vec<&str> = seg.split(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(sents, [
///     "Losing Bhamo would hurt, according to Maj. Naung Yoe.",
///     "The U.S. Supreme Court declined.",
///     "\"Why now?\" he asked.",
/// ]);
/// ```
pub struct Segmenter {
    keep_quotes: bool,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// Bytes that can start a decision. Everything else is skipped by a table lookup.
static INTEREST: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b')' as usize] = true;
    t[b'"' as usize] = true;
    t[b':' as usize] = true;
    // Lead byte of U+2000..U+2FFF: … • ⁃ “ and friends.
    t[0xE2] = true;
    // Lead bytes of U+3000.. (。) and U+FF00.. (！？).
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

struct BlockState {
    /// Start of the sentence being built.
    start: usize,
    /// The last list marker seen in this block, to recognise the next one ("1. ... 2. ...").
    marker: Option<Marker>,
    /// Inside a quotation opened after a speech verb: no break before this byte.
    guard_end: usize,
    /// Straight double quotes seen so far in the block (odd = one is open).
    straight_quotes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Num(u32),
    Alpha(u8),
}

impl Marker {
    fn follows(self, prev: Marker) -> bool {
        match (prev, self) {
            (Marker::Num(a), Marker::Num(b)) => b == a + 1,
            (Marker::Alpha(a), Marker::Alpha(b)) => b == a + 1,
            _ => false,
        }
    }
}

impl Segmenter {
    /// A segmenter with the built-in English news lists.
    pub fn new() -> Segmenter {
        Segmenter { keep_quotes: true }
    }

    /// Whether a quotation opened right after a speech verb stays one sentence
    /// (`he said: "A. B."`). On by default.
    pub fn keep_quotes_after_speech(mut self, yes: bool) -> Segmenter {
        self.keep_quotes = yes;
        self
    }

    /// Sentences of a whole text: every line is split on its own.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for line in lines(text) {
            self.split_block(text, line, &mut out);
        }
        out
    }

    /// Appends the sentences of `block` (a span of `text` on char boundaries) to `out`.
    /// Line breaks inside the block always end a sentence.
    pub fn split_block(&self, text: &str, block: Span, out: &mut Vec<Span>) {
        let mut from = block.start;
        let bytes = text.as_bytes();
        while from < block.end {
            let nl = memchr::memchr(b'\n', &bytes[from..block.end]).map_or(block.end, |i| from + i);
            self.split_line(text, Span::new(from, nl), out);
            from = nl + 1;
        }
    }

    fn split_line(&self, text: &str, line: Span, out: &mut Vec<Span>) {
        let line = line.trim(text);
        if line.is_empty() {
            return;
        }
        let b = text.as_bytes();
        let end = line.end;
        let mut st = BlockState {
            start: line.start,
            marker: None,
            guard_end: 0,
            straight_quotes: 0,
        };
        st.marker = self.leading_marker(text, line.start, end);
        if let Some(cut) = dateline_end(text, line.start, end) {
            // "QUETTA, Pakistan -", "Thursday, May 7, 2015": a dateline is a sentence of
            // its own, so the first sentence (and any claim in it) starts after it.
            push(text, line.start, cut, out);
            st.start = skip_space(text, cut, end);
        }
        let mut i = st.start;
        while i < end {
            let c = b[i];
            if !INTEREST[c as usize] {
                i += 1;
                continue;
            }
            match c {
                b'.' | b'?' | b'!' => i = self.terminator(text, i, end, &mut st, out),
                b')' => i = self.paren_marker(text, i, &mut st, out),
                b':' => {
                    self.credit_label(text, i, &mut st, out);
                    i += 1;
                }
                b'"' => {
                    st.straight_quotes += 1;
                    if st.straight_quotes % 2 == 1 {
                        self.open_quote(text, i, 1, end, &mut st);
                    }
                    i += 1;
                }
                _ => {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    let w = ch.len_utf8();
                    match ch {
                        '…' | '。' | '！' | '？' => {
                            i = self.terminator(text, i, end, &mut st, out)
                        }
                        '•' | '⁃' | '▪' | '◦' => {
                            // A bullet inside a line starts a new item.
                            if i > st.start && is_space_before(text, i) {
                                push(text, st.start, i, out);
                                st.start = i;
                                st.marker = self.leading_marker(text, i, end);
                            }
                            i += w;
                        }
                        '“' => {
                            self.open_quote(text, i, w, end, &mut st);
                            i += w;
                        }
                        _ => i += w,
                    }
                }
            }
        }
        push(text, st.start, end, out);
    }

    /// Records a quotation opened after a speech verb, so no break happens inside it.
    fn open_quote(&self, text: &str, q: usize, qlen: usize, end: usize, st: &mut BlockState) {
        if !self.keep_quotes {
            return;
        }
        // The quote must open a quotation: preceded by a space, followed by a non-space.
        if !is_space_before(text, q) {
            return;
        }
        let before = text[st.start..q].trim_end();
        let before = before.strip_suffix([',', ':']).unwrap_or(before).trim_end();
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(p, c)| p + c.len_utf8());
        // Right after a speech verb ("said: "), or after a comma in a sentence that has one
        // ("Rathbun asserted that officials, "...").
        let after_verb = is_quote_verb(&before[word_start..]);
        let after_comma = (text[st.start..q].trim_end().ends_with([',', ':'])
            || before.ends_with(" that"))
            && tail(before, 240)
                .split(|c: char| !c.is_alphabetic())
                .any(is_quote_verb);
        if !after_verb && !after_comma {
            return;
        }
        let rest = &text.as_bytes()[q + qlen..end];
        let close = if qlen == 1 {
            memchr::memchr(b'"', rest)
        } else {
            text[q + qlen..end].find('”')
        };
        if let Some(c) = close {
            st.guard_end = q + qlen + c;
            if qlen == 1 {
                // The closing straight quote is consumed by the guard, not counted as opening.
                st.straight_quotes += 1;
            }
        }
    }

    /// Decides a `.`, `?`, `!` or `…` at `i`. Returns where to continue scanning.
    fn terminator(
        &self,
        text: &str,
        i: usize,
        end: usize,
        st: &mut BlockState,
        out: &mut Vec<Span>,
    ) -> usize {
        let b = text.as_bytes();
        // The cluster of terminators: "?!", "...", ". . . .", "…".
        let mut j = i;
        let mut dots = 0usize;
        let mut strong = false;
        let mut spaced = false;
        loop {
            if j < end && b[j] == b'.' {
                dots += 1;
                j += 1;
            } else if j < end && (b[j] == b'?' || b[j] == b'!') {
                strong = true;
                j += 1;
            } else if text[j..end].starts_with('…') {
                dots += 3;
                j += '…'.len_utf8();
            } else if text[j..end].starts_with('。')
                || text[j..end].starts_with('！')
                || text[j..end].starts_with('？')
            {
                strong = true;
                j += 3;
            } else if dots > 0
                && j + 1 < end
                && b[j] == b' '
                && b[j + 1] == b'.'
                && (j + 2 >= end || matches!(b[j + 2], b' ' | b'.' | b'"' | b'\'' | 0xE2))
            {
                // ". . ." spaced ellipsis continues the cluster.
                spaced = true;
                j += 1;
            } else {
                break;
            }
        }
        // "[...]": an elision inside brackets never ends a sentence.
        if i > 0 && b[i - 1] == b'[' && j < end && b[j] == b']' {
            return j + 1;
        }
        let attached = i > 0 && !matches!(b[i - 1], b' ' | b'\t');
        // A period glued to a word followed by a spaced ellipsis: "compounds. . . . The" ends
        // after the first period and the ellipsis opens the next sentence.
        if spaced && attached && dots >= 4 && b[i] == b'.' && b[i + 1] == b' ' {
            let k = skip_space(text, j, end);
            if next_is_upper(text, k, end) {
                if !self.inside_guard(st, i + 1) {
                    push(text, st.start, i + 1, out);
                    st.start = skip_space(text, i + 1, end);
                }
                return j;
            }
        }
        // Closing quotes and brackets belong to the sentence that ends here.
        let mut after = j;
        while after < end {
            let ch = text[after..].chars().next().unwrap_or(' ');
            if matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»') {
                if ch == '"' {
                    st.straight_quotes += 1;
                }
                after += ch.len_utf8();
            } else {
                break;
            }
        }
        if dots == 1 && !strong {
            // List markers: "1." opening an item never ends it; "2." continuing the line's
            // list starts a new item.
            let (ws, word) = word_before(text, st.start, i);
            if let Some(m) = marker_of(word) {
                let lead = &text[st.start..ws];
                if lead
                    .trim_matches(|c: char| c.is_whitespace() || is_bullet(c))
                    .is_empty()
                {
                    return after;
                }
                let spaced_upper = after < end
                    && text[after..end].starts_with(char::is_whitespace)
                    && next_is_upper(text, skip_space(text, after, end), end);
                if st.marker.is_some_and(|p| m.follows(p))
                    && spaced_upper
                    && is_space_before(text, ws)
                {
                    push(text, st.start, ws, out);
                    st.start = ws;
                    st.marker = Some(m);
                    return after;
                }
            }
        }
        if after >= end {
            return end;
        }
        if self.inside_guard(st, after) {
            return after;
        }
        let single_period = dots == 1 && !strong;
        if !(b[after] == b' ' || b[after] == b'\t' || b[after] == b'\r' || b[after] == 0xC2) {
            // No space after: only "world.Today" style glued sentences break.
            if single_period && after == j && self.glued_break(text, st.start, i, end) {
                push(text, st.start, after, out);
                st.start = after;
            }
            return after.max(j);
        }
        let k = skip_space(text, after, end);
        if k >= end {
            return end;
        }
        let w = skip_open_punct(text, k, end);
        let next = text[w..end].chars().next().unwrap_or(' ');
        // A list marker right after: "item. 2. The second item" breaks before it as usual.
        let brk = if strong {
            !next.is_lowercase()
        } else if dots >= 2 {
            if !next.is_uppercase() {
                false
            } else if spaced && !attached {
                // "is . . . I didn't" (3 dots) continues; ". . . . Next" (4) ends.
                dots >= 4
            } else {
                true
            }
        } else {
            self.period_breaks(text, st, i, w, end, next)
        };
        // `"Why now?" Trump asked.`: a quotation closed by its own stop, then a short
        // subject and a speech verb, is one sentence with its cue.
        let quote_closed = after > j && text[j..after].contains(['"', '”', '’', '\'']);
        // ("... leaving." Her neighbours agreed.` is two: a period inside the quotation
        // means the writer ended the sentence; with a cue after it, news style uses a comma.)
        let brk = brk
            && !(strong && quote_closed && next.is_uppercase() && self.cue_follows(text, w, end));
        if brk {
            push(text, st.start, after, out);
            st.start = k;
            if let Some(m) = self.leading_marker(text, k, end) {
                st.marker = Some(m);
            }
        }
        after
    }

    /// Whether one to eleven words from `w` end in a speech verb that closes the clause
    /// ("Trump asked.", "a Democratic staffer in the room wondered,", "Miller, a retired worker
    /// from a nuclear plant, said.").
    fn cue_follows(&self, text: &str, w: usize, end: usize) -> bool {
        let rest = &text[w..end];
        for (n, word) in rest.split_whitespace().take(12).enumerate() {
            let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?']);
            if n > 0 && is_quote_verb(bare) {
                return true;
            }
            if n > 0 && bare.len() < word.len() && !word.ends_with(',') {
                // Another sentence ended first.
                return false;
            }
        }
        false
    }

    fn inside_guard(&self, st: &BlockState, pos: usize) -> bool {
        pos <= st.guard_end && st.guard_end > 0 && st.guard_end > st.start
    }

    /// Whether a single period at `i`, followed by a space and then the word at `w` (first
    /// char `next`), ends the sentence.
    fn period_breaks(
        &self,
        text: &str,
        st: &mut BlockState,
        i: usize,
        w: usize,
        end: usize,
        next: char,
    ) -> bool {
        let (ws, word) = word_before(text, st.start, i);
        let class = self.classify(word);
        if next.is_lowercase() {
            return false;
        }
        if next.is_ascii_digit() {
            return !(matches!(class, WordClass::Abbrev(_) | WordClass::Url)
                || class == WordClass::Initialism && word.len() <= 1);
        }
        if !next.is_uppercase() {
            // "$5", "-", "•": a new sentence, unless the period belongs to a title.
            return !matches!(class, WordClass::Abbrev(Abbrev::Title) | WordClass::Url);
        }
        let starter = self.is_starter(text, w, end);
        match class {
            WordClass::Abbrev(Abbrev::Title) => false,
            WordClass::Abbrev(_) | WordClass::Initialism => starter,
            WordClass::Initial => {
                if starter {
                    return true;
                }
                let before = text[st.start..ws].trim_end();
                let prev_word = before
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                let prev_cap = prev_word
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                // "George W. Bush", "J. R. R. Tolkien": an initial after a name or at the start;
                // "founded by L. Ron Hubbard": after a function word.
                let prev_function = FUNCTION_WORDS.contains(&prev_word);
                // "writer L. Ron Hubbard": two capitalised words follow the initial.
                let rest = &text[w..end];
                let name_follows = rest.split_whitespace().nth(1).is_some_and(|n| {
                    n.starts_with(char::is_uppercase)
                        && !is_starter_word(n.trim_end_matches(|c: char| !c.is_alphanumeric()))
                });
                !(prev_cap || before.is_empty() || prev_function || name_follows)
            }
            WordClass::Url | WordClass::Numeric | WordClass::Plain => {
                // Mid-line list marker ("... first item 2. The second") also breaks here.
                true
            }
        }
    }

    /// "Playstation VR demo Image: Nick Moreau.": a caption credit label inside a line starts
    /// a new sentence.
    fn credit_label(&self, text: &str, colon: usize, st: &mut BlockState, out: &mut Vec<Span>) {
        let (ws, word) = word_before(text, st.start, colon);
        if !CREDIT_LABELS.contains(&word)
            || ws <= st.start
            || !is_space_before(text, ws)
            || self.inside_guard(st, ws)
        {
            return;
        }
        let before = text[st.start..ws].trim_end();
        if before.is_empty() || before.ends_with([':', ',', ';']) {
            return;
        }
        push(text, st.start, ws, out);
        st.start = ws;
    }

    /// A list marker `N)` or `N.)` (or `a)`) that continues the line's list: break before it.
    fn paren_marker(
        &self,
        text: &str,
        i: usize,
        st: &mut BlockState,
        out: &mut Vec<Span>,
    ) -> usize {
        let (ws, word) = word_before(text, st.start, i);
        let word = word.strip_suffix('.').unwrap_or(word);
        if let (Some(m), Some(prev)) = (marker_of(word), st.marker) {
            if m.follows(prev) && ws > st.start && is_space_before(text, ws) {
                push(text, st.start, ws, out);
                st.start = ws;
                st.marker = Some(m);
            }
        }
        i + 1
    }

    /// The list marker a sentence starts with, if any (after bullets).
    fn leading_marker(&self, text: &str, start: usize, end: usize) -> Option<Marker> {
        let s = text[start..end].trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c));
        let tok_end = s.find(|c: char| c.is_whitespace()).unwrap_or(s.len());
        let tok = &s[..tok_end];
        let core = tok.trim_end_matches([')', '.']);
        if core.len() == tok.len() {
            return None;
        }
        marker_of(core)
    }

    /// "Hello world.Today": a period glued between a word and a capitalised word.
    fn glued_break(&self, text: &str, sent_start: usize, i: usize, end: usize) -> bool {
        let (_, word) = word_before(text, sent_start, i);
        if word.chars().count() < 2
            || self.classify(word) != WordClass::Plain && self.classify(word) != WordClass::Numeric
        {
            return false;
        }
        let last = word.chars().last().unwrap_or(' ');
        if !(last.is_lowercase() || last.is_ascii_digit()) {
            return false;
        }
        let mut it = text[i + 1..end].chars();
        let (Some(a), Some(c)) = (it.next(), it.next()) else {
            return false;
        };
        if !(a.is_uppercase() && c.is_lowercase()) {
            return false;
        }
        // Not inside a URL or address: look at the whole whitespace-delimited chunk.
        let chunk_end = text[i..end]
            .find(char::is_whitespace)
            .map_or(end, |p| i + p);
        let chunk_start = text[sent_start..i]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(sent_start, |(p, c)| sent_start + p + c.len_utf8());
        !is_url_like(&text[chunk_start..chunk_end])
    }

    fn classify(&self, word: &str) -> WordClass {
        if word.is_empty() {
            return WordClass::Plain;
        }
        if is_url_like(word) {
            return WordClass::Url;
        }
        let bytes = word.as_bytes();
        if bytes[0].is_ascii_digit()
            && bytes
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        {
            return WordClass::Numeric;
        }
        if word.contains('.') {
            // "U.S", "p.m", "e.g", "U.S.A"
            if word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
            {
                return WordClass::Initialism;
            }
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return WordClass::Initial;
            }
        }
        let c = crate::lexical::lookup_id(word).class();
        if c.any(class::ABBREV_TITLE) {
            WordClass::Abbrev(Abbrev::Title)
        } else if c.any(class::ABBREV_NUMBER) {
            WordClass::Abbrev(Abbrev::Number)
        } else if c.any(class::ABBREV_MONTH) {
            WordClass::Abbrev(Abbrev::Month)
        } else if c.any(class::ABBREV_COMMON) {
            WordClass::Abbrev(Abbrev::Common)
        } else {
            WordClass::Plain
        }
    }

    fn is_starter(&self, text: &str, w: usize, end: usize) -> bool {
        let rest = &text[w..end];
        let e = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        is_starter_word(&rest[..e])
    }

    /// Tokens of the whole text (the token layer's tokenizer, [`crate::lexical::tokenize`]).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        crate::lexical::tokenize(text)
    }

    /// Appends the tokens of `span` to `out`.
    pub fn tokenize_into(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        crate::lexical::tokenize_into(text, span, out)
    }
}

/// A capitalised word that shows a new sentence begins (`data/sentence_starters.txt`).
fn is_starter_word(w: &str) -> bool {
    let mut cs = w.chars();
    let title_case = cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase());
    title_case && crate::lexical::lookup_id(w).class().has(class::STARTER)
}

/// A lower-case speech verb after which a quotation stays in its sentence
/// (`data/quote_verbs.txt`).
fn is_quote_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && crate::lexical::lookup_id(w).class().has(class::QUOTE_VERB)
}

/// Caption credit labels ("Image: NASA.") that start a sentence inside a line.
const CREDIT_LABELS: &[&str] = &[
    "Image",
    "Photo",
    "Photograph",
    "Picture",
    "Credit",
    "Video",
    "Source",
];

/// Words after which a single capital letter with a period is a name's initial.
const FUNCTION_WORDS: &[&str] = &[
    "of", "by", "to", "with", "for", "and", "from", "at", "as", "like", "said", "says", "told",
    "wrote", "the", "in", "on", "about", "than",
];

fn marker_of(word: &str) -> Option<Marker> {
    let w = word.trim_start_matches(is_bullet);
    if w.is_empty() || w.len() > 2 {
        return None;
    }
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().map(Marker::Num);
    }
    let b = w.as_bytes();
    if b.len() == 1 && b[0].is_ascii_lowercase() {
        return Some(Marker::Alpha(b[0]));
    }
    None
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = Span::new(start, end).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
}

/// Non-comment, non-empty lines of an embedded data file.
pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The lines of `text` inside `range` (a span that starts at a line start), as byte spans
/// of `text`: [`lines`] of the window, moved by its start.
///
/// ```
/// use claimex::segmentation::lines_in;
/// use claimex::span::Span;
/// let text = "a\nbb\nccc";
/// let got: Vec<&str> = lines_in(text, Span::new(2, text.len())).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["bb", "ccc"]);
/// ```
pub fn lines_in(text: &str, range: Span) -> impl Iterator<Item = Span> + '_ {
    let at = range.start;
    lines(range.slice(text)).map(move |s| Span::new(s.start + at, s.end + at))
}

/// The lines of a text as spans (without the line break), including empty ones.
///
/// ```
/// use claimex::segmentation::lines;
/// let text = "a\r\nbc\n\nd";
/// let got: Vec<&str> = lines(text).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["a", "bc", "", "d"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    let mut pos = 0usize;
    let mut done = text.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let nl = memchr::memchr(b'\n', &b[pos..]).map(|i| pos + i);
        let (end, next) = match nl {
            Some(n) => (n, n + 1),
            None => {
                done = true;
                (b.len(), b.len())
            }
        };
        let mut e = end;
        if e > pos && b[e - 1] == b'\r' {
            e -= 1;
        }
        let s = Span::new(pos, e);
        pos = next;
        if nl.is_some() && pos >= b.len() {
            done = true;
        }
        Some(s)
    })
}

#[cfg(test)]
mod tests;
