//! Unnamed spokespeople: "a spokesman said", "one dealer said" between a
//! named person and a "he"/"she" quote stand for the pronoun.

use super::antecedents::{article_before, UNNAMED_ROLES};
use super::lexicon::first_verb;
use crate::nlp::gender::Gender;

/// A spokesperson described, not named, as the subject of a verb of saying
/// between bytes `from` and `to` ("…, a spokesman said."; "A Home Office
/// spokeswoman said"; "said a spokesman"), whose word agrees with `g`
/// ("spokesperson", and the `UNNAMED_ROLES`, "one dealer said", with
/// either): the last one, as written from its article ("a Home Office
/// spokeswoman"). A "he" or "she" after it stands
/// for them, not for a person named before them. Not one named in an
/// apposition or by a title ("Barry Hugill, a spokesman for Liberty,";
/// "Tory spokesman David Willetts"), nor "the spokesman" unless the text
/// before has an unnamed one ("the Tory spokesman" after "Michael Ancram"
/// is Ancram).
pub(super) fn spokesperson_between(
    text: &str,
    from: usize,
    to: usize,
    g: Gender,
) -> Option<String> {
    let window = &text[from..to];
    let mut found = None;
    // Every word of the window, by its start and end.
    let words = window
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphabetic() && (i == 0 || !window[..i].ends_with(char::is_alphabetic))
        })
        .map(|(at, _)| {
            let end = window[at..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(window.len(), |i| at + i);
            (at, end)
        });
    for (at, word_end) in words {
        let word = &window[at..word_end];
        let spokes = word.starts_with("spokes");
        let agrees = match word {
            "spokesman" => g == Gender::Male,
            "spokeswoman" => g == Gender::Female,
            "spokesperson" => true,
            w => UNNAMED_ROLES.contains(&w),
        };
        if !agrees {
            continue;
        }
        // Its article within five words before ("a Home Office
        // spokeswoman"), with no punctuation between.
        let Some(det) = article_before(&window[..at]) else {
            continue;
        };
        let definite = window[det..].starts_with(['t', 'T']);
        // Named: in an apposition after a name, or a name after the word.
        let after = &window[word_end..];
        // (", a spokesman said" is a reporting clause, not an apposition:
        // its verb follows at once.)
        let six = after
            .match_indices(' ')
            .nth(6)
            .map_or(after.len(), |(i, _)| i);
        let verb = first_verb(&after[..six]);
        let said_at_once = verb.is_some_and(|(v, _)| after[..v].trim().is_empty());
        let apposition = !said_at_once
            && text[..from + det]
                .trim_end()
                .strip_suffix(',')
                .and_then(|b| b.split_whitespace().next_back())
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        let titled = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase));
        // "The spokesman" only after an unnamed one earlier in the text.
        // (Within the few thousand bytes before: an article's spokesperson
        // is introduced near where they speak.)
        let unnamed_before = || {
            let end = from + det;
            let lo = crate::text::ceil_char_boundary(text, end.saturating_sub(4000));
            text[lo..end].match_indices(word).any(|(i, _)| {
                article_before(&text[..lo + i]).is_some_and(|d| !text[d..].starts_with(['t', 'T']))
            })
        };
        if apposition || titled || definite && !unnamed_before() {
            continue;
        }
        // The subject of a verb of saying: one within six words after ("a
        // spokesman for the ministry said"), or just before it ("said a
        // spokesman").
        // (A role that is also an adjective, "an official statement said",
        // only with its verb at once or after a "for" phrase.)
        let verb_after = verb.is_some_and(|(v, w)| {
            w != "according"
                && !after[..v].contains(['.', '"', '“', '”'])
                && (spokes
                    || after[..v].trim().is_empty()
                    || [" for ", " at ", " with "]
                        .iter()
                        .any(|p| after.starts_with(p)))
        });
        let verb_before = crate::nlp::word_before(text, from + det)
            .is_some_and(|(_, w)| first_verb(w).is_some_and(|(_, v)| v != "according"));
        if verb_after || verb_before {
            let phrase = &window[det..word_end];
            let (first, rest) = phrase.split_at(phrase.find(' ').unwrap_or(0));
            found = Some(format!("{}{rest}", first.to_lowercase()));
        }
    }
    found
}
