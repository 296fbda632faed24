//! Pages whose type is easy to misread: an old news page laid out in tables, a blog post under
//! a long comment thread, a shop's home page of tiles, a text that repeats its own refrain.
//! Reading one of them as the wrong type must not cost its content.

use dechrome::{extract, Extractor, Page, PageType};

/// Asserts that the text holds every one of `kept`.
fn keeps(text: &str, kept: &[&str]) {
    for k in kept {
        assert!(text.contains(k), "missing: {k}\n{text}");
    }
}

/// Asserts that the text holds none of `chrome`.
fn drops(text: &str, chrome: &[&str]) {
    for c in chrome {
        assert!(!text.contains(c), "chrome leaked: {c}\n{text}");
    }
}

#[test]
fn a_2008_news_page_without_metadata_is_read_as_an_article_without_its_related_lists() {
    // Table layout, <font> tags, no OpenGraph, no JSON-LD, no HTML5 tags, and no URL: the
    // missing signals are no evidence, and the table layout only dates the page.
    let page = include_bytes!("fixtures/news_2008.html");
    let doc = Extractor::default().document(&Page::new(page)).expect("ok");
    assert_eq!(doc.page_type, PageType::Article);
    assert!(doc.page_type_evidence.article_like);
    let neutral: Vec<&str> = doc
        .page_type_evidence
        .features
        .iter()
        .filter(|f| f.neutral)
        .map(|f| f.name.as_str())
        .collect();
    for signal in [
        "url_depth",
        "url_slug_words",
        "og_article",
        "ld_article",
        "articles",
    ] {
        assert!(neutral.contains(&signal), "{signal} should be neutral");
    }
    keeps(
        &doc.text,
        &[
            "Drivers who use River Road between Millbrook",
            "spillway gates, which were installed in 1961",
            "A public meeting on the detour is scheduled",
        ],
    );
    drops(
        &doc.text,
        &[
            // The related stories, with their summaries, and the most popular list.
            "County wins state grant for dam repairs",
            "The state awarded the county",
            "Police seek driver in Main Street crash",
            "Local News",
            "E-mail this story",
            "All rights reserved",
        ],
    );
    // Read as a listing, the page would keep its related stories; a caller who knows it is
    // an article can say so, and one who says "listing" gets its runs of items.
    let given = Extractor::default()
        .document(&Page::new(page).page_type(PageType::Article))
        .expect("ok");
    assert!(given.page_type_evidence.given);
    assert_eq!(given.text, doc.text);
}

#[test]
fn a_blog_post_keeps_its_text_and_drops_its_comment_thread() {
    let doc = extract(include_str!("fixtures/blog_comments.html")).expect("ok");
    assert_eq!(doc.page_type, PageType::Article);
    keeps(
        &doc.text,
        &[
            "Three years ago I handed back the keys to plot 27.",
            "It was the people.",
            "Mostly, if I am honest, the bench.",
            "the failures were the part of the last three years",
        ],
    );
    drops(
        &doc.text,
        &[
            "14 comments",
            "Welcome back! We missed you",
            "Glad the crowns found a home",
            "Beans up the fence is the best advice",
            "Leave a reply",
            "Blogroll",
        ],
    );
}

#[test]
fn a_comment_thread_longer_than_the_report_does_not_make_its_region_untrusted() {
    // A short match report of numbers and names (few function words) under two long
    // comments: the thread, which its box names, holds three times the report's prose, but
    // it does not compete with the report for the page's prose.
    let report = "<div id=article_body><p>SAN JOSE - Sacred Heart Cathedral girls basketball, \
        No. 1 nationally, beat Valley Christian 51-35 Friday in West Catholic Athletic League \
        play.</p><p>Jazmine Jackson scored 15 points, Ki-Ki Moore added 14 and Lauren Bell 9 for \
        the Irish (14-0, 4-0 WCAL), who led 28-14 at halftime.</p><p>Tierra Rogers had 8 points \
        and 6 rebounds. Valley Christian (9-5, 2-2) got 12 points from Dana Lee and 10 from Amy \
        Cruz.</p><p>Sacred Heart hosts Mitty on Tuesday at 7 p.m. and St. Francis on Friday at \
        6 p.m.</p></div>";
    let first = "I have been to every one of their games this year and I can tell you that this \
        is the best team the school has had in a long time, and the coach deserves a lot of the \
        credit for the way they have come together since the start of the season. "
        .repeat(3);
    let second = "It was not always like this, and those of us who have followed the program \
        for years remember when they could not get past the first round of the playoffs, so it \
        is good to see the hard work of the girls and their families rewarded at last. "
        .repeat(3);
    let page = format!(
        "<html><head><title>Sacred Heart wins debut as No. 1</title></head><body><div class=wrap>\
         <div id=article_main class=panel><h1>Sacred Heart wins debut as No. 1</h1>{report}</div>\
         <div id=commentsDiv class=panel><div class=c>11:10 PM on Tue., Jan. 8 re: \"St. Ignatius \
         hangs on to win\" A reader said: {first}</div><div class=c>11:56 PM on Sun., Jan. 6 re: \
         \"Prep preview\" A reader said: {second}</div></div></div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &[
            "Sacred Heart Cathedral girls basketball, No. 1 nationally",
            "Jazmine Jackson scored 15 points",
            "Tierra Rogers had 8 points",
            "Sacred Heart hosts Mitty",
        ],
    );
    drops(&doc.text, &["A reader said", "I have been to every one"]);
}

