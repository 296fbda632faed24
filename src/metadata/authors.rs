//! Authors: names from metadata values and from byline lines ("By Jane Roe and John Doe,
//! Staff Writer", "Von Ines Roth", "作者：张三", "홍길동 기자"), cleaned of roles, dates,
//! handles and share labels, and never the site's own name.

use super::{clean, vocab};

/// Longest author name kept, in words (or characters, for names written without spaces).
const MAX_NAME_WORDS: usize = 6;
const MAX_UNSPACED_NAME: usize = 8;

/// Splits "Jane Roe and John Doe" / "Jane Roe, John Doe" / "张三、李四" into names.
pub(crate) fn split_names(s: &str) -> Vec<String> {
    let mut s = s.to_string();
    for j in vocab::NAME_JOINERS {
        s = s.replace(j, ",");
    }
    s.split([',', ';', '|', '、', '，', '／'])
        .filter_map(clean)
        .filter(|n| n.len() < 80)
        .collect()
}

/// Where a role ("Staff Writer", "Correspondent") starts in `lower`, at a word's start: the
/// first place where one of [`vocab::ROLE_WORDS`] stands as whole words.
fn role_at(lower: &str) -> Option<usize> {
    let ac = ROLES.as_ref()?;
    let whole = |m: &aho_corasick::Match| {
        let before = lower[..m.start()].chars().next_back();
        let after = lower[m.end()..].chars().next();
        before.is_none_or(|c| !crate::chars::is_alphanumeric(c))
            && after.is_none_or(|c| !crate::chars::is_alphanumeric(c))
    };
    ac.find_overlapping_iter(lower)
        .filter(whole)
        .map(|m| m.start())
        .min()
}

/// Every role word, in one automaton (a role is looked for in each candidate name).
static ROLES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(vocab::ROLE_WORDS).ok());

