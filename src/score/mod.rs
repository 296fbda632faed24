//! Stage 5 — score and classify: choose the main-content region, then score every block.
//!
//! The parts, one module each:
//!
//! 1. **Region** ([`region`]). Readability's candidate scoring: every prose-like block gives
//!    points (one, plus its commas, plus its length in hundreds of characters, at most three)
//!    to the element that holds it, half to the next ancestor, and a third of the level to the
//!    ones above. Each candidate starts from its tag and class/id weights and is discounted by
//!    its link density. Text in a consent manager's dialog or in the page's `<footer>` gives no
//!    points. The best candidate may give way to an ancestor that holds several
//!    near-best candidates, or that it shares with a strong candidate beside it (an article cut
//!    into chunks). Its siblings join the region when they score well too, but only as one
//!    unbroken run around it: a link list or a chrome-marked box ends the run, so what follows
//!    a teaser list in another container is not taken for the article.
//! 2. **Chrome inside the region.** A chrome marker between the region and a block counts
//!    against it, unless the marked box holds most of the region (a page builder's wrapper),
//!    or one chrome word marks the region's prose from its first post on (a forum's posts).
//! 3. **Above the region** ([`lead`]): the lead paragraph, and unmarked prose that opens an
//!    article the region's container left out. **Listings** ([`listing`]): the linked titles of
//!    look-alike items that make up the page.
//! 4. **Terms** ([`terms`]). Each block's score is a sum of named inputs times their weights
//!    ([`Term`], weights in [`weights`], thresholds in [`tuning`]): region membership, the
//!    lead, chrome markers, link density, length, stopword density, short lines at the
//!    region's edges, the headline, dates, credits, ad labels, captions, calls to action
//!    ("subscribe", "follow us") among the region's last blocks, and the kind of block. The
//!    tests on a block's own text are in [`lexical`].
//! 5. **Context** ([`context`]). A second pass lets a heading take the label of the section it
//!    opens, a short line ending in a colon the label of what it introduces, and other short
//!    lines lean to their neighbours. Every input is kept in the block's explanation.
//! 6. **No trusted region.** When the region holds too little of the page's prose, region
//!    membership is not trusted; blocks are judged on their own features and their
//!    neighbours' (jusText).
//! 7. **Page types** ([`items`], [`page_type`]). Runs of look-alike items are grouped, the page
//!    type is detected, and the type's reading ([`tuning::Strategy`]) sets the few parameters
//!    that differ between kinds of page: which items are content, the type's own chrome and
//!    layout words, short lines, sections outside the region.
//! 8. **After the threshold** ([`rescue`], [`drop_repeats`]). A page with prose where nothing
//!    reached the threshold keeps its best run of blocks, and copies are said once.

mod context;
pub(crate) mod explain;
pub(crate) mod items;
mod lead;
mod lexical;
mod listing;
pub(crate) mod page_type;
mod page_type_model;
mod reading_loss;
mod region;
mod terms;
mod threads;
pub(crate) mod tuning;
pub(crate) mod weights;

use crate::language;
use crate::segment::{self, Elem, Kind, RawBlock, Segmentation};
use crate::stopwords;
use explain::{Contribution, Term};
use std::collections::HashMap;
use tuning::{
    MIN_REGION_SHARE, OWN_CONTENT_SHARE, OWN_WORDS_SHARE, REGION_TAIL_BLOCKS,
    UNMARKED_ARTICLE_SHARE,
};

/// A chrome marker that applies to a block: its word and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Chrome {
    pub word: &'static str,
    pub weight: i16,
}

impl Chrome {
    fn of(e: &Elem<'_>) -> Option<Chrome> {
        e.cue.chrome.map(|word| Chrome {
            word,
            weight: e.cue.chrome_weight,
        })
    }

    /// Scale of the chrome term: 1.0 for an ordinary chrome word.
    fn strength(self) -> f32 {
        f32::from(-self.weight) / f32::from(-crate::cues::NORMAL)
    }
}

