//! The explanation of a score: its named terms ([`Term`]) and what each contributed
//! ([`Contribution`]). Part of the public model: every block carries them.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// One named term of a block's score. A block's score is the sum of its terms (each an input
/// times its weight in the scorer); it is content when the score reaches the threshold of
/// the extractor's [`Favor`](crate::Favor).
///
/// ```
/// use dechrome::Term;
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine and returns at six, weather \
///     allowing, from the north pier.</p></article><footer><a href=/about>About us</a></footer>")?;
/// let about = doc.blocks.iter().find(|b| b.text == "About us").expect("the footer's block");
/// assert!(about.contributions.iter().any(|c| c.term == Term::LinkDensity && c.value < 0.0));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize, Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Term {
    /// The scorer's constant.
    Bias,
    /// The block lies inside the main-content region chosen by container scoring.
    InRegion,
    /// The block lies outside the main-content region.
    OutsideRegion,
    /// The region held too little of the page's prose to be trusted.
    NoRegion,
    /// Prose just before the region, outside it: the article's lead paragraph.
    Lead,
    /// Unlinked prose anywhere above the region with no chrome marker: the opening of an
    /// article whose container the region left out.
    ProseAbove,
    /// On a page read as a service page or a forum thread, unlinked prose outside the region
    /// with no chrome marker: another of the page's sections, or another post.
    OtherSection,
    /// A chrome marker (tag, ARIA role, class/id word) stands between the region and the
    /// block; the input is the marker's strength.
    ChromeCue,
    /// Share of the block's words that are link text.
    LinkDensity,
    /// Words, as a share of a long paragraph (at most 1).
    Length,
    /// Stopword density above (or below) that of a neutral block.
    Stopwords,
    /// The text ends like a sentence.
    EndsSentence,
    /// A short line without sentence punctuation at the edge of the region (date, "Share").
    ShortAtEdge,
    /// Inside the region, a short line without sentence punctuation in a bare box (not a
    /// paragraph, heading, list item or table row): a widget's label, a credit, a control.
    LooseLine,
    /// A heading before the region's first paragraph: the headline, not the body.
    Headline,
    /// A line that is mostly a date or a time.
    DateLine,
    /// A short line with a copyright sign: a photo credit or a copyright notice.
    Credit,
    /// The linked title of an item in a listing (a category page, search results, a product
    /// grid), where the items are the page's content.
    ItemTitle,
    /// A line that only labels an advertisement ("Advertisement", "Anzeige", …).
    AdLabel,
    /// A line made only of the labels of controls ("Add to cart", "Quick view", "Compare"):
    /// it acts on an item and says nothing about it, even inside a listing's items.
    ControlLabel,
    /// The block lies in one of the page's repeated items (a listing's entries, a grid's
    /// products), on a page whose type makes those items its content.
    Item,
    /// A heading.
    Heading,
    /// A list item.
    ListItem,
    /// A table row.
    TableRow,
    /// Preformatted text.
    Preformatted,
    /// A block quotation.
    Quote,
    /// A figure or table caption.
    Caption,
    /// Share of the nearest blocks around it that lie in the region.
    NeighboursInRegion,
    /// For a heading: +1 when the section it introduces is content, −1 when not.
    Section,
    /// The labels of the nearest longer blocks around it (jusText's context): for short lines,
    /// and for every block when there is no trusted region.
    Context,
    /// For a short line ending in a colon ("Read more:"): +1 when the block it introduces is
    /// content, −1 when not.
    Introduces,
    /// At the end of the region, a block that asks the reader to subscribe, follow, sign up
    /// or support the publisher.
    CallToAction,
    /// Anywhere on the page, a block that says what a paywall, a registration wall or a
    /// subscription pitch says ("Subscribe to continue reading", "Nur für Abonnenten",
    /// "この記事は有料会員限定です"), in a block of at most 50 words.
    Paywall,
    /// Anywhere on the page, a block of at most 60 words that says what a cookie or consent
    /// notice says ("This website uses cookies", "Wir verwenden Cookies", "By continuing to
    /// use this site, you agree…"): chrome, whatever box holds it.
    ConsentNotice,
    /// A byline or dateline: metadata, never body text.
    MetadataLine,
    /// Hidden until a script shows it (the `hidden` attribute, `aria-hidden`, an inline
    /// `display:none`): a tab, an accordion or a product description, but also a menu, a
    /// dialog or a cookie notice.
    Hidden,
    /// Shorter than the extractor's minimum block length.
    TooShort,
    /// The block repeats, word for word, a longer-than-a-line block that comes earlier and is
    /// content: a copy for another screen size, a carousel's cloned slide, a no-script
    /// fallback.
    Repeat,
    /// Nothing on the page reached the threshold, but it has prose: the best-scoring run of
    /// blocks is lifted to the threshold, so that a page with text never comes out empty.
    Fallback,
    /// In a thread of reader comments after the article, told by its template: a per-post
    /// line ("Posted by … at …", "Report this comment", "… says:") repeated between posts,
    /// whatever the markup's classes.
    CommentThread,
    /// A slide's counter and caption in a picture gallery ("3/50 …"), repeated slide after
    /// slide.
    SlideCaption,
    /// A promotion of other stories at the article's end: three or more in a row of a
    /// headline that is wholly a link and a short summary under it, after an article at
    /// least as long ("More from the Gazette"). Only where the page is read as an article:
    /// a listing's entries look the same and are its content.
    StoryPromo,
    /// The block recurs on many of its host's pages, at the same place: the site's template
    /// (a menu, a notice printed under every article, a footer), learned by a
    /// [`TemplateMemory`](crate::TemplateMemory). The input is 0 to 1 with the share of the
    /// host's pages that carry it; where the host's pages put new text page after page (the
    /// article's paragraphs), only text found on nearly all of them counts.
    Template,
    /// A row of a table most of whose rows are content: a table is kept whole, its short
    /// rows (a total, a note, a row of dashes) with the others.
    WholeTable,
}

/// One term of a block's score: its input and its value (input × weight).
///
/// ```
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine and returns at six.</p></article>")?;
/// let block = &doc.blocks[0];
/// let sum: f32 = block.contributions.iter().map(|c| c.value).sum();
/// assert!((sum - block.score).abs() < 1e-3, "the score is the sum of its terms");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Contribution {
    /// Which term.
    pub term: Term,
    /// The measured input (1.0 for a yes/no term).
    pub input: f32,
    /// Its value in the score (positive: towards content).
    pub value: f32,
}
