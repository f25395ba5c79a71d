//! Attribution: the speaker of a quotation from the text around it (verbs
//! of saying, the subject before the verb, addressees and affiliations
//! left out, pronouns to the last person of their gender).

use crate::document::Span;
use crate::nlp::gender::Gender;

/// Verbs (and "according") that attribute speech, in the forms news uses.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "states",
    "declared",
    "asked",
    "asks",
    "wrote",
    "writes",
    "writing",
    "read",
    "reads",
    "explained",
    "explains",
    "warned",
    "warns",
    "insisted",
    "noted",
    "notes",
    "noting",
    "argued",
    "argues",
    "announced",
    "according",
    "accused",
    "accuses",
    "blamed",
    "blames",
    "thanked",
    "outlined",
    "hailed",
    "branded",
    "dubbed",
    "labelled",
    "labeled",
    "condemned",
    "recalled",
    "recalls",
    "replied",
    "stressed",
    "observed",
    "commented",
    "remarked",
    "tweeted",
    "posted",
    "spoke",
    "continued",
    "concluded",
    "shared",
    "described",
    "admitted",
    "acknowledged",
    "confirmed",
    "claimed",
    "suggested",
    "urged",
    "responded",
    "testified",
    "reflected",
    "predicted",
    "vowed",
    "promised",
    "joked",
    "conceded",
    "complained",
    "lamented",
    "praised",
    "criticized",
    "criticised",
    "emphasized",
    "emphasised",
    "revealed",
    "affirmed",
    "denied",
    "demanded",
    "called",
    "calling",
    "marveled",
    "marvelled",
    "cited",
    "citing",
    "thinking",
];

/// Words after which a name is the one spoken to ("told ABC News") or an
/// affiliation ("Jane Doe of Acme University said"), not the speaker.
const NOT_SPEAKER_AFTER: &[&str] = &[
    "told", "tells", "telling", "tell", "to", "of", "at", "from", "for", "with", "by", "on", "in",
    "via",
];

/// Nouns for an owner's own words ("the WHO's website said").
const CHANNELS: &[&str] = &[
    "statement",
    "statements",
    "advert",
    "advertisement",
    "website",
    "site",
    "report",
    "letter",
    "tweet",
    "tweets",
    "account",
    "post",
    "blog",
    "announcement",
    "decree",
    "ruling",
    "judgment",
    "judgement",
    "summary",
    "message",
    "email",
    "filing",
    "communique",
    "notice",
];

/// How many names before a quote a description, a pronoun or "it" may
/// refer back to. An antecedent is a few paragraphs back at most (a news
/// article names 50 on average), and an input of 14,000 described quotes
/// took 150 s when every one searched the whole article.
const LOOK_BACK: usize = 200;

/// An entity mention usable as a speaker.
pub(super) struct SpeakerRef {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) id: String,
    pub(super) name: String,
    pub(super) is_person: bool,
    pub(super) gender: Option<Gender>,
}

/// The word before byte `at` in `text`, lower-cased, skipping "the"; none
/// across a sentence or paragraph end (see [`crate::nlp::word_before`]).
fn word_before(text: &str, at: usize) -> String {
    match crate::nlp::word_before(text, at) {
        Some((start, w)) if w.eq_ignore_ascii_case("the") => crate::nlp::word_before(text, start)
            .map(|(_, w)| w.to_lowercase())
            .unwrap_or_default(),
        Some((_, w)) => w.to_lowercase(),
        None => String::new(),
    }
}

pub(super) type Attribution = (Option<String>, Option<String>, Option<String>);

