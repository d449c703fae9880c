"""Where an event happens, when no named actor undergoes it: "agreed to set up a hospital in Gaza",
"killed 48 people in Afghanistan" — PLOVER's target is then the place. The place is the nearest "in"
phrase in the trigger's own clause, resolved as an actor (a country, a capital) or, failing that, as a
region or city of the places gazetteer (timeline.places)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from detente.events.arguments import (
    COLLECTIVE_ACTORS,
    ArgumentFinder,
    ArticleMemory,
    core_text,
    prepositional_objects,
    same_actor,
)
from detente.events.telling import is_time_word
from detente.records import Actor
from detente.timeline.places import place_named

Token = Any
# clauses and arguments of their own: an "in" phrase there is not where the trigger's event happens
PLACE_BARRIERS = frozenset({
    "nsubj", "nsubjpass", "csubj", "agent", "relcl", "acl", "advcl", "ccomp", "conj", "parataxis", "appos", "poss",
})  # fmt: skip


def event_place(
    token: Token, sources: Sequence[Actor], finder: ArgumentFinder, memory: ArticleMemory, cities: bool
) -> Actor | None:
    """The country or named place where it happens: the nearest "in" phrase in the trigger's own clause
    (on the trigger, the verb it governs, its object or their modifiers), never in its subject."""
    queue, seen = [token], {token.i}
    while queue:
        head = queue.pop(0)
        for place in prepositional_objects(head, "in") if head.lower_ != "in" or head.dep_ != "prep" else ():
            if any(is_time_word(word) for word in _own_words(place)):
                continue  # "in March 2020", "in the first quarter of 2015"
            found = finder.actor(place, memory)
            # a region or city the actor lists lack, or one only its apposition gave a sector ("Goma, the
            # rebels' last stronghold")
            described = found is not None and found.sector is not None
            if found is None or found.country is None or (described and not _named(place, finder)):
                found = _gazetteer_place(place, sources) or found
            if cities and found is not None and found.sector == "GOV" and _bare_place_name(place):
                found = dataclasses.replace(found, sector=None)  # "in Manila": the city, not its government
            if found is None or (found.country is None and place.pos_ != "PROPN") or found.sector is not None:
                continue
            if not any(same_actor(source, found) for source in sources):
                return found
        for child in head.children:
            if child.i not in seen and (child.dep_ not in PLACE_BARRIERS or _purpose(child)):
                seen.add(child.i)
                queue.append(child)
    return None


def _named(place: Token, finder: ArgumentFinder) -> bool:
    return finder.resolver.resolve(core_text(place), finder.date) is not None


def _purpose(clause: Token) -> bool:
    """ "gave $40 million to rebuild schools in Y": what it is for happens where the event does."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _own_words(place: Token) -> list[Token]:
    """The place's phrase without what an apposition or clause adds ("Idlib, the enclave … on Thursday")."""
    added = {t.i for c in place.children if c.dep_ in ("appos", "relcl", "acl", "punct") for t in c.subtree}
    return [t for t in place.subtree if t.i not in added]


def _gazetteer_place(place: Token, sources: Sequence[Actor]) -> Actor | None:
    if place.pos_ != "PROPN":
        return None
    name = core_text(place)
    found = place_named(name, [s.country for s in sources if s.country])
    return Actor(name, found.country, confidence=0.5) if found is not None else None


def _bare_place_name(place: Token) -> bool:
    """ "Manila", "the Golan Heights": a proper name with no word for a body ("the Government")."""
    words = [t for t in _own_words(place) if t.pos_ not in ("DET", "PUNCT")]
    return all(t.pos_ == "PROPN" and t.lemma_.lower() not in COLLECTIVE_ACTORS for t in words)


def placed(recipient: Actor, place: Actor) -> Actor:
    """The place stands for an unnamed recipient, who keeps its sector: "48 people in Afghanistan" are Afghans."""
    return dataclasses.replace(place, sector=recipient.sector) if recipient.sector and recipient.name is None else place
