//! Repeated structure: runs of look-alike sibling boxes (the cards of a listing, the products
//! of a grid, the posts of a thread). Found by sorting the block-level elements' keys once, so
//! a page of a hundred thousand items costs little more per byte than a page of ten.

use std::hash::{Hash, Hasher};

use crate::packed::Fx;
use crate::segment::{Elem, Segmentation, NONE};

/// Siblings that look alike this many times make a group.
pub(crate) const MIN_ITEMS: usize = 3;

/// A run of look-alike siblings under one parent.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// The items, in document order.
    pub items: Vec<u32>,
    /// Words and linked words in all items.
    pub words: u32,
    pub link_words: u32,
}

impl Group {
    /// The blocks of the group: from its first item's first block to its last item's end.
    pub fn block_range(&self, elems: &[Elem<'_>]) -> (usize, usize) {
        let first = self.items.first().and_then(|&i| elems.get(i as usize));
        let last = self.items.last().and_then(|&i| elems.get(i as usize));
        match (first, last) {
            (Some(f), Some(l)) => (f.first_block as usize, l.end_block as usize),
            _ => (0, 0),
        }
    }
}

/// What makes siblings look alike: their tag and their class, without the tokens that tell
/// one item from the next (numbers, odd/even, first/last, active, taxonomy terms). The
/// tokens' hashes are summed, so their order does not matter and nothing is allocated.
fn signature(e: &Elem<'_>) -> u64 {
    tag_hash(e).wrapping_add(e.class_signature)
}

/// How many wrappers deep [`item_signature`] looks for an item's own box.
const WRAPPER_LEVELS: usize = 3;

/// What makes an item look like its siblings. An item that is only a wrapper — its one
/// block-level child holds all its words — is known by that child's box: card layouts wrap
/// each card in a box of its own whose generated classes differ card to card (`div.f kb kc`
/// around one `article`, `div.fv kg` around the next).
fn item_signature(elems: &[Elem<'_>], i: usize, own: u64) -> u64 {
    let Some(item) = elems.get(i) else { return 0 };
    let mut core = item;
    for _ in 0..WRAPPER_LEVELS {
        match elems.get(core.first_child as usize) {
            Some(c) if c.next_sibling == NONE && c.words == core.words => core = c,
            _ => break,
        }
    }
    if std::ptr::eq(core, item) {
        // (The item's own signature, already known.)
        return own;
    }
    // The wrapper's own tag still counts: a list item wrapping a card is no div doing so.
    signature(core)
        .wrapping_mul(31)
        .wrapping_add(tag_hash(item))
}

/// The hash of an element's tag alone.
fn tag_hash(e: &Elem<'_>) -> u64 {
    let mut h = Fx::default();
    e.tag.hash(&mut h);
    h.finish()
}

/// Tags whose runs are the flow of an article, not items: paragraphs and headings.
fn is_flow(e: &Elem<'_>) -> bool {
    matches!(
        &*e.tag,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "br" | "hr" | "pre" | "blockquote" | "dt"
    )
}

/// An item with some substance: several lines (a title and a price, a name and a date) or
/// a sentence's worth of words. A menu's or a facet's option is one short line.
pub(crate) fn substantial(e: &Elem<'_>) -> bool {
    let blocks = e.end_block.saturating_sub(e.first_block);
    (blocks >= 2 && e.words >= 4) || e.words >= 10
}

/// Per element: a chrome marker of ordinary strength or more ("nav", "sidebar", "related",
/// not "widget") names it or one of its ancestors; words in `layout` do not count (on a
/// listing, its entries sit in a "search" box).
fn marked(elems: &[Elem<'_>], layout: &[&str]) -> Vec<bool> {
    let mut out = vec![false; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        let parent = elems
            .get(e.parent as usize)
            .is_some_and(|_| out[e.parent as usize]);
        let own = e
            .cue
            .chrome
            .is_some_and(|w| e.cue.chrome_weight <= crate::cues::NORMAL && !layout.contains(&w));
        out[i] = parent || own;
    }
    out
}

/// The page's dominant group: of the [`qualified`] groups, the one with the most words.
pub(crate) fn dominant<'g>(qualified: &[&'g Group]) -> Option<&'g Group> {
    qualified.iter().copied().max_by_key(|g| g.words)
}

