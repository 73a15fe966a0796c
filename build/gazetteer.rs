//! Compiles the built-in gazetteers (`gazetteers/*.tsv`) into a static radix trie and an entry
//! table that the library embeds with `include_bytes!` (`src/gazetteer/trie.rs`), so a run
//! starts matching names without building anything.
//!
//! Blobs (little endian):
//! * `gaz_entries.bin`: 16 bytes per entry: label (u8), flags (u8: 1 case-insensitive,
//!   2 ambiguous), id length (u16), id offset (u32), canonical length (u16), 2 spare, canonical
//!   offset (u32), into `gaz_strings.bin`. An entry without an id gets `local:<canonical>`.
//! * `gaz_edges.bin`: 32 bytes per trie edge, with the node it leads to: label length (u16),
//!   the child node's edge count (u16), the child node's entry (u32, `u32::MAX` = none), its
//!   first edge (u32), the label's offset into `gaz_labels.bin` (u32), then the label's first
//!   16 bytes inline (zero-padded). A step of the walk reads one record and, for a longer
//!   label, the label blob. A node's edges are contiguous and sorted by first byte; nodes are
//!   laid out depth first, so a name's path stays in nearby records.
//! * `gaz_firsts.bin`: the first byte of each edge, one byte per edge: a node's edges are
//!   searched there, in a cache line or two, and only the matching record is read.
//! * `gaz_root.bin`: 256 u32: the root's edge for each first byte (`u32::MAX` = none).
//! * `gaz_pairs.bin`: 64 Ki bits: the first two bytes of every name that does not start with
//!   an upper-case letter.
//! * `gaz_segments.bin`: [`SEGMENT_BITS`] bits: the first segment of every surface form
//!   (`src/gazetteer/segment.rs`); a token start whose segment's bit is clear starts no name.
//! * `gaz_meta.bin`: number of distinct surface forms (u32).
//!
//! The parse mirrors `src/gazetteer/lists.rs` (which validates user files at run time and is
//! tested to agree with this table); a malformed built-in row fails the build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::segment::{segment_bit, segment_len, MAX_SEGMENT, SEGMENT_BITS};

const LABELS: [&str; 11] = [
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
];

struct Strings {
    blob: Vec<u8>,
    seen: BTreeMap<String, u32>,
}

impl Strings {
    fn add(&mut self, s: &str) -> (u32, u16) {
        let len = u16::try_from(s.len()).expect("gazetteer string under 64 KiB");
        if let Some(&o) = self.seen.get(s) {
            return (o, len);
        }
        let o = self.blob.len() as u32;
        self.blob.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_string(), o);
        (o, len)
    }
}

#[derive(Default)]
struct Node {
    entry: u32,
    children: BTreeMap<u8, usize>,
}

