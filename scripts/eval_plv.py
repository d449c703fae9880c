"""PLOVER root accuracy on PLV (../shared/eval/plv_train.tsv): with the dyad given, and end to end.

    .venv/bin/python scripts/eval_plv.py [path/to/plv_train.tsv] [--errors N] [--misses KIND]

With the dyad given: `detente code` semantics (sentence + source + target spans) → PLOVER type; a null
answer counts as wrong. End to end: the coder reads the sentence alone, and a row is right when one of
its events has the gold root and a source and target that overlap the gold spans. PLV's 15 roots fold
CONCEDE and RETREAT into YIELD. Reads ../shared only here; says so and exits 0 when it is absent.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path

from detente import Detente
from detente.events import load_lexicon
from detente.events.coder import RuleCoder
from detente.events.parse import parse_sentences
from detente.records import Article, EventMention, Sentence

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/plv_train.tsv"
FOLD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def root(plover: str | None) -> str | None:
    return FOLD.get(plover or "", plover)


def overlaps(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def miss_kind(events: Sequence[EventMention], gold: str, source: str, target: str) -> str | None:
    """None when one event has the gold root, source and target; else why not, most telling first."""
    typed = [e for e in events if root(e.plover_type) == gold]
    if any(overlaps(e.source.text, source) and e.target and overlaps(e.target.text, target) for e in typed):
        return None
    if not events:
        return "no event"
    if not typed:
        return "wrong type"
    from_source = [e for e in typed if overlaps(e.source.text, source)]
    if from_source:
        return "no target" if all(e.target is None for e in from_source) else "wrong target"
    if any(e.target and overlaps(e.target.text, target) for e in typed):
        return "wrong source"
    return "wrong source and target"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print this many dyad-given errors")
    parser.add_argument("--misses", help='print the end-to-end misses of this kind ("wrong target", ...)')
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} not found: PLV is in ../shared/eval, which this checkout does not have")
        return
    with args.path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    detente = Detente.open(":memory:")
    started = time.perf_counter()
    given = list(detente.code({"id": r["sentence_id"], "sentence": r["sentence"], "source": r["source"],
                               "target": r["target"]} for r in rows))  # fmt: skip
    seconds_given = time.perf_counter() - started
    coder = RuleCoder(detente._resolver, load_lexicon(), detente.settings.spacy_models)
    parse_sentences(coder.models, ["warm up"])
    started = time.perf_counter()
    end_to_end = []
    for row in rows:
        article = Article(row["sentence_id"], row["sentence"], "h", published=dt.date(2020, 1, 1), language="en")
        events = coder.code_article(
            article, [Sentence(article.article_id, 0, 0, len(row["sentence"]), row["sentence"])]
        )
        end_to_end.append(events)
    seconds_e2e = time.perf_counter() - started
    correct_given = correct_e2e = 0
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    per_root: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    misses = []
    missed: collections.Counter[str] = collections.Counter()
    for row, answer, events in zip(rows, given, end_to_end, strict=True):
        gold = row["gold_root"]
        guess = root(answer["plover"])
        per_root[gold][1] += 1
        if guess == gold:
            correct_given += 1
            per_root[gold][0] += 1
        else:
            confusion[(gold, str(guess))] += 1
            misses.append((gold, guess, row["marked_sentence"]))
        kind = miss_kind(events, gold, row["source"], row["target"])
        if kind is None:
            correct_e2e += 1
        else:
            missed[kind] += 1
            if kind == args.misses:
                found = "; ".join(f"{e.plover_type} {e.source.text} → {e.target and e.target.text}" for e in events)
                print(f"  {kind}: {gold} {row['marked_sentence'][:200]}\n      found: {found}")
    n = len(rows)
    print(f"PLV rows: {n}")
    print(f"dyad given : accuracy {correct_given / n:.3f} ({correct_given}/{n}), {n / seconds_given:.0f} sentences/s")
    print(f"end to end : accuracy {correct_e2e / n:.3f} ({correct_e2e}/{n}), {n / seconds_e2e:.0f} sentences/s")
    print("end-to-end misses by kind:", ", ".join(f"{kind} {n}" for kind, n in missed.most_common()))
    print("per root (dyad given):")
    for name, (right, total) in sorted(per_root.items()):
        print(f"  {name:<10} {right / total:.2f}  ({right}/{total})")
    print("most common confusions (gold → guess):", confusion.most_common(8))
    for gold, guess, sentence in misses[: args.errors]:
        print(f"  {gold:>9} → {guess!s:<9} {sentence[:160]}")


if __name__ == "__main__":
    main()
