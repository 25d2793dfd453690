"""The pre-check of an upload: what the unit sees at once after sending a file, in plain Vietnamese, so that
it can fix and send again before the deadline.

For a report: the state of its extraction, each figure read (label, value, where in the file, the sentence
or row it came from, its flags), the required indicators not found, and the document's flags; for a
self-score sheet: its lines. Both say whether the file came late. Pure library: the web page and
``thidua submit`` render the same :class:`PreCheck`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from extractors.numbers import format_value
from extractors.submission import OTHER_UNIT, needs_run, unit_name
from models.records import Figure
from models.schema import Run, Upload
from models.store import Store
from models.vn_time import after_deadline
from models.vocabulary import INDICATORS, REASONS

#: the state of an upload, as the unit reads it
STATE_VI = {
    "refused": "Bị từ chối",
    "pending": "Đang đọc",
    "ok": "Đã đọc",
    "rejected": "Bị từ chối",
    "failed": "Lỗi hệ thống — sẽ đọc lại",
}
FAILED_VI = (
    "Hệ thống gặp lỗi khi đọc báo cáo; đây là lỗi của hệ thống, không phải của tệp. Tệp đã được lưu an "
    "toàn và hệ thống sẽ tự đọc lại, đơn vị không cần nộp lại."
)
PENDING_VI = "Hệ thống đang đọc tệp; trang này tự cập nhật sau vài giây."


@dataclass(frozen=True)
class FigureLine:
    """One figure read, as the unit sees it."""

    indicator: str
    label: str
    value: str
    where: str
    text: str
    flags: list[str]


@dataclass
class PreCheck:
    upload: Upload
    state: str  # refused | pending | ok | rejected | failed (STATE_VI)
    message: str | None = None  # why refused, rejected or failed; what to do
    unit_id: str | None = None
    year: int | None = None
    figures: list[FigureLine] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required indicators not found (labels)
    flags: list[str] = field(default_factory=list)  # the document's flags, in Vietnamese
    notes: list[str] = field(default_factory=list)
    sheet_lines: list = field(default_factory=list)  # extractors.self_score.SheetLine

    @property
    def state_vi(self) -> str:
        return STATE_VI[self.state]

    @property
    def late(self) -> bool:
        return bool(self.upload.late)

    @property
    def deadline(self) -> date | None:
        return self.upload.deadline

    @property
    def open(self) -> bool:
        """The deadline has not passed: a corrected file may still come in time."""
        return deadline_open(self.upload.deadline)


def deadline_open(deadline: date | None, now: datetime | None = None) -> bool:
    return not after_deadline(now or datetime.now(UTC), deadline)


def where_vi(figure: Figure) -> str:
    """Where in the file a figure was read: "trang 2, đoạn 12", "bảng 1, dòng 5"."""
    if figure.derived or figure.source is None:
        return "tính từ các số liệu khác trong báo cáo"
    parts = [f"trang {figure.source.page}"] if figure.source.page else []
    for piece in figure.source.block.split("."):
        kind, number = piece[:1], piece[1:]
        name = {"p": "đoạn", "t": "bảng", "r": "dòng", "c": "cột"}.get(kind)
        parts.append(f"{name} {int(number) + 1}" if name and number.isdigit() else piece)  # 1-based
    return ", ".join(parts)


def precheck(store: Store, upload_id: int) -> PreCheck:
    """The pre-check of one upload (KeyError when there is none)."""
    upload = store.upload(upload_id)
    if upload is None:
        raise KeyError(f"no upload {upload_id}")
    if upload.error:
        return PreCheck(upload, "refused", upload.error)
    if upload.kind == "self_score":
        return _sheet(store, upload)
    run = latest_run(store, upload)
    if run is None:
        return PreCheck(upload, "pending", PENDING_VI)
    if run.status == "failed":
        return PreCheck(upload, "failed", FAILED_VI)
    if run.status == "rejected":
        error = run.error or ""
        message = error if error.startswith(OTHER_UNIT) else f"Không đọc được báo cáo: {error}"
        return PreCheck(upload, "rejected", message, run.unit_id, run.year)
    if run.unit_id != upload.unit_id:  # the same bytes were already extracted as another unit's report
        mine, other = unit_name(upload.unit_id), run.unit_name or unit_name(run.unit_id or "")
        message = (
            f"{OTHER_UNIT}{other}, không phải của {mine}. Tài khoản của {mine} chỉ nộp được báo cáo của "
            f"chính đơn vị mình: kiểm tra lại tệp đã chọn rồi nộp đúng báo cáo của {mine}."
        )
        return PreCheck(upload, "rejected", message, upload.unit_id, run.year)
    return _report(store, upload, run)


def latest_run(store: Store, upload: Upload) -> Run | None:
    """The run that answers this upload: None while it is still to come (no run since the file came, and
    the document still needs one); else the document's latest run."""
    runs = store.runs(upload.sha256)
    received = upload.received_at
    if not runs or (not any(r.finished_at >= received for r in runs) and needs_run(store, upload.sha256)[0]):
        return None
    return runs[-1]


