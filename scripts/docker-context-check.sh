#!/usr/bin/env bash
# Builds the binary from exactly the files deploy/Dockerfile copies into its
# build stage, without Docker (none runs on the build machine). It catches
# a Dockerfile that forgets a directory the build reads: cargo refuses a
# manifest whose bench files are missing, and the binary embeds models/,
# samples/ and config/. Reuses this checkout's target directory, so only
# the crate itself is compiled. Usage: scripts/docker-context-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
# COPY lines of the first (build) stage; the last argument is the destination.
n=0
while read -r _ args; do
  set -- $args
  while [ "$#" -gt 1 ]; do
    cp -r "$root/$1" "$ctx/"
    n=$((n + 1))
    shift
  done
done < <(awk '/^FROM/ { stage++ } stage == 1 && /^COPY/ && !/--from/' "$root/deploy/Dockerfile")
echo "docker-context-check: $n paths copied from deploy/Dockerfile's build stage"
cd "$ctx"
CARGO_TARGET_DIR="$root/target/docker-context" cargo build --locked --offline --bin newsflow
echo "docker-context-check: the build stage's files are enough to build newsflow"
