//! Dump `word gold predicted` for a CoNLL file with a model file (error analysis):
//! `cargo run --release --example ner_dump -- MODEL CONLL`.
fn main() {
    let mut args = std::env::args().skip(1);
    let model = args.next().expect("model");
    let data = args.next().expect("conll");
    let model =
        newsflow::ner::model_io::read(&std::fs::read(model).expect("read model")).expect("model");
    let docs = newsflow::ner::conll::read_path(std::path::Path::new(&data)).expect("conll");
    let lex = newsflow::ner::features::Lexicon::embedded();
    for d in &docs {
        let words = d.words();
        for (s, pred) in d.sentences.iter().zip(model.tag_document(&words, lex)) {
            for ((w, g), p) in s.words.iter().zip(&s.tags).zip(pred) {
                println!("{w} {g} {}", newsflow::ner::LABELS[p]);
            }
            println!();
        }
        println!("-DOCSTART- O O\n");
    }
}
