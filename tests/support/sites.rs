//! A generator of test sites for the template memory: several hosts, each with its own
//! chrome, and many pages per host, each with a different article. The chrome carries no
//! class or id that names it, so that only its recurrence gives it away; each host has a
//! notice as long and as dense as one of its paragraphs, the hard case.
//!
//! Everything is made from a seed by a small deterministic generator: the same seed gives
//! the same sites.

#![allow(dead_code)]

/// One generated page and what a reader wants from it.
pub struct SitePage {
    pub host: String,
    pub url: String,
    pub html: String,
    /// The article's headline: its own, though not a paragraph.
    pub title: String,
    /// The article's paragraphs, each as it appears in the text.
    pub paragraphs: Vec<String>,
    /// Every chrome line on the page (menu entries, teasers, form text, footer lines, and
    /// the notice).
    pub chrome: Vec<String>,
    /// The host's dense notice (also in `chrome`).
    pub notice: String,
}

/// SplitMix64: small, fast and good enough to vary the pages.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Harbour",
    "Valley",
    "Northfield",
    "Riverside",
    "Ashford",
    "Kingsbridge",
    "Millbrook",
    "Westmoor",
    "Eastwick",
    "Stonehaven",
];
const PAPERS: &[&str] = &["Gazette", "Courier", "Herald", "Chronicle", "Post", "Echo"];
const SECTIONS: &[&str] = &[
    "News", "Politics", "Business", "Sport", "Culture", "Science", "Travel", "Food", "Opinion",
    "Weather", "Local", "World",
];
const SUBJECTS: &[&str] = &[
    "the council",
    "the new mayor",
    "a group of residents",
    "the school board",
    "the local bakery",
    "the harbour master",
    "a team of engineers",
    "the regional museum",
    "the football club",
    "the hospital trust",
    "a young architect",
    "the ferry company",
    "the library staff",
    "two farmers from the hills",
    "the fire brigade",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "announced",
    "opened",
    "delayed",
    "questioned",
    "welcomed",
    "described",
    "repaired",
    "proposed",
    "celebrated",
    "reviewed",
];
const OBJECTS: &[&str] = &[
    "a plan for the old quay",
    "the budget for next year",
    "a bridge over the river",
    "a market on Saturday mornings",
    "the bus timetable",
    "a garden behind the station",
    "the repairs to the church roof",
    "a festival of music",
    "new rules for parking",
    "the study of the coastline",
    "a scheme to plant trees",
    "the cycle path to the coast",
];
const WHEN: &[&str] = &[
    "on Monday",
    "last week",
    "after a long debate",
    "in the spring",
    "before the holidays",
    "at a public meeting",
    "late on Thursday evening",
    "for the third time this year",
];
const CLAUSES: &[&str] = &[
    "which many had waited for since the storms of last winter",
    "although some said that it would cost far more than planned",
    "because the old one had been closed for almost two years",
    "and most of the people who spoke at the meeting were in favour",
    "while others asked why the work could not start before the summer",
    "so that families on both sides of the town can use it",
    "as the report from the engineers had advised in the autumn",
];

