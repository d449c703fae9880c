"""Domain reads and writes over the DuckDB file: records in, records out."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from detente.records import Article, Copy, Event, EventMention, IngestProblem, PairVerdict, Sentence
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
    sentence_spans: tuple[int, ...] = ()  # start, end, start, end, …: the cross-article stages reuse them


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article: Article
    status: str
    fingerprint: np.ndarray | None
    sentence_spans: tuple[int, ...] | None = None  # None: stored before spans were kept

    def sentences(self) -> tuple[Sentence, ...] | None:
        """The article's sentences from the stored spans, without re-splitting (None when not stored)."""
        spans, text, article_id = self.sentence_spans, self.article.text, self.article.article_id
        if spans is None:
            return None
        return tuple(
            Sentence(article_id, index, start, end, text[start:end])
            for index, (start, end) in enumerate(zip(spans[::2], spans[1::2], strict=True))
        )


class Store:
    """The detente store at ``path`` (created on first write)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- writes ---------------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        return self.known(hashes, ())[0]

    def known(self, hashes: Iterable[str], article_ids: Iterable[str]) -> tuple[set[str], dict[str, str]]:
        """Which of ``hashes`` are stored, and the stored content hash of each of ``article_ids`` that is."""
        wanted, ids = list(set(hashes)), list(set(article_ids))
        if not (wanted or ids) or not self.path.exists():
            return set(), {}
        rows = query(
            self.path,
            "SELECT article_id, content_hash, list_contains(?, content_hash) AS by_hash FROM articles "
            "WHERE list_contains(?, content_hash) OR list_contains(?, article_id)",
            [wanted, wanted, ids],
        )
        return {r["content_hash"] for r in rows if r["by_hash"]}, {r["article_id"]: r["content_hash"] for r in rows}

    def write_batch(self, analysed: Sequence[AnalysedArticle], problems: Sequence[IngestProblem]) -> None:
        """One transaction: the articles with their mentions, and the problems. An article whose text or
        id is already stored is dropped with its mentions, so no mention ever points at another text."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        problem_rows = [
            {"problem_id": _problem_id(p), "origin": p.origin, "reason": p.reason, "seen_at": now} for p in problems
        ]
        with transaction(self.path) as connection:
            if analysed:
                taken = connection.execute(
                    "SELECT article_id, content_hash FROM articles "
                    "WHERE list_contains(?, content_hash) OR list_contains(?, article_id)",
                    [[a.article.content_hash for a in analysed], [a.article.article_id for a in analysed]],
                ).fetchall()
                taken_ids, taken_hashes = {row[0] for row in taken}, {row[1] for row in taken}
                fresh = _first_of_each(analysed, taken_ids, taken_hashes)
                insert_rows(connection, "articles", [_article_row(item, now) for item in fresh])
                mention_rows = [
                    {"mention_id": m.mention_id, "article_id": m.article_id, "payload": mention_to_row(m)}
                    for item in fresh
                    for m in item.mentions
                ]
                insert_rows(connection, "mentions", mention_rows)
                if fresh:
                    connection.execute(BUMP_GENERATION)
            insert_rows(connection, "problems", problem_rows)

    def derived_stale(self) -> bool:
        """Whether articles landed since the derived tables were last rebuilt (or they never were)."""
        rows = query(self.path, "SELECT key, value FROM meta WHERE key IN ('generation', 'derived_generation')")
        values = {row["key"]: row["value"] for row in rows}
        return values.get("derived_generation") is None or values.get("generation") != values["derived_generation"]

    def generation(self) -> str | None:
        """A token that changes whenever articles land (read it before reading what to derive from)."""
        rows = query(self.path, "SELECT value FROM meta WHERE key = 'generation'")
        return rows[0]["value"] if rows else None

    def replace_derived(
        self,
        copies: Sequence[Copy],
        story_of: Mapping[str, str],
        events: Sequence[Event],
        generation: str | None = None,
        verdicts: Sequence[PairVerdict] | None = None,
    ) -> None:
        """Swap in the cross-article results of a run in one transaction; ``generation`` is the store's
        ``generation()`` they were derived from, so articles landing meanwhile leave them stale.
        ``verdicts`` on the candidate pairs, when given, replace the kept ones."""
        with transaction(self.path) as connection:
            for table in ("copies", "stories", "events", *(("pair_verdicts",) if verdicts is not None else ())):
                connection.execute(f"DELETE FROM {table}")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('derived_generation', ?)", [generation or "none"])
            insert_rows(
                connection,
                "copies",
                [
                    {
                        "copy_id": _copy_id(c.copy, c.original),
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
            insert_rows(connection, "pair_verdicts", [_verdict_row(v) for v in verdicts or ()])

    # -- reads ----------------------------------------------------------------------------------
    def articles(self, with_text: bool = True) -> list[StoredArticle]:
        text = "text, sentence_spans" if with_text else "'' AS text, NULL AS sentence_spans"
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

    def verdicts(self) -> dict[tuple[str, str], PairVerdict]:
        """The kept verdicts on candidate pairs, by (first, second) article id."""
        if not self.path.exists() or not query(
            self.path, "SELECT 1 FROM duckdb_tables() WHERE table_name = 'pair_verdicts'"
        ):
            return {}  # a store last written before verdicts were kept
        rows = query(self.path, "SELECT first_id, second_id, basis, copy_of, score FROM pair_verdicts")
        verdicts = (PairVerdict(r["first_id"], r["second_id"], r["basis"], r["copy_of"], r["score"]) for r in rows)
        return {(v.first, v.second): v for v in verdicts}

    def kept_copies(self, pairs: Collection[tuple[str, str]]) -> dict[tuple[str, str], Copy]:
        """The stored copies among ``pairs`` of (copy, original) article ids."""
        if not pairs:
            return {}
        keys = [_copy_id(copy, original) for copy, original in pairs]
        rows = query(self.path, "SELECT payload FROM copies WHERE copy_id IN (SELECT unnest(?::VARCHAR[]))", [keys])
        copies = (copy_from_json(json.loads(row["payload"])) for row in rows)
        return {(c.copy, c.original): c for c in copies if c.original is not None}

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
        "sentence_spans": list(item.sentence_spans) if item.sentence_spans else None,
    }


def _first_of_each(
    analysed: Sequence[AnalysedArticle], taken_ids: set[str], taken_hashes: set[str]
) -> list[AnalysedArticle]:
    fresh = []
    for item in analysed:
        if item.article.article_id in taken_ids or item.article.content_hash in taken_hashes:
            continue
        taken_ids.add(item.article.article_id)
        taken_hashes.add(item.article.content_hash)
        fresh.append(item)
    return fresh


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
    spans = row.get("sentence_spans")
    return StoredArticle(article, row["status"], fingerprint, tuple(json.loads(spans)) if spans else None)


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


BUMP_GENERATION = """INSERT OR REPLACE INTO meta SELECT 'generation',
    CAST(COALESCE((SELECT TRY_CAST(value AS BIGINT) FROM meta WHERE key = 'generation'), 0) + 1 AS VARCHAR)"""


def _copy_id(copy: str, original: str | None) -> str:
    return f"{copy}>{original}"


def _verdict_row(verdict: PairVerdict) -> dict[str, Any]:
    return {"first_id": verdict.first, "second_id": verdict.second, "basis": verdict.basis,
            "score": verdict.score, "copy_of": verdict.copy_of}  # fmt: skip


def _problem_id(problem: IngestProblem) -> str:
    return hashlib.sha256(f"{problem.origin}\0{problem.reason}".encode()).hexdigest()[:24]
