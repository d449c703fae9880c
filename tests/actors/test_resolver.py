"""ActorResolver: the seed articles' actors, the resolution rules, find_mentions spans, overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors import ActorMention, ActorResolver
from detente.records import Actor

SEED_DATE = dt.date(2020, 5, 27)  # the New York Times report the project was born from


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def code(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return None if actor is None else (actor.country, actor.sector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran", ("IRN", None)),
        ("Tehran", ("IRN", "GOV")),
        ("the Pentagon", ("USA", "MIL")),
        ("the Kremlin", ("RUS", "GOV")),
        ("Downing Street", ("GBR", "GOV")),
        ("the Élysée", ("FRA", "GOV")),
        ("Zhongnanhai", ("CHN", "GOV")),
        ("the State Department", ("USA", "GOV")),
        ("American forces", ("USA", "MIL")),
        ("the Iraqi Parliament", ("IRQ", "LEG")),
        ("Iraq's Parliament", ("IRQ", "LEG")),
        ("Iran's foreign minister", ("IRN", "GOV")),
        ("Iran’s foreign ministry", ("IRN", "GOV")),
        ("the U.S. Navy", ("USA", "MIL")),
        ("the Navy", ("USA", "MIL")),
        ("the Quds Force", ("IRN", "MIL")),
        ("the Revolutionary Guards", ("IRN", "MIL")),
        ("Iranian officials", ("IRN", "GOV")),
        ("Iraqi military officials", ("IRQ", "MIL")),
        ("the Security Council", ("UNO", "IGO")),
        ("NATO", ("IGO", "IGO")),
        ("the European Union", ("EUR", "IGO")),
        ("Islamic State", ("ISM", "REB")),
        ("Kata'ib Hezbollah", ("IRQ", "REB")),
        ("the Houthis", ("YEM", "REB")),
        ("Mossad", ("ISR", "SPY")),
        ("the CIA", ("USA", "SPY")),
        ("Congress", ("USA", "LEG")),
        ("Pakistan's Supreme Court", ("PAK", "JUD")),
        ("The New York Times", ("USA", "MED")),
        ("Reuters", ("GBR", "MED")),
        ("journalists", (None, "MED")),
        ("doctors", (None, "HLH")),
        ("proxy militias", (None, "REB")),
        ("protesters", (None, "CVL")),
        ("a 35-year-old inmate", (None, "CVL")),
        ("a prisoner", (None, "CVL")),
        ("former Iranian officials", ("IRN", "ELI")),
        ("the prison guards", (None, "COP")),
        ("armed bandits", (None, "CRM")),
        ("local youths", (None, "CVL")),
        ("an assassin", (None, "UAF")),
    ],
)
def test_resolves_mentions(resolver: ActorResolver, text: str, expected: tuple[str | None, str | None]) -> None:
    actor = resolver.resolve(text, SEED_DATE)
    assert code(actor) == expected
    assert actor is not None and actor.text == text and 0 <= actor.confidence <= 1


def test_unknown_text_is_none(resolver: ActorResolver) -> None:
    assert resolver.resolve("the weather", SEED_DATE) is None
    assert resolver.resolve("", SEED_DATE) is None


def test_patron_is_not_home(resolver: ActorResolver) -> None:
    backed = resolver.resolve("Iranian-backed militias", SEED_DATE)
    assert backed is not None and (backed.country, backed.sector, backed.patron) == (None, "REB", "IRN")
    iraqi = resolver.resolve("Iran-backed Iraqi militias", SEED_DATE)
    assert iraqi is not None and (iraqi.country, iraqi.sector, iraqi.patron) == ("IRQ", "REB", "IRN")
    kh = resolver.resolve("Kata'ib Hezbollah", SEED_DATE)
    assert kh is not None and kh.patron == "IRN"


def test_patron_home_from_context(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Iranian-backed militias", SEED_DATE, "Iranian-backed militias fired rockets in Iraq.")
    assert actor is not None and (actor.country, actor.patron) == ("IRQ", "IRN")


def test_proxies_of_the_sentence_subject(resolver: ActorResolver) -> None:
    sentence = "After months of attacks, Iran has called off its proxy militias."
    actor = resolver.resolve("proxy militias", SEED_DATE, sentence)
    assert actor is not None and (actor.country, actor.sector, actor.patron) == (None, "REB", "IRN")


def test_pro_american_is_a_stance_not_a_home(resolver: ActorResolver) -> None:
    actor = resolver.resolve("a pro-American prime minister", SEED_DATE)
    assert actor is not None and actor.sector == "GOV" and actor.country != "USA"


def test_quds_force_commanders(resolver: ActorResolver) -> None:
    qaani = resolver.resolve("Gen. Ismail Qaani", SEED_DATE)
    assert qaani is not None and (qaani.country, qaani.sector, qaani.name) == ("IRN", "MIL", "Ismail Qaani")
    for spelling in (
        "Maj. Gen. Qassim Suleimani",
        "Qassem Soleimani",
        "General Suleimani",
        "Qasem Soleimani",
    ):
        soleimani = resolver.resolve(spelling, SEED_DATE)  # after his death: still the Quds Force commander
        assert soleimani is not None and soleimani.name == "Qassem Soleimani" and soleimani.sector == "MIL"
    assert code(resolver.resolve("Ghaani", SEED_DATE)) == ("IRN", "MIL")


def test_kadhimi_spellings_and_dates(resolver: ActorResolver) -> None:
    for spelling in ("Mr. al-Kadhimi", "Al-Kazemi", "Mustapha al-Kadhimi", "Kadhimi", "Mustafa Al-Kazemi"):
        actor = resolver.resolve(spelling, SEED_DATE)
        assert actor is not None and (actor.country, actor.sector) == ("IRQ", "GOV")
        assert actor.name == "Mustafa al-Kadhimi"
    assert code(resolver.resolve("al-Kadhimi", dt.date(2019, 1, 1))) == ("IRQ", "SPY")  # intelligence chief
    assert code(resolver.resolve("al-Kadhimi", dt.date(2023, 1, 1))) == ("IRQ", "ELI")


def test_president_trump_by_date(resolver: ActorResolver) -> None:
    assert code(resolver.resolve("President Trump", SEED_DATE)) == ("USA", "GOV")
    out_of_office = resolver.resolve("President Trump", dt.date(2022, 6, 1))
    assert out_of_office is not None and out_of_office.sector != "GOV" and out_of_office.country == "USA"
    assert code(resolver.resolve("Mr. Trump", dt.date(2025, 3, 1))) == ("USA", "GOV")
    assert code(resolver.resolve("Donald Trump")) == ("USA", "GOV")  # no date: the most recent office


def test_brian_hook(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Brian Hook", SEED_DATE)
    assert actor is not None and (actor.country, actor.sector, actor.name) == ("USA", "GOV", "Brian Hook")
    assert code(resolver.resolve("Brian Hook", dt.date(2022, 1, 1))) == ("USA", "ELI")


def test_homonyms_need_context(resolver: ActorResolver) -> None:
    assert code(resolver.resolve("Georgia", SEED_DATE)) == ("GEO", None)
    assert code(resolver.resolve("Georgia", SEED_DATE, "Georgia certified its results in Atlanta.")) == (
        "USA",
        None,
    )
    assert resolver.resolve("Jordan", SEED_DATE, "Michael Jordan scored 30 points.") is None
    assert resolver.resolve("Jordan", SEED_DATE, "Mr. Jordan said he would retire.") is None
    assert code(resolver.resolve("Jordan", SEED_DATE, "Yesterday Jordan closed its border.")) == ("JOR", None)
    assert resolver.resolve("Paris Hilton", SEED_DATE) is None
    assert resolver.resolve("Trump", SEED_DATE, "Ivanka Trump visited the school.") is None


def test_protesters_take_the_sentence_country(resolver: ActorResolver) -> None:
    actor = resolver.resolve("protesters", SEED_DATE, "Protesters in Baghdad condemned Iran's influence.")
    assert code(actor) == ("IRQ", "CVL")


def test_case_matters_for_short_codes(resolver: ActorResolver) -> None:
    assert resolver.find_mentions("Let us talk turkey.", SEED_DATE) == ()
    assert code(resolver.resolve("US", SEED_DATE)) == ("USA", None)


def spans(mentions: tuple[ActorMention, ...]) -> list[str]:
    return [m.text for m in mentions]


def test_find_mentions_longest_match_and_spans(resolver: ActorResolver) -> None:
    sentence = (
        "After Iran accepted the American-backed nominee for Iraq’s prime minister, Mustapha al-Kadhimi, "
        "the United States granted Iraq a waiver so that Baghdad could buy gas from Tehran."
    )
    mentions = resolver.find_mentions(sentence, SEED_DATE)
    assert spans(mentions) == [
        "Iran",
        "the American-backed",
        "Iraq’s prime minister",
        "Mustapha al-Kadhimi",
        "the United States",
        "Iraq",
        "Baghdad",
        "Tehran",
    ]
    for mention in mentions:
        assert sentence[mention.start : mention.end] == mention.text == mention.actor.text
    assert mentions[1].actor.patron == "USA"


def test_find_mentions_phrases(resolver: ActorResolver) -> None:
    sentence = "Iran-backed Iraqi militias attacked the U.S. Navy, said Gen. Ismail Qaani of the Quds Force."
    mentions = resolver.find_mentions(sentence, SEED_DATE)
    assert spans(mentions) == [
        "Iran-backed Iraqi militias",
        "the U.S. Navy",
        "Gen. Ismail Qaani",
        "the Quds Force",
    ]
    assert [code(m.actor) for m in mentions] == [
        ("IRQ", "REB"),
        ("USA", "MIL"),
        ("IRN", "MIL"),
        ("IRN", "MIL"),
    ]


def test_find_mentions_possessives_and_curly_apostrophes(resolver: ActorResolver) -> None:
    mentions = resolver.find_mentions("Tehran’s envoy met Iran's elite Quds Force.", SEED_DATE)
    assert spans(mentions) == ["Tehran’s envoy", "Iran's elite Quds Force"]
    assert [code(m.actor) for m in mentions] == [("IRN", "GOV"), ("IRN", "MIL")]


def test_find_mentions_generic_nouns(resolver: ActorResolver) -> None:
    mentions = resolver.find_mentions("Protesters clashed with the army and police in Basra.", SEED_DATE)
    assert [code(m.actor)[1] for m in mentions if code(m.actor)] == ["CVL", "MIL", "COP"]  # type: ignore[index]


def test_user_yaml_overrides_shipped(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n"
        "  - name: Brian Hook\n"
        "    country: USA\n"
        "    offices: [{title: Consultant, sector: BUS, start: 2018-01-01}]\n"
        "organisations:\n"
        "  - {name: Acme Militia, aliases: [Acme Boys], country: IRQ, sector: REB, patron: IRN}\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(extra_files=[extra])
    assert code(resolver.resolve("Brian Hook", SEED_DATE)) == ("USA", "BUS")
    acme = resolver.resolve("the Acme Boys", SEED_DATE)
    assert acme is not None and (acme.country, acme.sector, acme.patron) == ("IRQ", "REB", "IRN")


def test_user_csv_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "name,aliases,country,sector,start,end,patron\n"
        "Jane Roe,Roe|J. Roe,GBR,GOV,2019-01-01,2021-01-01,\n"
        "Jane Roe,,GBR,JUD,2021-01-01,,\n"
        "Tehran,,IRN,MIL,,,\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(extra_files=[extra])
    assert code(resolver.resolve("Ms. Roe", dt.date(2020, 1, 1))) == ("GBR", "GOV")
    assert code(resolver.resolve("J. Roe", dt.date(2022, 1, 1))) == ("GBR", "JUD")
    assert code(resolver.resolve("Tehran", SEED_DATE)) == ("IRN", "MIL")  # the user's meaning of the surface
