//! Byte spans used inside the pipeline and their conversion to character offsets.
//!
//! Every stage works on byte offsets into the unmodified document text, because that is what
//! `&str` slicing and the matchers give for free. Users (and Python) count Unicode scalar
//! values, so the output stage converts once, through a [`CharIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
///
/// ```
/// use claimex::Span;
/// let text = "Beijing said";
/// let s = Span::new(0, 7);
/// assert_eq!(s.slice(text), "Beijing");
/// assert_eq!(s.len(), 7);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's promise.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text under the span.
    ///
    /// Panics if the span is not on character boundaries of `text`; spans built by the
    /// pipeline always are.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing whitespace of `text` removed.
    ///
    /// ```
    /// use claimex::Span;
    /// let text = "  said it ";
    /// assert_eq!(Span::new(0, 10).trim(text).slice(text), "said it");
    /// ```
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        Span::new(self.start + lead, self.start + lead + t.len())
    }

    /// Shrinks the span so it does not start or end with any char in `chars`, nor whitespace.
    ///
    /// ```
    /// use claimex::Span;
    /// let text = "\"Go home,\"";
    /// let s = Span::new(0, text.len()).trim_matches(text, &['"', ',']);
    /// assert_eq!(s.slice(text), "Go home");
    /// ```
    pub fn trim_matches(&self, text: &str, chars: &[char]) -> Span {
        let s = self.slice(text);
        let t = s.trim_matches(|c: char| c.is_whitespace() || chars.contains(&c));
        if t.is_empty() {
            return Span::new(self.start, self.start);
        }
        let lead = t.as_ptr() as usize - s.as_ptr() as usize;
        Span::new(self.start + lead, self.start + lead + t.len())
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// Pure-ASCII texts convert for free. Other texts keep a checkpoint every 64 bytes, so the
/// index costs `len / 16` bytes and a lookup counts at most 63 bytes.
///
/// ```
/// use claimex::CharIndex;
/// let text = "Café said";
/// let ix = CharIndex::new(text);
/// assert_eq!(ix.char_offset(6), 5); // "Café " is 6 bytes, 5 characters
/// assert_eq!(ix.char_offset(text.len()), 9);
/// ```
pub struct CharIndex<'t> {
    text: &'t [u8],
    checkpoints: Vec<u32>,
}

const CHECKPOINT: usize = 64;

impl<'t> CharIndex<'t> {
    /// Builds the index for `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let bytes = text.as_bytes();
        let checkpoints = if bytes.is_ascii() {
            Vec::new()
        } else {
            let mut v = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
            let mut count = 0u32;
            for chunk in bytes.chunks(CHECKPOINT) {
                v.push(count);
                count += count_chars(chunk) as u32;
            }
            v
        };
        CharIndex {
            text: bytes,
            checkpoints,
        }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / CHECKPOINT;
        let base = match self.checkpoints.get(block) {
            Some(&b) => b as usize,
            // `byte == len` on a block boundary.
            None => {
                return self.checkpoints.last().map_or(0, |&b| b as usize)
                    + count_chars(&self.text[(self.checkpoints.len() - 1) * CHECKPOINT..])
            }
        };
        base + count_chars(&self.text[block * CHECKPOINT..byte])
    }

    /// Converts a byte span to a character span `(start, end)`.
    #[inline]
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    // A char starts at every byte that is not a UTF-8 continuation byte (0b10xx_xxxx).
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_char_indices() {
        let text = "Naung Yoe — “said” in Bhamo, 緬甸 ✓ ".repeat(9);
        let ix = CharIndex::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(ix.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_index_end_on_checkpoint_boundary() {
        let text = "é".repeat(64); // 128 bytes: end is exactly on a checkpoint
        let ix = CharIndex::new(&text);
        assert_eq!(ix.char_offset(text.len()), 64);
        assert_eq!(ix.char_offset(64), 32);
    }

    #[test]
    fn trim_matches_all_trimmed() {
        let text = " \" ";
        assert!(Span::new(0, 3).trim_matches(text, &['"']).is_empty());
    }
}
