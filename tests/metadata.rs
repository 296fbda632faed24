//! Dates and bylines: every source of a publication date in many languages, the order the
//! sources are trusted in, the plausibility rule, change dates kept apart, bylines in
//! Chinese, Japanese and Korean, and a GBK page that declares no charset. The pages are
//! written for these tests, shaped like the news pages they stand for.

use dechrome::{Extractor, Metadata, Page, Source};

/// One language's words for a page: the headline, two paragraphs, a byline line and the
/// way it writes "19 October 2019, 14:05".
struct Lang {
    code: &'static str,
    headline: &'static str,
    body: [&'static str; 2],
    byline: &'static str,
    author: &'static str,
    date_line: &'static str,
}

const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        headline: "Old swing bridge to close for six weeks of repairs",
        body: [
            "The harbour authority said on Thursday that the old swing bridge will close for six weeks of repairs from early June, and ferries will run every twenty minutes instead.",
            "Shop owners near the bridge worry that fewer visitors will reach the old town during the works, while the council promised extra buses on market days.",
        ],
        byline: "By Jane Roe",
        author: "Jane Roe",
        date_line: "Published October 19, 2019 at 2:05 pm",
    },
    Lang {
        code: "de",
        headline: "Alte Drehbrücke wird sechs Wochen lang saniert",
        body: [
            "Die Hafenbehörde teilte am Donnerstag mit, dass die alte Drehbrücke ab Anfang Juni für sechs Wochen gesperrt wird und die Fähren stattdessen alle zwanzig Minuten fahren.",
            "Geschäftsleute in der Nähe der Brücke befürchten, dass während der Arbeiten weniger Besucher in die Altstadt kommen; die Stadt verspricht zusätzliche Busse an Markttagen.",
        ],
        byline: "Von Ines Roth",
        author: "Ines Roth",
        date_line: "19. Oktober 2019, 14:05 Uhr",
    },
    Lang {
        code: "fr",
        headline: "Le vieux pont tournant fermé six semaines pour travaux",
        body: [
            "L'autorité portuaire a annoncé jeudi que le vieux pont tournant sera fermé six semaines pour travaux à partir de début juin, et que les bacs passeront toutes les vingt minutes.",
            "Les commerçants proches du pont craignent que moins de visiteurs rejoignent la vieille ville pendant les travaux, tandis que la mairie promet des bus supplémentaires les jours de marché.",
        ],
        byline: "Par Claire Dubois",
        author: "Claire Dubois",
        date_line: "Publié le 19 octobre 2019 à 14:05",
    },
    Lang {
        code: "es",
        headline: "El viejo puente giratorio cerrará seis semanas por obras",
        body: [
            "La autoridad portuaria anunció el jueves que el viejo puente giratorio cerrará seis semanas por obras desde principios de junio y que los transbordadores saldrán cada veinte minutos.",
            "Los comerciantes cercanos al puente temen que menos visitantes lleguen al casco antiguo durante las obras, mientras el ayuntamiento promete autobuses adicionales en días de mercado.",
        ],
        byline: "Por Ana Gómez",
        author: "Ana Gómez",
        date_line: "Publicado el 19 de octubre de 2019, 14:05",
    },
    Lang {
        code: "pt",
        headline: "Antiga ponte giratória fecha por seis semanas para obras",
        body: [
            "A autoridade portuária anunciou na quinta-feira que a antiga ponte giratória fechará por seis semanas para obras a partir do início de junho, e as balsas sairão a cada vinte minutos.",
            "Os comerciantes perto da ponte temem que menos visitantes cheguem à cidade velha durante as obras, enquanto a prefeitura promete ônibus extras nos dias de feira.",
        ],
        byline: "Por Ana Souza",
        author: "Ana Souza",
        date_line: "Publicado em 19 de outubro de 2019 às 14:05",
    },
    Lang {
        code: "it",
        headline: "Il vecchio ponte girevole chiude sei settimane per lavori",
        body: [
            "L'autorità portuale ha annunciato giovedì che il vecchio ponte girevole resterà chiuso sei settimane per lavori da inizio giugno e che i traghetti partiranno ogni venti minuti.",
            "I commercianti vicino al ponte temono che durante i lavori meno visitatori raggiungano il centro storico, mentre il comune promette autobus in più nei giorni di mercato.",
        ],
        byline: "Di Marco Rossi",
        author: "Marco Rossi",
        date_line: "Pubblicato il 19 ottobre 2019 ore 14:05",
    },
    Lang {
        code: "ru",
        headline: "Старый разводной мост закроют на ремонт на шесть недель",
        body: [
            "Портовое управление сообщило в четверг, что старый разводной мост закроют на шесть недель на ремонт с начала июня, а паромы будут ходить каждые двадцать минут.",
            "Владельцы магазинов у моста опасаются, что во время работ в старый город будет приходить меньше посетителей, а мэрия обещает дополнительные автобусы в рыночные дни.",
        ],
        byline: "Автор: Иван Петров",
        author: "Иван Петров",
        date_line: "Опубликовано 19 октября 2019 г., 14:05",
    },
    Lang {
        code: "zh",
        headline: "老旋转桥将关闭六周进行维修",
        body: [
            "港务局周四表示，老旋转桥将从六月初起关闭六周进行维修，渡轮将改为每二十分钟一班。市民可以通过官方网站查询最新的时刻表。",
            "桥附近的商户担心施工期间前往老城区的游客会减少，市政府则承诺在集市日增开公交车，并在码头设置临时指示牌。",
        ],
        byline: "作者：张伟",
        author: "张伟",
        date_line: "发布时间：2019年10月19日 14:05 来源：本报",
    },
    Lang {
        code: "ja",
        headline: "古い旋回橋、六週間の補修工事で閉鎖へ",
        body: [
            "港湾局は木曜日、古い旋回橋を六月初めから六週間、補修工事のため閉鎖すると発表した。フェリーは代わりに二十分ごとに運航する。",
            "橋の近くの商店主らは、工事の間に旧市街を訪れる人が減ることを心配しているが、市は市場の日に臨時バスを増便すると約束した。",
        ],
        byline: "文／山田太郎",
        author: "山田太郎",
        date_line: "2019年10月19日 14時05分 公開",
    },
    Lang {
        code: "ko",
        headline: "낡은 회전교, 보수 공사로 6주간 폐쇄",
        body: [
            "항만청은 목요일 오래된 회전교를 6월 초부터 6주 동안 보수 공사를 위해 폐쇄한다고 밝혔다. 대신 여객선이 20분마다 운항한다.",
            "다리 근처 상인들은 공사 기간 동안 구시가지를 찾는 방문객이 줄어들까 걱정하고 있으며, 시는 장날에 버스를 추가로 운행하겠다고 약속했다.",
        ],
        byline: "홍길동 기자",
        author: "홍길동",
        date_line: "입력 2019.10.19. 14:05",
    },
];

