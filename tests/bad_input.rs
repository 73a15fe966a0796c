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
    assert!(
        s.contains("8 documents (5 failed, 0 without claims)"),
        "{s}"
    );
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
    // `id` as everywhere, and `doc` (deprecated) as the claims stream used to have it.
    assert!(values
        .iter()
        .filter(|v| v.get("error").is_some())
        .all(|v| v["id"].is_string() && v["doc"] == v["id"]));
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

fn one_line(out: &std::process::Output) -> serde_json::Value {
    let values = lines(out);
    assert_eq!(values.len(), 1, "{values:?}");
    check_schema(&values);
    values.into_iter().next().unwrap()
}

#[test]
fn blank_lines_before_first_record_on_stdin_are_kept() {
    let mut input = "\n".repeat(100_000);
    input.push_str("{\"id\": \"a\", \"text\": \"The port reopened, officials said.\"}\n");
    let out = run(
        &["extract", "--emit", "documents", "-q"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = docs(&out);
    assert_eq!(recs.len(), 100_001);
    assert_eq!(recs[99_999].id, "<stdin>:100000");
    assert_eq!(recs[99_999].error.as_ref().unwrap().kind, "blank_line");
    assert_eq!(recs[100_000].id, "a");
    assert!(recs[100_000].error.is_none());
}

#[test]
fn max_doc_bytes_u64_max() {
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--max-doc-bytes",
            "18446744073709551615",
            corpus("samples.jsonl").to_str().unwrap(),
            corpus("samples/sample-001.txt").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(docs(&out).iter().all(|d| d.error.is_none()));
}

#[test]
fn crlf_line_exactly_at_the_limit_is_kept() {
    let line = "{\"id\": \"a\", \"text\": \"The port reopened, officials said.\"}";
    let input = format!("{line}\r\n");
    let limit = line.len().to_string();
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--max-doc-bytes",
            &limit,
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(docs(&out)[0].id, "a");
}

#[test]
fn duplicate_keys_written_once_last_wins() {
    let input = br#"{"id":"c","title":"a","title":"b","text":"Talks fail\nHe said so."}"#;
    let out = run(
        &["extract", "--emit", "documents", "-q", "--no-boilerplate"],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(0));
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(raw.matches("\"title\"").count(), 1, "{raw}");
    let v = one_line(&out);
    assert_eq!(v["title"], "b");
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("duplicate_key"));
}

#[test]
fn lone_surrogate_escape_does_not_reject_the_document() {
    let input =
        br#"{"id":"s","title":"x\ud800","text":"Prices\nPrices rose \udc00, officials said."}"#;
    let out = run(
        &["extract", "--emit", "documents", "-q", "--no-boilerplate"],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(0));
    let v = one_line(&out);
    assert_eq!(v["id"], "s");
    assert_eq!(v["title"], "x\u{FFFD}");
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("lone_surrogate"));
    let rec = &docs(&out)[0];
    check_doc("Prices\nPrices rose \u{FFFD}, officials said.", rec);
    assert_eq!(rec.claims.len(), 1);
}

#[test]
fn error_record_of_a_bad_line_carries_its_id() {
    let input = b"{\"id\": \"rec-7\", \"text\": \"unterminated\n{\"id\": 12, \"text\": 5, oops}\n";
    let out = run(&["extract", "--emit", "documents", "-q"], Some(input));
    assert_eq!(out.status.code(), Some(1));
    let recs = docs(&out);
    assert_eq!(recs[0].id, "rec-7");
    assert_eq!(recs[1].id, "12");
    let e = recs[0].error.as_ref().unwrap();
    assert_eq!(e.kind, "malformed_json");
    assert!(
        e.message.contains("<stdin>:1"),
        "still names the line: {}",
        e.message
    );
}

#[test]
fn number_1e400_in_a_non_text_field_is_ignored() {
    let input =
        br#"{"id":"n","score":1e400,"weights":[1e999,-1e400],"text":"Talks fail\nHe said so."}"#;
    let out = run(
        &["extract", "--emit", "documents", "-q", "--no-boilerplate"],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(0));
    let v = one_line(&out);
    assert_eq!(v["id"], "n");
    assert!(v.get("error").is_none());
}

#[test]
fn big_integer_id_keeps_its_exact_digits() {
    let input = b"{\"id\":18446744073709551617,\"text\":\"He said so.\"}\n{\"id\":1.50,\"text\":\"He said so.\"}\n";
    let out = run(&["extract", "--emit", "documents", "-q"], Some(input));
    let recs = docs(&out);
    assert_eq!(recs[0].id, "18446744073709551617");
    assert_eq!(recs[1].id, "1.50");
}

#[test]
fn big_document_is_streamed_with_the_same_bytes() {
    // Over the 1 MiB streaming threshold, between two small documents.
    let big = "Officials said the bridge would reopen in May.\n".repeat(23_000);
    let mut input = String::new();
    for (id, text) in [
        ("s1", "He said so."),
        ("big", big.as_str()),
        ("s2", "She said so."),
    ] {
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    let out = run(
        &["extract", "--emit", "documents", "-q", "--threads", "2"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let p = claimex::pipeline::Pipeline::builder().build().unwrap();
    let mut want = Vec::new();
    for (id, text) in [
        ("s1", "He said so."),
        ("big", big.as_str()),
        ("s2", "She said so."),
    ] {
        let doc = claimex::Document::new(id, text);
        let ann = p.annotate(&doc);
        claimex::output::document_record(&doc, &ann, claimex::output::DocParts::EXTRACT, &mut want);
    }
    assert!(
        out.stdout == want,
        "streamed record differs from the buffered one"
    );
}

#[path = "common/shapes.rs"]
mod shapes;

fn pipeline() -> &'static claimex::pipeline::Pipeline {
    static P: std::sync::OnceLock<claimex::pipeline::Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        claimex::pipeline::Pipeline::builder()
            .build()
            .expect("pipeline")
    })
}