/// Compiles `files` (sorted) into the blobs under `out`.
pub fn compile(files: &[PathBuf], out: &Path) {
    let mut strings = Strings {
        blob: Vec::new(),
        seen: BTreeMap::new(),
    };
    let mut entries: Vec<u8> = Vec::new();
    let mut surfaces: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
    let mut n_entries: u32 = 0;
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                assert_eq!(
                    line,
                    "name\tlabel\tid\tcanonical\taliases\tflags",
                    "{}: header",
                    f.display()
                );
                header = true;
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let at = || format!("{}:{}", f.display(), i + 1);
            assert!((2..=6).contains(&fields.len()), "{}: fields", at());
            let field = |k: usize| fields.get(k).copied().unwrap_or("");
            let name = field(0);
            assert!(!name.is_empty(), "{}: empty name", at());
            let label = LABELS
                .iter()
                .position(|l| *l == field(1))
                .unwrap_or_else(|| panic!("{}: label {}", at(), field(1)));
            let mut flags = 0u8;
            for fl in field(5).split(',').map(str::trim).filter(|s| !s.is_empty()) {
                flags |= match fl {
                    "ci" => 1,
                    "amb" => 2,
                    other => panic!("{}: flag {other}", at()),
                };
            }
            let canonical = if field(3).is_empty() { name } else { field(3) };
            let id = if field(2).is_empty() {
                format!("local:{canonical}")
            } else {
                field(2).to_string()
            };
            let (id_off, id_len) = strings.add(&id);
            let (c_off, c_len) = strings.add(canonical);
            entries.push(label as u8);
            entries.push(flags);
            entries.extend_from_slice(&id_len.to_le_bytes());
            entries.extend_from_slice(&id_off.to_le_bytes());
            entries.extend_from_slice(&c_len.to_le_bytes());
            entries.extend_from_slice(&[0, 0]);
            entries.extend_from_slice(&c_off.to_le_bytes());
            let entry = n_entries;
            n_entries += 1;
            assert!(
                flags & 1 == 0,
                "{}: built-in lists are case-sensitive",
                at()
            );
            for s in std::iter::once(name).chain(field(4).split('|').map(str::trim)) {
                if !s.is_empty() {
                    // Among built-in lists the first row wins (files in sorted order).
                    surfaces.entry(s.as_bytes().to_vec()).or_insert(entry);
                }
            }
        }
    }
    // A byte trie, then compressed: chains of single-child nodes without an entry become one
    // edge with a multi-byte label.
    let mut nodes = vec![Node {
        entry: u32::MAX,
        ..Node::default()
    }];
    for (s, &e) in &surfaces {
        let mut n = 0;
        for &b in s {
            n = match nodes[n].children.get(&b) {
                Some(&c) => c,
                None => {
                    nodes.push(Node {
                        entry: u32::MAX,
                        ..Node::default()
                    });
                    let c = nodes.len() - 1;
                    nodes[n].children.insert(b, c);
                    c
                }
            };
        }
        nodes[n].entry = e;
    }
    // Edges as (first byte, label offset, label length, child entry, child first edge,
    // child edge count), each node's edges contiguous; laid out depth first (a stack of
    // (trie node, index of the edge that leads to it)).
    struct Edge {
        first: u8,
        off: u32,
        len: u16,
        entry: u32,
        first_edge: u32,
        n: u16,
    }
    let mut out_edges: Vec<Edge> = Vec::new();
    let mut labels: Vec<u8> = Vec::new();
    let mut root_edges = (0u32, 0u16);
    let mut stack: Vec<(usize, Option<usize>)> = vec![(0, None)];
    while let Some((n, via)) = stack.pop() {
        let first_edge = out_edges.len() as u32;
        let count = u16::try_from(nodes[n].children.len()).expect("at most 256 children");
        match via {
            Some(e) => {
                out_edges[e].first_edge = first_edge;
                out_edges[e].n = count;
            }
            None => root_edges = (first_edge, count),
        }
        let mut next = Vec::new();
        for (&b, &c) in &nodes[n].children {
            let mut label = vec![b];
            let mut end = c;
            while nodes[end].entry == u32::MAX && nodes[end].children.len() == 1 {
                let (&b2, &c2) = nodes[end].children.iter().next().expect("one child");
                label.push(b2);
                end = c2;
            }
            let off = labels.len() as u32;
            labels.extend_from_slice(&label);
            out_edges.push(Edge {
                first: b,
                off,
                len: u16::try_from(label.len()).expect("label under 64 KiB"),
                entry: nodes[end].entry,
                first_edge: 0,
                n: 0,
            });
            next.push((end, out_edges.len() - 1));
        }
        debug_assert!(out_edges[first_edge as usize..]
            .windows(2)
            .all(|w| w[0].first < w[1].first));
        // The first child's block comes next.
        for (end, e) in next.into_iter().rev() {
            stack.push((end, Some(e)));
        }
    }
    let mut root = vec![u32::MAX; 256];
    for e in root_edges.0..root_edges.0 + u32::from(root_edges.1) {
        root[out_edges[e as usize].first as usize] = e;
    }
    let mut edge_bytes = Vec::with_capacity(out_edges.len() * 32);
    for e in &out_edges {
        edge_bytes.extend_from_slice(&e.len.to_le_bytes());
        edge_bytes.extend_from_slice(&e.n.to_le_bytes());
        edge_bytes.extend_from_slice(&e.entry.to_le_bytes());
        edge_bytes.extend_from_slice(&e.first_edge.to_le_bytes());
        edge_bytes.extend_from_slice(&e.off.to_le_bytes());
        let label = &labels[e.off as usize..e.off as usize + e.len as usize];
        let mut inline = [0u8; 16];
        let k = label.len().min(16);
        inline[..k].copy_from_slice(&label[..k]);
        edge_bytes.extend_from_slice(&inline);
    }
    let root_bytes: Vec<u8> = root.iter().flat_map(|x| x.to_le_bytes()).collect();
    // First byte pairs of the names that do not start with an upper-case letter (a few
    // hundred): the matcher tries a lower-case token start only when its pair is here.
    let mut pairs = vec![0u8; 8192];
    for s in surfaces.keys() {
        let first = std::str::from_utf8(s).ok().and_then(|t| t.chars().next());
        if first.is_some_and(|c| !c.is_uppercase()) {
            let k = (usize::from(s[0]) << 8) | usize::from(s.get(1).copied().unwrap_or(0));
            pairs[k / 8] |= 1 << (k % 8);
        }
    }
    let mut segments = vec![0u8; SEGMENT_BITS / 8];
    for s in surfaces.keys() {
        let text = std::str::from_utf8(s).expect("gazetteer names are UTF-8");
        let n = segment_len(text, MAX_SEGMENT);
        assert!(
            n <= MAX_SEGMENT,
            "{text}: first word longer than {MAX_SEGMENT} bytes"
        );
        let bit = segment_bit(&s[..n]);
        segments[bit / 8] |= 1 << (bit % 8);
    }
    let write = |name: &str, data: &[u8]| {
        std::fs::write(out.join(name), data).unwrap_or_else(|e| panic!("write {name}: {e}"));
    };
    write("gaz_entries.bin", &entries);
    write("gaz_strings.bin", &strings.blob);
    write("gaz_edges.bin", &edge_bytes);
    let firsts: Vec<u8> = out_edges.iter().map(|e| e.first).collect();
    write("gaz_firsts.bin", &firsts);
    write("gaz_labels.bin", &labels);
    write("gaz_root.bin", &root_bytes);
    write("gaz_pairs.bin", &pairs);
    write("gaz_segments.bin", &segments);
    write("gaz_meta.bin", &(surfaces.len() as u32).to_le_bytes());
}
