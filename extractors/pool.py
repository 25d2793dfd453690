"""Worker processes for extraction: every core used, each worker warm, memory bounded, none outliving
the process that started it.

Extraction is CPU-bound Python, so threads would share one core: documents are extracted in worker
processes instead, one document at a time per worker. Workers are forked from a forkserver that has
already imported the extractor (a new worker is ready in milliseconds) and warm up once (spaCy
pipeline, catalogues, unit registry) before their first document. A worker is replaced after
``max_tasks_per_child`` documents so that memory freed by Python but kept by the allocator cannot pile
up over a long night, and ends when the run's process ends (:func:`exit_with`): ``kill -9`` of a run
leaves no worker behind, and with the last worker gone the forkserver ends too.

:meth:`ExtractionPool.extract` is called from many threads at once (the flow's task threads); it
blocks until its document is done. A document that takes longer than ``timeout_s`` is interrupted in
its worker (``SIGALRM``) and raises :class:`ExtractionTimeout`; one stuck in C code past a grace period
gets its pool replaced. A worker that dies (killed, out of memory, a crash in a C library) breaks the
pool: it is replaced and every document that was in it raises :class:`WorkerCrashed`. All of these are
faults of ours, not of the file: callers retry them and report what is left as ``failed``.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import multiprocessing
import os
import resource
import select
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from extractors import timing
from models.claims import pid_alive
from models.records import DocumentResult

DEFAULT_TIMEOUT_S = 900  # a 500-page scan read by OCR at ~1.5 s a page fits; nothing else comes close
GRACE_S = 30  # after the worker's own alarm, before the pool is replaced
PRELOAD = ["extractors.extract", "extractors.pipeline", "extractors.readers"]
_PR_SET_PDEATHSIG = 1


class WorkerCrashed(RuntimeError):
    """The worker process extracting a document died; the document was not necessarily the cause."""


class ExtractionTimeout(RuntimeError):
    """A document took longer than the per-document time limit."""


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (no-op elsewhere). Safe in a
    ``preexec_fn``: a ctypes call, no locks."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the caller's own cleanup is all there is
        return


def _on_alarm(_signum: int, _frame: object) -> None:
    raise ExtractionTimeout("the document took longer than the time limit for one report")


def exit_with(pid: int) -> None:
    """End this process as soon as process ``pid`` ends, whoever our parent is.

    A forkserver's workers are children of the forkserver, not of the run, and keep it alive (each holds
    its "alive" pipe), so the parent-death signal alone would never fire when the run is killed. A
    daemon thread waits on a pidfd of the run (Linux 5.3+; polling once a second elsewhere)."""

    def watch() -> None:
        try:
            fd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            select.select([fd], [], [])  # readable when the process has ended
        else:
            while pid_alive(pid):
                time.sleep(1.0)
        os._exit(1)

    if not pid_alive(pid):
        os._exit(1)
    threading.Thread(target=watch, name="exit-with-run", daemon=True).start()


def warm_worker(run_pid: int | None = None) -> None:
    """Initializer of a worker process: die with the run (``run_pid``, default the parent), arm the time
    limit, build everything the extractor builds once, so the first document is not slower than the
    others."""
    die_with_parent()
    exit_with(run_pid if run_pid is not None else os.getppid())
    signal.signal(signal.SIGALRM, _on_alarm)
    from extractors.catalogue import load_catalogues
    from extractors.pipeline import build_pipeline
    from extractors.version import extractor_version
    from models.units import default_registry

    build_pipeline()
    load_catalogues()
    default_registry()
    extractor_version()


@dataclass(frozen=True)
class WorkerStats:
    """What a worker says about itself with each result."""

    pid: int
    peak_rss_mb: float  # the worker's high-water mark so far
    cpu_s: float  # CPU time of this document
    wall_s: float
    stages: dict[str, float] = field(default_factory=dict)  # extractors.timing stages of this document


def _extract_in_worker(path: str, timeout_s: int) -> tuple[DocumentResult, WorkerStats]:
    from extractors.extract import extract_file

    timing.take()
    cpu, wall = time.process_time(), time.perf_counter()
    signal.alarm(max(1, int(timeout_s)))
    try:
        result = extract_file(path)
    finally:
        signal.alarm(0)
    stats = WorkerStats(
        pid=os.getpid(),
        peak_rss_mb=peak_rss_mb(),
        cpu_s=time.process_time() - cpu,
        wall_s=time.perf_counter() - wall,
        stages=timing.take(),
    )
    return result, stats


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started (VmHWM). Not ``ru_maxrss``: that keeps
    the high-water mark of the process that started it, from before its exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ping() -> int:
    return os.getpid()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass
class PoolStats:
    """What the pool saw, for the run's summary and the benchmark."""

    documents: int = 0
    restarts: int = 0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> its high-water mark
    cpu_s: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stats: WorkerStats) -> None:
        self.documents += 1
        self.peak_rss_mb[stats.pid] = max(self.peak_rss_mb.get(stats.pid, 0.0), stats.peak_rss_mb)
        self.cpu_s += stats.cpu_s
        for name, seconds in stats.stages.items():
            self.stages[name] = self.stages.get(name, 0.0) + seconds


