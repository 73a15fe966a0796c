//! Name-matcher throughput on one core, on the same names and text as the Python peers
//! (`shared/peers/matchers`: `bench_prep.py` writes `patterns.txt` and `haystack.txt`).
//!
//! `cargo bench --bench matcher -- /tmp/matchbench`
//! Reports, for the peers' ~32k place names and for claimex's full built-in gazetteers:
//! build time, automaton memory, MB/s of list matching over pre-computed tokens (the stage as
//! the pipeline runs it: tokens come from the segmentation stage), and MB/s of tokenizing plus
//! matching (the fair comparison with a matcher that scans raw text).

use std::time::Instant;

use claimex::gazetteer::{Gazetteer, GazetteerBuilder};
use claimex::segmentation::Segmenter;

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..n {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn report(name: &str, gaz: &Gazetteer, build_s: f64, hay: &str, seg: &Segmenter) {
    let mb = hay.len() as f64 / 1e6;
    let (tok_s, tokens) = best_of(3, || seg.tokenize(hay));
    let (match_s, n) = best_of(3, || {
        let mut out = Vec::new();
        gaz.match_lists(hay, &tokens, &mut out);
        out.len()
    });
    println!(
        "{name}: {} names, build {:.0} ms, automata {:.1} MiB; matching {:.0} MB/s ({n} matches); tokenize + match {:.0} MB/s",
        gaz.len(),
        build_s * 1e3,
        gaz.memory_usage() as f64 / (1 << 20) as f64,
        mb / match_s,
        mb / (match_s + tok_s)
    );
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_else(|| "/tmp/matchbench".into());
    let hay = match std::fs::read_to_string(format!("{dir}/haystack.txt")) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("matcher bench: cannot read {dir}/haystack.txt ({e}); make it with shared/peers/matchers/bench_prep.py");
            return;
        }
    };
    let seg = Segmenter::new();
    println!("haystack: {:.2} MB", hay.len() as f64 / 1e6);
    if let Ok(pats) = std::fs::read_to_string(format!("{dir}/patterns.txt")) {
        let mut tsv = String::from("name\tlabel\tid\tcanonical\taliases\tflags\n");
        for p in pats
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.contains('\t'))
        {
            tsv.push_str(&format!("{p}\tGPE\t\t\t\t\n"));
        }
        let t = Instant::now();
        let gaz = GazetteerBuilder::new()
            .builtin(false)
            .patterns(false)
            .add_tsv(&tsv, "patterns.txt")
            .and_then(|b| b.build())
            .expect("gazetteer of the peers' names");
        report(
            "peers' place names",
            &gaz,
            t.elapsed().as_secs_f64(),
            &hay,
            &seg,
        );
    }
    let t = Instant::now();
    let gaz = Gazetteer::builtin().expect("built-in gazetteer");
    report(
        "built-in gazetteers",
        &gaz,
        t.elapsed().as_secs_f64(),
        &hay,
        &seg,
    );
}
