//! The gazetteer TSV parser on any text: no panic; a list that parses builds a gazetteer
//! whose entities, on the list's own text, lie on character boundaries in range.
#![no_main]

use claimex::gazetteer::{GazetteerBuilder, Lists};
use claimex::segmentation::Segmenter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(tsv) = std::str::from_utf8(data) else {
        return;
    };
    let mut lists = Lists::default();
    if lists.parse(tsv, "fuzz.tsv", true).is_err() || lists.names.len() > 64 {
        return;
    }
    let Ok(b) = GazetteerBuilder::new().builtin(false).add_tsv(tsv, "fuzz.tsv") else {
        panic!("Lists::parse accepted what GazetteerBuilder refused");
    };
    let Ok(g) = b.build() else {
        return;
    };
    let tokens = Segmenter::new().tokenize(tsv);
    for e in g.tag(tsv, &tokens, &[]) {
        let s = e.span;
        assert!(s.start <= s.end && s.end <= tsv.len(), "{s:?}");
        assert!(tsv.is_char_boundary(s.start) && tsv.is_char_boundary(s.end), "{s:?}");
    }
});
