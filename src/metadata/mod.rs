//! Optional layer — metadata: title, authors, dates, site, language, description, canonical
//! URL, image, categories, tags and page type, from the most trusted source that has them.
//!
//! - `jsonld.rs`: JSON-LD (objects, arrays, `@graph` and `mainEntity`; the page's own node).
//! - `meta.rs`: meta tags (OpenGraph, Twitter, Dublin Core, `article:*`, `name=`) and
//!   microdata (`itemprop`).
//! - `dates.rs`: dates as machines and as people write them, and dated URL paths.
//! - `authors.rs`: names, and byline lines in many languages.
//! - `title.rs`: the title, checked against the page's own titles.
//! - `vocab.rs`: the words all of them read by.
//!
//! Malformed JSON-LD is skipped, never an error. This file orders the sources and finds
//! the byline and date lines near the headline, which are metadata rather than text.

mod authors;
mod dates;
mod jsonld;
mod meta;
mod title;
mod vocab;

pub(crate) use jsonld::{declared_types, json_ld_nodes};
pub(crate) use title::clean_title;

use crate::score::page_type::PageType;
use crate::segment::{PageSources, RawBlock};
use serde_json::Value;

/// The page's metadata. Each field comes from the most trusted source that has it.
///
/// Dates are ISO 8601 as the source gives them: the day, and the time and its offset when
/// it has them. The publication date is taken from, in order: JSON-LD's main node
/// (`datePublished`, `dateCreated`, `uploadDate`; never an item the page lists), meta tags
/// (`article:published_time` and the like), a `<time datetime>` in the article's header or
/// byline, microdata, a dated URL path, a date line near the headline, and then the page's
/// other `<time>` elements and dated lines. A date must be plausible: from 1995 to today. A
/// change date ("Updated …", `dateModified`) is `modified`, and never stands in for
/// `published`. [`Metadata::published_from`] and the like say which source gave each.
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
    /// Where `published` came from.
    pub published_from: Option<Source>,
    /// Where `modified` came from.
    pub modified_from: Option<Source>,
    /// Where `authors` came from.
    pub authors_from: Option<Source>,
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

/// Where a metadata value came from, in the order it is trusted.
///
/// ```
/// use dechrome::Source;
/// let page = r#"<html><head><title>Ferry times</title></head><body><article><h1>Ferry times</h1>
///   <p>Published 22 November 2019</p>
///   <p>The morning ferry will leave twenty minutes earlier from June, the operator said.</p>
///   </article></body></html>"#;
/// let m = dechrome::extract(page)?.metadata;
/// assert_eq!(m.published.as_deref(), Some("2019-11-22"));
/// assert_eq!(m.published_from, Some(Source::Text));
/// assert_eq!(Source::Text.as_str(), "text");
/// # Ok::<(), dechrome::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Source {
    /// A JSON-LD node.
    JsonLd,
    /// A meta tag.
    Meta,
    /// A `<time datetime>` element.
    Time,
    /// Microdata (`itemprop`).
    Microdata,
    /// The page's URL path.
    Url,
    /// A line of the page's text (a byline or a date line).
    Text,
    /// A byline element: a `rel=author` link, an `<address>`, a box marked as the byline.
    Byline,
}

