"""The ``detente`` command: parses options, calls one API function, prints, maps errors to exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from detente.api import Detente
from detente.errors import DetenteError, InputError

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="detente: trustworthy political event data from news."
)
stderr = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="the store file (default ./detente.duckdb)")]
FormatOption = Annotated[str, typer.Option("--format", help="output format")]


def _open(db: Path | None, **settings: Any) -> Detente:
    return Detente.open(db, **settings)


def _fail(error: Exception) -> None:
    stderr.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: broken JSON ({error.msg}); one JSON object per line") from error
        if not isinstance(item, dict):
            raise InputError(f"{path}:{number}: each line must be a JSON object")
        yield item


def _print_json(value: Any, pretty: bool = False) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2 if pretty else None) + "\n")


@app.command()
def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="article files and folders (txt, html, jsonl, csv, .gz, rss/atom/xml, warc, .urls)"),
    ] = None,
    db: DbOption = None,
    manifest: Annotated[Path | None, typer.Option(help="JSONL metadata for plain files")] = None,
    workers: Annotated[int | None, typer.Option(help="processes (or Dask workers) for the per-article stages")] = None,
    urls: Annotated[list[Path] | None, typer.Option("--urls", help="a file of URLs, one a line, to fetch")] = None,
    engine: Annotated[str | None, typer.Option(help="execution engine: local or dask")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, tcp://host:port")] = None,
    batch_size: Annotated[int | None, typer.Option(help="articles per store transaction")] = None,
) -> None:
    """Ingest articles and run the whole pipeline (idempotent: a rerun adds nothing)."""
    if not paths and not urls:
        _fail(InputError("nothing to read: give files or folders, or --urls FILE"))
    try:
        detente = _open(db, workers=workers, engine=engine, scheduler=scheduler, batch_size=batch_size)
        with Progress(
            SpinnerColumn(), TextColumn("articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=stderr, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("run", total=None)
            report = detente.run(paths or [], manifest, lambda n: bar.advance(task, n), urls or [])
    except DetenteError as error:
        _fail(error)
        return
    for problem in report.problems:
        stderr.print(f"[yellow]skipped[/yellow] {problem.origin}: {problem.reason}", highlight=False, soft_wrap=True)
    counts = report.counts
    print(
        f"{report.articles_read} articles read: {report.articles_new} new, {report.articles_known} already stored, "
        f"{report.not_coded} not coded (needs a translator); {len(report.problems)} inputs skipped.\n"
        f"store {detente.settings.db}: {counts.get('articles', 0)} articles, "
        f"{counts.get('mentions', 0)} event mentions → {counts.get('events', 0)} events, "
        f"{counts.get('copies', 0)} copies ({report.seconds:.1f} s)."
    )
    if report.rebuild is not None:
        kept = report.rebuild.candidate_pairs - report.rebuild.judged
        print(f"copy tracing: {report.rebuild.judged} candidate pairs judged, {kept} kept from the last run.")


@app.command()
def events(db: DbOption = None, format: FormatOption = "jsonl") -> None:
    """Every event after cross-article merging, one JSON object per line."""
    try:
        for event in _open(db).events():
            _print_json(event.to_json())
    except DetenteError as error:
        _fail(error)


@app.command()
def copies(db: DbOption = None, format: FormatOption = "json") -> None:
    """Every copy/rewrite/translation relation, as a JSON array."""
    try:
        _print_json([c.to_json() for c in _open(db).copies()], pretty=True)
    except DetenteError as error:
        _fail(error)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="country code, e.g. IRN")],
    b: Annotated[str, typer.Argument(help="country code, e.g. USA")],
    db: DbOption = None,
    by: Annotated[str, typer.Option(help="day, week or month")] = "month",
    format: FormatOption = "json",
) -> None:
    """The temperature series of the pair A, B (undirected), with its alerts."""
    try:
        _print_json(_open(db).dyad(a, b, by).to_json(), pretty=True)  # type: ignore[arg-type]
    except DetenteError as error:
        _fail(error)


@app.command()
def actors(
    batch: Annotated[Path, typer.Option("--batch", help='JSONL: {"id", "text", "context"?, "date"?}')],
    format: FormatOption = "jsonl",
) -> None:
    """Resolve actor mentions to country, sector and name."""
    try:
        for result in _open(None).resolve_actors(_json_lines(batch)):
            _print_json(result)
    except DetenteError as error:
        _fail(error)


@app.command()
def code(
    batch: Annotated[Path, typer.Option("--batch", help='JSONL: {"id", "sentence", "source", "target"}')],
    format: FormatOption = "jsonl",
) -> None:
    """Dyad-conditional coding: the PLOVER type, CAMEO code and quad class of source → target."""
    try:
        for result in _open(None).code(_json_lines(batch)):
            _print_json(result)
    except DetenteError as error:
        _fail(error)


@app.command()
def problems(db: DbOption = None) -> None:
    """The inputs that were skipped, and why."""
    try:
        for problem in _open(db).problems():
            _print_json({"origin": problem.origin, "reason": problem.reason})
    except DetenteError as error:
        _fail(error)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="csv, parquet, jsonl or plover-json")] = "csv",
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", help="the file to write (default: stdout)")] = None,
) -> None:
    """Every merged event as CSV (GDELT-like columns), Parquet, JSONL or PLOVER JSON."""
    try:
        if output is None and format == "parquet" and sys.stdout.isatty():
            raise InputError("Parquet is binary: give --output FILE (or redirect stdout)")
        count = _open(db).export(format, output if output is not None else sys.stdout.buffer)
    except DetenteError as error:
        _fail(error)
        return
    if output is not None:
        stderr.print(f"{count} events → {output}", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """The REST API under /api/ and the dashboard under /."""
    try:
        import uvicorn

        from detente.serve import create_app

        uvicorn.run(create_app(_open(db)), host=host, port=port, log_level="warning")
    except DetenteError as error:
        _fail(error)


def main() -> None:
    app()
