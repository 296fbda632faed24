//! The public API: builder options, errors, serialisation.

use dechrome::{extract, Error, Extractor, Favor, Label, Limits, NotHtmlKind, Page, Term};

const PAGE: &str = include_str!("fixtures/news_sample.html");

fn content_count(doc: &dechrome::Document) -> usize {
    doc.content_blocks().count()
}

#[test]
fn favor_moves_the_threshold_monotonically() {
    let p = Extractor::builder()
        .favor(Favor::Precision)
        .build()
        .document(&dechrome::Page::from_text(PAGE))
        .expect("ok");
    let b = Extractor::builder()
        .favor(Favor::Balanced)
        .build()
        .document(&dechrome::Page::from_text(PAGE))
        .expect("ok");
    let r = Extractor::builder()
        .favor(Favor::Recall)
        .build()
        .document(&dechrome::Page::from_text(PAGE))
        .expect("ok");
    assert!(content_count(&p) <= content_count(&b) && content_count(&b) <= content_count(&r));
    // Same scores, different thresholds: whatever precision keeps, recall keeps too.
    for (bp, br) in p.blocks.iter().zip(&r.blocks) {
        assert_eq!(bp.score, br.score);
        if bp.is_content() {
            assert!(br.is_content());
        }
    }
}

#[test]
fn min_block_words_drops_short_content_blocks_and_says_so() {
    let page = "<article><p>The committee met on Monday and agreed a new timetable for the works on the bridge.</p>\
                <p>Short one.</p><p>Residents will be able to comment on the plans until the end of the month, officials said.</p></article>";
    let all = extract(page).expect("ok");
    assert!(all.text.contains("Short one."));
    let doc = Extractor::builder()
        .min_block_words(3)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("ok");
    assert!(!doc.text.contains("Short one."));
    let short = doc
        .blocks
        .iter()
        .find(|b| b.text == "Short one.")
        .expect("block kept in the list");
    assert_eq!(short.label, Label::Boilerplate);
    assert!(short.contributions.iter().any(|c| c.term == Term::TooShort));
}

#[test]
fn link_targets_go_into_the_text_only_when_asked() {
    let page = "<article><p>The report, <a href=\"https://example.org/report.pdf\">published on Monday</a>, \
                found that most of the city's bridges need repair within the next ten years.</p></article>";
    let plain = extract(page).expect("ok");
    assert!(plain.text.contains("published on Monday, found"));
    let kept = Extractor::builder()
        .keep_links(true)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("ok");
    assert_eq!(kept.text, plain.text, "keeping links leaves the text alone");
    assert_eq!(
        kept.blocks[0].structure.links[0].url,
        "https://example.org/report.pdf"
    );
    let linked = Extractor::builder()
        .link_targets_in_text(true)
        .build()
        .document(&dechrome::Page::from_text(page))
        .expect("ok");
    assert!(
        linked
            .text
            .contains("published on Monday (https://example.org/report.pdf), found"),
        "{}",
        linked.text
    );
}

#[test]
fn limits_are_typed_errors() {
    let small = Extractor::builder().max_input_bytes(100).build();
    assert_eq!(
        small.document(&dechrome::Page::from_text(PAGE)),
        Err(Error::TooLarge {
            size: PAGE.len(),
            limit: 100
        })
    );
    let few_nodes = Extractor::builder()
        .limits({
            let mut l = Limits::default();
            l.max_nodes = 10;
            l
        })
        .build();
    assert!(matches!(
        few_nodes.document(&dechrome::Page::from_text(PAGE)),
        Err(Error::TooManyNodes { limit: 10, .. })
    ));
    assert_eq!(
        dechrome::Extractor::default().document(&dechrome::Page::new(b"%PDF-1.4\n%...")),
        Err(Error::NotHtml {
            kind: NotHtmlKind::Pdf
        })
    );
    assert_eq!(
        dechrome::Extractor::default().document(&dechrome::Page::new(b"\x89PNG\r\n\x1a\n....")),
        Err(Error::NotHtml {
            kind: NotHtmlKind::Image
        })
    );
    assert_eq!(
        extract("{\"items\": [1, 2, 3]}"),
        Err(Error::NotHtml {
            kind: NotHtmlKind::Json
        })
    );
    let msg = Error::TooLarge { size: 10, limit: 5 }.to_string();
    assert_eq!(msg, "input of 10 bytes exceeds the limit of 5 bytes");
}

