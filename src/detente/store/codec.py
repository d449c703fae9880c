"""Records ⇄ plain JSON rows: the store's and the wire's one serialisation."""

from __future__ import annotations

from typing import Any

from detente.records import (
    Actor,
    AlignedPair,
    Copy,
    Event,
    EventDate,
    EventMention,
    Evidence,
    Location,
)


def actor_from(data: dict[str, Any] | None) -> Actor | None:
    if data is None:
        return None
    return Actor(
        text=data["text"],
        country=data.get("country"),
        sector=data.get("sector"),
        name=data.get("name"),
        patron=data.get("patron"),
        confidence=data.get("confidence", 0.0),
    )


def _actor_row(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else actor.to_json()


def _location_from(data: dict[str, Any] | None) -> Location | None:
    return None if data is None else Location(data.get("country"), data.get("name"))


def _evidence_from(data: dict[str, Any]) -> Evidence:
    return Evidence(data["article_id"], data["sentence"], data["start"], data["end"], data.get("sentence_start", 0))


def mention_to_row(mention: EventMention) -> dict[str, Any]:
    return {
        "mention_id": mention.mention_id,
        "article_id": mention.article_id,
        "source": _actor_row(mention.source),
        "target": _actor_row(mention.target),
        "cameo": mention.cameo,
        "goldstein": mention.goldstein,
        "quad_class": mention.quad_class,
        "plover_type": mention.plover_type,
        "plover_mode": mention.plover_mode,
        "plover_context": list(mention.plover_context),
        "modality": mention.modality,
        "date": {"value": mention.date.value, "precision": mention.date.precision, "cue": mention.date.cue},
        "location": mention.location.to_json() if mention.location else None,
        "evidence": mention.evidence.to_json(),
        "confidence": mention.confidence,
        "coder": mention.coder,
    }


def mention_from_row(row: dict[str, Any]) -> EventMention:
    source = actor_from(row["source"])
    assert source is not None
    date = row["date"]
    return EventMention(
        mention_id=row["mention_id"],
        article_id=row["article_id"],
        source=source,
        target=actor_from(row["target"]),
        cameo=row["cameo"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        plover_type=row["plover_type"],
        plover_mode=row["plover_mode"],
        plover_context=tuple(row["plover_context"]),
        modality=row["modality"],
        date=EventDate(date["value"], date["precision"], date.get("cue")),
        location=_location_from(row["location"]),
        evidence=_evidence_from(row["evidence"]),
        confidence=row["confidence"],
        coder=row["coder"],
    )


def event_from_json(data: dict[str, Any]) -> Event:
    source = actor_from(data["source"])
    assert source is not None
    plover = data["plover"]
    return Event(
        event_id=data["event_id"],
        article_ids=tuple(data["article_ids"]),
        story_id=data.get("story_id"),
        source=source,
        target=actor_from(data.get("target")),
        cameo=data["cameo"],
        goldstein=data["goldstein"],
        quad_class=data["quad_class"],
        plover_type=plover["type"],
        plover_mode=plover.get("mode"),
        plover_context=tuple(plover.get("context") or ()),
        modality=data["modality"],
        date=EventDate(data.get("date"), data.get("date_precision"), data.get("date_cue")),
        location=_location_from(data.get("location")),
        evidence=tuple(_evidence_from(e) for e in data["evidence"]),
        num_articles=data["num_articles"],
        num_outlets=data["num_outlets"],
        num_independent_sources=data["num_independent_sources"],
        confidence=data["confidence"],
        coder=data["coder"],
    )


def copy_from_json(data: dict[str, Any]) -> Copy:
    return Copy(
        copy=data["copy"],
        original=data.get("original"),
        relation=data["relation"],
        confidence=data["confidence"],
        attribution=data.get("attribution"),
        coverage_of_original=data["coverage_of_original"],
        aligned=tuple(
            AlignedPair(a["copy_sentence"], a["original_sentence"], a["similarity"], a["change"], a.get("detail"))
            for a in data.get("aligned", ())
        ),
        dropped=tuple(data.get("dropped", ())),
        added=tuple(data.get("added", ())),
    )
