"""The REST API under /api/. Every route calls the Python API (``Detente``) and renders its records as JSON."""

from __future__ import annotations

import io
from collections import Counter
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field

from detente.api import Detente, EventFilter
from detente.export import EXTENSIONS, MEDIA_TYPES
from detente.records import Copy, Event
from detente.serve.auth import bearer, can_read, reader, writer
from detente.serve.writer import Writer
from detente.store import StoredArticle

MAX_PAGE = 500
MAX_ARTICLES_PER_POST = 100
MAX_TEXT_CHARS = 2_000_000  # a long report is ~50k characters; this bounds one request's memory
COUNTRY = r"^[A-Za-z]{3}$"
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
By = Literal["day", "week", "month"]
Modality = Literal["asserted", "negated", "hypothetical", "intended", "ceased", "historical", "denied"]
ExportFormat = Literal["csv", "parquet", "jsonl", "plover-json"]
PERIOD = r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})$"
CountryPath = Annotated[str, Path(pattern=COUNTRY, description="country code, e.g. IRN")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


class ArticleIn(BaseModel):
    """An article to ingest: the fields of a JSONL input line."""

    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="ISO date")
    title: str | None = Field(None, max_length=1000)
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS)
    language: str | None = Field(None, max_length=8, description="ISO 639-1 code; detected when absent")


class EventQuery:
    """The event filters shared by /api/events and /api/export."""

    def __init__(
        self,
        dyad: Annotated[
            str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="country pair, e.g. IRN-USA")
        ] = None,
        actor: Annotated[str | None, Query(max_length=80, description="words of an actor's name, either side")] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY, description="country code, source or target")] = None,
        type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,16}$", description="PLOVER type, e.g. ASSAULT")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        modality: Annotated[Modality | None, Query()] = None,
        date_from: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=10_000, description="minimum independent sources")] = None,
        article: Annotated[str | None, Query(max_length=200, description="events this article reports")] = None,
    ) -> None:
        pair = tuple(dyad.upper().split("-")) if dyad else None
        self.filters = EventFilter(
            dyad=(pair[0], pair[1]) if pair else None,
            actor=country,
            plover_type=type,
            quad_class=quad_class,
            modality=modality,
            date_from=date_from,
            date_to=date_to,
            min_independent_sources=min_sources,
            actor_name=_printable(actor),
            article_id=article,
            cameo=cameo,
        )


