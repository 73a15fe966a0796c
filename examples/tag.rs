//! Prints each line of stdin with its tokens' part-of-speech tags, to debug the token layer:
//! `echo "The minister said it." | cargo run --release --example tag` (`CLASSES=1` adds the
//! word classes).
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let mut toks = claimex::lexical::tokenize(&line);
        claimex::lexical::tag_sentence(&line, &mut toks);
        let out: Vec<String> = toks
            .iter()
            .map(|t| {
                let classes: Vec<&str> = t.class().names().collect();
                if std::env::var_os("CLASSES").is_some() && !classes.is_empty() {
                    format!(
                        "{}/{}[{}]",
                        t.span().slice(&line),
                        t.tag.as_str(),
                        classes.join(",")
                    )
                } else {
                    format!("{}/{}", t.span().slice(&line), t.tag.as_str())
                }
            })
            .collect();
        println!("{}", out.join(" "));
    }
}
