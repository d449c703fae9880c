"""The actor data schema: typed gazetteer entries and the checks that build them from YAML/CSV rows.

Every data file (shipped or the user's) is a mapping of *sections* to lists of entries:

    countries      one per state: code, name, aliases, demonyms, capital, seats {SECTOR: [names]}
    people         name, aliases, country, offices [{title, country?, sector, start, end, patron?}], died?
    organisations  name, aliases, country, sector, patron?, start?, end?, default_country?
    agents         {sector, nouns, weak?, patron_cue?}: generic role nouns ("militias" → REB)
    patron_markers words that make the preceding country a patron ("Iran-*backed*")
    modifiers      {word: sector-or-null}: words allowed inside a phrase ("former" → ELI, "elite")
    stance_prefixes words that make the next place a stance, not a home ("pro-American")
    function_words capitalised at a sentence start, these are not given names ("Yesterday Jordan said")

``data/README.md`` documents each field. A row that breaks the schema raises ``ActorDataError`` naming
the file, the entry and the fix; nothing half-loads.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from detente.errors import DetenteError

Kind = Literal[
    "country",
    "demonym",
    "capital",
    "seat",
    "organisation",
    "person",
    "agent",
    "marker",
    "modifier",
    "function",
    "stance",
]

# PLOVER v2 sector codes (plover_manual_v2_draft.tex, "Sector Codes") plus CAMEO's IGO, NGO and HLH, with
# one deliberate departure: media is CAMEO's MED and health CAMEO's HLH. The team contract (Actor.sector)
# lists CAMEO codes, and its users read MED as media; PLOVER v2 swapped the two (JRN media, MED health),
# so a PLOVER-style JRN in a user file is read as MED rather than rejected (see data/README.md).
SECTORS = frozenset(
    {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM"}
    | {"CVL", "EDU", "ELI", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO", "HLH"}
)
SECTOR_SYNONYMS = {"JRN": "MED"}  # PLOVER's media code → the contract's
# PLOVER's international non-state "country" codes, and Kosovo's PLOVER code (it has no ISO code).
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_CODE = re.compile(r"^[A-Z]{3}$")


class ActorDataError(DetenteError):
    """A shipped or user actor data file breaks the schema; the message names file, entry and fix."""


@dataclass(frozen=True, slots=True)
class Role:
    """What an entry stands for while it holds: a country, a sector, maybe a patron and an office."""

    country: str | None
    sector: str | None
    patron: str | None = None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Homonym:
    """Another thing with the same name, chosen when one of ``cues`` is in the context."""

    country: str | None
    sector: str | None
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One named thing of the gazetteer and the surface forms it is written with."""

    kind: Kind
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    country: str | None = None  # a person's country when out of office
    sector: str | None = None  # a person's sector out of office, a modifier's forced sector
    died: dt.date | None = None
    weak: bool = False  # an agent noun that yields to a stronger one ("military *officials*")
    patron_cue: bool = False  # "proxy": the phrase's country is a patron, not the home
    default_country: bool = False  # "the Supreme Court": USA unless the phrase names another country
    ambiguous: bool = False  # also a given name or surname ("Jordan", "Chad", "Paris")
    homonyms: tuple[Homonym, ...] = ()
    origin: str = ""  # "file, entry" for messages


class Fields:
    """Reads one raw entry, recording which keys were used so typos can be reported with a suggestion."""

    def __init__(self, raw: object, where: str, allowed: Sequence[str]) -> None:
        if not isinstance(raw, Mapping):
            raise ActorDataError(
                f"{where}: expected a mapping of fields, got {type(raw).__name__}; "
                "write it as 'key: value' lines (see actors/data/README.md)"
            )
        self.raw: Mapping[str, Any] = raw
        self.where = where
        unknown = [str(key) for key in raw if key not in allowed]
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
            raise ActorDataError(f"{where}: unknown field '{key}'; {hint}")

    def fail(self, key: str, problem: str, fix: str) -> ActorDataError:
        return ActorDataError(f"{self.where}: field '{key}' {problem}; {fix}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(key, "is missing", f"add '{key}: ...'")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(key, f"is {type(value).__name__}", "write it as a plain string")
        return str(value).strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "is not a list of non-empty strings", f"write '{key}: [name, other name]'")
        return tuple(v.strip() for v in value)

    def code(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not _CODE.match(value):
            raise self.fail(
                key,
                f"is '{value}', not a 3-letter code",
                "use an ISO 3166-1 alpha-3 code (IRN) or IGO, UNO, EUR, NGO, ISM, IMG, MNC",
            )
        return value

    def sector(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        value = SECTOR_SYNONYMS.get(value, value) if value is not None else None
        if value is not None and value not in SECTORS:
            close = difflib.get_close_matches(value, sorted(SECTORS), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise self.fail(
                key,
                f"is '{value}', not a known sector code",
                f"{hint}use one of {', '.join(sorted(SECTORS))}",
            )
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise self.fail(key, f"is '{value}', not a date", "write an ISO date like 2020-01-03") from None

    def flag(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"is '{value}'", "write true or false")
        return value


def entry_label(section: str, index: int, raw: object) -> str:
    """How messages point at an entry: "people[12] 'Qassem Soleimani'"."""
    name = (raw.get("name") or raw.get("code") or raw.get("sector")) if isinstance(raw, Mapping) else None
    return f"{section}[{index}]" + (f" '{name}'" if name else "")


def check_window(fields: Fields, start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise fields.fail("end", f"({end}) is before start ({start})", "swap them or fix the dates")


def parse_role(raw: object, where: str, home: str | None) -> Role:
    fields = Fields(raw, where, ("title", "country", "sector", "patron", "start", "end"))
    role = Role(
        country=fields.code("country") or home,
        sector=fields.sector("sector", required=True),
        patron=fields.code("patron"),
        title=fields.text("title"),
        start=fields.date("start"),
        end=fields.date("end"),
    )
    check_window(fields, role.start, role.end)
    if role.country is None:
        raise fields.fail("country", "is missing and the person has none", "add 'country: XXX'")
    return role


def parse_homonyms(fields: Fields) -> tuple[Homonym, ...]:
    raw = fields.raw.get("homonyms") or []
    if not isinstance(raw, list):
        raise fields.fail("homonyms", "is not a list", "write '- {country: USA, cues: [Atlanta]}' items")
    homonyms = []
    for index, item in enumerate(raw):
        sub = Fields(item, f"{fields.where}, homonyms[{index}]", ("country", "sector", "cues"))
        cues = sub.texts("cues")
        if not cues:
            raise sub.fail("cues", "is empty", "list the context words that signal this homonym")
        homonyms.append(Homonym(sub.code("country"), sub.sector("sector"), cues))
    return tuple(homonyms)
