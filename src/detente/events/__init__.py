"""Events: sentences → ``EventMention`` records (who did what to whom, in what mode, with evidence).

Coders are pluggable: anything with ``name`` and ``code_article(article, sentences)`` can be
registered under the ``detente.coders`` entry-point group; the built-in rule coder registers there
exactly like a third-party one would.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from importlib.metadata import entry_points
from typing import Protocol

from detente.errors import ConfigError
from detente.events.codebook import PLOVER_TYPES, CameoCode, codebook, lookup
from detente.events.coder import RuleCoder
from detente.events.dyad import DyadCode, code_dyad
from detente.events.lexicon import Lexicon, load_lexicon
from detente.events.parse import transient
from detente.records import Article, EventMention, Sentence
from detente.settings import Settings

ENTRY_POINT_GROUP = "detente.coders"


class EventCoder(Protocol):
    @property
    def name(self) -> str: ...

    def code_article(self, article: Article, sentences: Sequence[Sentence]) -> tuple[EventMention, ...]: ...


def rule_coder(settings: Settings) -> RuleCoder:
    """The built-in coder (entry point ``rules``)."""
    from detente.actors import ActorResolver

    return RuleCoder(ActorResolver(settings.actor_files), load_lexicon(), settings.spacy_models)


def coding_session(coder: EventCoder) -> AbstractContextManager[None]:
    """Wrap a batch's coding: on leaving, the built-in coder frees the strings and words its parser
    added for the batch, so a long run's workers stay the same size (other coders: nothing to do)."""
    return transient(coder.models) if isinstance(coder, RuleCoder) else nullcontext()


def get_coder(name: str, settings: Settings) -> EventCoder:
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            factory = entry.load()
            coder: EventCoder = factory(settings)
            return coder
    if name == "rules":  # running from a source tree without installed metadata
        return rule_coder(settings)
    raise ConfigError(
        f"no event coder named {name!r}; installed: {[e.name for e in entry_points(group=ENTRY_POINT_GROUP)]}"
    )


__all__ = [
    "PLOVER_TYPES",
    "CameoCode",
    "DyadCode",
    "EventCoder",
    "Lexicon",
    "RuleCoder",
    "code_dyad",
    "codebook",
    "coding_session",
    "get_coder",
    "load_lexicon",
    "lookup",
    "rule_coder",
]
