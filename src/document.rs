//! Stage 6 — assemble: the public result of an extraction.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Whether a block belongs to the article.
///
/// ```
/// let doc = dechrome::extract("<nav><a href=/>Home</a></nav><article><p>The ferry leaves at nine \
///     and returns at six, weather allowing, from the north pier.</p></article>")?;
/// assert_eq!(doc.blocks.last().map(|b| b.label), Some(dechrome::Label::Content));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize, Deserialize),
    serde(rename_all = "lowercase")
)]
pub enum Label {
    /// Part of the main content.
    Content,
    /// Chrome around it: navigation, teasers, notices, share bars, comments, footers.
    Boilerplate,
}

/// What kind of text a block is, from the element that holds it.
///
/// ```
/// use dechrome::BlockKind;
/// let doc = dechrome::extract("<article><h2>Times</h2><ul><li>Nine in the morning</li></ul>\
///     <p>The ferry leaves at nine and returns at six, weather allowing.</p></article>")?;
/// let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.features.kind).collect();
/// assert_eq!(kinds, [BlockKind::Heading(2), BlockKind::ListItem, BlockKind::Paragraph]);
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize, Deserialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph (`p`).
    Paragraph,
    /// A heading `h1`–`h6`, with its level.
    Heading(u8),
    /// A list item (`li`, `dt`, `dd`).
    ListItem,
    /// A table row (`tr`), its cells separated by ` | `.
    TableRow,
    /// Preformatted text (`pre`), whitespace kept.
    Pre,
    /// A block quotation.
    Quote,
    /// A figure or table caption.
    Caption,
    /// Text held directly by another block element (`div`, `section`, …).
    Other,
}

/// The features of a block, from which its score is computed.
///
/// ```
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine, and returns at six.</p></article>")?;
/// let f = &doc.blocks[0].features;
/// assert_eq!((f.words, f.commas, f.link_words), (9, 1, 0));
/// assert_eq!(f.path, "html>body>article>p");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Features {
    /// Kind of text (paragraph, heading, list item…).
    pub kind: BlockKind,
    /// Tag of the block-level element holding the text (borrowed for the standard tags,
    /// so that a page's many blocks do not each allocate it).
    pub tag: Cow<'static, str>,
    /// Tag path from the root to that element (at most the last 16 steps).
    pub path: String,
    /// `#id` and `.class` tokens of the element and its ancestors, nearest first (at most
    /// 200 bytes).
    pub class_id: String,
    /// Position among the page's blocks (0-based).
    pub position: usize,
    /// Position as a share of the page (0.0 = first block, 1.0 = last).
    pub relative_position: f32,
    /// Words (for scripts without spaces, two characters count as a word).
    pub words: u32,
    /// Words inside links.
    pub link_words: u32,
    /// Words per wrapped 80-character line (boilerpipe's text density).
    pub text_density: f32,
    /// Share of words inside links.
    pub link_density: f32,
    /// Share of function words of the page's language (jusText's stopword density).
    pub stopword_density: f32,
    /// Commas in the text (readability's cue for prose).
    pub commas: u32,
    /// Inside the main-content region.
    pub in_region: bool,
    /// The chrome marker that applies to the block, if any (`"nav"`, `"related"`, …).
    pub chrome_cue: Option<String>,
    /// Hidden until a script shows it (a tab, an accordion, a menu, a dialog).
    pub hidden: bool,
}

/// Where a block stands in a list.
///
/// ```
/// let doc = dechrome::extract("<article><ol><li>Warm the pot.</li><li>Add the leaves.</li></ol></article>")?;
/// let list = doc.blocks[1].structure.list.expect("a list item");
/// assert!(list.ordered && list.depth == 1);
/// assert_eq!(doc.blocks[0].structure.list.map(|l| l.list), Some(list.list));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct ListInfo {
    /// An id shared by the items of one list (opaque).
    pub list: u32,
    /// A numbered list (`ol`).
    pub ordered: bool,
    /// 1 for a top-level list, 2 for a list inside an item, and so on.
    pub depth: u8,
}

/// Where a block stands in a table: a row and its cells.
///
/// ```
/// let doc = dechrome::extract("<article><table><tr><th>Day</th><th>Ferry</th></tr>\
///     <tr><td>Monday</td><td>9:00</td></tr></table></article>")?;
/// let row = doc.blocks[1].structure.table.as_ref().expect("a table row");
/// assert_eq!(row.cells, ["Monday", "9:00"]);
/// assert!(!row.header && doc.blocks[0].structure.table.as_ref().is_some_and(|t| t.header));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct TableInfo {
    /// An id shared by the rows of one table (opaque).
    pub table: u32,
    /// A row of header cells (`th`).
    pub header: bool,
    /// The cells' texts.
    pub cells: Vec<String>,
}

