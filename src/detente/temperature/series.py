"""The temperature of a dyad: tension from +10 (open war) to −10 (closest cooperation).

Method (documented in the README):
- An event's heat is minus its Goldstein score (Goldstein: +10 cooperation … −10 conflict).
- Its weight is its modality weight (``MODALITY_WEIGHT``: an event that did not happen — negated,
  or background history — weighs nothing) × its number of independent sources × its confidence.
- A period's temperature is the weighted mean heat, shrunk toward 0 (neutral) by a prior of
  ``PRIOR_WEIGHT`` pseudo-events, so one lone report does not read as open war.
- Alerts: a z-score of the change from the previous period. The change is scaled by the dyad's
  usual period-to-period noise: the standard deviation of its previous ``WINDOW`` changes, floored
  at ``STD_FLOOR`` (and taken as the floor until ``MIN_HISTORY`` changes exist — a sparse series has
  no noise estimate). A period alerts when |z| ≥ ``ALERT_Z`` and the change is at least
  ``MIN_CHANGE`` degrees. "warming" means the temperature rose (tension up), "cooling" that it fell.
  Each alert lists the events that moved it most.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from detente.records import Alert, DyadPoint, DyadSeries, Event

By = Literal["day", "week", "month"]
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "ceased": 1.0,  # already coded as the de-escalation it is
    "intended": 0.5,  # a stated intention moves relations, less than the act
    "hypothetical": 0.2,
    "denied": 0.2,
    "negated": 0.0,
    "historical": 0.0,  # background: it belongs to its own (earlier, often undated) time
}
PRIOR_WEIGHT = 1.0  # pseudo-events at 0: with 1 event of heat 10 a period reads 5, with 9 it reads 9
WINDOW = 6  # previous changes that estimate a dyad's noise (half a year of months)
MIN_HISTORY = 3  # fewer previous changes than this: too few to estimate noise, use the floor
ALERT_Z = 2.0  # z-score for an alert (a common two-sigma rule)
STD_FLOOR = 1.5  # degrees: below this spread the history is treated as this noisy (avoids z blow-ups)
MIN_CHANGE = 3.0  # degrees: smaller moves are not worth an analyst's attention
TOP_EVENTS = 5


def event_heat(event: Event) -> float:
    return -event.goldstein


def event_weight(event: Event) -> float:
    return MODALITY_WEIGHT.get(event.modality, 0.0) * max(event.num_independent_sources, 1) * (event.confidence or 0.5)


def period_of(value: str, by: By) -> str:
    """The period label of an ISO date of any precision ("2020-04" → "2020-04-01" by day)."""
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 else 1
    if by == "month":
        return f"{year:04d}-{month:02d}"
    date = dt.date(year, month, day)
    if by == "week":
        iso = date.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return date.isoformat()


PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
NEEDED_PRECISION = {"month": 1, "week": 2, "day": 2}


def _precise_enough(event: Event, by: By) -> bool:
    """An event known only to the year has no month: it stays out of a monthly series (and a
    month-dated one out of weekly and daily series) rather than piling up on the first period."""
    return PRECISION_RANK.get(event.date.precision or "", 0) >= NEEDED_PRECISION[by]


def involves(event: Event, a: str, b: str) -> bool:
    pair = {event.source.country, event.target.country if event.target else None}
    patrons = {event.source.patron, event.target.patron if event.target else None}
    return pair == {a, b} or (a != b and a in pair | patrons and b in pair | patrons and None not in pair)


def dyad_series(events: Sequence[Event], a: str, b: str, by: By = "month") -> DyadSeries:
    """The temperature series of the undirected pair ``a``, ``b`` from ``events``."""
    a, b = a.upper(), b.upper()
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.date.value and involves(event, a, b) and _precise_enough(event, by):
            grouped[period_of(event.date.value, by)].append(event)
    points = [_point(period, grouped[period]) for period in sorted(grouped)]
    alerts = _alerts(points, grouped)
    dyad = tuple(sorted((a, b)))
    return DyadSeries((dyad[0], dyad[1]), by, tuple(points), tuple(alerts))


def _point(period: str, events: Sequence[Event]) -> DyadPoint:
    weights = [event_weight(e) for e in events]
    heat = sum(w * event_heat(e) for w, e in zip(weights, events, strict=True))
    temperature = heat / (sum(weights) + PRIOR_WEIGHT)
    quads = {str(q): 0 for q in (1, 2, 3, 4)}
    for event in events:
        quads[str(event.quad_class)] += 1
    ranked = sorted(events, key=lambda e: -event_weight(e) * abs(event_heat(e)))
    return DyadPoint(
        period, max(-10.0, min(10.0, temperature)), len(events), quads, tuple(e.event_id for e in ranked[:TOP_EVENTS])
    )


def _alerts(points: Sequence[DyadPoint], grouped: dict[str, list[Event]]) -> list[Alert]:
    alerts = []
    changes = [b.temperature - a.temperature for a, b in itertools.pairwise(points)]
    for index in range(1, len(points)):
        history = changes[max(0, index - 1 - WINDOW) : index - 1]
        noise = statistics.stdev(history) if len(history) >= MIN_HISTORY else 0.0
        spread = max(noise, STD_FLOOR)
        point = points[index]
        baseline = points[index - 1].temperature
        change = point.temperature - baseline
        z = change / spread
        if abs(z) < ALERT_Z or abs(change) < MIN_CHANGE:
            continue
        direction: Literal["warming", "cooling"] = "warming" if change > 0 else "cooling"
        sign = 1 if change > 0 else -1
        drivers = sorted(grouped[point.period], key=lambda e: -sign * event_weight(e) * (event_heat(e) - baseline))[
            :TOP_EVENTS
        ]
        explanation = (
            f"temperature {'rose' if change > 0 else 'fell'} from {baseline:+.1f} in {points[index - 1].period} "
            f"to {point.temperature:+.1f} in {point.period} (z = {z:+.1f}); "
            f"driven by: " + "; ".join(_describe(e) for e in drivers[:3])
        )
        alerts.append(Alert(point.period, direction, abs(change), explanation, tuple(e.event_id for e in drivers)))
    return alerts


def _describe(event: Event) -> str:
    target = event.target.text if event.target else "—"
    return f"{event.source.text} → {target}: {event.plover_type or event.cameo} ({event.modality})"
