//! The parsed page: a compact arena tree that html5ever's tree builder fills.
//!
//! Nodes live in one `Vec`, linked by `u32` indices; attributes of all elements live in a
//! second `Vec`, each element holding a range of it. Text nodes keep html5ever's tendrils,
//! which share the input buffer instead of copying it. A node takes 48 bytes, about a third
//! of a general-purpose DOM's, and building the tree allocates little beyond the two vectors.
//! Nothing here recurses, so neither building nor dropping the tree depends on its depth.

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::RefCell;

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = u32;

/// Index of "no node".
pub(crate) const NO_NODE: NodeId = u32::MAX;

/// The document node's index.
pub(crate) const DOCUMENT: NodeId = 0;

/// Attributes an element keeps; more (from repeated `<html>`/`<body>` tags) are ignored.
const MAX_MERGED_ATTRIBUTES: u32 = 256;

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
    /// A comment, doctype, processing instruction or template contents: never read.
    Other,
}

/// An element: its name and its range of [`Dom::attrs`].
#[derive(Debug)]
pub(crate) struct Element {
    pub name: LocalName,
    attrs_start: u32,
    /// Attributes (at most `u16::MAX`; the pre-pass keeps far fewer).
    attrs_len: u16,
    ns: Ns,
}

/// The namespaces the HTML tree builder creates elements in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

impl Ns {
    fn of(ns: &Namespace) -> Ns {
        if *ns == ns!(svg) {
            Ns::Svg
        } else if *ns == ns!(mathml) {
            Ns::MathMl
        } else {
            Ns::Html
        }
    }

    fn namespace(self) -> Namespace {
        match self {
            Ns::Html => ns!(html),
            Ns::Svg => ns!(svg),
            Ns::MathMl => ns!(mathml),
        }
    }
}

/// One node and its links.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: NodeId,
    pub prev_sibling: NodeId,
    pub next_sibling: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub data: NodeData,
}

/// The parsed page: the tree, and the attribute values its elements point into. The two
/// are apart so that the tree can be freed while values read from it are still in use.
#[derive(Debug, Default)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub attrs: Attrs,
}

/// The attributes of all elements, each element holding a range.
#[derive(Debug, Default)]
pub(crate) struct Attrs(Vec<(LocalName, StrTendril)>);

/// Read access to a tree (`'t`) and its attributes (`'a`).
#[derive(Clone, Copy)]
pub(crate) struct View<'t, 'a> {
    nodes: &'t [Node],
    attrs: &'a Attrs,
}

/// An element with access to its attributes.
#[derive(Clone, Copy)]
pub(crate) struct ElementRef<'t, 'a> {
    pub id: NodeId,
    el: &'t Element,
    attrs: &'a Attrs,
}

impl<'t, 'a> ElementRef<'t, 'a> {
    /// The tag name (lower case for HTML elements).
    pub fn name(&self) -> &'t str {
        &self.el.name
    }

    /// The tag name as an atom (cheap to keep).
    pub fn local_name(&self) -> LocalName {
        self.el.name.clone()
    }

    /// The tag name's atom, borrowed: cheap to compare and hash.
    pub fn atom(&self) -> &'t LocalName {
        &self.el.name
    }

    /// Attributes as (name, value) pairs, in source order.
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let start = self.el.attrs_start as usize;
        let end = start + self.el.attrs_len as usize;
        self.attrs
            .0
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|(n, v)| (&**n, &**v))
    }

    /// The value of the attribute called `name`.
    pub fn attr(&self, name: impl AttrName) -> Option<&'a str> {
        self.attr_slice().get(name)
    }

    /// Attributes as (name, value) pairs with their names as atoms, in source order.
    pub fn attr_atoms(&self) -> impl Iterator<Item = (&'a LocalName, &'a str)> + 'a {
        self.attr_slice().0.iter().map(|(n, v)| (n, &**v))
    }

    /// The element's attributes, to keep and read later.
    pub fn attr_slice(&self) -> AttrSlice<'a> {
        let start = self.el.attrs_start as usize;
        let end = start + usize::from(self.el.attrs_len);
        AttrSlice(self.attrs.0.get(start..end).unwrap_or_default())
    }
}

