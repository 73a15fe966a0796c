//! Boilerplate stage: labels every line of a scraped page `title`, `body`, `heading` or
//! `boilerplate` (with a reason), without touching the text.
//!
//! Scraped dumps put one block per line: the headline, a photo caption, article paragraphs
//! with a menu dropped in the middle, subheadings, then widgets, comments and related-article
//! teasers that are full of other articles' attributions. The classifier reads each line's
//! shape (length, sentence punctuation, capitalisation, section-name prefixes, timestamps,
//! marker phrases kept as data) and its position (a "Related Articles" marker opens a tail;
//! "Top stories" opens a menu that closes when prose resumes).

mod profile;

use std::collections::HashMap;

use serde::Serialize;

pub use profile::{Profile, ProfileBuilder, SiteCount};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Line,
    Menu,
    Tail,
}

#[derive(Clone, Copy, Debug)]
struct Marker {
    reason: Reason,
    scope: Scope,
}

const MARKERS: &str = include_str!("../../data/boilerplate_markers.tsv");
const SECTIONS: &str = include_str!("../../data/section_names.txt");

/// The boilerplate classifier. Build once, share across threads.
///
/// ```
/// use claimex::boilerplate::{Boilerplate, BlockKind};
/// let bp = Boilerplate::new();
/// let text = "Rebels near key town\nFILE PHOTO: Soldiers in Bhamo.\n\
///             The army said on Monday that it had retaken the town after weeks of fighting.\n\
///             Related Articles\nOther story, officials said.";
/// let kinds: Vec<BlockKind> = bp.classify(text, None).iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Title, BlockKind::Boilerplate, BlockKind::Body,
///                    BlockKind::Boilerplate, BlockKind::Boilerplate]);
/// ```
pub struct Boilerplate {
    exact: HashMap<Box<str>, Marker>,
    prefixes: Vec<(Box<str>, Marker)>,
    sections: Vec<Box<str>>,
    profile: Option<Profile>,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Boilerplate::new()
    }
}

/// Per-line features.
#[derive(Clone, Copy, Debug, Default)]
struct Line {
    span: Span,
    words: usize,
    /// Ends like a sentence: `.`, `?`, `!`, `…`, `:` possibly followed by closing quotes.
    terminal: bool,
    /// Share of words starting with a capital letter.
    caps: f32,
    /// Letters are all upper case.
    all_caps: bool,
}

