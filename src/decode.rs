//! Stage 1 — decode: raw bytes to text, with the charset found the way browsers find it.
//!
//! Order of trust: a byte-order mark, then the caller's hint (e.g. an HTTP `Content-Type`
//! charset; one that says UTF-8 over bytes that are not is ignored), then a `<meta charset>` / `http-equiv` declaration in the first bytes, then
//! valid UTF-8, then statistical detection (`chardetng`). UTF-16 without a BOM is recognised
//! from the pattern of its zero bytes. Decoding never fails: malformed sequences become
//! U+FFFD.

use crate::error::NotHtmlKind;
use encoding_rs::{
    Encoding, GBK, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED,
};
use std::borrow::Cow;

/// How many leading bytes are searched for a `<meta>` charset declaration.
const META_SCAN_BYTES: usize = 4096;

/// The text of a page and the encoding it was decoded with.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
}

/// Decodes `bytes` to text. `hint` is a charset the caller knows (HTTP header); a BOM wins
/// over it, as in browsers.
///
/// A page whose charset is one that browsers refuse to decode (ISO-2022-KR, HZ-GB-2312,
/// ISO-2022-CN: the WHATWG "replacement" encoding, which turns the whole page into one
/// U+FFFD) gives `None`: the caller reports it instead of returning an empty page.
pub(crate) fn decode<'a>(bytes: &'a [u8], hint: Option<&'static Encoding>) -> Option<Decoded<'a>> {
    let mut utf8 = Utf8::Unknown;
    let encoding = sniff(bytes, hint, &mut utf8);
    if encoding == REPLACEMENT {
        return None;
    }
    // Bytes already found valid (and without a BOM, which `sniff` returns on before it
    // validates) are the text as they stand: not validated a second time.
    if let (true, Utf8::Valid(text)) = (encoding == UTF_8, utf8) {
        return Some(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8,
        });
    }
    // `decode` strips a BOM of the detected encoding and replaces malformed sequences.
    let (text, used, _had_errors) = encoding.decode(bytes);
    Some(Decoded {
        text,
        encoding: used,
    })
}

/// Whether the page's bytes are valid UTF-8, found once.
#[derive(Clone, Copy)]
enum Utf8<'a> {
    Unknown,
    Valid(&'a str),
    Invalid,
}

impl<'a> Utf8<'a> {
    /// True when `bytes` are valid UTF-8, validated on the first question only.
    fn check(&mut self, bytes: &'a [u8]) -> bool {
        if let Utf8::Unknown = self {
            *self = simdutf8::basic::from_utf8(bytes).map_or(Utf8::Invalid, Utf8::Valid);
        }
        matches!(self, Utf8::Valid(_))
    }
}

fn sniff<'a>(
    bytes: &'a [u8],
    hint: Option<&'static Encoding>,
    utf8: &mut Utf8<'a>,
) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = hint {
        // A header that says UTF-8 over bytes that plainly are not (a server's default,
        // wrong for the pages it serves from older systems) is no hint; nor is one that
        // says ISO-8859-1 (HTTP's old default) over bytes that are plainly GBK.
        let wrong_utf8 = enc == UTF_8 && !utf8.check(bytes) && !mostly_utf8(bytes);
        let wrong_latin = enc == WINDOWS_1252 && plainly_gbk(bytes);
        if !wrong_utf8 && !wrong_latin {
            return enc;
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let valid_utf8 = utf8.check(bytes);
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]) {
        // Saved and archived pages are often re-encoded to UTF-8 and keep their old
        // declaration: bytes that are valid UTF-8 and hold non-ASCII sequences are UTF-8
        // (legacy text almost never is), whatever the `<meta>` says.
        if enc != UTF_8 && valid_utf8 && !bytes.is_ascii() {
            return UTF_8;
        }
        return enc;
    }
    if valid_utf8 {
        return UTF_8;
    }
    // A page that is mostly valid UTF-8 with a few broken sequences is still UTF-8.
    if mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    // A single-byte guess over bytes whose every high byte pairs up as GBK does (a Chinese
    // page with a stray sequence the detector disqualified GBK for) is GBK.
    if guess.is_single_byte() && plainly_gbk(bytes) {
        return GBK;
    }
    guess
}

/// The fewest two-byte characters that make a page plainly GBK.
const GBK_MIN_PAIRS: usize = 8;

