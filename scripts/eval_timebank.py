"""Score detente's date normaliser on TimeBank/AQUAINT (TBAQ-cleaned) DATE timexes.

    PYTHONPATH=src .venv/bin/python scripts/eval_timebank.py [TBAQ_DIR] [--errors N]

For every TIMEX3 of type DATE other than the document creation time (DCT), the sentence around it is
normalised with the DCT as publication date (no tense given: the normaliser weighs the tense it reads
near each expression); the expression we
find that overlaps the gold span is compared with the gold value. Reported:

* accuracy over all DATE timexes (gold values we cannot express, such as "1998-W12", "1998-Q3",
  "PAST_REF" or "XXXX-03", count as errors),
* accuracy over the expressible ones (gold YYYY, YYYY-MM or YYYY-MM-DD) — the figure that matters,
  since an Event date has day, month or year precision only,
* coverage: the share of timexes for which we return any value,
* the error classes, most frequent first, with examples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from detente.timeline.dates import find_time_expressions

DEFAULT_DIR = Path("/work/shared/eval/timebank/TBAQ-cleaned")
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_EXPRESSIBLE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]*\s+(?=[\"'(]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    document: str
    dct: dt.date
    text: str
    value: str
    sentence: str
    start: int  # span of the timex in ``sentence``
    end: int


def _plain_text_with_timexes(body: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """The text with tags stripped, and the span and attributes of each TIMEX3 in it."""
    pieces: list[str] = []
    timexes: list[tuple[int, int, dict[str, str]]] = []
    length, cursor = 0, 0
    for match in _TIMEX.finditer(body):
        before = _TAG.sub("", body[cursor : match.start()])
        inner = _TAG.sub("", match.group(2))
        pieces += [before, inner]
        length += len(before)
        timexes.append((length, length + len(inner), dict(_ATTR.findall(match.group(1)))))
        length += len(inner)
        cursor = match.end()
    pieces.append(_TAG.sub("", body[cursor:]))
    return "".join(pieces), timexes


def read_document(path: Path) -> list[GoldTimex]:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    dct_match = dct_match or re.search(r'<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})"[^>]*CREATION_TIME', raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct_match is None or body is None:
        return []
    dct = dt.date.fromisoformat(dct_match.group(1))
    text, timexes = _plain_text_with_timexes(body.group(1))
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    gold = []
    for start, end, attrs in timexes:
        if attrs.get("type") != "DATE" or attrs.get("functionInDocument") == "CREATION_TIME":
            continue
        s_start = max(s for s in starts if s <= start)
        s_end = next((s for s in starts if s > end), len(text))
        sentence = text[s_start:s_end]
        gold.append(
            GoldTimex(
                path.stem,
                dct,
                text[start:end],
                attrs.get("value", ""),
                sentence,
                start - s_start,
                end - s_start,
            )
        )
    return gold


def normalise(timex: GoldTimex) -> str | None:
    best, best_overlap = None, 0
    # No tense: the normaliser weighs the tense it reads near each expression ("will", "said").
    for expression in find_time_expressions(timex.sentence, timex.dct):
        overlap = min(expression.end, timex.end) - max(expression.start, timex.start)
        if overlap > best_overlap:
            best, best_overlap = expression.value, overlap
    return best


def gold_kind(value: str) -> str:
    for pattern, kind in (
        (r"_REF$", "REF (past/present/future)"),
        (r"-W\d\d-WE$", "weekend"),
        (r"-W", "week"),
        (r"-Q", "quarter"),
        (r"-(?:SP|SU|FA|WI)$", "season"),
        (r"-H\d", "half-year"),
        (r"T", "time of day"),
        (r"X", "underspecified (XXXX-..)"),
        (r"^\d{3}$|^\d{2}$|^\d{2,3}X", "decade/century"),
        (r"^P", "duration"),
    ):
        if re.search(pattern, value):
            return kind
    return "other"


def error_class(gold: str, ours: str | None) -> str:
    if not _EXPRESSIBLE.match(gold):
        return f"inexpressible gold: {gold_kind(gold)}" + ("" if ours is None else " (we gave a value)")
    if ours is None:
        return "missed (no value)"
    if len(ours) != len(gold):
        names = {4: "year", 7: "month", 10: "day"}
        return f"precision: ours {names[len(ours)]}, gold {names[len(gold)]}"
    if ours[:4] != gold[:4]:
        return "wrong year"
    return "wrong month" if ours[:7] != gold[:7] else "wrong day"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", type=int, default=4, help="examples shown per error class")
    args = parser.parse_args(argv)
    if not args.directory.exists():
        print(f"{args.directory} is absent: nothing to evaluate")
        return 0
    timexes = [t for path in sorted(args.directory.rglob("*.tml")) for t in read_document(path)]
    results = [(t, normalise(t)) for t in timexes]
    expressible = [(t, v) for t, v in results if _EXPRESSIBLE.match(t.value)]
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for timex, ours in results:
        if ours == timex.value:
            continue
        kind = error_class(timex.value, ours)
        classes[kind] += 1
        examples[kind].append(f"{timex.text!r} dct={timex.dct} gold={timex.value} ours={ours}")

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"

    print(f"DATE timexes (excluding DCT): {len(results)} in {len({t.document for t in timexes})} documents")
    print(f"accuracy, all:                {share(sum(v == t.value for t, v in results), len(results))}")
    print(f"accuracy, expressible gold:   {share(sum(v == t.value for t, v in expressible), len(expressible))}")
    print(f"coverage (any value), all:    {share(sum(v is not None for _, v in results), len(results))}")
    print(f"coverage, expressible gold:   {share(sum(v is not None for _, v in expressible), len(expressible))}")
    answered = [(t, v) for t, v in expressible if v is not None]
    right_answers = sum(v == t.value for t, v in answered)
    print(f"precision when answering (expressible gold): {share(right_answers, len(answered))}")
    print("\nerror classes:")
    for kind, count in classes.most_common():
        print(f"  {count:4d}  {kind}")
        for example in examples[kind][: args.errors]:
            print(f"          {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
