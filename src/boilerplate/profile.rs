//! Corpus profiles: lines that recur across many pages of one site are boilerplate even when
//! they read like prose ("Our journalism depends on readers like you.").
//!
//! [`ProfileBuilder`] counts, per site (the URL's host, or one bucket when there is no URL),
//! in how many documents each line occurs (compared case-insensitively, whitespace
//! collapsed), with *lossy counting* (Manku & Motwani, 2002): memory stays bounded by the
//! number of lines that really recur, whatever the corpus size. [`Profile`] keeps the lines
//! seen in at least `min_docs` documents and at least `min_share` of the site's documents,
//! each with its site, its text and its document count, so a user can read and edit what
//! was learned (delete a line from the file and it is no longer boilerplate).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::segmentation::lines;

/// Lines longer than this (bytes) are never learned: site furniture is short.
const MAX_LINE: usize = 600;

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
/// assert_eq!(p.lines[0].text, "Support our journalism today.");
/// assert_eq!(p.lines[0].docs, 10);
/// ```
pub struct ProfileBuilder {
    /// (site hash, line key) → counts and the first text seen.
    counts: HashMap<(u64, u64), Counted>,
    sites: HashMap<u64, (String, u32)>,
    docs: u64,
    bucket: u64,
}

struct Counted {
    count: u32,
    /// Maximum undercount (lossy counting's delta).
    delta: u32,
    text: Box<str>,
}

