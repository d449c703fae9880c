"""WARC files (.warc, .warc.gz) as Common Crawl News ships them → one article per HTML response.

Only ``response`` records whose HTTP payload is HTML are read; each goes through the same HTML
extraction as an HTML file. A record too large, undecodable or without article text is one problem
naming the record's URL; a truncated or corrupt archive yields the articles before the damage and
one problem for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from detente.records import Article, IngestProblem

Item = Article | IngestProblem

WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_RECORD_BYTES = 5 * 1024 * 1024  # a news page; Common Crawl truncates its own records at 1 MiB


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator  # lazy: only WARC input needs it

    from detente.ingest.readers import extract_html

    origin = str(path)
    seen = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"record {seen + 1}"
                http = record.http_headers
                content_type = (http.get_header("Content-Type") if http is not None else None) or ""
                if http is not None and "html" not in content_type.lower():
                    continue
                seen += 1
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                where = f"{origin}#{url}"
                if len(body) > MAX_RECORD_BYTES:
                    yield IngestProblem(where, f"record is larger than {MAX_RECORD_BYTES // 2**20} MB; skipped")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the record's declared length was not there
                    yield IngestProblem(origin, f"truncated WARC: it ends inside record {seen} ({url})")
                    return
                date = record.rec_headers.get_header("WARC-Date")
                yield extract_html(body, where, fields={"url": url}, fallback={"published": date})
    except Exception as error:  # warcio raises ArchiveLoadFailed, zlib and EOF errors on damage
        yield IngestProblem(origin, f"broken WARC after {seen} page(s): {type(error).__name__}: {error}"[:300])
        return
    if seen == 0:
        yield IngestProblem(origin, "no HTML response records in the WARC file")


__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]
