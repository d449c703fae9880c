"""Export: merged events in the formats analysts load.

- ``csv``: one row per event with GDELT-like column names (``Actor1Code``, ``EventCode``,
  ``GoldsteinScale``, ``QuadClass``, ``NumArticles``, ``SOURCEURL`` …) plus detente's own (PLOVER type,
  modality, independent sources, confidence). ``SQLDATE`` is only filled for day-precise events;
  ``Date`` always carries the event's ISO date at its precision.
- ``parquet``: the same table, written by DuckDB (core, offline).
- ``jsonl``: the contract's Event JSON, one per line (what ``detente events`` prints).
- ``plover-json``: the PLOVER codebook's JSON record (manual v2 draft, "Data Fields"), one per line as
  the manual suggests. The required ``date`` is ``YYYY-MM-DD``; an event known only to the month or
  year gets the first day there and the last in ``enddate``, so the record states the interval.
  ``event_scale`` is the manual's PLOVER score of the type (and mode); ``link`` is the story id.
  Fields the manual does not name keep detente's names (``modality``, ``cameo``, ``goldstein`` …).
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from detente.errors import InputError, LexiconError
from detente.records import Actor, Article, Event

FORMATS = ("csv", "parquet", "jsonl", "plover-json")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/x-ndjson",
    "plover-json": "application/x-ndjson",
}
EXTENSIONS = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "plover-json": "plover.jsonl"}
PLOVER_CODEBOOK = "plover-v2-draft"

TABLE_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Date", "DatePrecision", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Text",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Text",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverType", "PloverMode", "PloverContext", "Modality",
    "NumArticles", "NumSources", "NumIndependentSources", "Confidence",
    "ActionGeo_CountryCode", "ActionGeo_FullName",
    "FirstReported", "LastReported", "StoryId", "ArticleIds", "SOURCEURL", "Coder",
)  # fmt: skip


def export_events(
    events: Sequence[Event], articles: Mapping[str, Article], format: str, destination: Path | str | IO[bytes]
) -> int:
    """Write ``events`` as ``format`` to a file path or a binary stream; returns how many were written."""
    if format not in FORMATS:
        raise InputError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "parquet":
        _write_parquet([table_row(e, articles) for e in events], destination)
    else:
        render: Callable[[Sequence[Event], Mapping[str, Article]], Iterable[str]] = {
            "csv": _csv_lines,
            "jsonl": _jsonl_lines,
            "plover-json": _plover_lines,
        }[format]
        _write_text(render(events, articles), destination)
    return len(events)


# -- the flat table (csv, parquet) ---------------------------------------------------------------
def table_row(event: Event, articles: Mapping[str, Article]) -> dict[str, Any]:
    reports = _reports(event, articles)
    date = event.date.value or ""
    published = [a.published.isoformat() for a in reports if a.published]
    row: dict[str, Any] = {
        "GLOBALEVENTID": event.event_id,
        "SQLDATE": date.replace("-", "") if event.date.precision == "day" else "",
        "Date": date,
        "DatePrecision": event.date.precision or "",
        "MonthYear": date[:7].replace("-", "") if len(date) >= 7 else "",
        "Year": date[:4],
        "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo[:2],
        "QuadClass": event.quad_class,
        "GoldsteinScale": event.goldstein,
        "PloverType": event.plover_type,
        "PloverMode": event.plover_mode or "",
        "PloverContext": ";".join(event.plover_context),
        "Modality": event.modality,
        "NumArticles": event.num_articles,
        "NumSources": event.num_outlets,
        "NumIndependentSources": event.num_independent_sources,
        "Confidence": round(event.confidence, 4),
        "ActionGeo_CountryCode": (event.location.country or "") if event.location else "",
        "ActionGeo_FullName": (event.location.name or "") if event.location else "",
        "FirstReported": min(published, default=""),
        "LastReported": max(published, default=""),
        "StoryId": event.story_id or "",
        "ArticleIds": ";".join(event.article_ids),
        "SOURCEURL": next((a.url for a in reports if a.url), ""),
        "Coder": event.coder,
    }
    for number, actor in (("1", event.source), ("2", event.target)):
        row.update(_actor_columns(number, actor))
    return {column: row[column] for column in TABLE_COLUMNS}


def _actor_columns(number: str, actor: Actor | None) -> dict[str, str]:
    if actor is None:
        return {f"Actor{number}{k}": "" for k in ("Code", "Name", "CountryCode", "Type1Code", "Text")}
    return {
        f"Actor{number}Code": f"{actor.country or ''}{actor.sector or ''}",
        f"Actor{number}Name": actor.name or "",
        f"Actor{number}CountryCode": actor.country or "",
        f"Actor{number}Type1Code": actor.sector or "",
        f"Actor{number}Text": actor.text,
    }


def _reports(event: Event, articles: Mapping[str, Article]) -> list[Article]:
    """The event's articles, earliest publication first (undated last)."""
    found = [articles[i] for i in event.article_ids if i in articles]
    return sorted(found, key=lambda a: (a.published is None, a.published or 0, a.article_id))


