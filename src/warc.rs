//! WARC input (the `warc` feature): the pages of a web archive, read with one rule that every
//! front end shares: the command line, Python and the Spark job.
//!
//! [`WarcReader`] reads WARC 1.0 and 1.1, plain or gzip-compressed (one gzip member per
//! record, as crawls write them, or one for the whole file), from any [`Read`]. It yields
//! one [`WarcItem`] per record:
//!
//! - [`WarcItem::Page`] for a `response` record whose HTTP status is 2xx and whose
//!   `Content-Type` is HTML (or absent: the extractor then tells HTML from the bytes). Its
//!   body is the page as the server meant it: `Transfer-Encoding: chunked` and
//!   `Content-Encoding` (gzip, deflate, br) undone, within [`WarcReader::max_body`]. The HTTP
//!   `Content-Type` is the charset hint, and `WARC-Target-URI` the URL.
//! - [`WarcItem::Skipped`] for every other record, with its reason ([`Skip`]).
//! - [`WarcItem::Failed`] for a record or a stretch of the file that cannot be read (a
//!   malformed header, a wrong `Content-Length`, bytes between records, a corrupt gzip
//!   member, a body past the limit). Reading goes on at the next record: the next gzip
//!   member, or the next line that starts with `WARC/`.
//!
//! Every read is bounded: a header by [`MAX_HEADER_BYTES`], a body by `max_body`, and a gzip
//! member's output by [`MAX_INFLATION`] times its compressed size (plus `max_body`), so that
//! a gzip bomb costs time in proportion to the file, not to what it claims to hold.
//!
//! ```
//! use dechrome::warc::{WarcItem, WarcReader};
//! let body = "<html><body><article><p>The ferry returned to the north pier on Monday, three \
//!     months after the storms.</p></article></body></html>";
//! let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
//!     Content-Length: {}\r\n\r\n{body}", body.len());
//! let warc = format!("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: \
//!     https://news.example.org/ferry\r\nContent-Type: application/http; msgtype=response\r\n\
//!     Content-Length: {}\r\n\r\n{http}\r\n\r\n", http.len());
//! let items: Vec<WarcItem> = WarcReader::new(warc.as_bytes()).collect();
//! let WarcItem::Page(page) = &items[0] else { panic!("a page") };
//! assert_eq!(page.target_uri.as_deref(), Some("https://news.example.org/ferry"));
//! let text = dechrome::Extractor::default().extract(&page.page())?.text;
//! assert!(text.starts_with("The ferry returned"));
//! # Ok::<(), dechrome::Error>(())
//! ```

use std::io::{BufRead, BufReader, Read};

/// Longest WARC or HTTP header read, in bytes; a longer one makes its record
/// [`WarcItem::Failed`].
pub const MAX_HEADER_BYTES: usize = 1 << 20;

/// How many times its compressed size a gzip member may grow to (beyond `max_body`) before
/// it is taken for a bomb and left.
pub const MAX_INFLATION: u64 = 100;

/// Why a record is not a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Skip {
    /// A `request` record.
    Request,
    /// A `revisit` record (the page is stored elsewhere).
    Revisit,
    /// A `warcinfo` record.
    WarcInfo,
    /// A `metadata` record.
    Metadata,
    /// Another record type (`resource`, `conversion`, `continuation`).
    OtherType,
    /// A response that holds no HTTP message.
    NotHttp,
    /// An HTTP status other than 2xx (a redirect, an error page).
    Status,
    /// A `Content-Type` other than HTML.
    NotHtml,
}

impl Skip {
    /// A short name for counts and logs ("request", "HTTP status not 2xx", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::Request => "request",
            Skip::Revisit => "revisit",
            Skip::WarcInfo => "warcinfo",
            Skip::Metadata => "metadata",
            Skip::OtherType => "other record type",
            Skip::NotHttp => "not HTTP",
            Skip::Status => "HTTP status not 2xx",
            Skip::NotHtml => "not HTML",
        }
    }
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An HTML response of a WARC file, ready to extract.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WarcPage {
    /// `WARC-Target-URI`, as written (angle brackets taken off).
    pub target_uri: Option<String>,
    /// The target URI, parsed (`None` when it does not parse).
    pub url: Option<url::Url>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The HTTP `Content-Type` value, the charset hint.
    pub content_type: Option<String>,
    /// The body, its transfer and content encodings undone.
    pub body: Vec<u8>,
}