fn sentence(rng: &mut Rng) -> String {
    let s = format!(
        "{} {} {} {}, {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(WHEN),
        rng.pick(CLAUSES)
    );
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A host's chrome, fixed for all its pages.
struct Chrome {
    host: String,
    site: String,
    menu: Vec<String>,
    trending_title: String,
    trending: Vec<String>,
    newsletter_title: String,
    newsletter: String,
    notice: String,
    /// Where the notice goes: 0 after the article's paragraphs, as one more paragraph of the
    /// same container; 1 in a box of its own after them; 2 before them.
    notice_at: usize,
    footer: Vec<String>,
    /// Menu as a line of links (false) or a list (true).
    menu_list: bool,
    /// The newsletter box sits inside the article's container, after its text.
    newsletter_inside: bool,
}

fn chrome(index: usize, rng: &mut Rng) -> Chrome {
    let name = NAMES[index % NAMES.len()];
    let paper = rng.pick(PAPERS);
    let site = format!("The {name} {paper}");
    let host = format!("www.{}{}.example", name.to_lowercase(), index);
    let mut menu: Vec<String> = Vec::new();
    while menu.len() < 7 {
        let s = rng.pick(SECTIONS).to_string();
        if !menu.contains(&s) {
            menu.push(s);
        }
    }
    let trending: Vec<String> = (0..6)
        .map(|_| {
            format!(
                "Why {} {} {}",
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(OBJECTS)
            )
        })
        .collect();
    // A notice as long and as dense as a paragraph: prose, function words and all.
    let notice = format!(
        "This material was produced and distributed by {site}, which the authorities of the \
         region have listed as a foreign agent under the law of the last year, and readers \
         should know that {} {} {} {}, {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(WHEN),
        rng.pick(CLAUSES)
    );
    Chrome {
        host,
        menu,
        trending_title: rng
            .pick(&["Top Trending", "Most read", "Editors' Picks", "Popular now"])
            .to_string(),
        trending,
        newsletter_title: rng
            .pick(&[
                "Get the morning briefing",
                "Our newsletter",
                "Stay in the know",
            ])
            .to_string(),
        newsletter: format!(
            "Sign up to receive the best stories from {site} in your inbox every morning, \
             free of charge."
        ),
        notice,
        notice_at: index % 3,
        footer: vec![
            format!("© 2026 {site}. All rights reserved."),
            format!("{} Quay Street, {name}", 10 + index),
        ],
        menu_list: index.is_multiple_of(2),
        newsletter_inside: !index.is_multiple_of(2),
        site,
    }
}

/// `pages` pages for each of `hosts` hosts.
pub fn sites(hosts: usize, pages: usize, seed: u64) -> Vec<Vec<SitePage>> {
    let mut rng = Rng::new(seed);
    (0..hosts)
        .map(|h| {
            let c = chrome(h, &mut rng);
            (0..pages).map(|p| page(&c, p, &mut rng)).collect()
        })
        .collect()
}

fn page(c: &Chrome, index: usize, rng: &mut Rng) -> SitePage {
    let subject = rng.pick(SUBJECTS);
    let mut first = subject.chars();
    let title = format!(
        "{}{} {} {}",
        first.next().map(|c| c.to_ascii_uppercase()).unwrap_or(' '),
        first.as_str(),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    );
    let n = 4 + rng.below(5);
    let paragraphs: Vec<String> = (0..n)
        .map(|_| {
            let sentences = 2 + rng.below(3);
            paragraph(rng, sentences)
        })
        .collect();
    // The trending box shows four of the host's six teasers, in an order of the day.
    let mut shown: Vec<&String> = c.trending.iter().collect();
    for i in (1..shown.len()).rev() {
        shown.swap(i, rng.below(i + 1));
    }
    shown.truncate(4);

    let mut chrome: Vec<String> = Vec::new();
    let mut h = String::new();
    h.push_str(&format!(
        "<!doctype html><html><head><title>{} | {}</title></head><body>",
        esc(&title),
        esc(&c.site)
    ));
    h.push_str(&format!(
        "<div><div><a href=\"/\">{}</a></div>",
        esc(&c.site)
    ));
    chrome.push(c.site.clone());
    if c.menu_list {
        h.push_str("<ul>");
        for m in &c.menu {
            h.push_str(&format!(
                "<li><a href=\"/{}\">{m}</a></li>",
                m.to_lowercase()
            ));
        }
        h.push_str("</ul>");
    } else {
        h.push_str("<div>");
        for m in &c.menu {
            h.push_str(&format!("<a href=\"/{}\">{m}</a> ", m.to_lowercase()));
        }
        h.push_str("</div>");
    }
    chrome.extend(c.menu.iter().cloned());
    h.push_str("</div><div><div>");
    h.push_str(&format!("<h1>{}</h1>", esc(&title)));
    let notice = format!("<p>{}</p>", esc(&c.notice));
    if c.notice_at == 2 {
        h.push_str(&format!("<div>{notice}</div>"));
    }
    h.push_str("<div>");
    for p in &paragraphs {
        h.push_str(&format!("<p>{}</p>", esc(p)));
    }
    if c.notice_at == 0 {
        h.push_str(&notice);
    }
    h.push_str("</div>");
    if c.notice_at == 1 {
        h.push_str(&format!("<div>{notice}</div>"));
    }
    chrome.push(c.notice.clone());
    let newsletter = format!(
        "<div><h4>{}</h4><p>{}</p><form><input type=email><button>Sign up</button></form></div>",
        esc(&c.newsletter_title),
        esc(&c.newsletter)
    );
    if c.newsletter_inside {
        h.push_str(&newsletter);
    }
    chrome.push(c.newsletter_title.clone());
    chrome.push(c.newsletter.clone());
    h.push_str("</div><div>");
    h.push_str(&format!("<h3>{}</h3>", esc(&c.trending_title)));
    chrome.push(c.trending_title.clone());
    for (i, t) in shown.iter().enumerate() {
        h.push_str(&format!("<div><a href=\"/story/{i}\">{}</a></div>", esc(t)));
        chrome.push((*t).clone());
    }
    if !c.newsletter_inside {
        h.push_str(&newsletter);
    }
    h.push_str("</div></div><div>");
    for f in &c.footer {
        h.push_str(&format!("<p>{}</p>", esc(f)));
    }
    chrome.extend(c.footer.iter().cloned());
    h.push_str("<div><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy</a></div>");
    chrome.push("About us".into());
    h.push_str("</div></body></html>");
    SitePage {
        host: c.host.clone(),
        url: format!(
            "https://{}/{}/{}",
            c.host,
            c.menu[index % c.menu.len()].to_lowercase(),
            1000 + index
        ),
        html: h,
        title,
        paragraphs,
        chrome,
        notice: c.notice.clone(),
    }
}

/// How a page's text fares: article paragraphs kept, chrome lines leaked, and the words of
/// each.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub paragraphs: usize,
    pub kept: usize,
    pub chrome: usize,
    pub leaked: usize,
    /// Words of the text that are the article's (headline and paragraphs), all words of the
    /// text, and all the article's words.
    pub right_words: usize,
    pub text_words: usize,
    pub article_words: usize,
}

