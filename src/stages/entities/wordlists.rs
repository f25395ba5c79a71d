//! Word lists the mention rules consult: modifiers ("U.S.-led"), function
//! words no name ends in, honorifics and offices before a name,
//! interjections, and words that open a sentence but no name; and the
//! contexts around a mention that say body ("carmaker Nissan") or person
//! ("Dauster said he").

use crate::nlp;
use crate::nlp::bodies;

/// Suffixes that make a name a modifier: "U.S.-led", "Iranian-allied".
const MODIFIER_SUFFIXES: &[&str] = &[
    "led", "backed", "allied", "based", "born", "owned", "run", "made", "style", "funded",
    "brokered",
];

/// Whether `word`, lower-cased, passes `test`: for the short ASCII words
/// of these lists, lower-cased on the stack (asked of most chunks' words;
/// a longer or non-ASCII word is none of them).
pub(super) fn lower_is(word: &str, test: impl Fn(&str) -> bool) -> bool {
    crate::text::with_short_lower(word, test).unwrap_or(false)
}

/// "U.S.-led", "Washington-based": a name used as a modifier.
pub(super) fn is_modifier(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, tail)| lower_is(tail, |t| MODIFIER_SUFFIXES.contains(&t)))
}

/// Function words no person, organisation or place name ends with.
pub(super) fn ends_no_name(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "as"
            | "by"
            | "with"
            | "from"
            | "is"
            | "was"
            | "are"
            | "were"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "that"
    )
}

/// A title that British usage keeps in a person's styled name ("Sir
/// Edward", "Baroness Morgan"), as written.
pub(super) fn is_style(word: &str) -> bool {
    STYLES.contains(&word)
}

const STYLES: &[&str] = &["Sir", "Dame", "Lord", "Lady", "Baron", "Baroness"];

/// Honorifics before a personal name ("Mr", "Mrs.", "Dr"). "Sir" and
/// "Lord" stay: in British usage they are part of the styled name. "DR"
/// in capitals is the Democratic Republic ("DR Congo").
pub(super) fn is_honorific(word: &str) -> bool {
    word != "DR" && lower_is(word.trim_end_matches('.'), honorific_lower)
}

/// An honorific, lower-cased and without its dot.
fn honorific_lower(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "professor"
    )
}

/// A trade written before a name that the tagger may take in at a
/// sentence's start ("Singer Pete Doherty", "Winger Nitoglia"): a
/// person-making title (`nlp::titles` PERSON) that is no office, honorific,
/// style, royal or clerical rank (those open names: "Prince Charles",
/// "Cardinal Cormac Murphy-O'Connor"), nor a surname or a word of other
/// names ("Champion", "Boss", "Nominee").
pub(super) fn is_trade(word: &str) -> bool {
    use crate::nlp::titles;
    // (Honorifics and styles in any case: "DR Congo" is no doctor's.)
    #[rustfmt::skip]
    const NOT_TRADES: &[&str] = &[
        "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "rabbi", "imam",
        "sheikh", "champion", "boss", "candidate", "nominee",
    ];
    titles::is(word, titles::PERSON)
        && !titles::is(word, titles::OFFICE)
        && !STYLES.iter().any(|s| s.eq_ignore_ascii_case(word))
        && !lower_is(word.trim_end_matches('.'), |w| {
            honorific_lower(w) || NOT_TRADES.contains(&w)
        })
}

