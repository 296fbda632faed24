//! The dechrome command line: prints a page's main content, or writes one JSON line per page
//! for a directory of pages or WARC files. `dechrome --help` lists every option.
//!
//! Exit codes: 0 when the work was done (in batch mode, a page that fails gets an `"error"`
//! line and the run goes on); 1 when the one page given could not be extracted; 2 for a
//! usage error; 3 when an input could not be read or the output not written.

use crate::batch::{self, Item, Source, Summary};
use clap::{Parser, ValueEnum};
use dechrome::url::Url;
use dechrome::{Document, Extractor, ExtractorBuilder, Favor, Limits, Page, TemplateMemory};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// What the exit codes mean, for `--help`.
const EXIT_CODES: &str = "Exit codes:
  0  done (in batch mode, pages that fail get an \"error\" line and the run goes on)
  1  the page given could not be extracted (not HTML, over a limit)
  2  usage error
  3  an input could not be read, or the output not written";

/// Prints the main content of web pages, without the chrome around it: navigation, teasers,
/// share bars, notices, comments, footers.
#[derive(Debug, Parser)]
#[command(name = "dechrome", version, after_help = EXIT_CODES)]
pub struct Args {
    /// The page to read; stdin when absent or "-".
    #[arg(value_name = "FILE", conflicts_with_all = ["jsonl", "warc"])]
    pub input: Option<PathBuf>,

    /// Batch mode: every DIR/*.html, one JSON line per page ({"id", "title", "text", ...}),
    /// in file-name order.
    #[arg(long, value_name = "DIR", conflicts_with = "warc")]
    pub jsonl: Option<PathBuf>,

    /// Batch mode: the HTML responses of WARC files (.warc or .warc.gz), one JSON line per
    /// record ({"url", "record_id", "date", "title", "text", "metadata", ...}).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub warc: Vec<PathBuf>,

    /// For --jsonl: a table of page id (file name without .html) to URL, one "ID URL" pair
    /// per line (or JSON lines with "id" and "url"). The URL resolves the page's links and
    /// hints at its type.
    #[arg(long, value_name = "FILE", requires = "jsonl")]
    pub urls: Option<PathBuf>,

    /// Output format of the content. In batch mode, the "text" field takes this format
    /// (json is for one page).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Print the page's metadata (JSON) before the content; in --jsonl lines, add a
    /// "metadata" field (WARC lines always have one).
    #[arg(long)]
    pub metadata: bool,

    /// Every block with its label, score, main features and the terms of its score.
    #[arg(long, conflicts_with_all = ["jsonl", "warc"])]
    pub explain: bool,

    /// Keep figure and table captions of the article.
    #[arg(long)]
    pub captions: bool,

    /// Which way to lean on blocks the scorer is unsure of.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    pub favor: FavorArg,

    /// Read the page (every page, in batch mode) as this type, rather than detecting it:
    /// article, forum, product, listing, collection, documentation, service (or recipe,
    /// video, profile, other, which read as an article). A crawler that knows its pages'
    /// type from a sitemap or a URL pattern gives it here; "article" keeps a page's text
    /// without its teasers and comments whatever the page looks like.
    #[arg(long, value_name = "TYPE", value_parser = parse_page_type)]
    pub page_type: Option<dechrome::PageType>,

    /// Drop content blocks shorter than N words.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_words: u32,

    /// The page's charset: a label or a whole Content-Type value. An unknown one is
    /// ignored, with a warning.
    #[arg(long, value_name = "LABEL")]
    pub charset: Option<String>,

    /// The page's URL, to resolve its links against. An invalid one is ignored, with a
    /// warning.
    #[arg(long, value_name = "URL", alias = "base-url")]
    pub url: Option<String>,

    /// Keep links: Markdown and HTML carry them, JSON lists them, and batch lines get a
    /// "links" field with every link of the page (boilerplate too).
    #[arg(long)]
    pub links: bool,

    /// Write each link's target after its text in the plain text, as "text (url)".
    #[arg(long)]
    pub link_targets: bool,

    /// Worker threads in batch mode, from 1 to 1024 (default, or 0: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Longest one page may take, in milliseconds (default: no limit). A page past it
    /// fails with an error (in batch mode, an "error" line).
    #[arg(long, value_name = "MS")]
    pub timeout: Option<u64>,

    /// Memory budget of one page in bytes (default 192 MiB, plus 16 bytes a byte of page).
    /// A page that needs more fails with an error (in batch mode, an "error" line).
    #[arg(long, value_name = "BYTES")]
    pub max_memory: Option<usize>,

    /// Largest page accepted, in bytes (default 64 MiB).
    #[arg(long, value_name = "BYTES")]
    pub max_input_bytes: Option<usize>,

    /// Batch mode: learn each site's template from the batch's own pages, and drop what
    /// recurs across a host's pages (menus, notices, footers) even where nothing on the page
    /// marks it. Two passes: the first reads every page to learn, the second extracts, so
    /// the first pages of a host benefit too. Needs URLs: --urls with --jsonl; WARC records
    /// carry theirs.
    #[arg(long)]
    pub template: bool,

    /// With --template: start from the memory saved in FILE (when it exists), and save what
    /// the batch taught it back to FILE, so that a crawl's next batch starts where this one
    /// stopped.
    #[arg(long, value_name = "FILE", requires = "template")]
    pub template_memory: Option<PathBuf>,

    /// Show no progress bar in batch mode (it is shown only when stderr is a terminal).
    #[arg(long)]
    pub quiet: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text, paragraphs separated by blank lines.
    Text,
    /// The whole document (metadata, text, every block) as JSON.
    Json,
    /// CommonMark with GFM tables.
    Markdown,
    /// Minimal, clean HTML.
    Html,
}

/// `--favor` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FavorArg {
    /// Keep only what is clearly content.
    Precision,
    /// The default trade-off.
    Balanced,
    /// Keep what may be content.
    Recall,
}

