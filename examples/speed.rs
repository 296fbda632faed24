//! Whole extraction time against parse-only time, in one run, single thread.
//!
//! ```text
//! cargo run --release --example speed -- ../shared/eval/scrapinghub/pages [ROUNDS]
//! ```
//! Each round parses every page with `scraper::Html::parse_document` alone, then extracts
//! every page with dechrome (decoding included) into a whole `Document`
//! (`Extractor::document`), then on the text path (`Extractor::extract`: text, metadata,
//! page type), alternating so that all see the same machine state. It
//! prints pages per second for each and the median ratios over rounds.
//! A third argument, `parse`, `extract` or `text`, runs one side only, ROUNDS times (once for
//! instruction counts):
//! `valgrind --tool=callgrind target/release/examples/speed DIR 1 extract`. `setup` only
//! reads the pages, so that its count can be taken off the others'.
use std::time::Instant;

#[allow(dead_code)]
#[path = "support/dataset.rs"]
mod dataset;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/eval/scrapinghub/pages".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    // `parse` or `extract` runs one side only, once: for instruction counts under callgrind.
    let only = args.next();
    let files = dataset::html_files("speed", std::path::Path::new(&dir));
    let pages: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let texts: Vec<String> = pages
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let extractor = dechrome::Extractor::default();
    match only.as_deref() {
        Some("setup") => return,
        Some("parse") => {
            for _ in 0..rounds {
                texts
                    .iter()
                    .for_each(|t| drop(std::hint::black_box(scraper::Html::parse_document(t))));
            }
            return;
        }
        Some("extract") => {
            for _ in 0..rounds {
                pages.iter().for_each(|p| {
                    drop(std::hint::black_box(
                        extractor.document(&dechrome::Page::new(p)),
                    ))
                });
            }
            return;
        }
        Some("text") => {
            for _ in 0..rounds {
                pages.iter().for_each(|p| {
                    drop(std::hint::black_box(
                        extractor.extract(&dechrome::Page::new(p)),
                    ))
                });
            }
            return;
        }
        _ => {}
    }
    let (mut parse_t, mut extract_t, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let (mut text_t, mut text_ratios) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        for text in &texts {
            std::hint::black_box(scraper::Html::parse_document(text));
        }
        let p = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for page in &pages {
            let _ = std::hint::black_box(extractor.document(&dechrome::Page::new(page)));
        }
        let e = t.elapsed().as_secs_f64();
        // The lean path: the same text, without the per-block explanation.
        let t = Instant::now();
        for page in &pages {
            let _ = std::hint::black_box(extractor.extract(&dechrome::Page::new(page)));
        }
        let x = t.elapsed().as_secs_f64();
        parse_t.push(p);
        extract_t.push(e);
        ratios.push(e / p);
        text_t.push(x);
        text_ratios.push(x / p);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (p, e, r) = (
        median(&mut parse_t),
        median(&mut extract_t),
        median(&mut ratios),
    );
    let (x, xr) = (median(&mut text_t), median(&mut text_ratios));
    let n = pages.len() as f64;
    println!(
        "pages: {}  ({:.1} MB)  rounds: {rounds}",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!(
        "parse only (scraper):  {:8.1} pages/s  {:6.2} ms/page",
        n / p,
        1e3 * p / n
    );
    println!(
        "dechrome Document:     {:8.1} pages/s  {:6.2} ms/page",
        n / e,
        1e3 * e / n
    );
    println!(
        "dechrome text path:    {:8.1} pages/s  {:6.2} ms/page",
        n / x,
        1e3 * x / n
    );
    println!("Document / parse time:  {r:.2}x (median of rounds)");
    println!("text path / parse time: {xr:.2}x (median of rounds)");
}
