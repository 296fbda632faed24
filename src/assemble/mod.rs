//! Stage 6 — assemble: the decision on every block, and the two results built from it. The
//! extractor hands this stage the segmented page, its template inputs and its settings; it
//! scores the blocks ([`crate::score`]), reads the metadata, settles each block once
//! ([`decide`]: its final score, whether it is content, its role), then builds the lean
//! [`Extraction`] ([`lean`]) or the whole [`Document`] ([`model`]) from that one record,
//! making links absolute within their allowance ([`links`]).

pub(crate) mod lean;
mod links;
pub(crate) mod model;

use crate::document::{Document, Extraction};
use crate::error::Error;
use crate::limits::Budget;
use crate::metadata::{self, MetaRole};
use crate::page::Page;
use crate::score::explain::Contribution;
use crate::score::{self, Judged};
use crate::segment::Segmentation;

/// What the extractor's settings mean to this stage.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// The score a block needs to be content ([`crate::Favor`]'s threshold).
    pub threshold: f32,
    /// Content blocks with fewer words fall under the threshold.
    pub min_block_words: u32,
    /// Record links and images, and list every link of the page.
    pub keep_links: bool,
    /// Write each link's target after its text in the plain text.
    pub link_targets_in_text: bool,
    /// Captions are content.
    pub keep_captions: bool,
}

/// The decision on one block, from which both results are built.
#[derive(Debug)]
pub(crate) struct BlockDecision {
    /// Its final score.
    pub score: f32,
    /// Over the threshold.
    pub content: bool,
    /// A byline or dateline: metadata, never body text.
    pub role: Option<MetaRole>,
    /// The terms of its score; empty when explanations were not asked for.
    pub terms: Vec<Contribution>,
}

impl BlockDecision {
    /// Body text: content, and not a metadata line.
    pub fn in_body(&self) -> bool {
        self.content && self.role.is_none()
    }
}

/// What both results need: a decision per block (and what scoring learnt of it), the
/// page's type and evidence, its metadata and the base for its links.
pub(crate) struct Decisions {
    pub blocks: Vec<BlockDecision>,
    pub facts: Vec<Judged>,
    pub page: score::page_type::Detection,
    pub metadata: crate::Metadata,
    pub base: Option<url::Url>,
}

/// The lean result of a page: see [`lean::extraction`].
pub(crate) fn extraction(
    seg: &Segmentation<'_>,
    page: &Page<'_>,
    template: Option<&[f32]>,
    settings: &Settings,
    encoding: &'static encoding_rs::Encoding,
    budget: &Budget,
) -> Result<Extraction, Error> {
    let decisions = decide(seg, page, template, settings, false, budget)?;
    lean::extraction(seg, decisions, page, settings, encoding, budget)
}

/// The whole document of a page: see [`model::document`].
pub(crate) fn document(
    seg: Segmentation<'_>,
    page: &Page<'_>,
    template: Option<&[f32]>,
    settings: &Settings,
    encoding: &'static encoding_rs::Encoding,
    budget: &Budget,
) -> Result<Document, Error> {
    let decisions = decide(&seg, page, template, settings, true, budget)?;
    model::document(seg, decisions, page, settings, encoding, budget)
}

