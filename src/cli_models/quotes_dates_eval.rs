//! `eval quotes` and `eval dates`: the quotes and dates stages on whole
//! articles against hand annotations kept in the repo as article ids and
//! byte offsets (eval/wikinews-quotes.tsv, eval/wikinews-dates.tsv); the
//! article texts are read from the data file at run time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::{NaiveDate, TimeZone, Utc};
use newsflow::document::{Article, InputFormat, Metadata};
use newsflow::stages::{dates, entities, quotes, structure, Annotations, Stage};

use super::read_text;

#[derive(clap::Args)]
pub(crate) struct EvalGold {
    /// Articles as JSON lines with `id`, `title`, `date` (publication, YYYY-MM-DD; needed by
    /// `eval dates` only) and `text` (.gz allowed), e.g. ../shared/data/wikinews/articles.jsonl.gz.
    /// Reuters-21578's own fields are read too: `newid`, `body` and `date` as 26-FEB-1987 15:14:36.41.
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// The annotations: article_id<TAB>start<TAB>end<TAB>value, byte offsets into `text`
    /// (default: eval/wikinews-quotes.tsv or eval/wikinews-dates.tsv).
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Print every miss.
    #[arg(long)]
    errors: bool,
}

struct Gold {
    id: String,
    start: usize,
    end: usize,
    value: String,
}

fn read_gold(path: &Path) -> Result<Vec<Gold>> {
    let mut out = Vec::new();
    for (n, line) in read_text(path)?.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let parsed = match f.as_slice() {
            [id, s, e, v] => s.parse().ok().zip(e.parse().ok()).map(|(s, e)| Gold {
                id: id.to_string(),
                start: s,
                end: e,
                value: v.to_string(),
            }),
            _ => None,
        };
        match parsed {
            Some(g) => out.push(g),
            None => bail!(
                "{}:{}: expected article_id<TAB>start<TAB>end<TAB>value with byte offsets",
                path.display(),
                n + 1
            ),
        }
    }
    Ok(out)
}

/// The articles the annotations name, by id: (title, date, text). The date
/// is checked only when `need_date` (dates resolve against it; quotes do not).
fn read_articles(
    data: &Path,
    gold: &[Gold],
    need_date: bool,
) -> Result<HashMap<String, (String, Option<NaiveDate>, String)>> {
    let mut out = HashMap::new();
    for (n, line) in read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), n + 1))?;
        let id = match (&v["id"], &v["newid"]) {
            (serde_json::Value::String(id), _) => id.clone(),
            (_, serde_json::Value::Number(id)) => id.to_string(),
            _ => String::new(),
        };
        if !gold.iter().any(|g| g.id == id) {
            continue;
        }
        let date = v["date"].as_str().and_then(publication_date);
        if need_date && date.is_none() {
            bail!(
                "{}:{}: `date` must be YYYY-MM-DD or 26-FEB-1987 15:14:36.41 (the publication date dates resolve against)",
                data.display(),
                n + 1
            );
        }
        let text = v["text"]
            .as_str()
            .or(v["body"].as_str())
            .unwrap_or("")
            .to_string();
        out.insert(
            id,
            (v["title"].as_str().unwrap_or("").to_string(), date, text),
        );
    }
    for g in gold {
        let Some((_, _, text)) = out.get(&g.id) else {
            bail!(
                "article {} of the annotations is not in {}",
                g.id,
                data.display()
            );
        };
        if text.get(g.start..g.end).is_none() {
            bail!(
                "annotation {} {}..{} does not fit the article's text (wrong data file?)",
                g.id,
                g.start,
                g.end
            );
        }
    }
    Ok(out)
}

/// The day of `date`: YYYY-MM-DD, or Reuters-21578's "26-FEB-1987 15:14:36.41"
/// or "1-MAR-1987 01:30:29.50" (the day is the first word; month names in any case).
fn publication_date(date: &str) -> Option<NaiveDate> {
    let date = date.trim();
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(date.split(' ').next()?, "%d-%b-%Y").ok())
}