impl WarcPage {
    /// The [`Page`](crate::Page) to hand an [`Extractor`](crate::Extractor): the body, its
    /// `Content-Type` and its URL.
    pub fn page(&self) -> crate::Page<'_> {
        let mut page = crate::Page::new(&self.body);
        if let Some(c) = &self.content_type {
            page = page.content_type(c);
        }
        if let Some(u) = &self.url {
            page = page.url(u);
        }
        page
    }
}

/// One record of a WARC file, or a stretch that could not be read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum WarcItem {
    /// An HTML response.
    Page(WarcPage),
    /// A record that is not one, and why.
    Skipped(Skip),
    /// A record, or bytes between records, that could not be read. Reading goes on at the
    /// next record.
    Failed {
        /// What went wrong ("malformed record: …", "truncated record", "corrupt gzip
        /// member", "body over the limit of … bytes", …).
        reason: String,
        /// `WARC-Target-URI`, when the header got that far.
        target_uri: Option<String>,
        /// `WARC-Record-ID`, when the header got that far.
        record_id: Option<String>,
    },
}

impl WarcItem {
    fn failed(reason: impl Into<String>, head: Option<&Head>) -> WarcItem {
        WarcItem::Failed {
            reason: reason.into(),
            target_uri: head.and_then(|h| h.target_uri()),
            record_id: head.and_then(|h| h.get("WARC-Record-ID").map(str::to_string)),
        }
    }
}

/// Reads the records of a WARC file; see the [module documentation](self).
pub struct WarcReader<R: Read> {
    input: Input<R>,
    max_body: usize,
    done: bool,
}

impl<R: Read> WarcReader<R> {
    /// A reader of `reader`'s records, plain or gzip (told from the first bytes). Bodies are
    /// limited to 64 MiB by default, as [`Limits::max_input_bytes`](crate::Limits).
    pub fn new(reader: R) -> WarcReader<R> {
        WarcReader {
            input: Input::new(reader),
            max_body: crate::Limits::default().max_input_bytes,
            done: false,
        }
    }

    /// Bodies larger than this (after decoding) make their record
    /// [`WarcItem::Failed`], without being held whole. Default: 64 MiB.
    ///
    /// ```
    /// let reader = dechrome::warc::WarcReader::new(std::io::empty()).max_body(1 << 20);
    /// assert_eq!(reader.count(), 0);
    /// ```
    pub fn max_body(mut self, bytes: usize) -> WarcReader<R> {
        self.max_body = bytes;
        self
    }

    /// Reads the next record; `None` at the end of the input.
    fn next_item(&mut self) -> Option<WarcItem> {
        // Find the next record's first line, passing over what is not one.
        let mut passed = 0usize;
        loop {
            let line = match self.input.line(MAX_HEADER_BYTES) {
                Ok(Some(l)) => l,
                Ok(None) => {
                    self.done = true;
                    return (passed > 0)
                        .then(|| WarcItem::failed("bytes after the last record", None));
                }
                Err(Broken::Break) => return Some(WarcItem::failed("corrupt gzip member", None)),
                Err(Broken::Fatal(e)) => {
                    self.done = true;
                    return Some(WarcItem::failed(e, None));
                }
            };
            if line.starts_with(b"WARC/") {
                if passed > 0 {
                    // Report the stretch that was not a record, then read this one.
                    self.input.unread_line(line);
                    return Some(WarcItem::failed(
                        format!("{passed} bytes that are no record, passed over"),
                        None,
                    ));
                }
                break;
            }
            if !line.iter().all(|b| matches!(b, b'\r' | b'\n')) {
                passed += line.len();
            }
        }
        let head = match self.input.headers() {
            Ok(h) => h,
            Err(Broken::Break) => return Some(WarcItem::failed("corrupt gzip member", None)),
            Err(Broken::Fatal(e)) => return Some(WarcItem::failed(e, None)),
        };
        let Some(length) = head.get("Content-Length").map(str::trim) else {
            return Some(WarcItem::failed(
                "malformed record: no Content-Length",
                Some(&head),
            ));
        };
        let Ok(length) = length.parse::<u64>() else {
            return Some(WarcItem::failed(
                format!("malformed record: Content-Length {length:?}"),
                Some(&head),
            ));
        };
        let kind = head
            .get("WARC-Type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let skip = match kind.as_str() {
            "response" => None,
            "request" => Some(Skip::Request),
            "revisit" => Some(Skip::Revisit),
            "warcinfo" => Some(Skip::WarcInfo),
            "metadata" => Some(Skip::Metadata),
            _ => Some(Skip::OtherType),
        };
        let http = head
            .get("Content-Type")
            .is_some_and(|c| c.to_ascii_lowercase().contains("application/http"));
        let skip = skip.or((!http).then_some(Skip::NotHttp));
        // What is kept of the block: all of it for a response (within the limits), none of
        // a record that is skipped; the rest is read through.
        let keep = if skip.is_some() {
            0
        } else {
            usize::try_from(length)
                .unwrap_or(usize::MAX)
                .min(self.max_body.saturating_add(MAX_HEADER_BYTES))
        };
        let block = match self.input.block(length, keep) {
            Ok(b) => b,
            Err(Broken::Break) => {
                return Some(WarcItem::failed("truncated record", Some(&head)));
            }
            Err(Broken::Fatal(e)) => return Some(WarcItem::failed(e, Some(&head))),
        };
        if let Some(skip) = skip {
            return Some(WarcItem::Skipped(skip));
        }
        Some(self.response(&head, &block, length))
    }

