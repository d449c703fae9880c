"""The embedded store: one DuckDB file, written in batched transactions through one writer.

DuckDB lets one process hold a file for writing and then no other process may open it, not even
read-only. So a run never keeps the file open: each batch opens it, writes in one transaction and
closes it, and readers (``detente serve``) retry while a batch holds it. A batch is a few hundred
milliseconds, so the server answers with that much extra latency at worst, never an error.

Ids are content hashes and every insert ignores existing keys, so a rerun adds nothing; a crash
loses at most the open batch, which the rerun redoes. Derived tables (copies, stories, events) are
replaced whole in one transaction, so a reader sees the old or the new, never half.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import StoreError

SCHEMA_VERSION = "1"
LOCK_WAIT_SECONDS = 60.0  # how long a reader or writer waits for another process's batch
LOCK_POLL_SECONDS = 0.05

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, content_hash VARCHAR UNIQUE, title VARCHAR, outlet VARCHAR,
    url VARCHAR, published DATE, language VARCHAR, origin VARCHAR, status VARCHAR,
    n_sentences INTEGER, n_mentions INTEGER, text VARCHAR, fingerprint BLOB, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, article_id VARCHAR, payload JSON);
CREATE TABLE IF NOT EXISTS problems (
    problem_id VARCHAR PRIMARY KEY, origin VARCHAR, reason VARCHAR, seen_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS copies (
    copy_id VARCHAR PRIMARY KEY, copy VARCHAR, original VARCHAR, relation VARCHAR, payload JSON);
CREATE TABLE IF NOT EXISTS stories (article_id VARCHAR PRIMARY KEY, story_id VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, source_country VARCHAR, target_country VARCHAR, cameo VARCHAR,
    quad_class INTEGER, plover_type VARCHAR, modality VARCHAR, date VARCHAR,
    num_independent_sources INTEGER, payload JSON);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS sentence_spans JSON;
-- The first kept verdicts held each pair's Copy (1.5 GB at 100k articles); a copy lives only in copies now.
DROP TABLE IF EXISTS verdicts;
CREATE TABLE IF NOT EXISTS pair_verdicts (
    first_id VARCHAR, second_id VARCHAR, basis VARCHAR, score DOUBLE, copy_of VARCHAR,
    PRIMARY KEY (first_id, second_id));
"""


def _is_lock_error(error: Exception) -> bool:
    message = str(error).lower()
    return "lock" in message or "conflicting" in message or "already open" in message


@contextmanager
def connect(path: Path, read_only: bool, wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the store file, waiting while another process's batch holds it."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such store; run `detente run PATH --db {path}` first")
    deadline = time.monotonic() + wait
    while True:
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as error:
            if not _is_lock_error(error) or time.monotonic() > deadline:
                raise StoreError(f"{path}: cannot open the store ({error})") from error
            time.sleep(LOCK_POLL_SECONDS)
        except duckdb.Error as error:
            raise StoreError(f"{path}: not a detente store ({error})") from error
    try:
        if not read_only:
            connection.execute(SCHEMA)
            connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        yield connection
    finally:
        connection.close()


@contextmanager
def transaction(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """One write transaction: all of it lands or none of it."""
    with connect(path, read_only=False) as connection:
        connection.execute("BEGIN TRANSACTION")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")


def insert_rows(
    connection: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]], replace: bool = False
) -> None:
    """Insert plain rows in one vectorised statement; existing keys are kept (or replaced)."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame([{k: _cell(v) for k, v in row.items()} for row in rows])
    columns = ", ".join(frame.columns)
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    connection.register("incoming_rows", frame)
    connection.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM incoming_rows")
    connection.unregister("incoming_rows")


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def query(path: Path, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a read-only query as dicts."""
    with connect(path, read_only=True) as connection:
        try:
            cursor = connection.execute(sql, list(params))
        except duckdb.CatalogException as error:
            raise StoreError(f"{path}: not a detente store ({error})") from error
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
