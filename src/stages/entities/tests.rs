//! Entity tests on fixtures written for this repo: merging, aliases,
//! places and countries, honorifics and offices, surnames; the shared
//! helpers (`check`, `find`, `run`). Names and types that context decides
//! are in `context_tests.rs`.

use super::*;
use crate::stages::structure::StructureStage;

pub(super) fn run(text: &str) -> Entities {
    let mut out = Annotations::default();
    let doc = Article::from_text(text);
    StructureStage::default().run(&doc, &mut out).unwrap();
    EntitiesStage::build(Config::default())
        .unwrap()
        .run(&doc, &mut out)
        .unwrap();
    out.entities.unwrap()
}

/// Each entity's (name, type), in order.
pub(super) fn names_and_types(e: &Entities) -> Vec<(&str, &str)> {
    e.entities
        .iter()
        .map(|x| (x.name.as_str(), x.kind.as_str()))
        .collect()
}

pub(super) fn find<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no entity {name:?}; have {:?}",
                e.entities
                    .iter()
                    .map(|x| (&x.name, &x.kind, &x.aliases))
                    .collect::<Vec<_>>()
            )
        })
}

/// The mention texts, in order, of the entity named `name`.
pub(super) fn mention_texts<'a>(e: &'a Entities, name: &str) -> Vec<&'a str> {
    find(e, name).mentions.iter().map(|m| m.text.as_str()).collect()
}

/// (entity name, type, aliases that must be merged into it)
pub(super) fn check(text: &str, expect: &[(&str, &str, &[&str])]) -> Entities {
    let e = run(text);
    for (name, kind, aliases) in expect {
        let ent = find(&e, name);
        assert_eq!(ent.kind, *kind, "{name}");
        for a in *aliases {
            assert!(
                ent.aliases.iter().any(|x| x == a),
                "{name} lacks alias {a:?}: {:?}",
                ent.aliases
            );
        }
        let same_name = e.entities.iter().filter(|x| x.name == *name).count();
        assert_eq!(same_name, 1, "{name} appears {same_name} times");
    }
    e
}

