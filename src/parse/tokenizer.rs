//! dechrome's own HTML tokenizer, in front of the tree builder.
//!
//! html5ever's tokenizer reads the page one character at a time through a queue of string
//! buffers, and it took about a third of dechrome's whole time. This one applies the same
//! rules — the tokenization chapter of the HTML standard, with html5ever's readings where the
//! two could differ — to the bytes of one `&str`: text runs are found with `memchr` and handed
//! on as slices of one shared buffer, tag and attribute names are lowercased only when they
//! need it, and comment bodies are never copied (no stage reads them).
//!
//! It also does the pre-pass's work as it reads ([`Fold`]): comments, script and style
//! bodies and unread attributes are skipped where they stand rather than cut out of a copy
//! of the page first.
//!
//! It emits the tokens html5ever's tokenizer would emit, to the same sink (the guard), and
//! takes the same instructions back from the tree builder (raw text after `<title>`,
//! `<style>`, `<script>`, plain text after `<plaintext>`). Text may arrive in fewer, longer
//! runs; the tree builder joins adjacent text, so the tree is the same. Parse errors are not
//! reported: nothing reads them.
//!
//! Two rare constructs are handed to html5ever's own tokenizer, on the same sink:
//! - a `<![CDATA[…]]>` section inside SVG or MathML, for the length of the section;
//! - a script body that holds `<!--`, whose escaped states decide where the script ends; from
//!   there on html5ever reads the rest of the page.
//!
//! `tests/differential.rs`, `examples/differential.rs` (the four evaluation sets and the fuzz
//! corpora, run in CI) and the `differential` fuzz target hold this front end and the
//! reference (the pre-pass, then html5ever's tokenizer) to the same trees.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, State};
use html5ever::tokenizer::{
    BufferQueue, Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

use super::prepass::{
    attribute_kept, body_is_never_read, comment_may_go, href_value_goes, next_tag,
    noscript_image_kept, raw_text_index, targets_read, EndTags, RAW_TEXT,
};
use super::{Links, Noscript};
use crate::packed;

/// A sink lent to html5ever's tokenizer, for the constructs handed over.
pub(super) struct ByRef<'s, S>(pub &'s S);

impl<S: TokenSink> TokenSink for ByRef<'_, S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        self.0.process_token(token, line_number)
    }

    fn end(&self) {
        self.0.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.0
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What the tokenizer is reading, as the tree builder last set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Data,
    /// `<title>`, `<textarea>`: text with character references.
    Rcdata,
    /// `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>` (scripting on).
    Rawtext,
    Script,
    Plaintext,
}

/// Where reading goes on after one construct.
enum Next {
    At(usize),
    /// The input ended (inside a tag, the tag is dropped, as the standard says).
    End,
    /// html5ever's tokenizer read the rest of the page and ended it.
    HandedOver,
}

/// The pre-pass's work ([`super::prepass`]) done while tokenizing, without a pass and a copy
/// of its own: comments left out, the bodies of scripts, styles and `<noscript>` skipped,
/// attributes no stage reads not kept, an unclosed `<title>` ended where markup starts. The
/// tokens are those html5ever's tokenizer would read from the pre-pass's output; where the
/// pre-pass's simpler reading of the markup and the tokenizer's part ways (a raw-text element
/// the tree builder reads as markup, in SVG for one; an end tag with a `>` in a quoted
/// attribute; CDATA; an unclosed script), the rest of the page is run through the pre-pass
/// itself and tokenized from its output.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fold {
    pub max_attributes: usize,
    pub noscript: Noscript,
    pub links: Links,
}

/// Tokenizes `html` into `sink`, then ends it (see the module documentation). With `fold`,
/// does the pre-pass's work too, and returns the size of the largest `<noscript>` body left
/// out (as [`super::prepass::bound`] does).
pub(super) fn run<S: TokenSink>(html: &str, sink: &S, fold: Option<Fold>) -> usize {
    let normalized = normalize_newlines(html);
    let mut src: &str = &normalized;
    // A byte order mark at the start is dropped (html5ever's `discard_bom`).
    if let Some(rest) = src.strip_prefix('\u{feff}') {
        src = rest;
    }
    let mut lexer = Lexer::new(src, sink, fold, Mode::Data, None);
    if lexer.run() {
        let _ = lexer.emit(Token::EOFToken);
        sink.end();
    }
    lexer.noscript_bytes
}

/// The input with its newlines normalized (CR LF and CR to LF), as the standard's input
/// stream is before tokenizing; borrowed when it has no CR.
pub(super) fn normalize_newlines(html: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'\r', html.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(html);
    }
    std::borrow::Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
}

fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0c | b' ')
}

