//! The words that open a photo's credit ("Image: Jane Roe", "(Photo:
//! AP)"), one list for the stages that read them: `structure`, where a
//! short block ending in a credit is a caption, and `entities`, where a
//! name ends before the cue that web copy glues to it ("Jo
//! JorgensenImage: Jo Jorgensen for President.").

/// Cue words as they open a credit, before its colon.
pub const CUES: &[&str] = &["Image", "Photo", "Picture", "Photograph"];

/// "Credit:" opens a credit too, but a name ends in the word as often
/// ("Consumer Credit: rates rise"), so only a block's end reads it.
pub const CREDIT: &str = "Credit";

/// The cue `s` ends with, if any, "Credit" only when `credit_too`.
pub fn cue_at_end(s: &str, credit_too: bool) -> Option<&'static str> {
    CUES.iter()
        .copied()
        .chain(credit_too.then_some(CREDIT))
        .find(|c| s.ends_with(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_ends_the_text() {
        let check = |s: &str, credit_too: bool, expect: Option<&str>| {
            assert_eq!(cue_at_end(s, credit_too), expect, "{s}");
        };
        check("Kamala Harris Image", false, Some("Image"));
        check("Jo JorgensenPhotograph", false, Some("Photograph"));
        check("Sirhan in 1969 (Photo", false, Some("Photo"));
        check("Consumer Credit", false, None);
        check("Consumer Credit", true, Some("Credit"));
        check("Imagery", false, None);
        check("", true, None);
    }
}
