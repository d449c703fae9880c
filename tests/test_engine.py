"""Execution engines: the registry, the local pool and the Dask engine give the same results in order."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import pytest

from detente.engine import LocalEngine, get_engine
from detente.errors import ConfigError, MissingDependencyError
from detente.ingest import read_paths
from detente.pipeline import _warm, analyse_batch
from detente.records import Article
from detente.settings import Settings
from tests.conftest import DEMO


def _demo_batches(size: int) -> list[list[Article]]:
    articles = [a for a in read_paths([DEMO / "corpus"]) if isinstance(a, Article)][:4]
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _summary(batches: list[list]) -> list[tuple[str, int, tuple[str, ...]]]:
    return [(a.article.article_id, a.n_sentences, tuple(m.mention_id for m in a.mentions)) for b in batches for a in b]


def test_registry_knows_the_built_in_engines_and_names_them_on_a_typo() -> None:
    engine = get_engine(Settings(engine="local", workers=1))
    assert isinstance(engine, LocalEngine)
    engine.close()
    with pytest.raises(ConfigError, match="dask"):
        get_engine(Settings(engine="spark"))


def test_local_pool_keeps_the_order_of_batches() -> None:
    engine = LocalEngine(workers=2)
    try:
        assert list(engine.map_batches(sum, ([n, n] for n in range(10)))) == [2 * n for n in range(10)]
    finally:
        engine.close()


def test_dask_engine_missing_gives_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    from detente.engine_dask import DaskEngine

    with pytest.raises(MissingDependencyError, match=r"detente\[dask\]"):
        DaskEngine(Settings(engine="dask"))


def test_dask_local_cluster_gives_what_the_local_engine_gives(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    settings = Settings(engine="dask", workers=1, db=tmp_path / "unused.duckdb")
    batches = _demo_batches(size=2)
    local = LocalEngine(workers=1, initializer=partial(_warm, settings))
    expected = list(local.map_batches(partial(analyse_batch, settings), batches))
    engine = get_engine(settings, initializer=partial(_warm, settings))
    try:
        assert type(engine).__name__ == "DaskEngine"
        got = list(engine.map_batches(partial(analyse_batch, settings), batches))
    finally:
        engine.close()
    assert _summary(got) == _summary(expected)
    assert any(a.mentions for b in got for a in b)


def test_dask_engine_unreachable_scheduler_is_a_config_error() -> None:
    pytest.importorskip("distributed")
    from detente.engine_dask import DaskEngine

    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        DaskEngine(Settings(engine="dask", scheduler="tcp://127.0.0.1:9"), connect_timeout=2)


def test_a_batch_leaves_none_of_its_new_words_in_the_parser() -> None:
    """A worker codes batch after batch for hours: the words a batch brings must not stay behind
    (spaCy's string store grew with every new name), and its events must survive the cleanup."""
    from detente.events.parse import load_pipeline

    settings = Settings()
    analyse_batch(settings, _demo_batches(2)[0])  # a process's first batch may keep its words
    strings = load_pipeline(tuple(settings.spacy_models)).nlp.vocab.strings
    before = len(strings)
    text = "Iran's foreign minister, Zarquon Vellmoorian, accused the United States of attacking Syria."
    (analysed,) = analyse_batch(settings, [Article("invented", text, "invented", language="en")])
    assert len(strings) == before
    assert "Vellmoorian" not in strings
    assert [m.cameo[:2] for m in analysed.mentions] == ["11"]  # plain values, readable after the batch
    assert all(m.evidence.trigger in text for m in analysed.mentions)
