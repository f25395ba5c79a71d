//! Tests of the quotes stage: spans, speakers and the rules in the
//! order of the module note, on invented articles; the shared helpers
//! (`run`, `check_speakers`). The attribution window's cases are in
//! `window_tests.rs`, wire copy's in `wire_tests.rs`, pronouns' in
//! `pronoun_tests.rs`.

use super::*;
use crate::stages::entities::{Config as EntCfg, EntitiesStage};
use crate::stages::structure::StructureStage;

pub(super) fn run(text: &str) -> Vec<Quote> {
    let mut out = Annotations::default();
    let doc = Article::from_text(text);
    StructureStage::default().run(&doc, &mut out).unwrap();
    EntitiesStage::build(EntCfg::default())
        .unwrap()
        .run(&doc, &mut out)
        .unwrap();
    QuotesStage::build(Config::default())
        .run(&doc, &mut out)
        .unwrap();
    out.quotes.unwrap()
}

fn speaker_name(doc_quotes: &[Quote], i: usize) -> Option<&str> {
    doc_quotes[i].speaker_text.as_deref()
}

#[test]
fn attribution_patterns() {
    let q = run("Port talks stall\n\n\
        \"Every day of disruption costs our customers dearly,\" said Jonas Vik, the port's chief executive.\n\n\
        Union leader Mara Lind spoke on Monday. \"We will not go back until the offer is fair,\" Lind told reporters.\n\n\
        \"The dispute must end soon for everyone's sake,\" the ministry statement read.\n\n\
        \"This is only the first week of it.\n\n\
        \"We are ready for a long strike,\" she said.\n\n\
        Workers carried \"fair pay\" banners.");
    assert_eq!(q.len(), 4, "{q:#?}");
    assert_eq!(speaker_name(&q, 0), Some("Jonas Vik"));
    assert_eq!(speaker_name(&q, 1), Some("Lind"));
    assert!(q[1].speaker.is_some());
    assert_eq!(q[2].speaker, None);
    assert_eq!(q[2].speaker_text.as_deref(), Some("the ministry statement"));
    assert!(
        q[3].text.contains("first week of it.\n\nWe are ready"),
        "multi-paragraph: {:?}",
        q[3].text
    );
    assert_eq!(
        q[3].speaker_text.as_deref(),
        Some("Mara Lind"),
        "pronoun to last person"
    );
}

pub(super) fn check_pronoun(text: &str, expect: Option<&str>) {
    let q = run(text);
    assert_eq!(
        q.last().and_then(|q| q.speaker_text.as_deref()),
        expect,
        "{q:#?}"
    );
}

/// (text, expected speaker_text of each quote in order).
pub(super) fn check_speakers(text: &str, expect: &[Option<&str>]) {
    let q = run(text);
    let got: Vec<Option<&str>> = q.iter().map(|q| q.speaker_text.as_deref()).collect();
    assert_eq!(got, expect, "{text}");
}

#[test]
fn speakers_by_role() {
    // A party and state in brackets between the name and the verb.
    check_speakers(
        "Farm bill\n\nSenator Mara Lind (D-Ore.) said: \"We will vote no on this plan.\"",
        &[Some("Mara Lind")],
    );
    // The outlet told is not the speaker.
    check_speakers(
        "Port talks stall\n\n\"We will appeal the ruling next week,\" Mara Lind told Harbour News.",
        &[Some("Mara Lind")],
    );
    // An affiliation after "of" is not the speaker; the subject is.
    check_speakers(
        "Port talks stall\n\nJonas Vik of the Nordic Shipping Council said: \"Costs are rising for every operator.\"",
        &[Some("Jonas Vik")],
    );
    // A name after "at" in an earlier clause is not the subject's
    // affiliation; one after "at" and a description is.
    check_speakers(
        "Award night\n\nCollecting the award from model Ann Lee at the ceremony, \
         singer Tomas Berg said: \"I never thought we would win this.\"",
        &[Some("Tomas Berg")],
    );
    check_speakers(
        "Music sales\n\nMike Doran, a research director at analyst Peter Vane, said: \
         \"Downloads will overtake discs within five years.\"",
        &[Some("Mike Doran")],
    );
    // A quote closed by a full stop does not take the next sentence's
    // speaker, who speaks the next quote; the sentence before names its
    // own.
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind spoke first. \"The port stays closed until Monday.\" \
         Oscar Brandt said, \"We expect a long strike ahead of us.\"",
        &[Some("Mara Lind"), Some("Oscar Brandt")],
    );
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind arrived first. \"The port stays closed until Monday.\" \
         Oscar Brandt said, \"We expect a long strike ahead of us.\"",
        &[None, Some("Oscar Brandt")],
    );
}

