//! Reading an element's own markers — tag, ARIA role, microdata, class and id — into a
//! [`Cue`]: is it chrome, is it the article body, or neither. The same reading of each class
//! and id value also gives what later stages read from it (the kinds of page it hints at,
//! its look-alike signature), so that every value is searched once ([`Reading`]). The
//! vocabularies come from [`crate::cues`]; this module is only the mechanism that applies
//! them.

use crate::cues::{self, CueWord, CLASS_ID_CUES};
use crate::dom::ElementRef;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use html5ever::local_name;
use std::sync::LazyLock;

/// How much of a class, id, style or role value is read. Real values are far shorter; a
/// longer one is read up to here, so that reading an element costs a bounded time however
/// often the tree builder clones it (a formatting element is cloned into every following
/// paragraph) or however many blocks lie below it.
pub(crate) const MAX_MARKER_BYTES: usize = 1024;

/// `value` cut to [`MAX_MARKER_BYTES`], at a character boundary.
pub(crate) fn capped(value: &str) -> &str {
    if value.len() <= MAX_MARKER_BYTES {
        return value;
    }
    let mut end = MAX_MARKER_BYTES;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    &value[..end]
}

/// What an element's markers say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cue {
    /// Sum of the class/id/tag/role weights (readability's scale: ±25 a word).
    pub weight: i16,
    /// The first chrome marker found, for explanations (`"nav"`, `"related"`, …).
    pub chrome: Option<&'static str>,
    /// The strongest chrome weight among the markers (0 when none; more negative is stronger).
    pub chrome_weight: i16,
    /// True when a marker names the article body.
    pub content: bool,
}

/// One automaton over the class and id vocabularies read from every element: the cue words
/// ([`CLASS_ID_CUES`], its first patterns) and then the words that hint at a kind of page
/// ([`cues::PAGE_CLASS_WORDS`]), so that each value is searched once for both.
struct Vocabulary {
    ac: AhoCorasick,
    /// For each page-kind pattern (after the cue words), its kind's index.
    kinds: Vec<u8>,
}

static MATCHER: LazyLock<Option<Vocabulary>> = LazyLock::new(|| {
    let mut kinds = Vec::new();
    let mut words: Vec<&str> = CLASS_ID_CUES.iter().map(|c| c.word).collect();
    for (k, (_, list)) in cues::PAGE_CLASS_WORDS.iter().enumerate() {
        for w in *list {
            kinds.push(u8::try_from(k).ok()?);
            words.push(w);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .ok()?;
    Some(Vocabulary { ac, kinds })
});

/// How much of a class or id value is read for the kinds of page it hints at: a class list
/// of thousands of tokens says nothing more than its start.
pub(crate) const MAX_KIND_BYTES: usize = 256;

fn is_boundary(bytes: &[u8], at: usize, before: bool) -> bool {
    // `at` is the index just outside the match (before it or after it).
    if before {
        if at == 0 {
            return true;
        }
        let b = bytes[at - 1];
        !b.is_ascii_alphabetic() || (b.is_ascii_lowercase() && bytes[at].is_ascii_uppercase())
    } else {
        match bytes.get(at) {
            None => true,
            Some(&b) => {
                !b.is_ascii_alphabetic()
                    || (b.is_ascii_uppercase() && at > 0 && bytes[at - 1].is_ascii_lowercase())
            }
        }
    }
}

static TYPE_MATCHERS: LazyLock<Vec<Option<AhoCorasick>>> = LazyLock::new(|| {
    cues::TYPE_CHROME
        .iter()
        .map(|words| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(words.iter().map(|c| c.word))
                .ok()
        })
        .collect()
});

/// True when a vocabulary word found at `start..end` of a class or id value counts: a `tok`
/// word must stand as a whole token, and no word counts inside a generated hash.
fn counts_at(word: &CueWord, value: &str, start: usize, end: usize) -> bool {
    let bytes = value.as_bytes();
    let whole = is_boundary(bytes, start, true) && is_boundary(bytes, end, false);
    (!word.token || whole)
        && !in_generated_hash(bytes, start)
        && !states_a_layout(bytes, start, end)
}

/// True when the word at `start..end` is part of a statement about the element's layout
/// rather than the name of a component: `has-sidebar`, `with-sidebar-right`,
/// `with-nav-sidebar`, `no-comments`, `layout__2-sidebars-inline`. Such an element holds the
/// article beside its sidebar; it is not the sidebar. The word before (within the same class
/// token, across `-` and `_`) or the token's first word is one of
/// [`cues::LAYOUT_STATE_WORDS`], or the word before is a count ("2", "two") before a plural.
/// A namespace or a version (`g1-sidebar`, `v2-sidebar`) is not a count.
fn states_a_layout(bytes: &[u8], start: usize, end: usize) -> bool {
    if joined_by_and(bytes, start) {
        return true;
    }
    let sep_start = bytes[..start]
        .iter()
        .rposition(|&b| !matches!(b, b'-' | b'_'))
        .map_or(0, |p| p + 1);
    if sep_start == start {
        return false;
    }
    let prev_start = bytes[..sep_start]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    let prev = &bytes[prev_start..sep_start];
    // The class token's first word states it for the whole token (`with-nav-sidebar`).
    let token_start = bytes[..start]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |p| p + 1);
    let first_end = bytes[token_start..start]
        .iter()
        .position(|b| matches!(b, b'-' | b'_'))
        .map_or(start, |p| token_start + p);
    let first = &bytes[token_start..first_end];
    if first_end < start
        && cues::LAYOUT_STATE_WORDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(first))
    {
        return true;
    }
    let listed = |list: &[&str]| list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(prev));
    let plural = matches!(bytes.get(end), Some(b's' | b'S'))
        && bytes.get(end + 1).is_none_or(|b| !b.is_ascii_alphabetic());
    listed(cues::LAYOUT_STATE_WORDS)
        || (plural
            && (!prev.is_empty() && prev.iter().all(u8::is_ascii_digit)
                || listed(cues::COUNT_WORDS)))
}

