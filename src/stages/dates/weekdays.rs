//! Weekdays in running text: whether an abbreviation names one, the
//! tense of its clause, and the calendar day it resolves to (the last
//! such day for the past, the next for the future, the nearest for a
//! future seen from a past report).

use chrono::{Datelike, Duration, NaiveDate};

use super::{month, weekday, DateMention, Found};
use crate::nlp;

const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];
/// Words before "to" that make it a future ("plans to meet on Monday").
const TO_FUTURE: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "expected",
    "set",
    "due",
    "going",
    "scheduled",
    "intends",
    "intend",
    "hopes",
    "hope",
    "aims",
    "aim",
    "expect",
    "expects",
    "wants",
    "want",
];

/// Words that open a noun phrase: after them "to" is a preposition.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
];

/// Words before "scheduled" that make it a verb ("was scheduled", "they
/// scheduled"), not a noun's modifier.
#[rustfmt::skip]
const SUBJECTS_AND_AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "it", "they", "he",
    "she", "we", "i", "you", "who", "which", "that", "not", "now", "also", "then",
];

/// Verbs of a scheduled event, whose infinitive names a future ("an offer
/// to begin Thursday"; not "returned to the streets on Friday").
#[rustfmt::skip]
const SCHEDULED: &[&str] = &[
    "begin", "start", "open", "close", "end", "expire", "resume", "reopen", "convene",
    "reconvene", "launch", "debut", "premiere", "vote", "testify",
];

/// The time a clause speaks of, as its tense marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// What happened: a bare weekday is the last such day.
    Past,
    /// What will happen: the next such day.
    Future,
    /// A future seen from a past report ("the Senate announced it would
    /// meet on Monday"): after the report, which may itself be days before
    /// publication, so the such day nearest publication either way.
    Reported,
}

/// The tense a word marks, if any.
fn tense_at(w: &[&str], lw: &[String], j: usize) -> Option<Tense> {
    let prev = j.checked_sub(1).map_or("", |k| lw[k].as_str());
    match lw[j].as_str() {
        "will" | "'ll" | "shall" | "upcoming" | "scheduled" | "tomorrow" => Some(Tense::Future),
        // "next week", "the next few days", "the next expiration Friday";
        // not "the next highest country".
        "next"
            if lw[j + 1..].iter().take(2).any(|n| {
                super::weekday(n).is_some()
                    || PARTS_OF_DAY.contains(&n.as_str())
                    || matches!(
                        n.as_str(),
                        "week"
                            | "weeks"
                            | "month"
                            | "months"
                            | "year"
                            | "years"
                            | "day"
                            | "days"
                            | "weekend"
                            | "session"
                            | "round"
                    )
            }) =>
        {
            Some(Tense::Future)
        }
        // Not "due to the landslide", "set to a record": a preposition.
        "to" if TO_FUTURE.contains(&prev)
            && !lw
                .get(j + 1)
                .is_some_and(|n| DETERMINERS.contains(&n.as_str())) =>
        {
            Some(Tense::Future)
        }
        // "On Wednesday, Mohamed and his father are to travel": "be to" of
        // an arrangement (not "the answer is to the point").
        "to" if matches!(prev, "is" | "are" | "am")
            && lw.get(j + 1).is_some_and(|n| {
                n.chars().all(|c| c.is_ascii_lowercase()) && !DETERMINERS.contains(&n.as_str())
            }) =>
        {
            Some(Tense::Future)
        }
        // "a tender offer to begin Thursday", "talks to resume Monday": an
        // infinitive of a scheduled event.
        "to" if lw
            .get(j + 1)
            .is_some_and(|v| SCHEDULED.contains(&v.as_str())) =>
        {
            // "was to open on Wednesday": planned, seen from the past.
            Some(match prev {
                "was" | "were" => Tense::Reported,
                _ => Tense::Future,
            })
        }
        "would" => Some(Tense::Reported),
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "been" | "last" | "earlier" => {
            Some(Tense::Past)
        }
        x if nlp::is_irregular_past(x) => Some(Tense::Past),
        // A past participle after "be" is passive, not past ("will be released").
        // A capitalised word is a name ("Mohamed", "Ahmed"), not a verb.
        x if x.len() > 4
            && x.ends_with("ed")
            && prev != "be"
            && !TO_FUTURE.contains(&x)
            && !w[j].starts_with(char::is_uppercase) =>
        {
            Some(Tense::Past)
        }
        _ => None,
    }
}

