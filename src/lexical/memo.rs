//! A small direct-mapped memo for answers that depend only on a short word: the lexicon
//! lookup and the tagger's guess for unknown words. A slot is picked by the word's hash and
//! holds the word's bytes (up to [`MEMO_KEY`]) and the answer; a new word replaces what was
//! there. The memo only remembers answers of a pure function, so results do not depend on
//! what was asked before.

/// Longest word a memo holds, in bytes.
pub const MEMO_KEY: usize = 24;

#[derive(Clone, Copy)]
struct Slot<V> {
    key: [u8; MEMO_KEY],
    /// 0 for an empty slot (no word is empty).
    len: u8,
    value: V,
}

/// A direct-mapped memo of `N` slots (a power of two).
pub struct Memo<V, const N: usize> {
    slots: Box<[Slot<V>]>,
}

impl<V: Copy + Default, const N: usize> Memo<V, N> {
    /// An empty memo.
    pub fn new() -> Self {
        assert!(N.is_power_of_two());
        let empty = Slot {
            key: [0; MEMO_KEY],
            len: 0,
            value: V::default(),
        };
        Memo {
            slots: vec![empty; N].into_boxed_slice(),
        }
    }

    /// The answer for `word` (of hash `h`), from the memo or from `compute`. Words longer
    /// than [`MEMO_KEY`] or empty are computed every time.
    #[inline]
    pub fn get_or(&mut self, word: &[u8], h: u64, compute: impl FnOnce() -> V) -> V {
        if word.is_empty() || word.len() > MEMO_KEY {
            return compute();
        }
        let mut key = [0u8; MEMO_KEY];
        key[..word.len()].copy_from_slice(word);
        let slot = &mut self.slots[(h >> 40) as usize & (N - 1)];
        if slot.len as usize == word.len() && slot.key == key {
            return slot.value;
        }
        let value = compute();
        *slot = Slot {
            key,
            len: word.len() as u8,
            value,
        };
        value
    }
}

impl<V: Copy + Default, const N: usize> Default for Memo<V, N> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_replaces() {
        let mut m: Memo<u32, 4> = Memo::new();
        let mut calls = 0;
        let mut get = |m: &mut Memo<u32, 4>, w: &str, v: u32| {
            m.get_or(w.as_bytes(), 0, || {
                calls += 1;
                v
            })
        };
        assert_eq!(get(&mut m, "said", 1), 1);
        assert_eq!(get(&mut m, "said", 9), 1, "remembered");
        assert_eq!(get(&mut m, "told", 2), 2, "same slot, replaced");
        assert_eq!(get(&mut m, "said", 3), 3);
        let long = "x".repeat(MEMO_KEY + 1);
        assert_eq!(get(&mut m, &long, 4), 4);
        assert_eq!(get(&mut m, &long, 5), 5, "too long to remember");
        assert_eq!(calls, 5);
    }
}
