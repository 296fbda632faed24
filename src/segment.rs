//! Stage 3+4 — clean and segment: one iterative walk over the parsed DOM that skips what is
//! never content and cuts the rest into text blocks at block-level boundaries (boilerpipe's
//! segmentation). Each block records the counts its features are computed from; each
//! block-level element records its subtree's counts and its markers, for container scoring.
//!
//! The walk keeps its own stack, so its depth does not follow the DOM's.

use crate::cues;
use crate::markers::{self, Cue};
use crate::stopwords::{self, is_unspaced, StopCounts};
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};

/// What stands between the cells of a table row in a block's text.
pub(crate) const CELL_SEPARATOR: &str = " | ";

/// Index of "no element".
pub(crate) const NONE: u32 = u32::MAX;

/// A block-level element kept by cleaning.
#[derive(Debug)]
pub(crate) struct Elem<'a> {
    pub tag: &'a str,
    pub id: Option<&'a str>,
    pub class: Option<&'a str>,
    pub parent: u32,
    /// First block-level child and next block-level sibling (`NONE` when absent).
    pub first_child: u32,
    pub next_sibling: u32,
    pub cue: Cue,
    /// Words and linked words in the subtree.
    pub words: u32,
    pub link_words: u32,
    /// Index of the first block at or after this element's start, and one past its last.
    pub first_block: u32,
    pub end_block: u32,
}

/// What kind of text a block is, from the element that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    TableRow,
    Pre,
    Quote,
    Caption,
    Other,
}

/// A run of text between block boundaries.
#[derive(Debug)]
pub(crate) struct RawBlock {
    pub text: String,
    pub elem: u32,
    pub kind: Kind,
    pub words: u32,
    pub link_words: u32,
    pub commas: u32,
    pub stop: StopCounts,
}

/// The output of the walk.
pub(crate) struct Segmentation<'a> {
    pub elems: Vec<Elem<'a>>,
    pub blocks: Vec<RawBlock>,
    pub title: Option<String>,
    pub og_title: Option<String>,
    pub html_lang: Option<&'a str>,
}

struct Frame<'a> {
    /// Element index when block-level, else `NONE`.
    elem: u32,
    /// The nearest block-level element at or above this one.
    block_owner: u32,
    in_link: bool,
    in_pre: bool,
    /// A link target to write after the link's text (when links are kept).
    target: Option<&'a str>,
    /// Counts at entry, for the subtree totals.
    words_at: u32,
    links_at: u32,
}

/// The block being gathered.
#[derive(Default)]
struct Pending {
    text: String,
    space: bool,
    in_word: bool,
    tokens: u32,
    link_tokens: u32,
    unspaced: u32,
    link_unspaced: u32,
}

impl Pending {
    fn words(&self) -> u32 {
        self.tokens + self.unspaced.div_ceil(2)
    }
    fn link_words(&self) -> u32 {
        self.link_tokens + self.link_unspaced.div_ceil(2)
    }

    fn push(&mut self, s: &str, in_link: bool, pre: bool) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII, the common case, is classified byte by byte without decoding.
            let (ch, alphanumeric, whitespace) = if b < 0x80 {
                i += 1;
                (
                    b as char,
                    b.is_ascii_alphanumeric(),
                    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c),
                )
            } else {
                let Some(ch) = s[i..].chars().next() else {
                    break;
                };
                i += ch.len_utf8();
                (ch, ch.is_alphanumeric(), ch.is_whitespace())
            };
            if whitespace {
                if pre {
                    self.text.push(if ch == '\u{a0}' { ' ' } else { ch });
                } else {
                    self.space = true;
                }
                self.in_word = false;
                continue;
            }
            if ch.is_control() || ch == '\u{200b}' || ch == '\u{feff}' {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(ch);
            if b >= 0x80 && is_unspaced(ch) {
                self.unspaced += 1;
                self.link_unspaced += u32::from(in_link);
                self.in_word = false;
            } else if alphanumeric && !self.in_word {
                self.in_word = true;
                self.tokens += 1;
                self.link_tokens += u32::from(in_link);
            }
        }
    }

    /// Separates table cells within a row.
    fn cell_break(&mut self) {
        let text = self.text.trim_end();
        if !text.is_empty() && !text.ends_with(CELL_SEPARATOR.trim()) {
            self.text.truncate(text.len());
            self.text.push_str(CELL_SEPARATOR);
        }
        self.space = false;
        self.in_word = false;
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
        self.in_word = false;
    }
}