impl Boilerplate {
    /// The classifier with the built-in marker and section lists.
    pub fn new() -> Boilerplate {
        let mut exact = HashMap::new();
        let mut prefixes = Vec::new();
        for line in data_lines(MARKERS).skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let reason = match f[2] {
                "caption" => Reason::Caption,
                "navigation" => Reason::Navigation,
                "widget" => Reason::Widget,
                "promo" => Reason::Promo,
                "related" => Reason::Related,
                "byline" => Reason::Byline,
                "credit" => Reason::Credit,
                "timestamp" => Reason::Timestamp,
                _ => Reason::Fragment,
            };
            let scope = match f[3] {
                "menu" => Scope::Menu,
                "tail" => Scope::Tail,
                _ => Scope::Line,
            };
            let prefix = f[1] == "prefix";
            let m = Marker { reason, scope };
            if prefix {
                prefixes.push((f[0].into(), m));
            }
            exact.insert(f[0].into(), m);
        }
        // Longest prefix first, so "file photo:" wins over "photo:".
        prefixes.sort_by_key(|p: &(Box<str>, Marker)| std::cmp::Reverse(p.0.len()));
        Boilerplate {
            exact,
            prefixes,
            sections: data_lines(SECTIONS).map(Into::into).collect(),
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
        let mut out: Vec<Block> = feats
            .iter()
            .map(|l| Block {
                span: l.span,
                kind: BlockKind::Body,
                reason: None,
            })
            .collect();
        let n = feats.len();
        let mut menu = false;
        let mut tail = None::<Reason>;
        for i in 0..n {
            let l = &feats[i];
            let s = l.span.slice(text);
            if let Some(r) = tail {
                out[i].kind = BlockKind::Boilerplate;
                let m = self.marker(s).map(|m| m.reason);
                out[i].reason = Some(m.unwrap_or(r));
                if m.is_some_and(|m| m == Reason::Related) {
                    tail = m;
                }
                continue;
            }
            if let Some(m) = self.marker(s) {
                out[i].kind = BlockKind::Boilerplate;
                out[i].reason = Some(m.reason);
                match m.scope {
                    Scope::Menu => menu = true,
                    Scope::Tail => tail = Some(m.reason),
                    Scope::Line => {}
                }
                continue;
            }
            if menu {
                if is_prose(l) {
                    menu = false;
                } else {
                    out[i].kind = BlockKind::Boilerplate;
                    out[i].reason = Some(Reason::Navigation);
                    continue;
                }
            }
            if let Some(r) = line_reason(s, l) {
                out[i].kind = BlockKind::Boilerplate;
                out[i].reason = Some(r);
                continue;
            }
            if self.is_section_teaser(s, l)
                && (i + 1 < n
                    && self.is_section_teaser(feats[i + 1].span.slice(text), &feats[i + 1])
                    || i > 0 && out[i - 1].reason == Some(Reason::Navigation))
            {
                out[i].kind = BlockKind::Boilerplate;
                out[i].reason = Some(Reason::Navigation);
                continue;
            }
        }
        self.title(text, title, &feats, &mut out);
        // Short lines that are not sentences: headings between body paragraphs, fragments
        // elsewhere.
        for i in 0..n {
            if out[i].kind != BlockKind::Body || is_prose(&feats[i]) {
                continue;
            }
            let prev_body = out[..i]
                .iter()
                .rev()
                .find(|b| b.kind != BlockKind::Heading)
                .is_some_and(|b| b.kind == BlockKind::Body || b.kind == BlockKind::Title);
            let next_body = out[i + 1..]
                .iter()
                .find(|b| b.reason != Some(Reason::Promo))
                .is_some_and(|b| b.kind == BlockKind::Body);
            let l = &feats[i];
            if prev_body
                && next_body
                && l.words <= 12
                && !l.terminal
                && (l.all_caps || l.caps >= 0.5)
            {
                out[i].kind = BlockKind::Heading;
            } else if l.words < 6 || !l.terminal && l.words < 15 {
                out[i].kind = BlockKind::Boilerplate;
                out[i].reason = Some(Reason::Fragment);
            }
        }
        out
    }

    fn title(&self, text: &str, title: Option<&str>, feats: &[Line], out: &mut [Block]) {
        let Some(first) = feats.first() else {
            return;
        };
        if out[0].kind == BlockKind::Boilerplate && out[0].reason != Some(Reason::Fragment) {
            return;
        }
        let s = first.span.slice(text);
        let is_title = match title {
            Some(t) => normalise(t) == normalise(s),
            None => {
                first.words <= 25
                    && !first.terminal
                    && feats.len() > 1
                    && !s.starts_with(['"', '“', '\'', '‘'])
            }
        };
        if is_title {
            out[0].kind = BlockKind::Title;
            out[0].reason = None;
        }
    }

    fn marker(&self, line: &str) -> Option<Marker> {
        if line.len() > 60 {
            return None;
        }
        let norm = normalise(line);
        if let Some(m) = self.exact.get(norm.as_str()) {
            return Some(*m);
        }
        for (p, m) in &self.prefixes {
            if let Some(rest) = norm.strip_prefix(&**p) {
                if p.ends_with(':') || rest.is_empty() || rest.starts_with([' ', ':']) {
                    return Some(*m);
                }
            }
        }
        None
    }

    /// "World Netanyahu says he nominated Trump": a section name, then a headline.
    fn is_section_teaser(&self, s: &str, l: &Line) -> bool {
        if l.terminal || l.words < 3 || l.words > 30 {
            return false;
        }
        self.sections.iter().any(|sec| {
            s.strip_prefix(&**sec).is_some_and(|rest| {
                rest.starts_with(' ')
                    && rest[1..]
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '\'')
            })
        })
    }
}

