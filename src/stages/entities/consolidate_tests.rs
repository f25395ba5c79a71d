//! Tests of consolidation: keys, grouping and naming over mentions laid
//! out one after another (`consolidate.rs`).

use super::*;

/// Mentions as (text, type), laid out one after another, consolidated.
fn consolidated(mentions: &[(&str, &'static str)]) -> Vec<Entity> {
    let mut text = String::new();
    let ms: Vec<Mention> = mentions
        .iter()
        .map(|(t, kind)| {
            let start = text.len();
            text.push_str(t);
            text.push_str(". ");
            Mention {
                text: t.to_string(),
                start,
                end: start + t.len(),
                kind,
            }
        })
        .collect();
    let prom = Prominence {
        salient: &[],
        minor: &[],
        dateline: None,
    };
    let gaz = crate::ner::features::Lexicon::embedded().gaz;
    consolidate(&text, &ms, &Aliases::builtin(), gaz, &prom)
}

/// Mentions as (text, type); the names of the entities they group into,
/// with their aliases.
fn check(mentions: &[(&str, &'static str)], expect: &[(&str, &[&str])]) {
    let mut got: Vec<(String, Vec<String>)> = consolidated(mentions)
        .into_iter()
        .map(|e| (e.name, e.aliases))
        .collect();
    got.sort();
    let mut want: Vec<(String, Vec<String>)> = expect
        .iter()
        .map(|(n, a)| (n.to_string(), a.iter().map(ToString::to_string).collect()))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

/// Mentions as (text, type); each entity's (name, type).
fn check_types(mentions: &[(&str, &'static str)], expect: &[(&str, &str)]) {
    let mut got: Vec<(String, String)> = consolidated(mentions)
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = expect
        .iter()
        .map(|(n, k)| (n.to_string(), k.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn a_first_surname_of_two_is_the_person() {
    check(
        &[
            ("Wanda Vázquez Garced", "PER"),
            ("Vázquez", "PER"),
            ("Harry Connick Jr", "PER"),
            ("Connick", "PER"),
            ("Lee Harvey Oswald", "PER"),
            ("Harvey", "PER"),
        ],
        &[
            ("Wanda Vázquez Garced", &["Vázquez"]),
            ("Harry Connick Jr", &["Connick"]),
            ("Lee Harvey Oswald", &[]),
            ("Harvey", &[]),
        ],
    );
}

#[test]
fn the_award_is_no_person() {
    // "an Oscar nomination": the tagger's person is the award, one entity
    // with its plural and its formal name; a longer name stays a person.
    check_types(
        &[
            ("Oscar", "PER"),
            ("Oscars", "MISC"),
            ("Academy Award", "MISC"),
            ("Oscar Wilde", "PER"),
        ],
        &[("Academy Awards", "MISC"), ("Oscar Wilde", "PER")],
    );
    // "nominated for a Golden Globe" (tagged a person), "the Golden
    // Globes" (tagged a place): one award.
    check_types(
        &[("Golden Globe", "PER"), ("Golden Globes", "LOC")],
        &[("Golden Globe Awards", "MISC")],
    );
}

#[test]
fn a_religions_followers_are_misc() {
    // A religion's followers, typed a person or a body by the tagger, are
    // MISC and one entity with the adjective; "Hindu" is left out of the
    // table, so "The Hindu", a newspaper, is no follower.
    check_types(
        &[
            ("Muslim", "PER"),
            ("Muslims", "PER"),
            ("Roman Catholics", "ORG"),
            ("Sunnis", "PER"),
            ("The Hindu", "ORG"),
        ],
        &[
            ("Muslims", "MISC"),
            ("Catholics", "MISC"),
            ("Sunnis", "MISC"),
            ("The Hindu", "ORG"),
        ],
    );
}

#[test]
fn a_body_named_by_its_head_noun_keeps_its_type() {
    // Its acronym, typed a place more often, joins it and does not outvote
    // the head noun.
    check_types(
        &[
            ("Football Association", "ORG"),
            ("FA", "LOC"),
            ("FA", "LOC"),
        ],
        &[("Football Association", "ORG")],
    );
    // Without a head noun the mentions' majority still decides.
    check_types(
        &[("Acme Widgets", "ORG"), ("AW", "LOC"), ("AW", "LOC")],
        &[("Acme Widgets", "LOC")],
    );
}

#[test]
fn two_names_of_one_city_are_one_place() {
    check(
        &[
            ("Kyiv", "LOC"),
            ("Kiev", "LOC"),
            ("Bombay", "LOC"),
            ("Lviv", "LOC"),
        ],
        &[("Kyiv", &["Kiev"]), ("Mumbai", &["Bombay"]), ("Lviv", &[])],
    );
}

#[test]
fn a_bare_head_noun_is_the_last_name_ending_in_it() {
    check(
        &[
            ("Washington State University", "ORG"),
            ("Oxford University", "ORG"),
            ("University", "ORG"),
            ("Council", "ORG"),
        ],
        &[
            ("Washington State University", &[]),
            ("Oxford University", &["University"]),
            ("Council", &[]),
        ],
    );
}

#[test]
fn a_first_name_is_the_one_person_with_it() {
    check(
        &[("Mark Zuckerberg", "PER"), ("Mark", "PER")],
        &[("Mark Zuckerberg", &["Mark"])],
    );
    // A first name tagged as a place, when it is no gazetteer place.
    check(
        &[("Britney Spears", "PER"), ("Britney", "LOC")],
        &[("Britney Spears", &["Britney"])],
    );
    // Two people with that first name: it stays apart.
    check(
        &[
            ("Mark Twain", "PER"),
            ("Mark Zuckerberg", "PER"),
            ("Mark", "PER"),
        ],
        &[("Mark Twain", &[]), ("Mark Zuckerberg", &[]), ("Mark", &[])],
    );
    // A place that is also a first name stays a place.
    check(
        &[("Georgia Smith", "PER"), ("Georgia", "LOC")],
        &[("Georgia Smith", &[]), ("Georgia", &[])],
    );
}

#[test]
fn a_country_qualified_organisation_is_the_bare_one() {
    // Named as the alias table names it, else by its longest form.
    check(
        &[("Federal Reserve", "ORG"), ("US Federal Reserve", "ORG")],
        &[("Federal Reserve", &["US Federal Reserve"])],
    );
    check(
        &[
            ("Communist Party", "ORG"),
            ("Chinese Communist Party", "ORG"),
        ],
        &[("Chinese Communist Party", &["Communist Party"])],
    );
    // Not when the bare name is of another type, or the qualifier is
    // not a country.
    check(
        &[("Air China", "ORG"), ("China", "LOC")],
        &[("Air China", &[]), ("China", &[])],
    );
    check(
        &[("Manchester United", "ORG"), ("United", "ORG")],
        &[("Manchester United", &[]), ("United", &[])],
    );
}

#[test]
fn a_countrys_initials_are_the_country() {
    // "Dubai, UAE"; "DRC" typed ORG by the tagger; the gazetteer's
    // demonym joins the table's country.
    check_types(
        &[
            ("UAE", "LOC"),
            ("DRC", "ORG"),
            ("United Arab Emirates", "LOC"),
            ("Emirati", "MISC"),
        ],
        &[
            ("United Arab Emirates", "LOC"),
            ("Democratic Republic of the Congo", "LOC"),
        ],
    );
}
