//! Stopword density and the page's language (jusText's cue).
//!
//! The stoplists are the NLTK lists shipped by the `stop-words` crate (about thirty
//! languages). All of them are merged into one table from word to a bit set of languages,
//! so a block's words are looked up once and counted for every language at the same time;
//! the page's language is the one whose stopwords are most frequent. Scripts written without
//! spaces (Chinese, Japanese, Thai) have no word boundaries to look up: for them the density
//! is the share of characters that are function characters (particles, kana, common
//! grammatical characters).

use crate::packed::{self, hash};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Most languages with stoplists that are told apart (the width of the per-block counts).
pub(crate) const MAX_LANGUAGES: usize = 48;

/// A fast hasher for short words (FNV-1a): the table is fixed data, not attacker-chosen keys.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Languages with a stoplist, in bit order.
pub(crate) struct Stoplists {
    pub codes: Vec<&'static str>,
    /// Words of at most [`packed::LONGEST`] bytes (nearly all), looked up as integers.
    short: Packed,
    /// The few longer words.
    long: HashMap<&'static str, u64, BuildHasherDefault<WordHasher>>,
}

impl Stoplists {
    /// The languages (a bit set) that list `word`, already lower-cased; 0 for none.
    fn get(&self, word: &[u8]) -> u64 {
        match packed::key(word) {
            Some(key) => self.short.get(key),
            None => std::str::from_utf8(word)
                .ok()
                .and_then(|w| self.long.get(w))
                .copied()
                .unwrap_or(0),
        }
    }
}

/// The two filter bits of a packed word: two slices of the high half of its hash (the bits
/// of a product that depend on all of the word).
fn filter_bits(key: u128) -> [usize; 2] {
    let h = hash(key);
    let field = (1u64 << FILTER_BITS) - 1;
    [
        (h >> (64 - FILTER_BITS)) as usize,
        ((h >> 30) & field) as usize,
    ]
}

/// An open-addressed table from packed words to language sets: a lookup is one multiply
/// and integer compares, with no string hashing or byte-wise comparison. Key 0 marks an
/// empty slot (no word packs to 0, see [`packed`]).
///
/// The table is larger than a core's first-level cache and most tokens are not stopwords, so
/// a Bloom filter of [`FILTER_BITS`] bits (two per word) answers "not listed" first, from
/// memory that stays cached: a lookup of a word that is not listed rarely touches the table.
struct Packed {
    /// Per slot: the packed word's low and high halves, then its languages.
    slots: Vec<[u64; 3]>,
    shift: u32,
    filter: Vec<u64>,
}

/// Bits of the Bloom filter in front of the packed table (16 KiB).
const FILTER_BITS: u32 = 17;

