"""Event recall on the demo corpus against demo/expected_events.jsonl (labelled by the team).

    .venv/bin/python scripts/eval_demo.py [--misses]

strict: an event of the article with the expected source country, target country, PLOVER type and
modality. type-in-sentence: an event of the expected type whose evidence is the expected sentence.
The demo is the team's own text, so this is a regression gate, not an accuracy claim (that is PLV).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from detente import Detente

ROOT = Path(__file__).resolve().parents[1]


def recall(detente: Detente, show_misses: bool = False) -> tuple[float, float]:
    expected = [json.loads(line) for line in (ROOT / "demo/expected_events.jsonl").read_text().splitlines() if line]
    by_article = defaultdict(list)
    for event in detente.events():
        for article_id in event.article_ids:
            by_article[article_id].append(event)
    strict = loose = 0
    for row in expected:
        events = by_article[row["file"].rsplit(".", 1)[0]]
        target = row["target_country"]
        hit = any(
            e.source.country == row["source_country"]
            and (e.target.country if e.target else None) == target
            and e.plover_type == row["plover"]
            and e.modality == row["modality"]
            for e in events
        )
        strict += hit
        loose += any(
            e.plover_type == row["plover"] and any(row["sentence"].endswith(ev.sentence) for ev in e.evidence)
            for e in events
        )
        if show_misses and not hit:
            print(f"miss {row['file'][:24]:<24} {row['source_country']}→{target} {row['plover']} {row['modality']}")
    return strict / len(expected), loose / len(expected)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        detente = Detente.open(Path(folder) / "demo.duckdb")
        detente.run([ROOT / "demo/corpus"], manifest=ROOT / "demo/manifest.jsonl")
        strict, loose = recall(detente, args.misses)
    print(f"demo events: strict recall {strict:.2f}, type-in-sentence recall {loose:.2f}")


if __name__ == "__main__":
    main()
