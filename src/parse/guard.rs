//! The guard between the tokenizer and the tree builder (dechrome's own, [`Own`], or
//! html5ever's, which builds the pages the own one gives up on and the reference path).
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

use super::builder::Own;
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
use html5ever::{local_name, LocalName};
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
    let sink = Builder::new(html);
    let sink = match reader {
        Reader::Own(fold) => match Own::new(sink, scripting) {
            Ok(own) => {
                // dechrome's tree builder first; a page it gives up on is built again by
                // html5ever's, its charge to the budget returned first.
                let guard = Guard::new(own, limits, budget);
                let noscript_bytes = super::tokenizer::run(html, &guard, fold);
                #[cfg(test)]
                PEAK.with(|p| p.set(guard.peak.get()));
                if let Some(err) = guard.failed.into_inner() {
                    return Err(err);
                }
                if !guard.builder.bailed() {
                    return Ok((guard.builder.into_sink().dom.into_inner(), noscript_bytes));
                }
                budget.release(guard.charged.get());
                Builder::new(html)
            }
            Err(sink) => sink,
        },
        Reader::Html5ever => sink,
    };
    let guard = Guard::new(TreeBuilder::new(sink, opts), limits, budget);
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

/// A tree builder behind the guard: html5ever's, or dechrome's own ([`Own`]).
trait Construct {
    fn process(&self, token: Token) -> TokenSinkResult<NodeId>;
    fn finish(&self);
    /// The handles the builder holds ([`TreeBuilder::trace_handles`]).
    fn handles(&self) -> usize;
    fn current_is_foreign(&self) -> bool;
    /// The tree's nodes and bytes so far.
    fn size(&self) -> (usize, usize);
    /// Whether the builder gave up on the page.
    fn bailed(&self) -> bool {
        false
    }
}

impl Construct for TreeBuilder<NodeId, Builder> {
    fn process(&self, token: Token) -> TokenSinkResult<NodeId> {
        TokenSink::process_token(self, token, 1)
    }
    fn finish(&self) {
        TokenSink::end(self);
    }
    fn handles(&self) -> usize {
        let count = Count(Cell::new(0));
        self.trace_handles(&count);
        count.0.get()
    }
    fn current_is_foreign(&self) -> bool {
        self.adjusted_current_node_present_but_not_in_html_namespace()
    }
    fn size(&self) -> (usize, usize) {
        let dom = self.sink.dom.borrow();
        (dom.nodes.len(), dom.bytes())
    }
}

impl Construct for Own {
    #[inline]
    fn process(&self, token: Token) -> TokenSinkResult<NodeId> {
        self.process_token(token)
    }
    fn finish(&self) {}
    fn handles(&self) -> usize {
        self.load()
    }
    fn current_is_foreign(&self) -> bool {
        Own::current_is_foreign(self)
    }
    fn size(&self) -> (usize, usize) {
        self.with_sink(|s| {
            let dom = s.dom.borrow();
            (dom.nodes.len(), dom.bytes())
        })
    }
    fn bailed(&self) -> bool {
        Own::bailed(self)
    }
}

#[cfg(test)]
thread_local! {
    /// The peak load of the last parse on this thread.
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

/// The token sink that wraps the tree builder.
struct Guard<'b, B> {
    builder: B,
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
    matches!(
        *name,
        local_name!("applet") | local_name!("object") | local_name!("marquee")
    )
}

/// How many marker-pushing start tags ([`is_marker_tag`]) a page may open; later ones are
/// dropped like tags past the depth limit (their text stays). Without this, a page of
/// `<applet><table>` repeated made each count walk every marker so far: 1 MB took 3 s, and
/// the time grew with the square of the page.
const MAX_MARKER_TAGS: usize = 512;

/// Elements that are closed as soon as they are inserted: they never stay on the stack.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("keygen")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("frame")
    )
}

impl<'b, B: Construct> Guard<'b, B> {
    fn new(builder: B, limits: &Limits, budget: &'b Budget) -> Self {
        Guard {
            builder,
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
        }
    }

