//! Optional layer — metadata: title, authors, dates, site, language, description, canonical
//! URL, image, categories, tags and page type, from the most trusted source that has them.
//!
//! Sources, in order of trust: JSON-LD (objects, arrays and `@graph`), then meta tags
//! (OpenGraph, Twitter, Dublin Core, `article:*`, plain `name=`), then microdata (`itemprop`),
//! then `<time datetime>`, then the text itself (a byline or a date line near the headline).
//! Malformed JSON-LD is skipped, never an error.

use crate::error::Error;
use crate::limits::Budget;
use crate::score::page_type::PageType;
use crate::segment::{PageSources, RawBlock};
use serde_json::Value;

/// The page's metadata. Each field comes from the most trusted source that has it: JSON-LD,
/// then meta tags, then microdata, then `<time>`, then the text. Dates are ISO 8601, with the
/// timezone when the page gives one.
///
/// ```
/// let page = r#"<html><head><title>Ferry timetable changes | Harbour News</title>
///   <meta property="og:site_name" content="Harbour News">
///   <meta property="article:published_time" content="2024-05-02T06:30:00+02:00">
///   <meta name="author" content="Ines Roth"></head>
///   <body><article><p>The morning ferry will leave twenty minutes earlier from June, the operator said on Thursday.</p></article></body></html>"#;
/// let m = dechrome::extract(page)?.metadata;
/// assert_eq!(m.title.as_deref(), Some("Ferry timetable changes"));
/// assert_eq!(m.site_name.as_deref(), Some("Harbour News"));
/// assert_eq!(m.published.as_deref(), Some("2024-05-02T06:30:00+02:00"));
/// assert_eq!(m.authors, ["Ines Roth"]);
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Metadata {
    /// The article's headline (not the `<title>` with its " | Site" suffix).
    pub title: Option<String>,
    /// Authors' names.
    pub authors: Vec<String>,
    /// Date of publication, ISO 8601 (`2019-11-22` or `2019-11-22T14:05:00Z`).
    pub published: Option<String>,
    /// Date of the last change, ISO 8601.
    pub modified: Option<String>,
    /// The site's or publisher's name.
    pub site_name: Option<String>,
    /// Language of the page: an ISO 639-1 code, or `None`. A declared language counts when
    /// it names one (its first item and primary subtag: `"de, ch, at"` and `"de-CH"` are
    /// `de`); otherwise the language is detected from the page's prose, by its script and
    /// then by `whatlang`'s model.
    pub language: Option<String>,
    /// The page's summary.
    pub description: Option<String>,
    /// The canonical URL.
    pub canonical_url: Option<String>,
    /// The main image's URL.
    pub image: Option<String>,
    /// Sections or categories.
    pub categories: Vec<String>,
    /// Tags and keywords.
    pub tags: Vec<String>,
    /// The kind of page, where it is clear.
    pub page_type: Option<PageType>,
}

/// Lines of the page that carry metadata rather than body text.
///
/// ```
/// use dechrome::MetaRole;
/// let doc = dechrome::extract("<article><h1>Ferry times</h1><p>By Jane Roe</p><p>The ferry leaves \
///     at nine and returns at six, weather allowing, from the north pier.</p></article>")?;
/// let byline = doc.blocks.iter().find(|b| b.text == "By Jane Roe").expect("the byline");
/// assert_eq!(byline.role, Some(MetaRole::Byline));
/// assert!(!doc.text.contains("Jane Roe"));
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum MetaRole {
    /// The byline ("By Jane Roe").
    Byline,
    /// The dateline (publication date and time).
    Date,
}

/// Fills `out` from the first source that has each field.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn fill_vec(slot: &mut Vec<String>, values: Vec<String>) {
    if slot.is_empty() {
        let mut seen = std::collections::HashSet::new();
        slot.extend(
            values
                .into_iter()
                .filter(|v| !v.is_empty() && seen.insert(v.to_lowercase())),
        );
    }
}

/// A metadata value with its whitespace collapsed and the character references that
/// escaped markup left behind decoded (`Actuary&#8217;s`, `Q&amp;A` in JSON-LD, or in a
/// meta tag written twice escaped).
fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = if t.contains('&') {
        decode_references(&t)
    } else {
        t
    };
    (!t.is_empty()).then_some(t)
}

/// Named references that escaped titles and names use.
const NAMED_REFERENCES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("rdquo", '”'),
    ("ldquo", '“'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
];

