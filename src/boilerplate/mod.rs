//! Boilerplate stage: labels every line of a scraped page `title`, `body`, `heading` or
//! `boilerplate` (with a reason), without touching the text.
//!
//! Scraped dumps put one block per line: the headline, a photo caption, article paragraphs
//! with a menu dropped in the middle, subheadings, then widgets, comments and related-article
//! teasers that are full of other articles' attributions. The stage reads the document's
//! tokens (the shared token layer, [`crate::lexical`]) and works in layers:
//!
//! 1. [`line`]: per-line measurements off the tokens (words, sentence end, case, stop words,
//!    digits, punctuation, links);
//! 2. [`markers`]: marker lines from data (`data/boilerplate_markers.tsv`) and shapes: comment
//!    tails, related/more headings, one-line widgets, dates and bylines, photo credits;
//! 3. [`rules`]: page structure: related blocks, teaser lists, line scores, the comment tail
//!    and the article region (the maximum-sum run of scores);
//! 4. [`features`] and [`Model`]: a logistic regression over the line, its neighbourhood and
//!    what the rules say decides body or not (weights in `data/boilerplate/model.tsv`, trained
//!    on boilerplate-dev and measured leave-one-site-out: `claimex eval boilerplate --cv`);
//!    documents made from HTML add the [`layout_features`] (DOM tags, class tokens, link
//!    density of each line) and use the model for pages (`data/boilerplate/model_html.tsv`,
//!    `--html-cv`), falling back to the text model on a page its markup misleads;
//! 5. labels: the headline, subheadings, short records (one or a few sentences are body
//!    unless a marker says otherwise), trailing credits ("... said. REUTERS") cut into their
//!    own block, and lines a site repeats across pages ([`Profile`]).

mod features;
mod layout_features;
mod line;
mod markers;
mod model;
mod profile;
mod rules;

use serde::Serialize;

pub use features::{FEATURES, N_FEATURES};
pub use layout_features::{html_feature_names, layout_feature_names};
pub use model::{Model, TrainOptions};
pub use profile::{DocLines, LearnedLine, Profile, ProfileBuilder, SiteCount};

use crate::lexical::Token;
use crate::span::Span;
use line::Line;
use markers::{normalise, Markers};
use rules::{Class, Rules};

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
    /// Reporting/editing credits, copyright lines, a trailing "REUTERS".
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

/// One classified block: a line of the text, or the trailing credit cut off a body line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte span of the block, without its line break.
    pub span: Span,
    /// What the block is.
    pub kind: BlockKind,
    /// Why, for boilerplate.
    pub reason: Option<Reason>,
}

/// Records of at most this many lines are short: unmarked lines are body.
const SHORT_DOC_LINES: usize = 3;

/// Words a line opening with a dateline needs to be taken for the lead: the dateline and a
/// sentence ("CLEVELAND, Feb 26 - Standard Oil Co said it ...").
const LEAD_WORDS: usize = 10;
/// Title-shaped first lines have at most this many words.
const TITLE_W: usize = 25;

/// What the classifier knows about a document besides its text.
///
/// ```
/// use claimex::boilerplate::DocContext;
/// let ctx = DocContext { title: Some("Rebels near key town"), ..DocContext::default() };
/// assert!(ctx.url.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct DocContext<'a> {
    /// The input's title field: a first line equal to it is the title.
    pub title: Option<&'a str>,
    /// The page URL: its host selects the profile's site.
    pub url: Option<&'a str>,
    /// DOM hints of a page made from HTML: the line model for pages reads them too.
    pub layout: Option<&'a crate::layout::Layout>,
}

