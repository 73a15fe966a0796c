//! The layout columns of the line model for pages made from HTML: where in the DOM each line
//! came from ([`crate::layout::LineHint`]: the elements it is inside, the class and id
//! tokens of those elements, its block element, its link density, its depth) and the same
//! for its neighbours. They are appended to the text features of `features.rs`, so one
//! classifier ([`super::Model::builtin_html`], `data/boilerplate/model_html.tsv`) decides
//! from both; text dumps and JSONL have no layout and keep the text-only model.

use std::sync::LazyLock;

use super::features::FEATURES;
use super::line::Line;
use crate::layout::{BlockTag, ClassFlags, Layout, LineHint, TagFlags};

const BLOCKS: [&str; 10] = [
    "p",
    "div",
    "li",
    "heading",
    "row",
    "blockquote",
    "pre",
    "caption",
    "body",
    "other",
];

fn block_index(t: BlockTag) -> usize {
    match t {
        BlockTag::P => 0,
        BlockTag::Div => 1,
        BlockTag::Li => 2,
        BlockTag::Heading(_) => 3,
        BlockTag::Row => 4,
        BlockTag::Blockquote => 5,
        BlockTag::Pre => 6,
        BlockTag::Caption => 7,
        BlockTag::Body => 8,
        BlockTag::Other => 9,
    }
}

static LAYOUT_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v = vec!["has_hint".to_string()];
    v.extend(
        TagFlags::ALL
            .iter()
            .map(|(n, _)| format!("tag_{}", n.to_lowercase())),
    );
    v.extend(
        ClassFlags::ALL
            .iter()
            .map(|(n, _)| format!("class_{}", n.to_lowercase())),
    );
    v.extend(BLOCKS.iter().map(|b| format!("block_{b}")));
    for n in [
        "link_density",
        "ln_depth",
        "ln_chars",
        "win2_link_density",
        "same_depth_prev",
        "same_depth_next",
        "prev_link_line",
        "next_link_line",
    ] {
        v.push(n.to_string());
    }
    v
});

static HTML_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = FEATURES.iter().map(|s| s.to_string()).collect();
    v.extend(LAYOUT_NAMES.iter().cloned());
    v
});

/// The layout column names, in order.
pub fn layout_feature_names() -> &'static [String] {
    &LAYOUT_NAMES
}

/// Every column of the model for pages with DOM hints: [`FEATURES`], then the layout ones.
///
/// ```
/// let names = claimex::boilerplate::html_feature_names();
/// assert_eq!(names[0], "bias");
/// assert!(names.iter().any(|n| n == "class_related") && names.iter().any(|n| n == "tag_nav"));
/// ```
pub fn html_feature_names() -> &'static [String] {
    &HTML_NAMES
}

/// Widens `rows` (`FEATURES.len()` values per line of `feats`) with the layout columns of
/// each line, read from `layout` by the line's start.
pub(crate) fn widen(rows: &[f32], feats: &[Line], layout: &Layout, out: &mut Vec<f32>) {
    let (d, e) = (FEATURES.len(), LAYOUT_NAMES.len());
    let hints: Vec<Option<&LineHint>> = feats.iter().map(|f| layout.at(f.span.start)).collect();
    let dens: Vec<f32> = hints
        .iter()
        .map(|h| h.map_or(0.0, LineHint::link_density))
        .collect();
    out.clear();
    out.reserve(feats.len() * (d + e));
    let n = feats.len();
    for i in 0..n {
        out.extend_from_slice(&rows[i * d..(i + 1) * d]);
        let start = out.len();
        out.resize(start + e, 0.0);
        let col = &mut out[start..];
        let Some(h) = hints[i] else { continue };
        let mut c = 0;
        let mut put = |v: f32| {
            col[c] = v;
            c += 1;
        };
        put(1.0);
        for (_, f) in TagFlags::ALL {
            put(b(h.tags.has(*f)));
        }
        for (_, f) in ClassFlags::ALL {
            put(b(h.classes.has(*f)));
        }
        let bi = block_index(h.tag);
        for k in 0..BLOCKS.len() {
            put(b(k == bi));
        }
        put(dens[i]);
        put((1.0 + f32::from(h.depth)).ln());
        put((1.0 + h.chars as f32).ln());
        let (lo, hi) = (i.saturating_sub(2), (i + 3).min(n));
        let others = (hi - lo - 1).max(1) as f32;
        put((dens[lo..hi].iter().sum::<f32>() - dens[i]) / others);
        let depth = |k: usize| hints[k].map(|x| x.depth);
        put(b(i > 0 && depth(i - 1) == Some(h.depth)));
        put(b(i + 1 < n && depth(i + 1) == Some(h.depth)));
        put(b(i > 0 && dens[i - 1] > 0.8));
        put(b(i + 1 < n && dens[i + 1] > 0.8));
    }
}

#[inline]
fn b(x: bool) -> f32 {
    f32::from(u8::from(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_rows_are_full() {
        let mut v = html_feature_names().to_vec();
        v.sort();
        v.dedup();
        assert_eq!(v.len(), html_feature_names().len());
        let html = crate::crawl::html::extract(
            b"<nav><a href=/>Home</a></nav><p class=story>Officials said the plan would fail.</p>",
            None,
        );
        let tokens = crate::lexical::tokenize(&html.text);
        let bp = super::super::Boilerplate::new();
        let (page, x) = bp.feature_rows(&html.text, &tokens, None);
        let mut wide = Vec::new();
        widen(&x, &page.feats, &html.layout, &mut wide);
        let w = html_feature_names().len();
        assert_eq!(wide.len(), page.feats.len() * w);
        let at = |row: usize, name: &str| {
            let j = html_feature_names().iter().position(|n| n == name).unwrap();
            wide[row * w + j]
        };
        assert_eq!(at(0, "tag_nav"), 1.0);
        assert_eq!(at(0, "link_density"), 1.0);
        assert_eq!(at(1, "tag_nav"), 0.0);
        assert_eq!(at(1, "block_p"), 1.0);
        assert_eq!(at(1, "has_hint"), 1.0);
    }
}
