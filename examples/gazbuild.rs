//! Times building the gazetteer (start-up cost): the built-in lists are a static trie, so this
//! is the pattern tables and the per-entry cells; with `--parse` it also times parsing the
//! built-in TSVs at run time, as user lists are.
fn main() {
    let parse = std::env::args().any(|a| a == "--parse");
    if parse {
        let t = std::time::Instant::now();
        let mut lists = claimex::gazetteer::Lists::default();
        lists.load_builtin().expect("lists");
        println!(
            "parsing the built-in TSVs: {:.1} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let t = std::time::Instant::now();
    let g = claimex::gazetteer::Gazetteer::builtin().expect("gazetteer");
    let el = t.elapsed();
    let t = std::time::Instant::now();
    let p = claimex::pipeline::Pipeline::builder()
        .build()
        .expect("pipeline");
    let pl = t.elapsed();
    println!(
        "{} names; gazetteer build {:.2} ms; whole pipeline build {:.2} ms; matcher tables {:.1} MiB",
        g.len(),
        el.as_secs_f64() * 1e3,
        pl.as_secs_f64() * 1e3,
        g.memory_usage() as f64 / (1 << 20) as f64
    );
    drop(p);
}
