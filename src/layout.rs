//! DOM hints for the lines of a document made from HTML: one [`LineHint`] per line of the
//! extracted text, saying where in the page the line came from (inside a `<nav>`? a `<li>`?
//! under an element whose class says `related` or `share`?) and how much of it was link text.
//!
//! The boilerplate stage reads these as features of its line classifier, so that HTML pages
//! are cleaned better than text dumps. Plain-text and JSONL documents have no layout.
//!
//! Flags are plain `u32` bit sets ([`TagFlags`], [`ClassFlags`]) so a classifier can copy
//! them into a feature vector bit by bit.
//!
//! ```
//! use claimex::layout::{ClassFlags, TagFlags};
//! let page = "<nav><a href=/>Home</a></nav><main><p class=lede>Officials said so.</p></main>";
//! let html = claimex::crawl::html::extract(page.as_bytes(), None);
//! assert_eq!(html.text, "Home\nOfficials said so.\n");
//! let lines = &html.layout.lines;
//! assert!(lines[0].tags.has(TagFlags::NAV) && lines[0].link_density() == 1.0);
//! assert!(lines[1].tags.has(TagFlags::P | TagFlags::MAIN));
//! assert!(!lines[1].classes.has(ClassFlags::RELATED));
//! assert_eq!(lines[1].span.slice(&html.text), "Officials said so.");
//! ```

use crate::span::Span;

/// The DOM hints of a whole document, one per line of its text, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// One hint per non-empty line of the document text.
    pub lines: Vec<LineHint>,
}

impl Layout {
    /// The hint of the line whose span starts at `start` (a byte offset), if any.
    ///
    /// ```
    /// let html = claimex::crawl::html::extract(b"<p>One.</p><p>Two.</p>", None);
    /// assert_eq!(html.layout.at(5).map(|l| l.span.start), Some(5));
    /// assert!(html.layout.at(3).is_none());
    /// ```
    pub fn at(&self, start: usize) -> Option<&LineHint> {
        self.lines
            .binary_search_by_key(&start, |l| l.span.start)
            .ok()
            .map(|i| &self.lines[i])
    }
}

/// Where one line of the text came from in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineHint {
    /// The line's byte span in the document text (without its `\n`).
    pub span: Span,
    /// The innermost block element that produced the line.
    pub tag: BlockTag,
    /// Elements the line's text is inside (the block, its ancestors, and inline elements
    /// that held some of its text).
    pub tags: TagFlags,
    /// Class and id tokens of those same elements.
    pub classes: ClassFlags,
    /// Depth of the innermost block element in the DOM (`<html>` is 1).
    pub depth: u16,
    /// Non-whitespace characters of the line.
    pub chars: u32,
    /// Non-whitespace characters of the line that were inside an `<a>`.
    pub link_chars: u32,
}

impl LineHint {
    /// Share of the line's characters inside links, 0.0 for an empty line.
    ///
    /// ```
    /// let html = claimex::crawl::html::extract(b"<p><a href=x>More</a> news</p>", None);
    /// assert_eq!(html.layout.lines[0].link_density(), 0.5);
    /// ```
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// The innermost block element of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockTag {
    /// `<p>`
    P,
    /// `<div>`, `<section>` and other generic containers.
    Div,
    /// `<li>`, `<dt>`, `<dd>`
    Li,
    /// `<h1>`–`<h6>` with the level.
    Heading(u8),
    /// `<tr>` (a table row: its cells are one line).
    Row,
    /// `<blockquote>`
    Blockquote,
    /// `<pre>` and the other preformatted elements.
    Pre,
    /// `<figcaption>` or `<caption>`
    Caption,
    /// `<body>` or `<html>` (text outside any other block).
    Body,
    /// Any other block element (`<nav>`, `<header>`, `<form>`, `<option>`, ...).
    Other,
}