struct Walker<'a> {
    elems: Vec<Elem<'a>>,
    blocks: Vec<RawBlock>,
    frames: Vec<Frame<'a>>,
    keep_links: bool,
    /// Per element: its last block-level child so far.
    last_child: Vec<u32>,
    pending: Pending,
    flushed_words: u32,
    flushed_links: u32,
    scratch: String,
    title: Option<String>,
    og_title: Option<String>,
    html_lang: Option<&'a str>,
}

fn is_block_tag(name: &str) -> bool {
    cues::BLOCK_TAGS.contains(&name) || name.contains('-')
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "p" => Kind::Paragraph,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" | "dd" | "dt" => Kind::ListItem,
        "tr" => Kind::TableRow,
        "pre" => Kind::Pre,
        "blockquote" => Kind::Quote,
        "figcaption" | "caption" => Kind::Caption,
        _ => Kind::Other,
    }
}

impl<'a> Walker<'a> {
    fn current_elem(&self) -> u32 {
        self.frames.last().map_or(NONE, |f| f.block_owner)
    }

    fn flush(&mut self) {
        let trimmed_len = self
            .pending
            .text
            .trim_end_matches([' ', '\n', '\t', '|'])
            .len();
        if self.pending.text[..trimmed_len].trim_start().is_empty() {
            self.pending.text.clear();
        } else {
            self.pending.text.truncate(trimmed_len);
            let elem = self.current_elem();
            let kind = if self.frames.last().is_some_and(|f| f.in_pre) {
                Kind::Pre
            } else {
                self.elems
                    .get(elem as usize)
                    .map_or(Kind::Other, |e| kind_of(e.tag))
            };
            let text = std::mem::take(&mut self.pending.text);
            // Text that is all link (menus, teaser lists) is judged by its link density; its
            // stopwords are not counted, and it does not vote on the page's language.
            let all_link = self.pending.link_words() >= self.pending.words();
            let stop = if all_link {
                StopCounts::default()
            } else {
                stopwords::count(&text, &mut self.scratch)
            };
            let commas = count_commas(&text);
            self.blocks.push(RawBlock {
                elem,
                kind,
                words: self.pending.words(),
                link_words: self.pending.link_words(),
                commas,
                stop,
                text,
            });
        }
        self.flushed_words += self.pending.words();
        self.flushed_links += self.pending.link_words();
        let keep = std::mem::take(&mut self.pending.text);
        self.pending = Pending {
            text: keep,
            ..Pending::default()
        };
    }

    fn total_words(&self) -> (u32, u32) {
        (
            self.flushed_words + self.pending.words(),
            self.flushed_links + self.pending.link_words(),
        )
    }