    /// The page of a response record's block, or why it is none.
    fn response(&self, head: &Head, block: &[u8], length: u64) -> WarcItem {
        let Some((status, http, body)) = split_http(block) else {
            return WarcItem::failed("malformed HTTP response", Some(head));
        };
        if !(200..300).contains(&status) {
            return WarcItem::Skipped(Skip::Status);
        }
        let content_type = http.get("Content-Type").map(str::to_string);
        if content_type.as_deref().is_some_and(|c| !is_html(c)) {
            return WarcItem::Skipped(Skip::NotHtml);
        }
        if length > block.len() as u64 {
            return WarcItem::failed(
                format!("body over the limit of {} bytes", self.max_body),
                Some(head),
            );
        }
        let chunked = http
            .get("Transfer-Encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            dechunk(body).unwrap_or_else(|| body.to_vec())
        } else {
            body.to_vec()
        };
        let body = match http
            .get("Content-Encoding")
            .map(|e| e.trim().to_ascii_lowercase())
        {
            None => body,
            Some(e) if e.is_empty() || e == "identity" => body,
            Some(e) => match decode(&e, &body, self.max_body) {
                Decoded::Bytes(b) => b,
                // Many archives store the body decoded and keep the header: the bytes as
                // they are, then.
                Decoded::NotEncoded => body,
                Decoded::TooLarge => {
                    return WarcItem::failed(
                        format!("body over the limit of {} bytes", self.max_body),
                        Some(head),
                    )
                }
                Decoded::Unknown => {
                    return WarcItem::failed(
                        format!("unsupported Content-Encoding {e:?}"),
                        Some(head),
                    )
                }
            },
        };
        if body.len() > self.max_body {
            return WarcItem::failed(
                format!("body over the limit of {} bytes", self.max_body),
                Some(head),
            );
        }
        let target_uri = head.target_uri();
        WarcItem::Page(WarcPage {
            url: target_uri.as_deref().and_then(|u| url::Url::parse(u).ok()),
            target_uri,
            record_id: head.get("WARC-Record-ID").map(str::to_string),
            date: head.get("WARC-Date").map(str::to_string),
            content_type,
            body,
        })
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = WarcItem;

    fn next(&mut self) -> Option<WarcItem> {
        if self.done {
            return None;
        }
        self.next_item()
    }
}

/// An HTML media type: `text/html` or `application/xhtml+xml` (or none given).
fn is_html(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "text/html" || media == "application/xhtml+xml" || media.is_empty()
}

/// A header's fields, in order.
struct Head(Vec<(String, String)>);

impl Head {
    /// The first field of that name (ASCII case-insensitive).
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn target_uri(&self) -> Option<String> {
        self.get("WARC-Target-URI").map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    }

    /// Parses `Name: value` lines (a line that starts with a space continues the last).
    fn parse(text: &[u8]) -> Head {
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in text.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            let line = String::from_utf8_lossy(line);
            if line.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
                continue;
            }
            if let Some((k, v)) = line.split_once(':') {
                fields.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        Head(fields)
    }
}

/// An HTTP response's status, header and body, from a response record's block.
fn split_http(block: &[u8]) -> Option<(u16, Head, &[u8])> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|e| (e, 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|e| (e, 2)))?;
    let (head, body) = (&block[..end.0], &block[end.0 + end.1..]);
    let status_line_end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    let status_line = String::from_utf8_lossy(&head[..status_line_end]);
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.to_ascii_uppercase().starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    Some((status, Head::parse(&head[status_line_end..]), body))
}

