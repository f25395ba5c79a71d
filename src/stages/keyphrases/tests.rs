//! The keyphrases stage's tests: data-driven, on invented articles.

use super::*;
use crate::stages::structure::StructureStage;

#[test]
fn runs_that_are_clauses_look_like_verbs() {
    for (key, clause) in [
        ("casualties rose", true),
        ("tropical cyclone known", true),
        ("polish chef named", true),
        ("people died due", true),
        ("search took advantage", true),
        ("palace issued", true),
        ("armed forces", false),
        ("densely populated northeast", false),
        ("polish chef", false),
        ("grain exports", false),
    ] {
        assert_eq!(ends_like_verb(key), clause, "{key}");
    }
}

#[test]
fn phrases_are_weighted_and_deduplicated() {
    let mut out = Annotations::default();
    let doc = Article::from_text(
        "Port strike halts grain exports\n\n\
         Dock workers walked out on Monday, halting grain exports from the port. \
         The strike is the first at the port since 2009. Grain exports are worth $2 billion a year. \
         Union leaders said the strike would last until pay talks resumed. Pay talks broke down last week.",
    );
    StructureStage::default().run(&doc, &mut out).unwrap();
    let k = keyphrases(&doc, &out, 8);
    let texts: Vec<&str> = k.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts[0], "grain exports", "{texts:?}");
    assert!(texts.contains(&"pay talks"), "{texts:?}");
    assert!(texts
        .iter()
        .all(|t| !nlp::STOPWORDS.contains(&t.to_lowercase().as_str())));
    // No phrase is a sub-phrase of another.
    for a in &texts {
        for b in &texts {
            assert!(
                a == b
                    || !format!(" {} ", b.to_lowercase())
                        .contains(&format!(" {} ", a.to_lowercase())),
                "{a} in {b}"
            );
        }
    }
    assert_eq!(k[0].score, 1.0);
}

/// The top `n` phrases of `text` (a headline, a blank line, the body),
/// lower-cased.
fn top(text: &str, n: usize) -> Vec<String> {
    let mut out = Annotations::default();
    let doc = Article::from_text(text);
    StructureStage::default().run(&doc, &mut out).unwrap();
    keyphrases(&doc, &out, n)
        .into_iter()
        .map(|k| k.text.to_lowercase())
        .collect()
}

/// `first` is among the top `n` and ranks above `second` (or `second` is
/// not among the top `n` at all).
fn check(text: &str, n: usize, first: &str, second: &str) {
    let got = top(text, n);
    let at = |p: &str| got.iter().position(|g| g == p);
    let (Some(a), b) = (at(first), at(second)) else {
        panic!("{first:?} not in the top {n}: {got:?}");
    };
    assert!(
        b.is_none_or(|b| a < b),
        "{second:?} above {first:?}: {got:?}"
    );
}

#[test]
fn specific_phrases_beat_generic_words() {
    // A generic word that comes early and twice or three times against a
    // specific phrase used once or twice, later.
    for generic in ["new", "across"] {
        check(
            "Council meeting ends\n\n\
             New rules across the city were new to many. The council met across town. \
             Residents said the new plan was fine. Later a fossil fuel levy was proposed.",
            6,
            "fossil fuel levy",
            generic,
        );
    }
    check(
        "Talks end\n\n\
         The talks will end soon, officials said. Both sides want an end to the dispute. \
         They will serve notice and serve the papers by the end of the week. \
         The dispute is over groundwater extraction permits in the valley. \
         Groundwater extraction has doubled.",
        6,
        "groundwater extraction",
        "end",
    );
}

