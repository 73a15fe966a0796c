//! The boilerplate stage on the HTML pages of boilerplate-dev (`html/*.html.gz`, the pages
//! the text dumps were made from): each page becomes the document claimex makes of HTML
//! input (text, DOM hints, metadata), its lines take the gold labels of the dump (the texts
//! are the same line for line; a page whose text differs is left out and counted), and the
//! line model for pages with DOM hints ([`Model::train_html`]) is trained and scored on them
//! leave-one-site-out, as the text model is in [`super::boilerplate`].
//!
//! `--html-body-out FILE` writes each page's body text as its held-out model kept it, the
//! `{"id", "text"}` lines `../shared/peers/boilerplate/score_html.py` scores.

use std::io::Write as _;
use std::path::Path;

use super::boilerplate::{keep_of_blocks, load, Counts, GoldPage, Rows};
use super::{Figures, Shared};
use crate::boilerplate::{body_text as join_body, Boilerplate, DocContext, Model, TrainOptions};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::input::{DocStream, InputOptions, Item};

/// A gold page and the document claimex makes of its HTML.
struct HtmlPage {
    gold: GoldPage,
    doc: Document,
}

fn io_err(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn load_html(shared: &Shared) -> Result<Vec<HtmlPage>> {
    let dir = shared.corpus("boilerplate-dev").join("html");
    let mut out = Vec::new();
    let mut differ = 0;
    for gold in load(shared)? {
        // Read as claimex reads any input (gzip and HTML detected), so the document is the
        // one `clean --emit body DIR` makes of the page.
        let path = dir.join(format!("{}.html.gz", gold.doc));
        let file = std::fs::File::open(&path).map_err(|e| io_err(&path, e))?;
        let doc =
            DocStream::from_reader(&gold.doc, file, InputOptions::default()).find_map(|r| match r
                .item
            {
                Item::Doc(d) => Some(d),
                Item::Failed { .. } => None,
            });
        match doc {
            Some(doc) if doc.text.trim_end() == gold.text.trim_end() => {
                out.push(HtmlPage { gold, doc })
            }
            _ => differ += 1,
        }
    }
    if differ > 0 {
        println!("boilerplate html: {differ} pages left out (their text is not the dump's)");
    }
    Ok(out)
}

/// Feature rows (text and layout columns), labels, lengths and page of every line.
fn rows(pages: &[HtmlPage]) -> Rows {
    let bp = Boilerplate::new().with_model(None);
    let mut r = Rows::default();
    for (pi, p) in pages.iter().enumerate() {
        let (text, Some(layout)) = (&p.doc.text, p.doc.layout.as_ref()) else {
            continue;
        };
        let tokens = crate::lexical::tokenize(text);
        let (page, x) = bp.feature_rows_html(text, &tokens, p.doc.field("title"), layout);
        r.push_page(pi, text, &page, &x, &p.gold.lines);
    }
    r
}

/// Trains the model for pages with DOM hints on every HTML page.
pub fn train(shared: &Shared, opt: TrainOptions) -> Result<Model> {
    let r = rows(&load_html(shared)?);
    Ok(Model::train_html(&r.x, &r.y, &r.len, opt))
}

/// Writes [`train`]'s model to `path` with its provenance.
pub fn write_model(shared: &Shared, opt: TrainOptions, path: &Path) -> Result<Model> {
    let m = train(shared, opt)?;
    let header =
        "claimex boilerplate line model for pages with DOM hints: logistic regression over \
                  the features of\nsrc/boilerplate/features.rs and the layout columns of \
                  src/boilerplate/layout_features.rs.\n\
                  Trained on the 91 HTML pages of boilerplate-dev (62 sites; from the Zyte \
                  article-extraction-benchmark, MIT licence) by\n\
                  `claimex eval boilerplate --html-train-out FILE` (options chosen by the \
                  leave-one-site-out figure of `--html-cv`).\n\
                  Rows: feature, mean and scale (the feature is standardised with them), weight \
                  (positive: towards body).";
    std::fs::write(path, m.to_tsv(header)).map_err(|e| io_err(path, e))?;
    Ok(m)
}

/// The kept flag of every line and the body text of a document, as `clean --emit body`
/// makes it with `bp`.
fn body_text(doc: &Document, bp: &Boilerplate) -> (Vec<bool>, String) {
    let tokens = crate::lexical::tokenize(&doc.text);
    let blocks = bp.classify_tokens(&doc.text, &tokens, DocContext::of(doc));
    (
        keep_of_blocks(&doc.text, &blocks),
        join_body(&doc.text, &blocks),
    )
}

/// Leave-one-site-out on the HTML pages: for each site, a model trained on the other sites'
/// pages labels its pages. Prints `html_cv_*` figures (and the text model's on the same
/// pages, `html_text_*`); writes the held-out bodies to `body_out` when given.
pub fn cross_validate(
    shared: &Shared,
    opt: TrainOptions,
    verbose: bool,
    body_out: Option<&Path>,
) -> Result<Figures> {
    let pages = load_html(shared)?;
    let r = rows(&pages);
    let w = r.x.len() / r.y.len().max(1);
    let mut sites: Vec<&str> = pages.iter().map(|p| p.gold.site.as_str()).collect();
    sites.sort_unstable();
    sites.dedup();
    let d = crate::boilerplate::N_FEATURES;
    let text_opt = Model::builtin().map_or_else(TrainOptions::default, |m| m.options());
    let (mut bodies, mut text_bodies) = (Vec::new(), Vec::new());
    let (mut cv, mut text_cv) = (Counts::default(), Counts::default());
    for site in &sites {
        let (mut x, mut xt, mut y, mut len) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, &pi) in r.page.iter().enumerate() {
            if pages[pi].gold.site != *site {
                x.extend_from_slice(&r.x[i * w..(i + 1) * w]);
                xt.extend_from_slice(&r.x[i * w..i * w + d]);
                y.push(r.y[i]);
                len.push(r.len[i]);
            }
        }
        // The text model trained on the same held-in pages, with the shipped text model's
        // options: the figure to compare with, and the fallback of the page model.
        let text_model = Model::train(&xt, &y, &len, text_opt);
        let text = Boilerplate::new().with_model(Some(text_model.clone()));
        let bp = Boilerplate::new()
            .with_model(Some(text_model))
            .with_html_model(Some(Model::train_html(&x, &y, &len, opt)));
        for (pi, p) in pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.gold.site == *site)
        {
            let (keep, body) = body_text(&p.doc, &bp);
            cv.add(&p.gold, &keep, verbose);
            bodies.push((pi, body));
            let (keep, body) = body_text(&p.doc, &text);
            text_cv.add(&p.gold, &keep, false);
            text_bodies.push((pi, body));
        }
    }
    let mut fig = Figures::new();
    let what = format!(
        "HTML pages, leave-one-site-out ({} sites, {opt:?})",
        sites.len()
    );
    cv.report(&what, pages.len(), &mut fig, "html_cv_");
    let what = "HTML pages, text model alone, leave-one-site-out";
    text_cv.report(what, pages.len(), &mut fig, "html_text_cv_");
    if let Some(path) = body_out {
        write_bodies(path, &pages, &mut bodies)?;
        let text_path = path.with_extension("text.jsonl");
        write_bodies(&text_path, &pages, &mut text_bodies)?;
        println!(
            "boilerplate html: held-out bodies in {} (text model alone: {})",
            path.display(),
            text_path.display()
        );
    }
    Ok(fig)
}

fn write_bodies(path: &Path, pages: &[HtmlPage], bodies: &mut [(usize, String)]) -> Result<()> {
    bodies.sort_by_key(|b| b.0);
    let mut f = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    for (pi, body) in bodies.iter() {
        let rec = serde_json::json!({"id": pages[*pi].gold.doc, "text": body});
        writeln!(f, "{rec}").map_err(|e| io_err(path, e))?;
    }
    Ok(())
}
