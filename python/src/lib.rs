//! The Python binding of dechrome: `dechrome._dechrome`, wrapped by the `dechrome` package.
//!
//! Every call converts its Python arguments to owned Rust values while it holds the GIL,
//! releases the GIL for the extraction itself, and converts the result back. A panic inside
//! the extraction is caught here and raised as `DechromeError`: none crosses into Python.
//! (PyO3's macros generate `unsafe` code, so this crate cannot forbid it as the library does.)

use dechrome::url::Url;
use dechrome::{Error, Extractor as Inner, Favor, Limits, Page, PageType};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

/// mimalloc for this extension module's own allocations (see `Cargo.toml`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    dechrome,
    DechromeError,
    PyException,
    "A page dechrome could not extract; the message is the Rust error's."
);
create_exception!(
    dechrome,
    NotHtmlError,
    DechromeError,
    "The input is plainly not a web page (a PDF, an image, an archive, JSON, binary data)."
);
create_exception!(
    dechrome,
    TooLargeError,
    DechromeError,
    "The input is larger than the extractor's max_input_bytes."
);
create_exception!(
    dechrome,
    LimitError,
    DechromeError,
    "The page needs more DOM nodes, memory or time than the extractor's limits allow."
);
create_exception!(
    dechrome,
    CharsetError,
    DechromeError,
    "The page's charset is one that browsers refuse to decode."
);
create_exception!(
    dechrome,
    InputError,
    DechromeError,
    "A page given in a shape dechrome cannot take: not str or bytes, a str that is not valid \
     Unicode (lone surrogates), a dict without \"html\", an unknown page type."
);

/// The Python exception for an extraction error, carrying the Rust message.
fn to_py_err(e: &Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::NotHtml { .. } => NotHtmlError::new_err(message),
        Error::TooLarge { .. } => TooLargeError::new_err(message),
        Error::TooManyNodes { .. } | Error::MemoryLimit { .. } | Error::Timeout { .. } => {
            LimitError::new_err(message)
        }
        Error::UnsupportedCharset => CharsetError::new_err(message),
        _ => DechromeError::new_err(message),
    }
}

/// What a call returns instead of panicking: an extraction error, or a caught panic.
enum Failure {
    Extract(Error),
    Panic(String),
    /// A WARC record that could not be read.
    Record(String),
}

impl Failure {
    fn to_py(&self) -> PyErr {
        match self {
            Failure::Extract(e) => to_py_err(e),
            Failure::Panic(m) => DechromeError::new_err(format!("internal error: {m}")),
            Failure::Record(m) => InputError::new_err(format!("WARC record: {m}")),
        }
    }
}

/// The output a call renders besides the plain text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Output {
    Text,
    Markdown,
    Html,
    Json,
}

impl Output {
    fn parse(name: &str) -> PyResult<Output> {
        match name {
            "text" | "txt" => Ok(Output::Text),
            "markdown" | "md" => Ok(Output::Markdown),
            "html" => Ok(Output::Html),
            "json" => Ok(Output::Json),
            other => Err(PyValueError::new_err(format!(
                "output must be \"text\", \"markdown\", \"html\" or \"json\", not {other:?}"
            ))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Output::Text => "text",
            Output::Markdown => "markdown",
            Output::Html => "html",
            Output::Json => "json",
        }
    }
}

/// One page, owned, ready to cross into a thread without the GIL.
struct Input {
    body: Body,
    url: Option<Url>,
    content_type: Option<String>,
    page_type: Option<PageType>,
}

enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    /// The body's size in bytes.
    fn len(&self) -> usize {
        match &self.body {
            Body::Text(t) => t.len(),
            Body::Bytes(b) => b.len(),
        }
    }

    fn page(&self) -> Page<'_> {
        let mut page = match &self.body {
            Body::Text(t) => Page::from_text(t),
            Body::Bytes(b) => Page::new(b),
        };
        if let Some(c) = &self.content_type {
            page = page.content_type(c);
        }
        if let Some(u) = &self.url {
            page = page.url(u);
        }
        if let Some(t) = self.page_type {
            page = page.page_type(t);
        }
        page
    }
}

