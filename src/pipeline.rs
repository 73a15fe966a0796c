//! The pipeline: wires the stages for one document.
//!
//! `input → boilerplate → segmentation → gazetteer → attribution → output`. A [`Pipeline`]
//! holds the compiled resources (automata, lexicons), is built once by a
//! [`PipelineBuilder`], and is `Send + Sync`, so worker threads share one.

use std::path::PathBuf;

use crate::attribution::{Attribution, Attributor, Sentence};
use crate::boilerplate::{Block, BlockKind, Boilerplate, Profile};
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
            attributor: Attributor::new(),
            boilerplate_on: !self.no_boilerplate,
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
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pipeline>();
};

impl Pipeline {
    /// A builder with the defaults.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Runs every stage on one document.
    pub fn annotate(&self, doc: &Document) -> Annotations {
        let text = doc.text.as_str();
        let blocks = self.blocks(doc);
        let (sentences, tokens) = self.segment(text, &blocks);
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
        if self.boilerplate_on {
            return self
                .boilerplate
                .classify_doc(&doc.text, doc.field("title"), doc.field("url"));
        }
        crate::segmentation::lines(&doc.text)
            .map(|l| l.trim(&doc.text))
            .filter(|l| !l.is_empty())
            .map(|span| Block {
                span,
                kind: BlockKind::Body,
                reason: None,
            })
            .collect()
    }

    /// Sentences and tokens of the non-boilerplate blocks, every sentence tagged.
    pub fn segment(&self, text: &str, blocks: &[Block]) -> (Vec<Sentence>, Vec<Token>) {
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut spans = Vec::new();
        for (bi, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::Boilerplate {
                continue;
            }
            spans.clear();
            self.segmenter.split_block(text, b.span, &mut spans);
            let first_tok = tokens.len();
            self.segmenter.tokenize_into(text, b.span, &mut tokens);
            let mut k = first_tok;
            for s in &spans {
                while k < tokens.len() && tokens[k].span().start < s.start {
                    k += 1;
                }
                let start = k;
                while k < tokens.len() && tokens[k].span().end <= s.end {
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
        (sentences, tokens)
    }
}
