"""The flows: ``nightly`` over an inbox, ``reextract`` of one unit-year, ``rescore`` of one cluster-year.

They read top to bottom and only wire: sweep what killed runs left, scan the inbox, plan the work in bulk
(unchanged documents create no task run at all), keep the new files, one task per distinct document to
extract (in parallel worker processes), then score and publish every cluster-year whose inputs changed
since its last publication — also those a crashed run left unpublished — and summarise. A bad document
is an outcome of its own task (rejected, with the reason), a fault of ours is retried and then reported
as failed, and the flow goes on.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run as prefect_flow_run

from extractors.inbox import plan as plan_work
from extractors.inbox import scan_inbox
from extractors.ingest import HELD_ELSEWHERE, Job, Outcome, record_failed
from extractors.version import extractor_version
from flows import progress
from flows.backends import RunnerSettings, extraction_backend
from flows.runtime import Paths
from flows.summary import summarise
from flows.tasks import extract_document, extract_pending_uploads, keep_files, publish_cluster_year
from models import faults
from models.claims import owner_token
from models.clusters import Cluster, default_clusters
from models.store import Ingested, Store
from scoring.service import Published, stale

# Read when a worker imports the flow, so a deployment's task runner follows THIDUA_TASK_RUNNER,
# THIDUA_WORKERS and THIDUA_DASK_ADDRESS on that worker; `thidua run` sets its own with with_options.
DEFAULT_RUNNER = RunnerSettings.from_env()
CLAIM_POLL_S = 0.5  # how often a run looks whether another run has finished the documents it holds


def jobs_for(
    store: Store, known: dict[Path, str], kept: list[tuple[Path, Ingested | None, Outcome | None]]
) -> tuple[list[Job], list[Outcome]]:
    """One job per distinct document still to extract; the other names of the same bytes (in this batch,
    or already extracted under another name) are skipped outcomes that say so."""
    done = store.runs_for([i.sha256 for _, i, o in kept if i is not None and o is None], extractor_version())
    originals = store.stored_paths(list(set(known.values())))
    jobs: dict[str, Job] = {}
    outcomes: list[Outcome] = []
    for path, sha in known.items():
        jobs.setdefault(sha, Job(sha, str(path), originals[sha]))
    for path, ingested, settled in kept:
        if settled is not None:
            outcomes.append(settled)
            continue
        assert ingested is not None and ingested.stored_path is not None
        sha = ingested.sha256
        if sha in jobs:
            reason = f"same content as {jobs[sha].display_path}: extracted once"
            outcomes.append(Outcome(str(path), sha, "skipped", reason=reason))
        elif sha in done:
            reason = "same content as a report already extracted (recorded as a new submission)"
            outcomes.append(Outcome(str(path), sha, "skipped", reason=reason))
        else:
            jobs[sha] = Job(sha, str(path), ingested.stored_path)
    return list(jobs.values()), outcomes


def _artifact(summary: dict, outcomes: list[Outcome]) -> None:
    rows = [
        {
            "tệp": o.path,
            "kết quả": o.status,
            "đơn vị": o.unit_id or "",
            "năm": o.year or "",
            "lý do": o.reason or "",
        }
        for o in outcomes
    ]
    head = {k: summary[k] for k in ("processed", "skipped", "flagged", "rejected", "failed")}
    create_table_artifact(key="thidua-nightly", table=rows, description=f"thidua nightly: {head}")


def _extract_all(store: Store, jobs: list[Job], owner: str, force: bool = False) -> list[Outcome]:
    """Extract every job; the documents another run was extracting at the same time are waited for, then
    counted as done by it (or extracted here if that run died). A job whose retries are spent is
    recorded ``failed``."""
    outcomes: dict[str, Outcome] = {}
    todo = jobs
    while todo:
        futures = [extract_document.submit(store, job, owner, force) for job in todo]
        for job, future in zip(todo, futures, strict=True):
            outcomes[job.sha256] = _collect(store, job, future, owner)
        held = [job for job in todo if _held_elsewhere(outcomes[job.sha256])]
        todo = _after_others(store, held, force)
        for job in held:
            if job not in todo:
                outcomes[job.sha256].reason = "extracted by another run at the same time"
    return [outcomes[job.sha256] for job in jobs]


def _collect(store: Store, job: Job, future: PrefectFuture, owner: str) -> Outcome:
    future.wait()
    if future.state.is_completed():
        return future.result()
    try:
        future.result()
        raise RuntimeError("the task ended without a result")
    except Exception as exc:  # a fault of ours, after its retries: kept as failed, retried next run
        outcome = record_failed(store, job, exc, owner=owner)
    progress.advance(outcome)
    return outcome


def _held_elsewhere(outcome: Outcome) -> bool:
    return outcome.status == "skipped" and (outcome.reason or "").startswith(HELD_ELSEWHERE)


def _after_others(store: Store, held: list[Job], force: bool) -> list[Job]:
    """Wait until no live run holds the documents of ``held``; return those still to extract here (their
    holder died, or this is a re-extraction, which always adds its own run)."""
    if not held:
        return []
    version = extractor_version()
    waiting = {job.sha256 for job in held}
    while waiting := store.live_claims(list(waiting), version):
        time.sleep(CLAIM_POLL_S)
    if force:
        return held
    done = store.runs_for([job.sha256 for job in held], version)
    return [job for job in held if job.sha256 not in done]


def _publish_stale(
    store: Store, clusters: list[Cluster], paths: Paths, manual: str | None, owner: str
) -> list[Published]:
    """Score and publish every cluster-year whose inputs changed since its last publication."""
    manual_dir = Path(manual) if manual else paths.manual
    todo = stale(store, clusters, manual_dir)
    futures = [
        publish_cluster_year.submit(store, c, manual_dir, paths.exports, inputs, owner) for c, inputs in todo
    ]
    return [p for p in (f.result() for f in futures) if p is not None]


@flow(name="nightly", log_prints=True, task_runner=DEFAULT_RUNNER.task_runner())
def nightly(
    inbox: str | None = None,
    recursive: bool = False,
    manual: str | None = None,
    runner: str | None = None,
    workers: int | None = None,
) -> dict:
    """Ingest new or changed reports from the inbox, extract, store, score and publish what changed."""
    logger = get_run_logger()
    paths = Paths.from_env()
    settings = RunnerSettings.from_env(runner, workers)
    owner = owner_token()
    with Store.open(pool_size=settings.threads + 2) as store:
        swept = store.sweep()
        scan = scan_inbox(Path(inbox) if inbox else paths.inbox, recursive)
        work = plan_work(store, scan.files)
        kept = keep_files(store, work.new)
        jobs, settled = jobs_for(store, work.known, kept)
        logger.info(
            "%d report files: %d new or changed, %d documents to extract, %d unchanged, %d ignored",
            len(scan.files), len(work.new), len(jobs), len(work.skipped), len(scan.ignored),
        )  # fmt: skip
        faults.point("kept")
        progress.start(len(jobs))
        with extraction_backend(settings, len(jobs)):
            extracted = _extract_all(store, jobs, owner)
        extracted += extract_pending_uploads(store)
        faults.point("extracted")
        published = _publish_stale(store, default_clusters().clusters, paths, manual, owner)
        faults.point("published")
    outcomes = work.skipped + settled + extracted
    extra = {
        "swept_temporaries": len(swept),
        "runner": settings.name,
        "workers": settings.worker_count,
        "flow_run": str(prefect_flow_run.id),
    }
    summary = summarise(outcomes, published, default_clusters(), scan.ignored, extra)
    _artifact(summary, outcomes + scan.ignored)
    return summary


@flow(name="reextract", log_prints=True, task_runner=DEFAULT_RUNNER.task_runner())
def reextract(unit: str, year: int, manual: str | None = None) -> dict:
    """Re-extract the current submission of one unit-year (a new run; the old one is kept), then rescore."""
    paths = Paths.from_env()
    settings = RunnerSettings("threads", 1)  # one document: a worker pool would only add its start-up
    with Store.open(pool_size=settings.threads + 2) as store:
        document = store.latest_submission(unit, year)
        if document is None:
            raise ValueError(
                f"no stored report of unit {unit!r} for {year}; run `thidua status` to see what is there"
            )
        owner = owner_token()
        job = Job(document.sha256, document.original_name, store.original_path(document.sha256))
        outcomes = _extract_all(store, [job], owner, force=True)
        published = _publish_stale(store, default_clusters().of_unit(unit, year), paths, manual, owner)
    return summarise(outcomes, published, default_clusters())


@flow(name="rescore", log_prints=True)
def rescore(cluster: str, year: int, manual: str | None = None) -> dict:
    """Score one cluster-year again from the current figures, manual inputs and review decisions."""
    paths = Paths.from_env()
    target = default_clusters().get(cluster, year)
    manual_dir = Path(manual) if manual else paths.manual
    with Store.open() as store:
        published = [publish_cluster_year(store, target, manual_dir, paths.exports, None, owner_token())]
    return summarise([], published, default_clusters())
