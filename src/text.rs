//! Small text helpers shared by decoding and stages: line splitting with
//! byte spans, display normalisation (NBSP, odd dashes, whitespace), and the
//! FNV-1a hash that features, shingles and stable splits are keyed by.

use crate::document::Span;

/// One line of the text, without its line terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// Split `text` into lines (terminated by `\n`, `\r\n` or `\r`), keeping byte spans.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Line {
                    text: &text[start..i],
                    span: Span::new(start, i),
                });
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(Line {
                    text: &text[start..i],
                    span: Span::new(start, i),
                });
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(Line {
            text: &text[start..],
            span: Span::new(start, bytes.len()),
        });
    }
    out
}

/// Characters we treat as spaces: NBSP, narrow NBSP, figure space, thin and
/// other Unicode spaces, plus zero-width ones (which vanish).
fn space_class(c: char) -> Option<bool> {
    match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Some(true)
        }
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' => Some(false),
        _ => None,
    }
}

/// Normalise a string for display: Unicode spaces become plain spaces,
/// zero-width characters and soft hyphens vanish, hyphen-like characters
/// become '-', en/em dashes are kept but spaced symmetrically, and runs of
/// whitespace collapse to one space. The result is trimmed.
pub fn normalise(s: &str) -> String {
    let mut tmp = String::with_capacity(s.len());
    for c in s.chars() {
        match space_class(c) {
            Some(true) => tmp.push(' '),
            Some(false) => {}
            None => match c {
                '\u{2010}' | '\u{2011}' | '\u{2212}' => tmp.push('-'),
                '\u{2012}' | '\u{2013}' => tmp.push('\u{2013}'),
                '\u{2014}' | '\u{2015}' => tmp.push('\u{2014}'),
                '\n' | '\r' => tmp.push(' '),
                _ => tmp.push(c),
            },
        }
    }
    // Space an em dash symmetrically when it is spaced on one side only
    // ("expelled —coalition" → "expelled — coalition").
    let chars: Vec<char> = tmp.chars().collect();
    let mut spaced = String::with_capacity(tmp.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{2014}' {
            let before = i > 0 && chars[i - 1] == ' ';
            let after = chars.get(i + 1) == Some(&' ');
            if before != after {
                if !before {
                    spaced.push(' ');
                }
                spaced.push(c);
                if !after {
                    spaced.push(' ');
                }
                continue;
            }
        }
        spaced.push(c);
    }
    collapse_ws(&spaced)
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The span of `sub` inside `line` after trimming Unicode whitespace (NBSP included).
pub fn trimmed_span(line: &Line<'_>) -> Span {
    let t = line.text;
    let is_ws = |c: char| c.is_whitespace() || space_class(c).is_some();
    let lead = t.len() - t.trim_start_matches(is_ws).len();
    let trail = t.len() - t.trim_end_matches(is_ws).len();
    if lead == t.len() {
        return Span::new(line.span.start, line.span.start);
    }
    Span::new(line.span.start + lead, line.span.end - trail)
}

/// True when the line holds nothing but whitespace (NBSP included).
pub fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || space_class(c).is_some())
}

/// FNV-1a 64-bit offset basis.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a hash of a template id and its parts (parts separated by
/// 0x1f). Used for NER features, dedup shingles and stable id-based splits;
/// changing it changes every model and split, so it never changes.
pub fn fnv(template: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET ^ u64::from(template);
    h = h.wrapping_mul(FNV_PRIME);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(FNV_PRIME);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// `s.to_lowercase()`, through the cheaper ASCII mapping when `s` is
/// ASCII (nearly every token of English news); the same string either way.
/// For the per-token paths (NER features, topics, keyphrases).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The first char boundary of `s` at or after byte `i` (at most
/// `s.len()`): where a slice cut at a byte count may start.
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    (i.min(s.len())..=s.len())
        .find(|&j| s.is_char_boundary(j))
        .unwrap_or(s.len())
}

