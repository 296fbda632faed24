//! The page's language, as an ISO 639-1 code: the declared one when it is valid, or else
//! detected from the text — by its script first (Thai, Hangul, Greek, Hebrew... belong to
//! one language or a few), then by `whatlang`'s trigram model within the script. The
//! stopword lists ([`crate::stopwords`]) cover about thirty languages and cannot tell the
//! others apart (Polish read as Albanian, Hindi as Nepali), so they only break ties.

use whatlang::Lang;

/// Every ISO 639-1 code.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Old codes still met in `lang` attributes, and their current ones.
const RENAMED: &[(&str, &str)] = &[("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv")];

/// Language names written where a code belongs (`lang="english"`, `content="deutsch"`).
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("german", "de"),
    ("deutsch", "de"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("spanish", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("italian", "it"),
    ("italiano", "it"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("russian", "ru"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("chinese", "zh"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("arabic", "ar"),
    ("turkish", "tr"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("danish", "da"),
    ("dansk", "da"),
    ("norwegian", "no"),
    ("norsk", "no"),
    ("finnish", "fi"),
    ("suomi", "fi"),
    ("czech", "cs"),
    ("greek", "el"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("thai", "th"),
    ("vietnamese", "vi"),
    ("indonesian", "id"),
    ("ukrainian", "uk"),
    ("hungarian", "hu"),
    ("magyar", "hu"),
    ("romanian", "ro"),
];

/// The ISO 639-1 code a declared language tag names, or `None` when it names none. Only
/// the first item of a list counts (`"de, ch, at"` → `de`), and only its primary subtag
/// (`en-US`, `de_DE` → `en`, `de`).
pub(crate) fn declared(tag: &str) -> Option<&'static str> {
    let first = tag
        .split([',', ';', ' ', '\t'])
        .map(str::trim)
        .find(|s| !s.is_empty())?;
    let primary = first.split(['-', '_']).next()?.to_lowercase();
    if let Some(code) = ISO_639_1.iter().find(|c| **c == primary) {
        return Some(code);
    }
    RENAMED
        .iter()
        .chain(NAMES)
        .find(|(name, _)| *name == primary)
        .map(|(_, code)| *code)
}

/// How much text detection reads at most.
pub(crate) const SAMPLE_BYTES: usize = 2000;

/// True when most letters of the text are Latin or Cyrillic: the scripts whose languages
/// the stoplists can tell apart when they are sure.
pub(crate) fn is_european_script(text: &str) -> bool {
    // (A few hundred letters tell the script.)
    let (mut european, mut other) = (0usize, 0usize);
    for c in text.chars().take(600) {
        if c.is_ascii_alphabetic() {
            european += 1;
        } else if !c.is_ascii() && crate::chars::is_alphabetic(c) {
            match c as u32 {
                0xC0..=0x24F | 0x1E00..=0x1EFF | 0x400..=0x52F => european += 1,
                _ => other += 1,
            }
        }
    }
    european > 0 && other * 10 < european
}

/// The language of `sample` (prose of the page, at most [`SAMPLE_BYTES`] are read): its
/// ISO 639-1 code when the script settles it or the trigram model is confident.
pub(crate) fn detect(sample: &str) -> Option<&'static str> {
    let mut end = sample.len().min(SAMPLE_BYTES);
    while !sample.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&sample[..end])?;
    // A script of one language is certain; within a shared script, the model must be sure.
    let single_language = matches!(
        info.script(),
        whatlang::Script::Thai
            | whatlang::Script::Hangul
            | whatlang::Script::Greek
            | whatlang::Script::Georgian
            | whatlang::Script::Armenian
            | whatlang::Script::Khmer
            | whatlang::Script::Sinhala
            | whatlang::Script::Tamil
            | whatlang::Script::Telugu
            | whatlang::Script::Kannada
            | whatlang::Script::Malayalam
            | whatlang::Script::Gujarati
            | whatlang::Script::Gurmukhi
            | whatlang::Script::Oriya
            | whatlang::Script::Myanmar
            | whatlang::Script::Bengali
            | whatlang::Script::Ethiopic
            | whatlang::Script::Katakana
            | whatlang::Script::Hiragana
    );
    (single_language || info.is_reliable())
        .then(|| iso_639_1(info.lang()))
        .flatten()
}

/// The two-letter code of a language `whatlang` knows.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_validated() {
        for (tag, want) in [
            ("en-US", Some("en")),
            ("de_DE", Some("de")),
            ("DE", Some("de")),
            ("de, ch, at", Some("de")),
            ("deutsch, german", Some("de")),
            ("english", Some("en")),
            ("iw", Some("he")),
            ("lang=", None),
            ("xx", None),
            ("", None),
            ("en-GB,en;q=0.9", Some("en")),
        ] {
            assert_eq!(declared(tag), want, "{tag:?}");
        }
    }

    #[test]
    fn every_mapped_code_is_an_iso_639_1_code() {
        for code in NAMES.iter().chain(RENAMED).map(|(_, c)| c) {
            assert!(ISO_639_1.contains(code), "{code}");
        }
    }
}
