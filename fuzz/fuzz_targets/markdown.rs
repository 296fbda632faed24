//! Markdown that a CommonMark parser cannot misread, on pages built from the fuzzer's bytes:
//! text, formulas, link targets and image texts drawn from what CommonMark and HTML would
//! read as markup (and the input's own bytes), rendered to Markdown and parsed back with
//! pulldown-cmark, with and without its extensions. No HTML may come out, and no link or
//! image but the document's own, with a safe scheme. Run with `-rss_limit_mb=512`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Texts that CommonMark or HTML would read as markup.
const TEXT: &[&str] = &[
    "&lt;img src=x onerror=alert(1)&gt;",
    "[a](javascript:b)",
    "![x](//evil.example/x.png)",
    "&#13;# heading",
    "&#13;&#10;&gt; quote",
    "\r- item",
    "`code``",
    "$x$ $$y$$",
    "*a* _b_ ~c~",
    "1. one",
    "| a |",
    "&lt;https://e.example&gt;",
    "&amp;#60;",
    "line\nline",
];

/// Link and image targets.
const TARGETS: &[&str] = &[
    "/a",
    "https://e.example/x?y=1",
    "javascript:alert(1)",
    "data:text/html,x",
    "x)\n\n![t](//elsewhere",
    "a b<c>&quot;d&quot;",
];

/// Wrappers for a piece of text; `{t}` is the text, `{u}` a target.
const SHAPES: &[&str] = &[
    "<p>{t} and a few more words of ordinary text.</p>",
    "<h2>{t}</h2>",
    "<ul><li>{t}</li></ul>",
    "<blockquote><pre>{t}</pre></blockquote>",
    "<table><tr><th>{t}</th></tr><tr><td>{t}</td></tr></table>",
    "<p><a href=\"{u}\">{t}</a> and the rest of the sentence.</p>",
    "<p><img src=\"{u}\" alt=\"{t}\">A picture, and a sentence under it.</p>",
    "<p>It grows as <math alttext=\"{t}\"><mi>x</mi></math> does.</p>",
    "<p>It grows as <math><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">{t}</annotation></semantics></math>.</p>",
];

fn page(data: &[u8]) -> String {
    let mut page = String::from(
        "<html><body><article><p>The first paragraph of the article is long enough to be \
         the article, with a verb and a comma, and more words after them.</p>",
    );
    let mut chunks = data.chunks(3);
    for chunk in chunks.by_ref().take(40) {
        let [s, t, u] = [0, 1, 2].map(|k| usize::from(chunk.get(k).copied().unwrap_or(0)));
        let text = TEXT[t % TEXT.len()];
        page.push_str(
            &SHAPES[s % SHAPES.len()]
                .replace("{t}", text)
                .replace("{u}", TARGETS[u % TARGETS.len()]),
        );
    }
    // The input's own bytes, as text and as markup.
    page.push_str(&String::from_utf8_lossy(&data[data.len().min(120)..]));
    page.push_str("</article></body></html>");
    page
}

fn safe(url: &str) -> bool {
    match url.to_ascii_lowercase().split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto" | "ftp")
        }
        _ => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let extractor = dechrome::Extractor::builder().keep_links(true).build();
    let Ok(doc) = extractor.document(&dechrome::Page::from_text(&page(data))) else {
        return;
    };
    let md = doc.to_markdown();
    // As many links and images as the content blocks hold, at most (each written once).
    let meant: usize = doc
        .content_blocks()
        .map(|b| b.structure.links.len() + b.structure.images.len())
        .sum();
    for options in [Options::empty(), Options::all()] {
        let mut targets = 0;
        for event in Parser::new_ext(&md, options) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => panic!("HTML {h:?} in {md:?}"),
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    assert!(safe(&dest_url), "unsafe target {dest_url:?} in {md:?}");
                    targets += 1;
                }
                _ => {}
            }
        }
        assert!(
            targets <= meant,
            "{targets} targets, {meant} meant, in {md:?}"
        );
    }
});
