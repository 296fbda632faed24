//! Pages that are not news articles: the main content is still found.

use dechrome::extract;

/// Asserts that the text holds every one of `kept`.
fn keeps(text: &str, kept: &[&str]) {
    for k in kept {
        assert!(text.contains(k), "missing: {k}\n{text}");
    }
}

/// Asserts that the lean text path gives the same text as the whole `Document`.
fn lean_path_agrees(page: &str, doc: &dechrome::Document) {
    let text = dechrome::Extractor::default()
        .extract(&dechrome::Page::from_text(page))
        .map(|e| e.text)
        .expect("ok");
    assert_eq!(text, doc.text);
}

/// The texts of the blocks whose score has `term` among its terms.
fn blocks_with(doc: &dechrome::Document, term: dechrome::Term) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.contributions.iter().any(|c| c.term == term))
        .map(|b| b.text.as_str())
        .collect()
}

/// The whole `Document` of a page fetched from `url` (the URL hints at the page's type).
fn document_at(page: &str, url: &str) -> dechrome::Document {
    let url = url::Url::parse(url).expect("url");
    dechrome::Extractor::default()
        .document(&dechrome::Page::from_text(page).url(&url))
        .expect("ok")
}

/// Asserts that the text holds none of `chrome`.
fn drops(text: &str, chrome: &[&str]) {
    for c in chrome {
        assert!(!text.contains(c), "chrome leaked: {c}\n{text}");
    }
}

#[test]
fn forum_thread_keeps_every_post_although_posts_are_marked_as_comments() {
    let doc = extract(include_str!("fixtures/forum_thread.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "I have just swapped to summer tyres",
            "On rims you can stack them flat",
            "keep them out of the sun and away from the boiler",
            "I will clean them, bag them and stack them flat",
        ],
    );
    drops(
        &doc.text,
        &[
            "Similar threads",
            "Tyre pressure in winter",
            "Forum rules",
            "New posts",
            "Post reply",
        ],
    );
}

#[test]
fn forum_posts_stay_when_a_breadcrumb_heads_the_thread() {
    // The breadcrumb sits inside the thread's box and reads like a line of prose (the
    // thread's title, a question): it is other chrome, and does not make the posts comments.
    let page = include_str!("fixtures/forum_thread.html").replace(
        "<div class=\"comment post\" id=\"p1\">",
        "<div class=\"breadcrumb\">Forum › Cars › Where do I keep my winter tyres over the \
         summer?</div><div class=\"comment post\" id=\"p1\">",
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &[
            "I have just swapped to summer tyres",
            "On rims you can stack them flat",
            "I will clean them, bag them and stack them flat",
        ],
    );
}

#[test]
fn listing_keeps_each_items_title_and_summary() {
    let doc = extract(include_str!("fixtures/listing_page.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "Ten walks for autumn in the hills",
            "Our guide to the best walks around the old town",
            "School choir wins national prize",
            "The choir of the primary school on Mill Street",
        ],
    );
    drops(
        &doc.text,
        &[
            "Read more",
            "Next page",
            "Most read",
            "Council tax to rise",
            "Privacy",
        ],
    );
}

#[test]
fn service_page_keeps_its_pitch_and_each_offer_under_its_heading() {
    let doc = extract(include_str!("fixtures/service_page.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "We plan, build and look after gardens",
            "What we do",
            "Planning",
            "We visit your garden",
            "After the work is done",
        ],
    );
    drops(
        &doc.text,
        &["Book a free visit", "Get in touch", "Imprint", "About us"],
    );
}

#[test]
fn documentation_keeps_its_sections_table_and_closing_code_block() {
    let doc = extract(include_str!("fixtures/docs_page.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "Tidepool reads its settings",
            "Where the file is read from",
            "Environment variables override the file",
            "jobs | 4 | Tasks run at once",
            "cache = \"/var/cache/tidepool\"",
        ],
    );
    drops(
        &doc.text,
        &[
            "Edit this page",
            "Command line",
            "Installation",
            "MIT licence",
        ],
    );
}

