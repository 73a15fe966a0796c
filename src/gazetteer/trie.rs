//! The built-in lists as a static radix trie compiled by `build/gazetteer.rs` and embedded in
//! the binary: matching needs no start-up (the Aho-Corasick automata it replaces took about
//! 0.1 s to build before the first document), and a walk from a token start is a direct root
//! table look-up, then one byte comparison per edge label.
//!
//! Entries carry `Arc<str>` ids and names for [`Entity`](super::Entity); they are made the
//! first time an entry matches and shared from then on.

use std::sync::{Arc, OnceLock};

use super::segment::{segment_bit, segment_len, MAX_SEGMENT};
use super::Label;

static ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_entries.bin"));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_strings.bin"));
static EDGES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_edges.bin"));
static FIRSTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_firsts.bin"));
static LABELS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_labels.bin"));
static ROOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_root.bin"));
static META: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_meta.bin"));
static PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_pairs.bin"));
static SEGMENTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_segments.bin"));

const LABEL_ORDER: [Label; 11] = [
    Label::PERSON,
    Label::NORP,
    Label::FAC,
    Label::ORG,
    Label::GPE,
    Label::LOC,
    Label::PRODUCT,
    Label::EVENT,
    Label::WORK_OF_ART,
    Label::LAW,
    Label::LANGUAGE,
];

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

#[inline]
fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

/// Whether two equally long short slices are equal, without a library call.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// An entry's id and canonical name, shared by its entities.
type Names = (Arc<str>, Arc<str>);

/// The built-in entries and their trie.
pub struct Builtin {
    /// (id, canonical) of each entry, made on first use.
    arcs: Box<[OnceLock<Names>]>,
}

