//! `newsflow build-first-names`: compiles models/first-names.tsv, the first
//! names the entity rules and pronoun agreement use, from the US Census 1990
//! lists (PyPI `names` 0.3.0) and the given names of other countries in the
//! person providers of PyPI `faker`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::build::BuildError;

/// Names both census lists share that are not kept as first names, because
/// in news text they are more often something else: a word ("Young",
/// "Numbers", "Lane"), a place ("Paris", "Jordan", "Devon", "Hong" Kong), a
/// surname that news uses alone ("Blair", "Kerry", "Lee", "Taylor",
/// "Morgan"), a party ("Tory"), a month ("Jan"), a syllable of East Asian
/// names that is as often a surname ("Chang", "Sung"), or a religion.
const NOT_FIRST_NAMES: &[&str] = &[
    "angel", "augustine", "berry", "blair", "carey", "carroll", "casey", "chang", "chi", "chong",
    "christian", "chung", "clair", "colby", "cruz", "dee", "devon", "dong", "dusty", "francis",
    "gale", "guadalupe", "hollis", "hong", "ira", "ivory", "jae", "jame", "jan", "jewel",
    "jewell", "jordan", "kelly", "kerry", "kirby", "lacy", "lane", "lee", "lynn", "man", "marion",
    "merrill", "michel", "minh", "morgan", "noel", "numbers", "otha", "paris", "refugio",
    "rosario", "sang", "santos", "shannon", "shelby", "sol", "son", "sung", "sydney", "taylor",
    "terry", "thanh", "tory", "trinidad", "valentine", "van", "yong", "young",
];

/// `newsflow build-first-names`: US Census 1990 first-name frequency lists
/// (`dist.male.first`, `dist.female.first`, as shipped in the PyPI package
/// `names` 0.3.0) reduced to `name<TAB>m|f` for names where one sex holds at
/// least 90% of the uses (by frequency percentage), and `name<TAB>u` for the
/// other names on both lists ("Chris", "Kim", "Jamie"): first names whose
/// sex the name does not tell, except [`NOT_FIRST_NAMES`].
pub fn build_first_names(dir: &Path, faker: Option<&Path>) -> Result<String, BuildError> {
    let read = |file: &str| -> Result<HashMap<String, f64>, BuildError> {
        let path = dir.join(file);
        let text = crate::datafile::read_text(&path).map_err(|cause| BuildError::Read {
            path: path.display().to_string(),
            cause,
        })?;
        let mut out = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let mut f = line.split_whitespace();
            let (Some(name), Some(pct)) = (f.next(), f.next()) else {
                continue;
            };
            let pct: f64 = pct.parse().map_err(|_| BuildError::Format {
                path: path.display().to_string(),
                detail: format!("line {}: frequency `{pct}` is not a number", i + 1),
            })?;
            out.insert(name.to_lowercase(), pct);
        }
        Ok(out)
    };
    let male = read("dist.male.first")?;
    let female = read("dist.female.first")?;
    let mut names: Vec<(&String, char)> = Vec::new();
    for (name, &m) in &male {
        let f = female.get(name).copied().unwrap_or(0.0);
        if m >= 9.0 * f {
            names.push((name, 'm'));
        }
    }
    for (name, &f) in &female {
        let m = male.get(name).copied().unwrap_or(0.0);
        if f >= 9.0 * m {
            names.push((name, 'f'));
        }
    }
    for (name, &m) in &male {
        let f = female.get(name).copied().unwrap_or(0.0);
        if m < 9.0 * f && f < 9.0 * m && !NOT_FIRST_NAMES.contains(&name.as_str()) {
            names.push((name, 'u'));
        }
    }
    let census: HashSet<String> = names.iter().map(|(n, _)| n.to_string()).collect();
    let others: Vec<String> = match faker {
        Some(dir) => faker_given_names(dir)?,
        None => BTreeSet::new(),
    }
    .into_iter()
    .filter(|n| !census.contains(n) && !NOT_FIRST_NAMES.contains(&n.as_str()))
    .collect();
    names.extend(others.iter().map(|n| (n, 'o')));
    names.sort();
    let mut out = String::from(
        "# First names: the sex holding >= 90% of their uses, `u` where neither does (US Census \
         1990 lists, public domain; via PyPI `names` 0.3.0, MIT); `o` for given names of other \
         countries (PyPI `faker` person providers, MIT). Rebuild: newsflow build-first-names. \
         See NOTICE.\n",
    );
    for (name, g) in names {
        out.push_str(&format!("{name}\t{g}\n"));
    }
    Ok(out)
}

/// Locales whose lists are not taken: `en` mixes in surnames and words
/// ("Bush", "Hill", "Heaven", "Saint") that a join would make people.
const FAKER_SKIPPED: &[&str] = &["en"];

