//! Prints a synthetic article page of about N bytes, or times extraction across sizes.
//!
//! ```text
//! cargo run --release --example synthetic -- 52428800 > /tmp/50mb.html   # a 50 MB page
//! cargo run --release --example synthetic -- --scaling                    # ns per byte, 10 KB .. 50 MB
//! cargo run --release --example synthetic -- --hostile                    # nesting and attribute floods
//! ```
use std::io::Write;
use std::time::Instant;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let arg = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "--scaling".into());
    if arg == "--hostile" {
        hostile();
        return;
    }
    if arg != "--scaling" {
        let size: usize = arg.parse().unwrap_or(1 << 20);
        let _ = std::io::stdout().write_all(synthetic::page(size).as_bytes());
        return;
    }
    let (mut first, mut first_parse) = (None, None);
    println!(
        "{:>8} {:>12} {:>10} {:>8} {:>22} {:>8}",
        "size", "median ms", "ns/byte", "vs 10KB", "scraper parse ns/byte", "vs 10KB"
    );
    for (label, size, runs) in [
        ("10KB", 10 << 10, 201),
        ("100KB", 100 << 10, 51),
        ("1MB", 1 << 20, 11),
        ("10MB", 10 << 20, 5),
        ("50MB", 50 << 20, 3),
    ] {
        let page = synthetic::page(size);
        // Extraction and, alternating with it, scraper's parse alone: the parser's own
        // per-byte cost also moves with the page size (caches), which bounds extraction's.
        let (mut times, mut parse_times) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            let _ = std::hint::black_box(dechrome::extract(&page));
            times.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            drop(std::hint::black_box(scraper::Html::parse_document(&page)));
            parse_times.push(t.elapsed().as_secs_f64());
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (m, p) = (median(&mut times), median(&mut parse_times));
        let per_byte = m * 1e9 / page.len() as f64;
        let parse_per_byte = p * 1e9 / page.len() as f64;
        let base = *first.get_or_insert(per_byte);
        let parse_base = *first_parse.get_or_insert(parse_per_byte);
        println!(
            "{label:>8} {:>12.2} {per_byte:>10.2} {:>7.2}x {parse_per_byte:>22.2} {:>7.2}x",
            m * 1e3,
            per_byte / base,
            parse_per_byte / parse_base
        );
    }
}

/// Time per byte of deep nesting and attribute floods at two sizes: flat when the parser's
/// work is bounded, growing tenfold per tenfold size when it is quadratic.
fn hostile() {
    let para = "<p>The committee met again on Thursday and agreed to publish its report.</p>";
    let cases: Vec<(String, String)> = [10_000usize, 100_000]
        .iter()
        .flat_map(|&n| {
            let nested = format!(
                "<html><body>{}{para}{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            );
            let attrs: String = (0..n).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
            let flood = format!("<html><body><p{attrs}>x</p>{para}</body></html>");
            // A listing of look-alike items, each with a linked title (classify's listing
            // rule must count siblings once per parent, not once per item).
            let items: String = (0..n / 10)
                .map(|i| {
                    format!(
                        "<div class=item><h3><a href=/x{i}>Item {i}</a></h3><p>Item {i}, \
                         in short.</p></div>"
                    )
                })
                .collect();
            let listing = format!("<html><body><main>{items}</main></body></html>");
            [
                (format!("{n} nested divs"), nested),
                (format!("{n} attributes"), flood),
                (format!("{} listing items", n / 10), listing),
            ]
        })
        .collect();
    println!(
        "{:>24} {:>10} {:>10} {:>22}",
        "case", "ms", "ns/byte", "scraper alone, ms"
    );
    for (label, page) in &cases {
        let t = Instant::now();
        let _ = std::hint::black_box(dechrome::extract(page));
        let s = t.elapsed().as_secs_f64();
        // The unbounded parser only at the small size: at 100,000 it takes tens of seconds.
        let alone = if page.len() < 300_000 {
            let t = Instant::now();
            drop(std::hint::black_box(scraper::Html::parse_document(page)));
            format!("{:.1}", t.elapsed().as_secs_f64() * 1e3)
        } else {
            "(skipped)".to_string()
        };
        println!(
            "{label:>24} {:>10.1} {:>10.1} {alone:>22}",
            s * 1e3,
            s * 1e9 / page.len() as f64
        );
    }
}
