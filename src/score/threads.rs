//! Reader comments, picture galleries and story promotions inside the article, told by what
//! repeats.
//!
//! Older pages print their comment threads inside the article's container with no
//! `comment` class: a post, then "Posted by … at …" and "Report this comment", post after
//! post. A gallery's slides sit there too, each with its counter ("3/50") and caption, and so
//! do promotions of other stories: a linked headline and its summary, story after story.
//! All are found by a shape that recurs between or across blocks, never by the markup.

use super::tuning::{
    GALLERY_SLIDES, PROMO_ARTICLE_SHARE, PROMO_ARTICLE_WORDS, PROMO_HEADLINE_WORDS,
    PROMO_LABEL_WORDS, PROMO_MEAN_HEADLINE_WORDS, PROMO_META_WORDS, PROMO_STORIES,
    PROMO_SUMMARY_WORDS, PROMO_TAIL_WORDS, THREAD_ARTICLE_SHARE, THREAD_ARTICLE_WORDS,
    THREAD_LINE_WORDS, THREAD_POSTS,
};
use super::Judged;
use crate::cues;
use crate::segment::{Kind, RawBlock};
use std::collections::HashMap;

/// A short line's template key: its first two words, lower-case, when one of them is a word
/// of a thread's per-post lines (checked before anything is allocated: most short lines are
/// menus and labels).
fn thread_key(b: &RawBlock) -> Option<String> {
    if b.words == 0 || b.words > THREAD_LINE_WORDS || matches!(b.kind, Kind::Heading(_)) {
        return None;
    }
    line_key(&b.text)
}

/// [`thread_key`] of a line of text.
fn line_key(text: &str) -> Option<String> {
    let mut words = text
        .split(|c: char| !crate::chars::is_alphabetic(c))
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    let second = words.next().unwrap_or("");
    let listed = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let action =
        listed(cues::THREAD_ACTION_WORDS, first) || listed(cues::THREAD_ACTION_WORDS, second);
    let line = listed(cues::THREAD_LINE_WORDS, first) || listed(cues::THREAD_LINE_WORDS, second);
    if !action && !line {
        return None;
    }
    // A byline-like line ("Posted by … at 10:32", "Jane says:") names its poster or time;
    // "Posted under Tyres" on a blog's index is a category line.
    let byline = line
        && (text.chars().any(|c| c.is_ascii_digit())
            || text.split_whitespace().any(|w| {
                ["by", "von", "par", "por", "da", "door", "av"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w))
            })
            || text.trim_end().ends_with(':'));
    (action || byline).then(|| format!("{} {}", first.to_lowercase(), second.to_lowercase()))
}

/// The key of a post that carries its own footer: a block of post text whose last line, or
/// the line before it, is a thread's line ("…\nPosted by rupert on January 10, 2008 5:15
/// PM\nReport this comment"), as older blogs print each comment in one paragraph.
fn footer_key(b: &RawBlock) -> Option<String> {
    if b.words <= THREAD_LINE_WORDS || matches!(b.kind, Kind::Heading(_)) || !b.text.contains('\n')
    {
        return None;
    }
    let lines: Vec<&str> = b
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return None;
    }
    lines
        .iter()
        .rev()
        .take(2)
        .filter(|l| line_words(l) <= THREAD_LINE_WORDS)
        .find_map(|l| line_key(l))
}

/// Marks the posts that carry their own footer line ([`footer_key`]) when one footer recurs
/// [`THREAD_POSTS`] times or more after at least [`THREAD_ARTICLE_WORDS`] words of other
/// text, the article's, which is [`THREAD_ARTICLE_SHARE`] times a post's mean length or
/// more: from the first such post to the last.
fn mark_footed_posts(blocks: &[RawBlock], facts: &mut [Judged]) {
    let mut places: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Some(key) = footer_key(b) {
            places.entry(key).or_default().push(i);
        }
    }
    if places.values().all(|p| p.len() < THREAD_POSTS) {
        return;
    }
    // Words of text before each block, summed once: many footers cost one pass, not one each.
    let mut words_before = Vec::with_capacity(blocks.len() + 1);
    words_before.push(0u32);
    for (j, b) in blocks.iter().enumerate() {
        let w = if b.words >= 5 { b.words } else { 0 };
        words_before.push(words_before[j] + w);
    }
    let mut thread: Option<(usize, usize)> = None;
    for at in places.values().filter(|p| p.len() >= THREAD_POSTS) {
        let (first, last) = (at[0], at[at.len() - 1]);
        let article = words_before[first];
        let per_post = at.iter().map(|&i| blocks[i].words).sum::<u32>() / at.len() as u32;
        if article < THREAD_ARTICLE_WORDS || article < THREAD_ARTICLE_SHARE * per_post {
            continue;
        }
        thread = Some(match thread {
            Some((a, b)) => (a.min(first), b.max(last)),
            None => (first, last),
        });
    }
    if let Some((from, to)) = thread {
        for f in facts.get_mut(from..=to).unwrap_or_default() {
            f.in_thread = true;
        }
    }
}

