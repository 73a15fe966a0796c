//! The binary end to end on the project's own corpora: contract, schema, determinism,
//! streaming behaviour.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::*;

#[test]
fn extract_documents_on_samples_meets_the_contract() {
    let input = corpus("samples.jsonl");
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "--quiet",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let values = lines(&out);
    let texts = jsonl_texts(&input);
    assert_eq!(values.len(), texts.len(), "one output line per input line");
    check_schema(&values);
    let recs = docs(&out);
    for (rec, text) in recs.iter().zip(&texts) {
        let text = text.as_ref().expect("sample has text");
        check_doc(text, rec);
        assert!(!rec.claims.is_empty(), "{}: no claims", rec.id);
        assert!(
            !rec.sentences.is_empty() && !rec.entities.is_empty(),
            "{}: stages missing",
            rec.id
        );
    }
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[0], "sample-001");
    assert_eq!(ids.len(), 8);
}

#[test]
fn extract_on_text_folder_uses_relative_paths_as_ids() {
    let out = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            corpus("samples").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let recs = docs(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sample-001.txt",
            "sample-002.txt",
            "sample-003.txt",
            "sample-004.txt",
            "sample-005.txt"
        ]
    );
    for r in &recs {
        let text = std::fs::read_to_string(corpus("samples").join(&r.id)).unwrap();
        check_doc(&text, r);
    }
}

