//! The one error type of the crate.

use thiserror::Error;

/// Why an extraction did not produce a [`Document`](crate::Document).
///
/// Every failure is one of these variants; the library never panics on input.
///
/// ```
/// use dechrome::{Extractor, Error, Limits};
///
/// let small = Extractor::builder().limits({ let mut l = Limits::default(); l.max_input_bytes = 16; l }).build();
/// match small.document(&dechrome::Page::from_text("<p>a page that is longer than sixteen bytes</p>")) {
///     Err(Error::TooLarge { size, limit }) => assert!(size > limit),
///     other => panic!("expected TooLarge, got {other:?}"),
/// }
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    #[error("input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The page builds more nodes than [`Limits::max_nodes`](crate::Limits::max_nodes);
    /// building stopped there.
    #[error("page has {nodes} DOM nodes, more than the limit of {limit}")]
    TooManyNodes {
        /// Number of nodes built when building stopped.
        nodes: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The bytes are recognisably not an HTML document (a PDF, an image, an archive, JSON…).
    #[error("input is not HTML: it looks like {kind}")]
    NotHtml {
        /// What the input looks like instead.
        kind: NotHtmlKind,
    },
    /// A stage needed more memory than [`Limits::max_memory`](crate::Limits::max_memory)
    /// allows; it stopped before spending it.
    #[error("the {stage} stage needs more memory than the limit of {limit} bytes")]
    MemoryLimit {
        /// The stage that ran out: `"parse"`, `"segment"`, `"metadata"` or `"output"`.
        stage: &'static str,
        /// The configured limit.
        limit: usize,
    },
    /// The extraction took longer than [`Limits::timeout`](crate::Limits::timeout); it
    /// stopped at the first check past it.
    #[error("the {stage} stage ran past the time limit of {limit:?}")]
    Timeout {
        /// The stage that was running: `"parse"`, `"segment"`, `"score"` or `"output"`.
        stage: &'static str,
        /// The configured limit.
        limit: std::time::Duration,
    },
    /// The page's charset is one that browsers refuse to decode (ISO-2022-KR, HZ-GB-2312,
    /// ISO-2022-CN: the WHATWG "replacement" encoding), which would turn the whole page into
    /// a single U+FFFD.
    #[error("the page's charset is one browsers refuse to decode (ISO-2022-KR, HZ, ISO-2022-CN)")]
    UnsupportedCharset,
}

/// What an input that is not HTML looks like instead: the `kind` of [`Error::NotHtml`].
///
/// ```
/// use dechrome::{Error, NotHtmlKind};
/// let err = dechrome::Extractor::default().document(&dechrome::Page::new(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")).unwrap_err();
/// assert_eq!(err, Error::NotHtml { kind: NotHtmlKind::Pdf });
/// assert_eq!(err.to_string(), "input is not HTML: it looks like a PDF document");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotHtmlKind {
    /// A PDF document.
    Pdf,
    /// An image: PNG, GIF, JPEG, an icon.
    Image,
    /// An archive or compressed data: ZIP, gzip, zstd, xz, bzip2, 7z.
    Archive,
    /// Audio or video: RIFF (WAV, AVI, WebP), Ogg, FLAC, MP3, Matroska.
    Media,
    /// A web font (WOFF, WOFF2).
    Font,
    /// A program: WebAssembly or an ELF binary.
    Program,
    /// A JSON document.
    Json,
    /// Bytes that are mostly not text and hold no markup.
    Binary,
}

impl std::fmt::Display for NotHtmlKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotHtmlKind::Pdf => "a PDF document",
            NotHtmlKind::Image => "an image",
            NotHtmlKind::Archive => "an archive or compressed data",
            NotHtmlKind::Media => "audio or video",
            NotHtmlKind::Font => "a font",
            NotHtmlKind::Program => "a program",
            NotHtmlKind::Json => "JSON",
            NotHtmlKind::Binary => "binary data",
        })
    }
}

/// A name that is none of a setting's values: the error of `FromStr` for
/// [`PageType`](crate::PageType) and [`Favor`](crate::Favor).
///
/// ```
/// let err = "blog".parse::<dechrome::PageType>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown page type \"blog\"; expected one of: article, forum, \
///     product, listing, collection, documentation, service, recipe, video, profile, other");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    name: String,
    expected: String,
}

impl UnknownName {
    /// A name that is none of `expected` (what the setting takes, listed for the message).
    pub(crate) fn new(what: &'static str, name: &str, expected: &[&str]) -> UnknownName {
        UnknownName {
            what,
            name: name.chars().take(64).collect(),
            expected: expected.join(", "),
        }
    }
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} {:?}; expected one of: {}",
            self.what, self.name, self.expected
        )
    }
}

impl std::error::Error for UnknownName {}