/// The speaker of one window of text that holds a verb of saying at
/// `vpos` (relative to `a`): the person nearest the verb that is not an
/// addressee or an affiliation, else such an organisation (a statement),
/// else a pronoun's person.
fn speaker_in(
    text: &str,
    a: usize,
    b: usize,
    mark: usize,
    vpos: usize,
    verb: &str,
    speakers: &[SpeakerRef],
) -> Option<Attribution> {
    let at_verb = (a + vpos) as i64;
    let found = |s: &SpeakerRef| {
        (
            Some(s.id.clone()),
            Some(text[s.start..s.end].to_string()),
            Some(verb.to_string()),
        )
    };
    // Before the quote ("X of Y said about Z: "), the subject is in the
    // clause: it starts after the last ';' or ':' before the verb.
    let subject_first = b == mark;
    let clause_start = if subject_first {
        text[a..a + vpos].rfind([';', ':']).map_or(a, |i| a + i + 1)
    } else {
        a
    };
    // `speakers` are in text order: the names inside the window by
    // bisection.
    let from = speakers.partition_point(|s| s.start < clause_start);
    let to = speakers.partition_point(|s| s.start < b);
    let free: Vec<&SpeakerRef> = speakers[from..to.max(from)]
        .iter()
        .filter(|s| s.end <= b)
        .filter(|s| {
            !NOT_SPEAKER_AFTER.contains(&word_before(text, s.start).as_str()) || verb == "according"
        })
        // "Dunn's mother said": a possessor is not the speaker, unless
        // what it owns is its own words ("the WHO's website said").
        .filter(|s| !text[s.end..].starts_with(['\'', '’']) || owns_its_words(&text[s.end..]))
        .collect();
    // "Said the Pew report: …": the verb opens its clause, the subject
    // follows it.
    let inverted = !text[clause_start..(at_verb as usize).max(clause_start)]
        .chars()
        .any(char::is_alphanumeric);
    let nearest = |pool: &[&SpeakerRef], person: bool| {
        // Before the quote, an organisation after the verb is its object
        // ("He will say that the Lib Dems …"), not its subject.
        let of_kind: Vec<&SpeakerRef> = pool
            .iter()
            .copied()
            .filter(|s| s.is_person == person)
            .filter(|s| {
                person
                    || !subject_first
                    || verb == "according"
                    || (s.end as i64) <= at_verb
                    || inverted
            })
            .collect();
        if subject_first {
            // The name nearest before the verb, or the one it is "of" or
            // "at" ("Peter Doe of Ending Abuse Now said").
            let before: Vec<&SpeakerRef> = of_kind
                .iter()
                .copied()
                .filter(|s| (s.end as i64) <= at_verb)
                .collect();
            if let Some(mut pick) = before.iter().copied().max_by_key(|s| s.end) {
                while let Some(e) = before
                    .iter()
                    .copied()
                    .filter(|e| e.end <= pick.start)
                    .max_by_key(|e| e.end)
                {
                    let between = &text[e.end..pick.start];
                    if (between.contains(" of ") || between.contains(" at "))
                        && between.split_whitespace().count() <= 12
                    {
                        pick = e;
                    } else {
                        break;
                    }
                }
                return Some(found(pick));
            }
        }
        of_kind
            .iter()
            .min_by_key(|s| {
                (s.start as i64 - at_verb)
                    .abs()
                    .min((s.end as i64 - at_verb).abs())
            })
            .map(|s| found(s))
    };
    // "…, he said": a pronoun right before the verb is its subject, so no
    // name elsewhere in the window speaks ("Asked whether the BBC should
    // have shown it, he said").
    let subject_word = crate::nlp::word_before(text, at_verb as usize).map(|(_, w)| w);
    let is_subject = |p: &str| subject_word.is_some_and(|w| w.eq_ignore_ascii_case(p));
    if !(is_subject("he") || is_subject("she") || is_subject("it")) {
        if let Some(f) = nearest(&free, true).or_else(|| nearest(&free, false)) {
            return Some(f);
        }
    }
    // "…," it said: the organisation that last said something before.
    if is_subject("it") {
        let limit = crate::nlp::word_before(text, at_verb as usize).map_or(mark.max(a), |(p, _)| p);
        return organisation_antecedent(text, limit, speakers).map(|s| {
            (
                Some(s.id.clone()),
                Some(s.name.clone()),
                Some(verb.to_string()),
            )
        });
    }
    // A pronoun: the last person named before the quote whose gender agrees.
    let lower = text[a..b].to_lowercase();
    let pron = ["he", "she"]
        .iter()
        .filter_map(|p| find_word(&lower, p).map(|at| (at, *p)))
        .min_by_key(|(at, _)| (*at as i64 - vpos as i64).abs())
        .and_then(|(at, p)| Gender::of_pronoun(p).map(|g| (at, g)));
    if let Some((at, g)) = pron {
        // The pronoun's person is named before the pronoun ("He accused Mr
        // Blair's government of …" is not Mr Blair).
        let limit = mark.max(a).min(a + at);
        let fits =
            |s: &SpeakerRef| s.is_person && s.end <= limit && s.gender.is_none_or(|x| x == g);
        // The names before the quote, by bisection (`speakers` are in text
        // order), not a scan of the article's people.
        let before = &speakers[..speakers.partition_point(|s| s.start < limit)];
        if let Some(s) = pronoun_antecedent(text, before, fits) {
            return Some((
                Some(s.id.clone()),
                Some(s.name.clone()),
                Some(verb.to_string()),
            ));
        }
    }
    None
}

