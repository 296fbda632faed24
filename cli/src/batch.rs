//! Batch mode: pages from a directory or from WARC files, extracted on all cores, one JSON
//! line each, in input order.
//!
//! A reader thread reads pages into batches and hands them over a channel that holds at
//! most two: memory stays bounded by three batches (each at most `BATCH_BYTES`, 64 MiB, of pages,
//! plus one page) whatever the input's size, and reading and decompressing overlap with
//! extraction.

use crate::app::{line_for, Failure, Format};
use dechrome::url::Url;
use dechrome::Extractor;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Most bytes of pages in one batch.
const BATCH_BYTES: usize = 64 << 20;
/// Most pages in one batch, per worker thread.
const BATCH_PAGES_PER_THREAD: usize = 32;

/// Where the pages come from.
#[derive(Clone)]
pub enum Source {
    /// Every `*.html` in a directory, with an id → URL table.
    Directory {
        /// The directory.
        dir: PathBuf,
        /// URLs by page id (file stem).
        urls: HashMap<String, Url>,
    },
    /// The HTML responses of WARC files.
    Warc(Vec<PathBuf>),
}

/// How lines are written.
pub struct Options {
    /// Format of the "text" field.
    pub format: Format,
    /// Add a "metadata" field.
    pub metadata: bool,
    /// Add a "links" field.
    pub links: bool,
    /// Pages larger than this are not read whole: they get an error line.
    pub max_input_bytes: usize,
    /// Every page is read as this type (`--page-type`).
    pub page_type: Option<dechrome::PageType>,
}

/// One page to extract, with the fields its line starts with.
pub struct Item {
    /// The fields that identify it: `id`, or `url`, `record_id` and `date`.
    pub fields: Vec<(&'static str, serde_json::Value)>,
    /// The body.
    pub bytes: Vec<u8>,
    /// The HTTP `Content-Type` value, when known.
    pub content_type: Option<String>,
    /// The page's URL, when known.
    pub url: Option<Url>,
    /// Why it is not extracted, when it is not (unreadable, too large, truncated).
    pub failed: Option<String>,
}

impl Item {
    /// The page to hand the extractor: its bytes, `Content-Type` and URL.
    pub fn page(&self) -> dechrome::Page<'_> {
        let mut page = dechrome::Page::new(&self.bytes);
        if let Some(c) = &self.content_type {
            page = page.content_type(c);
        }
        if let Some(u) = &self.url {
            page = page.url(u);
        }
        page
    }

    /// The start of its line: the fields that identify it.
    pub fn head(&self) -> serde_json::Map<String, serde_json::Value> {
        self.fields
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect()
    }
}

/// What a batch run did, printed at its end.
#[derive(Debug, Default)]
pub struct Summary {
    /// Pages or records extracted.
    pub extracted: usize,
    /// Records not extracted, by reason (not a response, not HTML, revisit, …).
    pub skipped: BTreeMap<String, usize>,
    /// Pages or records that failed, by reason.
    pub failed: BTreeMap<String, usize>,
    /// Bytes of pages read.
    pub bytes: u64,
    /// Seconds taken.
    pub seconds: f64,
    /// "pages" or "records".
    pub unit: &'static str,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let failed: usize = self.failed.values().sum();
        let skipped: usize = self.skipped.values().sum();
        write!(
            f,
            "dechrome: {} {} extracted, {failed} failed{}, {skipped} skipped{}; {:.1} MB in {:.1} s ({:.0} {}/s, {:.1} MB/s)",
            self.extracted,
            self.unit,
            if failed > 0 { format!(" ({})", list(&self.failed)) } else { String::new() },
            if skipped > 0 { format!(" ({})", list(&self.skipped)) } else { String::new() },
            self.bytes as f64 / 1e6,
            self.seconds,
            (self.extracted + failed) as f64 / self.seconds.max(1e-9),
            self.unit,
            self.bytes as f64 / 1e6 / self.seconds.max(1e-9),
        )
    }
}

/// What the reader thread sends: a batch of items, or a record it skipped.
enum Message {
    Batch(Vec<Item>),
    Skipped(String),
    Fatal(Failure),
}

