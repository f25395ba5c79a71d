//! A person named with a given name and with its familiar form: "Joseph
//! Biden" and "Joe Biden", "James Hedges" and "Jim Hedges" are one
//! person. Full names (two words or more, typed PER) whose first words are
//! forms of one given name (`FORMS`) and whose other words are the same
//! share one key; the alias table's key wins ("Joe Biden" is its entry),
//! else the first full name's. So is a name with an initial for the given
//! name ("K Holmes" of a team sheet, "J. Smith"), when one full name in the
//! article fits it, and so is a peer's style and surname ("Lord
//! Goldsmith" of "Peter Goldsmith"). Runs before `merge.rs`, so a bare
//! surname or first name then finds one person where it found two.

use std::collections::HashMap;

use super::mentions::Mention;
use super::merge::{norm, words, Key};
use crate::nlp::gender::{FirstNames, Gender};

/// Forms of one given name, the formal one first. A form stands in one
/// row only ("Chris" is Christopher's; "Alex" Alexander's).
#[rustfmt::skip]
const FORMS: &[&[&str]] = &[
    &["William", "Bill", "Billy", "Will", "Willie"],
    &["Robert", "Bob", "Bobby", "Rob", "Robbie"],
    &["James", "Jim", "Jimmy"],
    &["Michael", "Mike", "Mick", "Mickey", "Mikey"],
    &["Thomas", "Tom", "Tommy"],
    &["Richard", "Dick", "Rick", "Ricky", "Rich", "Richie"],
    &["Joseph", "Joe", "Joey"],
    &["David", "Dave", "Davy"],
    &["Daniel", "Dan", "Danny"],
    &["Edward", "Ed", "Eddie", "Ted", "Teddy", "Ned"],
    &["Christopher", "Chris"],
    &["Stephen", "Steven", "Steve"],
    &["Anthony", "Tony"],
    &["Benjamin", "Ben", "Benny"],
    &["Samuel", "Sam", "Sammy"],
    &["Nicholas", "Nick", "Nicky"],
    &["Matthew", "Matt"],
    &["Patrick", "Pat", "Paddy"],
    &["Peter", "Pete"],
    &["Andrew", "Andy"],
    &["Alexander", "Alex"],
    &["Frederick", "Fred", "Freddie", "Freddy"],
    &["Gregory", "Greg"],
    &["Jeffrey", "Jeff"],
    &["John", "Johnny", "Jack"],
    &["Kenneth", "Ken", "Kenny"],
    &["Lawrence", "Larry"],
    &["Leonard", "Len", "Lenny"],
    &["Ronald", "Ron", "Ronnie"],
    &["Donald", "Don", "Donnie"],
    &["Douglas", "Doug"],
    &["Philip", "Phil"],
    &["Raymond", "Ray"],
    &["Walter", "Walt"],
    &["Henry", "Hank", "Harry"],
    &["Timothy", "Tim", "Timmy"],
    &["Vincent", "Vince"],
    &["Zachary", "Zach"],
    &["Charles", "Charlie", "Chuck"],
    &["Gerald", "Gerry"],
    &["Elizabeth", "Liz", "Beth", "Betty", "Lizzie"],
    &["Katherine", "Catherine", "Kathryn", "Kate", "Katie", "Kathy", "Cathy"],
    &["Margaret", "Maggie", "Meg", "Peggy"],
    &["Susan", "Sue", "Susie"],
    &["Jennifer", "Jenny", "Jen"],
    &["Rebecca", "Becky"],
    &["Victoria", "Vicky"],
    &["Deborah", "Debbie", "Deb"],
    &["Patricia", "Patty", "Trish"],
    &["Abigail", "Abby"],
    &["Pamela", "Pam"],
    &["Barbara", "Barb"],
    &["Cynthia", "Cindy"],
];

/// The row of `first` in `FORMS`, if it is a given name's form (a table
/// built once: asked of every full name).
fn row_of(first: &str) -> Option<usize> {
    static ROWS: std::sync::OnceLock<HashMap<&'static str, usize>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        let mut rows = HashMap::new();
        for (i, row) in FORMS.iter().enumerate() {
            for form in row.iter() {
                rows.entry(*form).or_insert(i);
            }
        }
        rows
    });
    rows.get(first).copied()
}