    /// Enters an element; returns false when its subtree is to be skipped.
    fn enter(&mut self, el: &'a Element) -> bool {
        let name = el.name();
        if name == "head" {
            return false;
        }
        if name == "br" {
            self.pending.line_break();
            return false;
        }
        if matches!(name, "td" | "th") {
            self.pending.cell_break();
        }
        if name == "html" {
            self.html_lang = el.attr("lang").filter(|l| !l.trim().is_empty());
        }
        if cues::DROPPED_TAGS.contains(&name)
            || (!matches!(name, "html" | "body") && markers::is_hidden(el))
        {
            return false;
        }
        let parent = self.frames.last();
        let in_link = parent.is_some_and(|f| f.in_link) || name == "a";
        let in_pre = parent.is_some_and(|f| f.in_pre) || name == "pre" || name == "textarea";
        let block = is_block_tag(name);
        let mut elem = NONE;
        if block {
            self.flush();
            elem = self.elems.len() as u32;
            let parent = self.current_elem();
            if parent != NONE {
                let p = parent as usize;
                match self.last_child.get(p).copied().filter(|&c| c != NONE) {
                    Some(prev) => self.elems[prev as usize].next_sibling = elem,
                    None => self.elems[p].first_child = elem,
                }
                self.last_child[p] = elem;
            }
            self.last_child.push(NONE);
            self.elems.push(Elem {
                tag: name,
                id: el.id(),
                class: el.attr("class"),
                parent,
                first_child: NONE,
                next_sibling: NONE,
                cue: markers::element_cue(el),
                words: 0,
                link_words: 0,
                first_block: self.blocks.len() as u32,
                end_block: self.blocks.len() as u32,
            });
        }
        let (words_at, links_at) = self.total_words();
        let block_owner = if block { elem } else { self.current_elem() };
        let target = if self.keep_links && name == "a" {
            el.attr("href")
                .map(str::trim)
                .filter(|h| !h.is_empty() && !h.starts_with('#') && !h.starts_with("javascript:"))
        } else {
            None
        };
        self.frames.push(Frame {
            elem,
            block_owner,
            in_link,
            in_pre,
            target,
            words_at,
            links_at,
        });
        true
    }

    fn leave(&mut self) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if let Some(target) = frame.target {
            self.pending.text.push_str(" (");
            self.pending.text.push_str(target);
            self.pending.text.push(')');
        }
        if frame.elem != NONE {
            self.flush();
        }
        let (w, l) = self.total_words();
        if let Some(frame) = self.frames.pop() {
            if let Some(e) = self.elems.get_mut(frame.elem as usize) {
                e.words = w - frame.words_at;
                e.link_words = l - frame.links_at;
                e.end_block = self.blocks.len() as u32;
            }
        }
    }

    fn text(&mut self, s: &str) {
        let (in_link, in_pre) = self
            .frames
            .last()
            .map_or((false, false), |f| (f.in_link, f.in_pre));
        self.pending.push(s, in_link, in_pre);
    }
}

/// Commas, including the CJK and Arabic ones (readability's cue for prose).
fn count_commas(text: &str) -> u32 {
    let ascii = text.bytes().filter(|&b| b == b',').count();
    let other = if text.is_ascii() {
        0
    } else {
        text.chars()
            .filter(|c| matches!(c, '，' | '、' | '،'))
            .count()
    };
    (ascii + other) as u32
}

/// Text of all descendants of `node`, whitespace collapsed.
fn collapsed_text(node: NodeRef<'_, Node>) -> String {
    let mut p = Pending::default();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            p.push(t, false, false);
        }
    }
    p.text
}

/// Walks the document once and returns its blocks and block-level elements.
pub(crate) fn segment(html: &Html, keep_links: bool) -> Segmentation<'_> {
    let mut w = Walker {
        keep_links,
        elems: Vec::new(),
        blocks: Vec::new(),
        frames: Vec::new(),
        last_child: Vec::new(),
        pending: Pending::default(),
        flushed_words: 0,
        flushed_links: 0,
        scratch: String::new(),
        title: None,
        og_title: None,
        html_lang: None,
    };
    let root = html.tree.root();
    let Some(mut node) = root.first_child() else {
        return Segmentation {
            elems: w.elems,
            blocks: w.blocks,
            title: None,
            og_title: None,
            html_lang: None,
        };
    };
    loop {
        let descend = match node.value() {
            Node::Element(el) => {
                if el.name() == "head" {
                    read_head(node, &mut w.title, &mut w.og_title);
                }
                w.enter(el)
            }
            Node::Text(t) => {
                w.text(t);
                false
            }
            _ => false,
        };
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            w.leave();
        }
        // Climb until a next sibling is found, leaving each element on the way.
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(p) if p.id() != root.id() => {
                    node = p;
                    w.leave();
                }
                _ => {
                    while !w.frames.is_empty() {
                        w.leave();
                    }
                    w.flush();
                    return Segmentation {
                        elems: w.elems,
                        blocks: w.blocks,
                        title: w.title,
                        og_title: w.og_title,
                        html_lang: w.html_lang,
                    };
                }
            }
        }
    }
}