/// Reads `source`, extracts its pages on `pool`, and writes their lines to `out` in order.
pub fn run(
    extractor: &Extractor,
    source: Source,
    options: &Options,
    pool: &rayon::ThreadPool,
    show_progress: bool,
    out: &mut dyn Write,
) -> Result<Summary, Failure> {
    let started = Instant::now();
    let per_batch = BATCH_PAGES_PER_THREAD * pool.current_num_threads().max(1);
    let max_input = options.max_input_bytes;
    let mut summary = Summary {
        unit: match source {
            Source::Directory { .. } => "pages",
            Source::Warc(_) => "records",
        },
        ..Summary::default()
    };
    let unit = summary.unit;
    let bar = if show_progress {
        // A total when it is known (a directory's pages); a count with its unit otherwise.
        let total = match &source {
            Source::Directory { dir, .. } => std::fs::read_dir(dir).ok().map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
                    .count() as u64
            }),
            Source::Warc(_) => None,
        };
        let (bar, template) = match total {
            Some(n) => (
                ProgressBar::new(n),
                format!("{{bar:30}} {{pos}}/{{len}} {unit} {{msg}} [{{elapsed}}, {{eta}} left]"),
            ),
            None => (
                ProgressBar::new_spinner(),
                format!("{{spinner}} {{pos}} {unit} {{msg}} [{{elapsed}}]"),
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    read_source(source, max_input, per_batch, |message| {
        match message {
            Message::Skipped(reason) => *summary.skipped.entry(reason).or_default() += 1,
            Message::Fatal(f) => return Err(f),
            Message::Batch(items) => {
                let lines: Vec<(String, Option<String>)> = pool.install(|| {
                    items
                        .par_iter()
                        .map(|item| match &item.failed {
                            Some(why) => {
                                let mut line = item.head();
                                line.insert("error".into(), why.clone().into());
                                (
                                    serde_json::Value::Object(line).to_string(),
                                    Some(why.clone()),
                                )
                            }
                            None => line_for(extractor, item, options),
                        })
                        .collect()
                });
                for (item, (line, failure)) in items.iter().zip(lines) {
                    summary.bytes += item.bytes.len() as u64;
                    match failure {
                        Some(why) => {
                            // By kind: the details stay in the line.
                            let kind = why.split(':').next().unwrap_or("").trim().to_string();
                            *summary.failed.entry(kind).or_default() += 1
                        }
                        None => summary.extracted += 1,
                    }
                    if let Err(e) = writeln!(out, "{line}") {
                        if e.kind() == std::io::ErrorKind::BrokenPipe {
                            return Ok(false);
                        }
                        return Err(Failure::Io(format!("output: {e}")));
                    }
                }
                bar.inc(items.len() as u64);
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!(
                    "({:.0} {}/s, {:.1} MB/s)",
                    bar.position() as f64 / secs,
                    summary.unit,
                    summary.bytes as f64 / 1e6 / secs
                ));
            }
        }
        Ok(true)
    })?;
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The first pass of a run with a template memory: every page of `source` teaches the
/// extractor's memory, on `pool`; nothing is written. Returns how many pages it learned.
pub fn learn(
    extractor: &Extractor,
    source: Source,
    max_input: usize,
    pool: &rayon::ThreadPool,
) -> Result<usize, Failure> {
    let per_batch = BATCH_PAGES_PER_THREAD * pool.current_num_threads().max(1);
    let mut learned = 0;
    read_source(source, max_input, per_batch, |message| {
        match message {
            Message::Skipped(_) => {}
            Message::Fatal(f) => return Err(f),
            Message::Batch(items) => {
                learned += pool.install(|| {
                    items
                        .par_iter()
                        .filter(|item| item.failed.is_none())
                        .filter(|item| {
                            // A page it cannot read teaches nothing; the second pass reports it.
                            extractor.learn(&item.page()).unwrap_or(false)
                        })
                        .count()
                });
            }
        }
        Ok(true)
    })?;
    Ok(learned)
}

/// Reads `source` on a thread of its own and hands each message to `handle`, in order,
/// until it returns `Ok(false)` or an error.
fn read_source(
    source: Source,
    max_input: usize,
    per_batch: usize,
    mut handle: impl FnMut(Message) -> Result<bool, Failure>,
) -> Result<(), Failure> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Message>(2);
    std::thread::scope(|scope| -> Result<(), Failure> {
        scope.spawn(move || {
            let mut batcher = Batcher {
                tx,
                items: Vec::new(),
                bytes: 0,
                per_batch,
            };
            let done = match source {
                Source::Directory { dir, urls } => {
                    read_directory(&dir, &urls, max_input, &mut batcher)
                }
                Source::Warc(files) => {
                    for file in &files {
                        if !read_warc(file, max_input, &mut batcher) {
                            break;
                        }
                    }
                    true
                }
            };
            if done {
                batcher.flush();
            }
        });
        for message in rx {
            if !handle(message)? {
                break;
            }
        }
        Ok(())
    })
}

/// Gathers items into batches and sends them to the workers.
pub struct Batcher {
    tx: std::sync::mpsc::SyncSender<Message>,
    items: Vec<Item>,
    bytes: usize,
    per_batch: usize,
}

impl Batcher {
    /// Adds an item; returns false when the receiver has gone (the run stopped).
    pub fn push(&mut self, item: Item) -> bool {
        self.bytes += item.bytes.len();
        self.items.push(item);
        if self.items.len() >= self.per_batch || self.bytes >= BATCH_BYTES {
            return self.flush();
        }
        true
    }

    /// Counts a record that is not extracted.
    pub fn skip(&mut self, reason: &str) -> bool {
        self.tx.send(Message::Skipped(reason.to_string())).is_ok()
    }

    /// Stops the run with a failure.
    pub fn fatal(&mut self, failure: Failure) {
        let _ = self.tx.send(Message::Fatal(failure));
    }

