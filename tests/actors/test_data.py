"""The shipped actor data loads and keeps its promises; bad user files fail with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors import ActorDataError, ActorResolver
from detente.actors.loader import load_entries
from detente.actors.schema import NON_STATE_CODES, SECTORS
from detente.errors import DetenteError


@pytest.fixture(scope="module")
def entries() -> tuple:  # type: ignore[type-arg]
    shipped, _ = load_entries()
    return shipped


def test_every_un_member_and_the_extras(entries: tuple) -> None:  # type: ignore[type-arg]
    codes = {role.country for e in entries if e.kind == "country" for role in e.roles}
    assert len(codes - {"PSE", "KOS", "TWN", "VAT", "HKG"}) == 193
    assert {"USA", "IRN", "IRQ", "PSE", "KOS", "TWN"} <= codes


def test_codes_and_sectors_are_valid(entries: tuple) -> None:  # type: ignore[type-arg]
    countries = {role.country for e in entries if e.kind == "country" for role in e.roles}
    for entry in entries:
        for role in entry.roles:
            assert role.country is None or role.country in countries | NON_STATE_CODES, entry.origin
            assert role.sector is None or role.sector in SECTORS, entry.origin
            assert role.start is None or role.end is None or role.start <= role.end, entry.origin


def test_seed_people_are_present(entries: tuple) -> None:  # type: ignore[type-arg]
    people = {e.name for e in entries if e.kind == "person"}
    assert {
        "Qassem Soleimani",
        "Ismail Qaani",
        "Abu Mahdi al-Muhandis",
        "Hassan Nasrallah",
        "Brian Hook",
    } <= people
    assert {"Mustafa al-Kadhimi", "Donald Trump", "Ali Khamenei", "Vladimir Putin"} <= people


def test_actor_data_error_is_a_detente_error() -> None:
    assert issubclass(ActorDataError, DetenteError)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("people:\n  - name: X\n    country: USA\n    offices: [{sector: GOVT}]\n", ["'X'", "GOVT", "GOV"]),
        ("people:\n  - name: X\n    country: USAA\n", ["'X'", "USAA", "alpha-3"]),
        ("people:\n  - name: X\n    country: ZZZ\n", ["'X'", "ZZZ", "not a known country"]),
        ("people:\n  - name: X\n    contry: USA\n", ["'X'", "contry", "did you mean 'country'"]),
        ("organisations:\n  - {name: Y, country: IRQ}\n", ["'Y'", "sector", "missing"]),
        (
            "organisations:\n  - {name: Y, country: IRQ, sector: REB, start: 2020-13-01}\n",
            ["'Y'", "2020-13-01"],
        ),
        (
            "people:\n  - name: X\n    country: USA\n"
            "    offices: [{sector: GOV, start: 2021-01-01, end: 2020-01-01}]\n",
            ["'X'", "before start"],
        ),
        ("persons:\n  - name: X\n", ["unknown section 'persons'"]),
        ("people: [name: X\n", ["not valid YAML", "line"]),
    ],
)
def test_bad_yaml_is_reported_with_file_entry_and_fix(tmp_path: Path, text: str, fragments: list[str]) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(ActorDataError) as error:
        ActorResolver(extra_files=[path])
    message = str(error.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_bad_csv_names_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "name,aliases,country,sector,start,end,patron\nA,,IRQ,REB,,,\nB,,IRQ,XYZ,,,\n")
    with pytest.raises(ActorDataError, match=r"row 3 'B'.*XYZ"):
        ActorResolver(extra_files=[path])


def test_csv_unknown_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "name,nation\nA,IRQ\n")
    with pytest.raises(ActorDataError, match="unknown column 'nation'"):
        ActorResolver(extra_files=[path])


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="not found"):
        ActorResolver(extra_files=[tmp_path / "nope.yaml"])
    with pytest.raises(ActorDataError, match="unknown type"):
        ActorResolver(extra_files=[write(tmp_path, "a.json", "{}")])
