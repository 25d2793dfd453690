"""Where the nightly run extracts: the task runner the flow uses, and the worker pool behind it.

Four runners, chosen with ``thidua run --task-runner`` (or ``THIDUA_TASK_RUNNER``):

``processes`` (the default)
    One Prefect task per document on a thread pool in the flow's process; each task hands its document
    to a warm :class:`extractors.pool.ExtractionPool` of ``workers`` processes and stores the result
    itself. Extraction uses every core; Prefect's bookkeeping and the store's short transactions stay
    in the flow's process, overlapping the extraction.
``prefect-processes``
    Prefect's own ``ProcessPoolTaskRunner``: each task, bookkeeping included, runs in a worker process,
    which extracts inline and stores through its own connection.
``dask``
    ``prefect-dask``'s ``DaskTaskRunner``: on a ``LocalCluster`` of ``workers`` processes, or on the
    cluster at ``--dask-address tcp://…`` (other machines: they need this package installed, the same
    ``THIDUA_*`` settings, a PostgreSQL store and the ``THIDUA_HOME`` folder shared, see the README).
``threads``
    Tasks on threads of the flow's process, extraction inline: one core. For debugging.

``thidua bench`` measures the first two against each other; the default is the faster one there.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Light imports only: the command line reads RUNNERS from here before it parses its arguments.
from extractors.pool import ExtractionPool, WorkerStats, warm_worker
from models.records import DocumentResult

RUNNERS = ("processes", "prefect-processes", "dask", "threads")


def default_workers() -> int:
    """``THIDUA_WORKERS``, else the cores this process may use."""
    raw = os.environ.get("THIDUA_WORKERS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass(frozen=True)
class RunnerSettings:
    name: str = "processes"
    workers: int = 0  # 0: default_workers()
    dask_address: str | None = None

    def __post_init__(self) -> None:
        if self.name not in RUNNERS:
            raise ValueError(f"task runner {self.name!r}: expected one of {', '.join(RUNNERS)}")
        if self.workers < 0:
            raise ValueError(f"workers must be a positive number, not {self.workers}")

    @classmethod
    def from_env(cls, name: str | None = None, workers: int | None = None, dask_address: str | None = None):
        return cls(
            name or os.environ.get("THIDUA_TASK_RUNNER") or "processes",
            workers or default_workers(),
            dask_address or os.environ.get("THIDUA_DASK_ADDRESS") or None,
        )

    @property
    def worker_count(self) -> int:
        return self.workers or default_workers()

    @property
    def threads(self) -> int:
        """Task threads in the flow's process: two per worker keep every worker busy while a finished
        document is being stored."""
        return 2 * self.worker_count

    def task_runner(self) -> Any:
        """The Prefect task runner for these settings."""
        from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

        if self.name == "processes":
            return ThreadPoolTaskRunner(max_workers=self.threads)
        if self.name == "threads":
            return ThreadPoolTaskRunner(max_workers=self.worker_count)
        if self.name == "prefect-processes":
            return ProcessPoolTaskRunner(max_workers=self.worker_count, initializer=warm_worker)
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise RuntimeError("the dask task runner needs prefect-dask: pip install prefect-dask") from exc
        if self.dask_address:
            return DaskTaskRunner(address=self.dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": self.worker_count, "threads_per_worker": 1, "processes": True}
        )


_pool: ExtractionPool | None = None
_pool_lock = threading.Lock()
_last = threading.local()


@contextmanager
def extraction_backend(settings: RunnerSettings, documents: int) -> Iterator[ExtractionPool | None]:
    """For the ``processes`` runner, a warm pool that this process's tasks extract in, for the block; no
    pool when there is nothing to extract (a warm run), and never more workers than documents."""
    global _pool
    if settings.name != "processes" or documents == 0:
        yield None
        return
    with ExtractionPool(min(settings.worker_count, documents)) as pool:
        with _pool_lock:
            previous, _pool = _pool, pool
        try:
            yield pool
        finally:
            with _pool_lock:
                _pool = previous


def extract(path: Path) -> DocumentResult:
    """Extract in this process's pool if it has one (``processes`` runner), else right here (a Prefect
    or Dask worker process, or the ``threads`` runner). Raises faults of ours, to be retried."""
    pool = _pool
    if pool is None:
        from extractors.extract import extract_file

        result = extract_file(path)
        _last.stats = None
        return result
    result, stats = pool.extract_with_stats(path)
    _last.stats = stats
    return result


def last_worker_stats() -> WorkerStats | None:
    """The worker stats of this thread's last pool extraction (None when it ran inline)."""
    return getattr(_last, "stats", None)
