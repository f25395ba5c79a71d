//! Sentence bounds for attribution windows: where the sentence holding a
//! quote mark starts and where the one after a quote ends, past the stops
//! of initials and abbreviations ("Thomas T. Cullen said") and at a stop
//! inside a closing quote mark ('… of our time." Scripps said').

/// Where the sentence holding `at` starts: after the last line break or
/// full stop before it, skipping the stops of initials and abbreviations
/// ("Thomas T. Cullen said", "Sen. Ron Wyden", "the U.S. attorney"), which
/// had cut the speaker off the window, and the line breaks of hard-wrapped
/// wire copy ("broker Dinesh Walji\nsaid": a break before a lower-case
/// word; any break after byte `para_start`, where the structure stage's
/// paragraph began: "said Philippe\nBollag"; `usize::MAX` when unknown),
/// and past the closing quote mark of the sentence before.
pub(super) fn sentence_start(text: &str, at: usize, para_start: usize) -> usize {
    let mut end = at;
    for _ in 0..MAX_SKIPPED_STOPS {
        let Some(i) = text[..end].rfind(['\n', '.']) else {
            return 0;
        };
        let wrapped = text.as_bytes()[i] == b'\n'
            && (i > para_start || text[i + 1..].starts_with(|c: char| c.is_lowercase()));
        if !wrapped && (text.as_bytes()[i] == b'\n' || !abbreviation_stop(text, i)) {
            // A closing mark right after the stop ends that sentence too
            // ('… terrorism." Lib Dem spokesman …'): it opens nothing here.
            return match text[i + 1..at].strip_prefix(['"', '”']) {
                Some(rest) if rest.starts_with(char::is_whitespace) => at - rest.len(),
                _ => i + 1,
            };
        }
        end = i;
    }
    end
}

/// Where the sentence running from `from` ends (after its full stop), at
/// most `limit`: stops of initials and abbreviations do not end it
/// ('…," wrote Chief Justice John G. Roberts').
pub(super) fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    // A stop inside a closing quote ('… of our time." Scripps director
    // Margaret Leinen said') ends the sentence there when a capital
    // follows. (Sought within the sentence: one more pass over it.)
    let end = plain_sentence_end(text, from, limit);
    quoted_stop(&text[from..end]).map_or(end, |i| from + i)
}

fn plain_sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let mut start = from;
    for _ in 0..MAX_SKIPPED_STOPS {
        // (A stop before a line break ends one too: wire copy wraps its
        // lines, and a paragraph runs on past "said.\nMore than half".)
        let stop = text[start..limit]
            .match_indices('.')
            .find(|&(i, _)| matches!(text.as_bytes().get(start + i + 1), Some(b' ' | b'\n')));
        let Some(i) = stop.map(|(i, _)| start + i) else {
            return limit;
        };
        if !abbreviation_stop(text, i) {
            return i + 1;
        }
        start = i + 1;
    }
    start
}

/// The end of the first closing quote mark after a full stop, question or
/// exclamation mark that a space and a capital follow, if any.
fn quoted_stop(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find(['"', '”']).map(|i| from + i) {
        let mark = if b[i] == b'"' { 1 } else { '”'.len_utf8() };
        let stop = i > 0 && matches!(b[i - 1], b'.' | b'?' | b'!');
        let after = &s[i + mark..];
        if stop && after.starts_with(' ') && after[1..].starts_with(char::is_uppercase) {
            return Some(i + mark);
        }
        from = i + mark;
    }
    None
}

/// Stops skipped at most looking for a sentence's bounds ("Lt. Col. J. R.
/// Doe" has four); past that the walk stops, so a hostile run of "a.a.a."
/// costs no more than a real sentence.
const MAX_SKIPPED_STOPS: usize = 8;

