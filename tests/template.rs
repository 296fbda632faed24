//! The template memory (issue 14) on generated sites: each host has its own chrome with no
//! class or id hints, and a notice as long and as dense as a paragraph.

#[path = "support/sites.rs"]
mod sites;

use dechrome::{url::Url, Extractor, Page, TemplateMemory, Term};
use sites::{Score, SitePage};
use std::sync::Arc;

fn url(p: &SitePage) -> Url {
    Url::parse(&p.url).expect("generated URLs parse")
}

fn text(e: &Extractor, p: &SitePage) -> String {
    e.extract(&Page::from_text(&p.html).url(&url(p)))
        .expect("generated pages are read")
        .text
}

fn with_memory(memory: &Arc<TemplateMemory>, learn: bool) -> Extractor {
    Extractor::builder()
        .template_memory(Arc::clone(memory))
        .learn_templates(learn)
        .build()
}

/// Teaches `memory` every page, as a batch's first pass does.
fn learn_all(memory: &Arc<TemplateMemory>, pages: &[&SitePage]) {
    let learner = with_memory(memory, true);
    for p in pages {
        assert!(learner
            .learn(&Page::from_text(&p.html).url(&url(p)))
            .expect("generated pages are read"));
    }
}

#[test]
fn without_memory_the_dense_notice_passes_as_article_text() {
    // The hard case is hard: judged alone, the notice reads as one more paragraph.
    let sites = sites::sites(4, 6, 1);
    let alone = Extractor::default();
    let leaks = sites
        .iter()
        .flatten()
        .filter(|p| text(&alone, p).contains(p.notice.as_str()))
        .count();
    assert!(leaks >= 20, "the notice leaked on only {leaks} of 24 pages");
}

#[test]
fn batch_memory_drops_every_chrome_line_and_keeps_every_paragraph() {
    let sites = sites::sites(6, 12, 2);
    let memory = Arc::new(TemplateMemory::new());
    learn_all(&memory, &sites.iter().flatten().collect::<Vec<_>>());
    let reader = with_memory(&memory, false);
    for p in sites.iter().flatten() {
        let t = text(&reader, p);
        let s = Score::of(p, &t);
        assert_eq!(
            s.kept, s.paragraphs,
            "{}: a paragraph was lost:\n{t}",
            p.url
        );
        let leaked: Vec<&String> = p.chrome.iter().filter(|c| t.contains(c.as_str())).collect();
        assert!(leaked.is_empty(), "{}: chrome kept: {leaked:?}", p.url);
    }
    // The second pass only reads: the counts are the first pass's.
    assert_eq!(memory.pages(&sites[0][0].host), 12);
}

#[test]
fn online_memory_drops_the_notice_within_five_pages_of_a_host() {
    let sites = sites::sites(6, 12, 3);
    let memory = Arc::new(TemplateMemory::new());
    let online = with_memory(&memory, true);
    // Pages of the hosts interleaved, as a crawler meets them.
    for i in 0..12 {
        for site in &sites {
            let p = &site[i];
            let t = text(&online, p);
            let s = Score::of(p, &t);
            assert_eq!(s.kept, s.paragraphs, "{}: a paragraph was lost", p.url);
            if i >= 4 {
                assert!(!t.contains(p.notice.as_str()), "{}: notice kept", p.url);
                assert_eq!(s.leaked, 0, "{}: chrome kept:\n{t}", p.url);
            }
        }
    }
}