/// The tense of the clause around token `i`: the nearest tense marker
/// before it (within eight tokens), else the nearest after, but for a
/// reporting verb there (", the Bank of France said" reports the sentence;
/// it does not date its event), else the nearest further back in the
/// sentence ("The Treasury will issue ... at its monthly tender on
/// Thursday"). Without one, the past: news reports what happened.
///
/// "scheduled" after a noun is a reduced relative ("Other games scheduled
/// for Wednesday were still held"): it makes the day a future unless the
/// clause's own verb, after the weekday and before a comma, says the past
/// ("the annual meeting, scheduled for Tuesday." and "a meeting scheduled
/// for Thursday and Friday, traders said" stay futures).
fn tense(w: &[&str], lw: &[String], i: usize) -> Tense {
    let near = (i.saturating_sub(8)..i).rev();
    let after =
        ((i + 1)..(i + 9).min(lw.len())).filter(|&j| !matches!(lw[j].as_str(), "said" | "told"));
    let far = (0..i.saturating_sub(8)).rev();
    let clause_after = ((i + 1)..(i + 9).min(lw.len()))
        .take_while(|&j| !matches!(lw[j].as_str(), "," | ";" | "." | ":"));
    for j in near.clone() {
        if reduced_scheduled(lw, j) {
            return clause_after
                .filter_map(|k| tense_at(w, lw, k))
                .next()
                .filter(|t| *t == Tense::Past)
                .unwrap_or(Tense::Future);
        }
        if tense_at(w, lw, j).is_some() {
            break;
        }
    }
    near.chain(after)
        .chain(far)
        .find_map(|j| tense_at(w, lw, j))
        .unwrap_or(Tense::Past)
}

/// Whether token `j` is "scheduled" modifying the noun before it ("games
/// scheduled for"), not a verb ("is scheduled", "were scheduled", "it
/// scheduled").
fn reduced_scheduled(lw: &[String], j: usize) -> bool {
    lw[j] == "scheduled"
        && j.checked_sub(1).is_some_and(|k| {
            let prev = lw[k].as_str();
            !prev.ends_with("ly") && !SUBJECTS_AND_AUXILIARIES.contains(&prev)
        })
}

/// Whether token `i`, a weekday's name, is one: a full name unless a
/// title or an event's name holds it ("The Sunday Times", "Saturday Night
/// Takeaway", "Sheffield Wednesday", "Bloody Sunday", "Super Tuesday",
/// "Black Friday"); an abbreviation ("Sun", "Sat.", "wed", "Mon") only
/// before a day number or a month ("Sat 4 Jan", "Sun., Jan. 5"), as alone
/// it is nearly always another word ("The Sun", "Axa Sun Life", "who sat
/// out", "V616 Mon").
fn names_a_weekday(w: &[&str], i: usize) -> bool {
    if w[i].trim_end_matches('.').len() >= 6 {
        // A capitalised part of the day makes a title only before another
        // capitalised word ("Saturday Night Takeaway", "Monday Night
        // Football"; "on Saturday Night as crowds gathered" is a day).
        let title = w.get(i + 1).is_some_and(|n| {
            TITLE_WORDS.contains(n)
                || (n.starts_with(char::is_uppercase)
                    && PARTS_OF_DAY.iter().any(|p| p.eq_ignore_ascii_case(n))
                    && w.get(i + 2)
                        .is_some_and(|x| x.starts_with(char::is_uppercase)))
        });
        let event = i > 0 && EVENT_WORDS.contains(&w[i - 1]);
        return !title && !event;
    }
    let next = w[i + 1..].iter().find(|x| !matches!(**x, "." | ","));
    next.is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()) || month(x).is_some())
}

/// Words after a weekday that make it a newspaper's or a programme's name.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "Times", "Telegraph", "Express", "Mirror", "Independent", "Mail", "Post", "Herald",
    "People", "Sport", "Business", "Live", "Programme", "Tribune", "Star", "Sun", "World",
    "Review", "Magazine", "Edition", "Politics", "Supplement",
];

