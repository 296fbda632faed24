//! dechrome's own tree builder: the tree-construction chapter of the HTML standard, as
//! html5ever's tree builder reads it, for the documents dechrome meets.
//!
//! html5ever's tree builder asks its sink for an element's name on every step of every scan of
//! its stack of open elements (is a `<p>` in button scope, before each block-level start tag;
//! where is the element an end tag closes), and it took a quarter of dechrome's time. This one
//! keeps each open element's name and its categories (special, scope boundary, implied end…)
//! beside its handle, as bits read once when the element is pushed, and counts the open `<p>`
//! elements so that the common question "is a `<p>` in button scope" is answered without a
//! scan.
//!
//! It builds through the same sink ([`Builder`]) with the same calls in the same order as
//! html5ever's, so the trees are the same node for node. What it does not build, it gives up
//! on ([`Step::Bail`]) before touching the tree in a way it could not build: `<frameset>`,
//! MathML, a template that declares a shadow root, a `<noscript>` read as markup, and a table
//! inside a paragraph under a doctype whose quirks mode it does not know. The guard then
//! parses the page again with html5ever's tree builder ([`super::guard`]); of the 3,150 pages
//! of the four evaluation sets, one. `tests/differential.rs`, `examples/differential.rs`, the
//! `differential` fuzz target and the guard's unit tests hold the two to the same trees.

use crate::dom::{Builder, NodeId, DOCUMENT};
use html5ever::interface::{NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSinkResult};
use html5ever::tree_builder::create_element_with_flags;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};
use std::cell::RefCell;

/// The insertion modes dechrome builds in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    Text,
    InTable,
    InTableText,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
    AfterBody,
    AfterAfterBody,
    InTemplate,
}

/// How much of a run of characters is known to be whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    No,
    Whitespace,
    NotWhitespace,
}

/// A token as the tree builder reads it.
#[derive(Debug)]
enum Tok {
    Tag(Tag),
    Chars(Split, StrTendril),
    Null,
    Comment(StrTendril),
    Eof,
}

/// What a step asks next.
enum Step {
    Done,
    Reprocess(Mode, Tok),
    SplitWhitespace(StrTendril),
    Raw(RawKind),
    Plaintext,
    /// Beyond what this builder builds: the page goes to html5ever's.
    Bail,
}

/// An element's namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
}

// An open element's categories, read once from its name (html5ever's tag sets).
const SPECIAL: u16 = 1;
/// A boundary of the default scope (and so of the list-item and button scopes).
const SCOPE: u16 = 1 << 1;
/// `<ol>`, `<ul>`: boundaries of the list-item scope.
const LIST: u16 = 1 << 2;
/// `<button>`: a boundary of the button scope.
const BUTTON: u16 = 1 << 3;
/// `<html>`, `<table>`, `<template>`: the table scope's boundaries.
const TABLE_SCOPE: u16 = 1 << 4;
/// Closed by "generate implied end tags".
const IMPLIED: u16 = 1 << 5;
const HEADING: u16 = 1 << 6;
const CELL: u16 = 1 << 7;
/// Where "clear the stack back to a table body context" stops.
const BODY_CONTEXT: u16 = 1 << 8;
/// Where "clear the stack back to a table row context" stops.
const ROW_CONTEXT: u16 = 1 << 9;
/// `<table>`, `<tbody>`, `<tfoot>`, `<thead>`, `<tr>`: text there is table text, and content
/// inserted there while foster parenting goes before the table.
const TABLE_PART: u16 = 1 << 10;
/// An SVG element where HTML is read again (`foreignObject`, `desc`, `title`).
const INTEGRATION: u16 = 1 << 11;
/// Closed by "generate all implied end tags thoroughly" (with the [`IMPLIED`] ones).
const THOROUGH: u16 = 1 << 12;

fn bits(ns: Ns, name: &LocalName) -> u16 {
    if ns == Ns::Svg {
        return match *name {
            local_name!("foreignObject") | local_name!("desc") | local_name!("title") => {
                SCOPE | INTEGRATION
            }
            _ => 0,
        };
    }
    match *name {
        local_name!("html") => SPECIAL | SCOPE | TABLE_SCOPE | BODY_CONTEXT | ROW_CONTEXT,
        local_name!("table") => SPECIAL | SCOPE | TABLE_SCOPE | TABLE_PART,
        local_name!("template") => SPECIAL | SCOPE | TABLE_SCOPE | BODY_CONTEXT | ROW_CONTEXT,
        local_name!("applet")
        | local_name!("marquee")
        | local_name!("object")
        | local_name!("select") => SPECIAL | SCOPE,
        local_name!("caption") => SPECIAL | SCOPE | THOROUGH,
        local_name!("td") | local_name!("th") => SPECIAL | SCOPE | CELL | THOROUGH,
        local_name!("tbody") | local_name!("tfoot") | local_name!("thead") => {
            SPECIAL | BODY_CONTEXT | TABLE_PART | THOROUGH
        }
        local_name!("tr") => SPECIAL | ROW_CONTEXT | TABLE_PART | THOROUGH,
        local_name!("colgroup") => SPECIAL | THOROUGH,
        local_name!("ol") | local_name!("ul") => SPECIAL | LIST,
        local_name!("button") => SPECIAL | BUTTON,
        local_name!("dd") | local_name!("dt") | local_name!("li") | local_name!("p") => {
            SPECIAL | IMPLIED
        }
        local_name!("option")
        | local_name!("optgroup")
        | local_name!("rb")
        | local_name!("rp")
        | local_name!("rt")
        | local_name!("rtc") => IMPLIED,
        local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6") => SPECIAL | HEADING,
        local_name!("address")
        | local_name!("area")
        | local_name!("article")
        | local_name!("aside")
        | local_name!("base")
        | local_name!("basefont")
        | local_name!("bgsound")
        | local_name!("blockquote")
        | local_name!("body")
        | local_name!("br")
        | local_name!("center")
        | local_name!("col")
        | local_name!("details")
        | local_name!("dir")
        | local_name!("div")
        | local_name!("dl")
        | local_name!("embed")
        | local_name!("fieldset")
        | local_name!("figcaption")
        | local_name!("figure")
        | local_name!("footer")
        | local_name!("form")
        | local_name!("frame")
        | local_name!("frameset")
        | local_name!("head")
        | local_name!("header")
        | local_name!("hgroup")
        | local_name!("hr")
        | local_name!("iframe")
        | local_name!("img")
        | local_name!("input")
        | local_name!("isindex")
        | local_name!("link")
        | local_name!("listing")
        | local_name!("main")
        | local_name!("menu")
        | local_name!("meta")
        | local_name!("nav")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("noscript")
        | local_name!("param")
        | local_name!("plaintext")
        | local_name!("pre")
        | local_name!("script")
        | local_name!("section")
        | local_name!("source")
        | local_name!("style")
        | local_name!("summary")
        | local_name!("textarea")
        | local_name!("title")
        | local_name!("track")
        | local_name!("wbr")
        | local_name!("xmp") => SPECIAL,
        _ => 0,
    }
}

/// An element on the stack of open elements.
#[derive(Debug, Clone)]
struct Open {
    id: NodeId,
    name: LocalName,
    ns: Ns,
    bits: u16,
}

impl Open {
    /// An open element, its categories read from its name.
    fn new(id: NodeId, name: LocalName, ns: Ns) -> Open {
        let bits = bits(ns, &name);
        Open { id, name, ns, bits }
    }

    fn is(&self, name: &LocalName) -> bool {
        self.ns == Ns::Html && self.name == *name
    }
    fn has(&self, bits: u16) -> bool {
        self.bits & bits != 0
    }
}

/// An entry of the list of active formatting elements.
#[derive(Debug)]
enum Entry {
    Marker,
    Element(NodeId, Tag),
}

/// Where a node goes.
enum Place {
    LastChild(NodeId),
    /// Before the table, or into the element before it on the stack when the table has no
    /// parent (foster parenting).
    Foster {
        table: NodeId,
        before: NodeId,
    },
}

struct State {
    sink: Builder,
    mode: Mode,
    orig: Option<Mode>,
    open: Vec<Open>,
    /// How many `<p>` elements (HTML) are open.
    open_p: usize,
    active: Vec<Entry>,
    /// How many markers `active` holds.
    markers: usize,
    head: Option<NodeId>,
    form: Option<NodeId>,
    quirks: QuirksMode,
    /// Whether `quirks` is known; when not, a table in a paragraph gives up.
    quirks_known: bool,
    ignore_lf: bool,
    foster: bool,
    pending: Vec<(Split, StrTendril)>,
    /// The stack of template insertion modes.
    templates: Vec<Mode>,
    bailed: bool,
}

/// The tree builder (see the module documentation).
pub(super) struct Own {
    state: RefCell<State>,
}

