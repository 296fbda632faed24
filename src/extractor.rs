//! The configurable extractor and its builder, which run the stages in order.

use crate::decode;
use crate::document::{
    join_text, Block, Contribution, Document, Features, Formula, Image, Label, Link, ListInfo,
    Structure, TableInfo,
};
use crate::dom::nodes_bytes;
use crate::dom::View;
use crate::error::Error;
use crate::limits::Budget;
use crate::limits::Limits;
use crate::metadata::{self, MetaRole};
use crate::parse::{self, Noscript};
use crate::score::{self, kind_public};
use crate::segment::{self, Segmentation, NONE};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Which way to lean on blocks the scorer is unsure of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    /// Score a block needs to be content.
    pub fn threshold(self) -> f32 {
        match self {
            Favor::Precision => 0.35,
            Favor::Balanced => 0.0,
            Favor::Recall => -0.35,
        }
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
/// let doc = extractor.extract(page)?;
/// assert!(doc.text.starts_with("The council approved the budget"));
/// assert!(!doc.text.contains("Home"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    favor: Favor,
    min_block_words: u32,
    charset: Option<String>,
    keep_links: bool,
    keep_captions: bool,
    base_url: Option<String>,
    limits: Limits,
}

/// Builds an [`Extractor`]; every setting has a sensible default.
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    inner: Extractor,
}

impl ExtractorBuilder {
    /// Leans towards precision, balance (default) or recall.
    pub fn favor(mut self, favor: Favor) -> Self {
        self.inner.favor = favor;
        self
    }

    /// Content blocks with fewer words than this are dropped (headings and list items too).
    /// Default 0: every block the scorer keeps.
    pub fn min_block_words(mut self, words: u32) -> Self {
        self.inner.min_block_words = words;
        self
    }

    /// The charset the bytes are in, when the caller knows it: a label (`"windows-1251"`)
    /// or the HTTP `Content-Type` value as received (`"text/html; charset=ISO-8859-1"`),
    /// read as leniently as browsers read it (quotes, `utf8mb4`). A byte-order mark still
    /// wins. An unknown label is no hint: the charset is then found as without one.
    pub fn charset(mut self, label: impl Into<String>) -> Self {
        self.inner.charset = Some(label.into());
        self
    }

    /// Keeps links and images: each block records them (absolute URLs where a base is
    /// known), Markdown and HTML output carry them, and the plain text writes each link's
    /// target after its text, as `text (url)`.
    pub fn keep_links(mut self, keep: bool) -> Self {
        self.inner.keep_links = keep;
        self
    }

    /// Keeps figure and table captions that lie in the article. By default they are scored
    /// as chrome, as the labelled benchmarks treat them: captions repeat or credit rather
    /// than carry the article.
    pub fn keep_captions(mut self, keep: bool) -> Self {
        self.inner.keep_captions = keep;
        self
    }

    /// The URL the page was fetched from, to resolve relative links and images against.
    /// Without it, the page's `<base href>` or canonical URL is used, if any.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.inner.base_url = Some(url.into());
        self
    }

    /// Largest input accepted, in bytes; larger input is an [`Error::TooLarge`].
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.inner.limits.max_input_bytes = bytes;
        self
    }

    /// All limits at once.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.inner.limits = limits;
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        self.inner
    }
}

impl Extractor {
    /// A builder with the default settings.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Extracts the main content of a page given as text.
    pub fn extract(&self, html: &str) -> Result<Document, Error> {
        self.check_text(html)?;
        self.run(html, |seg, budget| {
            self.assemble(seg, encoding_rs::UTF_8, budget)
        })
    }

