//! The `claimex` command line: parses arguments, calls the library, maps results to exit
//! codes (0 all documents succeeded, 1 some failed, 2 usage or I/O error). The one clap
//! definition: `claimex completions` and `claimex man` are generated from it.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use claimex::commands::{self, Common, Emit};
use claimex::input::{InputOptions, DEFAULT_MAX_DOC_BYTES};
use claimex::msg;
use claimex::pipeline::Pipeline;
use claimex::run::{RunOptions, Summary};

mod review_cli;

/// `--version`: the crate version and the git commit it was built from (`build/version.rs`).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (git ",
    env!("CLAIMEX_GIT_COMMIT"),
    ")"
);

/// Who said what in crawled news: attributed claims, entities, sentences and boilerplate, as JSONL.
#[derive(Parser)]
#[command(name = "claimex", version = VERSION, propagate_version = true, about, long_about = None, after_help = "\
Examples:
  claimex extract corpora/samples/                       one line per claim
  claimex extract --emit documents corpora/samples.jsonl -o docs.jsonl
  cat corpora/samples.jsonl | claimex extract --threads 1 --line-buffered --allow-errors
                                                         as a filter (Spark pipe, Dask, Ray)
  claimex segment --tokens corpora/samples/sample-001.txt
  claimex clean --text corpora/samples/sample-002.txt
  claimex completions bash > ~/.local/share/bash-completion/completions/claimex
  claimex man | man -l -

Exit status: 0 all documents succeeded (or --allow-errors), 1 some documents failed (error
records written), 2 usage or I/O error (a closed stdout included).")]
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
    /// Write one self-contained HTML page to review the claims of `extract --emit documents`
    /// output, e.g. `claimex review docs.jsonl --text corpora/samples/ -o review.html`.
    Review(review_cli::ReviewArgs),
    /// Export claims for Label Studio, doccano, brat or as CSV, e.g.
    /// `claimex export --to doccano docs.jsonl --text dump.jsonl -o doccano.jsonl`.
    Export(review_cli::ExportArgs),
    /// Print a shell completion script, e.g. `claimex completions bash >
    /// ~/.local/share/bash-completion/completions/claimex`, or `completions zsh > ~/.zfunc/_claimex`.
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `claimex man | man -l -`, `claimex man extract`, or write
    /// every page with `claimex man --dir /usr/local/share/man/man1`.
    Man(ManArgs),
}

