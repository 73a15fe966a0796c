//! The sources layer: the speaker's phrase around a cue — the subject before a verb (over
//! adverbs, time phrases, appositives and inserted clauses), the noun phrase after an
//! inverted cue or "according to" — without openers and adjuncts, with its attachments ("a
//! spokesman for the ministry", "three people familiar with the matter").

use crate::lexical::{class, Tag};

use super::clauses::{channel_phrase, extend_pp, time_phrase};
use super::doc::Doc;
use super::syntax::{NpKind, Syntax};

/// A source phrase: tokens `a..b` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Src {
    pub a: usize,
    pub b: usize,
}

/// How far back from a verb a subject may start (tokens).
const MAX_BACK: usize = 64;

/// Whether a subject may start at token `a` of a sentence starting at `lo`: at the sentence
/// start, or after a clause boundary (comma, conjunction, complementizer, closing quote,
/// sentence adverb, opening time phrase).
pub(crate) fn opens_clause(d: &Doc, syn: &Syntax, a: usize, lo: usize) -> bool {
    if a <= lo {
        return true;
    }
    // "only 7 percent", "even a top strategist", "nearly half": a focusing adverb first.
    if d.is_any(
        a - 1,
        &[
            "only", "even", "just", "nearly", "almost", "about", "roughly", "some", "also",
            "still", "now",
        ],
    ) {
        return opens_clause(d, syn, a - 1, lo);
    }
    let p = a - 1;
    if d.punct(p) {
        return matches!(d.w(p), "," | ";" | ":" | "—" | "–" | "--" | "-" | "(")
            || d.closes(p).is_some()
            || d.opens(p).is_some();
    }
    if d.has(
        p,
        class::CONJ
            | class::COMPLEMENTIZER
            | class::SUBORDINATOR
            | class::WH
            | class::CLAUSE_OPENER,
    ) {
        return true;
    }
    // "Meanwhile the ministry said", "Now the company says".
    if p == lo && d.tag(p).is_adverb() {
        return true;
    }
    // "On Tuesday the ministry said", "Last week officials said".
    let mut t = p;
    while t > lo && t + 6 > p {
        if time_phrase(d, t, syn.hi).is_some_and(|e| e == a) {
            return opens_clause(d, syn, t, lo);
        }
        t -= 1;
    }
    time_phrase(d, lo, syn.hi) == Some(a)
}

/// Extends a noun phrase starting at `a` backwards over attachments that belong to it: "a
/// spokesman for [the ministry]", "three people familiar with [the matter]", "the commander
/// and [the official]".
fn extend_back(d: &Doc, syn: &Syntax, mut a: usize, lo: usize) -> usize {
    for _ in 0..3 {
        if a < lo + 2 {
            break;
        }
        let p = a - 1;
        let attach = d.is_any(
            p,
            &["of", "for", "at", "from", "in", "with", "to", "on", "close"],
        ) && d.tag(p) != Tag::TO
            || d.is_any(p, &["and", "or"])
            // "Economists polled by the agency", "analysts surveyed by Reuters".
            || d.is(p, "by") && p > lo && d.tag(p - 1) == Tag::VBN;
        if !attach {
            break;
        }
        // "familiar with", "close to", "briefed on", "involved in".
        let mut q = p;
        if q > lo && (d.tag(q - 1).is_adj() || d.tag(q - 1) == Tag::VBN) && d.lower(q - 1) {
            q -= 1;
        }
        let Some(np) = syn.np_ending_at(q) else {
            break;
        };
        // "and" joins two sources only when both look like speakers.
        if d.is_any(p, &["and", "or"])
            && (np.kind == NpKind::Pronoun)
                != (syn
                    .np_starting_at(a)
                    .is_some_and(|n| n.kind == NpKind::Pronoun))
        {
            break;
        }
        if time_phrase(d, np.a, syn.hi).is_some() {
            break;
        }
        a = np.a;
    }
    a
}

/// Whether tokens `a..b` (an inserted piece between commas) read as an appositive of the noun
/// before it: "a former director", "67", "of RBC Capital Markets", a role, a short name.
fn appositive(d: &Doc, syn: &Syntax, a: usize, b: usize) -> bool {
    if a >= b || b - a > 30 {
        return false;
    }
    let t = d.tag(a);
    if d.is_any(
        a,
        &[
            "who",
            "which",
            "whose",
            "that",
            "however",
            "meanwhile",
            "though",
            "too",
            "also",
        ],
    ) {
        return false;
    }
    if (t == Tag::VBG || t == Tag::VBN) && d.lower(a) || t == Tag::RB {
        return false;
    }
    if time_phrase(d, a, b).is_some_and(|e| e == b) || channel_phrase(d, syn, a, b).is_some() {
        return false;
    }
    if t == Tag::IN {
        return d.is_any(a, &["of", "at", "from", "with"]);
    }
    matches!(
        t,
        Tag::DT
            | Tag::PRPS
            | Tag::CD
            | Tag::JJ
            | Tag::JJS
            | Tag::NNP
            | Tag::NNPS
            | Tag::NN
            | Tag::NNS
    ) || d.has(a, class::ROLE | class::TITLE)
}

