//! Clause boundaries and complements: where a content starts after its cue (past recipients,
//! time and channel adjuncts, "that"), what kind of complement stands there, and where the
//! clause ends. Ends are precomputed once per sentence (one right-to-left pass), so reading a
//! content costs the same whatever the number of cues in the sentence.

use crate::lexical::{class, Complements, Tag};
use crate::span::Span;

use super::doc::Doc;
use super::syntax::Syntax;

/// Words after a comma that start a clause which is not part of the content before it.
const PARTICIPLE_STOPS: &[&str] = &[
    "citing",
    "declining",
    "without",
    "according",
    "referring",
    "prompting",
    "sparking",
    "drawing",
];

/// Per sentence: for every token, where a content starting there ends (exclusive).
pub(crate) struct Bounds {
    lo: usize,
    stop: Vec<u32>,
}

impl Bounds {
    /// Computes the ends for the sentence of `syn`.
    pub fn new(d: &Doc, syn: &Syntax) -> Bounds {
        let (lo, hi) = (syn.lo, syn.hi);
        let mut stop = vec![hi as u32; hi - lo];
        let mut next = hi;
        for k in (lo..hi).rev() {
            if is_stop(d, syn, k) {
                next = k;
            }
            stop[k - lo] = next as u32;
        }
        Bounds { lo, stop }
    }

    /// Where a content that starts at `k` ends (exclusive token index).
    #[inline]
    pub fn end(&self, k: usize) -> usize {
        self.stop
            .get(k.saturating_sub(self.lo))
            .map_or(k, |&e| e as usize)
    }
}

/// Whether token `k` ends the content that runs into it.
fn is_stop(d: &Doc, syn: &Syntax, k: usize) -> bool {
    if d.inside(k).is_some() {
        return false;
    }
    if d.p(k, ";") {
        return true;
    }
    if d.comma(k) {
        let n = k + 1;
        // ", adding that ...", ", saying ...", ", citing ...": a participle clause.
        if d.is_any(n, PARTICIPLE_STOPS) {
            return true;
        }
        if d.tag(n) == Tag::VBG && cue_word(d, n) && d.lower(n) {
            return true;
        }
        // ", but he ...": a new clause with its own subject.
        if d.is_any(n, &["but", "though", "although", "while", "whereas"]) && d.subj_pron(n + 1) {
            return true;
        }
        // ", while other voters said they ...": a second attribution starts.
        if d.is_any(
            n,
            &["while", "whereas", "but", "although", "though", "and", "as"],
        ) {
            let cue_vg = (n + 1..(n + 10).min(syn.hi))
                .filter_map(|j| syn.vg_at(j).filter(|v| v.a == j))
                .next()
                .is_some_and(|v| v.finite && cue_word(d, v.head));
            if cue_vg {
                return true;
            }
        }
        // ", he said." / ", said X.": an inverted cue closes the content before it.
        if inverted_cue_follows(d, syn, n) {
            return true;
        }
    }
    // "... and added that ...", "... and he said ...": a second claim starts.
    if d.is_any(k, &["and", "but"]) {
        let mut n = k + 1;
        if d.subj_pron(n) {
            n += 1;
        }
        while d.tag(n).is_adverb() && d.lower(n) && n < k + 3 {
            n += 1;
        }
        if let Some(vg) = syn.vg_at(n) {
            if vg.a == n && vg.finite && speech_word(d, vg.head) && !vg.passive {
                return true;
            }
        }
    }
    false
}

/// Whether token `k` is a cue verb.
pub(crate) fn cue_word(d: &Doc, k: usize) -> bool {
    d.toks
        .get(k)
        .and_then(|t| t.word.entry())
        .and_then(|e| e.cue())
        .is_some()
}