/// Words before a weekday that make it an event's or a club's name.
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "Sheffield", "Bloody", "Super", "Black", "Good", "Cyber", "Ash", "Holy", "Palm", "Easter",
    "Maundy", "Shrove", "Giving", "Small", "Manic",
];

pub(super) fn weekday_expr(
    w: &[&str],
    lw: &[String],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let wd = weekday(&lw[i]).filter(|_| names_a_weekday(w, i))?;
    let prev = i.checked_sub(1).map(|j| lw[j].as_str());
    // The span is the weekday (and part of day); "last"/"next" only steer it.
    let tense = match prev {
        Some("last" | "past") => Tense::Past,
        Some("next" | "coming") => Tense::Future,
        // "ordered offices closed until Wednesday": the end of a spell the
        // report saw begin, which mostly runs past it, so a past verb
        // gives the such day nearest publication ("will remain until
        // Tuesday" stays ahead).
        Some("until" | "till") => match tense(w, lw, i) {
            Tense::Past => Tense::Reported,
            t => t,
        },
        Some("this") => tense(w, lw, i - 1),
        _ => tense(w, lw, i),
    };
    let forward = match tense {
        Tense::Past => false,
        Tense::Future => true,
        // Forward only when that day is nearer (a tie goes back: reports
        // are mostly of days past).
        Tense::Reported => published.is_some_and(|p| {
            let ahead = (7 + wd.num_days_from_monday() - p.weekday().num_days_from_monday()) % 7;
            ahead != 0 && ahead < 7 - ahead
        }),
    };
    let len = 1 + usize::from(
        lw.get(i + 1)
            .is_some_and(|n| PARTS_OF_DAY.contains(&n.as_str())),
    );
    let value = published.map(|p| {
        let mut d = p;
        if forward {
            if prev == Some("next") || prev == Some("coming") {
                d += Duration::days(1);
            }
            while d.weekday() != wd {
                d += Duration::days(1);
            }
        } else {
            if prev == Some("last") || prev == Some("past") {
                // "last Thursday" is not today, and not yesterday either
                // (a writer would say "yesterday").
                d -= Duration::days(2);
            }
            while d.weekday() != wd {
                d -= Duration::days(1);
            }
        }
        d.to_string()
    });
    Some((len, value, "day", "weekday"))
}

/// A weekday written with its date ("planned to end on Saturday, April
/// 4", "could commence on Tuesday, January 21") is that date, when the
/// date falls on that weekday, whatever the tense said.
pub(super) fn dated_weekdays(text: &str, dates: &mut [DateMention]) {
    for i in 0..dates.len().saturating_sub(1) {
        let (d, next) = (&dates[i], &dates[i + 1]);
        let gap = text.get(d.end..next.start).unwrap_or("x");
        let wd = d.text.split_whitespace().next().and_then(weekday);
        let date = next
            .value
            .as_deref()
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        if d.kind == "weekday" && next.kind == "absolute" && matches!(gap.trim(), "" | ",") {
            if let Some(date) = date.filter(|t| Some(t.weekday()) == wd) {
                dates[i].value = Some(date.to_string());
            }
        }
    }
}

/// The second weekday of a range ("three days of mourning, Wednesday
/// through Friday", "from Monday to Thursday", "Tuesday – Thursday") is the
/// first such day after the first, whatever tense its own clause has: a
/// range runs forward, even when it starts in the past and ends after
/// publication.
pub(super) fn weekday_ranges(text: &str, dates: &mut [DateMention]) {
    for i in 1..dates.len() {
        let (d, next) = (&dates[i - 1], &dates[i]);
        let gap = text.get(d.end..next.start).unwrap_or("x").trim();
        let joined = matches!(gap, "-" | "–" | "—")
            || ["through", "thru", "to", "until", "till"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(gap));
        if !(joined && d.kind == "weekday" && next.kind == "weekday") {
            continue;
        }
        let start = d
            .value
            .as_deref()
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        let wd = next.text.split_whitespace().next().and_then(weekday);
        if let (Some(mut day), Some(wd)) = (start, wd) {
            day += Duration::days(1);
            while day.weekday() != wd {
                day += Duration::days(1);
            }
            dates[i].value = Some(day.to_string());
        }
    }
}
