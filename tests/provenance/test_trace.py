from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import ClassVar

import numpy as np

from detente.provenance import Provenance, fingerprint, trace_copies
from detente.provenance.trace import Recall
from detente.records import Article, Copy, PairVerdict

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


def _by_pair(result: Provenance) -> dict[tuple[str, str], PairVerdict]:
    return {(v.first, v.second): v for v in result.verdicts}


def _kept(copies: Iterable[Copy]) -> Recall:
    """What the store does: the copies a previous trace kept, by (copy, original)."""
    by_key = {(c.copy, c.original): c for c in copies if c.original is not None}
    return lambda keys: {key: by_key[key] for key in keys if key in by_key}


def test_kept_verdicts_are_reused_while_both_articles_are_unchanged(
    harbour_original: Article, harbour_rewrite: Article
) -> None:
    wire = article("wire", HARBOUR_REPORT + "\nMore soon.", "Talvik Wire", dt.date(2031, 3, 3))
    articles = (harbour_original, harbour_rewrite, wire)
    first = trace_copies(articles, sentences_of(*articles))
    assert first.judged == len(first.verdicts) >= 2
    again = trace_copies(articles, sentences_of(*articles), earlier=_by_pair(first), recall=_kept(first.copies))
    assert again.judged == 0
    assert (again.copies, again.story_of, again.verdicts) == (first.copies, first.story_of, first.verdicts)
    # The kept copy really is what the second trace used: a doctored one shows.
    rewrite = next(c for c in first.copies if c.copy == "harbour-rewrite")
    doctored = [dataclasses.replace(c, relation="translation") if c is rewrite else c for c in first.copies]
    reused = trace_copies(articles, sentences_of(*articles), earlier=_by_pair(first), recall=_kept(doctored))
    assert "translation" in {c.relation for c in reused.copies}
    # A winning verdict whose copy was not kept is judged again, and gives the same copy.
    others = _kept(c for c in first.copies if c is not rewrite)
    unkept = trace_copies(articles, sentences_of(*articles), earlier=_by_pair(first), recall=others)
    assert unkept.judged == 1 and unkept.copies == first.copies
    # A changed date changes the basis of that article's pairs: they are judged afresh.
    redated = dataclasses.replace(harbour_rewrite, published=dt.date(2031, 3, 8))
    changed = (harbour_original, redated, wire)
    fresh = trace_copies(changed, sentences_of(*changed), earlier=_by_pair(first), recall=_kept(doctored))
    pairs_with_it = [v for v in fresh.verdicts if "harbour-rewrite" in (v.first, v.second)]
    assert fresh.judged == len(pairs_with_it) >= 1
    assert fresh.copies == trace_copies(changed, sentences_of(*changed)).copies
    assert "translation" not in {c.relation for c in fresh.copies}


def test_adding_articles_judges_only_their_pairs_and_equals_a_trace_from_scratch(
    harbour_original: Article, harbour_rewrite: Article
) -> None:
    wire = article("wire", HARBOUR_REPORT + "\nMore soon.", "Talvik Wire", dt.date(2031, 3, 3))
    before = (harbour_original, wire, article("quake-wire", QUAKE_WIRE, "Orvane Wire", dt.date(2031, 5, 1)))
    earlier = trace_copies(before, sentences_of(*before))
    after = (*before, harbour_rewrite, article("quake-local", QUAKE_LOCAL, "Keszeg Post", dt.date(2031, 5, 2)))
    incremental = trace_copies(after, sentences_of(*after), earlier=_by_pair(earlier), recall=_kept(earlier.copies))
    scratch = trace_copies(after, sentences_of(*after))
    assert (incremental.copies, incremental.story_of, incremental.verdicts) == (
        scratch.copies,
        scratch.story_of,
        scratch.verdicts,
    )
    old_pairs = set(_by_pair(earlier))
    assert old_pairs == {("harbour-original", "wire")}
    assert incremental.judged == len([v for v in incremental.verdicts if (v.first, v.second) not in old_pairs])
    assert 0 < incremental.judged == scratch.judged - 1