    /// Sends the items gathered so far.
    pub fn flush(&mut self) -> bool {
        self.bytes = 0;
        if self.items.is_empty() {
            return true;
        }
        let items = std::mem::take(&mut self.items);
        self.tx.send(Message::Batch(items)).is_ok()
    }
}

/// Reads up to `limit + 1` bytes: one more than allowed tells that the page is too large,
/// without reading it whole.
pub fn read_bounded(reader: &mut dyn Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1) as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_directory(
    dir: &std::path::Path,
    urls: &HashMap<String, Url>,
    max_input: usize,
    batcher: &mut Batcher,
) -> bool {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            batcher.fatal(Failure::Io(format!("{}: {e}", dir.display())));
            return false;
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    for path in files {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let url = urls.get(&id).cloned();
        // Every line has the same keys: the URL is null where the table gives none.
        let fields = vec![
            ("id", serde_json::Value::from(id)),
            ("url", url.as_ref().map(|u| u.as_str()).into()),
        ];
        // A FIFO, a socket or a device named *.html would block or never end.
        let regular = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        if !regular {
            if !batcher.skip("not a regular file") {
                return false;
            }
            continue;
        }
        let read = std::fs::File::open(&path).and_then(|mut f| read_bounded(&mut f, max_input));
        let (bytes, failed) = match read {
            Ok(b) if b.len() > max_input => (
                Vec::new(),
                Some(format!("input exceeds the limit of {max_input} bytes")),
            ),
            Ok(b) => (b, None),
            Err(e) => (Vec::new(), Some(format!("unreadable: {e}"))),
        };
        let item = Item {
            fields,
            bytes,
            content_type: None,
            url,
            failed,
        };
        if !batcher.push(item) {
            return false;
        }
    }
    true
}

/// Reads the HTML responses of one WARC file into `batcher`, by the library's rule
/// ([`dechrome::warc`]): every other record is counted as skipped, by reason, and a record
/// or a stretch that cannot be read gets an error line, reading going on at the next
/// record. Returns false when the run has stopped and no more should be read.
fn read_warc(path: &std::path::Path, max_input: usize, batcher: &mut Batcher) -> bool {
    use dechrome::warc::{WarcItem, WarcReader};
    let regular = std::fs::metadata(path).map(|m| m.is_file());
    let file = match (regular, std::fs::File::open(path)) {
        (Ok(true), Ok(f)) => f,
        (Ok(false), _) => {
            batcher.fatal(Failure::Io(format!(
                "{}: not a regular file",
                path.display()
            )));
            return false;
        }
        (Err(e), _) | (_, Err(e)) => {
            batcher.fatal(Failure::Io(format!("{}: {e}", path.display())));
            return false;
        }
    };
    // What cannot be read is held back until a record shows that this is a WARC file: a
    // file with no record at all cannot be read (exit 3), as a missing one cannot.
    let mut records = 0usize;
    let mut held: Vec<WarcItem> = Vec::new();
    let mut reader = WarcReader::new(file).max_body(max_input).peekable();
    while let Some(item) = reader.next() {
        if records == 0 {
            if matches!(item, WarcItem::Failed { .. }) && held.len() < MAX_HELD {
                held.push(item);
                if reader.peek().is_none() {
                    let why = held
                        .iter()
                        .find_map(|h| match h {
                            WarcItem::Failed { reason, .. } => Some(reason.clone()),
                            _ => None,
                        })
                        .unwrap_or_default();
                    batcher.fatal(Failure::Io(format!(
                        "{}: not a WARC file ({why})",
                        path.display()
                    )));
                    return false;
                }
                continue;
            }
            records += 1;
            for h in std::mem::take(&mut held) {
                if !push_warc_item(path, h, batcher) {
                    return false;
                }
            }
        }
        if !push_warc_item(path, item, batcher) {
            return false;
        }
    }
    true
}

/// Failures held back at the start of a WARC file before it is given up as not one.
const MAX_HELD: usize = 64;

/// Hands one WARC item to the batcher: a page, a skip, or an error line.
fn push_warc_item(
    path: &std::path::Path,
    item: dechrome::warc::WarcItem,
    batcher: &mut Batcher,
) -> bool {
    use dechrome::warc::WarcItem;
    {
        match item {
            WarcItem::Page(page) => {
                let fields = vec![
                    ("url", page.target_uri.clone().into()),
                    ("record_id", page.record_id.clone().into()),
                    ("date", page.date.clone().into()),
                ];
                batcher.push(Item {
                    fields,
                    bytes: page.body,
                    content_type: page.content_type,
                    url: page.url,
                    failed: None,
                })
            }
            WarcItem::Skipped(skip) => batcher.skip(skip.as_str()),
            WarcItem::Failed {
                reason,
                target_uri,
                record_id,
            } => batcher.push(Item {
                fields: vec![
                    ("file", path.display().to_string().into()),
                    ("url", target_uri.into()),
                    ("record_id", record_id.into()),
                ],
                bytes: Vec::new(),
                content_type: None,
                url: None,
                failed: Some(reason),
            }),
            _ => true,
        }
    }
}
