//! The line model: logistic regression over the [`FEATURES`] of a line, weights in
//! `data/boilerplate/model.tsv` (one row per feature: name, mean, scale, weight). A line is
//! kept as article text when its probability is above the file's threshold.
//!
//! Every weight can be read off the file: a positive weight on a standardised feature pushes
//! a line towards body. The trainer ([`Model::train`], Newton's method with an L2 penalty) is
//! what `claimex eval boilerplate --train-out FILE` and the leave-one-site-out evaluation
//! (`--cv`) run; `scripts/boilerplate/train.py` rebuilds the shipped file with it.

use std::fmt::Write as _;

use super::features::FEATURES;
use super::layout_features::html_feature_names;

const BUILTIN: &str = include_str!("../../data/boilerplate/model.tsv");
const BUILTIN_HTML: &str = include_str!("../../data/boilerplate/model_html.tsv");

/// The text model's feature names, as owned strings.
fn text_names() -> &'static [String] {
    static N: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| FEATURES.iter().map(|s| s.to_string()).collect());
    &N
}

/// A trained line model.
///
/// ```
/// use claimex::boilerplate::Model;
/// let m = Model::builtin().expect("the shipped model matches the features");
/// assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
/// let again = Model::parse(&m.to_tsv("")).unwrap();
/// assert_eq!(again.threshold(), m.threshold());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Feature names, in column order ([`FEATURES`], or those and the layout columns).
    names: &'static [String],
    mean: Vec<f32>,
    scale: Vec<f32>,
    weight: Vec<f32>,
    /// Decision threshold on the logit.
    cut: f32,
    threshold: f32,
    /// How it was trained (kept in the file, so `--cv` can retrain the same way).
    options: TrainOptions,
}

/// How [`Model::train`] fits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainOptions {
    /// L2 penalty on the standardised weights (not the bias).
    pub l2: f64,
    /// 0: every line counts the same; 1: lines weigh by their length (relative to the mean).
    pub char_weight: f64,
    /// Probability above which a line is body.
    pub threshold: f64,
}

impl TrainOptions {
    /// Parses `l2=1,char_weight=0.5,threshold=0.5` (any subset; the rest from `self`).
    ///
    /// ```
    /// let o = claimex::boilerplate::TrainOptions::default().parse("l2=3").unwrap();
    /// assert_eq!(o.l2, 3.0);
    /// ```
    pub fn parse(mut self, s: &str) -> Result<TrainOptions, String> {
        for kv in s.split(',').map(str::trim).filter(|kv| !kv.is_empty()) {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| format!("{kv:?} is not name=value"))?;
            let v: f64 = v
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| format!("{kv:?}: not a number >= 0"))?;
            match k {
                "l2" => self.l2 = v,
                "char_weight" if v <= 1.0 => self.char_weight = v,
                "threshold" if v > 0.0 && v < 1.0 => self.threshold = v,
                _ => return Err(format!("{kv:?}: unknown option or out of range")),
            }
        }
        Ok(self)
    }
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            l2: 1.0,
            char_weight: 0.5,
            threshold: 0.5,
        }
    }
}

impl Model {
    /// The model shipped in `data/boilerplate/model.tsv`; `None` if that file holds no model
    /// for the current features.
    pub fn builtin() -> Option<Model> {
        Model::parse(BUILTIN).ok()
    }

    /// The model for pages with DOM hints, shipped in `data/boilerplate/model_html.tsv`
    /// (the text features and the layout columns of `src/boilerplate/layout_features.rs`);
    /// `None` if that file holds no model for the current features.
    pub fn builtin_html() -> Option<Model> {
        Model::parse_html(BUILTIN_HTML).ok()
    }

    /// Reads a model file. Fails when its features are not [`FEATURES`], in order.
    pub fn parse(tsv: &str) -> Result<Model, String> {
        Model::parse_named(tsv, text_names())
    }

    /// Reads a model file for pages with DOM hints (text and layout features, in order).
    pub fn parse_html(tsv: &str) -> Result<Model, String> {
        Model::parse_named(tsv, html_feature_names())
    }

    /// Whether this model reads the layout columns too.
    pub fn reads_layout(&self) -> bool {
        self.names.len() > FEATURES.len()
    }

    /// Number of feature columns a row must have.
    pub fn width(&self) -> usize {
        self.names.len()
    }

