"""Domain reads and writes over the DuckDB file: records in, records out."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from detente.records import Article, Copy, Event, EventMention, IngestProblem
from detente.store.codec import copy_from_json, event_from_json, mention_from_row, mention_to_row
from detente.store.duck import insert_rows, query, transaction


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """What the per-article stages made of one article; written in one batch with its siblings."""

    article: Article
    status: str  # "coded" or why not ("not coded: needs a translator")
    n_sentences: int
    mentions: tuple[EventMention, ...]
    fingerprint: np.ndarray | None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article: Article
    status: str
    fingerprint: np.ndarray | None


class Store:
    """The detente store at ``path`` (created on first write)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- writes ---------------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        if not wanted or not self.path.exists():
            return set()
        rows = query(self.path, "SELECT content_hash FROM articles WHERE list_contains(?, content_hash)", [wanted])
        return {row["content_hash"] for row in rows}

    def write_batch(self, analysed: Sequence[AnalysedArticle], problems: Sequence[IngestProblem]) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        article_rows = [_article_row(item, now) for item in analysed]
        mention_rows = [
            {"mention_id": m.mention_id, "article_id": m.article_id, "payload": mention_to_row(m)}
            for item in analysed
            for m in item.mentions
        ]
        problem_rows = [
            {"problem_id": _problem_id(p), "origin": p.origin, "reason": p.reason, "seen_at": now} for p in problems
        ]
        with transaction(self.path) as connection:
            insert_rows(connection, "articles", article_rows)
            insert_rows(connection, "mentions", mention_rows)
            insert_rows(connection, "problems", problem_rows)

    def replace_derived(self, copies: Sequence[Copy], story_of: Mapping[str, str], events: Sequence[Event]) -> None:
        """Swap in the cross-article results of a run in one transaction."""
        with transaction(self.path) as connection:
            for table in ("copies", "stories", "events"):
                connection.execute(f"DELETE FROM {table}")
            insert_rows(
                connection,
                "copies",
                [
                    {
                        "copy_id": f"{c.copy}>{c.original}",
                        "copy": c.copy,
                        "original": c.original,
                        "relation": c.relation,
                        "payload": c.to_json(),
                    }
                    for c in copies
                ],
            )
            insert_rows(connection, "stories", [{"article_id": a, "story_id": s} for a, s in story_of.items()])
            insert_rows(connection, "events", [_event_row(e) for e in events])

    # -- reads ----------------------------------------------------------------------------------
    def articles(self, with_text: bool = True) -> list[StoredArticle]:
        text = "text" if with_text else "'' AS text"
        rows = query(
            self.path,
            f"SELECT article_id, content_hash, title, outlet, url, published, language, origin, status, "
            f"fingerprint, {text} FROM articles ORDER BY article_id",
        )
        return [_stored_article(row) for row in rows]

    def article(self, article_id: str) -> StoredArticle | None:
        rows = query(self.path, "SELECT * FROM articles WHERE article_id = ?", [article_id])
        return _stored_article(rows[0]) if rows else None

    def mentions(self) -> list[EventMention]:
        rows = query(self.path, "SELECT payload FROM mentions ORDER BY mention_id")
        return [mention_from_row(json.loads(row["payload"])) for row in rows]

    def problems(self) -> list[IngestProblem]:
        rows = query(self.path, "SELECT origin, reason FROM problems ORDER BY origin")
        return [IngestProblem(row["origin"], row["reason"]) for row in rows]

    def copies(self) -> list[Copy]:
        rows = query(self.path, "SELECT payload FROM copies ORDER BY copy, original")
        return [copy_from_json(json.loads(row["payload"])) for row in rows]

    def events(self, where: str = "TRUE", params: Sequence[Any] = ()) -> list[Event]:
        rows = query(self.path, f"SELECT payload FROM events WHERE {where} ORDER BY date, event_id", params)
        return [event_from_json(json.loads(row["payload"])) for row in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "problems", "copies", "events")
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t}) AS {t}" for t in tables)
        return {k: int(v) for k, v in query(self.path, sql)[0].items()}


def _article_row(item: AnalysedArticle, now: dt.datetime) -> dict[str, Any]:
    article = item.article
    return {
        "article_id": article.article_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "origin": article.origin,
        "status": item.status,
        "n_sentences": item.n_sentences,
        "n_mentions": len(item.mentions),
        "text": article.text,
        "fingerprint": None if item.fingerprint is None else item.fingerprint.astype(np.uint64).tobytes(),
        "ingested_at": now,
    }


def _stored_article(row: Mapping[str, Any]) -> StoredArticle:
    blob = row.get("fingerprint")
    article = Article(
        article_id=row["article_id"],
        text=row["text"],
        content_hash=row["content_hash"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
        origin=row["origin"],
    )
    fingerprint = None if blob is None else np.frombuffer(bytes(blob), dtype=np.uint64)
    return StoredArticle(article, row["status"], fingerprint)


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "source_country": event.source.country,
        "target_country": event.target.country if event.target else None,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "plover_type": event.plover_type,
        "modality": event.modality,
        "date": event.date.value,
        "num_independent_sources": event.num_independent_sources,
        "payload": event.to_json(),
    }


def _problem_id(problem: IngestProblem) -> str:
    return hashlib.sha256(f"{problem.origin}\0{problem.reason}".encode()).hexdigest()[:24]