impl Own {
    /// A builder into `sink`, or none when the page is read in a way this builder does not
    /// build (`<noscript>` as markup).
    pub fn new(sink: Builder, scripting: bool) -> Result<Own, Builder> {
        if !scripting {
            return Err(sink);
        }
        Ok(Own {
            state: RefCell::new(State {
                sink,
                mode: Mode::Initial,
                orig: None,
                open: Vec::with_capacity(64),
                open_p: 0,
                active: Vec::new(),
                markers: 0,
                head: None,
                form: None,
                quirks: QuirksMode::NoQuirks,
                quirks_known: true,
                ignore_lf: false,
                foster: false,
                pending: Vec::new(),
                templates: Vec::new(),
                bailed: false,
            }),
        })
    }

    /// Whether the page went beyond what this builder builds.
    pub fn bailed(&self) -> bool {
        self.state.borrow().bailed
    }

    /// The sink, with the tree so far.
    pub fn with_sink<R>(&self, f: impl FnOnce(&Builder) -> R) -> R {
        f(&self.state.borrow().sink)
    }

    pub fn into_sink(self) -> Builder {
        self.state.into_inner().sink
    }

    /// The handles html5ever's tree builder would hold in the same state
    /// ([`TreeBuilder::trace_handles`]): the document, the open elements, the active
    /// formatting elements, and the head and form pointers.
    pub fn load(&self) -> usize {
        let st = self.state.borrow();
        1 + st.open.len()
            + st.active
                .iter()
                .filter(|e| matches!(e, Entry::Element(..)))
                .count()
            + usize::from(st.head.is_some())
            + usize::from(st.form.is_some())
    }

    /// Whether the current node is outside HTML (html5ever's method of the same name).
    pub fn current_is_foreign(&self) -> bool {
        self.state
            .borrow()
            .open
            .last()
            .is_some_and(|o| o.ns != Ns::Html)
    }

    #[inline]
    pub fn process_token(&self, token: Token) -> TokenSinkResult<NodeId> {
        let mut st = self.state.borrow_mut();
        if st.bailed {
            return TokenSinkResult::Continue;
        }
        let ignore_lf = std::mem::take(&mut st.ignore_lf);
        let tok = match token {
            Token::ParseError(_) => return TokenSinkResult::Continue,
            Token::DoctypeToken(dt) => {
                if st.mode == Mode::Initial {
                    st.doctype(dt);
                }
                return TokenSinkResult::Continue;
            }
            Token::TagToken(t) => Tok::Tag(t),
            Token::CommentToken(c) => Tok::Comment(c),
            Token::NullCharacterToken => Tok::Null,
            Token::EOFToken => Tok::Eof,
            Token::CharacterTokens(mut x) => {
                if ignore_lf && x.starts_with("\n") {
                    x.pop_front(1);
                }
                if x.is_empty() {
                    return TokenSinkResult::Continue;
                }
                Tok::Chars(Split::No, x)
            }
        };
        st.run(tok)
    }
}

fn is_ws(c: char) -> bool {
    c.is_ascii_whitespace()
}

fn any_not_whitespace(t: &str) -> bool {
    t.bytes().any(|b| !b.is_ascii_whitespace())
}

impl State {
    #[inline]
    fn run(&mut self, mut tok: Tok) -> TokenSinkResult<NodeId> {
        let mut more: Option<StrTendril> = None;
        loop {
            let step = if self.is_foreign(&tok) {
                self.foreign(tok)
            } else {
                self.step(self.mode, tok)
            };
            match step {
                Step::Done => match more.take() {
                    Some(t) => tok = Tok::Chars(Split::No, t),
                    None => return TokenSinkResult::Continue,
                },
                Step::Reprocess(m, t) => {
                    self.mode = m;
                    tok = t;
                }
                Step::SplitWhitespace(mut buf) => {
                    let Some(first) = buf.chars().next() else {
                        match more.take() {
                            Some(t) => {
                                tok = Tok::Chars(Split::No, t);
                                continue;
                            }
                            None => return TokenSinkResult::Continue,
                        }
                    };
                    let ws = is_ws(first);
                    let len = buf
                        .char_indices()
                        .find(|&(_, c)| is_ws(c) != ws)
                        .map_or(buf.len(), |(i, _)| i);
                    let Ok(len) = u32::try_from(len) else {
                        self.bailed = true;
                        return TokenSinkResult::Continue;
                    };
                    let (Ok(head), Ok(())) = (buf.try_subtendril(0, len), buf.try_pop_front(len))
                    else {
                        self.bailed = true;
                        return TokenSinkResult::Continue;
                    };
                    let split = if ws {
                        Split::Whitespace
                    } else {
                        Split::NotWhitespace
                    };
                    tok = Tok::Chars(split, head);
                    if !buf.is_empty() {
                        // (At most one run waits: a split's first part is never split again.)
                        more = Some(buf);
                    }
                }
                Step::Raw(kind) => return TokenSinkResult::RawData(kind),
                Step::Plaintext => return TokenSinkResult::Plaintext,
                Step::Bail => {
                    self.bailed = true;
                    return TokenSinkResult::Continue;
                }
            }
        }
    }

    /// The doctype in the initial mode: its node, and the quirks mode it sets.
    fn doctype(&mut self, dt: Doctype) {
        let simple = dt.name.as_deref() == Some("html")
            && dt.public_id.is_none()
            && dt.system_id.is_none()
            && !dt.force_quirks;
        if simple {
            self.quirks = QuirksMode::NoQuirks;
        } else {
            // The quirks mode of other doctypes, as html5ever reads them: its tree builder,
            // given only the doctype, tells it to a sink that records it.
            let probe = TreeBuilder::new(Builder::new(""), TreeBuilderOpts::default());
            let _ = html5ever::tokenizer::TokenSink::process_token(
                &probe,
                Token::DoctypeToken(dt.clone()),
                1,
            );
            match probe.sink.quirks.get() {
                Some(q) => self.quirks = q,
                None => self.quirks_known = false,
            }
        }
        self.sink.append_doctype_to_document(
            dt.name.unwrap_or_default(),
            dt.public_id.unwrap_or_default(),
            dt.system_id.unwrap_or_default(),
        );
        self.mode = Mode::BeforeHtml;
    }

    // --- The stack of open elements -------------------------------------------------------

    fn current(&self) -> Option<&Open> {
        self.open.last()
    }

    fn current_is(&self, name: &LocalName) -> bool {
        self.current().is_some_and(|o| o.is(name))
    }

    fn current_has(&self, bits: u16) -> bool {
        self.current().is_some_and(|o| o.has(bits))
    }

    fn push(&mut self, open: Open) {
        if open.is(&local_name!("p")) {
            self.open_p += 1;
        }
        self.open.push(open);
    }

    fn pop(&mut self) -> Option<Open> {
        let o = self.open.pop()?;
        if o.is(&local_name!("p")) {
            self.open_p -= 1;
        }
        Some(o)
    }

    fn truncate(&mut self, len: usize) {
        while self.open.len() > len {
            self.pop();
        }
    }

    fn insert_open(&mut self, i: usize, open: Open) {
        if open.is(&local_name!("p")) {
            self.open_p += 1;
        }
        self.open.insert(i.min(self.open.len()), open);
    }

    fn remove_at(&mut self, i: usize) {
        if i < self.open.len() {
            let o = self.open.remove(i);
            if o.is(&local_name!("p")) {
                self.open_p -= 1;
            }
        }
    }

    fn remove_from_stack(&mut self, id: NodeId) {
        if let Some(i) = self.open.iter().rposition(|o| o.id == id) {
            self.remove_at(i);
        }
    }

    fn stack_has(&self, name: &LocalName) -> bool {
        self.open.iter().any(|o| o.is(name))
    }

    /// Whether an element the predicate picks is in scope: found before a boundary.
    fn in_scope(&self, boundary: u16, pick: impl Fn(&Open) -> bool) -> bool {
        for o in self.open.iter().rev() {
            if pick(o) {
                return true;
            }
            if o.has(boundary) {
                return false;
            }
        }
        false
    }

    fn in_scope_named(&self, boundary: u16, name: &LocalName) -> bool {
        self.in_scope(boundary, |o| o.is(name))
    }

    fn p_in_button_scope(&self) -> bool {
        self.open_p > 0 && self.in_scope_named(SCOPE | BUTTON, &local_name!("p"))
    }

    fn generate_implied_end(&mut self, except: Option<&LocalName>) {
        self.generate_implied_end_of(IMPLIED, except);
    }

    fn generate_implied_end_of(&mut self, bits: u16, except: Option<&LocalName>) {
        while let Some(o) = self.current() {
            if !o.has(bits) || except.is_some_and(|e| o.is(e)) {
                return;
            }
            self.pop();
        }
    }

    /// Pops until an element the predicate picks has been popped.
    fn pop_until(&mut self, pick: impl Fn(&Open) -> bool) {
        while let Some(o) = self.pop() {
            if pick(&o) {
                break;
            }
        }
    }

    fn pop_until_named(&mut self, name: &LocalName) {
        self.pop_until(|o| o.is(name));
    }

