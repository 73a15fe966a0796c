//! `claimex review`: one self-contained HTML page to read claimex output as a fact-checker
//! would — each article with its sources, cues and contents highlighted, the claims beside
//! it with filters and search, and a "who said what" index across the dump.
//!
//! The page makes no network request: its style and script are inline, allowed by a
//! Content-Security-Policy that lists their SHA-256 hashes and forbids everything else
//! (`default-src 'none'`). The documents are JSON in `<script type="application/json">`
//! elements (one per document, parsed only when shown, so a dump of 20,000 documents
//! opens quickly), escaped so that no input can end the element; the script builds the
//! page with `textContent` and `createElement` only, never parsing input as markup.
//!
//! The page's assets are `page.html`, `page.css` and `page.js` beside this file.

pub mod data;
pub mod reader;
pub mod records;
pub mod source;

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::commands::with_output;
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;

use data::{doc_json, escape_json_for_html, IndexBuilder};
use source::{for_each_doc, Counts, SourceOptions};

const PAGE_HTML: &str = include_str!("page.html");
const PAGE_CSS: &str = include_str!("page.css");
const PAGE_JS: &str = include_str!("page.js");

/// Options of `claimex review`.
#[derive(Clone, Debug, Default)]
pub struct ReviewOptions {
    /// Where the documents come from.
    pub source: SourceOptions,
    /// The page to write (`None` = stdout).
    pub output: Option<PathBuf>,
}

/// The Content-Security-Policy of the page: nothing may be loaded; the one inline style
/// sheet and the one inline script are allowed by their hashes.
///
/// ```
/// let csp = claimex::review::content_security_policy();
/// assert!(csp.starts_with("default-src 'none'; script-src 'sha256-"));
/// ```
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_source(PAGE_JS),
        sha256_source(PAGE_CSS)
    )
}

/// `sha256-<base64>` of `text`, as CSP hash sources are written.
fn sha256_source(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Writes the review page for the documents of `opts.source` (claimex records, or with a
/// `pipeline`, raw inputs annotated on the way). Documents stream through: the page is
/// written as they are read, and only the index (no texts) is held until the end.
pub fn review(opts: &ReviewOptions, pipeline: Option<&Pipeline>) -> Result<Counts> {
    let (head, tail) = PAGE_HTML
        .split_once("@DATA@")
        .ok_or_else(|| Error::Output(std::io::Error::other("page.html lacks @DATA@")))?;
    let head = head
        .replace("@CSP@", &content_security_policy())
        .replace("@CSS@", PAGE_CSS);
    with_output(opts.output.as_deref(), |out| {
        let io = |r: std::io::Result<()>| r.map_err(Error::Output);
        io(out.write_all(head.as_bytes()))?;
        let mut index = IndexBuilder::default();
        let mut n = 0usize;
        let counts = for_each_doc(&opts.source, pipeline, |d| {
            let json = serde_json::to_vec(&doc_json(&d))
                .map_err(|e| Error::Output(std::io::Error::other(e)))?;
            let json = escape_json_for_html(&json);
            io(writeln!(
                out,
                "<script type=\"application/json\" id=\"d{n}\">{json}</script>"
            ))?;
            index.add(&d);
            n += 1;
            Ok(())
        })?;
        let idx = serde_json::to_vec(&index.finish())
            .map_err(|e| Error::Output(std::io::Error::other(e)))?;
        let idx = escape_json_for_html(&idx);
        io(write!(
            out,
            "<script type=\"application/json\" id=\"claimex-index\">{idx}</script>\n<script>{PAGE_JS}</script>\n{tail}"
        ))?;
        io(out.flush())?;
        Ok(counts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // echo -n abc | openssl dgst -sha256 -binary | base64
        assert_eq!(
            sha256_source("abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn assets_have_no_markup_from_data_and_no_remote_urls() {
        assert!(!PAGE_JS.contains("innerHTML") && !PAGE_JS.contains("outerHTML"));
        assert!(!PAGE_JS.contains("insertAdjacentHTML") && !PAGE_JS.contains("document.write"));
        assert!(!PAGE_JS.contains("eval(") && !PAGE_JS.contains("new Function"));
        assert!(!PAGE_JS.contains("</script") && !PAGE_CSS.contains("</style"));
        for asset in [PAGE_HTML, PAGE_CSS, PAGE_JS] {
            assert!(!asset.contains("url("), "no CSS url() loads");
            assert!(!asset.contains("@import"));
        }
        assert_eq!(PAGE_HTML.matches("@DATA@").count(), 1);
    }
}
