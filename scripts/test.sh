#!/usr/bin/env bash
# The test command (README, .ci/run): start a real broker, run every test
# (unit, schema, and the integration suite against the broker), stop it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The enrichment core builds without the worker shell (no rdkafka, tokio,
# prometheus), and no module import circle exists outside src/ner/.
cargo check --locked --no-default-features --lib
python3 scripts/import-cycles.py
# Every deploy/ file, each with its tool (hadolint, docker-compose, yamllint,
# kubernetes-validate, check-jsonschema, promtool); .ci/run installs them.
scripts/deploy-check.sh
export NEWSFLOW_BROKER_PORT="${NEWSFLOW_BROKER_PORT:-19092}"
scripts/broker-start.sh
trap 'scripts/broker-stop.sh' EXIT
export NEWSFLOW_TEST_BROKERS="127.0.0.1:$NEWSFLOW_BROKER_PORT"
# The dedup stage's file store, fresh for every run.
export NEWSFLOW_DATA_DIR="$root/target/test-data"
rm -rf "$NEWSFLOW_DATA_DIR"
cargo test --locked "$@"
# The container build reads only what deploy/Dockerfile copies; check that
# those files are enough (no Docker engine is needed for this).
scripts/docker-context-check.sh