#[derive(Args)]
struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args)]
struct ManArgs {
    /// The subcommand whose page to print (default: the claimex page), e.g. `extract`.
    #[arg(value_name = "SUBCOMMAND")]
    subcommand: Option<String>,
    /// Write claimex.1 and one claimex-SUBCOMMAND.1 per subcommand into this folder.
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    dir: Option<PathBuf>,
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
    // --- boilerplate line model (eval boilerplate only) ---
    /// Boilerplate: also score leave-one-site-out (the line model retrained without each
    /// site; `eval all` always does).
    #[arg(long)]
    cv: bool,
    /// Boilerplate: train the line model on all pages and write it here, e.g.
    /// `--train-out data/boilerplate/model.tsv`.
    #[arg(long, value_name = "FILE")]
    train_out: Option<PathBuf>,
    /// Boilerplate: training options for --cv and --train-out (default: the shipped model's),
    /// e.g. `--train-opts l2=1,char_weight=0.5,threshold=0.5`.
    #[arg(long, value_name = "OPTS")]
    train_opts: Option<String>,
    /// Boilerplate: score the model for pages with DOM hints on boilerplate-dev's HTML pages
    /// leave-one-site-out (next to the text model on the same pages).
    #[arg(long)]
    html_cv: bool,
    /// Boilerplate: with --html-cv, write each HTML page's held-out body text here as
    /// `{"id", "text"}` lines (what `shared/peers/boilerplate/score_html.py` scores).
    #[arg(long, value_name = "FILE")]
    html_body_out: Option<PathBuf>,
    /// Boilerplate: train the model for pages with DOM hints on all HTML pages and write it
    /// here, e.g. `--html-train-out data/boilerplate/model_html.tsv`.
    #[arg(long, value_name = "FILE")]
    html_train_out: Option<PathBuf>,
    /// Boilerplate: write every line's features as TSV here, e.g. `--features-out /tmp/f.tsv`.
    #[arg(long, value_name = "FILE")]
    features_out: Option<PathBuf>,
    /// Entities: run spaCy on the GUM texts too, with this Python (spaCy and en_core_web_sm
    /// installed), and print its figures beside claimex's, e.g. `--peer-python /tmp/peers/bin/python`.
    #[arg(long, value_name = "PYTHON")]
    peer_python: Option<PathBuf>,
    /// Entities: write claimex's GUM predictions here as `{"id", "entities"}` lines with
    /// character offsets (what `shared/peers/entities/score_entities.py` and
    /// `eval/entity_errors.py` read), e.g. `--entities-out /tmp/ents.jsonl`.
    #[arg(long, value_name = "FILE")]
    entities_out: Option<PathBuf>,
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files or folders to read (folders recursively, in sorted order). `*.txt`/`*.md`: one
    /// document per file; `*.jsonl`/`*.ndjson`: one per line; `*.json`: an array of objects;
    /// `*.html`/`*.htm`: one page; `*.warc`, `*.warc.gz`, `*.warc.wet.gz`: one document per
    /// page record; any of them also `.gz` or `.zst`. `-` or nothing: stdin (format by content).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// JSON field holding the text, e.g. `--text-field body`.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSON field holding the document id, e.g. `--id-field doc_id`. A record without one gets
    /// an id derived from its text and url (`sha256:` and 20 hex digits), the same in any run.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// How stdin is laid out, instead of telling it from its first bytes: `jsonl` for a pipe fed
    /// a share of a JSONL dump (Spark, Dask), whose first line may be a broken one, e.g.
    /// `--stdin-format jsonl`.
    #[arg(long, value_enum, value_name = "FORMAT")]
    stdin_format: Option<StdinFormat>,
    /// Documents larger than this many bytes get a `too_large` error record, e.g. `--max-doc-bytes 100000000`.
    #[arg(long, default_value_t = DEFAULT_MAX_DOC_BYTES, value_name = "BYTES")]
    max_doc_bytes: usize,
}

#[derive(Copy, Clone, ValueEnum, PartialEq, Eq)]
enum StdinFormat {
    /// One JSON object per line.
    Jsonl,
    /// One document: the whole input.
    Text,
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Write here instead of stdout, e.g. `-o claims.jsonl`: a temporary file renamed over FILE at
    /// the end (symlinks followed); a device or FIFO (`/dev/stdout`) is written in place.
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
    /// Exit 0 even when documents failed (their error records are still written): for callers
    /// that fail a job on any non-zero exit, e.g. Spark's `rdd.pipe(..., checkCode=True)`.
    /// Usage and I/O errors still exit 2.
    #[arg(long)]
    allow_errors: bool,
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
    /// Write only claims whose `confidence` is at least this (0 to 1), e.g.
    /// `--min-confidence 0.7`: on held-out PolNeAR dev it keeps 89 % of claims and lifts
    /// precision from 0.89 to 0.93 (eval/confidence.md).
    #[arg(long, default_value_t = 0.0, value_name = "P", value_parser = parse_probability)]
    min_confidence: f32,
}

