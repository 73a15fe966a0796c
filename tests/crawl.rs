//! Crawl input end to end: HTML pages, WARC/WET, JSON arrays, gzip and zstd, and the bad
//! cases (unsupported formats, folders with nothing to read, truncated and oversized input),
//! each with its record and exit status.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/crawl").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// (kind, source, cue, content) of every claim line.
fn claims(out: &std::process::Output) -> Vec<(String, String, String, String)> {
    lines(out)
        .iter()
        .filter(|v| v.get("error").is_none())
        .map(|c| {
            let t = |v: &Value| v.as_str().unwrap_or("").to_string();
            (
                t(&c["kind"]),
                t(&c["source"]["text"]),
                t(&c["cue"]["text"]),
                t(&c["content"]["text"]),
            )
        })
        .collect()
}

/// Error kinds (or "doc") of each record, in order.
fn kinds(out: &std::process::Output) -> Vec<String> {
    lines(out)
        .iter()
        .map(|v| match v.get("error") {
            Some(e) => e["kind"].as_str().unwrap_or("?").to_string(),
            None => "doc".to_string(),
        })
        .collect()
}

fn twins() -> Vec<(PathBuf, PathBuf)> {
    (1..=5)
        .map(|i| {
            (
                corpus(&format!("samples/sample-00{i}.txt")),
                corpus(&format!("html/sample-00{i}.html")),
            )
        })
        .collect()
}

/// A WARC response record holding `body` as an HTML page.
fn warc_response(id: &str, url: &str, body: &[u8]) -> Vec<u8> {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: {url}\r\nWARC-Date: 2026-03-04T08:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn warc_request(id: &str, url: &str) -> Vec<u8> {
    let req = "GET / HTTP/1.1\r\n\r\n";
    format!(
        "WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {url}\r\n\
         Content-Length: {}\r\n\r\n{req}\r\n\r\n",
        req.len()
    )
    .into_bytes()
}

#[test]
fn html_twins_give_the_claims_and_lines_of_the_text_dumps() {
    for (txt, html) in twins() {
        let a = run(&["extract", "-q", s(&txt)], None);
        let b = run(&["extract", "-q", s(&html)], None);
        assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
        let (ca, cb) = (claims(&a), claims(&b));
        assert!(!ca.is_empty());
        assert_eq!(ca, cb, "{} and {}", txt.display(), html.display());
        check_schema(&lines(&b));
        // The document record carries the extracted text; its lines are the dump's.
        let d = run(&["extract", "-q", "--emit", "documents", s(&html)], None);
        let rec = &lines(&d)[0];
        let text = rec["text"].as_str().expect("HTML documents carry text");
        let dump = std::fs::read_to_string(&txt).unwrap();
        let want: Vec<&str> = dump.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(text.lines().collect::<Vec<_>>(), want);
        check_doc(text, &docs(&d)[0]);
        check_schema(&lines(&d));
        assert_eq!(rec["site"], "News Example");
        assert_eq!(rec["author"], "Staff Reporter");
        assert_eq!(rec["title"], want[0]);
    }
}

#[test]
fn claim_records_carry_the_page_metadata() {
    let out = run(&["extract", "-q", s(&corpus("html/sample-001.html"))], None);
    let first = &lines(&out)[0];
    assert_eq!(first["url"], "https://news.example/sample-001");
    assert_eq!(first["author"], "Staff Reporter");
    assert_eq!(first["site"], "News Example");
    assert!(first["date"].as_str().unwrap().starts_with("2026-03-0"));
    assert!(first["title"]
        .as_str()
        .unwrap()
        .starts_with("Drought pushes"));
}

#[test]
fn compressed_jsonl_gives_the_claims_of_the_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read(corpus("samples.jsonl")).unwrap();
    let gzp = dir.path().join("samples.jsonl.gz");
    let zst = dir.path().join("samples.jsonl.zst");
    std::fs::write(&gzp, gz(&plain)).unwrap();
    std::fs::write(&zst, zstd::encode_all(plain.as_slice(), 3).unwrap()).unwrap();
    let want = run(&["extract", "-q", s(&corpus("samples.jsonl"))], None);
    assert!(!claims(&want).is_empty());
    for p in [&gzp, &zst] {
        let got = run(&["extract", "-q", s(p)], None);
        assert_eq!(got.status.code(), Some(0), "{}", stderr(&got));
        assert_eq!(got.stdout, want.stdout, "{}", p.display());
    }
    // Also on stdin, by magic bytes.
    let got = run(&["extract", "-q"], Some(&gz(&plain)));
    assert_eq!(got.stdout, want.stdout);
    let got = run(
        &["extract", "-q"],
        Some(&zstd::encode_all(plain.as_slice(), 1).unwrap()),
    );
    assert_eq!(got.stdout, want.stdout);
}