#[test]
fn speakers_from_the_sentence_or_paragraph_before() {
    // Wire copy wraps its lines, before names too, and indents its
    // paragraphs: the attribution runs on over the wrap.
    check_speakers(
        "PORT TALKS STALL\n\nThe union's offer was warmly received by the\nboard today.\n    \
         \"On balance, this is the best offer we have seen,\" said\nJonas Vik, the port's \
         chief executive.\n    \"We have waited long enough,\"\nMara Lind, the union \
         leader, said after the\nvote.\n",
        &[Some("Jonas Vik"), Some("Mara Lind")],
    );
    // The paraphrase before a quote names its speaker.
    check_speakers(
        "Port talks stall\n\nThe port has lost two ships this month. Mara Lind says the \
         union will hold out. \"We have waited long enough for a fair offer.\"",
        &[Some("Mara Lind")],
    );
    // Through an apposition, the person it describes.
    check_speakers(
        "Port talks stall\n\nOscar Brandt, deputy head of Harbour News, said the talks \
         would resume. \"Both sides want a deal before the holidays.\"",
        &[Some("Oscar Brandt")],
    );
    // Not when a pronoun's reporting clause speaks ("…, he claimed"),
    // nor through a noun in "-ing" ("her writing").
    check_speakers(
        "Port talks stall\n\nOscar Brandt has failed the workers, he claimed. \
         \"The offer is an insult to every crew.\"",
        &[None],
    );
    check_speakers(
        "Port talks stall\n\nCritics such as Mara Lind were full of praise for her \
         writing. \"A rare and moving book about the sea.\"",
        &[None],
    );
    // A paragraph opening with a quote continues the voice of the quote
    // whose attribution ended the paragraph before.
    check_speakers(
        "Port talks stall\n\n\"We will not go back to work,\" union leader Mara Lind \
         told the regional evening news programme on Monday.\n\n\
         \"The offer does not even cover the rising cost of living.\"",
        &[Some("Mara Lind"), Some("Mara Lind")],
    );
}

