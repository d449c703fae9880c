"""Count each real event once: merge the mentions that report it, across and within articles.

Two mentions are one event when they have the same source and target country, the same CAMEO root,
the same modality and compatible dates (equal at the coarser precision); mentions whose date only
fell back to the publication day merge only within a story. Independence: an article is traced to
its root original through the copy relations (a copy is not a second source), and an article that
credits an outlet not in the store counts under that outlet.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence

from detente.records import Actor, Article, Copy, Event, EventDate, EventMention

PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


def source_roots(articles: Mapping[str, Article], copies: Sequence[Copy]) -> dict[str, str]:
    """article_id → the independent source it belongs to (its root original, or a credited outlet)."""
    original_of: dict[str, str] = {}
    credited: dict[str, str] = {}
    for copy in copies:
        if copy.original is not None and copy.original != copy.copy:
            original_of.setdefault(copy.copy, copy.original)
        elif copy.attribution:
            credited[copy.copy] = "credited:" + " ".join(copy.attribution.lower().split())
    roots = {}
    for article_id in articles:
        node, seen = article_id, {article_id}
        while node in original_of and original_of[node] not in seen:
            node = original_of[node]
            seen.add(node)
        roots[article_id] = credited.get(node, node)
    return roots


def _compatible(a: EventDate, b: EventDate, same_source: bool = False) -> bool:
    if a.value is None or b.value is None:
        # An undated mention (a copy with no publication date) can only join its own original's report.
        return a.value == b.value or same_source
    length = min(len(a.value), len(b.value))
    return a.value[:length] == b.value[:length]


def _merge_key(mention: EventMention) -> tuple[str | None, str | None, str, str]:
    """Actors by country; an actor with no country by its words, so that two unknown actors of one
    story are not taken for the same pair."""
    return (
        _actor_key(mention.source),
        _actor_key(mention.target) if mention.target else None,
        mention.cameo[:2],
        mention.modality,
    )


def _actor_key(actor: Actor) -> str:
    return actor.country or "text:" + " ".join(actor.text.lower().split())


def merge_mentions(
    mentions: Sequence[EventMention],
    articles: Mapping[str, Article],
    copies: Sequence[Copy],
    story_of: Mapping[str, str],
) -> list[Event]:
    """One ``Event`` per real event, from every mention in the store."""
    roots = source_roots(articles, copies)
    buckets: dict[tuple[str | None, str | None, str, str], list[EventMention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.mention_id):
        buckets[_merge_key(mention)].append(mention)
    events = []
    for bucket in buckets.values():
        for cluster in _clusters(bucket, roots, story_of):
            events.append(_event(cluster, articles, roots, story_of))
    return sorted(events, key=lambda e: (e.date.value or "", e.event_id))


def _clusters(
    bucket: Sequence[EventMention], roots: Mapping[str, str], story_of: Mapping[str, str]
) -> list[list[EventMention]]:
    """Each mention joins the first cluster that admits it, or starts one. A cluster admits a mention
    whose date is compatible with every member's (an undated one only with members of its own
    source), that tells no other PLOVER type in a sentence a member comes from, and that shares the
    first member's story or independent source, or is dated by its text as that first member is.

    First-fit over every cluster of a bucket is quadratic: a 100k-article store holds buckets of tens
    of thousands of mentions. Only clusters that could pass are looked at: those whose first mention
    shares the mention's story or independent source, and, for a mention dated by its text, those
    with a dated first mention of the same year. Each is checked in O(1) against a summary of its
    members (``_Cluster``); the result is the same as checking every cluster member by member
    (tests/timeline/test_merge.py holds that plain definition and compares the two)."""
    clusters: list[_Cluster] = []
    by_story: dict[str | None, list[int]] = defaultdict(list)
    by_root: dict[str | None, list[int]] = defaultdict(list)
    by_year: dict[str | None, list[int]] = defaultdict(list)
    for mention in bucket:
        story, root, cued = (
            story_of.get(mention.article_id),
            roots.get(mention.article_id),
            mention.date.cue is not None,
        )
        candidates = set(by_story[story]) | set(by_root[root])
        if cued:
            candidates.update(by_year[_year(mention.date.value)])
        home = next((i for i in sorted(candidates) if clusters[i].admits(mention, root, story)), None)
        if home is not None:
            clusters[home].add(mention, root)
            continue
        by_story[story].append(len(clusters))
        by_root[root].append(len(clusters))
        if cued:
            by_year[_year(mention.date.value)].append(len(clusters))
        clusters.append(_Cluster(mention, root, story))
    return [cluster.members for cluster in clusters]


def _year(value: str | None) -> str | None:
    """The index key of a head dated by its text: ISO values of different years are never compatible.
    (An undated mention meets the undated heads under None, and dated ones only through its source.)"""
    return None if value is None else value[:4]


class _Cluster:
    """A cluster's members, with what deciding whether it admits a mention needs, kept up to date."""

    def __init__(self, head: EventMention, root: str | None, story: str | None) -> None:
        self.members: list[EventMention] = []
        self.head_cued = head.date.cue is not None
        self.head_root, self.head_story = root, story
        self.latest: str | None = None  # the most precise date value; every other one is its prefix
        self.dated_roots: set[str | None] = set()  # sources of the members with a date value
        self.undated_roots: set[str | None] = set()  # sources of the members without one
        self.types: dict[tuple[str, int], set[str]] = defaultdict(set)  # sentence → PLOVER types told there
        self.add(head, root)

    def add(self, mention: EventMention, root: str | None) -> None:
        self.members.append(mention)
        value = mention.date.value
        if value is None:
            self.undated_roots.add(root)
        else:
            self.dated_roots.add(root)
            if self.latest is None or len(value) > len(self.latest):
                self.latest = value
        self.types[(mention.article_id, mention.evidence.sentence_start)].add(mention.plover_type)

    def admits(self, mention: EventMention, root: str | None, story: str | None) -> bool:
        """Whether the mention joins this cluster (see ``_clusters``), in constant time."""
        value = mention.date.value
        if value is None:
            if not self.dated_roots <= {root}:
                return False
        else:
            if not self.undated_roots <= {root}:
                return False
            if self.latest is not None and not _compatible(mention.date, EventDate(self.latest, None)):
                return False
        if not self.types.get((mention.article_id, mention.evidence.sentence_start), set()) <= {mention.plover_type}:
            return False
        same_story = self.head_story == story or self.head_root == root
        return same_story or (mention.date.cue is not None and self.head_cued)


