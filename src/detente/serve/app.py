"""The FastAPI application. Every route calls one ``Detente`` method and renders its records as JSON.

The store is opened per request (read-only, waiting while a run's batch holds the file), so the
server keeps answering while ``detente run`` writes.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request

from detente.api import Detente, EventFilter
from detente.errors import DetenteError, InputError, StoreError

MAX_PAGE = 500


def create_app(detente: Detente) -> FastAPI:
    app = FastAPI(
        title="detente",
        description="Trustworthy political event data from news.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )

    @app.exception_handler(StoreError)
    async def store_error(_: Request, error: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)

    @app.exception_handler(InputError)
    async def input_error(_: Request, error: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(DetenteError)
    async def detente_error(_: Request, error: DetenteError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=500)

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "db": str(detente.settings.db),
            "counts": detente.store.counts() if detente.settings.db.exists() else {},
        }

    @app.get("/api/events")
    def events(
        dyad: str | None = Query(None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="e.g. IRN-USA"),
        actor: str | None = Query(None, max_length=8),
        type: str | None = Query(None, max_length=16, description="PLOVER type"),
        quad_class: int | None = Query(None, ge=1, le=4),
        modality: str | None = Query(None, max_length=16),
        date_from: str | None = Query(None, max_length=10),
        date_to: str | None = Query(None, max_length=10),
        min_sources: int | None = Query(None, ge=1),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        pair = tuple(dyad.upper().split("-")) if dyad else None
        filters = EventFilter(pair, actor, type, quad_class, modality, date_from, date_to, min_sources)  # type: ignore[arg-type]
        found = detente.events(filters)
        return {"total": len(found), "offset": offset, "events": [e.to_json() for e in found[offset : offset + limit]]}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        found = detente.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found.to_json()

    @app.get("/api/copies")
    def copies() -> list[dict[str, Any]]:
        return [c.to_json() for c in detente.copies()]

    @app.get("/api/dyads")
    def dyads() -> list[dict[str, Any]]:
        pairs: Counter[tuple[str, str]] = Counter()
        for e in detente.events():
            if e.target is not None and e.source.country and e.target.country and e.source.country != e.target.country:
                a, b = sorted((e.source.country, e.target.country))
                pairs[(a, b)] += 1
        return [{"dyad": [a, b], "events": n} for (a, b), n in pairs.most_common()]

    @app.get("/api/dyad/{a}/{b}")
    def dyad(
        a: str,
        b: str,
        by: str = Query("month", pattern="^(day|week|month)$"),
    ) -> dict[str, Any]:
        return detente.dyad(a[:8], b[:8], by).to_json()  # type: ignore[arg-type]

    @app.get("/api/articles")
    def articles(limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        stored = detente.articles()
        return {
            "total": len(stored),
            "articles": [_article_json(s, with_text=False) for s in stored[offset : offset + limit]],
        }

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        found = detente.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return _article_json(found, with_text=True)

    @app.get("/api/problems")
    def problems() -> list[dict[str, str]]:
        return [{"origin": p.origin, "reason": p.reason} for p in detente.problems()]

    static = resources.files("detente.serve") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> str:
        return (resources.files("detente.serve") / "static" / "index.html").read_text(encoding="utf-8")

    return app


def _article_json(stored: Any, with_text: bool) -> dict[str, Any]:
    article = stored.article
    data = {
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
