//! Paywalls, registration walls and subscription pitches are the publisher selling, not the
//! article, in every language, wherever they stand on the page; cookie and consent notices
//! are the site asking leave, not its content, whatever box holds them.

use dechrome::extract;

/// A news page whose article is interrupted and followed by the publisher's prompts.
fn news_page(lang: &str, paragraphs: &[&str], prompts: &[&str]) -> String {
    let [first, rest @ ..] = paragraphs else {
        panic!("no paragraphs");
    };
    let rest: String = rest.iter().map(|p| format!("<p>{p}</p>")).collect();
    let prompt_box: String = prompts
        .iter()
        .map(|p| format!("<div class=box><p>{p}</p></div>"))
        .collect();
    format!(
        "<html lang={lang}><head><title>News</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <main><article><h1>Headline</h1><p>{first}</p>{prompt_box}{rest}</article></main>\
         <footer><a href=/imprint>Imprint</a></footer></body></html>"
    )
}

fn check(page: &str, kept: &[&str], dropped: &[&str]) {
    let doc = extract(page).expect("ok");
    for k in kept {
        assert!(doc.text.contains(k), "missing: {k}\n{}", doc.text);
    }
    for d in dropped {
        assert!(!doc.text.contains(d), "leaked: {d}\n{}", doc.text);
    }
}

#[test]
fn english_prompts_inside_the_article_go() {
    let paras = [
        "The harbour authority approved a plan on Monday to dredge the eastern channel, which \
         has silted up so badly that the larger ferries can only use it at high tide.",
        "Work is due to start in September and last about ten weeks, during which the smaller \
         pier will take the ferries that cannot reach the main terminal.",
        "Fishermen welcomed the plan but asked for the dredged silt to be taken out to sea \
         rather than dumped near the oyster beds north of the town.",
    ];
    let prompts = [
        "You have 2 free articles left this month. Subscribe now for unlimited digital access.",
        "Already a subscriber? Log in to continue reading.",
    ];
    check(
        &news_page("en", &paras, &prompts),
        &[paras[0], paras[1], paras[2]],
        &["free articles left", "Already a subscriber"],
    );
}

#[test]
fn german_french_and_spanish_prompts_go() {
    let de = [
        "Der Stadtrat hat am Dienstag beschlossen, die Stadtbibliothek künftig auch sonntags \
         zu öffnen, nachdem Bürger zwei Jahre lang dafür geworben hatten.",
        "Die zusätzlichen Öffnungszeiten sollen zunächst für ein Jahr gelten und dann anhand \
         der Besucherzahlen überprüft werden.",
    ];
    check(
        &news_page(
            "de",
            &de,
            &["Dieser Artikel ist nur für Abonnenten. Jetzt weiterlesen mit dem Digital-Abo."],
        ),
        &[de[0], de[1]],
        &["nur für Abonnenten"],
    );
    let fr = [
        "Le conseil municipal a voté mardi l'ouverture de la bibliothèque le dimanche, après \
         deux ans de mobilisation des habitants du quartier.",
        "Les nouveaux horaires seront évalués au bout d'un an en fonction de la fréquentation.",
    ];
    check(
        &news_page(
            "fr",
            &fr,
            &["Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous."],
        ),
        &[fr[0], fr[1]],
        &["réservé aux abonnés"],
    );
    let es = [
        "El ayuntamiento aprobó el martes abrir la biblioteca municipal también los domingos, \
         tras dos años de campaña de los vecinos del barrio.",
        "El nuevo horario se revisará dentro de un año según el número de visitantes.",
    ];
    check(
        &news_page(
            "es",
            &es,
            &["Contenido exclusivo para suscriptores. ¿Ya eres suscriptor? Inicia sesión."],
        ),
        &[es[0], es[1]],
        &["exclusivo para suscriptores"],
    );
}

