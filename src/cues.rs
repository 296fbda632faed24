//! The vocabularies and weights the stages apply, kept as data apart from the mechanism.
//!
//! Nothing here is specific to a site: these are the words and tags that page templates in
//! general use for chrome (navigation, teasers, share bars, notices, comments) and for the
//! article body. Changing a weight here changes behaviour without touching the mechanism.

/// Elements whose whole subtree is never content (stage "clean"). Ruby annotations (`rt`,
/// `rp`: the reading aids printed over East Asian text) are not part of the text they gloss.
pub(crate) const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "rt", "rp",
    "canvas", "video", "audio", "source", "track", "map", "input", "select", "textarea", "button",
    "option", "optgroup", "datalist", "output", "progress", "meter", "dialog", "head", "title",
    "meta", "link", "base", "frame", "frameset", "applet",
];

/// Elements that start and end a text block (stage "segment"); everything else is inline.
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "noframes",
];

/// The attributes any stage reads. The parser's pre-pass leaves out all others.
pub(crate) const READ_ATTRIBUTES: &[&str] = &[
    // Markers and hiding (markers.rs).
    "class",
    "id",
    "role",
    "itemprop",
    "itemtype",
    "style",
    "hidden",
    "aria-hidden",
    // Links, images, language and metadata sources (segment.rs).
    "href",
    "src",
    "data-src",
    "data-lazy-src",
    "data-original",
    "srcset",
    "data-srcset",
    "data-lazy-srcset",
    "width",
    "height",
    "alt",
    "lang",
    "type",
    "content",
    "name",
    "property",
    "rel",
    "datetime",
    "pubdate",
    // A MathML formula's alternative text.
    "alttext",
    // Read by the tree builder itself: `<input type>` in tables, `<font color|face|size>` in
    // foreign content, `<annotation-xml encoding>`.
    "color",
    "face",
    "size",
    "encoding",
];

/// Class names (whole tokens) that hide an element from sighted readers: the text is a
/// screen-reader duplicate ("Share on Facebook", "Skip to content") and is dropped in cleaning.
pub(crate) const HIDING_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
    "hide-text",
    "offscreen",
    "u-hidden",
    "is-hidden",
    "invisible",
];

/// A word looked for in `class` and `id` values, with its weight: negative words mark chrome,
/// positive words mark the article body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueWord {
    /// The fragment, lower-case.
    pub word: &'static str,
    /// Weight added to a container candidate (readability's ±25 scale).
    pub weight: i16,
    /// When true the fragment must stand as a whole token (between `-`, `_`, spaces, digits
    /// or a camelCase boundary); otherwise it may stand inside a longer token.
    pub token: bool,
}

/// Chrome words that name a consent manager's dialog: laid over the page, never its text,
/// however much prose its settings hold. The region is never chosen inside one.
pub(crate) const CONSENT_WORDS: &[&str] = &[
    "consent",
    "gdpr",
    "onetrust",
    "ot-sdk",
    "didomi",
    "cookiebot",
    "usercentrics",
    "truste",
    "sp_message",
    "qc-cmp",
];

/// Words that, before a chrome word in one class token, make it a statement about the
/// element's layout (`has-sidebar`, `with-sidebar-right`, `no-comments`) or a breakpoint
/// condition (`lte-banner-w980`), not the name of the component.
pub(crate) const LAYOUT_STATE_WORDS: &[&str] =
    &["has", "with", "no", "without", "lt", "lte", "gt", "gte"];

/// Counts that, before a plural chrome word, describe a layout (`two-sidebars`).
pub(crate) const COUNT_WORDS: &[&str] = &["one", "two", "three", "both", "double"];

/// Weight of a chrome word that on its own names chrome (comments, related links, share bars).
pub(crate) const STRONG: i16 = -30;
/// Weight of an ordinary chrome word.
pub(crate) const NORMAL: i16 = -20;
/// Weight of a word that page builders also use for wrappers ("widget", "bottom").
const WEAK: i16 = -10;
/// Weight of a word naming the article body.
const BODY: i16 = 25;

const fn sub(word: &'static str, weight: i16) -> CueWord {
    CueWord {
        word,
        weight,
        token: false,
    }
}
const fn tok(word: &'static str, weight: i16) -> CueWord {
    CueWord {
        word,
        weight,
        token: true,
    }
}

