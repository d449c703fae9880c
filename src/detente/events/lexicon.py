"""The coder's lexicon: verb and noun patterns → CAMEO codes, and modality cue words.

Data files (data/verbs.yaml, nouns.yaml, cues.yaml, irregular.yaml) are written by the team from the
CAMEO and PLOVER codebooks; this module loads them once and checks their schema, naming the file,
the entry and the fix on any error.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from detente.errors import LexiconError
from detente.events.codebook import codebook

TARGET_SLOTS = frozenset({"dobj", "dative", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    cameo: str
    verb: str
    particle: str | None
    objects: frozenset[str]  # empty: any object
    target: tuple[str, ...]  # "dobj", "dative" or prepositions, in order of preference


@dataclass(frozen=True, slots=True)
class NounPattern:
    id: str
    cameo: str
    noun: str
    target: tuple[str, ...]
    agent: tuple[str, ...]
    only_with: frozenset[str] = frozenset()  # when set, the noun is an event only with one of these dependents


@dataclass(frozen=True, slots=True)
class Frame:
    """A governing verb that turns its complement's event into another one: "ordered X to cease
    attacks" is a demand for de-escalation (1056), "threatened to impose sanctions" a threat (1312)."""

    name: str
    codes: Mapping[str, str]  # complement CAMEO code (or its prefix) → the combined event's code
    default: str

    def combine(self, complement: str) -> str:
        return self.recode(complement) or self.default

    def recode(self, complement: str) -> str | None:
        """The combined code by longest prefix of ``complement``, or None when the frame maps none."""
        for prefix in (complement, complement[:3], complement[:2]):
            if prefix in self.codes:
                return self.codes[prefix]
        return None


@dataclass(frozen=True, slots=True)
class Override:
    """A modifier that changes what an event noun is: a "hunger" strike is a protest, a "cyber" attack
    coercion, a "scathing" attack an accusation (cues.yaml compound_overrides)."""

    heads: frozenset[str]
    modifiers: frozenset[str]
    cameo: str | None
    by_root: Mapping[str, str]

    def recode(self, cameo: str) -> str | None:
        return self.cameo if self.cameo is not None else self.by_root.get(cameo[:2])


# Words a pattern needs beside its trigger word: its particle, if any, and one of its objects, if it
# names them ("had lunch with X" needs "lunch" or another meal; "find guilty" needs "guilty").
Needs = tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, tuple[VerbPattern, ...]]  # lemma → patterns in file order (specific first)
    nouns: Mapping[str, tuple[NounPattern, ...]]
    cues: Mapping[str, frozenset[str]]  # cue list name → lowercase words/phrases
    trigger_forms: frozenset[str]  # cheap pre-parse filter: surface forms that can start an event alone
    frames: Mapping[str, Frame]  # governing verb lemma → its complement frame
    lemma_fixes: Mapping[str, str]  # surface form → lemma, where the tagger's lemmatizer is wrong
    overrides: tuple[Override, ...] = ()  # event-noun modifiers that change the code, in file order
    # surface form → what each of its patterns needs: forms whose every pattern names its particle or
    # objects ("have", "make", "take") start an event only beside one of those words
    trigger_needs: Mapping[str, tuple[Needs, ...]] = dataclasses.field(default_factory=dict)

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    def has_trigger(self, sentence: str) -> bool:
        """Whether ``sentence`` holds a word that can start an event, with the words its pattern needs
        (a set lookup per word: ~100x cheaper than one regex over a thousand alternatives)."""
        words = set(WORD.findall(sentence.lower()))
        # the parser splits "test-fired" and "Iran-backed"; "cease-fire" is one word (parse.HYPHENATED_NOUNS)
        words |= {part for word in words if "-" in word for part in (*word.split("-"), word.replace("-", ""))}
        if not words.isdisjoint(self.trigger_forms):
            return True
        return any(
            all(not words.isdisjoint(need) for need in needs)
            for form in words.intersection(self.trigger_needs)
            for needs in self.trigger_needs[form]
        )


def _read_yaml(name: str) -> Any:
    path = resources.files("detente.events") / "data" / name
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"events/data/{name}: cannot load ({error})") from error


def _string_list(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip().lower() for v in value)


def _check_code(code: Any, where: str) -> str:
    code = str(code)
    if code not in codebook():
        raise LexiconError(f"{where}: CAMEO code {code!r} does not exist; see events/data/cameo.tsv")
    return code