/// The body of a page: `str`, `bytes` or `bytearray`. Anything else, and a `str` that is not
/// valid Unicode (lone surrogates), is an `InputError`.
fn body_of(obj: &Bound<'_, PyAny>) -> PyResult<Body> {
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_cow() {
            Ok(text) => Ok(Body::Text(text.into_owned())),
            Err(e) => Err(InputError::new_err(format!(
                "a page's str is not valid Unicode: {}",
                e.value(obj.py())
            ))),
        };
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Body::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Body::Bytes(b.to_vec()));
    }
    Err(InputError::new_err(format!(
        "a page is str or bytes, not {}",
        obj.get_type().name()?
    )))
}

/// A page type given by name ("article", "listing", ...), or an `InputError`.
fn page_type_of(name: Option<&str>) -> PyResult<Option<PageType>> {
    name.map(|n| {
        n.parse::<PageType>()
            .map_err(|e| InputError::new_err(e.to_string()))
    })
    .transpose()
}

/// A URL as given: one that does not parse is no hint, as in the Rust API.
fn url_of(url: Option<&str>) -> Option<Url> {
    url.and_then(|u| Url::parse(u.trim()).ok())
}

/// An optional text argument of a page: `None`, or a `str`.
fn text_of(v: Option<Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match v {
        Some(v) if !v.is_none() => v
            .extract::<String>()
            .map(Some)
            .map_err(|_| InputError::new_err(format!("a page's {what} is str or None"))),
        _ => Ok(None),
    }
}

/// One element of `extract_many`'s list: a body, a `(body, url)` or `(body, url,
/// content_type)` tuple, or a dict with `html` and optional `url`, `content_type` and
/// `page_type`.
fn input_of(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(d) = obj.cast::<PyDict>() {
        let html = d
            .get_item("html")?
            .ok_or_else(|| InputError::new_err("a page dict needs an \"html\" key"))?;
        return Ok(Input {
            body: body_of(&html)?,
            url: url_of(text_of(d.get_item("url")?, "url")?.as_deref()),
            content_type: text_of(d.get_item("content_type")?, "content_type")?,
            page_type: page_type_of(text_of(d.get_item("page_type")?, "page_type")?.as_deref())?,
        });
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        if t.len() == 2 || t.len() == 3 {
            let url = text_of(Some(t.get_item(1)?), "url")?;
            let content_type = match t.len() {
                3 => text_of(Some(t.get_item(2)?), "content_type")?,
                _ => None,
            };
            return Ok(Input {
                body: body_of(&t.get_item(0)?)?,
                url: url_of(url.as_deref()),
                content_type,
                page_type: None,
            });
        }
        return Err(InputError::new_err(
            "a page tuple is (html, url) or (html, url, content_type)",
        ));
    }
    Ok(Input {
        body: body_of(obj)?,
        url: None,
        content_type: None,
        page_type: None,
    })
}

/// An extraction's result, in Rust, before it becomes a Python object.
struct Done {
    text: String,
    output: String,
    metadata: serde_json::Value,
    title: Option<String>,
    language: Option<String>,
    page_type: String,
    encoding: String,
    links: Option<serde_json::Value>,
}

