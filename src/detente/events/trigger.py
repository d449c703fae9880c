"""What a trigger is, and the triggers a verb earns from the clause it governs.

A trigger is a verb or event noun that the lexicon codes. Some verbs are only events through their
complement: "called Macron on Friday to explain …" is a phone call, whatever is explained;
"sent experts to Iraq to investigate the crash" is an investigation in Iraq, not aid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from detente.events.arguments import object_of
from detente.events.lexicon import Lexicon
from detente.events.modality import is_negated
from detente.events.telling import is_time_word

Token = Any

PHONE_CALL_CODE = "041"  # CAMEO "discuss by telephone"
# Verbs that send people somewhere: the purpose clause says what they were sent to do there.
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "fly"})
# Acts whose agents are sent to do them on the spot: CAMEO 09 investigate ("sent a team to
# investigate" — the codebook's investigation of a place or actor, not aid to it).
SENT_TO_DO_ROOTS = frozenset({"09"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
BLAME_CODE = "112"  # CAMEO "accuse, not specified below": the codebook's blaming
# who is called on the phone: a named person or body, or one named by office ("his counterpart")
CALLED_PEOPLE = frozenset({
    "counterpart", "president", "minister", "leader", "premier", "chancellor", "ambassador", "king", "queen",
    "prince", "envoy", "secretary", "governor", "mayor", "emir", "sultan", "pope",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    cameo: str
    rule: str
    nominal: bool
    target_slots: tuple[str, ...]
    agent_slots: tuple[str, ...] = ()
    complement: Token | None = None  # for a frame ("ordered X to cease"): the complement's verb
    framed: str | None = None  # for a complement: the frame that governs it ("demand", "threat", …)
    theme: bool = False  # the pattern's object is what is done or given ("signed a pact"), never the recipient


def phone_call(verb: Token, person: bool = False) -> bool:
    """ "called X to discuss …": a phone call to X, not an appeal ("called on X to …", "called for …").
    With ``person``, X must be someone ("called Macron", "called his counterpart"), not a thing one
    convenes ("called a meeting to discuss …")."""
    called = object_of(verb)
    if verb.lemma_.lower() != "call" or called is None:
        return False
    if person and called.pos_ != "PROPN" and called.lemma_.lower() not in CALLED_PEOPLE:
        return False
    appeal = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "upon")]
    appeal = [c for c in appeal if not all(is_time_word(o) for o in c.children if o.dep_ == "pobj")]  # "on Friday"
    return not appeal and not any(c.dep_ == "prt" for c in verb.children)


def _purpose(verb: Token) -> Token | None:
    """The "to"-infinitive clause of purpose under ``verb`` ("… to explain her decision"), if any."""
    for child in verb.children:
        if child.dep_ in PURPOSE_DEPS and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def purpose_triggers(doc: Any, triggers: Sequence[Trigger]) -> list[Trigger]:
    """Triggers on verbs that are events only through their purpose clause, replacing what the verb
    itself coded: "called X on Friday to explain …" (a call, CONSULT, with X, when what follows codes
    nothing of its own), "sent experts to Y to investigate …" (an investigation in Y, ACCUSE)."""
    by_token = {t.token.i: t for t in triggers if not t.nominal}
    taken = {t.complement.i for t in triggers if t.complement is not None}
    combined: list[Trigger] = []
    purposes: set[int] = set()
    for verb in doc:
        purpose = _purpose(verb) if verb.pos_ == "VERB" else None
        if purpose is None or verb.i in taken:
            continue
        done = by_token.get(purpose.i)
        # "called X to discuss …" is the talk with X; "called X to apologize" the apology to X
        if phone_call(verb, person=True) and verb.i not in by_token:
            cameo, rule = (PHONE_CALL_CODE, "phone-call") if done is None else (done.cameo, f"phone-call/{done.rule}")
            combined.append(Trigger(verb, cameo, rule, False, ("dobj", "dative")))
            purposes.add(purpose.i)  # the caller does it, to X: not X, as the infinitive's parse says
        elif done is not None and verb.lemma_ in SENDING_VERBS and done.cameo[:2] in SENT_TO_DO_ROOTS:
            rule = f"sent-to/{done.rule}"
            combined.append(Trigger(verb, done.cameo, rule, False, ("to", "into", "dative")))
    replaced = {t.token.i for t in combined} | purposes
    return [t for t in triggers if t.nominal or t.token.i not in replaced] + combined


def newsroom_formula(verb: Token, lexicon: Lexicon) -> bool:
    """ "asked not to be identified", "speaking on condition of anonymity", "contributed reporting":
    how a story names its sources and reporters, not something its actors did (cues.yaml)."""
    if verb.lemma_.lower() not in lexicon.cue("newsroom_formulas.verbs"):
        return False
    words = lexicon.cue("newsroom_formulas.words")
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    return any(token.lower_ in words for token in near)


def blame_triggers(doc: Any, lexicon: Lexicon) -> list[Trigger]:
    """ "Kabul said the Taliban were responsible for the attack", "… was behind it", "… was to blame":
    the speaker blames the reported clause's subject (CAMEO 112, PLOVER ACCUSE). Not when the clause
    is negated ("said Iran was not responsible" clears Iran)."""
    reporting = lexicon.cue("reporting.words")
    found = []
    for clause in doc:
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in reporting or is_negated(clause, lexicon):
            continue
        if any(c.dep_ == "nsubj" for c in clause.children) and _blames(clause, lexicon):
            found.append(Trigger(clause.head, BLAME_CODE, "blame", False, ("nsubj",), complement=clause))
    return found


def _blames(clause: Token, lexicon: Lexicon) -> bool:
    """Whether the clause says its subject did it: "were responsible", "was behind …", "is to blame"."""
    for child in clause.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in lexicon.cue("blame.words"):
            return True
        if clause.lemma_ == "be" and child.dep_ == "prep" and child.lower_ in lexicon.cue("blame.prepositions"):
            return True
        if clause.lemma_ == "be" and child.dep_ == "xcomp" and child.lemma_.lower() in lexicon.cue("blame.infinitives"):
            return True
    return False
