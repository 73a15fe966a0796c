//! Documents too big to annotate whole: annotated one window at a time, written as one record.
//!
//! A document's annotations cost about a hundred bytes for every line (the boilerplate
//! stage's line table, the blocks, the tokens), so 16 MiB of short lines once took 1.4 GB.
//! A document with more text than [`PipelineBuilder::window_bytes`] (1 MiB by default) is cut
//! by [`cut`] at line breaks (a blank line where there is one) into windows of at most that
//! many bytes and [`WINDOW_LINES`] lines, and each window goes through the stages as
//! [`Pipeline::annotate_window`] says. What the document keeps between windows is small: its
//! blocks packed in a few bytes each ([`PackedBlocks`]) and the record's other lists already
//! serialised, up to [`FRAGMENT_CAP`] bytes; a list that grows past that is made again, window
//! by window, while the record is written. Memory then follows the window, not the document.
//!
//! What a window does not see: each is a page of its own for the boilerplate stage (only the
//! first has a headline, and DOM hints are not read), and names, pronouns and cue-less
//! quotations are linked within a window only. Spans, sentence indices and claim numbers are
//! the whole document's.
//!
//! [`PipelineBuilder::window_bytes`]: crate::pipeline::PipelineBuilder::window_bytes

use std::io::{self, Write};

use crate::boilerplate::{Block, BlockKind, Reason};
use crate::document::Document;
use crate::output::{self, Bases, Conv, DocParts, List};
use crate::pipeline::{Annotations, Pipeline};
use crate::span::Span;

/// The most lines in one window: a page of millions of short lines is read 65,536 at a time.
pub const WINDOW_LINES: usize = 1 << 16;

/// The most bytes of serialised lists a windowed document keeps for its record; a list
/// beyond it is made again while the record is written.
pub const FRAGMENT_CAP: usize = 48 << 20;

/// Cuts `text` into windows of at most `max_bytes` bytes and `max_lines` lines, each ending
/// after a line break: the last blank line in the window's second half if there is one, else
/// its last line break. A line longer than a window ends its window where it ends, if that is
/// within four windows; a longer one is cut after a space, or at a character boundary.
///
/// The windows cover the text, in order, without gaps; each scan is bounded by the window, so
/// the cut is linear in the text.
///
/// ```
/// use claimex::windows::cut;
/// let text = "one\ntwo\n\nthree\nfour\n";
/// let w = cut(text, 12, 100);
/// let parts: Vec<&str> = w.iter().map(|s| s.slice(text)).collect();
/// assert_eq!(parts, ["one\ntwo\n\n", "three\nfour\n"]);
/// assert_eq!(cut(text, 100, 2)[0].slice(text), "one\ntwo\n");
/// ```
pub fn cut(text: &str, max_bytes: usize, max_lines: usize) -> Vec<Span> {
    let b = text.as_bytes();
    let (max_bytes, max_lines) = (max_bytes.max(1), max_lines.max(1));
    let mut out = Vec::new();
    let mut start = 0usize;
    while start < b.len() {
        let end = window_end(text, start, max_bytes, max_lines);
        out.push(Span::new(start, end));
        start = end;
    }
    out
}

