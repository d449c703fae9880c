"""Measure story grouping and cross-article event merging on ECB+ dev (../shared/eval/ecbplus_dev).

    PYTHONPATH=src .venv/bin/python scripts/eval_ecbplus_merge.py [--shared /work/shared] [--keep DB]

(a) Stories: B³ of detente's ``story_of`` (provenance) against the seminal-event grouping (topic +
    ecb/ecbplus: each topic holds two real events, one per sub-corpus).
(b) Event merging: the documents (tokens re-joined into text, token offsets kept) run through the whole
    pipeline (``Detente.open(tmp).run``). A detente mention is matched to the gold ACTION_* mentions of
    the annotated sentences (ECBplus_coreference_sentences.csv) whose tokens its trigger span overlaps;
    detente's merged ``Event`` clusters are compared with the gold cross-document chains (the
    CROSS_DOC_COREF instance ids; a mention outside every chain is its own singleton) by B³ over the
    matched gold mentions. Coverage (how many gold mentions were matched at all) is reported too: ECB+
    is mostly not political (celebrity news, earthquakes, sports, product launches), while detente
    codes only political events between actors, so coverage is low by design and the B³ figures rest
    on few mentions.

Eval data are read here only, never copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clustering_metrics import b_cubed

from detente import Detente
from detente.ingest import split_sentences
from detente.provenance import trace_copies
from detente.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'", "''", "%"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$"})
QUOTES = {"``": '"', "''": '"'}


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    mention_id: str
    start: int  # character span in the rebuilt text
    end: int
    text: str
    chain: str  # cross-document instance id, or a singleton id
    kind: str  # ACTION_OCCURRENCE, ACTION_REPORTING, …


@dataclass(frozen=True, slots=True)
class Document:
    doc: str
    seminal: str  # topic + "ecb" / "ecbplus"
    text: str
    mentions: tuple[GoldMention, ...]  # ACTION mentions in the annotated sentences
    annotated: tuple[tuple[int, int], ...]  # character spans of the annotated sentences


def read_document(path: Path, annotated: set[int]) -> Document:
    """Rebuild the text from the tokens (sentences one per line), keeping each token's character span."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    length, previous_sentence, previous_token = 0, None, ""
    for token in root.iter("token"):
        word = QUOTES.get(token.text or "", token.text or "")
        sentence = int(token.get("sentence", "0"))
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n\n"
        elif (token.text or "") in NO_SPACE_BEFORE or previous_token in NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        pieces.append(gap)
        length += len(gap)
        spans[token.get("t_id", "")] = (length, length + len(word))
        sentence_of[token.get("t_id", "")] = sentence
        pieces.append(word)
        length += len(word)
        previous_sentence, previous_token = sentence, token.text or ""
    text = "".join(pieces)
    chains: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = relation.get("note", "")
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if not markable.tag.startswith("ACTION") or not anchors:
            continue
        if sentence_of.get(anchors[0]) not in annotated:
            continue
        start, end = min(spans[a][0] for a in anchors), max(spans[a][1] for a in anchors)
        mention_id = markable.get("m_id", "")
        chain = chains.get(mention_id) or f"singleton:{path.stem}:{mention_id}"
        mentions.append(GoldMention(path.stem, mention_id, start, end, text[start:end], chain, markable.tag))
    seminal = path.parent.name + ("ecbplus" if path.stem.endswith("ecbplus") else "ecb")
    bounds: dict[int, tuple[int, int]] = {}
    for t_id, sentence in sentence_of.items():
        if sentence in annotated:
            first, last = bounds.get(sentence, spans[t_id])
            bounds[sentence] = (min(first, spans[t_id][0]), max(last, spans[t_id][1]))
    return Document(path.stem, seminal, text, tuple(mentions), tuple(sorted(bounds.values())))