/// The organisation an "it" speaking a quote stands for: within the three
/// sentences before `limit`, the last organisation named right before a
/// verb of saying ("the OECD said …. "…," it said").
fn organisation_antecedent<'s>(
    text: &str,
    limit: usize,
    speakers: &'s [SpeakerRef],
) -> Option<&'s SpeakerRef> {
    let mut from = limit;
    for _ in 0..3 {
        from = text[..from.saturating_sub(1)]
            .rfind(['.', '\n'])
            .map_or(0, |i| i + 1);
        if from == 0 {
            break;
        }
    }
    let hi = speakers.partition_point(|s| s.start < limit);
    let lo = speakers
        .partition_point(|s| s.start < from)
        .max(hi.saturating_sub(LOOK_BACK));
    speakers[lo..hi.max(lo)].iter().rev().find(|s| {
        !s.is_person && s.end <= limit && {
            let next = text[s.end..].trim_start();
            let word_end = next
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(next.len());
            word_end > 0
                && first_verb(&next[..word_end]).is_some_and(|(p, v)| p == 0 && v != "according")
        }
    })
}

/// The person a "he"/"she" before a quote stands for, among `before` (the
/// names before it, in text order) that `fits` (a person of the pronoun's
/// gender): the last such person's sentence, and in it the first such
/// person, its subject ("Later Mitsotakis met President Trump, where he
/// noted …" is Mitsotakis). (Preferring an earlier sentence's subject when
/// that person is not at the sentence's start was tried: development
/// quotes 153 → 150 of 179, and on BBC as many wrong as right changes.)
fn pronoun_antecedent<'s>(
    text: &str,
    before: &'s [SpeakerRef],
    fits: impl Fn(&SpeakerRef) -> bool,
) -> Option<&'s SpeakerRef> {
    // Among the last `LOOK_BACK` names only: a quote's antecedent is near.
    let before = &before[before.len().saturating_sub(LOOK_BACK)..];
    let last = before.iter().rposition(&fits)?;
    let from = text[..before[last].start]
        .rfind(['.', '\n'])
        .map_or(0, |i| i + 1);
    let lo = before[..=last].partition_point(|s| s.start < from);
    before[lo..=last].iter().find(|s| fits(s))
}

