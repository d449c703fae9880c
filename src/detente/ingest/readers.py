"""Read article files into ``Article`` records: plain text, HTML, JSONL and CSV (gzip too), RSS/Atom
feeds (``feeds``), WARC archives (``warc``) and URL lists fetched over HTTP (``web``).

Every input yields either ``Article`` records or an ``IngestProblem`` that names the file (and the
line) and why it was skipped; nothing here raises on bad input, so one broken file never stops a batch.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from detente.ingest.feeds import FEED_SUFFIXES, read_feed
from detente.ingest.metadata import Manifest, parse_published
from detente.ingest.warc import is_warc, read_warc
from detente.ingest.web import URL_LIST_SUFFIXES, Fetcher, read_url_list
from detente.records import Article, IngestProblem

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
MAX_FILE_BYTES = 64 * 1024 * 1024  # a news article file is kilobytes; larger is a mistake or an attack
HOUSEKEEPING_NAMES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "COPYING"})
# The longest news features run to ~100 KB of text; a "1 MB article" is a book, a log or a dump, and
# would hold one worker for minutes (the parser is linear, the copy alignment is not).
MAX_ARTICLE_CHARS = 1_000_000
BINARY_CONTROL_SHARE = 0.05  # share of control bytes above which a "text" file is binary

# Field aliases of CONTRACT.md's article input.
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "ID", "doc_id"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "source", "site", "publisher", "sitename"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "datetime"),
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "content_original", "article"),
    "language": ("language", "lang"),
}

Item = Article | IngestProblem


def read_paths(
    paths: Iterable[Path],
    manifest: Manifest | None = None,
    url_lists: Iterable[Path] = (),
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Every article in ``paths`` (files, folders recursively, in a stable order), then in the URL
    lists (``url_lists``, and any ``*.urls`` file met), fetched with ``fetcher`` (a default one if None)."""
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for path in paths:
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and not _is_housekeeping(p))
                for file in files:
                    if manifest is not None and manifest.is_manifest(file):
                        continue
                    yield from read_file(file, manifest, fetcher)
            elif path.exists():
                yield from read_file(path, manifest, fetcher)
            else:
                yield IngestProblem(str(path), "no such file or folder")
        for url_list in url_lists:
            yield from read_url_list(Path(url_list), fetcher)
    finally:
        if own_fetcher:
            fetcher.close()


def _is_housekeeping(path: Path) -> bool:
    """Hidden files and a folder's README/LICENSE are documentation, not news."""
    return path.name.startswith(".") or path.name.split(".")[0].upper() in HOUSEKEEPING_NAMES


