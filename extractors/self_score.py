"""Self-score sheets (bảng tự chấm điểm): the table a unit sends with its report, read into lines.

The sheet is a table ``TT | Nội dung / tiêu chí | Điểm chuẩn | Điểm tự chấm | Điểm thẩm định | Ghi chú``
(``../shared/domain.md`` §3.4), inside the report or in a file of its own: .docx, .pdf (through the same
readers as the reports) or .xlsx (openpyxl, after the same zip checks as a .docx). It is found by its header:
the first table (or sheet) with a "tự chấm" column. Its rows become :class:`SheetLine` s of four kinds:

* ``section`` — a group heading ("I. Kinh tế, ngân sách (30 điểm)"), with its maximum when stated;
* ``criterion`` — a line with a self-score; under a bonus heading ("Điểm thưởng", "Điểm cộng") it is a
  ``bonus`` line, under a deduction heading ("Điểm trừ") a ``deduction`` line (points written positive);
* ``total`` — "Tổng cộng", "Tổng điểm", "Tổng số điểm".

Numbers are Vietnamese ("12,5"; "-2" for a deduction is read as 2 on a deduction line). Each line keeps
where it was read (table and row, page for a PDF) so the review shows it beside thidua's own score.
Matching lines to a configuration's criteria and checking them is :mod:`scoring.self_check`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractors.document import Document, Locator, UnreadableDocument
from extractors.numbers import parse_quantity
from extractors.readers import read_document
from extractors.readers.limits import Limits
from extractors.readers.zip_checks import open_zip
from models.text import fold_key, nfc

LineKind = Literal["section", "criterion", "bonus", "deduction", "total"]

#: folded header words -> column role; the first role a header cell matches wins
_ROLES = (
    ("self", ("tu cham", "diem tu cham", "tu danh gia")),
    ("verified", ("tham dinh", "diem tham dinh", "cum cham", "diem cum cham")),
    ("max", ("diem chuan", "diem toi da", "thang diem", "toi da", "diem chuan toi da")),
    ("note", ("ghi chu",)),
    ("number", ("tt", "stt", "so tt")),
    ("label", ("noi dung", "tieu chi", "noi dung tieu chi", "noi dung cham diem", "chi tieu")),
)
_BONUS = ("diem thuong", "diem cong", "cong diem")
_DEDUCTION = ("diem tru", "tru diem")
_TOTAL = ("tong cong", "tong diem", "tong so diem")
_TOTAL_ALONE = ("cong", "tong")  # only as the whole label: "Công tác thi đua" is not a total
_ROMAN = re.compile(r"^(?:[IVX]+|[A-E])\.?$")


@dataclass(frozen=True)
class SheetLine:
    kind: LineKind
    number: str  # as written: "1", "1.2", "A1", "II"
    label: str
    max: float | None
    self_score: float | None
    verified: float | None = None
    note: str = ""
    locator: Locator | None = None


@dataclass
class SelfScoreSheet:
    path: str
    lines: list[SheetLine] = field(default_factory=list)
    source: str = ""  # "t3" (a table of a document) or "sheet Tự chấm" (an .xlsx sheet)

    @property
    def total(self) -> SheetLine | None:
        return next((line for line in self.lines if line.kind == "total"), None)

    def scored(self) -> list[SheetLine]:
        return [line for line in self.lines if line.kind in ("criterion", "bonus", "deduction")]


class NoSelfScoreTable(UnreadableDocument):
    """The file holds no table with a "tự chấm" column."""


def _number(text: str) -> float | None:
    text = nfc(text or "").strip().replace("−", "-")
    if not text or text in {"-", "—", "x", "X"}:
        return None
    negative = text.startswith("-")
    q = parse_quantity(text.lstrip("-").strip())
    if q is None or q.kind not in ("number", "percent"):
        return None
    return -float(q.value) if negative else float(q.value)


def _roles(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, text in enumerate(header):
        key = fold_key(text)
        for role, words in _ROLES:
            if role not in found and any(
                key == w or key.startswith(w + " ") or f" {w}" in f" {key}" for w in words
            ):
                found[role] = col
                break
    return found


def _is(key: str, words: tuple[str, ...]) -> bool:
    return any(key == w or key.startswith(w + " ") or key.startswith(w + ":") for w in words)


def lines_from_rows(rows: list[list[str]], where: str, page: int | None = None) -> list[SheetLine] | None:
    """The sheet's lines from a table's rows, or None when no row is a self-score header."""
    found = [(h, _roles(header)) for h, header in enumerate(rows)]
    header_at = next(((h, roles) for h, roles in found if "self" in roles and "label" in roles), None)
    if header_at is None:
        return None
    h, roles = header_at
    out: list[SheetLine] = []
    mode: LineKind = "criterion"
    for r, row in enumerate(rows[h + 1 :], start=h + 1):
        cell = {role: (row[c] if c < len(row) else "") for role, c in roles.items()}
        label = nfc(cell.get("label", "")).strip()
        number = nfc(cell.get("number", "")).strip()
        if not label and not number:
            continue
        key = fold_key(label)
        max_ = _number(cell.get("max", ""))
        own = _number(cell.get("self", ""))
        verified = _number(cell.get("verified", ""))
        locator = Locator(block=f"{where}.r{r}", page=page)
        if _is(key, _TOTAL) or key in _TOTAL_ALONE:
            out.append(SheetLine("total", number, label, max_, own, verified, cell.get("note", ""), locator))
            continue
        heading = bool(_ROMAN.match(number)) or (own is None and max_ is None)
        if heading:
            mode = "bonus" if _is(key, _BONUS) else "deduction" if _is(key, _DEDUCTION) else "criterion"
            out.append(
                SheetLine("section", number, label, max_, own, verified, cell.get("note", ""), locator)
            )
            continue
        if mode == "deduction":
            own = abs(own) if own is not None else None
            verified = abs(verified) if verified is not None else None
        out.append(SheetLine(mode, number, label, max_, own, verified, nfc(cell.get("note", "")), locator))
    return out


def _from_document(doc: Document) -> SelfScoreSheet | None:
    for table in doc.tables():
        lines = lines_from_rows(table.row_texts(), f"t{table.index}", table.page)
        if lines:
            return SelfScoreSheet(doc.path, lines, f"t{table.index}")
    return None


def _from_xlsx(path: Path, limits: Limits) -> SelfScoreSheet | None:
    from openpyxl import load_workbook

    data = path.read_bytes()
    with open_zip(str(path), data, limits):
        pass  # the same size, ratio and entry checks as a .docx before openpyxl unpacks it
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = [["" if v is None else _cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            lines = lines_from_rows(rows, f"sheet {sheet.title}")
            if lines:
                return SelfScoreSheet(str(path), lines, f"sheet {sheet.title}")
    finally:
        book.close()
    return None


def _cell(value: object) -> str:
    """A cell as the text a person reads: 12.5 -> "12,5" (Vietnamese), so one parser reads every format."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def read_self_score(path: str | Path, limits: Limits | None = None) -> SelfScoreSheet:
    """The self-score sheet of a .docx, .pdf or .xlsx file; :class:`UnreadableDocument` (the file, what is
    wrong, what to do) when it cannot be read or holds no self-score table."""
    path = Path(path)
    limits = limits or Limits.from_env()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            sheet = _from_xlsx(path, limits)
        except UnreadableDocument:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise UnreadableDocument(
                str(path),
                f"the workbook cannot be read ({type(exc).__name__})",
                "Save it again in Excel as .xlsx",
            ) from exc
    else:
        sheet = _from_document(read_document(path, limits=limits))
    if sheet is None:
        raise NoSelfScoreTable(
            str(path),
            "no self-score table was found (a table whose header has a column 'Điểm tự chấm')",
            "Send the sheet as a table TT | Nội dung | Điểm chuẩn | Điểm tự chấm | Điểm thẩm định | Ghi chú",
        )
    return sheet


def find_self_score(doc: Document) -> SelfScoreSheet | None:
    """The self-score table inside a report already read, if it has one."""
    return _from_document(doc)


def stored_lines(raw: list[dict]) -> list[SheetLine]:
    """The lines of a stored sheet (``models.self_scores``: ``dataclasses.asdict`` of each line) back as
    :class:`SheetLine` objects with their locators."""
    out = []
    for item in raw:
        data = dict(item)
        where = data.pop("locator", None)
        if where:
            bbox = where.get("bbox")
            where = Locator(where["block"], where.get("page"), tuple(bbox) if bbox else None)
        out.append(SheetLine(**data, locator=where))
    return out


__all__ = [
    "NoSelfScoreTable",
    "SelfScoreSheet",
    "SheetLine",
    "find_self_score",
    "lines_from_rows",
    "read_self_score",
    "stored_lines",
]
