//! Bad input never crashes the run and never loses a document: each gets a clear record, the
//! counts add up, and the exit status says what happened.

mod common;

use common::*;

fn summary(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn malformed_jsonl_gives_one_record_per_line_and_exit_1() {
    let path = corpus("bad/malformed.jsonl");
    let out = run(
        &["extract", "--emit", "documents", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", summary(&out));
    let values = lines(&out);
    let n_in = std::fs::read_to_string(&path).unwrap().lines().count();
    assert_eq!(values.len(), n_in, "one output line per input line");
    check_schema(&values);
    let kinds: Vec<String> = docs(&out)
        .iter()
        .map(|d| d.error.as_ref().map_or("ok".into(), |e| e.kind.clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            "ok",
            "not_object",
            "missing_text",
            "text_not_string",
            "blank_line",
            "empty_document",
            "ok",
            "ok"
        ]
    );
    let recs = docs(&out);
    // Messages name the file and the line.
    let e = recs[1].error.as_ref().unwrap();
    assert!(e.message.contains("malformed.jsonl:2"), "{}", e.message);
    assert_eq!(recs[5].id, "7", "numeric ids become strings");
    // NUL kept, CRLF line end dropped.
    let texts = jsonl_texts(&path);
    check_doc(texts[6].as_ref().unwrap(), &recs[6]);
    check_doc(texts[7].as_ref().unwrap(), &recs[7]);
    let s = summary(&out);
    assert!(s.contains("8 documents (5 failed)"), "{s}");
}

#[test]
fn claims_stream_keeps_failed_documents() {
    let path = corpus("bad/malformed.jsonl");
    let out = run(&["extract", "-q", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let values = lines(&out);
    check_schema(&values);
    let errors = values.iter().filter(|v| v.get("error").is_some()).count();
    assert_eq!(errors, 5);
    assert!(values
        .iter()
        .filter(|v| v.get("error").is_some())
        .all(|v| v["doc"].is_string()));
}

#[test]
fn invalid_utf8_is_replaced_and_flagged() {
    let path = corpus("bad/invalid_utf8.txt");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = docs(&out);
    assert_eq!(recs.len(), 1);
    assert!(
        recs[0].warnings[0].starts_with("invalid_utf8"),
        "{:?}",
        recs[0].warnings
    );
    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    check_doc(&text, &recs[0]);
}

#[test]
fn bom_is_dropped_and_offsets_follow() {
    let path = corpus("bad/bom.txt");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let raw = std::fs::read_to_string(&path).unwrap();
    let text = raw
        .strip_prefix('\u{FEFF}')
        .expect("fixture starts with a BOM");
    let recs = docs(&out);
    check_doc(text, &recs[0]);
    assert_eq!(recs[0].blocks[0].start, 0);
    assert!(!recs[0].claims.is_empty());
}

#[test]
fn empty_file_is_an_error_record() {
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            corpus("bad/empty.txt").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = docs(&out);
    assert_eq!(recs[0].error.as_ref().unwrap().kind, "empty_document");
}

#[test]
fn crlf_text_keeps_offsets_into_the_raw_text() {
    let path = corpus("samples/sample-003.txt");
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(raw.contains("\r\n"), "fixture has CRLF");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            path.to_str().unwrap(),
        ],
        None,
    );
    let recs = docs(&out);
    check_doc(&raw, &recs[0]);
    assert!(recs[0].sentences.iter().all(|s| !s.text.contains('\r')));
}

#[test]
fn fifty_megabyte_document_is_refused_without_loading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        write!(f, "{{\"id\": \"huge\", \"text\": \"").unwrap();
        let para = "Officials said the bridge would reopen in May. ".repeat(1000);
        while f.get_ref().metadata().unwrap().len() < 50_000_000 {
            f.write_all(para.as_bytes()).unwrap();
        }
        writeln!(f, "\"}}").unwrap();
        writeln!(
            f,
            "{{\"id\": \"small\", \"text\": \"The port reopened, officials said.\"}}"
        )
        .unwrap();
    }
    let out = run(
        &["extract", "--emit", "documents", big.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = docs(&out);
    assert_eq!(recs.len(), 2);
    let e = recs[0].error.as_ref().expect("too large");
    assert!(recs[0].id.ends_with("big.jsonl:1"), "{}", recs[0].id);
    assert_eq!(e.kind, "too_large");
    assert!(
        e.message.contains("--max-doc-bytes"),
        "says what to do: {}",
        e.message
    );
    assert!(recs[1].error.is_none());
    // The same as a text file.
    let txt = dir.path().join("big.txt");
    std::fs::write(&txt, "Officials said so. ".repeat(3_000_000)).unwrap();
    let out = run(
        &["extract", "--emit", "documents", txt.to_str().unwrap()],
        None,
    );
    assert_eq!(docs(&out)[0].error.as_ref().unwrap().kind, "too_large");
}

#[test]
fn raising_the_limit_processes_a_large_document() {
    let text = "The minister said the talks had failed. ".repeat(5_000);
    let input = serde_json::json!({"id": "big", "text": text}).to_string();
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--max-doc-bytes",
            "1000",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(docs(&out)[0].error.as_ref().unwrap().kind, "too_large");
    let out = run(
        &["extract", "--emit", "documents", "-q"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success());
    let recs = docs(&out);
    assert_eq!(recs[0].claims.len(), 5_000);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = run(&["extract", "/no/such/path.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/path.jsonl"), "{err}");
    assert!(out.stdout.is_empty());
    let out = run(&["extract", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &[
            "extract",
            "--gazetteer",
            corpus("bad/malformed.jsonl").to_str().unwrap(),
            corpus("samples.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("malformed.jsonl:1"),
        "gazetteer errors name file and line: {err}"
    );
}