/// True when the bytes read as GBK (or GB18030) text: at least [`GBK_MIN_PAIRS`] two-byte
/// characters, and nearly every byte over 0x7F a part of one, in runs as Chinese text has
/// them. The accented letters of a windows-1252 page stand alone between ASCII letters.
fn plainly_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut stray, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&next) && next != 0x7F {
            // A pair of two high bytes is a Chinese character; a high lead with an ASCII
            // trail may be a Latin letter before an ASCII one, and counts for neither.
            if next >= 0x80 {
                pairs += 1;
            }
            i += 2;
        } else {
            stray += 1;
            i += 1;
        }
    }
    pairs >= GBK_MIN_PAIRS && stray * 50 <= pairs
}

/// True when at most one byte in a thousand belongs to an invalid UTF-8 sequence, and the
/// valid multi-byte characters outnumber the invalid sequences (a long page of ASCII with a
/// few legacy characters is not UTF-8).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let (mut bad, mut good) = (0usize, 0usize);
    loop {
        let (valid, err) = match std::str::from_utf8(rest) {
            Ok(s) => (s, None),
            Err(e) => (
                std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
                Some(e),
            ),
        };
        good += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(e) = err else { break };
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        bad += e.error_len().unwrap_or(1);
        if skip >= rest.len() {
            break;
        }
        rest = &rest[skip..];
    }
    bad * 1000 <= bytes.len() && good > bad
}

/// UTF-16 text of markup has a zero byte beside nearly every ASCII character.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Finds `charset=` inside a `<meta …>` tag in `head` (ASCII case-insensitive).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(pos) = find_ci(&head[i..], b"<meta") {
        let start = i + pos + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |p| start + p);
        let tag = &head[start..end];
        if let Some(label) = charset_in_tag(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                // As the HTML standard has it: a page that declares UTF-16 in
                // ASCII-compatible bytes is not UTF-16, and a declared x-user-defined is read
                // as windows-1252 (only an HTTP charset gets the real x-user-defined).
                return Some(if enc == UTF_16LE || enc == UTF_16BE {
                    UTF_8
                } else if enc == X_USER_DEFINED {
                    WINDOWS_1252
                } else {
                    enc
                });
            }
        }
        i = end;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let at = find_ci(tag, b"charset")?;
    let mut j = at + 7;
    while j < tag.len() && tag[j].is_ascii_whitespace() {
        j += 1;
    }
    if tag.get(j) != Some(&b'=') {
        return None;
    }
    j += 1;
    while j < tag.len() && (tag[j].is_ascii_whitespace() || tag[j] == b'"' || tag[j] == b'\'') {
        j += 1;
    }
    let from = j;
    while j < tag.len() && (tag[j].is_ascii_alphanumeric() || b"-_:.".contains(&tag[j])) {
        j += 1;
    }
    (j > from).then(|| &tag[from..j])
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Looks up a charset the caller gives, as leniently as browsers read an HTTP header: a
/// bare label (`"windows-1251"`, `"Shift_JIS"`), quoted (`"\"utf-8\""`), a whole header
/// value (`"text/html; charset=ISO-8859-1"`), or a database's name for UTF-8 (`utf8mb4`).
/// An unknown label is no hint at all.
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let lower = label.to_ascii_lowercase();
    let value = match lower.find("charset") {
        Some(at) => lower[at + "charset".len()..]
            .trim_start()
            .strip_prefix('=')
            .unwrap_or(""),
        None if lower.contains('/') || lower.contains(';') => "",
        None => &lower,
    };
    let value = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim();
    match value {
        "utf8mb4" | "utf8mb3" | "utf8" | "utf-8" | "unicode-1-1-utf-8" => Some(UTF_8),
        v => Encoding::for_label(v.as_bytes()),
    }
}

/// How many leading bytes the content test reads.
const CONTENT_SCAN_BYTES: usize = 8192;

