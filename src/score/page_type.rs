//! Page-type detection: what kind of page this is (an article, a forum thread, a product, a
//! listing, a product grid, documentation, a service page), from its structure, with what
//! the page declares (JSON-LD, OpenGraph, microdata) and its URL's shape as hints.
//!
//! The page is described by named features ([`FEATURES`]), each a number in a small range:
//! shares, counts on a log scale, yes/no. A multinomial logistic model
//! ([`super::page_type_model`], fitted by `tools/train_page_type.py` and cross-validated by
//! site) turns them into a probability per type. Every feature and its weight for the chosen
//! type are kept, so `--explain` can say why.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

use super::items::{self, Group};
use super::page_type_model as model;
use super::reading_loss::READING_LOSS;
use super::tuning;
use super::{link_density, Judged};
use crate::cues;
use crate::segment::{Kind, Segmentation};

/// What kind of page this is.
///
/// [`Document::page_type`](crate::Document::page_type) is detected from the page's structure
/// (one of article, forum, product, listing, collection, documentation, service, or other
/// for a page with almost no text); [`Metadata::page_type`](crate::Metadata::page_type) is what the page declares in its
/// JSON-LD or OpenGraph tags, where it does.
///
/// ```
/// use dechrome::PageType;
/// let doc = dechrome::extract("<article><p>The ferry leaves at nine and returns at six.</p></article>")?;
/// assert_eq!(doc.page_type_evidence.probabilities.len(), 7);
/// assert!(doc.page_type_evidence.probabilities.iter().any(|(t, _)| *t == PageType::Forum));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum PageType {
    /// A news article, blog post, report or similar.
    Article,
    /// A forum thread, discussion or Q&A page.
    Forum,
    /// A product page.
    Product,
    /// A listing: a list of articles, posts, jobs, events or search results.
    Listing,
    /// A collection: a grid of products, a shop's category page.
    Collection,
    /// Documentation: a manual's or a reference's page.
    Documentation,
    /// A service or landing page: what an organisation offers, in sections.
    Service,
    /// A recipe.
    Recipe,
    /// A video page.
    Video,
    /// A profile page of a person or an organisation.
    Profile,
    /// None of the above, or too little text to tell.
    Other,
}

impl PageType {
    /// Every type, in declaration order.
    pub const ALL: [PageType; 11] = [
        PageType::Article,
        PageType::Forum,
        PageType::Product,
        PageType::Listing,
        PageType::Collection,
        PageType::Documentation,
        PageType::Service,
        PageType::Recipe,
        PageType::Video,
        PageType::Profile,
        PageType::Other,
    ];

    /// The type's name, in lower case, as the command line, JSON and Python write it.
    ///
    /// ```
    /// use dechrome::PageType;
    /// assert_eq!(PageType::Documentation.as_str(), "documentation");
    /// assert_eq!("listing".parse::<PageType>(), Ok(PageType::Listing));
    /// for t in PageType::ALL {
    ///     assert_eq!(t.as_str().parse::<PageType>(), Ok(t));
    /// }
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Listing => "listing",
            PageType::Collection => "collection",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
            PageType::Recipe => "recipe",
            PageType::Video => "video",
            PageType::Profile => "profile",
            PageType::Other => "other",
        }
    }
}

impl std::fmt::Display for PageType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PageType {
    type Err = crate::error::UnknownName;

    /// Reads a type's name, in any case (`"article"`, `"Listing"`).
    ///
    /// # Errors
    ///
    /// [`UnknownName`](crate::UnknownName) for a name that is no type's.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PageType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                crate::error::UnknownName::new("page type", s, &PageType::ALL.map(PageType::as_str))
            })
    }
}

/// What the page says about itself, read before its blocks are scored.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hints<'h> {
    /// The type the caller gave with the page: it is read as that type.
    pub given: Option<PageType>,
    /// Every JSON-LD `@type` and microdata `itemtype` (last path step).
    pub declared: Vec<&'h str>,
    /// The OpenGraph `og:type`.
    pub og_type: Option<&'h str>,
    /// The page's URL: the caller's, else the canonical or `og:url`.
    pub url: Option<&'h str>,
    /// The page has OpenGraph tags (whatever their type).
    pub opengraph: bool,
}

