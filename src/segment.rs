//! Stage 3+4 — clean and segment: one iterative walk over the parsed DOM that skips what is
//! never content and cuts the rest into text blocks at block-level boundaries (boilerpipe's
//! segmentation). Each block records the counts its features are computed from and its place
//! in the article's structure (list, table, quote, links); each block-level element records
//! its subtree's counts and its markers, for container scoring. The same walk gathers the
//! page's metadata sources (meta tags, JSON-LD, microdata, `<time>`).
//!
//! The walk keeps its own stack, so its depth does not follow the DOM's.

use crate::cues;
use crate::dom::{AttrSlice, ElementRef, NodeId, View, DOCUMENT, NO_NODE};
use crate::markers::{self, Cue, Hiding};
use crate::stopwords::{self, is_unspaced, PageCounts, StopCounts};
use html5ever::{local_name, LocalName};
use icu_normalizer::ComposingNormalizerBorrowed;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// What stands between the cells of a table row in a block's text.
pub(crate) const CELL_SEPARATOR: &str = " | ";

/// Index of "no element".
pub(crate) const NONE: u32 = u32::MAX;

/// A block-level element kept by cleaning.
#[derive(Debug)]
pub(crate) struct Elem<'a> {
    pub tag: LocalName,
    /// The element's attributes (for its `id` and `class`).
    pub attrs: AttrSlice<'a>,
    pub parent: u32,
    /// First block-level child and next block-level sibling (`NONE` when absent).
    pub first_child: u32,
    pub next_sibling: u32,
    pub cue: Cue,
    /// The kinds of page its class and id hint at ([`markers::Reading::kinds`]).
    pub kinds: u8,
    /// Its class's part of the signature by which look-alike siblings are found
    /// ([`markers::Reading::class_signature`]).
    pub class_signature: u64,
    /// Words and linked words in the subtree.
    pub words: u32,
    pub link_words: u32,
    /// Index of the first block at or after this element's start, and one past its last.
    pub first_block: u32,
    pub end_block: u32,
}

/// What kind of text a block is, from the element that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    TableRow,
    Pre,
    Quote,
    Caption,
    Other,
}

/// The list a list item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListCtx {
    /// The `ul`/`ol` element (an opaque id shared by the items of one list).
    pub id: u32,
    pub ordered: bool,
    /// 1 for a top-level list, 2 for a list inside an item, …
    pub depth: u8,
}

/// A link inside a block's text: byte range of its anchor text, and its raw target.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawLink<'a> {
    pub start: usize,
    pub end: usize,
    pub href: &'a str,
}

/// An image met in or just before a block.
#[derive(Debug, Clone)]
pub(crate) struct RawImage<'a> {
    /// Its address: the attribute's text, or read from a `<noscript>`'s markup.
    pub src: std::borrow::Cow<'a, str>,
    pub alt: &'a str,
}

/// A run of text between block boundaries.
#[derive(Debug)]
pub(crate) struct RawBlock<'a> {
    pub text: String,
    pub elem: u32,
    pub kind: Kind,
    pub words: u32,
    pub link_words: u32,
    pub commas: u32,
    pub list: Option<ListCtx>,
    pub quote_depth: u8,
    /// The `table` element of a row (`NONE` elsewhere).
    pub table: u32,
    /// A row of header cells (`th`).
    pub header_row: bool,
    /// An image comes right before the block's text (in it, or in empty boxes before it): the
    /// place of a caption or photo credit.
    pub after_image: bool,
    /// Hidden until a script shows it: a tab, an accordion, a menu, a dialog.
    pub hidden: bool,
    /// Cells, links and images, boxed apart: most blocks have none, and a page can have
    /// hundreds of thousands of blocks.
    extras: Option<Box<Extras<'a>>>,
}

/// The parts of a block that most blocks lack.
#[derive(Debug, Default)]
struct Extras<'a> {
    cells: Vec<usize>,
    links: Vec<RawLink<'a>>,
    images: Vec<RawImage<'a>>,
    formulas: Vec<(usize, usize)>,
}

impl<'a> Elem<'a> {
    /// The id, read up to [`markers::MAX_MARKER_BYTES`].
    pub fn id(&self) -> Option<&'a str> {
        self.attrs.get(local_name!("id")).map(markers::capped)
    }

    /// The class list, read up to [`markers::MAX_MARKER_BYTES`].
    pub fn class(&self) -> Option<&'a str> {
        self.attrs.get(local_name!("class")).map(markers::capped)
    }
}

impl Segmentation<'_> {
    /// Bytes the segmentation holds, for the memory budget.
    pub fn bytes(&self) -> usize {
        use std::mem::size_of;
        let blocks: usize = self
            .blocks
            .iter()
            .map(|b| {
                b.text.capacity()
                    + b.extras.as_ref().map_or(0, |e| {
                        size_of::<Extras<'_>>()
                            + e.cells.capacity() * size_of::<usize>()
                            + e.links.capacity() * size_of::<RawLink<'_>>()
                            + e.images.capacity() * size_of::<RawImage<'_>>()
                            + e.formulas.capacity() * size_of::<(usize, usize)>()
                    })
            })
            .sum();
        self.elems.capacity() * size_of::<Elem<'_>>()
            + self.blocks.capacity() * size_of::<RawBlock<'_>>()
            + self.block_stops.capacity() * size_of::<StopCounts>()
            + blocks
    }
}

impl<'a> RawBlock<'a> {
    /// Byte offsets where the cells of a row start.
    pub fn cells(&self) -> &[usize] {
        self.extras.as_ref().map_or(&[], |e| &e.cells)
    }

    /// The links in the text.
    pub fn links(&self) -> &[RawLink<'a>] {
        self.extras.as_ref().map_or(&[], |e| &e.links)
    }

    /// The images in or just before the block.
    pub fn images(&self) -> &[RawImage<'a>] {
        self.extras.as_ref().map_or(&[], |e| &e.images)
    }

    /// Byte ranges of the text that are formulas.
    pub fn formulas(&self) -> &[(usize, usize)] {
        self.extras.as_ref().map_or(&[], |e| &e.formulas)
    }
}

/// Longest link or image target kept (16 KiB). Real URLs are far shorter; a longer one is
/// not a place a reader or a crawler can go, and every clone of its element would copy it.
pub(crate) const MAX_URL_BYTES: usize = 16 << 10;

/// Whether an `<a>` is a link. A named anchor — `name` or `id`, and no `href` — is not: old
/// pages open `<a name="top">` (or write `<a name=x/>`, which stays open) and never close
/// it, and everything after it would count as linked text. An `<a>` with neither (`<a
/// role=button>`, a control that scripts drive) still reads as a link.
fn is_link(el: &ElementRef<'_, '_>) -> bool {
    el.attr(local_name!("href")).is_some()
        || (el.attr(local_name!("name")).is_none() && el.attr(local_name!("id")).is_none())
}

