//! `claimex review` from the outside: the page is self-contained, its CSP hashes match its
//! inline style and script, its data blocks are escaped JSON, and hostile input never shows
//! up as markup. (What the page does in a browser: tests/browser/review_test.py.)

mod common;

use std::path::{Path, PathBuf};

use common::{bin, corpus, root};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimex-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn claimex(args: &[&str]) -> std::process::Output {
    bin().args(args).output().expect("run claimex")
}

fn docs_of(input: &Path, dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("docs.jsonl");
    let mut args = vec!["extract", "-q", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap());
    let o = claimex(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn review(args: &[&str]) -> String {
    let o = claimex(&[&["review", "-q"], args].concat());
    assert!(
        o.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("page is UTF-8")
}

/// `(attributes, content)` of every `<tag ...>content</tag>` in the page.
fn elements<'a>(html: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        let gt = after.find('>').unwrap();
        let body = &after[gt + 1..];
        let end = body.find(&close).unwrap();
        out.push((&after[..gt], &body[..end]));
        rest = &body[end + close.len()..];
    }
    out
}

fn hash(s: &str) -> String {
    use std::fmt::Write;
    // Base64 by hand here too, independently of the implementation under test.
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let d = Sha256::digest(s.as_bytes());
    let mut bits = String::new();
    for b in d.iter() {
        write!(bits, "{b:08b}").unwrap();
    }
    while bits.len() % 6 != 0 {
        bits.push('0');
    }
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| A[usize::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap()] as char)
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    format!("'sha256-{out}'")
}

#[test]
fn page_is_self_contained_and_csp_hashes_match() {
    let dir = tmp("samples");
    let docs = docs_of(&corpus("samples"), &dir, &["--emit", "documents"]);
    let html = review(&[
        docs.to_str().unwrap(),
        "--text",
        corpus("samples").to_str().unwrap(),
    ]);
    let needle = "http-equiv=\"Content-Security-Policy\" content=\"";
    let csp = &html[html.find(needle).unwrap() + needle.len()..];
    let csp = &csp[..csp.find('"').unwrap()];
    assert!(csp.starts_with("default-src 'none';"));
    let styles = elements(&html, "style");
    assert_eq!(styles.len(), 1);
    assert!(csp.contains(&format!("style-src {}", hash(styles[0].1))));
    let scripts = elements(&html, "script");
    let code: Vec<_> = scripts.iter().filter(|(a, _)| a.is_empty()).collect();
    assert_eq!(code.len(), 1, "one inline script");
    assert!(csp.contains(&format!("script-src {}", hash(code[0].1))));
    // No element loads anything: no src/href attributes in the page's own markup.
    for attr in [
        " src=", " href=", "url(", "@import", "<link", "<iframe", "<img",
    ] {
        assert!(!html.contains(attr), "page contains {attr}");
    }
    let data: Vec<Value> = scripts
        .iter()
        .filter(|(a, _)| a.contains("application/json"))
        .map(|(_, j)| {
            assert!(!j.contains('<') && !j.contains('>') && !j.contains('&'));
            serde_json::from_str(j).expect("data block is JSON")
        })
        .collect();
    assert_eq!(data.len(), 5 + 1, "five documents and the index");
    let index = data.last().unwrap();
    let claims: usize = data[..5]
        .iter()
        .map(|d| d["c"].as_array().unwrap().len())
        .sum();
    assert_eq!(index["rows"].as_array().unwrap().len(), claims);
    assert!(claims > 50);
    assert!(
        data[..5].iter().all(|d| d["t"].is_string()),
        "texts recovered by id"
    );
}

#[test]
fn hostile_input_is_never_markup() {
    let dir = tmp("cases");
    let input = root().join("tests/data/review_cases.jsonl");
    let docs = docs_of(&input, &dir, &["--emit", "documents"]);
    let html = review(&[docs.to_str().unwrap(), "--text", input.to_str().unwrap()]);
    assert!(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("<b "));
    assert!(!html.contains("<!--") && !html.contains('\u{2028}'));
    // Each data block, the index and the script end where they should.
    assert_eq!(html.matches("</script>").count(), 3 + 2);
    let data = elements(&html, "script");
    let first: Value = serde_json::from_str(data[0].1).unwrap();
    assert_eq!(
        first["id"],
        "<script>alert(1)</script>\"><img src=x onerror=alert(1)>"
    );
    assert!(first["t"]
        .as_str()
        .unwrap()
        .contains("</script><script>window.__xss=1</script>"));
}

#[test]
fn run_mode_claim_records_and_missing_text() {
    let dir = tmp("modes");
    let samples = corpus("samples");
    // --run annotates each page alone (no first pass learning a site's repeated lines).
    let docs = docs_of(&samples, &dir, &["--emit", "documents", "--no-repeats"]);
    let with_text = review(&[docs.to_str().unwrap(), "--text", samples.to_str().unwrap()]);
    // --run annotates the raw input: the same page.
    assert_eq!(review(&["--run", samples.to_str().unwrap()]), with_text);
    // Claim records (extract's default output) are grouped back into documents.
    let claims = docs_of(&samples, &tmp("modes-claims"), &[]);
    let page = review(&[
        claims.to_str().unwrap(),
        "--text",
        samples.to_str().unwrap(),
    ]);
    let n = |html: &str| -> usize {
        let idx = elements(html, "script")
            .into_iter()
            .find(|(a, _)| a.contains("claimex-index"))
            .unwrap()
            .1;
        let v: Value = serde_json::from_str(idx).unwrap();
        v["rows"].as_array().unwrap().len()
    };
    assert_eq!(n(&page), n(&with_text));
    // Without --text the page is still written, with the claims' own texts.
    let bare = review(&[docs.to_str().unwrap()]);
    let d0: Value = serde_json::from_str(elements(&bare, "script")[0].1).unwrap();
    assert!(d0["t"].is_null());
    assert!(!d0["c"][0]["tx"]["x"].as_str().unwrap().is_empty());
}

#[test]
fn bad_record_lines_become_error_documents() {
    let dir = tmp("bad");
    let p = dir.join("docs.jsonl");
    std::fs::write(&p, "{\"id\":\"a\",\"claims\":[],\"text\":\"Hi.\"}\nnot json\n{\"id\":\"b\",\"error\":{\"kind\":\"empty_document\",\"message\":\"m\"}}\n").unwrap();
    let out = dir.join("page.html");
    let o = claimex(&[
        "review",
        "-q",
        p.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "failed documents give exit status 1"
    );
    let html = std::fs::read_to_string(out).unwrap();
    let idx = elements(&html, "script")
        .into_iter()
        .find(|(a, _)| a.contains("claimex-index"))
        .unwrap()
        .1;
    let v: Value = serde_json::from_str(idx).unwrap();
    let docs = v["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1]["err"], "malformed_json");
    assert_eq!(docs[2]["err"], "empty_document");
}
