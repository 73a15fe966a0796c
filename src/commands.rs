//! The subcommands behind the `claimex` binary, as library functions: each takes typed
//! options, streams its inputs through the stages it needs, and returns a [`Summary`].

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::boilerplate::{BlockKind, Profile, ProfileBuilder};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::input::{self, DocStream, InputOptions, Item};
use crate::output::{self, DocParts};
use crate::pipeline::{Annotations, Pipeline};
use crate::run::{self, Counts, Out, RunOptions, Summary};
use crate::windows::{self, Windowed};
use rayon::prelude::*;

mod outfile;

pub use outfile::{clean_up_on_signals, set_stdout_closed};

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
    /// One line per claim, then one summary line per document (`--doc-summary`).
    ClaimsWithSummary,
    /// One line per document.
    Documents,
}

/// Runs `f` with a writer on `path` or on stdout. A file is written as [`outfile`] says:
/// devices and FIFOs in place, regular files through a temporary file renamed into place when
/// `f` succeeds (a crash never leaves half a file under the final name), symlinks followed.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.jsonl");
/// claimex::commands::with_output(Some(&path), |w| w.write_all(b"{}\n").map_err(claimex::Error::Output)).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"{}\n");
/// ```
pub fn with_output<T>(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    // Reopening /dev/stdout would lose an append (`>>`) redirection: use descriptor 1 itself.
    let path = path.filter(|p| {
        !matches!(
            p.to_str(),
            Some("/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
        )
    });
    match path {
        None => {
            if outfile::stdout_closed() {
                return Err(Error::Output(io::Error::other(
                    "standard output is closed (`>&-`), nothing would be written; redirect it or give a file with -o",
                )));
            }
            let stdout = io::stdout();
            let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
            f(&mut w)
        }
        Some(p) => outfile::with_file(p, f),
    }
}

fn stream(common: &Common) -> Result<(DocStream, Option<u64>, Vec<String>)> {
    let found = input::discover(&common.inputs)?;
    let total = found.files.iter().map(|f| f.size).sum::<Option<u64>>();
    let mut notes = Vec::new();
    if !found.skipped.is_empty() {
        const SHOWN: usize = 5;
        let mut list: Vec<String> = found
            .skipped
            .iter()
            .take(SHOWN)
            .map(|(p, why)| format!("{p} ({why})"))
            .collect();
        if found.skipped.len() > SHOWN {
            list.push(format!("and {} more", found.skipped.len() - SHOWN));
        }
        notes.push(format!(
            "skipped {} path(s) in folders: {}",
            found.skipped.len(),
            list.join(", ")
        ));
    }
    Ok((
        DocStream::new(found.files, common.input.clone()),
        total,
        notes,
    ))
}

/// Runs one streaming command: `annotate` on the pool, then `write` for each document;
/// failed inputs get their error record keyed by `key`.
fn run_command<A: Send>(
    common: &Common,
    key: &'static str,
    annotate: impl Fn(&Document) -> A + Sync,
    write: impl Fn(&Document, &A, &mut Out) -> io::Result<u64> + Sync,
) -> Result<Summary> {
    let (docs, total, notes) = stream(common)?;
    let opts = RunOptions {
        error_key: key,
        ..common.run.clone()
    };
    let mut summary = with_output(common.output.as_deref(), |out| {
        run::run(
            docs,
            out,
            &opts,
            total,
            |item| match item {
                Item::Doc(d) => Some(annotate(d)),
                Item::Failed { .. } => None,
            },
            |item, ann, out| match (item, ann) {
                (Item::Doc(d), Some(a)) => Ok(Counts {
                    failed: false,
                    claims: write(d, a, out)?,
                }),
                (Item::Failed { id, error }, _) => {
                    output::write_error_record(out, id, error, key)?;
                    Ok(Counts {
                        failed: true,
                        claims: 0,
                    })
                }
                (Item::Doc(_), None) => Ok(Counts::default()),
            },
        )
    })?;
    summary.notes.splice(0..0, notes);
    Ok(summary)
}

/// The lines each site repeats across the pages of the input files, learned in a first
/// pass (bounded memory: lossy counting) whose counts are made in input order, so the labels
/// are the same for any number of threads. `None` when the input is stdin (it cannot be read
/// twice) or nothing recurs.
///
/// The pass reads on one thread while the pool finds each document's distinct lines
/// ([`ProfileBuilder::lines_of`], the costly part); only the counting is sequential. (It was
/// all sequential: a tenth of a run that `--threads 2` could not share.)
pub fn learn_repeats(common: &Common) -> Result<Option<Profile>> {
    if common.inputs.is_empty() || common.inputs.iter().any(|p| p.as_os_str() == "-") {
        return Ok(None);
    }
    let (docs, _, _) = stream(common)?;
    // No pool (the system refuses threads): the same counts, on this thread.
    let pool = run::worker_pool(&common.run, &mut Vec::new());
    let mut b = ProfileBuilder::new();
    let count = |batch: Vec<input::Record>| {
        let docs: Vec<&Document> = batch
            .iter()
            .filter_map(|r| match &r.item {
                Item::Doc(d) => Some(d),
                Item::Failed { .. } => None,
            })
            .collect();
        let of = |d: &&Document| ProfileBuilder::lines_of(&d.text, d.field("url"));
        let lines: Vec<_> = match &pool {
            Some(p) => p.install(|| docs.par_iter().map(of).collect()),
            None => docs.iter().map(of).collect(),
        };
        for (d, l) in docs.iter().zip(&lines) {
            b.add_lines(&d.text, d.field("url"), l);
        }
    };
    run::for_each_batch(
        docs,
        LEARN_BATCH_DOCS,
        LEARN_BATCH_BYTES,
        "claimex-learn",
        count,
    );
    let p = b.build(REPEAT_MIN_DOCS, REPEAT_MIN_SHARE);
    Ok((!p.is_empty()).then_some(p))
}

/// Batches of the learning pass: at most this many documents ...
const LEARN_BATCH_DOCS: usize = 256;
/// ... or this many bytes of input.
const LEARN_BATCH_BYTES: usize = 4 << 20;

/// `claimex extract`: claims (or whole document records) for every document. With
/// `common.learn_repeats`, a first pass learns each site's repeated lines.
pub fn extract(common: &Common, pipeline: &mut Pipeline, emit: Emit) -> Result<Summary> {
    if common.learn_repeats {
        if let Some(p) = learn_repeats(common)? {
            pipeline.boilerplate.set_profile(p);
        }
    }
    let pipeline = &*pipeline;
    // The claims stream's error records keep `doc` beside `id` while claim lines do.
    let key = if emit == Emit::Documents { "id" } else { "doc" };
    let windowed = match emit {
        Emit::Documents => windows::Emit::Document(DocParts::EXTRACT),
        Emit::Claims => windows::Emit::Claims { summary: false },
        Emit::ClaimsWithSummary => windows::Emit::Claims { summary: true },
    };
    run_command(
        common,
        key,
        |doc| {
            if pipeline.windowed(doc) {
                Prepared::Windowed(Windowed::prepare(pipeline, doc, windowed))
            } else {
                Prepared::Whole(pipeline.annotate(doc))
            }
        },
        |doc, prepared, out| {
            let ann = match prepared {
                Prepared::Whole(ann) => ann,
                Prepared::Windowed(w) => {
                    w.write(pipeline, doc, out)?;
                    return Ok(w.claims() as u64);
                }
            };
            match emit {
                Emit::Documents => output::write_document_record(out, doc, ann, DocParts::EXTRACT)?,
                Emit::Claims => output::write_claim_records(out, doc, ann)?,
                Emit::ClaimsWithSummary => {
                    output::write_claim_records(out, doc, ann)?;
                    output::write_summary_record(out, doc, ann)?;
                }
            }
            Ok(ann.attribution.claims.len() as u64)
        },
    )
}

/// A document's annotations: whole, or (a document over [`Pipeline::window_bytes`]) window
/// by window.
enum Prepared {
    Whole(Annotations),
    Windowed(Windowed),
}

/// `claimex segment`: sentences (and tokens) over the whole text, no boilerplate removal.
pub fn segment(common: &Common, pipeline: &Pipeline, tokens: bool) -> Result<Summary> {
    run_command(
        common,
        "id",
        |doc| {
            let sents = pipeline.segmenter.split(&doc.text);
            let toks = tokens.then(|| pipeline.segmenter.tokenize(&doc.text));
            (sents, toks)
        },
        |doc, (sents, toks), out| {
            output::write_segment_record(out, doc, sents, toks.as_deref())?;
            Ok(0)
        },
    )
}

/// `claimex entities`: entities of the non-boilerplate text.
pub fn entities(common: &Common, pipeline: &Pipeline) -> Result<Summary> {
    run_command(
        common,
        "id",
        |doc| {
            let blocks = pipeline.blocks(doc);
            let (_, tokens) = pipeline.segment(&doc.text, &blocks);
            Annotations {
                entities: pipeline.gazetteer.tag(&doc.text, &tokens, &[]),
                ..Annotations::default()
            }
        },
        |doc, ann, out| {
            let parts = DocParts {
                entities: true,
                ..DocParts::default()
            };
            output::write_document_record(out, doc, ann, parts)?;
            Ok(0)
        },
    )
}

/// `claimex clean`: blocks of every document, or (`text_only`) just its body text.
pub fn clean(common: &Common, pipeline: &Pipeline, text_only: bool) -> Result<Summary> {
    run_command(
        common,
        "id",
        |doc| Annotations {
            blocks: pipeline.boilerplate.classify_doc(
                &doc.text,
                doc.field("title"),
                doc.field("url"),
            ),
            ..Annotations::default()
        },
        |doc, ann, out| {
            if text_only {
                // The headline first, then the article's headings and paragraphs.
                let mut first = true;
                for b in &ann.blocks {
                    if matches!(
                        b.kind,
                        BlockKind::Title | BlockKind::Body | BlockKind::Heading
                    ) {
                        if !first {
                            out.write_all(b"\n")?;
                        }
                        first = false;
                        out.write_all(b.span.slice(&doc.text).as_bytes())?;
                    }
                }
                out.write_all(b"\n\n")?;
            } else {
                let parts = DocParts {
                    blocks: true,
                    ..DocParts::default()
                };
                output::write_document_record(out, doc, ann, parts)?;
            }
            Ok(0)
        },
    )
}

/// `claimex clean --emit body`: one `{"id", "text"}` line per document with its body text
/// (body and heading lines joined by `\n`), the shape article-extraction scorers read.
pub fn clean_body(common: &Common, pipeline: &Pipeline) -> Result<Summary> {
    run_command(
        common,
        "id",
        |doc| pipeline.blocks(doc),
        |doc, blocks, out| {
            let body = crate::boilerplate::body_text(&doc.text, blocks);
            let record = serde_json::json!({"id": doc.id, "text": body});
            serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
            Ok(0)
        },
    )
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
    let (docs, _, _) = stream(common)?;
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
