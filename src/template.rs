//! Site template memory: what recurs across one host's pages is that site's chrome.
//!
//! Every block of a page gets a fingerprint ([`Print`]): a hash of its normalised text and a
//! hash of its coarse position (the path of tags and first stable class name from the root
//! down, without indexes). A [`TemplateMemory`] counts, per host, on how many pages each
//! fingerprint was seen. A block seen on a large share of a host's pages gets the
//! [`Term::Template`](crate::Term::Template) term when it is scored.
//!
//! Two guards keep content out of it. A fingerprint counts once per page, so a refrain or
//! a repeated table header inside one article is not a repeat across pages. And a position
//! that holds new text on most pages (the article's paragraphs) is a content position: text
//! there needs a much larger share of the host's pages before it is template, so that the
//! same wire story on a few of a host's pages is not penalised.

use crate::segment::Segmentation;
use crate::url::Url;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Mutex, MutexGuard};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A host's pages: below this many, its memory has no effect on scoring.
pub(crate) const MIN_HOST_PAGES: u32 = 3;
/// At a template position (one that holds the same texts page after page), a block's
/// template input rises from 0 at this share of the host's pages…
const TEMPLATE_SHARE_FROM: f32 = 0.3;
/// … to 1 at this share.
const TEMPLATE_SHARE_FULL: f32 = 0.7;
/// At a content position, from 0 at this share to 1 on every page.
const CONTENT_SHARE_FROM: f32 = 0.8;
/// A position is a content position when at least this share of the texts seen there were
/// seen on one page only.
const CONTENT_POSITION_SINGLES: f32 = 0.5;
/// When a host has been seen on this many pages, its counts are halved, so that the memory
/// follows a site's redesign instead of averaging over its whole history.
const HALVE_AT_PAGES: u32 = 1024;
/// Over its cap, a map is trimmed to this share of it in one pass (least recently used out),
/// so that eviction costs constant time per entry on average.
const TRIM_TO: f32 = 0.9;

/// Longest host name kept (a DNS name has at most 253 bytes).
const MAX_HOST_BYTES: usize = 253;

/// Default cap on hosts kept.
pub const DEFAULT_MAX_HOSTS: usize = 2_000;
/// Default cap on fingerprints kept per host.
pub const DEFAULT_MAX_PRINTS_PER_HOST: usize = 2_048;

/// One block's fingerprint: its normalised text and its coarse position, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Print {
    /// The path of tags and stable class names from the root to the block's element.
    pub path: u64,
    /// The block's text, lower-cased, with digit runs as one `0` and punctuation and
    /// whitespace as single spaces; 0 for a block with no letters or digits.
    pub text: u64,
}

impl Print {
    fn key(self) -> u64 {
        let mut h = Fnv(self.path);
        h.write_u64(self.text);
        h.0
    }
}

/// The tables' hasher. Their keys are hashes already, so one multiply folds them; a seed
/// drawn for each table keeps a page's author from aiming texts at one bucket.
#[derive(Clone, Copy, Debug)]
struct Mix(u64);

impl Default for Mix {
    fn default() -> Self {
        Mix(std::collections::hash_map::RandomState::new().hash_one(0x7e3_u64))
    }
}

impl BuildHasher for Mix {
    type Hasher = MixHasher;
    fn build_hasher(&self) -> MixHasher {
        MixHasher(self.0)
    }
}

