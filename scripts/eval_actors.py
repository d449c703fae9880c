"""Actor resolution accuracy on the team's hand-labelled sample of real news mentions.

    .venv/bin/python scripts/eval_actors.py [--sample evaluation/actors_sample.jsonl] [--eval ../shared/eval]
                                            [--errors] [--source wikinews|plv]

``evaluation/actors_sample.jsonl`` holds only labels and locators (see ``evaluation/README.md``): the
mention texts are read here from ``../shared/eval`` (Wikinews 2019 by character offsets, PLV by sentence
id and role), never copied into the repository. Each mention is resolved with
``ActorResolver.resolve(mention, date, context)``, the context being the sentence it stands in.

Scoring: a field is right when the prediction equals the gold value, nulls included: a null prediction
for a non-null gold value is wrong, and so is a value predicted where the gold is null. "non-null gold"
accuracy counts only the rows whose gold value is not null. Exit 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.actors import ActorResolver
from detente.records import Actor

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLE = ROOT / "evaluation" / "actors_sample.jsonl"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
COUNTRY_TARGET, SECTOR_TARGET = 0.95, 0.85  # the track's goals (issue "Actors: who is who, on that date")

# A sentence ends at . ! ? (and a closing quote) before a capital, unless the dot closes an abbreviation.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Adm|St|Sen|Rep|Gov|Jr|Sr|No|vs)\.)$")


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    mention: str
    context: str
    date: dt.date | None
    gold: dict[str, str | None]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding [start, end): paragraphs split on newlines, then on boundaries."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    sentence_start, sentence_end = left, right
    for match in _BOUNDARY.finditer(text, left, right):
        if _ABBREVIATION.search(text[left : match.start()]):
            continue
        if match.end() <= start:
            sentence_start = match.end()
        elif match.start() >= end:
            sentence_end = match.start()
            break
    return text[sentence_start:sentence_end].strip()


def cases(sample: Path, eval_dir: Path) -> Iterator[Case]:
    articles = {}
    with (eval_dir / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            articles[row["url"]] = row["text"]
    with (eval_dir / "plv_train.tsv").open(encoding="utf-8") as handle:
        sentences = {row["sentence_id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for line in sample.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        where = row["locator"]
        if row["source"] == "wikinews":
            text = articles[where["url"]]
            mention = text[where["start"] : where["end"]]
            context = sentence_around(text, where["start"], where["end"])
        else:
            plv = sentences[where["sentence_id"]]
            mention, context = plv[where["role"]], plv["sentence"]
        date = dt.date.fromisoformat(row["date"][:10]) if row.get("date") and len(row["date"]) >= 10 else None
        if date is None and row.get("date"):  # "2008-05": the month's first day is the best guess
            date = dt.date.fromisoformat(f"{row['date']}-01" if len(row["date"]) == 7 else f"{row['date']}-01-01")
        gold = {key: row.get(key) for key in ("country", "sector", "name")}
        yield Case(row["id"], row["source"], mention, context, date, gold)


def cause(case: Case, actor: Actor | None, resolver: ActorResolver) -> str:
    """Why a row is wrong, in the words of the fix it needs."""
    gold_name = case.gold["name"]
    if actor is None:
        if gold_name and not resolver.gazetteer.lookup(gold_name):
            return "not found: entity missing from the data"
        return "not found: no known word in the mention"
    if actor.country != case.gold["country"]:
        if actor.country is None:
            return "country missing (nothing in phrase or sentence)"
        if case.gold["country"] is None:
            return "country given where gold has none"
        return "wrong country"
    if actor.sector is None:
        return "sector missing"
    if case.gold["sector"] is None:
        return "sector given where gold has none"
    return f"wrong sector ({case.gold['sector']} read as {actor.sector})"


def accuracy(pairs: list[tuple[str | None, str | None]], non_null: bool = False) -> tuple[float, int]:
    kept = [(gold, guess) for gold, guess in pairs if not non_null or gold is not None]
    right = sum(gold == guess for gold, guess in kept)
    return (right / len(kept) if kept else 0.0), len(kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, dest="eval_dir")
    parser.add_argument("--source", choices=("wikinews", "plv"), help="score one source only")
    parser.add_argument("--errors", action="store_true", help="list every error (default: up to 8 per cause)")
    args = parser.parse_args()
    if not (args.eval_dir / "plv_train.tsv").is_file() or not (args.eval_dir / "wikinews").is_dir():
        print(f"eval data not found at {args.eval_dir}; nothing to score (see ../shared/eval/README.md)")
        return 0
    if not args.sample.is_file():
        print(f"sample not found at {args.sample}; nothing to score")
        return 0

    resolver = ActorResolver()
    rows = [case for case in cases(args.sample, args.eval_dir) if args.source in (None, case.source)]
    scored: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for case in rows:
        actor = resolver.resolve(case.mention, case.date, case.context)
        guess = {
            "country": actor.country if actor else None,
            "sector": actor.sector if actor else None,
            "name": actor.name if actor else None,
        }
        for field in ("country", "sector", "name"):
            scored[field].append((case.gold[field], guess[field]))
        if guess["country"] != case.gold["country"] or guess["sector"] != case.gold["sector"]:
            errors[cause(case, actor, resolver)].append(
                f"{case.id:8} {case.mention[:60]!r:64} gold {case.gold['country']}/{case.gold['sector']}"
                f"  got {guess['country']}/{guess['sector']} ({guess['name']})"
            )
    elapsed = time.perf_counter() - started

    sources = "+".join(sorted({case.source for case in rows}))
    print(f"actor sample: {len(rows)} mentions ({sources}), {elapsed / max(len(rows), 1) * 1000:.2f} ms/resolve")
    for field, target in (("country", COUNTRY_TARGET), ("sector", SECTOR_TARGET)):
        overall, count = accuracy(scored[field])
        strict, strict_count = accuracy(scored[field], non_null=True)
        print(
            f"{field:8} accuracy {overall:.3f} (n={count}; null counts, target {target:.2f})"
            f"   on non-null gold {strict:.3f} (n={strict_count})"
        )
    names, name_count = accuracy(scored["name"], non_null=True)
    print(f"name     accuracy on rows with a gold name {names:.3f} (n={name_count})")
    print(f"\nerrors (country or sector wrong): {sum(map(len, errors.values()))}")
    for reason, lines in sorted(errors.items(), key=lambda item: -len(item[1])):
        print(f"\n[{len(lines)}] {reason}")
        for line in lines if args.errors else lines[:8]:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
