"""Event dates: time expressions in a sentence, normalised against the publication date.

``find_time_expressions`` finds and resolves every date-like expression; ``event_date`` picks the one
that belongs to an event trigger. Rules are hand-written regexes (dateparser resolves nothing for
"last December"). Decisions, each pinned by a test in tests/timeline/test_dates.py:

* Year choice for a bare month, "March 3" or a weekday follows the tense: "past" → the most recent one on
  or before publication (this month / today count), "future" → the next one on or after it ("next
  Friday" is strictly after), None → the nearer one, biased to the past (``NEAREST_FUTURE_PENALTY``).
* Weeks cannot be expressed at day/month/year precision: "last week" → the month holding that week's
  Thursday (the ISO rule for which period owns a week), precision "month".
* Seasons → precision "year" (a season is no month). Winter belongs to the year of its January.
* Vague windows ("in the past few days", "the past week") → the month of the window's middle.
* "N weeks ago" → day precision (as "N days ago"); "N months ago" → month; "N years ago" → year.
* "since 2003", "until May" start or bound a state; they are found but never date an event.
* Decades ("the 1990s") are found but have no value: an event dated by one is of unknown date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from detente.records import EventDate, Precision
from detente.timeline.dates_resolve import (
    HOLIDAYS,
    NUMBER_WORDS,
    Context,
    Resolved,
    Resolver,
    Tense,
    absolute_day,
    absolute_month,
    accept_month_alone,
    accept_year,
    calendar_unit,
    decade,
    deictic,
    holiday,
    month_alone,
    month_day,
    month_of_year,
    neighbour_day,
    past_window,
    season,
    the_unit,
    units_ago,
    weekday,
    year,
)

__all__ = ["Tense", "TimeExpression", "event_date", "find_time_expressions", "infer_tense"]

# A clause boundary between trigger and expression costs as much as this many characters of distance.
CLAUSE_PENALTY = 200
EARLIEST_YEAR, LATEST_YEAR = 1800, 2099  # years outside this are numbers, not dates (cf. ingest.metadata)

VAGUE_COUNTS = ("a few", "a couple of", "several", "few", "some")

# Month names are case-sensitive (capitalised) so that "may", "march" and "august" as words never match.
_MONTH = (
    r"(?P<month>Jan(?:uary|\.|(?=\s+\d))|Feb(?:ruary|\.|(?=\s+\d))|Mar(?:ch|\.|(?=\s+\d))|"
    r"Apr(?:il|\.|(?=\s+\d))|May|June?|July?|Aug(?:ust|\.|(?=\s+\d))|"
    r"Sep(?:tember|t\.?|\.|(?=\s+\d))|Oct(?:ober|\.|(?=\s+\d))|Nov(?:ember|\.|(?=\s+\d))|"
    r"Dec(?:ember|\.|(?=\s+\d)))(?![A-Za-z])"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_PREFIX = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_VAGUE = r"(?P<vague>" + "|".join(c.replace(" ", r"\s+") for c in VAGUE_COUNTS) + ")"
_MONTH_CUES = r"in|since|until|till|by|during|from|through|throughout|before|after|of|on|around|to|and|or"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression: its character span in the text and its ISO value at ``precision``."""

    start: int
    end: int
    text: str
    value: str
    precision: Precision


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    resolved: Resolved | None  # None: needs a publication date that is missing


_HOLIDAY = "|".join(h.replace(" ", r"\s+").replace("'", "['’]") for h in HOLIDAYS)


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    resolve: Resolver
    accept: Callable[[re.Match[str]], bool] | None = None
    # The pattern cannot match unless the lower-cased text holds one of these (DIGIT: any digit); empty:
    # always tried. Most sentences hold none of a pattern's words, and a substring test is far cheaper.
    needs: tuple[str, ...] = ()


def _p(
    regex: str, resolve: Resolver, accept: Callable[[re.Match[str]], bool] | None = None, *, needs: tuple[str, ...]
) -> _Pattern:
    return _Pattern(re.compile(regex), resolve, accept, needs)


DIGIT = "0-9"
_ANY_DIGIT = re.compile(r"\d")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("minute", "hour", "day", "week", "month", "year", "decade")
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
_HOLIDAY_WORDS = ("year", "day", "christmas", "halloween", "july", "thanksgiving", "easter")


