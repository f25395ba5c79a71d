//! A body's name the tagger split at its connective: "United States
//! Commission" + "on" + "International Religious Freedom", "Joint Council"
//! + "for the" + "Welfare of Immigrants". When a chunk ends in an
//! organisation's head noun (`heads`), one connective follows ("on",
//! "for", "of", perhaps with "the"), and the next chunk starts right after
//! it, capitalised, the two are one organisation. The second must be an
//! organisation after "on" ("a vote in the Senate on Brexit" is two
//! things) and an organisation or a place after "of" or "for" ("Bank" +
//! "of England"); never a person ("Congress for Trump"). Not a firm's
//! legal form before its seat ("Galactic Resources Ltd of Toronto", as
//! wires write it), nor a legislature before "of", which is as often a
//! verb's ("informed Congress of the FCC plan"); "against" joins nothing
//! ("filed in Circuit Court against Commonwealth Edison").

use crate::ner::Chunk;

/// `cs` (in text order) with such pairs joined.
pub(super) fn join(cs: Vec<Chunk>, words: &[&str]) -> Vec<Chunk> {
    if cs.len() < 2 {
        return cs;
    }
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len());
    for c in cs {
        if let Some(prev) = out.last_mut() {
            if joins(prev, &c, words) {
                prev.end = c.end;
                prev.kind = "ORG";
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn joins(a: &Chunk, b: &Chunk, words: &[&str]) -> bool {
    if a.end >= b.start || b.end > words.len() {
        return false;
    }
    let connective = match &words[a.end..b.start] {
        [w] | [w, "the"] if matches!(*w, "on" | "of" | "for") => *w,
        _ => return false,
    };
    // (Only now, for the few pairs a connective joins: a lower-cased copy.)
    if !words[b.start].starts_with(char::is_uppercase) {
        return false;
    }
    let head = words[a.end - 1].trim_end_matches('.').to_lowercase();
    let legal_form = super::wordlists::legal_form(&head) || head == "holdings";
    let legislature = matches!(
        head.as_str(),
        "congress" | "parliament" | "senate" | "cabinet"
    );
    let second_fits = match connective {
        "on" => b.kind == "ORG",
        "of" => b.kind == "ORG" && !legislature || b.kind == "LOC" && !legal_form && !legislature,
        "for" => b.kind == "ORG" || b.kind == "LOC" && !legal_form,
        _ => false,
    };
    second_fits && super::heads::head_kind(&head) == Some("ORG")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(|cs, words, _| join(cs, words), sentence, tagged, expect);
    }

    #[test]
    fn a_body_split_at_its_connective_is_one_organisation() {
        check(
            "the United States Commission on International Religious Freedom said",
            &[(1, 3, "ORG"), (5, 3, "MISC")],
            &[
                ("United States Commission", "ORG"),
                ("International Religious Freedom", "MISC"),
            ],
        );
        check(
            "the United States Commission on International Religious Freedom said",
            &[(1, 3, "ORG"), (5, 3, "ORG")],
            &[(
                "United States Commission on International Religious Freedom",
                "ORG",
            )],
        );
        check(
            "the Joint Council for the Welfare of Immigrants said",
            &[(1, 2, "ORG"), (5, 3, "ORG")],
            &[("Joint Council for the Welfare of Immigrants", "ORG")],
        );
        check(
            "the Bank of England said",
            &[(1, 1, "ORG"), (3, 1, "LOC")],
            &[("Bank of England", "ORG")],
        );
        // Not a person after it, nor a topic after "on", nor a name that
        // ends in no head noun.
        check(
            "support in Congress for Trump grew",
            &[(2, 1, "ORG"), (4, 1, "PER")],
            &[("Congress", "ORG"), ("Trump", "PER")],
        );
        check(
            "a vote in the Senate on Iraq",
            &[(4, 1, "ORG"), (6, 1, "LOC")],
            &[("Senate", "ORG"), ("Iraq", "LOC")],
        );
        check(
            "talks between Acme of Paris ended",
            &[(2, 1, "ORG"), (4, 1, "LOC")],
            &[("Acme", "ORG"), ("Paris", "LOC")],
        );
        // Nor a firm's seat, a legislature told of something, or "against".
        check(
            "shares of Galactic Resources Ltd of Toronto rose",
            &[(2, 3, "ORG"), (6, 1, "LOC")],
            &[("Galactic Resources Ltd", "ORG"), ("Toronto", "LOC")],
        );
        check(
            "they informed Congress of the FCC plan",
            &[(2, 1, "ORG"), (5, 1, "ORG")],
            &[("Congress", "ORG"), ("FCC", "ORG")],
        );
        check(
            "filed in Cook County Circuit Court against Commonwealth Edison Co",
            &[(2, 4, "ORG"), (7, 3, "ORG")],
            &[
                ("Cook County Circuit Court", "ORG"),
                ("Commonwealth Edison Co", "ORG"),
            ],
        );
    }
}
