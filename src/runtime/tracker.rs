//! Per-partition offset tracking for at-least-once delivery.
//!
//! Invariant: the offset offered for commit on a partition is one past the
//! longest prefix of received messages whose output has been acknowledged.
//! A message still in flight holds back every later offset of its partition.
//! Each assignment of a partition gets a fresh epoch, so a late completion
//! from a previous assignment cannot advance the new one.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub(super) type Tp = (String, i32);

#[derive(Debug, Default)]
struct Part {
    epoch: u64,
    /// Received offsets not yet released by the prefix rule; value = finished.
    pending: BTreeMap<i64, bool>,
    /// One past the last offset of the finished prefix.
    next_commit: Option<i64>,
    /// Last offset known committed on the broker.
    committed: Option<i64>,
}

#[derive(Debug, Default)]
pub(super) struct Tracker {
    parts: HashMap<Tp, Part>,
    epochs: u64,
}

impl Tracker {
    /// Start tracking a partition (on assignment). Resets any old state.
    pub(super) fn assign(&mut self, tp: Tp) -> u64 {
        self.epochs += 1;
        self.parts.insert(
            tp,
            Part {
                epoch: self.epochs,
                ..Part::default()
            },
        );
        self.epochs
    }

    pub(super) fn revoke(&mut self, tp: &Tp) {
        self.parts.remove(tp);
    }

    pub(super) fn is_assigned(&self, tp: &Tp) -> bool {
        self.parts.contains_key(tp)
    }

    pub(super) fn assigned(&self) -> usize {
        self.parts.len()
    }

    /// A message was received; returns the epoch its completion must carry.
    pub(super) fn begin(&mut self, tp: &Tp, offset: i64) -> u64 {
        if !self.parts.contains_key(tp) {
            self.assign(tp.clone());
        }
        let part = self.parts.get_mut(tp).expect("inserted above");
        part.pending.insert(offset, false);
        part.epoch
    }

    /// The output of a message was acknowledged. Returns false if the
    /// completion is stale (partition revoked or reassigned since).
    pub(super) fn finish(&mut self, tp: &Tp, epoch: u64, offset: i64) -> bool {
        let Some(part) = self.parts.get_mut(tp).filter(|p| p.epoch == epoch) else {
            return false;
        };
        match part.pending.get_mut(&offset) {
            Some(done) => *done = true,
            None => return false,
        }
        while let Some(entry) = part.pending.first_entry() {
            if !*entry.get() {
                break;
            }
            part.next_commit = Some(*entry.key() + 1);
            entry.remove();
        }
        true
    }

    /// Messages received and not yet finished, on the given partitions (all if None).
    pub(super) fn in_flight(&self, only: Option<&[Tp]>) -> usize {
        self.parts
            .iter()
            .filter(|(tp, _)| only.is_none_or(|o| o.contains(tp)))
            .map(|(_, p)| p.pending.values().filter(|d| !**d).count())
            .sum()
    }

    /// (partition, offset to commit) where the finished prefix moved past
    /// the last commit, on the given partitions (all if None).
    pub(super) fn commit_candidates(&self, only: Option<&[Tp]>) -> Vec<(Tp, i64)> {
        let mut v: Vec<(Tp, i64)> = self
            .parts
            .iter()
            .filter(|(tp, _)| only.is_none_or(|o| o.contains(tp)))
            .filter_map(|(tp, p)| match (p.next_commit, p.committed) {
                (Some(n), Some(c)) if n <= c => None,
                (Some(n), _) => Some((tp.clone(), n)),
                _ => None,
            })
            .collect();
        v.sort();
        v
    }

    pub(super) fn mark_committed(&mut self, tp: &Tp, offset: i64) {
        if let Some(p) = self.parts.get_mut(tp) {
            p.committed = Some(p.committed.map_or(offset, |c| c.max(offset)));
        }
    }
}

/// A tracker shared between tasks and the consumer's rebalance callback.
#[derive(Default)]
pub(super) struct SharedTracker {
    inner: Mutex<Tracker>,
    changed: Condvar,
}

impl SharedTracker {
    pub(super) fn lock(&self) -> MutexGuard<'_, Tracker> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn finish(&self, tp: &Tp, epoch: u64, offset: i64) -> bool {
        let ok = self.lock().finish(tp, epoch, offset);
        self.changed.notify_all();
        ok
    }

    /// Block until nothing is in flight on `only` or `timeout` passes.
    /// Returns true when drained. Used from the rebalance callback, which
    /// runs on librdkafka's polling thread and may block.
    pub(super) fn wait_drained(&self, only: Option<&[Tp]>, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut guard = self.lock();
        loop {
            if guard.in_flight(only) == 0 {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            guard = self
                .changed
                .wait_timeout(guard, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(p: i32) -> Tp {
        ("t".to_string(), p)
    }

    /// Each step: ('b' begin | 'f' finish, partition, offset); then the
    /// expected commit candidates.
    fn check(steps: &[(char, i32, i64)], expect: &[(i32, i64)]) {
        let mut t = Tracker::default();
        let mut epochs = HashMap::new();
        for &(op, p, o) in steps {
            match op {
                'b' => {
                    epochs.insert(p, t.begin(&tp(p), o));
                }
                'f' => {
                    t.finish(&tp(p), epochs[&p], o);
                }
                _ => unreachable!(),
            }
        }
        let got: Vec<(i32, i64)> = t
            .commit_candidates(None)
            .into_iter()
            .map(|((_, p), o)| (p, o))
            .collect();
        assert_eq!(got, expect, "steps {steps:?}");
    }

    #[test]
    fn contiguous_prefix_only() {
        check(
            &[
                ('b', 0, 0),
                ('b', 0, 1),
                ('b', 0, 2),
                ('f', 0, 1),
                ('f', 0, 2),
            ],
            &[],
        );
        check(
            &[
                ('b', 0, 0),
                ('b', 0, 1),
                ('b', 0, 2),
                ('f', 0, 1),
                ('f', 0, 0),
            ],
            &[(0, 2)],
        );
        check(
            &[('b', 0, 0), ('b', 0, 1), ('f', 0, 1), ('f', 0, 0)],
            &[(0, 2)],
        );
        // Gaps in offsets (compaction) do not block.
        check(
            &[('b', 0, 5), ('b', 0, 9), ('f', 0, 5), ('f', 0, 9)],
            &[(0, 10)],
        );
        // Partitions are independent.
        check(&[('b', 0, 0), ('b', 1, 0), ('f', 1, 0)], &[(1, 1)]);
    }

    #[test]
    fn stale_epochs_and_commits() {
        let mut t = Tracker::default();
        let e1 = t.begin(&tp(0), 0);
        t.assign(tp(0)); // reassigned: old completion must not count
        assert!(!t.finish(&tp(0), e1, 0));
        let e2 = t.begin(&tp(0), 3);
        assert!(t.finish(&tp(0), e2, 3));
        assert_eq!(t.commit_candidates(None), vec![(tp(0), 4)]);
        t.mark_committed(&tp(0), 4);
        assert!(t.commit_candidates(None).is_empty());
        assert_eq!(t.in_flight(None), 0);
    }

    #[test]
    fn wait_drained_times_out_and_wakes() {
        let s = std::sync::Arc::new(SharedTracker::default());
        let e = s.lock().begin(&tp(0), 0);
        assert!(!s.wait_drained(None, Duration::from_millis(20)));
        let s2 = s.clone();
        let h = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            s2.finish(&tp(0), e, 0);
        });
        assert!(s.wait_drained(None, Duration::from_secs(5)));
        h.join().unwrap();
    }
}