/// One element's attributes, apart from the tree.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AttrSlice<'a>(&'a [(LocalName, StrTendril)]);

impl<'a> AttrSlice<'a> {
    /// The value of the attribute called `name`.
    pub fn get(self, name: impl AttrName) -> Option<&'a str> {
        self.0.iter().find(|(n, _)| name.is(n)).map(|(_, v)| &**v)
    }
}

/// The name of an attribute to look up: a `&str`, or a `LocalName`, which compares as one
/// integer (an atom of the names html5ever knows, `local_name!("class")`, is the same atom
/// as the one the parser made). Attributes are read for every element, so the hot lookups
/// use atoms.
pub(crate) trait AttrName {
    /// True when the attribute called `name` is this one.
    fn is(&self, name: &LocalName) -> bool;
}

impl AttrName for &str {
    fn is(&self, name: &LocalName) -> bool {
        &**name == *self
    }
}

impl AttrName for LocalName {
    fn is(&self, name: &LocalName) -> bool {
        name == self
    }
}

impl<'t, 'a> View<'t, 'a> {
    pub fn new(nodes: &'t [Node], attrs: &'a Attrs) -> Self {
        View { nodes, attrs }
    }

    pub fn node(&self, id: NodeId) -> Option<&'t Node> {
        self.nodes.get(id as usize)
    }

    /// The element at `id`, if that node is one.
    pub fn element(&self, id: NodeId) -> Option<ElementRef<'t, 'a>> {
        match &self.node(id)?.data {
            NodeData::Element(el) => Some(ElementRef {
                id,
                el,
                attrs: self.attrs,
            }),
            _ => None,
        }
    }

    /// The text of the node at `id`, if it is a text node.
    pub fn text(&self, id: NodeId) -> Option<&'t str> {
        match &self.node(id)?.data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// How many elements and how many text nodes the tree holds.
    pub fn counts(&self) -> (usize, usize) {
        self.nodes.iter().fold((0, 0), |(e, t), n| match n.data {
            NodeData::Element(_) => (e + 1, t),
            NodeData::Text(_) => (e, t + 1),
            _ => (e, t),
        })
    }

    /// Direct children of `id`, in order.
    pub fn children(self, id: NodeId) -> impl Iterator<Item = NodeId> + 't {
        let nodes = self.nodes;
        let first = self.node(id).map_or(NO_NODE, |n| n.first_child);
        std::iter::successors(Some(first).filter(|&c| c != NO_NODE), move |&c| {
            nodes
                .get(c as usize)
                .map(|n| n.next_sibling)
                .filter(|&s| s != NO_NODE)
        })
    }

    /// `id` and every node below it, in document order (iterative).
    pub fn descendants(self, id: NodeId) -> Descendants<'t> {
        Descendants {
            nodes: self.nodes,
            root: id,
            next: if self.node(id).is_some() { id } else { NO_NODE },
        }
    }
}

impl Dom {
    /// Parses a whole document with html5ever alone, without the limits of
    /// [`crate::parse`]: for unit tests. With `scripting` on, as browsers parse, `<noscript>`
    /// holds raw text; with it off, its content is markup.
    #[cfg(test)]
    pub fn parse(html: &str, scripting: bool) -> Dom {
        use html5ever::tendril::TendrilSink;
        let mut opts = html5ever::ParseOpts::default();
        opts.tree_builder.scripting_enabled = scripting;
        html5ever::parse_document(Builder::new(html), opts).one(html)
    }

    /// Bytes the tree holds in its two vectors (not counting the text, which shares the
    /// input's buffers, nor attribute values, which clones share).
    pub fn bytes(&self) -> usize {
        nodes_bytes(&self.nodes)
            + self.attrs.0.len() * std::mem::size_of::<(LocalName, StrTendril)>()
    }

