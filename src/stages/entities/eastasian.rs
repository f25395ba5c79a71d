//! Chinese, Korean and Taiwanese names written family name first with a
//! hyphenated given name ("Kim Jong-un", "Tsai Ing-wen", "Lam Cheuk-ting"):
//! the tagger, trained on 1996 Reuters, often cuts them ("Yoon" PER +
//! "Suk-yeol" MISC), leaves the given name out ("Lam" PER) or calls them
//! MISC ("Yau Wai-ching"). A known family name right before a capitalised
//! two-syllable given name joined by a hyphen is one person, when no chunk
//! runs past the two words.

use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// Common family names in the romanisations news uses: Mandarin pinyin,
/// Cantonese (Hong Kong), Wade-Giles (Taiwan) and Korean. Left out: words
/// that open English sentences ("He", "To", "Do", "Oh", "So", "Ha").
const FAMILY_NAMES: &[&str] = &[
    // Mandarin (pinyin)
    "bai", "bo", "cai", "cao", "chen", "cheng", "cui", "deng", "ding", "dong", "du", "duan", "fan",
    "fang", "feng", "fu", "gao", "gong", "gu", "guo", "han", "hao", "hou", "hu", "hua", "huang",
    "jia", "jiang", "jin", "kong", "lei", "li", "liang", "liao", "lin", "liu", "long", "lu", "luo",
    "ma", "mao", "meng", "pan", "peng", "qian", "qin", "ren", "shen", "shi", "song", "su", "sun",
    "tan", "tang", "tian", "wan", "wang", "wei", "wen", "wu", "xi", "xia", "xiao", "xie", "xiong",
    "xu", "xue", "yan", "yang", "yao", "ye", "yin", "yu", "yuan", "zeng", "zhang", "zhao", "zheng",
    "zhong", "zhou", "zhu",
    // Cantonese (Hong Kong, Macau)
    "au", "chan", "cheung", "chiu", "chow", "choy", "chu", "chung", "fong", "fung", "ho", "hui",
    "kwan", "kwok", "kwong", "lai", "lam", "lau", "law", "leung", "lo", "lui", "mak", "mok", "ng",
    "poon", "siu", "sze", "tam", "tong", "tse", "tsang", "tsui", "wong", "yau", "yeung", "yip",
    "yuen",
    // Wade-Giles and Taiwanese spellings
    "chang", "chao", "chiang", "chou", "hsiao", "hsieh", "hsu", "kao", "ko", "kuo", "lien", "soong",
    "teng", "ting", "tsai", "tseng", "yeh",
    // Korean
    "ahn", "bae", "baek", "ban", "cha", "cho", "choi", "chun", "heo", "hong", "hwang", "jang",
    "jeon", "jeong", "joo", "jung", "kang", "kim", "kwak", "kwon", "lee", "lim", "min", "moon",
    "nam", "noh", "park", "rhee", "roh", "ryu", "seo", "shin", "son", "sung", "woo", "yoo", "yoon",
    "yun",
];

/// Second syllables that make a compound modifier, not a given name
/// ("Lee-led" aside, "Chan-based" would be a place's).
const NOT_SYLLABLES: &[&str] = &[
    "based", "led", "born", "run", "owned", "made", "listed", "backed", "style", "era", "wide",
    "level", "like", "linked", "bound", "class", "related", "free", "year", "old", "type",
];

fn family_name(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.all(|c| c.is_ascii_lowercase())
        && FAMILY_NAMES.contains(&word.to_ascii_lowercase().as_str())
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
    let names: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| hyphenated_given_name(words[i + 1]) && family_name(words[i]))
        .collect();
    if names.is_empty() {
        return cs;
    }
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len() + names.len());
    let mut cs = cs.into_iter().peekable();
    for i in names {
        let (start, end) = (i, i + 2);
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
