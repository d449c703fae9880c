"""The gazetteer: every surface form of every entry, and a longest-match scan over a sentence's tokens.

Surface forms are looked up as normalised token sequences in a dict, keyed first by their opening
token, so a sentence costs one regex pass plus a few dict probes per token: no spaCy, no giant regex.
Normalising lowercases, folds accents and curly apostrophes and strips possessives, so "Tehran’s",
"Tehran's" and "TEHRAN" share a key; letter case is checked afterwards (``_case_ok``) so that "US"
and "Turkey" do not fire on "us" and "turkey".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from detente.actors.schema import Entry

# "U.S." and "U.N." as one token; words with inner apostrophes ("Kata'ib", "Iran's"); hyphens split.
_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = "'’"
ANY_CASE, CAPITALISED = 0, 1  # or the exact spelling the token must have
# All-caps aliases this short collide with words ("US", "IS", "AU"): they must match letter for letter.
EXACT_CASE_MAX_LEN = 3


@lru_cache(maxsize=1 << 16)
def normalise(token: str) -> str:
    """The lookup form of one token: lowercase, no accents, straight apostrophes, no final dot."""
    folded = token.replace("’", "'").lower()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return folded.rstrip(".")


def is_possessive(token: str) -> bool:
    return len(token) > 2 and token[-2] in _APOSTROPHES and token[-1] in "sS"


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's tokens: spans, lookup forms, and whether each is possessive ("Iran's")."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    norms: tuple[str, ...]
    possessive: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> Tokens:
        starts, ends, norms, possessive = [], [], [], []
        for match in _TOKEN.finditer(text):
            raw = match.group()
            owned = is_possessive(raw)
            starts.append(match.start())
            ends.append(match.end())
            norms.append(normalise(raw[:-2] if owned else raw))
            # "the Iranians’ demands": a plural possessive leaves the apostrophe outside the token
            owned = owned or (
                raw[-1:] in "sS"
                and text[match.end() : match.end() + 1] in _APOSTROPHES
                and text[match.end() + 1 : match.end() + 2] in ("", " ")
            )
            possessive.append(owned)
        return cls(text, tuple(starts), tuple(ends), tuple(norms), tuple(possessive))

    def __len__(self) -> int:
        return len(self.starts)

    def raw(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def capitalised(self, index: int) -> bool:
        return self.text[self.starts[index]].isupper()

    def gap(self, left: int, right: int) -> str:
        """The characters between token ``left`` and token ``right``."""
        return self.text[self.ends[left] : self.starts[right]]

    def stem_end(self, index: int) -> int:
        """Where token ``index`` ends without its possessive "'s"."""
        end = self.ends[index]
        return end - 2 if is_possessive(self.raw(index)) else end


@dataclass(frozen=True, slots=True)
class Surface:
    entry: Entry
    case: tuple[int | str, ...] | None  # per-token case rule; None when any case matches


@dataclass(frozen=True, slots=True)
class Hit:
    """Entries found at tokens [first, last) of a text."""

    first: int
    last: int
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


def alias_tokens(alias: str) -> tuple[str, ...]:
    """An alias's raw tokens, without a leading "the" (the scan adds it back to the span)."""
    raws = [m.group() for m in _TOKEN.finditer(alias)]
    if len(raws) > 1 and raws[0].lower() == "the":
        raws = raws[1:]
    return tuple(raws)


def _case_rule(raws: Sequence[str]) -> tuple[int | str, ...] | None:
    rules: list[int | str] = []
    for raw in raws:
        letters = raw.replace(".", "")
        short_caps = letters.isupper() and len(letters) <= EXACT_CASE_MAX_LEN and "." not in raw
        if short_caps or (any(c.isupper() for c in letters[1:]) and not letters.isupper()):
            rules.append(raw)  # "US", "IS"; inner capitals too: "LeT" is not "Let"
        elif raw[0].isupper():
            rules.append(CAPITALISED)
        else:
            rules.append(ANY_CASE)
    return tuple(rules) if any(rules) else None


