"""Event dates, the resolution half: each date pattern's resolver, from a regex match and the context
(publication date, tense, the date last mentioned) to an ISO value and a precision.

``dates.py`` holds the pattern table that pairs each regex with its resolver here, the scan over a
text and the choice of the expression that dates an event; the decisions are listed in its docstring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from detente.records import Precision

Tense = Literal["past", "present", "future"]
Resolved = tuple[str | None, Precision | None]  # (None, None): found, but not expressible as ISO

# No tense given: the future reading wins only when it is this many times nearer than the past one (news
# reports what happened). With a tense only guessed from nearby words (``infer_tense``: "will", "said"),
# the guessed reading wins unless the other is ``GUESSED_TENSE_FACTOR`` times nearer. Chosen on TimeBank
# (scripts/eval_timebank.py, 2026-11; accuracy on expressible gold): guessed tense as a hard rule 0.821
# (it put "by Jan. 14", said on Jan. 6, in the past year), factor 3 or 4 0.863, 6 0.853, 8 0.848; the
# no-tense penalty hardly matters there (1 → 3: 0.863-0.865), 2 is the plain "bias to the past".
NEAREST_FUTURE_PENALTY = 2.0
GUESSED_TENSE_FACTOR = 4.0

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"winter": 0, "spring": 1, "summer": 2, "fall": 3, "autumn": 3}  # index in a season-year
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Context:
    published: dt.date | None
    tense: Tense | None  # given by the caller: decides
    lean: Tense | None  # guessed from the words near the expression: weighs
    anchor: tuple[dt.date, Precision] | None  # the last date resolved earlier in the text

    def base(self, finest: Precision) -> dt.date | None:
        """The anchor when it is at least as precise as ``finest`` ("the previous day"), else publication."""
        if self.anchor is not None and _RANK[self.anchor[1]] <= _RANK[finest]:
            return self.anchor[0]
        return self.published

    def prefers_past(self, past: int, future: int) -> bool:
        """True when the past reading wins, given distances to the past and the future candidate."""
        if self.tense in ("past", "future"):
            return self.tense == "past"
        if self.lean == "future":
            return past * GUESSED_TENSE_FACTOR < future
        factor = GUESSED_TENSE_FACTOR if self.lean == "past" else NEAREST_FUTURE_PENALTY
        return past <= future * factor


_UNIT_PRECISION: dict[str, Precision] = {"day": "day", "week": "day", "month": "month", "year": "year"}
_RANK: dict[Precision, int] = {"day": 0, "month": 1, "year": 2}
Resolver = Callable[[re.Match[str], Context], Resolved | None]


# ---- calendar arithmetic ------------------------------------------------------------------------


def _iso(day: dt.date, precision: Precision) -> Resolved:
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    return text, precision


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _thursday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=3 - day.weekday())


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---- resolvers, one per pattern ----------------------------------------------------------------


def absolute_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = int(m["month"]) if m["month"].isdigit() else _month_number(m["month"])
    day = _safe_date(int(m["year"]), month, int(m["day"]))
    return _iso(day, "day") if day else (None, None)


def absolute_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = int(m["month"]) if m["month"].isdigit() else _month_number(m["month"])
    return f"{int(m['year']):04d}-{month:02d}", "month"


def month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    month, number, pub = _month_number(m["month"]), int(m["day"]), ctx.published
    # Five years either way reach a February 29; an impossible day (April 31) finds nothing.
    past = next(
        (d for y in range(pub.year, pub.year - 5, -1) if (d := _safe_date(y, month, number)) and d <= pub),
        None,
    )
    future = next((d for y in range(pub.year, pub.year + 5) if (d := _safe_date(y, month, number)) and d >= pub), None)
    if past is None or future is None:
        either = past or future
        return _iso(either, "day") if either else (None, None)
    return _iso(past if ctx.prefers_past((pub - past).days, (future - pub).days) else future, "day")


def month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    month, pub = _month_number(m["month"]), ctx.published
    back, ahead = (pub.month - month) % 12, (month - pub.month) % 12
    relation = (m["rel"] or "").lower()
    if relation in ("last", "past"):
        back = back or 12
        return _iso(_add_months(pub.replace(day=1), -back), "month")
    if relation == "next":
        return _iso(_add_months(pub.replace(day=1), ahead or 12), "month")
    if relation == "this":
        return _iso(dt.date(pub.year, month, 1), "month")
    offset = -back if ctx.prefers_past(back, ahead) else ahead
    return _iso(_add_months(pub.replace(day=1), offset), "month")


def month_of_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return f"{year:04d}-{_month_number(m['month']):02d}", "month"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 = last) ``weekday`` of a month: Thanksgiving, the 4th Thursday of November."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = _add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Holidays that date news events, by the day they fall on in a given year (US ones: TimeBank is US news).
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "easter": _easter,
}


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    name = re.sub(r"\s+", " ", m["holiday"].lower()).replace("’", "'")
    pub, rule = ctx.published, HOLIDAYS[name]
    past = max(d for d in (rule(pub.year - 1), rule(pub.year)) if d <= pub)
    future = min(d for d in (rule(pub.year), rule(pub.year + 1)) if d >= pub)
    relation = (m["rel"] or "").lower()
    if relation == "last":
        chosen = past if past < pub else rule(pub.year - 1)
    elif relation == "next":
        chosen = future if future > pub else rule(pub.year + 1)
    elif relation == "this":
        chosen = rule(pub.year)
    else:
        chosen = past if ctx.prefers_past((pub - past).days, (future - pub).days) else future
    return _iso(chosen, "day")


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    pub, target = ctx.published, WEEKDAYS.index(m["weekday"].lower())
    back, ahead = (pub.weekday() - target) % 7, (target - pub.weekday()) % 7
    relation = (m["rel"] or "").lower()
    if relation in ("last", "past", "previous"):
        return _iso(pub - dt.timedelta(days=back or 7), "day")
    if relation in ("next", "coming"):
        return _iso(pub + dt.timedelta(days=ahead or 7), "day")
    days = -back if ctx.prefers_past(back, ahead) else ahead
    return _iso(pub + dt.timedelta(days=days), "day")


_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last night": -1}


def deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    words = m.group(0).lower().split()
    if words[:3] == ["the", "day", "before"]:
        offset = -2
    elif words[:3] == ["the", "day", "after"]:
        offset = 2
    else:
        offset = _DEICTIC_OFFSETS.get(" ".join(words[:2]), _DEICTIC_OFFSETS.get(words[0], 0))
    return _iso(ctx.published + dt.timedelta(days=offset), "day")


def neighbour_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    anchor = ctx.base("day")
    if anchor is None:
        return None
    backwards = any(w in m.group(0).lower() for w in ("previous", "before", "prior"))
    return _iso(anchor + dt.timedelta(days=-1 if backwards else 1), "day")


def calendar_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    relation, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    anchored = relation in ("the previous", "the following", "the prior")
    base = ctx.base(_UNIT_PRECISION[unit]) if anchored else ctx.published
    if base is None:
        return None
    if relation in ("the past", "past"):  # a window ending at publication, not a calendar unit
        middle = {"week": 3, "month": 15, "year": 182}[unit]
        return _iso(base - dt.timedelta(days=middle), "year" if unit == "year" else "month")
    step = {"this": 0, "current": 0, "last": -1, "the previous": -1, "the prior": -1, "previous": -1}.get(relation, 1)
    if unit == "week":
        return _iso(_thursday(base) + dt.timedelta(days=7 * step), "month")
    if unit == "month":
        return _iso(_add_months(base.replace(day=1), step), "month")
    return str(base.year + step), "year"


def the_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the end of the year", "later in the month" (this one); "that year" (the one last mentioned)."""
    unit = (m["unit"] or "year").lower()
    precision: Precision = "month" if unit == "month" else "year"
    base = (
        (ctx.anchor[0] if ctx.anchor and _RANK[ctx.anchor[1]] <= _RANK[precision] else None)
        if m["that"]
        else ctx.published
    )
    return None if base is None else _iso(base, precision)


