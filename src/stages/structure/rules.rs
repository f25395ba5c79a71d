//! Line-level rules of the structure stage: what a bullet, a credit line, a
//! caption, a byline, a dateline or a piece of boilerplate looks like.
//! Every rule takes a normalised line (see `text::normalise`).

/// Bullet markers that open a key point or list item.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '‣', '●', '*', '-', '–', '—'];

/// If the line is a bullet item, the byte length of its marker plus spaces.
pub(super) fn bullet_prefix(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let after = &line[first.len_utf8()..];
    // "--" opens a credit line, not a bullet; a bullet needs a following space.
    if !after.starts_with(' ') || after.trim().is_empty() {
        return None;
    }
    Some(line.len() - after.trim_start().len())
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';'])
}

/// A short, unpunctuated line that can head the article.
pub(super) fn headline_like(s: &str, max_words: usize) -> bool {
    let w = word_count(s);
    w >= 1
        && w <= max_words
        && !s
            .trim_end_matches(['"', '”', '’'])
            .ends_with(['.', ':', ';', ','])
}

/// A section or desk label such as "World Politics".
pub(super) fn section_like(s: &str) -> bool {
    let w = word_count(s);
    (1..=4).contains(&w)
        && s.chars().count() <= 40
        && !ends_sentence(s)
        && bullet_prefix(s).is_none()
}

const KEY_POINT_HEADINGS: &[&str] = &[
    "key points",
    "key takeaways",
    "highlights",
    "in brief",
    "at a glance",
    "what you need to know",
    "summary",
    "the gist",
];

pub(super) fn key_point_heading(s: &str, extra: &[String]) -> bool {
    let h = s.trim_end_matches(':').trim().to_lowercase();
    KEY_POINT_HEADINGS.contains(&h.as_str()) || extra.iter().any(|e| e.to_lowercase() == h)
}

/// "By Jane Doe", "By Jane Doe and John Roe | Reuters".
pub(super) fn byline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return false;
    };
    word_count(rest) <= 12
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !ends_sentence(rest)
}

/// "-- Reuters contributed to this report", "Reporting by X; Editing by Y".
pub(super) fn credit(s: &str) -> bool {
    let lower = s.to_lowercase();
    let dashed = s.starts_with("--") || s.starts_with('—') || s.starts_with('–');
    const CREDIT_WORDS: &[&str] = &[
        "contributed",
        "reporting",
        "writing by",
        "editing by",
        "compiled by",
        "contributing",
    ];
    const CREDIT_STARTS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "writing by",
        "editing by",
        "compiled by",
        "(reporting by",
        "(additional reporting",
    ];
    word_count(s) <= 40
        && ((dashed && CREDIT_WORDS.iter().any(|w| lower.contains(w)))
            || CREDIT_STARTS.iter().any(|p| lower.starts_with(p))
            || lower.contains("contributed to this report"))
}

/// Cues that mark a photo caption anywhere in the text.
pub(super) fn strong_caption(s: &str) -> bool {
    let lower = s.to_lowercase();
    const STARTS: &[&str] = &[
        "photo:",
        "image:",
        "caption:",
        "file photo",
        "(photo",
        "pictured:",
        "photograph:",
    ];
    const CONTAINS: &[&str] = &[
        "photo by ",
        "| getty images",
        "reuters/",
        "(ap photo",
        "afp via getty",
        "photo credit",
    ];
    STARTS.iter().any(|p| lower.starts_with(p))
        || CONTAINS.iter().any(|p| lower.contains(p))
        || ends_in_photo_credit(s)
}

/// A short block that ends in its photo's credit: "Fire in the frame of
/// Notre Dame. Image: Jane Roe.", "Sirhan in 1969 (Image: CDCR)", and, as
/// web copy glues them, "Jo JorgensenImage: Jo Jorgensen for President.".
/// The credit is at most eight words and the block at most forty.
fn ends_in_photo_credit(s: &str) -> bool {
    // (The cue's colon is the block's last: a credit has none. Most blocks
    // stop at this search, before any word is counted.)
    let Some(colon) = s.rfind(':') else {
        return false;
    };
    let Some(cue) = crate::nlp::photo_credits::cue_at_end(&s[..colon], true) else {
        return false;
    };
    let at = colon - cue.len();
    let before = s[..at].chars().next_back();
    let credit = s[colon + 1..].trim_end_matches([')', '.', ' ']);
    before.is_some_and(|c| c.is_whitespace() || c == '(' || c.is_alphabetic())
        && (1..=8).contains(&word_count(credit))
        && word_count(s) <= 40
}

/// Weaker cue, used only between the headline and the first paragraph:
/// a photo word among the first eight words.
pub(super) fn weak_caption(s: &str) -> bool {
    s.split_whitespace().take(8).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        matches!(
            w.as_str(),
            "photo" | "picture" | "pictured" | "handout" | "image" | "photograph"
        )
    })
}

/// Why a line is promotional or navigational boilerplate, if it is.
pub(super) fn boilerplate(s: &str, extra_prefixes: &[String]) -> Option<&'static str> {
    let lower = s.to_lowercase();
    const PROMO: &[&str] = &[
        "subscribe to",
        "subscribe now",
        "sign up for",
        "sign up to",
        "click here",
        "follow us on",
        "download the",
        "get the app",
        "share this article",
        "read more:",
        "advertisement",
        "sponsored content",
        "all rights reserved",
        "copyright ©",
        "©",
    ];
    const VIDEO: &[&str] = &[
        "watch:",
        "watch now",
        "video:",
        "related video",
        "related:",
        "more from",
        "also read",
        "read also",
    ];
    if VIDEO.iter().any(|p| lower.starts_with(p)) {
        return Some("video_or_related");
    }
    if PROMO.iter().any(|p| lower.starts_with(p)) || lower == "advertisement" {
        return Some("promotion");
    }
    if extra_prefixes
        .iter()
        .any(|p| lower.starts_with(&p.to_lowercase()))
    {
        return Some("configured");
    }
    None
}

