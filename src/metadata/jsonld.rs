//! JSON-LD: the page's nodes (objects, arrays, `@graph` members and its `mainEntity`),
//! its main node (an article first, the page's own rather than an item it lists), and the
//! metadata that node gives.

use super::{clean, dates, fill, fill_vec, Metadata};
use crate::error::Error;
use crate::limits::Budget;
use crate::score::page_type::PageType;
use serde_json::Value;

pub(crate) fn types_of(node: &Value) -> Vec<&str> {
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

/// The key that marks a node as the page's `mainEntity` once it is taken out of its page.
const MAIN: &str = "@main";

/// Collects the nodes of a JSON-LD document: the objects at its top level, in top-level
/// arrays, in `@graph`s and a page's `mainEntity`; not the items inside lists. Each is moved, not copied (a `@graph` leaves its container),
/// so that nested graphs cost their size once.
fn nodes(doc: Value, out: &mut Vec<Value>) {
    match doc {
        Value::Array(items) => items.into_iter().for_each(|i| nodes(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                nodes(graph, out);
            }
            // A page's main entity, nested in its `WebPage` node, is a node of its own,
            // marked as the main one.
            // (Not a mere reference to another node: `{"@id": …}`.)
            let described = |m: &serde_json::Map<String, Value>| {
                m.keys().any(|k| !matches!(k.as_str(), "@id" | "@type"))
            };
            match map.remove("mainEntity") {
                Some(Value::Object(mut main)) if described(&main) => {
                    main.insert(MAIN.to_string(), Value::Bool(true));
                    nodes(Value::Object(main), out);
                }
                Some(other) => {
                    map.insert("mainEntity".to_string(), other);
                }
                None => {}
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

/// A node that only refers to another (`{"@id": "#author-1"}`): the node it names.
fn resolve<'v>(v: &'v Value, all: &'v [Value]) -> &'v Value {
    match v {
        Value::Object(m) if m.get("name").is_none() => m
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| {
                all.iter().find(|n| {
                    n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some()
                })
            })
            .unwrap_or(v),
        _ => v,
    }
}

/// The names of an `author`: a string, a `Person` or `Organization` (or a reference to
/// one), or an array of them.
fn names_of(v: &Value, all: &[Value]) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(|v| names_of(v, all)).collect(),
        Value::String(s) => clean(s).into_iter().collect(),
        other => text_of(resolve(other, all)).into_iter().collect(),
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

/// A URL without its fragment, query and trailing slash, for comparing URLs.
fn url_key(u: &str) -> &str {
    let u = u.split(['#', '?']).next().unwrap_or(u);
    let u = u.trim_end_matches('/');
    u.split_once("://").map_or(u, |(_, rest)| rest)
}

/// True when the node's URL is one of the page's own.
fn own_url(n: &Value, page_urls: &[&str]) -> bool {
    ["url", "@id", "mainEntityOfPage"].iter().any(|k| {
        n.get(*k)
            .and_then(url_of)
            .is_some_and(|u| page_urls.iter().any(|p| url_key(p) == url_key(&u)))
    })
}

/// The node that describes the page: the one with a known page type, an article first;
/// among several, the page's marked `mainEntity`, then the one whose URL is the page's,
/// then the first. (A page that lists other articles as nodes of their own has one node
/// per teaser; their dates and authors are not the page's.)
fn main_node<'v>(all: &'v [Value], page_urls: &[&str]) -> Option<&'v Value> {
    let rank = |n: &Value| {
        types_of(n)
            .iter()
            .filter_map(|t| page_type_of(t))
            .map(|p| u8::from(p != PageType::Article))
            .min()
    };
    all.iter()
        .enumerate()
        .filter_map(|(i, n)| rank(n).map(|r| (r, n, i)))
        .min_by_key(|&(r, n, i)| (r, n.get(MAIN).is_none(), !own_url(n, page_urls), i))
        .map(|(_, n, _)| n)
}

/// True for the nodes that describe the web page around the main entity (`WebPage`,
/// `ItemPage`, …), whose dates are the page's when its main node has none.
fn is_page_node(n: &Value) -> bool {
    types_of(n).iter().any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Page") && t != "CollectionPage"
    })
}

/// The dates of a main node that may not be the page's own: a video or a product the
/// page shows, neither an article nor marked as the page's.
#[derive(Debug, Default)]
pub(crate) struct OtherNode {
    pub published: Option<String>,
    pub modified: Option<String>,
}

/// Fills `out` from the JSON-LD nodes. `page_urls` are the page's own URLs (the caller's
/// and the canonical), to tell the page's node from the nodes of items it shows. The dates
/// of a main node that may be an item the page shows are returned apart.
pub(crate) fn fill_from(all: &[Value], page_urls: &[&str], out: &mut Metadata) -> OtherNode {
    let mut other = OtherNode::default();
    if all.is_empty() {
        return other;
    }
    let date = |n: &Value, keys: &[&str]| {
        keys.iter()
            .filter_map(|k| n.get(*k))
            .filter_map(text_of)
            .find_map(|d| dates::value(&d))
    };
    const PUBLISHED: &[&str] = &["datePublished", "dateCreated", "uploadDate"];
    const MODIFIED: &[&str] = &["dateModified"];
    if let Some(node) = main_node(all, page_urls) {
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
                .map(|a| names_of(a, all))
                .unwrap_or_default(),
        );
        let own = types_of(node)
            .iter()
            .any(|t| page_type_of(t) == Some(PageType::Article))
            || node.get(MAIN).is_some()
            || own_url(node, page_urls);
        if own {
            fill(&mut out.published, date(node, PUBLISHED));
            fill(&mut out.modified, date(node, MODIFIED));
        } else {
            other.published = date(node, PUBLISHED);
            other.modified = date(node, MODIFIED);
        }
        fill(
            &mut out.site_name,
            get("publisher").map(|p| resolve(p, all)).and_then(text_of),
        );
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
    // Dates the main node lacks (or a graph with no node of a known type) may sit on the
    // page's node; never on another article's.
    let page = all.iter().filter(|n| is_page_node(n));
    fill(
        &mut out.published,
        page.clone().find_map(|n| date(n, PUBLISHED)),
    );
    fill(
        &mut out.modified,
        page.clone().find_map(|n| date(n, MODIFIED)),
    );
    let site = all.iter().find(|n| {
        types_of(n)
            .iter()
            .any(|t| matches!(*t, "WebSite" | "Organization" | "NewsMediaOrganization"))
    });
    fill(
        &mut out.site_name,
        site.and_then(|n| n.get("name")).and_then(text_of),
    );
    other
}

#[cfg(test)]
mod tests {
    use super::*;

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
        fill_from(&nodes, &[], &mut m);
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
