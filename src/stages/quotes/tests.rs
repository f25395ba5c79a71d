//! Tests of the quotes stage: spans, speakers and the rules in the
//! order of the module note, on invented articles.

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

fn check_pronoun(text: &str, expect: Option<&str>) {
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
fn pronouns_agree_in_gender() {
    // "she" skips the man named last; "he" skips the woman.
    check_pronoun(
        "Ferry strike spreads\n\nUnion leader Mara Lind met Transport Minister Oscar Brandt on Monday.\n\n\
         \"We will not go back until the offer is fair,\" she said.",
        Some("Mara Lind"),
    );
    check_pronoun(
        "Ferry strike spreads\n\nTransport Minister Oscar Brandt met union leader Mara Lind on Monday.\n\n\
         \"The offer on the table is the final one,\" he said.",
        Some("Oscar Brandt"),
    );
    // A sentence whose subject is the pronoun itself continues the person
    // before it; a name of no known gender later in it does not speak.
    check_pronoun(
        "Ferry strike spreads\n\nUnion leader Mara Lind spoke first. She met Okonkwo in Bergen.\n\n\
         \"We will not go back until the offer is fair,\" she said.",
        Some("Mara Lind"),
    );
    // Of two people of that gender, the subject of their sentence.
    check_pronoun(
        "Ferry strike spreads\n\nLater Oscar Brandt met Lars Holm in Bergen. On the strike, he \
         noted \"the offer on the table is the final one\".",
        Some("Oscar Brandt"),
    );
    // Honorifics decide when there is no first name.
    check_pronoun(
        "Ferry strike spreads\n\nMs. Okafor met Mr. Brandt on Monday.\n\n\
         \"We need a deal before the holidays,\" she said.",
        Some("Okafor"),
    );
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
fn a_speakers_label_before_a_colon() {
    // A match report's label: role, name, colon.
    check_speakers(
        "Cup preview\n\n- Harbour boss Oscar Brandt: \"We know they can give us problems on the day.\"",
        &[Some("Oscar Brandt")],
    );
    // After a curly quote mark (a character of three bytes).
    check_speakers(
        "Cup preview\n\n“Ready.” Harbour boss Oscar Brandt: \"We know they can give us problems.\"",
        &[Some("Oscar Brandt")],
    );
    // Not a name that ends a longer clause.
    check_speakers(
        "Cup preview\n\nThe question that the fans kept putting to the new manager, Oscar Brandt: \
         \"Will we ever win a cup again in this town?\"",
        &[None],
    );
}

#[test]
fn a_colon_ending_a_sentence_a_person_is_the_subject_of() {
    let first = "Cow dung cure\n\nThe health ministry said no remedy was proven.\n\n";
    // No verb of saying: the sentence's subject, after an opening phrase,
    // titles or "As".
    for (sentence, who) in [
        ("However, addressing the leaders, Anand Rao proposed:", "Anand Rao"),
        ("Incumbent President Anand Rao quickly took a parting shot on Twitter:", "Anand Rao"),
        ("As Anand Rao of the Cow Trust put it:", "Anand Rao"),
    ] {
        check_speakers(
            &format!("{first}{sentence} \"I request all the leaders of the world to take it daily.\""),
            &[Some(who)],
        );
    }
    // Not a person who is no subject, nor one of two.
    for sentence in [
        "Police released a photograph of Anand Rao taken last week:",
        "Anand Rao and Maria Lopez signed a joint letter:",
    ] {
        check_speakers(
            &format!("{first}{sentence} \"Leaders of the world should take it daily with milk.\""),
            &[None],
        );
    }
}

#[test]
fn a_name_qualifying_the_role_after_the_verb_does_not_speak() {
    // '…," said Globio founder Gerry Ellis': Globio (a person to the
    // tagger or not) qualifies the role; the holder speaks. Not across
    // "and".
    check_speakers(
        "Pupils link up\n\nChildren will talk to their peers abroad. \"Digital technology brings \
         this story to life for them,\" said Obama adviser Gerry Ellis.",
        &[Some("Gerry Ellis")],
    );
    check_speakers(
        "Pupils link up\n\nChildren will talk to their peers abroad. \"Digital technology brings \
         this story to life for them,\" said Tom Reyes and Gerry Ellis.",
        &[Some("Tom Reyes")],
    );
}

#[test]
fn a_short_quote_before_names_its_speaker_after_the_verb() {
    // '"…," explains X.': the name inside the short quote is not the
    // speaker, and a question ends the sentence before it.
    check_speakers(
        "Final lost\n\nWhy is Tomas Berg so quiet? \"That's just Tomas,\" explains Ivan Petrov. \
         \"He has always kept his thoughts to himself before a final.\"",
        &[Some("Ivan Petrov")],
    );
}

#[test]
fn a_statement_runs_on_into_a_short_attribution_after_it() {
    // '"…." Pelosi said.': the sentence ends within three words of the
    // verb, no other quote follows; not '"…." Officials stated the road
    // was closed', a sentence of its own.
    check_speakers(
        "Trial set\n\nThe House will appoint managers. \"The people deserve the truth.\" \
         Nora Lindqvist said. Officials met later.",
        &[Some("Nora Lindqvist")],
    );
    check_speakers(
        "Crash\n\nThe sheriff's office tweeted the response \"required all hands on deck.\" \
         Officials stated the road was closed for hours.",
        &[Some("The sheriff's office")],
    );
}

#[test]
fn a_new_speaker_described_after_the_verb() {
    // An indefinite description is a new speaker, kept as the phrase; a
    // definite one points back, and the quote continues the one before.
    check_speakers(
        "Radio rules\n\n\"We are seeking opinion from industry on the new licences,\" said a \
         spokesman for the regulator.\n\n\"We will sell every one of these phones by spring,\" \
         said Nora Lindqvist. \"It is our best year since we began,\" added the chief executive.",
        &[
            Some("a spokesman for the regulator"),
            Some("Nora Lindqvist"),
            Some("Nora Lindqvist"),
        ],
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
fn a_speaker_phrase_drops_its_adverbs() {
    // "The mayor then said": the description resolves once "then" is off.
    check_speakers(
        "City budget\n\n\
         Mayor Ines Roldan presented the budget on Monday. \"We have cut waste,\" the mayor then said.\n\n\
         The council also said: \"We will scrutinise every line of it.\"",
        &[Some("Ines Roldan"), Some("The council")],
    );
    // A conjunction alone names no one.
    for (phrase, expect) in [
        ("It also", Some("It")),
        ("The Tories have", Some("The Tories")),
        ("The Tories have already", Some("The Tories")),
        ("The minister publicly", Some("The minister")),
        ("The tour was", Some("The tour was")),
        ("And", None),
        ("but", None),
        ("Will", Some("Will")),
        // A relative clause the subject ran into (2026-12-03 (cj)).
        ("The government statement, which was", Some("The government statement")),
        ("The firm, who had", Some("The firm")),
    ] {
        assert_eq!(lexicon::clean_speaker_phrase(phrase).as_deref(), expect, "{phrase}");
    }
}

#[test]
fn verbs_of_manner_and_reporting_participles_attribute() {
    check_speakers(
        "Debate night\n\nThe senator tried to interrupt twice. Maria Okafor exclaimed, \"I am \
        speaking now.\"\n\nLater Tom Reyes shouted: \"We will win this state.\"\n\nGordon Vale \
        issued a rallying cry, warning the \"stakes are too high\" to stay at home.",
        &[Some("Maria Okafor"), Some("Tom Reyes"), Some("Gordon Vale")],
    );
    // Praise and blame that quote (2026-12-03 (cd)); a participle opening
    // the clause is not its verb ("Describing the meeting, he said:").
    check_speakers(
        "Campaign week\n\nSenator Ada Lund lauded Kim Ostrow as a \"powerful voice of freedom.\" \
         Mayor Rolf Hagen lashed out at the council, accusing it of \"not doing its job\".\n\n\
         Dev Patel met Ana Ruiz in 1990. Describing that first meeting at London's Kings Cross \
         station, he said: \"The earth went from under my feet when I saw her.\"",
        &[Some("Ada Lund"), Some("Rolf Hagen"), Some("Dev Patel")],
    );
    // Alleging, pointing out and describing quote too (2026-12-03 (du)).
    check_speakers(
        "Airline ban\n\nAmbassador Tom Berger alleged, by way of example, the airline had \
         \"carried weapons for the militias for years,\" by flying to Syria.\n\n\
         In her defence, Senator Ruth Okoye pointed out she had \"voted against the plan \
         every single time\".\n\n\
         The law, which The Guardian describes as \"a gift to the big carriers,\" passed.",
        &[Some("Tom Berger"), Some("Ruth Okoye"), Some("The Guardian")],
    );
}

#[test]
fn initials_and_abbreviations_do_not_end_the_sentence() {
    check_speakers(
        "Doctor sentenced\n\nJoel Smithers, a doctor, was sentenced on Wednesday. Prosecutor \
        Thomas T. Cullen said Smithers \"perpetuated the vicious cycle of addiction.\"\n\n\
        \"On behalf of the Court,\" wrote Chief Justice John G. Roberts, \"I am saddened.\"",
        &[Some("Thomas T. Cullen"), Some("John G. Roberts")],
    );
}

#[test]
fn a_participle_opening_the_clause_is_not_its_verb() {
    check_speakers(
        "New project\n\nAcme Linux will be free. Saying Acme Linux is for the community, Maria \
        Okafor said she \"will keep it independent of any company.\"",
        &[Some("Maria Okafor")],
    );
}

#[test]
fn a_conjunction_after_a_quote_opens_another_speakers_clause() {
    check_speakers(
        "Tributes paid\n\nSenator Ana Ruiz told reporters the mayor \"was a fine public \
        servant,\" while Governor Tom Hale praised his \"courage and long service to the city\" \
        on radio.\n\nMr Hale said he left \"without a single stain on his record\" but Ruiz \
        called that claim \"simply not accurate at all\".\n\nThe band had \"no other course of \
        action\" but to ask him to leave, singer Lee Cobb has said.",
        &[
            Some("Ana Ruiz"),
            Some("Tom Hale"),
            Some("Hale"),
            Some("Ruiz"),
            Some("Lee Cobb"),
        ],
    );
}

#[test]
fn an_office_with_another_domain_is_another_holder() {
    check_speakers(
        "Flight crash\n\nCivil Aviation Minister Rohan Mehta said 18 people died. The local \
        health minister said, \"The injured have been taken to nearby hospitals for care.\"\n\n\
        \"We are investigating every possible cause,\" said the 62-year-old minister.",
        &[Some("The local health minister"), Some("Rohan Mehta")],
    );
}

#[test]
fn an_issued_statement_is_its_issuers() {
    check_speakers(
        "Inmate hurt\n\nThe Ohio Department of Corrections did not name the victim.\n\n\
        The Department issued a statement that an inmate had been hurt: \"Officers responded \
        quickly and found an injured inmate.\"\n\nNorvik Shipping released a statement: \"We \
        regret the delay to every customer.\"",
        &[Some("Ohio Department of Corrections"), Some("Norvik Shipping")],
    );
}

#[test]
fn in_an_interview_i_is_the_turns_speaker_and_you_the_answerer() {
    check_speakers(
        "Candidate interview\n\nWikinews spoke to Mara Lind about her campaign.\n\n\
        ((WN)) On your website, you wrote \"the city is too precious to be a test lab\". Why?\n\n\
        ((Mara Lind)) Well, that's why I said \"no council is perfect at all\" back then.",
        &[Some("Mara Lind"), Some("Mara Lind")],
    );
}

#[test]
fn the_one_quoted_as_saying_speaks() {
    check_speakers(
        "Bank deal\n\nStandard Chartered won the bid.\n\n\"They were able to move so quickly it \
        caught the rival by surprise,\" the Financial Times newspaper quoted an insider as \
        saying.\n\n\"We expect the deal to close in April next year,\" the paper quoted Norvik chief \
        executive Lena Ostrova as saying.\n\n\"I have no diplomatic relations with him,\" the Arsenal boss Arne Vik is \
        quoted as saying.",
        &[Some("an insider"), Some("Lena Ostrova"), Some("Arne Vik")],
    );
}

#[test]
fn a_new_speaker_described_before_the_verb_is_who_spoke() {
    // A described source inside a named body is the body's source, not
    // the body, and no earlier quote continues into it; an adjective or a
    // possessive before the body does not hide the "within"/"of"; an
    // apposition after a comma is still the speaker (2026-12-03 (du)).
    check_speakers(
        "Blast at the base\n\nGovernor Ali Rahmani said the toll was \"far higher than \
         reported\".\n\nA source within the central Interior Ministry reportedly said \"We were \
         told not to make the figures public.\"\n\nA lawyer for the victims, Dana Ortiz, told \
         Reuters: \"This shows the horrors were known to everyone.\"",
        &[
            Some("Ali Rahmani"),
            Some("A source within the central Interior Ministry"),
            Some("Dana Ortiz"),
        ],
    );
    // Part of a titled person's statement is theirs.
    check_speakers(
        "Draft ruling\n\nJudge Carla Mendes ruled on Friday.\n\nPart of the judge's \
         statement reads \"the old rules no longer fit the armed forces of today.\"",
        &[Some("Carla Mendes")],
    );
}

#[test]
fn a_relative_clause_an_according_phrase_and_a_name_inside_a_quote() {
    // "who said": the person the relative pronoun stands for, even after
    // "by"; "According to" a description: that description, not the
    // clause's subject; a name inside the quote before an inverted verb
    // is not the speaker (2026-12-03 (dx)).
    check_speakers(
        "Reef study\n\nThe research was led by Mark Hayes, a marine ecologist at the \
         institute, who said \"There is a lot of argument now about local management.\"\n\n\
         According to police and county officials, Ivan Petrov was driving \"erratically and \
         across the center line\" that night.\n\n\
         \"On behalf of the Court and of Justice Tom Reyes,\" wrote Chief Justice Ann Brook, \
         \"I am saddened to report that our colleague has died.\"",
        &[
            Some("Mark Hayes"),
            Some("police and county officials"),
            Some("Ann Brook"),
            Some("Ann Brook"),
        ],
    );
}

#[test]
fn a_pronoun_before_an_adverb_is_the_subject() {
    // "It also urged": the organisation that spoke before, even when its
    // verb came after an auxiliary and an aside; "He also accused" the
    // person before (2026-12-03 (ec)).
    check_speakers(
        "Crash\n\nThe Transport Ministry has, in a statement, called on drivers to \"slow down \
         near schools and crossings.\" It also urged parents to \"teach children the rules of the \
         road.\"\n\nTom Reyes left the club in March. He also accused the board of using him as \
         \"a stalking horse for other bids\".",
        &[
            Some("Transport Ministry"),
            Some("Transport Ministry"),
            Some("Tom Reyes"),
        ],
    );
}

#[test]
fn a_description_after_a_comma_and_a_listed_member() {
    // "After X failed …, the Prime Minister apologised": the description
    // after the comma is the subject, and resolves to the titled person,
    // not the name of the clause before; a member of a group listed by
    // "including" is not the group's voice (2026-12-03 (ee)).
    check_speakers(
        "Cabinet row\n\nForty former diplomats, including former ambassadors Jan Novak and Eva \
         Kral, signed a letter saying the plan \"has all the marks of a hasty retreat.\"\n\n\
         Prime Minister Ivo Marek of Slovenia tested positive on Friday.\n\n\
         After Finance Minister Petra Hladik failed to buy enough testing kits, the Prime \
         Minister apologised to the public for \"having such a minister in the cabinet.\"",
        &[None, Some("Ivo Marek")],
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
fn a_description_after_an_opening_clause_and_two_trades() {
    // "Speaking amid …, the prime minister said:" with no name before the
    // comma; "the writer and broadcaster" is one person's two trades,
    // though "the broadcaster" alone is a channel (2026-12-03 (eo)).
    check_speakers(
        "Campaign trail\n\nMark Ellison spoke of meeting many people across the country.\n\n\
         Speaking amid a flurry of campaigning, the prime minister said: \"I am an issue, I \
         always will be.\"",
        &[Some("Mark Ellison")],
    );
    check_speakers(
        "Show row\n\nGreta Lindqvist has quit the show. The feminist writer and broadcaster \
         said the producers had behaved \"like a child rather than a parent\" all week.",
        &[Some("Greta Lindqvist")],
    );
    // A capitalised word that is no title is a name the tagger missed,
    // not a description ("the Oscar-nominated Owen" is not Kate Winslet).
    let q = run(
        "Awards night\n\nKate Winslet won best actress on Sunday.\n\nCelebrating his win, \
         the Oscar-nominated Owen said: \"The whole award season is new to me.\"",
    );
    assert_eq!(q[0].speaker, None, "{q:#?}");
    // ", X said." makes X the sentence's subject, not the name opening
    // the reported clause; "According to X, Y vowed" stays X's.
    check_speakers(
        "Show row\n\nGreta Lindqvist has quit the show. Brigitte Nielsen had panicked about \
         her children, Lindqvist said. The writer said the producers had behaved \
         \"like a child rather than a parent\" all week.",
        &[Some("Greta Lindqvist")],
    );
    check_speakers(
        "Club row\n\n\"It would appear that talks have been going on for some time,\" \
         Milo Radic said. According to Radic, Henry Lodge vowed he would not join their \
         rivals when he left. \"I said to Henry 'I hope you don't go', and he told me \
         'absolutely not',\" he said.",
        &[Some("Milo Radic"), Some("Milo Radic")],
    );
}