/// Everything scoring learns about one block, and its result: one record per block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Judged {
    /// Share of the page language's function words.
    pub stop_density: f32,
    /// The block has words a stoplist can judge (it is not all link text).
    pub has_stopwords: bool,
    /// Inside the main-content region.
    pub in_region: bool,
    /// The chrome marker over the block, if any.
    pub chrome: Option<Chrome>,
    /// In a consent manager's dialog: laid over the page, no part of it (not prose, and not
    /// counted in the page's features).
    pub consent: bool,
    /// Prose: few links, not a heading, long enough or a whole sentence.
    pub prose: bool,
    /// The lead paragraph just before the region.
    pub lead: bool,
    /// Unmarked prose above the region: the article's opening.
    pub prose_above: bool,
    /// The linked title of a listing's item.
    pub item_title: bool,
    /// In one of the page's repeated items, where the page's type makes them content.
    pub in_items: bool,
    /// The block is only the labels of controls ("Add to cart", "Quick view").
    pub control: bool,
    /// In a thread of reader comments after the article.
    pub in_thread: bool,
    /// A gallery slide's counter and caption.
    pub slide: bool,
    /// In a promotion of other stories inside the article.
    pub promo: bool,
    /// The block carries the `Headline` term.
    pub headline: bool,
    /// The block says what a paywall, a subscription pitch or a consent notice says (the
    /// `Paywall` or `ConsentNotice` term): it is judged on its own, not by the section it
    /// heads or its neighbours.
    pub prompt: bool,
    /// How surely the block is the site's template (0 to 1), from a template memory.
    pub template: f32,
    /// The sum of the terms.
    pub score: f32,
    /// The terms of the score; empty when explanations were not asked for.
    pub terms: Vec<Contribution>,
}

/// What holds for the whole page while its blocks are scored.
pub(crate) struct Page {
    /// The region holds enough of the page's prose to be trusted.
    pub trusted: bool,
    /// The region's first and last prose blocks: its edges.
    pub first_long: Option<usize>,
    pub last_long: Option<usize>,
    /// The first of the region's last few blocks of some length, where publishers put their
    /// requests (the block count when the article is too short to have such a tail).
    pub region_tail: usize,
    pub keep_captions: bool,
    pub explain: bool,
    /// The reading's parameters.
    pub strategy: tuning::Strategy,
}

/// Labels and explanations for every block of a segmentation.
pub(crate) struct Classified {
    /// One record per block, in document order.
    pub blocks: Vec<Judged>,
    /// The page's type and the evidence for it.
    pub page: page_type::Detection,
    /// How the page is read.
    pub strategy: tuning::Strategy,
    pub language: Option<&'static str>,
    pub headline: Option<usize>,
    /// The blocks of each item of the page's main run of items (with the layout words of
    /// the readings that take items), for a page whose blocks all fall under the threshold.
    pub main_items: Vec<std::ops::Range<usize>>,
}

pub(crate) fn link_density(words: u32, link_words: u32) -> f32 {
    if words == 0 {
        0.0
    } else {
        link_words as f32 / words as f32
    }
}

/// True when most of the block's words are link text (a linked title).
pub(crate) fn mostly_linked(b: &RawBlock) -> bool {
    link_density(b.words, b.link_words) > 0.5
}

/// A short line under a picture that names it: a caption or credit, whatever its tag.
fn picture_line(b: &RawBlock) -> bool {
    b.after_image && lexical::names_a_picture(&b.text)
}

/// The page's language and the stoplist to score it with. Detection reads the page's prose
/// (blocks of ten words or more, mostly unlinked, up to [`language::SAMPLE_BYTES`]); when it
/// names a language with a stoplist, that list is used. Otherwise the stoplist with the most
/// hits scores the page (a language without a list is still reported as detected).
fn page_language(seg: &Segmentation<'_>) -> (Option<&'static str>, Option<usize>) {
    let (by_stopwords, stop_idx) = stopwords::detect(&seg.stops);
    let mut sample = String::new();
    for b in &seg.blocks {
        if sample.len() >= language::SAMPLE_BYTES {
            break;
        }
        if b.words >= 10 && b.link_words * 2 < b.words {
            sample.push_str(&b.text);
            sample.push('\n');
        }
    }
    // Latin and Cyrillic text whose stoplists settle it needs no model (the model costs
    // more than the rest of the scoring); other scripts, and unsure lists, go to it.
    if language::is_european_script(&sample) {
        if let Some((code, idx)) = stopwords::sure(&seg.stops) {
            return (Some(code), Some(idx));
        }
    }
    match language::detect(&sample) {
        Some(code) => {
            let listed = stopwords::STOPLISTS.codes.iter().position(|c| *c == code);
            (Some(code), listed.or(stop_idx))
        }
        None => (by_stopwords, stop_idx),
    }
}

