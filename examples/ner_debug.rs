//! Print NER labels per sentence of a file, with two-pass document context:
//! `cargo run --example ner_debug -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let (toks, sents) = newsflow::nlp::sentences(&text);
    let words = newsflow::nlp::sentence_words(&text, &toks, &sents);
    let model = newsflow::ner::NerModel::embedded().expect("model");
    for (w, l) in words
        .iter()
        .zip(model.tag_document(&words, newsflow::ner::features::Lexicon::embedded()))
    {
        let line: Vec<String> = w
            .iter()
            .zip(l)
            .map(|(a, b)| {
                if b == 0 {
                    a.to_string()
                } else {
                    format!("{a}/{}", newsflow::ner::LABELS[b])
                }
            })
            .collect();
        println!("{}", line.join(" "));
    }
}
