//! A tokenizer for news English. Offsets are bytes into the original text.
//!
//! Handles abbreviations and initials (U.S., Gen., J.), possessives and
//! contractions split as in the Penn Treebank ("Iraq 's", "do n't"),
//! em-dashes with or without spaces, bullets, NBSP and other Unicode spaces,
//! numbers such as 3,500, 2.5 and 1996-08-30, currency symbols, and
//! hyphenated or dotted compounds ("U.S.-led", "non-binding").

use crate::document::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Abbreviations that keep their period (lower-case, without the period).
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "rev", "hon", "inc", "corp", "ltd", "co", "no",
    "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "ave", "blvd", "rd", "dept", "univ", "assn", "bros", "approx", "est",
    "fig", "al", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
    "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{200B}' | '\u{202F}' | '\u{FEFF}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{00AD}'
}

const APOSTROPHES: &[char] = &['\'', '’'];

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    // Whether the letters from `k` on are a clitic after an apostrophe:
    // 's, 're, 've, 'll, 'd, 'm, 't.
    let clitic_at = |k: usize| {
        let len = (k..n)
            .take_while(|&m| is_word_char(chars[m].1))
            .take(3)
            .count();
        let l = |m: usize| chars[m].1.to_ascii_lowercase();
        match len {
            1 => matches!(l(k), 's' | 'd' | 'm' | 't'),
            2 => matches!((l(k), l(k + 1)), ('r' | 'v', 'e') | ('l', 'l')),
            _ => false,
        }
    };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if is_space(c) {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i;
            // A run of word characters joined by inner '.', '-', ',', '/', ':', '&'
            // when a word character follows (U.S.-led, 3,500, 2.5, 24/7, AT&T).
            loop {
                while j < n && is_word_char(chars[j].1) {
                    j += 1;
                }
                if at(j) == Some('.')
                    && at(j + 1) == Some('-')
                    && at(j + 2).is_some_and(is_word_char)
                {
                    j += 3; // "U.S.-led"
                    continue;
                }
                match (at(j), at(j + 1)) {
                    (Some(p), Some(next))
                        if matches!(p, '.' | '-' | '/' | '&' | '\u{2011}')
                            && is_word_char(next) =>
                    {
                        j += 2;
                    }
                    // "O'Brien", "D'Souza", "N'Djamena": a capital, an
                    // apostrophe, then a capitalised word.
                    (Some('\'' | '’'), Some(next))
                        if j - start <= 2
                            && chars[start].1.is_uppercase()
                            && next.is_uppercase()
                            && at(j + 2).is_some_and(char::is_lowercase) =>
                    {
                        j += 2;
                    }
                    // "Kata'ib", "Sana'a", "Ba'athist", "Qur'an": a
                    // capitalised word, an apostrophe, then lower-case
                    // letters that are no clitic ("Don't", "Smith's").
                    (Some('\'' | '’'), Some(next))
                        if chars[start].1.is_uppercase()
                            && next.is_lowercase()
                            && !clitic_at(j + 1) =>
                    {
                        j += 2;
                    }
                    (Some(',' | ':'), Some(next))
                        if next.is_ascii_digit() && chars[j - 1].1.is_ascii_digit() =>
                    {
                        j += 2;
                    }
                    _ => break,
                }
            }
            // Trailing period of an abbreviation, an initial or a dotted acronym.
            let word = &text[byte(start)..byte(j)];
            if at(j) == Some('.') {
                let lower = word.to_lowercase();
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let dotted = word.contains('.')
                    && word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                let dotted_lower = word.contains('.') && word.len() <= 5; // e.g., i.e, a.m
                if ABBREVIATIONS.contains(&lower.as_str()) || initial || dotted || dotted_lower {
                    j += 1;
                }
            }
            // Possessive and contraction clitics become their own tokens.
            let mut end = j;
            let mut clitic: Option<(usize, usize)> = None;
            if matches!(at(j), Some(a) if APOSTROPHES.contains(&a)) {
                let rest: String = chars[j + 1..n.min(j + 4)]
                    .iter()
                    .map(|&(_, c)| c.to_ascii_lowercase())
                    .collect();
                let follows = |k: usize| at(j + 1 + k).is_none_or(|c| !is_word_char(c));
                for suffix in ["s", "re", "ve", "ll", "d", "m"] {
                    if rest.starts_with(suffix) && follows(suffix.len()) {
                        clitic = Some((j, j + 1 + suffix.len()));
                        break;
                    }
                }
            }
            // "don't" arrives as "don" + "'t": handle n't.
            if clitic.is_none()
                && matches!(at(j), Some(a) if APOSTROPHES.contains(&a))
                && at(j + 1) == Some('t')
                && word.ends_with(['n', 'N'])
                && at(j + 2).is_none_or(|c| !is_word_char(c))
            {
                end = j - 1;
                clitic = Some((j - 1, j + 2));
            }
            let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            if end > start {
                out.push(Token {
                    start: byte(start),
                    end: byte(end),
                    kind,
                });
            }
            if let Some((a, b)) = clitic {
                out.push(Token {
                    start: byte(a),
                    end: byte(b),
                    kind: TokenKind::Word,
                });
                i = b;
            } else {
                i = j;
            }
            continue;
        }
        // Punctuation: runs of the same mark ("...", "--", "!!") stay together.
        let start = i;
        let mut j = i + 1;
        if matches!(c, '.' | '-' | '!' | '?') {
            while at(j) == Some(c) {
                j += 1;
            }
        }
        let kind = if c.is_ascii_punctuation()
            && !matches!(c, '$' | '%' | '&' | '+' | '<' | '=' | '>' | '#' | '@')
            || matches!(
                c,
                '—' | '–' | '…' | '“' | '”' | '‘' | '’' | '«' | '»' | '•' | '·'
            ) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token {
            start: byte(start),
            end: byte(j),
            kind,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = tokenize(input).iter().map(|t| t.text(input)).collect();
        assert_eq!(got, expect, "{input:?}");
    }

    #[test]
    fn news_english() {
        check("The U.S.-led coalition", &["The", "U.S.-led", "coalition"]);
        check(
            "Gen. Qasem met Mr. J. Smith in Washington, D.C. on Jan. 5.",
            &[
                "Gen.",
                "Qasem",
                "met",
                "Mr.",
                "J.",
                "Smith",
                "in",
                "Washington",
                ",",
                "D.C.",
                "on",
                "Jan.",
                "5",
                ".",
            ],
        );
        check(
            "an additional 3,500 troops cost $2.5bn, or 40%.",
            &[
                "an",
                "additional",
                "3,500",
                "troops",
                "cost",
                "$",
                "2.5bn",
                ",",
                "or",
                "40",
                "%",
                ".",
            ],
        );
        check(
            "Iraq's government don't",
            &["Iraq", "'s", "government", "do", "n't"],
        );
        check(
            "expelled —coalition suspends",
            &["expelled", "—", "coalition", "suspends"],
        );
        check("expelled—coalition", &["expelled", "—", "coalition"]);
        // Irish and French name prefixes stay in the name; clitics still split.
        check(
            "Conan O'Brien met D’Souza. O'Brien's I'M",
            &[
                "Conan",
                "O'Brien",
                "met",
                "D’Souza",
                ".",
                "O'Brien",
                "'s",
                "I",
                "'M",
            ],
        );
        // Apostrophes inside transliterated names stay in them.
        check(
            "Kata'ib Hezbollah near Sana'a. Ba'athist Don't Qur'an's",
            &[
                "Kata'ib",
                "Hezbollah",
                "near",
                "Sana'a",
                ".",
                "Ba'athist",
                "Do",
                "n't",
                "Qur'an",
                "'s",
            ],
        );
        check(
            "\"Islamic State,\" or ISIS.",
            &["\"", "Islamic", "State", ",", "\"", "or", "ISIS", "."],
        );
        check("  • Point\u{a0}one", &["•", "Point", "one"]);
        check(
            "prime minister...he's",
            &["prime", "minister", "...", "he", "'s"],
        );
        check("-- Reuters contributed", &["--", "Reuters", "contributed"]);
        check(
            "on 1996-08-30 at 10:30",
            &["on", "1996-08-30", "at", "10:30"],
        );
        check("AT&T and non-binding", &["AT&T", "and", "non-binding"]);
        check("Mahdi’s view", &["Mahdi", "’s", "view"]);
    }

    #[test]
    fn offsets_are_bytes_into_the_text() {
        let t = "Café\u{a0}Noir’s 3,500";
        for tok in tokenize(t) {
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
        }
        let toks = tokenize(t);
        assert_eq!(toks[0].text(t), "Café");
        assert_eq!(toks[3].text(t), "3,500");
    }
}
