"""End-to-end throughput on NYT-length articles (~1,300 words); prints medians and ratios.

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 24] [--repeats 3] [--skip-dask] [--profile]

Articles: ../shared/eval/corpora/allsides_articles.jsonl.gz when present (the longest ones), else
built from the demo corpus: seven demo reports concatenated, numbers varied, so each is ~1,300 words.
Measured, each as the median of ``--repeats`` runs:

1. the per-article stages (``analyse_batch``) on the local engine with 1 and 2 processes;
2. the whole ``detente run`` into a fresh store (ingest, per-article stages, store, copies, merge);
3. the naive floor: parse every sentence with spaCy's full pipeline (``nlp.pipe``);
4. the Dask engine on a LocalCluster, 2 workers vs 1: speed-up and peak RSS per worker.

Not a test: numbers depend on the machine (2 cores here) and on what else runs on it.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"
ALLSIDES = ROOT.parent / "shared" / "eval" / "corpora" / "allsides_articles.jsonl.gz"
NYT_WORDS = 1300  # median length of a New York Times news article


def build_articles(count: int, seed: int = 0) -> tuple[list[dict[str, str]], str]:
    """``count`` news articles of ~1,300 words as JSONL records, and where they came from."""
    if ALLSIDES.exists():
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        records = [r for r in records if len(str(r.get("text") or r.get("content_original") or "").split()) >= 600]
        if len(records) >= count:
            return records[:count], f"allsides ({ALLSIDES.name}), articles of >= 600 words"
    rng = random.Random(seed)
    reports = [p.read_text(encoding="utf-8").split("\n", 1) for p in sorted(DEMO.glob("*.txt"))]
    english = [(title.strip(), body.strip()) for title, body in reports if " le " not in body]
    articles = []
    for number in range(count):
        picked, words = [], 0
        while words < NYT_WORDS:
            _title, body = rng.choice(english)
            picked.append(re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(0, 9)), body))
            words += len(body.split())
        title = english[number % len(english)][0]
        published = f"2020-0{1 + number % 6}-1{number % 9}"
        articles.append(
            {"id": f"bench-{number:05d}", "title": title, "text": "\n\n".join(picked), "published": published}
        )
    note = "" if ALLSIDES.exists() else f" ({ALLSIDES} is absent)"
    return articles, f"demo corpus concatenated to ~{NYT_WORDS} words{note}"


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile the per-article stages, print the top")
    options = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # a cut-short run still shows its lines

    from detente import Detente
    from detente.engine import LocalEngine
    from detente.ingest import make_article, split_sentences
    from detente.pipeline import _warm, analyse_batch
    from detente.settings import Settings

    records, origin = build_articles(options.articles)
    articles = [make_article(r, "bench") for r in records]
    words = sum(len(a.text.split()) for a in articles)  # type: ignore[union-attr]
    print(f"{len(articles)} articles, {words / len(articles):.0f} words each on average: {origin}")
    settings = Settings()
    batches = [articles[i : i + 4] for i in range(0, len(articles), 4)]
    work = partial(analyse_batch, settings)
    _warm(settings)
    results: dict[str, float] = _Shown()

    if options.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [work(b) for b in batches])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)

    for workers in (1, 2):
        engine = LocalEngine(workers, partial(_warm, settings))
        list(engine.map_batches(work, batches[:workers]))  # start and warm the pool outside the timing
        results[f"local x{workers}"] = median_seconds(
            lambda e=engine: list(e.map_batches(work, batches)), options.repeats
        )
        engine.close()

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        runs = iter(range(options.repeats))
        results["detente run x1"] = median_seconds(
            lambda: Detente.open(Path(folder) / f"run{next(runs)}.duckdb").run([corpus]), options.repeats
        )

    nlp = _full_spacy(settings.spacy_models)
    sentences = [s.text for a in articles for s in split_sentences(a)]  # type: ignore[arg-type]
    results["spaCy every sentence"] = median_seconds(lambda: list(nlp.pipe(sentences, batch_size=64)), options.repeats)

    if not options.skip_dask:
        results.update(_dask(settings, work, batches, options.repeats))

    print(f"\n{'configuration':28} {'median s':>9} {'articles/s':>11}")
    for name, seconds in results.items():
        if not name.startswith("rss"):
            print(f"{name:28} {seconds:9.2f} {len(articles) / seconds:11.2f}")
    print("\nratios")
    print(f"  local 2 processes vs 1:            {results['local x1'] / results['local x2']:.2f}x faster")
    print(f"  detente per-article vs spaCy floor: {results['spaCy every sentence'] / results['local x1']:.2f}x "
          "(above 1: detente is faster than parsing every sentence)")  # fmt: skip
    print(f"  whole run vs per-article stages:    {results['detente run x1'] / results['local x1']:.2f}x the time")
    if "dask x2" in results:
        print(f"  dask 2 workers vs 1:                {results['dask x1'] / results['dask x2']:.2f}x faster")
        print(f"  dask peak RSS per worker:           1 worker {results['rss x1']:.0f} MB, "
              f"2 workers {results['rss x2']:.0f} MB each")  # fmt: skip


class _Shown(dict):  # type: ignore[type-arg]
    """Results shown as they come, so a run cut short still tells what it measured."""

    def __setitem__(self, name: str, seconds: float) -> None:
        super().__setitem__(name, seconds)
        print(f"  measured {name}: {seconds:.2f}", file=sys.stderr, flush=True)


def _full_spacy(models: tuple[str, ...]):  # type: ignore[no-untyped-def]
    import spacy

    for name in models:
        try:
            return spacy.load(name)  # every component, NER included: the naive way
        except OSError:
            continue
    sys.exit("no spaCy English model installed")


def _dask(settings, work, batches, repeats):  # type: ignore[no-untyped-def]
    import dataclasses

    from detente.engine_dask import DaskEngine
    from detente.pipeline import _warm

    results = {}
    for workers in (1, 2):
        engine = DaskEngine(dataclasses.replace(settings, engine="dask", workers=workers), partial(_warm, settings))
        results[f"dask x{workers}"] = median_seconds(lambda e=engine: list(e.map_batches(work, batches)), repeats)
        peaks = engine._client.run(_peak_rss_mb)
        results[f"rss x{workers}"] = max(peaks.values())
        engine.close()
    return results


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
