//! Tests of the whole scorer on small pages: which blocks it keeps, and why.

use super::*;
use crate::dom::Dom;
use crate::segment::segment;

fn labels(page: &str) -> Vec<(String, bool)> {
    let html = Dom::parse(page, true);
    let seg = segment(html.view(), false, false, false);
    let cls = classify(
        &seg,
        &page_type::Hints::default(),
        None,
        false,
        true,
        &crate::limits::Deadline::after(None),
    )
    .expect("no deadline");
    seg.blocks
        .iter()
        .zip(&cls.blocks)
        .map(|(b, j)| (b.text.clone(), j.score >= 0.0))
        .collect()
}

/// The label of the first block starting with `start`.
fn label(l: &[(String, bool)], start: &str) -> Option<bool> {
    l.iter()
        .find(|(x, _)| x.starts_with(start))
        .map(|(_, c)| *c)
}

fn para(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the story says that the council met on Monday, and that it was \
         agreed, after a long debate, to open the library on Sundays from next month.</p>"
    )
}

#[test]
fn an_articles_own_header_is_not_the_pages_banner() {
    let body: String = (1..=4).map(para).collect();
    let page = format!(
        "<header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header><article>\
         <header><h1>Library opens on Sundays</h1><p>The council's decision ends a \
         two-year campaign by residents, who had asked for the change since the branch \
         closed.</p></header><div class=body>{body}</div></article>"
    );
    let l = labels(&page);
    assert_eq!(label(&l, "Home"), Some(false));
    assert_eq!(
        label(&l, "Library opens"),
        Some(false),
        "the headline is not body text"
    );
    assert_eq!(
        label(&l, "The council's decision"),
        Some(true),
        "the standfirst is"
    );
    assert_eq!(label(&l, "Paragraph 1"), Some(true));
}

#[test]
fn a_photo_caption_between_lead_and_body_does_not_hide_the_lead() {
    let body: String = (1..=4).map(para).collect();
    let page = format!(
        "<div class=top><h1>Library opens on Sundays</h1><p>The council's decision ends a \
         two-year campaign by residents, who had asked for the change since the branch \
         closed.</p><figure><img src=a.jpg><figcaption>The old reading room. Photo: Jane \
         Smith, City Archive, 2019</figcaption></figure></div>\
         <div class=body>{body}</div>"
    );
    let l = labels(&page);
    assert_eq!(label(&l, "The council's decision"), Some(true));
    assert_eq!(label(&l, "Paragraph 1"), Some(true));
}

