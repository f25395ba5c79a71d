//! The amounts stage: numbers with what they count. "3,500 troops",
//! "$2 billion", "$2.5bn", "40 percent", "1.2 million tonnes of wheat",
//! "€3m". Years and parts of dates are left out.

use serde::{Deserialize, Serialize};

use crate::document::{Article, Span};
use crate::nlp::{self, TokenKind};
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `amounts` stage (none yet).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// As written; not in the record, where `start`/`end` point into the text.
    #[serde(skip)]
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// ISO 4217 currency, "percent", or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What is counted ("troops", "tonnes of wheat").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
}

pub struct AmountsStage;

impl AmountsStage {
    pub fn build(_: Config) -> Self {
        AmountsStage
    }
}

fn currency(sym: &str) -> Option<&'static str> {
    Some(match sym {
        "$" | "US$" | "usd" => "USD",
        "€" | "eur" | "euros" | "euro" => "EUR",
        "£" | "gbp" | "pounds" => "GBP",
        "¥" | "yen" => "JPY",
        // Wire copy's abbreviations: "430 mln dlrs", "10 mln stg".
        "dollars" | "dollar" | "dlrs" | "dlr" => "USD",
        "stg" => "GBP",
        _ => return None,
    })
}

/// A dollar named by its country before the word ("50 mln Canadian
/// dlrs"): that country's currency.
fn dollar_of(country: &str) -> Option<&'static str> {
    Some(match country {
        "u.s." | "us" | "american" => "USD",
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" => "SGD",
        "taiwan" => "TWD",
        _ => return None,
    })
}

/// Whether a lower-cased word after a number makes it an amount: a scale
/// ("mln", "bn"), a currency ("dlrs", "yen") or a share ("pct"). The
/// entity stage asks it of a number after a name ("Nippon 60 mln dlrs"
/// is no model "Nippon 60").
pub(crate) fn quantity_word(lower: &str) -> bool {
    scale(lower).is_some()
        || currency(lower).is_some()
        || matches!(lower, "percent" | "%" | "per" | "pct")
}

/// The power of ten a scale word stands for ("bn" is 9).
fn scale(w: &str) -> Option<i32> {
    Some(match w {
        "thousand" | "k" => 3,
        "million" | "m" | "mln" => 6,
        "billion" | "bn" | "b" | "bln" => 9,
        "trillion" | "tn" | "trn" => 12,
        _ => return None,
    })
}

const NOT_OBJECTS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "but", "for", "from", "by",
    "with", "as", "is", "was", "were", "are", "be", "that", "which", "who", "it", "its", "their",
    "his", "her", "said", "per", "than", "more", "percent", "%", "points", "vs",
];

/// Words after a number that make it part of a date or a time ("2
/// February", "1200 GMT"): the dates stage's business, not an amount.
fn date_or_time_word(w: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "gmt", "bst", "utc", "cet", "est", "edt", "pst", "pdt", "am", "pm", "hrs", "hours", "gmt+1",
    ];
    // Month names and abbreviations as the dates stage reads them.
    super::dates::month(w).is_some() || TIME_WORDS.contains(&w)
}

/// Modifiers between a number and the noun it counts.
const ADJECTIVES: &[&str] = &[
    "new", "other", "more", "less", "fewer", "further", "additional", "extra", "small", "big",
    "large", "full", "young", "old", "local", "foreign",
];

/// Words that follow a number without being what it counts: function
/// words and the modifiers news copy puts between the number and the noun
/// ("190,000 new jobs" counts jobs, not "new").
fn counts_nothing(w: &str) -> bool {
    const OTHERS: &[&str] = &[
        "last", "next", "hard", "top", "up", "down", "over", "under", "while", "will", "would",
        "could", "may", "might", "each", "per", "such", "so",
    ];
    !w.chars().any(char::is_alphabetic)
        || NOT_OBJECTS.contains(&w)
        || ADJECTIVES.contains(&w)
        || OTHERS.contains(&w)
        || nlp::is_stopword(w)
}

