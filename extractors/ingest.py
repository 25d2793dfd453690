"""One submitted file through ingest -> extract -> store: the unit of work of the nightly run.

Pure library (no Prefect): the flows call :func:`process_file` inside one task per document. Work is
keyed by (document sha256, extractor version): a document already extracted by this version is skipped
unless ``force`` (a re-extraction after a fix, or a resubmission), and every extraction adds a run — the
earlier ones are kept.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from extractors.extract import extract_path, extractor_version
from models.store import Store

Status = Literal["processed", "skipped", "rejected"]


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
    reason: str | None = None  # why skipped or rejected, in words

    def to_dict(self) -> dict:
        return asdict(self)


def process_file(store: Store, path: Path, *, force: bool = False) -> Outcome:
    """Keep the file, extract it unless this extractor version already did, store the run."""
    ingested = store.ingest(path, inbox_path=str(path))
    version = extractor_version()
    if not force and store.has_run(ingested.sha256, version):
        return Outcome(str(path), ingested.sha256, "skipped", reason=f"already extracted by {version}")
    return extract_stored(store, ingested.sha256, display_path=str(path))


def extract_stored(store: Store, sha256: str, *, display_path: str) -> Outcome:
    """Extract the kept original of a document (never the inbox copy, which may have changed) and store it."""
    started = datetime.now(UTC)
    result = extract_path(store.original_path(sha256))
    result.path = display_path  # messages name the file as submitted, not its place in the store
    if result.error:
        result.error = result.error.replace(str(store.original_path(sha256)), display_path)
    run_id = store.record_run(result, started_at=started, finished_at=datetime.now(UTC))
    if result.status == "rejected":
        return Outcome(display_path, sha256, "rejected", run_id=run_id, reason=result.error)
    return Outcome(
        display_path,
        sha256,
        "processed",
        unit_id=result.unit.id if result.unit else None,
        year=result.year,
        flagged=sum(bool(f.flags) for f in result.figures),
        figures=len(result.figures),
        run_id=run_id,
        reason=None if result.unit else "the submitting unit was not recognised",
    )