/// ", he said." / ", said the official." / ", the ministry said in a statement." at `n`.
fn inverted_cue_follows(d: &Doc, syn: &Syntax, n: usize) -> bool {
    let ends = |k: usize| k >= syn.hi || d.p(k, ".") || d.p(k, "?") || d.p(k, "!");
    // ", said X." / ", says X."
    if let Some(vg) = syn.vg_at(n) {
        if vg.a == n && vg.finite && speech_word(d, vg.head) {
            if let Some(np) = syn.np_starting_at(vg.b) {
                let mut e = np.b;
                while e < syn.hi && e < np.b + 12 && !ends(e) {
                    e += 1;
                }
                return ends(e) || d.comma(np.b);
            }
        }
    }
    // ", he said." / ", the official said on Tuesday."
    if let Some(np) = syn.np_starting_at(n) {
        if np.b - np.a <= 6 {
            if let Some(vg) = syn.vg_at(np.b) {
                if vg.a == np.b && vg.finite && speech_word(d, vg.head) {
                    let mut after = skip_adjuncts(d, syn, vg.b, syn.hi);
                    // ", a ministry official told Reuters.": past a short recipient.
                    if let Some(r) = syn.np_starting_at(after).filter(|r| r.b - r.a <= 4) {
                        if !ends(after) && !d.comma(after) {
                            after = skip_adjuncts(d, syn, r.b, syn.hi);
                        }
                    }
                    return ends(after) || d.comma(after);
                }
            }
        }
    }
    false
}

/// A speech verb that can close a content from behind (said, says, added, told ...).
fn speech_word(d: &Doc, k: usize) -> bool {
    d.toks
        .get(k)
        .and_then(|t| t.word.entry())
        .and_then(|e| e.cue())
        .is_some_and(|rows| rows[0].inverted && rows[0].particle.is_empty())
}

/// A time phrase at `k` ("Tuesday", "last week", "on March 5", "earlier this month"): its end.
pub(crate) fn time_phrase(d: &Doc, k: usize, hi: usize) -> Option<usize> {
    let mut j = k;
    if d.is_any(
        j,
        &[
            "on", "in", "at", "during", "since", "by", "until", "over", "late", "early",
        ],
    ) && !d.has(j + 1, class::PRON)
    {
        j += 1;
    }
    while j < hi
        && (d.has(j, class::TIME_MOD)
            || d.is(j, "the")
            || d.is_any(j, &["same", "following", "previous"]))
    {
        j += 1;
    }
    let start = j;
    while j < hi
        && (d.has(j, class::TIME_WORD | class::TIME_ADVERB)
            || d.tag(j) == Tag::CD && j > start
            || d.tag(j) == Tag::CD && d.has(j + 1, class::MONTH)
            || j > 0 && d.comma(j) && d.tag(j + 1) == Tag::CD && d.has(j - 1, class::TIME_WORD))
    {
        j += 1;
    }
    // "ago": "two days ago".
    if j == start && d.tag(j) == Tag::CD && d.has(j + 1, class::TIME_WORD) && d.is(j + 2, "ago") {
        return Some(j + 3);
    }
    if d.is(j, "ago") && j > start {
        j += 1;
    }
    (j > start).then_some(j)
}

/// A channel or manner phrase at `k` ("in a statement", "at a news conference", "in an
/// interview with Reuters", "on Twitter", "by telephone", "in response to questions"): its end.
pub(crate) fn channel_phrase(d: &Doc, syn: &Syntax, k: usize, hi: usize) -> Option<usize> {
    if !d.is_any(
        k,
        &[
            "in", "at", "on", "during", "via", "through", "by", "over", "from", "after",
        ],
    ) {
        return None;
    }
    if d.is(k, "in") && d.is(k + 1, "response") && d.is(k + 2, "to") {
        let np = syn.np_starting_at(k + 3)?;
        return Some(extend_pp(d, syn, np.b, hi, 2));
    }
    let np = syn.np_starting_at(k + 1)?;
    let channel = (np.a..np.b).any(|j| d.has(j, class::CHANNEL))
        || d.is(k, "on")
            && d.is_any(
                np.a,
                &[
                    "twitter",
                    "facebook",
                    "instagram",
                    "television",
                    "radio",
                    "tv",
                ],
            )
        || d.is(k, "by")
            && d.is_any(
                np.a,
                &[
                    "telephone",
                    "phone",
                    "email",
                    "e-mail",
                    "text",
                    "video",
                    "letter",
                ],
            );
    if !channel {
        return None;
    }
    // "in an interview with Reuters", "at a news conference in Geneva".
    Some(extend_pp(d, syn, np.b, hi, 2))
}

