//! The dechrome command line: prints a page's main content.
//!
//! ```text
//! dechrome [OPTIONS] [FILE|-]          one page (stdin when FILE is absent or -)
//! dechrome [OPTIONS] --jsonl DIR       every DIR/*.html, one JSON line per page
//!
//!   --format text|json|markdown|html   output format (default text)
//!   --metadata              print the page's metadata (JSON) before the content
//!   --captions              keep figure and table captions of the article
//!   --explain               every block with its label, score and main features
//!   --favor precision|balanced|recall
//!   --min-words N           drop content blocks shorter than N words
//!   --charset LABEL         the page's charset, when known
//!   --links                 write link targets after link text
//!   --threads N             worker threads for --jsonl (default: all cores)
//!   --max-memory BYTES      memory budget of one page (default 192 MiB, plus 16 bytes a
//!                           byte of page); a page that needs more gets an "error" line
//!                           in --jsonl, and the others go on
//! ```
use dechrome::{Document, Extractor, Favor};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Default)]
struct Args {
    input: Option<String>,
    jsonl: Option<PathBuf>,
    format: String,
    explain: bool,
    threads: Option<usize>,
    favor: Favor,
    min_words: u32,
    charset: Option<String>,
    links: bool,
    metadata: bool,
    captions: bool,
    base_url: Option<String>,
    max_memory: Option<usize>,
}

const USAGE: &str = "usage: dechrome [--format text|json|markdown|html] [--metadata] [--explain] \
[--favor precision|balanced|recall] [--min-words N] [--charset LABEL] [--links] [--base-url URL] [--max-memory BYTES] [FILE|-]\n       \
dechrome --jsonl DIR [--threads N] [options]";

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        format: "text".into(),
        ..Args::default()
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--format" => a.format = value("--format")?,
            "--explain" => a.explain = true,
            "--jsonl" => a.jsonl = Some(PathBuf::from(value("--jsonl")?)),
            "--threads" => {
                a.threads = Some(
                    value("--threads")?
                        .parse()
                        .map_err(|e| format!("--threads: {e}"))?,
                )
            }
            "--min-words" => {
                a.min_words = value("--min-words")?
                    .parse()
                    .map_err(|e| format!("--min-words: {e}"))?
            }
            "--charset" => a.charset = Some(value("--charset")?),
            "--links" => a.links = true,
            "--metadata" => a.metadata = true,
            "--captions" => a.captions = true,
            "--base-url" => a.base_url = Some(value("--base-url")?),
            "--max-memory" => {
                a.max_memory = Some(
                    value("--max-memory")?
                        .parse()
                        .map_err(|e| format!("--max-memory: {e}"))?,
                )
            }
            "--favor" => {
                a.favor = match value("--favor")?.as_str() {
                    "precision" => Favor::Precision,
                    "balanced" => Favor::Balanced,
                    "recall" => Favor::Recall,
                    other => return Err(format!("unknown --favor {other}")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => a.input = Some(s.to_string()),
        }
    }
    if !matches!(a.format.as_str(), "text" | "json" | "markdown" | "html") {
        return Err(format!("unknown --format {}", a.format));
    }
    Ok(a)
}

fn extractor(a: &Args) -> Extractor {
    let mut b = Extractor::builder()
        .favor(a.favor)
        .min_block_words(a.min_words)
        .keep_links(a.links)
        .keep_captions(a.captions);
    if let Some(c) = &a.charset {
        b = b.charset(c.clone());
    }
    if let Some(u) = &a.base_url {
        b = b.base_url(u.clone());
    }
    if let Some(m) = a.max_memory {
        b = b.limits(dechrome::Limits {
            max_memory: m,
            ..dechrome::Limits::default()
        });
    }
    b.build()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("dechrome: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match &args.jsonl {
        Some(dir) => batch(&args, dir),
        None => single(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dechrome: {e}");
            ExitCode::FAILURE
        }
    }
}

fn single(args: &Args) -> Result<(), String> {
    let bytes = match args.input.as_deref() {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("stdin: {e}"))?;
            buf
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
    };
    let extractor = extractor(args);
    // Buffered: JSON and explanations are written in many small pieces.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.explain && !args.metadata && args.format == "text" {
        // Plain text needs no per-block explanation: the lean path.
        let text = extractor
            .extract_text_bytes(&bytes)
            .map_err(|e| e.to_string())?;
        drop(bytes);
        return writeln!(out, "{text}")
            .and_then(|_| out.flush())
            .or_else(ignore_broken_pipe);
    }
    let doc = extractor.extract_bytes(&bytes).map_err(|e| e.to_string())?;
    let written = (|| {
        if args.metadata && args.format != "json" {
            serde_json::to_writer_pretty(&mut out, &doc.metadata).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        match (args.explain, args.format.as_str()) {
            (true, _) => explain(&doc, &mut out),
            (false, "json") => serde_json::to_writer_pretty(&mut out, &doc)
                .map_err(std::io::Error::other)
                .and_then(|_| writeln!(out)),
            (false, "markdown") => writeln!(out, "{}", doc.to_markdown()),
            (false, "html") => write!(out, "{}", doc.to_html()),
            _ => writeln!(out, "{}", doc.text),
        }?;
        out.flush()
    })();
    written.or_else(ignore_broken_pipe)
}

fn ignore_broken_pipe(e: std::io::Error) -> Result<(), String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e.to_string())
    }
}

