//! The pre-pass: one linear pass over the markup before html5ever's tokenizer reads it.
//!
//! dechrome's own tokenizer does this work as it reads ([`super::tokenizer::Fold`]), using
//! the helpers here, and runs this pass only on the rest of a page where its reading and the
//! pass's part ways. The whole pass runs on the reference path the differential test checks
//! the tokenizer against.
//!
//! It leaves out what no later stage reads: the bodies of scripts (JSON-LD excepted) and
//! styles, comments — about half the bytes of a typical page — and the attributes not in
//! [`crate::cues::READ_ATTRIBUTES`], so that the tokenizer never sees them. It also drops the
//! attributes beyond [`super::MAX_ATTRIBUTES`] of an element, as the tokenizer's duplicate check is
//! quadratic in them. A page with none of these is parsed as it is, without a copy.

use super::Noscript;
use crate::packed;
use std::borrow::Cow;

fn find(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, hay.get(from..)?).map(|p| from + p)
}

/// Finds the end tag `</name` (ASCII case-insensitive, then a space, `/` or `>`, as the
/// tokenizer reads it: `</titlevalue>` does not end a title) at or after `from`.
fn find_end_tag(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(hay.get(at..)?, b"</")?;
        let start = lt + 2;
        let end = start + name.len();
        if hay
            .get(start..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && hay
                .get(end)
                .is_none_or(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>'))
        {
            return Some(lt);
        }
        at = start;
    }
}

/// The rewritten markup, started lazily at the first change.
struct Out<'a> {
    src: &'a str,
    buf: Option<String>,
    /// Bytes of `src` before this offset are already in `buf`.
    copied: usize,
}

impl Out<'_> {
    /// Replaces `src[from..to]` with `with`.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        let buf = self
            .buf
            .get_or_insert_with(|| String::with_capacity(self.src.len()));
        buf.push_str(&self.src[self.copied..from]);
        buf.push_str(with);
        self.copied = to;
    }
}