/// Scores every block. With `explain`, each block's terms are kept as well as its score.
/// `template` holds each block's template input, when a template memory knows the page's
/// host.
pub(crate) fn classify(
    seg: &Segmentation<'_>,
    hints: &page_type::Hints<'_>,
    template: Option<&[f32]>,
    keep_captions: bool,
    explain: bool,
    deadline: &crate::limits::Deadline,
) -> Result<Classified, crate::error::Error> {
    let blocks = &seg.blocks;
    let n = blocks.len();
    let (language, lang_idx) = page_language(seg);
    let mut facts: Vec<Judged> = Vec::with_capacity(n);
    // Each block's counts, kept by the walk or counted again now. Text that is all link
    // (menus, teaser lists) is judged by its link density alone, as in segmentation.
    let mut scratch = String::new();
    for (i, b) in blocks.iter().enumerate() {
        let counted;
        let (stop_density, has_stopwords) = match seg.block_stops.get(i) {
            Some(kept) => (
                stopwords::density(kept, lang_idx),
                kept.tokens + kept.unspaced_chars > 0,
            ),
            None if b.link_words >= b.words => (0.0, false),
            None => {
                counted = stopwords::count(&b.text, &mut scratch);
                (
                    stopwords::density(&counted, lang_idx),
                    counted.tokens + counted.unspaced_chars > 0,
                )
            }
        };
        facts.push(Judged {
            stop_density,
            has_stopwords,
            control: b.words as usize <= lexical::CONTROL_LABEL_MAX_WORDS
                && lexical::is_control_label(&b.text),
            ..Judged::default()
        });
    }

    if let Some(inputs) = template {
        for (f, &t) in facts.iter_mut().zip(inputs) {
            f.template = t;
        }
    }

    deadline.check("score")?;
    let consent = region::consent_elems(&seg.elems);
    let candidates = region::candidate_scores(seg, &consent);
    let roots = region::choose_region(seg, &candidates);
    let (elem_inside, elem_chrome) = region::locate_all(&seg.elems, &roots);
    for (b, f) in blocks.iter().zip(facts.iter_mut()) {
        f.in_region = elem_inside.get(b.elem as usize).copied().unwrap_or(false);
        f.chrome = elem_chrome.get(b.elem as usize).copied().flatten();
        f.consent = consent.get(b.elem as usize).copied().unwrap_or(false);
        f.prose = !b.hidden
            && !f.consent
            && link_density(b.words, b.link_words) < 0.3
            && !matches!(b.kind, Kind::Heading(_))
            && (b.words >= 15 || (b.words >= 5 && lexical::ends_sentence(&b.text)));
    }

    // Is the region trustworthy? Compare its prose with the page's.
    // The region's prose blocks, in order; its first and last are the region's edges.
    let region_long: Vec<usize> = (0..n)
        .filter(|&i| facts[i].in_region && facts[i].prose)
        .collect();
    // Prose under a chrome marker of ordinary strength or more outside the region (a comment
    // thread, a box of related stories) does not compete with it.
    let page_prose: u32 = (0..n)
        .filter(|&i| {
            facts[i].prose
                && (facts[i].in_region || facts[i].chrome.is_none_or(|c| c.strength() < 1.0))
        })
        .map(|i| blocks[i].words)
        .sum();
    let region_prose: u32 = region_long.iter().map(|&i| blocks[i].words).sum();
    let trusted = page_prose > 0 && region_prose as f32 >= MIN_REGION_SHARE * page_prose as f32;
    clear_own_chrome(blocks, &mut facts, &region_long, region_prose);

    let first_region = facts.iter().position(|f| f.in_region);
    // The region's last few blocks of some length: where publishers put their requests.
    let region_lines: Vec<usize> = (0..n)
        .filter(|&j| facts[j].in_region && blocks[j].words >= 3)
        .collect();
    // Only in an article long enough that its end is not all of it.
    let region_tail = if region_lines.len() > REGION_TAIL_BLOCKS * 2 {
        region_lines
            .get(region_lines.len() - REGION_TAIL_BLOCKS)
            .copied()
            .unwrap_or(n)
    } else {
        n
    };
    deadline.check("score")?;
    // Repeated structure and the page's type.
    let groups = items::groups(seg);
    let qualified = items::qualified(seg, &groups, &[]);
    let dominant = items::dominant(&qualified);
    // The page's runs of items as the readings that take items find them, with their layout
    // words ("teaser", "search"), describe it: a listing's entries are often called teasers.
    let as_items = items::qualified(seg, &groups, crate::cues::ITEMS_LAYOUT);
    let described = page_type::describe(
        seg,
        &facts,
        trusted,
        &groups,
        items::dominant(&as_items),
        hints,
    );
    let page_words: u32 = blocks.iter().map(|b| b.words).sum();
    let other_prose = described.other_prose;
    let mut page_kind = page_type::detect(&described, page_words, |t, f| {
        let reading = tuning::strategy(t);
        // A landing page's reading also reads prose outside the region as its sections.
        if reading.sections && other_prose >= tuning::SECTIONS_EVIDENCE_WORDS {
            return true;
        }
        if reading.items == tuning::Items::All {
            // A listing's, a grid's or a landing page's reading needs its runs of items,
            // found with its own layout words.
            !items::qualified(seg, &groups, reading.layout).is_empty()
        } else {
            page_type::evidence_in_features(t, f)
        }
    });
    if let Some(given) = hints.given {
        page_kind.page_type = given;
        page_kind.read_as = page_type::reading_of(given);
        page_kind.given = true;
    }
    let strategy = tuning::strategy_for(page_kind.read_as, &page_kind.probabilities);
    // Words that name layout components on this kind of page are not chrome here.
    for f in facts.iter_mut() {
        if f.chrome.is_some_and(|c| strategy.layout.contains(&c.word)) {
            f.chrome = None;
        }
    }
    if !strategy.thread_words.is_empty() {
        clear_thread_words(blocks, &mut facts, strategy.thread_words);
    }
    if !strategy.chrome.is_empty() {
        mark_type_chrome(seg, &mut facts, strategy.chrome, page_words);
    }
    let chosen: Vec<&items::Group> = match strategy.items {
        tuning::Items::None => Vec::new(),
        tuning::Items::Dominant => dominant.into_iter().collect(),
        // Qualified again without the reading's layout words (a listing's "search" box).
        tuning::Items::All => items::qualified(seg, &groups, strategy.layout)
            .into_iter()
            .filter(|g| !points_away(seg, &facts, g, trusted, region_prose))
            .collect(),
    };
    for g in chosen {
        for &item in &g.items {
            let Some(e) = seg.elems.get(item as usize) else {
                continue;
            };
            let range = e.first_block as usize..e.end_block as usize;
            for (b, f) in blocks
                .get(range.clone())
                .unwrap_or_default()
                .iter()
                .zip(facts.get_mut(range).unwrap_or_default())
            {
                // A control's label in an item acts on it, and an ad label ("Sponsored")
                // says who paid for it: both are judged like any other block.
                let ad_label = b.words <= 3 && lexical::is_ad_label(&b.text);
                f.in_items = !(f.control || ad_label);
            }
        }
    }
    // A line found three times or more among the items is their template ("Read more", a
    // badge, a "Posted in"), not their content: it is judged like any other block.
    if strategy.item_template {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for (b, f) in blocks.iter().zip(facts.iter()) {
            if f.in_items {
                *counts.entry(b.text.as_str()).or_default() += 1;
            }
        }
        for (b, f) in blocks.iter().zip(facts.iter_mut()) {
            if f.in_items
                && counts
                    .get(b.text.as_str())
                    .is_some_and(|&n| n >= tuning::TEMPLATE_ITEMS)
            {
                f.in_items = false;
            }
        }
    }

    if strategy.comment_threads {
        threads::mark_threads(blocks, &mut facts);
        threads::mark_promos(blocks, &mut facts);
    }
    threads::mark_slides(blocks, &mut facts);

    if trusted {
        lead::mark_lead(blocks, &mut facts);
        if let Some(first) = first_region {
            lead::mark_prose_above(blocks, &mut facts, first);
        }
        listing::mark_item_titles(seg, &mut facts);
    }
    let page = Page {
        trusted,
        first_long: region_long.first().copied(),
        last_long: region_long.last().copied(),
        region_tail,
        keep_captions,
        explain,
        strategy,
    };
    deadline.check("score")?;
    let headline = terms::first_pass(blocks, &mut facts, &page, explain);
    deadline.check("score")?;
    context::second_pass(blocks, &mut facts, &page);
    let main_items = items::dominant(&as_items)
        .map(|g| {
            g.items
                .iter()
                .filter_map(|&i| seg.elems.get(i as usize))
                .map(|e| e.first_block as usize..(e.end_block as usize).min(n))
                .collect()
        })
        .unwrap_or_default();
    Ok(Classified {
        blocks: facts,
        page: page_kind,
        strategy,
        language,
        headline,
        main_items,
    })
}

