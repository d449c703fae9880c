"""Dyad-conditional coding: given a sentence and its two actors' spans, what did the first do to the second?

The trigger is read off the dependency path between the two actors: the lowest verb or event noun
that governs both (or lies on the path from the target up to their common head). No trigger on the
path means the sentence states no event between them (``plover`` None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from detente.events.codebook import lookup
from detente.events.coder import RuleCoder, Trigger
from detente.events.modality import ceasing_head

Token = Any


@dataclass(frozen=True, slots=True)
class DyadCode:
    plover: str | None
    cameo: str | None
    quad_class: int | None
    rule: str | None

    def to_json(self) -> dict[str, Any]:
        return {"plover": self.plover, "cameo": self.cameo, "quad_class": self.quad_class, "rule": self.rule}


NO_EVENT = DyadCode(None, None, None, None)


def code_dyad(coder: RuleCoder, doc: Any, source: str, target: str) -> DyadCode:
    """Code the event from ``source`` to ``target`` (substrings of the parsed sentence ``doc``)."""
    source_head = _span_head(doc, source)
    target_head = _span_head(doc, target)
    if source_head is None or target_head is None:
        return NO_EVENT
    triggers = {t.token.i: t for t in coder.triggers(doc)}
    path = _path(source_head, target_head)
    on_path = [triggers[t.i] for t in path if t.i in triggers]
    chosen = _closest(on_path, target_head) if on_path else None
    if chosen is None:
        return NO_EVENT
    cameo = chosen.cameo
    if chosen.nominal and ceasing_head(chosen.token, coder.lexicon) is not None and cameo[:2] in ("18", "19", "20"):
        cameo = "087"
    code = lookup(cameo)
    return DyadCode(code.plover_type, code.code, code.quad_class, chosen.rule)


def _span_head(doc: Any, text: str) -> Token | None:
    start = doc.text.find(text)
    if start < 0:
        start = doc.text.lower().find(text.lower())
    if start < 0:
        return None
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    return None if span is None else span.root


def _path(a: Token, b: Token) -> list[Token]:
    """Tokens on the dependency path a → common ancestor → b (ends excluded, ancestor included)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_a = {t.i for t in up_a}
    common = next((t for t in up_b if t.i in ids_a), None)
    if common is None:
        return []
    left = [t for t in up_a[1:] if t.i != common.i and _below(t, common)]
    right = [t for t in up_b[1:] if t.i != common.i and _below(t, common)]
    return [*left, common, *right, a, b]


def _below(token: Token, ancestor: Token) -> bool:
    return any(t.i == ancestor.i for t in token.ancestors)


def _closest(triggers: list[Trigger], target: Token) -> Trigger:
    """Prefer verbs over nouns, then the trigger nearest the target in the tree."""

    def depth_from_target(trigger: Trigger) -> int:
        for depth, ancestor in enumerate([target, *target.ancestors]):
            if ancestor.i == trigger.token.i:
                return depth
        return 99

    return min(triggers, key=lambda t: (t.nominal, depth_from_target(t)))
