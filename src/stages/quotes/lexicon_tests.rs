//! Tests of the quote lexicon (`lexicon.rs`): verbs of saying and word
//! lookups.

use super::*;

fn check(window: &str, expect: Option<(usize, &str)>) {
    assert_eq!(first_verb(window), expect, "{window:?}");
}

#[test]
fn a_possessor_speaks_through_its_own_channels() {
    for (rest, expect) in [
        ("'s website said", true),
        ("’s Statement read", true),
        ("'s office said", true),
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
    check(
        "The Department issued a statement that",
        Some((15, "issued")),
    );
    check("Acme released the statement: ", Some((5, "released")));
    check("In a statement, Doe wrote", Some((20, "wrote")));
    check("The issued statement", None);
    check("He will say it", Some((8, "say")));
    check("Labour say it", None);
    check("He went on to say: ", Some((14, "say")));
    // Inverted after a comma, not an aside.
    check(" is being used, say the Tories.", Some((16, "say")));
    check("a rise of, say, 10 pct", None);
    check("", None);
}