/// A link in a block's text.
///
/// ```
/// let extractor = dechrome::Extractor::builder().keep_links(true).build();
/// let doc = extractor.document(&dechrome::Page::from_text("<p>The <a href='https://example.org/t'>timetable</a> has changed.</p>"))?;
/// let link = &doc.blocks[0].structure.links[0];
/// assert_eq!(&doc.blocks[0].text[link.start..link.end], "timetable");
/// assert_eq!(link.url, "https://example.org/t");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Link {
    /// Byte offset where the anchor text starts in [`Block::text`].
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The target, made absolute when a base URL is known.
    pub url: String,
}

/// A formula (MathML) in a block's text: its TeX or alternative text where the page gave
/// one, its symbols otherwise. Markdown writes it as inline math in a code span, `` $`…`$ ``.
///
/// ```
/// let page = "<p>Einstein showed that <math alttext=\"E = mc^2\"><mi>E</mi><mo>=</mo>\
///     <mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> for a body at rest, and the \
///     rest of physics had to follow.</p>";
/// let doc = dechrome::extract(page)?;
/// assert!(doc.text.contains("showed that E = mc^2 for a body"));
/// let f = &doc.blocks[0].structure.formulas[0];
/// assert_eq!(&doc.blocks[0].text[f.start..f.end], "E = mc^2");
/// assert!(doc.to_markdown().contains("$` E = mc^2 `$"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Formula {
    /// Byte offset where the formula starts in [`Block::text`].
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
}

/// An image in or just before a block.
///
/// ```
/// let extractor = dechrome::Extractor::builder().keep_links(true).build();
/// let doc = extractor.document(&dechrome::Page::from_text("<article><p><img src='https://example.org/pier.jpg' alt='The pier'>\
///     The ferry leaves at nine and returns at six, weather allowing.</p></article>"))?;
/// let image = &doc.blocks[0].structure.images[0];
/// assert_eq!((image.src.as_str(), image.alt.as_str()), ("https://example.org/pier.jpg", "The pier"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Image {
    /// The image's URL, made absolute when a base URL is known.
    pub src: String,
    /// Its alternative text.
    pub alt: String,
}

/// The block's place in the article's structure. Links and images are recorded when the
/// extractor keeps links ([`ExtractorBuilder::keep_links`](crate::ExtractorBuilder::keep_links)).
///
/// ```
/// let doc = dechrome::extract("<article><blockquote><p>We will be back on Monday.</p></blockquote></article>")?;
/// assert_eq!(doc.blocks[0].structure.quote_depth, 1);
/// assert!(doc.blocks[0].structure.links.is_empty(), "links are recorded only when kept");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Structure {
    /// The list the block is an item of.
    pub list: Option<ListInfo>,
    /// How many block quotations hold the block.
    pub quote_depth: u8,
    /// The table the block is a row of.
    pub table: Option<TableInfo>,
    /// Links in the text.
    pub links: Vec<Link>,
    /// Images.
    pub images: Vec<Image>,
    /// Formulas in the text.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub formulas: Vec<Formula>,
}

/// A run of text between block-level boundaries, with its label and why.
///
/// ```
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine and returns at six, weather \
///     allowing, from the north pier.</p></article>")?;
/// let block = &doc.blocks[0];
/// assert!(block.is_content() && block.role.is_none());
/// assert!(block.text.starts_with("The ferry"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Block {
    /// The text, whitespace collapsed (kept as is inside `pre`).
    pub text: String,
    /// Content or boilerplate.
    pub label: Label,
    /// Sum of the contributions; compared with the threshold of the [`Favor`](crate::Favor).
    pub score: f32,
    /// The terms of the score.
    pub contributions: Vec<crate::score::explain::Contribution>,
    /// The measured features.
    pub features: Features,
    /// Its place in the article's structure (list, table, quotation, links, images).
    pub structure: Structure,
    /// Set when the block is a metadata line (byline, dateline): such blocks are never part
    /// of the body text.
    pub role: Option<crate::metadata::MetaRole>,
}

impl Block {
    /// True when the block is part of the main content.
    ///
    /// ```
    /// let doc = dechrome::extract("<p>The ferry leaves at nine and returns at six, weather allowing.</p>")?;
    /// assert!(doc.blocks[0].is_content());
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn is_content(&self) -> bool {
        self.label == Label::Content
    }
}

