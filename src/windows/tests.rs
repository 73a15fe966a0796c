use super::*;
use crate::output::{document_record, write_claim_records, write_summary_record};

fn pipeline(window: usize) -> Pipeline {
    Pipeline::builder()
        .builtin_gazetteers(false)
        .window_bytes(window)
        .build()
        .expect("pipeline")
}

/// An article with a title, boilerplate lines, quotes and reported speech, repeated `n`
/// times as paragraphs.
fn article(n: usize) -> String {
    let mut t = String::from("Rebels gain ground near the border\n\n");
    for i in 0..n {
        t.push_str(&format!(
            "The town of Ward {i} has fallen, according to three people familiar with the matter.\n\n\
             \"We will not leave,\" said Maria Lopez, a local councillor.\n\n\
             Share this article\n\n\
             Officials told reporters that the road to Ward {i} would reopen on Monday.\n\n"
        ));
    }
    t
}

fn whole_record(p: &Pipeline, doc: &Document, emit: Emit) -> Vec<u8> {
    let ann = p.annotate(doc);
    let mut out = Vec::new();
    match emit {
        Emit::Document(parts) => document_record(doc, &ann, parts, &mut out),
        Emit::Claims { summary } => {
            write_claim_records(&mut out, doc, &ann).unwrap();
            if summary {
                write_summary_record(&mut out, doc, &ann).unwrap();
            }
        }
    }
    out
}

fn windowed_record(p: &Pipeline, doc: &Document, emit: Emit) -> (Windowed, Vec<u8>) {
    let w = Windowed::prepare(p, doc, emit);
    let mut out = Vec::new();
    w.write(p, doc, &mut out).unwrap();
    (w, out)
}

const EMITS: [Emit; 3] = [
    Emit::Document(DocParts::EXTRACT),
    Emit::Claims { summary: false },
    Emit::Claims { summary: true },
];

#[test]
fn one_window_writes_the_same_bytes_as_the_whole_document() {
    let p = pipeline(1 << 20);
    let doc = Document::new("d1", article(12)).with_field("url", "https://example.com/a");
    for emit in EMITS {
        let (w, got) = windowed_record(&p, &doc, emit);
        assert_eq!(w.windows(), 1);
        let want = whole_record(&p, &doc, emit);
        assert!(!want.is_empty());
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );
    }
}

#[test]
fn a_list_over_the_cap_is_made_again_with_the_same_bytes() {
    let p = pipeline(300);
    let doc = Document::new("d2", article(20));
    for emit in EMITS {
        let mut w = Windowed::prepare(&p, &doc, emit);
        assert!(w.windows() > 5, "{}", w.windows());
        let mut kept = Vec::new();
        w.write(&p, &doc, &mut kept).unwrap();
        w.lists = Default::default();
        let mut again = Vec::new();
        w.write(&p, &doc, &mut again).unwrap();
        assert_eq!(
            String::from_utf8(kept).unwrap(),
            String::from_utf8(again).unwrap()
        );
    }
}

