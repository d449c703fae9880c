"""The FastAPI application: the REST API under /api/ (``routes``) and the dashboard under /.

The store is opened per request (read-only, waiting while a run's batch holds the file), so the
server keeps answering while ``detente run`` writes. The dashboard is one static page and one
script; the data reaches it through fetch and is put in the page as text (``textContent``), and a
Content-Security-Policy forbids inline scripts, so an article cannot script the page. Plotly's
JavaScript comes from the installed ``plotly`` package: nothing is loaded from the internet.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from detente.api import Detente
from detente.errors import DetenteError, InputError, StoreError
from detente.serve.routes import build_router
from detente.serve.writer import Writer

STATIC = resources.files("detente.serve") / "static"
SECURITY_HEADERS = {
    # Plotly injects its own <style> elements, hence 'unsafe-inline' for styles only; no inline script.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def plotly_js() -> Path:
    """plotly.min.js as the ``plotly`` Python package ships it."""
    try:
        import plotly
    except ImportError as error:  # a core dependency, but say so clearly if a broken install lacks it
        raise DetenteError("plotly is not installed (the dashboard's chart needs it): pip install plotly") from error
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def create_app(detente: Detente) -> FastAPI:
    writes = Writer(detente.settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        writes.close()

    app = FastAPI(
        title="detente",
        description="Trustworthy political event data from news: events with evidence, copies, dyad temperature.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    _error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.include_router(build_router(detente, writes))
    script = plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_script() -> FileResponse:
        return FileResponse(script, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> str:
        return (STATIC / "index.html").read_text(encoding="utf-8")

    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def store_error(_: Request, error: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)

    @app.exception_handler(InputError)
    async def input_error(_: Request, error: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(DetenteError)
    async def detente_error(_: Request, error: DetenteError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=500)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/api":
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
        return HTMLResponse(error_page(error.status_code, str(error.detail)), status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's default, minus the echoed input (which can be bytes that JSON cannot carry).
        errors = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in error.errors()]
        return JSONResponse({"detail": errors}, status_code=422)


def error_page(status: int, detail: str) -> str:
    """A plain error page for the dashboard's paths; the detail is escaped."""
    title = {404: "Page not found", 401: "Token needed", 403: "Forbidden"}.get(status, "Something went wrong")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>detente: '
        f'{html.escape(title)}</title><link rel="stylesheet" href="/static/dashboard.css"></head><body>'
        '<header><a class="brand" href="/">detente</a></header><main><section class="error-page">'
        f"<h2>{status} · {html.escape(title)}</h2><p>{html.escape(detail)}</p>"
        '<p><a href="/">Back to the dashboard</a></p></section></main></body></html>'
    )
