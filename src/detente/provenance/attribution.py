"""Who an article credits: "A report published by the New York Times", "according to Reuters", "Source".

A credit is only taken for a name that looks like a news outlet (it holds an outlet word such as
"Times", "Reuters", "Agency", or equals the outlet of another article in the input), so "according to
people familiar with the policy" and "Alissa J. Rubin reported from Baghdad" are not credits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from detente.provenance.text import lexicon, normalise
from detente.records import Article

# A credited name: optional "the", then capitalised words, allowing "of", "&" and hyphens inside.
_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'&.-]*(?:\s+(?:of\s+|&\s+|al-)?[A-Z][\w'&.-]*){0,5})"
# Each pattern with its strength: how surely it means "this article repeats that outlet's report".
_STRONG = 1.0
_MEDIUM = 0.7
_WEAK = 0.4
_PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (
        re.compile(r"(?:report|article|story|investigation)\s+(?:was\s+)?published\s+(?:by|in)\s+" + _NAME),
        _STRONG,
    ),
    (re.compile(r"(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on)\s+" + _NAME), _STRONG),
    (re.compile(r"(?:^|\n)\s*(?:Source|Sources|Via|Credit)\s*[:\-]\s*" + _NAME), _STRONG),
    (re.compile(r"^[^\n]{0,60}?\(\s*" + _NAME + r"\s*\)\s*[-—–]"), _STRONG),  # "BAGHDAD (Reuters) —"
    (re.compile(r"(?:according to|cited by|reported by|quoted by)\s+" + _NAME), _MEDIUM),
    (re.compile(_NAME + r"\s+(?:reported|reports|revealed|said in a report|wrote)(?!\s+from)\b"), _WEAK),
)
_CLOSING_SOURCE = re.compile(r"\bSources?\s*[.:]?\s*$")
# Credits in the lead or the closing lines mean the whole article leans on that outlet.
LEAD_CHARS = 600
CLOSING_CHARS = 300


@dataclass(frozen=True, slots=True)
class Credit:
    """One credit found in an article: the name as written, where it is, and how strong the cue is."""

    name: str
    start: int
    strength: float
    prominent: bool  # in the lead, in the closing lines, or after a closing "Source"


class KnownOutlets:
    """The outlets of the input, keyed once: whether a credited name matches one of them is asked for
    every credit of every article, and comparing against each outlet afresh grew with the input."""

    def __init__(self, outlets: Iterable[str] = ()) -> None:
        self._keys = [key for key in map(_outlet_key, outlets) if key]
        self._keyset = set(self._keys)
        self._unspaced = {key.replace(" ", "") for key in self._keys}
        self._acronyms = {_acronym(key) for key in self._keys} - {""}
        self._answers: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` denotes one of the outlets: the same name once "the", case and punctuation
        are set aside, one's acronym ("NYT"), or a run of whole words of the other ("Fox" in "Fox News")."""
        if not isinstance(name, str):
            return False
        answer = self._answers.get(name)
        if answer is None:
            answer = self._answers[name] = self._match(_outlet_key(name))
        return answer

    def _match(self, key: str) -> bool:
        if not key:
            return False
        if key in self._keyset or _acronym(key) in self._unspaced or key.replace(" ", "") in self._acronyms:
            return True
        for other in self._keys:
            shorter, longer = (key, other) if len(key) <= len(other) else (other, key)
            if len(shorter) >= 4 and shorter in longer and re.search(rf"\b{re.escape(shorter)}\b", longer):
                return True
        return False


def find_attribution(article: Article, known_outlets: Iterable[str] = ()) -> str | None:
    """The outlet or agency ``article`` credits, as written ("the New York Times"), or None."""
    credit = best_credit(article, known_outlets)
    return credit.name if credit else None


def best_credit(article: Article, known_outlets: KnownOutlets | Iterable[str] = ()) -> Credit | None:
    """The strongest credit in ``article``; ties go to the earliest, and a closing "Source" wins."""
    known = known_outlets if isinstance(known_outlets, KnownOutlets) else KnownOutlets(known_outlets)
    credits = find_credits(article.text, known, own_outlet=article.outlet)
    if not credits:
        return None
    return max(credits, key=lambda c: (c.prominent, c.strength, -c.start))


def find_credits(text: str, known_outlets: KnownOutlets | None = None, own_outlet: str | None = None) -> list[Credit]:
    """Every credit to an outlet-like name in ``text`` (never the article's own outlet)."""
    text = normalise(text)
    known = known_outlets if known_outlets is not None else KnownOutlets()
    credits: list[Credit] = []
    closing_source = bool(_CLOSING_SOURCE.search(text[-CLOSING_CHARS:]))
    for pattern, strength in _PATTERNS:
        for match in pattern.finditer(text):
            name = _trim_name(match.group("name"))
            # An explicit credit ("Source: X", "published by X") needs no outlet-like name.
            if not name or (strength < _STRONG and not _looks_like_outlet(name, known)):
                continue
            if own_outlet and outlets_match(name, own_outlet):
                continue
            start = match.start("name")
            closing = start >= len(text) - CLOSING_CHARS
            prominent = start < LEAD_CHARS or closing or strength == _STRONG
            boost = _STRONG if closing and closing_source else strength
            credits.append(Credit(name, start, boost, prominent))
    return credits


def outlets_match(credited: str, outlet: str) -> bool:
    """Whether a credited name denotes ``outlet``: "The New York Times" ~ "New York Times" ~ "NYT"."""
    return credited in KnownOutlets([outlet])


def framing_sentences(sentences: Iterable[str], credited: str | None) -> int:
    """How many sentences wrap a claim in the credit ("the newspaper points out", "according to X")."""
    lex = lexicon()
    subjects = "|".join(sorted(lex.framing_subjects))
    framing = re.compile(rf"\b(?:the|this)\s+(?:{subjects})\b|\baccording to\b", re.IGNORECASE)
    count = 0
    for sentence in sentences:
        if framing.search(sentence) or (credited and credited.lower() in sentence.lower()):
            count += 1
    return count


def _trim_name(name: str) -> str:
    name = name.strip().rstrip(".,;:'")
    # Drop a trailing sentence-initial word swallowed by the name pattern ("Times. Source").
    return re.split(r"\.\s", name)[0].strip()


def _looks_like_outlet(name: str, known: KnownOutlets) -> bool:
    key_words = set(re.split(r"[\s-]+", _outlet_key(name)))
    return bool(key_words & lexicon().outlet_words) or name in known


def _outlet_key(name: str) -> str:
    key = normalise(name).lower().replace(".", "")
    key = re.sub(r"[^\w\s-]", " ", key)
    key = re.sub(r"^\s*the\s+", "", key)
    return " ".join(key.split())


def _acronym(key: str) -> str:
    parts = [part for part in re.split(r"[\s-]+", key) if part and part not in ("of", "and", "the")]
    return "".join(part[0] for part in parts) if len(parts) > 1 else ""