#[test]
fn singular_and_plural_are_one_phrase() {
    for (word, key) in [
        ("profits", "profit"),
        ("profit", "profit"),
        ("companies", "company"),
        ("pre-tax profits", "pre-tax profit"),
        ("news", "news"),
        ("crisis", "crisis"),
        ("bus", "bus"),
        ("glass", "glass"),
        ("series", "series"),
        ("its", "its"),
    ] {
        assert_eq!(singular_key(word.to_string()), key, "{word}");
    }
    let got = top(
        "Profits rise\n\nThe bank said profits rose in the quarter. Profit from trading \
         doubled, and profits from loans grew. Analysts expect profit to keep rising.",
        5,
    );
    let forms = got
        .iter()
        .filter(|g| *g == "profit" || *g == "profits")
        .count();
    assert_eq!(forms, 1, "{got:?}");
}

#[test]
fn months_weekdays_and_past_forms_give_way() {
    // "February" is as frequent as "sanctions" but is the dates stage's;
    // "filed" is a verb, "lawsuit" what was filed.
    let got = top(
        "States sue over sanctions\n\n\
         The sanctions began in February. In February the states filed a lawsuit over the \
         sanctions, and in February they filed a second lawsuit. The sanctions remain.",
        2,
    );
    assert!(!got.contains(&"february".to_string()), "{got:?}");
    assert_eq!(got[0], "sanctions", "{got:?}");
    assert!(!got.contains(&"filed".to_string()), "{got:?}");
    // "died" is what happened; "thousand" is the amounts stage's.
    let got = top(
        "Flood toll rises\n\n\
         More than a thousand people died when the river burst its banks. Rescuers said a \
         thousand more were missing. Most of those who died lived near the river. Officials \
         said hundreds died in the first hours, and another thousand were hurt.",
        4,
    );
    assert!(!got.contains(&"died".to_string()), "{got:?}");
    assert!(!got.contains(&"thousand".to_string()), "{got:?}");
    // Wire copy's units are the amounts stage's too.
    let got = top(
        "Acme profit up\n\n\
         Acme said profit rose 12 pct to 40 mln dlrs. Sales rose 9 pct to 300 mln dlrs, and \
         margins rose two pct. Acme said costs fell five pct to 80 mln dlrs.",
        3,
    );
    assert!(
        !got.iter()
            .any(|k| k.split(' ').any(|w| ["pct", "mln", "dlrs"].contains(&w))),
        "{got:?}"
    );
    // Who spoke without a name is not what the article is about.
    let got = top(
        "Dollar falls\n\n\
         The dollar fell, dealers said. Dealers said the dollar could fall further, and \
         analysts agreed. Analysts said dealers expected the central bank to act.",
        3,
    );
    assert!(!got.contains(&"dealers".to_string()), "{got:?}");
    assert!(!got.contains(&"analysts".to_string()), "{got:?}");
    assert_eq!(got[0], "dollar", "{got:?}");
    // Nor is a unit, plural in the text, singular in the key.
    let got = top(
        "Wheat exports up\n\n\
         Exports rose to 12,000 tonnes. Imports fell to 3,000 tonnes, and stocks held 900 \
         tonnes. Traders expect 5,000 tonnes of wheat exports next month.",
        3,
    );
    assert!(!got.contains(&"tonnes".to_string()), "{got:?}");
}

#[test]
fn a_preposition_or_adverb_opens_or_ends_no_phrase() {
    let got = top(
        "Thieves hit banks\n\n\
         Police linked major heists across the region to one gang. The heists across three \
         towns netted cash near the border, and the gang stayed near the border like others. \
         Detectives said the heists were like those of the past decade.",
        10,
    );
    for g in &got {
        let words: Vec<&str> = g.split(' ').collect();
        for edge in [words[0], words[words.len() - 1]] {
            assert!(
                !matches!(edge, "across" | "near" | "like"),
                "{g:?} in {got:?}"
            );
        }
    }
    assert!(got.contains(&"heists".to_string()), "{got:?}");
}

