"""Clustering metrics shared by the evaluation scripts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)


def b_cubed(predicted: Mapping[Item, Hashable], gold: Mapping[Item, Hashable]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 over the items of ``gold`` (each must be in ``predicted``)."""
    if not gold:
        return 0.0, 0.0, 0.0
    predicted_members: dict[Hashable, set[Item]] = defaultdict(set)
    gold_members: dict[Hashable, set[Item]] = defaultdict(set)
    for item in gold:
        predicted_members[predicted[item]].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = predicted_members[predicted[item]], gold_members[gold[item]]
        overlap = len(mine & truth)
        precision += overlap / len(mine)
        recall += overlap / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
