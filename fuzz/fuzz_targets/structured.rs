//! Pages built from the fuzzer's bytes through the grammar of `tests/support/hostile.rs`:
//! a context, a unit of tags, attributes and text, and a repetition count, so that a few
//! bytes of input make a page of up to a megabyte — the size at which a quadratic step or
//! a memory blow-up shows. Run with the limits that bound one extraction:
//! `-rss_limit_mb=512 -timeout=2 -max_len=1000000`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

/// Largest page built.
const MAX_PAGE: usize = 1 << 20;

/// Reads the grammar's choices from `data`; the bytes left over go into the unit as they
/// are, so that the fuzzer's own markup mutations reach the parser too.
fn build(data: &[u8]) -> String {
    let mut bytes = data.iter().copied();
    let mut next = || bytes.next().unwrap_or(0);
    let context = hostile::CONTEXTS[next() as usize % hostile::CONTEXTS.len()];
    // Log-uniform, from one to 2^17 repetitions: most pages small, some of a megabyte.
    let repeats = (1usize << (next() % 18)) + usize::from(next());
    let atoms = 1 + next() % 6;
    let mut unit = String::new();
    for _ in 0..atoms {
        let (op, tag, attr) = (next(), next(), next());
        let tag = hostile::TAGS[tag as usize % hostile::TAGS.len()];
        let attr = match attr % 6 {
            0 => "",
            1 => " class=c{i}",
            2 => " style=\"display:none\"",
            3 => " href=\"http://e.example/{i})\n![x](//evil.example/i.png)\"",
            4 => " hidden",
            _ => " itemprop=description itemtype=\"https://schema.org/Article\"",
        };
        match op % 4 {
            0 => unit.push_str(&format!("<{tag}{attr}>")),
            1 => unit.push_str(&format!("<{tag}{attr}/>")),
            2 => unit.push_str(&format!("</{tag}>")),
            _ => unit.push_str("Some words of text, "),
        }
    }
    let rest = &data[data.len().min(4 + 3 * atoms as usize)..];
    unit.push_str(&String::from_utf8_lossy(rest));
    let per = unit.len().max(1) + 2;
    let repeats = repeats.min(MAX_PAGE / per).max(1);
    let mut page = String::with_capacity(repeats * per + context.len() + 64);
    page.push_str("<!doctype html><html><body>");
    page.push_str(context);
    for i in 0..repeats {
        page.push_str(&unit.replace("{i}", &(i % 1000).to_string()));
    }
    page
}

fuzz_target!(|data: &[u8]| {
    let page = build(data);
    // Links kept or not: without them the pre-pass leaves out link and image targets.
    let keep_links = data.get(1).is_some_and(|b| b & 1 == 1);
    let extractor = dechrome::Extractor::builder()
        .keep_links(keep_links)
        .build();
    // One path per input (both are covered over a run): with coverage instrumentation a
    // megabyte page runs several times slower than in a release build, and the time limit
    // is for one extraction.
    if data.first().is_some_and(|b| b & 1 == 1) {
        let _ = extractor
            .extract(&dechrome::Page::from_text(&page))
            .map(|e| e.text);
    } else if let Ok(doc) = extractor.document(&dechrome::Page::from_text(&page)) {
        let _ = doc.to_markdown();
        assert!(!doc.to_html().contains("<script"));
    }
});
