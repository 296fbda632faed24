//! Extraction time against page size, from 10 KB to 50 MB: time per byte must stay flat
//! (no quadratic step). `cargo bench --bench scaling`.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

#[path = "support/synthetic.rs"]
mod synthetic;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for (label, size) in [
        ("10KB", 10 << 10),
        ("100KB", 100 << 10),
        ("1MB", 1 << 20),
        ("10MB", 10 << 20),
        ("50MB", 50 << 20),
    ] {
        let page = synthetic::page(size);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", label), &page, |b, p| {
            b.iter(|| black_box(dechrome::extract(black_box(p))))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
