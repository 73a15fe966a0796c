//! Corpus profiles: lines that recur across many pages of one site are boilerplate even when
//! they read like prose ("Our journalism depends on readers like you.").
//!
//! [`ProfileBuilder`] counts, per site (the URL's host, or one bucket when there is no URL),
//! in how many documents each normalised line occurs, with *lossy counting* (Manku & Motwani,
//! 2002): memory stays bounded by the number of lines that really recur, whatever the corpus
//! size. [`Profile`] keeps the lines seen in at least `min_docs` documents and at least
//! `min_share` of the site's documents.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::segmentation::lines;

/// Learns a profile from documents, in bounded memory.
///
/// ```
/// use claimex::boilerplate::ProfileBuilder;
/// let mut b = ProfileBuilder::new();
/// for i in 0..10 {
///     b.add(&format!("Story {i} said something new.\nSupport our journalism today."), Some("https://news.example.com/a"));
/// }
/// let p = b.build(5, 0.3);
/// assert!(p.is_repeated("Support our journalism today.", Some("https://news.example.com/b")));
/// assert!(!p.is_repeated("Story 3 said something new.", Some("https://news.example.com/b")));
/// ```
pub struct ProfileBuilder {
    /// (site hash, line key) → (count, maximum undercount).
    counts: HashMap<(u64, u64), (u32, u32)>,
    sites: HashMap<u64, (String, u32)>,
    docs: u64,
    bucket: u64,
}

/// Documents per lossy-counting bucket: counts below the bucket number are pruned at each
/// bucket boundary, so a line must recur at least once per this many documents to survive.
const BUCKET: u64 = 2_000;

impl Default for ProfileBuilder {
    fn default() -> Self {
        ProfileBuilder::new()
    }
}

impl ProfileBuilder {
    /// An empty builder.
    pub fn new() -> ProfileBuilder {
        ProfileBuilder {
            counts: HashMap::new(),
            sites: HashMap::new(),
            docs: 0,
            bucket: 1,
        }
    }

    /// Counts the distinct lines of one document of the site `url` belongs to.
    pub fn add(&mut self, text: &str, url: Option<&str>) {
        let site = site_of(url);
        let sh = hash_str(site);
        let e = self
            .sites
            .entry(sh)
            .or_insert_with(|| (site.to_string(), 0));
        e.1 += 1;
        let mut seen = HashSet::new();
        for span in lines(text) {
            let line = span.slice(text).trim();
            if line.len() < 3 {
                continue;
            }
            let key = line_key(sh, line);
            if seen.insert(key) {
                let delta = (self.bucket - 1) as u32;
                let c = self.counts.entry((sh, key)).or_insert((0, delta));
                c.0 += 1;
            }
        }
        self.docs += 1;
        if self.docs % BUCKET == 0 {
            let b = self.bucket as u32;
            self.counts.retain(|_, (f, d)| *f + *d > b);
            self.bucket += 1;
        }
    }

    /// Number of documents seen.
    pub fn documents(&self) -> u64 {
        self.docs
    }

    /// Keeps the lines found in at least `min_docs` documents and `min_share` of their site's.
    pub fn build(self, min_docs: u32, min_share: f64) -> Profile {
        let thresholds: HashMap<u64, u32> = self
            .sites
            .iter()
            .map(|(&h, (_, n))| (h, ((*n as f64 * min_share).ceil() as u32).max(min_docs)))
            .collect();
        let mut repeated: Vec<u64> = self
            .counts
            .iter()
            .filter(|((site, _), (f, _))| thresholds.get(site).is_some_and(|t| f >= t))
            .map(|((_, key), _)| *key)
            .collect();
        repeated.sort_unstable();
        Profile {
            version: 1,
            documents: self.docs,
            sites: {
                let mut v: Vec<SiteCount> = self
                    .sites
                    .into_values()
                    .map(|(s, n)| SiteCount {
                        site: s,
                        documents: n,
                    })
                    .collect();
                v.sort_by(|a, b| a.site.cmp(&b.site));
                v
            },
            lines: repeated,
            min_docs,
            set: HashSet::new(),
        }
        .finish()
    }
}

/// Documents seen per site.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SiteCount {
    /// The host.
    pub site: String,
    /// Documents seen.
    pub documents: u32,
}

/// A learned profile: hashes of the lines that recur across a site's pages.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Profile {
    /// Format version.
    pub version: u32,
    /// Documents the profile was learned from.
    pub documents: u64,
    /// Documents per site.
    pub sites: Vec<SiteCount>,
    /// Repeated line keys (site hash combined with the normalised line hash), sorted.
    pub lines: Vec<u64>,
    /// The `min_docs` the profile was built with.
    pub min_docs: u32,
    #[serde(skip)]
    set: HashSet<u64>,
}

impl Profile {
    fn finish(mut self) -> Profile {
        self.set = self.lines.iter().copied().collect();
        self
    }

    /// Reads a profile written by `claimex profile`.
    pub fn from_json(json: &str) -> Result<Profile, serde_json::Error> {
        serde_json::from_str::<Profile>(json).map(Profile::finish)
    }

    /// Number of repeated lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when no line is repeated.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Whether `line` recurs across the pages of `url`'s site.
    pub fn is_repeated(&self, line: &str, url: Option<&str>) -> bool {
        let line = line.trim();
        if line.len() < 3 || self.set.is_empty() {
            return false;
        }
        self.set.contains(&line_key(hash_str(site_of(url)), line))
    }
}

fn site_of(url: Option<&str>) -> &str {
    let Some(u) = url else { return "" };
    let rest = u.split("://").nth(1).unwrap_or(u);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.strip_prefix("www.").unwrap_or(host)
}

fn hash_str(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms, so a profile file stays valid.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn line_key(site: u64, line: &str) -> u64 {
    let mut h: u64 = site ^ 0x9e37_79b9_7f4a_7c15;
    for w in line.split_whitespace() {
        for b in w.bytes() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= b' ' as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
