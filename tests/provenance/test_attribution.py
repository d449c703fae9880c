from __future__ import annotations

from detente.provenance import find_attribution
from detente.provenance.attribution import outlets_match

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
