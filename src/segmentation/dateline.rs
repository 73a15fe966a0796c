//! Datelines at the start of a line ("QUETTA, Pakistan -", "DODOMA, March 3 (Reuters) -",
//! "Thursday, May 7, 2015"): a sentence of their own.

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The end of a dateline at the start of a line, if there is one: "QUETTA, Pakistan -",
/// "DODOMA, March 3 (Reuters) -", "Evansville, Indiana, United States -" (capitalised words,
/// numbers and a parenthesised agency with a comma, then a spaced dash), or a date line
/// "Thursday, May 7, 2015" followed by a capitalised word.
pub(crate) fn dateline_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let line = &text[start..end];
    let mut cut = line.len().min(80);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &line[..cut];
    for dash in [" - ", " — ", " – ", " -- "] {
        if let Some(p) = head.find(dash) {
            let prefix = &line[..p];
            let words: Vec<&str> = prefix.split_whitespace().collect();
            let ok = prefix.contains(',')
                && (2..=8).contains(&words.len())
                && words.iter().all(|w| {
                    let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.'));
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                })
                && !prefix.ends_with(['.', '?', '!']);
            if ok {
                return Some(start + p + dash.trim_end().len());
            }
        }
    }
    // "Thursday, May 7, 2015 On Tuesday, ..."
    let first = line.split(',').next()?;
    if WEEKDAYS.contains(&first) {
        let mut commas = line.match_indices(',');
        let (second, _) = commas.nth(1)?;
        let rest = &line[second + 1..];
        let year_end = rest.trim_start().find(' ')?;
        let lead = rest.len() - rest.trim_start().len();
        let year = &rest[lead..lead + year_end];
        if year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && rest[lead + year_end..]
                .trim_start()
                .starts_with(char::is_uppercase)
        {
            return Some(start + second + 1 + lead + year_end);
        }
    }
    None
}
