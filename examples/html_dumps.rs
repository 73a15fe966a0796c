//! How close claimex's HTML → text is to the boilerplate-dev text dumps made from the same
//! pages (with lxml, by `../shared/peers/boilerplate/convert.py`).
//!
//! `cargo run --release --example html_dumps -- [CORPUS_DIR] [-v] [--sniff]`
//! (default `../shared/corpora/boilerplate-dev`, which holds `html/*.html.gz` and
//! `texts/*.txt`). Prints, over all pages: pages whose lines are identical, and the share of
//! dump lines found among claimex's lines and of claimex's lines found among the dump's
//! (multisets, so order and splits count, duplicates too); with `-v` the lines that differ.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    // --sniff: decode as claimex does for files (BOM, <meta charset>, UTF-8, windows-1252).
    let sniff = args.iter().any(|a| a == "--sniff");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora/boilerplate-dev"));
    let mut names: Vec<_> = match std::fs::read_dir(dir.join("html")) {
        Ok(d) => d.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("cannot read {}/html: {e}", dir.display());
            std::process::exit(2);
        }
    };
    names.sort();
    let (mut pages, mut same, mut dump_lines, mut our_lines, mut dump_found, mut our_found) =
        (0, 0, 0usize, 0usize, 0usize, 0usize);
    let mut worst = Vec::new();
    for p in names {
        let file = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Some(doc) = file.strip_suffix(".html.gz") else {
            continue;
        };
        let mut raw = Vec::new();
        let ok = std::fs::File::open(&p)
            .and_then(|f| flate2::read::GzDecoder::new(f).read_to_end(&mut raw));
        let Ok(dump) = std::fs::read_to_string(dir.join("texts").join(format!("{doc}.txt"))) else {
            continue;
        };
        if ok.is_err() {
            continue;
        }
        // The dumps decode every page as UTF-8 (errors replaced); so does this comparison.
        let ours = if sniff {
            claimex::crawl::html::extract(&raw, None).text
        } else {
            claimex::crawl::html::extract_str(&String::from_utf8_lossy(&raw)).text
        };
        pages += 1;
        if ours == dump {
            same += 1;
        }
        let count = |t: &str| {
            let mut m: HashMap<String, usize> = HashMap::new();
            for l in t.lines() {
                *m.entry(l.to_string()).or_default() += 1;
            }
            m
        };
        let (d, o) = (count(&dump), count(&ours));
        let inter = |a: &HashMap<String, usize>, b: &HashMap<String, usize>| -> usize {
            a.iter()
                .map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0)))
                .sum()
        };
        let (dn, on) = (dump.lines().count(), ours.lines().count());
        let common = inter(&d, &o);
        dump_lines += dn;
        our_lines += on;
        dump_found += common;
        our_found += common;
        worst.push((dn + on - 2 * common, doc.to_string()));
        if verbose && ours != dump {
            println!("== {doc}: {} dump lines, {} ours, {common} shared", dn, on);
            for (k, n) in &d {
                if o.get(k).copied().unwrap_or(0) < *n {
                    println!("  dump only: {}", k.chars().take(120).collect::<String>());
                }
            }
            for (k, n) in &o {
                if d.get(k).copied().unwrap_or(0) < *n {
                    println!("  ours only: {}", k.chars().take(120).collect::<String>());
                }
            }
        }
    }
    worst.sort();
    worst.reverse();
    println!(
        "{pages} pages, {same} identical; dump lines found in ours {dump_found}/{dump_lines} ({:.3}), our lines found in the dump {our_found}/{our_lines} ({:.3})",
        dump_found as f64 / dump_lines.max(1) as f64,
        our_found as f64 / our_lines.max(1) as f64
    );
    let top: Vec<String> = worst
        .iter()
        .take(5)
        .map(|(n, d)| format!("{d} ({n})"))
        .collect();
    println!("most differing lines: {}", top.join(", "));
}
