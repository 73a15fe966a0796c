//! One JSONL line → one document, or one failure that names the line (and the record's id
//! when one can be recovered from a broken line).
//!
//! * Values other than the text are read as raw JSON ([`RawValue`]): a number keeps the
//!   digits it was written with (an id `18446744073709551617` stays exactly that, not
//!   `18446744073709552000`), and a number no `f64` can hold (`1e400`) in a field claimex does
//!   not use costs nothing. The text field is decoded directly (it is most of the line, and a
//!   raw read would scan it twice); a text that is an out-of-range number fails the line, as
//!   any non-string text does.
//! * A lone UTF-16 surrogate escape (`"\ud800"`), which no Rust string can hold, is decoded
//!   as U+FFFD with a warning instead of rejecting the document.
//! * A key repeated in one record keeps its last value, as `JSON.parse` and Python's `json`
//!   do, at the place of its first occurrence, with a warning.

use std::collections::HashMap;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{InputOptions, Item};
use crate::document::Document;
use crate::error::DocError;

/// The text field's value.
enum Text {
    Str(String),
    Other(&'static str),
}

/// Any other field's value, as far as claimex cares.
enum Field<'a> {
    Text(Text),
    Raw(&'a RawValue),
}

struct Fields<'a> {
    fields: Vec<(String, Field<'a>)>,
    /// Keys seen more than once, with their count, in order of first repetition.
    repeated: Vec<(String, usize)>,
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Str(v))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text, E> {
                Ok(Text::Other("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text, E> {
                Ok(Text::Other("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
                Ok(Text::Other("a number"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
                Ok(Text::Other("a boolean"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text::Other("null"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

/// Deserializes the top-level object, reading `text_field` as [`Text`] and the rest raw.
struct FieldsSeed<'o>(&'o str);

impl<'de> de::DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Fields<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Fields<'de>, D::Error> {
        struct V<'o>(&'o str);
        impl<'de> Visitor<'de> for V<'_> {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Fields<'de>, A::Error> {
                let mut fields: Vec<(String, Field<'de>)> = Vec::new();
                // Linear in the number of keys, whatever the line holds.
                let mut index: HashMap<String, usize> = HashMap::new();
                let mut repeated: Vec<(String, usize)> = Vec::new();
                while let Some(k) = a.next_key::<String>()? {
                    let v = if k == self.0 {
                        Field::Text(a.next_value::<Text>()?)
                    } else {
                        Field::Raw(a.next_value::<&'de RawValue>()?)
                    };
                    match index.get(&k) {
                        Some(&i) => {
                            fields[i].1 = v;
                            match repeated.iter_mut().find(|(r, _)| *r == k) {
                                Some((_, n)) => *n += 1,
                                None => repeated.push((k, 2)),
                            }
                        }
                        None => {
                            index.insert(k.clone(), fields.len());
                            fields.push((k, v));
                        }
                    }
                }
                Ok(Fields { fields, repeated })
            }
        }
        d.deserialize_map(V(self.0))
    }
}

/// What a raw value is, for claimex: a string, a number (its exact text), or anything else
/// (ignored).
enum Value {
    Str(String),
    Num(String),
    Other,
}

fn classify(raw: &RawValue) -> Value {
    let s = raw.get();
    match s.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<String>(s) {
            Ok(v) => Value::Str(v),
            Err(_) => Value::Other,
        },
        Some(b'-' | b'0'..=b'9') => Value::Num(s.to_string()),
        _ => Value::Other,
    }
}

/// Reads one JSONL line (without its `\n`) as a document.
pub(crate) fn parse_line(name: &str, lineno: u64, raw: &[u8], opts: &InputOptions) -> Item {
    let loc = format!("{name}:{lineno}");
    let mut raw = raw;
    if lineno == 1 && raw.starts_with(b"\xEF\xBB\xBF") {
        raw = &raw[3..];
    }
    if raw.last() == Some(&b'\r') {
        raw = &raw[..raw.len() - 1];
    }
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Item::Failed {
            error: DocError::new(
                "blank_line",
                format!("{loc}: blank line; every JSONL line should hold one document"),
            ),
            id: loc,
        };
    }
    let mut warnings = Vec::new();
    let mut line = match std::str::from_utf8(raw) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let s = String::from_utf8_lossy(raw);
            let n = s.matches('\u{FFFD}').count();
            warnings.push(format!(
                "invalid_utf8: line is not valid UTF-8; {n} invalid sequence(s) replaced by U+FFFD"
            ));
            s
        }
    };
    if let Some((fixed, n)) = fix_lone_surrogates(&line) {
        warnings.push(format!(
            "lone_surrogate: {n} unpaired UTF-16 surrogate escape(s) (like \\ud800) decoded as U+FFFD"
        ));
        line = std::borrow::Cow::Owned(fixed);
    }
    let mut de = serde_json::Deserializer::from_str(&line);
    let parsed = de::DeserializeSeed::deserialize(FieldsSeed(&opts.text_field), &mut de)
        .and_then(|f| de.end().map(|_| f));
    let Fields { fields, repeated } = match parsed {
        Ok(f) => f,
        Err(e) => {
            let starts_object = line.trim_start().starts_with('{');
            let kind = if starts_object {
                "malformed_json"
            } else {
                "not_object"
            };
            let id = starts_object
                .then(|| recover_id(&line, &opts.id_field))
                .flatten()
                .filter(|id| !id.is_empty());
            return Item::Failed {
                error: DocError::new(
                    kind,
                    format!("{loc}: not a JSON object ({e}); each line must be one object like {{\"id\": \"...\", \"{}\": \"...\"}}", opts.text_field),
                ),
                id: id.unwrap_or(loc),
            };
        }
    };
    if !repeated.is_empty() {
        warnings.push(repeated_warning(&repeated));
    }
    assemble(fields, loc, warnings, opts)
}

/// The document (or failure) from the fields of a parsed line.
fn assemble(
    fields: Vec<(String, Field)>,
    loc: String,
    warnings: Vec<String>,
    opts: &InputOptions,
) -> Item {
    let mut id = None;
    let mut text = None;
    let mut text_problem = None;
    let mut carried = Vec::new();
    for (k, v) in fields {
        match v {
            Field::Text(Text::Str(s)) => text = Some(s),
            Field::Text(Text::Other(what)) => text_problem = Some(what),
            Field::Raw(r) if k == opts.id_field => match classify(r) {
                Value::Str(s) | Value::Num(s) => id = Some(s),
                Value::Other => {}
            },
            Field::Raw(r) => {
                if let Value::Str(s) = classify(r) {
                    carried.push((k, s));
                }
            }
        }
    }
    let Some(text) = text else {
        let id = id.unwrap_or_else(|| loc.clone());
        let error = match text_problem {
            Some(what) => DocError::new(
                "text_not_string",
                format!(
                    "{loc}: field \"{}\" is {what}, not a string",
                    opts.text_field
                ),
            ),
            None => DocError::new(
                "missing_text",
                format!(
                    "{loc}: no \"{}\" field; name the text field with --text-field",
                    opts.text_field
                ),
            ),
        };
        return Item::Failed { id, error };
    };
    if text.trim().is_empty() {
        return Item::Failed {
            id: id.unwrap_or_else(|| loc.clone()),
            error: DocError::new(
                "empty_document",
                format!("{loc}: the document text is empty"),
            ),
        };
    }
    // No id: one derived from the content, never `FILE:LINE`, which every shard of a dump
    // fed through stdin would repeat (`<stdin>:1` in each Spark partition).
    let id = id.unwrap_or_else(|| {
        let url = carried
            .iter()
            .find(|(k, _)| k == "url")
            .map(|(_, v)| v.as_str());
        super::derived_id(&text, url)
    });
    let mut doc = Document::new(id, text);
    doc.fields = carried;
    doc.warnings = warnings;
    Item::Doc(doc)
}

fn repeated_warning(repeated: &[(String, usize)]) -> String {
    const SHOWN: usize = 5;
    let mut list: Vec<String> = repeated
        .iter()
        .take(SHOWN)
        .map(|(k, n)| format!("{} ({n} times)", serde_json::Value::from(k.as_str())))
        .collect();
    if repeated.len() > SHOWN {
        list.push(format!("and {} more", repeated.len() - SHOWN));
    }
    format!(
        "duplicate_key: {} repeated in the record; the last value of each is kept, as JSON.parse does",
        list.join(", ")
    )
}

/// Replaces every `\uXXXX` escape of an unpaired UTF-16 surrogate by `\ufffd` (same length).
/// Returns the fixed line and the count, or `None` when there is nothing to fix.
fn fix_lone_surrogates(line: &str) -> Option<(String, usize)> {
    let b = line.as_bytes();
    // Fast path: no `\uD` / `\ud` at all.
    if !memchr::memmem::find_iter(b, b"\\u").any(|i| matches!(b.get(i + 2), Some(b'd' | b'D'))) {
        return None;
    }
    let mut out: Option<Vec<u8>> = None;
    let mut n = 0;
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|rest| memchr::memchr(b'\\', rest)) {
        let at = i + off;
        let unit = hex4(b, at);
        i = at + 2;
        let Some(u) = unit else { continue };
        i = at + 6;
        if (0xD800..0xDC00).contains(&u) {
            if hex4(b, at + 6).is_some_and(|l| (0xDC00..0xE000).contains(&l)) {
                i = at + 12;
                continue;
            }
        } else if !(0xDC00..0xE000).contains(&u) {
            continue;
        }
        n += 1;
        let o = out.get_or_insert_with(|| b.to_vec());
        o[at..at + 6].copy_from_slice(b"\\ufffd");
    }
    let out = out?;
    // Only ASCII bytes were replaced by ASCII bytes.
    String::from_utf8(out).ok().map(|s| (s, n))
}

/// The code unit of a `\uXXXX` escape starting at `at`, if there is one.
fn hex4(b: &[u8], at: usize) -> Option<u32> {
    if b.get(at) != Some(&b'\\') || b.get(at + 1) != Some(&b'u') {
        return None;
    }
    let digits = b.get(at + 2..at + 6)?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let s = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The value of the top-level key `field` in a line that is not valid JSON, when it is a
/// string or a number that can still be read: error records then carry the record's id.
/// One pass over the line.
fn recover_id(line: &str, field: &str) -> Option<String> {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i)?;
                let mut j = end;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if depth == 1 && b.get(j) == Some(&b':') {
                    if serde_json::from_str::<String>(&line[i..end]).is_ok_and(|k| k == field) {
                        j += 1;
                        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                            j += 1;
                        }
                        return value_at(line, j);
                    }
                    j += 1;
                }
                i = j;
            }
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// One past the closing quote of the string opening at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let off = memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        let at = i + off;
        if b[at] == b'"' {
            return Some(at + 1);
        }
        i = at + 2;
    }
}

fn value_at(line: &str, j: usize) -> Option<String> {
    let b = line.as_bytes();
    match b.get(j)? {
        b'"' => {
            let end = string_end(b, j)?;
            serde_json::from_str::<String>(&line[j..end]).ok()
        }
        b'-' | b'0'..=b'9' => {
            let len = b[j..]
                .iter()
                .take_while(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .count();
            Some(line[j..j + len].to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Item {
        parse_line("t.jsonl", 3, line.as_bytes(), &InputOptions::default())
    }

    fn doc(line: &str) -> Document {
        match parse(line) {
            Item::Doc(d) => d,
            Item::Failed { id, error } => panic!("{id}: {error}"),
        }
    }

    #[test]
    fn lone_surrogate_escape_is_decoded_as_replacement_character() {
        let d = doc(r#"{"id":"s","title":"a\ud800b","text":"x\udc00y said so \ud83d\ude00."}"#);
        assert_eq!(d.text, "x\u{FFFD}y said so \u{1F600}.");
        assert_eq!(d.field("title"), Some("a\u{FFFD}b"));
        assert!(
            d.warnings[0].starts_with("lone_surrogate: 2 "),
            "{:?}",
            d.warnings
        );
        // An escaped backslash before `ud800` is not an escape.
        let d = doc(r#"{"text":"path C:\\ud800 said"}"#);
        assert_eq!(d.text, r"path C:\ud800 said");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn fuzz_backslash_at_the_end_of_a_line_with_a_surrogate_escape() {
        // Found by fuzz/jsonl_reader: the escape scan stepped past the end of the line.
        let got = parse("{\"text\":\"\\ud800 said\"}\\");
        assert_eq!(kind_of(&got), "malformed_json");
        let got = parse("{\"text\":\"\\u+D80 said\"}");
        assert_eq!(kind_of(&got), "malformed_json");
    }

    fn kind_of(item: &Item) -> &'static str {
        match item {
            Item::Doc(_) => "doc",
            Item::Failed { error, .. } => error.kind,
        }
    }

    #[test]
    fn error_record_of_a_bad_line_carries_the_recovered_id() {
        let got = parse(r#"{"title": "x", "id": "rec-9", "text": "broken"#);
        assert_eq!(got.id(), "rec-9");
        let got = parse(r#"{"meta": {"id": "inner"}, "id": 42, "text": tru}"#);
        assert_eq!(got.id(), "42");
        // An "id" inside a string or nested object is not the record's.
        let got = parse(r#"{"text": "\"id\": \"no\"", "meta": {"id": "inner"}, oops}"#);
        assert_eq!(got.id(), "t.jsonl:3");
    }

    #[test]
    fn number_out_of_range_in_a_non_text_field_is_ignored() {
        let d = doc(r#"{"id":"n","score":1e400,"text":"He said so."}"#);
        assert_eq!(d.id, "n");
        assert!(d.field("score").is_none());
    }

    #[test]
    fn big_integer_id_keeps_its_exact_digits() {
        assert_eq!(
            doc(r#"{"id":18446744073709551617,"text":"He said so."}"#).id,
            "18446744073709551617"
        );
        assert_eq!(doc(r#"{"id":-7,"text":"He said so."}"#).id, "-7");
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_and_warn() {
        let d = doc(r#"{"id":"c","title":"a","url":"u","title":"b","text":"He said so."}"#);
        assert_eq!(
            d.fields,
            [("title".into(), "b".into()), ("url".into(), "u".into())]
        );
        assert!(d.warnings[0].starts_with("duplicate_key: \"title\" (2 times)"));
        let d = doc(r#"{"text":"first","text":"He said so."}"#);
        assert_eq!(d.text, "He said so.");
    }

    #[test]
    fn many_repeated_keys_are_linear_and_listed_briefly() {
        let mut line = String::from("{\"text\":\"He said so.\"");
        for i in 0..20_000 {
            line.push_str(&format!(",\"k{}\":\"v\"", i % 100));
        }
        line.push('}');
        let d = doc(&line);
        assert_eq!(d.fields.len(), 100);
        assert!(d.warnings[0].contains("and 95 more"), "{}", d.warnings[0]);
    }
}
