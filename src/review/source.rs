//! Where `review` and `export` get their documents: claimex records (with the text taken
//! from the records, or recovered from the original input by id), or raw inputs run through
//! the pipeline.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::input::{self, DocStream, InputOptions, Item};
use crate::output::{self, DocParts};
use crate::pipeline::Pipeline;

use super::records::{DocRecord, RecordReader};

/// Where the documents come from.
#[derive(Clone, Debug)]
pub struct SourceOptions {
    /// Files of records (`extract --emit documents` output; `-` for stdin), or with `run`,
    /// the raw inputs (files and folders, as `extract` takes them).
    pub paths: Vec<PathBuf>,
    /// The original input, to recover the text of records that carry none.
    pub text: Vec<PathBuf>,
    /// How to read the original (or raw) input.
    pub input: InputOptions,
    /// Record lines longer than this become `too_large` error records.
    pub max_record_bytes: usize,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            paths: Vec::new(),
            text: Vec::new(),
            input: InputOptions::default(),
            max_record_bytes: 256 << 20,
        }
    }
}

/// Counts of documents read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents (records) read.
    pub documents: u64,
    /// Error records, or documents whose text could not be found.
    pub failed: u64,
    /// Claims.
    pub claims: u64,
}

/// Calls `f` on every document, in input order, with its text when it can be had, and its
/// spans checked against the text ([`DocRecord::check`]). With a `pipeline`, `opts.paths`
/// are raw inputs and the pipeline annotates them; else they are claimex records.
pub fn for_each_doc(
    opts: &SourceOptions,
    pipeline: Option<&Pipeline>,
    mut f: impl FnMut(DocRecord) -> Result<()>,
) -> Result<Counts> {
    let mut counts = Counts::default();
    let count = |d: &DocRecord, counts: &mut Counts| {
        counts.documents += 1;
        counts.claims += d.claims.len() as u64;
        if d.error.is_some() {
            counts.failed += 1;
        }
    };
    if let Some(p) = pipeline {
        let files = input::discover(&opts.paths)?;
        for rec in DocStream::new(files.files, opts.input.clone()) {
            let d = annotate(p, rec.item);
            count(&d, &mut counts);
            f(d)?;
        }
        return Ok(counts);
    }
    let mut texts = if opts.text.is_empty() {
        None
    } else {
        Some(TextSource::new(&opts.text, &opts.input)?)
    };
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        opts.paths.clone()
    };
    for path in &paths {
        let (reader, name): (Box<dyn io::BufRead>, String) = if path.as_os_str() == "-" {
            (Box::new(BufReader::new(io::stdin())), "<stdin>".into())
        } else {
            let file = File::open(path).map_err(|e| Error::Io {
                path: path.clone(),
                source: e,
            })?;
            (
                Box::new(BufReader::with_capacity(1 << 16, file)),
                path.display().to_string(),
            )
        };
        for mut d in RecordReader::new(reader, &name, opts.max_record_bytes) {
            if d.error.is_none() && d.text.is_none() {
                if let Some(t) = texts.as_mut() {
                    match t.take(&d.id)? {
                        Some((text, fields)) => {
                            d.text = Some(text);
                            for (k, v) in fields {
                                if d.field(&k).is_none() && k != opts.input.text_field {
                                    d.meta.push((k, v));
                                }
                            }
                        }
                        None => d.warnings.push(format!(
                            "no document with id {:?} in the --text input",
                            d.id
                        )),
                    }
                }
            }
            d.check();
            count(&d, &mut counts);
            f(d)?;
        }
    }
    Ok(counts)
}

fn annotate(p: &Pipeline, item: Item) -> DocRecord {
    match item {
        Item::Failed { id, error } => DocRecord::failed(&id, error.kind, &error.message),
        Item::Doc(doc) => {
            let ann = p.annotate(&doc);
            let mut bytes = Vec::new();
            output::document_record(&doc, &ann, DocParts::EXTRACT, &mut bytes);
            let mut d = match serde_json::from_slice(&bytes) {
                Ok(v) => DocRecord::from_value(&v, &doc.id),
                Err(e) => DocRecord::failed(&doc.id, "internal_error", &e.to_string()),
            };
            d.text = Some(doc.text);
            d.check();
            d
        }
    }
}

/// A document's text and its input's other string fields.
pub type TextAndFields = (String, Vec<(String, String)>);

/// The original input, read alongside the records: records come in input order, so the
/// text wanted next is usually the next one read. Texts read past while looking for an id
/// wait in a buffer (bounded: the oldest are dropped past `cap` bytes).
pub struct TextSource {
    stream: DocStream,
    waiting: HashMap<String, VecDeque<TextAndFields>>,
    order: VecDeque<(String, usize)>,
    bytes: usize,
    cap: usize,
}

impl TextSource {
    /// Opens the inputs at `paths`.
    pub fn new(paths: &[PathBuf], opts: &InputOptions) -> Result<TextSource> {
        let files = input::discover(paths)?;
        Ok(TextSource {
            stream: DocStream::new(files.files, opts.clone()),
            waiting: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            cap: 512 << 20,
        })
    }

    /// The text (and the input's other string fields) of document `id`, or `None` when the
    /// input has no such document.
    ///
    /// ```
    /// # std::fs::write(std::env::temp_dir().join("ts-doc.jsonl"), "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\"}\n").unwrap();
    /// use claimex::review::source::TextSource;
    /// let p = std::env::temp_dir().join("ts-doc.jsonl");
    /// let mut t = TextSource::new(&[p], &Default::default()).unwrap();
    /// assert_eq!(t.take("b").unwrap().unwrap().0, "B.");
    /// assert_eq!(t.take("a").unwrap().unwrap().0, "A.");
    /// assert!(t.take("c").unwrap().is_none());
    /// ```
    pub fn take(&mut self, id: &str) -> Result<Option<TextAndFields>> {
        if let Some(q) = self.waiting.get_mut(id) {
            if let Some(hit) = q.pop_front() {
                self.bytes = self.bytes.saturating_sub(hit.0.len());
                if q.is_empty() {
                    self.waiting.remove(id);
                }
                return Ok(Some(hit));
            }
        }
        for rec in self.stream.by_ref() {
            let Item::Doc(doc) = rec.item else {
                continue;
            };
            if doc.id == id {
                return Ok(Some((doc.text, doc.fields)));
            }
            self.bytes += doc.text.len();
            self.order.push_back((doc.id.clone(), doc.text.len()));
            self.waiting
                .entry(doc.id)
                .or_default()
                .push_back((doc.text, doc.fields));
            while self.bytes > self.cap {
                let Some((old, len)) = self.order.pop_front() else {
                    break;
                };
                if let Some(q) = self.waiting.get_mut(&old) {
                    if q.pop_front().is_some() {
                        self.bytes = self.bytes.saturating_sub(len);
                    }
                    if q.is_empty() {
                        self.waiting.remove(&old);
                    }
                }
            }
        }
        Ok(None)
    }
}