/// Caption, byline, timestamp and credit shapes that need no marker list.
fn line_reason(s: &str, l: &Line) -> Option<Reason> {
    let lower = s.to_lowercase();
    if l.words <= 8
        && (lower.ends_with(" ago")
            || lower.starts_with("updated ")
            || lower.starts_with("published "))
    {
        return Some(Reason::Timestamp);
    }
    if l.words <= 12 && !l.terminal && (s.starts_with("By ") || s.starts_with("BY ")) {
        return Some(Reason::Byline);
    }
    if l.words <= 5 && s.starts_with("- ") {
        return Some(Reason::Related);
    }
    if lower.contains("via reuters")
        || lower.ends_with("/file photo")
        || lower.contains("(ap photo")
        || lower.ends_with("getty images")
        || lower.starts_with("file photo")
    {
        return Some(Reason::Caption);
    }
    if is_date_line(s, l) {
        return Some(Reason::Timestamp);
    }
    None
}

/// "Friday, January 4, 2019", "March 3, 2026 10:42 AM".
fn is_date_line(s: &str, l: &Line) -> bool {
    const MONTHS: [&str; 12] = [
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
    ];
    l.words <= 7
        && !l.terminal
        && s.bytes().any(|b| b.is_ascii_digit())
        && MONTHS.iter().any(|m| s.contains(m))
        && s.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| c == ',' || c == '.');
            w.chars().all(|c| c.is_ascii_digit() || c == ':')
                || MONTHS.contains(&w)
                || [
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                    "AM",
                    "PM",
                    "am",
                    "pm",
                    "GMT",
                    "UTC",
                    "ET",
                    "EST",
                    "EDT",
                ]
                .contains(&w)
        })
}

fn is_prose(l: &Line) -> bool {
    l.terminal && l.words >= 6 || l.words >= 25
}

fn features(text: &str, span: Span) -> Line {
    let s = span.slice(text);
    let mut words = 0usize;
    let mut capped = 0usize;
    for w in s.split_whitespace() {
        words += 1;
        if w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase)
        {
            capped += 1;
        }
    }
    let end = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    let terminal = end.ends_with(['.', '?', '!', '…', ':', ';']);
    let has_lower = s.chars().any(char::is_lowercase);
    let has_upper = s.chars().any(char::is_uppercase);
    Line {
        span,
        words,
        terminal,
        caps: if words == 0 {
            0.0
        } else {
            capped as f32 / words as f32
        },
        all_caps: has_upper && !has_lower,
    }
}

fn normalise(s: &str) -> String {
    let t = s
        .trim()
        .trim_end_matches(['…', ':'])
        .trim_end_matches("...")
        .trim();
    t.to_lowercase().replace('’', "'")
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

    #[test]
    fn menu_in_the_middle_closes_when_prose_resumes() {
        let text = "Rebels close in on border town\n\
            The army said on Monday that it had lost control of the main road to the border.\n\
            Top stories\n\
            Swipe. Select. Stay informed.\n\
            World Leaders meet as tariff deadline nears\n\
            Business Markets edge up as talks resume\n\
            Fighting has restricted mining operations and exports have plunged this year.\n";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Title);
        assert_eq!(k[1].1, BlockKind::Body);
        for row in &k[2..6] {
            assert_eq!(row.2, Some(Reason::Navigation), "{}", row.0);
        }
        assert_eq!(k[6].1, BlockKind::Body);
    }

    #[test]
    fn heading_between_paragraphs_and_tail() {
        let text = "Headline here\n\
            The first paragraph of the article says something important about the war.\n\
            DEFYING CHINA\n\
            The second paragraph continues the story with more facts and figures.\n\
            Hashtags\n\
            The teaser of another article looks like prose, officials said on Friday.\n";
        let k = kinds(text);
        assert_eq!(k[2].1, BlockKind::Heading);
        assert_eq!(k[4].2, Some(Reason::Widget));
        assert_eq!(k[5].1, BlockKind::Boilerplate);
    }

    #[test]
    fn captions_bylines_timestamps() {
        let text = "A headline\nFILE PHOTO: A view of the port in Fos, France. REUTERS/Jane Doe/File photo\nBy Maria Lopez and Tom Ng\nUpdated 2 hours ago\nThe port said on Monday it would reopen after the strike ended, officials said.\n";
        let k = kinds(text);
        assert_eq!(k[1].2, Some(Reason::Caption));
        assert_eq!(k[2].2, Some(Reason::Byline));
        assert_eq!(k[3].2, Some(Reason::Timestamp));
        assert_eq!(k[4].1, BlockKind::Body);
    }
}