impl Packed {
    fn new(words: &[(u128, u64)]) -> Packed {
        // At most two thirds full, so that probe runs stay short.
        let bits = (words.len() * 3 / 2)
            .max(2)
            .next_power_of_two()
            .trailing_zeros();
        let mut table = Packed {
            slots: vec![[0; 3]; 1 << bits],
            shift: 64 - bits,
            filter: vec![0; 1 << (FILTER_BITS - 6)],
        };
        for &(key, mask) in words {
            for bit in filter_bits(key) {
                if let Some(w) = table.filter.get_mut(bit / 64) {
                    *w |= 1 << (bit % 64);
                }
            }
            let (lo, hi) = (key as u64, (key >> 64) as u64);
            let last = table.slots.len() - 1;
            let mut i = table.slot(key);
            while let Some(slot) = table.slots.get_mut(i) {
                if slot[..2] == [0, 0] {
                    *slot = [lo, hi, mask];
                    break;
                }
                if slot[..2] == [lo, hi] {
                    slot[2] |= mask;
                    break;
                }
                i = (i + 1) & last;
            }
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        (hash(key) >> self.shift) as usize
    }

    fn get(&self, key: u128) -> u64 {
        let listed = |bit: usize| {
            self.filter
                .get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        };
        if !filter_bits(key).into_iter().all(listed) {
            return 0;
        }
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let last = self.slots.len() - 1;
        let mut i = self.slot(key);
        while let Some(&[l, h, mask]) = self.slots.get(i) {
            if [l, h] == [lo, hi] {
                return mask;
            }
            if [l, h] == [0, 0] {
                return 0;
            }
            i = (i + 1) & last;
        }
        0
    }
}

pub(crate) static STOPLISTS: LazyLock<Stoplists> = LazyLock::new(|| {
    let codes: Vec<&'static str> = stop_words::available_languages()
        .iter()
        .copied()
        .filter(|code| code.len() == 2)
        .take(MAX_LANGUAGES)
        .collect();
    let mut short = Vec::new();
    let mut long: HashMap<&'static str, u64, BuildHasherDefault<WordHasher>> = HashMap::default();
    for (bit, code) in codes.iter().enumerate() {
        for word in stop_words::lookup(code).unwrap_or(&[]) {
            match packed::key(word.as_bytes()) {
                Some(key) => short.push((key, 1u64 << bit)),
                None => *long.entry(word).or_insert(0) |= 1u64 << bit,
            }
        }
    }
    Stoplists {
        codes,
        short: Packed::new(&short),
        long,
    }
});

/// Chinese function characters (grammatical particles and the commonest function words).
const ZH_FUNCTION_CHARS: &str = "的了是在和有也不这我他她它们就都而及与着或被为之以其所于等但并从把对让向给个中上下来去到说要会能可很更最没又还只因此如那些已将该由此";

/// True for characters of scripts written without spaces between words.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x0E00..=0x0EFF    // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x20000..=0x2FFFF) // CJK extensions B+
}

fn is_function_char(c: char) -> bool {
    // Hiragana carries Japanese grammar; common Chinese function characters carry Chinese.
    matches!(c as u32, 0x3040..=0x309F) || ZH_FUNCTION_CHARS.contains(c)
}

/// Stopword counts of one block: hits per language (spaced scripts) and function characters
/// (unspaced scripts).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StopCounts {
    pub tokens: u32,
    pub per_language: [u16; MAX_LANGUAGES],
    pub unspaced_chars: u32,
    pub function_chars: u32,
    pub kana: u32,
}

impl Default for StopCounts {
    fn default() -> Self {
        StopCounts {
            tokens: 0,
            per_language: [0; MAX_LANGUAGES],
            unspaced_chars: 0,
            function_chars: 0,
            kana: 0,
        }
    }
}

/// Counts the stopwords of `text` for every language at once. `lower` is a scratch buffer.
pub(crate) fn count(text: &str, lower: &mut String) -> StopCounts {
    let lists = &*STOPLISTS;
    let mut out = StopCounts {
        ..StopCounts::default()
    };
    // Split at ASCII separators first (the chunks stay valid UTF-8); chunks that are all
    // ASCII are tokens handled on the stack, the others go through the Unicode path.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while bytes.get(i).is_some_and(|&b| is_separator(b)) {
            i += 1;
        }
        let start = i;
        let mut ascii = true;
        while let Some(&b) = bytes.get(i).filter(|&&b| !is_separator(b)) {
            ascii &= b.is_ascii();
            i += 1;
        }
        let Some(chunk) = bytes.get(start..i).filter(|c| !c.is_empty()) else {
            continue;
        };
        if ascii {
            count_ascii_token(chunk, lists, &mut out);
        } else if let Some(chunk) = text.get(start..i) {
            count_unicode(chunk, lists, lower, &mut out);
        }
    }
    out
}

/// ASCII bytes that separate words: all but letters, digits and the apostrophe.
#[inline]
fn is_separator(b: u8) -> bool {
    SEPARATORS.get(usize::from(b)).copied().unwrap_or(false)
}

static SEPARATORS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = !(c.is_ascii_alphanumeric() || c == b'\'');
        b += 1;
    }
    table
};

