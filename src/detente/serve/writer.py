"""Writes from the REST API run in one child process, one at a time.

DuckDB refuses a read-only and a read-write connection to the same file inside one process, so a
run inside the server would make concurrent reads fail. In a child process it is exactly a
``detente run``: the store's cross-process waiting applies and the server keeps answering. The
child keeps the models loaded between requests; one worker serialises the writes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from threading import Lock
from typing import Any

from detente.settings import Settings


def ingest_in_child(settings: Settings, records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    from detente.api import Detente

    report = Detente(settings).ingest(records)
    return {
        "articles_read": report.articles_read,
        "articles_new": report.articles_new,
        "articles_known": report.articles_known,
        "not_coded": report.not_coded,
        "problems": [{"origin": p.origin, "reason": p.reason} for p in report.problems],
        "counts": report.counts,
    }


class Writer:
    """The server's single writing process, started on the first write."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None
        self._lock = Lock()

    def ingest(self, records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            pool = self._pool
        return pool.submit(ingest_in_child, self.settings, [dict(r) for r in records]).result()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
