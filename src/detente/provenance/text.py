"""Text features the provenance stage compares: words, stems, shingles, numbers, names, negations.

Everything here is a pure function of a string, cheap enough to run over every sentence of a large
corpus, and deterministic across processes (no salted ``hash``), because fingerprints are stored and
compared across reruns. The word lists live in ``lexicon.tsv`` next to this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache, wraps
from importlib import resources
from typing import Any, TypeVar

from detente.errors import LexiconError

LEXICON_KINDS = frozenset(
    {
        "stopword",
        "framing",
        "negation",
        "negative_predicate",
        "antonym",
        "alias",
        "title",
        "outlet_word",
        "framing_subject",
        "auxiliary",
    }
)
SHINGLE_WORDS = 5  # word 5-grams: long enough that shared shingles mean shared wording, not phrases
# Two spellings of one name ("al-Kadhimi" / "Al-Kazemi", "Mustapha" / "Mustafa") score at least this
# SequenceMatcher ratio; distinct names of similar length rarely do ("Iran" / "Iraq" is 0.75).
NAME_SPELLING_RATIO = 0.76
# "not only ... but (also)" is emphasis, not negation; the "but" must follow within this many words.
NOT_ONLY_WINDOW = 12
# A "not" cancels a negative predicate ("not opposed") when the predicate follows within this many words.
DOUBLE_NEGATION_WINDOW = 3
# Sentence-level results are cached: tracing copies compares each article with several candidates,
# sentence by sentence, and re-stemming the same sentences was half of that time (py-spy, 20k-article
# store). Whole articles are not: caching them too raised the rebuild of a 20k-article store from
# 2.5 to 4.1 GB peak RSS (measured).
CACHED_CHARS = 1_000
CACHED_TEXTS = 1 << 17
T = TypeVar("T")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)
_CASED_TOKEN = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1000000",
    "billion": "1000000000", "dozen": "12", "dozens": "dozens", "hundreds": "hundreds",
    "thousands": "thousands", "millions": "millions",
}  # fmt: skip
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``lexicon.tsv``; ``antonyms`` maps each word to its opposites."""

    stopwords: frozenset[str]
    framing: frozenset[str]
    negations: frozenset[str]
    negative_predicates: frozenset[str]
    antonyms: dict[str, frozenset[str]]
    alias_group: dict[str, str]
    titles: frozenset[str]
    outlet_words: frozenset[str]
    framing_subjects: frozenset[str]
    auxiliaries: frozenset[str]


