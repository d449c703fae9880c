"""``ActorResolver``: who a mention is, and every actor mention in a sentence.

    text ──Tokens.of──▶ tokens ──Gazetteer.scan──▶ hits ──_plausible──▶ hits ──_phrases──▶ phrases
         ──compose──▶ Actor

``find_mentions`` is the cheap filter the event coder runs on every sentence, so it is one regex pass
and dict probes (see ``benchmarks/bench_actors.py``). ``resolve`` reads one mention, using its
sentence, when given, to reject homonyms ("Michael Jordan") and to fill a country the phrase leaves out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from detente.actors.compose import NAMED_KINDS, PLACE_KINDS, Clues, compose
from detente.actors.gazetteer import Gazetteer, Hit, Tokens, normalise
from detente.actors.loader import load_entries
from detente.actors.schema import Entry
from detente.records import Actor

# A surname-only alias preceded by a given name like this one is still the same person ("Qasim
# Soleimani" for "Qassem"); below it, another person with that surname ("Ivanka Trump").
GIVEN_NAME_SIMILARITY = 0.6
_CLEAN_GAP = " -.\u00a0\u2010\u2011"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor mention found in a text: its character span in that text and who it is."""

    start: int
    end: int
    text: str
    actor: Actor


class ActorResolver:
    """Resolves mentions to actors with the shipped data plus the user's YAML/CSV files (which win)."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        shipped, user = load_entries(extra_files)
        self._gazetteer = Gazetteer(shipped, user)
        self._function_words = frozenset(
            normalise(word) for entry in self._gazetteer.entries if entry.kind == "function" for word in entry.aliases
        )
        self._given_names = {
            entry.name: _given_names(entry) for entry in self._gazetteer.entries if entry.kind == "person"
        }
        self._deaths = {
            entry.name: entry.died
            for entry in self._gazetteer.entries
            if entry.kind == "person" and entry.died is not None
        }

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer

    def resolve(self, text: str, date: dt.date | None = None, context: str | None = None) -> Actor | None:
        """The actor a mention or noun phrase stands for, or None when nothing is known about it."""
        if context:
            where = _locate(context, text)
            if where is not None:
                tokens = Tokens.of(context)
                hits = self._hits(tokens)
                # a mention may stop before its possessive ("the UN" in "the UN's effort")
                inside = [
                    h for h in hits if tokens.starts[h.first] >= where[0] and tokens.stem_end(h.last - 1) <= where[1]
                ]
                if not inside:
                    return None
                outside = [h for h in hits if h not in inside]
                return _compose_mention(text, tokens, inside, date, outside)
        tokens = Tokens.of(text)
        hits = self._hits(tokens)
        if not hits:
            return None
        if context:
            context_tokens = Tokens.of(context)
            return compose(text, tokens, hits, date, Clues(context_tokens, self._hits(context_tokens)))
        return _compose_mention(text, tokens, hits, date, [])

    def death_date(self, name: str) -> dt.date | None:
        """The day a person of the actor data died (by their canonical name), None when not known."""
        return self._deaths.get(name)

    def find_mentions(self, text: str, date: dt.date | None = None) -> tuple[ActorMention, ...]:
        """Every actor mention in a sentence, longest match first, with its span in ``text``."""
        tokens = Tokens.of(text)
        hits = self._hits(tokens)
        if not hits:
            return ()
        mentions = []
        for phrase in _phrases(tokens, hits):
            start, end = _span(tokens, phrase)
            others = [h for h in hits if h not in phrase]
            actor = compose(text[start:end], tokens, phrase, date, Clues(tokens, others))
            if actor is not None:
                mentions.append(ActorMention(start, end, text[start:end], actor))
        return tuple(mentions)

    def _hits(self, tokens: Tokens) -> list[Hit]:
        hits = self._gazetteer.scan(tokens)
        kept: list[Hit] = []
        for position, hit in enumerate(hits):
            entries = tuple(e for e in hit.entries if self._plausible(tokens, hits, position, e))
            if entries:
                kept.append(hit if len(entries) == len(hit.entries) else Hit(hit.first, hit.last, entries))
        return kept

    def _plausible(self, tokens: Tokens, hits: list[Hit], position: int, entry: Entry) -> bool:
        """False for a place name that is part of a person's name ("Michael Jordan", "Paris Hilton") and
        a surname that belongs to someone else ("Ivanka Trump")."""
        hit = hits[position]
        surname_only = entry.kind == "person" and hit.last - hit.first == 1
        if not (entry.ambiguous or surname_only):
            return True
        before = hit.first - 1
        covered_before = position > 0 and hits[position - 1].last == hit.first
        if before >= 0 and covered_before and entry.kind in PLACE_KINDS:
            previous = hits[position - 1].entries[0]
            if previous.kind == "agent" and previous.roles[0].sector is None:
                return False  # "Mr. Jordan"
        if (
            before >= 0
            and not covered_before
            and self._name_like(tokens, before)
            and not tokens.gap(before, hit.first).strip(_CLEAN_GAP)  # "Unfortunately, Trump" is not a given name
            and not (surname_only and self._same_given_name(entry, tokens.norms[before]))
        ):
            return False
        after = hit.last
        covered_after = position + 1 < len(hits) and hits[position + 1].first == after
        return not (
            entry.ambiguous
            and after < len(tokens)
            and not covered_after
            and self._name_like(tokens, after)
            and not tokens.gap(after - 1, after).strip(_CLEAN_GAP)
        )

    def _name_like(self, tokens: Tokens, index: int) -> bool:
        return tokens.capitalised(index) and tokens.norms[index] not in self._function_words

    def _same_given_name(self, entry: Entry, given: str) -> bool:
        return any(
            SequenceMatcher(None, given, known).ratio() >= GIVEN_NAME_SIMILARITY
            for known in self._given_names.get(entry.name, ())
        )


def _given_names(entry: Entry) -> frozenset[str]:
    """First tokens of a person's multi-word aliases ("qassem", "qassim", "haj")."""
    names = set()
    for alias in entry.aliases:
        words = alias.replace("-", " ").split()
        if len(words) > 1:
            names.add(normalise(words[0]))
    return frozenset(names)