/// Extends a phrase ending at `e` over up to `n` following prepositional phrases.
pub(crate) fn extend_pp(d: &Doc, syn: &Syntax, mut e: usize, hi: usize, n: usize) -> usize {
    for _ in 0..n {
        if e < hi && d.is_any(e, &["with", "in", "on", "at", "of", "for", "from", "to"]) {
            if let Some(np) = syn.np_starting_at(e + 1) {
                e = np.b;
                continue;
            }
        }
        break;
    }
    e
}

/// Skips the adjuncts after a cue (time and channel phrases, manner adverbs, a parenthesised
/// aside) and returns where the complement starts.
pub(crate) fn skip_adjuncts(d: &Doc, syn: &Syntax, mut k: usize, hi: usize) -> usize {
    for _ in 0..6 {
        let start = k;
        if d.tag(k).is_adverb()
            && d.lower(k)
            && !d.is_any(
                k,
                &["not", "so", "too", "as", "how", "why", "when", "where"],
            )
        {
            k += 1;
        }
        if let Some(e) = time_phrase(d, k, hi) {
            k = e;
        }
        if let Some(e) = channel_phrase(d, syn, k, hi) {
            k = e;
        }
        // ", in a statement," / ", on Tuesday,".
        if d.comma(k) {
            let inner = time_phrase(d, k + 1, hi).or_else(|| channel_phrase(d, syn, k + 1, hi));
            if let Some(e) = inner.filter(|&e| d.comma(e)) {
                k = e + 1;
            }
        }
        if k == start || k >= hi {
            break;
        }
    }
    // "said at a news briefing in Vienna that ...", "said after a lunch on Tuesday that": a
    // phrase without a verb of its own, then "that".
    if d.tag(k) == Tag::IN && !d.is(k, "that") {
        let t = (k + 1..(k + 12).min(hi))
            .find(|&j| d.is(j, "that") || d.comma(j) || d.quote_mark(j) || syn.vg_at(j).is_some());
        if let Some(t) = t.filter(|&t| d.is(t, "that")) {
            k = t;
        }
    }
    k.min(hi)
}

/// What a complement reader found: the content's pieces and its shape.
#[derive(Clone, Debug)]
pub(crate) struct Complement {
    pub content: Vec<Span>,
    /// The complement kind that matched (one bit of [`Complements`]).
    pub kind: Complements,
    /// First token of the content (for the nesting rules), or the quotation's mark.
    pub first: usize,
}