/// Decodes `&name;`, `&#NNN;` and `&#xHH;` references (one level, so that `&amp;amp;`
/// becomes `&amp;` as a browser shows it).
fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').filter(|&end| end <= 8).and_then(|end| {
            let name = &after[..end];
            let ch = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32).filter(|c| !c.is_control())
            } else {
                NAMED_REFERENCES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| *c)
            };
            ch.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------------------------- JSON-LD

fn types_of(node: &Value) -> Vec<&str> {
    match node.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn page_type_of(t: &str) -> Option<PageType> {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    Some(match t {
        "Article"
        | "NewsArticle"
        | "BlogPosting"
        | "Report"
        | "ScholarlyArticle"
        | "TechArticle"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "OpinionNewsArticle"
        | "LiveBlogPosting"
        | "BackgroundNewsArticle"
        | "ReviewNewsArticle"
        | "SatiricalArticle"
        | "Review" => PageType::Article,
        "DiscussionForumPosting" | "QAPage" | "Question" | "SocialMediaPosting" => PageType::Forum,
        "Product" | "ProductGroup" | "IndividualProduct" => PageType::Product,
        "ItemList" | "CollectionPage" | "SearchResultsPage" | "OfferCatalog" => PageType::Listing,
        "Recipe" => PageType::Recipe,
        "VideoObject" | "Movie" => PageType::Video,
        "ProfilePage" | "Person" => PageType::Profile,
        _ => return None,
    })
}

/// Every node of a JSON-LD document: top-level objects, arrays and `@graph` members.
/// Collects the nodes of a JSON-LD document: the objects at its top level, in top-level
/// arrays and in `@graph`s. Each is moved, not copied (a `@graph` leaves its container),
/// so that nested graphs cost their size once.
fn nodes(doc: Value, out: &mut Vec<Value>) {
    match doc {
        Value::Array(items) => items.into_iter().for_each(|i| nodes(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                nodes(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(m) => m.get("name").or_else(|| m.get("@value")).and_then(text_of),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::String(s) => split_names(s),
        other => text_of(other).into_iter().collect(),
    }
}

fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(m) => m.get("url").or_else(|| m.get("@id")).and_then(url_of),
        Value::Array(a) => a.iter().find_map(url_of),
        _ => None,
    }
}

fn list_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s.split(',').filter_map(clean).collect(),
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// Every node of the page's JSON-LD scripts (objects, arrays and `@graph` members);
/// malformed scripts are skipped. Parsed once, for the page type and the metadata.
pub(crate) fn json_ld_nodes(scripts: &[String], budget: &Budget) -> Result<Vec<Value>, Error> {
    let mut all = Vec::new();
    for s in scripts {
        // The parsed values can take far more memory than their text: charged first.
        budget.charge("metadata", json_cost(s))?;
        // Some sites wrap the JSON in CDATA or HTML comments.
        let body = s.trim().trim_start_matches("<!--").trim_end_matches("-->");
        let body = body
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>");
        if let Ok(doc) = serde_json::from_str::<Value>(body.trim()) {
            nodes(doc, &mut all);
        }
    }
    Ok(all)
}

/// Bytes of memory that parsing `json` into [`Value`]s can take at most, counted in one
/// pass over its text: each object may take a map node, each other value its slot, and
/// each string its bytes.
fn json_cost(json: &str) -> usize {
    /// A map's first node (keys and values of a B-tree leaf), and one value's slot.
    const OBJECT: usize = 700;
    const VALUE: usize = 2 * std::mem::size_of::<Value>();
    let (mut objects, mut values) = (0usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for &b in json.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => objects += 1,
            b'[' | b',' | b':' => values += 1,
            _ => {}
        }
    }
    json.len() + objects * OBJECT + (values + 1) * VALUE
}

/// Every `@type` the JSON-LD nodes declare, without its `schema.org/` prefix.
pub(crate) fn declared_types(nodes: &[Value]) -> Vec<&str> {
    nodes
        .iter()
        .flat_map(types_of)
        .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
        .collect()
}

fn from_json_ld(all: &[Value], out: &mut Metadata) {
    if all.is_empty() {
        return;
    }
    // The main node: the first with a known page type, articles first.
    let rank = |n: &Value| {
        types_of(n)
            .iter()
            .filter_map(|t| page_type_of(t))
            .map(|p| if p == PageType::Article { 0 } else { 1 })
            .min()
    };
    let main = all
        .iter()
        .filter(|n| rank(n).is_some())
        .min_by_key(|n| rank(n));
    if let Some(node) = main {
        out.page_type = types_of(node).iter().find_map(|t| page_type_of(t));
        let get = |k: &str| node.get(k);
        fill(
            &mut out.title,
            get("headline").or_else(|| get("name")).and_then(text_of),
        );
        fill_vec(
            &mut out.authors,
            get("author")
                .or_else(|| get("creator"))
                .map(names_of)
                .unwrap_or_default(),
        );
        fill(
            &mut out.published,
            get("datePublished")
                .or_else(|| get("dateCreated"))
                .and_then(text_of)
                .and_then(|d| normalize_date(&d)),
        );
        fill(
            &mut out.modified,
            get("dateModified")
                .and_then(text_of)
                .and_then(|d| normalize_date(&d)),
        );
        fill(&mut out.site_name, get("publisher").and_then(text_of));
        fill(&mut out.description, get("description").and_then(text_of));
        fill(
            &mut out.image,
            get("image")
                .or_else(|| get("thumbnailUrl"))
                .and_then(url_of),
        );
        fill(&mut out.language, get("inLanguage").and_then(text_of));
        fill(
            &mut out.canonical_url,
            get("mainEntityOfPage")
                .and_then(url_of)
                .or_else(|| get("url").and_then(url_of)),
        );
        fill_vec(
            &mut out.categories,
            get("articleSection").map(list_of).unwrap_or_default(),
        );
        fill_vec(
            &mut out.tags,
            get("keywords").map(list_of).unwrap_or_default(),
        );
    }
    // A date the main node lacks (or a graph with no node of a known type) may sit on
    // another node: its WebPage.
    for (key, field) in [
        ("datePublished", &mut out.published),
        ("dateModified", &mut out.modified),
    ] {
        fill(
            field,
            all.iter()
                .find_map(|n| n.get(key).and_then(text_of))
                .and_then(|d| normalize_date(&d)),
        );
    }
    let site = all.iter().find(|n| {
        types_of(n)
            .iter()
            .any(|t| matches!(*t, "WebSite" | "Organization" | "NewsMediaOrganization"))
    });
    fill(
        &mut out.site_name,
        site.and_then(|n| n.get("name")).and_then(text_of),
    );
}

// ---------------------------------------------------------------------------- meta tags

fn from_meta(meta: &[(&str, &str)], out: &mut Metadata) {
    let find = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            meta.iter()
                .find(|(mk, _)| mk.eq_ignore_ascii_case(k))
                .and_then(|(_, v)| clean(v))
        })
    };
    let all = |keys: &[&str]| -> Vec<String> {
        meta.iter()
            .filter(|(mk, _)| keys.iter().any(|k| mk.eq_ignore_ascii_case(k)))
            .flat_map(|(_, v)| v.split(',').filter_map(clean).collect::<Vec<_>>())
            .collect()
    };
    fill(
        &mut out.title,
        find(&[
            "og:title",
            "twitter:title",
            "dc.title",
            "dcterms.title",
            "headline",
        ]),
    );
    let authors: Vec<String> = [
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ]
    .iter()
    .flat_map(|k| {
        meta.iter()
            .filter(move |(mk, _)| mk.eq_ignore_ascii_case(k))
    })
    .flat_map(|(_, v)| split_names(v))
    .filter(|a| !a.starts_with("http"))
    .collect();
    fill_vec(&mut out.authors, authors);
    let published = find(&[
        "article:published_time",
        "og:published_time",
        "datePublished",
        "dc.date",
        "dcterms.date",
        "dc.date.issued",
        "dcterms.issued",
        "date",
        "pubdate",
        "publish-date",
        "publish_date",
        "sailthru.date",
        "parsely-pub-date",
    ]);
    fill(
        &mut out.published,
        published.and_then(|d| normalize_date(&d)),
    );
    fill(
        &mut out.modified,
        find(&[
            "article:modified_time",
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "last-modified",
        ])
        .and_then(|d| normalize_date(&d)),
    );
    fill(
        &mut out.site_name,
        find(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ]),
    );
    fill(
        &mut out.description,
        find(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
            "dcterms.description",
        ]),
    );
    fill(
        &mut out.image,
        find(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ]),
    );
    fill(
        &mut out.language,
        find(&["og:locale", "content-language", "dc.language", "language"]),
    );
    fill(&mut out.canonical_url, find(&["og:url"]));
    fill_vec(
        &mut out.categories,
        all(&["article:section", "category", "parsely-section"]),
    );
    fill_vec(
        &mut out.tags,
        all(&["article:tag", "keywords", "news_keywords", "parsely-tags"]),
    );
    if out.page_type.is_none() {
        out.page_type = find(&["og:type"]).and_then(|t| match t.to_ascii_lowercase().as_str() {
            "article" | "blog" | "news" => Some(PageType::Article),
            "product" | "og:product" | "product.item" => Some(PageType::Product),
            t if t.starts_with("video") => Some(PageType::Video),
            "profile" => Some(PageType::Profile),
            _ => None,
        });
    }
}

