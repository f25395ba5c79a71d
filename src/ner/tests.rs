//! Tests of the tagger core (`mod.rs`): BIO chunks, label arithmetic,
//! quiet words, and tagging long documents in blocks.

use super::*;

/// A sentence (words split on spaces) → its quiet words.
fn check(sentence: &str, expect: &[&str]) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let got: Vec<&str> = quiet_tokens(&words)
        .iter()
        .zip(&words)
        .filter(|(q, _)| **q)
        .map(|(_, w)| *w)
        .collect();
    assert_eq!(got, expect, "{sentence}");
}

#[test]
fn chunks_of_bio_labels() {
    // O B-PER I-PER I-ORG B-LOC B-LOC I-LOC O I-MISC: a stray I- opens
    // a chunk of its own type.
    let got: Vec<(usize, usize, &str)> = chunks(&[0, 1, 2, 4, 5, 5, 6, 0, 8])
        .into_iter()
        .map(|c| (c.start, c.end, c.kind))
        .collect();
    assert_eq!(
        got,
        [
            (1, 3, "PER"),
            (3, 4, "ORG"),
            (4, 5, "LOC"),
            (5, 7, "LOC"),
            (8, 9, "MISC")
        ]
    );
}

#[test]
fn label_arithmetic_matches_the_label_names() {
    for prev in 0..N_LABELS {
        for next in 0..N_LABELS {
            let by_name = match LABELS[next].strip_prefix("I-") {
                Some(t) => LABELS[prev].split_once('-').map(|(_, p)| p) == Some(t),
                None => true,
            };
            assert_eq!(
                allowed(prev, next),
                by_name,
                "{} -> {}",
                LABELS[prev],
                LABELS[next]
            );
        }
        assert_eq!(
            label_type(prev),
            LABELS[prev].split_once('-').map(|(_, t)| t)
        );
    }
}

#[test]
fn only_function_words_between_lower_case_words_are_quiet() {
    // "of" between capitals may be inside a name; "rose" is a content
    // word (web text writes names in lower case); "the" before
    // "Bank" may open one.
    check(
        "profits rose in the year , said the Bank of England",
        &["in", "the", ",", "said"],
    );
    check("the 2004 figures were up", &["the", "were", "up"]);
    check("ordered it from amazon", &["it", "from"]);
    assert!(quiet_tokens(&[]).is_empty());
}

#[test]
fn quiet_words_are_tagged_o_as_before() {
    // Skipping quiet words changes no label on a fixture: the same
    // document tagged with nothing skipped gives the same labels.
    let text: Vec<Vec<&str>> = [
        "The chairman of Baltica Terminals , Jonas Vik , said on Monday that the port of Gdansk would stay closed .",
        "Vik told the board of the International Transport Workers ' Federation that talks with the European Union had stalled .",
    ]
    .iter()
    .map(|s| s.split(' ').collect())
    .collect();
    let model = NerModel::embedded().unwrap();
    let lex = Lexicon::embedded();
    let fast = model.tag(&text, lex, true);
    let full = model.tag(&text, lex, false);
    assert_eq!(fast, full);
    assert!(
        fast.iter().flatten().any(|&l| l != 0),
        "the fixture has names"
    );
}

#[test]
fn long_documents_are_tagged_in_blocks() {
    let model = NerModel::embedded().unwrap();
    let lex = Lexicon::embedded();
    let sentence: Vec<&str> = "Jonas Vik of Baltica Terminals said talks had stalled ."
        .split(' ')
        .collect();
    // Within the limits: one block, the labels of `tag`.
    let short = vec![sentence.clone(); 3];
    assert_eq!(model.tag_document(&short, lex), model.tag(&short, lex, true));
    // Past them: every sentence still gets one label per word, and a
    // sentence is labelled as it would be alone in its block.
    let mut long = vec![sentence.clone(); BLOCK_TOKENS / sentence.len() + 5];
    long.push(vec!["Vik"; PIECE_TOKENS * 2 + 7]);
    let labels = model.tag_document(&long, lex);
    assert_eq!(labels.len(), long.len());
    for (words, l) in long.iter().zip(&labels) {
        assert_eq!(words.len(), l.len());
    }
    assert_eq!(labels[0], model.tag(&short, lex, true)[0].clone());
}