/// Whether a finite clause starts at `k`: a subject (pronoun, noun phrase, gerund, "there",
/// a wh-word or a quantifier, or a subordinate clause before it: "if she wins, ...") and,
/// within a few tokens, the first finite verb group that is not a relative clause's.
pub(crate) fn clause_at(d: &Doc, syn: &Syntax, k: usize, hi: usize) -> bool {
    if k >= hi {
        return false;
    }
    // "at least 14 people had died", "more than half of voters say": a quantity opens the
    // subject.
    let q = if d.is(k, "at") && d.is_any(k + 1, &["least", "most"])
        || d.is_any(k, &["more", "fewer", "less"]) && d.is(k + 1, "than")
        || d.is(k, "up") && d.is(k + 1, "to")
    {
        k + 2
    } else if d.is_any(
        k,
        &[
            "about", "nearly", "almost", "around", "roughly", "over", "under", "only", "just",
        ],
    ) && d.tag(k + 1) == Tag::CD
    {
        k + 1
    } else {
        k
    };
    if q != k {
        return clause_at(d, syn, q, hi);
    }
    let t = d.tag(k);
    let subject_start = syn.np_starting_at(k).is_some()
        || d.has(
            k,
            class::WH | class::QUANT | class::SUBORDINATOR | class::NUMBER_WORD,
        )
        || matches!(t, Tag::EX | Tag::PRP | Tag::DT | Tag::CD)
        || syn.vg_at(k).is_some_and(|v| v.a == k && v.ing)
        || d.opens(k).is_some();
    if !subject_start || d.is_any(k, &["that", "to"]) && syn.np_starting_at(k).is_none() {
        return false;
    }
    let mut j = k;
    while j < hi && j < k + 30 {
        // `Ali "talked the talk"`: the subject right before a quotation, its verb the
        // quotation's first word (mixed speech).
        if j > k && d.opens(j).is_some() {
            let subject = syn.np_starting_at(k).is_some_and(|np| np.b == j)
                || j == k + 1 && d.tag(k) == Tag::PRP;
            return subject && syn.vg_at(j + 1).is_some_and(|v| v.a == j + 1 && v.finite);
        }
        if d.p(j, ";") || d.p(j, ":") && j > k {
            return false;
        }
        if let Some(vg) = syn.vg_at(j) {
            if vg.a == j {
                let relative = j > k && d.is_any(j - 1, &["who", "which", "that", "whom"]);
                if vg.finite && !relative {
                    return true;
                }
                j = vg.b;
                continue;
            }
        }
        j += 1;
    }
    false
}

impl Complement {
    fn span(d: &Doc, a: usize, end: usize, kind: Complements) -> Option<Complement> {
        if a >= end {
            return None;
        }
        let s = d
            .span(a, end - 1)
            .trim_matches(d.text, &['.', ',', ';', ':', '-', '—']);
        (!s.is_empty()).then(|| Complement {
            content: vec![s],
            kind,
            first: a,
        })
    }
}

/// A quotation opening at `k`, or after a comma or colon at `k`: its fragments.
pub(crate) fn quote_at(d: &Doc, k: usize) -> Option<Complement> {
    let at = if d.comma(k) || d.p(k, ":") { k + 1 } else { k };
    let q = d.opens(at)?;
    let frags = d.quote_fragments(q);
    (!frags.is_empty()).then_some(Complement {
        content: frags,
        kind: Complements::QUOTE,
        first: at,
    })
}

/// A quotation opening after a comma or colon within a few tokens ("said in an op-ed piece
/// before a 2014 Senate hearing, "..."", "said back in the summer of 2015: "...""), with no
/// verb, "that" or other quotation between; or a whole quoted sentence right after a short
/// recipient ("told the Cleveland crowd "If ...?"").
fn quote_after_adjuncts(d: &Doc, syn: &Syntax, k: usize) -> Option<Complement> {
    for j in k..(k + 16).min(syn.hi) {
        if j <= k + 5 && j > k {
            if let Some(q) = d.opens(j).filter(|&q| d.whole_sentence(q, 3)) {
                let frags = d.quote_fragments(q);
                if !frags.is_empty() {
                    return Some(Complement {
                        content: frags,
                        kind: Complements::QUOTE,
                        first: j,
                    });
                }
            }
        }
        if matches!(d.w(j), "." | ";" | "?" | "!" | "(" | ")") || d.quote_mark(j) || d.is(j, "that")
        {
            return None;
        }
        if syn.vg_at(j).is_some_and(|v| v.a == j && v.finite) {
            return None;
        }
        if d.comma(j) || d.p(j, ":") {
            if let Some(q) = quote_at(d, j) {
                return Some(q);
            }
        }
    }
    None
}

