//! Mentions: NER chunks over the article's sentences (boilerplate skipped),
//! trimmed of hyphenated modifiers ("U.S.-led" → "U.S."), plus gazetteer
//! countries and demonyms, and curated alias forms ("ISIS", "Daesh"), that
//! the tagger missed.

use crate::document::{Span, SpanIndex};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::features::Lexicon;
use crate::ner::{chunks, NerModel};
use crate::nlp;

use super::wordlists::{
    ends_no_name, is_honorific, is_modifier, is_office, is_party_label, is_trade, lower_is,
    not_a_name, opens_sentence_only,
};

pub(super) use super::mention::Mention;

/// A mention's words as one line: a name the source wraps across lines
/// ("Mikhail\nGorbachev" in hard-wrapped wire copy) or spaces twice is
/// named, and keyed, as it reads.
fn one_line(s: &str) -> String {
    let plain = s.bytes().all(|b| b.is_ascii_graphic() || b == b' ') && !s.contains("  ");
    if !plain && (s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ")) {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}

pub(super) fn extract(
    text: &str,
    analysed: &nlp::Analysed,
    skip: &[Span],
    model: &NerModel,
    lex: Lexicon<'_>,
    alias_kind: &dyn Fn(&str) -> Option<&'static str>,
) -> Vec<Mention> {
    let tokens = &analysed.tokens;
    // A sentence touching boilerplate keeps its words before it (a wire
    // story's last line runs on into the agency's sign-off: "… by Ryan,
    // Beck and Co, West Orange, N.J.\n Reuter"); one opening inside it goes.
    let kept: Vec<nlp::Sentence> = analysed
        .sentences
        .iter()
        .filter_map(|s| {
            let cut = skip
                .iter()
                .filter(|b| b.start < s.end && s.start < b.end)
                .map(|b| b.start)
                .min();
            let Some(cut) = cut else {
                return Some(s.clone());
            };
            let n = tokens[s.tokens.clone()]
                .iter()
                .take_while(|t| t.end <= cut)
                .count();
            (n > 0).then(|| nlp::Sentence {
                start: s.start,
                end: tokens[s.tokens.start + n - 1].end,
                tokens: s.tokens.start..s.tokens.start + n,
            })
        })
        .collect();
    let words = nlp::sentence_words(text, tokens, &kept);
    let labels = model.tag_document(&words, lex);
    let mut out = Vec::new();
    let mut sentence = Vec::new();
    for (s, l) in kept.iter().zip(&labels) {
        let toks = &tokens[s.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let tagged = super::chunks::possessive_out(chunks(l), &words);
        let tagged = super::chunks::administration_out(tagged, &words);
        let mended = super::repair::repair(tagged, &words, lex.gaz);
        let mended = super::runon::mend(mended, &words, lex.gaz);
        let mended = super::eastasian::mend(mended, &words, lex.gaz);
        let mended = super::person_of::split(mended, &words, lex.gaz);
        let mended = super::ampersand::mend(mended, &words, lex.gaz);
        let mended = super::aged::mend(mended, &words, lex.gaz);
        let mended = super::surname::mend(mended, &words, lex.gaz);
        let mended = super::surname::mend_untagged(mended, &words, lex.gaz);
        let mended = super::surname::mend_initial(mended, &words, lex.gaz);
        let mended = super::particles::mend(mended, &words, lex.gaz);
        let mended = super::lists::split(mended, &words);
        let mended = super::joined::join(mended, &words, lex.gaz);
        let mended = super::whole_places::mend(mended, &words, lex.gaz);
        let mended = super::numerals::mend(mended, &words, lex.gaz);
        let mended = super::bodies::mend(mended, &words, lex.gaz);
        let mended = super::ships::mend(mended, &words, lex.gaz);
        let mended = super::legislation::mend(mended, &words, lex.gaz);
        let mended = super::after_title::mend(mended, &words, lex.gaz);
        let mut prev_end = 0;
        for mut c in super::located::split(mended, &words, lex.gaz) {
            let free_before = c.start > prev_end;
            prev_end = c.end;
            // "US$500", "HK$2,000": a currency's country code names no place.
            if c.end - c.start == 1 && currency_code(text, toks, c.start) {
                continue;
            }
            // "Unlike Senators", "In Paris": a sentence's capitalised first
            // word that is never part of a name.
            if c.start == 0 && c.end >= 2 && opens_sentence_only(words[0]) {
                c.start = 1;
            }
            // ... nor a name alone ("Born in Luton, Hailey ...": "Born").
            if c.start == 0 && c.end == 1 && super::wordlists::opener_alone(words[0]) {
                continue;
            }
            // "The United States reports": a capital "The" before a name
            // the alias table or the gazetteer knows without it.
            if super::mention::opens_with_article(&words[c.start..c.end], alias_kind, lex.gaz) {
                c.start += 1;
            }
            // "Yeah", "Nah", "E.": an interjection or a lone initial names
            // no one (interviews open answers with them, capitalised).
            if c.end - c.start == 1 && not_a_name(words[c.start]) {
                continue;
            }
            if super::offices::qualifier_alone(&c, &words) {
                continue;
            }
            // "General Santos City": a place whose name opens with a title.
            let titled_place = super::whole_places::titled(&mut c, &words, free_before, lex.gaz);
            // "Mr Greenspan", "Dr. Jane Doe": the honorific marks a person
            // but is not part of the name, so "Greenspan" can merge with
            // "Alan Greenspan".
            // So does a trade the tagger took in ("Singer Pete Doherty").
            if c.end - c.start >= 2
                && (is_honorific(words[c.start]) || is_trade(words[c.start]))
                && !titled_place
            {
                c.start += 1;
                c.kind = "PER";
            }
            // "Mayor Adamowicz", "Prime Minister Mateusz": an office before
            // a person's name is not part of it, and an office alone
            // ("Mayor" in "Mayor of London Sadiq Khan") names no one.
            // So, whatever the tagger typed the whole, when a known first
            // name follows the office ("Congresswoman Karen Bass" ORG; not
            // "General Motors").
            // So is a party label ("Democrat Chuck Schumer" MISC).
            if !titled_place
                && ((c.kind != "PER" && is_office(words[c.start]))
                    || is_party_label(words[c.start]))
            {
                let name = (c.start + 1..c.end)
                    .find(|&i| !is_office(words[i]) && !is_party_label(words[i]));
                if let Some(n) = name.filter(|&n| {
                    c.end - n >= 2 && crate::nlp::gender::FirstNames::embedded().contains(words[n])
                }) {
                    c.start = n;
                    c.kind = "PER";
                }
            }
            if c.kind == "PER" {
                while c.end - c.start >= 2 && is_office(words[c.start]) {
                    c.start += 1;
                }
                if c.end - c.start == 1 && is_office(words[c.start]) {
                    continue;
                }
            }
            // "of Germany" left of "the Chancellor of Germany" once the
            // office is off, or tagged so: "of" opens no name, and what
            // follows an office's "of" is a place or a body, unless a
            // person's name follows the office ("Chief of Staff Howard
            // Baker": from the known first name on).
            if c.end - c.start >= 2 && words[c.start] == "of" {
                c.start += 1;
                if c.kind == "PER" {
                    let first_names = crate::nlp::gender::FirstNames::embedded();
                    match (c.start..c.end - 1).find(|&i| first_names.is_given_name(words[i])) {
                        Some(person) => c.start = person,
                        None => {
                            let rest = words[c.start..c.end].join(" ");
                            c.kind = match lex.gaz.lookup(&rest).is_empty() {
                                false => "LOC",
                                // "of Staff" of "Chief of Staff": the office's.
                                true if c.end - c.start == 1 => continue,
                                true => "ORG",
                            };
                        }
                    }
                }
            }
            // "Director of [National Intelligence John Ratcliffe]", "[United
            // States Speaker of the House Nancy Pelosi]": an office's domain
            // ran into the person's name (`offices.rs`).
            if let Some(p) = super::offices::person_after_office(&c, &words) {
                c.start = p;
                c.kind = "PER";
            }
            match super::offices::office_at_end(&c, &words, lex.gaz) {
                super::offices::OfficeEnd::Keep => {}
                super::offices::OfficeEnd::Drop => continue,
                super::offices::OfficeEnd::Cut { end, kind } => {
                    c.end = end;
                    c.kind = kind;
                }
            }
            // "Indian National Congress (INC", "Rowntree (Leicester": a
            // bracket the span does not close ends the name.
            if let Some(open) = (c.start..c.end).find(|&i| matches!(words[i], "(" | "[")) {
                if !words[open..c.end].iter().any(|w| matches!(*w, ")" | "]")) {
                    if open == c.start {
                        continue;
                    }
                    c.end = open;
                }
            }
            // "Fiat and", "Rowling in", "Vadim Mitroshin The": a name does
            // not end in a function word (titles of works, MISC, may).
            // Nor in a lone dash ("Imam Khomeini International Airport -").
            // Nor, when it opens with a capital, in a word written all in
            // lower case: the tagger ran on into the sentence ("Boeing
            // plans", "US officials", "Beverly Hilton hotel"; a source in
            // lower case, "cesar gaviria", is left as it is).
            // "Eden Hazard's assist": a possessive after a name of two
            // words or more is not part of it (alone it may be: "Moody's";
            // so in "St John's").
            if c.end - c.start >= 3
                && matches!(words[c.end - 1], "'s" | "’s")
                && !matches!(words[c.start], "St" | "St." | "Saint")
            {
                c.end -= 1;
            }
            let capitalised = !lower_case_word(words[c.start]);
            while c.kind != "MISC"
                && c.end - c.start > 1
                && (lower_is(words[c.end - 1], ends_no_name)
                    || !words[c.end - 1].chars().any(char::is_alphanumeric)
                    || (capitalised && lower_case_word(words[c.end - 1])))
            {
                c.end -= 1;
            }
            // What is left may be a function word alone ("The city").
            if c.kind != "MISC" && c.end - c.start == 1 && lower_is(words[c.start], ends_no_name) {
                continue;
            }
            // "Green MEP Caroline Lucas", "an Austrian Green member" (the
            // tagger's "Green member", its lower-case end cut above): a
            // party's label alone before a member's title is an
            // affiliation, no entity (as a person, "Green" spoke Lucas's
            // quote; as MISC, the gazetteer's town Green made it a place).
            // A party the alias table knows comes back as that party
            // ("Labour MP": the Labour Party). Typed MISC or ORG, the
            // label stays ("Tory MP", "Democrat senator").
            if c.end - c.start == 1
                && matches!(c.kind, "PER" | "LOC")
                && is_party_label(words[c.start])
                && words
                    .get(c.end)
                    .is_some_and(|w| super::wordlists::member_after_label(w))
            {
                continue;
            }
            // "Washington-based Economic Policy Institute": the modifier
            // opening a longer name is not part of it.
            if c.end - c.start >= 2 && is_modifier(words[c.start]) {
                c.start += 1;
            }
            let (mut start, mut end) = (toks[c.start].start, toks[c.end - 1].end);
            end = start + super::mention::before_photo_credit(&text[start..end], &text[end..]);
            start += super::mention::modifying_prefix(&text[start..end]);
            let mut kind = c.kind;
            let surface = &text[start..end];
            if let Some((head, _)) = surface.rsplit_once('-') {
                if is_modifier(surface) && !head.is_empty() {
                    end = start + head.len();
                    if lex.gaz.kinds(head).contains(&Kind::Demonym)
                        || lex.gaz.kinds(head).contains(&Kind::Country)
                    {
                        kind = "LOC";
                    }
                }
            }
            if !could_be_a_name(&text[start..end]) {
                continue;
            }
            sentence.push(Mention {
                text: one_line(&text[start..end]),
                start,
                end,
                kind,
            });
        }
        // Sentences do not overlap: only this one's mentions can cover its
        // words.
        add_gazetteer_mentions(text, toks, lex.gaz, &mut sentence);
        add_alias_mentions(text, toks, alias_kind, &mut sentence);
        out.append(&mut sentence);
    }
    out.sort_by_key(|m| m.start);
    super::recalled::join_given_names(text, &mut out, lex.gaz);
    super::recalled::add(text, tokens, &kept, &mut out);
    out
}

/// Whether token `i` is glued to a "$" after it: "US" of "US$500".
fn currency_code(text: &str, toks: &[nlp::Token], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|d| d.start == toks[i].end && d.text(text) == "$")
}

/// Whether the tagger's span can be a name at all. Not: one word in lower
/// case ("sales", "colleague", "de": words the tagger slipped on; a name
/// of two lower-case words, "cesar gaviria" in a lower-case source,
/// stays); words of a script without capitals ("भी", "متاسفانه": an
/// interview's Hindi or Persian lines, which an English model reads as
/// unknown names); no letters at all ("1,011.15.", "'"), except a date
/// that names an event ("9/11").
fn could_be_a_name(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_none() {
        let (a, b) = s.split_once('/').unwrap_or(("", ""));
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        return digits(a) && digits(b);
    }
    if !letters.any(|c| c.is_uppercase() || c.is_lowercase()) {
        return false;
    }
    s.contains(char::is_whitespace) || !lower_case_word(s)
}

/// A word of lower-case letters only (hyphens and apostrophes inside):
/// "plans", "roll-out"; not "eBay", "iPod", "3G".
pub(super) fn lower_case_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && w.chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
}

/// Whether the word `w` at byte `start` stands right after a capitalised
/// word that is no title, possessive or article, so that it ends a
/// longer name ("Creative Commons", "Big Apple"; not "President Putin",
/// "Biden's Twitter", "The American physician"). Not in capitals (an
/// acronym, or a headline in capitals: "GETS FDA APPROVAL").
pub(super) fn after_name(text: &str, start: usize, w: &str) -> bool {
    use crate::nlp::titles;
    w.chars().any(char::is_lowercase)
        && crate::nlp::word_before(text, start).is_some_and(|(at, before)| {
            at + before.len() + 1 == start
                && before.starts_with(char::is_uppercase)
                && before.chars().any(char::is_lowercase)
                && !before.ends_with("'s")
                && !before.ends_with("’s")
                && !matches!(before, "The" | "A" | "An")
                && !titles::is(before, titles::OFFICE | titles::PERSON)
        })
}

/// Curated alias forms of up to three words, opening with a capital, not
/// overlapping an existing mention except shorter ones inside them: the
/// alias table knows them as names.
fn add_alias_mentions(
    text: &str,
    toks: &[nlp::Token],
    alias_kind: &dyn Fn(&str) -> Option<&'static str>,
    out: &mut Vec<Mention>,
) {
    // Windows move left to right and skip past each name found, so only
    // the mentions there before this pass can overlap a window, and those
    // a found name covers are dropped once at the end.
    let index = SpanIndex::new(out.iter().map(|m| (m.start, m.end)));
    let mut found_spans: Vec<(usize, usize)> = Vec::new();
    let mut added: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let capital = t.text(text).chars().next().is_some_and(char::is_uppercase);
        // Free, or only shorter mentions inside it ("Agence" in "Agence
        // France-Presse"): those give way to the whole name.
        let fits = |start: usize, end: usize| {
            index
                .overlapping(start, end)
                .all(|(s, e)| start <= s && e <= end && e - s < end - start)
        };
        let found = capital
            .then(|| {
                (1..=3.min(toks.len() - i)).rev().find_map(|n| {
                    let (start, end) = (t.start, toks[i + n - 1].end);
                    if n == 1 && currency_code(text, toks, i) {
                        return None;
                    }
                    let kind = alias_kind(&text[start..end])?;
                    if n == 1 && i > 1 && after_name(text, t.start, t.text(text)) {
                        return None;
                    }
                    fits(start, end).then_some((n, start, end, kind))
                })
            })
            .flatten();
        match found {
            Some((n, start, end, kind)) => {
                found_spans.push((start, end));
                added.push(Mention {
                    text: one_line(&text[start..end]),
                    start,
                    end,
                    kind,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    if !found_spans.is_empty() {
        // Found spans are disjoint and in order: the one that could hold a
        // mention is the last starting at or before it.
        out.retain(|m| {
            let k = found_spans.partition_point(|&(s, _)| s <= m.start);
            !(k > 0 && m.end <= found_spans[k - 1].1)
        });
        out.append(&mut added);
    }
}

/// Countries and demonyms (capitalised) not inside an existing mention.
fn add_gazetteer_mentions(
    text: &str,
    toks: &[nlp::Token],
    gaz: &Gazetteer,
    out: &mut Vec<Mention>,
) {
    // A mention added here lies inside its own word, so only the mentions
    // there before can cover a later word.
    let index = SpanIndex::new(out.iter().map(|m| (m.start, m.end)));
    for (i, t) in toks.iter().enumerate() {
        let word = t.text(text);
        let head = word.split_once('-').map_or(word, |(h, _)| h);
        if !head.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let covered = index.overlaps(t.start, t.start + 1);
        if covered || currency_code(text, toks, i) {
            continue;
        }
        let kinds = gaz.kinds(head);
        if kinds.contains(&Kind::Demonym) || kinds.contains(&Kind::Country) {
            // Skip the first word of a longer capitalised name ("Iraqi Airways").
            let next_cap = toks
                .get(i + 1)
                .is_some_and(|n| n.text(text).chars().next().is_some_and(char::is_uppercase));
            if next_cap && head == word && kinds.contains(&Kind::Demonym) {
                continue;
            }
            out.push(Mention {
                text: head.to_string(),
                start: t.start,
                end: t.start + head.len(),
                kind: "LOC",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::could_be_a_name;
    #[test]
    fn spans_that_cannot_be_names() {
        for (span, name) in [
            ("Marsh & McLennan", true),
            ("eBay", true),
            ("cesar gaviria", true),
            ("napster.com", true),
            ("9/11", true),
            ("Ngũgĩ", true),
            ("sales", false),
            ("mother-in-law", false),
            ("de", false),
            ("भी", false),
            ("متاسفانه", false),
            ("1,011.15.", false),
            ("'", false),
            ("&", false),
        ] {
            assert_eq!(could_be_a_name(span), name, "{span}");
        }
    }

    /// A wire story's last sentence runs on into the sign-off (one line
    /// break, no stop): its names stay, the sign-off is no name.
    #[test]
    fn names_before_a_sign_off_stay() {
        let e = crate::stages::entities::tests::run(
            "Harlow Grain Co said it will sell bonds.\n    It said the offering will be led by Ferris, Beck and Co, Portland, Ore.\n Reuter\n",
        );
        let names: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
        assert!(names.contains(&"Portland"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Reuter")), "{names:?}");
    }
}
