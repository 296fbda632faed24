//! The whole [`Document`]: every block explained.

use super::kind_public;
use super::links::{with_link_targets, Resolver};
use super::{BlockDecision, Decisions, Settings};
use crate::document::{
    join_text, Block, Document, Features, Formula, Image, Label, Link, ListInfo, Structure,
    TableInfo,
};
use crate::error::Error;
use crate::limits::Budget;
use crate::page::Page;
use crate::score::explain::Contribution;
use crate::segment::{self, Segmentation, NONE};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// The whole document: every block with its features, score, terms and label, its text and
/// structure, and the page's metadata, type and evidence.
pub(crate) fn document(
    mut seg: Segmentation<'_>,
    d: Decisions,
    page: &Page<'_>,
    settings: &Settings,
    encoding: &'static Encoding,
    budget: &Budget,
) -> Result<Document, Error> {
    let Decisions {
        blocks: decisions,
        facts,
        page: detection,
        metadata,
        base,
    } = d;
    let n = seg.blocks.len();
    let resolver = Resolver::new(base, page.len(), budget);
    let mut metadata = metadata;
    metadata.image = resolver.resolve_opt(metadata.image.as_deref())?;
    metadata.canonical_url = resolver.resolve_opt(metadata.canonical_url.as_deref())?;
    budget.charge(
        "output",
        n * (std::mem::size_of::<Block>() + std::mem::size_of::<u32>()),
    )?;
    let mut blocks = Vec::with_capacity(n);
    let mut parents = Vec::with_capacity(n);
    let elems = &seg.elems;
    let mut class_paths = ClassPaths::default();
    for (i, ((raw, decision), judged)) in
        seg.blocks.iter_mut().zip(decisions).zip(&facts).enumerate()
    {
        budget.deadline.tick("output")?;
        let BlockDecision {
            score,
            content,
            role,
            terms: contributions,
        } = decision;
        let label = if content {
            Label::Content
        } else {
            Label::Boilerplate
        };
        // What the block adds to the segmentation's memory (its text moves), charged
        // before it is built: its images' texts, its explanation and its paths (the
        // resolver charges every URL as it makes it).
        let alts: usize = raw
            .images()
            .iter()
            .map(|im| im.alt.len() + std::mem::size_of::<Image>())
            .sum();
        budget.charge(
            "output",
            alts + contributions.len() * std::mem::size_of::<Contribution>()
                + PATH_STEPS * 8
                + CLASS_PATH_BYTES,
        )?;
        let chars = raw.text.chars().count().max(1);
        let lines = chars.div_ceil(80).max(1);
        parents.push(elems.get(raw.elem as usize).map_or(NONE, |e| e.parent));
        let text = std::mem::take(&mut raw.text);
        let structure = Structure {
            list: raw.list.map(|l| ListInfo {
                list: l.id,
                ordered: l.ordered,
                depth: l.depth,
            }),
            quote_depth: raw.quote_depth,
            table: (raw.kind == segment::Kind::TableRow).then(|| TableInfo {
                table: raw.table,
                header: raw.header_row,
                cells: cells_of(&text, raw.cells()),
            }),
            links: raw
                .links()
                .iter()
                .map(|l| {
                    Ok(Link {
                        start: l.start,
                        end: l.end,
                        url: resolver.resolve(l.href)?,
                    })
                })
                .collect::<Result<_, Error>>()?,
            images: raw
                .images()
                .iter()
                .map(|im| {
                    Ok(Image {
                        src: resolver.resolve(&im.src)?,
                        alt: im.alt.to_string(),
                    })
                })
                .collect::<Result<Vec<Image>, Error>>()
                // The same image twice in a row (a `<picture>` and its `<noscript>` twin)
                // is one image.
                .map(|mut v| {
                    v.dedup_by(|a, b| a.src == b.src);
                    v
                })?,
            formulas: raw
                .formulas()
                .iter()
                .map(|&(start, end)| Formula { start, end })
                .collect(),
        };
        blocks.push(Block {
            label,
            score,
            contributions,
            features: Features {
                kind: kind_public(raw.kind),
                tag: static_tag(elems.get(raw.elem as usize).map_or("", |e| &*e.tag)),
                path: tag_path(elems, raw.elem),
                class_id: class_paths.path(elems, raw.elem),
                position: i,
                relative_position: if n > 1 {
                    i as f32 / (n - 1) as f32
                } else {
                    0.0
                },
                words: raw.words,
                link_words: raw.link_words,
                text_density: raw.words as f32 / lines as f32,
                link_density: if raw.words == 0 {
                    0.0
                } else {
                    raw.link_words as f32 / raw.words as f32
                },
                stopword_density: judged.stop_density,
                commas: raw.commas,
                in_region: judged.in_region,
                chrome_cue: judged.chrome.map(|c| c.word.to_string()),
                hidden: raw.hidden,
            },
            structure,
            role,
            text,
        });
    }
    let in_region: Vec<bool> = facts.iter().map(|f| f.in_region).collect();
    figure_images(&mut blocks, &in_region);
    let keep_links = settings.link_targets_in_text;
    budget.charge(
        "output",
        blocks
            .iter()
            .filter(|b| b.is_content() && b.role.is_none())
            .map(|b| {
                let links: usize = b.structure.links.iter().map(|l| l.url.len() + 3).sum();
                b.text.len() + 2 + if keep_links { links } else { 0 }
            })
            .sum(),
    )?;
    let text = join_text(
        blocks
            .iter()
            .zip(&parents)
            .filter(|(b, _)| b.is_content() && b.role.is_none())
            .map(|(b, &p)| {
                let text = if keep_links {
                    Cow::Owned(with_link_targets(
                        &b.text,
                        b.structure.links.iter().map(|l| (l.end, l.url.as_str())),
                    ))
                } else {
                    Cow::Borrowed(b.text.as_str())
                };
                (text, b.features.kind, p)
            }),
    );
    let page = &detection;
    let page_type_evidence = crate::PageTypeEvidence {
        given: page.given,
        read_as: page.read_as,
        expected_loss: page.expected_loss.clone(),
        article_like: page.article_like,
        probabilities: {
            let mut p = page.probabilities.clone();
            p.sort_by(|a, b| b.1.total_cmp(&a.1));
            p
        },
        features: page
            .evidence
            .iter()
            .map(|e| crate::PageFeature {
                name: e.feature.to_string(),
                value: e.value,
                part: e.part,
                neutral: e.neutral,
            })
            .collect(),
    };
    Ok(Document {
        page_type: page.page_type,
        page_type_evidence,
        metadata,
        text,
        encoding: encoding.name().to_string(),
        blocks,
    })
}

