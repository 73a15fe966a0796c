//! Quotation spans over the body paragraphs of a document.
//!
//! Curly (“ ” ‘ ’) and straight (" ') marks are paired within a paragraph. A quotation still
//! open at the end of a paragraph runs to that end; when the next paragraph opens with a quote
//! mark, the quotation continues there (the news convention for multi-paragraph quotes).
//! Single quotes are paired only where they cannot be apostrophes (`don't`, `Reuters' `).

use crate::span::Span;

/// One quotation (or one paragraph's piece of a multi-paragraph quotation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the paragraph closes it.
    pub close: Option<Span>,
    /// The quoted text between the marks (to the paragraph end when unclosed).
    pub inner: Span,
    /// Index of the quote this one continues (previous paragraph), if any.
    pub prev: Option<usize>,
    /// Index of the quote that continues this one (next paragraph), if any.
    pub next: Option<usize>,
}

impl Quote {
    /// The whole quotation including its marks.
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// Finds the quotations of the given paragraphs (byte spans of body blocks, in order).
///
/// ```
/// use claimex::attribution::quotes::find_quotes;
/// use claimex::Span;
/// let text = "He said: “We will win.” Then 'we will go,' she said.";
/// let q = find_quotes(text, &[Span::new(0, text.len())]);
/// assert_eq!(q[0].inner.slice(text), "We will win.");
/// assert_eq!(q[1].inner.slice(text), "we will go,");
/// ```
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Index of a quote left open at the end of the previous paragraph.
    let mut dangling: Option<usize> = None;
    for &para in paragraphs {
        let mut open: Option<(Span, char)> = None;
        let mut single: Option<Span> = None;
        let s = para.slice(text);
        let mut first_mark = true;
        let first_text = s.len() - s.trim_start().len();
        // Only quote marks matter: find their bytes (ASCII quotes, and the lead bytes of
        // “ ” ‘ ’ „ (0xE2) and « » (0xC2)) without decoding every character.
        let candidates = s
            .bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
            .map(|(i, _)| i);
        let mut skip_to = 0;
        for off in candidates {
            if off < skip_to {
                continue;
            }
            let Some(mut ch) = s[off..].chars().next() else {
                continue;
            };
            let pos = para.start + off;
            let mut mark = Span::new(pos, pos + ch.len_utf8());
            // Two apostrophes are a double quote mark (the New York Times' ''...'').
            if ch == '\'' && s.as_bytes().get(off + 1) == Some(&b'\'') {
                ch = '"';
                mark = Span::new(pos, pos + 2);
                skip_to = off + 2;
            }
            let prev = s[..off].chars().next_back();
            let next = s[mark.end - para.start..].chars().next();
            let at_para_start = off <= first_text;
            match ch {
                '“' | '"' | '«' | '„' if open.is_none() => {
                    // A straight quote opens only before a non-space.
                    if ch == '"' && next.is_none_or(char::is_whitespace) {
                        continue;
                    }
                    let prev_q = if at_para_start && first_mark {
                        dangling.take()
                    } else {
                        None
                    };
                    open = Some((mark, ch));
                    single = None;
                    if let Some(p) = prev_q {
                        out[p].next = Some(out.len());
                    }
                    out.push(Quote {
                        open: mark,
                        close: None,
                        inner: Span::new(mark.end, para.end),
                        prev: prev_q,
                        next: None,
                    });
                }
                '”' | '"' | '»' | '“' if open.is_some() => {
                    if let Some(q) = out.last_mut() {
                        q.close = Some(mark);
                        q.inner = Span::new(q.open.end, mark.start);
                    }
                    open = None;
                }
                '‘' | '\'' if open.is_none() && single.is_none() => {
                    let opens = prev
                        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'))
                        && next.is_some_and(char::is_alphanumeric);
                    if opens {
                        single = Some(mark);
                    }
                }
                '’' | '\'' if single.is_some() => {
                    let letter_before = prev
                        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '.' | '?' | '!'));
                    let closes = letter_before && next.is_none_or(|c| !c.is_alphanumeric());
                    // "Reuters' questions": a plural possessive is not a closing quote.
                    let possessive = prev == Some('s')
                        && next == Some(' ')
                        && s[off + ch.len_utf8()..].starts_with(|c: char| c.is_whitespace());
                    if closes && (!possessive || s[..off].ends_with([',', '.', '?', '!'])) {
                        if let Some(o) = single.take() {
                            let inner = Span::new(o.end, mark.start);
                            // Three words at least: shorter ones are scare quotes or titles.
                            if inner.slice(text).split_whitespace().count() >= 3 {
                                out.push(Quote {
                                    open: o,
                                    close: Some(mark),
                                    inner,
                                    prev: None,
                                    next: None,
                                });
                            }
                        }
                    }
                }
                _ => {}
            }
            if matches!(ch, '“' | '"' | '”' | '‘' | '\'' | '’' | '«' | '»' | '„') {
                first_mark = false;
            }
        }
        dangling = None;
        if open.is_some() {
            dangling = Some(out.len() - 1);
        }
    }
    out
}
