//! Tests of the gold entity corpora (`corpora.rs`): GUM chains, titles and
//! neutral spans, re3d value groups, lines of the rebuilt text, bad rows.

use super::*;

// Two sentences: a headline, then "Jane Roe of Acme Corp met her in Paris ."
// with Jane Roe (titled) and "her" coreferent, Acme Corp named without a
// title, and "the team" an unnamed organisation.
const GUM: &str = "#FORMAT=WebAnno TSV 3.2\n\
#Text=Meeting in the city\n\
1-1\t0-7\tMeeting\tevent[1]\tnew[1]\t_\t_\t_\t_\t_\t\n\
1-2\t8-10\tin\tevent[1]\tnew[1]\t_\t_\t_\t_\t_\t\n\
1-3\t11-14\tthe\tevent[1]|place[2]\tnew[1]|new[2]\t_\t_\t_\t_\t_\t\n\
1-4\t15-19\tcity\tevent[1]|place[2]\tnew[1]|new[2]\t_\t_\t_\t_\t_\t\n\
\n\
#Text=Jane Roe of Acme Corp met the team in Paris .\n\
2-1\t20-24\tJane\tperson[3]\tnew[3]\t_\tJane_Roe[3]\t_\tcoref\t2-11[9_3]\t\n\
2-2\t25-28\tRoe\tperson[3]\tnew[3]\t_\tJane_Roe[3]\t_\t_\t_\t\n\
2-3\t29-31\tof\tperson[3]\tnew[3]\t_\tJane_Roe[3]\t_\t_\t_\t\n\
2-4\t32-36\tAcme\tperson[3]|organization[4]\tnew[3]|new[4]\t_\tJane_Roe[3]\t_\t_\t_\t\n\
2-5\t37-41\tCorp\tperson[3]|organization[4]\tnew[3]|new[4]\t_\tJane_Roe[3]\t_\t_\t_\t\n\
2-6\t42-45\tmet\t_\t_\t_\t_\t_\t_\t_\t\n\
2-7\t46-49\tthe\torganization[5]\tnew[5]\t_\t_\t_\t_\t_\t\n\
2-8\t50-54\tteam\torganization[5]\tnew[5]\t_\t_\t_\t_\t_\t\n\
2-9\t55-57\tin\t_\t_\t_\t_\t_\t_\t_\t\n\
2-10\t58-63\tParis\tplace[6]\tnew[6]\t_\tParis[6]\t_\t_\t_\t\n\
2-11\t64-67\tshe\tperson[9]\tgiv[9]\t_\t_\t_\t_\t_\t\n";

#[test]
fn gum_chains_named_entities_and_neutral_spans() {
    let doc = read_gum("t", GUM).unwrap();
    assert!(
        doc.text
            .starts_with("Meeting in the city\n\nJane Roe of Acme Corp met"),
        "{}",
        doc.text
    );
    let show = |e: &GoldEntity| {
        let m: Vec<&str> = e.mentions.iter().map(|s| s.slice(&doc.text)).collect();
        format!("{} {:?} {:?}", e.kind, e.title, m)
    };
    let got: Vec<String> = doc.entities.iter().map(show).collect();
    assert_eq!(
        got,
        [
            "PER Some(\"Jane Roe\") [\"Jane Roe of Acme Corp\", \"she\"]",
            "ORG None [\"Acme Corp\"]",
            "LOC Some(\"Paris\") [\"Paris\"]",
        ]
    );
    let neutral: Vec<&str> = doc.neutral.iter().map(|s| s.slice(&doc.text)).collect();
    assert_eq!(neutral, ["the city", "the team"]);
}

#[test]
fn gum_chains_with_one_title_are_one_entity() {
    // A third sentence names Jane Roe again in a chain of its own.
    let tsv = format!(
        "{GUM}\n#Text=Roe left .\n\
        3-1\t68-71\tRoe\tperson[10]\tgiv[10]\t_\tJane_Roe[10]\t_\t_\t_\t\n\
        3-2\t72-76\tleft\t_\t_\t_\t_\t_\t_\t_\t\n\
        3-3\t77-78\t.\t_\t_\t_\t_\t_\t_\t_\t\n"
    );
    let doc = read_gum("t", &tsv).unwrap();
    let roe: Vec<Vec<&str>> = doc
        .entities
        .iter()
        .filter(|e| e.title.as_deref() == Some("Jane Roe"))
        .map(|e| e.mentions.iter().map(|s| s.slice(&doc.text)).collect())
        .collect();
    assert_eq!(roe, [["Jane Roe of Acme Corp", "she", "Roe"]]);
    assert_eq!(doc.entities.len(), 3);
}

#[test]
fn re3d_groups_values_and_counts_characters() {
    let docs = read_re3d(
        "f",
        r#"{ "_id" : "d1", "text" : "Ré: the UN and UN's envoy met Kurdish forces." }"#,
        concat!(
            r#"{ "begin" : 8, "end" : 10, "type" : "Organisation", "value" : "UN", "documentId" : "d1" }"#, "\n",
            r#"{ "begin" : 15, "end" : 19, "type" : "Organisation", "value" : "UN's", "documentId" : "d1" }"#, "\n",
            r#"{ "begin" : 30, "end" : 37, "type" : "Nationality", "value" : "Kurdish", "documentId" : "d1" }"#, "\n",
            r#"{ "begin" : 0, "end" : 2, "type" : "Organisation", "value" : "Ré", "documentId" : "other" }"#,
        ),
    )
    .unwrap();
    let d = &docs[0];
    assert_eq!(d.entities.len(), 1);
    let m: Vec<&str> = d.entities[0]
        .mentions
        .iter()
        .map(|s| s.slice(&d.text))
        .collect();
    assert_eq!(m, ["UN", "UN's"]);
    assert_eq!(
        d.neutral
            .iter()
            .map(|s| s.slice(&d.text))
            .collect::<Vec<_>>(),
        ["Kurdish"]
    );
}

#[test]
fn a_sentence_that_does_not_end_as_one_stands_on_its_own_line() {
    let row = |s: usize, t: &str| format!("{s}-1\t0-1\t{t}\t_\t_\t_\t_\t_\t_\t_\t\n");
    let tsv: String = ["Head", "One .", "Caption", "Two .", "Three ."]
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            let rows: String = sentence.split(' ').map(|t| row(i + 1, t)).collect();
            format!("#Text={sentence}\n{rows}")
        })
        .collect();
    let doc = read_gum("t", &tsv).unwrap();
    assert_eq!(doc.text, "Head\n\nOne . Caption\n\nTwo . Three .");
}

#[test]
fn bad_rows_name_the_file_and_line() {
    let e = read_gum("doc.tsv", "#Text=x\n1-1\t0-1\tx\n").unwrap_err();
    assert!(e.starts_with("doc.tsv:2:"), "{e}");
    let e = read_re3d("f", "{\"text\": \"x\"}", "").unwrap_err();
    assert!(e.contains("documents.json:1") && e.contains("_id"), "{e}");
}