    /// Pops until the current node has one of the bits.
    fn pop_until_current(&mut self, bits: u16) {
        while self.current().is_some_and(|o| !o.has(bits)) {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        self.generate_implied_end(Some(&local_name!("p")));
        self.pop_until_named(&local_name!("p"));
    }

    fn close_p_in_button_scope(&mut self) {
        if self.p_in_button_scope() {
            self.close_p();
        }
    }

    // --- Inserting -------------------------------------------------------------------------

    #[inline]
    fn place(&self, target: Option<&Open>) -> Place {
        let target = target.or(self.current());
        let Some(target) = target else {
            return Place::LastChild(DOCUMENT);
        };
        if !(self.foster && target.has(TABLE_PART)) {
            if target.is(&local_name!("template")) {
                return Place::LastChild(self.sink.get_template_contents(&target.id));
            }
            return Place::LastChild(target.id);
        }
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.is(&local_name!("template")) {
                return Place::LastChild(self.sink.get_template_contents(&o.id));
            }
            if o.is(&local_name!("table")) {
                let before = match i.checked_sub(1).and_then(|j| self.open.get(j)) {
                    Some(b) => b.id,
                    None => return Place::LastChild(o.id),
                };
                return Place::Foster {
                    table: o.id,
                    before,
                };
            }
        }
        Place::LastChild(self.open.first().map_or(DOCUMENT, |o| o.id))
    }

    #[inline]
    fn insert_at(&self, place: Place, child: NodeOrText<NodeId>) {
        match place {
            Place::LastChild(parent) => self.sink.append(&parent, child),
            Place::Foster { table, before } => self
                .sink
                .append_based_on_parent_node(&table, &before, child),
        }
    }

    #[inline]
    fn append_text(&self, text: StrTendril) -> Step {
        self.insert_at(self.place(None), NodeOrText::AppendText(text));
        Step::Done
    }

    fn append_comment(&self, text: StrTendril) -> Step {
        let c = self.sink.create_comment(text);
        self.insert_at(self.place(None), NodeOrText::AppendNode(c));
        Step::Done
    }

    fn append_comment_to(&self, parent: NodeId, text: StrTendril) -> Step {
        let c = self.sink.create_comment(text);
        self.sink.append(&parent, NodeOrText::AppendNode(c));
        Step::Done
    }

    /// Inserts an element at the appropriate place, and pushes it unless `push` is false.
    fn insert(
        &mut self,
        ns: Ns,
        name: LocalName,
        attrs: Vec<Attribute>,
        dup: bool,
        push: bool,
    ) -> NodeId {
        let place = self.place(None);
        let namespace = match ns {
            Ns::Html => ns!(html),
            Ns::Svg => ns!(svg),
        };
        let id = create_element_with_flags(
            &self.sink,
            QualName::new(None, namespace, name.clone()),
            attrs,
            dup,
        );
        self.insert_at(place, NodeOrText::AppendNode(id));
        if push {
            self.push(Open::new(id, name, ns));
        }
        id
    }

    fn insert_tag(&mut self, tag: Tag) -> NodeId {
        self.insert(
            Ns::Html,
            tag.name,
            tag.attrs,
            tag.had_duplicate_attributes,
            true,
        )
    }

    fn insert_void(&mut self, tag: Tag) -> NodeId {
        self.insert(
            Ns::Html,
            tag.name,
            tag.attrs,
            tag.had_duplicate_attributes,
            false,
        )
    }

    fn insert_phantom(&mut self, name: LocalName) -> NodeId {
        self.insert(Ns::Html, name, Vec::new(), false, true)
    }

    fn raw(&mut self, tag: Tag, kind: RawKind) -> Step {
        self.insert_tag(tag);
        self.orig = Some(self.mode);
        self.mode = Mode::Text;
        Step::Raw(kind)
    }

    fn create_root(&mut self, attrs: Vec<Attribute>) {
        let id = create_element_with_flags(
            &self.sink,
            QualName::new(None, ns!(html), local_name!("html")),
            attrs,
            false,
        );
        self.push(Open::new(id, local_name!("html"), Ns::Html));
        self.sink.append(&DOCUMENT, NodeOrText::AppendNode(id));
    }

    // --- Active formatting elements ---------------------------------------------------------

    fn position_in_active(&self, id: NodeId) -> Option<usize> {
        self.active
            .iter()
            .position(|e| matches!(e, Entry::Element(h, _) if *h == id))
    }

    fn is_open(&self, id: NodeId) -> bool {
        self.open.iter().rev().any(|o| o.id == id)
    }

    #[inline]
    fn reconstruct(&mut self) -> Step {
        let Some(last) = self.active.last() else {
            return Step::Done;
        };
        let settled = |st: &State, e: &Entry| match e {
            Entry::Marker => true,
            Entry::Element(id, _) => st.is_open(*id),
        };
        if settled(self, last) {
            return Step::Done;
        }
        let mut i = self.active.len() - 1;
        loop {
            if i == 0 {
                break;
            }
            i -= 1;
            if settled(self, &self.active[i]) {
                i += 1;
                break;
            }
        }
        loop {
            let tag = match self.active.get(i) {
                Some(Entry::Element(_, t)) => t.clone(),
                _ => return Step::Bail,
            };
            let id = self.insert(
                Ns::Html,
                tag.name.clone(),
                tag.attrs.clone(),
                tag.had_duplicate_attributes,
                true,
            );
            self.active[i] = Entry::Element(id, tag);
            if i == self.active.len() - 1 {
                break;
            }
            i += 1;
        }
        Step::Done
    }

    fn push_marker(&mut self) {
        self.active.push(Entry::Marker);
        self.markers += 1;
    }

    fn clear_to_marker(&mut self) {
        while let Some(e) = self.active.pop() {
            if matches!(e, Entry::Marker) {
                self.markers -= 1;
                break;
            }
        }
    }

    fn create_formatting(&mut self, tag: Tag) {
        let mut first = None;
        let mut matches = 0usize;
        for (i, e) in self.active.iter().enumerate().rev() {
            match e {
                Entry::Marker => break,
                Entry::Element(_, old) => {
                    if tag.equiv_modulo_attr_order(old) {
                        first = Some(i);
                        matches += 1;
                    }
                }
            }
        }
        if matches >= 3 {
            if let Some(i) = first {
                self.active.remove(i);
            }
        }
        let id = self.insert(
            Ns::Html,
            tag.name.clone(),
            tag.attrs.clone(),
            tag.had_duplicate_attributes,
            true,
        );
        self.active.push(Entry::Element(id, tag));
    }

    /// The last formatting element after the last marker named `name`.
    fn active_named(&self, name: &LocalName) -> Option<(usize, NodeId)> {
        for (i, e) in self.active.iter().enumerate().rev() {
            match e {
                Entry::Marker => return None,
                Entry::Element(id, t) if t.name == *name => return Some((i, *id)),
                Entry::Element(..) => {}
            }
        }
        None
    }

    /// The adoption agency algorithm.
    fn adoption_agency(&mut self, subject: &LocalName) -> Step {
        if let Some(cur) = self.current() {
            if cur.is(subject) && self.position_in_active(cur.id).is_none() {
                self.pop();
                return Step::Done;
            }
        }
        for _ in 0..8 {
            let Some((fmt_index, fmt_id)) = self.active_named(subject) else {
                self.end_tag_in_body(subject);
                return Step::Done;
            };
            let fmt_tag = match self.active.get(fmt_index) {
                Some(Entry::Element(_, t)) => t.clone(),
                _ => return Step::Bail,
            };
            let Some(fmt_stack) = self.open.iter().rposition(|o| o.id == fmt_id) else {
                self.active.remove(fmt_index);
                return Step::Done;
            };
            if !self.in_scope(SCOPE, |o| o.id == fmt_id) {
                return Step::Done;
            }
            let furthest = self
                .open
                .iter()
                .enumerate()
                .skip(fmt_stack)
                .find(|(_, o)| o.has(SPECIAL))
                .map(|(i, o)| (i, o.clone()));
            let Some((furthest_index, furthest)) = furthest else {
                self.truncate(fmt_stack);
                self.active.remove(fmt_index);
                return Step::Done;
            };
            let Some(common) = fmt_stack
                .checked_sub(1)
                .and_then(|i| self.open.get(i))
                .cloned()
            else {
                return Step::Bail;
            };
            // The bookmark: replace the formatting element's entry, or insert after a node.
            let mut bookmark_after: Option<NodeId> = None;
            let mut node_index = furthest_index;
            let mut last_node = furthest.id;
            let mut inner = 0;
            loop {
                inner += 1;
                let Some(i) = node_index.checked_sub(1) else {
                    return Step::Bail;
                };
                node_index = i;
                let Some(node) = self.open.get(node_index).cloned() else {
                    return Step::Bail;
                };
                if node.id == fmt_id {
                    break;
                }
                if inner > 3 {
                    if let Some(p) = self.position_in_active(node.id) {
                        self.active.remove(p);
                    }
                    self.remove_at(node_index);
                    continue;
                }
                let Some(node_active) = self.position_in_active(node.id) else {
                    self.remove_at(node_index);
                    continue;
                };
                let tag = match self.active.get(node_active) {
                    Some(Entry::Element(_, t)) => t.clone(),
                    _ => return Step::Bail,
                };
                let new = create_element_with_flags(
                    &self.sink,
                    QualName::new(None, ns!(html), tag.name.clone()),
                    tag.attrs.clone(),
                    tag.had_duplicate_attributes,
                );
                if let Some(slot) = self.open.get_mut(node_index) {
                    // (Same name: the count of open paragraphs is unchanged.)
                    slot.id = new;
                }
                self.active[node_active] = Entry::Element(new, tag);
                if last_node == furthest.id {
                    bookmark_after = Some(new);
                }
                self.sink.remove_from_parent(&last_node);
                self.sink.append(&new, NodeOrText::AppendNode(last_node));
                last_node = new;
            }
            self.sink.remove_from_parent(&last_node);
            let place = self.place(Some(&common));
            self.insert_at(place, NodeOrText::AppendNode(last_node));
            let new = create_element_with_flags(
                &self.sink,
                QualName::new(None, ns!(html), fmt_tag.name.clone()),
                fmt_tag.attrs.clone(),
                fmt_tag.had_duplicate_attributes,
            );
            let entry = Entry::Element(new, fmt_tag.clone());
            self.sink.reparent_children(&furthest.id, &new);
            self.sink.append(&furthest.id, NodeOrText::AppendNode(new));
            match bookmark_after {
                None => {
                    let Some(i) = self.position_in_active(fmt_id) else {
                        return Step::Bail;
                    };
                    self.active[i] = entry;
                }
                Some(prev) => {
                    let Some(i) = self.position_in_active(prev) else {
                        return Step::Bail;
                    };
                    self.active.insert(i + 1, entry);
                    let Some(old) = self.position_in_active(fmt_id) else {
                        return Step::Bail;
                    };
                    self.active.remove(old);
                }
            }
            self.remove_from_stack(fmt_id);
            let Some(fb) = self.open.iter().position(|o| o.id == furthest.id) else {
                return Step::Bail;
            };
            self.insert_open(fb + 1, Open::new(new, fmt_tag.name, Ns::Html));
        }
        Step::Done
    }

