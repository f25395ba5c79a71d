//! Names the article itself says are one: "JK, also known as Jason King",
//! "Abu Bakr al-Baghdadi, better known as …", "Daesh (also known as
//! Islamic State)", "X, aka Y". Two mentions of one type with such a
//! phrase and nothing else between them are one entity: every mention
//! keyed as the second takes the first's key, after all other merges, so
//! the surnames and short forms each already gathered come along ("King
//! says" with "Jason King").

use std::collections::HashMap;

use super::mention::Mention;
use super::merge::{norm, Key};

/// What stands between a name and another name for it. Lower case; the
/// text is compared case-insensitively.
const PHRASES: &[&str] = &[
    ", also known as ",
    " (also known as ",
    ", better known as ",
    " (better known as ",
    ", known as ",
    " (known as ",
    ", aka ",
    " (aka ",
    ", a.k.a. ",
    " (a.k.a. ",
    ", also called ",
    " (also called ",
];

/// Joins the keys of such pairs in `keys` (one per mention, in text order):
/// the groups a chain of pairs links become one, under the key of the
/// earliest first name of a pair. In one pass over the keys, whatever the
/// number of pairs (a hostile input may hold thousands).
pub(super) fn join(text: &str, mentions: &[Mention], keys: &mut [Key]) {
    let pairs: Vec<usize> = (0..mentions.len().saturating_sub(1))
        .filter(|&i| {
            let (a, b) = (&mentions[i], &mentions[i + 1]);
            a.kind == b.kind && a.end < b.start && says_one(&text[a.end..b.start])
        })
        .collect();
    if pairs.is_empty() {
        return;
    }
    // Union-find over the groups' normalised keys.
    let mut parent: HashMap<Key, Key> = HashMap::new();
    let root = |parent: &HashMap<Key, Key>, k: Key| {
        let mut k = k;
        while let Some(p) = parent.get(&k) {
            k = p.clone();
        }
        k
    };
    let mut first_key: HashMap<Key, Key> = HashMap::new();
    for &i in &pairs {
        let a = root(&parent, norm(&keys[i]));
        let b = root(&parent, norm(&keys[i + 1]));
        first_key
            .entry(norm(&keys[i]))
            .or_insert_with(|| keys[i].clone());
        if a != b {
            parent.insert(b, a);
        }
    }
    for k in keys.iter_mut() {
        let n = norm(k);
        if parent.contains_key(&n) || first_key.contains_key(&n) {
            let r = root(&parent, n);
            if let Some(to) = first_key.get(&r) {
                *k = to.clone();
            }
        }
    }
}

/// Whether `between` is one of [`PHRASES`], ignoring case.
fn says_one(between: &str) -> bool {
    between.len() <= 20 && PHRASES.iter().any(|p| between.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, names: &[(&str, &'static str)], expect_one: &[(usize, usize, bool)]) {
        let mentions = super::super::mention::placed(text, names);
        let mut keys: Vec<Key> = mentions
            .iter()
            .map(|m| Key::Name(m.kind, m.text.clone()))
            .collect();
        join(text, &mentions, &mut keys);
        for &(x, y, same) in expect_one {
            assert_eq!(norm(&keys[x]) == norm(&keys[y]), same, "{x} {y} in {text}");
        }
    }

    #[test]
    fn a_name_the_article_gives_another_is_one_entity() {
        check(
            "said JK, also known as Jason King. Later Jason King said so.",
            &[("JK", "PER"), ("Jason King", "PER"), ("Jason King", "PER")],
            &[(0, 1, true), (0, 2, true)],
        );
        check(
            "Daesh (also known as Islamic State) said",
            &[("Daesh", "ORG"), ("Islamic State", "ORG")],
            &[(0, 1, true)],
        );
        // Not two types, not other words between, not a list.
        check(
            "Acme, also known as Jason King, said",
            &[("Acme", "ORG"), ("Jason King", "PER")],
            &[(0, 1, false)],
        );
        check(
            "JK, who is known as Jason King, said",
            &[("JK", "PER"), ("Jason King", "PER")],
            &[(0, 1, false)],
        );
        check(
            "JK, Jason King and Joel Ross said",
            &[("JK", "PER"), ("Jason King", "PER"), ("Joel Ross", "PER")],
            &[(0, 1, false), (1, 2, false)],
        );
    }
}