impl Source {
    /// The source's name, as JSON and `--explain` give it: `json_ld`, `meta`, `time`,
    /// `microdata`, `url`, `text`, `byline`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::JsonLd => "json_ld",
            Source::Meta => "meta",
            Source::Time => "time",
            Source::Microdata => "microdata",
            Source::Url => "url",
            Source::Text => "text",
            Source::Byline => "byline",
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub(super) fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

pub(super) fn fill_vec(slot: &mut Vec<String>, values: Vec<String>) {
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
pub(super) fn clean(s: &str) -> Option<String> {
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

// ---------------------------------------------------------------------------- the stage

/// How many blocks around the headline are searched for a byline or a date line.
const NEAR_HEADLINE: usize = 8;
/// Longest line read as a byline, in words.
const MAX_BYLINE_WORDS: u32 = 12;
/// Longest line read as a date line, in words; and the most words besides its dates that
/// a line without a label ("Published", "发布时间") may hold.
const MAX_DATE_LINE_WORDS: usize = 24;
const MAX_UNLABELLED_REST: usize = 6;
/// The most words besides its date that an unlabelled line further into the text may hold.
const MAX_BARE_REST: usize = 2;
/// How far past the headline the page's text is searched for a date when no better source
/// has one, in blocks.
const TEXT_SEARCH_BLOCKS: usize = 40;
const TEXT_SEARCH_BEFORE: usize = 12;

/// How far past the last block of content a byline element may stand (an "About the
/// author" box), in blocks; further on, it is the footer's credit line.
const BYLINE_AFTER_CONTENT: usize = 4;

/// What the metadata stage reads.
pub(crate) struct Inputs<'i, 's> {
    pub sources: &'i PageSources<'s>,
    pub json_ld: &'i [Value],
    pub blocks: &'i [RawBlock<'s>],
    pub headline: Option<usize>,
    pub first_content: Option<usize>,
    /// The last block of content, when there is one.
    pub last_content: Option<usize>,
    pub detected_language: Option<&'i str>,
    /// The page's URL, when the caller gave one.
    pub url: Option<&'i str>,
}

/// Words of a text: spaced words, and two characters of a script written without spaces.
fn words_of(s: &str) -> usize {
    words_upto(s, usize::MAX)
}

/// [`words_of`], counting no further than past `cap`: whether a long block is too long for
/// a date line is known after its first words, not its last.
fn words_upto(s: &str, cap: usize) -> usize {
    let (mut words, mut unspaced) = (0usize, 0usize);
    for w in s.split_whitespace() {
        let mut spaced = false;
        for c in w.chars() {
            if crate::stopwords::is_unspaced(c) {
                unspaced += 1;
            } else if crate::chars::is_alphanumeric(c) {
                spaced = true;
            }
        }
        words += usize::from(spaced);
        let total = words + unspaced.div_ceil(2);
        if total > cap {
            return total;
        }
    }
    words + unspaced.div_ceil(2)
}

/// What a line says about dates.
#[derive(Debug, Default)]
struct DateLine {
    /// The first date before any word that marks a change.
    published: Option<String>,
    /// The first date after one.
    modified: Option<String>,
    /// Labelled as a date line ("Published", "发布时间", "Updated").
    labelled: bool,
    /// Labelled as the publication's date ("Published", "By …").
    says_published: bool,
    /// Words of the line besides its dates.
    rest_words: usize,
}

/// Reads the dates of a line of at most [`MAX_DATE_LINE_WORDS`] words.
fn date_line(text: &str) -> Option<DateLine> {
    if !dates::may_hold_date(text) || words_upto(text, MAX_DATE_LINE_WORDS) > MAX_DATE_LINE_WORDS {
        return None;
    }
    let found = dates::all_in_text(text);
    if found.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    // (Offsets in the lower-cased text are the text's when lower-casing kept the length.)
    let change_at = (lower.len() == text.len())
        .then(|| {
            crate::cues::UPDATE_WORDS
                .iter()
                .filter_map(|w| lower.find(w))
                .min()
        })
        .flatten();
    let says_published = vocab::PUBLISHED_LABELS.iter().any(|l| lower.contains(l))
        || vocab::BYLINE_PREFIXES
            .iter()
            .any(|p| lower.starts_with(p) || lower.contains(&format!(" {p}")));
    let labelled = says_published || change_at.is_some();
    let mut rest = String::new();
    let mut at = 0;
    for d in &found {
        rest.push_str(text.get(at..d.start).unwrap_or(""));
        rest.push(' ');
        at = d.end;
    }
    rest.push_str(text.get(at..).unwrap_or(""));
    let (published, modified) = match change_at {
        // "Updated March 3, 2019": one date, a change's.
        Some(c) => (
            found.iter().find(|d| d.end <= c).map(|d| d.iso.clone()),
            found.iter().find(|d| d.start >= c).map(|d| d.iso.clone()),
        ),
        None => (found.first().map(|d| d.iso.clone()), None),
    };
    Some(DateLine {
        published,
        modified,
        labelled,
        says_published,
        rest_words: words_of(&rest),
    })
}

/// A block's date line: the whole block when it is short, and not a line of links (a
/// masthead's "Search | Classifieds | January 15, 2008", a teaser's "23.02.2020 - …"), with
/// at most `max_rest` words besides its dates unless it is labelled; else one of its first
/// lines that is labelled or little but a date (a byline and date at the head of a long
/// block), which is not the whole block.
fn block_date_line(b: &RawBlock<'_>, max_rest: usize) -> Option<(DateLine, bool)> {
    let links = b.link_words > 0 && b.link_words * 2 >= b.words;
    let fits = |l: &DateLine| l.labelled || l.rest_words <= max_rest;
    // (A date that is all link, an archive's, is still the date.)
    if let Some(line) =
        date_line(&b.text).filter(|l| fits(l) && !(links && l.rest_words > 0 && !l.says_published))
    {
        return Some((line, true));
    }
    if links || !b.text.contains('\n') {
        return None;
    }
    b.text
        .lines()
        .take(3)
        .filter_map(date_line)
        .find(|l| l.labelled || l.rest_words <= MAX_BARE_REST)
        .map(|l| (l, false))
}

/// Candidates for a date, in the order their sources are trusted.
#[derive(Default)]
struct Candidates(Vec<(String, Source)>);

impl Candidates {
    fn add(&mut self, value: Option<String>, source: Source) {
        if let Some(v) = value {
            self.0.push((v, source));
        }
    }
    fn first(&self) -> Option<&(String, Source)> {
        self.0.first()
    }
}

/// The publication date: the most trusted candidate, unless it is the change date too and
/// a less trusted source gives an earlier day (a page whose `datePublished` follows its
/// edits, with the first publication in its microdata or its URL).
fn choose_published<'c>(
    published: &'c Candidates,
    modified: Option<&(String, Source)>,
) -> Option<&'c (String, Source)> {
    let first = published.first()?;
    if modified.is_some_and(|(m, _)| *m == first.0) {
        let day = |v: &str| v.get(..10).map(str::to_string);
        let earlier = published
            .0
            .iter()
            .filter(|(v, _)| day(v) < day(&first.0))
            .min_by_key(|(v, _)| day(v));
        return earlier.or(Some(first));
    }
    Some(first)
}

