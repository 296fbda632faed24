//! Stage 2 — parse: html5ever builds the DOM ([`crate::dom`]), within the limits.
//!
//! html5ever's tree builder does work proportional to the depth of the open elements for
//! each new element, and to the attributes already read for each new attribute, so a page of
//! 100,000 nested `<div>`s or one element with 100,000 attributes takes it quadratic time.
//! Before parsing, [`bound`] makes one linear pass over the markup that removes the tags of
//! elements nested deeper than [`Limits::max_depth`] (their text stays, as browsers do) and
//! the attributes beyond [`MAX_ATTRIBUTES`] of an element. The same pass leaves out what no
//! later stage reads: the bodies of scripts (JSON-LD excepted) and styles, comments — about
//! half the bytes of a typical page — and the attributes not in
//! [`crate::cues::READ_ATTRIBUTES`], so the tokenizer never sees them. A page with none of
//! these, within the limits, is parsed as it is, without a copy.

use crate::dom::Dom;
use crate::error::Error;
use crate::limits::Limits;
use std::borrow::Cow;

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

/// A parsed page.
pub(crate) struct Parsed {
    pub dom: Dom,
    /// Bytes of the largest `<noscript>` body left out (0 when read as markup).
    pub noscript_bytes: usize,
}

/// Parses a whole document, refusing trees larger than the node limit.
pub(crate) fn parse(text: &str, limits: &Limits, noscript: Noscript) -> Result<Parsed, Error> {
    let (bounded, noscript_bytes) = bound(text, limits.max_depth, MAX_ATTRIBUTES, noscript);
    let html = Dom::parse(&bounded, noscript == Noscript::Skipped);
    let nodes = html.nodes.len();
    if nodes > limits.max_nodes {
        return Err(Error::TooManyNodes {
            nodes,
            limit: limits.max_nodes,
        });
    }
    Ok(Parsed {
        dom: html,
        noscript_bytes,
    })
}

/// How many distinct tag names the pre-pass remembers removing (so that the lookups stay
/// bounded on pages made of many distinct custom elements).
const MAX_REMOVED_NAMES: usize = 64;

/// What a tag name means to the nesting tracker (bit flags).
const VOID: u16 = 1;
const RAW_TEXT: u16 = 1 << 1;
/// A start tag that closes an open `p` (HTML's "close a p element").
const CLOSES_P: u16 = 1 << 2;
const FOREIGN: u16 = 1 << 3;

/// Tags the implied-end rules name, as small ids (0: any other tag).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Id {
    Other,
    P,
    Li,
    DtDd,
    Tr,
    Cell,
    Section,
    Option,
    List,
    Dl,
    Table,
    Scope,
    Select,
}

fn tag_id(lower: &[u8]) -> Id {
    match lower {
        b"p" => Id::P,
        b"li" => Id::Li,
        b"dt" | b"dd" => Id::DtDd,
        b"tr" => Id::Tr,
        b"td" | b"th" => Id::Cell,
        b"tbody" | b"thead" | b"tfoot" => Id::Section,
        b"option" => Id::Option,
        b"ul" | b"ol" | b"menu" | b"dir" => Id::List,
        b"dl" => Id::Dl,
        b"table" => Id::Table,
        b"button" | b"caption" | b"html" | b"body" | b"div" | b"svg" | b"math" => Id::Scope,
        b"select" | b"datalist" => Id::Select,
        _ => Id::Other,
    }
}

/// Classifies a tag name, ASCII case-insensitively: its flags and its id.
fn tag_class(name: &[u8]) -> (u16, Id) {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return (0, Id::Other);
    }
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..name.len()];
    let flags = match lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" | b"basefont"
        | b"bgsound" | b"frame" => VOID,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"noscript" | b"plaintext" => RAW_TEXT,
        b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog"
        | b"dir" | b"div" | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer"
        | b"form" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup"
        | b"main" | b"menu" | b"nav" | b"ol" | b"p" | b"pre" | b"section" | b"summary"
        | b"table" | b"ul" | b"li" | b"dd" | b"dt" => CLOSES_P,
        b"svg" | b"math" => FOREIGN,
        _ => 0,
    };
    (flags, tag_id(lower))
}

