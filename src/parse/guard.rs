//! The guard between html5ever's tokenizer and its tree builder.
//!
//! The tree builder scans its stack of open elements, and its list of active formatting
//! elements, for almost every tag: to find an element in scope, to close implied ends, to
//! reconstruct formatting elements into a new paragraph, to run the adoption agency. On a
//! page that keeps both growing, each tag costs time in proportion to the page, and the whole
//! parse is quadratic. A pre-pass can try to predict that state, but the tree builder's rules
//! (foreign content, implied ends, scope boundaries, misnesting) are too many to mirror.
//!
//! So the guard reads the state itself. Before each start tag reaches the tree builder, it
//! counts the handles the builder holds (through [`TreeBuilder::trace_handles`]): the open
//! elements, the active formatting elements, and the head and form pointers.
//!
//! **Invariant.** A start tag is handed on only while that count — the *load* — is below
//! [`Limits::max_depth`]. Every other token can add at most one clone per active formatting
//! element (reconstruction) or one element that is closed at once (`</p>`, `</br>`), so the
//! stack and the list never hold more than about twice the limit, and every scan the tree
//! builder makes is bounded by a constant. A dropped start tag's text stays, in its parent;
//! its end tag is dropped too (tracked by name, for a bounded number of names).
//!
//! The guard also stops building, by dropping every later token, once the tree passes the
//! node limit or the memory budget: an error is returned after at most one token's worth of
//! nodes beyond it.

use super::tokenizer::ByRef;
use super::tokenizer::Fold;
use crate::dom::{Builder, Dom, NodeId};
use crate::error::Error;
use crate::limits::{Budget, Limits};
use html5ever::interface::Tracer;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::LocalName;
use std::cell::{Cell, RefCell};

/// Which tokenizer feeds the tree builder.
pub(super) enum Reader {
    /// dechrome's own, doing the pre-pass's work too when given a [`Fold`].
    Own(Option<Fold>),
    /// html5ever's, on markup the pre-pass has already gone over.
    Html5ever,
}

/// How many distinct tag names the guard remembers dropping, so that their end tags go too
/// (bounded, for pages made of many distinct custom elements).
const MAX_DROPPED_NAMES: usize = 64;

/// Parses `html` within the limits (see the module documentation); also returns the size of
/// the largest `<noscript>` body the tokenizer left out, when it does the pre-pass's work.
pub(crate) fn parse(
    html: &str,
    scripting: bool,
    limits: &Limits,
    budget: &Budget,
    reader: Reader,
) -> Result<(Dom, usize), Error> {
    let opts = TreeBuilderOpts {
        scripting_enabled: scripting,
        ..TreeBuilderOpts::default()
    };
    let guard = Guard {
        builder: TreeBuilder::new(Builder::new(html), opts),
        max_load: limits.max_depth.max(4),
        max_nodes: limits.max_nodes,
        budget,
        charged: Cell::new(0),
        dropped: RefCell::new(Vec::new()),
        cached_load: Cell::new(None),
        marker_tags: Cell::new(0),
        failed: RefCell::new(None),
        #[cfg(test)]
        peak: Cell::new(0),
    };
    let noscript_bytes = match reader {
        Reader::Own(fold) => super::tokenizer::run(html, &guard, fold),
        Reader::Html5ever => {
            let tokenizer = Tokenizer::new(ByRef(&guard), TokenizerOpts::default());
            let input = BufferQueue::default();
            input.push_back(StrTendril::from_slice(html));
            // The guard never asks the tokenizer to pause for a script, so one call reads it
            // all.
            let _ = tokenizer.feed(&input);
            tokenizer.end();
            0
        }
    };
    #[cfg(test)]
    PEAK.with(|p| p.set(guard.peak.get()));
    if let Some(err) = guard.failed.into_inner() {
        return Err(err);
    }
    Ok((guard.builder.sink.dom.into_inner(), noscript_bytes))
}

#[cfg(test)]
thread_local! {
    /// The peak load of the last parse on this thread.
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

/// The token sink that wraps the tree builder.
struct Guard<'b> {
    builder: TreeBuilder<NodeId, Builder>,
    max_load: usize,
    max_nodes: usize,
    budget: &'b Budget,
    /// Bytes of the tree charged to the budget so far.
    charged: Cell<usize>,
    /// Names of dropped start tags, with how many of their end tags are still to drop.
    dropped: RefCell<Vec<(LocalName, usize)>>,
    /// The load last counted, while no token has reached the builder since (a run of
    /// dropped tags, the common case past the bound, counts once).
    cached_load: Cell<Option<usize>>,
    /// Marker-pushing start tags admitted so far ([`MAX_MARKER_TAGS`]).
    marker_tags: Cell<usize>,
    /// Why building stopped.
    failed: RefCell<Option<Error>>,
    /// The highest load seen after any token, for the tests of the invariant.
    #[cfg(test)]
    peak: Cell<usize>,
}

