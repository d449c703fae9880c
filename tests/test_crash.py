"""Crash safety: a real ``detente run`` killed with SIGKILL mid-run, then started again, ends with
exactly the articles, mentions, events and copies of a run that was never interrupted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente import Detente
from detente.errors import StoreError
from detente.store import Store
from detente.store.duck import query
from tests.conftest import DEMO

VARIANTS = 8  # the 25 demo reports and light variants of the first 8: 33 articles, 9 batches
BATCH_SIZE = 4
KILL_DEADLINE_SECONDS = 120


def _corpus(folder: Path) -> Path:
    """The demo reports, and some again with light variations (a number, a byline): copies."""
    folder.mkdir()
    for number, source in enumerate(sorted((DEMO / "corpus").glob("*.txt"))):
        text = source.read_text(encoding="utf-8")
        (folder / f"0_{source.name}").write_text(text, encoding="utf-8")
        if number < VARIANTS:
            text = re.sub(r"\b(\d{2,3})\b", lambda m: str(int(m.group(1)) + 1), text, count=2)
            (folder / f"1_{source.name}").write_text(f"{text}\n\nReporting by the night desk.\n", encoding="utf-8")
    return folder


def _state(db: Path) -> dict[str, set[str]]:
    return {
        table: {row["id"] for row in query(db, f"SELECT {key} AS id FROM {table}")}
        for table, key in (
            ("articles", "article_id"),
            ("mentions", "mention_id"),
            ("events", "event_id"),
            ("copies", "copy_id"),
            ("stories", "article_id || '>' || story_id"),
        )
    }


def _generation(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(Store(db).generation() or 0)
    except StoreError:
        return 0


def _start(corpus: Path, db: Path, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "detente", "run", str(corpus), "--db", str(db), "--batch-size", str(BATCH_SIZE)]
    with log.open("ab") as sink:
        return subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})


def _kill_after_batches(process: subprocess.Popen[bytes], db: Path, batches: int) -> int:
    deadline = time.monotonic() + KILL_DEADLINE_SECONDS
    while _generation(db) < batches:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the run ended (or stalled) before {batches} batches landed")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return _generation(db)


def test_a_run_killed_twice_and_resumed_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    log = tmp_path / "run.log"
    killed_db = tmp_path / "killed.duckdb"
    first = _kill_after_batches(_start(corpus, killed_db, log), killed_db, batches=2)
    second = _kill_after_batches(_start(corpus, killed_db, log), killed_db, batches=first + 3)
    assert 0 < first < second, "each kill landed mid-run"
    resumed = _start(corpus, killed_db, log)
    assert resumed.wait(timeout=300) == 0, log.read_text()

    clean_db = tmp_path / "clean.duckdb"
    Detente.open(clean_db, batch_size=BATCH_SIZE).run([corpus])

    clean, after_kills = _state(clean_db), _state(killed_db)
    assert len(clean["articles"]) == 25 + VARIANTS and clean["events"] and clean["copies"]
    for table in clean:
        assert after_kills[table] == clean[table], f"{table} differ after kill and resume"
    again = Detente.open(killed_db).run([corpus])
    assert again.articles_new == 0 and _state(killed_db) == clean, "a rerun adds nothing"