fn analyse(
    title: &str,
    date: Option<NaiveDate>,
    text: &str,
    quotes_too: bool,
) -> Result<Annotations> {
    let meta = Metadata {
        title: Some(title.to_string()),
        published_at: date
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| Utc.from_utc_datetime(&t)),
        published_basis: date.map(|_| "payload"),
        ..Metadata::default()
    };
    let article = Article::new(text.to_string(), InputFormat::JsonEnvelope, meta);
    let mut out = Annotations::default();
    let err = |s: &str, e: newsflow::stages::StageError| anyhow::anyhow!("{s} stage failed: {e}");
    structure::StructureStage::default()
        .run(&article, &mut out)
        .map_err(|e| err("structure", e))?;
    if quotes_too {
        entities::EntitiesStage::build(entities::Config::default())
            .map_err(anyhow::Error::msg)?
            .run(&article, &mut out)
            .map_err(|e| err("entities", e))?;
        quotes::QuotesStage::build(quotes::Config::default())
            .run(&article, &mut out)
            .map_err(|e| err("quotes", e))?;
    } else {
        dates::DatesStage::build(dates::Config::default())
            .run(&article, &mut out)
            .map_err(|e| err("dates", e))?;
    }
    Ok(out)
}

/// Lower-cased words with Latin diacritics folded ("Erdoğan" = "Erdogan").
fn words(s: &str) -> Vec<String> {
    const FOLD: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ìíîïĩīĭįı", 'i'),
        ("ł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    let folded: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            FOLD.iter()
                .find(|(set, _)| set.contains(c))
                .map_or(c, |(_, to)| *to)
        })
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn eval_quotes(opts: EvalGold) -> Result<()> {
    let path = opts
        .gold
        .clone()
        .unwrap_or_else(|| "eval/wikinews-quotes.tsv".into());
    let gold = read_gold(&path)?;
    let articles = read_articles(&opts.data, &gold, false)?;
    let (mut found, mut right, mut named, mut named_right, mut null_right) = (0, 0, 0, 0, 0);
    // Of the quotes found: by the rule that gave the speaker, how many it
    // gave and how many were right; and how many named in the gold it left
    // null.
    let mut named_null = 0;
    let mut by_basis: std::collections::BTreeMap<&'static str, (usize, usize)> =
        std::collections::BTreeMap::new();
    let mut cache: HashMap<&str, Annotations> = HashMap::new();
    for g in &gold {
        let (title, date, text) = &articles[&g.id];
        if !cache.contains_key(g.id.as_str()) {
            cache.insert(&g.id, analyse(title, *date, text, true)?);
        }
        let out = &cache[g.id.as_str()];
        // The stage's quote overlapping most of the gold span.
        let q = out
            .quotes
            .iter()
            .flatten()
            .max_by_key(|q| q.end.min(g.end).saturating_sub(q.start.max(g.start)));
        let q = q.filter(|q| {
            q.end.min(g.end).saturating_sub(q.start.max(g.start)) * 2 >= g.end - g.start
        });
        let speaker = q.and_then(|q| q.speaker.as_ref()).and_then(|id| {
            out.entities
                .iter()
                .flat_map(|e| &e.entities)
                .find(|e| &e.id == id)
        });
        let ok = match (q, speaker) {
            (None, _) => false,
            (Some(_), None) => g.value == "-",
            (Some(_), Some(e)) => {
                // The gold name's last word (the surname) is among the
                // entity's name or aliases' words.
                let want = words(&g.value);
                g.value != "-"
                    && want.last().is_some_and(|last| {
                        std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .any(|n| words(n).contains(last))
                    })
            }
        };
        found += usize::from(q.is_some());
        right += usize::from(ok);
        if speaker.is_some() {
            let basis = q.and_then(|q| q.basis).map_or("?", |b| b.as_str());
            let slot = by_basis.entry(basis).or_default();
            slot.0 += 1;
            slot.1 += usize::from(ok);
        } else if q.is_some() && g.value != "-" {
            named_null += 1;
        }
        if g.value == "-" {
            null_right += usize::from(ok);
        } else {
            named += 1;
            named_right += usize::from(ok);
        }
        if opts.errors && !ok {
            let got = match (q, speaker) {
                (None, _) => "quote not found".to_string(),
                (Some(q), None) => format!("speaker null (speaker_text {:?})", q.speaker_text),
                (Some(q), Some(e)) => format!(
                    "speaker {} {:?} (by {})",
                    e.kind,
                    e.name,
                    q.basis.map_or("?", |b| b.as_str())
                ),
            };
            let excerpt: String = text[g.start..g.end].chars().take(50).collect();
            outln!(
                "{}\t{}\twant {:?}\tgot {got}\t{excerpt:?}",
                g.id,
                g.start,
                g.value
            );
        }
    }
    let n = gold.len();
    outln!(
        "quotes on {} ({} articles, {} annotated quotes, {})",
        opts.data.display(),
        articles.len(),
        n,
        path.display()
    );
    outln!(
        "found           {:.4}  ({found}/{n})",
        found as f64 / n.max(1) as f64
    );
    outln!("speaker right   {:.4}  ({right}/{n}: the quote found and its speaker the annotated one, or null where none is named)", right as f64 / n.max(1) as f64);
    outln!(
        "  named         {:.4}  ({named_right}/{named})",
        named_right as f64 / named.max(1) as f64
    );
    outln!("  unnamed       {null_right}/{} left null", n - named);
    let (attributed, attributed_right) = by_basis
        .values()
        .fold((0, 0), |(n, ok), v| (n + v.0, ok + v.1));
    outln!(
        "attributed      {:.4}  ({attributed_right}/{attributed}: of the quotes given a speaker, right; {named_null} named ones left null)",
        attributed_right as f64 / attributed.max(1) as f64
    );
    for (basis, (n, ok)) in &by_basis {
        outln!(
            "  by {basis:<18} {:.4}  ({ok}/{n})",
            *ok as f64 / (*n).max(1) as f64
        );
    }
    Ok(())
}