/// A chunk rule over one sentence: (sentence, tagged chunks as (first
/// word, word count, type)) → the chunks after the rule, as (text, type).
/// Shared by the rule modules' tests (heads.rs, runon.rs).
pub(super) fn check_chunks(
    rule: fn(
        Vec<crate::ner::Chunk>,
        &[&str],
        &crate::gazetteer::Gazetteer,
    ) -> Vec<crate::ner::Chunk>,
    sentence: &str,
    tagged: &[(usize, usize, &'static str)],
    expect: &[(&str, &str)],
) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let cs = tagged
        .iter()
        .map(|&(start, n, kind)| crate::ner::Chunk {
            start,
            end: start + n,
            kind,
        })
        .collect();
    let got: Vec<(String, &str)> = rule(cs, &words, Gazetteer::embedded())
        .iter()
        .map(|c| (words[c.start..c.end].join(" "), c.kind))
        .collect();
    let expect: Vec<(String, &str)> = expect.iter().map(|(t, k)| (t.to_string(), *k)).collect();
    assert_eq!(got, expect, "{sentence}");
}

const STRIKE: &str = "Dock strike spreads to Rosport\n\n\
GDANSK, Poland (Wirewire) - Polish dock workers joined the strike on Monday, union leader Mara Lind said.\n\n\
\"We stand together,\" Lind told reporters in Gdansk. The International Transport Workers' Federation (ITF) \
backed the walkout, and the ITF said German ports could follow.\n\n\
Chief executive Jonas Vik of Baltica Terminals said the company had asked the European Union to mediate. \
Vik said EU officials would meet on Thursday.";

#[test]
fn merges_surnames_acronyms_demonyms_and_aliases() {
    let e = check(
        STRIKE,
        &[
            ("Mara Lind", "PER", &["Lind"]),
            ("Jonas Vik", "PER", &["Vik"]),
            ("European Union", "ORG", &["EU"]),
            ("Poland", "LOC", &["Polish"]),
        ],
    );
    // "German ports": a country named only by its demonym is no entity,
    // but it is among the countries of focus.
    assert!(
        e.entities.iter().all(|x| x.name != "Germany"),
        "{:?}",
        e.entities
    );
    assert!(
        e.countries.iter().any(|c| c.country == "DE"),
        "{:?}",
        e.countries
    );
    let lind = find(&e, "Mara Lind");
    assert_eq!(lind.count, 2);
    for m in &lind.mentions {
        assert!(STRIKE[m.start..m.end] == m.text);
    }
    assert_eq!(
        find(&e, "Poland").geo.as_ref().unwrap().country.as_deref(),
        Some("PL")
    );
    assert_eq!(e.countries[0].country, "PL", "{:?}", e.countries);
}

#[test]
fn the_alias_table_names_groups_the_tagger_cuts_or_misses() {
    // 2026-12-03 (eb): "Houthis" was no entity, "Boko Haram" was "Boko",
    // "Fine Gael" was "Fine".
    check(
        "Clashes in the north\n\nThe Houthis fired a missile on Monday. Six soldiers and 34 \
         Boko Haram gunmen were killed. In Dublin, Fine Gael and Fianna Fail formed a coalition.",
        &[
            ("Houthis", "ORG", &[]),
            ("Boko Haram", "ORG", &[]),
            ("Fine Gael", "ORG", &[]),
            ("Fianna Fáil", "ORG", &["Fianna Fail"]),
        ],
    );
    // 2026-12-03 (ei): "Washington DC" was "Washington" and a place "DC",
    // "Washington, D.C." had no coordinates, "GoFundMe" was no entity.
    let e = check(
        "Protest

A man set himself on fire in Washington DC on Friday. He had lived in          Washington, D.C. since 2010, and friends raised money on GoFundMe.",
        &[
            ("Washington, D.C.", "LOC", &["Washington DC"]),
            ("GoFundMe", "ORG", &[]),
        ],
    );
    let geo = find(&e, "Washington, D.C.").geo.clone().expect("geo");
    assert_eq!(geo.country.as_deref(), Some("US"));
    assert!(geo.lat.is_some());
}

/// The reference sample from ../shared, when present (acceptance of issue 3, entities part).
#[test]
fn shared_sample_entities() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/samples/wire-article-iraq.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("SKIP shared_sample_entities: {path} not found");
        return;
    };
    let e = check(
        &text,
        &[
            ("Adel Abdul Mahdi", "PER", &["Abdul Mahdi"]),
            ("Mike Pompeo", "PER", &["Pompeo"]),
            ("Islamic State", "ORG", &["ISIS", "Daesh"]),
            ("Kataib Hezbollah", "ORG", &[]),
            ("Reuters", "ORG", &[]),
            ("Iraq", "LOC", &["Iraqi"]),
            ("Iran", "LOC", &["Iranian"]),
            ("United States", "LOC", &["U.S."]),
        ],
    );
    find(&e, "Qasem Soleimani");
    for cc in ["IQ", "IR", "SY", "KW", "US"] {
        assert!(
            e.countries.iter().any(|c| c.country == cc),
            "{cc} missing from {:?}",
            e.countries
        );
    }
    assert_eq!(e.countries[0].country, "IQ", "{:?}", e.countries);
    find(&e, "North Carolina");
    find(&e, "Middle East");
}

#[test]
fn unit_names_keep_their_ordinal() {
    let e = run(
        "Troops arrive\n\nSoldiers of the 101st Airborne Division landed in Erbil on Monday, \
        joining the 3rd Infantry Division, officials said.",
    );
    find(&e, "101st Airborne Division");
    find(&e, "3rd Infantry Division");
    assert!(
        !e.entities.iter().any(|x| x.name == "Airborne Division"),
        "{:?}",
        e.entities.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_body_named_after_its_place_counts_for_its_country() {
    // "Pennsylvania Public Utility Commission" is one organisation; its
    // state still makes the United States a country of focus.
    let e = run(
        "Rates approved\n\nThe Pennsylvania Public Utility Commission approved \
        higher electricity rates on Monday, the commission said.",
    );
    assert!(
        names_and_types(&e).contains(&("Pennsylvania Public Utility Commission", "ORG")),
        "{:?}",
        names_and_types(&e)
    );
    let top = e.countries.first().map(|c| c.country.as_str());
    assert_eq!(top, Some("US"), "{:?}", e.countries);
    // A county whose name a town abroad has too says no country for a
    // body named after it: Essex Chemical is no British firm.
    let e = run("Notes\n\nEssex Chemical Corp said on Monday it would sell notes.");
    assert!(
        !e.countries.iter().any(|c| c.country == "GB"),
        "{:?}",
        e.countries
    );
}

#[test]
fn honorifics_are_not_part_of_the_name() {
    let e = check(
        "Rates on hold\n\nThe euro rose after central bank chief Orla Brennick spoke on Tuesday. \
        Mr Brennick's speech in Madrid ahead of the meeting of finance ministers sent the euro \
        higher. Analyst Dr. Ines Valtor agreed, and Ms Valtor's team expects no change this year.",
        &[
            ("Orla Brennick", "PER", &["Brennick"]),
            ("Ines Valtor", "PER", &["Valtor"]),
        ],
    );
    let names: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Mr") || n.starts_with("Ms") || n.starts_with("Dr")),
        "{names:?}"
    );
}

#[test]
fn a_currency_code_names_no_place_and_dr_is_no_doctor() {
    // "US$", "HK$": the dollar, not the country; "DR Congo" is a country.
    let e = run(
        "Fines rose to US$500 and HK$2,000 a day, the ministry in Kinshasa said. \
        Officials from DR Congo agreed.",
    );
    let names = names_and_types(&e);
    assert!(
        !names
            .iter()
            .any(|(n, _)| *n == "United States" || *n == "HK"),
        "{names:?}"
    );
    assert!(
        names.contains(&("Democratic Republic of the Congo", "LOC")),
        "{names:?}"
    );
}

#[test]
fn a_located_organisation_is_split_from_its_place() {
    let e = run(
        "Dollar gains\n\nThe dollar rose on Thursday. \"The chairman sounded calm,\" said Robert \
        Sinche, head of currency strategy at Bank of America in New York.",
    );
    let names: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains(" in ")), "{names:?}");
    assert!(names.contains(&"New York"), "{names:?}");
}

