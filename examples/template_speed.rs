//! What the template memory costs, in one run, single thread.
//!
//! ```text
//! cargo run --release --example template_speed -- [DIR] [ROUNDS]
//! ```
//! DIR (default `../shared/eval/scrapinghub/pages`) holds the pages; each is given a URL on
//! one of ten hosts, so that every host has many pages and the memory is in use. Each round
//! times, over all pages and taking turns page by page: `extract_page` without a memory;
//! with a memory that already knows every page and is only read (the second pass of a
//! batch); online, where each page teaches the memory and is scored by it; and `learn`
//! alone (the first pass). It prints the median ratio of each to the run without a memory,
//! and of the two-pass batch (learn, then read) to it.
use dechrome::{url::Url, Extractor, Page, TemplateMemory};
use std::sync::Arc;
use std::time::Instant;

#[allow(dead_code)]
#[path = "support/dataset.rs"]
mod dataset;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/eval/scrapinghub/pages".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(7);
    let files = dataset::html_files("template_speed", std::path::Path::new(&dir));
    let pages: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let urls: Vec<Url> = (0..pages.len())
        .map(|i| {
            Url::parse(&format!("https://site{}.example/page/{i}", i % 10)).expect("valid URL")
        })
        .collect();
    let page = |i: usize| Page::new(&pages[i]).url(&urls[i]);
    let alone = Extractor::default();
    // A memory that knows every page, for the read-only runs.
    let learned = Arc::new(TemplateMemory::new());
    let learner = Extractor::builder()
        .template_memory(Arc::clone(&learned))
        .build();
    for i in 0..pages.len() {
        drop(learner.learn(&page(i)));
    }
    let reader = Extractor::builder()
        .template_memory(learned)
        .learn_templates(false)
        .build();
    let mut ratios: [Vec<f64>; 4] = Default::default();
    for _ in 0..rounds {
        // The four runs take turns page by page, so that all see the same machine state.
        let online = Extractor::builder()
            .template_memory(Arc::new(TemplateMemory::new()))
            .build();
        let scratch = Extractor::builder()
            .template_memory(Arc::new(TemplateMemory::new()))
            .build();
        let mut t = [0.0f64; 4];
        let timed = |f: &dyn Fn()| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        };
        for i in 0..pages.len() {
            t[0] += timed(&|| drop(std::hint::black_box(alone.extract(&page(i)))));
            t[1] += timed(&|| drop(std::hint::black_box(reader.extract(&page(i)))));
            t[2] += timed(&|| drop(std::hint::black_box(online.extract(&page(i)))));
            t[3] += timed(&|| drop(std::hint::black_box(scratch.learn(&page(i)))));
        }
        for (v, r) in
            ratios
                .iter_mut()
                .zip([t[1] / t[0], t[2] / t[0], t[3] / t[0], (t[3] + t[1]) / t[0]])
        {
            v.push(r);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{} pages, {rounds} rounds; median time relative to extraction without a memory:",
        pages.len()
    );
    for (name, v) in [
        "read a learned memory (fingerprints and lookups)",
        "online (learn each page, then read)",
        "learn alone (the first pass)",
        "two-pass batch (learn every page, then read)",
    ]
    .iter()
    .zip(ratios.iter_mut())
    {
        println!("  {name:50} {:.3}x", median(v));
    }
}