#[test]
fn product_grid_keeps_every_products_name() {
    let doc = extract(include_str!("fixtures/collection_page.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "From light daypacks to trekking packs",
            "Trailmaster 40L hiking pack",
            "Daypack 20L",
            "Trekking poles, pair",
        ],
    );
    drops(
        &doc.text,
        &["Sort by", "Add to cart", "Next", "Cart (0)", "Terms"],
    );
}

#[test]
fn an_article_still_loses_its_comment_section() {
    let doc = extract(include_str!("fixtures/news_sample.html")).expect("ok");
    assert!(!doc.text.contains("Nobody in Belgrade is surprised"));
}

#[test]
fn product_page_keeps_description_features_and_every_spec_row() {
    let doc = extract(include_str!("fixtures/product_page.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "The Trailmaster carries everything you need",
            "A ventilated back panel keeps you cool",
            "Rain cover included",
            "Material | Ripstop nylon",
            "Colour | Forest green",
        ],
    );
    drops(
        &doc.text,
        &["You may also like", "Summit 60L", "Cart (0)", "Terms"],
    );
    assert_eq!(doc.metadata.page_type, Some(dechrome::PageType::Product));
}

#[test]
fn a_forum_drawn_by_scripts_is_read_from_its_noscript_copy() {
    // The visible page is a loading splash; the server put the whole thread in <noscript>.
    let doc = extract(include_str!("fixtures/forum_noscript.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "My rye starter is three weeks old",
            "Is it dying, or is it just hungry?",
            "It is hungry. The acetone smell",
            "it should smell of yoghurt again by the weekend",
            "That worked. After four days of bigger feeds",
        ],
    );
    drops(
        &doc.text,
        &[
            "Loading",
            "Related topics",
            "Starter too runny",
            "Terms of Service",
            "Powered by",
        ],
    );
    // The lean text path reads it the same way.
    lean_path_agrees(include_str!("fixtures/forum_noscript.html"), &doc);
}

#[test]
fn a_noscript_copy_is_not_read_when_the_visible_page_has_its_prose() {
    let para = "<p>The council met on Monday and agreed, after a long debate about schools, \
                roads and the library, to open the branch on Mill Street on Sundays from next \
                month, as residents had asked for two years.</p>";
    let hidden = "<p>Please enable JavaScript to see the comments and the newest replies to \
                  this story, which our reader forum loads after the page.</p>"
        .repeat(20);
    let page = format!(
        "<html><body><article>{}</article><noscript><div>{hidden}</div></noscript></body></html>",
        para.repeat(6)
    );
    let doc = extract(&page).expect("ok");
    assert!(doc.text.starts_with("The council met on Monday"));
    assert!(!doc.text.contains("enable JavaScript"), "{}", doc.text);
}

#[test]
fn product_tabs_hidden_until_clicked_are_content_but_a_hidden_dialog_and_menu_are_not() {
    let doc = extract(include_str!("fixtures/product_tabs.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "A forged chef's knife for everyday cooking",
            "The blade is forged from a single bar",
            // The specifications tab (`hidden`) and the care tab (`display: none`).
            "Blade length | 20 cm",
            "Steel | X50CrMoV15, 58 HRC",
            "Wash the knife by hand in warm water",
        ],
    );
    drops(
        &doc.text,
        &[
            "We use cookies",
            "Accept all",
            "Outlet and last pieces",
            "Customers also bought",
            "Paring Knife",
            "Returns",
            // Customer reviews are not the product, on a product page.
            "I bought this knife for my husband",
            "Lovely balance and the walnut handle",
        ],
    );
    assert_eq!(doc.page_type, dechrome::PageType::Product);
    let hidden: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.features.hidden)
        .map(|b| b.text.as_str())
        .collect();
    assert!(hidden.contains(&"Weight | 212 g"), "{hidden:?}");
    assert!(hidden.iter().any(|t| t.starts_with("We use cookies")));
}

