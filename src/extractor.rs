//! The configurable extractor and its builder, and the orchestration of the stages: decode,
//! parse, segment, then the assembly stage ([`crate::assemble`]), which scores and builds
//! the result.

use crate::assemble;
use crate::decode;
use crate::document::{Document, Extraction};
use crate::dom::nodes_bytes;
use crate::dom::View;
use crate::error::Error;
use crate::limits::Budget;
use crate::limits::Limits;
use crate::page::{Body, Page};
use crate::parse::{self, Front, Links, Noscript};
use crate::segment::{self, Segmentation};
use crate::template::{self, TemplateMemory};
use encoding_rs::Encoding;
use std::borrow::Cow;
use std::sync::Arc;

/// Which way to lean on blocks the scorer is unsure of.
///
/// ```
/// use dechrome::{Extractor, Favor};
/// assert_eq!(Favor::default(), Favor::Balanced);
/// let strict = Extractor::builder().favor(Favor::Precision).build();
/// let page = "<article><p>The ferry leaves at nine and returns at six, weather allowing.</p></article>";
/// assert!(strict.extract(&dechrome::Page::from_text(page)).map(|e| e.text)?.starts_with("The ferry"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Favor {
    /// Keep only what is clearly content: fewer chrome lines leak, a few content lines go.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep what may be content: little is lost, a little more chrome leaks.
    Recall,
}

impl Favor {
    /// Every setting, from the strictest.
    pub const ALL: [Favor; 3] = [Favor::Precision, Favor::Balanced, Favor::Recall];

    /// The setting's name, in lower case, as the command line and Python write it.
    ///
    /// ```
    /// use dechrome::Favor;
    /// assert_eq!(Favor::Precision.as_str(), "precision");
    /// assert_eq!("Recall".parse::<Favor>(), Ok(Favor::Recall));
    /// assert!("strict".parse::<Favor>().is_err());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Favor::Precision => "precision",
            Favor::Balanced => "balanced",
            Favor::Recall => "recall",
        }
    }

    /// Score a block needs to be content.
    pub(crate) fn threshold(self) -> f32 {
        match self {
            Favor::Precision => 0.35,
            Favor::Balanced => 0.0,
            Favor::Recall => -0.35,
        }
    }
}

impl std::fmt::Display for Favor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Favor {
    type Err = crate::error::UnknownName;

    /// Reads a setting's name, in any case.
    ///
    /// # Errors
    ///
    /// [`UnknownName`](crate::UnknownName) for a name that is no setting's.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Favor::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                crate::error::UnknownName::new("favor", s, &Favor::ALL.map(Favor::as_str))
            })
    }
}

/// A configured extractor. Cheap to clone and safe to share between threads.
///
/// ```
/// use dechrome::{Extractor, Favor};
///
/// let extractor = Extractor::builder().favor(Favor::Precision).min_block_words(3).build();
/// let page = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
///     <article><h1>Title</h1><p>The council approved the budget on Tuesday, after a long debate \
///     about schools, roads and the library, which will now open on Sundays.</p></article></body></html>";
/// let doc = extractor.document(&dechrome::Page::from_text(page))?;
/// assert!(doc.text.starts_with("The council approved the budget"));
/// assert!(!doc.text.contains("Home"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    favor: Favor,
    min_block_words: u32,
    keep_links: bool,
    link_targets_in_text: bool,
    keep_captions: bool,
    limits: Limits,
    template: Option<Arc<TemplateMemory>>,
    /// Use the template memory without teaching it (the second pass of a batch).
    template_frozen: bool,
    /// Which tokenizer parses (html5ever's only for the differential test).
    front: Front,
}

/// Builds an [`Extractor`]; every setting has a sensible default.
///
/// ```
/// let extractor = dechrome::Extractor::builder().min_block_words(2).keep_links(true).build();
/// assert_eq!(extractor.limits(), &dechrome::Limits::default());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    inner: Extractor,
}

impl ExtractorBuilder {
    /// Leans towards precision, balance (default) or recall.
    ///
    /// ```
    /// use dechrome::{Extractor, Favor};
    /// let page = "<article><p>The ferry leaves at nine and returns at six, weather allowing.</p>\
    ///     <p>Tickets.</p></article>";
    /// let precise = Extractor::builder().favor(Favor::Precision).build().document(&dechrome::Page::from_text(page))?;
    /// let generous = Extractor::builder().favor(Favor::Recall).build().document(&dechrome::Page::from_text(page))?;
    /// assert!(precise.content_blocks().count() <= generous.content_blocks().count());
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn favor(mut self, favor: Favor) -> Self {
        self.inner.favor = favor;
        self
    }

