//! Chinese, Korean and Taiwanese names written family name first with a
//! hyphenated given name ("Kim Jong-un", "Tsai Ing-wen", "Lam Cheuk-ting"):
//! the tagger, trained on 1996 Reuters, often cuts them ("Yoon" PER +
//! "Suk-yeol" MISC), leaves the given name out ("Lam" PER) or calls them
//! MISC ("Yau Wai-ching"). A known family name right before a capitalised
//! two-syllable given name joined by a hyphen is one person, when no chunk
//! runs past the two words. So is a family name before two capitalised
//! syllables of Korean given names written apart, as agencies now
//! print them ("Yoon Suk Yeol", "Lee Jae Myung", "Kim Jong Un"; the
//! tagger gave "Suk Yeol", "Kim" + "Un" ORG): both syllables must be
//! in a list of common ones, so "Park Lane Hotel" stays a place.

use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// Second syllables that make a compound modifier, not a given name
/// ("Lee-led" aside, "Chan-based" would be a place's).
const NOT_SYLLABLES: &[&str] = &[
    "based", "led", "born", "run", "owned", "made", "listed", "backed", "style", "era", "wide",
    "level", "like", "linked", "bound", "class", "related", "free", "year", "old", "type",
];

/// Syllables of Korean given names, romanised; sorted (binary search).
#[rustfmt::skip]
const KOREAN_SYLLABLES: &[&str] = &[
    "Bae", "Beom", "Bo", "Bok", "Bong", "Byung", "Chan", "Chang", "Cheol", "Chul", "Chun",
    "Dae", "Deok", "Do", "Dong", "Doo", "Duk", "Eun", "Geun", "Gi", "Gu", "Gyu", "Ha", "Hae",
    "Hak", "Han", "Hee", "Heon", "Ho", "Hoon", "Hwa", "Hwan", "Hye", "Hyeok", "Hyeon", "Hyo",
    "Hyuk", "Hyun", "Il", "In", "Jae", "Jeong", "Ji", "Jin", "Jong", "Joo", "Joon", "Ju",
    "Jun", "Jung", "Kook", "Kwan", "Kwang", "Kyu", "Kyung", "Man", "Mi", "Min", "Moo", "Myung",
    "Nam", "Sang", "Seo", "Seok", "Seon", "Seong", "Seung", "Shik", "Sik", "Soo", "Sook",
    "Su", "Suk", "Sun", "Sung", "Tae", "Un", "Won", "Woo", "Wook", "Yeol", "Yeon", "Yeong",
    "Yong", "Young", "Yun",
];

fn korean_syllable(word: &str) -> bool {
    // Shape first (this runs on most words): two to five ASCII letters,
    // a capital and lower case.
    let b = word.as_bytes();
    (2..=5).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && KOREAN_SYLLABLES.binary_search(&word).is_ok()
}

fn family_name(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.all(|c| c.is_ascii_lowercase())
        && crate::nlp::gender::east_asian_family_name(&word.to_ascii_lowercase())
}

/// "Jong-un", "Cheuk-ting": a capitalised syllable, a hyphen, a lower-case
/// syllable, each one to seven ASCII letters.
fn hyphenated_given_name(word: &str) -> bool {
    // Most words fail here, before any splitting (this runs on every word).
    let bytes = word.as_bytes();
    if bytes.len() < 3 || !bytes[0].is_ascii_uppercase() || !bytes.contains(&b'-') {
        return false;
    }
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let syllable = |s: &str, capital: bool| {
        (1..=7).contains(&s.len())
            && s.chars().enumerate().all(|(i, c)| {
                if i == 0 && capital {
                    c.is_ascii_uppercase()
                } else {
                    c.is_ascii_lowercase()
                }
            })
    };
    syllable(a, true) && syllable(b, false) && !NOT_SYLLABLES.contains(&b)
}

/// The chunks with such names made one person each (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let names: Vec<(usize, usize)> = (0..words.len().saturating_sub(1))
        .filter_map(|i| {
            let apart = || {
                words.get(i + 2).is_some_and(|w| korean_syllable(w))
                    && korean_syllable(words[i + 1])
            };
            if hyphenated_given_name(words[i + 1]) {
                family_name(words[i]).then_some((i, i + 2))
            } else {
                (apart() && family_name(words[i])).then_some((i, i + 3))
            }
        })
        .collect();
    if names.is_empty() {
        return cs;
    }
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len() + names.len());
    let mut cs = cs.into_iter().peekable();
    for (start, end) in names {
        // Chunks before the name pass; a chunk running past either side
        // leaves the name to the tagger.
        while let Some(c) = cs.next_if(|c| c.end <= start) {
            out.push(c);
        }
        if cs.peek().is_some_and(|c| c.start < start) {
            continue;
        }
        let inside: Vec<Chunk> = std::iter::from_fn(|| cs.next_if(|c| c.end <= end)).collect();
        if cs.peek().is_some_and(|c| c.start < end) {
            out.extend(inside);
            continue;
        }
        out.push(Chunk {
            start,
            end,
            kind: "PER",
        });
    }
    out.extend(cs);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn korean_syllables_are_sorted_for_binary_search() {
        assert!(KOREAN_SYLLABLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn family_name_and_hyphenated_given_name_are_one_person() {
        // Cut in two, cut short, mistyped, or missed by the tagger.
        check(
            "lawmaker Kwok Ka-ki said",
            &[(1, 1, "MISC"), (2, 1, "MISC")],
            &[("Kwok Ka-ki", "PER")],
        );
        check(
            "and Lam Cheuk-ting of",
            &[(1, 1, "PER")],
            &[("Lam Cheuk-ting", "PER")],
        );
        check(
            "joined Yau Wai-ching and Baggio Leung",
            &[(1, 2, "MISC"), (4, 2, "PER")],
            &[("Yau Wai-ching", "PER"), ("Baggio Leung", "PER")],
        );
        check(
            "said Yoon Suk-yeol would",
            &[],
            &[("Yoon Suk-yeol", "PER")],
        );
        // Written apart, each syllable a known one.
        check(
            "president Yoon Suk Yeol and Kim Jong Un met",
            &[(2, 2, "PER"), (5, 1, "PER"), (7, 1, "ORG")],
            &[("Yoon Suk Yeol", "PER"), ("Kim Jong Un", "PER")],
        );
        check(
            "the Park Lane Hotel",
            &[(1, 3, "LOC")],
            &[("Park Lane Hotel", "LOC")],
        );
        check("Lee Jae said", &[(0, 2, "PER")], &[("Lee Jae", "PER")]);
        // Not a modifier ("Seoul-based"), not an unknown first word, not a
        // name a longer chunk holds.
        check("the Lee-led Kim Seoul-based firm", &[], &[]);
        check("Smith Jong-un", &[], &[]);
        check(
            "the Democratic Party Kwok Ka-ki",
            &[(1, 3, "ORG")],
            &[("Democratic Party Kwok", "ORG")],
        );
        check(
            "Kim Jong-un Memorial Hall",
            &[(0, 4, "LOC")],
            &[("Kim Jong-un Memorial Hall", "LOC")],
        );
    }
}
