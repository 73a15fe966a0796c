//! Attribution stage: who said what.
//!
//! For every body sentence the stage finds cues (a lexicon of reporting verbs and phrases,
//! each with its frame), then reads the source and content around each cue from the shapes
//! news writing uses:
//!
//! | shape | example |
//! |---|---|
//! | `SOURCE said (that) CONTENT` | `China's foreign ministry said ... that it was not aware ...` |
//! | `SOURCE told RECIPIENT (that) CONTENT` | `The office told Reuters that China may have held talks` |
//! | `CONTENT, SOURCE said.` | `..., the official said.` |
//! | `CONTENT, said SOURCE, APPOSITIVE.` | `..., said David Mathieson, an independent analyst.` |
//! | `according to SOURCE, CONTENT` / `CONTENT, according to SOURCE` | `..., according to three people familiar with the matter.` |
//! | `"QUOTE," SOURCE said` / `SOURCE said: "QUOTE"` | `"...," a ministry spokesperson said.` |
//! | `"A," she said, "B."` | one claim, two fragments |
//! | `CONTENT, she said: "QUOTE"` | mixed |
//! | `..., adding that CONTENT` | a second claim by the same source |
//! | `X, an activist who said CONTENT` | relative clause |
//! | `analysts estimate`, `leaders believe` | belief frames |
//! | a quote paragraph with no cue | the previous claim's source |
//!
//! Sources are typed (`person`, `anonymous`, `organization`, `document`, `unknown`) from
//! their head and the entities inside them, and pronouns ("she", "it") and definite
//! descriptions ("the official") are resolved to the earlier mention they refer to.
//! Non-responses ("did not respond to a request for comment") go to `no_comment`.

mod lexicon;
pub mod numbers;
pub mod quotes;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::gazetteer::{Entity, Label, Origin};
use crate::segmentation::{Token, TokenKind};
use crate::span::Span;

pub use lexicon::{Frame, Lexicon};
use numbers::{Numbers, Quantity};
use quotes::{find_quotes, Quote};

/// A sentence as the attribution stage sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span.
    pub span: Span,
    /// Its tokens: indices into the document's token list.
    pub tokens: std::ops::Range<usize>,
    /// The block (line) it lies in.
    pub block: usize,
    /// Whether it is article body (claims come only from body sentences).
    pub body: bool,
}

/// Direct, indirect or mixed speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech, no quotation marks.
    Indirect,
    /// Reported speech with quoted words in it.
    Mixed,
}

/// What kind of source a claim has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// A named person.
    Person,
    /// A person or people without a name: "a KIA official", "three people familiar with the matter".
    Anonymous,
    /// An institution: "the ministry", "Reuters", "the junta spokesperson's office".
    Organization,
    /// Data, statements, reports: "Chinese customs data", "a statement".
    Document,
    /// Anything else (an unresolved pronoun).
    Unknown,
}

/// An earlier mention a source refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the mention.
    pub span: Span,
    /// Index of the entity at the mention, if any.
    pub entity: Option<usize>,
}

/// The source of a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The whole noun phrase with its appositive.
    pub span: Span,
    /// The name or role noun.
    pub head: Span,
    /// Source type.
    pub kind: SourceType,
    /// Index of the entity the source names, if any.
    pub entity: Option<usize>,
    /// For pronouns, definite descriptions and cue-less quotes: the mention referred to.
    pub resolved: Option<Mention>,
}

/// One attributed claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Index of the sentence holding the cue (or the quote, for a cue-less quote).
    pub sentence: usize,
    /// Direct, indirect or mixed.
    pub kind: ClaimKind,
    /// Who.
    pub source: Source,
    /// The cue, absent for a cue-less quote.
    pub cue: Option<Span>,
    /// Hull of the content.
    pub content: Span,
    /// The content's pieces when it is discontinuous (`"A," she said, "B."`); empty otherwise.
    pub fragments: Vec<Span>,
    /// Which shape found it (`said_that`, `inverted`, `according_to`, `quote_cue_after`, ...).
    pub pattern: &'static str,
    /// Indices of the entities inside the content.
    pub entities: Vec<usize>,
    /// Numbers inside the content.
    pub numbers: Vec<Quantity>,
}

/// A recorded non-response ("did not respond to a request for comment").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoComment {
    /// Sentence index.
    pub sentence: usize,
    /// Who did not respond.
    pub subject: Span,
    /// The phrase.
    pub cue: Span,
    /// For a pronoun or definite subject, the earlier mention.
    pub resolved: Option<Mention>,
}

/// What the stage returns for one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Non-responses in text order.
    pub no_comment: Vec<NoComment>,
}

/// The attribution extractor. Build once, share across threads.
///
/// ```
/// use claimex::attribution::{Attributor, ClaimKind, SourceType};
/// use claimex::pipeline::Pipeline;
/// let p = Pipeline::builder().builtin_gazetteers(false).build().unwrap();
/// let text = "Headline\nPrices will rise, said David Mathieson, an independent analyst.\n";
/// let ann = p.annotate(&claimex::Document::new("d", text));
/// let c = &ann.attribution.claims[0];
/// assert_eq!(c.content.slice(text), "Prices will rise");
/// assert_eq!(c.source.span.slice(text), "David Mathieson, an independent analyst");
/// assert_eq!(c.source.kind, SourceType::Person);
/// assert_eq!(c.kind, ClaimKind::Indirect);
/// ```
pub struct Attributor {
    lex: Lexicon,
    numbers: Numbers,
}

impl Default for Attributor {
    fn default() -> Self {
        Attributor::new()
    }
}

/// Words skipped between a source and its cue: "has said", "also told", "would later say".
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "would",
    "will",
    "previously",
    "later",
    "earlier",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "then",
    "further",
    "again",
    "recently",
    "just",
    "already",
    "reportedly",
    "long",
    "often",
    "has",
    "once",
    "still",
    "directly",
    "told",
    "in",
    "turn",
    "last",
    "year",
    "don't",
    "doesn't",
    "didn't",
    "don’t",
    "doesn’t",
    "didn’t",
    "do",
    "does",
    "did",
];
const DETS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "some",
    "many",
    "several",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "another",
    "each",
    "both",
    "all",
    "most",
    "few",
    "other",
    "senior",
    "two-thirds",
];
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "He", "She", "It", "They", "We", "I", "You",
];
/// Words that cannot be inside a subject noun phrase.
const VERBISH: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "not", "that", "which",
    "if", "when", "while", "because", "but", "although", "though", "since", "so", "as", "than",
    "whether", "where", "after", "before", "until", "unless", "there", "then", "also", "to",
    "into", "by", "about", "over", "under", "what", "how", "why", "upon",
    // Irregular past tenses that are not also participles ("a filing made public" is a noun
    // phrase, "Mrs. Clinton shook her head" is not).
    "shook", "took", "gave", "went", "came", "spoke", "wrote", "began", "ran", "saw", "knew",
    "drew",
];
/// Words that cannot be inside a source noun phrase (prepositions can: "an adviser to the group").
const NOT_IN_NP: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "not", "that", "if",
    "when", "while", "because", "but", "although", "though", "since", "so", "than", "whether",
    "where", "there", "then",
];
/// After a comma, these start a clause that ends a content ("..., adding that ...").
const CONTENT_STOPS: &[&str] = &[
    "adding",
    "saying",
    "citing",
    "noting",
    "without",
    "according",
    "declining",
    "arguing",
    "warning",
    "stressing",
    "insisting",
];
const RELATIVE: &[&str] = &["who", "which", "whose", "whom"];
/// Words after which a clause, and so a subject, may start.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "however",
    "meanwhile",
    "instead",
    "yet",
    "though",
    "while",
    "because",
    "as",
    "since",
    "although",
    "that",
    "when",
];
/// First words of an opening subordinate or prepositional clause.
const SUBORDINATORS: &[&str] = &[
    "last",
    "earlier",
    "later",
    "yesterday",
    "today",
    "meanwhile",
    "however",
    "still",
    "instead",
    "now",
    "after",
    "although",
    "as",
    "because",
    "before",
    "despite",
    "during",
    "following",
    "if",
    "in",
    "on",
    "since",
    "though",
    "unlike",
    "when",
    "while",
    "with",
    "at",
];
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "previously",
    "separately",
    "privately",
    "publicly",
    "repeatedly",
    "also",
    "again",
    "late",
    "early",
    "this",
    "last",
];

impl Attributor {
    /// The extractor with the built-in lexicons.
    pub fn new() -> Attributor {
        Attributor {
            lex: Lexicon::new(),
            numbers: Numbers::new(),
        }
    }

    /// Extracts claims and non-responses. `paragraphs` are the byte spans of the body blocks,
    /// in order (quotations are paired within them and continue across them).
    pub fn extract(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        entities: &[Entity],
        paragraphs: &[Span],
    ) -> Attribution {
        let quotes = find_quotes(text, paragraphs);
        let open_at = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.open.start, i))
            .collect();
        let close_at = quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.close.map(|c| (c.start, i)))
            .collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.span().slice(text)).collect();
        let info = token_info(&self.lex, &words, tokens);
        let cx = Cx {
            info,
            text,
            toks: tokens,
            words,
            sents: sentences,
            ents: entities,
            lex: &self.lex,
            quotes,
            open_at,
            close_at,
        };
        let mut drafts: Vec<Draft> = Vec::new();
        let mut no_comment = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            if !s.body || s.tokens.is_empty() {
                continue;
            }
            let blocked = cx.no_comments(si, &mut no_comment);
            let start_len = drafts.len();
            let mut k = s.tokens.start;
            while k < s.tokens.end {
                if blocked.iter().any(|b| b.contains(&k)) {
                    k += 1;
                    continue;
                }
                if let Some(frame) = cx.cue_at(k, si) {
                    let before = drafts.len();
                    cx.frame(si, k, frame, &mut drafts, start_len);
                    // "read", "reads": an attribution only when what is read is quoted.
                    if cx.is_any(k, &["read", "reads", "reading"]) {
                        let quoted = |d: &Draft| {
                            d.fragments
                                .first()
                                .is_some_and(|f| cx.quote_at(f.start).is_some())
                        };
                        let mut i = before;
                        while i < drafts.len() {
                            if quoted(&drafts[i]) {
                                i += 1;
                            } else {
                                drafts.remove(i);
                            }
                        }
                    }
                    if drafts.len() == before && matches!(frame, Frame::Speech | Frame::Tell) {
                        cx.cue_then_quote(si, k, &mut drafts);
                    }
                    if drafts.len() > before {
                        // Skip the cue's own tokens (e.g. "according to").
                        k = cx
                            .tok_index_at(
                                drafts[before..]
                                    .iter()
                                    .filter_map(|d| d.cue)
                                    .map(|c| c.end)
                                    .max()
                                    .unwrap_or(0),
                            )
                            .max(k + 1);
                        continue;
                    }
                }
                k += 1;
            }
        }
        cx.cueless_quotes(&mut drafts);
        let mut claims = cx.finish(drafts, &self.numbers);
        cx.resolve(&mut claims, &mut no_comment);
        Attribution { claims, no_comment }
    }
}

/// The lexicon's view of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenInfo {
    /// The token is a cue of this frame.
    pub cue: Option<Frame>,
    /// The token starts a non-response phrase.
    pub no_comment: bool,
}

/// One lookup per word token: lower-cased in a stack buffer, then the two word lists.
fn token_info(lex: &Lexicon, words: &[&str], tokens: &[Token]) -> Vec<TokenInfo> {
    let mut buf = [0u8; 32];
    tokens
        .iter()
        .zip(words)
        .map(|(t, &w)| {
            if t.kind != TokenKind::Word
                || w.len() < 2
                || w.len() > 14
                || !lex.starts_word(w.as_bytes())
            {
                return TokenInfo::default();
            }
            match lower(w, &mut buf) {
                Some(l) => lex.words.get(l).copied().unwrap_or_default(),
                None => TokenInfo::default(),
            }
        })
        .collect()
}

/// A claim under construction.
#[derive(Clone, Debug)]
struct Draft {
    sentence: usize,
    source: Span,
    cue: Option<Span>,
    fragments: Vec<Span>,
    pattern: &'static str,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Each token's text, sliced once: the rules look at words many times over.
    words: Vec<&'a str>,
    sents: &'a [Sentence],
    ents: &'a [Entity],
    lex: &'a Lexicon,
    quotes: Vec<Quote>,
    /// What the word lists say of each token (looked up once per document).
    info: Vec<TokenInfo>,
    /// Quote index by the byte where its opening / closing mark starts.
    open_at: HashMap<usize, usize>,
    close_at: HashMap<usize, usize>,
}

