"""The scale run: ~100k articles through ``detente run``, killed once and resumed; prints wall time,
memory over time and whether the resumed store equals a clean one.

    .venv/bin/python benchmarks/bench_scale.py [--articles 100000] [--batch-size 256] [--workers 2]
                                              [--kill-at 0.5] [--compare-clean] [--keep DIR]

Corpus: ../shared/eval/corpora/allsides_articles.jsonl.gz taken three times with light variations
(numbers shifted, a byline added) up to ``--articles``; when that file is absent, NYT-length articles
built from the demo corpus (see bench_pipeline.py). It takes hours at 100k on 2 cores: start with
``--articles 2000``. Memory is the resident set of the run's whole process tree, sampled every
``SAMPLE_SECONDS``.

With ``--keep DIR`` the benchmark itself survives being stopped: every phase and memory sample is
appended to ``DIR/progress.jsonl`` as it happens, and running the same command again goes on from
where the log ends (the interrupted ``detente run`` resumes like any other) and reports the whole run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import ALLSIDES, build_articles

ROOT = Path(__file__).resolve().parents[1]
DETENTE = [sys.executable, "-m", "detente"]
SAMPLE_SECONDS = 5.0
VARIANTS = 3


def corpus_records(count: int) -> Iterator[dict[str, object]]:
    if ALLSIDES.exists():
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as lines:
            base = [json.loads(line) for line in lines]
        made = 0
        for variant in range(VARIANTS):
            for record in base:
                if made >= count:
                    return
                text = str(record.get("text") or record.get("content_original") or "")
                if variant:
                    text = re.sub(r"\b(\d+)\b", lambda m, v=variant: str(int(m.group(1)) + v), text, count=3)
                    text += f"\n\nReporting by desk {variant}."
                yield {**record, "id": f"{record.get('id', made)}-v{variant}", "text": text}
                made += 1
        return
    print(f"{ALLSIDES} is absent: NYT-length articles built from the demo corpus instead", file=sys.stderr)
    yield from build_articles(count)[0]


class Log:
    """Phases and memory samples, appended line by line to ``progress.jsonl``, read back on restart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[dict[str, Any]] = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    self.entries.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a line cut by a kill: everything before it stands
        self.handle = path.open("a", encoding="utf-8")

    def add(self, **entry: Any) -> None:
        self.entries.append(entry)
        self.handle.write(json.dumps(entry) + "\n")
        self.handle.flush()

    def done(self, phase: str) -> dict[str, Any] | None:
        return next((e for e in self.entries if e.get("phase") == phase and "seconds" in e), None)

    def spent(self, phase: str) -> float:
        """Seconds of ``phase`` already run, including runs of it that were interrupted."""
        return max((e["elapsed"] for e in self.entries if e.get("sample") == phase), default=0.0)


def run_watched(command: list[str], db: Path, kill_at_batches: int | None, log: Log, phase: str) -> bool:
    """Run ``command``; log the tree's RSS; SIGKILL it once ``kill_at_batches`` batches landed."""
    from detente.store import Store

    offset = log.spent(phase)
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched, killed = psutil.Process(process.pid), False
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree) / 2**20
            log.add(sample=phase, elapsed=offset + time.monotonic() - started, rss_mb=rss)
        except psutil.Error:
            pass
        if kill_at_batches is not None and db.exists():
            try:
                generation = int(Store(db).generation() or 0)
            except Exception:
                generation = 0
            if generation >= kill_at_batches:
                for child in watched.children(recursive=True):
                    child.send_signal(signal.SIGKILL)
                process.send_signal(signal.SIGKILL)
                process.wait()
                killed = True
                break
        time.sleep(SAMPLE_SECONDS)
    log.add(phase=phase, seconds=offset + time.monotonic() - started, killed=killed, returncode=process.returncode)
    return killed


def _ids(db: Path) -> dict[str, set[str]]:
    from detente.store.duck import query

    tables = {"articles": "article_id", "mentions": "mention_id", "events": "event_id", "copies": "copy_id"}
    return {t: {r["id"] for r in query(db, f"SELECT {k} AS id FROM {t}")} for t, k in tables.items()}


def main() -> None:
    from detente.store.duck import query

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-at", type=float, default=0.5, help="share of the batches after which to kill")
    parser.add_argument("--compare-clean", action="store_true", help="also run uninterrupted and compare ids")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it; rerun to go on")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="detente-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = Log(folder / "progress.jsonl")
    corpus = folder / "corpus.jsonl"
    written = log.done("corpus")
    if written is None or written.get("articles") != options.articles:
        with corpus.open("w", encoding="utf-8") as out:
            count = sum(out.write(json.dumps(r) + "\n") > 0 for r in corpus_records(options.articles))
        log.add(phase="corpus", seconds=0.0, articles=options.articles, count=count)
    else:
        count = int(written["count"])
    print(f"{count} articles in {corpus} ({corpus.stat().st_size / 2**20:.0f} MB)")

    db = folder / "scale.duckdb"
    command = [*DETENTE, "run", str(corpus), "--db", str(db), "--batch-size", str(options.batch_size),
               "--workers", str(options.workers)]  # fmt: skip
    kill_after = max(1, int(count / options.batch_size * options.kill_at))
    if log.done("killed") is None:
        run_watched(command, db, kill_after, log, "killed")
    first = log.done("killed") or {}
    print(f"killed after {kill_after} batches: {first.get('killed')} ({first.get('seconds', 0):.0f} s)")
    if log.done("resumed") is None:
        run_watched(command, db, None, log, "resumed")
    second = log.done("resumed") or {}
    total = first.get("seconds", 0) + second.get("seconds", 0)
    print(f"resumed to the end: {second.get('seconds', 0):.0f} s (exit {second.get('returncode')}); "
          f"wall time in all {total:.0f} s = {count / total:.2f} articles/s")  # fmt: skip
    samples = [(e["elapsed"] + (first.get("seconds", 0) if e["sample"] == "resumed" else 0), e["rss_mb"])
               for e in log.entries if e.get("sample") in ("killed", "resumed")]  # fmt: skip
    print("memory over time (s, MB of the process tree):")
    step = max(1, len(samples) // 20)
    for elapsed, rss in samples[::step]:
        print(f"  {elapsed:8.0f} {rss:8.0f}")
    print(f"peak {max((r for _, r in samples), default=0):.0f} MB")
    resumed = _ids(db)
    print({table: len(ids) for table, ids in resumed.items()})
    unique_texts = len({json.loads(line)["text"] for line in corpus.open(encoding="utf-8")})
    problems = len(query(db, "SELECT problem_id FROM problems"))
    print(f"input: {count} records, {unique_texts} distinct texts; stored {len(resumed['articles'])} articles "
          f"+ {problems} problems (a record is lost when distinct texts > articles + problems)")  # fmt: skip
    if options.compare_clean:
        clean_db = folder / "clean.duckdb"
        if log.done("clean") is None:
            run_watched([*command[:4], str(clean_db), *command[5:]], clean_db, None, log, "clean")
        clean = _ids(clean_db)
        same = {table: clean[table] == resumed[table] for table in clean}
        print(f"clean run {(log.done('clean') or {}).get('seconds', 0):.0f} s; resumed == clean: {same}")


if __name__ == "__main__":
    main()