struct Lexer<'a, S> {
    src: &'a str,
    b: &'a [u8],
    /// The whole input as one tendril: text runs and attribute values are slices of it.
    whole: StrTendril,
    sink: &'a S,
    mode: Mode,
    /// The name of the last start tag emitted: what ends raw text.
    last_start: Option<LocalName>,
    /// A buffer for names that must be lowercased.
    scratch: String,
    /// Names made into atoms lately ([`NameCache`]).
    names: NameCache,
    /// The pre-pass's work, when it is done here.
    fold: Option<Fold>,
    /// The pre-pass's search for raw-text elements' end tags, remembered.
    ends: EndTags,
    /// The largest `<noscript>` body skipped.
    noscript_bytes: usize,
}

impl<'a, S: TokenSink> Lexer<'a, S> {
    fn new(
        src: &'a str,
        sink: &'a S,
        fold: Option<Fold>,
        mode: Mode,
        last_start: Option<LocalName>,
    ) -> Self {
        Lexer {
            src,
            b: src.as_bytes(),
            whole: StrTendril::from_slice(src),
            sink,
            mode,
            last_start,
            scratch: String::new(),
            names: NameCache::default(),
            fold,
            ends: EndTags::default(),
            noscript_bytes: 0,
        }
    }

    /// The pre-pass's output for the rest of the page, `src[verbatim.0..verbatim.1]` as it
    /// is and then the pre-pass from `verbatim.1` on, tokenized from the current mode
    /// without the fold (see [`Fold`]). Ends the document.
    fn fall_back(&mut self, verbatim: (usize, usize)) -> Next {
        let Some(fold) = self.fold else {
            return Next::End;
        };
        let (rest, noscript_bytes) = super::prepass::bound(
            &self.src[verbatim.1..],
            fold.max_attributes,
            fold.noscript,
            fold.links,
        );
        self.noscript_bytes = self.noscript_bytes.max(noscript_bytes);
        let mut input = String::with_capacity(verbatim.1 - verbatim.0 + rest.len());
        input.push_str(&self.src[verbatim.0..verbatim.1]);
        input.push_str(&rest);
        let mut lexer = Lexer::new(&input, self.sink, None, self.mode, self.last_start.clone());
        if lexer.run() {
            let _ = lexer.emit(Token::EOFToken);
            self.sink.end();
        }
        Next::HandedOver
    }
}