/// Declares the page's features as the fields of [`PageFeatures`]: each is read by its name,
/// by the model and by the training script, never by its place.
macro_rules! page_features {
    ($($(#[$doc:meta])* $name:ident: $signal:ident,)*) => {
        /// The page's features, each a number in a small range: shares, counts on a log
        /// scale, yes/no. A field's name is the feature's name.
        #[derive(Debug, Default, Clone)]
        pub(crate) struct PageFeatures {
            $($(#[$doc])* pub $name: f32,)*
        }

        impl PageFeatures {
            /// Every feature's name and the signal it reads.
            pub(crate) const NAMES: &'static [(&'static str, Signal)] =
                &[$((stringify!($name), Signal::$signal)),*];

            /// The feature of that name.
            pub(crate) fn get(&self, name: &str) -> Option<f32> {
                match name {
                    $(stringify!($name) => Some(self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

/// Where a feature's value comes from. A page that gives no such signal (an old page without
/// OpenGraph or JSON-LD, a page crawled without its URL, a page written before HTML5's
/// sectioning tags) has its features of that signal set neutral: missing evidence is not
/// evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    /// The page's structure and text: always there.
    Structure,
    /// What the page declares: JSON-LD and microdata types, `og:type`.
    Declared,
    /// The page's URL.
    Url,
    /// HTML5's sectioning tags (`<article>`, `<section>`, `<time>`).
    Html5,
}

page_features! {
    ld_article: Declared,
    ld_product: Declared,
    ld_offer: Declared,
    ld_list: Declared,
    ld_forum: Declared,
    ld_docs: Declared,
    ld_service: Declared,
    ld_faq: Declared,
    og_article: Declared,
    og_product: Declared,
    og_website: Declared,
    url_depth: Url,
    url_root: Url,
    url_query: Url,
    url_slug_words: Url,
    url_date: Url,
    url_forum: Url,
    url_docs: Url,
    url_product: Url,
    url_collection: Url,
    url_listing: Url,
    url_article: Url,
    url_service: Url,
    words: Structure,
    prose_share: Structure,
    link_share: Structure,
    region_share: Structure,
    /// Words of prose in the region, on a log scale: the body of an article.
    region_prose: Structure,
    /// Link density of the words outside the region: blocks that only point away.
    outside_links: Structure,
    trusted: Structure,
    heading_rate: Structure,
    pre_share: Structure,
    pre_blocks: Structure,
    list_share: Structure,
    short_share: Structure,
    hidden_share: Structure,
    chrome_share: Structure,
    prices: Structure,
    price_share: Structure,
    dates: Structure,
    times: Html5,
    groups: Structure,
    group_share: Structure,
    group_items: Structure,
    group_item_words: Structure,
    group_links: Structure,
    group_titled: Structure,
    group_priced: Structure,
    group_dated: Structure,
    group_in_region: Structure,
    group_prose: Structure,
    class_product: Structure,
    class_grid: Structure,
    class_forum: Structure,
    class_docs: Structure,
    class_service: Structure,
    class_article: Structure,
    class_card: Structure,
    articles: Html5,
    sections: Html5,
    text_forum: Structure,
    text_commerce: Structure,
    text_docs: Structure,
    text_service: Structure,
}

/// Which signals a page gives.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Known {
    pub declared: bool,
    pub url: bool,
    pub html5: bool,
}

impl Known {
    pub(crate) fn has(self, signal: Signal) -> bool {
        match signal {
            Signal::Structure => true,
            Signal::Declared => self.declared,
            Signal::Url => self.url,
            Signal::Html5 => self.html5,
        }
    }
}

/// One feature's value and its weight towards the chosen type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence {
    pub feature: &'static str,
    pub value: f32,
    /// Weight × standardised value, towards the chosen type (the part it played).
    pub part: f32,
    /// The page does not give the feature's signal (no URL, nothing declared): it was set
    /// neutral.
    pub neutral: bool,
}

/// The page's type, the probability of each type, the expected loss of each reading, and
/// the features behind them.
#[derive(Debug, Clone)]
pub(crate) struct Detection {
    /// The type the page is taken for: the reading with the least expected loss among those
    /// the page gives evidence for, the type given with the page, or `Other` for a page with
    /// almost no text.
    pub page_type: PageType,
    /// The type whose reading is applied (see [`super::tuning::strategy`]): the page's type,
    /// or `Article` for `Other`.
    pub read_as: PageType,
    /// Each type's probability under the model, in the model's order.
    pub probabilities: Vec<(PageType, f32)>,
    /// Each reading's expected loss under those probabilities, in the model's order; `None`
    /// for a reading with less expected loss than the chosen one that the page gives no
    /// evidence for, or is not sure enough of.
    pub expected_loss: Vec<(PageType, Option<f32>)>,
    /// The page has the shape of an article ([`Described::article_like`]).
    pub article_like: bool,
    pub evidence: Vec<Evidence>,
    /// The type was given with the page, not detected.
    pub given: bool,
}

/// A page with fewer words than this has no type to speak of.
const MIN_WORDS: u32 = 20;

/// `ln(1 + x)`, the scale of counts.
fn log1p(x: f32) -> f32 {
    x.max(0.0).ln_1p()
}

fn any_of(declared: &[&str], names: &[&str]) -> f32 {
    f32::from(u8::from(
        declared
            .iter()
            .any(|d| names.iter().any(|n| d.eq_ignore_ascii_case(n))),
    ))
}

fn yes(b: bool) -> f32 {
    f32::from(u8::from(b))
}

/// What the page-type decision reads of a page: its features, which signals it gives, and
/// whether it has the shape of an article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Described {
    pub features: PageFeatures,
    pub known: Known,
    /// One body of prose that the rest of the page only points away from: the trusted region
    /// holds [`tuning::ARTICLE_BODY_WORDS`] words of prose or more and most of the page's
    /// prose, and no run of items inside it holds much of the page.
    pub article_like: bool,
    /// Words of prose outside the region that no chrome marker names: other sections of a
    /// landing page, other posts of a thread.
    pub other_prose: u32,
}

/// The features of a page, and which signals it gives.
pub(crate) fn describe(
    seg: &Segmentation<'_>,
    facts: &[Judged],
    trusted: bool,
    groups: &[Group],
    dominant: Option<&Group>,
    hints: &Hints<'_>,
) -> Described {
    let blocks = &seg.blocks;
    let elems = &seg.elems;
    let mut f = PageFeatures::default();
    let mut known = Known::default();

    // What the page declares.
    let ld = |types: &[&str]| any_of(&hints.declared, types);
    let declared = |name: &str| {
        cues::DECLARED_TYPES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0.0, |(_, types)| ld(types))
    };
    f.ld_article = declared("ld_article");
    f.ld_product = declared("ld_product");
    f.ld_offer = declared("ld_offer");
    f.ld_list = declared("ld_list");
    f.ld_forum = declared("ld_forum");
    f.ld_docs = declared("ld_docs");
    f.ld_service = declared("ld_service");
    f.ld_faq = declared("ld_faq");
    let og = hints.og_type.unwrap_or("").trim().to_ascii_lowercase();
    f.og_article = yes(og == "article" || og.starts_with("article"));
    f.og_product = yes(og.starts_with("product") || og == "og:product");
    f.og_website = yes(og == "website");
    known.declared = !hints.declared.is_empty() || hints.opengraph;
    known.url = url_features(hints.url, &mut f);

    // The text as a whole.
    let (mut words, mut links, mut prose, mut region, mut headings, mut pre, mut pre_n) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut list, mut short, mut hidden, mut chrome, mut prices, mut dates) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut outside, mut outside_links, mut other_prose) = (0u32, 0u32, 0u32);
    let mut text_hits = [0u32; 4];
    for (b, j) in blocks.iter().zip(facts) {
        if j.consent {
            continue;
        }
        words += b.words;
        links += b.link_words;
        if !j.in_region {
            outside += b.words;
            outside_links += b.link_words;
        }
        if j.prose {
            prose += b.words;
            if j.in_region {
                region += b.words;
            } else if j.chrome.is_none() {
                other_prose += b.words;
            }
        }
        match b.kind {
            Kind::Heading(_) => headings += 1,
            Kind::Pre => {
                pre += b.words;
                pre_n += 1;
            }
            Kind::ListItem => list += b.words,
            _ => {}
        }
        if b.words < 5 {
            short += b.words;
        }
        if b.hidden {
            hidden += b.words;
        }
        if j.chrome.is_some() {
            chrome += b.words;
        }
        if b.words <= 12 {
            if has_price(&b.text) {
                prices += 1;
            }
            if super::lexical::looks_like_date(&b.text, b.words) {
                dates += 1;
            }
        }
        if b.words <= 8 {
            text_words(&b.text, &mut text_hits);
        }
    }
    let share = |x: u32| {
        if words == 0 {
            0.0
        } else {
            x as f32 / words as f32
        }
    };
    f.words = log1p(words as f32);
    f.prose_share = share(prose);
    f.link_share = share(links);
    f.region_share = if prose == 0 {
        0.0
    } else {
        region as f32 / prose as f32
    };
    f.region_prose = if trusted { log1p(region as f32) } else { 0.0 };
    f.outside_links = link_density(outside, outside_links);
    f.trusted = yes(trusted);
    f.heading_rate = if words == 0 {
        0.0
    } else {
        (100.0 * headings as f32 / words as f32).min(10.0)
    };
    f.pre_share = share(pre);
    f.pre_blocks = log1p(pre_n as f32);
    f.list_share = share(list);
    f.short_share = share(short);
    f.hidden_share = share(hidden);
    f.chrome_share = share(chrome);
    f.prices = log1p(prices as f32);
    f.price_share = if blocks.is_empty() {
        0.0
    } else {
        (prices as f32 * 20.0 / blocks.len() as f32).min(1.0)
    };
    f.dates = log1p(dates as f32);
    f.times = log1p(seg.sources.times.len() as f32);

    // Repeated structure.
    f.groups = log1p(
        groups
            .iter()
            .filter(|g| {
                g.items
                    .iter()
                    .any(|&i| items::substantial(&elems[i as usize]))
            })
            .count() as f32,
    );
    if let Some(g) = dominant {
        let n = g.items.len().max(1) as f32;
        let (a, z) = g.block_range(elems);
        let inside = blocks.get(a..z).unwrap_or_default();
        let mut titled = 0u32;
        let mut priced = 0u32;
        let mut dated = 0u32;
        for &i in &g.items {
            let e = &elems[i as usize];
            let own = blocks
                .get(e.first_block as usize..e.end_block as usize)
                .unwrap_or_default();
            titled += u32::from(
                own.iter()
                    .any(|b| matches!(b.kind, Kind::Heading(_)) || super::mostly_linked(b)),
            );
            priced += u32::from(own.iter().any(|b| b.words <= 12 && has_price(&b.text)));
            dated += u32::from(
                own.iter()
                    .any(|b| super::lexical::looks_like_date(&b.text, b.words)),
            );
        }
        let group_prose: u32 = inside
            .iter()
            .zip(facts.get(a..z).unwrap_or_default())
            .filter(|(_, j)| j.prose)
            .map(|(b, _)| b.words)
            .sum();
        f.group_share = share(g.words);
        f.group_items = log1p(n);
        f.group_item_words = log1p(g.words as f32 / n);
        f.group_links = link_density(g.words, g.link_words);
        f.group_titled = titled as f32 / n;
        f.group_priced = priced as f32 / n;
        f.group_dated = dated as f32 / n;
        f.group_in_region = yes(facts.get(a).is_some_and(|j| j.in_region));
        f.group_prose = if g.words == 0 {
            0.0
        } else {
            group_prose as f32 / g.words as f32
        };
    }

    // Markup words.
    let mut class_hits = [0u32; 7];
    let (mut articles, mut sections) = (0u32, 0u32);
    for e in elems {
        match &*e.tag {
            "article" => articles += 1,
            "section" => sections += 1,
            "main" | "nav" | "header" | "footer" | "aside" | "figure" => known.html5 = true,
            _ => {}
        }
        // A box without text (an icon, a spacer) tells nothing about the page.
        if e.words > 0 {
            class_words(e.kinds, &mut class_hits);
        }
    }
    known.html5 |= articles + sections > 0 || !seg.sources.times.is_empty();
    let [product, grid, forum, docs, service, article, card] = class_hits.map(|x| log1p(x as f32));
    f.class_product = product;
    f.class_grid = grid;
    f.class_forum = forum;
    f.class_docs = docs;
    f.class_service = service;
    f.class_article = article;
    f.class_card = card;
    f.articles = log1p(articles as f32);
    f.sections = log1p(sections as f32);
    let [forum, commerce, docs, service] = text_hits.map(|x| log1p(x as f32));
    f.text_forum = forum;
    f.text_commerce = commerce;
    f.text_docs = docs;
    f.text_service = service;
    let items_inside = f.group_in_region > 0.0 && f.group_share >= tuning::ARTICLE_ITEMS_SHARE;
    let article_like = trusted
        && region >= tuning::ARTICLE_BODY_WORDS
        && region as f32 >= tuning::ARTICLE_PROSE_SHARE * prose as f32
        && !items_inside;
    Described {
        features: f,
        known,
        article_like,
        other_prose,
    }
}

/// The URL's features: depth, root, query, slug words, a date, and a hint per kind. Returns
/// whether there is a URL to read.
fn url_features(url: Option<&str>, f: &mut PageFeatures) -> bool {
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let Some(u) = parsed.filter(|u| u.has_host()) else {
        return false;
    };
    let segments: Vec<String> = u
        .path_segments()
        .map(|s| {
            s.filter(|x| !x.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default();
    f.url_depth = segments.len().min(6) as f32 / 6.0;
    f.url_root = yes(segments.is_empty());
    f.url_query = yes(u.query().is_some_and(|q| !q.is_empty()));
    let last = segments.last().map_or("", String::as_str);
    let slug = last.trim_end_matches(".html").trim_end_matches(".htm");
    f.url_slug_words = (slug
        .split(['-', '_'])
        .filter(|w| w.len() > 1)
        .count()
        .min(12)) as f32
        / 12.0;
    let year = |s: &str| {
        s.len() == 4 && s.starts_with(['1', '2']) && s.bytes().all(|b| b.is_ascii_digit())
    };
    f.url_date = yes(segments.iter().any(|s| year(s)));
    let hit = |kind: &str| {
        let words = cues::URL_WORDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[][..], |(_, w)| *w);
        yes(segments.iter().take(4).any(|s| {
            let s = s.as_str();
            words
                .iter()
                .any(|w| s == *w || (w.len() >= 4 && s.starts_with(w)))
        }))
    };
    f.url_forum = hit("forum");
    f.url_docs = hit("docs");
    f.url_product = hit("product");
    f.url_collection = hit("collection");
    f.url_listing = hit("listing");
    f.url_article = hit("article");
    f.url_service = hit("service");
    true
}

/// One automaton over a table of vocabularies, and for each of its patterns the index of the
/// vocabulary it comes from.
type KindMatcher = Option<(AhoCorasick, Vec<usize>)>;

fn kind_matcher(table: &[(&str, &[&str])]) -> KindMatcher {
    let mut kinds = Vec::new();
    let mut words = Vec::new();
    for (k, (_, list)) in table.iter().enumerate() {
        for w in *list {
            kinds.push(k);
            words.push(*w);
        }
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .ok()
        .map(|ac| (ac, kinds))
}

/// Counts the element once for each kind of page its class or id hints at (read with its
/// markers, [`crate::markers::Reading::kinds`]).
fn class_words(kinds: u8, hits: &mut [u32; 7]) {
    for (k, h) in hits.iter_mut().enumerate() {
        *h += u32::from(kinds >> k & 1);
    }
}

static TEXT_MATCHER: LazyLock<KindMatcher> = LazyLock::new(|| kind_matcher(cues::PAGE_TEXT_WORDS));

/// Counts a short line once for each kind of page its words hint at (a phrase counts where
/// a word starts).
fn text_words(text: &str, hits: &mut [u32; 4]) {
    let Some((ac, kinds)) = TEXT_MATCHER.as_ref() else {
        return;
    };
    let mut seen = [false; 4];
    if !ac.is_match(text) {
        return;
    }
    for m in ac.find_overlapping_iter(text) {
        let starts_word = !text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(crate::chars::is_alphanumeric);
        if let Some(s) = kinds
            .get(m.pattern().as_usize())
            .and_then(|&k| seen.get_mut(k))
        {
            *s |= starts_word;
        }
    }
    for (h, s) in hits.iter_mut().zip(seen) {
        *h += u32::from(s);
    }
}

/// Currency signs and codes, for [`has_price`].
const CURRENCIES: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "zł", "лв",
    "kr",
];

static CURRENCY_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(CURRENCIES)
        .ok()
});

/// True when the text holds a price: a currency sign or code next to a number ("$10",
/// "$ 10", "10 €", "USD 40", "лв1097,87").
pub(crate) fn has_price(text: &str) -> bool {
    let Some(ac) = CURRENCY_MATCHER.as_ref() else {
        return false;
    };
    let b = text.as_bytes();
    // A price has a digit: most lines without one are not searched.
    if !b.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    ac.find_iter(text).any(|m| {
        let (start, end) = (m.start(), m.end());
        let after = digit_at(end) || (b.get(end) == Some(&b' ') && digit_at(end + 1));
        let before = start > 0
            && (digit_at(start - 1) || (b[start - 1] == b' ' && start > 1 && digit_at(start - 2)));
        after || before
    })
}

/// The probability of each type under the model, from the page's features. A feature whose
/// signal the page does not give is neutral: it adds nothing to any type.
pub(crate) fn probabilities(features: &PageFeatures, known: Known) -> Vec<(PageType, f32)> {
    let mut logits = model::BIAS;
    for w in model::FEATURES {
        let z = standardised(w, features, known);
        for (logit, weight) in logits.iter_mut().zip(w.weights) {
            *logit += z * weight;
        }
    }
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp = logits.map(|l| (l - max).exp());
    let total: f32 = exp.iter().sum();
    model::CLASSES
        .iter()
        .zip(exp)
        .map(|(&c, e)| (c, if total > 0.0 { e / total } else { 0.0 }))
        .collect()
}

/// A feature's standardised value on the page; 0 (neutral) when the page does not give its
/// signal, or when the model reads a feature the page has no value for.
fn standardised(w: &model::Weights, features: &PageFeatures, known: Known) -> f32 {
    let signal = PageFeatures::NAMES
        .iter()
        .find(|(n, _)| *n == w.name)
        .map(|&(_, s)| s);
    match (features.get(w.name), signal) {
        (Some(x), Some(signal)) if known.has(signal) && w.scale > 0.0 => (x - w.mean) / w.scale,
        _ => 0.0,
    }
}

/// The type a page is read as. Each reading's expected loss is the sum, over the types the
/// page may be, of the type's probability times what that reading costs a page of that type
/// ([`READING_LOSS`], measured on the labelled sets, plus [`tuning::MISREAD_COST`] for
/// naming the type wrong). The reading with the least expected loss wins, among those the
/// page gives positive evidence for (`has_evidence`: repeated items, thread or shop words,
/// code): the article's reading needs none. A page with the shape of an article
/// ([`Described::article_like`]) is read as another type only when the model is sure of it
/// ([`tuning::SURE_OVER_ARTICLE`]). Missing evidence is no vote either way.
pub(crate) fn detect(
    page: &Described,
    words: u32,
    mut has_evidence: impl FnMut(PageType, &PageFeatures) -> bool,
) -> Detection {
    let probabilities = probabilities(&page.features, page.known);
    let p: Vec<f32> = probabilities.iter().map(|&(_, p)| p).collect();
    let loss: Vec<f32> = (0..p.len())
        .map(|r| {
            p.iter()
                .enumerate()
                .map(|(t, &pt)| {
                    let misread = if t == r { 0.0 } else { tuning::MISREAD_COST };
                    pt * (READING_LOSS
                        .get(t)
                        .and_then(|row| row.get(r))
                        .copied()
                        .unwrap_or(0.0)
                        + misread)
                })
                .sum()
        })
        .collect();
    let mut order: Vec<usize> = (0..loss.len()).collect();
    order.sort_by(|&a, &b| loss[a].total_cmp(&loss[b]));
    // Readings are tried from the least expected loss; those refused before one is taken are
    // marked, and the evidence of the others is never looked for.
    let mut weighed: Vec<Option<f32>> = loss.iter().copied().map(Some).collect();
    let mut best = 0;
    for &r in &order {
        let t = probabilities[r].0;
        let ok = t == PageType::Article
            || ((!page.article_like || p[r] >= tuning::SURE_OVER_ARTICLE)
                && has_evidence(t, &page.features));
        if ok {
            best = r;
            break;
        }
        weighed[r] = None;
    }
    let page_type = if words < MIN_WORDS {
        PageType::Other
    } else {
        probabilities
            .get(best)
            .map_or(PageType::Article, |&(t, _)| t)
    };
    let evidence = PageFeatures::NAMES
        .iter()
        .map(|&(feature, signal)| {
            let value = page.features.get(feature).unwrap_or(0.0);
            let part = model::FEATURES
                .iter()
                .find(|w| w.name == feature)
                .map_or(0.0, |w| {
                    standardised(w, &page.features, page.known)
                        * w.weights.get(best).copied().unwrap_or(0.0)
                });
            Evidence {
                feature,
                value,
                part,
                neutral: !page.known.has(signal),
            }
        })
        .collect();
    Detection {
        page_type,
        read_as: reading_of(page_type),
        expected_loss: probabilities
            .iter()
            .zip(weighed)
            .map(|(&(t, _), l)| (t, l))
            .collect(),
        probabilities,
        article_like: page.article_like,
        evidence,
        given: false,
    }
}

/// The reading a type is read with: its own, or the article's for the types the model does
/// not tell apart.
pub(crate) fn reading_of(t: PageType) -> PageType {
    match t {
        PageType::Recipe | PageType::Video | PageType::Profile | PageType::Other => {
            PageType::Article
        }
        t => t,
    }
}

/// Positive evidence of a type in the page's features alone: thread markup or words for a
/// forum, prices, offers or shop words for a product, code or manual words for documentation.
/// (Listings, product grids and service pages need their runs of items, which the caller
/// finds with the reading's layout words.)
pub(crate) fn evidence_in_features(t: PageType, f: &PageFeatures) -> bool {
    let any = |xs: &[f32]| xs.iter().any(|&x| x > 0.0);
    match t {
        PageType::Forum => any(&[f.ld_forum, f.url_forum, f.class_forum, f.text_forum]),
        PageType::Product => any(&[
            f.prices,
            f.ld_product,
            f.ld_offer,
            f.og_product,
            f.class_product,
            f.text_commerce,
        ]),
        PageType::Documentation => any(&[
            f.pre_blocks,
            f.ld_docs,
            f.url_docs,
            f.class_docs,
            f.text_docs,
            f.group_items,
        ]),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_found_in_several_notations() {
        for t in [
            "$10.93 - $17.00",
            "€ 74,00",
            "74,00 €",
            "1.299 kr",
            "USD 40",
            "лв1097,87",
        ] {
            assert!(has_price(t), "{t}");
        }
        for t in ["The 1990s", "Save $ now", "€uro", "Chapter 4"] {
            assert!(!has_price(t), "{t}");
        }
    }

    #[test]
    fn every_declared_type_has_its_feature() {
        for (name, _) in cues::DECLARED_TYPES {
            assert!(PageFeatures::default().get(name).is_some(), "{name}");
        }
    }

    #[test]
    fn the_model_reads_every_feature_by_name_and_nothing_else() {
        let mut names: Vec<&str> = PageFeatures::NAMES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PageFeatures::NAMES.len(), "unique names");
        let mut model: Vec<&str> = model::FEATURES.iter().map(|w| w.name).collect();
        model.sort_unstable();
        assert_eq!(model, names, "the model's features are the page's features");
        assert!(model::FEATURES
            .iter()
            .all(|w| w.scale > 0.0 && w.mean.is_finite()));
    }

    #[test]
    fn a_signal_the_page_does_not_give_moves_no_type() {
        // A page without a URL reads the same whatever its URL features would say.
        let mut f = PageFeatures {
            words: 6.0,
            prose_share: 0.7,
            ..PageFeatures::default()
        };
        let without = Known::default();
        let a = probabilities(&f, without);
        f.url_slug_words = 1.0;
        f.url_depth = 1.0;
        f.url_forum = 1.0;
        assert_eq!(probabilities(&f, without), a);
        let with = Known {
            url: true,
            ..Known::default()
        };
        assert_ne!(probabilities(&f, with), a, "a URL that is there counts");
    }
}
