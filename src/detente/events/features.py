"""Features of a (sentence, source, target) triple for the dyad classifier.

Sparse, interpretable features read off the spaCy parse: the dependency path between the two actors,
the words around and between them, the verb that governs the source, cue words of negation and
intention, and what the rule coder says. A linear model over them is fast enough for the pipeline.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from detente.events.codebook import lookup
from detente.events.coder import RuleCoder
from detente.events.dyad import DyadCode, _modal, _path, _span_head, demanded_clause, span_start

Token = Any
WINDOW = 3  # words on each side of an actor span that describe its role
MAX_BETWEEN = 12  # words between the actors kept as a bag


def dyad_features(coder: RuleCoder, doc: Any, source: str, target: str, rule: DyadCode) -> dict[str, float]:
    features: dict[str, float] = {"bias": 1.0}
    source_head = _span_head(doc, source)
    target_head = _span_head(doc, target)
    if rule.plover is not None and rule.cameo is not None:
        features[f"rule={rule.plover}"] = 1.0
        features[f"rule_root={rule.cameo[:2]}"] = 1.0
        features[f"rule_quad={lookup(rule.cameo).quad_class}"] = 1.0
    else:
        features["rule=None"] = 1.0
    if rule.rule is not None:
        # Which lexicon pattern fired ("pledge-support", "frame-intent/…"): the model learns which to trust.
        features[f"rule_id={rule.rule}"] = 1.0
    if source_head is None or target_head is None:
        features["span_missing"] = 1.0
        return features
    for token in _path(source_head, target_head)[:-2]:
        features[f"path={token.lemma_.lower()}"] = 1.0
        features[f"path_dep={token.dep_}:{token.lemma_.lower()}"] = 1.0
        if token.tag_.startswith("VB"):
            # Tense and aspect of the acts between the actors: "provided" / "is providing" vs "will provide".
            features[f"path_tag={token.tag_}"] = 1.0
            for child in token.children:
                if child.dep_ in ("aux", "neg") and child.tag_ in ("MD", "RB", "TO"):
                    features[f"path_aux={child.lower_}"] = 1.0
    demanded = demanded_clause(source_head, target_head)
    if demanded is not None:
        features[f"demanded={_modal(demanded)}"] = 1.0
    governing = _governing_verb(source_head)
    if governing is not None:
        features[f"gov={governing.lemma_.lower()}"] = 1.0
        for child in governing.children:
            if child.dep_ in ("dobj", "prt", "prep", "xcomp", "neg", "aux"):
                features[f"gov_{child.dep_}={child.lemma_.lower()}"] = 1.0
    features[f"source_dep={source_head.dep_}"] = 1.0
    features[f"target_dep={target_head.dep_}"] = 1.0
    features["target_first"] = float(target_head.i < source_head.i)
    for name, word in _between(doc, source_head, target_head):
        features[f"{name}={word}"] = 1.0
    for word in _around(doc, target_head):
        features[f"near_target={word}"] = 1.0
    return features


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _between(doc: Any, a: Token, b: Token) -> Iterator[tuple[str, str]]:
    left, right = sorted((a.i, b.i))
    words = [t.lemma_.lower() for t in doc[left + 1 : right] if t.is_alpha][:MAX_BETWEEN]
    for word in words:
        yield "between", word
    for first, second in itertools.pairwise(words):
        yield "between2", f"{first}_{second}"


def _around(doc: Any, token: Token) -> Iterator[str]:
    for neighbour in doc[max(0, token.i - WINDOW) : token.i]:
        if neighbour.is_alpha:
            yield neighbour.lemma_.lower()


def masked_sentence(sentence: str, source: str, target: str) -> str:
    """The sentence with its source written X and its target Y, so an embedding sees the relation."""
    at_source, at_target = span_start(sentence, source), span_start(sentence, target)
    if at_source is None or at_target is None:
        return sentence
    (first, first_end, first_mark), (second, second_end, second_mark) = sorted(
        [(at_source, at_source + len(source), "X"), (at_target, at_target + len(target), "Y")]
    )
    if first_end > second:
        return sentence
    return sentence[:first] + first_mark + sentence[first_end:second] + second_mark + sentence[second_end:]
