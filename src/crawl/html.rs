//! HTML → text: the page's visible text, one line per block element, with a
//! [`LineHint`](crate::layout::LineHint) per line and the page's metadata.
//!
//! The lines have the shape of the boilerplate-dev text dumps (and of what a browser's
//! `innerText` shows): `p`, `div`, `li`, `h1`–`h6`, table rows and the other block elements
//! each start and end a line; `<br>` ends one; the cells of a table row are one line joined
//! by spaces; whitespace inside a line is collapsed to single spaces; `script`, `style`,
//! `noscript`, `template`, `svg`, `iframe`, the `<head>` and elements with `hidden` or an
//! inline `display:none` / `visibility:hidden` are dropped; entities are decoded (by the
//! parser). The text is the lines joined by `\n`, with a final `\n`.
//!
//! ```
//! let page = b"<html><head><title>T</title></head><body>\
//!     <h1>Rain  &amp; wind</h1><p>It rained,<br>she said.</p>\
//!     <table><tr><td>a</td><td>b</td></tr></table><div hidden>x</div></body></html>";
//! let html = claimex::crawl::html::extract(page, None);
//! assert_eq!(html.text, "Rain & wind\nIt rained,\nshe said.\na b\n");
//! assert_eq!(html.meta.title.as_deref(), Some("T"));
//! ```

use crate::crawl::dom::{Dom, NodeData, NodeId, DOCUMENT};
use crate::crawl::meta::{self, PageMeta};
use crate::layout::{BlockTag, ClassFlags, Layout, LineHint, TagFlags};
use crate::span::Span;

/// A page turned into text.
#[derive(Clone, Debug, Default)]
pub struct HtmlText {
    /// The visible text, one line per block, each line ending in `\n`.
    pub text: String,
    /// One hint per line of `text`.
    pub layout: Layout,
    /// Title, canonical URL, date, author and site name found in the page.
    pub meta: PageMeta,
    /// The character encoding the bytes were decoded with (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// Whether the decoder met bytes invalid in that encoding (replaced by U+FFFD).
    pub had_errors: bool,
}

/// Decodes `bytes` (charset from `http_charset`, a BOM, `<meta charset>`, or UTF-8 when the
/// bytes are valid UTF-8, else windows-1252) and extracts the text.
pub fn extract(bytes: &[u8], http_charset: Option<&str>) -> HtmlText {
    let (html, encoding, had_errors) = crate::crawl::charset::decode(bytes, http_charset);
    let mut out = extract_str(&html);
    out.encoding = encoding;
    out.had_errors = had_errors;
    out
}

/// Extracts the text of an already decoded page.
///
/// ```
/// let html = claimex::crawl::html::extract_str("<ul><li>One</li><li>Two <b>2</b></li></ul>");
/// assert_eq!(html.text, "One\nTwo 2\n");
/// ```
pub fn extract_str(html: &str) -> HtmlText {
    let dom = Dom::parse(html);
    let meta = meta::read(&dom);
    let (text, layout) = lines(&dom);
    HtmlText {
        text,
        layout,
        meta,
        encoding: "UTF-8",
        had_errors: false,
    }
}

/// What kind of element a tag is for the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Never visible: dropped with everything inside.
    Skip,
    /// `<br>`: ends the line.
    Break,
    /// A block element: starts and ends a line.
    Block,
    /// A table cell: a space on either side.
    Cell,
    /// Anything else: its text runs into the line.
    Inline,
}

