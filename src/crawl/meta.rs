//! Page metadata: title, canonical URL, published date, author and site name, from
//! `<title>`, `og:`/`article:`/`twitter:` and other `<meta>` tags, `<link rel=canonical>`,
//! and JSON-LD `NewsArticle` (or `Article`, `BlogPosting`, ...) objects.
//!
//! Where several sources give a value, the most specific wins: the article's own JSON-LD
//! and `og:`/`article:` tags over generic `<meta name>` tags over the `<title>` element.
//!
//! ```
//! let page = r#"<head><title>Rain falls | Daily</title>
//!   <meta property="og:title" content="Rain falls">
//!   <meta property="article:published_time" content="2026-03-03T10:00:00Z">
//!   <link rel="canonical" href="https://daily.example/rain">
//!   <script type="application/ld+json">{"@type": "NewsArticle",
//!     "author": [{"@type": "Person", "name": "Ann Lee"}], "publisher": {"name": "The Daily"}}</script>
//! </head>"#;
//! let m = claimex::crawl::html::extract_str(page).meta;
//! assert_eq!(m.title.as_deref(), Some("Rain falls"));
//! assert_eq!(m.url.as_deref(), Some("https://daily.example/rain"));
//! assert_eq!(m.date.as_deref(), Some("2026-03-03T10:00:00Z"));
//! assert_eq!(m.author.as_deref(), Some("Ann Lee"));
//! assert_eq!(m.site.as_deref(), Some("The Daily"));
//! ```

use serde_json::Value;

use crate::crawl::dom::{Dom, NodeData, NodeId};

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline (`og:title`, JSON-LD `headline`, else `<title>`).
    pub title: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    /// The published date as the page writes it (`article:published_time`, JSON-LD
    /// `datePublished`, `<meta name=date>`, ...).
    pub date: Option<String>,
    /// The author or byline (JSON-LD `author`, `article:author`, `<meta name=author>`).
    pub author: Option<String>,
    /// The site or publisher name (`og:site_name`, JSON-LD `publisher.name`).
    pub site: Option<String>,
    /// The page language (`<html lang>`), e.g. `en-GB`.
    pub lang: Option<String>,
}

