//! Stage 5 — score and classify: choose the main-content region, then score every block.
//!
//! 1. **Region.** Readability's candidate scoring: every prose-like block gives points
//!    (one, plus its commas, plus its length in hundreds of characters, at most three) to the
//!    element that holds it, half to the next ancestor, and a third of the level to the ones
//!    above. Each candidate starts from its tag and class/id weights and is discounted by its
//!    link density. The best candidate may give way to an ancestor that holds several near-best
//!    candidates, or that it shares with a strong candidate beside it (an article cut into
//!    chunks). Its siblings join the region when they score well too, but only as one unbroken
//!    run around it: a link list or a chrome-marked box ends the run, so what follows a teaser
//!    list in another container is not taken for the article.
//! 2. **Chrome inside the region.** A chrome marker between the region and a block counts
//!    against it, unless the marked box holds most of the region (a page builder's wrapper),
//!    or one chrome word marks the region's prose from its first post on (a forum's posts).
//! 3. **Blocks.** Each block's score is a sum of named inputs times their weights
//!    ([`Term`], weights in [`crate::model`]): region membership, a lead paragraph just before
//!    the region, chrome markers, link density, length, stopword density, short lines at the
//!    region's edges, the headline, dates, credits, ad labels, captions, calls to action
//!    ("subscribe", "follow us") among the region's last blocks, and the kind of block.
//!    A second pass lets a heading take the label of the section it opens, a short line
//!    ending in a colon the label of what it introduces, and other short lines lean to their
//!    neighbours. Every input is kept in the block's explanation.
//! 4. **Fallback.** When the region holds too little of the page's prose, region membership is
//!    not trusted; blocks are judged on their own features and their neighbours' (jusText).

use std::collections::{HashMap, HashSet};

use html5ever::LocalName;

use crate::cues;
use crate::document::{BlockKind, Contribution, Term};
use crate::model;
use crate::segment::{Elem, Kind, RawBlock, Segmentation, NONE};
use crate::stopwords;

/// Labels and explanations for every block of a segmentation.
pub(crate) struct Classified {
    pub scores: Vec<f32>,
    /// Per block, the terms of its score; empty when explanations were not asked for.
    pub contributions: Vec<Vec<Contribution>>,
    pub stop_density: Vec<f32>,
    pub in_region: Vec<bool>,
    pub chrome: Vec<Option<Chrome>>,
    pub language: Option<&'static str>,
    pub headline: Option<usize>,
}

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

/// Readability's rule: a block shorter than this (in characters) gives no points.
const MIN_SCORING_CHARS: usize = 25;
/// How many ancestors receive points from a block.
const SCORING_LEVELS: usize = 5;
/// A region holding less than this share of the page's prose is not trusted.
const MIN_REGION_SHARE: f32 = 0.25;
/// A chrome-marked box inside the region holding at least this share of the region's words is
/// taken for a wrapper of the article, not for chrome.
const MAX_CHROME_SHARE: f32 = 0.5;
/// Words at which a block counts as long (the `Length` input reaches 1).
const LONG_WORDS: f32 = 40.0;
/// Stopword density of a neutral block; the `Stopwords` input is the excess over it.
const NEUTRAL_STOPWORD_DENSITY: f32 = 0.25;
/// How many blocks on each side count as a block's neighbours.
const NEIGHBOURHOOD: usize = 3;
/// How many blocks before the region are searched for its lead paragraph, and how many may join.
const LEAD_SCAN: usize = 6;
const MAX_LEAD_BLOCKS: usize = 2;
/// A block this short carrying a © sign is a credit or copyright line.
const CREDIT_MAX_WORDS: u32 = 40;
/// A heading ending like a sentence with at least this many words is a standfirst.
const STANDFIRST_WORDS: u32 = 12;
/// How many blocks after a heading are searched for its section's first block.
const SECTION_SCAN: usize = 12;
/// A chrome word marking at least this share of the region's prose, while unmarked prose is
/// under `UNMARKED_ARTICLE_SHARE`, is the page's own content (a forum's posts).
const OWN_CONTENT_SHARE: f32 = 0.7;
const UNMARKED_ARTICLE_SHARE: f32 = 0.2;
/// A block with fewer words is "short" for the edge rule.
const SHORT_WORDS: u32 = 10;

pub(crate) fn kind_public(k: Kind) -> BlockKind {
    match k {
        Kind::Paragraph => BlockKind::Paragraph,
        Kind::Heading(l) => BlockKind::Heading(l),
        Kind::ListItem => BlockKind::ListItem,
        Kind::TableRow => BlockKind::TableRow,
        Kind::Pre => BlockKind::Pre,
        Kind::Quote => BlockKind::Quote,
        Kind::Caption => BlockKind::Caption,
        Kind::Other => BlockKind::Other,
    }
}

fn link_density(words: u32, link_words: u32) -> f32 {
    if words == 0 {
        0.0
    } else {
        link_words as f32 / words as f32
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
    });
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', ';'])
}

/// Longest line (in words) read as a label for what follows when it ends with a colon.
const LABEL_WORDS: u32 = 3;

/// True for a line that ends with a colon: a label for what follows.
fn introduces(text: &str) -> bool {
    text.trim_end().ends_with([':', '：'])
}

/// Scores every element that holds prose (readability), returning the per-element scores.
fn candidate_scores(seg: &Segmentation<'_>) -> Vec<f32> {
    let elems = &seg.elems;
    let mut score = vec![f32::NAN; elems.len()];
    for b in &seg.blocks {
        if matches!(b.kind, Kind::Heading(_)) || b.text.len() < MIN_SCORING_CHARS {
            continue;
        }
        if link_density(b.words, b.link_words) > 0.5 {
            continue;
        }
        let raw = 1.0 + b.commas as f32 + (b.text.chars().count() / 100).min(3) as f32;
        let Some(own) = elems.get(b.elem as usize) else {
            continue;
        };
        let mut at = own.parent;
        for level in 0..SCORING_LEVELS {
            let Some(e) = elems.get(at as usize) else {
                break;
            };
            if &*e.tag == "html" {
                break;
            }
            let s = &mut score[at as usize];
            if s.is_nan() {
                *s = cues::tag_weight(&e.tag) + f32::from(e.cue.weight);
            }
            *s += match level {
                0 => raw,
                1 => raw / 2.0,
                l => raw / (l as f32 * 3.0),
            };
            at = e.parent;
        }
    }
    for (s, e) in score.iter_mut().zip(elems) {
        if !s.is_nan() {
            *s *= 1.0 - link_density(e.words, e.link_words);
        }
    }
    score
}