/// Whether the full stop at byte `i` ends an initial ("T."), a dotted
/// word ("U.S.") or an abbreviation ("Sen."), not a sentence. Only the
/// 12 bytes before the stop are read: a longer word ends a sentence. A
/// stop a closing bracket follows is inside a parenthesis ("Senator Ron
/// Wyden (D-Ore.) said").
fn abbreviation_stop(text: &str, i: usize) -> bool {
    if text[i + 1..].starts_with(')') {
        return true;
    }
    let lo = crate::text::ceil_char_boundary(text, i.saturating_sub(12));
    let seg = &text[lo..i];
    if lo > 0 && !seg.contains(char::is_whitespace) {
        return false;
    }
    let word = seg.rsplit(char::is_whitespace).next().unwrap_or("");
    let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    initial || word.contains('.') || ABBREVIATIONS.contains(&word)
}

/// Whether the stops in word `w` end no sentence: a stop inside it
/// ("3.5", "U.S"), or after an initial, an abbreviation with stops
/// ("U.S.") or one of `ABBREVIATIONS` or a firm's ("Inc.", "Co.").
pub(super) fn abbreviation_word(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return true;
    };
    let initial = stem.chars().count() == 1 && stem.starts_with(char::is_uppercase);
    initial
        || stem.contains('.')
        || ABBREVIATIONS.contains(&stem)
        || crate::nlp::legal_forms::is_abbreviated(stem)
        || ["Bros", "Cos"].contains(&stem)
}

/// Abbreviations written with a stop before a name or a word.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Mt", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
    "Capt", "Sgt", "Prof", "Rev", "Fr", "No", "vs", "Cpl", "Adm", "Maj", "Supt", "Insp",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_words() {
        for (w, expect) in [
            ("U.S.", true),
            ("Corp.", true),
            ("Mr.", true),
            ("J.", true),
            ("3.5", true),
            ("delegation.", false),
            ("it.", false),
        ] {
            assert_eq!(abbreviation_word(w), expect, "{w}");
        }
    }

    /// The sentence from the start of `text` ends after `expect`.
    fn check_end(text: &str, expect: &str) {
        let end = sentence_end(text, 0, text.len());
        assert_eq!(&text[..end], expect, "{text:?}");
    }

    #[test]
    fn sentences_end_at_stops_and_inside_closing_quotes() {
        check_end("He said so. Then", "He said so.");
        check_end("Sen. Doe left. Then", "Sen. Doe left.");
        check_end(
            "and \"of our time.\" Scripps said. X",
            "and \"of our time.\"",
        );
        check_end("and \"is it?” Leinen said", "and \"is it?”");
        check_end("\"We won.\" she said. Then", "\"We won.\" she said.");
        check_end("no stop at all", "no stop at all");
        check_end("one economist said.\nMore than half", "one economist said.");
        check_end("the U.S.\nEconomy is weak. X", "the U.S.\nEconomy is weak.");
    }

    #[test]
    fn sentences_start_past_abbreviations_and_wrapped_lines() {
        // (text, where its paragraph starts, the sentence before the quote)
        let check_start = |text: &str, para_start: usize, expect: &str| {
            let at = text.find('"').unwrap();
            assert_eq!(
                &text[sentence_start(text, at, para_start)..at],
                expect,
                "{text:?}"
            );
        };
        let unknown = usize::MAX;
        check_start(
            "Prices fell. Sen. Ron Wyden said \"no\"",
            unknown,
            " Sen. Ron Wyden said ",
        );
        check_start(
            "Prices fell.\nBroker Dinesh Walji\nsaid \"no\"",
            unknown,
            "Broker Dinesh Walji\nsaid ",
        );
        check_start("Prices fell.\n\"No\"", unknown, "");
        // A stop inside a parenthesis ends no sentence.
        check_start(
            "Prices fell. Senator Ron Wyden (D-Ore.) said \"no\"",
            unknown,
            " Senator Ron Wyden (D-Ore.) said ",
        );
        // Inside a known paragraph every line break is a wrap.
        check_start(
            "Prices fell.\n    A broker, Philippe\nBollag, said \"no\"",
            13,
            "    A broker, Philippe\nBollag, said ",
        );
        check_start(
            "Prices fell.\n    A broker, Philippe\nBollag, said \"no\"",
            unknown,
            "Bollag, said ",
        );
    }
}
