//! Any input gives a document or a typed error, never a panic.

use dechrome::{extract, Document, Error, Extractor, Favor, Page};

/// The whole document of a page given as bytes, with the default settings.
fn extract_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().document(&Page::new(bytes))
}
use proptest::prelude::*;

fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<a href=x>".to_string()),
        Just("</a>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<pre>".to_string()),
        Just("<br>".to_string()),
        Just("<nav>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("<h1>".to_string()),
        Just("<div class=\"related share\">".to_string()),
        Just("&amp;&#0;&#xFFFFFF;".to_string()),
        "[a-zA-Z ,.]{0,40}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = extract_bytes(&bytes);
    }

    #[test]
    fn tag_soup_never_panics_and_keeps_invariants(html in tag_soup()) {
        for favor in [Favor::Precision, Favor::Recall] {
            let extractor = Extractor::builder().favor(favor).build();
            if let Ok(doc) = extractor.document(&dechrome::Page::from_text(&html)) {
                // The lean text path chooses the same blocks.
                prop_assert_eq!(extractor.extract(&dechrome::Page::from_text(&html)).map(|e| e.text).ok(), Some(doc.text.clone()));
                // The text is made of the content blocks and nothing else.
                for b in doc.content_blocks() {
                    prop_assert!(doc.text.contains(&b.text));
                }
                for b in &doc.blocks {
                    let sum: f32 = b.contributions.iter().map(|c| c.value).sum();
                    prop_assert!((sum - b.score).abs() < 1e-3);
                    prop_assert!(b.features.link_density >= 0.0 && b.features.link_density <= 1.0);
                }
            }
        }
    }
}

#[test]
fn nul_bytes_and_broken_utf8_inside_a_page() {
    let mut page = b"<html><body><article><p>Before the NUL \0 and after it, the text goes on for a while.</p>".to_vec();
    page.extend_from_slice(b"<p>Broken \xff\xfe\xc3 sequences do not stop the paragraph from being read.</p></article></body></html>");
    let doc = extract_bytes(&page).expect("ok");
    assert!(doc.text.contains("Before the NUL"));
    assert!(doc.text.contains("sequences do not stop"));
}

#[test]
fn unclosed_tags_everywhere() {
    let page = "<html><body><div><div><p>First paragraph of a page whose tags are never closed, which browsers accept.<p>Second paragraph, also left open, and still the article of the page.<div><span><b><i>";
    let doc = extract(page).expect("ok");
    assert!(doc.text.contains("First paragraph"));
    assert!(doc.text.contains("Second paragraph"));
}

#[test]
fn fuzz_regression_link_start_inside_a_character() {
    // Found by the fuzzer: a link's start offset fell inside a multi-byte character after the
    // pending text was trimmed at a table cell.
    let bytes = include_bytes!("fixtures/fuzz_crash_link_offset.bin");
    let doc = Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::new(bytes));
    if let Ok(doc) = doc {
        let _ = (doc.to_markdown(), doc.to_html());
    }
    let cell_then_link =
        "<table><tr><td><a href=/x>é  </a></td><td>ü<a href=/y>ß</a></td></tr></table>";
    let doc = Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::from_text(cell_then_link))
        .expect("ok");
    for b in &doc.blocks {
        for l in &b.structure.links {
            assert!(b.text.is_char_boundary(l.start) && b.text.is_char_boundary(l.end));
        }
    }
}