#[test]
fn a_home_page_of_category_tiles_is_its_tiles_not_its_footer() {
    let doc = extract(include_str!("fixtures/home_tiles.html")).expect("ok");
    assert_ne!(doc.page_type, PageType::Article, "a shop's home page");
    keeps(
        &doc.text,
        &[
            "Walking boots",
            "Leather and fabric boots for every kind of path",
            "Tents and shelters",
            "Down and synthetic bags rated to minus ten",
            "Walking poles",
        ],
    );
    drops(
        &doc.text,
        &[
            "Unit 4, Mill Lane",
            "Shop open Monday to Saturday",
            "Sign up for our newsletter",
            "Free delivery on orders over",
            "Sign in",
            "Registered in England",
        ],
    );
}

#[test]
fn a_page_of_short_items_and_a_footer_is_its_items() {
    // A museum's current exhibitions: four teasers of short lines, and the only sentences on
    // the page are in its footer. No block reaches the threshold; the page is its run of
    // items, not the footer's address or the newsletter's pitch.
    let page = "<html><head><title>Exhibitions | Riverside Museum</title></head><body>\
        <div class=header><a href=/>Riverside Museum</a> <a href=/visit>Visit</a> \
        <a href=/whats-on>What's on</a> <a href=/shop>Shop</a></div>\
        <h1>Current exhibitions</h1><div class=teaser-list>\
        <div class=teaser><a href=/ex/1><h3>River Trades</h3></a>\
        <span>Boats, nets and the people who worked the river</span> <span>Until 30 June</span></div>\
        <div class=teaser><a href=/ex/2><h3>Glass from the Valley</h3></a>\
        <span>Two centuries of local glassmaking</span> <span>Until 14 July</span></div>\
        <div class=teaser><a href=/ex/3><h3>Mapping the Town</h3></a>\
        <span>Surveys and plans from 1750 to today</span> <span>Until 1 September</span></div>\
        <div class=teaser><a href=/ex/4><h3>Quilts and Stories</h3></a>\
        <span>Quilts made by the town's families</span> <span>Until 22 September</span></div>\
        </div><footer><p>Riverside Museum, 12 Quay Street, Millbrook. We are open every day \
        except Monday from ten in the morning until five in the afternoon, and entry is free \
        for everyone.</p><p>Sign up to our newsletter to hear about new exhibitions first.</p>\
        </footer></body></html>";
    for page in [
        page.to_string(),
        page.replace("<footer>", "<div class=footer>"),
    ] {
        let doc = extract(&page).expect("ok");
        keeps(
            &doc.text,
            &[
                "River Trades",
                "Boats, nets and the people who worked the river",
                "Quilts and Stories",
                "Until 22 September",
            ],
        );
        drops(&doc.text, &["12 Quay Street", "Sign up to our newsletter"]);
    }
}

