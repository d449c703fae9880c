"""Execution engines: how the per-article stages run over a batch.

One small interface (``map_batches``) and a registry (entry-point group ``detente.engines``, where
the built-in ones register like a third-party one would): ``local`` runs in-process (1 worker) or on
a process pool whose workers load the models once; ``dask`` (``detente.engine_dask``) runs on a Dask
cluster. Every engine yields results in the order the batches came, so the store is written in the
same order whatever runs the work, and a killed run resumes to the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Protocol, TypeVar

from detente.errors import ConfigError
from detente.settings import Settings

In = TypeVar("In")
Out = TypeVar("Out")
ENTRY_POINT_GROUP = "detente.engines"


class Engine(Protocol):
    def map_batches(
        self, function: Callable[[Sequence[In]], Out], batches: Iterable[Sequence[In]]
    ) -> Iterator[Out]: ...

    def close(self) -> None: ...


@dataclass
class LocalEngine:
    """In-process for one worker; a process pool (order kept, two batches in flight per worker) for more."""

    workers: int = 1
    initializer: Callable[[], None] | None = None

    @classmethod
    def from_settings(cls, settings: Settings, initializer: Callable[[], None] | None = None) -> LocalEngine:
        return cls(settings.workers, initializer)

    def __post_init__(self) -> None:
        self._pool = (
            ProcessPoolExecutor(max_workers=self.workers, initializer=self.initializer) if self.workers > 1 else None
        )

    def map_batches(self, function: Callable[[Sequence[In]], Out], batches: Iterable[Sequence[In]]) -> Iterator[Out]:
        if self._pool is None:
            if self.initializer is not None:
                self.initializer()
            yield from (function(batch) for batch in batches)
            return
        in_flight = []
        for batch in batches:
            in_flight.append(self._pool.submit(function, batch))
            if len(in_flight) >= 2 * self.workers:
                yield in_flight.pop(0).result()
        for future in in_flight:
            yield future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()


def get_engine(settings: Settings, initializer: Callable[[], None] | None = None) -> Engine:
    registered = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    if settings.engine in registered:
        engine: Engine = registered[settings.engine].load()(settings, initializer)
        return engine
    if settings.engine == "local":  # a source checkout whose entry points are not installed yet
        return LocalEngine.from_settings(settings, initializer)
    names = ", ".join(sorted({"local", *registered}))
    raise ConfigError(f"no engine named {settings.engine!r}; use one of: {names}")