fn find(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, hay.get(from..)?).map(|p| from + p)
}

/// Finds `</name` (ASCII case-insensitive) at or after `from`.
fn find_end_tag(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(hay.get(at..)?, b"</")?;
        let start = lt + 2;
        if hay
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
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

/// One linear pass that bounds the nesting depth and the attributes per element (see the
/// module documentation). Nesting is tracked the way the tree builder will see it, closely
/// enough: void elements, raw-text elements, implied ends of `p`, `li`, `dt`/`dd`, table
/// rows and cells, and `/>` inside SVG and MathML. Also returns the size of the largest
/// `<noscript>` body left out.
pub(crate) fn bound(
    text: &str,
    max_depth: usize,
    max_attributes: usize,
    noscript: Noscript,
) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut out = Out {
        src: text,
        buf: None,
        copied: 0,
    };
    let mut stack: Vec<(&[u8], Id)> = Vec::new();
    // Start tags removed, by name, so that their end tags go too.
    let mut removed: Vec<(&[u8], usize)> = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut foreign = 0usize;
    let mut noscript_bytes = 0usize;
    let mut i = 0;
    while let Some(lt) = find(bytes, i, b'<') {
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if bytes[lt..].starts_with(b"<!--") {
            i = comment_end(bytes, lt + 4);
            out.replace(lt, i, "");
            continue;
        }
        if next == b'!' || next == b'?' {
            i = find(bytes, lt, b'>').map_or(bytes.len(), |e| e + 1);
            continue;
        }
        if next == b'/' {
            let name_end = lt
                + 2
                + bytes[lt + 2..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                    .count();
            let name = &bytes[lt + 2..name_end];
            let end = find(bytes, name_end, b'>').map_or(bytes.len(), |e| e + 1);
            if let Some(pos) = stack
                .iter()
                .rposition(|open| open.0.eq_ignore_ascii_case(name))
            {
                if tag_class(stack[pos].0).0 & FOREIGN != 0 {
                    foreign = foreign.saturating_sub(1);
                }
                stack.truncate(pos);
            } else if let Some(r) = removed
                .iter_mut()
                .rev()
                .find(|(n, c)| *c > 0 && n.eq_ignore_ascii_case(name))
            {
                r.1 -= 1;
                out.replace(lt, end, "");
            }
            i = end;
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
        let TagScan {
            end: j,
            self_closing,
        } = scan_tag(bytes, name_end, max_attributes, &mut cuts);
        if j >= bytes.len() {
            // A tag cut off by the end of input is dropped by the tokenizer: leave it be.
            cuts.clear();
        }
        let tag_end = (j + 1).min(bytes.len());
        // Unread attributes go, unless the whole tag goes (below, past the depth limit).
        let cut_attributes = |out: &mut Out<'_>, cuts: &[(usize, usize)]| {
            for &(from, to) in cuts {
                out.replace(from, to, "");
            }
        };
        i = tag_end;
        let (mut class, id) = tag_class(name);
        let is_noscript = name.eq_ignore_ascii_case(b"noscript");
        if is_noscript && noscript == Noscript::AsMarkup {
            class &= !RAW_TEXT;
        }
        if class & RAW_TEXT != 0 {
            cut_attributes(&mut out, &cuts);
            // Skip to the matching end tag: nothing inside is markup.
            let end = find_end_tag(bytes, i, name).unwrap_or(bytes.len());
            if is_noscript {
                noscript_bytes = noscript_bytes.max(end - i);
            }
            if end > i && body_is_never_read(name, &bytes[name_end..tag_end]) {
                out.replace(i, end, "");
            }
            i = end;
            continue;
        }
        if class & VOID != 0 || (self_closing && foreign > 0) {
            cut_attributes(&mut out, &cuts);
            continue;
        }
        close_implied(&mut stack, id, class);
        if stack.len() >= max_depth {
            match removed
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some(r) => r.1 += 1,
                // Tracking is bounded: an end tag of an untracked name stays, and the tree
                // builder ignores it as a stray end tag.
                None => {
                    if removed.len() < MAX_REMOVED_NAMES {
                        removed.push((name, 1));
                    }
                }
            }
            out.replace(lt, tag_end, "");
            continue;
        }
        cut_attributes(&mut out, &cuts);
        if class & FOREIGN != 0 {
            foreign += 1;
        }
        stack.push((name, id));
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
fn body_is_never_read(name: &[u8], attrs: &[u8]) -> bool {
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
    crate::cues::READ_ATTRIBUTES
        .iter()
        .any(|a| a.len() == name.len() && a.as_bytes().eq_ignore_ascii_case(name))
}

/// What [`scan_tag`] found in a start tag.
struct TagScan {
    /// Index of the closing `>` (the input's length when the tag is never closed).
    end: usize,
    /// The tag ends with `/>`.
    self_closing: bool,
}

/// Reads a start tag's attributes from `from` (just after the name) the way the tokenizer
/// does, pushing to `cuts` the byte ranges of the attributes to leave out: those no stage
/// reads, and those beyond the first `max` of the element.
fn scan_tag(bytes: &[u8], from: usize, max: usize, cuts: &mut Vec<(usize, usize)>) -> TagScan {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
    let len = bytes.len();
    let mut j = from;
    let mut kept = 0usize;
    let mut self_closing = false;
    loop {
        // Before an attribute name.
        while j < len && space(bytes[j]) {
            j += 1;
        }
        if j >= len {
            return TagScan {
                end: len,
                self_closing: false,
            };
        }
        match bytes[j] {
            b'>' => {
                return TagScan {
                    end: j,
                    self_closing,
                }
            }
            b'/' => {
                self_closing = bytes.get(j + 1) == Some(&b'>');
                j += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
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
        let keep = kept < max && attribute_is_read(&bytes[name_start..name_end]);
        if keep {
            kept += 1;
        } else if !after_slash {
            // (After a bare '/', cutting could turn the tag into a self-closing one.)
            cuts.push((name_start, j.min(len)));
        }
    }
}

/// Pops the elements a start tag closes implicitly.
fn close_implied(stack: &mut Vec<(&[u8], Id)>, id: Id, class: u16) {
    let pop_to = |stack: &mut Vec<(&[u8], Id)>, targets: &[Id], boundaries: &[Id]| {
        for pos in (0..stack.len()).rev() {
            let open = stack[pos].1;
            if targets.contains(&open) {
                stack.truncate(pos);
                return;
            }
            if boundaries.contains(&open) {
                return;
            }
        }
    };
    if class & CLOSES_P != 0 {
        pop_to(stack, &[Id::P], &[Id::Scope, Id::Table, Id::Cell, Id::Li]);
    }
    match id {
        Id::Li => pop_to(stack, &[Id::Li], &[Id::List, Id::Table, Id::Scope]),
        Id::DtDd => pop_to(stack, &[Id::DtDd], &[Id::Dl, Id::Table, Id::Scope]),
        Id::Tr => pop_to(stack, &[Id::Tr], &[Id::Table, Id::Section]),
        Id::Cell => pop_to(stack, &[Id::Cell], &[Id::Tr, Id::Table]),
        Id::Section => pop_to(stack, &[Id::Section], &[Id::Table]),
        Id::Option => pop_to(stack, &[Id::Option], &[Id::Select, Id::Scope]),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pre-pass with `<noscript>` skipped, as on a first parse.
    fn bound(text: &str, max_depth: usize, max_attributes: usize) -> Cow<'_, str> {
        super::bound(text, max_depth, max_attributes, Noscript::Skipped).0
    }

    #[test]
    fn pages_within_the_limits_are_not_copied() {
        let page =
            "<html><body><div><p>one<p>two<ul><li>a<li>b</ul></div><title>x</title></body></html>";
        assert!(matches!(bound(page, 6, 8), Cow::Borrowed(_)));
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
            bound(page, 10, 10),
            concat!(
                "<p>abcde</p><script></script>",
                "<SCRIPT type='application/LD+JSON'>{\"@type\":\"NewsArticle\"}</script>",
                "<script type=application&#x2F;ld&#x2B;json>{}</script>",
                "<style></style><noscript></noscript><textarea>kept</textarea><script>"
            )
        );
    }

    #[test]
    fn deep_nesting_loses_its_deepest_tags_but_keeps_the_text() {
        let page = format!("{}deep text{}", "<div>".repeat(10), "</div>".repeat(10));
        let b = bound(&page, 4, 8);
        assert_eq!(
            b,
            format!("{}deep text{}", "<div>".repeat(4), "</div>".repeat(4))
        );
    }

    #[test]
    fn attributes_beyond_the_limit_are_dropped() {
        let page = r#"<p id=1 class="2" role='3' lang title=5>x</p>"#;
        assert_eq!(bound(page, 10, 3), r#"<p id=1 class="2" role='3'  >x</p>"#);
    }

    #[test]
    fn attributes_no_stage_reads_are_left_out() {
        let page = concat!(
            r#"<a href="/x" onclick="f('>')" data-x='1' title=t class=c>link</a>"#,
            r#"<img src=a.png srcset="a 1x, b 2x" alt="A"><p/title=x>t<input type=hidden value=v>"#,
            r#"<div =odd CLASS=Up data-y>z</div><b unclosed="#
        );
        assert_eq!(
            bound(page, 10, 10),
            concat!(
                r#"<a href="/x"    class=c>link</a>"#,
                r#"<img src=a.png  alt="A"><p/title=x>t<input type=hidden >"#,
                r#"<div  CLASS=Up >z</div><b unclosed="#
            )
        );
    }

    #[test]
    fn implied_ends_do_not_count_as_nesting() {
        let items: String = (0..50).map(|i| format!("<li>item {i}")).collect();
        let rows: String = (0..50).map(|i| format!("<tr><td>{i}<td>x")).collect();
        let paras: String = (0..50).map(|i| format!("<p>para {i}")).collect();
        let page = format!("<ul>{items}</ul><table>{rows}</table>{paras}");
        assert!(matches!(bound(&page, 8, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn noscript_is_measured_when_skipped_and_kept_as_markup_when_asked() {
        let page = "<body><noscript><div><p>The whole thread</p></div></noscript><p>x</p>";
        let (skipped, bytes) = super::bound(page, 10, 10, Noscript::Skipped);
        assert_eq!(skipped, "<body><noscript></noscript><p>x</p>");
        assert_eq!(bytes, "<div><p>The whole thread</p></div>".len());
        let (kept, bytes) = super::bound(page, 10, 10, Noscript::AsMarkup);
        assert_eq!((kept, bytes), (Cow::Borrowed(page), 0));
        // As markup, its elements count towards the nesting bound like any others.
        let deep = format!("<noscript>{}x</noscript>", "<div>".repeat(10));
        let (kept, _) = super::bound(&deep, 4, 10, Noscript::AsMarkup);
        assert_eq!(kept.matches("<div>").count(), 3);
    }

    #[test]
    fn self_closing_html_elements_still_nest_but_svg_ones_do_not() {
        let divs = "<div/>".repeat(10);
        assert!(matches!(bound(&divs, 4, 8), Cow::Owned(_)));
        let svg = format!("<svg>{}</svg>", "<path/>".repeat(10));
        assert!(matches!(bound(&svg, 4, 8), Cow::Borrowed(_)));
    }
}
