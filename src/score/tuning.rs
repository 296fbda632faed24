//! The scorer's tuning constants: thresholds, scan distances and shares, kept as data beside
//! the weights ([`super::weights`]) and apart from the mechanism that applies them.

// --- The region (readability's container scoring) ---

/// Readability's rule: a block shorter than this (in characters) gives no points.
pub(crate) const MIN_SCORING_CHARS: usize = 25;
/// How many ancestors receive points from a block.
pub(crate) const SCORING_LEVELS: usize = 5;
/// A candidate scoring at least this share of the top one, beside it, marks a split article.
pub(crate) const SPLIT_SHARE: f32 = 0.75;
/// How far up the common container of a split article may be.
pub(crate) const SPLIT_LEVELS: usize = 2;
/// A top candidate holding less than this share of the words of the `<article>` around it
/// gives the region to that article.
pub(crate) const ARTICLE_REGION_SHARE: f32 = 0.6;
/// ... unless the article's link density is above this (a link list).
pub(crate) const ARTICLE_MAX_LINK_DENSITY: f32 = 0.35;
/// Siblings with fewer words neither join nor break the region's run.
pub(crate) const SIBLING_MINOR_WORDS: u32 = 10;
/// A region holding less than this share of the page's prose is not trusted.
pub(crate) const MIN_REGION_SHARE: f32 = 0.25;
/// A chrome-marked box inside the region holding at least this share of the region's words is
/// taken for a wrapper of the article, not for chrome.
pub(crate) const MAX_CHROME_SHARE: f32 = 0.5;
/// A chrome word marking at least this share of the region's prose, while unmarked prose is
/// under `UNMARKED_ARTICLE_SHARE`, is the page's own content (a forum's posts).
pub(crate) const OWN_CONTENT_SHARE: f32 = 0.7;
pub(crate) const UNMARKED_ARTICLE_SHARE: f32 = 0.2;
/// A word of a page's furniture ([`crate::cues::FURNITURE`]) names its content only when it
/// also marks this share of all the region's words, prose or not: on a small page whose items
/// are short lines, the footer's address is still the footer's.
pub(crate) const OWN_WORDS_SHARE: f32 = 0.5;

// --- Block inputs ---

/// Words at which a block counts as long (the `Length` input reaches 1).
pub(crate) const LONG_WORDS: f32 = 40.0;
/// Stopword density of a neutral block; the `Stopwords` input is the excess over it.
pub(crate) const NEUTRAL_STOPWORD_DENSITY: f32 = 0.25;
/// A block with fewer words is "short" for the edge rule.
pub(crate) const SHORT_WORDS: u32 = 10;
/// A block this short carrying a © sign is a credit or copyright line.
pub(crate) const CREDIT_MAX_WORDS: u32 = 40;
/// A heading ending like a sentence with at least this many words is a standfirst.
pub(crate) const STANDFIRST_WORDS: u32 = 12;
/// Words from which a heading before the region is a standfirst rather than a headline.
pub(crate) const STANDFIRST_MIN_WORDS: u32 = 20;
/// Words up to which a line after an image naming a picture is its caption.
pub(crate) const PICTURE_LINE_WORDS: u32 = 25;
/// A term that a phrase inside a block triggers (a call to action) has its full weight up
/// to this many words of the block's own prose, and shrinks in proportion beyond: "follow
/// us" makes a 10-word line chrome, not a 600-word paragraph that says it once.
pub(crate) const PHRASE_FULL_WORDS: f32 = 60.0;
/// Longest block (in words) read for a paywall's or a subscription pitch's phrases: a longer
/// one is an article that may well talk about subscriptions.
pub(crate) const PAYWALL_MAX_WORDS: u32 = 50;
/// Longest block, in words, that can be a cookie or consent notice (the `ConsentNotice`
/// term): such notices are a sentence or three, and a longer text about cookies is prose.
pub(crate) const CONSENT_MAX_WORDS: u32 = 60;
/// How many of the region's last blocks (of three words or more) are read for calls to action.
pub(crate) const REGION_TAIL_BLOCKS: usize = 4;
/// Longest line (in words) read as a label for what follows when it ends with a colon.
pub(crate) const LABEL_WORDS: u32 = 3;

