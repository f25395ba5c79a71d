//! The quotes stage: direct quotations, including multi-paragraph ones
//! (a paragraph left open and the next one reopened, as wires write them;
//! a straight mark opening a sentence inside an open quote reopens it, a
//! paragraph break lost in flattened copy) and quotes that open a
//! paragraph with the speaker named after.
//!
//! Attribution (`attribution.rs`), in order:
//! - a verb of saying or "according to" after the quote when the sentence
//!   runs on ('…," said X') and no conjunction opens another clause there
//!   ('…," while Y noted his "…"', whose window before then starts after
//!   the conjunction), else before it in its sentence, else in the
//!   paragraph before when the quote opens its paragraph ("X said:"); a
//!   participle opening the clause ("Asked about …, X told") is skipped;
//!   "say" counts after an auxiliary ("he will say") or a comma (", say
//!   the Tories."), and "issued a
//!   statement" (or released, published) as a verb; in an interview's
//!   turn ("((Name)) …"), "I said" is the turn's speaker and "you said"
//!   the next other turn's;
//! - in that window the person nearest the verb that is not spoken to or an
//!   affiliation ("told ABC News", "Jane Doe of Acme University said";
//!   before the quote the name nearest before the verb, or the one it is
//!   "of"), else such an organisation (a statement; before the quote only
//!   one before the verb, its subject; a platform before "account" does
//!   not speak). A pronoun right before the verb is the subject and no
//!   name in the window speaks: "he"/"she" is the first person of the
//!   sentence of the last person of that gender named before (unknown
//!   agrees with both; see `nlp::gender`), going back past a sentence that
//!   itself opens with "He"/"She"; when no one fits, the person it would
//!   stand for whatever the sex, if only a first name's census sex
//!   disagrees ("Tama Umaga"); "it" the organisation last named right
//!   before a verb of saying, or described there ("The company said");
//! - a description for a speaker ("the Tory leader said", or after an
//!   opening verb: '…," said the firm.') is the last person titled with
//!   all its words ("Tory leader Michael Howard"), "the company"/"the
//!   ministry" the last such organisation, and a one-person description
//!   no one is titled with ("said the 24-year-old") the subject of the
//!   last person's sentence, as for a pronoun (not a role news leaves
//!   unnamed, "the official said"; a name the tagger missed after an
//!   opening verb, '…," said archivist Jody Norman', is the speaker's
//!   text; not an office a person
//!   holds with another domain: "the local health minister" after "Civil
//!   Aviation Minister X" is no one named);
//! - a quote with no verb of saying after a person's label and a colon
//!   takes that person ("- Blackburn boss Mark Hughes: "…""), and so does
//!   one after a colon ending a sentence that person is the subject of
//!   ("Chakrapani proposed: "…"");
//! - a quote with none of that inside its paragraph takes the person the
//!   sentence before (`previous.rs`) names as the subject of a verb of
//!   saying ('Mr Herren said the plan was "bold". "We plan …"'; a short
//!   quoted term there is no quotation of its own, and a name inside it
//!   does not speak; after one, '…," explains X' is X; a ", he claimed"
//!   there is the voice of the quote before, or of a newer subject, of
//!   that gender);
//! - a quote still with none that speaks in the first person, in a
//!   sentence a person's name opens, is that person's ("Lisa Mancini has
//!   been cosplaying …, her hobby "stemmed through my love for …""), and
//!   so is one in the first person singular opening the sentence after
//!   one a person's name opens;
//! - a quote still with none right after another, in the same paragraph,
//!   or opening the paragraph after the one its attribution ended,
//!   continues its voice, unless another person became the subject of a
//!   clause between them, whose quote it then is (`voice.rs`); one that
//!   still has none, and opens its paragraph, takes the sentence before as
//!   above; a subject-less verb ('…" And continued: "…') has no speaker
//!   of its own;
//! - last, a quote in the lead whose speaker the lead only describes ("…,
//!   a leading industry figure has said") takes the person the next
//!   paragraph opens with, if that person says something there
//!   (`lead.rs`).
//!
//! Unattributed quotes keep a null speaker (and the phrase, if any, in
//! `speaker_text`).

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located, Span};
use crate::nlp::gender::{person_gender, GenderBasis};
use crate::stages::{Annotations, Stage, StageError};

mod antecedents;
mod attribution;
mod candidates;
mod clauses;
mod labels;
mod lead;
mod lexicon;
mod organisations;
mod previous;
mod sentences;
mod spans;
mod spokespeople;
mod voice;

