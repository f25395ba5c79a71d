//! One name as the text writes it, with its span and type: what the
//! tagger and the rules of `mentions.rs` and `recalled.rs` produce and
//! `consolidate.rs` groups into entities. Its own module so that both
//! passes can name it without importing each other.

use crate::gazetteer::Gazetteer;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub kind: &'static str,
}

/// Whether a name's words open with a capital "The" that is the article,
/// not part of the name: the alias table or the gazetteer knows the name
/// without it ("The United States reports", "The Houthis claim", "said
/// The Cable News Network"), as "the" inside a sentence is never part of
/// one. Not when the table writes the name with it ("The Guardian"), nor
/// when the gazetteer knows it with the "The" as another place ("The
/// Hague", "The Woodlands"; "The Netherlands" is the Netherlands).
pub(super) fn opens_with_article(
    words: &[&str],
    alias_kind: &dyn Fn(&str) -> Option<&'static str>,
    gaz: &Gazetteer,
) -> bool {
    if words.len() < 2 || words[0] != "The" {
        return false;
    }
    let rest = words[1..].join(" ");
    let whole = || words.join(" ");
    if alias_kind(&rest).is_some() && alias_kind(&whole()).is_none() {
        return true;
    }
    let place = gaz.lookup(&rest);
    let Some(first) = place.first() else {
        return false;
    };
    gaz.lookup(&whole())
        .first()
        .is_none_or(|w| w.geonameid == first.geonameid)
}

/// Bytes of a lower-case prefix that modifies the name after it and is no
/// part of it: "ex-Yukos", "anti-Bush", "non-OPEC", "then-New Jersey",
/// "pro-Israel" name Yukos, Bush, OPEC, New Jersey and Israel. Written with
/// a capital the prefix is the name's own ("Anti-Slavery International",
/// "Ex-Cell-O Corp"); 0 when there is none.
pub(super) fn modifying_prefix(surface: &str) -> usize {
    const PREFIXES: &[&str] = &["ex-", "anti-", "pro-", "non-", "then-", "post-", "pre-"];
    // (Most names open with a capital: one byte rules them out.)
    if !surface.starts_with(|c: char| c.is_ascii_lowercase()) {
        return 0;
    }
    PREFIXES
        .iter()
        .find(|p| {
            surface
                .strip_prefix(**p)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
        .map_or(0, |p| p.len())
}

/// Where a name ends that runs into a photo credit's cue: "Kamala Harris
/// Image: U.S. Senate." and, glued as web copy has it, "Jo JorgensenImage:
/// Jo Jorgensen for President." end before "Image". `surface` is the
/// tagger's span, `after` the text right after it; the length to keep, or
/// `surface.len()` when no cue ends it (or nothing of a name would be left).
pub(super) fn before_photo_credit(surface: &str, after: &str) -> usize {
    if !after.starts_with(':') {
        return surface.len();
    }
    crate::nlp::photo_credits::cue_at_end(surface, false)
        .and_then(|cue| {
            let head = &surface[..surface.len() - cue.len()];
            let last = head.chars().next_back()?;
            let kept = if last == ' ' { head.trim_end() } else { head };
            (last == ' ' || last.is_lowercase())
                .then_some(kept.len())
                .filter(|&n| kept[..n].chars().any(char::is_uppercase))
        })
        .unwrap_or(surface.len())
}

/// Test input: `names` (text, type) found in `text` in order, as mentions.
#[cfg(test)]
pub(super) fn placed(text: &str, names: &[(&str, &'static str)]) -> Vec<Mention> {
    let mut from = 0;
    names
        .iter()
        .map(|&(n, kind)| {
            let start = from + text[from..].find(n).expect("name in text");
            from = start + n.len();
            Mention {
                text: n.into(),
                start,
                end: start + n.len(),
                kind,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::before_photo_credit;

    #[test]
    fn a_name_ends_before_a_photo_credit() {
        let check = |surface: &str, after: &str, expect: &str| {
            let n = before_photo_credit(surface, after);
            assert_eq!(&surface[..n], expect, "{surface:?} + {after:?}");
        };
        check("Kamala Harris Image", ": U.S. Senate.", "Kamala Harris");
        check("Jo JorgensenImage", ": Jo Jorgensen.", "Jo Jorgensen");
        check("Tom Roe Photo", ": AP", "Tom Roe");
        // No colon, no credit: "Image" may be a name's ("Image Comics").
        check("Image Comics", " said", "Image Comics");
        check("Kamala Harris Image", " Awards", "Kamala Harris Image");
        // A cue alone, or inside a word ("MyImage"), is left as it is.
        check("Image", ": AP", "Image");
        check("MYIMAGE", ": AP", "MYIMAGE");
    }

    #[test]
    fn a_modifying_prefix_is_no_part_of_the_name() {
        let check = |surface: &str, expect: &str| {
            assert_eq!(
                &surface[super::modifying_prefix(surface)..],
                expect,
                "{surface:?}"
            );
        };
        check("ex-Yukos", "Yukos");
        check("then-New Jersey", "New Jersey");
        check("non-OPEC", "OPEC");
        check("Anti-Slavery International", "Anti-Slavery International");
        check("Ex-Cell-O Corp", "Ex-Cell-O Corp");
        check("anti-semitic", "anti-semitic");
        let e = super::super::tests::run(
            "Oil firm\n\nYukos shares fell on Monday. An ex-Yukos manager said non-OPEC \
             output would rise, and OPEC met.",
        );
        let names = super::super::tests::names_and_types(&e);
        assert!(names.iter().all(|(n, _)| !n.contains('-')), "{names:?}");
        assert_eq!(
            super::super::tests::mention_texts(&e, "OPEC"),
            ["OPEC", "OPEC"]
        );
    }

    #[test]
    fn captioned_names_are_the_people_of_the_text() {
        let e = super::super::tests::run(
            "Candidates meet\n\nJo Jorgensen and Kamala Harris spoke on Monday.\n\n\
             Jo JorgensenImage: Jo Jorgensen for President.\n\n\
             Kamala Harris Image: U.S. Senate.",
        );
        let names = super::super::tests::names_and_types(&e);
        assert!(names.iter().all(|(n, _)| !n.contains("Image")), "{names:?}");
    }
}