#[test]
fn empty_and_textless_pages_are_ok_and_empty() {
    for page in [
        "",
        "   ",
        "<html></html>",
        "<script>var a = 1;</script>",
        "<!-- only a comment -->",
    ] {
        let doc = extract(page).expect("ok");
        assert_eq!(doc.text, "", "{page:?}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn document_serialises_to_json_with_labels_and_terms() {
    let doc = extract(PAGE).expect("ok");
    let json = serde_json::to_value(&doc).expect("serialises");
    assert_eq!(
        json["metadata"]["title"],
        doc.metadata.title.clone().expect("title").as_str()
    );
    let blocks = json["blocks"].as_array().expect("blocks array");
    assert_eq!(blocks.len(), doc.blocks.len());
    assert!(blocks.iter().any(|b| b["label"] == "content"));
    assert!(blocks.iter().any(|b| b["label"] == "boilerplate"));
    assert!(blocks.iter().any(|b| b["contributions"]
        .as_array()
        .is_some_and(|c| c.iter().any(|t| t["term"] == "in_region"))));
    let back: dechrome::Document = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, doc);
}

#[test]
fn extractor_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    let ex = Extractor::default();
    let texts: Vec<String> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    ex.document(&dechrome::Page::from_text(PAGE))
                        .map(|d| d.text)
                })
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().expect("thread").expect("ok"))
            .collect()
    });
    assert_eq!(texts[0], texts[1]);
}

#[test]
fn the_text_path_gives_the_documents_text_on_every_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut pages = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        for extractor in [
            Extractor::default(),
            Extractor::builder()
                .keep_links(true)
                .favor(Favor::Recall)
                .min_block_words(3)
                .build(),
        ] {
            let doc = extractor
                .document(&dechrome::Page::new(&bytes))
                .expect("document");
            let text = extractor.extract(&Page::new(&bytes)).expect("text").text;
            assert!(!text.is_empty(), "{}", path.display());
            assert_eq!(text, doc.text, "{}", path.display());
        }
        pages += 1;
    }
    assert!(pages >= 9, "only {pages} fixtures read");
}

#[test]
fn the_text_path_reports_the_same_errors() {
    let extractor = Extractor::builder().max_input_bytes(10).build();
    assert!(matches!(
        extractor
            .extract(&dechrome::Page::from_text("<p>more than ten bytes</p>"))
            .map(|e| e.text),
        Err(Error::TooLarge { .. })
    ));
    assert!(matches!(
        Extractor::default().extract(&Page::new(b"%PDF-1.7 binary")),
        Err(Error::NotHtml { .. })
    ));
}

#[test]
fn the_text_path_gives_the_documents_text_on_a_page_large_enough_to_count_twice() {
    // From 4 MiB stopwords are counted again instead of kept per block.
    let section = include_str!("fixtures/news_sample.html");
    let body_start = section.find("<body").expect("body");
    let body = &section[body_start..];
    let page = format!(
        "{}{}",
        &section[..body_start],
        body.repeat((4 << 20) / body.len() + 1)
    );
    assert!(page.len() > 4 << 20);
    let extractor = Extractor::default();
    let text = extractor
        .extract(&dechrome::Page::from_text(&page))
        .map(|e| e.text)
        .expect("text");
    assert!(text.contains("The Kremlin has expressed confidence"));
    assert_eq!(
        text,
        extractor
            .document(&dechrome::Page::from_text(&page))
            .expect("document")
            .text
    );
}

#[test]
fn one_shared_extractor_takes_each_pages_header_and_url_across_threads() {
    use dechrome::url::Url;
    use std::sync::Arc;
    let extractor = Arc::new(Extractor::builder().keep_links(true).build());
    let article = |word: &str| {
        format!(
            "<nav><a href='/'>Home</a></nav><article><p>The café on the {word} reopened on \
             Friday with a new terrace, and the ferry now stops right in front of it.</p>\
             <p><a href='menu'>Menu</a></p></article>"
        )
    };
    // (body bytes, Content-Type as received, the charset it must be read in)
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (
            encoding_rs::WINDOWS_1252
                .encode(&article("square"))
                .0
                .into_owned(),
            "text/html; charset=\"windows-1252\"",
            "windows-1252",
        ),
        (
            article("quay").into_bytes(),
            "text/html;charset=utf8mb4",
            "UTF-8",
        ),
        (
            encoding_rs::WINDOWS_1252
                .encode(&article("harbour"))
                .0
                .into_owned(),
            "TEXT/HTML; Charset=ISO-8859-1",
            "windows-1252",
        ),
        (
            article("pier").into_bytes(),
            "text/html; charset=x-unknown-9",
            "UTF-8",
        ),
    ];
    let workers: Vec<_> = cases
        .into_iter()
        .enumerate()
        .map(|(i, (body, header, charset))| {
            let extractor = Arc::clone(&extractor);
            std::thread::spawn(move || {
                let url = Url::parse(&format!("https://town{i}.example/news/cafe")).expect("url");
                let result = extractor
                    .extract(&Page::new(&body).content_type(header).url(&url))
                    .expect("never an error for a header");
                (i, header, charset, result)
            })
        })
        .collect();
    for worker in workers {
        let (i, header, charset, result) = worker.join().expect("no panic");
        assert_eq!(result.encoding, charset, "{header}");
        assert!(
            result.text.starts_with("The café on the"),
            "{header}: {}",
            result.text
        );
        let urls: Vec<&str> = result.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                format!("https://town{i}.example/"),
                format!("https://town{i}.example/news/menu")
            ],
            "links resolved against this page's own URL"
        );
    }
}