/// How many microdata item types a page's sources keep.
const MAX_ITEMTYPES: usize = 256;

/// Metadata sources met during the walk, for the metadata stage.
#[derive(Debug, Default)]
pub(crate) struct PageSources<'a> {
    pub title: Option<String>,
    pub html_lang: Option<&'a str>,
    /// `<meta name|property|itemprop=… content=…>` pairs, in page order.
    pub meta: Vec<(&'a str, &'a str)>,
    /// Texts of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<&'a str>,
    /// `<base href>`.
    pub base_href: Option<&'a str>,
    /// Microdata `itemprop` values in the body (content/datetime attribute or text).
    pub microdata: Vec<(&'a str, String)>,
    /// `<time datetime>` elements, in page order.
    pub times: Vec<TimeSource<'a>>,
    /// Microdata `itemtype` values, without their `schema.org/` prefix, in page order.
    pub itemtypes: Vec<&'a str>,
    /// Texts of the page's byline elements (`rel=author` links, `.byline` and `.author`
    /// boxes, `<address>`), each with the index of the block it stands before.
    pub bylines: Vec<(usize, String)>,
}

/// A `<time datetime>` element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TimeSource<'a> {
    pub datetime: &'a str,
    /// The index of the block it stands in (or before).
    pub block: usize,
    /// Whether it dates a change rather than the publication: its line says "Updated", or
    /// its class or `itemprop` does.
    pub updated: bool,
    /// Whether its class or `itemprop` says it dates the publication (`published`,
    /// `entry-date`, `datePublished`), or it has the `pubdate` attribute.
    pub published: bool,
    /// Whether it stands in a link or a list item, as a teaser's date does.
    pub teaser: bool,
}

/// The output of the walk.
pub(crate) struct Segmentation<'a> {
    pub elems: Vec<Elem<'a>>,
    pub blocks: Vec<RawBlock<'a>>,
    /// Stopword counts summed over the blocks, for the page's language.
    pub stops: PageCounts,
    /// Stopword counts per block, when the walk was asked to keep them (104 bytes a block);
    /// otherwise empty, and classification counts each block again for the page's language.
    pub block_stops: Vec<StopCounts>,
    pub sources: PageSources<'a>,
}

struct Frame<'a> {
    /// Element index when block-level, else `NONE`.
    elem: u32,
    /// The nearest block-level element at or above this one.
    block_owner: u32,
    in_link: bool,
    in_pre: bool,
    /// Inside an `article` or `main` element.
    in_article: bool,
    /// Inside an element hidden until a script shows it.
    hidden: bool,
    list: Option<ListCtx>,
    quote_depth: u8,
    table: u32,
    /// The nearest table holds data (rows of short values), not a page's layout.
    data_table: bool,
    /// Inside a cell of a data table: its paragraphs and line boxes are the cell's lines,
    /// not blocks of their own.
    in_data_cell: bool,
    /// For a kept link: its target and where its text starts in the pending block.
    link: Option<(&'a str, usize, u32)>,
    /// Counts at entry, for the subtree totals.
    words_at: u32,
    links_at: u32,
}

/// The block being gathered.
#[derive(Default)]
struct Pending<'a> {
    cells: Vec<usize>,
    header_row: bool,
    after_image: bool,
    links: Vec<RawLink<'a>>,
    images: Vec<RawImage<'a>>,
    /// Byte ranges of the text that are formulas (MathML).
    formulas: Vec<(usize, usize)>,
    text: String,
    space: bool,
    in_word: bool,
    tokens: u32,
    link_tokens: u32,
    unspaced: u32,
    link_unspaced: u32,
}

impl<'a> Pending<'a> {
    fn words(&self) -> u32 {
        self.tokens + self.unspaced.div_ceil(2)
    }
    fn link_words(&self) -> u32 {
        self.link_tokens + self.link_unspaced.div_ceil(2)
    }

    fn push(&mut self, s: &str, in_link: bool, pre: bool) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A run of printable ASCII (no spaces, no controls), the most common case, is
            // copied whole: within it no space is written and at most one word starts (only
            // whitespace or an unspaced character ends a word).
            if (0x21..0x7f).contains(&b) {
                let run = i + crate::chars::printable_ascii_run(&bytes[i..]);
                if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.space = false;
                // (The run's bounds are ASCII bytes, so they are character boundaries.)
                self.text.push_str(s.get(i..run).unwrap_or(""));
                if !self.in_word && bytes[i..run].iter().any(u8::is_ascii_alphanumeric) {
                    self.in_word = true;
                    self.tokens += 1;
                    self.link_tokens += u32::from(in_link);
                }
                i = run;
                continue;
            }
            // Other ASCII is classified byte by byte without decoding.
            let (ch, whitespace) = if b < 0x80 {
                i += 1;
                (b as char, matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
            } else {
                let Some(ch) = s[i..].chars().next() else {
                    break;
                };
                i += ch.len_utf8();
                (ch, ch.is_whitespace())
            };
            if whitespace {
                if pre {
                    self.text.push(if ch == '\u{a0}' { ' ' } else { ch });
                } else {
                    self.space = true;
                }
                self.in_word = false;
                continue;
            }
            if ch.is_control() || ch == '\u{200b}' || ch == '\u{feff}' {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(ch);
            if b >= 0x80 && is_unspaced(ch) {
                self.unspaced += 1;
                self.link_unspaced += u32::from(in_link);
                self.in_word = false;
            } else if !self.in_word && crate::chars::is_alphanumeric(ch) {
                // (Asked only where it matters: Unicode's table is slow to search.)
                self.in_word = true;
                self.tokens += 1;
                self.link_tokens += u32::from(in_link);
            }
        }
    }

    /// Starts a table cell within a row.
    fn cell_break(&mut self, header: bool) {
        let len = self.text.trim_end().len();
        if len > 0 {
            self.text.truncate(len);
            self.text.push_str(CELL_SEPARATOR);
        }
        self.cells.push(self.text.len());
        self.header_row |= header;
        self.space = false;
        self.in_word = false;
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
        self.in_word = false;
    }
}

struct Walker<'t, 'a> {
    dom: View<'t, 'a>,
    elems: Vec<Elem<'a>>,
    blocks: Vec<RawBlock<'a>>,
    stops: PageCounts,
    block_stops: Option<Vec<StopCounts>>,
    frames: Vec<Frame<'a>>,
    keep_links: bool,
    /// `<noscript>` content is read as text (a page parsed with it as markup).
    read_noscript: bool,
    /// The last image met was a placeholder with no address of its own: a `<noscript>`
    /// right after it may hold the real one.
    placeholder_image: bool,
    /// Per element: its last block-level child so far.
    last_child: Vec<u32>,
    pending: Pending<'a>,
    /// Blocks flushed so far, to tell whether a link's text stayed in one block.
    flushes: u32,
    flushed_words: u32,
    flushed_links: u32,
    scratch: String,
    /// The class/id readings of the last few values.
    recent: markers::Recent<markers::Words>,
    sources: PageSources<'a>,
}

