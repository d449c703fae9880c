"""Candidate search: which article pairs deserve the expensive sentence alignment.

Comparing every pair is quadratic; this stays near-linear with two cheap channels and one optional:

1. **MinHash LSH** over word 5-gram shingles finds verbatim and near-verbatim copies.
2. **Rare-token containment** finds shortened rewrites, whose wording changed but whose names,
   numbers and unusual words did not: each article keeps its rarest content stems as *keys*; an
   inverted index over rare stems (document frequency capped, so postings stay short) counts, for
   each article, how many of its keys every other article holds. The same channel surfaces
   independent reports of one story (shared names and numbers), which the story grouping uses.
3. With a sentence encoder, random-hyperplane LSH over article embeddings finds translations.

Each article keeps at most ``MAX_CANDIDATES_PER_ARTICLE`` partners, so the alignment work is linear.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from detente.provenance.text import content_stems, shingles

NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # datasketch >= 2.0 default; stored fingerprints must keep one scheme
# Jaccard of 5-gram shingles above which LSH reports a pair; a verbatim copy with a changed
# headline and footer still scores > 0.6, while two reports of one event score < 0.1 (ECB+ dev).
LSH_THRESHOLD = 0.4
# Rare stems sampled (by a fixed hash order, like a bottom-k sketch) as an article's keys, so the
# share of keys another article holds estimates how much of its distinctive content that one holds.
KEYS_PER_ARTICLE = 40
# Postings longer than this are skipped: a stem in this many articles is not distinctive. The cap
# grows slowly with the corpus (sqrt) so that work per article stays bounded by ~keys * cap.
MIN_POSTING_CAP = 8
POSTING_CAP_SQRT_FACTOR = 1.0
# Share of an article's keys another article must hold to be a candidate; the seed rewrite keeps
# ~0.5 of its keys in the original, unrelated news pairs stay under ~0.15.
MIN_KEY_CONTAINMENT = 0.25
MIN_SHARED_KEYS = 3
MAX_CANDIDATES_PER_ARTICLE = 12
HYPERPLANE_BITS = 64
HYPERPLANE_BAND_BITS = 8  # 8 bands of 8 bits: cosine ~0.9 collides in some band with p > 0.9
HYPERPLANE_SEED = 20200527


@dataclass(frozen=True, slots=True)
class Candidate:
    """An unordered article pair worth aligning, with the channel scores that found it."""

    first: str
    second: str
    shingle_jaccard: float  # MinHash estimate of 5-gram Jaccard
    key_containment: float  # max over both directions of the share of keys held by the other


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """datasketch's permutations for seed 1, computed once (immutable, shared by every signature)."""
    return np.asarray(MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations)


def fingerprint(text: str) -> np.ndarray:
    """MinHash signature (128 permutations, word 5-gram shingles of the normalised text)."""
    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=MINHASH_SCHEME)
    grams = shingles(text)
    if grams:
        minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return np.asarray(minhash.hashvalues).copy()


def minhash_of(signature: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=signature, permutations=_permutations(), scheme=MINHASH_SCHEME)


def shingle_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    return float(np.count_nonzero(first == second)) / float(len(first))


def find_candidates(
    documents: Mapping[str, str | Set[str]],
    fingerprints: Mapping[str, np.ndarray],
    embeddings: Mapping[str, np.ndarray] | None = None,
) -> list[Candidate]:
    """Candidate pairs among ``documents`` (article id -> its text, or the set of its
    ``content_stems`` already worked out), sorted, each pair once."""
    pairs: dict[tuple[str, str], float] = {}
    for a, b in _lsh_pairs(fingerprints):
        pairs[_ordered(a, b)] = 0.0
    for (a, b), containment in _rare_token_pairs(documents).items():
        pairs[(a, b)] = max(pairs.get((a, b), 0.0), containment)
    if embeddings:
        for a, b in _hyperplane_pairs(embeddings):
            pairs.setdefault(_ordered(a, b), 0.0)
    candidates = [
        Candidate(a, b, shingle_jaccard(fingerprints[a], fingerprints[b]), containment)
        for (a, b), containment in sorted(pairs.items())
    ]
    return _cap_per_article(candidates)


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _lsh_pairs(fingerprints: Mapping[str, np.ndarray]) -> set[tuple[str, str]]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    minhashes = {article_id: minhash_of(signature) for article_id, signature in fingerprints.items()}
    with lsh.insertion_session() as session:
        for article_id, minhash in minhashes.items():
            session.insert(article_id, minhash)
    pairs = set()
    for article_id, minhash in minhashes.items():
        for other in lsh.query(minhash):
            if other != article_id:
                pairs.add(_ordered(article_id, other))
    return pairs