fn role(tag: &str) -> Role {
    match tag {
        "head" | "title" | "meta" | "link" | "script" | "style" | "noscript" | "template"
        | "svg" | "math" | "iframe" | "object" | "embed" | "canvas" | "img" | "video" | "audio"
        | "source" | "track" | "map" | "input" | "param" | "base" => Role::Skip,
        "br" => Role::Break,
        "td" | "th" => Role::Cell,
        "address" | "article" | "aside" | "blockquote" | "body" | "center" | "dd" | "details"
        | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
        | "footer" | "form" | "frameset" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header"
        | "hgroup" | "hr" | "html" | "legend" | "li" | "main" | "menu" | "nav" | "ol"
        | "optgroup" | "option" | "p" | "pre" | "section" | "summary" | "table" | "tbody"
        | "thead" | "tfoot" | "tr" | "caption" | "ul" | "select" | "textarea" | "frame"
        | "noframes" | "listing" | "plaintext" | "xmp" => Role::Block,
        _ => Role::Inline,
    }
}

fn is_pre(tag: &str) -> bool {
    matches!(tag, "pre" | "textarea" | "listing" | "plaintext" | "xmp")
}

fn tag_flags(tag: &str) -> TagFlags {
    match tag {
        "nav" => TagFlags::NAV,
        "aside" => TagFlags::ASIDE,
        "header" => TagFlags::HEADER,
        "footer" => TagFlags::FOOTER,
        "figure" => TagFlags::FIGURE,
        "figcaption" | "caption" => TagFlags::FIGCAPTION,
        "form" => TagFlags::FORM,
        "li" | "dt" | "dd" => TagFlags::LI,
        "h1" => TagFlags::H1,
        "h2" => TagFlags::H2,
        "h3" => TagFlags::H3,
        "h4" => TagFlags::H4,
        "h5" => TagFlags::H5,
        "h6" => TagFlags::H6,
        "p" => TagFlags::P,
        "td" | "th" => TagFlags::TD,
        "blockquote" => TagFlags::BLOCKQUOTE,
        "pre" | "textarea" | "listing" | "xmp" | "plaintext" => TagFlags::PRE,
        "main" => TagFlags::MAIN,
        "article" => TagFlags::ARTICLE,
        "a" => TagFlags::A,
        "button" | "select" | "label" | "option" => TagFlags::CONTROL,
        "time" => TagFlags::TIME,
        "table" => TagFlags::TABLE,
        _ => TagFlags::EMPTY,
    }
}

fn block_tag(tag: &str) -> BlockTag {
    match tag {
        "p" => BlockTag::P,
        "div" | "section" | "article" | "main" | "center" | "details" | "summary" => BlockTag::Div,
        "li" | "dt" | "dd" => BlockTag::Li,
        "h1" => BlockTag::Heading(1),
        "h2" => BlockTag::Heading(2),
        "h3" => BlockTag::Heading(3),
        "h4" => BlockTag::Heading(4),
        "h5" => BlockTag::Heading(5),
        "h6" => BlockTag::Heading(6),
        "tr" => BlockTag::Row,
        "blockquote" => BlockTag::Blockquote,
        "pre" | "textarea" | "listing" | "xmp" | "plaintext" => BlockTag::Pre,
        "figcaption" | "caption" => BlockTag::Caption,
        "body" | "html" => BlockTag::Body,
        _ => BlockTag::Other,
    }
}

