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
use super::{link_density, Judged};
use crate::cues;
use crate::metadata::PageType;
use crate::segment::{Kind, Segmentation};

/// What the page says about itself, read before its blocks are scored.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hints<'h> {
    /// Every JSON-LD `@type` and microdata `itemtype` (last path step).
    pub declared: Vec<&'h str>,
    /// The OpenGraph `og:type`.
    pub og_type: Option<&'h str>,
    /// The page's URL: the caller's, else the canonical or `og:url`.
    pub url: Option<&'h str>,
}

/// The names of the features, in the model's input order.
pub(crate) const FEATURES: &[&str] = &[
    // declared
    "ld_article",
    "ld_product",
    "ld_offer",
    "ld_list",
    "ld_forum",
    "ld_docs",
    "ld_service",
    "ld_faq",
    "og_article",
    "og_product",
    "og_website",
    // URL
    "url_known",
    "url_depth",
    "url_root",
    "url_query",
    "url_slug_words",
    "url_date",
    "url_forum",
    "url_docs",
    "url_product",
    "url_collection",
    "url_listing",
    "url_article",
    "url_service",
    // text as a whole
    "words",
    "prose_share",
    "link_share",
    "region_share",
    "trusted",
    "heading_rate",
    "pre_share",
    "pre_blocks",
    "table_share",
    "list_share",
    "short_share",
    "hidden_share",
    "chrome_share",
    "prices",
    "price_share",
    "dates",
    "times",
    // repeated structure
    "groups",
    "group_share",
    "group_items",
    "group_item_words",
    "group_links",
    "group_titled",
    "group_priced",
    "group_dated",
    "group_in_region",
    "group_prose",
    // markup words
    "class_product",
    "class_grid",
    "class_forum",
    "class_docs",
    "class_service",
    "class_article",
    "class_card",
    "articles",
    "sections",
    // short lines
    "text_forum",
    "text_commerce",
    "text_docs",
    "text_service",
];

/// One feature's value and its weight towards the chosen type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence {
    pub feature: &'static str,
    pub value: f32,
    /// Weight × standardised value, towards the chosen type (the part it played).
    pub part: f32,
}