#[test]
fn japanese_and_chinese_prompts_go() {
    let ja = [
        "市議会は火曜日、市立図書館を日曜日にも開館することを決めた。住民が二年にわたって求めてきたもので、来月から実施される。",
        "新しい開館時間は一年間試行し、利用者数を見て継続するかどうかを判断するという。",
    ];
    check(
        &news_page(
            "ja",
            &ja,
            &[
                "この記事は有料会員限定です。続きを読むには会員登録が必要です。",
                "電子版のお申し込みはこちら",
            ],
        ),
        &[ja[0], ja[1]],
        &["有料会員限定", "電子版のお申し込み"],
    );
    let zh = [
        "市议会周二决定，市立图书馆今后在周日也将开放。居民为此呼吁了两年，新安排将从下个月开始实行。",
        "新的开放时间将试行一年，然后根据读者人数决定是否继续。",
    ];
    check(
        &news_page("zh", &zh, &["开通会员后即可继续阅读全文，立即订阅。"]),
        &[zh[0], zh[1]],
        &["开通会员"],
    );
}

#[test]
fn an_article_about_subscriptions_is_not_a_paywall() {
    // A long paragraph that talks about subscribers is the article's, not a prompt.
    let long = "The streaming service said on Tuesday that it would raise prices for its \
        subscribers in twelve countries, the second rise in a year, and that new subscribers \
        would pay the higher price at once while those who are already subscribed keep the old \
        price until the summer. Analysts said the company needs to show investors that it can \
        grow revenue without adding many more members, now that most households that want a \
        subscription already have one, and that the decision to let readers register for free \
        to continue reading its magazine was part of the same plan to turn casual visitors into \
        paying customers over time, which the company has tried before with little success.";
    let second = "The company's shares rose three percent after the announcement, which came \
        a week before it reports its results for the last quarter of the year.";
    check(&news_page("en", &[long, second], &[]), &[long, second], &[]);
}

#[test]
fn a_registration_notice_at_the_head_of_the_article_goes() {
    // The notice a site shows after sign-up, as the first thing in the article's box and
    // with no class to mark it: it must not lead the page's text.
    let page = "<html lang=en><head><title>Council approves harbour plan</title></head><body>\
        <article><h1>Council approves harbour plan</h1>\
        <div><p>Thank you for registering! Please check your inbox to confirm your email \
        address and unlock all articles.</p></div>\
        <p>The council approved the long-debated harbour plan on Tuesday evening, clearing \
        the way for new moorings, a rebuilt slipway and a wider promenade along the quay.</p>\
        <p>Work on the first phase is due to start in spring and should be finished before \
        the summer sailing season of the following year, officials said.</p>\
        </article></body></html>";
    let doc = extract(page).expect("ok");
    assert!(doc.text.starts_with("The council approved"), "{}", doc.text);
    assert!(!doc.text.contains("registering"), "{}", doc.text);
}

#[test]
fn a_cookie_notice_in_a_bare_box_is_not_the_page() {
    // A consent notice in a box with a generated class, the only prose of a short page:
    // it must not become the page's text, in any of these languages.
    for (lang, notice) in [
        (
            "en",
            "To make this site work, we log user data and use cookies. By using this site, \
             you agree to our Privacy Policy, including our cookie policy.",
        ),
        (
            "de",
            "Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere \
             Website zu analysieren. Weitere Informationen finden Sie in unserer Erklärung.",
        ),
        (
            "fr",
            "Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre \
             site et pour mesurer notre audience. Vous pouvez modifier vos choix à tout moment.",
        ),
    ] {
        let page = format!(
            "<html lang={lang}><head><title>Harbour Notes</title></head><body>\
             <div class=x9f2k><p>{notice}</p></div>\
             <article><h2><a href=/a>Ferry returns to the north pier</a></h2>\
             <p>The morning ferry is back at the north pier after three months away.</p></article>\
             </body></html>"
        );
        let doc = extract(&page).expect("ok");
        assert!(
            !doc.text.contains(&notice[..20]),
            "{lang}: the notice was kept: {}",
            doc.text
        );
    }
}

#[test]
fn an_article_about_cookies_stays() {
    // Prose that reports on cookie rules is the article: long paragraphs are not notices.
    let paras = [
        "The regulator said on Monday that websites which use cookies to track visitors must \
         offer a button to refuse them that is as easy to find as the one that accepts them, \
         after a year-long review of consent banners on the country's most visited sites.",
        "Publishers have until the end of the year to change their banners. Those that keep \
         hiding the refusal behind several clicks face fines of up to two per cent of their \
         turnover, the regulator's chair told reporters at a briefing in the capital.",
    ];
    let page = news_page("en", &paras, &[]);
    check(&page, &[&paras[0][..40], &paras[1][..40]], &[]);
}