/// The chrome word is the second part of a box named for two (`topicBodyAndFooter`,
/// `content-and-sidebar`): the box holds the component and something else beside it.
fn joined_by_and(bytes: &[u8], start: usize) -> bool {
    let mut end = start;
    while end > 0 && matches!(bytes[end - 1], b'-' | b'_') {
        end -= 1;
    }
    let (Some(word), Some(&before)) = (
        end.checked_sub(3).map(|s| &bytes[s..end]),
        end.checked_sub(4).map(|s| &bytes[s]),
    ) else {
        return false;
    };
    if end == start {
        // camelCase: the joining word is capitalised and follows another word.
        word == b"And" && before.is_ascii_alphanumeric()
    } else {
        word.eq_ignore_ascii_case(b"and") && matches!(before, b'-' | b'_')
    }
}

/// The first word of one kind of page's own chrome vocabulary (one of `cues::TYPE_CHROME`)
/// in a class or id value, with the same rules as the general vocabulary.
pub(crate) fn type_chrome_word(words: &'static [CueWord], value: &str) -> Option<&'static CueWord> {
    let kind = cues::TYPE_CHROME
        .iter()
        .position(|w| std::ptr::eq(*w, words))?;
    let ac = TYPE_MATCHERS.get(kind)?.as_ref()?;
    ac.find_overlapping_iter(value).find_map(|m| {
        let word = words.get(m.pattern().as_usize())?;
        counts_at(word, value, m.start(), m.end()).then_some(word)
    })
}

/// The part of an id that names the element itself. A web framework's generated id spells
/// the element's path in the server's tree of controls (ASP.NET's
/// `ctl00_CommonBody_CommonContent_Main_EmailStoryWindow_PopupPanel`): every box of the page
/// would carry the words of its ancestors ("body", "content", "main"), so only the last
/// name is read.
fn own_name(id: &str) -> &str {
    let generated = id.starts_with("ctl")
        && id
            .as_bytes()
            .get(3..5)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        || id.contains("_ctl0")
        || id.contains('$');
    if !generated {
        return id;
    }
    id.rsplit(['_', '$']).find(|s| !s.is_empty()).unwrap_or(id)
}

/// Longest hash that [`in_generated_hash`] recognises.
const MAX_HASH: usize = 8;

/// True when `start` lies in the hash that CSS Modules and similar tools append to a class
/// name (`table_root__adKqa`): four to eight letters and digits, with a capital or a digit,
/// after a double underscore at the end of the token, which spell nothing. Only the few
/// bytes around `start` are read, so a long class value costs no more per match.
fn in_generated_hash(bytes: &[u8], start: usize) -> bool {
    // The hash runs to the token's end, within MAX_HASH bytes of the match.
    let Some(len) = bytes[start..]
        .iter()
        .take(MAX_HASH + 1)
        .position(|b| b.is_ascii_whitespace())
        .or((bytes.len() - start <= MAX_HASH).then_some(bytes.len() - start))
    else {
        return false;
    };
    let token_end = start + len;
    // The double underscore just before the hash, in the same token.
    let window = token_end.saturating_sub(MAX_HASH + 2)..start;
    let Some(sep) = window.rev().find(|&i| bytes.get(i..i + 2) == Some(b"__")) else {
        return false;
    };
    let hash = &bytes[sep + 2..token_end];
    (4..=MAX_HASH).contains(&hash.len())
        && hash
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        && hash
            .iter()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Words of 64 bits that hold one bit per vocabulary word.
const SEEN_WORDS: usize = CLASS_ID_CUES.len().div_ceil(64);

/// What one attribute value adds to a cue ([`words_of`]), kept to be added again, with
/// what the later stages read from the value.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Words {
    /// The sum of the weights of the vocabulary words found (each once).
    weight: i16,
    /// The first chrome word found, and the strongest chrome weight.
    chrome: Option<&'static str>,
    chrome_weight: i16,
    /// A content word was found.
    content: bool,
    /// The kinds of page its first [`MAX_KIND_BYTES`] hint at, one bit for each of
    /// [`cues::PAGE_CLASS_WORDS`] (a word counts anywhere, as part of a longer one too).
    kinds: u8,
    /// Its tokens' part of a look-alike signature ([`class_signature`]).
    signature: u64,
}

/// The most that all of the vocabulary's weights add up to, positive and negative (a test
/// holds the vocabulary to it). One element's values (its class and its id) then cannot
/// bring its weight near the bounds of an `i16`, so adding a value's sum at once equals
/// adding its words one by one, as saturating sums.
#[cfg(test)]
const MAX_SUMMED_WEIGHT: i32 = 8_000;

/// The class/id vocabulary's words in one attribute value.
fn words_of(value: &str) -> Words {
    let mut out = Words::default();
    let kinds = read_value(value, |word| {
        out.weight = out.weight.saturating_add(word.weight);
        if word.weight < 0 {
            out.chrome.get_or_insert(word.word);
            out.chrome_weight = out.chrome_weight.min(word.weight);
        } else {
            out.content = true;
        }
    });
    out.kinds = kinds;
    out.signature = class_signature(value);
    out
}

/// The class tokens' part of the signature by which look-alike siblings are found
/// (`score::items`): their hashes summed, so their order does not matter and nothing is
/// allocated, without the tokens that tell one item from the next (numbers, odd/even,
/// first/last, active, taxonomy terms).
fn class_signature(class: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut sig = 0u64;
    for t in class.split_ascii_whitespace() {
        if t.bytes().any(|b| b.is_ascii_digit())
            || cues::ITEM_STATE_TOKENS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(t))
            || cues::TAXONOMY_PREFIXES.iter().any(|p| t.starts_with(p))
        {
            continue;
        }
        let mut h = crate::packed::Fx::default();
        t.hash(&mut h);
        sig = sig.wrapping_add(h.finish());
    }
    sig
}

