//! Antecedents: who a pronoun ("he", "she") or a description ("the Tory
//! leader", "the company") speaking a quote stands for, among the names
//! shortly before it ("it": `organisations.rs`).

use crate::nlp::bodies;
use super::lexicon::{
    first_verb, SpeakerRef, CHANNELS, LOOK_BACK, NOT_PERSON_HEADS, NOT_SPEAKER_AFTER,
};

/// The person a "he"/"she" before a quote stands for, among `before` (the
/// names before it, in text order) that `fits` (a person of the pronoun's
/// gender): the last such person's sentence, and in it the first such
/// person, its subject ("Later Mitsotakis met President Trump, where he
/// noted …" is Mitsotakis). A sentence opened by "He"/"She" is the
/// person before it speaking on, so the search goes back past it.
/// (Preferring an earlier sentence's subject whenever that person is not
/// at the sentence's start was tried: development quotes 153 → 150 of
/// 179, and on BBC as many wrong as right changes.)
pub(super) fn pronoun_antecedent<'s>(
    text: &str,
    before: &'s [SpeakerRef],
    fits: impl Fn(&SpeakerRef) -> bool,
) -> Option<&'s SpeakerRef> {
    // Among the last `LOOK_BACK` names only: a quote's antecedent is near.
    // Not a name inside a quotation ('"Adam wrote a script," he
    // explains' is not Adam).
    let before = &before[before.len().saturating_sub(LOOK_BACK)..];
    let ok = |s: &SpeakerRef| !s.in_quote && fits(s);
    let last = before.iter().rposition(ok)?;
    let from = sentence_from(text, before[last].start);
    let lo = before[..=last].partition_point(|s| s.start < from);
    // "Nielsen had panicked, Greer said.": a name after a comma and right
    // before its verb of saying is the sentence's subject, not the name
    // opening the reported clause; unless the sentence opens with its
    // source ("According to Mandaric, Redknapp vowed" is Mandaric's).
    let reporter = &before[last];
    let after = &text[reporter.end..];
    let after = &after[..after.char_indices().nth(12).map_or(after.len(), |(i, _)| i)];
    // (A title between the comma and the name: ", Mr Howard said", ",
    // chief executive Hans Jucker said", ", Trade Minister Rachmat Saleh
    // told": up to three words, a title's, or before an office's title a
    // capitalised word of its domain; not a name before an honorific,
    // "talks with Mr Blair, Mr Abbas said".)
    use crate::nlp::titles::{is, ENDS_OFFICE, OFFICE, PERSON};
    let mut lead = text[..reporter.start].trim_end_matches([' ', '\n']);
    let mut office = false;
    for _ in 0..3 {
        match lead.rsplit_once([' ', '\n']) {
            Some((rest, word))
                if is(word, PERSON | OFFICE | ENDS_OFFICE)
                    || office && word.starts_with(char::is_uppercase) && !word.ends_with(',') =>
            {
                lead = rest.trim_end_matches([' ', '\n']);
                office = is(word, OFFICE | ENDS_OFFICE);
            }
            _ => break,
        }
    }
    let inverted = lead.ends_with(',')
        && first_verb(after).is_some_and(|(at, _)| at == 1)
        && !text[from..reporter.start]
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’'))
            .starts_with("According to");
    // (A possessive is no subject: "Bridge's injury also means Mourinho
    // … will not have": Mourinho.)
    let possessive = |s: &SpeakerRef| text[s.end..].starts_with(['\'', '’'])
        && text[s.end..].chars().nth(1) == Some('s');
    let subject = if inverted {
        reporter
    } else {
        let sentence = &before[lo..=last];
        sentence
            .iter()
            .find(|s| ok(s) && !possessive(s))
            .or_else(|| sentence.iter().find(|s| ok(s)))?
    };
    // "She was given a chance when Vizmedia dubbed it. … she told": a
    // sentence whose subject is itself a pronoun continues the person
    // before it, whom its own pronoun stands for.
    let opener = text[from..subject.start].split_whitespace().next();
    if matches!(opener, Some("He" | "She")) && lo > 0 {
        return pronoun_antecedent(text, &before[..lo], fits).or(Some(subject));
    }
    Some(subject)
}

