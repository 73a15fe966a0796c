//! The `claimex` command line: parses arguments, calls the library, maps results to exit
//! codes (0 all documents succeeded, 1 some failed, 2 usage or I/O error).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimex::commands::{self, Common, Emit};
use claimex::input::{InputOptions, DEFAULT_MAX_DOC_BYTES};
use claimex::msg;
use claimex::pipeline::Pipeline;
use claimex::run::{RunOptions, Summary};

/// Who said what in crawled news: attributed claims, entities, sentences and boilerplate, as JSONL.
#[derive(Parser)]
#[command(name = "claimex", version, about, long_about = None, after_help = "\
Examples:
  claimex extract corpora/samples/                       one line per claim
  claimex extract --emit documents dump.jsonl -o out.jsonl
  cat dump.jsonl | claimex extract --line-buffered        as a filter (Spark pipe, Dask, Ray)
  claimex segment --tokens article.txt
  claimex clean --text page.txt

Exit status: 0 all documents succeeded, 1 some documents failed (error records written),
2 usage or I/O error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract attributed claims (and, with --emit documents, everything else) from documents.
    Extract(ExtractArgs),
    /// Split documents into sentences (and tokens) over the whole text.
    Segment(SegmentArgs),
    /// Tag entities in the article text of documents.
    Entities(EntitiesArgs),
    /// Classify every line as title, body, heading or boilerplate; --text prints the clean text.
    Clean(CleanArgs),
    /// Learn the lines that recur across a site's pages, for `extract --profile`.
    Profile(ProfileArgs),
    /// Score claimex on gold data (the shared corpora) and check the figures against floors.
    Eval(EvalArgs),
}

#[derive(Copy, Clone, ValueEnum, PartialEq, Eq)]
enum EvalWhat {
    /// Golden Rules and UD news sentence boundaries.
    Segmentation,
    /// boilerplate-dev line labels and the seed page.
    Boilerplate,
    /// Entities of the seed page and GUM's news mentions (ud-news-dev).
    Entities,
    /// PolNeAR attributions and the seed page.
    Attribution,
    /// All of the above.
    All,
}

#[derive(Args)]
struct EvalArgs {
    /// What to score.
    #[arg(value_enum)]
    what: EvalWhat,
    /// The shared folder holding `corpora/`, e.g. `--shared ../shared`.
    #[arg(long, default_value = "../shared", value_name = "DIR")]
    shared: PathBuf,
    /// Floors to enforce (exit 1 below them), e.g. `--floors eval/floors.json`.
    #[arg(long, value_name = "FILE")]
    floors: Option<PathBuf>,
    /// Print every error (missed and wrong sentences, mislabelled lines).
    #[arg(short, long)]
    verbose: bool,
    /// Write the attribution predictions in the gold schema, e.g. `--pred-out /tmp/pred.jsonl`.
    #[arg(long, value_name = "FILE")]
    pred_out: Option<PathBuf>,
    /// Print this many unmatched attribution predictions, to judge precision by hand.
    #[arg(long, default_value_t = 0)]
    sample: usize,
    /// Also write all figures as JSON here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Run spaCy on the GUM texts too, with this Python (spaCy and en_core_web_sm installed),
    /// and print its entity figures beside claimex's, e.g. `--peer-python /tmp/peers/bin/python`.
    #[arg(long, value_name = "PYTHON")]
    peer_python: Option<PathBuf>,
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files or folders to read (folders recursively, in sorted order). `*.txt`/`*.md`: one
    /// document per file; `*.jsonl`/`*.ndjson`: one per line. `-` or nothing: stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// JSON field holding the text, e.g. `--text-field body`.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSON field holding the document id (else FILE:LINE), e.g. `--id-field doc_id`.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// Documents larger than this many bytes get a `too_large` error record, e.g. `--max-doc-bytes 100000000`.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES, value_name = "BYTES")]
    max_doc_bytes: usize,
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Write here instead of stdout (atomically: a temporary file renamed at the end), e.g. `-o claims.jsonl`.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores, or RAYON_NUM_THREADS), e.g. `--threads 4`.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Flush after each record: one line in, one line out, for callers that wait for it.
    #[arg(long)]
    line_buffered: bool,
    /// No progress bar and no summary line on stderr.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args, Clone)]