/// Calls `f` once for each cue word in one attribute value, in the order found, and returns
/// the kinds of page the value hints at ([`Words::kinds`]).
fn read_value(value: &str, mut f: impl FnMut(&CueWord)) -> u8 {
    let Some(vocabulary) = MATCHER.as_ref() else {
        return 0;
    };
    let mut kind_end = value.len().min(MAX_KIND_BYTES);
    while !value.is_char_boundary(kind_end) {
        kind_end -= 1;
    }
    let mut kinds = 0u8;
    // Each vocabulary word counts once per attribute: one bit per word.
    let mut seen = [0u64; SEEN_WORDS];
    for m in vocabulary.ac.find_overlapping_iter(value) {
        let idx = m.pattern().as_usize();
        let Some(word): Option<&CueWord> = CLASS_ID_CUES.get(idx) else {
            if m.end() <= kind_end {
                let kind = idx
                    .checked_sub(CLASS_ID_CUES.len())
                    .and_then(|i| vocabulary.kinds.get(i));
                if let Some(&k) = kind.filter(|&&k| k < 8) {
                    kinds |= 1 << k;
                }
            }
            continue;
        };
        if !counts_at(word, value, m.start(), m.end()) {
            continue;
        }
        let (slot, bit) = (idx / 64, 1u64 << (idx % 64));
        let Some(word_bits) = seen.get_mut(slot) else {
            continue;
        };
        if *word_bits & bit != 0 {
            continue;
        }
        *word_bits |= bit;
        f(word);
    }
    kinds
}

