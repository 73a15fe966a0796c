//! Developer tool: shows what each stage sees for a text, to debug an attribution.
//! `cargo run --release --example explain -- FILE` (or text on stdin; one line = one paragraph).
use std::io::Read;

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
        .filter(|b| b.kind == claimex::boilerplate::BlockKind::Body)
        .map(|b| b.span)
        .collect();
    for q in claimex::attribution::quotes::find_quotes(&text, &paras) {
        println!(
            "quote {:?} closed={} prev={:?} next={:?}",
            q.inner.slice(&text),
            q.close.is_some(),
            q.prev,
            q.next
        );
    }
    for (i, s) in ann.sentences.iter().enumerate() {
        let toks: Vec<String> = ann.tokens[s.tokens.clone()]
            .iter()
            .map(|t| format!("{}/{}", t.span().slice(&text), t.tag.as_str()))
            .collect();
        println!("sentence {i} (block {}): {}", s.block, toks.join(" "));
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
        let content: Vec<&str> = if c.fragments.is_empty() {
            vec![c.content.slice(&text)]
        } else {
            c.fragments.iter().map(|f| f.slice(&text)).collect()
        };
        let src = c.source.as_ref().map(|s| {
            format!(
                "{:?} ({:?}, head {:?}{}{})",
                s.span.slice(&text),
                s.kind,
                s.head.slice(&text),
                s.resolved.as_ref().map_or(String::new(), |r| format!(
                    ", resolved {:?}",
                    r.span.slice(&text)
                )),
                s.affiliation.as_ref().map_or(String::new(), |r| format!(
                    ", for {:?}",
                    r.span.slice(&text)
                ))
            )
        });
        println!(
            "claim [{} {} {:.2}] {} | {:?} | {:?}",
            c.pattern,
            c.family.as_str(),
            c.confidence,
            src.unwrap_or_else(|| "-".into()),
            c.cue.map(|q| q.slice(&text)),
            content
        );
    }
    for n in &ann.attribution.no_comment {
        println!(
            "no_comment {:?} {:?}",
            n.subject.slice(&text),
            n.cue.slice(&text)
        );
    }
}