    /// Content blocks with fewer words than this are dropped (headings and list items too).
    /// Default 0: every block the scorer keeps.
    ///
    /// ```
    /// let page = "<article><p>The ferry leaves at nine and returns at six, weather allowing.</p>\
    ///     <p>See you there.</p></article>";
    /// let text = dechrome::Extractor::builder().min_block_words(4).build().extract(&dechrome::Page::from_text(page)).map(|e| e.text)?;
    /// assert_eq!(text, "The ferry leaves at nine and returns at six, weather allowing.");
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn min_block_words(mut self, words: u32) -> Self {
        self.inner.min_block_words = words;
        self
    }

    /// Records links and images (default `false`): each block's
    /// [`Structure`](crate::Structure) lists them, Markdown and HTML output carry them, and
    /// [`Extraction::links`](crate::Extraction::links) holds every link of the page,
    /// boilerplate included, for a crawler's frontier. URLs are made absolute where a base
    /// is known. The plain text is not changed: see
    /// [`link_targets_in_text`](Self::link_targets_in_text).
    ///
    /// ```
    /// let html = "<nav><a href='/about'>About</a></nav><article><p>The ferry leaves at nine \
    ///     and returns at six, weather allowing, from the <a href='/pier'>north pier</a>.</p></article>";
    /// let extractor = dechrome::Extractor::builder().keep_links(true).build();
    /// let result = extractor.extract(&dechrome::Page::from_text(html))?;
    /// assert!(result.text.ends_with("from the north pier."));
    /// let urls: Vec<&str> = result.links.iter().map(|l| l.url.as_str()).collect();
    /// assert_eq!(urls, ["/about", "/pier"]);
    /// assert!(!result.links[0].in_content && result.links[1].in_content);
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn keep_links(mut self, keep: bool) -> Self {
        self.inner.keep_links = keep;
        self
    }

    /// Writes each link's target after its text in the plain text, as `text (url)`
    /// (default `false`), as text-only pipelines that keep references want. Links are
    /// recorded for this whether or not [`keep_links`](Self::keep_links) is set.
    ///
    /// ```
    /// let html = "<article><p>The ferry leaves at nine and returns at six, weather allowing, \
    ///     from the <a href='https://example.org/pier'>north pier</a>.</p></article>";
    /// let extractor = dechrome::Extractor::builder().link_targets_in_text(true).build();
    /// let text = extractor.extract(&dechrome::Page::from_text(html)).map(|e| e.text)?;
    /// assert!(text.ends_with("from the north pier (https://example.org/pier)."));
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn link_targets_in_text(mut self, write: bool) -> Self {
        self.inner.link_targets_in_text = write;
        self
    }

    /// Keeps figure and table captions that lie in the article (default `false`: they are
    /// scored as chrome, as the labelled benchmarks treat them, since captions repeat or
    /// credit rather than carry the article).
    ///
    /// ```
    /// let page = "<article><p>The new pier, seen from the ferry, has room for two boats at once.</p>\
    ///     <figure><img src=pier.jpg><figcaption>The north pier at dawn.</figcaption></figure></article>";
    /// let with = dechrome::Extractor::builder().keep_captions(true).build().extract(&dechrome::Page::from_text(page)).map(|e| e.text)?;
    /// assert!(with.contains("The north pier at dawn."));
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn keep_captions(mut self, keep: bool) -> Self {
        self.inner.keep_captions = keep;
        self
    }