#[test]
fn warc_gz_with_a_member_per_record_gives_the_claims_of_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plain, mut members) = (Vec::new(), Vec::new());
    let mut want = Vec::new();
    for (i, (_, html)) in twins().iter().enumerate() {
        let url = format!("https://news.example/{i}");
        for r in [
            warc_request(&format!("q{i}"), &url),
            warc_response(&format!("r{i}"), &url, &std::fs::read(html).unwrap()),
        ] {
            members.extend(gz(&r));
            plain.extend(r);
        }
        want.extend(claims(&run(&["extract", "-q", s(html)], None)));
    }
    let warc = dir.path().join("crawl.warc");
    let warc_gz = dir.path().join("crawl.warc.gz");
    std::fs::write(&warc, &plain).unwrap();
    std::fs::write(&warc_gz, &members).unwrap();
    let a = run(&["extract", s(&warc)], None);
    let b = run(&["extract", s(&warc_gz)], None);
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    assert_eq!(claims(&b), want);
    assert_eq!(a.stdout, b.stdout);
    let err = stderr(&b);
    assert!(
        err.contains("10 WARC records: 5 documents, 0 failed; skipped: 5 request"),
        "{err}"
    );
    let first = &lines(&b)[0];
    assert_eq!(first["doc"], "urn:uuid:r0");
    assert_eq!(first["url"], "https://news.example/0");
    check_schema(&lines(&b));
}

#[test]
fn warc_records_skipped_and_counted_pages_decoded() {
    let out = run(
        &["clean", "--emit", "body", s(&fixture("pages.warc"))],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<Value> = lines(&out).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, ["urn:uuid:2", "urn:uuid:4", "urn:uuid:7"]);
    let err = stderr(&out);
    assert!(
        err.contains("9 WARC records: 3 documents, 0 failed; skipped: 1 metadata, 1 non-2xx responses, 1 non-HTML responses, 1 request, 1 revisit, 1 warcinfo"),
        "{err}"
    );
    let docs = run(&["clean", "-q", s(&fixture("pages.warc"))], None);
    let recs = lines(&docs);
    assert_eq!(recs[0]["title"], "Port strike ends");
    assert_eq!(recs[0]["author"], "Ana Ruiz");
    assert_eq!(recs[0]["url"], "https://harbour.example/strike");
    assert_eq!(recs[0]["date"], "2026-03-03T10:02:00Z");
    assert_eq!(
        recs[1]["text"],
        "Chunked page: officials said the bridge would reopen.\n"
    );
    assert_eq!(
        recs[2]["text"], "Café owners said prices rose.\n",
        "windows-1252 from <meta charset>"
    );
}

