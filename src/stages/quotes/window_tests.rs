//! Tests of the attribution window on invented articles: who in a
//! quote's sentence speaks (a label before a colon, the names beside the
//! verb, descriptions before and after it, participles and conjunctions
//! opening clauses, statements, interviews, "quoted as saying").

use super::tests::{check_speakers, run};
use super::*;

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
        (
            "However, addressing the leaders, Anand Rao proposed:",
            "Anand Rao",
        ),
        (
            "Incumbent President Anand Rao quickly took a parting shot on Twitter:",
            "Anand Rao",
        ),
        ("As Anand Rao of the Cow Trust put it:", "Anand Rao"),
    ] {
        check_speakers(
            &format!(
                "{first}{sentence} \"I request all the leaders of the world to take it daily.\""
            ),
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
    // ... with a comma before the holder, too ("said Opera spokeswoman,
    // Berit Hanson").
    check_speakers(
        "Pupils link up\n\nChildren will talk to their peers abroad. \"Digital technology brings \
         this story to life for them,\" said Obama spokeswoman, Gerry Ellis.",
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
    // speaker, and a question ends the sentence before it. (The short
    // quote is one itself since 2026-12-04 (fo).)
    check_speakers(
        "Final lost\n\nWhy is Tomas Berg so quiet? \"That's just Tomas,\" explains Ivan Petrov. \
         \"He has always kept his thoughts to himself before a final.\"",
        &[Some("Ivan Petrov"), Some("Ivan Petrov")],
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
        (
            "The government statement, which was",
            Some("The government statement"),
        ),
        ("The firm, who had", Some("The firm")),
    ] {
        assert_eq!(
            lexicon::clean_speaker_phrase(phrase).as_deref(),
            expect,
            "{phrase}"
        );
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
        &[
            Some("Ohio Department of Corrections"),
            Some("Norvik Shipping"),
        ],
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
    // An answer over two paragraphs: the second continues the turn. A
    // verb after "and" that introduces the next quote is not the first
    // one's.
    check_speakers(
        "Candidate interview\n\nWikinews spoke to Mara Lind about her campaign.\n\n\
        ((WN)) Were you always a candidate?\n\n\
        ((Mara Lind)) No. I ran a bakery for years.\n\n\
        Some went like \"Why not stand this year then?\" and I said, \"Because the bakery \
        comes first.\"",
        &[None, Some("Mara Lind")],
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

/// A quote with no attribution continues the voice before it, unless
/// another person became the subject of a clause between them: then the
/// story has turned to that person (`voice.rs`).
#[test]
fn a_new_subject_between_two_quotes_takes_the_voice() {
    check_speakers(
        "Cup final\n\n\"What a way to end the year,\" said Rafa Nadal afterwards. US coach \
         Pat Mackie wants his team to play more on clay. \"I think it will help them on slow \
         courts.\"",
        &[Some("Rafa Nadal"), Some("Pat Mackie")],
    );
    check_speakers(
        "Retail sales\n\n\"Consumers kept their strength,\" said Parul Jain. Van Rourke, a \
         bond strategist at Acme Securities, agreed that the figures were \"slightly stronger \
         than expected\".",
        &[Some("Parul Jain"), Some("Van Rourke")],
    );
    // The voice's own person as the last subject keeps the voice.
    check_speakers(
        "Web portals\n\n\"The portal will spread fast,\" said Allen Weiner. Analyst Nick Hazel disagrees, \
         but Mr Weiner thinks the firm will grow. \"It will spread its wings into rich media.\"",
        &[Some("Allen Weiner"), Some("Allen Weiner")],
    );
    // Hearsay about a person is no clause of theirs.
    check_speakers(
        "Games deal\n\n\"Games are big business,\" said Peter Chen. Tom Brice is said to be on \
         its list of targets. \"We would like to get into it.\"",
        &[Some("Peter Chen"), Some("Peter Chen")],
    );
    // An unnamed voice does not give way to the person talked of.
    check_speakers(
        "Legend\n\nThe producer recalled the tour. \"He was a driven man.\" Bob Marley sold \
         more records after his death. \"He would be the biggest star in Africa today.\"",
        &[None, None],
    );
}

/// "…, a spokeswoman said. "…," she added": a spokesperson described
/// after a named person is who the pronoun stands for; not one named in
/// an apposition, nor "the Tory spokesman" who is a person named before.
#[test]
fn a_pronoun_after_an_unnamed_spokesperson_is_theirs() {
    check_speakers(
        "Shoppers\n\nCentre manager Jane Roe opened the doors at nine. Thousands of cars \
         arrived, a spokeswoman said. \"We predict that next week will follow the same \
         trend,\" she added.",
        &[Some("a spokeswoman")],
    );
    // Also one that opens a paragraph.
    check_speakers(
        "Gas find\n\nChief executive Bill Gammell urged caution.\n\nA spokesman said more \
         tests were needed. But he added: \"It is still too early to say how big it is.\"",
        &[Some("a spokesman")],
    );
    // So does an unnamed analyst, dealer or official ("one dealer said").
    check_speakers(
        "Money markets\n\nBundesbank chief Karl Otto Pohl spoke on Monday. \"They could cut \
         the amount a little, to say 14 billion marks,\" one dealer said.\n\n\"They would then \
         stock it up at the next tender,\" he added.",
        &[Some("one dealer"), Some("one dealer")],
    );
    check_speakers(
        "Lawyers\n\nBarry Hugill, a spokesman for the campaign group Liberty, told the radio \
         that more lawyers may go. \"I can assure you that more may be resigning,\" he said.",
        &[Some("Barry Hugill")],
    );
    check_speakers(
        "Treaty\n\nShadow foreign secretary Michael Ancram spoke first. The Tory spokesman \
         also said the plan was flawed. \"Who are they trying to kid with this?\" he said.",
        &[Some("Michael Ancram")],
    );
}

#[test]
fn a_described_subject_after_the_quote_speaks_not_a_name_after_its_verb() {
    // "the source said … of Lena Ostrova": the source speaks (a
    // description, no entity), not the person the verb is said of.
    check_speakers(
        "Deal talks\n\nTalks between the carmakers ended.\n\n\"There were very serious \
         discussions last fall but we did not pull it off,\" the source said in a reference to \
         former chairman Lena Ostrova.",
        &[Some("the source")],
    );
}
