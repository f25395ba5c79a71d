//! The word classes the keyphrases stage reads without part-of-speech
//! tags: past forms and participles, particles, modals and common verbs,
//! wire units, "-ly" adverbs, titles, unnamed sources and quantities.

use crate::nlp;

/// A regular past form of at least `min_len` letters ("collapsed",
/// "issued"; not "speed", "seabed", "hundred").
pub(super) fn ends_in_ed(word: &str, min_len: usize) -> bool {
    word.len() >= min_len
        && word.ends_with("ed")
        && !["eed", "bed", "hundred"].iter().any(|x| word.ends_with(x))
}

/// The last word of a phrase looks like a past tense or participle
/// ("palace issued", "people died", "casualties rose", "cyclone known",
/// "chef named"), or a three-word run has an irregular one in the middle
/// ("people died due", "search took advantage"): a clause, not a noun
/// phrase. (A first word may be an adjective, "armed forces", and so may a
/// regular form in the middle, "densely populated northeast".)
pub(super) fn ends_like_verb(key: &str) -> bool {
    let irregular = |x: &str| short_past(x) || nlp::is_irregular_past(x) || participle(x);
    let mut back = key.rsplit(' ');
    let last = back.next().unwrap_or(key);
    if ends_in_ed(last, 5) || irregular(last) {
        return true;
    }
    matches!((back.next(), back.next(), back.next()), (Some(mid), Some(_), None) if irregular(mid))
}

/// A preposition or adverb in lower case that opens or ends no keyphrase,
/// though no stop word: "major heists across", "Lodge near", "turned
/// upon popular", "jobs like", "already pleaded guilty", and alone "like",
/// "among", "behind". ("past" and "away" stay: "past decade", "first away
/// win".)
pub(super) fn particle(word: &str) -> bool {
    // (Asked of every content word: no copy, a length test first.)
    (2..=13).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && matches!(
            word,
            "near" | "around" | "across" | "like" | "almost" | "beyond" | "among" | "amongst"
                | "behind" | "ago" | "along" | "beside" | "beneath" | "upon"
                | "toward" | "towards" | "via" | "already" | "therefore" | "thus" | "hence"
        )
}

/// A modal or a common verb in lower case that names nothing ("shall",
/// "cannot", "take", "become", "wants", "began"): no keyphrase nor part
/// of one ("corporation shall construct", "parties cannot afford", "take
/// place", "become chairman"). Not "use", "need" or "think", which are
/// nouns as often ("internet use", "pressing need", "think tank").
pub(super) fn common_verb(word: &str) -> bool {
    (3..=7).contains(&word.len())
        && matches!(
            word,
            "shall" | "cannot" | "become" | "becomes" | "became" | "seem" | "seems" | "seemed"
                | "begin" | "begins" | "began" | "want" | "wants" | "wanted" | "tell" | "tells"
                | "let" | "lets" | "take" | "takes" | "took" | "know" | "knows" | "knew"
        )
}

/// Wire copy's abbreviated units ("12 pct", "40 mln dlrs", "10 mln
/// stg", "5 cts", "300,000 bpd"): no part of a keyphrase ("five pct", "mln following
/// overwhelming"), as a stop word is not; the amounts stage has them.
pub(super) fn wire_unit(word: &str) -> bool {
    (3..=4).contains(&word.len())
        && ["pct", "mln", "bln", "dlrs", "dlr", "cts", "stg", "bpd"]
            .iter()
            .any(|u| word.eq_ignore_ascii_case(u))
}

/// An adverb in "-ly" ("reportedly", "allegedly", "recently",
/// "eventually"), six letters or more and in lower case; not the nouns and
/// adjectives that end so ("family", "assembly", "deadly", "elderly",
/// "daily", "friendly"), which name things. It opens a phrase only before
/// a participle ("seasonally adjusted", "widely anticipated move",
/// "electronically tagged"), and is none alone or inside or at the end of
/// one ("stabbed reportedly several", "involving allegedly politically",
/// "Lodge formerly", "eventually give").
pub(super) fn ly_adverb(word: &str) -> bool {
    #[rustfmt::skip]
    const NOT_ADVERBS: &[&str] = &[
        "family", "assembly", "supply", "anomaly", "monopoly", "duopoly", "oligopoly",
        "butterfly", "dragonfly", "firefly", "homily", "panoply", "underbelly", "melancholy",
        "multiply", "deadly", "costly", "elderly", "friendly", "unfriendly", "daily", "weekly",
        "monthly", "quarterly", "yearly", "hourly", "nightly", "fortnightly", "biweekly",
        "lonely", "lovely", "lively", "orderly", "unruly", "timely", "untimely", "scholarly",
        "heavenly", "worldly", "stately", "ghostly", "cowardly", "sickly", "leisurely",
        "neighbourly", "neighborly", "brotherly", "motherly", "fatherly", "kindly", "prickly",
        "bubbly", "wobbly", "cuddly", "grisly", "homely", "saintly", "princely", "courtly",
        "bodily", "likely", "unlikely", "disorderly", "smelly", "woolly", "jolly", "silly", "hilly", "burly",
        "surly", "portly", "lowly", "comely", "shapely", "manly", "earthly", "italy",
    ];
    (6..=16).contains(&word.len())
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_ADVERBS.contains(&word)
}

/// Irregular past participles ("known", "given").
pub(super) fn participle(word: &str) -> bool {
    matches!(
        word,
        "known" | "given" | "taken" | "seen" | "shown" | "done" | "gone" | "written" | "spoken"
            | "chosen" | "drawn" | "grown" | "thrown" | "told" | "begun" | "driven" | "hidden"
    )
}

/// Regular past forms too short for the "-ed" test.
pub(super) fn short_past(word: &str) -> bool {
    matches!(word, "died" | "tied" | "lied" | "owed" | "axed")
}

/// A title or honorific said before a name: never a keyphrase alone.
#[rustfmt::skip]
pub(super) fn title(key: &str) -> bool {
    matches!(
        key,
        "sir" | "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "dame" | "lord" | "lady" | "prof"
            | "rev" | "president" | "vice" | "professor" | "minister" | "secretary" | "governor"
            | "senator" | "mayor" | "chairman" | "chairwoman" | "spokesman" | "spokeswoman"
            | "spokesperson"
    )
}

/// Whom wire copy quotes without a name ("analysts", "dealers",
/// "sources", "officials", by their singular keys): who spoke, not what
/// the article is about; never a keyphrase alone.
pub(super) fn unnamed_source(key: &str) -> bool {
    matches!(
        key,
        "analyst" | "dealer" | "banker" | "economist" | "trader" | "source" | "official"
    )
}

/// A number word or unit said of amounts ("thousand", "percent",
/// "tonne"), as its singular key (`singular_key`: "thousands" is
/// "thousand" there): the amounts stage has those; never a keyphrase
/// alone.
#[rustfmt::skip]
pub(super) fn quantity(key: &str) -> bool {
    matches!(
        key,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "percent" | "dozen"
            | "tonne" | "ton"
            | "eleven" | "twelve"
            | "thirteen" | "fourteen" | "fifteen" | "sixteen" | "seventeen" | "eighteen"
            | "nineteen" | "twenty" | "thirty" | "forty" | "fifty"
    )
}

/// A single word that is a past form ("won", "filed", "declared", "died").
pub(super) fn past_form(word: &str) -> bool {
    nlp::is_irregular_past(word)
        || ends_in_ed(word, 5)
        || short_past(word)
}
