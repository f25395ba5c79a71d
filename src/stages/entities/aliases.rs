//! The curated alias table (config/aliases.toml, plus user files): surface
//! forms that name one well-known entity.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    entity: Vec<AliasEntry>,
}

/// Lower-cased surface form → entry.
#[derive(Debug, Default)]
pub struct Aliases {
    pub entries: Vec<AliasEntry>,
    by_form: crate::text::ModelMap<String, usize>,
    /// Short forms ("IS", "US", "Xi") that match only as written: "Is it
    /// over?" does not name the Islamic State.
    exact: crate::text::ModelMap<String, String>,
    /// The first word of every form, lower-cased and hashed: `index` is
    /// asked about every capitalised word of every article, and most are
    /// ruled out here without lower-casing the form into a new string.
    first_words: crate::text::ModelSet<u64>,
    /// Forms the table writes with a capital "The", part of the name
    /// ("The Guardian"), as `normal` keys them. Any other form written
    /// with "The" ("The United States" at a sentence's start) is no form:
    /// the "the" of "the United States" is an article, and the name is
    /// the words after it.
    with_the: crate::text::ModelSet<String>,
}

/// `s` without a leading "the " in any case ("the Fed" is written "Fed").
fn without_the(s: &str) -> &str {
    match s.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => &s[4..],
        _ => s,
    }
}

/// FNV-1a of the first word of `normal(form)`, computed without
/// allocating for ASCII forms.
fn first_word_key(form: &str) -> u64 {
    let s = without_the(form.trim());
    let word = s.split(char::is_whitespace).next().unwrap_or("");
    use crate::text::{FNV_OFFSET, FNV_PRIME};
    let fnv = |bytes: &mut dyn Iterator<Item = u8>| {
        bytes.fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
    };
    if word.is_ascii() {
        fnv(&mut word.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        fnv(&mut word.to_lowercase().into_bytes().into_iter())
    }
}

/// A form of up to three letters ("US", "Fed", "Xi"): it matches only as
/// written, so "Is", "us", a cricket side's "XI" or "FED" name nothing.
fn short_caps(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).count() <= 3
}

pub(super) const BUILTIN: &str = include_str!("../../../config/aliases.toml");

fn normal(s: &str) -> String {
    let s = s.trim().to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

impl Aliases {
    /// Parse one alias file; `origin` names it in errors.
    pub fn add_toml(&mut self, text: &str, origin: &str) -> Result<(), String> {
        let file: AliasFile =
            toml::from_str(text).map_err(|e| format!("alias file {origin}: {}", e.message()))?;
        for e in file.entity {
            if !["PER", "ORG", "LOC", "MISC"].contains(&e.kind.as_str()) {
                return Err(format!(
                    "alias file {origin}: entity `{}` has type `{}`; use PER, ORG, LOC or MISC",
                    e.name, e.kind
                ));
            }
            let i = self.entries.len();
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                self.first_words.insert(first_word_key(form));
                self.by_form.insert(normal(form), i);
                if form.trim().starts_with("The ") {
                    self.with_the.insert(normal(form));
                }
                if short_caps(without_the(form.trim())) {
                    self.exact
                        .insert(normal(form), without_the(form.trim()).to_string());
                }
            }
            self.entries.push(e);
        }
        Ok(())
    }

    pub fn builtin() -> Aliases {
        let mut a = Aliases::default();
        a.add_toml(BUILTIN, "config/aliases.toml")
            .expect("built-in alias table is valid");
        a
    }

    pub fn index(&self, form: &str) -> Option<usize> {
        if !self.first_words.contains(&first_word_key(form)) {
            return None;
        }
        let key = normal(form);
        if self
            .exact
            .get(&key)
            .is_some_and(|exact| exact != form.trim())
        {
            return None;
        }
        if form.trim_start().starts_with("The ") && !self.with_the.contains(&key) {
            return None;
        }
        self.by_form.get(&key).copied()
    }

    pub fn get(&self, form: &str) -> Option<&AliasEntry> {
        self.index(form).map(|i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (form as written, the entry name it names, if any).
    fn check(form: &str, expect: Option<&str>) {
        let a = Aliases::builtin();
        assert_eq!(a.get(form).map(|e| e.name.as_str()), expect, "{form}");
    }

    #[test]
    fn short_capitals_match_only_as_written() {
        check("IS", Some("Islamic State"));
        check("Is", None);
        check("is", None);
        check("Isis", Some("Islamic State"));
        check("the Islamic State", Some("Islamic State"));
        check("US", Some("United States"));
        check("us", None);
        check("Xi", Some("Xi Jinping"));
        check("XI", None);
        check("Fed", Some("Federal Reserve"));
        check("FED", None);
        // Written alone, without "The" ("The US" is "US" after "The").
        check("The US", None);
        check("The Fed", None);
        // "The" is the name's only where the table writes it so.
        check("The United States", None);
        check("the United States", Some("United States"));
        check("The Guardian", Some("The Guardian"));
        // A firm named in the possessive, either apostrophe.
        check("McDonald’s", Some("McDonald's"));
        check("Sotheby's", Some("Sotheby's"));
        check("WTI", Some("West Texas Intermediate"));
        check("Gulf of Oman", Some("Gulf of Oman"));
    }

    #[test]
    fn the_first_word_filter_keeps_every_form() {
        // Case, a leading "the", letters outside ASCII: found as before.
        check("ERDOĞAN", Some("Recep Tayyip Erdoğan"));
        check("Viktor Orbán", Some("Viktor Orbán"));
        check("THE ISLAMIC STATE", Some("Islamic State"));
        check("  Islamic State ", Some("Islamic State"));
        check("Islamic Republic", None);
        check("Thessaloniki Port", None);
        let a = Aliases::builtin();
        for e in &a.entries {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                let form = without_the(form.trim());
                assert!(a.index(form).is_some(), "{form}");
            }
        }
    }
}
