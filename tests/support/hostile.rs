//! Pages built to hurt, generated from a small grammar rather than listed by hand.
//!
//! A *shape* is a context (the markup a page opens with), a unit repeated `n` times, and a
//! closing tail. The unit is one to four *atoms* drawn from the grammar:
//!
//! ```text
//! atom    := open | close | text
//! open    := "<" tag attr? ">" | "<" tag attr? "/>"
//! close   := "</" tag ">"
//! tag     := one of TAGS (containers, list items, table parts, formatting elements,
//!            raw-text elements, foreign roots, scope boundaries, custom elements)
//! attr    := a class distinct per repetition | a huge style | a huge class of spaces
//!          | a huge href | hidden | a display:none style
//! context := "" | an open tag of CONTEXTS | a formatting run | a huge-attribute element
//! ```
//!
//! Every combination the grammar can draw is a page html5ever must build, and every stage
//! after it must read, in time linear in its size. [`shapes`] draws a fixed, seeded sample;
//! [`named`] adds the shapes reported in issues, so that each stays a regression case.

/// Tags the grammar draws from: every kind the tree builder treats specially.
pub const TAGS: &[&str] = &[
    "div",
    "span",
    "p",
    "li",
    "dd",
    "dt",
    "section",
    "option",
    "optgroup",
    "b",
    "a",
    "i",
    "font",
    "nobr",
    "em",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "caption",
    "col",
    "svg",
    "math",
    "mi",
    "foreignObject",
    "desc",
    "title",
    "style",
    "script",
    "noscript",
    "object",
    "applet",
    "marquee",
    "select",
    "button",
    "h2",
    "form",
    "pre",
    "textarea",
    "template",
    "ul",
    "ol",
    "dl",
    "x-item",
    "br",
    "img",
    "input",
    "frameset",
    "body",
    "html",
    "head",
    "plaintext",
    "xmp",
    "iframe",
    "image",
    "hr",
    "label",
    "address",
    "article",
];

/// An article's opening: enough prose for a trusted region, so that the paths that run
/// only when a region is trusted (the lead, the headline, prose above, the region's edges,
/// comment threads, promotions) are timed too.
pub const ARTICLE: &str = "<article><h1>The harbour reopens</h1><p>The harbour reopened on \
    Monday after three months of repairs to the north pier, and the first ferry left at nine \
    with a full deck of cars and foot passengers, most of them locals who had waited all \
    winter.</p><p>The repairs cost more than the council had planned, because the divers found \
    that the old timber piles under the pier had rotted further than the survey showed, and \
    every one of them had to be replaced before the deck could be laid again.</p><p>The \
    harbour master said the pier should now last another fifty years, and that the ferry \
    company would add an evening crossing from May, when the tourist season begins and the \
    island's hotels open their doors again.</p></article>";

/// Opening contexts: what the repeated unit sits inside.
pub const CONTEXTS: &[&str] = &[
    "",
    ARTICLE,
    "<main><div class=content>",
    "<svg>",
    "<math>",
    "<table>",
    "<ul>",
    "<dl>",
    "<select>",
    "<object>",
    "<p>",
    "<svg><foreignObject>",
    "<math><mi>",
    "<template>",
    "<table><tr><td>",
    "<frameset>",
    "<b><i><a href=x>",
    "<button>",
    "<pre>",
    "<marquee>",
];

/// Placeholders in a head that grow with the page: `{spaces}` and `{letters}` become as
/// many bytes as the repeated units, so that a value read once per block or per clone
/// costs quadratic time if it is read whole each time.
const SPACES: &str = "{spaces}";
const LETTERS: &str = "{letters}";

/// The attributes an open atom may carry; `{i}` becomes the repetition's index.
fn attribute(kind: u64) -> String {
    match kind % 8 {
        0..=2 => String::new(),
        3 => " class=\"c{i}\"".to_string(),
        4 => format!(" style=\"{SPACES}color:red\""),
        5 => format!(" class=\"{SPACES}x\""),
        6 => format!(" href=\"http://e.example/{LETTERS}\""),
        _ => [" hidden", " style=\"display:none\"", " aria-hidden=true"][(kind / 8 % 3) as usize]
            .to_string(),
    }
}