#[test]
fn a_modal_or_common_verb_is_no_part_of_a_phrase() {
    let got = top(
        "Pension vote\n\nParties cannot afford to ignore older voters. The vote will take place \
         in May, and parties cannot afford to lose it. The vote will take place on a pension \
         plan the corporation shall construct. The plan becomes law and the plan becomes \
         binding.",
        10,
    );
    for g in &got {
        assert!(
            !g.split(' ')
                .any(|w| matches!(w, "cannot" | "take" | "shall" | "becomes")),
            "{g:?} in {got:?}"
        );
    }
}

#[test]
fn an_adverb_in_ly_opens_or_ends_no_phrase() {
    let got = top(
        "Chef stabbed at market\n\n\
         A chef was stabbed reportedly several times at the market. The attack, allegedly \
         politically motivated, closed the market. Officials reportedly several times asked \
         traders to leave. The deadly attack shocked the family market.",
        10,
    );
    for g in &got {
        for w in g.split(' ') {
            assert!(!matches!(w, "reportedly" | "allegedly"), "{g:?} in {got:?}");
        }
    }
    // An adjective or a noun in "-ly" stays; so does an adverb before a
    // participle.
    assert!(got.iter().any(|g| g.contains("deadly")), "{got:?}");
    let got = top(
        "Jobless total falls\n\n\
         The seasonally adjusted jobless total fell in March. Economists watch the seasonally \
         adjusted jobless total closely, and the seasonally adjusted figure fell again.",
        10,
    );
    assert!(
        got.iter().any(|g| g.starts_with("seasonally adjusted")),
        "{got:?}"
    );
    assert!(!got.iter().any(|g| g.contains("closely")), "{got:?}");
}

#[test]
fn a_title_alone_is_no_keyphrase() {
    let got = top(
        "President visits port\n\n\
         President Lind opened the port. The President spoke of trade, and Sir Oscar Brandt \
         said trade through the port would double. Sir Oscar thanked the President.",
        10,
    );
    assert!(!got.contains(&"president".to_string()), "{got:?}");
    assert!(!got.contains(&"sir".to_string()), "{got:?}");
}

#[test]
fn specific_single_words_frequent_in_the_article_stay() {
    // A rare word used four times beats generic words used as often.
    check(
        "Shark study published\n\n\
         Researchers tracked the sevengill for a year. The sevengill returned to the bay \
         every spring, the study said. Many people saw the sevengill near the shore, and \
         people said the sevengill was calm. Many people were surprised.",
        3,
        "sevengill",
        "people",
    );
}

#[test]
fn names_the_entities_stage_missed_are_favoured() {
    // "Raksa" and "Ubol" are capitalised mid-sentence; "royal" and "party"
    // are common words used as often.
    check(
        "Party withdraws nomination\n\n\
         The party named Ubol Raksa on Friday. The royal palace said Ubol Raksa was not \
         eligible. The party withdrew the royal nomination.",
        4,
        "ubol raksa",
        "party",
    );
}

#[test]
fn background_specificity() {
    let b = Background::parse("# comment\n#documents\t99\nnew\t99\nacross\t9\nrare\t1\n");
    assert_eq!((b.documents(), b.len()), (99, 3));
    let s = |w: &str| (b.specificity(w) * 1000.0).round() / 1000.0;
    assert_eq!(s("new"), 0.0);
    assert_eq!(s("unseen"), 1.0);
    assert!(s("across") < s("rare") && s("rare") < 1.0);
    // An empty table makes every word specific.
    assert_eq!(Background::parse("").specificity("new"), 1.0);
    // The shipped table: generic words score low, news-specific ones high.
    let e = Background::embedded();
    assert!(e.documents() > 10_000 && e.len() > 5_000, "{}", e.len());
    for w in ["new", "across", "people", "state"] {
        assert!(e.specificity(w) < 0.45, "{w}: {}", e.specificity(w));
    }
    for w in ["sevengill", "groundwater", "guardrail"] {
        assert!(e.specificity(w) > 0.75, "{w}: {}", e.specificity(w));
    }
}
