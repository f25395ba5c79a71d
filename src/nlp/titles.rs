//! Title and office words ("minister", "Sen.", "striker", "Speaker"), one
//! table for the stages that read them: which open no person's name, which
//! make the name after them a person's, which end an office phrase before
//! a name, which are offices held over a domain, which qualify an office.
//! One home, so that the entity and quote stages agree on what an office
//! is.

/// An office: not part of the name it precedes ("Mayor Tom Reyes",
/// "Prime Minister Mateusz"), and alone no entity.
pub const OFFICE: u8 = 1;
/// Just before a name, makes it a person's: offices, honorifics ("Mr",
/// "Dame"), clergy, trades written before a name ("fashion
/// designer Halston", "striker Wayne Rooney"; not those that also describe
/// firms: "broadcaster", "analyst", "producer").
pub const PERSON: u8 = 2;
/// Ends an office phrase the tagger ran into a name ("U.S. Secretary of
/// State Mike" + "Pompeo").
pub const ENDS_OFFICE: u8 = 4;
/// Continues an office phrase after an office word, but makes none alone
/// ("Secretary of State"; yet "Washington State University", "Prime
/// Video").
pub const OFFICE_TAIL: u8 = 8;
/// An office held over a domain ("the local health minister", "the
/// transport secretary"): two holders with different domains are two
/// people.
pub const DOMAIN: u8 = 16;
/// Qualifies an office without being one: "Managing Director", "Acting
/// Chief", "Senate Majority Leader", "Lord Mayor", "Shadow Chancellor".
pub const QUALIFIER: u8 = 64;
/// An office only inside a longer name ("United States Speaker of the
/// House Nancy Pelosi"); before a name alone it is a word like any other.
pub const SPEAKER: u8 = 32;

