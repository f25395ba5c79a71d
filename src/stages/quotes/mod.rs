//! The quotes stage: direct quotations, including multi-paragraph ones
//! (a paragraph left open and the next one reopened, as wires write them;
//! a straight mark opening a sentence inside an open quote reopens it, a
//! paragraph break lost in flattened copy) and quotes that open a
//! paragraph with the speaker named after.
//!
//! Attribution (`attribution.rs`), in order:
//! - a verb of saying or "according to" after the quote when the sentence
//!   runs on ('…," said X'), else before it in its sentence, else in the
//!   paragraph before when the quote opens its paragraph ("X said:"); a
//!   participle opening the clause ("Asked about …, X told") is skipped;
//!   "say" counts after an auxiliary ("he will say");
//! - in that window the person nearest the verb that is not spoken to or an
//!   affiliation ("told ABC News", "Jane Doe of Acme University said";
//!   before the quote the name nearest before the verb, or the one it is
//!   "of"), else such an organisation (a statement; before the quote only
//!   one before the verb, its subject). A pronoun right before the verb is
//!   the subject and no name in the window speaks: "he"/"she" is the first
//!   person of the sentence of the last person of that gender named before
//!   (unknown agrees with both; see `nlp::gender`), "it" the organisation
//!   last named right before a verb of saying;
//! - a description for a speaker ("the Tory leader said") is the last
//!   person titled with all its words ("Tory leader Michael Howard"), and
//!   "the company"/"the ministry" the last such organisation;
//! - a quote with none of that right after another, in the same paragraph,
//!   or opening the paragraph after the one its attribution ended,
//!   continues its voice; one that still has none takes the person the
//!   sentence before names as the subject of a verb of saying ("Mr Herren
//!   says …. "We plan …"").
//!
//! Unattributed quotes keep a null speaker (and the phrase, if any, in
//! `speaker_text`).

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located, Span};
use crate::nlp::gender::person_gender;
use crate::stages::{Annotations, Stage, StageError};

mod antecedents;
mod attribution;
mod lexicon;

use antecedents::resolve_description;
use attribution::{attribute, attribute_previous_sentence};
use lexicon::SpeakerRef;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quotation without its marks (paragraph breaks kept as "\n\n");
    /// not in the record, where `start`/`end` point into the text.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Entity id (see `entities`) or null.
    pub speaker: Option<String>,
    /// The speaker as written ("Abdul Mahdi", "the resolution"), if found.
    /// In the record only when the speaker is no entity ("the ministry
    /// statement"): an entity's name is in `entities`.
    pub speaker_text: Option<String>,
    pub verb: Option<String>,
}

/// In the record: `start`, `end`, `speaker`, `verb`, and `speaker_text`
/// only when the speaker is no entity.
impl Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &self.start)?;
        m.serialize_entry("end", &self.end)?;
        m.serialize_entry("speaker", &self.speaker)?;
        if self.speaker.is_none() {
            if let Some(t) = &self.speaker_text {
                m.serialize_entry("speaker_text", t)?;
            }
        }
        if let Some(v) = &self.verb {
            m.serialize_entry("verb", v)?;
        }
        m.end()
    }
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
            // A straight mark opening a sentence inside an open quote
            // reopens it: a paragraph break lost in transit ('… the break.
            // "It gives players …', as flattened copy reads). A closing mark
            // follows the words it closes.
            if c == '"' && open.is_some() && reopens(para, off) {
                continue;
            }
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
            // (Paragraphs are in text order: the first that starts at or
            // after this one's end, by bisection.)
            let next_opens = paragraphs[paragraphs.partition_point(|q| q.start < p.end)..]
                .first()
                .is_some_and(|q| text[q.start..].starts_with(['"', '“']));
            if !next_opens {
                open = None;
            }
        }
    }
    out
}

/// Whether the straight quote mark at byte `at` of `para` opens a new
/// sentence: after a sentence's end and a space, right before a letter or
/// digit ('… break. "It'), not a term quoted inside the quote ('The
/// "United States" is').
fn reopens(para: &str, at: usize) -> bool {
    let before = &para[..at];
    let after = para[at + 1..].chars().next();
    before.ends_with(char::is_whitespace)
        && before.trim_end().ends_with(['.', '?', '!'])
        && after.is_some_and(char::is_alphanumeric)
}

