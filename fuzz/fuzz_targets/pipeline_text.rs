//! A text document through the whole pipeline and the output stage: no panic, one record,
//! valid JSON on one line, every span in range and its text equal to its slice.
#![no_main]

use std::sync::OnceLock;

use claimex::output::{self, DocParts};
use claimex::pipeline::Pipeline;
use claimex::Document;
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builder().build().expect("pipeline"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", text);
    let ann = pipeline().annotate(&doc);
    let mut out = Vec::new();
    output::document_record(&doc, &ann, DocParts::EXTRACT, &mut out);
    let lines = claimex_fuzz::json_lines(&out);
    assert_eq!(lines.len(), 1, "one record per document");
    claimex_fuzz::check_spans(&doc.text, &lines[0]);
    let mut claims = Vec::new();
    output::claim_records(&doc, &ann, &mut claims);
    let lines = claimex_fuzz::json_lines(&claims);
    assert_eq!(lines.len(), ann.attribution.claims.len(), "one line per claim");
    for l in &lines {
        claimex_fuzz::check_spans(&doc.text, l);
    }
});