    /// "Any other end tag" in body.
    fn end_tag_in_body(&mut self, name: &LocalName) {
        let mut found = None;
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.is(name) {
                found = Some(i);
                break;
            }
            if o.has(SPECIAL) {
                return;
            }
        }
        let Some(i) = found else { return };
        self.generate_implied_end(Some(name));
        self.truncate(i);
    }

    // --- The insertion modes ------------------------------------------------------------

    #[inline]
    fn step(&mut self, mode: Mode, tok: Tok) -> Step {
        match mode {
            Mode::Initial => match tok {
                Tok::Chars(Split::No, t) => Step::SplitWhitespace(t),
                Tok::Chars(Split::Whitespace, _) => Step::Done,
                Tok::Comment(t) => self.append_comment_to(DOCUMENT, t),
                tok => {
                    self.quirks = QuirksMode::Quirks;
                    self.quirks_known = true;
                    Step::Reprocess(Mode::BeforeHtml, tok)
                }
            },
            Mode::BeforeHtml => match tok {
                Tok::Comment(t) => self.append_comment_to(DOCUMENT, t),
                Tok::Chars(Split::No, t) => Step::SplitWhitespace(t),
                Tok::Chars(Split::Whitespace, _) => Step::Done,
                Tok::Tag(tag)
                    if tag.kind == TagKind::StartTag && tag.name == local_name!("html") =>
                {
                    self.create_root(tag.attrs);
                    self.mode = Mode::BeforeHead;
                    Step::Done
                }
                Tok::Tag(tag)
                    if tag.kind == TagKind::EndTag
                        && !matches!(
                            tag.name,
                            local_name!("head")
                                | local_name!("body")
                                | local_name!("html")
                                | local_name!("br")
                        ) =>
                {
                    Step::Done
                }
                tok => {
                    self.create_root(Vec::new());
                    Step::Reprocess(Mode::BeforeHead, tok)
                }
            },
            Mode::BeforeHead => match tok {
                Tok::Chars(Split::No, t) => Step::SplitWhitespace(t),
                Tok::Chars(Split::Whitespace, _) => Step::Done,
                Tok::Comment(t) => self.append_comment(t),
                Tok::Tag(tag)
                    if tag.kind == TagKind::StartTag && tag.name == local_name!("html") =>
                {
                    self.step(Mode::InBody, Tok::Tag(tag))
                }
                Tok::Tag(tag)
                    if tag.kind == TagKind::StartTag && tag.name == local_name!("head") =>
                {
                    self.head = Some(self.insert_tag(tag));
                    self.mode = Mode::InHead;
                    Step::Done
                }
                Tok::Tag(tag)
                    if tag.kind == TagKind::EndTag
                        && !matches!(
                            tag.name,
                            local_name!("head")
                                | local_name!("body")
                                | local_name!("html")
                                | local_name!("br")
                        ) =>
                {
                    Step::Done
                }
                tok => {
                    self.head = Some(self.insert_phantom(local_name!("head")));
                    Step::Reprocess(Mode::InHead, tok)
                }
            },
            Mode::InHead => self.in_head(tok),
            Mode::AfterHead => self.after_head(tok),
            Mode::InBody => self.in_body(tok),
            Mode::Text => match tok {
                Tok::Chars(_, t) => self.append_text(t),
                Tok::Eof => {
                    self.pop();
                    match self.orig.take() {
                        Some(m) => Step::Reprocess(m, Tok::Eof),
                        None => Step::Bail,
                    }
                }
                Tok::Tag(tag) if tag.kind == TagKind::EndTag => {
                    self.pop();
                    match self.orig.take() {
                        Some(m) => {
                            self.mode = m;
                            Step::Done
                        }
                        None => Step::Bail,
                    }
                }
                _ => Step::Bail,
            },
            Mode::InTable => self.in_table(tok),
            Mode::InTableText => match tok {
                Tok::Null => Step::Done,
                Tok::Chars(split, t) => {
                    self.pending.push((split, t));
                    Step::Done
                }
                tok => {
                    let pending = std::mem::take(&mut self.pending);
                    let nonspace = pending.iter().any(|(split, t)| match split {
                        Split::Whitespace => false,
                        Split::NotWhitespace => true,
                        Split::No => any_not_whitespace(t),
                    });
                    if nonspace {
                        for (split, t) in pending {
                            match self.foster_in_body(Tok::Chars(split, t)) {
                                Step::Done => {}
                                _ => return Step::Bail,
                            }
                        }
                    } else {
                        for (_, t) in pending {
                            self.append_text(t);
                        }
                    }
                    match self.orig.take() {
                        Some(m) => Step::Reprocess(m, tok),
                        None => Step::Bail,
                    }
                }
            },
            Mode::InCaption => self.in_caption(tok),
            Mode::InColumnGroup => self.in_column_group(tok),
            Mode::InTableBody => self.in_table_body(tok),
            Mode::InRow => self.in_row(tok),
            Mode::InCell => self.in_cell(tok),
            Mode::AfterBody => match tok {
                Tok::Chars(Split::No, t) => Step::SplitWhitespace(t),
                Tok::Chars(Split::Whitespace, t) => {
                    self.step(Mode::InBody, Tok::Chars(Split::Whitespace, t))
                }
                Tok::Comment(t) => {
                    let html = self.open.first().map_or(DOCUMENT, |o| o.id);
                    self.append_comment_to(html, t)
                }
                Tok::Tag(tag)
                    if tag.kind == TagKind::StartTag && tag.name == local_name!("html") =>
                {
                    self.step(Mode::InBody, Tok::Tag(tag))
                }
                Tok::Tag(tag) if tag.kind == TagKind::EndTag && tag.name == local_name!("html") => {
                    self.mode = Mode::AfterAfterBody;
                    Step::Done
                }
                Tok::Eof => Step::Done,
                tok => Step::Reprocess(Mode::InBody, tok),
            },
            Mode::InTemplate => self.in_template(tok),
            Mode::AfterAfterBody => match tok {
                Tok::Chars(Split::No, t) => Step::SplitWhitespace(t),
                Tok::Chars(Split::Whitespace, t) => {
                    self.step(Mode::InBody, Tok::Chars(Split::Whitespace, t))
                }
                Tok::Comment(t) => self.append_comment_to(DOCUMENT, t),
                Tok::Tag(tag)
                    if tag.kind == TagKind::StartTag && tag.name == local_name!("html") =>
                {
                    self.step(Mode::InBody, Tok::Tag(tag))
                }
                Tok::Eof => Step::Done,
                tok => Step::Reprocess(Mode::InBody, tok),
            },
        }
    }

    fn in_head(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Chars(Split::No, t) => return Step::SplitWhitespace(t),
            Tok::Chars(Split::Whitespace, t) => return self.append_text(t),
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Tag(tag) => tag,
            tok => {
                self.pop();
                return Step::Reprocess(Mode::AfterHead, tok);
            }
        };
        match tag.kind {
            TagKind::StartTag => match tag.name {
                local_name!("html") => self.step(Mode::InBody, Tok::Tag(tag)),
                local_name!("base")
                | local_name!("basefont")
                | local_name!("bgsound")
                | local_name!("link")
                | local_name!("meta") => {
                    self.insert_void(tag);
                    Step::Done
                }
                local_name!("title") => self.raw(tag, RawKind::Rcdata),
                local_name!("noframes") | local_name!("style") | local_name!("noscript") => {
                    self.raw(tag, RawKind::Rawtext)
                }
                local_name!("script") => {
                    let id = create_element_with_flags(
                        &self.sink,
                        QualName::new(None, ns!(html), local_name!("script")),
                        tag.attrs,
                        tag.had_duplicate_attributes,
                    );
                    self.insert_at(self.place(None), NodeOrText::AppendNode(id));
                    self.push(Open::new(id, local_name!("script"), Ns::Html));
                    self.orig = Some(self.mode);
                    self.mode = Mode::Text;
                    Step::Raw(RawKind::ScriptData)
                }
                local_name!("template") => {
                    // (A declarative shadow root is left to html5ever.)
                    if tag
                        .attrs
                        .iter()
                        .any(|a| a.name.local == local_name!("shadowrootmode"))
                    {
                        return Step::Bail;
                    }
                    self.push_marker();
                    self.mode = Mode::InTemplate;
                    self.templates.push(Mode::InTemplate);
                    self.insert_tag(tag);
                    Step::Done
                }
                local_name!("head") => Step::Done,
                _ => {
                    self.pop();
                    Step::Reprocess(Mode::AfterHead, Tok::Tag(tag))
                }
            },
            TagKind::EndTag => match tag.name {
                local_name!("head") => {
                    self.pop();
                    self.mode = Mode::AfterHead;
                    Step::Done
                }
                local_name!("body") | local_name!("html") | local_name!("br") => {
                    self.pop();
                    Step::Reprocess(Mode::AfterHead, Tok::Tag(tag))
                }
                local_name!("template") => {
                    if !self.stack_has(&local_name!("template")) {
                        return Step::Done;
                    }
                    self.generate_implied_end_of(IMPLIED | THOROUGH, None);
                    self.pop_until_named(&local_name!("template"));
                    self.clear_to_marker();
                    self.templates.pop();
                    match self.reset_mode() {
                        Some(m) => {
                            self.mode = m;
                            Step::Done
                        }
                        None => Step::Bail,
                    }
                }
                _ => Step::Done,
            },
        }
    }

    fn after_head(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Chars(Split::No, t) => return Step::SplitWhitespace(t),
            Tok::Chars(Split::Whitespace, t) => return self.append_text(t),
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Tag(tag) => tag,
            tok => {
                self.insert_phantom(local_name!("body"));
                return Step::Reprocess(Mode::InBody, tok);
            }
        };
        match (tag.kind, &tag.name) {
            (TagKind::StartTag, &local_name!("html")) => self.step(Mode::InBody, Tok::Tag(tag)),
            (TagKind::StartTag, &local_name!("body")) => {
                self.insert_tag(tag);
                self.mode = Mode::InBody;
                Step::Done
            }
            (TagKind::StartTag, &local_name!("frameset")) => Step::Bail,
            (TagKind::StartTag, n) if read_in_head(n) => {
                let Some(head) = self.head else {
                    return Step::Bail;
                };
                self.push(Open::new(head, local_name!("head"), Ns::Html));
                let step = self.in_head(Tok::Tag(tag));
                self.remove_from_stack(head);
                step
            }
            (TagKind::EndTag, &local_name!("template")) => self.in_head(Tok::Tag(tag)),
            (TagKind::EndTag, &local_name!("body") | &local_name!("html") | &local_name!("br")) => {
                self.insert_phantom(local_name!("body"));
                Step::Reprocess(Mode::InBody, Tok::Tag(tag))
            }
            (TagKind::StartTag, &local_name!("head")) | (TagKind::EndTag, _) => Step::Done,
            _ => {
                self.insert_phantom(local_name!("body"));
                Step::Reprocess(Mode::InBody, Tok::Tag(tag))
            }
        }
    }

    #[inline]
    fn in_body(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Null => return Step::Done,
            Tok::Chars(_, t) => {
                if let Step::Bail = self.reconstruct() {
                    return Step::Bail;
                }
                return self.append_text(t);
            }
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Eof => {
                if self.templates.is_empty() {
                    return Step::Done;
                }
                return self.in_template(Tok::Eof);
            }
            Tok::Tag(tag) => tag,
        };
        match tag.kind {
            TagKind::StartTag => self.start_in_body(tag),
            TagKind::EndTag => self.end_in_body(tag),
        }
    }

    fn start_in_body(&mut self, mut tag: Tag) -> Step {
        macro_rules! reconstruct {
            () => {
                if let Step::Bail = self.reconstruct() {
                    return Step::Bail;
                }
            };
        }
        match tag.name {
            local_name!("html") => {
                if self.stack_has(&local_name!("template")) {
                    return Step::Done;
                }
                if let Some(top) = self.open.first() {
                    self.sink.add_attrs_if_missing(&top.id, tag.attrs);
                }
                Step::Done
            }
            ref n if read_in_head(n) => self.in_head(Tok::Tag(tag)),
            local_name!("frameset") | local_name!("math") => Step::Bail,
            local_name!("body") => {
                if self.stack_has(&local_name!("template")) {
                    return Step::Done;
                }
                if self.open.len() != 1 {
                    if let Some(body) = self.open.get(1).filter(|o| o.is(&local_name!("body"))) {
                        self.sink.add_attrs_if_missing(&body.id, tag.attrs);
                    }
                }
                Step::Done
            }
            local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("search")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("menu") => {
                self.close_p_in_button_scope();
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                self.close_p_in_button_scope();
                if self.current_has(HEADING) {
                    self.pop();
                }
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("pre") | local_name!("listing") => {
                self.close_p_in_button_scope();
                self.insert_tag(tag);
                self.ignore_lf = true;
                Step::Done
            }
            local_name!("form") => {
                let in_template = self.stack_has(&local_name!("template"));
                if self.form.is_some() && !in_template {
                    return Step::Done;
                }
                self.close_p_in_button_scope();
                let id = self.insert_tag(tag);
                if !in_template {
                    self.form = Some(id);
                }
                Step::Done
            }
            local_name!("li") | local_name!("dd") | local_name!("dt") => {
                let list = tag.name == local_name!("li");
                let mut to_close = None;
                for o in self.open.iter().rev() {
                    let closes = o.ns == Ns::Html
                        && if list {
                            o.name == local_name!("li")
                        } else {
                            matches!(o.name, local_name!("dd") | local_name!("dt"))
                        };
                    if closes {
                        to_close = Some(o.name.clone());
                        break;
                    }
                    if o.has(SPECIAL)
                        && !(o.ns == Ns::Html
                            && matches!(
                                o.name,
                                local_name!("address") | local_name!("div") | local_name!("p")
                            ))
                    {
                        break;
                    }
                }
                if let Some(name) = to_close {
                    self.generate_implied_end(Some(&name));
                    self.pop_until_named(&name);
                }
                self.close_p_in_button_scope();
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("plaintext") => {
                self.close_p_in_button_scope();
                self.insert_tag(tag);
                Step::Plaintext
            }
            local_name!("button") => {
                if self.in_scope_named(SCOPE, &local_name!("button")) {
                    self.generate_implied_end(None);
                    self.pop_until_named(&local_name!("button"));
                }
                reconstruct!();
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("a") => {
                if let Some((_, node)) = self.active_named(&local_name!("a")) {
                    if let Step::Bail = self.adoption_agency(&local_name!("a")) {
                        return Step::Bail;
                    }
                    if let Some(i) = self.position_in_active(node) {
                        self.active.remove(i);
                    }
                    self.remove_from_stack(node);
                }
                reconstruct!();
                self.create_formatting(tag);
                Step::Done
            }
            local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u") => {
                reconstruct!();
                self.create_formatting(tag);
                Step::Done
            }
            local_name!("nobr") => {
                reconstruct!();
                if self.in_scope_named(SCOPE, &local_name!("nobr")) {
                    if let Step::Bail = self.adoption_agency(&local_name!("nobr")) {
                        return Step::Bail;
                    }
                    reconstruct!();
                }
                self.create_formatting(tag);
                Step::Done
            }
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                reconstruct!();
                self.insert_tag(tag);
                self.push_marker();
                Step::Done
            }
            local_name!("table") => {
                if self.p_in_button_scope() && !self.quirks_known {
                    return Step::Bail;
                }
                if self.quirks != QuirksMode::Quirks {
                    self.close_p_in_button_scope();
                }
                self.insert_tag(tag);
                self.mode = Mode::InTable;
                Step::Done
            }
            local_name!("area")
            | local_name!("br")
            | local_name!("embed")
            | local_name!("img")
            | local_name!("keygen")
            | local_name!("wbr") => {
                reconstruct!();
                self.insert_void(tag);
                Step::Done
            }
            local_name!("input") => {
                if self.in_scope_named(SCOPE, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                }
                reconstruct!();
                self.insert_void(tag);
                Step::Done
            }
            local_name!("param") | local_name!("source") | local_name!("track") => {
                self.insert_void(tag);
                Step::Done
            }
            local_name!("hr") => {
                self.close_p_in_button_scope();
                if self.in_scope_named(SCOPE, &local_name!("select")) {
                    self.generate_implied_end(None);
                }
                self.insert_void(tag);
                Step::Done
            }
            local_name!("image") => {
                tag.name = local_name!("img");
                self.start_in_body(tag)
            }
            local_name!("textarea") => {
                self.ignore_lf = true;
                self.raw(tag, RawKind::Rcdata)
            }
            local_name!("xmp") => {
                self.close_p_in_button_scope();
                reconstruct!();
                self.raw(tag, RawKind::Rawtext)
            }
            local_name!("iframe") | local_name!("noembed") | local_name!("noscript") => {
                self.raw(tag, RawKind::Rawtext)
            }
            local_name!("select") => {
                if self.in_scope_named(SCOPE, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                } else {
                    reconstruct!();
                    self.insert_tag(tag);
                }
                Step::Done
            }
            local_name!("option") | local_name!("optgroup") => {
                if self.in_scope_named(SCOPE, &local_name!("select")) {
                    if tag.name == local_name!("option") {
                        self.generate_implied_end(Some(&local_name!("optgroup")));
                    } else {
                        self.generate_implied_end(None);
                    }
                } else if self.current_is(&local_name!("option")) {
                    self.pop();
                }
                reconstruct!();
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("rb") | local_name!("rtc") => {
                if self.in_scope_named(SCOPE, &local_name!("ruby")) {
                    self.generate_implied_end(None);
                }
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("rp") | local_name!("rt") => {
                if self.in_scope_named(SCOPE, &local_name!("ruby")) {
                    self.generate_implied_end(Some(&local_name!("rtc")));
                }
                self.insert_tag(tag);
                Step::Done
            }
            local_name!("svg") => {
                reconstruct!();
                adjust_svg_attributes(&mut tag.attrs);
                adjust_foreign_attributes(&mut tag.attrs);
                let push = !tag.self_closing;
                self.insert(
                    Ns::Svg,
                    tag.name,
                    tag.attrs,
                    tag.had_duplicate_attributes,
                    push,
                );
                Step::Done
            }
            local_name!("caption")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("frame")
            | local_name!("head")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr") => Step::Done,
            _ => {
                reconstruct!();
                self.insert_tag(tag);
                Step::Done
            }
        }
    }

    fn end_in_body(&mut self, tag: Tag) -> Step {
        match tag.name {
            local_name!("template") => self.in_head(Tok::Tag(tag)),
            local_name!("body") => {
                if self.in_scope_named(SCOPE, &local_name!("body")) {
                    self.mode = Mode::AfterBody;
                }
                Step::Done
            }
            local_name!("html") => {
                if self.in_scope_named(SCOPE, &local_name!("body")) {
                    Step::Reprocess(Mode::AfterBody, Tok::Tag(tag))
                } else {
                    Step::Done
                }
            }
            local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("button")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("pre")
            | local_name!("search")
            | local_name!("section")
            | local_name!("select")
            | local_name!("summary")
            | local_name!("ul") => {
                if self.in_scope_named(SCOPE, &tag.name) {
                    self.generate_implied_end(None);
                    self.pop_until_named(&tag.name);
                }
                Step::Done
            }
            local_name!("form") => {
                if self.stack_has(&local_name!("template")) {
                    if self.in_scope_named(SCOPE, &local_name!("form")) {
                        self.generate_implied_end(None);
                        self.pop_until_named(&local_name!("form"));
                    }
                    return Step::Done;
                }
                let Some(node) = self.form.take() else {
                    return Step::Done;
                };
                if !self.in_scope(SCOPE, |o| o.id == node) {
                    return Step::Done;
                }
                self.generate_implied_end(None);
                self.remove_from_stack(node);
                Step::Done
            }
            local_name!("p") => {
                if !self.p_in_button_scope() {
                    self.insert_phantom(local_name!("p"));
                }
                self.close_p();
                Step::Done
            }
            local_name!("li") | local_name!("dd") | local_name!("dt") => {
                let boundary = if tag.name == local_name!("li") {
                    SCOPE | LIST
                } else {
                    SCOPE
                };
                if self.in_scope_named(boundary, &tag.name) {
                    self.generate_implied_end(Some(&tag.name));
                    self.pop_until_named(&tag.name);
                }
                Step::Done
            }
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                if self.in_scope(SCOPE, |o| o.has(HEADING)) {
                    self.generate_implied_end(None);
                    self.pop_until(|o| o.has(HEADING));
                }
                Step::Done
            }
            local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u") => self.adoption_agency(&tag.name),
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                if self.in_scope_named(SCOPE, &tag.name) {
                    self.generate_implied_end(None);
                    self.pop_until_named(&tag.name);
                    self.clear_to_marker();
                }
                Step::Done
            }
            local_name!("br") => self.start_in_body(Tag {
                kind: TagKind::StartTag,
                attrs: Vec::new(),
                ..tag
            }),
            _ => {
                self.end_tag_in_body(&tag.name);
                Step::Done
            }
        }
    }

    fn foster_in_body(&mut self, tok: Tok) -> Step {
        self.foster = true;
        let step = self.step(Mode::InBody, tok);
        self.foster = false;
        step
    }

    fn reset_mode(&self) -> Option<Mode> {
        for (i, o) in self.open.iter().enumerate().rev() {
            let last = i == 0;
            if o.ns != Ns::Html {
                continue;
            }
            let mode = match o.name {
                local_name!("td") | local_name!("th") if !last => Mode::InCell,
                local_name!("tr") => Mode::InRow,
                local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {
                    Mode::InTableBody
                }
                local_name!("caption") => Mode::InCaption,
                local_name!("colgroup") => Mode::InColumnGroup,
                local_name!("table") => Mode::InTable,
                local_name!("template") => return self.templates.last().copied(),
                local_name!("frameset") => return None,
                local_name!("head") if !last => Mode::InHead,
                local_name!("body") => Mode::InBody,
                local_name!("html") => {
                    if self.head.is_none() {
                        Mode::BeforeHead
                    } else {
                        Mode::AfterHead
                    }
                }
                _ => continue,
            };
            return Some(mode);
        }
        Some(Mode::InBody)
    }

    fn in_table(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Null | Tok::Chars(..) => {
                if self.current_has(TABLE_PART) {
                    self.orig = Some(self.mode);
                    return Step::Reprocess(Mode::InTableText, tok);
                }
                return self.foster_in_body(tok);
            }
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Eof => return self.step(Mode::InBody, Tok::Eof),
            Tok::Tag(tag) => tag,
        };
        match (tag.kind, &tag.name) {
            (TagKind::StartTag, &local_name!("caption")) => {
                self.pop_until_current(TABLE_SCOPE);
                self.push_marker();
                self.insert_tag(tag);
                self.mode = Mode::InCaption;
                Step::Done
            }
            (TagKind::StartTag, &local_name!("colgroup")) => {
                self.pop_until_current(TABLE_SCOPE);
                self.insert_tag(tag);
                self.mode = Mode::InColumnGroup;
                Step::Done
            }
            (TagKind::StartTag, &local_name!("col")) => {
                self.pop_until_current(TABLE_SCOPE);
                self.insert_phantom(local_name!("colgroup"));
                Step::Reprocess(Mode::InColumnGroup, Tok::Tag(tag))
            }
            (
                TagKind::StartTag,
                &local_name!("tbody") | &local_name!("tfoot") | &local_name!("thead"),
            ) => {
                self.pop_until_current(TABLE_SCOPE);
                self.insert_tag(tag);
                self.mode = Mode::InTableBody;
                Step::Done
            }
            (TagKind::StartTag, &local_name!("td") | &local_name!("th") | &local_name!("tr")) => {
                self.pop_until_current(TABLE_SCOPE);
                self.insert_phantom(local_name!("tbody"));
                Step::Reprocess(Mode::InTableBody, Tok::Tag(tag))
            }
            (TagKind::StartTag, &local_name!("table")) => {
                if self.in_scope_named(TABLE_SCOPE, &local_name!("table")) {
                    self.pop_until_named(&local_name!("table"));
                    match self.reset_mode() {
                        Some(m) => Step::Reprocess(m, Tok::Tag(tag)),
                        None => Step::Bail,
                    }
                } else {
                    Step::Done
                }
            }
            (TagKind::EndTag, &local_name!("table")) => {
                if self.in_scope_named(TABLE_SCOPE, &local_name!("table")) {
                    self.pop_until_named(&local_name!("table"));
                    match self.reset_mode() {
                        Some(m) => {
                            self.mode = m;
                            Step::Done
                        }
                        None => Step::Bail,
                    }
                } else {
                    Step::Done
                }
            }
            (
                TagKind::EndTag,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html")
                | &local_name!("tbody")
                | &local_name!("td")
                | &local_name!("tfoot")
                | &local_name!("th")
                | &local_name!("thead")
                | &local_name!("tr"),
            ) => Step::Done,
            (
                TagKind::StartTag,
                &local_name!("style") | &local_name!("script") | &local_name!("template"),
            )
            | (TagKind::EndTag, &local_name!("template")) => self.in_head(Tok::Tag(tag)),
            (TagKind::StartTag, &local_name!("input")) => {
                let hidden = tag
                    .attrs
                    .iter()
                    .find(|a| a.name.ns == ns!() && a.name.local == local_name!("type"))
                    .is_some_and(|a| a.value.eq_ignore_ascii_case("hidden"));
                if hidden {
                    self.insert_void(tag);
                    Step::Done
                } else {
                    self.foster_in_body(Tok::Tag(tag))
                }
            }
            (TagKind::StartTag, &local_name!("form")) => {
                if self.form.is_none() && !self.stack_has(&local_name!("template")) {
                    let id = self.insert_void(tag);
                    self.form = Some(id);
                }
                Step::Done
            }
            _ => self.foster_in_body(Tok::Tag(tag)),
        }
    }

    fn in_caption(&mut self, tok: Tok) -> Step {
        let Tok::Tag(tag) = tok else {
            return self.step(Mode::InBody, tok);
        };
        let closes = match tag.kind {
            TagKind::StartTag => matches!(
                tag.name,
                local_name!("caption")
                    | local_name!("col")
                    | local_name!("colgroup")
                    | local_name!("tbody")
                    | local_name!("td")
                    | local_name!("tfoot")
                    | local_name!("th")
                    | local_name!("thead")
                    | local_name!("tr")
            ),
            TagKind::EndTag => matches!(tag.name, local_name!("table") | local_name!("caption")),
        };
        if closes {
            if !self.in_scope_named(TABLE_SCOPE, &local_name!("caption")) {
                return Step::Done;
            }
            self.generate_implied_end(None);
            self.pop_until_named(&local_name!("caption"));
            self.clear_to_marker();
            if tag.kind == TagKind::EndTag && tag.name == local_name!("caption") {
                self.mode = Mode::InTable;
                return Step::Done;
            }
            return Step::Reprocess(Mode::InTable, Tok::Tag(tag));
        }
        if tag.kind == TagKind::EndTag
            && matches!(
                tag.name,
                local_name!("body")
                    | local_name!("col")
                    | local_name!("colgroup")
                    | local_name!("html")
                    | local_name!("tbody")
                    | local_name!("td")
                    | local_name!("tfoot")
                    | local_name!("th")
                    | local_name!("thead")
                    | local_name!("tr")
            )
        {
            return Step::Done;
        }
        self.step(Mode::InBody, Tok::Tag(tag))
    }

    fn in_column_group(&mut self, tok: Tok) -> Step {
        let tok = match tok {
            Tok::Chars(Split::No, t) => return Step::SplitWhitespace(t),
            Tok::Chars(Split::Whitespace, t) => return self.append_text(t),
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Eof => return self.step(Mode::InBody, Tok::Eof),
            tok => tok,
        };
        if let Tok::Tag(tag) = &tok {
            match (tag.kind, &tag.name) {
                (TagKind::StartTag, &local_name!("html")) => {
                    return self.step(Mode::InBody, tok);
                }
                (TagKind::StartTag, &local_name!("col")) => {
                    if let Tok::Tag(tag) = tok {
                        self.insert_void(tag);
                    }
                    return Step::Done;
                }
                (TagKind::EndTag, &local_name!("colgroup")) => {
                    if self.current_is(&local_name!("colgroup")) {
                        self.pop();
                        self.mode = Mode::InTable;
                    }
                    return Step::Done;
                }
                (TagKind::EndTag, &local_name!("col")) => return Step::Done,
                (_, &local_name!("template")) => return self.in_head(tok),
                _ => {}
            }
        }
        if self.current_is(&local_name!("colgroup")) {
            self.pop();
            Step::Reprocess(Mode::InTable, tok)
        } else {
            Step::Done
        }
    }

    fn in_table_body(&mut self, tok: Tok) -> Step {
        let Tok::Tag(tag) = tok else {
            return self.in_table(tok);
        };
        match (tag.kind, &tag.name) {
            (TagKind::StartTag, &local_name!("tr")) => {
                self.pop_until_current(BODY_CONTEXT);
                self.insert_tag(tag);
                self.mode = Mode::InRow;
                Step::Done
            }
            (TagKind::StartTag, &local_name!("th") | &local_name!("td")) => {
                self.pop_until_current(BODY_CONTEXT);
                self.insert_phantom(local_name!("tr"));
                Step::Reprocess(Mode::InRow, Tok::Tag(tag))
            }
            (
                TagKind::EndTag,
                &local_name!("tbody") | &local_name!("tfoot") | &local_name!("thead"),
            ) => {
                if self.in_scope_named(TABLE_SCOPE, &tag.name) {
                    self.pop_until_current(BODY_CONTEXT);
                    self.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            (
                TagKind::StartTag,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead"),
            )
            | (TagKind::EndTag, &local_name!("table")) => {
                let outer = self.in_scope(TABLE_SCOPE, |o| {
                    o.ns == Ns::Html
                        && matches!(
                            o.name,
                            local_name!("table") | local_name!("tbody") | local_name!("tfoot")
                        )
                });
                if outer {
                    self.pop_until_current(BODY_CONTEXT);
                    self.pop();
                    Step::Reprocess(Mode::InTable, Tok::Tag(tag))
                } else {
                    Step::Done
                }
            }
            (
                TagKind::EndTag,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html")
                | &local_name!("td")
                | &local_name!("th")
                | &local_name!("tr"),
            ) => Step::Done,
            _ => self.in_table(Tok::Tag(tag)),
        }
    }

    fn in_row(&mut self, tok: Tok) -> Step {
        let Tok::Tag(tag) = tok else {
            return self.in_table(tok);
        };
        match (tag.kind, &tag.name) {
            (TagKind::StartTag, &local_name!("th") | &local_name!("td")) => {
                self.pop_until_current(ROW_CONTEXT);
                self.insert_tag(tag);
                self.mode = Mode::InCell;
                self.push_marker();
                Step::Done
            }
            (TagKind::EndTag, &local_name!("tr")) => {
                if self.in_scope_named(TABLE_SCOPE, &local_name!("tr")) {
                    self.pop_until_current(ROW_CONTEXT);
                    self.pop();
                    self.mode = Mode::InTableBody;
                }
                Step::Done
            }
            (
                TagKind::StartTag,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead")
                | &local_name!("tr"),
            )
            | (TagKind::EndTag, &local_name!("table")) => {
                if self.in_scope_named(TABLE_SCOPE, &local_name!("tr")) {
                    self.pop_until_current(ROW_CONTEXT);
                    self.pop();
                    Step::Reprocess(Mode::InTableBody, Tok::Tag(tag))
                } else {
                    Step::Done
                }
            }
            (
                TagKind::EndTag,
                &local_name!("tbody") | &local_name!("tfoot") | &local_name!("thead"),
            ) => {
                if self.in_scope_named(TABLE_SCOPE, &tag.name)
                    && self.in_scope_named(TABLE_SCOPE, &local_name!("tr"))
                {
                    self.pop_until_current(ROW_CONTEXT);
                    self.pop();
                    return Step::Reprocess(Mode::InTableBody, Tok::Tag(tag));
                }
                Step::Done
            }
            (
                TagKind::EndTag,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html")
                | &local_name!("td")
                | &local_name!("th"),
            ) => Step::Done,
            _ => self.in_table(Tok::Tag(tag)),
        }
    }

    fn close_cell(&mut self) {
        self.generate_implied_end(None);
        self.pop_until(|o| o.has(CELL));
        self.clear_to_marker();
    }

    fn in_cell(&mut self, tok: Tok) -> Step {
        let Tok::Tag(tag) = tok else {
            return self.step(Mode::InBody, tok);
        };
        match (tag.kind, &tag.name) {
            (TagKind::EndTag, &local_name!("td") | &local_name!("th")) => {
                if self.in_scope_named(TABLE_SCOPE, &tag.name) {
                    self.generate_implied_end(None);
                    self.pop_until_named(&tag.name);
                    self.clear_to_marker();
                    self.mode = Mode::InRow;
                }
                Step::Done
            }
            (
                TagKind::StartTag,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("td")
                | &local_name!("tfoot")
                | &local_name!("th")
                | &local_name!("thead")
                | &local_name!("tr"),
            ) => {
                if self.in_scope(TABLE_SCOPE, |o| o.has(CELL)) {
                    self.close_cell();
                    Step::Reprocess(Mode::InRow, Tok::Tag(tag))
                } else {
                    Step::Done
                }
            }
            (
                TagKind::EndTag,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html"),
            ) => Step::Done,
            (
                TagKind::EndTag,
                &local_name!("table")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead")
                | &local_name!("tr"),
            ) => {
                if self.in_scope_named(TABLE_SCOPE, &tag.name) {
                    self.close_cell();
                    Step::Reprocess(Mode::InRow, Tok::Tag(tag))
                } else {
                    Step::Done
                }
            }
            _ => self.step(Mode::InBody, Tok::Tag(tag)),
        }
    }

    fn in_template(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Chars(..) | Tok::Comment(_) => return self.step(Mode::InBody, tok),
            Tok::Null => return Step::Done,
            Tok::Eof => {
                if !self.stack_has(&local_name!("template")) {
                    return Step::Done;
                }
                self.pop_until_named(&local_name!("template"));
                self.clear_to_marker();
                self.templates.pop();
                return match self.reset_mode() {
                    Some(m) => Step::Reprocess(m, Tok::Eof),
                    None => Step::Bail,
                };
            }
            Tok::Tag(tag) => tag,
        };
        let next = match (tag.kind, &tag.name) {
            (TagKind::StartTag, n) if read_in_head(n) => return self.in_head(Tok::Tag(tag)),
            (TagKind::EndTag, &local_name!("template")) => return self.in_head(Tok::Tag(tag)),
            (
                TagKind::StartTag,
                &local_name!("caption")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead"),
            ) => Mode::InTable,
            (TagKind::StartTag, &local_name!("col")) => Mode::InColumnGroup,
            (TagKind::StartTag, &local_name!("tr")) => Mode::InTableBody,
            (TagKind::StartTag, &local_name!("td") | &local_name!("th")) => Mode::InRow,
            (TagKind::StartTag, _) => Mode::InBody,
            (TagKind::EndTag, _) => return Step::Done,
        };
        self.templates.pop();
        self.templates.push(next);
        Step::Reprocess(next, Tok::Tag(tag))
    }

    // --- Foreign content ------------------------------------------------------------------

    #[inline]
    fn is_foreign(&self, tok: &Tok) -> bool {
        if let Tok::Eof = tok {
            return false;
        }
        let Some(cur) = self.current() else {
            return false;
        };
        if cur.ns == Ns::Html {
            return false;
        }
        if cur.has(INTEGRATION) {
            match tok {
                Tok::Chars(..) | Tok::Null => return false,
                Tok::Tag(t) if t.kind == TagKind::StartTag => return false,
                _ => {}
            }
        }
        true
    }

    fn foreign(&mut self, tok: Tok) -> Step {
        let tag = match tok {
            Tok::Null => return self.append_text(StrTendril::from_slice("\u{fffd}")),
            Tok::Chars(_, t) => return self.append_text(t),
            Tok::Comment(t) => return self.append_comment(t),
            Tok::Eof => return Step::Bail,
            Tok::Tag(tag) => tag,
        };
        let breaks_out = match tag.kind {
            TagKind::StartTag => match tag.name {
                local_name!("font") => tag.attrs.iter().any(|a| {
                    a.name.ns == ns!()
                        && matches!(
                            a.name.local,
                            local_name!("color") | local_name!("face") | local_name!("size")
                        )
                }),
                ref n => breaks_out_of_foreign(n),
            },
            TagKind::EndTag => matches!(tag.name, local_name!("br") | local_name!("p")),
        };
        if breaks_out {
            while self
                .current()
                .is_some_and(|o| o.ns != Ns::Html && !o.has(INTEGRATION))
            {
                self.pop();
            }
            return self.step(self.mode, Tok::Tag(tag));
        }
        match tag.kind {
            TagKind::StartTag => {
                let mut tag = tag;
                if let Some(n) = svg_tag_name(&tag.name) {
                    tag.name = n;
                }
                adjust_svg_attributes(&mut tag.attrs);
                adjust_foreign_attributes(&mut tag.attrs);
                let push = !tag.self_closing;
                self.insert(
                    Ns::Svg,
                    tag.name,
                    tag.attrs,
                    tag.had_duplicate_attributes,
                    push,
                );
                Step::Done
            }
            TagKind::EndTag => {
                let mut first = true;
                let mut i = self.open.len().saturating_sub(1);
                loop {
                    if i == 0 {
                        return Step::Done;
                    }
                    let Some(o) = self.open.get(i) else {
                        return Step::Bail;
                    };
                    let html = o.ns == Ns::Html;
                    let eq = o.name.eq_ignore_ascii_case(&tag.name);
                    if !first && html {
                        return self.step(self.mode, Tok::Tag(tag));
                    }
                    if eq {
                        self.truncate(i);
                        return Step::Done;
                    }
                    first = false;
                    i -= 1;
                }
            }
        }
    }
}