impl<S: TokenSink> Lexer<'_, S> {
    /// Reads the whole input; false when html5ever's tokenizer took over and ended it.
    fn run(&mut self) -> bool {
        let mut pos = 0;
        loop {
            let next = match self.mode {
                Mode::Data => self.data(pos),
                Mode::Rcdata | Mode::Rawtext => self.raw(pos),
                Mode::Script => self.script(pos),
                Mode::Plaintext => {
                    self.text_replacing_nul(pos, self.b.len());
                    Next::End
                }
            };
            match next {
                Next::At(p) => pos = p,
                Next::End => return true,
                Next::HandedOver => return false,
            }
        }
    }

    fn emit(&self, token: Token) -> TokenSinkResult<S::Handle> {
        self.sink.process_token(token, 1)
    }

    fn slice(&self, from: usize, to: usize) -> StrTendril {
        // A run of up to eight bytes is held inside the tendril itself: made from the slice,
        // it skips the shared buffer's reference count and its check of the ends.
        if to.saturating_sub(from) <= 8 {
            return StrTendril::from_slice(self.src.get(from..to).unwrap_or(""));
        }
        // Offsets fit: `parse` refuses a page past 4 GiB; past that a run would be copied.
        match (u32::try_from(from), u32::try_from(to - from)) {
            (Ok(f), Ok(l)) => self.whole.subtendril(f, l),
            _ => StrTendril::from_slice(&self.src[from..to]),
        }
    }

    /// Emits `src[from..to]` as text.
    fn text(&self, from: usize, to: usize) {
        if to > from {
            let _ = self.emit(Token::CharacterTokens(self.slice(from, to)));
        }
    }

    fn chars(&self, s: &str) {
        if !s.is_empty() {
            let _ = self.emit(Token::CharacterTokens(StrTendril::from_slice(s)));
        }
    }

    /// Emits `src[from..to]` as text, each NUL as U+FFFD (raw text and plain text).
    fn text_replacing_nul(&self, from: usize, to: usize) {
        let mut at = from;
        while let Some(i) = memchr::memchr(0, &self.b[at..to]) {
            self.text(at, at + i);
            self.chars("\u{fffd}");
            at += i + 1;
        }
        self.text(at, to);
    }

    /// The data state, from `pos` until a tag changes the mode or the input ends.
    fn data(&mut self, mut pos: usize) -> Next {
        let n = self.b.len();
        let mut run = pos;
        loop {
            let Some(i) = memchr::memchr3(b'<', b'&', 0, &self.b[pos..]) else {
                self.text(run, n);
                return Next::End;
            };
            let at = pos + i;
            match self.b[at] {
                b'&' => match self.char_ref(at, false) {
                    Some((chars, resume)) => {
                        self.text(run, at);
                        self.chars(chars.as_str(&mut [0; 8]));
                        pos = resume;
                        run = resume;
                    }
                    None => pos = at + 1,
                },
                0 => {
                    self.text(run, at);
                    let _ = self.emit(Token::NullCharacterToken);
                    pos = at + 1;
                    run = pos;
                }
                _ => {
                    match self.b.get(at + 1) {
                        Some(b'!' | b'/' | b'?') => {}
                        Some(c) if c.is_ascii_alphabetic() => {}
                        // A `<` that opens nothing is text.
                        _ => {
                            pos = at + 1;
                            continue;
                        }
                    }
                    self.text(run, at);
                    match self.tag_open(at) {
                        Next::At(p) if self.mode == Mode::Data => {
                            pos = p;
                            run = p;
                        }
                        other => return other,
                    }
                }
            }
        }
    }

    /// Reads the construct that opens at the `<` at `at` (followed by `!`, `/`, `?` or a
    /// letter).
    fn tag_open(&mut self, at: usize) -> Next {
        let b = self.b;
        match b.get(at + 1).copied() {
            Some(b'!') => self.declaration(at + 2),
            Some(b'/') => match b.get(at + 2).copied() {
                None => {
                    self.chars("</");
                    Next::End
                }
                Some(c) if c.is_ascii_alphabetic() => self.tag(TagKind::EndTag, at + 2),
                Some(b'>') => Next::At(at + 3),
                Some(_) => self.bogus_comment(at + 2),
            },
            Some(b'?') => self.bogus_comment(at + 1),
            _ => self.tag(TagKind::StartTag, at + 1),
        }
    }

    fn comment(&self) {
        let _ = self.emit(Token::CommentToken(StrTendril::new()));
    }

    /// A bogus comment runs to the first `>`.
    fn bogus_comment(&self, from: usize) -> Next {
        self.comment();
        match memchr::memchr(b'>', &self.b[from..]) {
            Some(i) => Next::At(from + i + 1),
            None => Next::End,
        }
    }

    /// After `<!`.
    fn declaration(&mut self, at: usize) -> Next {
        let rest = &self.b[at..];
        if rest.starts_with(b"--") {
            // The pre-pass leaves comments out, but for those it would join to the text before.
            let kept = self.fold.is_none() || !comment_may_go(self.b, at - 2);
            return self.comment_body(at + 2, kept);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            return self.doctype(at + 7);
        }
        if rest.starts_with(b"[CDATA[")
            && self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            let start = at - 2;
            if self.fold.is_some() {
                // The pre-pass reads CDATA as a declaration that ends at its first `>`.
                return self.fall_back((start, start));
            }
            return match memchr::memmem::find(&rest[7..], b"]]>") {
                Some(i) => {
                    let end = at + 7 + i + 3;
                    self.hand_over(start, Some(end), State::Data);
                    Next::At(end)
                }
                None => {
                    self.hand_over(start, None, State::Data);
                    Next::HandedOver
                }
            };
        }
        self.bogus_comment(at)
    }

    /// A comment's body, from after `<!--`: it ends at `>` or `->` right away, else at the
    /// first `-->` or `--!>`, else at the end of the input.
    fn comment_body(&self, from: usize, emit: bool) -> Next {
        if emit {
            self.comment();
        }
        let b = self.b;
        if b.get(from) == Some(&b'>') {
            return Next::At(from + 1);
        }
        if b[from..].starts_with(b"->") {
            return Next::At(from + 2);
        }
        let mut at = from;
        while let Some(i) = memchr::memmem::find(&b[at..], b"--") {
            let dash = at + i;
            match b.get(dash + 2) {
                Some(b'>') => return Next::At(dash + 3),
                Some(b'!') if b.get(dash + 3) == Some(&b'>') => return Next::At(dash + 4),
                _ => at = dash + 1,
            }
        }
        Next::End
    }

    /// A tag whose name starts at `at`: reads it, emits it, and follows the tree builder's
    /// instruction (and, folding, the pre-pass's reading of raw-text elements).
    fn tag(&mut self, kind: TagKind, at: usize) -> Next {
        let b = self.b;
        let n = b.len();
        let mut i = at;
        while i < n && !matches!(b[i], b'\t' | b'\n' | 0x0c | b' ' | b'/' | b'>') {
            i += 1;
        }
        if i == n {
            return Next::End;
        }
        let name_end = i;
        let name = self.name(at, i);
        // What the pre-pass keeps of a start tag's attributes.
        let filter = match self.fold {
            Some(fold) if kind == TagKind::StartTag => Some((
                fold.max_attributes,
                targets_read(fold.links, &b[at..name_end]),
            )),
            _ => None,
        };
        let mut read_kept = 0usize;
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut self_closing = false;
        let mut duplicate = false;
        loop {
            // Before an attribute's name.
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            match b.get(i) {
                None => return Next::End,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    i += 1;
                    match b.get(i) {
                        Some(b'>') => {
                            self_closing = true;
                            i += 1;
                            break;
                        }
                        None => return Next::End,
                        Some(_) => continue,
                    }
                }
                Some(_) => {}
            }
            // The name: its first character may be `=`.
            let name_at = i;
            let after_slash = name_at > name_end && b[name_at - 1] == b'/';
            i += 1;
            while i < n && !matches!(b[i], b'\t' | b'\n' | 0x0c | b' ' | b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_end = i;
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            // The value's bytes, if there is a `=`.
            let mut value_at = None;
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < n && is_ws(b[i]) {
                    i += 1;
                }
                match b.get(i).copied() {
                    None => return Next::End,
                    Some(q @ (b'"' | b'\'')) => {
                        let Some(len) = memchr::memchr(q, &b[i + 1..]) else {
                            return Next::End;
                        };
                        value_at = Some((i + 1, i + 1 + len));
                        i += len + 2;
                    }
                    Some(b'>') => value_at = Some((i, i)),
                    Some(_) => {
                        let start = i;
                        while i < n && !is_ws(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        if i == n {
                            return Next::End;
                        }
                        value_at = Some((start, i));
                    }
                }
            }
            // The tree builder ignores an end tag's attributes, and a start tag keeps at most
            // `MAX_ATTRIBUTES`: the duplicate check stays bounded whatever the markup.
            if kind == TagKind::EndTag || attrs.len() >= super::MAX_ATTRIBUTES {
                continue;
            }
            let mut empty_value = false;
            if let Some((max, targets_read)) = filter {
                // As the pre-pass: the attributes a stage reads, the first `max` of them;
                // without link targets, no image attributes and no `href` value; an attribute
                // right after a bare `/` stays whatever it is.
                let raw = &b[name_at..attr_end];
                if attribute_kept(raw, read_kept, max, targets_read) {
                    read_kept += 1;
                    let ends_clean = b.get(i).is_none_or(|&c| is_ws(c) || c == b'>' || c == b'/');
                    empty_value =
                        href_value_goes(raw, targets_read, value_at.is_some(), ends_clean);
                } else if !after_slash {
                    continue;
                }
            }
            let attr_name = self.name(name_at, attr_end);
            if attrs.iter().any(|a| a.name.local == attr_name) {
                duplicate = true;
                continue;
            }
            let value = match value_at {
                Some((from, to)) if !empty_value && to > from => self.value(from, to),
                _ => StrTendril::new(),
            };
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), attr_name),
                value,
            });
        }
        if kind == TagKind::EndTag && self.fold.is_some() {
            // The pre-pass passes an end tag to its first `>`; one with a `>` in a quoted
            // attribute it reads otherwise.
            let lt = at - 2;
            if memchr::memchr(b'>', &b[lt..]).map(|g| lt + g + 1) != Some(i) {
                return self.fall_back((lt, lt));
            }
        }
        if kind == TagKind::StartTag {
            self.last_start = Some(name.clone());
        }
        let result = self.emit(Token::TagToken(Tag {
            kind,
            name,
            self_closing,
            attrs,
            had_duplicate_attributes: duplicate,
        }));
        self.mode = mode_after(result);
        if let (Some(fold), TagKind::StartTag) = (self.fold, kind) {
            let raw_name = &b[at..name_end];
            let is_noscript = raw_name.eq_ignore_ascii_case(b"noscript");
            if let Some(raw) = raw_text_index(raw_name)
                .filter(|_| !(is_noscript && fold.noscript == Noscript::AsMarkup))
            {
                return self.raw_start(fold, raw, is_noscript, (at, name_end, i));
            }
        }
        Next::At(i)
    }

    /// After the start tag of a raw-text element (the pre-pass's list, [`RAW_TEXT`]) at
    /// `src[at..tag_end]`, folding: what the pre-pass does with its body (see [`Fold`]).
    fn raw_start(
        &mut self,
        fold: Fold,
        raw: usize,
        is_noscript: bool,
        (at, name_end, tag_end): (usize, usize, usize),
    ) -> Next {
        let b = self.b;
        match self.ends.find(b, tag_end, raw) {
            Some(end) => {
                if is_noscript {
                    self.noscript_bytes = self.noscript_bytes.max(end - tag_end);
                }
                let image_fallback =
                    is_noscript && noscript_image_kept(fold.links, &b[tag_end..end]);
                if end > tag_end
                    && !image_fallback
                    && body_is_never_read(&b[at..name_end], &b[name_end..tag_end])
                {
                    // The body is left out: raw text is empty up to its end tag; markup goes
                    // on after it.
                    return Next::At(end);
                }
                match self.mode {
                    Mode::Rcdata | Mode::Rawtext => Next::At(tag_end),
                    // A body without markup (an SVG icon's `<title>`) reads the same either way.
                    Mode::Data if memchr::memchr(b'<', &b[tag_end..end]).is_none() => {
                        Next::At(tag_end)
                    }
                    Mode::Script if memchr::memmem::find(&b[tag_end..end], b"<!--").is_none() => {
                        Next::At(tag_end)
                    }
                    // A script body html5ever reads, plain text, or a body the pre-pass keeps
                    // as it is while the tree builder reads it as markup.
                    _ => self.fall_back((tag_end, end)),
                }
            }
            None if RAW_TEXT.get(raw) == Some(&&b"title"[..]) => {
                // The pre-pass ends a title never closed where markup starts.
                let Some(markup) = next_tag(b, tag_end) else {
                    return match self.mode {
                        Mode::Rcdata => {
                            self.rcdata_text(tag_end, b.len());
                            Next::End
                        }
                        _ => Next::At(tag_end),
                    };
                };
                if self.mode == Mode::Rcdata {
                    self.rcdata_text(tag_end, markup);
                } else {
                    self.data_text(tag_end, markup);
                }
                let result = self.emit(Token::TagToken(Tag {
                    kind: TagKind::EndTag,
                    name: local_name!("title"),
                    self_closing: false,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                }));
                self.mode = mode_after(result);
                Next::At(markup)
            }
            // Never closed: the pre-pass reads on as markup, the tokenizer as raw text.
            None if self.mode != Mode::Data => self.fall_back((tag_end, tag_end)),
            None => Next::At(tag_end),
        }
    }

    /// Text with character references and NULs, as the data state reads it, where no tag
    /// starts (`src[from..to]`).
    fn data_text(&self, from: usize, to: usize) {
        self.read_references(from, to, false, |piece| match piece {
            Piece::Text(a, b) => self.text(a, b),
            Piece::Chars(c) => self.chars(c),
            Piece::Nul => {
                let _ = self.emit(Token::NullCharacterToken);
            }
        });
    }

    /// Reads `src[from..to]` for character references (as in an attribute value when
    /// `in_attribute`) and NULs, handing on in order the runs between them, the characters
    /// each reference stands for, and each NUL.
    fn read_references(
        &self,
        from: usize,
        to: usize,
        in_attribute: bool,
        mut out: impl FnMut(Piece<'_>),
    ) {
        let mut run = from;
        let mut at = from;
        while let Some(i) = memchr::memchr2(b'&', 0, &self.b[at..to]) {
            let p = at + i;
            if self.b[p] == 0 {
                out(Piece::Text(run, p));
                out(Piece::Nul);
                at = p + 1;
                run = at;
                continue;
            }
            match self.char_ref_within(p, in_attribute, to) {
                Some((chars, resume)) => {
                    out(Piece::Text(run, p));
                    out(Piece::Chars(chars.as_str(&mut [0; 8])));
                    at = resume;
                    run = resume;
                }
                None => at = p + 1,
            }
        }
        out(Piece::Text(run, to));
    }

    /// A tag or attribute name at `src[from..to]`: ASCII letters lowercased, NUL as U+FFFD.
    fn name(&mut self, from: usize, to: usize) -> LocalName {
        let raw = &self.src[from..to];
        if let Some(name) = common_name(raw) {
            return name;
        }
        let key = NameCache::key(raw.as_bytes());
        if let Some(name) = key.and_then(|k| self.names.get(k)) {
            return name;
        }
        let name = self.name_of(raw);
        if let Some(k) = key {
            self.names.put(k, &name);
        }
        name
    }

    /// The atom of a raw tag or attribute name: lower-cased, NULs replaced.
    fn name_of(&mut self, raw: &str) -> LocalName {
        if !raw.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
            return LocalName::from(raw);
        }
        self.scratch.clear();
        for c in raw.chars() {
            match c {
                '\0' => self.scratch.push('\u{fffd}'),
                c => self.scratch.push(c.to_ascii_lowercase()),
            }
        }
        LocalName::from(self.scratch.as_str())
    }

    /// An attribute value at `src[from..to]`, its character references read and NULs
    /// replaced.
    fn value(&self, from: usize, to: usize) -> StrTendril {
        if memchr::memchr2(b'&', 0, &self.b[from..to]).is_none() {
            return self.slice(from, to);
        }
        let mut out = String::with_capacity(to - from);
        self.read_references(from, to, true, |piece| match piece {
            Piece::Text(a, b) => out.push_str(&self.src[a..b]),
            Piece::Chars(c) => out.push_str(c),
            Piece::Nul => out.push('\u{fffd}'),
        });
        StrTendril::from_slice(&out)
    }

    /// Raw text (`Rcdata` with character references, `Rawtext` without) up to the end tag
    /// that matches the last start tag.
    fn raw(&mut self, from: usize) -> Next {
        let (end, tag) = self.raw_end(from);
        if self.mode == Mode::Rcdata {
            self.rcdata_text(from, end);
        } else {
            self.text_replacing_nul(from, end);
        }
        match tag {
            Some(name_at) => self.tag(TagKind::EndTag, name_at),
            None => Next::End,
        }
    }

    /// RCDATA text (`src[from..to]`): character references read, each NUL as U+FFFD.
    fn rcdata_text(&self, from: usize, to: usize) {
        self.read_references(from, to, false, |piece| match piece {
            Piece::Text(a, b) => self.text(a, b),
            Piece::Chars(c) => self.chars(c),
            Piece::Nul => self.chars("\u{fffd}"),
        });
    }

    /// Where the raw text from `from` ends: at the `</` of the appropriate end tag (its name
    /// the last start tag's, then a space, `/` or `>`), with where that name starts; or at
    /// the end of the input.
    fn raw_end(&self, from: usize) -> (usize, Option<usize>) {
        let b = self.b;
        let last = self.last_start.as_deref().unwrap_or("").as_bytes();
        let mut at = from;
        while let Some(i) = memchr::memmem::find(&b[at..], b"</") {
            let lt = at + i;
            let name_at = lt + 2;
            let mut j = name_at;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            if !last.is_empty()
                && b[name_at..j].eq_ignore_ascii_case(last)
                && b.get(j)
                    .is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
            {
                return (lt, Some(name_at));
            }
            at = name_at;
        }
        (b.len(), None)
    }

    /// A script's body: read here unless it holds `<!--`, whose escaped states html5ever
    /// reads (from the body to the end of the page).
    fn script(&mut self, from: usize) -> Next {
        let (end, tag) = self.raw_end(from);
        if memchr::memmem::find(&self.b[from..end], b"<!--").is_some() {
            if self.fold.is_some() {
                // (Folding, such a body is handed on with the pre-pass's output in
                // `raw_start`; this keeps html5ever from reading unfolded markup.)
                return self.fall_back((from, end));
            }
            self.hand_over(from, None, State::RawData(RawKind::ScriptData));
            return Next::HandedOver;
        }
        self.text_replacing_nul(from, end);
        match tag {
            Some(name_at) => self.tag(TagKind::EndTag, name_at),
            None => Next::End,
        }
    }

    /// Lets html5ever's tokenizer read `src[from..to]` in `state` (to the end of the input,
    /// and end the document, when `to` is `None`).
    fn hand_over(&self, from: usize, to: Option<usize>, state: State) {
        let opts = TokenizerOpts {
            initial_state: Some(state),
            last_start_tag_name: self.last_start.as_deref().map(str::to_string),
            discard_bom: false,
            ..TokenizerOpts::default()
        };
        let tokenizer = Tokenizer::new(ByRef(self.sink), opts);
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(
            &self.src[from..to.unwrap_or(self.b.len())],
        ));
        let _ = tokenizer.feed(&input);
        if to.is_none() {
            tokenizer.end();
        }
    }

    /// A DOCTYPE, from after the keyword. It always ends at the first `>` (or the end of the
    /// input); its name and identifiers decide the tree builder's quirks mode.
    fn doctype(&self, from: usize) -> Next {
        let b = self.b;
        let (end, next) = match memchr::memchr(b'>', &b[from..]) {
            Some(i) => (from + i, Next::At(from + i + 1)),
            None => (b.len(), Next::End),
        };
        let eof = end == b.len();
        let body = &self.src[from..end];
        let _ = self.emit(Token::DoctypeToken(read_doctype(body, eof)));
        next
    }

    /// A character reference at the `&` at `amp`, read to at most the end of the input.
    fn char_ref(&self, amp: usize, in_attribute: bool) -> Option<(Chars, usize)> {
        self.char_ref_within(amp, in_attribute, self.b.len())
    }

    /// A character reference at the `&` at `amp`: the characters it stands for and where
    /// reading resumes, or `None` when the `&` is itself. `limit` ends the input for it (an
    /// attribute value's closing quote, which no reference can contain).
    fn char_ref_within(
        &self,
        amp: usize,
        in_attribute: bool,
        limit: usize,
    ) -> Option<(Chars, usize)> {
        let b = &self.b[..limit.max(amp + 1).min(self.b.len())];
        // What follows the reference is looked at past `limit` too: for an attribute value
        // that is its closing quote, which is neither `=` nor alphanumeric either way.
        let start = amp + 1;
        match b.get(start).copied() {
            Some(b'#') => numeric(b, start + 1),
            Some(c) if c.is_ascii_alphanumeric() => {
                let mut end = start;
                let mut found: Option<(usize, (u32, u32))> = None;
                while end < b.len() && b[end].is_ascii() {
                    end += 1;
                    match NAMED_ENTITIES.get(&self.src[start..end]) {
                        Some(&m) => {
                            if m.0 != 0 {
                                found = Some((end, m));
                            }
                        }
                        None => break,
                    }
                }
                let (matched, (c1, c2)) = found?;
                if b[matched - 1] != b';' && in_attribute {
                    let after = b.get(matched).copied();
                    if after.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
                        return None;
                    }
                }
                Some((Chars::two(c1, c2), matched))
            }
            _ => None,
        }
    }
}

