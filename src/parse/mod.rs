//! Stage 2 — parse: dechrome's [`tokenizer`] reads the markup and dechrome's tree
//! [`builder`] builds the DOM ([`crate::dom`]) from its tokens, within the limits. A page
//! the builder does not build (a frameset, MathML, a declarative shadow root, `<noscript>`
//! read as markup) is built again by html5ever's tree builder from the same tokens; the
//! reference path ([`Front::Html5ever`]) is html5ever's tokenizer and tree builder both, and
//! the differential test holds the two paths to the same trees.
//!
//! Two things keep the cost of parsing linear in the page, whatever the markup:
//! - what no stage reads (script and style bodies, comments, unread attributes) and the
//!   attributes beyond [`MAX_ATTRIBUTES`] are left out as the tokenizer reads them: the rules
//!   are [`prepass`]'s, which ran as a pass of its own before html5ever's tokenizer and still
//!   does on the reference path ([`Front::Html5ever`]) the differential test compares with;
//! - [`guard`] stands between the tokenizer and the tree builder and keeps the builder's
//!   state — its stack of open elements and its list of open formatting elements, which it
//!   scans for almost every tag — within [`Limits::max_depth`], and stops building once the
//!   tree passes [`Limits::max_nodes`] or the memory budget.

mod builder;
mod guard;
mod prepass;
mod tokenizer;

/// The generated hostile pages of the integration tests, for the guard's invariant test.
#[cfg(test)]
#[path = "../../tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use crate::dom::Dom;
use crate::error::Error;
use crate::limits::{Budget, Limits};
use guard::Reader;
pub(crate) use prepass::Links;

/// Attributes kept per element; more are dropped before parsing.
pub const MAX_ATTRIBUTES: usize = 256;

/// How a `<noscript>` element is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Noscript {
    /// As browsers with scripting on read it: raw text, here left out. Its size is measured.
    Skipped,
    /// As markup, the way a browser without scripts renders it: for pages whose server puts
    /// the whole document there and draws the visible page with scripts (Discourse, Flarum).
    AsMarkup,
}

/// Which tokenizer reads the markup into html5ever's tree builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Front {
    /// dechrome's own ([`tokenizer`]).
    #[default]
    Own,
    /// html5ever's: the reference the differential test compares the own one with.
    Html5ever,
}

/// A parsed page.
pub(crate) struct Parsed {
    pub dom: Dom,
    /// Bytes of the largest `<noscript>` body left out (0 when read as markup).
    pub noscript_bytes: usize,
}

/// Parses a whole document within the limits, charging the tree to `budget`.
pub(crate) fn parse(
    text: &str,
    limits: &Limits,
    budget: &Budget,
    noscript: Noscript,
    links: Links,
    front: Front,
) -> Result<Parsed, Error> {
    // The tree's text shares one buffer of html5ever's tendrils, whose lengths are 32-bit:
    // a larger page (only under a `max_input_bytes` raised past 4 GiB) is refused.
    let most = u32::MAX as usize;
    if text.len() > most {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: most,
        });
    }
    let scripting = noscript == Noscript::Skipped;
    let (dom, noscript_bytes) = match front {
        Front::Own => {
            let fold = tokenizer::Fold {
                max_attributes: MAX_ATTRIBUTES,
                noscript,
                links,
            };
            guard::parse(text, scripting, limits, budget, Reader::Own(Some(fold)))?
        }
        Front::Html5ever => {
            // (Newlines are normalized first, as the own tokenizer does before its pre-pass
            // work: a comment left out between a CR and an LF would make two newlines one.)
            let text = tokenizer::normalize_newlines(text);
            let (bounded, noscript_bytes) = prepass::bound(&text, MAX_ATTRIBUTES, noscript, links);
            let (dom, _) = guard::parse(&bounded, scripting, limits, budget, Reader::Html5ever)?;
            (dom, noscript_bytes)
        }
    };
    Ok(Parsed {
        dom,
        noscript_bytes,
    })
}

/// The tree a page parses to with one tokenizer or the other, written out (see
/// [`Dom::dump`]); for the differential test of the tokenizers.
pub(crate) fn dump(
    text: &str,
    noscript: Noscript,
    links: Links,
    front: Front,
) -> Result<String, Error> {
    let limits = Limits::default();
    let budget = Budget::new(&limits, text.len());
    let parsed = parse(text, &limits, &budget, noscript, links, front)?;
    Ok(parsed.dom.dump())
}
