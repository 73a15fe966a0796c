//! Build-time compilation of the embedded data:
//! * every `gazetteers/*.tsv` (and the first-name lexicon) is embedded into the binary, so a
//!   default run needs no files and adding a list needs no code change; they are also compiled
//!   into a static radix trie (`build/gazetteer.rs`), so matching needs no start-up;
//! * the word-class data under `data/` is compiled into the static lexicon table of the token
//!   layer (`build/lexicon.rs`), so nothing is parsed at start-up;
//! * the git commit of the checkout is named for `claimex --version` (`build/version.rs`).
use std::fmt::Write;
use std::path::Path;

#[path = "build/gazetteer.rs"]
mod gazetteer;
#[path = "build/lexicon.rs"]
mod lexicon;
#[path = "src/gazetteer/segment.rs"]
mod segment;
#[path = "build/version.rs"]
mod version;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    println!("cargo:rerun-if-changed=build/lexicon.rs");
    println!("cargo:rerun-if-changed=build/version.rs");
    version::emit();
    println!("cargo:rerun-if-changed=src/lexical/names.rs");
    lexicon::compile(Path::new("."), Path::new(&out_dir));
    let dir = Path::new("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// The built-in gazetteers: (file name, TSV text).\npub static BUILTIN: &[(&str, &str)] = &[\n");
    for f in &files {
        if f.extension().is_some_and(|x| x == "tsv") {
            println!("cargo:rerun-if-changed={}", f.display());
            let abs = std::fs::canonicalize(f).expect("gazetteer path");
            let name = f.file_name().unwrap().to_string_lossy();
            writeln!(
                code,
                "    ({name:?}, include_str!({:?})),",
                abs.display().to_string()
            )
            .unwrap();
        }
    }
    code.push_str("];\n");
    println!("cargo:rerun-if-changed=build/gazetteer.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/segment.rs");
    let tsvs: Vec<_> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|x| x == "tsv"))
        .cloned()
        .collect();
    gazetteer::compile(&tsvs, Path::new(&out_dir));
    let first = dir.join("first_names.txt");
    if first.exists() {
        println!("cargo:rerun-if-changed={}", first.display());
        let abs = std::fs::canonicalize(&first).expect("first names path");
        writeln!(
            code,
            "static FIRST_NAMES: &str = include_str!({:?});",
            abs.display().to_string()
        )
        .unwrap();
    } else {
        code.push_str("static FIRST_NAMES: &str = \"\";\n");
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("builtin_gazetteers.rs"), code)
        .expect("write generated code");
}
