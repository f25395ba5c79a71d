//! The fingerprint stage: a stable article id (the input id, else a hash of
//! the canonical URL, else a hash of the content) and a normalised content
//! hash that is equal for copies differing only in case, spacing,
//! punctuation or boilerplate.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::document::Article;
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `fingerprint` stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Query parameters dropped when canonicalising URLs, besides utm_*,
    /// fbclid, gclid, ocid and cmpid. A trailing `*` matches a prefix.
    #[serde(default)]
    pub strip_query_params: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fingerprint {
    /// Stable id of the article: the record's `id` (not repeated here).
    #[serde(skip)]
    pub id: String,
    /// "input", "url" or "content".
    pub id_basis: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// Hex SHA-256 of the normalised headline and body.
    pub content_hash: String,
}

pub struct FingerprintStage {
    strip: Vec<String>,
}

impl Default for FingerprintStage {
    fn default() -> Self {
        FingerprintStage::build(Config::default())
    }
}

impl FingerprintStage {
    pub fn build(config: Config) -> Self {
        let mut strip: Vec<String> = ["utm_*", "fbclid", "gclid", "ocid", "cmpid"]
            .iter()
            .map(ToString::to_string)
            .collect();
        strip.extend(
            config
                .strip_query_params
                .into_iter()
                .map(|s| s.to_lowercase()),
        );
        FingerprintStage { strip }
    }

    fn stripped(&self, key: &str) -> bool {
        let key = key.to_lowercase();
        self.strip.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => key.starts_with(prefix),
            None => key == *p,
        })
    }

    /// Lower-case scheme and host, drop "www.", default ports, fragment and
    /// tracking parameters, sort the rest, drop a trailing slash.
    pub fn canonical_url(&self, url: &str) -> Option<String> {
        let url = url.trim();
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let rest = rest.split('#').next().unwrap_or("");
        let (hostport, path_query) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let mut host = hostport.to_lowercase();
        if let Some(h) = host.strip_suffix(":80").filter(|_| scheme == "http") {
            host = h.to_string();
        }
        if let Some(h) = host.strip_suffix(":443").filter(|_| scheme == "https") {
            host = h.to_string();
        }
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        if host.is_empty() {
            return None;
        }
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            ""
        };
        let mut params: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty() && !self.stripped(p.split('=').next().unwrap_or("")))
            .collect();
        params.sort_unstable();
        let q = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        Some(format!("https://{host}{path}{q}"))
    }
}

/// Lower-case alphanumeric words joined by single spaces.
pub fn normalised_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // The same as the char-by-char mapping below, a byte at a time.
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Stage for FingerprintStage {
    fn name(&self) -> &'static str {
        "fingerprint"
    }
    fn version(&self) -> &'static str {
        "1.0.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let content = normalised_content(&super::content_text(article, out));
        let content_hash = hex(&Sha256::digest(content.as_bytes()));
        let canonical_url = article
            .meta
            .url
            .as_deref()
            .and_then(|u| self.canonical_url(u));
        let (id, id_basis) =
            if let Some(id) = article.meta.id.as_ref().filter(|s| !s.trim().is_empty()) {
                (id.trim().to_string(), "input")
            } else if let Some(u) = &canonical_url {
                (
                    format!("url-{}", &hex(&Sha256::digest(u.as_bytes()))[..20]),
                    "url",
                )
            } else {
                (format!("sha-{}", &content_hash[..20]), "content")
            };
        out.fingerprint = Some(Fingerprint {
            id,
            id_basis,
            canonical_url,
            content_hash,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_url(input: &str, expect: Option<&str>) {
        assert_eq!(
            FingerprintStage::default().canonical_url(input).as_deref(),
            expect,
            "{input}"
        );
    }

    #[test]
    fn canonical_urls() {
        let s = FingerprintStage::build(Config::default());
        let c = |u: &str| s.canonical_url(u);
        assert_eq!(
            c("HTTP://WWW.Example.com:80/a/b/?utm_source=x&b=2&a=1#frag").as_deref(),
            Some("https://example.com/a/b?a=1&b=2")
        );
        assert_eq!(
            c("https://example.com").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            c("https://example.com/?fbclid=1").as_deref(),
            Some("https://example.com")
        );
        check_url("ftp://example.com/x", None);
        check_url("not a url", None);
    }

    fn check_norm(input: &str, expect: &str) {
        assert_eq!(normalised_content(input), expect, "{input:?}");
    }

    #[test]
    fn normalised_content_lowercases_words() {
        check_norm("Hello,  World!", "hello world");
        check_norm("ÉCOLE d'Été 2024", "école d été 2024");
        check_norm("İstanbul STRASSE", "i\u{307}stanbul strasse");
        check_norm("  ...  ", "");
    }

    #[test]
    fn ids_and_hashes() {
        let stage = FingerprintStage::build(Config::default());
        let run = |text: &str, id: Option<&str>, url: Option<&str>| {
            let mut out = Annotations::default();
            let mut d = Article::from_text(text);
            d.meta.id = id.map(str::to_string);
            d.meta.url = url.map(str::to_string);
            stage.run(&d, &mut out).unwrap();
            out.fingerprint.unwrap()
        };
        assert_eq!(run("x", Some("abc"), Some("https://e.com/a")).id, "abc");
        let a = run("x", None, Some("https://e.com/a?utm_medium=1"));
        let b = run("y", None, Some("https://www.e.com/a/"));
        assert_eq!((a.id_basis, &a.id), ("url", &b.id));
        let c = run("Hello,  World!", None, None);
        let d = run("hello world", None, None);
        assert_eq!((c.id_basis, &c.content_hash), ("content", &d.content_hash));
        assert!(c.id.starts_with("sha-"));
        assert_ne!(run("hello there", None, None).content_hash, d.content_hash);
    }
}