def _report(store: Store, upload: Upload, run: Run) -> PreCheck:
    result = store.run_result(run.id)
    figures = [
        FigureLine(
            f.indicator,
            INDICATORS[f.indicator].label_vi if f.indicator in INDICATORS else f.indicator,
            format_value(f.value, f.unit),
            where_vi(f),
            f.source.text if f.source else "",
            [REASONS.get(code, code) for code in f.flags],
        )
        for f in result.figures
    ]
    found = {f.indicator for f in result.figures}
    missing = [ind.label_vi for code, ind in INDICATORS.items() if ind.required and code not in found]
    flags = [REASONS.get(code, code) for code in result.flags if code != "missing_required" or missing]
    notes = []
    if any(n.startswith("unit not found in the report") for n in result.notes):
        notes.append(
            "Không nhận ra tên đơn vị ở phần đầu báo cáo; hệ thống ghi nhận là báo cáo của "
            f"{unit_name(upload.unit_id)} theo tài khoản nộp. Nên ghi rõ tên đơn vị ở phần đầu văn bản."
        )
    if any(n.startswith("report year not found") for n in result.notes):
        notes.append(
            f"Không thấy năm báo cáo trong tiêu đề hay ngày ký; hệ thống lấy năm {upload.year} của cụm."
        )
    if result.year is not None and result.year != upload.year:
        notes.append(
            f"Báo cáo ghi năm {result.year}, nhưng được nộp cho cụm năm {upload.year}: kiểm tra lại đã "
            "chọn đúng báo cáo chưa."
        )
    sheets = store.self_score_sheets(upload.unit_id, upload.cluster_key)
    inside = [r for r in sheets if r.upload_id == upload.id and r.status == "ok"]
    if inside:
        notes.append(
            f"Báo cáo có bảng tự chấm điểm ({len(inside[0].lines)} dòng): bảng này được dùng để đối chiếu "
            "với điểm hệ thống tính, cho đến khi đơn vị nộp bảng tự chấm mới."
        )
    return PreCheck(
        upload,
        "ok",
        None,
        result.unit_id,
        result.year,
        figures=figures,
        missing=missing,
        flags=flags,
        notes=notes,
    )


def _sheet(store: Store, upload: Upload) -> PreCheck:
    from extractors.self_score import stored_lines

    sheets = store.self_score_sheets(upload.unit_id, upload.cluster_key)
    rows = [s for s in sheets if s.upload_id == upload.id]
    if not rows:
        return PreCheck(upload, "pending", PENDING_VI)
    row = rows[0]
    if row.status != "ok":  # "failed" (ours) or "rejected" (the file's): the message says which
        return PreCheck(upload, row.status, row.error, upload.unit_id, upload.year)
    return PreCheck(upload, "ok", None, upload.unit_id, upload.year, sheet_lines=stored_lines(row.lines))