/// The mode the tree builder's answer to a tag puts the tokenizer in.
fn mode_after<H>(result: TokenSinkResult<H>) -> Mode {
    match result {
        TokenSinkResult::RawData(RawKind::Rcdata) => Mode::Rcdata,
        TokenSinkResult::RawData(RawKind::Rawtext) => Mode::Rawtext,
        TokenSinkResult::RawData(_) => Mode::Script,
        TokenSinkResult::Plaintext => Mode::Plaintext,
        _ => Mode::Data,
    }
}

/// A direct-mapped cache of the atoms of short names: making an atom hashes its name to
/// look it up among the names html5ever knows, and a page repeats few names many times.
/// A name maps to one atom whatever the cache holds, so it only saves time; two names that
/// share a slot take turns in it, so a page cannot make it slow.
struct NameCache {
    slots: Vec<(u128, LocalName)>,
}

impl Default for NameCache {
    fn default() -> Self {
        NameCache {
            slots: vec![(0, LocalName::default()); NameCache::SLOTS],
        }
    }
}

impl NameCache {
    const SLOTS: usize = 256;

    /// The name's key: ASCII-lower-cased and packed ([`packed::key_ascii_lower`]). The atom
    /// depends only on that (upper case is lowered and a NUL becomes U+FFFD either way);
    /// `None` for an empty or long name, which the slower path reads.
    fn key(raw: &[u8]) -> Option<u128> {
        packed::key_ascii_lower(raw)
    }

