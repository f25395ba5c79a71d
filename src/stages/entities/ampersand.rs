//! Firm names joined by an ampersand ("Marsh & McLennan", "Marks & Spencer",
//! "Standard & Poor's", "Ernst & Young"): the tagger, which saw "&" inside
//! a name too rarely, cuts them in two ("Marsh" ORG + "McLennan" MISC),
//! types the halves as places or people ("Marks" LOC, "Poor" PER) or tags
//! the "&" alone. A capitalised word or chunk on each side of a lone "&",
//! with the tagger naming at least one side, is one organisation; with
//! the following head nouns ("Daily Mail & General Trust"). So, with a
//! lower-case "and", is a name ending in a firm's suffix ("Pacific Gas and
//! Electric Company", `mend_and`), and a named service's pair after a name
//! ("Oslo Fire and Rescue", "Rogaland Fire and Rescue Service"). Left apart:
//! two sides that open with a first name ("Richard & Judy", "Matt Lucas &
//! David Walliams": people, not a firm) and two countries
//! ("Serbia & Montenegro"); a chunk that already holds the "&" is the
//! tagger's.

use super::chunks::{self, capitalised, MAX_TRIGGERS};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;

/// A name with a lone ampersand in it ("Marsh & McLennan"): a byte search
/// first, as this is asked of every mention.
pub(super) fn is_firm(name: &str) -> bool {
    name.as_bytes().contains(&b'&') && name.contains(" & ")
}

/// The organisations among the (type, name) pairs of an article's
/// mentions named "Word & Other" whose first side is one word: that word
/// and the mention's index, in order. A bare "Marsh" is the firm that
/// opens with it (types/ and merge.rs). Empty when no name holds an
/// ampersand, found by a byte search first.
pub(super) fn firms_by_first_word<'m>(
    mentions: impl Iterator<Item = (&'static str, &'m str)> + Clone,
) -> Vec<(&'m str, usize)> {
    if !mentions
        .clone()
        .any(|(kind, text)| kind == "ORG" && is_firm(text))
    {
        return Vec::new();
    }
    mentions
        .enumerate()
        .filter(|(_, (kind, _))| *kind == "ORG")
        .filter_map(|(j, (_, text))| text.split_once(" & ").map(|(first, _)| (first, j)))
        .filter(|(first, _)| !first.contains(' '))
        .collect()
}

/// A side that opens with a first name: "Richard", "Matt Lucas".
fn first_name(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|w| FirstNames::embedded().contains(w))
}

fn country(words: &[&str], gaz: &Gazetteer) -> bool {
    gaz.kinds(&words.join(" ")).contains(&Kind::Country)
}

/// A word that ends a firm's name ("Co", "Inc", "Corporation", "Bank"):
/// a legal form but a foreign one, which after "and" as often names a
/// place or an officer ("England and SA", "the Governor and AG").
fn firm_suffix(word: &str) -> bool {
    use crate::nlp::legal_forms::{form, Form};
    form(word).is_some_and(|f| f != Form::Foreign)
        || super::wordlists::lower_is(word.trim_end_matches('.'), |w| {
            matches!(
                w,
                "industries" | "bank" | "trust" | "associates" | "partners"
            )
        })
}

/// "Pacific Gas and Electric Company", "Baoshan Iron and Steel Co",
/// "Fenner and Smith Inc": capitalised words, a lower-case "and" and
/// capitalised words ending in a firm's suffix are one firm, unless the
/// left side ends in such a suffix itself or is one acronym ("Stephens Inc
/// and Cazenove Inc", "Citizens Bank and Canal Bank", "IMF and World
/// Bank": two bodies; a newspaper's head is a firm's word, "Nippon
/// Telegraph and Telephone Corp") or is a person's name before a body's ("Jean-Pascal
/// Delamuraz and National Bank").
fn mend_and(mut cs: Vec<Chunk>, words: &[&str], ands: &[usize]) -> Vec<Chunk> {
    for &i in ands {
        let firm_end = (i + 1..words.len().min(i + 5))
            .take_while(|&j| capitalised(words[j]))
            .find(|&j| firm_suffix(words[j]))
            .map(|last| {
                let mut end = last + 1;
                while end < words.len() && firm_suffix(words[end]) {
                    end += 1;
                }
                end
            });
        let left = cs.iter().find(|c| c.end == i);
        let Some(end) = firm_end.or_else(|| left.and_then(|_| service_pair_end(words, i))) else {
            continue;
        };
        let start = left.map_or(i - 1, |c| c.start);
        let acronym = i - start == 1 && words[start].chars().all(|c| c.is_uppercase());
        // A person and a body ("Jean-Pascal Delamuraz and National Bank",
        // "Ras Kwame and Rob Da Bank"), but a firm named after people
        // ("Samuel Montagu and Co Ltd").
        let given =
            |w: &str| FirstNames::embedded().is_given_name(w.split('-').next().unwrap_or(w));
        let person = left.is_some_and(|c| c.kind == "PER") && given(words[start]);
        let suffixes_only = (i + 1..end).all(|j| firm_suffix(words[j]));
        // (A place before is often the firm's own name, "Australia and New
        // Zealand Banking Group", "Columbus and Southern Ohio Electric Co",
        // so it does not stop the join: "Canada and Pearson Plc" is one.)
        if person && !suffixes_only
            || firm_suffix(words[i - 1])
            || super::heads::head_kind(words[i - 1]) == Some("ORG")
                && !super::wordlists::is_newspaper(words[i - 1])
            || acronym
            || chunks::crosses(&cs, start, end)
        {
            continue;
        }
        chunks::put(&mut cs, start, end, "ORG");
    }
    cs
}

