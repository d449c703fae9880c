"""What a copy changed in a sentence it repeats: polarity, numbers, names, attribution or wording.

Similarity cannot see a flipped claim ("Iran accepted X" and "Iran did not accept X" share every
content word), so each aligned pair is compared on explicit features, most serious first:

1. ``polarity_flipped``: the parity of effective negations differs, or an antonym was swapped in
   ("confirmed" -> "denied"); "not only ... but" and "not opposed" are not negations.
2. ``number_changed``: the copy states a number the original does not.
3. ``entity_changed``: a name was replaced by a different name (spellings and aliases such as
   "Tehran" for "Iran" are the same name).
4. ``attribution_changed``: the claim is credited to someone else, or its speaker was dropped.
5. ``same`` when the wording is (nearly) identical, else ``reworded`` with the word swaps.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from detente.provenance.text import (
    content_stems,
    lexicon,
    name_key,
    names,
    negation_cues,
    numbers,
    same_name,
    stem,
    words,
)
from detente.records import AlignedPair, ChangeKind

# Word-sequence ratio at or above which two sentences are "the same" wording (a typo or a dropped
# article is not a rewording); a single swapped word in a 20-word sentence gives ~0.95.
SAME_WORDING_RATIO = 0.97
MAX_SWAPS_IN_DETAIL = 4  # more swaps than this are summarised: the detail is for a human reader
MAX_SWAP_WORDS = 4  # a replaced span longer than this is a rewrite, not a swap
SPEAKER_WINDOW = 4  # words after "said"/"according to" (or before "said") that name the speaker
_SPEECH = re.compile(r"\b(?:said|says|say|saying|told|according to|quoted|stated|claimed|added)\b")


def compare(copy_sentence: str, original_sentence: str, similarity: float, credited: str | None) -> AlignedPair:
    """The aligned pair with its change kind and a human-readable detail."""
    change, detail = classify_change(copy_sentence, original_sentence, credited)
    return AlignedPair(copy_sentence, original_sentence, round(similarity, 4), change, detail)  # as stored


def classify_change(copy_sentence: str, original_sentence: str, credited: str | None) -> tuple[ChangeKind, str | None]:
    if copy_sentence == original_sentence:  # most of a verbatim copy: nothing to look for
        return "same", None
    flip = polarity_flip(copy_sentence, original_sentence)
    if flip:
        return "polarity_flipped", flip
    number_change = changed_numbers(copy_sentence, original_sentence)
    if number_change:
        return "number_changed", number_change
    name_change = changed_names(copy_sentence, original_sentence, credited)
    if name_change:
        return "entity_changed", name_change
    speaker_change = changed_speaker(copy_sentence, original_sentence, credited)
    if speaker_change:
        return "attribution_changed", speaker_change
    copy_words, original_words = words(copy_sentence), words(original_sentence)
    if SequenceMatcher(None, original_words, copy_words, autojunk=False).ratio() >= SAME_WORDING_RATIO:
        return "same", None
    return "reworded", word_swaps(original_words, copy_words)


def polarity_flip(copy_sentence: str, original_sentence: str) -> str | None:
    """A detail like "accepted → did not accept" when the sentences state a claim with opposite polarity."""
    swapped = _antonym_swap(copy_sentence, original_sentence)
    swap_words = set(swapped.split(" → ")) if swapped else set()
    # "denied" for "confirmed" is one flip, not a swap plus a negation that undoes it.
    copy_cues = [cue for cue in negation_cues(copy_sentence) if cue not in swap_words]
    original_cues = [cue for cue in negation_cues(original_sentence) if cue not in swap_words]
    parity_differs = len(copy_cues) % 2 != len(original_cues) % 2
    if parity_differs == bool(swapped):  # no flip, or a swap undone by a negation
        return None
    if swapped:
        return swapped
    extra = Counter(copy_cues) - Counter(original_cues)
    if extra:
        cue = next(iter(extra))
        return f"{_counterpart(cue, original_sentence)} → {cue}"
    dropped = next(iter(Counter(original_cues) - Counter(copy_cues)), original_cues[0] if original_cues else "")
    return f"{dropped} → {_counterpart(dropped, copy_sentence)}"


def _antonym_swap(copy_sentence: str, original_sentence: str) -> str | None:
    antonyms = lexicon().antonyms
    copy_words, original_words = set(words(copy_sentence)), set(words(original_sentence))
    for word in sorted(copy_words - original_words):
        for opposite in sorted(antonyms.get(word, ())):
            if opposite in original_words and opposite not in copy_words:
                return f"{opposite} → {word}"
    return None


def _counterpart(cue: str, other_sentence: str) -> str:
    """The word in ``other_sentence`` that the negation ``cue`` negates ("did not accept" -> "accepted")."""
    negated = stem(cue.split()[-1])
    for word in words(other_sentence):
        if stem(word) == negated:
            return word
    return "(affirmative)"


def changed_numbers(copy_sentence: str, original_sentence: str) -> str | None:
    """A detail like "16 → 22" when the copy states numbers the original does not."""
    copy_numbers, original_numbers = Counter(numbers(copy_sentence)), Counter(numbers(original_sentence))
    introduced = sorted((copy_numbers - original_numbers).elements())
    if not introduced:
        return None
    replaced = sorted((original_numbers - copy_numbers).elements())
    swaps = [f"{old} → {new}" for old, new in zip(replaced, introduced, strict=False)]
    swaps.extend(f"(none) → {new}" for new in introduced[len(replaced) :])
    return "; ".join(swaps)


def changed_names(copy_sentence: str, original_sentence: str, credited: str | None) -> str | None:
    """A detail like "Reuters → AP" when a name of the original was replaced by a different one."""
    ignored = {name_key(word) for word in (credited or "").split()} | lexicon().outlet_words
    copy_names = _body_names(copy_sentence, ignored)
    original_names = _body_names(original_sentence, ignored)
    new = [n for n in copy_names if not any(same_name(n, other) for other in original_names)]
    gone = [n for n in original_names if not any(same_name(n, other) for other in copy_names)]
    if not new or not gone:
        return None
    return f"{' '.join(dict.fromkeys(gone))} → {' '.join(dict.fromkeys(new))}"


def _body_names(sentence: str, ignored: set[str]) -> list[str]:
    """Names, minus the sentence's first word (capitalised anyway) and the credited outlet."""
    found = names(sentence)
    first_word = re.match(r"\W*([\w'-]+)", sentence)
    if found and first_word and found[0] == first_word.group(1) and found.count(found[0]) == 1:
        found = found[1:]
    return [name for name in found if name_key(name) not in ignored]


