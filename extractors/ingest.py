"""Submitted files through ingest -> extract -> store: the stages of the nightly run, as plain functions.

Pure library (no Prefect): the flows wire these into tasks, and add retries and parallel workers.

* :func:`ingest_file` keeps one inbox file (content-addressed; a file over the size limit is recorded by
  hash and name, its bytes not kept) and says whether it still needs extracting — as a :class:`Job`.
* :func:`run_job` extracts one kept document and stores the result: it claims the document first (two
  runs at once do the work once), extracts outside any database session (``extract`` may hand the work
  to a worker process), then stores the run in one short transaction that also gives up the claim.

Who is at fault decides the status. A file whose content is at fault is ``rejected``, with a message
for its submitter. A fault of thidua's (a bug, a worker that died, the database away) raises out of
:func:`run_job`, so that the caller retries it; when the retries are spent the caller records it with
:func:`record_failed` as ``failed``, and the next run tries again — the file is never blamed for it.
Work is keyed by (document sha256, extractor version): a document already extracted by this version is
not extracted again unless ``force`` (a re-extraction after a fix, or a resubmission), and every
extraction adds a run — the earlier ones are kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from extractors.document import UnreadableDocument
from extractors.readers.limits import Limits
from extractors.readers.safety import check_size
from extractors.version import extractor_version
from models.claims import owner_token
from models.originals import NotARegularFile
from models.records import DocumentResult
from models.store import Ingested, Store

Status = Literal["processed", "skipped", "rejected", "failed"]


@dataclass
class Outcome:
    path: str
    sha256: str
    status: Status
    unit_id: str | None = None
    year: int | None = None
    flagged: int = 0  # figures carrying at least one flag
    figures: int = 0
    run_id: int | None = None
    reason: str | None = None  # why skipped, rejected or failed, in words
    seconds: dict[str, float] = field(default_factory=dict)  # time by stage (extractors.timing, "store")
    worker: dict | None = None  # the worker process that extracted it: pid, peak RSS

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Job:
    """One kept document to extract, named as it was submitted (its first name in this batch)."""

    sha256: str
    display_path: str
    original: Path


Extract = Callable[[Path], DocumentResult]
# The reason a job is skipped when another run holds its claim (the flow waits for that run, then looks).
HELD_ELSEWHERE = "being extracted by another run at the same time"


def ingest_file(
    store: Store, path: Path, limits: Limits | None = None
) -> tuple[Ingested | None, Outcome | None]:
    """Keep one inbox file. Returns (what was kept, None) when it may need extracting, or (what was kept or
    None, the outcome) when it is settled here: refused for its size (``rejected``, bytes not kept), or not
    a regular file (a symbolic link, a FIFO: ``skipped``, nothing read)."""
    limits = limits or Limits.from_env()
    try:
        ingested = store.ingest(path, inbox_path=str(path), max_bytes=limits.max_file_bytes)
    except NotARegularFile as exc:
        reason = (
            f"{path}: {exc.strerror}; thidua reads only regular files in the inbox — "
            "copy the report itself into the inbox"
        )
        return None, Outcome(str(path), "", "skipped", reason=reason)
    if ingested.kept:
        return ingested, None
    version = extractor_version()
    if store.has_run(ingested.sha256, version):
        return ingested, Outcome(
            str(path), ingested.sha256, "skipped", reason=f"already refused by {version}"
        )
    try:
        check_size(str(path), ingested.size, limits)
    except UnreadableDocument as exc:
        error = str(exc)
    else:  # the store refused it against the same limit, so this cannot happen
        raise RuntimeError(f"{path}: refused for its size ({ingested.size} bytes) but within the limit")
    now = datetime.now(UTC)
    result = DocumentResult(
        str(path), ingested.sha256, _format(path), "rejected", error, extractor_version=version
    )
    run_id = store.record_run_once(result, started_at=now, finished_at=now)
    return ingested, Outcome(str(path), ingested.sha256, "rejected", run_id=run_id, reason=error)


def run_job(
    store: Store, job: Job, *, owner: str, force: bool = False, extract: Extract | None = None
) -> Outcome:
    """Claim, extract and store one document (see the module docstring); raises on a fault of thidua's.
    ``extract`` defaults to :func:`extractors.extract.extract_file` in this process."""
    if extract is None:
        from extractors.extract import extract_file as extract  # spaCy loads only where it extracts
    version = extractor_version()
    holder = store.claim(job.sha256, version, owner)
    if holder is not None:
        reason = f"{HELD_ELSEWHERE} ({holder})"
        return Outcome(job.display_path, job.sha256, "skipped", reason=reason)
    started = datetime.now(UTC)
    try:
        result = extract(job.original)
    except BaseException:
        store.release(job.sha256, version, owner)
        raise
    result.path = job.display_path  # messages name the file as submitted, not its place in the store
    if result.error:
        result.error = result.error.replace(str(job.original), job.display_path)
    if result.status == "failed":  # an extractor that reports its own crash instead of raising it
        store.release(job.sha256, version, owner)
        raise ExtractionFailed(result.error or "extraction failed")
    finished = datetime.now(UTC)
    storing = time.perf_counter()
    if force:
        run_id: int | None = store.record_run(result, started_at=started, finished_at=finished, owner=owner)
    else:
        run_id = store.record_run_once(result, started_at=started, finished_at=finished, owner=owner)
    seconds = {"store": time.perf_counter() - storing}
    if run_id is None:
        reason = f"extracted by another run at the same time ({version})"
        return Outcome(job.display_path, job.sha256, "skipped", reason=reason, seconds=seconds)
    outcome = outcome_of(result, run_id)
    outcome.seconds = seconds
    return outcome


class ExtractionFailed(RuntimeError):
    """Extraction reported a fault of thidua's (status ``failed``) instead of raising it."""


