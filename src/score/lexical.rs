//! Tests on a block's own text: sentence ends, labels, dates, ad labels, picture credits and
//! calls to action. The vocabularies are data in [`crate::cues`].

use crate::chars::{splat, ASCII_HIGH};
use crate::cues;
use aho_corasick::automaton::OverlappingState;
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::sync::LazyLock;

/// True when the text ends like a sentence (closing quotes and brackets aside).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
    });
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', ';'])
}

/// True for a line that ends with a colon: a label for what follows.
pub(crate) fn introduces(text: &str) -> bool {
    text.trim_end().ends_with([':', '：'])
}

static CALLS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(cues::CALL_TO_ACTION)
        .ok()
});

/// True when the text asks the reader to subscribe, follow, sign up or support.
pub(crate) fn calls_to_action(text: &str) -> bool {
    let Some(ac) = CALLS.as_ref() else {
        return false;
    };
    let t = text.to_lowercase();
    // A phrase counts where a word starts ("rate this", not "accurate this").
    ac.find_overlapping_iter(&t).any(|m| {
        !t[..m.start()]
            .chars()
            .next_back()
            .is_some_and(crate::chars::is_alphanumeric)
    })
}

/// The publisher's prompts: paywall and subscription phrases, then consent notices' phrases,
/// in one automaton, so that a block is scanned once for both. Searched anchored, from the
/// places a phrase may start ([`PromptStarts`]).
static PROMPTS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Anchored)
        .build(prompt_phrases())
        .ok()
});

fn prompt_phrases() -> impl Iterator<Item = &'static str> {
    cues::PAYWALL_PROMPTS
        .iter()
        .chain(cues::CONSENT_NOTICES)
        .copied()
}

/// The first six bytes of every prompt phrase (ASCII lower-cased), as bits of a small table:
/// a phrase can match only where the text's next six bytes are one of them, which rules out
/// nearly every place a word starts before the automaton is asked. (Every phrase is at least
/// six bytes long: a test checks.)
struct PromptStarts {
    bits: Vec<u64>,
    /// The bytes a phrase starts with, in either case.
    first: [bool; 256],
}

impl PromptStarts {
    const BITS: u32 = 16;

    /// Bytes of the key: every phrase is at least this long.
    const LEN: usize = 6;

    fn key(b: &[u8]) -> Option<u64> {
        const SIX: u64 = 0xFFFF_FFFF_FFFF;
        // Eight bytes at once where there are eight: ASCII capitals lower-cased together.
        if let Some(eight) = b.get(..8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            return Some(ascii_lowercase(u64::from_le_bytes(eight)) & SIX);
        }
        let b = b.get(..Self::LEN)?;
        Some(
            b.iter()
                .rev()
                .fold(0u64, |k, c| k << 8 | u64::from(c.to_ascii_lowercase())),
        )
    }

    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    fn new() -> PromptStarts {
        let mut bits = vec![0u64; (1 << Self::BITS) / 64];
        let mut first = [false; 256];
        for phrase in prompt_phrases() {
            if let Some(&b) = phrase.as_bytes().first() {
                first[usize::from(b.to_ascii_lowercase())] = true;
                first[usize::from(b.to_ascii_uppercase())] = true;
            }
            if let Some(k) = Self::key(phrase.as_bytes()) {
                let s = Self::slot(k);
                if let Some(w) = bits.get_mut(s / 64) {
                    *w |= 1 << (s % 64);
                }
            }
        }
        PromptStarts { bits, first }
    }

    /// Whether a phrase may start at the front of `b`.
    fn may_start(&self, b: &[u8]) -> bool {
        Self::key(b).is_some_and(|k| {
            let s = Self::slot(k);
            self.bits
                .get(s / 64)
                .is_some_and(|w| w & (1 << (s % 64)) != 0)
        })
    }
}

static PROMPT_STARTS: LazyLock<PromptStarts> = LazyLock::new(PromptStarts::new);

/// What a block's text says of the publisher's prompts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Prompts {
    /// A paywall's, a registration wall's or a subscription pitch's phrase
    /// ([`cues::PAYWALL_PROMPTS`]).
    pub paywall: bool,
    /// A cookie or consent notice's phrase ([`cues::CONSENT_NOTICES`]).
    pub consent: bool,
}