#[test]
fn a_name_does_not_end_in_a_function_word() {
    let e = run(
        "Carmakers merge\n\nShares in Fiat and General Motors rose on Monday. Analysts at \
        Barclays Capital but in London were cautious. Author Jo Rowling in Edinburgh said \
        nothing.",
    );
    no_name_ends_in(&e, |n| {
        n.rsplit(' ')
            .next()
            .is_some_and(|w| super::wordlists::ends_no_name(&w.to_lowercase()))
    });
}

/// Asserts that `bad` accepts no entity name or alias.
pub(super) fn no_name_ends_in(e: &Entities, bad: impl Fn(&str) -> bool) {
    let names: Vec<String> = e
        .entities
        .iter()
        .flat_map(|x| std::iter::once(x.name.clone()).chain(x.aliases.iter().cloned()))
        .collect();
    let found: Vec<&String> = names.iter().filter(|n| bad(n)).collect();
    assert!(found.is_empty(), "{found:?} in {names:?}");
}

#[test]
fn head_nouns_type_names_and_surnames_follow_their_person() {
    let e = check(
        "Campus news\n\nJane Holt, a professor at Washington State University, said the \
        University would grow. Holt joined Warner Bros in 2010. The Washington-based Economic \
        Policy Institute agreed.\n\nThe museum on Lincoln Avenue shows Marilyn Monroe. \
        Marilyn was already famous, and Monroe died that year. Fans flew in from \
        Belgium and Finland.",
        &[
            ("Washington State University", "ORG", &["University"]),
            ("Warner Bros", "ORG", &[]),
            ("Economic Policy Institute", "ORG", &[]),
            ("Lincoln Avenue", "LOC", &[]),
            ("Marilyn Monroe", "PER", &["Monroe"]),
            ("Belgium", "LOC", &[]),
            ("Finland", "LOC", &[]),
        ],
    );
    assert_eq!(
        e.entities.len(),
        8,
        "{:?}",
        e.entities.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

#[test]
fn places_of_worship_are_places() {
    // The tagger read "Shri Swaminarayan Mandir Temple" as a person.
    check(
        "Leader visits temple\n\nThe party leader will visit the Shri Swaminarayan Mandir Temple \
        in Neasden on Saturday and speak at Liverpool's Anglican Cathedral on Sunday.",
        &[
            ("Shri Swaminarayan Mandir Temple", "LOC", &[]),
            ("Anglican Cathedral", "LOC", &[]),
        ],
    );
}

#[test]
fn an_office_is_not_part_of_a_name() {
    let e = check(
        "Harbour fire\n\n\"It is the worst night we have had,\" said Harbour County Sheriff Ann \
        Brook. Mayor Tom Reyes visited the pier. \"We grieve,\" tweeted Mayor of London Lena \
        Ortiz. Ortiz and Reyes met Brook later.",
        &[
            ("Ann Brook", "PER", &["Brook"]),
            ("Tom Reyes", "PER", &["Reyes"]),
            ("Lena Ortiz", "PER", &["Ortiz"]),
        ],
    );
    let names: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Mayor") || n.contains("Sheriff")),
        "{names:?}"
    );
}

#[test]
fn a_shared_surname_goes_to_the_person_the_alias_table_gives_it() {
    // The niece is named last; "Trump" is still the president's.
    let e = run(
        "President Donald Trump spoke on Monday. Trump said the economy was strong. \
         Later, Trump visited Ohio.\n\nSeveral days later, Trump's niece Mary Trump released \
         a book. Trump called it false.",
    );
    assert_eq!(find(&e, "Donald Trump").mentions.len(), 5, "{:?}", e.entities);
    assert_eq!(find(&e, "Mary Trump").mentions.len(), 1, "{:?}", e.entities);
}

#[test]
fn a_shared_surname_goes_to_the_person_named_last_before_it() {
    // Neither is in the alias table: "Murray" is the Murray named so far,
    // then the one named since; a surname before either full name goes to
    // the first named after it.
    let e = run(
        "Yesterday Murray was fit. Euan Murray has been named in the squad. \
         \"I'm just happy,\" said Murray on Monday.\n\nScott Murray joins him. \
         Murray, 31, played in Paris.",
    );
    let mentions = |name: &str| mention_texts(&e, name);
    assert_eq!(
        mentions("Euan Murray"),
        ["Murray", "Euan Murray", "Murray"],
        "{:?}",
        e.entities
    );
    assert_eq!(
        mentions("Scott Murray"),
        ["Scott Murray", "Murray"],
        "{:?}",
        e.entities
    );
}

#[test]
fn a_party_label_before_a_members_title_is_no_person() {
    let e = run(
        "Treaty signed\n\nGreen MEP Ada Marsh welcomed the plan. An Austrian Green member \
         of the European Parliament, Jonas Vik, disagreed.",
    );
    let named = names_and_types(&e);
    assert!(!named.iter().any(|(n, _)| *n == "Green"), "{named:?}");
    // A party the alias table knows stays, as the party.
    let e = run("Deaths in custody\n\nLabour MP Ada Marsh said the report was late.");
    assert!(
        names_and_types(&e).contains(&("Labour Party", "ORG")),
        "{:?}",
        e.entities
    );
}

#[test]
fn interjections_initials_and_storms_are_no_entities() {
    let e = run(
        "Storm season\n\nYeah. Nah. Okay. We were ready, said Ann Lee of Hollow Creek. \
        Cyclone Tamsin reached Odisha on Monday, and E. Marsh watched it.",
    );
    let named = names_and_types(&e);
    for bad in ["Yeah", "Nah", "Okay", "E."] {
        assert!(!named.iter().any(|(n, _)| *n == bad), "{bad} in {named:?}");
    }
    assert!(
        named
            .iter()
            .all(|(n, k)| !n.contains("Tamsin") || *k == "MISC"),
        "{named:?}"
    );
}

#[test]
fn a_name_repeated_thousands_of_times_is_one_entity_with_every_mention() {
    // Merging looks names up in indexes, not pairwise: the same answer as
    // a short article gives, for every one of the mentions.
    let text = format!(
        "Port strike spreads\n\n{}",
        "Mara Lind met officials in Oslo. Lind said talks would go on. ".repeat(2_000)
    );
    let e = check(
        &text,
        &[("Mara Lind", "PER", &["Lind"]), ("Oslo", "LOC", &[])],
    );
    assert_eq!(find(&e, "Mara Lind").mentions.len(), 4_000);
    assert_eq!(find(&e, "Oslo").mentions.len(), 2_000);
}

/// The article's own "also known as" joins two names, and each one's
/// other mentions (2026-12-04 (fr)).
#[test]
fn a_name_the_article_gives_another_is_one_entity() {
    check(
        "Talks resume\n\nPalestinian leader Mahmoud Abbas, also known as Abu Mazen, met \
         envoys in Cairo on Monday. Abbas said talks would go on.",
        &[("Mahmoud Abbas", "PER", &["Abu Mazen", "Abbas"])],
    );
}

#[test]
fn a_former_state_is_a_place_of_its_successors_country() {
    // 1980s wire copy: named as written, with the successor's ISO code.
    let e = run("Trade talks\n\nWest Germany and the Soviet Union signed a trade pact on Monday.");
    for (name, iso) in [("West Germany", "DE"), ("Soviet Union", "RU")] {
        let geo = find(&e, name).geo.as_ref().expect(name);
        assert_eq!(
            (geo.country.as_deref(), geo.feature.as_str()),
            (Some(iso), "former country"),
            "{name}"
        );
    }
}

