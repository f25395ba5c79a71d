//! The `ninjs` member of an enriched record, following IPTC ninjs 2.1:
//! uri, type, versioncreated, language, headlines, descriptions (key points
//! and captions), bodies (main, text/plain, without boilerplate, caption or
//! credit), by, located, infosources and altids.

use serde_json::{json, Map, Value};

use super::rfc3339;
use crate::stages::{Annotations, Article};

/// A ninjs `uri` for the article: the input id when it already is a URI,
/// else a newsflow URN.
fn uri_for(article: &Article, id: &str) -> String {
    let is_uri = |s: &str| {
        s.split_once(':').is_some_and(|(scheme, rest)| {
            !rest.is_empty()
                && scheme.len() > 1
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }) && !s.contains(char::is_whitespace)
    };
    match &article.meta.id {
        Some(i) if is_uri(i) => i.clone(),
        _ => {
            let safe: String = id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || "-._~".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            format!("urn:newsflow:article:{safe}")
        }
    }
}

/// The agency named in a credit line: "-- Reuters contributed to this report" → "Reuters".
fn credited(line: &str) -> Option<String> {
    let t = line.trim_start_matches(['-', '—', '–', ' ']);
    let i = t.find(" contributed")?;
    let name = t[..i].trim();
    (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_string())
}

pub(super) fn build(article: &Article, a: &Annotations, id: &str) -> Value {
    let mut n = Map::new();
    n.insert("uri".into(), json!(uri_for(article, id)));
    n.insert("type".into(), json!("text"));
    if let Some(t) = article.meta.published_at {
        n.insert("versioncreated".into(), json!(rfc3339(t)));
    }
    let lang = a
        .language
        .as_ref()
        .map(|l| l.code.clone())
        .or_else(|| article.meta.language.clone());
    if let Some(l) = lang {
        n.insert("language".into(), json!(l));
    }
    let headline = article.meta.title.clone().or_else(|| {
        a.structure
            .as_ref()?
            .headline
            .as_ref()
            .map(|h| h.text.clone())
    });
    if let Some(h) = headline {
        n.insert("headlines".into(), json!([{"role": "main", "value": h}]));
    }
    let Some(s) = &a.structure else {
        n.insert(
            "bodies".into(),
            json!([{"role": "main", "contenttype": "text/plain", "value": article.text}]),
        );
        return Value::Object(n);
    };
    let mut descriptions: Vec<Value> = s
        .key_points
        .iter()
        .map(|k| json!({"role": "keypoint", "contenttype": "text/plain", "value": k.text}))
        .collect();
    descriptions.extend(
        s.captions
            .iter()
            .map(|c| json!({"role": "caption", "contenttype": "text/plain", "value": c.text})),
    );
    if !descriptions.is_empty() {
        n.insert("descriptions".into(), Value::Array(descriptions));
    }
    let body = s.body_text();
    let mut b = json!({"role": "main", "contenttype": "text/plain", "value": body, "charcount": body.chars().count()});
    if let Some(st) = &a.stats {
        b["wordcount"] = json!(st.words);
    }
    n.insert("bodies".into(), json!([b]));
    let by = s.byline.as_ref().map(|b| {
        b.text
            .trim_start_matches("By ")
            .trim_start_matches("BY ")
            .to_string()
    });
    if let Some(by) = by.or_else(|| article.meta.by.clone()) {
        n.insert("by".into(), json!(by));
    }
    if let Some(d) = &s.dateline {
        n.insert("located".into(), json!(d.location));
    }
    let mut sources: Vec<Value> = Vec::new();
    if let Some(src) = s
        .dateline
        .as_ref()
        .and_then(|d| d.source.clone())
        .or_else(|| article.meta.source.clone())
    {
        sources.push(json!({"name": src, "role": "source"}));
    }
    for c in &s.credits {
        if let Some(name) = credited(&c.text) {
            if !sources.iter().any(|v| v["name"] == json!(name)) {
                sources.push(json!({"name": name, "role": "contributor"}));
            }
        }
    }
    if !sources.is_empty() {
        n.insert("infosources".into(), Value::Array(sources));
    }
    add_entities(&mut n, a);
    if let Some(topics) = a.topics.as_ref().filter(|t| !t.is_empty()) {
        let subjects: Vec<Value> = topics
            .iter()
            .map(|t| json!({"uri": t.uri, "name": t.name, "relevance": t.relevance, "confidence": t.confidence, "creator": crate::stages::topics::CREATOR}))
            .collect();
        n.insert("subjects".into(), Value::Array(subjects));
    }
    if let Some(u) = a.fingerprint.as_ref().and_then(|f| f.canonical_url.clone()) {
        n.insert(
            "altids".into(),
            json!([{"role": "canonical-url", "value": u}]),
        );
    }
    Value::Object(n)
}

/// ninjs people, organisations and places from the entities stage, most
/// salient first. Places carry a GeoJSON point and a GeoNames or Wikidata uri.
fn add_entities(n: &mut Map<String, Value>, a: &Annotations) {
    let Some(ents) = &a.entities else {
        return;
    };
    let (mut people, mut orgs, mut places) = (Vec::new(), Vec::new(), Vec::new());
    for e in &ents.entities {
        let mut item = Map::new();
        item.insert("name".into(), json!(e.name));
        item.insert("literal".into(), json!(e.id));
        let geonames = e.geo.as_ref().and_then(|g| g.geonames);
        let uri = match (geonames, &e.wikidata) {
            (Some(id), _) if e.kind == "LOC" => Some(format!("https://sws.geonames.org/{id}/")),
            (_, Some(q)) => Some(format!("http://www.wikidata.org/entity/{q}")),
            _ => None,
        };
        if let Some(u) = uri {
            item.insert("uri".into(), json!(u));
        }
        match e.kind.as_str() {
            "PER" => people.push(Value::Object(item)),
            "ORG" => orgs.push(Value::Object(item)),
            "LOC" => {
                if let Some((Some(lat), Some(lon))) = e.geo.as_ref().map(|g| (g.lat, g.lon)) {
                    item.insert(
                        "geojson".into(),
                        json!({"type": "Point", "coordinates": [lon, lat]}),
                    );
                }
                places.push(Value::Object(item));
            }
            _ => {}
        }
    }
    for (k, v) in [
        ("people", people),
        ("organisations", orgs),
        ("places", places),
    ] {
        if !v.is_empty() {
            n.insert(k.into(), Value::Array(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_names() {
        for (line, expect) in [
            ("-- Reuters contributed to this report", Some("Reuters")),
            (
                "— The Associated Press contributed to this report.",
                Some("The Associated Press"),
            ),
            ("Reporting by Jane Doe", None),
        ] {
            assert_eq!(credited(line).as_deref(), expect, "{line}");
        }
    }

    #[test]
    fn uris() {
        let mut d = Article::from_text("x");
        d.meta.id = Some("urn:x:1".into());
        assert_eq!(uri_for(&d, "urn:x:1"), "urn:x:1");
        d.meta.id = Some("wire 42/7".into());
        assert_eq!(uri_for(&d, "wire 42/7"), "urn:newsflow:article:wire_42_7");
    }
}
