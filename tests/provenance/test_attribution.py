from __future__ import annotations

from detente.provenance import find_attribution
from detente.provenance.attribution import KnownOutlets, outlets_match

from .articles import HARBOUR_REPORT, HARBOUR_REWRITE, article


def test_report_published_by() -> None:
    assert find_attribution(article("a", HARBOUR_REWRITE)) == "the Northern Ledger"


def test_according_to_agency() -> None:
    text = "Prices rose sharply in March, according to Reuters. Traders expect more."
    assert find_attribution(article("a", text)) == "Reuters"


def test_closing_source_line() -> None:
    text = "Ministers met on Friday to discuss the budget.\n\nSource: Valmont Herald"
    assert find_attribution(article("a", text)) == "Valmont Herald"


def test_people_and_bylines_are_not_outlets() -> None:
    text = "The plan changed, according to people familiar with the talks.\n\nAnna Berg reported from Talvik."
    assert find_attribution(article("a", text)) is None
    assert find_attribution(article("b", HARBOUR_REPORT)) is None


def test_outlet_names_match_loosely() -> None:
    assert outlets_match("the New York Times", "The New York Times")
    assert outlets_match("NYT", "The New York Times")
    assert outlets_match("New York Times", "the new york times")
    assert not outlets_match("the Washington Post", "The New York Times")


def test_known_outlets_answer_as_matching_each_outlet_would() -> None:
    outlets = ["The New York Times", "CNN (Web News)", "Fox Online News", "BBC", "N Y T", "Al-Monitor", "Ledger"]
    names = [
        "the New York Times",
        "NYT",
        "New York Times",
        "CNN",
        "Fox",
        "Fox Online",
        "bbc",
        "the BBC",
        "Al-Monitor",
        "Monitor",
        "the Washington Post",
        "Ledger",
        "Northern Ledger",
        "Times",
        "N.Y.T.",
        "",
    ]
    known = KnownOutlets(outlets)
    for name in names:
        assert (name in known) == any(outlets_match(name, outlet) for outlet in outlets), name
