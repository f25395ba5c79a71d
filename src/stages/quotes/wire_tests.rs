//! Speakers in wire copy: hard-wrapped lines inside paragraphs, long
//! attributions, abbreviations and the paraphrase before a quote
//! paragraph (invented stories in the layout of 1980s newswire).

use super::tests::check_speakers;

/// A line break inside the sentence before a quote paragraph is a wrapped
/// line, not a paragraph's start: the sentence's subject speaks.
#[test]
fn the_paraphrase_before_a_quote_paragraph_spans_wrapped_lines() {
    check_speakers(
        "MCI SEES RISK\n\nNorvale Corp said it would sue.\n    Bert Olson, its chairman, \
         spoke in Denver.\n    Olson conceded that the rules of the\nmarket posed risks to \
         Norvale.\n    \"The greater risk is continuing the artificial market for years.\"\n \
         Reuter\n",
        &[Some("Olson")],
    );
}

/// The stops of initials and abbreviations ("U.S.", "T.") do not end the
/// sentence before a quote paragraph: its subject is still found.
#[test]
fn the_paraphrase_before_a_quote_paragraph_runs_past_abbreviations() {
    check_speakers(
        "FARM TRADE\n\nSpeaking in Tokyo, Dale Ruck said feeling against imports in the \
         U.S. Has grown.\n\n\"It is a changed situation and a very tense one.\"",
        &[Some("Dale Ruck")],
    );
    check_speakers(
        "PORT DEAL\n\nHarbour chief Thomas T. Cullen said the deal would close soon.\n\n\"We \
         have waited long enough for it.\"",
        &[Some("Thomas T. Cullen")],
    );
}

/// "He said …" or "She said …" opening that sentence: the person the
/// pronoun stands for, when that person's gender is known.
#[test]
fn a_pronoun_opening_the_paraphrase_is_its_person() {
    check_speakers(
        "TRADE TALKS\n\nTrade minister Anna Varo spoke in Oslo on Monday.\n    She said the \
         response was expected by next month, but\nreiterated her belief in a deal.\n    \"I do \
         not think talk of a trade war is justified in any event.\"\n Reuter\n",
        &[Some("Anna Varo")],
    );
}

/// The quote paragraph after a quote whose attribution is wrapped over
/// lines, runs long or holds an abbreviation continues that voice.
#[test]
fn a_quote_paragraph_continues_a_wrapped_or_long_attribution() {
    check_speakers(
        "OUTPUT CUT\n\nJapan may cut its output further.\n    \"We must make every effort to avoid a catastrophe,\" Ministry of\nTrade \
         Deputy Director General Ken Sato told reporters.\n    \"If hasty action is taken, it \
         will create very serious problems.\"\n Reuter\n",
        &[Some("Ken Sato"), Some("Ken Sato")],
    );
    check_speakers(
        "LAWYERS\n\n\"Apart from a few nuances, we are very pleased,\" said Max Orel, a senior \
         official of the Lawyers Federation, which has fought a long campaign to prevent any \
         curbs on the ability of lawyers to act for their clients.\n\n\"It has shown that the \
         lawyers who do a good job should not be punished.\"",
        &[Some("Max Orel"), Some("Max Orel")],
    );
    check_speakers(
        "BANK LENDING\n\n\"We will urge more businessmen to join the bidding,\" said Carl Dorn, \
         head of the U.S. delegation.\n\n\"Economic reform should be a theme of the \
         lending.\"",
        &[Some("Carl Dorn"), Some("Carl Dorn")],
    );
    // Not a quote with a verb of its own whose speaker is unknown.
    let q = super::tests::run(
        "BANKS ABROAD\n\nJapanese banks are expanding.\n    \"As their clients become more \
         international, they follow them,\" said Yuki Toda, the bank's general\nmanager \
         here.\n    \"We can have access to local traders,\" said Bank of Tokyo's Kimura.\n \
         Reuter\n",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_ne!(q[1].speaker_text.as_deref(), Some("Yuki Toda"), "{q:#?}");
}

/// A passive verb of saying in that sentence reports nothing: its
/// subject is the one that "said".
#[test]
fn a_passive_in_the_paraphrase_is_no_report() {
    check_speakers(
        "PORT PLANS\n\nThe port handled 12 mln tonnes last year.\n    Two berths will be added \
         by 1990, Li Wen said.\n    \"By 2000, maybe, we will overtake Shanghai.\"\n Reuter\n",
        &[Some("Li Wen")],
    );
}

/// The sentence before a quote paragraph may start right after another
/// quote's closing mark ('… terrorism." Lib Dem spokesman …'): that mark
/// is no opening one, and the short term quoted in the sentence is no
/// quotation of its own.
#[test]
fn the_paraphrase_after_a_closing_mark_names_the_speaker() {
    check_speakers(
        "Vote\n\nMr Kennedy said: \"It is to be hoped that a second term will see a better \
         approach.\" Party spokesman Menzies Campbell said a win would have given a fresh \
         start, adding there was an \"umbilical cord\" between them.\n\n\"Europeans must hope \
         that his administration will be much more multilateral.\"",
        &[Some("Kennedy"), Some("Menzies Campbell")],
    );
}
