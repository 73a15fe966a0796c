//! Helpers shared by the integration tests: run the binary, read its JSONL into typed
//! records, and check the output contract from the outside.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;
use serde_json::Value;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus(p: &str) -> PathBuf {
    root().join("corpora").join(p)
}

/// Runs claimex with `args` (and optional stdin), returning its output.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = bin();
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn claimex");
    if let Some(data) = stdin {
        use std::io::Write;
        let mut s = child.stdin.take().expect("stdin");
        s.write_all(data).expect("write stdin");
    }
    child.wait_with_output().expect("wait claimex")
}

pub fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[derive(Debug, Deserialize)]
pub struct SpanRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct BlockRec {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct EntityRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    pub id: Option<String>,
    pub canonical: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MentionRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SourceRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub head: SpanRec,
    pub id: Option<String>,
    pub resolved: Option<MentionRec>,
    pub affiliation: Option<MentionRec>,
}

#[derive(Debug, Deserialize)]
pub struct ContentRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub fragments: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
pub struct NumberRec {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
}

#[derive(Debug, Deserialize)]
pub struct ClaimRec {
    pub sentence: usize,
    pub kind: String,
    pub source: Option<SourceRec>,
    pub cue: Option<SpanRec>,
    pub content: ContentRec,
    pub frame: String,
    pub pattern: String,
    pub confidence: f64,
    pub entities: Vec<EntityRec>,
    pub numbers: Vec<NumberRec>,
}

#[derive(Debug, Deserialize)]
pub struct NoCommentRec {
    pub sentence: usize,
    pub subject: SpanRec,
    pub cue: SpanRec,
    pub resolved: Option<MentionRec>,
}

#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    pub kind: String,
    pub message: String,
}

#[derive(Debug, Deserialize)]
pub struct DocRec {
    pub id: String,
    #[serde(default)]
    pub warnings: Vec<String>,
    #[serde(default)]
    pub blocks: Vec<BlockRec>,
    #[serde(default)]
    pub sentences: Vec<SpanRec>,
    #[serde(default)]
    pub entities: Vec<EntityRec>,
    #[serde(default)]
    pub claims: Vec<ClaimRec>,
    #[serde(default)]
    pub no_comment: Vec<NoCommentRec>,
    pub error: Option<ErrorBody>,
}

pub fn docs(out: &Output) -> Vec<DocRec> {
    lines(out)
        .into_iter()
        .map(|v| {
            serde_json::from_value(v.clone())
                .unwrap_or_else(|e| panic!("record does not fit the typed schema ({e}): {v}"))
        })
        .collect()
}

/// `text[start..end]` in characters, as Python slices.
pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn check_span(text: &str, n: usize, start: usize, end: usize, got: &str, what: &str) {
    assert!(
        start <= end && end <= n,
        "{what}: offsets {start}..{end} out of range ({n} chars)"
    );
    assert_eq!(
        slice(text, start, end),
        got,
        "{what}: text differs from the slice {start}..{end}"
    );
}

/// The output contract on one document record: every span in range and equal to its slice,
/// blocks ordered and disjoint, sentences ordered, claims' spans consistent.
pub fn check_doc(text: &str, d: &DocRec) {
    let n = text.chars().count();
    let mut prev = 0;
    for b in &d.blocks {
        assert!(
            b.start >= prev && b.start <= b.end && b.end <= n,
            "block {b:?} out of order or range"
        );
        prev = b.end;
    }
    let mut prev = 0;
    for s in &d.sentences {
        check_span(text, n, s.start, s.end, &s.text, "sentence");
        assert!(s.start >= prev, "sentences overlap or are out of order");
        prev = s.end;
    }
    for e in &d.entities {
        check_span(text, n, e.start, e.end, &e.text, "entity");
    }
    for c in &d.claims {
        check_span(
            text,
            n,
            c.content.start,
            c.content.end,
            &c.content.text,
            "content",
        );
        if let Some(src) = &c.source {
            check_span(text, n, src.start, src.end, &src.text, "source");
            check_span(
                text,
                n,
                src.head.start,
                src.head.end,
                &src.head.text,
                "source head",
            );
            if let Some(r) = &src.resolved {
                check_span(text, n, r.start, r.end, &r.text, "resolved");
            }
            if let Some(a) = &src.affiliation {
                check_span(text, n, a.start, a.end, &a.text, "affiliation");
            }
        }
        assert!(
            (0.0..=1.0).contains(&c.confidence),
            "confidence {} outside [0, 1]",
            c.confidence
        );
        if let Some(cue) = &c.cue {
            check_span(text, n, cue.start, cue.end, &cue.text, "cue");
        }
        let mut prev = 0;
        for &[fa, fb] in &c.content.fragments {
            assert!(
                c.content.start <= fa && fa <= fb && fb <= c.content.end && fb <= n,
                "fragment [{fa}, {fb}] outside content"
            );
            assert!(fa >= prev, "fragments overlap or are out of order");
            prev = fb;
        }
        for e in &c.entities {
            check_span(text, n, e.start, e.end, &e.text, "claim entity");
        }
        for q in &c.numbers {
            check_span(text, n, q.start, q.end, &q.text, "number");
        }
        assert!(
            c.sentence < d.sentences.len(),
            "claim sentence index out of range"
        );
    }
    for nc in &d.no_comment {
        check_span(
            text,
            n,
            nc.subject.start,
            nc.subject.end,
            &nc.subject.text,
            "no_comment subject",
        );
        check_span(
            text,
            n,
            nc.cue.start,
            nc.cue.end,
            &nc.cue.text,
            "no_comment cue",
        );
    }
}

/// Validates every line against docs/schema.json.
pub fn check_schema(values: &[Value]) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/schema.json")).expect("schema file"),
    )
    .expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("valid JSON Schema");
    for v in values {
        if let Err(e) = validator.validate(v) {
            panic!("record does not match docs/schema.json: {e}\n{v}");
        }
    }
}

/// Texts of a JSONL input, in order (None for lines without a string `text`).
pub fn jsonl_texts(path: &Path) -> Vec<Option<String>> {
    std::fs::read_to_string(path)
        .expect("read jsonl")
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l)
                .ok()
                .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
        })
        .collect()
}
