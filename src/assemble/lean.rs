//! The lean result: text, metadata, type and links, without per-block explanations.

use super::kind_public;
use super::links::{with_link_targets, Resolver};
use super::{BlockDecision, Decisions, Settings};
use crate::document::{join_text, Extraction, Outlink};
use crate::error::Error;
use crate::limits::Budget;
use crate::page::Page;
use crate::segment::{Segmentation, NONE};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// The lean result: the body blocks of the whole [`Document`](crate::Document), joined the
/// same way, with the metadata and (when kept) every link of the page, without each
/// block's features and explanation.
pub(crate) fn extraction(
    seg: &Segmentation<'_>,
    d: Decisions,
    page: &Page<'_>,
    settings: &Settings,
    encoding: &'static Encoding,
    budget: &Budget,
) -> Result<Extraction, Error> {
    let resolver = Resolver::new(d.base.clone(), page.len(), budget);
    let elems = &seg.elems;
    let content: Vec<bool> = d.blocks.iter().map(BlockDecision::in_body).collect();
    let mut over = None;
    let text = join_text(seg.blocks.iter().enumerate().filter_map(|(i, raw)| {
        if !content[i] || over.is_some() {
            return None;
        }
        let targets = if settings.link_targets_in_text {
            let resolved: Result<Vec<(usize, String)>, Error> = raw
                .links()
                .iter()
                .map(|l| Ok((l.end, resolver.resolve(l.href)?)))
                .collect();
            match resolved {
                Ok(t) => t,
                Err(e) => {
                    over = Some(e);
                    return None;
                }
            }
        } else {
            Vec::new()
        };
        let written: usize = targets.iter().map(|(_, u)| u.len() + 3).sum();
        if let Err(e) = budget.charge("output", raw.text.len() + written) {
            over = Some(e);
            return None;
        }
        let text = if settings.link_targets_in_text {
            Cow::Owned(with_link_targets(&raw.text, targets.into_iter()))
        } else {
            Cow::Borrowed(raw.text.as_str())
        };
        let parent = elems.get(raw.elem as usize).map_or(NONE, |e| e.parent);
        Some((text, kind_public(raw.kind), parent))
    }));
    if let Some(e) = over {
        return Err(e);
    }
    let mut links = Vec::new();
    if settings.keep_links {
        for (raw, &in_content) in seg.blocks.iter().zip(&content) {
            for l in raw.links() {
                budget.charge("output", l.end - l.start)?;
                links.push(Outlink {
                    url: resolver.resolve(l.href)?,
                    text: raw.text.get(l.start..l.end).unwrap_or("").to_string(),
                    in_content,
                });
            }
        }
    }
    let mut metadata = d.metadata;
    metadata.image = resolver.resolve_opt(metadata.image.as_deref())?;
    metadata.canonical_url = resolver.resolve_opt(metadata.canonical_url.as_deref())?;
    Ok(Extraction {
        text,
        metadata,
        encoding: encoding.name().to_string(),
        page_type: d.page.page_type,
        links,
    })
}
