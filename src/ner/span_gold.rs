//! Gold entities kept in the repo as byte offsets (`eval/wikinews-entities-dev3.tsv`):
//! one line per named mention, `article_id<TAB>start<TAB>end<TAB>type<TAB>entity`,
//! where the lines of one article that share `entity` are one real-world
//! entity. PER, ORG and LOC lines are gold entities; MISC lines (demonyms,
//! events, works) are neutral spans, where a prediction is neither right
//! nor wrong. The article texts come from the data file at run time, so
//! no text is copied into the repo.

use std::collections::HashMap;

use super::corpora::{GoldDoc, GoldEntity};
use crate::document::Span;

/// One line of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLine {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub entity: String,
}

/// The lines of a gold file (comment lines start with '#'); an error names
/// the line and what is wrong with it.
pub fn parse(tsv: &str) -> Result<Vec<SpanLine>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [article, start, end, kind, entity] = f.as_slice() else {
            return Err(format!(
                "line {}: expected 5 tab-separated fields (article_id, start, end, type, entity), found {}",
                n + 1,
                f.len()
            ));
        };
        let offset = |s: &str, what: &str| {
            s.parse::<usize>()
                .map_err(|_| format!("line {}: {what} {s:?} is not a byte offset", n + 1))
        };
        let (start, end) = (offset(start, "start")?, offset(end, "end")?);
        if start >= end {
            return Err(format!(
                "line {}: start {start} is not before end {end}",
                n + 1
            ));
        }
        if !matches!(*kind, "PER" | "ORG" | "LOC" | "MISC") {
            return Err(format!(
                "line {}: type {kind:?} is none of PER, ORG, LOC, MISC",
                n + 1
            ));
        }
        out.push(SpanLine {
            article: article.to_string(),
            start,
            end,
            kind: kind.to_string(),
            entity: entity.to_string(),
        });
    }
    Ok(out)
}

/// The gold document of one article: its PER/ORG/LOC lines grouped by
/// entity (in order of first mention), its MISC lines neutral. An error
/// when a span does not fit `text` (the wrong data file) or one entity has
/// two types.
pub fn document(id: &str, text: &str, lines: &[&SpanLine]) -> Result<GoldDoc, String> {
    let mut entities: Vec<GoldEntity> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut neutral = Vec::new();
    for l in lines {
        if text.get(l.start..l.end).is_none() {
            return Err(format!(
                "{id} {}..{}: does not fit the article's text (wrong data file?)",
                l.start, l.end
            ));
        }
        let span = Span::new(l.start, l.end);
        let kind = match l.kind.as_str() {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => "LOC",
            _ => {
                neutral.push(span);
                continue;
            }
        };
        match index.get(l.entity.as_str()) {
            Some(&i) if entities[i].kind != kind => {
                return Err(format!(
                    "{id}: entity {:?} is both {} and {kind}",
                    l.entity, entities[i].kind
                ))
            }
            Some(&i) => entities[i].mentions.push(span),
            None => {
                index.insert(&l.entity, entities.len());
                entities.push(GoldEntity {
                    kind,
                    title: Some(l.entity.clone()),
                    mentions: vec![span],
                });
            }
        }
    }
    Ok(GoldDoc {
        name: id.to_string(),
        text: text.to_string(),
        entities,
        neutral,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Joe Biden met Iranian envoys in Paris. Biden said Paris was calm.";

    fn check(tsv: &str, expect: Result<&[&str], &str>) {
        let got = parse(tsv).and_then(|lines| {
            let refs: Vec<&SpanLine> = lines.iter().collect();
            document("a", TEXT, &refs)
        });
        let got = got.map(|d| {
            let mut out: Vec<String> = d
                .entities
                .iter()
                .map(|e| {
                    let m: Vec<&str> = e.mentions.iter().map(|s| s.slice(TEXT)).collect();
                    format!("{} {}", e.kind, m.join("|"))
                })
                .collect();
            out.extend(
                d.neutral
                    .iter()
                    .map(|s| format!("neutral {}", s.slice(TEXT))),
            );
            out
        });
        match expect {
            Ok(want) => assert_eq!(got, Ok(want.iter().map(|s| s.to_string()).collect())),
            Err(want) => assert!(
                got.as_ref().is_err_and(|e| e.contains(want)),
                "{got:?} lacks {want:?}"
            ),
        }
    }

    #[test]
    fn lines_become_entities_and_neutral_spans() {
        check(
            "# comment\n\
             a\t0\t9\tPER\tJoe Biden\n\
             a\t14\t21\tMISC\tIranian\n\
             a\t32\t37\tLOC\tParis\n\
             a\t39\t44\tPER\tJoe Biden\n\
             a\t50\t55\tLOC\tParis\n",
            Ok(&["PER Joe Biden|Biden", "LOC Paris|Paris", "neutral Iranian"]),
        );
    }

    #[test]
    fn bad_lines_are_named() {
        check("a\t0\t9\tPER\n", Err("line 1: expected 5"));
        check("a\tx\t9\tPER\tJoe\n", Err("line 1: start \"x\""));
        check(
            "a\t9\t0\tPER\tJoe\n",
            Err("line 1: start 9 is not before end 0"),
        );
        check("a\t0\t9\tPERSON\tJoe\n", Err("line 1: type \"PERSON\""));
        check("a\t0\t900\tPER\tJoe\n", Err("does not fit"));
        check(
            "a\t0\t9\tPER\tJoe Biden\na\t39\t44\tORG\tJoe Biden\n",
            Err("is both PER and ORG"),
        );
    }
}
