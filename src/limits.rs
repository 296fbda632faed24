//! Bounds on the work one extraction may do, and the memory budget the stages charge.

use crate::error::Error;
use std::cell::Cell;
use std::time::{Duration, Instant};

/// The limits that bound one extraction, in one place.
///
/// Input beyond a limit is refused with a typed [`Error`](crate::Error), never truncated
/// silently. The nesting depth is different: like browsers, dechrome flattens elements
/// nested deeper than [`max_depth`](Limits::max_depth) instead of failing, so that a hostile
/// page costs linear time.
///
/// ```
/// use dechrome::Limits;
/// let limits = { let mut l = Limits::default(); l.max_input_bytes = 1 << 20; l };
/// assert_eq!(limits.max_depth, Limits::default().max_depth);
/// assert_eq!(Limits::default().max_memory, 192 << 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct Limits {
    /// Largest input accepted, in bytes (default 64 MiB).
    pub max_input_bytes: usize,
    /// Largest number of DOM nodes built (default 4,000,000). Building stops as soon as the
    /// tree passes it, with [`Error::TooManyNodes`](crate::Error::TooManyNodes).
    pub max_nodes: usize,
    /// Most elements open at once while the tree is built: the stack of open elements and
    /// the open formatting elements together (default 128). A start tag that would go
    /// deeper is dropped, its text kept, as browsers flatten such pages. Every scan the
    /// tree builder makes is bounded by it, so it sets the worst cost per tag; at 64, none
    /// of the 2,529 labelled pages reads differently.
    pub max_depth: usize,
    /// Memory one extraction may use, in bytes (default 192 MiB), plus
    /// [`memory_per_input_byte`](Limits::memory_per_input_byte) for each byte of the page.
    /// The stages charge it as they grow — the tree's nodes and attributes (formatting
    /// elements are cloned into every paragraph), the blocks, the JSON-LD values, and the
    /// [`Document`](crate::Document) or text — and stop with
    /// [`Error::MemoryLimit`](crate::Error::MemoryLimit) before spending it. The input and
    /// its decoded copy are not charged. Ordinary pages need a few bytes of budget per byte
    /// of markup, and a whole [`Document`](crate::Document) about 1 KiB per block; a page
    /// of hundreds of thousands of tiny blocks needs a larger budget, or the lean
    /// [`Extractor::extract`](crate::Extractor::extract).
    pub max_memory: usize,
    /// Memory allowed on top of [`max_memory`](Limits::max_memory) per byte of the page
    /// (default 16), so that a large page of ordinary markup fits: a 1 MiB page may use
    /// 208 MiB, a 50 MiB page about 1 GiB.
    pub memory_per_input_byte: usize,
    /// Longest one extraction may take, from the call to its result (default: none). Every
    /// stage checks the clock between its steps and inside its long loops (every few
    /// thousand tokens, nodes or blocks), and the first check past it stops the extraction
    /// with [`Error::Timeout`](crate::Error::Timeout). Time is linear in the page's size
    /// whatever its markup, so this is for a crawler's latency budget, not for safety: an
    /// extraction overruns it by at most a few milliseconds.
    ///
    /// ```
    /// use dechrome::{Error, Extractor, Limits};
    /// use std::time::Duration;
    /// let mut limits = Limits::default();
    /// limits.timeout = Some(Duration::ZERO);
    /// let extractor = Extractor::builder().limits(limits).build();
    /// let page = "<p>A page that takes some time, as every page does.</p>".repeat(10);
    /// assert!(matches!(extractor.document(&dechrome::Page::from_text(&page)), Err(Error::Timeout { .. })));
    /// ```
    pub timeout: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_depth: 128,
            max_memory: 192 << 20,
            memory_per_input_byte: 16,
            timeout: None,
        }
    }
}

/// The time one extraction may take: a deadline that every stage checks between its steps
/// ([`check`](Deadline::check)) and inside its long loops ([`tick`](Deadline::tick), which
/// reads the clock once every [`TICKS_PER_CHECK`] calls).
#[derive(Debug)]
pub(crate) struct Deadline {
    at: Option<(Instant, Duration)>,
    ticks: Cell<u32>,
}

/// Loop steps between two readings of the clock.
const TICKS_PER_CHECK: u32 = 1024;

impl Deadline {
    /// A deadline `limit` from now, or none.
    pub fn after(limit: Option<Duration>) -> Deadline {
        Deadline {
            at: limit.map(|l| {
                (
                    Instant::now().checked_add(l).unwrap_or_else(Instant::now),
                    l,
                )
            }),
            ticks: Cell::new(0),
        }
    }

    /// An error once the deadline has passed.
    pub fn check(&self, stage: &'static str) -> Result<(), Error> {
        match self.at {
            Some((at, limit)) if Instant::now() >= at => Err(Error::Timeout { stage, limit }),
            _ => Ok(()),
        }
    }

    /// [`check`](Deadline::check), once every [`TICKS_PER_CHECK`] calls.
    pub fn tick(&self, stage: &'static str) -> Result<(), Error> {
        if self.at.is_none() {
            return Ok(());
        }
        let t = self.ticks.get().wrapping_add(1);
        self.ticks.set(t);
        if t.is_multiple_of(TICKS_PER_CHECK) {
            self.check(stage)
        } else {
            Ok(())
        }
    }
}

/// The budget of one extraction: its memory, which every stage that can grow faster than its
/// input charges (the first charge past the limit is an error), and its time.
#[derive(Debug)]
pub(crate) struct Budget {
    limit: usize,
    used: Cell<usize>,
    pub deadline: Deadline,
}

impl Budget {
    /// The budget for a page of `input_bytes`, its deadline counted from now.
    pub fn new(limits: &Limits, input_bytes: usize) -> Budget {
        Budget {
            limit: limits
                .max_memory
                .saturating_add(limits.memory_per_input_byte.saturating_mul(input_bytes)),
            used: Cell::new(0),
            deadline: Deadline::after(limits.timeout),
        }
    }

    /// Charges `bytes` to the budget on behalf of `stage`.
    pub fn charge(&self, stage: &'static str, bytes: usize) -> Result<(), Error> {
        let used = self.used.get().saturating_add(bytes);
        self.used.set(used);
        if used > self.limit {
            return Err(Error::MemoryLimit {
                stage,
                limit: self.limit,
            });
        }
        Ok(())
    }

    /// Gives back `bytes` that a stage has freed.
    pub fn release(&self, bytes: usize) {
        self.used.set(self.used.get().saturating_sub(bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_charge_past_the_limit_fails_and_releases_make_room() {
        let budget = Budget::new(
            &Limits {
                max_memory: 60,
                memory_per_input_byte: 4,
                ..Limits::default()
            },
            10,
        );
        assert_eq!(budget.charge("parse", 60), Ok(()));
        budget.release(30);
        assert_eq!(budget.charge("output", 70), Ok(()));
        assert_eq!(
            budget.charge("output", 1),
            Err(Error::MemoryLimit {
                stage: "output",
                limit: 100
            })
        );
    }
}