def _event(
    cluster: Sequence[EventMention],
    articles: Mapping[str, Article],
    roots: Mapping[str, str],
    story_of: Mapping[str, str],
) -> Event:
    # The representative: from an original rather than a copy, most confident, with the most precise date.
    def rank(m: EventMention) -> tuple[int, float, int, str]:
        is_copy = roots.get(m.article_id, m.article_id) != m.article_id
        precision = PRECISION_LENGTH.get(m.date.precision or "", 0) if m.date.cue else 0
        return (is_copy, -m.confidence, -precision, m.mention_id)

    ordered = sorted(cluster, key=rank)
    best = ordered[0]
    dated = max(cluster, key=lambda m: (m.date.cue is not None, PRECISION_LENGTH.get(m.date.precision or "", 0)))
    article_ids = tuple(sorted({m.article_id for m in cluster}))
    outlets = {articles[a].outlet or a for a in article_ids if a in articles}
    independent = {roots.get(a, a) for a in article_ids}
    evidence = []
    seen_spans = set()
    for mention in ordered:
        key = (mention.evidence.article_id, mention.evidence.start)
        if key not in seen_spans:
            seen_spans.add(key)
            evidence.append(mention.evidence)
    return Event(
        event_id="ev-" + hashlib.sha256(min(m.mention_id for m in cluster).encode()).hexdigest()[:16],
        article_ids=article_ids,
        story_id=story_of.get(best.article_id),
        source=best.source,
        target=best.target,
        cameo=best.cameo,
        goldstein=best.goldstein,
        quad_class=best.quad_class,
        plover_type=best.plover_type,
        plover_mode=best.plover_mode,
        plover_context=best.plover_context,
        modality=best.modality,
        date=dated.date,
        location=best.location or next((m.location for m in ordered if m.location), None),
        evidence=tuple(evidence),
        num_articles=len(article_ids),
        num_outlets=len(outlets),
        num_independent_sources=len(independent),
        confidence=round(max(m.confidence for m in cluster), 3),
        coder=best.coder,
    )