/// The class/id vocabulary. `sub` words may stand inside a longer token ("relatedPosts"),
/// `tok` words only as a whole token ("ad-slot" but not "shadow").
#[rustfmt::skip]
pub(crate) const CLASS_ID_CUES: &[CueWord] = &[
    // navigation and page furniture
    sub("breadcrumb", STRONG), sub("navbar", STRONG), sub("navigation", STRONG), tok("nav", STRONG),
    tok("menu", STRONG), sub("footer", STRONG), sub("sidebar", STRONG), sub("pagination", STRONG),
    sub("masthead", NORMAL), tok("header", WEAK), tok("rail", NORMAL), sub("skiplink", NORMAL),
    tok("skip", NORMAL), tok("pager", NORMAL), tok("paging", NORMAL), sub("toolbar", NORMAL),
    tok("tools", NORMAL), tok("aside", NORMAL), tok("banner", NORMAL), tok("login", NORMAL),
    tok("signin", NORMAL), tok("signup", NORMAL), tok("search", NORMAL), tok("topbar", NORMAL),
    sub("widget", WEAK), tok("bottom", WEAK),
    // a listing's controls: filters, facets, sorting
    tok("filter", NORMAL), tok("filters", NORMAL), sub("facet", NORMAL), sub("refinement", NORMAL),
    tok("sort", NORMAL), tok("sorting", NORMAL), sub("sortby", NORMAL), sub("sort-by", NORMAL),
    // teasers and recommendations
    sub("related", STRONG), sub("recommend", STRONG), sub("trending", STRONG), sub("popular", STRONG),
    sub("mostread", STRONG), sub("most-read", STRONG), sub("outbrain", STRONG), sub("taboola", STRONG),
    sub("read-more", NORMAL), sub("readmore", NORMAL), sub("more-stories", NORMAL), sub("teaser", NORMAL),
    sub("promo", NORMAL), tok("picks", NORMAL), sub("also-read", NORMAL), sub("see-also", NORMAL),
    sub("top-stories", NORMAL), sub("headlines", NORMAL), sub("carousel", NORMAL),
    // sharing and social
    sub("share", STRONG), sub("sharing", STRONG), sub("social", STRONG), tok("follow", NORMAL),
    tok("print", NORMAL), tok("email", NORMAL), tok("rss", NORMAL),
    // comments
    sub("comment", STRONG), sub("disqus", STRONG), sub("respond", NORMAL), sub("reply", NORMAL),
    // advertising and sponsorship
    tok("ad", STRONG), tok("ads", STRONG), sub("advert", STRONG), sub("sponsor", STRONG),
    tok("adv", NORMAL), sub("dfp", NORMAL), sub("affiliate", NORMAL), sub("partner", NORMAL),
    // notices and prompts
    sub("cookie", STRONG), sub("consent", STRONG), sub("gdpr", STRONG), sub("newsletter", STRONG),
    // consent managers' boxes, by the names they are sold under
    sub("onetrust", STRONG), tok("ot-sdk", STRONG), sub("didomi", STRONG),
    sub("cookiebot", STRONG), sub("usercentrics", STRONG), sub("truste", STRONG),
    sub("sp_message", STRONG), sub("qc-cmp", STRONG),
    sub("subscribe", NORMAL), sub("subscription", NORMAL), sub("modal", NORMAL), sub("popup", NORMAL),
    sub("overlay", NORMAL), sub("disclaimer", NORMAL), sub("copyright", NORMAL), tok("legal", NORMAL),
    tok("notice", NORMAL), tok("alert", NORMAL), sub("donate", NORMAL),
    sub("announcement", NORMAL), sub("bulletin", NORMAL),
    // metadata around the article
    sub("byline", NORMAL), tok("author", NORMAL), tok("meta", NORMAL), tok("tags", NORMAL),
    tok("tag", NORMAL), tok("dateline", NORMAL), sub("timestamp", NORMAL), tok("date", NORMAL),
    tok("caption", NORMAL), tok("credit", NORMAL), tok("credits", NORMAL), tok("audio", NORMAL),
    // the article body
    sub("articlebody", BODY), sub("article-body", BODY), sub("article_body", BODY),
    sub("articletext", BODY), sub("article-text", BODY), sub("article-content", BODY),
    sub("articlecontent", BODY), sub("storybody", BODY), sub("story-body", BODY),
    sub("story-text", BODY), sub("entry-content", BODY), sub("entrycontent", BODY),
    sub("post-content", BODY), sub("postcontent", BODY), sub("post-body", BODY),
    sub("postbody", BODY), sub("post-text", BODY), sub("main-content", BODY),
    sub("maincontent", BODY), sub("body-text", BODY), sub("bodytext", BODY), sub("rich-text", BODY),
    sub("richtext", BODY), tok("article", BODY), tok("content", BODY), tok("entry", BODY),
    tok("post", BODY), tok("story", BODY), tok("body", BODY), tok("main", BODY), tok("text", BODY),
    tok("blog", BODY), tok("prose", BODY), tok("page", BODY), tok("hentry", BODY),
];

