//! The consume loop's own calls on the consumer: pausing and resuming a
//! partition held by an unanswered input (`Hold`), and committing the
//! finished prefixes (periodic and at shutdown).

use std::collections::HashMap;

use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::TopicPartitionList;

use super::context::{to_list, WorkerConsumerContext};
use super::tracker::{SharedTracker, Tp};
use super::Hold;
use crate::internal_events as ev;

pub(super) fn one(tp: &Tp) -> TopicPartitionList {
    let mut l = TopicPartitionList::with_capacity(1);
    l.add_partition(&tp.0, tp.1);
    l
}

/// Pause a partition when its first unanswered input asks, resume it when
/// its last one is answered. While paused, its later messages wait in the
/// broker instead of being processed and then redelivered (uncommittable
/// past the held input) after a restart.
pub(super) fn apply_hold(
    consumer: &StreamConsumer<WorkerConsumerContext>,
    held: &mut HashMap<Tp, usize>,
    hold: Hold,
) {
    let (tp, paused) = match hold {
        Hold::Pause(tp) => {
            let n = held.entry(tp.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                return;
            }
            (tp, true)
        }
        Hold::Resume(tp) => {
            match held.get_mut(&tp) {
                Some(n) if *n > 1 => {
                    *n -= 1;
                    return;
                }
                Some(_) => {
                    held.remove(&tp);
                }
                None => return,
            }
            (tp, false)
        }
    };
    let list = one(&tp);
    let result = if paused {
        consumer.pause(&list)
    } else {
        consumer.resume(&list)
    };
    ev::PartitionHeld {
        topic: &tp.0,
        partition: tp.1,
        held: paused,
        error: result.err().map(|e| e.to_string()).as_deref(),
    }
    .emit();
}

/// Commit the finished prefixes synchronously (on the blocking pool) and
/// record what the broker accepted. Used by the periodic loop and at shutdown.
/// (Commit results are not taken from librdkafka's commit callback: with a
/// StreamConsumer it was not delivered for explicit-offset async commits here.)
pub(super) fn commit_now(
    consumer: &StreamConsumer<WorkerConsumerContext>,
    tracker: &SharedTracker,
    mode: &'static str,
) {
    let candidates = tracker.lock().commit_candidates(None);
    if candidates.is_empty() {
        return;
    }
    let list = to_list(&candidates);
    let started = std::time::Instant::now();
    let result = consumer.commit(&list, CommitMode::Sync);
    ev::CommitTimed {
        seconds: started.elapsed().as_secs_f64(),
    }
    .emit();
    drop(list);
    match result {
        Ok(()) => {
            let mut t = tracker.lock();
            for (tp, o) in &candidates {
                t.mark_committed(tp, *o);
            }
            ev::OffsetsCommitted {
                partitions: candidates.len(),
                mode,
            }
            .emit();
        }
        Err(e) => ev::CommitFailed {
            error: &e.to_string(),
        }
        .emit(),
    }
}