/// Counts the handles the tree builder holds.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;
    fn trace_handle(&self, _node: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// Elements whose start tag puts a marker on the tree builder's list of active formatting
/// elements. Their end tag clears it, but a table closed around them pops them without it,
/// so markers can pile up without bound; the builder never scans past the last one, but the
/// guard's count walks the whole list (see [`MAX_MARKER_TAGS`]).
fn is_marker_tag(name: &LocalName) -> bool {
    matches!(&**name, "applet" | "object" | "marquee")
}

/// How many marker-pushing start tags ([`is_marker_tag`]) a page may open; later ones are
/// dropped like tags past the depth limit (their text stays). Without this, a page of
/// `<applet><table>` repeated made each count walk every marker so far: 1 MB took 3 s, and
/// the time grew with the square of the page.
const MAX_MARKER_TAGS: usize = 512;

/// Elements that are closed as soon as they are inserted: they never stay on the stack.
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

impl Guard<'_> {
    /// Handles the tree builder holds: open elements, active formatting elements, and the
    /// document, head and form pointers.
    fn load(&self) -> usize {
        if let Some(load) = self.cached_load.get() {
            return load;
        }
        let count = Count(Cell::new(0));
        self.builder.trace_handles(&count);
        self.cached_load.set(Some(count.0.get()));
        count.0.get()
    }

    /// Whether a token goes on to the tree builder.
    fn admits(&self, token: &Token) -> bool {
        let Token::TagToken(tag) = token else {
            return true;
        };
        match tag.kind {
            TagKind::StartTag => {
                // A void element is closed at once, but only in HTML: inside SVG or MathML an
                // `<input>` stays open, and a self-closed `<div/>` breaks out and opens a div.
                let closes_at_once = is_void(&tag.name)
                    && !self
                        .builder
                        .adjusted_current_node_present_but_not_in_html_namespace();
                let marks = is_marker_tag(&tag.name);
                let over_marks = marks && self.marker_tags.get() >= MAX_MARKER_TAGS;
                if !over_marks && (closes_at_once || self.load() < self.max_load) {
                    self.marker_tags
                        .set(self.marker_tags.get() + usize::from(marks));
                    return true;
                }
                let mut dropped = self.dropped.borrow_mut();
                if let Some(d) = dropped.iter_mut().find(|(n, _)| *n == tag.name) {
                    d.1 += 1;
                } else if dropped.len() < MAX_DROPPED_NAMES {
                    dropped.push((tag.name.clone(), 1));
                }
                // (Untracked names keep their end tags, which close what they close.)
                false
            }
            TagKind::EndTag => {
                let mut dropped = self.dropped.borrow_mut();
                match dropped.iter_mut().find(|(n, c)| *c > 0 && *n == tag.name) {
                    Some(d) => {
                        d.1 -= 1;
                        false
                    }
                    None => true,
                }
            }
        }
    }

    /// Charges the tree's growth to the budget; false once building must stop.
    fn account(&self) -> bool {
        let (nodes, bytes) = {
            let dom = self.builder.sink.dom.borrow();
            (dom.nodes.len(), dom.bytes())
        };
        let error = if nodes > self.max_nodes {
            Some(Error::TooManyNodes {
                nodes,
                limit: self.max_nodes,
            })
        } else {
            let grown = bytes.saturating_sub(self.charged.get());
            self.charged.set(bytes.max(self.charged.get()));
            self.budget.charge("parse", grown).err()
        };
        match error {
            Some(e) => {
                *self.failed.borrow_mut() = Some(e);
                false
            }
            None => true,
        }
    }
}

