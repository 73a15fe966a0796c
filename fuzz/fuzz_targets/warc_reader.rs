//! The WARC reader on any bytes, plain or gzipped and cut anywhere: no panic, no endless
//! loop; every document has text, a record id and (from HTML) a layout with one hint per
//! line; every record is one JSON line.
#![no_main]

use std::io::Write;

use claimex::crawl::compress::{decoder, Compression};
use claimex::crawl::warc::WarcReader;
use claimex::input::{InputOptions, Item};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks a size limit and whether the stream is gzipped (and where the
    // gzip file is cut), so the too_large and truncated paths are reached too.
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let max_doc_bytes = [16, 256, 4096, 1 << 20][usize::from(pick & 3)];
    let opts = InputOptions {
        max_doc_bytes,
        ..InputOptions::default()
    };
    let src: Box<dyn std::io::BufRead + Send> = if pick & 4 != 0 {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).expect("in memory");
        let mut gz = e.finish().expect("in memory");
        if pick & 8 != 0 {
            let cut = gz.len() * usize::from(pick >> 4) / 16;
            gz.truncate(cut.max(1));
        }
        decoder(Box::new(std::io::Cursor::new(gz)), Compression::Gzip)
    } else {
        Box::new(std::io::Cursor::new(data.to_vec()))
    };
    let mut out = Vec::new();
    let mut n = 0;
    for rec in WarcReader::new("fuzz.warc", src, &opts) {
        n += 1;
        assert!(n <= data.len() + 1, "at most one record per input byte");
        match &rec.item {
            Item::Doc(d) => {
                assert!(!d.text.trim().is_empty() && !d.id.is_empty());
                if let Some(l) = &d.layout {
                    assert_eq!(l.lines.len(), d.text.lines().count());
                }
                claimex::output::document_record(d, &Default::default(), Default::default(), &mut out);
            }
            Item::Failed { id, error } => {
                assert!(!error.message.is_empty() && !id.is_empty());
                claimex::output::error_record(id, error, "id", &mut out);
            }
        }
    }
    assert_eq!(claimex_fuzz::json_lines(&out).len(), n);
});