/// Marks the thread of reader comments after the article, if a per-post line recurs
/// [`THREAD_POSTS`] times or more with post text between each two, after at least
/// [`THREAD_ARTICLE_WORDS`] words of the article. A line that ends each post ("Posted by …"
/// after the post, the older blogs' way) takes the post before its first occurrence into
/// the thread; a line that opens each post takes the post after its last.
pub(crate) fn mark_threads(blocks: &[RawBlock], facts: &mut [Judged]) {
    mark_footed_posts(blocks, facts);
    // Each block's key, once; post text is a block of five words or more with no key.
    let keys: Vec<Option<String>> = blocks.iter().map(thread_key).collect();
    let post_text = |j: usize| blocks[j].words >= 5 && keys[j].is_none();
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            places.entry(key.as_str()).or_default().push(i);
        }
    }
    if places.values().all(|p| p.len() < THREAD_POSTS) {
        return;
    }
    // Words of post text before each block (for the article's length and the posts'), blocks
    // of text (whether a stretch holds a post), and the nearest post text and keyed line on
    // each side: every question below is answered in constant time, so that many keys with many
    // places cost no more than one pass.
    let n = blocks.len();
    let mut words_before = Vec::with_capacity(n + 1);
    words_before.push(0u32);
    for j in 0..n {
        let post = post_text(j);
        words_before.push(words_before[j] + if post { blocks[j].words } else { 0 });
    }
    // Blocks of any text that are not a thread's lines, before each block.
    let mut texts_before = Vec::with_capacity(n + 1);
    texts_before.push(0u32);
    for j in 0..n {
        let text = blocks[j].words >= 1 && keys[j].is_none();
        texts_before.push(texts_before[j] + u32::from(text));
    }
    let any_text = |from: usize, to: usize| from < to && texts_before[to] > texts_before[from];
    let mut prev_post: Vec<Option<usize>> = Vec::with_capacity(n);
    let mut last_post = None;
    for j in 0..n {
        prev_post.push(last_post);
        if post_text(j) {
            last_post = Some(j);
        }
    }
    // After each block: the first post text, and the first keyed line.
    let mut next_post: Vec<Option<usize>> = vec![None; n];
    let mut next_key: Vec<Option<usize>> = vec![None; n];
    let (mut post_seen, mut key_seen) = (None, None);
    for j in (0..n).rev() {
        next_post[j] = post_seen;
        next_key[j] = key_seen;
        if post_text(j) {
            post_seen = Some(j);
        }
        if keys[j].is_some() {
            key_seen = Some(j);
        }
    }
    let mut thread: Option<(usize, usize)> = None;
    for at in places.values().filter(|p| p.len() >= THREAD_POSTS) {
        // A post between every two occurrences: one line per post. (A reply may be a few
        // words, "Fine by me.": any line that is not a thread's own counts here.)
        let per_post = at.windows(2).all(|w| any_text(w[0] + 1, w[1]));
        let (first, last) = (at[0], at[at.len() - 1]);
        let article = words_before[first];
        // Comments are shorter than the article they follow, while the stories of an index
        // (each with its own byline) are as long as the first.
        let per_post_words = (words_before[last + 1] - words_before[first]) / at.len() as u32;
        if !per_post
            || article < THREAD_ARTICLE_WORDS
            || article < THREAD_ARTICLE_SHARE * per_post_words
        {
            continue;
        }
        // The first post text after the last line, before any other keyed line.
        let post_after_last = next_post[last].filter(|&p| next_key[last].is_none_or(|k| p < k));
        let post_before_first = prev_post[first];
        // A footer line follows each post: the first post stands before it. A header line
        // opens each post: the last post follows it.
        let (from, to) = match post_after_last {
            None => (post_before_first.unwrap_or(first), last),
            Some(after) => (first, after),
        };
        thread = Some(match thread {
            Some((a, b)) => (a.min(from), b.max(to)),
            None => (from, to),
        });
    }
    if let Some((from, to)) = thread {
        for f in facts.get_mut(from..=to).unwrap_or_default() {
            f.in_thread = true;
        }
    }
}