    /// An empty document, its vectors sized from the markup so that they seldom grow.
    fn with_capacity(html: &str) -> Dom {
        // An element has a start and most often an end tag, and about one text node.
        let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
        let mut nodes = Vec::with_capacity(tags.min(1 << 22) + 8);
        nodes.push(Node::new(NodeData::Document));
        Dom {
            nodes,
            attrs: Attrs::default(),
        }
    }

    /// The tree written out one node per line, indented by depth: elements with their
    /// namespace and attributes in order, text escaped, other nodes as `#other`. Two trees
    /// are the same when their dumps are; for the differential test of the tokenizers.
    pub fn dump(&self) -> String {
        use std::fmt::Write;
        let view = View::new(&self.nodes, &self.attrs);
        let mut out = String::new();
        // (node, depth), iteratively: the tree may be deep.
        let mut stack = vec![(DOCUMENT, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            let Some(node) = view.node(id) else { continue };
            let _ = write!(out, "{:width$}", "", width = depth.min(512));
            match &node.data {
                NodeData::Document => out.push_str("#document"),
                NodeData::Element(el) => {
                    let _ = write!(out, "<{:?}:{}", el.ns, el.name);
                    if let Some(e) = view.element(id) {
                        for (n, v) in e.attrs() {
                            let _ = write!(out, " {n}={v:?}");
                        }
                    }
                    out.push('>');
                }
                NodeData::Text(t) => {
                    let _ = write!(out, "{:?}", &**t);
                }
                NodeData::Other => out.push_str("#other"),
            }
            out.push('\n');
            let children: Vec<NodeId> = view.children(id).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
        out
    }

    /// Read access to the whole page.
    #[cfg(test)]
    pub fn view(&self) -> View<'_, '_> {
        View::new(&self.nodes, &self.attrs)
    }

    fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    fn get_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        self.nodes.get_mut(id as usize)
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node::new(data));
        id
    }

    /// Unlinks a node from its parent and siblings.
    fn detach(&mut self, id: NodeId) {
        let Some(node) = self.node(id) else { return };
        let (parent, prev, next) = (node.parent, node.prev_sibling, node.next_sibling);
        if let Some(p) = self.get_mut(prev) {
            p.next_sibling = next;
        } else if let Some(p) = self.get_mut(parent) {
            p.first_child = next;
        }
        if let Some(n) = self.get_mut(next) {
            n.prev_sibling = prev;
        } else if let Some(p) = self.get_mut(parent) {
            p.last_child = prev;
        }
        if let Some(node) = self.get_mut(id) {
            node.parent = NO_NODE;
            node.prev_sibling = NO_NODE;
            node.next_sibling = NO_NODE;
        }
    }

    /// Makes `child` (detached first) the last child of `parent`.
    fn append_child(&mut self, parent: NodeId, child: NodeId) {
        if self.node(parent).is_none() || parent == child {
            return;
        }
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        if let Some(l) = self.get_mut(last) {
            l.next_sibling = child;
        } else {
            self.nodes[parent as usize].first_child = child;
        }
        self.nodes[parent as usize].last_child = child;
        if let Some(c) = self.get_mut(child) {
            c.parent = parent;
            c.prev_sibling = last;
        }
    }

