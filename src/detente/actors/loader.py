"""Read the shipped actor data and the user's YAML/CSV files into checked ``Entry`` records.

The shipped files are read first and the user's after, in the order given; the gazetteer lets a later
entry override an earlier one (see ``gazetteer.Gazetteer``). Country codes are checked once everything
is read, so a user file may add a country and use it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from detente.actors.schema import (
    NON_STATE_CODES,
    ActorDataError,
    Entry,
    Fields,
    Kind,
    Role,
    check_window,
    entry_label,
    parse_homonyms,
    parse_role,
)

SHIPPED_DATA = Path(__file__).parent / "data"
SHIPPED_FILES = (
    "countries.yaml",
    "organisations.yaml",
    "people.yaml",
    "people_world.yaml",
    "people_leaders.yaml",
    "agents.yaml",
)
_TIMESTAMP, _BOOL = "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"
SECTIONS = (
    "countries",
    "people",
    "organisations",
    "agents",
    "patron_markers",
    "modifiers",
    "function_words",
    "stance_prefixes",
)
_WORD_LISTS: dict[str, Kind] = {
    "patron_markers": "marker",
    "function_words": "function",
    "stance_prefixes": "stance",
}


# libyaml's C loader parses the shipped data ~10x faster than the pure-Python one (measured: the
# resolver loaded in ~2 s instead of ~18 s on a busy 2-core machine); the resolvers below are the same.
_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc,valid-type]
    """YAML without surprises: dates stay strings (checked by ``Fields.date`` with a clear message) and
    only true/false are booleans, so "no" (Norway) and "on" stay words."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

CSV_COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "patron", "kind")


def load_entries(extra_files: Sequence[Path] = ()) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    """(shipped entries, user entries), all checked; raises ``ActorDataError`` on the first problem."""
    shipped = [entry for name in SHIPPED_FILES for entry in read_file(SHIPPED_DATA / name)]
    user = [entry for path in extra_files for entry in read_file(Path(path))]
    check_codes(shipped + user)
    return tuple(shipped), tuple(user)


def read_file(path: Path) -> list[Entry]:
    if not path.is_file():
        raise ActorDataError(f"actor file {path}: not found; check the path (actor files are .yaml or .csv)")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return list(_yaml_entries(path))
    if suffix == ".csv":
        return list(_csv_entries(path))
    raise ActorDataError(f"actor file {path}: unknown type '{suffix}'; use .yaml, .yml or .csv")


def _yaml_entries(path: Path) -> Iterator[Entry]:
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ActorDataError(f"actor file {path}:{line} is not valid YAML ({exc}); fix the syntax") from None
    except UnicodeDecodeError:
        raise ActorDataError(f"actor file {path}: not UTF-8 text; save it as UTF-8") from None
    if document is None:
        return
    if not isinstance(document, Mapping):
        raise ActorDataError(f"actor file {path}: expected sections ({', '.join(SECTIONS)}) at the top level")
    for section, items in document.items():
        if section not in SECTIONS:
            raise ActorDataError(f"actor file {path}: unknown section '{section}'; use {', '.join(SECTIONS)}")
        yield from _section(path, str(section), items)


def _section(path: Path, section: str, items: Any) -> Iterator[Entry]:
    if section in _WORD_LISTS:
        fields = Fields({"words": items}, f"{path}, {section}", ("words",))
        kind: Kind = _WORD_LISTS[section]
        yield Entry(kind, section, fields.texts("words"), origin=fields.where)
        return
    if section == "modifiers":
        if not isinstance(items, Mapping):
            raise ActorDataError(f"{path}, modifiers: expected 'word: SECTOR' lines (null for no sector)")
        for word, sector in items.items():
            fields = Fields({"sector": sector}, f"{path}, modifiers '{word}'", ("sector",))
            yield Entry("modifier", str(word), (str(word),), sector=fields.sector("sector"), origin=fields.where)
        return
    if not isinstance(items, list):
        raise ActorDataError(f"{path}, {section}: expected a list of entries ('- name: ...')")
    parse = {"countries": _country, "people": _person, "organisations": _organisation, "agents": _agent}
    for index, raw in enumerate(items):
        yield from parse[section](raw, f"{path}, {entry_label(section, index, raw)}")


def _split_ambiguous(entry: Entry, ambiguous: Sequence[str]) -> Iterator[Entry]:
    """Aliases that are also given names or surnames go into their own entry, checked against neighbours."""
    plain = tuple(alias for alias in entry.aliases if alias not in ambiguous)
    risky = tuple(alias for alias in entry.aliases if alias in ambiguous)
    if plain:
        yield Entry(**{**_fields_of(entry), "aliases": plain})
    if risky:
        yield Entry(**{**_fields_of(entry), "aliases": risky, "ambiguous": True})


def _fields_of(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in Entry.__slots__}


def _country(raw: object, where: str) -> Iterator[Entry]:
    fields = Fields(raw, where, ("code", "name", "aliases", "demonyms", "capital", "seats", "ambiguous", "homonyms"))
    code = fields.code("code", required=True)
    name = fields.text("name", required=True)
    assert code is not None and name is not None
    ambiguous = fields.texts("ambiguous")
    homonyms = parse_homonyms(fields)
    country = Role(code, None)
    entries = [
        Entry("country", name, (name, *fields.texts("aliases")), (country,), homonyms=homonyms, origin=where),
        Entry("demonym", name, fields.texts("demonyms"), (country,), homonyms=homonyms, origin=where),
        Entry("capital", name, fields.texts("capital"), (Role(code, "GOV"),), origin=where),
    ]
    seats = fields.raw.get("seats") or {}
    if not isinstance(seats, Mapping):
        raise fields.fail("seats", "is not a mapping", "write 'seats: {GOV: [the White House], MIL: [...]}'")
    for sector, names in seats.items():
        sub = Fields({"sector": sector, "names": names}, f"{where}, seats", ("sector", "names"))
        entries.append(Entry("seat", name, sub.texts("names"), (Role(code, sub.sector("sector")),), origin=where))
    for entry in entries:
        if entry.aliases:
            yield from _split_ambiguous(entry, ambiguous)