/// One line per block: label, score, the main features and the terms of the score.
fn explain(doc: &Document, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "# title: {}", doc.title.as_deref().unwrap_or("-"))?;
    writeln!(
        out,
        "# language: {}  encoding: {}",
        doc.language.as_deref().unwrap_or("-"),
        doc.encoding
    )?;
    let ev = &doc.page_type_evidence;
    let probs: Vec<String> = ev
        .probabilities
        .iter()
        .take(3)
        .map(|(t, p)| format!("{t:?} {p:.2}").to_lowercase())
        .collect();
    writeln!(
        out,
        "# page type: {:?} (probabilities: {}); read as {:?}",
        doc.page_type,
        probs.join(", "),
        ev.read_as
    )?;
    let mut parts: Vec<&dechrome::PageFeature> = ev.features.iter().collect();
    parts.sort_by(|a, b| b.part.total_cmp(&a.part));
    let show = |f: &&dechrome::PageFeature| format!("{} {:.2} ({:+.2})", f.name, f.value, f.part);
    let for_it: Vec<String> = parts.iter().take(5).map(show).collect();
    let against: Vec<String> = parts.iter().rev().take(3).map(show).collect();
    writeln!(
        out,
        "#   for it: {}; against it: {}",
        for_it.join(", "),
        against.join(", ")
    )?;
    writeln!(
        out,
        "# label score  words  link  stop  region cue           tag      terms | text"
    )?;
    for b in &doc.blocks {
        let f = &b.features;
        let terms: Vec<String> = b
            .contributions
            .iter()
            .filter(|c| c.value != 0.0 || c.term == dechrome::Term::NoRegion)
            .map(|c| format!("{:?}{:+.2}", c.term, c.value))
            .collect();
        let mut text: String = b
            .text
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " ");
        if b.text.chars().count() > 90 {
            text.push('…');
        }
        writeln!(
            out,
            "{} {:+.2} {:5} {:5.2} {:5.2} {:6} {:13} {:8} {} | {}",
            if b.is_content() { "KEEP " } else { "drop " },
            b.score,
            f.words,
            f.link_density,
            f.stopword_density,
            if f.in_region { "in" } else { "out" },
            f.chrome_cue.as_deref().unwrap_or("-"),
            f.tag,
            terms.join(" "),
            text
        )?;
    }
    Ok(())
}

fn batch(args: &Args, dir: &Path) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    let extractor = extractor(args);
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages {per_sec} eta {eta}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    write_lines(&extractor, &files, &pool, &bar, out)?;
    bar.finish_and_clear();
    Ok(())
}

/// Extracts `files` and writes one JSON line per page to `out`, in order: `{"id", "title",
/// "text"}`, or `{"id", "error"}` for a page that gives an error (its bytes unreadable, not
/// HTML, over a limit or the memory budget); the other pages are not affected.
fn write_lines(
    extractor: &Extractor,
    files: &[PathBuf],
    pool: &rayon::ThreadPool,
    bar: &ProgressBar,
    mut out: impl Write,
) -> Result<(), String> {
    // Pages are extracted in parallel a chunk at a time and written in order, so the output
    // is stable and memory does not grow with the number of pages. Chunks of 32 pages a
    // thread keep the wait at each chunk's end small.
    let chunk = 32 * pool.current_num_threads().max(1);
    for group in files.chunks(chunk) {
        let lines: Vec<String> = pool.install(|| {
            group
                .par_iter()
                .map(|path| {
                    let line = one_line(extractor, path);
                    bar.inc(1);
                    line
                })
                .collect()
        });
        for line in lines {
            writeln!(out, "{line}").or_else(ignore_broken_pipe)?;
        }
    }
    out.flush().or_else(ignore_broken_pipe)
}

fn one_line(extractor: &Extractor, path: &Path) -> String {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let value = match std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|b| extractor.extract_bytes(&b).map_err(|e| e.to_string()))
    {
        Ok(doc) => serde_json::json!({"id": id, "title": doc.title, "text": doc.text}),
        Err(e) => serde_json::json!({"id": id, "error": e}),
    };
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_survives_a_page_over_the_memory_budget() {
        let dir = std::env::temp_dir().join(format!("dechrome-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let article = |topic: &str| {
            format!(
                "<html><head><title>{topic}</title></head><body><article><p>The council \
                 met on Monday and agreed, after a long debate about {topic}, to open the \
                 library on Sundays from next month.</p></article></body></html>"
            )
        };
        // JSON-LD of many tiny objects: parsed, it would take far more than its text.
        let flood = format!(
            "<html><head><script type=application/ld+json>[{}{{}}]</script></head>\
             <body><p>x</p></body></html>",
            r#"{"a":0},"#.repeat(400_000)
        );
        let pages = [
            ("a", article("roads")),
            ("b", flood),
            ("c", article("schools")),
        ];
        for (id, page) in &pages {
            std::fs::write(dir.join(format!("{id}.html")), page).expect("write");
        }
        let files: Vec<PathBuf> = ["a", "b", "c"]
            .iter()
            .map(|id| dir.join(format!("{id}.html")))
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("pool");
        let extractor = Extractor::default();
        let mut out = Vec::new();
        write_lines(&extractor, &files, &pool, &ProgressBar::hidden(), &mut out).expect("runs");
        std::fs::remove_dir_all(&dir).ok();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(
            lines[0]["text"].as_str(),
            Some(extractor.extract(&pages[0].1).expect("ok").text.as_str())
        );
        assert_eq!(lines[1]["id"], "b");
        let error = lines[1]["error"].as_str().unwrap_or_default();
        assert!(error.contains("memory"), "{error}");
        assert!(lines[1].get("text").is_none());
        assert_eq!(lines[2]["id"], "c");
        assert!(lines[2]["text"]
            .as_str()
            .is_some_and(|t| t.contains("about schools")));
    }
}