/// Every title word, lower case, sorted (a test checks), with its roles.
#[rustfmt::skip]
const TITLES: &[(&str, u8)] = &[
    ("acting", QUALIFIER),
    ("actor", PERSON),
    ("actress", PERSON),
    ("adviser", ENDS_OFFICE),
    ("advisor", ENDS_OFFICE),
    ("affairs", OFFICE_TAIL),
    ("alderman", OFFICE | PERSON),
    ("alderwoman", OFFICE | PERSON),
    ("ambassador", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("assemblyman", OFFICE | PERSON),
    ("assemblymember", OFFICE | PERSON),
    ("assemblywoman", OFFICE | PERSON),
    ("assistant", QUALIFIER),
    ("associate", QUALIFIER),
    ("athlete", PERSON),
    ("attorney", OFFICE),
    ("author", PERSON),
    ("batsman", PERSON),
    ("bishop", PERSON),
    ("boss", PERSON),
    ("bowler", PERSON),
    ("boxer", PERSON),
    ("candidate", PERSON),
    ("capt", OFFICE),
    ("captain", OFFICE | PERSON),
    ("cardinal", PERSON),
    ("chairman", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("chairperson", OFFICE),
    ("chairwoman", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("champion", PERSON),
    ("chancellor", OFFICE | PERSON | ENDS_OFFICE),
    ("chef", PERSON),
    ("chief", OFFICE | ENDS_OFFICE),
    ("coach", OFFICE | PERSON),
    ("col", OFFICE),
    ("colonel", OFFICE | PERSON),
    ("comedian", PERSON),
    ("commander", ENDS_OFFICE),
    ("commissioner", OFFICE | ENDS_OFFICE | DOMAIN),
    ("composer", PERSON),
    ("congressman", OFFICE | PERSON),
    ("congresswoman", OFFICE | PERSON),
    ("councillor", OFFICE | PERSON),
    ("councilman", OFFICE | PERSON),
    ("councilor", OFFICE | PERSON),
    ("councilwoman", OFFICE | PERSON),
    ("cyclist", PERSON),
    ("dame", PERSON),
    ("defence", OFFICE_TAIL),
    ("defender", PERSON),
    ("defense", OFFICE_TAIL),
    ("deputy", OFFICE | PERSON),
    ("designer", PERSON),
    ("detective", OFFICE | PERSON),
    ("director", OFFICE | ENDS_OFFICE | DOMAIN),
    ("dr", PERSON),
    ("envoy", ENDS_OFFICE),
    ("executive", ENDS_OFFICE),
    ("filmmaker", PERSON),
    ("flanker", PERSON),
    ("fly-half", PERSON),
    ("frontman", PERSON),
    ("full-back", PERSON),
    ("gen", OFFICE | PERSON),
    ("general", OFFICE | PERSON | ENDS_OFFICE),
    ("goalkeeper", PERSON),
    ("golfer", PERSON),
    ("gov", OFFICE | PERSON),
    ("governor", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("guitarist", PERSON),
    ("hurdler", PERSON),
    ("imam", PERSON),
    ("inspector", OFFICE | PERSON),
    ("interim", QUALIFIER),
    ("jockey", PERSON),
    ("journalist", PERSON),
    ("judge", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("justice", OFFICE | PERSON),
    ("king", PERSON),
    ("lady", PERSON),
    ("lawmaker", ENDS_OFFICE),
    ("lawyer", PERSON),
    ("leader", PERSON | ENDS_OFFICE),
    ("lieutenant", OFFICE),
    ("lord", PERSON | QUALIFIER),
    ("lt", OFFICE),
    ("majority", QUALIFIER),
    ("managing", QUALIFIER),
    ("mayor", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("medalist", PERSON),
    ("medallist", PERSON),
    ("midfielder", PERSON),
    ("minister", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("minority", QUALIFIER),
    ("miss", PERSON),
    ("mr", PERSON),
    ("mrs", PERSON),
    ("ms", PERSON),
    ("musician", PERSON),
    ("nominee", PERSON),
    ("novelist", PERSON),
    ("officer", OFFICE | PERSON | ENDS_OFFICE),
    ("painter", PERSON),
    ("photographer", PERSON),
    ("playwright", PERSON),
    ("poet", PERSON),
    ("pope", PERSON),
    ("premier", PERSON | ENDS_OFFICE),
    ("presenter", PERSON),
    ("president", OFFICE | PERSON | ENDS_OFFICE),
    ("president-elect", OFFICE),
    ("prime", OFFICE | OFFICE_TAIL),
    ("prince", PERSON),
    ("princess", PERSON),
    ("prof", PERSON),
    ("professor", PERSON),
    ("prosecutor", OFFICE | ENDS_OFFICE | DOMAIN),
    ("queen", PERSON),
    ("rabbi", PERSON),
    ("rapper", PERSON),
    ("referee", PERSON),
    ("rep", OFFICE | PERSON),
    ("reporter", PERSON),
    ("representative", OFFICE | PERSON | ENDS_OFFICE),
    ("scientist", PERSON),
    ("scrum-half", PERSON),
    ("secretary", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("sen", OFFICE | PERSON),
    ("senator", OFFICE | PERSON | ENDS_OFFICE | DOMAIN),
    ("senior", QUALIFIER),
    ("sergeant", OFFICE),
    ("sgt", OFFICE),
    ("shadow", QUALIFIER),
    ("sheikh", PERSON),
    ("sheriff", OFFICE | PERSON | ENDS_OFFICE),
    ("singer", PERSON),
    ("sir", PERSON),
    ("skier", PERSON),
    ("skipper", PERSON),
    ("speaker", SPEAKER),
    ("spokesman", OFFICE | PERSON | ENDS_OFFICE),
    ("spokesperson", OFFICE | PERSON),
    ("spokeswoman", OFFICE | PERSON | ENDS_OFFICE),
    ("sprinter", PERSON),
    ("state", OFFICE_TAIL),
    ("striker", PERSON),
    ("superintendent", OFFICE | PERSON),
    ("supreme", QUALIFIER),
    ("supt", OFFICE | PERSON),
    ("swimmer", PERSON),
    ("umpire", PERSON),
    ("under", QUALIFIER),
    ("vice", OFFICE),
    ("winger", PERSON),
    ("writer", PERSON),
];

/// The roles of `word` (case ignored), 0 for no title word. A binary
/// search of the word lower-cased on the stack: asked of nearly every
/// name's first word and the word before it.
pub fn roles(word: &str) -> u8 {
    crate::text::with_short_lower(word, |lower| {
        TITLES
            .binary_search_by(|(w, _)| (*w).cmp(lower))
            .map_or(0, |i| TITLES[i].1)
    })
    .unwrap_or(0)
}

/// Whether `word` (case ignored) has any of the roles in `mask`.
pub fn is(word: &str, mask: u8) -> bool {
    roles(word) & mask != 0
}

/// A test far cheaper than [`is`] that every [`QUALIFIER`] passes (four
/// to nine letters, starting with one of theirs; a test checks): for
/// callers that ask it of every name.
pub fn may_qualify(word: &str) -> bool {
    (4..=9).contains(&word.len())
        && matches!(
            word.as_bytes()[0].to_ascii_lowercase(),
            b'a' | b'i' | b'l' | b'm' | b's' | b'u'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_lower_case_and_every_word_has_a_role() {
        for pair in TITLES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (w, r) in TITLES {
            assert_eq!(*w, w.to_lowercase());
            assert!(w.len() <= 16, "{w}: with_short_lower reads 16 bytes");
            assert_ne!(*r, 0, "{w}");
        }
    }

    #[test]
    fn every_qualifier_passes_the_cheap_test() {
        for (w, r) in TITLES {
            if r & QUALIFIER != 0 {
                assert!(may_qualify(w), "{w}: widen may_qualify");
            }
        }
    }

    #[test]
    fn roles_of_words() {
        let check = |word: &str, mask: u8, expect: bool| {
            assert_eq!(is(word, mask), expect, "{word} {mask}");
        };
        check("Minister", OFFICE, true);
        check("Assemblywoman", PERSON, true);
        check("Referee", PERSON, true);
        check("fly-half", PERSON, true);
        check("minister", DOMAIN, true);
        check("MAYOR", ENDS_OFFICE, true);
        check("Dame", PERSON, true);
        check("Dame", OFFICE, false);
        check("State", ENDS_OFFICE, false);
        check("State", OFFICE_TAIL, true);
        check("Speaker", SPEAKER, true);
        check("Speaker", OFFICE, false);
        check("Managing", QUALIFIER, true);
        check("Lord", QUALIFIER | PERSON, true);
        check("striker", PERSON, true);
        check("champion", PERSON, true);
        check("Medallist", PERSON, true);
        check("Gen.", OFFICE, false);
        check("Ministerpräsident", OFFICE, false);
        check("", PERSON, false);
        check("Paris", OFFICE | PERSON | DOMAIN, false);
    }
}
