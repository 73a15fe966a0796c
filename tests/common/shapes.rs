//! Adversarial document shapes: inputs built to make a stage repeat work (one long
//! sentence full of cue phrases, a page of quote marks, millions of tiny lines). Shared by
//! `benches/adversarial.rs` (time at 1x and 4x sizes) and the timing-free test in
//! `tests/bad_input.rs` (small sizes: no panic, the output contract holds).

/// A named shape: `make(bytes)` builds a text of about that many bytes.
pub struct Shape {
    pub name: &'static str,
    pub make: fn(usize) -> String,
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Every shape. The first four are the attribution shapes of issue 9.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "according_to",
        make: |n| repeat("according to ", n),
    },
    Shape {
        name: "he_said_that",
        make: |n| repeat("he said that ", n),
    },
    Shape {
        name: "who_said",
        make: |n| repeat("who said ", n),
    },
    Shape {
        name: "quote_he_said",
        make: |n| repeat("\"x,\" he said. ", n),
    },
    Shape {
        name: "straight_quotes",
        make: |n| repeat("\"", n),
    },
    Shape {
        name: "curly_quotes",
        make: |n| repeat("\u{201C}", n),
    },
    Shape {
        name: "open_quote_no_close",
        make: |n| format!("\"{}", repeat("word ", n)),
    },
    Shape {
        name: "no_punctuation",
        make: |n| repeat("the council voted on the budget ", n),
    },
    Shape {
        name: "blank_lines",
        make: |n| format!("Title\n{}Officials said so.", repeat("\n", n)),
    },
    Shape {
        name: "tiny_lines",
        make: |n| repeat("a\n", n),
    },
    Shape {
        name: "capitalised_run",
        make: |n| repeat("Alpha Beta Gamma Delta ", n),
    },
    Shape {
        name: "abbreviations",
        make: |n| repeat("Mr. Dr. U.S. Gen. ", n),
    },
    Shape {
        name: "one_long_token",
        make: |n| "x".repeat(n),
    },
    Shape {
        name: "commas",
        make: |n| repeat(", ", n),
    },
    Shape {
        name: "parentheses",
        make: |n| repeat("(", n),
    },
    Shape {
        name: "cue_mix",
        make: |n| repeat("officials, who said that, according to Reuters, ", n),
    },
    Shape {
        name: "said_colon",
        make: |n| repeat("He said: ", n),
    },
    // Openings before a word: the entity stage once walked back over every one of them for
    // every token (400 KB of "( " took 128 s).
    Shape {
        name: "open_brackets",
        make: |n| repeat("( ", n),
    },
    Shape {
        name: "openings_mix",
        make: |n| repeat("\u{201C} \u{2014} ( [ \u{AB} - ' ", n),
    },
    Shape {
        name: "capitals_run",
        make: |n| repeat("Smith Jones Of The ", n),
    },
    Shape {
        name: "acronym_defs",
        make: |n| repeat("the Kachin Army (KA) and KA ", n),
    },
    Shape {
        name: "titles_run",
        make: |n| repeat("Mr. Dr. Gen. President ", n),
    },
    Shape {
        name: "hyphen_chain",
        make: |n| repeat("Wong-", n),
    },
    Shape {
        name: "said_name_comma",
        make: |n| repeat("said Smith, a spokesman, ", n),
    },
    Shape {
        name: "no_comment_run",
        make: |n| repeat("did not respond to a request for comment ", n),
    },
];

/// Real-shaped news text of about `bytes` bytes (the project's sample pages, repeated), the
/// yardstick the shapes are compared with.
#[allow(dead_code)] // used by the bench only
pub fn news(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/samples");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("corpora/samples")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let mut all = String::new();
    for p in names {
        all.push_str(&std::fs::read_to_string(p).expect("sample"));
        all.push('\n');
    }
    let mut out = String::new();
    while out.len() < bytes {
        out.push_str(&all);
    }
    out
}
