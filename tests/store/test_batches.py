"""Store batches: a text or id already stored never lands twice nor takes another's mentions;
sentence spans round-trip; the derived tables know when they are stale."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from detente.ingest import split_sentences
from detente.store import AnalysedArticle, Store
from tests.factories import article, mention


def _analysed(item_id: str, text: str = "Iran fired missiles. Iraq protested.", hash_of: str | None = None):
    base = dataclasses.replace(article(item_id, text), content_hash=f"hash-{hash_of or item_id}")
    spans = tuple(bound for s in split_sentences(base) for bound in (s.start, s.end))
    m = mention(f"m-{item_id}-{hash_of}", item_id, "IRN", "IRQ", "195", "2020-01-08")
    return AnalysedArticle(base, "coded", len(spans) // 2, (m,), None, spans)


def test_a_text_or_id_already_stored_is_dropped_with_its_mentions(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.write_batch([_analysed("a1"), _analysed("a1-again", hash_of="a1")], [])
    store.write_batch([_analysed("a1", hash_of="other-text"), _analysed("a2")], [])
    assert [s.article.article_id for s in store.articles()] == ["a1", "a2"]
    assert sorted(m.article_id for m in store.mentions()) == ["a1", "a2"], "no orphan mentions"
    assert store.known(["hash-a1", "hash-x"], ["a2", "zz"]) == ({"hash-a1"}, {"a1": "hash-a1", "a2": "hash-a2"})


def test_sentence_spans_round_trip_without_resplitting(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    analysed = _analysed("a1")
    store.write_batch([analysed], [])
    [stored] = store.articles()
    assert stored.sentences() == tuple(split_sentences(analysed.article))


def test_derived_tables_are_stale_until_rebuilt_from_the_latest_batch(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.write_batch([_analysed("a1")], [])
    assert store.derived_stale()
    generation = store.generation()
    store.write_batch([_analysed("a2")], [])  # lands while the derived tables are computed
    store.replace_derived([], {}, [], generation)
    assert store.derived_stale()
    store.replace_derived([], {}, [], store.generation())
    assert not store.derived_stale()
    store.write_batch([_analysed("a2")], [])  # nothing new: still fresh
    assert not store.derived_stale()