fn parse_page_type(s: &str) -> Result<dechrome::PageType, String> {
    s.parse().map_err(|e: dechrome::UnknownName| e.to_string())
}

/// Why a run stopped, with its exit code.
#[derive(Debug)]
pub enum Failure {
    /// The page could not be extracted (1).
    Extraction(String),
    /// A usage error (2).
    Usage(String),
    /// An input or output failed (3).
    Io(String),
}

impl Failure {
    /// The exit code.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Extraction(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Io(_) => 3,
        }
    }

    fn message(&self) -> &str {
        match self {
            Failure::Extraction(m) | Failure::Usage(m) | Failure::Io(m) => m,
        }
    }
}

/// Runs the command line on `argv` (program name first), reading stdin for a page when no
/// file is named, and writing to `out` and `err`. Returns the exit code.
pub fn run(argv: Vec<std::ffi::OsString>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let args = match Args::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let _ = if code == 0 {
                write!(out, "{text}")
            } else {
                write!(err, "{text}")
            };
            return code;
        }
    };
    match execute(&args, out, err) {
        Ok(()) => 0,
        Err(f) => {
            let _ = writeln!(err, "dechrome: {}", f.message());
            f.code()
        }
    }
}

/// The most output one page may give, in any format: 8 bytes per byte of the page, plus
/// 1 MiB. Past it, the page fails (one page: exit 1; in batch mode, an "error" line).
pub fn output_bound(input_bytes: usize) -> usize {
    input_bytes.saturating_mul(8).saturating_add(1 << 20)
}

/// A writer that takes at most `left` bytes, then fails every write.
struct Bounded<'w> {
    inner: &'w mut dyn Write,
    left: usize,
}

