//! Developer tool: shows what each stage sees for a text, to debug an attribution.
//! `cargo run --release --example explain -- FILE` (or text on stdin).
use std::io::Read;

use claimex::attribution::quotes::find_quotes;
use claimex::boilerplate::BlockKind;
use claimex::pipeline::Pipeline;
use claimex::Document;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(p) => std::fs::read_to_string(p).expect("read file"),
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).expect("read stdin");
            s
        }
    };
    let p = Pipeline::builder()
        .boilerplate(false)
        .build()
        .expect("pipeline");
    let doc = Document::new("explain", text.clone());
    let ann = p.annotate(&doc);
    let paras: Vec<_> = ann
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.span)
        .collect();
    for q in find_quotes(&text, &paras) {
        println!(
            "quote {:?} closed={} prev={:?} next={:?}",
            q.inner.slice(&text),
            q.close.is_some(),
            q.prev,
            q.next
        );
    }
    for (i, s) in ann.sentences.iter().enumerate() {
        let toks: Vec<&str> = ann.tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.span().slice(&text))
            .collect();
        println!("sentence {i} (block {}): {:?}", s.block, toks);
    }
    for e in &ann.entities {
        println!(
            "entity {:?} {} {:?}",
            e.span.slice(&text),
            e.label.as_str(),
            e.id
        );
    }
    for c in &ann.attribution.claims {
        println!(
            "claim [{}] {:?} | {:?} | {:?} ({:?})",
            c.pattern,
            c.source.span.slice(&text),
            c.cue.map(|q| q.slice(&text)),
            c.content.slice(&text),
            c.source.kind
        );
    }
}
