use super::*;
use std::io::Write;

pub(crate) fn record(kind: &str, id: &str, extra: &str, payload: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2026-03-03T10:00:00Z\r\n{extra}Content-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(id: &str, ctype: &str, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n{body}");
    record(
        "response",
        id,
        "WARC-Target-URI: https://example.com/x\r\nContent-Type: application/http; msgtype=response\r\n",
        http.as_bytes(),
    )
}

fn run(data: Vec<u8>, max: usize) -> Vec<String> {
    let opts = InputOptions {
        max_doc_bytes: max,
        ..InputOptions::default()
    };
    WarcReader::new("t.warc", Box::new(io::Cursor::new(data)), &opts)
        .map(|r| match r.item {
            Item::Doc(d) => format!("doc:{}:{}", d.id, d.text.lines().next().unwrap_or("")),
            Item::Failed { id, error } => format!("{}:{id}", error.kind),
        })
        .collect()
}

#[test]
fn responses_become_documents_and_the_rest_is_skipped() {
    let mut w = record("warcinfo", "0", "", b"software: test\r\n");
    w.extend(record("request", "1", "", b"GET / HTTP/1.1\r\n\r\n"));
    w.extend(response(
        "2",
        "text/html; charset=utf-8",
        "<p>Page one.</p>",
    ));
    w.extend(response("3", "image/png", "\u{89}PNG"));
    w.extend(record("metadata", "4", "", b"fetchTimeMs: 5\r\n"));
    w.extend(record(
        "conversion",
        "5",
        "WARC-Target-URI: https://e/x\r\n",
        b"Plain text one.\nTwo.",
    ));
    let http404 = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>";
    w.extend(record("response", "6", "", http404));
    assert_eq!(
        run(w, 1 << 20),
        ["doc:urn:uuid:2:Page one.", "doc:urn:uuid:5:Plain text one."]
    );
}

#[test]
fn truncated_record_keeps_the_records_before() {
    let mut w = response("1", "text/html", "<p>First.</p>");
    let second = response("2", "text/html", "<p>Second, cut short.</p>");
    w.extend_from_slice(&second[..second.len() - 12]);
    assert_eq!(
        run(w, 1 << 20),
        ["doc:urn:uuid:1:First.", "truncated:urn:uuid:2"]
    );
}

#[test]
fn bad_header_is_an_error_and_the_next_record_is_found() {
    let mut w = b"garbage line\r\nmore garbage\r\n".to_vec();
    w.extend(response("1", "text/html", "<p>After.</p>"));
    let no_len =
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:2>\r\n\r\nxx\r\n\r\n";
    w.extend_from_slice(no_len);
    w.extend(response("3", "text/html", "<p>Last.</p>"));
    assert_eq!(
        run(w, 1 << 20),
        [
            "malformed_warc:t.warc:record-1",
            "doc:urn:uuid:1:After.",
            "malformed_warc:urn:uuid:2",
            "doc:urn:uuid:3:Last."
        ]
    );
}

#[test]
fn large_records_are_not_held() {
    let big = format!("<p>{}</p>", "x".repeat(300_000));
    let mut w = response("1", "text/html", &big);
    w.extend(response("2", "text/html", "<p>Small.</p>"));
    assert_eq!(
        run(w, 1000),
        ["too_large:urn:uuid:1", "doc:urn:uuid:2:Small."]
    );
}

#[test]
fn gzip_per_record_and_gzip_content_coding() {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(b"<p>Zipped body.</p>").unwrap();
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    http.extend(e.finish().unwrap());
    let recs = [
        record("response", "1", "", &http),
        response("2", "text/html", "<p>Two.</p>"),
    ];
    let mut file = Vec::new();
    for r in &recs {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(r).unwrap();
        file.extend(e.finish().unwrap());
    }
    let src = crate::crawl::compress::decoder(
        Box::new(io::Cursor::new(file)),
        crate::crawl::compress::Compression::Gzip,
    );
    let got: Vec<String> = WarcReader::new("t.warc.gz", src, &InputOptions::default())
        .map(|r| match r.item {
            Item::Doc(d) => d.text,
            Item::Failed { error, .. } => error.kind.to_string(),
        })
        .collect();
    assert_eq!(got, ["Zipped body.\n", "Two.\n"]);
}

#[test]
fn no_limit_at_all_does_not_overflow() {
    let w = response("1", "text/html", "<p>Page.</p>");
    assert_eq!(run(w, usize::MAX), ["doc:urn:uuid:1:Page."]);
}

#[test]
fn garbage_never_panics() {
    for data in [
        &b""[..],
        b"WARC/1.0",
        b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n",
        b"WARC/1.0\r\nContent-Length: 5\r\n\r\nab",
        b"\r\n\r\n\r\n",
    ] {
        let _ = run(data.to_vec(), 1000);
    }
}
