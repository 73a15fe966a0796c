//! The page-structure rules (from `scripts/boilerplate_research/NOTES.md`): related/more
//! blocks, teaser lists, line scores, the comment tail and the article region (the
//! maximum-sum run of scores). Their outputs are features of the line model and, without a
//! model, the labels themselves.

use super::line::Line;
use super::markers::Mark;
use super::Reason;

// Thresholds (words), from the research notes; all were checked for flatness.
const NEG: f32 = 0.8;
const SHORT_NEG: f32 = 0.2;
const NAV_RUN: usize = 4;
const BLOCK_NEG: f32 = 0.4;
const CLOSE_RUN: usize = 2;
const HEAD_W: usize = 6;
const TAIL_MIN: f32 = 2.0;
const PAIR_W: usize = 40;
const PAIR_MIN: usize = 3;
const LIST_MIN: usize = 3;

/// What a line is to the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Marker, blocked, or teaser.
    K,
    /// Prose: a sentence.
    P,
    /// Text: lower-case words, not a sentence.
    T,
    /// Short: headline-like or navigation.
    S,
}

/// The rules' view of a page.
pub(crate) struct Rules {
    /// Marker kind of each line (block and tail openers before the first prose line become
    /// line markers: menu entries).
    pub marks: Vec<Option<(Mark, Reason)>>,
    /// Unmarked prose.
    pub prose: Vec<bool>,
    /// Inside a related/more block, with the block's reason.
    pub inblock: Vec<Option<Reason>>,
    /// Part of a (headline, teaser) list.
    pub teaser: Vec<bool>,
    pub class: Vec<Class>,
    pub score: Vec<f32>,
    /// Lines from here on are after the comment tail.
    pub end: usize,
    /// The article region `a..=b`, if any line scored.
    pub region: Option<(usize, usize)>,
}

impl Rules {
    /// Runs the rules over the lines and their markers.
    pub(crate) fn new(text: &str, feats: &[Line], mut marks: Vec<Option<(Mark, Reason)>>) -> Rules {
        let n = feats.len();
        let prose: Vec<bool> = (0..n)
            .map(|i| marks[i].is_none() && feats[i].is_prose())
            .collect();
        let inblock = blocks(feats, &mut marks, &prose);
        let teaser = teasers(feats, &prose);
        let class: Vec<Class> = (0..n)
            .map(|i| {
                if marks[i].is_some() || inblock[i].is_some() || teaser[i] {
                    Class::K
                } else if prose[i] {
                    Class::P
                } else if feats[i].is_text() {
                    Class::T
                } else {
                    Class::S
                }
            })
            .collect();
        let short_run = run_lengths(&class, Class::S);
        let score: Vec<f32> = (0..n)
            .map(|i| match class[i] {
                Class::P => 1.0,
                Class::T => 0.0,
                Class::S if short_run[i] >= NAV_RUN => -NEG,
                Class::S => -SHORT_NEG,
                Class::K if inblock[i].is_some() || matches!(marks[i], Some((Mark::Block, _))) => {
                    -BLOCK_NEG
                }
                Class::K if matches!(marks[i], Some((Mark::Line, _))) && feats[i].words <= 3 => 0.0,
                Class::K => -NEG,
            })
            .collect();
        let end = tail_end(&marks, &score);
        let region = region(text, feats, &class, &score, end);
        Rules {
            marks,
            prose,
            inblock,
            teaser,
            class,
            score,
            end,
            region,
        }
    }

    /// Whether line `i` is inside the article region.
    pub(crate) fn in_region(&self, i: usize) -> bool {
        self.region.is_some_and(|(a, b)| a <= i && i <= b)
    }
}