// --- Above the region: the lead and the article's opening ---

/// How many blocks before the region are searched for its lead paragraph, and how many may join.
pub(crate) const LEAD_SCAN: usize = 6;
pub(crate) const MAX_LEAD_BLOCKS: usize = 2;
/// Prose above the region: at least this many words, under this link density.
pub(crate) const PROSE_ABOVE_WORDS: u32 = 15;
pub(crate) const PROSE_ABOVE_MAX_LINKS: f32 = 0.1;

// --- Listings ---

/// Items that repeat this many times under one parent make a listing.
pub(crate) const MIN_LISTING_ITEMS: usize = 4;
/// How far above a linked title its item's box may be.
pub(crate) const ITEM_LEVELS: usize = 4;

// --- Threads and galleries ---

/// A per-post line found this many times, with prose between, marks a comment thread.
pub(crate) const THREAD_POSTS: usize = 3;
/// The article before a thread must hold at least this many words of prose.
pub(crate) const THREAD_ARTICLE_WORDS: u32 = 60;
/// The article before a thread holds at least this many times the words of a post.
pub(crate) const THREAD_ARTICLE_SHARE: u32 = 3;
/// A template line has at most this many words.
pub(crate) const THREAD_LINE_WORDS: u32 = 12;
/// Slide counters ("3/50") found this many times make a gallery.
pub(crate) const GALLERY_SLIDES: usize = 3;
/// A promotion of other stories holds at least this many headline-and-summary pairs.
pub(crate) const PROMO_STORIES: usize = 3;
/// A promoted story's headline: from 2 to this many words, all of them a link.
pub(crate) const PROMO_HEADLINE_WORDS: u32 = 14;
/// A promoted story's summary: this many words, none of them a link.
pub(crate) const PROMO_SUMMARY_WORDS: (u32, u32) = (6, 60);
/// The article before a promotion holds at least this many times its words (a list
/// article's entries outweigh its introduction) ...
pub(crate) const PROMO_ARTICLE_SHARE: u32 = 1;
/// ... and this many words of prose at least.
pub(crate) const PROMO_ARTICLE_WORDS: u32 = 120;
/// A promoted story's date or byline line, under its summary: at most this many words.
pub(crate) const PROMO_META_WORDS: u32 = 5;
/// The region holds at most this many words of prose after a promotion.
pub(crate) const PROMO_TAIL_WORDS: u32 = 100;
/// A promotion's headlines hold at least this many words on average.
pub(crate) const PROMO_MEAN_HEADLINE_WORDS: u32 = 4;
/// The label of a promotion ("More from the Gazette", "Read more"): at most this many words.
pub(crate) const PROMO_LABEL_WORDS: u32 = 6;

// --- Repeats ---

/// A block of at least this many words that repeats an earlier content block is a copy.
pub(crate) const REPEAT_MIN_WORDS: u32 = 8;
/// On an article, a repeat is a copy from this many words, and only a whole sentence: a
/// paragraph, not a line.
pub(crate) const LONG_REPEAT_MIN_WORDS: u32 = 25;

/// A repeated block whose first copy lies within this many of its ancestors is said again in
/// the same text (a refrain), not copied from another box of the page.
pub(crate) const SAME_TEXT_LEVELS: usize = 1;

// --- Never empty ---

/// A page whose best block has fewer words than this has no prose to fall back on.
pub(crate) const FALLBACK_MIN_WORDS: u32 = 10;
/// The fallback's run takes the neighbours scoring within this of its best block.
pub(crate) const FALLBACK_MARGIN: f32 = 1.0;

// --- Strategies per page type ---

use super::page_type::PageType;
use crate::cues::{self, CueWord};

