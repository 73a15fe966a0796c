//! Corpus throughput of `claimex extract`: MB/s with 1 and 2 threads, and peak RSS.
//!
//! `cargo bench --bench throughput -- PATH.jsonl [--emit documents|claims]`
//! Without a path it uses `../shared/corpora/news-reuters21578/reuters21578.jsonl` when that
//! exists, else the project's samples. Each thread count runs in a fresh process (this binary
//! re-executes itself) so the peak RSS of one run is not hidden by another's.

use std::process::Command;

use claimex::commands::{self, Common, Emit};
use claimex::input::InputOptions;
use claimex::pipeline::Pipeline;
use claimex::run::RunOptions;

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // cargo bench passes --bench; ignore flags we do not know.
    let mut path = None;
    let mut emit = Emit::Documents;
    let mut child_threads = None;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--emit" => {
                emit = if args.get(i + 1).map(String::as_str) == Some("claims") {
                    Emit::Claims
                } else {
                    Emit::Documents
                };
                i += 1;
            }
            "--child" => {
                child_threads = args.get(i + 1).and_then(|s| s.parse::<usize>().ok());
                i += 1;
            }
            a if !a.starts_with("--") => path = Some(a.to_string()),
            _ => {}
        }
        i += 1;
    }
    let path = path.unwrap_or_else(|| {
        let shared = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/news-reuters21578/reuters21578.jsonl"
        );
        if std::path::Path::new(shared).exists() {
            shared.into()
        } else {
            concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/samples.jsonl").into()
        }
    });
    if let Some(threads) = child_threads {
        let mut pipeline = Pipeline::builder().build().expect("pipeline");
        let common = Common {
            inputs: vec![path.into()],
            input: InputOptions::default(),
            run: RunOptions {
                threads: Some(threads),
                ..RunOptions::default()
            },
            output: Some("/dev/null".into()),
            // As `claimex extract` runs: a first pass learns each site's repeated lines.
            learn_repeats: true,
        };
        let s = commands::extract(&common, &mut pipeline, emit).expect("run");
        println!("threads {threads}: {} docs, {:.1} MB in {:.2} s = {:.1} MB/s, {} claims, peak RSS {:.0} MiB", s.documents, s.bytes as f64 / 1e6, s.seconds, s.mb_per_s(), s.claims, peak_rss_kib() as f64 / 1024.0);
        return;
    }
    println!(
        "throughput of extract --emit {} on {path}",
        if emit == Emit::Documents {
            "documents"
        } else {
            "claims"
        }
    );
    let me = std::env::current_exe().expect("own path");
    for threads in [1, 2] {
        let out = Command::new(&me)
            .args([
                path.as_str(),
                "--emit",
                if emit == Emit::Documents {
                    "documents"
                } else {
                    "claims"
                },
                "--child",
                &threads.to_string(),
            ])
            .output()
            .expect("run child");
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
}