/// Where the sentence holding byte `at` starts, for the names before a
/// pronoun: after the last full stop or line break before it, but not a
/// line break that only wraps a line of wire copy, between a word (or its
/// comma) and the next ("William Bywater, president of the union, called
/// on President\nReagan to retaliate": the sentence is Bywater's).
fn sentence_from(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut end = at;
    while let Some(i) = text[..end].rfind(['.', '\n']) {
        let wrapped = b[i] == b'\n'
            && i > 0
            && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b',')
            && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
        if !wrapped {
            return i + 1;
        }
        end = i;
    }
    0
}

/// Unnamed people whose words news reports ("an analyst said", "one
/// dealer commented"), of either gender.
pub(super) const UNNAMED_ROLES: &[&str] = &[
    "analyst", "banker", "broker", "dealer", "diplomat", "economist", "official", "trader",
];

/// Whether a description's (lower-case) head noun names one person who
/// speaks for themselves: no plural, no spokesperson (who speaks for
/// someone else), none of `NOT_PERSON_HEADS`, and not a role news leaves
/// unnamed ("the official said": the one an "a senior official" began,
/// not the last person named; titled so, a named one is found by title:
/// "economist Koichi Tsukihara").
pub(super) fn person_noun(head: &str) -> bool {
    !(head.ends_with('s') && !head.ends_with("ss"))
        && !head.starts_with("spokes")
        && !NOT_PERSON_HEADS.contains(&head)
        && !UNNAMED_ROLES.contains(&head)
}

