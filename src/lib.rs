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
//! One module per stage: [`decode`](crate::extract_bytes) bytes to text → parse (html5ever) →
//! clean and segment into text blocks → detect the [`PageType`] and score and classify the
//! blocks for that kind of page → assemble the [`Document`]. The vocabularies, weights,
//! thresholds and the page-type model's parameters the stages apply are data, kept apart
//! from the code that applies them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

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
mod page;
mod parse;
mod render;
mod score;
mod segment;
mod stopwords;

pub use document::{
    Block, BlockKind, Contribution, Document, Extraction, Features, Formula, Image, Label, Link,
    ListInfo, Outlink, PageFeature, PageTypeEvidence, Structure, TableInfo, Term,
};
pub use error::{Error, NotHtmlKind};
pub use extractor::{Extractor, ExtractorBuilder, Favor};
pub use limits::Limits;
pub use metadata::{MetaRole, Metadata, PageType};
pub use page::Page;
/// The `url` crate, whose [`Url`](url::Url) a [`Page`] takes, re-exported so that callers
/// use the same version.
pub use url;

/// Extracts the main content of a page given as text, with the default settings.
///
/// ```
/// let doc = dechrome::extract("<p>Just one paragraph of text, but a real one, with a verb.</p>")?;
/// assert_eq!(doc.text, "Just one paragraph of text, but a real one, with a verb.");
/// # Ok::<(), dechrome::Error>(())
/// ```
pub fn extract(html: &str) -> Result<Document, Error> {
    Extractor::default().extract(html)
}

/// Extracts the main content of a page given as raw bytes, with the default settings. The
/// charset comes from a byte-order mark, a `<meta>` declaration or detection.
///
/// ```
/// // "Привет, мир" in windows-1251, declared in a meta tag.
/// let bytes = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \
///     \xdd\xf2\xee \xef\xf0\xee\xf1\xf2\xee\xe9 \xf2\xe5\xea\xf1\xf2.</p>";
/// let doc = dechrome::extract_bytes(bytes)?;
/// assert!(doc.text.starts_with("Привет, мир!"));
/// assert_eq!(doc.encoding, "windows-1251");
/// # Ok::<(), dechrome::Error>(())
/// ```
pub fn extract_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().extract_bytes(bytes)
}

/// The README's Rust examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
