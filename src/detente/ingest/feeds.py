"""RSS and Atom feeds (feedparser) → one article per entry.

Hostile XML is refused before any parser sees it: a feed that declares a DTD internal subset or an
entity (``<!DOCTYPE x [ <!ENTITY …> ]>``) is the billion-laughs and external-entity attack shape,
and no real news feed needs one. feedparser is also only ever handed a byte stream, never a string,
because it treats a string that looks like a URL or a path as one and would fetch or open it.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from typing import Any

from detente.records import Article, IngestProblem

Item = Article | IngestProblem

FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".xml", ".feed"})
_DANGEROUS_DTD = re.compile(rb"<!(?:ENTITY|DOCTYPE[^>\[]*\[)", re.IGNORECASE)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|br|div|li|h[1-6]|blockquote|tr)\b[^>]*>")
_TAGS = re.compile(r"<[^>]*>")
FEED_SNIFF_BYTES = 2048


def looks_like_feed(raw: bytes) -> bool:
    return bool(_FEED_START.match(raw[:FEED_SNIFF_BYTES]))


def read_feed(raw: bytes, origin: str) -> Iterator[Item]:
    """The entries of an RSS/Atom document, each an ``Article`` (or a problem naming the entry)."""
    problem = _refuse(raw)
    if problem:
        yield IngestProblem(origin, problem)
        return
    import feedparser  # lazy: only feeds need it

    try:
        parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # feedparser's loose parser raises many kinds on garbage
        yield IngestProblem(origin, f"cannot parse the feed: {type(error).__name__}: {error}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__}: {str(reason)[:120]})" if reason else ""
        yield IngestProblem(origin, f"not an RSS/Atom feed, or a feed without entries{detail}")
        return
    feed = parsed.get("feed") or {}
    for number, entry in enumerate(entries, 1):
        yield _entry_article(entry, feed, f"{origin}#{number}")


def _refuse(raw: bytes) -> str | None:
    if not raw.strip():
        return "empty file"
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary file (contains NUL bytes), not a feed"
    # UTF-16 feeds hide the declaration from a byte search: look at the decoded text too.
    head = raw.decode("utf-16", errors="ignore").encode() if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw
    if _DANGEROUS_DTD.search(head):
        return "feed declares XML entities or a DTD subset (the billion-laughs shape); refused"
    return None


def _entry_article(entry: Any, feed: Any, origin: str) -> Item:
    from detente.ingest.readers import make_article

    content = entry.get("content") or []
    body = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "")
    fields = {
        "id": entry.get("id") or entry.get("link"),
        "url": entry.get("link"),
        "title": _plain(entry.get("title", "")),
        "text": _plain(body),
        "published": entry.get("published") or entry.get("updated"),
        "outlet": _plain(feed.get("title", "")) or None,
        "language": (feed.get("language") or "").split("-")[0] or None,
    }
    return make_article(fields, origin)


def _plain(markup: str) -> str:
    """Entry HTML → text with paragraph breaks (feeds carry small, simple HTML)."""
    text = _TAGS.sub(" ", _BLOCK_TAGS.sub("\n\n", markup or ""))
    paragraphs = (" ".join(part.split()) for part in html.unescape(text).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


__all__ = ["FEED_SUFFIXES", "looks_like_feed", "read_feed"]