/// Which of the tag lists of [`cues`] an element's name is on.
#[derive(Debug, Clone, Copy, Default)]
struct TagLists {
    /// [`cues::BLOCK_TAGS`], or a custom element's name (with a `-`): the elements that
    /// start and end a text block.
    block: bool,
    /// [`cues::DROPPED_TAGS`].
    dropped: bool,
}

/// The names on the lists, by atom: one hash per element instead of a scan of each list.
static TAG_LISTS: LazyLock<
    HashMap<LocalName, TagLists, BuildHasherDefault<crate::stopwords::WordHasher>>,
> = LazyLock::new(|| {
    let mut map: HashMap<LocalName, TagLists, BuildHasherDefault<crate::stopwords::WordHasher>> =
        HashMap::default();
    for &t in cues::BLOCK_TAGS {
        map.entry(LocalName::from(t)).or_default().block = true;
    }
    for &t in cues::DROPPED_TAGS {
        map.entry(LocalName::from(t)).or_default().dropped = true;
    }
    map
});

/// The lists an element's name is on.
fn tag_lists(name: &LocalName) -> TagLists {
    match TAG_LISTS.get(name) {
        Some(&lists) => lists,
        None => TagLists {
            block: name.contains('-'),
            dropped: false,
        },
    }
}

/// The most nodes of a table read to tell data from layout.
const TABLE_SCAN_NODES: usize = 4096;
/// A data table's cells hold short values: at most this many characters on average, and
/// none over the longest.
const DATA_CELL_MEAN_CHARS: usize = 160;
const DATA_CELL_MAX_CHARS: usize = 800;

/// True when a table holds data rather than a page's layout: at least two rows, a steady
/// column count of at least two (or a header), short values in its cells (each may wrap
/// its text in `<p>`), and none of a page's blocks inside it (a nested table, headings, a
/// form, a list of many items).
fn is_data_table(dom: View<'_, '_>, table: NodeId) -> bool {
    let mut stack = vec![table];
    let (mut seen, mut rows, mut header) = (0usize, 0usize, false);
    let mut columns: Vec<usize> = Vec::new();
    let (mut cells, mut cell_chars, mut longest) = (0usize, 0usize, 0usize);
    while let Some(id) = stack.pop() {
        seen += 1;
        if seen > TABLE_SCAN_NODES {
            return false;
        }
        let Some(el) = dom.element(id) else {
            continue;
        };
        let name = el.name();
        match name {
            "table" if id != table => return false,
            "h1" | "h2" | "h3" | "form" | "article" | "nav" | "iframe" | "textarea" => {
                return false
            }
            "thead" => header = true,
            "tr" => {
                rows += 1;
                columns.push(
                    dom.children(id)
                        .filter_map(|c| dom.element(c))
                        .filter(|c| matches!(c.name(), "td" | "th"))
                        .count(),
                );
            }
            "td" | "th" => {
                header |= name == "th";
                cells += 1;
                let chars: usize = dom
                    .descendants(id)
                    .take(TABLE_SCAN_NODES)
                    .filter_map(|d| dom.text(d))
                    .map(|t| t.trim().chars().count())
                    .sum();
                cell_chars += chars;
                longest = longest.max(chars);
            }
            _ => {}
        }
        // Children pushed in reverse, to be read in order.
        let children: Vec<NodeId> = dom.children(id).collect();
        stack.extend(children.into_iter().rev());
    }
    let widest = columns.iter().copied().max().unwrap_or(0);
    let steady = {
        let mut counts = std::collections::HashMap::new();
        for &c in &columns {
            *counts.entry(c).or_insert(0usize) += 1;
        }
        counts
            .into_iter()
            .filter(|&(c, _)| c >= 2)
            .map(|(_, n)| n)
            .max()
            .is_some_and(|n| n * 10 >= rows * 7)
    };
    rows >= 2
        && widest >= 2
        && (steady || header)
        && cells > 0
        && cell_chars <= DATA_CELL_MEAN_CHARS * cells
        && longest <= DATA_CELL_MAX_CHARS
}

/// The longest image address kept, in bytes.
const MAX_NOSCRIPT_SCAN: usize = 2048;

/// True for an address that is a placeholder a script swaps out: a data URI, or a blank,
/// spacer or spinner image by its name.
fn is_placeholder(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    lower.starts_with("data:") || cues::PLACEHOLDER_IMAGES.iter().any(|p| lower.contains(p))
}

/// The largest candidate of an element's `srcset` (or its lazy-loading twin), by its width
/// or density descriptor: the address and its size.
fn largest_in_srcset<'a>(el: &ElementRef<'_, 'a>) -> Option<(&'a str, u32)> {
    let set = cues::SRCSET_ATTRS.iter().find_map(|a| el.attr(*a))?;
    set.split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_ascii_whitespace();
            let url = parts.next()?;
            let size = parts
                .next()
                .and_then(|d| {
                    let d = d.trim_end_matches(['w', 'x', 'W', 'X']);
                    d.parse::<f32>().ok()
                })
                .map_or(1, |v| (v * 100.0) as u32);
            (!is_placeholder(url) && url.len() <= MAX_URL_BYTES).then_some((url, size))
        })
        .max_by_key(|&(_, size)| size)
}

/// An image's address as a reader sees it: the largest `srcset` candidate, else a lazy
/// loader's address (`data-src`), else `src`; never a placeholder or a 1×1 pixel.
fn image_src<'a>(el: &ElementRef<'_, 'a>) -> Option<&'a str> {
    let tiny = |a: &str| {
        el.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v <= 1)
    };
    if tiny("width") || tiny("height") {
        return None;
    }
    let ok = |u: &&str| !u.is_empty() && u.len() <= MAX_URL_BYTES && !is_placeholder(u);
    largest_in_srcset(el)
        .map(|(u, _)| u)
        .or_else(|| {
            cues::LAZY_SRC_ATTRS
                .iter()
                .filter_map(|a| el.attr(*a).map(str::trim))
                .find(ok)
        })
        .or_else(|| el.attr(local_name!("src")).map(str::trim).filter(ok))
}