    fn parse_named(tsv: &str, names: &'static [String]) -> Result<Model, String> {
        let mut m = Model {
            names,
            mean: Vec::new(),
            scale: Vec::new(),
            weight: Vec::new(),
            cut: 0.0,
            threshold: 0.5,
            options: TrainOptions::default(),
        };
        for line in tsv.lines().map(str::trim_end) {
            if line.is_empty() || line.starts_with('#') || line.starts_with("feature\t") {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let num = |i: usize| -> Result<f32, String> {
                f.get(i)
                    .and_then(|v| v.parse::<f32>().ok())
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| format!("bad number in model line {line:?}"))
            };
            match f[0] {
                "@threshold" => {
                    m.threshold = num(1)?;
                    m.options.threshold = m.threshold as f64;
                    continue;
                }
                "@l2" => {
                    m.options.l2 = num(1)? as f64;
                    continue;
                }
                "@char_weight" => {
                    m.options.char_weight = num(1)? as f64;
                    continue;
                }
                _ => {}
            }
            let i = m.weight.len();
            if names.get(i).map(String::as_str) != Some(f[0]) {
                return Err(format!(
                    "model feature {} is {:?}, expected {:?}",
                    i + 1,
                    f[0],
                    names.get(i)
                ));
            }
            m.mean.push(num(1)?);
            m.scale.push(num(2)?);
            m.weight.push(num(3)?);
        }
        if m.weight.len() != names.len() {
            return Err(format!(
                "model has {} features, expected {}",
                m.weight.len(),
                names.len()
            ));
        }
        if !(0.0..1.0).contains(&m.threshold) || m.threshold == 0.0 {
            return Err(format!("threshold {} is not in (0, 1)", m.threshold));
        }
        m.cut = (m.threshold / (1.0 - m.threshold)).ln();
        Ok(m)
    }

    /// The probability threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The options the model was trained with.
    pub fn options(&self) -> TrainOptions {
        self.options
    }

    /// The weight of each feature (on standardised values), by name.
    pub fn weights(&self) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        self.names
            .iter()
            .map(String::as_str)
            .zip(self.weight.iter().copied())
    }

    /// The logit of one row of features.
    #[inline]
    pub fn logit(&self, x: &[f32]) -> f32 {
        let mut z = 0.0;
        for (j, v) in x.iter().enumerate().take(self.weight.len()) {
            z += self.weight[j] * (v - self.mean[j]) / self.scale[j];
        }
        z
    }

    /// Whether a row is body.
    #[inline]
    pub fn keep(&self, x: &[f32]) -> bool {
        self.logit(x) > self.cut
    }

    /// The model file, with `header` as comment lines on top.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut s = String::new();
        for h in header.lines() {
            let _ = writeln!(s, "# {h}");
        }
        let _ = writeln!(s, "@threshold\t{}", self.threshold);
        let _ = writeln!(s, "@l2\t{}", self.options.l2);
        let _ = writeln!(s, "@char_weight\t{}", self.options.char_weight);
        s.push_str("feature\tmean\tscale\tweight\n");
        for (j, name) in self.names.iter().enumerate() {
            let _ = writeln!(
                s,
                "{name}\t{}\t{}\t{}",
                self.mean[j], self.scale[j], self.weight[j]
            );
        }
        s
    }

    /// Fits a model on `rows` (`N_FEATURES` values per line), their labels (`true` = body)
    /// and line lengths (bytes, for `char_weight`). Deterministic.
    pub fn train(rows: &[f32], body: &[bool], lens: &[usize], opt: TrainOptions) -> Model {
        Model::train_named(rows, body, lens, opt, text_names())
    }

    /// [`Model::train`] for pages with DOM hints: rows of the text and layout features.
    pub fn train_html(rows: &[f32], body: &[bool], lens: &[usize], opt: TrainOptions) -> Model {
        Model::train_named(rows, body, lens, opt, html_feature_names())
    }

    fn train_named(
        rows: &[f32],
        body: &[bool],
        lens: &[usize],
        opt: TrainOptions,
        names: &'static [String],
    ) -> Model {
        let d = names.len();
        let n = body.len();
        let (mean, scale) = standardise(rows, n, d);
        let mean_len = lens.iter().sum::<usize>().max(1) as f64 / n.max(1) as f64;
        let wt: Vec<f64> = lens
            .iter()
            .map(|&l| (1.0 - opt.char_weight) + opt.char_weight * (l as f64 / mean_len).min(20.0))
            .collect();
        let x = |i: usize, j: usize| ((rows[i * d + j] - mean[j]) / scale[j]) as f64;
        let mut beta = vec![0.0f64; d];
        for _ in 0..40 {
            let mut g = vec![0.0f64; d];
            let mut h = vec![0.0f64; d * d];
            let mut xi = vec![0.0f64; d];
            for i in 0..n {
                for (j, v) in xi.iter_mut().enumerate() {
                    *v = x(i, j);
                }
                let z: f64 = xi.iter().zip(&beta).map(|(a, b)| a * b).sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let y = f64::from(u8::from(body[i]));
                let r = wt[i] * (p - y);
                let c = wt[i] * (p * (1.0 - p)).max(1e-9);
                for j in 0..d {
                    g[j] += r * xi[j];
                    let cj = c * xi[j];
                    for k in 0..=j {
                        h[j * d + k] += cj * xi[k];
                    }
                }
            }
            for j in 1..d {
                g[j] += opt.l2 * beta[j];
                h[j * d + j] += opt.l2;
            }
            h[0] += 1e-6;
            let step = cholesky_solve(&mut h, &g, d);
            let mut big = 0.0f64;
            for j in 0..d {
                beta[j] -= step[j];
                big = big.max(step[j].abs());
            }
            if big < 1e-7 {
                break;
            }
        }
        let mut m = Model {
            names,
            mean,
            scale,
            weight: beta.iter().map(|&b| b as f32).collect(),
            cut: 0.0,
            threshold: opt.threshold as f32,
            options: opt,
        };
        m.cut = (m.threshold / (1.0 - m.threshold)).ln();
        m
    }
}

