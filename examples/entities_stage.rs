//! Runs the entity stage alone, `N` times over every document of a JSONL or text dump (tokens
//! made beforehand), to count its instructions and branch misses deterministically where the
//! VM's timings are too noisy to compare two builds:
//!
//! ```sh
//! cargo build --profile profiling --example entities_stage
//! valgrind --tool=callgrind --branch-sim=yes \
//!     --toggle-collect='claimex::gazetteer::Gazetteer::tag' \
//!     target/profiling/examples/entities_stage ../shared/corpora/news-wikinews/wikinews.jsonl 3
//! callgrind_annotate --inclusive=yes callgrind.out.*
//! ```
use claimex::input::{DocStream, InputOptions, Item};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: entities_stage FILE [PASSES]");
        return ExitCode::from(2);
    };
    let passes: usize = match args.next().map(|s| s.parse()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("PASSES: {e}");
            return ExitCode::from(2);
        }
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let docs: Vec<_> = DocStream::from_reader(&path, file, InputOptions::default())
        .filter_map(|r| match r.item {
            Item::Doc(d) => Some(d),
            Item::Failed { .. } => None,
        })
        .collect();
    let p = match claimex::pipeline::Pipeline::builder().build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let tokens: Vec<_> = docs
        .iter()
        .map(|d| p.segment(&d.text, &p.boilerplate.classify(&d.text, None)).1)
        .collect();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..passes {
        for (d, toks) in docs.iter().zip(&tokens) {
            n += std::hint::black_box(p.gazetteer.tag(&d.text, toks, &[])).len();
        }
    }
    let ms = t0.elapsed().as_secs_f64() * 1e3 / passes.max(1) as f64;
    eprintln!(
        "{} documents, {n} entities in {passes} passes, {ms:.2} ms a pass",
        docs.len()
    );
    ExitCode::SUCCESS
}
