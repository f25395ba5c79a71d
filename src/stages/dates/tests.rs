//! The dates stage's tests: data-driven, against a publish date of
//! Sunday 5 January 2020.

use super::*;

#[test]
fn month_and_weekday_words() {
    for (w, m) in [
        ("March", Some(3)),
        ("mar.", Some(3)),
        ("SEPT", Some(9)),
        ("Sept.", Some(9)),
        ("September", Some(9)),
        ("May", Some(5)),
        ("Ma", None),
        ("Marching", None),
        ("Septembre", None),
        ("März", None),
    ] {
        assert_eq!(month(w), m, "{w}");
    }
    for (w, d) in [
        ("Tues.", Some(Weekday::Tue)),
        ("SUNDAY", Some(Weekday::Sun)),
        ("thurs", Some(Weekday::Thu)),
        ("Sunday's", None),
        ("Mo", None),
    ] {
        assert_eq!(weekday(w), d, "{w}");
    }
}

/// (text, expected [(surface, value)]) against a publish date of Sunday 2020-01-05.
fn check(text: &str, expect: &[(&str, Option<&str>)]) {
    let pub_date = NaiveDate::from_ymd_opt(2020, 1, 5);
    let got: Vec<(String, Option<String>)> = find_dates(text, pub_date)
        .into_iter()
        .map(|d| (d.text, d.value))
        .collect();
    let want: Vec<(String, Option<String>)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
        .collect();
    assert_eq!(got, want, "{text:?}");
}

#[test]
fn absolute_dates() {
    check(
        "deployed on January 1, 2020.",
        &[("January 1, 2020", Some("2020-01-01"))],
    );
    check(
        "On 30 August 1996 and 1996-08-30.",
        &[
            ("30 August 1996", Some("1996-08-30")),
            ("1996-08-30", Some("1996-08-30")),
        ],
    );
    check(
        "talks resumed on Dec. 28 and in March 2019",
        &[
            ("Dec. 28", Some("2019-12-28")),
            ("March 2019", Some("2019-03")),
        ],
    );
    check("Talks may resume.", &[]);
}

#[test]
fn a_weekday_abbreviation_needs_a_date_beside_it() {
    check("The Sun reported the deal.", &[]);
    check("Insurer Axa Sun Life cut its bonus.", &[]);
    check("Barkley, who sat out the derby, returned.", &[]);
    check("the black hole V616 Mon was seen", &[]);
    check(
        "Filed Sat 4 Jan 2020 in Paris.",
        &[
            ("Sat", Some("2020-01-04")),
            ("4 Jan 2020", Some("2020-01-04")),
        ],
    );
    check(
        "Sun., Jan. 5: talks.",
        &[("Sun", Some("2020-01-05")), ("Jan. 5", Some("2020-01-05"))],
    );
}

#[test]
fn a_future_seen_from_a_report_is_the_nearest_such_day() {
    // Published Sunday 5 January 2020.
    check(
        "The Senate announced it would meet on Monday.",
        &[("Monday", Some("2020-01-06"))],
    );
    check(
        "The board said it would vote on Friday.",
        &[("Friday", Some("2020-01-03"))],
    );
    check(
        "The Senate announced it would meet on Sunday.",
        &[("Sunday", Some("2020-01-05"))],
    );
    // So is the end of a spell after "until", whatever the verb's tense.
    check(
        "The city ordered offices closed until Tuesday.",
        &[("Tuesday", Some("2020-01-07"))],
    );
    check(
        "The road stayed shut until Friday.",
        &[("Friday", Some("2020-01-03"))],
    );
    check(
        "The team will stay in the city until Thursday.",
        &[("Thursday", Some("2020-01-09"))],
    );
}

