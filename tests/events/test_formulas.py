"""The newsroom's own formulas, nouns that are events only with the right words, and the agents
of event nouns, on sentences written for these tests: no events where a reader sees none."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.coder import RuleCoder
from tests.factories import code_text

PUBLISHED = dt.date(2022, 6, 14)


def types(coder: RuleCoder, text: str) -> list[str]:
    return sorted(e.plover_type for e in code_text(coder, text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "A Lebanese minister, who asked not to be identified, said the cabinet was divided.",
        "The plan will fail, a Turkish diplomat said, speaking on condition of anonymity.",
        "Amira Nasser contributed reporting from Damascus.",
        "A senior Egyptian official, who asked not to be named, described the talks as tense.",
    ],
)
def test_formulas_that_name_sources_and_reporters_are_no_events(coder: RuleCoder, text: str) -> None:
    assert types(coder, text) == []


def test_the_same_verbs_still_code_real_requests_and_talks(coder: RuleCoder) -> None:
    assert "REQUEST" in types(coder, "Jordan asked Israel to reopen the crossing.")
    assert "CONSULT" in types(coder, "The Saudi foreign minister spoke with his Iranian counterpart on Monday.")


def test_an_attempt_is_an_assault_only_on_someone(coder: RuleCoder) -> None:
    assert "ASSAULT" not in types(coder, "Qatar's attempt to avoid a confrontation with Bahrain failed.")
    assert "ASSAULT" in types(coder, "Police foiled an assassination attempt on the Ecuadorian president by gunmen.")


def test_calling_off_attacks_on_someone_is_ceasing_them_not_an_appeal(coder: RuleCoder) -> None:
    [event] = code_text(coder, "The Houthi militia called off its attacks on Saudi oil terminals.", PUBLISHED)
    assert (event.plover_type, event.modality) == ("RETREAT", "ceased")
    assert event.coder.endswith("call-off-attack")


def test_the_one_whose_resignation_is_accepted_is_named_by_of_not_by_the_last_subject(coder: RuleCoder) -> None:
    text = "Vladimir Putin met Recep Tayyip Erdogan in Sochi. Parliament accepted the resignation of Imran Khan."
    accepted = [e for e in code_text(coder, text, PUBLISHED) if e.coder.endswith("/accept")]
    assert [e.target.text if e.target else None for e in accepted] == ["Imran Khan"]
