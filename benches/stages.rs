//! Criterion benchmarks: each stage alone, decoding, and the whole
//! `record::process` on the bundled samples.
//!
//!   cargo bench --bench stages

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsflow::input::{decode, InputFormat, RawInput};
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, SourceInfo};
use newsflow::stages::{fingerprint, language, stats, structure, Annotations, Article, Stage};

const WIRE: &[u8] = include_bytes!("../samples/01-wire-port-strike.txt");

fn structured() -> (Article, Annotations) {
    let article = Article::from_text(std::str::from_utf8(WIRE).unwrap());
    let mut out = Annotations::default();
    structure::StructureStage::default()
        .run(&article, &mut out)
        .unwrap();
    (article, out)
}

/// Time each stage alone on `article`, with a fresh copy of `base`'s annotations.
fn bench_each(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    (article, base): &(Article, Annotations),
    stages: &[(&str, Box<dyn Stage>)],
) {
    for (name, stage) in stages {
        g.bench_function(*name, |b| {
            b.iter_batched(
                || base.clone(),
                |mut out| black_box(stage.run(article, &mut out)),
                criterion::BatchSize::SmallInput,
            );
        });
    }
}

fn bench_stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(WIRE.len() as u64));
    let base = structured();
    let stages: Vec<(&str, Box<dyn Stage>)> = vec![
        ("structure", Box::new(structure::StructureStage::default())),
        ("language", Box::new(language::LanguageStage::default())),
        ("stats", Box::new(stats::StatsStage::default())),
        (
            "fingerprint",
            Box::new(fingerprint::FingerprintStage::default()),
        ),
    ];
    bench_each(&mut g, &base, &stages);
    g.finish();
}

fn bench_decode_and_process(c: &mut Criterion) {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let mut g = c.benchmark_group("process");
    for (name, ct, bytes) in newsflow::demo::SAMPLES
        .iter()
        .filter(|(_, _, b)| !b.is_empty())
    {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        let raw = RawInput::new(bytes)
            .content_type(*ct)
            .timestamp_ms(Some(0))
            .max_bytes(1 << 21);
        g.bench_function(format!("decode/{name}"), |b| {
            b.iter(|| black_box(decode(&raw).map(|d| d.format == InputFormat::Html)));
        });
        let src = SourceInfo::default();
        g.bench_function(format!("record/{name}"), |b| {
            b.iter(|| black_box(process(&raw, &src, &pipeline)));
        });
    }
    g.finish();
}

/// Tokenize + sentence split + NER on article text, in tokens per second.
fn bench_ner(c: &mut Criterion) {
    let text: String = newsflow::demo::SAMPLES
        .iter()
        .filter(|(n, _, _)| n.ends_with(".txt") || n.ends_with(".html"))
        .map(|(_, _, b)| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(4);
    let model = newsflow::ner::NerModel::embedded().expect("model");
    let lex = newsflow::ner::features::Lexicon::embedded();
    let (tokens, _) = newsflow::nlp::sentences(&text);
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens.len() as u64));
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| black_box(newsflow::nlp::sentences(&text)));
    });
    g.bench_function("tokenize+sentences+ner", |b| {
        b.iter(|| {
            let (toks, sents) = newsflow::nlp::sentences(&text);
            let words = newsflow::nlp::sentence_words(&text, &toks, &sents);
            black_box(model.tag_document(&words, lex))
        });
    });
    g.finish();
}

/// Every extraction and classification stage alone, on a wire article whose
/// prerequisite annotations (structure, fingerprint, entities, dates,
/// keyphrases) were computed once up front.
fn bench_extraction_stages(c: &mut Criterion) {
    use newsflow::stages::{
        amounts, dates, dedup, entities, keyphrases, quotes, summary, tone, topics,
    };
    let (article, mut out) = structured();
    fingerprint::FingerprintStage::default()
        .run(&article, &mut out)
        .unwrap();
    let ents = entities::EntitiesStage::build(entities::Config::default()).unwrap();
    ents.run(&article, &mut out).unwrap();
    dates::DatesStage::build(dates::Config::default())
        .run(&article, &mut out)
        .unwrap();
    keyphrases::KeyphrasesStage::build(keyphrases::Config::default())
        .run(&article, &mut out)
        .unwrap();
    let base = (article, out);
    let memory = dedup::Config {
        store: "memory".into(),
        ..dedup::Config::default()
    };
    let stages: Vec<(&str, Box<dyn Stage>)> = vec![
        ("entities", Box::new(ents)),
        (
            "dates",
            Box::new(dates::DatesStage::build(dates::Config::default())),
        ),
        (
            "amounts",
            Box::new(amounts::AmountsStage::build(amounts::Config::default())),
        ),
        (
            "quotes",
            Box::new(quotes::QuotesStage::build(quotes::Config::default())),
        ),
        (
            "tone",
            Box::new(tone::ToneStage::build(tone::Config::default())),
        ),
        (
            "keyphrases",
            Box::new(keyphrases::KeyphrasesStage::build(
                keyphrases::Config::default(),
            )),
        ),
        (
            "summary",
            Box::new(summary::SummaryStage::build(summary::Config::default())),
        ),
        (
            "topics",
            Box::new(topics::TopicsStage::build(topics::Config::default()).unwrap()),
        ),
        ("dedup", Box::new(dedup::DedupStage::build(memory).unwrap())),
    ];
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(WIRE.len() as u64));
    bench_each(&mut g, &base, &stages);
    g.finish();
}

criterion_group!(
    benches,
    bench_stages,
    bench_extraction_stages,
    bench_decode_and_process,
    bench_ner
);
criterion_main!(benches);
