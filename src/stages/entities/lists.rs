//! A list run into one name: the tagger, seeing capitalised words between
//! commas, types a whole list as one span ("Ubisoft, Microsoft", "Bank of
//! America, UBS", a line-up's "Dunne, Distin, Thatcher"). Each item is a
//! name of its own, of the span's type. Kept whole: a comma before a
//! suffix ("Washington, D.C.", "Asset Management, Inc.", "Martin Luther
//! King, Jr.", "Goldman, Sachs and Co") and a body's domain listed after
//! "of" or "for" and closed by "and" ("Ministry of Economy, Trade and
//! Industry", "Department for Culture, Media and Sport"). Split too: two
//! bodies joined by "and", each with a head noun ("Massachusetts
//! Institute of Technology and Colorado State University").

use super::chunks;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;

/// Words that may follow a comma inside one name: an abbreviated legal
/// form ("Inc.", "AG"), not a spelt-out one ("Ubisoft, Group 4"), and
/// "Jr", "Sr", "D.C.".
fn suffix(word: &str) -> bool {
    use crate::nlp::legal_forms::{form, Form};
    form(word).is_some_and(|f| f != Form::Spelt)
        || super::wordlists::lower_is(word.trim_end_matches('.'), |w| {
            matches!(w, "jr" | "sr" | "d.c" | "dc")
        })
}

/// Where an organisation chunk is two bodies joined by "and", each of two
/// words or more with a head noun of its own, the right one opening with
/// a name ("Massachusetts Institute of Technology and Colorado State
/// University", "Deutsche Bank and Credit Suisse Group"): the "and".
/// Not a body's own "and" ("Sumitomo Trust and Banking Co", "Seattle
/// Trust and Savings Bank", "Department of Housing and Urban
/// Development", "Bill and Melinda Gates Foundation").
fn two_bodies(c: &Chunk, words: &[&str]) -> Option<usize> {
    if c.kind != "ORG" || c.end - c.start < 5 {
        return None;
    }
    let and = (c.start + 2..c.end - 2).find(|&i| words[i] == "and")?;
    let (left, right) = (&words[c.start..and], &words[and + 1..c.end]);
    // Words that are a body's subject as often as its head ("Securities
    // and Exchange Commission", "Institute of Economic and Social
    // Research", "Trust and Banking Co").
    let subject = |w: &str| {
        super::wordlists::lower_is(w, |l| {
            matches!(
                l,
                "banking"
                    | "savings"
                    | "loan"
                    | "loans"
                    | "technology"
                    | "development"
                    | "industry"
                    | "science"
                    | "sciences"
                    | "research"
                    | "securities"
                    | "trade"
                    | "commerce"
                    | "investment"
                    | "finance"
            )
        })
    };
    // (A newspaper's head noun is a firm's word too: "Nippon Telegraph and
    // Telephone Corp", "Herald and Weekly Times Ltd".)
    let headed = |side: &[&str]| {
        side.iter().any(|w| {
            super::heads::head_kind(w) == Some("ORG")
                && !super::wordlists::is_newspaper(w)
                && !subject(w)
        })
    };
    let generic = |w: &str| super::heads::head_kind(w).is_some() || subject(w);
    (headed(left)
        && headed(right)
        && right[0].starts_with(char::is_uppercase)
        && !generic(right[0])
        && !words[c.start..c.end].contains(&","))
    .then_some(and)
}

/// "Goldman" + "," + "Sachs and Co", "Smith Barney" + "," + "Harris
/// Upham and Co": a partnership's name, its partners listed with a comma
/// and closed by "and Co", which the tagger cut at the comma (making
/// "Kidder" of "Kidder, Peabody and Co" a place, "Smith Barney" a
/// person). One or two capitalised words before the comma, not opening
/// with a census first name ("said Jane Doe, Acme and Co" is a
/// person's), and at most two before "and Co" after it; one
/// organisation, which `split` keeps whole.
fn join_partners(mut cs: Vec<Chunk>, words: &[&str]) -> Vec<Chunk> {
    let mut k = 1;
    while k < cs.len() {
        let (a, b) = (&cs[k - 1], &cs[k]);
        // (Every sentence comes here: the comma between first, the first
        // name last.)
        let partners = a.end + 1 == b.start
            && words[a.end] == ","
            && (b.start + 1..b.end.min(b.start + 3)).any(|i| {
                matches!(words[i], "and" | "&")
                    && words
                        .get(i + 1)
                        .is_some_and(|w| w.trim_end_matches('.') == "Co")
            })
            && (1..=2).contains(&(a.end - a.start))
            && words[a.start..a.end].iter().all(|w| chunks::name_word(w))
            && !FirstNames::embedded().contains(words[a.start]);
        if partners {
            let start = a.start;
            cs[k - 1] = Chunk {
                start,
                end: b.end,
                kind: "ORG",
            };
            cs.remove(k);
        } else {
            k += 1;
        }
    }
    cs
}