impl<'a> DocContext<'a> {
    /// The context of a document: its `title` and `url` fields and its layout.
    ///
    /// ```
    /// use claimex::boilerplate::DocContext;
    /// let mut doc = claimex::Document::new("d", "Text.".to_string());
    /// doc.fields.push(("title".into(), "A title".into()));
    /// assert_eq!(DocContext::of(&doc).title, Some("A title"));
    /// ```
    pub fn of(doc: &'a crate::Document) -> DocContext<'a> {
        DocContext {
            title: doc.field("title"),
            url: doc.field("url"),
            layout: doc.layout.as_ref(),
        }
    }
}

/// The body text of a document from its blocks: the body and heading lines joined by `\n`
/// (what `claimex clean --emit body` writes and article-extraction scorers read).
///
/// ```
/// use claimex::boilerplate::{body_text, Block, BlockKind};
/// use claimex::span::Span;
/// let text = "Menu\nOfficials said so.";
/// let blocks = [
///     Block { span: Span::new(0, 4), kind: BlockKind::Boilerplate, reason: None },
///     Block { span: Span::new(5, 23), kind: BlockKind::Body, reason: None },
/// ];
/// assert_eq!(body_text(text, &blocks), "Officials said so.");
/// ```
pub fn body_text(text: &str, blocks: &[Block]) -> String {
    let body: Vec<&str> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Heading))
        .map(|b| b.span.slice(text))
        .collect();
    body.join("\n")
}

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
    markers: Markers,
    model: Option<Model>,
    /// The model for documents with DOM hints (text and layout features).
    html_model: Option<Model>,
    profile: Option<Profile>,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Boilerplate::new()
    }
}

/// The per-document working state, reused by the evaluation.
pub(crate) struct Page {
    pub feats: Vec<Line>,
    pub rules: Rules,
}

impl Boilerplate {
    /// The classifier with the built-in markers and line model.
    pub fn new() -> Boilerplate {
        Boilerplate {
            markers: Markers::new(),
            model: Model::builtin(),
            html_model: Model::builtin_html(),
            profile: None,
        }
    }

    /// The same markers with another line model (`None`: the rules alone decide). The model
    /// for pages with DOM hints goes too: documents with a layout then use this one.
    pub fn with_model(mut self, model: Option<Model>) -> Boilerplate {
        self.model = model;
        self.html_model = None;
        self
    }

    /// Another model for documents with DOM hints (`None`: they use the text model). It must
    /// read the layout columns ([`Model::reads_layout`]).
    pub fn with_html_model(mut self, model: Option<Model>) -> Boilerplate {
        self.html_model = model.filter(Model::reads_layout);
        self
    }

    /// Uses a learned profile: lines that recur across a site's pages become boilerplate
    /// (reason `repeated`).
    pub fn with_profile(mut self, profile: Profile) -> Boilerplate {
        self.set_profile(profile);
        self
    }

    /// Adds `profile` to the profile in use (see [`Boilerplate::with_profile`]).
    pub fn set_profile(&mut self, profile: Profile) {
        match &mut self.profile {
            Some(p) => p.merge(profile),
            None => self.profile = Some(profile),
        }
    }

    /// The profile in use.
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// Classifies a document, using the profile (if any) for its site. Tokenizes the text;
    /// [`Boilerplate::classify_tokens`] reads tokens already made.
    pub fn classify_doc(&self, text: &str, title: Option<&str>, url: Option<&str>) -> Vec<Block> {
        let tokens = crate::lexical::tokenize(text);
        self.classify_tokens(
            text,
            &tokens,
            DocContext {
                title,
                url,
                layout: None,
            },
        )
    }

    /// Classifies every non-empty line of `text`. `title` is the document's title field, if
    /// the input had one: a first line equal to it is the title.
    pub fn classify(&self, text: &str, title: Option<&str>) -> Vec<Block> {
        let tokens = crate::lexical::tokenize(text);
        self.classify_tokens(
            text,
            &tokens,
            DocContext {
                title,
                ..DocContext::default()
            },
        )
    }

    /// Classifies every non-empty line of `text` from its tokens (all of them, in order, as
    /// [`crate::lexical::tokenize_into`] cuts them).
    pub fn classify_tokens(&self, text: &str, tokens: &[Token], ctx: DocContext) -> Vec<Block> {
        self.classify_page(text, Span::new(0, text.len()), tokens, ctx, true)
    }

