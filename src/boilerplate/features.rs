//! The line model's features: what a line looks like (length, sentence end, case, stop
//! words, digits, punctuation, links), what the rules say about it (marker kind, inside a
//! related block or a teaser list, inside the article region), and its neighbourhood (prose
//! around it, distance to the region and to prose, run structure, position, similarity to
//! the title, repetition in the page).
//!
//! [`FEATURES`] names every column in order; the model file (`data/boilerplate/model.tsv`)
//! lists the same names, so a model trained for another feature set is refused. Optional
//! per-line layout hints (DOM tags and classes of HTML pages) add columns after these.

use super::line::Line;
use super::markers::Mark;
use super::rules::{run_lengths, Class, Rules};
use crate::fasthash::FxHashMap;
use crate::lexical::{Token, TokenKind};

/// Feature names, in column order.
pub const FEATURES: &[&str] = &[
    "bias",
    "ln_words",
    "ln_bytes",
    "term",
    "prose",
    "lowr",
    "caps",
    "upper_share",
    "stop_share",
    "short_lower_share",
    "punct_share",
    "comma_rate",
    "digit_share",
    "url",
    "time_share",
    "bullet",
    "colon_end",
    "quote_start",
    "ellipsis_end",
    "mark_tail",
    "mark_block",
    "mark_line",
    "mark_meta",
    "mark_cap",
    "inblock",
    "teaser",
    "class_p",
    "class_t",
    "class_s",
    "in_region",
    "after_tail",
    "rule_score",
    "pos",
    "char_pos",
    "first_line",
    "title_sim",
    "dup_in_page",
    "prev_prose",
    "next_prose",
    "win2_prose",
    "win5_prose",
    "win5_ln_words",
    "ln_dist_prose",
    "ln_run_same",
    "before_region",
    "ln_dist_region",
    "prev_mark",
    "next_mark",
    "ln_lines",
    "page_prose_share",
    "region_share",
    "region_short",
    "region_text",
    "outside_prose",
    "between_prose",
    "heading_shape",
];

/// Number of feature columns.
pub const N_FEATURES: usize = FEATURES.len();

/// The feature rows of a page, `N_FEATURES` values per line.
pub(crate) fn page_features(
    text: &str,
    tokens: &[Token],
    feats: &[Line],
    rules: &Rules,
    title: Option<&str>,
    out: &mut Vec<f32>,
) {
    out.clear();
    out.reserve(feats.len() * N_FEATURES);
    PageFeatures::new(text, tokens, feats, rules, title).for_each_row(|_, row| {
        out.extend_from_slice(row);
    });
}

/// What the rows of a page are made from: the page-wide counts (a few numbers per line), so
/// that rows can be made one at a time and a page of millions of lines never holds its whole
/// feature matrix (224 bytes a line) when only each line's decision is needed.
pub(crate) struct PageFeatures<'a> {
    text: &'a str,
    tokens: &'a [Token],
    feats: &'a [Line],
    rules: &'a Rules,
    total: usize,
    prose: Vec<f32>,
    lnw: Vec<f32>,
    pre_prose: Vec<f32>,
    pre_lnw: Vec<f32>,
    dist_prose: Vec<usize>,
    marked: Vec<bool>,
    same_run: Vec<usize>,
    dups: Vec<bool>,
    title_words: TitleWords<'a>,
    page_prose: f32,
    region_n: usize,
}

