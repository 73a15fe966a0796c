//! Golden output: the whole document record of one sample page, byte for byte. Any change to
//! what claimex writes shows up here as a diff to review; accept it with
//! `CLAIMEX_BLESS=1 cargo test --test golden` and commit the new file.

mod common;

use common::*;

#[test]
fn sample_001_document_record_is_unchanged() {
    let out = bin()
        .current_dir(corpus("samples"))
        .args(["extract", "--emit", "documents", "-q", "sample-001.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let path = root().join("tests/golden/sample-001.documents.jsonl");
    if std::env::var_os("CLAIMEX_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file; create it with CLAIMEX_BLESS=1");
    if got != want {
        // Show the first differing claim or block, not a 40 kB line.
        let g: serde_json::Value = serde_json::from_str(&got).unwrap();
        let w: serde_json::Value = serde_json::from_str(&want).unwrap();
        for key in ["blocks", "sentences", "entities", "claims", "no_comment"] {
            let (ga, wa) = (g[key].as_array().unwrap(), w[key].as_array().unwrap());
            for i in 0..ga.len().max(wa.len()) {
                if ga.get(i) != wa.get(i) {
                    panic!("golden output differs in {key}[{i}]:\n got: {}\nwant: {}\n(CLAIMEX_BLESS=1 accepts the new output)", ga.get(i).map_or("-".into(), |v| v.to_string()), wa.get(i).map_or("-".into(), |v| v.to_string()));
                }
            }
        }
        panic!("golden output differs");
    }
}
