"""Who: the source and target actors of a trigger in a spaCy parse.

Handles subjects and objects, passives ("was killed by"), coordination ("Iran has backed X and
ordered …" — the second verb inherits the subject), control ("ordered its militias to cease" — the
object of the controlling verb is the subject of the controlled one), relative clauses ("Iran,
which …"), appositions ("Brian Hook, the State Department's envoy") and possessives ("Iran's attack").
Pronouns and anaphors ("it", "the country", "Tehran's") resolve to the last fitting actor of the
article (``ArticleMemory``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from detente.records import Actor

Token = Any  # spacy.tokens.Token: spaCy ships no type stubs

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
CORE_DEPS_DROPPED = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "prep", "ccomp", "xcomp"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "ccomp", "acl"})
COUNTRY_ANAPHORS = frozenset({"the country", "the nation", "the regime", "the government", "the state"})
OWN_COUNTRY = re.compile(r"(?:his|her|its|their|our) (?:country|nation|government|administration)")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "which", "who", "that"})
# a relative pronoun names the noun its clause hangs on, never an actor of an earlier sentence
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
# Texts whose author speaks through them: "passed a resolution criticizing X" is the passer criticizing.
DOCUMENT_NOUNS = frozenset({
    "statement", "resolution", "report", "letter", "communique", "communiqué", "declaration", "motion",
    "note", "message", "memo", "petition", "editorial", "op-ed", "post", "tweet", "video",
})  # fmt: skip
# Nouns an event noun can modify without changing who does it to whom ("a mediation effort between A and B").
FRAMING_NOUNS = frozenset({"effort", "mission", "bid", "initiative", "campaign", "drive", "programme", "program"})


class Resolver(Protocol):
    def resolve(self, text: str, date: dt.date | None = None, context: str | None = None) -> Actor | None: ...


SALIENT_SUBJECTS = 4  # how many recent event sources a pronoun may reach back to before plain mentions


@dataclass(slots=True)
class ArticleMemory:
    """The actors seen so far in one article, for pronouns and anaphors. Lives for one article only.

    A pronoun takes the nearest fitting actor named earlier in its own sentence, else the source of
    a recent event (subjects are what news pronouns usually point back to), else the last mention.
    """

    mentions: list[Actor] = field(default_factory=list)
    subjects: list[Actor] = field(default_factory=list)
    current: list[tuple[int, Actor]] = field(default_factory=list)
    spans: list[tuple[int, int, Actor]] = field(default_factory=list)

    def start_sentence(self, mentions: Sequence[tuple[int, int, Actor]]) -> None:
        self.spans = [(start, end, actor) for start, end, actor in mentions]
        self.current = [(start, actor) for start, _, actor in mentions if actor.country]

    def mention_at(self, start: int, end: int) -> tuple[int, int, Actor] | None:
        """The gazetteer's longest mention over [start, end) of the current sentence."""
        covering = [m for m in self.spans if m[0] <= start and end <= m[1]]
        return max(covering, key=lambda m: m[1] - m[0], default=None)

    def end_sentence(self) -> None:
        self.mentions.extend(actor for _, actor in self.current)
        self.current = []

    def remember_subject(self, actor: Actor) -> None:
        if actor.country:
            self.subjects.append(actor)

    def antecedent(self, text: str, offset: int = 1 << 30, besides: tuple[int, int] = (0, 0)) -> Actor | None:
        """``besides``: a span of the sentence whose actors the pronoun cannot mean (its clause's subject)."""
        wants_person = text.lower() in PERSON_PRONOUNS
        low, high = besides
        preceding = [actor for start, actor in reversed(self.current) if start < offset and not low <= start < high]
        recent_subjects = list(reversed(self.subjects[-SALIENT_SUBJECTS:]))
        for actor in [*preceding, *recent_subjects, *reversed(self.mentions)]:
            if _is_person(actor) == wants_person:
                return actor
        return None


SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def _speaker(pronoun: Token, anaphor: bool = False) -> Token | None:
    """The subject of the main clause whose reported clause this pronoun (or, with ``anaphor``, "his
    country", "the government") is the subject of: in "X said it would …", "X announced they will …"."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or not (anaphor or pronoun.lower_ in SPEAKER_PRONOUNS):
        return None
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _own_subject(pronoun: Token) -> tuple[int, int]:
    """The span of the subject of the clause whose object the pronoun is: "after Kiir pardoned him", he is
    not Kiir (that would be "himself"). (0, 0) when the pronoun is no object."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return (0, 0)
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return (0, 0)
    return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)


def _is_person(actor: Actor) -> bool:
    return actor.name is not None and " " in actor.name and actor.sector is not None


@dataclass(frozen=True, slots=True)
class ArgumentFinder:
    resolver: Resolver
    date: dt.date | None
    sentence: str

    def actors(self, head: Token, memory: ArticleMemory) -> list[Actor]:
        """The actor(s) a noun phrase names: one per conjunct ("Iran and the U.S.")."""
        found = []
        for token in [head, *_conjuncts(head)]:
            sides = self._coordinated_owners(token)
            if sides:
                found.extend(sides)
                continue
            actor = self.actor(token, memory)
            if actor is not None:
                found.append(actor)
        return found

    def _coordinated_owners(self, head: Token) -> list[Actor]:
        """ "UK and EU negotiators", "Russia and Turkey's foreign ministers": two sides named in one noun
        phrase, the first by its bare name. Both must be countries or bodies the resolver knows."""
        if head.pos_ != "NOUN":
            return []
        first = next((c for c in head.children if c.dep_ in ("nmod", "poss", "compound") and c.pos_ == "PROPN"), None)
        if first is None or not any(c.dep_ == "cc" for c in first.children):
            return []
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        if second is None:  # the parse hangs the second name on the head: "UK [and] EU negotiators"
            second = next(
                (c for c in head.children if c.i > first.i and c.dep_ == "compound" and c.pos_ == "PROPN"), None
            )
        if second is None or second.i > head.i:
            return []
        text = head.doc.text
        one = text[first.left_edge.idx : first.idx + len(first.text)]
        start = second.left_edge.idx if second.left_edge.i > first.i else second.idx
        two = text[start : head.idx + len(head.text)].strip()
        sides = [self.resolver.resolve(one, self.date, context=self.sentence), None]
        sides[1] = self.resolver.resolve(two, self.date, context=self.sentence)
        if sides[0] is None or sides[1] is None or sides[0].country is None or sides[0].country == sides[1].country:
            return []
        return [dataclasses.replace(sides[0], text=one), dataclasses.replace(sides[1], text=two)]

    def actor(self, head: Token, memory: ArticleMemory) -> Actor | None:
        text = head.text
        if head.pos_ == "PRON" or text.lower() in THING_PRONOUNS:
            if text.lower() in RELATIVE_PRONOUNS:  # "an attack in which gunmen stormed …": the clause's noun
                clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
                noun = clause.head if clause is not None else None
                if noun is not None and noun.dep_ == "appos":  # "Kata'ib Hezbollah, the militia that …": the name
                    noun = noun.head
                return self.actor(noun, memory) if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None
            speaker = _speaker(head)
            if speaker is not None:  # "the unions said they would not end the strike": the unions
                found = self.actor(speaker, memory)
                if found is not None and (found.name is None or _is_person(found) == (text.lower() in PERSON_PRONOUNS)):
                    return dataclasses.replace(found, confidence=found.confidence * 0.8)
            antecedent = memory.antecedent(text, head.idx, besides=_own_subject(head))
            return dataclasses.replace(antecedent, confidence=antecedent.confidence * 0.8) if antecedent else None
        core = core_text(head)
        if core.lower() in COUNTRY_ANAPHORS or OWN_COUNTRY.fullmatch(core.lower()):
            speaker = _speaker(head, anaphor=True)
            voice = self.actor(speaker, memory) if speaker is not None else None
            if voice is not None and voice.country and voice.sector in (None, "GOV"):
                return voice  # "Putin said his country will not lift the ban": the government speaks for it
        if core.lower() in COUNTRY_ANAPHORS:
            antecedent = memory.antecedent("it", head.idx)
            return dataclasses.replace(antecedent, text=core) if antecedent else None
        actor = self.resolver.resolve(core, self.date, context=self.sentence)
        mention = memory.mention_at(head.idx, head.idx + len(head.text))
        if mention is not None and mention[1] - mention[0] > len(core) and mention[2].country:
            # The gazetteer saw a longer name than the parse's phrase ("Kata'ib Hezbollah" split by the tokenizer).
            actor = mention[2]
        appositive = next((c for c in head.children if c.dep_ == "appos"), None)
        if appositive is not None:
            described = self.resolver.resolve(core_text(appositive), self.date, context=self.sentence)
            if actor is None and described is not None:  # "Tomas Okwara, a former Kenyan senator": the name
                described = dataclasses.replace(described, text=core)  # is the mention, the rest resolves it
            actor = _merge(actor, described)
        else:
            actor = self._named_holder(head, actor)
        if actor is not None and actor.country is None:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON":
                antecedent = memory.antecedent(owner.text, owner.idx)
                if antecedent is not None:
                    actor = dataclasses.replace(actor, country=antecedent.country)
        if (actor is None and head.pos_ == "PROPN") or (actor is None and _is_agentive_noun(head)):
            # Unknown to the gazetteer ("the ACLU", "Thom"): still the actor, with nothing resolved.
            actor = Actor(text=core, confidence=UNRESOLVED_CONFIDENCE)
        return actor

    def _named_holder(self, head: Token, actor: Actor | None) -> Actor | None:
        """ "the leader of Iran's Quds Force, Maj. Gen. Qassim Suleimani": the parse hangs the name on the
        "of" object, but a person named there is the holder of the office the head noun names."""
        if head.pos_ != "NOUN":
            return actor
        for preposition in head.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "of":
                continue
            for owner in preposition.children:
                appositive = next((c for c in owner.children if c.dep_ == "appos"), None)
                if appositive is None:
                    continue
                person = self.resolver.resolve(core_text(appositive), self.date, context=self.sentence)
                if person is not None and _is_person(person):
                    named = _merge(person, actor)
                    return dataclasses.replace(named, text=actor.text) if actor is not None and named else named
        return actor