impl Builtin {
    /// The embedded table (allocates one empty cell per entry).
    pub fn new() -> Builtin {
        Builtin {
            arcs: (0..Builtin::n_entries()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Number of entries.
    pub fn n_entries() -> usize {
        ENTRIES.len() / 16
    }

    /// Number of distinct surface forms.
    pub fn n_names() -> usize {
        u32_at(META, 0) as usize
    }

    /// Bytes of embedded tables.
    pub fn size() -> usize {
        ENTRIES.len()
            + STRINGS.len()
            + EDGES.len()
            + FIRSTS.len()
            + LABELS.len()
            + ROOT.len()
            + SEGMENTS.len()
    }

    /// Whether a built-in name may start at byte `start`: the first segment there
    /// ([`super::segment`]) is one a name has. Exact for "no" (no name starts there), a
    /// few percent of false "yes" (bits shared by two segments).
    #[inline]
    pub fn may_start(&self, text: &str, start: usize) -> bool {
        let Some(rest) = text.get(start..) else {
            return false;
        };
        let n = segment_len(rest, MAX_SEGMENT);
        if n == 0 || n > MAX_SEGMENT {
            return false;
        }
        let bit = segment_bit(&rest.as_bytes()[..n]);
        SEGMENTS[bit / 8] & (1 << (bit % 8)) != 0
    }

    /// The label of entry `i`.
    #[inline]
    pub fn label(&self, i: usize) -> Label {
        LABEL_ORDER
            .get(ENTRIES[i * 16] as usize)
            .copied()
            .unwrap_or(Label::ORG)
    }

    /// Whether entry `i` needs supporting context (`amb`).
    #[inline]
    pub fn ambiguous(&self, i: usize) -> bool {
        ENTRIES[i * 16 + 1] & 2 != 0
    }

    fn string(off: usize, len: usize) -> &'static str {
        std::str::from_utf8(&STRINGS[off..off + len]).unwrap_or("")
    }

    /// The id and canonical name of entry `i`.
    pub fn arcs(&self, i: usize) -> &Names {
        self.arcs[i].get_or_init(|| {
            let r = &ENTRIES[i * 16..i * 16 + 16];
            let id = Builtin::string(u32_at(r, 4) as usize, u16_at(r, 2) as usize);
            let canonical = Builtin::string(u32_at(r, 12) as usize, u16_at(r, 8) as usize);
            (Arc::from(id), Arc::from(canonical))
        })
    }

    /// Whether a name that does not start with a capital may start at byte `start`.
    #[inline]
    pub fn lower_start(&self, text: &str, start: usize) -> bool {
        let b = text.as_bytes();
        let k = (usize::from(b[start]) << 8) | usize::from(b.get(start + 1).copied().unwrap_or(0));
        PAIRS[k / 8] & (1 << (k % 8)) != 0
    }

    /// The longest name starting at byte `start` of `text` and ending where `boundary` says
    /// a word ends: (end, entry). `boundary` must accept only ends of words (positions before
    /// a character that is not a letter, digit or combining mark, or the end of the text):
    /// the walk starts only where [`Builtin::may_start`] says a name may.
    #[inline]
    pub fn longest(
        &self,
        text: &str,
        start: usize,
        boundary: impl Fn(&str, usize) -> bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let first = *bytes.get(start)?;
        if !self.may_start(text, start) {
            return None;
        }
        let mut edge = u32_at(ROOT, first as usize * 4);
        let mut i = start;
        let mut best = None;
        while edge != u32::MAX {
            // One 32-byte record: the edge, the node it leads to, the label's first bytes.
            let Some(r) = EDGES.get(edge as usize * 32..edge as usize * 32 + 32) else {
                break;
            };
            let len = u16_at(r, 0) as usize;
            // Edge labels are short: a byte loop beats a `memcmp` call. The first byte
            // already matched (root table or the edge search).
            let label = if len <= 16 {
                &r[16..16 + len]
            } else {
                let off = u32_at(r, 12) as usize;
                &LABELS[off..off + len]
            };
            if len == 0 || bytes.len() - i < len || !same(&bytes[i + 1..i + len], &label[1..]) {
                break;
            }
            i += len;
            let entry = u32_at(r, 4);
            if entry != u32::MAX && boundary(text, i) {
                best = Some((i, entry as usize));
            }
            let (first_edge, n) = (u32_at(r, 8) as usize, u16_at(r, 2) as usize);
            edge = u32::MAX;
            if let Some(&b) = bytes.get(i) {
                // Edges sorted by first byte; most nodes have a handful, the root's children
                // a few hundred.
                if let Some(firsts) = FIRSTS.get(first_edge..first_edge + n) {
                    if let Ok(j) = firsts.binary_search(&b) {
                        edge = (first_edge + j) as u32;
                    }
                }
            }
        }
        best
    }
}

impl Default for Builtin {
    fn default() -> Self {
        Builtin::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_end(_: &str, _: usize) -> bool {
        true
    }

    #[test]
    fn every_builtin_surface_is_found_with_its_entry() {
        // The run-time parser and the build-time table agree: every surface form of the
        // built-in files leads to an entry with the same label and canonical name.
        let mut lists = super::super::Lists::default();
        lists.load_builtin().expect("lists");
        let b = Builtin::new();
        let mut seen = std::collections::HashSet::new();
        for n in &lists.names {
            if !seen.insert(n.surface.clone()) {
                continue;
            }
            let (end, entry) = b
                .longest(&n.surface, 0, |t, i| i == t.len())
                .unwrap_or_else(|| panic!("{} not found", n.surface));
            assert_eq!(end, n.surface.len());
            let want = &lists.entries[n.entry];
            assert_eq!(b.label(entry), want.label, "{}", n.surface);
            assert_eq!(&*b.arcs(entry).1, &*want.canonical, "{}", n.surface);
            assert_eq!(b.ambiguous(entry), want.ambiguous, "{}", n.surface);
        }
        assert_eq!(seen.len(), Builtin::n_names());
    }

    #[test]
    fn the_segment_filter_never_hides_a_name() {
        // Every built-in surface form, followed by what ends a word in running text, is
        // still found (by itself or by a longer name): the first-segment bit set only rejects
        // starts no name can have.
        let mut lists = super::super::Lists::default();
        lists.load_builtin().expect("lists");
        let b = Builtin::new();
        for n in &lists.names {
            for tail in [" x", "-based", "'s", ".", ")", "\u{2019}s", "\n"] {
                let text = format!("{}{tail}", n.surface);
                let found = b.longest(&text, 0, super::super::word_boundary);
                assert!(
                    found.is_some_and(|(end, _)| end >= n.surface.len()),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn longest_match_and_prefixes() {
        let b = Builtin::new();
        let text = "New York City officials";
        let (end, e) = b.longest(text, 0, any_end).expect("match");
        assert!(end >= "New York".len());
        assert!(b.arcs(e).0.starts_with("geonames:"));
        assert!(b.longest("Qzxv", 0, any_end).is_none());
    }
}