def changed_speaker(copy_sentence: str, original_sentence: str, credited: str | None) -> str | None:
    """A detail like "Randa Slim → analysts" when the claim is credited to a different speaker, or to none."""
    copy_speakers = _speakers(copy_sentence, credited)
    original_speakers = _speakers(original_sentence, credited)
    if not original_speakers or copy_speakers & original_speakers:
        return None
    before = " ".join(sorted(original_speakers))
    after = " ".join(sorted(copy_speakers)) if copy_speakers else "(unattributed)"
    return f"{before} → {after}"


def _speakers(sentence: str, credited: str | None) -> set[str]:
    lex = lexicon()
    ignored = lex.framing | lex.framing_subjects | lex.stopwords | lex.titles
    ignored |= {stem(word) for word in words(credited or "")}
    lowered = sentence.lower()
    speakers: set[str] = set()
    for match in _SPEECH.finditer(lowered):
        after = content_stems(lowered[match.end() :], drop_framing=True)[:SPEAKER_WINDOW]
        before = content_stems(lowered[: match.start()], drop_framing=True)[-2:]
        window = after if match.group(0) in ("according to", "quoted") else before + after
        speakers.update(word for word in window if word not in ignored)
    return speakers


def word_swaps(original_words: list[str], copy_words: list[str]) -> str | None:
    """A detail like "rocket → missile; cease → stop": short replaced spans, word by word if lengths agree."""
    skip = lexicon().stopwords
    swaps: list[str] = []
    phrases: list[str] = []
    matcher = SequenceMatcher(None, original_words, copy_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 > MAX_SWAP_WORDS or j2 - j1 > MAX_SWAP_WORDS:
            continue
        old, new = original_words[i1:i2], copy_words[j1:j2]
        if len(old) == len(new):
            swaps.extend(
                f"{a} → {b}"
                for a, b in zip(old, new, strict=True)
                if stem(a) != stem(b) and a not in skip and b not in skip
            )
        elif not set(old) | set(new) <= skip:
            phrases.append(f"{' '.join(old)} → {' '.join(new)}")
    swaps.extend(phrases)  # single-word swaps ("rocket → missile") first: they are the telling ones
    if not swaps:
        return None
    shown = swaps[:MAX_SWAPS_IN_DETAIL]
    more = len(swaps) - len(shown)
    return "; ".join(shown) + (f"; +{more} more" if more else "")