/// One linear pass that leaves out what no stage reads and bounds the attributes per element
/// (see the module documentation). It keeps no model of the element stack: nesting is
/// bounded where the tree is built ([`super::guard`]). Also returns the size of the largest
/// `<noscript>` body left out.
///
/// A raw-text element (`script`, `style`, `textarea`, ...) whose end tag never comes is not
/// skipped: inside SVG or MathML such tags are markup, and in HTML the tokenizer reads the
/// rest of the page as its text whatever this pass does. The search for each name's end tag
/// is remembered, so that a page of many unclosed `<style>`s stays linear.
pub(crate) fn bound(
    text: &str,
    max_attributes: usize,
    noscript: Noscript,
    links: Links,
) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut out = Out {
        src: text,
        buf: None,
        copied: 0,
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut ends = EndTags::default();
    let mut noscript_bytes = 0usize;
    let mut i = 0;
    while let Some(lt) = find(bytes, i, b'<') {
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if bytes[lt..].starts_with(b"<!--") {
            i = comment_end(bytes, lt + 4);
            if comment_may_go(bytes, lt) {
                out.replace(lt, i, "");
            }
            continue;
        }
        if next == b'!' || next == b'?' || next == b'/' {
            // Doctypes, processing instructions and end tags pass as they are.
            i = find(bytes, lt, b'>').map_or(bytes.len(), |e| e + 1);
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        // A start tag: its name, then its attributes up to the closing '>'.
        let name_start = lt + 1;
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| !(b.is_ascii_whitespace() || **b == b'/' || **b == b'>'))
                .count();
        let name = &bytes[name_start..name_end];
        cuts.clear();
        let targets_read = targets_read(links, name);
        let j = scan_tag(bytes, name_end, max_attributes, targets_read, &mut cuts);
        if j >= bytes.len() {
            // A tag cut off by the end of input is dropped by the tokenizer: leave it be.
            cuts.clear();
        }
        let tag_end = (j + 1).min(bytes.len());
        for &(from, to) in &cuts {
            out.replace(from, to, "");
        }
        i = tag_end;
        let is_noscript = name.eq_ignore_ascii_case(b"noscript");
        let raw = raw_text_index(name).filter(|_| !(is_noscript && noscript == Noscript::AsMarkup));
        let Some(raw) = raw else { continue };
        // Skip to the matching end tag: nothing inside is markup.
        let Some(end) = ends.find(bytes, i, raw) else {
            if RAW_TEXT[raw] == b"title" {
                // A title never closed would take the whole page as its text (the page is
                // damaged, as a copy cut and joined back is): it ends where markup starts.
                if let Some(at) = next_tag(bytes, i) {
                    out.replace(at, at, "</title>");
                    i = at;
                }
            }
            continue;
        };
        if is_noscript {
            noscript_bytes = noscript_bytes.max(end - i);
        }
        let image_fallback = is_noscript && noscript_image_kept(links, &bytes[i..end]);
        if end > i && !image_fallback && body_is_never_read(name, &bytes[name_end..tag_end]) {
            out.replace(i, end, "");
        }
        i = end;
    }
    let text = match out.buf {
        Some(mut buf) => {
            buf.push_str(&text[out.copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    };
    (text, noscript_bytes)
}

/// Whether a start tag's link and image targets are read: always when links are recorded,
/// and for `<link>` and `<base>` (the canonical URL and the base) whatever the setting.
pub(super) fn targets_read(links: Links, tag_name: &[u8]) -> bool {
    links == Links::Recorded
        || tag_name.eq_ignore_ascii_case(b"link")
        || tag_name.eq_ignore_ascii_case(b"base")
}

/// Whether an attribute called `name` is kept, when `kept` of the element's attributes are
/// kept before it: one a stage reads, within the first `max`, and no image attribute unless
/// targets are read.
pub(super) fn attribute_kept(name: &[u8], kept: usize, max: usize, targets_read: bool) -> bool {
    if kept >= max {
        return false;
    }
    let (read, image) = match ATTRIBUTE_TABLE.get(name) {
        Some(flags) => (flags & READ != 0, flags & IMAGE != 0),
        None => (attribute_is_read(name), is_image_attribute(name)),
    };
    read && (targets_read || !image)
}

fn is_image_attribute(name: &[u8]) -> bool {
    IMAGE_ATTRIBUTES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(name))
}

/// Flags of [`AttributeTable`]: a stage reads the attribute; it is an image attribute.
const READ: u8 = 1;
const IMAGE: u8 = 2;

/// The names of [`crate::cues::READ_ATTRIBUTES`] and [`IMAGE_ATTRIBUTES`] of at most
/// [`packed::LONGEST`] bytes, packed ([`packed::key_ascii_lower`]) in an open-addressed
/// table: the tokenizer asks of every attribute of every start tag, and one multiply and
/// compare answer for nearly all. Longer names are asked of the lists.
struct AttributeTable {
    slots: Vec<(u128, u8)>,
}

impl AttributeTable {
    const SLOTS: usize = 256;

    fn slot(key: u128) -> usize {
        (packed::hash(key) >> 56) as usize % Self::SLOTS
    }

    fn new() -> AttributeTable {
        let mut table = AttributeTable {
            slots: vec![(0, 0); Self::SLOTS],
        };
        let names = crate::cues::READ_ATTRIBUTES
            .iter()
            .map(|a| (a.as_bytes(), READ))
            .chain(IMAGE_ATTRIBUTES.iter().map(|a| (*a, IMAGE)));
        for (name, flag) in names {
            let Some(key) = packed::key_ascii_lower(name) else {
                continue;
            };
            let mut i = Self::slot(key);
            for _ in 0..Self::SLOTS {
                let Some(slot) = table.slots.get_mut(i) else {
                    break;
                };
                if slot.0 == 0 || slot.0 == key {
                    *slot = (key, slot.1 | flag);
                    break;
                }
                i = (i + 1) % Self::SLOTS;
            }
        }
        table
    }

    /// The flags of `name` (0 for a name in neither list), or `None` when it cannot be
    /// packed.
    fn get(&self, name: &[u8]) -> Option<u8> {
        let key = packed::key_ascii_lower(name)?;
        let mut i = Self::slot(key);
        for _ in 0..Self::SLOTS {
            match self.slots.get(i) {
                Some(&(k, flags)) if k == key => return Some(flags),
                Some(&(0, _)) | None => return Some(0),
                Some(_) => i = (i + 1) % Self::SLOTS,
            }
        }
        Some(0)
    }
}

static ATTRIBUTE_TABLE: std::sync::LazyLock<AttributeTable> =
    std::sync::LazyLock::new(AttributeTable::new);

/// Whether a kept attribute's value goes: an `href`'s, when targets are not read. A bare
/// name is still an attribute (it makes an `<a>` a link). Where the next attribute follows
/// the value without a space (`ends_clean` false), the value stays, or the two names would
/// run together.
pub(super) fn href_value_goes(
    name: &[u8],
    targets_read: bool,
    has_value: bool,
    ends_clean: bool,
) -> bool {
    !targets_read && has_value && ends_clean && name.eq_ignore_ascii_case(b"href")
}

/// Whether a `<noscript>` body is kept for the image it holds: a short one, when images are
/// read; it may hold the real address of a placeholder before it.
pub(super) fn noscript_image_kept(links: Links, body: &[u8]) -> bool {
    links == Links::Recorded
        && body.len() <= NOSCRIPT_IMAGE_BYTES
        && body.windows(4).any(|w| w.eq_ignore_ascii_case(b"<img"))
}

/// How far back a character reference is looked for before a comment.
const REFERENCE_LOOKBACK: usize = 64;

/// Whether the comment at `lt` can be left out without joining what stands before it to
/// what follows: not after a `<` that is text (`a <<!-- -->b` would become a tag), nor
/// after the start of a character reference (`&no<!-- -->tin;` would become `&notin;`).
pub(super) fn comment_may_go(bytes: &[u8], lt: usize) -> bool {
    let before = &bytes[lt.saturating_sub(REFERENCE_LOOKBACK)..lt];
    let in_reference = |c: &u8| c.is_ascii_alphanumeric() || *c == b'#';
    match before.last() {
        None => true,
        Some(b'<' | b'&') => false,
        Some(c) if in_reference(c) => {
            let run = before.iter().rev().take_while(|c| in_reference(c)).count();
            !(run < before.len() && before[before.len() - 1 - run] == b'&')
        }
        Some(_) => true,
    }
}

/// Where the next tag starts at or after `from`: a `<` before a letter, `/` or `!`.
pub(super) fn next_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = find(bytes, at, b'<')?;
        if bytes
            .get(lt + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!'))
        {
            return Some(lt);
        }
        at = lt + 1;
    }
}

/// The elements whose content the tokenizer reads as raw text (or RCDATA) in HTML.
pub(super) const RAW_TEXT: [&[u8]; 10] = [
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
    b"plaintext",
];

/// The index in [`RAW_TEXT`] of a tag name, ASCII case-insensitively.
pub(super) fn raw_text_index(name: &[u8]) -> Option<usize> {
    RAW_TEXT.iter().position(|r| r.eq_ignore_ascii_case(name))
}

/// Where each raw-text element's next end tag is, remembered between searches.
#[derive(Default)]
pub(super) struct EndTags {
    /// Per [`RAW_TEXT`] name: the last `</name` found, or `None` once a search found none.
    found: [Option<Option<usize>>; RAW_TEXT.len()],
}

impl EndTags {
    /// The first `</name` at or after `from`.
    pub(super) fn find(&mut self, bytes: &[u8], from: usize, raw: usize) -> Option<usize> {
        match self.found[raw] {
            Some(None) => return None,
            Some(Some(at)) if at >= from => return Some(at),
            _ => {}
        }
        let at = find_end_tag(bytes, from, RAW_TEXT[raw]);
        self.found[raw] = Some(at);
        at
    }
}

/// Where a comment whose text starts at `from` ends (one past its `-->`, `--!>`, or the
/// `>` of an empty `<!-->` / `<!--->`), as the tokenizer ends it.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let close = memchr::memmem::find(rest, b"-->").map(|c| (c, 3));
    let limit = close.map_or(rest.len(), |(c, _)| c);
    let bang = memchr::memmem::find(&rest[..limit], b"--!>").map(|b| (b, 4));
    bang.or(close)
        .map_or(bytes.len(), |(at, len)| from + at + len)
}

