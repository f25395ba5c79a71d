//! Speakers given outside the usual subject-and-verb reading: the
//! organisation an "it" stands for, a name credited after a dash, a name
//! that a participle follows after "with", a paraphrase two sentences
//! back (invented articles).

use super::tests::check_speakers;

/// "…," it added: the organisation that said the quote before, also when
/// it spoke inverted ('"…", said KCNA.') in the paragraph before; not a
/// body after "said" that opens a clause ("said TCI's opposition").
#[test]
fn it_after_an_inverted_organisation_is_that_organisation() {
    check_speakers(
        "Border\n\nThe two sides exchanged fire on Thursday.\n\n\
         \"Enemy troops fired shells at our posts near the border\", said KCNA.\n\n\
         \"Foolhardy provocation deserves harsh punishment\", it added.",
        &[Some("KCNA"), Some("KCNA")],
    );
    check_speakers(
        "Bid\n\nThe Acme Group said on Monday it would bid. Acme said TCI's opposition \
         would not change its approach. \"Acme is convinced the offer is in the best \
         interests of its shareholders,\" it said.",
        // One firm, named in full (2026-12-05 (ik)).
        &[Some("Acme Group")],
    );
}

/// "…," it said: also the body a description said something for ("The
/// company said"), and across wire copy's wrapped lines, which end no
/// sentence.
#[test]
fn it_after_a_body_described_is_that_body() {
    check_speakers(
        "Profit up\n\nProfit rose 14 pct, Honeybee Inc said.\n\
         \x20   Sales rose 6 pct a year earlier. The company said the\n\
         rise was due to new products. \"Business is continuing\n\
         as usual,\" it said.",
        &[Some("Honeybee Inc")],
    );
}

/// '"…," said the Lions coach': a club or firm that qualifies a
/// person's description does not speak; the description's person does.
#[test]
fn a_body_in_a_persons_description_does_not_speak() {
    check_speakers(
        "Squad named\n\nClive Woodward named his squad for the tour on Monday. Woodward \
         believes the series in New Zealand will be hard. \"Their performance against \
         France was simply awesome,\" said the Lions coach.",
        &[Some("Clive Woodward")],
    );
}

/// '"…" - Matthew Ingram': a quote credited after a dash, as a pull quote
/// or an epigraph is, is the name's; a role may follow after a comma.
#[test]
fn a_quote_credited_after_a_dash_is_the_names() {
    check_speakers(
        "Hackers\n\nThe group has vowed to go on.\n\n\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" - Matthew Ingram\n\n\
         \"We will not stop until the site is down for good,\" — Jane Doe, a protester.",
        &[Some("Matthew Ingram"), Some("Jane Doe")],
    );
}

/// "…, with Boswell stating: "…"": the participle after "with" and a name
/// is the name's, not the earlier name's in the list.
#[test]
fn with_a_name_and_a_participle_the_name_speaks() {
    check_speakers(
        "Asylum\n\nThe paper quoted barrister Colin Yeo and campaigner Caitlin Boswell, with \
         Boswell stating: \"People fleeing desperate circumstances need quicker decisions.\"",
        &[Some("Boswell")],
    );
}

/// '…," said the assembly government': a description that ends an
/// organisation's name named before, and has only its words, is that
/// organisation (not "the health board", another body's name).
#[test]
fn a_short_form_of_a_body_named_before_is_that_body() {
    check_speakers(
        "Hospital\n\nIn a statement, the Welsh Assembly Government said the move was wrong. \
         \"Patients will receive the care that is appropriate,\" said the assembly government.",
        &[Some("Welsh Assembly Government")],
    );
}