def _compose_mention(
    text: str, tokens: Tokens, hits: list[Hit], date: dt.date | None, outside: list[Hit]
) -> Actor | None:
    """A coordination or apposition is about its first conjunct ("Afghan security forces and government
    facilities", "Fayez al-Sarraj, the prime minister of ..."); the rest is context. When the first
    conjunct says nothing, or names no country, the whole mention is read as one phrase."""
    head = _first_conjunct(tokens, hits)
    whole = compose(text, tokens, hits, date, Clues(tokens, outside))
    if len(head) == len(hits):
        return whole
    rest = [h for h in hits if h not in head]
    first = compose(text, tokens, head, date, Clues(tokens, [*rest, *outside]))
    if first is None or (first.country is None and whole is not None and whole.country is not None):
        return whole
    return first


def _first_conjunct(tokens: Tokens, hits: Sequence[Hit]) -> list[Hit]:
    """The hits before the first comma, "and" or "or" that separates two of them."""
    for position in range(1, len(hits)):
        previous, following = hits[position - 1], hits[position]
        between = tokens.norms[previous.last : following.first]
        if "," in tokens.gap(previous.last - 1, following.first) or "and" in between or "or" in between:
            return list(hits[:position])
    return list(hits)


def _locate(context: str, text: str) -> tuple[int, int] | None:
    start = context.find(text)
    if start < 0:
        start = context.casefold().find(text.casefold())
    return (start, start + len(text)) if start >= 0 else None


def _span(tokens: Tokens, phrase: Sequence[Hit]) -> tuple[int, int]:
    """The characters of a phrase: with a preceding "the", without a final possessive "'s"."""
    first, last = phrase[0].first, phrase[-1].last - 1
    start = tokens.starts[first]
    if first > 0 and tokens.norms[first - 1] == "the" and not tokens.gap(first - 1, first).strip():
        start = tokens.starts[first - 1]
    return start, tokens.stem_end(last)


def _phrases(tokens: Tokens, hits: Sequence[Hit]) -> list[list[Hit]]:
    """Group adjacent hits into noun phrases: "Iran-backed Iraqi militias", "Gen. Ismail Qaani"."""
    phrases: list[list[Hit]] = []
    current: list[Hit] = []
    for hit in hits:
        if current and _joins(tokens, current[-1], hit):
            current.append(hit)
            continue
        if current:
            phrases.append(current)
        current = [hit]
    if current:
        phrases.append(current)
    return [trimmed for phrase in phrases if (trimmed := _trim(phrase))]


def _trim(phrase: list[Hit]) -> list[Hit]:
    """Drop glue at the edges: a leading patron marker, trailing modifiers; keep phrases with content."""
    while phrase and phrase[0].kind == "marker":
        phrase = phrase[1:]
    while phrase and phrase[-1].kind in ("modifier", "stance"):
        phrase = phrase[:-1]
    return phrase if any(hit.kind not in ("marker", "modifier", "stance") for hit in phrase) else []


def _joins(tokens: Tokens, previous: Hit, following: Hit) -> bool:
    if following.first != previous.last or tokens.gap(previous.last - 1, following.first).strip(_CLEAN_GAP):
        return False
    before, after = previous.kind, following.kind
    if before in ("marker", "modifier", "stance") or tokens.possessive[previous.last - 1]:
        return True
    if after == "marker":
        return before in PLACE_KINDS | NAMED_KINDS
    if after in ("modifier", "agent", "stance"):
        return True
    if before == "agent":
        return after in NAMED_KINDS
    if before == "demonym":
        return True
    if before in ("country", "capital", "seat"):
        return after == "organisation"
    return False