const INSTANT: &str = "2019-10-19T14:05:00+02:00";
const DAY: &str = "2019-10-19";

/// A news page: `head` in its head, `header` between the headline and the text.
fn page(lang: &Lang, head: &str, header: &str) -> String {
    format!(
        r#"<!doctype html><html lang="{code}"><head><meta charset="utf-8">
<title>{headline} | Harbour Post</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>{headline}</h1>{header}<p>{p1}</p><p>{p2}</p></article>
<footer><p>Harbour Post, 1 Quay Street</p></footer></body></html>"#,
        code = lang.code,
        headline = lang.headline,
        p1 = lang.body[0],
        p2 = lang.body[1],
    )
}

fn metadata(html: &str, url: Option<&str>) -> Metadata {
    let url = url.map(|u| url::Url::parse(u).expect("a URL"));
    let mut page = Page::from_text(html);
    if let Some(u) = &url {
        page = page.url(u);
    }
    Extractor::default()
        .extract(&page)
        .expect("extracts")
        .metadata
}

fn published_day(m: &Metadata) -> Option<&str> {
    m.published.as_deref().and_then(|p| p.get(..10))
}

#[test]
fn every_source_of_a_publication_date_in_ten_languages() {
    for lang in LANGS {
        let json_ld = format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{}","datePublished":"{INSTANT}"}}</script>"#,
            lang.headline
        );
        let meta = format!(r#"<meta property="article:published_time" content="{INSTANT}">"#);
        let time = format!(
            r#"<p class="byline">{} <time datetime="{INSTANT}">{}</time></p>"#,
            lang.byline, lang.date_line
        );
        let microdata = format!(
            r#"<p><span itemprop="datePublished">{}</span></p>"#,
            lang.date_line
        );
        let text = format!("<p>{}</p>", lang.date_line);
        let cases: [(&str, String, String, Option<&str>, Source); 6] = [
            ("JSON-LD", json_ld, String::new(), None, Source::JsonLd),
            ("meta", meta, String::new(), None, Source::Meta),
            ("time", String::new(), time, None, Source::Time),
            (
                "microdata",
                String::new(),
                microdata,
                None,
                Source::Microdata,
            ),
            (
                "URL",
                String::new(),
                String::new(),
                Some("https://harbour.example/city/2019/10/19/bridge-repairs"),
                Source::Url,
            ),
            ("text", String::new(), text, None, Source::Text),
        ];
        for (name, head, header, url, source) in cases {
            let m = metadata(&page(lang, &head, &header), url);
            assert_eq!(published_day(&m), Some(DAY), "{} {name}: {m:?}", lang.code);
            assert_eq!(m.published_from, Some(source), "{} {name}", lang.code);
            assert_eq!(m.modified, None, "{} {name}", lang.code);
        }
    }
}

