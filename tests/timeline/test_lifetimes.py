"""A killing of a person the actor data knows is dated by the day they died."""

from __future__ import annotations

import dataclasses
import datetime as dt

from detente.records import Actor, EventDate
from detente.timeline.lifetimes import date_killings
from tests.factories import mention

DIED = {"Qassem Soleimani": dt.date(2020, 1, 3)}
PUBLISHED = dt.date(2020, 5, 27)


def victim(m, name: str = "Qassem Soleimani"):  # type: ignore[no-untyped-def]
    return dataclasses.replace(m, target=Actor("the commander", "IRN", "MIL", name, None, 0.9))


def test_a_killing_takes_the_death_day_and_says_why() -> None:
    killing = victim(mention("k", "a", "USA", "IRN", "1823", "2019-12", cue="December"))
    (dated,) = date_killings([killing], DIED.get, PUBLISHED)
    assert dated.date.value == "2020-01-03" and dated.date.precision == "day"
    assert "Qassem Soleimani died 2020-01-03" in (dated.date.cue or "")


def test_violent_events_dated_by_the_same_cue_follow_but_a_threat_keeps_its_date() -> None:
    killing = victim(mention("k", "a", "USA", "IRN", "1823", "2019-12", cue="December"))
    retaliation = mention("r", "a", "USA", "IRN", "190", "2019-12", cue="December")
    vow = mention("v", "a", "IRN", "USA", "138", "2019-12", cue="December")
    dated = date_killings([killing, retaliation, vow], DIED.get, PUBLISHED)
    assert [m.date.value for m in dated] == ["2020-01-03", "2020-01-03", "2019-12"]


def test_unknown_people_later_deaths_and_other_acts_keep_their_dates() -> None:
    stranger = victim(mention("s", "a", "USA", "IRN", "1823", "2019-12", cue="December"), name="Someone Else")
    attack = victim(mention("t", "a", "USA", "IRN", "190", "2019-12", cue="December"))
    assert date_killings([stranger, attack], DIED.get, PUBLISHED) == (stranger, attack)
    killing = victim(mention("k", "a", "USA", "IRN", "1823", "2019-12", cue="December"))
    assert date_killings([killing], DIED.get, dt.date(2019, 12, 31)) == (killing,)
    assert date_killings([killing], None, PUBLISHED) == (killing,)


def test_an_agreeing_day_is_left_alone() -> None:
    killing = victim(mention("k", "a", "USA", "IRN", "1823", "2020-01-03", cue="on Jan. 3"))
    assert date_killings([killing], DIED.get, PUBLISHED)[0].date == EventDate("2020-01-03", "day", "on Jan. 3")
