//! The document model: metadata fields, the article's structure, and the Markdown and HTML
//! built from it, on fixture pages written for the repo.

use dechrome::{BlockKind, Document, Extractor, MetaRole, PageType};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn extract(page: &str) -> Document {
    Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("extraction succeeds")
}

fn extract_with_captions(page: &str) -> Document {
    Extractor::builder()
        .keep_links(true)
        .keep_captions(true)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("extraction succeeds")
}

const NEWS: &str = include_str!("fixtures/news_jsonld.html");
const BLOG: &str = include_str!("fixtures/blog_code_table.html");
const DOCS: &str = include_str!("fixtures/docs_nested_lists.html");
const META_ONLY: &str = include_str!("fixtures/meta_only.html");
const BROKEN: &str = include_str!("fixtures/broken_jsonld.html");

// ---------------------------------------------------------------------------- metadata

#[test]
fn news_metadata_comes_from_json_ld_first() {
    let m = extract(NEWS).metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Harbour bridge to close for six weeks of repairs")
    );
    assert_eq!(m.authors, vec!["Amira Haddad", "Tom Becker"]);
    // JSON-LD's date wins over article:published_time, timezone kept.
    assert_eq!(m.published.as_deref(), Some("2024-03-05T08:00:00+01:00"));
    assert_eq!(m.modified.as_deref(), Some("2024-03-06T10:15:00+01:00"));
    assert_eq!(m.site_name.as_deref(), Some("Northfield Courier"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.description.as_deref(),
        Some("Engineers will replace the bearings of the 1962 harbour bridge.")
    );
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://courier.example/news/2024/03/harbour-bridge-repairs")
    );
    assert_eq!(
        m.image.as_deref(),
        Some("https://courier.example/img/bridge-wide.jpg")
    );
    assert_eq!(m.categories, vec!["Local news", "Transport"]);
    assert_eq!(m.tags, vec!["bridge", "roadworks", "harbour"]);
    assert_eq!(m.page_type, Some(PageType::Article));
}

#[test]
fn meta_tags_alone_fill_the_metadata() {
    let m = extract(META_ONLY).metadata;
    // The <title>'s " - Millbrook Town Council" suffix is gone.
    assert_eq!(
        m.title.as_deref(),
        Some("Spring fair returns to the market square")
    );
    assert_eq!(m.authors, vec!["Millbrook Events Team"]);
    assert_eq!(m.published.as_deref(), Some("2024-04-02"));
    assert_eq!(m.modified.as_deref(), Some("2024-04-03T16:20:00-05:00"));
    assert_eq!(m.site_name.as_deref(), Some("Millbrook Town Council"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.description.as_deref(),
        Some("Stalls, music and a children's parade on Saturday 20 April.")
    );
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://millbrook.example/news/spring-fair")
    );
    // A relative image is made absolute against the canonical URL.
    assert_eq!(
        m.image.as_deref(),
        Some("https://millbrook.example/images/fair.jpg")
    );
    assert_eq!(m.tags, vec!["events", "spring fair", "market square"]);
    assert!(m.categories.is_empty());
    assert_eq!(m.page_type, None);
}

#[test]
fn broken_json_ld_is_skipped_and_meta_tags_take_over() {
    let doc = extract(BROKEN);
    let m = &doc.metadata;
    assert_eq!(m.title.as_deref(), Some("Neue Radwege für die Innenstadt"));
    assert_eq!(m.authors, vec!["Jonas Weber"]);
    assert_eq!(m.published.as_deref(), Some("2022-09-01T09:00:00+02:00"));
    assert_eq!(m.language.as_deref(), Some("de"));
    assert!(doc
        .text
        .starts_with("Der Stadtrat hat am Mittwoch beschlossen"));
}

#[test]
fn blog_metadata_and_title_without_site_suffix() {
    let m = extract(BLOG).metadata;
    assert_eq!(m.title.as_deref(), Some("Counting words fast in Rust"));
    assert_eq!(m.authors, vec!["Lena Marsh"]);
    assert_eq!(m.published.as_deref(), Some("2023-11-14"));
    assert_eq!(m.site_name.as_deref(), Some("Notes from the workshop"));
    assert_eq!(m.tags, vec!["rust", "performance", "text"]);
}

#[test]
fn byline_and_date_lines_are_labelled_and_not_in_the_body() {
    let doc = extract(NEWS);
    let byline = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("By Amira"))
        .expect("byline block");
    assert_eq!(byline.role, Some(MetaRole::Byline));
    let date = doc
        .blocks
        .iter()
        .find(|b| b.text == "5 March 2024")
        .expect("date block");
    assert_eq!(date.role, Some(MetaRole::Date));
    assert!(!doc.text.contains("By Amira"));
    assert!(!doc.text.contains("5 March 2024"));
    assert!(!doc.to_markdown().contains("By Amira"));
    // The same lines found in the text give the metadata when nothing else does.
    let plain = "<article><h1>Quiet night</h1><p>By Sam Okafor</p><p>12.01.2021</p>\
        <p>The night shift at the station was quieter than usual, with only two calls before dawn, both of them false alarms.</p>\
        <p>Staff used the time to check the equipment and to finish the paperwork left over from a busy weekend.</p></article>";
    let m = extract(plain).metadata;
    assert_eq!(m.authors, vec!["Sam Okafor"]);
    assert_eq!(m.published.as_deref(), Some("2021-01-12"));
}

