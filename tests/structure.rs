//! Structure that survives into Markdown and HTML: data tables (also with `<p>` in their
//! cells) against layout tables, lazy-loaded images by every mechanism, a figure with its
//! caption, and headings at their levels. The pages are written for these tests.

use dechrome::{Document, Extractor, Page};

fn document(html: &str, captions: bool) -> Document {
    Extractor::builder()
        .keep_links(true)
        .keep_captions(captions)
        .build()
        .document(&Page::from_text(html))
        .expect("extracts")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn a_data_table_with_paragraphs_in_its_cells_stays_a_table() {
    let doc = document(include_str!("fixtures/structure/fares_table.html"), false);
    let html = doc.to_html();
    assert_eq!(count(&html, "<table>"), 1, "{html}");
    assert_eq!(count(&html, "<tr>"), 5, "{html}");
    assert_eq!(count(&html, "<th>"), 4, "{html}");
    assert!(
        html.contains("<td>North pier – Island</td><td>5.80</td>"),
        "{html}"
    );
    // The cells' paragraphs are not paragraphs of the article.
    assert!(
        !html.contains("<p>Route</p>") && !html.contains("<p>3.20</p>"),
        "{html}"
    );
    let md = doc.to_markdown();
    assert!(md.contains("| Route | Adult | Child | Senior |"), "{md}");
    assert!(
        md.contains("| Round trip | 9\\.50 | 4\\.75 | 7\\.10 |"),
        "{md}"
    );
    // The layout table around it is no table of the article: its menu is left out.
    assert!(!doc.text.contains("Times"), "{}", doc.text);
}

#[test]
fn a_layout_table_around_an_article_gives_its_text_not_a_table() {
    let doc = document(include_str!("fixtures/structure/layout_table.html"), false);
    let html = doc.to_html();
    assert_eq!(count(&html, "<table"), 0, "{html}");
    assert!(
        html.contains("<p>Our eight won the autumn regatta"),
        "{html}"
    );
    assert!(html.contains("<h2>Next races</h2>"), "{html}");
    for chrome in ["Join us", "Privacy", "Contact"] {
        assert!(!doc.text.contains(chrome), "{chrome}: {}", doc.text);
    }
}

#[test]
fn lazy_images_by_every_mechanism_and_no_placeholders() {
    let doc = document(include_str!("fixtures/structure/lazy_images.html"), false);
    let srcs: Vec<&str> = doc
        .content_blocks()
        .flat_map(|b| b.structure.images.iter().map(|i| i.src.as_str()))
        .collect();
    assert_eq!(
        srcs,
        [
            "/img/one.jpg",         // data-src over a data-URI placeholder
            "/img/two-1200.jpg",    // the largest of data-srcset, over blank.gif
            "/img/three-1600.webp", // the largest <picture><source>
            "/img/four.jpg",        // the <noscript><img> beside a placeholder
            "/img/five@2x.jpg",     // the largest srcset density
            "/img/six.jpg",         // a figure's image, its caption left out
        ],
        "no 1×1 pixel, no placeholder"
    );
    let html = doc.to_html();
    assert_eq!(count(&html, "<img"), 6, "{html}");
    assert!(
        !html.contains("data:image") && !html.contains("blank.gif"),
        "{html}"
    );
}

#[test]
fn a_figure_keeps_its_caption() {
    let page = include_str!("fixtures/structure/lazy_images.html");
    let html = document(page, true).to_html();
    assert!(
        html.contains(
            r#"<figure><img src="/img/six.jpg" alt="six"><figcaption>The six ferries together in 1998.</figcaption></figure>"#
        ),
        "{html}"
    );
    let md = document(page, true).to_markdown();
    assert!(
        md.contains("![six](/img/six.jpg)\n\n*The six ferries together in 1998.*"),
        "{md}"
    );
}

#[test]
fn headings_at_three_levels_stay_over_their_kept_text() {
    let doc = document(include_str!("fixtures/structure/fares_table.html"), false);
    let md = doc.to_markdown();
    let order: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        order,
        [
            "## Single tickets",
            "### Where to buy",
            "#### Paying on board",
            "## Season tickets"
        ],
        "{md}"
    );
    let html = doc.to_html();
    let h2 = html.find("<h2>Single tickets</h2>").expect("h2");
    let h3 = html.find("<h3>Where to buy</h3>").expect("h3");
    let text = html
        .find("<p>Tickets can also be bought in the app")
        .expect("its text");
    assert!(h2 < h3 && h3 < text, "{html}");
}