fn from_microdata(micro: &[(&str, String)], out: &mut Metadata) {
    let find = |keys: &[&str]| {
        micro
            .iter()
            .find(|(k, _)| keys.iter().any(|x| k.eq_ignore_ascii_case(x)))
            .map(|(_, v)| v.clone())
    };
    fill(&mut out.title, find(&["headline"]));
    let authors: Vec<String> = micro
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("author"))
        .flat_map(|(_, v)| split_names(v))
        .collect();
    fill_vec(&mut out.authors, authors);
    fill(
        &mut out.published,
        find(&["datePublished", "dateCreated"]).and_then(|d| normalize_date(&d)),
    );
    fill(
        &mut out.modified,
        find(&["dateModified"]).and_then(|d| normalize_date(&d)),
    );
    fill(&mut out.description, find(&["description"]));
    fill_vec(
        &mut out.categories,
        find(&["articleSection"])
            .map(|s| vec![s])
            .unwrap_or_default(),
    );
    fill_vec(
        &mut out.tags,
        find(&["keywords"])
            .map(|s| s.split(',').filter_map(clean).collect())
            .unwrap_or_default(),
    );
}

/// Splits "Jane Roe and John Doe" / "Jane Roe, John Doe" into names.
fn split_names(s: &str) -> Vec<String> {
    let s = s
        .replace(" and ", ",")
        .replace(" und ", ",")
        .replace(" & ", ",");
    s.split([',', ';', '|'])
        .filter_map(clean)
        .filter(|n| n.len() < 80)
        .collect()
}

