//! Gold entity corpora for `eval entities`, read into whole documents with
//! one gold entry per real-world entity (all its mentions), so the entities
//! stage is scored at the level users see rather than per token:
//! - GUM (WebAnno TSV 3.2): every mention typed, coreference links, and a
//!   Wikipedia title (`identity`) on many named entities. A gold entity is a
//!   coreference chain of person, organization or place mentions that is
//!   *named*: it has a Wikipedia title, or one of its mentions outside the
//!   headline ends in a capitalised word. Named chains of one type with one
//!   title are one entity (GUM's links stop within one person's mentions). Unnamed chains of those types ("the
//!   government") are neutral: a prediction there is neither right nor
//!   wrong, and so are chains whose capitalised mentions are all demonyms
//!   ("Palestinians", which CoNLL calls MISC).
//! - re3d (mongoexport JSON lines): typed spans without coreference; mentions
//!   of one type whose values agree (case, a leading "the" and a trailing
//!   "'s" aside) are one entity. Nationality spans, and spans with no
//!   capitalised word but a leading article ("the coalition"), are neutral.

use std::collections::HashMap;

use crate::document::Span;

/// A document with its gold entities.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    pub name: String,
    /// The text to run the pipeline on; every span points into it.
    pub text: String,
    pub entities: Vec<GoldEntity>,
    /// Spans where a prediction is not scored.
    pub neutral: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldEntity {
    /// PER, ORG or LOC.
    pub kind: &'static str,
    /// Wikipedia title with spaces ("Noam Chomsky"), where the corpus has one.
    pub title: Option<String>,
    pub mentions: Vec<Span>,
}

fn gum_kind(t: &str) -> Option<&'static str> {
    Some(match t {
        "person" => "PER",
        "organization" => "ORG",
        "place" => "LOC",
        _ => return None,
    })
}

/// `type[3]` / `Title[3]` → ("type", 3).
fn numbered(field: &str) -> impl Iterator<Item = (&str, u32)> {
    field.split('|').filter(|f| *f != "_").filter_map(|f| {
        let (name, rest) = f.split_once('[')?;
        Some((name, rest.trim_end_matches(']').parse().ok()?))
    })
}

/// "Irving%2C Texas" → "Irving, Texas" (GUM titles are URL-encoded).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct GumMention {
    kind: String,
    first: usize,
    last: usize,
    identity: Option<String>,
}

fn find(parent: &mut HashMap<u32, u32>, x: u32) -> u32 {
    let mut r = x;
    while let Some(&p) = parent.get(&r) {
        if p == r {
            break;
        }
        r = p;
    }
    parent.insert(x, r);
    r
}