    /// Extracts the main content of a page given as raw bytes, decoding them first.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        let decoded = self.decode(bytes)?;
        self.run(&decoded.text, |seg, budget| {
            self.assemble(seg, decoded.encoding, budget)
        })
    }

    /// Extracts only the article's text: the same text as [`Document::text`] from
    /// [`extract`](Self::extract), without building the per-block explanation. This is the
    /// lean path for pipelines that keep the text alone; on a large page it needs a fraction
    /// of the memory.
    ///
    /// ```
    /// let page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
    ///     <article><p>The council met on Monday and agreed, after a long debate, to open \
    ///     the library on Sundays from next month.</p></article></body></html>";
    /// let extractor = dechrome::Extractor::default();
    /// let text = extractor.extract_text(page)?;
    /// assert_eq!(text, extractor.extract(page)?.text);
    /// assert!(text.starts_with("The council met") && !text.contains("Home"));
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn extract_text(&self, html: &str) -> Result<String, Error> {
        self.check_text(html)?;
        self.run(html, |seg, budget| self.assemble_text(seg, budget))
    }

    /// [`extract_text`](Self::extract_text) for raw bytes, decoding them first.
    pub fn extract_text_bytes(&self, bytes: &[u8]) -> Result<String, Error> {
        let decoded = self.decode(bytes)?;
        self.run(&decoded.text, |seg, budget| self.assemble_text(seg, budget))
    }

    fn check_text(&self, html: &str) -> Result<(), Error> {
        self.check_size(html.len())?;
        match decode::not_html_kind(html.as_bytes()) {
            Some(kind) => Err(Error::NotHtml { kind }),
            None => Ok(()),
        }
    }

    fn decode<'b>(&self, bytes: &'b [u8]) -> Result<decode::Decoded<'b>, Error> {
        self.check_size(bytes.len())?;
        if let Some(kind) = decode::not_html_kind(bytes) {
            return Err(Error::NotHtml { kind });
        }
        let hint: Option<&'static Encoding> =
            self.charset.as_deref().and_then(decode::encoding_for_label);
        decode::decode(bytes, hint).ok_or(Error::UnsupportedCharset)
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
        let mut first = parse::parse(text, &self.limits, &budget, Noscript::Skipped)?;
        let noscript_bytes = first.noscript_bytes;
        let view = View::new(&first.dom.nodes, &first.dom.attrs);
        let seg = segment::segment(view, self.keep_links, fast, false);
        budget.charge("segment", seg.bytes())?;
        let visible = seg.prose_words();
        if noscript_bytes < NOSCRIPT_MIN_BYTES || visible >= NOSCRIPT_SHELL_WORDS {
            budget.release(nodes_bytes(&first.dom.nodes));
            first.dom.nodes = Vec::new();
            return finish(seg, &budget);
        }
        let mut second = parse::parse(text, &self.limits, &budget, Noscript::AsMarkup)?;
        let view = View::new(&second.dom.nodes, &second.dom.attrs);
        let with_noscript = segment::segment(view, self.keep_links, fast, true);
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

    /// Scores the blocks and reads the metadata: everything both outputs need.
    fn decide(
        &self,
        seg: &Segmentation<'_>,
        explain: bool,
        budget: &Budget,
    ) -> Result<Decision, Error> {
        let json_ld = metadata::json_ld_nodes(&seg.sources.json_ld, budget)?;
        let hints = self.hints(seg, &json_ld);
        let mut cls = score::classify(seg, &hints, self.keep_captions, explain);
        let threshold = self.favor.threshold();
        let first_content = cls.blocks.iter().position(|b| b.score >= threshold);
        let (metadata, roles) = metadata::extract(
            &seg.sources,
            &json_ld,
            &seg.blocks,
            cls.headline,
            first_content,
            cls.language,
        );
        let base = self.base(seg, metadata.canonical_url.as_deref());
        let mut role = vec![None; seg.blocks.len()];
        for (b, r) in roles {
            if let Some(slot) = role.get_mut(b) {
                slot.get_or_insert(r);
            }
        }
        score::rescue(&seg.blocks, &mut cls.blocks, &role, threshold);
        if cls.strategy.drop_repeats {
            score::drop_repeats(&seg.blocks, &mut cls.blocks, threshold);
        }
        Ok(Decision {
            cls,
            metadata,
            role,
            base,
        })
    }

    /// A block's final score and the terms added after classification.
    fn final_score(
        &self,
        score: f32,
        words: u32,
        role: Option<MetaRole>,
    ) -> (f32, [Option<Contribution>; 2]) {
        score::finish(
            score,
            words,
            role,
            self.min_block_words,
            self.favor.threshold(),
        )
    }

    /// The text alone: the content blocks of [`assemble`](Self::assemble), joined the same way.
    fn assemble_text(&self, seg: Segmentation<'_>, budget: &Budget) -> Result<String, Error> {
        let d = self.decide(&seg, false, budget)?;
        let threshold = self.favor.threshold();
        let resolve = |u: &str| resolve_url(d.base.as_ref(), u);
        let elems = &seg.elems;
        let mut over = None;
        let text = join_text(seg.blocks.iter().enumerate().filter_map(|(i, raw)| {
            let role = d.role[i];
            let (score, _) = self.final_score(d.cls.blocks[i].score, raw.words, role);
            if score < threshold || role.is_some() || over.is_some() {
                return None;
            }
            let links: usize = if self.keep_links {
                raw.links().iter().map(|l| link_bytes(l.href)).sum()
            } else {
                0
            };
            if let Err(e) = budget.charge("output", raw.text.len() + links) {
                over = Some(e);
                return None;
            }
            let text = if self.keep_links {
                Cow::Owned(with_link_targets(
                    &raw.text,
                    raw.links().iter().map(|l| (l.end, resolve(l.href))),
                ))
            } else {
                Cow::Borrowed(raw.text.as_str())
            };
            let parent = elems.get(raw.elem as usize).map_or(NONE, |e| e.parent);
            Some((text, kind_public(raw.kind), parent))
        }));
        match over {
            Some(e) => Err(e),
            None => Ok(text),
        }
    }

    fn assemble(
        &self,
        mut seg: Segmentation<'_>,
        encoding: &'static Encoding,
        budget: &Budget,
    ) -> Result<Document, Error> {
        let Decision {
            mut cls,
            metadata,
            role: roles,
            base,
        } = self.decide(&seg, true, budget)?;
        let threshold = self.favor.threshold();
        let n = seg.blocks.len();
        let resolve = |u: &str| resolve_url(base.as_ref(), u);
        let mut metadata = metadata;
        metadata.image = metadata.image.as_deref().map(resolve);
        metadata.canonical_url = metadata.canonical_url.as_deref().map(resolve);
        budget.charge(
            "output",
            n * (std::mem::size_of::<Block>() + std::mem::size_of::<u32>()),
        )?;
        let mut blocks = Vec::with_capacity(n);
        let mut parents = Vec::with_capacity(n);
        let elems = &seg.elems;
        for (i, raw) in seg.blocks.iter_mut().enumerate() {
            let judged = &mut cls.blocks[i];
            let mut contributions = std::mem::take(&mut judged.terms);
            let role = roles[i];
            let (score, terms) = self.final_score(judged.score, raw.words, role);
            contributions.extend(terms.into_iter().flatten());
            let label = if score >= threshold {
                Label::Content
            } else {
                Label::Boilerplate
            };
            // What the block adds to the segmentation's memory (its text moves), charged
            // before it is built: its links and images, its explanation and its paths.
            let links: usize = raw.links().iter().map(|l| link_bytes(l.href)).sum();
            let images: usize = raw
                .images()
                .iter()
                .map(|im| link_bytes(im.src) + im.alt.len())
                .sum();
            budget.charge(
                "output",
                links
                    + images
                    + contributions.len() * std::mem::size_of::<Contribution>()
                    + PATH_STEPS * 8
                    + CLASS_PATH_BYTES,
            )?;
            let chars = raw.text.chars().count().max(1);
            let lines = chars.div_ceil(80).max(1);
            parents.push(elems.get(raw.elem as usize).map_or(NONE, |e| e.parent));
            let text = std::mem::take(&mut raw.text);
            let structure = Structure {
                list: raw.list.map(|l| ListInfo {
                    list: l.id,
                    ordered: l.ordered,
                    depth: l.depth,
                }),
                quote_depth: raw.quote_depth,
                table: (raw.kind == segment::Kind::TableRow).then(|| TableInfo {
                    table: raw.table,
                    header: raw.header_row,
                    cells: cells_of(&text, raw.cells()),
                }),
                links: raw
                    .links()
                    .iter()
                    .map(|l| Link {
                        start: l.start,
                        end: l.end,
                        url: resolve(l.href),
                    })
                    .collect(),
                images: raw
                    .images()
                    .iter()
                    .map(|im| Image {
                        src: resolve(im.src),
                        alt: im.alt.to_string(),
                    })
                    .collect(),
                formulas: raw
                    .formulas()
                    .iter()
                    .map(|&(start, end)| Formula { start, end })
                    .collect(),
            };
            blocks.push(Block {
                label,
                score,
                contributions,
                features: Features {
                    kind: kind_public(raw.kind),
                    tag: static_tag(elems.get(raw.elem as usize).map_or("", |e| &*e.tag)),
                    path: tag_path(elems, raw.elem),
                    class_id: class_path(elems, raw.elem),
                    position: i,
                    relative_position: if n > 1 {
                        i as f32 / (n - 1) as f32
                    } else {
                        0.0
                    },
                    words: raw.words,
                    link_words: raw.link_words,
                    text_density: raw.words as f32 / lines as f32,
                    link_density: if raw.words == 0 {
                        0.0
                    } else {
                        raw.link_words as f32 / raw.words as f32
                    },
                    stopword_density: judged.stop_density,
                    commas: raw.commas,
                    in_region: judged.in_region,
                    chrome_cue: judged.chrome.map(|c| c.word.to_string()),
                    hidden: raw.hidden,
                },
                structure,
                role,
                text,
            });
        }
        let keep_links = self.keep_links;
        budget.charge(
            "output",
            blocks
                .iter()
                .filter(|b| b.is_content() && b.role.is_none())
                .map(|b| {
                    let links: usize = b.structure.links.iter().map(|l| l.url.len() + 3).sum();
                    b.text.len() + 2 + if keep_links { links } else { 0 }
                })
                .sum(),
        )?;
        let text = join_text(
            blocks
                .iter()
                .zip(&parents)
                .filter(|(b, _)| b.is_content() && b.role.is_none())
                .map(|(b, &p)| {
                    let text = if keep_links {
                        Cow::Owned(with_link_targets(
                            &b.text,
                            b.structure.links.iter().map(|l| (l.end, l.url.as_str())),
                        ))
                    } else {
                        Cow::Borrowed(b.text.as_str())
                    };
                    (text, b.features.kind, p)
                }),
        );
        let page = &cls.page;
        let page_type_evidence = crate::PageTypeEvidence {
            read_as: page.read_as,
            probabilities: {
                let mut p = page.probabilities.clone();
                p.sort_by(|a, b| b.1.total_cmp(&a.1));
                p
            },
            features: page
                .evidence
                .iter()
                .map(|e| crate::PageFeature {
                    name: e.feature.to_string(),
                    value: e.value,
                    part: e.part,
                })
                .collect(),
        };
        Ok(Document {
            page_type: page.page_type,
            page_type_evidence,
            title: metadata.title.clone(),
            language: metadata.language.clone(),
            metadata,
            text,
            encoding: encoding.name().to_string(),
            blocks,
        })
    }

    /// What the page says about itself, for its type: JSON-LD and microdata types, `og:type`,
    /// and its URL (the caller's, else the canonical or `og:url`).
    fn hints<'h>(
        &'h self,
        seg: &'h Segmentation<'_>,
        json_ld: &'h [serde_json::Value],
    ) -> score::page_type::Hints<'h> {
        let meta = |key: &str| {
            seg.sources
                .meta
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|&(_, v)| v)
        };
        let mut declared = metadata::declared_types(json_ld);
        declared.extend(seg.sources.itemtypes.iter().copied());
        score::page_type::Hints {
            declared,
            og_type: meta("og:type"),
            url: self
                .base_url
                .as_deref()
                .or(seg.sources.canonical)
                .or_else(|| meta("og:url")),
        }
    }

    /// The base for relative URLs: the caller's, else `<base href>`, else the canonical URL.
    fn base(&self, seg: &Segmentation<'_>, canonical: Option<&str>) -> Option<url::Url> {
        let absolute = |u: &str| url::Url::parse(u).ok();
        let canonical = canonical.and_then(absolute);
        let from_base_tag = seg.sources.base_href.and_then(|b| match &canonical {
            Some(c) => c.join(b).ok(),
            None => absolute(b),
        });
        self.base_url
            .as_deref()
            .and_then(absolute)
            .or(from_base_tag)
            .or(canonical)
    }
}