fn run(extractor: &Inner, input: &Input, output: Output, links: bool) -> Result<Done, Failure> {
    let work = || -> Result<Done, Error> {
        let page = input.page();
        let page_type = |t: PageType| t.as_str().to_string();
        if output == Output::Text {
            let r = extractor.extract(&page)?;
            return Ok(Done {
                output: r.text.clone(),
                text: r.text,
                title: r.metadata.title.clone(),
                language: r.metadata.language.clone(),
                metadata: serde_json::to_value(&r.metadata).unwrap_or_default(),
                page_type: page_type(r.page_type),
                encoding: r.encoding,
                links: links.then(|| serde_json::to_value(&r.links).unwrap_or_default()),
            });
        }
        let d = extractor.document(&page)?;
        let rendered = match output {
            Output::Markdown => d.to_markdown(),
            Output::Html => d.to_html(),
            _ => serde_json::to_string(&d).unwrap_or_default(),
        };
        let doc_links = links.then(|| serde_json::to_value(d.outlinks()).unwrap_or_default());
        Ok(Done {
            output: rendered,
            title: d.metadata.title.clone(),
            language: d.metadata.language.clone(),
            metadata: serde_json::to_value(&d.metadata).unwrap_or_default(),
            page_type: page_type(d.page_type),
            encoding: d.encoding.clone(),
            text: d.text,
            links: doc_links,
        })
    };
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(e)) => Err(Failure::Extract(e)),
        Err(panic) => Err(Failure::Panic(
            panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into()),
        )),
    }
}