/// Whether the inserted piece `a..b` is a clause or phrase that interrupts subject and verb
/// without belonging to the subject: a relative clause, a participle phrase, a prepositional
/// or adverbial phrase ("Gov. Ed Marsh, citing the flood damage, said").
fn interruption(d: &Doc, a: usize, b: usize) -> bool {
    a < b
        && b - a <= 40
        && (d.is_any(a, &["who", "which", "whose", "whom"])
            || (d.tag(a) == Tag::VBG || d.tag(a) == Tag::VBN) && d.lower(a)
            || d.tag(a) == Tag::IN
            || d.tag(a).is_adverb())
}

/// The subject of the verb group starting at `v`, within the sentence `syn`.
pub(crate) fn subject_before(d: &Doc, syn: &Syntax, v: usize) -> Option<Src> {
    let lo = syn.lo;
    let floor = v.saturating_sub(MAX_BACK).max(lo);
    let mut j = v;
    // Adverbs and time phrases between subject and verb: "X on Tuesday said", "X also said".
    for _ in 0..4 {
        if j <= floor {
            return None;
        }
        // (Not the last part of a compound: "the look-alike declared".)
        if d.tag(j - 1).is_adverb() && d.lower(j - 1) && syn.np_at(j - 1).is_none() {
            j -= 1;
            continue;
        }
        let mut t = j - 1;
        let mut moved = false;
        while t > floor && t + 8 > j {
            t -= 1;
            let adjunct = time_phrase(d, t, syn.hi) == Some(j)
                || channel_phrase(d, syn, t, syn.hi) == Some(j);
            if adjunct && syn.np_ending_at(t).is_some() {
                j = t;
                moved = true;
                break;
            }
        }
        if !moved {
            break;
        }
    }
    let p = j - 1;
    // A parenthesis before the verb: "Gov. John Kasich (R-OH) said".
    if d.p(p, ")") {
        let open = (floor..p).rev().take(12).find(|&k| d.p(k, "("))?;
        let np = syn.np_ending_at(open)?;
        let a = extend_back(d, syn, np.a, lo);
        return opens_clause(d, syn, a, lo).then_some(Src { a, b: open });
    }
    if d.comma(p) || d.dash(p) {
        return subject_over_commas(d, syn, p, floor);
    }
    if let Some(np) = syn.np_ending_at(j) {
        let a = extend_back(d, syn, np.a, lo);
        if opens_clause(d, syn, a, lo) {
            return Some(Src { a, b: j });
        }
    }
    reduced_clause_subject(d, syn, j, floor)
}

/// "A Treasury official who spoke on condition of anonymity said", "Another diplomat speaking
/// to the Courier said": the noun phrase before a relative or participle clause that runs,
/// without commas, up to the verb at `j`.
fn reduced_clause_subject(d: &Doc, syn: &Syntax, j: usize, floor: usize) -> Option<Src> {
    let lo = syn.lo;
    let r = (floor.max(j.saturating_sub(16))..j)
        .rev()
        .take_while(|&k| !d.punct(k) || d.p(k, "'s") || d.p(k, "’s") || d.p(k, "-"))
        .filter(|&k| d.is_any(k, &["who", "that"]) || d.tag(k) == Tag::VBG && d.lower(k))
        .last()?;
    let np = syn.np_ending_at(r)?;
    let a = extend_back(d, syn, np.a, lo);
    opens_clause(d, syn, a, lo).then_some(Src { a, b: r })
}