/// Resolves `href` against `base` when both allow it; otherwise returns it as it is.
/// Bytes a link to `href` may take in a result: the resolved URL (the base can lengthen
/// it) and its record.
fn link_bytes(href: &str) -> usize {
    href.len() + 256 + std::mem::size_of::<Link>()
}

fn resolve_url(base: Option<&url::Url>, href: &str) -> String {
    match base {
        Some(b) => b
            .join(href)
            .map(String::from)
            .unwrap_or_else(|_| href.to_string()),
        None => url::Url::parse(href)
            .map(String::from)
            .unwrap_or_else(|_| href.to_string()),
    }
}

/// The cells of a row, from the byte offsets where they start.
fn cells_of(text: &str, starts: &[usize]) -> Vec<String> {
    if starts.is_empty() {
        return vec![text.to_string()];
    }
    let mut cells = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&e| {
            e.saturating_sub(segment::CELL_SEPARATOR.len())
        });
        let cell = text.get(s..end.max(s)).unwrap_or("");
        cells.push(cell.trim().to_string());
    }
    cells
}

/// A block's text with each link's target written after its anchor text.
fn with_link_targets<S: AsRef<str>>(text: &str, links: impl Iterator<Item = (usize, S)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (end, url) in links {
        if end < at || end > text.len() || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..end]);
        out.push_str(" (");
        out.push_str(url.as_ref());
        out.push(')');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// How many ancestors a block's path and class list show at most.
