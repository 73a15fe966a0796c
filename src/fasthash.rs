//! A small, fast hasher for the word-list lookups on the hot path (every token is looked up
//! in a few lists). SipHash's DoS resistance buys nothing for fixed, built-in word lists.

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (the rustc hasher): a multiply-rotate per 8 bytes.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl FxHasher {
    /// Adds `bytes` eight at a time, each word OR-ed with `mask`.
    #[inline]
    fn add_bytes(&mut self, bytes: &[u8], mask: u64) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w) | mask);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) | mask);
        }
    }

    /// A hash of `bytes` that the case of ASCII letters does not change (bit 5 set in every
    /// byte); some other bytes collide too ("@" and "`"), so callers compare on equal hashes.
    ///
    /// ```
    /// use claimex::fasthash::FxHasher;
    /// assert_eq!(FxHasher::ascii_folded(b"PlayStation VR"), FxHasher::ascii_folded(b"Playstation VR"));
    /// assert_ne!(FxHasher::ascii_folded(b"Sony"), FxHasher::ascii_folded(b"Sonic"));
    /// ```
    pub fn ascii_folded(bytes: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        h.add_bytes(bytes, 0x2020_2020_2020_2020);
        h.hash
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.add_bytes(bytes, 0);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;
