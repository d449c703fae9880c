"""Median time of ``ActorResolver.find_mentions`` per sentence, on ~2000 generated news sentences, and of
``resolve`` per mention found (alone and with its sentence).

    python benchmarks/bench_actors.py

The sentences are built from templates written for this benchmark (no shared data is read), mixing
actor-dense sentences with ones that name no actor, at typical news lengths (15-40 words).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from detente.actors import ActorResolver

SENTENCE_COUNT = 2000
REPEATS = 5  # each sentence is timed this many times; the minimum removes scheduler noise
SUBJECTS = [
    "Iran",
    "The United States",
    "Iran-backed Iraqi militias",
    "Gen. Ismail Qaani",
    "The Pentagon",
    "Mr. al-Kadhimi",
    "President Trump",
    "Iraq's Parliament",
    "Protesters in Baghdad",
    "Tehran’s envoy",
    "The Kremlin",
    "Hezbollah",
    "Israeli troops",
    "The U.N. Security Council",
    "Brian Hook",
    "A spokesman for the ministry",
    "Local residents",
    "The company",
    "Analysts",
    "Turkey's president",
]
VERBS = [
    "accused",
    "met with",
    "threatened",
    "called on",
    "agreed to talk with",
    "criticized",
    "praised",
    "imposed new sanctions on",
    "launched rockets at",
    "released prisoners held by",
    "warned",
]
OBJECTS = [
    "American forces in Iraq",
    "the Quds Force",
    "Saudi Arabia",
    "the European Union",
    "NATO allies",
    "the Iraqi government",
    "Russian diplomats",
    "the Houthis",
    "the U.S. Navy",
    "Chinese officials",
    "the opposition",
    "the weather service",
    "a regional bank",
    "its neighbours",
    "Kata'ib Hezbollah",
]
TAILS = [
    "on Tuesday, according to people familiar with the talks.",
    "after months of rising tension in the Persian Gulf.",
    "in a statement that was read on state television late on Sunday night.",
    "despite repeated warnings from diplomats and analysts in Washington and Brussels.",
    ", a move that surprised many observers who had expected a quieter week.",
    "as the coronavirus epidemic and a tanking economy weighed on the region.",
]
PLAIN = [
    "The weather was mild and the markets were calm as traders waited for new figures on inflation.",
    "It was not clear how many people had attended the meeting, which lasted for about three hours.",
    "Prices for wheat and corn rose sharply over the week, reflecting fears of a poor harvest this year.",
]


def sentences(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    built = []
    for index in range(SENTENCE_COUNT):
        if index % 5 == 0:
            built.append(rng.choice(PLAIN))
            continue
        tail = rng.choice(TAILS)
        joiner = "" if tail.startswith(",") else " "
        built.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{joiner}{tail}")
    return built


def main() -> None:
    started = time.perf_counter()
    resolver = ActorResolver()
    load_seconds = time.perf_counter() - started
    corpus = sentences()
    date = dt.date(2020, 5, 27)
    for sentence in corpus[:200]:  # warm the token cache like a long-running pipeline would
        resolver.find_mentions(sentence, date)
    timings = []
    mentions = 0
    for sentence in corpus:
        best = float("inf")
        for _ in range(REPEATS):
            tick = time.perf_counter()
            found = resolver.find_mentions(sentence, date)
            best = min(best, time.perf_counter() - tick)
        timings.append(best)
        mentions += len(found)
    timings.sort()
    median_ms = statistics.median(timings) * 1000
    p95_ms = timings[int(len(timings) * 0.95)] * 1000
    words = statistics.mean(len(s.split()) for s in corpus)
    print(f"resolver load: {load_seconds:.2f} s")
    print(f"sentences: {len(corpus)} (mean {words:.1f} words), mentions found: {mentions}")
    print(f"find_mentions median: {median_ms:.3f} ms/sentence, p95: {p95_ms:.3f} ms (target < 0.2 ms median)")
    print(f"median / target ratio: {median_ms / 0.2:.2f}")
    bare, in_context = resolve_timings(resolver, corpus, date)
    print(f"resolve median: {bare:.3f} ms/mention alone, {in_context:.3f} ms/mention with its sentence")


def resolve_timings(resolver: ActorResolver, corpus: list[str], date: dt.date) -> tuple[float, float]:
    """Median ``resolve`` time per mention: the mention alone, and with its sentence as context (what
    ``detente actors --batch`` and the event coder do)."""
    pairs = [(m.text, sentence) for sentence in corpus[:500] for m in resolver.find_mentions(sentence, date)]
    medians = []
    for with_context in (False, True):
        timings = []
        for mention, sentence in pairs:
            best = float("inf")
            for _ in range(REPEATS):
                tick = time.perf_counter()
                resolver.resolve(mention, date, sentence if with_context else None)
                best = min(best, time.perf_counter() - tick)
            timings.append(best)
        medians.append(statistics.median(timings) * 1000)
    return medians[0], medians[1]


if __name__ == "__main__":
    main()