macro_rules! flag_set {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $flag:ident = $bit:expr;)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name(pub u32);

        impl $name {
            $($(#[$fm])* pub const $flag: $name = $name(1 << $bit);)*
            /// No flag.
            pub const EMPTY: $name = $name(0);
            /// Every flag with its name, in bit order (for feature names and debugging).
            pub const ALL: &'static [(&'static str, $name)] = &[$((stringify!($flag), $name::$flag)),*];

            /// Whether all flags of `other` are set.
            pub fn has(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }

            /// Whether any flag of `other` is set.
            pub fn any(self, other: $name) -> bool {
                self.0 & other.0 != 0
            }

            /// The names of the flags set.
            pub fn names(self) -> Vec<&'static str> {
                Self::ALL.iter().filter(|(_, f)| self.has(*f)).map(|(n, _)| *n).collect()
            }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, o: $name) -> $name {
                $name(self.0 | o.0)
            }
        }

        impl std::ops::BitOrAssign for $name {
            fn bitor_assign(&mut self, o: $name) {
                self.0 |= o.0;
            }
        }
    };
}

flag_set! {
    /// Elements a line is inside. Each flag is set when the element is the line's block, one
    /// of its ancestors, or an inline element that held part of the line's text.
    ///
    /// ```
    /// use claimex::layout::TagFlags;
    /// let f = TagFlags::LI | TagFlags::NAV;
    /// assert!(f.has(TagFlags::NAV) && !f.has(TagFlags::P));
    /// assert_eq!(f.names(), ["NAV", "LI"]);
    /// ```
    TagFlags {
        /// `<nav>`: site navigation.
        NAV = 0;
        /// `<aside>`: sidebars, pull quotes, related boxes.
        ASIDE = 1;
        /// `<header>`: page or article header (masthead, headline, byline).
        HEADER = 2;
        /// `<footer>`: page or article footer.
        FOOTER = 3;
        /// `<figure>`: an image, video or embed with its caption.
        FIGURE = 4;
        /// `<figcaption>` or a table `<caption>`.
        FIGCAPTION = 5;
        /// `<form>`: search boxes, newsletter sign-ups, comment forms.
        FORM = 6;
        /// `<li>` (also `<dt>`, `<dd>`): list items, typical of menus and link lists.
        LI = 7;
        /// `<h1>`
        H1 = 8;
        /// `<h2>`
        H2 = 9;
        /// `<h3>`
        H3 = 10;
        /// `<h4>`
        H4 = 11;
        /// `<h5>`
        H5 = 12;
        /// `<h6>`
        H6 = 13;
        /// `<p>`: a paragraph.
        P = 14;
        /// `<td>` or `<th>`: a table cell.
        TD = 15;
        /// `<blockquote>`: quoted text, or an embedded post (tweets are blockquotes).
        BLOCKQUOTE = 16;
        /// `<pre>` (and `<textarea>`, `<listing>`, `<xmp>`).
        PRE = 17;
        /// `<main>`: the page's main content.
        MAIN = 18;
        /// `<article>`: an article (the main one, or a teaser card).
        ARTICLE = 19;
        /// `<a>`: some of the line's text is link text.
        A = 20;
        /// `<button>`, `<select>` or `<label>`: interface controls.
        CONTROL = 21;
        /// `<time>`: a date or time.
        TIME = 22;
        /// `<table>`: the line is part of a table.
        TABLE = 23;
    }
}