def build_router(detente: Detente, writes: Writer) -> APIRouter:
    settings = detente.settings
    router = APIRouter(prefix="/api")
    read = [Depends(reader(settings))]

    @router.get("/health", tags=["meta"])
    def health(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict[str, Any]:
        open_store = settings.db.exists() and can_read(settings, credentials)
        return {
            "status": "ok",
            "writes": settings.api_token is not None,
            "reads_need_token": settings.read_token is not None,
            "counts": detente.store.counts() if open_store else {},
        }

    @router.get("/events", dependencies=read, tags=["events"])
    def events(query: Annotated[EventQuery, Depends()], limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        found = detente.events(query.filters)
        page = found[offset : offset + limit]
        return {"total": len(found), "offset": offset, "limit": limit, "events": [e.to_json() for e in page]}

    @router.get("/events/{event_id}", dependencies=read, tags=["events"])
    def event(event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        found = detente.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return {**found.to_json(), "articles": _articles_of(_article_index(detente), found)}

    @router.get("/copies", dependencies=read, tags=["copies"])
    def copies(
        article: Annotated[
            str | None, Query(max_length=200, description="relations where this article is copy or original")
        ] = None,
    ) -> list[dict[str, Any]]:
        found = [c for c in detente.copies() if article is None or article in (c.copy, c.original)]
        index = _article_index(detente) if found else {}
        return [_copy_json(index, c) for c in found]

    @router.get("/dyads", dependencies=read, tags=["dyads"])
    def dyads() -> list[dict[str, Any]]:
        pairs: Counter[tuple[str, str]] = Counter()
        for e in detente.events():
            if e.target is not None and e.source.country and e.target.country and e.source.country != e.target.country:
                a, b = sorted((e.source.country, e.target.country))
                pairs[(a, b)] += 1
        return [{"dyad": [a, b], "events": n} for (a, b), n in pairs.most_common()]

    @router.get("/dyad/{a}/{b}", dependencies=read, tags=["dyads"])
    def dyad(a: CountryPath, b: CountryPath, by: By = "month") -> dict[str, Any]:
        return detente.dyad(a, b, by).to_json()

    @router.get("/dyad/{a}/{b}/alerts", dependencies=read, tags=["dyads"])
    def alerts(a: CountryPath, b: CountryPath, by: By = "month") -> list[dict[str, Any]]:
        return [alert.to_json() for alert in detente.dyad(a, b, by).alerts]

    @router.get("/dyad/{a}/{b}/events", dependencies=read, tags=["dyads"])
    def period_events(
        a: CountryPath,
        b: CountryPath,
        period: Annotated[str, Query(pattern=PERIOD, description="a period label of the series, e.g. 2020-01")],
        by: By = "month",
    ) -> dict[str, Any]:
        found = detente.dyad_events(a, b, period, by)
        index = _article_index(detente) if found else {}
        return {
            "period": period,
            "by": by,
            "events": [{**e.to_json(), "articles": _articles_of(index, e)} for e in found],
        }

    @router.get("/articles", dependencies=read, tags=["articles"])
    def articles(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        stored = detente.articles()
        return {
            "total": len(stored),
            "offset": offset,
            "limit": limit,
            "articles": [article_json(s, with_text=False) for s in stored[offset : offset + limit]],
        }

    @router.get("/articles/{article_id}", dependencies=read, tags=["articles"])
    def article(article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        found = detente.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        events = detente.events(EventFilter(article_id=article_id))
        relations = [c for c in detente.copies() if article_id in (c.copy, c.original)]
        index = _article_index(detente) if relations or events else {}
        return {
            **article_json(found, with_text=True),
            "events": [{**_event_in_article(e, article_id), "articles": _articles_of(index, e)} for e in events],
            "copies": [_copy_json(index, c) for c in relations],
        }

    @router.post("/articles", status_code=201, dependencies=[Depends(writer(settings))], tags=["articles"])
    def ingest(body: ArticleIn | list[ArticleIn]) -> dict[str, Any]:
        """Ingest one article or a list of them and rerun the cross-article stages (needs the API token)."""
        items = body if isinstance(body, list) else [body]
        if not items or len(items) > MAX_ARTICLES_PER_POST:
            raise HTTPException(422, f"send 1 to {MAX_ARTICLES_PER_POST} articles per request")
        return writes.ingest([item.model_dump(exclude_none=True) for item in items])

    @router.get("/problems", dependencies=read, tags=["articles"])
    def problems() -> list[dict[str, str]]:
        return [{"origin": p.origin, "reason": p.reason} for p in detente.problems()]

    @router.get(
        "/export",
        dependencies=read,
        tags=["export"],
        response_class=Response,
        responses={200: {"content": {media: {} for media in set(MEDIA_TYPES.values())}}},
    )
    def export(query: Annotated[EventQuery, Depends()], format: ExportFormat = "csv") -> Response:
        """The (filtered) events as CSV, Parquet, JSONL or PLOVER JSON: what ``detente export`` writes."""
        buffer = io.BytesIO()
        detente.export(format, buffer, query.filters)
        filename = f"detente-events.{EXTENSIONS[format]}"
        return Response(
            buffer.getvalue(),
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    return router


def article_json(stored: StoredArticle, with_text: bool) -> dict[str, Any]:
    article = stored.article
    data: dict[str, Any] = {
        "article_id": article.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "status": stored.status,
    }
    if with_text:
        data["text"] = article.text
    return data


def _article_index(detente: Detente) -> dict[str, dict[str, Any]]:
    return {s.article.article_id: article_json(s, with_text=False) for s in detente.articles()}


def _articles_of(index: dict[str, dict[str, Any]], event: Event) -> dict[str, dict[str, Any] | None]:
    """Title, outlet and date of the articles an event cites, so a page can name them."""
    return {article_id: index.get(article_id) for article_id in event.article_ids}


def _event_in_article(event: Event, article_id: str) -> dict[str, Any]:
    data = event.to_json()
    data["spans"] = [
        {"start": e.start, "end": e.end, "sentence_start": e.sentence_start, "sentence": e.sentence}
        for e in event.evidence
        if e.article_id == article_id
    ]
    return data


def _copy_json(index: dict[str, dict[str, Any]], copy: Copy) -> dict[str, Any]:
    data = copy.to_json()
    data["articles"] = {a: index.get(a) for a in (copy.copy, copy.original) if a is not None}
    return data


def _printable(text: str | None) -> str | None:
    """A free-text filter without control characters (they match nothing and upset some drivers)."""
    if text is None:
        return None
    cleaned = "".join(ch for ch in text if ch.isprintable()).strip()
    return cleaned or None