/// Split "2.5bn" into ("2.5", Some(9)): the number's digits without
/// thousands separators, and the power of ten of its scale suffix.
fn number(w: &str) -> Option<(String, Option<i32>)> {
    let digits_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(digits_end);
    let num = num.replace(',', "");
    match suffix.to_lowercase().as_str() {
        "" => Some((num, None)),
        s => scale(s).map(|k| (num, Some(k))),
    }
}

/// The value of `digits` times ten to the `exponent`, read as one decimal
/// so that "8.2" billion is 8200000000, not 8.2 × 1e9 = 8199999999.999999;
/// none when the digits are no number ("1.2.3").
fn scaled(digits: &str, exponent: i32) -> Option<f64> {
    match exponent {
        0 => digits.parse().ok(),
        _ => format!("{digits}e{exponent}").parse().ok(),
    }
}

pub fn find_amounts(text: &str, skip: &[Span]) -> Vec<Amount> {
    find_amounts_in(text, &nlp::tokenize(text), skip)
}

/// `find_amounts` over the tokens of `text`, made already.
pub fn find_amounts_in(text: &str, tokens: &[nlp::Token], skip: &[Span]) -> Vec<Amount> {
    let w: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let lw: Vec<String> = w.iter().map(|x| crate::text::lowercase(x)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Number || skip.iter().any(|s| s.start <= t.start && t.end <= s.end)
        {
            i += 1;
            continue;
        }
        let Some((digits, suffix_scale)) = number(w[i]) else {
            i += 1;
            continue;
        };
        let mut start = t.start;
        let mut end = t.end;
        let mut unit: Option<String> = None;
        if let Some(c) = i.checked_sub(1).and_then(|j| currency(w[j])) {
            start = tokens[i - 1].start;
            unit = Some(c.to_string());
        }
        let mut k = i + 1;
        let mut exponent = 0;
        if let Some(s) = suffix_scale {
            exponent = s;
        } else if let Some(s) = lw.get(k).and_then(|x| scale(x)) {
            exponent = s;
            end = tokens[k].end;
            k += 1;
        }
        let Some(value) = scaled(&digits, exponent) else {
            i += 1;
            continue;
        };
        if matches!(
            lw.get(k).map(String::as_str),
            Some("percent" | "%" | "per" | "pct")
        ) {
            let n = if lw.get(k).map(String::as_str) == Some("per")
                && lw.get(k + 1).map(String::as_str) == Some("cent")
            {
                2
            } else {
                1
            };
            end = tokens[k + n - 1].end;
            unit = Some("percent".into());
            k += n;
        } else if unit.is_none() {
            if let Some(c) = lw.get(k).and_then(|x| currency(x)) {
                unit = Some(c.to_string());
                end = tokens[k].end;
                k += 1;
            } else if let Some(c) = lw.get(k).and_then(|x| dollar_of(x)).filter(|_| {
                lw.get(k + 1).and_then(|x| currency(x)) == Some("USD")
            }) {
                unit = Some(c.to_string());
                end = tokens[k + 1].end;
                k += 2;
            }
        }
        // A bare year (1800-2200) with no unit is a date, not an amount.
        let is_year = unit.is_none()
            && suffix_scale.is_none()
            && w[i].len() == 4
            && (1800.0..=2200.0).contains(&value);
        // "2 February", "1200 GMT": a date or a time, not an amount.
        let dated = unit.is_none()
            && suffix_scale.is_none()
            && lw.get(i + 1).is_some_and(|x| date_or_time_word(x));
        if is_year || dated {
            i += 1;
            continue;
        }
        let mut object = None;
        // "190,000 new jobs": what is counted is the noun after a modifier.
        if lw.get(k).is_some_and(|x| ADJECTIVES.contains(&x.as_str()))
            && lw.get(k + 1).is_some_and(|x| {
                x.chars().all(|c| c.is_alphabetic() || c == '-') && !counts_nothing(x)
            })
        {
            k += 1;
        }
        let currency_unit = unit.as_deref().is_some_and(|u| u != "percent");
        if currency_unit
            && lw.get(k).map(String::as_str) == Some("of")
            && lw.get(k + 1).is_some_and(|n| {
                n.chars().all(char::is_alphabetic) && !counts_nothing(n)
            })
        {
            // "40 mln dlrs of debt": what the money is.
            end = tokens[k + 1].end;
            object = Some(lw[k + 1].clone());
            k += 2;
        } else if unit.as_deref() != Some("percent") {
            if let Some(o) = lw.get(k).filter(|o| {
                o.chars().all(|c| c.is_alphabetic() || c == '-') && !counts_nothing(o)
            }) {
                let mut obj = o.clone();
                end = tokens[k].end;
                // "tonnes of wheat"
                if lw.get(k + 1).map(String::as_str) == Some("of") {
                    if let Some(n) = lw.get(k + 2).filter(|n| {
                        n.chars().all(char::is_alphabetic) && !counts_nothing(n)
                    }) {
                        obj = format!("{obj} of {n}");
                        end = tokens[k + 2].end;
                    }
                }
                object = Some(obj);
            }
        }
        out.push(Amount {
            text: text[start..end].to_string(),
            start,
            end,
            value,
            unit,
            object,
        });
        i = k.max(i + 1);
    }
    out
}

