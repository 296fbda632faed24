//! The vocabularies and weights the stages apply, kept as data apart from the mechanism.
//!
//! Nothing here is specific to a site: these are the words and tags that page templates in
//! general use for chrome (navigation, teasers, share bars, notices, comments) and for the
//! article body. Changing a weight here changes behaviour without touching the mechanism.

/// Elements whose whole subtree is never content (stage "clean").
pub(crate) const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "source", "track", "map", "input", "select", "textarea",
    "button", "option", "optgroup", "datalist", "output", "progress", "meter", "dialog", "head",
    "title", "meta", "link", "base", "frame", "frameset", "applet",
];

/// Elements that start and end a text block (stage "segment"); everything else is inline.
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "noframes",
];

/// Class/id fragments that hide an element from sighted readers: the text is a screen-reader
/// duplicate ("Share on Facebook", "Skip to content") and is dropped in cleaning.
pub(crate) const HIDING_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader",
    "visually-hidden",
    "visuallyhidden",
    "screenreader",
    "element-invisible",
    "hide-text",
    "offscreen",
    "u-hidden",
    "is-hidden",
    "hidden-print",
];

/// A word looked for in `class` and `id` values, with its weight: negative words mark chrome,
/// positive words mark the article body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueWord {
    /// The fragment, lower-case.
    pub word: &'static str,
    /// Weight added to a container candidate (readability's ±25 scale).
    pub weight: i16,
    /// When true the fragment must stand as a whole token (between `-`, `_`, spaces, digits
    /// or a camelCase boundary); otherwise it may stand inside a longer token.
    pub token: bool,
}

const fn neg(word: &'static str) -> CueWord {
    CueWord {
        word,
        weight: -25,
        token: false,
    }
}
const fn neg_tok(word: &'static str) -> CueWord {
    CueWord {
        word,
        weight: -25,
        token: true,
    }
}
const fn pos(word: &'static str) -> CueWord {
    CueWord {
        word,
        weight: 25,
        token: false,
    }
}
const fn pos_tok(word: &'static str) -> CueWord {
    CueWord {
        word,
        weight: 25,
        token: true,
    }
}

/// The class/id vocabulary.
pub(crate) const CLASS_ID_CUES: &[CueWord] = &[
    // navigation and page furniture
    neg("breadcrumb"),
    neg("navbar"),
    neg("navigation"),
    neg_tok("nav"),
    neg_tok("menu"),
    neg("masthead"),
    neg("footer"),
    neg_tok("header"),
    neg("sidebar"),
    neg_tok("rail"),
    neg("skiplink"),
    neg_tok("skip"),
    neg("pagination"),
    neg_tok("pager"),
    neg_tok("paging"),
    neg("toolbar"),
    neg_tok("tools"),
    neg_tok("aside"),
    neg("widget"),
    neg_tok("banner"),
    neg_tok("login"),
    neg_tok("signin"),
    neg_tok("signup"),
    neg_tok("search"),
    neg_tok("topbar"),
    neg_tok("bottom"),
    // teasers and recommendations
    neg("related"),
    neg("recommend"),
    neg("trending"),
    neg("popular"),
    neg("mostread"),
    neg("most-read"),
    neg("read-more"),
    neg("readmore"),
    neg("more-stories"),
    neg("teaser"),
    neg("promo"),
    neg("outbrain"),
    neg("taboola"),
    neg_tok("picks"),
    neg("also-read"),
    neg("see-also"),
    neg("top-stories"),
    neg("headlines"),
    neg("carousel"),
    // sharing and social
    neg("share"),
    neg("sharing"),
    neg("social"),
    neg_tok("follow"),
    neg_tok("print"),
    neg_tok("email"),
    neg_tok("rss"),
    // comments
    neg("comment"),
    neg("disqus"),
    neg("respond"),
    neg("reply"),
    // advertising and sponsorship
    neg_tok("ad"),
    neg_tok("ads"),
    neg_tok("adv"),
    neg("advert"),
    neg("sponsor"),
    neg("dfp"),
    neg("affiliate"),
    neg("partner"),
    // notices and prompts
    neg("cookie"),
    neg("consent"),
    neg("gdpr"),
    neg("newsletter"),
    neg("subscribe"),
    neg("subscription"),
    neg_tok("signup"),
    neg("modal"),
    neg("popup"),
    neg("overlay"),
    neg("disclaimer"),
    neg("copyright"),
    neg_tok("legal"),
    neg_tok("notice"),
    neg_tok("alert"),
    neg("donate"),
    // metadata around the article
    neg("byline"),
    neg_tok("author"),
    neg_tok("meta"),
    neg_tok("tags"),
    neg_tok("tag"),
    neg_tok("dateline"),
    neg("timestamp"),
    neg_tok("date"),
    neg_tok("caption"),
    neg_tok("credit"),
    neg_tok("credits"),
    neg_tok("player"),
    neg_tok("audio"),
    // the article body
    pos("articlebody"),
    pos("article-body"),
    pos("article_body"),
    pos("articletext"),
    pos("article-text"),
    pos("article-content"),
    pos("articlecontent"),
    pos("storybody"),
    pos("story-body"),
    pos("story-text"),
    pos("entry-content"),
    pos("entrycontent"),
    pos("post-content"),
    pos("postcontent"),
    pos("post-body"),
    pos("postbody"),
    pos("post-text"),
    pos("main-content"),
    pos("maincontent"),
    pos("body-text"),
    pos("bodytext"),
    pos("rich-text"),
    pos("richtext"),
    pos_tok("article"),
    pos_tok("content"),
    pos_tok("entry"),
    pos_tok("post"),
    pos_tok("story"),
    pos_tok("body"),
    pos_tok("main"),
    pos_tok("text"),
    pos_tok("blog"),
    pos_tok("prose"),
    pos_tok("page"),
    pos_tok("hentry"),
];

