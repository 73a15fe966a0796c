//! Times building the built-in gazetteer (start-up cost) and reports the automaton's memory.
fn main() {
    let t = std::time::Instant::now();
    let mut lists = claimex::gazetteer::Lists::default();
    lists.load_builtin().expect("lists");
    let parse = t.elapsed();
    let t = std::time::Instant::now();
    let g = claimex::gazetteer::Gazetteer::builtin().expect("gazetteer");
    let el = t.elapsed();
    println!(
        "{} names; parsing {:.1} ms; whole build {:.1} ms; automata {:.1} MiB",
        g.len(),
        parse.as_secs_f64() * 1e3,
        el.as_secs_f64() * 1e3,
        g.memory_usage() as f64 / (1 << 20) as f64
    );
}