/// A JSON value as the Python value `json.loads` would give.
fn to_py(py: Python<'_>, v: &serde_json::Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        serde_json::Value::Null => py.None(),
        serde_json::Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any().unbind(),
            None => n
                .as_f64()
                .unwrap_or(0.0)
                .into_pyobject(py)?
                .into_any()
                .unbind(),
        },
        serde_json::Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        serde_json::Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_py(py, x)?)?;
            }
            list.into_any().unbind()
        }
        serde_json::Value::Object(o) => {
            let dict = PyDict::new(py);
            for (k, x) in o {
                dict.set_item(k, to_py(py, x)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// The result of one extraction.
///
/// Attributes: ``text`` (plain text, paragraphs separated by blank lines), ``output`` (the
/// chosen output: the text, Markdown, HTML or the whole document as JSON), ``format`` (its
/// name), ``title``, ``language`` (ISO 639-1 code or None), ``page_type`` ("article",
/// "forum", "product", "listing", "collection", "documentation", "service" or "other"),
/// ``encoding`` (the charset the page was decoded from), ``metadata`` (a dict: title,
/// author, date, description, site name, tags, canonical URL, image, language, …) and
/// ``links`` (with ``links=True``, every link of the page as a dict with ``url``, ``text``
/// and ``in_content``; otherwise None).
#[pyclass(frozen, get_all, name = "Result", module = "dechrome")]
struct Extracted {
    text: String,
    output: String,
    format: &'static str,
    title: Option<String>,
    language: Option<String>,
    page_type: String,
    encoding: String,
    metadata: Py<PyAny>,
    links: Option<Py<PyAny>>,
}

#[pymethods]
impl Extracted {
    fn __repr__(&self) -> String {
        let head: String = self.text.chars().take(60).collect();
        format!(
            "<dechrome.Result page_type={:?} title={:?} text={:?}{}>",
            self.page_type,
            self.title.as_deref().unwrap_or(""),
            head,
            if head.len() < self.text.len() {
                "…"
            } else {
                ""
            }
        )
    }

    fn __str__(&self) -> String {
        self.output.clone()
    }
}

impl Extracted {
    fn from_done(py: Python<'_>, d: Done, output: Output) -> PyResult<Extracted> {
        Ok(Extracted {
            metadata: to_py(py, &d.metadata)?,
            links: d.links.as_ref().map(|l| to_py(py, l)).transpose()?,
            text: d.text,
            output: d.output,
            format: output.name(),
            title: d.title,
            language: d.language,
            page_type: d.page_type,
            encoding: d.encoding,
        })
    }
}

/// A configured extractor: build it once, use it from any thread.
///
/// ``Extractor(*, favor="balanced", output="text", links=False, min_block_words=0,
/// captions=False, max_input_bytes=None, max_memory=None, max_nodes=None, timeout=None)``.
/// ``favor`` is "precision",
/// "balanced" or "recall"; ``output`` is "text", "markdown", "html" or "json"; ``links``
/// lists every link of the page in the result (and keeps links in Markdown and HTML);
/// ``max_input_bytes`` (default 64 MiB), ``max_memory`` (default 192 MiB plus 16 bytes a
/// byte of page) and ``max_nodes`` (default 4,000,000 DOM nodes) bound each page, and
/// ``timeout`` (seconds, default none) the time one page may take: past any of them, the
/// page fails with ``LimitError``.
#[pyclass(frozen, module = "dechrome")]
struct Extractor {
    inner: Arc<Inner>,
    output: Output,
    links: bool,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (*, favor="balanced", output="text", links=false, min_block_words=0, captions=false, max_input_bytes=None, max_memory=None, max_nodes=None, timeout=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        favor: &str,
        output: &str,
        links: bool,
        min_block_words: u32,
        captions: bool,
        max_input_bytes: Option<usize>,
        max_memory: Option<usize>,
        max_nodes: Option<usize>,
        timeout: Option<f64>,
    ) -> PyResult<Self> {
        let favor: Favor = favor.parse().map_err(|_| {
            PyValueError::new_err(format!(
                "favor must be \"precision\", \"balanced\" or \"recall\", not {favor:?}"
            ))
        })?;
        let mut limits = Limits::default();
        if let Some(b) = max_input_bytes {
            limits.max_input_bytes = b;
        }
        if let Some(m) = max_memory {
            limits.max_memory = m;
        }
        if let Some(n) = max_nodes {
            limits.max_nodes = n;
        }
        if let Some(t) = timeout {
            limits.timeout = Some(std::time::Duration::try_from_secs_f64(t).map_err(|_| {
                PyValueError::new_err(format!("timeout must be seconds >= 0, not {t}"))
            })?);
        }
        let inner = Inner::builder()
            .favor(favor)
            .min_block_words(min_block_words)
            .keep_links(links)
            .keep_captions(captions)
            .limits(limits)
            .build();
        Ok(Extractor {
            inner: Arc::new(inner),
            output: Output::parse(output)?,
            links,
        })
    }

    /// Extracts one page (``str`` or ``bytes``). ``url`` resolves its links and hints at its
    /// type (one that does not parse is ignored); ``content_type`` is the HTTP header as
    /// received, for the charset of ``bytes``; ``page_type`` ("article", "listing", ...)
    /// reads the page as that type instead of detecting it. Raises ``DechromeError`` (or a
    /// subclass) for a page it cannot read, ``ValueError`` for an unknown ``page_type``.
    #[pyo3(signature = (html, *, url=None, content_type=None, page_type=None))]
    fn extract(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<&str>,
        content_type: Option<String>,
        page_type: Option<&str>,
    ) -> PyResult<Extracted> {
        let input = Input {
            body: body_of(html)?,
            url: url_of(url),
            content_type,
            page_type: page_type_of(page_type)?,
        };
        let (inner, output, links) = (&self.inner, self.output, self.links);
        let done = py.detach(|| run(inner, &input, output, links));
        match done {
            Ok(d) => Extracted::from_done(py, d, output),
            Err(f) => Err(f.to_py()),
        }
    }

    /// Extracts a list of pages on ``threads`` threads (default: all cores; at most
    /// 1024), without the GIL, and returns their results in order. A page is ``str``,
    /// ``bytes``, a ``(html, url)`` or ``(html, url, content_type)`` tuple, or a dict with
    /// ``html`` and optional ``url``, ``content_type`` and ``page_type``. What a page that
    /// fails (a page dechrome cannot read, or one given in a shape it cannot take) does
    /// depends on ``errors``: ``"raise"`` (default) raises the first such page's error,
    /// ``"none"`` puts None in its place, ``"return"`` puts the exception object there, so
    /// that its reason is kept. With ``"none"`` and ``"return"`` no page raises.
    #[pyo3(signature = (pages, *, threads=None, errors="raise"))]
    fn extract_many(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        threads: Option<i64>,
        errors: &str,
    ) -> PyResult<Vec<Py<PyAny>>> {
        let policy = Errors::parse(errors)?;
        let threads = threads_of(threads)?;
        // Each page converted on its own: one page given wrong fails alone.
        let mut inputs: Vec<Option<Input>> = Vec::new();
        let mut early: Vec<Option<PyErr>> = Vec::new();
        for page in pages.try_iter()? {
            match page.and_then(|p| input_of(&p)) {
                Ok(input) => {
                    inputs.push(Some(input));
                    early.push(None);
                }
                Err(e) => {
                    inputs.push(None);
                    early.push(Some(e));
                }
            }
        }
        let present: Vec<&Input> = inputs.iter().flatten().collect();
        let threads = threads.clamp(1, present.len().max(1));
        let (inner, output, links) = (&self.inner, self.output, self.links);
        let mut done = py
            .detach(|| many(inner, &present, output, links, threads))
            .into_iter();
        let mut out = Vec::with_capacity(inputs.len());
        for (i, (input, early)) in inputs.iter().zip(early).enumerate() {
            let result = match (input, early) {
                (Some(_), _) => match done.next() {
                    Some(Ok(d)) => Ok(Extracted::from_done(py, d, output)?),
                    Some(Err(f)) => Err(f.to_py()),
                    None => Err(DechromeError::new_err(
                        "internal error: a result is missing",
                    )),
                },
                (None, Some(e)) => Err(e),
                (None, None) => Err(DechromeError::new_err("internal error: no page")),
            };
            match result {
                Ok(r) => out.push(Py::new(py, r)?.into_any()),
                Err(err) => match policy {
                    Errors::Raise => {
                        // The error, its message prefixed with the page's place in the list.
                        let message = format!("page {i}: {}", err.value(py));
                        err.value(py).setattr("args", (message,))?;
                        return Err(err);
                    }
                    Errors::None => out.push(py.None()),
                    Errors::Return => out.push(err.into_value(py).into_any()),
                },
            }
        }
        Ok(out)
    }

    /// Extracts the HTML responses of a WARC file (plain or gzip), by the same rule as the
    /// command line's ``--warc``: ``response`` records with a 2xx status and an HTML
    /// ``Content-Type`` (or none), their ``Content-Encoding`` undone. Returns an iterator of
    /// ``WarcRecord`` (``url``, ``record_id``, ``date``, and ``result`` or ``error``), in
    /// the file's order, extracting ``batch`` pages at a time on ``threads`` threads. Its
    /// ``skipped`` dict counts the records that are not pages, by reason, as it goes; a
    /// record that cannot be read is a ``WarcRecord`` whose ``error`` says why, and reading
    /// goes on at the next record. Raises ``OSError`` when the file cannot be opened.
    #[pyo3(signature = (path, *, threads=None, batch=64))]
    fn extract_warc(
        &self,
        path: std::path::PathBuf,
        threads: Option<i64>,
        batch: usize,
    ) -> PyResult<WarcIter> {
        let threads = threads_of(threads)?;
        let file = std::fs::File::open(&path)?;
        let reader =
            dechrome::warc::WarcReader::new(file).max_body(self.inner.limits().max_input_bytes);
        Ok(WarcIter {
            extractor: Arc::clone(&self.inner),
            output: self.output,
            links: self.links,
            threads,
            batch: batch.max(1),
            state: Mutex::new(WarcState {
                reader: Box::new(reader),
                ready: std::collections::VecDeque::new(),
                skipped: HashMap::new(),
            }),
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<dechrome.Extractor output={:?} links={}>",
            self.output.name(),
            self.links
        )
    }
}

/// Extracts `inputs` on the pool of `threads` threads and returns the results in order.
fn many(
    extractor: &Inner,
    inputs: &[&Input],
    output: Output,
    links: bool,
    threads: usize,
) -> Vec<std::result::Result<Done, Failure>> {
    use rayon::prelude::*;
    // The largest pages first, so that no thread is left with a long page at the end while
    // the others wait; the results go back to the pages' order.
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(inputs[i].len()));
    let work = || -> Vec<std::result::Result<Done, Failure>> {
        let mut done: Vec<(usize, std::result::Result<Done, Failure>)> = order
            .par_iter()
            .with_max_len(1)
            .map(|&i| (i, run(extractor, inputs[i], output, links)))
            .collect();
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    };
    match pool(threads).filter(|_| threads > 1) {
        Some(pool) => pool.install(work),
        // One thread is this one (with the GIL released), as a pool that cannot be built is.
        None => inputs
            .iter()
            .map(|input| run(extractor, input, output, links))
            .collect(),
    }
}

/// Most threads a call may ask for.
const MAX_THREADS: i64 = 1024;

/// The thread count asked for: all cores for None, a `ValueError` below 1 or past
/// [`MAX_THREADS`].
fn threads_of(threads: Option<i64>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(t) if (1..=MAX_THREADS).contains(&t) => Ok(t as usize),
        Some(t) => Err(PyValueError::new_err(format!(
            "threads must be from 1 to {MAX_THREADS}, not {t}"
        ))),
    }
}

/// The process's one pool, of `threads` threads: kept from one call to the next, so that
/// its threads' memory stays warm (fresh threads cost a third of their speed in page
/// faults), and built anew, the old one dropped, when a call asks for another size. Calls
/// that are running keep the pool they took.
fn pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    type Sized = Option<(usize, Arc<rayon::ThreadPool>)>;
    static POOL: OnceLock<Mutex<Sized>> = OnceLock::new();
    let mut slot = POOL
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some((n, p)) = slot.as_ref() {
        if *n == threads {
            return Some(Arc::clone(p));
        }
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("dechrome-{i}"))
        .build()
        .ok()?;
    let built = Arc::new(built);
    *slot = Some((threads, Arc::clone(&built)));
    Some(built)
}

/// What a batch does with a page that fails.
#[derive(Clone, Copy)]
enum Errors {
    Raise,
    None,
    Return,
}

impl Errors {
    fn parse(name: &str) -> PyResult<Errors> {
        match name {
            "raise" => Ok(Errors::Raise),
            "none" => Ok(Errors::None),
            "return" => Ok(Errors::Return),
            other => Err(PyValueError::new_err(format!(
                "errors must be \"raise\", \"none\" or \"return\", not {other:?}"
            ))),
        }
    }
}

/// One record of a WARC file: its page's result, or why it has none.
///
/// Attributes: ``url`` (``WARC-Target-URI``), ``record_id``, ``date``, ``result`` (a
/// ``Result``, or None) and ``error`` (the exception, or None).
#[pyclass(frozen, get_all, name = "WarcRecord", module = "dechrome")]
struct WarcRecord {
    url: Option<String>,
    record_id: Option<String>,
    date: Option<String>,
    result: Option<Py<Extracted>>,
    error: Option<Py<PyAny>>,
}

#[pymethods]
impl WarcRecord {
    fn __repr__(&self) -> String {
        format!(
            "<dechrome.WarcRecord url={:?} {}>",
            self.url.as_deref().unwrap_or(""),
            if self.error.is_some() { "error" } else { "ok" }
        )
    }
}

/// The records read but not yet returned, and what was skipped.
struct WarcState {
    reader: Box<dyn Iterator<Item = dechrome::warc::WarcItem> + Send>,
    ready: std::collections::VecDeque<(WarcMeta, Result<Done, Failure>)>,
    skipped: HashMap<String, usize>,
}

/// A record's identity.
struct WarcMeta {
    url: Option<String>,
    record_id: Option<String>,
    date: Option<String>,
}

/// An iterator of the records of a WARC file (see ``Extractor.extract_warc``).
#[pyclass(module = "dechrome")]
struct WarcIter {
    extractor: Arc<Inner>,
    output: Output,
    links: bool,
    threads: usize,
    batch: usize,
    state: Mutex<WarcState>,
}

#[pymethods]
impl WarcIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<WarcRecord>> {
        let next = py.detach(|| {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            if state.ready.is_empty() {
                self.fill(&mut state);
            }
            state.ready.pop_front()
        });
        let Some((meta, done)) = next else {
            return Ok(None);
        };
        let (result, error) = match done {
            Ok(d) => (
                Some(Py::new(py, Extracted::from_done(py, d, self.output)?)?),
                None,
            ),
            Err(f) => (None, Some(f.to_py().into_value(py).into_any())),
        };
        Ok(Some(WarcRecord {
            url: meta.url,
            record_id: meta.record_id,
            date: meta.date,
            result,
            error,
        }))
    }

    /// Records that are not pages, by reason ("request", "HTTP status not 2xx", …), so far.
    #[getter]
    fn skipped(&self) -> HashMap<String, usize> {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .skipped
            .clone()
    }
}