#[test]
fn a_page_where_nothing_reaches_the_threshold_still_gives_its_prose() {
    // Both notes sit in boxes marked as chrome (two different words, so neither is taken for
    // the page's own content): every block scores below the threshold.
    let doc = extract(include_str!("fixtures/all_below_threshold.html")).expect("ok");
    keeps(
        &doc.text,
        &[
            "the river walk reopened on Thursday",
            "so walkers should take the upper road past the church instead",
        ],
    );
    drops(
        &doc.text,
        &["Archive", "Ten walks for autumn", "Privacy", "Imprint"],
    );
    let rescued = blocks_with(&doc, dechrome::Term::Fallback);
    assert_eq!(rescued.len(), 2, "{rescued:?}");
    // The lean text path falls back the same way.
    lean_path_agrees(include_str!("fixtures/all_below_threshold.html"), &doc);
}

#[test]
fn a_page_of_menus_and_footers_alone_stays_empty() {
    let page = "<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/a>Shop</a></li>\
        <li><a href=/b>Help Center</a></li></ul></nav><div class=footer><a href=/c>Returns</a> \
        <a href=/d>Privacy policy</a> <a href=/e>Terms of use</a> <a href=/f>Contact</a> \
        <a href=/g>Careers</a> <a href=/h>Press</a> <a href=/i>Investors</a></div></body></html>";
    let doc = extract(page).expect("ok");
    assert_eq!(doc.text, "");
    assert!(blocks_with(&doc, dechrome::Term::Fallback).is_empty());
}

#[test]
fn a_forum_reply_quoting_an_earlier_post_does_not_repeat_it() {
    let quoted = "On rims you can stack them flat or hang them by the rim, which is what most \
                  tyre hotels do.";
    let page = include_str!("fixtures/forum_thread.html").replace(
        "<div class=\"comment-body\"><p>Whatever you do,",
        &format!(
            "<div class=\"comment-body\"><blockquote class=\"quote\"><p>{quoted}</p>\
             </blockquote><p>Whatever you do,"
        ),
    );
    let page = page.replace(
        "<p>On rims you can stack them flat or hang them by the rim, which is what most tyre \
         hotels do. Without rims",
        &format!("<p>{quoted}</p><p>Without rims"),
    );
    // Read as the forum it is (the type given, as a crawler of forums knows it): a reply's
    // quote of an earlier post, in the reply's own box, is a copy of another post.
    let doc = dechrome::Extractor::default()
        .document(&dechrome::Page::from_text(&page).page_type(dechrome::PageType::Forum))
        .expect("ok");
    assert_eq!(doc.page_type, dechrome::PageType::Forum);
    assert_eq!(doc.text.matches(quoted).count(), 1, "{}", doc.text);
    assert!(doc
        .text
        .contains("Whatever you do, keep them out of the sun"));
    // On an article, a sentence said twice is kept twice: it may be a refrain or a day of a
    // plan that repeats.
    let refrain = "<p>Breakfast: two eggs, a slice of rye bread and a cup of black tea.</p>";
    let body = (1..=6)
        .map(|d| {
            format!(
                "<h2>Day {d}</h2>{refrain}<p>Lunch on day {d} is soup with barley and carrots, \
                 then a walk of at least forty minutes before the afternoon's work.</p>"
            )
        })
        .collect::<String>();
    let doc = extract(&format!(
        "<article><h1>A week of meals</h1>{body}</article>"
    ))
    .expect("ok");
    assert_eq!(doc.text.matches("Breakfast: two eggs").count(), 6);
}