impl<'w> Bounded<'w> {
    fn new(inner: &'w mut dyn Write, left: usize) -> Bounded<'w> {
        Bounded { inner, left }
    }
}

/// The error of a write past the output bound.
const OUTPUT_OVER: &str = "output over the limit of 8 bytes per input byte plus 1 MiB";

impl Write for Bounded<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.left {
            self.left = 0;
            return Err(std::io::Error::other(OUTPUT_OVER));
        }
        let n = self.inner.write(buf)?;
        self.left -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Most worker threads: more would only spin.
const MAX_THREADS: usize = 1024;

/// Every option that belongs to another mode, or that another option excludes, is a usage
/// error rather than ignored.
fn check_usage(args: &Args) -> Result<(), Failure> {
    let batch = args.jsonl.is_some() || !args.warc.is_empty();
    let usage = |m: &str| Err(Failure::Usage(m.to_string()));
    if args.urls.is_some() && args.jsonl.is_none() {
        return usage("--urls maps the pages of --jsonl DIR to URLs; for one page, use --url");
    }
    if args.url.is_some() && batch {
        return usage("--url is for one page; give batch pages their URLs with --urls (WARC records carry theirs)");
    }
    if args.threads.is_some() && !batch {
        return usage("--threads is for batch mode (--jsonl or --warc)");
    }
    if args.threads.is_some_and(|t| t > MAX_THREADS) {
        return usage(&format!("--threads takes 0 (all cores) to {MAX_THREADS}"));
    }
    if args.explain && args.format != Format::Text {
        return usage("--explain writes its own listing: use it without --format");
    }
    if batch && args.format == Format::Json {
        return usage("--format json is for one page; batch lines are JSON already");
    }
    if args.template && !batch {
        return usage("--template learns from a batch: use it with --jsonl or --warc");
    }
    Ok(())
}

fn execute(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    check_usage(args)?;
    let extractor = builder(args).build();
    if let Some(dir) = &args.jsonl {
        let urls = match &args.urls {
            Some(path) => read_url_table(path, err)?,
            None => Default::default(),
        };
        let source = Source::Directory {
            dir: dir.clone(),
            urls,
        };
        batch_run(args, &extractor, source, out, err)
    } else if !args.warc.is_empty() {
        let source = Source::Warc(args.warc.clone());
        batch_run(args, &extractor, source, out, err)
    } else {
        single(args, &extractor, out, err)
    }
}

fn builder(a: &Args) -> ExtractorBuilder {
    let mut limits = Limits::default();
    if let Some(m) = a.max_memory {
        limits.max_memory = m;
    }
    if let Some(m) = a.max_input_bytes {
        limits.max_input_bytes = m;
    }
    limits.timeout = a.timeout.map(std::time::Duration::from_millis);
    Extractor::builder()
        .favor(match a.favor {
            FavorArg::Precision => Favor::Precision,
            FavorArg::Balanced => Favor::Balanced,
            FavorArg::Recall => Favor::Recall,
        })
        .min_block_words(a.min_words)
        .keep_links(a.links)
        .link_targets_in_text(a.link_targets)
        .keep_captions(a.captions)
        .limits(limits)
}

/// Parses a URL given on the command line or in the table; an invalid one is ignored, with
/// a warning, as an unknown charset is: neither loses the page.
fn parse_url(text: &str, err: &mut dyn Write) -> Option<Url> {
    match Url::parse(text.trim()) {
        Ok(u) => Some(u),
        Err(e) => {
            let _ = writeln!(
                err,
                "dechrome: warning: {text:?} is not a URL ({e}); ignored"
            );
            None
        }
    }
}

/// Longest line of a `--urls` table.
const MAX_URL_LINE: usize = 64 << 10;

fn read_url_table(
    path: &std::path::Path,
    err: &mut dyn Write,
) -> Result<std::collections::HashMap<String, Url>, Failure> {
    use std::io::BufRead;
    let name = path.display();
    let file = open_regular(path)?;
    let mut reader = std::io::BufReader::new(file);
    let mut table = std::collections::HashMap::new();
    let mut raw = Vec::new();
    for number in 1.. {
        raw.clear();
        // A line is read up to its end or the limit, never whole whatever its length.
        let read = (&mut reader)
            .take(MAX_URL_LINE as u64 + 1)
            .read_until(b'\n', &mut raw)
            .map_err(|e| Failure::Io(format!("{name}: {e}")))?;
        if read == 0 {
            break;
        }
        if raw.len() > MAX_URL_LINE && !raw.ends_with(b"\n") {
            return Err(Failure::Usage(format!(
                "{name}:{number}: a line longer than {MAX_URL_LINE} bytes"
            )));
        }
        let text = String::from_utf8_lossy(&raw);
        let line = text.trim();
        if line.is_empty() {
            continue;
        }
        let (id, url) = if line.starts_with('{') {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Failure::Usage(format!("{name}:{number}: {e}")))?;
            match (v["id"].as_str(), v["url"].as_str()) {
                (Some(i), Some(u)) => (i.to_string(), u.to_string()),
                _ => {
                    return Err(Failure::Usage(format!(
                        "{name}:{number}: a JSON line needs \"id\" and \"url\""
                    )))
                }
            }
        } else {
            match line.split_once(|c: char| c.is_whitespace()) {
                Some((i, u)) => (i.to_string(), u.trim().to_string()),
                None => {
                    return Err(Failure::Usage(format!(
                        "{name}:{number}: expected \"ID URL\", found {line:?}"
                    )))
                }
            }
        };
        match Url::parse(url.trim()) {
            Ok(u) => {
                table.insert(id, u);
            }
            Err(e) => {
                let _ = writeln!(
                    err,
                    "dechrome: warning: {name}:{number}: {url:?} is not a URL ({e}); ignored"
                );
            }
        }
    }
    Ok(table)
}

