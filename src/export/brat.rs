//! brat standoff: a folder with, per document, `NNNNN-<id>.txt` (the text) and `.ann` (its
//! annotations), plus `annotation.conf`, `visual.conf` and `ids.tsv` (file → document id).
//!
//! * `T` lines: `Source`, `Cue`, `Content` text-bound annotations. brat counts offsets in
//!   characters of the `.txt` as its Python server reads it (code points; universal newlines,
//!   so `\r\n` and `\r` are written as `\n`), and rejects spans that cross a line break:
//!   such spans, and discontinuous contents, become brat's `start end;start end` fragments.
//! * `R` lines: `Says Arg1:<source> Arg2:<content>`, `Cue_of Arg1:<cue> Arg2:<content>`.
//! * `A` lines: `Source_type` of a source, `Kind` (direct/indirect/mixed) of a content;
//!   `#` notes give the resolved speaker when it differs from the source text.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::review::records::{CharMap, CharSpan, DocRecord};
use crate::review::source::for_each_doc;

use super::{line_pieces, text_of, ExportOptions, ExportSummary, OffsetUnit, Offsets};

const SOURCE_TYPES: &[&str] = &["person", "anonymous", "organization", "document", "unknown"];
const KINDS: &[&str] = &["direct", "indirect", "mixed"];

/// The text as brat reads it (`\r\n`, `\r` → `\n`) and, when that changed it, the new
/// character offset of every old character boundary.
fn brat_text(text: &str) -> (String, Option<Vec<usize>>) {
    if !text.contains('\r') {
        return (text.to_string(), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        map.push(n);
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
                map.push(n);
            }
            out.push('\n');
        } else {
            out.push(c);
        }
        n += 1;
    }
    map.push(n);
    (out, Some(map))
}

