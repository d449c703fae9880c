"""How a sentence tells its event's time: the dateline before it, the finite verb whose time a trigger
shares, the clause that is the trigger's own, and the tense it is told in. The coder reads these to
date each event (``timeline.dates`` resolves the expressions; ``timeline.narrative`` carries a
paragraph's frame to events told in the past)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from detente.records import EventMention, Sentence
from detente.timeline.dates import Tense

Token = Any

# "BAGHDAD —", "KABUL (Reuters) -", "MOGADISHU, Somalia --", "Tehran, March 15, IRNA -", "Washington - "
DATELINE = re.compile(
    r"^(?:[A-Z]{3,}[A-Z .'’-]*|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*[A-Z][\w .]{1,25}){0,2}"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:--|[—–-]|:)\s+"
)


def dateline(text: str) -> str:
    match = DATELINE.match(text)
    return text[: match.end()] if match else ""


def without_dateline(sentence: Sentence) -> Sentence:
    """ "BAGHDAD — Iran fired …" is parsed from "Iran": a dateline is not the subject of the sentence."""
    cut = len(dateline(sentence.text))
    if not cut:
        return sentence
    return dataclasses.replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "tonight", "week", "month", "year", "weekend", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
    "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",  # not "Jan" (a name)
})  # fmt: skip


def is_time_word(token: Token) -> bool:
    return token.lower_ in TIME_WORDS or (token.like_num and len(token.text) == 4)


OTHER_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "csubj", "parataxis", "conj"})
TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "century", "spring", "summer", "autumn", "fall"})
BACKGROUND_PREPOSITIONS = frozenset({"after", "before", "since", "following", "until", "amid", "despite"})


def own_clause_text(sentence: str, anchor: Token, trigger: Token) -> str:
    """The sentence with the anchor's other clauses blanked out (offsets kept), so that "After months of
    attacks … in January, Iran has called off …" does not date the calling-off by January."""
    keep = {anchor.i, trigger.i, *(t.i for t in trigger.ancestors)}
    characters = list(sentence)

    def blank(token: Token) -> None:
        characters[token.idx : token.idx + len(token.text)] = " " * len(token.text)

    for child in anchor.children:
        if child.i in keep:
            continue
        foreign = child.dep_ in OTHER_CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ in BACKGROUND_PREPOSITIONS)
        if foreign:
            for token in child.subtree:
                blank(token)
    for token in anchor.doc:  # "the 2015 nuclear agreement": a year that names a thing, not a time
        names_a_thing = token.dep_ in ("nummod", "compound", "amod") and token.head.pos_ == "NOUN"
        if token.like_num and names_a_thing and token.head.lemma_ not in TIME_NOUNS:
            blank(token)
    return "".join(characters)


NON_FINITE_DEPS = frozenset({"xcomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "compound", "amod"})


def time_anchor(token: Token) -> Token:
    """The finite verb whose time the trigger shares: "In April, Iran reached out … to open talks,
    offering to release …" dates "open" and "release" by "reached"; an event noun by its verb."""
    anchor = token
    for _ in range(6):
        finite = (anchor.pos_ in ("VERB", "AUX") and anchor.tag_ not in ("VB", "VBG", "VBN")) or any(
            c.dep_ in ("aux", "auxpass") for c in anchor.children
        )
        if (finite and anchor.i != token.i) or anchor.head.i == anchor.i:
            break
        if anchor.dep_ in NON_FINITE_DEPS or (anchor.dep_ in ("advcl", "conj") and anchor.tag_ == "VBG"):
            anchor = anchor.head
            continue
        break
    return anchor


def told_in_past(docs: Mapping[int, Any], mention: EventMention) -> bool:
    """Whether an event is told in the simple past or past perfect ("met", "had met", "was killed"),
    not the present or present perfect ("has engaged", "opposes"): only those belong to a narrative."""
    doc = docs.get(mention.evidence.sentence_start)
    if doc is None:
        return False
    offset = mention.evidence.start - mention.evidence.sentence_start
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    if token is None:
        return False
    anchor = time_anchor(token)
    head = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if auxiliaries:
        return any(c.tag_ == "VBD" for c in auxiliaries)
    return bool(head.tag_ == "VBD")


def tense_of(token: Token) -> Tense | None:
    head = token if token.pos_ in ("VERB", "AUX") else token.head
    if any(c.lower_ in ("will", "shall") for c in head.children if c.dep_ == "aux"):
        return "future"
    tense = head.morph.get("Tense")
    if "Past" in tense or any(c.lemma_ == "have" for c in head.children if c.dep_ == "aux"):
        return "past"
    return "present" if "Pres" in tense else None
