//! HTML → text on any bytes: no panic; the text is lines of collapsed whitespace, each ending
//! in `\n`, none empty; one layout hint per line with the line's exact span; metadata on one
//! line each; the document record is one JSON line whose spans check out.
#![no_main]

use claimex::crawl::html;
use libfuzzer_sys::fuzz_target;

fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    let page = html::extract(data, None);
    let text = &page.text;
    assert!(text.is_empty() || text.ends_with('\n'), "text ends with a newline");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), page.layout.lines.len(), "one hint per line");
    let mut pos = 0;
    for (line, hint) in lines.iter().zip(&page.layout.lines) {
        assert!(!line.is_empty(), "no empty line");
        assert!(!line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  "), "collapsed: {line:?}");
        assert!(!line.chars().any(|c| is_space(c) && c != ' '), "only plain spaces: {line:?}");
        assert_eq!((hint.span.start, hint.span.end), (pos, pos + line.len()), "hint span");
        assert_eq!(hint.chars as usize, line.chars().filter(|&c| c != ' ').count(), "chars");
        assert!(hint.link_chars <= hint.chars);
        pos += line.len() + 1;
    }
    for (k, v) in page.meta.fields() {
        assert!(!v.contains('\n') && !v.is_empty(), "{k}: {v:?}");
    }
    if let Ok(doc) = claimex::crawl::html_document("fuzz", page, None, None) {
        let mut out = Vec::new();
        claimex::output::document_record(&doc, &Default::default(), Default::default(), &mut out);
        let recs = claimex_fuzz::json_lines(&out);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0]["text"].as_str(), Some(doc.text.as_str()));
        claimex_fuzz::check_spans(&doc.text, &recs[0]);
    }
});