#[test]
fn machine_dates_keep_their_time_and_offset_and_text_dates_their_time() {
    let en = &LANGS[0];
    let head = format!(r#"<meta property="article:published_time" content="{INSTANT}">"#);
    let m = metadata(&page(en, &head, ""), None);
    assert_eq!(m.published.as_deref(), Some(INSTANT));
    let m = metadata(&page(en, "", &format!("<p>{}</p>", en.date_line)), None);
    assert_eq!(m.published.as_deref(), Some("2019-10-19T14:05:00"));
}

#[test]
fn bylines_in_ten_languages_are_metadata_not_text() {
    for lang in LANGS {
        let header = format!("<p>{}</p><p>{}</p>", lang.byline, lang.date_line);
        let doc = Extractor::default()
            .document(&Page::from_text(&page(lang, "", &header)))
            .expect("extracts");
        assert_eq!(doc.metadata.authors, [lang.author], "{}", lang.code);
        assert_eq!(
            doc.metadata.authors_from,
            Some(Source::Text),
            "{}",
            lang.code
        );
        assert_eq!(published_day(&doc.metadata), Some(DAY), "{}", lang.code);
        // The byline and the date line are read, and left out of the text.
        assert!(
            !doc.text.contains(lang.byline),
            "{}: {}",
            lang.code,
            doc.text
        );
        assert!(
            !doc.text.contains(lang.date_line),
            "{}: {}",
            lang.code,
            doc.text
        );
        assert!(doc.text.contains(lang.body[0]), "{}", lang.code);
    }
}

#[test]
fn the_more_trusted_source_wins() {
    let en = &LANGS[0];
    let json_ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Old swing bridge to close for six weeks of repairs","datePublished":"2019-10-17"}</script>"#;
    let meta = r#"<meta property="article:published_time" content="2019-10-18">"#;
    let text = "<p>Published October 19, 2019</p>";
    let url = Some("https://harbour.example/2019/10/16/bridge");
    let m = metadata(&page(en, &format!("{json_ld}{meta}"), text), url);
    assert_eq!(m.published.as_deref(), Some("2019-10-17"));
    let m = metadata(&page(en, meta, text), url);
    assert_eq!(m.published.as_deref(), Some("2019-10-18"));
    let m = metadata(&page(en, "", text), url);
    assert_eq!(
        m.published.as_deref(),
        Some("2019-10-16"),
        "a dated URL before a text line"
    );
    let m = metadata(&page(en, "", text), None);
    assert_eq!(m.published.as_deref(), Some("2019-10-19"));
}

#[test]
fn implausible_dates_are_passed_over() {
    let en = &LANGS[0];
    // A template's placeholder year and a date in the future are no publication dates.
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2091-01-01T00:00:00Z"}</script>
        <meta property="article:published_time" content="1970-01-01T00:00:00Z">"#;
    let m = metadata(&page(en, head, "<p>Published October 19, 2019</p>"), None);
    assert_eq!(m.published.as_deref(), Some("2019-10-19"));
    assert_eq!(m.published_from, Some(Source::Text));
    let m = metadata(&page(en, head, ""), None);
    assert_eq!(m.published, None);
}

#[test]
fn a_change_date_never_stands_in_for_the_publication() {
    for (lang, updated) in [
        (&LANGS[0], "Updated October 20, 2019"),
        (&LANGS[1], "Aktualisiert am 20. Oktober 2019"),
        (&LANGS[2], "Mis à jour le 20 octobre 2019"),
        (&LANGS[3], "Actualizado el 20 de octubre de 2019"),
        (&LANGS[7], "更新时间：2019年10月20日"),
    ] {
        let head = r#"<meta property="article:modified_time" content="2019-10-20T09:00:00Z">"#;
        let m = metadata(&page(lang, head, &format!("<p>{updated}</p>")), None);
        assert_eq!(m.published, None, "{}: {m:?}", lang.code);
        assert_eq!(
            m.modified.as_deref(),
            Some("2019-10-20T09:00:00Z"),
            "{}",
            lang.code
        );
        let m = metadata(&page(lang, "", &format!("<p>{updated}</p>")), None);
        assert_eq!(m.published, None, "{}: {m:?}", lang.code);
        assert_eq!(
            m.modified.as_deref().and_then(|d| d.get(..10)),
            Some("2019-10-20")
        );
        assert_eq!(m.modified_from, Some(Source::Text));
    }
    // A line with both: the first date is the publication's, the one after "Editiert" the
    // change's; the line is metadata, not text.
    let de = &LANGS[1];
    let line = "19. Oktober 2019, 19:08 Uhr Editiert am 20. Oktober 2019, 10:00 Uhr";
    let doc = Extractor::default()
        .document(&Page::from_text(&page(de, "", &format!("<p>{line}</p>"))))
        .expect("extracts");
    assert_eq!(
        doc.metadata.published.as_deref(),
        Some("2019-10-19T19:08:00")
    );
    assert_eq!(
        doc.metadata.modified.as_deref(),
        Some("2019-10-20T10:00:00")
    );
    assert!(!doc.text.contains("Editiert"), "{}", doc.text);
}

#[test]
fn json_ld_dates_are_the_pages_own_not_its_items() {
    let en = &LANGS[0];
    // A list of other articles, each with its date: none of them dates this page.
    let list = r#"<script type="application/ld+json">{"@type":"ItemList","itemListElement":[
        {"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"Ferry fares rise","datePublished":"2019-09-01"}},
        {"@type":"ListItem","position":2,"item":{"@type":"NewsArticle","headline":"Quay reopens","datePublished":"2019-08-01"}}]}</script>"#;
    let m = metadata(&page(en, list, "<p>Published October 19, 2019</p>"), None);
    assert_eq!(m.published.as_deref(), Some("2019-10-19"));
    // A graph with a teaser's article node before the page's own: the page's, by its URL.
    let graph = r#"<script type="application/ld+json">{"@graph":[
        {"@type":"NewsArticle","url":"https://harbour.example/other","headline":"Ferry fares rise","datePublished":"2019-09-01"},
        {"@type":"NewsArticle","url":"https://harbour.example/bridge","headline":"Old swing bridge to close for six weeks of repairs","datePublished":"2019-10-19"}]}</script>"#;
    let m = metadata(&page(en, graph, ""), Some("https://harbour.example/bridge"));
    assert_eq!(m.published.as_deref(), Some("2019-10-19"));
    // A wiki page: the article is the WebPage's main entity, dated by its first revision.
    let wiki = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",
        "mainEntity":{"@type":"Article","name":"Swing bridge","datePublished":"2004-03-11T09:15:00Z","dateModified":"2019-10-19T08:00:00Z"}}</script>"#;
    let m = metadata(&page(en, wiki, ""), None);
    assert_eq!(m.published.as_deref(), Some("2004-03-11T09:15:00Z"));
    assert_eq!(m.modified.as_deref(), Some("2019-10-19T08:00:00Z"));
    // An embedded video's upload date gives way to the article's own meta tag.
    let video = r#"<script type="application/ld+json">{"@type":"VideoObject","name":"Bridge timelapse","uploadDate":"2015-01-16T14:53:35+01:00"}</script>
        <meta property="article:published_time" content="2019-10-19T14:05:00+02:00">"#;
    let m = metadata(&page(en, video, ""), None);
    assert_eq!(m.published.as_deref(), Some(INSTANT));
}