/// Recognises inputs that are plainly not HTML: by their first bytes (after a byte-order
/// mark), and then by their content — bytes that are mostly not text and hold no markup
/// (compressed data, random binary) are not a page, whatever they start with.
pub(crate) fn not_html_kind(bytes: &[u8]) -> Option<NotHtmlKind> {
    let bytes = [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"]
        .iter()
        .find_map(|bom| bytes.strip_prefix(*bom))
        .unwrap_or(bytes);
    use NotHtmlKind::*;
    const MAGIC: &[(&[u8], NotHtmlKind)] = &[
        (b"%PDF-", Pdf),
        (b"\x89PNG\r\n\x1a\n", Image),
        (b"GIF87a", Image),
        (b"GIF89a", Image),
        (b"\xff\xd8\xff", Image),
        (b"PK\x03\x04", Archive),
        (b"\x1f\x8b", Archive),
        (b"RIFF", Media),
        (b"\x00asm", Program),
        (b"\x7fELF", Program),
        (b"\x28\xb5\x2f\xfd", Archive),
        (b"\xfd7zXZ\x00", Archive),
        (b"BZh", Archive),
        (b"7z\xbc\xaf\x27\x1c", Archive),
        (b"\x00\x00\x01\x00", Image),
        (b"OggS", Media),
        (b"fLaC", Media),
        (b"ID3", Media),
        (b"wOFF", Font),
        (b"wOF2", Font),
        (b"\x1aE\xdf\xa3", Media),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(*kind);
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|p| &bytes[p..])
        .unwrap_or(&[]);
    let looks_json = matches!(start.first(), Some(b'{') | Some(b'['))
        && !bytes[..bytes.len().min(META_SCAN_BYTES)].contains(&b'<');
    if looks_json {
        return Some(Json);
    }
    looks_binary(bytes).then_some(Binary)
}

/// True for bytes that are not text: more than one in twenty of the first bytes are control
/// characters that no text encoding uses, and there is no markup among them. (UTF-16
/// without a byte-order mark is text; a page with stray NULs between its tags is a page.)
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(CONTENT_SCAN_BYTES)];
    if sample.len() < 16 || utf16_without_bom(bytes).is_some() {
        return false;
    }
    // Tab, line feed, form feed, carriage return and escape (ISO-2022) are text.
    let control =
        |b: &u8| (*b < 0x20 && !matches!(*b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b)) || *b == 0x7f;
    let even = sample.iter().step_by(2).filter(|b| control(b)).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| control(b))
        .count();
    let controls = even + odd;
    // UTF-16 text in a non-Latin script has its control-range bytes (the high bytes of
    // Cyrillic, Greek, Arabic, Thai...) all at one parity.
    let one_parity = even.min(odd) * 10 < controls;
    controls * 20 > sample.len() && !one_parity && !has_markup(sample)
}

