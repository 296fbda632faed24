//! Listings: a run of look-alike sibling boxes, each with a linked title, that holds the
//! page's content (a category page, search results, a product grid).

use std::collections::{HashMap, HashSet};

use html5ever::LocalName;

use super::region::children;
use super::tuning::{ITEM_LEVELS, MIN_LISTING_ITEMS};
use super::{mostly_linked, Judged};
use crate::segment::{Kind, Segmentation, NONE};

/// Marks the titles of a listing's items. A listing is a run of at least
/// `MIN_LISTING_ITEMS` sibling boxes of one tag and class, each with a linked heading, that
/// holds at least as many words as the region's prose outside them: on such a page the items
/// are the content, and their linked titles are not teasers for other pages. In an article, a
/// related-links box is a small part of the region and does not qualify.
pub(crate) fn mark_item_titles(seg: &Segmentation<'_>, facts: &mut [Judged]) {
    let (blocks, elems) = (&seg.blocks, &seg.elems);
    let linked: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let b = &blocks[i];
            facts[i].in_region && matches!(b.kind, Kind::Heading(_)) && mostly_linked(b)
        })
        .collect();
    if linked.len() < MIN_LISTING_ITEMS {
        return;
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
    for (b, f) in blocks.iter().zip(facts.iter()) {
        if f.in_region && f.prose {
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
                facts[g.2].item_title = true;
            }
        }
    }
}
