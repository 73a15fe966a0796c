//! The pipeline: wires the stages for one document.
//!
//! `input → boilerplate → segmentation → gazetteer → attribution → output`. A [`Pipeline`]
//! holds the compiled resources (automata, lexicons), is built once by a
//! [`PipelineBuilder`], and is `Send + Sync`, so worker threads share one.

use std::path::PathBuf;

use crate::attribution::{Attribution, Attributor, Sentence};
use crate::boilerplate::{Block, BlockKind, Boilerplate, DocContext, Profile};
use crate::document::Document;
use crate::error::Result;
use crate::gazetteer::{Entity, Gazetteer, GazetteerBuilder};
use crate::segmentation::{Segmenter, Token};
use crate::span::Span;

/// Everything the stages found in one document. All spans are byte spans into the text.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    /// Every non-empty line, classified.
    pub blocks: Vec<Block>,
    /// Sentences of the non-boilerplate blocks (title, headings, body).
    pub sentences: Vec<Sentence>,
    /// Tokens of the non-boilerplate blocks.
    pub tokens: Vec<Token>,
    /// Entities in the non-boilerplate blocks.
    pub entities: Vec<Entity>,
    /// Claims and non-responses from the body.
    pub attribution: Attribution,
}

/// Configures and builds a [`Pipeline`].
///
/// ```
/// use claimex::pipeline::Pipeline;
/// let p = Pipeline::builder().builtin_gazetteers(false).build().unwrap();
/// let ann = p.annotate(&claimex::Document::new("d", "Title\nOfficials said the road was closed."));
/// assert_eq!(ann.attribution.claims.len(), 1);
/// ```
#[derive(Default)]
pub struct PipelineBuilder {
    builtin: Option<bool>,
    gazetteers: Vec<PathBuf>,
    profile: Option<Profile>,
    no_boilerplate: bool,
    min_confidence: f32,
    window_bytes: Option<usize>,
}

impl PipelineBuilder {
    /// Whether to load the built-in gazetteers (default: yes).
    pub fn builtin_gazetteers(mut self, yes: bool) -> PipelineBuilder {
        self.builtin = Some(yes);
        self
    }

    /// Adds a user gazetteer file or folder.
    pub fn gazetteer(mut self, path: impl Into<PathBuf>) -> PipelineBuilder {
        self.gazetteers.push(path.into());
        self
    }

    /// Uses a boilerplate profile learned by `claimex profile` (lines that recur across a
    /// site's pages).
    pub fn profile(mut self, profile: Profile) -> PipelineBuilder {
        self.profile = Some(profile);
        self
    }

    /// Whether to remove boilerplate (default: yes). Without it every non-empty line is
    /// body: for clean article text such as wire copy.
    pub fn boilerplate(mut self, yes: bool) -> PipelineBuilder {
        self.no_boilerplate = !yes;
        self
    }

    /// Writes only claims whose confidence is at least `min` (0 to 1; default 0, all claims).
    /// See [`Attributor::with_min_confidence`].
    pub fn min_confidence(mut self, min: f32) -> PipelineBuilder {
        self.min_confidence = min;
        self
    }

    /// Documents with more text than this are annotated in windows of at most this many
    /// bytes (default 1 MiB), so that memory follows the window and not the document: see
    /// [`crate::windows`].
    ///
    /// ```
    /// use claimex::pipeline::Pipeline;
    /// let p = Pipeline::builder().builtin_gazetteers(false).window_bytes(4096).build().unwrap();
    /// assert!(p.windowed(&claimex::Document::new("d", "x".repeat(5000))));
    /// ```
    pub fn window_bytes(mut self, bytes: usize) -> PipelineBuilder {
        self.window_bytes = Some(bytes.max(1));
        self
    }

    /// Loads and compiles everything.
    pub fn build(self) -> Result<Pipeline> {
        let mut gb = GazetteerBuilder::new().builtin(self.builtin.unwrap_or(true));
        for p in self.gazetteers {
            gb = gb.add_path(p);
        }
        let mut boilerplate = Boilerplate::new();
        if let Some(p) = self.profile {
            boilerplate = boilerplate.with_profile(p);
        }
        Ok(Pipeline {
            boilerplate,
            segmenter: Segmenter::new(),
            gazetteer: gb.build()?,
            attributor: Attributor::new().with_min_confidence(self.min_confidence),
            boilerplate_on: !self.no_boilerplate,
            window_bytes: self.window_bytes.unwrap_or(WINDOW_BYTES),
        })
    }
}

/// The compiled pipeline.
pub struct Pipeline {
    /// Boilerplate stage.
    pub boilerplate: Boilerplate,
    /// Segmentation stage.
    pub segmenter: Segmenter,
    /// Gazetteer stage.
    pub gazetteer: Gazetteer,
    /// Attribution stage.
    pub attributor: Attributor,
    boilerplate_on: bool,
    window_bytes: usize,
}

/// Default of [`PipelineBuilder::window_bytes`].
pub const WINDOW_BYTES: usize = 1 << 20;

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pipeline>();
};

impl Pipeline {
    /// A builder with the defaults.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Documents with more text than this are annotated window by window.
    pub fn window_bytes(&self) -> usize {
        self.window_bytes
    }

    /// Whether `doc` is annotated window by window ([`crate::windows::Windowed`]) rather than
    /// whole.
    pub fn windowed(&self, doc: &Document) -> bool {
        doc.text.len() > self.window_bytes
    }