def read_corpus(folder: Path) -> list[Document]:
    annotated: dict[str, set[int]] = defaultdict(set)
    with (folder / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            annotated[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return [read_document(path, annotated[path.stem]) for path in sorted(folder.glob("*/*.xml"))]


def _row(name: str, scores: tuple[float, float, float]) -> str:
    return f"| {name} | " + " | ".join(f"{x:.3f}" for x in scores) + " |"


def stories(documents: list[Document]) -> None:
    articles = [Article(d.doc, d.text, d.doc, language="en") for d in documents]
    started = time.perf_counter()
    provenance = trace_copies(articles, {a.article_id: split_sentences(a) for a in articles})
    elapsed = time.perf_counter() - started
    gold = {d.doc: d.seminal for d in documents}
    topic_only = {d.doc: d.seminal.removesuffix("plus").removesuffix("ecb") for d in documents}
    print(f"\n== (a) stories: {len(documents)} docs, {len(set(gold.values()))} seminal events, {elapsed:.1f}s ==")
    print(f"detente stories: {len(set(provenance.story_of.values()))}")
    print("| grouping vs gold seminal event | B³ P | B³ R | B³ F1 |\n|---|---|---|---|")
    print(_row("detente story_of", b_cubed(provenance.story_of, gold)))
    print(_row("baseline: one story per topic (both events)", b_cubed(topic_only, gold)))
    print(_row("baseline: every doc alone", b_cubed({d: d for d in gold}, gold)))


def merging(documents: list[Document], keep: Path | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "ecbplus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for document in documents:
                handle.write(json.dumps({"id": document.doc, "text": document.text, "language": "en"}) + "\n")
        db = keep or Path(folder) / "ecbplus.duckdb"
        detente = Detente.open(db)
        started = time.perf_counter()
        report = detente.run([corpus])
        elapsed = time.perf_counter() - started
        events = detente.events()
    texts = {d.doc: d.text for d in documents}
    print(f"\n== (b) event merging: pipeline run {elapsed:.0f}s, {report.articles_new} articles new ==")
    event_of: dict[tuple[str, int, int], str] = {}  # a detente trigger span → its merged event
    offset_errors = 0
    for event in events:
        for evidence in event.evidence:
            event_of[(evidence.article_id, evidence.start, evidence.end)] = event.event_id
            text = texts.get(evidence.article_id, "")
            if evidence.sentence and evidence.sentence not in text:
                offset_errors += 1
    gold_mentions = [m for d in documents for m in d.mentions]
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in gold_mentions:
        by_doc[mention.doc].append(mention)
    predicted: dict[tuple[str, str], str] = {}
    triggers_matched = triggers_annotated = 0
    annotated = {d.doc: d.annotated for d in documents}
    unmatched_triggers: Counter[str] = Counter()
    for (doc, start, end), event_id in sorted(event_of.items()):
        hits = [m for m in by_doc.get(doc, ()) if m.start < end and start < m.end]
        triggers_matched += bool(hits)
        triggers_annotated += any(first <= start < last for first, last in annotated.get(doc, ()))
        if not hits:
            unmatched_triggers[texts.get(doc, "")[start:end].lower()] += 1
        for mention in hits:
            predicted.setdefault((mention.doc, mention.mention_id), event_id)
    gold = {(m.doc, m.mention_id): m.chain for m in gold_mentions if (m.doc, m.mention_id) in predicted}
    matched = [m for m in gold_mentions if (m.doc, m.mention_id) in gold]
    seminal_of = {d.doc: d.seminal for d in documents}
    in_chains = sum(1 for m in gold_mentions if not m.chain.startswith("singleton:"))
    print(f"detente events {len(events)}, trigger spans {len(event_of)} (sentence not in text: {offset_errors})")
    print(
        f"gold ACTION mentions in annotated sentences: {len(gold_mentions)} ({in_chains} in cross-doc chains, "
        f"{len({m.chain for m in gold_mentions})} chains incl. singletons)"
    )
    share = len(matched) / max(1, len(gold_mentions))
    print(
        f"gold mentions matched by a detente trigger: {len(matched)} ({share:.1%}); "
        f"detente trigger spans on a gold ACTION mention: {triggers_matched}/{len(event_of)}; "
        f"in an annotated sentence: {triggers_annotated}/{len(event_of)}"
    )
    print(
        f"matched mentions: {len(set(gold.values()))} gold chains, {len(set(predicted.values()))} detente events, "
        f"{len({seminal_of[m.doc] for m in matched})} of {len(set(seminal_of.values()))} seminal events"
    )
    print("| merging over the matched gold mentions | B³ P | B³ R | B³ F1 |\n|---|---|---|---|")
    print(_row("detente merged Event clusters", b_cubed(predicted, gold)))
    print(_row("baseline: every mention alone", b_cubed({k: k for k in gold}, gold)))
    print(_row("baseline: one per seminal event", b_cubed({k: seminal_of[k[0]] for k in gold}, gold)))
    cross = {k: v for k, v in gold.items() if not v.startswith("singleton:")}
    print(_row("detente, chained gold mentions only", b_cubed(predicted, cross)))
    kinds = Counter(m.kind for m in matched)
    print("matched gold mentions by kind:", dict(kinds.most_common()))
    print("matched gold triggers, most frequent:", Counter(m.text.lower() for m in matched).most_common(15))
    print("detente triggers on no gold mention, most frequent:", unmatched_triggers.most_common(10))
    _show_merges(events, predicted, gold, texts)


def _show_merges(events: list, predicted: Mapping, gold: Mapping, texts: Mapping[str, str]) -> None:
    """A few detente events that join mentions of different gold chains, or split one chain."""
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, event_id in predicted.items():
        members[event_id].append(key)
    wrong = [(e, keys) for e, keys in members.items() if len({gold[k] for k in keys}) > 1]
    print(f"detente events joining >1 gold chain: {len(wrong)} of {len(members)}")
    chains: dict[str, set[str]] = defaultdict(set)
    for key, chain in gold.items():
        chains[chain].add(predicted[key])
    split = [c for c, evs in chains.items() if len(evs) > 1]
    print(f"gold chains split over >1 detente event: {len(split)} of {len(chains)}")
    by_id = {e.event_id: e for e in events}
    for event_id, keys in wrong[:5]:
        event = by_id[event_id]
        print(f"  {event_id} {event.source.country}->{event.target.country if event.target else None} {event.cameo}:")
        for key in sorted(keys)[:4]:
            print(f"    {key[0]} m{key[1]} gold {gold[key][:22]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--keep", type=Path, help="keep the store at this path (default: a temporary one)")
    options = parser.parse_args()
    folder = options.shared / "eval" / "ecbplus_dev"
    if not folder.is_dir():
        print(f"{folder} is absent: nothing to evaluate (this is fine on a fresh checkout).")
        return 0
    documents = read_corpus(folder)
    print(f"ECB+ dev: {len(documents)} docs from {folder}")
    stories(documents)
    merging(documents, options.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
