//! Linear time on adversarial shapes: the whole pipeline (annotate + document record) on
//! each shape of `tests/common/shapes.rs` at 1x and 4x a size, printing the time ratio
//! (about 4 when linear, 16 when quadratic) and the time relative to real news of the same
//! size.
//!
//! `cargo bench --bench adversarial -- [BYTES] [SHAPE...]` (default 65536 bytes, all shapes).
//! Each time is the median of up to 3 runs (fewer when a run takes over 2 s).

use std::time::{Duration, Instant};

use claimex::output::{self, DocParts};
use claimex::pipeline::Pipeline;
use claimex::Document;

#[path = "../tests/common/shapes.rs"]
mod shapes;

fn time_once(p: &Pipeline, text: &str) -> Duration {
    let doc = Document::new("bench", text);
    let start = Instant::now();
    let ann = p.annotate(&doc);
    let mut out = Vec::new();
    output::document_record(&doc, &ann, DocParts::EXTRACT, &mut out);
    std::hint::black_box(out);
    start.elapsed()
}

fn median_time(p: &Pipeline, text: &str) -> Duration {
    let mut times = vec![time_once(p, text)];
    while times.len() < 3 && times.iter().sum::<Duration>() < Duration::from_secs(2) {
        times.push(time_once(p, text));
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let size: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1 << 16);
    let only: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let p = Pipeline::builder().build().expect("pipeline");
    let news1 = median_time(&p, &shapes::news(size));
    let news4 = median_time(&p, &shapes::news(4 * size));
    println!(
        "adversarial shapes at {size} and {} bytes (ratio 4x/1x: ~4 linear, ~16 quadratic)",
        4 * size
    );
    println!(
        "{:<20} {:>10} {:>10} {:>7} {:>10}",
        "shape", "1x ms", "4x ms", "ratio", "4x/news"
    );
    let row = |name: &str, t1: Duration, t4: Duration| {
        println!(
            "{:<20} {:>10.1} {:>10.1} {:>7.2} {:>10.2}",
            name,
            t1.as_secs_f64() * 1e3,
            t4.as_secs_f64() * 1e3,
            t4.as_secs_f64() / t1.as_secs_f64().max(1e-9),
            t4.as_secs_f64() / news4.as_secs_f64().max(1e-9),
        )
    };
    row("news (yardstick)", news1, news4);
    for s in shapes::SHAPES {
        if !only.is_empty() && !only.contains(&s.name) {
            continue;
        }
        let t1 = median_time(&p, &(s.make)(size));
        let t4 = median_time(&p, &(s.make)(4 * size));
        row(s.name, t1, t4);
    }
}