/// The prompts the text says, each a phrase where a word starts, or a Chinese or Japanese one
/// anywhere.
pub(crate) fn prompts(text: &str) -> Prompts {
    let mut out = Prompts::default();
    let Some(ac) = PROMPTS.as_ref() else {
        return out;
    };
    let starts = &*PROMPT_STARTS;
    let bytes = text.as_bytes();
    // Every phrase that starts at `at`, if its first bytes may begin one (an overlapping
    // search, stepped by hand, as the crate's iterator does not search anchored); true once
    // both kinds are found.
    let look = |at: usize, out: &mut Prompts| -> bool {
        let may = bytes.get(at..).is_some_and(|rest| {
            rest.first().is_some_and(|&b| starts.first[usize::from(b)]) && starts.may_start(rest)
        });
        if !may {
            return false;
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        while ac.try_find_overlapping(input.clone(), &mut state).is_ok() {
            let Some(m) = state.get_match() else { break };
            if m.pattern().as_usize() < cues::PAYWALL_PROMPTS.len() {
                out.paywall = true;
            } else {
                out.consent = true;
            }
        }
        out.paywall && out.consent
    };
    // A phrase counts where a word starts (after a character that is not a letter or a
    // digit), or (Chinese, Japanese) anywhere. Runs of eight ASCII bytes are read at once.
    let mut after_alphanumeric = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(chunk) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            let x = u64::from_le_bytes(chunk);
            if x & ASCII_HIGH == 0 {
                let alnum = ascii_alphanumeric(x);
                let before = alnum << 8 | u64::from(after_alphanumeric) << 7;
                let mut word_starts = alnum & !before;
                while word_starts != 0 {
                    let j = (word_starts.trailing_zeros() / 8) as usize;
                    word_starts &= word_starts - 1;
                    if look(i + j, &mut out) {
                        return out;
                    }
                }
                after_alphanumeric = alnum >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (len, may) = if b.is_ascii() {
            let may = !after_alphanumeric;
            after_alphanumeric = b.is_ascii_alphanumeric();
            (1, may)
        } else {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let may = !after_alphanumeric || c as u32 >= 0x2E80;
            after_alphanumeric = crate::chars::is_alphanumeric(c);
            (c.len_utf8(), may)
        };
        let at = i;
        i += len;
        if may && look(at, &mut out) {
            break;
        }
    }
    out
}

/// The high bit of each byte of `x` (each below 0x80) that lies in `lo..=hi`: a byte below
/// 0x80 plus (0x80 - lo) reaches 0x80 exactly when it is at least `lo`, and plus (0x7F - hi)
/// when it is above `hi`; no sum carries into the next byte.
fn within(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(splat(0x80 - lo)) & !x.wrapping_add(splat(0x7F - hi)) & ASCII_HIGH
}

/// Of eight ASCII bytes read as a `u64`, the high bit of each that is a letter or a digit.
fn ascii_alphanumeric(x: u64) -> u64 {
    within(x, b'0', b'9') | within(x, b'A', b'Z') | within(x, b'a', b'z')
}

/// Eight bytes read as a `u64`, their ASCII capitals lower-cased (other bytes as they are).
fn ascii_lowercase(x: u64) -> u64 {
    let ascii = !x & ASCII_HIGH;
    x | (within(x & !ASCII_HIGH, b'A', b'Z') & ascii) >> 2
}

/// True when a word of the text names a picture or its credit (`cues::PICTURE_CREDIT_WORDS`),
/// or the text carries a © sign.
pub(crate) fn names_a_picture(text: &str) -> bool {
    crate::chars::contains_char(text, '©')
        || text
            .split(|c: char| !crate::chars::is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .any(|w| cues::PICTURE_CREDIT_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The control labels, each split into its words.
static CONTROL_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    cues::CONTROL_LABELS
        .iter()
        .map(|l| l.split(' ').collect())
        .collect()
});

/// The words that open a control label, once each.
static CONTROL_FIRST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut firsts: Vec<&str> = CONTROL_WORDS
        .iter()
        .filter_map(|l| l.first().copied())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
});