    /// Classifies the lines of one window of a document too big to annotate whole
    /// ([`crate::windows`]): `window` is a byte span of `text` that starts at a line start,
    /// `tokens` are the window's tokens, and the spans of the blocks point into `text`. Each
    /// window is read as a page of its own; only the `first` has a headline, and the DOM
    /// hints of `ctx.layout` (made for the whole page) are not read.
    ///
    /// ```
    /// use claimex::boilerplate::{BlockKind, Boilerplate, DocContext};
    /// use claimex::span::Span;
    /// let text = "Title\nOfficials said the road was closed.\nMenu\nThe mayor said it would reopen.";
    /// let w = Span::new(41, text.len());
    /// let toks = claimex::lexical::tokenize(w.slice(text));
    /// let mut shifted = Vec::new();
    /// claimex::lexical::tokenize_into(text, w, &mut shifted);
    /// assert_eq!(toks.len(), shifted.len());
    /// let blocks = Boilerplate::new().classify_window(text, w, &shifted, DocContext::default(), false);
    /// assert_eq!(blocks.len(), 2);
    /// assert_eq!(blocks[0].span.slice(text), "Menu");
    /// assert!(blocks.iter().all(|b| b.kind != BlockKind::Title));
    /// ```
    pub fn classify_window(
        &self,
        text: &str,
        window: Span,
        tokens: &[Token],
        ctx: DocContext,
        first: bool,
    ) -> Vec<Block> {
        let ctx = DocContext {
            title: ctx.title.filter(|_| first),
            layout: None,
            ..ctx
        };
        self.classify_page(text, window, tokens, ctx, first)
    }

    /// The lines of `window` as one page: body decisions, then labels (a headline only where
    /// `headline`).
    fn classify_page(
        &self,
        text: &str,
        window: Span,
        tokens: &[Token],
        ctx: DocContext,
        headline: bool,
    ) -> Vec<Block> {
        let page = self.page_in(text, window, tokens);
        let keep = self.decide(text, tokens, &page, ctx.title, ctx.layout);
        self.label(text, &page, &keep, ctx, headline)
    }

    /// Lines, markers and rules of a page.
    pub(crate) fn page(&self, text: &str, tokens: &[Token]) -> Page {
        self.page_in(text, Span::new(0, text.len()), tokens)
    }

    /// [`Boilerplate::page`] of the lines inside `window` (whose tokens are `tokens`).
    fn page_in(&self, text: &str, window: Span, tokens: &[Token]) -> Page {
        let mut feats = Vec::new();
        let mut t = 0usize;
        for span in crate::segmentation::lines_in(text, window) {
            let span = span.trim(text);
            if span.is_empty() {
                continue;
            }
            while t < tokens.len() && (tokens[t].start as usize) < span.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && (tokens[t].end as usize) <= span.end {
                t += 1;
            }
            let mut f = Line::new(text, span, &tokens[first..t], first);
            // "... the talks resume. (Reporting by X)": the sentence ends before the credit.
            if !f.term && span.slice(text).ends_with(')') {
                f.term = self.markers.inline_credit(span.slice(text)).is_some();
            }
            feats.push(f);
        }
        let mut buf = String::new();
        let marks = feats
            .iter()
            .map(|f| {
                self.markers
                    .mark(text, f, &tokens[f.tok.0..f.tok.1], &mut buf)
            })
            .collect();
        let rules = Rules::new(text, &feats, marks);
        Page { feats, rules }
    }

