//! The dates stage: absolute dates ("January 1, 2020", "1 Jan 2020",
//! "2020-01-05", "January 2020"), weekdays ("Sunday", "Thursday night") and
//! relative expressions ("yesterday", "last week", "earlier this month",
//! "three days ago") resolved to ISO dates against the publish time.
//! A bare weekday is the most recent such day on or before publication,
//! unless its clause is in the future tense (the nearest tense marker:
//! "will meet on Sunday", "plans to vote Monday") or says "next", or is a
//! future seen from a past report ("it would meet on Monday": the such day
//! nearest publication); "last Thursday" is the most recent Thursday
//! before yesterday. "Today" inside a quotation is the last day named
//! before it (the day it was said). The end of a weekday range ("Wednesday
//! through Friday") is the first such day after its start.
//!
//! `weekdays.rs` holds the weekday rules (tense, abbreviations); `tests.rs`
//! the stage's tests.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::nlp::{self, Token};
use crate::stages::{Annotations, Stage, StageError};

mod weekdays;
use weekdays::{dated_weekdays, weekday_expr, weekday_ranges};

/// Options of the `dates` stage (none yet).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// As written; not in the record, where `start`/`end` point into the text.
    #[serde(skip)]
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601: 2020-01-05, 2020-01, 2020, or 2020-W01 for weeks; absent
    /// from the record when a relative expression has no publish time to
    /// resolve against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// day, week, month or year.
    pub granularity: &'static str,
    /// absolute, weekday or relative.
    pub kind: &'static str,
}

pub struct DatesStage;

impl DatesStage {
    pub fn build(_: Config) -> Self {
        DatesStage
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names ("March", "mar.", "Sept"), case-insensitively.
/// Called for every word of every article, so it compares in place rather
/// than lower-casing a copy (month names are ASCII: no other letter
/// lower-cases into one).
pub(crate) fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    // Full names, three-letter abbreviations ("Jan", "Jan.") and "Sept".
    let prefix = |m: &str| m.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    let i = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(w) || (prefix(m) && (w.len() == 3 || w.eq_ignore_ascii_case("sept")))
    })?;
    Some(i as u32 + 1)
}