impl WarcIter {
    /// Reads records until a batch of pages is gathered (or the file ends), and extracts
    /// them on the pool.
    fn fill(&self, state: &mut WarcState) {
        use dechrome::warc::WarcItem;
        let mut metas = Vec::new();
        let mut slots: Vec<Result<Input, Failure>> = Vec::new();
        while slots.iter().filter(|s| s.is_ok()).count() < self.batch {
            let Some(item) = state.reader.next() else {
                break;
            };
            match item {
                WarcItem::Page(p) => {
                    metas.push(WarcMeta {
                        url: p.target_uri.clone(),
                        record_id: p.record_id.clone(),
                        date: p.date.clone(),
                    });
                    slots.push(Ok(Input {
                        body: Body::Bytes(p.body),
                        url: p.url,
                        content_type: p.content_type,
                        page_type: None,
                    }));
                }
                WarcItem::Skipped(why) => {
                    *state.skipped.entry(why.as_str().to_string()).or_default() += 1;
                }
                WarcItem::Failed {
                    reason,
                    target_uri,
                    record_id,
                } => {
                    metas.push(WarcMeta {
                        url: target_uri,
                        record_id,
                        date: None,
                    });
                    slots.push(Err(Failure::Record(reason)));
                }
                _ => {}
            }
        }
        let inputs: Vec<&Input> = slots.iter().filter_map(|s| s.as_ref().ok()).collect();
        let threads = self.threads.clamp(1, inputs.len().max(1));
        let mut done = many(&self.extractor, &inputs, self.output, self.links, threads).into_iter();
        for (meta, slot) in metas.into_iter().zip(slots) {
            let result = match slot {
                Ok(_) => done
                    .next()
                    .unwrap_or_else(|| Err(Failure::Panic("a result is missing".into()))),
                Err(f) => Err(f),
            };
            state.ready.push_back((meta, result));
        }
    }
}