#[test]
fn a_publication_date_equal_to_the_change_gives_way_to_an_earlier_one() {
    let en = &LANGS[0];
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Old swing bridge to close for six weeks of repairs",
        "datePublished":"2019-10-20T18:37:32+01:00","dateModified":"2019-10-20T18:37:32+01:00"}</script>"#;
    let header = r#"<p><span itemprop="datePublished">October 19, 2019</span></p>"#;
    let m = metadata(&page(en, head, header), None);
    assert_eq!(m.published.as_deref(), Some("2019-10-19"));
    assert_eq!(m.published_from, Some(Source::Microdata));
    assert_eq!(m.modified.as_deref(), Some("2019-10-20T18:37:32+01:00"));
}

#[test]
fn authors_from_json_ld_meta_and_byline_elements() {
    let en = &LANGS[0];
    // Objects, arrays, a reference to a Person node, and the site's own name left out.
    let head = r##"<script type="application/ld+json">{"@graph":[
        {"@type":"Person","@id":"#p1","name":"Jane Roe"},
        {"@type":"NewsArticle","headline":"Old swing bridge to close for six weeks of repairs",
         "author":[{"@id":"#p1"},{"@type":"Person","name":"John Doe"},{"@type":"Organization","name":"Harbour Post"}],
         "publisher":{"@type":"Organization","name":"Harbour Post"}}]}</script>"##;
    let m = metadata(&page(en, head, ""), None);
    assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
    assert_eq!(m.authors_from, Some(Source::JsonLd));
    // A meta tag that names the site and its city names no author.
    let head = r#"<meta property="og:site_name" content="Harbour Post"><meta name="author" content="Harbour Post, Kiel, Germany">"#;
    let m = metadata(
        &page(
            en,
            head,
            r#"<p><a rel="author" href="/jane">Jane Roe</a></p>"#,
        ),
        None,
    );
    assert_eq!(m.authors, ["Jane Roe"]);
    // A byline box with a role, a date and share labels.
    let header = r#"<div class="byline">Jane Roe, Staff Writer | Oct. 19, 2019 <a href="/share">Share</a></div>"#;
    let m = metadata(&page(en, "", header), None);
    assert_eq!(m.authors, ["Jane Roe"]);
    assert_eq!(published_day(&m), Some(DAY));
}

