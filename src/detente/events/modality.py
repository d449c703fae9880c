"""In what mode a sentence reports an event: asserted, negated, hypothetical, intended, ceased,
historical or denied — read off the parse around the trigger with the cue lists of cues.yaml.

The order of the checks is the order of precedence: an attack that "has ceased" is ``ceased`` even
in an "if" clause, a denied claim stays ``denied`` even when negated inside the denial.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from detente.events.lexicon import Lexicon
from detente.records import Modality

Token = Any

MAX_CLIMB = 6  # how many heads up a trigger's modality cues are looked for (clause depth in news ≤ 6)
CONDITION_MARKS = frozenset({"until", "till", "unless"})
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "would", "wo"})
# "is willing to withdraw", "stands ready to help": the actor's own stated intent
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined", "committed", "eager", "poised"})
# An announced act done at once ("would immediately impose a curfew") is the act itself (the PLOVER
# draft: a specific action that will clearly be realized keeps its own category)
IMMINENT_ADVERBS = frozenset({"immediately", "now", "today", "tonight", "shortly", "instantly"})


def ancestors(token: Token) -> Iterator[Token]:
    for depth, ancestor in enumerate(token.ancestors):
        if depth >= MAX_CLIMB:
            return
        yield ancestor


def ceasing_head(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The verb that stops this event: "cease their attacks", "the attacks have ceased", "called off …"."""
    ceasing = lexicon.cue("ceasing")
    head = trigger.head
    phrase = f"{head.lemma_} {_particle(head)}".strip()
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and (head.lemma_ in ceasing or phrase in ceasing):
        return head
    return None


def _is_ceasing_verb(token: Token, lexicon: Lexicon) -> bool:
    """ "called off its militias", "halted its attacks": the trigger itself is the stopping."""
    ceasing = lexicon.cue("ceasing")
    phrase = f"{token.lemma_} {_particle(token)}".strip()
    return phrase in ceasing or (token.lemma_ in ceasing and not _particle(token))


def _particle(token: Token) -> str:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), "")


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    negation = lexicon.cue("negation") or frozenset({"not", "n't", "never", "no"})
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in negation):
            following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if following is not None and following.lower_ == "only":  # "not only … but also" asserts
                continue
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "preconj" and c.lower_ == "neither" for c in child.children
        ):
            return True  # "Neither the EU nor the US would endorse …"
    return False


