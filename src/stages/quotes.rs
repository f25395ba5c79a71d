//! The quotes stage: direct quotations, including multi-paragraph ones
//! (a paragraph left open and the next one reopened, as wires write them)
//! and quotes that open a paragraph with the speaker named after. Each is
//! attributed through a verb of saying or "according to", looked for after
//! the quote, before it in its sentence, then in the paragraph before when
//! the quote opens its paragraph. The speaker is the person nearest the verb
//! that is not spoken to or an affiliation ("told ABC News", "Jane Doe of
//! Acme University said"), else such an organisation (a statement), else
//! through "he"/"she" the last person named before the quote whose gender
//! agrees (unknown agrees with both; see `nlp::gender`). Before the quote
//! the speaker is the name nearest before the verb, or the one that name is
//! "of" ("Jane Doe of Acme Corp said"); after it the one nearest the verb;
//! the text after a quote counts only when the
//! sentence runs on ('…," said X'), not after a closing full stop. A quote
//! with no attribution right after another, or in the same paragraph,
//! continues it. Unattributed quotes keep a null speaker.

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located, Span};
use crate::nlp::gender::{person_gender, Gender};
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `quotes` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Quoted spans with fewer words are terms or scare quotes, not quotations.
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

fn default_min_words() -> usize {
    4
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_words: default_min_words(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quotation without its marks (paragraph breaks kept as "\n\n").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Entity id (see `entities`) or null.
    pub speaker: Option<String>,
    /// The speaker as written ("Abdul Mahdi", "the resolution"), if found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
}

pub struct QuotesStage {
    config: Config,
}

impl QuotesStage {
    pub fn build(config: Config) -> Self {
        crate::nlp::gender::FirstNames::embedded(); // load now, not on the first article
        QuotesStage { config }
    }
}

/// Verbs (and "according") that attribute speech, in the forms news uses.
const VERBS: &[&str] = &[
    "said",
    "says",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "states",
    "declared",
    "asked",
    "asks",
    "wrote",
    "writes",
    "writing",
    "read",
    "reads",
    "explained",
    "explains",
    "warned",
    "warns",
    "insisted",
    "noted",
    "notes",
    "noting",
    "argued",
    "argues",
    "announced",
    "according",
    "recalled",
    "recalls",
    "replied",
    "stressed",
    "observed",
    "commented",
    "remarked",
    "tweeted",
    "posted",
    "spoke",
    "continued",
    "concluded",
    "shared",
    "described",
    "admitted",
    "acknowledged",
    "confirmed",
    "claimed",
    "suggested",
    "urged",
    "responded",
    "testified",
    "reflected",
    "predicted",
    "vowed",
    "promised",
    "joked",
    "conceded",
    "complained",
    "lamented",
    "praised",
    "criticized",
    "criticised",
    "emphasized",
    "emphasised",
    "revealed",
    "affirmed",
    "denied",
    "demanded",
    "called",
    "calling",
    "marveled",
    "marvelled",
    "cited",
    "citing",
    "thinking",
];

/// Words after which a name is the one spoken to ("told ABC News") or an
/// affiliation ("Jane Doe of Acme University said"), not the speaker.
const NOT_SPEAKER_AFTER: &[&str] = &[
    "told", "tells", "telling", "tell", "to", "of", "at", "from", "for", "with", "by", "on", "in",
    "via",
];

/// (open mark, content start, content end, close mark end) per quotation.
fn quote_spans(text: &str, paragraphs: &[Span]) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, content start)
    for p in paragraphs {
        let para = &text[p.start..p.end];
        let mut first_mark = true;
        for (off, c) in para.char_indices() {
            let at = p.start + off;
            let len = c.len_utf8();
            let is_open = c == '“' || (c == '"' && open.is_none());
            let is_close = c == '”' || (c == '"' && open.is_some());
            if first_mark && off == 0 && (c == '"' || c == '“') && open.is_some() {
                // A paragraph reopening a quote left open: the quote continues.
                first_mark = false;
                continue;
            }
            first_mark = false;
            if is_close {
                if let Some((m, s)) = open.take() {
                    out.push((m, s, at, at + len));
                }
            } else if is_open {
                open = Some((at, at + len));
            }
        }
        // A quote still open at the end of a paragraph carries on only if
        // the next paragraph opens with a quote mark.
        if let Some((_, _)) = open {
            let next_opens = paragraphs
                .iter()
                .find(|q| q.start >= p.end)
                .is_some_and(|q| text[q.start..].starts_with(['"', '“']));
            if !next_opens {
                open = None;
            }
        }
    }
    out
}

