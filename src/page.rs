//! The inputs of one call: a page's bytes and what came with them over HTTP.

use crate::decode;
use encoding_rs::Encoding;

/// One fetched page: its bytes, and the HTTP `Content-Type` header value and URL that came
/// with it. These are the per-page inputs of a call; the crawl-wide settings live in the
/// [`Extractor`](crate::Extractor), which is built once and shared.
///
/// Both extras are hints, read leniently, and neither can lose the page: a `Content-Type`
/// with an unknown or missing charset is no hint (the charset is then found as browsers
/// find it: byte-order mark, `<meta>`, detection), and a page without a URL resolves its
/// links against its `<base href>` or canonical URL, if any.
///
/// ```
/// use dechrome::{url::Url, Extractor, Page};
///
/// // "Café crème" in windows-1252, as a server sends it with its header.
/// let body = b"<html><body><article><p>Caf\xe9 cr\xe8me and a croissant, served on the terrace \
///     until noon, every day of the week.</p><a href='/menu'>Menu</a></article></body></html>";
/// let url = Url::parse("https://example.org/breakfast/")?;
/// let page = Page::new(body)
///     .content_type("text/html; charset=\"windows-1252\"")
///     .url(&url);
/// assert_eq!(page.charset_hint(), Some("windows-1252"));
///
/// let extractor = Extractor::builder().keep_links(true).build();
/// let result = extractor.extract(&page)?;
/// assert!(result.text.starts_with("Café crème"));
/// assert_eq!(result.encoding, "windows-1252");
/// assert!(result.links.iter().any(|l| l.url == "https://example.org/menu"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub(crate) body: Body<'a>,
    pub(crate) content_type: Option<&'a str>,
    pub(crate) url: Option<&'a url::Url>,
    pub(crate) page_type: Option<crate::PageType>,
}

/// A page's body: raw bytes to decode, or text already decoded.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'a> Page<'a> {
    /// A page given as the raw bytes of the response body. The charset is found from a
    /// byte-order mark, the [`content_type`](Page::content_type) header, a `<meta>`
    /// declaration or detection, in that order of trust.
    ///
    /// ```
    /// let page = dechrome::Page::new(b"<p>Hello</p>");
    /// assert_eq!(page.charset_hint(), None);
    /// ```
    pub fn new(bytes: &'a [u8]) -> Page<'a> {
        Page {
            body: Body::Bytes(bytes),
            content_type: None,
            url: None,
            page_type: None,
        }
    }

    /// A page already decoded to text: no charset is looked for, so a `Content-Type` has
    /// nothing to add.
    ///
    /// ```
    /// let page = dechrome::Page::from_text("<p>Already text.</p>");
    /// let result = dechrome::Extractor::default().extract(&page)?;
    /// assert_eq!(result.encoding, "UTF-8");
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn from_text(html: &'a str) -> Page<'a> {
        Page {
            body: Body::Text(html),
            content_type: None,
            url: None,
            page_type: None,
        }
    }

    /// The HTTP `Content-Type` header value as received, e.g.
    /// `text/html; charset=ISO-8859-1`. Only its charset is used, read as leniently as
    /// browsers read it: quoted (`charset="utf-8"`), a database's name for UTF-8
    /// (`utf8mb4`), or a bare label. An unknown label, or none, is no hint. A byte-order
    /// mark in the body still wins over it. Default: none.
    ///
    /// ```
    /// use dechrome::Page;
    /// assert_eq!(Page::new(b"").content_type("text/html;charset=utf8mb4").charset_hint(), Some("UTF-8"));
    /// assert_eq!(Page::new(b"").content_type("'Shift_JIS'").charset_hint(), Some("Shift_JIS"));
    /// assert_eq!(Page::new(b"").content_type("text/html; charset=klingon").charset_hint(), None);
    /// ```
    pub fn content_type(mut self, value: &'a str) -> Page<'a> {
        self.content_type = Some(value);
        self
    }

    /// The URL the page was fetched from (after redirects). Relative links and images are
    /// resolved against it (a `<base href>` on the page is ignored then, as a crawler's URL
    /// is the more reliable), and its path is a hint to the page's type. Default: none,
    /// and the page's `<base href>` or canonical URL is used instead.
    ///
    /// ```
    /// use dechrome::{url::Url, Extractor, Page};
    /// let url = Url::parse("https://example.org/a/b.html")?;
    /// let html = "<article><p>The ferry leaves at nine and returns at six, weather allowing, \
    ///     from the north pier.</p><p><a href='../timetable'>Timetable</a></p></article>";
    /// let extractor = Extractor::builder().keep_links(true).build();
    /// let result = extractor.extract(&Page::from_text(html).url(&url))?;
    /// assert!(result.links.iter().any(|l| l.url == "https://example.org/timetable"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn url(mut self, url: &'a url::Url) -> Page<'a> {
        self.url = Some(url);
        self
    }

    /// The page's type, when the caller knows it (from a sitemap, a URL pattern, a feed):
    /// the page is then read as that type, whatever the model would say. `Article` forces
    /// the article's reading (the main text, without teasers or comments); `Listing` takes a
    /// page's items as its content, `Forum` every post of a thread. The model's
    /// probabilities are still computed and reported in
    /// [`PageTypeEvidence`](crate::PageTypeEvidence). Default: none, and the type is
    /// detected.
    ///
    /// ```
    /// use dechrome::{Extractor, Page, PageType};
    /// let html = "<article><h1>Harbour notes</h1><p>The ferry returned to the north pier on \
    ///     Monday, three months after the storms.</p></article>";
    /// let doc = Extractor::default().document(&Page::from_text(html).page_type(PageType::Listing))?;
    /// assert_eq!(doc.page_type, PageType::Listing);
    /// assert!(doc.page_type_evidence.given);
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn page_type(mut self, page_type: crate::PageType) -> Page<'a> {
        self.page_type = Some(page_type);
        self
    }

    /// The charset the [`content_type`](Page::content_type) names, by its canonical name,
    /// or `None` when there is no header, it names no charset, or the charset is unknown.
    ///
    /// ```
    /// let page = dechrome::Page::new(b"").content_type("text/html; charset=latin1");
    /// assert_eq!(page.charset_hint(), Some("windows-1252"));
    /// ```
    pub fn charset_hint(&self) -> Option<&'static str> {
        self.encoding_hint().map(Encoding::name)
    }

    pub(crate) fn encoding_hint(&self) -> Option<&'static Encoding> {
        self.content_type.and_then(decode::encoding_for_label)
    }

    /// Size of the body in bytes.
    pub(crate) fn len(&self) -> usize {
        match self.body {
            Body::Bytes(b) => b.len(),
            Body::Text(t) => t.len(),
        }
    }
}
