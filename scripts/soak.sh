#!/usr/bin/env bash
# The chaos suite's soak (tests/chaos.rs) in a release build: many inputs,
# many SIGKILLs spread over the run, all brokers down and up once, a
# worker joining and leaving, then SIGTERM; every input must be answered
# with the verdict the pure core gives it offline. No broker to install:
# it runs on librdkafka's mock cluster inside the test process.
#
#   scripts/soak.sh                     # 100,000 inputs, 10 kills
#   scripts/soak.sh 500000 40           # inputs, kills
#   NEWSFLOW_CHAOS_WORKERS=4 NEWSFLOW_CHAOS_SEED=7 scripts/soak.sh
#
# It prints a progress line a minute and a summary line (records,
# duplicates, wrong verdicts, lost) and fails on any lost or wrong input.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs="${1:-100000}"
kills="${2:-10}"
# Inputs must all be produced within NEWSFLOW_CHAOS_SECS (about 300 a
# second on 2 cores; the default allows 100 a second).
secs="${NEWSFLOW_CHAOS_SECS:-$(( inputs / 100 + 600 ))}"
export NEWSFLOW_CHAOS_INPUTS="$inputs" NEWSFLOW_CHAOS_KILLS="$kills" NEWSFLOW_CHAOS_SECS="$secs"
echo "soak: $inputs inputs, $kills kills, ${NEWSFLOW_CHAOS_WORKERS:-3} workers, deadline ${secs} s" >&2
exec cargo test --release --test chaos -- --nocapture
