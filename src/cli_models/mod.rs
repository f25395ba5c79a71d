//! `newsflow train ...`, `newsflow eval ...` and `newsflow build-...`: the
//! commands that rebuild and measure the shipped models. One file per model
//! family; this one holds the command-line enums, the dispatch and the
//! helpers they share.

mod background;
mod build;
mod dedup;
mod entities_eval;
mod geo;
mod ner;
mod quotes_dates_eval;
mod tone;
mod topics;
mod topics_eval;
mod wcep_eval;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;

pub(crate) use build::{build_first_names, build_gazetteer, build_lexicon};

#[derive(Subcommand)]
pub(crate) enum Train {
    /// Train the NER tagger (averaged perceptron) on CoNLL-format files.
    #[command(
        long_about = "Train the NER tagger on CoNLL-format files (token first, tag last; IOB1 or IOB2; \
        .gz allowed) and write the model. Prints dev precision/recall/F1 after every epoch.\n\n\
        The command that built the shipped model is in models/ner.md."
    )]
    Ner(ner::TrainNer),
    /// Train the IPTC Media Topics classifier from labelled JSON lines and mapping tables.
    #[command(
        long_about = "Train the Media Topics naive Bayes model. Each --data FILE=MAPPING pair is a JSON-lines \
        file (text from title/headline/short_description/text/body; label from `category` or `categories`) and a \
        mapping table (category<TAB>qcode[,qcode]). Items held out for evaluation (a stable tenth by id) are \
        skipped. Every active level-1 and level-2 concept's name and definition is added as a document.\n\n\
        --lexicon adds word lists (one category per line: name<TAB>word<TAB>word...), mapped the same way. \
        --embeddings lets words the data lacks borrow topic counts from their nearest known words.\n\n\
        The shipped model, and where its inputs come from: see models/topics.md."
    )]
    Topics(topics::TrainTopics),
    /// Build distributional word clusters (NER features) from unlabelled text.
    #[command(
        long_about = "Cluster words by their left and right neighbours (PPMI, spherical k-means) \
        and write `word<TAB>cluster` lines. Corpora: JSON lines (every string field of 5+ words is text), \
        CoNLL files (first column) or plain text; .gz allowed. See models/ner.md for the command that \
        built the shipped file."
    )]
    Clusters {
        /// Corpus file(s); repeat the flag.
        #[arg(long, required = true, value_name = "FILE")]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "models/clusters.tsv", value_name = "FILE")]
        out: PathBuf,
        /// Number of clusters; a comma list ("64,256,1024") writes one column per granularity.
        #[arg(long, default_value = "256", value_name = "K[,K...]")]
        k: String,
        /// Only words seen this often are clustered.
        #[arg(long, default_value_t = 5)]
        min_count: u32,
        #[arg(long, default_value_t = 10)]
        iterations: usize,
    },
    /// Count background document frequencies for the keyphrases stage.
    #[command(
        long_about = "Count, for every lower-cased word a keyphrase can contain, the documents it occurs in, \
        and write `word<TAB>df` lines (df descending) after a `#documents<TAB>N` header. Corpora: JSON lines \
        (one document per line: title/headline/short_description/text/body), CoNLL-U-style files (`# text = ` \
        lines grouped by `# newdoc`) or plain text (blank-line-separated blocks); .gz allowed. \
        See models/keyphrases.md for the command that built the shipped file."
    )]
    Background {
        /// Corpus file(s); repeat the flag.
        #[arg(long, required = true, value_name = "FILE")]
        corpus: Vec<PathBuf>,
        #[arg(
            long,
            default_value = "models/keyphrase-background.tsv",
            value_name = "FILE"
        )]
        out: PathBuf,
        /// Only words in at least this many documents are written.
        #[arg(long, default_value_t = 3)]
        min_df: u32,
    },
}

