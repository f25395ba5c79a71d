//! Folding of repeated warnings, so an outage does not flood the log.
//!
//! With the broker down, librdkafka reports the same few errors many times a
//! second. A warning passes through `Repeats::admit` with a key (its client
//! and its text with digits masked, so "after 12ms" and "after 15ms" are one
//! warning): the first occurrence is logged, further ones within the window
//! are only counted (`newsflow_log_lines_suppressed_total`), and the first
//! occurrence after the window is logged with `repeated=N`, the count folded
//! into it. Metrics still count every event.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a warning stays folded after it was last logged.
pub(super) const WINDOW: Duration = Duration::from_secs(30);

/// Keys kept at most; beyond this the oldest are forgotten (bounded memory
/// even if messages carry unbounded variety).
const MAX_KEYS: usize = 1024;

#[derive(Default)]
pub(super) struct Repeats {
    seen: Mutex<HashMap<String, (Instant, u64)>>,
}

/// A Kafka client error's key: `scope` and the error code, the first word
/// once rdkafka's "Global error: " / "Message consumption error: " prefix
/// is dropped. The error callback and the consume loop report one broker
/// outage with both prefixes and varying details; this folds them into one.
pub(super) fn error_key(scope: &str, error: &str) -> String {
    let e = error
        .strip_prefix("Global error: ")
        .or_else(|| error.strip_prefix("Message consumption error: "))
        .unwrap_or(error);
    let code = e.split([' ', ':', '(']).next().unwrap_or(e);
    key(scope, code)
}

/// A warning's key: `scope`, then `text` with every digit run replaced by `#`
/// and librdkafka's ", N identical error(s) suppressed" dropped.
pub(super) fn key(scope: &str, text: &str) -> String {
    let mut k = String::with_capacity(scope.len() + text.len() + 1);
    k.push_str(scope);
    k.push('|');
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                k.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            k.push(c);
        }
    }
    k.replace(", # identical error(s) suppressed", "")
}

impl Repeats {
    /// `Some(n)` when the warning should be logged now, `n` being how many
    /// repeats were folded since it was last logged; `None` to fold it.
    pub(super) fn admit(&self, key: String, now: Instant) -> Option<u64> {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((logged_at, folded)) = seen.get_mut(&key) {
            if now.duration_since(*logged_at) < WINDOW {
                *folded += 1;
                return None;
            }
            let n = *folded;
            *logged_at = now;
            *folded = 0;
            return Some(n);
        }
        if seen.len() >= MAX_KEYS {
            if let Some(oldest) = seen.iter().min_by_key(|(_, v)| v.0).map(|(k, _)| k.clone()) {
                seen.remove(&oldest);
            }
        }
        seen.insert(key, (now, 0));
        Some(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked_in_keys() {
        let check = |a: &str, b: &str, same: bool| {
            assert_eq!(key("c", a) == key("c", b), same, "{a:?} vs {b:?}");
        };
        check(
            "127.0.0.1:9092/bootstrap: Connect failed (after 0ms in state CONNECT)",
            "127.0.0.1:9092/bootstrap: Connect failed (after 12ms in state CONNECT)",
            true,
        );
        check("1/1 brokers are down", "2/3 brokers are down", true);
        check("Connection refused", "Timed out", false);
        check(
            "Connect failed (after 0ms in state CONNECT)",
            "Connect failed (after 0ms in state CONNECT, 1 identical error(s) suppressed)",
            true,
        );
        assert_eq!(
            error_key("consumer", "Global error: AllBrokersDown (Local: All broker connections are down): 1/1 brokers are down"),
            error_key("consumer", "Message consumption error: AllBrokersDown (Local: All broker connections are down)"),
        );
        assert_ne!(
            error_key("consumer", "Global error: AllBrokersDown (x)"),
            error_key("consumer", "Global error: BrokerTransportFailure (x)"),
        );
        assert_ne!(key("consumer", "x"), key("producer", "x"));
    }

    #[test]
    fn a_repeat_is_folded_within_the_window_and_counted_after_it() {
        let r = Repeats::default();
        let t0 = Instant::now();
        let k = || key("producer", "all brokers down");
        assert_eq!(r.admit(k(), t0), Some(0));
        for i in 1..=5 {
            assert_eq!(r.admit(k(), t0 + Duration::from_secs(i)), None);
        }
        assert_eq!(r.admit(key("producer", "other"), t0), Some(0));
        assert_eq!(r.admit(k(), t0 + WINDOW + Duration::from_secs(1)), Some(5));
        assert_eq!(r.admit(k(), t0 + WINDOW + Duration::from_secs(2)), None);
    }

    #[test]
    fn keys_are_bounded() {
        let r = Repeats::default();
        let t0 = Instant::now();
        for i in 0..(MAX_KEYS + 10) {
            r.admit(format!("k{i}"), t0);
        }
        assert!(r.seen.lock().unwrap().len() <= MAX_KEYS);
    }
}
