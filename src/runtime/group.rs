//! The whole consumer group, as the broker sees it: for every partition of
//! the input topics, the group's committed offset against the high
//! watermark (lag), and whether any member of the group owns it.
//!
//! Per-replica lag (`newsflow_consumer_lag_messages`) covers only the
//! partitions a replica holds, so a partition that no live member owns, or
//! a group whose members were all assigned nothing, shows no lag anywhere.
//! This check sees it: `newsflow_group_lag_messages` (per topic) and
//! `newsflow_group_unowned_partitions` (partitions with lag that no member
//! owns), a folded warning in the log, and the `NewsflowGroupStalled` alert.
//! Every replica reports the same group, so alerts take the max.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::{Offset, TopicPartitionList};
use tokio_util::sync::CancellationToken;

use super::context::WorkerConsumerContext;
use super::tracker::Tp;
use super::Shared;
use crate::internal_events as ev;

/// One check's result.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct GroupReport {
    /// Sum of lag over each input topic's partitions.
    pub lag_by_topic: BTreeMap<String, i64>,
    /// Partitions with lag that no member owns.
    pub unowned_with_lag: Vec<Tp>,
    /// Members in the group.
    pub members: usize,
    /// Whether membership could be read (some brokers refuse DescribeGroups).
    pub membership_known: bool,
}

/// The topic partitions of a member's assignment (the consumer protocol's
/// `Assignment`: version i16, [topic string, [partition i32]], user data).
pub(super) fn parse_assignment(bytes: &[u8]) -> Option<Vec<Tp>> {
    let mut at = 0usize;
    let mut take = |n: usize| -> Option<&[u8]> {
        let s = bytes.get(at..at + n)?;
        at += n;
        Some(s)
    };
    let _version = i16::from_be_bytes(take(2)?.try_into().ok()?);
    let topics = i32::from_be_bytes(take(4)?.try_into().ok()?);
    let mut out = Vec::new();
    for _ in 0..topics.max(0) {
        let len = i16::from_be_bytes(take(2)?.try_into().ok()?);
        let topic = String::from_utf8(take(usize::try_from(len).ok()?)?.to_vec()).ok()?;
        let n = i32::from_be_bytes(take(4)?.try_into().ok()?);
        for _ in 0..n.max(0) {
            out.push((topic.clone(), i32::from_be_bytes(take(4)?.try_into().ok()?)));
        }
    }
    Some(out)
}

/// Lag per partition and ownership, summarised.
pub(super) fn summarise(
    lags: &[(Tp, i64)],
    owned: Option<&HashSet<Tp>>,
    members: usize,
) -> GroupReport {
    let mut report = GroupReport {
        members,
        membership_known: owned.is_some(),
        ..GroupReport::default()
    };
    for ((topic, p), lag) in lags {
        *report.lag_by_topic.entry(topic.clone()).or_default() += lag.max(&0);
        if let Some(owned) = owned {
            if *lag > 0 && !owned.contains(&(topic.clone(), *p)) {
                report.unowned_with_lag.push((topic.clone(), *p));
            }
        }
    }
    report
}