/// One feature of the page that its type was told from.
///
/// ```
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine and returns at six.</p></article>")?;
/// let features = &doc.page_type_evidence.features;
/// assert!(features.iter().all(|f| !f.name.is_empty() && f.value.is_finite()));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct PageFeature {
    /// The feature's name (`"group_share"`, `"ld_product"`, `"url_docs"`, …).
    pub name: String,
    /// Its value on this page.
    pub value: f32,
    /// The part it played towards the detected type: its weight times its standardised
    /// value (positive: for the type).
    pub part: f32,
    /// The page gives no such signal (no URL, no declared type, no HTML5 sectioning tags):
    /// the feature was set neutral, and played no part.
    #[cfg_attr(feature = "serde", serde(default))]
    pub neutral: bool,
}

/// Why the page was given its [`PageType`](crate::PageType).
///
/// ```
/// use dechrome::PageType;
///
/// let item = |n: u32| format!(
///     "<li class=result><h3><a href=/jobs/{n}>Backend engineer number {n}</a></h3>\
///      <p>Remote, full time. $90,000 to $120,000 a year.</p><span>Posted 2 days ago</span></li>");
/// let items: String = (1..=12).map(item).collect();
/// let page = format!("<html><head><link rel=canonical href='https://example.org/jobs/'></head>\
///     <body><h1>Remote jobs</h1><ul class=results>{items}</ul></body></html>");
/// let doc = dechrome::extract(&page)?;
/// let evidence = &doc.page_type_evidence;
/// // Every type has a probability, most probable first, and every feature is listed.
/// assert_eq!(evidence.probabilities.len(), 7);
/// assert_eq!(evidence.probabilities[0].0, doc.page_type);
/// let group = evidence.features.iter().find(|f| f.name == "group_items").unwrap();
/// assert!(group.value > 2.0, "twelve look-alike items, on a log scale");
/// assert_ne!(doc.page_type, PageType::Article);
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct PageTypeEvidence {
    /// Each type's probability under the page-type model, most probable first.
    pub probabilities: Vec<(crate::PageType, f32)>,
    /// The type whose reading was applied: the page's type, or `Article` for a page of
    /// another type the readings do not tell apart (`Other`, `Recipe`, `Video`, `Profile`).
    pub read_as: crate::PageType,
    /// The expected loss of reading the page as each type (the model's order): the sum, over
    /// the types it may be, of each type's probability times what that reading measurably
    /// costs a page of that type, plus a fixed cost for naming the type wrong. The page is
    /// read with the least among those it gives positive evidence for. `None` marks a
    /// reading with less expected loss than the chosen one that was refused: the page gives
    /// no evidence for it (no run of items for a listing, no thread words for a forum), or it
    /// has the shape of an article and the model is not sure enough of the other type.
    #[cfg_attr(feature = "serde", serde(default))]
    pub expected_loss: Vec<(crate::PageType, Option<f32>)>,
    /// The page has the shape of an article: one body of prose in its main region, which
    /// the rest of the page only points away from. Another type must then be sure.
    #[cfg_attr(feature = "serde", serde(default))]
    pub article_like: bool,
    /// Every feature of the page, in the model's order.
    pub features: Vec<PageFeature>,
    /// The type was given with the page ([`Page::page_type`](crate::Page::page_type)), not
    /// detected: the page was read as that type.
    #[cfg_attr(feature = "serde", serde(default))]
    pub given: bool,
}