fn read_head(head: NodeRef<'_, Node>, title: &mut Option<String>, og_title: &mut Option<String>) {
    for d in head.descendants() {
        let Node::Element(el) = d.value() else {
            continue;
        };
        match el.name() {
            "title" if title.is_none() => {
                let t = collapsed_text(d);
                if !t.trim().is_empty() {
                    *title = Some(t.trim().to_string());
                }
            }
            "meta" if og_title.is_none() => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .unwrap_or("");
                if key.eq_ignore_ascii_case("og:title") || key.eq_ignore_ascii_case("twitter:title")
                {
                    if let Some(c) = el.attr("content").filter(|c| !c.trim().is_empty()) {
                        *og_title = Some(c.trim().to_string());
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, u32, u32)> {
        let doc = Html::parse_document(html);
        let seg = segment(&doc, false);
        seg.blocks
            .into_iter()
            .map(|b| (b.text, b.words, b.link_words))
            .collect()
    }

    #[test]
    fn splits_at_block_boundaries_and_joins_inline_text() {
        let b =
            blocks("<div>Intro <b>bold</b> text<p>First <a href=x>link here</a>.</p>tail</div>");
        assert_eq!(
            b,
            vec![
                ("Intro bold text".to_string(), 3, 0),
                ("First link here.".to_string(), 3, 2),
                ("tail".to_string(), 1, 0)
            ]
        );
    }

    #[test]
    fn drops_scripts_styles_hidden_and_controls() {
        let b = blocks(
            "<p>keep</p><script>var x</script><style>p{}</style><p hidden>h</p>\
             <p aria-hidden=true>a</p><button>Share</button><noscript>n</noscript><p>also</p>",
        );
        let texts: Vec<_> = b.into_iter().map(|x| x.0).collect();
        assert_eq!(texts, vec!["keep", "also"]);
    }

    #[test]
    fn words_inside_tags_are_not_split() {
        let b = blocks("<p>Hel<i>lo</i> wor<b>ld</b></p>");
        assert_eq!(b[0], ("Hello world".to_string(), 2, 0));
    }

    #[test]
    fn unspaced_scripts_count_two_characters_a_word() {
        let b = blocks("<p>这是一个测试</p>");
        assert_eq!(b[0].1, 3);
    }

    #[test]
    fn pre_keeps_whitespace_and_title_is_read() {
        let doc = Html::parse_document(
            "<html><head><title>T | Site</title><meta property='og:title' content='T'></head>\
             <body><pre>fn main() {\n    x();\n}</pre></body></html>",
        );
        let seg = segment(&doc, false);
        assert_eq!(seg.blocks[0].text, "fn main() {\n    x();\n}");
        assert_eq!(seg.blocks[0].kind, Kind::Pre);
        assert_eq!(seg.title.as_deref(), Some("T | Site"));
        assert_eq!(seg.og_title.as_deref(), Some("T"));
    }

    #[test]
    fn element_counts_cover_their_subtree() {
        let doc = Html::parse_document(
            "<div id=a><p>one two</p><ul><li><a href=#>three</a></li></ul></div>",
        );
        let seg = segment(&doc, false);
        let div = seg
            .elems
            .iter()
            .find(|e| e.id == Some("a"))
            .map(|e| (e.words, e.link_words));
        assert_eq!(div, Some((3, 1)));
    }
}