def _count(m: re.Match[str]) -> int | None:
    text = " ".join(m["count"].lower().split()) if m["count"] else ""
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def units_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    direction = " ".join(m["dir"].lower().split())
    unit, count = m["unit"].lower(), _count(m)
    base = ctx.base(_UNIT_PRECISION.get(unit, "year")) if direction in ("earlier", "later") else ctx.published
    if base is None:
        return None
    sign = -1 if direction in ("ago", "earlier") else 1
    if count is None:  # "a few days ago": a window, at the precision above its unit
        if unit in ("year", "decade"):
            return None, None
        days = {"day": 3, "week": 21, "month": 90}[unit]
        return _iso(base + dt.timedelta(days=sign * days), "month" if unit != "month" else "year")
    if unit in ("day", "week"):
        return _iso(base + dt.timedelta(days=sign * count * (7 if unit == "week" else 1)), "day")
    if unit == "month":
        return _iso(_add_months(base.replace(day=1), sign * count), "month")
    return str(base.year + sign * count * (10 if unit == "decade" else 1)), "year"


def past_window(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.published is None:
        return None
    unit = m["unit"].lower()
    if unit in ("hour", "minute"):
        return _iso(ctx.published, "day")
    length = _count(m) or 3
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * length
    return _iso(ctx.published - dt.timedelta(days=days // 2), "year" if unit == "year" else "month")


def _season_year(day: dt.date) -> tuple[int, int]:
    """(season-year, season index) of a day; December belongs to the next year's winter."""
    if day.month == 12:
        return day.year + 1, 0
    return day.year, (day.month % 12) // 3


def season(m: re.Match[str], ctx: Context) -> Resolved | None:
    groups = m.groupdict()
    if groups.get("year"):
        return groups["year"], "year"
    if ctx.published is None:
        return None
    year, index = _season_year(ctx.published)
    now, target = year * 4 + index, SEASONS[m["season"].lower()]
    latest = now - (now - target) % 4  # the most recent such season, this one included
    relation = (groups.get("rel") or "").lower()
    if relation in ("last", "past"):
        chosen = latest if latest < now else latest - 4
    elif relation in ("next", "coming"):
        chosen = latest + 4
    elif relation == "this":
        chosen = now if target == index else ctx.published.year * 4 + target
    else:
        chosen = latest if latest == now or ctx.prefers_past(now - latest, latest + 4 - now) else latest + 4
    return str(chosen // 4), "year"


def year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return m["year"], "year"


def decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    return None, None


def accept_month_alone(m: re.Match[str]) -> bool:
    return bool(m["cue"] or m["mod"] or m["rel"])


def accept_year(m: re.Match[str]) -> bool:
    """A bare number is a year only after a date word, or standing alone before punctuation."""
    return bool(m["cue"]) or re.match(r"\s*(?:[,.;:)!?'\"]|$)", m.string[m.end() :]) is not None
