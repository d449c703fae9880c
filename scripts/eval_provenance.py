"""Measure the provenance stage on ../shared (seeds, ECB+ dev, MSRP, SemEval-2022 Task 8).

    PYTHONPATH=src .venv/bin/python scripts/eval_provenance.py [--shared /work/shared] [--sweep]

Prints the seed copy's alignment, then a table of figures. Eval data is only read here, never
copied into the project; thresholds set from it are documented where they are defined.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from clustering_metrics import b_cubed
from scipy.stats import spearmanr

from detente.ingest.segment import split_sentences
from detente.provenance import story_similarity, trace_copies
from detente.provenance.align import ALIGN_THRESHOLD, similarity_matrix
from detente.provenance.attribution import find_attribution
from detente.provenance.search import find_candidates, fingerprint
from detente.provenance.stories import (
    STORY_THRESHOLD,
    corpus_feature_frequency,
    feature_similarity,
    group_stories,
    story_features,
)
from detente.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SWEEP_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
csv.field_size_limit(10_000_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--sweep", action="store_true", help="also print threshold sweeps")
    options = parser.parse_args()
    shared: Path = options.shared
    if not shared.is_dir():
        print(f"{shared} is absent: nothing to evaluate (this is fine on a fresh checkout).")
        return 0
    figures: list[tuple[str, str, str]] = []
    figures += seeds(shared / "seeds")
    figures += ecbplus(shared / "eval" / "ecbplus_dev", options.sweep)
    figures += msrp(shared / "eval" / "msrp_train.tsv", options.sweep)
    figures += semeval(shared / "eval" / "semeval2022_t8_dev.csv")
    print("\n| set | measure | value |\n|---|---|---|")
    for name, measure, value in figures:
        print(f"| {name} | {measure} | {value} |")
    return 0


def seeds(folder: Path) -> list[tuple[str, str, str]]:
    if not (folder / "manifest.jsonl").exists():
        print(f"{folder} is absent: seeds skipped")
        return []
    articles = []
    for line in (folder / "manifest.jsonl").read_text().splitlines():
        entry = json.loads(line)
        published = dt.date.fromisoformat(entry["published"]) if entry.get("published") else None
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        articles.append(
            Article(
                entry["file"].removesuffix(".txt"),
                text,
                entry["file"],
                entry.get("title"),
                entry.get("outlet"),
                None,
                published,
                entry.get("language"),
            )
        )
    result = trace_copies(articles, {a.article_id: split_sentences(a) for a in articles})
    print("== seeds ==")
    for article in articles:
        print(f"{article.article_id} ({article.outlet}): credits {find_attribution(article)!r}")
    for copy in result.copies:
        print(
            f"copy {copy.copy} of {copy.original}: {copy.relation}, confidence {copy.confidence:.2f}, "
            f"attribution {copy.attribution!r}, coverage {copy.coverage_of_original:.2f}"
        )
        for pair in copy.aligned:
            print(f"  [{pair.change}] {pair.similarity:.2f} {pair.detail or ''}")
            print(f"     copy:     {pair.copy_sentence[:150]}")
            print(f"     original: {pair.original_sentence[:150]}")
        print(f"  dropped {len(copy.dropped)}, first: {copy.dropped[:1]}")
        print(f"  added {len(copy.added)}: {list(copy.added)}")
    details = " ".join(p.detail or "" for c in result.copies for p in c.aligned)
    flips = sum(p.change == "polarity_flipped" for c in result.copies for p in c.aligned)
    coverage = result.copies[0].coverage_of_original if result.copies else 0.0
    return [
        ("seeds", "original found", str(any(c.original == "002_48837d42e1fddf07" for c in result.copies))),
        ("seeds", "coverage of original", f"{coverage:.3f}"),
        ("seeds", "rocket → missile shown", str("rocket → missile" in details)),
        ("seeds", "polarity flips", str(flips)),
        ("seeds", "one story", str(len(set(result.story_of.values())) == 1)),
    ]


def _ecb_text(path: Path) -> str:
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    lines = []
    for number in sorted(sentences):
        line = " ".join(sentences[number])
        line = re.sub(r"\s+([.,;:!?')\]])", r"\1", line).replace("`` ", '"').replace(" ''", '"')
        lines.append(line)
    return "\n\n".join(lines)


def ecbplus(folder: Path, sweep: bool) -> list[tuple[str, str, str]]:
    if not folder.is_dir():
        print(f"{folder} is absent: ECB+ skipped")
        return []
    articles, gold = [], {}
    for path in sorted(folder.glob("*/*.xml")):
        topic = path.parent.name
        article_id = path.stem
        gold[article_id] = topic + ("plus" if path.stem.endswith("ecbplus") else "")
        articles.append(Article(article_id, _ecb_text(path), article_id, language="en"))
    started = time.perf_counter()
    result = trace_copies(articles, {a.article_id: split_sentences(a) for a in articles})
    elapsed = time.perf_counter() - started
    topic_of = {a: gold[a].removesuffix("plus") for a in gold}
    by_topic: dict[str, list[str]] = defaultdict(list)
    for article_id, topic in topic_of.items():
        by_topic[topic].append(article_id)
    within_pairs = sum(len(members) * (len(members) - 1) // 2 for members in by_topic.values())
    copy_pairs = {tuple(sorted((c.copy, c.original))) for c in result.copies if c.original is not None}
    within_copies = [pair for pair in copy_pairs if topic_of[pair[0]] == topic_of[pair[1]]]
    false_copy = len(within_copies) / within_pairs if within_pairs else 0.0
    precision, recall, f1 = b_cubed(result.story_of, gold)
    print(f"== ECB+ dev: {len(articles)} docs, {len(copy_pairs)} copy pairs, {elapsed:.1f}s ==")
    for pair in sorted(within_copies)[:10]:
        print("  called a copy:", pair)
    figures = [
        (
            "ecbplus_dev",
            "false-copy rate (within-topic pairs)",
            f"{false_copy:.4f} ({len(within_copies)}/{within_pairs})",
        ),
        ("ecbplus_dev", "story B3 P / R / F1", f"{precision:.3f} / {recall:.3f} / {f1:.3f}"),
        ("ecbplus_dev", f"stories (gold {len(set(gold.values()))})", str(len(set(result.story_of.values())))),
    ]
    if sweep:
        texts = {a.article_id: a.text for a in articles}
        candidates = find_candidates(texts, {k: fingerprint(v) for k, v in texts.items()})
        bags = {k: story_features(v) for k, v in texts.items()}
        frequency = corpus_feature_frequency(bags.values())
        scored = {
            (c.first, c.second): feature_similarity(bags[c.first], bags[c.second], frequency, len(bags))
            for c in candidates
        }
        for threshold in SWEEP_THRESHOLDS:
            grouping = group_stories(list(texts), scored, threshold=threshold)
            print(
                f"  story threshold {threshold:.2f}: B3 P/R/F1 = "
                + " / ".join(f"{x:.3f}" for x in b_cubed(grouping, gold))
            )
    return figures


def msrp(path: Path, sweep: bool) -> list[tuple[str, str, str]]:
    if not path.exists():
        print(f"{path} is absent: MSRP skipped")
        return []
    labels, scores = [], []
    with path.open(encoding="utf-8-sig") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 5 or row[0] not in ("0", "1"):
                continue
            labels.append(row[0] == "1")
            scores.append(float(similarity_matrix([row[3]], [row[4]])[0, 0]))

    def f1_at(threshold: float) -> tuple[float, float, float]:
        tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
        fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
        fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    if sweep:
        for threshold in SWEEP_THRESHOLDS:
            print(f"  MSRP threshold {threshold:.2f}: P/R/F1 = " + " / ".join(f"{x:.3f}" for x in f1_at(threshold)))
    p, r, f1 = f1_at(ALIGN_THRESHOLD)
    baseline = 2 * (sum(labels) / len(labels)) / (1 + sum(labels) / len(labels))
    return [
        ("msrp_train", f"same-claim P / R / F1 at {ALIGN_THRESHOLD}", f"{p:.3f} / {r:.3f} / {f1:.3f}"),
        ("msrp_train", "all-positive baseline F1", f"{baseline:.3f}"),
    ]


def semeval(path: Path) -> list[tuple[str, str, str]]:
    if not path.exists():
        print(f"{path} is absent: SemEval skipped")
        return []
    overall, predicted = [], []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["lang1"] != "en" or row["lang2"] != "en" or not row["Overall"]:
                continue
            overall.append(float(row["Overall"]))
            predicted.append(story_similarity(row["text1"], row["text2"]))
    rho = spearmanr(predicted, overall).statistic
    return [
        ("semeval2022_t8_dev en-en", f"Spearman(story_similarity, Overall), n={len(overall)}", f"{rho:.3f}"),
        ("semeval2022_t8_dev en-en", "same, sign flipped (higher = more similar)", f"{-rho:.3f}"),
        ("config", "ALIGN_THRESHOLD / STORY_THRESHOLD", f"{ALIGN_THRESHOLD} / {STORY_THRESHOLD}"),
    ]


if __name__ == "__main__":
    sys.exit(main())
