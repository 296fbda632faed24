//! Times hostile pages: every shape of the grammar in `tests/support/hostile.rs`, at a size
//! and at four times that size, with the peak memory of the larger run.
//!
//! `cargo run --release --example hostile -- [BYTES] [SHAPES]` (defaults: 256 KiB, 300
//! drawn shapes besides the named ones). Prints the slowest shapes last.

use std::time::Instant;

#[path = "../tests/support/hostile.rs"]
mod hostile;

#[path = "../tests/support/counting.rs"]
mod counting;

/// Extracts with links kept and renders the Markdown: the path that grows the most.
fn run(page: &str) -> (f64, usize, String) {
    let extractor = dechrome::Extractor::builder().keep_links(true).build();
    let base = counting::start();
    let t = Instant::now();
    let r = extractor
        .document(&dechrome::Page::from_text(page))
        .inspect(|d| {
            let _ = d.to_markdown();
        });
    let secs = t.elapsed().as_secs_f64();
    let peak = counting::peak_since(base);
    let outcome = match r {
        Ok(d) => format!("ok {} chars", d.text.len()),
        Err(e) => format!("err {e}"),
    };
    (secs, peak, outcome)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bytes: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(256 << 10);
    let drawn: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let mut rows = Vec::new();
    for shape in hostile::named()
        .into_iter()
        .chain(hostile::shapes(0x5eed, drawn))
    {
        let n = shape.repeats_for(bytes);
        let small = shape.page(n);
        let large = shape.page(4 * n);
        let (t1, _, _) = run(&small);
        let (t4, peak, outcome) = run(&large);
        rows.push((
            t4 / t1.max(1e-6),
            t4,
            peak,
            large.len(),
            outcome,
            shape.name,
        ));
    }
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (ratio, t4, peak, len, outcome, name) in &rows {
        println!(
            "{ratio:6.2}x {:8.1} ms {:8.1} MB peak  {:7} KB  {outcome:30.30}  {name}",
            t4 * 1e3,
            *peak as f64 / 1e6,
            len >> 10
        );
    }
}
