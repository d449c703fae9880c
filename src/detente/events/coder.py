"""The rule coder: triggers from the lexicon over the spaCy parse, actors from the gazetteer.

Per article: a cheap pass over every sentence (trigger regex + gazetteer scan, ~0.1 ms) keeps
the sentences that can hold an event; only those are parsed. Every event keeps its evidence (the
sentence, the trigger's span) and the id of the rule that fired (``coder``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from detente.events.arguments import (
    ArgumentFinder,
    ArticleMemory,
    core_text,
    dative_objects,
    framing_noun,
    infinitive_subject,
    object_of,
    participle_agent,
    passive_subject,
    prepositional_objects,
    same_actor,
    subject_of,
)
from detente.events.codebook import lookup
from detente.events.lexicon import OBLIGATION_FRAMES, Lexicon, NounPattern, VerbPattern
from detente.events.modality import (
    announced_intent,
    ceasing_head,
    done_at_once,
    is_allegation,
    is_condition,
    is_negated,
    modality_of,
)
from detente.events.parse import parse_sentences
from detente.events.telling import (
    dateline,
    is_time_word,
    own_clause_text,
    tense_of,
    time_anchor,
    told_in_past,
    without_dateline,
)
from detente.events.trigger import Trigger, blame_triggers, newsroom_formula, phone_call, purpose_triggers
from detente.events.where import event_place, placed
from detente.records import Actor, Article, EventMention, Evidence, Modality, Sentence
from detente.timeline.dates import event_date
from detente.timeline.lifetimes import date_killings
from detente.timeline.narrative import carry_narrative_time
from detente.timeline.places import find_location

Token = Any
CODER_VERSION = "rules-0.1"
CEASED_CODE = "087"  # CAMEO "de-escalate military engagement": what stopping an attack is
PRONOUN_SUBJECT = re.compile(r"\b(?:it|its|they|their|he|she|his|her|the country|the regime)\b", re.IGNORECASE)
# When a pattern's own target slots find nothing, where else news puts the recipient, in order.
GENERIC_TARGET_SLOTS = ("dobj", "against", "on", "to", "with", "into", "at", "over", "for", "from", "of", "in")
# Verbs whose object noun is the event their subject performs ("launched an attack", "carried out
# strikes"); after any other verb ("condemned the strikes") the noun's agent is someone else.
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "continue", "begin", "start", "resume", "intensify",
    "escalate", "step", "wage", "make", "hold", "order", "announce", "unleash", "perpetrate", "commit",
    "impose", "level", "issue", "deliver", "extend", "provide", "offer", "pay", "give", "head", "lead", "join",
})  # fmt: skip
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "UAF"})
ARMED_STORMING_CODE = "190"
VIOLENT_ROOTS = frozenset({"18", "19", "20", "15"})
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
# Coercion and protest an actor announces it will do are PLOVER's THREATEN ("will extend the curfew", "would
# boycott the talks"), as announced cooperation is AGREE; of refusals only a boycott of talks (125) is a threat.
# Announced sanctions (16) and force (18-20) stay themselves, "intended" (PLV: 16-20 gained nothing).
THREATENED_CODES = ("125", "14", "17")
MAX_ACTORS_PER_SLOT = 3
STATE_ONLY_ROOTS = frozenset({"17"})  # coercion (arrests, curfews, expulsions): what states do
OVERRIDE_DEPS = frozenset({"compound", "amod", "nmod", "advmod"})
SMALL_CLAUSE_ADJECTIVES = ("guilty", "liable")  # "found X guilty": X is who the verdict is about
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
# Events done between two coordinated subjects when no one else is named ("A and B met", "… clashed")
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# … except pledges of aid: "China, Iran and Russia pledged funds" give to a third party, not to each other
ONE_WAY_CODES = ("033", "037", "038")
# What is left ("withdrew from", "pulled out of") or gone on ("went on strike against X") may name the other party.
LEFT_PREPOSITIONS = frozenset({"from", "of", "on"})
FORCEFUL_ROOTS = frozenset({"18", "19", "20"})
ADDRESSED_ROOTS = frozenset({"02", "10"})  # demands and appeals: "demanded that X resign" is addressed to X
# Events whose recipient may be a thing — a decision, a plan, a vote, a building — when no actor is named.
# Not aid, concessions, talks or cooperation, whose direct object is what is given or done, not to whom.
THING_TARGET_ROOTS = frozenset({"05", "09", "11", "12", "14", "16", "17", "18", "19", "20"})
PEACEKEEPING_CODE = "074"
MEDIATION_CODE = "045"
NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "dobj", "pobj", "prep", "nsubj", "attr"})
PEACEKEEPER_MOVES = ("042", "15")  # arriving (a visit for anyone else) and deploying
THING_CONFIDENCE = 0.2  # "Iran, Iraq and Syria …": more conjuncts than this is a list, not actors
# refusals and threats made conditional on what another actor does first
CONDITIONAL_ROOTS = frozenset({"12", "13"})
CONDITIONS = frozenset({"until", "till", "unless", "before"})
# what is condemned, rejected, protested or investigated is the thing itself, not where it happened
ABOUT_THINGS_ROOTS = frozenset({"09", "10", "11", "12", "13", "14"})


class ActorSource(Protocol):
    def resolve(self, text: str, date: dt.date | None = None, context: str | None = None) -> Actor | None: ...

    def find_mentions(self, text: str, date: dt.date | None = None) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class RuleCoder:
    """detente's built-in coder (registered as "rules")."""

    resolver: ActorSource
    lexicon: Lexicon
    models: tuple[str, ...]
    name: str = "rules"

    # -- which sentences are worth a parse -------------------------------------------------------
    def worth_parsing(self, sentence: str, mentions: Sequence[Any]) -> bool:
        return self.lexicon.has_trigger(sentence) and (bool(mentions) or bool(PRONOUN_SUBJECT.search(sentence)))

    def code_article(self, article: Article, sentences: Sequence[Sentence]) -> tuple[EventMention, ...]:
        if not article.codable:
            return ()
        datelines = {s.index: dateline(s.text) for s in sentences}
        sentences = [without_dateline(s) for s in sentences]
        scanned = [(s, self.resolver.find_mentions(s.text, article.published)) for s in sentences]
        keep = [s for s, mentions in scanned if self.worth_parsing(s.text, mentions)]
        docs = dict(zip((s.index for s in keep), parse_sentences(self.models, [s.text for s in keep]), strict=True))
        memory = ArticleMemory()
        events: list[EventMention] = []
        for sentence, mentions in scanned:
            memory.start_sentence([(m.start, m.end, m.actor) for m in mentions])
            doc = docs.get(sentence.index)
            if doc is not None:
                found = self._code_sentence(article, sentence, doc, memory, datelines[sentence.index])
                for mention in found:
                    memory.remember_subject(mention.source)
                events.extend(found)
            memory.end_sentence()
        dated = date_killings(events, getattr(self.resolver, "death_date", None), article.published)
        trigger_docs = {s.start: docs[s.index] for s in keep}
        return carry_narrative_time(
            article.text, sentences, dated, article.published, partial(told_in_past, trigger_docs)
        )

    # -- one sentence ----------------------------------------------------------------------------
    def _code_sentence(
        self, article: Article, sentence: Sentence, doc: Any, memory: ArticleMemory, filed_at: str = ""
    ) -> list[EventMention]:
        finder = ArgumentFinder(self.resolver, article.published, sentence.text)  # type: ignore[arg-type]
        triggers = self.triggers(doc)
        events = []
        for trigger in triggers:
            if lookup(trigger.cameo).plover_type is None:
                continue  # CAMEO 01 statements: PLOVER has no such event; they frame speech, not action
            if is_allegation(trigger.token) and trigger.cameo[:2] not in ("11", "09"):
                continue
            for source, target, modality, cameo in self._readings(trigger, finder, memory):
                mention = self._mention(article, sentence, trigger, source, target, modality, cameo)
                if mention.location is None and filed_at:  # "BAGHDAD —": where the report was filed
                    mention = dataclasses.replace(mention, location=find_location(filed_at, []))
                events.append(mention)
        return events

    def triggers(self, doc: Any) -> list[Trigger]:
        found: list[Trigger] = []
        consumed: set[int] = set()
        for token in doc:
            verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
            if verb and not is_condition(token, self.lexicon) and not newsroom_formula(token, self.lexicon):
                pattern = self._verb_pattern(token)
                if pattern is not None:
                    theme = bool(pattern.objects) and "dobj" not in pattern.target
                    obj = _constrained_object(token) if pattern.objects else None
                    cameo = self._override(obj, pattern.cameo, light=True) if obj is not None else pattern.cameo
                    found.append(Trigger(token, cameo, pattern.id, False, pattern.target, theme=theme))
                    if pattern.objects:
                        obj = _constrained_object(token)
                        if obj is not None:
                            consumed.add(obj.i)
        found = self._apply_frames(found)
        obligations = self._obligations(doc, found)
        demanded = {t.complement.i: t.rule.split("-")[1].split("/")[0] for t in obligations if t.complement is not None}
        found = [
            dataclasses.replace(t, framed=OBLIGATION_FRAMES[demanded[t.token.i]])
            if t.token.i in demanded and not t.nominal and t.framed is None
            else t
            for t in found
        ] + obligations
        found = purpose_triggers(doc, found) + blame_triggers(doc, self.lexicon)
        for token in doc:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                noun = self._noun_pattern(token)
                if noun is not None:
                    cameo = self._override(token, noun.cameo)
                    found.append(Trigger(token, cameo, noun.id, True, noun.target, noun.agent))
        return found

    def _apply_frames(self, triggers: list[Trigger]) -> list[Trigger]:
        """ "ordered X to cease attacks": one demand event (the frame) + the ordered act, now only intended.

        The governing verb's own pattern gives way to the frame; the complement and its conjuncts
        ("to shoot down and destroy") are marked with the frame, which sets their modality.
        """
        framed: dict[int, str] = {}
        heads: set[int] = set()
        combined: list[Trigger] = []
        for trigger in triggers:
            if trigger.nominal or trigger.token.dep_ not in ("xcomp", "ccomp"):
                continue
            head = trigger.token.head
            frame = self.lexicon.frames.get(self._lemma(head))
            if frame is None:
                continue
            heads.add(head.i)
            framed[trigger.token.i] = frame.name
            for conjunct in trigger.token.conjuncts:
                framed.setdefault(conjunct.i, frame.name)
            if frame.name == "appeal" and phone_call(head, person=trigger.cameo[:2] != "04"):
                # "called X to discuss …", "called X to apologize": the caller talks or apologizes to X
                combined.append(Trigger(head, trigger.cameo, f"phone-call/{trigger.rule}", False, ("dobj", "dative")))
                heads.add(trigger.token.i)
                continue
            slots = ("dobj", "dative") if frame.name in ("demand", "appeal") else trigger.target_slots
            rule = f"frame-{frame.name}/{trigger.rule}"
            combined.append(Trigger(head, frame.combine(trigger.cameo), rule, False, slots, complement=trigger.token))
        result = [
            dataclasses.replace(t, framed=framed[t.token.i]) if t.token.i in framed else t
            for t in triggers
            if t.token.i not in heads
        ]
        return result + combined

    def _override(self, noun: Token, cameo: str, light: bool = False) -> str:
        """ "a hunger strike", "a scathing attack": the modifier says what the event is. After a verb
        (``light``), a fixed code only where the verb just performs the noun's event ("launched a scathing
        attack"), not where it does something else to it ("halted their rocket attacks")."""
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in OVERRIDE_DEPS}
        modifiers |= {c.lower_ for c in noun.children if c.dep_ in OVERRIDE_DEPS}
        if not modifiers:
            return cameo
        lemma = noun.lemma_.lower()
        for rule in self.lexicon.overrides:
            if lemma in rule.heads and modifiers & rule.modifiers:
                own = self._noun_pattern(noun)
                if light and rule.cameo is not None and (own is None or own.cameo[:2] != cameo[:2]):
                    return cameo
                return rule.recode(cameo) or cameo
        return cameo

    def _obligations(self, doc: Any, triggers: list[Trigger]) -> list[Trigger]:
        """ "Russia says Israel must end its attacks": the speaker demands it of the clause's subject
        (PLOVER REQUEST), whether or not what is demanded is an event of the lexicon."""
        reporting = self.lexicon.cue("reporting.words")
        by_token = {t.token.i: t for t in triggers if not t.nominal}
        found = []
        for token in doc:
            modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_FRAMES), None)
            if modal is None or token.dep_ != "ccomp" or self._lemma(token.head) not in reporting:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or is_negated(token, self.lexicon):
                continue
            frame = self.lexicon.frames.get(OBLIGATION_FRAMES[modal])
            if frame is None:
                continue
            demanded = by_token.get(token.i)
            cameo = frame.combine(demanded.cameo) if demanded is not None else frame.default
            rule = f"obligation-{modal}" + (f"/{demanded.rule}" if demanded is not None else "")
            found.append(Trigger(token.head, cameo, rule, False, ("nsubj",), complement=token))
        return found

    def _lemma(self, token: Token) -> str:
        return self.lexicon.lemma_fixes.get(token.lower_, token.lemma_.lower())

    def _verb_pattern(self, token: Token) -> VerbPattern | None:
        """The first lexicon pattern of this verb whose particle and object fit the parse.

        A pattern's ``particle`` is a phrasal particle ("call off") or a preposition whose object is
        then the constrained object ("agree to a ceasefire"); spaCy hangs such a preposition on the
        verb or on its direct object ("accused [X of corruption]"), so both are looked at.
        """
        obj = _constrained_object(token)
        found = self._verb_pattern_for(token, obj, [obj.lemma_.lower()] if obj is not None else [None])
        if found is None and obj is not None:  # "provided shelter materials", "sent relief supplies"
            modifiers = [c.lemma_.lower() for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            found = self._verb_pattern_for(token, obj, modifiers) if modifiers else None
        return found

    def _verb_pattern_for(self, token: Token, obj: Token | None, object_lemmas: list[str | None]) -> VerbPattern | None:
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        for pattern in self.lexicon.verbs.get(self._lemma(token), ()):
            candidates = list(object_lemmas)
            if pattern.particle is not None and pattern.particle != particle:
                if particle is not None:  # "called off its attacks on X" is no "call on"
                    continue
                governed = [*prepositional_objects(token, pattern.particle)]
                if obj is not None:
                    governed += prepositional_objects(obj, pattern.particle)
                governed = [g for g in governed if not is_time_word(g)]  # "called Putin on Friday" is no "call on"
                if not governed and _small_clause(token, pattern.particle) is None:
                    continue
                candidates = [g.lemma_.lower() for g in governed] + candidates
            elif pattern.particle is None and particle is not None:
                continue  # "called off" is not "called"
            wildcard = "*" in pattern.objects and any(c is not None for c in candidates)  # any object at all
            if pattern.objects and not wildcard and not any(c in pattern.objects for c in candidates):
                continue
            return pattern
        return None

    def _noun_pattern(self, token: Token) -> NounPattern | None:
        """The noun's first pattern whose ``only_with`` words, if any, modify it ("an attempt on his
        life", "an assassination attempt"; not "an attempt to avoid confrontation")."""
        patterns = self.lexicon.nouns.get(token.lemma_.lower(), ())
        return next((p for p in patterns if not p.only_with or _modified_by(token, p.only_with)), None)

    def _readings(
        self, trigger: Trigger, finder: ArgumentFinder, memory: ArticleMemory
    ) -> list[tuple[Actor, Actor | None, Modality, str]]:
        token = trigger.token
        modality = modality_of(token, self.lexicon, trigger.nominal)
        if trigger.framed is not None and modality == "asserted":
            modality = "negated" if trigger.framed == "refusal" else "intended"  # ordered, threatened, vowed: not done
        cameo = trigger.cameo
        cameo = recode_for_peacekeeping(cameo, token)
        theme = None
        if not trigger.nominal and trigger.complement is None and trigger.framed is None:
            stance = self._stance_code(token, cameo, modality)
            if stance is not None:  # "will release X": an intent (AGREE); "did not sign": a refusal
                cameo, modality = stance, "asserted"
        passive = None
        complement_tokens: list[Token] = []
        if trigger.nominal:
            token = framing_noun(token)  # "a mediation effort between A and B": the effort carries the roles
            source_token = _nominal_agent(token, trigger.agent_slots)
            stopper = ceasing_head(token, self.lexicon)
            if stopper is not None:
                if cameo[:2] not in VIOLENT_ROOTS or self._verb_pattern(stopper) is not None:
                    return []  # the ceasing verb is coded on its own
                cameo = CEASED_CODE
                subject = subject_of(stopper)
                source_token = subject if subject is not None and subject.i != token.i else source_token
                if source_token is None and stopper.dep_ == "conj":
                    source_token = subject_of(stopper.head)
            slots = [*trigger.target_slots, *(s for s in GENERIC_TARGET_SLOTS if s not in trigger.target_slots)]
            target_tokens = [t for slot in slots for t in prepositional_objects(token, slot)]
            if token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS:  # "launched cyber warfare against X":
                own = [s for s in trigger.target_slots if s not in ("of", "by")]  # the parse hangs it on the verb
                on_verb = [t for slot in own for t in prepositional_objects(token.head, slot)]
                on_noun = [t for slot in trigger.target_slots for t in prepositional_objects(token, slot)]
                target_tokens = on_noun + on_verb + [t for t in target_tokens if t not in on_noun]
            undergoer = _possessed_undergoer(token)
            if undergoer is not None:  # "Gen. Suleimani's assassination": he was killed, he did not kill
                source_token = next(prepositional_objects(token, "by"), None)
                target_tokens = [undergoer]
        else:
            passive = passive_subject(token)
            source_token = subject_of(token)
            target_tokens = [passive] if passive is not None else self._verb_targets(token, trigger.target_slots)
            if passive is not None and trigger.theme:  # "was returned by X to Y": the subject is what is returned
                target_tokens = self._verb_targets(token, trigger.target_slots) + target_tokens
            if trigger.theme:  # "signed a pact", "reached a deal": what was done, not to whom
                theme = passive or object_of(token)
            if trigger.complement is not None and trigger.target_slots not in (("dobj", "dative"),):
                target_tokens = self._verb_targets(trigger.complement, trigger.target_slots)  # "vowed to protect X"
            elif trigger.complement is None:  # "agreed to set up a hospital in Gaza", "pledged to work with X"
                complement_tokens = [t for c in token.children if c.dep_ == "xcomp" for t in self._verb_targets(c, ())]
        if source_token is None and not trigger.nominal and cameo[:2] in STATE_ONLY_ROOTS and passive is not None:
            # "X was arrested in Rwanda": only the state arrests, so the place names who did
            places = [t for t in prepositional_objects(token, "in") if t.pos_ == "PROPN" and not is_time_word(t)]
            source_token = next((t for t in places if not any(is_time_word(c) for c in t.subtree)), None)
        if source_token is None:
            return []
        sources = finder.actors(source_token, memory)[:MAX_ACTORS_PER_SLOT]
        if trigger.nominal and source_token.dep_ == "poss" and token.dep_ == "dobj":
            sources = _voiced(sources, subject_of(token.head), finder, memory)  # "Erdogan reiterated Turkey's support"
        if (
            not sources
            and trigger.nominal
            and source_token.head.i == token.i
            and source_token.dep_ in ("compound", "amod")
        ):
            # "launched cyber warfare": the modifier names no actor, so the one who launched it acts
            launcher = subject_of(token.head) if token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS else None
            sources = finder.actors(launcher, memory)[:MAX_ACTORS_PER_SLOT] if launcher is not None else []
        targets: list[Actor] = []
        chosen, skipped_self = None, False
        weak: tuple[Token, list[Actor]] | None = None
        passing = not memory.subjects and cameo[:2] not in ABOUT_THINGS_ROOTS and len(sources) == 1
        for target_token in target_tokens:
            if is_time_word(target_token):
                continue  # "condemned … on Wednesday": a date, not a recipient
            event_noun = self._noun_pattern(target_token) is not None
            if event_noun:
                # "condemned the strikes": the target is whoever struck — the noun's own agent, or the
                # source of the article's latest event.
                targets = list(self._event_agent(target_token, finder, memory))
            else:
                targets = list(finder.actors(target_token, memory)[:MAX_ACTORS_PER_SLOT])
            if targets and all(same_actor(source, target) for source in sources for target in targets):
                targets, skipped_self = [], True  # "began an investigation into X": not the investigators
            if event_noun and passing and targets and all(t.country is None for t in targets):
                # nobody known did the event named where the recipient goes: "a suspension of aid to X" —
                # the aid is no actor; go on to X, and keep the event itself only when no one is named
                weak = weak or (target_token, targets)
                targets = []
            if targets:
                chosen = target_token
                break
        if not targets and weak:
            chosen, targets = weak
        reciprocal = len(sources) > 1 and _reciprocal(trigger.cameo)
        for target_token in complement_tokens if not targets and not reciprocal else ():
            # the recipient of what the subject agreed or pledged to do: an actor, not a thing or an event
            noun = self._noun_pattern(target_token)
            if noun is not None:  # "refused to respond to a request from X": whoever made the request
                target_token = _nominal_agent(target_token, noun.agent)
            if target_token is None or is_time_word(target_token):
                continue
            targets = finder.actors(target_token, memory)[:MAX_ACTORS_PER_SLOT]
            if targets and all(same_actor(source, target) for source in sources for target in targets):
                targets = []
            if targets:
                break
        if targets and chosen is not None and theme is not None and chosen.i == theme.i and len(sources) > 1:
            targets = []  # "A and B signed a pact": they signed it with each other
        pairs = [(source, targets) for source in sources]
        allied = trigger.cameo[:2] in FORCEFUL_ROOTS and (
            any(source.text.lower().startswith(("its ", "their ", "his ", "her ")) for source in sources)
            or not any(c.dep_ == "conj" for c in source_token.children)  # "US and British forces": one side
        )
        if (
            reciprocal
            and trigger.cameo[:2] not in FORCEFUL_ROOTS  # "US and British forces attacked the town": not each other
            and all((t.country is None and t.name is None) or any(same_actor(s, t) for s in sources) for t in targets)
        ):  # "Kuwait and its allies agreed to stage an exercise": with each other, not with it
            targets = []
        if not targets and len(sources) > 1 and _reciprocal(trigger.cameo) and not allied:
            # "India and Pakistan agreed to …", "Syria and Israel fired …": each side does it to the other
            # (but "Iran and its allies attacked …" are one side)
            pairs = [(source, [other for other in sources if other is not source]) for source in sources]
        elif not targets:
            targets = self._fallback_targets(trigger, target_tokens, finder, memory, theme)
            if not targets and skipped_self:
                return []  # the one recipient named is the source itself ("the US … its troops")
            pairs = [(source, targets) for source in sources]
        if (
            cameo[:2] in CONDITIONAL_ROOTS
            and len(pairs) == len(sources)
            and all(
                not recipients or all(r.country is None and r.name is None for r in recipients)
                for _, recipients in pairs
            )
        ):  # "will not end the strike until the government meets …": refused to, or threatened, that actor
            party = self._condition_party(token, sources, finder, memory)
            if party:
                pairs = [(source, party) for source, _ in pairs]
        if len(pairs) == len(sources) and all(
            not recipients or (cameo[:2] not in ABOUT_THINGS_ROOTS and all(r.name is None for r in recipients))
            for _, recipients in pairs
        ):
            # no named actor undergoes it, only a thing, an anonymous group or nobody: "agreed to set up a
            # hospital in Gaza", "killed 48 people in Afghanistan": PLOVER's target is the place
            nobody = all(not recipients for _, recipients in pairs)  # a capital city stands for nobody else
            place = event_place(token, sources, finder, memory, cities=nobody)
            if place is not None and all(r.country in (None, place.country) for _, rs in pairs for r in rs):
                pairs = [(source, [placed(r, place) for r in recipients] or [place]) for source, recipients in pairs]
        readings: list[tuple[Actor, Actor | None, Modality, str]] = []
        for source, recipients in pairs:
            cameo = recode_for_source(cameo, source)
            named: list[Actor | None] = [*recipients]
            for target in named or [None]:
                if target is not None and same_actor(source, target):
                    continue
                readings.append((source, target, modality, cameo))
        return readings

    def _fallback_targets(
        self,
        trigger: Trigger,
        candidates: Sequence[Token],
        finder: ArgumentFinder,
        memory: ArticleMemory,
        theme: Token | None = None,
    ) -> list[Actor]:
        """When no actor is named where the recipient goes: whoever a demand is addressed to ("demanded
        that the minister resign"), else the thing acted on ("rejected the election results", "seized
        the oil fields"), or the author of that thing ("welcomed the decision by the WHO")."""
        token = trigger.token
        if trigger.cameo == MEDIATION_CODE:  # "launched a mediation effort to end the dispute between A and B"
            clause = token
            while clause.dep_ in NOUN_PHRASE_DEPS and clause.head != clause:  # up to the verb of its clause
                clause = clause.head
            parties = (t for inner in clause.subtree for t in prepositional_objects(inner, "between"))
            return next((found for t in parties if (found := finder.actors(t, memory)[:MAX_ACTORS_PER_SLOT])), [])
        if not trigger.nominal and trigger.cameo[:2] in ADDRESSED_ROOTS:
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            addressee = subject_of(clause) if clause is not None else None
            if addressee is not None:
                found = finder.actors(addressee, memory)[:MAX_ACTORS_PER_SLOT]
                if found:
                    return found
        if trigger.cameo[:2] not in THING_TARGET_ROOTS:
            return []
        obj = passive_subject(token) or object_of(token) if not trigger.nominal else None
        if theme is None and obj is not None and self._noun_pattern(obj) is not None:
            theme = obj  # "carried out airstrikes against five sites": the strikes are the event itself
        if theme is not None:  # "launched a probe into the approval": what the pattern's event is about
            noun = self._noun_pattern(theme)
            slots = noun.target if noun is not None else trigger.target_slots
            first = [t for slot in slots for t in prepositional_objects(theme, slot)]
            if not trigger.nominal:
                verb_slots = [slot for slot in trigger.target_slots if slot != "dobj"]
                first += [t for slot in verb_slots for t in prepositional_objects(token, slot)]
            if noun is None:
                first.append(theme)  # "violated Sudan's ceasefire": the ceasefire's party
            candidates = first
        elif trigger.nominal:
            first = [t for slot in trigger.target_slots[:1] for t in prepositional_objects(token, slot)]
        else:
            passive = passive_subject(token)
            first = [passive] if passive is not None else [c for c in token.children if c.dep_ in ("dobj", "obj")]
        for thing in first:
            if thing not in candidates or thing.pos_ not in ("NOUN", "PROPN") or is_time_word(thing):
                continue
            author = _nominal_agent(thing, ("by",), described=False)  # not "a cabinet put forward by" its own head
            if author is not None and author.dep_ in ("poss", "pobj"):
                found = finder.actors(author, memory)[:1]
                if found:
                    return found
            return [Actor(text=core_text(thing), confidence=THING_CONFIDENCE)]
        return []

    def _condition_party(
        self, token: Token, sources: Sequence[Actor], finder: ArgumentFinder, memory: ArticleMemory
    ) -> list[Actor]:
        """Whoever must act first: the subject of an "until"/"unless" clause of the trigger (or of the verb
        that governs it: "refused to lift the ban unless X …")."""
        for verb in (token, token.head) if token.dep_ in ("xcomp", "pcomp") else (token,):
            for clause in verb.children:
                if clause.dep_ != "advcl" or not any(
                    c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children
                ):
                    continue
                subject = subject_of(clause)
                if subject is None or subject.pos_ == "PRON":
                    continue
                found = finder.actors(subject, memory)[:MAX_ACTORS_PER_SLOT]
                found = [f for f in found if not any(same_actor(s, f) for s in sources)]
                if found and not all(f.country is None and f.name is None and f.sector is None for f in found):
                    return found
        return []

    def _stance_code(self, token: Token, cameo: str, modality: Modality) -> str | None:
        """PLOVER codes a cooperative act an actor says it will do as the intent to do it (AGREE), and
        one it will not do, or failed to do, as a refusal (REJECT). Coercion or protest it says it will
        do is a threat (THREATEN: "will extend the curfew", "would boycott the talks"), unless done at once
        ("would immediately impose a curfew"); sanctions and force stay themselves, "intended"."""
        root = cameo[:2]
        if modality == "negated" and root in COOPERATIVE_ROOTS | {"03"}:
            refusal = self.lexicon.frames.get("refuse")
            if refusal is not None:
                return refusal.recode(cameo) or refusal.default
        if modality == "intended" and announced_intent(token) and root in COOPERATIVE_ROOTS:
            intent = self.lexicon.frames.get("vow")
            if intent is not None:
                return intent.recode(cameo)
        if (
            modality == "intended"
            and announced_intent(token)
            and cameo.startswith(THREATENED_CODES)
            and not done_at_once(token)
        ):
            threat = self.lexicon.frames.get("threaten")
            if threat is not None:
                return threat.combine(cameo)
        return None

    def _event_agent(self, noun: Token, finder: ArgumentFinder, memory: ArticleMemory) -> list[Actor]:
        # "accepted the resignation of X": X resigned. Other agent slots stay out: "refused a request from
        # the prime minister" would pair two officials of one government (one actor) and lose the event.
        pattern = self._noun_pattern(noun)
        agent = _nominal_agent(noun, ("by", "of") if pattern is not None and "of" in pattern.agent else ("by",))
        if agent is not None:
            found = finder.actors(agent, memory)[:1]
            if found:
                return found
        if memory.subjects:
            return memory.subjects[-1:]
        # Nobody known acted: the event itself is what was condemned ("condemned the bombing of X").
        return [Actor(text=_phrase(noun), confidence=0.3)]

    @staticmethod
    def _verb_targets(token: Token, slots: Sequence[str]) -> list[Token]:
        obj = object_of(token) or infinitive_subject(token)
        if obj is None:  # "called for sanctions against X": what is called for stands where the object goes
            obj = next(prepositional_objects(token, "for"), None) if token.lemma_ in ("call", "appeal") else None
        if obj is None:  # "found X guilty": the subject of the small clause stands where the object goes
            clauses = (_small_clause(token, word) for word in SMALL_CLAUSE_ADJECTIVES)
            clause = next((c for c in clauses if c is not None), None)
            obj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        targets: list[Token] = []

        def fill(slot: str) -> None:
            if slot == "dobj" and obj is not None:
                targets.append(obj)
            elif slot == "dative":
                targets.extend(dative_objects(token))
            elif slot == "nsubj":  # who a demand is put to: "… said Israel must end …"
                targets.extend(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))
            else:
                targets.extend(prepositional_objects(token, slot))
                if obj is not None:  # "imposed sanctions on Iran": the prep hangs on the object
                    targets.extend(prepositional_objects(obj, slot))
                for left in (c for c in token.children if c.dep_ == "prep" and c.lower_ in LEFT_PREPOSITIONS):
                    for thing in (g for g in left.children if g.dep_ == "pobj"):  # "withdrew from the deal with X"
                        targets.extend(prepositional_objects(thing, slot))

        for slot in slots:
            fill(slot)
        own = [slot for slot in slots if slot not in ("dobj", "dative", "nsubj", "for")]
        for purpose in prepositional_objects(token, "for"):  # "mobilized troops for an offensive against X"
            if obj is None or purpose.i != obj.i:
                targets.extend(
                    t for inner in purpose.subtree for slot in own for t in prepositional_objects(inner, slot)
                )
        for slot in GENERIC_TARGET_SLOTS:
            if slot not in slots:
                fill(slot)
        if obj is not None and "dobj" not in slots:
            # the object is what is given or done, the recipient a prepositional phrase that the parser may
            # hang inside the object: "returned a pendant engraved with an eagle to Russia"
            inside = [inner for inner in obj.subtree if inner.i != obj.i]
            for slot in own:
                targets.extend(reversed([t for inner in inside for t in prepositional_objects(inner, slot)]))
        return targets

    def _mention(
        self,
        article: Article,
        sentence: Sentence,
        trigger: Trigger,
        source: Actor,
        target: Actor | None,
        modality: Modality,
        cameo: str,
    ) -> EventMention:
        token = trigger.token
        code = lookup(cameo)
        start = sentence.start + token.idx
        anchor = time_anchor(token)
        date = event_date(
            own_clause_text(sentence.text, anchor, token),
            anchor.idx,
            anchor.idx + len(anchor.text),
            article.published,
            tense=tense_of(anchor),
        )
        in_play = [c for c in (source.country, target.country if target else None) if c]
        identity = f"{article.article_id}|{start}|{cameo}|{source.text}|{target.text if target else ''}"
        confidence = round(min(source.confidence or 0.5, (target.confidence if target else 0.5) or 0.5) * 0.9, 3)
        return EventMention(
            mention_id=hashlib.sha256(identity.encode()).hexdigest()[:20],
            article_id=article.article_id,
            source=source,
            target=target,
            cameo=code.code,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            plover_type=code.plover_type or "",
            plover_mode=code.plover_mode,
            plover_context=code.plover_context,
            modality=modality,
            date=date,
            location=find_location(sentence.text, in_play),
            evidence=Evidence(article.article_id, sentence.text, start, start + len(token.text), sentence.start),
            confidence=confidence,
            coder=f"{CODER_VERSION}/{trigger.rule}" + ("/ceased" if cameo != trigger.cameo else ""),
        )