#[test]
fn broken_warc_keeps_good_records_and_exits_1() {
    let out = run(
        &[
            "clean",
            "-q",
            s(&fixture("broken.warc")),
            s(&fixture("pages.wet")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        kinds(&out),
        [
            "malformed_warc",
            "doc",
            "malformed_warc",
            "doc",
            "truncated",
            "doc",
            "doc"
        ]
    );
    let recs = lines(&out);
    let msg = recs[4]["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("broken.warc") && msg.contains("truncated"),
        "{msg}"
    );
    assert_eq!(recs[4]["id"], "urn:uuid:d");
    check_schema(&recs);
}

#[test]
fn wet_conversion_records_are_plain_text_documents() {
    let out = run(
        &[
            "extract",
            "-q",
            "--emit",
            "documents",
            s(&fixture("pages.wet")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "urn:uuid:1");
    assert_eq!(recs[1]["url"], "https://harbour.example/bridge");
    assert!(
        recs[0].get("text").is_none(),
        "WET text is the input's own text"
    );
    assert!(!claims_of_docs(&recs).is_empty());
}

fn claims_of_docs(recs: &[Value]) -> Vec<Value> {
    recs.iter()
        .flat_map(|r| r["claims"].as_array().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn truncated_gzip_keeps_the_records_read_so_far_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A WARC.gz cut inside its last member.
    let mut data = Vec::new();
    for i in 0..3 {
        let page = format!("<p>Page {i}: the minister said the plan would work.</p>");
        data.extend(gz(&warc_response(
            &i.to_string(),
            "https://x.example/",
            page.as_bytes(),
        )));
    }
    let cut = dir.path().join("cut.warc.gz");
    std::fs::write(&cut, &data[..data.len() - 25]).unwrap();
    // A JSONL.gz cut in its middle.
    let jsonl: String = (0..200)
        .map(|i| {
            format!("{{\"id\": \"d{i}\", \"text\": \"Officials said the road {i} was closed.\"}}\n")
        })
        .collect();
    let z = gz(jsonl.as_bytes());
    let cut_jsonl = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut_jsonl, &z[..z.len() / 2]).unwrap();
    let out = run(
        &[
            "clean",
            "-q",
            s(&cut),
            s(&cut_jsonl),
            s(&fixture("pages.wet")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let k = kinds(&out);
    assert_eq!(&k[..3], ["doc", "doc", "truncated"]);
    let jsonl_docs = k[3..].iter().take_while(|k| *k == "doc").count();
    assert!(jsonl_docs > 10 && jsonl_docs < 200, "{k:?}");
    assert_eq!(k[3 + jsonl_docs], "truncated");
    assert_eq!(
        &k[4 + jsonl_docs..],
        ["doc", "doc"],
        "the run goes on to the next file"
    );
    let recs = lines(&out);
    let msg = recs[3 + jsonl_docs]["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("cut.jsonl.gz") && msg.contains("truncated"),
        "{msg}"
    );
}

#[test]
fn unsupported_named_files_are_error_records_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj".to_vec()),
        ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        ("table.csv", b"id,text\n1,hello\n".to_vec()),
        ("blob", vec![0u8, 159, 146, 150, 0, 1, 2, 3]),
        ("scan", b"%PDF-1.4 no extension".to_vec()),
    ];
    let mut args = vec!["extract".to_string(), "--emit".into(), "documents".into()];
    for (name, data) in &files {
        let p = dir.path().join(name);
        std::fs::write(&p, data).unwrap();
        args.push(s(&p).to_string());
    }
    args.push(s(&corpus("samples/sample-001.txt")).to_string());
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&argv, None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        kinds(&out),
        [
            "unsupported_format",
            "unsupported_format",
            "unsupported_format",
            "unsupported_format",
            "unsupported_format",
            "doc"
        ]
    );
    for (rec, (name, _)) in lines(&out).iter().zip(&files) {
        let msg = rec["error"]["message"].as_str().unwrap();
        assert!(msg.contains(name), "{msg}");
    }
    check_schema(&lines(&out));
    assert!(stderr(&out).contains("6 documents (5 failed"));
}

#[test]
fn a_folder_with_nothing_readable_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(dir.path().join("b.png"), b"\x89PNG").unwrap();
    std::fs::write(dir.path().join("README.md"), b"about").unwrap();
    let out = run(&["extract", s(dir.path())], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("no documents to read") && err.contains("1 .pdf, 1 .png"),
        "{err}"
    );
    assert!(err.contains(s(dir.path())), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let out = run(&["extract", s(empty.path())], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_folders_skipped_files_are_counted_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(dir.path().join("notes.xyz"), b"?").unwrap();
    std::fs::copy(corpus("html/sample-002.html"), dir.path().join("page.html")).unwrap();
    std::fs::write(
        dir.path().join("page.txt.gz"),
        gz(&std::fs::read(corpus("samples/sample-003.txt")).unwrap()),
    )
    .unwrap();
    // JSON in a folder: an array is documents, an object (metadata, settings) is skipped.
    std::fs::write(dir.path().join("meta.json"), br#"{"source": "crawl"}"#).unwrap();
    std::fs::write(
        dir.path().join("z.json"),
        br#" [{"id": "j", "text": "He said so."}]"#,
    )
    .unwrap();
    let out = run(&["clean", "--emit", "body", s(dir.path())], None);
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<Value> = lines(&out).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, ["page.html", "page.txt.gz", "j"]);
    let err = stderr(&out);
    assert!(
        err.contains("skipped 3 path(s) in folders")
            && ["a.pdf", "meta.json", "notes.xyz"]
                .iter()
                .all(|f| err.contains(f))
            && err.contains("a format claimex does not read"),
        "{err}"
    );
}

#[test]
fn a_glob_that_matches_nothing_exits_2() {
    // The shell passes an unmatched pattern on as it is.
    let dir = tempfile::tempdir().unwrap();
    let pattern = format!("{}/*.html", s(dir.path()));
    let out = run(&["extract", &pattern], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains(&pattern), "{}", stderr(&out));
}

#[test]
fn max_doc_bytes_applies_to_the_decompressed_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = "All work and no play. ".repeat(500_000); // 11 MB, compresses to a few KB
    let html = format!("<p>{big}</p>");
    let files = [
        ("bomb.txt.gz", gz(big.as_bytes())),
        ("bomb.html.gz", gz(html.as_bytes())),
        (
            "bomb.jsonl.gz",
            gz(format!("{{\"text\": \"{big}\"}}\n{{\"text\": \"Small, she said.\"}}\n").as_bytes()),
        ),
        (
            "bomb.warc.gz",
            gz(&warc_response("b", "https://x/", html.as_bytes())),
        ),
        (
            "bomb.json.zst",
            zstd::encode_all(format!("[{{\"text\": \"{big}\"}}]").as_bytes(), 3).unwrap(),
        ),
    ];
    let mut args = vec!["clean", "-q", "--max-doc-bytes", "100000"];
    let paths: Vec<PathBuf> = files.iter().map(|(n, _)| dir.path().join(n)).collect();
    for ((_, data), p) in files.iter().zip(&paths) {
        assert!(
            data.len() < 100_000,
            "the compressed file is under the limit"
        );
        std::fs::write(p, data).unwrap();
    }
    args.extend(paths.iter().map(|p| s(p)));
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        kinds(&out),
        [
            "too_large",
            "too_large",
            "too_large",
            "doc",
            "too_large",
            "too_large"
        ]
    );
}

#[test]
fn stdin_formats_are_detected_by_content() {
    let html = std::fs::read(corpus("html/sample-003.html")).unwrap();
    let want = run(
        &[
            "clean",
            "--emit",
            "body",
            "-q",
            s(&corpus("html/sample-003.html")),
        ],
        None,
    );
    let text_of = |o: &std::process::Output| lines(o)[0]["text"].clone();
    for data in [
        html.clone(),
        gz(&html),
        zstd::encode_all(html.as_slice(), 1).unwrap(),
    ] {
        let got = run(&["clean", "--emit", "body", "-q"], Some(&data));
        assert_eq!(got.status.code(), Some(0), "{}", stderr(&got));
        assert_eq!(text_of(&got), text_of(&want));
    }
    let warc = std::fs::read(fixture("pages.warc")).unwrap();
    let got = run(&["clean", "--emit", "body", "-q"], Some(&gz(&warc)));
    assert_eq!(lines(&got).len(), 3);
    let got = run(
        &["extract", "-q", "--emit", "documents"],
        Some(b"%PDF-1.5 binary"),
    );
    assert_eq!(got.status.code(), Some(1));
    assert_eq!(kinds(&got), ["unsupported_format"]);
    assert!(lines(&got)[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("<stdin>"));
}

#[test]
fn json_array_files_give_one_document_per_element() {
    let dir = tempfile::tempdir().unwrap();
    let arr = dir.path().join("docs.json");
    let mut elems = Vec::new();
    for line in std::fs::read_to_string(corpus("samples.jsonl"))
        .unwrap()
        .lines()
    {
        elems.push(line.to_string());
    }
    std::fs::write(&arr, format!("[\n  {}\n]\n", elems.join(",\n  "))).unwrap();
    let want = run(&["extract", "-q", s(&corpus("samples.jsonl"))], None);
    let got = run(&["extract", "-q", s(&arr)], None);
    assert_eq!(got.status.code(), Some(0), "{}", stderr(&got));
    assert_eq!(got.stdout, want.stdout);
    // A JSON object that is not an array is not read as text (the raw-JSON claims of old).
    let obj = dir.path().join("one.json");
    std::fs::write(&obj, r#"{"text": "He said \"no\", the report said."}"#).unwrap();
    let out = run(&["extract", "-q", s(&obj)], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(kinds(&out), ["not_object"]);
}

#[test]
fn malformed_html_is_read_as_a_browser_would() {
    let out = run(&["clean", "-q", s(&fixture("malformed.html"))], None);
    assert_eq!(out.status.code(), Some(0));
    let text = lines(&out)[0]["text"].as_str().unwrap().to_string();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "First paragraph, never closed",
            "Second paragraph with bold and italic misnested text.",
            "cell one cell two",
            "stray text after the table",
            "item one",
            "item two",
            "An entity soup: & <tag> &unknown; \u{fffd} &#x; AT&T",
            "Last line, then the file ends inside a tag",
        ]
    );
    check_doc(&text, &docs(&out)[0]);
    // An unclosed <title> holds the rest of the page as its text: nothing is visible.
    let out = run(&["clean", "-q"], Some(b"<html><title>open <p>never shown"));
    assert_eq!(kinds(&out), ["empty_document"]);
    assert_eq!(out.status.code(), Some(1));
}