    /// Handles the tree builder holds: open elements, active formatting elements, and the
    /// document, head and form pointers.
    fn load(&self) -> usize {
        if let Some(load) = self.cached_load.get() {
            return load;
        }
        let count = self.builder.handles();
        self.cached_load.set(Some(count));
        count
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
                let closes_at_once = is_void(&tag.name) && !self.builder.current_is_foreign();
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
        let (nodes, bytes) = self.builder.size();
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

impl<B: Construct> TokenSink for Guard<'_, B> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.failed.borrow().is_some() || self.builder.bailed() {
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
        let _ = line_number;
        let result = self.builder.process(token);
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
        self.builder.finish();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.current_is_foreign()
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

    /// The tree dechrome's own tree builder builds (none when it gives up on the page), and
    /// the one html5ever's builds, both from dechrome's tokenizer.
    fn both_builders(html: &str) -> (Option<String>, String) {
        let limits = Limits::default();
        let budget = Budget::new(&limits, 0);
        let own = Own::new(Builder::new(html), true).unwrap_or_else(|_| panic!("scripting"));
        let guard = Guard::new(own, &limits, &budget);
        super::super::tokenizer::run(html, &guard, None);
        let own =
            (!guard.builder.bailed()).then(|| guard.builder.into_sink().dom.into_inner().dump());
        let opts = TreeBuilderOpts::default();
        let guard = Guard::new(TreeBuilder::new(Builder::new(html), opts), &limits, &budget);
        super::super::tokenizer::run(html, &guard, None);
        (own, guard.builder.sink.dom.into_inner().dump())
    }

    #[test]
    fn the_own_tree_builder_builds_what_html5ever_builds() {
        // Each snippet exercises one part of tree construction; the own builder must build
        // each one itself (not give up) and build it as html5ever does.
        let pages = [
            "<!DOCTYPE html><p>plain <b>bold</b> text",
            "<p>a<b>b<p>c</b>d<i>e</p>f",
            "<a href=1>x<div>y</a>z</div>",
            "<b><i><u><s>x</b>y</s>z",
            "<b>1<b>2<b>3<b>4<p>5",
            "<a>1<a>2</a>3",
            "<nobr>1<nobr>2</nobr>",
            "<table><tr><td>1<td>2<tr><td>3</table>after",
            "<table>stray<tr><td>x</td></tr>more</table>",
            "<table><b>bold<tr><td>c</td></tr></b></table>",
            "<table><caption>cap<td>x</table>",
            "<table><colgroup><col><col></colgroup><tbody><tr><th>h</table>",
            "<table><input type=hidden><input type=text><form><tr><td>x</table>",
            "<p><table><tr><td>in p?</table>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table><td>q</table>",
            "<ul><li>1<li>2<ul><li>3</ul><li>4</ul><dl><dt>a<dd>b<dt>c</dl>",
            "<h1>a<h2>b</h1>c</h2>",
            "<form><input><form><input></form></form><select><option>a<option>b<optgroup><option>c</select>",
            "<div><svg viewBox=\"0 0 1 1\"><clippath><path/></clippath><lineargradient/><title>t</title><foreignobject><p>html</p></foreignobject></svg></div>",
            "<svg><g><p>breaks out</p></g></svg><svg><desc><b>d</b></desc><font color=red>f</font></svg>",
            "<pre>\nfirst line\n</pre><textarea>\nx</textarea><listing>\ny</listing>",
            "<title>t</title><style>s</style><script>var x = '<p>';</script><noscript><p>n</p></noscript>",
            "<head><meta charset=utf-8><link rel=x></head><meta name=late><body class=b><body id=c><html lang=en>",
            "</p></br><br/>x</div></span>",
            "<object><b>x</object>y<applet><i>z</applet>",
            "<ruby>a<rb>b<rt>c<rp>d<rtc>e</ruby>",
            "<p>x</body>after body</html>after html",
            "<button>1<button>2</button>",
            "<image src=a><isindex><hr><plaintext><b>raw",
            "x\u{0}y<table>\u{0}</table>",
            "<head><template><meta name=t></template></head><template>a<p>b</template>c",
            "<template><tr><td>cell</td></tr></template><template><col></template><template><td>x</template>",
            "<table><template><tr><td>in</td></tr></template><tr><td>out</table>",
            "<body><template><form><input></form></template><form><template><html lang=x><body x=y></template></form>",
            "<template><b>unclosed",
            "<div><template><caption>c</caption></template></div><template></template>",
        ];
        for page in pages {
            let (own, reference) = both_builders(page);
            let own = own.unwrap_or_else(|| panic!("the own builder gave up on {page:?}"));
            assert_eq!(own, reference, "{page:?}");
        }
    }

    #[test]
    fn the_own_tree_builder_gives_up_on_what_it_does_not_build() {
        for page in [
            "<template shadowrootmode=open><p>x</p></template>",
            "<frameset><frame></frameset>",
            "<p>x<math><mi>y</mi></math>",
        ] {
            assert!(both_builders(page).0.is_none(), "{page:?}");
            // The guard then builds the page with html5ever's builder, as the reference does.
            let limits = Limits::default();
            let budget = Budget::new(&limits, 0);
            let (dom, _) = parse(page, true, &limits, &budget, Reader::Own(None)).expect("parses");
            assert_eq!(dom.dump(), both_builders(page).1, "{page:?}");
        }
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
