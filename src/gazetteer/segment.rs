//! A name's *first segment*, shared by the build script (which records the segment of every
//! built-in surface form in a bit set) and the matcher (which tests a token start's segment
//! there before it walks the trie).
//!
//! The segment of a string is its first character and the letters, digits and combining marks
//! after it, up to the first other character: "New" of "New York", "U" of "U.S.", "Beijing" of
//! "Beijing-based". A name ends only where a word does (at a character that is not a letter,
//! digit or combining mark, or at the end of the text), so a name that matches at a position
//! has exactly the segment the text has there: the characters up to the name's first
//! non-word character are the text's, and so is that character. A text segment whose hash
//! bit is clear therefore starts no built-in name, and most capitalised words are rejected
//! with one look-up in a table that stays in cache.
//!
//! This file is compiled into the build script too (`build.rs`), so both sides use the same
//! definition and the same hash.

/// Bits in the segment set (128 KiB).
pub const SEGMENT_BITS: usize = 1 << 20;

/// Segments longer than this many bytes are not recorded: the build checks that no built-in
/// name has one, and the matcher rejects a longer text segment without hashing it.
pub const MAX_SEGMENT: usize = 64;

/// Whether `c` continues a word (a name cannot end before it).
#[inline]
pub fn continues_word(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Byte length of the segment of `s` (0 for an empty string), scanning at most `limit + 4`
/// bytes: a result above `limit` means "longer than `limit`".
#[inline]
pub fn segment_len(s: &str, limit: usize) -> usize {
    let b = s.as_bytes();
    let Some(first) = s.chars().next() else {
        return 0;
    };
    let mut i = first.len_utf8();
    while i < b.len() && i <= limit {
        let c = b[i];
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            // `i` is a character boundary: the loop moves by whole characters.
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(ch) if continues_word(ch) => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The bit of a segment's bytes in the set.
#[inline]
pub fn segment_bit(seg: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in seg {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Fold the high bits in: FNV's low bits mix poorly for short keys.
    ((h ^ (h >> 29)) as usize) & (SEGMENT_BITS - 1)
}