/// Lower-case letters and digits of a name, for comparing names.
fn bare(s: &str) -> String {
    s.chars()
        .filter(|&c| crate::chars::is_alphanumeric(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One author's name as people write it: without "By", a role, handles, e-mail addresses,
/// links, or the date and time that bylines run on with ("Steven Musil January 18, 2017
/// 11:00 PM PST @stevenmusil" → "Steven Musil"), and in title case when it was all
/// capitals. `None` when nothing name-like is left, or what is left is a share label or
/// the site's own name.
pub(crate) fn normalize_author(raw: &str, site: Option<&str>) -> Option<String> {
    // A value with markup left in it (`<a href=…>Jane Roe</a>`): its text.
    let untagged;
    let mut name = raw.trim();
    if name.contains('<') && name.contains('>') {
        untagged = strip_tags(name);
        name = untagged.trim();
    }
    // "记者王敬照", "作者：张三": the label before the name.
    if let Some(label) = vocab::CJK_AUTHOR_LABELS
        .iter()
        .find(|l| name.starts_with(*l))
    {
        name = name[label.len()..].trim_start_matches([':', '：', '=', '/', '／', ' ', '　']);
    }
    loop {
        let lower = name.to_lowercase();
        match vocab::BYLINE_PREFIXES
            .iter()
            .find(|p| lower.starts_with(*p) && p.len() < name.len())
        {
            // (The prefixes are ASCII or have the same length lower-cased.)
            Some(p) if name.is_char_boundary(p.len()) => name = name[p.len()..].trim_start(),
            _ => break,
        }
    }
    let lower = name.to_lowercase();
    if lower.len() == name.len() {
        match role_at(&lower) {
            Some(0) => return None,
            Some(at) => {
                name = &name[..at];
                let held_a_name = lower[..at]
                    .split(|c: char| !crate::chars::is_alphanumeric(c))
                    .any(|w| !w.is_empty() && !vocab::ROLE_MODIFIERS.contains(&w));
                if !held_a_name {
                    return None;
                }
            }
            None => {}
        }
    }
    let mut words = Vec::new();
    for word in name.split_whitespace() {
        let bare = word.trim_matches(|c: char| !crate::chars::is_alphanumeric(c));
        let lower = bare.to_lowercase();
        // The name ends where a date, a time, a handle, an address or a separator begins.
        if word.starts_with('@')
            || word.contains("://")
            || word.contains('@')
            || matches!(word, "|" | "-" | "–" | "—" | "·" | "•" | "/")
            || bare.chars().any(|c| c.is_ascii_digit())
            || vocab::MONTHS.iter().any(|(m, _)| *m == lower)
            || (!words.is_empty() && vocab::NAME_STOPS.contains(&word))
        {
            break;
        }
        if !bare.is_empty() {
            words.push(word.trim_end_matches([',', ';', ':', '|']));
        }
    }
    let unspaced = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|&c| crate::stopwords::is_unspaced(c) || ('\u{AC00}'..='\u{D7A3}').contains(&c))
        .count();
    if words.is_empty() || words.len() > MAX_NAME_WORDS || unspaced > MAX_UNSPACED_NAME {
        return None;
    }
    let joined = words.join(" ");
    let key = bare(&joined);
    if key.is_empty()
        || vocab::NOT_NAMES.iter().any(|n| bare(n) == key)
        || site.is_some_and(|s| bare(s) == key)
    {
        return None;
    }
    let letters: Vec<char> = joined
        .chars()
        .filter(|&c| crate::chars::is_alphabetic(c))
        .collect();
    let all_caps = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    let name = if all_caps {
        joined
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(first) => first
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    } else {
        joined
    };
    Some(name)
}

/// The text of a value with tags in it.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The names of the authors' values (each split into names, [`split_names`]),
/// normalised ([`normalize_author`]) and without repeats, in their order. A value that
/// names the site ("Harbour News, Hamburg, Germany") names no author at all.
pub(crate) fn normalize_authors(raw: Vec<String>, site: Option<&str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let site_key = site.map(bare).filter(|s| !s.is_empty());
    raw.iter()
        .map(|v| split_names(v))
        .filter(|names| {
            site_key
                .as_ref()
                .is_none_or(|s| !names.iter().any(|n| bare(n) == *s))
        })
        .flatten()
        .filter_map(|a| normalize_author(&a, site))
        .filter(|a| seen.insert(a.to_lowercase()))
        .collect()
}

/// Where the names of a byline end: at a date, a digit, a separator, or a word that labels
/// the date ("Updated", "Published").
fn names_end(s: &str) -> usize {
    let lower = s.to_lowercase();
    let mut end = s.len();
    if let Some(d) = super::dates::all_in_text(s).first() {
        end = end.min(d.start);
    }
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    for sep in [" | ", " - ", " – ", " — ", " · ", " • ", " / ", "\n"] {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    if lower.len() == s.len() {
        for w in vocab::PUBLISHED_LABELS
            .iter()
            .chain(crate::cues::UPDATE_WORDS)
        {
            if let Some(i) = lower.find(w) {
                end = end.min(i);
            }
        }
    }
    let mut end = end.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The names a byline line gives, or `None` when it is not one: a line that opens with
/// "By" (or its like), holds an East Asian author label ("作者：", "文／"), or ends a
/// name with a reporter's title ("홍길동 기자").
pub(crate) fn byline_line(text: &str, site: Option<&str>) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let opened = vocab::BYLINE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .filter(|p| lower.len() == text.len() && text.is_char_boundary(p.len()));
    let names = if let Some(p) = opened {
        let rest = &text[p.len()..];
        let rest = &rest[..names_end(rest)];
        // "By Jane Roe, November …": a month name left at the end.
        let rest = rest
            .trim_end_matches(|c: char| !crate::chars::is_alphanumeric(c))
            .rsplit_once(' ')
            .filter(|(_, last)| {
                vocab::MONTHS
                    .iter()
                    .any(|(m, _)| last.eq_ignore_ascii_case(m))
            })
            .map_or(rest, |(head, _)| head);
        // Names are capitalised where the script has case: "By the way, …" names no one,
        // and "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»" is a heading.
        let names = split_names(rest);
        if names.iter().any(|n| {
            n.chars()
                .find(|&c| crate::chars::is_alphabetic(c))
                .is_some_and(char::is_lowercase)
        }) {
            return None;
        }
        names
    } else if text.is_ascii() {
        // The labels and titles below are all Chinese, Japanese or Korean.
        Vec::new()
    } else if let Some((at, label)) = vocab::CJK_AUTHOR_LABELS
        .iter()
        .filter_map(|l| text.find(l).map(|i| (i, l)))
        .min()
    {
        let rest = text[at + label.len()..]
            .trim_start_matches([':', '：', '=', '/', '／', ' ', '　', '|']);
        let end = rest
            .find(|c: char| {
                c.is_whitespace() || "|｜()（）[]［］【】。，,".contains(c) || c.is_ascii_digit()
            })
            .unwrap_or(rest.len());
        vec![rest[..end].to_string()]
    } else {
        // "홍길동 기자", "山田太郎記者": the word before the title, or the word it ends.
        let mut found = Vec::new();
        for suffix in vocab::AUTHOR_SUFFIXES {
            for (i, _) in text.match_indices(suffix) {
                let before = &text[..i];
                if let Some(w) = before.split_whitespace().next_back().filter(|w| {
                    let n = w.chars().count();
                    (2..=5).contains(&n) && w.chars().all(crate::chars::is_alphabetic)
                }) {
                    found.push(w.to_string());
                }
            }
        }
        found
    };
    let names = normalize_authors(names, site);
    (!names.is_empty()).then_some(names)
}

/// How far into a paragraph a reporter's title may open it, in characters.
const LEAD_BYLINE_CHARS: usize = 40;

/// The reporter named at the head of a paragraph, as Korean and Japanese wire copy opens
/// ("[서울=뉴스] 홍길동 기자 = 정부는 …"): the names of its first characters, when they
/// end with a reporter's title.
pub(crate) fn lead_byline(text: &str, site: Option<&str>) -> Option<Vec<String>> {
    let end = text
        .char_indices()
        .nth(LEAD_BYLINE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    // (The titles are all Chinese, Japanese or Korean: never in an ASCII head.)
    if head.is_ascii() || !vocab::AUTHOR_SUFFIXES.iter().any(|s| head.contains(s)) {
        return None;
    }
    byline_line(head, site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_names_are_normalised_and_deduplicated() {
        let authors = normalize_authors(
            [
                "Jeffrey Gettleman",
                "By JEFFREY GETTLEMAN",
                "Steven Musil January 18, 2017 11:00 PM PST @stevenmusil",
                "Nathan Willis March",
                "by Anna Lee (anna@example.org)",
                "Maria Costa Staff Writer",
                "Senior Correspondent",
                "@handle",
                "Share",
                "The Harbour Gazette",
                "",
            ]
            .map(String::from)
            .to_vec(),
            Some("The Harbour Gazette"),
        );
        assert_eq!(
            authors,
            [
                "Jeffrey Gettleman",
                "Steven Musil",
                "Nathan Willis",
                "Anna Lee",
                "Maria Costa"
            ]
        );
    }

    #[test]
    fn byline_lines_in_many_languages() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Roe and John Doe", &["Jane Roe", "John Doe"]),
            ("By Jane Roe, Staff Writer | March 3, 2019", &["Jane Roe"]),
            ("By Jane Roe Updated 3:45 PM", &["Jane Roe"]),
            ("Von Ines Roth und Paul Mayer", &["Ines Roth", "Paul Mayer"]),
            (
                "Par Claire Dubois et Marc Petit",
                &["Claire Dubois", "Marc Petit"],
            ),
            ("Por Ana Gómez y Luis Pérez", &["Ana Gómez", "Luis Pérez"]),
            ("来源：新华网 作者：张三 2005-08-28", &["张三"]),
            ("文／山田太郎", &["山田太郎"]),
            ("[서울=뉴스] 홍길동 기자 = 정부는", &["홍길동"]),
        ];
        // Lines in ASCII skip the East Asian labels: they must all be non-ASCII.
        for label in vocab::CJK_AUTHOR_LABELS
            .iter()
            .chain(vocab::AUTHOR_SUFFIXES)
        {
            assert!(!label.is_ascii(), "{label}");
        }
        for (line, want) in cases {
            let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
            assert_eq!(byline_line(line, None), Some(want), "{line}");
        }
        for line in [
            "By the way, the ferry is late",
            "Share on Facebook",
            "By The Harbour Gazette",
            "By Share",
        ] {
            assert_eq!(
                byline_line(line, Some("The Harbour Gazette")),
                None,
                "{line}"
            );
        }
    }
}