    /// Largest input accepted, in bytes (default 64 MiB, as in [`Limits`]); larger input
    /// is an [`Error::TooLarge`].
    ///
    /// ```
    /// let small = dechrome::Extractor::builder().max_input_bytes(10).build();
    /// assert!(matches!(small.document(&dechrome::Page::from_text("<p>eleven bytes</p>")), Err(dechrome::Error::TooLarge { .. })));
    /// ```
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.inner.limits.max_input_bytes = bytes;
        self
    }

    /// All limits at once (default [`Limits::default()`]).
    ///
    /// ```
    /// let mut limits = dechrome::Limits::default();
    /// limits.max_memory = 64 << 20;
    /// let extractor = dechrome::Extractor::builder().limits(limits).build();
    /// assert_eq!(extractor.limits().max_memory, 64 << 20);
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.inner.limits = limits;
        self
    }

    /// Learns each site's template from its pages and scores what recurs as chrome (default:
    /// no memory). Every page extracted with a URL teaches the memory its blocks'
    /// fingerprints under the URL's host, then is scored with what the memory knows: from
    /// the host's third page on, a block found on most of its pages, at the same place, gets
    /// the [`Term::Template`](crate::Term::Template) term. A notice written as plain prose,
    /// with no class to give it away, goes that way. Share one memory between all workers
    /// (it is `Send + Sync`); see [`TemplateMemory`] for its bounds. For a batch, teach it
    /// every page first with [`Extractor::learn`], then extract with
    /// [`learn_templates(false)`](Self::learn_templates), so that the first pages of a host
    /// benefit too.
    ///
    /// Without a memory, nothing is fingerprinted and the output is as before.
    ///
    /// ```
    /// use dechrome::{url::Url, Extractor, Page, TemplateMemory};
    /// use std::sync::Arc;
    /// let memory = Arc::new(TemplateMemory::new());
    /// let extractor = Extractor::builder().template_memory(Arc::clone(&memory)).build();
    /// let url = Url::parse("https://example.org/a")?;
    /// extractor.extract(&Page::from_text("<p>One page, one sentence of text.</p>").url(&url))?;
    /// assert_eq!(memory.pages("example.org"), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn template_memory(mut self, memory: Arc<TemplateMemory>) -> Self {
        self.inner.template = Some(memory);
        self
    }

    /// Whether extraction teaches the [`template_memory`](Self::template_memory) (default
    /// `true`: a crawler's memory improves as it goes). With `false`, the memory is only
    /// read: the second pass of a batch whose pages [`Extractor::learn`] taught first.
    ///
    /// ```
    /// use dechrome::{url::Url, Extractor, Page, TemplateMemory};
    /// use std::sync::Arc;
    /// let memory = Arc::new(TemplateMemory::new());
    /// let reader = Extractor::builder()
    ///     .template_memory(Arc::clone(&memory))
    ///     .learn_templates(false)
    ///     .build();
    /// let url = Url::parse("https://example.org/a")?;
    /// reader.extract(&Page::from_text("<p>One page, one sentence of text.</p>").url(&url))?;
    /// assert_eq!(memory.pages("example.org"), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn learn_templates(mut self, learn: bool) -> Self {
        self.inner.template_frozen = !learn;
        self
    }

    /// Not part of the API: parse with html5ever's tokenizer instead of dechrome's own, for
    /// the differential test that holds the two to the same results.
    #[doc(hidden)]
    pub fn reference_tokenizer(mut self, reference: bool) -> Self {
        self.inner.front = if reference {
            Front::Html5ever
        } else {
            Front::Own
        };
        self
    }

    /// The extractor, ready to share between threads.
    ///
    /// ```
    /// let extractor = std::sync::Arc::new(dechrome::Extractor::builder().build());
    /// let worker = std::sync::Arc::clone(&extractor);
    /// let text = std::thread::spawn(move || worker.extract(&dechrome::Page::from_text("<p>From another thread, a whole sentence.</p>")).map(|e| e.text))
    ///     .join()
    ///     .expect("no panic")?;
    /// assert_eq!(text, "From another thread, a whole sentence.");
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn build(self) -> Extractor {
        self.inner
    }
}