    /// Body or not, per line: the model where there is one, else the rules' region.
    fn decide(
        &self,
        text: &str,
        tokens: &[Token],
        page: &Page,
        title: Option<&str>,
        layout: Option<&crate::layout::Layout>,
    ) -> Vec<bool> {
        let n = page.feats.len();
        let Some(text_model) = &self.model else {
            return (0..n)
                .map(|i| page.rules.in_region(i) && page.rules.class[i] != Class::K)
                .collect();
        };
        let mut keep: Vec<bool> = match (&self.html_model, layout) {
            (Some(m), Some(l)) => {
                let mut x = Vec::new();
                features::page_features(text, tokens, &page.feats, &page.rules, title, &mut x);
                let by_text = |i: usize| text_model.keep(&x[i * N_FEATURES..(i + 1) * N_FEATURES]);
                let mut wide = Vec::new();
                layout_features::widen(&x, &page.feats, l, &mut wide);
                let w = m.width();
                let html: Vec<bool> = (0..n).map(|i| m.keep(&wide[i * w..(i + 1) * w])).collect();
                let text_keep: Vec<bool> = (0..n).map(by_text).collect();
                // A page whose markup misleads the layout model (the whole article under a
                // `<form>` or a class it reads as furniture) keeps far less than the text
                // alone would: then the text model decides.
                let chars = |k: &[bool]| -> usize {
                    (0..n)
                        .filter(|&i| k[i])
                        .map(|i| page.feats[i].span.len())
                        .sum()
                };
                if chars(&html) * 2 < chars(&text_keep) {
                    text_keep
                } else {
                    html
                }
            }
            _ => {
                // Row by row: a page of millions of short lines never holds its whole feature
                // matrix.
                let mut keep = Vec::with_capacity(n);
                features::PageFeatures::new(text, tokens, &page.feats, &page.rules, title)
                    .for_each_row(|_, row| keep.push(text_model.keep(row)));
                keep
            }
        };
        // A gap of one unmarked line between two kept lines is a subheading or a short
        // paragraph of the article.
        let r = &page.rules;
        for i in 1..n.saturating_sub(1) {
            if !keep[i]
                && keep[i - 1]
                && keep[i + 1]
                && r.marks[i].is_none()
                && r.inblock[i].is_none()
                && !r.teaser[i]
            {
                keep[i] = true;
            }
        }
        // "TAIPEI, March 19 - The Taiwan Flour Mills Association will import ...": a sentence
        // line that opens with a dateline is the article's lead, whatever its place on the page.
        for (i, f) in page.feats.iter().enumerate() {
            if !keep[i]
                && f.term
                && f.words >= LEAD_WORDS
                && r.marks[i].is_none()
                && r.inblock[i].is_none()
                && !r.teaser[i]
                && crate::segmentation::dateline_end(text, f.span.start, f.span.end).is_some()
            {
                keep[i] = true;
            }
        }
        keep
    }

    /// The feature rows of a document (for training and evaluation).
    pub(crate) fn feature_rows(
        &self,
        text: &str,
        tokens: &[Token],
        title: Option<&str>,
    ) -> (Page, Vec<f32>) {
        let page = self.page(text, tokens);
        let mut x = Vec::new();
        features::page_features(text, tokens, &page.feats, &page.rules, title, &mut x);
        (page, x)
    }

    /// [`Boilerplate::feature_rows`] with the layout columns of a page made from HTML.
    pub(crate) fn feature_rows_html(
        &self,
        text: &str,
        tokens: &[Token],
        title: Option<&str>,
        layout: &crate::layout::Layout,
    ) -> (Page, Vec<f32>) {
        let (page, x) = self.feature_rows(text, tokens, title);
        let mut wide = Vec::new();
        layout_features::widen(&x, &page.feats, layout, &mut wide);
        (page, wide)
    }

