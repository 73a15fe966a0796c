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
        let re = Regex::new(&format!("{money}|{percent}|{date}|{quantity}|{number}"))
            .expect("number patterns are valid");
        Numbers { re }
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
        let mut out = Vec::new();
        for caps in self.re.captures_iter(hay) {
            let (m, kind) = if let Some(m) = caps.name("money") {
                (m, NumberKind::Money)
            } else if let Some(m) = caps.name("percent") {
                (m, NumberKind::Percent)
            } else if let Some(m) = caps.name("date") {
                (m, NumberKind::Date)
            } else if let Some(m) = caps.name("quantity") {
                (m, NumberKind::Quantity)
            } else if let Some(m) = caps.name("number") {
                (m, NumberKind::Number)
            } else {
                continue;
            };
            // "May" alone is usually the month in news, but a modal verb before a verb.
            if kind == NumberKind::Date
                && m.as_str() == "May"
                && hay[m.end()..].starts_with(' ')
                && !hay[m.end()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
                && m.start() == 0
            {
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

impl Default for Numbers {
    fn default() -> Self {
        Numbers::new()
    }
}