/// Character offsets of every span in a record, with the text they must slice to.
fn spans(v: &serde_json::Value, out: &mut Vec<(usize, usize, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(|x| x.as_u64()),
                m.get("end").and_then(|x| x.as_u64()),
                m.get("text").and_then(|x| x.as_str()),
            ) {
                out.push((s as usize, e as usize, t.to_string()));
            }
            m.values().for_each(|x| spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

#[test]
fn many_windows_give_one_record_with_the_whole_documents_offsets() {
    // Non-ASCII text, so that character and byte offsets differ.
    let text = article(30).replace("Maria Lopez", "María López");
    let doc = Document::new("d3", text.clone());
    let p = pipeline(500);
    let (w, out) = windowed_record(&p, &doc, Emit::Document(DocParts::EXTRACT));
    assert!(w.windows() > 10);
    let line = std::str::from_utf8(&out).unwrap();
    assert_eq!(line.matches('\n').count(), 1);
    let rec: serde_json::Value = serde_json::from_str(line).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let mut all = Vec::new();
    spans(&rec, &mut all);
    assert!(all.len() > 100);
    for (s, e, t) in &all {
        assert_eq!(&chars[*s..*e].iter().collect::<String>(), t);
    }
    // Blocks cover every non-empty line once, in order; one title.
    let blocks = rec["blocks"].as_array().unwrap();
    assert_eq!(
        blocks.len(),
        text.lines().filter(|l| !l.trim().is_empty()).count()
    );
    let titles = blocks.iter().filter(|b| b["kind"] == "title").count();
    assert_eq!(titles, 1);
    let starts: Vec<u64> = blocks
        .iter()
        .map(|b| b["start"].as_u64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
    // Claims point at the document's sentences, and every window found its claims.
    let sentences = rec["sentences"].as_array().unwrap();
    let claims = rec["claims"].as_array().unwrap();
    assert_eq!(claims.len(), w.claims());
    assert!(claims.len() >= 60, "{}", claims.len());
    for c in claims {
        let s = &sentences[c["sentence"].as_u64().unwrap() as usize];
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (cs, ce) = (
            c["content"]["start"].as_u64().unwrap(),
            c["content"]["end"].as_u64().unwrap(),
        );
        assert!(a <= cs && ce <= b, "{c}");
    }
}

#[test]
fn claim_lines_number_on_across_windows() {
    let doc = Document::new("d4", article(10));
    let p = pipeline(400);
    let (w, out) = windowed_record(&p, &doc, Emit::Claims { summary: true });
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (claims, summary) = lines.split_at(lines.len() - 1);
    assert_eq!(claims.len(), w.claims());
    for (i, c) in claims.iter().enumerate() {
        assert_eq!(c["claim"].as_u64(), Some(i as u64));
        assert_eq!(c["id"], "d4");
    }
    assert_eq!(
        summary[0]["summary"]["claims"].as_u64(),
        Some(claims.len() as u64)
    );
}

#[test]
fn cut_covers_the_text_and_bounds_every_window() {
    let texts = [
        "a\n".repeat(1000),
        "x".repeat(5000),
        "word ".repeat(2000),
        "é".repeat(3000),
        format!("{}\n{}", "y".repeat(2500), "short\n".repeat(50)),
        "para one.\n\npara two.\r\n\r\nthree\n".repeat(40),
        String::new(),
    ];
    for t in &texts {
        for (bytes, lines) in [(100, 1000), (1000, 7), (1, 1)] {
            let w = cut(t, bytes, lines);
            let mut at = 0;
            for s in &w {
                assert_eq!(s.start, at);
                assert!(s.end > s.start);
                assert!(t.is_char_boundary(s.end));
                assert!(s.slice(t).matches('\n').count() <= lines);
                // A window is over its bytes only to end a long line, up to four windows.
                assert!(s.len() <= 4 * bytes + 4, "{} > {bytes}", s.len());
                at = s.end;
            }
            assert_eq!(at, t.len());
        }
    }
    // Blank lines are the preferred cut.
    let t = "aaaa bbbb\ncccc\n\ndddd eeee\nffff\n";
    assert_eq!(cut(t, 24, 100)[0].slice(t), "aaaa bbbb\ncccc\n\n");
}

#[test]
fn packed_blocks_keep_every_kind_and_reason() {
    let mut blocks = Vec::new();
    let mut at = 0;
    for kind in KINDS {
        for reason in std::iter::once(None).chain(REASONS.iter().copied().map(Some)) {
            blocks.push(Block {
                span: Span::new(at, at + 3 + at % 300),
                kind,
                reason,
            });
            at += 400;
        }
    }
    // Out of order too (the format does not assume it).
    blocks.push(Block {
        span: Span::new(5, 9),
        kind: BlockKind::Body,
        reason: None,
    });
    let mut p = PackedBlocks::default();
    p.extend(&blocks);
    assert_eq!(p.iter().collect::<Vec<_>>(), blocks);
    assert!(p.bytes.len() < blocks.len() * 6);
}