/// True when the bytes hold an HTML tag: `<` followed by a tag name of the language, or by
/// `!doctype`, `!--` or `/`.
fn has_markup(sample: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"html",
        b"head",
        b"body",
        b"meta",
        b"title",
        b"div",
        b"span",
        b"p>",
        b"p ",
        b"a ",
        b"br",
        b"table",
        b"td",
        b"li",
        b"ul",
        b"h1",
        b"h2",
        b"h3",
        b"img",
        b"link",
        b"script",
        b"style",
        b"!doctype",
        b"!--",
        b"/",
    ];
    memchr::memchr_iter(b'<', sample).any(|at| {
        let rest = &sample[at + 1..];
        TAGS.iter()
            .any(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_labels_are_read_leniently() {
        for (label, want) in [
            ("utf-8", Some(UTF_8)),
            ("\"utf-8\"", Some(UTF_8)),
            ("'UTF-8'", Some(UTF_8)),
            ("utf8mb4", Some(UTF_8)),
            ("text/html; charset=ISO-8859-1", Some(WINDOWS_1252)),
            (
                "text/html;charset=\"windows-1251\"; q=1",
                encoding_rs::Encoding::for_label(b"windows-1251"),
            ),
            (" Shift_JIS ", Some(encoding_rs::SHIFT_JIS)),
            ("text/html", None),
            ("klingon-8", None),
            ("", None),
        ] {
            assert_eq!(encoding_for_label(label), want, "{label:?}");
        }
    }

    #[test]
    fn valid_utf8_wins_over_a_legacy_meta_but_not_over_a_hint() {
        let page = "<meta charset=gb2312><p>Привет — café, 北京</p>";
        let d = decode(page.as_bytes(), None).expect("decodes");
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Привет — café, 北京"));
        // Pure ASCII follows the declaration (it reads the same either way).
        let d = decode(b"<meta charset=windows-1251><p>plain</p>", None).expect("decodes");
        assert_eq!(d.encoding.name(), "windows-1251");
        // The caller's hint still wins.
        let d = decode(page.as_bytes(), encoding_for_label("windows-1252")).expect("decodes");
        assert_eq!(d.encoding, WINDOWS_1252);
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice(b"<meta charset=windows-1252><p>caf\xC3\xA9</p>");
        let d = decode(&page, None).expect("decodes");
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let d = decode(page, None).expect("decodes");
        assert_eq!(d.encoding.name(), "windows-1251");
        assert!(d.text.contains("Привет"));
    }

    #[test]
    fn hint_beats_meta_but_not_bom() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let d = decode(page, encoding_for_label("latin1")).expect("decodes");
        assert!(d.text.contains("café"));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "<html><body><p>Hello world, this is UTF-16.</p></body></html>";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&bytes, None).expect("decodes");
        assert_eq!(d.encoding, UTF_16LE);
        assert!(d.text.contains("Hello world"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        // windows-1252 bytes, no declaration: must not decode as UTF-8 replacement characters.
        let page = "<p>Le café était très animé à l'époque, où l'on déjeunait près du lycée.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let d = decode(&bytes, None).expect("decodes");
        assert!(d.text.contains("café était très"), "{}", d.text);
    }

    /// A Chinese news page in GBK, with no charset declared anywhere.
    fn gbk_page() -> Vec<u8> {
        let page = "<html><head><title>本市举行秋季运动会</title></head><body>\
            <h1>本市举行秋季运动会</h1><p>2005-08-28 20:56:20 来源：本报 作者：张三</p>\
            <p>本报讯 昨天上午，本市第十届秋季运动会在市体育中心开幕。来自全市各区县的两千多名\
            运动员参加了开幕式。</p></body></html>";
        encoding_rs::GBK.encode(page).0.into_owned()
    }

    #[test]
    fn undeclared_gbk_is_gbk_even_under_a_latin_1_header() {
        let bytes = gbk_page();
        let d = decode(&bytes, None).expect("decodes");
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains("秋季运动会"));
        // HTTP's old default charset over plainly GBK bytes is no hint.
        let d = decode(&bytes, encoding_for_label("ISO-8859-1")).expect("decodes");
        assert_eq!(d.encoding, GBK);
        // Nor does a stray byte the detector may refuse GBK for make it windows-1252.
        assert!(plainly_gbk(&[bytes.as_slice(), b"\xff"].concat()));
        // French windows-1252 is not GBK, nor is a page with a few accents.
        let french = "<p>Le café était très animé à l'époque, où l'on déjeunait près du lycée; \
            l'été, à côté, les élèves chantaient.</p>";
        let french = encoding_rs::WINDOWS_1252.encode(french).0;
        assert!(!plainly_gbk(&french));
        let d = decode(&french, encoding_for_label("latin1")).expect("decodes");
        assert_eq!(d.encoding, WINDOWS_1252);
    }

    #[test]
    fn a_long_ascii_page_with_a_few_legacy_bytes_is_not_utf8() {
        let mut page = "<p>plain words</p>".repeat(2000).into_bytes();
        page.extend_from_slice(b"<p>caf\xe9</p>");
        assert!(!mostly_utf8(&page));
        let d = decode(&page, None).expect("decodes");
        assert!(d.text.contains("café"), "{}", &d.text[d.text.len() - 20..]);
    }

    #[test]
    fn declared_x_user_defined_is_windows_1252_and_replacement_charsets_are_refused() {
        let page = b"<meta charset=x-user-defined><p>caf\xe9 cr\xe8me</p>";
        let d = decode(page, None).expect("decodes");
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("café crème"));
        // From HTTP, x-user-defined is itself: bytes over 0x7F map to U+F780 and up.
        let d = decode(b"<p>\x80</p>", Some(X_USER_DEFINED)).expect("decodes");
        assert!(d.text.contains('\u{f780}'));
        assert!(decode(b"<meta charset=iso-2022-kr><p>x</p>", None).is_none());
        assert!(decode(b"<p>x</p>", encoding_for_label("hz-gb-2312")).is_none());
    }

    #[test]
    fn binary_without_magic_is_not_html_but_pages_with_stray_controls_are() {
        // A fixed pseudo-random stream (xorshift): no magic, no markup.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        assert_eq!(not_html_kind(&random), Some(NotHtmlKind::Binary));
        // zstd's magic, and a PDF behind a byte-order mark.
        assert_eq!(
            not_html_kind(b"\x28\xb5\x2f\xfd\x24\x00"),
            Some(NotHtmlKind::Archive)
        );
        assert_eq!(
            not_html_kind(b"\xef\xbb\xbf%PDF-1.4 x"),
            Some(NotHtmlKind::Pdf)
        );
        // A page whose text is peppered with NULs, and UTF-16 without a BOM, are pages.
        let nul_page = "<html><body><p>a\0b\0c\0d\0e\0f\0</p>".repeat(20);
        assert_eq!(not_html_kind(nul_page.as_bytes()), None);
        let utf16: Vec<u8> = "<p>hello there</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(not_html_kind(&utf16), None);
        let cyrillic: Vec<u8> = "Привет, мир! Это простой текст. "
            .repeat(20)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(not_html_kind(&cyrillic), None);
    }

    #[test]
    fn not_html_magic() {
        assert_eq!(not_html_kind(b"%PDF-1.7 ..."), Some(NotHtmlKind::Pdf));
        assert_eq!(not_html_kind(b"  {\"a\": 1}"), Some(NotHtmlKind::Json));
        assert_eq!(not_html_kind(b"<!doctype html><p>x"), None);
    }
}