/// A wire agency's sign-off, the story's last line alone ("Reuter",
/// "REUTER", "AP"): the agency's mark, not a name in the story.
pub(super) fn sign_off(s: &str) -> bool {
    const AGENCIES: &[&str] = &["reuter", "reuters", "ap", "afp", "upi", "dpa"];
    let word = s.trim().trim_end_matches('.').to_lowercase();
    AGENCIES.contains(&word.as_str())
}

/// A widget title that follows a "WATCH:" marker: short and unpunctuated.
pub(super) fn widget_title(s: &str) -> bool {
    word_count(s) <= 20 && !ends_sentence(s)
}

/// A parsed dateline: "BAGHDAD (Reuters) -", "GROSSETO, Italy (AP) --".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DatelineParts {
    /// Byte length of the dateline including its dash and trailing space.
    pub len: usize,
    pub location: String,
    pub source: Option<String>,
}

pub(super) fn dateline(s: &str) -> Option<DatelineParts> {
    let window = s
        .char_indices()
        .take_while(|(i, _)| *i < 80)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let head = &s[..window];
    let (dash_at, dash) = [" -- ", " — ", " – ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min()?;
    let prefix = head[..dash_at].trim();
    let (place, source) = match (prefix.find('('), prefix.ends_with(')')) {
        (Some(open), true) => (
            prefix[..open].trim(),
            Some(prefix[open + 1..prefix.len() - 1].trim().to_string()),
        ),
        _ => (prefix, None),
    };
    // "NEW YORK, March 3" carries the date after the place: drop it.
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let place = match place.rsplit_once(", ") {
        Some((p, d)) if months.iter().any(|m| d.to_lowercase().starts_with(m)) => p.trim(),
        _ => place,
    };
    let first_word = place.split([' ', ',']).next().unwrap_or("");
    let caps = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first_word
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !caps
        || place.is_empty()
        || word_count(place) > 6
        || place.contains(['.', '"']) && !place.contains(", ")
    {
        return None;
    }
    Some(DatelineParts {
        len: dash_at + dash.len(),
        location: crate::text::title_case_caps(place),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        type Case = (&'static str, fn(&str) -> bool, bool);
        let cases: &[Case] = &[
            ("• Point one", |s| bullet_prefix(s).is_some(), true),
            (
                "-- Reuters contributed",
                |s| bullet_prefix(s).is_some(),
                false,
            ),
            ("-- Reuters contributed to this report", credit, true),
            ("Reuter", sign_off, true),
            (" REUTER", sign_off, true),
            ("AP.", sign_off, true),
            ("Reuter said.", sign_off, false),
            ("Paul Reuter", sign_off, false),
            ("Reporting by Jane Doe; Editing by Sam Roe", credit, true),
            (
                "The minister said reporting by the press was unfair.",
                credit,
                false,
            ),
            ("By Jane Doe and Sam Roe", byline, true),
            ("By the end of the year, prices rose.", byline, false),
            ("World Politics", section_like, true),
            ("Markets rallied on Tuesday.", section_like, false),
            ("Key Points", |s| key_point_heading(s, &[]), true),
            ("Highlights:", |s| key_point_heading(s, &[]), true),
            (
                "A file photo shows the port. REUTERS/Jane Doe",
                strong_caption,
                true,
            ),
            (
                "Fire in the frame of Notre Dame. Image: Jane Roe.",
                strong_caption,
                true,
            ),
            ("Sirhan in 1969 (Image: CDCR)", strong_caption, true),
            (
                "Jo RoeImage: Jo Roe for President.",
                strong_caption,
                true,
            ),
            // A credit is short: a sentence after the cue is not one.
            (
                "The agency said: Image: the new logo would be used on every building the firm owns.",
                strong_caption,
                false,
            ),
            (
                "This handout picture released by the army shows troops.",
                weak_caption,
                true,
            ),
            (
                "The parliament passed a resolution on Sunday.",
                weak_caption,
                false,
            ),
        ];
        for (input, f, expect) in cases {
            assert_eq!(f(input), *expect, "{input:?}");
        }
        assert_eq!(
            boilerplate("Subscribe to CNBC on YouTube.", &[]),
            Some("promotion")
        );
        assert_eq!(
            boilerplate("WATCH: Expert on the vote", &[]),
            Some("video_or_related")
        );
        assert_eq!(
            boilerplate("Sponsored by Acme", &["sponsored by".into()]),
            Some("configured")
        );
        assert_eq!(boilerplate("Lawmakers watched the vote.", &[]), None);
    }

    #[test]
    fn datelines() {
        let d = dateline("BAGHDAD (Reuters) - Iraq's parliament voted.").unwrap();
        assert_eq!(
            (d.location.as_str(), d.source.as_deref(), d.len),
            ("Baghdad", Some("Reuters"), 20)
        );
        let d = dateline("GROSSETO, Italy (AP) -- The trial began.").unwrap();
        assert_eq!(
            (d.location.as_str(), d.source.as_deref()),
            ("Grosseto, Italy", Some("AP"))
        );
        let d = dateline("WASHINGTON — Lawmakers met.").unwrap();
        assert_eq!((d.location.as_str(), d.source), ("Washington", None));
        assert!(dateline("The U.S. - Iran talks ended.").is_none());
        let d = dateline("NEW YORK, March 3 - Stocks rose.").unwrap();
        assert_eq!((d.location.as_str(), d.source), ("New York", None));
        assert!(dateline("I - a pronoun").is_none());
    }
}
