"""The run: files → articles → (per article) sentences, events, fingerprint → store → (across
articles) copies, stories, merged events.

Per-article work is idempotent and batched: each batch lands in one transaction, so a run killed at
any point and started again redoes only the unfinished batch (ids are content hashes). The
cross-article stages are recomputed from the store at the end of every run and swapped in whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from detente.engine import get_engine
from detente.events import EventCoder, coding_session, get_coder
from detente.ingest import Fetcher, Manifest, read_paths, split_sentences, with_language
from detente.provenance import Provenance, fingerprint, trace_copies
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
    rebuild: RebuildReport | None = None  # None when no article landed, so nothing was rebuilt


@dataclass(frozen=True, slots=True)
class RebuildReport:
    """What the cross-article rebuild did: candidate pairs of articles, and how many were judged afresh
    (the rest kept their stored verdicts because neither article changed)."""

    candidate_pairs: int
    judged: int


Progress = Callable[[int], None]  # called with the number of articles just finished


def _coder(settings: Settings) -> EventCoder:
    # Keyed on what the coder is built from, not the whole settings: a second store (another --db)
    # in one process reused to reload the actor files and models, ~7 s each time (profiled 2026-11).
    return _coder_from(Settings(spacy_models=settings.spacy_models, actor_files=settings.actor_files))


@lru_cache(maxsize=2)
def _coder_from(models_and_actors: Settings) -> EventCoder:
    return get_coder("rules", models_and_actors)


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
    spans = tuple(bound for sentence in sentences for bound in (sentence.start, sentence.end))
    return AnalysedArticle(article, status, len(sentences), mentions, fingerprint(article.text), spans)


def analyse_batch(settings: Settings, articles: Sequence[Article]) -> list[AnalysedArticle]:
    coder = _coder(settings)
    with coding_session(coder):
        return [analyse(article, coder) for article in articles]


WARM_UP = Article("warm-up", "The United States imposed sanctions on Iran on Monday.", "warm-up", language="en")


def _warm(settings: Settings) -> None:
    """Load the models once per worker process, before the first batch: the coder loads its parser
    and gazetteers lazily, so one tiny article is coded to make them load here."""
    analyse(WARM_UP, _coder(settings))


def run(
    settings: Settings,
    paths: Sequence[Path],
    manifest: Path | None = None,
    progress: Progress | None = None,
    url_lists: Sequence[Path] = (),
) -> RunReport:
    started = time.monotonic()
    store = Store(settings.db)
    loaded_manifest = Manifest.load(manifest) if manifest is not None else None
    problems: list[IngestProblem] = []
    tally = {"read": 0, "known": 0, "new": 0, "not_coded": 0}
    # Run-wide, not per batch: with batches in flight on a pool, a text (or an id) met in batch 1 is
    # not in the store yet when batch 2 is checked. Ids taken by a different text are made unique.
    seen_hashes: set[str] = set()
    taken_ids: dict[str, str] = {}  # article id → content hash, for this run's articles
    fetcher = Fetcher(settings.fetch_timeout, settings.fetch_max_bytes, settings.fetch_host_interval)

    def new_batches() -> Iterator[list[Article]]:
        items = read_paths(paths, loaded_manifest, url_lists, fetcher)
        for batch in _batched(items, settings.batch_size):
            articles = [item for item in batch if isinstance(item, Article)]
            batch_problems = [item for item in batch if isinstance(item, IngestProblem)]
            problems.extend(batch_problems)
            if batch_problems:
                store.write_batch([], batch_problems)
            tally["read"] += len(articles)
            known, stored_ids = store.known(
                (a.content_hash for a in articles), (a.article_id for a in articles if a.article_id not in taken_ids)
            )
            taken_ids.update(stored_ids)
            fresh = []
            for article in articles:
                if article.content_hash in known or article.content_hash in seen_hashes:
                    tally["known"] += 1
                    continue
                seen_hashes.add(article.content_hash)
                article = _unique_id(article, taken_ids)
                taken_ids[article.article_id] = article.content_hash
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
        fetcher.close()
    rebuilt = rebuild_derived(store) if store.path.exists() and store.derived_stale() else None
    counts = store.counts() if store.path.exists() else {}
    return RunReport(
        articles_read=tally["read"],
        articles_new=tally["new"],
        articles_known=tally["known"],
        not_coded=tally["not_coded"],
        problems=tuple(problems),
        counts=counts,
        seconds=time.monotonic() - started,
        rebuild=rebuilt,
    )


def rebuild_derived(store: Store) -> RebuildReport:
    """Copies, stories and merged events, recomputed over everything in the store.

    Texts are held only while copies are traced, and mentions only while they merge: the peak is the
    larger of the two, not their sum."""
    generation = store.generation()
    provenance = _trace(store)
    articles = {s.article.article_id: s.article for s in store.articles(with_text=False)}
    events = merge_mentions(store.mentions(), articles, provenance.copies, provenance.story_of)
    store.replace_derived(provenance.copies, provenance.story_of, events, generation, provenance.verdicts)
    return RebuildReport(len(provenance.verdicts), provenance.judged)


def _trace(store: Store) -> Provenance:
    """Sentences come from the spans stored with each article (re-splitting every article on every run
    was a fifth of a rerun's time); articles stored before spans were kept are split again. The
    verdicts kept from the last rebuild spare judging the pairs whose articles are unchanged."""
    stored = store.articles()
    articles = [s.article for s in stored]
    sentences = {s.article.article_id: s.sentences() or split_sentences(s.article) for s in stored}
    fingerprints = {s.article.article_id: s.fingerprint for s in stored if s.fingerprint is not None}
    return trace_copies(articles, sentences, fingerprints, earlier=store.verdicts(), recall=store.kept_copies)


def _unique_id(article: Article, taken_ids: dict[str, str]) -> Article:
    """The article, renamed ``id-<hash>`` when its id already names a different text (two files
    that both number their records from 1): its mentions then cannot land on the other article."""
    owner = taken_ids.get(article.article_id)
    if owner is None or owner == article.content_hash:
        return article
    return replace(article, article_id=f"{article.article_id}-{article.content_hash[:8]}")


def _batched(items: Iterable[Article | IngestProblem], size: int) -> Iterator[list[Article | IngestProblem]]:
    batch: list[Article | IngestProblem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = ["RebuildReport", "RunReport", "analyse", "rebuild_derived", "run"]
