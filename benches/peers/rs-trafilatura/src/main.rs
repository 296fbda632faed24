//! dechrome and the rs-trafilatura crate side by side, in one process, one thread: pages per
//! second on a folder of pages, median of rounds, alternating the two.
//!
//! ```text
//! cd benches/peers/rs-trafilatura && cargo run --release -- ../../../../shared/eval/scrapinghub/pages 5
//! ```
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../../../../shared/eval/scrapinghub/pages".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "html"));
    files.sort();
    let pages: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let extractor = dechrome::Extractor::default();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        for p in &pages {
            let _ = std::hint::black_box(extractor.document(&dechrome::Page::new(p)));
        }
        ours.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for p in &pages {
            let _ = std::hint::black_box(rs_trafilatura::extract_bytes(p));
        }
        theirs.push(t.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut ours), median(&mut theirs));
    let n = pages.len() as f64;
    println!("pages: {}  rounds: {rounds}", pages.len());
    println!("dechrome:        {:7.1} pages/s", n / a);
    println!("rs-trafilatura:  {:7.1} pages/s", n / b);
    println!("ratio:           {:7.2}x", b / a);
}
