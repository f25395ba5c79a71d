//! Name spans against linked mentions: how many of the names an editor
//! linked to Wikipedia in fresh news items (Wikipedia's Current Events
//! portal, `eval entities --wcep`) the entities stage finds with exactly
//! their span, finds at all, or cuts in pieces. The links carry no type
//! and not every name is linked, so this measures recall of name spans
//! only; and the editors' spans are not CoNLL's ("Kalamazoo, Michigan"
//! is one link, "U.S. President" another), so 1.0 is out of reach.
//! Compare rows, not the absolute figure.

use crate::document::Span;

/// Linked mentions scored: a name as written, every word capitalised or
/// a connector of names ("Bosnia and Herzegovina", "Gulf of Aden"); not
/// links over common words ("rubble", "airstrikes").
pub fn is_name(surface: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "al", "and", "bin", "da", "de", "del", "des", "di", "du", "el", "for", "in", "la", "le",
        "of", "on", "the", "van", "von", "y",
    ];
    let mut words = surface.split_whitespace().peekable();
    words
        .peek()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.all(|w| {
            !w.starts_with(char::is_alphabetic)
                || w.starts_with(char::is_uppercase)
                || CONNECTORS.contains(&w)
        })
}

/// Which half of the items an id falls in: "dev" (read while building
/// rules) or "test" (scored, never read). Stable: the sum of the id's
/// bytes, even or odd.
pub fn half(id: &str) -> &'static str {
    match id.bytes().map(u64::from).sum::<u64>() % 2 {
        0 => "dev",
        _ => "test",
    }
}

/// Counts over linked names.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkTally {
    pub items: usize,
    pub names: usize,
    /// A predicted mention with exactly the linked span.
    pub exact: usize,
    /// Some predicted mention overlapping it.
    pub found: usize,
    /// Two or more predicted mentions inside or across it, none exact.
    pub split: usize,
}

impl LinkTally {
    pub fn add(&mut self, other: &LinkTally) {
        self.items += other.items;
        self.names += other.names;
        self.exact += other.exact;
        self.found += other.found;
        self.split += other.split;
    }

    fn rate(&self, n: usize) -> f64 {
        if self.names == 0 {
            0.0
        } else {
            n as f64 / self.names as f64
        }
    }

    /// One line: names, exact, found and split rates.
    pub fn line(&self) -> String {
        format!(
            "{:>6} items {:>6} linked names  exact span {:.4}  found {:.4}  split {:.4}",
            self.items,
            self.names,
            self.rate(self.exact),
            self.rate(self.found),
            self.rate(self.split),
        )
    }
}

/// One item's tally: `gold` are the linked names' byte spans, `predicted`
/// every mention the stage gave, of any type.
pub fn score(gold: &[Span], predicted: &[Span]) -> LinkTally {
    let mut t = LinkTally {
        items: 1,
        ..LinkTally::default()
    };
    for g in gold {
        t.names += 1;
        let over = predicted
            .iter()
            .filter(|p| p.start < g.end && g.start < p.end);
        let exact = over.clone().any(|p| p.start == g.start && p.end == g.end);
        let n = over.count();
        t.exact += usize::from(exact);
        t.found += usize::from(n > 0);
        t.split += usize::from(!exact && n >= 2);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_words_and_connectors() {
        for (s, want) in [
            ("Democratic Republic of the Congo", true),
            ("U.S. Central Command", true),
            ("Gaza", true),
            ("Kata'ib Hezbollah", true),
            ("rubble", false),
            ("Israeli airstrikes", false),
            ("", false),
        ] {
            assert_eq!(is_name(s), want, "{s}");
        }
    }

    #[test]
    fn exact_found_and_split() {
        let s = |a, b| Span::new(a, b);
        // Gold: 0..10 exact, 20..30 split in two, 40..45 overlapped once,
        // 50..55 missed.
        let gold = [s(0, 10), s(20, 30), s(40, 45), s(50, 55)];
        let predicted = [s(0, 10), s(20, 24), s(25, 30), s(38, 43)];
        let t = score(&gold, &predicted);
        assert_eq!(
            t,
            LinkTally {
                items: 1,
                names: 4,
                exact: 1,
                found: 3,
                split: 1
            }
        );
    }

    #[test]
    fn halves_are_stable() {
        assert_eq!(half("a"), "test"); // 97
        assert_eq!(half("b"), "dev"); // 98
    }
}
