"""Fixtures for the provenance tests: an original report and a shortened rewrite of it."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import Article

from .articles import HARBOUR_REPORT, HARBOUR_REWRITE, article


@pytest.fixture
def harbour_original() -> Article:
    return article("harbour-original", HARBOUR_REPORT, "The Northern Ledger", dt.date(2031, 3, 4))


@pytest.fixture
def harbour_rewrite() -> Article:
    return article("harbour-rewrite", HARBOUR_REWRITE, "Coastline Daily", None)
