//! The subcommands behind the `claimex` binary, as library functions: each takes typed
//! options, streams its inputs through the stages it needs, and returns a [`Summary`].

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::boilerplate::{BlockKind, Profile, ProfileBuilder};
use crate::error::{Error, Result};
use crate::input::{self, DocStream, InputOptions, Item};
use crate::output::{self, DocParts};
use crate::pipeline::{Annotations, Pipeline};
use crate::run::{self, Rendered, RunOptions, Summary};

/// Options every streaming subcommand shares.
#[derive(Clone, Debug, Default)]
pub struct Common {
    /// Files and folders to read (empty or `-` = stdin).
    pub inputs: Vec<PathBuf>,
    /// How to read them.
    pub input: InputOptions,
    /// How to run.
    pub run: RunOptions,
    /// Where to write (`None` = stdout).
    pub output: Option<PathBuf>,
    /// `extract`: learn the lines each site repeats across its pages in a first pass over
    /// the input files (not stdin), and treat them as boilerplate.
    pub learn_repeats: bool,
}

/// One-run repeat learning: a line is learned when it is in at least this many documents
/// of a site ...
pub const REPEAT_MIN_DOCS: u32 = 3;
/// ... and at least this share of them.
pub const REPEAT_MIN_SHARE: f64 = 0.2;

/// What `extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    /// One line per claim.
    Claims,
    /// One line per document.
    Documents,
}

/// Runs `f` with a writer on `path` (a temporary file renamed into place when `f` succeeds,
/// so a crash never leaves half a file under the final name) or on stdout.
pub fn with_output<T>(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
            f(&mut w)
        }
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let tmp = tempfile::Builder::new()
                .prefix(".claimex-")
                .suffix(".part")
                .tempfile_in(dir)
                .map_err(|e| Error::Io {
                    path: dir.to_path_buf(),
                    source: e,
                })?;
            let mut w = BufWriter::with_capacity(1 << 16, tmp);
            let v = f(&mut w)?;
            let tmp = w.into_inner().map_err(|e| Error::Output(e.into_error()))?;
            tmp.persist(p).map_err(|e| Error::Io {
                path: p.to_path_buf(),
                source: e.error,
            })?;
            Ok(v)
        }
    }
}

fn stream(common: &Common) -> Result<(DocStream, Option<u64>)> {
    let files = input::discover(&common.inputs)?;
    let total = files.iter().map(|f| f.size).sum::<Option<u64>>();
    Ok((DocStream::new(files, common.input.clone()), total))
}

fn failed(item: &Item, key: &str) -> Option<Rendered> {
    if let Item::Failed { id, error } = item {
        let mut bytes = Vec::new();
        output::error_record(id, error, key, &mut bytes);
        return Some(Rendered {
            bytes,
            failed: true,
            claims: 0,
        });
    }
    None
}

/// The lines each site repeats across the pages of the input files, learned in a first,
/// sequential pass (bounded memory: lossy counting), so the labels are the same for any
/// number of threads. `None` when the input is stdin (it cannot be read twice) or nothing
/// recurs.
pub fn learn_repeats(common: &Common) -> Result<Option<Profile>> {
    if common.inputs.is_empty() || common.inputs.iter().any(|p| p.as_os_str() == "-") {
        return Ok(None);
    }
    let (docs, _) = stream(common)?;
    let mut b = ProfileBuilder::new();
    for rec in docs {
        if let Item::Doc(d) = &rec.item {
            b.add(&d.text, d.field("url"));
        }
    }
    let p = b.build(REPEAT_MIN_DOCS, REPEAT_MIN_SHARE);
    Ok((!p.is_empty()).then_some(p))
}

/// `claimex extract`: claims (or whole document records) for every document. With
/// `common.learn_repeats`, a first pass learns each site's repeated lines.
pub fn extract(common: &Common, pipeline: &mut Pipeline, emit: Emit) -> Result<Summary> {
    if common.learn_repeats {
        if let Some(p) = learn_repeats(common)? {
            pipeline.boilerplate.set_profile(p);
        }
    }
    let pipeline = &*pipeline;
    let (docs, total) = stream(common)?;
    let key = if emit == Emit::Claims { "doc" } else { "id" };
    with_output(common.output.as_deref(), |out| {
        run::run(docs, out, &common.run, total, |item| {
            if let Some(r) = failed(item, key) {
                return r;
            }
            let Item::Doc(doc) = item else {
                return Rendered::default();
            };
            let ann = pipeline.annotate(doc);
            let mut bytes = Vec::new();
            match emit {
                Emit::Documents => {
                    output::document_record(doc, &ann, DocParts::EXTRACT, &mut bytes)
                }
                Emit::Claims => output::claim_records(doc, &ann, &mut bytes),
            }
            Rendered {
                bytes,
                failed: false,
                claims: ann.attribution.claims.len() as u64,
            }
        })
    })
}