/// Longest author name kept, in words.
const MAX_NAME_WORDS: usize = 6;

/// One author's name as people write it: without "By", handles, e-mail addresses, links,
/// or the date and time that bylines run on with ("Steven Musil January 18, 2017 11:00 PM
/// PST @stevenmusil" → "Steven Musil"), and in title case when it was all capitals. `None`
/// when nothing name-like is left.
fn normalize_author(raw: &str) -> Option<String> {
    let mut name = raw.trim();
    loop {
        let lower = name.to_lowercase();
        match BYLINE_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
            Some(p) if p.len() < name.len() => name = name[p.len()..].trim_start(),
            _ => break,
        }
    }
    let mut words = Vec::new();
    for word in name.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        // The name ends where a date, a time, a handle or an address begins.
        if word.starts_with('@')
            || word.contains("://")
            || word.contains('@')
            || bare.chars().any(|c| c.is_ascii_digit())
            || MONTHS.iter().any(|(m, _)| *m == lower)
        {
            break;
        }
        if !bare.is_empty() {
            words.push(word.trim_end_matches([',', ';', ':', '|']));
        }
    }
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let joined = words.join(" ");
    let letters: Vec<char> = joined.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    let name = if all_caps {
        joined
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(first) => first
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    } else {
        joined
    };
    Some(name)
}

/// The authors normalised ([`normalize_author`]) and without repeats, in their order.
fn normalize_authors(raw: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    raw.iter()
        .filter_map(|a| normalize_author(a))
        .filter(|a| seen.insert(a.to_lowercase()))
        .collect()
}

// -------------------------------------------------------------------------------- title

