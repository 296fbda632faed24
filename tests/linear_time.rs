//! Extraction is linear in the page, whatever its shape: for every shape the grammar in
//! `support/hostile.rs` draws (nesting, misnesting, foreign content, formatting clones, long
//! runs of list items, headings and tiny blocks, huge attributes) and every shape reported in
//! an issue, four times the page costs less than six times the time, the memory stays
//! within 300 bytes per byte of page, and the text, Markdown and HTML within 8 bytes per
//! byte of page plus 1 MiB.
//!
//! Timing needs an optimised build, so the test is ignored in the debug suite and run by
//! `.ci/run`: `cargo test --release --test linear_time -- --include-ignored`.

use std::time::Instant;

#[path = "support/hostile.rs"]
mod hostile;

#[path = "support/counting.rs"]
mod counting;

/// Page size of the smaller run; the larger is four times as many units.
const SMALL_BYTES: usize = 128 << 10;
/// Drawn shapes, besides the named ones.
const DRAWN: usize = 150;
/// Below this, the larger run is too quick for its ratio to mean anything on a busy machine
/// (a quadratic shape takes seconds at this size; a linear one, tens of milliseconds).
const NOISE_SECONDS: f64 = 0.1;

/// Extracts with links kept and renders the Markdown and the HTML (the paths that grow the
/// most): the fastest of `runs` runs, the peak memory, and the largest output.
fn measure(page: &str, runs: usize) -> (f64, usize, usize) {
    let extractor = dechrome::Extractor::builder().keep_links(true).build();
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut output = 0;
    for _ in 0..runs {
        let base = counting::start();
        let t = Instant::now();
        if let Ok(doc) = extractor.document(&dechrome::Page::from_text(page)) {
            let md = std::hint::black_box(doc.to_markdown());
            let html = std::hint::black_box(doc.to_html());
            output = output.max(md.len()).max(html.len()).max(doc.text.len());
        }
        best = best.min(t.elapsed().as_secs_f64());
        peak = peak.max(counting::peak_since(base));
    }
    (best, peak, output)
}

/// The output bound every format keeps: 8 bytes per byte of page, plus 1 MiB.
fn output_bound(page: &str) -> usize {
    8 * page.len() + (1 << 20)
}

#[test]
#[ignore = "timing: run in release by .ci/run"]
fn every_generated_shape_is_linear_in_time_and_bounded_in_memory() {
    let mut failures = Vec::new();
    let mut worst = (0.0f64, String::new());
    for shape in hostile::named()
        .into_iter()
        .chain(hostile::shapes(0x11ea7, DRAWN))
    {
        let n = shape.repeats_for(SMALL_BYTES);
        let (small, large) = (shape.page(n), shape.page(4 * n));
        let (t1, _, _) = measure(&small, 3);
        let (t4, peak, output) = measure(&large, 3);
        let mut ratio = t4 / t1.max(1e-6);
        if t4 > NOISE_SECONDS && ratio >= 6.0 {
            // Measured again, longer, before it counts: a busy machine can slow one run.
            let (t1, _, _) = measure(&small, 7);
            let (t4, _, _) = measure(&large, 7);
            ratio = t4 / t1.max(1e-6);
        }
        if t4 > NOISE_SECONDS && ratio > worst.0 {
            worst = (ratio, shape.name.clone());
        }
        if t4 > NOISE_SECONDS && ratio >= 6.0 {
            failures.push(format!(
                "time x{ratio:.1} ({:.0} ms for {} KB): {}",
                t4 * 1e3,
                large.len() >> 10,
                shape.name
            ));
        }
        if output > output_bound(&large) {
            failures.push(format!(
                "output {} KB for {} KB: {}",
                output >> 10,
                large.len() >> 10,
                shape.name
            ));
        }
        if peak > 300 * large.len().max(1 << 20) {
            failures.push(format!(
                "memory {} MB for {} KB: {}",
                peak >> 20,
                large.len() >> 10,
                shape.name
            ));
        }
    }
    eprintln!(
        "worst time ratio for 4x the page: {:.2} ({})",
        worst.0, worst.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