/// Interjections, question words and auxiliaries ("How", "Does": an
/// interview's question after "((WN))", which the splitter does not end a
/// sentence at), lone initials and a name's suffix ("Vance, Jr."): never
/// a name on their own.
pub(super) fn not_a_name(word: &str) -> bool {
    let initial = word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase);
    initial
        || lower_is(word, |w| {
            matches!(
                w,
                "yeah"
                    | "yes"
                    | "yep"
                    | "nah"
                    | "no"
                    | "nope"
                    | "okay"
                    | "ok"
                    | "oh"
                    | "ah"
                    | "aha"
                    | "eh"
                    | "well"
                    | "hi"
                    | "hello"
                    | "wow"
                    | "thanks"
                    | "sure"
                    | "um"
                    | "uh"
                    | "jr."
                    | "jr"
                    | "sr."
                    | "hmm"
                    | "alright"
                    | "how"
                    | "what"
                    | "why"
                    | "where"
                    | "which"
                    | "does"
                    | "do"
                    | "did"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "can"
                    | "could"
                    | "should"
                    | "would"
            )
        })
}

/// Offices and ranks before a personal name. Styles that are part of a
/// name ("Sir", "Lord", "King", "Pope") are not among them, nor words that
/// are common surnames or open other names too ("Major", "Premier
/// League").
pub(super) fn is_office(word: &str) -> bool {
    crate::nlp::titles::is(word.trim_end_matches('.'), crate::nlp::titles::OFFICE)
}

/// A party member's label before a name ("Democrat Chuck Schumer",
/// "Republican Mitt Romney", "Tory MP"): like an office, not part of the
/// name. Only where a known first name follows (mentions.rs), as
/// "Republican Guard" and "Labour Party" are names.
pub(super) fn is_party_label(word: &str) -> bool {
    lower_is(word, |w| {
        matches!(
            w,
            "democrat" | "republican" | "labour" | "tory" | "conservative" | "liberal" | "green"
        )
    })
}

/// Titles and groups of a party's members, in lower case.
#[rustfmt::skip]
const MEMBER_WORDS: &[&str] = &[
    "member", "members", "party", "candidate", "candidates", "councillor", "councillors",
    "politician", "politicians", "leader", "senator", "senators", "congressman",
    "congresswoman", "lawmaker", "lawmakers", "activist", "activists", "voters", "supporters",
    "deputy", "spokesman", "spokeswoman", "group", "groups",
];

/// A member's title or a group after a party's label ("Green MEP", "an
/// Austrian Green member", "Republican lawmakers"): the label is an
/// affiliation there, not a person's name.
pub(super) fn member_after_label(word: &str) -> bool {
    matches!(
        word,
        "MEP" | "MEPs" | "MP" | "MPs" | "MSP" | "MSPs" | "MLA" | "MLAs" | "AM" | "AMs"
    ) || lower_is(word, |w| MEMBER_WORDS.contains(&w))
}

/// Words that, capitalised at a sentence start, are not part of the name
/// after them: function words (articles aside: "The Hague") and openers.
pub(super) fn opens_sentence_only(word: &str) -> bool {
    let lower = word.to_lowercase();
    !matches!(lower.as_str(), "the" | "a" | "an")
        && (OPENERS.contains(&lower.as_str()) || nlp::is_stopword(&lower))
}

/// A sentence opener that names nothing even alone ("Born in Luton, …",
/// "Meanwhile, …"), as written at a sentence start: one capital, so not
/// "US"; and no stop word, which can be a name alone ("May said").
pub(super) fn opener_alone(word: &str) -> bool {
    word.chars().skip(1).all(char::is_lowercase)
        && OPENERS.contains(&word.to_lowercase().as_str())
        && !nlp::is_stopword(&word.to_lowercase())
}

const OPENERS: &[&str] = &[
    "unlike",
    "despite",
    // "Born Robert Burns in Arroyo Grande", "Born in Luton, ...".
    "born",
    "meanwhile",
    "however",
    "although",
    "though",
    "while",
    "after",
    "before",
    "during",
    "following",
    "according",
    "amid",
    "amidst",
    "since",
    "under",
    "as",
    "when",
    "if",
    "like",
    "without",
    "within",
    "across",
    "throughout",
    "unless",
    "whereas",
    "besides",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "instead",
    "still",
    "yet",
    "also",
    "thus",
    "hence",
    "indeed",
    "perhaps",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "currently",
    "now",
    "then",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "with",
    "by",
    "of",
    "about",
    "against",
    "between",
];