def posting_cap(corpus_size: int) -> int:
    return max(MIN_POSTING_CAP, int(POSTING_CAP_SQRT_FACTOR * math.sqrt(corpus_size)))


def article_keys(stems: Set[str], document_frequency: Mapping[str, int], cap: int) -> list[str]:
    """A bottom-k sample (by stable hash) of the article's rare stems: deterministic, unbiased."""
    rare = [stem for stem in stems if document_frequency[stem] <= cap]
    rare.sort(key=lambda stem: (stable_hash(stem), stem))
    return rare[:KEYS_PER_ARTICLE]


def _rare_token_pairs(documents: Mapping[str, str | Set[str]]) -> dict[tuple[str, str], float]:
    stems = {key: set(content_stems(d)) if isinstance(d, str) else d for key, d in documents.items()}
    document_frequency: Counter[str] = Counter()
    for article_stems in stems.values():
        document_frequency.update(article_stems)
    cap = posting_cap(len(documents))
    postings: dict[str, list[str]] = defaultdict(list)
    for article_id, article_stems in stems.items():
        for stem in article_stems:
            if document_frequency[stem] <= cap:
                postings[stem].append(article_id)
    pairs: dict[tuple[str, str], float] = {}
    for article_id, article_stems in stems.items():
        keys = article_keys(article_stems, document_frequency, cap)
        if len(keys) < MIN_SHARED_KEYS:
            continue
        shared: Counter[str] = Counter()
        for key in keys:
            shared.update(other for other in postings[key] if other != article_id)
        for other, count in shared.items():
            containment = count / len(keys)
            if count >= MIN_SHARED_KEYS and containment >= MIN_KEY_CONTAINMENT:
                pair = _ordered(article_id, other)
                pairs[pair] = max(pairs.get(pair, 0.0), containment)
    return pairs


def _hyperplane_pairs(embeddings: Mapping[str, np.ndarray]) -> set[tuple[str, str]]:
    ids = sorted(embeddings)
    if len(ids) < 2:
        return set()
    matrix = np.vstack([embeddings[article_id] for article_id in ids])
    planes = np.random.default_rng(HYPERPLANE_SEED).standard_normal((matrix.shape[1], HYPERPLANE_BITS))
    bits = (matrix @ planes) > 0
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for row, article_id in enumerate(ids):
        for band in range(HYPERPLANE_BITS // HYPERPLANE_BAND_BITS):
            chunk = bits[row, band * HYPERPLANE_BAND_BITS : (band + 1) * HYPERPLANE_BAND_BITS]
            buckets[(band, np.packbits(chunk).tobytes())].append(article_id)
    pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) <= MAX_CANDIDATES_PER_ARTICLE:
            pairs.update(_ordered(a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pairs


def _cap_per_article(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep each article's strongest partners only, so a hub article cannot make the work quadratic."""
    ranked = sorted(candidates, key=lambda c: (-max(c.shingle_jaccard, c.key_containment), c.first, c.second))
    kept_per_article: Counter[str] = Counter()
    kept = []
    for candidate in ranked:
        if (
            kept_per_article[candidate.first] < MAX_CANDIDATES_PER_ARTICLE
            or kept_per_article[candidate.second] < MAX_CANDIDATES_PER_ARTICLE
        ):
            kept.append(candidate)
            kept_per_article[candidate.first] += 1
            kept_per_article[candidate.second] += 1
    return sorted(kept, key=lambda c: (c.first, c.second))


def stable_hash(text: str) -> int:
    """A process-independent 32-bit hash (Python's ``hash`` is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))