/// The last char boundary of `s` at or before byte `i`: where a slice cut
/// at a byte count may end.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    (0..=i.min(s.len()))
        .rev()
        .find(|&j| s.is_char_boundary(j))
        .unwrap_or(0)
}

/// `f` of `word` lower-cased on the stack, for a short ASCII word (at most
/// 16 bytes); `None` for a longer or non-ASCII one. For the word lists
/// asked of nearly every token (offices, verbs of saying, firm suffixes),
/// whose entries are all short ASCII words, so that such a word is none
/// of them.
pub fn with_short_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// The FxHash step (rustc's hasher): a multiply and a rotate per eight
/// bytes. For the read-only model tables (gazetteer, clusters, topic
/// counts, lexicons), looked up for every token: SipHash there cost more
/// than the lookups' memory traffic. Not for maps keyed by input text
/// (their keys are chosen by whoever writes the article, and this hash does
/// not resist chosen collisions); those keep the standard hasher.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A read-only model table keyed by strings from the model files.
pub type ModelMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
/// A set of strings from a model file.
pub type ModelSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// "GROSSETO, Italy" → "Grosseto, Italy"; words not in capitals are kept.
pub fn title_case_caps(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
                let mut out = String::new();
                let mut prev_alpha = false;
                for c in w.chars() {
                    if prev_alpha {
                        out.extend(c.to_lowercase());
                    } else {
                        out.push(c);
                    }
                    prev_alpha = c.is_alphabetic();
                }
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_boundaries_round_to_whole_characters() {
        let s = "a\u{e9}b"; // 'é' is bytes 1..3
        for (i, ceil, floor) in [(0, 0, 0), (1, 1, 1), (2, 3, 1), (3, 3, 3), (9, 4, 4)] {
            assert_eq!(ceil_char_boundary(s, i), ceil, "ceil {i}");
            assert_eq!(floor_char_boundary(s, i), floor, "floor {i}");
        }
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        for w in [
            "Paris",
            "ÉCOLE",
            "İstanbul",
            "ABC-123",
            "",
            "straße",
            "Ωmega",
        ] {
            assert_eq!(lowercase(w), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn short_words_lower_cased_on_the_stack() {
        let check = |w: &str, expect: Option<&str>| {
            assert_eq!(
                with_short_lower(w, str::to_owned).as_deref(),
                expect,
                "{w:?}"
            );
        };
        check("Said", Some("said"));
        check("CO", Some("co"));
        check("", Some(""));
        check("SixteenLetters16", Some("sixteenletters16"));
        check("SeventeenLetters7", None);
        check("Zoë", None);
    }

    fn check_norm(input: &str, expect: &str) {
        assert_eq!(normalise(input), expect, "normalise({input:?})");
    }

    #[test]
    fn normalise_cases() {
        check_norm("a\u{00A0}b", "a b");
        check_norm("expelled \u{2014}coalition", "expelled \u{2014} coalition");
        check_norm("a\u{2014}b", "a\u{2014}b");
        check_norm("  many   spaces\t here ", "many spaces here");
        check_norm("co\u{2011}op", "co-op");
        check_norm("zero\u{200B}width", "zerowidth");
    }

    #[test]
    fn lines_keep_spans() {
        let t = "ab\r\ncd\n\nef";
        let ls = lines(t);
        let got: Vec<(&str, usize, usize)> = ls
            .iter()
            .map(|l| (l.text, l.span.start, l.span.end))
            .collect();
        assert_eq!(
            got,
            vec![("ab", 0, 2), ("cd", 4, 6), ("", 7, 7), ("ef", 8, 10)]
        );
    }

    #[test]
    fn trimmed_span_skips_nbsp() {
        let t = "\u{00A0} x y \u{00A0}";
        let l = lines(t)[0];
        let s = trimmed_span(&l);
        assert_eq!(s.slice(t), "x y");
    }
}
