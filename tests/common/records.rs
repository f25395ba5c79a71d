//! Inputs and output bookkeeping for the broker tests: a mixed batch of
//! good and bad messages, and records grouped by the message they answer.

use std::collections::{BTreeSet, HashMap};

use super::kafka::{bad_input, good_input, Input, Out};

pub(crate) fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// Inputs: `n` messages, every tenth one bad. Returns (inputs, key → expected dead-letter reason).
pub(crate) fn mixed(n: usize) -> (Vec<Input>, HashMap<String, &'static str>) {
    let mut inputs = Vec::with_capacity(n);
    let mut bad = HashMap::new();
    for i in 0..n {
        if i % 10 == 9 {
            let (input, reason) = bad_input(i / 10);
            bad.insert(input.key.clone(), reason);
            inputs.push(input);
        } else {
            inputs.push(good_input(i));
        }
    }
    (inputs, bad)
}

/// source (partition, offset) → records answering it.
pub(crate) fn by_source(records: &[Out]) -> HashMap<(i32, i64), Vec<&Out>> {
    let mut m: HashMap<(i32, i64), Vec<&Out>> = HashMap::new();
    for r in records {
        m.entry(r.source()).or_default().push(r);
    }
    m
}

pub(crate) fn distinct_sources(records: &[Out]) -> usize {
    records
        .iter()
        .map(Out::source)
        .collect::<BTreeSet<_>>()
        .len()
}