/// Where the article ("a", "an", "the") that `before` ends in a noun
/// phrase of stands: within its last six words, with no punctuation after
/// it.
pub(super) fn article_before(before: &str) -> Option<usize> {
    // (Six words are read from the last 80 bytes at most.)
    let lo = crate::text::ceil_char_boundary(before, before.len().saturating_sub(80));
    let det = before[lo..]
        .char_indices()
        .map(|(i, c)| (lo + i, c))
        .rev()
        .filter(|&(i, c)| c == ' ' || c == '\n' || i == 0)
        .take(6)
        .map(|(i, c)| if c == ' ' || c == '\n' { i + 1 } else { i })
        .find(|&i| {
            let w = before[i..].split(' ').next().unwrap_or("");
            matches!(w, "a" | "A" | "an" | "An" | "one" | "One" | "the" | "The")
        })?;
    (!before[det..].contains(['.', ',', ';', '"', '“', '”', '\n'])).then_some(det)
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
    // "Part of the judge's statement reads": the part is the whole's. "But
    // the company, which …, said": a conjunction opening the sentence is
    // no part of the description.
    for part in [
        "part of ",
        "parts of ",
        "some of ",
        "much of ",
        "the rest of ",
        "but ",
        "and ",
        "yet ",
    ] {
        let head = description.get(..part.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(part)) {
            return resolve_description(text, &description[part.len()..], mark, speakers);
        }
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
    // `strict`: no qualifier of the title missing from the description.
    let covers = |found: &[String], strict: bool| {
        wanted.iter().all(|w| found.contains(w))
            && !(strict
                && found
                    .iter()
                    .any(|w| QUALIFIERS.contains(&w.as_str()) && !wanted.contains(w)))
    };
    // A person's name there ends a title; a body's is part of it ("Tory
    // leader Michael Howard", "Arsenal boss Arsene Wenger").
    let named_at = |pos: usize| {
        let upto = speakers.partition_point(|s| s.start <= pos);
        speakers[..upto]
            .iter()
            .rev()
            .take(4)
            .any(|s| pos < s.end && s.is_person)
    };
    // The words titling a person: before the name, and of an apposition.
    let title_of = |s: &SpeakerRef| {
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
        (before, after)
    };
    let titled = |s: &SpeakerRef, strict: bool| {
        let (before, after) = title_of(s);
        covers(&before, strict) || after.is_some_and(|a| covers(&a, strict))
    };
    let title_words = |s: &SpeakerRef| {
        let (mut words, after) = title_of(s);
        words.extend(after.unwrap_or_default());
        words
    };
    // The names a description can refer back to (see `LOOK_BACK`).
    let upto = speakers.partition_point(|s| s.start < mark);
    let recent = &speakers[upto.saturating_sub(LOOK_BACK)..upto];
    // "the company said": an organisation's generic name is the last
    // organisation named before (one whose name has the noun, for an
    // institution's: "the ministry" is a ministry; see `nlp::bodies`).
    let body_noun =
        bodies::any_body_in_speech(head) || bodies::INSTITUTIONS.contains(&head.as_str());
    // A body noun names a body, not a person titled with it ("the court
    // said" is not "Court of Session judge Lord Carloway").
    let person = (!body_noun)
        .then(|| {
            recent
                .iter()
                .rev()
                .find(|s| s.is_person && s.end <= mark && titled(s, true))
        })
        .flatten();
    let body = wanted.len() == 1 && body_noun;
    // No one titled so: a person's description ("said the American", "the
    // 25-year-old added") stands for the person a pronoun would, the
    // subject of the last person's sentence before the quote ("Roddick was
    // left frustrated …. "…," said the American.").
    // Only a short description of lower-case words and names ("the
    // 27-year-old Austrian"), one person (no plural head), not a spokesman
    // (who speaks for someone else) or a thing.
    // No owner ("the charity's director" is not the charity's last
    // person) and no adverb ("the document reportedly").
    // One "and" between two nouns of one determiner is one person's two
    // trades ("the feminist writer and broadcaster"; "the minister and
    // the mayor" has a determiner after it, and a stopword).
    let and_at = wanted.iter().position(|w| w == "and");
    let coordinated = and_at.is_some_and(|i| i > 0 && i + 1 < wanted.len())
        && wanted.iter().filter(|w| *w == "and").count() == 1;
    let short = description.split_whitespace().count() <= 4 + usize::from(coordinated)
        && !description.contains([',', '(', '"', '\'', '’'])
        && wanted.iter().enumerate().all(|(i, w)| {
            (coordinated && Some(i) == and_at)
                || !crate::nlp::is_stopword(w) && !w.ends_with("ly")
        });

    // (Of two trades, the first may say person: "the writer and
    // broadcaster", though "the broadcaster" alone is a channel.)
    let one_person = person_noun(head)
        || coordinated
            && and_at.is_some_and(|i| person_noun(&wanted[i - 1]) && !head.ends_with('s'));
    // Not when a person is titled so but for a qualifier ("the union
    // leader" after "Deputy union leader Mara Lind" is someone else).
    let described = || {
        let qualified = || {
            recent
                .iter()
                .any(|s| s.is_person && s.end <= mark && titled(s, false))
        };
        // Nor when the head is an office a person is titled with, but not
        // with its lower-case words ("the local health minister" after
        // "Civil Aviation Minister Hardeep Singh Puri" is another
        // minister). A name or an age is no office's domain ("the
        // Democrat senator", "the 62-year-old minister").
        let other_holder = || {
            let raw: Vec<&str> = description.split_whitespace().skip(1).collect();
            let modifiers: Vec<String> = raw[..raw.len().saturating_sub(1)]
                .iter()
                .filter(|w| w.starts_with(char::is_lowercase))
                .filter(|w| !w.contains(|c: char| c.is_ascii_digit()))
                .map(|w| clean(w))
                .collect();
            crate::nlp::titles::is(head, crate::nlp::titles::DOMAIN)
                && raw.len() == wanted.len()
                && !modifiers.is_empty()
                && recent.iter().any(|s| {
                    s.is_person && s.end <= mark && {
                        let title = title_words(s);
                        title.contains(head) && modifiers.iter().any(|m| !title.contains(m))
                    }
                })
        };
        // A noun with a sex agrees as a pronoun would ("The mother said"
        // after "David and Louise Turpin" is Louise).
        let sex = crate::nlp::gender::Gender::of_noun(head);
        let fits = |s: &SpeakerRef| {
            s.is_person
                && s.end <= mark
                && (sex.is_none() || s.gender.is_none_or(|g| Some(g) == sex))
        };
        (short
            && one_person
            && !body_noun
            && !qualified()
            && !other_holder()
            && !introduced_unnamed(text, head, mark))
            .then(|| pronoun_antecedent(text, recent, fits))
            .flatten()
    };
    // Of the bodies that fit, the one named most often before the quote
    // (the article's court, not another it cites), the later on a tie.
    // "said the assembly government" after the Welsh Assembly Government:
    // a description of two or more words that ends an organisation's name
    // named before and has only that name's words is that organisation.
    let short_name = || {
        (wanted.len() >= 2 && !description.contains(['\'', '’']))
            .then(|| {
                recent.iter().rev().find(|s| {
                    let name: Vec<String> = s.name.split_whitespace().map(clean).collect();
                    !s.is_person
                        && s.end <= mark
                        && name.len() > wanted.len()
                        && name.last() == Some(head)
                        && wanted.iter().all(|w| name.contains(w))
                })
            })
            .flatten()
    };
    person.or_else(described).or_else(short_name).or_else(|| {
        if !body {
            return None;
        }
        let fitting: Vec<&SpeakerRef> = recent
            .iter()
            .filter(|s| {
                !s.is_person
                    && s.end <= mark
                    && (bodies::any_body_in_speech(head)
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

/// Whether the text before `mark` last used the noun `head` with an
/// indefinite article, and no name ("One poster admitted …. The
/// poster wrote", "a senior official said …. the official said"): the
/// description then stands for that unnamed person, not the last person
/// named. Not an apposition or a predicate that names them ("Kevin
/// Wallace, a producer,", "Doe is a producer"). The last 2,000 bytes are
/// read.
fn introduced_unnamed(text: &str, head: &str, mark: usize) -> bool {
    let lo = crate::text::ceil_char_boundary(text, mark.saturating_sub(2_000));
    let before = &text[lo..mark];
    let mut from = before.len();
    while let Some(i) = before[..from].rfind(head) {
        from = i;
        let whole = !before[..i].ends_with(char::is_alphanumeric)
            && !before[i + head.len()..].starts_with(char::is_alphanumeric);
        if !whole {
            continue;
        }
        // The words before the noun, nearest first. A definite use ("the
        // official", the description itself among them) refers back:
        // the use before it decides.
        let words: Vec<&str> = before[..i].split_whitespace().rev().take(5).collect();
        if words.first().is_some_and(|w| matches!(*w, "the" | "The")) {
            continue;
        }
        // An indefinite article within four words, no stop, comma or
        // other determiner between ("a senior U.S. official"; not "a
        // theme of the chancellor's").
        let Some(det) = words.iter().take(4).position(|w| {
            matches!(*w, "a" | "an" | "A" | "An" | "one" | "One" | "another" | "Another")
        }) else {
            return false;
        };
        let broken = words[..det].iter().any(|w| {
            w.ends_with([',', '.', ';', ':'])
                || matches!(*w, "the" | "of" | "his" | "her" | "its" | "their" | "this" | "that")
        });
        let after_det = words.get(det + 1).copied().unwrap_or("");
        let named = after_det.ends_with(',')
            || matches!(after_det, "is" | "was" | "as" | "became" | "becomes");
        return !broken && !named;
    }
    false
}
