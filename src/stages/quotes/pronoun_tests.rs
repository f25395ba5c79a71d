//! Pronoun speakers: "he" and "she" find the person their gender and
//! the sentences before say (`antecedents.rs`).

use super::tests::check_pronoun;

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
    // "…, Mr Brandt said.": the name after the comma, title and all, is
    // the sentence's subject, not the one opening the reported clause.
    check_pronoun(
        "Ferry strike spreads\n\nUnion leader Lars Holm met Transport Minister Oscar Brandt.\n\n\
         Mr Holm's offer was too low, Mr Brandt said. The talks would go on. \"The offer on the \
         table is the final one,\" he said.",
        Some("Oscar Brandt"),
    );
    // A possessive is no subject: "Holm's injury also means Brandt …".
    check_pronoun(
        "Ferry strike spreads\n\nUnion leader Lars Holm met Transport Minister Oscar Brandt.\n\n\
         Holm's injury also means Oscar Brandt will lead the talks alone. \"The offer on the \
         table is the final one,\" he said.",
        Some("Oscar Brandt"),
    );
    // Honorifics decide when there is no first name.
    check_pronoun(
        "Ferry strike spreads\n\nMs. Okafor met Mr. Brandt on Monday.\n\n\
         \"We need a deal before the holidays,\" she said.",
        Some("Okafor"),
    );
    // The census's sex of a first name yields to the article's pronoun
    // when no one else named fits it ("Tama" and "Beryl" are women's names
    // on the census lists) ...
    check_pronoun(
        "Ferry strike spreads\n\nFerry captain Beryl Sprinkel spoke in Bergen on Monday.\n\n\
         \"We will not sail until the offer is fair,\" he said.",
        Some("Beryl Sprinkel"),
    );
    // ... but not to pass the person the pronoun would stand for, nor a
    // title's sex (the pronoun stays unresolved).
    check_pronoun(
        "Ferry strike spreads\n\nThe talks were led by Jonas Vik. Mr. Okafor spoke in Bergen.\n\n\
         \"We will not sail until the offer is fair,\" she said.",
        Some("she"),
    );
    check_pronoun(
        "Ferry strike spreads\n\nMrs. Mara Lind spoke in Bergen on Monday.\n\n\
         \"We will not sail until the offer is fair,\" he said.",
        Some("he"),
    );
}

#[test]
fn a_wrapped_line_does_not_start_the_pronouns_sentence() {
    // Wire copy wraps its lines before a name: the sentence is still the
    // union leader's, who opens it, not the minister's after the wrap.
    check_pronoun(
        "Ferry strike spreads\n\nOscar Brandt, president of the ferry\nworkers' union, called on Minister\n\
         Lars Holm to act on Monday.\n    He said in a statement the ferries \"cannot wait any \
         longer.\"",
        Some("Oscar Brandt"),
    );
}

#[test]
fn an_office_between_the_comma_and_the_reporting_name() {
    // "…, chief executive Oscar Brandt said.": the sentence's subject.
    check_pronoun(
        "Ferry strike spreads\n\nLars Holm will stay on as chairman this year, chief executive \
         Oscar Brandt said. \"The threshold of profit is back in sight,\" he said.",
        Some("Oscar Brandt"),
    );
    // Not a name before an honorific: "talks with Mr Holm, Mr Brandt".
    check_pronoun(
        "Ferry strike spreads\n\nAfter talks with Mr Lars Holm, Mr Oscar Brandt said the offer \
         was fair. He added: \"The threshold of profit is back in sight.\"",
        Some("Oscar Brandt"),
    );
}
