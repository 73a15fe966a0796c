//! `claimex export` round trips: each exported file is read back with its format's own
//! offset rules and every span's text is checked against its offsets — Label Studio and the
//! CSV in code points, doccano in UTF-16 units (and code points with `--offsets chars`),
//! brat in characters of its `.txt` with `start end;start end` fragments.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use common::{bin, corpus, root};
use serde_json::Value;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimex-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn claimex(args: &[&str]) {
    let o = bin().args(args).output().expect("run claimex");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The inputs the tests export: the samples and the hostile/astral cases (with `\r\n`).
fn inputs() -> Vec<PathBuf> {
    vec![
        corpus("samples"),
        root().join("tests/data/review_cases.jsonl"),
    ]
}

/// Document records of `input` with their texts (read here, not by claimex).
fn records(input: &Path, dir: &Path) -> (PathBuf, Vec<(Value, String)>) {
    let docs = dir.join("docs.jsonl");
    claimex(&[
        "extract",
        "--emit",
        "documents",
        "-q",
        input.to_str().unwrap(),
        "-o",
        docs.to_str().unwrap(),
    ]);
    let mut texts = HashMap::new();
    if input.is_dir() {
        for e in std::fs::read_dir(input).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&p).unwrap();
                let name = p.file_name().unwrap().to_str().unwrap().to_string();
                texts.insert(name, t.trim_start_matches('\u{feff}').to_string());
            }
        }
    } else {
        for l in std::fs::read_to_string(input).unwrap().lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            texts.insert(
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            );
        }
    }
    let recs = std::fs::read_to_string(&docs)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let t = texts[v["id"].as_str().unwrap()].clone();
            (v, t)
        })
        .collect();
    (docs, recs)
}

fn chars(t: &str, a: usize, b: usize) -> String {
    t.chars().skip(a).take(b - a).collect()
}

fn utf16(t: &str, a: usize, b: usize) -> String {
    let u: Vec<u16> = t.encode_utf16().collect();
    String::from_utf16(&u[a..b]).unwrap()
}

/// Texts of every source, cue and content piece of a record, by label.
fn span_texts(rec: &Value, text: &str) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for c in rec["claims"].as_array().unwrap() {
        let s = &c["source"];
        if !s.is_null() {
            out.insert(("Source".into(), s["text"].as_str().unwrap().to_string()));
        }
        if !c["cue"].is_null() {
            out.insert(("Cue".into(), c["cue"]["text"].as_str().unwrap().to_string()));
        }
        let x = &c["content"];
        match x.get("fragments").and_then(Value::as_array) {
            Some(fs) => {
                for f in fs {
                    let (a, b) = (
                        f[0].as_u64().unwrap() as usize,
                        f[1].as_u64().unwrap() as usize,
                    );
                    out.insert(("Content".into(), chars(text, a, b)));
                }
            }
            None => {
                out.insert(("Content".into(), x["text"].as_str().unwrap().to_string()));
            }
        }
    }
    out
}

fn claim_count(recs: &[(Value, String)]) -> usize {
    recs.iter()
        .map(|(r, _)| r["claims"].as_array().unwrap().len())
        .sum()
}

