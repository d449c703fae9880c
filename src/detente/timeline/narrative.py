"""The time a paragraph sets: "In April, Gen. Qaani came to Baghdad. He told Iraqi leaders … who met
with him" — the meeting is in April, though its sentence names no time.

A time expression that opens a sentence ("In April, …", "Last week, …") frames the narrative that
follows it (a frame-setting adverbial, in the linguists' term). Until the paragraph ends or another
sentence opens with a time of its own, past-tense events without a time cue of their own take the
frame's date, and say so in their cue ("In April (narrative)"). Everything else keeps its date: an
event with its own cue, an event in the present or perfect ("Iran has engaged"), an event of the
sentence after a paragraph break, and every event when the frame lies after the publication day.

Decisions:
* Only a frame at the very start of the sentence (``FRAME_START`` characters, after a dateline)
  counts: a time inside a clause ("the killing of a contractor in December") dates that clause.
* The frame must resolve at month or day precision: "In 2003, …" starts a background paragraph whose
  sentences are too loosely tied to it to date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from detente.records import EventDate, EventMention, Sentence
from detente.timeline.dates import find_time_expressions

FRAME_START = 4  # characters: "In April," starts at 0; an opening quote or dash may precede it
FRAME_PRECISIONS = frozenset({"month", "day"})
NARRATIVE = " (narrative)"


def carry_narrative_time(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[EventMention],
    published: dt.date | None,
    in_past: Callable[[EventMention], bool],
) -> tuple[EventMention, ...]:
    """``mentions`` of one article, the uncued past-tense ones dated by their paragraph's frame."""
    if published is None or all(m.date.cue is not None for m in mentions):
        return tuple(mentions)  # nothing to date: the article's sentences need no scan
    frames = _frames(text, sentences, published)
    dated = []
    for mention in mentions:
        frame = _frame_at(frames, mention.evidence.sentence_start)
        if frame is not None and mention.date.cue is None and in_past(mention):
            mention = dataclasses.replace(mention, date=frame)
        dated.append(mention)
    return tuple(dated)


def _frames(text: str, sentences: Sequence[Sentence], published: dt.date) -> list[tuple[int, int, EventDate]]:
    """(start, end, frame) character ranges of the article under a frame; the frame's own sentence
    is not in its range (its events were dated by the expression already)."""
    frames: list[tuple[int, int, EventDate]] = []
    current: EventDate | None = None
    for position, sentence in enumerate(sentences):
        previous = sentences[position - 1] if position else None
        if previous is not None and "\n" in text[previous.end : sentence.start]:
            current = None  # a new paragraph
        opening = _opening_frame(sentence.text, published)
        if opening is not None:
            current = opening
            continue
        if current is not None:
            frames.append((sentence.start, sentence.end, current))
    return frames


def _opening_frame(sentence: str, published: dt.date) -> EventDate | None:
    stripped = sentence.lstrip(" \"'“‘—–-■•")
    offset = len(sentence) - len(stripped)
    if offset > FRAME_START:
        return None
    for expression in find_time_expressions(sentence, published, tense="past"):
        if expression.start > offset + FRAME_START:
            return None
        value, precision = expression.value, expression.precision
        if precision not in FRAME_PRECISIONS or value >= published.isoformat()[: len(value)]:
            return None  # too coarse, or not in the past
        return EventDate(value, precision, expression.text + NARRATIVE)
    return None


def _frame_at(frames: Sequence[tuple[int, int, EventDate]], offset: int) -> EventDate | None:
    for start, end, frame in frames:
        if start <= offset < end:
            return frame
    return None