/// The pairs of a public service's or a utility's name ("Rogaland Fire and
/// Rescue", "Parks and Recreation", "Pacific Gas and Electric"),
/// lower-cased.
#[rustfmt::skip]
const SERVICE_PAIRS: &[(&str, &str)] = &[
    ("alcohol", "tobacco"), ("customs", "excise"), ("customs", "immigration"),
    ("fire", "emergency"), ("fire", "rescue"), ("fish", "wildlife"), ("gas", "electric"),
    ("health", "safety"), ("immigration", "customs"), ("iron", "steel"), ("light", "power"),
    ("parks", "recreation"), ("parks", "wildlife"), ("research", "development"),
    ("search", "rescue"),
];

/// "Oslo Fire and Rescue (Service)": where the words around the "and" at
/// `i` are a service's pair, the end of the name: after the pair's second
/// word and the capitalised head nouns after it.
fn service_pair_end(words: &[&str], i: usize) -> Option<usize> {
    let (a, b) = (words[i - 1].to_lowercase(), words[i + 1].to_lowercase());
    if !SERVICE_PAIRS.contains(&(a.as_str(), b.as_str())) {
        return None;
    }
    let mut end = i + 2;
    while end < words.len()
        && capitalised(words[end])
        && (super::heads::head_kind(words[end]) == Some("ORG")
            || matches!(
                words[end],
                "Service" | "Services" | "Authority" | "Administration"
            ))
    {
        end += 1;
    }
    Some(end)
}