// --------------------------------------------------------------------------- structure

#[test]
fn blocks_keep_their_structural_role() {
    let news = extract_with_captions(NEWS);
    let kinds: Vec<BlockKind> = news
        .content_blocks()
        .filter(|b| b.role.is_none())
        .map(|b| b.features.kind)
        .collect();
    assert!(kinds.contains(&BlockKind::Heading(2)));
    assert!(kinds.contains(&BlockKind::Caption));
    // By default a caption keeps its kind but is not body text.
    let default = extract(NEWS);
    let caption = default
        .blocks
        .iter()
        .find(|b| b.features.kind == BlockKind::Caption)
        .expect("caption block");
    assert!(!caption.is_content() && caption.text.starts_with("The bridge opened in 1962"));
    let quote = news
        .content_blocks()
        .find(|b| b.text.contains("Priya Nair"))
        .expect("quote");
    assert_eq!(quote.structure.quote_depth, 1);
    let link_block = news
        .content_blocks()
        .find(|b| b.text.contains("temporary footbridge"))
        .expect("link");
    let link = &link_block.structure.links[0];
    assert_eq!(
        &link_block.text[link.start..link.end],
        "temporary footbridge"
    );
    assert_eq!(link.url, "https://courier.example/news/footbridge");
    let img = news
        .blocks
        .iter()
        .flat_map(|b| &b.structure.images)
        .next()
        .expect("image");
    assert_eq!(
        (img.src.as_str(), img.alt.as_str()),
        (
            "https://courier.example/img/bridge-inline.jpg",
            "The harbour bridge at dusk"
        )
    );

    let docs = extract(DOCS);
    let items: Vec<(String, bool, u8)> = docs
        .content_blocks()
        .filter_map(|b| {
            b.structure
                .list
                .map(|l| (b.text.clone(), l.ordered, l.depth))
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (
                "Check the requirements of your system:".to_string(),
                true,
                1
            ),
            ("a 64-bit operating system".to_string(), false, 2),
            ("Python 3.9 or newer".to_string(), false, 2),
            (
                "on Windows, the installer from the Python website".to_string(),
                false,
                3
            ),
            (
                "Create an account on the dashboard and copy your access key.".to_string(),
                true,
                1
            ),
            (
                "Open a terminal in the folder where your project lives.".to_string(),
                true,
                1
            ),
        ]
    );

    let blog = extract(BLOG);
    let rows: Vec<(bool, Vec<String>)> = blog
        .content_blocks()
        .filter_map(|b| {
            b.structure
                .table
                .as_ref()
                .map(|t| (t.header, t.cells.clone()))
        })
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        (
            true,
            vec!["Version".into(), "Time (ms)".into(), "Allocations".into()]
        )
    );
    assert_eq!(
        rows[2],
        (false, vec!["regex \\w+".into(), "1130".into(), "0".into()])
    );
    let code = blog
        .content_blocks()
        .find(|b| b.features.kind == BlockKind::Pre)
        .expect("code block");
    // Whitespace inside pre is exact.
    assert_eq!(
        code.text,
        "fn count_words(text: &str) -> usize {\n    text.split_whitespace().count()\n}"
    );
}

// ---------------------------------------------------------------------------- Markdown

#[derive(Default, Debug)]
struct Rendered {
    headings: Vec<(u8, String)>,
    items: Vec<String>,
    cells: Vec<String>,
    code: Vec<String>,
    quotes: Vec<String>,
    links: Vec<String>,
    images: Vec<String>,
}

fn render_markdown(md: &str) -> Rendered {
    let mut r = Rendered::default();
    let mut text = String::new();
    let mut in_quote = 0;
    let mut in_item = 0;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Item) => {
                in_item += 1;
                text.clear();
            }
            Event::Start(Tag::Heading { .. } | Tag::TableCell | Tag::CodeBlock(_)) => text.clear(),
            Event::Start(Tag::BlockQuote(_)) => {
                in_quote += 1;
                text.clear();
            }
            Event::Start(Tag::Link { dest_url, .. }) => r.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => r.images.push(dest_url.to_string()),
            Event::Start(Tag::List(_)) => {
                // A nested list ends the parent item's own text.
                if in_item > 0 && !text.trim().is_empty() {
                    r.items.push(text.trim().to_string());
                }
                text.clear();
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Heading(level)) => {
                let l = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                r.headings.push((l, text.trim().to_string()));
            }
            Event::End(TagEnd::Item) => {
                in_item -= 1;
                if !text.trim().is_empty() {
                    r.items.push(text.trim().to_string());
                }
                text.clear();
            }
            Event::End(TagEnd::TableCell) => r.cells.push(text.trim().to_string()),
            Event::End(TagEnd::CodeBlock) => r.code.push(text.trim_end_matches('\n').to_string()),
            Event::End(TagEnd::BlockQuote(_)) => {
                in_quote -= 1;
                r.quotes.push(text.trim().to_string());
            }
            _ => {}
        }
    }
    assert_eq!(in_quote, 0);
    r
}

