//! HTML → blocks throughput on one core: MB of HTML per second through
//! `crawl::html::extract` (charset, html5ever tree construction, the text walk, metadata),
//! and through the parse alone, on the boilerplate-dev pages.
//!
//! `cargo bench --bench html [-- DIR]` (default `../shared/corpora/boilerplate-dev/html`,
//! `*.html` or `*.html.gz`; without it the repo's `tests/fixtures/html`). Prints the median of
//! 7 rounds over all pages. Results and dates: `benches/RESULTS.md`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimex::crawl::{dom::Dom, html};

fn pages(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let name = p.to_string_lossy();
            let raw = std::fs::read(p).ok()?;
            if name.ends_with(".html.gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(raw.as_slice())
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            } else if name.ends_with(".html") {
                Some(raw)
            } else {
                None
            }
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let shared = Path::new("../shared/corpora/boilerplate-dev/html");
    let dir = match &arg {
        Some(a) => PathBuf::from(a),
        None if shared.is_dir() => shared.to_path_buf(),
        None => PathBuf::from("tests/fixtures/html"),
    };
    let pages = pages(&dir);
    let total: usize = pages.iter().map(Vec::len).sum();
    if total == 0 {
        eprintln!("no .html or .html.gz pages in {}", dir.display());
        return;
    }
    let decoded: Vec<String> = pages
        .iter()
        .map(|p| claimex::crawl::charset::decode(p, None).0.into_owned())
        .collect();
    let mb = total as f64 / 1e6;
    println!(
        "{} pages, {mb:.1} MB of HTML from {}",
        pages.len(),
        dir.display()
    );
    let (mut full, mut parse) = (Vec::new(), Vec::new());
    let mut lines = 0;
    for _ in 0..7 {
        let t = Instant::now();
        lines = 0;
        for p in &pages {
            lines += html::extract(p, None).layout.lines.len();
        }
        full.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let mut nodes = 0;
        for p in &decoded {
            nodes += Dom::parse(p).nodes.len();
        }
        parse.push(mb / t.elapsed().as_secs_f64());
        std::hint::black_box(nodes);
    }
    println!(
        "html -> blocks (extract): {:.1} MB/s, {lines} lines; html5ever parse alone: {:.1} MB/s (median of 7, one thread)",
        median(full),
        median(parse)
    );
}