/// The address of the first `<img>` in a `<noscript>`'s markup (read as text when scripts
/// are on, as browsers read it).
fn noscript_image(markup: &str) -> Option<&str> {
    let mut end = markup.len().min(MAX_NOSCRIPT_SCAN);
    while !markup.is_char_boundary(end) {
        end -= 1;
    }
    let markup = &markup[..end];
    let at = markup.to_ascii_lowercase().find("<img")?;
    let tag = &markup[at..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("src") {
        let i = from + i;
        from = i + 3;
        // The attribute itself, not `data-src` or `srcset`.
        let before = lower[..i].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[i + 3..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let (quote, rest) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &rest[1..]),
            _ => (None, rest),
        };
        let end = match quote {
            Some(q) => rest.find(q),
            None => rest.find(char::is_whitespace),
        }
        .unwrap_or(rest.len());
        let url = rest[..end].trim();
        return (!url.is_empty() && url.len() <= MAX_URL_BYTES && !is_placeholder(url))
            .then_some(url);
    }
    None
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "p" => Kind::Paragraph,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" | "dd" | "dt" => Kind::ListItem,
        "tr" => Kind::TableRow,
        "pre" => Kind::Pre,
        "blockquote" => Kind::Quote,
        "figcaption" | "caption" => Kind::Caption,
        _ => Kind::Other,
    }
}

/// Microdata properties worth reading for metadata.
const MICRODATA_PROPS: &[&str] = &[
    "author",
    "name",
    "headline",
    "datepublished",
    "datemodified",
    "datecreated",
    "publisher",
    "description",
    "image",
    "keywords",
    "articlesection",
];

impl<'t, 'a> Walker<'t, 'a> {
    fn current_elem(&self) -> u32 {
        self.frames.last().map_or(NONE, |f| f.block_owner)
    }

    fn flush(&mut self) {
        let trimmed_len = self
            .pending
            .text
            .trim_end_matches([' ', '\n', '\t', '|'])
            .len();
        let empty = self.pending.text[..trimmed_len].trim_start().is_empty();
        if empty {
            // Images with no text of their own go with the next block.
            let images = std::mem::take(&mut self.pending.images);
            let after_image = self.pending.after_image;
            self.flushed_words += self.pending.words();
            self.flushed_links += self.pending.link_words();
            let text = std::mem::take(&mut self.pending.text);
            self.pending = Pending {
                text,
                images,
                after_image,
                ..Pending::default()
            };
            self.pending.text.clear();
            return;
        }
        self.pending.text.truncate(trimmed_len);
        let elem = self.current_elem();
        let frame = self.frames.last();
        let kind = if frame.is_some_and(|f| f.in_pre) {
            Kind::Pre
        } else {
            self.elems
                .get(elem as usize)
                .map_or(Kind::Other, |e| kind_of(&e.tag))
        };
        let list = if kind == Kind::ListItem {
            frame.and_then(|f| f.list)
        } else {
            None
        };
        let quote_depth = frame.map_or(0, |f| f.quote_depth);
        let hidden = frame.is_some_and(|f| f.hidden);
        let table = if kind == Kind::TableRow {
            frame.map_or(NONE, |f| f.table)
        } else {
            NONE
        };
        // The block gets its text at its length; the grown buffer is kept for the next one
        // (built in a fresh string, a block's text grew by reallocation some six times).
        let mut buffer = std::mem::take(&mut self.pending.text);
        let text = buffer.as_str().to_owned();
        buffer.clear();
        let pending = std::mem::take(&mut self.pending);
        self.pending.text = buffer;
        let (words, link_words) = (pending.words(), pending.link_words());
        // Text that is all link (menus, teaser lists) is judged by its link density; its
        // stopwords are not counted, and it does not vote on the page's language.
        let stop = if link_words >= words {
            StopCounts::default()
        } else {
            stopwords::count(&text, &mut self.scratch)
        };
        self.stops.add(&stop);
        if let Some(kept) = self.block_stops.as_mut() {
            kept.push(stop);
        }
        let commas = count_commas(&text);
        let mut cells = pending.cells;
        cells.retain(|&c| c < text.len());
        let mut links = pending.links;
        links.retain(|l| l.end <= text.len() && l.start < l.end);
        let mut formulas = pending.formulas;
        formulas.retain(|&(start, end)| end <= text.len() && start < end);
        self.flushed_words += words;
        self.flushed_links += link_words;
        self.flushes += 1;
        self.blocks.push(RawBlock {
            elem,
            kind,
            words,
            link_words,
            commas,
            list,
            quote_depth,
            table,
            header_row: pending.header_row,
            after_image: pending.after_image,
            hidden,
            extras: {
                let cells = if kind == Kind::TableRow {
                    cells
                } else {
                    Vec::new()
                };
                let images = pending.images;
                let none = cells.is_empty()
                    && links.is_empty()
                    && images.is_empty()
                    && formulas.is_empty();
                (!none).then(|| {
                    Box::new(Extras {
                        cells,
                        links,
                        images,
                        formulas,
                    })
                })
            },
            text,
        });
    }

    fn total_words(&self) -> (u32, u32) {
        (
            self.flushed_words + self.pending.words(),
            self.flushed_links + self.pending.link_words(),
        )
    }