use antecedents::resolve_description;
use attribution::attribute;
use previous::{attribute_previous_sentence, attribute_subject_before, attribute_two_sentences_back};
use labels::{attribute_colon_sentence, attribute_label, attribute_sentence_subject};
use lexicon::SpeakerRef;

/// Options of the `quotes` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Quoted spans with fewer words are terms or scare quotes, not
    /// quotations, unless a line of speech with its verb right after
    /// ('"It's nothing serious," said his coach'; `spans::short_but_spoken`).
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
    /// Which rule found the speaker (`Basis`); none when no speaker was
    /// found. Not in the record: `eval quotes` reports the precision of
    /// each rule (on unread text they differ too little to filter by).
    pub basis: Option<Basis>,
}

/// Which rule found a quote's speaker, in the order of the module note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A verb of saying or "according to" in the quote's own sentence, or
    /// in the paragraph before a quote that opens its paragraph.
    Verb,
    /// A speaker's label before a colon ("- Blackburn boss Mark Hughes:").
    Label,
    /// A colon ending a sentence the speaker is the subject of.
    Colon,
    /// The subject of a verb of saying in the sentence before.
    PreviousSentence,
    /// A first-person quote in a sentence the speaker's name opens, or
    /// opening the sentence after one it opens.
    SentenceSubject,
    /// The voice of the quote before, continued.
    Continued,
    /// A person who became the subject of a clause since the quote before
    /// (`voice.rs`).
    NewSubject,
    /// The person the paragraph after the lead opens with, for a quote in
    /// the lead whose speaker is only described there (`lead.rs`).
    AfterLead,
}