_I = "(?i:"  # case-insensitive group: everything but month and weekday names
PATTERNS: tuple[_Pattern, ...] = (
    _p(
        r"(?<![\d-])" + _YEAR + r"-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
        absolute_day,
        needs=(DIGIT,),
    ),
    _p(r"(?<![\d-])" + _YEAR + r"-(?P<month>0[1-9]|1[0-2])(?![\d-])", absolute_month, needs=(DIGIT,)),
    _p(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}\b,?\s+{_YEAR}\b", absolute_day, needs=(DIGIT,)),
    _p(rf"\b{_WEEKDAY_PREFIX}{_DAY}\s+(?:{_I}of)\s+)?{_MONTH},?\s+{_YEAR}\b", absolute_day, needs=(DIGIT,)),
    _p(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}\b(?!\s*(?:%|{_I}percent|[,.]\d)))", month_day, needs=(DIGIT,)),
    _p(rf"\b{_WEEKDAY_PREFIX}{_DAY}\s+(?:{_I}of)\s+)?{_MONTH}", month_day, needs=(DIGIT,)),
    _p(rf"\b{_MONTH},?\s+(?:{_I}of)\s+)?{_YEAR}\b", absolute_month, needs=(DIGIT,)),
    _p(rf"\b{_MONTH}\s+(?:{_I}of)\s+)?(?P<rel>{_I}this|last|next))\s+{_I}year)\b", month_of_year, needs=("year",)),
    _p(
        rf"(?:\b(?P<cue>{_I}{_MONTH_CUES}))\s+(?:{_I}the\s+(?:end|beginning|start|middle|month)\s+of)\s+)?)?"
        rf"(?P<x>\b(?:(?P<mod>{_I}early|late|mid))[-\s]+)?(?:(?P<rel>{_I}last|next|this|past))\s+)?{_MONTH})",
        month_alone,
        accept_month_alone,
        needs=_MONTHS,
    ),
    _p(rf"(?P<x>\b(?:(?P<rel>{_I}last|next|this|past|previous|coming))\s+)?{_WEEKDAY})\b", weekday, needs=("day",)),
    _p(
        rf"\b(?:(?P<rel>{_I}last|next|this))\s+)?(?P<holiday>{_I}{_HOLIDAY}))(?:\s+{_I}day|eve|sunday))?\b",
        holiday,
        needs=_HOLIDAY_WORDS,
    ),
    _p(
        rf"\b{_I}the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night)\b",
        deictic,
        needs=("today", "tonight", "yesterday", "tomorrow", *_PARTS_OF_DAY),
    ),
    _p(
        rf"\b{_I}the\s+(?:previous|following|next|prior)\s+(?:day|morning|afternoon|evening|night)|"
        r"the\s+day\s+(?:before|after)(?!\s+\w+day))\b",
        neighbour_day,
        needs=("day", *_PARTS_OF_DAY),
    ),
    _p(
        rf"\b{_I}the\s+(?:past|last)\s+(?:{_COUNT}|{_VAGUE})\s+(?P<unit>minute|hour|day|week|month|year)s)\b",
        past_window,
        needs=_UNITS,
    ),
    _p(
        rf"\b{_I}(?:(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
        r"[-\s]+)?(?P<rel>this|last|next|current|the\s+past|the\s+previous|the\s+prior|the\s+following|"
        r"the\s+coming|coming)\s+(?P<unit>week|month|year))\b(?!-)",
        calendar_unit,
        needs=("week", "month", "year"),
    ),
    _p(
        rf"\b{_I}(?:(?:the\s+(?:end|beginning|start|middle|rest)\s+of|(?:earlier|later)\s+in)\s+the|"
        r"(?P<that>(?:(?:earlier|later)\s+)?(?:in\s+)?that))\s+(?P<unit>month|year))\b|\b(?P<end>year[-\s]end|year's\s+end)\b",
        the_unit,
        needs=("month", "year"),
    ),
    _p(
        rf"\b{_I}(?:{_COUNT}|{_VAGUE})\s+(?P<unit>day|week|month|year|decade)s?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence))\b",
        units_ago,
        needs=_UNITS,
    ),
    _p(
        rf"\b{_I}(?P<rel>last|this|next|past|coming)\s+(?P<season>spring|summer|fall|autumn|winter))\b",
        season,
        needs=_SEASONS,
    ),
    _p(
        rf"\b{_I}(?:in|during|over|by))\s+(?P<x>{_I}the\s+(?P<season>spring|summer|fall|autumn|winter))\b"
        rf"(?:\s+{_I}of)\s+{_YEAR}\b)?)",
        season,
        needs=_SEASONS,
    ),
    _p(
        rf"\b{_I}(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?){_YEAR}\b",
        season,
        needs=_SEASONS,
    ),
    _p(rf"\b{_I}(?:the\s+)?(?:early\s+|late\s+|mid-?)?)(?:(?:1[89]|20)\d0s|'\d0s)\b", decade, needs=(DIGIT,)),
    _p(
        rf"(?:\b(?P<cue>{_I}in|since|until|till|by|during|from|to|through|of|before|after|early|late|mid|"
        r"the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|fiscal|year|around|circa|the|and|or|a|his|her|its|"
        r"their|our|due|between|both|post|pre)|'s)[-\s]+)?"
        rf"(?<![$£€\d,.]){_YEAR}\b(?!\s*(?:%|{_I}percent))|[,.]\d|-\d)",
        year,
        accept_year,
        needs=(DIGIT,),
    ),
)


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "x" in m.re.groupindex:
        return m.span("x")
    if "year" in m.re.groupindex and "cue" in m.re.groupindex:
        return m.span("year")
    return m.span()


