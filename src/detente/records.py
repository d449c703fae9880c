"""The typed, frozen records that flow one way through detente's pipeline.

    Article ──segment──▶ Sentence ──events──▶ EventMention ──timeline──▶ Event ──temperature──▶ DyadSeries
       └──────provenance──────▶ Copy (+ story ids) ──────────────────────┘

Every stage takes records of one kind and returns the next; nothing reaches back. The JSON shapes
of ``Event``, ``Actor``, ``Copy`` and ``DyadSeries`` are the outside contract (``to_json``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "intended", "ceased", "historical", "denied"]
MODALITIES: tuple[Modality, ...] = (
    "asserted",
    "negated",
    "hypothetical",
    "intended",
    "ceased",
    "historical",
    "denied",
)
Precision = Literal["day", "month", "year"]
ChangeKind = Literal["same", "reworded", "number_changed", "entity_changed", "polarity_flipped", "attribution_changed"]
Relation = Literal["copy", "rewrite", "translation"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. ``article_id`` is the caller's id or a content hash."""

    article_id: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str | None = None  # the file (and line) it came from

    @property
    def codable(self) -> bool:
        """Only English is coded: there is no offline translator on this machine."""
        return self.language in (None, "en")


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """An input that could not be read; reported and skipped, never fatal to a batch."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article with its character span in ``Article.text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: a mention resolved to country (ISO alpha-3 or a PLOVER non-state code) and sector."""

    text: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    patron: str | None = None  # e.g. IRN for "Iran-backed Iraqi militias" (home country IRQ)
    confidence: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "patron": self.patron,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Location:
    country: str | None
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"country": self.country, "name": self.name}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event was read: the sentence and the character span of the trigger in the article."""

    article_id: str
    sentence: str
    start: int
    end: int
    sentence_start: int = 0  # where the sentence starts in the article, so a page can mark the trigger

    @property
    def trigger(self) -> str:
        return self.sentence[self.start - self.sentence_start : self.end - self.sentence_start]

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "sentence_start": self.sentence_start,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's own date. ``value`` is ISO at ``precision`` ("2020-04"); None when unknown."""

    value: str | None
    precision: Precision | None
    cue: str | None = None  # the text that gave it, or None when it fell back to the publication date


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence of one article reports it (before cross-article merging)."""

    mention_id: str
    article_id: str
    source: Actor
    target: Actor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    plover_context: tuple[str, ...]
    modality: Modality
    date: EventDate
    location: Location | None
    evidence: Evidence
    confidence: float
    coder: str  # the rule or model that produced it, e.g. "rules:0.1/impose-sanctions"


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event, counted once: the merge of all the mentions that report it."""

    event_id: str
    article_ids: tuple[str, ...]
    story_id: str | None
    source: Actor
    target: Actor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    plover_context: tuple[str, ...]
    modality: Modality
    date: EventDate
    location: Location | None
    evidence: tuple[Evidence, ...]
    num_articles: int
    num_outlets: int
    num_independent_sources: int
    confidence: float
    coder: str

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_ids": list(self.article_ids),
            "story_id": self.story_id,
            "source": self.source.to_json(),
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {"type": self.plover_type, "mode": self.plover_mode, "context": list(self.plover_context)},
            "modality": self.modality,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_cue": self.date.cue,
            "location": self.location.to_json() if self.location else None,
            "evidence": [e.to_json() for e in self.evidence],
            "num_articles": self.num_articles,
            "num_outlets": self.num_outlets,
            "num_independent_sources": self.num_independent_sources,
            "confidence": self.confidence,
            "coder": self.coder,
        }


@dataclass(frozen=True, slots=True)
class AlignedPair:
    copy_sentence: str
    original_sentence: str
    similarity: float
    change: ChangeKind
    detail: str | None = None  # e.g. "rocket → missile", "accepted → did not accept"

    def to_json(self) -> dict[str, Any]:
        return {
            "copy_sentence": self.copy_sentence,
            "original_sentence": self.original_sentence,
            "similarity": round(self.similarity, 4),
            "change": self.change,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Copy:
    """``copy`` repeats, rewrites or translates ``original``; what it kept, dropped and changed."""

    copy: str
    original: str | None  # None when the original is not in the store (the attribution still is)
    relation: Relation
    confidence: float
    attribution: str | None
    coverage_of_original: float
    aligned: tuple[AlignedPair, ...] = ()
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "copy": self.copy,
            "original": self.original,
            "relation": self.relation,
            "confidence": round(self.confidence, 4),
            "attribution": self.attribution,
            "coverage_of_original": round(self.coverage_of_original, 4),
            "aligned": [a.to_json() for a in self.aligned],
            "dropped": list(self.dropped),
            "added": list(self.added),
        }


@dataclass(frozen=True, slots=True)
class PairVerdict:
    """What judging one candidate pair of articles found: which of the two is a copy of the other, or
    none, and how strongly (``score`` picks one original per copy). ``basis`` digests everything the
    judgement read, so the store can keep verdicts and a later run re-judges only pairs whose inputs
    changed. The Copy found is not part of it: only the best per copy is kept, in the copies table."""

    first: str
    second: str
    basis: str
    copy_of: str | None  # the article (first or second) that copies the other
    score: float

    @property
    def original(self) -> str | None:
        if self.copy_of is None:
            return None
        return self.second if self.copy_of == self.first else self.first


@dataclass(frozen=True, slots=True)
class DyadPoint:
    period: str
    temperature: float
    events: int
    quad_counts: dict[str, int]
    top_events: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "temperature": round(self.temperature, 3),
            "events": self.events,
            "quad_counts": dict(self.quad_counts),
            "top_events": list(self.top_events),
        }


@dataclass(frozen=True, slots=True)
class Alert:
    period: str
    direction: Literal["warming", "cooling"]
    magnitude: float
    explanation: str
    events: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "direction": self.direction,
            "magnitude": round(self.magnitude, 3),
            "explanation": self.explanation,
            "events": list(self.events),
        }


@dataclass(frozen=True, slots=True)
class DyadSeries:
    dyad: tuple[str, str]
    by: Literal["day", "week", "month"]
    series: tuple[DyadPoint, ...]
    alerts: tuple[Alert, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "by": self.by,
            "series": [p.to_json() for p in self.series],
            "alerts": [a.to_json() for a in self.alerts],
        }