/// A chunked body joined, or `None` when it is not one (then it is taken as it is).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.trim().split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// The outcome of undoing a `Content-Encoding`.
enum Decoded {
    Bytes(Vec<u8>),
    /// The body is not in that encoding after all.
    NotEncoded,
    TooLarge,
    Unknown,
}

/// Undoes a `Content-Encoding` (gzip, deflate or br), reading at most `max + 1` bytes out, so
/// that a bomb stops at the limit.
fn decode(encoding: &str, body: &[u8], max: usize) -> Decoded {
    let limit = max.saturating_add(1) as u64;
    let mut out = Vec::new();
    let read = match encoding {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body)
            .take(limit)
            .read_to_end(&mut out),
        "deflate" => {
            // Servers send either zlib or raw deflate under this name.
            let zlib = flate2::read::ZlibDecoder::new(body)
                .take(limit)
                .read_to_end(&mut out);
            if zlib.is_ok() {
                zlib
            } else {
                out.clear();
                flate2::read::DeflateDecoder::new(body)
                    .take(limit)
                    .read_to_end(&mut out)
            }
        }
        "br" => brotli_decompressor::Decompressor::new(body, 4096)
            .take(limit)
            .read_to_end(&mut out),
        _ => return Decoded::Unknown,
    };
    match read {
        Ok(_) if out.len() > max => Decoded::TooLarge,
        Ok(_) => Decoded::Bytes(out),
        Err(_) => Decoded::NotEncoded,
    }
}

/// Why a read stopped short.
enum Broken {
    /// The stream broke (a corrupt gzip member was left): the record is lost, and reading
    /// goes on with the next one.
    Break,
    /// The input cannot be read any further.
    Fatal(String),
}

/// The decompressed input: lines, headers and blocks, read within bounds, over a stream
/// that may break where a gzip member is corrupt.
struct Input<R: Read> {
    stream: Stream<R>,
    /// A line given back, to be read again.
    pushed: Option<Vec<u8>>,
}

impl<R: Read> Input<R> {
    fn new(reader: R) -> Input<R> {
        Input {
            stream: Stream::new(reader),
            pushed: None,
        }
    }

    fn unread_line(&mut self, line: Vec<u8>) {
        self.pushed = Some(line);
    }

    /// The next line, with its end, of at most `max` bytes (a longer one is cut there);
    /// `None` at the end.
    fn line(&mut self, max: usize) -> Result<Option<Vec<u8>>, Broken> {
        if let Some(l) = self.pushed.take() {
            return Ok(Some(l));
        }
        let mut line = Vec::new();
        loop {
            let buf = self.stream.fill()?;
            if buf.is_empty() {
                return Ok((!line.is_empty()).then_some(line));
            }
            let room = max.saturating_sub(line.len());
            let (take, end) = match memchr::memchr(b'\n', buf) {
                Some(i) if i < room => (i + 1, true),
                _ => (buf.len().min(room), room <= buf.len()),
            };
            line.extend_from_slice(&buf[..take]);
            self.stream.consume(take);
            if end {
                return Ok(Some(line));
            }
        }
    }

    /// The header after a record's first line: lines up to an empty one, within
    /// [`MAX_HEADER_BYTES`].
    fn headers(&mut self) -> Result<Head, Broken> {
        let mut text = Vec::new();
        loop {
            let Some(line) = self.line(MAX_HEADER_BYTES)? else {
                return Err(Broken::Fatal("truncated record header".into()));
            };
            if line == b"\r\n" || line == b"\n" {
                return Ok(Head::parse(&text));
            }
            text.extend_from_slice(&line);
            if text.len() > MAX_HEADER_BYTES {
                // The rest of this header is read through as bytes that are no record.
                return Err(Broken::Fatal(format!(
                    "malformed record: header over {MAX_HEADER_BYTES} bytes"
                )));
            }
        }
    }

