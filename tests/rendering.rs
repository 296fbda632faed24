//! Nothing on a page turns into markup that was never there: whatever a link or image target
//! holds, the Markdown and HTML renderings, parsed back, link and embed only what the
//! document's own structure links and embeds.

use dechrome::{Document, Extractor, Page};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::HashSet;

/// Link and image targets built to break out of a Markdown destination or an attribute.
fn target() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("x)".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("![t](//evil.example/p.png)".to_string()),
        Just("[t](http://evil.example/)".to_string()),
        Just("<img src=//evil.example/q.png>".to_string()),
        Just("\"><script>x</script>".to_string()),
        Just("' onerror='x".to_string()),
        Just("javascript:".to_string()),
        Just("http://a.example/".to_string()),
        Just("https://b.example/path?q=1&r=(2)".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\\".to_string()),
        Just("`".to_string()),
        Just("%0A".to_string()),
        Just("\t \r\u{b}\u{c}".to_string()),
        "[a-z/.:#?=]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

/// Escapes a value for a double-quoted HTML attribute.
fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn page(link: &str, image: &str, alt: &str) -> String {
    format!(
        "<html><body><article><h1>A report</h1>\
         <p>The committee met again on Thursday and agreed to publish its report, which the \
         <a href=\"{}\">library</a> will keep for anyone who asks to read it.</p>\
         <figure><img src=\"{}\" alt=\"{}\"></figure>\
         <p>The report runs to two hundred pages and covers the harbour, the roads and the \
         schools, with a chapter on each of the town's four bridges.</p>\
         </article></body></html>",
        attr(link),
        attr(image),
        attr(alt)
    )
}

/// `%XX` sequences decoded, so that differently encoded forms of one URL compare equal.
fn decoded(url: &str) -> String {
    let b = url.trim().as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The targets the document's structure holds: (links, images).
fn targets(doc: &Document) -> (HashSet<String>, HashSet<String>) {
    let mut links = HashSet::new();
    let mut images = HashSet::new();
    for b in &doc.blocks {
        links.extend(b.structure.links.iter().map(|l| l.url.clone()));
        images.extend(b.structure.images.iter().map(|i| i.src.clone()));
    }
    (links, images)
}

fn check_markdown(doc: &Document) -> Result<(), TestCaseError> {
    let (links, images) = targets(doc);
    let links: HashSet<String> = links.iter().map(|u| decoded(u)).collect();
    let images: HashSet<String> = images.iter().map(|u| decoded(u)).collect();
    let md = doc.to_markdown();
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                prop_assert!(
                    links.contains(&decoded(&dest_url)),
                    "link {dest_url:?} not in the document; markdown:\n{md}"
                );
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                prop_assert!(
                    images.contains(&decoded(&dest_url)),
                    "image {dest_url:?} not in the document; markdown:\n{md}"
                );
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                prop_assert!(false, "raw HTML {h:?} in the markdown:\n{md}");
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_html(doc: &Document) -> Result<(), TestCaseError> {
    let (links, images) = targets(doc);
    let links: HashSet<String> = links.iter().map(|u| decoded(u)).collect();
    let images: HashSet<String> = images.iter().map(|u| decoded(u)).collect();
    let html = doc.to_html();
    let parsed = scraper::Html::parse_fragment(&html);
    for el in parsed
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        prop_assert!(
            !matches!(name, "script" | "style" | "iframe" | "object" | "embed"),
            "<{name}> in the HTML:\n{html}"
        );
        for (attr, value) in el.value().attrs() {
            match (name, attr) {
                ("a", "href") => {
                    prop_assert!(links.contains(&decoded(value)), "href {value:?}:\n{html}")
                }
                ("img", "src") => {
                    prop_assert!(images.contains(&decoded(value)), "src {value:?}:\n{html}")
                }
                ("img", "alt") => {}
                _ => prop_assert!(false, "attribute {attr} on <{name}>:\n{html}"),
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn renderings_link_only_what_the_document_links(
        link in target(),
        image in target(),
        alt in target(),
        base in prop::bool::ANY,
    ) {
        let url = dechrome::url::Url::parse("https://news.example/section/page.html").expect("url");
        let html = page(&link, &image, &alt);
        let mut input = Page::from_text(&html);
        if base {
            input = input.url(&url);
        }
        let doc = Extractor::builder().keep_links(true).build().document(&input).expect("extracts");
        prop_assert!(doc.text.contains("will keep for anyone"));
        check_markdown(&doc)?;
        check_html(&doc)?;
    }
}

#[test]
fn a_target_with_newlines_cannot_add_an_image() {
    // The case reported: with no base URL, the raw target went into the Markdown and its
    // newlines ended the link, so that the page gained an image it never had.
    let link = "x)\n\n![t](//evil.example/p.png)\n\n";
    let doc = Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::from_text(&page(
            link,
            "/photo.jpg",
            "A photo",
        )))
        .expect("extracts");
    let md = doc.to_markdown();
    let images: Vec<String> = Parser::new(&md)
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(images, ["/photo.jpg"], "{md}");
    assert!(md.contains("[library]("), "{md}");
}