#[test]
fn a_masthead_date_and_teaser_dates_do_not_date_the_article() {
    let en = &LANGS[0];
    let html = format!(
        r#"<html><head><title>Harbour Post</title></head><body>
<div class="top"><a href="/search">Search</a> | <a href="/ads">Classifieds</a> | <a href="/subscribe">Subscribe</a> | Tuesday, January 15, 2008</div>
<h1>{h}</h1><p>By Jane Roe<br>January 7, 2008</p><p>{p1}</p><p>{p2}</p>
<ul><li><a href="/a">Ferry fares rise again</a> - January 3, 2008</li><li><a href="/b">Quay reopens after storm</a> - December 28, 2007</li></ul>
</body></html>"#,
        h = en.headline,
        p1 = en.body[0],
        p2 = en.body[1]
    );
    let m = metadata(&html, None);
    assert_eq!(m.published.as_deref(), Some("2008-01-07"));
    assert_eq!(m.authors, ["Jane Roe"]);
}

/// A Chinese portal page of the 2000s: the date and the source on one line under the
/// headline, the author in a byline, no metadata at all.
const ZH_PORTAL: &str = include_str!("fixtures/metadata/zh_portal.html");

#[test]
fn chinese_japanese_and_korean_pages_read_on_their_text() {
    let m = metadata(ZH_PORTAL, None);
    assert_eq!(m.published.as_deref(), Some("2005-08-28T20:56:20"));
    assert_eq!(m.authors, ["张伟"]);
    assert_eq!(m.title.as_deref(), Some("本市第十届秋季运动会开幕"));
    let m = metadata(include_str!("fixtures/metadata/ja_news.html"), None);
    assert_eq!(m.published.as_deref(), Some("2005-05-07T09:30:00"));
    assert_eq!(m.authors, ["山田太郎"]);
    let m = metadata(include_str!("fixtures/metadata/ko_news.html"), None);
    assert_eq!(published_day(&m), Some("2019-10-19"));
    assert_eq!(m.authors, ["홍길동"]);
}

