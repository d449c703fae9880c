"""Stories: articles about the same real-world happening, whether copied or reported independently.

Two reports of one earthquake share little wording but the same names, places and numbers, so the
story score is a cosine over content stems where names and numbers weigh more than other words and,
inside a corpus, rare stems weigh more than common ones (IDF). Articles are grouped by average
linkage over the scored candidate pairs: a pair of groups merges only if the pairs scored between
them agree on average, which stops one loose link chaining two stories together.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from detente.provenance.text import ArticleTerms, article_terms, name_key
from detente.records import Article

NAME_WEIGHT = 2.0  # a shared name or place is stronger evidence of one story than a shared word
NUMBER_WEIGHT = 1.5  # casualty counts, magnitudes and sums repeat across reports of one event
# Story links: a candidate pair joins one story at this score, and groups merge only when the mean
# score of the candidate pairs between them reaches it too. Set on shared/eval/ecbplus_dev (B3 F1 of
# story_of against the seminal-event grouping, scripts/eval_provenance.py --sweep, 2026-05):
# 0.20 -> 0.852, 0.25 -> 0.881, 0.30 -> 0.832, 0.35 -> 0.744.
STORY_THRESHOLD = 0.25
STORY_ID_PREFIX = "story-"
STORY_ID_HEX = 12


def story_features(text: str | ArticleTerms) -> dict[str, float]:
    """Weighted bag of the story's content: stems, plus name and number features."""
    terms = text if isinstance(text, ArticleTerms) else article_terms(text)
    features: defaultdict[str, float] = defaultdict(float)
    for word in terms.story_stems:
        features[word] += 1.0
    for name in terms.names:
        features["name:" + name_key(name)] += NAME_WEIGHT
    for number in terms.numbers:
        features["num:" + number] += NUMBER_WEIGHT
    return dict(features)


def article_text(article: Article) -> str:
    if article.title and not article.text.lstrip().startswith(article.title.strip()):
        return article.title + "\n\n" + article.text
    return article.text


def story_similarity(
    first: Article | str,
    second: Article | str,
    document_frequency: Mapping[str, int] | None = None,
    corpus_size: int = 0,
) -> float:
    """How likely two articles report the same story, 0..1 (sublinear TF, optional corpus IDF)."""
    first_text = first if isinstance(first, str) else article_text(first)
    second_text = second if isinstance(second, str) else article_text(second)
    return feature_similarity(story_features(first_text), story_features(second_text), document_frequency, corpus_size)


def feature_similarity(
    first: Mapping[str, float],
    second: Mapping[str, float],
    document_frequency: Mapping[str, int] | None = None,
    corpus_size: int = 0,
) -> float:
    def weight(feature: str, count: float) -> float:
        idf = 1.0
        if document_frequency is not None and corpus_size:
            idf = math.log((corpus_size + 1) / (document_frequency.get(feature, 0) + 1)) + 1.0
        return (1.0 + math.log(count)) * idf

    first_weights = {feature: weight(feature, count) for feature, count in first.items() if count > 0}
    second_weights = {feature: weight(feature, count) for feature, count in second.items() if count > 0}
    dot = sum(value * second_weights[key] for key, value in first_weights.items() if key in second_weights)
    norm = math.sqrt(sum(v * v for v in first_weights.values())) * math.sqrt(
        sum(v * v for v in second_weights.values())
    )
    return dot / norm if norm else 0.0


def story_id(member_ids: Iterable[str]) -> str:
    """Stable across reruns: a hash of the smallest member id."""
    smallest = min(member_ids)
    return STORY_ID_PREFIX + hashlib.sha1(smallest.encode("utf-8")).hexdigest()[:STORY_ID_HEX]


def group_stories(
    article_ids: Sequence[str],
    scored_pairs: Mapping[tuple[str, str], float],
    forced_pairs: Iterable[tuple[str, str]] = (),
    threshold: float = STORY_THRESHOLD,
) -> dict[str, str]:
    """article_id -> story_id: forced pairs (copies) always join; scored pairs by average linkage."""
    cluster_of = {article_id: article_id for article_id in article_ids}
    members: dict[str, set[str]] = {article_id: {article_id} for article_id in article_ids}
    neighbours: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), score in scored_pairs.items():
        neighbours[a][b] = score
        neighbours[b][a] = score

    def merge(a: str, b: str) -> None:
        keep, gone = sorted((cluster_of[a], cluster_of[b]))
        for member in members.pop(gone):
            cluster_of[member] = keep
            members[keep].add(member)

    for a, b in sorted(forced_pairs):
        if a in cluster_of and b in cluster_of and cluster_of[a] != cluster_of[b]:
            merge(a, b)
    for (a, b), score in sorted(scored_pairs.items(), key=lambda item: (-item[1], item[0])):
        if score < threshold:
            break
        if a not in cluster_of or b not in cluster_of or cluster_of[a] == cluster_of[b]:
            continue
        if _mean_link(members[cluster_of[a]], members[cluster_of[b]], neighbours) >= threshold:
            merge(a, b)
    return {article_id: story_id(members[cluster_of[article_id]]) for article_id in article_ids}


def _mean_link(first: set[str], second: set[str], neighbours: Mapping[str, Mapping[str, float]]) -> float:
    """Mean score of the scored pairs between two groups (unscored pairs are unknown, not zero)."""
    smaller, larger = sorted((first, second), key=len)
    scores = [score for member in smaller for other, score in neighbours[member].items() if other in larger]
    return sum(scores) / len(scores) if scores else 0.0


def corpus_feature_frequency(feature_bags: Iterable[Mapping[str, float]]) -> Counter[str]:
    frequency: Counter[str] = Counter()
    for bag in feature_bags:
        frequency.update(bag.keys())
    return frequency