impl TokenSink for Guard<'_> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.failed.borrow().is_some() {
            return TokenSinkResult::Continue;
        }
        if let Err(e) = self.budget.deadline.tick("parse") {
            *self.failed.borrow_mut() = Some(e);
            return TokenSinkResult::Continue;
        }
        if !self.admits(&token) {
            return TokenSinkResult::Continue;
        }
        self.cached_load.set(None);
        let result = self.builder.process_token(token, line_number);
        self.account();
        #[cfg(test)]
        self.peak.set(self.peak.get().max(self.load()));
        match result {
            // Scripts are never run and the charset is settled before parsing: the tokenizer
            // never pauses (and must not, in its final flush).
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                TokenSinkResult::Continue
            }
            other => other,
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{View, DOCUMENT};

    use crate::parse::hostile;

    fn limits(max_depth: usize) -> Limits {
        Limits {
            max_depth,
            ..Limits::default()
        }
    }

    /// Parses with the guard and returns the tree and the peak load.
    fn parse_with(html: &str, limits: &Limits) -> (Result<Dom, Error>, usize) {
        let budget = Budget::new(limits, 0);
        let dom = parse(html, true, limits, &budget, Reader::Own(None)).map(|(d, _)| d);
        (dom, PEAK.with(Cell::get))
    }

    fn depth(dom: &Dom) -> usize {
        let view = View::new(&dom.nodes, &dom.attrs);
        view.descendants(DOCUMENT)
            .map(|n| {
                std::iter::successors(Some(n), |&p| {
                    view.node(p)
                        .map(|x| x.parent)
                        .filter(|&x| x != crate::dom::NO_NODE)
                })
                .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn the_load_stays_bounded_on_every_generated_shape() {
        // The invariant, checked generically: whatever the grammar draws, the tree builder's
        // handles never exceed about twice the limit.
        let max = 24;
        for shape in hostile::named().into_iter().chain(hostile::shapes(7, 400)) {
            let page = shape.page(600);
            let (_, peak) = parse_with(&page, &limits(max));
            assert!(peak <= 2 * max + 8, "load {peak} on {}", shape.name);
        }
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_and_its_text_kept() {
        let page = format!(
            "<body>{}deep text{}<p>after</p>",
            "<div>".repeat(500),
            "</div>".repeat(500)
        );
        let (dom, _) = parse_with(&page, &limits(16));
        let dom = dom.expect("parses");
        assert!(depth(&dom) <= 16, "depth {}", depth(&dom));
        let view = View::new(&dom.nodes, &dom.attrs);
        let texts: Vec<&str> = view
            .descendants(DOCUMENT)
            .filter_map(|n| view.text(n))
            .collect();
        assert_eq!(texts, ["deep text", "after"]);
        // The dropped divs' end tags went with them: "after" is not inside any div.
        let after = view
            .descendants(DOCUMENT)
            .find(|&n| view.text(n) == Some("after"))
            .expect("after");
        let mut up = after;
        while let Some(parent) = view
            .node(up)
            .map(|n| n.parent)
            .filter(|&p| p != crate::dom::NO_NODE)
        {
            assert_ne!(view.element(parent).map(|e| e.name()), Some("div"));
            up = parent;
        }
    }

    #[test]
    fn building_stops_at_the_node_limit() {
        // 200 open formatting elements are cloned into each of 5,000 paragraphs.
        let run: String = (0..200).map(|i| format!("<b class=c{i}>")).collect();
        let page = format!("<body><p>{run}{}", "<p>x".repeat(5_000));
        // (With the default depth the guard drops the paragraphs once the formatting run
        // fills the builder's state; a deeper limit lets every clone be built.)
        let small = Limits {
            max_nodes: 10_000,
            max_depth: 1_000,
            ..Limits::default()
        };
        match parse_with(&page, &small).0 {
            Err(Error::TooManyNodes { nodes, limit }) => {
                assert_eq!(limit, 10_000);
                assert!(nodes <= 10_000 + 2 * small.max_depth + 8, "{nodes} nodes");
            }
            other => panic!(
                "expected TooManyNodes, got {:?}",
                other.map(|d| d.nodes.len())
            ),
        }
        let tight = Limits {
            max_memory: 1 << 20,
            max_depth: 1_000,
            ..Limits::default()
        };
        assert_eq!(
            parse_with(&page, &tight).0.err(),
            Some(Error::MemoryLimit {
                stage: "parse",
                limit: 1 << 20
            })
        );
    }

    #[test]
    fn ordinary_markup_builds_the_same_tree_as_html5ever_alone() {
        let page = "<title>T</title><p>a<b>b<p>c</b>d<table><tr><td>x<ul><li>1<li>2</ul></table>\
                    <svg><path/><style>s</style></svg><select><option>o<option>p</select>";
        let (dom, _) = parse_with(page, &Limits::default());
        let dom = dom.expect("parses");
        let plain = Dom::parse(page, true);
        let shape = |d: &Dom| {
            let v = View::new(&d.nodes, &d.attrs);
            v.descendants(DOCUMENT)
                .map(|n| {
                    v.element(n)
                        .map(|e| e.name().to_string())
                        .or_else(|| v.text(n).map(str::to_string))
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&dom), shape(&plain));
    }
}
