//! Patterns of real HTML that emptied or spoiled pages (issue 12), each reproduced by a
//! fixture of our own.

use dechrome::{extract, Document, Error, Extractor, Page};

/// The whole document of a page given as bytes, with the default settings.
fn extract_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().document(&Page::new(bytes))
}

const LONG: &str = "The harbour commission met on Thursday evening and, after a debate that \
    ran well past the usual hour, agreed to publish its report on the state of the old \
    quay walls before the end of the month, so that residents can read it for themselves.";

#[test]
fn anchors_without_href_are_not_links() {
    // `<a name>` never closed, and `<a name/>`, which HTML5 leaves open: every later block
    // sat inside the anchor and counted as fully linked, and the page came out empty.
    for anchor in ["<a name=\"top\">", "<a name=\"top\"/>", "<A NAME=section2>"] {
        let page = format!(
            "<html><body><div><p>{LONG}</p>{anchor}<p>{LONG} A second paragraph.</p>\
             <p>{LONG} A third paragraph.</p></div></body></html>"
        );
        let doc = extract(&page).expect("ok");
        assert!(
            doc.text.contains("A third paragraph."),
            "{anchor}: {:?}",
            doc.text
        );
        let linked: f32 = doc.blocks.iter().map(|b| b.features.link_density).sum();
        assert_eq!(linked, 0.0, "{anchor}");
    }
}

#[test]
fn utf8_bytes_under_a_legacy_declaration_are_read_as_utf8() {
    // Archived pages re-encoded to UTF-8 that kept their old `<meta charset>`.
    for declared in ["gb2312", "windows-1252", "iso-8859-1", "shift_jis"] {
        let page = format!(
            "<html><head><meta charset=\"{declared}\"><title>Café society</title></head>\
             <body><article><p>{LONG} Le café était très animé, 北京的咖啡馆也是。</p>\
             </article></body></html>"
        );
        let doc = extract_bytes(page.as_bytes()).expect("ok");
        assert_eq!(doc.encoding, "UTF-8", "{declared}");
        assert!(
            doc.text
                .contains("Le café était très animé, 北京的咖啡馆也是。"),
            "{declared}"
        );
    }
}