    /// Puts `child` (detached first) just before `sibling`.
    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        let Some(s) = self.node(sibling) else { return };
        let (parent, prev) = (s.parent, s.prev_sibling);
        if parent == NO_NODE || child == sibling {
            return;
        }
        self.detach(child);
        // Detaching may have changed the sibling's links when `child` was its neighbour.
        let prev = if prev == child {
            self.nodes[sibling as usize].prev_sibling
        } else {
            prev
        };
        if let Some(p) = self.get_mut(prev) {
            p.next_sibling = child;
        } else if let Some(p) = self.get_mut(parent) {
            p.first_child = child;
        }
        self.nodes[sibling as usize].prev_sibling = child;
        if let Some(c) = self.get_mut(child) {
            c.parent = parent;
            c.prev_sibling = prev;
            c.next_sibling = sibling;
        }
    }

    /// Appends text to a text node, or makes one.
    fn text_node_append(&mut self, existing: NodeId, text: &StrTendril) -> bool {
        match self.get_mut(existing).map(|n| &mut n.data) {
            Some(NodeData::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// Bytes a vector of nodes holds.
pub(crate) fn nodes_bytes(nodes: &[Node]) -> usize {
    std::mem::size_of_val(nodes)
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: NO_NODE,
            prev_sibling: NO_NODE,
            next_sibling: NO_NODE,
            first_child: NO_NODE,
            last_child: NO_NODE,
            data,
        }
    }
}

/// Preorder iterator over a subtree, by the nodes' links (no stack).
pub(crate) struct Descendants<'t> {
    nodes: &'t [Node],
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let current = self.next;
        let node = self.nodes.get(current as usize)?;
        self.next = if node.first_child != NO_NODE {
            node.first_child
        } else {
            // Climb to the nearest ancestor (within the subtree) with a next sibling.
            let mut n = current;
            loop {
                if n == self.root {
                    break NO_NODE;
                }
                let Some(node) = self.nodes.get(n as usize) else {
                    break NO_NODE;
                };
                if node.next_sibling != NO_NODE {
                    break node.next_sibling;
                }
                n = node.parent;
            }
        };
        Some(current)
    }
}

/// The tree sink: html5ever calls it to build the [`Dom`].
pub(crate) struct Builder {
    pub dom: RefCell<Dom>,
    /// The quirks mode the tree builder last set (read by dechrome's own tree builder, which
    /// asks html5ever's for the quirks mode of an unusual doctype).
    pub quirks: std::cell::Cell<Option<QuirksMode>>,
}

