//! Criterion benchmarks of the pipeline per document and of each stage alone.
//!
//! `cargo bench --bench pipeline`. The text is the project's own samples, plus the shared
//! news corpus when `CLAIMEX_BENCH_CORPUS` names a JSONL file (e.g.
//! `../shared/corpora/news-wikinews/wikinews.jsonl`). Results and dates: `benches/RESULTS.md`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use claimex::boilerplate::BlockKind;
use claimex::input::{DocStream, InputOptions, Item};
use claimex::pipeline::Pipeline;
use claimex::Document;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<Document> {
    let path = std::env::var("CLAIMEX_BENCH_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/samples.jsonl").into());
    let file = std::fs::File::open(&path).expect("bench corpus");
    DocStream::from_reader(&path, file, InputOptions::default())
        .filter_map(|r| match r.item {
            Item::Doc(d) => Some(d),
            Item::Failed { .. } => None,
        })
        .take(2000)
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let p = Pipeline::builder().build().expect("pipeline");
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("pipeline_per_document", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(p.annotate(d));
            }
        })
    });
    // The stage reads the document's tokens (made once by the pipeline for every stage).
    let all_tokens: Vec<_> = docs
        .iter()
        .map(|d| claimex::lexical::tokenize(&d.text))
        .collect();
    g.bench_function("boilerplate", |b| {
        b.iter(|| {
            for (d, t) in docs.iter().zip(&all_tokens) {
                black_box(
                    p.boilerplate
                        .classify_tokens(&d.text, t, Default::default()),
                );
            }
        })
    });
    // The stage as the pipeline runs it: each document's tokens made just before (untimed),
    // so they are in cache as they are in `annotate`. The "boilerplate" row above reads
    // tokens made for the whole corpus beforehand, mostly from memory.
    g.bench_function("boilerplate_in_pipeline", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                for d in &docs {
                    let toks = claimex::lexical::tokenize(&d.text);
                    let t0 = Instant::now();
                    black_box(
                        p.boilerplate
                            .classify_tokens(&d.text, &toks, Default::default()),
                    );
                    spent += t0.elapsed();
                }
            }
            spent
        })
    });
    g.bench_function("boilerplate_and_tokens", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(p.boilerplate.classify(&d.text, None));
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(p.segmenter.split(&d.text));
            }
        })
    });
    g.bench_function("tokens", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(p.segmenter.tokenize(&d.text));
            }
        })
    });
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let blocks = p.boilerplate.classify(&d.text, None);
            let (sents, toks) = p.segment(&d.text, &blocks);
            let ents = p.gazetteer.tag(&d.text, &toks, &[]);
            let paras: Vec<_> = blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Body)
                .map(|b| b.span)
                .collect();
            (sents, toks, ents, paras)
        })
        .collect();
    g.bench_function("gazetteer_lists", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for (d, (_, toks, _, _)) in docs.iter().zip(&prepared) {
                out.clear();
                p.gazetteer.match_lists(&d.text, toks, &mut out);
                black_box(&out);
            }
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            for (d, (_, toks, _, _)) in docs.iter().zip(&prepared) {
                black_box(p.gazetteer.tag(&d.text, toks, &[]));
            }
        })
    });
    g.bench_function("entities_in_pipeline", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                for d in &docs {
                    let blocks = p.boilerplate.classify(&d.text, None);
                    let (_, toks) = p.segment(&d.text, &blocks);
                    let t0 = Instant::now();
                    black_box(p.gazetteer.tag(&d.text, &toks, &[]));
                    spent += t0.elapsed();
                }
            }
            spent
        })
    });
    g.bench_function("attribution", |b| {
        b.iter(|| {
            for (d, (s, t, e, pa)) in docs.iter().zip(&prepared) {
                black_box(p.attributor.extract(&d.text, t, s, e, pa));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
