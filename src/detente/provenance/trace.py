"""Trace copies: find candidate pairs, align them, decide relation and direction, group stories.

For each candidate pair the sentences are aligned and the pair is judged:

- **copy**: nearly every sentence of the copy repeats one of the original almost word for word;
- **rewrite**: most of the copy's sentences repeat the original's claims in other words;
- **translation**: the same, across languages (needs a sentence encoder);
- otherwise not a copy; the pair may still be one story (independent reports) or unrelated.

Direction: a credit to the other article's outlet wins; then the earlier publication date; then
containment (the copy's sentences are mostly inside the original, not the reverse).

Judging pairs is most of the work on a large store, and a pair's verdict depends only on the two
articles, their credits and this code. Each verdict is therefore returned with a digest of what it read
(``PairVerdict.basis``), the store keeps them, and the next run passes them back in: a pair whose basis is
unchanged is not judged again. A verdict names the copy but does not hold it (at 100k articles the
copies of every pair came to 1.5 GB): where a kept verdict wins, its Copy is the one kept last time
(``recall``), or the pair is judged again. The result is the same as judging every pair afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from detente.ingest.segment import split_sentences
from detente.provenance.align import (
    SentenceEncoder,
    SentenceMatch,
    extend_in_context,
    match_greedily,
    similarity_matrix,
    threshold_for,
)
from detente.provenance.attribution import Credit, KnownOutlets, best_credit, framing_sentences, outlets_match
from detente.provenance.changes import compare
from detente.provenance.search import Candidate, find_candidates, fingerprint
from detente.provenance.stories import (
    article_text,
    corpus_feature_frequency,
    feature_similarity,
    group_stories,
    story_features,
)
from detente.provenance.text import article_terms, content_stems
from detente.records import Article, Copy, PairVerdict, Relation, Sentence

# A sentence with fewer content words than this (a dateline, "Comments are closed.") is not a claim
# and counts neither for nor against coverage.
MIN_CLAIM_WORDS = 4
# Relation thresholds, set on the seeds and checked against ECB+ dev, where independent reports of
# one event must not be copies: 1.65% of within-topic pairs are called copies at these values (on
# inspection many are genuine rewrites of one wire story), see scripts/eval_provenance.py.
VERBATIM_MEAN_SIMILARITY = 0.85  # mean aligned similarity of a copy (verbatim sentences score ~1)
VERBATIM_SHARE = 0.8  # share of the copy's claims aligned for "copy"
REWRITE_SHARE = 0.5  # share of the copy's claims aligned for "rewrite" (the seed rewrite: ~0.8)
REWRITE_MEAN_SIMILARITY = 0.5
MIN_ALIGNED_CLAIMS = 2  # one shared sentence is a quote or a stock phrase, not a copy
TRANSLATION_SHARE = 0.5
# Confidence multipliers by how direction was decided: a credit names the original outright.
DIRECTION_CERTAINTY = {"credit": 1.0, "date": 0.9, "containment": 0.75}
UNMATCHED_CREDIT_CONFIDENCE = 0.5  # an article credits an outlet whose report is not in the input
# Articles whose claims and their stems are kept while pairs are judged: pairs come sorted by their
# first article, so most lookups hit, and a 100k-article store does not hold every sentence's stems.
PREPARED_ARTICLES = 4096
REWRITE_FRAMING_SENTENCES = 2  # "the newspaper notes ..." this often reads as a rewrite, not a copy
DOCUMENT_VECTOR_SENTENCES = 20  # sentences embedded per article for translation search


@dataclass(frozen=True, slots=True)
class Provenance:
    """Copies found (records.Copy), the story of every article, and the verdict on every candidate pair
    (to pass back as ``earlier`` next time); ``judged`` counts the pairs judged afresh."""

    copies: tuple[Copy, ...]
    story_of: Mapping[str, str]
    verdicts: tuple[PairVerdict, ...] = ()
    judged: int = 0


# The copies a previous trace kept, looked up by (copy, original) article id.
Recall = Callable[[Collection[tuple[str, str]]], Mapping[tuple[str, str], Copy]]


def trace_copies(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    fingerprints: Mapping[str, np.ndarray] | None = None,
    encoder: SentenceEncoder | None = None,
    earlier: Mapping[tuple[str, str], PairVerdict] | None = None,
    recall: Recall | None = None,
) -> Provenance:
    """Copies, rewrites and translations among ``articles``, and their stories. ``earlier`` verdicts
    (a previous result's, by article pair) are reused where their basis still holds; ``recall`` gives
    the copies that result kept, for the kept verdicts that win again."""
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.article_id, article)
    claims = {article_id: _sentence_texts(article, sentences) for article_id, article in by_id.items()}
    signatures = {article_id: (fingerprints or {}).get(article_id, None) for article_id in by_id}
    resolved = {
        article_id: signature if signature is not None else fingerprint(by_id[article_id].text)
        for article_id, signature in signatures.items()
    }
    embeddings = _document_vectors(claims, encoder) if encoder is not None else None
    stems: dict[str, set[str]] = {}
    bags: dict[str, dict[str, float]] = {}
    for article_id, article in by_id.items():  # each article normalised once, for both
        terms = article_terms(article_text(article))
        stems[article_id], bags[article_id] = set(terms.stems), story_features(terms)
    candidates = find_candidates(stems, resolved, embeddings)
    del stems  # a set per article: freed before the alignment work
    outlets = KnownOutlets(sorted({article.outlet for article in by_id.values() if article.outlet}))
    credits = {article_id: best_credit(article, outlets) for article_id, article in by_id.items()}

    prepared = lru_cache(maxsize=PREPARED_ARTICLES)(lambda article_id: _Claims.of(claims[article_id]))
    # What a verdict depends on, so that one from ``earlier`` is reused only when all of it is unchanged.
    judging = [_code_digest(), type(encoder).__name__ if encoder is not None else None]
    article_basis = lru_cache(maxsize=PREPARED_ARTICLES)(
        lambda article_id: _article_basis(by_id[article_id], claims[article_id], credits[article_id])
    )

    def basis_of(pair: tuple[str, str]) -> str:
        return _digest([judging, article_basis(pair[0]), article_basis(pair[1])])

    def judge(pair: tuple[str, str]) -> tuple[PairVerdict, Copy | None]:
        return _judge(by_id[pair[0]], by_id[pair[1]], prepared, credits, encoder, basis_of(pair))

    best: dict[str, tuple[PairVerdict, Copy | None]] = {}  # by copy: only the winner's Copy is held
    verdicts = []
    judged = 0
    for candidate in candidates:
        pair = (candidate.first, candidate.second)
        verdict, found = (earlier or {}).get(pair), None
        if verdict is None or verdict.basis != basis_of(pair):
            verdict, found = judge(pair)
            judged += 1
        verdicts.append(verdict)
        if verdict.copy_of is None:
            continue
        current = best.get(verdict.copy_of)
        if current is None or verdict.score > current[0].score:
            best[verdict.copy_of] = (verdict, found)
    recalled = dict(recall([_copy_key(v) for v, found in best.values() if found is None]) if recall else {})
    copies = []
    for verdict, found in best.values():
        if found is None:
            found = recalled.get(_copy_key(verdict))
        if found is None:  # not kept after all (the store was edited): judge it again
            found = judge((verdict.first, verdict.second))[1]
            judged += 1
        if found is not None:
            copies.append(found)
    for article_id, credit in sorted(credits.items()):
        if article_id not in best and credit is not None and credit.prominent:
            copies.append(_unmatched_credit(article_id, credit, claims[article_id]))
    story_of = _stories(list(by_id), bags, candidates, copies)
    ordered = tuple(sorted(copies, key=lambda c: (c.copy, c.original or "")))
    return Provenance(ordered, story_of, tuple(verdicts), judged)


def _copy_key(verdict: PairVerdict) -> tuple[str, str]:
    assert verdict.copy_of is not None and verdict.original is not None
    return verdict.copy_of, verdict.original


def _article_basis(article: Article, claims: list[str], credit: Credit | None) -> str:
    """A digest of what judging reads of one article: text, sentences, date, language, outlet, credit."""
    published = article.published.isoformat() if article.published else None
    credited = credit and [credit.name, credit.start, credit.strength, credit.prominent]
    read = [article.article_id, article.content_hash, claims, published, article.language, article.outlet, credited]
    return _digest(read)


def _digest(value: object) -> str:
    return hashlib.blake2b(json.dumps(value).encode("utf-8"), digest_size=12).hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The provenance package's source and word lists, and the sentence splitter: any change to how
    pairs are judged changes every basis, so verdicts from older code are never reused. The release
    number too, for an install that ships no source (then only a new release starts afresh)."""
    from detente import __version__

    here = Path(__file__).resolve().parent
    files = sorted([*here.glob("*.py"), *here.glob("*.tsv"), here.parent / "ingest" / "segment.py"])
    digest = hashlib.blake2b(__version__.encode("utf-8"), digest_size=12)
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _sentence_texts(article: Article, sentences: Mapping[str, Sequence[Sentence]]) -> list[str]:
    given = sentences.get(article.article_id) or split_sentences(article)
    return [sentence.text for sentence in given]


@dataclass(frozen=True, slots=True)
class _Claims:
    """An article's claims (sentences with at least ``MIN_CLAIM_WORDS`` content stems) and their stems."""

    texts: list[str]
    stems: list[set[str]]

    @classmethod
    def of(cls, sentences: Sequence[str]) -> _Claims:
        found = [(sentence, content_stems(sentence)) for sentence in sentences]
        kept = [(sentence, stems) for sentence, stems in found if len(stems) >= MIN_CLAIM_WORDS]
        return cls([sentence for sentence, _ in kept], [set(stems) for _, stems in kept])


def _judge(
    first: Article,
    second: Article,
    prepared: Callable[[str], _Claims],
    credits: Mapping[str, Credit | None],
    encoder: SentenceEncoder | None,
    basis: str,
) -> tuple[PairVerdict, Copy | None]:
    none = PairVerdict(first.article_id, second.article_id, basis, None, 0.0), None
    cross_lingual = bool(first.language and second.language and first.language != second.language)
    if cross_lingual and encoder is None:
        return none
    first_side, second_side = prepared(first.article_id), prepared(second.article_id)
    first_claims, second_claims = first_side.texts, second_side.texts
    if not first_claims or not second_claims:
        return none
    stems = (first_side.stems, second_side.stems)
    matrix = similarity_matrix(first_claims, second_claims, encoder, cross_lingual, stems)
    matches = match_greedily(matrix, threshold_for(encoder, cross_lingual))
    if len(matches) < min(MIN_ALIGNED_CLAIMS, len(first_claims), len(second_claims)):
        return none
    copy_article, original, how = _direction(
        first, second, len(matches), len(first_claims), len(second_claims), credits
    )
    copy_is_first = copy_article is first
    copy_claims, original_claims = (first_claims, second_claims) if copy_is_first else (second_claims, first_claims)
    pairs = [
        (m.copy_index, m.original_index, m.similarity)
        if copy_is_first
        else (m.original_index, m.copy_index, m.similarity)
        for m in matches
    ]
    copy_share = len(pairs) / len(copy_claims)
    mean_similarity = float(np.mean([similarity for _, _, similarity in pairs]))
    relation = _relation(copy_share, mean_similarity, cross_lingual)
    if relation is None:
        return none
    if not cross_lingual:  # the pair is a copy: weaker mutual-best pairs are now believable
        oriented = matrix if copy_is_first else matrix.T
        extended = extend_in_context(oriented, [SentenceMatch(c, o, s) for c, o, s in pairs])
        pairs = [(m.copy_index, m.original_index, m.similarity) for m in extended]
    credit = credits.get(copy_article.article_id)
    credited = credit.name if credit else None
    aligned = tuple(
        compare(copy_claims[c], original_claims[o], similarity, credited) for c, o, similarity in sorted(pairs)
    )
    matched_copy = {c for c, _, _ in pairs}
    matched_original = {o for _, o, _ in pairs}
    dropped = [s for i, s in enumerate(original_claims) if i not in matched_original]
    added = tuple(s for i, s in enumerate(copy_claims) if i not in matched_copy)
    confidence = min(1.0, 0.5 * copy_share + 0.5 * mean_similarity) * DIRECTION_CERTAINTY[how]
    record = Copy(
        copy=copy_article.article_id,
        original=original.article_id,
        relation=relation,
        confidence=round(confidence, 4),
        attribution=credited,
        coverage_of_original=round(len(pairs) / len(original_claims), 4),  # as stored: a kept verdict is equal
        aligned=aligned,
        dropped=tuple(sorted(dropped, key=_dropped_priority)),
        added=added,
    )
    score = confidence * copy_share + (1.0 if how == "credit" else 0.0)
    return PairVerdict(first.article_id, second.article_id, basis, record.copy, score), record


def _relation(copy_share: float, mean_similarity: float, cross_lingual: bool) -> Relation | None:
    if cross_lingual:
        return "translation" if copy_share >= TRANSLATION_SHARE else None
    if copy_share >= VERBATIM_SHARE and mean_similarity >= VERBATIM_MEAN_SIMILARITY:
        return "copy"
    if copy_share >= REWRITE_SHARE and mean_similarity >= REWRITE_MEAN_SIMILARITY:
        return "rewrite"
    return None


def _direction(
    first: Article,
    second: Article,
    aligned: int,
    first_claims: int,
    second_claims: int,
    credits: Mapping[str, Credit | None],
) -> tuple[Article, Article, str]:
    """(copy, original, how it was decided)."""
    first_credits_second = _credits(credits.get(first.article_id), second)
    second_credits_first = _credits(credits.get(second.article_id), first)
    if first_credits_second != second_credits_first:
        return (first, second, "credit") if first_credits_second else (second, first, "credit")
    if first.published and second.published and first.published != second.published:
        return (first, second, "date") if first.published > second.published else (second, first, "date")
    first_inside = aligned / first_claims
    second_inside = aligned / second_claims
    if first_inside != second_inside:
        return (first, second, "containment") if first_inside > second_inside else (second, first, "containment")
    ordered = sorted((first, second), key=lambda article: (len(article.text), article.article_id))
    return ordered[0], ordered[1], "containment"


def _credits(credit: Credit | None, other: Article) -> bool:
    return bool(credit and other.outlet and outlets_match(credit.name, other.outlet))


def _dropped_priority(sentence: str) -> int:
    """Quotes first, then claims with a named source: what a reader loses most by the cut."""
    quoted = any(mark in sentence for mark in ('"', "“", "”"))
    sourced = any(cue in sentence.lower() for cue in (" said", " says", "according to", " told "))
    return 0 if quoted else 1 if sourced else 2


def _unmatched_credit(article_id: str, credit: Credit, claims: list[str]) -> Copy:
    framed = framing_sentences(claims, credit.name)
    relation: Relation = "rewrite" if framed >= REWRITE_FRAMING_SENTENCES else "copy"
    return Copy(
        copy=article_id,
        original=None,
        relation=relation,
        confidence=round(UNMATCHED_CREDIT_CONFIDENCE * credit.strength, 4),
        attribution=credit.name,
        coverage_of_original=0.0,
    )


def _stories(
    article_ids: list[str],
    bags: Mapping[str, Mapping[str, float]],
    candidates: Sequence[Candidate],
    copies: Sequence[Copy],
) -> dict[str, str]:
    frequency = corpus_feature_frequency(bags.values())
    scored = {
        (c.first, c.second): feature_similarity(bags[c.first], bags[c.second], frequency, len(bags)) for c in candidates
    }
    forced = [(copy.copy, copy.original) for copy in copies if copy.original is not None]
    return group_stories(article_ids, scored, forced)


def _document_vectors(claims: Mapping[str, list[str]], encoder: SentenceEncoder) -> dict[str, np.ndarray]:
    vectors = {}
    for article_id, sentences in claims.items():
        if not sentences:
            continue
        encoded = np.asarray(encoder.encode(sentences[:DOCUMENT_VECTOR_SENTENCES]), dtype=float)
        mean = encoded.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        vectors[article_id] = mean / norm if norm else mean
    return vectors
