//! WARC input from the fuzzer's bytes, raw and as records built from them: a result or a
//! failure per record, never a panic, within the memory of one page. The structured half
//! writes records with the fuzzer's header values, lengths, bodies and encodings, some of
//! them as gzip members, so that the reader's recovery paths are reached. Run with
//! `-rss_limit_mb=512`.
#![no_main]

use dechrome::warc::{WarcItem, WarcReader};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

/// Records built from `data`: each takes a few bytes for its shape, then a run of bytes
/// for its body.
fn records(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = data;
    while let [kind, length, flags, body_len, tail @ ..] = rest {
        let body = &tail[..tail.len().min(usize::from(*body_len))];
        rest = &tail[body.len()..];
        let kind = [
            "response", "request", "revisit", "warcinfo", "metadata", "x",
        ][usize::from(*kind) % 6];
        let mut http = format!(
            "HTTP/1.1 {} OK\r\nContent-Type: {}\r\n{}{}\r\n",
            [200, 404, 301, 999][usize::from(flags & 3)],
            ["text/html", "application/pdf", "", "text/html; charset=gbk"]
                [usize::from(flags >> 2 & 3)],
            if flags & 16 != 0 {
                "Content-Encoding: gzip\r\n"
            } else {
                ""
            },
            if flags & 32 != 0 {
                "Transfer-Encoding: chunked\r\n"
            } else {
                ""
            },
        )
        .into_bytes();
        http.extend_from_slice(body);
        // The length as the body says it, or off by the fuzzer's byte, or not a number.
        let declared = match length % 4 {
            0 => http.len().to_string(),
            1 => (http.len() + usize::from(*length)).to_string(),
            2 => http.len().saturating_sub(usize::from(*length)).to_string(),
            _ => "-1".to_string(),
        };
        let mut record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: <https://e.example/{length}>\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {declared}\r\n\r\n"
        )
        .into_bytes();
        record.extend_from_slice(&http);
        record.extend_from_slice(b"\r\n\r\n");
        if flags & 64 != 0 {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            let _ = gz.write_all(&record);
            let mut member = gz.finish().unwrap_or_default();
            if flags & 128 != 0 && member.len() > 12 {
                // A corrupt member.
                let at = member.len() / 2;
                member[at] ^= 0xff;
            }
            out.extend_from_slice(&member);
        } else {
            out.extend_from_slice(&record);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let max = 1 << 20;
    let raw: usize = WarcReader::new(data).max_body(max).map(|_| 1).sum();
    let built = records(data);
    let mut items = 0usize;
    for item in WarcReader::new(&built[..]).max_body(max) {
        items += 1;
        if let WarcItem::Page(p) = item {
            assert!(p.body.len() <= max);
        }
    }
    // Every record gives one item at most, and garbage one item a stretch.
    assert!(raw <= data.len() + 1);
    assert!(items <= built.len() + 1);
});