/// Reads the complement after a cue whose verb group (and particle) ends at `k`.
pub(crate) fn read(
    d: &Doc,
    syn: &Syntax,
    b: &Bounds,
    k: usize,
    allowed: Complements,
) -> Option<Complement> {
    let hi = syn.hi;
    let k = skip_adjuncts(d, syn, k, hi);
    if k >= hi {
        return None;
    }
    let has = |c| allowed.has(c);
    if has(Complements::QUOTE) {
        if let Some(q) = quote_at(d, k).or_else(|| quote_after_adjuncts(d, syn, k)) {
            // `said "local forces" must lead the way`: a quotation that does not end the
            // clause is part of a reported clause.
            let goes_on = d
                .closes(d.tok_at(q.content.last().map_or(0, |c| c.end)))
                .and_then(|c| d.close_tok(c))
                .is_some_and(|ct| {
                    ct + 1 < hi && !matches!(d.w(ct + 1), "." | "," | ";" | "?" | "!" | ")")
                });
            if goes_on && q.first == k && has(Complements::CLAUSE) && clause_at(d, syn, k, hi) {
                return Complement::span(d, k, b.end(k), Complements::CLAUSE);
            }
            return Some(q);
        }
    }
    if (has(Complements::THAT) || has(Complements::CLAUSE)) && d.is(k, "that") {
        return Complement::span(d, k + 1, b.end(k + 1), Complements::THAT);
    }
    if has(Complements::WH) && (d.has(k, class::WH) || d.is_any(k, &["whether", "if"])) {
        return Complement::span(d, k, b.end(k), Complements::WH);
    }
    if has(Complements::TO) && d.tag(k) == Tag::TO && syn.vg_at(k).is_some_and(|v| v.inf) {
        return Complement::span(d, k, b.end(k), Complements::TO);
    }
    if has(Complements::ING) && syn.vg_at(k).is_some_and(|v| v.a == k && v.ing) {
        return Complement::span(d, k, b.end(k), Complements::ING);
    }
    if has(Complements::PREP) && d.tag(k) == Tag::IN && !d.is_any(k, &["that", "if", "whether"]) {
        return Complement::span(d, k + 1, b.end(k + 1), Complements::PREP);
    }
    if has(Complements::ABOUT) && d.is(k, "about") {
        return Complement::span(d, k + 1, b.end(k + 1), Complements::ABOUT);
    }
    if has(Complements::FOR) && d.is(k, "for") {
        return Complement::span(d, k + 1, b.end(k + 1), Complements::FOR);
    }
    if has(Complements::CLAUSE) && clause_at(d, syn, k, hi) {
        return Complement::span(d, k, b.end(k), Complements::CLAUSE);
    }
    if has(Complements::CLAUSE) {
        if let Some(a) = fronted_phrase(d, syn, k) {
            return Complement::span(d, a, b.end(a), Complements::CLAUSE);
        }
    }
    if has(Complements::OBJ_CLAUSE) {
        if let Some(c) = recipient_then_clause(d, syn, b, k) {
            return Some(c);
        }
    }
    // "called that report ...": a demonstrative the tagger read as a complementizer.
    let np = syn.np_starting_at(k).or_else(|| {
        if d.is(k, "that") {
            syn.np_starting_at(k + 1)
        } else {
            None
        }
    })?;
    let after = extend_pp(d, syn, np.b, hi, 2);
    let obj = [
        (Complements::OBJ_TO, d.tag(after) == Tag::TO),
        (Complements::OBJ_OF, d.is(after, "of")),
        (Complements::OBJ_FOR, d.is(after, "for")),
        (Complements::OBJ_AS, d.is(after, "as")),
        (Complements::OBJ_ON, d.is(after, "on")),
        (Complements::OBJ_NP, second_object(d, syn, after)),
    ];
    for (c, ok) in obj {
        if ok && has(c) {
            return Complement::span(d, k, b.end(k), c);
        }
    }
    if has(Complements::NP) && np.kind != super::syntax::NpKind::Pronoun {
        return Complement::span(d, k, b.end(k), Complements::NP);
    }
    None
}

