//! The title: the headline that agrees with the page's own titles, without the site's
//! name around it.

/// The title: the first candidate (JSON-LD, meta tags, microdata, the headline, `<title>`)
/// that agrees with one of the page's own titles (`og:title` or the like, and `<title>`),
/// so that a box heading ("Tools & Resources"), a person's name from a profile node or a
/// section heading is not taken for the page's title. With no page title to check against,
/// the first candidate; when none agrees, the page's own title.
///
/// Returns the title and whether it is one of the page's own titles (which carry the
/// site's name around the headline by convention) rather than a headline.
pub(crate) fn choose_title(
    candidates: [Option<String>; 5],
    references: [Option<&str>; 2],
) -> Option<(String, bool)> {
    let refs: Vec<Vec<String>> = references
        .iter()
        .flatten()
        .map(|r| title_words(r))
        .filter(|w| !w.is_empty())
        .collect();
    // (The meta tags' title and `<title>` are the page's own.)
    let mut candidates = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (c, i == 1 || i == 4)))
        .filter(|(c, _)| !c.trim().is_empty());
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
    let first_agreeing = candidates.find(|(c, _)| agrees(c));
    first_agreeing.or_else(|| {
        references
            .iter()
            .flatten()
            .map(|r| (r.to_string(), true))
            .next()
    })
}

/// The labels of a host that may name its site: `www.harbour-news.co.uk` gives
/// `harbournews`, without `www` and the short labels of its suffix.
fn host_names(host: &str) -> Vec<String> {
    host.split('.')
        .filter(|l| l.len() >= 4 && *l != "www")
        .map(|l| {
            l.chars()
                .filter(|&c| crate::chars::is_alphanumeric(c))
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

/// A title's words, lower-cased, for comparing titles.
/// Each character of a script written without spaces is a word of its own.
fn title_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in s
        .to_lowercase()
        .split(|c: char| !crate::chars::is_alphanumeric(c))
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
///
/// A part is the site's name when it matches the site's name from the metadata or the
/// page's host. Other parts are told apart only in the page's own titles (`own`): there
/// the longest part is the headline. A headline from JSON-LD or the page ("Sazerac - alles
/// über den Cocktail-Klassiker") keeps its parts.
pub(crate) fn clean_title(
    raw: &str,
    site_name: Option<&str>,
    host: Option<&str>,
    own: bool,
    headline: Option<&str>,
) -> String {
    let raw = raw.trim();
    let site = site_name.map(str::to_lowercase);
    let hosts = host.map(host_names).unwrap_or_default();
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
            let by_name = site.as_deref().is_some_and(|s| {
                s.eq_ignore_ascii_case(p)
                    || (s.len() <= 2 * p.len() && p.to_lowercase().contains(s))
            });
            let bare: String = p
                .chars()
                .filter(|&c| crate::chars::is_alphanumeric(c))
                .collect::<String>()
                .to_lowercase();
            let by_host = bare.len() >= 3
                && hosts.iter().any(|h| {
                    *h == bare
                        || (h.len() >= 4 && bare.contains(h.as_str()) && bare.len() <= 2 * h.len())
                        || (bare.len() >= 4 && h.contains(bare.as_str()))
                });
            by_name || by_host
        };
        let rest: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
        if rest.len() == 1 {
            return rest[0].to_string();
        }
        if !own {
            if rest.len() < parts.len() && !rest.is_empty() {
                return rest.join(sep);
            }
            continue;
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
            clean_title(
                "Budget passes | The Gazette",
                Some("The Gazette"),
                None,
                true,
                None
            ),
            "Budget passes"
        );
        assert_eq!(
            clean_title(
                "The Gazette - Budget passes after long debate",
                None,
                None,
                true,
                None
            ),
            "Budget passes after long debate"
        );
        assert_eq!(
            clean_title("A title without suffix", None, None, true, None),
            "A title without suffix"
        );
        // Parts as long as each other: the one the page's headline is.
        assert_eq!(
            clean_title(
                "Wedding Planning Tools | Caterer Checklist",
                None,
                None,
                true,
                Some("Wedding Planning Tools")
            ),
            "Wedding Planning Tools"
        );
        assert_eq!(
            clean_title(
                "Caterer Checklist | Wedding Planning Tools",
                None,
                None,
                true,
                None
            ),
            "Wedding Planning Tools"
        );
        // A headline keeps its parts unless one is the site's name or its host.
        let sazerac = "Sazerac - alles über den Cocktail-Klassiker aus New Orleans";
        assert_eq!(clean_title(sazerac, None, None, false, None), sazerac);
        assert_eq!(
            clean_title(
                &format!("{sazerac} - Mixwelt"),
                None,
                Some("www.mixwelt.de"),
                false,
                None
            ),
            sazerac
        );
        assert_eq!(
            clean_title(
                "Budget passes | Harbour News",
                None,
                Some("harbour-news.co.uk"),
                true,
                None
            ),
            "Budget passes"
        );
        assert_eq!(
            clean_title("本市举行运动会_地方新闻_港城网", None, None, true, None),
            "本市举行运动会"
        );
    }
}