/// One generated page family.
#[derive(Debug, Clone)]
pub struct Shape {
    /// How the shape was drawn, for messages.
    pub name: String,
    pub head: String,
    /// The repeated unit; `{i}` is replaced by the repetition's index.
    pub unit: String,
    pub tail: String,
}

impl Shape {
    fn new(name: impl Into<String>, head: &str, unit: &str, tail: &str) -> Shape {
        Shape {
            name: name.into(),
            head: head.to_string(),
            unit: unit.to_string(),
            tail: tail.to_string(),
        }
    }

    /// The page with the unit repeated `n` times.
    pub fn page(&self, n: usize) -> String {
        let indexed = self.unit.contains("{i}");
        let fill = n * self.unit.len().max(4);
        let head = self
            .head
            .replace(SPACES, &" ".repeat(fill))
            .replace(LETTERS, &"h".repeat(fill));
        let mut s = String::with_capacity(head.len() + n * (self.unit.len() + 4));
        s.push_str("<!doctype html><html>");
        s.push_str(&head);
        for i in 0..n {
            if indexed {
                s.push_str(&self.unit.replace("{i}", &i.to_string()));
            } else {
                s.push_str(&self.unit);
            }
        }
        s.push_str(&self.tail);
        s
    }

    /// Repetitions that make a page of about `bytes`.
    pub fn repeats_for(&self, bytes: usize) -> usize {
        let unit = self.unit.replace("{i}", "12345").len().max(1);
        let grows = self.head.contains(SPACES) || self.head.contains(LETTERS);
        let per_repeat = if grows {
            unit + self.unit.len().max(4)
        } else {
            unit
        };
        (bytes.saturating_sub(self.head.len()) / per_repeat).max(1)
    }
}

/// A small deterministic generator (xorshift), so that the sample is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// `count` shapes drawn from the grammar with the given seed.
pub fn shapes(seed: u64, count: usize) -> Vec<Shape> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(count);
    for k in 0..count {
        let context = rng.pick(CONTEXTS);
        let huge_head = rng.next().is_multiple_of(6);
        let head = if huge_head {
            // A formatting element with a huge attribute, left open: cloned into every block.
            format!("{context}<p><b{}>", attribute(4 + rng.next() % 3))
        } else {
            context.to_string()
        };
        let atoms = 1 + (rng.next() % 4) as usize;
        let mut unit = String::new();
        for _ in 0..atoms {
            let tag = rng.pick(TAGS);
            match rng.next() % 5 {
                0 | 1 => {
                    unit.push('<');
                    unit.push_str(tag);
                    // Huge attributes only on the head: repeated, they make the page itself huge.
                    let kind = rng.next();
                    if kind % 8 < 4 || kind % 8 == 7 {
                        unit.push_str(&attribute(kind));
                    }
                    unit.push('>');
                }
                2 => {
                    unit.push('<');
                    unit.push_str(tag);
                    unit.push_str("/>");
                }
                3 => {
                    unit.push_str("</");
                    unit.push_str(tag);
                    unit.push('>');
                }
                _ => unit.push_str("x "),
            }
        }
        let shown: String = head.chars().take(40).collect();
        out.push(Shape::new(
            format!("#{k}: head {shown:?} unit {unit:?}"),
            &head,
            &unit,
            "",
        ));
    }
    out
}

