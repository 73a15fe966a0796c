//! The boilerplate profile reader on any text: no panic; a profile that loads answers
//! lookups and is used by the boilerplate stage without panicking.
#![no_main]

use claimex::boilerplate::{Boilerplate, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(p) = Profile::from_json(json) else {
        return;
    };
    let _ = p.len();
    for line in json.lines().take(16) {
        let _ = p.is_repeated(line, Some("https://news.example.org/a"));
        let _ = p.is_repeated(line, None);
    }
    let b = Boilerplate::new().with_profile(p);
    let blocks = b.classify_doc(json, None, Some("https://news.example.org/a"));
    for bl in blocks {
        assert!(bl.span.end <= json.len() && json.is_char_boundary(bl.span.start));
    }
});