#[test]
fn label_studio_round_trip() {
    for (k, input) in inputs().iter().enumerate() {
        let dir = tmp(&format!("ls{k}"));
        let (docs, recs) = records(input, &dir);
        let out = dir.join("tasks.json");
        claimex(&[
            "export",
            "-q",
            "--to",
            "label-studio",
            docs.to_str().unwrap(),
            "--text",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        let tasks: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(tasks.len(), recs.len());
        let mut says = 0;
        for (task, (rec, text)) in tasks.iter().zip(&recs) {
            assert_eq!(task["data"]["text"].as_str().unwrap(), text);
            assert_eq!(task["data"]["doc_id"], rec["id"]);
            let want = span_texts(rec, text);
            let result = task["predictions"][0]["result"].as_array().unwrap();
            let ids: HashSet<&str> = result.iter().filter_map(|r| r["id"].as_str()).collect();
            for r in result {
                if r["type"] == "relation" {
                    assert!(
                        ids.contains(r["from_id"].as_str().unwrap())
                            && ids.contains(r["to_id"].as_str().unwrap())
                    );
                    says += usize::from(r["labels"][0] == "says");
                    continue;
                }
                let v = &r["value"];
                let (a, b) = (
                    v["start"].as_u64().unwrap() as usize,
                    v["end"].as_u64().unwrap() as usize,
                );
                let got = chars(text, a, b);
                assert_eq!(got, v["text"].as_str().unwrap());
                let label = v["labels"][0].as_str().unwrap().to_string();
                assert!(
                    want.contains(&(label, got)),
                    "{:?} not a span of the record",
                    v
                );
            }
        }
        assert!(says >= claim_count(&recs));
    }
}

#[test]
fn doccano_round_trip_in_utf16_and_code_points() {
    for (k, input) in inputs().iter().enumerate() {
        for unit in ["utf16", "chars"] {
            let dir = tmp(&format!("dc{k}{unit}"));
            let (docs, recs) = records(input, &dir);
            let out = dir.join("doccano.jsonl");
            claimex(&[
                "export",
                "-q",
                "--to",
                "doccano",
                "--offsets",
                unit,
                docs.to_str().unwrap(),
                "--text",
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            let lines: Vec<Value> = std::fs::read_to_string(&out)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(lines.len(), recs.len());
            let mut relations = 0;
            for (line, (rec, text)) in lines.iter().zip(&recs) {
                assert_eq!(line["text"].as_str().unwrap(), text);
                let want = span_texts(rec, text);
                let mut ids = HashSet::new();
                for e in line["entities"].as_array().unwrap() {
                    let (a, b) = (
                        e["start_offset"].as_u64().unwrap() as usize,
                        e["end_offset"].as_u64().unwrap() as usize,
                    );
                    let got = if unit == "utf16" {
                        utf16(text, a, b)
                    } else {
                        chars(text, a, b)
                    };
                    let label = e["label"].as_str().unwrap().to_string();
                    assert!(
                        want.contains(&(label, got.clone())),
                        "{unit}: {got:?} is not a span of {}",
                        rec["id"]
                    );
                    ids.insert(e["id"].as_u64().unwrap());
                }
                for r in line["relations"].as_array().unwrap() {
                    assert!(
                        ids.contains(&r["from_id"].as_u64().unwrap())
                            && ids.contains(&r["to_id"].as_u64().unwrap())
                    );
                    relations += usize::from(r["type"] == "says");
                }
            }
            assert!(relations >= claim_count(&recs));
        }
    }
}

#[test]
fn brat_round_trip() {
    for (k, input) in inputs().iter().enumerate() {
        let dir = tmp(&format!("brat{k}"));
        let (docs, recs) = records(input, &dir);
        let out = dir.join("brat");
        claimex(&[
            "export",
            "-q",
            "--to",
            "brat",
            docs.to_str().unwrap(),
            "--text",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(out.join("annotation.conf").exists() && out.join("visual.conf").exists());
        let ids = std::fs::read_to_string(out.join("ids.tsv")).unwrap();
        let stems: Vec<(String, String)> = ids
            .lines()
            .skip(1)
            .map(|l| {
                let (a, b) = l.split_once('\t').unwrap();
                (a.to_string(), b.to_string())
            })
            .collect();
        assert_eq!(stems.len(), recs.len());
        let mut says = 0;
        for ((stem, id), (rec, text)) in stems.iter().zip(&recs) {
            assert_eq!(id, rec["id"].as_str().unwrap());
            // brat reads the .txt with universal newlines: \r\n and \r are \n.
            let txt = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
            assert_eq!(txt, text.replace("\r\n", "\n").replace('\r', "\n"));
            assert!(!txt.contains('\r'));
            let ann = std::fs::read_to_string(out.join(format!("{stem}.ann"))).unwrap();
            let mut tids = HashSet::new();
            for line in ann.lines() {
                let f: Vec<&str> = line.split('\t').collect();
                match line.as_bytes()[0] {
                    b'T' => {
                        assert_eq!(f.len(), 3, "{line}");
                        let (label, offs) = f[1].split_once(' ').unwrap();
                        assert!(["Source", "Cue", "Content"].contains(&label));
                        let pieces: Vec<String> = offs
                            .split(';')
                            .map(|p| {
                                let (a, b) = p.split_once(' ').unwrap();
                                let piece = chars(&txt, a.parse().unwrap(), b.parse().unwrap());
                                assert!(!piece.contains('\n'), "a span crosses a line: {line}");
                                piece
                            })
                            .collect();
                        assert_eq!(pieces.join(" "), f[2], "{line}");
                        tids.insert(f[0].to_string());
                    }
                    b'R' => {
                        let args: Vec<&str> = f[1].split(' ').collect();
                        for a in &args[1..] {
                            assert!(tids.contains(a.split_once(':').unwrap().1), "{line}");
                        }
                        says += usize::from(args[0] == "Says");
                    }
                    b'A' => assert!(tids.contains(f[1].split(' ').nth(1).unwrap())),
                    b'#' => assert!(f[1].starts_with("AnnotatorNotes T")),
                    _ => panic!("unexpected line {line}"),
                }
            }
        }
        assert_eq!(says, claim_count(&recs));
    }
}

#[test]
fn csv_round_trip() {
    for (k, input) in inputs().iter().enumerate() {
        let dir = tmp(&format!("csv{k}"));
        let (docs, recs) = records(input, &dir);
        let out = dir.join("claims.csv");
        // The CSV needs no text: span texts come from the records.
        claimex(&[
            "export",
            "-q",
            "--to",
            "csv",
            docs.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        let mut r = csv::Reader::from_path(&out).unwrap();
        let head: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        let col = |n: &str| head.iter().position(|h| h == n).unwrap();
        let texts: HashMap<&str, &str> = recs
            .iter()
            .map(|(v, t)| (v["id"].as_str().unwrap(), t.as_str()))
            .collect();
        let mut n = 0;
        for row in r.records() {
            let row = row.unwrap();
            let text = texts[&row[col("doc_id")]];
            for part in ["source", "cue", "content"] {
                let (a, b) = (
                    &row[col(&format!("{part}_start"))],
                    &row[col(&format!("{part}_end"))],
                );
                if a.is_empty() {
                    continue;
                }
                assert_eq!(
                    chars(text, a.parse().unwrap(), b.parse().unwrap()),
                    &row[col(&format!("{part}_text"))]
                );
            }
            n += 1;
        }
        assert_eq!(n, claim_count(&recs));
    }
}
