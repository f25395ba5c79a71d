//! Topic features: lower-cased content words (three letters or more, no
//! stop words, no numbers) and bigrams of adjacent content words.

use std::collections::HashMap;

use crate::nlp::is_stopword;

/// A lower-cased word that is a feature of its own.
pub fn is_content(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-') && !is_stopword(w)
}

/// Visit each feature of `text` in order: every content word, and after
/// it the bigram with the content word before it, if any. The one
/// definition of the features; `add_features` and
/// `TopicModel::add_known_features` both read it.
pub fn for_each_feature(text: &str, mut visit: impl FnMut(&str)) {
    let tokens = crate::nlp::tokenize(text);
    let mut prev = String::new();
    let mut bigram = String::new();
    for t in &tokens {
        let w = crate::text::lowercase(t.text(text));
        if is_content(&w) {
            if !prev.is_empty() {
                bigram.clear();
                bigram.push_str(&prev);
                bigram.push(' ');
                bigram.push_str(&w);
                visit(&bigram);
            }
            visit(&w);
            prev = w;
        } else {
            prev.clear();
        }
    }
}

pub fn add_features(text: &str, weight: f64, out: &mut HashMap<String, f64>) {
    for_each_feature(text, |f| {
        *out.entry(f.to_string()).or_default() += weight;
    });
}