class ExtractionPool:
    """``workers`` warm extraction processes; :meth:`extract` is thread-safe and blocking."""

    def __init__(
        self, workers: int, *, timeout_s: int = DEFAULT_TIMEOUT_S, max_tasks_per_child: int = 200
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.timeout_s = timeout_s
        self.max_tasks_per_child = max_tasks_per_child
        self.stats = PoolStats()
        self._lock = threading.Lock()
        # One document per worker at a time: a document never waits in the executor's queue, where its
        # wait would count against its time limit.
        self._slots = threading.BoundedSemaphore(workers)
        self._executor = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_context(),
            initializer=warm_worker,
            initargs=(os.getpid(),),
            max_tasks_per_child=self.max_tasks_per_child,
        )
        # Start every worker now, from this thread, and wait until each is warm: the first documents
        # then run in parallel, and no worker's start-up is counted against a document's time limit.
        for future in [executor.submit(_ping) for _ in range(self.workers)]:
            future.result()
        return executor

    def extract(self, path: Path) -> DocumentResult:
        """Extract one file in a worker; raises what ``extract_file`` raises there (faults of ours),
        :class:`ExtractionTimeout` or :class:`WorkerCrashed`."""
        return self.extract_with_stats(path)[0]

    def extract_with_stats(self, path: Path) -> tuple[DocumentResult, WorkerStats]:
        """:meth:`extract`, with what the worker says about itself (memory, CPU, stage times)."""
        with self._slots:
            with self._lock:
                executor = self._executor
            result, stats = self._run(executor, path)
        with self._lock:
            self.stats.add(stats)
        return result, stats

    def _run(
        self, executor: concurrent.futures.ProcessPoolExecutor, path: Path
    ) -> tuple[DocumentResult, WorkerStats]:
        try:
            future = executor.submit(_extract_in_worker, str(path), self.timeout_s)
            return future.result(timeout=self.timeout_s + GRACE_S)
        except concurrent.futures.TimeoutError as exc:
            self._replace(executor)
            raise ExtractionTimeout(
                f"the document took longer than {self.timeout_s + GRACE_S} s and its worker did not stop"
            ) from exc
        except BrokenProcessPool as exc:
            self._replace(executor)
            raise WorkerCrashed("a worker process died while extracting (killed, or out of memory)") from exc

    def _replace(self, broken: concurrent.futures.ProcessPoolExecutor) -> None:
        """Swap in a new executor (once, however many threads saw the old one break) and stop the old."""
        with self._lock:
            if self._executor is not broken:
                return
            self.stats.restarts += 1
            self._executor = self._start()
        _kill(broken)

    def close(self) -> None:
        with self._lock:
            executor = self._executor
        executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:  # interrupted: do not wait for documents nobody will store
            with self._lock:
                _kill(self._executor)


class OnDemandPool:
    """An :class:`ExtractionPool` started at the first document and stopped once ``idle_s`` pass without
    one: the web app's. Its uploads are then extracted outside the server's process, so a crash in a C
    library, a runaway memory use or a stuck page ends a worker (the upload is ``failed`` and retried)
    and never the server, and the CPU-bound extraction does not hold the server's interpreter while
    officials load pages. An idle server holds no worker; the first upload after a pause waits for a
    warm start (≈ 1.3 s here) in the background, not in the unit's request.

    The workers start with the environment of the moment the pool starts (the unit registry's folder,
    the limits); a server's environment does not change while it runs."""

    def __init__(self, workers: int = 1, *, idle_s: float = 120.0, timeout_s: int = DEFAULT_TIMEOUT_S):
        self.workers = workers
        self.idle_s = idle_s
        self.timeout_s = timeout_s
        self.starts = 0
        self._lock = threading.Lock()
        self._pool: ExtractionPool | None = None
        self._busy = 0
        self._timer: threading.Timer | None = None

    def extract(self, path: Path) -> DocumentResult:
        """:meth:`ExtractionPool.extract`, starting the pool if it is not running."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._pool is None:
                self._pool = ExtractionPool(self.workers, timeout_s=self.timeout_s)
                self.starts += 1
            pool = self._pool
            self._busy += 1
        try:
            return pool.extract(path)
        finally:
            with self._lock:
                self._busy -= 1
                if self._busy == 0 and self._pool is not None:
                    self._timer = threading.Timer(self.idle_s, self._stop_if_idle)
                    self._timer.daemon = True
                    self._timer.start()

    @property
    def running(self) -> bool:
        with self._lock:
            return self._pool is not None

    def _stop_if_idle(self) -> None:
        with self._lock:
            if self._busy or self._pool is None:
                return
            pool, self._pool, self._timer = self._pool, None, None
        pool.close()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            pool, self._pool, self._timer = self._pool, None, None
        if pool is not None:
            pool.close()


def _kill(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
