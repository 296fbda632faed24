//! The template memory on generated sites: precision and recall with and without it.
//!
//! Writes `--hosts` hosts (default 8) of `--pages` pages each (default 30) with
//! `tests/support/sites.rs` (each host with its own chrome, no class or id hints, and a
//! notice as dense as a paragraph), extracts every page three ways and prints a table:
//! without memory; online (the memory learns as the pages come, in order); and batch (it
//! learns every page first, then extracts). It also gives the page of each host from which
//! the notice is gone for good in the online run.
//!
//! ```text
//! cargo run --release --example template_sites -- [--hosts N] [--pages N] [--seed N]
//! ```

#[path = "../tests/support/sites.rs"]
mod sites;

use dechrome::{url::Url, Extractor, Page, TemplateMemory};
use sites::{Score, SitePage};
use std::sync::Arc;

fn main() {
    let mut hosts = 8;
    let mut pages = 30;
    let mut seed = 7;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), v) {
            ("--hosts", Some(v)) => hosts = v,
            ("--pages", Some(v)) => pages = v,
            ("--seed", Some(v)) => seed = v as u64,
            _ => {
                eprintln!("usage: template_sites [--hosts N] [--pages N] [--seed N]");
                std::process::exit(2);
            }
        }
    }
    let sites = sites::sites(hosts, pages, seed);
    let text = |e: &Extractor, p: &SitePage| -> String {
        let url = Url::parse(&p.url).expect("generated URLs parse");
        e.extract(&Page::from_text(&p.html).url(&url))
            .map(|r| r.text)
            .unwrap_or_default()
    };

    let alone = Extractor::default();
    let online_memory = Arc::new(TemplateMemory::new());
    let online = Extractor::builder()
        .template_memory(Arc::clone(&online_memory))
        .build();
    let batch_memory = Arc::new(TemplateMemory::new());
    let learner = Extractor::builder()
        .template_memory(Arc::clone(&batch_memory))
        .build();
    for p in sites.iter().flatten() {
        let url = Url::parse(&p.url).expect("generated URLs parse");
        learner
            .learn(&Page::from_text(&p.html).url(&url))
            .expect("generated pages are read");
    }
    let batch = Extractor::builder()
        .template_memory(batch_memory)
        .learn_templates(false)
        .build();

    let mut rows: Vec<(&str, Score, usize)> = Vec::new();
    let mut gone_from: Vec<usize> = Vec::new();
    for (name, extractor) in [
        ("no memory", &alone),
        ("online", &online),
        ("batch", &batch),
    ] {
        let mut total = Score::default();
        let mut notices = 0;
        for site in &sites {
            let mut last_leak = None;
            for (i, p) in site.iter().enumerate() {
                let t = text(extractor, p);
                let s = Score::of(p, &t);
                total.add(s);
                if t.contains(p.notice.as_str()) {
                    notices += 1;
                    last_leak = Some(i);
                }
            }
            if name == "online" {
                gone_from.push(last_leak.map_or(1, |i| i + 2));
            }
        }
        rows.push((name, total, notices));
    }
    println!(
        "{hosts} hosts x {pages} pages (seed {seed}); each page has {}-{} article paragraphs and about {} chrome lines",
        4,
        8,
        sites[0][0].chrome.len()
    );
    println!(
        "| memory | word precision | word recall | paragraphs kept | chrome lines leaked | pages with the notice |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, s, notices) in &rows {
        println!(
            "| {name} | {:.4} | {:.4} | {}/{} | {}/{} | {notices}/{} |",
            s.precision(),
            s.recall(),
            s.kept,
            s.paragraphs,
            s.leaked,
            s.chrome,
            hosts * pages
        );
    }
    println!(
        "online: the notice is gone for good from page {} of its host (worst host; by host: {:?})",
        gone_from.iter().max().copied().unwrap_or(0),
        gone_from
    );
    println!(
        "memory after the online run: {} hosts, {} bytes",
        online_memory.hosts(),
        online_memory.bytes()
    );
}
