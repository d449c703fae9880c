"""Small builders of records for tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.events.codebook import lookup
from detente.records import Actor, Article, Event, EventDate, EventMention, Evidence


def actor(country: str, sector: str = "GOV", text: str | None = None) -> Actor:
    return Actor(text or country, country, sector, None, None, 0.9)


def article(article_id: str, text: str = "Text.", outlet: str | None = None, published: str | None = None) -> Article:
    return Article(article_id, text, f"hash-{article_id}", "Title", outlet, None,
                   dt.date.fromisoformat(published) if published else None, "en", None)  # fmt: skip


def mention(
    mention_id: str,
    article_id: str,
    source: str,
    target: str | None,
    cameo: str,
    date: str,
    modality: str = "asserted",
    cue: str | None = "in text",
) -> EventMention:
    code = lookup(cameo)
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return EventMention(
        mention_id=mention_id,
        article_id=article_id,
        source=actor(source),
        target=actor(target) if target else None,
        cameo=cameo,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover_type=code.plover_type or "",
        plover_mode=code.plover_mode,
        plover_context=code.plover_context,
        modality=modality,  # type: ignore[arg-type]
        date=EventDate(date, precision, cue),  # type: ignore[arg-type]
        location=None,
        evidence=Evidence(article_id, "A sentence.", 0, 1, 0),
        confidence=0.8,
        coder="test",
    )


def event(event_id: str, source: str, target: str, cameo: str, date: str, sources: int = 1,
          modality: str = "asserted") -> Event:  # fmt: skip
    m = mention(event_id, "a", source, target, cameo, date, modality)
    return Event(
        event_id, ("a",), None, m.source, m.target, m.cameo, m.goldstein, m.quad_class, m.plover_type, m.plover_mode,
        m.plover_context, m.modality, m.date, None, (m.evidence,), 1, 1, sources, 0.8, "test",
    )  # fmt: skip


def code_text(coder: Any, text: str, published: dt.date | None) -> list[EventMention]:
    """The events a coder finds in ``text`` as one article published on ``published``."""
    from detente.ingest import split_sentences

    piece = Article("t", text, "h", published=published, language="en")
    return list(coder.code_article(piece, split_sentences(piece)))
