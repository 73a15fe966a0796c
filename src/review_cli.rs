//! The `review` and `export` subcommands of the binary: their arguments and how their
//! results map to exit codes (kept out of main.rs so that main.rs only lists them).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use claimex::export::{self, ExportFormat, ExportOptions, OffsetUnit};
use claimex::input::InputOptions;
use claimex::msg;
use claimex::review::source::{Counts, SourceOptions};
use claimex::review::{self, ReviewOptions};

use super::{pipeline, GazetteerArgs};

/// Where the documents of `review` and `export` come from.
#[derive(Args)]
pub struct DocsArgs {
    /// Document records written by `claimex extract --emit documents` (`-` or nothing:
    /// stdin); claim records and error records are read too. With --run: raw inputs.
    #[arg(value_name = "DOCS")]
    paths: Vec<PathBuf>,
    /// The input the records were made from, to recover the text (records of text files
    /// carry none), matched by id, e.g. `--text corpora/samples/`.
    #[arg(long, value_name = "INPUT")]
    text: Vec<PathBuf>,
    /// The paths are raw inputs (as `extract` reads them): run the pipeline on them first,
    /// e.g. `claimex review --run corpora/samples/ -o review.html`.
    #[arg(long)]
    run: bool,
    /// JSON field of the text in the --text (or --run) input, e.g. `--text-field body`.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSON field of the id in the --text (or --run) input, e.g. `--id-field doc_id`.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// Record lines longer than this become error records, e.g. `--max-record-bytes 1000000000`.
    #[arg(long, default_value_t = 256 << 20, value_name = "BYTES")]
    max_record_bytes: usize,
    /// No summary line on stderr.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    gaz: GazetteerArgs,
}

impl DocsArgs {
    fn source(&self) -> SourceOptions {
        SourceOptions {
            paths: self.paths.clone(),
            text: self.text.clone(),
            input: InputOptions {
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                ..InputOptions::default()
            },
            max_record_bytes: self.max_record_bytes,
        }
    }

    fn pipeline(&self) -> claimex::error::Result<Option<claimex::pipeline::Pipeline>> {
        if !self.run {
            return Ok(None);
        }
        pipeline(Some(&self.gaz), self.gaz.profile.as_ref()).map(Some)
    }
}

/// `claimex review`.
#[derive(Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    docs: DocsArgs,
    /// The page to write, e.g. `-o review.html` (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Export formats.
#[derive(Copy, Clone, ValueEnum)]
pub enum ToArg {
    /// Label Studio tasks (JSON) with predictions: Source, Cue, Content and relations.
    LabelStudio,
    /// doccano JSONL with entities and relations.
    Doccano,
    /// brat standoff: a folder of .txt and .ann files with annotation.conf.
    Brat,
    /// CSV, one row per claim.
    Csv,
}

/// Offset units.
#[derive(Copy, Clone, ValueEnum)]
pub enum UnitArg {
    /// Code points (Python's str).
    Chars,
    /// UTF-16 code units (JavaScript strings).
    Utf16,
    /// Grapheme clusters.
    Graphemes,
}

/// `claimex export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The format, e.g. `--to doccano`.
    #[arg(long, value_enum)]
    to: ToArg,
    #[command(flatten)]
    docs: DocsArgs,
    /// Where to write (a folder for brat), e.g. `-o tasks.json`; default stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Count offsets in this unit instead of the format's own (doccano: utf16, others:
    /// chars), e.g. `--offsets graphemes` for a doccano project counting grapheme clusters.
    #[arg(long, value_enum, value_name = "UNIT")]
    offsets: Option<UnitArg>,
}

fn report(quiet: bool, c: &Counts, extra: &str) -> ExitCode {
    if !quiet {
        msg::info(&format!(
            "{} documents ({} failed), {} claims{extra}",
            c.documents, c.failed, c.claims
        ));
    }
    if c.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(e: claimex::error::Error) -> ExitCode {
    msg::error(&e.to_string());
    ExitCode::from(2)
}

/// Runs `claimex review`.
pub fn run_review(a: ReviewArgs) -> ExitCode {
    let opts = ReviewOptions {
        source: a.docs.source(),
        output: a.output.clone(),
    };
    let res = a
        .docs
        .pipeline()
        .and_then(|p| review::review(&opts, p.as_ref()));
    match res {
        Ok(c) => report(a.docs.quiet, &c, ""),
        Err(e) => fail(e),
    }
}

/// Runs `claimex export`.
pub fn run_export(a: ExportArgs) -> ExitCode {
    let format = match a.to {
        ToArg::LabelStudio => ExportFormat::LabelStudio,
        ToArg::Doccano => ExportFormat::Doccano,
        ToArg::Brat => ExportFormat::Brat,
        ToArg::Csv => ExportFormat::Csv,
    };
    let opts = ExportOptions {
        source: a.docs.source(),
        format,
        output: a.output.clone(),
        unit: a.offsets.map(|u| match u {
            UnitArg::Chars => OffsetUnit::Chars,
            UnitArg::Utf16 => OffsetUnit::Utf16,
            UnitArg::Graphemes => OffsetUnit::Graphemes,
        }),
    };
    let res = a
        .docs
        .pipeline()
        .and_then(|p| export::export(&opts, p.as_ref()));
    match res {
        Ok(s) => {
            let mut c = s.counts.clone();
            let extra = if s.skipped > 0 {
                // Documents without text count as failed: nothing was written for them.
                let no_text = s.skipped.saturating_sub(c.failed);
                c.failed += no_text;
                format!(
                    "; {} written, {} left out (error records, or no text: give --text INPUT)",
                    s.written, s.skipped
                )
            } else {
                format!("; {} written", s.written)
            };
            report(a.docs.quiet, &c, &extra)
        }
        Err(e) => fail(e),
    }
}