/// Builds the metadata and finds the byline and date lines near the headline.
pub(crate) fn extract(inputs: &Inputs<'_, '_>) -> (Metadata, Vec<(usize, MetaRole)>) {
    let Inputs {
        sources,
        json_ld,
        blocks,
        headline,
        first_content,
        last_content,
        detected_language,
        url,
    } = *inputs;
    let mut out = Metadata::default();
    let page_urls: Vec<&str> = [url, sources.canonical].into_iter().flatten().collect();
    // Authors and dates are kept per source: authors to be cleaned once the site's name is
    // known, dates to be weighed against each other.
    let mut authors: Vec<(Source, Vec<String>)> = Vec::new();
    let mut published = Candidates::default();
    let mut modified = Candidates::default();
    let take = |out: &mut Metadata,
                authors: &mut Vec<(Source, Vec<String>)>,
                published: &mut Candidates,
                modified: &mut Candidates,
                source: Source| {
        published.add(out.published.take(), source);
        modified.add(out.modified.take(), source);
        authors.push((source, std::mem::take(&mut out.authors)));
    };
    // Each source's title is kept apart, to be checked against the page's own titles.
    let other_node = jsonld::fill_from(json_ld, &page_urls, &mut out);
    take(
        &mut out,
        &mut authors,
        &mut published,
        &mut modified,
        Source::JsonLd,
    );
    let json_ld_title = out.title.take();
    meta::from_meta(&sources.meta, &mut out);
    take(
        &mut out,
        &mut authors,
        &mut published,
        &mut modified,
        Source::Meta,
    );
    let meta_title = out.title.take();

    // The article's header: the blocks around the headline (or the first content), and
    // the byline elements.
    let anchor = headline.or(first_content).unwrap_or(0);
    let lo = anchor.saturating_sub(NEAR_HEADLINE / 2);
    let hi = (anchor + NEAR_HEADLINE).min(blocks.len());
    let in_header =
        |b: usize| (lo..=hi).contains(&b) || sources.bylines.iter().any(|&(at, _)| at == b);
    // `<time>` elements: in the header, those marked as the publication's first; a
    // teaser's (in a link or a list item, as a sidebar's are) after the other sources.
    let time = |updated: bool, near: bool, teaser: bool| {
        let mut times: Vec<_> = sources
            .times
            .iter()
            .filter(|t| t.updated == updated && in_header(t.block) == near)
            .filter(|t| !near || t.teaser == teaser)
            .collect();
        times.sort_by_key(|t| !t.published);
        times.into_iter().find_map(|t| dates::value(t.datetime))
    };
    published.add(time(false, true, false), Source::Time);
    modified.add(time(true, true, false), Source::Time);
    meta::from_microdata(&sources.microdata, &mut out);
    take(
        &mut out,
        &mut authors,
        &mut published,
        &mut modified,
        Source::Microdata,
    );
    let microdata_title = out.title.take();
    // A node the page shows but is not (an embedded video): its dates after the page's.
    published.add(other_node.published, Source::JsonLd);
    modified.add(other_node.modified, Source::JsonLd);
    published.add(url.and_then(dates::in_url), Source::Url);
    fill(
        &mut out.canonical_url,
        sources.canonical.map(str::to_string),
    );
    let site = out.site_name.clone();

    // Byline and date lines near the headline, nearest first, and below it before above
    // it (where a masthead gives today's date); a line labelled as the publication's wins.
    let mut roles = Vec::new();
    let mut near: Vec<usize> = (lo..hi).collect();
    near.sort_by_key(|&i| (i.abs_diff(anchor), i < anchor));
    let mut labelled_published = None;
    let mut line_authors = Vec::new();
    let (mut line_published, mut line_modified) = (None, None);
    for (i, b) in near
        .into_iter()
        .filter_map(|i| blocks.get(i).map(|b| (i, b)))
    {
        if Some(i) == headline {
            // A date on its own line of the headline's block ("Jan 17, 2008\nHeadline").
            if b.text.contains('\n') {
                let line = b
                    .text
                    .lines()
                    .take(3)
                    .filter_map(date_line)
                    .find(|l| l.rest_words == 0 || l.labelled);
                fill(&mut line_published, line.and_then(|l| l.published));
            }
            continue;
        }
        let byline = (b.words <= MAX_BYLINE_WORDS)
            .then(|| authors::byline_line(&b.text, site.as_deref()))
            .flatten();
        if byline.is_none() && line_authors.is_empty() {
            // A paragraph that opens with its reporter's name stays text.
            if let Some(names) = authors::lead_byline(&b.text, site.as_deref()) {
                line_authors = names;
            }
        }
        let line = block_date_line(b, MAX_UNLABELLED_REST);
        let whole = line.as_ref().is_some_and(|(_, whole)| *whole);
        if let Some((line, _)) = line {
            if line.says_published {
                fill(&mut labelled_published, line.published.clone());
            }
            fill(&mut line_published, line.published);
            fill(&mut line_modified, line.modified);
        }
        if let Some(names) = byline {
            if line_authors.is_empty() {
                line_authors = names;
            }
            roles.push((i, MetaRole::Byline));
        } else if whole {
            roles.push((i, MetaRole::Date));
        }
    }
    authors.push((Source::Text, line_authors));
    published.add(labelled_published.or(line_published), Source::Text);
    modified.add(line_modified, Source::Text);
    // The page's other `<time>` elements, then dated lines further into the text: a
    // labelled one first ("发布时间：…"), then a line that is a date and little else.
    published.add(time(false, true, true), Source::Time);
    modified.add(time(true, true, true), Source::Time);
    published.add(time(false, false, false), Source::Time);
    modified.add(time(true, false, false), Source::Time);
    if published.first().is_none() {
        let region = anchor.saturating_sub(TEXT_SEARCH_BEFORE)
            ..(anchor + TEXT_SEARCH_BLOCKS).min(blocks.len());
        let lines: Vec<DateLine> = blocks[region]
            .iter()
            .filter_map(|b| block_date_line(b, MAX_BARE_REST))
            .map(|(l, _)| l)
            .filter(|l| l.published.is_some())
            .collect();
        let best = lines.iter().find(|l| l.labelled).or(lines.first());
        published.add(best.and_then(|l| l.published.clone()), Source::Text);
    }
    (out.published, out.published_from) = choose_published(&published, modified.first())
        .map_or((None, None), |(v, s)| (Some(v.clone()), Some(*s)));
    (out.modified, out.modified_from) = modified
        .first()
        .map_or((None, None), |(v, s)| (Some(v.clone()), Some(*s)));

    // The byline elements last, the one nearest the headline first; not the footer's.
    let mut bylines: Vec<&(usize, String)> = sources.bylines.iter().collect();
    bylines.sort_by_key(|(at, _)| at.abs_diff(anchor));
    let last = last_content.map_or(blocks.len(), |l| l + BYLINE_AFTER_CONTENT);
    for (_, text) in bylines.into_iter().filter(|(at, _)| *at <= last) {
        authors.push((Source::Byline, vec![text.clone()]));
    }
    let site = out.site_name.clone();
    if let Some((source, names)) = authors
        .into_iter()
        .map(|(s, raw)| (s, authors::normalize_authors(raw, site.as_deref())))
        .find(|(_, n)| !n.is_empty())
    {
        out.authors = names;
        out.authors_from = Some(source);
    }
    // A declared language counts when it names one (`"deutsch, german"`, `"en-US"`); a
    // declaration that names none gives way to the html element's, then to detection.
    out.language = out
        .language
        .take()
        .and_then(|l| crate::language::declared(&l))
        .or_else(|| sources.html_lang.and_then(crate::language::declared))
        .or(detected_language)
        .map(str::to_string);
    let headline_text = headline.and_then(|h| blocks.get(h)).map(|b| b.text.clone());
    let title = title::choose_title(
        [
            json_ld_title,
            meta_title.clone(),
            microdata_title,
            headline.map(|h| blocks[h].text.clone()),
            sources.title.clone(),
        ],
        [meta_title.as_deref(), sources.title.as_deref()],
    );
    let host = page_urls
        .iter()
        .find_map(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string));
    out.title = title.and_then(|(t, own)| {
        let cleaned = clean_title(
            &t,
            out.site_name.as_deref(),
            host.as_deref(),
            own,
            headline_text.as_deref(),
        );
        (!cleaned.is_empty()).then_some(cleaned)
    });
    (out, roles)
}
