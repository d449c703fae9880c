"""Merging mentions into events: one sentence telling two acts keeps them apart."""

from __future__ import annotations

import dataclasses

from detente.records import Evidence
from detente.timeline.merge import merge_mentions
from tests.factories import article, mention


def test_two_acts_of_one_cameo_root_in_one_sentence_stay_two_events() -> None:
    withdrew = mention("w", "a", "USA", "IRN", "160", "2018-05", cue="May 2018")
    reimposed = mention("r", "a", "USA", "IRN", "163", "2018-05", cue="May 2018")
    elsewhere = dataclasses.replace(
        mention("e", "a", "USA", "IRN", "163", "2018-05", cue="May 2018"),
        evidence=Evidence("a", "Another sentence.", 200, 205, 190),
    )
    events = merge_mentions([withdrew, reimposed, elsewhere], {"a": article("a")}, [], {"a": "s1"})
    assert sorted(e.plover_type for e in events) == ["COERCE", "SANCTION"]
    coerce = next(e for e in events if e.plover_type == "COERCE")
    assert len(coerce.evidence) == 2, "the same act told again in another sentence still merges"