UNRESOLVED_CONFIDENCE = 0.3
AGENTIVE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
# Nouns that name those who act though no suffix says so ("East Asian countries", "the rebels", "officials")
COLLECTIVE_ACTORS = frozenset({
    "country", "nation", "state", "government", "ally", "authority", "force", "troop", "party", "militia",
    "delegation", "envoy", "army", "police", "military", "regime", "administration", "court", "parliament",
    "ministry", "agency", "organization", "organisation", "council", "committee", "coalition", "bloc",
    "official", "diplomat", "rebel", "citizen", "people", "group", "union", "company", "firm",
})  # fmt: skip
# People named by role or condition, whom events befall as often as they act ("freed a former candidate",
# "released the hostages", "tortured an inmate"), and whose names no suffix marks.
PERSON_NOUNS = frozenset({
    "candidate", "suspect", "hostage", "victim", "inmate", "captive", "man", "woman", "child", "family",
    "chief", "king", "queen", "prince", "princess", "cleric", "pilot", "crew", "tycoon", "monk", "priest",
    "bishop", "pope", "general", "colonel", "captain", "sheikh", "imam", "nun", "girl", "boy",
})  # fmt: skip


def _is_agentive_noun(token: Token) -> bool:
    """Nouns that name who acts ("protesters", "investigators", "residents"), not what happens."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (
        lemma.endswith(AGENTIVE_SUFFIXES) or lemma in COLLECTIVE_ACTORS or lemma in PERSON_NOUNS
    )


def _merge(first: Actor | None, second: Actor | None) -> Actor | None:
    """An actor and its apposition describe one actor: fill what one knows and the other does not."""
    if first is None or second is None:
        return first or second
    return dataclasses.replace(
        first,
        country=first.country or second.country,
        sector=first.sector or second.sector,
        name=first.name or second.name,
        patron=first.patron or second.patron,
        confidence=max(first.confidence, second.confidence),
    )


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def core_text(head: Token) -> str:
    """The noun phrase without its clauses, appositions and conjuncts (but with "of" phrases)."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in CORE_DEPS_DROPPED or _is_of_phrase(c)]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CORE_DEPS_DROPPED or _is_of_phrase(c))
    keep.sort(key=lambda t: t.i)
    start, end = keep[0].idx, keep[-1].idx + len(keep[-1].text)
    return str(head.doc.text[start:end]).strip(" ,")