impl<'a> PageFeatures<'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        feats: &'a [Line],
        rules: &'a Rules,
        title: Option<&'a str>,
    ) -> PageFeatures<'a> {
        let n = feats.len();
        let total: usize = feats.iter().map(|f| f.span.len()).sum::<usize>().max(1);
        let prose: Vec<f32> = rules
            .prose
            .iter()
            .map(|&p| f32::from(u8::from(p)))
            .collect();
        let lnw: Vec<f32> = feats.iter().map(|f| ln(f.words as f32)).collect();
        let pre_prose = prefix_sums(&prose);
        let pre_lnw = prefix_sums(&lnw);
        let page_prose = pre_prose[n] / n.max(1) as f32;
        PageFeatures {
            text,
            tokens,
            feats,
            rules,
            total,
            dist_prose: distance_to(&rules.prose),
            marked: rules.marks.iter().map(Option::is_some).collect(),
            same_run: class_runs(&rules.class),
            dups: duplicates(text, feats),
            title_words: TitleWords::new(text, tokens, feats, title),
            page_prose,
            region_n: rules.region.map_or(0, |(a, b)| b + 1 - a),
            prose,
            lnw,
            pre_prose,
            pre_lnw,
        }
    }

    /// Calls `f` with each line's index and feature row, in order.
    pub(crate) fn for_each_row(&self, mut f: impl FnMut(usize, &[f32; N_FEATURES])) {
        let mut before = 0usize;
        for (i, line) in self.feats.iter().enumerate() {
            f(i, &self.row(i, line, before));
            before += line.span.len();
        }
    }

    /// The feature row of line `i` (`f`), `before` being the bytes of the lines before it.
    fn row(&self, i: usize, f: &Line, before: usize) -> [f32; N_FEATURES] {
        let (text, tokens, rules) = (self.text, self.tokens, self.rules);
        let (prose, lnw, dups, marked) = (&self.prose, &self.lnw, &self.dups, &self.marked);
        let (pre_prose, pre_lnw) = (&self.pre_prose, &self.pre_lnw);
        let (dist_prose, same_run, title_words) =
            (&self.dist_prose, &self.same_run, &self.title_words);
        let (total, page_prose, region_n) = (self.total, self.page_prose, self.region_n);
        let n = self.feats.len();
        let s = f.span.slice(text);
        let toks = &tokens[f.tok.0..f.tok.1];
        let ntok = toks.len().max(1) as f32;
        let alpha = f.alpha.max(1) as f32;
        let mark = rules.marks[i].map(|(m, _)| m);
        let in_region = rules.in_region(i);
        let dist_region = match rules.region {
            Some((a, _)) if i < a => a - i,
            Some((_, b)) if i > b => i - b,
            Some(_) => 0,
            None => n,
        };
        let window = |r: usize, pre: &[f32]| {
            let (lo, hi) = (i.saturating_sub(r), (i + r + 1).min(n));
            let cnt = (hi - lo - 1).max(1) as f32;
            (pre[hi] - pre[lo] - (pre[i + 1] - pre[i])) / cnt
        };
        let class = rules.class[i];
        let between = i > 0 && i + 1 < n && rules.prose[i - 1] && rules.prose[i + 1];
        [
            1.0,
            lnw[i],
            ln(s.len() as f32),
            b(f.term),
            prose[i],
            f.lowr,
            f.caps,
            f.upper as f32 / alpha,
            f.stop as f32 / alpha,
            f.short_lower as f32 / alpha,
            f.punct as f32 / ntok,
            f.commas as f32 / f.words.max(1) as f32,
            f.digits as f32 / ntok,
            b(f.urls > 0),
            f.time as f32 / alpha,
            b(s.starts_with(['-', '•', '*', '·', '►', '»', '›', '>', '|'])),
            b(s.ends_with(':')),
            b(s.starts_with(['"', '“', '\'', '‘', '«'])),
            b(s.ends_with(['…']) || s.ends_with("...")),
            b(mark == Some(Mark::Tail)),
            b(mark == Some(Mark::Block)),
            b(mark == Some(Mark::Line)),
            b(mark == Some(Mark::Meta)),
            b(mark == Some(Mark::Cap)),
            b(rules.inblock[i].is_some()),
            b(rules.teaser[i]),
            b(class == Class::P),
            b(class == Class::T),
            b(class == Class::S),
            b(in_region),
            b(i >= rules.end),
            rules.score[i],
            i as f32 / n as f32,
            before as f32 / total as f32,
            b(i == 0),
            if i == 0 {
                0.0
            } else {
                title_words.share(text, toks)
            },
            b(dups[i]),
            if i > 0 { prose[i - 1] } else { 0.0 },
            if i + 1 < n { prose[i + 1] } else { 0.0 },
            window(2, pre_prose),
            window(5, pre_prose),
            window(5, pre_lnw),
            ln(dist_prose[i] as f32),
            ln(same_run[i] as f32),
            b(rules.region.is_some_and(|(a, _)| i < a)),
            ln(dist_region as f32),
            b(i > 0 && marked[i - 1]),
            b(i + 1 < n && marked[i + 1]),
            ln(n as f32),
            page_prose,
            region_n as f32 / n as f32,
            b(in_region && class == Class::S),
            b(in_region && class == Class::T),
            b(!in_region && class == Class::P),
            b(between),
            b(between && !f.term && f.words <= 12 && f.caps >= 0.5 && mark.is_none()),
        ]
    }
}

/// `ln(1 + x)`, as the model was trained on (not `ln_1p`, which rounds differently).
#[inline]
fn ln(x: f32) -> f32 {
    (1.0 + x).ln()
}

#[inline]
fn b(x: bool) -> f32 {
    f32::from(u8::from(x))
}

fn prefix_sums(v: &[f32]) -> Vec<f32> {
    let mut out = Vec::with_capacity(v.len() + 1);
    let mut acc = 0.0;
    out.push(0.0);
    for &x in v {
        acc += x;
        out.push(acc);
    }
    out
}

