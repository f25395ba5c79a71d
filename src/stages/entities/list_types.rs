//! Items of one list are of one type: in "Dell, Samsung and Matsushita"
//! or "Frank Lampard, Makelele and Joe Cole", the one item the rest
//! disagree with ("Matsushita" PER, "Makelele" LOC) takes their type.
//! Only towards a person or an organisation, and only when every other
//! item agrees (three items or more). Not an item the gazetteer knows as
//! a place or the alias table knows, nor a place named more than once
//! (its type came from more than one mention), nor one whose own words
//! say what it is (`odd_one`: "South Inc", "Bill Gates" beside Microsoft
//! and Google, "Beastie Boys" beside singers; a one-word band,
//! "Aerosmith", does become a person).

use std::collections::HashMap;

use super::{heads, Entity};
use crate::gazetteer::Gazetteer;
use crate::nlp::gender::FirstNames;

/// What joins two items of a list.
const JOINS: &[&str] = &[", ", " and ", ", and ", " or ", ", or "];

/// `entities` with the odd item of each list retyped (see the module
/// note).
pub(super) fn agree(mut entities: Vec<Entity>, text: &str, gaz: &Gazetteer) -> Vec<Entity> {
    // Every mention as (start, end, entity), in text order.
    let mut mentions: Vec<(usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (m.start, m.end, e)))
        .collect();
    mentions.sort_unstable();
    let joined = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
        text.get(a.1..b.0).is_some_and(|gap| JOINS.contains(&gap))
    };
    let mut retype: HashMap<usize, &'static str> = HashMap::new();
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        while end < mentions.len() && joined(&mentions[end - 1], &mentions[end]) {
            end += 1;
        }
        if end - start >= 3 {
            if let Some((odd, kind)) = odd_one(&entities, &mentions[start..end], text, gaz) {
                retype.insert(odd, kind);
            }
        }
        start = end;
    }
    for (e, kind) in retype {
        entities[e].kind = kind.to_string();
    }
    entities
}

/// The one item of a list whose type the others (all agreeing, a person's
/// or an organisation's) do not share, if it may take theirs.
fn odd_one(
    entities: &[Entity],
    list: &[(usize, usize, usize)],
    text: &str,
    gaz: &Gazetteer,
) -> Option<(usize, &'static str)> {
    let kind_of = |&(_, _, e): &(usize, usize, usize)| entities[e].kind.as_str();
    let kind = ["PER", "ORG"]
        .into_iter()
        .find(|k| list.iter().filter(|m| kind_of(m) == *k).count() == list.len() - 1)?;
    let odd = list.iter().find(|m| kind_of(m) != kind)?.2;
    let e = &entities[odd];
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let last = *words.last()?;
    // Its own words say what it is: a head noun anywhere ("Hambros Bank
    // Limited"), an "of" ("Sioux Tribes of Fort Peck"), a known first name
    // opening a person's name; and no person is an acronym ("CA") or
    // plural ("Beastie Boys", "Black Eyed Peas" beside singers).
    let says_itself = words.iter().any(|w| heads::head_kind(w).is_some())
        || words.contains(&"of")
        || (words.len() >= 2 && e.kind == "PER" && FirstNames::embedded().contains(words[0]))
        || (kind == "PER"
            && (last.chars().all(|c| c.is_ascii_uppercase())
                || (last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))));
    // A place named more than once was typed by more than one mention
    // ("Wales", which the gazetteer lacks, beside two rugby players); a
    // person who "said he" is one ("President of the Brazilian Coffee
    // Institute, IBC, Jorio Dauster", then "Dauster said he would talk";
    // not "Goldman, Sachs and Co" named twice).
    let place = e.geo.is_some()
        || !gaz.lookup(&e.name).is_empty()
        || (e.kind == "LOC" && e.mentions.len() >= 2);
    let person = e.kind == "PER"
        && e.mentions
            .iter()
            .any(|m| super::wordlists::said_he_after(text, m.start, m.end));
    (!place && !person && e.wikidata.is_none() && !says_itself).then_some((odd, kind))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{names_and_types, run};

    #[test]
    fn the_odd_item_of_a_list_takes_the_type_of_the_rest() {
        let check = |text: &str, expect: &[(&str, &str)]| {
            let e = run(text);
            let named = names_and_types(&e);
            for (name, kind) in expect {
                assert!(
                    named.contains(&(*name, *kind)),
                    "{name} {kind} not in {named:?}"
                );
            }
        };
        check(
            "Phones\n\nThe group's members include Dell, Samsung and Matsushita, it said.",
            &[("Matsushita", "ORG"), ("Dell", "ORG"), ("Samsung", "ORG")],
        );

        // A resolved place and a first name's person stay.
        check(
            "Shortlist\n\nWales won on Sunday. The film stars Anna Kovac, Peter Lund and Wales, \
             its maker said. Rivals are Microsoft, Google and Bill Gates.",
            &[("Wales", "LOC"), ("Bill Gates", "PER")],
        );
        // A person who "said he" after the list stays a person.
        check(
            "Coffee\n\nPresident of the Vell Coffee Institute, VCI, Jorum Daste, told reporters. \
             Daste said he would talk.",
            &[("Jorum Daste", "PER")],
        );
    }
}