/// The seconds the Rust text path (`Extractor::extract`) takes over `pages`, one thread,
/// without the GIL: the baseline of the Python speed scripts (not part of the API).
#[pyfunction]
fn _rust_text_seconds(py: Python<'_>, pages: Vec<Vec<u8>>) -> f64 {
    py.detach(|| {
        let extractor = Inner::default();
        let start = std::time::Instant::now();
        for p in &pages {
            drop(std::hint::black_box(extractor.extract(&Page::new(p))));
        }
        start.elapsed().as_secs_f64()
    })
}

/// The seconds the Rust whole-`Document` path (`Extractor::document`) takes over `pages`,
/// one thread, without the GIL (not part of the API).
#[pyfunction]
fn _rust_document_seconds(py: Python<'_>, pages: Vec<Vec<u8>>) -> f64 {
    py.detach(|| {
        let extractor = Inner::default();
        let start = std::time::Instant::now();
        for p in &pages {
            drop(std::hint::black_box(extractor.document(&Page::new(p))));
        }
        start.elapsed().as_secs_f64()
    })
}

#[pymodule]
fn _dechrome(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add_class::<Extracted>()?;
    m.add_class::<WarcRecord>()?;
    m.add_class::<WarcIter>()?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("DechromeError", py.get_type::<DechromeError>())?;
    m.add("NotHtmlError", py.get_type::<NotHtmlError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("CharsetError", py.get_type::<CharsetError>())?;
    m.add_function(wrap_pyfunction!(_rust_text_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_document_seconds, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