/// The chunks with such names made one organisation (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    // One pass over the words finds both joiners between capitalised
    // words (most sentences have neither; at most `MAX_TRIGGERS` of each,
    // as each scans the chunks).
    let (mut ands, mut amps): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for i in 1..words.len().saturating_sub(1) {
        let joiner = match words[i] {
            "and" if ands.len() < MAX_TRIGGERS => &mut ands,
            "&" if amps.len() < MAX_TRIGGERS => &mut amps,
            _ => continue,
        };
        if capitalised(words[i - 1]) && capitalised(words[i + 1]) {
            joiner.push(i);
        }
    }
    let cs = if ands.is_empty() {
        cs
    } else {
        mend_and(cs, words, &ands)
    };
    if amps.is_empty() {
        return cs;
    }
    let mut cs = cs;
    for i in amps {
        if cs.iter().any(|c| c.start < i && i + 1 < c.end) {
            continue;
        }
        // The left side: the chunk ending at the "&" (or at the word before
        // it, "Daily" + "Mail"), else the one word.
        let left = cs.iter().find(|c| c.end == i);
        let start = left
            .or_else(|| cs.iter().find(|c| c.end == i - 1))
            .map_or(i - 1, |c| c.start);
        // The right side: the chunk opening after the "&" (or with it,
        // "&" + "Wireless"), else the one word, then head nouns.
        let mut end = i + 2;
        if let Some(c) = cs.iter().find(|c| c.start == i + 1 || c.start == i) {
            end = end.max(c.end);
        }
        while end < words.len()
            && capitalised(words[end])
            && super::heads::head_kind(words[end]) == Some("ORG")
        {
            end += 1;
        }
        let named = cs.iter().any(|c| c.start < end && start < c.end);
        let (left, right) = (&words[start..i], &words[i + 1..end]);
        if !named
            || first_name(left) && first_name(right)
            || country(left, gaz) && country(right, gaz)
            || chunks::crosses(&cs, start, end)
        {
            continue;
        }
        let titles = cs
            .iter()
            .filter(|c| start <= c.start && c.end <= end)
            .all(|c| c.kind == "MISC");
        let kind = if titles { "MISC" } else { "ORG" };
        chunks::put(&mut cs, start, end, kind);
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn names_joined_by_an_ampersand_are_one_organisation() {
        // Cut in two, one side typed, the "&" tagged alone.
        check(
            "broker Marsh & McLennan said",
            &[(1, 1, "ORG"), (3, 1, "MISC")],
            &[("Marsh & McLennan", "ORG")],
        );
        check(
            "at Marks & Spencer ,",
            &[(1, 1, "LOC")],
            &[("Marks & Spencer", "ORG")],
        );
        check(
            "said Standard & Poor 's",
            &[(3, 1, "PER")],
            &[("Standard & Poor", "ORG")],
        );
        check(
            "Cable & Wireless shares",
            &[(1, 1, "LOC"), (2, 1, "LOC")],
            &[("Cable & Wireless", "ORG")],
        );
        // Head nouns after the right side, a chunk before the left word.
        check(
            "the Daily Mail & General Trust group",
            &[(1, 1, "ORG")],
            &[("Daily Mail & General Trust", "ORG")],
        );
        // A title of a work stays one.
        check(
            "album Body & Soul was",
            &[(3, 1, "MISC")],
            &[("Body & Soul", "MISC")],
        );
    }

    #[test]
    fn and_before_a_firms_suffix_joins_one_firm() {
        check(
            "utility Pacific Gas and Electric Company said",
            &[(1, 2, "ORG"), (4, 2, "ORG")],
            &[("Pacific Gas and Electric Company", "ORG")],
        );
        check(
            "officers from Rogaland Fire and Rescue said",
            &[(2, 2, "ORG"), (5, 1, "PER")],
            &[("Rogaland Fire and Rescue", "ORG")],
        );
        check(
            "the Oslo Fire and Rescue Service said",
            &[(1, 2, "LOC")],
            &[("Oslo Fire and Rescue Service", "ORG")],
        );
        check(
            "customers of Pacific Gas and Electric lost power",
            &[(2, 2, "LOC"), (5, 1, "ORG")],
            &[("Pacific Gas and Electric", "ORG")],
        );
        // Not without a name before the pair.
        check("Fire and Rescue teams came", &[], &[]);
        check(
            "shares of Nippon Telegraph and Telephone Corp rose",
            &[(2, 2, "ORG"), (5, 2, "ORG")],
            &[("Nippon Telegraph and Telephone Corp", "ORG")],
        );
        check(
            "broker Samuel Montagu and Co Ltd said",
            &[(1, 2, "PER"), (4, 2, "ORG")],
            &[("Samuel Montagu and Co Ltd", "ORG")],
        );
        // Two bodies, or a person and a body.
        check(
            "Stephens Inc and Cazenove Inc led",
            &[(0, 2, "ORG"), (3, 2, "ORG")],
            &[("Stephens Inc", "ORG"), ("Cazenove Inc", "ORG")],
        );
        check(
            "the IMF and World Bank said",
            &[(1, 1, "ORG"), (3, 2, "ORG")],
            &[("IMF", "ORG"), ("World Bank", "ORG")],
        );
        check(
            "Jean-Pascal Delamuraz and National Bank officials",
            &[(0, 2, "PER"), (3, 2, "ORG")],
            &[("Jean-Pascal Delamuraz", "PER"), ("National Bank", "ORG")],
        );
    }

    #[test]
    fn people_countries_and_the_taggers_own_names_are_left() {
        check(
            "hosts Richard & Judy said",
            &[(1, 1, "PER"), (3, 1, "PER")],
            &[("Richard", "PER"), ("Judy", "PER")],
        );
        check(
            "by Matt Lucas & David Walliams .",
            &[(1, 2, "PER"), (4, 2, "PER")],
            &[("Matt Lucas", "PER"), ("David Walliams", "PER")],
        );
        check(
            "in Serbia & Montenegro .",
            &[(1, 1, "LOC"), (3, 1, "LOC")],
            &[("Serbia", "LOC"), ("Montenegro", "LOC")],
        );
        check(
            "Procter & Gamble and Unilever",
            &[(0, 3, "ORG"), (4, 1, "ORG")],
            &[("Procter & Gamble", "ORG"), ("Unilever", "ORG")],
        );
        // Nothing tagged on either side; lower case on one side.
        check("Ant & Dec presented", &[], &[]);
        check(
            "Fish & chips for Smith",
            &[(4, 1, "PER")],
            &[("Smith", "PER")],
        );
    }
}