const PATH_STEPS: usize = 16;

fn ancestors<'s>(
    elems: &'s [segment::Elem<'s>],
    elem: u32,
) -> impl Iterator<Item = &'s segment::Elem<'s>> {
    std::iter::successors(elems.get(elem as usize), move |e| {
        elems.get(e.parent as usize)
    })
    .take(PATH_STEPS)
}

/// Pages at least this large count each block's stopwords a second time, once the page's
/// language is known, instead of keeping every block's counts for every language: slower,
/// but about 100 bytes a block less at the peak. Web pages are nearly all smaller.
const LEAN_ABOVE_BYTES: usize = 4 << 20;

/// A `<noscript>` body at least this large may hold the page's document.
const NOSCRIPT_MIN_BYTES: usize = 2048;
/// Visible prose under this many words makes a page an empty shell drawn by scripts.
const NOSCRIPT_SHELL_WORDS: u32 = 150;

/// What both outputs need from scoring: the scores, the metadata, the lines that are
/// metadata (bylines, datelines) and the base for URLs.
struct Decision {
    cls: score::Classified,
    metadata: crate::Metadata,
    role: Vec<Option<MetaRole>>,
    base: Option<url::Url>,
}

/// A tag name as a `Cow`: borrowed from the list of block tags when it is one of them.
fn static_tag(tag: &str) -> Cow<'static, str> {
    match crate::cues::BLOCK_TAGS.iter().find(|&&t| t == tag) {
        Some(&t) => Cow::Borrowed(t),
        None => Cow::Owned(tag.to_string()),
    }
}

