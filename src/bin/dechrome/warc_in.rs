//! WARC input, read with `fastwarc` (the Rust crate behind resiliparse's FastWARC): plain or
//! gzip-compressed files, one gzip member per record or one for the whole file.
//!
//! Of each file, the `response` records whose HTTP status is 2xx and whose `Content-Type`
//! is HTML (or absent: the library then tells HTML from the bytes) are extracted, with the
//! HTTP header's `Content-Type` as the charset hint and `WARC-Target-URI` as the URL. Every
//! other record is counted as skipped, by reason. A record cut short ends its file: it is
//! reported as failed, and the next file is read.

use crate::batch::{read_bounded, Batcher, Item};
use fastwarc::warc::iter::{ArchiveIterator, ArchiveIteratorOptions};
use fastwarc::warc::record::WarcRecordType;
use std::path::Path;

/// Reads the HTML responses of one WARC file into `batcher`. Returns false when the run
/// has stopped and no more should be read.
pub fn read_file(path: &Path, max_input: usize, batcher: &mut Batcher) -> bool {
    let options = ArchiveIteratorOptions {
        // Compression is told from the first bytes, not from the file's name.
        stream_detect: true,
        ..ArchiveIteratorOptions::default()
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            let item = failed_item(path, None, format!("unreadable WARC file: {e}"));
            return batcher.push(item);
        }
    };
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    let records = ArchiveIterator::with_options(reader, options);
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                // A record that cannot be read leaves the stream at an unknown place.
                let item = failed_item(path, None, format!("truncated or malformed record: {e}"));
                return batcher.push(item);
            }
        };
        let mut record = record.borrow_mut();
        let kind = record.record_type();
        if kind != WarcRecordType::Response {
            let reason = match kind {
                WarcRecordType::Revisit => "revisit",
                WarcRecordType::Request => "request",
                WarcRecordType::WarcInfo => "warcinfo",
                WarcRecordType::Metadata => "metadata",
                _ => "other record type",
            };
            if !batcher.skip(reason) {
                return false;
            }
            continue;
        }
        let headers = record.headers();
        let uri = headers.get("WARC-Target-URI").map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let record_id = headers.get("WARC-Record-ID").map(|s| s.to_string());
        let date = headers.get("WARC-Date").map(|s| s.to_string());
        let (status, content_type) = match record.http_headers() {
            Some(h) => (
                h.status_code(),
                h.get("Content-Type").map(|s| s.to_string()),
            ),
            None => (None, None),
        };
        if !record.is_http() {
            if !batcher.skip("not HTTP") {
                return false;
            }
            continue;
        }
        if status.is_some_and(|s| !(200..300).contains(&s)) {
            if !batcher.skip("HTTP status not 2xx") {
                return false;
            }
            continue;
        }
        if content_type.as_deref().is_some_and(|c| !is_html(c)) {
            if !batcher.skip("not HTML") {
                return false;
            }
            continue;
        }
        let mut fields = vec![
            ("url", uri.clone().into()),
            ("record_id", record_id.into()),
            ("date", date.into()),
        ];
        // What is left of the record after its HTTP headers: the body's length.
        let expected = record.content_length();
        let body = match record.reader_mut() {
            Some(reader) => read_bounded(reader, max_input),
            None => Ok(Vec::new()),
        };
        let body = body.and_then(|b| {
            if (b.len() as u64) < expected && b.len() <= max_input {
                Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    format!("{} of {expected} bytes", b.len()),
                ))
            } else {
                Ok(b)
            }
        });
        let (bytes, failed) = match body {
            Ok(b) if b.len() > max_input => (
                Vec::new(),
                Some(format!("input exceeds the limit of {max_input} bytes")),
            ),
            Ok(b) => (b, None),
            Err(e) => {
                fields.push(("file", path.display().to_string().into()));
                let item = Item {
                    fields,
                    bytes: Vec::new(),
                    content_type: None,
                    url: None,
                    failed: Some(format!("truncated or malformed record: {e}")),
                };
                return batcher.push(item);
            }
        };
        let item = Item {
            fields,
            bytes,
            content_type,
            url: uri
                .as_deref()
                .and_then(|u| dechrome::url::Url::parse(u).ok()),
            failed,
        };
        if !batcher.push(item) {
            return false;
        }
    }
    true
}

/// An HTML media type: `text/html` or `application/xhtml+xml`.
fn is_html(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "text/html" || media == "application/xhtml+xml" || media.is_empty()
}

fn failed_item(path: &Path, url: Option<String>, why: String) -> Item {
    Item {
        fields: vec![
            ("file", path.display().to_string().into()),
            ("url", url.into()),
        ],
        bytes: Vec::new(),
        content_type: None,
        url: None,
        failed: Some(why),
    }
}