#[test]
fn weekdays_follow_tense() {
    check(
        "The warnings apply from tomorrow night into Friday morning.",
        &[
            ("tomorrow", Some("2020-01-06")),
            ("Friday morning", Some("2020-01-10")),
        ],
    );
    check(
        "The parliament voted Sunday.",
        &[("Sunday", Some("2020-01-05"))],
    );
    check(
        "killed in an airstrike Thursday night.",
        &[("Thursday night", Some("2020-01-02"))],
    );
    check(
        "Lawmakers will meet on Tuesday.",
        &[("Tuesday", Some("2020-01-07"))],
    );
    check(
        "It happened last Sunday.",
        &[("Sunday", Some("2019-12-29"))],
    );
    check("They meet next Sunday.", &[("Sunday", Some("2020-01-12"))]);
    // "be to" of an arrangement is a future.
    check(
        "On Wednesday, the mayor and his wife are to travel to Rome.",
        &[("Wednesday", Some("2020-01-08"))],
    );
    // "next" before no time word marks no future.
    check(
        "the next highest country, the UK, reported 37,542 deaths as of Wednesday.",
        &[("Wednesday", Some("2020-01-01"))],
    );
    check(
        "the next highest country, Britain, reporting 37,542 deaths as of Wednesday.",
        &[("Wednesday", Some("2020-01-01"))],
    );
    check(
        "Dealers expect calm for the next few days as the market awaits this Thursday's figures.",
        &[("Thursday", Some("2020-01-09"))],
    );
    // A capitalised word in "-ed" is a name, not a past participle.
    check(
        "On Wednesday, Mohamed and his father are to travel to Rome.",
        &[("Wednesday", Some("2020-01-08"))],
    );
    // Irregular past forms mark the past; "expect to" the future.
    check(
        "Officials met on Monday and will decide within days.",
        &[("Monday", Some("2019-12-30"))],
    );
    check(
        "Repairs began on Tuesday and crews expect to finish by Friday.",
        &[
            ("Tuesday", Some("2019-12-31")),
            ("Friday", Some("2020-01-10")),
        ],
    );
    // "to" alone does not make a future; "plans to" does.
    check(
        "Protesters returned to the streets on Friday.",
        &[("Friday", Some("2020-01-03"))],
    );
    check(
        "The board plans to vote on Friday.",
        &[("Friday", Some("2020-01-10"))],
    );
    check(
        "It is paying 35 dlrs a share in a tender offer to begin Thursday.",
        &[("Thursday", Some("2020-01-09"))],
    );
    check(
        "The airport was to open on Friday morning.",
        &[("Friday morning", Some("2020-01-03"))],
    );
    check(
        "The Treasury will issue between eight and 12 billion francs worth of stock depending on market conditions at its monthly tender on Thursday, the Bank of France said.",
        &[("Thursday", Some("2020-01-09"))],
    );
    check(
        "The toll rose to six due to a landslide after an aftershock on Saturday.",
        &[("Saturday", Some("2020-01-04"))],
    );
    check(
        "The report will be released on Friday.",
        &[("Friday", Some("2020-01-10"))],
    );
    check(
        "On Friday, the minister said talks had failed.",
        &[("Friday", Some("2020-01-03"))],
    );
    check(
        "On Friday, the minister will open talks.",
        &[("Friday", Some("2020-01-10"))],
    );
    check(
        "It was agreed last Thursday.",
        &[("Thursday", Some("2020-01-02"))],
    );
    check(
        "It was agreed last Saturday.",
        &[("Saturday", Some("2019-12-28"))],
    );
}

#[test]
fn today_in_a_quote_is_the_day_it_was_said() {
    check(
        "He won on Thursday. \"Today I am happy,\" he said. Today markets rose.",
        &[
            ("Thursday", Some("2020-01-02")),
            ("Today", Some("2020-01-02")),
            ("Today", Some("2020-01-05")),
        ],
    );
    // After an unquoted "today" named since, it is today.
    check(
        "Markets were calm today after Friday's falls. Bonds held up today. \
         \"There was no business today,\" a trader said.",
        &[
            ("today", Some("2020-01-05")),
            ("Friday", Some("2020-01-03")),
            ("today", Some("2020-01-05")),
            ("today", Some("2020-01-05")),
        ],
    );
    // Without an earlier day, the publication day.
    check(
        "\"Today is historic,\" she said.",
        &[("Today", Some("2020-01-05"))],
    );
    // A date to come is not the day it was said (2026-12-03 (dy)).
    check(
        "She resigned on Thursday, to leave office on January 20. \"Today I feel free,\" she said.",
        &[
            ("Thursday", Some("2020-01-02")),
            ("January 20", Some("2020-01-20")),
            ("Today", Some("2020-01-02")),
        ],
    );
}

#[test]
fn the_next_month_of_a_narrative_follows_the_last_date_named() {
    check(
        "Bayes withdrew in March 2019. The next month, Gammon ran.",
        &[
            ("March 2019", Some("2019-03")),
            ("next month", Some("2019-04")),
        ],
    );
    check(
        "It opened on 12 December 2018 and closed the next year.",
        &[
            ("12 December 2018", Some("2018-12-12")),
            ("next year", Some("2019")),
        ],
    );
    // No date before: unknown. A duration runs from publication.
    check("The next month, Gammon ran.", &[("next month", None)]);
    check(
        "In March 2003 he said: I need help to get through the next year.",
        &[("March 2003", Some("2003-03")), ("next year", Some("2021"))],
    );
    check(
        "In March 2019 prices rose; over the next month they will fall.",
        &[
            ("March 2019", Some("2019-03")),
            ("next month", Some("2020-02")),
        ],
    );
}

