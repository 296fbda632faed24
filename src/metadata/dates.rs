//! Dates: machine values (ISO 8601 and RFC 3339, RFC 2822, Unix seconds), dates as people
//! write them in the common languages ("22. November 2019", "7 de mayo de 2005",
//! "2005年5月7日", "2019년 10월 19일"), and dated URL paths. Calendars and offsets are
//! `jiff`'s; this module only finds the numbers.
//!
//! Every date is checked to be plausible for a web page: not before 1995 and not after
//! today. The result is ISO 8601 with what the source gives: the day, the time when it
//! has one, and the offset when it has one (`2019-11-22`, `2019-11-22T14:05:00`,
//! `2019-11-22T14:05:00+01:00`).

use super::vocab;
use jiff::civil::{Date, Time};
use jiff::fmt::temporal::{Pieces, PiecesOffset};

/// The earliest plausible date of a web page.
const EARLIEST: Date = jiff::civil::date(1995, 1, 1);

/// The longest text searched for a date, in bytes: a date line, not a page.
const MAX_TEXT: usize = 400;

/// True when `date` can date a web page read on `today`: from 1995 to the next day (a
/// page's day may be ahead of UTC's).
fn plausible_on(date: Date, today: Date) -> bool {
    let latest = today.tomorrow().unwrap_or(today);
    (EARLIEST..=latest).contains(&date)
}

fn today() -> Date {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// ISO 8601 text of a date, its time and its offset in seconds (`None`: not given).
fn iso(date: Date, time: Option<Time>, offset: Option<i32>) -> String {
    let mut out = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    let Some(t) = time else {
        return out;
    };
    out.push_str(&format!(
        "T{:02}:{:02}:{:02}",
        t.hour(),
        t.minute(),
        t.second()
    ));
    let ms = t.subsec_nanosecond() / 1_000_000;
    if ms > 0 {
        out.push_str(&format!(".{ms:03}"));
    }
    match offset {
        Some(0) => out.push('Z'),
        Some(s) => {
            let sign = if s < 0 { '-' } else { '+' };
            let m = s.unsigned_abs() / 60;
            out.push_str(&format!("{sign}{:02}:{:02}", m / 60, m % 60));
        }
        None => {}
    }
    out
}

/// A date given as a machine value (a meta tag's `content`, a `datetime` attribute,
/// JSON-LD): ISO 8601 / RFC 3339, RFC 2822, Unix seconds or milliseconds, else a date as
/// people write it. `None` when there is none or it is not plausible.
pub(crate) fn value(s: &str) -> Option<String> {
    value_on(s, today())
}

fn value_on(s: &str, today: Date) -> Option<String> {
    let s = s.trim();
    let found = if let Ok(p) = Pieces::parse(s) {
        let offset = match p.offset() {
            Some(PiecesOffset::Zulu) => Some(0),
            Some(PiecesOffset::Numeric(n)) => Some(n.offset().seconds()),
            _ => None,
        };
        (p.date(), iso(p.date(), p.time(), p.time().and(offset)))
    } else if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        (
            z.date(),
            iso(z.date(), Some(z.time()), Some(z.offset().seconds())),
        )
    } else if let Some(t) = unix_time(s) {
        let z = jiff::tz::Offset::UTC.to_datetime(t);
        (z.date(), iso(z.date(), Some(z.time()), Some(0)))
    } else {
        let f = first_in_text(s, today)?;
        (f.date, f.iso)
    };
    plausible_on(found.0, today).then_some(found.1)
}

/// Seconds (10 digits) or milliseconds (13 digits) since 1970.
fn unix_time(s: &str) -> Option<jiff::Timestamp> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    match s.len() {
        9 | 10 => jiff::Timestamp::from_second(n).ok(),
        12 | 13 => jiff::Timestamp::from_millisecond(n).ok(),
        _ => None,
    }
}

/// A date found in a text, with the bytes it spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InText {
    pub iso: String,
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Digits: their value and how many.
    Num(u32, usize),
    Word,
    /// One character of punctuation.
    Sep(char),
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    /// Lower-case text of a word (empty for the others).
    word: String,
    start: usize,
    end: usize,
}