    /// Records what an element tells about the page's metadata.
    fn note_sources(&mut self, el: ElementRef<'t, 'a>) {
        match el.name() {
            "script" => self.sources.json_ld.extend(json_ld_text(self.dom, el)),
            "time" => {
                if let Some(dt) = el
                    .attr(local_name!("datetime"))
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                {
                    let text = &self.pending.text;
                    let mut from = text.len().saturating_sub(48);
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    let marked = [
                        el.attr(local_name!("class")),
                        el.attr(local_name!("itemprop")),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|v| crate::cues::says_updated(&markers::capped(v).to_lowercase()));
                    let updated = marked || crate::cues::says_updated(&text[from..].to_lowercase());
                    let published = el.attr("pubdate").is_some()
                        || [
                            el.attr(local_name!("class")),
                            el.attr(local_name!("itemprop")),
                        ]
                        .into_iter()
                        .flatten()
                        .any(|v| {
                            let v = markers::capped(v).to_ascii_lowercase();
                            crate::cues::PUBLISHED_MARKS.iter().any(|m| v.contains(m))
                        });
                    let parent = self.frames.last();
                    let teaser = parent.is_some_and(|f| f.in_link || f.list.is_some());
                    self.sources.times.push(TimeSource {
                        datetime: dt,
                        block: self.blocks.len(),
                        updated,
                        published,
                        teaser,
                    });
                }
            }
            _ => {}
        }
        if self.sources.bylines.len() < MAX_BYLINES && names_a_byline(&el) {
            if let Some(text) = collapsed_text(self.dom, el.id)
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty() && t.len() <= MAX_BYLINE_BYTES)
            {
                self.sources.bylines.push((self.blocks.len(), text));
            }
        }
        if let Some(t) = el.attr(local_name!("itemtype")).map(markers::capped) {
            // An element may name several types; the last path step names each. (A page
            // needs few: the list stays bounded even when a typed element is cloned.)
            let room = MAX_ITEMTYPES.saturating_sub(self.sources.itemtypes.len());
            for t in t.split_ascii_whitespace().take(room) {
                self.sources
                    .itemtypes
                    .push(t.rsplit(['/', '#']).next().unwrap_or(t));
            }
        }
        if let Some(prop) = el.attr(local_name!("itemprop")) {
            let prop = prop.trim();
            if MICRODATA_PROPS.iter().any(|p| p.eq_ignore_ascii_case(prop)) {
                let value = match el
                    .attr(local_name!("content"))
                    .or_else(|| el.attr(local_name!("datetime")))
                {
                    Some(v) => Some(v.trim().to_string()),
                    None => collapsed_text(self.dom, el.id),
                };
                if let Some(value) = value.filter(|v| !v.is_empty() && v.len() < MAX_SOURCE_TEXT) {
                    self.sources.microdata.push((prop, value));
                }
            }
        }
    }

    /// Enters an element; returns false when its subtree is to be skipped.
    fn enter(&mut self, el: ElementRef<'t, 'a>) -> bool {
        let atom = el.atom();
        self.note_sources(el);
        if *atom == local_name!("head") {
            read_head(self.dom, el.id, &mut self.sources);
            return false;
        }
        if *atom == local_name!("br") {
            self.pending.line_break();
            return false;
        }
        if *atom == local_name!("img") {
            if self.pending.text.trim().is_empty() {
                self.pending.after_image = true;
            }
            if self.keep_links {
                let src = image_src(&el);
                self.placeholder_image = src.is_none();
                if let Some(src) = src {
                    let alt = el.attr(local_name!("alt")).map(str::trim).unwrap_or("");
                    self.pending.images.push(RawImage {
                        src: src.into(),
                        alt,
                    });
                }
            }
            return false;
        }
        if *atom == local_name!("picture") && self.keep_links {
            // The largest of its sources, else its `img`.
            let children: Vec<ElementRef<'t, 'a>> = self
                .dom
                .children(el.id)
                .filter_map(|c| self.dom.element(c))
                .collect();
            let img = children.iter().find(|c| c.name() == "img");
            let src = children
                .iter()
                .filter(|c| c.name() == "source")
                .filter_map(largest_in_srcset)
                .max_by_key(|&(_, size)| size)
                .map(|(u, _)| u)
                .or_else(|| img.and_then(image_src));
            if self.pending.text.trim().is_empty() {
                self.pending.after_image = true;
            }
            self.placeholder_image = src.is_none();
            if let Some(src) = src {
                let alt = img
                    .and_then(|i| i.attr(local_name!("alt")))
                    .map(str::trim)
                    .unwrap_or("");
                self.pending.images.push(RawImage {
                    src: src.into(),
                    alt,
                });
            }
            return false;
        }
        if *atom == local_name!("noscript") && self.keep_links && self.placeholder_image {
            // A placeholder's real image, in markup for readers without scripts.
            self.placeholder_image = false;
            let text: String = self
                .dom
                .children(el.id)
                .filter_map(|c| self.dom.text(c))
                .collect();
            if let Some(src) = noscript_image(&text) {
                self.pending.images.push(RawImage {
                    src: src.to_string().into(),
                    alt: "",
                });
            }
        }
        if matches!(*atom, local_name!("td") | local_name!("th")) {
            self.pending.cell_break(*atom == local_name!("th"));
        }
        if *atom == local_name!("html") {
            self.sources.html_lang = el
                .attr(local_name!("lang"))
                .filter(|l| !l.trim().is_empty());
        }
        if *atom == local_name!("math") {
            // A formula is text of the sentence around it: its TeX or alternative text where
            // the page gives one, its symbols otherwise.
            if let Some(formula) = formula_text(self.dom, &el) {
                let in_link = self.frames.last().is_some_and(|f| f.in_link);
                // (Inline, as browsers set it: the text around it holds its own spaces.)
                self.pending.push(&formula, in_link, false);
                // (A space before it is written only with the formula's first character.)
                let end = self.pending.text.len();
                let start = end.saturating_sub(formula.len());
                if self.pending.text.get(start..end) == Some(formula.as_str()) {
                    self.pending.formulas.push((start, end));
                }
            }
            return false;
        }
        let lists = tag_lists(el.atom());
        if lists.dropped && !(self.read_noscript && *atom == local_name!("noscript")) {
            return false;
        }
        let hiding = (!matches!(*atom, local_name!("html") | local_name!("body")))
            .then(|| markers::hiding(&el))
            .flatten();
        if hiding == Some(Hiding::ScreenReader) {
            return false;
        }
        let parent = self.frames.last();
        let hidden = parent.is_some_and(|f| f.hidden) || hiding.is_some();
        let in_link =
            parent.is_some_and(|f| f.in_link) || (*atom == local_name!("a") && is_link(&el));
        let in_pre = parent.is_some_and(|f| f.in_pre) || *atom == local_name!("pre");
        let outer_article = parent.is_some_and(|f| f.in_article);
        let in_article =
            outer_article || matches!(*atom, local_name!("article") | local_name!("main"));
        let mut list = parent.and_then(|f| f.list);
        let mut quote_depth = parent.map_or(0, |f| f.quote_depth);
        let mut table = parent.map_or(NONE, |f| f.table);
        let mut data_table = parent.is_some_and(|f| f.data_table);
        let mut in_data_cell = parent.is_some_and(|f| f.in_data_cell);
        match *atom {
            local_name!("table") => {
                data_table = is_data_table(self.dom, el.id);
                in_data_cell = false;
            }
            local_name!("td") | local_name!("th") => in_data_cell = data_table,
            _ => {}
        }
        // In a data table's cell, a paragraph or a box is a line of the cell.
        let block = lists.block
            && (!in_data_cell || matches!(*atom, local_name!("td") | local_name!("th")));
        if in_data_cell && lists.block && *atom != local_name!("table") {
            self.pending.space = true;
        }
        let mut elem = NONE;
        if block {
            self.flush();
            elem = self.elems.len() as u32;
            let parent = self.current_elem();
            if parent != NONE {
                let p = parent as usize;
                match self.last_child.get(p).copied().filter(|&c| c != NONE) {
                    Some(prev) => self.elems[prev as usize].next_sibling = elem,
                    None => self.elems[p].first_child = elem,
                }
                self.last_child[p] = elem;
            }
            self.last_child.push(NONE);
            let markers::Reading {
                mut cue,
                kinds,
                class_signature,
            } = markers::element_cue_reading(&el, true, &mut self.recent);
            if cue.chrome.is_some() && id_names_heading(self.dom, &el) {
                cue = markers::element_cue_reading(&el, false, &mut self.recent).cue;
            }
            // A header inside an article is the article's own (headline, standfirst), not the
            // page's banner.
            if outer_article && cue.chrome == Some("header") {
                cue = markers::Cue::default();
            }
            self.elems.push(Elem {
                tag: el.local_name(),
                attrs: el.attr_slice(),
                parent,
                first_child: NONE,
                next_sibling: NONE,
                cue,
                kinds,
                class_signature,
                words: 0,
                link_words: 0,
                first_block: self.blocks.len() as u32,
                end_block: self.blocks.len() as u32,
            });
            match *atom {
                local_name!("ul")
                | local_name!("ol")
                | local_name!("dl")
                | local_name!("menu")
                | local_name!("dir") => {
                    let depth = list.map_or(1, |l| l.depth.saturating_add(1));
                    list = Some(ListCtx {
                        id: elem,
                        ordered: *atom == local_name!("ol"),
                        depth,
                    });
                }
                local_name!("blockquote") => quote_depth = quote_depth.saturating_add(1),
                local_name!("table") => table = elem,
                local_name!("tr") => {
                    self.pending.cells.clear();
                    self.pending.header_row = false;
                }
                _ => {}
            }
        }
        let (words_at, links_at) = self.total_words();
        let block_owner = if block { elem } else { self.current_elem() };
        let link = if self.keep_links && *atom == local_name!("a") {
            el.attr(local_name!("href"))
                .map(str::trim)
                .filter(|h| {
                    !h.is_empty()
                        && h.len() <= MAX_URL_BYTES
                        && !h.starts_with('#')
                        && !h
                            .get(..11)
                            .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
                })
                .map(|h| (h, self.pending.text.len(), self.flushes))
        } else {
            None
        };
        self.frames.push(Frame {
            elem,
            block_owner,
            in_link,
            in_pre,
            in_article,
            hidden,
            list,
            quote_depth,
            table,
            data_table,
            in_data_cell,
            link,
            words_at,
            links_at,
        });
        true
    }

    fn leave(&mut self) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if let Some((href, start, flushes)) = frame.link {
            // The link's text is kept only when it stayed within one block (and the block's
            // text was not cut back past its start, as a table cell's trimming can).
            let text = &self.pending.text;
            if let Some(tail) = text.get(start..).filter(|_| flushes == self.flushes) {
                let start = start + (tail.len() - tail.trim_start().len());
                let end = text.trim_end().len();
                if start < end {
                    self.pending.links.push(RawLink { start, end, href });
                }
            }
        }
        if frame.elem != NONE {
            self.flush();
        }
        let (w, l) = self.total_words();
        if let Some(frame) = self.frames.pop() {
            if let Some(e) = self.elems.get_mut(frame.elem as usize) {
                e.words = w - frame.words_at;
                e.link_words = l - frame.links_at;
                e.end_block = self.blocks.len() as u32;
            }
        }
    }

    fn text(&mut self, s: &str) {
        let (in_link, in_pre) = self
            .frames
            .last()
            .map_or((false, false), |f| (f.in_link, f.in_pre));
        // Text in decomposed form (a base letter, then its combining accent) is composed
        // (Unicode NFC), so that it matches what readers, stoplists and indexes spell.
        if s.is_ascii() {
            self.pending.push(s, in_link, in_pre);
        } else {
            let nfc = ComposingNormalizerBorrowed::new_nfc().normalize(s);
            self.pending.push(&nfc, in_link, in_pre);
        }
    }
}