/// Given names from the person providers of the PyPI package `faker`
/// (`faker/providers/person/<locale>/__init__.py`): every string literal
/// assigned to a name starting `first_name`, lower-cased, kept when it is
/// written in Latin letters as one capitalised word of three letters or
/// more ("Recep", "José"; not "Jean-Pierre", "DJ" or other scripts).
fn faker_given_names(dir: &Path) -> Result<BTreeSet<String>, BuildError> {
    let entries = std::fs::read_dir(dir).map_err(|cause| BuildError::Read {
        path: dir.display().to_string(),
        cause,
    })?;
    let mut locales: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("__init__.py").is_file())
        .collect();
    locales.sort();
    if locales.is_empty() {
        return Err(BuildError::Format {
            path: dir.display().to_string(),
            detail: "no <locale>/__init__.py below it: pass faker/providers/person".into(),
        });
    }
    let mut out = BTreeSet::new();
    for locale in locales {
        let name = locale.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if FAKER_SKIPPED.contains(&name) {
            continue;
        }
        let path = locale.join("__init__.py");
        let src = crate::datafile::read_text(&path).map_err(|cause| BuildError::Read {
            path: path.display().to_string(),
            cause,
        })?;
        out.extend(
            first_name_literals(&src)
                .into_iter()
                .filter(|n| written_as_given_name(n))
                .map(|n| n.to_lowercase()),
        );
    }
    Ok(out)
}

/// The string literals of every `first_name... = <bracketed expression>`
/// assignment in a Python source (tuples, lists, `OrderedDict((("Ana",
/// 0.1), ...))`); assignments without a bracket on their line are skipped.
fn first_name_literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(at) = rest.find("first_name") {
        let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        let after = &rest[at..];
        let ident_end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let tail = after[ident_end..].trim_start_matches(' ');
        let is_assignment = rest[line_start..at].trim().is_empty()
            && tail.starts_with('=')
            && !tail.starts_with("==");
        let line = tail.split('\n').next().unwrap_or("");
        if !is_assignment || !line.contains(['(', '[', '{']) {
            rest = &after[ident_end..];
            continue;
        }
        let (literals, used) = bracketed_literals(&tail[1..]);
        out.extend(literals);
        rest = &tail[1 + used..];
    }
    out
}

/// The string literals in the first balanced bracketed expression of `s`
/// (Python comments skipped), and how many bytes it took.
fn bracketed_literals(s: &str) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (out, i + 1);
                }
            }
            '#' => {
                for (_, d) in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
            }
            '"' | '\'' => {
                let mut lit = String::new();
                let mut escaped = false;
                for (_, d) in chars.by_ref() {
                    match d {
                        _ if escaped => {
                            lit.push(d);
                            escaped = false;
                        }
                        '\\' => escaped = true,
                        _ if d == c => break,
                        _ => lit.push(d),
                    }
                }
                out.push(lit);
            }
            '\n' if depth == 0 => return (out, i),
            _ => {}
        }
    }
    (out, s.len())
}

/// One capitalised word in Latin letters, three letters or more.
fn written_as_given_name(n: &str) -> bool {
    let mut cs = n.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    let rest: Vec<char> = cs.collect();
    n.chars().all(super::alternates::latin_in_name)
        && first.is_uppercase()
        && rest.iter().any(|c| c.is_lowercase())
        && !rest.iter().any(|c| c.is_uppercase())
        && n.chars().count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_keep_either_sex_names_but_not_words_or_places() {
        let dir = std::env::temp_dir().join(format!("nf-first-names-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let male = "JAMES 3.318 3.318 1\nCHRIS 0.5 0.5 2\nJORDAN 0.3 0.3 3\n";
        let female = "MARY 2.629 2.629 1\nCHRIS 0.2 0.2 2\nJORDAN 0.1 0.1 3\nJAMES 0.1 0.1 4\n";
        std::fs::write(dir.join("dist.male.first"), male).unwrap();
        std::fs::write(dir.join("dist.female.first"), female).unwrap();
        let out = build_first_names(&dir, None).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        let rows: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows, ["chris\tu", "james\tm", "mary\tf"]);
    }

    #[test]
    fn given_names_from_python_lists() {
        let src = "class Provider:\n    first_names_male = (\n        \"Recep\",\n        'José',  # a comment (\n        \"Jean-Pierre\",\n    )\n    first_names = first_names_male + first_names_female\n    first_names_female = OrderedDict(((\"Ana\", 0.1), (\"Liv\", 0.2)))\n    last_names = (\"Smith\",)\n";
        let mut got = first_name_literals(src);
        assert_eq!(got, ["Recep", "José", "Jean-Pierre", "Ana", "Liv"]);
        got.retain(|n| written_as_given_name(n));
        assert_eq!(got, ["Recep", "José", "Ana", "Liv"]);
        for n in ["DJ", "Al", "Иван", "ab", "Ab1"] {
            assert!(!written_as_given_name(n), "{n}");
        }
    }
}
