//! The paraphrase before a quote: a quote that opens its own sentence with
//! no attribution in its paragraph takes the person the sentence before
//! names as the subject of a verb of saying ('Mr Herren said the plan was
//! "bold". "We plan …"'), or the person a "He"/"She" opening that sentence
//! stands for. Past one sentence of the same paragraph that names no one
//! and reports no speech ('Steve Ash told the BBC there are two parts.
//! The most difficult is to know who is online. | "The end solution …"').

use super::antecedents::pronoun_antecedent;
use super::lexicon::{
    first_verb, word_before, Attribution, SpeakerRef, LOOK_BACK, NOT_SPEAKER_AFTER, SUBJECT_ADVERBS,
};
use super::sentences::sentence_start;
use crate::document::Span;
use crate::nlp::gender::Gender;

/// The person named as the subject of a verb of saying in the sentence
/// before a quote that opens its own sentence: the paraphrase before a
/// quote is the quoted person's ("Mr Herren says the project will grow.
/// "We plan …""). Stricter than the windows of [`attribute`], because the
/// sentence is not the quote's own: no quotation of `min_words` or more in
/// it (a quoted sentence has its own attribution, which continuation
/// carries; a short quoted term is no quotation), a person
/// (not an organisation or a phrase) named before the verb, and no
/// reporting clause of a pronoun ("Mr Blair has failed, he claimed" is not
/// Mr Blair's, but may be the voice before's; "Jane Doe broke news when she revealed" is Jane Doe's). `(None, None, None)` when there is none.
/// `paragraphs` (in text order) tell a paragraph's start from a
/// hard-wrapped line of wire copy.
pub(super) fn attribute_previous_sentence(
    text: &str,
    q: (usize, usize, usize, usize),
    speakers: &[SpeakerRef],
    min_words: usize,
    paragraphs: &[Span],
    voice: Option<(&str, usize)>,
) -> Attribution {
    let none = (None, None, None);
    let Some((before_start, floor)) = sentence_before(text, q.0, paragraphs) else {
        return none;
    };
    let end = text[..before_start]
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
        .len();
    // A question or exclamation ends a sentence too, unless a quote mark
    // closes right after it ('"Why now?" Holmes asked.'). A line break
    // inside the sentence's paragraph is a wrapped line ("He said the
    // response was expected, but reiterated\nhis belief that …").
    // The stops of initials and abbreviations end no sentence ("Thomas T.
    // Cullen said …").
    let stop = sentence_start(text, end, floor).max(floor.min(end));
    let start = text[stop..end]
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '?' | '!') && !text[stop + i + 1..].starts_with(['"', '”']))
        .map_or(stop, |(i, c)| stop + i + c.len_utf8());
    // A quotation in it has its own attribution; a short quoted term does
    // not ('Jane Doe said the plan was a "shambles". "…"').
    if start >= end || quotes_in(&text[start..end], min_words) {
        return none;
    }
    // The first finite verb: "-ing" forms are as often nouns ("praise for
    // her writing") as reports, and a passive reports nothing ("berths
    // will be added …, Jiang said").
    let mut from = start;
    let passive = |at: usize| {
        crate::nlp::word_before(text, at).is_some_and(|(_, w)| {
            matches!(w, "be" | "been" | "being" | "is" | "are" | "was" | "were")
        })
    };
    let (at_verb, verb) = loop {
        match first_verb(&text[from..end]) {
            Some((v, verb)) if verb.ends_with("ing") || passive(from + v) => {
                // (Past the verb's own word: `verb` may be its lemma.)
                let at = from + v;
                from = text[at..end]
                    .find(|c: char| !c.is_alphanumeric())
                    .map_or(end, |i| at + i);
            }
            Some((v, verb)) => break (from + v, verb),
            None => return none,
        }
    };
    // ", he claimed": a reporting clause whose pronoun is not the clause's
    // subject ("Mr Blair has failed, he claimed" is not Mr Blair's). A
    // "he" or "she" there is the voice of the quote before (`voice`: its
    // entity id and closing mark), when that is a person of its gender,
    // or the person who became a clause's subject since ("Labour's Fraser
    // Kemp said …. The image portrayed Mr Howard as a hypnotist, he
    // argued. "…""): a report of a speech goes on in it ("Entry would
    // change the system, he noted. "We have to make sure it would
    // work."").
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
    if let Some((p, w)) = crate::nlp::word_before(text, at_verb) {
        let after_comma = text[..p].trim_end().ends_with(',');
        if after_comma && PRONOUNS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            let antecedent = Gender::of_pronoun(w)
                .zip(voice)
                .and_then(|(g, (id, close))| {
                    let newer = super::voice::new_subject(text, close, start, speakers, id);
                    newer
                        .or_else(|| {
                            speakers[..speakers.partition_point(|s| s.start < start)]
                                .iter()
                                .rev()
                                .take(LOOK_BACK)
                                .find(|s| s.id == id)
                        })
                        .filter(|s| s.is_person && s.gender == Some(g))
                });
            return antecedent.map_or(none, |s| {
                (
                    Some(s.id.clone()),
                    Some(s.name.clone()),
                    Some(verb.to_string()),
                )
            });
        }
    }
    // Not a name inside the sentence's own quoted words ('"That's just
    // Kelly," explains Cram.').
    let quoted = |at: usize| {
        text[start..at]
            .chars()
            .filter(|c| matches!(c, '"' | '“' | '”'))
            .count()
            % 2
            == 1
    };
    let from = speakers.partition_point(|s| s.start < start);
    let people: Vec<&SpeakerRef> = speakers[from..]
        .iter()
        .take_while(|s| s.end <= at_verb)
        .filter(|s| s.is_person && !quoted(s.start))
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
    // '…," explains Cram.': the verb opens its clause after the quoted
    // words, its subject follows it.
    let head = text[start..at_verb].trim_end().trim_end_matches(',');
    let after_quote = head.ends_with(['"', '”']) && !quoted(start + head.len());
    if pick.is_none() && after_quote {
        let next = speakers.partition_point(|s| s.start < at_verb);
        pick = speakers.get(next).filter(|s| {
            s.is_person && s.end <= end && text[at_verb..s.start].split_whitespace().count() <= 2
        });
    }
    // "He said the response was expected next month. "I don't think …"":
    // a pronoun opening the sentence as its subject is the person it
    // stands for before the sentence.
    if pick.is_none() {
        let mut head = text[start..at_verb].split_whitespace();
        let pronoun = head
            .next()
            .filter(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"))
            .and_then(Gender::of_pronoun);
        let rest_adverbs = head.all(|w| SUBJECT_ADVERBS.contains(&w));
        if let Some(g) = pronoun.filter(|_| rest_adverbs) {
            // (A person whose gender is known: the sentence is not the
            // quote's own, so a name of no known gender is too weak a
            // guess; "Breakfast with Frost … Mr Kinnock")
            let fits = |s: &SpeakerRef| s.is_person && s.gender == Some(g);
            let before = &speakers[..speakers.partition_point(|s| s.start < start)];
            if let Some(s) = pronoun_antecedent(text, before, fits) {
                return (
                    Some(s.id.clone()),
                    Some(s.name.clone()),
                    Some(verb.to_string()),
                );
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

/// A quote in the first person singular that opens its own sentence, the
/// sentence before opening with a person's name ('Mauresmo spent five
/// weeks at number one before injury ushered Davenport back in front.
/// "Since then, I feel very confident …"'): that person's words, as
/// `labels::attribute_sentence_subject` takes them inside the name's own
/// sentence. Not a name inside a quotation ('"… Bob was a driven man. I
/// …"'). Run after the rules with a verb of saying. `(None, None, None)`
/// when there is none.
pub(super) fn attribute_subject_before(
    text: &str,
    q: (usize, usize, usize, usize),
    speakers: &[SpeakerRef],
    paragraphs: &[Span],
) -> Attribution {
    let none = (None, None, None);
    let singular = super::labels::in_first_person(&text[q.1..q.2], false);
    let Some((before_start, floor)) = sentence_before(text, q.0, paragraphs).filter(|_| singular)
    else {
        return none;
    };
    let (start, end) = sentence_ending_before(text, before_start, floor);
    let start = start.max(floor.min(end));
    let from = speakers.partition_point(|s| s.start < start);
    match speakers.get(from) {
        Some(s)
            if s.is_person
                && !s.in_quote
                && s.end <= end
                && text[start..s.start].trim().is_empty() =>
        {
            (Some(s.id.clone()), Some(s.name.clone()), None)
        }
        _ => none,
    }
}

/// The bounds of the sentence that ends before byte `before_start` (the
/// start of a quote's own sentence), read from its last character back,
/// no further than `floor`'s line rules allow (see `sentence_start`).
fn sentence_ending_before(text: &str, before_start: usize, floor: usize) -> (usize, usize) {
    let end = text[..before_start].trim_end().len();
    // (Before the sentence's last character, its stop.)
    let last = text[..end].char_indices().next_back().map_or(0, |(i, _)| i);
    (sentence_start(text, last, floor), end)
}

/// Where the sentence of a quote opening at `mark` starts, if the quote
/// opens it (nothing but marks and spaces before it), and where the
/// paragraph of the text before that sentence starts (`paragraphs` in
/// text order; 0 when none): the prelude both rules here share.
fn sentence_before(text: &str, mark: usize, paragraphs: &[Span]) -> Option<(usize, usize)> {
    let start = sentence_start(text, mark, usize::MAX);
    if text[start..mark].chars().any(char::is_alphanumeric) {
        return None;
    }
    let end = text[..start].trim_end().len();
    let floor = paragraphs[..paragraphs.partition_point(|p| p.start <= end)]
        .last()
        .map_or(0, |p| p.start);
    Some((start, floor))
}

/// [`attribute_previous_sentence`] from the sentence before the one before
/// the quote, when that one, in the same paragraph as the sentence before
/// it, names no one, quotes nothing and has no verb of saying.
pub(super) fn attribute_two_sentences_back(
    text: &str,
    q: (usize, usize, usize, usize),
    speakers: &[SpeakerRef],
    min_words: usize,
    paragraphs: &[Span],
) -> Attribution {
    let none = (None, None, None);
    let Some((before_start, floor)) = sentence_before(text, q.0, paragraphs) else {
        return none;
    };
    let (start, end) = sentence_ending_before(text, before_start, floor);
    let sentence = &text[start..end];
    let names = speakers
        .iter()
        .skip(speakers.partition_point(|s| s.start < start))
        .take_while(|s| s.start < end)
        .count();
    if start <= floor
        || names > 0
        || sentence.contains(['"', '“', '”'])
        || first_verb(sentence).is_some()
    {
        return none;
    }
    attribute_previous_sentence(
        text,
        (start, start, start, start),
        speakers,
        min_words,
        paragraphs,
        None,
    )
}

/// Whether `sentence` holds a quotation of `min_words` words or more
/// between its quote marks (straight or curly; a lone mark counts as one
/// that runs to the end).
fn quotes_in(sentence: &str, min_words: usize) -> bool {
    sentence
        .split(['"', '“', '”'])
        .skip(1)
        .step_by(2)
        .any(|q| q.split_whitespace().count() >= min_words)
}
