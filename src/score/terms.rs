//! The first pass: each block's score as a sum of named inputs times their weights
//! ([`Term`], weights in [`super::weights`]).

use super::explain::{Contribution, Term};
use super::lexical::{
    calls_to_action, ends_sentence, is_ad_label, looks_like_date, prompts, Prompts,
};
use super::tuning::{
    CONSENT_MAX_WORDS, CREDIT_MAX_WORDS, LONG_WORDS, NEUTRAL_STOPWORD_DENSITY, PAYWALL_MAX_WORDS,
    PHRASE_FULL_WORDS, PICTURE_LINE_WORDS, SHORT_WORDS, STANDFIRST_WORDS,
};
use super::weights;
use super::{context, link_density, picture_line, Judged, Page};
use crate::segment::{Kind, RawBlock};

/// Scores every block on its own inputs and its place; returns the headline's block.
pub(crate) fn first_pass(
    blocks: &[RawBlock],
    facts: &mut [Judged],
    page: &Page,
    explain: bool,
) -> Option<usize> {
    let n = blocks.len();
    let mut headline = None;
    // The inputs of one block, gathered in one reused buffer.
    let mut x: Vec<(Term, f32)> = Vec::with_capacity(24);
    // The next block of three words or more after each block, found by one pointer that
    // only moves forward: the whole pass stays linear however many short blocks there are.
    let mut body_at = 0usize;
    let mut next_body = |i: usize| {
        body_at = body_at.max(i + 1);
        while body_at < n && blocks[body_at].words < 3 {
            body_at += 1;
        }
        (body_at < n).then_some(body_at)
    };
    for (i, b) in blocks.iter().enumerate() {
        x.clear();
        x.push((Term::Bias, 1.0));
        let f = &facts[i];
        let ld = link_density(b.words, b.link_words);
        let chrome_strength = f.chrome.map_or(0.0, |c| c.strength());
        if page.trusted {
            if f.in_region {
                x.push((Term::InRegion, 1.0));
                x.push((Term::ChromeCue, chrome_strength));
            } else {
                x.push((Term::OutsideRegion, 1.0));
                if f.lead {
                    x.push((Term::Lead, 1.0));
                } else if f.prose_above {
                    x.push((Term::ProseAbove, 1.0));
                } else if page.strategy.sections
                    && f.prose
                    && f.chrome.is_none()
                    && ld < crate::score::tuning::PROSE_ABOVE_MAX_LINKS
                {
                    x.push((Term::OtherSection, 1.0));
                }
                // The heading right above the lead paragraph is the headline.
                if matches!(b.kind, Kind::Heading(_))
                    && headline.is_none()
                    && next_body(i).is_some_and(|j| facts[j].lead || facts[j].prose_above)
                {
                    x.push((Term::Headline, 1.0));
                    headline.get_or_insert(i);
                }
            }
        } else {
            x.push((Term::NoRegion, 1.0));
            x.push((Term::ChromeCue, chrome_strength));
            // Without a region, a block leans towards the label of its long neighbours.
            x.push((Term::Context, context::neighbour_context(blocks, facts, i)));
        }
        // Where link lists in the body are content (a manual's contents), a list item's or
        // a table row's links count less inside the region.
        let list_like = matches!(b.kind, Kind::ListItem | Kind::TableRow);
        let ld_scale = if page.trusted && f.in_region && list_like {
            page.strategy.region_list_links
        } else {
            1.0
        };
        x.push((Term::LinkDensity, ld * ld_scale));
        x.push((Term::Length, (b.words as f32 / LONG_WORDS).min(1.0)));
        if f.has_stopwords {
            let excess = (f.stop_density - NEUTRAL_STOPWORD_DENSITY).clamp(-0.25, 0.25) * 4.0;
            x.push((Term::Stopwords, excess));
        }
        let sentence = ends_sentence(&b.text);
        x.push((Term::EndsSentence, f32::from(u8::from(sentence))));
        // Code is short in words by nature: it is never a short line.
        let short = b.words < SHORT_WORDS && !sentence && b.kind != Kind::Pre;
        if page.trusted && f.in_region {
            let before = page.first_long.is_some_and(|first| i < first);
            let after = page.last_long.is_some_and(|last| i > last);
            if let Kind::Heading(_) = b.kind {
                // A heading written as a sentence of some length is a standfirst styled as a
                // heading, not the headline.
                let standfirst = sentence && b.words >= STANDFIRST_WORDS;
                if before && !standfirst && headline.is_none() && !f.item_title {
                    x.push((Term::Headline, 1.0));
                    headline.get_or_insert(i);
                }
            } else if short
                && (before || after)
                && b.kind != Kind::TableRow
                && page.strategy.short_lines
            {
                // Table rows are short by nature: their table decides.
                x.push((Term::ShortAtEdge, 1.0));
            } else if short && b.kind == Kind::Other && page.strategy.short_lines {
                // A short line in a bare box, not a paragraph, list or table: a widget's
                // label ("Show image", "External content"), a credit, a control.
                x.push((Term::LooseLine, 1.0));
            }
        }
        if b.kind != Kind::TableRow && looks_like_date(&b.text, b.words) {
            x.push((Term::DateLine, 1.0));
        }
        if f.item_title {
            x.push((Term::ItemTitle, 1.0));
        }
        if f.in_items {
            x.push((Term::Item, 1.0));
        }
        if f.in_thread {
            x.push((Term::CommentThread, 1.0));
        }
        if f.slide {
            x.push((Term::SlideCaption, 1.0));
        }
        if f.promo {
            x.push((Term::StoryPromo, 1.0));
        }
        if f.template > 0.0 {
            x.push((Term::Template, f.template));
        }
        // Hidden until shown: a tab or an accordion is judged as if shown, but a hidden box
        // that a chrome marker names (a menu, a dialog, a cookie notice) is surely chrome.
        if b.hidden && f.chrome.is_some() {
            x.push((Term::Hidden, 1.0));
        }
        if b.words <= CREDIT_MAX_WORDS && crate::chars::contains_char(&b.text, '©') {
            x.push((Term::Credit, 1.0));
        }
        if b.words <= 3 && is_ad_label(&b.text) {
            x.push((Term::AdLabel, 1.0));
        }
        if f.control {
            x.push((Term::ControlLabel, 1.0));
        }
        if page.trusted && f.in_region && i >= page.region_tail && calls_to_action(&b.text) {
            x.push((Term::CallToAction, phrase_share(b.words)));
        }
        let said = if b.words <= PAYWALL_MAX_WORDS.max(CONSENT_MAX_WORDS) {
            prompts(&b.text)
        } else {
            Prompts::default()
        };
        let paywall = b.words <= PAYWALL_MAX_WORDS && said.paywall;
        if paywall {
            x.push((Term::Paywall, phrase_share(b.words)));
        }
        let consent = b.words <= CONSENT_MAX_WORDS && said.consent;
        if consent {
            x.push((Term::ConsentNotice, 1.0));
        }
        let kind_term = match b.kind {
            Kind::Heading(_) => Some(Term::Heading),
            Kind::ListItem => Some(Term::ListItem),
            Kind::TableRow => Some(Term::TableRow),
            Kind::Pre => Some(Term::Preformatted),
            Kind::Quote => Some(Term::Quote),
            Kind::Caption if !page.keep_captions => Some(Term::Caption),
            // A short line right after an image that names the picture or its source is a
            // caption or credit, whatever its tag.
            _ if !page.keep_captions && b.words <= PICTURE_LINE_WORDS && picture_line(b) => {
                Some(Term::Caption)
            }
            Kind::Caption => None,
            Kind::Paragraph | Kind::Other => None,
        };
        if let Some(t) = kind_term {
            x.push((t, 1.0));
        }
        if page.trusted {
            x.push((
                Term::NeighboursInRegion,
                context::neighbours_in_region(facts, i),
            ));
        }
        let capacity = x.len() + 1;
        let terms = x
            .drain(..)
            .filter(|&(_, input)| input != 0.0)
            .map(|(term, input)| Contribution {
                term,
                input,
                value: input * weights::weight(term),
            });
        let f = &mut facts[i];
        f.prompt = paywall || consent;
        f.score = if explain {
            let mut c: Vec<Contribution> = Vec::with_capacity(capacity);
            c.extend(terms);
            f.headline = c.iter().any(|c| c.term == Term::Headline);
            let score = c.iter().map(|t| t.value).sum();
            f.terms = c;
            score
        } else {
            let mut headline_here = false;
            let score = terms
                .inspect(|c| headline_here |= c.term == Term::Headline)
                .map(|t| t.value)
                .sum();
            f.headline = headline_here;
            score
        };
    }
    headline
}

/// The input of a term that one phrase inside a block triggers: 1 up to
/// [`PHRASE_FULL_WORDS`], then shrinking as the block's own prose grows.
fn phrase_share(words: u32) -> f32 {
    (PHRASE_FULL_WORDS / words.max(1) as f32).min(1.0)
}