#[derive(Subcommand)]
pub(crate) enum Eval {
    /// Score the NER model on a CoNLL-format file: precision, recall and F1 per type and overall
    /// (entity-level exact match, conlleval semantics).
    Ner {
        /// Labelled CoNLL file (IOB1 or IOB2, .gz allowed), e.g. ../shared/data/ner/conll2003/eng.testa.gz
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Model file (default: the model built into this binary).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Also score a plain lookup of this training file's entity strings, for comparison.
        #[arg(long, value_name = "TRAIN_FILE")]
        lookup_baseline: Option<PathBuf>,
        /// The data has no MISC class (UNER, WikiANN): MISC predictions count as O.
        #[arg(long)]
        no_misc: bool,
    },
    /// Entities over whole articles (GUM news and interviews, re3d, Wikinews; WCEP name spans): one entry per real-world
    /// entity, scored per type, with split, merged and mistyped entities.
    #[command(
        long_about = "Run structure + entities over each gold document and score the stage's entities \
        the way users see them: one entry per real-world entity with all its mentions.\n\n\
        A predicted entity belongs to the gold entity most of its mentions fall in. Per type (PER, ORG, \
        LOC): recall = gold entities found by a prediction of their type; precision = those over every \
        scored prediction of that type, so a second entry for one entity (a split) or a wrong type counts \
        against it. Also: type agreement, split and wrongly merged entities, and for GUM whether the \
        entity's name equals its gold Wikipedia title. MISC predictions are not scored.\n\n\
        GUM: a gold entity is a coreference chain of person/organization/place mentions that has a \
        Wikipedia title or a mention ending in a capitalised word (chains of one type and one title are \
        one entity); other chains of those types are neutral (predictions there are not scored). re3d: Person/Organisation/Location spans, one entity \
        per type and value; Nationality spans are neutral. Wikinews (--wikinews with --data, the repo's \
        eval/wikinews-entities-dev3.tsv over ../shared/data/wikinews/articles.jsonl.gz): named mentions \
        annotated for this project, grouped by entity; MISC lines are neutral; the \"title\" is the annotated \
        name; articles are halved by position, and --errors never prints the test half. Any such file \
        scores the same way (--spans, e.g. eval/bbc-entities.tsv over \
        ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz), its figures named after the file.\n\n\
        WCEP (--wcep, Wikipedia Current Events items, 2025-26 news): the names editors linked (every word \
        capitalised or a connector such as \"of\"), untyped and not all names, so only recall of spans: \
        exact (a mention with that span), found (any overlap), split (two or more mentions, none exact). \
        Items are halved by id: \"dev\" was read while building rules, \"test\" never.\n\n\
        Example:\n  newsflow eval entities --gum ../shared/data/ner/gum-news/gum-news-interview-tsv.tar.gz \\\n    \
        --re3d ../shared/data/ner/re3d --wcep ../shared/data/wikipedia-current-events/items.jsonl.gz \\\n    \
        --wikinews eval/wikinews-entities-dev3.tsv --data ../shared/data/wikinews/articles.jsonl.gz"
    )]
    Entities(entities_eval::EvalEntities),
    /// Quote speakers on hand-annotated articles (default eval/wikinews-quotes.tsv).
    #[command(
        long_about = "Run structure + entities + quotes over the annotated articles and check each annotated \
        quotation: found (a quote covering at least half of it), and its speaker right (the speaker entity's \
        name or an alias contains the annotated name's last word; or no speaker where the annotation has '-').\n\n\
        The annotations hold only article ids and byte offsets; the texts come from --data. The repo's sets: \
        eval/wikinews-quotes*.tsv (Wikinews), eval/bbc-quotes-{dev,test}.tsv (BBC News 2004-05) and \
        eval/reuters-quotes-{dev,test}.tsv (Reuters-21578, whose file is read as it is).\n\n\
        Example:\n  newsflow eval quotes --data ../shared/data/wikinews/articles.jsonl.gz --errors\n  \
        newsflow eval quotes --data ../shared/data/news-articles/reuters21578/reuters21578.jsonl.gz \\\n    \
        --gold eval/reuters-quotes-dev.tsv"
    )]
    Quotes(quotes_dates_eval::EvalGold),
    /// Weekday and relative dates on hand-annotated articles (default eval/wikinews-dates.tsv).
    #[command(
        long_about = "Run structure + dates over the annotated articles, with each article's `date` as its \
        publish time, and check each annotated weekday or relative expression (\"Thursday\", \"last Monday\", \
        \"yesterday\"): found, and resolved to the annotated calendar date. Annotations valued '?' are skipped. \
        The repo's sets: eval/wikinews-dates*.tsv and eval/reuters-dates-{dev,test}.tsv.\n\n\
        Example:\n  newsflow eval dates --data ../shared/data/wikinews/articles.jsonl.gz --errors"
    )]
    Dates(quotes_dates_eval::EvalGold),
    /// IPTC Media Topics: top-level accuracy@1 and micro/macro F1 on labelled JSON lines.
    #[command(
        long_about = "Classify each item (text from title/headline/short_description/text/body) and compare \
        its level-1 Media Topics with the gold labels mapped through --mapping (category<TAB>qcode[,qcode]; \
        level-2 codes count as their parent).\n\n\
        accuracy@1: the top topic is a gold topic. micro/macro F1: over all emitted level-1 topics.\n\n\
        --split dev|test scores a stable half, so settings chosen on one half can be reported on the other. \
        --mixtures N adds two-topic documents (two items with different gold topics joined) and scores them \
        separately: single-label data alone rewards never emitting a second topic.\n\n\
        Examples:\n  newsflow eval topics --data ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz \\\n    \
        --mapping eval/bbc-topics.tsv\n  \
        newsflow eval topics --data ../shared/data/wikipedia-current-events/items.jsonl.gz \\\n    \
        --mapping models/mappings/wcep-topics.tsv --held-out"
    )]
    Topics(topics_eval::EvalTopics),
    /// Duplicate detection: precision and recall on BBC News (which has exact duplicates) and on
    /// near-duplicate variants generated from its articles.
    #[command(
        long_about = "Run fingerprint + dedup (memory store) over labelled articles.\n\n\
        1. exact: every article in order; gold duplicates are articles whose normalised text an earlier one has.\n\
        2. variants: for the first --variants articles, four copies each (trimmed to the first 60% of \
        paragraphs, re-headlined, paragraphs reordered, every tenth word replaced), processed after all \
        originals; a hit is a variant flagged as a duplicate of its own original.\n\n\
        Example:\n  newsflow eval dedup --data ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz"
    )]
    Dedup {
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// How many articles get generated variants.
        #[arg(long, default_value_t = 300)]
        variants: usize,
    },
    /// Sentiment toward named people in news sentences (NewsMTSC): accuracy and macro-F1.
    #[command(
        long_about = "Score the tone stage's sentence sentiment against NewsMTSC (sentiment toward a \
        named person, 2 = negative, 4 = neutral, 6 = positive). The prediction for a target is the VADER \
        compound of its sentence, or of the clause around the target when --window is set.\n\n\
        Example:\n  newsflow eval tone --data ../shared/data/sentiment/newsmtsc/devtest_rw.jsonl.gz"
    )]
    Tone {
        /// NewsMTSC JSON lines (.gz allowed).
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
    },
    /// Country-of-focus accuracy on place-labelled articles (Reuters-21578 JSON lines).
    #[command(
        long_about = "Run structure + entities over each article with gold PLACES and compare the \
        article's ranked countries of focus with the gold places, mapped to ISO codes.\n\n\
        accuracy@1: the top-ranked country is one of the gold places.\n\
        recall: the share of all gold places found anywhere in the ranked list.\n\n\
        Example:\n  newsflow eval geo --data ../shared/data/news-articles/reuters21578/reuters21578.jsonl.gz \\\n    \
        --mapping eval/reuters-places.tsv"
    )]
    Geo {
        /// JSON lines with `title`, `body` and `places` (Reuters codes), .gz allowed.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Code-to-ISO mapping (code<TAB>ISO2).
        #[arg(long, default_value = "eval/reuters-places.tsv", value_name = "FILE")]
        mapping: PathBuf,
        /// Score at most this many articles (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
}

