//! Bounded scans over the text around a position that the splitter's decisions share.

/// The last `n` bytes of `s` (on a char boundary): scans back from a position stay bounded.
pub(super) fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '-' | '*' | '–')
}

/// The non-space chunk before byte `i` (a period), without opening punctuation, and where it
/// starts.
pub(super) fn word_before(text: &str, floor: usize, i: usize) -> (usize, &str) {
    let before = &text[floor..i];
    let ws = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(floor, |p| {
            floor + p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let chunk = &text[ws..i];
    let word = chunk.trim_start_matches(|c: char| {
        matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«') || is_bullet(c)
    });
    (ws + (chunk.len() - word.len()), word)
}

pub(super) fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let ch = text[i..].chars().next().unwrap_or('x');
        if !ch.is_whitespace() {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

pub(super) fn skip_open_punct(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let ch = text[i..].chars().next().unwrap_or('x');
        if !matches!(ch, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«') {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

pub(super) fn next_is_upper(text: &str, i: usize, end: usize) -> bool {
    let i = skip_open_punct(text, i, end);
    text[i..end].chars().next().is_some_and(char::is_uppercase)
}