fn is_ancestor(elems: &[Elem<'_>], ancestor: u32, mut node: u32) -> bool {
    while node != NONE {
        if node == ancestor {
            return true;
        }
        node = elems.get(node as usize).map_or(NONE, |e| e.parent);
    }
    false
}

/// Picks the region: the roots of the main content (a top candidate and its joined siblings).
fn choose_region(seg: &Segmentation<'_>, score: &[f32]) -> Vec<u32> {
    let elems = &seg.elems;
    let mut ranked: Vec<u32> = (0..elems.len() as u32)
        .filter(|&i| !score[i as usize].is_nan())
        .collect();
    ranked.sort_by(|&a, &b| score[b as usize].total_cmp(&score[a as usize]));
    let Some(&first) = ranked.first() else {
        return Vec::new();
    };
    let mut top = first;
    let top_score = score[top as usize];
    // An ancestor holding three or more near-best candidates is the real container.
    let near: Vec<u32> = ranked
        .iter()
        .skip(1)
        .take(4)
        .copied()
        .filter(|&c| score[c as usize] >= 0.75 * top_score)
        .collect();
    if near.len() >= 3 {
        let mut anc = elems[top as usize].parent;
        while anc != NONE && !matches!(&*elems[anc as usize].tag, "body" | "html") {
            let held = near.iter().filter(|&&c| is_ancestor(elems, anc, c)).count();
            if held >= 3 {
                top = anc;
                break;
            }
            anc = elems[anc as usize].parent;
        }
    }
    // An article cut into chunks: a strong candidate beside the top one (neither holds the
    // other) shares a close ancestor with it; that ancestor is the container.
    let strong: Vec<u32> = ranked
        .iter()
        .skip(1)
        .take(10)
        .copied()
        .filter(|&c| score[c as usize] >= SPLIT_SHARE * top_score)
        .filter(|&c| !is_ancestor(elems, c, top) && !is_ancestor(elems, top, c))
        .collect();
    if !strong.is_empty() {
        let mut anc = elems[top as usize].parent;
        for _ in 0..SPLIT_LEVELS {
            if anc == NONE || matches!(&*elems[anc as usize].tag, "body" | "html") {
                break;
            }
            if strong.iter().any(|&c| is_ancestor(elems, anc, c)) {
                top = anc;
                break;
            }
            anc = elems[anc as usize].parent;
        }
    }
    // Climb while the parent scores higher (content split across wrappers).
    let mut last = score[top as usize];
    let threshold = last / 3.0;
    let mut parent = elems[top as usize].parent;
    while parent != NONE && !matches!(&*elems[parent as usize].tag, "body" | "html") {
        let ps = score[parent as usize];
        if ps.is_nan() {
            parent = elems[parent as usize].parent;
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = elems[parent as usize].parent;
    }
    // A lone child wrapper adds nothing: use the parent.
    loop {
        let p = elems[top as usize].parent;
        if p == NONE || matches!(&*elems[p as usize].tag, "body" | "html") {
            break;
        }
        let siblings_with_text = children(elems, p)
            .filter(|&c| elems[c as usize].words > 0)
            .count();
        if siblings_with_text == 1 && elems[p as usize].words == elems[top as usize].words {
            top = p;
        } else {
            break;
        }
    }
    join_siblings(seg, score, top)
}

/// A candidate scoring at least this share of the top one, beside it, marks a split article.
const SPLIT_SHARE: f32 = 0.75;
/// How far up the common container of a split article may be.
const SPLIT_LEVELS: usize = 2;

/// What a sibling of the top candidate does to the region's run.
enum Sibling {
    /// It scores like the article: it joins the region.
    Join,
    /// Too small to matter (an ad label, an empty box): passed over.
    Skip,
    /// A link list, a chrome box or other text: the run ends here.
    Break,
}

/// Siblings with fewer words neither join nor break the region's run.
const SIBLING_MINOR_WORDS: u32 = 10;

/// The top candidate plus the unbroken run of good siblings around it.
fn join_siblings(seg: &Segmentation<'_>, score: &[f32], top: u32) -> Vec<u32> {
    let elems = &seg.elems;
    let parent = elems[top as usize].parent;
    if parent == NONE {
        return vec![top];
    }
    let siblings: Vec<u32> = children(elems, parent)
        .filter(|&c| elems[c as usize].words > 0)
        .collect();
    let Some(pos) = siblings.iter().position(|&s| s == top) else {
        return vec![top];
    };
    let top_score = score[top as usize].max(0.0);
    let threshold = (0.2 * top_score).max(10.0);
    let verdict = |s: u32| -> Sibling {
        let e = &elems[s as usize];
        let ld = link_density(e.words, e.link_words);
        let minor = e.words < SIBLING_MINOR_WORDS;
        if e.cue.chrome.is_some() && !e.cue.content {
            return if minor { Sibling::Skip } else { Sibling::Break };
        }
        if ld > 0.5 && !minor {
            return Sibling::Break;
        }
        let bonus = match (e.class(), elems[top as usize].class()) {
            (Some(a), Some(b)) if !a.is_empty() && a == b => 0.2 * top_score,
            _ => 0.0,
        };
        let sc = score[s as usize];
        if !sc.is_nan() && sc + bonus >= threshold {
            return Sibling::Join;
        }
        if &*e.tag == "p" {
            let text_len = seg.blocks[e.first_block as usize..e.end_block as usize]
                .iter()
                .map(|b| b.text.len())
                .sum::<usize>();
            let last = seg
                .blocks
                .get((e.end_block as usize).wrapping_sub(1))
                .map(|b| b.text.as_str())
                .unwrap_or("");
            if (ld < 0.25 && text_len > 80) || (ld == 0.0 && ends_sentence(last)) {
                return Sibling::Join;
            }
        }
        if minor {
            Sibling::Skip
        } else {
            Sibling::Break
        }
    };
    let mut region = vec![top];
    for run in [
        &mut siblings[..pos].iter().rev() as &mut dyn Iterator<Item = &u32>,
        &mut siblings[pos + 1..].iter(),
    ] {
        for &s in run {
            match verdict(s) {
                Sibling::Join => region.push(s),
                Sibling::Skip => {}
                Sibling::Break => break,
            }
        }
    }
    region.sort_unstable();
    region
}

/// The block-level children of `parent`, in document order.
fn children<'e>(elems: &'e [Elem<'_>], parent: u32) -> impl Iterator<Item = u32> + 'e {
    let first = elems.get(parent as usize).map_or(NONE, |e| e.first_child);
    std::iter::successors(Some(first).filter(|&c| c != NONE), move |&c| {
        Some(elems[c as usize].next_sibling).filter(|&n| n != NONE)
    })
}

/// For every element: is it inside the region, and the nearest chrome marker between it and
/// the region root (or the document root, outside the region). Elements are in document
/// order, parents first, so one forward pass suffices.
fn locate_all(elems: &[Elem<'_>], roots: &[u32]) -> (Vec<bool>, Vec<Option<Chrome>>) {
    let mut inside = vec![false; elems.len()];
    let mut chrome: Vec<Option<Chrome>> = vec![None; elems.len()];
    let mut is_root = vec![false; elems.len()];
    for &r in roots {
        if let Some(x) = inside.get_mut(r as usize) {
            *x = true;
        }
        if let Some(x) = is_root.get_mut(r as usize) {
            *x = true;
        }
    }
    let region_words: u32 = roots
        .iter()
        .filter_map(|&r| elems.get(r as usize))
        .map(|e| e.words)
        .sum();
    for (i, e) in elems.iter().enumerate() {
        if is_root[i] {
            continue; // a root's own markers were weighed when it was chosen
        }
        let (p_inside, p_chrome) = match elems.get(e.parent as usize) {
            Some(_) => (inside[e.parent as usize], chrome[e.parent as usize]),
            None => (false, None),
        };
        // Inside the region, a box that holds most of the region's text is not chrome,
        // whatever its class says ("widget" wrappers of page builders).
        let bulk = p_inside && e.words as f32 >= MAX_CHROME_SHARE * region_words as f32;
        let own = if e.cue.content || bulk {
            None
        } else {
            Chrome::of(e)
        };
        inside[i] = p_inside;
        chrome[i] = own.or(p_chrome);
    }
    (inside, chrome)
}

/// Scores every block. With `explain`, each block's terms are kept as well as its score.
pub(crate) fn classify(seg: &Segmentation<'_>, keep_captions: bool, explain: bool) -> Classified {
    let blocks = &seg.blocks;
    let n = blocks.len();
    let (language, lang_idx) = stopwords::detect(&seg.stops);
    // Each block's counts, kept by the walk or counted again now. Text that is all link
    // (menus, teaser lists) is judged by its link density alone, as in segmentation.
    let mut scratch = String::new();
    let (stop_density, has_stopwords): (Vec<f32>, Vec<bool>) = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let counted;
            let c = match seg.block_stops.get(i) {
                Some(kept) => kept,
                None if b.link_words >= b.words => return (0.0, false),
                None => {
                    counted = stopwords::count(&b.text, &mut scratch);
                    &counted
                }
            };
            (
                stopwords::density(c, lang_idx),
                c.tokens + c.unspaced_chars > 0,
            )
        })
        .unzip();

    let score = candidate_scores(seg);
    let roots = choose_region(seg, &score);

    let (elem_inside, elem_chrome) = locate_all(&seg.elems, &roots);
    let in_region: Vec<bool> = blocks
        .iter()
        .map(|b| elem_inside.get(b.elem as usize).copied().unwrap_or(false))
        .collect();
    let chrome: Vec<Option<Chrome>> = blocks
        .iter()
        .map(|b| elem_chrome.get(b.elem as usize).copied().flatten())
        .collect();

    // Is the region trustworthy? Compare its prose with the page's.
    let is_prose: Vec<bool> = blocks
        .iter()
        .map(|b| {
            link_density(b.words, b.link_words) < 0.3
                && !matches!(b.kind, Kind::Heading(_))
                && (b.words >= 15 || (b.words >= 5 && ends_sentence(&b.text)))
        })
        .collect();
    // The region's prose blocks, in order; its first and last are the region's edges.
    let region_long: Vec<usize> = (0..n).filter(|&i| in_region[i] && is_prose[i]).collect();
    let page_prose: u32 = (0..n)
        .filter(|&i| is_prose[i])
        .map(|i| blocks[i].words)
        .sum();
    let region_prose: u32 = region_long.iter().map(|&i| blocks[i].words).sum();
    let trusted = page_prose > 0 && region_prose as f32 >= MIN_REGION_SHARE * page_prose as f32;

    // A chrome word that marks most of the region's prose names the page's own content (the
    // posts of a forum thread marked "comment", a page builder's "widget" boxes): it is not
    // chrome on this page.
    let mut chrome = chrome;
    let unmarked: u32 = region_long
        .iter()
        .filter(|&&i| chrome[i].is_none())
        .map(|&i| blocks[i].words)
        .sum();
    let mut marked_words: Vec<(&'static str, u32)> = Vec::new();
    for &i in &region_long {
        if let Some(c) = chrome[i] {
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
            .find(|&&i| chrome[i].map_or(true, |c| c.word == word))
            .is_some_and(|&i| chrome[i].is_some());
        let owns_region = first_marked && words as f32 >= OWN_CONTENT_SHARE * region_prose as f32;
        if region_prose > 0
            && owns_region
            && (unmarked as f32) < UNMARKED_ARTICLE_SHARE * region_prose as f32
        {
            for c in chrome
                .iter_mut()
                .filter(|c| c.is_some_and(|c| c.word == word))
            {
                *c = None;
            }
        }
    }

    let first_long = region_long.first().copied();
    let first_region = in_region.iter().position(|&r| r);
    let last_long = region_long.last().copied();
    // The region's last few blocks of some length: where publishers put their requests.
    let region_lines: Vec<usize> = (0..n)
        .filter(|&j| in_region[j] && blocks[j].words >= 3)
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

    let lead = if trusted {
        lead_blocks(blocks, &in_region, &chrome, &stop_density)
    } else {
        Vec::new()
    };
    // A short line under a picture that names it: a caption or credit, whatever its tag.
    let picture_line = |b: &RawBlock| b.after_image && names_a_picture(&b.text);
    // Unmarked, unlinked prose above the region (beyond the lead): the article's opening that
    // the region's container left out.
    let prose_above: Vec<bool> = (0..n)
        .map(|i| {
            let b = &blocks[i];
            trusted
                && first_region.is_some_and(|f| i < f)
                && !lead.contains(&i)
                && chrome[i].is_none()
                && link_density(b.words, b.link_words) < PROSE_ABOVE_MAX_LINKS
                && is_prose[i]
                && b.words >= PROSE_ABOVE_WORDS
                && !picture_line(b)
                && !under_linked_heading(blocks, i)
        })
        .collect();

    let item_title = if trusted {
        listing_titles(seg, &in_region, &is_prose)
    } else {
        vec![false; n]
    };

    let mut scores = Vec::with_capacity(n);
    let mut contributions = Vec::with_capacity(if explain { n } else { 0 });
    let mut headline_at = vec![false; n];
    let mut headline = None;
    // The inputs of one block, gathered in one reused buffer.
    let mut x: Vec<(Term, f32)> = Vec::with_capacity(24);
    for (i, b) in blocks.iter().enumerate() {
        x.clear();
        x.push((Term::Bias, 1.0));
        let ld = link_density(b.words, b.link_words);
        let chrome_strength = chrome[i].map_or(0.0, Chrome::strength);
        if trusted {
            if in_region[i] {
                x.push((Term::InRegion, 1.0));
                x.push((Term::ChromeCue, chrome_strength));
            } else {
                x.push((Term::OutsideRegion, 1.0));
                if lead.contains(&i) {
                    x.push((Term::Lead, 1.0));
                } else if prose_above[i] {
                    x.push((Term::ProseAbove, 1.0));
                }
                // The heading right above the lead paragraph is the headline.
                let next_body = (i + 1..n).find(|&j| blocks[j].words >= 3);
                if matches!(b.kind, Kind::Heading(_))
                    && headline.is_none()
                    && next_body.is_some_and(|j| lead.contains(&j) || prose_above[j])
                {
                    x.push((Term::Headline, 1.0));
                    headline.get_or_insert(i);
                }
            }
        } else {
            x.push((Term::NoRegion, 1.0));
            x.push((Term::ChromeCue, chrome_strength));
            // Without a region, a block leans towards the label of its long neighbours.
            x.push((Term::Context, neighbour_context(blocks, &stop_density, i)));
        }
        x.push((Term::LinkDensity, ld));
        x.push((Term::Length, (b.words as f32 / LONG_WORDS).min(1.0)));
        if has_stopwords[i] {
            let excess = (stop_density[i] - NEUTRAL_STOPWORD_DENSITY).clamp(-0.25, 0.25) * 4.0;
            x.push((Term::Stopwords, excess));
        }
        let sentence = ends_sentence(&b.text);
        x.push((Term::EndsSentence, f32::from(u8::from(sentence))));
        // Code is short in words by nature: it is never a short line.
        let short = b.words < SHORT_WORDS && !sentence && b.kind != Kind::Pre;
        if trusted && in_region[i] {
            let before = first_long.is_some_and(|f| i < f);
            let after = last_long.is_some_and(|l| i > l);
            if let Kind::Heading(_) = b.kind {
                // A heading written as a sentence of some length is a standfirst styled as a
                // heading, not the headline.
                let standfirst = sentence && b.words >= STANDFIRST_WORDS;
                if before && !standfirst && headline.is_none() && !item_title[i] {
                    x.push((Term::Headline, 1.0));
                    headline.get_or_insert(i);
                }
            } else if short && (before || after) && b.kind != Kind::TableRow {
                // Table rows are short by nature: their table decides.
                x.push((Term::ShortAtEdge, 1.0));
            } else if short && b.kind == Kind::Other {
                // A short line in a bare box, not a paragraph, list or table: a widget's
                // label ("Show image", "External content"), a credit, a control.
                x.push((Term::LooseLine, 1.0));
            }
        }
        if b.kind != Kind::TableRow && looks_like_date(&b.text, b.words) {
            x.push((Term::DateLine, 1.0));
        }
        if item_title[i] {
            x.push((Term::ItemTitle, 1.0));
        }
        if b.words <= CREDIT_MAX_WORDS && b.text.contains('©') {
            x.push((Term::Credit, 1.0));
        }
        if b.words <= 3 && is_ad_label(&b.text) {
            x.push((Term::AdLabel, 1.0));
        }
        if trusted && in_region[i] && i >= region_tail && calls_to_action(&b.text) {
            x.push((Term::CallToAction, 1.0));
        }
        let kind_term = match b.kind {
            Kind::Heading(_) => Some(Term::Heading),
            Kind::ListItem => Some(Term::ListItem),
            Kind::TableRow => Some(Term::TableRow),
            Kind::Pre => Some(Term::Preformatted),
            Kind::Quote => Some(Term::Quote),
            Kind::Caption if !keep_captions => Some(Term::Caption),
            // A short line right after an image that names the picture or its source is a
            // caption or credit, whatever its tag.
            _ if !keep_captions && b.words <= PICTURE_LINE_WORDS && picture_line(b) => {
                Some(Term::Caption)
            }
            Kind::Caption => None,
            Kind::Paragraph | Kind::Other => None,
        };
        if let Some(t) = kind_term {
            x.push((t, 1.0));
        }
        if trusted {
            x.push((
                Term::NeighboursInRegion,
                neighbours_in_region(&in_region, i),
            ));
        }
        let capacity = x.len() + 1;
        let terms = x
            .drain(..)
            .filter(|&(_, input)| input != 0.0)
            .map(|(term, input)| Contribution {
                term,
                input,
                value: input * model::weight(term),
            });
        let score: f32 = if explain {
            let mut c: Vec<Contribution> = Vec::with_capacity(capacity);
            c.extend(terms);
            headline_at[i] = c.iter().any(|c| c.term == Term::Headline);
            let score = c.iter().map(|t| t.value).sum();
            contributions.push(c);
            score
        } else {
            terms
                .inspect(|c| headline_at[i] |= c.term == Term::Headline)
                .map(|t| t.value)
                .sum()
        };
        scores.push(score);
    }
    // Second pass: a heading goes with the section it introduces, a short line with the
    // blocks around it (jusText's context), judged on the first pass's labels.
    let first_pass: Vec<bool> = scores.iter().map(|&s| s >= 0.0).collect();
    for (i, b) in blocks.iter().enumerate() {
        // A heading as long as a paragraph (a standfirst styled as a heading) is judged as
        // one, not by its section.
        // An item's title in a listing is judged as the item, not by what follows it.
        let headline_here =
            headline_at[i] || lead.contains(&i) || b.words >= STANDFIRST_MIN_WORDS || item_title[i];
        let (term, input) = match b.kind {
            Kind::Heading(_) if !headline_here => {
                (Term::Section, section_label(blocks, &first_pass, i))
            }
            // A short line ending in a colon introduces what follows ("Read more:",
            // "Contact:", "Ingredients:"): it goes with the block it introduces.
            _ if trusted && b.words <= LABEL_WORDS && introduces(&b.text) => {
                (Term::Introduces, section_label(blocks, &first_pass, i))
            }
            _ if trusted
                && b.words < SHORT_WORDS
                && !ends_sentence(&b.text)
                && b.kind != Kind::Pre =>
            {
                (
                    Term::Context,
                    (short_context(blocks, &first_pass, i) + section_label(blocks, &first_pass, i))
                        / 2.0,
                )
            }
            _ => continue,
        };
        let value = input * model::weight(term);
        if input != 0.0 {
            if let Some(c) = contributions.get_mut(i) {
                c.push(Contribution { term, input, value });
            }
            scores[i] += value;
        }
    }
    Classified {
        scores,
        contributions,
        stop_density,
        in_region,
        chrome,
        language,
        headline,
    }
}

/// Prose just before the region, outside it: the lead paragraph (standfirst) that templates
/// put above the article body. Walking back from the region's first block, headings and
/// short lines are passed over; a link list, a chrome marker or weak prose ends the walk.
/// Words from which a heading before the region is a standfirst rather than a headline.
const STANDFIRST_MIN_WORDS: u32 = 20;

fn lead_blocks(
    blocks: &[RawBlock],
    in_region: &[bool],
    chrome: &[Option<Chrome>],
    stop_density: &[f32],
) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = in_region.iter().position(|&r| r) else {
        return out;
    };
    for j in (0..first).rev().take(LEAD_SCAN) {
        let b = &blocks[j];
        let ld = link_density(b.words, b.link_words);
        // Headings, captions and short lines (a byline's links, a date) are passed over; a
        // heading as long as a paragraph is a standfirst styled as a heading, and is read as
        // prose.
        let standfirst = matches!(b.kind, Kind::Heading(_)) && b.words >= STANDFIRST_MIN_WORDS;
        if (matches!(b.kind, Kind::Heading(_)) && !standfirst)
            || b.kind == Kind::Caption
            || b.words < SHORT_WORDS
        {
            continue;
        }
        if chrome[j].is_some() || ld > 0.3 || under_linked_heading(blocks, j) {
            break;
        }
        let prose = stop_density[j] >= NEUTRAL_STOPWORD_DENSITY || ends_sentence(&b.text);
        if b.words >= 15 && ld < 0.1 && prose && out.len() < MAX_LEAD_BLOCKS {
            out.push(j);
        } else {
            break;
        }
    }
    out
}

/// Items that repeat this many times under one parent make a listing.
const MIN_LISTING_ITEMS: usize = 4;
/// How far above a linked title its item's box may be.
const ITEM_LEVELS: usize = 4;

/// The titles of a listing's items, per block. A listing is a run of at least
/// `MIN_LISTING_ITEMS` sibling boxes of one tag and class, each with a linked heading, that
/// holds at least as many words as the region's prose outside them: on such a page
/// (a category page, search results, a product grid) the items are the content, and their
/// linked titles are not teasers for other pages. In an article, a related-links box is a
/// small part of the region and does not qualify.
fn listing_titles(seg: &Segmentation<'_>, in_region: &[bool], is_prose: &[bool]) -> Vec<bool> {
    let (blocks, elems) = (&seg.blocks, &seg.elems);
    let mut titles = vec![false; blocks.len()];
    let linked: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let b = &blocks[i];
            in_region[i] && matches!(b.kind, Kind::Heading(_)) && mostly_linked(b)
        })
        .collect();
    if linked.len() < MIN_LISTING_ITEMS {
        return titles;
    }
    // How many block-level children of each (parent, tag, class) there are: each parent's
    // children are counted once, so a page of a hundred thousand items stays linear.
    let mut alike: HashMap<(u32, LocalName, Option<&str>), usize> = HashMap::new();
    let mut counted: HashSet<u32> = HashSet::new();
    // Each linked heading's item: the nearest box above it with enough look-alike siblings.
    let mut items: Vec<(u32, u32, usize)> = Vec::new(); // (parent, item, title block)
    for &i in &linked {
        let mut at = blocks[i].elem;
        for _ in 0..ITEM_LEVELS {
            let Some(e) = elems.get(at as usize) else {
                break;
            };
            let p = e.parent;
            if p == NONE {
                break;
            }
            if counted.insert(p) {
                for c in children(elems, p) {
                    let ce = &elems[c as usize];
                    *alike.entry((p, ce.tag.clone(), ce.class())).or_default() += 1;
                }
            }
            let n = alike.get(&(p, e.tag.clone(), e.class())).copied();
            if n.unwrap_or(0) >= MIN_LISTING_ITEMS {
                items.push((p, at, i));
                break;
            }
            at = p;
        }
    }
    // The region's prose words before each block, to sum any box's prose at once.
    let mut prose_before = Vec::with_capacity(blocks.len() + 1);
    prose_before.push(0u64);
    let mut total = 0u64;
    for (j, b) in blocks.iter().enumerate() {
        if in_region[j] && is_prose[j] {
            total += u64::from(b.words);
        }
        prose_before.push(total);
    }
    items.sort_unstable();
    for group in items.chunk_by(|a, b| a.0 == b.0) {
        let mut boxes: Vec<u32> = group.iter().map(|g| g.1).collect();
        boxes.dedup();
        if boxes.len() < MIN_LISTING_ITEMS {
            continue;
        }
        // The boxes are siblings, so their block ranges do not overlap.
        let (mut item_words, mut prose_inside) = (0u64, 0u64);
        for &bx in &boxes {
            let e = &elems[bx as usize];
            item_words += u64::from(e.words);
            let (from, to) = (e.first_block as usize, e.end_block as usize);
            if let (Some(a), Some(z)) = (prose_before.get(from), prose_before.get(to)) {
                prose_inside += z.saturating_sub(*a);
            }
        }
        if item_words >= total.saturating_sub(prose_inside) {
            for g in group {
                titles[g.2] = true;
            }
        }
    }
    titles
}

/// True when most of the block's words are link text (a linked title).
fn mostly_linked(b: &RawBlock) -> bool {
    link_density(b.words, b.link_words) > 0.5
}

/// True when the nearest heading above block `i`, with only short lines between, is a link:
/// the block is a teaser's summary under its title, not an article's opening.
fn under_linked_heading(blocks: &[RawBlock], i: usize) -> bool {
    for b in blocks[..i].iter().rev().take(LEAD_SCAN) {
        if matches!(b.kind, Kind::Heading(_)) {
            return mostly_linked(b);
        }
        if b.words >= SHORT_WORDS {
            return false;
        }
    }
    false
}

/// Prose above the region: at least this many words, under this link density.
const PROSE_ABOVE_WORDS: u32 = 15;
const PROSE_ABOVE_MAX_LINKS: f32 = 0.1;

/// Words up to which a line after an image naming a picture is its caption.
const PICTURE_LINE_WORDS: u32 = 25;

/// How many of the region's last blocks (of three words or more) are read for calls to action.
const REGION_TAIL_BLOCKS: usize = 4;

/// True when the text asks the reader to subscribe, follow, sign up or support.
fn calls_to_action(text: &str) -> bool {
    let t = text.to_lowercase();
    // A phrase counts where a word starts ("rate this", not "accurate this").
    let starts_word = |at: usize| {
        !t[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    cues::CALL_TO_ACTION
        .iter()
        .any(|p| t.match_indices(p).any(|(at, _)| starts_word(at)))
}

/// True when a word of the text names a picture or its credit (`cues::PICTURE_CREDIT_WORDS`),
/// or the text carries a © sign.
fn names_a_picture(text: &str) -> bool {
    text.contains('©')
        || text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| cues::PICTURE_CREDIT_WORDS.contains(&w.to_lowercase().as_str()))
}

/// True when the whole text only labels an advertisement ("Advertisement", "Anzeige", …).
fn is_ad_label(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    cues::AD_LABELS.contains(&t.as_str())
}

/// +1 when the first substantial block after a heading (before the next heading) is content,
/// −1 when it is boilerplate or there is none.
fn section_label(blocks: &[RawBlock], first_pass: &[bool], i: usize) -> f32 {
    let linked = blocks.get(i).is_some_and(mostly_linked);
    // A heading's section runs to the next heading of its rank or above; its subheadings are
    // passed over ("What we do" above "Planning" and its paragraph).
    let rank = match blocks.get(i).map(|b| b.kind) {
        Some(Kind::Heading(level)) => level,
        _ => u8::MAX,
    };
    let body = blocks
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(SECTION_SCAN)
        .take_while(|(_, b)| !matches!(b.kind, Kind::Heading(l) if l <= rank))
        .filter(|(_, b)| !matches!(b.kind, Kind::Heading(_)))
        // Under a linked heading (an item's title in a listing), the item's date line is not
        // its body.
        .find(|(_, b)| b.words >= 3 && !(linked && looks_like_date(&b.text, b.words)));
    match body {
        Some((j, _)) if first_pass[j] => 1.0,
        _ => -1.0,
    }
}

/// Mean label (+1 content, −1 boilerplate) of the nearest longer blocks on each side.
fn short_context(blocks: &[RawBlock], first_pass: &[bool], i: usize) -> f32 {
    let long = |j: &usize| blocks[*j].words >= SHORT_WORDS || ends_sentence(&blocks[*j].text);
    let label = |j: usize| if first_pass[j] { 1.0 } else { -1.0 };
    let prev = (0..i).rev().take(NEIGHBOURHOOD * 2).find(long).map(label);
    let next = (i + 1..blocks.len())
        .take(NEIGHBOURHOOD * 2)
        .find(long)
        .map(label);
    match (prev, next) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => 0.0,
    }
}

/// Share of the blocks within `NEIGHBOURHOOD` positions on either side that lie in the region.
fn neighbours_in_region(in_region: &[bool], i: usize) -> f32 {
    let lo = i.saturating_sub(NEIGHBOURHOOD);
    let hi = (i + NEIGHBOURHOOD + 1).min(in_region.len());
    let total = hi - lo - 1;
    if total == 0 {
        return 0.0;
    }
    let inside = (lo..hi).filter(|&j| j != i && in_region[j]).count();
    inside as f32 / total as f32
}

/// A short line that is mostly a date or time: a year, `hh:mm`, or `dd.mm.yy`-like digits.
fn looks_like_date(text: &str, words: u32) -> bool {
    if words > 12 || ends_sentence(text) {
        return false;
    }
    let bytes = text.as_bytes();
    let digit_run = |start: usize| {
        bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = digit_run(i);
        let next = bytes.get(i + run).copied();
        let year = run == 4 && matches!(&text[i..i + 2], "19" | "20");
        let clock = (1..=2).contains(&run) && next == Some(b':') && digit_run(i + run + 1) == 2;
        let numeric_date = (1..=2).contains(&run)
            && matches!(next, Some(b'.') | Some(b'/') | Some(b'-'))
            && (1..=2).contains(&digit_run(i + run + 1));
        if year || clock || numeric_date {
            return true;
        }
        i += run;
    }
    false
}

/// Mean of the nearest long blocks' local quality on each side (−1 bad … 1 good).
fn neighbour_context(blocks: &[RawBlock], sd: &[f32], i: usize) -> f32 {
    let quality = |j: usize| -> Option<f32> {
        let b = &blocks[j];
        if b.words < 15 {
            return None;
        }
        let ld = link_density(b.words, b.link_words);
        Some(if ld < 0.3 && sd[j] >= NEUTRAL_STOPWORD_DENSITY {
            1.0
        } else {
            -1.0
        })
    };
    let prev = (0..i).rev().take(8).find_map(quality);
    let next = (i + 1..blocks.len()).take(8).find_map(quality);
    match (prev, next) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a / 2.0,
        (None, None) => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use crate::segment::segment;

    fn labels(page: &str) -> Vec<(String, bool)> {
        let html = Dom::parse(page);
        let seg = segment(html.view(), false, false);
        let cls = classify(&seg, false, true);
        seg.blocks
            .iter()
            .zip(&cls.scores)
            .map(|(b, &s)| (b.text.clone(), s >= 0.0))
            .collect()
    }

    /// The label of the first block starting with `start`.
    fn label(l: &[(String, bool)], start: &str) -> Option<bool> {
        l.iter()
            .find(|(x, _)| x.starts_with(start))
            .map(|(_, c)| *c)
    }

    fn para(n: usize) -> String {
        format!(
            "<p>Paragraph {n} of the story says that the council met on Monday, and that it was \
             agreed, after a long debate, to open the library on Sundays from next month.</p>"
        )
    }

    #[test]
    fn an_articles_own_header_is_not_the_pages_banner() {
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header><article>\
             <header><h1>Library opens on Sundays</h1><p>The council's decision ends a \
             two-year campaign by residents, who had asked for the change since the branch \
             closed.</p></header><div class=body>{body}</div></article>"
        );
        let l = labels(&page);
        assert_eq!(label(&l, "Home"), Some(false));
        assert_eq!(
            label(&l, "Library opens"),
            Some(false),
            "the headline is not body text"
        );
        assert_eq!(
            label(&l, "The council's decision"),
            Some(true),
            "the standfirst is"
        );
        assert_eq!(label(&l, "Paragraph 1"), Some(true));
    }

    #[test]
    fn a_photo_caption_between_lead_and_body_does_not_hide_the_lead() {
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<div class=top><h1>Library opens on Sundays</h1><p>The council's decision ends a \
             two-year campaign by residents, who had asked for the change since the branch \
             closed.</p><figure><img src=a.jpg><figcaption>The old reading room. Photo: Jane \
             Smith, City Archive, 2019</figcaption></figure></div>\
             <div class=body>{body}</div>"
        );
        let l = labels(&page);
        assert_eq!(label(&l, "The council's decision"), Some(true));
        assert_eq!(label(&l, "Paragraph 1"), Some(true));
    }

    #[test]
    fn a_credit_line_under_a_picture_is_a_caption_whatever_its_tag() {
        let page = format!(
            "<article>{}<div class=pic><img src=a.jpg></div><p>The new reading room on its \
             first Sunday. Photo: Jane Smith / City Archive</p>{}<div><img src=b.jpg></div>\
             <p>Visitors queued from nine o'clock, the librarian said.</p>{}{}</article>",
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let l = labels(&page);
        assert_eq!(label(&l, "The new reading room"), Some(false));
        assert_eq!(
            label(&l, "Visitors queued"),
            Some(true),
            "text after a picture that names none is body text"
        );
        // The same under a responsive <picture>, in a bare box.
        let page = page.replace(
            "<div class=pic><img src=a.jpg></div><p>",
            "<p><picture><source srcset=a.webp><img src=a.jpg></picture></p><div>",
        );
        let l = labels(&page);
        assert_eq!(label(&l, "The new reading room"), Some(false), "{l:?}");
        assert!(names_a_picture("Crédit photo : AFP"));
        assert!(names_a_picture("Zdjęcie: archiwum"));
        assert!(!names_a_picture("The council met on Monday."));
    }

    #[test]
    fn unlinked_prose_above_the_region_is_the_articles_opening() {
        let body: String = (1..=6).map(para).collect();
        let page = format!(
            "<div class=teasers><p><a href=/a>Ten walks for autumn in the hills around the old \
             town, and where to stop for lunch on the way back</a></p></div>\
             <h1>Library opens on Sundays</h1><div class=opening><div class=inner><p>For two \
             years the residents of the old town asked the council, in letters and at every \
             public meeting, to open their branch library on Sundays as well.</p></div></div>\
             <div class=hours>Opening hours Saturday 10 to 18 Sunday 12 to 17 Monday closed\
             </div><div class=story>{body}</div>"
        );
        let l = labels(&page);
        assert_eq!(label(&l, "For two years"), Some(true), "{l:?}");
        assert_eq!(
            label(&l, "Ten walks"),
            Some(false),
            "a linked teaser is not"
        );
        assert_eq!(
            label(&l, "Library opens"),
            Some(false),
            "nor is the headline"
        );
        assert_eq!(label(&l, "Paragraph 1"), Some(true));
    }

    #[test]
    fn a_widgets_label_in_a_bare_box_is_not_body_text() {
        let page = format!(
            "<article>{}<div class=viewer><span>Show image</span> <span>Close image</span>\
             </div>{}<ul><li>Two cups of flour</li><li>One egg</li></ul>{}{}</article>",
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let l = labels(&page);
        assert_eq!(label(&l, "Show image"), Some(false), "{l:?}");
        assert_eq!(
            label(&l, "Two cups of flour"),
            Some(true),
            "a list's short items stay"
        );
        assert_eq!(label(&l, "Paragraph 2"), Some(true));
    }

    #[test]
    fn a_teasers_summary_above_the_article_is_not_its_lead() {
        let body: String = (1..=6).map(para).collect();
        let page = format!(
            "<div><div><div><h3><a href=/t1>Bridge repairs start in May</a></h3><p>The old \
             stone bridge will close for six weeks while engineers replace the worn bearings \
             under its main arch.</p></div></div><div><h1>Library opens on Sundays</h1>{body}\
             </div></div>"
        );
        let l = labels(&page);
        assert_eq!(label(&l, "The old stone bridge"), Some(false), "{l:?}");
        assert_eq!(label(&l, "Paragraph 1"), Some(true));
    }

    #[test]
    fn linked_titles_are_content_only_where_the_items_are_the_page() {
        let item = |n: usize| {
            format!(
                "<div class=item><h3><a href=/i{n}>Walk number {n} in the hills</a></h3>\
                 <p>Three hours, mostly on forest paths.</p></div>"
            )
        };
        let items: String = (1..=5).map(item).collect();
        let titled = |page: &str| {
            let html = Dom::parse(page);
            let seg = segment(html.view(), false, false);
            let cls = classify(&seg, false, true);
            cls.contributions
                .iter()
                .filter(|c| c.iter().any(|c| c.term == Term::ItemTitle))
                .count()
        };
        // A listing: the items are the region, and their titles are its content.
        let listing = format!("<main><h1>Walks</h1><div class=list>{items}</div></main>");
        assert_eq!(titled(&listing), 5);
        assert_eq!(label(&labels(&listing), "Walk number 2"), Some(true));
        // An article with the same box after its body: the box is a small part of the
        // region, and its titles are not taken for a listing's.
        let body: String = (1..=8).map(para).collect();
        let article = format!("<article>{body}<div class=list>{items}</div></article>");
        assert_eq!(titled(&article), 0);
    }

    #[test]
    fn a_heading_as_long_as_a_paragraph_is_judged_as_one() {
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<article><h1>Library opens on Sundays</h1><h2>The council's decision, taken after \
             a long debate on Monday evening, ends a two-year campaign by the residents of the \
             old town.</h2><p><a href=/a>More on the library and its opening hours</a></p>\
             {body}</article>"
        );
        let l = labels(&page);
        assert_eq!(label(&l, "The council's decision"), Some(true));
        assert_eq!(label(&l, "More on the library"), Some(false));
    }

    #[test]
    fn calls_to_action_are_found_where_words_start() {
        assert!(calls_to_action("Rate this article!"));
        assert!(calls_to_action("¿Te gustó? Síguenos en Telegram."));
        assert!(calls_to_action("Siguenos en Instagram"));
        assert!(!calls_to_action(
            "The count was accurate this time, the clerk said."
        ));
        assert!(!calls_to_action("The council met on Monday."));
    }

    #[test]
    fn a_call_to_action_at_the_end_of_a_long_article_is_chrome() {
        let cta = "<p>Subscribe to our newsletter and follow us on social media, so that you \
                   never miss a story from the newsroom again.</p>";
        let long: String = (1..=10).map(para).collect();
        let l = labels(&format!("<article>{long}{cta}</article>"));
        assert!(l[..10].iter().all(|(_, c)| *c));
        assert!(!l[10].1, "{:?}", l[10]);
        // In a short piece the end is most of it: the same paragraph stays.
        let short: String = (1..=3).map(para).collect();
        let l = labels(&format!("<article>{short}{cta}</article>"));
        assert!(l.iter().all(|(_, c)| *c));
    }

    #[test]
    fn a_line_ending_in_a_colon_goes_with_what_it_introduces() {
        let page = format!(
            "<article>{}{}<p>What you need:</p><ul><li>Two cups of flour, sifted twice before \
             use, and a pinch of salt</li><li>One egg, beaten, and a cup of milk at room \
             temperature</li></ul>{}<p>Read more:</p><p><a href=/a>Ten walks for autumn in \
             the hills</a> <a href=/b>The best bakeries in town this year</a></p></article>",
            para(1),
            para(2),
            para(3)
        );
        let l = labels(&page);
        assert_eq!(label(&l, "What you need:"), Some(true));
        assert_eq!(label(&l, "Read more:"), Some(false));
    }

    #[test]
    fn region_is_the_container_of_the_prose() {
        let page = format!(
            "<div><a href=/>Home</a> <a href=/a>About</a></div><div id=story>{}{}{}</div>\
             <div><p>A short unrelated note sits beside the story.</p></div>",
            para(1),
            para(2),
            para(3)
        );
        let l = labels(&page);
        assert!(l
            .iter()
            .filter(|(t, _)| t.starts_with("Paragraph"))
            .all(|(_, keep)| *keep));
        assert!(
            !l.iter()
                .find(|(t, _)| t.starts_with("Home"))
                .expect("menu")
                .1
        );
        assert!(
            !l.iter()
                .find(|(t, _)| t.starts_with("A short unrelated"))
                .expect("note")
                .1
        );
    }

    #[test]
    fn siblings_join_until_a_link_list_breaks_the_run() {
        let links: String = (0..6)
            .map(|i| format!("<li><a href=/t{i}>Teaser headline number {i}</a></li>"))
            .collect();
        let page = format!(
            "<div><div>{}{}</div><div>{}</div><ul>{links}</ul><div>{}</div></div>",
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let l = labels(&page);
        let kept: Vec<&str> = l
            .iter()
            .filter(|(_, k)| *k)
            .map(|(t, _)| &t[..11])
            .collect();
        assert_eq!(kept, vec!["Paragraph 1", "Paragraph 2", "Paragraph 3"]);
    }

    #[test]
    fn chrome_markers_inside_the_region_drop_their_blocks() {
        let page = format!(
            "<article>{}{}<div class=share-tools><p>Share this story with your friends today.</p></div>{}</article>",
            para(1),
            para(2),
            para(3)
        );
        let l = labels(&page);
        assert!(
            !l.iter()
                .find(|(t, _)| t.starts_with("Share this"))
                .expect("share")
                .1
        );
        assert_eq!(l.iter().filter(|(_, k)| *k).count(), 3);
    }

    #[test]
    fn headline_before_the_body_is_not_content_but_subheadings_are() {
        let page = format!(
            "<article><h1>The headline</h1>{}<h2>A subheading</h2>{}</article>",
            para(1),
            para(2)
        );
        let l = labels(&page);
        assert!(!l.iter().find(|(t, _)| t == "The headline").expect("h1").1);
        assert!(l.iter().find(|(t, _)| t == "A subheading").expect("h2").1);
    }

    #[test]
    fn ad_labels_are_recognised_in_several_languages() {
        for label in [
            "Advertisement",
            "- ANZEIGE -",
            "Reklama",
            "Publicité",
            "Sponsored content",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        assert!(!is_ad_label("Advertising rules"));
        assert!(!is_ad_label("Ad hoc"));
    }

    #[test]
    fn dates_are_recognised() {
        assert!(looks_like_date("22.10.2019", 1));
        assert!(looks_like_date("November 22, 2019 14:05 GMT", 5));
        assert!(looks_like_date(
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            8
        ));
        assert!(!looks_like_date(
            "The plan costs 3000 euros and was agreed in 2019.",
            10
        ));
        assert!(!looks_like_date("Chapter one", 2));
    }
}
