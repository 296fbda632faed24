//! The main-content region: readability's container scoring picks the element that holds the
//! article, and the unbroken run of good siblings around it joins; then every element learns
//! whether it lies inside the region and which chrome marker stands over it.

use super::tuning::{
    ARTICLE_MAX_LINK_DENSITY, ARTICLE_REGION_SHARE, MAX_CHROME_SHARE, MIN_SCORING_CHARS,
    SCORING_LEVELS, SIBLING_MINOR_WORDS, SPLIT_LEVELS, SPLIT_SHARE,
};
use super::{link_density, Chrome};
use crate::cues;
use crate::segment::{Elem, Kind, Segmentation, NONE};

/// Per element: inside a consent manager's dialog (one of [`cues::CONSENT_WORDS`]), which is
/// laid over the page and is no part of it.
pub(crate) fn consent_elems(elems: &[Elem<'_>]) -> Vec<bool> {
    let mut consent = vec![false; elems.len()];
    // Parents come before their children.
    for (i, e) in elems.iter().enumerate() {
        let own = e
            .cue
            .chrome
            .is_some_and(|w| cues::CONSENT_WORDS.contains(&w));
        consent[i] = own || consent.get(e.parent as usize).copied().unwrap_or(false);
    }
    consent
}

/// Scores every element that holds prose (readability), returning the per-element scores
/// (NaN for an element that received no points).
pub(crate) fn candidate_scores(seg: &Segmentation<'_>, consent: &[bool]) -> Vec<f32> {
    let elems = &seg.elems;
    let mut score = vec![f32::NAN; elems.len()];
    // Per element: inside the page's `<footer>` (one outside any `<article>`), parents first.
    let mut in_footer = vec![false; elems.len()];
    let mut in_article = vec![false; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        let parent = |v: &[bool]| v.get(e.parent as usize).copied().unwrap_or(false);
        in_article[i] = &*e.tag == "article" || parent(&in_article);
        in_footer[i] = (&*e.tag == "footer" && !in_article[i]) || parent(&in_footer);
    }
    for b in &seg.blocks {
        // Headings and short lines do not choose the region, nor does a consent dialog's
        // text (its settings can hold more prose than a listing), nor the page's footer
        // (where a shop keeps its sign-in and sign-up dialogs).
        let elem = b.elem as usize;
        if matches!(b.kind, Kind::Heading(_))
            || b.text.len() < MIN_SCORING_CHARS
            || consent.get(elem).copied().unwrap_or(false)
            || in_footer.get(elem).copied().unwrap_or(false)
        {
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

/// True when `ancestor` is `node` or holds it.
pub(crate) fn is_ancestor(elems: &[Elem<'_>], ancestor: u32, mut node: u32) -> bool {
    while node != NONE {
        if node == ancestor {
            return true;
        }
        node = elems.get(node as usize).map_or(NONE, |e| e.parent);
    }
    false
}

/// Picks the region: the roots of the main content (a top candidate and its joined siblings).
pub(crate) fn choose_region(seg: &Segmentation<'_>, score: &[f32]) -> Vec<u32> {
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
    if let Some(a) = article_around(elems, top) {
        return vec![a];
    }
    join_siblings(seg, score, top)
}

/// The `<article>` element around the top candidate, when the candidate holds less than
/// [`ARTICLE_REGION_SHARE`] of its words: an article laid out in a site builder's grid, one
/// text block per cell and a newsletter box between, whose cells are cousins that sibling
/// joining cannot reach. It must be one article (no other `<article>` inside, as in a list
/// of cards) and not a link list. Its chrome boxes are still judged block by block.
fn article_around(elems: &[Elem<'_>], top: u32) -> Option<u32> {
    let mut at = elems.get(top as usize)?.parent;
    while at != NONE {
        let e = elems.get(at as usize)?;
        if matches!(&*e.tag, "body" | "html") {
            return None;
        }
        if &*e.tag == "article" {
            break;
        }
        at = e.parent;
    }
    let a = elems.get(at as usize)?;
    let top_words = elems.get(top as usize).map_or(0, |t| t.words) as f32;
    if link_density(a.words, a.link_words) > ARTICLE_MAX_LINK_DENSITY
        || top_words >= ARTICLE_REGION_SHARE * a.words as f32
    {
        return None;
    }
    // Elements after it in document order start inside it until its last block.
    let nested = elems
        .iter()
        .enumerate()
        .skip(at as usize + 1)
        .take_while(|(_, d)| d.first_block < a.end_block)
        .any(|(d, e)| &*e.tag == "article" && is_ancestor(elems, at, d as u32));
    (!nested).then_some(at)
}

/// What a sibling of the top candidate does to the region's run.
enum Sibling {
    /// It scores like the article: it joins the region.
    Join,
    /// Too small to matter (an ad label, an empty box): passed over.
    Skip,
    /// A link list, a chrome box or other text: the run ends here.
    Break,
}

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
            if (ld < 0.25 && text_len > 80) || (ld == 0.0 && super::lexical::ends_sentence(last)) {
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
pub(crate) fn children<'e>(elems: &'e [Elem<'_>], parent: u32) -> impl Iterator<Item = u32> + 'e {
    let first = elems.get(parent as usize).map_or(NONE, |e| e.first_child);
    std::iter::successors(Some(first).filter(|&c| c != NONE), move |&c| {
        Some(elems[c as usize].next_sibling).filter(|&n| n != NONE)
    })
}

/// For every element: is it inside the region, and the nearest chrome marker between it and
/// the region root (or the document root, outside the region). Elements are in document
/// order, parents first, so one forward pass suffices.
pub(crate) fn locate_all(elems: &[Elem<'_>], roots: &[u32]) -> (Vec<bool>, Vec<Option<Chrome>>) {
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
