//! The tokenizer: words, numbers, punctuation and URLs with byte spans, each word looked up
//! in the lexicon once, as it is cut.

use unicode_segmentation::UnicodeSegmentation;

use super::class;
use super::table::{lookup_lex, lookup_lower, lower_into, WordId};
use super::Lex;
use super::{Shape, Token, TokenKind};
use crate::span::Span;

/// URLs and e-mail addresses longer than this are cut into ordinary tokens: the window that
/// decides what a chunk is stays bounded whatever the input.
const URL_WINDOW: usize = 512;
/// Longest token: a longer run of letters is cut (spans are 32-bit, words are short).
const MAX_TOKEN: usize = 4096;

/// Appends the tokens of `span` (a range of `text` on char boundaries) to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = span.start;
    let end = span.end;
    while i < end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c < 0x80 {
            i = if c.is_ascii_alphanumeric() {
                word_token(text, i, end, out)
            } else {
                punct_token(text, i, end, out)
            };
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if ch.is_whitespace() {
            i += ch.len_utf8();
        } else if ch.is_alphanumeric() {
            i = word_token(text, i, end, out);
        } else {
            i = punct_token(text, i, end, out);
        }
    }
}

fn push(
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    word: (WordId, Lex),
    out: &mut Vec<Token>,
) {
    let (word, lex) = word;
    let shape = Shape::of(
        &text[start..end],
        start > 0 && !is_space_before(text, start),
    );
    out.push(Token {
        start: start as u32,
        end: end as u32,
        word,
        kind,
        shape,
        tag: super::Tag::NONE,
        lex,
    });
}

fn word_token(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    // URLs and addresses stay whole.
    let lim = (start + URL_WINDOW).min(end);
    let lim = floor_boundary(text, lim);
    let chunk_end = text[start..lim]
        .find(char::is_whitespace)
        .map_or(lim, |p| start + p);
    let chunk = &text[start..chunk_end];
    if is_url_like(chunk) {
        let t = chunk.trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | '"' | '\'' | '”' | '’' | '!' | '?'
            )
        });
        push(
            text,
            start,
            start + t.len(),
            TokenKind::Url,
            (WordId::NONE, Lex::default()),
            out,
        );
        return start + t.len();
    }
    let b = text.as_bytes();
    let numeric = b[start].is_ascii_digit();
    let mut i = start;
    if !text[start..].starts_with(|c: char| c.is_ascii()) {
        // Non-ASCII words: UAX #29 word bounds know scripts, marks and joiners.
        let w = text[start..end].split_word_bounds().next().unwrap_or("");
        i = start + w.len().max(1);
    }
    let cap = floor_boundary(text, (start + MAX_TOKEN).min(end));
    while i < cap {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            i += 1;
        } else if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() || is_mark(ch) {
                i += ch.len_utf8();
            } else if (ch == '’') && i + 3 < end && b[i + 3].is_ascii_alphabetic() {
                // don’t, O’Brien; but not possessive ’s (split below).
                if is_possessive(text, i + 3, end) {
                    break;
                }
                i += 3;
            } else {
                break;
            }
        } else if (c == b'.' || c == b',' || c == b':')
            && numeric
            && i + 1 < end
            && b[i + 1].is_ascii_digit()
        {
            i += 1;
        } else if c == b'\'' && i + 1 < end && b[i + 1].is_ascii_alphabetic() && !numeric {
            if is_possessive(text, i + 1, end) {
                break;
            }
            i += 1;
        } else if c == b'&'
            && i + 1 < end
            && b[i + 1].is_ascii_uppercase()
            && b[start].is_ascii_uppercase()
        {
            // AT&T, S&P
            i += 1;
        } else {
            break;
        }
    }
    if numeric {
        push(
            text,
            start,
            i,
            TokenKind::Number,
            (WordId::NONE, Lex::default()),
            out,
        );
        return i;
    }
    let (mut word, mut lex) = lookup_lex(&text[start..i]);
    // A period that belongs to the word: initialisms (U.S., a.m.), initials (J.), and known
    // abbreviations (Mr., Gen., Inc.).
    if i < end && b[i] == b'.' {
        let bare = i;
        if i - start == 1 && b[start].is_ascii_alphabetic() {
            // Initialism: "U.S.", "a.m.", "e.g.", "U.S.A."
            let mut j = i + 1;
            while j + 1 < end && b[j].is_ascii_alphabetic() && b[j + 1] == b'.' {
                j += 2;
            }
            let abbrev = word.class().any(ABBREVS);
            if j > i + 1 || b[start].is_ascii_uppercase() || abbrev {
                i = j;
            }
        } else if word.class().any(ABBREVS) {
            i += 1;
        }
        if i != bare {
            // "U.S." is a word of its own in the lexicon; "Mr." keeps the entry of "mr".
            let mut buf = [0u8; 64];
            if let Some(l) = lower_into(&text[start..i], &mut buf) {
                let dotted = lookup_lower(l);
                if !dotted.is_none() {
                    word = dotted;
                    lex = Lex::of(dotted.class());
                }
            }
        }
    }
    push(text, start, i, TokenKind::Word, (word, lex), out);
    i
}