def recode_for_source(cameo: str, source: Actor | None) -> str:
    """Troops, police or rebels who "storm" a building attack it; they do not protest. Peacekeepers who
    arrive or deploy somewhere keep the peace there (CAMEO 074); they neither visit nor mobilize."""
    if cameo[:2] == "14" and source is not None and source.sector in ARMED_SECTORS:
        return ARMED_STORMING_CODE
    if cameo.startswith(PEACEKEEPER_MOVES) and source is not None and "peacekeep" in source.text.lower():
        return PEACEKEEPING_CODE
    return cameo


def recode_for_peacekeeping(cameo: str, token: Token) -> str:
    """Troops sent or deployed as peacekeepers protect (CAMEO 074): "sent 300 soldiers to the UN
    peacekeeping force", "the deployment of troops on a peacekeeping mission"."""
    return PEACEKEEPING_CODE if cameo[:2] == "15" and _for_peacekeeping(token) else cameo


def _for_peacekeeping(token: Token) -> bool:
    clause = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS else token
    subject = subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None
    skipped = {t.i for t in subject.subtree} if subject is not None and subject.dep_ == "nsubj" else set()
    return any(t.lemma_.lower().startswith("peacekeep") for t in clause.subtree if t.i not in skipped)


def _phrase(token: Token) -> str:
    """A token's noun phrase without its clauses: "the bombing of a military academy"."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i == token.i]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return str(token.doc.text[start:end]).strip(" ,")


def _small_clause(verb: Token, adjective: str) -> Token | None:
    """The adjective of a small clause under ``verb`` ("found [X guilty]"), if it is ``adjective``."""
    if adjective not in SMALL_CLAUSE_ADJECTIVES:
        return None
    return next((c for c in verb.children if c.dep_ in SMALL_CLAUSE_DEPS and c.lower_ == adjective), None)


def _modified_by(noun: Token, words: frozenset[str]) -> bool:
    return any(child.lower_ in words for child in noun.children)


def _constrained_object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "obj")), None)


# Event nouns whose possessor is who undergoes the act when no "of" phrase names someone else:
# "Suleimani's assassination", "the journalist's arrest", "Ratcliffe's release".
UNDERGOER_NOUNS = frozenset({
    "assassination", "killing", "murder", "execution", "death", "arrest", "detention", "abduction",
    "kidnapping", "capture", "imprisonment", "deportation", "expulsion", "extradition", "release",
    "ouster", "overthrow", "torture",
})  # fmt: skip


def _voiced(owners: list[Actor], speaker: Token | None, finder: ArgumentFinder, memory: ArticleMemory) -> list[Actor]:
    """A country's act voiced by its own leader or government is theirs: "Erdogan reiterated Turkey's
    support for X" (the source PLOVER coders name); anyone else voicing it leaves it the country's."""
    voice = finder.actor(speaker, memory) if speaker is not None else None
    if voice is None or voice.sector != "GOV" or [o.country for o in owners] != [voice.country]:
        return owners
    return [voice]


def _reciprocal(cameo: str) -> bool:
    return cameo[:2] in RECIPROCAL_ROOTS and not cameo.startswith(ONE_WAY_CODES)


def _possessed_undergoer(noun: Token) -> Token | None:
    if noun.lemma_ not in UNDERGOER_NOUNS or next(prepositional_objects(noun, "of"), None) is not None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.pos_ != "PRON" else None


def _nominal_agent(token: Token, agent_slots: Sequence[str], described: bool = True) -> Token | None:
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    light = token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS
    for slot in agent_slots:
        found = next(prepositional_objects(token, slot), None)
        if found is not None and slot == "of" and light and subject_of(token.head) is not None:
            return subject_of(token.head)  # "Kenya announced the deployment of troops": Kenya deploys them
        if found is not None:
            return found
    author = participle_agent(token) if described else None  # "an appeal filed by X"
    if author is not None:
        return author
    compound = next((c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ in ("PROPN", "ADJ")), None)
    if compound is not None:  # "the American strikes": the adjective names who struck
        return compound
    if token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS:
        return subject_of(token.head)  # "Iran launched an attack": the launcher attacks
    return None