/// Related/more blocks: a block marker opens one, two prose lines close it. Openers before
/// the first prose line are menu entries.
fn blocks(
    feats: &[Line],
    marks: &mut [Option<(Mark, Reason)>],
    prose: &[bool],
) -> Vec<Option<Reason>> {
    let n = feats.len();
    let mut inblock = vec![None; n];
    let mut reason = Reason::Related;
    let mut open = false;
    let mut seen_prose = false;
    for i in 0..n {
        if let Some((m @ (Mark::Block | Mark::Tail), r)) = marks[i] {
            if !seen_prose {
                marks[i] = Some((Mark::Line, r));
            } else if m == Mark::Block {
                open = true;
                reason = r;
                continue;
            }
        }
        if prose[i] {
            seen_prose = true;
        }
        if open {
            let mut j = i;
            while j < n && prose[j] && j - i < CLOSE_RUN {
                j += 1;
            }
            if j - i >= CLOSE_RUN {
                open = false;
                // The subheading of the resumed article.
                if i > 0 {
                    let h = i - 1;
                    if inblock[h].is_some()
                        && marks[h].is_none()
                        && !feats[h].term
                        && feats[h].words <= HEAD_W
                    {
                        inblock[h] = None;
                    }
                }
            } else {
                inblock[i] = Some(reason);
            }
        }
    }
    inblock
}

/// Teaser lists: three or more (headline, short prose) pairs.
fn teasers(feats: &[Line], prose: &[bool]) -> Vec<bool> {
    let n = feats.len();
    let mut teaser = vec![false; n];
    let mut i = 0;
    while i + 1 < n {
        let mut j = i;
        while j + 1 < n
            && !feats[j].term
            && (1..=15).contains(&feats[j].words)
            && prose[j + 1]
            && feats[j + 1].words <= PAIR_W
        {
            j += 2;
        }
        if (j - i) / 2 >= PAIR_MIN {
            for t in &mut teaser[i..j] {
                *t = true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    teaser
}

/// A comment tail ends the page once a region worth two lines of prose was seen.
fn tail_end(marks: &[Option<(Mark, Reason)>], score: &[f32]) -> usize {
    let (mut best, mut cur) = (0.0f32, 0.0f32);
    for (i, &s) in score.iter().enumerate() {
        if matches!(marks[i], Some((Mark::Tail, _))) && best >= TAIL_MIN {
            return i;
        }
        cur = (cur + s).max(0.0);
        best = best.max(cur);
    }
    score.len()
}

/// The maximum-sum run of scores before `end`, extended over a list that follows it.
fn region(
    text: &str,
    feats: &[Line],
    class: &[Class],
    score: &[f32],
    end: usize,
) -> Option<(usize, usize)> {
    let (mut a, mut b) = (0usize, None::<usize>);
    let (mut best, mut cur, mut st) = (0.0f32, 0.0f32, 0usize);
    for (i, &s) in score.iter().enumerate().take(end) {
        cur += s;
        if cur <= 0.0 {
            cur = 0.0;
            st = i + 1;
        } else if cur > best {
            best = cur;
            a = st;
            b = Some(i);
        }
    }
    let bb = b?;
    // A list right after the region (an optional heading, then items).
    let mut j = bb + 1;
    if j < end
        && matches!(class[j], Class::S | Class::T)
        && !is_item(text, &feats[j])
        && feats[j].words <= 8
    {
        j += 1;
    }
    let mut k = j;
    while k < end && class[k] != Class::K && (is_item(text, &feats[k]) || class[k] == Class::P) {
        k += 1;
    }
    Some((a, if k - j >= LIST_MIN { k - 1 } else { bb }))
}

/// A list item: carries digits, commas, brackets, "label: value", dashes or a URL.
pub(crate) fn is_item(text: &str, f: &Line) -> bool {
    let s = f.span.slice(text);
    (f.words >= 2 || f.urls > 0)
        && !f.term
        && (f.digits > 0
            || f.commas > 0
            || f.urls > 0
            || s.bytes().any(|b| b == b'(')
            || s.contains(": ")
            || s.contains('–')
            || s.contains("--"))
}

/// For each line, the length of the run of class `c` it belongs to (0 outside one).
pub(crate) fn run_lengths(class: &[Class], c: Class) -> Vec<usize> {
    let n = class.len();
    let mut out = vec![0; n];
    let mut i = 0;
    while i < n {
        if class[i] == c {
            let mut j = i;
            while j < n && class[j] == c {
                j += 1;
            }
            for o in &mut out[i..j] {
                *o = j - i;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}
