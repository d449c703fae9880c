"""Places: detente.timeline.places on sentences written for these tests (the gazetteer is offline)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.records import Location
from detente.timeline.places import HOMONYM_MIN_POPULATION, find_location, load_gazetteer, place_named


@pytest.mark.parametrize(
    ("sentence", "in_play", "expected"),
    [
        ("Rockets hit in Baghdad on Tuesday.", (), Location("IRQ", "Baghdad")),
        ("Clashes erupted in Iraq.", (), Location("IRQ", None)),
        ("Protesters gathered near Mosul.", (), Location("IRQ", "Mosul")),
        ("Israeli jets struck targets in the northern city of Aleppo.", (), Location("SYR", "Aleppo")),
        ("Talks were held at Geneva.", (), Location("CHE", "Geneva")),
        ("A bomb exploded outside Kabul.", (), Location("AFG", "Kabul")),
        ("Divers surveyed reefs off the coast of Fiji.", (), Location("FJI", None)),
        ("Rain fell in northwestern parts of the Bahamas.", (), Location("BHS", None)),
        ("Protesters marched in the streets of Baghdad.", (), Location("IRQ", "Baghdad")),
        # a locative phrase beats an actor mention
        ("Baghdad said it would respond to the attack in Mosul.", (), Location("IRQ", "Mosul")),
        ("Tehran condemned the strike in Syria.", (), Location("SYR", None)),
        # datelines
        ("BAGHDAD — Iraqi forces advanced on the town.", (), Location("IRQ", "Baghdad")),
        ("BAGHDAD (Reuters) - Iraqi forces advanced.", (), Location("IRQ", "Baghdad")),
        ("TRIPOLI, Libya — Militias clashed overnight.", (), Location("LBY", "Tripoli")),
        # homonyms: the qualifier, the countries in play, else the most populous
        ("He grew up in Paris, Texas.", (), Location("USA", "Paris")),
        ("Talks opened in Paris.", (), Location("FRA", "Paris")),
        ("Fighting in Tripoli continued.", (), Location("LBY", "Tripoli")),
        ("Fighting in Tripoli continued.", ("LBN",), Location("LBN", "Tripoli")),
        ("Fighting in Tripoli, Lebanon continued.", (), Location("LBN", "Tripoli")),
        ("Voters in Georgia went to the polls.", (), Location("GEO", None)),
        ("Voters in Georgia went to the polls.", ("USA",), Location("USA", "Georgia")),
        # aliases and alternate spellings
        ("US troops near Basra came under fire.", (), Location("IRQ", "Basrah")),
        ("Protesters gathered in Kiev.", (), Location("UKR", "Kyiv")),
        ("Clashes broke out in the Gaza Strip.", (), Location("PSE", "Gaza Strip")),
        ("Troops were deployed in the U.S.", (), Location("USA", None)),
        # a bare city or region that is no capital is still a place
        ("Rockets struck Mosul overnight.", (), Location("IRQ", "Mosul")),
        ("Iraq said rockets hit Basra.", ("IRQ",), Location("IRQ", "Basrah")),
        ("Washington said shells fell on Idlib.", (), Location("SYR", "Idlib")),
    ],
)
def test_find_location(sentence: str, in_play: tuple[str, ...], expected: Location) -> None:
    assert find_location(sentence, in_play) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Michael Jordan visited the troops.",  # part of a person's name
        "The Washington Post reported it.",  # part of an organisation's name
        "Police said two people died.",  # a word that is also a Polish town
        "Officials met to discuss the budget.",
        "",
    ],
)
def test_no_location(sentence: str) -> None:
    assert find_location(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "in_play"),
    [
        ("The United States imposed sanctions.", ()),
        ("The United States imposed sanctions on Iran.", ("USA", "IRN")),
        ("Washington imposed sanctions on Tehran.", ("USA", "IRN")),
        ("Iran's foreign minister rejected the offer.", ("IRN",)),
        ("Georgia accused Moscow of provocation.", ("GEO", "RUS")),
    ],
)
def test_bare_country_or_capital_is_an_actor_not_a_place(sentence: str, in_play: tuple[str, ...]) -> None:
    # Regression: a bare country mention ("The United States imposed sanctions") used to become the
    # event's location (USA); the sanctioning country is who acted, not where it happened.
    assert find_location(sentence, in_play) is None


def test_small_homonym_only_when_its_country_is_in_play() -> None:
    # Damascus, Maryland is a town of about 15,000: the Syrian capital unless the US is in play.
    assert find_location("Talks were held in Damascus.") == Location("SYR", "Damascus")
    small = [p for p in load_gazetteer().places["damascus"] if p.country == "USA"]
    assert small and small[0].population < HOMONYM_MIN_POPULATION
    assert find_location("Talks were held in Damascus.", ["SYR"]) == Location("SYR", "Damascus")


def test_gazetteer_is_loaded_once() -> None:
    assert load_gazetteer() is load_gazetteer()


@settings(deadline=None)
@given(st.text(max_size=300), st.lists(st.sampled_from(["IRQ", "USA", "LBN", "XXX", "usa"]), max_size=3))
def test_any_text_never_crashes(sentence: str, in_play: list[str]) -> None:
    result = find_location(sentence, in_play)
    assert result is None or (result.country is not None and len(result.country) == 3)


def test_a_name_alone_is_looked_up_as_a_place() -> None:
    assert place_named("Louisiana") == Location("USA", "Louisiana")
    assert place_named("the Idlib") == Location("SYR", "Idlib")
    assert place_named("Mumbai", ["IND"]) == Location("IND", "Mumbai")
    assert place_named("Field hospitals") is None
