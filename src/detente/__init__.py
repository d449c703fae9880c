"""detente: trustworthy political event data from news.

    ingest → provenance (copies) → events (+ actors) → timeline (dates, merging) → temperature → store → serve

The public surface is the Python API (``Detente``) and the records it returns. Names are imported
lazily so that importing one stage (``detente.ingest``) does not load every other one.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Detente": "detente.api",
    "EventFilter": "detente.api",
    "DetenteError": "detente.errors",
    "Settings": "detente.settings",
    **{name: "detente.records" for name in (
        "Actor", "Alert", "Article", "Copy", "DyadPoint", "DyadSeries", "Event", "EventMention", "Evidence",
    )},
}  # fmt: skip

__all__ = [
    "Actor",
    "Alert",
    "Article",
    "Copy",
    "Detente",
    "DetenteError",
    "DyadPoint",
    "DyadSeries",
    "Event",
    "EventFilter",
    "EventMention",
    "Evidence",
    "Settings",
    "__version__",
]

if TYPE_CHECKING:
    from detente.api import Detente, EventFilter
    from detente.errors import DetenteError
    from detente.records import Actor, Alert, Article, Copy, DyadPoint, DyadSeries, Event, EventMention, Evidence
    from detente.settings import Settings


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")
