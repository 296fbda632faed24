//! # dechrome
//!
//! Takes a web page and returns its main content — the article — without the chrome around
//! it: navigation, "Editors' Picks" and "Top Trending" teaser lists, share bars, cookie and
//! legal notices, comment threads and footers.
//!
//! ```
//! let page = r#"<html><head><title>Budget passes | The Gazette</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
//!   <article>
//!     <h1>Budget passes</h1>
//!     <p>The council approved next year's budget on Tuesday evening, after a debate that ran
//!        past midnight and touched on schools, roads and the public library.</p>
//!     <p>The library will now open on Sundays, a change that residents had asked for since
//!        the branch on Mill Street closed two years ago.</p>
//!   </article>
//!   <aside><h2>Editors' Picks</h2><ul><li><a href="/a">Ten walks for autumn</a></li>
//!     <li><a href="/b">The best bakeries in town</a></li></ul></aside>
//!   <footer>© 2024 The Gazette. All rights reserved.</footer>
//! </body></html>"#;
//!
//! let doc = dechrome::extract(page)?;
//! assert!(doc.text.starts_with("The council approved"));
//! assert!(doc.text.contains("open on Sundays"));
//! assert!(!doc.text.contains("Editors' Picks"));
//! assert!(!doc.text.contains("All rights reserved"));
//! assert_eq!(doc.metadata.title.as_deref(), Some("Budget passes"));
//!
//! // Every block keeps its label, score and the terms of that score.
//! let picks = doc.blocks.iter().find(|b| b.text.contains("bakeries")).unwrap();
//! assert!(!picks.is_content());
//! # Ok::<(), dechrome::Error>(())
//! ```
//!
//! ## The pipeline
//! One module per stage: [`decode`](crate::Page::new) bytes to text → parse (html5ever) →
//! clean and segment into text blocks → detect the [`PageType`] and score and classify the
//! blocks for that kind of page → assemble the [`Document`]. The vocabularies, weights,
//! thresholds and the page-type model's parameters the stages apply are data, kept apart
//! from the code that applies them.
//!
//! ## Use in a crawler
//!
//! Build one [`Extractor`] for the crawl and share it: it is `Clone`, `Send` and `Sync`, so
//! an `Arc<Extractor>` (or a clone per worker) serves every thread. What belongs to one page
//! goes with the call, as a [`Page`]: the body's bytes, the HTTP `Content-Type` value as
//! received, and the final URL as a [`url::Url`] (re-exported, so that both sides use one
//! version). [`Extractor::extract`] is the lean path a crawler wants: text, metadata,
//! page type, encoding and, with [`keep_links`](ExtractorBuilder::keep_links), every
//! outlink of the page for the frontier, boilerplate included.
//!
//! - **Threads and async.** Extraction is synchronous and CPU-bound (milliseconds a page,
//!   no I/O). In an async crawler, call it inside `tokio::task::spawn_blocking` or on a
//!   rayon pool, never on the runtime's own threads. `examples/crawl.rs` is a complete,
//!   polite crawler built that way.
//! - **Charset.** Pass the header as received ([`Page::content_type`]): quotes, `utf8mb4`
//!   and a whole `text/html; charset=…` value are read leniently, and an unknown label is
//!   no hint, not an error. A byte-order mark wins over it, and a header that says UTF-8
//!   over bytes that are not is ignored.
//! - **URL.** Pass the URL after redirects ([`Page::url`]): relative links resolve against
//!   it, and its path hints at the page's type. Without it, the page's `<base href>` or
//!   canonical URL is used. A URL that does not parse is simply not passed: like an unknown
//!   charset, it loses nothing but the hint.
//! - **Site templates.** A [`TemplateMemory`], shared by every worker, learns what recurs
//!   across each host's pages (menus, notices printed under every article, footers) and
//!   scores it as chrome: see [`ExtractorBuilder::template_memory`].
//! - **Limits.** [`Limits`] bound each page's size, nodes, nesting and memory; a page past
//!   them is a typed [`Error`], and time is linear in the page's size. Set them once, on the
//!   extractor.
//!
//! ```
//! use dechrome::{url::Url, Extractor, Page};
//! use std::sync::Arc;
//!
//! let extractor = Arc::new(Extractor::builder().keep_links(true).build());
//! let body = b"<nav><a href='/'>Home</a></nav><article><p>The ferry returned to the north \
//!     pier on Monday, three months after the storms, and the caf\xe9 reopened.</p></article>";
//! let url = Url::parse("https://news.example.org/harbour/ferry")?;
//! let worker = Arc::clone(&extractor);
//! let result = std::thread::spawn(move || {
//!     let page = Page::new(body).content_type("text/html; charset=windows-1252").url(&url);
//!     worker.extract(&page)
//! })
//! .join()
//! .expect("no panic")?;
//! assert!(result.text.ends_with("the café reopened."));
//! assert_eq!(result.links[0].url, "https://news.example.org/");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assemble;
mod chars;
mod cues;
mod decode;
mod document;
mod dom;
mod error;
mod extractor;
mod language;
mod limits;
mod markers;
mod metadata;
mod packed;
mod page;
mod parse;
mod render;
mod score;
mod segment;
mod stopwords;
mod template;
#[cfg(feature = "warc")]
pub mod warc;

