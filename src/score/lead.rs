//! Above the region: the lead paragraph (standfirst) that templates put just before the
//! article body, and unmarked prose further up that opens an article whose container the
//! region left out.

use super::lexical::ends_sentence;
use super::tuning::{
    LEAD_SCAN, MAX_LEAD_BLOCKS, NEUTRAL_STOPWORD_DENSITY, PROSE_ABOVE_MAX_LINKS, PROSE_ABOVE_WORDS,
    SHORT_WORDS, STANDFIRST_MIN_WORDS,
};
use super::{link_density, mostly_linked, Judged};
use crate::segment::{Kind, RawBlock};

/// Marks the lead: prose just before the region, outside it. Walking back from the region's
/// first block, headings and short lines are passed over; a link list, a chrome marker or
/// weak prose ends the walk.
pub(crate) fn mark_lead(blocks: &[RawBlock], facts: &mut [Judged]) {
    let Some(first) = facts.iter().position(|f| f.in_region) else {
        return;
    };
    let mut found = 0;
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
        if facts[j].chrome.is_some() || ld > 0.3 || under_linked_heading(blocks, j) {
            break;
        }
        let prose = facts[j].stop_density >= NEUTRAL_STOPWORD_DENSITY || ends_sentence(&b.text);
        if b.words >= 15 && ld < 0.1 && prose && found < MAX_LEAD_BLOCKS {
            facts[j].lead = true;
            found += 1;
        } else {
            break;
        }
    }
}

/// Marks unmarked, unlinked prose above the region (beyond the lead): the article's opening
/// that the region's container left out. A picture's caption and a teaser's summary under
/// its linked title are not.
pub(crate) fn mark_prose_above(blocks: &[RawBlock], facts: &mut [Judged], first_region: usize) {
    for i in 0..first_region.min(blocks.len()) {
        let b = &blocks[i];
        let f = &facts[i];
        facts[i].prose_above = !f.lead
            && f.chrome.is_none()
            && link_density(b.words, b.link_words) < PROSE_ABOVE_MAX_LINKS
            && f.prose
            && b.words >= PROSE_ABOVE_WORDS
            && !super::picture_line(b)
            && !under_linked_heading(blocks, i);
    }
}

/// True when the nearest heading above block `i`, with only short lines between, is a link:
/// the block is a teaser's summary under its title, not an article's opening.
pub(crate) fn under_linked_heading(blocks: &[RawBlock], i: usize) -> bool {
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