/// The end of the window that starts at `start` (see [`cut`]).
fn window_end(text: &str, start: usize, max_bytes: usize, max_lines: usize) -> usize {
    let b = text.as_bytes();
    let limit = start.saturating_add(max_bytes).min(b.len());
    let half = start + (limit - start) / 2;
    let (mut lines, mut last_nl, mut last_blank) = (0usize, None, None);
    for i in memchr::memchr_iter(b'\n', &b[start..limit]).map(|i| start + i) {
        lines += 1;
        if lines >= max_lines {
            return i + 1;
        }
        let blank =
            i > start && (b[i - 1] == b'\n' || b[i - 1] == b'\r' && i >= 2 && b[i - 2] == b'\n');
        if blank && i >= half {
            last_blank = Some(i);
        }
        last_nl = Some(i);
    }
    if limit == b.len() {
        return limit;
    }
    if let Some(i) = last_blank.or(last_nl) {
        return i + 1;
    }
    // One line longer than the window: its end, if it comes soon.
    let far = start
        .saturating_add(max_bytes.saturating_mul(4))
        .min(b.len());
    if let Some(i) = memchr::memchr(b'\n', &b[limit..far]) {
        return limit + i + 1;
    }
    if far == b.len() {
        return far;
    }
    if let Some(i) = memchr::memrchr2(b' ', b'\t', &b[half..limit]) {
        return half + i + 1;
    }
    let mut end = limit;
    while end > start + 1 && !text.is_char_boundary(end) {
        end -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// Blocks packed in a few bytes each: the start as a signed difference from the previous
/// block's, the length, and the kind with its reason, as LEB128 numbers.
///
/// ```
/// use claimex::boilerplate::{Block, BlockKind, Reason};
/// use claimex::span::Span;
/// use claimex::windows::PackedBlocks;
/// let blocks = [
///     Block { span: Span::new(0, 5), kind: BlockKind::Title, reason: None },
///     Block { span: Span::new(6, 10), kind: BlockKind::Boilerplate, reason: Some(Reason::Navigation) },
/// ];
/// let mut p = PackedBlocks::default();
/// p.extend(&blocks);
/// assert_eq!(p.len(), 2);
/// assert_eq!(p.iter().collect::<Vec<_>>(), blocks);
/// ```
#[derive(Clone, Debug, Default)]
pub struct PackedBlocks {
    bytes: Vec<u8>,
    last_start: usize,
    len: usize,
}

const KINDS: [BlockKind; 4] = [
    BlockKind::Title,
    BlockKind::Body,
    BlockKind::Heading,
    BlockKind::Boilerplate,
];

const REASONS: [Reason; 11] = [
    Reason::Caption,
    Reason::Navigation,
    Reason::Widget,
    Reason::Promo,
    Reason::Related,
    Reason::Byline,
    Reason::Credit,
    Reason::Timestamp,
    Reason::Repeated,
    Reason::Fragment,
    Reason::Outside,
];

fn code(b: &Block) -> u64 {
    let kind = KINDS.iter().position(|&k| k == b.kind).unwrap_or(0) as u64;
    let reason = b
        .reason
        .and_then(|r| REASONS.iter().position(|&x| x == r))
        .map_or(0, |i| i as u64 + 1);
    kind * 16 + reason
}

fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(b: &[u8], at: &mut usize) -> u64 {
    let (mut v, mut shift) = (0u64, 0u32);
    while let Some(&byte) = b.get(*at) {
        *at += 1;
        v |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 || shift >= 63 {
            break;
        }
        shift += 7;
    }
    v
}

impl PackedBlocks {
    /// Appends blocks.
    pub fn extend(&mut self, blocks: &[Block]) {
        for b in blocks {
            let delta = b.span.start as i64 - self.last_start as i64;
            push_varint(&mut self.bytes, ((delta << 1) ^ (delta >> 63)) as u64);
            push_varint(&mut self.bytes, b.span.len() as u64);
            push_varint(&mut self.bytes, code(b));
            self.last_start = b.span.start;
            self.len += 1;
        }
    }

    /// How many blocks.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The blocks, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = Block> + '_ {
        let (mut at, mut start) = (0usize, 0i64);
        (0..self.len).map(move |_| {
            let z = read_varint(&self.bytes, &mut at);
            start += ((z >> 1) as i64) ^ -((z & 1) as i64);
            let len = read_varint(&self.bytes, &mut at) as usize;
            let code = read_varint(&self.bytes, &mut at);
            let s = start.max(0) as usize;
            Block {
                span: Span::new(s, s + len),
                kind: KINDS[(code / 16) as usize % KINDS.len()],
                reason: match code % 16 {
                    0 => None,
                    r => REASONS.get(r as usize - 1).copied(),
                },
            }
        })
    }
}

/// What `extract` writes for a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    /// One document record with these parts.
    Document(DocParts),
    /// One line per claim, then (`summary`) the document's summary line.
    Claims {
        /// Whether the summary line follows.
        summary: bool,
    },
}

/// A document annotated window by window, ready to be written.
///
/// ```
/// use claimex::output::DocParts;
/// use claimex::pipeline::Pipeline;
/// use claimex::windows::{Emit, Windowed};
/// let p = Pipeline::builder().builtin_gazetteers(false).window_bytes(40).build().unwrap();
/// let text = "Officials said the road was closed.\n\nThe mayor said it would reopen soon.\n";
/// let doc = claimex::Document::new("d", text);
/// let w = Windowed::prepare(&p, &doc, Emit::Claims { summary: false });
/// assert_eq!(w.windows(), 2);
/// let mut out = Vec::new();
/// w.write(&p, &doc, &mut out).unwrap();
/// let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[1].contains(r#""claim":1"#) && lines[1].contains(r#""sentence":1"#));
/// ```
#[derive(Debug)]
pub struct Windowed {
    emit: Emit,
    windows: Vec<Span>,
    blocks: PackedBlocks,
    /// Serialised items of each list of [`List::ALL`] (document records), or the claim lines
    /// (in the first); `None` for a list that outgrew [`FRAGMENT_CAP`].
    lists: [Option<Vec<u8>>; 4],
    claims: usize,
    no_comment: usize,
    sentences: usize,
}