/// The title: the first candidate (JSON-LD, meta tags, microdata, the headline, `<title>`)
/// that agrees with one of the page's own titles (`og:title` or the like, and `<title>`),
/// so that a box heading ("Tools & Resources"), a person's name from a profile node or a
/// section heading is not taken for the page's title. With no page title to check against,
/// the first candidate; when none agrees, the page's own title.
fn choose_title(candidates: [Option<String>; 5], references: [Option<&str>; 2]) -> Option<String> {
    let refs: Vec<Vec<String>> = references
        .iter()
        .flatten()
        .map(|r| title_words(r))
        .filter(|w| !w.is_empty())
        .collect();
    let mut candidates = candidates
        .into_iter()
        .flatten()
        .filter(|c| !c.trim().is_empty());
    if refs.is_empty() {
        return candidates.next();
    }
    let agrees = |c: &str| {
        let words = title_words(c);
        !words.is_empty()
            && refs.iter().any(|r| {
                let shared = words.iter().filter(|w| r.contains(w)).count();
                // Most of the candidate is in the page title (a title with the site's name
                // around it), or most of the page title is in the candidate.
                shared * 5 >= words.len() * 3 || shared * 5 >= r.len() * 4
            })
    };
    let first_agreeing = candidates.find(|c| agrees(c));
    first_agreeing.or_else(|| references.iter().flatten().map(|r| r.to_string()).next())
}

/// A title's words, lower-cased, for comparing titles.
fn title_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ",
];

/// The headline part of a `<title>`: the site name and its separator removed.
pub(crate) fn clean_title(raw: &str, site_name: Option<&str>) -> String {
    let raw = raw.trim();
    let site = site_name.map(str::to_lowercase);
    for sep in TITLE_SEPARATORS {
        if !raw.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = raw
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        // (The site name is lower-cased once: it can be as long as the page.)
        let is_site = |p: &str| {
            site.as_deref().is_some_and(|s| {
                s.eq_ignore_ascii_case(p)
                    || (s.len() <= 2 * p.len() && p.to_lowercase().contains(s))
            })
        };
        let rest: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
        if rest.len() == 1 {
            return rest[0].to_string();
        }
        // No site name to go by: the longest part is the headline.
        if let Some(best) = parts.iter().max_by_key(|p| p.split_whitespace().count()) {
            return (*best).to_string();
        }
    }
    raw.to_string()
}

// -------------------------------------------------------------------------------- dates

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit))
        .then(|| s[..n].parse().ok())
        .flatten()
}

/// A real calendar date (1900–2100): the month's length, leap years included.
fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

/// A date written with numbers only, day and month in either order: `22.11.2019`,
/// `11/22/2019`, `22-11-2019`. With dots the day comes first, as everywhere dots are used;
/// with slashes or dashes the order is taken from the numbers when one is over 12, and an
/// ambiguous date (`05/11/2019`) is not read at all rather than read wrong.
fn numeric_date(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let number = |at: usize| {
        let n = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=2)
            .contains(&n)
            .then(|| s[at..at + n].parse::<u32>().ok())
            .flatten()
            .map(|v| (v, at + n))
    };
    for i in 0..bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            continue;
        }
        let Some((a, after_a)) = number(i) else {
            continue;
        };
        let Some(&sep) = bytes
            .get(after_a)
            .filter(|b| matches!(**b, b'.' | b'/' | b'-'))
        else {
            continue;
        };
        let Some((b, after_b)) = bytes.get(after_a + 1).and(number(after_a + 1)) else {
            continue;
        };
        if bytes.get(after_b) != Some(&sep) {
            continue;
        }
        let Some(y) = s.get(after_b + 1..).and_then(|r| digits(r, 4)) else {
            continue;
        };
        if bytes.get(after_b + 5).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let (d, m) = match sep {
            b'.' => (a, b),
            _ if a > 12 && b <= 12 => (a, b),
            _ if b > 12 && a <= 12 => (b, a),
            _ if a == b => (a, b),
            _ => continue,
        };
        if valid_ymd(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Month names of the common languages, lower-case, with their number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
];

/// Normalises a date to ISO 8601: `YYYY-MM-DD`, or with its time `YYYY-MM-DDTHH:MM:SS`, and the
/// timezone (`Z` or `±HH:MM`) when the source gives one. Also reads `DD.MM.YYYY`,
/// `YYYY/MM/DD`, and dates with month names ("22 November 2019", "November 22, 2019").
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(iso) = iso_like(s) {
        return Some(iso);
    }
    if let Some(date) = numeric_date(s) {
        return Some(date);
    }
    // Month names: find a month word, a day number and a year near it.
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .position(|w| MONTHS.iter().any(|(m, _)| m == w))?;
    let m = MONTHS
        .iter()
        .find(|(name, _)| *name == words[month])
        .map(|(_, n)| *n)?;
    let number = |w: &&str| w.parse::<u32>().ok();
    let year = words
        .iter()
        .filter_map(number)
        .find(|y| (1900..=2100).contains(y))?;
    let day = words[month.saturating_sub(1)..(month + 2).min(words.len())]
        .iter()
        .filter_map(number)
        .find(|d| (1..=31).contains(d))?;
    valid_ymd(year, m, day).then(|| format!("{year:04}-{m:02}-{day:02}"))
}