struct MixHasher(u64);

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, k: u64) {
        let full = u128::from(self.0 ^ k) * 0x9e37_79b9_7f4a_7c15_u128;
        self.0 = (full as u64) ^ ((full >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a, 64 bits: stable across builds and platforms, so that a saved memory stays valid.
#[derive(Clone, Copy)]
struct Fnv(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.write(&v.to_le_bytes());
    }
}

/// The fingerprints of a page's blocks, in block order.
pub(crate) fn prints(seg: &Segmentation<'_>) -> Vec<Print> {
    let mut paths: Vec<u64> = Vec::with_capacity(seg.elems.len());
    for (i, e) in seg.elems.iter().enumerate() {
        let parent = e.parent as usize;
        let mut h = Fnv(if parent < i {
            paths.get(parent).copied().unwrap_or(FNV_OFFSET)
        } else {
            FNV_OFFSET
        });
        h.write(b"/");
        h.write(e.tag.as_bytes());
        // The root's and the body's classes describe the page (its section, its id), not a
        // place on it.
        if !matches!(&*e.tag, "html" | "body") {
            if let Some(class) = e.class().and_then(stable_class) {
                h.write(b".");
                h.write(class.as_bytes());
            }
        }
        paths.push(h.0);
    }
    seg.blocks
        .iter()
        .map(|b| Print {
            path: paths.get(b.elem as usize).copied().unwrap_or(FNV_OFFSET),
            text: text_hash(&b.text),
        })
        .collect()
}

/// The first class name that names a component rather than one element: letters, `-` and
/// `_` only, of a sensible length (no ids, hashes or counters such as `post-1234`).
fn stable_class(classes: &str) -> Option<&str> {
    classes.split_ascii_whitespace().find(|c| {
        (2..=32).contains(&c.len())
            && c.bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'_')
    })
}

/// The hash of a block's normalised text (0 when it has no letters or digits).
fn text_hash(text: &str) -> u64 {
    /// What a character is to the normalisation.
    enum C {
        Digit,
        Letter,
        Gap,
    }
    let mut h = Fnv(FNV_OFFSET);
    let mut any = false;
    let mut gap = false;
    let mut digits = false;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let class = if c.is_ascii() {
            if c.is_ascii_digit() {
                C::Digit
            } else if c.is_ascii_alphabetic() {
                C::Letter
            } else {
                C::Gap
            }
        } else if c.is_numeric() {
            C::Digit
        } else if crate::chars::is_alphanumeric(c) {
            C::Letter
        } else {
            C::Gap
        };
        match class {
            C::Digit => {
                if !digits {
                    if gap && any {
                        h.write(b" ");
                    }
                    h.write(b"0");
                    any = true;
                }
                digits = true;
                gap = false;
            }
            C::Letter => {
                if gap && any {
                    h.write(b" ");
                }
                if c.is_ascii() {
                    h.write(&[c.to_ascii_lowercase() as u8]);
                } else {
                    for l in c.to_lowercase() {
                        h.write(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
                any = true;
                digits = false;
                gap = false;
            }
            C::Gap => {
                digits = false;
                gap = true;
            }
        }
    }
    if any {
        h.0
    } else {
        0
    }
}

/// Learns a site's template from its pages, for [`Extractor::template_memory`]: per host,
/// how many pages carried each block's fingerprint (its normalised text hashed with its
/// coarse position, a path of tags and stable class names).
///
/// - **Bounded.** At most [`max_hosts`](Self::max_hosts) hosts (default
///   [`DEFAULT_MAX_HOSTS`]) and [`max_prints_per_host`](Self::max_prints_per_host)
///   fingerprints each (default [`DEFAULT_MAX_PRINTS_PER_HOST`]); past a cap the least
///   recently seen go. A fingerprint costs at most
///   [`BYTES_PER_PRINT`](Self::BYTES_PER_PRINT) bytes (84), so a host costs at most 173 KB
///   at the default caps and the whole memory 345 MB ([`max_bytes`](Self::max_bytes));
///   [`bytes`](Self::bytes) reports what it holds.
/// - **Shared.** It is `Send + Sync`: one memory in an `Arc` serves every worker thread.
/// - **Saved.** With the `serde` feature (on by default) it serialises, so that a crawl can
///   stop and resume with what it learned.
/// - **Forgetful.** When a host passes 1,024 pages its counts are halved, so that a
///   redesigned site's new template is learned.
///
/// A host whose pages have been seen fewer than three times has no effect, and a page
/// without a URL neither teaches nor uses the memory.
///
/// [`Extractor::template_memory`]: crate::ExtractorBuilder::template_memory
///
/// ```
/// use dechrome::{url::Url, Extractor, Page, TemplateMemory};
/// use std::sync::Arc;
///
/// let memory = Arc::new(TemplateMemory::new());
/// let extractor = Extractor::builder().template_memory(Arc::clone(&memory)).build();
/// let notice = "This publication is funded by readers like you, and every story we run \
///     is checked by two editors before it goes out to the people of the valley.";
/// for (i, story) in ["The ferry returned to the north pier on Monday after three months away.",
///                    "The library will open on Sundays from May, the council decided.",
///                    "A new bakery opened on Mill Street, where the old bank used to be."]
///     .iter().enumerate()
/// {
///     let html = format!("<div><div><p>{story} It was a long time coming, residents \
///         said, and the town was glad of it.</p></div><div><p>{notice}</p></div></div>");
///     let url = Url::parse(&format!("https://valley.example/news/{i}"))?;
///     let text = extractor.extract(&Page::from_text(&html).url(&url))?.text;
///     // From the third page of the host on, the notice is known for what it is.
///     assert_eq!(text.contains("funded by readers"), i < 2);
/// }
/// assert_eq!(memory.pages("valley.example"), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TemplateMemory {
    inner: Mutex<Inner>,
}

#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
struct Inner {
    max_hosts: usize,
    max_prints: usize,
    /// Counts every use, for the hosts' recency.
    clock: u64,
    hosts: HashMap<String, Host>,
}

#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
struct Host {
    /// Pages learned.
    pages: u32,
    /// Pages learned ever, the clock of this host's fingerprints.
    seen: u32,
    /// The memory's clock when the host was last used.
    used: u64,
    prints: HashMap<u64, Seen, Mix>,
    paths: HashMap<u64, PathSeen, Mix>,
}

#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
struct Seen {
    /// Pages that carried it.
    pages: u32,
    /// The host's page clock when it was last seen.
    last: u32,
    /// Its position.
    path: u64,
}

/// What the memory knows of one position: how many texts it holds, and how many of those
/// were seen on one page only.
#[derive(Debug, Clone, Copy, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
struct PathSeen {
    texts: u32,
    singles: u32,
}

impl Default for TemplateMemory {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for TemplateMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = self.lock();
        f.debug_struct("TemplateMemory")
            .field("hosts", &inner.hosts.len())
            .field("max_hosts", &inner.max_hosts)
            .field("max_prints_per_host", &inner.max_prints)
            .finish()
    }
}

impl TemplateMemory {
    /// Bytes one fingerprint takes at most (84 on 64-bit targets): its two hash-table
    /// entries (the fingerprint's and, at worst, its own position's), each with its control
    /// byte, at the tables' lowest load (half full, just after they grow).
    ///
    /// ```
    /// # if cfg!(target_pointer_width = "64") {
    /// assert_eq!(dechrome::TemplateMemory::BYTES_PER_PRINT, 84);
    /// # }
    /// ```
    pub const BYTES_PER_PRINT: usize = 2 * (PRINT_ENTRY + 1 + PATH_ENTRY + 1);

    /// An empty memory with the default caps: [`DEFAULT_MAX_HOSTS`] hosts and
    /// [`DEFAULT_MAX_PRINTS_PER_HOST`] fingerprints per host.
    ///
    /// ```
    /// let memory = dechrome::TemplateMemory::new();
    /// assert_eq!(memory.hosts(), 0);
    /// assert_eq!(memory.max_hosts(), dechrome::DEFAULT_MAX_HOSTS);
    /// ```
    pub fn new() -> Self {
        Self::with_caps(DEFAULT_MAX_HOSTS, DEFAULT_MAX_PRINTS_PER_HOST)
    }

    /// An empty memory that keeps at most `max_hosts` hosts and `max_prints_per_host`
    /// fingerprints per host (each at least 1).
    ///
    /// ```
    /// let memory = dechrome::TemplateMemory::with_caps(100, 2_000);
    /// assert_eq!((memory.max_hosts(), memory.max_prints_per_host()), (100, 2_000));
    /// // At most about this many bytes, whatever it is fed:
    /// let bound = 100 * 2_000 * dechrome::TemplateMemory::BYTES_PER_PRINT;
    /// assert!(memory.bytes() <= bound);
    /// ```
    pub fn with_caps(max_hosts: usize, max_prints_per_host: usize) -> Self {
        TemplateMemory {
            inner: Mutex::new(Inner {
                max_hosts: max_hosts.max(1),
                max_prints: max_prints_per_host.max(1),
                clock: 0,
                hosts: HashMap::new(),
            }),
        }
    }

    /// The cap on hosts.
    ///
    /// ```
    /// assert_eq!(dechrome::TemplateMemory::with_caps(7, 10).max_hosts(), 7);
    /// ```
    pub fn max_hosts(&self) -> usize {
        self.lock().max_hosts
    }

    /// The cap on fingerprints per host.
    ///
    /// ```
    /// assert_eq!(dechrome::TemplateMemory::with_caps(7, 10).max_prints_per_host(), 10);
    /// ```
    pub fn max_prints_per_host(&self) -> usize {
        self.lock().max_prints
    }

    /// How many hosts it holds.
    ///
    /// ```
    /// assert_eq!(dechrome::TemplateMemory::new().hosts(), 0);
    /// ```
    pub fn hosts(&self) -> usize {
        self.lock().hosts.len()
    }

    /// How many of `host`'s pages it has learned (0 for a host it does not hold). After
    /// 1,024 pages the count is halved, with every fingerprint's.
    ///
    /// ```
    /// assert_eq!(dechrome::TemplateMemory::new().pages("example.org"), 0);
    /// ```
    pub fn pages(&self, host: &str) -> u32 {
        self.lock().hosts.get(host).map_or(0, |h| h.pages)
    }

    /// How many fingerprints it holds for `host`.
    ///
    /// ```
    /// assert_eq!(dechrome::TemplateMemory::new().prints("example.org"), 0);
    /// ```
    pub fn prints(&self, host: &str) -> usize {
        self.lock().hosts.get(host).map_or(0, |h| h.prints.len())
    }

    /// The memory's size in bytes, from its tables' capacities: what it holds, not counting
    /// allocator overhead.
    ///
    /// ```
    /// let memory = dechrome::TemplateMemory::new();
    /// assert!(memory.bytes() < 1024);
    /// ```
    pub fn bytes(&self) -> usize {
        let inner = self.lock();
        let hosts = inner.hosts.capacity() * (HOST_ENTRY + 1);
        hosts
            + inner
                .hosts
                .iter()
                .map(|(name, h)| {
                    name.capacity()
                        + h.prints.capacity() * (PRINT_ENTRY + 1)
                        + h.paths.capacity() * (PATH_ENTRY + 1)
                })
                .sum::<usize>()
    }

    /// The most [`bytes`](Self::bytes) can reach at these caps: per host,
    /// [`BYTES_PER_PRINT`](Self::BYTES_PER_PRINT) for each fingerprint it may keep, plus its
    /// name and its place in the table of hosts. The tables never grow past their caps.
    ///
    /// ```
    /// // The default caps: 2,000 hosts of 2,048 fingerprints.
    /// let memory = dechrome::TemplateMemory::new();
    /// # if cfg!(target_pointer_width = "64") {
    /// assert_eq!(memory.max_bytes(), 345_054_000);
    /// # }
    /// ```
    pub fn max_bytes(&self) -> usize {
        let inner = self.lock();
        // A table of n entries has at most 2n slots, each an entry and a control byte.
        // (The smallest table has room for three.)
        let per_host =
            2 * (HOST_ENTRY + 1) + MAX_HOST_BYTES + inner.max_prints.max(4) * Self::BYTES_PER_PRINT;
        inner.max_hosts.max(4).saturating_mul(per_host)
    }

    /// Forgets everything.
    ///
    /// ```
    /// let memory = dechrome::TemplateMemory::new();
    /// memory.clear();
    /// assert_eq!(memory.hosts(), 0);
    /// ```
    pub fn clear(&self) {
        self.lock().hosts.clear();
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere cannot leave the counts inconsistent in a way that matters: at
        // worst one page is half counted.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Learns one page of `host`: each distinct fingerprint counts once.
    pub(crate) fn learn(&self, host: &str, prints: &[Print]) {
        if host.len() > MAX_HOST_BYTES {
            return;
        }
        let mut distinct: Vec<Print> = prints.iter().copied().filter(|p| p.text != 0).collect();
        distinct.sort_unstable_by_key(|p| (p.path, p.text));
        distinct.dedup();
        let mut inner = self.lock();
        inner.clock += 1;
        let clock = inner.clock;
        let max_prints = inner.max_prints;
        if !inner.hosts.contains_key(host) {
            let max_hosts = inner.max_hosts;
            if inner.hosts.len() >= max_hosts {
                trim_hosts(&mut inner.hosts, max_hosts);
            }
            inner.hosts.insert(host.to_string(), Host::default());
        }
        let Some(h) = inner.hosts.get_mut(host) else {
            return;
        };
        h.used = clock;
        h.pages = h.pages.saturating_add(1);
        h.seen = h.seen.saturating_add(1);
        let now = h.seen;
        for p in distinct {
            match h.prints.get_mut(&p.key()) {
                Some(s) => {
                    if s.pages == 1 {
                        if let Some(path) = h.paths.get_mut(&s.path) {
                            path.singles = path.singles.saturating_sub(1);
                        }
                    }
                    s.pages = s.pages.saturating_add(1);
                    s.last = now;
                }
                None => {
                    // Room is made before a table would pass its cap, so that it never
                    // grows past it (a page of a million blocks included).
                    if h.prints.len() >= max_prints {
                        h.trim(max_prints);
                    }
                    h.prints.insert(
                        p.key(),
                        Seen {
                            pages: 1,
                            last: now,
                            path: p.path,
                        },
                    );
                    let path = h.paths.entry(p.path).or_default();
                    path.texts += 1;
                    path.singles += 1;
                }
            }
        }
        if h.pages >= HALVE_AT_PAGES {
            h.halve();
        }
    }

    /// Each block's template input (0 to 1), or `None` when the host is unknown or has too
    /// few pages to say.
    pub(crate) fn inputs(&self, host: &str, prints: &[Print]) -> Option<Vec<f32>> {
        let mut inner = self.lock();
        inner.clock += 1;
        let clock = inner.clock;
        let h = inner.hosts.get_mut(host)?;
        h.used = clock;
        if h.pages < MIN_HOST_PAGES {
            return None;
        }
        let pages = h.pages as f32;
        let out = prints
            .iter()
            .map(|p| {
                if p.text == 0 {
                    return 0.0;
                }
                let Some(seen) = h.prints.get(&p.key()) else {
                    return 0.0;
                };
                if seen.pages < 2 {
                    return 0.0;
                }
                let share = (seen.pages as f32 / pages).min(1.0);
                let content = h.paths.get(&p.path).is_some_and(|path| {
                    path.singles as f32 >= CONTENT_POSITION_SINGLES * path.texts as f32
                });
                let (from, full) = if content {
                    (CONTENT_SHARE_FROM, 1.0)
                } else {
                    (TEMPLATE_SHARE_FROM, TEMPLATE_SHARE_FULL)
                };
                ((share - from) / (full - from)).clamp(0.0, 1.0)
            })
            .collect();
        Some(out)
    }
}

/// Bytes of one entry of each table: key and value.
const PRINT_ENTRY: usize = std::mem::size_of::<(u64, Seen)>();
const PATH_ENTRY: usize = std::mem::size_of::<(u64, PathSeen)>();
const HOST_ENTRY: usize = std::mem::size_of::<(String, Host)>();

impl Host {
    /// Drops the least recently seen fingerprints down to [`TRIM_TO`] of the cap (at least
    /// one goes).
    fn trim(&mut self, cap: usize) {
        let keep = ((cap as f32 * TRIM_TO) as usize).min(cap.saturating_sub(1));
        if self.prints.len() <= keep {
            return;
        }
        let mut lasts: Vec<u32> = self.prints.values().map(|s| s.last).collect();
        let cut = lasts.len() - keep;
        let (_, &mut threshold, _) = lasts.select_nth_unstable(cut);
        // Everything older than the threshold goes, and enough of the threshold's own.
        let mut at_threshold = cut - lasts.iter().filter(|&&l| l < threshold).count();
        let paths = &mut self.paths;
        self.prints.retain(|_, s| {
            let go = s.last < threshold
                || (s.last == threshold && at_threshold > 0 && {
                    at_threshold -= 1;
                    true
                });
            if go {
                forget(paths, s);
            }
            !go
        });
    }

    /// Halves every count, dropping what was seen on one page only.
    fn halve(&mut self) {
        self.pages /= 2;
        let paths = &mut self.paths;
        self.prints.retain(|_, s| {
            if s.pages < 2 {
                forget(paths, s);
                return false;
            }
            s.pages /= 2;
            if s.pages == 1 {
                if let Some(p) = paths.get_mut(&s.path) {
                    p.singles += 1;
                }
            }
            true
        });
    }
}

/// Takes a fingerprint out of its position's counts.
fn forget(paths: &mut HashMap<u64, PathSeen, Mix>, s: &Seen) {
    if let Some(p) = paths.get_mut(&s.path) {
        p.texts = p.texts.saturating_sub(1);
        if s.pages == 1 {
            p.singles = p.singles.saturating_sub(1);
        }
        if p.texts == 0 {
            paths.remove(&s.path);
        }
    }
}

/// Drops the least recently used hosts down to [`TRIM_TO`] of the cap (at least one goes).
fn trim_hosts(hosts: &mut HashMap<String, Host>, cap: usize) {
    let target = ((cap as f32 * TRIM_TO) as usize).min(cap.saturating_sub(1));
    if hosts.len() <= target {
        return;
    }
    let mut used: Vec<u64> = hosts.values().map(|h| h.used).collect();
    let cut = hosts.len() - target;
    let (_, &mut threshold, _) = used.select_nth_unstable(cut - 1);
    let mut budget = cut;
    hosts.retain(|_, h| {
        if budget == 0 || h.used > threshold {
            return true;
        }
        budget -= 1;
        false
    });
}

/// The host a page's memory is kept under: its URL's host, lower-cased.
pub(crate) fn host_of(url: Option<&Url>) -> Option<&str> {
    url.and_then(|u| u.host_str()).filter(|h| !h.is_empty())
}

#[cfg(feature = "serde")]
impl Serialize for TemplateMemory {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.lock().serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for TemplateMemory {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut inner = Inner::deserialize(deserializer)?;
        inner.max_hosts = inner.max_hosts.max(1);
        inner.max_prints = inner.max_prints.max(1);
        Ok(TemplateMemory {
            inner: Mutex::new(inner),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_normalisation_ignores_case_digits_and_punctuation() {
        assert_eq!(
            text_hash("© 2024 Harbour Media. All rights reserved."),
            text_hash("© 2025   harbour media — all rights reserved")
        );
        assert_ne!(text_hash("Harbour Media"), text_hash("Harbor Media"));
        assert_eq!(text_hash(" — … "), 0);
    }

    #[test]
    fn unstable_classes_are_skipped() {
        assert_eq!(stable_class("post-1234 entry"), Some("entry"));
        assert_eq!(stable_class("css-1x9a3 x"), None);
        assert_eq!(stable_class("site-footer dark"), Some("site-footer"));
    }

    fn page(host_prints: &[(u64, u64)]) -> Vec<Print> {
        host_prints
            .iter()
            .map(|&(path, text)| Print { path, text })
            .collect()
    }

    #[test]
    fn caps_hold_and_recent_prints_survive() {
        let memory = TemplateMemory::with_caps(4, 100);
        for p in 0..50u64 {
            // One template print on every page, and 30 new texts at the content position.
            let mut prints = vec![(1, 7)];
            prints.extend((0..30).map(|t| (2, 1000 + p * 100 + t)));
            memory.learn("a.example", &page(&prints));
        }
        let inner = memory.lock();
        let h = &inner.hosts["a.example"];
        assert!(h.prints.len() <= 100);
        assert_eq!(h.prints[&Print { path: 1, text: 7 }.key()].pages, 50);
        // The positions' counts follow the evictions.
        assert_eq!(h.paths[&2].texts as usize, h.prints.len() - 1);
        drop(inner);
        for host in 0..20 {
            memory.learn(&format!("h{host}.example"), &page(&[(1, 1)]));
        }
        assert!(memory.hosts() <= 4);
        assert_eq!(memory.pages("h19.example"), 1);
    }
}