/// A run of items outside a trusted region that holds far more prose than the items hold
/// words: an article's teasers of other pages, which only point away from it, not the
/// page's own items.
fn points_away(
    seg: &Segmentation<'_>,
    facts: &[Judged],
    g: &items::Group,
    trusted: bool,
    region_prose: u32,
) -> bool {
    let (a, _) = g.block_range(&seg.elems);
    trusted
        && !facts.get(a).is_some_and(|f| f.in_region)
        && region_prose as f32 >= tuning::ARTICLE_OVER_ITEMS * g.words as f32
}

/// Clears a thread word's marker (see [`tuning::Strategy::thread_words`]) when the prose it
/// marks is [`tuning::THREAD_WORD_SHARE`] of the prose outside the region or more: then it
/// names the posts (the region is often one post of them, whose own markers do not count).
fn clear_thread_words(blocks: &[RawBlock], facts: &mut [Judged], words: &[&str]) {
    let marks = |f: &Judged| f.chrome.is_some_and(|c| words.contains(&c.word));
    let (mut marked, mut all) = (0u32, 0u32);
    for (b, f) in blocks.iter().zip(facts.iter()) {
        if f.prose && !f.in_region {
            all += b.words;
            if marks(f) {
                marked += b.words;
            }
        }
    }
    if all == 0 || (marked as f32) < tuning::THREAD_WORD_SHARE * all as f32 {
        return;
    }
    for f in facts.iter_mut() {
        if marks(f) {
            f.chrome = None;
        }
    }
}