/// The slide number and count of a line that opens with a counter, `3/50` or `3 of 50`.
fn slide_counter(text: &str) -> Option<(u32, u32)> {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut parts = text.split_whitespace();
    let first = parts.next()?;
    let (n, total) = match first.split_once('/') {
        Some((n, total)) => (n.parse().ok()?, total.parse().ok()?),
        None => {
            let n: u32 = first.parse().ok()?;
            let of = parts.next()?;
            if !matches!(
                of.to_lowercase().as_str(),
                "of" | "von" | "de" | "di" | "z" | "из"
            ) {
                return None;
            }
            (n, parts.next()?.trim_end_matches([':', '.']).parse().ok()?)
        }
    };
    (n >= 1 && n <= total && total >= 2).then_some((n, total))
}

/// Marks a gallery's slide captions: lines that open with a counter of the same total,
/// found [`GALLERY_SLIDES`] times or more.
pub(crate) fn mark_slides(blocks: &[RawBlock], facts: &mut [Judged]) {
    let mut by_total: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.words <= 80 {
            if let Some((_, total)) = slide_counter(&b.text) {
                by_total.entry(total).or_default().push(i);
            }
        }
    }
    // A gallery counts its slides: distinct numbers out of one total (ratings repeat "5/5",
    // and recipes' "1/2 teaspoon" repeat one fraction).
    let counts_slides = |at: &Vec<usize>| {
        let mut numbers: Vec<u32> = at
            .iter()
            .filter_map(|&i| slide_counter(&blocks[i].text).map(|(n, _)| n))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers.len() >= GALLERY_SLIDES
    };
    for at in by_total.values().filter(|a| counts_slides(a)) {
        for &i in at {
            if let Some(f) = facts.get_mut(i) {
                f.slide = true;
            }
        }
    }
}

/// Words of a line, as segmentation counts them: the whitespace-separated runs that hold a
/// letter or a digit.
fn line_words(line: &str) -> u32 {
    line.split_whitespace()
        .filter(|w| w.chars().any(crate::chars::is_alphanumeric))
        .count() as u32
}

/// One promoted story: its last block, its words, its headline's words, and whether the
/// headline is a question.
struct Story {
    last: usize,
    words: u32,
    headline_words: u32,
    question: bool,
}

/// One promoted story starting at block `i`: a headline of [`PROMO_HEADLINE_WORDS`] words at
/// most, all of them a link, with a summary under it that has no link. The two share a block
/// (`<a><b>Headline</b></a><br>Summary`) or stand one after the other (`<h3><a>…</a></h3>`
/// then `<p>`); a date or byline line of [`PROMO_META_WORDS`] words at most may follow.
fn promo_story(blocks: &[RawBlock], i: usize) -> Option<Story> {
    let mut story = promo_headline_and_summary(blocks, i)?;
    // A short line under the summary, without a link, is the story's date or byline.
    if let Some(meta) = blocks
        .get(story.last + 1)
        .filter(|m| (1..=PROMO_META_WORDS).contains(&m.words) && m.link_words == 0)
    {
        story.last += 1;
        story.words += meta.words;
    }
    Some(story)
}

/// The headline and summary of a promoted story starting at block `i`.
fn promo_headline_and_summary(blocks: &[RawBlock], i: usize) -> Option<Story> {
    let b = blocks.get(i)?;
    let (lo, hi) = PROMO_SUMMARY_WORDS;
    let headline = |words: u32| (2..=PROMO_HEADLINE_WORDS).contains(&words);
    let question = |line: &str| line.trim_end().ends_with(['?', '？']);
    if let Some((first, rest)) = b.text.split_once('\n') {
        let (title, summary) = (line_words(first), line_words(rest));
        if headline(title)
            && b.link_words == title
            && b.words == title + summary
            && (lo..=hi).contains(&summary)
        {
            return Some(Story {
                last: i,
                words: b.words,
                headline_words: title,
                question: question(first),
            });
        }
    }
    let s = blocks.get(i + 1)?;
    (headline(b.words)
        && b.link_words == b.words
        && s.link_words == 0
        && (lo..=hi).contains(&s.words)
        && !matches!(s.kind, Kind::Heading(_)))
    .then(|| Story {
        last: i + 1,
        words: b.words + s.words,
        headline_words: b.words,
        question: question(&b.text),
    })
}