#[test]
fn a_credit_line_under_a_picture_is_a_caption_whatever_its_tag() {
    let page = format!(
        "<article>{}<div class=pic><img src=a.jpg></div><p>The new reading room on its \
         first Sunday. Photo: Jane Smith / City Archive</p>{}<div><img src=b.jpg></div>\
         <p>Visitors queued from nine o'clock, the librarian said.</p>{}{}</article>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let l = labels(&page);
    assert_eq!(label(&l, "The new reading room"), Some(false));
    assert_eq!(
        label(&l, "Visitors queued"),
        Some(true),
        "text after a picture that names none is body text"
    );
    // The same under a responsive <picture>, in a bare box.
    let page = page.replace(
        "<div class=pic><img src=a.jpg></div><p>",
        "<p><picture><source srcset=a.webp><img src=a.jpg></picture></p><div>",
    );
    let l = labels(&page);
    assert_eq!(label(&l, "The new reading room"), Some(false), "{l:?}");
}

#[test]
fn unlinked_prose_above_the_region_is_the_articles_opening() {
    let body: String = (1..=6).map(para).collect();
    let page = format!(
        "<div class=teasers><p><a href=/a>Ten walks for autumn in the hills around the old \
         town, and where to stop for lunch on the way back</a></p></div>\
         <h1>Library opens on Sundays</h1><div class=opening><div class=inner><p>For two \
         years the residents of the old town asked the council, in letters and at every \
         public meeting, to open their branch library on Sundays as well.</p></div></div>\
         <div class=hours>Opening hours Saturday 10 to 18 Sunday 12 to 17 Monday closed\
         </div><div class=story>{body}</div>"
    );
    let l = labels(&page);
    assert_eq!(label(&l, "For two years"), Some(true), "{l:?}");
    assert_eq!(
        label(&l, "Ten walks"),
        Some(false),
        "a linked teaser is not"
    );
    assert_eq!(
        label(&l, "Library opens"),
        Some(false),
        "nor is the headline"
    );
    assert_eq!(label(&l, "Paragraph 1"), Some(true));
}

#[test]
fn a_widgets_label_in_a_bare_box_is_not_body_text() {
    let page = format!(
        "<article>{}<div class=viewer><span>Show image</span> <span>Close image</span>\
         </div>{}<ul><li>Two cups of flour</li><li>One egg</li></ul>{}{}</article>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let l = labels(&page);
    assert_eq!(label(&l, "Show image"), Some(false), "{l:?}");
    assert_eq!(
        label(&l, "Two cups of flour"),
        Some(true),
        "a list's short items stay"
    );
    assert_eq!(label(&l, "Paragraph 2"), Some(true));
}

#[test]
fn a_teasers_summary_above_the_article_is_not_its_lead() {
    let body: String = (1..=6).map(para).collect();
    let page = format!(
        "<div><div><div><h3><a href=/t1>Bridge repairs start in May</a></h3><p>The old \
         stone bridge will close for six weeks while engineers replace the worn bearings \
         under its main arch.</p></div></div><div><h1>Library opens on Sundays</h1>{body}\
         </div></div>"
    );
    let l = labels(&page);
    assert_eq!(label(&l, "The old stone bridge"), Some(false), "{l:?}");
    assert_eq!(label(&l, "Paragraph 1"), Some(true));
}

#[test]
fn linked_titles_are_content_only_where_the_items_are_the_page() {
    let item = |n: usize| {
        format!(
            "<div class=item><h3><a href=/i{n}>Walk number {n} in the hills</a></h3>\
             <p>Three hours, mostly on forest paths.</p></div>"
        )
    };
    let items: String = (1..=5).map(item).collect();
    let titled = |page: &str| {
        let html = Dom::parse(page, true);
        let seg = segment(html.view(), false, false, false);
        let cls = classify(
            &seg,
            &page_type::Hints::default(),
            None,
            false,
            true,
            &crate::limits::Deadline::after(None),
        )
        .expect("no deadline");
        cls.blocks
            .iter()
            .filter(|j| j.terms.iter().any(|c| c.term == Term::ItemTitle))
            .count()
    };
    // A listing: the items are the region, and their titles are its content.
    let listing = format!("<main><h1>Walks</h1><div class=list>{items}</div></main>");
    assert_eq!(titled(&listing), 5);
    assert_eq!(label(&labels(&listing), "Walk number 2"), Some(true));
    // An article with the same box after its body: the box is a small part of the
    // region, and its titles are not taken for a listing's.
    let body: String = (1..=8).map(para).collect();
    let article = format!("<article>{body}<div class=list>{items}</div></article>");
    assert_eq!(titled(&article), 0);
}

#[test]
fn a_heading_as_long_as_a_paragraph_is_judged_as_one() {
    let body: String = (1..=4).map(para).collect();
    let page = format!(
        "<article><h1>Library opens on Sundays</h1><h2>The council's decision, taken after \
         a long debate on Monday evening, ends a two-year campaign by the residents of the \
         old town.</h2><p><a href=/a>More on the library and its opening hours</a></p>\
         {body}</article>"
    );
    let l = labels(&page);
    assert_eq!(label(&l, "The council's decision"), Some(true));
    assert_eq!(label(&l, "More on the library"), Some(false));
}

#[test]
fn a_call_to_action_at_the_end_of_a_long_article_is_chrome() {
    let cta = "<p>Subscribe to our newsletter and follow us on social media, so that you \
               never miss a story from the newsroom again.</p>";
    let long: String = (1..=10).map(para).collect();
    let l = labels(&format!("<article>{long}{cta}</article>"));
    assert!(l[..10].iter().all(|(_, c)| *c));
    assert!(!l[10].1, "{:?}", l[10]);
    // In a short piece the end is most of it: the same paragraph stays.
    let short: String = (1..=3).map(para).collect();
    let l = labels(&format!("<article>{short}{cta}</article>"));
    assert!(l.iter().all(|(_, c)| *c));
}

#[test]
fn a_line_ending_in_a_colon_goes_with_what_it_introduces() {
    let page = format!(
        "<article>{}{}<p>What you need:</p><ul><li>Two cups of flour, sifted twice before \
         use, and a pinch of salt</li><li>One egg, beaten, and a cup of milk at room \
         temperature</li></ul>{}<p>Read more:</p><p><a href=/a>Ten walks for autumn in \
         the hills</a> <a href=/b>The best bakeries in town this year</a></p></article>",
        para(1),
        para(2),
        para(3)
    );
    let l = labels(&page);
    assert_eq!(label(&l, "What you need:"), Some(true));
    assert_eq!(label(&l, "Read more:"), Some(false));
}

#[test]
fn region_is_the_container_of_the_prose() {
    let page = format!(
        "<div><a href=/>Home</a> <a href=/a>About</a></div><div id=story>{}{}{}</div>\
         <div><p>A short unrelated note sits beside the story.</p></div>",
        para(1),
        para(2),
        para(3)
    );
    let l = labels(&page);
    assert!(l
        .iter()
        .filter(|(t, _)| t.starts_with("Paragraph"))
        .all(|(_, keep)| *keep));
    assert!(
        !l.iter()
            .find(|(t, _)| t.starts_with("Home"))
            .expect("menu")
            .1
    );
    assert!(
        !l.iter()
            .find(|(t, _)| t.starts_with("A short unrelated"))
            .expect("note")
            .1
    );
}

#[test]
fn siblings_join_until_a_link_list_breaks_the_run() {
    let links: String = (0..6)
        .map(|i| format!("<li><a href=/t{i}>Teaser headline number {i}</a></li>"))
        .collect();
    let page = format!(
        "<div><div>{}{}</div><div>{}</div><ul>{links}</ul><div>{}</div></div>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let l = labels(&page);
    let kept: Vec<&str> = l
        .iter()
        .filter(|(_, k)| *k)
        .map(|(t, _)| &t[..11])
        .collect();
    assert_eq!(kept, vec!["Paragraph 1", "Paragraph 2", "Paragraph 3"]);
}

#[test]
fn chrome_markers_inside_the_region_drop_their_blocks() {
    let page = format!(
        "<article>{}{}<div class=share-tools><p>Share this story with your friends today.</p></div>{}</article>",
        para(1),
        para(2),
        para(3)
    );
    let l = labels(&page);
    assert!(
        !l.iter()
            .find(|(t, _)| t.starts_with("Share this"))
            .expect("share")
            .1
    );
    assert_eq!(l.iter().filter(|(_, k)| *k).count(), 3);
}

#[test]
fn headline_before_the_body_is_not_content_but_subheadings_are() {
    let page = format!(
        "<article><h1>The headline</h1>{}<h2>A subheading</h2>{}</article>",
        para(1),
        para(2)
    );
    let l = labels(&page);
    assert!(!l.iter().find(|(t, _)| t == "The headline").expect("h1").1);
    assert!(l.iter().find(|(t, _)| t == "A subheading").expect("h2").1);
}
