"""Submission by the units: a file a unit account sends (web app or ``thidua submit``) goes through the same
stages as the inbox, and the unit sees at once what was read (:mod:`extractors.precheck`).

Pure library, no web framework: the routes and the CLI verb only parse, call and render.

* :func:`accept_upload` checks the file before keeping it (size by a stat, kind by content: see
  :mod:`extractors.upload_checks`), keeps it, and records an ``Upload`` row — also for a refused file,
  with the Vietnamese message the unit is shown. The file on disk is always named by its content (sha256),
  never by the name the unit's computer gave it; that name is kept as text only.
* A report is ingested like an inbox file (``inbox_path`` ``web/<unit>/<uuid>/<name>``: kept by sha256,
  versioned, idempotent), then extracted by :func:`extract_upload` through :func:`extractors.ingest.run_job`
  (claimed, recorded as a run); a fault of ours is recorded with :func:`~extractors.ingest.record_failed`
  and the upload and its bytes stay. :func:`extract_pending` (the nightly run) extracts the uploads this
  extractor version has not settled: failed, cut off by a crash, or sent before an upgrade.
* The submitter is authenticated, so the account's unit is known: a report that names another unit is
  rejected (it never becomes that unit's current report); one that names no unit is taken as the account's.
* A self-score sheet is kept beside the originals and read into a ``SelfScoreSheet`` row at once.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from extractors.document import UnreadableDocument
from extractors.ingest import Extract, Job, Outcome, record_failed, run_job
from extractors.readers.limits import Limits
from extractors.resolve import missing_required
from extractors.upload_checks import Refused, check_size, safe_name, sniff
from extractors.version import extractor_version
from models.claims import owner_token
from models.clusters import Cluster
from models.records import DocumentResult, UnitRef
from models.store import Store
from models.units import default_registry
from models.vn_time import after_deadline

log = logging.getLogger(__name__)
KINDS = ("report", "self_score")
#: the start of the error of a report rejected for naming another unit (see :func:`own_unit`)
OTHER_UNIT = "Báo cáo ghi là của "
STAGING = ".uploads"  # under THIDUA_HOME: files on their way in, removed once kept


@dataclass(frozen=True)
class UploadResult:
    """What :func:`accept_upload` did with one file."""

    upload_id: int
    kind: str
    accepted: bool  # kept (a report may still be rejected by its extraction: see the pre-check)
    error: str | None  # why it was refused, for the unit
    late: bool
    sha256: str = ""
    outcome: Outcome | None = None  # the extraction, when it ran here
    sheet_id: int | None = None


def unit_name(unit_id: str) -> str:
    return default_registry().name_of(unit_id)


def accept_upload(
    store: Store,
    *,
    data_path: Path,
    original_name: str,
    kind: str,
    account_unit: str,
    cluster: Cluster,
    by: str,
    now: datetime | None = None,
    limits: Limits | None = None,
    run: bool = True,
    extract: Extract | None = None,
) -> UploadResult:
    """Check, keep and record one file of ``account_unit`` for ``cluster`` (its cluster-year); a report is
    also extracted unless ``run`` is false (then call :func:`extract_upload`, e.g. in the background).
    A file the unit is at fault for is refused with a message, never raised; ``data_path`` is left as is."""
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
    if account_unit not in cluster.members:
        raise ValueError(f"{account_unit!r} is not a member of {cluster.key}")
    now = now or datetime.now(UTC)
    limits = limits or Limits.from_env()
    name = safe_name(original_name)
    row = {
        "kind": kind,
        "original_name": name,
        "unit_id": account_unit,
        "year": cluster.year,
        "cluster_key": cluster.key,
        "uploaded_by": by,
        "received_at": now,
        "deadline": cluster.deadline,
        "late": after_deadline(now, cluster.deadline),
    }
    try:
        size = check_size(Path(data_path), name, limits)
        fmt = sniff(Path(data_path), name, kind)
    except Refused as exc:
        size = _size(Path(data_path))
        upload_id = store.record_upload(sha256="", size=size, stored_path=None, error=exc.message, **row)
        return UploadResult(upload_id, kind, False, exc.message, row["late"])
    with _staged(store, Path(data_path), name, fmt) as staged:
        if kind == "report":
            ingested = store.ingest(
                staged, inbox_path=f"web/{account_unit}/{uuid.uuid4().hex}/{name}", received_at=now
            )
            sha, stored = ingested.sha256, ingested.stored_path
            relative = str(stored.relative_to(store.settings.home)) if stored else None
        else:
            sha, size, relative = store.keep_original(staged)
        upload_id = store.record_upload(sha256=sha, size=size, stored_path=relative, **row)
        if kind == "self_score":
            sheet_id = read_sheet(store, upload_id, staged)
            return UploadResult(upload_id, kind, True, None, row["late"], sha, sheet_id=sheet_id)
    outcome = extract_upload(store, upload_id, extract=extract) if run else None
    return UploadResult(upload_id, kind, True, None, row["late"], sha, outcome=outcome)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class _staged:
    """The file under a name the readers understand (its sniffed suffix), in a private folder of the
    store's home; the folder and everything in it is removed afterwards."""

    def __init__(self, store: Store, source: Path, name: str, fmt: str) -> None:
        root = store.settings.home / STAGING
        root.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(dir=root))
        stem = name if name.lower().endswith(f".{fmt}") else f"{name}.{fmt}"
        self.path = self.folder / stem  # one component (safe_name), inside the private folder
        if self.path.parent != self.folder:
            raise AssertionError(f"staged name {stem!r} left its folder")
        self.source = source

    def __enter__(self) -> Path:
        shutil.copyfile(self.source, self.path)
        return self.path

    def __exit__(self, *_exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def stage_stream(store: Store, chunks: Callable[[], bytes], limit: int) -> Path:
    """Copy an upload's body (``chunks`` returns the next piece, b"" at the end) to a temporary file in
    the store's home, stopping after ``limit`` + 1 bytes: never more than that is written. The caller
    removes the file."""
    root = store.settings.home / STAGING
    root.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=root, suffix=".part")
    written = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while written <= limit and (chunk := chunks()):
                chunk = chunk[: limit + 1 - written]
                out.write(chunk)
                written += len(chunk)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