/// True when the whole text is made of the labels of controls (`cues::CONTROL_LABELS`): "Add
/// to cart", "Quick view View options", "+ Wishlist".
pub(crate) fn is_control_label(text: &str) -> bool {
    let is_word = |w: &&str| !w.is_empty();
    let Some(first) = text
        .split(|c: char| !crate::chars::is_alphanumeric(c))
        .find(is_word)
    else {
        return false;
    };
    // Most lines fail on their first word: it is looked up, lower-cased on the stack when it
    // is short and ASCII, before the line is lowercased. (The list is sorted and lower-case.)
    let listed = |w: &str| CONTROL_FIRST_WORDS.binary_search(&w).is_ok();
    let mut buf = [0u8; 32];
    let opens = match buf.get_mut(..first.len()) {
        Some(short) if first.is_ascii() => {
            short.copy_from_slice(first.as_bytes());
            short.make_ascii_lowercase();
            std::str::from_utf8(short).is_ok_and(listed)
        }
        _ => listed(
            &first
                .chars()
                .flat_map(char::to_lowercase)
                .collect::<String>(),
        ),
    };
    if !opens {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !crate::chars::is_alphanumeric(c))
        .filter(is_word)
        .collect();
    if words.len() > CONTROL_LABEL_MAX_WORDS {
        return false;
    }
    let mut rest = words.as_slice();
    'next: while !rest.is_empty() {
        for label in CONTROL_WORDS.iter() {
            if rest.len() >= label.len() && rest[..label.len()] == label[..] {
                rest = &rest[label.len()..];
                continue 'next;
            }
        }
        return false;
    }
    true
}

/// A control's label, or a few of them on one line, is this many words at most.
pub(crate) const CONTROL_LABEL_MAX_WORDS: usize = 8;

/// True when the whole text only labels an advertisement ("Advertisement", "Anzeige", …).
pub(crate) fn is_ad_label(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !crate::chars::is_alphanumeric(c))
        .to_lowercase();
    cues::AD_LABELS.contains(&t.as_str())
}