/// `SUBJECT, APPOSITIVE(, APPOSITIVE)*, VERB` or `SUBJECT, INTERRUPTION, VERB` ending at the
/// comma (or dash) `p`: walks back over up to four commas or dashes ("Cecelia Purner, 67, a
/// retired representative in Allentown, Pa., said"; "Jones — who works in Ohio — told").
fn subject_over_commas(d: &Doc, syn: &Syntax, p: usize, floor: usize) -> Option<Src> {
    let lo = syn.lo;
    // Commas before `p`, nearest first, not across a quotation or another clause.
    let mut commas = Vec::new();
    let mut k = p;
    while k > floor && commas.len() < 4 {
        k -= 1;
        if d.p(k, ";") || d.p(k, ":") || d.quote_mark(k) || d.p(k, ".") {
            break;
        }
        if d.comma(k) || d.dash(k) {
            commas.push(k);
        }
    }
    // Piece i runs from commas[i] + 1 to the comma after it (commas[i - 1], or `p`).
    let piece = |i: usize| (commas[i] + 1, if i == 0 { p } else { commas[i - 1] });
    // The farthest noun phrase that opens the clause with only appositives and inserted
    // phrases after it ("Rachel Berg, a philanthropist from Monsey, New York, said";
    // "Clinton, during a town hall meeting in Columbus, Ohio, said"). The source keeps the
    // appositives right after the name, up to the first inserted phrase.
    let mut best = None;
    for (i, &c) in commas.iter().enumerate() {
        let fits = (0..=i).all(|j| {
            let (x, y) = piece(j);
            appositive(d, syn, x, y) || interruption(d, x, y)
        });
        if !fits {
            break;
        }
        // "Gov. Ed Marsh (R-Ohio), citing ...": the name before its party and state.
        let (c, paren) = match (
            d.p(c.wrapping_sub(1), ")"),
            (floor..c).rev().take(12).find(|&k| d.p(k, "(")),
        ) {
            (true, Some(open)) => (open, true),
            _ => (c, false),
        };
        let Some(np) = syn.np_ending_at(c) else {
            continue;
        };
        let a = extend_back(d, syn, np.a, lo);
        if !opens_clause(d, syn, a, lo) || time_phrase(d, np.a, syn.hi) == Some(c) {
            continue;
        }
        if paren {
            best = Some(Src { a, b: c });
            continue;
        }
        // In text order the pieces are i, i-1, ..., 0; keep the appositives up to the first
        // interruption.
        let mut b = c;
        for j in (0..=i).rev() {
            let (x, y) = piece(j);
            if interruption(d, x, y) && !appositive(d, syn, x, y) {
                break;
            }
            b = y;
        }
        best = Some(Src { a, b });
    }
    best
}

/// A source phrase starting at `k` (after an inverted cue or "according to"): a noun phrase
/// with its attachments and appositives, up to the sentence end, a colon, or a comma before
/// a relative clause, a participle, an adjunct or the content.
pub(crate) fn source_after(d: &Doc, syn: &Syntax, k: usize) -> Option<Src> {
    let hi = syn.hi;
    let np = syn.np_starting_at(k)?;
    let mut b = extend_pp(d, syn, np.b, hi, 3);
    // "three people familiar with the matter", "officials briefed on the talks".
    if (d.tag(b).is_adj() || d.tag(b) == Tag::VBN || d.is(b, "close"))
        && d.lower(b)
        && matches!(d.tag(b + 1), Tag::IN | Tag::TO)
    {
        if let Some(np2) = syn.np_starting_at(b + 2) {
            b = extend_pp(d, syn, np2.b, hi, 2);
        }
    }
    // "the commander and the official", "the KIA official, the commander and a resident".
    for _ in 0..3 {
        let coord = d.is_any(b, &["and", "or"])
            || d.comma(b)
                && syn.np_starting_at(b + 1).is_some_and(|n| {
                    d.has(n.a, class::DET)
                        && n.b < hi
                        && (d.is_any(n.b, &["and", "or"]) || d.comma(n.b))
                });
        if !coord {
            break;
        }
        let Some(np2) = syn
            .np_starting_at(b + 1)
            .filter(|n| n.kind != NpKind::Pronoun)
        else {
            break;
        };
        b = extend_pp(d, syn, np2.b, hi, 2);
    }
    // A party and state in parentheses: "Sen. Richard Durbin (D-Ill.)".
    if d.p(b, "(") {
        if let Some(close) = (b + 1..(b + 10).min(hi)).find(|&j| d.p(j, ")")) {
            b = close + 1;
        }
    }
    // Appositives: ", a former director of X", ", 67,".
    let mut e = b;
    for _ in 0..3 {
        if !d.comma(e) {
            break;
        }
        let a2 = e + 1;
        if !appositive(d, syn, a2, a2 + 1) || time_phrase(d, a2, hi).is_some() {
            break;
        }
        // A clause after the comma is the content, not an appositive ("According to The
        // Guardian, an email was sent ...").
        let piece_end = (a2..hi.min(a2 + 20))
            .find(|&j| d.comma(j) || matches!(d.w(j), "." | ":" | ";"))
            .unwrap_or(hi.min(a2 + 20));
        let rel = (a2..piece_end)
            .find(|&j| d.is_any(j, &["who", "which", "whose", "that"]))
            .unwrap_or(piece_end);
        if syn.has_finite(a2, rel) {
            break;
        }
        let mut j = a2;
        while j < hi
            && j < a2 + 20
            && !d.comma(j)
            && !matches!(d.w(j), "." | ":" | ";" | "?" | "!")
            && !d.quote_mark(j)
        {
            if d.is_any(j, &["who", "which", "whose"]) {
                break;
            }
            j += 1;
        }
        if j == a2 || d.is_any(j, &["who", "which", "whose"]) {
            break;
        }
        e = j;
    }
    Some(Src {
        a: k,
        b: e.max(np.b),
    })
}
