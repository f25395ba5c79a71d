//! A quote in an article's lead whose speaker the lead only describes
//! ("…, a leading industry figure has said", "Scotland's justice minister
//! has warned …") or leaves out ("…, it has been claimed"), when the next
//! paragraph opens with a person who says something: British news names
//! the speaker there ("Tim Renner, the head of Universal Music Germany
//! until last year, told …", "Cathy Jamieson said …").

use super::antecedents::person_noun;
use super::lexicon::{first_verb, SpeakerRef, CHANNELS};
use super::sentences::sentence_end;
use crate::document::Span;

/// The person the paragraph after the lead opens with, for a quote at
/// `start` inside `lead` that no rule gave a speaker, its description (if
/// any) `speaker_text`. Not when the description names a body, several
/// people, a spokesperson (who speaks for someone else), or a role news
/// leaves unnamed ("a senior official"); nor when the person is not the
/// subject of a verb of saying in that paragraph's first sentence.
pub(super) fn named_after_lead<'s>(
    text: &str,
    start: usize,
    lead: Span,
    next: Span,
    speaker_text: Option<&str>,
    speakers: &'s [SpeakerRef],
) -> Option<&'s SpeakerRef> {
    if !(lead.start <= start && start < lead.end) || next.start < lead.end {
        return None;
    }
    if let Some(d) = speaker_text {
        let head = d.split_whitespace().last()?;
        let one_person = head.starts_with(char::is_lowercase)
            && person_noun(head)
            && !CHANNELS.contains(&head);
        if !one_person {
            return None;
        }
    }
    // The first person named in the next paragraph, at its start or after
    // a title of a few words ("Shadow foreign secretary Michael Ancram").
    let from = speakers.partition_point(|s| s.start < next.start);
    let person = speakers[from..]
        .iter()
        .take_while(|s| s.start < next.end)
        .find(|s| s.is_person)?;
    let before = &text[next.start..person.start];
    let titled = before.is_empty()
        || before.starts_with(char::is_uppercase)
            && before.split_whitespace().count() <= 4
            && !before.contains([',', '.', ';', ':', '"', '“', '”', '(']);
    if !titled {
        return None;
    }
    // ... who says something in the paragraph's first sentence.
    let end = sentence_end(text, person.end, next.end);
    first_verb(&text[person.end..end]).map(|_| person)
}

#[cfg(test)]
mod tests {
    use super::super::tests::check_speakers;

    #[test]
    fn the_person_the_paragraph_after_the_lead_opens_with() {
        // Described in the lead, named right after.
        check_speakers(
            "Music row\n\nThe music business is \"in the state of a zombie\", a leading industry figure has said.\n\nTim Renner, the head of Harmonic Records until last year, told the BBC that labels had failed.",
            &[Some("Tim Renner")],
        );
        check_speakers(
            "Fans warned\n\nScotland's justice minister has warned fans she will hit them \"where it hurts most\" by banning them.\n\nCathy Jamieson said exclusion orders were one of several measures.",
            &[Some("Cathy Jamieson")],
        );
        // Not an unnamed role, and not a person who says nothing there.
        check_speakers(
            "Debt talks\n\nThe plan is \"dead in the water\", a senior official said.\n\nTim Renner, the finance minister, said talks would go on.",
            &[Some("a senior official")],
        );
        check_speakers(
            "Music row\n\nThe business is \"in the state of a zombie\", a leading industry figure has said.\n\nTim Renner ran Harmonic Records until last year.",
            &[Some("a leading industry figure")],
        );
    }
}