/// Start tags read by the rules of the head wherever they stand (in the body, after the
/// head, in a template).
fn read_in_head(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("noframes")
            | local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("title")
    )
}

fn breaks_out_of_foreign(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("b")
            | local_name!("big")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("br")
            | local_name!("center")
            | local_name!("code")
            | local_name!("dd")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("em")
            | local_name!("embed")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("head")
            | local_name!("hr")
            | local_name!("i")
            | local_name!("img")
            | local_name!("li")
            | local_name!("listing")
            | local_name!("menu")
            | local_name!("meta")
            | local_name!("nobr")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("ruby")
            | local_name!("s")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("strike")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("table")
            | local_name!("tt")
            | local_name!("u")
            | local_name!("ul")
            | local_name!("var")
    )
}

/// SVG element names the standard gives in mixed case (the tokenizer lower-cases them).
fn svg_tag_name(name: &LocalName) -> Option<LocalName> {
    const NAMES: &[&str] = &[
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "animateColor",
        "animateMotion",
        "animateTransform",
        "clipPath",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "foreignObject",
        "glyphRef",
        "linearGradient",
        "radialGradient",
        "textPath",
    ];
    if name.len() < 6 {
        return None;
    }
    NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(name))
        .map(|n| LocalName::from(*n))
}

/// SVG attribute names the standard gives in mixed case.
fn adjust_svg_attributes(attrs: &mut [Attribute]) {
    const NAMES: &[&str] = &[
        "attributeName",
        "attributeType",
        "baseFrequency",
        "baseProfile",
        "calcMode",
        "clipPathUnits",
        "diffuseConstant",
        "edgeMode",
        "filterUnits",
        "glyphRef",
        "gradientTransform",
        "gradientUnits",
        "kernelMatrix",
        "kernelUnitLength",
        "keyPoints",
        "keySplines",
        "keyTimes",
        "lengthAdjust",
        "limitingConeAngle",
        "markerHeight",
        "markerUnits",
        "markerWidth",
        "maskContentUnits",
        "maskUnits",
        "numOctaves",
        "pathLength",
        "patternContentUnits",
        "patternTransform",
        "patternUnits",
        "pointsAtX",
        "pointsAtY",
        "pointsAtZ",
        "preserveAlpha",
        "preserveAspectRatio",
        "primitiveUnits",
        "refX",
        "refY",
        "repeatCount",
        "repeatDur",
        "requiredExtensions",
        "requiredFeatures",
        "specularConstant",
        "specularExponent",
        "spreadMethod",
        "startOffset",
        "stdDeviation",
        "stitchTiles",
        "surfaceScale",
        "systemLanguage",
        "tableValues",
        "targetX",
        "targetY",
        "textLength",
        "viewBox",
        "viewTarget",
        "xChannelSelector",
        "yChannelSelector",
        "zoomAndPan",
    ];
    for a in attrs {
        if let Some(n) = NAMES.iter().find(|n| n.eq_ignore_ascii_case(&a.name.local)) {
            a.name = QualName::new(None, ns!(), LocalName::from(*n));
        }
    }
}

