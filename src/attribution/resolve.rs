//! The resolution layer: pronoun and definite sources ("she", "it", "the official", "the
//! ministry") pointed at the earlier mention they refer to, with person, number and gender
//! agreement and a preference for earlier speakers over other names; cue-less quotations
//! share their speaker's mention.

use crate::gazetteer::Label;
use crate::lexical::{class, lookup_id};
use crate::span::Span;

use super::doc::Doc;
use super::{Claim, Mention, NoComment, SourceType};

/// One earlier speaker.
#[derive(Clone, Debug)]
struct Seen {
    span: Span,
    head: Span,
    kind: SourceType,
    entity: Option<usize>,
    /// 1 masculine, 2 feminine, 0 unknown.
    gender: u8,
    plural: bool,
}

/// How many earlier speakers a pronoun looks at: antecedents are near, and this keeps the
/// lookup bounded whatever the number of claims.
const WINDOW: usize = 64;

/// The gender a mention shows: a title ("Mr.", "Mrs."), a pronoun, or a first name whose
/// bearers are almost all of one gender (data/lexicon/first_name_gender.tsv); 0 unknown.
fn title_gender(d: &Doc, span: Span) -> u8 {
    for w in span.slice(d.text).split_whitespace().take(4) {
        let w = w.trim_end_matches(['.', ',']);
        match w.to_ascii_lowercase().as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" | "he" | "him" => return 1,
            "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "she" | "her" => {
                return 2
            }
            _ => {}
        }
        if w.starts_with(char::is_uppercase) {
            let g = lookup_id(w).entry().map_or(0, |e| e.features().gender);
            if (g == 1 || g == 2) && lookup_id(w).class().has(class::FIRST_NAME) {
                return g;
            }
        }
    }
    0
}

fn pronoun_of(d: &Doc, src: Span) -> Option<&'static str> {
    let s = src.slice(d.text);
    if s.contains(' ') || s.len() > 4 {
        return None;
    }
    let id = lookup_id(s);
    id.class()
        .has(class::PRON)
        .then(|| id.entry().map_or("", |e| e.key()))
}

/// Resolves the sources of `claims` (in text order) and the subjects of `no_comment`.
pub(crate) fn resolve(d: &Doc, claims: &mut [Claim], no_comment: &mut [NoComment]) {
    let mut seen: Vec<Seen> = Vec::new();
    let mut nc = 0;
    for i in 0..claims.len() {
        let Some(src) = claims[i].source.as_ref().map(|s| s.span) else {
            continue;
        };
        while nc < no_comment.len()
            && no_comment[nc].subject.start < src.start.min(claims[i].content.start)
        {
            no_comment[nc].resolved =
                lookup(d, no_comment[nc].subject, no_comment[nc].sentence, &seen).map(|x| x.0);
            nc += 1;
        }
        if claims[i].cue.is_none() && i > 0 {
            // A cue-less quotation: the speaker of the claim before.
            let prev = (0..i).rev().find_map(|j| claims[j].source.clone());
            if let (Some(p), Some(s)) = (prev, claims[i].source.as_mut()) {
                s.kind = p.kind;
                s.resolved = p.resolved.or(Some(Mention {
                    span: p.head,
                    entity: p.entity,
                }));
                s.entity = s.entity.or(p.entity);
            }
            continue;
        }
        let sentence = claims[i].sentence;
        let Some(s) = claims[i].source.as_mut() else {
            continue;
        };
        let text = src.slice(d.text);
        let definite = definite(d, src, s.entity);
        if pronoun_of(d, src).is_some() || definite {
            if let Some((m, t, g)) = lookup(d, core(d, src), sentence, &seen) {
                s.resolved = Some(m.clone());
                s.kind = t;
                s.entity = s.entity.or(m.entity);
                // The pronoun tells the antecedent's gender for later pronouns.
                let pg = title_gender(d, src);
                if pg != 0 || g != 0 {
                    if let Some(x) = seen
                        .iter_mut()
                        .rev()
                        .find(|x| x.head == m.span || x.span.contains(m.span))
                    {
                        x.gender = if pg != 0 { pg } else { g };
                    }
                }
                continue;
            }
        }
        seen.push(Seen {
            span: src,
            head: s.head,
            kind: s.kind,
            entity: s.entity,
            gender: title_gender(d, src),
            plural: text.contains(" and ")
                || s.head.slice(d.text).ends_with('s') && s.kind == SourceType::Anonymous,
        });
    }
    while nc < no_comment.len() {
        no_comment[nc].resolved =
            lookup(d, no_comment[nc].subject, no_comment[nc].sentence, &seen).map(|x| x.0);
        nc += 1;
    }
}

