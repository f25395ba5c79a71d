#!/usr/bin/env python3
"""Rebuild GUM's news documents as plain articles for `newsflow eval quotes`.

GUM (../shared/data/ner/gum-news/gum-news-interview-tsv.tar.gz) gives each
Wikinews document as tokens ("team 's coach , Alireza"). `eval entities`
scores on that tokenised text; quote attribution needs the article as a
reader sees it, so this script joins the tokens back the way English prints
them ("team's coach, Alireza"; quote marks against the words they enclose;
"all-girl"), takes the first sentence as the title, and starts a paragraph at
each sentence unless a double quote is still open (a quote stays in one
paragraph). Only the 24 GUM_news_* documents are written (the interviews are
question-and-answer transcripts, not reported speech).

The output is deterministic: eval/gum-quotes-*.tsv give UTF-8 byte offsets
into the `text` it writes, so changing this script invalidates them.

usage: scripts/gum-articles.py [TAR] OUT.jsonl.gz
"""
import gzip
import json
import re
import sys
import tarfile

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DATELINE = re.compile(r"\w+day, (" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\n")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "'ve", "'ll", "'re", "'d", "'m", "’s", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
WORD = re.compile(r"\w")
# Words ending in "s" that a single quote after opens a quotation for, not a
# plural possessive ("as 'streamlined'" but "the girls' robot").
FUNCTION_S = {"as", "is", "was", "has", "his", "its", "this", "thus", "us", "yes", "does"}


def sentences(tsv):
    out, cur = [], None
    for line in tsv.splitlines():
        if line.startswith("#Text="):
            cur = []
            out.append(cur)
        elif line and not line.startswith("#") and cur is not None:
            cols = line.split("\t")
            if len(cols) > 2:
                cur.append(cols[2])
    return [s for s in out if s]


def join(tokens, state):
    """Tokens of one sentence as text; state['dq'] tells whether a double
    quote is open (it carries over sentences)."""
    out = ""
    glue_next = False
    single_open = False
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        space = bool(out) and not glue_next
        glue_next = False
        if t in ('"', "“", "”"):
            if state["dq"]:  # closing: against the word before
                space = False
                state["dq"] = False
            else:  # opening: against the word after
                state["dq"] = True
                glue_next = True
        elif t in ("'", "’"):
            if single_open:
                space = False
                single_open = False
            elif prev is not None and prev.lower().endswith("s") and prev.lower() not in FUNCTION_S:
                # plural possessive: "girls ' robot" -> "girls' robot"
                space = False
            else:
                single_open = True
                glue_next = True
        elif t in NO_SPACE_BEFORE or t.lower() in NO_SPACE_BEFORE:
            space = False
        elif t == "-" and prev and nxt and WORD.match(prev[-1:] or " ") and WORD.match(nxt[:1] or " "):
            space = False
            glue_next = True
        if prev in NO_SPACE_AFTER:
            space = False
        out += (" " if space else "") + t
    return out


def main():
    args = sys.argv[1:]
    tar_path = args[0] if len(args) == 2 else "../shared/data/ner/gum-news/gum-news-interview-tsv.tar.gz"
    out_path = args[-1]
    docs = []
    with tarfile.open(tar_path, "r:gz") as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            base = m.name.rsplit("/", 1)[-1]
            if not (base.startswith("GUM_news_") and base.endswith(".tsv")):
                continue
            sents = sentences(tar.extractfile(m).read().decode("utf-8"))
            state = {"dq": False}
            title = join(sents[0], state)
            state["dq"] = False
            text = ""
            for s in sents[1:]:
                was_open = state["dq"]
                piece = join(s, state)
                if text:
                    text += " " if was_open else "\n\n"
                text += piece
            doc = {"id": "gum:" + base[:-4], "title": title, "text": text}
            # The dateline ("Friday, July 21, 2017") is the publication date.
            m = DATELINE.match(text)
            if m:
                month = MONTHS.index(m.group(1)) + 1
                doc["date"] = f"{int(m.group(3)):04}-{month:02}-{int(m.group(2)):02}"
            docs.append(doc)
    with gzip.open(out_path, "wt", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"gum-articles: {len(docs)} documents -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