#[test]
fn descriptions_pronouns_and_participles() {
    // "the union leader" is the person titled so before.
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind met Oscar Brandt on Monday. \
         \"We will not go back until the offer is fair,\" the union leader said.",
        &[Some("Mara Lind")],
    );
    // "The letter by the union leader": the one it is by.
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind met Oscar Brandt on Monday. The letter \
         by the union leader read: \"We will not go back until the offer is fair.\"",
        &[Some("Mara Lind")],
    );
    // Not a title with a qualifier the description lacks: the
    // description stays as written, no entity.
    check_speakers(
        "Port talks stall\n\nDeputy union leader Mara Lind met Oscar Brandt on Monday. \
         \"We will not go back until the offer is fair,\" the union leader said.",
        &[Some("the union leader")],
    );
    // A pronoun right before the verb is its subject; the organisation
    // in the clause is not the speaker.
    check_speakers(
        "Port talks stall\n\nOscar Brandt met the unions on Monday. Asked whether Harbour \
         Council would pay, he said: \"The money is there for a fair deal.\"",
        &[Some("Oscar Brandt")],
    );
    // "the company said": the organisation named before.
    check_speakers(
        "Port talks stall\n\nShares in Harbour Shipping fell after the strike began. \
         \"Every day of disruption costs our customers dearly,\" the company said.",
        &[Some("Harbour Shipping")],
    );
    // So are wire copy's words for a firm ("the corporation", "the
    // utility").
    check_speakers(
        "Power rates\n\nNorthgate Electric raised 2.1 billion dlrs last year. \
         \"The borrowing programme is well within our capacity,\" the corporation said.",
        &[Some("Northgate Electric")],
    );
    // The entity stage's descriptors name one too (`nlp::bodies`: "the
    // watchdog"); a publication stays the description.
    check_speakers(
        "Port talks stall\n\nShares in Harbour Shipping fell after Ofcom opened an inquiry. \
         \"The rules on pricing are clear,\" the watchdog said.",
        &[Some("Ofcom")],
    );
    check_speakers(
        "Port talks stall\n\nShares in Harbour Shipping fell after the strike began. \
         \"Every day of disruption costs the port dearly,\" the newspaper said.",
        &[Some("the newspaper")],
    );
    // A conjunction opening the sentence is no part of the description.
    check_speakers(
        "Power rates\n\nNorthgate Electric raised 2.1 billion dlrs last year. But the \
         company, which has said it was studying a sale of the grid, said in a filing that it \
         will continue \"to study all options for the grid.\"",
        &[Some("Northgate Electric")],
    );
    // A question runs on into its attribution; the pronoun's person is
    // named before the pronoun, not after it.
    check_speakers(
        "Port talks stall\n\nMara Lind spoke first. \"Who will pay the crews now?\" \
         Lind asked. Later Oscar Brandt arrived.",
        &[Some("Lind")],
    );
    check_speakers(
        "Port talks stall\n\nMara Lind spoke first. She accused Oscar Brandt of \
         \"walking away from every crew in the port\".",
        &[Some("Mara Lind")],
    );
    // A description with a sex agrees with the person as a pronoun does.
    check_speakers(
        "Parents sentenced\n\nDavid Lind and Louise Lind were sentenced on Friday.\n\n\
         The mother said \"I look forward to the day I can see them.\"",
        &[Some("Louise Lind")],
    );
    // No one a quotation names is the pronoun's person outside it.
    check_speakers(
        "Port talks stall\n\nOscar Brandt praised the union's new leader. \"Adam Kerr \
         wrote a fair offer in one night,\" he explains.",
        &[Some("Oscar Brandt")],
    );
    // ... also when the acronym it defines stands between it and its verb.
    check_speakers(
        "Port talks stall\n\nThe Harbour Workers Federation (HWF) released a statement on \
         Monday. It read, \"We condemn every act of violence in the port.\"",
        &[Some("Harbour Workers Federation")],
    );
    // "it said": the organisation that said something just before.
    check_speakers(
        "Port talks stall\n\nHarbour Council said the strike had cost millions. \
         \"Every day of disruption costs our customers dearly,\" it said.",
        &[Some("Harbour Council")],
    );
    // The description after an opening verb ('," said the firm').
    check_speakers(
        "Port talks stall\n\nShares in Harbour Shipping fell after the strike began. \
         \"Every day of disruption costs our customers dearly,\" said the firm.",
        &[Some("Harbour Shipping")],
    );
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind met Oscar Brandt on Monday. \
         \"We will not go back until the offer is fair,\" added the union leader.",
        &[Some("Mara Lind")],
    );
    // A person's description no one is titled with: the subject of the
    // last person's sentence, as for a pronoun.
    check_speakers(
        "Final lost\n\nTomas Berg was left frustrated after losing to Ivan Petrov. \
         \"I had my chances and did not take them,\" said the 24-year-old.",
        &[Some("Tomas Berg")],
    );
    // Not for several people, a spokesman or a thing.
    for who in ["The judges", "The spokesman", "The newsletter"] {
        check_speakers(
            &format!(
                "Final lost\n\nTomas Berg was left frustrated after losing to Ivan Petrov. \
                 {who} said: \"It was a final of the highest class.\""
            ),
            &[Some(who)],
        );
    }
    // "will say" reports speech; "Unions say" does not pick the
    // organisation after it.
    check_speakers(
        "Port talks stall\n\nOscar Brandt will speak on Monday. He will say that Harbour \
         Council must \"pay every crew what it is owed\".",
        &[Some("Oscar Brandt")],
    );
}