/// True for a raw-text element whose text nothing downstream reads: scripts (except JSON-LD,
/// which the metadata stage reads), styles and `noscript` (raw text when scripting is on, as
/// here). `attrs` is the rest of the start tag after the name.
/// The longest `<noscript>` kept for the image it holds, in bytes.
const NOSCRIPT_IMAGE_BYTES: usize = 2048;

pub(super) fn body_is_never_read(name: &[u8], attrs: &[u8]) -> bool {
    if name.eq_ignore_ascii_case(b"script") {
        // Matched loosely, as the type may be written with character references
        // (`application&#x2F;ld&#x2B;json`).
        let has = |word: &[u8]| {
            attrs
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        return !(has(b"ld") && has(b"json"));
    }
    name.eq_ignore_ascii_case(b"style") || name.eq_ignore_ascii_case(b"noscript")
}

/// Whether an attribute is read by a later stage (or steers the tree builder): the others
/// are left out before parsing, as the tokenizer spends much of its time on attributes.
fn attribute_is_read(name: &[u8]) -> bool {
    READ_BY_LENGTH
        .get(name.len())
        .is_some_and(|names| names.iter().any(|a| a.eq_ignore_ascii_case(name)))
}

/// [`crate::cues::READ_ATTRIBUTES`] by length: a lookup compares a few names at most.
static READ_BY_LENGTH: std::sync::LazyLock<Vec<Vec<&'static [u8]>>> =
    std::sync::LazyLock::new(|| {
        let longest = crate::cues::READ_ATTRIBUTES
            .iter()
            .map(|a| a.len())
            .max()
            .unwrap_or(0);
        let mut by_length = vec![Vec::new(); longest + 1];
        for a in crate::cues::READ_ATTRIBUTES {
            if let Some(names) = by_length.get_mut(a.len()) {
                names.push(a.as_bytes());
            }
        }
        by_length
    });

/// Whether the page's links and images are recorded ([`crate::ExtractorBuilder::keep_links`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// Every target is read: `href`, and an image's `src`, `data-src` and `alt`.
    Recorded,
    /// Only whether an element has an `href` is read (it makes an `<a>` a link), and the
    /// targets of `<link>` and `<base>` (canonical URL and base). Other `href` values, and
    /// images' sources and alternative texts, are left out: they are an eighth of what the
    /// tokenizer reads of a typical page once scripts are gone, and it reads attribute
    /// values a character at a time.
    NotRecorded,
}

