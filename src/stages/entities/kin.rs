//! Kin words before a name: "his wife Mary" says person (`types/`), and a
//! person introduced as someone's kin ("his son Abhijit Mukherjee") is
//! not the one a bare shared surname means afterwards (`merge.rs`).

/// Kin just before a name ("his wife Mary", "her son Paris").
#[rustfmt::skip]
const KIN: &[&str] = &[
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
    "widower", "fiancee", "fiancée", "fiance", "girlfriend", "boyfriend", "grandson",
    "granddaughter", "grandmother", "grandfather", "nephew", "niece", "uncle", "aunt", "cousin",
    "stepson", "stepdaughter", "stepmother", "stepfather",
];

/// Whether the word before byte `k` is a possessive: "his", "Her",
/// "Mr Begg's".
fn possessive_before(text: &str, k: usize) -> bool {
    crate::nlp::word_before(text, k).is_some_and(|(_, p)| {
        let p = p.to_lowercase();
        matches!(p.as_str(), "his" | "her" | "their" | "my" | "your" | "our")
            || p.ends_with("'s")
            || p.ends_with("’s")
    })
}

/// A person's kin, written in lower case after a possessive, just before
/// byte `at`: "his wife Mary", "Mr Begg's father, Azmat" (not "its sister
/// Xiluodu dam", "Mother Nature", "with husband, Chicago Cubs shortstop").
pub(super) fn kin_before(text: &str, at: usize) -> bool {
    crate::nlp::word_before(text, at)
        .is_some_and(|(k, w)| KIN.contains(&w) && possessive_before(text, k))
}

/// A name introduced as someone's kin: "his son Abhijit Mukherjee", "her
/// late husband, Tom", "Her mother is professional wrestler Kyoko
/// Kimura". Between the possessive and the kin word up to two of a kin's
/// modifiers ("late", "eldest"); between the kin word and the name
/// nothing, or "is"/"was" and up to two lower-case words (a trade). Not
/// "his son said Ravi Shankar", "his son was charged with attacking John
/// Smith".
pub(super) fn introduced_as_kin(text: &str, at: usize) -> bool {
    #[rustfmt::skip]
    const MODIFIERS: &[&str] = &[
        "late", "former", "eldest", "youngest", "older", "younger", "elder", "estranged",
        "own", "twin", "only",
    ];
    const NOT_TRADE: &[&str] = &[
        "of", "by", "to", "with", "for", "against", "from", "at", "on", "in", "and", "or", "but",
        "than", "about", "after", "before", "not", "also", "said", "told", "says",
    ];
    // The words back from the name, at most three, up to the kin word.
    let mut between: Vec<&str> = Vec::new();
    let mut at = at;
    let kin = loop {
        let Some((k, w)) = crate::nlp::word_before(text, at) else {
            return false;
        };
        if KIN.contains(&w) {
            break k;
        }
        if between.len() == 3 || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        between.push(w);
        at = k;
    };
    between.reverse();
    let fits = match between[..] {
        [] => true,
        ["is" | "was", ref trade @ ..] => trade.iter().all(|w| !NOT_TRADE.contains(w)),
        _ => false,
    };
    // "her late husband": the possessive past the kin's modifiers.
    let mut k = kin;
    for _ in 0..2 {
        match crate::nlp::word_before(text, k) {
            Some((j, w)) if MODIFIERS.contains(&w) => k = j,
            _ => break,
        }
    }
    fits && possessive_before(text, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the name `name` in `text` is introduced as kin.
    fn check(text: &str, name: &str, expect: bool) {
        let at = text.find(name).expect("name in text");
        assert_eq!(introduced_as_kin(text, at), expect, "{text:?} / {name:?}");
    }

    #[test]
    fn kin_introductions() {
        check(
            "His death was announced by his son Abhijit Mukherjee via Twitter.",
            "Abhijit",
            true,
        );
        check(
            "Her mother is professional wrestler Kyoko Kimura.",
            "Kyoko",
            true,
        );
        check("Mr Begg's father, Azmat, said.", "Azmat", true);
        check("She thanked her late husband, Tom Hill.", "Tom", true);
        check("On Monday, Pranab Mukherjee died.", "Pranab", false);
        check(
            "His son was charged with attacking John Smith.",
            "John",
            false,
        );
        check("Its sister Xiluodu dam opened.", "Xiluodu", false);
        check("Mother Nature won.", "Nature", false);
        check("The son of Pranab Mukherjee spoke.", "Pranab", false);
        check("his son said Ravi Shankar was ill", "Ravi", false);
    }
}