/// Applies the class/id vocabulary to one attribute value, adding to `cue`.
/// Returns the value's whole reading.
fn apply_words(value: &str, cue: &mut Cue, recent: &mut Recent<Words>) -> Words {
    let words = recent.read(value, words_of);
    cue.weight = cue.weight.saturating_add(words.weight);
    if let Some(word) = words.chrome {
        cue.chrome.get_or_insert(word);
        cue.chrome_weight = cue.chrome_weight.min(words.chrome_weight);
    }
    if words.content {
        cue.content = true;
    }
    words
}

/// The readings of the last few attribute values, compared as strings: sibling boxes
/// repeat their classes (`li.menu-item`, `div.card`), and a short list compared in order
/// cannot be made slow by the page, as a hash table of its values could.
pub(crate) struct Recent<T> {
    values: [(String, T); RECENT_VALUES],
    next: usize,
}

/// How many attribute values [`Recent`] remembers.
const RECENT_VALUES: usize = 16;

impl<T: Copy + Default> Default for Recent<T> {
    fn default() -> Self {
        Recent {
            values: std::array::from_fn(|_| (String::new(), T::default())),
            next: 0,
        }
    }
}

impl<T: Copy> Recent<T> {
    /// The reading of `value`: remembered, or made by `read` and remembered.
    pub(crate) fn read(&mut self, value: &str, read: impl FnOnce(&str) -> T) -> T {
        if let Some(&(_, known)) = self
            .values
            .iter()
            .find(|(v, _)| v == value && !v.is_empty())
        {
            return known;
        }
        let reading = read(value);
        if let Some(slot) = self.values.get_mut(self.next) {
            slot.0.clear();
            slot.0.push_str(value);
            slot.1 = reading;
        }
        self.next = (self.next + 1) % RECENT_VALUES;
        reading
    }
}

/// Reads the markers of one element.
#[cfg(test)]
pub(crate) fn element_cue(el: &ElementRef<'_, '_>) -> Cue {
    element_cue_reading(el, true, &mut Recent::default()).cue
}

/// What an element's markers say about it, and about the page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Reading {
    pub cue: Cue,
    /// The kinds of page its class and id hint at, one bit for each of
    /// [`cues::PAGE_CLASS_WORDS`]; read from the whole id (never only its own name), and
    /// from the root's and the body's values too.
    pub kinds: u8,
    /// Its class's part of a look-alike signature ([`class_signature`]; 0 without a class).
    pub class_signature: u64,
}

