"""The run: files → articles → (per article) sentences, events, fingerprint → store → (across
articles) copies, stories, merged events.

Per-article work is idempotent and batched: each batch lands in one transaction, so a run killed at
any point and started again redoes only the unfinished batch (ids are content hashes). The
cross-article stages are recomputed from the store at the end of every run and swapped in whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from detente.engine import get_engine
from detente.events import EventCoder, get_coder
from detente.ingest import Manifest, read_paths, split_sentences, with_language
from detente.provenance import fingerprint, trace_copies
from detente.records import Article, IngestProblem
from detente.settings import Settings
from detente.store import AnalysedArticle, Store
from detente.timeline.merge import merge_mentions

NOT_CODED_LANGUAGE = "not coded: needs a translator ({language})"


@dataclass(frozen=True, slots=True)
class RunReport:
    articles_read: int
    articles_new: int
    articles_known: int  # already in the store (same text under any id)
    not_coded: int
    problems: tuple[IngestProblem, ...]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


Progress = Callable[[int], None]  # called with the number of articles just finished


@lru_cache(maxsize=2)
def _coder(settings: Settings) -> EventCoder:
    return get_coder("rules", settings)


def analyse(article: Article, coder: EventCoder) -> AnalysedArticle:
    """Every per-article stage for one article."""
    article = with_language(article)
    sentences = split_sentences(article)
    if not article.codable:
        status = NOT_CODED_LANGUAGE.format(language=article.language)
        mentions: tuple = ()
    else:
        status = "coded"
        mentions = coder.code_article(article, sentences)
    return AnalysedArticle(article, status, len(sentences), mentions, fingerprint(article.text))


def analyse_batch(settings: Settings, articles: Sequence[Article]) -> list[AnalysedArticle]:
    coder = _coder(settings)
    return [analyse(article, coder) for article in articles]


def _warm(settings: Settings) -> None:
    """Load the models once per worker process, before the first batch."""
    _coder(settings)


def run(
    settings: Settings, paths: Sequence[Path], manifest: Path | None = None, progress: Progress | None = None
) -> RunReport:
    started = time.monotonic()
    store = Store(settings.db)
    loaded_manifest = Manifest.load(manifest) if manifest is not None else None
    problems: list[IngestProblem] = []
    tally = {"read": 0, "known": 0, "new": 0, "not_coded": 0}

    def new_batches() -> Iterator[list[Article]]:
        for batch in _batched(read_paths(paths, loaded_manifest), settings.batch_size):
            articles = [item for item in batch if isinstance(item, Article)]
            batch_problems = [item for item in batch if isinstance(item, IngestProblem)]
            problems.extend(batch_problems)
            if batch_problems:
                store.write_batch([], batch_problems)
            tally["read"] += len(articles)
            known = store.known_hashes(a.content_hash for a in articles)
            fresh, seen = [], set(known)
            for article in articles:
                if article.content_hash in seen:
                    tally["known"] += 1
                    continue
                seen.add(article.content_hash)
                fresh.append(article)
            if progress is not None and len(fresh) < len(articles):
                progress(len(articles) - len(fresh))
            if fresh:
                yield fresh

    engine = get_engine(settings, initializer=partial(_warm, settings))
    try:
        for analysed in engine.map_batches(partial(analyse_batch, settings), new_batches()):
            store.write_batch(analysed, [])
            tally["new"] += len(analysed)
            tally["not_coded"] += sum(1 for a in analysed if a.status != "coded")
            if progress is not None:
                progress(len(analysed))
    finally:
        engine.close()
    if store.path.exists():
        rebuild_derived(store)
    counts = store.counts() if store.path.exists() else {}
    return RunReport(
        articles_read=tally["read"],
        articles_new=tally["new"],
        articles_known=tally["known"],
        not_coded=tally["not_coded"],
        problems=tuple(problems),
        counts=counts,
        seconds=time.monotonic() - started,
    )


def rebuild_derived(store: Store) -> None:
    """Copies, stories and merged events, recomputed over everything in the store."""
    stored = store.articles()
    articles = {s.article.article_id: s.article for s in stored}
    sentences = {a.article_id: split_sentences(a) for a in articles.values()}
    fingerprints = {s.article.article_id: s.fingerprint for s in stored if s.fingerprint is not None}
    provenance = trace_copies(list(articles.values()), sentences, fingerprints)
    mentions = store.mentions()
    events = merge_mentions(mentions, articles, provenance.copies, provenance.story_of)
    store.replace_derived(provenance.copies, provenance.story_of, events)


def _batched(items: Iterable[Article | IngestProblem], size: int) -> Iterator[list[Article | IngestProblem]]:
    batch: list[Article | IngestProblem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = ["RunReport", "analyse", "rebuild_derived", "run"]