/// Commas, including the CJK and Arabic ones (readability's cue for prose).
fn count_commas(text: &str) -> u32 {
    let ascii = text.bytes().filter(|&b| b == b',').count();
    let other = if text.is_ascii() {
        0
    } else {
        text.chars()
            .filter(|c| matches!(c, '，' | '、' | '،'))
            .count()
    };
    (ascii + other) as u32
}

/// Text of the descendants of `node`, whitespace collapsed; `None` when it would exceed
/// `MAX_SOURCE_TEXT` bytes or `MAX_SOURCE_NODES` nodes. Metadata values are short, and the
/// bound keeps nested `itemprop` elements from making the walk quadratic.
fn collapsed_text(dom: View<'_, '_>, node: NodeId) -> Option<String> {
    let mut p = Pending::default();
    for (seen, d) in dom.descendants(node).enumerate() {
        if seen > MAX_SOURCE_NODES || p.text.len() > MAX_SOURCE_TEXT {
            return None;
        }
        if let Some(t) = dom.text(d) {
            p.push(t, false, false);
        }
    }
    Some(p.text)
}

/// How many byline elements a page's sources keep, and how long a byline's text may be.
const MAX_BYLINES: usize = 32;
const MAX_BYLINE_BYTES: usize = 120;

/// Class tokens of the boxes that hold a byline.
const BYLINE_CLASSES: &[&str] = &[
    "byline",
    "author",
    "author-name",
    "byline-name",
    "byline__name",
    "posted-by",
    "entry-author",
    "post-author",
    "article-author",
    "author_name",
    "authorname",
];

/// True for an element that holds a byline: a link with `rel=author`, an `<address>`, or a
/// box whose class names the byline or the author.
fn names_a_byline(el: &ElementRef<'_, '_>) -> bool {
    let name = el.name();
    if name == "a" {
        return el.attr(local_name!("rel")).is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        });
    }
    if name == "address" {
        return true;
    }
    matches!(name, "span" | "div" | "p" | "li")
        && el.attr(local_name!("class")).is_some_and(|c| {
            markers::capped(c)
                .split_ascii_whitespace()
                .any(|t| BYLINE_CLASSES.iter().any(|b| b.eq_ignore_ascii_case(t)))
        })
}

/// Longest formula text kept.
const MAX_FORMULA_BYTES: usize = 2000;

/// The text of a MathML formula: its `alttext`, or its TeX annotation, or else the text of
/// its symbols (annotations aside), whitespace collapsed. Bounded in nodes and bytes.
fn formula_text(dom: View<'_, '_>, el: &ElementRef<'_, '_>) -> Option<String> {
    // Whitespace collapsed, and the `{\displaystyle …}` wrapper of generated TeX unwrapped.
    let collapse = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        match s
            .strip_prefix("{\\displaystyle ")
            .and_then(|r| r.strip_suffix('}'))
        {
            Some(inner) => inner.trim().to_string(),
            None => s,
        }
    };
    if let Some(alt) = el
        .attr(local_name!("alttext"))
        .map(collapse)
        .filter(|a| !a.is_empty())
    {
        return Some(alt).filter(|a| a.len() <= MAX_FORMULA_BYTES);
    }
    let mut symbols = String::new();
    let mut tex = None;
    let mut skip_below: Option<NodeId> = None;
    for (seen, n) in dom.descendants(el.id).enumerate() {
        if seen > MAX_SOURCE_NODES * 10 || symbols.len() > MAX_FORMULA_BYTES {
            return None;
        }
        if let Some(skip) = skip_below {
            if is_below(dom, n, skip) {
                continue;
            }
            skip_below = None;
        }
        if let Some(e) = dom.element(n) {
            if matches!(e.name(), "annotation" | "annotation-xml") {
                let is_tex = e
                    .attr(local_name!("encoding"))
                    .is_some_and(|enc| enc.to_ascii_lowercase().contains("tex"));
                if is_tex && tex.is_none() {
                    tex = collapsed_text(dom, n).map(|t| collapse(&t));
                }
                skip_below = Some(n);
            }
        } else if let Some(t) = dom.text(n) {
            symbols.push_str(t.trim());
        }
    }
    tex.filter(|t| !t.is_empty())
        .or(Some(collapse(&symbols)))
        .filter(|t| !t.is_empty() && t.len() <= MAX_FORMULA_BYTES)
}

