//! Context: a block judged by the blocks around it. The second pass lets a heading take the
//! label of the section it opens, a short line ending in a colon the label of what it
//! introduces, and other short lines lean to their neighbours (jusText's context); without a
//! trusted region, every block leans towards its long neighbours' quality.

use super::explain::{Contribution, Term};
use super::lexical::{ends_sentence, introduces, looks_like_date};
use super::tuning::{
    LABEL_WORDS, NEIGHBOURHOOD, NEUTRAL_STOPWORD_DENSITY, SECTION_SCAN, SHORT_WORDS,
    STANDFIRST_MIN_WORDS,
};
use super::{link_density, mostly_linked, weights, Judged, Page};
use crate::segment::{Kind, RawBlock};

/// Second pass: a heading goes with the section it introduces, a short line with the blocks
/// around it, judged on the first pass's labels.
pub(crate) fn second_pass(blocks: &[RawBlock], facts: &mut [Judged], page: &Page) {
    let first_pass: Vec<bool> = facts.iter().map(|f| f.score >= 0.0).collect();
    // The site's template is not the context of a block: a headline followed by a notice
    // printed on every page, then the article, opens the article.
    let skip: Vec<bool> = facts.iter().map(|f| f.template >= 0.5).collect();
    let cx = Cx {
        blocks,
        first_pass: &first_pass,
        skip: &skip,
    };
    for (i, b) in blocks.iter().enumerate() {
        let f = &facts[i];
        if f.prompt {
            continue;
        }
        // A heading as long as a paragraph (a standfirst styled as a heading) is judged as
        // one, not by its section. An item's title in a listing is judged as the item, not by
        // what follows it.
        let headline_here = f.headline || f.lead || b.words >= STANDFIRST_MIN_WORDS || f.item_title;
        let (term, input) = match b.kind {
            Kind::Heading(_) if !headline_here => (Term::Section, cx.section_label(i)),
            // A short line ending in a colon introduces what follows ("Read more:",
            // "Contact:", "Ingredients:"): it goes with the block it introduces.
            _ if page.trusted && b.words <= LABEL_WORDS && introduces(&b.text) => {
                (Term::Introduces, cx.section_label(i))
            }
            _ if page.trusted
                && b.words < SHORT_WORDS
                && !ends_sentence(&b.text)
                && b.kind != Kind::Pre =>
            {
                (
                    Term::Context,
                    (cx.short_context(i) + cx.section_label(i)) / 2.0,
                )
            }
            _ => continue,
        };
        let value = input * weights::weight(term);
        if input != 0.0 {
            let f = &mut facts[i];
            if page.explain {
                f.terms.push(Contribution { term, input, value });
            }
            f.score += value;
        }
    }
}

/// What the second pass reads around a block: the blocks, their first-pass labels, and the
/// blocks that do not count as context (the site's template).
struct Cx<'a, 'b> {
    blocks: &'a [RawBlock<'b>],
    first_pass: &'a [bool],
    skip: &'a [bool],
}

impl Cx<'_, '_> {
    /// +1 when the first substantial block after a heading (before the next heading) is content,
    /// −1 when it is boilerplate or there is none.
    fn section_label(&self, i: usize) -> f32 {
        let (blocks, first_pass) = (self.blocks, self.first_pass);
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
            .filter(|(j, b)| !matches!(b.kind, Kind::Heading(_)) && !self.skip[*j])
            // Under a linked heading (an item's title in a listing), the item's date line is not
            // its body.
            .find(|(_, b)| b.words >= 3 && !(linked && looks_like_date(&b.text, b.words)));
        match body {
            Some((j, _)) if first_pass[j] => 1.0,
            _ => -1.0,
        }
    }

    /// Mean label (+1 content, −1 boilerplate) of the nearest longer blocks on each side.
    fn short_context(&self, i: usize) -> f32 {
        let (blocks, first_pass) = (self.blocks, self.first_pass);
        let long = |j: &usize| {
            !self.skip[*j] && (blocks[*j].words >= SHORT_WORDS || ends_sentence(&blocks[*j].text))
        };
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
}

/// Share of the blocks within `NEIGHBOURHOOD` positions on either side that lie in the region.
pub(crate) fn neighbours_in_region(facts: &[Judged], i: usize) -> f32 {
    let lo = i.saturating_sub(NEIGHBOURHOOD);
    let hi = (i + NEIGHBOURHOOD + 1).min(facts.len());
    let total = hi - lo - 1;
    if total == 0 {
        return 0.0;
    }
    let inside = (lo..hi).filter(|&j| j != i && facts[j].in_region).count();
    inside as f32 / total as f32
}

/// Mean of the nearest long blocks' local quality on each side (−1 bad … 1 good).
pub(crate) fn neighbour_context(blocks: &[RawBlock], facts: &[Judged], i: usize) -> f32 {
    let quality = |j: usize| -> Option<f32> {
        let b = &blocks[j];
        if b.words < 15 {
            return None;
        }
        let ld = link_density(b.words, b.link_words);
        Some(
            if ld < 0.3 && facts[j].stop_density >= NEUTRAL_STOPWORD_DENSITY {
                1.0
            } else {
                -1.0
            },
        )
    };
    let prev = (0..i).rev().take(8).find_map(quality);
    let next = (i + 1..blocks.len()).take(8).find_map(quality);
    match (prev, next) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a / 2.0,
        (None, None) => 0.0,
    }
}