pub(super) fn attribute(
    text: &str,
    q: (usize, usize, usize, usize),
    paragraph: Span,
    speakers: &[SpeakerRef],
) -> Attribution {
    let (mark, _, _, close) = q;
    // The rest of the sentence after the quote, and the start of the sentence before it.
    // The paragraph the quote closes in (a quote may run over paragraphs).
    let para_end = text[close..].find('\n').map_or(text.len(), |i| close + i);
    let after_end = text[close..para_end]
        .find(". ")
        .map_or(para_end, |i| close + i + 1);
    let before_start = text[..mark].rfind(['\n', '.']).map_or(0, |i| i + 1);
    // The paragraph before, when this one opens with the quote ("X said:").
    let prev_para = (before_start == paragraph.start && mark <= paragraph.start + 1)
        .then(|| {
            let end = text[..paragraph.start].trim_end().len();
            let start = text[..end].rfind(['\n', '.']).map_or(0, |i| i + 1);
            (start, end)
        })
        .filter(|(s, e)| s < e);
    // After the quote only when the sentence runs on: '…," said X' or
    // '…" tweeted X', not '…." X said, "…' (X speaks the next quote).
    let content = text[q.1..q.2].trim_end();
    // A question or exclamation runs on into its attribution when a verb
    // of saying follows within three words ('"Why now?" Holmes asked.').
    let asked = content.ends_with(['?', '!'])
        && first_verb(&text[close..after_end])
            .is_some_and(|(v, _)| text[close..close + v].split_whitespace().count() <= 3);
    let runs_on = content.ends_with([',', '—', '-'])
        || asked
        || text[close..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c == ',' || c.is_lowercase());
    let mut windows = Vec::new();
    if runs_on {
        windows.push((close, after_end));
    }
    windows.push((before_start, mark));
    windows.extend(prev_para);
    let mut fallback: Attribution = (None, None, None);
    for (a, b) in windows {
        let window = &text[a..b];
        let Some((mut vpos, mut verb)) = first_verb(window) else {
            continue;
        };
        // "Asked about the inquiry, a Labour spokesman told …": a participle
        // opening the clause is not its verb when another follows.
        if ["asked", "writing", "speaking", "commenting", "responding"].contains(&verb)
            && !window[..vpos].chars().any(char::is_alphanumeric)
        {
            let from = vpos + verb.len();
            if let Some((v, w)) = first_verb(&window[from..]) {
                (vpos, verb) = (from + v, w);
            }
        }
        if let Some(found) = speaker_in(text, a, b, mark, vpos, verb, speakers) {
            return found;
        }
        // A non-entity speaker ("the resolution read").
        let subject = if vpos > 0 {
            window[..vpos]
                .trim_matches(|c: char| c == ',' || c == '"' || c == '”' || c.is_whitespace())
        } else {
            ""
        };
        if fallback.2.is_none() {
            let subject = (!subject.is_empty() && subject.split_whitespace().count() <= 6)
                .then(|| subject.to_string());
            fallback = (None, subject, Some(verb.to_string()));
        }
    }
    fallback
}

/// The person named as the subject of a verb of saying in the sentence
/// before a quote that opens its own sentence: the paraphrase before a
/// quote is the quoted person's ("Mr Herren says the project will grow.
/// "We plan …""). Stricter than the windows of [`attribute`], because the
/// sentence is not the quote's own: no quote marks in it (a quoted
/// sentence has its own attribution, which continuation carries), a person
/// (not an organisation or a phrase) named before the verb, and no
/// reporting clause of a pronoun ("Mr Blair has failed, he claimed" is not
/// Mr Blair's; "Jane Doe broke news when she revealed" is Jane Doe's). `(None, None, None)` when there is none.
pub(super) fn attribute_previous_sentence(
    text: &str,
    q: (usize, usize, usize, usize),
    speakers: &[SpeakerRef],
) -> Attribution {
    let none = (None, None, None);
    let mark = q.0;
    let before_start = text[..mark].rfind(['\n', '.']).map_or(0, |i| i + 1);
    if text[before_start..mark].chars().any(char::is_alphanumeric) {
        return none;
    }
    let end = text[..before_start]
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
        .len();
    let start = text[..end].rfind(['\n', '.']).map_or(0, |i| i + 1);
    if start >= end || text[start..end].contains(['"', '“', '”']) {
        return none;
    }
    // The first finite verb: "-ing" forms are as often nouns ("praise for
    // her writing") as reports.
    let mut from = start;
    let (at_verb, verb) = loop {
        match first_verb(&text[from..end]) {
            Some((v, verb)) if verb.ends_with("ing") => from += v + verb.len(),
            Some((v, verb)) => break (from + v, verb),
            None => return none,
        }
    };
    // ", he claimed": a reporting clause whose pronoun may be anyone.
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
    if let Some((p, w)) = crate::nlp::word_before(text, at_verb) {
        let after_comma = text[..p].trim_end().ends_with(',');
        if after_comma && PRONOUNS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            return none;
        }
    }
    let from = speakers.partition_point(|s| s.start < start);
    let people: Vec<&SpeakerRef> = speakers[from..]
        .iter()
        .take_while(|s| s.end <= at_verb)
        .filter(|s| s.is_person)
        .filter(|s| !NOT_SPEAKER_AFTER.contains(&word_before(text, s.start).as_str()))
        .filter(|s| !text[s.end..].starts_with(['\'', '’']))
        .collect();
    // The person nearest the verb, unless an apposition stands between
    // them ("Ian Harris, deputy editor of Mac Format, said"): then the
    // nearest person before it whose name the apposition follows.
    let mut pick = people.last().copied();
    if let Some(p) = pick {
        if text[p.end..at_verb].contains(',') {
            if let Some(e) = people
                .iter()
                .rev()
                .find(|e| e.end < p.start && text[e.end..].starts_with(','))
            {
                pick = Some(e);
            }
        }
    }
    pick.map_or(none, |s| {
        (
            Some(s.id.clone()),
            Some(text[s.start..s.end].to_string()),
            Some(verb.to_string()),
        )
    })
}