def record_failed(store: Store, job: Job, exc: BaseException, *, owner: str | None = None) -> Outcome:
    """Keep a ``failed`` run for a document whose retries are spent; the next run tries it again."""
    from extractors.extract import failure_message

    message = str(exc) if isinstance(exc, ExtractionFailed) else failure_message(job.display_path, exc)
    now = datetime.now(UTC)
    run_id = store.record_failure(
        job.sha256,
        extractor_version=extractor_version(),
        error=message,
        started_at=now,
        finished_at=now,
        path=job.display_path,
        owner=owner,
    )
    return Outcome(job.display_path, job.sha256, "failed", run_id=run_id, reason=message)


def outcome_of(result: DocumentResult, run_id: int | None) -> Outcome:
    """The summary line of a stored result."""
    if result.status == "rejected":
        return Outcome(result.path, result.sha256, "rejected", run_id=run_id, reason=result.error)
    return Outcome(
        result.path,
        result.sha256,
        "processed",
        unit_id=result.unit.id if result.unit else None,
        year=result.year,
        flagged=sum(bool(f.flags) for f in result.figures),
        figures=len(result.figures),
        run_id=run_id,
        reason=None if result.unit else "the submitting unit was not recognised",
    )


def process_file(store: Store, path: Path, *, owner: str | None = None, force: bool = False) -> Outcome:
    """One file end to end in this process (ingest, extract, store): for callers without a batch. A fault
    of ours raises (no retry here); ``owner`` defaults to this process."""
    owner = owner or owner_token()
    ingested, settled = ingest_file(store, path)
    if settled is not None:
        return settled
    assert ingested is not None and ingested.stored_path is not None
    if not force and store.has_run(ingested.sha256, extractor_version()):
        return Outcome(
            str(path), ingested.sha256, "skipped", reason=f"already extracted by {extractor_version()}"
        )
    return run_job(store, Job(ingested.sha256, str(path), ingested.stored_path), owner=owner, force=force)


def _format(path: Path) -> str:
    return path.suffix.lower().lstrip(".") or "unknown"