/// `hidden`, or an inline style with `display: none` or `visibility: hidden`.
fn is_hidden(e: &crate::crawl::dom::Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    let Some(style) = e.attr("style") else {
        return false;
    };
    let squeezed: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

/// Whitespace as Python's `str.split()` sees it (Unicode White_Space plus U+001C–U+001F), so
/// the lines match the dumps made with it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// One open element on the walk.
#[derive(Clone, Copy)]
struct Frame {
    tags: TagFlags,
    classes: ClassFlags,
    depth: u16,
    pre: bool,
}

/// The line being built and the finished text.
#[derive(Default)]
struct Lines {
    text: String,
    hints: Vec<LineHint>,
    line_start: usize,
    pending_space: bool,
    tags: TagFlags,
    classes: ClassFlags,
    chars: u32,
    link_chars: u32,
    /// Innermost open block: its tag and depth.
    blocks: Vec<(BlockTag, u16)>,
}

impl Lines {
    fn add(&mut self, s: &str, f: &Frame) {
        let mut any = false;
        for c in s.chars() {
            if is_space(c) {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && self.text.len() > self.line_start {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
            any = true;
            self.chars += 1;
            if f.tags.has(TagFlags::A) {
                self.link_chars += 1;
            }
        }
        if any {
            self.tags |= f.tags;
            self.classes |= f.classes;
        }
    }

    /// Adds text that may hold newlines that end lines (inside `<pre>`).
    fn add_pre(&mut self, s: &str, f: &Frame) {
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.brk();
            }
            self.add(part, f);
        }
    }

    fn brk(&mut self) {
        self.pending_space = false;
        if self.text.len() == self.line_start {
            return;
        }
        let (tag, depth) = self.blocks.last().copied().unwrap_or((BlockTag::Body, 0));
        self.hints.push(LineHint {
            span: Span::new(self.line_start, self.text.len()),
            tag,
            tags: self.tags,
            classes: self.classes,
            depth,
            chars: self.chars,
            link_chars: self.link_chars,
        });
        self.text.push('\n');
        self.line_start = self.text.len();
        self.tags = TagFlags::EMPTY;
        self.classes = ClassFlags::EMPTY;
        self.chars = 0;
        self.link_chars = 0;
    }
}

enum Step {
    Enter(NodeId, Frame),
    /// Leaving an element: `block` ends a line, `cell` adds a space.
    Leave {
        block: bool,
        cell: bool,
    },
}

/// Walks the tree (iteratively: pages nest thousands deep) and writes the lines.
fn lines(dom: &Dom) -> (String, Layout) {
    let mut out = Lines::default();
    let root = Frame {
        tags: TagFlags::EMPTY,
        classes: ClassFlags::EMPTY,
        depth: 0,
        pre: false,
    };
    let mut stack = vec![Step::Enter(DOCUMENT, root)];
    while let Some(step) = stack.pop() {
        let (id, parent) = match step {
            Step::Enter(id, parent) => (id, parent),
            Step::Leave { block, cell } => {
                if block {
                    out.brk();
                    out.blocks.pop();
                } else if cell {
                    out.add_space();
                }
                continue;
            }
        };
        let Some(node) = dom.nodes.get(id as usize) else {
            continue;
        };
        let frame = match &node.data {
            NodeData::Text(t) => {
                if parent.pre {
                    out.add_pre(t, &parent);
                } else {
                    out.add(t, &parent);
                }
                continue;
            }
            NodeData::Other => continue,
            NodeData::Document => parent,
            NodeData::Element(e) => {
                let local: &str = &e.name.local;
                let tag = local.rsplit(':').next().unwrap_or(local);
                let r = role(tag);
                if r == Role::Skip || is_hidden(e) {
                    continue;
                }
                if r == Role::Break {
                    out.brk();
                    continue;
                }
                let mut classes = parent.classes;
                for a in ["class", "id"] {
                    if let Some(v) = e.attr(a) {
                        classes |= ClassFlags::of_attr(v);
                    }
                }
                let frame = Frame {
                    tags: parent.tags | tag_flags(tag),
                    classes,
                    depth: parent.depth.saturating_add(1),
                    pre: parent.pre || is_pre(tag),
                };
                match r {
                    Role::Block => {
                        out.brk();
                        out.blocks.push((block_tag(tag), frame.depth));
                    }
                    Role::Cell => out.add_space(),
                    _ => {}
                }
                stack.push(Step::Leave {
                    block: r == Role::Block,
                    cell: r == Role::Cell,
                });
                frame
            }
        };
        for &c in node.children.iter().rev() {
            stack.push(Step::Enter(c, frame));
        }
    }
    out.brk();
    let Lines { text, hints, .. } = out;
    (text, Layout { lines: hints })
}

impl Lines {
    fn add_space(&mut self) {
        self.pending_space = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        extract_str(html).text
    }

    #[test]
    fn blocks_breaks_and_cells() {
        assert_eq!(
            text("<div>a<p>b</p>c<br>d<span>e</span></div>"),
            "a\nb\nc\nde\n"
        );
        assert_eq!(
            text("<table><tr><th>h1</th><th>h2</th></tr><tr><td>1</td><td> 2 </td></tr></table>"),
            "h1 h2\n1 2\n"
        );
        assert_eq!(text("<p>a\u{a0}\u{a0}b\t\n c</p>"), "a b c\n");
    }

    #[test]
    fn invisible_parts_are_dropped() {
        let page = "<head><title>T</title><style>p{}</style></head><body>\
            <script>var x = '<p>no</p>';</script><noscript>no</noscript>\
            <template><p>no</p></template><svg><text>no</text></svg>\
            <div style='DISPLAY : none'>no</div><span style='visibility:hidden'>no</span>\
            <p hidden>no</p><p>yes<!-- no --></p><iframe>no</iframe></body>";
        assert_eq!(text(page), "yes\n");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            text("<p>&amp; &lt;b&gt; &eacute;t&eacute; &#8220;q&#x201D; &nbsp;x &copy</p>"),
            "& <b> été \u{201c}q\u{201d} x ©\n"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(text("<pre>a  b\nc\n\nd</pre>"), "a b\nc\nd\n");
    }

    #[test]
    fn malformed_pages_still_give_text() {
        // A stray end tag is ignored, as browsers do: "four" stays in the item.
        assert_eq!(
            text("<p>one<p>two<li>three</ul>four"),
            "one\ntwo\nthreefour\n"
        );
        assert_eq!(
            text("<div><b>bold <i>both</b> italic</i></div>"),
            "bold both italic\n"
        );
        assert_eq!(text("<p>unclosed <a href='x>broken"), "unclosed\n");
        assert_eq!(text(""), "");
        assert_eq!(text("<<<>>>&&&;;"), "<<<>>>&&&;;\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow_or_take_quadratic_time() {
        let page = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000) + "<p>after</p>";
        assert_eq!(text(&page), "deep\nafter\n");
        let page = "<span><div>".repeat(20_000) + "x";
        assert_eq!(text(&page), "x\n");
    }

    #[test]
    fn hints_follow_the_lines() {
        let page = "<body><header class='site-header'><nav><ul><li><a href=/>Home</a></li></ul></nav></header>\
            <main><article><h2>Head</h2><p>Text with <a href=x>a link</a>.</p>\
            <figure><figcaption class=caption>Cap</figcaption></figure></article>\
            <aside class='related-stories'><p>Other</p></aside></main>\
            <footer><p class='newsletter-signup'>Sign up</p></footer></body>";
        let h = extract_str(page);
        assert_eq!(
            h.text,
            "Home\nHead\nText with a link.\nCap\nOther\nSign up\n"
        );
        let l = &h.layout.lines;
        assert_eq!(l.len(), 6);
        for hint in l {
            assert!(!hint.span.slice(&h.text).contains('\n'));
        }
        assert!(l[0]
            .tags
            .has(TagFlags::NAV | TagFlags::HEADER | TagFlags::LI | TagFlags::A));
        assert_eq!(l[0].link_density(), 1.0);
        assert_eq!(l[1].tag, BlockTag::Heading(2));
        assert!(l[2]
            .tags
            .has(TagFlags::P | TagFlags::ARTICLE | TagFlags::MAIN));
        assert_eq!((l[2].chars, l[2].link_chars), (14, 5));
        assert!(l[3].tags.has(TagFlags::FIGURE | TagFlags::FIGCAPTION));
        assert!(l[3].classes.has(ClassFlags::CAPTION));
        assert!(l[4].classes.has(ClassFlags::RELATED) && l[4].tags.has(TagFlags::ASIDE));
        assert!(l[5].classes.has(ClassFlags::NEWSLETTER) && l[5].tags.has(TagFlags::FOOTER));
        assert!(l[2].depth > l[0].depth - 2);
    }
}
