//! A name mentioned once, one capitalised word, that the same article also
//! writes in lower case ("Pets are not allowed" beside "pets", "A Mass
//! Vaccination Campaign" beside "mass", "Circumvention of copyright" beside
//! "circumvention") is that word capitalised by its place (a
//! sentence's or an answer's start, a title, a heading), not a name: the
//! tagger's slip, dropped, when it is an everyday word (a stop word or
//! in the keyphrase background's lists: a wire story in lower case writes
//! "gaviria" too). Not a place the gazetteer resolved or a name
//! the alias table knows (they have a `geo` or a `wikidata` id), not an
//! organisation whose word is a body's head noun ("Senate", "Commission",
//! "Cabinet") or one of the few bodies named by a common noun ("Labour",
//! "Treasury").

use super::{consolidate, heads, Entity};

/// Bodies named by a common noun alone, which an article about work or
/// money also writes in lower case.
const BODIES: &[&str] = &["labour", "labor", "treasury"];

/// `entities` without the capitalised common words (see the module note);
/// ids are given again in order when any is dropped.
pub(super) fn without_common_words(entities: Vec<Entity>, text: &str) -> Vec<Entity> {
    let before = entities.len();
    let mut kept: Vec<Entity> = entities
        .into_iter()
        .filter(|e| !common_word(e, text))
        .collect();
    if kept.len() != before {
        consolidate::number(&mut kept);
    }
    kept
}

fn common_word(e: &Entity, text: &str) -> bool {
    let [m] = e.mentions.as_slice() else {
        return false;
    };
    let Some(word) = text.get(m.start..m.end) else {
        return false;
    };
    let mut chars = word.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_lowercase() || c == '-');
    if !title_case || e.kind == "MISC" || e.geo.is_some() || e.wikidata.is_some() {
        return false;
    }
    let lower = word.to_lowercase();
    let body =
        e.kind == "ORG" && (heads::head_kind(word).is_some() || BODIES.contains(&lower.as_str()));
    // An everyday word: a stop word or one the background corpus knows in
    // three documents or more ("pets", "mass"; not "gaviria", which a
    // lower-case wire story writes so).
    let everyday = crate::nlp::is_stopword(&lower)
        || crate::stages::keyphrases::Background::embedded().df(&lower) > 0;
    !body && everyday && written_in_lower_case(text, &lower)
}

/// Whether `lower` occurs in `text` as a whole word, as written (so in
/// lower case).
fn written_in_lower_case(text: &str, lower: &str) -> bool {
    let word_char = |c: char| c.is_alphanumeric() || c == '-';
    text.match_indices(lower).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + lower.len()..].chars().next();
        !before.is_some_and(word_char) && !after.is_some_and(word_char)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::names_and_types;
    use super::*;

    #[test]
    fn a_common_word_capitalised_by_its_place_is_no_name() {
        let check = |text: &str, gone: &[&str], kept: &[&str]| {
            let e = super::super::tests::run(text);
            let named = names_and_types(&e);
            for g in gone {
                assert!(!named.iter().any(|(n, _)| n == g), "{g} in {named:?}");
            }
            for k in kept {
                assert!(named.iter().any(|(n, _)| n == k), "{k} not in {named:?}");
            }
        };
        check(
            "((WN)) Can people bring animals?\n\n((Ada Marsh)) Pets are not allowed, and the pets of staff stay home.",
            &["Pets"],
            &["Ada Marsh"],
        );
        check(
            "A Mass Vaccination Campaign began on Monday in Apia. Officials said mass vaccination works.",
            &["Mass"],
            &["Apia"],
        );
        // A body by its head noun or a common noun stays; so does a name
        // whose word the article never writes in lower case, or one no
        // everyday word ("gaviria" in a story all in lower case).
        check(
            "The Senate voted on Monday. Labour said the senate vote on labour law was wrong. \
             Ann Lee of Shell said so too.\n\nOfficials met Gaviria in Bogota; gaviria aides agreed.",
            &[],
            // ("Labour" as the alias table names it.)
            &["Labour Party", "Shell", "Gaviria"],
        );
    }

    #[test]
    fn whole_words_in_lower_case_only() {
        assert!(written_in_lower_case("the pets stay", "pets"));
        assert!(!written_in_lower_case("Pets stay; carpets", "pets"));
        assert!(!written_in_lower_case("pet-sitters", "pet"));
    }
}