impl Basis {
    /// The name `eval quotes` prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Verb => "verb",
            Basis::Label => "label",
            Basis::Colon => "colon",
            Basis::PreviousSentence => "previous_sentence",
            Basis::SentenceSubject => "sentence_subject",
            Basis::Continued => "continued",
            Basis::NewSubject => "new_subject",
            Basis::AfterLead => "after_lead",
        }
    }
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

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn version(&self) -> &'static str {
        "1.51.0"
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
        // The body's paragraphs (no key points), for the lead.
        let body: Vec<Span> = out
            .structure
            .as_ref()
            .map(|s| s.paragraphs.iter().take(2).map(Located::span).collect())
            .unwrap_or_default();
        let text = &article.text;
        let spans = spans::quote_spans(text, &paragraphs);
        // Whether bytes start..end lie inside a quotation (`spans` are in
        // text order and do not overlap).
        let in_quote = |start: usize, end: usize| {
            let i = spans.partition_point(|q| q.3 <= start);
            spans.get(i).is_some_and(|q| q.0 <= start && end <= q.3)
        };
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
                let gender_prior = gender.is_some_and(|(_, b)| b == GenderBasis::FirstName);
                let gender = gender.map(|(g, _)| g);
                e.mentions.iter().map(move |m| SpeakerRef {
                    start: m.start,
                    end: m.end,
                    id: e.id.clone(),
                    name: e.name.clone(),
                    is_person,
                    gender,
                    gender_prior,
                    in_quote: in_quote(m.start, m.end),
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
        let mut quotes: Vec<Quote> = Vec::new();
        let mut prev_close: Option<usize> = None;
        for q in spans.iter().copied() {
            if text[q.1..q.2].split_whitespace().count() < self.config.min_words
                && !spans::short_but_spoken(text, q)
            {
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
            let mut basis = Basis::Verb;
            let opens = q.0 <= paragraph.start + 1;
            // A quotation that follows another with only a few words between
            // ('," Pompeo said. "...', or the next paragraph), or that opens
            // the paragraph right after the other's, continues it.
            // ... or that shares its paragraph: a paragraph quotes one voice.
            // `wire`: the attribution between may also be wrapped over
            // lines, long or hold an abbreviation (`wire_clause`); such a
            // quote continues the voice only if it has no verb of its own
            // ('"…," said Bank of Tokyo's Kimura' with Kimura unknown is
            // not the quote before's).
            let follows_if = |wire: bool| {
                prev_close.is_some_and(|c| {
                    c <= q.0
                        && (text[c..q.0].split_whitespace().count() <= 6
                            || c > paragraph.start
                            || (paragraph.start >= c
                                && (text[c..paragraph.start].split_whitespace().count() <= 6
                                    || (opens && {
                                        let between = &text[c..paragraph.start];
                                        if wire {
                                            let one_paragraph = !voice::paragraph_starts_between(
                                                &paragraphs,
                                                c,
                                                paragraph.start,
                                            );
                                            voice::wire_clause(between, one_paragraph)
                                        } else {
                                            voice::one_clause(between)
                                        }
                                    }))))
                })
            };
            let strict_follows = follows_if(false);
            let follows = strict_follows || verb.is_none() && follows_if(true);
            // No attribution of its own: the person the sentence before
            // names as the subject of a verb of saying ('Jane Doe said the
            // plan was a "mess". "…"'). Inside its paragraph that comes
            // before another quote's voice; a quote opening its paragraph
            // continues the quote before it, if there is one, instead.
            let unattributed = speaker.is_none() && speaker_text.is_none() && verb.is_none();
            if unattributed {
                (speaker, speaker_text, verb) = attribute_label(text, q.0, &speakers);
                basis = Basis::Label;
            }
            if unattributed && speaker.is_none() {
                (speaker, speaker_text, verb) = attribute_colon_sentence(text, q.0, &speakers);
                basis = Basis::Colon;
            }
            let unattributed = unattributed && speaker.is_none();
            if unattributed && (!opens || !follows) {
                (speaker, speaker_text, verb) =
                    attribute_previous_sentence(
                        text,
                        q,
                        &speakers,
                        self.config.min_words,
                        &paragraphs,
                        quotes
                            .last()
                            .and_then(|p| p.speaker.as_deref())
                            .zip(prev_close),
                    );
                basis = Basis::PreviousSentence;
            }
            if unattributed && speaker.is_none() && speaker_text.is_none() {
                (speaker, speaker_text, verb) = attribute_sentence_subject(text, q, &speakers);
                basis = Basis::SentenceSubject;
            }
            if unattributed && (!opens || !follows) && speaker.is_none() && speaker_text.is_none() {
                let found = attribute_two_sentences_back(
                    text,
                    q,
                    &speakers,
                    self.config.min_words,
                    &paragraphs,
                );
                if found.0.is_some() || found.1.is_some() {
                    (speaker, speaker_text, verb) = found;
                    basis = Basis::PreviousSentence;
                }
            }
            if unattributed && (!opens || !follows) && speaker.is_none() && speaker_text.is_none() {
                let found = attribute_subject_before(text, q, &speakers, &paragraphs);
                if found.0.is_some() {
                    (speaker, speaker_text, verb) = found;
                    basis = Basis::SentenceSubject;
                }
            }
            // "It also", "The mayor then": the phrase without its adverbs;
            // "and" alone names no one, so '…" And continued: "…' goes on
            // in the voice before.
            if speaker.is_none() {
                speaker_text = speaker_text.and_then(|t| lexicon::clean_speaker_phrase(&t));
            }
            if speaker.is_none() && speaker_text.is_none() && follows {
                if let Some(p) = quotes.last() {
                    // (Only a named voice gives way: an unknown one, as in
                    // an interview whose speaker is never named, is no
                    // reason to give the quote to the person talked of.)
                    let from = prev_close.unwrap_or(q.0);
                    // (Nor a quote with a verb of its own whose subject
                    // is unknown: '…," added the spokesman.')
                    let turned = p
                        .speaker
                        .as_deref()
                        .filter(|_| verb.is_none())
                        .and_then(|voice| voice::new_subject(text, from, q.0, &speakers, voice));
                    if let Some(s) = turned {
                        (speaker, speaker_text, verb) =
                            (Some(s.id.clone()), Some(s.name.clone()), None);
                        basis = Basis::NewSubject;
                    } else {
                        (speaker, speaker_text, verb) =
                            (p.speaker.clone(), p.speaker_text.clone(), p.verb.clone());
                        basis = Basis::Continued;
                    }
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
            if let (None, [lead, next, ..]) = (&speaker, body.as_slice()) {
                if let Some(s) = lead::named_after_lead(
                    text,
                    q.0,
                    *lead,
                    *next,
                    speaker_text.as_deref(),
                    &speakers,
                ) {
                    (speaker, speaker_text) = (Some(s.id.clone()), Some(s.name.clone()));
                    basis = Basis::AfterLead;
                }
            }
            let content = text[q.1..q.2].replace(['"', '“'], "").trim().to_string();
            quotes.push(Quote {
                text: content,
                start: q.1,
                end: q.2,
                basis: (speaker.is_some() || speaker_text.is_some()).then_some(basis),
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
mod credit_tests;
#[cfg(test)]
mod neighbour_tests;
#[cfg(test)]
mod pronoun_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod window_tests;
#[cfg(test)]
mod wire_tests;