/// The weekday a word names ("Monday", "tues."), case-insensitively.
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 16] = [
        ("monday", Weekday::Mon),
        ("mon", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("tue", Weekday::Tue),
        ("tues", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("wed", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("thu", Weekday::Thu),
        ("thurs", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("fri", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sat", Weekday::Sat),
        ("sunday", Weekday::Sun),
        ("sun", Weekday::Sun),
    ];
    let w = w.trim_end_matches('.');
    NAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(w))
        .map(|(_, d)| *d)
}

fn number_word(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words
        .iter()
        .position(|x| *x == w.to_lowercase())
        .map(|i| i as i64 + 1)
}

fn day_number(w: &str) -> Option<u32> {
    let d: u32 = w
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    let y: i32 = w.parse().ok()?;
    (w.len() == 4 && (1800..=2200).contains(&y)).then_some(y)
}

/// A month or weekday written out in full ("january", "friday"; not "jan",
/// "fri"), lower-case.
pub(crate) fn calendar_name(w: &str) -> bool {
    MONTHS.contains(&w) || (w.ends_with("day") && weekday(w).is_some())
}

/// Resolve every date expression in `text` against `published` (if known).
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_in(text, &nlp::Analysed::of(text), published)
}

/// `find_dates` over an analysis of `text` made already.
pub fn find_dates_in(
    text: &str,
    analysed: &nlp::Analysed,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let (tokens, sentences) = (&analysed.tokens, &analysed.sentences);
    let mut out = Vec::new();
    for s in sentences {
        let toks: &[Token] = &tokens[s.tokens.clone()];
        let w: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let lw: Vec<String> = w.iter().map(|x| x.to_lowercase()).collect();
        let mut i = 0;
        while i < toks.len() {
            let found = absolute(&w, i, published)
                .or_else(|| weekday_expr(&w, &lw, i, published))
                .or_else(|| relative(&lw, i, published).filter(|_| !in_a_name(&w, i)));
            match found {
                Some((len, value, granularity, kind)) => {
                    let (start, end) = (toks[i].start, toks[i + len - 1].end);
                    out.push(DateMention {
                        text: text[start..end].to_string(),
                        start,
                        end,
                        value,
                        granularity,
                        kind,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    quoted_today(text, published, &mut out);
    narrative_next(text, &mut out);
    dated_weekdays(text, &mut out);
    weekday_ranges(text, &mut out);
    out
}

/// "The next month" in a narrative ("Bayes withdrew in March 2019. The
/// next month, the party nominated …") is the month after the last date
/// named before it, not after publication; with no such date, unknown.
/// Not after a preposition of duration ("over the next month", "within
/// the next year": from now on, as resolved).
fn narrative_next(text: &str, dates: &mut [DateMention]) {
    for i in 0..dates.len() {
        let d = &dates[i];
        let unit = match d.text.to_lowercase().as_str() {
            "next month" => "month",
            "next year" => "year",
            _ => continue,
        };
        let Some((at, the)) = nlp::word_before(text, d.start) else {
            continue;
        };
        let duration = nlp::word_before(text, at).is_some_and(|(_, w)| {
            matches!(
                w.to_lowercase().as_str(),
                "over" | "in" | "within" | "during" | "for" | "through" | "throughout" | "of"
            )
        });
        if !the.eq_ignore_ascii_case("the") || duration {
            continue;
        }
        let before = dates[..i].iter().rev().find_map(|p| p.value.as_deref());
        dates[i].value = before.and_then(|v| one_after(v, unit));
    }
}

/// The month or year after the one a date value ("2019-03-12", "2019-03",
/// "2019") falls in, as a value of that granularity.
fn one_after(value: &str, unit: &str) -> Option<String> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    match unit {
        "year" => Some(format!("{:04}", year + 1)),
        _ => {
            let month: i32 = value.get(5..7)?.parse().ok()?;
            let total = year * 12 + month; // the next month, 1-based
            Some(format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            ))
        }
    }
}

/// Whether "Today", "Tonight", "Tomorrow" or "Yesterday" at token `i` is
/// part of a name: capitalised inside a clause, after a word ("BBC Radio
/// 4's Today programme", "USA Today", "Are You Lonesome Tonight", "The Day
/// Today"). At a sentence's start, or after a quote mark, colon, bracket
/// or a stop the splitter kept ("in the U.K. Yesterday"), the capital is
/// only the clause's; all capitals ("this TODAY") are emphasis.
fn in_a_name(w: &[&str], i: usize) -> bool {
    let word = w[i];
    i > 0
        && word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && ["today", "tonight", "tomorrow", "yesterday"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(word))
        && w[i - 1].chars().any(char::is_alphanumeric)
        && !w[i - 1].ends_with('.')
}

/// Byte ranges inside double quotation marks, paragraph by paragraph.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push((o, i)),
                None => open = Some(i),
            },
            '\n' if text[i..].starts_with("\n\n") => open = None,
            _ => {}
        }
    }
    out
}

/// "today" or "tonight" inside a quotation is the day it was said, which in
/// a report is the day of the events: the last day-precise date named
/// before it ('Kipchoge ran on Saturday. "Today we went to the moon"'),
/// when there is one, and not after publication (a date to come, "to
/// leave office on August 2", is not when it was said). A "today" outside
/// quotes counts too: after "no signs of recovery today … in the wake of
/// Friday's drops … held up today", a quoted "today" is today (not a
/// "yesterday": '"… today," a dealer said' after "yesterday's rate cut").
fn quoted_today(text: &str, published: Option<NaiveDate>, dates: &mut [DateMention]) {
    let quotes = quoted_ranges(text);
    let quoted = |d: &DateMention| quotes.iter().any(|(a, b)| *a < d.start && d.end <= *b);
    for i in 0..dates.len() {
        let d = &dates[i];
        let word = d.text.to_lowercase();
        if d.kind != "relative" || !(word == "today" || word == "tonight") {
            continue;
        }
        if !quoted(d) {
            continue;
        }
        let said_on = dates[..i]
            .iter()
            .rev()
            .filter(|p| {
                let now = || matches!(p.text.to_lowercase().as_str(), "today" | "tonight");
                p.granularity == "day" && (p.kind != "relative" || now() && !quoted(p))
            })
            .filter_map(|p| p.value.as_deref())
            .find(|v| {
                let day = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
                published.is_none_or(|p| day.is_some_and(|d| d <= p))
            })
            .map(str::to_string);
        if let Some(v) = said_on {
            dates[i].value = Some(v);
        }
    }
}

type Found = (usize, Option<String>, &'static str, &'static str);

fn absolute(w: &[&str], i: usize, published: Option<NaiveDate>) -> Option<Found> {
    // ISO: 2020-01-05 (only words with a digit and a dash are tried).
    let iso_like = w[i].contains('-') && w[i].bytes().any(|b| b.is_ascii_digit());
    if let Some(d) = iso_like
        .then(|| NaiveDate::parse_from_str(w[i], "%Y-%m-%d").ok())
        .flatten()
    {
        return Some((1, Some(d.to_string()), "day", "absolute"));
    }
    let comma = |k: usize| w.get(k) == Some(&",");
    // Month Day[,] Year | Month Day | Month Year
    if let Some(m) = month(w[i]).filter(|_| w[i].chars().next().is_some_and(char::is_uppercase)) {
        if let Some(d) = w.get(i + 1).and_then(|x| day_number(x)) {
            let (yk, skip) = if comma(i + 2) { (i + 3, 4) } else { (i + 2, 3) };
            if let Some(y) = w.get(yk).and_then(|x| year_number(x)) {
                return NaiveDate::from_ymd_opt(y, m, d)
                    .map(|dt| (skip, Some(dt.to_string()), "day", "absolute"));
            }
            let y = published.map(|p| year_for(p, m))?;
            return NaiveDate::from_ymd_opt(y, m, d)
                .map(|dt| (2, Some(dt.to_string()), "day", "absolute"));
        }
        if let Some(y) = w.get(i + 1).and_then(|x| year_number(x)) {
            return Some((2, Some(format!("{y:04}-{m:02}")), "month", "absolute"));
        }
    }
    // Day Month [Year]
    if let (Some(d), Some(m)) = (day_number(w[i]), w.get(i + 1).and_then(|x| month(x))) {
        if !w[i].chars().all(|c| c.is_ascii_digit()) && !w[i].ends_with(['s', 't', 'd', 'h']) {
            return None;
        }
        if let Some(y) = w.get(i + 2).and_then(|x| year_number(x)) {
            return NaiveDate::from_ymd_opt(y, m, d)
                .map(|dt| (3, Some(dt.to_string()), "day", "absolute"));
        }
        let y = published.map(|p| year_for(p, m))?;
        return NaiveDate::from_ymd_opt(y, m, d)
            .map(|dt| (2, Some(dt.to_string()), "day", "absolute"));
    }
    None
}

/// The year of a month named without one: the publish year, unless that
/// puts it more than six months after publication.
fn year_for(published: NaiveDate, m: u32) -> i32 {
    if m as i32 - published.month() as i32 > 6 {
        published.year() - 1
    } else {
        published.year()
    }
}

/// A relative expression at token `i` ("yesterday", "last week", "three
/// days ago", "earlier this month"), resolved against publication.
fn relative(lw: &[String], i: usize, published: Option<NaiveDate>) -> Option<Found> {
    let p = published;
    let at = |k: usize| lw.get(i + k).map_or("", String::as_str);
    let day = |n: i64| p.map(|p| (p + Duration::days(n)).to_string());
    let week = |n: i64| {
        p.map(|p| p + Duration::weeks(n))
            .map(|d| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()))
    };
    let month_of = |n: i32| {
        p.map(|p| {
            let total = p.year() * 12 + p.month0() as i32 + n;
            format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            )
        })
    };
    let year_of = |n: i32| p.map(|p| format!("{:04}", p.year() + n));
    Some(match (at(0), at(1), at(2)) {
        // "Women of today" is an age, not a day ("as of today" and "of
        // today's talks" are one).
        ("today", next, _)
            if i >= 1
                && lw[i - 1] == "of"
                && (i < 2 || lw[i - 2] != "as")
                && !matches!(next, "'s" | "’s") =>
        {
            return None
        }
        ("today" | "tonight", _, _) => (1, day(0), "day", "relative"),
        ("yesterday", _, _) => (1, day(-1), "day", "relative"),
        ("tomorrow", _, _) => (1, day(1), "day", "relative"),
        ("last", "week", _) => (2, week(-1), "week", "relative"),
        ("this", "week", _) => (2, week(0), "week", "relative"),
        ("next", "week", _) => (2, week(1), "week", "relative"),
        ("earlier" | "later", "this", "month") => (3, month_of(0), "month", "relative"),
        ("earlier" | "later", "this", "year") => (3, year_of(0), "year", "relative"),
        ("earlier" | "later", "this", "week") => (3, week(0), "week", "relative"),
        ("last", "month", _) => (2, month_of(-1), "month", "relative"),
        ("this", "month", _) => (2, month_of(0), "month", "relative"),
        ("next", "month", _) => (2, month_of(1), "month", "relative"),
        ("last", "year", _) => (2, year_of(-1), "year", "relative"),
        ("this", "year", _) => (2, year_of(0), "year", "relative"),
        ("next", "year", _) => (2, year_of(1), "year", "relative"),
        (n, unit, "ago") if number_word(n).is_some() => {
            let n = number_word(n)?;
            match unit.trim_end_matches('s') {
                "day" => (3, day(-n), "day", "relative"),
                "week" => (3, week(-n), "week", "relative"),
                "month" => (3, month_of(-(n as i32)), "month", "relative"),
                "year" => (3, year_of(-(n as i32)), "year", "relative"),
                _ => return None,
            }
        }
        _ => return None,
    })
}

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn version(&self) -> &'static str {
        "1.7.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let published = article.meta.published_at.map(|t| t.date_naive());
        let dates = find_dates_in(&article.text, out.analysis(article), published);
        out.dates = Some(dates);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