/// Column means and standard deviations (the bias column stays 0 / 1; a constant column
/// gets scale 1).
fn standardise(rows: &[f32], n: usize, d: usize) -> (Vec<f32>, Vec<f32>) {
    let mut mean = vec![0.0f64; d];
    let mut sq = vec![0.0f64; d];
    for i in 0..n {
        for j in 0..d {
            let v = rows[i * d + j] as f64;
            mean[j] += v;
            sq[j] += v * v;
        }
    }
    let nf = n.max(1) as f64;
    let mut m = vec![0.0f32; d];
    let mut s = vec![1.0f32; d];
    for j in 1..d {
        let mu = mean[j] / nf;
        let var = (sq[j] / nf - mu * mu).max(0.0);
        m[j] = mu as f32;
        s[j] = if var > 1e-12 { var.sqrt() as f32 } else { 1.0 };
    }
    (m, s)
}

/// Solves `A x = b` for a symmetric positive definite `A` whose lower triangle is filled.
fn cholesky_solve(a: &mut [f64], b: &[f64], d: usize) -> Vec<f64> {
    for j in 0..d {
        let mut s = a[j * d + j];
        for k in 0..j {
            s -= a[j * d + k] * a[j * d + k];
        }
        let l = s.max(1e-12).sqrt();
        a[j * d + j] = l;
        for i in j + 1..d {
            let mut s = a[i * d + j];
            for k in 0..j {
                s -= a[i * d + k] * a[j * d + k];
            }
            a[i * d + j] = s / l;
        }
    }
    let mut y = vec![0.0; d];
    for i in 0..d {
        let mut s = b[i];
        for k in 0..i {
            s -= a[i * d + k] * y[k];
        }
        y[i] = s / a[i * d + i];
    }
    let mut x = vec![0.0; d];
    for i in (0..d).rev() {
        let mut s = y[i];
        for k in i + 1..d {
            s -= a[k * d + i] * x[k];
        }
        x[i] = s / a[i * d + i];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::features::N_FEATURES;

    #[test]
    fn the_shipped_page_model_reads_the_layout_columns() {
        let m = Model::builtin_html().expect("data/boilerplate/model_html.tsv matches");
        assert!(m.reads_layout());
        assert_eq!(m.width(), html_feature_names().len());
        let again = Model::parse_html(&m.to_tsv("")).unwrap();
        assert_eq!(again, m);
        assert!(Model::parse(&m.to_tsv("")).is_err(), "not a text model");
    }

    #[test]
    fn cholesky_solves_a_small_system() {
        // [[4, 2], [2, 3]] x = [2, 1]  ->  x = [0.5, 0]
        let mut a = vec![4.0, 0.0, 2.0, 3.0];
        let x = cholesky_solve(&mut a, &[2.0, 1.0], 2);
        assert!((x[0] - 0.5).abs() < 1e-9 && x[1].abs() < 1e-9, "{x:?}");
    }

    #[test]
    fn training_separates_a_feature_that_decides() {
        // Body lines have ln_words high; boilerplate lines low.
        let mut rows = Vec::new();
        let mut body = Vec::new();
        for i in 0..200 {
            let mut r = vec![0.0f32; N_FEATURES];
            r[0] = 1.0;
            let y = i % 2 == 0;
            r[1] = if y { 3.0 } else { 1.0 } + (i % 7) as f32 * 0.1;
            rows.extend(r);
            body.push(y);
        }
        let lens = vec![10; 200];
        let m = Model::train(&rows, &body, &lens, TrainOptions::default());
        let mut hi = vec![0.0f32; N_FEATURES];
        hi[0] = 1.0;
        hi[1] = 3.2;
        let mut lo = hi.clone();
        lo[1] = 1.1;
        assert!(m.keep(&hi) && !m.keep(&lo));
        assert!(Model::parse(&m.to_tsv("test")).unwrap().keep(&hi));
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        assert!(Model::parse("@threshold\t0.5\nbias\t0\t1\t0\nother\t0\t1\t1\n").is_err());
    }
}
