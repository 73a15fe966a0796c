//! Tests of the segmentation stage.

use super::*;

fn sents(text: &str) -> Vec<&str> {
    Segmenter::new()
        .split(text)
        .iter()
        .map(|s| s.slice(text))
        .collect()
}

#[test]
fn abbreviations_titles_and_initialisms() {
    let cases: &[(&str, &[&str])] = &[
        (
            "according to Maj. Naung Yoe, who defected.",
            &["according to Maj. Naung Yoe, who defected."],
        ),
        (
            "retaliation against U.S. President Donald Trump's tariffs. It is now using it.",
            &[
                "retaliation against U.S. President Donald Trump's tariffs.",
                "It is now using it.",
            ],
        ),
        (
            "I live in the U.S. How about you?",
            &["I live in the U.S.", "How about you?"],
        ),
        (
            "George W. Bush spoke. Then he left.",
            &["George W. Bush spoke.", "Then he left."],
        ),
        (
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            &[
                "We make a good team, you and I.",
                "Did you see Albert I. Jones yesterday?",
            ],
        ),
        (
            "On Jul. 8, President Smith spoke.",
            &["On Jul. 8, President Smith spoke."],
        ),
        (
            "It starts at 8 p.m. Eastern time.",
            &["It starts at 8 p.m. Eastern time."],
        ),
        (
            "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
            &[
                "They closed the deal with Pitt, Briggs & Co.",
                "It closed yesterday.",
            ],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(sents(text), *want, "{text}");
    }
}

#[test]
fn quotes_and_cues() {
    let cases: &[(&str, &[&str])] = &[
        (
            "\"Why now?\" he asked. She left.",
            &["\"Why now?\" he asked.", "She left."],
        ),
        (
            "She turned to him, \"This is great.\" She held the book.",
            &[
                "She turned to him, \"This is great.\"",
                "She held the book.",
            ],
        ),
        (
            "He said: \"We are ready. We will go.\" Then he left.",
            &["He said: \"We are ready. We will go.\"", "Then he left."],
        ),
        (
            "“It is over.” The talks ended.",
            &["“It is over.”", "The talks ended."],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(sents(text), *want, "{text}");
    }
}

#[test]
fn lists_urls_ellipses() {
    let cases: &[(&str, &[&str])] = &[
        ("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]),
        ("a. The first item b. The second item c. The third list item", &["a. The first item", "b. The second item", "c. The third list item"]),
        ("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
        ("Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."]),
        ("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.", &["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]),
        ("I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
    ];
    for (text, want) in cases {
        assert_eq!(sents(text), *want, "{text}");
    }
}

#[test]
fn lines_end_sentences() {
    assert_eq!(
        sents("Top stories\nSwipe. Select. Stay informed.\r\n"),
        ["Top stories", "Swipe.", "Select.", "Stay informed."]
    );
}

#[test]
fn tokens_are_the_token_layers() {
    // The token list itself is asserted in lexical::tokenize's tests; here, that the stage hands
    // out exactly those tokens, for a whole text and for a span of it.
    let seg = Segmenter::new();
    let text = "China's KIA-controlled area, said Gen. J. Smith at 2.30 p.m. on Jan. 5; see www.example.com. “Don’t,” he said…";
    let spans = |t: &[Token]| t.iter().map(|t| t.span()).collect::<Vec<_>>();
    assert_eq!(
        spans(&seg.tokenize(text)),
        spans(&crate::lexical::tokenize(text))
    );
    let part = Span::new(30, text.len());
    let (mut a, mut b) = (Vec::new(), Vec::new());
    seg.tokenize_into(text, part, &mut a);
    crate::lexical::tokenize_into(text, part, &mut b);
    assert!(!a.is_empty());
    assert_eq!(spans(&a), spans(&b));
}
