"""Prefect tasks: thin wrappers that add retries and names around library calls.

One task per document, never per figure (each task run costs the API ~20 ms of CPU). Only transient
database errors are retried: a bad document is an outcome, not an exception, and a bug retried is still a
bug. The store does the keying (document sha256 + extractor version), so these tasks do not use
Prefect's result cache.
"""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.exc import OperationalError

from extractors.ingest import Outcome, extract_stored, process_file
from flows import progress
from models.clusters import Cluster
from models.store import Store
from scoring.service import Scored, publish, score_cluster_year


def _transient(task, task_run, state) -> bool:
    try:
        state.result()
    except OperationalError:  # "database is locked", a dropped PostgreSQL connection
        return True
    except Exception:
        return False
    return False


@task(
    task_run_name="process {path.name}",
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
)
def process_document(store: Store, path: Path, force: bool = False) -> Outcome:
    outcome = process_file(store, path, force=force)
    progress.advance(outcome)
    return outcome


@task(
    task_run_name="re-extract {sha256:.12}",
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
)
def reextract_document(store: Store, sha256: str, display_path: str) -> Outcome:
    return extract_stored(store, sha256, display_path=display_path)


@task(task_run_name="score {cluster.key}", retries=2, retry_condition_fn=_transient, cache_policy=NO_CACHE)
def score(store: Store, cluster: Cluster, manual_dir: Path) -> Scored:
    return score_cluster_year(store, cluster, manual_dir)


@task(task_run_name="publish {scored.cluster.key}", cache_policy=NO_CACHE)
def publish_exports(scored: Scored, exports_dir: Path) -> list[Path]:
    return publish(scored, exports_dir)
