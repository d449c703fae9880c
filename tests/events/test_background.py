"""Background and looking back: what an article recalls is dated and weighed as what it is."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.coder import RuleCoder
from detente.records import EventMention
from tests.factories import code_text

PUBLISHED = dt.date(2020, 5, 27)


def code(coder: RuleCoder, text: str, published: dt.date | None = PUBLISHED) -> list[EventMention]:
    return code_text(coder, text, published)


def test_a_named_victim_after_an_office_is_the_target_and_dates_the_killing(coder: RuleCoder) -> None:
    events = code(
        coder,
        "Washington answered the death of a contractor in November by killing the commander of "
        "Iran's Quds Force, Gen. Qassem Soleimani, near the Baghdad airport.",
    )
    killing = next(e for e in events if e.cameo == "1823")
    assert killing.target is not None and killing.target.name == "Qassem Soleimani"
    assert killing.target.country == "IRN" and killing.target.sector == "MIL"
    assert killing.date.value == "2020-01-03" and killing.date.precision == "day"


@pytest.mark.parametrize(
    "text",
    [
        "Since taking office, the president has imposed sanctions on Iran.",
        "Since 2014, Russia has supplied weapons to the rebels.",
        "Iran has armed the militias in Iraq for years.",
    ],
)
def test_a_perfect_over_a_long_span_is_background(coder: RuleCoder, text: str) -> None:
    events = code(coder, text)
    assert events and all(e.modality == "historical" for e in events), [(e.cameo, e.modality) for e in events]


def test_a_recent_span_is_still_news(coder: RuleCoder) -> None:
    events = code(coder, "Since Monday, Israel has struck targets in Gaza.")
    assert events and all(e.modality == "asserted" for e in events)


def test_a_paragraph_opening_with_a_time_dates_its_uncued_past_events(coder: RuleCoder) -> None:
    text = (
        "In March, a Russian delegation travelled to Damascus with a proposal. "
        "Russian envoys met with President Bashar al-Assad, according to two officials. "
        "Russia has since criticised Turkey.\n\n"
        "Turkey accused Russia of bombing a convoy."
    )
    events = code(coder, text)
    meeting = next(e for e in events if e.evidence.trigger == "met")
    assert meeting.date.value == "2020-03" and meeting.date.cue == "March (narrative)"
    perfect = find_type(events, "ACCUSE", source="RUS")
    assert perfect.date.cue is None and perfect.date.value == "2020-05-27"  # "has since criticised": now
    later = find_type(events, "ACCUSE", source="TUR")
    assert later.date.value == "2020-05-27"  # a new paragraph leaves the frame


def find_type(events: list[EventMention], plover: str, source: str | None = None) -> EventMention:
    matching = [e for e in events if e.plover_type == plover and source in (None, e.source.country)]
    assert matching, [(e.plover_type, e.source.text, e.date) for e in events]
    return matching[0]


def test_a_possessor_of_an_assassination_is_who_was_killed(coder: RuleCoder) -> None:
    events = code(coder, "Britain condemned the journalist's arrest by Iranian police.")
    arrest = next(e for e in events if e.evidence.trigger == "arrest")
    assert arrest.source.country == "IRN" and arrest.target is not None and "journalist" in arrest.target.text
    recalled = code(coder, "Iran has rethought its policies since General Soleimani's assassination.")
    assert not [e for e in recalled if e.plover_type == "ASSAULT" and e.source.name == "Qassem Soleimani"]
