#!/usr/bin/env bash
# Stop the broker started by scripts/broker-start.sh, by its recorded pid.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${NEWSFLOW_BROKER_DIR:-$root/target/broker}"
pidfile="$state/tansu.pid"
if [ ! -f "$pidfile" ]; then
  echo "broker-stop: no $pidfile; nothing to stop" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  echo "broker-stop: stopped tansu (pid $pid)" >&2
fi
rm -f "$pidfile"
