//! claimex's own contextual rules, run after Brill's (`tagger`): the few tag errors that
//! matter most to the later stages, each fixed by one small rule with its tests below.
//!
//! * [`title_case`]: headlines in title case ("Bernie Sanders Says He Will ...");
//! * [`report_verbs`]: a reporting verb read as a plural noun ("a poll shows.");
//! * [`past_after_subject`]: a past form read as a participle right after the sentence's
//!   subject ("The central bank issued 4.03 billion dlrs ..., an official said").

use super::class;
use super::table::form;
use super::tag::Tag;
use super::{Shape, Token, TokenKind};

/// Title-case headlines ("Mayor Says City Will Not Raise Taxes"): capitals carry no
/// information there, and the tagger takes every capitalised word for a name. In a sentence
/// whose longer words (four bytes or more) are nearly all capitalised, auxiliaries and modals
/// get their lower-case tags, and a reporting verb after a noun becomes the verb it is. Other
/// words keep their tags: a headline's names stay names.
pub(super) fn title_case(toks: &mut [Token]) {
    let long = || {
        toks.iter()
            .filter(|t| t.kind == TokenKind::Word && t.end - t.start >= 4)
    };
    let n = long().count();
    let caps = long()
        .filter(|t| t.shape.has(Shape::CAP) && !t.shape.has(Shape::UPPER))
        .count();
    if n < 3 || caps * 10 < n * 8 {
        return;
    }
    for i in 1..toks.len() {
        let t = toks[i];
        if t.kind != TokenKind::Word || !t.shape.has(Shape::CAP) || t.shape.has(Shape::UPPER) {
            continue;
        }
        let Some(e) = t.word.entry() else { continue };
        let lower = e.tag_lower();
        if e.class().has(class::AUX) && lower != Tag::NONE {
            toks[i].tag = lower;
        } else if e.cue().is_some() && toks[i - 1].tag.is_noun() && i + 1 < toks.len() {
            if let Some(tag) = finite_tag(e.form()) {
                toks[i].tag = tag;
            }
        }
    }
}

/// The finite verb tag of a word form that has one for sure: VBZ for "-s" forms, VBD for past
/// ones (base forms depend on the subject: the callers decide).
fn finite_tag(form: u8) -> Option<Tag> {
    use super::table::form as F;
    if form & F::S != 0 {
        Some(Tag::VBZ)
    } else if form & F::PAST != 0 {
        Some(Tag::VBD)
    } else {
        None
    }
}

/// claimex's own contextual rule, after Brill's: a word that is both a plural noun and a
/// reporting verb, right after a noun and before the end of the clause, a determiner, a
/// pronoun, "that" or a quotation, is the verb ("a Quinnipiac University poll shows.", "the
/// company claims the ...").
pub(super) fn report_verbs(toks: &mut [Token]) {
    for i in 1..toks.len() {
        let t = toks[i];
        if !matches!(t.tag, Tag::NNS | Tag::NN)
            || !toks[i - 1].tag.is_noun() && toks[i - 1].tag != Tag::PRP
        {
            continue;
        }
        let Some(e) = t.word.entry() else { continue };
        if e.cue().is_none() {
            continue;
        }
        let next = toks.get(i + 1).map_or(Tag::STOP, |n| n.tag);
        let next_ok = matches!(
            next,
            Tag::STOP | Tag::COMMA | Tag::DT | Tag::PRPS | Tag::PRP | Tag::OPEN_QUOTE | Tag::COLON
        ) || toks
            .get(i + 1)
            .is_some_and(|n| n.word.class().has(class::COMPLEMENTIZER));
        if !next_ok {
            continue;
        }
        let f = e.form();
        toks[i].tag = match finite_tag(f) {
            Some(tag) => tag,
            None if f & form::BASE != 0 && toks[i - 1].tag != Tag::NN => Tag::VBP,
            None => continue,
        };
    }
}

