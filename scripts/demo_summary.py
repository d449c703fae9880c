"""Print `detente copies` or `detente dyad` JSON (on stdin) as a few readable lines for the demo."""

from __future__ import annotations

import json
import sys


def copies(data: list[dict]) -> None:
    for copy in data:
        changes = sorted({pair["change"] for pair in copy["aligned"] if pair["change"] != "same"})
        print(
            f"{copy['copy']} is a {copy['relation']} of {copy['original']} (credits {copy['attribution']}); "
            f"covers {copy['coverage_of_original']:.0%} of it; changes: {', '.join(changes) or 'none'}"
        )


def dyad(data: dict) -> None:
    for point in data["series"]:
        print(f"{point['period']}  {point['temperature']:+5.1f}  {'#' * point['events']}")
    for alert in data["alerts"]:
        print(f"alert {alert['period']} {alert['direction']} ({alert['magnitude']:.1f})")


if __name__ == "__main__":
    {"copies": copies, "dyad": dyad}[sys.argv[1]](json.load(sys.stdin))
