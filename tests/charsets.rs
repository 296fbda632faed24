//! Bytes in the common charsets decode without mojibake, declared or not.

use dechrome::{Document, Error, Extractor, Page};

/// The whole document of a page given as bytes, with the default settings.
fn extract_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().document(&Page::new(bytes))
}
use encoding_rs::{Encoding, GB18030, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};

fn page(meta: &str, title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>\
         <nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

fn encode(enc: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = enc.encode(text);
    assert_eq!(used, enc);
    assert!(
        !unmappable,
        "fixture text must be representable in {}",
        enc.name()
    );
    bytes.into_owned()
}

const FRENCH: &[&str] = &[
    "Le conseil municipal a adopté mercredi le budget de l'année prochaine, après un débat très animé sur les écoles, les routes et la bibliothèque.",
    "La bibliothèque ouvrira désormais le dimanche, une décision que les habitants réclamaient depuis la fermeture de l'annexe, il y a deux ans.",
];
const RUSSIAN: &[&str] = &[
    "Городской совет в среду утвердил бюджет на следующий год после долгих споров о школах, дорогах и городской библиотеке.",
    "Теперь библиотека будет открыта и по воскресеньям, чего жители добивались с тех пор, как два года назад закрылся филиал.",
];
const JAPANESE: &[&str] = &[
    "市議会は水曜日、学校や道路、図書館をめぐる長い議論の末に、来年度の予算案を可決した。",
    "図書館は今後、日曜日にも開館することになり、二年前に分館が閉鎖されて以来の住民の要望がかなえられた。",
];
const CHINESE: &[&str] = &[
    "市议会周三在经过关于学校、道路和图书馆的长时间辩论之后，通过了明年的预算。",
    "图书馆今后将在星期日开放，这是两年前分馆关闭以来居民们一直要求的改变。",
];

fn check(enc: &'static Encoding, meta: bool, paragraphs: &[&str]) {
    let decl = if meta {
        format!("<meta charset=\"{}\">", enc.name())
    } else {
        String::new()
    };
    let html = page(&decl, "Budget", paragraphs);
    let doc = extract_bytes(&encode(enc, &html)).expect("extraction succeeds");
    assert_eq!(doc.encoding, enc.name(), "declared={meta}");
    for p in paragraphs {
        assert!(
            doc.text.contains(p),
            "{} (declared={meta}): missing {p}\n{}",
            enc.name(),
            doc.text
        );
    }
}

#[test]
fn windows_1252_declared_and_detected() {
    check(WINDOWS_1252, true, FRENCH);
    check(WINDOWS_1252, false, FRENCH);
}

#[test]
fn windows_1251_declared_and_detected() {
    check(WINDOWS_1251, true, RUSSIAN);
    check(WINDOWS_1251, false, RUSSIAN);
}

#[test]
fn shift_jis_declared_and_detected() {
    check(SHIFT_JIS, true, JAPANESE);
    check(SHIFT_JIS, false, JAPANESE);
}

#[test]
fn gb18030_declared_and_detected() {
    // Undeclared GB18030 is detected as its subset GBK, which decodes these bytes identically.
    check(GB18030, true, CHINESE);
    let html = page("", "预算", CHINESE);
    let doc = extract_bytes(&encode(GB18030, &html)).expect("extraction succeeds");
    assert!(CHINESE.iter().all(|p| doc.text.contains(p)), "{}", doc.text);
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let html = page("", "Budget", RUSSIAN);
    let mut le = vec![0xFF, 0xFE];
    le.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(html.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let doc = extract_bytes(&bytes).expect("extraction succeeds");
        assert_eq!(doc.encoding, name);
        assert!(RUSSIAN.iter().all(|p| doc.text.contains(p)), "{}", doc.text);
    }
}

#[test]
fn utf8_without_declaration_and_with_a_wrong_one_inside_valid_utf8() {
    check(encoding_rs::UTF_8, false, RUSSIAN);
}

#[test]
fn caller_charset_hint_is_used_and_unknown_labels_are_no_hint() {
    let html = page("", "Budget", FRENCH);
    let bytes = encode(WINDOWS_1252, &html);
    let doc = Extractor::default()
        .document(&Page::new(&bytes).content_type("ISO-8859-1"))
        .expect("ok");
    assert!(doc.text.contains(FRENCH[0]));
    // An unknown label loses nothing: the charset is found as without a hint.
    let doc = Extractor::default()
        .document(&Page::new(&bytes).content_type("klingon-8"))
        .expect("an unknown label is no hint, not an error");
    assert!(doc.text.contains(FRENCH[0]));
    // A whole Content-Type header value, as received.
    let doc = Extractor::default()
        .document(&Page::new(&bytes).content_type("text/html; charset=\"ISO-8859-1\""))
        .expect("ok");
    assert!(doc.text.contains(FRENCH[0]));
}