/// The person (or body) a definite description speaking a quote refers to ("the
/// Tory leader said", "the chancellor added"): the last person named
/// before the quote with the description's head noun as a title before the
/// name ("Tory leader Michael Howard", "Chancellor Gordon Brown") or in an
/// apposition after it ("Kevin Wallace, the show's producer,").
pub(super) fn resolve_description<'s>(
    text: &str,
    description: &str,
    mark: usize,
    speakers: &'s [SpeakerRef],
) -> Option<&'s SpeakerRef> {
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // "The decree signed by the Pope": the one it is by.
    if let Some(at) = description.find(" by the ") {
        return resolve_description(text, &description[at + 4..], mark, speakers);
    }
    let mut words = description.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("the") {
        return None;
    }
    // Every word of the description must be in the title ("the French
    // president" is not "President Bush"), and its head must be no channel
    // ("the statement", "the advert").
    let mut wanted: Vec<String> = words.map(clean).filter(|w| !w.is_empty()).collect();
    // "the court's summary", "the ministry statement": the owner of the
    // channel speaks through it.
    if wanted.len() >= 2
        && wanted
            .last()
            .is_some_and(|h| CHANNELS.contains(&h.as_str()))
    {
        wanted.pop();
        if let Some(owner) = wanted.last_mut() {
            for s in ["'s", "’s"] {
                if let Some(stem) = owner.strip_suffix(s) {
                    *owner = stem.to_string();
                }
            }
        }
    }
    let head = wanted.last()?;
    if head.len() < 3 || CHANNELS.contains(&head.as_str()) {
        return None;
    }
    // Every word of the description in the title, and no qualifier of the
    // title missing from the description ("the Foreign Secretary" is not
    // "shadow foreign secretary Michael Ancram").
    const QUALIFIERS: &[&str] = &[
        "shadow",
        "former",
        "deputy",
        "vice",
        "acting",
        "ex",
        "assistant",
    ];
    let covers = |found: &[String]| {
        wanted.iter().all(|w| found.contains(w))
            && !found
                .iter()
                .any(|w| QUALIFIERS.contains(&w.as_str()) && !wanted.contains(w))
    };
    let named_at = |pos: usize| {
        let upto = speakers.partition_point(|s| s.start <= pos);
        speakers[..upto].iter().rev().take(4).any(|s| pos < s.end)
    };
    let titled = |s: &SpeakerRef| {
        // Up to five words right before the name, not across "for", "to"
        // and the like ("a spokesman for Michael Howard" is not Howard).
        // The name's own words count ("Pope Francis" for "the Pope").
        let mut before: Vec<String> = text[s.start..s.end].split_whitespace().map(clean).collect();
        let mut at = s.start;
        let own = before.len();
        while before.len() < own + 5 {
            match crate::nlp::word_before(text, at) {
                // Another name ends the title ("Mara Lind met Oscar Brandt").
                Some((start, _)) if named_at(start) => break,
                Some((start, w)) => {
                    // A title is content words and "of" ("Archbishop of
                    // Canterbury"); "who included authors Jane Doe" is none.
                    let w = clean(w);
                    if w != "of"
                        && (NOT_SPEAKER_AFTER.contains(&w.as_str()) || crate::nlp::is_stopword(&w))
                    {
                        break;
                    }
                    before.push(w);
                    at = start;
                }
                None => break,
            }
        }
        // Or an apposition after it: ", the show's producer,".
        let after = text[s.end..].strip_prefix(", ").and_then(|rest| {
            let apposition = rest.split([',', '.', ';', '\n']).next()?;
            let words: Vec<String> = apposition.split_whitespace().map(clean).collect();
            (words.len() <= 8).then_some(words)
        });
        covers(&before) || after.is_some_and(|a| covers(&a))
    };
    // The names a description can refer back to (see `LOOK_BACK`).
    let upto = speakers.partition_point(|s| s.start < mark);
    let recent = &speakers[upto.saturating_sub(LOOK_BACK)..upto];
    // "the company said": an organisation's generic name is the last
    // organisation named before (one whose name has the noun, for the
    // nouns that name a kind of body: "the ministry" is a ministry).
    const ANY_BODY: &[&str] = &[
        "company", "firm", "group", "club", "airline", "bank", "carrier",
    ];
    const NAMED_BODY: &[&str] = &[
        "ministry",
        "department",
        "agency",
        "organisation",
        "organization",
        "union",
        "council",
        "commission",
        "court",
        "board",
        "association",
        "party",
        "federation",
        "committee",
    ];
    let body_noun = ANY_BODY.contains(&head.as_str()) || NAMED_BODY.contains(&head.as_str());
    // A body noun names a body, not a person titled with it ("the court
    // said" is not "Court of Session judge Lord Carloway").
    let person = (!body_noun)
        .then(|| {
            recent
                .iter()
                .rev()
                .find(|s| s.is_person && s.end <= mark && titled(s))
        })
        .flatten();
    let body = wanted.len() == 1 && body_noun;
    // Of the bodies that fit, the one named most often before the quote
    // (the article's court, not another it cites), the later on a tie.
    person.or_else(|| {
        if !body {
            return None;
        }
        let fitting: Vec<&SpeakerRef> = recent
            .iter()
            .filter(|s| {
                !s.is_person
                    && s.end <= mark
                    && (ANY_BODY.contains(&head.as_str())
                        || s.name.split_whitespace().any(|w| clean(w) == *head))
            })
            .collect();
        let mut times: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for s in &fitting {
            *times.entry(s.id.as_str()).or_default() += 1;
        }
        fitting
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (times[s.id.as_str()], *i))
            .map(|(_, s)| *s)
    })
}