#[test]
fn a_gbk_page_without_a_declared_charset() {
    let bytes = encoding_rs::GBK.encode(ZH_PORTAL).0.into_owned();
    assert!(!ZH_PORTAL.contains("charset"), "the page declares nothing");
    let doc = Extractor::default()
        .document(&Page::new(&bytes))
        .expect("extracts");
    assert_eq!(doc.encoding, "GBK");
    assert_eq!(
        doc.metadata.published.as_deref(),
        Some("2005-08-28T20:56:20")
    );
    assert_eq!(doc.metadata.authors, ["张伟"]);
    assert!(doc.text.contains("两千多名运动员"), "{}", doc.text);
    // Under HTTP's old default charset, too.
    let doc = Extractor::default()
        .document(&Page::new(&bytes).content_type("text/html; charset=ISO-8859-1"))
        .expect("extracts");
    assert_eq!(doc.encoding, "GBK");
}

#[test]
fn a_teasers_time_gives_way_and_a_labelled_date_may_be_a_link() {
    let de = &LANGS[1];
    // A sidebar's list of other posts, each with its <time>, beside the article's header:
    // the article's own microdata dates it.
    let header = r#"<ul class="recent"><li><a href="/a">Hafenfest verschoben</a> <time datetime="2018-11-20">20. November 2018</time></li>
        <li><a href="/b">Neue Fährlinie</a> <time datetime="2018-10-02">2. Oktober 2018</time></li></ul>
        <meta itemprop="datePublished" content="2019-10-19T14:05:00+02:00">"#;
    let m = metadata(&page(de, "", header), None);
    assert_eq!(published_day(&m), Some(DAY), "{m:?}");
    assert_eq!(m.published_from, Some(Source::Microdata));
    // "Veröffentlicht am" and the date as a permalink.
    let header = r#"<p class="entry-date">Veröffentlicht am <a href="/2019/bruecke">19. Oktober 2019</a></p>"#;
    let m = metadata(&page(de, "", header), None);
    assert_eq!(published_day(&m), Some(DAY), "{m:?}");
}
