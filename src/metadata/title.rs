//! The title: the headline that agrees with the page's own titles, without the site's
//! name around it.

/// The title: the first candidate (JSON-LD, meta tags, microdata, the headline, `<title>`)
/// that agrees with one of the page's own titles (`og:title` or the like, and `<title>`),
/// so that a box heading ("Tools & Resources"), a person's name from a profile node or a
/// section heading is not taken for the page's title. With no page title to check against,
/// the first candidate; when none agrees, the page's own title.
pub(crate) fn choose_title(
    candidates: [Option<String>; 5],
    references: [Option<&str>; 2],
) -> Option<String> {
    let refs: Vec<Vec<String>> = references
        .iter()
        .flatten()
        .map(|r| title_words(r))
        .filter(|w| !w.is_empty())
        .collect();
    let mut candidates = candidates
        .into_iter()
        .flatten()
        .filter(|c| !c.trim().is_empty());
    if refs.is_empty() {
        return candidates.next();
    }
    let agrees = |c: &str| {
        let words = title_words(c);
        !words.is_empty()
            && refs.iter().any(|r| {
                let shared = words.iter().filter(|w| r.contains(w)).count();
                // Most of the candidate is in the page title (a title with the site's name
                // around it), or most of the page title is in the candidate.
                shared * 5 >= words.len() * 3 || shared * 5 >= r.len() * 4
            })
    };
    let first_agreeing = candidates.find(|c| agrees(c));
    first_agreeing.or_else(|| references.iter().flatten().map(|r| r.to_string()).next())
}

/// A title's words, lower-cased, for comparing titles.
/// Each character of a script written without spaces is a word of its own.
fn title_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in s
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut spaced = String::new();
        for c in w.chars() {
            if crate::stopwords::is_unspaced(c) {
                if !spaced.is_empty() {
                    words.push(std::mem::take(&mut spaced));
                }
                words.push(c.to_string());
            } else {
                spaced.push(c);
            }
        }
        if !spaced.is_empty() {
            words.push(spaced);
        }
    }
    words
}

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ",
];

/// A title part's length: its words, each character of a script without spaces counted as
/// one.
fn part_len(p: &str) -> usize {
    p.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|&c| crate::stopwords::is_unspaced(c))
                .count()
                .max(1)
        })
        .sum()
}

/// Separators of the titles written without spaces.
const UNSPACED_SEPARATORS: &[&str] = &["_", "｜", "|", "——", "－", "-"];

/// The headline part of a `<title>`: the site name and its separator removed.
pub(crate) fn clean_title(raw: &str, site_name: Option<&str>, headline: Option<&str>) -> String {
    let raw = raw.trim();
    let site = site_name.map(str::to_lowercase);
    // Titles in scripts without spaces run their parts together: "标题_频道_网站".
    let unspaced = raw.chars().any(crate::stopwords::is_unspaced);
    let extra: &[&str] = if unspaced { UNSPACED_SEPARATORS } else { &[] };
    for sep in TITLE_SEPARATORS.iter().chain(extra) {
        if !raw.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = raw
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        // (The site name is lower-cased once: it can be as long as the page.)
        let is_site = |p: &str| {
            site.as_deref().is_some_and(|s| {
                s.eq_ignore_ascii_case(p)
                    || (s.len() <= 2 * p.len() && p.to_lowercase().contains(s))
            })
        };
        let rest: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
        if rest.len() == 1 {
            return rest[0].to_string();
        }
        // No site name to go by: the longest part is the headline; of parts as long, the
        // one the page's headline is, else the last (the first in a title without spaces:
        // "标题_频道").
        let longest = parts.iter().map(|p| part_len(p)).max().unwrap_or(0);
        let tied: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| part_len(p) == longest)
            .collect();
        let headline_words = headline.map(title_words).unwrap_or_default();
        let best = tied
            .iter()
            .find(|p| {
                tied.len() > 1 && !headline_words.is_empty() && title_words(p) == headline_words
            })
            .or(if unspaced { tied.first() } else { tied.last() });
        if let Some(best) = best {
            return (*best).to_string();
        }
    }
    raw.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_site_suffix() {
        assert_eq!(
            clean_title("Budget passes | The Gazette", Some("The Gazette"), None),
            "Budget passes"
        );
        assert_eq!(
            clean_title("The Gazette - Budget passes after long debate", None, None),
            "Budget passes after long debate"
        );
        assert_eq!(
            clean_title("A title without suffix", None, None),
            "A title without suffix"
        );
        // Parts as long as each other: the one the page's headline is.
        assert_eq!(
            clean_title(
                "Wedding Planning Tools | Caterer Checklist",
                None,
                Some("Wedding Planning Tools")
            ),
            "Wedding Planning Tools"
        );
        assert_eq!(
            clean_title("Caterer Checklist | Wedding Planning Tools", None, None),
            "Wedding Planning Tools"
        );
        assert_eq!(
            clean_title("本市举行运动会_地方新闻_港城网", None, None),
            "本市举行运动会"
        );
    }
}