/// True when `node` lies below `ancestor` (a bounded climb: formulas are shallow).
fn is_below(dom: View<'_, '_>, node: NodeId, ancestor: NodeId) -> bool {
    let mut at = node;
    for _ in 0..64 {
        match dom.node(at).map(|n| n.parent) {
            Some(p) if p == ancestor => return true,
            Some(p) if p != NO_NODE => at = p,
            _ => return false,
        }
    }
    false
}

/// True when the element's `id` spells the heading it labels: a slug that a site made from
/// the heading (`<section id="sharing-with-a-single-developer"><h2>Sharing with a single
/// developer</h2>`), whose words ("sharing", "related") say nothing about the element. The
/// heading is the element itself or its first element child (or that child's first). Three
/// words of the id at least must be words of the heading, and all its words but one: a
/// generator's prefix or a number may come with the slug (`1-heading-how-popular-are-…`,
/// `section-related-work-and-sources`).
fn id_names_heading(dom: View<'_, '_>, el: &ElementRef<'_, '_>) -> bool {
    let Some(id) = el.attr(local_name!("id")) else {
        return false;
    };
    let words: Vec<String> = id
        .split(['-', '_'])
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect();
    if words.len() < 3
        || words
            .iter()
            .any(|w| !w.chars().all(crate::chars::is_alphanumeric))
    {
        return false;
    }
    let is_heading = |n: NodeId| {
        dom.element(n)
            .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    };
    let first_element = |n: NodeId| dom.children(n).find(|&c| dom.element(c).is_some());
    let heading = if is_heading(el.id) {
        Some(el.id)
    } else {
        let first = first_element(el.id);
        first
            .filter(|&f| is_heading(f))
            .or_else(|| first.and_then(first_element).filter(|&f| is_heading(f)))
    };
    let Some(text) = heading.and_then(|h| collapsed_text(dom, h)) else {
        return false;
    };
    let text = text.to_lowercase();
    let heading_words: Vec<&str> = text
        .split(|c: char| !crate::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let found = words
        .iter()
        .filter(|w| heading_words.contains(&w.as_str()))
        .count();
    found >= 3 && found + 1 >= words.len()
}

/// Bounds on the text read for one metadata value (see [`collapsed_text`]).
const MAX_SOURCE_TEXT: usize = 1000;
const MAX_SOURCE_NODES: usize = 200;

/// Walks the document once and returns its blocks, its block-level elements and its
/// metadata sources.
#[cfg(test)]
pub(crate) fn segment<'a>(
    dom: View<'_, 'a>,
    keep_links: bool,
    keep_block_stops: bool,
    read_noscript: bool,
) -> Segmentation<'a> {
    let none = crate::limits::Deadline::after(None);
    match segment_until(dom, keep_links, keep_block_stops, read_noscript, &none) {
        Ok(seg) => seg,
        Err(e) => unreachable!("no deadline, no error: {e}"),
    }
}

/// Walks the tree into blocks, checking `deadline` as it goes.
///
/// # Errors
///
/// [`Error::Timeout`](crate::Error::Timeout) once the deadline has passed.
pub(crate) fn segment_until<'a>(
    dom: View<'_, 'a>,
    keep_links: bool,
    keep_block_stops: bool,
    read_noscript: bool,
    deadline: &crate::limits::Deadline,
) -> Result<Segmentation<'a>, crate::error::Error> {
    // Every element is at most one entry, and every block holds text from at least one text
    // node: reserving that much up front spares the copies (and the slack) of doubling. Pages
    // not yet touched cost no memory.
    let (elements, texts) = dom.counts();
    let mut w = Walker {
        dom,
        keep_links,
        read_noscript,
        placeholder_image: false,
        elems: Vec::with_capacity(elements),
        blocks: Vec::with_capacity(texts),
        stops: PageCounts::default(),
        block_stops: keep_block_stops.then(|| Vec::with_capacity(texts)),
        frames: Vec::new(),
        last_child: Vec::with_capacity(elements),
        pending: Pending::default(),
        flushes: 0,
        flushed_words: 0,
        flushed_links: 0,
        scratch: String::new(),
        recent: markers::Recent::default(),
        sources: PageSources::default(),
    };
    let mut id = dom.node(DOCUMENT).map_or(NO_NODE, |d| d.first_child);
    while let Some(node) = dom.node(id) {
        deadline.tick("segment")?;
        let descend = if let Some(el) = dom.element(id) {
            w.enter(el)
        } else {
            if let Some(t) = dom.text(id) {
                w.text(t);
            }
            false
        };
        if descend {
            if node.first_child != NO_NODE {
                id = node.first_child;
                continue;
            }
            w.leave();
        }
        // Climb until a next sibling is found, leaving each element on the way.
        let mut at = node;
        id = loop {
            if at.next_sibling != NO_NODE {
                break at.next_sibling;
            }
            match dom.node(at.parent) {
                Some(p) if at.parent != DOCUMENT => {
                    at = p;
                    w.leave();
                }
                _ => break NO_NODE,
            }
        };
    }
    while !w.frames.is_empty() {
        w.leave();
    }
    w.flush();
    // The tables grew by doubling; on a large page the slack is worth returning.
    w.elems.shrink_to_fit();
    w.blocks.shrink_to_fit();
    Ok(Segmentation {
        elems: w.elems,
        blocks: w.blocks,
        stops: w.stops,
        block_stops: w
            .block_stops
            .map(|mut s| {
                s.shrink_to_fit();
                s
            })
            .unwrap_or_default(),
        sources: w.sources,
    })
}

impl Segmentation<'_> {
    /// Words in blocks that read as prose: not mostly links, and of some length. A page whose
    /// visible text has almost none is an empty shell drawn by scripts.
    pub(crate) fn prose_words(&self) -> u32 {
        self.blocks
            .iter()
            .filter(|b| b.words >= 10 && b.link_words * 2 < b.words)
            .map(|b| b.words)
            .sum()
    }
}

/// The text of a `<script type="application/ld+json">`, if `el` is one.
fn json_ld_text(dom: View<'_, '_>, el: ElementRef<'_, '_>) -> Option<String> {
    let ld = el
        .attr(local_name!("type"))
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
    let text: String = if ld {
        dom.children(el.id).filter_map(|c| dom.text(c)).collect()
    } else {
        String::new()
    };
    (!text.trim().is_empty()).then_some(text)
}