/// `claimex segment`: sentences (and tokens) over the whole text, no boilerplate removal.
pub fn segment(common: &Common, pipeline: &Pipeline, tokens: bool) -> Result<Summary> {
    let (docs, total) = stream(common)?;
    with_output(common.output.as_deref(), |out| {
        run::run(docs, out, &common.run, total, |item| {
            if let Some(r) = failed(item, "id") {
                return r;
            }
            let Item::Doc(doc) = item else {
                return Rendered::default();
            };
            let sents = pipeline.segmenter.split(&doc.text);
            let toks = tokens.then(|| pipeline.segmenter.tokenize(&doc.text));
            let mut bytes = Vec::new();
            output::segment_record(doc, &sents, toks.as_deref(), &mut bytes);
            Rendered {
                bytes,
                failed: false,
                claims: 0,
            }
        })
    })
}

/// `claimex entities`: entities of the non-boilerplate text.
pub fn entities(common: &Common, pipeline: &Pipeline) -> Result<Summary> {
    let (docs, total) = stream(common)?;
    with_output(common.output.as_deref(), |out| {
        run::run(docs, out, &common.run, total, |item| {
            if let Some(r) = failed(item, "id") {
                return r;
            }
            let Item::Doc(doc) = item else {
                return Rendered::default();
            };
            let blocks = pipeline.blocks(doc);
            let (_, tokens) = pipeline.segment(&doc.text, &blocks);
            let ann = Annotations {
                entities: pipeline.gazetteer.tag(&doc.text, &tokens, &[]),
                ..Annotations::default()
            };
            let mut bytes = Vec::new();
            let parts = DocParts {
                entities: true,
                ..DocParts::default()
            };
            output::document_record(doc, &ann, parts, &mut bytes);
            Rendered {
                bytes,
                failed: false,
                claims: 0,
            }
        })
    })
}

/// `claimex clean`: blocks of every document, or (`text_only`) just its body text.
pub fn clean(common: &Common, pipeline: &Pipeline, text_only: bool) -> Result<Summary> {
    let (docs, total) = stream(common)?;
    with_output(common.output.as_deref(), |out| {
        run::run(docs, out, &common.run, total, |item| {
            if let Some(r) = failed(item, "id") {
                return r;
            }
            let Item::Doc(doc) = item else {
                return Rendered::default();
            };
            let blocks =
                pipeline
                    .boilerplate
                    .classify_doc(&doc.text, doc.field("title"), doc.field("url"));
            let mut bytes = Vec::new();
            if text_only {
                // The headline first, then the article's headings and paragraphs.
                let body: Vec<&str> = blocks
                    .iter()
                    .filter(|b| {
                        matches!(
                            b.kind,
                            BlockKind::Title | BlockKind::Body | BlockKind::Heading
                        )
                    })
                    .map(|b| b.span.slice(&doc.text))
                    .collect();
                bytes.extend_from_slice(body.join("\n").as_bytes());
                bytes.extend_from_slice(b"\n\n");
            } else {
                let ann = Annotations {
                    blocks,
                    ..Annotations::default()
                };
                let parts = DocParts {
                    blocks: true,
                    ..DocParts::default()
                };
                output::document_record(doc, &ann, parts, &mut bytes);
            }
            Rendered {
                bytes,
                failed: false,
                claims: 0,
            }
        })
    })
}

/// Statistics of a learned profile.
#[derive(Clone, Debug)]
pub struct ProfileStats {
    /// Documents read.
    pub documents: u64,
    /// Documents that could not be read.
    pub failed: u64,
    /// Sites seen.
    pub sites: usize,
    /// Repeated lines kept.
    pub lines: usize,
}

/// `claimex profile`: learns the lines that recur across each site's pages.
pub fn profile(common: &Common, min_docs: u32, min_share: f64) -> Result<ProfileStats> {
    let (docs, _) = stream(common)?;
    let mut b = ProfileBuilder::new();
    let mut failed = 0;
    for rec in docs {
        match &rec.item {
            Item::Doc(d) => b.add(&d.text, d.field("url")),
            Item::Failed { .. } => failed += 1,
        }
    }
    let documents = b.documents() + failed;
    let p = b.build(min_docs, min_share);
    let stats = ProfileStats {
        documents,
        failed,
        sites: p.sites.len(),
        lines: p.len(),
    };
    let json = serde_json::to_vec(&p).map_err(|e| Error::Output(io::Error::other(e)))?;
    with_output(common.output.as_deref(), |w| {
        w.write_all(&json)
            .and_then(|_| w.write_all(b"\n"))
            .and_then(|_| w.flush())
            .map_err(Error::Output)
    })?;
    Ok(stats)
}

/// Reads a profile file.
pub fn read_profile(path: &Path) -> Result<Profile> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    Profile::from_json(&text).map_err(|e| Error::Profile {
        path: path.to_path_buf(),
        message: format!(
            "{e}; write one with `claimex profile DUMP -o {}`",
            path.display()
        ),
    })
}
