//! Speakers the sentences around a quote give: the sentence a name opens
//! before a first-person quote, the voice a subject-less verb goes on in,
//! a name after an inverted verb the tagger missed, and the unnamed
//! sources ("the official") that stand for no one named before.

use super::tests::check_speakers;

#[test]
fn a_first_person_quote_after_a_sentence_a_name_opens() {
    check_speakers(
        "Tennis\n\nAmelie Mauresmo won again.\n\nMauresmo spent five weeks at number one before injury ushered Lindsay Davenport back in front. \"Since then, I feel very confident on court and my game is there.\"",
        &[Some("Amelie Mauresmo")],
    );
    // Not a name inside a quotation, nor a quote in the first person plural.
    check_speakers(
        "Tribute\n\nThe producer spoke: \"Bob Marley was the most driven man. I never met anyone like him.\"",
        &[Some("The producer")],
    );
    check_speakers(
        "Tennis\n\nAmelie Mauresmo won again. \"We feel very confident on court as a team.\"",
        &[None],
    );
}

#[test]
fn a_name_the_tagger_missed_after_an_inverted_verb_speaks() {
    // The second quote is not the first's voice continued.
    check_speakers(
        "Doors film\n\nIn the film, singer Jim Morrison said: \"My plans at the university were ruined by the dean.\"\n\n\"It is incredible. He is so clean cut and soft-spoken,\" said Florida state archivist Jody Normann.",
        &[Some("Jim Morrison"), Some("Florida state archivist Jody Normann")],
    );
}

#[test]
fn a_verb_with_no_subject_goes_on_in_the_voice_before() {
    check_speakers(
        "Gambling bill\n\nMs Jowell insisted: \"We have a good record on planning gain.\" And continued: \"We can be proud of our low rates of problem gambling.\"",
        &[Some("Ms Jowell"), Some("Ms Jowell")],
    );
}

#[test]
fn a_role_news_leaves_unnamed_is_no_one_named_before() {
    // "The official" is the unnamed source, not the last person named.
    check_speakers(
        "Debt talks\n\nFund director Mara Lind is worried about the talks.\n\nAn administration official said the plan might fail. \"It is more complicated than they thought,\" the official said.",
        &[Some("the official")],
    );
    // A person titled so before is still found.
    check_speakers(
        "Debt talks\n\nSumitomo economist Mara Lind expects more jobless.\n\n\"The figure could rise further,\" the economist said.",
        &[Some("Mara Lind")],
    );
}

#[test]
fn a_pronoun_reporting_the_sentence_before_is_the_voice_before() {
    // "he claimed" after a clause about Mr Blair: the speech's voice.
    check_speakers(
        "Speech\n\nMichael Howard spoke in London. \"Who can be trusted to get a grip on crime?\" he asked.\n\nMr Blair has failed to tackle these problems, he claimed, saying the plans were wrong.\n\n\"The result is big government and higher taxes for every family.\"",
        &[Some("Michael Howard"), Some("Michael Howard")],
    );
    // Not a voice of the other gender.
    check_speakers(
        "Speech\n\nMichael Howard spoke in London. \"Who can be trusted to get a grip on crime?\" he asked.\n\nMr Blair has failed to tackle these problems, she claimed, saying the plans were wrong.\n\n\"The result is big government and higher taxes for every family.\"",
        &[Some("Michael Howard"), None],
    );
}

#[test]
fn a_noun_last_used_with_an_indefinite_article_stands_for_no_one_named() {
    // "One poster" introduced someone unnamed; "the poster" is not the
    // last person named.
    check_speakers(
        "Site attacked\n\nThe blogger Matthew Ingram wrote about it.\n\nOne poster admitted to being part of the effort. The poster wrote that \"a new obsession is taking hold on the internet tonight.\"",
        &[Some("The poster")],
    );
}