def read_file(path: Path, manifest: Manifest | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    origin = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if compressed and len(suffixes) > 1 else suffixes[-1]) if suffixes else ""
    if is_warc(path):  # streamed record by record: a WARC is often larger than MAX_FILE_BYTES
        yield from read_warc(path)
        return
    if suffix in URL_LIST_SUFFIXES and not compressed:
        yield from read_url_list(path, fetcher or Fetcher())
        return
    if suffix in JSONL_SUFFIXES and _is_json_lines(_head(path, compressed)):
        yield from _stream_jsonl(path, origin, compressed)  # any size: held one line at a time
        return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield IngestProblem(origin, f"file is larger than {MAX_FILE_BYTES // 2**20} MB; split it")
            return
        raw = path.read_bytes()
        if compressed:
            raw = gzip.decompress(raw)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield IngestProblem(origin, f"cannot read file: {error}")
        return
    if suffix in FEED_SUFFIXES:  # XML declares its own encoding: feedparser decodes it
        yield from read_feed(raw, origin)
        return
    problem = _check_bytes(raw)
    if problem and suffix in JSONL_SUFFIXES and "UTF-8" in problem:  # mixed encodings: judge line by line
        yield from _read_jsonl_lines(raw, origin)
        return
    if problem:
        yield IngestProblem(origin, problem)
        return
    text = raw.decode("utf-8-sig")
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(text, origin, delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix in HTML_SUFFIXES:
        yield _read_html(text, path, manifest)
    elif suffix in TEXT_SUFFIXES or _looks_like_prose(text):
        yield _read_plain(text, path, manifest)
    else:
        yield IngestProblem(
            origin, f"unknown file type {suffix!r}: use .txt, .html, .jsonl, .csv, .rss/.xml, .warc(.gz) or .urls"
        )


def _check_bytes(raw: bytes) -> str | None:
    if not raw.strip():
        return "empty file"
    head = raw[:8192]
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not an article"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13, 12))
    if controls / len(head) > BINARY_CONTROL_SHARE:
        return "binary file (control bytes), not an article"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return (
            f"not valid UTF-8 (byte {error.start}: {raw[error.start : error.start + 4]!r}); re-encode the file as UTF-8"
        )
    return None


def _looks_like_prose(text: str) -> bool:
    return len(re.findall(r"[A-Za-z]{2,}", text[:2000])) > 20


def content_hash(text: str) -> str:
    """The same text under any id, spacing or case hashes the same."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def make_article(fields: Mapping[str, Any], origin: str, default_id: str | None = None) -> Item:
    """An ``Article`` from a record with CONTRACT.md's fields (aliases understood), or the problem."""
    text = _field(fields, "text")
    if not isinstance(text, str) or not text.strip():
        return IngestProblem(origin, "record has no text (expected a 'text', 'content' or 'body' field)")
    text = text.strip()
    if len(text) > MAX_ARTICLE_CHARS:
        return IngestProblem(origin, f"text is {len(text):,} characters, more than one article can be; split it")
    digest = content_hash(text)
    article_id = _field(fields, "id") or default_id or f"h{digest[:16]}"
    published_raw = _field(fields, "published")
    published = parse_published(published_raw)
    language = _field(fields, "language")
    return Article(
        article_id=str(article_id),
        text=text,
        content_hash=digest,
        title=_clean(_field(fields, "title")),
        outlet=_clean(_field(fields, "outlet")),
        url=_clean(_field(fields, "url")),
        published=published,
        language=str(language).lower() if language else None,
        origin=origin,
    )


def _field(fields: Mapping[str, Any], name: str) -> Any:
    for alias in FIELD_ALIASES[name]:
        value = fields.get(alias)
        if value not in (None, ""):
            return value
    return None


def _clean(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None


def _read_jsonl(text: str, origin: str) -> Iterator[Item]:
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records is accepted too
        try:
            records = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as error:
            yield IngestProblem(origin, f"broken JSON: {error}")
            return
        for number, record in enumerate(records, 1):
            yield _record(record, f"{origin}:{number}")
        return
    for number, line in enumerate(text.splitlines(), 1):
        yield from _jsonl_line(line, origin, number)


def _jsonl_line(line: str, origin: str, number: int) -> Iterator[Item]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        yield IngestProblem(f"{origin}:{number}", f"broken JSON line: {error.msg} at column {error.colno}")
        return
    except RecursionError:  # [[[[…]]]] nested deeper than the interpreter's stack
        yield IngestProblem(f"{origin}:{number}", "JSON nested too deeply")
        return
    yield _record(record, f"{origin}:{number}")


def _open(path: Path, compressed: bool) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _head(path: Path, compressed: bool) -> bytes:
    try:
        with _open(path, compressed) as stream:
            return stream.read(8192)
    except (OSError, EOFError):
        return b""  # the whole-file reader reports it


def _is_json_lines(head: bytes) -> bool:
    """One record per line (streamed), not one JSON array (read whole) nor a binary file (reported)."""
    return bool(head.strip()) and not head.lstrip().startswith(b"[") and b"\x00" not in head


def _stream_jsonl(path: Path, origin: str, compressed: bool) -> Iterator[Item]:
    """JSON Lines of any size, a line at a time (a day of an aggregator is gigabytes): a line longer
    than ``MAX_FILE_BYTES``, in broken UTF-8 or broken JSON is reported and the rest read; a file
    that breaks off (a truncated .gz) keeps the records before the break."""
    number, records = 0, 0
    try:
        with _open(path, compressed) as stream:
            for number, line in enumerate(iter(lambda: stream.readline(MAX_FILE_BYTES + 1), b""), 1):
                if len(line) > MAX_FILE_BYTES:
                    yield IngestProblem(f"{origin}:{number}", f"line is longer than {MAX_FILE_BYTES // 2**20} MB")
                    _skip_rest_of_line(stream)
                    continue
                if not line.strip():
                    continue
                records += 1
                try:
                    text = line.decode("utf-8-sig")
                except UnicodeDecodeError as error:
                    yield IngestProblem(
                        f"{origin}:{number}", f"line is not valid UTF-8 (byte {error.start}); re-encode it"
                    )
                    continue
                yield from _jsonl_line(text, origin, number)
    except (OSError, EOFError) as error:
        yield IngestProblem(origin, f"cannot read file past line {number}: {error}")
        return
    if not records:
        yield IngestProblem(origin, "empty file")


def _skip_rest_of_line(stream: io.BufferedIOBase) -> None:
    while True:
        chunk = stream.readline(MAX_FILE_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl_lines(raw: bytes, origin: str) -> Iterator[Item]:
    """A JSONL file that is not valid UTF-8 as a whole: the valid lines are read, the others reported."""
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            text = line.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            yield IngestProblem(f"{origin}:{number}", f"line is not valid UTF-8 (byte {error.start}); re-encode it")
            continue
        yield from _jsonl_line(text, origin, number)


def _record(record: Any, origin: str) -> Item:
    if not isinstance(record, dict):
        return IngestProblem(origin, "a JSON record must be an object with a 'text' field")
    return make_article(record, origin)


def _read_csv(text: str, origin: str, delimiter: str) -> Iterator[Item]:
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, 2):
            if None in row:  # more cells than the header names: a broken row
                yield IngestProblem(f"{origin}:{number}", "row has more cells than the header")
                continue
            yield make_article(row, f"{origin}:{number}")
    except csv.Error as error:
        yield IngestProblem(origin, f"broken CSV: {error}")


def _read_plain(text: str, path: Path, manifest: Manifest | None) -> Item:
    lines = text.strip().splitlines()
    title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
    fields: dict[str, Any] = {"title": title, "text": body or title}
    if manifest is not None:
        fields.update(manifest.metadata_for(path))
    return make_article(fields, str(path), default_id=path.name.split(".")[0])


def _read_html(text: str, path: Path, manifest: Manifest | None) -> Item:
    extra = dict(manifest.metadata_for(path)) if manifest is not None else {}
    return extract_html(text, str(path), default_id=path.name.split(".")[0], fields=extra)


def extract_html(
    markup: str | bytes,
    origin: str,
    default_id: str | None = None,
    fields: Mapping[str, Any] | None = None,
    fallback: Mapping[str, Any] | None = None,
) -> Item:
    """One article from an HTML page (a file, a fetched URL or a WARC record): main text and metadata.

    ``fields`` override what the page says; ``fallback`` fills what it does not. Bytes are decoded by
    trafilatura (declared charset, then detection), so a page in any encoding reads.
    """
    import trafilatura  # lazy: HTML is the rare input and trafilatura is slow to import

    try:
        extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises many kinds on hostile markup
        return IngestProblem(origin, f"cannot extract the article from the HTML: {error}")
    if extracted is None:
        return IngestProblem(origin, "no article text found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    found: dict[str, Any] = {
        "title": data.get("title"),
        "text": data.get("text"),
        "published": data.get("date"),
        "outlet": data.get("sitename"),
        "url": data.get("url"),
        "language": data.get("language"),
    }
    for name, value in (fallback or {}).items():
        if found.get(name) in (None, ""):
            found[name] = value
    found.update(fields or {})
    return make_article(found, origin, default_id=default_id)