    fn slot(key: u128) -> usize {
        (packed::hash(key) >> 56) as usize % Self::SLOTS
    }

    fn get(&self, key: u128) -> Option<LocalName> {
        match self.slots.get(Self::slot(key)) {
            Some((k, name)) if *k == key => Some(name.clone()),
            _ => None,
        }
    }

    fn put(&mut self, key: u128, name: &LocalName) {
        if let Some(slot) = self.slots.get_mut(Self::slot(key)) {
            *slot = (key, name.clone());
        }
    }
}

/// The commonest tag and attribute names, matched without hashing (an atom's lookup hashes
/// the name).
fn common_name(raw: &str) -> Option<LocalName> {
    Some(match raw {
        "a" => local_name!("a"),
        "p" => local_name!("p"),
        "div" => local_name!("div"),
        "span" => local_name!("span"),
        "li" => local_name!("li"),
        "ul" => local_name!("ul"),
        "img" => local_name!("img"),
        "br" => local_name!("br"),
        "td" => local_name!("td"),
        "tr" => local_name!("tr"),
        "meta" => local_name!("meta"),
        "link" => local_name!("link"),
        "script" => local_name!("script"),
        "i" => local_name!("i"),
        "b" => local_name!("b"),
        "strong" => local_name!("strong"),
        "h2" => local_name!("h2"),
        "h3" => local_name!("h3"),
        "class" => local_name!("class"),
        "id" => local_name!("id"),
        "href" => local_name!("href"),
        "src" => local_name!("src"),
        "alt" => local_name!("alt"),
        "name" => local_name!("name"),
        "content" => local_name!("content"),
        "property" => local_name!("property"),
        "rel" => local_name!("rel"),
        "type" => local_name!("type"),
        "style" => local_name!("style"),
        "role" => local_name!("role"),
        _ => return None,
    })
}

