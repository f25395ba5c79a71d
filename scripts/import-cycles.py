#!/usr/bin/env python3
"""List import circles between the library's modules.

Each source file under src/ (but main.rs and cli_models/, the binary) is a
node; an edge A -> B means A names `crate::B...` (a `use` or a path) or
`super::...` resolving to B. Strongly connected components of more than one
file are circles. Files inside `src/ner/` may form circles among themselves
(the tagger's features, names and aggregation call each other by design);
any other circle is reported and the script exits 1.

    python3 scripts/import-cycles.py          # check
    python3 scripts/import-cycles.py --all    # also print the allowed ones
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
ALLOWED_PREFIX = "ner/"


def modules():
    out = {}
    for d, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(d, f), ROOT)
            if rel == "main.rs" or rel.startswith("cli_models/"):
                continue
            out[rel] = open(os.path.join(d, f), encoding="utf-8").read()
    return out


def module_path(rel):
    """src-relative file -> module path list (lib.rs -> [])."""
    parts = rel[:-3].split("/")
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return parts


def resolve(path, files):
    """Longest module path prefix that is a file."""
    for n in range(len(path), 0, -1):
        p = "/".join(path[:n])
        for cand in (p + ".rs", p + "/mod.rs"):
            if cand in files:
                return cand
    return None


def strip_comments(src):
    src = re.sub(r"//[^\n]*", "", src)
    return re.sub(r"/\*.*?\*/", "", src, flags=re.S)


def edges(files):
    g = {f: set() for f in files}
    for f, src in files.items():
        src = strip_comments(src)
        # Test modules are not part of the dependency structure.
        cut = src.find("#[cfg(test)]")
        if cut >= 0:
            src = src[:cut]
        here = module_path(f)
        parent = here[:-1]  # what `super` names, for x.rs and x/mod.rs alike
        targets = []
        for m in re.finditer(r"\bcrate((?:::\w+)+)", src):
            targets.append(m.group(1).split("::")[1:])
        # `use crate::x::{a, b::c}` groups
        for m in re.finditer(r"\bcrate::(\w+)::\{([^;]*?)\};", src, flags=re.S):
            for item in re.split(r",", m.group(2)):
                item = item.strip().split(" as ")[0].strip("{} \n")
                if item and item != "self":
                    targets.append([m.group(1)] + item.split("::"))
        for m in re.finditer(r"\bsuper((?:::\w+)+)", src):
            targets.append(parent + m.group(1).split("::")[1:])
        for m in re.finditer(r"\bsuper::\{([^;]*?)\};", src, flags=re.S):
            base = parent
            for item in m.group(1).split(","):
                item = item.strip().split(" as ")[0].strip("{} \n")
                if item and item != "self":
                    targets.append(base + item.split("::"))
        for t in targets:
            r = resolve(t, files)
            if r and r != f:
                g[f].add(r)
    return g


def scc(g):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def main():
    files = modules()
    g = edges(files)
    bad = 0
    for comp in scc(g):
        allowed = all(c.startswith(ALLOWED_PREFIX) for c in comp)
        if allowed and "--all" not in sys.argv:
            continue
        bad += 0 if allowed else 1
        print(("allowed" if allowed else "CIRCLE") + f" ({len(comp)} files): " + ", ".join(comp))
    if bad:
        print(f"import-cycles: {bad} circle(s) outside {ALLOWED_PREFIX}", file=sys.stderr)
        return 1
    print(f"import-cycles: no circle outside {ALLOWED_PREFIX} ({len(files)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
