//! What /readyz answers, and why.
//!
//! Ready means *able to work*: the pipeline (models) is loaded, the producer
//! has reached a broker, the consumer has subscribed (it is in its group or
//! joining it), no input is left unanswered (its dead letter refused by the
//! broker, so its partition cannot commit past it), and the worker is not
//! shutting down. Owning partitions is deliberately *not* part of it:
//!
//! - Kubernetes uses readiness to route Service traffic and to pace rolling
//!   updates and PodDisruptionBudgets. A worker receives no traffic, so the
//!   only effect of "unready" is on rollouts: a replica beyond the partition
//!   count (idle by design, a hot standby) would never become Ready and a
//!   rolling update would stall on it; a rebalance would flip every pod
//!   unready at once and trip the budget.
//! - Whether partitions are being worked is a *metric* question
//!   (`newsflow_assigned_partitions`, consumer lag), alerted on per group.
//!
//! `/healthz` stays 200 while the process runs: librdkafka reconnects by
//! itself, so a restart would not help a broker outage.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::internal_events as ev;

/// Readiness inputs, shared by the HTTP server, the service and the clients.
#[derive(Debug, Default)]
pub struct Health {
    pipeline_loaded: AtomicBool,
    producer_up: AtomicBool,
    subscribed: AtomicBool,
    stopping: AtomicBool,
    assigned: AtomicUsize,
    unanswered: AtomicUsize,
    /// The last answer reported, so changes are logged once.
    last: AtomicBool,
}

impl Health {
    /// Ready to work (see the module note).
    pub fn ready(&self) -> bool {
        self.pipeline_loaded.load(Ordering::Relaxed)
            && self.producer_up.load(Ordering::Relaxed)
            && self.subscribed.load(Ordering::Relaxed)
            && !self.stopping.load(Ordering::Relaxed)
            && self.unanswered.load(Ordering::Relaxed) == 0
    }

    /// One line naming each condition, for the 503 body and the log.
    pub fn detail(&self) -> String {
        let f = |b: &AtomicBool| b.load(Ordering::Relaxed);
        format!(
            "pipeline_loaded={} producer_connected={} consumer_subscribed={} stopping={} unanswered_inputs={} assigned_partitions={}",
            f(&self.pipeline_loaded),
            f(&self.producer_up),
            f(&self.subscribed),
            f(&self.stopping),
            self.unanswered.load(Ordering::Relaxed),
            self.assigned.load(Ordering::Relaxed)
        )
    }

    pub fn set_pipeline_loaded(&self) {
        self.pipeline_loaded.store(true, Ordering::Relaxed);
        self.refresh();
    }
    pub fn set_producer_up(&self, up: bool) {
        self.producer_up.store(up, Ordering::Relaxed);
        self.refresh();
    }
    pub fn set_subscribed(&self, subscribed: bool) {
        self.subscribed.store(subscribed, Ordering::Relaxed);
        self.refresh();
    }
    pub fn set_stopping(&self) {
        self.stopping.store(true, Ordering::Relaxed);
        self.refresh();
    }
    /// An input's dead letter was refused (`true`) or finally accepted.
    pub fn set_unanswered(&self, stuck: bool) {
        if stuck {
            self.unanswered.fetch_add(1, Ordering::Relaxed);
        } else {
            self.unanswered.fetch_sub(1, Ordering::Relaxed);
        }
        self.refresh();
    }
    pub fn set_assigned(&self, n: usize) {
        self.assigned.store(n, Ordering::Relaxed);
    }

    /// Report a change of the answer (log line and `newsflow_ready`).
    fn refresh(&self) {
        let now = self.ready();
        if self.last.swap(now, Ordering::Relaxed) != now {
            ev::ReadinessChanged {
                ready: now,
                detail: &self.detail(),
            }
            .emit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Health;

    #[test]
    fn ready_needs_pipeline_producer_and_subscription_not_partitions() {
        let h = Health::default();
        assert!(!h.ready());
        h.set_pipeline_loaded();
        h.set_subscribed(true);
        assert!(!h.ready(), "producer not connected yet");
        h.set_producer_up(true);
        assert!(h.ready(), "no partitions assigned is still ready");
        h.set_assigned(3);
        h.set_assigned(0);
        assert!(h.ready(), "a revoke does not flip readiness");
        h.set_unanswered(true);
        assert!(!h.ready(), "an input's dead letter is refused");
        assert!(h.detail().contains("unanswered_inputs=1"));
        h.set_unanswered(false);
        assert!(h.ready());
        h.set_producer_up(false);
        assert!(!h.ready(), "broker unreachable");
        h.set_producer_up(true);
        h.set_stopping();
        assert!(!h.ready(), "draining for shutdown");
        assert!(h.detail().contains("stopping=true"));
    }
}