# --- reports ------------------------------------------------------------------------------------------


def own_unit(result: DocumentResult, unit_id: str, year: int) -> DocumentResult:
    """The result as the account's own report: rejected when it names another unit (so it never becomes
    that unit's current report); the account's unit when it names none; the cluster-year's year when it
    names none."""
    if result.status != "ok":
        return result
    mine = unit_name(unit_id)
    named = result.unit_id
    if named is not None and named != unit_id:
        other = result.unit.name if result.unit else result.proposed_unit.name  # type: ignore[union-attr]
        result.status = "rejected"
        result.error = (
            f"{OTHER_UNIT}{other}, không phải của {mine}. Tài khoản của {mine} chỉ nộp được báo cáo của "
            f"chính đơn vị mình: kiểm tra lại tệp đã chọn rồi nộp đúng báo cáo của {mine}."
        )
        result.unit, result.proposed_unit, result.figures = UnitRef(unit_id, mine), None, []
        return result
    if named is None:
        result.unit = UnitRef(unit_id, mine)
        result.notes.append(f"unit not found in the report: taken from the submitting account ({unit_id})")
    if result.year is None:
        result.year = year
        result.notes.append(f"report year not found: taken from the cluster-year ({year})")
    if "missing_required" in result.flags and not missing_required(result.figures):
        result.flags.remove("missing_required")  # it stood for the unit or the year, now known
    return result


def guarded(extract: Extract | None, unit_id: str, year: int) -> Extract:
    """``extract`` (default :func:`extractors.extract.extract_file`) with :func:`own_unit` applied."""

    def run(path: Path) -> DocumentResult:
        nonlocal extract
        if extract is None:
            from extractors.extract import extract_file as extract
        return own_unit(extract(path), unit_id, year)

    return run


def needs_run(store: Store, sha256: str) -> tuple[bool, bool]:
    """(extract it, force): not yet settled by this extractor version, or settled only by a rejection
    for naming another unit (then the unit it names may still send it: extracted again, forced)."""
    version = extractor_version()
    settled = [r for r in store.runs(sha256) if r.extractor_version == version and r.status != "failed"]
    if not settled:
        return True, False
    latest = settled[-1]
    return (True, True) if (latest.error or "").startswith(OTHER_UNIT) else (False, False)