/// The detected type, the probability of each type, and the features behind them.
#[derive(Debug, Clone)]
pub(crate) struct Detection {
    pub page_type: PageType,
    /// The type whose reading is applied (see [`super::tuning::strategy`]).
    pub read_as: PageType,
    pub probabilities: Vec<(PageType, f32)>,
    pub evidence: Vec<Evidence>,
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

/// The features of a page, in [`FEATURES`] order.
pub(crate) fn features(
    seg: &Segmentation<'_>,
    facts: &[Judged],
    trusted: bool,
    groups: &[Group],
    dominant: Option<&Group>,
    hints: &Hints<'_>,
) -> Vec<f32> {
    let blocks = &seg.blocks;
    let elems = &seg.elems;
    let mut v = Vec::with_capacity(FEATURES.len());
    for (_, types) in cues::DECLARED_TYPES {
        v.push(any_of(&hints.declared, types));
    }
    let og = hints.og_type.unwrap_or("").trim().to_ascii_lowercase();
    v.push(yes(og == "article" || og.starts_with("article")));
    v.push(yes(og.starts_with("product") || og == "og:product"));
    v.push(yes(og == "website"));
    url_features(hints.url, &mut v);

    // The text as a whole.
    let (mut words, mut links, mut prose, mut region, mut headings, mut pre, mut pre_n) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let (mut table, mut list, mut short, mut hidden, mut chrome, mut prices, mut dates) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let mut text_hits = [0u32; 4];
    for (b, f) in blocks.iter().zip(facts) {
        if f.consent {
            continue;
        }
        words += b.words;
        links += b.link_words;
        if f.prose {
            prose += b.words;
            if f.in_region {
                region += b.words;
            }
        }
        match b.kind {
            Kind::Heading(_) => headings += 1,
            Kind::Pre => {
                pre += b.words;
                pre_n += 1;
            }
            Kind::TableRow => table += b.words,
            Kind::ListItem => list += b.words,
            _ => {}
        }
        if b.words < 5 {
            short += b.words;
        }
        if b.hidden {
            hidden += b.words;
        }
        if f.chrome.is_some() {
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
    v.push(log1p(words as f32));
    v.push(share(prose));
    v.push(share(links));
    v.push(if prose == 0 {
        0.0
    } else {
        region as f32 / prose as f32
    });
    v.push(yes(trusted));
    v.push(if words == 0 {
        0.0
    } else {
        (100.0 * headings as f32 / words as f32).min(10.0)
    });
    v.push(share(pre));
    v.push(log1p(pre_n as f32));
    v.push(share(table));
    v.push(share(list));
    v.push(share(short));
    v.push(share(hidden));
    v.push(share(chrome));
    v.push(log1p(prices as f32));
    v.push(if blocks.is_empty() {
        0.0
    } else {
        (prices as f32 * 20.0 / blocks.len() as f32).min(1.0)
    });
    v.push(log1p(dates as f32));
    v.push(log1p(seg.sources.times.len() as f32));

    // Repeated structure.
    v.push(log1p(
        groups
            .iter()
            .filter(|g| {
                g.items
                    .iter()
                    .any(|&i| items::substantial(&elems[i as usize]))
            })
            .count() as f32,
    ));
    match dominant {
        Some(g) => {
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
                .filter(|(_, f)| f.prose)
                .map(|(b, _)| b.words)
                .sum();
            v.push(share(g.words));
            v.push(log1p(n));
            v.push(log1p(g.words as f32 / n));
            v.push(link_density(g.words, g.link_words));
            v.push(titled as f32 / n);
            v.push(priced as f32 / n);
            v.push(dated as f32 / n);
            v.push(yes(facts.get(a).is_some_and(|f| f.in_region)));
            v.push(if g.words == 0 {
                0.0
            } else {
                group_prose as f32 / g.words as f32
            });
        }
        None => v.extend([0.0; 9]),
    }

    // Markup words.
    let mut class_hits = [0u32; 7];
    let (mut articles, mut sections) = (0u32, 0u32);
    for e in elems {
        match &*e.tag {
            "article" => articles += 1,
            "section" => sections += 1,
            _ => {}
        }
        // A box without text (an icon, a spacer) tells nothing about the page.
        if e.words > 0 {
            class_words(e.class(), e.id(), &mut class_hits);
        }
    }
    let per_element = |x: u32| log1p(x as f32);
    v.extend(class_hits.iter().map(|&x| per_element(x)));
    v.push(log1p(articles as f32));
    v.push(log1p(sections as f32));
    v.extend(text_hits.iter().map(|&x| log1p(x as f32)));
    debug_assert_eq!(v.len(), FEATURES.len());
    v
}

/// The URL's features: known, depth, root, query, slug words, a date, and a hint per kind.
fn url_features(url: Option<&str>, v: &mut Vec<f32>) {
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let Some(u) = parsed.filter(|u| u.has_host()) else {
        v.extend([0.0; 13]);
        return;
    };
    let segments: Vec<String> = u
        .path_segments()
        .map(|s| {
            s.filter(|x| !x.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default();
    v.push(1.0);
    v.push(segments.len().min(6) as f32 / 6.0);
    v.push(yes(segments.is_empty()));
    v.push(yes(u.query().is_some_and(|q| !q.is_empty())));
    let last = segments.last().map_or("", String::as_str);
    let slug = last.trim_end_matches(".html").trim_end_matches(".htm");
    v.push(
        (slug
            .split(['-', '_'])
            .filter(|w| w.len() > 1)
            .count()
            .min(12)) as f32
            / 12.0,
    );
    let year = |s: &str| {
        s.len() == 4 && s.starts_with(['1', '2']) && s.bytes().all(|b| b.is_ascii_digit())
    };
    v.push(yes(segments.iter().any(|s| year(s))));
    for (_, words) in cues::URL_WORDS {
        let hit = segments.iter().take(4).any(|s| {
            let s = s.as_str();
            words
                .iter()
                .any(|w| s == *w || (w.len() >= 4 && s.starts_with(w)))
        });
        v.push(yes(hit));
    }
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

static CLASS_MATCHER: LazyLock<KindMatcher> =
    LazyLock::new(|| kind_matcher(cues::PAGE_CLASS_WORDS));

/// Counts the element once for each kind of page its class or id hints at.
fn class_words(class: Option<&str>, id: Option<&str>, hits: &mut [u32; 7]) {
    let Some((ac, kinds)) = CLASS_MATCHER.as_ref() else {
        return;
    };
    let mut seen = [false; 7];
    for value in [class, id].into_iter().flatten() {
        // A class list of thousands of tokens says nothing more than its start.
        let value = value.get(..value.len().min(MAX_CLASS_BYTES)).unwrap_or("");
        for m in ac.find_overlapping_iter(value) {
            if let Some(&k) = kinds.get(m.pattern().as_usize()) {
                if let Some(s) = seen.get_mut(k) {
                    *s = true;
                }
            }
        }
    }
    for (h, s) in hits.iter_mut().zip(seen) {
        *h += u32::from(s);
    }
}

/// The start of a class or id value that is read for page-type words.
const MAX_CLASS_BYTES: usize = 256;

static TEXT_MATCHER: LazyLock<KindMatcher> = LazyLock::new(|| kind_matcher(cues::PAGE_TEXT_WORDS));

/// Counts a short line once for each kind of page its words hint at (a phrase counts where
/// a word starts).
fn text_words(text: &str, hits: &mut [u32; 4]) {
    let Some((ac, kinds)) = TEXT_MATCHER.as_ref() else {
        return;
    };
    let mut seen = [false; 4];
    for m in ac.find_overlapping_iter(text) {
        let starts_word = !text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
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
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    ac.find_iter(text).any(|m| {
        let (start, end) = (m.start(), m.end());
        let after = digit_at(end) || (b.get(end) == Some(&b' ') && digit_at(end + 1));
        let before = start > 0
            && (digit_at(start - 1) || (b[start - 1] == b' ' && start > 1 && digit_at(start - 2)));
        after || before
    })
}

/// The type of a page from its features: the most probable under the model, or `Other` for
/// a page with almost no text.
pub(crate) fn detect(values: &[f32], words: u32) -> Detection {
    let k = model::CLASSES.len();
    let mut logits = vec![0f32; k];
    let z: Vec<f32> = values
        .iter()
        .enumerate()
        .map(|(j, &x)| {
            let mean = model::MEAN.get(j).copied().unwrap_or(0.0);
            let scale = model::SCALE.get(j).copied().unwrap_or(1.0);
            if scale > 0.0 {
                (x - mean) / scale
            } else {
                0.0
            }
        })
        .collect();
    for (c, logit) in logits.iter_mut().enumerate() {
        let w = model::WEIGHTS.get(c);
        *logit = model::BIAS.get(c).copied().unwrap_or(0.0)
            + z.iter()
                .enumerate()
                .map(|(j, x)| x * w.and_then(|w| w.get(j)).copied().unwrap_or(0.0))
                .sum::<f32>();
    }
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    let probabilities: Vec<(PageType, f32)> = model::CLASSES
        .iter()
        .zip(&exp)
        .map(|(&c, &e)| (c, if total > 0.0 { e / total } else { 0.0 }))
        .collect();
    let best = (0..k)
        .max_by(|&a, &b| logits[a].total_cmp(&logits[b]))
        .unwrap_or(0);
    let page_type = if words < MIN_WORDS {
        PageType::Other
    } else {
        model::CLASSES
            .get(best)
            .copied()
            .unwrap_or(PageType::Article)
    };
    let evidence = FEATURES
        .iter()
        .zip(values)
        .zip(&z)
        .enumerate()
        .map(|(j, ((&feature, &value), &zj))| Evidence {
            feature,
            value,
            part: zj
                * model::WEIGHTS
                    .get(best)
                    .and_then(|w| w.get(j))
                    .copied()
                    .unwrap_or(0.0),
        })
        .collect();
    let confidence = probabilities
        .iter()
        .find(|(t, _)| *t == page_type)
        .map_or(0.0, |&(_, p)| p);
    Detection {
        page_type,
        read_as: super::tuning::read_as(page_type, confidence),
        probabilities,
        evidence,
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
    fn declared_types_fill_the_ld_features_in_order() {
        let names: Vec<&str> = cues::DECLARED_TYPES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, FEATURES[..names.len()]);
    }

    #[test]
    fn feature_names_are_unique_and_the_model_reads_them_all() {
        let mut names: Vec<&str> = FEATURES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FEATURES.len());
        assert_eq!(model::MEAN.len(), FEATURES.len());
        assert_eq!(model::SCALE.len(), FEATURES.len());
        assert!(model::WEIGHTS.iter().all(|w| w.len() == FEATURES.len()));
        assert_eq!(model::WEIGHTS.len(), model::CLASSES.len());
        assert_eq!(model::BIAS.len(), model::CLASSES.len());
    }
}