fn count_unicode(text: &str, lists: &Stoplists, lower: &mut String, out: &mut StopCounts) {
    for token in text.split(|c: char| !(crate::chars::is_alphanumeric(c) || c == '\'' || c == '’'))
    {
        let token = token.trim_matches(|c| c == '\'' || c == '’');
        if token.is_empty() {
            continue;
        }
        if token.chars().any(is_unspaced) {
            for c in token.chars().filter(|&c| is_unspaced(c)) {
                out.unspaced_chars += 1;
                if is_function_char(c) {
                    out.function_chars += 1;
                }
                if matches!(c as u32, 0x3040..=0x30FF) {
                    out.kana += 1;
                }
            }
            continue;
        }
        out.tokens += 1;
        lower.clear();
        for c in token.chars() {
            if c == '’' {
                lower.push('\'');
            } else {
                crate::chars::push_lowercase(c, lower);
            }
        }
        add_hits(out, lists.get(lower.as_bytes()));
    }
}

/// The longest stopword looked up; longer tokens are counted but not looked up.
const MAX_STOPWORD_BYTES: usize = 24;

/// One ASCII token: trimmed of quotes, lower-cased on the stack and looked up.
fn count_ascii_token(token: &[u8], lists: &Stoplists, out: &mut StopCounts) {
    let start = token
        .iter()
        .position(|&b| b != b'\'')
        .unwrap_or(token.len());
    let end = token
        .iter()
        .rposition(|&b| b != b'\'')
        .map_or(start, |p| p + 1);
    let token = &token[start..end.max(start)];
    if token.is_empty() {
        return;
    }
    out.tokens += 1;
    if token.len() > MAX_STOPWORD_BYTES {
        return;
    }
    let mut buf = [0u8; MAX_STOPWORD_BYTES];
    for (d, s) in buf.iter_mut().zip(token) {
        *d = s.to_ascii_lowercase();
    }
    add_hits(out, lists.get(buf.get(..token.len()).unwrap_or(&[])));
}

fn add_hits(out: &mut StopCounts, mask: u64) {
    let mut m = mask;
    while m != 0 {
        let bit = m.trailing_zeros() as usize;
        if let Some(slot) = out.per_language.get_mut(bit) {
            *slot = slot.saturating_add(1);
        }
        m &= m - 1;
    }
}

/// Stopword counts summed over a page's blocks, for telling its language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageCounts {
    tokens: u64,
    unspaced: u64,
    kana: u64,
    per_language: [u64; MAX_LANGUAGES],
}

impl Default for PageCounts {
    fn default() -> Self {
        PageCounts {
            tokens: 0,
            unspaced: 0,
            kana: 0,
            per_language: [0; MAX_LANGUAGES],
        }
    }
}

impl PageCounts {
    pub fn add(&mut self, b: &StopCounts) {
        self.tokens += u64::from(b.tokens);
        self.unspaced += u64::from(b.unspaced_chars);
        self.kana += u64::from(b.kana);
        for (t, &n) in self.per_language.iter_mut().zip(&b.per_language) {
            *t += u64::from(n);
        }
    }
}

/// The page's language guessed from the summed counts of its blocks: the language code and
/// its index in the stoplists (`None` for unspaced scripts, which use function characters).
pub(crate) fn detect(page: &PageCounts) -> (Option<&'static str>, Option<usize>) {
    let lists = &*STOPLISTS;
    let (tokens, unspaced, kana) = (page.tokens, page.unspaced, page.kana);
    if unspaced > tokens * 2 && unspaced > 0 {
        let code = if kana * 10 > unspaced { "ja" } else { "zh" };
        return (Some(code), None);
    }
    let totals = &page.per_language[..lists.codes.len().min(MAX_LANGUAGES)];
    let best = totals.iter().enumerate().max_by_key(|&(_, &n)| n);
    match best {
        Some((i, &n)) if n > 0 => (lists.codes.get(i).copied(), Some(i)),
        _ => (None, None),
    }
}

