"""Sentence alignment between a copy and its original: which copy sentence repeats which claim.

Similarity is lexical by default: cosine of IDF-weighted sets of content stems, where the IDF is
computed over the sentences of the two articles (a word that is in every sentence, like the story's
main actor, says little about which sentence is which) and rewrite framing ("the newspaper points out
that") is ignored. A sentence encoder, when given, is blended in (or used alone across languages).

Matching is one-to-one and greedy by score, with a small bonus for pairs at similar relative
positions, because rewrites mostly keep the original's order but sometimes move the lead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from detente.provenance.text import content_stems


class SentenceEncoder(Protocol):
    """Turns sentences into L2-normalised vectors (e.g. MiniLM via sentence-transformers)."""

    def encode(self, sentences: Sequence[str]) -> np.ndarray: ...


# Lowest similarity at which two sentences count as stating the same claim (possibly changed).
# Measured on shared/eval/msrp_train.tsv (scripts/eval_provenance.py --sweep, 2026-05): F1 is flat,
# 0.816 at 0.30 and 0.786 at 0.45 (all-positive baseline 0.806); P/R is 0.71/0.96 at 0.30 and
# 0.79/0.78 at 0.45. 0.45 is kept for precision: on ECB+ dev it holds the false-copy rate of
# independent reports at 1.65% (2.06% at 0.35), and weaker pairs are still aligned in context
# (IN_CONTEXT_THRESHOLD) once a pair is known to be a copy.
ALIGN_THRESHOLD = 0.45
# With an encoder the blended score is calibrated differently: MiniLM cosines of paraphrases sit
# around 0.7-0.9 and of unrelated news sentences under 0.4 (sentence-transformers docs).
ENCODER_WEIGHT = 0.5
CROSS_LINGUAL_THRESHOLD = 0.6
# Once two articles are known to be copy and original, a remaining sentence pair that is each
# other's best match is aligned down to this score: the seed rewrite's reworded lead and its
# "refuse to acknowledge" sentence score 0.29-0.33 against their originals, its headline 0.22.
IN_CONTEXT_THRESHOLD = 0.27
# Tie-breaker for order: at most this much is added for identical relative positions.
ORDER_BONUS = 0.05


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    copy_index: int
    original_index: int
    similarity: float


def similarity_matrix(
    copy_sentences: Sequence[str],
    original_sentences: Sequence[str],
    encoder: SentenceEncoder | None = None,
    cross_lingual: bool = False,
    stems: tuple[Sequence[Set[str]], Sequence[Set[str]]] | None = None,
) -> np.ndarray:
    """Similarity in 0..1 of every copy sentence (rows) with every original sentence (columns).
    ``stems``: each side's sentences' sets of ``content_stems``, when the caller already has them."""
    lexical = _lexical_matrix(copy_sentences, original_sentences) if stems is None else _stem_matrix(*stems)
    if encoder is None or not copy_sentences or not original_sentences:
        return lexical
    copy_vectors = np.asarray(encoder.encode(list(copy_sentences)), dtype=float)
    original_vectors = np.asarray(encoder.encode(list(original_sentences)), dtype=float)
    semantic = np.clip(copy_vectors @ original_vectors.T, 0.0, 1.0)
    if cross_lingual:
        return np.asarray(semantic)
    return np.asarray(ENCODER_WEIGHT * semantic + (1.0 - ENCODER_WEIGHT) * lexical)


def threshold_for(encoder: SentenceEncoder | None, cross_lingual: bool) -> float:
    return CROSS_LINGUAL_THRESHOLD if encoder is not None and cross_lingual else ALIGN_THRESHOLD


def align_sentences(
    copy_sentences: Sequence[str],
    original_sentences: Sequence[str],
    encoder: SentenceEncoder | None = None,
    cross_lingual: bool = False,
) -> list[SentenceMatch]:
    """One-to-one matches of copy sentences to original sentences, in copy order."""
    matrix = similarity_matrix(copy_sentences, original_sentences, encoder, cross_lingual)
    threshold = threshold_for(encoder, cross_lingual)
    return match_greedily(matrix, threshold)


def match_greedily(matrix: np.ndarray, threshold: float) -> list[SentenceMatch]:
    """Best-first one-to-one matching of cells at or above ``threshold`` (order as a tie-breaker)."""
    if matrix.size == 0:
        return []
    rows, columns = matrix.shape
    row_position = np.arange(rows)[:, None] / max(rows - 1, 1)
    column_position = np.arange(columns)[None, :] / max(columns - 1, 1)
    ranked = matrix + ORDER_BONUS * (1.0 - np.abs(row_position - column_position))
    cells = np.argwhere(matrix >= threshold)
    order = sorted(cells.tolist(), key=lambda cell: (-ranked[cell[0], cell[1]], cell[0], cell[1]))
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    matches = []
    for row, column in order:
        if row in used_rows or column in used_columns:
            continue
        used_rows.add(row)
        used_columns.add(column)
        matches.append(SentenceMatch(int(row), int(column), float(matrix[row, column])))
    return sorted(matches, key=lambda match: match.copy_index)


def extend_in_context(matrix: np.ndarray, matches: Sequence[SentenceMatch]) -> list[SentenceMatch]:
    """Add mutual-best pairs at or above ``IN_CONTEXT_THRESHOLD`` among the still unmatched sentences."""
    used_rows = {match.copy_index for match in matches}
    used_columns = {match.original_index for match in matches}
    free_rows = [row for row in range(matrix.shape[0]) if row not in used_rows]
    free_columns = [column for column in range(matrix.shape[1]) if column not in used_columns]
    extended = list(matches)
    if not free_rows or not free_columns:
        return extended
    sub = matrix[np.ix_(free_rows, free_columns)]
    for local_row, row in enumerate(free_rows):
        local_column = int(np.argmax(sub[local_row]))
        score = float(sub[local_row, local_column])
        if score >= IN_CONTEXT_THRESHOLD and int(np.argmax(sub[:, local_column])) == local_row:
            extended.append(SentenceMatch(row, free_columns[local_column], score))
    return sorted(extended, key=lambda match: match.copy_index)


def same_claim(first: str, second: str, encoder: SentenceEncoder | None = None) -> bool:
    """Whether two sentences would be aligned as the same claim: the decision alignment makes."""
    return bool(align_sentences([first], [second], encoder))


def pair_similarity(first: str, second: str) -> float:
    """The lexical similarity alignment uses, for one sentence pair out of context."""
    return float(_lexical_matrix([first], [second])[0, 0])


def _lexical_matrix(copy_sentences: Sequence[str], original_sentences: Sequence[str]) -> np.ndarray:
    copy_stems = [set(content_stems(sentence)) for sentence in copy_sentences]
    original_stems = [set(content_stems(sentence)) for sentence in original_sentences]
    return _stem_matrix(copy_stems, original_stems)


def _stem_matrix(copy_stems: Sequence[Set[str]], original_stems: Sequence[Set[str]]) -> np.ndarray:
    everything = [*copy_stems, *original_stems]
    document_frequency: dict[str, int] = {}
    for stems in everything:
        for stem in stems:
            document_frequency[stem] = document_frequency.get(stem, 0) + 1
    vocabulary = {stem: column for column, stem in enumerate(sorted(document_frequency))}
    total = len(everything)
    weights = np.array(
        [math.log((total + 1) / (document_frequency[stem] + 1)) + 1.0 for stem in sorted(document_frequency)]
    )
    copy_matrix = _weighted_rows(copy_stems, vocabulary, weights)
    original_matrix = _weighted_rows(original_stems, vocabulary, weights)
    return np.asarray(np.clip(copy_matrix @ original_matrix.T, 0.0, 1.0))


def _weighted_rows(rows: Sequence[Set[str]], vocabulary: dict[str, int], weights: np.ndarray) -> np.ndarray:
    matrix = np.zeros((len(rows), len(vocabulary)))
    for index, stems in enumerate(rows):
        for stem in stems:
            matrix[index, vocabulary[stem]] = weights[vocabulary[stem]]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(matrix / norms)