/// Reads `<title>`, `<meta>`, `<link rel=canonical>`, `<base>` and JSON-LD from the head.
fn read_head<'a>(dom: View<'_, 'a>, head: NodeId, sources: &mut PageSources<'a>) {
    for d in dom.descendants(head) {
        let Some(el) = dom.element(d) else {
            continue;
        };
        match el.name() {
            "title" if sources.title.is_none() => {
                sources.title = collapsed_text(dom, d)
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty());
            }
            "meta" => {
                let key = el
                    .attr(local_name!("property"))
                    .or_else(|| el.attr(local_name!("name")))
                    .or_else(|| el.attr(local_name!("itemprop")));
                if let (Some(k), Some(c)) = (key, el.attr(local_name!("content"))) {
                    if !k.trim().is_empty() && !c.trim().is_empty() {
                        sources.meta.push((k.trim(), c.trim()));
                    }
                }
            }
            "link" if sources.canonical.is_none() => {
                let canonical = el.attr(local_name!("rel")).is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    sources.canonical = el
                        .attr(local_name!("href"))
                        .map(str::trim)
                        .filter(|h| !h.is_empty());
                }
            }
            "base" if sources.base_href.is_none() => {
                sources.base_href = el
                    .attr(local_name!("href"))
                    .map(str::trim)
                    .filter(|h| !h.is_empty());
            }
            "script" => sources.json_ld.extend(json_ld_text(dom, el)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;

    fn blocks(html: &str) -> Vec<(String, u32, u32)> {
        let doc = Dom::parse(html, true);
        let seg = segment(doc.view(), false, true, false);
        seg.blocks
            .into_iter()
            .map(|b| (b.text, b.words, b.link_words))
            .collect()
    }

    #[test]
    fn splits_at_block_boundaries_and_joins_inline_text() {
        let b =
            blocks("<div>Intro <b>bold</b> text<p>First <a href=x>link here</a>.</p>tail</div>");
        assert_eq!(
            b,
            vec![
                ("Intro bold text".to_string(), 3, 0),
                ("First link here.".to_string(), 3, 2),
                ("tail".to_string(), 1, 0)
            ]
        );
    }

    #[test]
    fn drops_scripts_styles_screen_reader_text_and_controls() {
        let b = blocks(
            "<p>keep</p><script>var x</script><style>p{}</style><p class=sr-only>h</p>\
             <button>Share</button><noscript>n</noscript><p>also</p>",
        );
        let texts: Vec<_> = b.into_iter().map(|x| x.0).collect();
        assert_eq!(texts, vec!["keep", "also"]);
    }

    #[test]
    fn text_hidden_until_shown_is_kept_and_marked() {
        let doc = Dom::parse(
            "<p>shown</p><div style='display:none'><p>in a tab</p></div><p hidden>later</p>",
            true,
        );
        let seg = segment(doc.view(), false, true, false);
        let b: Vec<(&str, bool)> = seg
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.hidden))
            .collect();
        assert_eq!(b, [("shown", false), ("in a tab", true), ("later", true)]);
    }

    #[test]
    fn decomposed_text_is_composed() {
        let b = blocks("<p>gepru\u{308}ft und <b>Cafe\u{301}</b></p>");
        assert_eq!(b[0].0, "geprüft und Café");
    }

    #[test]
    fn ruby_annotations_are_not_text() {
        let b =
            blocks("<p><ruby>漢<rp>(</rp><rt>かん</rt>字<rp>(</rp><rt>じ</rt></ruby>を読む</p>");
        assert_eq!(b[0].0, "漢字を読む");
    }

    #[test]
    fn words_inside_tags_are_not_split() {
        let b = blocks("<p>Hel<i>lo</i> wor<b>ld</b></p>");
        assert_eq!(b[0], ("Hello world".to_string(), 2, 0));
    }

    #[test]
    fn unspaced_scripts_count_two_characters_a_word() {
        let b = blocks("<p>这是一个测试</p>");
        assert_eq!(b[0].1, 3);
    }

    #[test]
    fn pre_keeps_whitespace_and_title_is_read() {
        let doc = Dom::parse(
            "<html><head><title>T | Site</title><meta property='og:title' content='T'></head>\
             <body><pre>fn main() {\n    x();\n}</pre></body></html>",
            true,
        );
        let seg = segment(doc.view(), false, true, false);
        assert_eq!(seg.blocks[0].text, "fn main() {\n    x();\n}");
        assert_eq!(seg.blocks[0].kind, Kind::Pre);
        assert_eq!(seg.sources.title.as_deref(), Some("T | Site"));
        assert_eq!(seg.sources.meta, vec![("og:title", "T")]);
    }

    #[test]
    fn element_counts_cover_their_subtree() {
        let doc = Dom::parse(
            "<div id=a><p>one two</p><ul><li><a href=#>three</a></li></ul></div>",
            true,
        );
        let seg = segment(doc.view(), false, true, false);
        let div = seg
            .elems
            .iter()
            .find(|e| e.id() == Some("a"))
            .map(|e| (e.words, e.link_words));
        assert_eq!(div, Some((3, 1)));
    }

    #[test]
    fn lists_tables_quotes_and_links_keep_their_structure() {
        let doc = Dom::parse(
            "<ol><li>one<ul><li>inner</li></ul></li></ol>\
             <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
             <blockquote><p>Quoted <a href='/x'>link</a> text</p></blockquote>",
            true,
        );
        let seg = segment(doc.view(), true, true, false);
        let b = &seg.blocks;
        assert_eq!(b[0].text, "one");
        let (outer, inner) = (b[0].list.expect("list"), b[1].list.expect("list"));
        assert!(outer.ordered && outer.depth == 1);
        assert!(!inner.ordered && inner.depth == 2);
        assert_eq!(b[2].text, "A | B");
        assert!(b[2].header_row && !b[3].header_row);
        assert_eq!(b[2].cells(), [0, 4]);
        assert_eq!(b[2].table, b[3].table);
        assert_eq!(b[4].quote_depth, 1);
        let link = b[4].links()[0];
        assert_eq!(
            (&b[4].text[link.start..link.end], link.href),
            ("link", "/x")
        );
    }

    #[test]
    fn metadata_sources_are_gathered() {
        let doc = Dom::parse(
            "<html lang=de><head><link rel=canonical href='https://e.org/a'><base href='https://e.org/'>\
             <script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script></head>\
             <body><span itemprop=author>Jane Roe</span><time datetime='2020-01-02'>2 Jan</time></body></html>", true);
        let seg = segment(doc.view(), false, true, false);
        let s = &seg.sources;
        assert_eq!(s.html_lang, Some("de"));
        assert_eq!(s.canonical, Some("https://e.org/a"));
        assert_eq!(s.base_href, Some("https://e.org/"));
        assert_eq!(s.json_ld.len(), 1);
        assert_eq!(s.microdata, vec![("author", "Jane Roe".to_string())]);
        assert_eq!(
            s.times.iter().map(|t| t.datetime).collect::<Vec<_>>(),
            vec!["2020-01-02"]
        );
    }
}