def _verb_patterns(entries: Sequence[Mapping[str, Any]]) -> dict[str, tuple[VerbPattern, ...]]:
    by_lemma: dict[str, list[VerbPattern]] = {}
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        where = f"events/data/verbs.yaml entry {number} ({entry.get('id', '?')})"
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("verb"):
            raise LexiconError(f"{where}: needs 'id', 'cameo' and 'verb'")
        if entry["id"] in seen:
            raise LexiconError(f"{where}: duplicate id; ids must be unique")
        seen.add(entry["id"])
        pattern = VerbPattern(
            id=str(entry["id"]),
            cameo=_check_code(entry.get("cameo"), where),
            verb=str(entry["verb"]).lower(),
            particle=str(entry["particle"]).lower() if entry.get("particle") else None,
            objects=frozenset(_string_list(entry, "object", where)),
            target=_string_list(entry, "target", where) or ("dobj",),
        )
        by_lemma.setdefault(pattern.verb, []).append(pattern)
    return {lemma: tuple(patterns) for lemma, patterns in by_lemma.items()}


def _noun_patterns(entries: Sequence[Mapping[str, Any]]) -> dict[str, tuple[NounPattern, ...]]:
    by_lemma: dict[str, list[NounPattern]] = {}
    for number, entry in enumerate(entries, 1):
        where = f"events/data/nouns.yaml entry {number} ({entry.get('id', '?')})"
        if not isinstance(entry, dict) or not entry.get("noun"):
            raise LexiconError(f"{where}: needs 'id', 'cameo' and 'noun'")
        pattern = NounPattern(
            id=str(entry.get("id")),
            cameo=_check_code(entry.get("cameo"), where),
            noun=str(entry["noun"]).lower(),
            target=_string_list(entry, "target", where),
            agent=_string_list(entry, "agent", where) or ("by",),
            only_with=frozenset(_string_list(entry, "only_with", where)),
        )
        by_lemma.setdefault(pattern.noun, []).append(pattern)
    return {lemma: tuple(patterns) for lemma, patterns in by_lemma.items()}


def _cues(data: Any) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise LexiconError("events/data/cues.yaml: must map cue list names to lists of words")
    cues: dict[str, frozenset[str]] = {}
    for name, value in data.items():
        # A cue list is a list, or a table of lists: {words: [...], phrases: [...], governing_verbs: [...]};
        # ``cue(name)`` is its words and phrases, ``cue("name.key")`` any one list of the table.
        tables = value if isinstance(value, dict) else {"words": value}
        merged: set[str] = set()
        for key, words in tables.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                continue  # structured tables (frames, overrides) are read by their own users
            cleaned = frozenset(w.lower().strip() for w in words)
            cues[f"{name}.{key}"] = cleaned
            if key in ("words", "phrases"):
                merged |= cleaned
        cues[str(name)] = frozenset(merged)
    return cues


def _frames(data: Any) -> dict[str, Frame]:
    frames: dict[str, Frame] = {}
    for name, spec in (data or {}).items():
        where = f"events/data/cues.yaml complement_frames.{name}"
        if not isinstance(spec, dict) or not isinstance(spec.get("governing_verbs"), list):
            raise LexiconError(f"{where}: needs 'governing_verbs', 'map' and 'default'")
        codes = {str(k): _check_code(v, where) for k, v in (spec.get("map") or {}).items()}
        frame = Frame(str(name), codes, _check_code(spec.get("default"), where))
        for verb in spec["governing_verbs"]:
            frames[str(verb).lower()] = frame
    return frames


def _overrides(data: Any) -> tuple[Override, ...]:
    rules = []
    for number, rule in enumerate(data or [], 1):
        where = f"events/data/cues.yaml compound_overrides entry {number}"
        if not isinstance(rule, dict) or not rule.get("head") or not rule.get("modifier"):
            raise LexiconError(f"{where}: needs 'head', 'modifier' and 'cameo' or 'cameo_by_root'")
        by_root = {str(k): _check_code(v, where) for k, v in (rule.get("cameo_by_root") or {}).items()}
        cameo = _check_code(rule["cameo"], where) if rule.get("cameo") is not None else None
        if cameo is None and not by_root:
            raise LexiconError(f"{where}: needs 'cameo' or 'cameo_by_root'")
        heads = frozenset(_string_list(rule, "head", where))
        rules.append(Override(heads, frozenset(_string_list(rule, "modifier", where)), cameo, by_root))
    return tuple(rules)