/// The groups with at least [`MIN_ITEMS`] substantial items and no chrome marker over them (a
/// weak one, such as "widget", aside, and the words of `layout`, the page's reading's layout
/// words).
pub(crate) fn qualified<'g>(
    seg: &Segmentation<'_>,
    groups: &'g [Group],
    layout: &[&str],
) -> Vec<&'g Group> {
    let elems = &seg.elems;
    let marked = marked(elems, layout);
    groups
        .iter()
        .filter(|g| {
            g.items
                .iter()
                .filter(|&&i| elems.get(i as usize).is_some_and(substantial))
                .count()
                >= MIN_ITEMS
        })
        .filter(|g| {
            g.items
                .first()
                .is_some_and(|&i| !marked.get(i as usize).copied().unwrap_or(true))
        })
        .filter(|g| !is_layout(elems, g))
        .collect()
}

/// Look-alike siblings of which one holds most of the words are a page's layout (its columns,
/// an article beside its comments and its sidebar), not a run of items: items are of a
/// kind, and of a size.
fn is_layout(elems: &[Elem<'_>], g: &Group) -> bool {
    let largest = g
        .items
        .iter()
        .filter_map(|&i| elems.get(i as usize))
        .map(|e| e.words)
        .max()
        .unwrap_or(0);
    largest as f32 > LAYOUT_SHARE * g.words as f32
}

/// The share of a group's words above which its largest item makes it a layout.
const LAYOUT_SHARE: f32 = 0.5;

/// Every group of at least [`MIN_ITEMS`] look-alike siblings that hold text, in the order of
/// their first items. Siblings are grouped by sorting (parent, signature) pairs rather than
/// through a hash map, so that no choice of class names can make the grouping slow. Siblings
/// left out of every group are grouped once more by their wrapped boxes ([`item_signature`]):
/// only then, so that cards that look alike by their own class stay one group even when some
/// of them wrap a single box and others do not.
pub(crate) fn groups(seg: &Segmentation<'_>) -> Vec<Group> {
    let elems = &seg.elems;
    let mut keyed: Vec<(u32, u64, u32)> = elems
        .iter()
        .enumerate()
        .filter(|(_, e)| e.parent != NONE && e.words > 0 && !is_flow(e))
        .map(|(i, e)| (e.parent, signature(e), i as u32))
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    let mut left: Vec<(u32, u64, u32)> = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        if run.len() >= MIN_ITEMS {
            out.push(group_of(elems, run));
        } else {
            left.extend(
                run.iter()
                    .map(|&(parent, own, i)| (parent, item_signature(elems, i as usize, own), i)),
            );
        }
    }
    left.sort_unstable();
    for run in left.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        if run.len() >= MIN_ITEMS {
            out.push(group_of(elems, run));
        }
    }
    out.sort_unstable_by_key(|g| g.items.first().copied());
    out
}