def extract_upload(
    store: Store, upload_id: int, *, extract: Extract | None = None, owner: str | None = None
) -> Outcome | None:
    """Extract an uploaded report and store the run (None when nothing was to do: the same bytes were
    already extracted by this version). Never raises for a fault of ours: it is recorded as ``failed``,
    the upload and its bytes stay, and :func:`extract_pending` (the nightly run) tries again."""
    upload = store.upload(upload_id)
    if upload is None or upload.kind != "report" or upload.stored_path is None:
        return None
    run, force = needs_run(store, upload.sha256)
    if not run:
        return None
    owner = owner or owner_token()
    job = Job(upload.sha256, upload.original_name, store.settings.home / upload.stored_path)
    try:
        own = guarded(extract, upload.unit_id, upload.year)
        outcome = run_job(store, job, owner=owner, force=force, extract=own)
    except Exception as exc:  # a fault of ours: kept as failed, retried later; the file is never blamed
        log.exception("extraction of upload %s failed", upload_id)
        return record_failed(store, job, exc, owner=owner)
    if outcome.status == "processed":
        sheet_inside_report(store, upload_id, job.original)
    return outcome


def extract_pending(
    store: Store, unit_id: str | None = None, extract: Extract | None = None
) -> list[Outcome]:
    """Extract every uploaded report that this extractor version has not settled (neither ``ok`` nor
    ``rejected``): its extraction failed on a fault of ours, was cut off (the web app stopped or was killed
    while extracting), or it came before an extractor upgrade. Web uploads are not in the inbox, so the
    nightly run calls this; the claims keep it from extracting what a live process is extracting now."""
    latest = {u.sha256: u for u in store.report_uploads(unit_id)}  # oldest first: the last one wins
    settled = store.runs_for(list(latest), extractor_version())
    outcomes = []
    for sha, upload in latest.items():
        if sha in settled:
            continue
        outcome = extract_upload(store, upload.id, extract=extract)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


# --- self-score sheets -------------------------------------------------------------------------------


def sheet_inside_report(store: Store, upload_id: int, path: Path) -> int | None:
    """A self-score table inside an uploaded report becomes the unit's current sheet, like one sent on
    its own (a report without one: None, nothing stored). Never fails the report: a fault while looking
    for the table is logged, and the unit can still send the sheet by itself."""
    from extractors.self_score import NoSelfScoreTable, read_self_score

    upload = store.upload(upload_id)
    assert upload is not None
    try:
        sheet = read_self_score(path)
    except (NoSelfScoreTable, UnreadableDocument):
        return None
    except Exception:
        log.exception("looking for a self-score table in upload %s failed", upload_id)
        return None
    return store.record_self_score_sheet(
        sha256=upload.sha256,
        unit_id=upload.unit_id,
        year=upload.year,
        cluster_key=upload.cluster_key,
        original_name=f"{upload.original_name} (bảng trong báo cáo)",
        upload_id=upload_id,
        by=upload.uploaded_by,
        lines=sheet.lines,
    )


def read_sheet(store: Store, upload_id: int, path: Path) -> int:
    """Read an uploaded sheet into a ``SelfScoreSheet`` row (rejected, with the reason, when the file has
    no self-score table); returns the row's id."""
    from extractors.self_score import NoSelfScoreTable, read_self_score

    upload = store.upload(upload_id)
    assert upload is not None
    common = {
        "sha256": upload.sha256,
        "unit_id": upload.unit_id,
        "year": upload.year,
        "cluster_key": upload.cluster_key,
        "original_name": upload.original_name,
        "upload_id": upload_id,
        "by": upload.uploaded_by,
    }
    try:
        sheet = read_self_score(path)
    except NoSelfScoreTable as exc:
        error = (
            "Không tìm thấy bảng tự chấm điểm trong tệp (bảng có cột «Điểm tự chấm»). Vui lòng gửi bảng "
            "dạng TT | Nội dung, tiêu chí | Điểm chuẩn | Điểm tự chấm | Điểm thẩm định | Ghi chú rồi nộp "
            f"lại. ({exc.problem})"
        )
        return store.record_self_score_sheet(lines=[], status="rejected", error=error, **common)
    except UnreadableDocument as exc:
        error = f"Không đọc được tệp: {exc.problem}. {exc.remedy}."
        return store.record_self_score_sheet(lines=[], status="rejected", error=error, **common)
    except Exception as exc:  # a fault of ours: the file is kept; say so rather than blame it
        log.exception("reading the self-score sheet of upload %s failed", upload_id)
        error = (
            f"Hệ thống gặp lỗi khi đọc bảng ({type(exc).__name__}); đây là lỗi của hệ thống, không phải "
            "của tệp. Tệp đã được lưu; vui lòng báo cho bộ phận quản trị."
        )
        return store.record_self_score_sheet(lines=[], status="failed", error=error, **common)
    return store.record_self_score_sheet(lines=sheet.lines, **common)