impl<'a> Cx<'a> {
    fn w(&self, k: usize) -> &'a str {
        self.words.get(k).copied().unwrap_or("")
    }

    fn is(&self, k: usize, s: &str) -> bool {
        self.w(k).eq_ignore_ascii_case(s)
    }

    fn is_any(&self, k: usize, set: &[&str]) -> bool {
        let w = self.w(k);
        set.iter().any(|s| w.eq_ignore_ascii_case(s))
    }

    fn cap(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && self.w(k).starts_with(char::is_uppercase)
    }

    fn punct(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    fn is_quote_mark(&self, k: usize) -> bool {
        match self.w(k) {
            "\"" | "“" | "”" | "«" | "»" | "''" | "‘" => true,
            // "the Sahel Farmers' Union": a plural possessive, not a closing quote.
            "'" | "’" => {
                !(k > 0
                    && self.w(k - 1).ends_with('s')
                    && self.toks[k - 1].span().end == self.toks[k].span().start
                    && self.cap(k + 1)
                    && self.quote_closing_at(k).is_none())
            }
            _ => false,
        }
    }

    /// Index of the quote whose inner text contains byte `pos`.
    fn quote_at(&self, pos: usize) -> Option<usize> {
        // Quotes are in text order and do not overlap.
        let i = self.quotes.partition_point(|q| q.inner.start <= pos);
        let q = i.checked_sub(1)?;
        (pos < self.quotes[q].inner.end).then_some(q)
    }

    /// The quote that closes at token `k` (its closing mark).
    fn quote_closing_at(&self, k: usize) -> Option<usize> {
        self.close_at.get(&self.toks.get(k)?.span().start).copied()
    }

    /// The quote that opens at token `k`.
    fn quote_opening_at(&self, k: usize) -> Option<usize> {
        self.open_at.get(&self.toks.get(k)?.span().start).copied()
    }

    /// Indices of the entities inside `span` (entities are sorted and do not overlap).
    fn entities_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.ents.partition_point(|e| e.span.start < span.start);
        let mut b = a;
        while b < self.ents.len() && self.ents[b].span.end <= span.end {
            b += 1;
        }
        a..b
    }

    /// Token index of the first token starting at or after byte `pos`.
    fn tok_index_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span().start < pos)
    }

    /// Fragments of a quotation chain starting at quote `q` (one per paragraph), trimmed of
    /// the final comma or period inside the marks.
    fn quote_fragments(&self, q: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut cur = Some(q);
        while let Some(i) = cur {
            let inner = self.quotes[i].inner.trim_matches(self.text, &[',', ';']);
            let inner = if self.quotes[i].close.is_some() {
                strip_final_period(self.text, inner)
            } else {
                inner
            };
            if !inner.is_empty() {
                out.push(inner);
            }
            cur = self.quotes[i].next;
        }
        out
    }

    /// The cue frame of token `k`, if it is a usable cue here.
    fn cue_at(&self, k: usize, si: usize) -> Option<Frame> {
        let t = self.toks.get(k)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let frame = match self.info.get(k).and_then(|i| i.cue) {
            Some(f) => f,
            // Words outside the lexicon are cues only right before a colon, a comma or a
            // particle: one comparison rules out most tokens (this runs for every word).
            None if !matches!(
                self.w(k + 1),
                ":" | "," | "back" | "out" | "up" | "in" | "on" | "it" | "a"
            ) =>
            {
                return None
            }
            // Any verb introducing a quotation after a colon: "Kasich resisted: "..."",
            // "Mr. Smith shot back: "..."".
            None if self.verb_before_colon_quote(k) => Frame::Speech,
            // "She went on: "..."", "as Tom Ridge put it: "..."", "issued a statement, "..."".
            None if self.quote_phrase_end(k).is_some() => Frame::Speech,
            // "Trump shot back", "fired back", "hit back".
            None if matches!(self.w(k), "shot" | "fired" | "hit" | "pushed" | "snapped")
                && self.is(k + 1, "back") =>
            {
                Frame::Speech
            }
            None => return None,
        };
        if frame == Frame::According {
            return self.is(k + 1, "to").then_some(frame);
        }
        // Reporting verbs inside a quotation are quoted speech, not attributions.
        if self.quote_at(t.span().start).is_some() {
            return None;
        }
        let s = &self.sents[si];
        // "the United States", "the Granite State": a capital inside running text is a name,
        // not a verb (headlines in Title Case excepted: "Trump Says He Will Win").
        if self.cap(k) && k > s.tokens.start && !self.headline_case(si) {
            let prev = self.w(k - 1);
            if !(self.is_quote_mark(k - 1) || matches!(prev, ":" | "—" | "–" | "(")) {
                return None;
            }
        }
        // "Editor's note:", "Trump's call": a possessive makes the cue a noun.
        if k > s.tokens.start && self.is_any(k - 1, &["'s", "’s"]) {
            return None;
        }
        // Words that are nouns or plain verbs far more often than cues ("his home state",
        // "maintained his lead", "continued to climb") count only before "that", a colon
        // or a comma, or right after a quotation they attribute.
        if self.is_any(
            k,
            &[
                "state",
                "states",
                "note",
                "notes",
                "maintain",
                "maintains",
                "maintained",
                "continue",
                "continued",
                "continues",
            ],
        ) {
            let complement = self.is_any(k + 1, &["that", ":", ","]);
            let after_quote = matches!(self.w(k + 1), "," | ".")
                && (k.saturating_sub(8).max(s.tokens.start)..k)
                    .any(|j| self.quote_closing_at(j).is_some());
            if !complement && !after_quote {
                return None;
            }
        }
        let prev = if k > s.tokens.start {
            self.w(k - 1)
        } else {
            ""
        };
        let prev_l = prev.to_ascii_lowercase();
        // "was told", "is said to", "the said", "did not say", "not known".
        if matches!(
            prev_l.as_str(),
            "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "being"
                | "the"
                | "a"
                | "not"
                | "never"
                | "n't"
                | "to"
                | "cannot"
                | "could"
                | "should"
                | "might"
        ) {
            // "Mr. Trump was prompted to say, "..."", "went so far as to say: "..."": the
            // infinitive introduces the quotation that follows.
            let to_quote = prev_l == "to"
                && frame == Frame::Speech
                && matches!(self.w(k + 1), "," | ":")
                && self.quote_opening_at(k + 2).is_some();
            if !to_quote {
                return None;
            }
        }
        let next = self.w(k + 1);
        // "is said to be", "expected to": a verb follows "to"; "said to People", "wrote to
        // his colleagues": a recipient does.
        let to_verb = next.eq_ignore_ascii_case("to")
            && (frame != Frame::Speech
                || self.is_any(
                    k + 2,
                    &[
                        "be",
                        "have",
                        "been",
                        "include",
                        "contain",
                        "cost",
                        "reach",
                        "number",
                        "total",
                        "represent",
                        "make",
                        "take",
                        "get",
                        "go",
                        "come",
                        "do",
                        "give",
                    ],
                ));
        // "was said by", but not "said by telephone".
        let by_agent = next.eq_ignore_ascii_case("by")
            && !self.is_any(
                k + 2,
                &[
                    "telephone",
                    "phone",
                    "email",
                    "e-mail",
                    "text",
                    "video",
                    "satellite",
                    "letter",
                ],
            );
        if to_verb || by_agent || next == "-" {
            return None;
        }
        if frame == Frame::Tell && next.eq_ignore_ascii_case("to") {
            return None;
        }
        if next.eq_ignore_ascii_case("tank") || next.eq_ignore_ascii_case("tanks") {
            return None;
        }
        // "the storm claimed 20 lives", "claimed the title": taking, not saying. ("claimed
        // victory" and "claimed responsibility" are claims a fact-checker can check.)
        if self.is_any(k, &["claim", "claims", "claimed", "claiming"])
            && (self.is_any(
                k + 1,
                &["lives", "asylum", "seat", "seats", "prize", "title"],
            ) || self.is(k + 1, "the")
                && self.is_any(k + 2, &["lives", "title", "seat", "prize"]))
        {
            return None;
        }
        // "think about it", "thought of leaving": no claim follows.
        if self.is_any(k, &["think", "thinks", "thought", "thinking"])
            && self.is_any(k + 1, &["about", "of"])
        {
            return None;
        }
        // "protecting alleged sexual abusers": an adjective before its noun; the verb takes a
        // clause ("alleged that", "alleged the company ...", "alleged, ...").
        if self.is_any(k, &["alleged", "reported", "claimed", "purported"])
            && self.w(k + 1).starts_with(char::is_lowercase)
            && !self.is_any(k + 1, DETS)
            && !PRONOUNS.contains(&self.w(k + 1))
            && !self.is_any(
                k + 1,
                &["that", "in", "on", "at", "to", "last", "this", "earlier"],
            )
            && !self.lex.source_nouns.contains_key(self.w(k + 1))
            && self.w(k + 1).chars().all(char::is_alphabetic)
            && k > s.tokens.start
            && (self.w(k - 1).ends_with("ing")
                || self.is_any(
                    k - 1,
                    &[
                        "of", "for", "to", "with", "against", "on", "and", "by", "his", "her",
                        "their", "its",
                    ],
                ))
        {
            return None;
        }
        // "posted a time of 2:05:45", "posted a loss": results, not words.
        if self.is_any(k, &["posted", "posts", "post"])
            && self.is_any(k + 1, DETS)
            && self.is_any(
                k + 2,
                &[
                    "time", "loss", "profit", "gain", "record", "win", "victory", "score",
                    "deficit",
                ],
            )
        {
            return None;
        }
        // "quoted the president as saying "..."": "saying" carries the claim, the words
        // between are the speaker.
        if self.is_any(k, &["quoted", "quotes", "quoting", "cited", "cites"])
            && (k + 1..(k + 10).min(s.tokens.end))
                .take_while(|&j| !self.punct(j) || self.is_any(j, &["'s", "’s", "."]))
                .any(|j| self.is(j, "as") && self.is_any(j + 1, &["saying", "telling"]))
        {
            return None;
        }
        // "an aide who asked not to be named", "asked to remain anonymous": a request.
        if self.is_any(k, &["asked", "asking", "requested"])
            && (self.is_any(k + 1, &["not", "to"])
                || self.is(k + 1, "that") && self.is_any(k + 3, &["name", "identity"]))
        {
            return None;
        }
        Some(frame)
    }

    /// Whether sentence `si` is set in Title Case, as headlines are.
    fn headline_case(&self, si: usize) -> bool {
        let s = &self.sents[si];
        let (mut words, mut caps) = (0usize, 0usize);
        for k in s.tokens.clone() {
            if self.toks[k].kind == TokenKind::Word && self.w(k).len() > 3 {
                words += 1;
                caps += usize::from(self.cap(k));
            }
        }
        words >= 2 && caps * 10 >= words * 7
    }

    /// A lower-case verb-like word (past tense, third person, or with a particle) right
    /// before `: "QUOTE"`.
    fn verb_before_colon_quote(&self, k: usize) -> bool {
        let w = self.w(k);
        let colon = if matches!(self.w(k + 1), "back" | "out" | "up" | "in") {
            k + 2
        } else {
            k + 1
        };
        // "Hillary Clinton cracked, "..."": a comma does too, right after a name or pronoun.
        let comma_ok = self.w(colon) == ","
            && w.ends_with("ed")
            && k > 0
            && (self.cap(k - 1) || PRONOUNS.contains(&self.w(k - 1)))
            && !self.is_any(k - 1, DETS);
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
            && (self.w(colon) == ":" || comma_ok)
            && self.quote_opening_at(colon + 1).is_some()
    }

    /// Records non-responses in sentence `si`; returns the token ranges they cover.
    fn no_comments(&self, si: usize, out: &mut Vec<NoComment>) -> Vec<std::ops::Range<usize>> {
        let s = &self.sents[si];
        let mut blocked = Vec::new();
        let mut k = s.tokens.start;
        while k < s.tokens.end {
            if !self.info.get(k).is_some_and(|i| i.no_comment) {
                k += 1;
                continue;
            }
            // Only the phrases that start with this word ("did", "could", "was" are common).
            let mut buf = [0u8; 32];
            let bucket = lower(self.w(k), &mut buf)
                .and_then(|l| self.lex.no_comment_by_first.get(l))
                .map_or(&[][..], |v| v.as_slice());
            let hit = bucket
                .iter()
                .map(|&i| &self.lex.no_comment[i])
                .find(|phrase| {
                    phrase
                        .iter()
                        .enumerate()
                        .all(|(i, w)| k + i < s.tokens.end && self.is(k + i, w))
                });
            if let Some(phrase) = hit {
                let end = k + phrase.len();
                if let Some(start) = self.subject_before(k, s.tokens.start) {
                    out.push(NoComment {
                        sentence: si,
                        subject: self.tspan(start, k - 1),
                        cue: self.tspan(k, end - 1),
                        resolved: None,
                    });
                }
                blocked.push(k..end);
                k = end;
            } else {
                k += 1;
            }
        }
        blocked
    }

    /// The subject noun phrase that ends right before token `k` ("A senior KIA general did
    /// not respond"; "..., but it did not respond").
    fn subject_before(&self, k: usize, floor: usize) -> Option<usize> {
        let mut j = k;
        while j > floor
            && self.is_any(
                j - 1,
                &["also", "still", "immediately", "later", "so", "far"],
            )
        {
            j -= 1;
        }
        if j == floor {
            return None;
        }
        self.np_back(j - 1, floor)
    }

    /// Span from token `a` to token `b` inclusive.
    fn tspan(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span().start, self.toks[b].span().end)
    }

    /// A noun phrase ending at token `end` (inclusive), not before `floor`. Returns its first
    /// token and whether it carries an appositive (`NP, APPOSITIVE`).
    fn np_back(&self, end: usize, floor: usize) -> Option<usize> {
        if end < floor || self.punct(end) && !self.is_any(end, &["'s", "’s", "'", "’", ")", "."])
        {
            return None;
        }
        // Pronoun subject.
        if PRONOUNS.contains(&self.w(end)) {
            return Some(end);
        }
        let start;
        let mut j = end;
        loop {
            if j == floor {
                start = j;
                break;
            }
            let p = j - 1;
            let w = self.w(p);
            let wl = w.to_ascii_lowercase();
            if w == ")" {
                // A parenthesis inside the phrase: "Gov. John Kasich (R-OH)".
                if let Some(open) = (p.saturating_sub(8).max(floor)..p)
                    .rev()
                    .find(|&k| self.w(k) == "(")
                {
                    j = open;
                    continue;
                }
            }
            if self.is_quote_mark(p)
                || matches!(w, "," | ";" | ":" | "(" | "—" | "–" | "." | "?" | "!")
            {
                start = j;
                break;
            }
            let in_compound = self.w(p + 1) == "-" || p > 0 && self.w(p - 1) == "-";
            if VERBISH.contains(&wl.as_str())
                || self.lex.cues.contains_key(wl.as_str()) && !self.cap(p) && !in_compound
            {
                start = j;
                break;
            }
            if wl == "and" || wl == "or" {
                // Coordinated sources ("the commander and the official") but not clauses.
                if j < self.toks.len()
                    && (self.is_any(j, DETS) || self.cap(j))
                    && p > floor
                    && !self.punct(p - 1)
                {
                    j = p;
                    continue;
                }
                start = j;
                break;
            }
            j = p;
            if end - j > 14 {
                return None;
            }
        }
        if start > end {
            return None;
        }
        // Drop a leading adverbial ending in a comma is handled by the comma stop; drop
        // leading conjunctions.
        let mut s = start;
        while s <= end
            && self.is_any(
                s,
                &["but", "and", "so", "yet", "however", "meanwhile", "instead"],
            )
        {
            s += 1;
        }
        if s > end || !self.np_like(s, end) {
            return None;
        }
        Some(s)
    }

    /// Whether tokens `a..=b` can be a source noun phrase.
    fn np_like(&self, a: usize, b: usize) -> bool {
        // A core of at most 15 tokens; an appositive after a comma may make it 32.
        let first_comma = (a..=b).find(|&k| self.w(k) == ",").unwrap_or(b + 1);
        if first_comma - a > 15 || b - a > 32 {
            return false;
        }
        let first = self.w(a);
        let ok_start = self.cap(a)
            || self.is_any(a, DETS)
            || PRONOUNS.contains(&first)
            || self.toks[a].kind == TokenKind::Number
            || first.starts_with(char::is_lowercase);
        if !ok_start {
            return false;
        }
        // The last word must be a name or a noun-ish word, not a preposition or article
        // ("Al From" is a name).
        let last = if self.cap(b) {
            String::new()
        } else {
            self.w(b).to_ascii_lowercase()
        };
        if DETS.contains(&last.as_str()) && last != "one"
            || matches!(
                last.as_str(),
                "of" | "at" | "in" | "on" | "for" | "with" | "from" | "and" | "or"
            )
        {
            return false;
        }
        (a..=b).all(|k| !self.is_any(k, NOT_IN_NP))
    }

    /// `NP, APPOSITIVE,` ending at the comma token `comma` (the one right before the cue).
    /// Returns the NP's first token and the appositive's first token.
    fn appositive_back(&self, comma: usize, floor: usize) -> Option<(usize, usize)> {
        self.appositive_back_in(comma, floor, true)
    }

    /// As [`Cx::appositive_back`]; `opening` requires the noun phrase to open its clause
    /// (a subject), which a relative pronoun's antecedent need not.
    fn appositive_back_in(
        &self,
        comma: usize,
        floor: usize,
        opening: bool,
    ) -> Option<(usize, usize)> {
        // Walk back over up to four commas ("Cecelia Purner, 67, a retired representative in
        // Allentown, Pa., said"): the first that has a short noun phrase before it opening
        // the clause, and an appositive-like piece after it, wins.
        let lim = comma.saturating_sub(40).max(floor);
        let mut j = comma;
        let mut commas = 0;
        while j > lim && commas < 4 {
            j -= 1;
            if matches!(self.w(j), ";" | ":" | "." | "\"" | "“" | "”" | "''") {
                break;
            }
            if self.w(j) != "," {
                continue;
            }
            commas += 1;
            let (pc, app) = (j, j + 1);
            if app >= comma || !self.appositive_start(app, comma) {
                continue;
            }
            let Some(s) = (pc > floor).then(|| self.np_back(pc - 1, floor)).flatten() else {
                continue;
            };
            if pc - s > 8 {
                continue;
            }
            // The noun phrase must open its clause.
            let before = s.checked_sub(1).filter(|&b| b >= floor);
            let opens = before.is_none_or(|b| {
                matches!(self.w(b), "," | ";" | ":")
                    || self.is_quote_mark(b)
                    || self.is_any(
                        b,
                        &["but", "and", "meanwhile", "however", "as", "while", "when"],
                    )
            });
            if opens || !opening {
                return Some((s, app));
            }
        }
        None
    }

    /// Whether the piece starting at token `app` (up to `end`) reads like an appositive: "a
    /// former director", "67", "of RBC Capital Markets", "who ...", a role, or a short name.
    fn appositive_start(&self, app: usize, end: usize) -> bool {
        let aw = self.w(app).to_ascii_lowercase();
        matches!(
            aw.as_str(),
            "a" | "an"
                | "of"
                | "the"
                | "who"
                | "which"
                | "whose"
                | "one"
                | "both"
                | "his"
                | "her"
                | "its"
                | "their"
                | "former"
                | "then"
        )             || self.toks[app].kind == TokenKind::Number
            || self.lex.roles.contains(aw.as_str())
            || self.cap(app) && end - app <= 8
            // "Norway's foreign ministry, replying to questions from the Ledger, said"
            || aw.ends_with("ing") && end - app <= 12
    }

    /// A noun phrase starting at token `a`, up to `ceil` (exclusive): the whole rest of the
    /// clause, cut before relative clauses, participle clauses and time adverbials.
    fn np_fwd(&self, a: usize, ceil: usize, stop_at_comma: bool) -> Option<usize> {
        if a >= ceil {
            return None;
        }
        let mut k = a;
        let mut last = None;
        while k < ceil {
            let w = self.w(k);
            let wl = w.to_ascii_lowercase();
            if matches!(w, "." | ";" | ":" | "?" | "!" | "(" | ")")
                || self.is_quote_mark(k)
                || w == "—"
                || w == "–"
            {
                break;
            }
            if w == "," {
                if stop_at_comma {
                    break;
                }
                let nx = self.w(k + 1).to_ascii_lowercase();
                // ", urging calm", ", noting that ...": a participle phrase is not the name's.
                let participle = nx.len() > 4
                    && nx.ends_with("ing")
                    && self.w(k + 1).starts_with(char::is_lowercase);
                // ", later in the panel", ", in an interview": a time or place for the cue.
                let adjunct = matches!(
                    nx.as_str(),
                    "later"
                        | "earlier"
                        | "then"
                        | "now"
                        | "today"
                        | "yesterday"
                        | "in"
                        | "at"
                        | "during"
                        | "when"
                        | "while"
                        | "on"
                );
                if participle
                    || adjunct
                    || RELATIVE.contains(&nx.as_str())
                    || CONTENT_STOPS.contains(&nx.as_str())
                    || matches!(
                        nx.as_str(),
                        "but" | "though" | "although" | "while" | "as" | "and" | "saying"
                    )
                    || self.lex.cues.contains_key(nx.as_str())
                {
                    break;
                }
                k += 1;
                continue;
            }
            // "according to the Ministry of Foreign Affairs he died ...": a subject pronoun
            // starts the next clause.
            if (RELATIVE.contains(&wl.as_str()) || PRONOUNS.contains(&w) && wl != "it") && k > a {
                break;
            }
            if k > a && (wl == "on" || wl == "in" || wl == "at") && self.adverbial_at(k).is_some() {
                break;
            }
            let compound = self.w(k + 1) == "-" || self.is_any(k + 1, &["tank", "tanks"]);
            if k > a
                && (self.lex.cues.contains_key(wl.as_str()) && !self.cap(k) && !compound
                    || VERBISH.contains(&wl.as_str())
                        && wl != "to"
                        && wl != "by"
                        && wl != "about"
                        && wl != "over"
                        && wl != "under"
                        && wl != "after"
                        && wl != "before")
            {
                break;
            }
            last = Some(k);
            k += 1;
        }
        let last = last?;
        // Trim trailing function words.
        let mut e = last;
        while e > a && self.is_any(e, &["and", "or", "of", "the", "a", "an", "in", "on", "at"]) {
            e -= 1;
        }
        Some(e)
    }

    /// A time or channel adverbial at token `k` ("on Monday", "in a statement", "last week",
    /// "at a news conference"): returns its last token.
    fn adverbial_at(&self, k: usize) -> Option<usize> {
        let w = self.w(k).to_ascii_lowercase();
        match w.as_str() {
            "on" | "in" | "at" | "during" | "via" | "through" => {
                let mut j = k + 1;
                while self.is_any(
                    j,
                    &[
                        "a", "an", "the", "his", "her", "its", "their", "late", "early", "this",
                        "last", "next", "joint", "written", "brief", "short", "rare",
                    ],
                ) || self
                    .toks
                    .get(j)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                {
                    j += 1;
                }
                // Month names and other capitalised modifiers: "in a May briefing".
                while self.cap(j)
                    && self.lex.channels.iter().all(|c| !self.matches_words(j, c))
                    && !TIME_WORDS.contains(&self.w(j).to_ascii_lowercase().as_str())
                    && j < k + 4
                {
                    j += 1;
                }
                if let Some(c) = self.lex.channels.iter().find(|c| self.matches_words(j, c)) {
                    return Some(j + c.len() - 1);
                }
                if TIME_WORDS.contains(&self.w(j).to_ascii_lowercase().as_str()) {
                    let mut e = j;
                    while TIME_WORDS.contains(&self.w(e + 1).to_ascii_lowercase().as_str()) {
                        e += 1;
                    }
                    return Some(e);
                }
                if w == "in" && self.is(k + 1, "response") && self.is(k + 2, "to") {
                    // "in response to Reuters' questions"
                    let mut e = k + 3;
                    while e < self.toks.len()
                        && !self.is_any(e + 1, &["that", ",", "."])
                        && e < k + 8
                    {
                        e += 1;
                    }
                    return Some(e);
                }
                None
            }
            _ if TIME_WORDS.contains(&w.as_str()) => {
                let mut e = k;
                while TIME_WORDS.contains(&self.w(e + 1).to_ascii_lowercase().as_str()) {
                    e += 1;
                }
                Some(e)
            }
            _ => None,
        }
    }

    fn matches_words(&self, k: usize, words: &[Box<str>]) -> bool {
        words.iter().enumerate().all(|(i, w)| self.is(k + i, w))
    }

    /// Extends a cue over its channel phrase: "said in a statement", "said in a May briefing".
    fn cue_end(&self, k: usize, ceil: usize) -> usize {
        if self.is(k, "according") {
            return k + 1;
        }
        if let Some(e) = self.quote_phrase_end(k) {
            return e;
        }
        if matches!(self.w(k + 1), "back" | "out" | "up")
            && (self.w(k + 2) == ":"
                || matches!(self.w(k), "shot" | "fired" | "hit" | "pushed" | "snapped"))
        {
            return k + 1;
        }
        if let Some(e) = self.adverbial_at(k + 1) {
            if e < ceil
                && self.is(k + 1, "in")
                && self
                    .lex
                    .channels
                    .iter()
                    .any(|c| self.matches_words(e + 1 - c.len(), c))
            {
                return e;
            }
        }
        k
    }

    /// Builds the claim(s) for the cue at token `c`.
    fn frame(
        &self,
        si: usize,
        c: usize,
        frame: Frame,
        out: &mut Vec<Draft>,
        sent_first_draft: usize,
    ) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        if frame == Frame::According {
            self.according(si, c, out);
            return;
        }
        let ce = self.cue_end(c, hi);
        let cue = self.tspan(c, ce);
        if frame == Frame::Naming {
            self.naming(si, c, out);
            return;
        }
        let cue_word = self.w(c).to_ascii_lowercase();
        // Participle cues after a comma: ", adding that ...", ", saying ...".
        if cue_word.ends_with("ing") && c > lo && self.w(c - 1) == "," {
            // "The ministry, replying to questions, said ...": the participle is not the cue
            // when a finite cue follows in the sentence.
            // Only a finite cue right after the participle's phrase counts, before any
            // quotation or "that" ("replying to questions from the Ledger, said ...").
            let later_cue = (ce + 1..hi.min(ce + 14))
                .take_while(|&k| !self.is_quote_mark(k) && !self.is(k, "that"))
                .any(|k| {
                    let w = self.w(k).to_ascii_lowercase();
                    !w.ends_with("ing")
                        && self
                            .lex
                            .cues
                            .get(w.as_str())
                            .is_some_and(|f| matches!(f, Frame::Speech | Frame::Tell))
                });
            if later_cue {
                return;
            }
            let source = match out[sent_first_draft..].last() {
                Some(d) => d.source,
                None => {
                    let start = self.main_clause_start(lo, c);
                    match self.subject_np(start, c) {
                        Some(e) => self.tspan(start, e),
                        None => return,
                    }
                }
            };
            if let Some(content) = self.content_after(ce + 1, hi, frame) {
                out.push(Draft {
                    sentence: si,
                    source,
                    cue: Some(cue),
                    fragments: content,
                    pattern: "adding_that",
                });
            }
            return;
        }
        if cue_word.ends_with("ing") {
            // "CNN quoted an American witness as saying he saw ...".
            if c > lo + 1 && self.is(c - 1, "as") {
                if let (Some(source), Some(content)) = (
                    self.source_before_cue(lo, c, None),
                    self.content_after(ce + 1, hi, frame),
                ) {
                    out.push(Draft {
                        sentence: si,
                        source,
                        cue: Some(cue),
                        fragments: content,
                        pattern: "said_that",
                    });
                }
            }
            return;
        }
        // Skip auxiliaries and adverbs back from the cue.
        let mut p = c;
        while p > lo
            && (self.is_any(p - 1, AUX)
                || self.w(p - 1).ends_with("ly")
                    && self.w(p - 1).starts_with(char::is_lowercase)
                    && p - 1 > lo)
        {
            p -= 1;
        }
        if p == lo {
            // Sentence-initial inverted cue: `Said Dorothy Poynter, who grew up with Ali, "We
            // were all so proud of him."`, `Continued Stone: "..."`.
            self.initial_cue(si, c, ce, out);
            return;
        }
        let mut p = p - 1;
        // "Ms. Sherry smiled and said, ...": the subject of the first verb.
        if self.is(p, "and") && p > lo + 1 && self.w(p - 1).ends_with("ed") && !self.cap(p - 1) {
            p -= 2;
        } else if self.is(p, "and") && p > lo + 1 {
            // "The airline apologised for the disruption and said ...": the sentence's
            // subject, or the source of a claim just made in it ("... and added that").
            let source = match out[sent_first_draft..].last() {
                Some(d) => Some(d.source),
                None => {
                    let start = self.main_clause_start(lo, p);
                    self.subject_np(start, p).map(|e| self.tspan(start, e))
                }
            };
            if let (Some(source), Some(content)) = (source, self.content_after(ce + 1, hi, frame)) {
                out.push(Draft {
                    sentence: si,
                    source,
                    cue: Some(cue),
                    fragments: content,
                    pattern: "said_that",
                });
            }
            return;
        }
        // "state Sen. Jason Holsman (D) said": the name ends before its party.
        let p = if self.w(p) == ")" && p > lo + 2 {
            (p.saturating_sub(6).max(lo)..p)
                .rev()
                .find(|&k| self.w(k) == "(")
                .filter(|&k| k > lo)
                .map_or(p, |k| k - 1)
        } else {
            p
        };
        // `"QUOTE," said SOURCE` / `"QUOTE" said SOURCE`.
        let q_before = self.quote_closing_at(p).or_else(|| {
            (self.w(p) == "," && p > lo)
                .then(|| self.quote_closing_at(p - 1))
                .flatten()
        });
        if let Some(q) = q_before {
            let q = self.chain_head(q);
            if let Some(e) = self.np_fwd(ce + 1, hi, false) {
                if self.np_like(ce + 1, e) {
                    let mut frags = self.quote_fragments(q);
                    // `"The risk," said Edward Leamer, an economist, "is that ..."`, also past a
                    // relative clause ("an economist who is the director of ..., "is that").
                    let resume = (e + 1..hi)
                        .take_while(|&k| !self.is_quote_mark(k))
                        .find(|&k| self.w(k) == "," && self.quote_opening_at(k + 1).is_some());
                    if let Some(k) = resume {
                        let lower = self.quote_opening_at(k + 1).is_some_and(|q2| {
                            self.quotes[q2]
                                .inner
                                .slice(self.text)
                                .starts_with(char::is_lowercase)
                        });
                        if k == e + 1 || lower {
                            if let Some(q2) = self.quote_opening_at(k + 1) {
                                frags.extend(self.quote_fragments(q2));
                            }
                        }
                    }
                    out.push(Draft {
                        sentence: si,
                        source: self.tspan(ce + 1, e),
                        cue: Some(cue),
                        fragments: frags,
                        pattern: "quote_inverted",
                    });
                }
            }
            return;
        }
        // `''QUOTE,'' Cecelia Purner, 67, a retired customer service representative in
        // Allentown, Pa., said`: everything between the quotation and the cue is the source.
        if self.w(p) == "," {
            if let Some((q, a)) = self.quote_then_source(lo, p) {
                out.push(Draft {
                    sentence: si,
                    source: self.source_span(a, p - 1),
                    cue: Some(cue),
                    fragments: self.quote_fragments(self.chain_head(q)),
                    pattern: "quote_cue_after",
                });
                return;
            }
        }
        if self.w(p) == "," {
            // Either "NP, APPOSITIVE, said CONTENT" or "CONTENT, said SOURCE". A name with a
            // parenthesis before the comma counts as the first ("Gov. John Kasich (R-OH), said").
            let paren = (p > lo && self.w(p - 1) == ")")
                .then(|| self.np_back(p - 1, lo))
                .flatten()
                .filter(|&s| s == lo || matches!(self.w(s - 1), "," | ";"))
                .map(|s| (s, p));
            if let Some((np_start, _)) = paren.or_else(|| self.appositive_back(p, lo)) {
                let before = np_start.checked_sub(1).filter(|&b| b >= lo);
                // `"QUOTE," Mr. Mahaney, of RBC Capital Markets, said.`
                let q = before.and_then(|b| {
                    self.quote_closing_at(b).or_else(|| {
                        (self.w(b) == "," && b > lo)
                            .then(|| self.quote_closing_at(b - 1))
                            .flatten()
                    })
                });
                if let Some(q) = q {
                    let frags = self.quote_fragments(self.chain_head(q));
                    out.push(Draft {
                        sentence: si,
                        source: self.source_span(np_start, p - 1),
                        cue: Some(cue),
                        fragments: frags,
                        pattern: "quote_cue_after",
                    });
                    return;
                }
                if before.is_none()
                    || before.is_some_and(|b| {
                        self.is_any(b, &["but", "and", "meanwhile", "however"]) || self.w(b) == ","
                    })
                {
                    let source = self.source_span(np_start, p - 1);
                    if frame == Frame::Belief || frame == Frame::Report {
                        if let Some(content) = self.content_after(ce + 1, hi, frame) {
                            out.push(Draft {
                                sentence: si,
                                source,
                                cue: Some(cue),
                                fragments: content,
                                pattern: "belief",
                            });
                        }
                        return;
                    }
                    if let Some(content) = self.content_after(ce + 1, hi, frame) {
                        out.push(Draft {
                            sentence: si,
                            source,
                            cue: Some(cue),
                            fragments: content,
                            pattern: "said_that",
                        });
                    }
                    return;
                }
            }
            if frame != Frame::Speech {
                return;
            }
            // Inverted: CONTENT, said SOURCE(, APPOSITIVE).
            let Some(e) = self.np_fwd(ce + 1, hi, false) else {
                return;
            };
            if !self.np_like(ce + 1, e) || !self.source_start_ok(ce + 1) {
                return;
            }
            let Some(content) = self.content_before(lo, p) else {
                return;
            };
            out.push(Draft {
                sentence: si,
                source: self.source_span(ce + 1, e),
                cue: Some(cue),
                fragments: content,
                pattern: "inverted",
            });
            return;
        }
        // Relative clause: "Khon Ja, a Kachin activist from Bhamo who said ...".
        if self.is_any(p, &["who", "which", "that"]) && p > lo {
            self.relative(si, c, ce, p, frame, out);
            return;
        }
        let Some(ns) = self.np_back(p, lo) else {
            return;
        };
        // "state Sen. Jason Holsman", "former Gov. Jeb Bush": a lower-case modifier of a title.
        let ns = if ns > lo
            && self.cap(ns)
            && self.is_any(
                ns - 1,
                &["state", "former", "then", "acting", "deputy", "senior"],
            ) {
            ns - 1
        } else {
            ns
        };
        let b = ns.checked_sub(1).filter(|&b| b >= lo);
        // "X, which analysts estimate has ...": the belief of a relative clause.
        if let Some(b) =
            b.filter(|&b| self.is_any(b, &["which", "that"]) && b > lo && self.w(b - 1) == ",")
        {
            self.relative_belief(si, c, ce, ns, p, b, out);
            return;
        }
        // CONTENT, SOURCE said.  /  "QUOTE," SOURCE said.
        let ends_at = |k: usize| {
            k >= hi
                || matches!(self.w(k), "." | "," | "?" | "!" | ";")
                || self.w(k) == ":" && self.quote_opening_at(k + 1).is_some()
        };
        let after_cue_ends =
            ends_at(ce + 1) || self.adverbial_at(ce + 1).is_some_and(|e| ends_at(e + 1));
        // A quotation closing right before the source is the content whatever follows the
        // cue ("..." Mr. Obama told the lawmakers in the House chamber).
        let quote_before_source = b.is_some_and(|b| {
            self.quote_closing_at(b).is_some()
                || self.w(b) == "," && b > lo && self.quote_closing_at(b - 1).is_some()
        });
        let content_before_source = b.is_some_and(|b| self.w(b) == "," || quote_before_source);
        if let Some(b) =
            b.filter(|_| (after_cue_ends && content_before_source) || quote_before_source)
        {
            let q = self.quote_closing_at(b).or_else(|| {
                (self.w(b) == "," && b > lo)
                    .then(|| self.quote_closing_at(b - 1))
                    .flatten()
            });
            let content_before = if q.is_none() && self.w(b) == "," {
                self.content_before(lo, b)
            } else {
                None
            };
            let mut frags = if let Some(q) = q {
                self.quote_fragments(self.chain_head(q))
            } else if let Some(c) = content_before {
                c
            } else {
                // "But, Mr. Hannity said, "...": nothing before the comma to report; the
                // content follows the cue.
                if let Some(content) = self.content_after(ce + 1, hi, frame) {
                    out.push(Draft {
                        sentence: si,
                        source: self.source_span(ns, p),
                        cue: Some(cue),
                        fragments: content,
                        pattern: "said_that",
                    });
                }
                return;
            };
            let mut pattern = if q.is_some() {
                "quote_cue_after"
            } else {
                "content_then_source"
            };
            // Split quote: `"A," she said, "B."` and mixed `CONTENT, she said: "B"`; a
            // recipient may come between (`"A," she told Hewitt, "B."`).
            let mut after = ce + 1;
            if let Some(e) = self.adverbial_at(after) {
                after = e + 1;
            }
            if !matches!(self.w(after), "," | ":") {
                if let Some(k) =
                    (after..hi.min(after + 6)).find(|&k| matches!(self.w(k), "," | ":"))
                {
                    if self.quote_opening_at(k + 1).is_some()
                        && (after..k).all(|j| !self.punct(j) && !self.is_any(j, NOT_IN_NP))
                    {
                        after = k;
                    }
                }
            }
            // A quotation that resumes in lower case continues the first one, however long
            // the phrase between ("Thiel wrote in a statement to Wired explaining why ...,
            // "but most Americans ...").
            if !matches!(self.w(after), "," | ":") && q.is_some() {
                if let Some(k) = (after..hi)
                    .find(|&k| self.w(k) == "," && self.quote_opening_at(k + 1).is_some())
                {
                    let resumes = self.quote_opening_at(k + 1).is_some_and(|q2| {
                        self.quotes[q2]
                            .inner
                            .slice(self.text)
                            .starts_with(|c: char| c.is_lowercase())
                    });
                    if resumes {
                        after = k;
                    }
                }
            }
            if matches!(self.w(after), "," | ":") {
                if let Some(q2) = self.quote_opening_at(after + 1) {
                    // "Immediately after the attacks, Trump issued a statement, "..."": an
                    // adverbial before the source is not what was said.
                    if q.is_none() && self.adverbial_opener(lo, b) {
                        frags.clear();
                    }
                    frags.extend(self.quote_fragments(q2));
                    pattern = if q.is_some() {
                        "split_quote"
                    } else {
                        "mixed_then_quote"
                    };
                }
            }
            if frame == Frame::Report {
                return;
            }
            // "About 40 gallons of fuel, officials said, spilled onto the road": the cue sits
            // inside the content, which resumes after it.
            if q.is_none()
                && pattern == "content_then_source"
                && self.w(after) == ","
                && after + 1 < hi
                && self.quote_opening_at(after + 1).is_none()
            {
                // The predicate resumes ("spilled onto the road", "to see whether"); a noun
                // phrase after the comma ("a move likely to ...") comments on the whole clause.
                let resumes = self.w(after + 1).starts_with(char::is_lowercase)
                    && !self
                        .lex
                        .cues
                        .contains_key(self.w(after + 1).to_ascii_lowercase().as_str())
                    && !self.is_any(after + 1, RELATIVE)
                    && !self.is_any(after + 1, DETS);
                if resumes {
                    if let Some(more) = self.content_span(after + 1, hi) {
                        frags.push(more);
                        pattern = "parenthetical";
                    }
                }
            }
            out.push(Draft {
                sentence: si,
                source: self.source_span(ns, p),
                cue: Some(cue),
                fragments: frags,
                pattern,
            });
            return;
        }
        // SOURCE said (that) CONTENT. The subject must start the clause.
        let clause_start = self.clause_starts_after(b, lo);
        // "Satellite images reviewed by the Ledger show that ...", "The letter, dated May 3,
        // warns": data and documents speak through their subject, whatever follows it.
        if frame == Frame::Report || !clause_start {
            let subject = self.subject_np(lo, c).filter(|&e| self.is_document(lo, e));
            match subject {
                Some(e) => {
                    if let Some(content) = self.content_after(ce + 1, hi, frame) {
                        out.push(Draft {
                            sentence: si,
                            source: self.tspan(lo, e),
                            cue: Some(cue),
                            fragments: content,
                            pattern: "document_shows",
                        });
                    }
                    return;
                }
                None if frame == Frame::Report => {
                    if !self.is_document(ns, p) {
                        return;
                    }
                }
                None => return,
            }
        }
        // "she announced on her Facebook page, in all capital letters, "..."": prepositional
        // and time phrases lead to the quotation, which is the content.
        // So do a recipient and a time ("told a crowd in Nashua last week, "..."", "said a day
        // earlier, "..."") — anything without a verb of its own; "said he was too busy: "..."" is
        // a paraphrase before the quotation, a mixed claim.
        if matches!(frame, Frame::Speech | Frame::Tell) {
            let q = self.quote_after_adjuncts(ce, hi).filter(|&q| {
                let open = self.tok_index_at(self.quotes[q].open.start);
                open <= ce + 11 && (ce + 1..open).all(|k| !self.finite_verb_like(k))
            });
            if let Some(q) = q {
                let frags = self.quote_fragments(q);
                if !frags.is_empty() {
                    out.push(Draft {
                        sentence: si,
                        source: self.source_span(ns, p),
                        cue: Some(cue),
                        fragments: frags,
                        pattern: "cue_then_quote",
                    });
                }
                return;
            }
        }
        if let Some(content) = self.content_after(ce + 1, hi, frame) {
            let pattern = match frame {
                Frame::Tell => "told_that",
                Frame::Belief => "belief",
                Frame::Report => "document_shows",
                _ => "said_that",
            };
            out.push(Draft {
                sentence: si,
                source: self.source_span(ns, p),
                cue: Some(cue),
                fragments: content,
                pattern,
            });
        }
    }

    /// "Gilbert called "a perception problem."", "calling it "absolute chaos"": the quoted
    /// name is what the source says.
    fn naming(&self, si: usize, c: usize, out: &mut Vec<Draft>) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let mut ce = c;
        if self.is(c + 1, "as") {
            ce += 1;
        }
        // The quotation opens within a short object ("it", "the plan", "him").
        let Some(q) = (ce + 1..hi.min(ce + 5)).find_map(|k| self.quote_opening_at(k)) else {
            return;
        };
        let frags = self.quote_fragments(q);
        if frags.is_empty() || c == lo {
            return;
        }
        let mut p = c - 1;
        while p > lo && self.is_any(p, AUX) {
            p -= 1;
        }
        let source = if self.cue_word_ends_ing(c) && p > lo && self.w(p) == "," {
            // ", calling it "chaos"": the subject of the sentence.
            match self.np_fwd(lo, p, true) {
                Some(e) if self.np_like(lo, e) => self.tspan(lo, e),
                _ => return,
            }
        } else {
            match self.np_back(p, lo) {
                Some(ns) => self.source_span(ns, p),
                None => return,
            }
        };
        out.push(Draft {
            sentence: si,
            source,
            cue: Some(self.tspan(c, ce)),
            fragments: frags,
            pattern: "called_quote",
        });
    }

    fn cue_word_ends_ing(&self, k: usize) -> bool {
        self.w(k).ends_with("ing")
    }

    /// The subject at the start of a sentence, up to its verb: "Governor Ruth Ellison" in
    /// "Governor Ruth Ellison praised the volunteers, saying ...". Returns its last token.
    fn subject_np(&self, lo: usize, limit: usize) -> Option<usize> {
        let mut e = None;
        let mut k = lo;
        while k < limit {
            let w = self.w(k);
            if self.punct(k) && !self.is_any(k, &["'s", "’s", "-", "."]) {
                break;
            }
            let lowercase = w.starts_with(|c: char| c.is_lowercase());
            // The verb: a lower-case word ending in -ed/-s after the phrase began, or a known
            // auxiliary or cue.
            if lowercase
                && e.is_some()
                && !self.is_any(k, DETS)
                && !self.is_any(k, &["of", "for", "and", "in", "at", "on"])
                && (w.ends_with("ed")
                    || w.ends_with('s') && !w.ends_with("ss")
                    || self.is_any(k, VERBISH)
                    || self.lex.cues.contains_key(w))
            {
                break;
            }
            e = Some(k);
            k += 1;
        }
        let e = e?;
        (e > lo || self.cap(lo) || PRONOUNS.contains(&self.w(lo)))
            .then_some(e)
            .filter(|&e| self.np_like(lo, e))
    }

    /// The last token of a phrase that introduces a quotation only when one follows it
    /// after a comma or colon: "went on", "put it", "issued a statement".
    fn quote_phrase_end(&self, k: usize) -> Option<usize> {
        const PHRASES: &[&[&str]] = &[
            &["went", "on"],
            &["goes", "on"],
            &["put", "it"],
            &["puts", "it"],
            &["issued", "a", "statement"],
            &["released", "a", "statement"],
        ];
        // Called for every word without a cue: rule most out on the first word alone.
        if !matches!(
            self.w(k),
            "went" | "goes" | "put" | "puts" | "issued" | "released"
        ) {
            return None;
        }
        let p = PHRASES
            .iter()
            .find(|p| p.iter().enumerate().all(|(i, w)| self.is(k + i, w)))?;
        let e = k + p.len() - 1;
        (matches!(self.w(e + 1), "," | ":") && self.quote_opening_at(e + 2).is_some()).then_some(e)
    }

    /// Whether a subject may start right after token `b` (`None`: at the sentence start).
    fn clause_starts_after(&self, b: Option<usize>, lo: usize) -> bool {
        b.is_none_or(|b| {
            self.is_any(b, CLAUSE_OPENERS)
                // "Recently she announced", "Then he said": a sentence-initial adverb.
                || self.cap(b)
                    && b == lo
                    && (self.w(b).ends_with("ly") && self.w(b).len() > 4
                        || self.is_any(b, &["then", "now", "later", "today", "yesterday", "still", "earlier"]))
                || matches!(self.w(b), "," | ";" | ":")
                || self.is_quote_mark(b) && self.quote_opening_at(b).is_none()
        })
    }

    /// A quotation closing (with its comma) before a source that runs, commas and all, to the
    /// comma at `comma`: returns the quote and the source's first token.
    fn quote_then_source(&self, lo: usize, comma: usize) -> Option<(usize, usize)> {
        let k = (comma.saturating_sub(30).max(lo)..comma)
            .rev()
            .find(|&k| self.is_quote_mark(k))?;
        let q = self.quote_closing_at(k)?;
        // The quotation's own comma sits inside or right after it.
        let a = if self.w(k + 1) == "," { k + 2 } else { k + 1 };
        if a + 1 >= comma
            || !(self.cap(a) || self.is_any(a, DETS))
            || (a..comma).any(|j| {
                // "a retired customer service representative": a participle after a
                // determiner is an adjective.
                let adjective = j > a && self.is_any(j - 1, DETS) && self.w(j).ends_with("ed");
                self.finite_verb_like(j) && !adjective || self.is_any(j, RELATIVE)
            })
        {
            return None;
        }
        // At least one comma inside: a plain `"QUOTE," NAME said` is handled elsewhere.
        (a..comma).any(|j| self.w(j) == ",").then_some((q, a))
    }

    /// A token that makes a clause: an auxiliary, "that", or a lower-case past tense or
    /// third-person verb form.
    fn finite_verb_like(&self, k: usize) -> bool {
        let w = self.w(k);
        self.is_any(
            k,
            &[
                "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                "should", "may", "might", "must", "do", "does", "did", "that", "not",
            ],
        ) || w.starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with("ed")
    }

    /// Whether tokens `lo..comma` set the scene rather than say anything: a time adverbial
    /// ("Immediately after the attacks"), a temporal clause ("When asked whom she supported",
    /// "After Clinton accused him of sexism") or a participle phrase ("Asked whether ...",
    /// "Reflecting on his career"). Conditions and scopes ("If ...", "In cases of abortion")
    /// are part of what is said.
    fn adverbial_opener(&self, lo: usize, comma: usize) -> bool {
        const TIME_OPENERS: &[&str] = &[
            "immediately",
            "shortly",
            "soon",
            "later",
            "earlier",
            "last",
            "yesterday",
            "today",
            "on",
            "during",
        ];
        const TEMPORAL: &[&str] = &["when", "after", "before", "while", "upon", "following"];
        // "In a 1963 speech", "At a rally for Ted Cruz ...", "In February, as a protester was
        // being removed, ...": a time or an occasion, and what happened meanwhile.
        const OCCASIONS: &[&str] = &[
            "speech",
            "interview",
            "rally",
            "statement",
            "debate",
            "meeting",
            "event",
            "conference",
            "hearing",
            "briefing",
            "appearance",
            "letter",
            "post",
            "tweet",
            "column",
            "essay",
            "book",
            "video",
            "address",
            "remarks",
            "testimony",
            "town",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "spring",
            "summer",
            "fall",
            "autumn",
            "winter",
            "cable",
            "memo",
            "report",
            "excerpt",
            "op-ed",
            "piece",
            "article",
            "show",
            "broadcast",
            "podcast",
            "episode",
            "message",
            "email",
            "filing",
            "photo",
            "ad",
            "session",
            "program",
        ];
        // "A few minutes later", "Two days earlier": a time phrase without a verb.
        if (lo + 1..comma).all(|k| !self.finite_verb_like(k) && self.w(k) != ",")
            && comma > lo + 1
            && comma - lo <= 6
            && self.is_any(
                comma - 1,
                &["later", "earlier", "ago", "afterward", "afterwards"],
            )
        {
            return true;
        }
        // "Instead of calling himself conservative": narration around the quotation.
        if self.is(lo, "instead") && self.is(lo + 1, "of") {
            return true;
        }
        if self.is_any(lo, &["in", "at", "along"]) {
            let first_end = (lo + 1..comma).find(|&k| self.w(k) == ",").unwrap_or(comma);
            let occasion = (lo + 1..first_end).any(|k| {
                self.is_any(k, OCCASIONS)
                    || TIME_WORDS.contains(&self.w(k).to_ascii_lowercase().as_str())
                    || self.w(k).len() == 4 && self.w(k).starts_with("19")
                    || self.w(k).len() == 4 && self.w(k).starts_with("20")
            });
            // Later pieces: a temporal clause, an appositive on the occasion, or the rest of a
            // date ("In the July 9, 2012, cable").
            let rest_ok = (first_end..comma).filter(|&k| self.w(k) == ",").all(|k| {
                self.is_any(k + 1, TEMPORAL)
                    || self.is_any(k + 1, &["as", "a", "an"])
                    || self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
            });
            if occasion && rest_ok && !(lo + 1..comma).any(|k| self.is_quote_mark(k)) {
                return true;
            }
        }
        if (lo + 1..comma).any(|k| self.w(k) == "," || self.is_quote_mark(k)) {
            return false;
        }
        let w = self.w(lo).to_ascii_lowercase();
        if self.is_any(lo, TEMPORAL) || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) {
            return true;
        }
        self.is_any(lo, TIME_OPENERS)
            && (lo + 1..comma).all(|k| {
                let w = self.w(k);
                !(self.is_any(k, AUX)
                    || w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
            })
    }

    /// Where the main clause's subject starts: after an opening subordinate or participle
    /// clause ("Asked on Monday whether ..., Mrs. Clinton shook her head and said").
    fn main_clause_start(&self, lo: usize, p: usize) -> usize {
        let w = self.w(lo).to_ascii_lowercase();
        let subordinate = SUBORDINATORS.contains(&w.as_str())
            || (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4;
        if !subordinate {
            return lo;
        }
        // The opener ends at its first comma ("At Sunday night's debate, Sanders compared
        // himself to Clinton, saying ...").
        (lo + 1..p)
            .take_while(|&k| !self.is_quote_mark(k))
            .find(|&k| self.w(k) == ",")
            .map_or(lo, |k| k + 1)
    }

    /// `SOURCE <interruption> CUE [adjuncts], "QUOTE"` when no other pattern took the cue:
    /// "Sen. Richard J. Durbin (D-Ill.), noting the size of ..., said, "..."", "a White House
    /// official who spoke anonymously said Wednesday, "..."", "she announced on her Facebook
    /// page, in all capital letters, "..."".
    fn cue_then_quote(&self, si: usize, c: usize, out: &mut Vec<Draft>) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let ce = self.cue_end(c, hi);
        let Some(q) = self.quote_after_adjuncts(ce, hi) else {
            return;
        };
        let Some(source) = self.source_before_cue(lo, c, out.last().filter(|d| d.sentence == si))
        else {
            return;
        };
        let frags = self.quote_fragments(q);
        if !frags.is_empty() {
            out.push(Draft {
                sentence: si,
                source,
                cue: Some(self.tspan(c, ce)),
                fragments: frags,
                pattern: "cue_then_quote",
            });
        }
    }

    /// A quotation opening after a comma or colon within a few tokens after the cue ending at
    /// `ce` ("said Wednesday, "..."", "announced on her Facebook page, in all capital
    /// letters, "...""), with no other cue, "that" or quotation between.
    fn quote_after_adjuncts(&self, ce: usize, hi: usize) -> Option<usize> {
        // "by saying "Too many."": a whole sentence in quotes right after the cue (a scare
        // quote would start in lower case or lack the final stop).
        if let Some(q) = self.quote_opening_at(ce + 1) {
            let inner = self.quotes[q].inner.slice(self.text).trim_end();
            let whole = inner.starts_with(char::is_uppercase)
                && inner.ends_with(['.', '!', '?'])
                && inner.split_whitespace().count() >= 2;
            return whole.then_some(q);
        }
        let whole = |q: usize| {
            let inner = self.quotes[q].inner.slice(self.text).trim_end();
            inner.starts_with(char::is_uppercase)
                && inner.ends_with(['.', '!', '?'])
                && inner.split_whitespace().count() >= 3
        };
        for k in ce + 1..hi.min(ce + 14) {
            // "told the Cleveland crowd "If Hillary Clinton can't ...?"": a whole sentence in
            // quotes after a short recipient.
            if k <= ce + 5 {
                if let Some(q) = self.quote_opening_at(k).filter(|&q| whole(q)) {
                    return Some(q);
                }
            }
            if matches!(self.w(k), "." | ";" | "?" | "!" | "(" | ")")
                || self.is_quote_mark(k)
                || self.is(k, "that")
                || self.info.get(k).is_some_and(|i| i.cue.is_some())
            {
                return None;
            }
            if matches!(self.w(k), "," | ":") {
                if let Some(q) = self.quote_opening_at(k + 1) {
                    return Some(q);
                }
            }
        }
        None
    }

    /// The speaker of the cue at `c` when it does not follow its subject directly.
    fn source_before_cue(&self, lo: usize, c: usize, earlier: Option<&Draft>) -> Option<Span> {
        // "incurred a wave of boos upon saying, "..."": the sentence's subject.
        if self.w(c).ends_with("ing") {
            // "she released a statement saying, "..."".
            let document = [
                "statement",
                "email",
                "e-mail",
                "tweet",
                "letter",
                "release",
                "note",
                "post",
                "message",
                "memo",
                "ad",
                "video",
            ];
            // "quoted the president as saying", "was quoted as saying".
            if c > lo + 1 && self.is(c - 1, "as") {
                let q = (c.saturating_sub(10).max(lo)..c - 1).rev().find(|&j| {
                    self.is_any(j, &["quoted", "quotes", "quoting", "cited", "cites"])
                })?;
                if q + 1 < c - 1 {
                    return Some(self.source_span(q + 1, c - 2));
                }
                let start = self.main_clause_start(lo, q);
                return self
                    .subject_np(start, q)
                    .map(|e| self.source_span(start, e));
            }
            // "released a statement Thursday night condemning "..."": the document a few
            // words back.
            let after_document =
                (c.saturating_sub(4).max(lo)..c).any(|j| self.is_any(j, &document));
            if c == lo
                || !self.is_any(c - 1, &["upon", "after", "before", "while", "by"])
                    && !after_document
            {
                return None;
            }
            let start = self.main_clause_start(lo, c);
            if self.is_any(start, SUBORDINATORS) {
                return None;
            }
            return self
                .subject_np(start, c)
                .map(|e| self.source_span(start, e));
        }
        let mut p = c;
        while p > lo
            && (self.is_any(p - 1, AUX)
                || self.w(p - 1).ends_with("ly") && self.w(p - 1).starts_with(char::is_lowercase))
        {
            p -= 1;
        }
        if p == lo {
            return None;
        }
        let b = p - 1;
        if self.is(b, "to") {
            // "Mr. Trump was prompted to say", "went so far as to say": the subject of the
            // clause the infinitive belongs to.
            let start = (lo..b)
                .rev()
                .find(|&k| self.w(k) == "," || self.is_any(k, &["that", "and", "but"]))
                .map_or(lo, |k| k + 1);
            let start = self.main_clause_start(start, b);
            return self
                .subject_np(start, b)
                .map(|e| self.source_span(start, e));
        }
        if self.is(b, "and") {
            // "Mrs. Clinton shook her head and said, ...": the subject of the first verb.
            if let Some(d) = earlier {
                return Some(d.source);
            }
            let start = self.main_clause_start(lo, b);
            return self
                .subject_np(start, b)
                .map(|e| self.source_span(start, e));
        }
        if self.is_any(b, &["who", "that"]) {
            return self.antecedent(b, lo);
        }
        if self.w(b) == "," {
            // An interruption between commas: an appositive is part of the source, a
            // participle or prepositional phrase is not.
            let pc = (lo..b)
                .rev()
                .take_while(|&k| !self.is_quote_mark(k))
                .find(|&k| self.w(k) == ",")?;
            if pc == lo || b - pc < 2 {
                return None;
            }
            let mut end = pc - 1;
            // "Sen. Richard J. Durbin (D-Ill.),": the name, without its party and state.
            if self.w(end) == ")" {
                end = (lo..end)
                    .rev()
                    .find(|&k| self.w(k) == "(")?
                    .checked_sub(1)?;
                if end < lo {
                    return None;
                }
            }
            let name_end = end;
            let ns = self.np_back(end, lo)?;
            if !self.clause_starts_after(ns.checked_sub(1).filter(|&k| k >= lo), lo)
                || !self.np_like(ns, end)
            {
                return None;
            }
            let first = self.w(pc + 1);
            let appositive = self.is_any(pc + 1, DETS) || self.cap(pc + 1);
            let participle = first.ends_with("ing") || first.ends_with("ed");
            return Some(if appositive && !participle && name_end + 1 == pc {
                self.source_span(ns, b - 1)
            } else {
                self.source_span(ns, name_end)
            });
        }
        let ns = self.np_back(b, lo)?;
        let before = ns.checked_sub(1).filter(|&k| k >= lo);
        if self.clause_starts_after(before, lo) && self.np_like(ns, b) {
            return Some(self.source_span(ns, b));
        }
        // "Another intelligence source speaking to Fox News said", "a White House official who
        // spoke anonymously to discuss internal strategy said": the noun phrase before the
        // relative or participle clause.
        let r = (lo + 1..=b)
            .rev()
            .take(12)
            .take_while(|&k| !self.punct(k) || self.is_any(k, &["'s", "’s", "-"]))
            .find(|&k| {
                self.is_any(k, &["who", "that"])
                    || self.w(k).ends_with("ing") && self.w(k).len() > 4 && !self.cap(k)
            })?;
        let ns = self.np_back(r - 1, lo)?;
        (self.clause_starts_after(ns.checked_sub(1).filter(|&k| k >= lo), lo)
            && self.np_like(ns, r - 1))
        .then(|| self.source_span(ns, r - 1))
    }

    /// `Said SOURCE(, APPOSITIVE), "QUOTE"` at the start of a sentence.
    fn initial_cue(&self, si: usize, c: usize, ce: usize, out: &mut Vec<Draft>) {
        let s = &self.sents[si];
        let hi = s.tokens.end;
        if !self.cap(c) {
            return;
        }
        // The quotation that follows the source.
        let Some(k) = (ce + 1..hi)
            .find(|&k| matches!(self.w(k), "," | ":") && self.quote_opening_at(k + 1).is_some())
        else {
            return;
        };
        let Some(q) = self.quote_opening_at(k + 1) else {
            return;
        };
        let Some(e) = self.np_fwd(ce + 1, k + 1, false) else {
            return;
        };
        if !self.np_like(ce + 1, e) || !self.source_start_ok(ce + 1) {
            return;
        }
        let frags = self.quote_fragments(q);
        if !frags.is_empty() {
            out.push(Draft {
                sentence: si,
                source: self.source_span(ce + 1, e),
                cue: Some(self.tspan(c, ce)),
                fragments: frags,
                pattern: "quote_inverted",
            });
        }
    }

    /// Whether a source may start at token `k` after an inverted cue ("said David", "said the").
    fn source_start_ok(&self, k: usize) -> bool {
        self.cap(k)
            // "said state Sen. Jason Holsman", "said former Gov. Jeb Bush".
            || self.is_any(k, &["state", "former", "then", "acting", "deputy", "senior"])
                && self.cap(k + 1)
            || self.is_any(k, DETS)
            || self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
            || PRONOUNS.contains(&self.w(k))
            || self.w(k).starts_with(char::is_lowercase)
                && self
                    .lex
                    .source_nouns
                    .contains_key(self.w(k).to_ascii_lowercase().as_str())
    }

    /// A relative-clause attribution: "X, a farmer who said his crops failed", "X, which
    /// analysts estimate has 15,000 troops".
    fn relative(
        &self,
        si: usize,
        c: usize,
        ce: usize,
        rel: usize,
        frame: Frame,
        out: &mut Vec<Draft>,
    ) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        if self.is(rel, "who") {
            // The antecedent: the NP (with appositive) before "who".
            let Some(ante) = self.antecedent(rel, lo) else {
                return;
            };
            // "Villagers, who say the dam has dried up their wells, have blocked the road":
            // a clause between commas after the subject ends at its closing comma.
            let subject = self.tok_index_at(ante.start) == lo && rel > lo && self.w(rel - 1) == ",";
            let hi = if subject {
                (ce + 1..hi).find(|&k| self.w(k) == ",").unwrap_or(hi)
            } else {
                hi
            };
            if let Some(content) = self.content_after(ce + 1, hi, frame) {
                out.push(Draft {
                    sentence: si,
                    source: ante,
                    cue: Some(self.tspan(c, ce)),
                    fragments: content,
                    pattern: "relative_clause",
                });
            }
        }
    }

    /// "The KIA, which analysts estimate has over 15,000 personnel, was founded ...": source
    /// between the relative pronoun and the cue; content = the antecedent + the clause.
    #[allow(clippy::too_many_arguments)]
    fn relative_belief(
        &self,
        si: usize,
        c: usize,
        ce: usize,
        ns: usize,
        p: usize,
        rel: usize,
        out: &mut Vec<Draft>,
    ) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let comma = rel - 1;
        let Some(ante_start) = (comma > lo).then(|| self.np_back(comma - 1, lo)).flatten() else {
            return;
        };
        let mut e = ce + 1;
        while e < hi && !matches!(self.w(e), "," | "." | ";") {
            e += 1;
        }
        if e <= ce + 1 {
            return;
        }
        let clause = self.tspan(ce + 1, e - 1);
        let ante = self.tspan(ante_start, comma - 1);
        out.push(Draft {
            sentence: si,
            source: self.source_span(ns, p),
            cue: Some(self.tspan(c, ce)),
            fragments: vec![ante, clause],
            pattern: "relative_belief",
        });
    }

    /// The noun phrase a relative pronoun at `rel` refers to.
    fn antecedent(&self, rel: usize, lo: usize) -> Option<Span> {
        if rel == lo {
            return None;
        }
        let end = rel - 1;
        if self.w(end) == "," {
            // "Ahmed Nour, 62, who said": the name before the appositive, wherever it stands.
            if let Some((s, _)) = self.appositive_back_in(end, lo, false) {
                return Some(self.source_span(s, end - 1));
            }
            let s = self.np_back(end - 1, lo)?;
            return Some(self.source_span(s, end - 1));
        }
        // "a Kachin activist from Bhamo who": walk back through the appositive to its name.
        let s = self.np_back(end, lo)?;
        if s > lo && self.w(s - 1) == "," {
            if let Some((s2, _)) = self.appositive_back_open(s - 1, lo) {
                return Some(self.source_span(s2, end));
            }
        }
        Some(self.source_span(s, end))
    }

    /// `NAME, APPOSITIVE` without a closing comma (the appositive runs into a relative clause).
    fn appositive_back_open(&self, comma: usize, lo: usize) -> Option<(usize, usize)> {
        if comma <= lo {
            return None;
        }
        let s = self.np_back(comma - 1, lo)?;
        (comma - s <= 6).then_some((s, comma + 1))
    }

    /// Content after a cue: skips a recipient ("told Reuters"), adverbials, "that"; runs to the
    /// sentence end or to a stop (", adding", ", but it"); a quotation opened here runs on.
    fn content_after(&self, mut a: usize, hi: usize, frame: Frame) -> Option<Vec<Span>> {
        // "interjected to say: "..."", "told a crowd in Nashua last week, "..."": a few words
        // without a verb of their own lead to the quotation, which is what was said.
        if matches!(frame, Frame::Speech | Frame::Tell) && a > 0 {
            let q = self.quote_after_adjuncts(a - 1, hi).filter(|&q| {
                let open = self.tok_index_at(self.quotes[q].open.start);
                // A quotation that stands alone: it starts a sentence ("..., a top aide said,
                // "is very confident"" continues the subject before the cue) and the
                // sentence ends with it ("“A,” and, “B.”" runs on).
                let last = self.chain_end(q);
                let standalone = self.quotes[q]
                    .inner
                    .slice(self.text)
                    .starts_with(char::is_uppercase)
                    && self.quotes[last].close.is_some_and(|c| {
                        let after = self.tok_index_at(c.end);
                        after >= hi || matches!(self.w(after), "." | "!" | "?" | ")")
                    });
                standalone && open <= a + 10 && (a..open).all(|k| !self.finite_verb_like(k))
            });
            if let Some(q) = q {
                let frags = self.quote_fragments(q);
                if !frags.is_empty() {
                    return Some(frags);
                }
            }
        }
        if frame == Frame::Tell {
            a = self.after_recipient(a, hi);
        }
        for _ in 0..3 {
            if let Some(e) = self.adverbial_at(a) {
                a = e + 1;
            }
            if self.w(a) == ","
                && (self.adverbial_at(a + 1).is_some()
                    || self.is_any(a + 1, &["however", "though"]))
            {
                a += 1;
            }
        }
        // "said at a news briefing in Vienna that ...": a phrase with no verb, then "that".
        if !self.is(a, "that") {
            if let Some(t) = (a..hi.min(a + 10)).find(|&k| self.is(k, "that")) {
                let phrase_only = (a..t).all(|k| {
                    let w = self.w(k);
                    !self.is_any(k, NOT_IN_NP)
                        && !PRONOUNS.contains(&w)
                        && !self.is_quote_mark(k)
                        && !matches!(w, "," | ";" | ":")
                        && !(w.starts_with(char::is_lowercase)
                            && (w.ends_with("ed")
                                || self.lex.cues.contains_key(w.to_ascii_lowercase().as_str())))
                });
                if phrase_only
                    && self.is_any(
                        a,
                        &[
                            "in", "at", "on", "during", "to", "before", "after", "for", "with",
                            "from", "of", "about", "via", "through", "while", "when",
                        ],
                    )
                {
                    a = t;
                }
            }
        }
        if self.is(a, "that") {
            a += 1;
        }
        // "wrote to his 20,000 Twitter followers, "...": a short phrase, then a quotation.
        if self.quote_opening_at(a).is_none() {
            if let Some(k) = (a..hi.min(a + 12))
                .find(|&k| matches!(self.w(k), "," | ":") && self.quote_opening_at(k + 1).is_some())
            {
                // Only a prepositional phrase (a recipient, a place, a time) may come between.
                let prepositional = self.is_any(
                    a,
                    &[
                        "to", "in", "on", "at", "during", "before", "after", "for", "with", "from",
                        "of", "about", "as",
                    ],
                );
                if prepositional
                    && (a..k).all(|j| {
                        !self.is_quote_mark(j)
                            && !self.is_any(j, &["that", "and", "but"])
                            && !self
                                .lex
                                .cues
                                .contains_key(self.w(j).to_ascii_lowercase().as_str())
                    })
                {
                    a = k + 1;
                }
            }
        }
        while a < hi && matches!(self.w(a), "," | ":") {
            a += 1;
        }
        if a >= hi {
            // "Breitbart News responded:" and the quotation is the next paragraph.
            if a > 0 && self.w(a - 1) == ":" {
                if let Some(q) = self.quote_opening_at(a) {
                    let frags = self.quote_fragments(q);
                    return (!frags.is_empty()).then_some(frags);
                }
            }
            return None;
        }
        if let Some(q) = self.quote_opening_at(a) {
            let mut frags = self.quote_fragments(q);
            // Text after the closing quote in the same sentence ("..." she said.) is not content.
            if frags.is_empty() {
                return None;
            }
            let last_close = self.chain_end(q);
            if let Some(close) = self.quotes[last_close].close {
                let k = self.tok_index_at(close.end);
                // "cautioned "let's not get ahead of ourselves," before predicting ...": the
                // narration after the quotation is the writer's.
                let narration = self.is_any(
                    k,
                    &[
                        "before", "after", "as", "while", "when", "adding", "saying", "but",
                    ],
                );
                if k < hi && !matches!(self.w(k), "." | "," | ";") && !narration {
                    if let Some(more) = self.content_span(k, hi) {
                        frags.push(more);
                    }
                }
            }
            return Some(frags);
        }
        let span = self.content_span(a, hi)?;
        Some(vec![span])
    }

    /// The first token after the recipient of "told": "told Reuters", "told the Evening Star
    /// her team ...", "told a news conference in Milan: ...", "told investigators he ...".
    fn after_recipient(&self, a: usize, hi: usize) -> usize {
        let mut k = a;
        if self.is_any(
            k,
            &["the", "a", "an", "his", "her", "its", "their", "our", "my"],
        ) {
            k += 1;
        }
        if self.cap(k) {
            // A name: capitalised words (and "of"/"and" between them).
            while k < hi
                && (self.cap(k)
                    || self.is_any(k, &["of", "and", "&"]) && self.cap(k + 1)
                    || self.is_any(k, &["'s", "’s"]))
            {
                k += 1;
            }
        } else {
            // Common nouns: "reporters", "the broadcaster", "a news conference".
            let mut n = 0;
            while k < hi
                && n < 3
                && self.w(k).starts_with(char::is_lowercase)
                && !self.is_any(k, NOT_IN_NP)
                && !PRONOUNS.contains(&self.w(k))
                && !self.is_any(k, &["the", "a", "an", "his", "her", "its", "their"])
                && !self
                    .lex
                    .cues
                    .contains_key(self.w(k).to_ascii_lowercase().as_str())
            {
                k += 1;
                n += 1;
            }
        }
        // "in Milan", "on Monday": a place or time after the recipient.
        while self.is_any(k, &["in", "at", "on"])
            && (self.cap(k + 1) || self.adverbial_at(k).is_some())
        {
            k = self.adverbial_at(k).map_or(k + 2, |e| e + 1);
            while self.cap(k) {
                k += 1;
            }
        }
        k.min(hi)
    }

    /// Content from token `a` to the end of the clause (before `hi`).
    fn content_span(&self, a: usize, hi: usize) -> Option<Span> {
        let mut e = a;
        let mut last = None;
        while e < hi {
            let w = self.w(e);
            if w == "," && e + 1 < hi {
                let nx = self.w(e + 1).to_ascii_lowercase();
                if CONTENT_STOPS.contains(&nx.as_str())
                    || self
                        .lex
                        .cues
                        .get(nx.as_str())
                        .is_some_and(|f| *f == Frame::According)
                {
                    break;
                }
                if matches!(nx.as_str(), "but" | "though" | "although")
                    && PRONOUNS.contains(&self.w(e + 2))
                {
                    break;
                }
            }
            if w == ";" {
                break;
            }
            // "... and added that the crew was unharmed": a second claim starts.
            if self.is(e, "and")
                && e + 1 < hi
                && self
                    .lex
                    .cues
                    .get(self.w(e + 1).to_ascii_lowercase().as_str())
                    .is_some_and(|f| matches!(f, Frame::Speech | Frame::Tell))
            {
                break;
            }
            last = Some(e);
            e += 1;
        }
        let last = last?;
        // "He said goodbye": the verb's object, not a reported clause.
        if self.is_any(
            a,
            &[
                "goodbye", "hello", "farewell", "grace", "thanks", "sorry", "prayers",
            ],
        ) || last <= a + 4
            && self.is_any(
                a,
                &[
                    "nothing",
                    "little",
                    "much",
                    "something",
                    "anything",
                    "everything",
                ],
            )
        {
            return None;
        }
        let span = self
            .tspan(a, last)
            .trim_matches(self.text, &['.', ',', ';', ':']);
        let words = span.slice(self.text).split_whitespace().count();
        (words >= 2).then_some(span)
    }

    /// Content before a comma at `comma`: from the clause start (sentence start) to it.
    fn content_before(&self, lo: usize, comma: usize) -> Option<Vec<Span>> {
        if comma <= lo {
            return None;
        }
        // A quotation ending right before the comma: the whole quotation.
        if let Some(q) = self.quote_closing_at(comma - 1).or_else(|| {
            self.quote_closing_at(comma.checked_sub(2)?)
                .filter(|_| self.w(comma - 1) == ",")
        }) {
            return Some(self.quote_fragments(self.chain_head(q)));
        }
        let mut a = lo;
        // Skip a leading opening quote that closed inside the content (kept for kind).
        let span = self
            .tspan(a, comma - 1)
            .trim_matches(self.text, &['.', ',', ';', ':']);
        while a < comma && self.punct(a) && !self.is_quote_mark(a) {
            a += 1;
        }
        let words = span.slice(self.text).split_whitespace().count();
        (words >= 3).then(|| vec![span])
    }

    /// "according to SOURCE, CONTENT" and "CONTENT, according to SOURCE".
    fn according(&self, si: usize, c: usize, out: &mut Vec<Draft>) {
        let s = &self.sents[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let src_start = c + 2;
        let cue = self.tspan(c, c + 1);
        let mut lead = lo;
        while lead < c
            && (self.is_any(lead, &["but", "and", "however", "yet", "so"])
                || self.is_quote_mark(lead) && self.quote_opening_at(lead).is_none())
        {
            lead += 1;
        }
        if c == lead {
            // According to SOURCE, CONTENT.
            let Some(e) = self.np_fwd(src_start, hi, true) else {
                return;
            };
            let mut after = e + 1;
            // "According to John Smith, an analyst at X, the ...".
            if self.w(after) == "," && self.is_any(after + 1, &["a", "an"]) {
                if let Some(e2) = self.np_fwd(after + 1, hi, true) {
                    if self.w(e2 + 1) == "," {
                        after = e2 + 1;
                    }
                }
            }
            // "According to HuffPo: "..."" introduces a quotation like a comma does.
            let colon_quote = self.w(after) == ":" && self.quote_opening_at(after + 1).is_some();
            if self.w(after) != "," && !colon_quote {
                return;
            }
            let source = self.source_span(src_start, after - 1);
            if let Some(content) = self.content_after(after + 1, hi, Frame::According) {
                out.push(Draft {
                    sentence: si,
                    source,
                    cue: Some(cue),
                    fragments: content,
                    pattern: "according_to",
                });
            }
            return;
        }
        // CONTENT, according to SOURCE(, CONTENT2).
        let Some(e) = self.np_fwd(src_start, hi, false) else {
            return;
        };
        let source = self.source_span(src_start, e);
        let first = if c > lo && self.w(c - 1) == "," {
            c - 1
        } else {
            c
        };
        let mut frags = match self.content_before(lo, first) {
            Some(f) => f,
            None => {
                // "..." according to X, when the content is a quotation in an earlier sentence.
                return;
            }
        };
        if self.w(e + 1) == "," && !self.is_any(e + 2, RELATIVE) {
            if let Some(more) = self.content_span(e + 2, hi) {
                frags.push(more);
            }
        }
        out.push(Draft {
            sentence: si,
            source,
            cue: Some(cue),
            fragments: frags,
            pattern: "according_to",
        });
    }

    /// The first quote of the chain `q` belongs to.
    fn chain_head(&self, mut q: usize) -> usize {
        while let Some(p) = self.quotes[q].prev {
            q = p;
        }
        q
    }

    fn chain_end(&self, mut q: usize) -> usize {
        while let Some(n) = self.quotes[q].next {
            q = n;
        }
        q
    }

    /// A source span for tokens `a..=b`, cut before a relative clause.
    fn source_span(&self, a: usize, b: usize) -> Span {
        // "The next morning the airline released ...": a time phrase before the subject.
        let a = (a..(a + 3).min(b))
            .find(|&t| TIME_WORDS.contains(&self.w(t).to_ascii_lowercase().as_str()))
            .filter(|&t| {
                // "This year's winner" is a subject, not a time.
                !self.is_any(t + 1, &["'s", "’s"])
                    && (a..t).all(|k| {
                        self.is_any(
                            k,
                            &[
                                "the",
                                "next",
                                "following",
                                "same",
                                "that",
                                "this",
                                "last",
                                "early",
                                "late",
                            ],
                        )
                    })
            })
            .map_or(a, |t| t + 1);
        // "Recently the senator announced": a sentence adverb before the subject.
        let a = if a < b
            && self.cap(a)
            && self.w(a).len() > 4
            && self.w(a).ends_with("ly")
            && (self.is_any(a + 1, DETS)
                || PRONOUNS.contains(&self.w(a + 1))
                || self.is_any(
                    a,
                    &[
                        "recently",
                        "separately",
                        "previously",
                        "initially",
                        "finally",
                        "subsequently",
                        "eventually",
                        "similarly",
                        "ultimately",
                    ],
                )) {
            a + 1
        } else {
            a
        };
        let mut e = b;
        for k in a + 1..=b {
            if self.w(k) == "," && self.is_any(k + 1, RELATIVE) || self.is_any(k, &["who", "whose"])
            {
                e = k - 1;
                break;
            }
        }
        while e > a && self.punct(e) && !self.is_any(e, &["'s", "’s", "'", "’"]) {
            e -= 1;
        }
        self.tspan(a, e)
    }

    fn is_document(&self, a: usize, b: usize) -> bool {
        (a..=b).any(|k| {
            self.lex
                .source_nouns
                .get(self.w(k).to_ascii_lowercase().as_str())
                == Some(&SourceType::Document)
        })
    }

    /// A quotation after `NAME:` at the start of a sentence (or after a dash): the name is
    /// the source, the colon the cue.
    fn name_colon_quote(&self, qi: usize, si: usize) -> Option<Draft> {
        let s = &self.sents[si];
        let open = self.tok_index_at(self.quotes[qi].open.start);
        let colon = open
            .checked_sub(1)
            .filter(|&k| k >= s.tokens.start && self.w(k) == ":")?;
        // The capitalised run before the colon (names, titles, "of", "and", a parenthesis).
        let mut a = colon;
        while a > s.tokens.start {
            let k = a - 1;
            let w = self.w(k);
            let ok = self.cap(k)
                || matches!(w, "(" | ")" | "-" | "." | "'s" | "’s") && a < colon
                || self.is_any(k, &["of", "and"]) && self.cap(a)
                || self.toks[k].kind == TokenKind::Punct
                    && w.len() == 1
                    && w.chars().all(|c| c.is_ascii_uppercase());
            if !ok {
                break;
            }
            a = k;
        }
        if a == colon || colon - a > 8 || !self.cap(a) {
            return None;
        }
        // Where the name may stand: the sentence start, after a dash, after "More from".
        let at_start = a == s.tokens.start
            || a > s.tokens.start && matches!(self.w(a - 1), "-" | "—" | "–")
            || a >= s.tokens.start + 2 && self.is(a - 1, "from") && self.is(a - 2, "More");
        if !at_start {
            return None;
        }
        let frags = self.quote_fragments(qi);
        if frags.is_empty() {
            return None;
        }
        Some(Draft {
            sentence: si,
            source: self.tspan(a, colon - 1),
            cue: Some(self.toks[colon].span()),
            fragments: frags,
            pattern: "name_colon_quote",
        })
    }

    /// Quotations no cue claimed: a quote paragraph right after a claim belongs to its source.
    fn cueless_quotes(&self, drafts: &mut Vec<Draft>) {
        let mut covered: Vec<Span> = drafts
            .iter()
            .flat_map(|d| d.fragments.iter().copied())
            .collect();
        covered.sort();
        let mut by_start: Vec<(usize, usize)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.fragments.first().map(|f| (f.start, i)))
            .collect();
        by_start.sort();
        let mut new = Vec::new();
        let mut merge: Vec<(usize, Vec<Span>)> = Vec::new();
        for (qi, q) in self.quotes.iter().enumerate() {
            if q.prev.is_some() {
                continue;
            }
            // Short quotations only continue a quote claim of the same paragraph.
            let short = q.inner.slice(self.text).split_whitespace().count() < 4;
            let at = covered.partition_point(|c| c.start < q.inner.end);
            if covered[..at]
                .iter()
                .rev()
                .take(16)
                .any(|c| c.overlaps(q.inner))
            {
                continue;
            }
            let si = self.sents.partition_point(|s| s.span.end <= q.open.start);
            if si >= self.sents.len() || !self.sents[si].span.contains(q.open) {
                continue;
            }
            // "Clinton: "Our goal is ..."", "Pollsters agree - Carl Bialik: "...": a name and
            // a colon introduce the quotation.
            if let Some(d) = self.name_colon_quote(qi, si) {
                new.push(d);
                continue;
            }
            // Otherwise the quote must open its sentence.
            let s = &self.sents[si];
            if !s.body || s.span.start != q.open.start {
                continue;
            }
            // A cue in the sentence that produced nothing: leave it.
            if (s.tokens.start..s.tokens.end).any(|k| {
                self.info[k].cue.is_some() && self.quote_at(self.toks[k].span().start).is_none()
            }) {
                continue;
            }
            // The previous claim, in this paragraph or the one before.
            let at = by_start.partition_point(|&(st, _)| st < q.open.start);
            let Some(&(_, prev)) = at.checked_sub(1).and_then(|p| by_start.get(p)) else {
                continue;
            };
            let pb = self.sents[drafts[prev].sentence].block;
            if s.block > pb + 1 || drafts[prev].cue.is_none() {
                continue;
            }
            let frags = self.quote_fragments(qi);
            if frags.is_empty() {
                continue;
            }
            // `"A," she said. "B."` in one paragraph is one claim in two fragments; a quote
            // paragraph after it is a claim of its own.
            let prev_is_quote = drafts[prev]
                .fragments
                .last()
                .is_some_and(|f| self.quote_at(f.start).is_some());
            if s.block == pb && prev_is_quote {
                merge.push((prev, frags));
                continue;
            }
            if short {
                continue;
            }
            new.push(Draft {
                sentence: si,
                source: drafts[prev].source,
                cue: None,
                fragments: frags,
                pattern: "cueless_quote",
            });
        }
        for (prev, frags) in merge {
            drafts[prev].fragments.extend(frags);
        }
        drafts.extend(new);
    }

    /// Turns drafts into claims: dedupes, types sources, computes kinds, entities, numbers.
    fn finish(&self, mut drafts: Vec<Draft>, numbers: &Numbers) -> Vec<Claim> {
        for d in &mut drafts {
            d.fragments.retain(|f| !f.is_empty());
            d.fragments.sort();
        }
        drafts.retain(|d| !d.fragments.is_empty() && !d.source.is_empty());
        // Claims read in text order.
        drafts.sort_by_key(|d| (d.fragments[0].start, d.cue.map_or(0, |c| c.start)));
        let mut claims: Vec<Claim> = Vec::with_capacity(drafts.len());
        let mut seen: HashSet<Span> = HashSet::new();
        for d in drafts {
            let hull = Span::new(
                d.fragments[0].start,
                d.fragments.iter().map(|f| f.end).max().unwrap_or(0),
            );
            // Two cues reading the same content: the first wins.
            if !seen.insert(hull) {
                continue;
            }
            let (mut kind_src, head, entity) = self.source_type(d.source);
            // "Sumitomo Bakelite said it bought the stock", "National Gypsum Co said it filed":
            // a name that speaks of itself as "it" is an organisation.
            // A person from a list, or named with a title, stays a person.
            if kind_src == SourceType::Person
                && entity.is_none_or(|e| {
                    self.ents[e].label != Label::PERSON
                        || self.ents[e].origin == Origin::Pattern
                            && !self.ents[e].span.slice(self.text).contains('.')
                })
                && d.cue.is_some_and(|c| c.end <= d.fragments[0].start)
            {
                // Only "it" doing something ("it bought", "it has filed"): "it was too early"
                // is no one.
                let words: Vec<&str> = d.fragments[0]
                    .slice(self.text)
                    .split_whitespace()
                    .take(3)
                    .collect();
                let acted = |w: &str| {
                    matches!(
                        w,
                        "bought"
                            | "sold"
                            | "made"
                            | "paid"
                            | "won"
                            | "lost"
                            | "cut"
                            | "held"
                            | "sent"
                            | "spent"
                            | "began"
                            | "took"
                            | "got"
                    ) || w.ends_with("ed")
                        && !matches!(
                            w,
                            "seemed" | "appeared" | "needed" | "happened" | "remained" | "looked"
                        )
                };
                let itself = words.first() == Some(&"it")
                    && (words.get(1).is_some_and(|w| acted(w))
                        || words.get(1).is_some_and(|w| matches!(*w, "has" | "had"))
                            && words.get(2).is_some_and(|w| acted(w)));
                if itself {
                    kind_src = SourceType::Organization;
                }
            }
            let kind = self.kind(&d.fragments);
            let entities = d
                .fragments
                .iter()
                .flat_map(|f| self.entities_in(*f))
                .collect();
            let numbers = d
                .fragments
                .iter()
                .flat_map(|f| numbers.find(self.text, *f))
                .collect();
            claims.push(Claim {
                sentence: d.sentence,
                kind,
                source: Source {
                    span: d.source,
                    head,
                    kind: kind_src,
                    entity,
                    resolved: None,
                },
                cue: d.cue,
                content: hull,
                fragments: if d.fragments.len() > 1 {
                    d.fragments
                } else {
                    Vec::new()
                },
                pattern: d.pattern,
                entities,
                numbers,
            });
        }
        // Nested attributions are flattened: a claim whose cue lies inside a longer claim's
        // content is dropped ("X believes A, two of the people said").
        let mut pieces: Vec<(Span, usize)> = Vec::new();
        for (i, c) in claims.iter().enumerate() {
            if c.fragments.is_empty() {
                pieces.push((c.content, i));
            } else {
                pieces.extend(c.fragments.iter().map(|f| (*f, i)));
            }
        }
        pieces.sort();
        let lens: Vec<usize> = claims.iter().map(|c| c.content.len()).collect();
        let mut i = 0;
        claims.retain(|c| {
            let me = i;
            i += 1;
            let Some(cue) = c.cue else { return true };
            let at = pieces.partition_point(|(f, _)| f.start <= cue.start);
            // Contents are local: look at the few pieces starting before the cue.
            !pieces[..at]
                .iter()
                .rev()
                .take(16)
                .any(|(f, j)| *j != me && lens[*j] > lens[me] && f.contains(cue))
        });
        claims
    }

    /// Direct when every letter of the content is quoted, indirect when none is.
    fn kind(&self, frags: &[Span]) -> ClaimKind {
        let alnum = |s: Span| {
            s.slice(self.text)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
        };
        let (mut inside, mut total) = (0usize, 0usize);
        for f in frags {
            total += alnum(*f);
            // Quotes are sorted and disjoint: walk the ones overlapping the fragment.
            let mut q = self.quotes.partition_point(|q| q.inner.end <= f.start);
            while q < self.quotes.len() && self.quotes[q].inner.start < f.end {
                let inner = self.quotes[q].inner;
                let both = Span::new(inner.start.max(f.start), inner.end.min(f.end));
                if !both.is_empty() {
                    inside += alnum(both);
                }
                q += 1;
            }
        }
        let outside = total - inside.min(total);
        match (inside, outside) {
            (0, _) => ClaimKind::Indirect,
            (_, 0) => ClaimKind::Direct,
            _ => ClaimKind::Mixed,
        }
    }

    /// Source type, head span and entity of a source span.
    fn source_type(&self, src: Span) -> (SourceType, Span, Option<usize>) {
        let a = self.tok_index_at(src.start);
        let b = self.tok_index_at(src.end).saturating_sub(1).max(a);
        if b == a && PRONOUNS.contains(&self.w(a)) {
            return (SourceType::Unknown, src, None);
        }
        // A person named in the core (before "of", "at", an appositive...).
        let ents: Vec<usize> = self.entities_in(src).collect();
        // A word inside a name ("International Institute for Strategic Studies") ends nothing.
        let inside_entity = |k: usize| {
            let at = self.toks[k].span().start;
            ents.iter()
                .any(|&e| self.ents[e].span.start < at && at < self.ents[e].span.end)
        };
        let core_end = (a..=b)
            .find(|&k| {
                k > a
                    && !inside_entity(k)
                    && (self.w(k) == ","
                        || self.is_any(
                            k,
                            &[
                                "of",
                                "at",
                                "from",
                                "with",
                                "familiar",
                                "who",
                                "in",
                                "for",
                                "on",
                                                                "made", "seen", "reviewed", "obtained", "released", "published",
                                "dated", "issued", "filed", "cited", "quoted",
                            ],
                        )
                        // "a statement signed by ...": a participle ends the head phrase.
                        || k > a + 1 && self.w(k).ends_with("ed") && self.w(k).starts_with(char::is_lowercase) && self.is_any(k + 1, &["by", "to", "on", "in", "at"]))
                    && !(self.is(k, "of")
                        && self.is_any(
                            a,
                            &[
                                "one", "two", "three", "four", "five", "some", "many", "most",
                                "several", "none", "another", "each", "both", "all", "few",
                            ],
                        ))
            })
            .map_or(src.end, |k| self.toks[k].span().start);
        let core = Span::new(src.start, core_end);
        if let Some(&e) = ents
            .iter()
            .find(|&&e| core.contains(self.ents[e].span) && self.ents[e].label == Label::PERSON)
        {
            return (SourceType::Person, self.ents[e].span, Some(e));
        }
        // "The company's chief executive, Paolo Ferri": a person named in the appositive.
        let appositive = self.text[core.end..src.end].trim_start().starts_with(',');
        // "The mayor of Bellport, Ines Carvalho": a capitalised name as the appositive.
        if appositive {
            let app = self.text[core.end..src.end]
                .trim_start()
                .trim_start_matches(',')
                .trim();
            let words: Vec<&str> = app.split_whitespace().collect();
            if (2..=3).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && !ents.iter().any(|&e| {
                    matches!(self.ents[e].label, Label::ORG | Label::GPE)
                        && self.ents[e].span.slice(self.text) == app
                })
            {
                if let Some(rel) = src.slice(self.text).rfind(app) {
                    let head = Span::new(src.start + rel, src.start + rel + app.len());
                    return (SourceType::Person, head, None);
                }
            }
        }
        if let Some(&e) = ents.iter().find(|&&e| {
            appositive && self.ents[e].label == Label::PERSON && self.ents[e].span.start >= core.end
        }) {
            return (SourceType::Person, self.ents[e].span, Some(e));
        }
        // "engineer Tomasz Nowak": a role word, then a capitalised name ending the core.
        let core_last_tok = self.tok_index_at(core.end).saturating_sub(1).max(a);
        let mut n0 = core_last_tok + 1;
        while n0 > a && self.cap(n0 - 1) && !self.is_any(n0 - 1, DETS) {
            n0 -= 1;
        }
        if core_last_tok + 1 - n0 >= 2
            && n0 > a
            && !ents.iter().any(|&e| {
                matches!(self.ents[e].label, Label::ORG | Label::GPE)
                    && self.ents[e].span.end == self.toks[core_last_tok].span().end
            })
        {
            return (SourceType::Person, self.tspan(n0, core_last_tok), None);
        }
        // The head noun: last word of the core.
        let core_last = self.tok_index_at(core.end).saturating_sub(1).max(a);
        let mut h = core_last;
        while h > a && self.punct(h) {
            h -= 1;
        }
        let head_word = self.w(h).to_ascii_lowercase();
        let head = self.toks[h].span();
        if let Some(&e) = ents
            .iter()
            .find(|&&e| self.ents[e].span.end == head.end || self.ents[e].span.contains(head))
        {
            let t = match self.ents[e].label {
                Label::PERSON => SourceType::Person,
                Label::ORG | Label::GPE => SourceType::Organization,
                Label::NORP => SourceType::Anonymous,
                _ => SourceType::Unknown,
            };
            return (t, self.ents[e].span, Some(e));
        }
        // "the Stimson Centre think-tank": the named organisation is the head, not "tank".
        let org_descriptor =
            self.lex.source_nouns.get(head_word.as_str()) == Some(&SourceType::Organization);
        if let Some(&e) = ents.iter().find(|&&e| {
            org_descriptor && self.ents[e].label == Label::ORG && core.contains(self.ents[e].span)
        }) {
            return (SourceType::Organization, self.ents[e].span, Some(e));
        }
        if let Some(&t) = self.lex.source_nouns.get(head_word.as_str()) {
            // "One of the people, a KIA official": the appositive names the role.
            return (
                t,
                head,
                ents.iter().copied().find(|&e| {
                    core.contains(self.ents[e].span) && matches!(self.ents[e].label, Label::ORG)
                }),
            );
        }
        // An ORG entity right before a descriptor noun ("the Stimson Centre think-tank").
        if let Some(&e) = ents.iter().find(|&&e| {
            matches!(self.ents[e].label, Label::ORG | Label::GPE)
                && core.contains(self.ents[e].span)
        }) {
            return (SourceType::Organization, self.ents[e].span, Some(e));
        }
        // Look into the appositive for a role.
        if core.end < src.end {
            for k in self.tok_index_at(core.end)..=b {
                if let Some(&t) = self
                    .lex
                    .source_nouns
                    .get(self.w(k).to_ascii_lowercase().as_str())
                {
                    if t == SourceType::Anonymous {
                        // A name we did not tag, with a role: still a person when capitalised.
                        if (a..h + 1).all(|j| self.cap(j)) {
                            return (SourceType::Person, core.trim(self.text), None);
                        }
                        return (t, self.toks[k].span(), None);
                    }
                }
            }
        }
        let words: Vec<&str> = core.slice(self.text).split_whitespace().collect();
        if (2..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            return (SourceType::Person, core.trim(self.text), None);
        }
        (SourceType::Unknown, head, None)
    }

    /// Resolves pronoun and definite sources to earlier mentions; fills cue-less sources.
    fn resolve(&self, claims: &mut [Claim], no_comment: &mut [NoComment]) {
        // History of mentions: (span, type, head word, entity).
        let mut history: Vec<(Span, SourceType, String, Option<usize>, Span)> = Vec::new();
        let mut nc = 0usize;
        for i in 0..claims.len() {
            // Non-responses before this claim see the same history.
            while nc < no_comment.len()
                && no_comment[nc].subject.start
                    < claims[i].source.span.start.min(claims[i].content.start)
            {
                no_comment[nc].resolved = self
                    .lookup(no_comment[nc].subject, no_comment[nc].sentence, &history)
                    .map(|(m, _)| m);
                nc += 1;
            }
            let src = claims[i].source.span;
            let src_text = src.slice(self.text);
            if claims[i].cue.is_none() {
                // Cue-less: the source is the previous claim's; point at what it resolved to.
                if let Some(prev) = (0..i).rev().find(|&j| claims[j].source.span == src) {
                    let p = claims[prev].source.clone();
                    claims[i].source.kind = p.kind;
                    claims[i].source.head = p.head;
                    claims[i].source.entity = p.entity;
                    claims[i].source.resolved = p.resolved.or(Some(Mention {
                        span: p.head,
                        entity: p.entity,
                    }));
                }
                continue;
            }
            let is_pronoun = PRONOUNS.contains(&src_text);
            let definite = src_text.split_whitespace().count() <= 3
                && (src_text.starts_with("the ") || src_text.starts_with("The "))
                && claims[i].source.entity.is_none()
                && !src_text
                    .split_whitespace()
                    .skip(1)
                    .any(|w| w.starts_with(char::is_uppercase));
            if is_pronoun || definite {
                if let Some((m, t)) = self.lookup(src, claims[i].sentence, &history) {
                    claims[i].source.resolved = Some(m.clone());
                    claims[i].source.kind = t;
                    if claims[i].source.entity.is_none() {
                        claims[i].source.entity = m.entity;
                    }
                    continue;
                }
            }
            let head_word = claims[i].source.head.slice(self.text).to_ascii_lowercase();
            history.push((
                src,
                claims[i].source.kind,
                head_word,
                claims[i].source.entity,
                claims[i].source.head,
            ));
        }
        while nc < no_comment.len() {
            no_comment[nc].resolved = self
                .lookup(no_comment[nc].subject, no_comment[nc].sentence, &history)
                .map(|(m, _)| m);
            nc += 1;
        }
    }

    /// The earlier mention a pronoun or definite description refers to: an earlier claim's
    /// source, an entity or a noun phrase in the sentences just before, whichever is nearest
    /// ("Maj. Gen. Hassan Idris commands the division. The commander said ...").
    fn lookup(
        &self,
        src: Span,
        si: usize,
        history: &[(Span, SourceType, String, Option<usize>, Span)],
    ) -> Option<(Mention, SourceType)> {
        // A recent source (a subject that spoke) beats a nearer entity that may be an object
        // ("The office told Reuters that China may have held talks with the KIA ... it said").
        let floor = self
            .sents
            .get(si.saturating_sub(3))
            .map_or(0, |s| s.span.start);
        let pronoun = PRONOUNS.contains(&src.slice(self.text));
        match self.lookup_history(src, history) {
            Some(h) if h.0.span.start >= floor => Some(h),
            // "according to the commander" long after "a KIA commander ... said": an earlier
            // source with the same noun beats whoever was named last.
            Some(h) if !pronoun => self.lookup_same_noun(src, si).or(Some(h)),
            h => self.lookup_text(src, si).or(h),
        }
    }

    /// An indefinite noun phrase with the same noun as `src` in the sentences just before.
    fn lookup_same_noun(&self, src: Span, si: usize) -> Option<(Mention, SourceType)> {
        let tl = src.slice(self.text).to_ascii_lowercase();
        let noun = tl.rsplit(' ').next().unwrap_or("");
        let floor = self
            .sents
            .get(si.saturating_sub(3))
            .map_or(0, |s| s.span.start);
        let m = self.indefinite_with(noun, floor, src.start)?;
        let t = self
            .lex
            .source_nouns
            .get(noun)
            .copied()
            .unwrap_or(SourceType::Anonymous);
        Some((
            Mention {
                span: m,
                entity: None,
            },
            t,
        ))
    }

    /// An antecedent in the text of the sentences before `si` (and `si` itself, before `src`).
    fn lookup_text(&self, src: Span, si: usize) -> Option<(Mention, SourceType)> {
        let tl = src.slice(self.text).to_ascii_lowercase();
        let floor = self
            .sents
            .get(si.saturating_sub(3))
            .map_or(0, |s| s.span.start);
        let before = |e: &Entity| e.span.end <= src.start && e.span.start >= floor;
        let last_entity = |labels: &[Label]| {
            let at = self.ents.partition_point(|e| e.span.end <= src.start);
            (0..at)
                .rev()
                .take(40)
                .find(|&i| before(&self.ents[i]) && labels.contains(&self.ents[i].label))
        };
        let entity = |i: usize, t: SourceType| {
            Some((
                Mention {
                    span: self.ents[i].span,
                    entity: Some(i),
                },
                t,
            ))
        };
        match tl.as_str() {
            "he" | "she" => {
                last_entity(&[Label::PERSON]).and_then(|i| entity(i, SourceType::Person))
            }
            "it" => last_entity(&[Label::ORG]).and_then(|i| entity(i, SourceType::Organization)),
            "they" => None,
            _ => {
                let noun = tl.rsplit(' ').next().unwrap_or("");
                // "A senior official at the finance ministry spoke ...": an indefinite phrase
                // with the same noun.
                if let Some(found) = self.lookup_same_noun(src, si) {
                    return Some(found);
                }
                // Else the role says what to look for: a person for "the commander", an
                // organisation for "the carmaker".
                // Only a bare "the X" is resolved this way: "the agriculture ministry" already
                // says which ministry.
                if tl.split_whitespace().count() != 2 {
                    return None;
                }
                let role = self.lex.source_nouns.get(noun).copied();
                let org_noun =
                    role == Some(SourceType::Organization) || self.lex.org_nouns.contains(noun);
                if role == Some(SourceType::Anonymous) {
                    last_entity(&[Label::PERSON]).and_then(|i| entity(i, SourceType::Person))
                } else if org_noun {
                    // An organisation named with the noun ("the agency" -> "International
                    // Energy Agency"), else the last one not in parentheses ("(Reuters)").
                    let at = self.ents.partition_point(|e| e.span.end <= src.start);
                    let named = (0..at).rev().take(40).find(|&i| {
                        before(&self.ents[i])
                            && self.ents[i].label == Label::ORG
                            && self.ents[i]
                                .span
                                .slice(self.text)
                                .to_ascii_lowercase()
                                .contains(noun)
                    });
                    let any = (0..at).rev().take(40).find(|&i| {
                        let e = &self.ents[i];
                        before(e)
                            && e.label == Label::ORG
                            && !self.text[..e.span.start].ends_with('(')
                    });
                    named
                        .or(any)
                        .and_then(|i| entity(i, SourceType::Organization))
                } else {
                    None
                }
            }
        }
    }

    /// The last indefinite noun phrase ("a man", "A senior official at the finance ministry")
    /// with head `noun` between bytes `floor` and `until`.
    fn indefinite_with(&self, noun: &str, floor: usize, until: usize) -> Option<Span> {
        let hi = self.tok_index_at(until);
        let lo = self.tok_index_at(floor);
        let k = (lo..hi)
            .rev()
            .find(|&k| self.w(k).eq_ignore_ascii_case(noun))?;
        // Back to an indefinite determiner within a few words.
        let det = (k.saturating_sub(5).max(lo)..k)
            .rev()
            .take_while(|&j| !self.punct(j))
            .find(|&j| self.is_any(j, &["a", "an", "another", "one"]))?;
        // One prepositional phrase after the noun: "at the finance ministry".
        let mut end = k;
        if self.is_any(k + 1, &["at", "of", "from", "with", "for", "in"]) {
            let mut j = k + 2;
            while j < hi
                && j <= k + 6
                && (self.is_any(j, DETS)
                    || self.cap(j)
                    || self.w(j).starts_with(char::is_lowercase)
                        && !self.is_any(j, NOT_IN_NP)
                        && !self.w(j).ends_with("ed")
                        && !self
                            .lex
                            .cues
                            .contains_key(self.w(j).to_ascii_lowercase().as_str()))
            {
                j += 1;
            }
            if j > k + 2 {
                end = j - 1;
            }
        }
        Some(self.tspan(det, end))
    }

    /// The earlier claim source a pronoun or definite description refers to.
    fn lookup_history(
        &self,
        src: Span,
        history: &[(Span, SourceType, String, Option<usize>, Span)],
    ) -> Option<(Mention, SourceType)> {
        let tl = src.slice(self.text).to_ascii_lowercase();
        // Antecedents are near: the last 200 mentions are enough and keep this linear.
        let earlier = || {
            history
                .iter()
                .rev()
                .filter(|h| h.0.end <= src.start)
                .take(200)
        };
        let plural = |h: &&(Span, SourceType, String, Option<usize>, Span)| {
            h.2.ends_with('s') || h.0.slice(self.text).contains(" and ")
        };
        let found = match tl.as_str() {
            "he" | "she" => earlier()
                .find(|h| h.1 == SourceType::Person || h.1 == SourceType::Anonymous && !plural(h)),
            "it" => {
                earlier().find(|h| matches!(h.1, SourceType::Organization | SourceType::Document))
            }
            "they" => earlier().find(|h| {
                h.1 == SourceType::Anonymous && plural(h) || h.1 == SourceType::Organization
            }),
            "we" | "i" | "you" => None,
            _ => {
                // "the official": the latest single mention with that noun, not a coordination.
                let noun = tl.rsplit(' ').next().unwrap_or("");
                earlier().find(|h| {
                    sub_np_with(self.text, h.0, noun).is_some_and(|m| {
                        let mt = m.slice(self.text);
                        !mt.contains(" and ") && !mt.eq_ignore_ascii_case(&tl)
                    })
                })
            }
        }?;
        // Point at the most specific mention: a named head, or the piece with the noun.
        let named =
            found.3.is_some_and(|e| self.ents[e].span == found.4) || found.1 == SourceType::Person;
        let span = if named {
            found.4
        } else {
            let noun = if matches!(tl.as_str(), "he" | "she" | "it" | "they") {
                found.2.clone()
            } else {
                tl.rsplit(' ').next().unwrap_or("").to_string()
            };
            sub_np_with(self.text, found.0, &noun).unwrap_or(found.0)
        };
        let entity = found.3.filter(|&e| self.ents[e].span == span);
        Some((Mention { span, entity }, found.1))
    }
}