def _scan(text: str, published: dt.date | None, tense: Tense | None) -> list[_Found]:
    """Every expression in ``text``: the earliest-starting, then longest, match wins an overlap."""
    candidates: list[tuple[int, int, _Pattern, re.Match[str]]] = []
    lowered = text.lower()
    digits = _ANY_DIGIT.search(text) is not None
    for pattern in PATTERNS:
        if pattern.needs and not any(digits if need == DIGIT else need in lowered for need in pattern.needs):
            continue
        for m in pattern.regex.finditer(text):
            start, end = _span(m)
            if end > start and (pattern.accept is None or pattern.accept(m)):
                candidates.append((start, end, pattern, m))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    found: list[_Found] = []
    anchor: tuple[dt.date, Precision] | None = None
    taken_until = 0
    for start, end, pattern, m in candidates:
        if start < taken_until:
            continue
        taken_until = end
        lean = infer_tense(text, near=start) if tense is None else None
        resolved = pattern.resolve(m, Context(published, tense, lean, anchor))
        if resolved is not None and resolved[0] is not None and resolved[1] is not None:
            anchor = (dt.date.fromisoformat((resolved[0] + "-01-01")[:10]), resolved[1])
        found.append(_Found(start, end, resolved))
    return found


def find_time_expressions(
    text: str, published: dt.date | None, tense: Tense | None = None
) -> tuple[TimeExpression, ...]:
    """The resolvable date expressions of ``text`` in order; relative ones need ``published``."""
    return tuple(
        TimeExpression(f.start, f.end, text[f.start : f.end], f.resolved[0], f.resolved[1])
        for f in _scan(text, published, tense)
        if f.resolved is not None and f.resolved[0] is not None and f.resolved[1] is not None
    )


# ---- which expression belongs to the trigger ---------------------------------------------------

# Expressions after these start or bound a state ("sanctioned since 2003"): they never date an event.
_NON_DATING = re.compile(r"(?i:\b(?:since|until|till|through)\s+(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?)$")
# Subordinate clauses report another event; a relative clause or ";" starts another statement.
_CLAUSE_BREAK = re.compile(
    r"(?i:;|\s[—–]\s|\s--\s|\b(?:after|before|when|while|whereas|although|because|which|who|whom|where|"
    r"that|but)\b)"
)
_FUTURE = re.compile(
    r"(?i:\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|scheduled\s+(?:to|for)|"
    r"expected\s+to|set\s+to|due\s+to|would|upcoming|next)\b|'ll\b)"
)
_PAST = re.compile(r"(?i:\b(?:said|told|was|were|had|did|announced|reported|added|ago|last|earlier|\w{4,}ed)\b)")


def infer_tense(text: str, near: int | None = None) -> Tense | None:
    """ "future" or "past" from the marker nearest ``near`` (default: any), None when there is none."""
    markers = [(m.start(), "future") for m in _FUTURE.finditer(text)]
    markers += [(m.start(), "past") for m in _PAST.finditer(text)]
    if not markers:
        return None
    if near is None:
        return "future" if any(kind == "future" for _, kind in markers) else "past"
    return "future" if min(markers, key=lambda mk: abs(mk[0] - near))[1] == "future" else "past"


def _clause_breaks(sentence: str, left: int, right: int) -> int:
    return len(_CLAUSE_BREAK.findall(sentence, left, right))


def event_date(
    sentence: str,
    trigger_start: int,
    trigger_end: int,
    published: dt.date | None,
    tense: Tense | None = None,
) -> EventDate:
    """The date of the event whose trigger spans ``sentence[trigger_start:trigger_end]``.

    The nearest dating expression wins, a clause boundary in between counting ``CLAUSE_PENALTY``
    characters; without one, the publication day (cue None); without that either, unknown.
    """
    best: tuple[int, _Found] | None = None
    for found in _scan(sentence, published, tense):
        if _NON_DATING.search(sentence, 0, found.start):
            continue
        left, right = (found.end, trigger_start) if found.end <= trigger_start else (trigger_end, found.start)
        distance = max(0, right - left) + CLAUSE_PENALTY * _clause_breaks(sentence, left, right)
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is not None:
        found = best[1]
        cue = sentence[found.start : found.end]
        if found.resolved is None:  # a relative cue and no publication date: never guess
            return EventDate(None, None, None)
        return EventDate(found.resolved[0], found.resolved[1], cue)
    if published is None:
        return EventDate(None, None, None)
    return EventDate(published.isoformat(), "day", None)
