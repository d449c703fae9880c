"""Shared fixtures: the demo corpus (shipped in demo/) run once into a store for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import Detente

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    Detente.open(db).run([DEMO / "corpus"], manifest=DEMO / "manifest.jsonl")
    return db


@pytest.fixture(scope="session")
def demo(demo_store: Path) -> Detente:
    return Detente.open(demo_store)