/// Element names that mark chrome on their own (HTML5 sectioning of page furniture, and a
/// form: a contact, sign-up or search box; a form that wraps the whole page is a wrapper and
/// its marker does not count, and on listings and product grids, which sit in filter forms,
/// it is layout).
pub(crate) const CHROME_TAGS: &[(&str, i16)] = &[
    ("nav", STRONG),
    ("footer", STRONG),
    ("aside", STRONG),
    ("menu", STRONG),
    ("header", NORMAL),
    ("form", NORMAL),
];

/// ARIA roles that mark chrome.
pub(crate) const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "toolbar",
    "tablist",
];

/// ARIA roles and microdata properties that mark the main content.
pub(crate) const CONTENT_ROLES: &[&str] = &["main", "article"];
pub(crate) const CONTENT_ITEMPROPS: &[&str] = &["articlebody", "text", "reviewbody", "description"];

/// Container weights by tag, as readability assigns them to a candidate's initial score.
pub(crate) fn tag_weight(tag: &str) -> f32 {
    match tag {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Words that mark a line as a picture's caption or credit when it follows an image: the
/// words for photo, picture, figure and source in the common languages, and the large photo
/// agencies (compared case-insensitively with whole words).
#[rustfmt::skip]
pub(crate) const PICTURE_CREDIT_WORDS: &[&str] = &[
    "photo", "photos", "photograph", "photography", "picture", "pictures", "image", "images",
    "credit", "credits", "illustration", "figure", "fig", "source",
    "foto", "fotos", "fotografie", "bild", "bilder", "abbildung", "abb", "grafik", "quelle",
    "crédit", "crédits", "légende", "fuente", "imagen", "imagem", "fonte", "zdjęcie", "fot",
    "getty", "istock", "shutterstock", "dpa", "afp", "reuters", "ap", "epa", "imago",
    "keystone", "ansa", "efe", "unsplash", "pixabay", "pixelio", "alamy",
];

/// Lines that only label an advertisement or sponsored content, in the common languages
/// (compared case-insensitively with the whole text of a short block).
pub(crate) const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "anzeige",
    "werbung",
    "gesponsert",
    "reklama",
    "publicidad",
    "publicité",
    "pubblicità",
    "annuncio",
    "advertentie",
    "reklame",
    "mainos",
    "reklam",
    "реклама",
    "広告",
    "广告",
];

/// What a paywall, a registration wall or a subscription pitch says, in the largest languages
/// of the web: a block that says one of these, wherever it stands, is the publisher selling,
/// not the article (matched where a word starts, ASCII letters in any case; Chinese and
/// Japanese phrases anywhere). Generic calls to action ("subscribe") are in
/// [`CALL_TO_ACTION`], which counts only at the article's end.
#[rustfmt::skip]
pub(crate) const PAYWALL_PROMPTS: &[&str] = &[
    // English
    "subscribe to continue", "subscribe to read", "subscribe now", "subscribers only",
    "for subscribers", "exclusive to subscribers", "already a subscriber", "already subscribed",
    "to continue reading", "continue reading with", "keep reading with", "sign in to continue",
    "log in to continue", "sign in to read", "log in to read", "register to continue",
    "register to read", "register for free to", "free articles left", "free article left",
    "free articles remaining", "articles remaining this month", "you have reached your limit",
    "you've reached your limit", "reached the limit of free", "unlock this article",
    "unlock more articles", "unlock unlimited", "unlimited digital access", "get unlimited access",
    "start your free trial", "start your subscription", "subscription required",
    "this article is for subscribers", "this content is for subscribers",
    "read the e-paper", "our e-paper", "the digital edition", "create a free account",
    "thank you for registering", "thanks for registering", "thanks for subscribing",
    "thank you for subscribing", "already have an account? log in",
    // German
    "jetzt abonnieren", "abo abschließen", "nur für abonnenten", "für abonnenten",
    "bereits abonnent", "schon abonnent", "bereits registriert", "zum weiterlesen",
    "um weiterzulesen", "weiterlesen mit", "jetzt weiterlesen", "artikel freischalten",
    "jetzt freischalten", "gratis testen", "kostenlos testen", "jetzt testen", "digital-abo",
    "digitalabo", "probeabo", "testabo", "zum e-paper", "das e-paper", "vielen dank für ihre registrierung",
    // French
    "réservé aux abonnés", "reserve aux abonnes", "article réservé", "abonnez-vous pour",
    "déjà abonné", "deja abonne", "pour lire la suite", "lire la suite de cet article",
    "je m'abonne", "offre numérique", "essai gratuit", "merci de votre inscription",
    // Spanish
    "suscríbete para", "suscribete para", "exclusivo para suscriptores",
    "solo para suscriptores", "ya eres suscriptor", "hazte suscriptor", "para seguir leyendo",
    "para continuar leyendo", "contenido exclusivo para", "accede sin límites",
    "regístrate para", "registrate para", "gracias por registrarte",
    // Portuguese
    "exclusivo para assinantes", "conteúdo exclusivo", "assine para", "já é assinante",
    "ja e assinante", "para continuar lendo", "assinatura digital", "cadastre-se para",
    // Italian
    "riservato agli abbonati", "articolo riservato", "abbonati per", "sei già abbonato",
    "per continuare a leggere", "continua a leggere con", "accedi per continuare",
    "registrati per",
    // Dutch, Polish, Turkish
    "alleen voor abonnees", "al abonnee", "word abonnee", "lees verder met",
    "om verder te lezen", "tylko dla prenumeratorów", "wykup dostęp", "masz już konto",
    "aboneler için", "abone ol", "okumaya devam etmek için",
    // Russian
    "подпишитесь", "оформите подписку", "только для подписчиков", "уже подписчик",
    "чтобы продолжить чтение", "чтобы читать дальше", "зарегистрируйтесь, чтобы",
    // Japanese
    "有料会員", "会員限定", "有料記事", "この記事は有料", "続きを読むには", "続きをお読みいただくには",
    "会員登録", "無料会員", "無料登録", "ログインして", "ご購読", "購読申し込み", "購読はこちら",
    "電子版", "今すぐ登録", "登録はこちら", "ご登録ありがとう",
    // Chinese
    "订阅", "訂閱", "付费会员", "会员专享", "仅限会员", "登录后", "注册后", "开通会员", "免费试读",
    "付費會員", "會員專屬",
];

/// What a cookie or consent notice says, in the web's largest languages: the site asking
/// leave to store cookies or telling the reader what using it means they agree to. Such a
/// notice is never the page's content, whatever box holds it. Matched like
/// [`PAYWALL_PROMPTS`], in blocks of at most `tuning::CONSENT_MAX_WORDS` words.
pub(crate) const CONSENT_NOTICES: &[&str] = &[
    // English
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "our site uses cookies",
    "uses cookies to",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "cookie preferences",
    "accept cookies",
    "accept all cookies",
    "allow cookies",
    "allow all cookies",
    "you agree to our use of cookies",
    "you consent to our use of cookies",
    "by using this site, you agree",
    "by using this website, you agree",
    "by continuing to use",
    "by continuing to browse",
    // German
    "wir verwenden cookies",
    "wir nutzen cookies",
    "diese website verwendet cookies",
    "diese webseite verwendet cookies",
    "verwendung von cookies",
    "cookie-einstellungen",
    "cookie-richtlinie",
    "alle cookies akzeptieren",
    // French
    "nous utilisons des cookies",
    "ce site utilise des cookies",
    "utilisation des cookies",
    "politique relative aux cookies",
    "accepter les cookies",
    "paramètres des cookies",
    "en poursuivant votre navigation",
    // Spanish, Portuguese, Italian
    "utilizamos cookies",
    "usamos cookies",
    "este sitio web utiliza cookies",
    "este sitio utiliza cookies",
    "política de cookies",
    "aceptar cookies",
    "aceitar cookies",
    "este site utiliza cookies",
    "utilizziamo i cookie",
    "questo sito utilizza cookie",
    "questo sito usa i cookie",
    "accetta i cookie",
    // Dutch, Polish, Turkish, Russian
    "wij gebruiken cookies",
    "we gebruiken cookies",
    "deze website gebruikt cookies",
    "używamy plików cookie",
    "ta strona używa plików cookie",
    "çerez kullanıyoruz",
    "çerez politikası",
    "мы используем файлы cookie",
    "сайт использует файлы cookie",
    // Japanese, Chinese
    "クッキーを使用",
    "cookieを使用",
    "cookieの使用",
    "クッキーポリシー",
    "使用cookie",
    "使用 cookie",
    "cookie政策",
    "cookie 政策",
];

/// Phrases that ask the reader to do something other than read: subscribe, follow, sign up,
/// support, download the app. A block at the end of the region that holds one is the
/// publisher talking, not the article (lower case; matched as substrings).
#[rustfmt::skip]
pub(crate) const CALL_TO_ACTION: &[&str] = &[
    // English
    "subscribe", "subscriber", "newsletter", "sign up", "follow us", "download the",
    "download our", "support our", "support us", "supporting our", "donate", "advertise with",
    "all rights reserved", "copyrighted", "join our", "like us on", "enter your email",
    "your inbox", "get the latest", "rate this", "was this article", "give us feedback",
    "letter to the editor",
    // German
    "abonnieren", "abonnement", "abonnent", "folgen sie", "folge uns", "unterstützen sie",
    "jetzt anmelden", "jetzt registrieren", "alle rechte vorbehalten", "posteingang",
    "verpasse keine", "verpassen sie keine", "bewerten sie", "artikel bewerten",
    "war der artikel", "den artikel teilen",
    // Spanish, Portuguese, Italian, French (with and without accents, as sites write them)
    "suscríbete", "suscribete", "suscribirse", "suscripción", "únete", "unete", "síguenos",
    "siguenos", "apóyanos", "apoyanos", "valora esta", "assine", "inscreva-se", "iscriviti",
    "abbonati", "abonnez-vous", "inscrivez-vous", "suivez-nous", "tous droits réservés",
    "todos los derechos reservados",
    // Polish
    "subskrypcj", "zapraszamy do",
];

/// The labels of a page's controls: buttons and links that act on an item rather than say
/// something about it (lower case, as whole words; a line made only of them is a control's
/// label, as "Quick view View options"). Statuses ("Sold out", "In stock") and names are not
/// controls: a reader of the item wants those.
#[rustfmt::skip]
pub(crate) const CONTROL_LABELS: &[&str] = &[
    // English
    "add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list",
    "add to favorites", "add to favourites", "add to compare", "wishlist", "compare",
    "quick view", "quick shop", "quick add", "choose options", "select options", "view options",
    "more options", "view details", "view product", "shop now", "buy now", "read full article",
    "view company profile", "show more", "load more", "see more", "view all", "see all",
    "read more", "apply now", "filter", "filters", "clear all", "sort by",
    // a control's placeholder while a script fills it
    "loading",
    // German, French, Spanish, Italian, Dutch
    "in den warenkorb", "zum warenkorb", "merken", "vergleichen", "ajouter au panier", "comparer",
    "ne plus comparer", "añadir al carrito", "añadir a la cesta", "comparar",
    "aggiungi al carrello", "confronta", "in winkelwagen", "vergelijk",
];

// ------------------------------------------------------------------------------ page types

/// Class and id words that mark chrome around a product only: customer reviews and
/// ratings, tooltips, recently viewed and cross-selling strips. On an article the same words
/// name its content (a review). See [`crate::score::tuning::Strategy`].
#[rustfmt::skip]
pub(crate) static PRODUCT_CHROME: &[CueWord] = &[
    sub("review", STRONG), sub("rating", STRONG), tok("customer", STRONG), sub("tooltip", STRONG),
    sub("avatar", STRONG), sub("recently-viewed", STRONG), sub("recentlyviewed", STRONG),
    sub("upsell", STRONG), sub("cross-sell", STRONG), sub("crosssell", STRONG),
];

/// Class and id words that mark chrome on a forum only: a poster's signature, title and
/// profile box, votes and reactions.
#[rustfmt::skip]
pub(crate) static FORUM_CHROME: &[CueWord] = &[
    sub("signature", STRONG), sub("usertitle", STRONG), sub("userextra", STRONG),
    sub("user-extra", STRONG), sub("postprofile", STRONG), tok("badges", STRONG),
    sub("vote", STRONG), sub("reaction", STRONG),
];

/// Class and id words that mark chrome on a service page only: its contact form.
#[rustfmt::skip]
pub(crate) static SERVICE_CHROME: &[CueWord] = &[
    tok("contact", STRONG), sub("contact-form", STRONG), sub("contactform", STRONG),
];

/// Every kind of page's own chrome vocabulary (each gets one automaton). These are statics,
/// not constants, so that a vocabulary is known by its address.
pub(crate) static TYPE_CHROME: [&[CueWord]; 3] = [PRODUCT_CHROME, FORUM_CHROME, SERVICE_CHROME];

/// JSON-LD and microdata types that a page declares, by the page-type feature each sets
/// (in the features' order; compared case-insensitively with the type's last path step).
#[rustfmt::skip]
pub(crate) const DECLARED_TYPES: &[(&str, &[&str])] = &[
    ("ld_article", &["Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
        "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
        "Review", "Recipe"]),
    ("ld_product", &["Product", "ProductGroup", "IndividualProduct", "ProductModel"]),
    ("ld_offer", &["Offer", "AggregateOffer"]),
    ("ld_list", &["ItemList", "CollectionPage", "SearchResultsPage", "OfferCatalog", "ListItem"]),
    ("ld_forum", &["DiscussionForumPosting", "QAPage", "Question", "Answer", "Comment",
        "SocialMediaPosting"]),
    ("ld_docs", &["TechArticle", "APIReference", "SoftwareSourceCode", "HowTo"]),
    ("ld_service", &["Service", "ProfessionalService", "LocalBusiness", "FinancialProduct",
        "MedicalBusiness", "EducationalOccupationalProgram", "Course"]),
    ("ld_faq", &["FAQPage"]),
];

/// Words in class and id values that hint at a kind of page, by the kind they hint at
/// (matched inside tokens, case-insensitively; an element counts once per kind).
#[rustfmt::skip]
pub(crate) const PAGE_CLASS_WORDS: &[(&str, &[&str])] = &[
    ("product", &["product", "price", "cart", "basket", "sku", "variant", "swatch", "quantity",
        "stock", "checkout", "pdp", "add-to", "addto", "buybox", "buy-box"]),
    ("grid", &["grid", "tile", "plp", "collection", "catalog", "product-card", "productcard",
        "product-list", "productlist", "results", "listing", "search-result"]),
    ("forum", &["thread", "reply", "replies", "topic", "message", "forum", "avatar", "username",
        "userinfo", "user-info", "signature", "upvote", "vote", "answer", "question", "postbit",
        "post-body", "postbody", "crawler-post", "discussion"]),
    ("docs", &["docs", "documentation", "toc", "admonition", "highlight", "syntax", "api",
        "markdown", "docsearch", "edit-page", "editpage", "prev-next", "next-prev", "theme-doc",
        "sphinx", "rst", "manual", "codeblock", "code-block"]),
    ("service", &["hero", "cta", "feature", "pricing", "plan", "testimonial", "benefit", "faq",
        "accordion", "contact", "logo", "client", "partner", "service", "solution", "banner",
        "section"]),
    ("article", &["article", "byline", "author", "dateline", "headline", "story", "entry",
        "blog", "published", "post-date", "postdate", "timestamp"]),
    ("card", &["card", "teaser", "item", "feed", "river", "stream", "archive", "excerpt",
        "summary", "snippet"]),
];

/// Class tokens that tell one item of a run from the next rather than what it is: left out
/// of the signature by which look-alike siblings are found.
pub(crate) const ITEM_STATE_TOKENS: &[&str] = &[
    "odd", "even", "first", "last", "active", "selected", "current", "featured",
];

/// Prefixes of class tokens that name an item's place in the site's taxonomy, which differs
/// item to item (a blog's `category-salmon`, a shop's `product_cat-boots`), not its box.
pub(crate) const TAXONOMY_PREFIXES: &[&str] =
    &["category-", "tag-", "product_cat-", "product_tag-"];

/// Chrome words that name a layout component on some kinds of page rather than chrome (see
/// [`crate::score::tuning::Strategy`]). On such a page a block under one of these words is
/// judged without the marker.
///
/// On a landing page the hero banner, the carousel of testimonials and the widget boxes hold
/// the offer itself.
pub(crate) const SERVICE_LAYOUT: &[&str] = &[
    "widget", "carousel", "bottom", "banner", "promo", "teaser", "tablist",
];
/// On a listing the entries sit in a "search" box, as teasers with a "read more".
#[rustfmt::skip]
pub(crate) const LISTING_LAYOUT: &[&str] = &[
    "search", "teaser", "widget", "carousel", "read-more", "readmore", "form",
];
/// Chrome words that name a page's furniture: they name its content only when they mark
/// most of it (see `tuning::OWN_WORDS_SHARE`).
pub(crate) const FURNITURE: &[&str] = &["footer", "copyright", "newsletter"];

/// The layout words of every reading that takes runs of items (listings, grids, landing pages).
pub(crate) const ITEMS_LAYOUT: &[&str] = &[
    "search",
    "teaser",
    "widget",
    "carousel",
    "read-more",
    "readmore",
    "form",
    "bottom",
    "banner",
    "promo",
    "tablist",
];
/// On a product grid the products sit in a "search" box or a carousel.
pub(crate) const COLLECTION_LAYOUT: &[&str] = &["search", "widget", "bottom", "carousel", "form"];
/// On a forum the replies are the thread ("comment" stays chrome: Q&A sites keep comments
/// under each answer, apart from the thread).
pub(crate) const FORUM_LAYOUT: &[&str] = &["reply", "respond", "disqus"];
/// On a forum whose posts are all called comments (a link aggregator's or a federated
/// forum's thread), "comment" names the thread itself: it is layout there when the prose it
/// marks is half or more of the prose outside the region (see `tuning::THREAD_WORD_SHARE`).
pub(crate) const FORUM_THREAD_WORDS: &[&str] = &["comment"];
/// In documentation, admonitions ("alert", "notice") and margin notes are the manual's own.
pub(crate) const DOCS_LAYOUT: &[&str] = &["alert", "notice", "aside", "meta", "bottom"];

/// Short lines that hint at a kind of page (lower case; matched where a word starts).
#[rustfmt::skip]
pub(crate) const PAGE_TEXT_WORDS: &[(&str, &[&str])] = &[
    ("forum", &["reply", "replies", "posted", "joined", "quote", "report", "likes", "views",
        "members", "messages", "posts", "thread", "permalink", "upvote", "solved", "answered",
        "antworten", "beiträge", "réponses", "respuestas", "odpowiedzi"]),
    ("commerce", &["add to cart", "add to bag", "add to basket", "in stock", "out of stock",
        "buy now", "free shipping", "free delivery", "sku", "quantity", "reviews",
        "in den warenkorb", "auf lager", "ajouter au panier", "en stock", "añadir al carrito",
        "do koszyka", "sold out"]),
    ("docs", &["edit this page", "on this page", "table of contents", "was this page helpful",
        "previous", "next", "copy", "note", "warning", "tip", "parameters", "returns", "syntax",
        "example", "see also", "deprecated", "version"]),
    ("service", &["get started", "contact us", "book a", "request a", "free consultation",
        "learn more", "schedule", "get a quote", "our services", "why choose", "how it works",
        "testimonials", "call us", "talk to", "sign up", "try it", "free trial", "demo"]),
];

/// Path segments of the page's URL that hint at a kind of page (lower case, whole segments
/// or a segment's start, e.g. "products" for "/products/x").
#[rustfmt::skip]
pub(crate) const URL_WORDS: &[(&str, &[&str])] = &[
    ("forum", &["t", "d", "thread", "threads", "topic", "topics", "forum", "forums", "discussion",
        "discussions", "community", "questions", "comments", "viewtopic.php", "showthread.php",
        "r", "board", "boards"]),
    ("docs", &["docs", "doc", "documentation", "api", "reference", "manual", "guide", "guides",
        "tutorial", "tutorials", "learn", "wiki", "man", "howto", "how-to", "handbook", "kb",
        "knowledge-base", "help", "support", "developer", "developers", "concepts"]),
    ("product", &["product", "products", "p", "dp", "item", "itm", "pd", "sku", "listing"]),
    ("collection", &["collections", "collection", "category", "categories", "c", "catalog",
        "shop", "store", "browse", "b", "department", "cat", "l", "s"]),
    ("listing", &["search", "tag", "tags", "section", "sections", "list", "archive", "jobs",
        "events", "news", "blog", "latest", "newest", "chart", "rankings", "courses",
        "programs", "recipes", "category"]),
    ("article", &["article", "articles", "story", "stories", "post", "posts", "blog", "news",
        "opinion", "features", "review", "reviews"]),
    ("service", &["services", "service", "solutions", "solution", "pricing", "plans",
        "consulting", "insurance", "what-we-do", "capabilities", "industries", "treatments",
        "care", "repair", "about", "contact"]),
];

/// Words of the per-post bylines of a comment thread ("Posted by … at …", "… says:",
/// "… wrote:"), lower-case, in the common languages.
pub(crate) const THREAD_LINE_WORDS: &[&str] = &[
    "posted",
    "says",
    "said",
    "wrote",
    "commented",
    "anonymous",
    "dice",
    "escribió",
    "schrieb",
    "geschrieben",
    "écrit",
    "scritto",
    "napisał",
    "написал",
    "schreef",
    "skrev",
];

/// Words of the per-post action lines of a comment thread ("Report this comment", "Reply").
pub(crate) const THREAD_ACTION_WORDS: &[&str] = &[
    "report",
    "reply",
    "permalink",
    "flag",
    "responder",
    "antworten",
    "melden",
    "répondre",
    "signaler",
    "rispondi",
    "segnala",
    "odpowiedz",
    "zgłoś",
    "ответить",
    "beantwoorden",
    "svara",
];

/// Words that mark a date as the last change, not the publication.
pub(crate) const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update:",
    "modified",
    "last edited",
    "revised",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualización",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "zaktualizowano",
    "aktualizacja",
    "обновлено",
    "uppdaterad",
    "opdateret",
    "oppdatert",
    "päivitetty",
    "güncellendi",
    "datemodified",
    "editiert",
    "bearbeitet",
    "editado",
    "изменено",
    "更新",
    "修改",
    "수정",
    "업데이트",
];

/// Attributes that hold a lazy-loaded image's address, in the order they are trusted (the
/// `src` beside them is a placeholder until a script swaps them in).
pub(crate) const LAZY_SRC_ATTRS: &[&str] = &["data-src", "data-lazy-src", "data-original"];

/// Attributes that hold an image's candidate sources with their widths or densities.
pub(crate) const SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];

/// Words in an image address that mark a placeholder (a blank or a spinner a script
/// replaces), lower-case.
pub(crate) const PLACEHOLDER_IMAGES: &[&str] = &[
    "blank.gif",
    "spacer.gif",
    "pixel.gif",
    "transparent.gif",
    "transparent.png",
    "placeholder",
    "lazy-load",
    "lazyload",
    "loading.gif",
    "spinner",
    "1x1",
];

/// Marks in a `<time>` element's class or `itemprop` that it dates the publication.
pub(crate) const PUBLISHED_MARKS: &[&str] = &[
    "publish",
    "pubdate",
    "entry-date",
    "post-date",
    "posted-on",
    "article-date",
    "datecreated",
];

/// True when the (lower-case) text says that a date is a change.
pub(crate) fn says_updated(lower: &str) -> bool {
    UPDATE_WORDS.iter().any(|w| lower.contains(w))
}