/// Whether the words around a name say it is an organisation: a
/// descriptor written in lower case just before it ("carmaker Nissan",
/// "research firm Gartner", "regulator Ofcom"), ", which" after a
/// one-word name ("Matsushita, which makes …"; after a longer one it is
/// as often a person's thing: "a trumpet of Dizzy Gillespie, which"),
/// its shares ("Fiat's shares", "shares in Baikal", "a stake in Nortel").
/// People are not written so. Places are ("Paris, which …", "shares in
/// London", "London shares"), so for a name tagged as a place (`place`)
/// only the descriptor counts.
pub(super) fn org_context(text: &str, start: usize, end: usize, place: bool) -> bool {
    let prev = crate::nlp::word_before(text, start);
    // "shares in X", "a stake in X", "shares of X"
    let held = prev.is_some_and(|(at, w)| {
        matches!(w, "in" | "of")
            && crate::nlp::word_before(text, at).is_some_and(|(_, v)| {
                ["shares", "stake", "stakes"]
                    .iter()
                    .any(|s| v.eq_ignore_ascii_case(s))
            })
    });
    let after = &text[end..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
        .unwrap_or(after);
    let one_word = !text[start..end].contains(char::is_whitespace);
    let which = !place && one_word && after.starts_with(", which ");
    let shares = after.starts_with(" shares ") || after.starts_with(" share price");
    // "Rappler reported three malls …", "Rudaw reports": one word that
    // reports is an outlet (a person's surname does too, but then a first
    // name elsewhere says person: "William Ingram … Ingram reported").
    let reports = one_word && (after.starts_with(" reported ") || after.starts_with(" reports "));
    descriptor_before(text, start, end)
        || apposition_of_body(after)
        || !place && (held || which || shares || reports)
}

/// "Dauster said he would talk": the mention is the subject of a verb of
/// saying whose clause goes on with "he" or "she", as only a person's
/// does (a firm "said it"); not a name after "of" or "at", which is the
/// speaker's employer ("Ann Roe of King & Associates said he").
pub(super) fn said_he_after(text: &str, start: usize, end: usize) -> bool {
    const VERBS: &[&str] = &[" said", " says", " added", " told reporters", " noted"];
    let after = text[end..].strip_prefix(',').unwrap_or(&text[end..]);
    let Some(rest) = VERBS.iter().find_map(|v| after.strip_prefix(v)) else {
        return false;
    };
    let rest = rest.strip_prefix(" that").unwrap_or(rest);
    let pronoun = [" he ", " she ", "\nhe ", "\nshe "]
        .iter()
        .any(|p| rest.starts_with(p));
    pronoun
        && !crate::nlp::word_before(text, start)
            .is_some_and(|(_, w)| matches!(w, "of" | "at" | "for" | "from" | "with"))
}

/// A body's descriptor in lower case right before the name at bytes
/// `start..end` ("carmaker Nissan", "electronics firm Hitachi"), or its
/// plural before a list the name is in ("its marques Opel and Saab",
/// "carmakers Fiat, Renault and Volvo": up to three capitalised words
/// before each "and" or comma).
pub(super) fn descriptor_before(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let gap_is_space = before.len() < start;
    let Some((at, w)) = crate::nlp::word_before(text, start) else {
        return false;
    };
    let list = gap_is_space && (w == "and" || before.ends_with(','));
    if !list {
        // A plural only before a list's first item ("marques Opel and
        // Saab"), not before a clause's subject ("the two firms Watanabe
        // has proposed").
        let first_of_list = || {
            let after = &text[end..];
            after.starts_with(" and ") || after.starts_with(", ")
        };
        return gap_is_space
            && at + w.len() == before.len()
            && (names_body(w) || plural_descriptor(w) && first_of_list());
    }
    // Back over the list's earlier items (capitalised words, "and",
    // commas) to the plural: at least one item first ("U.S. and European
    // firms,\nWatanabe said" is no list).
    let mut at = if w == "and" { at } else { start };
    for step in 0..5 {
        let Some((p, word)) = crate::nlp::word_before(text, at) else {
            return false;
        };
        if step > 0 && plural_descriptor(word) {
            return true;
        }
        if !(word.starts_with(char::is_uppercase) || step > 0 && word == "and") {
            return false;
        }
        at = p;
    }
    false
}

/// "marques", "banks", "companies": a descriptor's plural (not "bands":
/// "the wedding bands Ozzy gave her").
fn plural_descriptor(w: &str) -> bool {
    if w == "bands" {
        return false;
    }
    let stem = |suffix: &str| w.strip_suffix(suffix).is_some_and(names_body);
    stem("s")
        || stem("es")
        || w.strip_suffix("ies").is_some_and(|s| {
            bodies::KINDS
                .iter()
                .chain(bodies::INSTITUTIONS)
                .any(|d| d.strip_suffix('y') == Some(s))
        })
}

/// A lower-case noun naming a kind of body (`org_context`; one list with
/// the quote stage's, `nlp::bodies`): a firm's ("carmaker") or an
/// institution's ("party", "union").
fn names_body(w: &str) -> bool {
    bodies::KINDS.contains(&w) || bodies::INSTITUTIONS.contains(&w)
}

/// ", an independent Belarusian human rights group,": an apposition of at
/// most six words after a name whose head (its last word before any "of")
/// names a kind of body. Not ", the group's leader" or ", the godfather of
/// the group" (a person's head).
fn apposition_of_body(after: &str) -> bool {
    #[rustfmt::skip]
    const MORE: &[&str] = &["movement", "network"];
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let Some(rest) = ["a ", "an ", "the "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
    else {
        return false;
    };
    let phrase = rest
        .split([',', '.', ';', ':', '(', ')', '\n'])
        .next()
        .unwrap_or("");
    let closed = rest.len() > phrase.len();
    let head = phrase
        .split(" of ")
        .next()
        .and_then(|p| p.split_whitespace().next_back());
    closed
        && phrase.split_whitespace().count() <= 6
        && head.is_some_and(|h| names_body(h) || MORE.contains(&h))
}

/// Head nouns of newspapers' names ("Las Vegas Review-Journal", "Manila
/// Bulletin", "San Francisco Chronicle", "Samoa Observer"), which the
/// tagger cut after the city or typed as the place ("Times" and "Press"
/// are in `ORG_HEADS`). A country before one is the paper's title, not
/// the place ("Samoa Observer"). Not "Express", "Star", "Globe" or "News",
/// which end trains, films, awards and agencies as often.
#[rustfmt::skip]
pub(super) const NEWSPAPER_HEADS: &[&str] = &[
    "bulletin", "chronicle", "courier", "dispatch", "examiner", "gazette", "herald", "inquirer",
    "journal", "journal-constitution", "mirror", "observer", "post", "post-dispatch",
    "post-gazette", "review-journal", "sentinel", "star-telegram", "telegraph", "tribune",
];

/// Whether `word` is a newspaper's head noun ("Herald", "Review-Journal").
pub(super) fn is_newspaper(word: &str) -> bool {
    NEWSPAPER_HEADS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(word.trim_end_matches('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_are_never_a_name_alone() {
        let check = |word: &str, expect: bool| assert_eq!(not_a_name(word), expect, "{word}");
        // An interview's question after "((WN))", which opens no sentence
        // for the splitter: "((WN)) How did you train?" had "How" PER.
        check("How", true);
        check("Does", true);
        check("Yeah", true);
        check("Ah", true);
        check("E.", true);
        check("Howard", false);
        check("Will", false);
        check("Dover", false);
    }
}