/// Ask the broker (blocking; run it on the blocking pool).
fn check(
    consumer: &StreamConsumer<WorkerConsumerContext>,
    topics: &[String],
    group: &str,
) -> Result<GroupReport, KafkaError> {
    let timeout = Duration::from_secs(10);
    let mut tpl = TopicPartitionList::new();
    let mut watermarks = Vec::new();
    for topic in topics {
        let md = consumer.fetch_metadata(Some(topic), timeout)?;
        for t in md.topics().iter().filter(|t| t.name() == topic) {
            for p in t.partitions() {
                let (low, high) = consumer.fetch_watermarks(topic, p.id(), timeout)?;
                watermarks.push(((topic.clone(), p.id()), low, high));
                tpl.add_partition(topic, p.id());
            }
        }
    }
    let committed = consumer.committed_offsets(tpl, timeout)?;
    let lags: Vec<(Tp, i64)> = watermarks
        .into_iter()
        .map(|((t, p), low, high)| {
            let from = match committed.find_partition(&t, p).map(|e| e.offset()) {
                Some(Offset::Offset(o)) => o.max(low),
                _ => low,
            };
            ((t, p), (high - from).max(0))
        })
        .collect();
    drop(committed);
    let (owned, members) = match consumer.fetch_group_list(Some(group), timeout) {
        Ok(list) => {
            let mut owned = HashSet::new();
            let mut members = 0;
            for g in list.groups().iter().filter(|g| g.name() == group) {
                for m in g.members() {
                    members += 1;
                    owned.extend(
                        m.assignment()
                            .and_then(parse_assignment)
                            .unwrap_or_default(),
                    );
                }
            }
            // This worker is a member, so an empty list means the broker
            // does not report membership (tansu 0.6.0 answers so): unknown.
            if members == 0 {
                (None, 0)
            } else {
                (Some(owned), members)
            }
        }
        Err(_) => (None, 0),
    };
    Ok(summarise(&lags, owned.as_ref(), members))
}

/// Check the group every `worker.group_check_interval_secs` until `stop`.
pub(super) async fn group_check_loop(
    consumer: Arc<StreamConsumer<WorkerConsumerContext>>,
    shared: Arc<Shared>,
    stop: CancellationToken,
) {
    let secs = shared.config.worker.group_check_interval_secs;
    if secs == 0 {
        return;
    }
    let mut tick = tokio::time::interval(Duration::from_secs(secs));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        let (c, s) = (consumer.clone(), shared.clone());
        let checked = tokio::task::spawn_blocking(move || {
            check(&c, &s.config.kafka.input_topics, &s.config.kafka.group_id)
        })
        .await;
        match checked {
            Ok(Ok(report)) => ev::GroupChecked {
                lag_by_topic: &report.lag_by_topic,
                unowned: &report.unowned_with_lag,
                members: report.members,
                membership_known: report.membership_known,
            }
            .emit(),
            Ok(Err(e)) => ev::GroupCheckFailed {
                error: &e.to_string(),
            }
            .emit(),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(parts: &[(&str, &[i32])]) -> Vec<u8> {
        let mut b = 0i16.to_be_bytes().to_vec();
        b.extend((parts.len() as i32).to_be_bytes());
        for (t, ps) in parts {
            b.extend((t.len() as i16).to_be_bytes());
            b.extend(t.as_bytes());
            b.extend((ps.len() as i32).to_be_bytes());
            for p in *ps {
                b.extend(p.to_be_bytes());
            }
        }
        b.extend((-1i32).to_be_bytes()); // no user data
        b
    }

    #[test]
    fn assignments_parse_and_garbage_does_not() {
        let tp = |t: &str, p| (t.to_string(), p);
        assert_eq!(
            parse_assignment(&assignment(&[("in", &[0, 3]), ("b", &[1])])),
            Some(vec![tp("in", 0), tp("in", 3), tp("b", 1)])
        );
        assert_eq!(parse_assignment(&assignment(&[])), Some(vec![]));
        assert_eq!(parse_assignment(&[0, 0, 0, 0, 0, 9, 1]), None);
        assert_eq!(parse_assignment(&[]), None);
    }

    #[test]
    fn unowned_partitions_with_lag_are_reported() {
        let tp = |p| ("in".to_string(), p);
        let lags = [(tp(0), 5), (tp(1), 0), (tp(2), 7), (tp(3), 2)];
        let owned: HashSet<Tp> = [tp(0), tp(3)].into_iter().collect();
        let r = summarise(&lags, Some(&owned), 2);
        assert_eq!(r.lag_by_topic["in"], 14);
        assert_eq!(r.unowned_with_lag, vec![tp(2)], "partition 1 has no lag");
        // All members assigned nothing: every partition with lag is unowned.
        let r = summarise(&lags, Some(&HashSet::new()), 3);
        assert_eq!(r.unowned_with_lag.len(), 3);
        // Membership unknown: lag only.
        let r = summarise(&lags, None, 0);
        assert!(r.unowned_with_lag.is_empty() && !r.membership_known);
    }
}
