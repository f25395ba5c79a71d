//! Which dead letters `replay` sends: filters over the dead-letter record
//! (reason, time, source coordinates, key), pure and testable.

use chrono::{DateTime, Utc};
use serde_json::Value;

/// A half-open range of source offsets, `from..to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OffsetRange {
    /// First offset included.
    pub from: Option<i64>,
    /// First offset excluded.
    pub to: Option<i64>,
}

impl std::str::FromStr for OffsetRange {
    type Err = String;
    /// `A..B` (A included, B excluded), `A..`, `..B`, or `A` (just A).
    fn from_str(s: &str) -> Result<Self, String> {
        let num = |t: &str| -> Result<Option<i64>, String> {
            if t.is_empty() {
                return Ok(None);
            }
            t.trim().parse::<i64>().map(Some).map_err(|_| {
                format!("{s:?} is not an offset range; use A..B (B excluded), A.., ..B or A")
            })
        };
        match s.split_once("..") {
            Some((a, b)) => Ok(OffsetRange {
                from: num(a)?,
                to: num(b)?,
            }),
            None => {
                let a = num(s)?.ok_or_else(|| "empty offset range".to_string())?;
                Ok(OffsetRange {
                    from: Some(a),
                    to: Some(a + 1),
                })
            }
        }
    }
}

impl OffsetRange {
    fn contains(self, o: i64) -> bool {
        self.from.is_none_or(|f| o >= f) && self.to.is_none_or(|t| o < t)
    }
}

/// A time bound: RFC 3339 ("2026-12-01T09:00:00Z"), or an age before `now`
/// ("90s", "30m", "2h", "7d").
pub fn parse_time_bound(s: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    let secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => 0,
    };
    match n.parse::<i64>() {
        Ok(n) if secs > 0 && n >= 0 => Ok(now - chrono::Duration::seconds(n * secs)),
        _ => Err(format!(
            "{s:?} is not a time; use RFC 3339 (2026-12-01T09:00:00Z) or an age such as 30m, 2h, 7d"
        )),
    }
}

/// Dead letters to select; an empty filter selects all.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Reason codes (any of them).
    pub reasons: Vec<String>,
    /// Dead-lettered at or after.
    pub since: Option<DateTime<Utc>>,
    /// Dead-lettered before.
    pub until: Option<DateTime<Utc>>,
    /// Source topic.
    pub source_topic: Option<String>,
    /// Source partition.
    pub source_partition: Option<i32>,
    /// Source offsets.
    pub offsets: Option<OffsetRange>,
    /// Message key (exact).
    pub key: Option<String>,
}

impl Filter {
    /// Whether the dead-letter record `dl` is selected.
    pub fn matches(&self, dl: &Value) -> bool {
        let src = &dl["source"];
        let reason_ok = self.reasons.is_empty()
            || dl["reason"]
                .as_str()
                .is_some_and(|r| self.reasons.iter().any(|x| x == r));
        let at = dl["dead_lettered_at"]
            .as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        let time_ok = match (self.since, self.until, at) {
            (None, None, _) => true,
            (_, _, None) => false,
            (s, u, Some(t)) => s.is_none_or(|s| t >= s) && u.is_none_or(|u| t < u),
        };
        let topic_ok = self
            .source_topic
            .as_deref()
            .is_none_or(|t| src["topic"].as_str() == Some(t));
        let partition_ok = self
            .source_partition
            .is_none_or(|p| src["partition"].as_i64() == Some(i64::from(p)));
        let offset_ok = self
            .offsets
            .is_none_or(|r| src["offset"].as_i64().is_some_and(|o| r.contains(o)));
        let key_ok = self
            .key
            .as_deref()
            .is_none_or(|k| src["key"].as_str() == Some(k));
        reason_ok && time_ok && topic_ok && partition_ok && offset_ok && key_ok
    }

    /// A stable text of the filter, for naming its replay cursor.
    pub fn describe(&self) -> String {
        format!(
            "reasons={:?} since={:?} until={:?} topic={:?} partition={:?} offsets={:?} key={:?}",
            self.reasons,
            self.since.map(|t| t.to_rfc3339()),
            self.until.map(|t| t.to_rfc3339()),
            self.source_topic,
            self.source_partition,
            self.offsets.map(|r| (r.from, r.to)),
            self.key
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dl() -> Value {
        json!({"reason": "too_large", "dead_lettered_at": "2026-12-01T10:00:00Z",
               "source": {"topic": "news.raw", "partition": 2, "offset": 41, "key": "k1"}})
    }

    fn check(filter: Filter, expect: bool) {
        assert_eq!(filter.matches(&dl()), expect, "{}", filter.describe());
    }

    #[test]
    fn each_filter_selects_and_rejects() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        check(Filter::default(), true);
        let f = |reasons: &[&str]| Filter {
            reasons: reasons.iter().map(|r| (*r).to_string()).collect(),
            ..Filter::default()
        };
        check(f(&["empty", "too_large"]), true);
        check(f(&["empty"]), false);
        check(
            Filter {
                since: Some(t("2026-12-01T10:00:00Z")),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                until: Some(t("2026-12-01T10:00:00Z")),
                ..Filter::default()
            },
            false,
        );
        check(
            Filter {
                source_topic: Some("news.raw".into()),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                source_topic: Some("other".into()),
                ..Filter::default()
            },
            false,
        );
        check(
            Filter {
                source_partition: Some(2),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                source_partition: Some(1),
                ..Filter::default()
            },
            false,
        );
        check(
            Filter {
                offsets: Some("40..42".parse().unwrap()),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                offsets: Some("42..".parse().unwrap()),
                ..Filter::default()
            },
            false,
        );
        check(
            Filter {
                offsets: Some("41".parse().unwrap()),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                key: Some("k1".into()),
                ..Filter::default()
            },
            true,
        );
        check(
            Filter {
                key: Some("k2".into()),
                ..Filter::default()
            },
            false,
        );
    }

    #[test]
    fn ranges_and_times_parse_or_explain() {
        assert_eq!(
            "..7".parse::<OffsetRange>(),
            Ok(OffsetRange {
                from: None,
                to: Some(7)
            })
        );
        assert!("a..b".parse::<OffsetRange>().unwrap_err().contains("A..B"));
        let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_time_bound("2h", now).unwrap().to_rfc3339(),
            "2026-12-01T10:00:00+00:00"
        );
        assert_eq!(
            parse_time_bound("2026-11-30T00:00:00Z", now)
                .unwrap()
                .to_rfc3339(),
            "2026-11-30T00:00:00+00:00"
        );
        assert!(parse_time_bound("yesterday", now)
            .unwrap_err()
            .contains("RFC 3339"));
    }
}
