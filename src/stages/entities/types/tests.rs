//! Type-unification tests on mentions written for this repo.

use super::*;
use crate::gazetteer::Gazetteer;

/// (text, tagged mentions as (text, type) in order) → their types after unifying.
fn check(text: &str, tagged: &[(&str, &'static str)], expect: &[&str]) {
    let mentions = super::super::mention::placed(text, tagged);
    let got: Vec<&str> = unify(text, &mentions, Gazetteer::embedded())
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(got, expect, "{text}");
}

#[test]
fn one_type_per_entity() {
    // A full name tagged ORG once, its surname PER twice: one PER.
    check(
        "John Doe spoke. Doe left. Later Doe returned.",
        &[("John Doe", "ORG"), ("Doe", "PER"), ("Doe", "PER")],
        &["PER", "PER", "PER"],
    );
    // The same name with two types: the majority and the title decide.
    check(
        "Senator Wexley voted. Wexley said no.",
        &[("Wexley", "PER"), ("Wexley", "ORG")],
        &["PER", "PER"],
    );
    // A place named like a person stays a place when the gazetteer and
    // the votes say so.
    check(
        "Paris was calm. Paris reopened.",
        &[("Paris", "LOC"), ("Paris", "PER")],
        &["LOC", "LOC"],
    );
    // A sportsperson's trade before a name makes it a person's; not a
    // nationality's.
    check(
        "Olympic champion Carolina Kluft won. European champion Briton Hayley Yelling ran.",
        &[("Carolina Kluft", "ORG"), ("Briton", "MISC"), ("Hayley Yelling", "PER")],
        &["PER", "MISC", "PER"],
    );
    // A bare surname tagged a place, of two people the article names, is
    // a person's; tagged an organisation it stays one (a firm named after
    // them).
    check(
        "Janet Jackson sang. Michael Jackson danced. Later Jackson left.",
        &[("Janet Jackson", "PER"), ("Michael Jackson", "PER"), ("Jackson", "LOC")],
        &["PER", "PER", "PER"],
    );
    check(
        "Walt Disney drew. Roy Disney sold. Disney shares rose.",
        &[("Walt Disney", "PER"), ("Roy Disney", "PER"), ("Disney", "ORG")],
        &["PER", "PER", "ORG"],
    );
    // "market leader" is a firm's, not a person's title.
    check(
        "It was bought by market leader Wexcorp. Party leader Ann Wexley spoke.",
        &[("Wexcorp", "PER"), ("Ann Wexley", "PER")],
        &["ORG", "PER"],
    );
    // A state legislator's title, before the name or an apposition's
    // comma, makes it a person's.
    check(
        "A Republican Assemblywoman, Jill Wexley, also commented.",
        &[("Jill Wexley", "ORG")],
        &["PER"],
    );
    // A post-nominal after a given name and a surname is a person's.
    check(
        "The chairman of the Bar Council, Guy Mansfield QC warned of risks.",
        &[("Bar Council", "ORG"), ("Guy Mansfield", "ORG")],
        &["ORG", "PER"],
    );
    // A surname before "administration" is a president's; a party's or
    // a nation's adjective is not.
    check(
        "Growers urged the Wexley administration to act.",
        &[("Wexley", "MISC")],
        &["PER"],
    );
    check(
        "The Republican administration and the French administration agreed.",
        &[("Republican", "MISC"), ("French", "MISC")],
        &["MISC", "MISC"],
    );
    // A name the tagger calls a person does not vote for a town of that
    // name (Clinton, Maryland); it does for a large city (Paris, above).
    check("Then Clinton said no.", &[("Clinton", "PER")], &["PER"]);
    // A surname tagged as a place is the person's, and does not vote.
    check(
        "Marilyn Monroe sang. Monroe died. Monroe was 36.",
        &[
            ("Marilyn Monroe", "PER"),
            ("Monroe", "LOC"),
            ("Monroe", "LOC"),
        ],
        &["PER", "PER", "PER"],
    );
    // Not a large city: "Jack London" leaves London a place.
    check(
        "Jack London wrote of London. London was foggy.",
        &[("Jack London", "PER"), ("London", "LOC"), ("London", "LOC")],
        &["PER", "LOC", "LOC"],
    );
    // A bare head noun takes the type of the last name ending in it.
    check(
        "Washington State University grew. The University hired.",
        &[
            ("Washington State University", "ORG"),
            ("University", "LOC"),
        ],
        &["ORG", "ORG"],
    );
    // A head noun that is also a surname does not vote after a first name.
    check(
        "Jim Press said so. Press left.",
        &[("Jim Press", "ORG"), ("Press", "PER")],
        &["PER", "PER"],
    );
    // Words only an organisation takes outweigh the tagger's count.
    check(
        "Shares in Baikal fell. Baikal paid. Baikal left.",
        &[("Baikal", "PER"), ("Baikal", "PER"), ("Baikal", "PER")],
        &["ORG", "ORG", "ORG"],
    );
    check(
        "Japanese carmaker Nissan said so.",
        &[("Nissan", "PER")],
        &["ORG"],
    );
    check(
        "Hitachi and Matsushita, which makes TVs, agreed.",
        &[("Matsushita", "PER")],
        &["ORG"],
    );
    // A place's name only by a descriptor, and not a known place.
    check(
        "Online retailer Amazon grew. Amazon hired.",
        &[("Amazon", "LOC"), ("Amazon", "LOC")],
        &["ORG", "ORG"],
    );
    // A descriptor right before outweighs a town or city of under a
    // million (Hitachi, Ibaraki), not a larger one.
    check(
        "Electronics firm Hitachi unveiled a robot. Hitachi said it can walk.",
        &[("Hitachi", "LOC"), ("Hitachi", "LOC")],
        &["ORG", "ORG"],
    );
    // A descriptor's plural before a list names bodies ("marques").
    check(
        "GM is struggling with its European marques Opel and Saab, it said.",
        &[("GM", "ORG"), ("Opel", "PER"), ("Saab", "PER")],
        &["ORG", "ORG", "ORG"],
    );
    check(
        "Sales rose at carmakers Fiat, Renault and Volvo.",
        &[("Fiat", "PER"), ("Renault", "PER"), ("Volvo", "PER")],
        &["ORG", "ORG", "ORG"],
    );
    // An institution's noun and the words for a firm that quotes read
    // ("carrier", "union", `nlp::bodies`) are descriptors too.
    check(
        "Qantas faces low-cost carrier Virgin Blue. The rail union Aslef called a strike.",
        &[("Qantas", "ORG"), ("Virgin Blue", "PER"), ("Aslef", "PER")],
        &["ORG", "ORG", "ORG"],
    );
    check(
        "Fans of clubs Portsmouth, Southampton and Northampton met.",
        &[
            ("Portsmouth", "LOC"),
            ("Southampton", "LOC"),
            ("Northampton", "LOC"),
        ],
        &["ORG", "ORG", "ORG"],
    );
    // Not a plural before a clause's subject, nor the first name after
    // it ("the two firms Watanabe proposed"; "firms,\nWatanabe said").
    check(
        "It holds stakes in the two firms Watanabe proposed. Asked about other firms, Watanabe said no.",
        &[("Watanabe", "PER"), ("Watanabe", "PER")],
        &["PER", "PER"],
    );
    // Not a list of people after a plural that names no body.
    check(
        "The singers Adele and Dido sang.",
        &[("Adele", "PER"), ("Dido", "PER")],
        &["PER", "PER"],
    );
    // Tagged ORG, its namesake town casts no vote there.
    check(
        "Electronics firm Hitachi unveiled a robot. Hitachi said it can walk.",
        &[("Hitachi", "ORG"), ("Hitachi", "ORG")],
        &["ORG", "ORG"],
    );
    check(
        "The investment group Paris said no. Paris was calm.",
        &[("Paris", "LOC"), ("Paris", "LOC")],
        &["LOC", "LOC"],
    );
    check(
        "Shares in London rose. London was calm.",
        &[("London", "LOC"), ("London", "LOC")],
        &["LOC", "LOC"],
    );
    // ... unless something says person: a first name before the
    // mention, or a longer name of the person ending in it.
    check(
        "A tweet by Donald Trump, which was deleted.",
        &[("Trump", "PER")],
        &["PER"],
    );
    check(
        "Eddie Van Halen played. The rock band Van Halen formed. Van Halen died.",
        &[
            ("Eddie Van Halen", "PER"),
            ("Van Halen", "PER"),
            ("Van Halen", "PER"),
        ],
        &["PER", "PER", "PER"],
    );
    // Kin after a possessive name a person, even one named like a
    // town; not "its sister" project nor "Mother Nature".
    check(
        "Awards followed. His wife Mary said he was kind.",
        &[("Mary", "LOC")],
        &["PER"],
    );
    check(
        "Work on its sister Xiluodu dam stopped.",
        &[("Xiluodu", "MISC")],
        &["MISC"],
    );
    // A descriptor counts only in lower case ("Broadcaster" opens a
    // sentence; "Group D" is a name).
    check(
        "They finished second in Group D behind Lyon.",
        &[("D", "PER")],
        &["PER"],
    );
    // A surname shared by two longer names joins neither.
    check(
        "Ann Lee and Bo Lee met. Lee left.",
        &[("Ann Lee", "PER"), ("Bo Lee", "PER"), ("Lee", "ORG")],
        &["PER", "PER", "ORG"],
    );
}

#[test]
fn a_transcripts_speaker_label_is_a_person() {
    // Labels the tagger typed ORG; three labels outvote three ORG tags.
    check(
        "((Odile Varga)) I began at six.\n((WN)) Why?\n((Odile Varga)) My aunt.\nOdile Varga: Then I won.",
        &[
            ("Odile Varga", "ORG"),
            ("WN", "ORG"),
            ("Odile Varga", "ORG"),
            ("Odile Varga", "ORG"),
        ],
        &["PER", "ORG", "PER", "PER"],
    );
    // Not a wrapped wire line in single brackets, nor a label in a list.
    check(
        "backed by (Augusta Holdings),\n(Tolvane Aircraft), and others.\nTolvane Aircraft: 5 mln.",
        &[
            ("Augusta Holdings", "ORG"),
            ("Tolvane Aircraft", "ORG"),
            ("Tolvane Aircraft", "ORG"),
        ],
        &["ORG", "ORG", "ORG"],
    );
}

#[test]
fn twice_the_subject_of_said_he_is_a_person() {
    // Every mention tagged ORG; "said he" twice makes the group a person.
    check(
        "Institute president Varo Lindqvist spoke. Lindqvist said he would wait.\nLindqvist said he had not decided. Lindqvist added more.",
        &[
            ("Varo Lindqvist", "ORG"),
            ("Lindqvist", "ORG"),
            ("Lindqvist", "ORG"),
            ("Lindqvist", "ORG"),
        ],
        &["PER", "PER", "PER", "PER"],
    );
    // Tagged PER, and outweighing words only a body takes around one
    // mention ("shares in").
    check(
        "Shares in Lindqvist rose. Lindqvist said he would wait.\nLindqvist said he had not decided.",
        &[
            ("Lindqvist", "PER"),
            ("Lindqvist", "PER"),
            ("Lindqvist", "PER"),
        ],
        &["PER", "PER", "PER"],
    );
    // Once is not enough; nor a firm after "of" (the speaker's employer),
    // nor a name whose head noun says body.
    for (text, tagged) in [
        (
            "Lindqvist said he would wait. Lindqvist left.",
            &[("Lindqvist", "ORG"), ("Lindqvist", "ORG")][..],
        ),
        (
            "Ann Roe of Varo said he was wrong. Bo Lee of Varo said he agreed.",
            &[("Varo", "ORG"), ("Varo", "ORG")][..],
        ),
        (
            "Varo Bank said he was wrong. Varo Bank said he agreed.",
            &[("Varo Bank", "ORG"), ("Varo Bank", "ORG")][..],
        ),
    ] {
        check(text, tagged, &vec!["ORG"; tagged.len()]);
    }
}

/// A styled name ("Lord Goldsmith", "Baroness Morgan") is a person's, as a
/// title before it would make it; an office ("Lord Chancellor") or "Lord
/// of the Rings" is not.
#[test]
fn a_styled_name_is_a_person() {
    check(
        "Lord Goldsmith's advice was published. Lord Goldsmith said it was lawful.",
        &[("Lord Goldsmith", "ORG"), ("Lord Goldsmith", "ORG")],
        &["PER", "PER"],
    );
    check(
        "Adviser Baroness Morgan left. Sir Edward Heath called.",
        &[("Baroness Morgan", "ORG"), ("Sir Edward", "ORG")],
        &["PER", "PER"],
    );
    check(
        "The Lord Chancellor spoke. The Lord of the Rings won.",
        &[("Lord Chancellor", "ORG"), ("Lord of the Rings", "MISC")],
        &["ORG", "MISC"],
    );
}

/// A first name and a surname tagged PER vote twice: two surname-only
/// mentions tagged ORG do not outvote them (2026-12-04 (gd)); a head noun
/// still does.
#[test]
fn a_full_name_tagged_person_outweighs_two_surnames_typed_otherwise() {
    check(
        "Support came from Amy Klobuchar. On Monday, Klobuchar, with Ron Wyden, \
         introduced a bill. Klobuchar was a candidate.",
        &[
            ("Amy Klobuchar", "PER"),
            ("Klobuchar", "ORG"),
            ("Ron Wyden", "PER"),
            ("Klobuchar", "ORG"),
        ],
        &["PER", "PER", "PER", "PER"],
    );
    check(
        "He studied at Cornell University. Cornell University hired him. Cornell University grew.",
        &[
            ("Cornell University", "PER"),
            ("Cornell University", "ORG"),
            ("Cornell University", "ORG"),
        ],
        &["ORG", "ORG", "ORG"],
    );
}

/// A particle surname typed otherwise joins the person it names
/// (2026-12-04 (gi)); a name that only ends like one does not.
#[test]
fn a_particle_surname_is_the_persons() {
    check(
        "Rocky De La Fuente won. De La Fuente said he would run. De La Fuente left.",
        &[
            ("Rocky De La Fuente", "PER"),
            ("De La Fuente", "ORG"),
            ("De La Fuente", "ORG"),
        ],
        &["PER", "PER", "PER"],
    );
    check(
        "Coach Henk Ten Cate spoke. \"It is pathetic,\" Ten Cate said.",
        &[("Henk Ten Cate", "PER"), ("Ten Cate", "MISC")],
        &["PER", "PER"],
    );
    check(
        "Anna Marsh met the Bank of La Fuente. La Fuente grew.",
        &[
            ("Anna Marsh", "PER"),
            ("Bank of La Fuente", "ORG"),
            ("La Fuente", "LOC"),
        ],
        &["PER", "ORG", "LOC"],
    );
}

/// A cleric's title before a given name makes a person (2026-12-04 (gj));
/// before a word that is no given name it does not.
#[test]
fn a_clerics_title_before_a_given_name_is_a_person() {
    check(
        "His words came as Cardinal Cormac Murphy backed the plan.",
        &[("Cardinal Cormac Murphy", "ORG")],
        &["PER"],
    );
    check(
        "Shares in Cardinal Health rose.",
        &[("Cardinal Health", "ORG")],
        &["ORG"],
    );
}

/// A given name and the surname of a person the article names is a person
/// (2026-12-04 (gl)); a given name before another word is left to the
/// votes.
#[test]
fn a_given_name_and_a_persons_surname_is_a_person() {
    check(
        "Pranab Mukherjee died. His daughter Sharmistha Mukherjee wrote a tribute.",
        &[("Pranab Mukherjee", "PER"), ("Sharmistha Mukherjee", "ORG")],
        &["PER", "PER"],
    );
    check(
        "Pranab Mukherjee died. The Sharmistha Foundation wrote a tribute.",
        &[
            ("Pranab Mukherjee", "PER"),
            ("Sharmistha Foundation", "ORG"),
        ],
        &["PER", "ORG"],
    );
}

#[test]
fn a_name_in_capitals_does_not_vote_for_a_town() {
    // "TUI" is a firm's acronym as a rule; the gazetteer's town of Tui
    // casts no vote for it.
    check(
        "Shares in TUI rose. TUI fell. TUI said so.",
        &[("TUI", "ORG"), ("TUI", "ORG"), ("TUI", "LOC")],
        &["ORG", "ORG", "ORG"],
    );
    // Written as a place is, it does.
    check(
        "Tui rose. Tui fell. Tui said so.",
        &[("Tui", "ORG"), ("Tui", "ORG"), ("Tui", "LOC")],
        &["LOC", "LOC", "LOC"],
    );
    // A country in capitals still votes.
    check(
        "The UAE rose. The UAE fell.",
        &[("UAE", "ORG"), ("UAE", "LOC")],
        &["LOC", "LOC"],
    );
}

#[test]
fn a_name_tagged_misc_does_not_vote_for_a_small_town() {
    // "Olympic" (a town of 19,000 in Hong Kong) is an adjective as a rule.
    check(
        "The Olympic champion won.",
        &[("Olympic", "MISC")],
        &["MISC"],
    );
    // A town in a compound is a place: "Leuven-based".
    check(
        "The Leuven-based brewer won.",
        &[("Leuven", "MISC")],
        &["LOC"],
    );
    // A country or a city of a million still votes.
    check("The Paris show opened.", &[("Paris", "MISC")], &["LOC"]);
}

#[test]
fn a_name_tagged_org_does_not_vote_for_a_small_town() {
    // "Chelsea" (a town of 60,000) named as the club is the club: the
    // tagger's organisation is not outvoted by the town.
    check("Chelsea won again.", &[("Chelsea", "ORG")], &["ORG"]);
    // A city of 100,000 or more still votes: a tie goes to the place.
    check("Paris won again.", &[("Paris", "ORG")], &["LOC"]);
}

#[test]
fn a_city_read_as_a_team_is_the_club() {
    // Most mentions read as a side's: the club.
    check(
        "Liverpool striker Milan Baros scored twice as Liverpool beat Everton.",
        &[("Liverpool", "LOC"), ("Liverpool", "LOC")],
        &["ORG", "ORG"],
    );
    // Fewer than half: the city ("Liverpool fans" of a city story).
    check(
        "Liverpool fans marched. Liverpool is a port. Liverpool grew.",
        &[("Liverpool", "LOC"), ("Liverpool", "LOC"), ("Liverpool", "LOC")],
        &["LOC", "LOC", "LOC"],
    );
}
