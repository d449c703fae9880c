"""The Dask distributed engine: the per-article stages on a cluster's workers.

``detente run … --engine dask --scheduler tcp://host:port`` uses a running cluster; without an
address a ``LocalCluster`` of ``--workers`` single-threaded processes is started (and stopped at the
end). Registered under the ``detente.engines`` entry point like any third-party engine would be;
``dask[distributed]`` is the optional extra ``detente[dask]``.

Memory stays flat over a long run: at most ``IN_FLIGHT_PER_WORKER`` batches per worker are
submitted ahead, each result is released as soon as the writer has it, and the models are loaded
once per worker process (``client.run`` of the initializer at start; the per-process cache in
``pipeline._coder`` covers workers that join later).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from detente.errors import ConfigError, MissingDependencyError
from detente.settings import Settings

In = TypeVar("In")
Out = TypeVar("Out")
# Batches submitted ahead per worker thread: one running, one queued, so no worker waits on the
# writer; more only holds more articles in memory.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT_SECONDS = 30


class DaskEngine:
    """``map_batches`` over a Dask cluster; results come back in submission order."""

    def __init__(
        self,
        settings: Settings,
        initializer: Callable[[], None] | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise MissingDependencyError("dask[distributed]", "dask") from error
        self._cluster: Any = None
        self._client: Any = None
        try:
            if settings.scheduler:
                self._client = Client(settings.scheduler, timeout=connect_timeout)
            else:
                self._cluster = LocalCluster(
                    n_workers=settings.workers,
                    threads_per_worker=1,  # spaCy and the coder are CPU-bound in Python: processes, not threads
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,  # logging.ERROR: workers' chatter is not the run's progress
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as error:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {settings.scheduler!r}: {error}") from error
        if initializer is not None:
            self._client.run(initializer)
        self._threads = max(1, sum(self._client.nthreads().values()))

    def map_batches(self, function: Callable[[Sequence[In]], Out], batches: Iterable[Sequence[In]]) -> Iterator[Out]:
        in_flight: deque[Any] = deque()
        for batch in batches:
            in_flight.append(self._client.submit(function, batch, pure=False))
            if len(in_flight) >= IN_FLIGHT_PER_WORKER * self._threads:
                yield self._take(in_flight)
        while in_flight:
            yield self._take(in_flight)

    @staticmethod
    def _take(in_flight: deque[Any]) -> Any:
        future = in_flight.popleft()
        result = future.result()
        future.release()  # the worker may drop its copy now
        return result

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


__all__ = ["DaskEngine"]
