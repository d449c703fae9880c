from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from detente.provenance import Provenance, fingerprint, trace_copies
from detente.records import Article

from .articles import CHESS_REPORT, HARBOUR_REPORT, QUAKE_LOCAL, QUAKE_WIRE, article, sentences_of


def trace(*articles: Article) -> Provenance:
    return trace_copies(articles, sentences_of(*articles))


def test_verbatim_copy_is_a_copy_of_the_earlier_article() -> None:
    original = article("wire", HARBOUR_REPORT, "Talvik Wire", dt.date(2031, 3, 4))
    copy = article(
        "reprint",
        "Reprinted\n\n" + HARBOUR_REPORT + "\nShare this story.",
        "Harbour Times",
        dt.date(2031, 3, 5),
    )
    result = trace(original, copy)
    assert len(result.copies) == 1
    found = result.copies[0]
    assert (found.copy, found.original, found.relation) == ("reprint", "wire", "copy")
    assert found.coverage_of_original == 1.0
    assert {pair.change for pair in found.aligned} == {"same"}
    assert result.story_of["wire"] == result.story_of["reprint"]


def test_shortened_rewrite_with_credit_flip_and_number(harbour_original: Article, harbour_rewrite: Article) -> None:
    result = trace(harbour_original, harbour_rewrite)
    assert len(result.copies) == 1
    found = result.copies[0]
    assert (found.copy, found.original, found.relation) == ("harbour-rewrite", "harbour-original", "rewrite")
    assert found.attribution == "the Northern Ledger"
    assert 0.2 < found.coverage_of_original < 0.8
    changes = {pair.change: pair.detail for pair in found.aligned}
    assert changes["polarity_flipped"] == "welcomed → did not welcome"
    assert changes["number_changed"] == "16 → 22"
    assert any("Oskar Lindqvist" in sentence for sentence in found.dropped[:2])  # quotes come first
    assert 0.0 < found.confidence <= 1.0


def test_direction_by_attribution_even_without_dates(harbour_original: Article, harbour_rewrite: Article) -> None:
    undated = dataclasses.replace(harbour_original, published=None)
    result = trace(harbour_rewrite, undated)
    assert result.copies[0].original == "harbour-original"


def test_direction_by_date_when_nothing_is_credited() -> None:
    late = article("late", HARBOUR_REPORT + "\nMore soon.", "B", dt.date(2031, 3, 9))
    early = article("early", HARBOUR_REPORT, "A", dt.date(2031, 3, 4))
    result = trace(late, early)
    assert (result.copies[0].copy, result.copies[0].original) == ("late", "early")


def test_independent_reports_share_a_story_but_are_not_copies() -> None:
    wire = article("quake-wire", QUAKE_WIRE, "Orvane Press Agency", dt.date(2031, 6, 7))
    local = article("quake-local", QUAKE_LOCAL, "Dromlin Evening Post", dt.date(2031, 6, 7))
    result = trace(wire, local)
    assert result.copies == ()
    assert result.story_of["quake-wire"] == result.story_of["quake-local"]


def test_unrelated_articles_have_different_stories(harbour_original: Article) -> None:
    chess = article("chess", CHESS_REPORT, "Halden Sports", dt.date(2031, 3, 4))
    quake = article("quake", QUAKE_WIRE, "Orvane Press Agency", dt.date(2031, 6, 7))
    result = trace(harbour_original, chess, quake)
    assert result.copies == ()
    assert len(set(result.story_of.values())) == 3


def test_credit_to_an_outlet_not_in_the_input(harbour_rewrite: Article) -> None:
    chess = article("chess", CHESS_REPORT, "Halden Sports")
    result = trace(harbour_rewrite, chess)
    assert len(result.copies) == 1
    found = result.copies[0]
    assert (found.copy, found.original, found.attribution) == ("harbour-rewrite", None, "the Northern Ledger")
    assert found.relation == "rewrite" and found.coverage_of_original == 0.0


def test_story_ids_are_stable_and_given_fingerprints_are_used(
    harbour_original: Article, harbour_rewrite: Article
) -> None:
    prints = {a.article_id: fingerprint(a.text) for a in (harbour_original, harbour_rewrite)}
    first = trace_copies(
        [harbour_original, harbour_rewrite],
        sentences_of(harbour_original, harbour_rewrite),
        fingerprints=prints,
    )
    second = trace(harbour_rewrite, harbour_original)
    assert dict(first.story_of) == dict(second.story_of)
    assert first.story_of["harbour-original"].startswith("story-")
    assert prints["harbour-original"].dtype == np.uint32 and prints["harbour-original"].shape == (128,)


class BagOfWordsEncoder:
    """A test double for a multilingual encoder: a tiny dictionary maps both languages to one space."""

    LEXICON: ClassVar[dict[str, str]] = {
        "hund": "dog",
        "katze": "cat",
        "brücke": "bridge",
        "stadt": "city",
        "baut": "builds",
        "neue": "new",
        "jagt": "chases",
        "die": "the",
        "der": "the",
        "eine": "a",
    }
    VOCABULARY = ("dog", "cat", "bridge", "city", "builds", "new", "chases", "mayor", "river", "opens")

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        rows = []
        for sentence in sentences:
            words = [self.LEXICON.get(w, w) for w in sentence.lower().replace(".", "").split()]
            vector = np.array([float(words.count(v)) for v in self.VOCABULARY]) + 1e-6
            rows.append(vector / np.linalg.norm(vector))
        return np.vstack(rows)


def test_translation_needs_an_encoder() -> None:
    english = article(
        "en",
        "The city builds a new bridge over the river. The mayor opens the new bridge.\n"
        "The dog chases the cat near the new bridge.",
        "City Post",
        dt.date(2031, 1, 1),
        "en",
    )
    german = article(
        "de",
        "Die Stadt baut eine neue Brücke river. Mayor opens die neue Brücke.\n"
        "Der Hund jagt die Katze near die neue Brücke.",
        "Stadtzeitung",
        dt.date(2031, 1, 2),
        "de",
    )
    assert trace(english, german).copies == ()
    result = trace_copies([english, german], sentences_of(english, german), encoder=BagOfWordsEncoder())
    assert [(c.copy, c.original, c.relation) for c in result.copies] == [("de", "en", "translation")]
