//! Prints a synthetic article page of about N bytes, or times extraction across sizes.
//!
//! ```text
//! cargo run --release --example synthetic -- 52428800 > /tmp/50mb.html   # a 50 MB page
//! cargo run --release --example synthetic -- --scaling                    # ns per byte, 10 KB .. 50 MB
//! ```
use std::io::Write;
use std::time::Instant;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let arg = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "--scaling".into());
    if arg != "--scaling" {
        let size: usize = arg.parse().unwrap_or(1 << 20);
        let _ = std::io::stdout().write_all(synthetic::page(size).as_bytes());
        return;
    }
    let mut first = None;
    println!(
        "{:>8} {:>12} {:>10} {:>8}",
        "size", "median ms", "ns/byte", "vs 10KB"
    );
    for (label, size, runs) in [
        ("10KB", 10 << 10, 201),
        ("100KB", 100 << 10, 51),
        ("1MB", 1 << 20, 11),
        ("10MB", 10 << 20, 5),
        ("50MB", 50 << 20, 3),
    ] {
        let page = synthetic::page(size);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let _ = std::hint::black_box(dechrome::extract(&page));
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let per_byte = median * 1e9 / page.len() as f64;
        let base = *first.get_or_insert(per_byte);
        println!(
            "{label:>8} {:>12.2} {per_byte:>10.2} {:>7.2}x",
            median * 1e3,
            per_byte / base
        );
    }
}