/// The result of an extraction: the article's text and every block with its label.
///
/// ```
/// let doc = dechrome::extract("<html lang=en><head><title>Ferry times</title></head><body>\
///     <article><p>The ferry leaves at nine and returns at six, weather allowing.</p></article></body></html>")?;
/// assert_eq!(doc.metadata.title.as_deref(), Some("Ferry times"));
/// assert_eq!(doc.text, "The ferry leaves at nine and returns at six, weather allowing.");
/// assert_eq!(doc.encoding, "UTF-8");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Document {
    /// Everything the page says about itself: authors, dates, site, description…
    pub metadata: crate::metadata::Metadata,
    /// The main content: content blocks, paragraphs separated by blank lines.
    pub text: String,
    /// The character encoding the page was decoded with (`"UTF-8"` for `&str` input).
    pub encoding: String,
    /// What kind of page this is, detected from its structure (with what it declares and
    /// its URL as hints): the main content of a listing is its items, of a forum its posts.
    pub page_type: crate::PageType,
    /// Why the page was given that type.
    pub page_type_evidence: PageTypeEvidence,
    /// Every block of the page in document order, content and boilerplate.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The content blocks, in document order.
    ///
    /// ```
    /// let doc = dechrome::extract("<nav><a href=/>Home</a></nav><article><p>The ferry leaves at nine \
    ///     and returns at six, weather allowing, from the north pier.</p></article>")?;
    /// let texts: Vec<&str> = doc.content_blocks().map(|b| b.text.as_str()).collect();
    /// assert_eq!(texts, [doc.text.as_str()]);
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_content())
    }

    /// Every link of the page, boilerplate included, in document order, as
    /// [`Extraction::links`] lists them: a crawler's frontier. Links are recorded with
    /// [`keep_links`](crate::ExtractorBuilder::keep_links); without it, this is empty.
    ///
    /// ```
    /// let html = "<nav><a href='/about'>About</a></nav><article><p>The ferry leaves at nine \
    ///     and returns at six, from the <a href='/pier'>north pier</a>.</p></article>";
    /// let extractor = dechrome::Extractor::builder().keep_links(true).build();
    /// let doc = extractor.document(&dechrome::Page::from_text(html))?;
    /// let outlinks = doc.outlinks();
    /// let links: Vec<(&str, bool)> =
    ///     outlinks.iter().map(|l| (l.url.as_str(), l.in_content)).collect();
    /// assert_eq!(links, [("/about", false), ("/pier", true)]);
    /// assert_eq!(doc.outlinks(), extractor.extract(&dechrome::Page::from_text(html))?.links);
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn outlinks(&self) -> Vec<Outlink> {
        self.blocks
            .iter()
            .flat_map(|b| {
                let in_content = b.is_content() && b.role.is_none();
                b.structure.links.iter().map(move |l| Outlink {
                    url: l.url.clone(),
                    text: b.text.get(l.start..l.end).unwrap_or("").to_string(),
                    in_content,
                })
            })
            .collect()
    }
}

/// The lean result of [`Extractor::extract`](crate::Extractor::extract): what a
/// crawler or corpus builder keeps of a page, without the per-block explanation of a
/// [`Document`].
///
/// ```
/// let html = "<html><head><title>Tide tables</title></head><body><article><p>High water \
///     is at 6:12 and 18:40 today, and the evening tide is the higher of the two.</p>\
///     </article></body></html>";
/// let result = dechrome::Extractor::default().extract(&dechrome::Page::from_text(html))?;
/// assert_eq!(result.metadata.title.as_deref(), Some("Tide tables"));
/// assert_eq!(result.encoding, "UTF-8");
/// assert!(result.links.is_empty(), "links are collected only when kept");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Extraction {
    /// The main content: content blocks, paragraphs separated by blank lines. The same as
    /// [`Document::text`].
    pub text: String,
    /// Everything the page says about itself: title, authors, dates, language, site,
    /// description…
    pub metadata: crate::metadata::Metadata,
    /// The character encoding the page was decoded with (`"UTF-8"` for text input).
    pub encoding: String,
    /// What kind of page this is (article, forum, listing…).
    pub page_type: crate::PageType,
    /// Every link of the page in document order, boilerplate included, when the extractor
    /// keeps links ([`ExtractorBuilder::keep_links`](crate::ExtractorBuilder::keep_links));
    /// empty otherwise.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub links: Vec<Outlink>,
}

/// A link of the page, as [`Extraction::links`] lists it.
///
/// ```
/// use dechrome::{Extractor, Page};
/// let html = "<nav><a href='https://example.org/'>Home</a></nav><article><p>The ferry leaves \
///     at nine and returns at six, weather allowing, from the north pier.</p></article>";
/// let result = Extractor::builder().keep_links(true).build().extract(&Page::from_text(html))?;
/// let home = &result.links[0];
/// assert_eq!((home.url.as_str(), home.text.as_str(), home.in_content), ("https://example.org/", "Home", false));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Outlink {
    /// The target, made absolute when a base URL is known (the page's URL, its
    /// `<base href>` or its canonical URL); as written otherwise.
    pub url: String,
    /// The anchor text.
    pub text: String,
    /// The link lies in the main content, not in boilerplate.
    pub in_content: bool,
}

/// Joins content blocks: list items and table cells of one list or row stay on adjacent
/// lines, everything else is separated by a blank line.
pub(crate) fn join_text<'b>(
    blocks: impl Iterator<Item = (std::borrow::Cow<'b, str>, BlockKind, u32)>,
) -> String {
    let mut out = String::new();
    let mut prev: Option<(BlockKind, u32)> = None;
    for (text, kind, parent) in blocks {
        if let Some((pk, pp)) = prev {
            let tight = pk == kind
                && pp == parent
                && matches!(kind, BlockKind::ListItem | BlockKind::TableRow);
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&text);
        prev = Some((kind, parent));
    }
    out
}
