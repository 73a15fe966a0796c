//! Unit tests of the boilerplate stage: the layers together on small pages, and one row
//! per named failure of issue 13.

use super::*;

fn kinds(text: &str) -> Vec<(String, BlockKind, Option<Reason>)> {
    Boilerplate::new()
        .classify(text, None)
        .iter()
        .map(|b| (b.span.slice(text).to_string(), b.kind, b.reason))
        .collect()
}

const PARA: &str =
    "The army said on Monday that it had lost control of the main road to the border.";

#[test]
fn menu_in_the_middle_closes_when_prose_resumes() {
    let text = format!(
        "Rebels close in on border town\n{PARA}\n{PARA}\nTop stories\nSwipe. Select. Stay informed.\n\
         World Leaders meet as tariff deadline nears\nBusiness Markets edge up as talks resume\n\
         Fighting has restricted mining operations and exports have plunged this year.\n{PARA}\n"
    );
    let k = kinds(&text);
    assert_eq!(k[0].1, BlockKind::Title);
    assert_eq!(k[1].1, BlockKind::Body);
    for row in &k[3..7] {
        assert_eq!(row.1, BlockKind::Boilerplate, "{}", row.0);
    }
    assert_eq!(k[7].1, BlockKind::Body);
}

#[test]
fn heading_between_paragraphs_and_related_tail() {
    let text = format!(
        "Headline here\n{PARA}\n{PARA}\nDEFYING CHINA\n{PARA}\n{PARA}\nRelated Articles\nBusiness Times\nan hour ago\n\
         The teaser of another article looks like prose, officials said on Friday.\n"
    );
    let k = kinds(&text);
    assert_eq!(k[3].1, BlockKind::Heading);
    assert_eq!(k[6].2, Some(Reason::Related));
    for row in &k[7..] {
        assert_eq!(row.1, BlockKind::Boilerplate, "{}", row.0);
    }
}

#[test]
fn comment_tail_ends_the_page() {
    let text = format!("Headline\n{PARA}\n{PARA}\n{PARA}\n12 comments\nI think the army is lying about the road, frankly.\n");
    let k = kinds(&text);
    assert_eq!(k[4].2, Some(Reason::Widget));
    assert_eq!(k[5].1, BlockKind::Boilerplate);
}

#[test]
fn captions_bylines_timestamps_widgets() {
    let text = format!(
        "A headline\nFILE PHOTO: A view of the port in Fos, France. REUTERS/Jane Doe/File photo\nBy Maria Lopez and Tom Ng\n\
         Updated 2 hours ago\n{PARA}\nSign up for our newsletter to get the latest news\n{PARA}\n{PARA}\n"
    );
    let k = kinds(&text);
    assert_eq!(k[1].2, Some(Reason::Caption));
    assert_eq!(k[2].2, Some(Reason::Byline));
    assert_eq!(k[3].2, Some(Reason::Timestamp));
    assert_eq!(k[4].1, BlockKind::Body);
    assert_eq!(k[5].2, Some(Reason::Promo));
}

#[test]
fn teaser_pairs_are_related() {
    let mut text = format!("Headline\n{PARA}\n{PARA}\n{PARA}\n{PARA}\n");
    for i in 0..4 {
        text.push_str(&format!(
            "Teaser headline number {i}\nA short teaser sentence about story {i} goes here.\n"
        ));
    }
    let k = kinds(&text);
    assert!(
        k[5..].iter().all(|r| r.1 == BlockKind::Boilerplate),
        "{k:?}"
    );
}