/// Scores the blocks, reads the metadata, and settles each block once: everything both
/// results need.
pub(crate) fn decide(
    seg: &Segmentation<'_>,
    page: &Page<'_>,
    template: Option<&[f32]>,
    settings: &Settings,
    explain: bool,
    budget: &Budget,
) -> Result<Decisions, Error> {
    let url = page.url;
    let json_ld = metadata::json_ld_nodes(&seg.sources.json_ld, budget)?;
    let mut hints = hints(seg, &json_ld, url);
    hints.given = page.page_type;
    let mut cls = score::classify(
        seg,
        &hints,
        template,
        settings.keep_captions,
        explain,
        &budget.deadline,
    )?;
    let threshold = settings.threshold;
    // The first block of content, in the main region when the region has any (a stray
    // kept block in the header does not move the article's start).
    let first_content = cls
        .blocks
        .iter()
        .position(|b| b.score >= threshold && b.in_region)
        .or_else(|| cls.blocks.iter().position(|b| b.score >= threshold));
    let last_content = cls.blocks.iter().rposition(|b| b.score >= threshold);
    let (metadata, roles) = metadata::extract(&metadata::Inputs {
        sources: &seg.sources,
        json_ld: &json_ld,
        blocks: &seg.blocks,
        headline: cls.headline,
        first_content,
        last_content,
        detected_language: cls.language,
        url: url.map(url::Url::as_str),
    });
    let base = links::base(seg, url, metadata.canonical_url.as_deref());
    let mut role = vec![None; seg.blocks.len()];
    for (b, r) in roles {
        if let Some(slot) = role.get_mut(b) {
            slot.get_or_insert(r);
        }
    }
    let has_role: Vec<bool> = role.iter().map(Option::is_some).collect();
    score::rescue(
        &seg.blocks,
        &mut cls.blocks,
        &has_role,
        &cls.main_items,
        threshold,
    );
    score::drop_repeats(seg, &mut cls.blocks, threshold, cls.strategy.repeats);
    // The one decision both results are built from: each block's final score (with the
    // terms added after classification), and whether it is content.
    let mut blocks = Vec::with_capacity(seg.blocks.len());
    for (raw, (judged, &role)) in seg.blocks.iter().zip(cls.blocks.iter_mut().zip(&role)) {
        let (score, added) = score::finish(
            judged.score,
            raw.words,
            role.is_some(),
            settings.min_block_words,
            threshold,
        );
        let mut terms = std::mem::take(&mut judged.terms);
        terms.extend(added.into_iter().flatten());
        blocks.push(BlockDecision {
            score,
            content: score >= threshold,
            role,
            terms,
        });
    }
    whole_tables(seg, &mut blocks, threshold, explain);
    Ok(Decisions {
        blocks,
        facts: cls.blocks,
        page: cls.page,
        metadata,
        base,
    })
}

/// A table whose rows are mostly content is kept whole: its other rows (short ones, a
/// total, a note) are lifted to the threshold.
fn whole_tables(
    seg: &Segmentation<'_>,
    blocks: &mut [BlockDecision],
    threshold: f32,
    explain: bool,
) {
    let mut rows: std::collections::HashMap<u32, (usize, usize)> = std::collections::HashMap::new();
    for (raw, d) in seg.blocks.iter().zip(blocks.iter()) {
        if raw.kind == crate::segment::Kind::TableRow && raw.table != crate::segment::NONE {
            let e = rows.entry(raw.table).or_default();
            e.0 += 1;
            e.1 += usize::from(d.content);
        }
    }
    for (raw, d) in seg.blocks.iter().zip(blocks.iter_mut()) {
        let whole = raw.kind == crate::segment::Kind::TableRow
            && rows
                .get(&raw.table)
                .is_some_and(|&(n, kept)| n >= MIN_WHOLE_TABLE_ROWS && kept * 2 >= n);
        if whole && !d.content && d.role.is_none() {
            if explain {
                d.terms.push(Contribution {
                    term: score::explain::Term::WholeTable,
                    input: 1.0,
                    value: threshold - d.score,
                });
            }
            d.score = threshold;
            d.content = true;
        }
    }
}

/// The fewest rows of a table kept whole.
const MIN_WHOLE_TABLE_ROWS: usize = 3;

/// What the page says about itself, for its type: JSON-LD and microdata types, `og:type`,
/// and its URL (the caller's, else the canonical or `og:url`).
fn hints<'h>(
    seg: &'h Segmentation<'_>,
    json_ld: &'h [serde_json::Value],
    url: Option<&'h url::Url>,
) -> score::page_type::Hints<'h> {
    let meta = |key: &str| {
        seg.sources
            .meta
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|&(_, v)| v)
    };
    let mut declared = metadata::declared_types(json_ld);
    declared.extend(seg.sources.itemtypes.iter().copied());
    score::page_type::Hints {
        given: None,
        opengraph: seg
            .sources
            .meta
            .iter()
            .any(|(k, _)| k.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("og:"))),
        declared,
        og_type: meta("og:type"),
        url: url
            .map(url::Url::as_str)
            .or(seg.sources.canonical)
            .or_else(|| meta("og:url")),
    }
}

/// The public kind of a block.
pub(crate) fn kind_public(k: crate::segment::Kind) -> crate::document::BlockKind {
    use crate::document::BlockKind;
    use crate::segment::Kind;
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