/// A short line that is mostly a date or time: a year, `hh:mm`, or `dd.mm.yy`-like digits.
pub(crate) fn looks_like_date(text: &str, words: u32) -> bool {
    if words > 12 || ends_sentence(text) {
        return false;
    }
    let bytes = text.as_bytes();
    let digit_run = |start: usize| {
        bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = digit_run(i);
        let next = bytes.get(i + run).copied();
        let year = run == 4 && matches!(&text[i..i + 2], "19" | "20");
        let clock = (1..=2).contains(&run) && next == Some(b':') && digit_run(i + run + 1) == 2;
        let numeric_date = (1..=2).contains(&run)
            && matches!(next, Some(b'.') | Some(b'/') | Some(b'-'))
            && (1..=2).contains(&digit_run(i + run + 1));
        if year || clock || numeric_date {
            return true;
        }
        i += run;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prompts found by searching the whole text and keeping the matches that start a
    /// word (or are Chinese or Japanese): what [`prompts`] must find from its starts.
    fn prompts_by_scan(text: &str) -> Prompts {
        static SCAN: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(prompt_phrases())
                .expect("builds")
        });
        let ac = &*SCAN;
        let mut out = Prompts::default();
        for m in ac.find_overlapping_iter(text) {
            let cjk = text[m.start()..]
                .chars()
                .next()
                .is_some_and(|c| c as u32 >= 0x2E80);
            let word_start = !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(crate::chars::is_alphanumeric);
            if cjk || word_start {
                if m.pattern().as_usize() < cues::PAYWALL_PROMPTS.len() {
                    out.paywall = true;
                } else {
                    out.consent = true;
                }
            }
        }
        out
    }

    #[test]
    fn every_prompt_phrase_is_long_enough_for_the_start_table() {
        for p in prompt_phrases() {
            assert!(p.len() >= PromptStarts::LEN, "{p:?}");
            // (The eight-byte reading looks for phrases only where a letter or digit starts.)
            assert!(
                p.chars().next().is_some_and(crate::chars::is_alphanumeric),
                "{p:?}"
            );
        }
    }

    #[test]
    fn eight_bytes_are_lower_cased_as_one_by_one() {
        let all: Vec<u8> = (0u8..=255).collect();
        for w in all.windows(8) {
            let Ok(chunk) = <[u8; 8]>::try_from(w) else {
                continue;
            };
            let lower = chunk.map(|b| b.to_ascii_lowercase());
            assert_eq!(
                ascii_lowercase(u64::from_le_bytes(chunk)),
                u64::from_le_bytes(lower),
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn eight_ascii_bytes_are_told_alphanumeric_as_one_by_one() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for w in all
            .windows(8)
            .chain([b"a1-Z_ 9z".as_slice(), b"@[`{/:\x00".as_slice()])
        {
            let Ok(chunk) = <[u8; 8]>::try_from(w) else {
                continue;
            };
            let mask = ascii_alphanumeric(u64::from_le_bytes(chunk));
            for (j, b) in chunk.iter().enumerate() {
                assert_eq!(
                    mask >> (8 * j + 7) & 1 == 1,
                    b.is_ascii_alphanumeric(),
                    "{b}"
                );
            }
        }
    }

    #[test]
    fn prompts_are_found_from_their_starts_as_by_a_whole_scan() {
        let mut texts = vec![
            String::new(),
            "ab".to_string(),
            "An ordinary paragraph about the weather, with nothing to sign.".to_string(),
            "Subscribe now — WE USE COOKIES to improve it.".to_string(),
            "unsubscribe now".to_string(),
            "会員登録はこちら、订阅".to_string(),
        ];
        for phrase in prompt_phrases() {
            let upper = phrase.to_ascii_uppercase();
            for p in [phrase, upper.as_str()] {
                texts.push(p.to_string());
                texts.push(format!("12345678 abcdefg{p} x"));
                texts.push(format!("1234567 {p}"));
                texts.push(format!("abcdefg-{p}"));
                texts.push(format!("é1234567{p}"));
                texts.push(format!("Text before. {p} and after"));
                texts.push(format!("x{p}"));
                texts.push(format!("é{p}"));
                texts.push(format!("«{p}»"));
                texts.push(format!("字{p}"));
                texts.push(p.chars().skip(1).collect());
            }
        }
        for t in &texts {
            assert_eq!(prompts(t), prompts_by_scan(t), "{t:?}");
        }
        assert!(prompts("Please subscribe now.").paywall);
        assert!(!prompts("Please unsubscribe now.").paywall);
        assert!(prompts("本站使用cookie政策").consent || prompts("cookie政策").consent);
    }

    #[test]
    fn calls_to_action_are_found_where_words_start() {
        assert!(calls_to_action("Rate this article!"));
        assert!(calls_to_action("¿Te gustó? Síguenos en Telegram."));
        assert!(calls_to_action("Siguenos en Instagram"));
        assert!(!calls_to_action(
            "The count was accurate this time, the clerk said."
        ));
        assert!(!calls_to_action("The council met on Monday."));
    }

    #[test]
    fn pictures_and_credits_are_named() {
        assert!(names_a_picture("Crédit photo : AFP"));
        assert!(names_a_picture("Zdjęcie: archiwum"));
        assert!(!names_a_picture("The council met on Monday."));
    }

    #[test]
    fn controls_labels_are_told_from_what_they_act_on() {
        for label in [
            "Add To Cart",
            "Quick view View Options",
            "+ Wishlist",
            "Comparer Ne plus comparer",
            "Choose options",
            "COMPARER ne plus comparer",
            "ADD TO CART",
        ] {
            assert!(is_control_label(label), "{label}");
        }
        // The first word is looked up lower-cased: the list must hold it so.
        for w in CONTROL_FIRST_WORDS.iter() {
            assert_eq!(
                w.chars().flat_map(char::to_lowercase).collect::<String>(),
                *w
            );
        }
        assert!(CONTROL_FIRST_WORDS.is_sorted());
        for line in [
            "Sold out",
            "Compare prices before you buy",
            "Cart",
            "Wool Runner",
            "",
        ] {
            assert!(!is_control_label(line), "{line}");
        }
    }

    #[test]
    fn ad_labels_are_recognised_in_several_languages() {
        for label in [
            "Advertisement",
            "- ANZEIGE -",
            "Reklama",
            "Publicité",
            "Sponsored content",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        assert!(!is_ad_label("Advertising rules"));
        assert!(!is_ad_label("Ad hoc"));
    }

    #[test]
    fn dates_are_recognised() {
        assert!(looks_like_date("22.10.2019", 1));
        assert!(looks_like_date("November 22, 2019 14:05 GMT", 5));
        assert!(looks_like_date(
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            8
        ));
        assert!(!looks_like_date(
            "The plan costs 3000 euros and was agreed in 2019.",
            10
        ));
        assert!(!looks_like_date("Chapter one", 2));
    }
}