#[derive(Copy, Clone, ValueEnum, PartialEq, Eq)]
enum EmitArg {
    /// One line per claim, with the document id in `id`.
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
    /// With `--emit claims`: after each document's claims, one `{"id", "summary": {"claims",
    /// "no_comment", "sentences"}}` line, so a document processed with nothing found shows
    /// (`"claims": 0`) and every input document has a line (its summary or its error).
    #[arg(long)]
    doc_summary: bool,
    /// Do not learn the lines a site repeats across its pages (by default a first pass over
    /// the input files learns them and marks them `repeated`; stdin is never read twice).
    #[arg(long)]
    no_repeats: bool,
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

#[derive(Copy, Clone, ValueEnum, PartialEq, Eq)]
enum CleanEmit {
    /// One line per document with all its blocks (the default).
    Blocks,
    /// One `{"id", "text"}` line per document with its body text.
    Body,
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
    /// `body`: one `{"id", "text"}` JSON line per document with its body text (headings and
    /// paragraphs joined by newlines), e.g. `clean --emit body pages/ > body.jsonl`.
    #[arg(long, value_enum, value_name = "WHAT", conflicts_with = "text")]
    emit: Option<CleanEmit>,
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
    let stdin = input.paths.is_empty() || input.paths.iter().any(|p| p.as_os_str() == "-");
    // On a terminal only: a bar over files of some size, a spinner (bytes, rate) over stdin
    // unless stdin is the terminal itself (someone typing).
    let progress = !run.quiet
        && std::io::stderr().is_terminal()
        && if stdin {
            !std::io::stdin().is_terminal()
        } else {
            total_size(&input.paths) > 4 << 20
        };
    Common {
        inputs: input.paths.clone(),
        input: InputOptions {
            text_field: input.text_field.clone(),
            id_field: input.id_field.clone(),
            max_doc_bytes: input.max_doc_bytes,
            stdin_format: input.stdin_format.map(|f| match f {
                StdinFormat::Jsonl => claimex::input::Format::Jsonl,
                StdinFormat::Text => claimex::input::Format::Text,
            }),
        },
        run: RunOptions {
            threads: run.threads,
            line_buffered: run.line_buffered,
            progress,
            ..RunOptions::default()
        },
        output: run.output.clone(),
        learn_repeats: false,
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

fn parse_probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "{s:?} is not a probability: give a number from 0 to 1, e.g. 0.7"
        )),
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
            .boilerplate(!g.no_boilerplate)
            .min_confidence(g.min_confidence);
        for p in &g.gazetteer {
            b = b.gazetteer(p.clone());
        }
    }
    if let Some(p) = profile {
        b = b.profile(commands::read_profile(p)?);
    }
    b.build()
}

/// Whether descriptor 1 was closed (`>&-`) when the process started. The Rust runtime reopens
/// a closed standard descriptor on `/dev/null` before `main`, where the output would vanish
/// and the run exit 0; this check runs earlier, from `.init_array`.
#[cfg(target_os = "linux")]
mod stdout_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    extern "C" fn check() {
        // SAFETY: F_GETFD only reads the descriptor's flags; it touches no memory of ours.
        let r = unsafe { libc::fcntl(1, libc::F_GETFD) };
        CLOSED.store(r == -1, Ordering::Relaxed);
    }

    #[used]
    #[link_section = ".init_array"]
    static CHECK: extern "C" fn() = check;

    pub fn closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }
}

#[cfg(not(target_os = "linux"))]
mod stdout_at_start {
    pub fn closed() -> bool {
        false
    }
}

/// Output files are written through a temporary file: a signal must not leave it behind.
fn guard_output(path: Option<&PathBuf>) {
    if path.is_some() {
        if let Err(e) = commands::clean_up_on_signals() {
            msg::warn(&format!(
                "cannot watch for signals ({e}): an interrupted run may leave a .claimex-*.part file"
            ));
        }
    }
}

