//! Attribution: the speaker of a quotation from the text around it (verbs
//! of saying, the subject before the verb, addressees and affiliations
//! left out, pronouns and descriptions through `antecedents`).

use super::antecedents::{pronoun_antecedent, resolve_description};
use super::spokespeople::spokesperson_between;
use super::candidates::{according_description, described, description_subject, free_speakers};
use super::clauses::{opens_clause, quoted_as_saying, turn_speaker};
use super::lexicon::{
    clean_speaker_phrase, find_word, first_verb, Attribution, SpeakerRef, SUBJECT_ADVERBS,
};
use super::organisations::organisation_antecedent;
use super::sentences::{sentence_end, sentence_start};
use crate::document::Span;
use crate::nlp::gender::Gender;

/// Whether `gap`, between two names, is a role that the first qualifies
/// and the second holds: one to four lower-case words, none a function
/// word, and nothing else but a comma before the holder (" adviser ",
/// " founder ", " campaign manager ", " spokeswoman, "; not " and ",
/// " told ", nor another language's words).
fn role_between(gap: &str) -> bool {
    let gap = gap.strip_suffix(", ").unwrap_or(gap);
    let words: Vec<&str> = gap.split_whitespace().collect();
    gap.starts_with(' ')
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !crate::nlp::is_stopword(w)
                && super::lexicon::first_verb(w).is_none()
        })
}

