//! dechrome's tokenizer and tree builder against html5ever's, page by page: the tree each builds, in both
//! readings of `<noscript>`, and the whole `Document` (every block's text, features, score
//! and label, the metadata) with its Markdown.
//!
//! ```text
//! cargo run --release --example differential -- ../shared/eval/scrapinghub/pages \
//!     ../shared/eval/trafilatura/pages target/eval/wcxb-dev/pages target/eval/l3s-gn1/pages
//! cargo run --release --example differential -- fuzz/corpus/extract fuzz/corpus/structured
//! ```
//!
//! Every file in each folder is read (any name). It prints how many pages it compared and
//! each page that differs, with the first line that differs, and exits 1 if any did.
//!
//! `--fingerprint` compares nothing: it prints one line per page, the file and a hash of
//! everything dechrome gives for it (the text path's `Extraction`, the `Document` and its
//! Markdown, with and without links), so that two builds' outputs can be compared with
//! `diff` when a change is meant to alter nothing (a speed-up).
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(d) => d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => {
            eprintln!("differential: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.sort();
    files
}

/// The first line where two outputs differ, both sides shown.
fn first_difference(what: &str, own: &str, reference: &str) -> String {
    let line = own
        .lines()
        .zip(reference.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| own.lines().count().min(reference.lines().count()));
    let clip = |s: Option<&str>| {
        let s = s.unwrap_or("(none)");
        s.chars().take(200).collect::<String>()
    };
    format!(
        "{what}, line {}:\n    own:       {}\n    html5ever: {}",
        line + 1,
        clip(own.lines().nth(line)),
        clip(reference.lines().nth(line))
    )
}

/// What differs on one page, if anything. `pairs` are the extractors compared, dechrome's
/// tokenizer against the reference: with link targets kept and without (the default, where
/// the pre-pass leaves more out).
fn compare(bytes: &[u8], pairs: &[(dechrome::Extractor, dechrome::Extractor)]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    for (scripting, links) in [(true, true), (false, true), (true, false), (false, false)] {
        let a = dechrome::differential::tree(&text, false, scripting, links);
        let b = dechrome::differential::tree(&text, true, scripting, links);
        match (a, b) {
            (Ok(a), Ok(b)) if a != b => {
                return Some(first_difference(
                    &format!("tree (scripting {scripting}, links {links})"),
                    &a,
                    &b,
                ))
            }
            (Ok(_), Ok(_)) => {}
            (a, b) if a.is_err() != b.is_err() || a.as_ref().err() != b.as_ref().err() => {
                return Some(format!("tree: {:?} against {:?}", a.err(), b.err()))
            }
            _ => {}
        }
    }
    let page = dechrome::Page::new(bytes);
    for (own, reference) in pairs {
        match (own.document(&page), reference.document(&page)) {
            (Ok(a), Ok(b)) => {
                let (da, db) = (format!("{a:#?}"), format!("{b:#?}"));
                if da != db {
                    return Some(first_difference("document", &da, &db));
                }
                let (ma, mb) = (a.to_markdown(), b.to_markdown());
                if ma != mb {
                    return Some(first_difference("markdown", &ma, &mb));
                }
            }
            (a, b) => {
                let (a, b) = (a.err(), b.err());
                if a != b {
                    return Some(format!("document: {a:?} against {b:?}"));
                }
            }
        }
        let (ta, tb) = (own.extract(&page), reference.extract(&page));
        if format!("{ta:?}") != format!("{tb:?}") {
            return Some(format!("extraction: {ta:?}\n    against {tb:?}"));
        }
    }
    None
}

/// A hash of everything dechrome gives for one page.
fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let page = dechrome::Page::new(bytes);
    let plain = dechrome::Extractor::default();
    let links = dechrome::Extractor::builder().keep_links(true).build();
    format!("{:?}", plain.extract(&page)).hash(&mut h);
    for extractor in [&plain, &links] {
        match extractor.document(&page) {
            Ok(doc) => {
                format!("{doc:?}").hash(&mut h);
                doc.to_markdown().hash(&mut h);
            }
            Err(e) => format!("{e:?}").hash(&mut h),
        }
    }
    h.finish()
}

fn main() -> ExitCode {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let fingerprints = dirs.iter().any(|d| d.as_os_str() == "--fingerprint");
    dirs.retain(|d| d.as_os_str() != "--fingerprint");
    if dirs.is_empty() {
        eprintln!("usage: differential [--fingerprint] DIR...");
        return ExitCode::from(2);
    }
    if fingerprints {
        for dir in &dirs {
            let lines: Vec<String> = files(dir)
                .par_iter()
                .map(|p| {
                    let bytes = std::fs::read(p).unwrap_or_default();
                    format!("{}\t{:016x}", p.display(), fingerprint(&bytes))
                })
                .collect();
            for l in lines {
                println!("{l}");
            }
        }
        return ExitCode::SUCCESS;
    }
    let pairs = [
        (
            dechrome::Extractor::builder().keep_links(true).build(),
            dechrome::Extractor::builder()
                .keep_links(true)
                .reference_tokenizer(true)
                .build(),
        ),
        (
            dechrome::Extractor::default(),
            dechrome::Extractor::builder()
                .reference_tokenizer(true)
                .build(),
        ),
    ];
    let mut differing = 0usize;
    for dir in &dirs {
        let files = files(dir);
        let found: Vec<(PathBuf, String)> = files
            .par_iter()
            .filter_map(|p| {
                let bytes = std::fs::read(p).ok()?;
                compare(&bytes, &pairs).map(|d| (p.clone(), d))
            })
            .collect();
        println!(
            "{}: {} pages, {} differ",
            dir.display(),
            files.len(),
            found.len()
        );
        for (p, d) in &found {
            println!("  {}: {d}", p.display());
        }
        differing += found.len();
    }
    if differing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