#[test]
fn the_template_term_shows_in_the_explanation() {
    let site = &sites::sites(1, 5, 4)[0];
    let memory = Arc::new(TemplateMemory::new());
    learn_all(&memory, &site.iter().collect::<Vec<_>>());
    let doc = with_memory(&memory, false)
        .document(&Page::from_text(&site[0].html).url(&url(&site[0])))
        .expect("generated pages are read");
    let notice = doc
        .blocks
        .iter()
        .find(|b| b.text == site[0].notice)
        .expect("the notice is a block");
    assert!(!notice.is_content());
    let template = notice
        .contributions
        .iter()
        .find(|c| c.term == Term::Template)
        .expect("the notice carries the template term");
    assert!(
        template.input > 0.99 && template.value < -2.0,
        "{template:?}"
    );
    // The article's paragraphs carry none.
    for b in doc
        .blocks
        .iter()
        .filter(|b| site[0].paragraphs.contains(&b.text))
    {
        assert!(b.contributions.iter().all(|c| c.term != Term::Template));
    }
}

#[test]
fn a_host_with_few_pages_seen_is_not_affected() {
    let site = &sites::sites(1, 2, 5)[0];
    let memory = Arc::new(TemplateMemory::new());
    learn_all(&memory, &site.iter().collect::<Vec<_>>());
    let reader = with_memory(&memory, false);
    let alone = Extractor::default();
    for p in site {
        let u = url(p);
        let page = Page::from_text(&p.html).url(&u);
        assert_eq!(
            reader.extract(&page).map(|r| r.text).ok(),
            alone.extract(&page).map(|r| r.text).ok()
        );
    }
}

#[test]
fn without_a_memory_or_a_url_nothing_changes() {
    let sites = sites::sites(2, 4, 6);
    let memory = Arc::new(TemplateMemory::new());
    let online = with_memory(&memory, true);
    let alone = Extractor::default();
    for p in sites.iter().flatten() {
        // Without a URL the memory is neither taught nor used.
        let page = Page::from_text(&p.html);
        assert_eq!(
            online.document(&page).expect("read"),
            alone.document(&page).expect("read")
        );
    }
    assert_eq!(memory.hosts(), 0);
}

/// An article page of `host` with its paragraphs in one container, and a box of chrome.
fn article(host: &str, i: usize, paragraphs: &[String]) -> (Url, String) {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<html><body><div><a href='/'>Home</a> <a href='/news'>News</a></div>\
         <div><h1>Story number {i}</h1><div>{body}</div></div>\
         <div><p>© 2026 Example Media. All rights reserved.</p></div></body></html>"
    );
    let url = Url::parse(&format!("https://{host}/news/{i}")).expect("valid");
    (url, html)
}

fn prose(rng: &mut sites::Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let words: Vec<String> = (0..40)
                .map(|_| {
                    [
                        "the", "harbour", "council", "ferry", "and", "of", "a", "road", "was",
                        "their", "market", "opened", "summer", "people", "said", "to", "in",
                        "bridge", "school", "new", "river", "with", "town", "for",
                    ][rng.below(24)]
                    .to_string()
                })
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect()
}

#[test]
fn a_refrain_inside_one_article_is_not_template() {
    let mut rng = sites::Rng::new(9);
    let memory = Arc::new(TemplateMemory::new());
    let online = with_memory(&memory, true);
    let refrain = "We shall go down to the river, and we shall sing there until the morning comes.";
    for i in 0..6 {
        let mut paragraphs = prose(&mut rng, 3);
        // The last page repeats its refrain six times, as often as the host has pages; no
        // other page has it.
        if i == 5 {
            for _ in 0..6 {
                paragraphs.push(refrain.to_string());
            }
        }
        let (u, html) = article("songs.example", i, &paragraphs);
        let t = online
            .extract(&Page::from_text(&html).url(&u))
            .expect("read")
            .text;
        if i == 5 {
            assert!(t.contains(refrain), "the refrain was dropped:\n{t}");
        }
    }
}