/// Not part of the API: the two parsing paths side by side, for the differential test, its
/// example over the evaluation sets, and its fuzz target.
#[doc(hidden)]
pub mod differential {
    use crate::parse::{Front, Links, Noscript};

    /// The tree `html` parses to, written out one node per line, with dechrome's tokenizer
    /// (which does the pre-pass's work itself) and tree builder, or (`reference`) the
    /// pre-pass, html5ever's tokenizer and html5ever's tree builder; `<noscript>` read as raw
    /// text (`scripting`) or as markup; link targets and
    /// image attributes kept (`links`) or not.
    ///
    /// # Errors
    /// As [`crate::Extractor::extract`]'s parse stage, under the default limits.
    pub fn tree(
        html: &str,
        reference: bool,
        scripting: bool,
        links: bool,
    ) -> Result<String, crate::Error> {
        let front = if reference {
            Front::Html5ever
        } else {
            Front::Own
        };
        let noscript = if scripting {
            Noscript::Skipped
        } else {
            Noscript::AsMarkup
        };
        let links = if links {
            Links::Recorded
        } else {
            Links::NotRecorded
        };
        crate::parse::dump(html, noscript, links, front)
    }
}

pub use document::{
    Block, BlockKind, Document, Extraction, Features, Formula, Image, Label, Link, ListInfo,
    Outlink, PageFeature, PageTypeEvidence, Structure, TableInfo,
};
pub use error::{Error, NotHtmlKind, UnknownName};
pub use extractor::{Extractor, ExtractorBuilder, Favor};
pub use limits::Limits;
pub use metadata::{MetaRole, Metadata, Source};
pub use page::Page;
pub use score::explain::{Contribution, Term};
pub use score::page_type::PageType;
pub use template::{TemplateMemory, DEFAULT_MAX_HOSTS, DEFAULT_MAX_PRINTS_PER_HOST};
/// The `url` crate, whose [`Url`](url::Url) a [`Page`] takes, re-exported so that callers
/// use the same version.
pub use url;

/// Extracts the main content of a page given as text, with the default settings: the whole
/// [`Document`], every block explained. For one-off use; a crawler builds an [`Extractor`]
/// once and calls [`Extractor::extract`] (or [`Extractor::document`]) with each [`Page`].
///
/// # Errors
///
/// Those of [`Extractor::document`]: [`Error::TooLarge`], [`Error::NotHtml`],
/// [`Error::TooManyNodes`] and [`Error::MemoryLimit`] past the default [`Limits`].
///
/// ```
/// let doc = dechrome::extract("<p>Just one paragraph of text, but a real one, with a verb.</p>")?;
/// assert_eq!(doc.text, "Just one paragraph of text, but a real one, with a verb.");
/// # Ok::<(), dechrome::Error>(())
/// ```
pub fn extract(html: &str) -> Result<Document, Error> {
    Extractor::default().document(&Page::from_text(html))
}

/// The README's Rust examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