#[test]
fn a_job_listing_keeps_every_items_title_company_salary_summary_and_date() {
    let doc = extract(include_str!("fixtures/job_listing.html")).expect("ok");
    assert_eq!(doc.page_type, dechrome::PageType::Listing);
    keeps(
        &doc.text,
        &[
            "Every job on this page can be done from anywhere in Europe",
            "Backend engineer (Rust)",
            "Harbor Labs · Remote, Europe",
            "€70,000 – €85,000",
            "with a small team that ships every day.",
            "Posted 2 days ago",
            "Technical writer",
            "Driftwood Docs · Remote",
            "Write the guides and the reference for an open-source database",
            "Posted 2 weeks ago",
        ],
    );
    drops(
        &doc.text,
        &[
            "Filter jobs",
            "Full time (214)",
            "TypeScript (87)",
            "Sort by",
            "Next page",
            "Save job",
            "Post a job",
            "Privacy",
        ],
    );
}

#[test]
fn an_article_laid_out_in_a_builders_grid_keeps_every_text_cell() {
    // A site builder puts each text block deep in a cell of its own grid rows, with a
    // newsletter box between two of them: the cells are cousins, not siblings, and the
    // longest one alone outscores the `<article>` around them all.
    let para = |s: &str| {
        format!(
            "<p>{s} The point is worth making at length, because readers who start with \
             good intentions often give up within the first month when nobody tells them \
             what to expect or how to measure what they have already changed.</p>"
        )
    };
    let cell = |lines: &[&str]| {
        let body: String = lines.iter().map(|l| para(l)).collect();
        format!(
            "<div class=r><div class=c><div class=b1><div class=b2><div class=b3><div class=b4>\
             <div class=b5><div class=b6><div class=b7>{body}</div></div></div></div></div></div>\
             </div></div></div>"
        )
    };
    let first: Vec<String> = (1..=7)
        .map(|i| format!("First, step {i} of the audit."))
        .collect();
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    let page = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/blog>Blog</a></nav><article>\
         <div class=layout>{}{}\
         <div class=r><div class=c><form class=newsletter-form><p>Every week you get a \
         roundup of new posts, sent to your inbox, with no spam at all.</p></form></div></div>\
         {}{}</div></article><footer><p>© Zero Waste Notes</p></footer></body></html>",
        cell(&first),
        cell(&["Second, change one habit.", "Keep it for a month."]),
        cell(&["Third, audit the kitchen.", "Weigh the food waste."]),
        cell(&["Finally, share what worked.", "Tell a friend."]),
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &[
            "step 7 of the audit",
            "Keep it for a month",
            "Weigh the food waste",
            "Tell a friend",
        ],
    );
    drops(
        &doc.text,
        &["roundup of new posts", "Zero Waste Notes", "Home"],
    );
    lean_path_agrees(&page, &doc);
}

#[test]
fn a_boundary_streamed_by_react_in_a_hidden_box_is_the_page() {
    // React's streaming renderer sends the article in `<div hidden id="S:0">`, after a
    // placeholder, and an inline script moves it into place at once.
    let para = |s: &str| {
        format!(
            "<p>{s} Index funds track a market index, so their costs stay low and their \
             returns follow the market's, which suits investors who would rather not pick \
             stocks one by one.</p>"
        )
    };
    let page = format!(
        "<html><body><main><div class=card><p>By Jane Roe, updated March 5</p></div>\
         <template id=\"B:0\"></template><p>Loading…</p></main>\
         <div hidden id=\"S:0\"><div class=prose>{}{}{}</div></div>\
         <div hidden class=menu><p>Sign in to see your portfolio and saved articles.</p></div>\
         </body></html>",
        para("What is an index fund?"),
        para("Why buy one?"),
        para("What does it cost?"),
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &[
            "What is an index fund?",
            "Why buy one?",
            "What does it cost?",
        ],
    );
    drops(&doc.text, &["Sign in to see"]);
    let article = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Why buy one?"));
    assert!(article.is_some_and(|b| !b.features.hidden && b.features.in_region));
    // An ordinary hidden box is still hidden.
    let menu = doc.blocks.iter().find(|b| b.text.starts_with("Sign in"));
    assert!(menu.is_some_and(|b| b.features.hidden));
    lean_path_agrees(&page, &doc);
}