impl Windowed {
    /// Annotates `doc` window by window and keeps what `emit` writes.
    pub fn prepare(p: &Pipeline, doc: &Document, emit: Emit) -> Windowed {
        let windows = cut(&doc.text, p.window_bytes(), WINDOW_LINES);
        let c = Conv::new(&doc.text);
        let mut w = Windowed {
            emit,
            windows,
            blocks: PackedBlocks::default(),
            lists: Default::default(),
            claims: 0,
            no_comment: 0,
            sentences: 0,
        };
        let wanted = |l: List| match emit {
            Emit::Document(parts) => l.wanted(parts),
            Emit::Claims { .. } => l == List::Sentences,
        };
        for (k, l) in List::ALL.iter().enumerate() {
            if wanted(*l) {
                w.lists[k] = Some(Vec::new());
            }
        }
        for i in 0..w.windows.len() {
            let ann = p.annotate_window(doc, w.windows[i], i == 0);
            let at = Bases {
                claims: w.claims,
                sentences: w.sentences,
            };
            if matches!(emit, Emit::Document(parts) if parts.blocks) {
                w.blocks.extend(&ann.blocks);
            }
            for (k, l) in List::ALL.iter().enumerate() {
                let Some(buf) = w.lists[k].as_mut() else {
                    continue;
                };
                // Writing into memory cannot fail.
                let _ = match emit {
                    Emit::Document(_) => {
                        let mut first = buf.is_empty();
                        output::write_list_items(buf, &c, &ann, *l, at, &mut first)
                    }
                    Emit::Claims { .. } => output::write_claim_records_at(buf, doc, &ann, &c, at),
                };
            }
            w.claims += ann.attribution.claims.len();
            w.no_comment += ann.attribution.no_comment.len();
            w.sentences += ann.sentences.len();
            w.keep_under_cap();
        }
        w
    }

    /// Drops the biggest lists while the kept ones are over [`FRAGMENT_CAP`].
    fn keep_under_cap(&mut self) {
        loop {
            let total: usize = self.lists.iter().flatten().map(Vec::len).sum();
            if total <= FRAGMENT_CAP {
                return;
            }
            let biggest =
                (0..self.lists.len()).max_by_key(|&k| self.lists[k].as_ref().map_or(0, Vec::len));
            match biggest {
                Some(k) => self.lists[k] = None,
                None => return,
            }
        }
    }

    /// How many windows.
    pub fn windows(&self) -> usize {
        self.windows.len()
    }

    /// The document's claims.
    pub fn claims(&self) -> usize {
        self.claims
    }

    /// Writes the record (or the claim lines), annotating the windows again for a list that
    /// was not kept. `p` and `doc` must be the ones it was prepared with.
    pub fn write<W: Write>(&self, p: &Pipeline, doc: &Document, out: &mut W) -> io::Result<()> {
        let c = Conv::new(&doc.text);
        match self.emit {
            Emit::Document(parts) => {
                output::write_record_head(out, doc)?;
                if parts.blocks {
                    output::write_key(out, "blocks")?;
                    out.write_all(b"[")?;
                    let mut first = true;
                    for b in self.blocks.iter() {
                        output::write_block_item(out, &c, &b, &mut first)?;
                    }
                    out.write_all(b"]")?;
                }
                for (k, l) in List::ALL.iter().enumerate() {
                    if !l.wanted(parts) {
                        continue;
                    }
                    output::write_key(out, l.key())?;
                    out.write_all(b"[")?;
                    match &self.lists[k] {
                        Some(items) => out.write_all(items)?,
                        None => {
                            let mut first = true;
                            self.again(p, doc, |ann, at| {
                                output::write_list_items(&mut *out, &c, ann, *l, at, &mut first)
                            })?;
                        }
                    }
                    out.write_all(b"]")?;
                }
                out.write_all(b"}\n")
            }
            Emit::Claims { summary } => {
                match &self.lists[0] {
                    Some(lines) => out.write_all(lines)?,
                    None => self.again(p, doc, |ann, at| {
                        output::write_claim_records_at(&mut *out, doc, ann, &c, at)
                    })?,
                }
                if summary {
                    output::write_summary_counts(
                        out,
                        &doc.id,
                        self.claims,
                        self.no_comment,
                        self.sentences,
                    )?;
                }
                Ok(())
            }
        }
    }

    /// Annotates the windows again, in order, and hands each to `f` with its bases.
    fn again(
        &self,
        p: &Pipeline,
        doc: &Document,
        mut f: impl FnMut(&Annotations, Bases) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut at = Bases::default();
        for (i, win) in self.windows.iter().enumerate() {
            let ann = p.annotate_window(doc, *win, i == 0);
            f(&ann, at)?;
            at.claims += ann.attribution.claims.len();
            at.sentences += ann.sentences.len();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