/// How a page of a given type is read: the parameters of the one mechanism that differ
/// between types.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Strategy {
    /// Which of the page's runs of look-alike items (cards, products, entries) are content.
    pub items: Items,
    /// The page type's own chrome words (one of `cues::TYPE_CHROME`; empty for none).
    pub chrome: &'static [CueWord],
    /// How much link density counts against a list item or table row inside the region (1 on
    /// an article; less where link lists in the body are content, as a manual's contents).
    pub region_list_links: f32,
    /// Chrome words that name layout components on this kind of page (empty for none).
    pub layout: &'static [&'static str],
    /// Prose outside the region is another section of the page (a landing page's sections
    /// and a thread's replies sit in containers of their own).
    pub sections: bool,
    /// A line found [`TEMPLATE_ITEMS`] times or more among the items is their template (a
    /// "Read more", a badge, a "Posted in") rather than their content.
    pub item_template: bool,
    /// Chrome words that name the posts of a thread when they mark most of the prose outside
    /// the region (see [`THREAD_WORD_SHARE`]); empty for none.
    pub thread_words: &'static [&'static str],
    /// Short lines at the region's edges and in bare boxes are chrome (a date, "Share", a
    /// widget's label), as around an article. On a product grid or a landing page short
    /// lines are its labels, prices and figures.
    pub short_lines: bool,
    /// A per-post line repeated between posts after the article marks a thread of reader
    /// comments (see [`super::threads`]). Only on an article: on a forum the posts are the
    /// content, and on a listing each entry has its own "Posted … by" line.
    pub comment_threads: bool,
    /// Which blocks that repeat an earlier content block word for word are copies (a quote of
    /// an earlier post, a layout for another screen size).
    pub repeats: Repeats,
}

/// A chrome word of [`Strategy::thread_words`] names the thread's posts, not chrome, when the
/// prose it marks is at least this share of the prose outside the region (a Q&A page's
/// comments under each answer are a small part of its answers).
pub(crate) const THREAD_WORD_SHARE: f32 = 0.5;

/// A run of items outside a trusted region whose prose holds this many times the run's words
/// is an article's teasers of other pages, not the page's own items.
pub(crate) const ARTICLE_OVER_ITEMS: f32 = 2.0;

/// A line found this many times among a page's items is their template.
pub(crate) const TEMPLATE_ITEMS: u32 = 3;

/// Which repeated blocks a reading says once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeats {
    /// None: a manual says whole paragraphs again (the same step under each platform's tab).
    Kept,
    /// Every block of this many words or more (a forum's quotes, a listing's copies).
    Lines(u32),
    /// Whole sentences of this many words or more: an article may say a line twice (a meal
    /// plan's days), but a paragraph said twice is a layout for another screen size.
    Sentences(u32),
}

/// Which runs of look-alike items a reading takes as content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Items {
    /// None: they are judged block by block.
    None,
    /// The dominant run, the one with the most words (a manual's sections).
    Dominant,
    /// Every run with substance under no chrome marker (a landing page's feature cards, its
    /// testimonials and its questions; a listing's entries in several boxes).
    All,
}

/// A page's type named wrong costs this much on top of what its reading loses: the type is an
/// output too (crawlers file pages by it). Chosen on held-out sites (`tools/page_type_loss.py
/// --misread`): at 1.0, naming the type wrong weighs as much as losing the whole text, and the
/// measured losses only settle close calls. Lower, they push uncertain articles of sites the
/// model never saw into listings (l3s-gn1 held out: 0.9363 at 1.0, 0.9337 at 0.1).
pub(crate) const MISREAD_COST: f32 = 1.0;

/// Words of unmarked prose outside the region that are evidence of a landing page's sections
/// (or a thread's other posts).
pub(crate) const SECTIONS_EVIDENCE_WORDS: u32 = 50;

/// A page with the shape of an article is read as another type only when the model gives that
/// type at least this probability.
pub(crate) const SURE_OVER_ARTICLE: f32 = 0.7;

