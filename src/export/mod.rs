//! `claimex export`: claims in the formats of the annotation tools fact-checkers correct
//! them in — Label Studio tasks with predictions, doccano JSONL, brat standoff, and a flat
//! CSV of claims. Each format counts offsets its own way ([`OffsetUnit`]); every exporter
//! converts from claimex's character offsets through [`Offsets`].
//!
//! The formats, their offsets and how to import them: `docs/export.md`.

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod label_studio;

use std::path::PathBuf;

use unicode_segmentation::UnicodeSegmentation;

use crate::error::Result;
use crate::pipeline::Pipeline;
use crate::review::records::{CharSpan, DocRecord};
use crate::review::source::{Counts, SourceOptions};

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Label Studio tasks (a JSON array) with `predictions`.
    LabelStudio,
    /// doccano JSONL with `entities` and `relations`.
    Doccano,
    /// A folder of brat `.txt` + `.ann` files with `annotation.conf`.
    Brat,
    /// One CSV row per claim.
    Csv,
}

/// How a format counts offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode scalar values (code points), as Python's `str` and claimex count.
    Chars,
    /// UTF-16 code units, as JavaScript strings count.
    Utf16,
    /// Extended grapheme clusters (doccano's "count grapheme clusters as one character").
    Graphemes,
}

impl ExportFormat {
    /// The unit the tool expects by default: code points for Label Studio (since its 1.6
    /// frontend), brat (Python) and the CSV; UTF-16 units for doccano, whose editor counts
    /// JavaScript string positions unless the project counts grapheme clusters.
    pub fn default_unit(self) -> OffsetUnit {
        match self {
            ExportFormat::Doccano => OffsetUnit::Utf16,
            _ => OffsetUnit::Chars,
        }
    }
}

/// Options of `claimex export`.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Where the documents come from.
    pub source: SourceOptions,
    /// The format.
    pub format: ExportFormat,
    /// The file (a folder for brat) to write; `None` = stdout (not for brat).
    pub output: Option<PathBuf>,
    /// Offsets unit, when not the format's default.
    pub unit: Option<OffsetUnit>,
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Documents read.
    pub counts: Counts,
    /// Documents written.
    pub written: u64,
    /// Documents left out because their text was not available (records without text and
    /// no `--text`), or that were error records.
    pub skipped: u64,
}

/// Runs an export.
pub fn export(opts: &ExportOptions, pipeline: Option<&Pipeline>) -> Result<ExportSummary> {
    let unit = opts.unit.unwrap_or(opts.format.default_unit());
    match opts.format {
        ExportFormat::LabelStudio => label_studio::write(opts, pipeline, unit),
        ExportFormat::Doccano => doccano::write(opts, pipeline, unit),
        ExportFormat::Brat => brat::write(opts, pipeline, unit),
        ExportFormat::Csv => csv::write(opts, pipeline, unit),
    }
}

/// Character offsets → the offsets of one unit, for one text.
///
/// ```
/// use claimex::export::{OffsetUnit, Offsets};
/// use claimex::review::records::CharSpan;
/// let o = Offsets::new("😀 ok", OffsetUnit::Utf16);
/// assert_eq!(o.span(CharSpan { start: 2, end: 4 }), (3, 5));
/// ```
pub struct Offsets {
    unit: OffsetUnit,
    /// Unit offset of each character boundary (empty for `Chars`).
    at: Vec<u32>,
    /// For graphemes: is each character boundary a cluster boundary?
    boundary: Vec<bool>,
}

impl Offsets {
    /// The conversion for `text`.
    pub fn new(text: &str, unit: OffsetUnit) -> Offsets {
        let mut at = Vec::new();
        let mut boundary = Vec::new();
        match unit {
            OffsetUnit::Chars => {}
            OffsetUnit::Utf16 => {
                let mut u = 0u32;
                for c in text.chars() {
                    at.push(u);
                    u += c.len_utf16() as u32;
                }
                at.push(u);
            }
            OffsetUnit::Graphemes => {
                let mut g = 0u32;
                for cluster in text.graphemes(true) {
                    for (k, _) in cluster.chars().enumerate() {
                        at.push(g);
                        boundary.push(k == 0);
                    }
                    g += 1;
                }
                at.push(g);
                boundary.push(true);
            }
        }
        Offsets { unit, at, boundary }
    }

