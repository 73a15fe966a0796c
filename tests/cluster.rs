//! What a batch job or a cluster engine relies on: exit codes with `--allow-errors`, ids that
//! do not collide across processes, one id key in every record, per-document summaries in the
//! claims stream, and the shell files (completions, man page, version).

mod common;

use std::collections::{BTreeSet, HashMap};
use std::process::{Command, Stdio};

use common::*;
use serde_json::Value;

fn input_lines(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

#[test]
fn allow_errors_exits_0_with_one_line_per_input_line() {
    let path = corpus("bad/malformed.jsonl");
    let p = path.to_str().unwrap();
    let without = run(&["extract", "--emit", "documents", "-q", p], None);
    assert_eq!(
        without.status.code(),
        Some(1),
        "default behaviour unchanged"
    );
    let with = run(
        &["extract", "--emit", "documents", "-q", "--allow-errors", p],
        None,
    );
    assert_eq!(with.status.code(), Some(0));
    assert_eq!(with.stdout, without.stdout, "the same records either way");
    let values = lines(&with);
    assert_eq!(values.len(), input_lines(&path));
    assert_eq!(
        values.iter().filter(|v| v.get("error").is_some()).count(),
        5
    );
    check_schema(&values);
    // The other streaming commands take it too.
    for cmd in ["segment", "clean", "entities"] {
        let out = run(&[cmd, "-q", "--allow-errors", p], None);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
    }
}

#[test]
fn allow_errors_still_exits_2_on_usage_and_io_errors() {
    let out = run(
        &["extract", "--allow-errors", "-q", "/no/such/file.jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["extract", "--allow-errors", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &[
            "extract",
            "--allow-errors",
            "-q",
            "-o",
            "/no/such/dir/out.jsonl",
        ],
        Some(b"{\"text\": \"He said so.\"}\n"),
    );
    assert_eq!(out.status.code(), Some(2));
}

/// `corpora/samples.jsonl` without its `id` fields, as two halves.
fn id_less_halves() -> (Vec<u8>, Vec<u8>, usize) {
    let text = std::fs::read_to_string(corpus("samples.jsonl")).unwrap();
    let recs: Vec<String> = text
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("id");
            v.to_string() + "\n"
        })
        .collect();
    let half = recs.len() / 2;
    (
        recs[..half].concat().into_bytes(),
        recs[half..].concat().into_bytes(),
        recs.len(),
    )
}

#[test]
fn two_processes_on_two_halves_of_an_id_less_dump_give_distinct_ids() {
    let (a, b, n) = id_less_halves();
    let mut ids = BTreeSet::new();
    let mut all = Vec::new();
    for half in [&a, &b] {
        let out = run(&["extract", "--emit", "documents", "-q"], Some(half));
        assert!(out.status.success());
        for v in lines(&out) {
            let id = v["id"].as_str().unwrap().to_string();
            assert!(id.starts_with("sha256:") && id.len() == 27, "{id}");
            ids.insert(id.clone());
            all.push(id);
        }
    }
    assert_eq!(all.len(), n);
    assert_eq!(
        ids.len(),
        n,
        "ids collide across the two processes: {all:?}"
    );
    // Deterministic: the same ids in another run, whatever the thread count.
    let again = run(
        &["extract", "--emit", "documents", "-q", "--threads", "1"],
        Some(&a),
    );
    let first: Vec<_> = lines(&again)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(first, all[..first.len()]);
}

#[test]
fn a_repeated_id_is_reported_on_stderr() {
    let rec = "{\"id\": \"x1\", \"text\": \"The minister said the road was closed.\"}\n";
    let other = "{\"id\": \"x2\", \"text\": \"Police said two people were hurt.\"}\n";
    let input = format!("{rec}{other}{rec}");
    let out = run(&["extract", "--emit", "documents"], Some(input.as_bytes()));
    assert!(
        out.status.success(),
        "a duplicate is a warning, not a failure"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "warning: 1 record(s) repeat an id seen earlier in this run: \"x1\" (record 3)"
        ),
        "{err}"
    );
    // Records without ids: the same text twice is the same derived id, and said so.
    let bare = "{\"text\": \"The minister said the road was closed.\"}\n";
    let out = run(&["extract", "-q"], Some(format!("{bare}{bare}").as_bytes()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("repeat an id") && err.contains("sha256:"),
        "{err}"
    );
    // Distinct ids: nothing said.
    let out = run(&["extract"], Some(format!("{rec}{other}").as_bytes()));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("repeat an id"));
}

#[test]
fn claims_stream_uses_id_and_keeps_doc_for_one_release() {
    let out = run(
        &["extract", "-q", corpus("samples.jsonl").to_str().unwrap()],
        None,
    );
    let values = lines(&out);
    assert!(!values.is_empty());
    for v in &values {
        assert!(v["id"].is_string(), "{v}");
        assert_eq!(v["doc"], v["id"], "{v}");
        assert!(v["frame"].is_string() && v["confidence"].is_number(), "{v}");
    }
}