/// Element names that mark chrome on their own (HTML5 sectioning of page furniture).
pub(crate) const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "menu", "header"];

/// ARIA roles that mark chrome.
pub(crate) const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "toolbar",
    "tablist",
];

/// ARIA roles and microdata properties that mark the main content.
pub(crate) const CONTENT_ROLES: &[&str] = &["main", "article"];
pub(crate) const CONTENT_ITEMPROPS: &[&str] = &["articlebody", "text", "reviewbody", "description"];

/// Container weights by tag, as readability assigns them to a candidate's initial score.
pub(crate) fn tag_weight(tag: &str) -> f32 {
    match tag {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The weights of the block scorer (stage "classify"). Each term's contribution to a block's
/// score is shown in its explanation; a block is content when the sum reaches the threshold
/// of the chosen [`Favor`](crate::Favor).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights {
    /// Inside the chosen main-content region.
    pub in_region: f32,
    /// Outside it.
    pub outside_region: f32,
    /// A chrome cue (tag, role, class/id word) between the region and the block.
    pub chrome_cue: f32,
    /// Per unit of link density above `link_density_free`.
    pub link_density: f32,
    /// Link density tolerated without penalty.
    pub link_density_free: f32,
    /// Bonus for a long block (scaled by words / `long_words`, at most 1).
    pub length: f32,
    /// Words at which a block counts as long.
    pub long_words: f32,
    /// Bonus per unit of stopword density above `stopword_density_base` (jusText's cue).
    pub stopwords: f32,
    /// Stopword density of a neutral block.
    pub stopword_density_base: f32,
    /// A short block without sentence punctuation at the edges of the region.
    pub short_edge: f32,
    /// Heading or title line before the first paragraph of the region (the headline).
    pub headline: f32,
    /// Neighbour context: scaled by the mean label of the nearest long blocks (−1..1).
    pub context: f32,
}

pub(crate) const WEIGHTS: Weights = Weights {
    in_region: 1.0,
    outside_region: -1.2,
    chrome_cue: -1.5,
    link_density: 2.5,
    link_density_free: 0.25,
    length: 0.3,
    long_words: 40.0,
    stopwords: 1.0,
    stopword_density_base: 0.25,
    short_edge: -0.8,
    headline: -2.0,
    context: 0.4,
};
