from __future__ import annotations

import pytest

from detente.errors import LexiconError
from detente.provenance.text import negation_cues, numbers, parse_lexicon, same_name, shingles


def test_not_only_but_is_emphasis_not_negation() -> None:
    assert negation_cues("The council not only approved the plan but also funded it.") == []


def test_plain_negation_is_found_with_its_verb() -> None:
    assert negation_cues("The council did not approve the plan.") == ["did not approve"]


def test_not_opposed_cancels_out() -> None:
    assert negation_cues("The minister is not opposed to the merger.") == []


def test_transliterated_names_are_one_name() -> None:
    assert same_name("al-Kadhimi", "Al-Kazemi")
    assert same_name("Mustapha", "Mustafa")
    assert same_name("Tehran", "Iran")  # alias: capital for country
    assert not same_name("Iran", "Iraq")


def test_numbers_in_digits_and_words() -> None:
    assert numbers("It cost 1,200 crowns and took five days.") == ["1200", "5"]


def test_short_text_is_one_shingle() -> None:
    assert shingles("Only three words") == ["only three words"]


def test_lexicon_rejects_unknown_kind() -> None:
    with pytest.raises(LexiconError, match="line 1"):
        parse_lexicon(["colour\tred"])