impl PageMeta {
    /// The values as `(field, value)` pairs for a document (`title`, `url`, `date`,
    /// `author`, `site`, `lang`), skipping missing ones.
    pub fn fields(&self) -> Vec<(String, String)> {
        [
            ("title", &self.title),
            ("url", &self.url),
            ("date", &self.date),
            ("author", &self.author),
            ("site", &self.site),
            ("lang", &self.lang),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
        .collect()
    }
}

/// Candidates for one field, each with a rank (lower wins); the first of a rank is kept.
#[derive(Default)]
struct Pick(Option<(u8, String)>);

impl Pick {
    fn offer(&mut self, rank: u8, value: &str) {
        let v = squeeze(value);
        if v.is_empty() || v.len() > 2000 {
            return;
        }
        if self.0.as_ref().is_none_or(|(r, _)| rank < *r) {
            self.0 = Some((rank, v));
        }
    }
    fn get(self) -> Option<String> {
        self.0.map(|(_, v)| v)
    }
}

#[derive(Default)]
struct Picks {
    title: Pick,
    url: Pick,
    date: Pick,
    author: Pick,
    site: Pick,
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a node's text children.
fn child_text(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    if let Some(n) = dom.nodes.get(id as usize) {
        for &c in &n.children {
            if let Some(NodeData::Text(t)) = dom.nodes.get(c as usize).map(|n| &n.data) {
                s.push_str(t);
            }
        }
    }
    s
}

/// Reads the metadata of a parsed page.
pub fn read(dom: &Dom) -> PageMeta {
    let mut p = Picks::default();
    let mut lang = None;
    for (i, node) in dom.nodes.iter().enumerate() {
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        match &*e.name.local {
            "html" if lang.is_none() => {
                lang = e.attr("lang").map(squeeze).filter(|l| !l.is_empty());
            }
            "title" if node.parent.is_some() => p.title.offer(5, &child_text(dom, i as NodeId)),
            "link" => {
                let canonical = e.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if let (true, Some(href)) = (canonical, e.attr("href")) {
                    p.url.offer(0, href);
                }
            }
            "meta" => meta_tag(e, &mut p),
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                json_ld(&child_text(dom, i as NodeId), &mut p);
            }
            _ => {}
        }
    }
    PageMeta {
        title: p.title.get(),
        url: p.url.get(),
        date: p.date.get(),
        author: p.author.get(),
        site: p.site.get(),
        lang,
    }
}

fn meta_tag(e: &crate::crawl::dom::Element, p: &mut Picks) {
    let Some(content) = e.attr("content") else {
        return;
    };
    let key = e
        .attr("property")
        .or_else(|| e.attr("name"))
        .or_else(|| e.attr("itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match key.as_str() {
        "og:title" => p.title.offer(1, content),
        "twitter:title" => p.title.offer(3, content),
        "headline" => p.title.offer(2, content),
        "og:url" => p.url.offer(1, content),
        "article:published_time" | "og:article:published_time" => p.date.offer(1, content),
        "datepublished" | "publishdate" | "pubdate" | "parsely-pub-date" | "sailthru.date"
        | "dc.date.issued" | "dcterms.created" | "article.published" => p.date.offer(3, content),
        "date" | "dc.date" | "article:modified_time" => p.date.offer(4, content),
        // article:author is often a profile URL; a name is better.
        "article:author" if !content.contains("://") => p.author.offer(1, content),
        "author" | "byl" | "parsely-author" | "sailthru.author" | "dc.creator" => p.author.offer(
            3,
            content.trim_start_matches("By ").trim_start_matches("by "),
        ),
        "og:site_name" => p.site.offer(1, content),
        "application-name" | "publisher" => p.site.offer(3, content),
        _ => {}
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "WebPage",
];

/// Reads a JSON-LD block: the first article-typed object, also inside `@graph` or arrays.
fn json_ld(src: &str, p: &mut Picks) {
    // JSON-LD blocks are small; a huge one is not worth parsing.
    if src.len() > 1 << 20 {
        return;
    }
    let Ok(v) = serde_json::from_str::<Value>(src.trim().trim_end_matches(';')) else {
        return;
    };
    let mut queue = vec![(&v, 0usize)];
    let mut best: Option<(usize, &Value)> = None;
    let mut seen = 0;
    while let Some((v, depth)) = queue.pop() {
        seen += 1;
        if seen > 1000 || depth > 8 {
            break;
        }
        match v {
            Value::Array(a) => queue.extend(a.iter().rev().map(|x| (x, depth + 1))),
            Value::Object(o) => {
                if let Some(rank) = type_rank(o.get("@type")) {
                    if best.is_none_or(|(r, _)| rank < r) {
                        best = Some((rank, v));
                    }
                }
                if let Some(g) = o.get("@graph") {
                    queue.push((g, depth + 1));
                }
            }
            _ => {}
        }
    }
    let Some((rank, Value::Object(o))) = best else {
        return;
    };
    // A WebPage object is weaker evidence than an article object.
    let base = if rank == ARTICLE_TYPES.len() - 1 {
        3
    } else {
        0
    };
    if let Some(h) = o.get("headline").and_then(Value::as_str) {
        p.title.offer(2 + base as u8, h);
    }
    if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
        p.date.offer(base as u8, d);
    }
    if let Some(u) = o.get("url").and_then(Value::as_str) {
        p.url.offer(2 + base as u8, u);
    }
    if let Some(a) = o.get("author").and_then(names) {
        p.author.offer(base as u8, &a);
    }
    if let Some(s) = o.get("publisher").and_then(names) {
        p.site.offer(2 + base as u8, &s);
    }
}

fn type_rank(t: Option<&Value>) -> Option<usize> {
    let rank = |s: &str| ARTICLE_TYPES.iter().position(|a| *a == s);
    match t? {
        Value::String(s) => rank(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).filter_map(rank).min(),
        _ => None,
    }
}

/// A name, an object's `name`, or the names of a list joined by ", ".
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(a) => {
            let all: Vec<String> = a.iter().take(20).filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use crate::crawl::html::extract_str;

    #[test]
    fn title_element_is_the_fallback() {
        let m = extract_str("<title> Only \n the title </title><p>x").meta;
        assert_eq!(m.title.as_deref(), Some("Only the title"));
        assert_eq!(m.url, None);
    }

    #[test]
    fn json_ld_graph_and_type_lists() {
        let page = r#"<html lang=en-GB><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Site"},
              {"@type": ["NewsArticle"], "headline": "H", "datePublished": "2019-11-20",
               "author": "Jo Bloggs", "publisher": {"@type": "Organization", "name": "Pub"}}]}
            </script>"#;
        let m = extract_str(page).meta;
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.date.as_deref(), Some("2019-11-20"));
        assert_eq!(m.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(m.site.as_deref(), Some("Pub"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn fuzz_empty_lang_attribute_is_no_field() {
        let m = extract_str("<html lang=\"\"><p>x").meta;
        assert_eq!(m.lang, None);
        assert!(m.fields().iter().all(|(_, v)| !v.is_empty()));
    }

    #[test]
    fn broken_json_ld_and_meta_are_ignored() {
        let page = r#"<script type="application/ld+json">{"@type": "NewsArticle", </script>
            <meta name="author" content="By Sam Roe"><meta property="article:author" content="https://x/sam">
            <meta name="date" content="2020-01-01">"#;
        let m = extract_str(page).meta;
        assert_eq!(m.author.as_deref(), Some("Sam Roe"));
        assert_eq!(m.date.as_deref(), Some("2020-01-01"));
        assert_eq!(m.title, None);
    }
}