def _is_of_phrase(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "of"


def framing_noun(noun: Token) -> Token:
    """The noun that carries an event noun's roles: ``noun`` itself, or the framing noun it modifies."""
    head = noun.head
    return head if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_ in FRAMING_NOUNS else noun


def subject_of(verb: Token) -> Token | None:
    """The agent of ``verb``: its subject, or inherited through coordination, control or a relative clause."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
        if child.dep_ == "agent":  # passive: "was killed by X"
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if any(child.dep_ in PASSIVE_SUBJECT_DEPS for child in verb.children):
        return None  # a passive with no "by": the agent is unstated
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj":
        return subject_of(head)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
        return subject_of(head.head)  # "Israel is willing to withdraw": the one who is willing
    if verb.dep_ in CONTROL_DEPS and head.pos_ in ("VERB", "AUX"):
        controller = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        return controller if controller is not None and verb.dep_ == "xcomp" else subject_of(head)
    if verb.dep_ == "relcl":
        return head
    authored = verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_ in DOCUMENT_NOUNS
    if authored and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head)  # "released a statement criticising X": who released it criticises
    if verb.dep_ == "pcomp" and head.head.i != head.i:  # "retaliated by killing X": the retaliator kills
        return subject_of(head.head)
    return None


def passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


def object_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def participle_agent(noun: Token) -> Token | None:
    """ "an appeal filed by X", "the strikes carried out by X": the "by" agent of a past participle
    that describes the noun, which is who made or did what the noun names."""
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            by = next((c for c in clause.children if c.dep_ == "agent"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if agent is not None:
                return agent
    return None


def infinitive_subject(verb: Token) -> Token | None:
    """ "allowed [the WFP to deliver food]", "refused to allow [two airlines to land]": the parse makes the
    one allowed, ordered or refused the subject of an infinitival clause, where the object would stand."""
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
    return None


def prepositional_objects(token: Token, preposition: str) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == preposition:
            yield from (g for g in child.children if g.dep_ == "pobj")


def dative_objects(token: Token) -> Iterator[Token]:
    """Who is given to: "gave Iran aid", and "gave aid to Iran", where spaCy marks the "to" itself dative."""
    for child in token.children:
        if child.dep_ == "dative":
            yield from (g for g in child.children if g.dep_ == "pobj") if child.pos_ == "ADP" else (child,)


GUESSED_CONFIDENCE = 0.3  # below this an actor's country is the sentence's guess ("President Herrera": USA)


def same_actor(source: Actor, target: Actor) -> bool:
    """One actor on both sides ("the United States would not tolerate attacks on its troops"): the same
    words, or the same country and sector with the same person or none, and neither country a guess."""
    if source.text.lower() == target.text.lower():
        return True
    same_body = source.country is not None and (source.country, source.sector) == (target.country, target.sector)
    guessed = min(source.confidence, target.confidence) < GUESSED_CONFIDENCE  # a country taken from context
    return same_body and not guessed and source.name == target.name