/// Text between a quote's closing mark and the verb after it that is a
/// description opening with a determiner, up to five words and no comma
/// ("the source", "one Santa Fe executive"; not "in 2005,").
fn described_subject(between: &str) -> bool {
    let subject = between.trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end();
    let mut words = subject.split_whitespace();
    let determiner = words.next().is_some_and(|w| {
        ["the", "a", "an", "one", "another"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    });
    determiner && words.count() <= 4 && !subject.contains([',', ';', ':', '"', '“', '”'])
}

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
    if let Some(phrase) = according_description(text, a + vpos, b, verb, speakers) {
        return Some((None, Some(phrase), Some(verb.to_string())));
    }
    let free = free_speakers(text, speakers, clause_start, b, at_verb as usize, verb);
    // "Said the Pew report: …": the verb opens its clause, the subject
    // follows it.
    let inverted = !text[clause_start..(at_verb as usize).max(clause_start)]
        .chars()
        .any(char::is_alphanumeric);
    // After the quote, a described subject right before the verb ('…,"
    // the source said in a reference to … Georges Besse', '…," one
    // executive said about Henley', '…," the England captain said on
    // Canal Plus'): a name after the verb is its object, not the speaker.
    let after_subject = !subject_first && described_subject(&text[a..at_verb as usize]);
    let free: Vec<&SpeakerRef> = if after_subject {
        free.into_iter().filter(|s| s.end as i64 <= at_verb).collect()
    } else {
        free
    };
    if subject_first && !inverted {
        if let Some(found) =
            description_subject(text, clause_start, at_verb as usize, mark, verb, speakers)
        {
            return Some(found);
        }
    }
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
                    // The later name is the object of "of" or "at",
                    // perhaps after a description ("… at analyst
                    // Gartner", "… of victim group Ending Clergy Abuse"),
                    // not a name in a later clause ("Ann Lee at the
                    // ceremony, U2 frontman Bono said").
                    let between = &text[e.end..pick.start];
                    let object = [" of ", " at "]
                        .iter()
                        .filter_map(|w| between.rfind(w).map(|i| i + w.len()))
                        .max()
                        .is_some_and(|i| !between[i..].contains([',', ';', ':']));
                    if object && between.split_whitespace().count() <= 12 {
                        pick = e;
                    } else {
                        break;
                    }
                }
                return Some(found(pick));
            }
        }
        let pick = of_kind.iter().copied().min_by_key(|s| {
            (s.start as i64 - at_verb)
                .abs()
                .min((s.end as i64 - at_verb).abs())
        })?;
        // '…," said Obama adviser David Axelrod', "said Globio founder
        // Gerry Ellis": after the verb, a name that only qualifies the
        // role before the next person's name is not the speaker; that
        // person is.
        let holder = of_kind
            .iter()
            .copied()
            .filter(|q| pick.start as i64 > at_verb && q.start > pick.end && q.id != pick.id)
            .min_by_key(|q| q.start)
            .filter(|q| role_between(&text[pick.end..q.start]));
        Some(found(holder.unwrap_or(pick)))
    };
    // "…, he said": a pronoun right before the verb is its subject, so no
    // name elsewhere in the window speaks ("Asked whether the BBC should
    // have shown it, he said").
    // ("It also urged", "She later said": past an adverb.)
    let subject_word = crate::nlp::word_before(text, at_verb as usize)
        .and_then(|(p, w)| {
            if SUBJECT_ADVERBS.contains(&w) {
                crate::nlp::word_before(text, p)
            } else {
                Some((p, w))
            }
        })
        .map(|(_, w)| w);
    let is_subject = |p: &str| subject_word.is_some_and(|w| w.eq_ignore_ascii_case(p));
    if !(is_subject("he") || is_subject("she") || is_subject("it")) {
        if let Some(f) = nearest(&free, true).or_else(|| nearest(&free, false)) {
            return Some(f);
        }
    }
    // "…," it said: the organisation that last said something before; so
    // "They released a statement" when an organisation did (a body is
    // "they" as often as "it"); else no one ("they" of people unnamed).
    if is_subject("it") || is_subject("they") {
        let limit = crate::nlp::word_before(text, at_verb as usize).map_or(mark.max(a), |(p, _)| p);
        let found = organisation_antecedent(text, limit, speakers).map(|s| {
            (
                Some(s.id.clone()),
                Some(s.name.clone()),
                Some(verb.to_string()),
            )
        });
        if found.is_some() || is_subject("it") {
            return found;
        }
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
        // When no one named before fits the pronoun, the person it would
        // stand for whatever the sex does, if their sex is only the first
        // name's census prior: the article's "he" says more than the
        // census ("Tama Umaga … He told BBC Sport"). Not past a person
        // whose sex the text gives ("said Jason Stilwell. … His mother
        // Katherine Jackson" merged with "Mr Jackson": "she said").
        let found = pronoun_antecedent(text, before, fits).or_else(|| {
            pronoun_antecedent(text, before, |s| s.is_person && s.end <= limit)
                .filter(|s| s.gender_prior)
        });
        // "…, the spokesman said. "…," he added": a spokesperson described
        // after the person is who the pronoun stands for.
        let from = found.map_or(0, |s| s.end).max(limit.saturating_sub(LOOK_BACK_BYTES));
        let from = crate::text::ceil_char_boundary(text, from);
        if let Some(d) = spokesperson_between(text, from, limit, g) {
            return Some((None, Some(d), Some(verb.to_string())));
        }
        if let Some(s) = found {
            return Some((
                Some(s.id.clone()),
                Some(s.name.clone()),
                Some(verb.to_string()),
            ));
        }
    }
    None
}

/// How far back before a pronoun a spokesperson is looked for (a few
/// sentences; the bound keeps an article of thousands of quotes linear).
const LOOK_BACK_BYTES: usize = 600;

