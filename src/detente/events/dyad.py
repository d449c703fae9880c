"""Dyad-conditional coding: given a sentence and its two actors' spans, what did the first do to the second?

The trigger is read off the dependency path between the two actors: the lowest verb or event noun
that governs both (or lies on the path from the target up to their common head). No trigger on the
path means the sentence states no event between them (``plover`` None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from detente.events.codebook import lookup
from detente.events.coder import RuleCoder, Trigger, recode_for_source
from detente.events.modality import ceasing_head, modality_of

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
NONE_THRESHOLD = 0.5  # the classifier must be this sure that no event links the pair to answer null


def classify_dyad(coder: RuleCoder, doc: Any, source: str, target: str) -> DyadCode:
    """The rule coder's answer, corrected by the dyad classifier when one ships (see classifier.py)."""
    from detente.events.classifier import NONE_LABEL, TYPE_CAMEO, load_classifier
    from detente.events.features import dyad_features

    rule = code_dyad(coder, doc, source, target)
    classifier = load_classifier()
    if classifier is None:
        return rule
    prediction = classifier.predict(dyad_features(coder, doc, source, target, rule))
    if prediction.label == NONE_LABEL:
        return NO_EVENT if prediction.probability >= NONE_THRESHOLD else rule
    if prediction.label == rule.plover:
        return rule
    code = lookup(TYPE_CAMEO[prediction.label])
    return DyadCode(code.plover_type, code.code, code.quad_class, f"model:{prediction.label}")


def code_dyad(coder: RuleCoder, doc: Any, source: str, target: str) -> DyadCode:
    """Code the event from ``source`` to ``target`` (substrings of the parsed sentence ``doc``).

    PLOVER's conventions apply here, since only a type is returned: an intended or promised
    cooperative act is AGREE, a refused or negated one REJECT, an intended conflictual act THREATEN
    (the codebook's "future actions are coded as AGREE / THREATEN"), through cues.yaml's frames.
    """
    source_head = _span_head(doc, source)
    target_head = _span_head(doc, target)
    if source_head is None or target_head is None:
        return NO_EVENT
    triggers = coder.triggers(doc)
    chosen = _choose(triggers, source_head, target_head)
    if chosen is None:
        return NO_EVENT
    cameo = chosen.cameo
    if chosen.nominal and ceasing_head(chosen.token, coder.lexicon) is not None and cameo[:2] in ("18", "19", "20"):
        cameo = "087"
    if chosen.complement is None:
        cameo = _plover_convention(coder, chosen, cameo)
    cameo = recode_for_source(cameo, coder.resolver.resolve(source, None, context=doc.text))
    code = lookup(cameo)
    return DyadCode(code.plover_type, code.code, code.quad_class, chosen.rule)


def _choose(triggers: list[Trigger], source: Token, target: Token) -> Trigger | None:
    by_token: dict[int, list[Trigger]] = {}
    for trigger in triggers:
        by_token.setdefault(trigger.token.i, []).append(trigger)
    # A frame ("refused to provide aid") outranks its own complement ("provide aid").
    framed = {t.complement.i for t in triggers if t.complement is not None}
    on_path = [t for token in _path(source, target) for t in by_token.get(token.i, []) if t.token.i not in framed]
    on_path = on_path or [t for token in _path(source, target) for t in by_token.get(token.i, [])]
    if on_path:
        return _closest(on_path, target)
    # "India and Pakistan agreed …", "X went on strike": the verb that governs the source.
    for ancestor in [source, *source.ancestors, *target.ancestors]:
        governing = [t for t in by_token.get(ancestor.i, []) if t.token.i not in framed]
        if governing:
            return governing[0]
    return None


def _plover_convention(coder: RuleCoder, trigger: Trigger, cameo: str) -> str:
    modality = modality_of(trigger.token, coder.lexicon, trigger.nominal)
    frames = {frame.name: frame for frame in coder.lexicon.frames.values()}
    quad = lookup(cameo).quad_class
    if modality == "intended" and quad in (1, 2) and "intent" in frames and not cameo.startswith("03"):
        return frames["intent"].combine(cameo)
    if modality == "intended" and quad == 4 and "threat" in frames:
        return frames["threat"].combine(cameo)
    if modality == "negated" and quad in (1, 2) and "refusal" in frames:
        return frames["refusal"].combine(cameo)
    return cameo


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