#[test]
fn a_text_that_repeats_its_own_refrain_keeps_every_repeat_but_a_copy_of_the_layout_goes() {
    let refrain = "And still the river runs the way it ran before the mill, before the \
                   bridge, before the town had any name that we would know.";
    let verse = |n: u32| {
        format!(
            "<p>Verse {n} tells of the year the water rose to the church steps, and of \
             the families who carried their chairs up the hill to wait for it to fall.</p>\
             <p>{refrain}</p>"
        )
    };
    let text: String = (1..=4).map(verse).collect();
    let page = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/songs>Songs</a></nav>\
         <article><h1>The river song</h1>{text}</article>\
         <footer><a href=/about>About</a></footer></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert_eq!(doc.text.matches(refrain).count(), 4, "{}", doc.text);
    // The same paragraphs printed again in a box for another screen size are a copy.
    let copied = page.replace(
        "</article>",
        &format!(
            "</article><div class=mobile-only><div class=story>{}</div></div>",
            verse(1)
        ),
    );
    let doc = extract(&copied).expect("ok");
    assert_eq!(doc.text.matches("Verse 1 tells").count(), 1, "{}", doc.text);
    assert_eq!(doc.text.matches(refrain).count(), 4, "{}", doc.text);
}

#[test]
fn a_thread_with_one_line_replies_inside_the_article_box_is_still_a_thread() {
    // An older news page prints its comments in the article's own container, each followed
    // by "Posted By: … | date": no class marks them, and some replies are a few words long.
    let article = [
        "The harbour board confirmed on Monday that the old ferry terminal will close at the \
         end of the season, after surveyors found that its timber piles can no longer carry \
         the weight of the larger boats that now use the crossing.",
        "A new terminal is to be built on the north quay, where the water is deeper, and the \
         board expects it to open within two years if the county approves the plans.",
        "Until then the ferries will keep to their timetable, but passengers with cars are asked \
         to arrive half an hour earlier while the ramp is repaired.",
    ];
    let comments = [
        "I have used that terminal every week for twenty years and it was always falling apart.",
        "Fine by me.",
        "The north quay is a much better place for it, if they can keep the cost under control.",
        "About time.",
        "Will the car park stay where it is, or do we lose that too when they move everything?",
    ];
    let mut body: String = article.iter().map(|p| format!("<p>{p}</p>")).collect();
    body.push_str("<h4>Comments</h4>");
    for (i, c) in comments.iter().enumerate() {
        body.push_str(&format!(
            "<p>{c}</p><p>Posted By: reader{i} | January 0{} 2008 at 03:0{i} PM</p>",
            i + 1
        ));
    }
    let page = format!(
        "<html><head><title>Old ferry terminal to close</title></head><body>\
         <table><tr><td><a href=/>Home</a> <a href=/news>News</a></td></tr></table>\
         <div><h1>Old ferry terminal to close</h1>{body}</div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    keeps(&doc.text, &[&article[0][..40], &article[2][..40]]);
    drops(
        &doc.text,
        &["twenty years", "Fine by me", "car park", "Posted By"],
    );
}

#[test]
fn comments_that_each_carry_their_own_footer_line_are_a_thread() {
    // An older blog prints each comment as one paragraph: its text, a line break,
    // "Posted by … on <date>", another, "Report this comment". No class marks them.
    let article = [
        "The county has agreed to keep the mobile library running for another year, after \
         more than two thousand residents signed a petition asking it not to cut the service \
         that visits the outlying villages every fortnight.",
        "The van will keep its current route, though two stops that saw fewer than five \
         visitors a month will be merged with neighbouring ones from the spring.",
        "Councillors said the decision would be reviewed next autumn, when the figures for \
         the whole year are known and the new budget has been set.",
    ];
    let comments = [
        "Good news for the villages, the van is the only library most of them have left.",
        "Two stops merged is a cut by another name, whatever the council says about it.",
        "My mother waits for that van every other Tuesday and would be lost without it.",
        "Keep it.",
    ];
    let mut body: String = article.iter().map(|p| format!("<p>{p}</p>")).collect();
    for (i, c) in comments.iter().enumerate() {
        body.push_str(&format!(
            "<p>{c}<br><b>Posted by reader{i} on March {}, 2008 5:1{i} PM</b><br>\
             <span><a href='mailto:desk@example.org'>Report this comment</a></span></p>",
            i + 3
        ));
    }
    let page = format!(
        "<html><head><title>Mobile library saved</title></head><body>\
         <div><h1>Mobile library saved</h1>{body}</div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    keeps(&doc.text, &[&article[0][..40], &article[2][..40]]);
    drops(
        &doc.text,
        &[
            "only library",
            "another name",
            "every other Tuesday",
            "Posted by",
        ],
    );
}