/// The cells of a row, from the byte offsets where they start.
fn cells_of(text: &str, starts: &[usize]) -> Vec<String> {
    if starts.is_empty() {
        return vec![text.to_string()];
    }
    let mut cells = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&e| {
            e.saturating_sub(segment::CELL_SEPARATOR.len())
        });
        let cell = text.get(s..end.max(s)).unwrap_or("");
        cells.push(cell.trim().to_string());
    }
    cells
}

/// How many ancestors a block's path and class list show at most.
const PATH_STEPS: usize = 16;

fn ancestors<'s>(
    elems: &'s [segment::Elem<'s>],
    elem: u32,
) -> impl Iterator<Item = &'s segment::Elem<'s>> {
    std::iter::successors(elems.get(elem as usize), move |e| {
        elems.get(e.parent as usize)
    })
    .take(PATH_STEPS)
}

/// A tag name as a `Cow`: borrowed from the list of block tags when it is one of them.
fn static_tag(tag: &str) -> Cow<'static, str> {
    match crate::cues::BLOCK_TAGS.iter().find(|&&t| t == tag) {
        Some(&t) => Cow::Borrowed(t),
        None => Cow::Owned(tag.to_string()),
    }
}

fn tag_path(elems: &[segment::Elem<'_>], elem: u32) -> String {
    let mut tags: [&str; PATH_STEPS] = [""; PATH_STEPS];
    let mut n = 0;
    for (slot, e) in tags.iter_mut().zip(ancestors(elems, elem)) {
        *slot = &e.tag;
        n += 1;
    }
    let mut out = String::with_capacity(tags[..n].iter().map(|t| t.len() + 1).sum());
    for (k, t) in tags[..n].iter().rev().enumerate() {
        if k > 0 {
            out.push('>');
        }
        out.push_str(t);
    }
    out
}

/// How long a block's class/id list may grow (the nearest tokens are kept).
const CLASS_PATH_BYTES: usize = 200;

/// The class/id lists of the blocks' elements: an element's `#id` and `.class` tokens, then
/// its ancestors', nearest first, up to [`PATH_STEPS`] elements and [`CLASS_PATH_BYTES`]
/// bytes (a token that does not fit ends the list).
///
/// Consecutive blocks mostly share their parent (paragraphs of one body, items of one
/// list), so the parent's side of the list is read once for a run of siblings: the tokens
/// that fit after a block's own are a prefix of what fits after the parent alone (the room
/// only shrinks).
#[derive(Default)]
struct ClassPaths {
    /// The parent whose tokens are held, if any.
    parent: Option<u32>,
    /// Its tokens and its ancestors' (sigil included), as ranges of `text`.
    tokens: Vec<(usize, usize)>,
    text: String,
    /// The list being written, copied out at its length.
    out: String,
}

impl ClassPaths {
    /// The class list of `elem`, its tokens joined by spaces.
    fn path(&mut self, elems: &[segment::Elem<'_>], elem: u32) -> String {
        let Some(e) = elems.get(elem as usize) else {
            return String::new();
        };
        if self.parent != Some(e.parent) {
            self.parent = Some(e.parent);
            self.tokens.clear();
            self.text.clear();
            let mut len = 0;
            'read: for a in ancestors(elems, e.parent).take(PATH_STEPS - 1) {
                for (sigil, token) in own_tokens(a) {
                    if !fits(len, token) {
                        break 'read;
                    }
                    len += usize::from(len > 0) + 1 + token.len();
                    let from = self.text.len();
                    self.text.push(sigil);
                    self.text.push_str(token);
                    self.tokens.push((from, self.text.len()));
                }
            }
        }
        let out = &mut self.out;
        out.clear();
        for (sigil, token) in own_tokens(e) {
            if !fits(out.len(), token) {
                return out.as_str().to_owned();
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(sigil);
            out.push_str(token);
        }
        for &(from, to) in &self.tokens {
            let token = self.text.get(from..to).unwrap_or("");
            // (The held token carries its sigil.)
            if !fits(out.len(), token.get(1..).unwrap_or("")) {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(token);
        }
        out.as_str().to_owned()
    }
}

/// Whether `token` (without its sigil) still fits after `len` bytes of a class list.
fn fits(len: usize, token: &str) -> bool {
    len + token.len() + 2 <= CLASS_PATH_BYTES
}

/// An element's own class-list tokens: its id, then its classes.
fn own_tokens<'e>(e: &segment::Elem<'e>) -> impl Iterator<Item = (char, &'e str)> {
    let id = e.id().map(str::trim).filter(|s| !s.is_empty());
    id.into_iter().map(|i| ('#', i)).chain(
        e.class()
            .unwrap_or("")
            .split_ascii_whitespace()
            .map(|c| ('.', c)),
    )
}

/// An image belongs to the article when it stands in the article. A caption keeps its
/// figure's images; when the caption is left out (captions are seldom body text), the
/// images go with the next block of the body (or the last one before). So do the images of
/// a byline or a date line (the lead photo under a headline), and those of any block left
/// out inside the main region, between blocks of the body (a photo's credit line).
fn figure_images(blocks: &mut [Block], in_region: &[bool]) {
    let shown = |b: &Block| b.is_content() && b.role.is_none();
    let first = blocks.iter().position(shown);
    let last = blocks.iter().rposition(shown);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let inside = in_region.get(i).copied().unwrap_or(false) && (first..=last).contains(&i);
        let carrier = b.role.is_some() || b.features.kind == crate::BlockKind::Caption || inside;
        if !carrier || shown(b) || b.structure.images.is_empty() {
            continue;
        }
        let to = (i + 1..blocks.len())
            .find(|&j| shown(&blocks[j]))
            .or_else(|| (0..i).rev().find(|&j| shown(&blocks[j])));
        if let Some(to) = to {
            let images = std::mem::take(&mut blocks[i].structure.images);
            let target = &mut blocks[to].structure.images;
            if to > i {
                target.splice(0..0, images);
            } else {
                target.extend(images);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Dom;

    /// The class list read the plain way: the element's tokens and its ancestors', walked
    /// for each block.
    fn walked(elems: &[segment::Elem<'_>], elem: u32) -> String {
        let mut out = String::new();
        for e in ancestors(elems, elem) {
            for (sigil, token) in own_tokens(e) {
                if !fits(out.len(), token) {
                    return out;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push(sigil);
                out.push_str(token);
            }
        }
        out
    }

    #[test]
    fn shared_parents_give_the_lists_a_walk_gives() {
        // Deeper than the steps shown, with class lists that are short (the steps end the
        // list) or long (the byte limit ends it at different depths), and runs of
        // siblings under one parent.
        let (mut by_steps, mut by_bytes) = (0, 0);
        for long in [0, 1, 3, 9] {
            let mut html = String::from("<body>");
            for depth in 0..24 {
                if long == 0 {
                    // One short class a level: sixteen levels fit in the bytes.
                    html.push_str(&format!("<div class='k{}'>", depth % 10));
                } else {
                    let classes = (0..depth % 3 + 1)
                        .map(|k| format!("c{depth}{}", "x".repeat(long * (depth + k) % 23)))
                        .collect::<Vec<_>>()
                        .join(" ");
                    html.push_str(&format!("<div id=' d{depth} ' class='{classes}'>"));
                }
                for p in 0..3 {
                    let extra = "y".repeat(long * p * 15);
                    html.push_str(&format!("<p class='p{p} {extra}'>Text {depth} {p}.</p>"));
                }
            }
            html.push_str(&"</div>".repeat(24));
            let doc = Dom::parse(&html, true);
            let seg = segment::segment(doc.view(), false, true, false);
            assert!(seg.blocks.len() >= 70);
            let mut paths = ClassPaths::default();
            for b in &seg.blocks {
                let want = walked(&seg.elems, b.elem);
                assert_eq!(paths.path(&seg.elems, b.elem), want);
                let shown = ancestors(&seg.elems, b.elem).count();
                by_bytes += usize::from(want.len() + 40 > CLASS_PATH_BYTES);
                by_steps += usize::from(shown == PATH_STEPS && long == 0);
            }
        }
        assert!(by_steps > 20 && by_bytes > 20, "{by_steps} {by_bytes}");
    }
}