/// A run of promoted stories: its first block, one past its last, its stories, and the
/// words of the page's prose before it.
struct Run {
    start: usize,
    end: usize,
    stories: Vec<Story>,
    article: u32,
}

/// Marks a promotion of other stories at the article's end. It is the page's only run of
/// [`PROMO_STORIES`] or more promoted stories in a row (see [`promo_story`]), and it holds
/// what a promotion holds and a list of things does not:
/// - it follows an article of [`PROMO_ARTICLE_WORDS`] words of prose, and of
///   [`PROMO_ARTICLE_SHARE`] times the run's words, at least;
/// - the region holds at most [`PROMO_TAIL_WORDS`] words of prose after it: the article
///   has ended;
/// - its headlines are phrases ([`PROMO_MEAN_HEADLINE_WORDS`] words on average), not the
///   short names of a list's entries ("Compose samples", "Helen Bradley");
/// - fewer than half of them are questions (those are a page's questions and answers).
///
/// A list article whose entries are linked ("the ten best cafés"), a news round-up whose
/// stories come in several runs, and a FAQ keep their entries. The run's short label ("More
/// from the Gazette", "Read more") goes with it. One pass: a run is not read again from
/// inside.
pub(crate) fn mark_promos(blocks: &[RawBlock], facts: &mut [Judged]) {
    let n = blocks.len().min(facts.len());
    let mut runs: Vec<Run> = Vec::new();
    let mut article = 0u32;
    let mut i = 0;
    while i < n {
        let mut stories = Vec::new();
        let mut next = i;
        while let Some(story) = promo_story(blocks, next) {
            next = story.last + 1;
            stories.push(story);
        }
        let end = next.max(i + 1).min(n);
        if stories.len() >= PROMO_STORIES {
            runs.push(Run {
                start: i,
                end,
                stories,
                article,
            });
        }
        article += (i..end)
            .filter(|&j| facts[j].prose)
            .map(|j| blocks[j].words)
            .sum::<u32>();
        i = end;
    }
    let [run] = runs.as_slice() else {
        return;
    };
    let count = run.stories.len() as u32;
    let words: u32 = run.stories.iter().map(|s| s.words).sum();
    let headline_words: u32 = run.stories.iter().map(|s| s.headline_words).sum();
    let questions = run.stories.iter().filter(|s| s.question).count() as u32;
    let tail: u32 = (run.end..n)
        .filter(|&j| facts[j].prose && facts[j].in_region)
        .map(|j| blocks[j].words)
        .sum();
    let promotion = run.article >= PROMO_ARTICLE_WORDS
        && run.article >= PROMO_ARTICLE_SHARE * words
        && tail <= PROMO_TAIL_WORDS
        && headline_words >= PROMO_MEAN_HEADLINE_WORDS * count
        && 2 * questions < count;
    if !promotion {
        return;
    }
    let label = run.start.checked_sub(1).filter(|&l| {
        let b = &blocks[l];
        (1..=PROMO_LABEL_WORDS).contains(&b.words) && b.link_words == 0 && !facts[l].prose
    });
    for f in &mut facts[label.unwrap_or(run.start)..run.end] {
        f.promo = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_counters_are_read() {
        assert_eq!(slide_counter("3/50 The quay at dawn"), Some((3, 50)));
        assert_eq!(slide_counter("12 of 40: Fishing boats"), Some((12, 40)));
        assert_eq!(slide_counter("24/7 service"), None);
        assert_eq!(slide_counter("1/1"), None);
        assert_eq!(slide_counter("The 3/50 rule"), None);
    }

    #[test]
    fn lines_count_words_that_hold_a_letter_or_digit() {
        assert_eq!(line_words("New ferry timetable — from June"), 5);
        assert_eq!(line_words("  2.4 million, co-op  "), 3);
    }
}