def _gate(
    verbs: Mapping[str, Sequence[VerbPattern]],
    nouns: Mapping[str, Sequence[NounPattern]],
    irregular: Mapping[str, Sequence[str]],
    frames: Mapping[str, Frame],
    cues: Mapping[str, frozenset[str]],
) -> tuple[frozenset[str], dict[str, tuple[Needs, ...]]]:
    """The pre-parse filter: surface forms that can start an event alone, and for the others what
    each of their patterns needs beside them (``Lexicon.has_trigger``).

    Patterns that are CAMEO 01 statements ("say", "tell") are left out: PLOVER has no such event, and
    they stand in nearly every news sentence, so keeping them would make the filter keep everything.
    A pattern needs its particle, and one of its objects (their regular and irregular forms), unless
    it takes any object; an event noun whose every pattern has ``only_with`` needs one of those words.
    A frame's governing verb needs a statement verb ("decided to say", "refused to comment": the frame
    makes an event of what is no event alone), a word of blame a reporting verb ("said X was
    responsible"). Verbs the coder reads without a pattern of their own ("called X to discuss", a
    phone call) stay free.
    """
    book = codebook()
    needs: dict[str, set[Needs]] = {}
    free: set[str] = set()

    def add(lemma: str, need: Needs, noun: bool = False) -> None:
        for form in _forms(lemma.split()[0], irregular, noun):
            if need:
                needs.setdefault(form, set()).add(need)
            else:
                free.add(form)

    for lemma, patterns in verbs.items():
        for p in patterns:
            if book[p.cameo].plover_type is None:
                continue
            need: list[frozenset[str]] = []
            if p.particle is not None:
                need.append(frozenset({p.particle}))
            if p.objects and "*" not in p.objects:
                need.append(frozenset().union(*(_forms(o, irregular, noun=True) for o in p.objects)))
            add(lemma, tuple(need) if all(all(WORD.fullmatch(w) for w in n) for n in need) else ())
    for lemma, nominal in nouns.items():
        for n in nominal:
            if book[n.cameo].plover_type is not None:
                ok = all(WORD.fullmatch(w) for w in n.only_with)
                add(lemma, (frozenset(n.only_with),) if n.only_with and ok else (), noun=True)
    statements = frozenset().union(
        *(
            _forms(lemma, irregular)
            for lemma, patterns in verbs.items()
            if any(not book[p.cameo].plover_type for p in patterns)
        )
    )
    for lemma in frames:
        add(lemma, (statements,))
    reported = frozenset().union(*(_forms(lemma, irregular) for lemma in cues.get("reporting.words", ())))
    for word in cues.get("blame.words", frozenset()) | cues.get("blame.prepositions", frozenset()):
        needs.setdefault(word, set()).add((reported,))  # "said X was responsible" (trigger.blame_triggers)
    for lemma in FREE_VERBS:
        add(lemma, ())
    free.update(OBLIGATION_FRAMES)
    return frozenset(free), {form: tuple(n) for form, n in needs.items() if form not in free}


# Verbs that make an event through a rule of the coder's own, beside their lexicon patterns.
FREE_VERBS = ("call",)  # "called X on Friday to explain …": a phone call (trigger.purpose_triggers)


VOWELS = frozenset("aeiou")


def inflections(lemma: str, noun: bool = False) -> set[str]:
    """The regular English inflections of a verb lemma (impose → imposes, imposed, imposing), or the
    plural of a noun (accord → accords; "according" is no form of the noun)."""
    sibilant = lemma.endswith(("s", "x", "z", "ch", "sh", "o"))
    plural = {lemma, lemma + "s", lemma + "es"} if sibilant else {lemma, lemma + "s"}  # "vetos" is seen too
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in VOWELS:
        plural.add(lemma[:-1] + "ies")
    if noun:
        return plural
    forms = plural | {lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in VOWELS:
        forms.add(lemma[:-1] + "ied")  # "ies" is among the plural's forms
    if len(lemma) > 2 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS and lemma[-3] not in VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # stop → stopped, ban → banning
    return forms


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


# "X said Y must withdraw": the modal makes a demand of Y, "should" an appeal (the coder's obligations),
# even when neither the reporting verb nor what is demanded is an event of the lexicon, so sentences
# with these words are parsed too.
OBLIGATION_FRAMES = {"must": "demand", "should": "appeal"}


def _forms(lemma: str, irregular: Mapping[str, Sequence[str]], noun: bool = False) -> set[str]:
    """Every surface form of a lemma, as whole words (a prefix match would take "bank" for "ban")."""
    return inflections(lemma, noun) | {form.lower() for form in irregular.get(lemma, ())}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    verbs = _verb_patterns(_read_yaml("verbs.yaml") or [])
    nouns = _noun_patterns(_read_yaml("nouns.yaml") or [])
    irregular = _read_yaml("irregular.yaml") or {}
    if not isinstance(irregular, dict):
        raise LexiconError("events/data/irregular.yaml: must map a lemma to its irregular forms")
    cues = _read_yaml("cues.yaml") or {}
    fixes = cues.get("lemma_fixes") or {}
    frames = _frames(cues.get("complement_frames"))
    cue_lists = _cues(cues)
    free, needs = _gate(verbs, nouns, irregular, frames, cue_lists)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        cues=cue_lists,
        trigger_forms=free,
        trigger_needs=needs,
        frames=frames,
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in fixes.items()},
        overrides=_overrides(cues.get("compound_overrides")),
    )