    /// Runs every stage on one document.
    pub fn annotate(&self, doc: &Document) -> Annotations {
        let text = doc.text.as_str();
        // One token pass over the whole text: boilerplate classifies from it, then the tokens
        // of boilerplate blocks are dropped and the rest become the sentences' tokens.
        let mut tokens = Vec::new();
        crate::lexical::tokenize_into(text, Span::new(0, text.len()), &mut tokens);
        let blocks = self.blocks_with(doc, &tokens);
        self.after_blocks(text, blocks, tokens)
    }

    /// Runs every stage on one window of a document too big to annotate whole (see
    /// [`crate::windows`]): `window` is a byte span of the text that starts at a line start,
    /// and every span of the result points into the whole text. Sentence indices (in claims)
    /// count from the window's first sentence. Only the `first` window has a headline.
    ///
    /// ```
    /// use claimex::pipeline::Pipeline;
    /// use claimex::span::Span;
    /// let p = Pipeline::builder().builtin_gazetteers(false).boilerplate(false).build().unwrap();
    /// let doc = claimex::Document::new("d", "Officials said the road was closed.\nThe mayor said it would reopen.");
    /// let ann = p.annotate_window(&doc, Span::new(36, doc.text.len()), false);
    /// assert_eq!(ann.sentences.len(), 1);
    /// assert_eq!(ann.attribution.claims[0].content.slice(&doc.text), "it would reopen");
    /// ```
    pub fn annotate_window(&self, doc: &Document, window: Span, first: bool) -> Annotations {
        let text = doc.text.as_str();
        let mut tokens = Vec::new();
        crate::lexical::tokenize_into(text, window, &mut tokens);
        let blocks = if self.boilerplate_on {
            self.boilerplate
                .classify_window(text, window, &tokens, DocContext::of(doc), first)
        } else {
            all_body_in(text, window)
        };
        self.after_blocks(text, blocks, tokens)
    }

    /// The stages after boilerplate, shared by [`Pipeline::annotate`] and
    /// [`Pipeline::annotate_window`]: the tokens of boilerplate blocks are dropped and the rest
    /// become the sentences' tokens, then entities and attribution.
    fn after_blocks(&self, text: &str, blocks: Vec<Block>, mut tokens: Vec<Token>) -> Annotations {
        let sentences = self.segment_kept(text, &blocks, &mut tokens);
        let entities = self.gazetteer.tag(text, &tokens, &[]);
        let paragraphs: Vec<Span> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .map(|b| b.span)
            .collect();
        let attribution =
            self.attributor
                .extract(text, &tokens, &sentences, &entities, &paragraphs);
        Annotations {
            blocks,
            sentences,
            tokens,
            entities,
            attribution,
        }
    }

    /// The blocks of a document: classified, or every line body when boilerplate removal is
    /// off.
    pub fn blocks(&self, doc: &Document) -> Vec<Block> {
        if !self.boilerplate_on {
            return all_body(&doc.text);
        }
        let tokens = crate::lexical::tokenize(&doc.text);
        self.blocks_with(doc, &tokens)
    }

    /// [`Pipeline::blocks`] from the document's tokens (all of them, as
    /// [`crate::lexical::tokenize_into`] cuts the whole text).
    pub fn blocks_with(&self, doc: &Document, tokens: &[Token]) -> Vec<Block> {
        if !self.boilerplate_on {
            return all_body(&doc.text);
        }
        self.boilerplate
            .classify_tokens(&doc.text, tokens, DocContext::of(doc))
    }

    /// Sentences and tokens of the non-boilerplate blocks, every sentence tagged.
    pub fn segment(&self, text: &str, blocks: &[Block]) -> (Vec<Sentence>, Vec<Token>) {
        let mut tokens = crate::lexical::tokenize(text);
        let sentences = self.segment_kept(text, blocks, &mut tokens);
        (sentences, tokens)
    }

    /// Sentences of the non-boilerplate blocks, every sentence tagged. `tokens` holds the
    /// tokens of the whole text on entry and only those of the kept blocks on return.
    pub fn segment_kept(
        &self,
        text: &str,
        blocks: &[Block],
        tokens: &mut Vec<Token>,
    ) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut spans = Vec::new();
        let (mut read, mut write) = (0usize, 0usize);
        for (bi, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::Boilerplate {
                continue;
            }
            // Keep the block's tokens, in place, after those of the blocks kept before it.
            while read < tokens.len() && (tokens[read].start as usize) < b.span.start {
                read += 1;
            }
            let first_tok = write;
            while read < tokens.len() && (tokens[read].end as usize) <= b.span.end {
                tokens[write] = tokens[read];
                read += 1;
                write += 1;
            }
            spans.clear();
            self.segmenter.split_block(text, b.span, &mut spans);
            let mut k = first_tok;
            for s in &spans {
                while k < write && tokens[k].span().start < s.start {
                    k += 1;
                }
                let start = k;
                while k < write && tokens[k].span().end <= s.end {
                    k += 1;
                }
                crate::lexical::tag_sentence(text, &mut tokens[start..k]);
                sentences.push(Sentence {
                    span: *s,
                    tokens: start..k,
                    block: bi,
                    body: b.kind == BlockKind::Body,
                });
            }
        }
        tokens.truncate(write);
        sentences
    }
}

/// Every non-empty line as a body block (boilerplate removal off).
fn all_body(text: &str) -> Vec<Block> {
    all_body_in(text, Span::new(0, text.len()))
}

/// [`all_body`] of the lines inside `window`.
fn all_body_in(text: &str, window: Span) -> Vec<Block> {
    crate::segmentation::lines_in(text, window)
        .map(|l| l.trim(text))
        .filter(|l| !l.is_empty())
        .map(|span| Block {
            span,
            kind: BlockKind::Body,
            reason: None,
        })
        .collect()
}