/// `word` in ASCII lower case, in `buf`, without allocating; `None` for long words (no cue
/// or list word is longer than 32 bytes).
fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let n = word.len();
    if n > buf.len() {
        return None;
    }
    buf[..n].copy_from_slice(word.as_bytes());
    buf[..n].make_ascii_lowercase();
    std::str::from_utf8(&buf[..n]).ok()
}

/// The comma-separated piece of `np` that contains the word `noun` ("a KIA official" in
/// "One of the people, a KIA official").
fn sub_np_with(text: &str, np: Span, noun: &str) -> Option<Span> {
    let s = np.slice(text);
    let mut off = 0;
    for piece in s.split(',') {
        if piece
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(noun))
        {
            let sp = Span::new(np.start + off, np.start + off + piece.len()).trim(text);
            return Some(sp);
        }
        off += piece.len() + 1;
    }
    None
}

/// Drops a period just before a closing quote ("We will go." → "We will go").
fn strip_final_period(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    if t.ends_with('.') && !t.ends_with("..") {
        Span::new(s.start, s.end - 1).trim(text)
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;
    use crate::Document;

    /// (source, cue, content) of each claim in `text`.
    fn claims(text: &str) -> Vec<(String, String, String)> {
        let p = Pipeline::builder()
            .builtin_gazetteers(false)
            .build()
            .expect("pipeline");
        let ann = p.annotate(&Document::new("t", text));
        ann.attribution
            .claims
            .iter()
            .map(|c| {
                (
                    c.source.span.slice(text).to_string(),
                    c.cue.map_or(String::new(), |q| q.slice(text).to_string()),
                    c.content.slice(text).to_string(),
                )
            })
            .collect()
    }

    fn one(source: &str, cue: &str, content: &str) -> Vec<(String, String, String)> {
        vec![(source.into(), cue.into(), content.into())]
    }

    #[test]
    fn participle_between_source_and_cue() {
        let t = "Headline\nGov. Ed Marsh (R-Ohio), citing the flood damage, said, \"We need help now.\"\n";
        assert_eq!(claims(t), one("Gov. Ed Marsh", "said", "We need help now"));
    }

    #[test]
    fn relative_clause_between_source_and_cue() {
        let t =
            "Headline\nAn aide who asked not to be named said Monday, \"The vote will slip.\"\n";
        assert_eq!(claims(t), one("An aide", "said", "The vote will slip"));
    }

    #[test]
    fn phrases_that_cue_only_a_quotation() {
        let t = "Headline\nAs Ana Ruiz put it: \"Nobody reads the fine print.\"\n";
        assert_eq!(
            claims(t),
            one("Ana Ruiz", "put it", "Nobody reads the fine print")
        );
        // Without a quotation, "put it" is just a verb and its object.
        assert!(claims("Headline\nAna Ruiz put it on the table.\n").is_empty());
    }

    #[test]
    fn scene_setting_opener_is_not_content() {
        let t = "Headline\nShortly after the vote, the party issued a statement, \"We accept the result.\"\n";
        assert_eq!(
            claims(t),
            one("the party", "issued a statement", "We accept the result")
        );
        // A condition is part of what is said.
        let t = "Headline\nIf rates rise, the mayor said, \"we will be in trouble.\"\n";
        let got = claims(t);
        assert_eq!(got.len(), 1);
        assert!(got[0].2.starts_with("If rates rise"), "{got:?}");
    }
}