/// The chunks with every list split into its items, and partnerships'
/// names joined (`join_partners`).
pub(super) fn split(cs: Vec<Chunk>, words: &[&str]) -> Vec<Chunk> {
    let cs = join_partners(cs, words);
    // (Most sentences hold no comma or "and" inside a name.)
    if !cs.iter().any(|c| {
        words[c.start..c.end]
            .iter()
            .any(|w| matches!(*w, "," | "and"))
    }) {
        return cs;
    }
    let mut out = Vec::with_capacity(cs.len() + 2);
    for c in cs {
        if let Some(and) = two_bodies(&c, words) {
            out.push(Chunk {
                start: c.start,
                end: and,
                kind: c.kind,
            });
            out.push(Chunk {
                start: and + 1,
                end: c.end,
                kind: c.kind,
            });
            continue;
        }
        let commas: Vec<usize> = (c.start..c.end).filter(|&i| words[i] == ",").collect();
        let Some(&last) = commas.last() else {
            out.push(c);
            continue;
        };
        let domain = words[c.start..commas[0]]
            .iter()
            .any(|w| matches!(*w, "of" | "for"))
            && words[last + 1..c.end]
                .iter()
                .any(|w| matches!(*w, "and" | "&"));
        // "Washington, D.C."; "Goldman, Sachs and Co" (a firm's name
        // of 1987, its last part "and" a suffix).
        let suffixed = commas
            .iter()
            .any(|&i| i + 1 < c.end && suffix(words[i + 1]))
            || (words[last + 1..c.end].contains(&"and") && suffix(words[c.end - 1]));
        if domain || suffixed {
            out.push(c);
            continue;
        }
        let mut start = c.start;
        for end in commas.into_iter().chain([c.end]) {
            if end > start {
                out.push(Chunk {
                    start,
                    end,
                    kind: c.kind,
                });
            }
            start = end + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Split the one chunk covering all of `text`'s words (space-separated).
    fn check(text: &str, expect: &[&str]) {
        let words: Vec<&str> = text.split(' ').collect();
        let c = Chunk {
            start: 0,
            end: words.len(),
            kind: "ORG",
        };
        let got: Vec<String> = split(vec![c], &words)
            .iter()
            .map(|c| words[c.start..c.end].join(" "))
            .collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn lists_split_and_names_with_commas_stay() {
        check("Ubisoft , Microsoft", &["Ubisoft", "Microsoft"]);
        check(
            "Dunne , Distin , Thatcher",
            &["Dunne", "Distin", "Thatcher"],
        );
        check("Bank of America , UBS", &["Bank of America", "UBS"]);
        check("Washington , D.C.", &["Washington , D.C."]);
        check("Goldman , Sachs and Co", &["Goldman , Sachs and Co"]);
        check(
            "Hungarian Asset Management , Inc.",
            &["Hungarian Asset Management , Inc."],
        );
        check(
            "Ministry of Economy , Trade and Industry",
            &["Ministry of Economy , Trade and Industry"],
        );
        check(
            "Department for Culture , Media and Sport",
            &["Department for Culture , Media and Sport"],
        );
        check("Acme", &["Acme"]);
        check(
            "Massachusetts Institute of Technology and Colorado State University",
            &[
                "Massachusetts Institute of Technology",
                "Colorado State University",
            ],
        );
        check(
            "Deutsche Bank and Credit Suisse Group",
            &["Deutsche Bank", "Credit Suisse Group"],
        );
        check(
            "Sumitomo Trust and Banking Co Ltd",
            &["Sumitomo Trust and Banking Co Ltd"],
        );
        check(
            "Seattle Trust and Savings Bank",
            &["Seattle Trust and Savings Bank"],
        );
        // A subject that heads firms too ("Montgomery Securities",
        // "Jupiter Research") does not head a body's first half.
        check(
            "U.S. Securities and Exchange Commission",
            &["U.S. Securities and Exchange Commission"],
        );
        check(
            "National Institute of Economic and Social Research",
            &["National Institute of Economic and Social Research"],
        );
        check(
            "Bill and Melinda Gates Foundation",
            &["Bill and Melinda Gates Foundation"],
        );
        check(
            "Nippon Telegraph and Telephone Corp",
            &["Nippon Telegraph and Telephone Corp"],
        );
    }
}

#[cfg(test)]
mod partner_tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(
            |cs, words, _| split(cs, words),
            sentence,
            tagged,
            expect,
        );
    }

    #[test]
    fn a_partnerships_name_is_one_firm() {
        check(
            "said Alan Zimmerman of Kidder , Peabody and Co .",
            &[(1, 2, "PER"), (4, 1, "LOC"), (6, 3, "ORG")],
            &[
                ("Alan Zimmerman", "PER"),
                ("Kidder , Peabody and Co", "ORG"),
            ],
        );
        check(
            "with Smith Barney , Harris Upham and Co. He",
            &[(1, 2, "PER"), (4, 4, "ORG")],
            &[("Smith Barney , Harris Upham and Co.", "ORG")],
        );
        // A person before a firm; a list of firms.
        check(
            "said Jane Doe , Acme and Co",
            &[(1, 2, "PER"), (4, 3, "ORG")],
            &[("Jane Doe", "PER"), ("Acme and Co", "ORG")],
        );
        check(
            "Ubisoft , Microsoft and Sony",
            &[(0, 1, "ORG"), (2, 3, "ORG")],
            &[("Ubisoft", "ORG"), ("Microsoft and Sony", "ORG")],
        );
    }
}