    /// A block of `length` bytes, of which the first `keep` are kept; the rest is read
    /// through. `Break` when the stream ends or breaks first.
    fn block(&mut self, length: u64, keep: usize) -> Result<Vec<u8>, Broken> {
        let mut kept = Vec::with_capacity(keep.min(1 << 20));
        let mut left = length;
        while left > 0 {
            let buf = self.stream.fill()?;
            if buf.is_empty() {
                return Err(Broken::Break);
            }
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            let room = keep.saturating_sub(kept.len()).min(n);
            kept.extend_from_slice(&buf[..room]);
            self.stream.consume(n);
            left -= n as u64;
        }
        Ok(kept)
    }
}

/// The input, decompressed member by member when it is gzip; a corrupt member is left at
/// the next member's magic bytes, and reported once as a break.
struct Stream<R: Read> {
    /// The raw input; `None` while a gzip member reads from it.
    raw: Option<Counted<BufReader<R>>>,
    gzip: bool,
    /// The member being read, when gzip.
    member: Option<flate2::bufread::GzDecoder<Counted<BufReader<R>>>>,
    buf: Vec<u8>,
    at: usize,
    /// Raw bytes read when the current member started, and its output since.
    member_start: u64,
    member_out: u64,
    started: bool,
}

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(out)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.count += n as u64;
        self.inner.consume(n);
    }
}

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

fn unreadable(e: std::io::Error) -> Broken {
    Broken::Fatal(format!("unreadable: {e}"))
}

impl<R: Read> Stream<R> {
    fn new(reader: R) -> Stream<R> {
        Stream {
            raw: Some(Counted {
                inner: BufReader::with_capacity(1 << 16, reader),
                count: 0,
            }),
            gzip: false,
            member: None,
            buf: Vec::new(),
            at: 0,
            member_start: 0,
            member_out: 0,
            started: false,
        }
    }

