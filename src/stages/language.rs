//! The language stage: detects the language of the headline and body with
//! `whatlang` (trigram model, pure Rust, maintained) and reports an IETF
//! BCP 47 code (ISO 639-1 where one exists) with a confidence.

use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `language` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Fewer letters than this and detection is not attempted; the declared
    /// language is used if there is one.
    #[serde(default = "default_min_chars")]
    pub min_chars: usize,
    /// Read at most this many bytes of text (detection saturates quickly).
    #[serde(default = "default_max_bytes")]
    pub max_bytes: usize,
}

fn default_min_chars() -> usize {
    20
}
fn default_max_bytes() -> usize {
    4096
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_chars: default_min_chars(),
            max_bytes: default_max_bytes(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// BCP 47 code: ISO 639-1 when it exists ("en"), else ISO 639-3.
    pub code: String,
    /// English name of the language; not in the record (it follows from
    /// the code).
    #[serde(skip)]
    pub name: String,
    /// 0.0 to 1.0.
    pub confidence: f64,
    pub reliable: bool,
    /// "detected" or "declared".
    pub source: &'static str,
    /// What the producer declared, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
}

pub struct LanguageStage {
    config: Config,
}

impl LanguageStage {
    pub fn build(config: Config) -> Self {
        LanguageStage { config }
    }
}

impl Default for LanguageStage {
    fn default() -> Self {
        LanguageStage::build(Config::default())
    }
}

/// ISO 639-3 (whatlang) to ISO 639-1 where one exists.
fn iso639_1(code3: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    MAP.iter().find(|(a, _)| *a == code3).map(|(_, b)| *b)
}

impl Stage for LanguageStage {
    fn name(&self) -> &'static str {
        "language"
    }
    fn version(&self) -> &'static str {
        "whatlang-0.18"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let content = super::content_text(article, out);
        let cut = crate::text::floor_char_boundary(&content, self.config.max_bytes);
        let sample = &content[..cut];
        let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
        let declared = article.meta.language.clone();
        let detected = (letters >= self.config.min_chars)
            .then(|| whatlang::detect(sample))
            .flatten();
        let lang = match (detected, declared) {
            (Some(info), declared) => Language {
                code: iso639_1(info.lang().code())
                    .unwrap_or(info.lang().code())
                    .to_string(),
                name: info.lang().eng_name().to_string(),
                confidence: (info.confidence() * 1000.0).round() / 1000.0,
                reliable: info.is_reliable(),
                source: "detected",
                declared,
            },
            (None, Some(d)) => Language {
                code: d.clone(),
                name: d.clone(),
                confidence: 0.0,
                reliable: false,
                source: "declared",
                declared: Some(d),
            },
            (None, None) => {
                return Err(StageError::Unsupported(format!(
                    "too little text to detect a language ({letters} letters, need {})",
                    self.config.min_chars
                )))
            }
        };
        out.language = Some(lang);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, declared: Option<&str>, expect: Option<(&str, &str)>) {
        let mut out = Annotations::default();
        let mut doc = Article::from_text(text);
        doc.meta.language = declared.map(str::to_string);
        let r = LanguageStage::default().run(&doc, &mut out);
        match expect {
            Some((code, source)) => {
                r.unwrap();
                let l = out.language.unwrap();
                assert_eq!((l.code.as_str(), l.source), (code, source), "{text:?}");
            }
            None => assert!(r.is_err(), "{text:?}"),
        }
    }

    #[test]
    fn detects() {
        check(
            "The parliament passed a resolution on Sunday calling for the government to act.",
            None,
            Some(("en", "detected")),
        );
        check(
            "Le parlement a adopté dimanche une résolution demandant au gouvernement d'agir.",
            None,
            Some(("fr", "detected")),
        );
        check("Das Parlament hat am Sonntag eine Resolution verabschiedet, die die Regierung auffordert.", Some("de"), Some(("de", "detected")));
        check("Hi.", Some("en"), Some(("en", "declared")));
        check("Hi.", None, None);
    }
}