/// Whether `between`, the text from one quote's closing mark to the start
/// of the paragraph that opens with the next quote, is only the first
/// quote's attribution (", eBay's David Stern told the BBC News website."):
/// one sentence of at most 20 words. The next quote then continues the
/// voice ("a quote in a paragraph whose speaker was named in the paragraph
/// before").
fn one_clause(between: &str) -> bool {
    let t = between.trim().trim_end_matches(['.', '!', '?']);
    t.split_whitespace().count() <= 20 && !t.contains(['.', '!', '?', '\n', '"', '“', '”'])
}

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn version(&self) -> &'static str {
        "1.9.0"
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
        // In text order, so a window's names are found by bisection.
        let mut speakers = speakers;
        speakers.sort_by_key(|s| (s.start, s.end));
        // The furthest paragraph end (at least start + 1) up to each
        // paragraph: a quote's paragraph is the first one that reaches past
        // it among those starting at or before it, found by bisection.
        let reach: Vec<usize> = paragraphs
            .iter()
            .scan(0, |r, p| {
                *r = p.end.max(p.start + 1).max(*r);
                Some(*r)
            })
            .collect();
        let text = &article.text;
        let mut quotes: Vec<Quote> = Vec::new();
        let mut prev_close: Option<usize> = None;
        for q in quote_spans(text, &paragraphs) {
            if text[q.1..q.2].split_whitespace().count() < self.config.min_words {
                continue;
            }
            let starting = paragraphs.partition_point(|p| p.start <= q.0);
            let first = reach.partition_point(|&r| r <= q.0);
            let paragraph = if first < starting {
                paragraphs[first]
            } else {
                Span::new(q.0, q.3)
            };
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
                            && (text[c..paragraph.start].split_whitespace().count() <= 6
                                || (q.0 <= paragraph.start + 1
                                    && one_clause(&text[c..paragraph.start])))))
            });
            if speaker.is_none() && speaker_text.is_none() && follows {
                if let Some(p) = quotes.last() {
                    (speaker, speaker_text, verb) =
                        (p.speaker.clone(), p.speaker_text.clone(), p.verb.clone());
                }
            }
            // A description for a speaker ("the Tory leader said"): the
            // person named earlier with that title.
            if speaker.is_none() {
                if let Some(s) = speaker_text
                    .as_deref()
                    .and_then(|d| resolve_description(text, d, q.0, &speakers))
                {
                    (speaker, speaker_text) = (Some(s.id.clone()), Some(s.name.clone()));
                }
            }
            // No attribution of its own and no quote to continue: the
            // sentence before may name the speaker.
            if speaker.is_none() && speaker_text.is_none() && verb.is_none() && !follows {
                (speaker, speaker_text, verb) = attribute_previous_sentence(text, q, &speakers);
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

    /// (text, expected speaker_text of each quote in order).
    fn check_speakers(text: &str, expect: &[Option<&str>]) {
        let q = run(text);
        let got: Vec<Option<&str>> = q.iter().map(|q| q.speaker_text.as_deref()).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn speakers_by_role() {
        // The outlet told is not the speaker.
        check_speakers(
            "Port talks stall\n\n\"We will appeal the ruling next week,\" Mara Lind told Harbour News.",
            &[Some("Mara Lind")],
        );
        // An affiliation after "of" is not the speaker; the subject is.
        check_speakers(
            "Port talks stall\n\nJonas Vik of the Nordic Shipping Council said: \"Costs are rising for every operator.\"",
            &[Some("Jonas Vik")],
        );
        // A quote closed by a full stop does not take the next sentence's
        // speaker, who speaks the next quote; the sentence before names its
        // own.
        check_speakers(
            "Port talks stall\n\nUnion leader Mara Lind spoke first. \"The port stays closed until Monday.\" \
             Oscar Brandt said, \"We expect a long strike ahead of us.\"",
            &[Some("Mara Lind"), Some("Oscar Brandt")],
        );
        check_speakers(
            "Port talks stall\n\nUnion leader Mara Lind arrived first. \"The port stays closed until Monday.\" \
             Oscar Brandt said, \"We expect a long strike ahead of us.\"",
            &[None, Some("Oscar Brandt")],
        );
    }

    #[test]
    fn speakers_from_the_sentence_or_paragraph_before() {
        // The paraphrase before a quote names its speaker.
        check_speakers(
            "Port talks stall\n\nThe port has lost two ships this month. Mara Lind says the \
             union will hold out. \"We have waited long enough for a fair offer.\"",
            &[Some("Mara Lind")],
        );
        // Through an apposition, the person it describes.
        check_speakers(
            "Port talks stall\n\nOscar Brandt, deputy head of Harbour News, said the talks \
             would resume. \"Both sides want a deal before the holidays.\"",
            &[Some("Oscar Brandt")],
        );
        // Not when a pronoun's reporting clause speaks ("…, he claimed"),
        // nor through a noun in "-ing" ("her writing").
        check_speakers(
            "Port talks stall\n\nOscar Brandt has failed the workers, he claimed. \
             \"The offer is an insult to every crew.\"",
            &[None],
        );
        check_speakers(
            "Port talks stall\n\nCritics such as Mara Lind were full of praise for her \
             writing. \"A rare and moving book about the sea.\"",
            &[None],
        );
        // A paragraph opening with a quote continues the voice of the quote
        // whose attribution ended the paragraph before.
        check_speakers(
            "Port talks stall\n\n\"We will not go back to work,\" union leader Mara Lind \
             told the regional evening news programme on Monday.\n\n\
             \"The offer does not even cover the rising cost of living.\"",
            &[Some("Mara Lind"), Some("Mara Lind")],
        );
    }

    #[test]
    fn descriptions_pronouns_and_participles() {
        // "the union leader" is the person titled so before.
        check_speakers(
            "Port talks stall\n\nUnion leader Mara Lind met Oscar Brandt on Monday. \
             \"We will not go back until the offer is fair,\" the union leader said.",
            &[Some("Mara Lind")],
        );
        // "The letter by the union leader": the one it is by.
        check_speakers(
            "Port talks stall\n\nUnion leader Mara Lind met Oscar Brandt on Monday. The letter \
             by the union leader read: \"We will not go back until the offer is fair.\"",
            &[Some("Mara Lind")],
        );
        // Not a title with a qualifier the description lacks: the
        // description stays as written, no entity.
        check_speakers(
            "Port talks stall\n\nDeputy union leader Mara Lind met Oscar Brandt on Monday. \
             \"We will not go back until the offer is fair,\" the union leader said.",
            &[Some("the union leader")],
        );
        // A pronoun right before the verb is its subject; the organisation
        // in the clause is not the speaker.
        check_speakers(
            "Port talks stall\n\nOscar Brandt met the unions on Monday. Asked whether Harbour \
             Council would pay, he said: \"The money is there for a fair deal.\"",
            &[Some("Oscar Brandt")],
        );
        // "the company said": the organisation named before.
        check_speakers(
            "Port talks stall\n\nShares in Harbour Shipping fell after the strike began. \
             \"Every day of disruption costs our customers dearly,\" the company said.",
            &[Some("Harbour Shipping")],
        );
        // A question runs on into its attribution; the pronoun's person is
        // named before the pronoun, not after it.
        check_speakers(
            "Port talks stall\n\nMara Lind spoke first. \"Who will pay the crews now?\" \
             Lind asked. Later Oscar Brandt arrived.",
            &[Some("Lind")],
        );
        check_speakers(
            "Port talks stall\n\nMara Lind spoke first. She accused Oscar Brandt of \
             \"walking away from every crew in the port\".",
            &[Some("Mara Lind")],
        );
        // "it said": the organisation that said something just before.
        check_speakers(
            "Port talks stall\n\nHarbour Council said the strike had cost millions. \
             \"Every day of disruption costs our customers dearly,\" it said.",
            &[Some("Harbour Council")],
        );
        // "will say" reports speech; "Unions say" does not pick the
        // organisation after it.
        check_speakers(
            "Port talks stall\n\nOscar Brandt will speak on Monday. He will say that Harbour \
             Council must \"pay every crew what it is owed\".",
            &[Some("Oscar Brandt")],
        );
    }

    #[test]
    fn a_sentence_opening_mark_inside_a_quote_reopens_it() {
        // Flattened copy: the paragraph break between two quoted sentences
        // is lost, the reopening mark stays.
        let q = run(
            "Port talks stall\n\nMara Lind said: \"We are ready for a long strike. \
             \"Nobody wants it, but the offer is not fair.\" The talks resume on Monday.",
        );
        assert_eq!(q.len(), 1, "{q:#?}");
        assert!(q[0].text.contains("long strike. Nobody wants it"), "{q:#?}");
        // A term quoted inside a quote does not reopen it.
        let q = run(
            "Port talks stall\n\nMara Lind said: \"The \"final\" offer is nothing of \
             the kind.\" The talks resume on Monday.",
        );
        assert!(q.iter().all(|q| !q.text.contains("talks resume")), "{q:#?}");
    }

    #[test]
    fn a_name_opening_a_paragraph_is_no_affiliation() {
        // "from" ends the paragraph before; it does not make "Harbour
        // Council" an affiliation, so the entity speaks.
        let q = run(
            "Port talks stall\n\nThe crews met in a café. It is a case to learn from.\n\n\
             Harbour Council stated, \"The Safety Board will look closely at this case.\"",
        );
        assert!(q[0].speaker.is_some(), "{q:#?}");
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
        // Of two people of that gender, the subject of their sentence.
        check_pronoun(
            "Ferry strike spreads\n\nLater Oscar Brandt met Lars Holm in Bergen. On the strike, he \
             noted \"the offer on the table is the final one\".",
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