def _case_ok(tokens: Tokens, first: int, case: tuple[int | str, ...] | None) -> bool:
    if case is None:
        return True
    for offset, rule in enumerate(case):
        raw = tokens.raw(first + offset)
        if rule == CAPITALISED and not raw[0].isupper():
            return False
        if isinstance(rule, str) and (raw[:-2] if is_possessive(raw) else raw) != rule:
            return False
    return True


class Gazetteer:
    """Surface form → entries, built once; user entries replace shipped ones with the same name or alias."""

    def __init__(self, shipped: Sequence[Entry], user: Sequence[Entry] = ()) -> None:
        replaced = {(_family(e.kind), normalise_phrase(e.name)) for e in user if e.kind in _NAMED}
        self.entries: tuple[Entry, ...] = tuple(
            e for e in shipped if (_family(e.kind), normalise_phrase(e.name)) not in replaced
        ) + tuple(user)
        self._index: dict[str, list[Surface]] = {}
        self._lengths: dict[str, set[int]] = {}
        for entry in self.entries[: len(self.entries) - len(user)]:
            self._add(entry, override=False)
        overridden: set[str] = set()
        for entry in user:
            self._add(entry, override=True, overridden=overridden)
        self.first_lengths = {first: tuple(sorted(lengths, reverse=True)) for first, lengths in self._lengths.items()}

    def _add(self, entry: Entry, override: bool, overridden: set[str] | None = None) -> None:
        if entry.kind == "function":
            return  # not actors: read by the resolver's given-name check
        for alias in entry.aliases:
            raws = alias_tokens(alias)
            if not raws:
                continue
            key = _key(raws)
            if override and overridden is not None and key not in overridden:
                overridden.add(key)
                self._index[key] = []  # the user's meaning of this surface replaces the shipped ones
            surfaces = self._index.setdefault(key, [])
            case = _case_rule(raws)
            if not any(s.entry is entry and s.case == case for s in surfaces):  # "Trump", "Trump's"
                surfaces.append(Surface(entry, case))
            self._lengths.setdefault(key.split(" ", 1)[0], set()).add(len(raws))

    def lookup(self, phrase: str) -> tuple[Entry, ...]:
        """Entries whose alias is exactly ``phrase`` (any case): for tests and the CLI."""
        return tuple(s.entry for s in self._index.get(normalise_phrase(phrase), ()))

    def scan(self, tokens: Tokens) -> list[Hit]:
        """Longest-match hits, left to right, non-overlapping."""
        hits: list[Hit] = []
        norms = tokens.norms
        count = len(norms)
        index = 0
        while index < count:
            lengths = self.first_lengths.get(norms[index])
            matched = 0
            if lengths:
                for length in lengths:
                    if index + length > count:
                        continue
                    key = norms[index] if length == 1 else " ".join(norms[index : index + length])
                    surfaces = self._index.get(key)
                    if not surfaces:
                        continue
                    entries = tuple(dict.fromkeys(s.entry for s in surfaces if _case_ok(tokens, index, s.case)))
                    if entries and _inner_tokens_plain(tokens, index, length):
                        hits.append(Hit(index, index + length, entries))
                        matched = length
                        break
            index += matched or 1
        return hits


def _inner_tokens_plain(tokens: Tokens, first: int, length: int) -> bool:
    """A multi-token alias may not straddle punctuation ("Iran, Iraq" is not "Iran Iraq"); a plural
    possessive's apostrophe is not punctuation ("Kurdistan Workers' Party")."""
    return all(
        not tokens.gap(i, i + 1).strip(" -.\u00a0") or (tokens.possessive[i] and not tokens.gap(i, i + 1).strip(_PLAIN))
        for i in range(first, first + length - 1)
    )


_PLAIN = " -.\u00a0'’"


_NAMED = frozenset({"person", "organisation", "country"})


def _family(kind: str) -> str:
    return "named" if kind in ("person", "organisation") else kind


def _key(raws: Sequence[str]) -> str:
    return " ".join(normalise(raw[:-2] if is_possessive(raw) else raw) for raw in raws)


def normalise_phrase(phrase: str) -> str:
    return _key(alias_tokens(phrase))