/// A quote paragraph after a paraphrase whose last sentence names no one
/// and reports no speech is the paraphrase's speaker's; not past a
/// sentence that names someone else, nor past a paragraph's start.
#[test]
fn the_paraphrase_two_sentences_back_speaks() {
    check_speakers(
        "Banks\n\nSteve Ash, from Activcard, told reporters there are two parts to the \
         process. The most difficult is to know who is online.\n\n\
         \"The end solution is to combine something the user knows with a card.\"",
        &[Some("Steve Ash")],
    );
    check_speakers(
        "Banks\n\nSteve Ash, from Activcard, told reporters there are two parts to the \
         process. Rival Mara Lind sells card readers.\n\n\
         \"The end solution is to combine something the user knows with a card.\"",
        &[None],
    );
    check_speakers(
        "Banks\n\nSteve Ash, from Activcard, told reporters there are two parts to the \
         process.\n\nThe most difficult is to know who is online.\n\n\
         \"The end solution is to combine something the user knows with a card.\"",
        &[None],
    );
}

/// Curly quote marks and other multi-byte characters right before the
/// words these rules read cut no character in two.
#[test]
fn multi_byte_text_around_the_rules_is_safe() {
    for text in [
        "News\n\nThe “agency” said the talks failed.\n\n“Foolhardy provocation deserves punishment”,“it added.",
        "News\n\nAsh told “reporters” there are two parts.“The hardest is it.”\n\n“The end solution is a card reader for all.”",
        "News\n\n“We will not stop until the site is down,” —Jane Doe",
    ] {
        let _ = super::tests::run(text);
    }
}

/// A quotation nested at the end of a quote ends in its own mark: the
/// attribution after the quote still runs on from it.
#[test]
fn a_nested_quote_at_the_end_still_runs_on() {
    check_speakers(
        "Band\n\nGuitarist Brian May spoke on Monday.\n\n\"It seems blindingly obvious that \
         there was 'something happening here,'\" May wrote on his website.",
        &[Some("May")],
    );
}

/// "They" after an organisation that spoke (past an adverb: "also
/// criticised") is that organisation; "they" of people no one named stays
/// no one's.
#[test]
fn they_after_an_organisation_that_spoke_is_it() {
    check_speakers(
        "Museum\n\nOn Thursday the Acme Heritage Foundation also criticised the move. They \
         released a statement which said, \"The building must remain a museum for everyone.\"",
        &[Some("Acme Heritage Foundation")],
    );
    check_speakers(
        "Flood\n\nResidents gathered outside the town hall on Monday. They said \"we have \
         nowhere else to go tonight.\"",
        &[Some("They")],
    );
}

/// '"…exempt?" Charles Scicluna said, "…"': the name and verb between two
/// quotes introduce the second, not the first, whose own speaker spoke
/// before it; the second's window starts after the first quote
/// (2026-12-04 (gk)).
#[test]
fn a_speaker_between_two_quotes_introduces_the_second() {
    check_speakers(
        "Vatican rules\n\nMarc Ouellet of the Holy See said, \"We have said for years that \
         priests should follow strict rules, so why should bishops be exempt?\" Vatican \
         archbishop Charles Scicluna said, \"People must know that bishops are at the \
         service of the people.\"",
        &[Some("Marc Ouellet"), Some("Charles Scicluna")],
    );
    check_speakers(
        "Smoking ban\n\nMr McLetchie asked: \"Would it not be ironic that the criminals can be \
         smokers?\" The Green Party's spokeswoman, Eleanor Scott, said she was pleased to \
         follow the \"success stories of New York and Ireland\".",
        &[Some("McLetchie"), Some("Eleanor Scott")],
    );
}

/// "the Tory leader said": the person titled with the description's
/// words, a body's name among them ("Tory leader Michael Howard"), not
/// the body nor the last person named.
#[test]
fn a_title_with_a_bodys_name_in_it_finds_its_holder() {
    check_speakers(
        "Budget row\n\nTory leader Michael Howard has dismissed Gordon Brown's Budget as a \
         bribe.\n\nMr Brown's Budget was not about what was good for the country, but \
         \"all about the interests of his party,\" the Tory leader said.",
        &[Some("Michael Howard")],
    );
}

