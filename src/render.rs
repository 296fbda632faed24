//! Optional layer — output formats built from the document model: Markdown and HTML.

use crate::document::{Block, BlockKind, Document, TableInfo};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The outputs of a [`Document`]: its methods live here, beside what renders them, so
/// that the model does not depend on its renderings.
impl Document {
    /// The main content as CommonMark (with GFM tables): headings, nested lists, tables,
    /// fenced code, quotations, and links and images when they were kept. Text never turns
    /// into markup by accident: Markdown's special characters are escaped.
    ///
    /// ```
    /// let page = "<article><p>Three steps, each of them short, are all it takes to brew a good pot of tea.</p>\
    ///     <h2>Steps</h2><ol><li>Warm the pot.</li><li>Add the leaves.</li></ol>\
    ///     <p>Pour water that has just boiled, wait four minutes, and *then* pour.</p></article>";
    /// let md = dechrome::extract(page)?.to_markdown();
    /// assert!(md.contains("## Steps\n\n1. Warm the pot.\n2. Add the leaves."));
    /// assert!(md.contains("\\*then\\*"));
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown(self)
    }

    /// The main content as minimal, clean HTML: structural tags only, no scripts, styles or
    /// event attributes, every text and attribute escaped.
    ///
    /// ```
    /// let page = "<article><p onclick='x()'>Fish &amp; chips are served on Fridays, from noon until the kitchen closes.</p>\
    ///     <script>track()</script></article>";
    /// let html = dechrome::extract(page)?.to_html();
    /// assert_eq!(html, "<article>\n<p>Fish &amp; chips are served on Fridays, from noon until the kitchen closes.</p>\n</article>\n");
    /// # Ok::<(), dechrome::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        html(self)
    }
}

/// The blocks that make up the body: content, and not a metadata line.
fn body(doc: &Document) -> Vec<&Block> {
    doc.blocks
        .iter()
        .filter(|b| b.is_content() && b.role.is_none())
        .collect()
}

/// Splits a block's text into runs, each with the link target it carries (if any).
fn runs(b: &Block) -> Vec<(&str, Option<&str>)> {
    let text = b.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    let mut links: Vec<_> = b.structure.links.iter().collect();
    links.sort_by_key(|l| l.start);
    for l in links {
        if l.start < at
            || l.end > text.len()
            || !text.is_char_boundary(l.start)
            || !text.is_char_boundary(l.end)
        {
            continue;
        }
        if l.start > at {
            out.push((&text[at..l.start], None));
        }
        out.push((&text[l.start..l.end], Some(l.url.as_str())));
        at = l.end;
    }
    if at < text.len() {
        out.push((&text[at..], None));
    }
    out
}

/// The rows of the table that starts at `blocks[i]`, if a table row stands there.
fn table_run<'b>(blocks: &[&'b Block], i: usize) -> Option<Vec<&'b TableInfo>> {
    let row = |b: &'b Block| {
        b.structure
            .table
            .as_ref()
            .filter(|_| b.features.kind == BlockKind::TableRow)
    };
    let id = row(blocks.get(i)?)?.table;
    Some(
        blocks[i..]
            .iter()
            .map_while(|b| row(b).filter(|t| t.table == id))
            .collect(),
    )
}

/// True for a link target that is safe to write out: web, mail or relative.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto" | "ftp")
        }
        _ => true,
    }
}

// ----------------------------------------------------------------------------- Markdown

