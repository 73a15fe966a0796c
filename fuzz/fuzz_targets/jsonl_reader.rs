//! The input reader on any bytes: no panic, one record per JSONL line (or one per text
//! input), every document non-empty, every record writable as one JSON line.
#![no_main]

use claimex::input::{DocStream, InputOptions, Item};
use libfuzzer_sys::fuzz_target;

/// crawl: inputs that the content detection sends to the HTML, WARC, JSON-array or
/// decompressing readers have their own targets (warc_reader, html_text).
fn is_text(data: &[u8]) -> bool {
    let mut src: Box<dyn std::io::BufRead + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
    matches!(claimex::crawl::detect(&mut src), Ok(claimex::input::Format::Text))
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks a size limit, so the too_large paths are reached too.
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let max_doc_bytes = [8, 64, 4096, usize::MAX][usize::from(pick & 3)];
    let opts = InputOptions {
        max_doc_bytes,
        ..InputOptions::default()
    };
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let jsonl = body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .is_some_and(|&b| b == b'{');
    let records: Vec<_> = DocStream::from_reader("fuzz", std::io::Cursor::new(data.to_vec()), opts).collect();
    if jsonl {
        let lines = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n"));
        assert_eq!(records.len(), lines, "one record per line");
    } else if is_text(data) {
        assert_eq!(records.len(), 1, "one record per text input");
    }
    let mut out = Vec::new();
    for r in &records {
        match &r.item {
            Item::Doc(d) => {
                assert!(!d.text.trim().is_empty());
                claimex::output::document_record(d, &Default::default(), Default::default(), &mut out);
            }
            Item::Failed { id, error } => {
                // The id may be empty: the input's own `"id": ""` is echoed.
                assert!(!error.message.is_empty() && (!id.is_empty() || data.windows(2).any(|w| w == b"\"\"")));
                claimex::output::error_record(id, error, "id", &mut out);
            }
        }
    }
    assert_eq!(claimex_fuzz::json_lines(&out).len(), records.len());
});