/// The group of one run of (parent, signature, element) keys.
fn group_of(elems: &[Elem<'_>], run: &[(u32, u64, u32)]) -> Group {
    let mut g = Group {
        items: Vec::with_capacity(run.len()),
        words: 0,
        link_words: 0,
    };
    for &(_, _, i) in run {
        let e = &elems[i as usize];
        g.items.push(i);
        g.words += e.words;
        g.link_words += e.link_words;
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;
    use crate::segment::segment;

    /// The words of the dominant group's first item.
    fn dominant_first_item(page: &str) -> Option<String> {
        let dom = Dom::parse(page, true);
        let seg = segment(dom.view(), false, false, false);
        let groups = groups(&seg);
        let g = dominant(&qualified(&seg, &groups, &[]))?;
        let e = &seg.elems[g.items[0] as usize];
        Some(
            seg.blocks[e.first_block as usize..e.end_block as usize]
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" / "),
        )
    }

    #[test]
    fn the_dominant_group_is_the_run_of_cards_not_the_menu_or_the_facets() {
        let menu: String = (1..=12)
            .map(|i| format!("<li class=menu-item><a href=/c{i}>Category number {i}</a></li>"))
            .collect();
        let facets: String = (1..=9)
            .map(|i| format!("<li class=option-{i}><a href=?f={i}>Size {i} (12)</a></li>"))
            .collect();
        let cards: String = (1..=5)
            .map(|i| {
                format!(
                    "<div class='card item-{i}'><h3><a href=/p/{i}>Walking boots model {i}</a></h3>\
                     <p>Leather, waterproof, resoled by hand.</p><span>€{i}9.00</span></div>"
                )
            })
            .collect();
        let page = format!(
            "<ul class=menu>{menu}</ul><ul class=facets>{facets}</ul><div class=grid>{cards}</div>"
        );
        // The cards' classes differ by a number only: they still look alike.
        assert_eq!(
            dominant_first_item(&page).as_deref(),
            Some("Walking boots model 1 / Leather, waterproof, resoled by hand. / €19.00")
        );
    }

    #[test]
    fn cards_in_wrappers_of_their_own_classes_are_one_group() {
        // Each card sits alone in a wrapper whose generated classes differ card to card.
        let cards: String = ["f kb kc", "fv kg kh", "ab cd", "xq zz"]
            .iter()
            .enumerate()
            .map(|(i, wrapper)| {
                format!(
                    "<div class='{wrapper}'><article class=aw><h2><a href=/s{i}>Scaling the \
                     storage layer, part {i}</a></h2><p>Jane Roe</p><p>3 min read</p></article></div>"
                )
            })
            .collect();
        let page = format!("<main><div class=feed>{cards}</div></main>");
        assert_eq!(
            dominant_first_item(&page).as_deref(),
            Some("Scaling the storage layer, part 0 / Jane Roe / 3 min read")
        );
    }

    #[test]
    fn posts_filed_under_different_categories_are_one_group() {
        // A blog's cards carry each post's categories and tags as classes.
        let cards: String = [
            "category-fish category-dinner tag-quick",
            "category-chicken tag-grill",
            "category-vegan category-salads",
            "category-dessert product_cat-books",
        ]
        .iter()
        .enumerate()
        .map(|(i, terms)| {
            format!(
                "<article class='cell post type-post {terms}'><a href=/r{i}><div>{i}0 reviews \
                 / 5 average</div><h3>Recipe number {i} with a name</h3></a></article>"
            )
        })
        .collect();
        let page = format!("<main><div class=grid>{cards}</div></main>");
        assert_eq!(
            dominant_first_item(&page).as_deref(),
            Some("00 reviews / 5 average / Recipe number 0 with a name")
        );
    }

    #[test]
    fn a_run_under_a_chrome_marker_or_without_substance_is_no_group_of_items() {
        let related: String = (1..=5)
            .map(|i| {
                format!(
                    "<div class=teaser><h3><a href=/a{i}>Another story number {i}</a></h3>\
                     <p>Its summary, a sentence long, as teasers have.</p></div>"
                )
            })
            .collect();
        let page = format!("<article><p>Body.</p></article><aside class=related>{related}</aside>");
        assert_eq!(dominant_first_item(&page), None);
        // One short line per item (a menu) has no substance.
        let links: String = (1..=8)
            .map(|i| format!("<li><a href=/{i}>Link {i}</a></li>"))
            .collect();
        assert_eq!(dominant_first_item(&format!("<ul>{links}</ul>")), None);
    }
}