/// Escapes text so that CommonMark reads it as text: inline specials everywhere, block
/// markers at the start of a line.
fn md_escape(text: &str, out: &mut String) {
    let mut line_start = true;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // CommonMark ends a line at `\n`, `\r` and `\r\n`: each is a hard break here, and
        // what follows it is escaped as the start of a line.
        if c == '\r' && chars.get(i + 1) == Some(&'\n') {
            continue;
        }
        if c == '\n' || c == '\r' {
            out.push_str("\\\n");
            line_start = true;
            continue;
        }
        let at_start = line_start;
        line_start = false;
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!'
        ) || (at_start && matches!(c, '#' | '-' | '+' | '=' | ':'))
            || (matches!(c, '.' | ')') && i > 0 && chars[i - 1].is_ascii_digit() && {
                let run_start = chars[..i]
                    .iter()
                    .rposition(|d| !d.is_ascii_digit())
                    .map_or(0, |p| p + 1);
                run_start == 0 || chars[run_start - 1] == '\n'
            });
        if special {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A link destination for Markdown, and the target written into HTML. Controls, whitespace, and every character that could
/// end the destination or open other markup are percent-encoded, so that no target — even
/// one the page wrote as `x)\n\n![t](//elsewhere)` — can close the link and add markup of
/// its own. (Percent-encoding leaves the URL's meaning alone.)
fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        if c.is_ascii_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`' | '"' | '\''
            )
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn md_inline(b: &Block, out: &mut String) {
    let mut at = 0;
    for (text, link) in runs(b) {
        let start = at;
        at += text.len();
        match link.filter(|u| safe_url(u)) {
            Some(url) => {
                out.push('[');
                md_escape(text, out);
                let _ = write!(out, "]({})", md_url(url));
            }
            None => md_text_with_formulas(b, text, start, out),
        }
    }
}

/// Writes a run of plain text that starts at byte `start` of the block, its formulas as
/// inline math in code spans (see [`md_formula`]) and the rest escaped.
fn md_text_with_formulas(b: &Block, text: &str, start: usize, out: &mut String) {
    let end = start + text.len();
    let mut at = start;
    for f in &b.structure.formulas {
        if f.start < at || f.end > end || f.start >= f.end {
            continue;
        }
        let (Some(before), Some(formula)) = (b.text.get(at..f.start), b.text.get(f.start..f.end))
        else {
            continue;
        };
        md_escape(before, out);
        md_formula(formula, out);
        at = f.end;
    }
    md_escape(b.text.get(at..end).unwrap_or(""), out);
}

/// Writes a formula as inline math in a code span, `` $`x^2`$ ``: a renderer with math reads
/// it as TeX, and one without shows it as code. Either way, nothing in the formula (it is
/// the page's text: an `alttext` or a TeX annotation) is read as Markdown or HTML, and no
/// line end in it ends the paragraph.
fn md_formula(formula: &str, out: &mut String) {
    let flat: String = formula
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let longest = flat.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    out.push('$');
    out.push_str(&fence);
    // A space on each side keeps a backtick at either end apart from the fence.
    out.push(' ');
    out.push_str(&flat);
    out.push(' ');
    out.push_str(&fence);
    out.push('$');
}

fn md_images(b: &Block, out: &mut String) {
    for img in b.structure.images.iter().filter(|i| safe_url(&i.src)) {
        out.push_str("![");
        md_escape(&img.alt, out);
        let _ = writeln!(out, "]({})", md_url(&img.src));
        out.push('\n');
    }
}

fn md_cell(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut s = String::new();
    md_escape(&flat, &mut s);
    s
}

/// Renders the body as CommonMark with GFM tables.
fn markdown(doc: &Document) -> String {
    let blocks = body(doc);
    let mut out = String::new();
    let mut counters: HashMap<u32, usize> = HashMap::new();
    let mut i = 0;
    let mut prev_list = false;
    while i < blocks.len() {
        let b = blocks[i];
        let is_list = b.structure.list.is_some() && b.features.kind == BlockKind::ListItem;
        if !out.is_empty() {
            out.push_str(if is_list && prev_list { "\n" } else { "\n\n" });
        }
        prev_list = is_list;
        let quote = "> ".repeat(usize::from(b.structure.quote_depth));
        let mut chunk = String::new();
        md_images(b, &mut chunk);
        if let Some(run) = table_run(&blocks, i) {
            i += run.len();
            let rows: Vec<&Vec<String>> = run.iter().map(|t| &t.cells).collect();
            let width = rows.iter().map(|r| r.len()).max().unwrap_or(1).max(1);
            // The header row and the delimiter row take every column; the other rows only
            // their own cells (GFM fills a short row with empty cells), so that one wide row
            // over many narrow ones costs its own width once, not once per row.
            for (r, row) in rows.iter().enumerate() {
                chunk.push('|');
                let cells = if r == 0 { width } else { row.len().max(1) };
                for c in 0..cells {
                    let _ = write!(
                        chunk,
                        " {} |",
                        row.get(c).map(|t| md_cell(t)).unwrap_or_default()
                    );
                }
                chunk.push('\n');
                if r == 0 {
                    chunk.push('|');
                    chunk.push_str(&" --- |".repeat(width));
                    chunk.push('\n');
                }
            }
            let chunk = chunk.trim_end_matches('\n');
            out.push_str(&prefix_lines(chunk, &quote));
            continue;
        }
        match b.features.kind {
            BlockKind::Heading(level) => {
                chunk.push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
                chunk.push(' ');
                let mut h = String::new();
                md_inline(b, &mut h);
                chunk.push_str(&h.replace("\\\n", " "));
            }
            BlockKind::Pre => {
                // Every line end as `\n`, so that the quote's prefix reaches every line.
                let code = b.text.replace("\r\n", "\n").replace('\r', "\n");
                let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                let _ = write!(chunk, "{fence}\n{code}\n{fence}");
            }
            BlockKind::ListItem if b.structure.list.is_some() => {
                let list = b.structure.list.unwrap_or(crate::document::ListInfo {
                    list: 0,
                    ordered: false,
                    depth: 1,
                });
                let indent = "    ".repeat(usize::from(list.depth.max(1) - 1));
                let marker = if list.ordered {
                    let n = counters.entry(list.list).or_insert(0);
                    *n += 1;
                    format!("{n}. ")
                } else {
                    "- ".to_string()
                };
                let mut item = String::new();
                md_inline(b, &mut item);
                let pad = " ".repeat(indent.len() + marker.len());
                let body = item.replace('\n', &format!("\n{pad}"));
                let _ = write!(chunk, "{indent}{marker}{body}");
            }
            BlockKind::Caption => {
                let mut c = String::new();
                md_inline(b, &mut c);
                let _ = write!(chunk, "*{}*", c.trim());
            }
            _ => md_inline(b, &mut chunk),
        }
        out.push_str(&prefix_lines(&chunk, &quote));
        i += 1;
    }
    out
}

/// Puts `prefix` before every line, a line ending at any of CommonMark's line ends.
fn prefix_lines(text: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

// --------------------------------------------------------------------------------- HTML

fn esc(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Writes a block's text with its links. With `breaks`, the text's line breaks become
/// `<br>`s (never inside an attribute).
fn html_inline(b: &Block, out: &mut String, breaks: bool) {
    let text_out = |text: &str, out: &mut String| {
        if breaks {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                esc(first, out);
            }
            for line in lines {
                out.push_str("<br>\n");
                esc(line, out);
            }
        } else {
            esc(text, out);
        }
    };
    for (text, link) in runs(b) {
        match link.filter(|u| safe_url(u)) {
            Some(url) => {
                out.push_str("<a href=\"");
                esc(&md_url(url), out);
                out.push_str("\">");
                text_out(text, out);
                out.push_str("</a>");
            }
            None => text_out(text, out),
        }
    }
}

/// Renders the body as minimal HTML inside `<article>`.
fn html(doc: &Document) -> String {
    let blocks = body(doc);
    let mut out = String::from("<article>\n");
    // Open lists as (id, ordered); an item is left open until the next item at its depth.
    let mut lists: Vec<(u32, bool)> = Vec::new();
    let mut item_open: Vec<bool> = Vec::new();
    let mut quotes = 0u8;
    let mut i = 0;
    let close_lists =
        |out: &mut String, lists: &mut Vec<(u32, bool)>, item_open: &mut Vec<bool>, keep: usize| {
            while lists.len() > keep {
                if item_open.pop() == Some(true) {
                    out.push_str("</li>\n");
                }
                if let Some((_, ordered)) = lists.pop() {
                    out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
                }
            }
        };
    while i < blocks.len() {
        let b = blocks[i];
        let list = b
            .structure
            .list
            .filter(|_| b.features.kind == BlockKind::ListItem);
        let depth = list.map_or(0, |l| usize::from(l.depth.max(1)));
        if list.is_none() || lists.len() > depth {
            let keep = depth.min(lists.len());
            close_lists(&mut out, &mut lists, &mut item_open, keep);
        }
        while quotes < b.structure.quote_depth {
            out.push_str("<blockquote>\n");
            quotes += 1;
        }
        while quotes > b.structure.quote_depth {
            close_lists(&mut out, &mut lists, &mut item_open, 0);
            out.push_str("</blockquote>\n");
            quotes -= 1;
        }
        // A caption and the images it stands under are one figure.
        let figure = b.features.kind == BlockKind::Caption && !b.structure.images.is_empty();
        for img in b.structure.images.iter().filter(|im| safe_url(&im.src)) {
            out.push_str("<figure><img src=\"");
            esc(&md_url(&img.src), &mut out);
            out.push_str("\" alt=\"");
            esc(&img.alt, &mut out);
            out.push_str(if figure { "\">" } else { "\"></figure>\n" });
        }
        if figure && b.structure.images.iter().any(|im| safe_url(&im.src)) {
            out.push_str("<figcaption>");
            html_inline(b, &mut out, false);
            out.push_str("</figcaption></figure>\n");
            i += 1;
            continue;
        }
        if let Some(l) = list {
            while lists.len() < depth {
                let ordered = if lists.len() + 1 == depth {
                    l.ordered
                } else {
                    false
                };
                out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
                lists.push((l.list, ordered));
                item_open.push(false);
            }
            if item_open.last() == Some(&true) {
                out.push_str("</li>\n");
            }
            out.push_str("<li>");
            html_inline(b, &mut out, false);
            if let Some(last) = item_open.last_mut() {
                *last = true;
            }
            out.push('\n');
            i += 1;
            continue;
        }
        if let Some(run) = table_run(&blocks, i) {
            i += run.len();
            out.push_str("<table>\n");
            let mut head = true;
            for row in run {
                let is_head = head && row.header;
                head = is_head;
                let cell = if is_head { "th" } else { "td" };
                out.push_str("<tr>");
                for c in &row.cells {
                    let _ = write!(out, "<{cell}>");
                    esc(c, &mut out);
                    let _ = write!(out, "</{cell}>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
            continue;
        }
        match b.features.kind {
            BlockKind::Heading(level) => {
                let l = level.clamp(1, 6);
                let _ = write!(out, "<h{l}>");
                html_inline(b, &mut out, false);
                let _ = writeln!(out, "</h{l}>");
            }
            BlockKind::Pre => {
                out.push_str("<pre><code>");
                esc(&b.text, &mut out);
                out.push_str("</code></pre>\n");
            }
            BlockKind::Caption => {
                out.push_str("<figure><figcaption>");
                html_inline(b, &mut out, false);
                out.push_str("</figcaption></figure>\n");
            }
            _ => {
                out.push_str("<p>");
                html_inline(b, &mut out, true);
                out.push_str("</p>\n");
            }
        }
        i += 1;
    }
    close_lists(&mut out, &mut lists, &mut item_open, 0);
    while quotes > 0 {
        out.push_str("</blockquote>\n");
        quotes -= 1;
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        let mut s = String::new();
        md_escape(
            "# not a heading *or* _emphasis_ [x](y) <b> a|b\n1. not a list",
            &mut s,
        );
        assert_eq!(
            s,
            "\\# not a heading \\*or\\* \\_emphasis\\_ \\[x\\](y) \\<b\\> a\\|b\\\n1\\. not a list"
        );
    }

    #[test]
    fn html_text_and_attributes_are_escaped() {
        let mut s = String::new();
        esc("<script>alert('x')</script> & \"q\"", &mut s);
        assert_eq!(
            s,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert!(
            !safe_url("javascript:alert(1)")
                && !safe_url(" JavaScript:x")
                && !safe_url("data:text/html,x")
        );
        assert!(
            safe_url("https://e.org/a") && safe_url("/relative/path") && safe_url("mailto:a@b.c")
        );
    }
}