    /// The offset of character boundary `c` (a start: rounded down to its cluster).
    pub fn start(&self, c: usize) -> usize {
        match self.unit {
            OffsetUnit::Chars => c,
            _ => self.at.get(c).or(self.at.last()).map_or(c, |&u| u as usize),
        }
    }

    /// The offset of character boundary `c` as an end (rounded up to its cluster's end).
    pub fn end(&self, c: usize) -> usize {
        let s = self.start(c);
        match self.unit {
            OffsetUnit::Graphemes if !self.boundary.get(c).copied().unwrap_or(true) => s + 1,
            _ => s,
        }
    }

    /// A character span in this unit.
    pub fn span(&self, s: CharSpan) -> (usize, usize) {
        (self.start(s.start), self.end(s.end))
    }
}

/// The document text for a tool, or why there is none.
pub(crate) fn text_of(d: &DocRecord) -> Option<&str> {
    if d.error.is_some() {
        return None;
    }
    d.text.as_deref()
}

/// Spans as the annotation tools want them: cut at line breaks (brat rejects spans that
/// cross one; a line break is never part of what someone said), and trimmed of whitespace.
pub(crate) fn line_pieces(
    text: &str,
    map: &crate::review::records::CharMap,
    s: CharSpan,
) -> Vec<CharSpan> {
    let Some(slice) = map.slice(text, s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = s.start;
    let mut pos = s.start;
    let push = |a: usize, b: usize, out: &mut Vec<CharSpan>| {
        if let Some(t) = map.slice(text, CharSpan { start: a, end: b }) {
            let lead = t.chars().take_while(|c| c.is_whitespace()).count();
            let n = t.chars().count();
            if lead < n {
                let trail = t.chars().rev().take_while(|c| c.is_whitespace()).count();
                out.push(CharSpan {
                    start: a + lead,
                    end: b - trail,
                });
            }
        }
    };
    for c in slice.chars() {
        if is_line_break(c) {
            push(start, pos, &mut out);
            start = pos + 1;
        }
        pos += 1;
    }
    push(start, pos, &mut out);
    out
}

/// Characters Python's `str.splitlines` breaks at (brat's Python reads `.ann` files by
/// lines; a span text holding one would break its line).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::records::CharMap;

    #[test]
    fn utf16_offsets_count_astral_characters_twice() {
        let t = "a😀b中c";
        let o = Offsets::new(t, OffsetUnit::Utf16);
        assert_eq!(o.span(CharSpan { start: 2, end: 5 }), (3, 6));
        let js: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[3..6]).unwrap(), "b中c");
    }

    #[test]
    fn grapheme_offsets_round_outward() {
        // "e" + combining acute is one cluster of two characters.
        let t = "xe\u{301}y";
        let o = Offsets::new(t, OffsetUnit::Graphemes);
        assert_eq!(o.span(CharSpan { start: 1, end: 3 }), (1, 2));
        assert_eq!(o.span(CharSpan { start: 1, end: 2 }), (1, 2));
        assert_eq!(o.span(CharSpan { start: 3, end: 4 }), (2, 3));
    }

    #[test]
    fn pieces_split_at_line_breaks_and_trim() {
        let t = "ab \ncd\u{2028} ef";
        let m = CharMap::new(t);
        let p = line_pieces(t, &m, CharSpan { start: 0, end: 10 });
        let texts: Vec<&str> = p.iter().map(|s| m.slice(t, *s).unwrap()).collect();
        assert_eq!(texts, vec!["ab", "cd", "ef"]);
    }
}
