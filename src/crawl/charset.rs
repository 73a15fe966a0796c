//! The character encoding of a page: a byte-order mark, the HTTP `Content-Type` charset, a
//! `<meta charset>` (or `http-equiv` content type) in the first 4 KiB, else UTF-8 when the
//! bytes are valid UTF-8, else windows-1252 (what browsers fall back to for Western pages).
//!
//! ```
//! use claimex::crawl::charset::decode;
//! let (text, enc, bad) = decode(b"<meta charset=iso-8859-1><p>caf\xe9", None);
//! assert_eq!((text.ends_with("café"), enc, bad), (true, "windows-1252", false));
//! let (text, enc, _) = decode("<p>café".as_bytes(), Some("utf-8"));
//! assert_eq!((text.as_ref(), enc), ("<p>café", "UTF-8"));
//! ```

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN: usize = 4096;

/// Decodes a page; returns the text, the encoding's name, and whether bytes were replaced.
pub fn decode<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
) -> (Cow<'a, str>, &'static str, bool) {
    let enc = sniff(bytes, http_charset);
    let (text, used, had_errors) = enc.decode(bytes);
    (text, used.name(), had_errors)
}

/// The encoding to decode `bytes` with.
pub fn sniff(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        return enc;
    }
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard's rule).
        return if enc == UTF_16LE || enc == UTF_16BE {
            UTF_8
        } else {
            enc
        };
    }
    // Valid UTF-8 is almost never an accident; a page cut inside a character still counts.
    match std::str::from_utf8(bytes) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

/// The charset a `<meta>` tag in `head` declares: `<meta charset=X>` or
/// `<meta http-equiv=content-type content="text/html; charset=X">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let mut rest = &tag[j + 7..];
            while let [b' ' | b'\t' | b'\n' | b'\r' | b'=' | b'"' | b'\'', tail @ ..] = rest {
                rest = tail;
            }
            let n = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
                .unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..n]) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

/// The `charset` parameter of a `Content-Type` header value.
///
/// ```
/// use claimex::crawl::charset::content_type_charset;
/// assert_eq!(content_type_charset("text/html; Charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
/// assert_eq!(content_type_charset("text/html"), None);
/// ```
pub fn content_type_charset(value: &str) -> Option<&str> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_evidence() {
        // BOM beats the header, the header beats the meta tag.
        let page = b"\xEF\xBB\xBF<meta charset=windows-1251>x";
        assert_eq!(sniff(page, Some("iso-8859-2")), UTF_8);
        assert_eq!(
            sniff(b"<meta charset=windows-1251>", Some("iso-8859-2")).name(),
            "ISO-8859-2"
        );
        let equiv = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1251'>";
        assert_eq!(sniff(equiv, None).name(), "windows-1251");
        assert_eq!(sniff(b"<meta charset=\"utf-16\">", None), UTF_8);
        assert_eq!(sniff(b"plain \xff bytes", None), WINDOWS_1252);
        assert_eq!(sniff(b"<meta charset=nonsense>ok", None), UTF_8);
        assert_eq!(sniff(b"<meta charset=", None), UTF_8);
    }

    #[test]
    fn cyrillic_page_is_decoded() {
        let (text, enc, bad) = decode(b"<meta charset=windows-1251>\xcf\xf0\xe8", None);
        assert_eq!(
            (text.ends_with("При"), enc, bad),
            (true, "windows-1251", false)
        );
    }
}