/// `xlink:`, `xml:` and `xmlns` attributes, put in their namespaces.
fn adjust_foreign_attributes(attrs: &mut [Attribute]) {
    for a in attrs {
        let (prefix, ns, local): (Option<&str>, Namespace, &str) = match &*a.name.local {
            "xlink:actuate" => (Some("xlink"), ns!(xlink), "actuate"),
            "xlink:arcrole" => (Some("xlink"), ns!(xlink), "arcrole"),
            "xlink:href" => (Some("xlink"), ns!(xlink), "href"),
            "xlink:role" => (Some("xlink"), ns!(xlink), "role"),
            "xlink:show" => (Some("xlink"), ns!(xlink), "show"),
            "xlink:title" => (Some("xlink"), ns!(xlink), "title"),
            "xlink:type" => (Some("xlink"), ns!(xlink), "type"),
            "xml:lang" => (Some("xml"), ns!(xml), "lang"),
            "xml:space" => (Some("xml"), ns!(xml), "space"),
            "xmlns" => (None, ns!(xmlns), "xmlns"),
            "xmlns:xlink" => (Some("xmlns"), ns!(xmlns), "xlink"),
            _ => continue,
        };
        a.name = QualName::new(
            prefix.map(html5ever::Prefix::from),
            ns,
            LocalName::from(local),
        );
    }
}