impl Builder {
    /// A sink for the document `html`, its vectors sized from the markup.
    pub fn new(html: &str) -> Builder {
        Builder {
            dom: RefCell::new(Dom::with_capacity(html)),
            quirks: std::cell::Cell::new(None),
        }
    }
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
pub(crate) struct Name {
    ns: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl TreeSink for Builder {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        match self.dom.borrow().node(*target).map(|n| &n.data) {
            Some(NodeData::Element(el)) => Name {
                ns: el.ns.namespace(),
                local: el.name.clone(),
            },
            _ => Name {
                ns: Namespace::default(),
                local: LocalName::default(),
            },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut dom = self.dom.borrow_mut();
        let attrs_start = dom.attrs.0.len() as u32;
        let kept = attrs.len().min(usize::from(u16::MAX));
        if kept > 0 {
            dom.attrs.0.reserve(kept);
            for a in attrs.into_iter().take(kept) {
                dom.attrs.0.push((a.name.local, a.value));
            }
        }
        let id = dom.push(NodeData::Element(Element {
            name: name.local,
            ns: Ns::of(&name.ns),
            attrs_start,
            attrs_len: kept as u16,
        }));
        if flags.template {
            // The template's contents: a detached node right after it (never walked).
            dom.push(NodeData::Other);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => dom.append_child(*parent, node),
            NodeOrText::AppendText(text) => {
                let last = dom.node(*parent).map_or(NO_NODE, |p| p.last_child);
                if !dom.text_node_append(last, &text) {
                    let node = dom.push(NodeData::Text(text));
                    dom.append_child(*parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .dom
            .borrow()
            .node(*element)
            .is_some_and(|n| n.parent != NO_NODE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut dom = self.dom.borrow_mut();
        let node = dom.push(NodeData::Other);
        dom.append_child(DOCUMENT, node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        target.saturating_add(1)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.quirks.set(Some(mode));
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => dom.insert_before(*sibling, node),
            NodeOrText::AppendText(text) => {
                let prev = dom.node(*sibling).map_or(NO_NODE, |s| s.prev_sibling);
                if !dom.text_node_append(prev, &text) {
                    let node = dom.push(NodeData::Text(text));
                    dom.insert_before(*sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        let Some(NodeData::Element(el)) = dom.node(*target).map(|n| &n.data) else {
            return;
        };
        let (start, len) = (el.attrs_start as usize, el.attrs_len as usize);
        let mut merged: Vec<(LocalName, StrTendril)> = dom
            .attrs
            .0
            .get(start..start + len)
            .unwrap_or_default()
            .to_vec();
        for a in attrs {
            if merged.len() as u32 >= MAX_MERGED_ATTRIBUTES {
                break;
            }
            if !merged.iter().any(|(n, _)| *n == a.name.local) {
                merged.push((a.name.local, a.value));
            }
        }
        if merged.len() == len || merged.len() > usize::from(u16::MAX) {
            return;
        }
        // The element's range moves to the end of the table.
        let new_start = dom.attrs.0.len() as u32;
        let new_len = merged.len() as u16;
        dom.attrs.0.extend(merged);
        if let Some(NodeData::Element(el)) = dom.get_mut(*target).map(|n| &mut n.data) {
            el.attrs_start = new_start;
            el.attrs_len = new_len;
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        let mut child = dom.node(*node).map_or(NO_NODE, |n| n.first_child);
        while child != NO_NODE {
            let next = dom.node(child).map_or(NO_NODE, |n| n.next_sibling);
            dom.append_child(*new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree in a bracketed notation: elements as `name(children)`, text quoted.
    fn shape(dom: View<'_, '_>, id: NodeId) -> String {
        let mut out = String::new();
        for c in dom.children(id) {
            if let Some(el) = dom.element(c) {
                out.push_str(el.name());
                out.push('(');
                out.push_str(&shape(dom, c));
                out.push(')');
            } else if let Some(t) = dom.text(c) {
                out.push_str(&format!("{t:?}"));
            }
        }
        out
    }

    #[test]
    fn builds_the_tree_html5ever_describes() {
        let parsed = Dom::parse("<title>T</title><p>a<b>b</b>c<p>d", true);
        let dom = parsed.view();
        assert_eq!(
            shape(dom, DOCUMENT),
            "html(head(title(\"T\"))body(p(\"a\"b(\"b\")\"c\")p(\"d\")))"
        );
    }

    #[test]
    fn misnested_and_foster_parented_content_is_moved_as_browsers_do() {
        // The adoption agency algorithm reparents children; table text is foster-parented.
        let parsed = Dom::parse(
            "<body><b>1<p>2</b>3</p><table>x<tr><td>y</td></tr>z</table>",
            true,
        );
        let dom = parsed.view();
        assert_eq!(
            shape(dom, DOCUMENT),
            "html(head()body(b(\"1\")p(b(\"2\")\"3\")\"xz\"table(tbody(tr(td(\"y\"))))))"
        );
    }

    #[test]
    fn attributes_are_read_and_merged_from_repeated_body_tags() {
        let parsed = Dom::parse(
            "<body class=a><div id=x data-k=v>t</div><body class=b lang=en>",
            true,
        );
        let dom = parsed.view();
        let body = dom
            .descendants(DOCUMENT)
            .find_map(|n| dom.element(n).filter(|e| e.name() == "body"));
        let body = body.map(|b| b.attrs().collect::<Vec<_>>());
        assert_eq!(body, Some(vec![("class", "a"), ("lang", "en")]));
        let div = dom
            .descendants(DOCUMENT)
            .find_map(|n| dom.element(n).filter(|e| e.name() == "div"));
        assert_eq!(div.and_then(|d| d.attr("data-k")), Some("v"));
        assert_eq!(div.and_then(|d| d.attr("id")), Some("x"));
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let parsed = Dom::parse("<body><template><p>hidden</p></template><p>shown</p>", true);
        let dom = parsed.view();
        assert_eq!(
            shape(dom, DOCUMENT),
            "html(head()body(template()p(\"shown\")))"
        );
    }

    #[test]
    fn descendants_cover_exactly_the_subtree() {
        let parsed = Dom::parse("<body><div><p>a</p><p>b</p></div><p>c</p>", true);
        let dom = parsed.view();
        let div = dom
            .descendants(DOCUMENT)
            .find(|&n| dom.element(n).is_some_and(|e| e.name() == "div"));
        let texts: Vec<&str> = div
            .map(|d| dom.descendants(d).filter_map(|n| dom.text(n)).collect())
            .unwrap_or_default();
        assert_eq!(texts, ["a", "b"]);
    }
}