/// Opens a file that is a regular file: a FIFO or a device would block or never end.
fn open_regular(path: &std::path::Path) -> Result<std::fs::File, Failure> {
    let fail = |e: &dyn std::fmt::Display| Failure::Io(format!("{}: {e}", path.display()));
    let meta = std::fs::metadata(path).map_err(|e| fail(&e))?;
    if !meta.is_file() {
        return Err(fail(&"not a regular file"));
    }
    std::fs::File::open(path).map_err(|e| fail(&e))
}

fn single(
    args: &Args,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    // At most one byte more than the limit is read: enough to tell a page too large.
    let limit = extractor.limits().max_input_bytes;
    let bytes = match args.input.as_deref() {
        None => read_stdin(limit)?,
        Some(p) if p.as_os_str() == "-" => read_stdin(limit)?,
        Some(path) => {
            let mut file = open_regular(path)?;
            crate::batch::read_bounded(&mut file, limit)
                .map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?
        }
    };
    if bytes.len() > limit {
        return Err(Failure::Extraction(format!(
            "input exceeds the limit of {limit} bytes (--max-input-bytes); reading stopped there"
        )));
    }
    let url = args.url.as_deref().and_then(|u| parse_url(u, err));
    let mut page = Page::new(&bytes);
    if let Some(c) = &args.charset {
        page = page.content_type(c);
        if page.charset_hint().is_none() {
            let _ = writeln!(
                err,
                "dechrome: warning: {c:?} names no known charset; ignored"
            );
        }
    }
    if let Some(u) = &url {
        page = page.url(u);
    }
    if let Some(t) = args.page_type {
        page = page.page_type(t);
    }
    let extraction_failed = |e: dechrome::Error| Failure::Extraction(e.to_string());
    let bound = output_bound(bytes.len());
    let mut out = std::io::BufWriter::new(Bounded::new(out, bound));
    let written = if !args.explain && !args.metadata && args.format == Format::Text {
        // Plain text needs no per-block explanation: the lean path.
        let result = extractor.extract(&page).map_err(extraction_failed)?;
        writeln!(out, "{}", result.text)
    } else {
        let doc = extractor.document(&page).map_err(extraction_failed)?;
        write_document(args, &doc, &mut out)
    };
    written
        .and_then(|_| out.flush())
        .or_else(ignore_broken_pipe)
}

fn read_stdin(limit: usize) -> Result<Vec<u8>, Failure> {
    crate::batch::read_bounded(&mut std::io::stdin().lock(), limit)
        .map_err(|e| Failure::Io(format!("stdin: {e}")))
}