/// A past form tagged as a participle (VBN) right after a subject that opens the sentence
/// (determiners, adjectives, numbers, possessives and nouns only) is the sentence's verb
/// (VBD) when an object or a clause follows and no other finite verb comes before the first
/// comma: "The central bank issued 4.03 billion dlrs of certificates, an official said".
/// A reduced relative keeps its tag: "Shares issued last year rose", "Bonds issued by the
/// bank".
pub(super) fn past_after_subject(toks: &mut [Token]) {
    let Some(i) = toks.iter().position(|t| {
        !matches!(t.tag, Tag::DT | Tag::PDT | Tag::CD | Tag::POS | Tag::PRPS)
            && !t.tag.is_adj()
            && !t.tag.is_noun()
    }) else {
        return;
    };
    if i == 0 || toks[i].tag != Tag::VBN || !toks[i - 1].tag.is_noun() {
        return;
    }
    let past = toks[i]
        .word
        .entry()
        .is_some_and(|e| e.form() & form::PAST != 0);
    let next = toks.get(i + 1).map_or(Tag::STOP, |n| n.tag);
    let object = matches!(next, Tag::DT | Tag::CD | Tag::PRPS | Tag::PRP)
        || next.is_noun()
        || next.is_adj()
        || toks
            .get(i + 1)
            .is_some_and(|n| n.word.class().has(class::COMPLEMENTIZER));
    let finite_later = toks[i + 1..]
        .iter()
        .take_while(|t| t.tag != Tag::COMMA)
        .any(|t| t.tag.is_finite_verb() || t.tag == Tag::MD);
    if past && object && !finite_later {
        toks[i].tag = Tag::VBD;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{tag_sentence, tokenize};

    fn tags(text: &str) -> Vec<&'static str> {
        let mut toks = tokenize(text);
        tag_sentence(text, &mut toks);
        toks.iter().map(|t| t.tag.as_str()).collect()
    }

    #[test]
    fn a_past_form_after_the_opening_subject_is_the_verb() {
        let t =
            tags("The central bank issued 4.03 billion dlrs of certificates, an official said.");
        assert_eq!(t[3], "VBD", "{t:?}");
        let t = tags("Taiwan's central bank issued new certificates of deposit.");
        assert_eq!(t[4], "VBD", "{t:?}");
    }

    /// The tags after `past_after_subject` alone, with token `k` first made a participle.
    fn with_participle(text: &str, k: usize) -> Vec<&'static str> {
        let mut toks = tokenize(text);
        tag_sentence(text, &mut toks);
        toks[k].tag = super::Tag::VBN;
        super::past_after_subject(&mut toks);
        toks.iter().map(|t| t.tag.as_str()).collect()
    }

    #[test]
    fn a_reduced_relative_keeps_its_participle() {
        // Another finite verb before the comma: "issued" describes the shares.
        let t = with_participle("Shares issued last year rose sharply.", 1);
        assert_eq!(t[1], "VBN", "{t:?}");
        // The agent of a passive.
        let t = with_participle("Bonds issued by the bank fell, traders said.", 1);
        assert_eq!(t[1], "VBN", "{t:?}");
        // Not the opening subject: a participle after a verb.
        let t = with_participle("He said bonds issued 2 pct.", 3);
        assert_eq!(t[3], "VBN", "{t:?}");
        // The rule itself, on the same shape with an object and no other verb.
        let t = with_participle("The bank issued new bonds, traders said.", 2);
        assert_eq!(t[2], "VBD", "{t:?}");
    }

    #[test]
    fn title_case_headlines_get_their_verbs() {
        let t = tags("Bernie Sanders Says He Will Stay In The Race");
        assert_eq!(t[2], "VBZ", "{t:?}");
    }

    #[test]
    fn a_reporting_verb_after_a_noun_is_no_plural() {
        let t = tags("A Quinnipiac University poll shows.");
        assert_eq!(t[4], "VBZ", "{t:?}");
    }
}