/// Reads the markers of one element, its `id` among them or not (an id made from the
/// element's heading is a slug, not a marker).
///
/// `recent` remembers the readings of the last few values, for a walk over many elements.
pub(crate) fn element_cue_reading(
    el: &ElementRef<'_, '_>,
    read_id: bool,
    recent: &mut Recent<Words>,
) -> Reading {
    let mut cue = Cue::default();
    let (mut kinds, mut class_signature) = (0u8, 0u64);
    let name = el.name();
    // The root and the body hold the whole page: their classes describe the page's state or
    // template ("no-sidebars", "nav-open", "single-post"), never one part of it. They are
    // read for the page's kind only.
    let page_wide = matches!(name, "html" | "body");
    // (Neither is a chrome tag, nor the article's.)
    if let Some(&(tag, weight)) = cues::CHROME_TAGS.iter().find(|t| t.0 == name) {
        cue.weight += weight;
        cue.chrome = Some(tag);
        cue.chrome_weight = weight;
    } else if name == "article" || name == "main" {
        cue.weight += 25;
        cue.content = true;
    }
    // (Names compared as atoms: this runs for every block-level element.)
    for (name, v) in el.attr_atoms() {
        let v = capped(v);
        if *name == local_name!("class") {
            let words = if page_wide {
                recent.read(v, words_of)
            } else {
                apply_words(v, &mut cue, recent)
            };
            kinds |= words.kinds;
            class_signature = words.signature;
        } else if *name == local_name!("id") {
            // The cue reads the id's own name; the page's kind, the whole id.
            let own = own_name(v);
            let whole = if read_id && !page_wide {
                let words = apply_words(own, &mut cue, recent);
                (own.len() == v.len()).then_some(words)
            } else {
                None
            };
            kinds |= whole.unwrap_or_else(|| recent.read(v, words_of)).kinds;
        } else if page_wide {
            continue;
        } else if *name == local_name!("role") {
            let v = v.trim();
            if let Some(role) = cues::CHROME_ROLES
                .iter()
                .find(|r| r.eq_ignore_ascii_case(v))
            {
                cue.weight += cues::STRONG;
                cue.chrome.get_or_insert(role);
                cue.chrome_weight = cues::STRONG;
            } else if cues::CONTENT_ROLES
                .iter()
                .any(|r| r.eq_ignore_ascii_case(v))
            {
                cue.weight += 25;
                cue.content = true;
            }
        } else if *name == local_name!("itemprop")
            && cues::CONTENT_ITEMPROPS
                .iter()
                .any(|r| r.eq_ignore_ascii_case(v.trim()))
        {
            cue.weight += 25;
            cue.content = true;
        }
    }
    // Mixed markers ("main-menu", "post related-post") are settled by their net weight.
    if cue.weight > 0 {
        cue.chrome = None;
        cue.chrome_weight = 0;
    } else {
        cue.content = false;
    }
    Reading {
        cue,
        kinds,
        class_signature,
    }
}

/// How an element is hidden from readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hiding {
    /// A screen-reader-only class: text that sighted readers never see, most often a
    /// duplicate of what they do see ("Share on Facebook", "Skip to content"). Dropped.
    ScreenReader,
    /// The `hidden` attribute, `aria-hidden`, or an inline `display:none` or
    /// `visibility:hidden`: hidden until a script shows it. Tabs, accordions, "read more"
    /// panels and product descriptions are hidden this way, and so are menus, dialogs and
    /// cookie notices, so such text is kept and judged, with a term against it.
    UntilShown,
}

