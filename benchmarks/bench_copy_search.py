"""Candidate search at scale on a synthetic corpus with planted copies and shortened rewrites.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_copy_search.py [--sizes 1000 10000] [--with-100k]

Documents are random news-like sentences drawn from a Zipf-distributed vocabulary plus per-document
names and numbers. A share of them get a planted verbatim copy (new header and footer) and a share a
shortened rewrite (a third of the sentences, a quarter of the words swapped, framed "according to").
Prints recall of the planted pairs among the candidates, candidates per document, wall time, peak
memory (peak RSS of the process so far, via resource: tracemalloc slowed the run 2x) and the
time ratio per doubling of the corpus (1.0 = linear).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import resource
import time
from dataclasses import dataclass

from detente.provenance.search import find_candidates, fingerprint

VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.1
SENTENCES_PER_DOCUMENT = (8, 25)
WORDS_PER_SENTENCE = (10, 28)
COPY_SHARE = 0.05  # documents that get a verbatim copy
REWRITE_SHARE = 0.05  # documents that get a shortened rewrite
REWRITE_KEEP = 1 / 3  # share of the original's sentences a rewrite keeps
REWRITE_SWAP = 0.25  # share of kept words a rewrite replaces
SEED = 7


@dataclass(frozen=True, slots=True)
class Corpus:
    texts: dict[str, str]
    planted: set[tuple[str, str]]  # (a, b) with a < b


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(VOCABULARY_SIZE)})
    weights = [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(words))]
    # Cumulative weights, computed once: rng.choices re-sums 20,000 weights on every call otherwise
    # (the same draws, 20x faster corpus generation at 100k documents).
    return words, list(itertools.accumulate(weights))


def _document(rng: random.Random, words: list[str], weights: list[float]) -> list[str]:
    names = ["".join(rng.choice("BCDFGKLMNPRSTVZ") + rng.choice("aeiou") for _ in range(3)) for _ in range(4)]
    sentences = []
    for _ in range(rng.randint(*SENTENCES_PER_DOCUMENT)):
        body = rng.choices(words, cum_weights=weights, k=rng.randint(*WORDS_PER_SENTENCE))
        body.insert(rng.randrange(len(body)), rng.choice(names))
        if rng.random() < 0.3:
            body.insert(rng.randrange(len(body)), str(rng.randint(2, 5000)))
        sentences.append(" ".join(body).capitalize() + ".")
    return sentences


def make_corpus(size: int) -> Corpus:
    rng = random.Random(SEED)
    words, weights = _vocabulary(rng)
    texts: dict[str, str] = {}
    planted: set[tuple[str, str]] = set()
    originals = int(size / (1 + COPY_SHARE + REWRITE_SHARE))
    for index in range(originals):
        doc_id = f"d{index:07d}"
        sentences = _document(rng, words, weights)
        texts[doc_id] = "\n\n".join(sentences)
        draw = rng.random()
        if len(texts) < size and draw < COPY_SHARE:
            copy_id = doc_id + "-copy"
            texts[copy_id] = "Reprinted from the Wire.\n\n" + texts[doc_id] + "\n\nAll rights reserved."
            planted.add((doc_id, copy_id))
        elif len(texts) < size and draw < COPY_SHARE + REWRITE_SHARE:
            rewrite_id = doc_id + "-rewrite"
            kept = sorted(rng.sample(range(len(sentences)), max(2, int(len(sentences) * REWRITE_KEEP))))
            rewritten = []
            for position in kept:
                tokens = sentences[position].rstrip(".").split()
                for i in range(len(tokens)):
                    if rng.random() < REWRITE_SWAP:
                        tokens[i] = rng.choices(words, cum_weights=weights)[0]
                rewritten.append("According to the Wire, " + " ".join(tokens) + ".")
            texts[rewrite_id] = "\n\n".join(rewritten)
            planted.add((doc_id, rewrite_id))
    return Corpus(texts, planted)


def run(size: int) -> dict[str, float]:
    corpus = make_corpus(size)
    started = time.perf_counter()
    prints = {doc_id: fingerprint(text) for doc_id, text in corpus.texts.items()}
    fingerprinted = time.perf_counter()
    candidates = find_candidates(corpus.texts, prints)
    finished = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    found = {(c.first, c.second) for c in candidates}
    copies = {pair for pair in corpus.planted if pair[1].endswith("-copy")}
    rewrites = corpus.planted - copies
    return {
        "docs": len(corpus.texts),
        "recall_copies": len(copies & found) / max(1, len(copies)),
        "recall_rewrites": len(rewrites & found) / max(1, len(rewrites)),
        "candidates_per_doc": len(candidates) / len(corpus.texts),
        "fingerprint_s": fingerprinted - started,
        "search_s": finished - fingerprinted,
        "total_s": finished - started,
        "peak_mb": peak_kb / 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--with-100k", action="store_true", help="also run 100,000 documents (minutes)")
    options = parser.parse_args()
    sizes = list(options.sizes) + ([100_000] if options.with_100k else [])
    print(
        "| docs | recall copies | recall rewrites | cand/doc | fingerprint s | search s | total s | "
        "peak MB | time ratio per doubling |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    previous: dict[str, float] | None = None
    for size in sizes:
        result = run(size)
        ratio = ""
        if previous is not None:
            doublings = math.log2(result["docs"] / previous["docs"])
            ratio = f"{(result['total_s'] / previous['total_s']) ** (1 / doublings) / 2:.2f}"
        print(
            f"| {result['docs']:.0f} | {result['recall_copies']:.3f} | {result['recall_rewrites']:.3f} | "
            f"{result['candidates_per_doc']:.2f} | {result['fingerprint_s']:.1f} | "
            f"{result['search_s']:.1f} | "
            f"{result['total_s']:.1f} | {result['peak_mb']:.0f} | {ratio} |"
        )
        previous = result
    print("time ratio per doubling: time(2n)/time(n)/2, so 1.00 is linear and 2.00 quadratic")


if __name__ == "__main__":
    main()