impl Extractor {
    /// A builder with the default settings: the same extractor as
    /// [`Extractor::default()`] until a setting is changed.
    ///
    /// ```
    /// use dechrome::Extractor;
    /// assert_eq!(format!("{:?}", Extractor::builder().build()), format!("{:?}", Extractor::default()));
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The limits in force.
    ///
    /// ```
    /// assert_eq!(dechrome::Extractor::default().limits().max_depth, 128);
    /// ```
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// What a crawler or a corpus builder needs of a page: its text, title and metadata,
    /// language, page type, encoding and (with [`keep_links`](ExtractorBuilder::keep_links))
    /// every link, for the frontier. It does not build each block's features and
    /// explanation: for those, [`document`](Self::document). The text is the same as
    /// [`Document::text`].
    ///
    /// A [`Page`] is the body's bytes ([`Page::new`], decoded from the `Content-Type` given,
    /// a byte-order mark, `<meta>` or detection) or text ([`Page::from_text`]), with its URL
    /// and, when known, its type.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] past [`Limits::max_input_bytes`]; [`Error::NotHtml`] for bytes
    /// that are plainly not a page (a PDF, an image, JSON…); [`Error::UnsupportedCharset`]
    /// for a charset browsers refuse to decode; [`Error::TooManyNodes`],
    /// [`Error::MemoryLimit`] and [`Error::Timeout`] past the other [`Limits`]. An unknown
    /// charset in the `Content-Type` is not an error: it is no hint.
    ///
    /// ```
    /// use dechrome::{url::Url, Extractor, Page};
    /// let html = "<html lang=en><head><title>Ferry times | Harbour News</title></head><body>\
    ///     <article><h1>Ferry times</h1><p>The ferry leaves at nine and returns at six, \
    ///     weather allowing, from the north pier.</p></article></body></html>";
    /// let url = Url::parse("https://news.example.org/ferry")?;
    /// let result = Extractor::default().extract(&Page::from_text(html).url(&url))?;
    /// assert_eq!(result.metadata.title.as_deref(), Some("Ferry times"));
    /// assert_eq!(result.metadata.language.as_deref(), Some("en"));
    /// assert!(result.text.starts_with("The ferry leaves"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract(&self, page: &Page<'_>) -> Result<Extraction, Error> {
        let (text, encoding) = self.prepare(page)?;
        let settings = self.settings();
        self.run(&text, |seg, budget| {
            let template = self.template_inputs(&seg, page.url, budget)?;
            assemble::extraction(&seg, page, template.as_deref(), &settings, encoding, budget)
        })
    }

    /// The whole [`Document`] of a page: its text and metadata, and every block with its
    /// features, score, terms and label, and the evidence for its type. For the text and
    /// metadata alone, [`extract`](Self::extract) is leaner.
    ///
    /// # Errors
    ///
    /// Those of [`extract`](Self::extract).
    ///
    /// ```
    /// use dechrome::{Extractor, Page};
    /// let page = Page::new(b"<article><p>The ferry leaves at nine and returns at six.</p></article>")
    ///     .content_type("text/html; charset=utf-8");
    /// let doc = Extractor::default().document(&page)?;
    /// assert!(doc.blocks[0].is_content());
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn document(&self, page: &Page<'_>) -> Result<Document, Error> {
        let (text, encoding) = self.prepare(page)?;
        let settings = self.settings();
        self.run(&text, |seg, budget| {
            let template = self.template_inputs(&seg, page.url, budget)?;
            assemble::document(seg, page, template.as_deref(), &settings, encoding, budget)
        })
    }

    /// Teaches the [`template_memory`](ExtractorBuilder::template_memory) one page, without
    /// extracting it: the first pass of a batch. It parses and segments the page, and
    /// records its blocks' fingerprints under its URL's host. Returns whether it learned:
    /// `false` without a memory or without a URL with a host.
    ///
    /// # Errors
    ///
    /// Those of [`document`](Self::document), for a page it cannot read.
    ///
    /// ```
    /// use dechrome::{url::Url, Extractor, Page, TemplateMemory};
    /// use std::sync::Arc;
    /// let memory = Arc::new(TemplateMemory::new());
    /// let extractor = Extractor::builder().template_memory(Arc::clone(&memory)).build();
    /// let url = Url::parse("https://example.org/a")?;
    /// assert!(extractor.learn(&Page::from_text("<p>A sentence of text.</p>").url(&url))?);
    /// assert!(!extractor.learn(&Page::from_text("<p>No URL, no host.</p>"))?);
    /// assert_eq!(memory.pages("example.org"), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn learn(&self, page: &Page<'_>) -> Result<bool, Error> {
        let (Some(memory), Some(host)) = (&self.template, template::host_of(page.url)) else {
            return Ok(false);
        };
        let (text, _) = self.prepare(page)?;
        self.run(&text, |seg, budget| {
            memory.learn(host, &template_prints(&seg, budget)?);
            Ok(true)
        })
    }

    /// Each block's template input, when a memory knows the page's host (after teaching it
    /// the page, unless frozen).
    fn template_inputs(
        &self,
        seg: &Segmentation<'_>,
        url: Option<&url::Url>,
        budget: &Budget,
    ) -> Result<Option<Vec<f32>>, Error> {
        let (Some(memory), Some(host)) = (&self.template, template::host_of(url)) else {
            return Ok(None);
        };
        let prints = template_prints(seg, budget)?;
        if !self.template_frozen {
            memory.learn(host, &prints);
        }
        Ok(memory.inputs(host, &prints))
    }

    /// The page's text and the encoding it is in, after the checks every call makes.
    fn prepare<'p>(&self, page: &Page<'p>) -> Result<(Cow<'p, str>, &'static Encoding), Error> {
        self.check_size(page.len())?;
        match page.body {
            Body::Text(html) => {
                if let Some(kind) = decode::not_html_kind(html.as_bytes()) {
                    return Err(Error::NotHtml { kind });
                }
                Ok((Cow::Borrowed(html), encoding_rs::UTF_8))
            }
            Body::Bytes(bytes) => {
                if let Some(kind) = decode::not_html_kind(bytes) {
                    return Err(Error::NotHtml { kind });
                }
                let decoded =
                    decode::decode(bytes, page.encoding_hint()).ok_or(Error::UnsupportedCharset)?;
                Ok((decoded.text, decoded.encoding))
            }
        }
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.limits.max_input_bytes;
        if size > limit {
            return Err(Error::TooLarge { size, limit });
        }
        Ok(())
    }

    /// Parses and segments a page, then hands the blocks to `finish`. The blocks hold their
    /// own text and borrow only attribute values, so the tree is freed before they are scored.
    /// Below [`LEAN_ABOVE_BYTES`] every block's stopword counts are kept; above, they are
    /// counted again once the page's language is known.
    ///
    /// A page whose visible text holds almost no prose while a `<noscript>` holds a document
    /// (a forum drawn by scripts, its thread server-rendered for readers without them) is
    /// parsed again with `<noscript>` as markup, and the reading with more prose is kept.
    fn run<T>(
        &self,
        text: &str,
        finish: impl FnOnce(Segmentation<'_>, &Budget) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let fast = text.len() < LEAN_ABOVE_BYTES;
        let budget = Budget::new(&self.limits, text.len());
        let links = if self.records_links() {
            Links::Recorded
        } else {
            Links::NotRecorded
        };
        let mut first = parse::parse(
            text,
            &self.limits,
            &budget,
            Noscript::Skipped,
            links,
            self.front,
        )?;
        let noscript_bytes = first.noscript_bytes;
        let view = View::new(&first.dom.nodes, &first.dom.attrs);
        let seg =
            segment::segment_until(view, self.records_links(), fast, false, &budget.deadline)?;
        budget.charge("segment", seg.bytes())?;
        let visible = seg.prose_words();
        if noscript_bytes < NOSCRIPT_MIN_BYTES || visible >= NOSCRIPT_SHELL_WORDS {
            budget.release(nodes_bytes(&first.dom.nodes));
            first.dom.nodes = Vec::new();
            return finish(seg, &budget);
        }
        let mut second = parse::parse(
            text,
            &self.limits,
            &budget,
            Noscript::AsMarkup,
            links,
            self.front,
        )?;
        let view = View::new(&second.dom.nodes, &second.dom.attrs);
        let with_noscript =
            segment::segment_until(view, self.records_links(), fast, true, &budget.deadline)?;
        budget.charge("segment", with_noscript.bytes())?;
        if with_noscript.prose_words() > visible.saturating_mul(2) {
            drop(seg);
            budget.release(first.dom.bytes());
            first.dom = crate::dom::Dom::default();
            budget.release(nodes_bytes(&second.dom.nodes));
            second.dom.nodes = Vec::new();
            finish(with_noscript, &budget)
        } else {
            drop(with_noscript);
            budget.release(second.dom.bytes());
            drop(second);
            budget.release(nodes_bytes(&first.dom.nodes));
            first.dom.nodes = Vec::new();
            finish(seg, &budget)
        }
    }

    /// Whether the segmentation records links: for the caller, or for the text.
    fn records_links(&self) -> bool {
        self.keep_links || self.link_targets_in_text
    }

    /// What the settings mean to the assembly stage.
    fn settings(&self) -> assemble::Settings {
        assemble::Settings {
            threshold: self.favor.threshold(),
            min_block_words: self.min_block_words,
            keep_links: self.keep_links,
            link_targets_in_text: self.link_targets_in_text,
            keep_captions: self.keep_captions,
        }
    }
}

/// Pages at least this large count each block's stopwords a second time, once the page's
/// language is known, instead of keeping every block's counts for every language: slower,
/// but about 100 bytes a block less at the peak. Web pages are nearly all smaller.
const LEAN_ABOVE_BYTES: usize = 4 << 20;

/// A `<noscript>` body at least this large may hold the page's document.
const NOSCRIPT_MIN_BYTES: usize = 2048;
/// Visible prose under this many words makes a page an empty shell drawn by scripts.
const NOSCRIPT_SHELL_WORDS: u32 = 150;

/// The fingerprints of a page's blocks, charged to the page's budget.
fn template_prints(seg: &Segmentation<'_>, budget: &Budget) -> Result<Vec<template::Print>, Error> {
    let prints = template::prints(seg);
    budget.charge(
        "template",
        prints.len() * std::mem::size_of::<template::Print>(),
    )?;
    Ok(prints)
}