impl Stage for AmountsStage {
    fn name(&self) -> &'static str {
        "amounts"
    }
    fn version(&self) -> &'static str {
        "1.2.1"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let mut skip: Vec<Span> = out
            .dates
            .iter()
            .flatten()
            .map(|d| Span::new(d.start, d.end))
            .collect();
        if let Some(s) = &out.structure {
            skip.extend(s.boilerplate.iter().map(|b| Span::new(b.start, b.end)));
        }
        let amounts = find_amounts_in(&article.text, &out.analysis(article).tokens, &skip);
        out.amounts = Some(amounts);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, f64, Option<&str>, Option<&str>)]) {
        let got = find_amounts(text, &[]);
        let got: Vec<(&str, f64, Option<&str>, Option<&str>)> = got
            .iter()
            .map(|a| {
                (
                    a.text.as_str(),
                    a.value,
                    a.unit.as_deref(),
                    a.object.as_deref(),
                )
            })
            .collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn amounts() {
        check(
            "an additional 3,500 troops to Iraq",
            &[("3,500 troops", 3500.0, None, Some("troops"))],
        );
        check(
            "a $2 billion deal",
            &[("$2 billion deal", 2e9, Some("USD"), Some("deal"))],
        );
        check(
            "worth $2.5bn, traders said",
            &[("$2.5bn", 2.5e9, Some("USD"), None)],
        );
        check(
            "up 40 percent and 3.5% down",
            &[
                ("40 percent", 40.0, Some("percent"), None),
                ("3.5%", 3.5, Some("percent"), None),
            ],
        );
        check(
            "1.2 million tonnes of wheat",
            &[(
                "1.2 million tonnes of wheat",
                1.2e6,
                None,
                Some("tonnes of wheat"),
            )],
        );
        check("in 2009 and 2020", &[]);
        // Dates and times are not amounts; a modifier is not the object.
        check("on 2 February at 1200 GMT", &[]);
        check(
            "added 190,000 new jobs and $1.28 against the euro",
            &[
                ("190,000 new jobs", 190_000.0, None, Some("jobs")),
                ("$1.28", 1.28, Some("USD"), None),
            ],
        );
        // A scaled decimal is the decimal, not a product with rounding error.
        check(
            "8.2bn euros, $16.6bn and 1.07 billion",
            &[
                ("8.2bn euros", 8_200_000_000.0, Some("EUR"), None),
                ("$16.6bn", 16_600_000_000.0, Some("USD"), None),
                ("1.07 billion", 1_070_000_000.0, None, None),
            ],
        );
        check(
            "sold for 300 euros",
            &[("300 euros", 300.0, Some("EUR"), None)],
        );
        // Wire copy: "mln dlrs", "stg", a dollar named by its country.
        check(
            "some 430 mln dlrs in aid, 10 mln stg of debt and 50 mln Canadian dlrs in all",
            &[
                ("430 mln dlrs", 430e6, Some("USD"), None),
                ("10 mln stg of debt", 10e6, Some("GBP"), Some("debt")),
                ("50 mln Canadian dlrs", 50e6, Some("CAD"), None),
            ],
        );
    }
}