fn write_document(args: &Args, doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    if args.metadata && args.format != Format::Json {
        serde_json::to_writer_pretty(&mut *out, &doc.metadata).map_err(std::io::Error::other)?;
        writeln!(out)?;
    }
    match (args.explain, args.format) {
        (true, _) => explain(doc, out),
        (false, Format::Json) => serde_json::to_writer_pretty(&mut *out, doc)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out)),
        (false, Format::Markdown) => writeln!(out, "{}", doc.to_markdown()),
        (false, Format::Html) => write!(out, "{}", doc.to_html()),
        (false, Format::Text) => writeln!(out, "{}", doc.text),
    }
}

fn ignore_broken_pipe(e: std::io::Error) -> Result<(), Failure> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else if e.to_string() == OUTPUT_OVER {
        Err(Failure::Extraction(OUTPUT_OVER.to_string()))
    } else {
        Err(Failure::Io(format!("output: {e}")))
    }
}

/// One line per block: label, score, the main features and the terms of the score.
fn explain(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "# title: {}",
        doc.metadata.title.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "# language: {}  encoding: {}",
        doc.metadata.language.as_deref().unwrap_or("-"),
        doc.encoding
    )?;
    let m = &doc.metadata;
    let from = |s: Option<dechrome::Source>| s.map_or("-", dechrome::Source::as_str);
    writeln!(
        out,
        "# published: {} (from {})  modified: {} (from {})  authors: {} (from {})",
        m.published.as_deref().unwrap_or("-"),
        from(m.published_from),
        m.modified.as_deref().unwrap_or("-"),
        from(m.modified_from),
        if m.authors.is_empty() {
            "-".to_string()
        } else {
            m.authors.join("; ")
        },
        from(m.authors_from),
    )?;
    let ev = &doc.page_type_evidence;
    let probs: Vec<String> = ev
        .probabilities
        .iter()
        .take(3)
        .map(|(t, p)| format!("{t} {p:.2}"))
        .collect();
    let how = if ev.given {
        "given with the page".to_string()
    } else {
        let mut losses: Vec<(dechrome::PageType, f32)> = ev
            .expected_loss
            .iter()
            .filter_map(|&(t, l)| Some((t, l?)))
            .collect();
        losses.sort_by(|a, b| a.1.total_cmp(&b.1));
        let shown: Vec<String> = losses.iter().map(|(t, l)| format!("{t} {l:.3}")).collect();
        let unread: Vec<&str> = ev
            .expected_loss
            .iter()
            .filter(|(_, l)| l.is_none())
            .map(|(t, _)| t.as_str())
            .collect();
        format!(
            "least expected loss of {}{}{}",
            shown.join(", "),
            if unread.is_empty() {
                String::new()
            } else {
                format!(
                    " (refused: {}: no evidence, or not sure enough)",
                    unread.join(", ")
                )
            },
            if ev.article_like {
                "; shaped like an article"
            } else {
                ""
            }
        )
    };
    writeln!(
        out,
        "# page type: {} (probabilities: {}); read as {}, by {how}",
        doc.page_type,
        probs.join(", "),
        ev.read_as
    )?;
    let mut parts: Vec<&dechrome::PageFeature> = ev.features.iter().collect();
    parts.sort_by(|a, b| b.part.total_cmp(&a.part));
    parts.retain(|f| !f.neutral);
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

fn batch_run(
    args: &Args,
    extractor: &Extractor,
    source: Source,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let show_progress = !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let options = batch::Options {
        format: args.format,
        metadata: args.metadata || matches!(source, Source::Warc(_)),
        links: args.links,
        max_input_bytes: extractor.limits().max_input_bytes,
        page_type: args.page_type,
    };
    let mut out = std::io::BufWriter::new(out);
    let templated;
    let extractor = if args.template {
        let memory = Arc::new(match &args.template_memory {
            Some(path) if path.exists() => load_memory(path)?,
            _ => TemplateMemory::new(),
        });
        let learner = builder(args).template_memory(Arc::clone(&memory)).build();
        let learned = batch::learn(&learner, source.clone(), options.max_input_bytes, &pool)?;
        if !args.quiet {
            let _ = writeln!(
                err,
                "dechrome: learned the template of {} hosts from {learned} pages",
                memory.hosts()
            );
        }
        if let Some(path) = &args.template_memory {
            save_memory(&memory, path)?;
        }
        templated = builder(args)
            .template_memory(memory)
            .learn_templates(false)
            .build();
        &templated
    } else {
        extractor
    };
    let summary: Summary = batch::run(extractor, source, &options, &pool, show_progress, &mut out)?;
    out.flush().or_else(ignore_broken_pipe)?;
    let _ = writeln!(err, "{summary}");
    Ok(())
}

