//! Ids of JSONL records that have none: derived from the record's content, so that two
//! processes fed different parts of one dump (Spark partitions, shards) never hand out the
//! same id, and the same record gets the same id in every run.
//!
//! The id is `sha256:` and the first 20 hex digits (80 bits) of the SHA-256 of the record's
//! `url` as a length-prefixed string (`<byte length>:<url>`, `0:` when there is no url)
//! followed by the text, both UTF-8 as claimex read them. The prefix keeps the two apart: no
//! url and text `1:ab` is not url `a` and text `b`. In Python:
//!
//! ```python
//! u, t = rec.get("url", "").encode(), rec["text"].encode()
//! "sha256:" + hashlib.sha256(b"%d:%s" % (len(u), u) + t).hexdigest()[:20]
//! ```
//!
//! Two records get the same id only when they have the same text and url, i.e. when they are
//! the same page twice; the run reports that on stderr (see [`crate::run::Summary::notes`]).
//! 80 bits make an accidental collision negligible (about 4·10⁻⁷ among a billion distinct documents).

use sha2::{Digest, Sha256};

/// Hex digits of the digest kept in the id.
const DIGITS: usize = 20;

/// The content-derived id of a record with `text` and, when it has one, `url`.
///
/// ```
/// use claimex::input::derived_id;
/// assert_eq!(derived_id("He said so.", None), derived_id("He said so.", Some("")));
/// assert_ne!(derived_id("He said so.", None), derived_id("He said so.", Some("https://a.example/1")));
/// assert!(derived_id("He said so.", None).starts_with("sha256:"));
/// ```
pub fn derived_id(text: &str, url: Option<&str>) -> String {
    let url = url.unwrap_or("");
    let mut h = Sha256::new();
    h.update(format!("{}:", url.len()).as_bytes());
    h.update(url.as_bytes());
    h.update(text.as_bytes());
    let digest = h.finalize();
    let mut id = String::with_capacity(7 + DIGITS);
    id.push_str("sha256:");
    for b in digest.iter().take(DIGITS / 2) {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_python_recipe() {
        // hashlib.sha256(b"0:He said so.").hexdigest()[:20] and, with the url,
        // hashlib.sha256(b"19:https://a.example/1He said so.").hexdigest()[:20]
        assert_eq!(
            derived_id("He said so.", None),
            "sha256:091ed10fa4a133743a38"
        );
        assert_eq!(
            derived_id("He said so.", Some("https://a.example/1")),
            "sha256:7bd5465ab97e28615ec0"
        );
    }

    #[test]
    fn the_url_prefix_is_unambiguous() {
        // Without the length, url "a" + text "bc" and url "ab" + text "c" would hash alike.
        assert_ne!(derived_id("bc", Some("a")), derived_id("c", Some("ab")));
        assert_ne!(derived_id("1:ab", None), derived_id("b", Some("a")));
    }
}