/// A reported clause that opens with a fronted phrase: "says, win or lose on Tuesday, he is
/// staying", "says despite being an alumna, she will root for Iowa". The phrase (after a
/// comma, or a preposition or subordinator) runs to a comma within a few tokens, a clause
/// follows it, and no main verb comes between: where the content starts, the phrase's first
/// token.
fn fronted_phrase(d: &Doc, syn: &Syntax, k: usize) -> Option<usize> {
    const MAX_PHRASE: usize = 14;
    let hi = syn.hi;
    let a = if d.comma(k) { k + 1 } else { k };
    let opener = d.tag(a) == Tag::IN || d.has(a, class::SUBORDINATOR);
    if a >= hi
        || !(d.comma(k) || opener)
        || d.has(a, class::WH)
        || d.is_any(a, &["that", "and", "but", "or", "as", "like", "of"])
        || syn.vg_at(a).is_some_and(|v| v.a == a && v.ing)
    {
        return None;
    }
    // A subordinate clause ("if she wins,") may have its own verb; a bare phrase may not.
    let subordinate = d.has(a, class::SUBORDINATOR);
    for j in a + 1..(a + MAX_PHRASE).min(hi) {
        if d.comma(j) {
            let next = j + 1;
            let ok = !d.has(next, class::WH)
                && !d.is_any(next, &["and", "but", "or", "which", "who"])
                && clause_at(d, syn, next, hi);
            return ok.then_some(a);
        }
        if matches!(d.w(j), "." | ";" | ":" | "?" | "!" | "(" | ")") || d.quote_mark(j) {
            return None;
        }
        // A bare phrase has no finite verb, infinitive or participle of its own ("pledged in
        // Paris to take action, an official said ..." is no fronted phrase), save a gerund
        // after its preposition ("despite being ...") and bare verbs ("win or lose").
        let verb = syn
            .vg_at(j)
            .is_some_and(|v| v.a == j && (v.finite || v.inf || v.ing && d.tag(j - 1) != Tag::IN));
        if !subordinate && verb {
            return None;
        }
    }
    None
}

/// "told Reuters (on Tuesday) (that) CLAUSE", "told reporters: "QUOTE"", "assured them that".
fn recipient_then_clause(d: &Doc, syn: &Syntax, b: &Bounds, k: usize) -> Option<Complement> {
    let hi = syn.hi;
    let np = syn.np_starting_at(k)?;
    if np.b - np.a > 8 {
        return None;
    }
    let after = extend_pp(d, syn, np.b, hi, 1);
    let after = skip_adjuncts(d, syn, after, hi);
    if let Some(q) = quote_at(d, after) {
        return Some(q);
    }
    if d.is(after, "that") {
        return Complement::span(d, after + 1, b.end(after + 1), Complements::OBJ_CLAUSE);
    }
    if d.has(after, class::WH) || d.is_any(after, &["whether", "if"]) {
        return Complement::span(d, after, b.end(after), Complements::WH);
    }
    if d.tag(after) == Tag::TO && syn.vg_at(after).is_some_and(|v| v.inf) {
        return Complement::span(d, np.a, b.end(np.a), Complements::OBJ_TO);
    }
    if clause_at(d, syn, after, hi) {
        return Complement::span(d, after, b.end(after), Complements::OBJ_CLAUSE);
    }
    // "Trump told CNN, his policy would be ...": a comma after the recipient, then the
    // clause (not a relative one: "told CNN, which aired it, ...").
    let next = after + 1;
    if d.comma(after)
        && !d.has(next, class::WH)
        && !d.is_any(next, &["that", "and", "but", "or", "adding", "saying"])
        && clause_at(d, syn, next, hi)
    {
        return Complement::span(d, next, b.end(next), Complements::OBJ_CLAUSE);
    }
    None
}

/// A second object after the first ("called [him] a liar", "called [the plan] "a disaster"",
/// "called [that report] Friday a "boldfaced lie""): a noun phrase or a quotation, past a time
/// phrase, possibly with a determiner before a scare quote.
fn second_object(d: &Doc, syn: &Syntax, k: usize) -> bool {
    let k = time_phrase(d, k, syn.hi).unwrap_or(k);
    syn.np_starting_at(k)
        .is_some_and(|np| time_phrase(d, np.a, syn.hi).is_none())
        || d.opens(k).is_some()
        || d.has(k, class::DET)
            && (d.opens(k + 1).is_some() || d.tag(k + 1).is_adj() && d.opens(k + 2).is_some())
}