/// Gives full names that differ only by a form of their given name one
/// key (see the module note).
pub(super) fn join(mentions: &[Mention], keys: &mut [Key]) {
    // (row, the other words) -> the mentions so named, in text order.
    let mut people: HashMap<(usize, Vec<&str>), Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if !person_by_name(mentions, keys, i) {
            continue;
        }
        let w = words(&m.text);
        if w.len() < 2 {
            continue;
        }
        if let Some(row) = row_of(w[0]) {
            people.entry((row, w[1..].to_vec())).or_default().push(i);
        }
    }
    for same in people.values() {
        let first = &mentions[same[0]].text;
        if same.iter().all(|&i| mentions[i].text == *first) {
            continue; // one form only
        }
        let key = same
            .iter()
            .map(|&i| &keys[i])
            .find(|k| matches!(k, Key::Alias(_)))
            .unwrap_or(&keys[same[0]])
            .clone();
        for &i in same {
            keys[i] = key.clone();
        }
    }
}

/// Whether mention `i` is a person's keyed by a name or the alias table
/// (not by a country), as the joins here read them.
fn person_by_name(mentions: &[Mention], keys: &[Key], i: usize) -> bool {
    mentions[i].kind == "PER" && matches!(keys[i], Key::Name(..) | Key::Alias(_))
}

/// An initial standing for a given name: "K", "K.".
fn initial(w: &str) -> Option<char> {
    let mut cs = w.strip_suffix('.').unwrap_or(w).chars();
    let c = cs.next().filter(char::is_ascii_uppercase)?;
    cs.next().is_none().then_some(c)
}

/// "K Holmes" is the "Kelly Holmes" the article names: a person's name
/// that is an initial and the other words of one full name whose given
/// name opens with that letter takes that name's key. Two full names that
/// fit ("Kelly Holmes", "Kate Holmes") leave it alone.
pub(super) fn join_initials(mentions: &[Mention], keys: &mut [Key]) {
    let person = |i: usize| person_by_name(mentions, keys, i);
    let initialled: Vec<usize> = (0..mentions.len())
        .filter(|&i| person(i))
        .filter(|&i| {
            let first = mentions[i].text.split_once(' ').map(|(f, _)| f);
            first.and_then(initial).is_some()
        })
        .collect();
    if initialled.is_empty() {
        return;
    }
    // (initial, the other words) -> the keys of the full names so named.
    let mut fulls: HashMap<(char, Vec<&str>), Vec<Key>> = HashMap::new();
    for (j, m) in mentions.iter().enumerate() {
        let w = words(&m.text);
        if !person(j) || w.len() < 2 || initial(w[0]).is_some() || w[0].ends_with('.') {
            continue;
        }
        let Some(c) = w[0].chars().next().filter(|c| c.is_uppercase()) else {
            continue;
        };
        let ks = fulls.entry((c, w[1..].to_vec())).or_default();
        if !ks.iter().any(|k| norm(k) == norm(&keys[j])) {
            ks.push(keys[j].clone());
        }
    }
    for i in initialled {
        let w = words(&mentions[i].text);
        let Some(c) = initial(w[0]) else { continue };
        if let Some([k]) = fulls.get(&(c, w[1..].to_vec())).map(Vec::as_slice) {
            keys[i] = k.clone();
        }
    }
}

/// The gender a peer's style says: "Lord" and "Baron" a man's, "Lady"
/// and "Baroness" a woman's.
fn style_gender(w: &str) -> Option<Gender> {
    match w {
        "Lord" | "Baron" => Some(Gender::Male),
        "Lady" | "Baroness" => Some(Gender::Female),
        _ => None,
    }
}