struct GazetteerArgs {
    /// A user gazetteer (TSV file or folder of them), added to the built-in lists; repeatable,
    /// e.g. `--gazetteer my_people.tsv`. Its entries override built-in ones with the same name.
    #[arg(long, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,
    /// Use only the gazetteers given with --gazetteer.
    #[arg(long)]
    no_builtin_gazetteers: bool,
    /// A boilerplate profile written by `claimex profile`, e.g. `--profile site.profile.json`.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// The input is clean article text (wire copy, an article body): keep every line as body.
    #[arg(long)]
    no_boilerplate: bool,
}

#[derive(Copy, Clone, ValueEnum, PartialEq, Eq)]
enum EmitArg {
    /// One line per claim, with the document id in `doc`.
    Claims,
    /// One line per input document, in input order, with blocks, sentences, entities, claims.
    Documents,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    gaz: GazetteerArgs,
    /// What to write: `claims` (one line per claim) or `documents` (one line per document).
    #[arg(long, value_enum, default_value = "claims")]
    emit: EmitArg,
}

#[derive(Args)]
struct SegmentArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    run: RunArgs,
    /// Add the tokens (words, numbers, punctuation) of every document.
    #[arg(long)]
    tokens: bool,
}

#[derive(Args)]
struct EntitiesArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    gaz: GazetteerArgs,
}

#[derive(Args)]
struct CleanArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    run: RunArgs,
    /// Print only the body text (headings and paragraphs), documents separated by a blank line.
    #[arg(long)]
    text: bool,
    /// A boilerplate profile written by `claimex profile`.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
}

#[derive(Args)]
struct ProfileArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Where to write the profile, e.g. `-o site.profile.json` (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A line must occur in at least this many documents of a site.
    #[arg(long, default_value_t = 5)]
    min_docs: u32,
    /// ... and in at least this share of the site's documents.
    #[arg(long, default_value_t = 0.05)]
    min_share: f64,
    /// No summary line on stderr.
    #[arg(short, long)]
    quiet: bool,
}

fn common(input: &InputArgs, run: &RunArgs) -> Common {
    let total_known = input.paths.iter().all(|p| p.as_os_str() != "-") && !input.paths.is_empty();
    Common {
        inputs: input.paths.clone(),
        input: InputOptions {
            text_field: input.text_field.clone(),
            id_field: input.id_field.clone(),
            max_doc_bytes: input.max_doc_bytes,
        },
        run: RunOptions {
            threads: run.threads,
            line_buffered: run.line_buffered,
            progress: !run.quiet
                && total_known
                && std::io::stderr().is_terminal()
                && total_size(&input.paths) > 4 << 20,
            ..RunOptions::default()
        },
        output: run.output.clone(),
    }
}

fn total_size(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum::<u64>()
        + if paths.iter().any(|p| p.is_dir()) {
            u64::MAX / 2
        } else {
            0
        }
}

fn pipeline(
    gaz: Option<&GazetteerArgs>,
    profile: Option<&PathBuf>,
) -> claimex::error::Result<Pipeline> {
    // Subcommands without entities skip loading the gazetteers.
    let mut b = Pipeline::builder().builtin_gazetteers(gaz.is_some());
    if let Some(g) = gaz {
        b = b
            .builtin_gazetteers(!g.no_builtin_gazetteers)
            .boilerplate(!g.no_boilerplate);
        for p in &g.gazetteer {
            b = b.gazetteer(p.clone());
        }
    }
    if let Some(p) = profile {
        b = b.profile(commands::read_profile(p)?);
    }
    b.build()
}

fn finish(res: claimex::error::Result<Summary>, quiet: bool, what: &str) -> ExitCode {
    match res {
        Ok(s) if s.broken_pipe => ExitCode::SUCCESS,
        Ok(s) => {
            if !quiet {
                let claims = if what.is_empty() {
                    String::new()
                } else {
                    format!("{} {what}, ", s.claims)
                };
                msg::info(&format!(
                    "{} documents ({} failed), {claims}{:.1} MB in {:.2} s ({:.1} MB/s)",
                    s.documents,
                    s.failed,
                    s.bytes as f64 / 1e6,
                    s.seconds,
                    s.mb_per_s()
                ));
            }
            if s.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            msg::error(&e.to_string());
            ExitCode::from(2)
        }
    }
}

