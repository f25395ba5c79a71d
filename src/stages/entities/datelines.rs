//! The dateline names a place: "PORT ELSA --" opens wire copy with the
//! place the story was filed from, which the structure stage found. The
//! tagger reads an unknown capitalised town there as anything ("PORT
//! ELSA" ORG); the name in the dateline, and every mention of the same
//! name, is a place. And the agency in its parentheses ("ROSPORT
//! (Wirewire) -") is an organisation, which the tagger read as a place or
//! cut ("Example Wire" was a MISC "Wire").

use super::mentions::Mention;

/// `mentions` with the dateline's place (its name up to a comma, within
/// `dateline`, the dateline's span) and the same name elsewhere typed LOC.
pub(super) fn place_of_dateline(
    mut mentions: Vec<Mention>,
    dateline: Option<(usize, usize, &str)>,
) -> Vec<Mention> {
    let Some((start, end, location)) = dateline else {
        return mentions;
    };
    let place = location.split(',').next().unwrap_or(location).trim();
    let named = mentions
        .iter()
        .any(|m| start <= m.start && m.end <= end && m.text.eq_ignore_ascii_case(place));
    if named {
        for m in mentions.iter_mut() {
            if m.text.eq_ignore_ascii_case(place) {
                m.kind = "LOC";
            }
        }
    }
    mentions
}

/// `mentions` with the dateline's source (its agency's span in `text`,
/// found by the structure stage) one organisation mention, in place of
/// any the tagger made there, and the same name elsewhere typed ORG
/// ("Wirewire contributed to this report").
pub(super) fn source_of_dateline(
    text: &str,
    mut mentions: Vec<Mention>,
    source: Option<(usize, usize)>,
) -> Vec<Mention> {
    let Some((start, end)) = source else {
        return mentions;
    };
    let Some(name) = text.get(start..end) else {
        return mentions;
    };
    mentions.retain(|m| m.end <= start || end <= m.start);
    for m in mentions.iter_mut().filter(|m| m.text == name) {
        m.kind = "ORG";
    }
    let at = mentions.partition_point(|m| m.start < start);
    mentions.insert(
        at,
        Mention {
            text: name.to_string(),
            start,
            end,
            kind: "ORG",
        },
    );
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        names: &[(&str, usize, &'static str)],
        dateline: (usize, usize, &str),
        expect: &[&str],
    ) {
        let mentions = names
            .iter()
            .map(|&(text, start, kind)| Mention {
                text: text.to_string(),
                start,
                end: start + text.len(),
                kind,
            })
            .collect();
        let got: Vec<&str> = place_of_dateline(mentions, Some(dateline))
            .iter()
            .map(|m| m.kind)
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn the_datelines_place_is_a_place() {
        // "PORT ELSA -- Storm Idris …": the dateline's name and its later
        // mention; another name keeps its type.
        check(
            &[
                ("PORT ELSA", 0, "ORG"),
                ("Storm Idris", 13, "MISC"),
                ("Port Elsa", 90, "ORG"),
            ],
            (0, 13, "Port Elsa"),
            &["LOC", "MISC", "LOC"],
        );
        // "KIRKTON, Scotland --": the part before the comma.
        check(
            &[("KIRKTON", 0, "PER")],
            (0, 22, "Kirkton, Scotland"),
            &["LOC"],
        );
        // A name outside the dateline that merely matches is not enough.
        check(&[("Elsa", 40, "PER")], (0, 6, "Elsa"), &["PER"]);
    }

    #[test]
    fn the_datelines_agency_is_an_organisation() {
        // "VALMORA CITY (Example Wire) - … Example Wire said": the tagger's
        // "Wire" MISC gives way; the later mention is typed too.
        let text = "VALMORA CITY (Example Wire) - Voters voted. Example Wire said.";
        let mentions = vec![
            Mention {
                text: "Wire".to_string(),
                start: 22,
                end: 26,
                kind: "MISC",
            },
            Mention {
                text: "Example Wire".to_string(),
                start: 44,
                end: 56,
                kind: "LOC",
            },
        ];
        let got: Vec<(String, &str)> = source_of_dateline(text, mentions, Some((14, 26)))
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Example Wire".to_string(), "ORG"),
                ("Example Wire".to_string(), "ORG")
            ]
        );
        // No source: nothing changes.
        assert!(source_of_dateline(text, Vec::new(), None).is_empty());
    }
}