#[test]
fn an_image_in_the_article_stays_though_the_line_it_stands_on_is_left_out() {
    // The lead photo between the headline and the date line, and a photo above its credit
    // line inside the article: the date and the credit are not body text, the photos are.
    let page = r#"<html><body><nav><a href="/">Home</a></nav><article>
        <h1>Club wins the autumn regatta</h1><img src="/img/lead.jpg" alt="The eight">
        <p>November 20, 2019</p>
        <p>Our eight won the autumn regatta on Saturday, beating the university crew by half a length in the final after a close race.</p>
        <div class="photo"><img src="/img/finish.jpg" alt="At the finish"><div class="credit">Photo: J. Roe</div></div>
        <p>The crew trained through the summer on the early morning water, and the coach said the win was the reward for a season of work.</p>
        </article><footer><img src="/img/sponsor.png" alt="Sponsor"><p>© Harbour Rowing Club</p></footer></body></html>"#;
    let html = document(page, false).to_html();
    assert!(html.contains(r#"<img src="/img/lead.jpg""#), "{html}");
    assert!(html.contains(r#"<img src="/img/finish.jpg""#), "{html}");
    assert!(!html.contains("sponsor.png"), "{html}");
    assert!(
        !html.contains("November 20, 2019") && !html.contains("Photo: J. Roe"),
        "{html}"
    );
}

#[test]
fn a_table_mostly_kept_is_kept_whole() {
    // A test table grouped by age, whose model names link to a shop: rows with long linked
    // names score as link lists, but the table is one piece of the article.
    let rows = [
        "<td colspan=3>bis ca. 1,5 Jahre</td>",
        r#"<td><a href="/p/1">Hafen Kiddo Nest 2 i-Size + i-Size Flex Basis</a></td><td>300 €</td><td>1,7</td>"#,
        r#"<td><a href="/p/2">Hafen Kiddo Nest 2 i-Size + i-Size Basis</a></td><td>280 €</td><td>1,8</td>"#,
        "<td>Mole Level</td><td>300 €</td><td>1,7</td>",
        r#"<td><a href="/p/3">Kai Cabrio Fix</a></td><td>140 €</td><td>2,4</td>"#,
        r#"<td><a href="/p/4">Pier Comfort Fix + Comfort Fix Isofixbasis</a></td><td>210 €</td><td>2,2</td>"#,
        "<td colspan=3>bis ca. 4 Jahre</td>",
        "<td>Steg Around i-Size</td><td>450 €</td><td>2,0</td>",
        "<td>Boje Fox</td><td>189 €</td><td>5,5</td>",
        "<td colspan=3>ca. 4 bis 12 Jahre</td>",
        "<td>Werft Pallas S</td><td>300 €</td><td>2,1</td>",
        r#"<td><a href="/p/5">Bucht Max SP Isofix</a></td><td>139 €</td><td>2,7</td>"#,
    ];
    let rows: String = rows.iter().map(|r| format!("<tr>{r}</tr>")).collect();
    let page = format!(
        r#"<html><body><article><h1>Kindersitze im Test</h1>
        <p>Sieben Kindersitze wurden in diesem Herbst auf Sicherheit, Bedienung und Schadstoffe geprüft, und die meisten schnitten gut ab.</p>
        <table><tr><th>Hersteller/Modell</th><th>Preis</th><th>Note</th></tr>{rows}</table>
        <p>Zwei Sitze fielen beim Seitenaufpralltest durch, und die Tester raten vom Kauf ab, bis der Hersteller nachgebessert hat.</p>
        </article></body></html>"#
    );
    let html = document(&page, false).to_html();
    assert_eq!(count(&html, "<tr>"), 13, "{html}");
    assert!(
        html.contains("Pier Comfort Fix + Comfort Fix Isofixbasis"),
        "{html}"
    );
}