def _person(raw: object, where: str) -> Iterator[Entry]:
    fields = Fields(raw, where, ("name", "aliases", "country", "sector", "died", "offices", "ambiguous", "note"))
    name = fields.text("name", required=True)
    assert name is not None
    home = fields.code("country", required=True)
    offices = fields.raw.get("offices") or []
    if not isinstance(offices, list):
        raise fields.fail("offices", "is not a list", "write '- {title: ..., sector: GOV, start: ..., end: ...}'")
    roles = tuple(parse_role(office, f"{where}, offices[{i}]", home) for i, office in enumerate(offices))
    entry = Entry(
        "person",
        name,
        (name, *fields.texts("aliases")),
        roles,
        country=home,
        sector=fields.sector("sector"),
        died=fields.date("died"),
        origin=where,
    )
    yield from _split_ambiguous(entry, fields.texts("ambiguous"))


def _organisation(raw: object, where: str) -> Iterator[Entry]:
    fields = Fields(
        raw,
        where,
        (
            "name",
            "aliases",
            "country",
            "sector",
            "patron",
            "start",
            "end",
            "default_country",
            "ambiguous",
            "note",
        ),
    )
    name = fields.text("name", required=True)
    assert name is not None
    role = Role(
        fields.code("country", required=True),
        fields.sector("sector", required=True),
        fields.code("patron"),
        None,
        fields.date("start"),
        fields.date("end"),
    )
    check_window(fields, role.start, role.end)
    entry = Entry(
        "organisation",
        name,
        (name, *fields.texts("aliases")),
        (role,),
        default_country=fields.flag("default_country"),
        origin=where,
    )
    yield from _split_ambiguous(entry, fields.texts("ambiguous"))


def _agent(raw: object, where: str) -> Iterator[Entry]:
    fields = Fields(raw, where, ("sector", "nouns", "weak", "patron_cue"))
    if "sector" not in fields.raw:
        raise fields.fail("sector", "is missing", "add 'sector: XXX' (or 'sector: null' for honorifics)")
    nouns = fields.texts("nouns")
    if not nouns:
        raise fields.fail("nouns", "is empty", "list the role nouns, e.g. 'nouns: [militia, militias]'")
    yield Entry(
        "agent",
        nouns[0],
        nouns,
        (Role(None, fields.sector("sector")),),
        weak=fields.flag("weak"),
        patron_cue=fields.flag("patron_cue"),
        origin=where,
    )


def _csv_entries(path: Path) -> Iterator[Entry]:
    """One row per role; rows sharing a name are one person or organisation with several roles."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = rows[0].keys() if rows else ()
    except UnicodeDecodeError:
        raise ActorDataError(f"actor file {path}: not UTF-8 text; save it as UTF-8") from None
    for column in header:
        if column not in CSV_COLUMNS:
            raise ActorDataError(f"actor file {path}: unknown column '{column}'; use {', '.join(CSV_COLUMNS)}")
    grouped: dict[str, list[tuple[Fields, Role]]] = {}
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        fields = Fields(row, f"{path}, row {number} '{row.get('name') or ''}'", CSV_COLUMNS)
        name = fields.text("name", required=True)
        assert name is not None
        if not row.get("country") and not row.get("sector"):
            raise fields.fail("country", "and 'sector' are both empty", "give at least one of them")
        role = Role(
            fields.code("country"),
            fields.sector("sector"),
            fields.code("patron"),
            None,
            fields.date("start"),
            fields.date("end"),
        )
        check_window(fields, role.start, role.end)
        row_kind = fields.text("kind")
        if row_kind not in (None, "person", "organisation"):
            raise fields.fail("kind", f"is '{row_kind}'", "write person or organisation (or leave it empty)")
        grouped.setdefault(name, []).append((fields, role))
    for name, rows_of_name in grouped.items():
        first = rows_of_name[0][0]
        aliases = tuple(a.strip() for f, _ in rows_of_name for a in (f.text("aliases") or "").split("|") if a.strip())
        roles = tuple(role for _, role in rows_of_name)
        dated = any(role.start or role.end for role in roles)
        kind: Kind = (
            "person" if (first.text("kind") or ("person" if dated else "organisation")) == "person" else "organisation"
        )
        yield Entry(
            kind,
            name,
            tuple(dict.fromkeys((name, *aliases))),
            roles,
            country=next((r.country for r in roles if r.country), None),
            origin=first.where,
        )


def check_codes(entries: Sequence[Entry]) -> None:
    """Every country and patron code must be a known country or one of PLOVER's non-state codes."""
    known = NON_STATE_CODES | {role.country for e in entries if e.kind == "country" for role in e.roles if role.country}
    for entry in entries:
        codes = [entry.country] + [c for role in entry.roles for c in (role.country, role.patron)]
        codes += [homonym.country for homonym in entry.homonyms]
        for code in codes:
            if code is not None and code not in known:
                raise ActorDataError(
                    f"{entry.origin}: country code '{code}' is not a known country; use an "
                    "ISO 3166-1 alpha-3 code from countries.yaml or IGO, UNO, EUR, NGO, ISM, "
                    "IMG, MNC (or add the country in a 'countries' section)"
                )
