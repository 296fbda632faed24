//! Character classes asked of nearly every character of a page's text, answered from a few
//! ranges for the commonest scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, CJK, kana,
//! Hangul) before Unicode's tables, which are slow to search. Every answer equals the
//! standard library's: the tests below walk each fast range.

/// `c.is_alphanumeric()`, fast for the commonest scripts.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_known_letter(c) {
        return true;
    }
    !is_known_other(c) && c.is_alphanumeric()
}

/// `c.is_alphabetic()`, fast for the commonest scripts.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    is_known_letter(c) || !is_known_other(c) && c.is_alphabetic()
}

/// Ranges of letters only: every character in them is alphabetic.
#[inline]
fn is_known_letter(c: char) -> bool {
    matches!(c as u32,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2AF   // Latin-1 letters, Latin Extended, IPA
        | 0x391..=0x3A1 | 0x3A3..=0x3CE            // Greek
        | 0x400..=0x481 | 0x48A..=0x52F            // Cyrillic
        | 0x5D0..=0x5EA                            // Hebrew
        | 0x621..=0x64A                            // Arabic
        | 0x3041..=0x3096 | 0x30A1..=0x30FA        // Hiragana, Katakana
        | 0x4E00..=0x9FFF                          // CJK unified ideographs
        | 0xAC00..=0xD7A3) // Hangul syllables
}

/// The high bit of every byte of a `u64`, for reading eight bytes at a time.
pub(crate) const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a `u64`.
pub(crate) const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The length of the run of printable ASCII (`!` to `~`: no spaces, no controls) that
/// starts `bytes`, read eight bytes at a time.
pub(crate) fn printable_ascii_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes
        .get(n..n + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let x = u64::from_le_bytes(chunk);
        // Bytes below `!`, and bytes from DEL up. Each test flags its lowest byte exactly
        // (a borrow or a carry only leaves a byte that is itself flagged), so the lowest
        // flagged byte of the two is where the run ends.
        let below = x.wrapping_sub(splat(0x21)) & !x & ASCII_HIGH;
        let above = (x.wrapping_add(splat(0x01)) | x) & ASCII_HIGH;
        let stop = below | above;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or(&[]);
    n + rest
        .iter()
        .position(|c| !(0x21..0x7f).contains(c))
        .unwrap_or(rest.len())
}

/// `text.contains(c)`, by a byte search for the last byte of `c`'s encoding: for a `c`
/// outside ASCII the standard library builds a substring searcher at each call, which costs
/// more than the search in the short lines this is asked of.
pub(crate) fn contains_char(text: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let encoded = c.encode_utf8(&mut buf).as_bytes();
    let Some(&last) = encoded.last() else {
        return false;
    };
    let bytes = text.as_bytes();
    memchr::memchr_iter(last, bytes).any(|end| {
        (end + 1)
            .checked_sub(encoded.len())
            .and_then(|start| bytes.get(start..=end))
            == Some(encoded)
    })
}

/// Ranges of punctuation, symbols, spaces and marks only: no character in them is a letter
/// or a digit. Text between words (no-break spaces, curly quotes, dashes, bullets, CJK
/// punctuation, emoji) is answered without Unicode's tables.
#[inline]
fn is_known_other(c: char) -> bool {
    matches!(c as u32,
        0x80..=0xA9 | 0xAB..=0xB1 | 0xB4 | 0xB6..=0xB8 | 0xBB | 0xBF | 0xD7 | 0xF7 // Latin-1
        | 0x2000..=0x206F                          // General punctuation
        | 0x20A0..=0x20CF                          // Currency signs
        | 0x2190..=0x23FF                          // Arrows, mathematical operators
        | 0x2500..=0x25FF                          // Box drawing, blocks, shapes
        | 0x3000..=0x3004 | 0x3008..=0x3020        // CJK punctuation
        | 0xFE00..=0xFE0F | 0xFEFF                 // Variation selectors, BOM
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // Full width
        | 0x1F300..=0x1FAFF) // Pictographs, emoji
}

/// Appends the lower case of `c` to `out`, as `out.extend(c.to_lowercase())` does, fast for
/// ASCII, Latin-1, Greek and Cyrillic capitals and for letters already in lower case.
#[inline]
pub(crate) fn push_lowercase(c: char, out: &mut String) {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            char::from_u32(code + 0x20)
        }
        0x400..=0x40F => char::from_u32(code + 0x50),
        0..=0x40 | 0x5B..=0xBF | 0xDF..=0xFF | 0x3AC..=0x3CE | 0x430..=0x45F => Some(c),
        _ => None,
    };
    match lower {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_answers_equal_the_standard_librarys() {
        let mut differing = Vec::new();
        let mut lowered = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_alphanumeric(c) != c.is_alphanumeric() || is_alphabetic(c) != c.is_alphabetic() {
                differing.push(c);
            }
            lowered.clear();
            push_lowercase(c, &mut lowered);
            if !lowered.chars().eq(c.to_lowercase()) {
                differing.push(c);
            }
        }
        assert!(differing.is_empty(), "{differing:?}");
    }

    #[test]
    fn printable_runs_end_where_a_byte_by_byte_scan_ends_them() {
        let scalar = |b: &[u8]| {
            b.iter()
                .position(|c| !(0x21..0x7f).contains(c))
                .unwrap_or(b.len())
        };
        // Every byte value at every place of a run, after runs of every length up to 17.
        for len in 0..=17 {
            for at in 0..=len {
                for stop in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    if at < len {
                        b[at] = stop;
                    }
                    // And what follows the stop: the bytes that would borrow or carry.
                    b.extend_from_slice(&[0x00, 0xff, 0x20, 0x7f, b'z', 0x80]);
                    assert_eq!(printable_ascii_run(&b), scalar(&b), "{b:?}");
                }
            }
        }
        // Pairs of bytes side by side, the lower one printable or not.
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let b = [b'q', b'q', b'q', x, y, b'q', b'q', b'q', b'q'];
                assert_eq!(printable_ascii_run(&b), scalar(&b), "{b:?}");
            }
        }
    }

    #[test]
    fn a_character_is_found_where_the_standard_library_finds_it() {
        let texts = [
            "",
            "©",
            "Photo © Jane Roe",
            "(c) 2024",
            "\u{a9}\u{a9}x",
            "é©",
            "Ā©",
            "ĩ ©",
            "日本語のテキスト",
            "emoji 😀 here",
            "x\u{1F600}",
        ];
        for text in texts {
            for c in ['©', 'é', '©', 'ĩ', '日', '😀', 'x', '\u{a9}', '本'] {
                assert_eq!(contains_char(text, c), text.contains(c), "{text:?} {c:?}");
            }
        }
    }

    #[test]
    fn the_fast_ranges_hold_letters_only() {
        let known: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_known_letter(c))
            .collect();
        assert!(known.len() > 30_000);
        assert!(known.iter().all(|c| c.is_alphabetic()));
        let other: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_known_other(c))
            .collect();
        assert!(other.len() > 3_000);
        assert!(other
            .iter()
            .all(|c| !c.is_alphanumeric() && !c.is_alphabetic()));
        assert!(!is_alphanumeric('×') && !is_alphanumeric('÷') && !is_alphanumeric('・'));
        assert!(is_alphanumeric('é') && is_alphanumeric('ж') && is_alphanumeric('中'));
    }
}