/// One GUM document. The text is rebuilt from the tokens: the first
/// sentence is the headline, then paragraphs of four sentences; a sentence
/// that does not end as one (a dateline, a caption, a subheading: "Saturday
/// , April 4 , 2009", "Political activist and philosopher Noam Chomsky")
/// stands on its own line, as it would in the article, instead of running
/// into the next sentence ("… Noam Chomsky Noam Chomsky is a professor").
pub fn read_gum(name: &str, tsv: &str) -> Result<GoldDoc, String> {
    let mut tokens: Vec<(String, usize)> = Vec::new(); // (token, sentence)
    let mut mentions: HashMap<u32, GumMention> = HashMap::new();
    let mut links: Vec<(u32, u32)> = Vec::new();
    let mut sentence = 0usize;
    let mut started = false;
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with("#Text=") {
            if started {
                sentence += 1;
            }
            started = true;
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(format!(
                "{name}:{}: expected 10 or more tab-separated columns (WebAnno TSV 3.2), found {}",
                n + 1,
                cols.len()
            ));
        }
        let t = tokens.len();
        tokens.push((cols[2].to_string(), sentence));
        for (kind, id) in numbered(cols[3]) {
            let m = mentions.entry(id).or_insert(GumMention {
                kind: kind.to_string(),
                first: t,
                last: t,
                identity: None,
            });
            m.last = t;
        }
        for (title, id) in numbered(cols[6]) {
            if let Some(m) = mentions.get_mut(&id) {
                m.identity = Some(percent_decode(&title.replace('_', " ")));
            }
        }
        for (kind, target) in cols[8].split('|').zip(cols[9].split('|')) {
            if !matches!(kind, "coref" | "ana" | "cata" | "appos") {
                continue;
            }
            let ids = target.split_once('[').map(|(_, r)| r.trim_end_matches(']'));
            if let Some((a, b)) = ids.and_then(|r| r.split_once('_')) {
                if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
                    links.push((a, b));
                }
            }
        }
    }
    // The text, and each token's byte span in it.
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut sentence_start = vec![0usize; sentence + 1];
    let ends_sentence =
        |t: &str| t.ends_with(['.', '!', '?', '"', '\'', '”', '’', ')', ':', ';', '…']);
    for (i, (tok, s)) in tokens.iter().enumerate() {
        let new_sentence = i == 0 || tokens[i - 1].1 != *s;
        if i > 0 {
            let heading_before = !ends_sentence(&tokens[i - 1].0);
            text.push_str(
                if new_sentence && (*s == 1 || (*s > 1 && (*s - 1) % 4 == 0) || heading_before) {
                    "\n\n"
                } else {
                    " "
                },
            );
        }
        if new_sentence {
            sentence_start[*s] = i;
        }
        spans.push(Span::new(text.len(), text.len() + tok.len()));
        text.push_str(tok);
    }
    // Coreference chains.
    let mut parent: HashMap<u32, u32> = mentions.keys().map(|k| (*k, *k)).collect();
    for (a, b) in links {
        if mentions.contains_key(&a) && mentions.contains_key(&b) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let mut ids: Vec<u32> = mentions.keys().copied().collect();
    ids.sort_unstable();
    let mut chains: Vec<(u32, Vec<u32>)> = Vec::new();
    for id in ids {
        let root = find(&mut parent, id);
        match chains.iter_mut().find(|(r, _)| *r == root) {
            Some((_, v)) => v.push(id),
            None => chains.push((root, vec![id])),
        }
    }
    let mut doc = GoldDoc {
        name: name.to_string(),
        ..GoldDoc::default()
    };
    for (_, members) in chains {
        let mut votes: HashMap<&'static str, usize> = HashMap::new();
        for id in &members {
            if let Some(k) = gum_kind(&mentions[id].kind) {
                *votes.entry(k).or_default() += 1;
            }
        }
        let Some(kind) = ["PER", "ORG", "LOC"]
            .into_iter()
            .filter(|k| votes.contains_key(k))
            .max_by_key(|k| votes[k])
        else {
            continue;
        };
        let title = members.iter().find_map(|id| mentions[id].identity.clone());
        let named = title.is_some()
            || members.iter().any(|id| {
                let m = &mentions[id];
                let (last, s) = (&tokens[m.last].0, tokens[m.last].1);
                let initial = m.first == m.last && sentence_start[s] == m.first;
                s > 0
                    && !initial
                    && last != "I"
                    && last.chars().next().is_some_and(char::is_uppercase)
            });
        // "Palestinians", "the Americans": GUM's person groups named by a
        // demonym are CoNLL's MISC, so neither right nor wrong here.
        let demonyms = members.iter().all(|id| {
            let m = &mentions[id];
            let words: Vec<&str> = tokens[m.first..=m.last]
                .iter()
                .map(|(t, _)| t.as_str())
                .collect();
            let words = match words.first() {
                Some(w) if w.eq_ignore_ascii_case("the") => &words[1..],
                _ => &words[..],
            };
            let lower = words.join(" ").to_lowercase();
            let single = lower.strip_suffix('s').unwrap_or(&lower);
            [lower.as_str(), single].iter().any(|w| {
                crate::gazetteer::Gazetteer::embedded()
                    .kinds_of_lower(w)
                    .any(|k| k == crate::gazetteer::Kind::Demonym)
            }) || !words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        });
        let named = named && !demonyms;
        let spans: Vec<Span> = members
            .iter()
            .map(|id| {
                Span::new(
                    spans[mentions[id].first].start,
                    spans[mentions[id].last].end,
                )
            })
            .collect();
        // GUM breaks one person's chain where its coreference links stop
        // (GUM_news_warhol has five chains titled "Andy Warhol"): chains
        // of one type and one Wikipedia title are one real-world entity.
        let same = |e: &&mut GoldEntity| e.kind == kind && title.is_some() && e.title == title;
        if let Some(e) = doc.entities.iter_mut().find(same).filter(|_| named) {
            e.mentions.extend(spans);
            e.mentions.sort_by_key(|s| (s.start, s.end));
        } else if named {
            doc.entities.push(GoldEntity {
                kind,
                title,
                mentions: spans,
            });
        } else {
            doc.neutral.extend(spans);
        }
    }
    doc.text = text;
    Ok(doc)
}

