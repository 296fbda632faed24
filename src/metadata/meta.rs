//! Meta tags (OpenGraph, Twitter, Dublin Core, `article:*`, plain `name=`) and microdata
//! (`itemprop`).

use super::{clean, dates, fill, fill_vec, Metadata};
use crate::score::page_type::PageType;

pub(crate) fn from_meta(meta: &[(&str, &str)], out: &mut Metadata) {
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
    .map(|(_, v)| v.to_string())
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
    fill(&mut out.published, published.and_then(|d| dates::value(&d)));
    fill(
        &mut out.modified,
        find(&[
            "article:modified_time",
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "last-modified",
        ])
        .and_then(|d| dates::value(&d)),
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

pub(crate) fn from_microdata(micro: &[(&str, String)], out: &mut Metadata) {
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
        .map(|(_, v)| v.to_string())
        .collect();
    fill_vec(&mut out.authors, authors);
    fill(
        &mut out.published,
        find(&["datePublished", "dateCreated"]).and_then(|d| dates::value(&d)),
    );
    fill(
        &mut out.modified,
        find(&["dateModified"]).and_then(|d| dates::value(&d)),
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