/// An entity mention usable as a speaker.
struct SpeakerRef {
    start: usize,
    end: usize,
    id: String,
    name: String,
    is_person: bool,
    gender: Option<Gender>,
}

/// The word before byte `at` in `text`, lower-cased, skipping "the".
fn word_before(text: &str, at: usize) -> String {
    let mut words = text[..at]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .rev();
    let mut w = words.next().unwrap_or("").to_lowercase();
    if w == "the" {
        w = words.next().unwrap_or("").to_lowercase();
    }
    w
}

type Attribution = (Option<String>, Option<String>, Option<String>);

/// The speaker of one window of text that holds a verb of saying at
/// `vpos` (relative to `a`): the person nearest the verb that is not an
/// addressee or an affiliation, else such an organisation (a statement),
/// else a pronoun's person.
fn speaker_in(
    text: &str,
    a: usize,
    b: usize,
    mark: usize,
    vpos: usize,
    verb: &str,
    speakers: &[SpeakerRef],
) -> Option<Attribution> {
    let at_verb = (a + vpos) as i64;
    let found = |s: &SpeakerRef| {
        (
            Some(s.id.clone()),
            Some(text[s.start..s.end].to_string()),
            Some(verb.to_string()),
        )
    };
    // Before the quote ("X of Y said about Z: "), the subject is in the
    // clause: it starts after the last ';' or ':' before the verb.
    let subject_first = b == mark;
    let clause_start = if subject_first {
        text[a..a + vpos].rfind([';', ':']).map_or(a, |i| a + i + 1)
    } else {
        a
    };
    let free: Vec<&SpeakerRef> = speakers
        .iter()
        .filter(|s| s.start >= clause_start && s.end <= b)
        .filter(|s| {
            !NOT_SPEAKER_AFTER.contains(&word_before(text, s.start).as_str()) || verb == "according"
        })
        // "Dunn's mother said": a possessor is not the speaker.
        .filter(|s| !text[s.end..].starts_with(['\'', '’']))
        .collect();
    let nearest = |pool: &[&SpeakerRef], person: bool| {
        let of_kind: Vec<&SpeakerRef> = pool
            .iter()
            .copied()
            .filter(|s| s.is_person == person)
            .collect();
        if subject_first {
            // The name nearest before the verb, or the one it is "of" or
            // "at" ("Peter Doe of Ending Abuse Now said").
            let before: Vec<&SpeakerRef> = of_kind
                .iter()
                .copied()
                .filter(|s| (s.end as i64) <= at_verb)
                .collect();
            if let Some(mut pick) = before.iter().copied().max_by_key(|s| s.end) {
                while let Some(e) = before
                    .iter()
                    .copied()
                    .filter(|e| e.end <= pick.start)
                    .max_by_key(|e| e.end)
                {
                    let between = &text[e.end..pick.start];
                    if (between.contains(" of ") || between.contains(" at "))
                        && between.split_whitespace().count() <= 12
                    {
                        pick = e;
                    } else {
                        break;
                    }
                }
                return Some(found(pick));
            }
        }
        of_kind
            .iter()
            .min_by_key(|s| {
                (s.start as i64 - at_verb)
                    .abs()
                    .min((s.end as i64 - at_verb).abs())
            })
            .map(|s| found(s))
    };
    if let Some(f) = nearest(&free, true).or_else(|| nearest(&free, false)) {
        return Some(f);
    }
    // A pronoun: the last person named before the quote whose gender agrees.
    let lower = text[a..b].to_lowercase();
    let pron = ["he", "she"]
        .iter()
        .filter_map(|p| find_word(&lower, p).map(|at| (at, *p)))
        .min_by_key(|(at, _)| (*at as i64 - vpos as i64).abs())
        .and_then(|(_, p)| Gender::of_pronoun(p));
    if let Some(g) = pron {
        if let Some(s) = speakers
            .iter()
            .filter(|s| s.is_person && s.end <= mark.max(a) && s.gender.is_none_or(|x| x == g))
            .max_by_key(|s| s.end)
        {
            return Some((
                Some(s.id.clone()),
                Some(s.name.clone()),
                Some(verb.to_string()),
            ));
        }
    }
    None
}

