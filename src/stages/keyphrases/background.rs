//! The background document frequencies the keyphrases stage weights words
//! by (models/keyphrase-background.tsv, built by `newsflow train
//! background`; see models/keyphrases.md).

pub const EMBEDDED: &str = include_str!("../../../models/keyphrase-background.tsv");

/// Background document frequencies of lower-cased candidate words, keyed by
/// the word's 64-bit hash (no strings to chase on a lookup).
#[derive(Debug, Default)]
pub struct Background {
    docs: u32,
    df: crate::text::ModelMap<u64, u32>,
}

fn word_key(lower: &str) -> u64 {
    crate::text::fnv(b'k', &[lower])
}

impl Background {
    /// A `#documents<TAB>N` header line, then `word<TAB>df` lines; other `#`
    /// lines are comments.
    pub fn parse(tsv: &str) -> Background {
        let mut b = Background::default();
        for l in tsv.lines() {
            let mut f = l.split('\t');
            let (Some(w), Some(n)) = (f.next(), f.next().and_then(|n| n.trim().parse().ok()))
            else {
                continue;
            };
            if w == "#documents" {
                b.docs = n;
            } else if !w.starts_with('#') {
                b.df.insert(word_key(w), n);
            }
        }
        b
    }
    pub fn embedded() -> &'static Background {
        static B: std::sync::OnceLock<Background> = std::sync::OnceLock::new();
        B.get_or_init(|| Background::parse(EMBEDDED))
    }
    pub fn documents(&self) -> u32 {
        self.docs
    }
    pub fn len(&self) -> usize {
        self.df.len()
    }
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }
    /// In how many background documents `lower` occurs (0: in fewer than
    /// three, or never). The entities stage asks it whether a capitalised
    /// word is an everyday word.
    pub fn df(&self, lower: &str) -> u32 {
        self.df.get(&word_key(lower)).copied().unwrap_or(0)
    }

    /// 0 (in every background document) to 1 (in none, or too rare to be
    /// listed): ln((N+1)/(df+1)) / ln(N+1).
    pub fn specificity(&self, lower: &str) -> f64 {
        let n = f64::from(self.docs) + 1.0;
        if n <= 1.0 {
            return 1.0;
        }
        let df = f64::from(
            self.df
                .get(&word_key(lower))
                .copied()
                .unwrap_or(0)
                .min(self.docs),
        );
        (n / (df + 1.0)).ln() / n.ln()
    }
}

/// The background specificity of one token, lower-cased without allocating
/// for ASCII words (as the candidate keys are lower-cased).
pub(super) fn word_specificity(bg: &Background, w: &str) -> f64 {
    let b = w.as_bytes();
    let mut buf = [0u8; 40];
    if b.len() <= buf.len() && b.is_ascii() {
        let lower = &mut buf[..b.len()];
        lower.copy_from_slice(b);
        lower.make_ascii_lowercase();
        bg.specificity(std::str::from_utf8(lower).unwrap_or(w))
    } else {
        bg.specificity(&w.to_lowercase())
    }
}
