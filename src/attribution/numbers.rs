//! Numbers inside claim contents (money, percentages, dates, quantities): what gets checked.

use regex::Regex;
use serde::Serialize;

use crate::span::Span;

/// What a number expresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// `$1.2 billion`, `US$18.6 billion`, `45 million euros`.
    Money,
    /// `20%`, `0.7 per cent`.
    Percent,
    /// `May 20, 2025`, `December`, `2021`, `Friday`.
    Date,
    /// A number with a unit or counted noun: `100 km`, `15,000 personnel`.
    Quantity,
    /// Any other figure: `12,944`, `half`.
    Number,
}

/// One number found in a content span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Byte span.
    pub span: Span,
    /// What it is.
    pub kind: NumberKind,
}

/// The number finder (one compiled regex).
pub struct Numbers {
    re: Regex,
    /// Each kind's pattern anchored to the whole match, tried in order.
    kinds: Vec<(Regex, NumberKind)>,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";

impl Numbers {
    /// Compiles the patterns.
    pub fn new() -> Numbers {
        let num = r"\d+(?:[.,]\d+)*";
        let scale = r"(?:\s?(?:bn|billion|mln|million|trillion|tn|thousand|k|m)\b)?";
        let money = format!(
            r"(?P<money>(?:[A-Z]{{1,3}})?[$€£¥]\s?{num}{scale}|{num}{scale}\s(?:dollars|euros|pounds|yuan|yen|rupees|rupiah|baht|kyat|ringgit|pesos|francs|shillings|naira|rand|won|cedis)\b)"
        );
        let percent = format!(
            r"(?P<percent>{num}\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b))"
        );
        let date = format!(
            r"(?P<date>(?:(?:{MONTHS})\s\d{{1,2}}(?:,\s\d{{4}})?|\d{{1,2}}\s(?:{MONTHS})(?:\s\d{{4}})?|(?:early|mid|late)-?\s?(?:{MONTHS})|\b(?:{MONTHS})(?:\s\d{{4}})?|\b(?:19|20)\d{{2}}s?\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))"
        );
        let quantity = format!(
            r"(?P<quantity>{num}{scale}\s?(?:-\s?)?(?:km|kilometres|kilometers|miles|metres|meters|feet|ft|kg|tons|tonnes|metric tons|barrels|bpd|hectares|acres|square\s\w+|people|persons|personnel|troops|soldiers|civilians|children|residents|workers|households|families|containers|ships|vessels|cases|deaths|votes|seats|units|months|years|weeks|days|hours|minutes)\b)"
        );
        let number = format!(
            r"(?P<number>{num}{scale}|\b(?:half|a third|a quarter|two-thirds|three-quarters|dozens|hundreds|thousands|millions)\b)"
        );
        // ASCII word boundaries keep the whole search in the regex crate's fast DFA.
        let strip = |p: &str| {
            p.replace("\\b", "(?-u:\\b)")
                .replacen("(?P<money>", "(?:", 1)
                .replacen("(?P<percent>", "(?:", 1)
                .replacen("(?P<date>", "(?:", 1)
                .replacen("(?P<quantity>", "(?:", 1)
                .replacen("(?P<number>", "(?:", 1)
        };
        let re = Regex::new(&strip(&format!(
            "{money}|{percent}|{date}|{quantity}|{number}"
        )))
        .expect("number patterns are valid");
        let whole =
            |p: &str| Regex::new(&format!("^(?:{})$", strip(p))).expect("number pattern is valid");
        let kinds = vec![
            (whole(&money), NumberKind::Money),
            (whole(&percent), NumberKind::Percent),
            (whole(&date), NumberKind::Date),
            (whole(&quantity), NumberKind::Quantity),
        ];
        Numbers { re, kinds }
    }

    /// Numbers inside `span` of `text`, in order.
    ///
    /// ```
    /// use claimex::attribution::numbers::{Numbers, NumberKind};
    /// use claimex::Span;
    /// let text = "Beijing imported 12,944 metric tons in the first five months of 2025, up 20%.";
    /// let got = Numbers::new().find(text, Span::new(0, text.len()));
    /// let kinds: Vec<NumberKind> = got.iter().map(|q| q.kind).collect();
    /// assert_eq!(kinds, [NumberKind::Quantity, NumberKind::Date, NumberKind::Percent]);
    /// ```
    pub fn find(&self, text: &str, span: Span) -> Vec<Quantity> {
        let hay = span.slice(text);
        // Most contents have no digit, currency sign, month or weekday: skip the regex.
        if !may_hold_figure(hay)
            && !hay.contains("half")
            && !hay.contains("dozens")
            && !hay.contains("hundreds")
            && !hay.contains("thousands")
            && !hay.contains("millions")
            && !hay.contains("third")
            && !hay.contains("quarter")
        {
            return Vec::new();
        }
        let mut out = Vec::new();
        // One search without capture groups (a fast DFA scan); the alternative that matched
        // is then told apart on the matched text alone, by re-running the anchored pieces.
        for m in self.re.find_iter(hay) {
            let t = m.as_str();
            let kind = self
                .kinds
                .iter()
                .find(|(re, _)| re.is_match(t))
                .map_or(NumberKind::Number, |(_, k)| *k);
            // "May" alone at the start of a content is the modal verb ("May be delayed").
            if kind == NumberKind::Date && t == "May" && m.start() == 0 {
                continue;
            }
            out.push(Quantity {
                span: Span::new(span.start + m.start(), span.start + m.end()),
                kind,
            });
        }
        out
    }
}

/// Whether `hay` has a digit, a currency sign or a capitalised word that starts like a month
/// or a weekday: the only ways the patterns above can match besides the number words.
fn may_hold_figure(hay: &str) -> bool {
    const STARTS: [&[u8; 3]; 19] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec", b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun",
    ];
    let b = hay.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c.is_ascii_digit()
            || c >= 0x80 && hay.is_char_boundary(i) && hay[i..].starts_with(['€', '£', '¥'])
            || c == b'$'
            || c.is_ascii_uppercase()
                && (i == 0 || !b[i - 1].is_ascii_alphabetic())
                && b.get(i..i + 3)
                    .is_some_and(|w| STARTS.iter().any(|s| *s == w))
    })
}

impl Default for Numbers {
    fn default() -> Self {
        Numbers::new()
    }
}