/// The shape of an article: its trusted region holds at least this many words of prose ...
pub(crate) const ARTICLE_BODY_WORDS: u32 = 200;
/// ... and at least this share of the page's prose ...
pub(crate) const ARTICLE_PROSE_SHARE: f32 = 2.0 / 3.0;
/// ... and no run of items inside it holds this share of the page's words or more.
pub(crate) const ARTICLE_ITEMS_SHARE: f32 = 0.3;

/// A page read as an article with at least this probability of being documentation may be a
/// manual: its list links count against it as far as it may not be one.
pub(crate) const MAYBE_DOCS: f32 = 0.3;

/// The strategy for reading a page as `read_as`, given the probability of each type. An
/// article that may be a manual ([`MAYBE_DOCS`] or more, a wiki's page of resources) lets its
/// list links count less, as far as it may be one.
pub(crate) fn strategy_for(read_as: PageType, probabilities: &[(PageType, f32)]) -> Strategy {
    let mut s = strategy(read_as);
    if read_as == PageType::Article {
        let docs = probabilities
            .iter()
            .find(|(t, _)| *t == PageType::Documentation)
            .map_or(0.0, |&(_, p)| p);
        if docs >= MAYBE_DOCS {
            s.region_list_links = (1.0 - docs).clamp(0.0, 1.0);
        }
    }
    s
}

/// The strategy for reading a page as the given type.
pub(crate) fn strategy(read_as: PageType) -> Strategy {
    use PageType::*;
    let items = match read_as {
        Listing | Collection | Service => Items::All,
        Documentation => Items::Dominant,
        _ => Items::None,
    };
    let chrome = match read_as {
        Product => cues::PRODUCT_CHROME,
        Forum => cues::FORUM_CHROME,
        Service => cues::SERVICE_CHROME,
        _ => &[],
    };
    let region_list_links = match read_as {
        Documentation => 0.0,
        _ => 1.0,
    };
    let layout = match read_as {
        Service => cues::SERVICE_LAYOUT,
        Listing => cues::LISTING_LAYOUT,
        Collection => cues::COLLECTION_LAYOUT,
        Forum => cues::FORUM_LAYOUT,
        Documentation => cues::DOCS_LAYOUT,
        _ => &[],
    };
    Strategy {
        items,
        chrome,
        region_list_links,
        layout,
        thread_words: match read_as {
            Forum => cues::FORUM_THREAD_WORDS,
            _ => &[],
        },
        sections: matches!(read_as, Service | Forum),
        repeats: match read_as {
            Documentation => Repeats::Kept,
            Article | Other | Recipe | Video | Profile => Repeats::Sentences(LONG_REPEAT_MIN_WORDS),
            _ => Repeats::Lines(REPEAT_MIN_WORDS),
        },
        short_lines: !matches!(read_as, Collection | Service),
        item_template: matches!(read_as, Listing | Service),
        comment_threads: matches!(read_as, Article),
    }
}

// --- Context (the second pass) ---

/// How many blocks on each side count as a block's neighbours.
pub(crate) const NEIGHBOURHOOD: usize = 3;
/// How many blocks after a heading are searched for its section's first block.
pub(crate) const SECTION_SCAN: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_that_may_be_a_manual_lets_its_list_links_count_less() {
        use PageType::*;
        let unsure = [(Documentation, 0.39), (Listing, 0.2), (Article, 0.2)];
        let s = strategy_for(Article, &unsure);
        assert!((s.region_list_links - 0.61).abs() < 1e-6);
        // A plain article keeps the article's weight; a manual has its own.
        let sure = [(Article, 0.9), (Documentation, 0.05)];
        assert_eq!(strategy_for(Article, &sure).region_list_links, 1.0);
        assert_eq!(strategy_for(Documentation, &unsure).region_list_links, 0.0);
        // Only the article's reading is blended.
        let forum = [(Forum, 0.6), (Documentation, 0.35)];
        assert_eq!(strategy_for(Forum, &forum).region_list_links, 1.0);
    }
}