#[test]
fn a_wire_story_on_a_few_pages_is_not_template() {
    // The same agency paragraph runs in half of a host's ten articles, in the place of the
    // article's paragraphs: content shared by articles, not the site's template.
    let mut rng = sites::Rng::new(10);
    let wire = "The agency reported that the storm reached the coast on Tuesday night, \
        and that the ferries to the islands would not sail before the weekend.";
    let memory = Arc::new(TemplateMemory::new());
    let mut pages = Vec::new();
    for i in 0..10 {
        let mut paragraphs = prose(&mut rng, 3);
        if i % 2 == 1 {
            paragraphs.insert(1, wire.to_string());
        }
        pages.push(article("wire.example", i, &paragraphs));
    }
    let learner = with_memory(&memory, true);
    for (u, html) in &pages {
        learner.learn(&Page::from_text(html).url(u)).expect("read");
    }
    let reader = with_memory(&memory, false);
    for (i, (u, html)) in pages.iter().enumerate() {
        let t = reader
            .extract(&Page::from_text(html).url(u))
            .expect("read")
            .text;
        assert_eq!(t.contains(wire), i % 2 == 1, "page {i}:\n{t}");
        assert!(!t.contains("All rights reserved"));
    }
}

#[test]
fn one_memory_serves_many_threads() {
    let sites = sites::sites(4, 10, 11);
    let memory = Arc::new(TemplateMemory::new());
    let online = with_memory(&memory, true);
    // Four workers, each taking every fourth page of every host.
    std::thread::scope(|s| {
        for w in 0..4 {
            let (online, sites) = (&online, &sites);
            s.spawn(move || {
                for site in sites {
                    for p in site.iter().skip(w).step_by(4) {
                        text(online, p);
                    }
                }
            });
        }
    });
    for site in &sites {
        assert_eq!(memory.pages(&site[0].host), 10);
    }
    // What the threads taught together is what one thread would have.
    let reader = with_memory(&memory, false);
    for p in sites.iter().flatten() {
        let t = text(&reader, p);
        assert_eq!(Score::of(p, &t).leaked, 0, "{}:\n{t}", p.url);
    }
}

#[cfg(feature = "serde")]
#[test]
fn a_saved_memory_resumes_where_it_stopped() {
    let sites = sites::sites(3, 6, 12);
    let memory = Arc::new(TemplateMemory::new());
    learn_all(&memory, &sites.iter().flatten().collect::<Vec<_>>());
    let saved = serde_json::to_string(&*memory).expect("serialises");
    let restored: TemplateMemory = serde_json::from_str(&saved).expect("deserialises");
    assert_eq!(restored.hosts(), 3);
    let restored = Arc::new(restored);
    let (a, b) = (with_memory(&memory, false), with_memory(&restored, false));
    for p in sites.iter().flatten() {
        assert_eq!(text(&a, p), text(&b, p));
    }
}

#[test]
fn the_memory_stays_within_its_caps() {
    let memory = Arc::new(TemplateMemory::with_caps(5, 300));
    let online = with_memory(&memory, true);
    let sites = sites::sites(12, 15, 13);
    for p in sites.iter().flatten() {
        text(&online, p);
    }
    assert!(memory.hosts() <= 5);
    for site in &sites {
        assert!(memory.prints(&site[0].host) <= 300);
    }
    // The most recent hosts are the ones kept.
    assert_eq!(memory.pages(&sites[11][0].host), 15);
    assert!(
        memory.bytes() <= memory.max_bytes(),
        "{} > {}",
        memory.bytes(),
        memory.max_bytes()
    );
    // A page of many thousands of distinct blocks does not grow a host past its cap.
    // (Digits are one token to the fingerprint: the lines differ in letters.)
    let word = |mut n: usize| {
        let mut w = String::new();
        loop {
            w.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                return w;
            }
        }
    };
    let big: String = (0..20_000)
        .map(|i| format!("<p>line {} of many</p>", word(i)))
        .collect();
    let huge = Page::from_text(&big);
    let u = Url::parse("https://big.example/1").expect("valid");
    online.extract(&huge.url(&u)).expect("read");
    assert!(memory.prints("big.example") <= 300);
    assert!(memory.bytes() <= memory.max_bytes());
}
