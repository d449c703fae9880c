"""A time that opens a sentence frames the paragraph's uncued past-tense events."""

from __future__ import annotations

import dataclasses
import datetime as dt

from detente.records import EventDate, Evidence, Sentence
from detente.timeline.narrative import carry_narrative_time
from tests.factories import mention

PUBLISHED = dt.date(2020, 5, 27)
TEXT = "In April, the envoy came to Baghdad. He met the prime minister.\n\nHe met the speaker."


def sentences() -> list[Sentence]:
    spans = [(0, 36), (37, 63), (65, 84)]
    return [Sentence("a", i, s, e, TEXT[s:e]) for i, (s, e) in enumerate(spans)]


def uncued_in(sentence: Sentence):  # type: ignore[no-untyped-def]
    m = mention(f"m{sentence.index}", "a", "USA", "IRQ", "040", "2020-05-27", cue=None)
    return dataclasses.replace(
        m, evidence=Evidence("a", sentence.text, sentence.start + 3, sentence.start + 6, sentence.start)
    )


def test_the_frame_holds_until_the_paragraph_ends() -> None:
    second, third = uncued_in(sentences()[1]), uncued_in(sentences()[2])
    dated = carry_narrative_time(TEXT, sentences(), [second, third], PUBLISHED, lambda m: True)
    assert dated[0].date == EventDate("2020-04", "month", "April (narrative)")
    assert dated[1].date == third.date


def test_present_tense_cued_events_and_frames_of_the_current_month_keep_their_dates() -> None:
    second = uncued_in(sentences()[1])
    assert carry_narrative_time(TEXT, sentences(), [second], PUBLISHED, lambda m: False) == (second,)
    cued = dataclasses.replace(second, date=EventDate("2020-05-25", "day", "Monday"))
    assert carry_narrative_time(TEXT, sentences(), [cued], PUBLISHED, lambda m: True) == (cued,)
    assert carry_narrative_time(TEXT, sentences(), [second], dt.date(2020, 4, 20), lambda m: True) == (second,)
    assert carry_narrative_time(TEXT, sentences(), [second], None, lambda m: True) == (second,)
