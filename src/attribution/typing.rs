//! Source types, heads and affiliations: what kind of speaker a source phrase names (a
//! person, an anonymous person or group, an organisation, a document), which word or name is
//! its head, and which organisation an anonymous or document source speaks for ("a ministry
//! spokesperson", "officials at the agency", "a company statement").

use crate::gazetteer::Label;
use crate::lexical::{class, Tag};
use crate::span::Span;

use super::doc::Doc;
use super::sources::Src;
use super::SourceType;

/// What typing found for a source phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Typed {
    pub kind: SourceType,
    pub head: Span,
    pub entity: Option<usize>,
    pub affiliation: Option<(Span, Option<usize>)>,
}

/// Words after which the core of a source phrase ends.
fn ends_core(d: &Doc, k: usize) -> bool {
    d.comma(k)
        || d.dash(k)
        || d.p(k, "(")
        || d.is_any(
            k,
            &[
                "of", "at", "from", "with", "for", "in", "on", "familiar", "close", "who",
                "briefed", "involved", "speaking",
            ],
        )
        || d.tag(k) == Tag::VBN && d.lower(k) && d.tag(k + 1) == Tag::IN
}

/// Quantifiers before "of" that keep the phrase going ("one of the people").
fn partitive(d: &Doc, a: usize) -> bool {
    d.has(a, class::QUANT | class::NUMBER_WORD) || d.tag(a) == Tag::CD
}

fn entity_type(label: Label) -> SourceType {
    match label {
        Label::PERSON => SourceType::Person,
        Label::ORG | Label::GPE => SourceType::Organization,
        Label::NORP => SourceType::Anonymous,
        _ => SourceType::Unknown,
    }
}

/// Types the source phrase `src`.
pub(crate) fn type_source(d: &Doc, src: Src) -> Typed {
    let (a, b) = (src.a, src.b.max(src.a + 1));
    let whole = d.span(a, b - 1);
    if b == a + 1 && d.has(a, class::PRON) {
        return Typed {
            kind: SourceType::Unknown,
            head: whole,
            entity: None,
            affiliation: None,
        };
    }
    let in_entity = |k: usize| {
        d.entity(k)
            .is_some_and(|e| d.ents[e].span.start < d.toks[k].start as usize)
    };
    let core_end = (a + 1..b)
        .find(|&k| ends_core(d, k) && !in_entity(k) && !(d.is(k, "of") && partitive(d, a)))
        .unwrap_or(b);
    // A person named in the core ("Finance Minister Rosa Elberg", "Mr. Smith").
    let ents_in = |x: usize, y: usize| {
        let mut v: Vec<usize> = (x..y).filter_map(|k| d.entity(k)).collect();
        v.dedup();
        v
    };
    let core_ents = ents_in(a, core_end);
    if let Some(&e) = core_ents
        .iter()
        .find(|&&e| d.ents[e].label == Label::PERSON)
    {
        return typed(
            d,
            SourceType::Person,
            d.ents[e].span,
            Some(e),
            src,
            core_end,
        );
    }
    // A name in the appositive: "The mayor of Bellport, Ines Carvalho", "a spokesman, John Doe".
    if let Some(c) = (a..b).find(|&k| d.comma(k) || d.dash(k)) {
        let app = ents_in(c + 1, b);
        if let Some(&e) = app.iter().find(|&&e| d.ents[e].label == Label::PERSON) {
            return typed(
                d,
                SourceType::Person,
                d.ents[e].span,
                Some(e),
                src,
                core_end,
            );
        }
        let piece: Vec<usize> = (c + 1..b).collect();
        if (2..=3).contains(&piece.len()) && piece.iter().all(|&k| d.cap(k)) && app.is_empty() {
            return typed(
                d,
                SourceType::Person,
                d.span(c + 1, b - 1),
                None,
                src,
                core_end,
            );
        }
    }
    // "Trump officials", "Clinton aides": a role noun after a name is the head.
    let last = (a..core_end).rev().find(|&k| !d.punct(k)).unwrap_or(a);
    if d.has(last, class::ROLE)
        && d.entity(last).is_none()
        && (d.lower(last) || d.tag(last).is_noun() && !d.tag(last).is_proper())
    {
        return typed(
            d,
            SourceType::Anonymous,
            d.toks[last].span(),
            None,
            src,
            core_end,
        );
    }
    // The head: the last noun of the core.
    let mut h = core_end - 1;
    while h > a && (d.punct(h) || !(d.tag(h).is_noun() || d.tag(h) == Tag::CD)) {
        h -= 1;
    }
    // "engineer Tomasz Nowak", "Maj. Gen. Hassan Idris": a capitalised name ending the core.
    let mut n0 = h + 1;
    while n0 > a && d.cap(n0 - 1) && d.tag(n0 - 1).is_proper() {
        n0 -= 1;
    }
    let org_entity_at = |k: usize| {
        d.entity(k)
            .filter(|&e| matches!(d.ents[e].label, Label::ORG | Label::GPE))
    };
    if let Some(e) = d.entity(h) {
        let t = entity_type(d.ents[e].label);
        if t != SourceType::Unknown {
            return typed(d, t, d.ents[e].span, Some(e), src, core_end);
        }
    }
    let hc = d.class(h);
    if hc.any(class::ROLE | class::PERSON_NOUN) && (d.lower(h) || !d.tag(h).is_proper()) {
        return typed(
            d,
            SourceType::Anonymous,
            d.toks[h].span(),
            None,
            src,
            core_end,
        );
    }
    if hc.any(class::ORG_NOUN | class::GROUP_NOUN) && !d.cap(h) {
        // "the Stimson Centre think-tank": a named organisation before a descriptor noun.
        let named = core_ents
            .iter()
            .copied()
            .find(|&e| matches!(d.ents[e].label, Label::ORG));
        return match named {
            Some(e) => typed(
                d,
                SourceType::Organization,
                d.ents[e].span,
                Some(e),
                src,
                core_end,
            ),
            None => typed(
                d,
                SourceType::Organization,
                d.toks[h].span(),
                None,
                src,
                core_end,
            ),
        };
    }
    if hc.any(class::DOC_NOUN | class::COMM_NOUN) {
        return typed(
            d,
            SourceType::Document,
            d.toks[h].span(),
            None,
            src,
            core_end,
        );
    }
    if h + 1 - n0 >= 2 && org_entity_at(h).is_none() && !d.has(h, class::ORG_HEAD) {
        return typed(d, SourceType::Person, d.span(n0, h), None, src, core_end);
    }
    if d.cap(h) && d.has(h, class::ORG_HEAD) {
        return typed(
            d,
            SourceType::Organization,
            d.span(n0.min(h), h),
            None,
            src,
            core_end,
        );
    }
    if let Some(&e) = core_ents.first() {
        let t = entity_type(d.ents[e].label);
        return typed(d, t, d.ents[e].span, Some(e), src, core_end);
    }
    if d.cap(h) && d.tag(h).is_proper() {
        return typed(
            d,
            SourceType::Person,
            d.span(n0.min(h), h),
            None,
            src,
            core_end,
        );
    }
    typed(
        d,
        SourceType::Unknown,
        d.toks[h].span(),
        None,
        src,
        core_end,
    )
}

