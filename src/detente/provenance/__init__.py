"""Provenance: which articles copy, rewrite or translate which, what they changed, and stories.

    articles ──fingerprint──▶ candidate search (MinHash LSH + rare-token containment)
             ──align──▶ copy / rewrite / translation / not a copy, with direction
             ──changes──▶ same / reworded / number / entity / attribution / polarity per sentence
             ──stories──▶ story_of (copies with their originals, independent reports together)

``trace_copies`` is the stage; ``fingerprint`` is stored per article so reruns skip MinHashing.
"""

from detente.provenance.align import SentenceEncoder, same_claim
from detente.provenance.attribution import find_attribution
from detente.provenance.search import fingerprint
from detente.provenance.stories import story_similarity
from detente.provenance.trace import Provenance, trace_copies

__all__ = [
    "Provenance",
    "SentenceEncoder",
    "find_attribution",
    "fingerprint",
    "same_claim",
    "story_similarity",
    "trace_copies",
]