/// The whole pipeline and the output stage on one document: the record must meet the
/// contract (one JSON line, every span equal to its slice).
fn check_through_pipeline(doc: &claimex::Document) {
    let ann = pipeline().annotate(doc);
    let mut out = Vec::new();
    claimex::output::document_record(doc, &ann, claimex::output::DocParts::EXTRACT, &mut out);
    let line = String::from_utf8(out).expect("UTF-8");
    assert_eq!(line.matches('\n').count(), 1, "one line per document");
    let rec: DocRec = serde_json::from_str(&line).expect("typed record");
    check_doc(&doc.text, &rec);
}

#[test]
fn adversarial_shapes_at_small_sizes_meet_the_contract() {
    // Timing-free: benches/adversarial.rs measures the same shapes at 1x and 4x.
    for s in shapes::SHAPES {
        for size in [2_000, 8_000] {
            let doc = claimex::Document::new(s.name, (s.make)(size));
            check_through_pipeline(&doc);
        }
    }
}

#[test]
fn claim_records_grow_linearly_on_adversarial_shapes() {
    // Work counted, not timed: the claims output of each shape at 1x and 4x a size. Linear
    // growth gives a ratio near 4, a quadratic one near 16 (each claim of a page without stops
    // once wrote the whole page as its `context`).
    for s in shapes::SHAPES {
        let bytes = |size: usize| {
            let doc = claimex::Document::new(s.name, (s.make)(size));
            let ann = pipeline().annotate(&doc);
            let mut out = Vec::new();
            claimex::output::claim_records(&doc, &ann, &mut out);
            out.len()
        };
        let (one, four) = (bytes(4_000), bytes(16_000));
        assert!(
            four <= 6 * one + 8_192,
            "{}: {one} bytes of claims at 4,000 bytes of input, {four} at 16,000",
            s.name
        );
    }
}

mod mutation {
    use super::*;
    use claimex::input::{DocStream, InputOptions, Item};
    use proptest::prelude::*;

    const PIECES: &[&[u8]] = &[
        b"\\ud800",
        b"\\udc00",
        b"\"",
        b"\\\"",
        b"\\",
        b"\n",
        b"\r\n",
        "\u{2028}".as_bytes(),
        b"\\u0000",
        b"{",
        b"}",
        b",\"title\":\"dup\"",
        b",\"id\":18446744073709551617",
        b"1e400",
        b"\xff\xfe",
        b" said ",
        b" according to ",
        "\u{201C}".as_bytes(),
        "\u{2019}s".as_bytes(),
        b"\\n\\n",
        b"U.S. ",
        b"\t",
    ];

    #[derive(Clone, Debug)]
    enum Mutation {
        Flip(usize, u8),
        Insert(usize, usize),
        Delete(usize, usize),
        Duplicate(usize, usize),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
            (any::<usize>(), 0..PIECES.len()).prop_map(|(p, i)| Mutation::Insert(p, i)),
            (any::<usize>(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
            (any::<usize>(), 1usize..256).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
        ]
    }

    fn apply(line: &mut Vec<u8>, m: &Mutation) {
        let len = line.len().max(1);
        match *m {
            Mutation::Flip(p, b) => {
                if let Some(x) = line.get_mut(p % len) {
                    *x = b;
                }
            }
            Mutation::Insert(p, i) => {
                let at = p % (line.len() + 1);
                line.splice(at..at, PIECES[i].iter().copied());
            }
            Mutation::Delete(p, n) => {
                let at = p % len;
                let end = (at + n).min(line.len());
                line.drain(at.min(end)..end);
            }
            Mutation::Duplicate(p, n) => {
                let at = p % len;
                let end = (at + n).min(line.len());
                let copy: Vec<u8> = line[at.min(end)..end].to_vec();
                line.splice(end..end, copy);
            }
        }
    }

    fn real_lines() -> &'static [Vec<u8>] {
        static L: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
        L.get_or_init(|| {
            std::fs::read(corpus("samples.jsonl"))
                .expect("samples")
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(<[u8]>::to_vec)
                .collect()
        })
    }

    proptest! {
        // Bounded by case count, not wall clock: CI runs the same amount of work anywhere.
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

        /// A real JSONL line, mutated: one record per resulting line, never a panic, every
        /// document that survives meets the output contract.
        #[test]
        fn mutated_real_documents_never_break_the_contract(
            which in 0usize..8,
            muts in prop::collection::vec(mutation(), 1..8),
        ) {
            let lines = real_lines();
            let mut line = lines[which % lines.len()].clone();
            for m in &muts {
                apply(&mut line, m);
            }
            let n_lines = line.split(|&b| b == b'\n').count() - usize::from(line.ends_with(b"\n"));
            let starts_json = line.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
            let recs: Vec<_> = DocStream::from_reader("m.jsonl", std::io::Cursor::new(line), InputOptions::default()).collect();
            if starts_json {
                prop_assert_eq!(recs.len(), n_lines);
            } else {
                prop_assert_eq!(recs.len(), 1);
            }
            for r in &recs {
                if let Item::Doc(d) = &r.item {
                    check_through_pipeline(d);
                }
            }
        }
    }
}
