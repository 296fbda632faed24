//! Bounds on the work one extraction may do.

/// The limits that bound one extraction, in one place.
///
/// Input beyond a limit is refused with a typed [`Error`](crate::Error), never truncated
/// silently. The nesting depth is different: like browsers, dechrome flattens elements
/// nested deeper than [`max_depth`](Limits::max_depth) instead of failing, so that a hostile
/// page costs linear time.
///
/// ```
/// use dechrome::Limits;
/// let limits = Limits { max_input_bytes: 1 << 20, ..Limits::default() };
/// assert_eq!(limits.max_depth, Limits::default().max_depth);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Limits {
    /// Largest input accepted, in bytes (default 64 MiB).
    pub max_input_bytes: usize,
    /// Largest number of DOM nodes accepted after parsing (default 4,000,000).
    pub max_nodes: usize,
    /// Deepest element nesting kept; deeper elements are flattened into their ancestor at
    /// this depth (default 256).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_depth: 256,
        }
    }
}
