//! The sample news page of the brief, with the chrome a real page has around it: every
//! article paragraph must be in the output, every chrome line must not.

use dechrome::{extract, Document, Error, Extractor, Label, Page};

/// The whole document of a page given as bytes, with the default settings.
fn extract_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().document(&Page::new(bytes))
}

const ARTICLE: &[&str] = &[
    "The Kremlin has expressed confidence that Serbian President Aleksandar Vucic's planned visit to Moscow next month will \"once again demonstrate the spirit of partnership\" between the two countries, after Belgrade said it had uncovered spying by Russian agents.",
    "\"We believe that [the visit] is very important, and we fully understand that there are certain parties who would like to mar it beforehand,\" Russian President Vladimir Putin’s spokesman Dmitry Peskov said on November 22, adding: \"We are confident that such parties will fail to do so.\"",
    "Serbia is seeking EU membership but has remained a close ally of Moscow. The country has also vowed to remain militarily neutral, despite most countries in the Balkans joining NATO.",
    "Vucic on November 21 confirmed on November 21 that a Russian intelligence official had a meeting with a Serbian retired lieutenant colonel during which money changed hands, after a YouTube video of the December 2018 meetings surfaced at the weekend.",
    "Speaking after a meeting of Serbia's National Security Council, the president said Serbia’s intelligence services had also found evidence of 10 other contacts between Russian agents and Serbian officers.",
    "However, Vucic, who is scheduled to visit Moscow on December 4, insisted the espionage operation would not affect Serbia's \"very friendly\" relations with Russia, adding that he thinks \"Putin was not informed about these things.\"",
    "The Russian Foreign Ministry has called the YouTube video \"a provocation\" designed to create \"a certain impression\" ahead of important top-level official meetings.",
];

/// Chrome lines of the sample that every version of the page must drop.
const SAMPLE_CHROME: &[&str] = &[
    "Editors' Picks",
    "Ukrainian Farmers Count The Cost",
    "RFE/RL has been declared an \"undesirable organization\"",
    "If you are in Russia or the Russia-controlled parts of Ukraine",
    "To find out more, click here.",
    "Listen",
    "Top Trending Russia",
    "Ruble Slides As Central Bank Holds Rates",
    "All rights reserved",
    "About Us",
];

/// Chrome that only the marked-up version of the page has.
const MARKED_UP_CHROME: &[&str] = &[
    "We use cookies",
    "Accept",
    "Investigations",
    "Balkans /",
    "Facebook",
    "Twitter",
    "Print",
    "Advertisement",
    "Tags:",
    "Comments (2)",
    "Nobody in Belgrade is surprised",
    "It is remarkable how quickly",
    "Post comment",
    "Sign up for our newsletter",
    "Get the day's top stories",
    "Privacy Policy",
    "Serbian President Aleksandar Vucic (file photo)",
    "November 22, 2019 14:05 GMT",
];

fn assert_article_only(text: &str, chrome: &[&str]) {
    for p in ARTICLE {
        assert!(
            text.contains(p),
            "article paragraph missing: {p}\n--- output:\n{text}"
        );
    }
    for c in chrome {
        assert!(
            !text.contains(c),
            "chrome line leaked: {c}\n--- output:\n{text}"
        );
    }
    // The trending list's rank numbers must not stand as lines of their own.
    assert!(
        !text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
        "a rank number leaked:\n{text}"
    );
}

#[test]
fn marked_up_news_page_keeps_the_article_and_drops_the_chrome() {
    let page = include_str!("fixtures/news_sample.html");
    let doc = extract(page).expect("extraction succeeds");
    assert_article_only(&doc.text, SAMPLE_CHROME);
    assert_article_only(&doc.text, MARKED_UP_CHROME);
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Kremlin Confident Vucic Visit Will Show 'Spirit Of Partnership' Despite Spy Scandal")
    );
    assert_eq!(doc.metadata.language.as_deref(), Some("en"));
    // Paragraphs are separated by blank lines, in page order.
    let paras: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(paras, ARTICLE);
}

#[test]
fn page_without_any_class_or_id_hints_still_loses_its_chrome() {
    // Plain divs only: the teaser list, the legal notice (as long and dense as the article's
    // paragraphs), the player link and the numbered trending list sit beside the article's
    // container. Structure, not markup words, has to separate them.
    let page = include_str!("fixtures/news_sample_plain.html");
    let doc = extract(page).expect("extraction succeeds");
    assert_article_only(&doc.text, SAMPLE_CHROME);
    assert!(!doc.text.contains("Facebook"));
    assert!(!doc.text.contains("November 22, 2019 14:05 GMT"));
}

#[test]
fn every_block_is_labelled_and_explained() {
    let doc = extract(include_str!("fixtures/news_sample.html")).expect("extraction succeeds");
    let notice = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("If you are in Russia"))
        .expect("the notice is a block");
    assert_eq!(notice.label, Label::Boilerplate);
    assert!(notice.score < 0.0);
    // The score is the sum of its explained terms.
    let sum: f32 = notice.contributions.iter().map(|c| c.value).sum();
    assert!((sum - notice.score).abs() < 1e-4);
    let para = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Serbia is seeking"))
        .expect("paragraph block");
    assert_eq!(para.label, Label::Content);
    assert!(para.features.in_region);
    assert_eq!(para.features.tag, "p");
    assert!(
        para.features.path.ends_with("article>div>p"),
        "{}",
        para.features.path
    );
    assert!(
        para.features.class_id.starts_with(".article-body"),
        "{}",
        para.features.class_id
    );
    assert!(para.features.stopword_density > 0.3);
    let menu = doc
        .blocks
        .iter()
        .find(|b| b.text == "Ukraine")
        .expect("menu item block");
    assert_eq!(menu.label, Label::Boilerplate);
    assert_eq!(menu.features.link_density, 1.0);
    assert_eq!(menu.features.chrome_cue.as_deref(), Some("nav"));
}

#[test]
fn bytes_and_text_give_the_same_result_for_utf8() {
    let page = include_str!("fixtures/news_sample.html");
    let a = extract(page).expect("text");
    let b = extract_bytes(page.as_bytes()).expect("bytes");
    assert_eq!(a.text, b.text);
    assert_eq!(b.encoding, "UTF-8");
}