/// "Lord Goldsmith" is the "Peter Goldsmith" the article names, and "Lady
/// Boothroyd" its "Baroness Boothroyd": a peer's style and a surname take
/// the key of the one other name of a person with that surname whose
/// given name (or style) is not of the other sex. Two that fit ("Lord
/// Kinnock" beside Neil and Stephen Kinnock) leave it alone.
pub(super) fn join_styles(mentions: &[Mention], keys: &mut [Key]) {
    let person = |i: usize| person_by_name(mentions, keys, i);
    let styled: Vec<usize> = (0..mentions.len())
        .filter(|&i| person(i))
        .filter(|&i| {
            // A style and one word.
            mentions[i]
                .text
                .split_once(' ')
                .is_some_and(|(style, rest)| {
                    style_gender(style).is_some() && !rest.contains(char::is_whitespace)
                })
        })
        .collect();
    if styled.is_empty() {
        return;
    }
    let first_names = FirstNames::embedded();
    // Surname -> (the other name's gender, its key), one per key.
    let mut named: HashMap<&str, Vec<(Option<Gender>, Key)>> = HashMap::new();
    for (j, m) in mentions.iter().enumerate() {
        let w = words(&m.text);
        if !person(j) || w.len() < 2 || initial(w[0]).is_some() {
            continue;
        }
        let gender = match style_gender(w[0]) {
            Some(g) => Some(g),
            None if first_names.is_given_name(w[0]) => first_names.get(w[0]),
            None => continue,
        };
        let same = named.entry(w[w.len() - 1]).or_default();
        if !same.iter().any(|(_, k)| norm(k) == norm(&keys[j])) {
            same.push((gender, keys[j].clone()));
        }
    }
    for i in styled {
        let w = words(&mentions[i].text);
        let mine = style_gender(w[0]);
        let fits: Vec<&Key> = named
            .get(w[1])
            .into_iter()
            .flatten()
            .filter(|(g, k)| norm(k) != norm(&keys[i]) && (g.is_none() || *g == mine))
            .map(|(_, k)| k)
            .collect();
        if let [k] = fits[..] {
            keys[i] = k.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{mention_texts, run};

    #[test]
    fn a_given_name_and_its_familiar_form_are_one_person() {
        let e = run(
            "Party picks nominee\n\nParty nominee James Hedges spoke on Monday. Jim Hedges, \
             72, said he would run again. Hedges is a former official.",
        );
        assert_eq!(
            mention_texts(&e, "James Hedges"),
            ["James Hedges", "Jim Hedges", "Hedges"],
            "{:?}",
            e.entities
        );
        // The alias table's entry names the person.
        let e = run("Talks\n\nPresident Joseph Biden spoke. Joe Biden said the plan would work.");
        assert_eq!(
            mention_texts(&e, "Joe Biden"),
            ["Joseph Biden", "Joe Biden"],
            "{:?}",
            e.entities
        );
        // Two given names that are not forms of one stay two people.
        let e = run("Brothers\n\nJames Hedges spoke on Monday. John Hedges, his brother, said no.");
        assert_eq!(mention_texts(&e, "James Hedges"), ["James Hedges"]);
        assert_eq!(mention_texts(&e, "John Hedges"), ["John Hedges"]);
    }

    #[test]
    fn an_initial_and_a_surname_are_the_one_full_name_that_fits() {
        let e = run(
            "Relay\n\nKelly Holmes won the 800m and Jason Gardener the 60m. Team: K Holmes, \
             J. Gardener, D Chin, P Smith. Paul Smith and Pat Smith ran too.",
        );
        assert_eq!(
            mention_texts(&e, "Kelly Holmes"),
            ["Kelly Holmes", "K Holmes"]
        );
        assert_eq!(
            mention_texts(&e, "Jason Gardener"),
            ["Jason Gardener", "J. Gardener"]
        );
        // No full name, or two that fit: left alone.
        assert_eq!(mention_texts(&e, "D Chin"), ["D Chin"]);
        for full in ["Paul Smith", "Pat Smith"] {
            assert!(!mention_texts(&e, full).contains(&"P Smith"), "{full}");
        }
    }

    #[test]
    fn a_peers_style_and_surname_are_the_one_person_of_that_surname() {
        let e = run(
            "Peers\n\nLord Goldsmith gave advice. Peter Goldsmith, the attorney general, spoke \
             on Monday. Lady Boothroyd agreed, and Baroness Boothroyd left. Lord Kinnock, Neil \
             Kinnock and Stephen Kinnock met. Lord Howe and Elspeth Howe came.",
        );
        assert_eq!(
            mention_texts(&e, "Peter Goldsmith"),
            ["Lord Goldsmith", "Peter Goldsmith"]
        );
        // ("Lady" is an honorific, left out of the mention.)
        assert_eq!(mention_texts(&e, "Baroness Boothroyd").len(), 2);
        // Two men of the surname, or a woman only: left alone.
        assert_eq!(mention_texts(&e, "Lord Kinnock"), ["Lord Kinnock"]);
        assert_eq!(mention_texts(&e, "Lord Howe"), ["Lord Howe"]);
    }
}
