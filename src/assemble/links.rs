//! Links made absolute: the page's base, and a resolver that holds what resolving adds to
//! an allowance and charges every URL to the budget.

use crate::document::Link;
use crate::error::Error;
use crate::limits::Budget;
use crate::segment::Segmentation;

/// The base for relative URLs: the caller's, else `<base href>`, else the canonical URL.
pub(crate) fn base(
    seg: &Segmentation<'_>,
    url: Option<&url::Url>,
    canonical: Option<&str>,
) -> Option<url::Url> {
    let absolute = |u: &str| url::Url::parse(u).ok();
    let canonical = canonical.and_then(absolute);
    let from_base_tag = seg.sources.base_href.and_then(|b| match &canonical {
        Some(c) => c.join(b).ok(),
        None => absolute(b),
    });
    url.cloned().or(from_base_tag).or(canonical)
}

/// Makes a page's links absolute against its base, and charges every URL it returns to the
/// budget. Resolving copies the base into every link, so a long base (a crafted `<base
/// href>`, URL or `WARC-Target-URI`) could make each of a page's links as long as itself:
/// the bytes that resolving adds, over all the page's links, are held to the page's size
/// plus [`RESOLVE_ALLOWANCE`]. Past that allowance, links stay as the page wrote them.
pub(crate) struct Resolver<'b> {
    base: Option<url::Url>,
    /// Bytes that resolving may still add.
    allowance: std::cell::Cell<usize>,
    budget: &'b Budget,
}

/// Bytes that resolving links may add beyond the page's own size.
const RESOLVE_ALLOWANCE: usize = 64 << 10;

impl<'b> Resolver<'b> {
    pub(crate) fn new(
        base: Option<url::Url>,
        input_bytes: usize,
        budget: &'b Budget,
    ) -> Resolver<'b> {
        Resolver {
            base,
            allowance: std::cell::Cell::new(input_bytes.saturating_add(RESOLVE_ALLOWANCE)),
            budget,
        }
    }

    /// `href` made absolute where the base and the allowance let it be; otherwise as it is.
    ///
    /// # Errors
    ///
    /// [`Error::MemoryLimit`] when the URL does not fit in the budget.
    pub(crate) fn resolve(&self, href: &str) -> Result<String, Error> {
        let url = match &self.base {
            // The joined URL is at most the base and the href long: a base longer than what
            // is left is not copied at all.
            Some(b) if b.as_str().len() <= self.allowance.get() => match b.join(href) {
                Ok(u) => {
                    let u = String::from(u);
                    let grown = u.len().saturating_sub(href.len());
                    self.allowance
                        .set(self.allowance.get().saturating_sub(grown));
                    u
                }
                Err(_) => href.to_string(),
            },
            Some(_) => href.to_string(),
            None => url::Url::parse(href)
                .map(String::from)
                .unwrap_or_else(|_| href.to_string()),
        };
        self.budget
            .charge("output", url.len() + std::mem::size_of::<Link>())?;
        Ok(url)
    }

    /// An optional URL made absolute (a metadata field).
    pub(crate) fn resolve_opt(&self, href: Option<&str>) -> Result<Option<String>, Error> {
        href.map(|h| self.resolve(h)).transpose()
    }
}

/// A block's text with each link's target written after its anchor text.
pub(crate) fn with_link_targets<S: AsRef<str>>(
    text: &str,
    links: impl Iterator<Item = (usize, S)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (end, url) in links {
        if end < at || end > text.len() || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..end]);
        out.push_str(" (");
        out.push_str(url.as_ref());
        out.push(')');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}