fn attribute(
    text: &str,
    q: (usize, usize, usize, usize),
    paragraph: Span,
    speakers: &[SpeakerRef],
) -> Attribution {
    let (mark, _, _, close) = q;
    // The rest of the sentence after the quote, and the start of the sentence before it.
    // The paragraph the quote closes in (a quote may run over paragraphs).
    let para_end = text[close..].find('\n').map_or(text.len(), |i| close + i);
    let after_end = text[close..para_end]
        .find(". ")
        .map_or(para_end, |i| close + i + 1);
    let before_start = text[..mark].rfind(['\n', '.']).map_or(0, |i| i + 1);
    // The paragraph before, when this one opens with the quote ("X said:").
    let prev_para = (before_start == paragraph.start && mark <= paragraph.start + 1)
        .then(|| {
            let end = text[..paragraph.start].trim_end().len();
            let start = text[..end].rfind(['\n', '.']).map_or(0, |i| i + 1);
            (start, end)
        })
        .filter(|(s, e)| s < e);
    // After the quote only when the sentence runs on: '…," said X' or
    // '…" tweeted X', not '…." X said, "…' (X speaks the next quote).
    let content = text[q.1..q.2].trim_end();
    let runs_on = content.ends_with([',', '—', '-'])
        || text[close..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c == ',' || c.is_lowercase());
    let mut windows = Vec::new();
    if runs_on {
        windows.push((close, after_end));
    }
    windows.push((before_start, mark));
    windows.extend(prev_para);
    let mut fallback: Attribution = (None, None, None);
    for (a, b) in windows {
        let window = &text[a..b];
        let lower = window.to_lowercase();
        let Some((vpos, verb)) = VERBS
            .iter()
            .filter_map(|v| find_word(&lower, v).map(|p| (p, *v)))
            .min_by_key(|(p, _)| *p)
        else {
            continue;
        };
        if let Some(found) = speaker_in(text, a, b, mark, vpos, verb, speakers) {
            return found;
        }
        // A non-entity speaker ("the resolution read").
        let subject = if vpos > 0 {
            window[..vpos]
                .trim_matches(|c: char| c == ',' || c == '"' || c == '”' || c.is_whitespace())
        } else {
            ""
        };
        if fallback.2.is_none() {
            let subject = (!subject.is_empty() && subject.split_whitespace().count() <= 6)
                .then(|| subject.to_string());
            fallback = (None, subject, Some(verb.to_string()));
        }
    }
    fallback
}

fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let at = from + i;
        let before = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn version(&self) -> &'static str {
        "1.1.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let paragraphs: Vec<Span> = match &out.structure {
            Some(s) => s
                .paragraphs
                .iter()
                .chain(&s.key_points)
                .map(Located::span)
                .collect::<Vec<_>>(),
            None => {
                let mut v = Vec::new();
                let mut start = 0;
                for part in article.text.split("\n\n") {
                    v.push(Span::new(start, start + part.len()));
                    start += part.len() + 2;
                }
                v
            }
        };
        let mut paragraphs = paragraphs;
        paragraphs.sort_by_key(|p| p.start);
        let speakers: Vec<SpeakerRef> = out
            .entities
            .iter()
            .flat_map(|e| &e.entities)
            .filter(|e| e.kind == "PER" || e.kind == "ORG")
            .flat_map(|e| {
                let is_person = e.kind == "PER";
                let starts: Vec<usize> = e.mentions.iter().map(|m| m.start).collect();
                let gender = is_person
                    .then(|| person_gender(&article.text, &e.name, &starts))
                    .flatten();
                e.mentions.iter().map(move |m| SpeakerRef {
                    start: m.start,
                    end: m.end,
                    id: e.id.clone(),
                    name: e.name.clone(),
                    is_person,
                    gender,
                })
            })
            .collect();
        let text = &article.text;
        let mut quotes: Vec<Quote> = Vec::new();
        let mut prev_close: Option<usize> = None;
        for q in quote_spans(text, &paragraphs) {
            if text[q.1..q.2].split_whitespace().count() < self.config.min_words {
                continue;
            }
            let paragraph = paragraphs
                .iter()
                .find(|p| p.start <= q.0 && q.0 < p.end.max(p.start + 1))
                .copied()
                .unwrap_or(Span::new(q.0, q.3));
            let (mut speaker, mut speaker_text, mut verb) =
                attribute(text, q, paragraph, &speakers);
            // A quotation that follows another with only a few words between
            // ('," Pompeo said. "...', or the next paragraph), or that opens
            // the paragraph right after the other's, continues it.
            // ... or that shares its paragraph: a paragraph quotes one voice.
            let follows = prev_close.is_some_and(|c| {
                c <= q.0
                    && (text[c..q.0].split_whitespace().count() <= 6
                        || c > paragraph.start
                        || (paragraph.start >= c
                            && text[c..paragraph.start].split_whitespace().count() <= 6))
            });
            if speaker.is_none() && speaker_text.is_none() && follows {
                if let Some(p) = quotes.last() {
                    (speaker, speaker_text, verb) =
                        (p.speaker.clone(), p.speaker_text.clone(), p.verb.clone());
                }
            }
            let content = text[q.1..q.2].replace(['"', '“'], "").trim().to_string();
            quotes.push(Quote {
                text: content,
                start: q.1,
                end: q.2,
                speaker,
                speaker_text,
                verb,
            });
            prev_close = Some(q.3);
        }
        out.quotes = Some(quotes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::entities::{Config as EntCfg, EntitiesStage};
    use crate::stages::structure::StructureStage;

    fn run(text: &str) -> Vec<Quote> {
        let mut out = Annotations::default();
        let doc = Article::from_text(text);
        StructureStage::default().run(&doc, &mut out).unwrap();
        EntitiesStage::build(EntCfg::default())
            .unwrap()
            .run(&doc, &mut out)
            .unwrap();
        QuotesStage::build(Config::default())
            .run(&doc, &mut out)
            .unwrap();
        out.quotes.unwrap()
    }

    fn speaker_name(doc_quotes: &[Quote], i: usize) -> Option<&str> {
        doc_quotes[i].speaker_text.as_deref()
    }

    #[test]
    fn attribution_patterns() {
        let q = run("Port talks stall\n\n\
            \"Every day of disruption costs our customers dearly,\" said Jonas Vik, the port's chief executive.\n\n\
            Union leader Mara Lind spoke on Monday. \"We will not go back until the offer is fair,\" Lind told reporters.\n\n\
            \"The dispute must end soon for everyone's sake,\" the ministry statement read.\n\n\
            \"This is only the first week of it.\n\n\
            \"We are ready for a long strike,\" she said.\n\n\
            Workers carried \"fair pay\" banners.");
        assert_eq!(q.len(), 4, "{q:#?}");
        assert_eq!(speaker_name(&q, 0), Some("Jonas Vik"));
        assert_eq!(speaker_name(&q, 1), Some("Lind"));
        assert!(q[1].speaker.is_some());
        assert_eq!(q[2].speaker, None);
        assert_eq!(q[2].speaker_text.as_deref(), Some("the ministry statement"));
        assert!(
            q[3].text.contains("first week of it.\n\nWe are ready"),
            "multi-paragraph: {:?}",
            q[3].text
        );
        assert_eq!(
            q[3].speaker_text.as_deref(),
            Some("Mara Lind"),
            "pronoun to last person"
        );
    }

    fn check_pronoun(text: &str, expect: Option<&str>) {
        let q = run(text);
        assert_eq!(
            q.last().and_then(|q| q.speaker_text.as_deref()),
            expect,
            "{q:#?}"
        );
    }

    #[test]
    fn pronouns_agree_in_gender() {
        // "she" skips the man named last; "he" skips the woman.
        check_pronoun(
            "Ferry strike spreads\n\nUnion leader Mara Lind met Transport Minister Oscar Brandt on Monday.\n\n\
             \"We will not go back until the offer is fair,\" she said.",
            Some("Mara Lind"),
        );
        check_pronoun(
            "Ferry strike spreads\n\nTransport Minister Oscar Brandt met union leader Mara Lind on Monday.\n\n\
             \"The offer on the table is the final one,\" he said.",
            Some("Oscar Brandt"),
        );
        // Honorifics decide when there is no first name.
        check_pronoun(
            "Ferry strike spreads\n\nMs. Okafor met Mr. Brandt on Monday.\n\n\
             \"We need a deal before the holidays,\" she said.",
            Some("Okafor"),
        );
    }
}