/// A full-width digit's value (`２０１９`), as East Asian pages write them.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Single characters that are words of their own: the markers of East Asian dates.
fn is_marker(c: char) -> bool {
    "年月日년월일시분时時分".contains(c)
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = digit(c) {
            let (mut v, mut n, mut end) = (d, 1usize, i + c.len_utf8());
            while let Some(&(j, c)) = chars.peek() {
                let Some(d) = digit(c) else { break };
                v = v.saturating_mul(10).saturating_add(d);
                n += 1;
                end = j + c.len_utf8();
                chars.next();
            }
            out.push(Tok {
                kind: Kind::Num(v, n),
                word: String::new(),
                start: i,
                end,
            });
        } else if is_marker(c) || crate::stopwords::is_unspaced(c) {
            out.push(Tok {
                kind: Kind::Word,
                word: c.to_string(),
                start: i,
                end: i + c.len_utf8(),
            });
        } else if crate::chars::is_alphabetic(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, c)) = chars.peek() {
                if !crate::chars::is_alphabetic(c)
                    || is_marker(c)
                    || crate::stopwords::is_unspaced(c)
                {
                    break;
                }
                end = j + c.len_utf8();
                chars.next();
            }
            out.push(Tok {
                kind: Kind::Word,
                word: s[i..end].to_lowercase(),
                start: i,
                end,
            });
        } else if !c.is_whitespace() {
            out.push(Tok {
                kind: Kind::Sep(c),
                word: String::new(),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}

fn month(word: &str) -> Option<u8> {
    vocab::MONTHS
        .iter()
        .find(|(m, _)| *m == word)
        .map(|&(_, n)| n)
}

/// Reads the tokens from `at` on, one step at a time.
struct Cursor<'t> {
    toks: &'t [Tok],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }
    /// A number of `digits` digits (`1..=2` for days and months).
    fn num(&mut self, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        match self.peek()?.kind {
            Kind::Num(v, n) if digits.contains(&n) => {
                self.at += 1;
                Some(v)
            }
            _ => None,
        }
    }
    fn sep(&mut self, among: &str) -> Option<char> {
        match self.peek()?.kind {
            Kind::Sep(c) if among.contains(c) => {
                self.at += 1;
                Some(c)
            }
            _ => None,
        }
    }
    fn word(&mut self, among: &[&str]) -> bool {
        let hit = self
            .peek()
            .is_some_and(|t| t.kind == Kind::Word && among.contains(&t.word.as_str()));
        self.at += usize::from(hit);
        hit
    }
    fn month(&mut self) -> Option<u8> {
        let t = self.peek()?;
        let m = (t.kind == Kind::Word).then(|| month(&t.word)).flatten()?;
        self.at += 1;
        // "Nov." and "Okt.": the abbreviation's dot.
        self.sep(".");
        Some(m)
    }
    /// Skips any of the fillers between a day and its month or year ("7 de mayo de").
    fn fillers(&mut self) {
        while self.word(vocab::DATE_FILLERS) || self.sep(".,").is_some() {}
    }
}

fn ymd(y: u32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// A date that starts at token `i`, and the token after it.
fn date_at(toks: &[Tok], i: usize) -> Option<(Date, usize)> {
    let tries: [fn(&mut Cursor<'_>) -> Option<Date>; 6] = [
        // 2019-11-22, 2019/11/22, 2019.11.22, "2019. 10. 19."
        |c| {
            let y = c.num(4..=4)?;
            let s = c.sep("-/.")?;
            let m = c.num(1..=2)?;
            c.sep(&s.to_string())?;
            let d = c.num(1..=2)?;
            ymd(y, m, d)
        },
        // 2005年5月7日, 2019년 10월 19일
        |c| {
            let y = c.num(4..=4)?;
            c.word(vocab::CJK_YEAR).then_some(())?;
            let m = c.num(1..=2)?;
            c.word(vocab::CJK_MONTH).then_some(())?;
            let d = c.num(1..=2)?;
            c.word(vocab::CJK_DAY).then_some(())?;
            ymd(y, m, d)
        },
        // 22.11.2019 (day first, wherever dots are used), 11/22/2019 or 22/11/2019 (the
        // order from the numbers; an ambiguous one is not read rather than read wrong).
        |c| {
            let a = c.num(1..=2)?;
            let s = c.sep("./-")?;
            let b = c.num(1..=2)?;
            c.sep(&s.to_string())?;
            let y = c.num(4..=4)?;
            let (d, m) = match s {
                '.' => (a, b),
                _ if a > 12 && b <= 12 => (a, b),
                _ if b > 12 && a <= 12 => (b, a),
                _ if a == b => (a, b),
                _ => return None,
            };
            ymd(y, m, d)
        },
        // 22 November 2019, 22. Oktober 2019, 7 de mayo de 2005, 1er mai 2005, 7 мая 2005 г.
        |c| {
            let d = c.num(1..=2)?;
            c.fillers();
            let m = c.month()?;
            c.fillers();
            let y = c.num(4..=4)?;
            c.word(vocab::YEAR_SUFFIXES);
            ymd(y, m.into(), d)
        },
        // November 22, 2019; Nov. 22nd 2019
        |c| {
            let m = c.month()?;
            let d = c.num(1..=2)?;
            c.fillers();
            let y = c.num(4..=4)?;
            ymd(y, m.into(), d)
        },
        // 2019. október 19., 2019 Oct 19
        |c| {
            let y = c.num(4..=4)?;
            c.sep(".");
            let m = c.month()?;
            let d = c.num(1..=2)?;
            ymd(y, m.into(), d)
        },
    ];
    for t in tries {
        let mut c = Cursor { toks, at: i };
        if let Some(date) = t(&mut c) {
            // A number run straight on ("2019-11-22-5", "22.11.2019.3") is not a date; a
            // time after a space is ("2019. 10. 19. 14:05").
            let run_on = match (toks.get(c.at), toks.get(c.at + 1)) {
                (Some(sep), Some(num)) => {
                    matches!(sep.kind, Kind::Sep('-' | '.' | '/'))
                        && matches!(num.kind, Kind::Num(..))
                        && sep.start == toks[c.at - 1].end
                        && num.start == sep.end
                }
                _ => false,
            };
            if !run_on {
                return Some((date, c.at));
            }
        }
    }
    None
}

/// The time of day right after a date ("14:05", "at 2:05 pm", "19:08 Uhr", "20:56:20").
fn time_at(toks: &[Tok], i: usize) -> Option<(Time, usize)> {
    let mut c = Cursor { toks, at: i };
    c.sep(",-|·");
    c.word(vocab::TIME_FILLERS);
    c.sep(",");
    let h = c.num(1..=2)?;
    let (m, s) = if c.word(vocab::CJK_HOUR) {
        // 9時30分, 20时56分, 9시 30분
        let m = c.num(1..=2)?;
        c.word(vocab::CJK_MINUTE).then_some(())?;
        (m, 0)
    } else {
        c.sep(":")?;
        let m = c.num(2..=2)?;
        let s = if c.sep(":").is_some() {
            c.num(2..=2)?
        } else {
            0
        };
        (m, s)
    };
    let h = if c.word(vocab::PM) {
        if h < 12 {
            h + 12
        } else {
            h
        }
    } else if c.word(vocab::AM) && h == 12 {
        0
    } else {
        h
    };
    c.word(vocab::TIME_ENDINGS);
    let t = Time::new(
        i8::try_from(h).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(s).ok()?,
        0,
    )
    .ok()?;
    Some((t, c.at))
}

/// Every date written in `text` (its first [`MAX_TEXT`] bytes), in order, with its time
/// when one follows it; implausible ones left out.
pub(crate) fn all_in_text(text: &str) -> Vec<InText> {
    all_in_text_on(text, today())
}

/// The part of a text searched for dates: its first [`MAX_TEXT`] bytes.
fn searched(text: &str) -> &str {
    let mut cut = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// False when [`all_in_text`] finds nothing in `text` for want of a number: every date has
/// one, and most lines of a page have none.
pub(crate) fn may_hold_date(text: &str) -> bool {
    searched(text).chars().any(|c| digit(c).is_some())
}

fn all_in_text_on(text: &str, today: Date) -> Vec<InText> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    let toks = tokens(searched(text));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((date, mut next)) = date_at(&toks, i) else {
            i += 1;
            continue;
        };
        let start = toks[i].start;
        let time = time_at(&toks, next).map(|(t, after)| {
            next = after;
            t
        });
        let end = toks.get(next.saturating_sub(1)).map_or(start, |t| t.end);
        if plausible_on(date, today) {
            out.push(InText {
                iso: iso(date, time, None),
                date,
                start,
                end,
            });
        }
        i = next.max(i + 1);
    }
    out
}

fn first_in_text(text: &str, today: Date) -> Option<InText> {
    all_in_text_on(text, today).into_iter().next()
}

/// The date in a URL's path: `/2019/11/22/`, `/2019-11-22-slug`, `/20191122/`. A path
/// with a year and a month only gives no day, and no date.
pub(crate) fn in_url(url: &str) -> Option<String> {
    in_url_on(url, today())
}

fn in_url_on(url: &str, today: Date) -> Option<String> {
    let path = url::Url::parse(url).ok()?.path().to_string();
    let toks = tokens(&path);
    for i in 0..toks.len() {
        // Each date starts a path step or follows a separator.
        if i > 0 && !matches!(toks[i - 1].kind, Kind::Sep(_)) {
            continue;
        }
        let mut c = Cursor { toks: &toks, at: i };
        let date = (|| {
            // 2019/11/22, 2019-11-22, 2005-08/28 (year and month, then the day's folder)
            let y = c.num(4..=4)?;
            c.sep("/-_")?;
            let m = c.num(1..=2)?;
            c.sep("/-_")?;
            let d = c.num(1..=2)?;
            ymd(y, m, d)
        })()
        .or_else(|| {
            // 23-01-2022 (day first, or the month when the day is over 12)
            let mut c = Cursor { toks: &toks, at: i };
            let a = c.num(1..=2)?;
            let s = c.sep("-_.")?;
            let b = c.num(1..=2)?;
            c.sep(&s.to_string())?;
            let y = c.num(4..=4)?;
            match (a, b) {
                (a, b) if b > 12 && a <= 12 => ymd(y, a, b),
                (a, b) if a > 12 && b <= 12 => ymd(y, b, a),
                (a, b) if a == b => ymd(y, a, b),
                _ => None,
            }
        })
        .or_else(|| match (toks[i].kind, toks.get(i + 1), toks.get(i + 2)) {
            // 20191122, alone in its step or before a separator.
            (Kind::Num(v, 8), ..) => ymd(v / 10_000, v / 100 % 100, v % 100),
            // 200508/28
            (Kind::Num(v, 6), Some(s), Some(d)) if matches!(s.kind, Kind::Sep('/')) => {
                match d.kind {
                    Kind::Num(d, 2) => ymd(v / 100, v % 100, d),
                    _ => None,
                }
            }
            _ => None,
        });
        if let Some(date) = date.filter(|d| plausible_on(*d, today)) {
            return Some(iso(date, None, None));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        jiff::civil::date(2026, 12, 6)
    }

    fn read(s: &str) -> Option<String> {
        value_on(s, today())
    }

    #[test]
    fn machine_values_keep_their_time_and_offset() {
        assert_eq!(read("2019-11-22").as_deref(), Some("2019-11-22"));
        assert_eq!(
            read("2019-11-22T14:05:00Z").as_deref(),
            Some("2019-11-22T14:05:00Z")
        );
        assert_eq!(
            read("2019-11-22 14:05:00+0100").as_deref(),
            Some("2019-11-22T14:05:00+01:00")
        );
        assert_eq!(
            read("2019-11-22T14:05:09.123-05:00").as_deref(),
            Some("2019-11-22T14:05:09.123-05:00")
        );
        assert_eq!(
            read("Fri, 22 Nov 2019 14:05:00 EST").as_deref(),
            Some("2019-11-22T14:05:00-05:00")
        );
        assert_eq!(
            read("1574431500").as_deref(),
            Some("2019-11-22T14:05:00Z"),
            "Unix seconds"
        );
        assert_eq!(read("2019/11/22").as_deref(), Some("2019-11-22"));
        assert_eq!(read("2019-13-40"), None);
        assert_eq!(read("no date here"), None);
    }

    #[test]
    fn calendar_dates_only() {
        assert_eq!(read("2019-02-29"), None);
        assert_eq!(read("2020-02-29").as_deref(), Some("2020-02-29"));
        assert_eq!(read("31.04.2021"), None);
        assert_eq!(read("11/22/2019").as_deref(), Some("2019-11-22"));
        assert_eq!(read("22/11/2019").as_deref(), Some("2019-11-22"));
        assert_eq!(
            read("Posted 3/7/2019"),
            None,
            "ambiguous: not read rather than read wrong"
        );
        assert_eq!(read("1.2.2019").as_deref(), Some("2019-02-01"));
    }

    #[test]
    fn plausible_dates_are_from_1995_to_today() {
        assert_eq!(read("1994-12-31"), None, "before the web's pages");
        assert_eq!(read("1995-01-01").as_deref(), Some("1995-01-01"));
        assert_eq!(
            read("2026-12-07").as_deref(),
            Some("2026-12-07"),
            "a zone ahead"
        );
        assert_eq!(read("2026-12-08"), None, "in the future");
        assert_eq!(read("2099-01-01T00:00:00Z"), None);
        assert!(plausible_on(jiff::civil::date(2001, 9, 1), super::today()));
        assert!(!plausible_on(jiff::civil::date(3001, 9, 1), super::today()));
    }

    #[test]
    fn dates_as_people_write_them_in_many_languages() {
        let cases = [
            ("November 22, 2019 14:05 GMT", "2019-11-22T14:05:00"),
            ("Nov. 22nd, 2019", "2019-11-22"),
            ("the 7th of May 2005", "2005-05-07"),
            ("22. Dezember 2020", "2020-12-22"),
            ("19. Oktober 2019, 19:08 Uhr", "2019-10-19T19:08:00"),
            ("22.11.2019, 14:05 Uhr", "2019-11-22T14:05:00"),
            ("1er mai 2005 à 10:30", "2005-05-01T10:30:00"),
            ("7 de mayo de 2005", "2005-05-07"),
            ("7 de maio de 2005", "2005-05-07"),
            ("7 maggio 2005 ore 9:15", "2005-05-07T09:15:00"),
            ("7 мая 2005 г.", "2005-05-07"),
            ("7 maja 2005", "2005-05-07"),
            ("7 Mayıs 2005", "2005-05-07"),
            ("7 mei 2005", "2005-05-07"),
            ("2005年5月7日", "2005-05-07"),
            ("２００５年５月７日", "2005-05-07"),
            ("2005年5月7日 9時30分", "2005-05-07T09:30:00"),
            ("2019년 10월 19일 오후 2시 5분", "2019-10-19"),
            ("2019년 10월 19일", "2019-10-19"),
            ("2019. 10. 19. 오후", "2019-10-19"),
            ("입력 2019.10.19. 14:05", "2019-10-19"),
            ("2005-08-28 20:56:20", "2005-08-28T20:56:20"),
            ("Posted at 2:05 pm on March 3, 2019", "2019-03-03"),
            ("March 3, 2019 at 2:05 pm", "2019-03-03T14:05:00"),
        ];
        for (text, want) in cases {
            assert_eq!(
                first_in_text(text, today()).map(|f| f.iso).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for text in [
            "version 2.1.20",
            "call 555-12-2019-4",
            "May I help you?",
            "May 2019",
        ] {
            assert_eq!(first_in_text(text, today()), None, "{text}");
        }
    }

    #[test]
    fn a_line_can_hold_two_dates() {
        let dates = all_in_text_on(
            "19. Oktober 2019, 19:08 Uhr Editiert am 20. Oktober 2019, 10:00 Uhr",
            today(),
        );
        let isos: Vec<&str> = dates.iter().map(|d| d.iso.as_str()).collect();
        assert_eq!(isos, ["2019-10-19T19:08:00", "2019-10-20T10:00:00"]);
        assert!(dates[0].end < dates[1].start);
    }

    #[test]
    fn dated_url_paths() {
        let url = |u: &str| in_url_on(u, today());
        assert_eq!(
            url("https://news.example/2019/11/22/budget-passes/").as_deref(),
            Some("2019-11-22")
        );
        assert_eq!(
            url("https://news.example/politics/2019-11-22-budget.html").as_deref(),
            Some("2019-11-22")
        );
        assert_eq!(
            url("https://news.example/a/20191122/budget").as_deref(),
            Some("2019-11-22")
        );
        assert_eq!(
            url("http://news.example/world/2005-08/28/content_3411.htm").as_deref(),
            Some("2005-08-28")
        );
        assert_eq!(
            url("http://news.example/gb/200508/28/x.html").as_deref(),
            Some("2005-08-28")
        );
        assert_eq!(
            url("https://blog.example/home/2017/7/12/montauk").as_deref(),
            Some("2017-07-12")
        );
        assert_eq!(
            url("https://club.example/newsroom/23-01-2022-season-ends").as_deref(),
            Some("2022-01-23")
        );
        assert_eq!(
            url("https://club.example/news/03-04-2022-x"),
            None,
            "ambiguous"
        );
        assert_eq!(url("https://news.example/2019/11/budget/"), None, "no day");
        assert_eq!(url("https://news.example/item/12345678"), None);
        assert_eq!(url("https://news.example/2031/01/02/x"), None, "future");
    }
}
