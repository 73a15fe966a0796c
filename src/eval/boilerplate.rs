//! Boilerplate quality: line-level and character-weighted precision, recall and F1 of body
//! lines on `boilerplate-dev` (scored as `shared/peers/boilerplate/score.py` does), and the
//! seed page's known layout.
//!
//! [`cross_validate`] is the figure to report: the line model is retrained with each site
//! left out in turn (62 sites; both pages of a site stay together) and scored on the pages
//! of the site it never saw. [`evaluate`] scores the classifier as shipped (in-sample: its
//! model was trained on these pages).

use std::path::Path;

use super::{read, read_jsonl, Figures, Shared};
use crate::boilerplate::{BlockKind, Boilerplate, Model, Page, TrainOptions, N_FEATURES};
use crate::error::Result;
use crate::segmentation::lines;

fn prf3(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Kept (body or heading) flag for every line of `text`, in order, empty lines included. A
/// line cut in two (body, then a trailing credit) is kept when its first block is.
pub fn keep_per_line(
    bp: &Boilerplate,
    text: &str,
    title: Option<&str>,
    url: Option<&str>,
) -> Vec<bool> {
    keep_of_blocks(text, &bp.classify_doc(text, title, url))
}

/// [`keep_per_line`] from blocks already made.
pub(super) fn keep_of_blocks(text: &str, blocks: &[crate::boilerplate::Block]) -> Vec<bool> {
    let mut keep = Vec::new();
    let mut bi = 0;
    for l in lines(text) {
        let l = l.trim(text);
        while bi < blocks.len() && blocks[bi].span.start < l.start {
            bi += 1;
        }
        let k = blocks
            .get(bi)
            .filter(|b| !l.is_empty() && b.span.start == l.start && b.span.end <= l.end)
            .is_some_and(|b| matches!(b.kind, BlockKind::Body | BlockKind::Heading));
        keep.push(k);
    }
    keep
}

/// One gold page of boilerplate-dev.
pub(super) struct GoldPage {
    pub doc: String,
    pub site: String,
    pub url: Option<String>,
    pub text: String,
    /// (character length, body) per line of the file.
    pub lines: Vec<(usize, bool)>,
}

pub(super) fn load(shared: &Shared) -> Result<Vec<GoldPage>> {
    let dir = shared.corpus("boilerplate-dev");
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let mut pages = Vec::new();
    for g in &gold {
        let doc = g["doc"].as_str().unwrap_or("").to_string();
        let text = read(&dir.join("texts").join(format!("{doc}.txt")))?;
        let url = g["url"].as_str().map(str::to_string);
        let lines = g["lines"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|r| {
                        let s = r["start"].as_u64().unwrap_or(0);
                        let e = r["end"].as_u64().unwrap_or(0).max(s);
                        ((e - s) as usize, r["body"].as_bool().unwrap_or(false))
                    })
                    .collect()
            })
            .unwrap_or_default();
        pages.push(GoldPage {
            site: site_of(url.as_deref()),
            doc,
            url,
            text,
            lines,
        });
    }
    Ok(pages)
}