/// True for the hidden box in which React's streaming server renderer sends the content of
/// a suspended boundary (`<div hidden id="S:3">`), which its inline script moves into the
/// page as soon as it arrives.
fn is_streamed_boundary(el: &ElementRef<'_, '_>) -> bool {
    el.name() == "div"
        && el
            .attr(local_name!("id"))
            .and_then(|id| id.strip_prefix("S:"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// How the element is hidden from readers, if it is: the `hidden` attribute, `aria-hidden`,
/// an inline `display:none`/`visibility:hidden`, or a screen-reader-only class.
pub(crate) fn hiding(el: &ElementRef<'_, '_>) -> Option<Hiding> {
    let mut found = None;
    // (Names compared as atoms: this runs for every element.)
    for (name, v) in el.attr_atoms() {
        let v = capped(v);
        if *name == local_name!("hidden") {
            // React's streaming renderer sends a boundary's content in `<div hidden
            // id="S:3">` and a script moves it into place at once: it is the page, shown.
            if !is_streamed_boundary(el) {
                found = Some(Hiding::UntilShown);
            }
        } else if *name == local_name!("aria-hidden") {
            if v.trim().eq_ignore_ascii_case("true") {
                found = Some(Hiding::UntilShown);
            }
        } else if *name == local_name!("style") {
            if style_hides(v) {
                found = Some(Hiding::UntilShown);
            }
        } else if *name == local_name!("class")
            && v.split_ascii_whitespace().any(|t| {
                cues::HIDING_CLASSES
                    .iter()
                    .any(|h| h.eq_ignore_ascii_case(t))
            })
        {
            return Some(Hiding::ScreenReader);
        }
    }
    found
}

/// True when an inline style declares `display: none` or `visibility: hidden`.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let (prop, value) = (prop.trim(), value.trim());
        let value = value
            .strip_suffix("!important")
            .map_or(value, str::trim_end);
        (prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (prop.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Dom, DOCUMENT};

    fn cue_of(fragment: &str) -> Cue {
        let parsed = Dom::parse(&format!("<body>{fragment}"), true);
        let dom = parsed.view();
        let el = dom
            .descendants(DOCUMENT)
            .filter_map(|n| dom.element(n))
            .find(|e| !matches!(e.name(), "html" | "head" | "body"));
        el.map(|e| element_cue(&e)).unwrap_or_default()
    }

    #[test]
    fn page_kinds_are_the_kind_words_in_a_values_first_bytes() {
        // The oracle: each kind's words searched one by one, case-blind, in the first
        // MAX_KIND_BYTES of the value.
        let naive = |v: &str| -> u8 {
            let lower = v[..v.len().min(MAX_KIND_BYTES)].to_ascii_lowercase();
            let mut kinds = 0;
            for (k, (_, words)) in cues::PAGE_CLASS_WORDS.iter().enumerate() {
                if words.iter().any(|w| lower.contains(w)) {
                    kinds |= 1 << k;
                }
            }
            kinds
        };
        let long = format!("{} product-card", "x".repeat(MAX_KIND_BYTES));
        let straddling = format!("{}Forum", "y".repeat(MAX_KIND_BYTES - 3));
        let values = [
            "ProductCard grid__item",
            "post-body byline nav",
            "entry-content article",
            "menu-item sidebar",
            "DocSearch toc admonition",
            "",
            long.as_str(),
            straddling.as_str(),
        ];
        for v in values {
            let words = words_of(v);
            assert_eq!(words.kinds, naive(v), "{v:?}");
        }
        assert_eq!(words_of(&long).kinds, 0);
        assert_ne!(words_of("ProductCard").kinds, 0);
        // Every kind's every word is found.
        for (k, (_, words)) in cues::PAGE_CLASS_WORDS.iter().enumerate() {
            for w in *words {
                assert!(words_of(w).kinds & 1 << k != 0, "{w}");
            }
        }
    }

    #[test]
    fn remembered_readings_equal_fresh_ones() {
        // Word by word, as saturating sums: what a value's reading stands for.
        let one_by_one = |v: &str, cue: &mut Cue| {
            read_value(v, |word| {
                cue.weight = cue.weight.saturating_add(word.weight);
                if word.weight < 0 {
                    cue.chrome.get_or_insert(word.word);
                    cue.chrome_weight = cue.chrome_weight.min(word.weight);
                } else {
                    cue.content = true;
                }
            })
        };
        let values = [
            "menu-item menu-item-type-post_type",
            "card teaser related-posts",
            "article-body entry-content",
            "sidebar widget",
            "menu-item menu-item-type-post_type",
            "",
            "nav footer sidebar related share social comments menu breadcrumb pagination",
        ];
        let mut recent = Recent::default();
        for start in [0i16, -100, 100] {
            for round in 0..2 {
                for v in values {
                    let mut fresh = Cue {
                        weight: start,
                        chrome: Some("header"),
                        ..Cue::default()
                    };
                    let mut remembered = fresh;
                    one_by_one(v, &mut fresh);
                    apply_words(v, &mut remembered, &mut recent);
                    assert_eq!(remembered, fresh, "{v:?}, round {round}");
                }
            }
        }
        // The whole vocabulary stays within the sum that keeps this so.
        let magnitude: i32 = CLASS_ID_CUES
            .iter()
            .map(|w| i32::from(w.weight).abs())
            .sum();
        assert!(magnitude <= MAX_SUMMED_WEIGHT, "{magnitude}");
        let all: Vec<&str> = CLASS_ID_CUES.iter().map(|w| w.word).collect();
        let (mut a, mut b) = (Cue::default(), Cue::default());
        apply_words(&all.join(" "), &mut a, &mut recent);
        one_by_one(&all.join(" "), &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn a_statement_about_the_layout_is_not_the_component() {
        for layout in [
            "layout__2-sidebars-inline reference-layout",
            "site-content with-sidebar",
            "o-layout has-sidebar",
            "container no-sidebar",
            "page two-sidebars",
            "md lt-lg gt-xs lte-banner-w1564 lte-banner-w980",
            "page-paragraphs with-nav-sidebar",
            "section topicBodyAndFooter",
            "wrap content-and-sidebar",
        ] {
            let cue = cue_of(&format!("<div class=\"{layout}\">x</div>"));
            assert_eq!(cue.chrome, None, "{layout}");
        }
        // A namespace or a version before the word is no count: these are sidebars.
        for sidebar in [
            "g1-sidebar g1-column",
            "v2-sidebar-sticky",
            "left-sidebar",
            "sidebars",
            "band-sidebar",
        ] {
            let cue = cue_of(&format!("<div class=\"{sidebar}\">x</div>"));
            assert_eq!(cue.chrome, Some("sidebar"), "{sidebar}");
        }
    }

    #[test]
    fn chrome_words_are_found_in_classes_and_ids() {
        assert_eq!(
            cue_of(r#"<div class="related-posts">x</div>"#).chrome,
            Some("related")
        );
        assert_eq!(
            cue_of(r#"<div id="socialShareBar">x</div>"#).chrome,
            Some("social")
        );
        assert_eq!(cue_of(r#"<nav>x</nav>"#).chrome, Some("nav"));
        assert_eq!(
            cue_of(r#"<div role="navigation">x</div>"#).chrome,
            Some("navigation")
        );
        // A site-wide announcement bar above the page.
        assert_eq!(
            cue_of(r#"<div class="announcement-bar">x</div>"#).chrome,
            Some("announcement")
        );
        assert_eq!(
            cue_of(r#"<div class="bulletinwp-bulletin">x</div>"#).chrome,
            Some("bulletin")
        );
    }

    #[test]
    fn short_words_match_only_as_tokens() {
        assert_eq!(cue_of(r#"<div class="ad-slot">x</div>"#).chrome, Some("ad"));
        assert_eq!(
            cue_of(r#"<div class="adContainer">x</div>"#).chrome,
            Some("ad")
        );
        assert_eq!(
            cue_of(r#"<div class="headline shadow">x</div>"#).chrome,
            None
        );
        assert_eq!(cue_of(r#"<div class="navy">x</div>"#).chrome, None);
    }

    #[test]
    fn a_page_types_own_chrome_words_are_found_by_their_vocabulary() {
        let word = |words, v| type_chrome_word(words, v).map(|w| w.word);
        assert_eq!(
            word(cues::PRODUCT_CHROME, "product-reviews"),
            Some("review")
        );
        assert_eq!(
            word(cues::FORUM_CHROME, "post signature"),
            Some("signature")
        );
        assert_eq!(word(cues::SERVICE_CHROME, "contact"), Some("contact"));
        assert_eq!(word(cues::PRODUCT_CHROME, "post signature"), None);
        // The same rules as the general vocabulary: whole tokens, and no generated hashes.
        assert_eq!(word(cues::SERVICE_CHROME, "contactless"), None);
        assert_eq!(word(cues::PRODUCT_CHROME, "card_root__reviewX1"), None);
    }

    #[test]
    fn generated_class_hashes_spell_no_words() {
        // A CSS Modules hash is not an "ad", a "nav" or a "menu".
        assert_eq!(
            cue_of(r#"<div class="mdx-table_root__adKqa">x</div>"#).chrome,
            None
        );
        assert_eq!(cue_of(r#"<div class="list__Nav3x">x</div>"#).chrome, None);
        // A name after a double underscore that is a word still counts (BEM elements).
        assert_eq!(
            cue_of(r#"<div class="article__share-bar">x</div>"#).chrome,
            Some("share")
        );
        assert_eq!(
            cue_of(r#"<div class="page__nav">x</div>"#).chrome,
            Some("nav")
        );
    }

    #[test]
    fn mixed_markers_are_settled_by_weight() {
        assert_eq!(
            cue_of(r#"<nav class="main-menu">x</nav>"#).chrome,
            Some("nav")
        );
        let c = cue_of(r#"<div class="article-body">x</div>"#);
        assert!(c.content && c.chrome.is_none());
    }

    #[test]
    fn every_vocabulary_word_counts_once_whatever_its_place_in_the_list() {
        // Words 64 and more places apart in the vocabulary are told apart.
        for (a, b) in [(0, 64), (0, 128), (5, 133), (70, 134)] {
            let (wa, wb) = (&CLASS_ID_CUES[a], &CLASS_ID_CUES[b]);
            let both = cue_of(&format!("<div class=\"{} {}\">x</div>", wa.word, wb.word));
            let alone = |w: &CueWord| cue_of(&format!("<div class=\"{}\">x</div>", w.word)).weight;
            assert_eq!(
                both.weight,
                alone(wa) + alone(wb),
                "{} {}",
                wa.word,
                wb.word
            );
            // And a word said twice still counts once.
            let twice = cue_of(&format!("<div class=\"{0} x-{0}\">x</div>", wa.word));
            assert_eq!(twice.weight, alone(wa), "{}", wa.word);
        }
    }

    #[test]
    fn body_words_are_positive() {
        let c = cue_of(r#"<div class="article-body">x</div>"#);
        assert!(c.content && c.weight > 0 && c.chrome.is_none());
        assert!(cue_of(r#"<div itemprop="articleBody">x</div>"#).content);
    }

    #[test]
    fn the_root_and_body_carry_no_cue() {
        let parsed = Dom::parse(
            "<html class=no-sidebars><body class='nav-open sidebar-left'><div class=sidebar>x</div>", true);
        let dom = parsed.view();
        let cues: Vec<(&str, Option<&str>)> = dom
            .descendants(DOCUMENT)
            .filter_map(|n| dom.element(n))
            .filter(|e| e.name() != "head")
            .map(|e| (e.name(), element_cue(&e).chrome))
            .collect();
        assert_eq!(
            cues,
            [("html", None), ("body", None), ("div", Some("sidebar"))]
        );
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("display:none"));
        assert!(style_hides("color: red; DISPLAY : None !important"));
        assert!(style_hides("visibility: hidden"));
        assert!(!style_hides("display: block; visibility: visible"));
        assert!(!style_hides("background: url(display:none.png)"));
    }

    #[test]
    fn hiding_is_told_apart() {
        let parsed = Dom::parse(
            "<span style='display: none'>a</span><span class=sr-only>b</span><span>c</span>\
             <span hidden>d</span><span aria-hidden=true class=visually-hidden>e</span>",
            true,
        );
        let dom = parsed.view();
        let hiding: Vec<Option<Hiding>> = dom
            .descendants(DOCUMENT)
            .filter_map(|n| dom.element(n))
            .filter(|e| e.name() == "span")
            .map(|e| hiding(&e))
            .collect();
        use Hiding::*;
        assert_eq!(
            hiding,
            vec![
                Some(UntilShown),
                Some(ScreenReader),
                None,
                Some(UntilShown),
                Some(ScreenReader)
            ]
        );
    }

    #[test]
    fn hidden_elements() {
        let parsed = Dom::parse(
            r#"<span style="display: none">a</span><span class="sr-only">b</span><span>c</span>"#,
            true,
        );
        let dom = parsed.view();
        let hidden: Vec<bool> = dom
            .descendants(DOCUMENT)
            .filter_map(|n| dom.element(n))
            .filter(|e| e.name() == "span")
            .map(|e| hiding(&e).is_some())
            .collect();
        assert_eq!(hidden, vec![true, true, false]);
    }
}
