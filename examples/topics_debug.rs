//! Print level-1 topic probabilities for a text file, whole and per paragraph.
//! Usage: topics_debug FILE [MODEL] (MODEL defaults to the embedded models/topics.tsv).
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let loaded = std::env::args().nth(2).map(|p| {
        newsflow::topics::TopicModel::parse(&std::fs::read_to_string(p).expect("model file"))
            .expect("model")
    });
    let m = match &loaded {
        Some(m) => m,
        None => newsflow::topics::TopicModel::embedded().expect("model"),
    };
    let mut feats = std::collections::HashMap::new();
    newsflow::topics::vocab::add_features(&text, 1.0, &mut feats);
    for p in m
        .predict(&feats, 5, 0.0)
        .iter()
        .filter(|p| p.concept.level == 1)
    {
        println!("{:.3} {}", p.probability, p.concept.name);
    }
    for para in text.split("\n\n") {
        let mut feats = std::collections::HashMap::new();
        newsflow::topics::vocab::add_features(para, 1.0, &mut feats);
        let top: Vec<String> = m
            .predict(&feats, 2, 0.0)
            .iter()
            .filter(|p| p.concept.level == 1)
            .map(|p| format!("{:.2} {}", p.probability, p.concept.name))
            .collect();
        println!(
            "  {:?} | {}",
            top,
            &para.chars().take(70).collect::<String>().replace('\n', " ")
        );
    }
}
