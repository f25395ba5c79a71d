//! Firms' legal forms ("Inc", "Corp.", "Ltd", "AG", "Holdings"), one
//! table for the stages that read them: the entity stage, where a legal
//! form ends an organisation's name, heads it ("General Electric Co"),
//! stays with the name across a comma ("Asset Management, Inc.") or an
//! "and" ("Samuel Montagu and Co Ltd"), and is dropped to join the bare
//! name ("Texaco" of "Texaco Inc"); and the quote stage, where the stop
//! after an abbreviated one ends no sentence ("Acme Corp. said").

/// How a legal form is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// An English abbreviation, a stop allowed: Inc, Corp, Ltd, Plc,
    /// LLC, Co.
    Abbreviated,
    /// A continental European abbreviation: AG, SA, NV.
    Foreign,
    /// Spelt out: Incorporated, Corporation, Company, Limited, Holdings,
    /// Group.
    Spelt,
}

/// Every legal form, lower-case, with how it is written.
#[rustfmt::skip]
pub const FORMS: &[(&str, Form)] = &[
    ("inc", Form::Abbreviated), ("corp", Form::Abbreviated), ("ltd", Form::Abbreviated),
    ("plc", Form::Abbreviated), ("llc", Form::Abbreviated), ("co", Form::Abbreviated),
    ("ag", Form::Foreign), ("sa", Form::Foreign), ("nv", Form::Foreign),
    ("incorporated", Form::Spelt), ("corporation", Form::Spelt), ("company", Form::Spelt),
    ("limited", Form::Spelt), ("holdings", Form::Spelt), ("group", Form::Spelt),
];

/// How `word` is written if it is a legal form (any case, a trailing stop
/// allowed): "Inc." and "INC" are [`Form::Abbreviated`], "Holdings" is
/// [`Form::Spelt`]. Allocates nothing.
pub fn form(word: &str) -> Option<Form> {
    let w = word.trim_end_matches('.');
    FORMS
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(w))
        .map(|&(_, form)| form)
}

/// Whether `word` is a legal form, written any way.
pub fn is_legal_form(word: &str) -> bool {
    form(word).is_some()
}

/// Whether `word` is an English abbreviated legal form ("Inc", "Co.").
pub fn is_abbreviated(word: &str) -> bool {
    form(word) == Some(Form::Abbreviated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_any_case_with_or_without_a_stop() {
        let check = |word: &str, expect: Option<Form>| assert_eq!(form(word), expect, "{word}");
        check("Inc", Some(Form::Abbreviated));
        check("Inc.", Some(Form::Abbreviated));
        check("CORP", Some(Form::Abbreviated));
        check("Co.", Some(Form::Abbreviated));
        check("AG", Some(Form::Foreign));
        check("Holdings", Some(Form::Spelt));
        check("Companies", None);
        check("Bros", None);
        check("Incorporation", None);
        check("", None);
        check(".", None);
    }

    #[test]
    fn the_table_is_lower_case_and_has_no_word_twice() {
        for (i, (w, _)) in FORMS.iter().enumerate() {
            assert_eq!(*w, w.to_lowercase());
            assert!(FORMS[..i].iter().all(|(v, _)| v != w), "{w}");
        }
    }
}