/// `1 document`, `2 documents`.
fn count(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The summary line: `295 documents (0 failed, 12 without claims), 1 claim, 1.4 MB in 0.52 s
/// (2.8 MB/s)`; sizes in MB (10⁶ bytes), as in the progress bar.
fn summary_line(s: &Summary, claims: bool) -> String {
    let (found, none) = if claims {
        (
            format!("{}, ", count(s.claims, "claim")),
            format!(", {} without claims", s.without_claims),
        )
    } else {
        (String::new(), String::new())
    };
    format!(
        "{} ({} failed{none}), {found}{:.1} MB in {:.2} s ({:.1} MB/s)",
        count(s.documents, "document"),
        s.failed,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.mb_per_s()
    )
}

fn finish(res: claimex::error::Result<Summary>, run: &RunArgs, claims: bool) -> ExitCode {
    if let Ok(s) = &res {
        for n in &s.notes {
            msg::warn(n);
        }
    }
    match res {
        Ok(s) if s.broken_pipe => ExitCode::SUCCESS,
        Ok(s) => {
            if !run.quiet {
                msg::info(&summary_line(&s, claims));
            }
            if s.failed > 0 && !run.allow_errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => fail(&e),
    }
}

/// `claimex completions SHELL` and `claimex man`: written from the clap definition above.
fn shell_files(cmd: Command) -> ExitCode {
    use std::io::Write;
    let mut cli = Cli::command();
    let mut out = std::io::stdout().lock();
    let res = match cmd {
        Command::Completions(a) => {
            clap_complete::generate(a.shell, &mut cli, "claimex", &mut out);
            Ok(())
        }
        Command::Man(ManArgs { dir: Some(dir), .. }) => {
            return match clap_mangen::generate_to(cli, &dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    msg::error(&format!("cannot write man pages to {}: {e}", dir.display()));
                    ExitCode::from(2)
                }
            };
        }
        Command::Man(a) => {
            cli.build();
            let page = match &a.subcommand {
                None => Some(cli),
                // After `build`, a subcommand's display name is `claimex-NAME`: its page title.
                Some(name) => cli.find_subcommand(name).cloned(),
            };
            match page {
                Some(p) => clap_mangen::Man::new(p).render(&mut out),
                None => {
                    msg::error(&format!(
                        "no subcommand {name:?}; `claimex --help` lists them",
                        name = a.subcommand.unwrap_or_default()
                    ));
                    return ExitCode::from(2);
                }
            }
        }
        _ => Ok(()),
    };
    match res.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            msg::error(&format!("cannot write to standard output: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Exit status of a run-level error: 2, or 128 + N for signal N (as a shell reports it).
fn fail(e: &claimex::Error) -> ExitCode {
    msg::error(&e.to_string());
    match e {
        claimex::Error::Interrupted { signal } => {
            ExitCode::from(128u8.saturating_add(*signal as u8))
        }
        _ => ExitCode::from(2),
    }
}

fn eval(a: EvalArgs) -> ExitCode {
    use claimex::eval;
    let shared = eval::Shared {
        root: a.shared.clone(),
    };
    // The line model's training options: the shipped model's, changed by --train-opts.
    let base = claimex::boilerplate::Model::builtin()
        .map(|m| m.options())
        .unwrap_or_default();
    let opt = match a.train_opts.as_deref().map(|s| base.parse(s)) {
        None => base,
        Some(Ok(o)) => o,
        Some(Err(e)) => {
            msg::error(&format!("--train-opts: {e}"));
            return ExitCode::from(2);
        }
    };
    // The same for the model for pages with DOM hints (--html-cv, --html-train-out).
    let html_base = claimex::boilerplate::Model::builtin_html().map_or(opt, |m| m.options());
    let html_opt = match a.train_opts.as_deref().map(|s| html_base.parse(s)) {
        Some(Ok(o)) => o,
        _ => html_base,
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
                eval_boilerplate(&a, opt, html_opt, &shared, &p)?,
            ));
        }
        if all || a.what == EvalWhat::Entities {
            out.push((
                "entities",
                eval::entities::evaluate(
                    &shared,
                    &p,
                    a.peer_python.as_deref(),
                    a.entities_out.as_deref(),
                )?,
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

/// `eval boilerplate` with its line-model options (--cv, --train-out, --features-out).
fn eval_boilerplate(
    a: &EvalArgs,
    opt: claimex::boilerplate::TrainOptions,
    html_opt: claimex::boilerplate::TrainOptions,
    shared: &claimex::eval::Shared,
    p: &Pipeline,
) -> claimex::error::Result<claimex::eval::Figures> {
    use claimex::eval::boilerplate as bp;
    if let Some(path) = &a.features_out {
        bp::dump_features(shared, path)?;
    }
    if let Some(path) = &a.train_out {
        bp::write_model(shared, opt, path)?;
        msg::info(&format!("line model written to {}", path.display()));
    }
    if let Some(path) = &a.html_train_out {
        claimex::eval::boilerplate_html::write_model(shared, html_opt, path)?;
        msg::info(&format!(
            "line model for pages written to {}",
            path.display()
        ));
    }
    // The shipped model in-sample (and the seed page), then the held-out figure beside it.
    let mut fig = bp::evaluate(shared, &p.boilerplate, a.verbose && !a.cv)?;
    if a.cv || a.what == EvalWhat::All {
        fig.extend(bp::cross_validate(shared, opt, a.verbose)?);
    }
    if a.html_cv {
        fig.extend(claimex::eval::boilerplate_html::cross_validate(
            shared,
            html_opt,
            a.verbose,
            a.html_body_out.as_deref(),
        )?);
    }
    Ok(fig)
}

fn main() -> ExitCode {
    commands::set_stdout_closed(stdout_at_start::closed());
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => {
            guard_output(a.run.output.as_ref());
            let mut c = common(&a.input, &a.run);
            // A profile given is the one to use: a first pass must not replace it.
            c.learn_repeats = !a.no_repeats && !a.gaz.no_boilerplate && a.gaz.profile.is_none();
            let emit = match (a.emit, a.doc_summary) {
                (EmitArg::Documents, true) => Cli::command()
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        "--doc-summary goes with --emit claims (a document record already says what was found)",
                    )
                    .exit(),
                (EmitArg::Documents, false) => Emit::Documents,
                (EmitArg::Claims, false) => Emit::Claims,
                (EmitArg::Claims, true) => Emit::ClaimsWithSummary,
            };
            let res = pipeline(Some(&a.gaz), a.gaz.profile.as_ref())
                .and_then(|mut p| commands::extract(&c, &mut p, emit));
            finish(res, &a.run, true)
        }
        Command::Segment(a) => {
            guard_output(a.run.output.as_ref());
            let c = common(&a.input, &a.run);
            let res = pipeline(None, None).and_then(|p| commands::segment(&c, &p, a.tokens));
            finish(res, &a.run, false)
        }
        Command::Entities(a) => {
            guard_output(a.run.output.as_ref());
            let c = common(&a.input, &a.run);
            let res = pipeline(Some(&a.gaz), a.gaz.profile.as_ref())
                .and_then(|p| commands::entities(&c, &p));
            finish(res, &a.run, false)
        }
        Command::Clean(a) => {
            guard_output(a.run.output.as_ref());
            let c = common(&a.input, &a.run);
            let res = pipeline(None, a.profile.as_ref()).and_then(|p| match a.emit {
                Some(CleanEmit::Body) => commands::clean_body(&c, &p),
                _ => commands::clean(&c, &p, a.text),
            });
            finish(res, &a.run, false)
        }
        Command::Eval(a) => eval(a),
        Command::Review(a) => review_cli::run_review(a),
        Command::Export(a) => review_cli::run_export(a),
        c @ (Command::Completions(_) | Command::Man(_)) => shell_files(c),
        Command::Profile(a) => {
            guard_output(a.output.as_ref());
            let mut c = common(
                &a.input,
                &RunArgs {
                    output: a.output.clone(),
                    threads: None,
                    line_buffered: false,
                    quiet: a.quiet,
                    allow_errors: false,
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
                Err(e) => fail(&e),
            }
        }
    }
}
