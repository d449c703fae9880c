"""Check team-written training files before they ship: format, labels, actor spans and originality.

    .venv/bin/python scripts/check_training.py training/dyads_*.tsv

For each row: six tab-separated columns; unique ids; a CAMEO code whose PLOVER type
(src/detente/events/data/cameo.tsv) is the row's label (NONE rows have none); source and target
substrings of the sentence that do not overlap where the coder finds them (whole words first).
Across rows: no two sentences
share seven consecutive words, within a file or with another training file, and none shares seven
with PLV (../shared/eval/plv_train.tsv, when present: training text must be our own). Prints only
the problems, by file and line (never evaluation text), and exits 1 when there are any.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from detente.events.dyad import span_start  # where the coder finds an actor given as text

ROOT = Path(__file__).resolve().parents[1]
PLV = ROOT.parent / "shared/eval/plv_train.tsv"
HEADER = ["id", "plover", "cameo", "source", "target", "sentence"]
SHARED_WORDS = 7


def grams(sentence: str) -> set[str]:
    words = re.findall(r"[a-z0-9']+", sentence.lower())
    return {" ".join(words[i : i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1)}


def plover_types() -> dict[str, str]:
    with (ROOT / "src/detente/events/data/cameo.tsv").open(encoding="utf-8") as handle:
        return {row["code"]: row["plover_type"] for row in csv.DictReader(handle, delimiter="\t")}


def row_problems(cols: list[str], types: dict[str, str]) -> list[str]:
    if len(cols) != len(HEADER):
        return [f"{len(cols)} columns, not {len(HEADER)}"]
    _, plover, code, source, target, sentence = cols
    problems = []
    if plover == "NONE" and code:
        problems.append("a NONE row has no CAMEO code")
    elif plover != "NONE" and types.get(code) != plover:
        problems.append(f"CAMEO {code!r} is {types.get(code)!r} in cameo.tsv, the row says {plover}")
    spans = []
    for name, span in (("source", source), ("target", target)):
        start = span_start(sentence, span)
        if start is None:
            problems.append(f"{name} {span!r} is not in the sentence")
        else:
            spans.append(range(start, start + len(span)))
    if len(spans) == 2 and set(spans[0]) & set(spans[1]):
        problems.append("source and target overlap where they first occur")
    return problems


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "training").glob("*.tsv"))
    types = plover_types()
    plv: set[str] = set()
    if PLV.exists():
        with PLV.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                plv |= grams(row["sentence"])
    else:
        print(f"{PLV} not found: the overlap with PLV is not checked", file=sys.stderr)
    first_seen: dict[str, str] = {}  # 7-word sequence -> where it first occurred
    ids: set[str] = set()
    total = rows = 0
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines[:1] != ["\t".join(HEADER)]:
            print(f"{path}:1: the header is not {HEADER}")
            total += 1
        for number, line in enumerate(lines[1:], 2):
            rows += 1
            cols = line.split("\t")
            problems = row_problems(cols, types)
            if cols[0] in ids:
                problems.append(f"id {cols[0]} is used twice")
            ids.add(cols[0])
            here = f"{path.name}:{number}"
            sentence_grams = grams(cols[-1])
            if sentence_grams & plv:
                problems.append(f"shares {SHARED_WORDS} consecutive words with PLV")
            earlier = sorted({first_seen[g] for g in sentence_grams if g in first_seen})
            if earlier:
                problems.append(f"shares {SHARED_WORDS} consecutive words with {', '.join(earlier[:3])}")
            for gram in sentence_grams:
                first_seen.setdefault(gram, here)
            for problem in problems:
                print(f"{here}: {problem}")
            total += len(problems)
    print(f"{rows} rows in {len(paths)} files, {total} problems")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