def parse_lexicon(lines: Sequence[str]) -> Lexicon:
    """Parse ``KIND<TAB>words`` lines; raise LexiconError naming the line on a bad kind or pair."""
    words: dict[str, set[str]] = {kind: set() for kind in LEXICON_KINDS}
    antonyms: dict[str, set[str]] = {}
    alias_group: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, rest = line.rstrip("\n").partition("\t")
        entries = rest.lower().split()
        if kind not in LEXICON_KINDS or not entries:
            raise LexiconError(f"lexicon.tsv line {number}: unknown kind {kind!r} or no words; fix the line")
        if kind == "antonym":
            if len(entries) != 2:
                raise LexiconError(f"lexicon.tsv line {number}: an antonym line needs exactly two words")
            first, second = entries
            antonyms.setdefault(first, set()).add(second)
            antonyms.setdefault(second, set()).add(first)
        elif kind == "alias":
            for entry in entries:
                alias_group[entry] = entries[0]
        words[kind].update(entries)
    return Lexicon(
        stopwords=frozenset(words["stopword"]),
        framing=frozenset(words["framing"]),
        negations=frozenset(words["negation"]),
        negative_predicates=frozenset(words["negative_predicate"]),
        antonyms={word: frozenset(others) for word, others in antonyms.items()},
        alias_group=alias_group,
        titles=frozenset(words["title"]),
        outlet_words=frozenset(words["outlet_word"]),
        framing_subjects=frozenset(words["framing_subject"]),
        auxiliaries=frozenset(words["auxiliary"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, read once (it is immutable data, not state)."""
    text = resources.files("detente.provenance").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines())


def _cached_for_sentences(function: Callable[..., T]) -> Callable[..., T]:
    """``function(text, …)`` memoised for sentence-length texts only (see CACHED_CHARS)."""
    cached = lru_cache(maxsize=CACHED_TEXTS)(function)

    @wraps(function)
    def call(text: str, *args: Any) -> T:
        return cached(text, *args) if len(text) <= CACHED_CHARS else function(text, *args)

    return call


@_cached_for_sentences
def normalise(text: str) -> str:
    """NFKC, straight quotes and dashes, "n't" spelled "not", possessive 's dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"n't\b", " not", text)
    text = re.sub(r"(?:can)not\b", "can not", text)
    return re.sub(r"'s\b", "", text)


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text`` (numbers keep their separators)."""
    return list(_words(text))


@_cached_for_sentences
def _words(text: str) -> tuple[str, ...]:
    return _tokens(normalise(text))


def _tokens(clean: str) -> tuple[str, ...]:
    return tuple(token.lower() for token in _WORD.findall(clean))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix-stripping stem: "accepted", "accepts", "accept" -> "accept"."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.isdigit():
            word = word[: len(word) - len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def content_stems(text: str, *, drop_framing: bool = True) -> list[str]:
    """Stems of the words that carry content: no stopwords, optionally no rewrite framing."""
    return list(_content_stems(text, drop_framing))


@_cached_for_sentences
def _content_stems(text: str, drop_framing: bool) -> tuple[str, ...]:
    return _stems_of(_words(text), drop_framing)


def _stems_of(tokens: Sequence[str], drop_framing: bool) -> tuple[str, ...]:
    lex = lexicon()
    skip = lex.stopwords | lex.framing if drop_framing else lex.stopwords
    return tuple(stem(word) for word in tokens if word not in skip and len(word) > 1)


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """What copy search and story grouping read from a whole article, from one normalisation of it
    (they used to normalise and tokenise each article five times; tracing 1,800 AllSides articles
    with variant copies took 29.0 s that way, 23.3 s this way: medians of three, quiet machine)."""

    stems: tuple[str, ...]  # content stems, rewrite framing dropped (as ``content_stems``)
    story_stems: tuple[str, ...]  # content stems with framing kept
    names: tuple[str, ...]
    numbers: tuple[str, ...]


def article_terms(text: str) -> ArticleTerms:
    clean = normalise(text)
    tokens = _tokens(clean)
    return ArticleTerms(
        _stems_of(tokens, True), _stems_of(tokens, False), tuple(_names(clean)), tuple(_numbers(clean, tokens))
    )


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[str]:
    """Word ``size``-grams of the normalised text (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) < size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def numbers(text: str) -> list[str]:
    """Numbers as written in digits or words, normalised ("1,000" -> "1000", "five" -> "5")."""
    return _numbers(normalise(text), _words(text))


def _numbers(clean: str, tokens: Sequence[str]) -> list[str]:
    found = [match.replace(",", "") for match in _NUMBER.findall(clean)]
    found.extend(_NUMBER_WORDS[word] for word in tokens if word in _NUMBER_WORDS)
    return found


def name_key(token: str) -> str:
    """A comparable form of a name token: lower case, no "al-" prefix, no apostrophes or hyphens."""
    key = token.lower().replace("'", "")
    key = re.sub(r"^(?:al|el|ad|as|ar)-", "", key)
    return key.replace("-", "")


def names(text: str) -> list[str]:
    """Capitalised tokens that look like names (titles and capitalised function words dropped)."""
    return _names(normalise(text))


def _names(clean: str) -> list[str]:
    lex = lexicon()
    found = []
    for token in _CASED_TOKEN.findall(clean):
        if not token[0].isupper():
            continue
        head, _, tail = token.partition("-")
        if tail and tail[0].islower():  # "American-backed" names America, not a new entity
            token = head
        key = name_key(token)
        if key in lex.titles or key in lex.stopwords or len(key) < 2:
            continue
        found.append(token)
    return found


def same_name(first: str, second: str) -> bool:
    """Whether two name tokens denote the same name: equal, aliases, or two spellings of one."""
    a, b = name_key(first), name_key(second)
    if a == b:
        return True
    groups = lexicon().alias_group
    if a in groups and groups.get(a) == groups.get(b):
        return True
    if a[0] != b[0]:
        return False
    skeleton_a, skeleton_b = _consonant_skeleton(a), _consonant_skeleton(b)
    if len(skeleton_a) >= 3 and skeleton_a == skeleton_b:
        return True
    return SequenceMatcher(None, a, b).ratio() >= NAME_SPELLING_RATIO


def _consonant_skeleton(key: str) -> str:
    """Consonants after folding common transliteration variants ("Kadhimi"/"Kazemi", "Mustapha"/"Mustafa")."""
    for variant, folded in _TRANSLITERATIONS:
        key = key.replace(variant, folded)
    return re.sub(r"[aeiouy]", "", key)


_TRANSLITERATIONS = (("dh", "z"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("ou", "u"), ("q", "k"))


def negation_cues(text: str) -> list[str]:
    """Negations that change a claim's polarity, with "not only ... but" and "not opposed" removed.

    Returns the cue phrases as written ("did not accept", "denied"), one per effective negation.
    """
    lex = lexicon()
    tokens = words(text)
    cues: list[str] = []
    cancelled: set[int] = set()
    for i, token in enumerate(tokens):
        if i in cancelled:
            continue
        if token in lex.negations:
            if _is_not_only_but(tokens, i):
                continue
            window = range(i + 1, min(len(tokens), i + 1 + DOUBLE_NEGATION_WINDOW))
            cancel = next((j for j in window if tokens[j] in lex.negative_predicates), None)
            if cancel is not None:
                cancelled.add(cancel)
                continue
            cues.append(_negation_phrase(tokens, i))
        elif token in lex.negative_predicates:
            cues.append(token)
    return cues


def _negation_phrase(tokens: list[str], index: int) -> str:
    """The negation with its auxiliary and the word it negates: "did not accept"."""
    start = index - 1 if index > 0 and tokens[index - 1] in lexicon().auxiliaries else index
    end = index + 2 if index + 1 < len(tokens) else index + 1
    return " ".join(tokens[start:end])


def _is_not_only_but(tokens: list[str], index: int) -> bool:
    """Whether tokens[index] starts "not only/just ... but": emphasis, not negation."""
    if tokens[index] != "not" or index + 1 >= len(tokens) or tokens[index + 1] not in ("only", "just", "merely"):
        return False
    return "but" in tokens[index + 2 : index + 2 + NOT_ONLY_WINDOW]
