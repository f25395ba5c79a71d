#!/usr/bin/env python3
"""Checks that keep the deploy kit (deploy/) consistent with itself and the code.

    python3 scripts/deploy_kit.py prometheusrule --write   # regenerate deploy/k8s/prometheusrule.yaml
    python3 scripts/deploy_kit.py check                    # everything below; exit 1 on a problem

`check` verifies:
- deploy/k8s/prometheusrule.yaml holds exactly the rules of deploy/prometheus/alerts.yml;
- deploy/k8s/newsflow.toml is a byte copy of config/newsflow.toml;
- the ScaledObject's consumer group and topic are the config's kafka.group_id
  and one of kafka.input_topics, and its maxReplicaCount is no more than the
  partitions the compose stack creates for that topic;
- the StatefulSet's terminationGracePeriodSeconds covers the worst-case
  shutdown: worker.drain_timeout_secs + 5 + 15 + 15 s (see docs/operations.md);
- every PromQL expression of the Grafana dashboard parses (promtool check
  rules on a temporary file holding each as a recording rule).
Needs PyYAML and promtool (.ci/run installs both).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ALERTS = os.path.join(ROOT, "deploy/prometheus/alerts.yml")
RULE = os.path.join(ROOT, "deploy/k8s/prometheusrule.yaml")
HEADER = """# Generated from deploy/prometheus/alerts.yml by
#   python3 scripts/deploy_kit.py prometheusrule --write
# Do not edit: scripts/deploy-check.sh fails when the two differ.
"""


def load(path):
    with open(os.path.join(ROOT, path) if not os.path.isabs(path) else path, encoding="utf-8") as f:
        return yaml.safe_load(f)


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (PromQL, descriptions) as literal blocks."""


_Dumper.add_representer(
    str,
    lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None),
)


def prometheusrule_text():
    alerts = load(ALERTS)
    doc = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": "newsflow", "labels": {"app.kubernetes.io/name": "newsflow"}},
        "spec": {"groups": alerts["groups"]},
    }
    return "---\n" + HEADER + yaml.dump(doc, Dumper=_Dumper, sort_keys=False, width=150)


def check():
    problems = []
    # PrometheusRule == alerts.yml
    if not os.path.exists(RULE):
        problems.append(f"{RULE} is missing; run: python3 scripts/deploy_kit.py prometheusrule --write")
    elif load(RULE)["spec"]["groups"] != load(ALERTS)["groups"]:
        problems.append("deploy/k8s/prometheusrule.yaml and deploy/prometheus/alerts.yml hold different rules; "
                        "run: python3 scripts/deploy_kit.py prometheusrule --write")
    # Config copy
    with open(os.path.join(ROOT, "config/newsflow.toml"), "rb") as a, open(os.path.join(ROOT, "deploy/k8s/newsflow.toml"), "rb") as b:
        raw = a.read()
        if raw != b.read():
            problems.append("deploy/k8s/newsflow.toml differs from config/newsflow.toml; copy it over")
    config = tomllib.loads(raw.decode())
    # KEDA trigger against the config and the compose topic
    so = load("deploy/k8s/scaledobject.yaml")
    trig = [t for t in so["spec"]["triggers"] if t["type"] == "kafka"]
    if not trig:
        problems.append("deploy/k8s/scaledobject.yaml has no kafka trigger")
    for t in trig:
        md = t["metadata"]
        if md.get("consumerGroup") != config["kafka"]["group_id"]:
            problems.append(f"ScaledObject consumerGroup {md.get('consumerGroup')!r} is not kafka.group_id {config['kafka']['group_id']!r}")
        if md.get("topic") not in config["kafka"]["input_topics"]:
            problems.append(f"ScaledObject topic {md.get('topic')!r} is not one of kafka.input_topics {config['kafka']['input_topics']}")
        compose = open(os.path.join(ROOT, "deploy/compose/docker-compose.yml"), encoding="utf-8").read()
        m = re.search(r"--topic " + re.escape(md.get("topic", "")) + r" --partitions (\d+)", compose)
        if not m:
            problems.append(f"the compose stack does not create topic {md.get('topic')!r}")
        elif so["spec"]["maxReplicaCount"] > int(m.group(1)):
            problems.append(f"ScaledObject maxReplicaCount {so['spec']['maxReplicaCount']} exceeds the {m.group(1)} partitions of {md.get('topic')}")
    # Shutdown budget
    sts = load("deploy/k8s/statefulset.yaml")
    grace = sts["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    drain = config.get("worker", {}).get("drain_timeout_secs", 30)
    worst = drain + 5 + 15 + 15
    if grace <= worst:
        problems.append(f"terminationGracePeriodSeconds {grace} does not exceed the worst-case shutdown {worst} s "
                        f"(drain {drain} + 5 + commit/leave 15 + flush 15)")
    # Dashboard PromQL parses
    dash = json.load(open(os.path.join(ROOT, "deploy/grafana/newsflow.json"), encoding="utf-8"))
    exprs = []

    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                exprs.append((p["title"], t["expr"]))
            walk(p.get("panels", []))
    walk(dash["panels"])
    for v in dash["templating"]["list"]:
        q = v.get("query")
        if isinstance(q, dict):
            m = re.match(r"label_values\((.*),\s*\w+\)$", q["query"])
            if m:
                exprs.append((f"variable {v['name']}", m.group(1)))
    subst = {"$__rate_interval": "1m", "$__range": "1h", "$__interval": "1m"}
    rules = []
    for i, (title, e) in enumerate(exprs):
        for k, val in subst.items():
            e = e.replace(k, val)
        e = re.sub(r"\$(\w+)", ".*", e)  # template variables ($job, ...) are regexes
        rules.append({"record": f"dashboard:expr_{i}", "expr": e})
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, f)
        tmp = f.name
    r = subprocess.run(["promtool", "check", "rules", tmp], capture_output=True, text=True)
    os.unlink(tmp)
    if r.returncode != 0:
        problems.append("dashboard PromQL does not parse:\n" + r.stdout + r.stderr)
    for p in problems:
        print("deploy-kit: " + p, file=sys.stderr)
    if problems:
        return 1
    print(f"deploy-kit: consistent ({len(exprs)} dashboard expressions parse; PrometheusRule = alerts.yml; "
          f"config copy, KEDA trigger and grace period agree with config/newsflow.toml)")
    return 0


def main():
    if sys.argv[1:] == ["prometheusrule", "--write"]:
        with open(RULE, "w", encoding="utf-8") as f:
            f.write(prometheusrule_text())
        print(f"wrote {RULE}")
        return 0
    if sys.argv[1:] == ["check"]:
        return check()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