/// The attributes that only link and image recording reads.
const IMAGE_ATTRIBUTES: [&[u8]; 10] = [
    b"src",
    b"data-src",
    b"data-lazy-src",
    b"data-original",
    b"srcset",
    b"data-srcset",
    b"data-lazy-srcset",
    b"width",
    b"height",
    b"alt",
];

/// Reads a start tag's attributes from `from` (just after the name) the way the tokenizer
/// does, pushing to `cuts` the byte ranges of the attributes to leave out: those no stage
/// reads, and those beyond the first `max` of the element. Unless `targets_read`, an image's
/// attributes go, and an `href` keeps its name but not its value.
fn scan_tag(
    bytes: &[u8],
    from: usize,
    max: usize,
    targets_read: bool,
    cuts: &mut Vec<(usize, usize)>,
) -> usize {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
    let len = bytes.len();
    let mut j = from;
    let mut kept = 0usize;
    loop {
        // Before an attribute name.
        while j < len && space(bytes[j]) {
            j += 1;
        }
        if j >= len {
            return len;
        }
        match bytes[j] {
            b'>' => return j,
            b'/' => {
                j += 1;
                continue;
            }
            _ => {}
        }
        let after_slash = j > from && bytes[j - 1] == b'/';
        let name_start = j;
        // The name: a leading '=' belongs to it.
        j += 1;
        while j < len && !(space(bytes[j]) || matches!(bytes[j], b'/' | b'>' | b'=')) {
            j += 1;
        }
        let name_end = j;
        let mut k = j;
        while k < len && space(bytes[k]) {
            k += 1;
        }
        if bytes.get(k) == Some(&b'=') {
            k += 1;
            while k < len && space(bytes[k]) {
                k += 1;
            }
            match bytes.get(k) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    k = find(bytes, k + 1, q).map_or(len, |e| e + 1);
                }
                Some(b'>') | None => {}
                Some(_) => {
                    while k < len && !(space(bytes[k]) || bytes[k] == b'>') {
                        k += 1;
                    }
                }
            }
            j = k;
        }
        // Without '=', the name ends the attribute and `j` stays at its end.
        let name = &bytes[name_start..name_end];
        if attribute_kept(name, kept, max, targets_read) {
            kept += 1;
            let ends_clean = bytes
                .get(j)
                .is_none_or(|&b| space(b) || b == b'>' || b == b'/');
            if href_value_goes(name, targets_read, j > name_end, ends_clean) {
                cuts.push((name_end, j.min(len)));
            }
        } else if !after_slash {
            // (After a bare '/', cutting could turn the tag into a self-closing one.)
            cuts.push((name_start, j.min(len)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_table_answers_as_the_lists() {
        let mut names: Vec<Vec<u8>> = crate::cues::READ_ATTRIBUTES
            .iter()
            .map(|a| a.as_bytes().to_vec())
            .chain(IMAGE_ATTRIBUTES.iter().map(|a| a.to_vec()))
            .collect();
        let others: [&[u8]; 9] = [
            b"CLASS",
            b"Data-Src",
            b"onclick",
            b"data-id",
            b"id\0",
            b"cl\xc3\xa4ss",
            b"",
            b"data-lazy-srcset",
            b"aria-describedby-very-long",
        ];
        names.extend(others.iter().map(|o| o.to_vec()));
        let mut packed = 0;
        for name in &names {
            packed += usize::from(ATTRIBUTE_TABLE.get(name).is_some());
            for targets in [false, true] {
                let lists = attribute_is_read(name) && (targets || !is_image_attribute(name));
                assert_eq!(attribute_kept(name, 0, 8, targets), lists, "{name:?}");
                assert!(!attribute_kept(name, 8, 8, targets));
            }
        }
        assert!(packed > 40, "{packed}");
    }

    /// The pre-pass with `<noscript>` skipped, as on a first parse.
    fn bound(text: &str, max_attributes: usize) -> Cow<'_, str> {
        super::bound(text, max_attributes, Noscript::Skipped, Links::Recorded).0
    }

    #[test]
    fn pages_with_nothing_to_leave_out_are_not_copied() {
        let page =
            "<html><body><div><p>one<p>two<ul><li>a<li>b</ul></div><title>x</title></body></html>";
        assert!(matches!(bound(page, 8), Cow::Borrowed(_)));
        let deep = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        assert!(matches!(bound(&deep, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn scripts_styles_and_comments_are_left_out_but_json_ld_stays() {
        let page = concat!(
            "<p>a<!-- <div> -->b<!---->c<!-->d<!-- x --!>e</p>",
            "<script>if (a<b) { x('</p>') }</script>",
            "<SCRIPT type='application/LD+JSON'>{\"@type\":\"NewsArticle\"}</script>",
            "<script type=application&#x2F;ld&#x2B;json>{}</script>",
            "<style>p { color: red }</style><noscript><img src=x></noscript>",
            "<textarea>kept</textarea><script>never closed <p>"
        );
        assert_eq!(
            bound(page, 10),
            concat!(
                "<p>abcde</p><script></script>",
                "<SCRIPT type='application/LD+JSON'>{\"@type\":\"NewsArticle\"}</script>",
                "<script type=application&#x2F;ld&#x2B;json>{}</script>",
                // (A short `<noscript>` with an image stays when images are read.)
                "<style></style><noscript><img src=x></noscript><textarea>kept</textarea><script>never closed <p>"
            )
        );
    }

    #[test]
    fn an_unclosed_raw_text_element_does_not_swallow_the_page() {
        // Inside SVG, `<style>` is markup: what follows it is the page, not a style sheet.
        let page = "<svg><style>.a{}</svg><p data-x=1>The article's text.</p><style>";
        assert_eq!(
            bound(page, 10),
            "<svg><style>.a{}</svg><p >The article's text.</p><style>"
        );
    }

    #[test]
    fn a_title_never_closed_ends_where_markup_starts() {
        // A damaged copy: the title's end tag was lost, and the page follows.
        let page = "<head><title>Harbour news (The Gazette)ntById(x) < 3;\n<script>f()</script>\
            </head><body><p>The ferry returned.</p></body>";
        assert_eq!(
            bound(page, 10),
            "<head><title>Harbour news (The Gazette)ntById(x) < 3;\n</title><script></script>\
             </head><body><p>The ferry returned.</p></body>"
        );
        // A closed title, however late, is left as it is.
        let page = "<title>A <b>bold</b> title</title><p>x</p>";
        assert!(matches!(bound(page, 10), Cow::Borrowed(_)));
        // An end tag of another name does not close it.
        let page = "<title>Oil prices</titlevalue=\"true\" --></head><body><p>x</p>";
        assert_eq!(
            bound(page, 10),
            "<title>Oil prices</title></titlevalue=\"true\" --></head><body><p>x</p>"
        );
        // Many unclosed titles stay linear and each ends at the next tag.
        let page = "<title>x<p>y".repeat(3);
        assert_eq!(bound(&page, 10), "<title>x</title><p>y".repeat(3));
    }

    #[test]
    fn many_unclosed_raw_text_elements_search_once() {
        // Each `<style>` would otherwise search the rest of the page for `</style>`.
        let page = "<style>x".repeat(20_000);
        assert!(matches!(bound(&page, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_beyond_the_limit_are_dropped() {
        let page = r#"<p id=1 class="2" role='3' lang title=5>x</p>"#;
        assert_eq!(bound(page, 3), r#"<p id=1 class="2" role='3'  >x</p>"#);
    }

    #[test]
    fn attributes_no_stage_reads_are_left_out() {
        let page = concat!(
            r#"<a href="/x" onclick="f('>')" data-x='1' title=t class=c>link</a>"#,
            r#"<img src=a.png srcset="a 1x, b 2x" alt="A"><p/title=x>t<input type=hidden value=v>"#,
            r#"<div =odd CLASS=Up data-y>z</div><b unclosed="#
        );
        assert_eq!(
            bound(page, 10),
            concat!(
                r#"<a href="/x"    class=c>link</a>"#,
                // (An image's `srcset` is read: its largest candidate is the image.)
                r#"<img src=a.png srcset="a 1x, b 2x" alt="A"><p/title=x>t<input type=hidden >"#,
                r#"<div  CLASS=Up >z</div><b unclosed="#
            )
        );
    }

    #[test]
    fn noscript_is_measured_when_skipped_and_kept_as_markup_when_asked() {
        let page = "<body><noscript><div><p>The whole thread</p></div></noscript><p>x</p>";
        let (skipped, bytes) = super::bound(page, 10, Noscript::Skipped, Links::Recorded);
        assert_eq!(skipped, "<body><noscript></noscript><p>x</p>");
        assert_eq!(bytes, "<div><p>The whole thread</p></div>".len());
        let (kept, bytes) = super::bound(page, 10, Noscript::AsMarkup, Links::Recorded);
        assert_eq!((kept, bytes), (Cow::Borrowed(page), 0));
    }

    #[test]
    fn link_targets_and_image_sources_go_when_links_are_not_recorded() {
        let page = concat!(
            "<head><link rel=canonical href='https://e.org/a'><base href=/b/></head>",
            "<p><a href=\"/x?y=1\" class=k>one</a> <a href=/z>two</a> <a name=top>three</a>",
            "<img src=a.png alt='A cat' data-src=b.png width=3><a href='/q'id=n>four</a>",
            "<a href=/w/>five</a></p>"
        );
        let (lean, _) = super::bound(page, 10, Noscript::Skipped, Links::NotRecorded);
        assert_eq!(
            lean,
            concat!(
                "<head><link rel=canonical href='https://e.org/a'><base href=/b/></head>",
                "<p><a href class=k>one</a> <a href>two</a> <a name=top>three</a>",
                "<img    ><a href='/q'id=n>four</a>",
                "<a href>five</a></p>"
            )
        );
        let (full, _) = super::bound(page, 10, Noscript::Skipped, Links::Recorded);
        assert!(full.contains("href=\"/x?y=1\"") && full.contains("alt='A cat'"));
    }
}