#[test]
fn a_weekday_written_with_its_date_is_that_date() {
    check(
        "It was planned to end on Saturday, January 11.",
        &[
            ("Saturday", Some("2020-01-11")),
            ("January 11", Some("2020-01-11")),
        ],
    );
    // A date on another weekday is a slip of the writer's: each stays.
    check(
        "It ended on Saturday, January 10.",
        &[
            ("Saturday", Some("2020-01-04")),
            ("January 10", Some("2020-01-10")),
        ],
    );
}

#[test]
fn a_day_inside_a_name_is_no_date() {
    check("he told BBC Radio 4's Today programme", &[]);
    check("moderated by USA Today editor Susan Page", &[]);
    check("Are You Lonesome Tonight and The Day Today", &[]);
    check("The Sunday Times said Sheffield Wednesday lost.", &[]);
    check("Bloody Sunday and Saturday Night Takeaway", &[]);
    check(
        "The festival opened on Saturday Night as crowds gathered.",
        &[("Saturday Night", Some("2020-01-04"))],
    );
    check(
        "He said: Today we won. On Sunday Mr Blair spoke.",
        &[
            ("Today", Some("2020-01-05")),
            ("Sunday", Some("2020-01-05")),
        ],
    );
    check(
        "drug maker in the U.K. Yesterday sales rose, this TODAY.",
        &[
            ("Yesterday", Some("2020-01-04")),
            ("TODAY", Some("2020-01-05")),
        ],
    );
    check(
        "Punta Tombo [...] Today, it is warm.",
        &[("Today", Some("2020-01-05"))],
    );
}

#[test]
fn an_age_is_no_day() {
    check("Women of today are equal.", &[]);
    check(
        "the outcome of today's talks",
        &[("today", Some("2020-01-05"))],
    );
    check("As of today, 12 cases.", &[("today", Some("2020-01-05"))]);
}

#[test]
fn relative_expressions() {
    check(
        "Yesterday and three days ago",
        &[
            ("Yesterday", Some("2020-01-04")),
            ("three days ago", Some("2020-01-02")),
        ],
    );
    check("as he said last week", &[("last week", Some("2019-W52"))]);
    check(
        "announced earlier this month",
        &[("earlier this month", Some("2020-01"))],
    );
    check("profits fell last year", &[("last year", Some("2019"))]);
}

#[test]
fn no_publish_time_leaves_relative_unresolved() {
    let d = find_dates("They met Sunday, on January 1, 2020.", None);
    assert_eq!(d[0].value, None);
    assert_eq!(d[1].value.as_deref(), Some("2020-01-01"));
}

#[test]
fn a_weekday_range_runs_forward() {
    // Published Sunday 5 January 2020: the range started in the past and
    // ends after publication.
    check(
        "Flags flew at half-mast from Friday to Monday.",
        &[
            ("Friday", Some("2020-01-03")),
            ("Monday", Some("2020-01-06")),
        ],
    );
    check(
        "He declared three days of mourning, Thursday through Saturday.",
        &[
            ("Thursday", Some("2020-01-02")),
            ("Saturday", Some("2020-01-04")),
        ],
    );
    // Not a range: two days of one report.
    check(
        "Talks failed on Friday and resumed Monday.",
        &[
            ("Friday", Some("2020-01-03")),
            ("Monday", Some("2019-12-30")),
        ],
    );
}

#[test]
fn scheduled_after_a_noun_leaves_the_tense_to_the_clause() {
    check(
        "Other games scheduled for Wednesday were still held.",
        &[("Wednesday", Some("2020-01-01"))],
    );
    check(
        "The vote scheduled for Thursday will go ahead.",
        &[("Thursday", Some("2020-01-09"))],
    );
    check(
        "Talks scheduled for Thursday.",
        &[("Thursday", Some("2020-01-09"))],
    );
    // Nothing after it in its clause: the earlier past tense is the
    // report's, and the day still to come.
    check(
        "The firm said a reply would be made at its meeting, scheduled for Tuesday.",
        &[("Tuesday", Some("2020-01-07"))],
    );
    check(
        "Shares rose ahead of a meeting scheduled for Friday, traders said.",
        &[("Friday", Some("2020-01-10"))],
    );
    check(
        "The talks are scheduled for Thursday.",
        &[("Thursday", Some("2020-01-09"))],
    );
}
