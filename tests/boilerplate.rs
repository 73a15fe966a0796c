//! The boilerplate stage from the outside: the leave-one-site-out command on a small fixture,
//! model training, repeats learned in one `extract` run, short records, `clean --text`.

mod common;

use common::*;

fn fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/boilerplate-cv")
}

#[test]
fn cv_leaves_each_site_out_and_reports_beside_the_in_sample_figure() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("fig.json");
    let out = run(
        &[
            "eval",
            "boilerplate",
            "--cv",
            "--shared",
            fixture().to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("leave-one-site-out (3 sites"), "{stdout}");
    assert!(stdout.contains("in-sample"), "{stdout}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    for key in [
        "cv_line_f1",
        "cv_char_f1",
        "line_f1",
        "char_f1",
        "rules_line_f1",
    ] {
        let f = v["boilerplate"][key].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&f), "{key} = {f}");
    }
    // The fixture's pages share one layout: a model trained on two sites labels the third.
    assert!(v["boilerplate"]["cv_line_f1"].as_f64().unwrap() > 0.9);
}

#[test]
fn train_out_writes_a_model_claimex_reads() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.tsv");
    let out = run(
        &[
            "eval",
            "boilerplate",
            "--shared",
            fixture().to_str().unwrap(),
            "--train-out",
            model.to_str().unwrap(),
            "--train-opts",
            "l2=2,threshold=0.4",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m = claimex::boilerplate::Model::parse(&std::fs::read_to_string(&model).unwrap()).unwrap();
    assert_eq!(m.options().l2, 2.0);
    assert!((m.threshold() - 0.4).abs() < 1e-6);
    let bad = run(
        &["eval", "boilerplate", "--cv", "--train-opts", "depth=3"],
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
}

fn site_dump(dir: &std::path::Path) -> std::path::PathBuf {
    let dump = dir.join("site.jsonl");
    let mut s = String::new();
    for i in 0..6 {
        let text = format!(
            "Story {i} about the council\\nThe council voted {i} times on the budget, officials said on Monday.\\n\
             Get unlimited access to our journalism for just $1 a week, cancel any time you like.\\n\
             Members said the new plan for district {i} would be put to a second vote in May."
        );
        s.push_str(&format!(
            "{{\"id\": \"p{i}\", \"url\": \"https://news.example.org/p{i}\", \"text\": \"{text}\"}}\n"
        ));
    }
    std::fs::write(&dump, s).unwrap();
    dump
}

#[test]
fn extract_learns_a_repeated_promo_in_one_run_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let dump = site_dump(dir.path());
    let path = dump.to_str().unwrap();
    let one = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--threads",
            "1",
            path,
        ],
        None,
    );
    let two = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--threads",
            "2",
            path,
        ],
        None,
    );
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout, "output differs with --threads");
    let texts = jsonl_texts(&dump);
    for (r, t) in docs(&one).iter().zip(&texts) {
        let t = t.as_ref().unwrap();
        check_doc(t, r);
        let repeated: Vec<String> = r
            .blocks
            .iter()
            .filter(|b| b.reason.as_deref() == Some("repeated"))
            .map(|b| slice(t, b.start, b.end))
            .collect();
        assert_eq!(
            repeated,
            ["Get unlimited access to our journalism for just $1 a week, cancel any time you like."]
        );
    }
    let off = run(
        &["extract", "--emit", "documents", "-q", "--no-repeats", path],
        None,
    );
    assert!(docs(&off).iter().all(|r| r
        .blocks
        .iter()
        .all(|b| b.reason.as_deref() != Some("repeated"))));
}

#[test]
fn profiles_are_readable() {
    let dir = tempfile::tempdir().unwrap();
    let dump = site_dump(dir.path());
    let prof = dir.path().join("p.json");
    let out = run(
        &[
            "profile",
            "-q",
            "--min-docs",
            "3",
            dump.to_str().unwrap(),
            "-o",
            prof.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&prof).unwrap()).unwrap();
    let line = &v["lines"][0];
    assert_eq!(line["site"], "news.example.org");
    assert_eq!(line["docs"], 6);
    assert!(line["text"]
        .as_str()
        .unwrap()
        .starts_with("Get unlimited access"));
}

#[test]
fn a_one_sentence_record_gives_its_claim() {
    let out = run(
        &["extract", "-q"],
        Some(br#"{"id":"a","text":"The minister resigned, officials said."}"#),
    );
    assert!(out.status.success());
    let claims = lines(&out);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["source"]["text"], "officials");
}

#[test]
fn clean_text_starts_with_the_headline() {
    let out = run(
        &[
            "clean",
            "--text",
            "-q",
            corpus("samples/sample-001.txt").to_str().unwrap(),
        ],
        None,
    );
    let body = String::from_utf8(out.stdout).unwrap();
    let first = std::fs::read_to_string(corpus("samples/sample-001.txt")).unwrap();
    assert_eq!(body.lines().next(), first.lines().next().map(str::trim));
}

#[test]
fn the_seed_shaped_sample_has_no_agency_tag_sentence() {
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            corpus("samples/sample-001.txt").to_str().unwrap(),
        ],
        None,
    );
    let text = std::fs::read_to_string(corpus("samples/sample-001.txt")).unwrap();
    let d = &docs(&out)[0];
    assert!(d
        .sentences
        .iter()
        .all(|s| slice(&text, s.start, s.end).trim() != "REUTERS"));
    assert!(d.blocks.iter().any(
        |b| b.reason.as_deref() == Some("credit") && slice(&text, b.start, b.end) == "REUTERS"
    ));
}
