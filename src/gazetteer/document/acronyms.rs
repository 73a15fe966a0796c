//! Acronyms defined in the text: "Kachin Independence Army (KIA)", "CEI (Italian Episcopal
//! Conference)", and their later uses.

use super::{alias, replace_singles};
use crate::gazetteer::patterns::{local, merge, Patterns};
use crate::gazetteer::view::Cx;
use crate::gazetteer::{Entity, Label};
use crate::lexical::Shape;
use crate::segmentation::TokenKind;
use crate::span::Span;

impl Patterns {
    /// "Kachin Independence Army (KIA)" and "CEI (Italian Episcopal Conference)": the acronym
    /// names the entity beside it, here and wherever it recurs.
    pub(super) fn acronyms(&self, cx: &Cx, found: &mut Vec<Entity>) {
        let toks = cx.toks;
        let mut defs: Vec<(&str, Entity)> = Vec::new();
        for (k, t) in toks.iter().enumerate().skip(1) {
            // Cheapest test first: most tokens are not in capitals.
            if !t.shape.has(Shape::UPPER) || !(2..=8).contains(&(t.end - t.start)) {
                continue;
            }
            let acr = cx.word(k);
            let span = if k >= 2 && cx.is_punct(k - 1, b'(') && cx.is_punct(k + 1, b')') {
                // "Name (ACR)": the name ends before the parenthesis.
                expansion(cx, k - 2, acr)
            } else if cx.is_punct(k + 1, b'(') {
                // "ACR (Name)": the whole parenthesis is the name.
                let close = (k + 3..toks.len().min(k + 15)).find(|&c| cx.is_punct(c, b')'));
                close
                    .and_then(|c| expansion(cx, c - 1, acr))
                    .filter(|s| toks.get(k + 2).is_some_and(|f| s.start == f.start as usize))
            } else {
                continue;
            };
            let Some(span) = span else {
                continue;
            };
            if defs.iter().any(|d| d.0 == acr) {
                continue;
            }
            // The full name: the entity that spans it, or a new organisation replacing the
            // pieces the shapes found inside it.
            let at = found.partition_point(|e| e.span.end <= span.start);
            let full = match found.get(at) {
                Some(e) if e.span == span => {
                    if e.label == Label::PERSON {
                        continue;
                    }
                    e.clone()
                }
                _ => {
                    let e = local(span, cx.text, Label::ORG);
                    let end = found.partition_point(|e| e.span.start < span.end);
                    if found[at..end].iter().any(|e| !span.contains(e.span)) {
                        continue;
                    }
                    found.splice(at..end, [e.clone()]);
                    e
                }
            };
            defs.push((acr, full));
        }
        if defs.is_empty() {
            return;
        }
        let mut new = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word || !t.shape.has(Shape::UPPER) {
                continue;
            }
            let w = cx.word(k);
            if let Some((_, full)) = defs.iter().find(|d| d.0 == w) {
                new.push(alias(t.span(), full));
            }
        }
        // The acronym's own entry, if a list had one, gives way to the document's sense.
        replace_singles(found, &new);
        merge(found, new);
    }
}

/// The words before `end` (inclusive) that acronym `acr` abbreviates: a chain of capitalised
/// words and short lower-case connectors ("Democratic Alliance for the Betterment ... (DAB)",
/// "Unione degli Studenti Italiani (USI)") whose initials spell it ([`fits`]); the longest
/// such chain, up to 12 tokens.
fn expansion(cx: &Cx, end: usize, acr: &str) -> Option<Span> {
    let toks = cx.toks;
    let acr: Vec<char> = acr.chars().collect();
    let mut best = None;
    let mut initials: Vec<char> = Vec::new();
    let mut k = end;
    for _ in 0..12 {
        let t = &toks[k];
        let cap = t.kind == TokenKind::Word && t.shape.has(Shape::CAP);
        let connector =
            t.kind == TokenKind::Word && t.shape.has(Shape::LOWER) && t.end - t.start <= 5
                || cx.is_punct(k, b'-')
                || cx.is_punct(k, b'&');
        if !cap && !connector || k < end && !cx.adjacent(k, k + 1) {
            break;
        }
        if cap {
            let w = cx.word(k);
            // "KIA-controlled": an acronym-shaped word holds all its letters.
            let letters: Vec<char> = if t.shape.has(Shape::UPPER) {
                w.chars().filter(|c| c.is_alphabetic()).collect()
            } else {
                w.chars().next().into_iter().collect()
            };
            initials.splice(0..0, letters);
            if fits(&acr, &initials) {
                best = Some(Span::new(t.start as usize, toks[end].end as usize));
            }
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    best
}

/// Whether the initials of a chain of words spell an acronym: the first letter and then the
/// others in order ("DAB", "USI"), or all of them in another order, as a name translated from
/// another language keeps its own acronym ("UAAR" of "Union of Rationalist Atheists and
/// Agnostics", "CEI" of "Italian Episcopal Conference").
fn fits(acr: &[char], initials: &[char]) -> bool {
    if initials.len() < 2 {
        return false;
    }
    if initials.first() == acr.first() && subsequence(acr, initials) {
        return true;
    }
    if initials.len() != acr.len() || initials.len() > 12 {
        return false;
    }
    let (mut a, mut b) = ([0 as char; 12], [0 as char; 12]);
    a[..acr.len()].copy_from_slice(acr);
    b[..initials.len()].copy_from_slice(initials);
    a[..acr.len()].sort_unstable();
    b[..initials.len()].sort_unstable();
    a == b
}

fn subsequence(small: &[char], big: &[char]) -> bool {
    let mut it = big.iter();
    small.iter().all(|c| it.any(|b| b == c))
}

#[cfg(test)]
mod tests {
    use super::fits;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn initials_in_order_or_translated() {
        assert!(fits(&c("DAB"), &c("DAFTBAPOHK")));
        assert!(fits(&c("UAAR"), &c("URAA")));
        assert!(fits(&c("CEI"), &c("IEC")));
        assert!(!fits(&c("CEI"), &c("IE")));
        assert!(!fits(&c("OMS"), &c("WHO")));
        assert!(!fits(&c("AB"), &c("A")));
    }
}
