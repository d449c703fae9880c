"""Turn the gazetteer hits of one noun phrase into an ``Actor``.

The head decides: a person (their office on the date), else an organisation, else a generic role noun
("militias", "foreign minister") whose country comes from a possessive, adjective or compound in the
phrase ("Iran's", "Iraqi", "U.S."). A country directly before a patron marker ("Iran-backed") or in a
phrase about proxies is the patron, not the home. What the phrase leaves out may come from the rest of
the sentence (``Clues``): the country it is set in, and the cues that pick a homonym.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from detente.actors.gazetteer import Hit, Tokens, normalise_phrase
from detente.actors.schema import Entry, Role
from detente.records import Actor

PLACE_KINDS = frozenset({"country", "capital", "seat", "demonym"})
NAMED_KINDS = frozenset({"person", "organisation"})
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
LOCATIVE_WORDS = frozenset({"in", "inside", "across", "throughout", "within"})
# Whose holders become elites (ELI) when they leave office (PLOVER: "former government officials").
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO"})

# Hand-set confidences (not yet calibrated on labelled data): how sure a reading of this kind usually is.
CONFIDENCE = {
    "person": 0.9,
    "organisation": 0.9,
    "country": 0.9,
    "seat": 0.85,
    "capital": 0.75,
    "demonym": 0.7,
    "agent+country": 0.8,
    "agent": 0.4,
    "patron": 0.5,
}
CONTEXT_PENALTY = 0.2  # a country taken from the rest of the sentence, not the phrase
AMBIGUOUS_CHOICE = 0.6  # several entries share the alias and none is singled out by the date


class Clues:
    """The rest of the sentence: where it is set, and its words (for homonym cues). Computed lazily."""

    def __init__(self, tokens: Tokens, hits: Sequence[Hit]) -> None:
        self._tokens = tokens
        self._hits = hits
        self._setting: str | bool | None = False  # False: not computed yet
        self._sponsor: str | bool | None = False
        self._words: str | None = None

    def has_cue(self, cue: str) -> bool:
        if self._words is None:
            self._words = f" {' '.join(self._tokens.norms)} "
        return f" {normalise_phrase(cue)} " in self._words

    @property
    def setting(self) -> str | None:
        """The one country the sentence is about ("in Baghdad" wins), or None when it names several."""
        if self._setting is False:
            self._setting = _setting(self._tokens, self._hits, self)
        assert self._setting is not True
        return self._setting

    @property
    def sponsor(self) -> str | None:
        """The one country the sentence names outside a place phrase: who runs "its proxy militias"."""
        if self._sponsor is False:
            _, named, backers = _countries(self._tokens, self._hits, self)
            sponsors = backers or named
            self._sponsor = sponsors.pop() if len(sponsors) == 1 else None
        assert self._sponsor is not True
        return self._sponsor


def _countries(tokens: Tokens, hits: Sequence[Hit], clues: Clues) -> tuple[list[str], set[str], set[str]]:
    """(countries the sentence places things in, the other countries it names, the ones it says back
    someone: "the rebels are backed by Iran" is not set in Iran)."""
    located: list[str] = []
    named: set[str] = set()
    backers: set[str] = set()
    for position, hit in enumerate(hits):
        entry = hit.entries[0]
        if entry.kind not in PLACE_KINDS | NAMED_KINDS:
            continue
        role = place_role(entry, clues) if entry.kind in PLACE_KINDS else role_at(entry, None)
        if role is None or role.country is None or role.country in NON_STATE:
            continue
        previous = hits[position - 1] if position else None
        if (
            previous is not None
            and previous.kind == "marker"
            and previous.last == hit.first - 1
            and tokens.norms[hit.first - 1] == "by"
        ):
            backers.add(role.country)
            continue
        if hit.first > 0 and tokens.norms[hit.first - 1] in LOCATIVE_WORDS and entry.kind in PLACE_KINDS:
            located.append(role.country)
        else:
            named.add(role.country)
    return located, named, backers


def _setting(tokens: Tokens, hits: Sequence[Hit], clues: Clues) -> str | None:
    located, named, _ = _countries(tokens, hits, clues)
    named |= set(located)
    if len(set(located)) == 1:
        return located[0]
    return named.pop() if len(named) == 1 else None


def place_role(entry: Entry, clues: Clues | None) -> Role:
    """A place's role, or its homonym's when the sentence has one of its cues (Georgia + Atlanta)."""
    if clues is not None:
        for homonym in entry.homonyms:
            if any(clues.has_cue(cue) for cue in homonym.cues):
                return Role(homonym.country, homonym.sector if entry.kind != "demonym" else None)
    return entry.roles[0]


def role_at(entry: Entry, date: dt.date | None) -> Role | None:
    """The role an entry holds on ``date``; the most recent one when no date is given.

    A person out of office is an ex-official (ELI) of their last office's country, never GOV; before any
    office they are their home country with their own sector. The dead keep their last office: news
    about Soleimani after 2020-01-03 is about the Quds Force commander.
    """
    if not entry.roles:
        return Role(entry.country, entry.sector) if entry.country or entry.sector else None
    latest = max(entry.roles, key=lambda role: role.start or dt.date.min)
    if date is None:
        return latest
    for role in entry.roles:  # data order is precedence among concurrent offices
        if role.holds_on(date):
            return role
    if entry.kind != "person":
        return latest
    if entry.died is not None and date >= entry.died:
        return max(entry.roles, key=lambda role: role.end or dt.date.max)
    past = [role for role in entry.roles if role.end is not None and role.end <= date]
    if past:
        last = max(past, key=lambda role: role.end or dt.date.min)
        return Role(last.country, "ELI")
    return Role(entry.country, entry.sector)


def choose(entries: Sequence[Entry], date: dt.date | None, roles: frozenset[str] = frozenset()) -> tuple[Entry, float]:
    """Of several entries sharing an alias, the one holding a role on the date; without a date, the one
    whose sector the phrase's role nouns name ("Taliban *militants*" are the insurgency, not the
    government), else the most recent."""
    if len(entries) == 1:
        return entries[0], 1.0
    holding = [e for e in entries if date is not None and any(r.holds_on(date) for r in e.roles)]
    if len(holding) == 1:
        return holding[0], 1.0
    candidates = holding or list(entries)
    agreeing = [e for e in candidates if any(r.sector in roles for r in e.roles)]
    if len(agreeing) == 1:
        return agreeing[0], AMBIGUOUS_CHOICE
    best = max(candidates, key=lambda e: max((r.start or dt.date.min for r in e.roles), default=dt.date.min))
    return best, AMBIGUOUS_CHOICE


def compose(text: str, tokens: Tokens, hits: Sequence[Hit], date: dt.date | None, clues: Clues | None) -> Actor | None:
    roles = frozenset(
        hit.entries[0].roles[0].sector or ""
        for hit in hits
        if hit.kind == "agent" and not hit.entries[0].weak and hit.entries[0].roles
    )
    chosen = [(*choose(hit.entries, date, roles), hit) for hit in hits]
    kinds = [entry.kind for entry, _, _ in chosen]
    patron: str | None = None
    homes: list[tuple[Role, str]] = []
    agents: list[Entry] = []
    head: tuple[Entry, float] | None = None
    owner: Entry | None = None
    forced_sector: str | None = None
    for position, (entry, certainty, hit) in enumerate(chosen):
        if entry.kind == "modifier":
            forced_sector = entry.sector or forced_sector
        elif entry.kind in PLACE_KINDS:
            if kinds[position - 1 : position] == ["stance"]:
                continue  # "pro-American": what the actor favours, not where it is from
            role = place_role(entry, clues)
            if "marker" in kinds[position + 1 : position + 2]:
                patron = patron or role.country
            else:
                homes.append((role, entry.kind))
        elif entry.kind == "agent":
            agents.append(entry)
        elif entry.kind in NAMED_KINDS:
            if "marker" in kinds[position + 1 : position + 2]:
                backer = role_at(entry, date)  # "the U.N.-backed government"
                patron = patron or (backer.country if backer else None)
            elif "agent" in kinds[position + 1 :] and (
                entry.kind == "person" or tokens.possessive[hit.last - 1] or _is_body_of_states(entry)
            ):
                owner = entry  # "Iran's ... minister", "the Trump administration"
            else:
                head = (entry, certainty)
    if patron is None and homes and any(a.patron_cue for a in agents):
        patron = homes.pop()[0].country  # "Iranian proxy militias", "Iran's proxies"
    if head is not None:
        return _named(text, head, homes, patron, forced_sector, date)
    if owner is not None and _is_body_of_states(owner):
        return _member_of_body(text, owner, homes, agents, patron, forced_sector, clues)
    if owner is not None:
        owned = role_at(owner, date)
        if owned is not None and owner.kind == "organisation":
            return Actor(text, owned.country, owned.sector, None, owned.patron or patron, CONFIDENCE["organisation"])
        homes.insert(0, (owned or Role(owner.country, None), "person"))
    return _generic(text, homes, agents, patron, forced_sector, clues)


def _forced(forced_sector: str, sector: str | None) -> str:
    """A modifier's sector, except that "former" (ELI) makes ex-officials only: "former promoters" of a
    company are still business, "former rebels" still rebels."""
    if forced_sector == "ELI" and sector is not None and sector not in OFFICIAL_SECTORS:
        return sector
    return forced_sector


def _is_body_of_states(entry: Entry) -> bool:
    return entry.kind == "organisation" and any(role.sector == "IGO" for role in entry.roles)


def _member_of_body(
    text: str,
    body: Entry,
    homes: list[tuple[Role, str]],
    agents: list[Entry],
    patron: str | None,
    forced_sector: str | None,
    clues: Clues | None,
) -> Actor | None:
    """A role noun after an intergovernmental body: a state's envoy to it when the phrase names the
    state ("U.S. deputy UN ambassador"), else the body's own staff; troops, companies or police keep
    their sector ("UN peacekeepers" UNO MIL, "EU-based airlines" EUR BUS)."""
    if any(role.country and role.country not in NON_STATE for role, _ in homes):
        return _generic(text, homes, agents, patron, forced_sector, clues)
    role = body.roles[0]
    specific = [a.roles[0].sector for a in agents if not a.weak and a.roles[0].sector not in (None, "GOV", "PTY")]
    sector = forced_sector or (specific[-1] if specific else role.sector)
    return Actor(text, role.country, sector, None, role.patron or patron, CONFIDENCE["organisation"])


def _named(
    text: str,
    head: tuple[Entry, float],
    homes: list[tuple[Role, str]],
    patron: str | None,
    forced_sector: str | None,
    date: dt.date | None,
) -> Actor | None:
    entry, certainty = head
    role = role_at(entry, date)
    if role is None:
        return None
    country, sector = role.country, role.sector
    if entry.default_country and homes and homes[0][0].country:
        country = homes[0][0].country  # "Iraq's Supreme Court", "Pakistan's Senate"
    if entry.kind == "person" and forced_sector and sector is not None:
        sector = _forced(forced_sector, sector)  # "former President Obama"
    confidence = CONFIDENCE[entry.kind] * certainty
    return Actor(text, country, sector, entry.name, role.patron or patron, round(confidence, 3))


def _generic(
    text: str,
    homes: list[tuple[Role, str]],
    agents: list[Entry],
    patron: str | None,
    forced_sector: str | None,
    clues: Clues | None,
) -> Actor | None:
    country = homes[0][0].country if homes else None
    strong = [a.roles[0].sector for a in agents if not a.weak and a.roles[0].sector]
    weak = [a.roles[0].sector for a in agents if a.weak and a.roles[0].sector]
    placed = [role.sector for role, _ in homes if role.sector]
    sector = next((found[-1] for found in (strong, placed, weak) if found), None)
    if forced_sector and (agents or sector):
        sector = _forced(forced_sector, sector)  # "former officials"
    if not agents:
        kind = homes[0][1] if homes else "patron"
        confidence = CONFIDENCE.get(kind, CONFIDENCE["country"])
    else:
        confidence = CONFIDENCE["agent+country" if country else "agent"]
    if not homes and patron is None and not any(a.roles[0].sector for a in agents):
        return None  # a bare honorific ("Mr") says nothing
    if country is None and clues is not None and patron is None and any(a.patron_cue for a in agents):
        patron = clues.sponsor  # "Iran has called off its proxy militias"
    elif country is None and clues is not None and (agents or patron) and clues.setting not in (None, patron):
        country = clues.setting  # "protesters" in a sentence set in Baghdad
        confidence -= CONTEXT_PENALTY
    if country is None and sector is None and patron is None:
        return None
    return Actor(text, country, sector, None, patron, round(confidence, 3))
