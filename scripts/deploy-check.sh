#!/usr/bin/env bash
# Checks every file of the deploy kit with a real tool (run by
# scripts/test.sh; .ci/run installs the tools). No container engine or
# cluster is needed, and none runs here: these check the files, not a
# running deployment.
#   hadolint            deploy/Dockerfile
#   docker-compose      deploy/compose/docker-compose.yml (config), and the
#                       compose-spec schema (check-jsonschema)
#   yamllint            every YAML file under deploy/
#   kubernetes-validate core kinds of deploy/k8s (--strict)
#   check-jsonschema    PodMonitor, PrometheusRule, ScaledObject,
#                       Kustomization against deploy/k8s/schemas/
#   promtool            check rules and test rules (deploy/prometheus)
#   deploy_kit.py       PrometheusRule = alerts.yml, config copy, KEDA
#                       trigger, grace period, dashboard PromQL parses
# The metric names the kit uses are checked against a real /metrics by
# `cargo test --test deploy_kit`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/deploy"
for tool in hadolint docker-compose yamllint kubernetes-validate check-jsonschema promtool; do
  command -v "$tool" >/dev/null || { echo "deploy-check: $tool not found; .ci/run installs it" >&2; exit 1; }
done
step() { echo "deploy-check: $*" >&2; }

step "hadolint Dockerfile"
hadolint Dockerfile
step "docker-compose config"
docker-compose -f compose/docker-compose.yml config -q
check-jsonschema --builtin-schema vendor.compose-spec compose/docker-compose.yml
step "yamllint"
yamllint -s -c .yamllint.yml .
step "kubernetes-validate --strict (core kinds)"
kubernetes-validate --strict --quiet k8s/statefulset.yaml k8s/redis.yaml k8s/service.yaml k8s/pdb.yaml k8s/secret.example.yaml
step "check-jsonschema (CRD kinds, kustomization)"
check-jsonschema --schemafile k8s/schemas/podmonitor.json k8s/podmonitor.yaml
check-jsonschema --schemafile k8s/schemas/prometheusrule.json k8s/prometheusrule.yaml
check-jsonschema --schemafile k8s/schemas/scaledobject.json k8s/scaledobject.yaml
check-jsonschema --schemafile k8s/schemas/kustomization.json k8s/kustomization.yaml
step "promtool"
promtool check rules prometheus/alerts.yml
promtool test rules prometheus/alerts.test.yml
# The compose config loads /etc/prometheus/alerts.yml (its mount); check it
# with that path pointed at the repo's file.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed "s#/etc/prometheus/alerts.yml#$root/deploy/prometheus/alerts.yml#" compose/prometheus.yml >"$tmp/prometheus.yml"
promtool check config "$tmp/prometheus.yml"
step "consistency"
python3 "$root/scripts/deploy_kit.py" check
step "all deploy files pass"