/// Lines to the nearest other line where `flag` holds (the page length when none).
fn distance_to(flag: &[bool]) -> Vec<usize> {
    let n = flag.len();
    let mut left = vec![n; n];
    let mut last = None;
    for i in 0..n {
        if let Some(l) = last {
            left[i] = i - l;
        }
        if flag[i] {
            last = Some(i);
        }
    }
    let mut next = None;
    for i in (0..n).rev() {
        if let Some(r) = next {
            left[i] = left[i].min(r - i);
        }
        if flag[i] {
            next = Some(i);
        }
    }
    left
}

fn class_runs(class: &[Class]) -> Vec<usize> {
    let mut out = vec![0; class.len()];
    for c in [Class::K, Class::P, Class::T, Class::S] {
        for (o, r) in out.iter_mut().zip(run_lengths(class, c)) {
            *o = (*o).max(r);
        }
    }
    out
}

/// Lines whose exact text occurs more than once in the page.
fn duplicates(text: &str, feats: &[Line]) -> Vec<bool> {
    // Sized for an ordinary page: a page of millions of lines that repeat (a list, a log)
    // needs only a few entries, not a table of one slot per line.
    let mut seen: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(feats.len().min(4096), Default::default());
    for f in feats {
        *seen.entry(f.span.slice(text)).or_default() += 1;
    }
    feats
        .iter()
        .map(|f| seen.get(f.span.slice(text)).is_some_and(|&c| c > 1))
        .collect()
}

/// The words of the title (the title field, else the first line), for similarity.
struct TitleWords<'t> {
    words: Vec<&'t str>,
    /// Per word length (up to 31 bytes, longer ones share the last row), a bit per
    /// lower-cased first byte class (`first_bit`) of the title words of that length: most
    /// tokens of a line are ruled out by this one test before any comparison.
    firsts: [u32; 32],
    /// The ASCII-folded hash of each title word, to the word's index.
    hashes: FxHashMap<u64, usize>,
}

/// Hash of a word with ASCII letters folded to lower case (as `eq_ignore_ascii_case` folds).
#[inline]
fn folded_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in w.as_bytes() {
        h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One of 32 bits for a word's first byte, case folded (letters a-z, everything else bit 31).
#[inline]
fn first_bit(w: &str) -> u32 {
    let c = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    1 << if c.is_ascii_lowercase() { c - b'a' } else { 31 }
}

impl<'t> TitleWords<'t> {
    fn new(text: &'t str, tokens: &[Token], feats: &[Line], title: Option<&'t str>) -> Self {
        let mut words = Vec::new();
        let mut push = |w: &'t str| {
            if w.len() >= 3 && words.len() < 32 {
                words.push(w);
            }
        };
        match title {
            Some(t) => t.split(|c: char| !c.is_alphanumeric()).for_each(&mut push),
            None => {
                if let Some(f) = feats.first() {
                    for t in &tokens[f.tok.0..f.tok.1] {
                        if t.kind == TokenKind::Word {
                            push(t.span().slice(text));
                        }
                    }
                }
            }
        }
        let mut firsts = [0u32; 32];
        let mut hashes = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            firsts[w.len().min(31)] |= first_bit(w);
            hashes.entry(folded_hash(w)).or_insert(i);
        }
        TitleWords {
            words,
            firsts,
            hashes,
        }
    }

    /// Whether `w` is a title word, ASCII case folded.
    fn has(&self, w: &str) -> bool {
        match self.hashes.get(&folded_hash(w)) {
            Some(&i) if self.words[i].eq_ignore_ascii_case(w) => true,
            // Two words of one hash: rare, and then the plain scan decides.
            Some(_) => self.words.iter().any(|x| x.eq_ignore_ascii_case(w)),
            None => false,
        }
    }

    /// Share of the line's words of three letters or more that are title words.
    fn share(&self, text: &str, toks: &[Token]) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        let (mut n, mut hit) = (0usize, 0usize);
        for t in toks {
            if t.kind != TokenKind::Word || t.end - t.start < 3 {
                continue;
            }
            n += 1;
            let w = t.span().slice(text);
            if self.firsts[w.len().min(31)] & first_bit(w) != 0 && self.has(w) {
                hit += 1;
            }
        }
        if n == 0 {
            0.0
        } else {
            hit as f32 / n as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_to_the_nearest_other_flagged_line() {
        assert_eq!(distance_to(&[true, false, false, true]), vec![3, 1, 1, 3]);
        assert_eq!(distance_to(&[false, false]), vec![2, 2]);
    }

    #[test]
    fn feature_names_are_unique() {
        let mut v: Vec<&str> = FEATURES.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), N_FEATURES);
    }
}
