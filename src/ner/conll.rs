//! CoNLL-format reading: one token per line, the token first and the tag
//! last, blank lines between sentences, `-DOCSTART-` between documents.
//! Reads IOB1 and IOB2; `.gz` files are decompressed. Also reads the
//! Universal NER layout (`# newdoc` opens a document, `#` lines are
//! comments, `index<TAB>token<TAB>tag[<TAB>…]`; its `B-O`/`OTH` tags are O).

use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sentences: Vec<Sentence>,
    /// The annotation has no MISC class (UNER, WikiANN): an O there is no
    /// evidence against MISC, so training does not learn from it.
    pub no_misc: bool,
}

impl Doc {
    /// The words of each sentence, as the tagger takes them.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path}:{line}: expected `token ... tag`, found {found:?}")]
    Format {
        path: String,
        line: usize,
        found: String,
    },
}

pub fn read_path(path: &Path) -> Result<Vec<Doc>, ConllError> {
    let p = path.display().to_string();
    let text = crate::datafile::read_text(path).map_err(|cause| ConllError::Read {
        path: p.clone(),
        cause,
    })?;
    parse(&text, &p)
}

pub fn parse(text: &str, path: &str) -> Result<Vec<Doc>, ConllError> {
    let mut docs = vec![Doc::default()];
    let mut cur = Sentence::default();
    let flush = |cur: &mut Sentence, docs: &mut Vec<Doc>| {
        if !cur.words.is_empty() {
            docs.last_mut()
                .expect("one doc")
                .sentences
                .push(std::mem::take(cur));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut cur, &mut docs);
            continue;
        }
        if line.starts_with("# newdoc") || line.starts_with("-DOCSTART-") {
            flush(&mut cur, &mut docs);
            if !docs.last().is_some_and(|d| d.sentences.is_empty()) {
                docs.push(Doc::default());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split([' ', '\t']).filter(|c| !c.is_empty()).collect();
        // Universal NER: index, token, tag, then annotation columns.
        let uner = line.contains('\t') && cols.len() >= 3 && cols[0].parse::<usize>().is_ok();
        if uner {
            cur.words.push(cols[1].to_string());
            let tag = match cols[2] {
                "B-O" | "I-O" | "B-OTH" | "I-OTH" => "O",
                t => t,
            };
            cur.tags.push(tag.to_string());
            continue;
        }
        if cols.len() < 2 {
            return Err(ConllError::Format {
                path: path.into(),
                line: n + 1,
                found: line.into(),
            });
        }
        let word = cols[0].strip_prefix("en:").unwrap_or(cols[0]);
        cur.words.push(word.to_string());
        cur.tags.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut cur, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// IOB1 or IOB2 tags to IOB2 (every chunk opens with B-).
pub fn to_iob2(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type: Option<&str> = None;
    for t in tags {
        match t.split_once('-') {
            Some(("I", ty)) if prev_type == Some(ty) => out.push(format!("I-{ty}")),
            Some((_, ty)) => out.push(format!("B-{ty}")),
            None => out.push("O".to_string()),
        }
        prev_type = t.split_once('-').map(|(_, ty)| ty);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_docs() {
        let docs = parse("-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nen:Paris\tB-LOC\n", "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[1].sentences[0].words, vec!["Paris"]);
        let t: Vec<String> = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"]
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(to_iob2(&t), vec!["B-PER", "I-PER", "B-PER", "O", "B-LOC"]);
    }

    #[test]
    fn reads_universal_ner() {
        let text = "# newdoc id = a\n# sent_id = a-1\n# text = Jo met OTH\n1\tJo\tB-PER\t-\tx\n2\tmet\tO\n3\tOTH\tB-OTH\t-\tx\n\n\
                    # newdoc id = b\n# sent_id = b-1\n1\t1996\tO\n";
        let docs = parse(text, "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].words, vec!["Jo", "met", "OTH"]);
        assert_eq!(docs[0].sentences[0].tags, vec!["B-PER", "O", "O"]);
        assert_eq!(docs[1].sentences[0].words, vec!["1996"]);
    }
}