/// A template memory saved by an earlier run.
fn load_memory(path: &std::path::Path) -> Result<TemplateMemory, Failure> {
    let file =
        std::fs::File::open(path).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?;
    serde_json::from_reader(std::io::BufReader::new(file)).map_err(|e| {
        Failure::Io(format!(
            "{}: not a saved template memory: {e}",
            path.display()
        ))
    })
}

/// Saves a template memory: written beside the file, then renamed over it, so that a run
/// stopped halfway leaves the last good memory.
fn save_memory(memory: &TemplateMemory, path: &std::path::Path) -> Result<(), Failure> {
    let fail = |e: &dyn std::fmt::Display| Failure::Io(format!("{}: {e}", path.display()));
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    let file = std::fs::File::create(&temp).map_err(|e| fail(&e))?;
    let mut writer = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut writer, memory).map_err(|e| fail(&e))?;
    writer.flush().map_err(|e| fail(&e))?;
    std::fs::rename(&temp, path).map_err(|e| fail(&e))
}

/// The line written for one page or record.
pub(crate) fn line_for(
    extractor: &Extractor,
    item: &Item,
    options: &batch::Options,
) -> (String, Option<String>) {
    let mut page = item.page();
    if let Some(t) = options.page_type {
        page = page.page_type(t);
    }
    let mut line = item.head();
    let result = match options.format {
        Format::Text | Format::Json => extractor.extract(&page).map(|r| {
            let links = serde_json::to_value(&r.links).unwrap_or_default();
            (r.text, r.metadata, r.encoding, r.page_type, links)
        }),
        Format::Markdown | Format::Html => extractor.document(&page).map(|d| {
            let text = if options.format == Format::Markdown {
                d.to_markdown()
            } else {
                d.to_html()
            };
            let links = if options.links {
                serde_json::to_value(d.outlinks()).unwrap_or_default()
            } else {
                serde_json::Value::Array(Vec::new())
            };
            (text, d.metadata, d.encoding, d.page_type, links)
        }),
    };
    let failure = match result {
        Ok((text, metadata, encoding, page_type, links)) => {
            line.insert("title".into(), metadata.title.clone().into());
            line.insert("text".into(), text.into());
            line.insert("language".into(), metadata.language.clone().into());
            line.insert("page_type".into(), page_type.as_str().into());
            line.insert("encoding".into(), encoding.into());
            if options.metadata {
                line.insert(
                    "metadata".into(),
                    serde_json::to_value(&metadata).unwrap_or_default(),
                );
            }
            if options.links {
                line.insert("links".into(), links);
            }
            None
        }
        Err(e) => {
            line.insert("error".into(), e.to_string().into());
            Some(error_kind(&e))
        }
    };
    let text = serde_json::Value::Object(line).to_string();
    if text.len() > output_bound(item.bytes.len()) {
        let mut line = item.head();
        line.insert("error".into(), OUTPUT_OVER.into());
        return (
            serde_json::Value::Object(line).to_string(),
            Some("output over the limit".into()),
        );
    }
    (text, failure)
}

/// A short name for an error, for the summary.
fn error_kind(e: &dechrome::Error) -> String {
    match e {
        dechrome::Error::TooLarge { .. } => "too large".into(),
        dechrome::Error::TooManyNodes { .. } => "too many nodes".into(),
        dechrome::Error::NotHtml { kind } => format!("not HTML ({kind})"),
        dechrome::Error::MemoryLimit { .. } => "over the memory budget".into(),
        dechrome::Error::UnsupportedCharset => "unsupported charset".into(),
        dechrome::Error::Timeout { .. } => "over the time limit".into(),
        _ => "other error".into(),
    }
}