    /// Blocks from the body decisions: reasons, the headline, subheadings, short records,
    /// trailing credits and repeated lines.
    fn label(
        &self,
        text: &str,
        page: &Page,
        keep: &[bool],
        ctx: DocContext,
        headline: bool,
    ) -> Vec<Block> {
        let (feats, r) = (&page.feats, &page.rules);
        let n = feats.len();
        let mut out: Vec<Block> = (0..n)
            .map(|i| {
                let span = feats[i].span;
                if keep[i] {
                    return Block {
                        span,
                        kind: BlockKind::Body,
                        reason: None,
                    };
                }
                let reason = if let Some((_, why)) = r.marks[i] {
                    why
                } else if let Some(why) = r.inblock[i] {
                    why
                } else if r.teaser[i] {
                    Reason::Related
                } else if i >= r.end {
                    Reason::Widget
                } else if matches!(r.class[i], Class::P | Class::T) {
                    Reason::Outside
                } else {
                    Reason::Navigation
                };
                Block {
                    span,
                    kind: BlockKind::Boilerplate,
                    reason: Some(reason),
                }
            })
            .collect();
        // A short record (a wire item, an article body, a lead): one or a few sentences are
        // the article unless a marker says otherwise.
        if n <= SHORT_DOC_LINES {
            for i in 0..n {
                if r.marks[i].is_none() && (feats[i].words >= 3 || feats[i].term) {
                    out[i].kind = BlockKind::Body;
                    out[i].reason = None;
                }
            }
        }
        // A page whose model keeps no line after the first: the sentence lines before its first marked
        // tail ("Related Articles") are the article — a short item is still an article.
        if !keep.iter().skip(1).any(|&k| k) {
            let tail = (1..n)
                .find(|&i| {
                    r.teaser[i]
                        || matches!(
                            r.marks[i],
                            Some((_, Reason::Related | Reason::Widget | Reason::Promo))
                        )
                })
                .unwrap_or(n);
            for i in 1..tail {
                if feats[i].term
                    && feats[i].words >= 6
                    && r.marks[i].is_none()
                    && r.inblock[i].is_none()
                {
                    out[i].kind = BlockKind::Body;
                    out[i].reason = None;
                }
            }
        }
        if headline {
            self.title(text, page, ctx.title, &mut out);
        }
        headings(text, feats, &mut out);
        if let Some(p) = self.profile.as_ref().filter(|p| !p.is_empty()) {
            for b in &mut out {
                if b.kind != BlockKind::Title && p.is_repeated(b.span.slice(text), ctx.url) {
                    b.kind = BlockKind::Boilerplate;
                    b.reason = Some(Reason::Repeated);
                }
            }
        }
        self.credits(text, out)
    }

    /// The headline: a title-shaped first line (or the input's title field).
    fn title(&self, text: &str, page: &Page, title: Option<&str>, out: &mut [Block]) {
        let Some(first) = page.feats.first() else {
            return;
        };
        let s = first.span.slice(text);
        let is_title = match title {
            Some(t) => normalise(t) == normalise(s),
            None => {
                first.words <= TITLE_W
                    && !first.term
                    && page.feats.len() > 1
                    && !s.starts_with(['"', '“', '\'', '‘'])
                    && page.rules.marks[0].is_none()
            }
        };
        if is_title {
            out[0].kind = BlockKind::Title;
            out[0].reason = None;
        }
    }

    /// Body lines that end in a credit ("... the commander said. REUTERS") become two
    /// blocks: the body, then the credit.
    fn credits(&self, text: &str, blocks: Vec<Block>) -> Vec<Block> {
        let mut out = Vec::with_capacity(blocks.len());
        for b in blocks {
            if b.kind == BlockKind::Body {
                let s = b.span.slice(text);
                if let Some(at) = self.markers.inline_credit(s) {
                    let body = Span::new(b.span.start, b.span.start + at).trim(text);
                    let credit = Span::new(b.span.start + at, b.span.end).trim(text);
                    if !body.is_empty() && !credit.is_empty() {
                        out.push(Block { span: body, ..b });
                        out.push(Block {
                            span: credit,
                            kind: BlockKind::Boilerplate,
                            reason: Some(Reason::Credit),
                        });
                        continue;
                    }
                }
            }
            out.push(b);
        }
        out
    }
}

/// Subheadings: short capitalised non-sentences kept as body, followed by body.
fn headings(text: &str, feats: &[Line], out: &mut [Block]) {
    for i in 0..feats.len() {
        let f = &feats[i];
        if out[i].kind != BlockKind::Body || f.term || f.words > 12 || f.is_prose() {
            continue;
        }
        let next_body = out.get(i + 1).is_some_and(|b| b.kind == BlockKind::Body);
        let s = f.span.slice(text);
        if next_body && f.caps >= 0.5 && !s.starts_with(['-', '•', '*']) && !rules::is_item(text, f)
        {
            out[i].kind = BlockKind::Heading;
        }
    }
}

#[cfg(test)]
mod tests;