#[test]
fn the_callers_charset_is_read_leniently() {
    let page = format!(
        "<html><body><article><p>{LONG} Le café était très animé.</p></article></body></html>"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    for hint in [
        "\"windows-1252\"",
        "text/html; charset=windows-1252",
        "latin1",
        "nonsense-9",
    ] {
        let doc = Extractor::default()
            .document(&Page::new(&bytes).content_type(hint))
            .expect("never an error, even for an unknown label");
        assert!(
            doc.text.contains("Le café était très animé."),
            "{hint}: {}",
            doc.text
        );
    }
}

#[test]
fn chrome_words_inside_slugged_ids_are_not_cues() {
    // A manual whose section ids are made from their headings: "share" and "related" are
    // words of a sentence there, not the names of a share bar or a related-links box.
    let sections: String = [
        (
            "sharing-with-a-single-developer",
            "Sharing with a single developer",
        ),
        (
            "evolve-shared-mutable-history",
            "Evolve shared mutable history",
        ),
        ("related-work-in-the-field", "Related work in the field"),
        // A generator's number and prefix around the slug.
        (
            "1-heading-how-popular-are-shared-desks",
            "How popular are shared desks?",
        ),
    ]
    .iter()
    .map(|(id, heading)| {
        // (Each paragraph its own: a paragraph said twice on an article is said once.)
        format!(
            "<section id=\"{id}\"><h2>{heading}</h2><p>{heading}. {LONG}</p>\
             <p>{LONG} So ends: {heading}.</p></section>"
        )
    })
    .collect();
    let page = format!(
        "<html><head><title>Working together — the manual</title></head><body>\
         <div class=\"document\"><h1>Working together</h1>{sections}</div>\
         <div class=\"post-share-buttons-container\"><a href=/s>Share on a network</a></div>\
         </body></html>"
    );
    let doc = extract(&page).expect("ok");
    for heading in [
        "Sharing with a single developer",
        "Evolve shared mutable history",
        "Related work in the field",
        "How popular are shared desks?",
    ] {
        assert!(
            doc.text.contains(heading),
            "{heading} missing: {}",
            doc.text
        );
    }
    assert_eq!(doc.text.matches(LONG).count(), 8);
    // A component named with layout words still reads as chrome.
    let share = doc
        .blocks
        .iter()
        .find(|b| b.text.contains("Share on a network"));
    assert!(
        share.is_some_and(|b| !b.is_content() && b.features.chrome_cue.as_deref() == Some("share"))
    );
}

#[test]
fn a_phrase_in_a_long_paragraph_does_not_weigh_like_a_whole_line() {
    // The last paragraph of a report names the newsletter once, before 500 words of terse
    // figures (few stopwords, so little else speaks for it): it is the report's, while a
    // short line that asks for sign-ups is not.
    let figures = "Inspection results: north pier cracked, south pier stable, western basin \
        silted, eastern slipway corroded, lighthouse foundations sound, ferry ramp replaced, \
        crane rails misaligned, bollards loose. ";
    let closing = format!(
        "Appendix: newsletter readers asked for the figures. {}Full tables follow in print.",
        figures.repeat(20)
    );
    // (The term applies at the end of an article long enough to have an end.)
    let body: String = (0..8).map(|i| format!("<p>{LONG} Part {i}.</p>")).collect();
    let page = format!(
        "<html><head><title>The quay walls</title></head><body><article><h1>The quay walls</h1>\
         {body}<p>{closing}</p>\
         <p>Subscribe to our newsletter for more stories.</p></article></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(
        doc.text.contains("Full tables follow in print."),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Subscribe to our newsletter"));
}

#[test]
fn mathml_formulas_are_kept_as_text_and_as_inline_math() {
    let page = format!(
        "<html><body><article><p>{LONG}</p>\
         <p>The load on each wall is <math alttext=\"F = m a\"><mi>F</mi><mo>=</mo><mi>m</mi>\
         <mi>a</mi></math> per metre, the engineers wrote in their summary of the survey.</p>\
         <p>Its square grows as <math><semantics><msup><mi>x</mi><mn>2</mn></msup>\
         <annotation encoding=\"application/x-tex\">x^{{2}}</annotation></semantics></math> \
         does, which the report explains at some length in its second chapter.</p>\
         <p>A bare sum <math><mi>a</mi><mo>+</mo><mi>b</mi></math> closes the chapter on \
         the loads, before the tables of measurements that follow it.</p>\
         </article></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(
        doc.text.contains("each wall is F = m a per metre"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("grows as x^{2} does"), "{}", doc.text);
    assert!(doc.text.contains("A bare sum a+b closes"), "{}", doc.text);
    // Inline math in a code span (GitHub's `$`…`$`), so that no formula is read as Markdown.
    let md = doc.to_markdown();
    for math in ["$` F = m a `$", "$` x^{2} `$", "$` a+b `$"] {
        assert!(md.contains(math), "{math} in {md}");
    }
}

#[test]
fn a_last_updated_line_dates_the_change_not_the_publication() {
    // JSON-LD's datePublished on the page's WebPage node, and a visible "Last updated"
    // line: the line dates the change, not the publication.
    let page = format!(
        "<html><head><title>Quay walls</title><script type=application/ld+json>\
         {{\"@graph\":[{{\"@type\":\"WebPage\",\"datePublished\":\"2019-03-04\"}}]}}</script>\
         </head><body><article><h1>Quay walls</h1><p>Last updated: 11/22/2019</p>\
         <p>{LONG}</p><p>{LONG}</p></article></body></html>"
    );
    let m = extract(&page).expect("ok").metadata;
    assert_eq!(m.published.as_deref(), Some("2019-03-04"));
    assert_eq!(m.modified.as_deref(), Some("2019-11-22"));

    // `<time>` elements: the one on an "Updated" line is the change.
    let page = format!(
        "<html><body><article><h1>Quay walls</h1>\
         <p>Published <time datetime=\"2021-05-01\">1 May</time>, updated \
         <time datetime=\"2021-06-09\">9 June</time></p><p>{LONG}</p></article></body></html>"
    );
    let m = extract(&page).expect("ok").metadata;
    assert_eq!(m.published.as_deref(), Some("2021-05-01"));
    assert_eq!(m.modified.as_deref(), Some("2021-06-09"));
}

#[test]
fn bylines_are_found_in_markup_normalised_and_the_nearest_to_the_headline_wins() {
    for byline in [
        "<div class=\"byline\">By JANE ROE | March 3, 2020 11:00 PM @janeroe</div>",
        "<p>Words: <a rel=\"author\" href=\"/staff/roe\">Jane Roe</a></p>",
        "<address>Jane Roe</address>",
    ] {
        let page = format!(
            "<html><body><article><h1>Quay walls</h1>{byline}<p>{LONG}</p><p>{LONG}</p>\
             <blockquote><p>\"We will rebuild them,\" she said.</p>\
             <span class=\"author\">Someone Quoted</span></blockquote><p>{LONG}</p>\
             </article></body></html>"
        );
        let m = extract(&page).expect("ok").metadata;
        assert_eq!(m.authors, ["Jane Roe"], "{byline}");
    }
}

#[test]
fn the_title_agrees_with_the_pages_own_title() {
    // The first heading is a box's, and a JSON-LD node names a person: neither is the title.
    let page = format!(
        "<html><head><title>Rebuilding the quay walls | Harbour News</title>\
         <meta property=\"og:title\" content=\"Rebuilding the quay walls\">\
         <script type=application/ld+json>{{\"@type\":\"ProfilePage\",\"name\":\"Jane Roe\"}}</script>\
         </head><body><div class=box><h1>Tools &amp; Resources</h1><p>Maps and tables.</p></div>\
         <article><p>{LONG}</p><p>{LONG}</p></article></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Rebuilding the quay walls")
    );
    // Without og:title, the <title> (its site name removed) is the reference.
    let page = page.replace(
        "<meta property=\"og:title\" content=\"Rebuilding the quay walls\">",
        "",
    );
    let doc = extract(&page).expect("ok");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Rebuilding the quay walls")
    );
    // With no page title at all, the headline stands; and escaped references are decoded.
    let page = format!(
        "<html><head><script type=application/ld+json>\
         {{\"@type\":\"NewsArticle\",\"headline\":\"Actuary&#8217;s choice: Q&amp;A\"}}</script>\
         </head><body><article><p>{LONG}</p></article></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert_eq!(doc.metadata.title.as_deref(), Some("Actuary’s choice: Q&A"));
}

#[test]
fn reader_comments_in_older_markup_are_a_thread_whatever_their_classes() {
    // An old blog's post, then its comments in the same container, with no `comment` class:
    // each comment followed by its byline and a report link. The blog says the page is an
    // article (a post this short with four comments could pass for a forum's thread).
    let comments: String = [
        (
            "Great write-up, I walked past the north pier last week and saw the cracks myself.",
            "Anonymous",
            "10:32 PM",
        ),
        (
            "The council should have acted years ago, as everyone in the harbour knows well.",
            "Mark",
            "11:05 PM",
        ),
        (
            "Does anyone know when the ferry ramp will reopen for the summer season again?",
            "Ines",
            "7:41 AM",
        ),
        (
            "Thanks for the report, it is the first clear account of the survey I have read.",
            "Tom",
            "9:12 AM",
        ),
    ]
    .iter()
    .map(|(text, who, at)| {
        format!(
            "<p>{text}</p><p>Posted by {who} at {at}</p><p><a href=/r>Report this comment</a></p>"
        )
    })
    .collect();
    let page = format!(
        "<html><head><title>Quay walls</title><meta property=\"og:type\" content=\"article\">\
         </head><body><div class=\"post\">\
         <h1>Quay walls</h1><p>{LONG}</p><p>{LONG} Second.</p><p>{LONG} Third.</p>\
         <h3>4 comments:</h3>{comments}</div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(doc.text.contains("Third."), "{}", doc.text);
    for leak in [
        "Great write-up",
        "Posted by",
        "Report this comment",
        "ferry ramp",
    ] {
        assert!(!doc.text.contains(leak), "{leak} leaked: {}", doc.text);
    }
}

#[test]
fn gallery_slide_counters_and_captions_are_not_article_text() {
    let slides: String = (1..=6)
        .map(|i| format!("<div><img src=/p{i}.jpg><p>{i}/6 The quay at dawn, as the fishing boats leave before the sun is up, day {i}.</p></div>"))
        .collect();
    let page = format!(
        "<html><body><article><h1>Quay walls</h1><p>{LONG}</p>{slides}<p>{LONG} After.</p>\
         <ul><li>1/2 cup of flour</li><li>1/2 teaspoon of salt</li><li>1/2 cup of milk</li></ul>\
         </article></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(doc.text.contains("After."));
    assert!(!doc.text.contains("3/6 The quay at dawn"), "{}", doc.text);
    assert!(!doc.text.contains("sun is up, day 5"), "{}", doc.text);
    // Fractions repeated in a list are no gallery.
    assert!(doc.text.contains("1/2 teaspoon of salt"), "{}", doc.text);
}

/// Four other stories of the same paper, each a linked headline and a summary.
const PROMOTED: [(&str, &str); 4] = [
    (
        "New ferry timetable from June",
        "The island ferry will run two extra sailings on summer weekends, the operator said.",
    ),
    (
        "School roof to be replaced this autumn",
        "Pupils will be taught in temporary classrooms while the leaking roof is replaced.",
    ),
    (
        "Lifeboat open day raises a record sum",
        "Thousands of visitors toured the station and watched a rescue in the bay.",
    ),
    (
        "Market hall plans go on show",
        "Residents can see the designs for the restored hall at the library this month.",
    ),
];

#[test]
fn promotions_of_other_stories_after_the_article_are_not_its_text() {
    let article =
        format!("<h1>Quay walls</h1><p>{LONG}</p><p>{LONG} Second.</p><p>{LONG} Last.</p>");
    // Old markup: headline and summary in one paragraph, a line break between.
    let in_one: String = PROMOTED
        .iter()
        .map(|(h, s)| format!("<p><a href=/n/1><b>{h}</b></a><br>{s}</p>"))
        .collect();
    // Newer markup: a linked heading, then the summary.
    let in_two: String = PROMOTED
        .iter()
        .map(|(h, s)| format!("<div><h3><a href=/n/2>{h}</a></h3><p>{s}</p></div>"))
        .collect();
    // The same with each story's date under its summary.
    let dated: String = PROMOTED
        .iter()
        .map(|(h, s)| format!("<h3><a href=/n/3>{h}</a></h3><div>{s}</div><div>Mar 3, 2026</div>"))
        .collect();
    for (container, promos) in [
        ("div class=content", in_one),
        ("article", in_two),
        ("article", dated),
    ] {
        let page = format!(
            "<html><body><{container}>{article}<p><b>More from the Gazette</b></p>{promos}\
             </{}></body></html>",
            container.split(' ').next().unwrap_or("div")
        );
        let doc = extract(&page).expect("ok");
        assert!(doc.text.contains("Last."), "{}", doc.text);
        for leak in [
            "ferry",
            "roof",
            "Lifeboat",
            "Market hall",
            "More from",
            "Mar 3",
        ] {
            assert!(!doc.text.contains(leak), "{leak} leaked: {}", doc.text);
        }
    }
}

#[test]
fn a_list_article_and_a_faq_keep_their_linked_entries() {
    // A list article: a short introduction, then the entries are the article.
    let entries: String = PROMOTED
        .iter()
        .map(|(h, s)| format!("<h3><a href=/e>{h}</a></h3><p>{s} {s}</p>"))
        .collect();
    let page = format!(
        "<html><body><article><h1>Four stories</h1><p>{LONG}</p>{entries}</article></body></html>"
    );
    let text = extract(&page).expect("ok").text;
    assert!(text.contains("rescue in the bay"), "{text}");
    // Questions and answers after the article, each question a link that opens its answer.
    let faq: String = [
        "Is the quay open to walkers?",
        "When will the report be out?",
        "Can residents comment on it?",
    ]
    .iter()
    .map(|q| format!("<h3><a href=#q>{q}</a></h3><p>Yes, from the end of the month, at the library and online.</p>"))
    .collect();
    let page = format!(
        "<html><body><article><h1>Quay walls</h1><p>{LONG}</p><p>{LONG}</p>{faq}</article></body></html>"
    );
    let text = extract(&page).expect("ok").text;
    assert!(text.contains("at the library and online"), "{text}");
}

#[test]
fn the_byline_nearest_the_headline_wins_over_a_quote_box() {
    // A quote box just above the headline carries its own "By" line; the article's byline
    // sits right under the headline.
    let page = format!(
        "<html><body><aside><p>\"The walls will hold,\" the engineer told us.</p>\
         <p>By Quoted Person</p></aside><p>Harbour news</p><article><h1>Quay walls</h1>\
         <p>By Jane Roe</p><p>{LONG}</p><p>{LONG}</p></article></body></html>"
    );
    let m = extract(&page).expect("ok").metadata;
    assert_eq!(m.authors, ["Jane Roe"]);
}

#[test]
fn a_form_inside_the_article_box_is_not_its_text_but_a_page_wrapped_in_a_form_is_read() {
    // A law firm's post: the page builder puts its contact form in the same box as the post,
    // with a sentence of pitch, field labels and a consent line.
    let post = "<h1>Who pays when you are hurt at the gym?</h1>\
        <p>If someone is not careful at the gym, they may get hurt, and then wonder whether the \
        waiver they signed when they joined keeps them from asking the gym to pay for it.</p>\
        <p>Most waivers only protect the gym from claims about the ordinary risks of exercise, \
        not from its own negligence, such as a broken machine it knew about and left in use.</p>\
        <p>Keep the names of witnesses, photographs of the machine and your medical records, \
        because the gym's own records of repairs may not be kept for long.</p>";
    let form = "<form class=contact><h3>Contact us</h3>\
        <p>Let us help! Call us or fill out this quick form and we will contact you within a day.</p>\
        <div><label>First name</label><input></div><div><label>Last name</label><input></div>\
        <div><label>How did you find our site?</label><select><option>Search</option></select></div>\
        <div><label>How would you like to be contacted?</label></div>\
        <p>I agree that submitting this form does not make me a client of the firm.</p>\
        <button>Submit</button></form>";
    let page = format!(
        "<html><body><div class=page><div class=col>{post}{form}</div></div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(
        doc.text.contains("Most waivers only protect the gym"),
        "{}",
        doc.text
    );
    for chrome in [
        "fill out this quick form",
        "How did you find our site",
        "does not make me a client",
    ] {
        assert!(!doc.text.contains(chrome), "leaked: {chrome}\n{}", doc.text);
    }
    // A site framework that wraps the whole body in one form: the form is the page.
    let wrapped = format!(
        "<html><body><form id=aspnetForm action=/post><div class=page><div class=col>{post}\
         </div></div></form></body></html>"
    );
    let doc = extract(&wrapped).expect("ok");
    for kept in [
        "they may get hurt",
        "Most waivers only protect the gym",
        "records of repairs",
    ] {
        assert!(doc.text.contains(kept), "missing: {kept}\n{}", doc.text);
    }
}