/// Annotation value tokens: no spaces or tabs.
fn token(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// One line of free text (notes, span texts): no tabs or line breaks.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || super::is_line_break(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The `.txt` and `.ann` of one document, and the attribute values it used.
///
/// ```
/// use claimex::export::{brat::document, OffsetUnit};
/// use claimex::review::records::DocRecord;
/// let v = serde_json::json!({"id": "a", "claims": [{"kind": "indirect", "pattern": "said_that",
///     "source": {"start": 0, "end": 3, "text": "Ann", "type": "person", "head": {"start": 0, "end": 3, "text": "Ann"}},
///     "cue": {"start": 4, "end": 8, "text": "said"}, "content": {"start": 9, "end": 16, "text": "no\r\nway"}}]});
/// let mut d = DocRecord::from_value(&v, "x");
/// d.text = Some("Ann said no\r\nway".into());
/// let (txt, ann, _) = document(&d, "Ann said no\r\nway", OffsetUnit::Chars);
/// assert_eq!(txt, "Ann said no\nway");
/// assert!(ann.contains("T3\tContent 9 11;12 15\tno way\n"));
/// assert!(ann.contains("R1\tSays Arg1:T1 Arg2:T3\n"));
/// assert!(ann.contains("R2\tCue_of Arg1:T2 Arg2:T3\n"));
/// ```
pub fn document(
    d: &DocRecord,
    text: &str,
    unit: OffsetUnit,
) -> (String, String, Vec<(String, String)>) {
    let (txt, remap) = brat_text(text);
    let at = |c: usize| remap.as_ref().and_then(|m| m.get(c).copied()).unwrap_or(c);
    let map = CharMap::new(&txt);
    let units = Offsets::new(&txt, unit);
    let texts = d.texts();
    let mut ann = String::new();
    let mut tids: HashMap<(&'static str, Vec<CharSpan>), usize> = HashMap::new();
    let mut attrs = Vec::new();
    let (mut r, mut a, mut note) = (0, 0, 0);
    let mut t_of =
        |label: &'static str, spans: &[CharSpan], ann: &mut String| -> Option<(usize, bool)> {
            let pieces: Vec<CharSpan> = spans
                .iter()
                .map(|s| CharSpan {
                    start: at(s.start),
                    end: at(s.end),
                })
                .flat_map(|s| line_pieces(&txt, &map, s))
                .collect();
            if pieces.is_empty() {
                return None;
            }
            let next = tids.len() + 1;
            if let Some(&t) = tids.get(&(label, pieces.clone())) {
                return Some((t, false));
            }
            tids.insert((label, pieces.clone()), next);
            let offs: Vec<String> = pieces
                .iter()
                .map(|p| {
                    let (s, e) = units.span(*p);
                    format!("{s} {e}")
                })
                .collect();
            let words: Vec<&str> = pieces.iter().filter_map(|p| map.slice(&txt, *p)).collect();
            let _ = writeln!(
                ann,
                "T{next}\t{label} {}\t{}",
                offs.join(";"),
                one_line(&words.join(" "))
            );
            Some((next, true))
        };
    for c in &d.claims {
        // A claim whose text names no source (hearsay) is its content and cue alone.
        let src = match &c.source {
            Some(s) => match t_of("Source", &[s.span], &mut ann) {
                Some(x) => Some((s, x)),
                None => continue,
            },
            None => None,
        };
        let cue = c.cue.and_then(|s| t_of("Cue", &[s], &mut ann)).map(|x| x.0);
        let Some((cnt, new_cnt)) = t_of("Content", &c.content_pieces(), &mut ann) else {
            continue;
        };
        if let Some((_, (src, _))) = src {
            r += 1;
            let _ = writeln!(ann, "R{r}\tSays Arg1:T{src} Arg2:T{cnt}");
        }
        if let Some(cue) = cue {
            r += 1;
            let _ = writeln!(ann, "R{r}\tCue_of Arg1:T{cue} Arg2:T{cnt}");
        }
        if let Some((source, (src, true))) = src {
            a += 1;
            let v = token(&source.kind);
            let _ = writeln!(ann, "A{a}\tSource_type T{src} {v}");
            attrs.push(("Source_type".to_string(), v));
            let who = d.speaker(c, &texts);
            if Some(who.name.as_str()) != texts.get(source.span) && !who.name.is_empty() {
                note += 1;
                let id = who.id.map(|i| format!(" ({i})")).unwrap_or_default();
                let _ = writeln!(
                    ann,
                    "#{note}\tAnnotatorNotes T{src}\t{}",
                    one_line(&format!("{}{id}", who.name))
                );
            }
        }
        if new_cnt && !c.kind.is_empty() {
            a += 1;
            let v = token(&c.kind);
            let _ = writeln!(ann, "A{a}\tKind T{cnt} {v}");
            attrs.push(("Kind".to_string(), v));
        }
    }
    (txt, ann, attrs)
}

/// A file name for document `n` with id `id`: the number keeps names unique and in input
/// order, the id (made safe, shortened) keeps them readable.
fn file_stem(n: u64, id: &str) -> String {
    let id = id.strip_suffix(".txt").unwrap_or(id);
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("{n:05}-{safe}")
}

fn annotation_conf(attrs: &BTreeSet<(String, String)>) -> String {
    let values = |name: &str, known: &[&str]| {
        let mut v: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        for (a, x) in attrs {
            if a == name && !v.contains(x) {
                v.push(x.clone());
            }
        }
        v.join("|")
    };
    format!(
        "# claimex export --to brat\n[entities]\nSource\nCue\nContent\n\n[relations]\nSays\tArg1:Source, Arg2:Content\nCue_of\tArg1:Cue, Arg2:Content\n\n[events]\n\n[attributes]\nSource_type\tArg:Source, Value:{}\nKind\tArg:Content, Value:{}\n",
        values("Source_type", SOURCE_TYPES),
        values("Kind", KINDS)
    )
}

const VISUAL_CONF: &str = "[labels]\nSource | Source | Src\nCue | Cue\nContent | Content | Cnt\nSays | Says\nCue_of | Cue of\n\n[drawing]\nSource\tbgColor:#c9defc\nCue\tbgColor:#fff08a\nContent\tbgColor:#e8f6eb\nSays\tcolor:#1f5fbf\nCue_of\tcolor:#8a7a00\n";

fn write_file(path: PathBuf, data: &str) -> Result<()> {
    std::fs::write(&path, data).map_err(|e| Error::Io { path, source: e })
}

/// Writes the brat folder `opts.output` (created; it must be empty if it exists).
pub fn write(
    opts: &ExportOptions,
    pipeline: Option<&Pipeline>,
    unit: OffsetUnit,
) -> Result<ExportSummary> {
    let dir: &Path = opts.output.as_deref().ok_or_else(|| Error::Io {
        path: PathBuf::from("-"),
        source: std::io::Error::other("brat export writes a folder: give -o FOLDER"),
    })?;
    let io_err = |e: std::io::Error| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    if dir.exists() && std::fs::read_dir(dir).map_err(io_err)?.next().is_some() {
        return Err(io_err(std::io::Error::other(
            "the folder is not empty; brat export writes into an empty or new folder",
        )));
    }
    std::fs::create_dir_all(dir).map_err(io_err)?;
    let mut sum = ExportSummary::default();
    let mut attrs = BTreeSet::new();
    let mut ids = String::from("file\tid\n");
    sum.counts = for_each_doc(&opts.source, pipeline, |d| {
        let Some(text) = text_of(&d) else {
            sum.skipped += 1;
            return Ok(());
        };
        sum.written += 1;
        let stem = file_stem(sum.written, &d.id);
        let (txt, ann, used) = document(&d, text, unit);
        attrs.extend(used);
        write_file(dir.join(format!("{stem}.txt")), &txt)?;
        write_file(dir.join(format!("{stem}.ann")), &ann)?;
        let _ = writeln!(ids, "{stem}\t{}", one_line(&d.id));
        Ok(())
    })?;
    write_file(dir.join("annotation.conf"), &annotation_conf(&attrs))?;
    write_file(dir.join("visual.conf"), VISUAL_CONF)?;
    write_file(dir.join("ids.tsv"), &ids)?;
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_map_to_brat_offsets() {
        let (t, m) = brat_text("a\r\nb\rc");
        assert_eq!(t, "a\nb\nc");
        let m = m.unwrap();
        assert_eq!(m, vec![0, 1, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn file_stems_are_safe_and_unique() {
        assert_eq!(file_stem(3, "a/b c.txt"), "00003-a_b_c");
        assert_eq!(file_stem(4, "<script>"), "00004-_script_");
    }
}
