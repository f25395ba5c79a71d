//! Grammatical gender of a person mention, for pronoun agreement only
//! ("he" should not resolve to "Mara Lind"). Evidence, strongest first: an
//! honorific before a mention in the text ("Mr. Pompeo", "Queen Elizabeth"),
//! then the first name in models/first-names.tsv (US Census 1990 first-name
//! lists; a sex only where it holds at least 90% of the name's uses, so
//! "Chris" is a first name with no gender). A Chinese or Korean family name
//! opening the name says nothing ("Ma Ngok", "Li Keqiang").
//! Unknown when neither says; callers treat unknown as compatible with both.
//! Never emitted in records: it is a resolution aid, not an attribute.

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The gender a third-person pronoun refers to.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The gender a noun for a person says ("the mother said", "the
    /// 25-year-old actress"); none for nouns either may be ("the
    /// teacher", "the actor", "the chairman").
    pub fn of_noun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "father" | "husband" | "son" | "brother" | "man" | "boy" | "grandfather"
            | "widower" | "uncle" | "nephew" | "businessman" | "king" | "prince" | "dad"
            | "stepfather" | "grandson" | "boyfriend" | "fiance" => Some(Gender::Male),
            "mother" | "wife" | "daughter" | "sister" | "woman" | "girl" | "grandmother"
            | "widow" | "aunt" | "niece" | "businesswoman" | "queen" | "princess" | "mum"
            | "mom" | "actress" | "stepmother" | "granddaughter" | "girlfriend" | "fiancee"
            | "chairwoman" => Some(Gender::Female),
            _ => None,
        }
    }
}

pub const EMBEDDED: &str = include_str!("../../models/first-names.tsv");

/// Common family names in the romanisations news uses: Mandarin pinyin,
/// Cantonese (Hong Kong), Wade-Giles (Taiwan) and Korean. Left out: words
/// that open English sentences ("He", "To", "Do", "Oh", "So", "Ha").
#[rustfmt::skip]
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

/// Whether a lower-cased word is one of [`FAMILY_NAMES`].
pub(crate) fn east_asian_family_name(lower: &str) -> bool {
    FAMILY_NAMES.contains(&lower)
}

const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mister", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("baron", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("father", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("madam", Gender::Female),
    ("dame", Gender::Female),
    ("lady", Gender::Female),
    ("baroness", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("sister", Gender::Female),
];

/// What the list knows of a first name.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// On the US census lists, with the gender that holds at least 90% of
    /// its uses when one does.
    Census(Option<Gender>),
    /// Only on another country's list of given names ("Recep", "José"):
    /// weaker evidence, used only where the tagger already says person.
    Other,
}

/// First names: the US census lists, and given names of other countries.
pub struct FirstNames(crate::text::ModelMap<String, Entry>);

impl FirstNames {
    /// `name<TAB>m|f|u|o` lines (`u`: either sex; `o`: another country's
    /// given name); `#` comments and other lines are skipped.
    pub fn parse(tsv: &str) -> FirstNames {
        let map = tsv
            .lines()
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "m" => Entry::Census(Some(Gender::Male)),
                    "f" => Entry::Census(Some(Gender::Female)),
                    "u" => Entry::Census(None),
                    "o" => Entry::Other,
                    _ => return None,
                };
                Some((name.to_lowercase(), g))
            })
            .collect();
        FirstNames(map)
    }

    pub fn embedded() -> &'static FirstNames {
        static F: OnceLock<FirstNames> = OnceLock::new();
        F.get_or_init(|| FirstNames::parse(EMBEDDED))
    }

    /// The gender `first` tells, if it is a census first name that tells one.
    pub fn get(&self, first: &str) -> Option<Gender> {
        match self.0.get(&first.to_lowercase()) {
            Some(Entry::Census(g)) => *g,
            _ => None,
        }
    }

    /// Whether `first` is on the census lists, whatever its gender: the
    /// first-name evidence the entity rules weigh against other types.
    pub fn contains(&self, first: &str) -> bool {
        matches!(self.0.get(&first.to_lowercase()), Some(Entry::Census(_)))
    }

    /// Whether `first` is any known given name, another country's too,
    /// written as a name ("Recep", not "RAF" for "Raf").
    pub fn is_given_name(&self, first: &str) -> bool {
        first.chars().any(char::is_lowercase) && self.0.contains_key(&first.to_lowercase())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What a person's gender was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenderBasis {
    /// An honorific or a style ("Mr", "Baroness Morgan"): the text says it.
    Title,
    /// The first name's sex on the US census lists: a prior, wrong for
    /// names that are rare there or another sex elsewhere ("Tama Umaga",
    /// the All Blacks captain, is a woman's name on the census lists).
    FirstName,
}

