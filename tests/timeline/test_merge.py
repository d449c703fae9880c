"""Merging mentions into events: one sentence telling two acts keeps them apart."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.records import EventDate, EventMention, Evidence
from detente.timeline.merge import _clusters, _compatible, merge_mentions
from tests.factories import article, mention


def test_two_acts_of_one_cameo_root_in_one_sentence_stay_two_events() -> None:
    withdrew = mention("w", "a", "USA", "IRN", "160", "2018-05", cue="May 2018")
    reimposed = mention("r", "a", "USA", "IRN", "163", "2018-05", cue="May 2018")
    elsewhere = dataclasses.replace(
        mention("e", "a", "USA", "IRN", "163", "2018-05", cue="May 2018"),
        evidence=Evidence("a", "Another sentence.", 200, 205, 190),
    )
    events = merge_mentions([withdrew, reimposed, elsewhere], {"a": article("a")}, [], {"a": "s1"})
    assert sorted(e.plover_type for e in events) == ["COERCE", "SANCTION"]
    coerce = next(e for e in events if e.plover_type == "COERCE")
    assert len(coerce.evidence) == 2, "the same act told again in another sentence still merges"


def _joins_plainly(
    mention: EventMention, cluster: list[EventMention], roots: dict[str, str], story_of: dict[str, str]
) -> bool:
    """The merge rule stated member by member, as it was before clusters were indexed."""
    for other in cluster:
        same_source = roots.get(mention.article_id) == roots.get(other.article_id)
        if not _compatible(mention.date, other.date, same_source):
            return False
        same_sentence = (mention.article_id, mention.evidence.sentence_start) == (
            other.article_id,
            other.evidence.sentence_start,
        )
        if same_sentence and mention.plover_type != other.plover_type:
            return False
    head = cluster[0]
    same_story = story_of.get(mention.article_id) == story_of.get(head.article_id)
    same_story = same_story or roots.get(mention.article_id) == roots.get(head.article_id)
    return same_story or (mention.date.cue is not None and head.date.cue is not None)


def _clusters_plainly(
    bucket: list[EventMention], roots: dict[str, str], story_of: dict[str, str]
) -> list[list[EventMention]]:
    clusters: list[list[EventMention]] = []
    for item in bucket:
        home = next((c for c in clusters if _joins_plainly(item, c, roots, story_of)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    return clusters


DATES = [None, "2019", "2020", "2020-01", "2020-02", "2020-01-03", "2020-01-04", "2020-02-01"]


@st.composite
def buckets(draw: st.DrawFn) -> tuple[list[EventMention], dict[str, str], dict[str, str]]:
    size = draw(st.integers(1, 40))
    articles = [f"a{i}" for i in range(draw(st.integers(1, 6)))]
    roots = {a: draw(st.sampled_from(["r1", "r2", "r3", a])) for a in articles}
    story_of = {a: draw(st.sampled_from(["s1", "s2", a])) for a in articles if draw(st.booleans())}
    items = []
    for i in range(size):
        value = draw(st.sampled_from(DATES))
        made = mention(f"m{i:02d}", draw(st.sampled_from(articles)), "USA", "IRN",
                       draw(st.sampled_from(["160", "163", "172"])), value or "2020",
                       cue=draw(st.sampled_from([None, "in text"])))  # fmt: skip
        if value is None:
            made = dataclasses.replace(made, date=EventDate(None, None, made.date.cue))
        start = draw(st.sampled_from([0, 100]))
        made = dataclasses.replace(made, evidence=dataclasses.replace(made.evidence, sentence_start=start))
        items.append(made)
    return items, roots, story_of


@settings(max_examples=300, deadline=None)
@given(buckets())
def test_indexed_clustering_equals_the_plain_rule(
    case: tuple[list[EventMention], dict[str, str], dict[str, str]],
) -> None:
    items, roots, story_of = case
    fast = [[m.mention_id for m in c] for c in _clusters(items, roots, story_of)]
    plain = [[m.mention_id for m in c] for c in _clusters_plainly(items, roots, story_of)]
    assert fast == plain