#[test]
fn markdown_renders_to_the_articles_structure() {
    let blog = render_markdown(&extract(BLOG).to_markdown());
    assert_eq!(
        blog.headings,
        vec![
            (2, "The naive version".to_string()),
            (2, "Results".to_string())
        ]
    );
    assert_eq!(
        blog.cells,
        [
            "Version",
            "Time (ms)",
            "Allocations",
            "split_whitespace",
            "412",
            "0",
            "regex \\w+",
            "1130",
            "0",
            "byte loop",
            "96",
            "0"
        ]
    );
    assert_eq!(blog.code.len(), 2);
    assert_eq!(
        blog.code[0],
        "fn count_words(text: &str) -> usize {\n    text.split_whitespace().count()\n}"
    );
    assert!(blog.code[1].contains("if !space && !in_word { count += 1; }"));

    let docs = render_markdown(&extract(DOCS).to_markdown());
    assert_eq!(
        docs.headings,
        vec![
            (2, "Before you start".to_string()),
            (2, "Install".to_string())
        ]
    );
    assert_eq!(
        docs.items,
        [
            "Check the requirements of your system:",
            "a 64-bit operating system",
            "Python 3.9 or newer",
            "on Windows, the installer from the Python website",
            "Create an account on the dashboard and copy your access key.",
            "Open a terminal in the folder where your project lives.",
        ]
    );
    assert_eq!(
        docs.code,
        ["pip install tidewater-cli\ntidewater --version"]
    );

    let news = render_markdown(&extract_with_captions(NEWS).to_markdown());
    assert_eq!(
        news.headings,
        vec![(2, "Why the work cannot wait".to_string())]
    );
    assert_eq!(news.quotes.len(), 1);
    assert!(news.quotes[0].contains("Priya Nair"));
    assert_eq!(news.links, ["https://courier.example/news/footbridge"]);
    assert_eq!(
        news.images,
        ["https://courier.example/img/bridge-inline.jpg"]
    );
}

#[test]
fn markdown_special_characters_in_text_stay_text() {
    let page = "<article><p>Use *stars* and _underscores_, [brackets](not-a-link), <not-a-tag> and a # sign freely in prose.</p>\
        <p>1. This line only looks like a list item, and so does the next one.</p><p>- Not a bullet either, just a dash at the start.</p></article>";
    let doc = extract(page);
    let md = doc.to_markdown();
    let mut text = String::new();
    let mut markup = 0;
    for ev in Parser::new(&md) {
        match ev {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Paragraph) | Event::End(_) => {}
            Event::Start(_) | Event::Html(_) | Event::InlineHtml(_) => markup += 1,
            _ => {}
        }
    }
    assert_eq!(markup, 0, "text turned into markup:\n{md}");
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(words(&text), words(&doc.text));
}

// -------------------------------------------------------------------------------- HTML

#[test]
fn html_output_is_clean_and_reads_back_as_the_text() {
    for page in [NEWS, BLOG, DOCS, META_ONLY, BROKEN] {
        let doc = Extractor::default()
            .document(&dechrome::Page::from_text(page))
            .expect("ok");
        let html = doc.to_html();
        let parsed = scraper::Html::parse_fragment(&html);
        let mut words_back = Vec::new();
        for node in parsed.tree.root().descendants() {
            if let Some(el) = node.value().as_element() {
                assert!(
                    !matches!(el.name(), "script" | "style" | "iframe"),
                    "{}",
                    el.name()
                );
                for (name, _) in el.attrs() {
                    assert!(
                        matches!(name, "href" | "src" | "alt"),
                        "attribute {name} in\n{html}"
                    );
                }
            }
            if let Some(t) = node.value().as_text() {
                words_back.extend(
                    t.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string),
                );
            }
        }
        let words: Vec<String> = doc
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(words_back, words);
    }
}

#[test]
fn html_output_escapes_hostile_text_and_urls() {
    let page = "<article><p>The tag &lt;script&gt;alert(1)&lt;/script&gt; is shown as text here, in a paragraph long enough to count as prose.</p>\
        <p>And <a href=\"javascript:alert(2)\">this link</a> must lose its target, while <a href=\"https://ok.example/\" onclick=\"x()\">this one</a> keeps it.</p></article>";
    let html = extract(page).to_html();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("javascript:"), "{html}");
    assert!(!html.contains("onclick"), "{html}");
    assert!(
        html.contains("<a href=\"https://ok.example/\">this one</a>"),
        "{html}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn document_json_carries_metadata_and_structure() {
    let doc = extract(NEWS);
    let json = serde_json::to_value(&doc).expect("serialises");
    assert_eq!(json["metadata"]["authors"][0], "Amira Haddad");
    assert_eq!(json["metadata"]["page_type"], "article");
    assert!(json["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .any(|b| b["role"] == "byline"));
    let back: Document = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, doc);
}
