"""Dates the text leaves out but the actor data knows: a person is killed on the day they died.

News looks back on killings in passing ("the Americans retaliated for the killing of a contractor in
December by killing … Qassim Suleimani"), and the nearest time expression often belongs to another
clause. When the victim of a killing is a person of the actor data with a recorded death day before
the article, the killing happened that day, whatever the sentence's nearest cue says. Violent events
of the same sentence that took their date from the same (now refuted) cue share the corrected date:
they are the same act told twice ("retaliated … by killing").

Decisions:
* Only killings (``KILLING_CODES``) of a named person move, and with them only violent events
  (``VIOLENT_ROOTS``) of their sentence dated by the same cue: a threat or a vow of revenge in that
  sentence keeps its own date.
* A cue that gives a day and agrees with the death day is kept as it is.
* A death after the publication day is not used: the article cannot report it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from detente.records import EventDate, EventMention

KILLING_CODES = frozenset({"186", "1823"})  # assassinate; kill by physical assault
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
DeathDate = Callable[[str], dt.date | None]


def date_killings(
    mentions: Sequence[EventMention], death_date: DeathDate | None, published: dt.date | None
) -> tuple[EventMention, ...]:
    """``mentions`` of one article, with killings of known people dated by the day they died."""
    if death_date is None or not mentions:
        return tuple(mentions)
    corrected: dict[tuple[int, str | None, str | None], EventDate] = {}
    dated = list(mentions)
    for position, mention in enumerate(mentions):
        died = _death_of_victim(mention, death_date, published)
        if died is None or mention.date.value == died.isoformat():
            continue
        name = mention.target.name if mention.target else ""
        new = EventDate(died.isoformat(), "day", f"{name} died {died.isoformat()} (actor data)")
        corrected[_cue_key(mention)] = new
        dated[position] = dataclasses.replace(mention, date=new)
    if not corrected:
        return tuple(dated)
    for position, mention in enumerate(dated):
        shared = corrected.get(_cue_key(mention))
        violent = mention.cameo[:2] in VIOLENT_ROOTS
        if shared is not None and violent and mention.date.cue is not None and mention.date != shared:
            dated[position] = dataclasses.replace(mention, date=shared)
    return tuple(dated)


def _death_of_victim(mention: EventMention, death_date: DeathDate, published: dt.date | None) -> dt.date | None:
    if mention.cameo not in KILLING_CODES or mention.target is None or not mention.target.name:
        return None
    died = death_date(mention.target.name)
    if died is None or (published is not None and died > published):
        return None
    return died


def _cue_key(mention: EventMention) -> tuple[int, str | None, str | None]:
    """Mentions dated by one expression of one sentence share this key."""
    return (mention.evidence.sentence_start, mention.date.cue, mention.date.value)