#[test]
fn a_sentence_opening_mark_inside_a_quote_reopens_it() {
    // Flattened copy: the paragraph break between two quoted sentences
    // is lost, the reopening mark stays.
    let q = run(
        "Port talks stall\n\nMara Lind said: \"We are ready for a long strike. \
         \"Nobody wants it, but the offer is not fair.\" The talks resume on Monday.",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.contains("long strike. Nobody wants it"), "{q:#?}");
    // A term quoted inside a quote does not reopen it.
    let q = run(
        "Port talks stall\n\nMara Lind said: \"The \"final\" offer is nothing of \
         the kind.\" The talks resume on Monday.",
    );
    assert!(q.iter().all(|q| !q.text.contains("talks resume")), "{q:#?}");
}

#[test]
fn a_name_opening_a_paragraph_is_no_affiliation() {
    // "from" ends the paragraph before; it does not make "Harbour
    // Council" an affiliation, so the entity speaks.
    let q = run(
        "Port talks stall\n\nThe crews met in a café. It is a case to learn from.\n\n\
         Harbour Council stated, \"The Safety Board will look closely at this case.\"",
    );
    assert!(q[0].speaker.is_some(), "{q:#?}");
}

#[test]
fn the_sentence_before_names_the_speaker() {
    // A short quoted term in it is no quotation of its own.
    check_speakers(
        "Port talks stall\n\nUnion leader Mara Lind said the offer was a \"sham\". \
         \"We will not go back until every crew is paid what it is owed.\"",
        &[Some("Mara Lind")],
    );
    // Inside a paragraph it comes before the voice of the quote before.
    check_speakers(
        "Port talks stall\n\n\"The offer is fair and it stays on the table,\" Oscar Brandt said.\n\n\
         Union leader Mara Lind said the offer was a \"sham\". \
         \"We will not go back until every crew is paid what it is owed.\"",
        &[Some("Oscar Brandt"), Some("Mara Lind")],
    );
    // A quote opening the next paragraph still continues the voice.
    check_speakers(
        "Port talks stall\n\n\"The offer is fair and it stays on the table,\" Oscar Brandt said.\n\n\
         \"We cannot pay more than the harbour earns in a year.\"",
        &[Some("Oscar Brandt"), Some("Oscar Brandt")],
    );
    // "would only say", "replies".
    check_speakers(
        "Port talks stall\n\nOn Monday Mara Lind would only say: \
         \"Talks will resume when the crews are back at work.\"",
        &[Some("Mara Lind")],
    );
    check_speakers(
        "Port talks stall\n\nMara Lind replies: \"We will not go back until every crew is paid.\"",
        &[Some("Mara Lind")],
    );
    // "talked of", "informed", "countered".
    check_speakers(
        "Port talks stall\n\nMara Lind talked of \"a strike that nobody in the harbour wanted to see\".",
        &[Some("Mara Lind")],
    );
    check_speakers(
        "Port talks stall\n\nOscar Brandt countered: \"The crews were offered more than any port pays.\"",
        &[Some("Oscar Brandt")],
    );
}

#[test]
fn a_platform_naming_an_account_does_not_speak() {
    check_speakers(
        "Running mate named\n\nA message sent from Mara Lind's Twitter account on Monday repeated \
         the promise, saying \"we will name a woman to the ticket this summer\".",
        &[None],
    );
}