/// The gender of a person named `name` whose mentions start at `starts` in
/// `text`, and what it was read from: an honorific right before a mention
/// wins, then the first name.
pub fn person_gender(text: &str, name: &str, starts: &[usize]) -> Option<(Gender, GenderBasis)> {
    for &s in starts {
        let before = text.get(..s).unwrap_or("").trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic() && c != '.')
            .next()
            .unwrap_or("")
            .trim_end_matches('.')
            .to_lowercase();
        if let Some((_, g)) = HONORIFICS.iter().find(|(h, _)| *h == word) {
            return Some((*g, GenderBasis::Title));
        }
    }
    let first = name.split_whitespace().next()?;
    // A styled name carries its title ("Lord Falconer", "Baroness Morgan",
    // "Sir Edward").
    let styled = first.to_lowercase();
    if name.split_whitespace().count() >= 2 {
        if let Some((_, g)) = HONORIFICS.iter().find(|(h, _)| *h == styled) {
            return Some((*g, GenderBasis::Title));
        }
    }
    // A single-word name is usually a surname ("Lind"), not a first name.
    // Nor does a Chinese or Korean family name written first say a sex:
    // the census lists "Li", "Ma", "Moon", "Chan" as women's first names,
    // which made "Ma Ngok" and "Li Keqiang" women.
    if name.split_whitespace().count() < 2 || east_asian_family_name(&first.to_lowercase()) {
        return None;
    }
    FirstNames::embedded()
        .get(first)
        .map(|g| (g, GenderBasis::FirstName))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, name: &str, expect: Option<Gender>) {
        let starts: Vec<usize> = text.match_indices(name).map(|(i, _)| i).collect();
        assert_eq!(
            person_gender(text, name, &starts).map(|(g, _)| g),
            expect,
            "{name} in {text:?}"
        );
    }

    #[test]
    fn a_family_name_written_first_says_no_sex() {
        check("Ma Ngok said so.", "Ma Ngok", None);
        check("Moon Jae-in met Li Keqiang.", "Moon Jae-in", None);
        check("Mr. Li Keqiang spoke.", "Li Keqiang", Some(Gender::Male));
        check("Mary Jones spoke.", "Mary Jones", Some(Gender::Female));
    }

    #[test]
    fn a_styled_name_carries_its_title() {
        check("Lord Falconer agreed.", "Lord Falconer", Some(Gender::Male));
        check(
            "Baroness Morgan spoke.",
            "Baroness Morgan",
            Some(Gender::Female),
        );
        check("Lord spoke.", "Lord", None);
    }

    #[test]
    fn honorifics_then_first_names() {
        check(
            "Talks with Mr. Okonkwo ended.",
            "Okonkwo",
            Some(Gender::Male),
        );
        check("Ms Varga said so.", "Varga", Some(Gender::Female));
        check("Queen Elizabeth spoke.", "Elizabeth", Some(Gender::Female));
        check("Mara Lind spoke.", "Mara Lind", Some(Gender::Female));
        check("Jonas Vik spoke.", "Jonas Vik", Some(Gender::Male));
        check("Lind spoke.", "Lind", None);
        check("Zyx Qwerty spoke.", "Zyx Qwerty", None);
    }

    #[test]
    fn pronouns() {
        assert_eq!(Gender::of_pronoun("She"), Some(Gender::Female));
        assert_eq!(Gender::of_pronoun("his"), Some(Gender::Male));
        assert_eq!(Gender::of_pronoun("they"), None);
    }

    #[test]
    fn embedded_list_is_loaded() {
        let f = FirstNames::embedded();
        assert!(f.len() > 3000, "{} names", f.len());
        assert_eq!(f.get("Mary"), Some(Gender::Female));
        assert_eq!(f.get("JAMES"), Some(Gender::Male));
    }

    #[test]
    fn a_first_name_of_either_sex_is_a_name_without_gender() {
        let f = FirstNames::parse("# c\nmary\tf\nchris\tu\nraf\to\nbad\tx\n");
        // (name, census first name, any given name, gender)
        for (name, census, given, gender) in [
            ("Mary", true, true, Some(Gender::Female)),
            ("Chris", true, true, None),
            ("Raf", false, true, None),
            ("RAF", false, false, None),
            ("bad", false, false, None),
            ("Vik", false, false, None),
        ] {
            let got = (f.contains(name), f.is_given_name(name), f.get(name));
            assert_eq!(got, (census, given, gender), "{name}");
        }
        let embedded = FirstNames::embedded();
        assert!(embedded.contains("Jamie") && embedded.get("Jamie").is_none());
        check("Chris Vik spoke.", "Chris Vik", None);
    }
}
