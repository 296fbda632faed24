//! Any bytes through `Extractor::extract`, `Extractor::document` and every output format: a result or a typed error,
//! never a panic, and the outputs agree with the blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let extractor = dechrome::Extractor::builder().keep_links(true).build();
    let text = extractor
        .extract(&dechrome::Page::new(data))
        .map(|r| r.text);
    let Ok(doc) = extractor.document(&dechrome::Page::new(data)) else {
        assert!(text.is_err());
        return;
    };
    // The lean text path chooses the same blocks as the whole document.
    assert_eq!(text.ok().as_deref(), Some(doc.text.as_str()));
    let _ = doc.to_markdown();
    let html = doc.to_html();
    assert!(!html.contains("<script"));
    // Without links written into it, the text is made of the body blocks' texts.
    for b in doc
        .content_blocks()
        .filter(|b| b.role.is_none() && b.structure.links.is_empty())
    {
        assert!(doc.text.contains(b.text.as_str()));
    }
});