/// The shapes reported in issues, each kept as a regression case.
pub fn named() -> Vec<Shape> {
    // (A formatting element is cloned into each paragraph once the paragraph it opened in
    // is closed: hence the `<p>` before it.)
    let big_style = format!("<p><b style=\"{SPACES}color:red\">");
    let big_class = format!("<div class=\"{SPACES}x\">");
    let big_href = format!("<p><a href=\"http://e.example/{LETTERS}\">");
    let long_href = format!("<p><a href=\"http://e.example/{}\">", "h".repeat(12 << 10));
    let big_site = format!("<meta property=og:site_name content=\"{LETTERS}\"><title>");
    let formatting_run: String = (0..200).map(|i| format!("<b class=c{i}>")).collect();
    let long_base = format!("<base href=\"http://e.example/{LETTERS}/\">{ARTICLE}");
    let wide_header: String = format!(
        "{ARTICLE}<table><tr>{}</tr>",
        "<th>Column heading</th>".repeat(2000)
    );
    let formula = "<math alttext=\"&lt;img src=x onerror=alert(1)&gt;[a](javascript:b)\">\
        <mi>x</mi></math>";
    vec![
        Shape::new(
            "an article, then one-word blocks",
            ARTICLE,
            "<div>x</div>",
            "",
        ),
        Shape::new(
            "an article, then one-word headings",
            ARTICLE,
            "<h3>x</h3>",
            "",
        ),
        Shape::new(
            "an article, then comment lines and posts",
            ARTICLE,
            "<p>Posted by Reader at 10:{i}</p><p>A short reply with a few words in it.</p>",
            "",
        ),
        Shape::new(
            "an article, then teaser pairs",
            ARTICLE,
            "<h3><a href=/s{i}>Another story about the harbour</a></h3>\
             <p>Its summary is a sentence of about a dozen words long.</p>",
            "",
        ),
        Shape::new(
            "a long base href under every link",
            &long_base,
            "<p><a href=x{i}>a link</a></p>",
            "",
        ),
        Shape::new(
            "a wide header row over one-cell rows",
            &wide_header,
            "<tr><td>x</td></tr>",
            "</table>",
        ),
        Shape::new("formulas with markup in their text", ARTICLE, formula, ""),
        Shape::new(
            "carriage returns in quoted code",
            ARTICLE,
            "<blockquote><pre>a&#13;# b&#13;<x>\r</pre></blockquote>",
            "",
        ),
        Shape::new("svg then self-closed divs", "<svg>", "<div/>", ""),
        Shape::new(
            "applets, objects and marquees closed by tables",
            "",
            "<applet/><h2 hidden><object><table></iframe><marquee><section/><table>",
            "",
        ),
        Shape::new(
            "an end tag with ever more attributes",
            "<div>x</div",
            " a{i}=1",
            "><p>after</p>",
        ),
        Shape::new(
            "character references and CDATA in foreign content",
            "<svg>",
            "<![CDATA[a&amp;{i}]]><text>&notin;&#x41;&am</text>",
            "</svg>",
        ),
        Shape::new(
            "span around 250 divs, repeated",
            "",
            &format!("<span>{}</span>", "<div>".repeat(250)),
            "",
        ),
        Shape::new("list items holding sections", "<ul>", "<li><section>", ""),
        Shape::new("unclosed list items", "<ul>", "<li>x", ""),
        Shape::new("unclosed definitions", "<dl>", "<dd>x", ""),
        Shape::new("options", "<select>", "<option>x", ""),
        Shape::new("objects", "", "<object>x", ""),
        Shape::new("raw text inside svg", "<svg>", "<style><div>", ""),
        Shape::new("misnested formatting", "", "<b><p>x</b>", ""),
        Shape::new(
            "open formatting run, then paragraphs",
            &formatting_run,
            "<p>x",
            "",
        ),
        Shape::new("huge style cloned into paragraphs", &big_style, "<p>x", ""),
        Shape::new("huge class above every block", &big_class, "<p>x</p>", ""),
        Shape::new("huge href cloned into paragraphs", &big_href, "<p>x", ""),
        Shape::new("long href cloned into paragraphs", &long_href, "<p>x", ""),
        Shape::new("tiny divs", "", "<div>x</div>", ""),
        Shape::new("headings", "", "<h2>x</h2>", ""),
        Shape::new(
            "title parts beside a long site name",
            &big_site,
            "a | ",
            "</title><p>The body of the page, with a sentence or two of text in it.</p>",
        ),
    ]
}