const ABBREVS: class::Class = class::ABBREV_TITLE
    .or(class::ABBREV_NUMBER)
    .or(class::ABBREV_MONTH)
    .or(class::ABBREV_COMMON);

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether byte `i` of `text` is at the start or follows a whitespace character.
pub(crate) fn is_space_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
}

pub(crate) fn is_possessive(text: &str, s_at: usize, end: usize) -> bool {
    let b = text.as_bytes();
    s_at < b.len()
        && (b[s_at] == b's' || b[s_at] == b'S')
        && (s_at + 1 >= end || !b[s_at + 1].is_ascii_alphanumeric())
}

fn punct_token(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let ch = text[start..].chars().next().unwrap_or(' ');
    let mut i = start + ch.len_utf8();
    let cap = (start + MAX_TOKEN).min(end);
    if ch == '.' {
        while i < cap && b[i] == b'.' {
            i += 1;
        }
    } else if ch == '-' {
        while i < cap && b[i] == b'-' {
            i += 1;
        }
    } else if ch == '\'' && i < end && b[i] == b'\'' {
        // '' is a quotation mark in some papers' style.
        i += 1;
    } else if (ch == '\'' || ch == '’') && i < end && is_possessive(text, i, end) {
        i += 1;
    }
    let word = if i - start <= 3 && ch != '.' {
        lookup_lex(&text[start..i])
    } else {
        (WordId::NONE, Lex::default())
    };
    push(text, start, i, TokenKind::Punct, word, out);
    i
}

fn is_mark(c: char) -> bool {
    // Combining marks keep a word whole (é written as e + U+0301).
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// Whether `s` (a chunk without whitespace) is a URL, an e-mail address, a domain or a file
/// name: periods inside it end nothing.
pub(crate) fn is_url_like(s: &str) -> bool {
    // Most words have none of these: answer without searching.
    if !s.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let s = s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
    if s.contains("://") || s.starts_with("www.") {
        return true;
    }
    if let Some(at) = s.find('@') {
        return at > 0 && s[at..].contains('.');
    }
    // A domain or file name: "example.com", "site.co.uk/page", "awesome_content.html".
    let host = s.split('/').next().unwrap_or(s);
    let Some(dot) = host.rfind('.') else {
        return false;
    };
    dot > 0
        && host[..dot].bytes().any(|b| b.is_ascii_alphabetic())
        && TLDS.contains(&&host[dot + 1..])
}

/// Endings that make "word.ending" a domain or a file name rather than two sentences.
const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "io", "uk", "html", "htm", "php", "pdf", "info", "int",
    "mil", "ca", "de", "fr", "au", "in", "jp", "cn", "ru", "eu",
];

#[cfg(test)]
mod tests {
    use super::super::tokenize;

    #[test]
    fn tokens_and_words() {
        let text = "China's KIA-controlled area, said Gen. J. Smith at 2.30 p.m. on Jan. 5; see www.example.com. “Don’t,” he said…";
        let toks = tokenize(text);
        let got: Vec<&str> = toks.iter().map(|t| t.span().slice(text)).collect();
        assert_eq!(
            got,
            [
                "China",
                "'s",
                "KIA",
                "-",
                "controlled",
                "area",
                ",",
                "said",
                "Gen.",
                "J.",
                "Smith",
                "at",
                "2.30",
                "p.m.",
                "on",
                "Jan.",
                "5",
                ";",
                "see",
                "www.example.com",
                ".",
                "“",
                "Don’t",
                ",",
                "”",
                "he",
                "said",
                "…"
            ]
        );
        let said = &toks[7];
        assert_eq!(said.word.entry().unwrap().key(), "said");
        assert!(toks[8].word.entry().is_some(), "Gen. has an entry");
    }

    #[test]
    fn long_runs_stay_bounded() {
        let text = "a,".repeat(5000) + &"x".repeat(10_000);
        let toks = tokenize(&text);
        assert!(toks
            .iter()
            .all(|t| t.end - t.start <= super::MAX_TOKEN as u32));
        assert_eq!(toks.last().unwrap().end as usize, text.len());
    }
}