def is_condition(verb: Token, lexicon: Lexicon) -> bool:
    """ "will not end the strike until the company meets their demands": what another actor must do
    first is a condition of the refusal or the threat, not an event the sentence reports."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
        return False
    head = verb.head
    return is_negated(head, lexicon) or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in head.children)


ALLEGING_VERBS = frozenset({"accuse", "allege", "blame", "charge", "suspect", "claim", "convict", "indict"})


def is_allegation(trigger: Token) -> bool:
    """ "accused him of helping the US kill X": what someone is accused of is the accusation's content,
    not an event the sentence asserts (the ACCUSE event carries it)."""
    for ancestor in ancestors(trigger):
        if ancestor.lemma_ in ALLEGING_VERBS:
            return True
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("pcomp", "xcomp", "ccomp", "advcl", "conj"):
            return False
    return False


def modality_of(trigger: Token, lexicon: Lexicon, nominal: bool) -> Modality:
    """The modality of the event whose trigger is ``trigger`` (a verb, or an event noun if ``nominal``)."""
    if not nominal and _is_ceasing_verb(trigger, lexicon) and is_negated(trigger, lexicon):
        return "negated"  # "will not end the strike": the stopping is refused, not done
    if ceasing_head(trigger, lexicon) is not None or (not nominal and _is_ceasing_verb(trigger, lexicon)):
        return "ceased"
    chain = [trigger, *ancestors(trigger)]
    if _under_denial(chain, lexicon):
        return "denied"
    if _generic_relative(trigger):
        return "hypothetical"
    if (nominal and _historical_nominal(trigger, lexicon)) or (not nominal and _perfect_span(trigger)):
        return "historical"
    verb = trigger if not nominal else next((a for a in chain if a.pos_ in ("VERB", "AUX")), trigger)
    if is_negated(verb, lexicon) or _failed(verb, lexicon):
        return "negated"
    if _hypothetical(chain, lexicon):
        return "hypothetical"
    if _intended(verb, lexicon):
        return "intended"
    return "asserted"


def _failed(verb: Token, lexicon: Lexicon) -> bool:
    """ "failed to reach a deal", "refrained from attacking": the event did not happen."""
    governing = lexicon.cue("negation.governing_verbs")
    return verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_ in governing and not is_negated(verb.head, lexicon)


def _generic_relative(trigger: Token) -> bool:
    """ "any Iranian gunboats that harass American ships": an act of whoever might do it, not a report."""
    if trigger.dep_ != "relcl":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("any", "every", "whichever") for c in trigger.head.children)


def _under_denial(chain: list[Token], lexicon: Lexicon) -> bool:
    denial = lexicon.cue("denial") or frozenset({"deny", "refute", "dismiss"})
    return any(token.lemma_ in denial for token in chain[1:])


def _historical_nominal(trigger: Token, lexicon: Lexicon) -> bool:
    """ "after months of attacks", "years of tensions", "since the invasion": background, not news."""
    historical = lexicon.cue("historical") or frozenset({"after", "since", "following", "before"})
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in historical:
        return True
    return trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("month", "year", "decade", "week")


SPAN_UNITS = frozenset({"year", "decade", "month", "century"})


def _perfect_span(verb: Token) -> bool:
    """ "Since taking office, Mr. Trump has … imposed sanctions", "has armed the militias for years",
    "since 2003 … has supported": a present perfect over a span reaching back is background, not an
    event of the publication day. Recent spans ("since Monday", "since the attack") stay events."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in (*verb.children, *head.children)):
        return False
    for child in head.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return True
        if child.dep_ != "prep" or child.lower_ not in ("since", "for"):
            continue
        for obj in child.children:
            if child.lower_ == "since" and (obj.dep_ == "pcomp" or (obj.like_num and len(obj.text) == 4)):
                return True
            if child.lower_ == "for" and obj.dep_ == "pobj" and obj.lemma_ in SPAN_UNITS and obj.tag_ == "NNS":
                return True
    return False


REPORTED_FUTURE = frozenset({"would"})  # "said the US would impose": the future of a past statement


def _hypothetical(chain: list[Token], lexicon: Lexicon) -> bool:
    """A condition ("if", "unless") or a modal of possibility; "would" only with a condition in the
    sentence, since in reported speech it is the future of the statement ("said it would impose")."""
    hypothetical = lexicon.cue("hypothetical") or frozenset({"if", "unless", "would", "could", "might"})
    conditional = any(t.lower_ in ("if", "unless") for t in chain[0].doc)
    for token in chain[:3]:
        for child in token.children:
            if child.dep_ in ("mark", "aux") and child.lower_ in hypothetical:
                if child.lower_ in REPORTED_FUTURE and not conditional:
                    continue
                return True
    return False


def _intended(verb: Token, lexicon: Lexicon) -> bool:
    intended = lexicon.cue("intended") or frozenset({"will", "plan", "intend", "aim", "seek", "prepare"})
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in intended


def announced_intent(verb: Token) -> bool:
    """ "Iran will release …", "said it would allow …", "is willing to withdraw …" — not "plans to",
    "is expected to": the actor commits itself, a reporter does not guess."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lower_ in INTENT_ADJECTIVES:
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def done_at_once(verb: Token) -> bool:
    """ "would immediately impose …": announced, but no longer a mere intention."""
    return any(c.dep_ == "advmod" and c.lower_ in IMMINENT_ADVERBS for c in verb.children)