pub(super) fn attribute(
    text: &str,
    q: (usize, usize, usize, usize),
    paragraph: Span,
    speakers: &[SpeakerRef],
) -> Attribution {
    let (mark, _, _, close) = q;
    // The rest of the sentence after the quote, and the start of the sentence before it.
    // The paragraph the quote closes in (a quote may run over paragraphs).
    // A line break before a lower-case word is a hard-wrapped line of the
    // same paragraph (wire copy: '"…," said one\ntrade source'), not its end.
    // So is any line break inside the paragraph the structure stage found
    // (wire copy indents its paragraphs and wraps lines before names too:
    // '"…," said\nRep. Dan Glickman').
    let scanned = text[close..]
        .match_indices('\n')
        .map(|(i, _)| close + i)
        .find(|&i| !text[i + 1..].starts_with(|c: char| c.is_lowercase()))
        .unwrap_or(text.len());
    let para_end = if paragraph.start <= close && close < paragraph.end {
        scanned.max(paragraph.end.min(text.len()))
    } else {
        scanned
    };
    if let Some(s) = super::clauses::dash_credit(&text[close..para_end], close, speakers) {
        return (Some(s.id.clone()), Some(s.name.clone()), None);
    }
    let after_end = sentence_end(text, close, para_end);
    let para_start = if paragraph.start <= mark {
        paragraph.start
    } else {
        usize::MAX
    };
    let before_start = sentence_start(text, mark, para_start);
    // The paragraph before, when this one opens with the quote ("X said:").
    let prev_para = (before_start == paragraph.start && mark <= paragraph.start + 1)
        .then(|| {
            let end = text[..paragraph.start].trim_end().len();
            let start = sentence_start(text, end, usize::MAX);
            (start, end)
        })
        .filter(|(s, e)| s < e);
    // After the quote only when the sentence runs on: '…," said X' or
    // '…" tweeted X', not '…." X said, "…' (X speaks the next quote).
    // (A quotation inside it that ends with it ends in its own mark:
    // '"… there was 'something happening here,'" May wrote'.)
    let content = text[q.1..q.2].trim_end().trim_end_matches(['\'', '’']);
    // A question or exclamation runs on into its attribution when a verb
    // of saying follows within three words ('"Why now?" Holmes asked.');
    // so does a statement whose sentence ends within three words of the
    // verb ('"… demands a trial." Pelosi said.', "… told reporters on
    // Monday."; not '…." Leinen said "…"', nor '…." Authorities stated the
    // road was closed', a sentence of its own).
    let after = &text[close..after_end];
    let verb = first_verb(after)
        .filter(|(v, _)| text[close..close + v].split_whitespace().count() <= 3);
    let ends_soon = verb.is_some_and(|(v, _)| {
        let word_end = after[v..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(after.len(), |e| v + e);
        let rest = &after[word_end..];
        rest.split_whitespace().count() <= 3 && !rest.contains(['"', '“', '”'])
    });
    // Not a verb that introduces the next quote ('…exempt?" Charles
    // Scicluna said, "People must know …"').
    let introduces_next = verb.is_some_and(|(v, _)| {
        let rest = after[v..].trim_start_matches(|c: char| c.is_alphanumeric());
        let rest = rest.trim_start_matches([',', ':', ' ']);
        rest.starts_with(['"', '“'])
    });
    let attributed_after = (verb.is_some() && content.ends_with(['?', '!']) && !introduces_next)
        || (ends_soon && content.ends_with('.'));
    // An editor's bracketed comma ('… for each other[,]" Baloch wrote') is
    // a comma.
    let runs_on = content.ends_with([',', '—', '-'])
        || content.ends_with("[,]")
        || attributed_after
        || text[close..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c == ',' || c.is_lowercase());
    // '…," while Trump noted his "…"': a conjunction after the quote opens
    // another clause, whose verb is not this quote's; and the next quote's
    // window before it starts there.
    // So does "and" before a verb that introduces the next quote ('went
    // like "Are you …?" and I said, "No, …"'); a split quote's '," he
    // said, "…' has no "and".
    let and_next = introduces_next
        && text[close..after_end]
            .trim_start_matches(|c: char| matches!(c, ',' | '"' | '”') || c.is_whitespace())
            .starts_with("and ");
    let next_clause = opens_clause(&text[close..after_end]).is_some() || and_next;
    let mut windows = Vec::new();
    if runs_on && !next_clause {
        windows.push((close, after_end));
    }
    // A word must stand before the clause's verb: its subject is not the
    // sentence's ('…" but admitted it was "…"').
    let own_subject = |rest: &str| {
        first_verb(rest).is_some_and(|(v, _)| rest[..v].chars().any(char::is_alphabetic))
    };
    let clause_start = text[before_start..mark]
        .rmatch_indices(['"', '”'])
        .find_map(|(i, m)| opens_clause(&text[before_start + i + m.len()..mark]))
        .filter(|rest| own_subject(rest))
        // A quote that ended a sentence of its own inside the marks, then
        // a subject and a verb of saying before this one ('…be exempt?"
        // Charles Scicluna said, "…"'): the window starts after it, not at
        // the speaker of that quote.
        .or_else(|| {
            let (i, m) = text[before_start..mark].rmatch_indices(['"', '”']).next()?;
            let ended = text[before_start..before_start + i]
                .trim_end()
                .ends_with(['?', '!', '.']);
            let rest = &text[before_start + i + m.len()..mark];
            (ended && own_subject(rest)).then_some(rest)
        })
        .map_or(before_start, |rest| mark - rest.len());
    windows.push((clause_start, mark));
    windows.extend(prev_para);
    let mut fallback: Attribution = (None, None, None);
    for (a, b) in windows {
        let window = &text[a..b];
        let Some((mut vpos, mut verb)) = first_verb(window) else {
            continue;
        };
        // "Asked about the inquiry, a Labour spokesman told …": a participle
        // opening the clause is not its verb when another follows.
        // So "Saying Rocky Linux is for the community, Kurtzer said".
        if [
            "asked",
            "writing",
            "speaking",
            "commenting",
            "responding",
            "saying",
            "adding",
            "noting",
            "talking",
            "citing",
            "calling",
            "describing",
            "praising",
            "accusing",
        ]
        .contains(&verb)
            && !window[..vpos].chars().any(char::is_alphanumeric)
        {
            let from = vpos + verb.len();
            if let Some((v, w)) = first_verb(&window[from..]) {
                (vpos, verb) = (from + v, w);
            }
        }
        if verb == "saying" {
            if let Some(found) = quoted_as_saying(text, a, vpos, speakers) {
                return found;
            }
        }
        // In an interview's turn ("((Zara Kay)) … that's why I said "…"",
        // "((WN)) On your website, you wrote "…""): "I" is the turn's
        // speaker, "you" the one answering.
        let pronoun = crate::nlp::word_before(text, a + vpos).map(|(_, w)| w);
        if let Some(p) = pronoun.filter(|p| *p == "I" || p.eq_ignore_ascii_case("you")) {
            if let Some(s) =
                turn_speaker(text, paragraph, speakers, p == "I").filter(|_| a >= paragraph.start)
            {
                return (
                    Some(s.id.clone()),
                    Some(s.name.clone()),
                    Some(verb.to_string()),
                );
            }
        }
        if let Some(found) = speaker_in(text, a, b, mark, vpos, verb, speakers) {
            return found;
        }
        // A non-entity speaker ("the resolution read").
        let subject = window[..vpos]
            .trim_matches(|c: char| c == ',' || c == '"' || c == '”' || c.is_whitespace());
        // After the verb when it opens its clause ('…," said the firm.',
        // '…," added the producer.'): a description, when it resolves
        // (else the quote may still continue the one before).
        if subject.is_empty() {
            let rest = &window[vpos + verb.len()..];
            let after = rest[..rest
                .find([',', '.', ';', ':', '"', '“'])
                .unwrap_or(rest.len())]
                .trim();
            if let Some(s) = resolve_description(text, after, mark, speakers) {
                return (
                    Some(s.id.clone()),
                    Some(s.name.clone()),
                    Some(verb.to_string()),
                );
            }
            // Unresolved, a new speaker's description still says who
            // spoke ('…," said a spokesman for Ofcom.'), as it does before
            // the verb.
            // So does a name the tagger missed, ending the phrase ('…,"
            // said Florida state archivist Jody Norman.'): the quote is
            // not the voice before's.
            if described(after) || ends_in_a_name(after) {
                return (None, Some(after.to_string()), Some(verb.to_string()));
            }
        }
        // A new speaker described before the verb ("A source within the
        // Interior Ministry reportedly said "…"") is who spoke: no quote
        // before continues into this one.
        if let Some(d) = clean_speaker_phrase(subject).filter(|d| described(d)) {
            return (None, Some(d), Some(verb.to_string()));
        }
        if fallback.2.is_none() {
            let subject = (!subject.is_empty() && subject.split_whitespace().count() <= 6)
                .then(|| subject.to_string());
            fallback = (None, subject, Some(verb.to_string()));
        }
    }
    fallback
}

/// Whether a phrase after an inverted verb ends in a name: two words or
/// more, at most seven, the last two capitalised words of letters, no
/// verb of saying ("Florida state archivist Jody Norman").
fn ends_in_a_name(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let name = |w: &&str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    (2..=7).contains(&words.len())
        && words[words.len() - 2..].iter().all(name)
        && first_verb(phrase).is_none()
}
