//! A name run on over a place: "Bank of America in New York" (an
//! organisation, "in", a gazetteer place) and "Amy Klobuchar of Minnesota"
//! (a person's full name, "of", a place) are the name, then the place.

use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// "Bank of America in New York": an organisation chunk that runs on over
/// "in" and a gazetteer place is the organisation, then the place. So is a
/// person's full name and "of" a place ("Amy Klobuchar of Minnesota"),
/// unless a peer's or royal's style opens it ("Lord Nicholls of
/// Birkenhead", "Marguerite of Romania" has one word before "of").
pub(super) fn split(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(cs.len());
    for c in cs {
        let joint = match c.kind {
            "ORG" => "in",
            "PER"
                if !STYLES
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(words[c.start])) =>
            {
                "of"
            }
            _ => "",
        };
        let first = if joint == "of" {
            c.start + 2
        } else {
            c.start + 1
        };
        let at = (first..c.end.saturating_sub(1))
            .find(|&i| words[i] == joint && !gaz.lookup(&words[i + 1..c.end].join(" ")).is_empty());
        match at {
            Some(i) => {
                out.push(Chunk {
                    start: c.start,
                    end: i,
                    kind: c.kind,
                });
                out.push(Chunk {
                    start: i + 1,
                    end: c.end,
                    kind: "LOC",
                });
            }
            None => out.push(c),
        }
    }
    out
}

/// Words that open a peer's or royal's name, of which "of" a place is part.
const STYLES: &[&str] = &[
    "lord",
    "lady",
    "baroness",
    "baron",
    "earl",
    "duke",
    "duchess",
    "prince",
    "princess",
    "king",
    "queen",
    "viscount",
    "marquess",
    "countess",
    "count",
    "sir",
    "dame",
    "archbishop",
    "bishop",
];
