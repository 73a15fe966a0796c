//! Quality evaluation on gold data (the `claimex eval` subcommand): sentence segmentation
//! (Golden Rules, Universal Dependencies news), boilerplate (line labels), entities (the seed
//! page and GUM's news mentions) and attribution (PolNeAR). Each scorer prints its figures and returns them, so CI can
//! compare them with the floors recorded in `eval/floors.json`.
//!
//! The data lives outside the repository (`../shared/corpora/`); nothing here is used by the
//! pipeline itself.

pub mod attribution;
pub mod boilerplate;
pub mod boilerplate_html;
pub mod entities;
pub mod gum;
pub mod segmentation;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};

/// Figures of one evaluation, by name (`"golden_rules_pass"`, `"ud_f1"`, ...).
pub type Figures = BTreeMap<String, f64>;

/// Where the shared corpora are.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The `shared/` folder (with `corpora/` inside).
    pub root: PathBuf,
}

impl Shared {
    /// A corpus path under `corpora/`.
    pub fn corpus(&self, rel: &str) -> PathBuf {
        self.root.join("corpora").join(rel)
    }
}

pub(crate) fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

pub(crate) fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = read(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(format!("line {}: {e}", i + 1)),
            })
        })
        .collect()
}

/// Precision, recall and F1 from counts.
pub fn prf(tp: usize, npred: usize, ngold: usize) -> (f64, f64, f64) {
    let p = if npred > 0 {
        tp as f64 / npred as f64
    } else {
        0.0
    };
    let r = if ngold > 0 {
        tp as f64 / ngold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Compares figures with floors (`{"area": {"figure": min, ...}}`); returns the failures.
pub fn check_floors(area: &str, figures: &Figures, floors: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    if let Some(obj) = floors.get(area).and_then(Value::as_object) {
        for (k, min) in obj {
            let Some(min) = min.as_f64() else { continue };
            match figures.get(k) {
                Some(&v) if v + 1e-9 >= min => {}
                Some(&v) => bad.push(format!("{area}.{k} = {v:.4} is below the floor {min}")),
                None => bad.push(format!("{area}.{k}: not measured")),
            }
        }
    }
    bad
}
