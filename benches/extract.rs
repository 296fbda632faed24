//! Extraction time beside the time of parsing the same page with
//! `scraper::Html::parse_document` alone.
//!
//! `cargo bench --bench extract` — pages: the repo's fixtures, and when `../shared/eval`
//! sits beside the repo, a spread of the scrapinghub pages (read at run time, not copied).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

fn pages() -> Vec<(String, String)> {
    let mut out = vec![
        (
            "fixture-news".to_string(),
            include_str!("../tests/fixtures/news_sample.html").to_string(),
        ),
        (
            "fixture-plain".to_string(),
            include_str!("../tests/fixtures/news_sample_plain.html").to_string(),
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/scrapinghub/pages");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for path in files.iter().step_by(30).take(6) {
            if let Ok(text) = std::fs::read_to_string(path) {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((format!("sh-{}", &name[..name.len().min(8)]), text));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("page");
    group.sample_size(30);
    for (name, html) in pages() {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse_only", &name), &html, |b, h| {
            b.iter(|| black_box(scraper::Html::parse_document(black_box(h))))
        });
        group.bench_with_input(BenchmarkId::new("extract", &name), &html, |b, h| {
            b.iter(|| black_box(dechrome::extract(black_box(h))))
        });
        group.bench_with_input(BenchmarkId::new("extract_text", &name), &html, |b, h| {
            let extractor = dechrome::Extractor::default();
            b.iter(|| {
                black_box(
                    extractor
                        .extract(&dechrome::Page::from_text(black_box(h)))
                        .map(|e| e.text),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