/// The URL host without `www.`, as boilerplate-dev's split rule names sites.
fn site_of(url: Option<&str>) -> String {
    let u = url.unwrap_or("");
    let rest = u.split("://").nth(1).unwrap_or(u);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// Line and character counts of true positives, false positives, false negatives.
#[derive(Default)]
pub(super) struct Counts {
    line: [usize; 3],
    chars: [usize; 3],
    macro_f: Vec<f64>,
}

impl Counts {
    pub(super) fn add(&mut self, page: &GoldPage, keep: &[bool], verbose: bool) {
        let mut dc = [0usize; 3];
        let texts: Vec<&str> = page.text.split('\n').collect();
        for (i, &(w, gb)) in page.lines.iter().enumerate() {
            let k = keep.get(i).copied().unwrap_or(false);
            let idx = match (gb, k) {
                (true, true) => 0,
                (false, true) => 1,
                (true, false) => 2,
                (false, false) => continue,
            };
            self.line[idx] += 1;
            self.chars[idx] += w;
            dc[idx] += w;
            if verbose && idx != 0 {
                let line: String = texts.get(i).unwrap_or(&"").chars().take(100).collect();
                let what = if idx == 1 {
                    "KEPT boilerplate"
                } else {
                    "DROPPED body   "
                };
                println!("  {}:{} {what} {line:?}", page.doc, i + 1);
            }
        }
        self.macro_f.push(prf3(dc[0], dc[1], dc[2]).2);
    }

    pub(super) fn report(&self, what: &str, pages: usize, fig: &mut Figures, prefix: &str) {
        let (lp, lr, lf) = prf3(self.line[0], self.line[1], self.line[2]);
        let (cp, cr, cf) = prf3(self.chars[0], self.chars[1], self.chars[2]);
        let mf = self.macro_f.iter().sum::<f64>() / self.macro_f.len().max(1) as f64;
        println!("boilerplate: {what}: body lines P {lp:.3} R {lr:.3} F1 {lf:.3}; characters P {cp:.3} R {cr:.3} F1 {cf:.3}; macro char F1 {mf:.3} ({pages} pages)");
        fig.insert(format!("{prefix}line_precision"), lp);
        fig.insert(format!("{prefix}line_recall"), lr);
        fig.insert(format!("{prefix}line_f1"), lf);
        fig.insert(format!("{prefix}char_precision"), cp);
        fig.insert(format!("{prefix}char_recall"), cr);
        fig.insert(format!("{prefix}char_f1"), cf);
        fig.insert(format!("{prefix}macro_char_f1"), mf);
    }
}

/// Training rows of the pages `pick` selects: features, body labels, line lengths.
#[derive(Default)]
pub(super) struct Rows {
    pub x: Vec<f32>,
    pub y: Vec<bool>,
    pub len: Vec<usize>,
    /// Page index of every row.
    pub page: Vec<usize>,
}

impl Rows {
    /// Adds the feature rows `x` of page `pi` (one per entry of `page.feats`), each labelled
    /// by the gold line of `text` it starts on: gold line i is line i of the file, and
    /// features exist for its non-empty lines.
    pub(super) fn push_page(
        &mut self,
        pi: usize,
        text: &str,
        page: &Page,
        x: &[f32],
        gold: &[(usize, bool)],
    ) {
        let w = x.len() / page.feats.len().max(1);
        let starts: Vec<usize> = lines(text).map(|l| l.trim(text).start).collect();
        let mut li = 0;
        for (k, f) in page.feats.iter().enumerate() {
            while li < starts.len() && starts[li] < f.span.start {
                li += 1;
            }
            self.x.extend_from_slice(&x[k * w..(k + 1) * w]);
            self.y.push(gold.get(li).is_some_and(|l| l.1));
            self.len.push(f.span.len());
            self.page.push(pi);
        }
    }
}

fn rows(bp: &Boilerplate, pages: &[GoldPage]) -> Rows {
    let mut r = Rows::default();
    for (pi, p) in pages.iter().enumerate() {
        let tokens = crate::lexical::tokenize(&p.text);
        let (page, x) = bp.feature_rows(&p.text, &tokens, None);
        debug_assert_eq!(x.len(), page.feats.len() * N_FEATURES);
        r.push_page(pi, &p.text, &page, &x, &p.lines);
    }
    r
}

/// Trains the line model on every page of boilerplate-dev.
pub fn train(shared: &Shared, opt: TrainOptions) -> Result<Model> {
    let pages = load(shared)?;
    let r = rows(&Boilerplate::new().with_model(None), &pages);
    Ok(Model::train(&r.x, &r.y, &r.len, opt))
}

/// Writes a model trained on every page to `path`, with its provenance.
pub fn write_model(shared: &Shared, opt: TrainOptions, path: &Path) -> Result<Model> {
    let m = train(shared, opt)?;
    let header = "claimex boilerplate line model: logistic regression over the features of \
                  src/boilerplate/features.rs.\n\
                  Trained on boilerplate-dev (91 pages, 62 sites; from the Zyte \
                  article-extraction-benchmark, MIT licence) by\n\
                  `claimex eval boilerplate --train-out FILE` (scripts/boilerplate/train.py \
                  picks the options by the leave-one-site-out figure).\n\
                  Rows: feature, mean and scale (the feature is standardised with them), weight \
                  (positive: towards body).";
    std::fs::write(path, m.to_tsv(header)).map_err(|e| crate::error::Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok(m)
}

/// Leave-one-site-out: for each site, a model trained on the other sites labels its pages.
/// Prints the figures (`cv_*`), and those of the rules alone (`rules_*`, nothing learned).
pub fn cross_validate(shared: &Shared, opt: TrainOptions, verbose: bool) -> Result<Figures> {
    let pages = load(shared)?;
    let rules = Boilerplate::new().with_model(None);
    let r = rows(&rules, &pages);
    let mut sites: Vec<&str> = pages.iter().map(|p| p.site.as_str()).collect();
    sites.sort_unstable();
    sites.dedup();
    let d = N_FEATURES;
    let mut cv = Counts::default();
    for site in &sites {
        let (mut x, mut y, mut len) = (Vec::new(), Vec::new(), Vec::new());
        for (i, &pi) in r.page.iter().enumerate() {
            if pages[pi].site != *site {
                x.extend_from_slice(&r.x[i * d..(i + 1) * d]);
                y.push(r.y[i]);
                len.push(r.len[i]);
            }
        }
        let bp = Boilerplate::new().with_model(Some(Model::train(&x, &y, &len, opt)));
        for p in pages.iter().filter(|p| p.site == *site) {
            let keep = keep_per_line(&bp, &p.text, None, p.url.as_deref());
            cv.add(p, &keep, verbose);
        }
    }
    let mut fig = Figures::new();
    let what = format!("leave-one-site-out ({} sites, {opt:?})", sites.len());
    cv.report(&what, pages.len(), &mut fig, "cv_");
    let mut base = Counts::default();
    for p in &pages {
        base.add(
            p,
            &keep_per_line(&rules, &p.text, None, p.url.as_deref()),
            false,
        );
    }
    base.report(
        "rules alone (nothing learned)",
        pages.len(),
        &mut fig,
        "rules_",
    );
    Ok(fig)
}

/// Scores the classifier; prints a report and returns the figures.
pub fn evaluate(shared: &Shared, bp: &Boilerplate, verbose: bool) -> Result<Figures> {
    let mut fig = Figures::new();
    let pages = load(shared)?;
    let mut c = Counts::default();
    for p in &pages {
        c.add(
            p,
            &keep_per_line(bp, &p.text, None, p.url.as_deref()),
            verbose,
        );
    }
    c.report("boilerplate-dev (in-sample)", pages.len(), &mut fig, "");
    // A corpus folder without the seed (a fixture) is scored without it, and says so; the
    // floor on `seed_lines_wrong` then fails as "not measured".
    if shared.corpus("seed").is_dir() {
        let wrong = seed(shared, bp)?;
        fig.insert("seed_lines_wrong".into(), -(wrong as f64));
    } else {
        println!(
            "boilerplate: no seed page under {}: not scored",
            shared.root.display()
        );
    }
    Ok(fig)
}

/// The seed page: its layout is known line by line. Returns the number of wrong lines.
fn seed(shared: &Shared, bp: &Boilerplate) -> Result<usize> {
    let seed = read(&shared.corpus("seed/000_e3c8c729511c686c.txt"))?;
    let blocks = bp.classify(&seed, None);
    let mut wrong = Vec::new();
    let mut tail = false;
    let mut line = 0usize;
    let mut lines_n = 0usize;
    let mut prev_end = None;
    for b in &blocks {
        let s = b.span.slice(&seed);
        // A trailing credit cut off a line is not a line of its own.
        let same_line = prev_end.is_some_and(|e| !seed[e..b.span.start].contains('\n'));
        prev_end = Some(b.span.end);
        if same_line {
            if b.kind != BlockKind::Boilerplate {
                wrong.push(format!("credit {s:?} of line {line} is {:?}", b.kind));
            }
            continue;
        }
        line += 1;
        lines_n += 1;
        if s == "Hashtags" {
            tail = true;
        }
        let i = line - 1;
        let want = if i == 0 {
            BlockKind::Title
        } else if tail || s.starts_with("FILE PHOTO") || (9..=18).contains(&i) {
            BlockKind::Boilerplate
        } else if s == "DEFYING CHINA" || s == "BATTLE FOR BHAMO" {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        if b.kind != want {
            wrong.push(format!("line {line}: {:?}, want {want:?}: {s:.60}", b.kind));
        }
    }
    println!(
        "boilerplate: seed page {} of {lines_n} lines labelled as expected",
        lines_n - wrong.len().min(lines_n)
    );
    for w in &wrong {
        println!("  seed {w}");
    }
    Ok(wrong.len())
}

/// Features of every boilerplate-dev line as TSV (site, doc, line, body, then the
/// features), for analysis outside claimex.
pub fn dump_features(shared: &Shared, path: &Path) -> Result<()> {
    let pages = load(shared)?;
    let r = rows(&Boilerplate::new().with_model(None), &pages);
    let mut s = String::from("site\tdoc\tbody\tbytes");
    for f in crate::boilerplate::FEATURES {
        s.push('\t');
        s.push_str(f);
    }
    s.push('\n');
    for i in 0..r.y.len() {
        let p = &pages[r.page[i]];
        s.push_str(&format!(
            "{}\t{}\t{}\t{}",
            p.site,
            p.doc,
            u8::from(r.y[i]),
            r.len[i]
        ));
        for v in &r.x[i * N_FEATURES..(i + 1) * N_FEATURES] {
            s.push_str(&format!("\t{v}"));
        }
        s.push('\n');
    }
    std::fs::write(path, s).map_err(|e| crate::error::Error::Io {
        path: path.to_path_buf(),
        source: e,
    })
}