fn re3d_kind(t: &str) -> Option<&'static str> {
    Some(match t {
        "Person" => "PER",
        "Organisation" => "ORG",
        "Location" => "LOC",
        _ => return None,
    })
}

fn re3d_key(value: &str) -> String {
    let v = value.trim().to_lowercase();
    let v = v.strip_prefix("the ").unwrap_or(&v);
    let v = v.strip_suffix("'s").unwrap_or(v);
    v.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value with a capitalised word other than a leading article.
fn named_value(value: &str) -> bool {
    value.split_whitespace().enumerate().any(|(i, w)| {
        !(i == 0 && matches!(w, "The" | "A" | "An"))
            && w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The documents of one re3d folder (`documents.json` and `entities.json`
/// contents, one JSON object per line). Offsets count characters.
pub fn read_re3d(folder: &str, documents: &str, entities: &str) -> Result<Vec<GoldDoc>, String> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut chars_to_bytes: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in documents
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{folder}/documents.json:{}: {e}", n + 1))?;
        let (Some(id), Some(text)) = (v["_id"].as_str(), v["text"].as_str()) else {
            return Err(format!(
                "{folder}/documents.json:{}: needs `_id` and `text`",
                n + 1
            ));
        };
        let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        map.push(text.len());
        index.insert(id.to_string(), docs.len());
        chars_to_bytes.push(map);
        docs.push(GoldDoc {
            name: format!("{folder}/{id}"),
            text: text.to_string(),
            ..GoldDoc::default()
        });
    }
    let mut keys: Vec<HashMap<(&'static str, String), usize>> = vec![HashMap::new(); docs.len()];
    for (n, line) in entities
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{folder}/entities.json:{}: {e}", n + 1))?;
        let Some(&d) = v["documentId"].as_str().and_then(|id| index.get(id)) else {
            continue;
        };
        let map = &chars_to_bytes[d];
        let (Some(b), Some(e)) = (v["begin"].as_u64(), v["end"].as_u64()) else {
            return Err(format!(
                "{folder}/entities.json:{}: needs numeric `begin` and `end`",
                n + 1
            ));
        };
        let (Some(&b), Some(&e)) = (map.get(b as usize), map.get(e as usize)) else {
            continue;
        };
        let span = Span::new(b, e.max(b));
        let ty = v["type"].as_str().unwrap_or("");
        match re3d_kind(ty) {
            // Only named mentions are gold: "the coalition" is neutral.
            Some(_) if !named_value(v["value"].as_str().unwrap_or("")) => {
                docs[d].neutral.push(span);
            }
            Some(kind) => {
                let key = (kind, re3d_key(v["value"].as_str().unwrap_or("")));
                let doc = &mut docs[d];
                let i = *keys[d].entry(key).or_insert_with(|| {
                    doc.entities.push(GoldEntity {
                        kind,
                        title: None,
                        mentions: Vec::new(),
                    });
                    doc.entities.len() - 1
                });
                doc.entities[i].mentions.push(span);
            }
            None if ty == "Nationality" => docs[d].neutral.push(span),
            None => {}
        }
    }
    Ok(docs)
}

/// The regular files of an uncompressed tar archive: (path, bytes).
pub fn tar_files(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 512 <= bytes.len() {
        let h = &bytes[at..at + 512];
        if h.iter().all(|b| *b == 0) {
            break;
        }
        let field = |r: std::ops::Range<usize>| {
            String::from_utf8_lossy(&h[r])
                .trim_matches(|c| c == '\0' || c == ' ')
                .to_string()
        };
        let name = field(0..100);
        let size = usize::from_str_radix(&field(124..136), 8)
            .map_err(|_| format!("tar entry {name:?}: bad size field"))?;
        let body = at + 512;
        if body + size > bytes.len() {
            return Err(format!(
                "tar entry {name:?} runs past the end of the archive"
            ));
        }
        if matches!(h[156], b'0' | 0) {
            let prefix = field(345..500);
            let path = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            out.push((path, bytes[body..body + size].to_vec()));
        }
        at = body + size.div_ceil(512) * 512;
    }
    Ok(out)
}

#[cfg(test)]
#[path = "corpora_tests.rs"]
mod tests;