/// A piece of text read for references ([`Lexer::read_references`]).
enum Piece<'c> {
    /// `src[from..to]` as it is (possibly empty).
    Text(usize, usize),
    /// What a reference stands for.
    Chars(&'c str),
    /// A NUL.
    Nul,
}

/// The one or two characters a reference stands for.
struct Chars([char; 2], usize);

impl Chars {
    fn one(c: char) -> Chars {
        Chars([c, '\0'], 1)
    }

    fn two(c1: u32, c2: u32) -> Chars {
        let first = char::from_u32(c1).unwrap_or('\u{fffd}');
        match c2 {
            0 => Chars::one(first),
            c => Chars([first, char::from_u32(c).unwrap_or('\u{fffd}')], 2),
        }
    }

    fn as_str<'b>(&self, buf: &'b mut [u8; 8]) -> &'b str {
        let mut len = 0;
        for c in &self.0[..self.1] {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).unwrap_or("\u{fffd}")
    }
}

/// A numeric reference from after `&#`.
fn numeric(b: &[u8], at: usize) -> Option<(Chars, usize)> {
    let mut i = at;
    let base = if matches!(b.get(i), Some(b'x' | b'X')) {
        i += 1;
        16
    } else {
        10
    };
    let digits = i;
    let mut num: u32 = 0;
    let mut too_big = false;
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(base)) {
        num = num.wrapping_mul(base);
        if num > 0x10FFFF {
            too_big = true;
        }
        num = num.wrapping_add(d);
        i += 1;
    }
    if i == digits {
        return None;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match num {
        n if n > 0x10FFFF || too_big => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(num - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(num).unwrap_or('\u{fffd}')),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    Some((Chars::one(c), i))
}

/// Reads a DOCTYPE's body (after `<!DOCTYPE`, before its `>`) as the standard's DOCTYPE
/// states do. `eof` when the input ended instead of a `>`.
fn read_doctype(body: &str, eof: bool) -> Doctype {
    let b = body.as_bytes();
    let mut d = Doctype {
        name: None,
        public_id: None,
        system_id: None,
        force_quirks: false,
    };
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && is_ws(b[*i]) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if i == b.len() {
        // `<!DOCTYPE>` or `<!DOCTYPE` at the end: no name.
        d.force_quirks = true;
        return d;
    }
    let name_at = i;
    while i < b.len() && !is_ws(b[i]) {
        i += 1;
    }
    let mut name = String::with_capacity(i - name_at);
    for c in body[name_at..i].chars() {
        name.push(if c == '\0' {
            '\u{fffd}'
        } else {
            c.to_ascii_lowercase()
        });
    }
    d.name = Some(StrTendril::from_slice(&name));
    skip_ws(&mut i);
    if i == b.len() {
        d.force_quirks = eof;
        return d;
    }
    let keyword = b.get(i..i + 6);
    let public = keyword.is_some_and(|k| k.eq_ignore_ascii_case(b"public"));
    let system = keyword.is_some_and(|k| k.eq_ignore_ascii_case(b"system"));
    if !public && !system {
        // Bogus: force quirks, the rest is ignored.
        d.force_quirks = true;
        return d;
    }
    i += 6;
    // After the keyword: an identifier in quotes, after optional white space.
    let Some(first) = quoted_id(body, &mut i, &mut d) else {
        return d;
    };
    let first = Some(StrTendril::from_slice(first));
    if system {
        d.system_id = first;
        after_system_id(b, i, eof, &mut d);
        return d;
    }
    d.public_id = first;
    // After the public identifier: a system identifier may follow.
    skip_ws(&mut i);
    if i == b.len() {
        d.force_quirks = eof;
        return d;
    }
    match b[i] {
        b'"' | b'\'' => {
            let Some(second) = quoted_id(body, &mut i, &mut d) else {
                return d;
            };
            d.system_id = Some(StrTendril::from_slice(second));
            after_system_id(b, i, eof, &mut d);
        }
        // Anything else: bogus, quirks forced.
        _ => d.force_quirks = true,
    }
    d
}

/// After the system identifier only white space may follow. The input ending there forces
/// quirks; anything else makes the rest bogus, which does not.
fn after_system_id(b: &[u8], mut i: usize, eof: bool, d: &mut Doctype) {
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    if i == b.len() {
        d.force_quirks = eof;
    }
}

/// A quoted DOCTYPE identifier at or after white space from `*i`; `None` (with quirks
/// forced) when there is none or it is not closed before the DOCTYPE ends.
fn quoted_id<'s>(body: &'s str, i: &mut usize, d: &mut Doctype) -> Option<&'s str> {
    let b = body.as_bytes();
    while *i < b.len() && is_ws(b[*i]) {
        *i += 1;
    }
    let Some(&q @ (b'"' | b'\'')) = b.get(*i) else {
        d.force_quirks = true;
        return None;
    };
    let start = *i + 1;
    match memchr::memchr(q, &b[start..]) {
        Some(len) => {
            *i = start + len + 1;
            Some(&body[start..start + len])
        }
        None => {
            // The identifier runs to the DOCTYPE's end: kept, with quirks forced.
            d.force_quirks = true;
            None
        }
    }
}