/// `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z|±HH[:]MM]`, also with `/` between the date parts.
fn iso_like(s: &str) -> Option<String> {
    let y = digits(s, 4)?;
    let sep = *s.as_bytes().get(4)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let m = digits(s.get(5..)?, 2)?;
    if s.as_bytes().get(7) != Some(&sep) {
        return None;
    }
    let d = digits(s.get(8..)?, 2)?;
    if !valid_ymd(y, m, d) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    let rest = s.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')) else {
        return Some(out);
    };
    let (Some(hh), Some(mm)) = (digits(time, 2), time.get(3..).and_then(|t| digits(t, 2))) else {
        return Some(out);
    };
    if time.as_bytes().get(2) != Some(&b':') || hh > 23 || mm > 59 {
        return Some(out);
    }
    let mut at = 5;
    let mut ss = 0;
    if time.as_bytes().get(5) == Some(&b':') {
        if let Some(v) = time.get(6..).and_then(|t| digits(t, 2)) {
            ss = v.min(60);
            at = 8;
        }
    }
    let mut frac = String::new();
    if time.as_bytes().get(at) == Some(&b'.') {
        let n = time[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        frac = time[at..at + 1 + n].to_string();
        at += 1 + n;
    }
    out.push_str(&format!("T{hh:02}:{mm:02}:{ss:02}{frac}"));
    let zone = time[at..].trim_start();
    if zone.starts_with('Z') || zone.starts_with('z') {
        out.push('Z');
    } else if let Some(sign) = zone.chars().next().filter(|c| *c == '+' || *c == '-') {
        let z = &zone[1..];
        let (zh, zm) = match (digits(z, 2), z.as_bytes().get(2)) {
            (Some(h), Some(b':')) => (Some(h), z.get(3..).and_then(|r| digits(r, 2))),
            (Some(h), _) => (Some(h), z.get(2..).and_then(|r| digits(r, 2)).or(Some(0))),
            _ => (None, None),
        };
        if let (Some(h), Some(mi)) = (zh, zm) {
            if h <= 14 && mi < 60 {
                out.push_str(&format!("{sign}{h:02}:{mi:02}"));
            }
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------- the stage

/// Words that open a byline, in the common languages.
const BYLINE_PREFIXES: &[&str] = &[
    "by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "przez ", "autor: ", "author: ",
    "text: ",
];

/// How many blocks around the headline are searched for a byline or a date line.
const NEAR_HEADLINE: usize = 8;

/// Builds the metadata and finds the byline and date lines near the headline.
pub(crate) fn extract(
    sources: &PageSources<'_>,
    json_ld: &[Value],
    blocks: &[RawBlock<'_>],
    headline: Option<usize>,
    first_content: Option<usize>,
    detected_language: Option<&str>,
) -> (Metadata, Vec<(usize, MetaRole)>) {
    let mut out = Metadata::default();
    // Each source's title is kept apart, to be checked against the page's own titles.
    from_json_ld(json_ld, &mut out);
    let json_ld_title = out.title.take();
    from_meta(&sources.meta, &mut out);
    let meta_title = out.title.take();
    from_microdata(&sources.microdata, &mut out);
    let microdata_title = out.title.take();
    // `<time>` elements: those marked as a change date the change.
    let dated = |updated: bool| {
        sources
            .times
            .iter()
            .zip(
                sources
                    .times_updated
                    .iter()
                    .chain(std::iter::repeat(&false)),
            )
            .filter(|(_, &u)| u == updated)
            .find_map(|(t, _)| normalize_date(t))
    };
    fill(&mut out.published, dated(false));
    fill(&mut out.modified, dated(true));
    fill(
        &mut out.canonical_url,
        sources.canonical.map(str::to_string),
    );

    // In-text fallbacks and the lines to label, near the headline (or the first content).
    let anchor = headline.or(first_content).unwrap_or(0);
    let lo = anchor.saturating_sub(NEAR_HEADLINE / 2);
    let hi = (anchor + NEAR_HEADLINE).min(blocks.len());
    let mut roles = Vec::new();
    // Nearest the headline first: a byline or date in a quote box or a teaser further away
    // loses to the article's own.
    let mut near: Vec<usize> = (lo..hi).collect();
    near.sort_by_key(|&i| i.abs_diff(anchor));
    for (i, b) in near
        .into_iter()
        .filter_map(|i| blocks.get(i).map(|b| (i, b)))
    {
        if Some(i) == headline || b.words > 12 {
            continue;
        }
        let lower = b.text.to_lowercase();
        if let Some(prefix) = BYLINE_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
            let names = &b.text[prefix.len()..];
            // "By Jane Roe, November 22, 2019": the names end where the date starts.
            let names = names.split(" - ").next().unwrap_or(names);
            let names = names
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or(names);
            let names = names
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .rsplit_once(' ')
                .filter(|(_, last)| MONTHS.iter().any(|(m, _)| last.eq_ignore_ascii_case(m)))
                .map_or(names, |(head, _)| head);
            let found: Vec<String> = split_names(names)
                .into_iter()
                .filter(|n| normalize_date(n).is_none() && !n.chars().any(|c| c.is_ascii_digit()))
                .collect();
            if !found.is_empty() {
                fill_vec(&mut out.authors, found);
                roles.push((i, MetaRole::Byline));
                continue;
            }
        }
        if let Some(date) = normalize_date(&b.text) {
            // "Last updated: …" dates the change, never the publication.
            if crate::cues::says_updated(&lower) {
                fill(&mut out.modified, Some(date));
            } else {
                fill(&mut out.published, Some(date));
            }
            roles.push((i, MetaRole::Date));
        }
    }
    // The byline elements last, the one nearest the headline first.
    if out.authors.is_empty() {
        let mut bylines: Vec<&(usize, String)> = sources.bylines.iter().collect();
        bylines.sort_by_key(|(at, _)| at.abs_diff(anchor));
        if let Some(names) = bylines
            .iter()
            .map(|(_, text)| split_names(text))
            .map(normalize_authors)
            .find(|n| !n.is_empty())
        {
            out.authors = names;
        }
    }
    out.authors = normalize_authors(std::mem::take(&mut out.authors));
    // A declared language counts when it names one (`"deutsch, german"`, `"en-US"`); a
    // declaration that names none gives way to the html element's, then to detection.
    out.language = out
        .language
        .take()
        .and_then(|l| crate::language::declared(&l))
        .or_else(|| sources.html_lang.and_then(crate::language::declared))
        .or(detected_language)
        .map(str::to_string);
    out.title = choose_title(
        [
            json_ld_title,
            meta_title.clone(),
            microdata_title,
            headline.map(|h| blocks[h].text.clone()),
            sources.title.clone(),
        ],
        [meta_title.as_deref(), sources.title.as_deref()],
    );
    if let Some(t) = &out.title {
        let cleaned = clean_title(t, out.site_name.as_deref());
        out.title = (!cleaned.is_empty()).then_some(cleaned);
    }
    (out, roles)
}

#[cfg(test)]
mod tests {

    #[test]
    fn dates_are_real_calendar_dates_in_either_order() {
        assert_eq!(normalize_date("2019-02-31"), None);
        assert_eq!(normalize_date("2019-02-29"), None);
        assert_eq!(normalize_date("2020-02-29").as_deref(), Some("2020-02-29"));
        assert_eq!(normalize_date("31.04.2021"), None);
        assert_eq!(normalize_date("11/22/2019").as_deref(), Some("2019-11-22"));
        assert_eq!(normalize_date("22/11/2019").as_deref(), Some("2019-11-22"));
        assert_eq!(
            normalize_date("Posted 3/7/2019"),
            None,
            "ambiguous: not read rather than read wrong"
        );
        assert_eq!(normalize_date("1.2.2019").as_deref(), Some("2019-02-01"));
    }
    use super::*;

    #[test]
    fn dates_normalise_to_iso_8601_keeping_the_timezone() {
        assert_eq!(normalize_date("2019-11-22").as_deref(), Some("2019-11-22"));
        assert_eq!(
            normalize_date("2019-11-22T14:05:00Z").as_deref(),
            Some("2019-11-22T14:05:00Z")
        );
        assert_eq!(
            normalize_date("2019-11-22 14:05:00+0100").as_deref(),
            Some("2019-11-22T14:05:00+01:00")
        );
        assert_eq!(
            normalize_date("2019-11-22T14:05:09.123-05:00").as_deref(),
            Some("2019-11-22T14:05:09.123-05:00")
        );
        assert_eq!(normalize_date("2019/11/22").as_deref(), Some("2019-11-22"));
        assert_eq!(
            normalize_date("22.11.2019, 14:05 Uhr").as_deref(),
            Some("2019-11-22")
        );
        assert_eq!(
            normalize_date("November 22, 2019 14:05 GMT").as_deref(),
            Some("2019-11-22")
        );
        assert_eq!(
            normalize_date("22. Dezember 2020").as_deref(),
            Some("2020-12-22")
        );
        assert_eq!(normalize_date("2019-13-40"), None);
        assert_eq!(normalize_date("no date here"), None);
    }

    #[test]
    fn titles_lose_their_site_suffix() {
        assert_eq!(
            clean_title("Budget passes | The Gazette", Some("The Gazette")),
            "Budget passes"
        );
        assert_eq!(
            clean_title("The Gazette - Budget passes after long debate", None),
            "Budget passes after long debate"
        );
        assert_eq!(
            clean_title("A title without suffix", None),
            "A title without suffix"
        );
    }

    #[test]
    fn nested_graphs_are_collected_once_and_charged_before_parsing() {
        // Each level's graph holds the next: copying a node with its graph at every level
        // made the nodes quadratic in size.
        let depth = 60;
        let mut doc = r#"{"@type":"NewsArticle","headline":"Inner"}"#.to_string();
        for i in 0..depth {
            doc = format!(r#"{{"@type":"Thing","name":"level {i}","@graph":[{doc}]}}"#);
        }
        let budget = Budget::new(&crate::Limits::default(), 0);
        let nodes = json_ld_nodes(std::slice::from_ref(&doc), &budget).expect("within budget");
        assert_eq!(nodes.len(), depth + 1);
        assert!(nodes.iter().all(|n| n.get("@graph").is_none()));
        // A flood of tiny objects is refused before it is parsed.
        let flood = format!("[{}{{}}]", r#"{"a":0},"#.repeat(100_000));
        let small = Budget::new(
            &crate::Limits {
                max_memory: 8 << 20,
                ..crate::Limits::default()
            },
            0,
        );
        assert_eq!(
            json_ld_nodes(&[flood], &small).err(),
            Some(Error::MemoryLimit {
                stage: "metadata",
                limit: 8 << 20
            })
        );
    }

    #[test]
    fn author_names_are_normalised_and_deduplicated() {
        let authors = normalize_authors(
            [
                "Jeffrey Gettleman",
                "By JEFFREY GETTLEMAN",
                "Steven Musil January 18, 2017 11:00 PM PST @stevenmusil",
                "Nathan Willis March",
                "by Anna Lee (anna@example.org)",
                "@handle",
                "",
            ]
            .map(String::from)
            .to_vec(),
        );
        assert_eq!(
            authors,
            [
                "Jeffrey Gettleman",
                "Steven Musil",
                "Nathan Willis",
                "Anna Lee"
            ]
        );
    }

    #[test]
    fn json_ld_graph_arrays_and_broken_scripts() {
        let scripts = vec![
            "{ this is not json".to_string(),
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"The Gazette"},
                {"@type":["NewsArticle"],"headline":"Budget passes","author":[{"@type":"Person","name":"Jane Roe"},{"name":"John Doe"}],
                 "datePublished":"2024-03-05T09:30:00+01:00","image":{"url":"https://e.org/i.jpg"},"keywords":["budget","council"],
                 "articleSection":"Politics"}]}"#
                .to_string(),
        ];
        let mut m = Metadata::default();
        let budget = Budget::new(&crate::Limits::default(), 0);
        let nodes = json_ld_nodes(&scripts, &budget).expect("within budget");
        from_json_ld(&nodes, &mut m);
        assert_eq!(m.title.as_deref(), Some("Budget passes"));
        assert_eq!(m.authors, vec!["Jane Roe", "John Doe"]);
        assert_eq!(m.published.as_deref(), Some("2024-03-05T09:30:00+01:00"));
        assert_eq!(m.site_name.as_deref(), Some("The Gazette"));
        assert_eq!(m.image.as_deref(), Some("https://e.org/i.jpg"));
        assert_eq!(m.tags, vec!["budget", "council"]);
        assert_eq!(m.categories, vec!["Politics"]);
        assert_eq!(m.page_type, Some(PageType::Article));
    }
}
