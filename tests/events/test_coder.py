"""The rule coder on sentences the team wrote for each phenomenon (regression tests name the bug)."""

from __future__ import annotations

import datetime as dt

from detente.events.coder import RuleCoder
from detente.records import EventMention
from tests.factories import code_text

PUBLISHED = dt.date(2020, 5, 27)


def code(coder: RuleCoder, text: str, published: dt.date | None = PUBLISHED) -> list[EventMention]:
    return code_text(coder, text, published)


def find(events: list[EventMention], plover: str) -> EventMention:
    matching = [e for e in events if e.plover_type == plover]
    assert matching, f"no {plover} event in {[(e.plover_type, e.source.text, e.modality) for e in events]}"
    return matching[0]


def test_called_off_attacks_are_a_ceased_retreat_never_an_assault(coder: RuleCoder) -> None:
    events = code(coder, "After months of rocket attacks on American bases, Iran has called off its proxy militias.")
    retreat = find(events, "RETREAT")
    assert retreat.source.country == "IRN" and retreat.modality == "ceased"
    assert not [e for e in events if e.plover_type == "ASSAULT" and e.modality == "asserted"]


def test_attacks_that_have_ceased_are_not_assaults(coder: RuleCoder) -> None:
    events = code(coder, "Iran ordered the militias to stop, and the attacks on American troops have largely ceased.")
    assert all(not (e.plover_type == "ASSAULT" and e.modality == "asserted") for e in events)


def test_negation_is_kept_and_not_only_is_not_negation(coder: RuleCoder) -> None:
    negated = code(coder, "Iraq did not expel the American troops.")
    assert find(negated, "SANCTION").modality == "negated"
    asserted = code(coder, "Iran not only accepted Mr. Kadhimi but also lobbied its allies to support him.")
    assert all(e.modality != "negated" for e in asserted)


def test_reported_future_is_intended_and_a_condition_hypothetical(coder: RuleCoder) -> None:
    intended = code(coder, "Mr. Trump said the United States would impose new sanctions on Iran.")
    assert find(intended, "COERCE").modality == "intended"
    conditional = code(coder, "If the troops are forced out, the United States could impose sanctions on Iraq.")
    assert find(conditional, "COERCE").modality == "hypothetical"


def test_denied_claims(coder: RuleCoder) -> None:
    events = code(coder, "United States officials deny that they released frozen funds to Iran.")
    assert any(e.modality == "denied" for e in events)


def test_passive_voice_swaps_roles(coder: RuleCoder) -> None:
    events = code(coder, "Qassem Soleimani was killed by the United States in Baghdad on Friday.")
    killing = find(events, "ASSAULT")
    assert killing.source.country == "USA" and killing.target is not None and killing.target.country == "IRN"
    assert killing.location is not None and killing.location.country == "IRQ"


def test_an_order_is_a_demand_and_the_ordered_act_only_intended(coder: RuleCoder) -> None:
    events = code(coder, "Mr. Trump ordered the Navy to sink any Iranian boats that harass American ships.")
    demand = find(events, "REQUEST")
    assert demand.source.country == "USA" and demand.target is not None and demand.target.sector == "MIL"
    assert find(events, "ASSAULT").modality == "intended"


def test_pronouns_take_the_nearest_fitting_actor(coder: RuleCoder) -> None:
    events = code(coder, "Iran has moderated its approach. It released an American Navy veteran in March.")
    release = find(events, "RETREAT")
    assert release.source.country == "IRN"
    assert release.date.value == "2020-03" and release.date.cue is not None


def test_month_names_date_the_event_by_tense(coder: RuleCoder) -> None:
    events = code(coder, "In April, Iran reached out to the United States to open negotiations for a prisoner swap.")
    assert all(e.date.value == "2020-04" for e in events), [(e.plover_type, e.date) for e in events]


def test_a_year_that_names_a_thing_does_not_date_the_event(coder: RuleCoder) -> None:
    # Bug: "the 2015 nuclear agreement" dated Trump's urging to 2015.
    events = code(coder, "He urged Britain to abandon the 2015 nuclear agreement with Iran.")
    assert all(e.date.value == "2020-05-27" and e.date.cue is None for e in events)


def test_a_dateline_is_not_the_subject(coder: RuleCoder) -> None:
    # Bug: "BAGHDAD — Iran fired …" coded Baghdad as the source.
    events = code(coder, "BAGHDAD — Iran fired missiles at two bases in Iraq on Wednesday.")
    attack = find(events, "ASSAULT")
    assert attack.source.country == "IRN"
    assert attack.evidence.sentence.startswith("Iran fired")


def test_no_publication_date_means_unknown_dates(coder: RuleCoder) -> None:
    events = code(coder, "The United States imposed sanctions on Iran.", published=None)
    assert find(events, "COERCE").date.value is None


def test_every_event_explains_itself(coder: RuleCoder) -> None:
    text = "Iran fired missiles at American troops. The United States imposed sanctions on Iran."
    for event in code(coder, text):
        assert event.coder.startswith("rules-") and event.evidence.trigger in event.evidence.sentence
        assert text[event.evidence.start : event.evidence.end] == event.evidence.trigger