    /// The buffered bytes, refilled when empty; empty at the end.
    fn fill(&mut self) -> Result<&[u8], Broken> {
        if self.at >= self.buf.len() {
            self.refill()?;
        }
        Ok(&self.buf[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at = (self.at + n).min(self.buf.len());
    }

    fn refill(&mut self) -> Result<(), Broken> {
        self.buf.clear();
        self.at = 0;
        if !self.started {
            self.started = true;
            if let Some(raw) = self.raw.as_mut() {
                self.gzip = raw
                    .fill_buf()
                    .map_err(unreadable)?
                    .starts_with(&GZIP_MAGIC[..2]);
            }
        }
        if !self.gzip {
            let Some(raw) = self.raw.as_mut() else {
                return Ok(());
            };
            let chunk = raw.fill_buf().map_err(unreadable)?;
            self.buf.extend_from_slice(chunk);
            let n = chunk.len();
            raw.consume(n);
            return Ok(());
        }
        loop {
            if self.member.is_none() {
                let Some(mut raw) = self.raw.take() else {
                    return Ok(());
                };
                if raw.fill_buf().map_err(unreadable)?.is_empty() {
                    self.raw = Some(raw);
                    return Ok(());
                }
                self.member_start = raw.count;
                self.member_out = 0;
                self.member = Some(flate2::bufread::GzDecoder::new(raw));
            }
            let Some(member) = self.member.as_mut() else {
                return Ok(());
            };
            self.buf.resize(1 << 16, 0);
            match member.read(&mut self.buf) {
                Ok(0) => {
                    self.buf.clear();
                    self.end_member(false)?;
                }
                Ok(n) => {
                    self.buf.truncate(n);
                    self.member_out += n as u64;
                    let read = member.get_ref().count.saturating_sub(self.member_start);
                    let allowed = MAX_INFLATION
                        .saturating_mul(read.max(1))
                        .saturating_add(64 << 20);
                    if self.member_out > allowed {
                        self.buf.clear();
                        self.end_member(true)?;
                        return Err(Broken::Break);
                    }
                    return Ok(());
                }
                Err(_) => {
                    self.buf.clear();
                    self.end_member(true)?;
                    return Err(Broken::Break);
                }
            }
        }
    }

    /// Ends the current member; after a corrupt one, the raw stream is moved on to the next
    /// member's magic bytes.
    fn end_member(&mut self, corrupt: bool) -> Result<(), Broken> {
        let Some(member) = self.member.take() else {
            return Ok(());
        };
        let mut raw = member.into_inner();
        if corrupt {
            // A member that broke before reading a byte must still be passed.
            let stuck = raw.count == self.member_start;
            seek_magic(&mut raw, stuck)?;
        }
        self.raw = Some(raw);
        Ok(())
    }
}

/// Moves a raw stream on to the next gzip member's magic bytes (or its end); past one byte
/// first when `skip_one` (the stream stands at the magic of the member that broke).
fn seek_magic<R: BufRead>(raw: &mut R, skip_one: bool) -> Result<(), Broken> {
    let mut first = skip_one;
    loop {
        let buf = raw.fill_buf().map_err(unreadable)?;
        if buf.is_empty() {
            return Ok(());
        }
        let from = usize::from(first).min(buf.len());
        first = false;
        match memchr::memmem::find(&buf[from..], &GZIP_MAGIC) {
            Some(i) => {
                raw.consume(from + i);
                return Ok(());
            }
            None => {
                // Keep the last two bytes: the magic may straddle two reads.
                let n = buf.len().saturating_sub(2).max(from).max(1);
                raw.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    const PAGE: &str = "<html><body><article><p>The ferry returned to the north pier on \
        Monday, three months after the storms.</p></article></body></html>";

    /// One WARC record of `kind`, whose block is `block`, with extra header lines.
    fn record(kind: &str, uri: &str, block: &[u8], extra: &str) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: <{uri}>\r\n\
             WARC-Record-ID: <urn:uuid:{uri}>\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut h = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        h.extend_from_slice(body);
        h
    }

    fn response(uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        record(
            "response",
            uri,
            &http("200 OK", headers, body),
            "Content-Type: application/http; msgtype=response\r\n",
        )
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).expect("write");
        e.finish().expect("gzip")
    }

    /// What the reader makes of `bytes`: "page URI", "skip REASON" or "failed REASON".
    fn read(bytes: &[u8]) -> Vec<String> {
        WarcReader::new(bytes)
            .max_body(4096)
            .map(|item| match item {
                WarcItem::Page(p) => format!("page {}", p.target_uri.unwrap_or_default()),
                WarcItem::Skipped(s) => format!("skip {s}"),
                WarcItem::Failed { reason, .. } => format!("failed {reason}"),
            })
            .collect()
    }

    fn html_response(uri: &str) -> Vec<u8> {
        response(uri, "Content-Type: text/html\r\n", PAGE.as_bytes())
    }

    #[test]
    fn one_rule_for_which_records_are_pages() {
        let mut file = record("warcinfo", "x", b"software: test\r\n", "");
        file.extend(html_response("https://e.org/a"));
        file.extend(record(
            "request",
            "https://e.org/a",
            b"GET / HTTP/1.1\r\n\r\n",
            "",
        ));
        file.extend(response(
            "https://e.org/pdf",
            "Content-Type: application/pdf\r\n",
            b"%PDF",
        ));
        file.extend(record(
            "response",
            "https://e.org/404",
            &http(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                PAGE.as_bytes(),
            ),
            "Content-Type: application/http; msgtype=response\r\n",
        ));
        file.extend(record("revisit", "https://e.org/a", b"", ""));
        file.extend(response("https://e.org/bare", "", PAGE.as_bytes()));
        file.extend(record("response", "https://e.org/raw", PAGE.as_bytes(), ""));
        assert_eq!(
            read(&file),
            [
                "skip warcinfo",
                "page https://e.org/a",
                "skip request",
                "skip not HTML",
                "skip HTTP status not 2xx",
                "skip revisit",
                "page https://e.org/bare",
                "skip not HTTP",
            ]
        );
        // Gzip, one member per record, reads the same.
        let members: Vec<u8> = file.split_inclusive(|_| false).flat_map(gz).collect();
        assert_eq!(read(&members), read(&file));
    }

    #[test]
    fn a_malformed_record_loses_itself_not_the_rest_of_the_file() {
        let good = html_response("https://e.org/good");
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "non-numeric length",
                b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: ten\r\n\r\nxx\r\n\r\n"
                    .to_vec(),
            ),
            (
                "negative length",
                b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\nxx\r\n\r\n".to_vec(),
            ),
            (
                "bytes between records",
                b"garbage that is no record\r\n".to_vec(),
            ),
            ("a length too small", {
                let r = html_response("https://e.org/short");
                let text = String::from_utf8(r).expect("utf-8");
                let at = text.find("Content-Length: ").expect("length") + 16;
                let end = at + text[at..].find('\r').expect("line end");
                let half: usize = text[at..end].parse::<usize>().expect("number") / 2;
                format!("{}{half}{}", &text[..at], &text[end..]).into_bytes()
            }),
            ("a header over the limit", {
                let mut r = b"WARC/1.1\r\nWARC-Type: response\r\n".to_vec();
                r.extend(format!("X-Big: {}\r\n", "a".repeat(MAX_HEADER_BYTES + 10)).bytes());
                r.extend(b"Content-Length: 2\r\n\r\nxx\r\n\r\n");
                r
            }),
        ];
        for (name, bad) in cases {
            let mut file = html_response("https://e.org/first");
            file.extend(&bad);
            file.extend(&good);
            let items = read(&file);
            assert_eq!(
                items.first().map(String::as_str),
                Some("page https://e.org/first"),
                "{name}"
            );
            assert_eq!(
                items.last().map(String::as_str),
                Some("page https://e.org/good"),
                "{name}: {items:?}"
            );
            assert!(
                items.iter().any(|i| i.starts_with("failed")),
                "{name}: {items:?}"
            );
        }
    }

    #[test]
    fn a_corrupt_gzip_member_loses_its_record_only() {
        let mut file = gz(&html_response("https://e.org/1"));
        let mut bad = gz(&html_response("https://e.org/2"));
        let mid = bad.len() / 2;
        bad[mid..mid + 8].copy_from_slice(b"\xff\x00\xff\x00\xff\x00\xff\x00");
        file.extend(bad);
        file.extend(gz(&html_response("https://e.org/3")));
        let items = read(&file);
        assert_eq!(
            items.first().map(String::as_str),
            Some("page https://e.org/1")
        );
        assert_eq!(
            items.last().map(String::as_str),
            Some("page https://e.org/3"),
            "{items:?}"
        );
        assert!(items.iter().any(|i| i.starts_with("failed")), "{items:?}");
        // A record cut off at the end of the file is a failure, and the end.
        let mut cut = html_response("https://e.org/1");
        cut.extend(&html_response("https://e.org/2")[..200]);
        assert_eq!(
            read(&cut),
            ["page https://e.org/1", "failed truncated record"]
        );
    }

    #[test]
    fn bodies_are_decoded_within_the_limit() {
        let gzipped = gz(PAGE.as_bytes());
        let mut deflated = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        deflated.write_all(PAGE.as_bytes()).expect("write");
        let deflated = deflated.finish().expect("zlib");
        let chunked = format!("{:x}\r\n{PAGE}\r\n0\r\n\r\n", PAGE.len());
        let bomb = gz(&vec![b' '; 1 << 20]);
        let cases: Vec<(String, Vec<u8>)> = vec![
            ("Content-Encoding: gzip\r\n".into(), gzipped),
            ("Content-Encoding: deflate\r\n".into(), deflated),
            (
                "Transfer-Encoding: chunked\r\n".into(),
                chunked.into_bytes(),
            ),
            // A header that says gzip over a body that is not: the bytes as they are.
            (
                "Content-Encoding: gzip\r\n".into(),
                PAGE.as_bytes().to_vec(),
            ),
        ];
        for (headers, body) in cases {
            let file = response(
                "https://e.org/x",
                &format!("Content-Type: text/html\r\n{headers}"),
                &body,
            );
            let items: Vec<WarcItem> = WarcReader::new(&file[..]).max_body(4096).collect();
            let [WarcItem::Page(p)] = items.as_slice() else {
                panic!("{headers}: {items:?}")
            };
            assert_eq!(p.body, PAGE.as_bytes(), "{headers}");
        }
        // A megabyte of spaces in a few kilobytes: stopped at the limit.
        let file = response("https://e.org/bomb", "Content-Encoding: gzip\r\n", &bomb);
        assert_eq!(read(&file), ["failed body over the limit of 4096 bytes"]);
        let file = response("https://e.org/x", "Content-Encoding: zstd\r\n", b"x");
        assert_eq!(
            read(&file),
            ["failed unsupported Content-Encoding \"zstd\""]
        );
    }

    #[test]
    fn a_gzip_bomb_of_a_whole_file_stops_in_proportion_to_its_size() {
        // One member that claims a gigabyte of zeros: left after MAX_INFLATION times its
        // size (plus a constant), as a corrupt member, without being read to its end.
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            e.write_all(&zeros).expect("write");
        }
        let bomb = e.finish().expect("gzip");
        assert!(bomb.len() < 2 << 20);
        let items = read(&bomb);
        assert!(items.iter().all(|i| i.starts_with("failed")), "{items:?}");
    }
}