/// Marks the blocks under an element that one kind of page's own chrome vocabulary names (a
/// product's reviews, a forum's signatures), where no other marker stands over them. A box
/// that holds half the page or more is a wrapper whatever its class says, and the root and
/// the body describe the page, not a part of it.
fn mark_type_chrome(
    seg: &Segmentation<'_>,
    facts: &mut [Judged],
    words: &'static [crate::cues::CueWord],
    page_words: u32,
) {
    let elems = &seg.elems;
    let mut marks: Vec<Option<Chrome>> = vec![None; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        let inherited = elems
            .get(e.parent as usize)
            .and_then(|_| marks[e.parent as usize]);
        let own = || {
            [e.class(), e.id()]
                .into_iter()
                .flatten()
                .find_map(|v| crate::markers::type_chrome_word(words, v))
                .map(|w| Chrome {
                    word: w.word,
                    weight: w.weight,
                })
        };
        let wrapper = e.words as f32 >= tuning::MAX_CHROME_SHARE * page_words as f32
            || matches!(&*e.tag, "html" | "body");
        marks[i] = inherited.or_else(|| {
            if e.cue.content || wrapper {
                None
            } else {
                own()
            }
        });
    }
    for (b, f) in seg.blocks.iter().zip(facts.iter_mut()) {
        if f.chrome.is_none() {
            f.chrome = marks.get(b.elem as usize).copied().flatten();
        }
    }
}