pub(crate) fn train(cmd: Train) -> Result<()> {
    match cmd {
        Train::Ner(opts) => ner::train_ner(opts),
        Train::Topics(opts) => topics::train_topics(opts),
        Train::Clusters {
            corpus,
            out,
            k,
            min_count,
            iterations,
        } => ner::train_clusters(&corpus, &out, &k, min_count, iterations),
        Train::Background {
            corpus,
            out,
            min_df,
        } => background::build_background(&corpus, &out, min_df),
    }
}

pub(crate) fn eval(cmd: Eval) -> Result<()> {
    match cmd {
        Eval::Ner {
            data,
            model,
            lookup_baseline,
            no_misc,
        } => ner::eval_ner(&data, model.as_deref(), lookup_baseline.as_deref(), no_misc),
        Eval::Geo {
            data,
            mapping,
            limit,
        } => geo::eval_geo(&data, &mapping, limit),
        Eval::Tone { data } => tone::eval_tone(&data),
        Eval::Dedup { data, variants } => dedup::eval_dedup(&data, variants),
        Eval::Topics(opts) => topics_eval::eval_topics(opts),
        Eval::Entities(opts) => entities_eval::eval_entities(opts),
        Eval::Quotes(opts) => quotes_dates_eval::eval_quotes(opts),
        Eval::Dates(opts) => quotes_dates_eval::eval_dates(opts),
    }
}

pub(crate) fn read_text(path: &Path) -> Result<String> {
    newsflow::datafile::read_text(path).with_context(|| format!("cannot read {}", path.display()))
}

/// (id, text, labels) of a labelled JSON line.
pub(crate) fn labelled_item(v: &serde_json::Value, line: usize) -> (String, String, Vec<String>) {
    let text: Vec<&str> = ["title", "headline", "short_description", "text", "body"]
        .iter()
        .filter_map(|k| v[*k].as_str())
        .collect();
    let labels: Vec<String> = match (&v["category"], &v["categories"]) {
        (serde_json::Value::String(c), _) => vec![c.clone()],
        (_, serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let id = v["id"].as_str().map_or_else(
        || {
            v["link"]
                .as_str()
                .map_or_else(|| line.to_string(), str::to_string)
        },
        str::to_string,
    );
    (id, text.join("\n\n"), labels)
}
