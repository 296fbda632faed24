//! Any bytes through `extract_bytes` and every output format: a result or a typed error,
//! never a panic, and the outputs agree with the blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = dechrome::Extractor::builder().keep_links(true).build().extract_bytes(data) else {
        return;
    };
    let _ = doc.to_text();
    let _ = doc.to_markdown();
    let html = doc.to_html();
    assert!(!html.contains("<script"));
    // Without links written into it, the text is made of the body blocks' texts.
    for b in doc.content_blocks().filter(|b| b.role.is_none() && b.structure.links.is_empty()) {
        assert!(doc.text.contains(b.text.as_str()));
    }
});