/// Whether `rest`, the text right after a name, is a possessive "'s" and a
/// channel of the owner's own words ("'s website", "’s statement"), so
/// that the owner speaks through it.
fn owns_its_words(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) else {
        return false;
    };
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    after.starts_with(char::is_whitespace) && CHANNELS.iter().any(|c| c.eq_ignore_ascii_case(&word))
}

/// The first word of `window` (a run of letters and digits) that is one of
/// [`VERBS`], ignoring case, and its byte offset. One pass over the window
/// instead of one search per verb.
fn first_verb(window: &str) -> Option<(usize, &'static str)> {
    // "say" only after an auxiliary ("he will say", "went on to say"), not
    // as a plural's present ("Labour say", "people say").
    const BEFORE_SAY: &[&str] = &["will", "would", "to", "shall", "did", "does", "do", "ll"];
    let mut start = None;
    let mut previous = "";
    for (i, c) in window.char_indices().chain([(window.len(), ' ')]) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let w = &window[s..i];
            if let Some(v) = VERBS.iter().find(|v| v.eq_ignore_ascii_case(w)) {
                if *v != "say" || BEFORE_SAY.iter().any(|b| b.eq_ignore_ascii_case(previous)) {
                    return Some((s, v));
                }
            }
            previous = w;
        }
    }
    None
}

fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let at = from + i;
        let before = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(window: &str, expect: Option<(usize, &str)>) {
        assert_eq!(first_verb(window), expect, "{window:?}");
    }

    #[test]
    fn a_possessor_speaks_through_its_own_channels() {
        for (rest, expect) in [
            ("'s website said", true),
            ("’s Statement read", true),
            ("'s mother said", false),
            ("'s spokesman said", false),
            ("'site said", false),
            (" said", false),
        ] {
            assert_eq!(owns_its_words(rest), expect, "{rest:?}");
        }
    }

    #[test]
    fn the_first_whole_verb_of_a_window() {
        check("He said it", Some((3, "said")));
        check("Unsaid, she SAID", Some((12, "said")));
        check("Saidov told reporters", Some((7, "told")));
        check("according to the ministry", Some((0, "according")));
        check(", said Doe", Some((2, "said")));
        check("Ümit said", Some((6, "said")));
        check("no verb here", None);
        check("He will say it", Some((8, "say")));
        check("Labour say it", None);
        check("He went on to say: ", Some((14, "say")));
        check("", None);
    }
}
