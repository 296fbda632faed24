//! Stage 2 — parse: html5ever (through `scraper`) builds the DOM, within the limits.

use crate::error::Error;
use crate::limits::Limits;
use scraper::Html;

/// Parses a whole document, refusing trees larger than the node limit.
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Html, Error> {
    let html = Html::parse_document(text);
    let nodes = html.tree.nodes().len();
    if nodes > limits.max_nodes {
        return Err(Error::TooManyNodes {
            nodes,
            limit: limits.max_nodes,
        });
    }
    Ok(html)
}