/// The distinct lines of one document, made by [`ProfileBuilder::lines_of`].
#[derive(Clone, Debug)]
pub struct DocLines {
    /// Hash of the document's site.
    site: u64,
    /// (line key, line span) of each distinct line, first occurrence first.
    lines: Vec<(u64, crate::span::Span)>,
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
        let lines = ProfileBuilder::lines_of(text, url);
        self.add_lines(text, url, &lines);
    }

    /// The distinct lines of one document as [`ProfileBuilder::add`] counts them. It needs no
    /// builder, so a caller can read many documents at once (on a thread pool) and then count
    /// them in order with [`ProfileBuilder::add_lines`]: the profile is the same as `add`'s.
    ///
    /// ```
    /// use claimex::boilerplate::ProfileBuilder;
    /// let (mut a, mut b) = (ProfileBuilder::new(), ProfileBuilder::new());
    /// let docs = ["Share this story.\nOne.", "Share this story.\nTwo.", "Share this story."];
    /// let lines: Vec<_> = docs.iter().map(|d| ProfileBuilder::lines_of(d, None)).collect();
    /// for (d, l) in docs.iter().zip(&lines) {
    ///     a.add(d, None);
    ///     b.add_lines(d, None, l);
    /// }
    /// assert_eq!(a.build(3, 0.5).lines, b.build(3, 0.5).lines);
    /// ```
    pub fn lines_of(text: &str, url: Option<&str>) -> DocLines {
        let site = hash_str(site_of(url));
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for span in lines(text) {
            let line = span.slice(text).trim();
            if line.len() < 3 || line.len() > MAX_LINE {
                continue;
            }
            let key = line_key(site, line);
            if seen.insert(key) {
                out.push((key, span));
            }
        }
        DocLines { site, lines: out }
    }

    /// Counts one document from its [`ProfileBuilder::lines_of`] (made from the same `text`
    /// and `url`).
    pub fn add_lines(&mut self, text: &str, url: Option<&str>, doc: &DocLines) {
        let sh = doc.site;
        let e = self
            .sites
            .entry(sh)
            .or_insert_with(|| (site_of(url).to_string(), 0));
        e.1 += 1;
        let delta = (self.bucket - 1) as u32;
        for &(key, span) in &doc.lines {
            let c = self.counts.entry((sh, key)).or_insert_with(|| Counted {
                count: 0,
                delta,
                text: text.get(span.start..span.end).unwrap_or("").trim().into(),
            });
            c.count += 1;
        }
        self.docs += 1;
        if self.docs % BUCKET == 0 {
            let b = self.bucket as u32;
            self.counts.retain(|_, c| c.count + c.delta > b);
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
        let mut lines: Vec<LearnedLine> = self
            .counts
            .iter()
            .filter(|((site, _), c)| thresholds.get(site).is_some_and(|t| c.count >= *t))
            .map(|((site, _), c)| LearnedLine {
                site: self
                    .sites
                    .get(site)
                    .map(|s| s.0.clone())
                    .unwrap_or_default(),
                docs: c.count,
                text: c.text.to_string(),
            })
            .collect();
        lines.sort_by(|a, b| {
            (&a.site, std::cmp::Reverse(a.docs), &a.text).cmp(&(
                &b.site,
                std::cmp::Reverse(b.docs),
                &b.text,
            ))
        });
        let mut sites: Vec<SiteCount> = self
            .sites
            .into_values()
            .map(|(s, n)| SiteCount {
                site: s,
                documents: n,
            })
            .collect();
        sites.sort_by(|a, b| a.site.cmp(&b.site));
        Profile {
            version: 2,
            documents: self.docs,
            sites,
            lines,
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

/// One learned line: its site, the documents it was seen in, and its text (one of the
/// spellings seen; lines compare case-insensitively with whitespace collapsed).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct LearnedLine {
    /// The host ("" for documents without a URL).
    pub site: String,
    /// Documents of the site the line was seen in.
    pub docs: u32,
    /// The line.
    pub text: String,
}

/// A learned profile: the lines that recur across a site's pages.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Profile {
    /// Format version (2: lines with their text).
    pub version: u32,
    /// Documents the profile was learned from.
    pub documents: u64,
    /// Documents per site.
    pub sites: Vec<SiteCount>,
    /// The repeated lines, by site, most frequent first.
    #[serde(deserialize_with = "lines_v1_or_v2")]
    pub lines: Vec<LearnedLine>,
    /// The `min_docs` the profile was built with.
    pub min_docs: u32,
    #[serde(skip)]
    set: HashSet<u64>,
}

/// Version 1 profiles held only line hashes: they are read (and still work) as lines with
/// no text.
#[derive(Deserialize)]
#[serde(untagged)]
enum AnyLine {
    Key(u64),
    Line(LearnedLine),
}

fn lines_v1_or_v2<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<LearnedLine>, D::Error> {
    let v: Vec<AnyLine> = Vec::deserialize(d)?;
    Ok(v.into_iter()
        .map(|l| match l {
            AnyLine::Line(l) => l,
            AnyLine::Key(k) => LearnedLine {
                site: String::new(),
                docs: 0,
                text: format!("#{k}"),
            },
        })
        .collect())
}

impl Profile {
    fn finish(mut self) -> Profile {
        self.set = self
            .lines
            .iter()
            .map(
                |l| match l.text.strip_prefix('#').and_then(|k| k.parse().ok()) {
                    Some(k) if l.docs == 0 => k,
                    _ => line_key(hash_str(&l.site), l.text.trim()),
                },
            )
            .collect();
        self
    }

    /// Reads a profile written by `claimex profile`.
    pub fn from_json(json: &str) -> Result<Profile, serde_json::Error> {
        serde_json::from_str::<Profile>(json).map(Profile::finish)
    }

    /// Adds the lines and counts of `other`.
    pub fn merge(&mut self, other: Profile) {
        self.documents += other.documents;
        self.sites.extend(other.sites);
        self.lines.extend(other.lines);
        self.set.extend(other.set);
        self.min_docs = self.min_docs.min(other.min_docs);
    }

    /// Number of repeated lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when no line is repeated.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Whether `line` recurs across the pages of `url`'s site.
    pub fn is_repeated(&self, line: &str, url: Option<&str>) -> bool {
        let line = line.trim();
        if line.len() < 3 || line.len() > MAX_LINE || self.set.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn learned() -> Profile {
        let mut b = ProfileBuilder::new();
        for i in 0..6 {
            b.add(
                &format!("Page {i} news.\nSupport   our journalism.\nStory {i}."),
                Some("https://www.a.example/x"),
            );
        }
        b.build(3, 0.2)
    }

    #[test]
    fn profiles_round_trip_as_readable_json() {
        let p = learned();
        let json = serde_json::to_string(&p).unwrap();
        assert!(
            json.contains(r#""text":"Support   our journalism.""#),
            "{json}"
        );
        assert!(json.contains(r#""site":"a.example""#));
        let q = Profile::from_json(&json).unwrap();
        assert!(q.is_repeated("support our journalism.", Some("http://a.example/y")));
        assert!(!q.is_repeated("support our journalism.", Some("http://b.example/y")));
    }

    #[test]
    fn an_edited_profile_forgets_a_deleted_line() {
        let mut p = learned();
        p.lines.clear();
        let q = Profile::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
        assert!(!q.is_repeated("Support our journalism.", Some("http://a.example/y")));
    }

    #[test]
    fn version_1_hash_lists_still_load() {
        let key = line_key(hash_str("a.example"), "Support our journalism.");
        let json =
            format!(r#"{{"version":1,"documents":6,"sites":[],"lines":[{key}],"min_docs":3}}"#);
        let p = Profile::from_json(&json).unwrap();
        assert!(p.is_repeated("Support our journalism.", Some("http://a.example/y")));
    }
}
