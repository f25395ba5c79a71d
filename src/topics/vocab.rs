//! Topic features: lower-cased content words (three letters or more, no
//! stop words, no numbers) and bigrams of adjacent content words.

use std::collections::HashMap;

use crate::nlp::is_stopword;

/// A lower-cased word that is a feature of its own.
pub fn is_content(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-') && !is_stopword(w)
}

pub fn add_features(text: &str, weight: f64, out: &mut HashMap<String, f64>) {
    let tokens = crate::nlp::tokenize(text);
    let mut prev: Option<String> = None;
    for t in &tokens {
        let w = t.text(text).to_lowercase();
        if is_content(&w) {
            if let Some(p) = &prev {
                *out.entry(format!("{p} {w}")).or_default() += weight;
            }
            *out.entry(w.clone()).or_default() += weight;
            prev = Some(w);
        } else {
            prev = None;
        }
    }
}