flag_set! {
    /// Class and id tokens of the elements a line is inside (same elements as [`TagFlags`]).
    /// Class and id values are split into lower-case words at non-letters and at camelCase
    /// humps (`relatedStories` → `related`, `stories`), then looked up in
    /// `data/crawl_class_tokens.tsv`.
    ///
    /// ```
    /// use claimex::layout::ClassFlags;
    /// assert_eq!(ClassFlags::of_attr("c-share-bar socialIcons"), ClassFlags::SHARE | ClassFlags::SOCIAL);
    /// assert_eq!(ClassFlags::of_attr("header badge"), ClassFlags::EMPTY);
    /// ```
    ClassFlags {
        /// `related`, `recommended`, `more-stories`, `read-next`: links to other articles.
        RELATED = 0;
        /// `share`, `sharing`, `sharebar`: share buttons.
        SHARE = 1;
        /// `social`, `facebook`, `twitter`, `whatsapp`: social media widgets.
        SOCIAL = 2;
        /// `comment`, `comments`, `disqus`, `discussion`: reader comments.
        COMMENT = 3;
        /// `promo`, `teaser`, `cta`: promotions of other content.
        PROMO = 4;
        /// `newsletter`: newsletter sign-up.
        NEWSLETTER = 5;
        /// `subscribe`, `subscription`, `paywall`, `signup`, `login`: subscription prompts.
        SUBSCRIBE = 6;
        /// `sidebar`, `rail`, `widget`: side columns.
        SIDEBAR = 7;
        /// `ad`, `ads`, `advert`, `advertisement`, `sponsor`, `dfp`, `taboola`, `outbrain`: advertising.
        AD = 8;
        /// `cookie`, `consent`, `gdpr`: cookie notices.
        COOKIE = 9;
        /// `breadcrumb`, `breadcrumbs`: breadcrumb trails.
        BREADCRUMB = 10;
        /// `byline`, `author`, `contributor`: who wrote the article.
        BYLINE = 11;
        /// `caption`, `credit`, `photo-credit`: image captions and credits.
        CAPTION = 12;
        /// `tag`, `tags`, `topic`, `topics`, `keywords`: topic tag lists.
        TAG = 13;
        /// `footer`, `menu`, `nav`, `navbar`, `masthead`: page chrome named by class.
        MENU = 14;
        /// `article-body`, `story-body`, `entry-content`, `post-content`, `content`: the
        /// article's own text, named by class (a positive hint).
        BODY = 15;
        /// `date`, `timestamp`, `published`, `dateline`: date lines.
        DATE = 16;
        /// `hidden`, `sr-only`, `visually-hidden`, `offscreen`: text hidden by a class.
        HIDDEN = 17;
    }
}

impl ClassFlags {
    /// The flags of one `class` or `id` attribute value.
    pub fn of_attr(value: &str) -> ClassFlags {
        let mut f = ClassFlags::EMPTY;
        let table = class_tokens();
        for_each_word(value, |w| {
            if let Some(flag) = table.get(w) {
                f |= *flag;
            }
        });
        f
    }
}

/// Calls `f` with every lower-case word of a class or id value: split at characters that are
/// not ASCII letters or digits and before an upper-case letter that follows a lower-case one.
fn for_each_word(value: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        let boundary = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            f(&word);
            word.clear();
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            // Bound the work on absurd attribute values: no class word is this long.
            if word.len() > 40 {
                word.clear();
            }
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        f(&word);
    }
}

fn class_tokens() -> &'static std::collections::HashMap<&'static str, ClassFlags> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, ClassFlags>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| parse_class_tokens(include_str!("../data/crawl_class_tokens.tsv")))
}

fn parse_class_tokens(src: &'static str) -> std::collections::HashMap<&'static str, ClassFlags> {
    let mut m = std::collections::HashMap::new();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(flag)) = (cols.next(), cols.next()) else {
            continue;
        };
        let flag = flag.trim();
        if let Some((_, f)) = ClassFlags::ALL.iter().find(|(n, _)| *n == flag) {
            let e: &mut ClassFlags = m.entry(word.trim()).or_default();
            *e |= *f;
        } else {
            debug_assert!(false, "unknown class flag {flag} in crawl_class_tokens.tsv");
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_token_table_names_a_flag() {
        let src = include_str!("../data/crawl_class_tokens.tsv");
        for line in src
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let flag = line.split('\t').nth(1).map(str::trim);
            assert!(
                ClassFlags::ALL.iter().any(|(n, _)| Some(*n) == flag),
                "{line}"
            );
        }
    }

    #[test]
    fn words_split_at_humps_and_punctuation() {
        let mut got = Vec::new();
        for_each_word("relatedStories article__share-BAR x9", |w| {
            got.push(w.to_string())
        });
        assert_eq!(got, ["related", "stories", "article", "share", "bar", "x9"]);
        assert_eq!(
            ClassFlags::of_attr("ad-slot"),
            ClassFlags::AD,
            "a short token only as a whole word"
        );
        assert_eq!(ClassFlags::of_attr("adobe header"), ClassFlags::EMPTY);
    }

    #[test]
    fn flag_names_follow_bits() {
        assert_eq!(TagFlags::ALL.len(), 24);
        assert_eq!(
            (ClassFlags::AD | ClassFlags::COOKIE).names(),
            ["AD", "COOKIE"]
        );
    }
}