/// The core of a source phrase: before its appositive or relative clause ("the official" in
/// "the official, who did not elaborate").
fn core(d: &Doc, src: Span) -> Span {
    let t = src.slice(d.text);
    let cut = [
        t.find(','),
        t.find(" — "),
        t.find(" – "),
        t.find(" who "),
        t.find(" ("),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(t.len());
    Span::new(src.start, src.start + cut).trim(d.text)
}

/// "the official", "the ministry": a short definite phrase without a name.
fn definite(d: &Doc, src: Span, entity: Option<usize>) -> bool {
    let t = core(d, src).slice(d.text);
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words[0].eq_ignore_ascii_case("the")
        && entity.is_none()
        && words[1..].iter().all(|w| w.starts_with(char::is_lowercase))
}

/// The mention `src` refers to, with its type and known gender.
fn lookup(d: &Doc, src: Span, si: usize, seen: &[Seen]) -> Option<(Mention, SourceType, u8)> {
    let floor = d
        .sents
        .get(si.saturating_sub(3))
        .map_or(0, |s| s.span.start);
    let earlier = || {
        seen.iter()
            .rev()
            .filter(|x| x.span.end <= src.start)
            .take(WINDOW)
    };
    let text = src.slice(d.text).to_ascii_lowercase();
    let found = match pronoun_of(d, src) {
        Some("he") | Some("she") | Some("him") | Some("her") => {
            let g = if text.starts_with('s') || text == "her" {
                2
            } else {
                1
            };
            earlier()
                .find(|x| {
                    (x.kind == SourceType::Person || x.kind == SourceType::Anonymous && !x.plural)
                        && (x.gender == 0 || x.gender == g)
                })
                .cloned()
                .or_else(|| {
                    last_entity(d, src, floor, &[Label::PERSON])
                        .map(|e| entity_seen(d, e, SourceType::Person))
                        .filter(|x| x.gender == 0 || x.gender == g)
                })
                .or_else(|| {
                    subject_name_before(d, src, si).filter(|x| x.gender == 0 || x.gender == g)
                })
        }
        Some("it") => earlier()
            .find(|x| matches!(x.kind, SourceType::Organization | SourceType::Document))
            .cloned()
            .or_else(|| {
                last_entity(d, src, floor, &[Label::ORG])
                    .map(|e| entity_seen(d, e, SourceType::Organization))
            }),
        Some("they") => earlier()
            .find(|x| {
                x.kind == SourceType::Anonymous && x.plural || x.kind == SourceType::Organization
            })
            .cloned()
            .or_else(|| plural_subject_before(d, src, si)),
        Some(_) => None,
        None => {
            let noun = text.rsplit(' ').next().unwrap_or("");
            earlier()
                .find(|x| {
                    sub_phrase_with(d.text, x.span, noun)
                        .is_some_and(|p| !p.slice(d.text).contains(" and "))
                        && !core(d, x.span).slice(d.text).eq_ignore_ascii_case(&text)
                })
                .cloned()
                .map(|mut x| {
                    // "a statement signed by Permanent Secretary Joseph Mwakalinga" ... "the
                    // permanent secretary said": the person the title belongs to.
                    if x.kind != SourceType::Person {
                        if let Some(e) = person_titled(d, x.span, noun) {
                            return entity_seen(d, e, SourceType::Person);
                        }
                    }
                    if let Some(p) = sub_phrase_with(d.text, x.span, noun) {
                        if x.entity.is_none_or(|e| !d.ents[e].span.overlaps(p)) {
                            x.head = p;
                        }
                    }
                    x
                })
                .or_else(|| indefinite_with(d, noun, floor, src.start))
                .or_else(|| org_for_noun(d, src, noun, floor))
                // "the commander", "the general": a person named just before.
                .or_else(|| {
                    let role = lookup_id(noun)
                        .class()
                        .any(class::ROLE | class::PERSON_NOUN);
                    if !role {
                        return None;
                    }
                    last_entity(d, src, floor, &[Label::PERSON])
                        .map(|e| entity_seen(d, e, SourceType::Person))
                        .or_else(|| subject_name_before(d, src, si))
                })
        }
    }?;
    let named = found.kind == SourceType::Person
        || found.entity.is_some_and(|e| d.ents[e].span == found.head);
    let span = if named { found.head } else { found.span };
    let entity = found.entity.filter(|&e| d.ents[e].span == span);
    Some((Mention { span, entity }, found.kind, found.gender))
}

fn entity_seen(d: &Doc, e: usize, kind: SourceType) -> Seen {
    Seen {
        span: d.ents[e].span,
        head: d.ents[e].span,
        kind,
        entity: Some(e),
        gender: title_gender(d, d.ents[e].span),
        plural: false,
    }
}

/// The last entity with one of `labels` between `floor` and `src`.
fn last_entity(d: &Doc, src: Span, floor: usize, labels: &[Label]) -> Option<usize> {
    let at = d.ents.partition_point(|e| e.span.end <= src.start);
    (0..at).rev().take(40).find(|&i| {
        d.ents[i].span.start >= floor
            && labels.contains(&d.ents[i].label)
            && !d.text[..d.ents[i].span.start].ends_with('(')
    })
}

/// "the agency" → the last organisation whose name holds "agency".
fn org_for_noun(d: &Doc, src: Span, noun: &str, floor: usize) -> Option<Seen> {
    let id = lookup_id(noun);
    if !id.class().any(class::ORG_NOUN | class::GROUP_NOUN) {
        return None;
    }
    let at = d.ents.partition_point(|e| e.span.end <= src.start);
    let e = (0..at).rev().take(40).find(|&i| {
        let e = &d.ents[i];
        e.span.start >= floor
            && e.label == Label::ORG
            && e.span.slice(d.text).to_ascii_lowercase().contains(noun)
    })?;
    Some(entity_seen(d, e, SourceType::Organization))
}

/// An indefinite phrase with head `noun` ("a KIA official", "A senior official at the finance
/// ministry") between `floor` and `until`.
fn indefinite_with(d: &Doc, noun: &str, floor: usize, until: usize) -> Option<Seen> {
    let hi = d.tok_at(until);
    let lo = d.tok_at(floor);
    let k = (lo..hi).rev().find(|&k| d.key(k) == noun)?;
    let det = (k.saturating_sub(5).max(lo)..k)
        .rev()
        .take_while(|&j| !d.punct(j))
        .find(|&j| d.has(j, class::INDEF_DET) || d.is(j, "one"))?;
    let mut end = k;
    if d.is_any(k + 1, &["at", "of", "from", "with", "for", "in"]) {
        let mut j = k + 2;
        while j < hi
            && j <= k + 6
            && (d.has(j, class::DET)
                || d.cap(j)
                || d.lower(j) && d.tag(j).is_noun()
                || d.tag(j).is_adj())
        {
            j += 1;
        }
        if j > k + 2 {
            end = j - 1;
        }
    }
    let span = d.span(det, end);
    let kind = if d.has(k, class::ORG_NOUN | class::GROUP_NOUN) {
        SourceType::Organization
    } else {
        SourceType::Anonymous
    };
    Some(Seen {
        span,
        head: span,
        kind,
        entity: None,
        gender: 0,
        plural: false,
    })
}

/// A person entity inside `np` whose title is the word `noun`: the word is in the name or just
/// before it ("Permanent Secretary Joseph Mwakalinga").
fn person_titled(d: &Doc, np: Span, noun: &str) -> Option<usize> {
    let k = (d.tok_at(np.start)..d.tok_at(np.end)).find(|&k| d.w(k).eq_ignore_ascii_case(noun))?;
    let at = d.toks[k].start as usize;
    d.ents.iter().position(|e| {
        e.label == Label::PERSON
            && np.start <= e.span.start
            && e.span.end <= np.end
            && e.span.start <= at + noun.len() + 1
            && at + noun.len() <= e.span.end
            && at + 40 >= e.span.start
    })
}

/// The comma-separated piece of `np` holding the word `noun` ("a KIA official" in "One of the
/// people, a KIA official").
fn sub_phrase_with(text: &str, np: Span, noun: &str) -> Option<Span> {
    if noun.is_empty() {
        return None;
    }
    let s = np.slice(text);
    let mut off = 0;
    for piece in s.split(',') {
        if piece
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(noun))
        {
            return Some(Span::new(np.start + off, np.start + off + piece.len()).trim(text));
        }
        off += piece.len() + 1;
    }
    None
}