#[test]
fn claims_stream_carries_doc_id_and_context() {
    let out = run(
        &["extract", "-q", corpus("samples.jsonl").to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let values = lines(&out);
    check_schema(&values);
    assert!(
        values.len() > 50,
        "only {} claims on the samples",
        values.len()
    );
    let texts = jsonl_texts(&corpus("samples.jsonl"));
    for v in &values {
        let doc = v["id"].as_str().expect("document id");
        assert_eq!(v["doc"], v["id"], "the deprecated `doc` repeats `id`");
        let n: usize = doc.trim_start_matches("sample-").parse().unwrap();
        let text = texts[n - 1].as_ref().unwrap();
        let ctx = &v["context"];
        let (s, e) = (
            ctx["start"].as_u64().unwrap() as usize,
            ctx["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice(text, s, e), ctx["text"].as_str().unwrap());
        let c = &v["content"];
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice(text, s, e), c["text"].as_str().unwrap());
    }
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let input = corpus("samples.jsonl");
    let a = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--threads",
            "1",
            input.to_str().unwrap(),
        ],
        None,
    );
    let b = run(
        &[
            "extract",
            "--emit",
            "documents",
            "-q",
            "--threads",
            "2",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    // Small batches force several batches through the pool.
    let mut cmd = bin();
    let c = cmd
        .env("RAYON_NUM_THREADS", "2")
        .args([
            "extract",
            "-q",
            corpus("samples").to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let d = run(
        &[
            "extract",
            "-q",
            "--threads",
            "1",
            corpus("samples").to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(c.stdout, d.stdout);
}

#[test]
fn stdin_is_detected_as_jsonl_or_text() {
    let jsonl = std::fs::read(corpus("samples.jsonl")).unwrap();
    let out = run(&["extract", "--emit", "documents", "-q"], Some(&jsonl));
    assert!(out.status.success());
    assert_eq!(docs(&out).len(), 8);
    let text = std::fs::read(corpus("samples/sample-004.txt")).unwrap();
    let out = run(&["extract", "--emit", "documents", "-q", "-"], Some(&text));
    let recs = docs(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].id, "<stdin>");
    check_doc(&String::from_utf8(text).unwrap(), &recs[0]);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            path.to_str().unwrap(),
            corpus("samples.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.lines().count() > 50);
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn summary_goes_to_stderr_and_stdout_is_only_jsonl() {
    let out = run(
        &["extract", corpus("samples.jsonl").to_str().unwrap()],
        None,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("8 documents (0 failed, 0 without claims)"),
        "summary: {err}"
    );
    assert!(err.contains("claims") && err.contains("MB/s"));
    for l in String::from_utf8(out.stdout).unwrap().lines() {
        assert!(l.starts_with('{') && l.ends_with('}'));
    }
}

#[test]
fn closed_pipe_ends_the_run_quietly() {
    let mut child = bin()
        .args([
            "extract",
            "--emit",
            "documents",
            corpus("samples.jsonl").to_str().unwrap(),
            corpus("samples").to_str().unwrap(),
            corpus("samples.jsonl").to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        out.status.code().is_some_and(|c| c == 0),
        "status {:?}: {err}",
        out.status
    );
}

#[test]
fn line_buffered_answers_each_line_before_the_next_arrives() {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "--emit", "documents", "--line-buffered", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(
            stdin,
            "{{\"id\": \"d{i}\", \"text\": \"Prices rose, officials said on Monday.\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], format!("d{i}"));
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn segment_entities_clean_commands() {
    let input = corpus("samples.jsonl");
    let out = run(
        &["segment", "--tokens", "-q", input.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let values = lines(&out);
    check_schema(&values);
    let texts = jsonl_texts(&input);
    for (v, t) in values.iter().zip(&texts) {
        let t = t.as_ref().unwrap();
        for s in v["sentences"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(t, a, b), s["text"].as_str().unwrap());
        }
        assert!(!v["tokens"].as_array().unwrap().is_empty());
    }
    let out = run(&["entities", "-q", input.to_str().unwrap()], None);
    assert!(out.status.success());
    let recs = docs(&out);
    assert!(recs.iter().all(|r| !r.entities.is_empty()));
    for (r, t) in recs.iter().zip(&texts) {
        check_doc(t.as_ref().unwrap(), r);
    }
    let out = run(&["clean", "-q", input.to_str().unwrap()], None);
    assert!(out.status.success());
    check_schema(&lines(&out));
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
    assert!(body.contains("Tanzania will suspend most maize exports"));
    assert!(!body.contains("Related Articles") && !body.contains("Swipe. Select."));
}

/// Writes a JSONL dump of pages given as (id, url, text).
fn write_pages(path: &std::path::Path, pages: impl Iterator<Item = (String, String, String)>) {
    let mut s = String::new();
    for (id, url, text) in pages {
        let rec = serde_json::json!({"id": id, "url": url, "text": text});
        s.push_str(&format!("{rec}\n"));
    }
    std::fs::write(path, s).unwrap();
}

#[test]
fn learned_repeats_are_the_same_for_any_thread_count() {
    // More documents than one lossy-counting bucket (2,000), on two sites: the first pass
    // finds lines on the pool and counts them in order, so the labels cannot depend on it.
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("sites.jsonl");
    write_pages(
        &dump,
        (0..2_300).map(|i| {
            let site = ["a.example.org", "b.example.net"][i % 2];
            let tail = if i % 7 == 0 {
                "Sign up for our newsletter."
            } else {
                "Share this story with a friend."
            };
            (
                format!("d{i}"),
                format!("https://{site}/n/{i}"),
                format!("Report {i}\nThe board met {i} times this year, a spokesman said on Monday.\n{tail}"),
            )
        }),
    );
    let out = |threads: &str| {
        let o = run(
            &[
                "extract",
                "--emit",
                "documents",
                "-q",
                "--threads",
                threads,
                dump.to_str().unwrap(),
            ],
            None,
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let one = out("1");
    assert_eq!(one, out("3"));
    let text = String::from_utf8(one).unwrap();
    assert_eq!(text.lines().count(), 2_300);
    let repeated = text.lines().filter(|l| l.contains("\"repeated\"")).count();
    // "Share this story ..." is on 6 pages in 7 and learned; the newsletter line, on 1 in 7
    // (below the 20 % share), is not.
    let expected = (0..2_300).filter(|i| i % 7 != 0).count();
    assert_eq!(repeated, expected);
}

#[test]
fn profile_learns_repeated_lines() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("site.jsonl");
    write_pages(
        &dump,
        (0..12).map(|i| {
            (
                format!("p{i}"),
                format!("https://news.example.org/p{i}"),
                format!("Story {i}\nThe council voted {i} times on the budget, officials said on Monday.\nOur journalism depends on readers like you, and it always has.\nLast line {i} of a new article with facts."),
            )
        }),
    );
    let prof = dir.path().join("p.json");
    let out = run(
        &[
            "profile",
            "-q",
            dump.to_str().unwrap(),
            "-o",
            prof.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &[
            "clean",
            "-q",
            "--profile",
            prof.to_str().unwrap(),
            dump.to_str().unwrap(),
        ],
        None,
    );
    let recs = docs(&out);
    let texts = jsonl_texts(&dump);
    for (r, t) in recs.iter().zip(&texts) {
        let t = t.as_ref().unwrap();
        let repeated: Vec<String> = r
            .blocks
            .iter()
            .filter(|b| b.reason.as_deref() == Some("repeated"))
            .map(|b| slice(t, b.start, b.end))
            .collect();
        assert_eq!(
            repeated,
            ["Our journalism depends on readers like you, and it always has."]
        );
    }
}

fn assert_char_device(p: &str) {
    use std::os::unix::fs::FileTypeExt;
    let m = std::fs::symlink_metadata(p).unwrap();
    assert!(m.file_type().is_char_device(), "{p} is no longer a device");
}

#[test]
fn o_dev_null_is_written_in_place() {
    assert_char_device("/dev/null");
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            "/dev/null",
            corpus("samples.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_char_device("/dev/null");
}

#[test]
fn o_dev_stdout_is_written_in_place() {
    let before = std::fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    let input = corpus("samples.jsonl");
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            "/dev/stdout",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = run(&["extract", "-q", input.to_str().unwrap()], None);
    assert_eq!(out.stdout, want.stdout, "the records went to stdout");
    let after = std::fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    assert_eq!(before.ok(), after.ok(), "/dev/stdout was replaced");
}

#[test]
fn o_fifo_is_written_in_place() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut s = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut s)
                .unwrap();
            s
        })
    };
    let input = corpus("samples.jsonl");
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            fifo.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = reader.join().unwrap();
    let want = run(&["extract", "-q", input.to_str().unwrap()], None);
    assert_eq!(got.as_bytes(), want.stdout);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file"
    );
}

#[test]
fn o_symlink_is_followed_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.jsonl");
    std::fs::write(&real, "old\n").unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink("real.jsonl", &link).unwrap();
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            link.to_str().unwrap(),
            corpus("samples.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(
        written.lines().count() > 50,
        "the link's target was written"
    );
}

fn mode_after(umask: &str, path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask {umask}; exec '{}' extract -q -o '{}' '{}'",
            env!("CARGO_BIN_EXE_claimex"),
            path.display(),
            corpus("samples/sample-001.txt").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn o_file_mode_follows_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(mode_after("022", &dir.path().join("a.jsonl")), 0o644);
    assert_eq!(mode_after("077", &dir.path().join("b.jsonl")), 0o600);
    // A replaced file keeps its mode.
    let c = dir.path().join("c.jsonl");
    std::fs::write(&c, "old").unwrap();
    std::fs::set_permissions(&c, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(mode_after("022", &c), 0o640);
}

#[test]
fn o_unwritable_folder_message_says_cannot_create() {
    let out = run(
        &[
            "extract",
            "-q",
            "-o",
            "/no/such/folder/out.jsonl",
            corpus("samples.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot create output /no/such/folder/out.jsonl"),
        "{err}"
    );
    assert!(!err.contains("cannot read"), "{err}");
}
