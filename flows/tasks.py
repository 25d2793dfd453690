"""Prefect tasks: thin wrappers that add retries, names and progress around library calls.

One task per document to extract, never per figure, and one for the whole batch of files to keep
(each task run costs the flow ~10 ms of CPU: per-file ingest tasks would double that for nothing). A
document's task is retried with backoff whatever it raised, because everything that reaches it is a
fault of ours — a file at fault is an outcome (``rejected``), not an exception; when the retries are
spent the flow records the document as ``failed``. The store does the keying (document sha256 +
extractor version) and the claims, so these tasks do not use Prefect's result cache.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff
from sqlalchemy.exc import OperationalError

from extractors import timing
from extractors.ingest import Job, Outcome, ingest_file, run_job
from flows import progress
from flows.backends import extract, last_worker_stats
from models.clusters import Cluster
from models.store import Ingested, Store
from scoring.service import Published, publish_if_stale, score_and_publish

RETRIES = 2
RETRY_DELAYS = exponential_backoff(backoff_factor=1)(RETRIES)  # 1 s, then 2 s


def _transient(task, task_run, state) -> bool:
    """Retry only what may pass on a second try: a locked SQLite file, a dropped PostgreSQL connection."""
    try:
        state.result()
    except OperationalError:
        return True
    except Exception:
        return False
    return False


@task(name="keep files", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def keep_files(store: Store, paths: list[Path]) -> list[tuple[Path, Ingested | None, Outcome | None]]:
    """Keep every new inbox file (idempotent, so a retry after a crash mid-batch is safe). A file that
    cannot be read at all (permissions) is ``failed`` for this run: the inbox is ours to fix, not the
    submitter's, and the next run tries again."""
    kept = []
    for path in paths:
        try:
            ingested, settled = ingest_file(store, path)
        except FileNotFoundError:  # removed from the inbox since the scan: nothing to do
            continue
        except PermissionError as exc:
            reason = f"{path}: thidua may not read this file ({exc.strerror}); check the inbox permissions"
            ingested, settled = None, Outcome(str(path), "", "failed", reason=reason)
        kept.append((path, ingested, settled))
    return kept


@task(
    name="extract",
    task_run_name="extract {job.display_path}",
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_jitter_factor=0.3,
    cache_policy=NO_CACHE,
)
def extract_document(store: Store, job: Job, owner: str, force: bool = False) -> Outcome:
    """Claim, extract (in the worker pool, or here) and store one document."""
    timing.take()
    started = time.perf_counter()
    outcome = run_job(store, job, owner=owner, force=force, extract=extract)
    stats = last_worker_stats()
    stages = stats.stages if stats else timing.take()
    outcome.seconds = {**stages, **outcome.seconds, "task": time.perf_counter() - started}
    if stats is not None:
        outcome.worker = {"pid": stats.pid, "peak_rss_mb": round(stats.peak_rss_mb, 1)}
    progress.advance(outcome)
    return outcome


@task(name="pending uploads", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def extract_pending_uploads(store: Store) -> list[Outcome]:
    """Extract the reports units uploaded through the web app that this extractor version has not settled
    (failed on a fault of ours, cut off by a crash, or sent before an upgrade): they are not in the inbox,
    so the inbox scan never sees them."""
    from extractors.submission import extract_pending

    return extract_pending(store)


@task(
    name="publish",
    task_run_name="publish {cluster.key}",
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
)
def publish_cluster_year(
    store: Store, cluster: Cluster, manual_dir: Path, exports_dir: Path, inputs: str | None, owner: str
) -> Published | None:
    """Score and publish; with ``inputs`` (a stale cluster-year), only if no other run does it (None)."""
    if inputs is None:
        return score_and_publish(store, cluster, manual_dir, exports_dir)
    return publish_if_stale(store, cluster, manual_dir, exports_dir, inputs, owner)
