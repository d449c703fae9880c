"""Run the whole pipeline on Wikinews 2019 and list the hottest and coolest dyad-months for a human check.

    PYTHONPATH=src .venv/bin/python scripts/eval_wikinews.py [--shared /work/shared] [--min-events N] [--keep DB]

The 171 real 2019 articles (../shared/eval/wikinews/wikinews_2019.csv: url, date, title, text) go through
``Detente.run`` into a temporary store. Every pair of different countries with at least
``--min-events`` merged events over the year (undirected, both sides a country or non-state code) gets
its monthly temperature series; the five hottest and five coolest dyad-months are printed with their top
events (source → target, PLOVER type, CAMEO, modality, the evidence sentence shortened around the
trigger) so that a reader can check them against what happened in 2019. There is no gold: the judgement
is the reader's.

Eval data are read here only, never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from detente import Detente
from detente.records import Event
from detente.temperature import dyad_series

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# Wikinews 2019 is thin on dyads: about 25 pairs of different countries carry a merged event, about ten
# of them two or more, and at three only two or three dyads are left (runs of 2026-11), too few to rank.
DEFAULT_MIN_EVENTS = 2
SHOWN_MONTHS = 5
SHOWN_EVENTS = 3
EVIDENCE_WIDTH = 110


def shorten(event: Event, width: int = EVIDENCE_WIDTH) -> str:
    """The evidence sentence cut to ``width`` characters around the trigger, which is bracketed."""
    if not event.evidence:
        return ""
    evidence = event.evidence[0]
    sentence = " ".join(evidence.sentence.split())
    start = max(0, evidence.start - evidence.sentence_start)
    end = max(start, evidence.end - evidence.sentence_start)
    raw = evidence.sentence
    marked = " ".join((raw[:start] + "[" + raw[start:end] + "]" + raw[end:]).split()) if end <= len(raw) else sentence
    centre = marked.find("[")
    left = max(0, min(centre - width // 2, len(marked) - width))
    cut = marked[left : left + width]
    return ("…" if left > 0 else "") + cut + ("…" if left + width < len(marked) else "")


def describe(event: Event) -> str:
    target = event.target.country if event.target else "—"
    plover = event.plover_type + (f"/{event.plover_mode}" if event.plover_mode else "")
    return (
        f"{event.source.country}→{target} {plover} ({event.cameo}, {event.modality}, "
        f"{event.date.value}, {event.num_independent_sources} src): {shorten(event)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--min-events", type=int, default=DEFAULT_MIN_EVENTS, help="events a dyad needs in 2019")
    parser.add_argument("--keep", type=Path, help="keep the store at this path (default: a temporary one)")
    options = parser.parse_args()
    corpus = options.shared / "eval" / "wikinews" / "wikinews_2019.csv"
    if not corpus.exists():
        print(f"{corpus} is absent: nothing to evaluate (this is fine on a fresh checkout).")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        detente = Detente.open(options.keep or Path(folder) / "wikinews.duckdb")
        started = time.perf_counter()
        report = detente.run([corpus])
        elapsed = time.perf_counter() - started
        events = detente.events()
    print(f"Wikinews 2019: {report.articles_new} articles new, {len(events)} merged events, {elapsed:.0f}s")
    dated = [e for e in events if e.date.value]
    years = Counter(e.date.value[:4] for e in dated if e.date.value)
    print(f"event years: {dict(years.most_common(6))}; undated: {len(events) - len(dated)}")
    pairs: Counter[tuple[str, str]] = Counter()
    for event in dated:
        source, target = event.source.country, event.target.country if event.target else None
        if source and target and source != target:
            pairs[(min(source, target), max(source, target))] += 1
    dyads = [pair for pair, count in pairs.items() if count >= options.min_events]
    print(f"dyads with >= {options.min_events} events: {len(dyads)} of {len(pairs)}; top: {pairs.most_common(10)}")
    by_id = {e.event_id: e for e in events}
    months = []
    for a, b in dyads:
        series = dyad_series(events, a, b, "month")
        alerts = {alert.period: alert.direction for alert in series.alerts}
        months += [(point, f"{a}-{b}", alerts.get(point.period, "")) for point in series.series]
    ranked = sorted(months, key=lambda m: (-m[0].temperature, m[1], m[0].period))
    hottest = ranked[:SHOWN_MONTHS]
    coolest = [m for m in reversed(ranked) if m not in hottest][:SHOWN_MONTHS]  # disjoint when months are few
    print(f"dyad-months: {len(months)}")
    for title, chosen in (("hottest", hottest), ("coolest", coolest)):
        print(f"\n== the {SHOWN_MONTHS} {title} dyad-months (dyads with >= {options.min_events} events) ==")
        print("| dyad | month | temperature | events | quads 1/2/3/4 | alert | top events |")
        print("|---|---|---|---|---|---|---|")
        for point, dyad, alert in chosen:
            quads = "/".join(str(point.quad_counts[q]) for q in ("1", "2", "3", "4"))
            tops = "<br>".join(describe(by_id[e]) for e in point.top_events[:SHOWN_EVENTS] if e in by_id)
            print(
                f"| {dyad} | {point.period} | {point.temperature:+.1f} | {point.events} | {quads} | {alert} | {tops} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