pub(super) fn eval_dates(opts: EvalGold) -> Result<()> {
    let path = opts
        .gold
        .clone()
        .unwrap_or_else(|| "eval/wikinews-dates.tsv".into());
    let gold: Vec<Gold> = read_gold(&path)?;
    let articles = read_articles(&opts.data, &gold, true)?;
    let scored: Vec<&Gold> = gold.iter().filter(|g| g.value != "?").collect();
    let (mut found, mut right) = (0, 0);
    let mut cache: HashMap<&str, Annotations> = HashMap::new();
    for g in &scored {
        let (title, date, text) = &articles[&g.id];
        if !cache.contains_key(g.id.as_str()) {
            cache.insert(&g.id, analyse(title, *date, text, false)?);
        }
        let m = cache[g.id.as_str()]
            .dates
            .iter()
            .flatten()
            .find(|d| d.start < g.end && g.start < d.end);
        found += usize::from(m.is_some());
        let ok = m.is_some_and(|m| m.value.as_deref() == Some(g.value.as_str()));
        right += usize::from(ok);
        if opts.errors && !ok {
            let got = m.map_or("not found".to_string(), |m| {
                format!("{:?} for {:?}", m.value, m.text)
            });
            outln!(
                "{}\t{}\t{:?} published {}\twant {}\tgot {got}",
                g.id,
                g.start,
                &text[g.start..g.end],
                date.map_or("-".to_string(), |d| d.to_string()),
                g.value
            );
        }
    }
    let n = scored.len();
    outln!(
        "dates on {} ({} articles, {n} annotated expressions, {} left undecided, {})",
        opts.data.display(),
        articles.len(),
        gold.len() - n,
        path.display()
    );
    outln!(
        "found           {:.4}  ({found}/{n})",
        found as f64 / n.max(1) as f64
    );
    outln!(
        "resolved right  {:.4}  ({right}/{n})",
        right as f64 / n.max(1) as f64
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::publication_date;

    #[test]
    fn publication_dates() {
        let check = |input: &str, expect: Option<&str>| {
            let got = publication_date(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), expect, "{input:?}");
        };
        check("2020-01-07", Some("2020-01-07"));
        check("26-FEB-1987 15:14:36.41", Some("1987-02-26"));
        check("1-MAR-1987 01:30:29.50", Some("1987-03-01"));
        check("26-FEB-1987", Some("1987-02-26"));
        check("26 FEB 1987", None);
        check("05-Mar-1987", Some("1987-03-05"));
        check("yesterday", None);
        check("", None);
    }
}