def _csv_lines(events: Sequence[Event], articles: Mapping[str, Article]) -> Iterable[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(table_row(event, articles))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _write_parquet(rows: list[dict[str, Any]], destination: Path | str | IO[bytes]) -> None:
    import duckdb
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    with tempfile.TemporaryDirectory(prefix="detente-export-") as folder:
        target = Path(folder) / "events.parquet" if not isinstance(destination, str | Path) else Path(destination)
        connection = duckdb.connect()
        try:
            connection.register("exported_events", frame)
            path = str(target).replace("'", "''")
            connection.execute(f"COPY exported_events TO '{path}' (FORMAT parquet)")
        finally:
            connection.close()
        if not isinstance(destination, str | Path):
            destination.write(target.read_bytes())


# -- JSON ---------------------------------------------------------------------------------------
def _jsonl_lines(events: Sequence[Event], _: Mapping[str, Article]) -> Iterable[str]:
    for event in events:
        yield json.dumps(event.to_json(), ensure_ascii=False) + "\n"


def _plover_lines(events: Sequence[Event], articles: Mapping[str, Article]) -> Iterable[str]:
    for event in events:
        yield json.dumps(plover_record(event, articles), ensure_ascii=False) + "\n"


def plover_record(event: Event, articles: Mapping[str, Article]) -> dict[str, Any]:
    """One event as the PLOVER codebook's JSON record."""
    start, end = _date_interval(event.date.value)
    first = next(iter(_reports(event, articles)), None)
    record: dict[str, Any] = {
        "id": event.event_id,
        "has_event": True,
        "date": start,
        "actor": [_plover_entity(event.source)],
        "recipient": [_plover_entity(event.target)] if event.target else [],
        "event": [event.plover_type],
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": list(event.plover_context),
        "quad_code": event.quad_class,
        "event_scale": plover_score(event.plover_type, event.plover_mode),
        "event_text": list(dict.fromkeys(e.sentence for e in event.evidence)),
        "link": event.story_id,
        "coder": event.coder,
        # detente's own fields
        "date_precision": event.date.precision,
        "modality": event.modality,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "num_articles": event.num_articles,
        "num_outlets": event.num_outlets,
        "num_independent_sources": event.num_independent_sources,
        "confidence": event.confidence,
        "article_ids": list(event.article_ids),
    }
    if end != start:
        record["enddate"] = end
    if event.location is not None:
        record["event_loc"] = {"extracted_place": event.location.name, "country_code": event.location.country}
    if event.evidence:
        evidence = event.evidence[0]
        record["text_info"] = {"article_id": evidence.article_id, "start": evidence.start, "end": evidence.end}
    if first is not None:
        record["cite_info"] = {
            "citation": first.article_id,
            "url": first.url,
            "title": first.title,
            "language": first.language,
            "publication": first.outlet,
            "coder": event.coder,
            "codebook": PLOVER_CODEBOOK,
        }
    return record


def _plover_entity(actor: Actor | None) -> dict[str, Any]:
    assert actor is not None
    entity: dict[str, Any] = {"code": actor.country, "sector": actor.sector, "entity_text": actor.text}
    if actor.name:
        entity["identifier_text"] = actor.name
    if actor.patron:
        entity["patron"] = actor.patron
    return entity


def _date_interval(value: str | None) -> tuple[str | None, str | None]:
    """An ISO date at any precision → its first and last day ("2020-04" → 2020-04-01, 2020-04-30)."""
    if not value:
        return None, None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value, value


@cache
def _plover_scores() -> dict[tuple[str, str], float]:
    text = (resources.files("detente") / "plover_scores.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    if not rows or set(rows[0]) != {"plover_type", "plover_mode", "score"}:
        raise LexiconError("plover_scores.tsv: expected the columns plover_type, plover_mode, score")
    return {(row["plover_type"], row["plover_mode"] or ""): float(row["score"]) for row in rows}


def plover_score(plover_type: str, mode: str | None) -> float | None:
    """The PLOVER score of a type and mode (the type's own when the mode has none)."""
    scores = _plover_scores()
    return scores.get((plover_type, (mode or "").lower()), scores.get((plover_type, "")))


# -- writing ------------------------------------------------------------------------------------
def _write_text(chunks: Iterable[str], destination: Path | str | IO[bytes]) -> None:
    if isinstance(destination, str | Path):
        with Path(destination).open("w", encoding="utf-8", newline="") as out:
            out.writelines(chunks)
        return
    for chunk in chunks:
        destination.write(chunk.encode("utf-8"))


__all__ = ["EXTENSIONS", "FORMATS", "MEDIA_TYPES", "export_events", "plover_record", "plover_score", "table_row"]