#[test]
fn doc_summary_tells_processed_with_nothing_found_from_not_processed() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The minister said the road was closed.\"}\n",
        "{\"id\": \"b\", \"text\": \"The road was closed on Tuesday.\"}\n",
        "not json\n",
        "{\"id\": \"c\", \"text\": \"Police said two people were hurt.\"}\n",
    );
    let out = run(
        &["extract", "--doc-summary", "--allow-errors"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success());
    let values = lines(&out);
    check_schema(&values);
    // Per input document: its claims, then its summary (or its error record instead).
    let mut claims: HashMap<String, u64> = HashMap::new();
    let mut ends = Vec::new();
    for v in &values {
        let id = v["id"].as_str().unwrap().to_string();
        if let Some(s) = v.get("summary") {
            assert_eq!(s["claims"].as_u64(), Some(claims.remove(&id).unwrap_or(0)));
            assert!(s["sentences"].as_u64().unwrap() >= 1);
            ends.push(format!("{id}:{}", s["claims"]));
        } else if v.get("error").is_some() {
            ends.push("error".into());
        } else {
            *claims.entry(id).or_default() += 1;
        }
    }
    assert!(claims.is_empty(), "claims after their summary: {claims:?}");
    assert_eq!(ends, ["a:1", "b:0", "error", "c:1"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("4 documents (1 failed, 1 without claims), 2 claims"),
        "{err}"
    );
    // It goes with the claims stream only.
    let out = run(&["extract", "--emit", "documents", "--doc-summary"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn summary_line_says_1_document_and_1_claim() {
    let out = run(
        &["extract"],
        Some(b"{\"id\": \"a\", \"text\": \"The minister said the road was closed.\"}\n"),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("claimex: 1 document (0 failed, 0 without claims), 1 claim, 0.0 MB in "),
        "{err}"
    );
    assert!(err.contains(" MB/s)"), "{err}");
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell], None);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("extract") && script.contains("allow-errors"),
            "{shell}: the script does not know the subcommands and flags"
        );
    }
    // The bash script parses, and completing `claimex ex` offers `extract`.
    let out = run(&["completions", "bash"], None);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("claimex.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    let probe = format!(
        "source '{}'; COMP_WORDS=(claimex ex); COMP_CWORD=1; COMP_LINE='claimex ex'; COMP_POINT=10; _claimex claimex ex claimex; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let got = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .stdin(Stdio::null())
        .output()
        .expect("bash");
    let words = String::from_utf8_lossy(&got.stdout);
    assert!(
        got.status.success(),
        "{}",
        String::from_utf8_lossy(&got.stderr)
    );
    assert!(
        words.lines().any(|w| w == "extract"),
        "completions: {words}"
    );
    let out = run(&["completions", "tcsh"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_from_the_clap_definition() {
    let out = run(&["man"], None);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains(".TH claimex 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    for word in ["extract", "completions", "Exit status"] {
        assert!(page.contains(word), "the page lacks {word}");
    }
    let out = run(&["man", "extract"], None);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH claimex-extract 1"));
    assert!(page.contains("allow\\-errors") && page.contains("doc\\-summary"));
    assert_eq!(run(&["man", "nonsense"], None).status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["man", "--dir", dir.path().to_str().unwrap()], None);
    assert!(out.status.success());
    for f in ["claimex.1", "claimex-extract.1", "claimex-man.1"] {
        assert!(dir.path().join(f).is_file(), "{f} not written");
    }
}

#[test]
fn version_names_the_git_commit() {
    let out = run(&["--version"], None);
    let v = String::from_utf8(out.stdout).unwrap();
    assert!(
        v.starts_with(&format!("claimex {} (git ", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    // A checkout names its commit; `unknown` only outside git (a tarball).
    let head = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output();
    if let Some(h) = head.ok().filter(|h| h.status.success()) {
        let short = String::from_utf8_lossy(&h.stdout).trim().to_string();
        let short = &short[..7.min(short.len())];
        assert!(v.contains(short) || v.contains("unknown"), "{v} vs {short}");
    }
}

#[test]
fn stdin_format_jsonl_reads_a_share_that_starts_with_a_broken_line() {
    // A Spark partition or a Dask block can start anywhere in a dump, a broken line included.
    let input = "not json {\"id\": \"x\"\n{\"id\": \"a\", \"text\": \"He said so.\"}\n";
    let guessed = run(
        &["extract", "--emit", "documents", "-q"],
        Some(input.as_bytes()),
    );
    assert_eq!(
        lines(&guessed).len(),
        1,
        "told from its first byte: one text document"
    );
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--stdin-format",
            "jsonl",
        ],
        Some(input.as_bytes()),
    );
    let values = lines(&out);
    assert_eq!(values.len(), 2);
    assert_eq!(values[0]["error"]["kind"], "not_object");
    assert_eq!(values[1]["id"], "a");
    // And `text` reads a stdin starting with `{` as one document.
    let out = run(
        &["segment", "-q", "--stdin-format", "text"],
        Some(b"{not a record} He said so.\nShe agreed.\n"),
    );
    assert_eq!(lines(&out).len(), 1);
}
