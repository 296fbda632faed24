//! Markdown that a CommonMark parser cannot misread: whatever a page holds (markup written as
//! text, formulas whose text is markup, carriage returns, hostile link targets), the Markdown
//! dechrome writes parses to no HTML, and to no link or image but those of the document, with
//! safe targets. Checked by parsing the output with pulldown-cmark, with and without its
//! extensions, on generated pages.

use dechrome::{Document, Extractor};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Pieces of text that CommonMark or HTML would read as markup, written as a page's text.
const TEXT: &[&str] = &[
    "plain words here",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "&lt;https://evil.example&gt;",
    "a&#13;# heading after a carriage return",
    "a&#13;&#10;&gt; quote after CR LF",
    "\r- a list after a raw CR",
    "`code` and ``more``",
    "$x$ and $$y$$",
    "*stars* _under_ ~strike~",
    "1. numbered",
    "| a | b |",
    "&amp;amp; &amp;#60;",
    "line\nbreak",
];

/// Link and image targets, some of them hostile.
const TARGETS: &[&str] = &[
    "/a/b",
    "https://example.org/x?y=1#z",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "x)\n\n![t](//elsewhere",
    "https://e.example/a b<c>\"d\"",
    "vbscript:msgbox(1)",
];

/// Formula texts: an `alttext` or a TeX annotation the page wrote.
const FORMULAS: &[&str] = &[
    "x^2",
    "&lt;img src=x onerror=alert(1)&gt;",
    "[a](javascript:b)",
    "a`b``c",
    "$ closes early $",
    "a&#13;# b",
];

fn piece() -> impl Strategy<Value = String> {
    let text = prop::sample::select(TEXT).prop_map(str::to_string);
    let target = prop::sample::select(TARGETS).prop_map(|t| t.replace('"', "&quot;"));
    prop_oneof![
        text.clone()
            .prop_map(|t| format!("<p>{t} and some ordinary words around it.</p>")),
        text.clone().prop_map(|t| format!("<h2>{t}</h2>")),
        text.clone()
            .prop_map(|t| format!("<ul><li>{t}</li><li>second item</li></ul>")),
        text.clone().prop_map(|t| format!("<ol><li>{t}</li></ol>")),
        text.clone()
            .prop_map(|t| format!("<blockquote><p>{t}</p><pre>{t}</pre></blockquote>")),
        text.clone().prop_map(|t| format!("<pre>{t}</pre>")),
        (text.clone(), text.clone()).prop_map(|(a, b)| format!(
            "<table><tr><th>{a}</th><th>h</th></tr><tr><td>{b}</td></tr></table>"
        )),
        (target.clone(), text.clone()).prop_map(|(u, t)| format!(
            "<p>Read <a href=\"{u}\">{t}</a> for the whole of the story, said the editor.</p>"
        )),
        (target, text.clone()).prop_map(|(u, t)| format!(
            "<p><img src=\"{u}\" alt=\"{t}\">A picture, and a sentence under it.</p>"
        )),
        (prop::sample::select(FORMULAS), prop::bool::ANY).prop_map(|(f, tex)| if tex {
            format!(
                "<p>It grows as <math><semantics><mi>x</mi><annotation \
                 encoding=\"application/x-tex\">{f}</annotation></semantics></math> does.</p>"
            )
        } else {
            format!("<p>It grows as <math alttext=\"{f}\"><mi>x</mi></math> does.</p>")
        }),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..12).prop_map(|pieces| {
        format!(
            "<html><body><article><h1>A page</h1><p>The first paragraph of the article is long \
             enough to be the article, with a verb and a comma, and more words after them.</p>\
             {}</article></body></html>",
            pieces.concat()
        )
    })
}

/// The targets the renderer means to write: every content block's links and images that
/// have a safe scheme, percent-encoded as it writes them.
fn meant_targets(doc: &Document) -> Vec<String> {
    let encode = |url: &str| {
        let mut out = String::new();
        for c in url.trim().chars() {
            if c.is_ascii_control()
                || c.is_whitespace()
                || matches!(
                    c,
                    '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`' | '"' | '\''
                )
            {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    doc.blocks
        .iter()
        .filter(|b| b.is_content())
        .flat_map(|b| {
            let links = b.structure.links.iter().map(|l| l.url.as_str());
            let images = b.structure.images.iter().map(|i| i.src.as_str());
            links.chain(images).map(encode).collect::<Vec<_>>()
        })
        .collect()
}

fn safe_scheme(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto" | "ftp")
        }
        _ => true,
    }
}

/// Parses the Markdown and checks that it holds no HTML and only the links it means.
fn check(md: &str, meant: &[String]) -> Result<(), String> {
    for options in [Options::empty(), Options::all()] {
        for event in Parser::new_ext(md, options) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => {
                    return Err(format!("HTML {h:?} in\n{md}"));
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                    if !safe_scheme(&dest_url) || !meant.iter().any(|m| **m == *dest_url) =>
                {
                    return Err(format!("target {dest_url:?} not meant, in\n{md}"));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn markdown_parses_to_no_html_and_no_link_it_did_not_mean(html in page()) {
        for links in [false, true] {
            let extractor = Extractor::builder().keep_links(links).keep_captions(true).build();
            let doc = extractor.document(&dechrome::Page::from_text(&html)).expect("a page");
            let md = doc.to_markdown();
            let checked = check(&md, &meant_targets(&doc));
            prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
        }
    }
}

#[test]
fn a_formulas_markup_and_a_carriage_return_stay_text() {
    // Each of these was read as markup by a CommonMark renderer before: a formula's
    // alttext between `$`s, and a lone CR ending a quote's line inside its code.
    let page = "<html><body><article><p>The first paragraph of the article is long enough \
        to be the article, with a verb and a comma, and more words after them.</p>\
        <p>It grows as <math alttext=\"&lt;img src=x onerror=alert(1)&gt;\"><mi>x</mi></math> \
        does, and <math alttext=\"[a](javascript:b)\"><mi>y</mi></math> too.</p>\
        <blockquote><pre>one&#13;&lt;script&gt;alert(1)&lt;/script&gt;&#13;# two</pre>\
        </blockquote><p><img src=/a.png alt=\"a&#13;# heading\">A picture with a caption \
        under it, written as a sentence.</p></article></body></html>";
    let doc = Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("ok");
    let md = doc.to_markdown();
    check(&md, &meant_targets(&doc)).expect("safe");
    for options in [Options::empty(), Options::all()] {
        assert!(
            !Parser::new_ext(&md, options).any(|e| matches!(e, Event::Start(Tag::Heading { .. }))),
            "no heading but the page's: {md}"
        );
    }
}