#[test]
fn a_consent_managers_settings_are_never_the_region() {
    // A listing of short entries, and a consent manager's settings dialog whose purposes hold
    // more prose than the whole listing.
    let entries: String = (1..=6)
        .map(|i| {
            format!(
                "<div class=entry><h3><a href=/jobs/{i}>Backend engineer, team {i}</a></h3>\
                 <p>Remote, Canada only</p><p>C$ 1{i}0k</p></div>"
            )
        })
        .collect();
    let purposes: String = ["Performance", "Targeting", "Functional", "Social media"]
        .iter()
        .map(|p| {
            format!(
                "<div class=group><h4>{p} cookies</h4><p>These cookies may be set through our \
                 site by us and by our partners, so that we can count visits and traffic \
                 sources, build a profile of your interests and show you relevant adverts on \
                 other sites; if you do not allow them, you will see less targeted adverts, \
                 and some parts of the site may not work as they should for you.</p></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Backend jobs</title></head><body><main><h1>Backend jobs</h1>\
         <div class=results>{entries}</div></main>\
         <div id=onetrust-consent-sdk><div id=onetrust-pc-sdk><div class=pc-body>{purposes}\
         </div></div></div></body></html>"
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &["Backend engineer, team 1", "Backend engineer, team 6"],
    );
    drops(&doc.text, &["count visits", "Targeting cookies"]);
    lean_path_agrees(&page, &doc);
}

#[test]
fn a_thread_whose_posts_are_all_called_comments_keeps_them_around_its_longest_post() {
    // A link aggregator's thread: every post is a nested `comment`, and the longest post,
    // deep in the tree, is the region. On a forum the word names the posts; the other posts
    // are the rest of the thread, not a comment section under an article.
    let page = include_str!("fixtures/aggregator_thread.html");
    let doc = document_at(page, "https://links.example/t/why-our-build-cache/123");
    assert_eq!(doc.page_type, dechrome::PageType::Forum);
    keeps(
        &doc.text,
        &[
            "the compiler embedded the absolute path",
            "Did remapping the prefix fix it for you",
            "it took us another month to notice",
            "an archive tool that stored each file's modification time",
            "Environment variables leaking into the key",
            "hashing the tool versions rather than their paths",
            "thanks for posting the scripts",
        ],
    );
    drops(&doc.text, &["Moderation log", "Linkboard Active"]);
}

#[test]
fn a_consent_managers_prose_does_not_make_the_page_look_regionless() {
    // A short article beside a consent manager's settings, whose purposes hold four times
    // the article's prose. The dialog is laid over the page and is no part of it: the
    // region still holds the page's prose, so it is trusted, and the dialog counts in no
    // page-level feature.
    let purposes: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=group><h4>Purpose {i}</h4><p>Information about your activity on \
                 this service, such as the pages you visit and how long you stay, may be \
                 combined with other information about you that we or our partners collected \
                 earlier, to build or improve a profile of your interests and to show you \
                 advertising that is more relevant to you on this and other services.</p></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Library opens on Sundays</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a> <a href=/events>Events</a></nav>\
         <main><article><h1>Library opens on Sundays</h1>\
         <p>From next month the central library will open on Sundays from ten until four, \
         after a year in which volunteers ran a reading room there on weekends.</p>\
         <p>The council says the change costs less than expected, because the volunteers will \
         keep the children's corner going while paid staff run the lending desk.</p>\
         <p>The first Sunday opening is on the fourth, with a storytelling hour at eleven.</p>\
         </article></main>\
         <div id=onetrust-consent-sdk><div id=onetrust-pc-sdk>{purposes}</div></div>\
         </body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert!(blocks_with(&doc, dechrome::Term::NoRegion).is_empty());
    keeps(
        &doc.text,
        &["open on Sundays from ten", "storytelling hour at eleven"],
    );
    drops(&doc.text, &["Purpose 1", "build or improve a profile"]);
}

#[test]
fn a_shops_sign_in_dialogs_in_its_footer_are_never_the_region() {
    // A category page whose products are drawn by scripts: the server sent its heading and
    // one line of copy, in a box named for where it sits on the screen. The page's `<footer>`
    // holds the sign-in, reset and sign-up dialogs, with far more sentences than the copy;
    // the region is never chosen there.
    let page = include_str!("fixtures/shop_category_footer_dialogs.html");
    let doc = extract(page).expect("ok");
    keeps(&doc.text, &["hand-finished leather uppers"]);
    drops(
        &doc.text,
        &[
            "keep you signed in",
            "reset your password",
            "recurring automated",
            "Continue as a guest",
        ],
    );
    lean_path_agrees(page, &doc);
}

#[test]
fn an_articles_paragraphs_copied_for_another_screen_are_said_once_but_its_repeated_lines_stay() {
    // A shop's guide printed twice, once per screen size, neither copy hidden in the HTML;
    // and a meal plan whose days repeat the same dish line, which the reader needs each day.
    let guide = "<h2>What counts as carry-on luggage?</h2>\
        <p>Carry-on luggage is the bag you keep with you on the plane, in the overhead bin or \
        under the seat in front of you, so that your essentials stay within reach.</p>\
        <p>Airlines set their own limits, so check the size and weight your airline allows \
        before you pack, and leave room for the things you buy while you are away.</p>";
    let page = format!(
        "<html><head><title>Carry-on luggage</title></head><body><main><article>\
         <h1>Carry-on luggage</h1><div class=copy-desktop>{guide}</div>\
         <div class=copy-mobile>{guide}</div>\
         <h2>Three days of lunches</h2>\
         <p>Monday</p><p>Chicken salad [1 cup lettuce, 4 oz. chicken, ½ cup beans, 1 tsp. oil]</p>\
         <p>Tuesday</p><p>Chicken salad [1 cup lettuce, 4 oz. chicken, ½ cup beans, 1 tsp. oil]</p>\
         <p>Wednesday</p><p>Chicken salad [1 cup lettuce, 4 oz. chicken, ½ cup beans, 1 tsp. oil]</p>\
         </article></main></body></html>"
    );
    let doc = extract(&page).expect("ok");
    assert_eq!(doc.page_type, dechrome::PageType::Article);
    assert_eq!(doc.text.matches("overhead bin").count(), 1, "{}", doc.text);
    assert_eq!(
        doc.text.matches("leave room for").count(),
        1,
        "{}",
        doc.text
    );
    assert_eq!(doc.text.matches("Chicken salad").count(), 3, "{}", doc.text);
    lean_path_agrees(&page, &doc);
}

#[test]
fn a_wikis_page_of_resources_keeps_its_link_lists_but_not_the_wikis_menus() {
    // A wiki page that is a list of guides under headings: the lists are its content, and
    // the navigation menu, the tools and the footer are the wiki's.
    let page = include_str!("fixtures/wiki_resource_page.html");
    let doc = document_at(page, "https://wiki.example.org/wiki/Backup_Strategies");
    keeps(
        &doc.text,
        &[
            "Backups for the impatient by Ana Ruiz",
            "Continuous Archiving",
            "Restoring Single Tables",
            "offered by several companies",
        ],
    );
    drops(
        &doc.text,
        &[
            "Random page",
            "What links here",
            "Privacy policy",
            "last edited",
        ],
    );
}

#[test]
fn a_grids_control_labels_go_but_its_names_prices_and_statuses_stay() {
    // Each card of a product grid carries its name, price and stock status, and the labels
    // of the controls that act on it, as links and boxes inside the card, with an ad label
    // and a placeholder that a script fills.
    let cards: String = [
        ("Trail runner, olive", "€120", "In stock"),
        ("Trail runner, slate", "€120", "Sold out"),
        ("Road racer, white", "€145", "In stock"),
        ("Road racer, black", "€145", "Only 2 left"),
        ("Walking shoe, tan", "€99", "In stock"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, price, status))| {
        format!(
            "<li class=product-card><a href=/p/{i} class=name>{name}</a>\
             <div class=price>{price}</div><div class=stock>{status}</div>\
             <div class=actions><a href=/p/{i}#quick>Quick view</a> <a href=/p/{i}/options>\
             View options</a></div><a class=btn href=/compare?add={i}>+ Compare</a>\
             <div class=cta><a href=/cart?add={i}>Add to cart</a></div>\
             <div class=badge>Sponsored</div><div class=stock-live>Loading...</div></li>"
        )
    })
    .collect();
    let page = format!(
        "<html><head><title>Running shoes</title></head><body>\
         <nav><a href=/>Home</a> <a href=/men>Men</a> <a href=/women>Women</a></nav>\
         <main><h1>Running shoes</h1><p>Shoes for the road and the trail, made to order in \
         our workshop.</p><ul class=product-grid>{cards}</ul></main>\
         <footer><a href=/terms>Terms</a></footer></body></html>"
    );
    let doc = extract(&page).expect("ok");
    // A grid of products is read for its items: as a product grid, or as a listing, which the
    // model does not always tell apart on a page this small (their readings both take items).
    assert!(
        matches!(
            doc.page_type,
            dechrome::PageType::Collection | dechrome::PageType::Listing
        ),
        "{:?}",
        doc.page_type
    );
    keeps(
        &doc.text,
        &[
            "Trail runner, olive",
            "Walking shoe, tan",
            "€145",
            "Sold out",
            "Only 2 left",
        ],
    );
    drops(
        &doc.text,
        &[
            "Quick view",
            "View options",
            "Compare",
            "Add to cart",
            "Sponsored",
            "Loading",
        ],
    );
    lean_path_agrees(&page, &doc);
    assert!(!blocks_with(&doc, dechrome::Term::ControlLabel).is_empty());
}

#[test]
fn a_shops_search_results_whose_cards_are_each_one_link_are_the_page() {
    // A shop's results page: each card is one link that says everything about the product,
    // and the results and their filters sit in a box named for the search. On a listing or a
    // grid that name is layout, so the cards are items even though every word of them is
    // link text.
    let cards: String = [
        ("Trail runner", "Olive", "$108.00", "4.4"),
        ("Road racer", "Slate", "$134.95", "3.9"),
        ("Daily trainer", "Black", "$74.99", "3.8"),
        ("Walking shoe", "Tan", "$169.99", "4.1"),
        ("Court shoe", "White", "$59.99", "4.0"),
        ("Hiking boot", "Brown", "$189.00", "4.6"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, colour, price, stars))| {
        format!(
            "<article class=\"pY-z Jx-z\"><a class=YB-z href=/p/{i}>{name}. Color {colour}. \
             {price}. {stars} out of 5 stars</a><div class=JQ-z><span>{name}</span>\
             <span>{price}</span></div></article>"
        )
    })
    .collect();
    let page = format!(
        "<html><head><title>Women's sneakers</title></head><body>\
         <header><nav><a href=/>Home</a> <a href=/women>Women</a> <a href=/men>Men</a></nav>\
         </header><div class=\"searchWrapper searchFacetsV2\"><div class=filters>\
         <a href=?size=7>Size 7</a> <a href=?size=8>Size 8</a> <a href=?c=black>Black</a></div>\
         <div id=results><h1>Women's sneakers</h1><span>3953 items found</span>\
         <h2>Search Results</h2><div id=products>{cards}</div></div></div><footer><a href=/help>Help</a> <a href=/terms>Terms</a></footer></body></html>"
    );
    let doc = extract(&page).expect("ok");
    keeps(
        &doc.text,
        &[
            "Trail runner. Color Olive. $108.00. 4.4 out of 5 stars",
            "Hiking boot. Color Brown. $189.00. 4.6 out of 5 stars",
        ],
    );
    drops(&doc.text, &["Terms", "Help", "Size 7"]);
    lean_path_agrees(&page, &doc);
}