/// The name that opens one of the three sentences before `src` ("Brig. Gen. Sahr Koroma
/// leads the eastern front."): a run of two to five capitalised proper nouns (titles
/// included) as the sentence's subject, followed by a verb.
fn subject_name_before(d: &Doc, src: Span, si: usize) -> Option<Seen> {
    let lo = si.saturating_sub(3);
    for s in d.sents[lo..=si.min(d.sents.len() - 1)].iter().rev() {
        if s.span.start >= src.start {
            continue;
        }
        let (a, hi) = (s.tokens.start, s.tokens.end);
        let mut e = a;
        while e < hi && e < a + 6 && (d.tag(e).is_proper() || d.has(e, class::TITLE)) && d.cap(e) {
            e += 1;
        }
        let named = e >= a + 2
            && d.tag(e).is_verb()
            && !(a..e).any(|k| {
                d.entity(k)
                    .is_some_and(|x| matches!(d.ents[x].label, Label::ORG | Label::GPE))
            });
        if named {
            let span = d.span(a, e - 1);
            return Some(Seen {
                span,
                head: span,
                kind: SourceType::Person,
                entity: d.entity(e - 1),
                gender: title_gender(d, span),
                plural: false,
            });
        }
    }
    None
}

/// A plural subject that opens one of the sentences before `src` ("Two diplomats briefed on
/// the talks spoke ...", "Dozens of families have camped ...").
fn plural_subject_before(d: &Doc, src: Span, si: usize) -> Option<Seen> {
    let lo = si.saturating_sub(2);
    for s in d.sents[lo..=si.min(d.sents.len() - 1)].iter().rev() {
        if s.span.start >= src.start {
            continue;
        }
        let (a, hi) = (s.tokens.start, s.tokens.end);
        // The subject runs to the first verb.
        let v = (a..hi.min(a + 12))
            .find(|&k| d.tag(k).is_verb() || d.tag(k) == crate::lexical::Tag::MD)?;
        let plural = (a..v).any(|k| {
            d.tag(k) == crate::lexical::Tag::NNS
                && d.has(k, class::PERSON_NOUN | class::ROLE | class::GROUP_NOUN)
        });
        if plural && v > a {
            let span = d.span(a, v - 1);
            return Some(Seen {
                span,
                head: span,
                kind: SourceType::Anonymous,
                entity: None,
                gender: 0,
                plural: true,
            });
        }
    }
    None
}