/// A chrome word that marks most of the region's prose names the page's own content (the
/// posts of a forum thread marked "comment", a page builder's "widget" boxes): it is not
/// chrome on this page.
fn clear_own_chrome(
    blocks: &[RawBlock],
    facts: &mut [Judged],
    region_long: &[usize],
    region_prose: u32,
) {
    let unmarked: u32 = region_long
        .iter()
        .filter(|&&i| facts[i].chrome.is_none())
        .map(|&i| blocks[i].words)
        .sum();
    // All the region's words, prose or not (a hub's runs of short items, its menus).
    let region_words: u32 = blocks
        .iter()
        .zip(facts.iter())
        .filter(|(_, f)| f.in_region)
        .map(|(b, _)| b.words)
        .sum();
    let mut marked_words: Vec<(&'static str, u32)> = Vec::new();
    for &i in region_long {
        if let Some(c) = facts[i].chrome {
            match marked_words.iter_mut().find(|(w, _)| *w == c.word) {
                Some(entry) => entry.1 += blocks[i].words,
                None => marked_words.push((c.word, blocks[i].words)),
            }
        }
    }
    for (word, words) in marked_words {
        // ... and it marks the region's first prose too (other chrome, a breadcrumb above the
        // thread, aside): an article followed by its comments starts unmarked.
        let first_marked = region_long
            .iter()
            .find(|&&i| facts[i].chrome.is_none_or(|c| c.word == word))
            .is_some_and(|&i| facts[i].chrome.is_some());
        let owns_region = first_marked
            && words as f32 >= OWN_CONTENT_SHARE * region_prose as f32
            && (!crate::cues::FURNITURE.contains(&word)
                || words as f32 >= OWN_WORDS_SHARE * region_words as f32);
        if region_prose > 0
            && owns_region
            && (unmarked as f32) < UNMARKED_ARTICLE_SHARE * region_prose as f32
        {
            for f in facts
                .iter_mut()
                .filter(|f| f.chrome.is_some_and(|c| c.word == word))
            {
                f.chrome = None;
            }
        }
    }
}

/// A block that repeats, word for word, an earlier content block is a copy (a layout for
/// another screen size, a carousel's cloned slide, a no-script fallback), when the reading's
/// [`tuning::Repeats`] says so: it is moved just under the threshold with the `Repeat` term, so
/// that the text says it once.
pub(crate) fn drop_repeats(
    seg: &Segmentation<'_>,
    facts: &mut [Judged],
    threshold: f32,
    repeats: tuning::Repeats,
) {
    let (min_words, sentences) = match repeats {
        tuning::Repeats::Kept => return,
        tuning::Repeats::Lines(n) => (n, false),
        tuning::Repeats::Sentences(n) => (n, true),
    };
    let blocks = &seg.blocks;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (j, (b, f)) in blocks.iter().zip(facts.iter_mut()).enumerate() {
        if f.score < threshold
            || b.words < min_words
            || b.kind == Kind::Pre
            || (sentences && !lexical::ends_sentence(&b.text))
        {
            continue;
        }
        match seen.entry(b.text.as_str()) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(j);
            }
            std::collections::hash_map::Entry::Occupied(first) => {
                if !same_text(&seg.elems, *first.get(), b.elem) {
                    move_to(f, threshold - 1e-3, Term::Repeat);
                }
            }
        }
    }
}

