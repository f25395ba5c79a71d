//! A club named after its city: "Liverpool striker Milan Baros",
//! "Chelsea v Birmingham", "a win against Bolton". Where most mentions
//! of a city read so, the name is the team (ORG), as the BBC set's
//! guidelines and the reader have it; a country's name ("England beat
//! France") is left to the tagger: a national side and the country share
//! their name and their entity.

/// Words after a name that only a team takes: its staff, players and
/// fans, or a result ("Bolton beat Arsenal", "Chelsea v Birmingham").
const AFTER: &[&str] = &[
    "beat", "boss", "captain", "coach", "defender", "drew", "fans", "goalkeeper", "keeper",
    "manager", "midfielder", "skipper", "striker", "supporters", "v", "winger",
];

/// Words before a name that make it a side: "against Bolton", "Chelsea
/// v Birmingham", "Arsenal beat Bolton".
const BEFORE: &[&str] = &["against", "beat", "v"];

/// Whether the mention at `start..end` reads as a team's (see the module
/// note): one of `AFTER` right after it (past a possessive), or one of
/// `BEFORE` right before it, all in lower case.
pub(super) fn team_cue(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
        .unwrap_or(rest);
    let next = rest
        .strip_prefix([' ', '\n'])
        .and_then(|r| r.split(|c: char| !c.is_ascii_lowercase()).next())
        .unwrap_or_default();
    AFTER.contains(&next)
        || crate::nlp::word_before(text, start).is_some_and(|(_, w)| BEFORE.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, name: &str, expect: bool) {
        let start = text.find(name).expect(name);
        assert_eq!(team_cue(text, start, start + name.len()), expect, "{text}");
    }

    #[test]
    fn a_team_reads_as_one() {
        check("Liverpool striker Milan Baros scored.", "Liverpool", true);
        check("Chelsea v Birmingham", "Birmingham", true);
        check("Chelsea v Birmingham", "Chelsea", true);
        check("a win against Bolton on Saturday", "Bolton", true);
        check("Newcastle's manager Graeme Souness said", "Newcastle", true);
        // A city: the words after or before say nothing of a side.
        check("He lives in Liverpool with his family.", "Liverpool", false);
        check("Liverpool City Council said", "Liverpool", false);
        check("the Liverpool Strikers", "Liverpool", false);
    }
}