fn tag_path(elems: &[segment::Elem<'_>], elem: u32) -> String {
    let mut tags: [&str; PATH_STEPS] = [""; PATH_STEPS];
    let mut n = 0;
    for (slot, e) in tags.iter_mut().zip(ancestors(elems, elem)) {
        *slot = &e.tag;
        n += 1;
    }
    let mut out = String::with_capacity(tags[..n].iter().map(|t| t.len() + 1).sum());
    for (k, t) in tags[..n].iter().rev().enumerate() {
        if k > 0 {
            out.push('>');
        }
        out.push_str(t);
    }
    out
}

/// How long a block's class/id list may grow (the nearest tokens are kept).
const CLASS_PATH_BYTES: usize = 200;

fn class_path(elems: &[segment::Elem<'_>], elem: u32) -> String {
    let mut out = String::new();
    for e in ancestors(elems, elem) {
        let id = e.id().map(str::trim).filter(|s| !s.is_empty());
        let tokens = id.into_iter().map(|i| ('#', i)).chain(
            e.class()
                .unwrap_or("")
                .split_ascii_whitespace()
                .map(|c| ('.', c)),
        );
        for (sigil, token) in tokens {
            if out.len() + token.len() + 2 > CLASS_PATH_BYTES {
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(sigil);
            out.push_str(token);
        }
    }
    out
}
