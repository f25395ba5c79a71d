#!/usr/bin/env bash
# Install (if needed) and start a Kafka-compatible broker (tansu 0.6.0,
# SQLite storage) on 127.0.0.1, wait until it answers, and record its pid.
#
#   scripts/broker-start.sh            # port 19092, state in target/broker/
#   NEWSFLOW_BROKER_PORT=9092 scripts/broker-start.sh
#
# Why tansu with SQLite: Apache Kafka and Redpanda cannot be installed here;
# tansu's default build has no storage engine, and its memory engine lost
# messages on a group resume, while SQLite storage resumes exactly.
# Stop it with scripts/broker-stop.sh.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
port="${NEWSFLOW_BROKER_PORT:-19092}"
state="${NEWSFLOW_BROKER_DIR:-$root/target/broker}"
version="0.6.0"
export PATH="$HOME/.cargo/bin:$PATH"

if ! tansu --version 2>/dev/null | grep -q "$version"; then
  echo "broker-start: tansu $version not found; building it from crates.io (takes ~15-25 minutes on 2 cores)..." >&2
  cargo install tansu --locked --version "$version" --features dynostore,libsql
fi

if [ -f "$state/tansu.pid" ] && kill -0 "$(cat "$state/tansu.pid")" 2>/dev/null; then
  echo "broker-start: a broker started by this script is already running (pid $(cat "$state/tansu.pid")); run scripts/broker-stop.sh first" >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "broker-start: something already listens on 127.0.0.1:$port; set NEWSFLOW_BROKER_PORT to a free port" >&2
  exit 1
fi

rm -rf "$state"
mkdir -p "$state"
cd "$state"
nohup tansu broker \
  --listener-url "tcp://127.0.0.1:$port" \
  --advertised-listener-url "tcp://127.0.0.1:$port" \
  --storage-engine "sqlite://tansu.db" >"$state/broker.log" 2>&1 &
echo $! >"$state/tansu.pid"

for _ in $(seq 1 150); do
  if tansu topic list --broker "tcp://127.0.0.1:$port" >/dev/null 2>&1; then
    echo "broker-start: tansu $version ready on 127.0.0.1:$port (pid $(cat "$state/tansu.pid"), log $state/broker.log)" >&2
    exit 0
  fi
  if ! kill -0 "$(cat "$state/tansu.pid")" 2>/dev/null; then
    echo "broker-start: tansu exited during start-up; its log:" >&2
    cat "$state/broker.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "broker-start: tansu did not answer within 30 s; its log:" >&2
cat "$state/broker.log" >&2
exit 1
