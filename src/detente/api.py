"""The Python API: everything a user can do with detente. The CLI and the REST API are thin over it.

from detente import Detente
detente = Detente.open("detente.duckdb")
report = detente.run([Path("articles/")])
for event in detente.events(dyad=("IRN", "USA")):
    ...
series = detente.dyad("IRN", "USA", by="month")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import IO, Any

from detente.errors import InputError
from detente.ingest import parse_published
from detente.pipeline import Progress, RunReport, run
from detente.records import Copy, DyadSeries, Event, IngestProblem
from detente.settings import Settings
from detente.store import Store, StoredArticle
from detente.temperature import dyad_series
from detente.temperature.series import By


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters on events; every field is optional and they combine with AND."""

    dyad: tuple[str, str] | None = None
    actor: str | None = None  # country code as source or target
    plover_type: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_independent_sources: int | None = None
    actor_name: str | None = None  # words of an actor's text or resolved name, either side, any case
    article_id: str | None = None  # events that this article reports
    cameo: str | None = None  # a CAMEO code or its prefix ("19" → every 19x)

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.dyad:
            a, b = (c.upper() for c in self.dyad)
            clauses.append(
                "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
            )
            params += [a, b, b, a]
        if self.actor:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.actor.upper()] * 2
        for column, value in (
            ("plover_type", self.plover_type),
            ("quad_class", self.quad_class),
            ("modality", self.modality),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value.upper() if column == "plover_type" and isinstance(value, str) else value)
        if self.date_from:
            clauses.append("date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("substr(date, 1, ?) <= ?")
            params += [len(self.date_to), self.date_to]
        if self.min_independent_sources:
            clauses.append("num_independent_sources >= ?")
            params.append(self.min_independent_sources)
        if self.actor_name:
            sides = " || ' ' || ".join(
                f"coalesce(json_extract_string(payload, '$.{side}.{part}'), '')"
                for side in ("source", "target")
                for part in ("text", "name")
            )
            clauses.append(f"contains(lower({sides}), ?)")
            params.append(self.actor_name.lower())
        if self.article_id:
            clauses.append("list_contains(CAST(json_extract(payload, '$.article_ids') AS VARCHAR[]), ?)")
            params.append(self.article_id)
        if self.cameo:
            clauses.append("starts_with(cameo, ?)")
            params.append(self.cameo)
        return " AND ".join(clauses), params


class Detente:
    """detente over one store."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.store = Store(self.settings.db)

    @classmethod
    def open(cls, db: Path | str | None = None, **settings: Any) -> Detente:
        return cls(Settings.load(db=Path(db) if db is not None else None, **settings))

    # -- writing --------------------------------------------------------------------------------
    def run(
        self,
        paths: Sequence[Path | str],
        manifest: Path | str | None = None,
        progress: Progress | None = None,
        url_lists: Sequence[Path | str] = (),
    ) -> RunReport:
        """Ingest files/folders (and the URLs listed in ``url_lists``) and run the whole pipeline; idempotent."""
        manifest_path = Path(manifest) if manifest else None
        return run(self.settings, [Path(p) for p in paths], manifest_path, progress, [Path(u) for u in url_lists])

    # -- reading --------------------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> list[Event]:
        where, params = (filters or EventFilter()).sql()
        events = self.store.events(where, params)
        return events[offset : offset + limit if limit is not None else None]

    def event(self, event_id: str) -> Event | None:
        found = self.store.events("event_id = ?", [event_id])
        return found[0] if found else None

    def copies(self) -> list[Copy]:
        return self.store.copies()

    def dyad(self, a: str, b: str, by: By = "month") -> DyadSeries:
        if by not in ("day", "week", "month"):
            raise InputError(f"--by must be day, week or month, not {by!r}")
        return dyad_series(self.store.events(), a, b, by)

    def dyad_events(self, a: str, b: str, period: str, by: By = "month") -> list[Event]:
        """The events behind one point of ``dyad(a, b, by)``: every event of the pair in ``period``."""
        from detente.temperature.series import involves, period_of

        if by not in ("day", "week", "month"):
            raise InputError(f"by must be day, week or month, not {by!r}")
        a, b = a.upper(), b.upper()
        return [
            e
            for e in self.store.events()
            if e.date.value and involves(e, a, b) and period_of(e.date.value, by) == period
        ]

    def ingest(self, records: Iterable[Mapping[str, Any]]) -> RunReport:
        """Article records (the JSONL input fields: id, url, outlet, published, title, text, language) → a run."""
        import json
        import tempfile

        with tempfile.TemporaryDirectory(prefix="detente-ingest-") as folder:
            batch = Path(folder) / "articles.jsonl"
            with batch.open("w", encoding="utf-8") as out:
                for record in records:
                    out.write(json.dumps(dict(record), ensure_ascii=False, default=str) + "\n")
            return self.run([batch])

    def export(self, format: str, destination: Path | str | IO[bytes], filters: EventFilter | None = None) -> int:
        """Write the events (csv, parquet, jsonl or plover-json) to a file or binary stream; returns the count."""
        from detente.export import export_events

        articles = {stored.article.article_id: stored.article for stored in self.articles()}
        return export_events(self.events(filters), articles, format, destination)

    def articles(self) -> list[StoredArticle]:
        return self.store.articles(with_text=False)

    def article(self, article_id: str) -> StoredArticle | None:
        return self.store.article(article_id)

    def problems(self) -> list[IngestProblem]:
        return self.store.problems()

    # -- stateless services --------------------------------------------------------------------
    @cached_property
    def _resolver(self) -> Any:
        from detente.actors import ActorResolver

        return ActorResolver(self.settings.actor_files)

    def resolve_actors(self, items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """``detente actors --batch``: {"id", "text", "context"?, "date"?} → {"id", "country", "sector", "name"}."""
        for item in items:
            date = parse_published(item.get("date"))
            actor = self._resolver.resolve(str(item.get("text", "")), date, context=item.get("context"))
            yield {
                "id": item.get("id"),
                "country": actor.country if actor else None,
                "sector": actor.sector if actor else None,
                "name": actor.name if actor else None,
            }

    def code(self, items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """``detente code --batch``: sentence + source + target → plover, cameo, quad_class."""
        from detente.events import load_lexicon
        from detente.events.coder import RuleCoder
        from detente.events.dyad import classify_dyads
        from detente.events.parse import parse_sentences

        batch = list(items)
        coder = RuleCoder(self._resolver, load_lexicon(), self.settings.spacy_models)
        docs = parse_sentences(self.settings.spacy_models, [str(item.get("sentence", "")) for item in batch])
        pairs = [(str(item.get("source", "")), str(item.get("target", ""))) for item in batch]
        for item, code in zip(batch, classify_dyads(coder, docs, pairs), strict=True):
            yield {"id": item.get("id"), "plover": code.plover, "cameo": code.cameo, "quad_class": code.quad_class}