fn eval(a: EvalArgs) -> ExitCode {
    use claimex::eval;
    let shared = eval::Shared {
        root: a.shared.clone(),
    };
    let run = || -> claimex::error::Result<Vec<(&'static str, eval::Figures)>> {
        let p = Pipeline::builder().build()?;
        let mut out = Vec::new();
        let all = a.what == EvalWhat::All;
        if all || a.what == EvalWhat::Segmentation {
            out.push((
                "segmentation",
                eval::segmentation::evaluate(&shared, &p.segmenter, a.verbose)?,
            ));
        }
        if all || a.what == EvalWhat::Boilerplate {
            out.push((
                "boilerplate",
                eval::boilerplate::evaluate(&shared, &p.boilerplate, a.verbose)?,
            ));
        }
        if all || a.what == EvalWhat::Entities {
            out.push((
                "entities",
                eval::entities::evaluate(&shared, &p, a.peer_python.as_deref())?,
            ));
        }
        if all || a.what == EvalWhat::Attribution {
            // PolNeAR texts are clean articles: scored as `extract --no-boilerplate` runs.
            let clean = Pipeline::builder().boilerplate(false).build()?;
            out.push((
                "attribution",
                eval::attribution::evaluate(&shared, &p, &clean, a.pred_out.as_deref(), a.sample)?,
            ));
        }
        Ok(out)
    };
    let results = match run() {
        Ok(r) => r,
        Err(e) => {
            msg::error(&format!(
                "{e} (is --shared pointing at the folder holding corpora/?)"
            ));
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &a.json {
        let v: serde_json::Map<String, serde_json::Value> = results
            .iter()
            .map(|(k, f)| (k.to_string(), serde_json::json!(f)))
            .collect();
        if let Err(e) = std::fs::write(path, serde_json::Value::Object(v).to_string()) {
            msg::error(&format!("cannot write {}: {e}", path.display()));
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &a.floors {
        let floors: serde_json::Value = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                msg::error(&format!("cannot read floors {}: {e}", path.display()));
                return ExitCode::from(2);
            }
        };
        let bad: Vec<String> = results
            .iter()
            .flat_map(|(k, f)| eval::check_floors(k, f, &floors))
            .collect();
        if !bad.is_empty() {
            for b in &bad {
                msg::error(b);
            }
            return ExitCode::from(1);
        }
        msg::info(&format!(
            "all figures at or above the floors in {}",
            path.display()
        ));
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => {
            let c = common(&a.input, &a.run);
            let emit = if a.emit == EmitArg::Documents {
                Emit::Documents
            } else {
                Emit::Claims
            };
            let res = pipeline(Some(&a.gaz), a.gaz.profile.as_ref())
                .and_then(|p| commands::extract(&c, &p, emit));
            finish(res, a.run.quiet, "claims")
        }
        Command::Segment(a) => {
            let c = common(&a.input, &a.run);
            let res = pipeline(None, None).and_then(|p| commands::segment(&c, &p, a.tokens));
            finish(res, a.run.quiet, "")
        }
        Command::Entities(a) => {
            let c = common(&a.input, &a.run);
            let res = pipeline(Some(&a.gaz), a.gaz.profile.as_ref())
                .and_then(|p| commands::entities(&c, &p));
            finish(res, a.run.quiet, "")
        }
        Command::Clean(a) => {
            let c = common(&a.input, &a.run);
            let res =
                pipeline(None, a.profile.as_ref()).and_then(|p| commands::clean(&c, &p, a.text));
            finish(res, a.run.quiet, "")
        }
        Command::Eval(a) => eval(a),
        Command::Profile(a) => {
            let mut c = common(
                &a.input,
                &RunArgs {
                    output: a.output.clone(),
                    threads: None,
                    line_buffered: false,
                    quiet: a.quiet,
                },
            );
            c.run.progress = false;
            match commands::profile(&c, a.min_docs, a.min_share) {
                Ok(s) => {
                    if !a.quiet {
                        msg::info(&format!(
                            "{} documents ({} failed), {} sites, {} repeated lines",
                            s.documents, s.failed, s.sites, s.lines
                        ));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    msg::error(&e.to_string());
                    ExitCode::from(2)
                }
            }
        }
    }
}
