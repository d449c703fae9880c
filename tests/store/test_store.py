from __future__ import annotations

from pathlib import Path

import numpy as np

from detente.store import AnalysedArticle, Store
from detente.store.codec import event_from_json, mention_from_row, mention_to_row
from detente.store.duck import query
from detente.timeline.merge import merge_mentions
from tests.factories import article, event, mention


def test_batches_are_idempotent_and_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    m = mention("m1", "a1", "USA", "IRN", "1823", "2020-01-03")
    batch = [AnalysedArticle(article("a1", published="2020-01-04"), "coded", 3, (m,), np.arange(4, dtype=np.uint64))]
    store.write_batch(batch, [])
    store.write_batch(batch, [])
    assert store.counts()["articles"] == 1 and store.counts()["mentions"] == 1
    assert store.mentions() == [m]
    [stored] = store.articles()
    assert stored.fingerprint is not None and list(stored.fingerprint) == [0, 1, 2, 3]
    assert store.known_hashes(["hash-a1", "other"]) == {"hash-a1"}


def test_derived_tables_are_replaced_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    e = event("e1", "USA", "IRN", "1823", "2020-01-03")
    store.replace_derived([], {"a": "story-1"}, [e])
    store.replace_derived([], {"a": "story-1"}, [e])
    assert store.events() == [e]
    assert store.events("source_country = ?", ["IRN"]) == []


def test_codec_round_trips() -> None:
    m = mention("m1", "a1", "IRN", None, "0841", "2020-04", modality="intended")
    assert mention_from_row(mention_to_row(m)) == m
    e = event("e1", "USA", "IRN", "163", "2020-01-10", sources=2)
    assert event_from_json(e.to_json()) == e


def test_copies_do_not_count_as_independent_sources() -> None:
    from detente.records import Copy

    articles = {a.article_id: a for a in (article("orig", outlet="NYT"), article("copy", outlet="Shafaq"),
                                          article("other", outlet="Reuters"))}  # fmt: skip
    mentions = [
        mention("m1", "orig", "IRN", "USA", "087", "2020-05"),
        mention("m2", "copy", "IRN", "USA", "087", "2020-05"),
        mention("m3", "other", "IRN", "USA", "087", "2020-05-20"),
    ]
    copies = [Copy("copy", "orig", "rewrite", 0.9, "the New York Times", 0.2)]
    stories = {"orig": "s1", "copy": "s1", "other": "s2"}
    [merged] = merge_mentions(mentions, articles, copies, stories)
    assert merged.num_articles == 3 and merged.num_outlets == 3
    assert merged.num_independent_sources == 2
    assert merged.date.value == "2020-05-20", "the most precise dated mention gives the date"


def test_pair_verdicts_round_trip_and_are_kept_unless_replaced(tmp_path: Path) -> None:
    from detente.records import AlignedPair, Copy, PairVerdict

    copy = Copy("b", "a", "rewrite", 0.71, "Talvik Wire", 0.5, (AlignedPair("x y", "x z", 0.8125, "reworded"),),
                ("dropped",), ("added",))  # fmt: skip
    verdicts = [PairVerdict("a", "b", "basis-1", "b", 1.3), PairVerdict("a", "c", "basis-2", None, 0.0)]
    store = Store(tmp_path / "s.duckdb")
    assert store.verdicts() == {}
    store.replace_derived([copy], {}, [], verdicts=verdicts)
    assert store.verdicts() == {("a", "b"): verdicts[0], ("a", "c"): verdicts[1]}
    assert verdicts[0].original == "a" and verdicts[1].original is None
    # A kept verdict names its copy; the Copy itself is read back from the copies table.
    assert store.kept_copies([("b", "a"), ("a", "b"), ("c", "a")]) == {("b", "a"): copy}
    assert store.kept_copies([]) == {}
    store.replace_derived([copy], {}, [])
    assert len(store.verdicts()) == 2, "a rebuild that passes no verdicts leaves the kept ones"
    store.replace_derived([], {}, [], verdicts=verdicts[1:])
    assert store.verdicts() == {("a", "c"): verdicts[1]}


def test_a_store_written_before_verdicts_were_kept_has_none(tmp_path: Path) -> None:
    import duckdb

    store = Store(tmp_path / "s.duckdb")
    store.replace_derived([], {}, [])
    with duckdb.connect(str(store.path)) as connection:
        connection.execute("DROP TABLE pair_verdicts")
    assert store.verdicts() == {}


def test_the_first_verdicts_table_with_a_copy_per_pair_is_dropped_on_the_next_write(tmp_path: Path) -> None:
    import duckdb

    store = Store(tmp_path / "s.duckdb")
    store.replace_derived([], {}, [])
    with duckdb.connect(str(store.path)) as connection:
        connection.execute("CREATE TABLE verdicts (first_id VARCHAR, second_id VARCHAR, payload JSON)")
    store.replace_derived([], {}, [])
    assert query(store.path, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%verdicts'") == [
        {"table_name": "pair_verdicts"}
    ]
