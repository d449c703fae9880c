"""Dates: every phenomenon of detente.timeline.dates, on sentences written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.records import EventDate
from detente.timeline.dates import event_date, find_time_expressions, infer_tense

PUBLISHED = dt.date(2020, 5, 27)  # a Wednesday


def only(text: str, published: dt.date | None = PUBLISHED, tense=None) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    found = find_time_expressions(text, published, tense)
    assert len(found) == 1, found
    return found[0].text, found[0].value, found[0].precision


def date_of(sentence: str, trigger: str, published: dt.date | None = PUBLISHED, tense=None) -> EventDate:  # type: ignore[no-untyped-def]
    start = sentence.index(trigger)
    return event_date(sentence, start, start + len(trigger), published, tense)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on 2020-04-12.", ("2020-04-12", "2020-04-12", "day")),
        ("The deal was signed on March 3, 2020.", ("March 3, 2020", "2020-03-03", "day")),
        ("The deal was signed on 3 March 2020.", ("3 March 2020", "2020-03-03", "day")),
        ("He was born on 4 October 2007.", ("4 October 2007", "2007-10-04", "day")),
        ("The deal was signed in March 2020.", ("March 2020", "2020-03", "month")),
        ("Talks resumed on Jan. 14.", ("Jan. 14", "2020-01-14", "day")),
        ("Talks resumed on Sept. 30, 2019.", ("Sept. 30, 2019", "2019-09-30", "day")),
        ("Talks resumed on March 3.", ("March 3", "2020-03-03", "day")),
        ("The US invaded Iraq in 2003.", ("2003", "2003", "year")),
        ("Iran tested a missile last December.", ("last December", "2019-12", "month")),
        ("Sanctions were tightened this month.", ("this month", "2020-05", "month")),
        ("Two weeks ago, protests began.", ("Two weeks ago", "2020-05-13", "day")),
        ("Three days ago, protests began.", ("Three days ago", "2020-05-24", "day")),
        ("Three months ago, protests began.", ("Three months ago", "2020-02", "month")),
        ("Ten years ago, protests began.", ("Ten years ago", "2010", "year")),
        ("Protests began last fall.", ("last fall", "2019", "year")),
        ("Protests began this spring.", ("this spring", "2020", "year")),
        # winter 2019/20 belongs to the year of its January
        ("Protests began last winter.", ("last winter", "2020", "year")),
        ("Protests began in the summer of 2015.", ("the summer of 2015", "2015", "year")),
        ("Iran fired missiles yesterday.", ("yesterday", "2020-05-26", "day")),
        ("Iran fired missiles today.", ("today", "2020-05-27", "day")),
        ("Iran will fire missiles tomorrow.", ("tomorrow", "2020-05-28", "day")),
        ("Iran fired missiles tonight.", ("tonight", "2020-05-27", "day")),
        ("The envoy arrived this week.", ("this week", "2020-05", "month")),
        ("The envoy arrived last week.", ("last week", "2020-05", "month")),
        ("The envoy will arrive next week.", ("next week", "2020-06", "month")),
        ("The envoy arrived last month.", ("last month", "2020-04", "month")),
        ("The envoy will arrive next month.", ("next month", "2020-06", "month")),
        ("The envoy arrived last year.", ("last year", "2019", "year")),
        ("The envoy will arrive next year.", ("next year", "2021", "year")),
        ("The envoy arrived earlier this month.", ("earlier this month", "2020-05", "month")),
        ("The envoy arrived earlier this year.", ("earlier this year", "2020", "year")),
        ("The envoy arrived late last year.", ("late last year", "2019", "year")),
        ("Strikes hit in the past few days.", ("the past few days", "2020-05", "month")),
        ("The envoy met Rouhani last Tuesday.", ("last Tuesday", "2020-05-26", "day")),
        ("The envoy will meet Rouhani next Friday.", ("next Friday", "2020-05-29", "day")),
        ("Talks collapsed on Thanksgiving Day.", ("Thanksgiving Day", "2019-11-28", "day")),
        ("The ruling came in February this year.", ("February this year", "2020-02", "month")),
    ],
)
def test_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


def test_examples_of_the_brief() -> None:
    assert date_of("In April, Iran reached out to Washington.", "reached") == EventDate("2020-04", "month", "April")
    assert date_of("Brian Hook, the US envoy, said Tuesday that talks were off.", "said") == EventDate(
        "2020-05-26", "day", "Tuesday"
    )
    assert date_of(
        "Tensions rose after the killing of an American contractor in Iraq in December.", "killing"
    ) == EventDate("2019-12", "month", "December")
    assert date_of("Iran awaits a decision in October that will determine its fate.", "decision", tense="future") == (
        EventDate("2020-10", "month", "October")
    )


def test_tense_decides_the_year_of_a_bare_month() -> None:
    assert only("It happened in July.", tense="past")[1] == "2019-07"
    assert only("It will happen in July.", tense="future")[1] == "2020-07"
    assert only("It happened in May.", tense="past")[1] == "2020-05"  # the same month counts as this one
    assert only("It happened in April.")[1] == "2020-04"  # no tense: nearest, biased to the past


def test_tense_decides_the_weekday() -> None:
    assert only("They met on Friday.", tense="past")[1] == "2020-05-22"
    assert only("They will meet on Friday.", tense="future")[1] == "2020-05-29"
    assert only("They met on Wednesday.", tense="past")[1] == "2020-05-27"  # publication day itself


def test_guessed_tense_weighs_but_distance_counts() -> None:
    # "said" leans past, but the deadline a week ahead is far nearer than one a year back.
    published = dt.date(2000, 1, 6)
    found = find_time_expressions("The agency said he must return by Jan. 14.", published)
    assert found[0].value == "2000-01-14"
    assert infer_tense("They will meet.") == "future"
    assert infer_tense("They met and talked.") == "past"
    assert infer_tense("Talks go on.") is None


def test_the_previous_day_counts_from_the_last_date_named() -> None:
    found = find_time_expressions("On March 3, 2020, he spoke; the previous day, he had resigned.", PUBLISHED)
    assert [f.value for f in found] == ["2020-03-03", "2020-03-02"]
    assert only("He resigned the previous day.")[1] == "2020-05-26"


def test_since_is_found_but_never_dates_the_event() -> None:
    assert only("Iran has been under sanctions since 2003.")[1] == "2003"
    assert date_of("Iran has been under sanctions since 2003.", "sanctions") == EventDate("2020-05-27", "day", None)


def test_decade_makes_the_date_unknown() -> None:
    assert find_time_expressions("Iraq was isolated in the 1990s.", PUBLISHED) == ()
    assert date_of("Iraq was isolated in the 1990s.", "isolated") == EventDate(None, None, "the 1990s")


def test_without_a_cue_the_publication_day() -> None:
    assert date_of("Iran attacked the base.", "attacked") == EventDate("2020-05-27", "day", None)


def test_without_a_publication_date_never_guess() -> None:
    assert date_of("Iran attacked the base.", "attacked", published=None) == EventDate(None, None, None)
    assert date_of("Iran attacked the base last December.", "attacked", published=None) == EventDate(None, None, None)
    assert date_of("Iran attacked the base in 2003.", "attacked", published=None) == EventDate("2003", "year", "2003")
    assert find_time_expressions("They met on Friday and on 4 October 2007.", None)[0].value == "2007-10-04"


def test_the_trigger_takes_its_own_clause() -> None:
    sentence = "Iran retaliated on January 8, 2020 after the US killed Soleimani on January 3, 2020."
    assert date_of(sentence, "retaliated").value == "2020-01-08"
    assert date_of(sentence, "killed").value == "2020-01-03"


def test_words_that_are_not_dates() -> None:
    assert find_time_expressions("Theresa May said the march may go ahead.", PUBLISHED) == ()
    assert find_time_expressions("He sent 2000 troops and 15% more aid.", PUBLISHED) == ()
    assert find_time_expressions("Prices fall in spring markets.", PUBLISHED) == ()


@given(
    st.text(max_size=300),
    st.one_of(st.none(), st.dates()),
    st.sampled_from([None, "past", "present", "future"]),
)
def test_any_text_never_crashes_and_spans_index_the_text(text: str, published: dt.date | None, tense) -> None:  # type: ignore[no-untyped-def]
    for found in find_time_expressions(text, published, tense):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert found.precision in ("day", "month", "year")


@given(st.text(max_size=200), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_event_date_never_crashes(text: str, published: dt.date) -> None:
    result = event_date(text, 0, min(3, len(text)), published)
    assert result.value is None or result.precision is not None


@given(
    st.sampled_from(["in April", "last December", "on Friday", "March 3", "two weeks ago", "last fall", "in 1999"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
)
def test_relative_expressions_resolve_on_any_day(phrase: str, published: dt.date) -> None:
    found = find_time_expressions(f"It happened {phrase}.", published)
    assert len(found) == 1 and found[0].value


# Words every date pattern is built from, and words around them; texts drawn from these exercise the
# patterns' word gates (``_Pattern.needs``): a gate that wrongly skips a pattern changes the result.
DATE_WORDS = (
    "in", "on", "since", "until", "by", "the", "of", "last", "next", "this", "past", "early", "late", "mid",
    "January", "Feb.", "March", "May", "Sept.", "December", "Friday", "Sunday", "today", "yesterday",
    "tonight", "morning", "night", "day", "days", "week", "month", "months", "year", "years", "decade",
    "ago", "earlier", "later", "three", "a few", "spring", "winter", "Christmas", "Easter", "New Year's Day",
    "Thanksgiving", "Fourth of July", "1990s", "2019", "3", "21st", "2020-01-03", "2018-11", "year-end",
    "before", "after", "said", "will", ",", "Iran", "attacked", "May of last year", "the past three days",
    "two weeks ago", "the day before", "last night", "this spring", "the end of the month",
)  # fmt: skip


@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=12))
def test_word_gates_never_skip_a_pattern_that_matches(words: list[str]) -> None:
    from detente.timeline import dates

    text = " ".join(words)
    ungated = tuple(dataclasses.replace(p, needs=("",)) for p in dates.PATTERNS)  # "" is in every text
    gated_found = [(f.start, f.end, f.resolved) for f in dates._scan(text, PUBLISHED, None)]
    original = dates.PATTERNS
    try:
        dates.PATTERNS = ungated
        ungated_found = [(f.start, f.end, f.resolved) for f in dates._scan(text, PUBLISHED, None)]
    finally:
        dates.PATTERNS = original
    assert gated_found == ungated_found