/// True when block `first` lies in the same text as the block element `later`: within
/// [`tuning::SAME_TEXT_LEVELS`] of its ancestors. A paragraph said again in the same text (a
/// refrain, a chorus) is the text's; one said again in another box of the page (the copy of
/// a layout for another screen size, a quote in a later post) is a copy.
fn same_text(elems: &[Elem<'_>], first: usize, later: u32) -> bool {
    let mut at = elems
        .get(later as usize)
        .map_or(segment::NONE, |e| e.parent);
    for _ in 0..tuning::SAME_TEXT_LEVELS {
        let Some(e) = elems.get(at as usize) else {
            return false;
        };
        if (e.first_block as usize..e.end_block as usize).contains(&first) {
            return true;
        }
        at = e.parent;
    }
    false
}

/// Never empty when the page has prose: when no block without a metadata role reaches the
/// threshold, the run of blocks around the best-scoring block of prose (some length, a
/// neutral share of function words or more, not mostly links; its neighbours scoring within
/// [`tuning::FALLBACK_MARGIN`] of it) is lifted to the threshold with the `Fallback` term. A
/// page of menus, link lists and labels alone (a blocked or empty page) stays empty.
///
/// A page with a main run of items (a home page of tiles, a hub) and no block over the
/// threshold has those items as its content instead: their names, teasers and prices, not
/// the labels of their controls. Prose that a word of the page's furniture marks (a footer's
/// address, a newsletter's pitch) is never the fallback, nor is a consent dialog's.
pub(crate) fn rescue(
    blocks: &[RawBlock],
    facts: &mut [Judged],
    roles: &[bool],
    main_items: &[std::ops::Range<usize>],
    threshold: f32,
) {
    let free = |i: usize| !roles.get(i).copied().unwrap_or(false);
    if (0..facts.len()).any(|i| free(i) && facts[i].score >= threshold) {
        return;
    }
    if !main_items.is_empty() {
        for i in main_items.iter().flat_map(Clone::clone) {
            let b = &blocks[i];
            let label = facts[i].control || (b.words <= 3 && lexical::is_ad_label(&b.text));
            if free(i) && b.words > 0 && !label {
                move_to(&mut facts[i], threshold + 1e-3, Term::Fallback);
            }
        }
        return;
    }
    let seed = (0..blocks.len())
        .filter(|&i| {
            free(i)
                && blocks[i].words >= tuning::FALLBACK_MIN_WORDS
                && !mostly_linked(&blocks[i])
                && facts[i].stop_density >= tuning::NEUTRAL_STOPWORD_DENSITY
                && !facts[i].consent
                && facts[i]
                    .chrome
                    .is_none_or(|c| !crate::cues::FURNITURE.contains(&c.word))
        })
        .max_by(|&a, &b| {
            facts[a]
                .score
                .total_cmp(&facts[b].score)
                .then(blocks[a].words.cmp(&blocks[b].words))
        });
    let Some(seed) = seed else {
        return;
    };
    let floor = facts[seed].score - tuning::FALLBACK_MARGIN;
    let joins = |i: usize| !free(i) || blocks[i].words == 0 || facts[i].score >= floor;
    let mut from = seed;
    while from > 0 && joins(from - 1) {
        from -= 1;
    }
    let mut to = seed + 1;
    while to < blocks.len() && joins(to) {
        to += 1;
    }
    // Link lists inside the run keep it together but are not lifted themselves.
    for i in (from..to).filter(|&i| free(i) && !mostly_linked(&blocks[i])) {
        // Just over the threshold, so that rounding cannot leave it under.
        move_to(&mut facts[i], threshold + 1e-3, Term::Fallback);
    }
}

/// Moves a block's score to `target` with one more term, kept in its explanation.
fn move_to(f: &mut Judged, target: f32, term: Term) {
    let value = target - f.score;
    f.score = target;
    if !f.terms.is_empty() {
        f.terms.push(Contribution {
            term,
            input: 1.0,
            value,
        });
    }
}

/// A block's final score and the terms added after classification: a byline or dateline is
/// metadata, and a block under the minimum length falls below the threshold.
pub(crate) fn finish(
    score: f32,
    words: u32,
    role: bool,
    min_words: u32,
    threshold: f32,
) -> (f32, [Option<Contribution>; 2]) {
    let mut score = score;
    let mut terms = [None, None];
    if role {
        let value = weights::weight(Term::MetadataLine);
        terms[0] = Some(Contribution {
            term: Term::MetadataLine,
            input: 1.0,
            value,
        });
        score += value;
    }
    if words < min_words {
        let deficit = score - threshold + 1.0;
        if deficit > 0.0 {
            terms[1] = Some(Contribution {
                term: Term::TooShort,
                input: 1.0,
                value: -deficit,
            });
            score -= deficit;
        }
    }
    (score, terms)
}

#[cfg(test)]
mod tests;