#[test]
fn a_first_person_quote_in_a_sentence_a_person_opens() {
    // No verb of saying: the sentence's subject, when the quote speaks in
    // the first person.
    check_speakers(
        "Fans gather\n\nMara Lind has sewn costumes for years, her hobby \
         \"born of my love for old films and long winters\".",
        &[Some("Mara Lind")],
    );
    // Not a quote in the third person (a title or a slogan).
    check_speakers(
        "Fans gather\n\nMara Lind has sewn costumes for years, for the show \
         \"The Long Winter of the Harbour Town\".",
        &[None],
    );
}

#[test]
fn a_hard_wrapped_line_does_not_end_the_paragraph() {
    // Wire copy wraps lines at a fixed width; a paragraph starts on an
    // indented line.
    check_speakers(
        "Grain talks stall in Chicago as prices fall\n\nTraders in Chicago said prices fell on \
         Monday as the talks dragged on.\n\nThe talks began a week ago. \"We expect the talks to \
         last into next week,\" said one\ntrade source in Chicago. Officials met again on \
         Tuesday and\nsaid little.",
        &[Some("one trade source in Chicago")],
    );
}

#[test]
fn an_editors_bracketed_comma_is_a_comma() {
    check_speakers(
        "Star remembered\n\n\"As women we must stand up for each other[,]\" Nadia Karim wrote \
         online before her death.",
        &[Some("Nadia Karim")],
    );
}

#[test]
fn a_quote_never_closed_ends_with_its_paragraph() {
    // Copy that lost its closing mark (or the next paragraph's opening
    // one): the quote runs to its paragraph's end, with its speaker; a
    // mark glued to a word opens nothing (2026-12-03 (em)).
    check_speakers(
        "Transfer talk\n\nOn Tuesday, Ruiz had said: \"I like the club and I want the move \
         to happen. \"They know my situation and must be sensible.\n\n\
         The fee is said to be five million.",
        &[Some("Ruiz")],
    );
    let q = run("Transfer talk\n\nOn Tuesday, Ruiz had said: \"I like the club and I want \
         the move to happen.\n\nThe fee is said to be five million.");
    assert!(q[0].text.ends_with("want the move to happen."), "{q:#?}");
    assert!(run("Vinyl sales\n\nThe shop sold a 12\" single by the band for ten pounds \
         on Monday.\n\nThe fee is said to be five million.")
    .is_empty());
    // An attribution left inside it ends it, and names the speaker; a
    // longer last clause stays quoted.
    let q = run("Oil outlook\n\nMara Lind spoke in Houston.\n\n\"More importantly, they need \
         a stable market to plan, she said.\n\nPrices fell.");
    assert!(q[0].text.ends_with("to plan,"), "{q:#?}");
    assert_eq!(speaker_name(&q, 0), Some("Mara Lind"));
    let q = run("Oil outlook\n\nMara Lind spoke in Houston.\n\n\"More importantly, they need \
         a stable market, which everyone said was the aim.\n\nPrices fell.");
    assert!(q[0].text.ends_with("was the aim."), "{q:#?}");
}

#[test]
fn a_short_line_of_speech_with_its_verb_is_a_quote() {
    // Under `min_words`, a line of speech that opens its sentence and is
    // followed at once by its verb is a quote, and the next one continues
    // its voice; a phrase quoted inside a sentence is not, nor one word.
    check_speakers(
        "Ferry strike\n\nThe captain has a minor injury. \"It's nothing serious,\" said \
         his coach Oscar Brandt. \"He strained a muscle but is back in full training.\"",
        &[Some("Oscar Brandt"), Some("Oscar Brandt")],
    );
    check_speakers(
        "Ferry strike\n\nPrices are \"just awful,\" said Oscar Brandt. \"Who pays?\" Mara Lind \
         asked. \"No,\" she said.",
        &[Some("Mara Lind")],
    );
}
