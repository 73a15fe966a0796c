//! Invariant checks the fuzz targets share.

use serde_json::Value;

/// Characters of `text` from `start` to `end` (as Python slices), or `None` out of range.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut idx = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let a = idx.nth(start)?;
    let b = if end == start {
        a
    } else {
        idx.nth(end - start - 1)?
    };
    text.get(a..b)
}

/// Checks every span of one output record against the document text: `start <= end`, in
/// range, and (where the span carries `text`) its text equals the slice. Panics otherwise.
pub fn check_spans(text: &str, v: &Value) {
    let n = text.chars().count();
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= n, "span {s}..{e} out of range ({n} chars): {v}");
                if let Some(t) = m.get("text").and_then(Value::as_str) {
                    assert_eq!(char_slice(text, s, e), Some(t), "span text differs: {v}");
                }
            }
            for x in m.values() {
                check_spans(text, x);
            }
        }
        Value::Array(a) => {
            for x in a {
                check_spans(text, x);
            }
        }
        _ => {}
    }
}

/// The output must be exactly one JSON line per record: returns the parsed lines.
pub fn json_lines(out: &[u8]) -> Vec<Value> {
    let s = std::str::from_utf8(out).expect("output is UTF-8");
    assert!(s.is_empty() || s.ends_with('\n'), "last line not ended");
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