/// Builds the result with the affiliation of anonymous, document and organisation-noun
/// sources: the organisation named inside the phrase (other than the head).
fn typed(
    d: &Doc,
    kind: SourceType,
    head: Span,
    entity: Option<usize>,
    src: Src,
    _core_end: usize,
) -> Typed {
    let affiliation = if matches!(
        kind,
        SourceType::Anonymous | SourceType::Document | SourceType::Organization
    ) {
        affiliation(d, src, head)
    } else {
        None
    };
    Typed {
        kind,
        head,
        entity,
        affiliation,
    }
}

fn affiliation(d: &Doc, src: Src, head: Span) -> Option<(Span, Option<usize>)> {
    let mut seen = None;
    for k in src.a..src.b {
        if let Some(e) = d.entity(k) {
            let ent = &d.ents[e];
            if matches!(ent.label, Label::ORG | Label::GPE | Label::NORP)
                && !ent.span.contains(head)
                && seen != Some(e)
            {
                return Some((ent.span, Some(e)));
            }
            seen = Some(e);
        }
    }
    // "a ministry spokesperson", "a spokesman for the ministry": an organisation noun.
    (src.a..src.b)
        .find(|&k| {
            d.has(k, class::ORG_NOUN | class::GROUP_NOUN)
                && !d.cap(k)
                && !head.contains(d.toks[k].span())
                && d.tag(k).is_noun()
        })
        .map(|k| {
            // Take its determiner and modifiers: "the foreign ministry".
            let mut a = k;
            while a > src.a
                && (d.has(a - 1, class::DET) || d.tag(a - 1).is_adj() || d.tag(a - 1).is_noun())
            {
                a -= 1;
            }
            (d.span(a, k), None)
        })
}
