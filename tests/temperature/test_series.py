from __future__ import annotations

from detente.temperature import dyad_series
from detente.temperature.series import period_of
from tests.factories import event


def _story() -> list:
    events = [event(f"d{i}", "USA", "IRN", "042", "2019-11-10") for i in range(2)]  # visits: cool-ish
    events += [event("k1", "USA", "IRN", "1823", "2020-01-03", sources=5)]  # a killing: hot
    events += [event(f"t{i}", "IRN", "USA", "138", "2020-01-08") for i in range(3)]  # threats
    events += [event("r1", "IRN", "USA", "0841", "2020-04-20"), event("w1", "USA", "IRQ", "085", "2020-05-07")]
    events += [event("y1", "IRN", "USA", "190", "2001")]  # year-only: not in a monthly series
    events += [event("n1", "IRN", "USA", "190", "2020-04-02", modality="negated")]
    return events


def test_temperature_is_hot_in_january_and_cool_in_april() -> None:
    series = dyad_series(_story(), "USA", "IRN", "month")
    by_period = {p.period: p for p in series.series}
    assert series.dyad == ("IRN", "USA")
    assert by_period["2020-01"].temperature > 5
    assert by_period["2020-04"].temperature < 0
    assert by_period["2020-01"].events == 4
    assert by_period["2020-01"].top_events[0] == "k1", "the most-sourced conflict event leads"
    assert "2020-05" not in by_period, "a USA–IRQ event is not in the IRN–USA dyad"


def test_negated_events_count_but_do_not_heat() -> None:
    april = {p.period: p for p in dyad_series(_story(), "IRN", "USA").series}["2020-04"]
    assert april.events == 2 and april.quad_counts["4"] == 1
    assert april.temperature < 0


def test_alerts_mark_the_turns_with_their_events() -> None:
    series = dyad_series(_story(), "IRN", "USA", "month")
    alerts = {a.period: a for a in series.alerts}
    assert alerts["2020-01"].direction == "warming"
    assert "k1" in alerts["2020-01"].events
    assert alerts["2020-04"].direction == "cooling"
    assert "rose" in alerts["2020-01"].explanation


def test_periods() -> None:
    assert period_of("2020-04", "month") == "2020-04"
    assert period_of("2020-01-03", "week") == "2020-W01"
    assert period_of("2020", "day") == "2020-01-01"


def test_a_year_only_event_stays_out_of_monthly_series() -> None:
    # Bug: "2001" became period "2001-01", so 9/11 background piled into January.
    periods = {p.period for p in dyad_series(_story(), "IRN", "USA", "month").series}
    assert "2001-01" not in periods
