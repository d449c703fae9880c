"""Fetch articles and feeds over HTTP, politely: a URL list file (one URL a line) → articles.

The client is bounded on every axis a hostile or broken server can stretch: connect and read
timeouts, a total deadline per URL (a server that trickles a byte a second does not hang the run),
a cap on the body size, a cap on redirects, and a minimum interval between two requests to one host.
It does not read robots.txt (a user lists the URLs they mean to fetch). Every failure is one
``IngestProblem`` naming the URL and why; the batch goes on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from detente.records import Article, IngestProblem

Item = Article | IngestProblem

USER_AGENT = "detente/0.1 (+https://github.com/detente; news event data)"
URL_LIST_SUFFIXES = frozenset({".urls"})
FEED_CONTENT_TYPES = ("rss", "atom", "xml", "rdf")
# A news page is ~100 KB-2 MB of HTML; a feed rarely more than 1 MB. Larger is a mistake or an attack.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT_SECONDS = 20.0  # whole fetch of one URL, connect to last byte
DEFAULT_HOST_INTERVAL_SECONDS = 1.0  # between two requests to one host: one a second is polite crawling
MAX_REDIRECTS = 5  # real sites use 1-3 (http → https → www → canonical)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


class FetchError(Exception):
    """One URL could not be fetched; the message is the reason a user reads."""


@dataclass
class Fetcher:
    """A polite HTTP client: timeouts, a size cap, a redirect cap and a per-host rate limit."""

    timeout: float = DEFAULT_TIMEOUT_SECONDS
    max_bytes: int = DEFAULT_MAX_BYTES
    host_interval: float = DEFAULT_HOST_INTERVAL_SECONDS
    max_redirects: int = MAX_REDIRECTS
    transport: httpx.BaseTransport | None = None  # a test double (httpx.MockTransport) goes here
    clock: Callable[[], float] = time.monotonic
    _last_request: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
                follow_redirects=True,
                max_redirects=self.max_redirects,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/rss+xml, application/xml, */*"},
                transport=self.transport,
            )
        return self._client

    def fetch(self, url: str) -> Fetched:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError("not an http(s) URL")
        self._wait_for_host(parts.netloc.lower())
        deadline = self.clock() + self.timeout
        try:
            with self._http().stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"larger than {self.max_bytes // 1024} KB ({int(declared) // 1024} KB declared)")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"larger than {self.max_bytes // 1024} KB; stopped reading")
                    if self.clock() > deadline:
                        raise FetchError(f"took longer than {self.timeout:g} s; gave up")
                    chunks.append(chunk)
                return Fetched(str(response.url), response.headers.get("content-type", ""), b"".join(chunks))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise FetchError(f"cannot fetch: {type(error).__name__}: {error}") from None

    def _wait_for_host(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.host_interval - (self.clock() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = self.clock()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def read_url_list(path: Path, fetcher: Fetcher) -> Iterator[Item]:
    """Every URL in ``path`` (one a line; blank lines and ``#`` comments skipped), fetched and read."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        yield IngestProblem(str(path), f"cannot read the URL list: {error}")
        return
    for number, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not re.match(r"https?://\S+$", url):
            yield IngestProblem(f"{path}:{number}", f"not an http(s) URL: {url[:80]!r}")
            continue
        yield from read_url(url, fetcher)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    """One URL: an HTML page gives one article, a feed gives its entries."""
    from detente.ingest.feeds import looks_like_feed, read_feed
    from detente.ingest.readers import extract_html

    try:
        fetched = fetcher.fetch(url)
    except FetchError as error:
        yield IngestProblem(url, str(error))
        return
    if not fetched.body.strip():
        yield IngestProblem(url, "empty response")
        return
    content_type = fetched.content_type.lower()
    if any(kind in content_type for kind in FEED_CONTENT_TYPES) or looks_like_feed(fetched.body):
        yield from read_feed(fetched.body, url)
        return
    if content_type and "html" not in content_type and not content_type.startswith("text/"):
        yield IngestProblem(url, f"not a news page (content type {content_type.split(';')[0]})")
        return
    yield extract_html(fetched.body, url, fields={"url": fetched.url})


__all__ = ["FetchError", "Fetched", "Fetcher", "read_url", "read_url_list"]