/// The stoplist language of the page when its lists settle it: the best list holds at
/// least [`SURE_SHARE`] of the page's words, and the runner-up at most [`SURE_MARGIN`] of
/// the best's hits. A language without a list (Polish, Hindi) never meets this.
pub(crate) fn sure(page: &PageCounts) -> Option<(&'static str, usize)> {
    let lists = &*STOPLISTS;
    let totals = &page.per_language[..lists.codes.len().min(MAX_LANGUAGES)];
    let mut ranked: Vec<(usize, u64)> = totals.iter().copied().enumerate().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let (best, hits) = *ranked.first()?;
    let runner_up = ranked.get(1).map_or(0, |r| r.1);
    let sure = page.tokens > 0
        && hits as f32 >= SURE_SHARE * page.tokens as f32
        && runner_up as f32 <= SURE_MARGIN * hits as f32;
    sure.then(|| lists.codes.get(best).map(|c| (*c, best)))
        .flatten()
}

/// See [`sure`].
const SURE_SHARE: f32 = 0.25;
const SURE_MARGIN: f32 = 0.6;

/// Stopword density of a block for the detected language (0 when it cannot be told).
pub(crate) fn density(c: &StopCounts, lang: Option<usize>) -> f32 {
    let spaced_hits = lang
        .and_then(|i| c.per_language.get(i))
        .copied()
        .unwrap_or(0);
    let units = c.tokens as f32 + c.unspaced_chars as f32 / 2.0;
    if units == 0.0 {
        return 0.0;
    }
    // A function character stands for roughly one word per two characters.
    (spaced_hits as f32 + c.function_chars as f32) / units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(text: &str) -> Option<&'static str> {
        let mut buf = String::new();
        let mut page = PageCounts::default();
        page.add(&count(text, &mut buf));
        detect(&page).0
    }

    #[test]
    fn detects_common_languages() {
        assert_eq!(lang_of("The minister said that the plan would be ready by the end of the year and that it was not for sale."), Some("en"));
        assert_eq!(lang_of("Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein werde und nicht zum Verkauf stehe."), Some("de"));
        assert_eq!(
            lang_of("Министр сказал, что план будет готов к концу года и что он не продаётся."),
            Some("ru")
        );
        assert_eq!(
            lang_of("部长说，这个计划将在年底前准备好，而且它不是用来出售的。"),
            Some("zh")
        );
        assert_eq!(
            lang_of("大臣は、この計画は年末までに準備ができると述べた。"),
            Some("ja")
        );
    }

    #[test]
    fn every_listed_word_is_found_and_others_are_not() {
        let lists = &*STOPLISTS;
        let mut longest = 0;
        for (bit, code) in lists.codes.iter().enumerate() {
            for word in stop_words::lookup(code).unwrap_or(&[]) {
                let languages = lists.get(word.as_bytes());
                assert!(languages & (1 << bit) != 0, "{code} {word}");
                longest = longest.max(word.len());
            }
        }
        // Some words are longer than a packed key: they are found in the other map.
        assert!(longest > packed::LONGEST);
        for word in [
            "zebra",
            "sidebar",
            "",
            "ministerpräsidentin",
            "x".repeat(40).as_str(),
        ] {
            assert_eq!(lists.get(word.as_bytes()), 0, "{word}");
        }
        // Counting is case-blind and splits at ASCII punctuation.
        let mut buf = String::new();
        let en = lists
            .codes
            .iter()
            .position(|c| *c == "en")
            .expect("English is listed");
        let counted = count("THE end, of-the day; Über", &mut buf);
        assert_eq!(counted.tokens, 6);
        assert_eq!(counted.per_language[en], 3);
    }

    #[test]
    fn prose_is_denser_in_stopwords_than_navigation() {
        let mut buf = String::new();
        let prose = count(
            "He said that it was one of the best things he had ever done in his life.",
            &mut buf,
        );
        let nav = count(
            "Home News Sport Business Technology Science Health Video",
            &mut buf,
        );
        let mut page = PageCounts::default();
        page.add(&prose);
        let (_, lang) = detect(&page);
        assert!(density(&prose, lang) > 0.4);
        assert!(density(&nav, lang) < 0.1);
    }
}