impl Score {
    pub fn of(page: &SitePage, text: &str) -> Score {
        let lines: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let words = |s: &str| s.split_whitespace().count();
        let kept = page
            .paragraphs
            .iter()
            .filter(|p| lines.contains(&p.as_str()))
            .count();
        Score {
            paragraphs: page.paragraphs.len(),
            kept,
            chrome: page.chrome.len(),
            leaked: page
                .chrome
                .iter()
                .filter(|c| lines.contains(&c.as_str()))
                .count(),
            right_words: lines
                .iter()
                .filter(|l| **l == page.title || page.paragraphs.iter().any(|p| p == *l))
                .map(|l| words(l))
                .sum(),
            text_words: lines.iter().map(|l| words(l)).sum(),
            article_words: words(&page.title)
                + page.paragraphs.iter().map(|p| words(p)).sum::<usize>(),
        }
    }

    pub fn add(&mut self, o: Score) {
        self.paragraphs += o.paragraphs;
        self.kept += o.kept;
        self.chrome += o.chrome;
        self.leaked += o.leaked;
        self.right_words += o.right_words;
        self.text_words += o.text_words;
        self.article_words += o.article_words;
    }

    /// Word precision and recall.
    pub fn precision(&self) -> f64 {
        self.right_words as f64 / self.text_words.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.right_words as f64 / self.article_words.max(1) as f64
    }
}
