"""The structure of a table: which rows are headers, what each column holds, in which unit.

Column roles come from the header rows (a merged two-row header is expanded by ``Table.grid``): label
(Chỉ tiêu), unit (ĐVT), plan (Kế hoạch / Dự toán), actual ((Ước) thực hiện), pct_plan (Tỷ lệ / So sánh %
với KH), pct_yoy (so với cùng kỳ), collectives / individuals (Tập thể / Cá nhân), each with the year its
header names, or the year relative to the report's ("năm nay", "năm trước", "cùng kỳ", "năm sau"); a
column headed by a year alone ("2023", "Năm 2023") holds that year's results. Scales come from the
row's ĐVT cell, the column header, a unit line above the table ("ĐVT: tỷ đồng") or the row label ("Thu
NSNN (tỷ đồng)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.document import Cell, Locator, Table
from extractors.numbers import find_quantities, parse_quantity
from models.text import fold_key

_YEAR = re.compile(r"\b(19[9]\d|20\d\d)\b")
_YEAR_HEADER = re.compile(r"(?:19[9]\d|20\d\d)\s*\([^\d()]*\)")  # "2025 (KH)", "2024 (ước)": a header
_ROLE_WORDS: list[tuple[str, Callable[[str], bool]]] = [
    ("index", lambda h: h in {"tt", "stt", "so tt", "so thu tu"}),
    ("unit", lambda h: _has_any(h, ("dvt", "don vi tinh", "don vi")) and not _has_any(h, ("tap the",))),
    # "so với cùng kỳ", "% so CK": a ratio to the previous year; "Cùng kỳ" or "Thực hiện năm trước" alone
    # is the previous year's value (an actual column, see ``relative_year``)
    (
        "pct_yoy",
        lambda h: (
            _has_any(h, ("so voi nam",))
            or (_has_any(h, ("cung ky", "nam truoc", "ck")) and _has_any(h, _COMPARISON_WORDS))
        ),
    ),
    (
        "pct_plan",
        lambda h: (
            _has_any(h, ("ty le", "so sanh", "so voi", "so kh", "so dt", "so du toan", "phan tram"))
            or h.endswith(" %")
            or h == "%"
        ),
    ),
    (
        "actual",
        lambda h: _has_any(
            h, ("thuc hien", "uoc th", "th", "ket qua", "uoc dat", "uoc thuc hien", "thuc hien nam")
        ),
    ),
    ("plan", lambda h: _has_any(h, ("ke hoach", "du toan", "kh", "chi tieu giao", "dt"))),
    ("collectives", lambda h: _has_any(h, ("tap the",))),
    ("individuals", lambda h: _has_any(h, ("ca nhan",))),
    ("assessment", lambda h: _has_any(h, ("danh gia",))),
    ("notes", lambda h: _has_any(h, ("ghi chu",))),
    ("label", lambda h: _has_any(h, ("chi tieu", "noi dung", "hinh thuc", "danh hieu", "linh vuc", "ten"))),
    # "2023", "Năm 2023", "Năm nay", "Cùng kỳ": a column of one year's results
    ("actual", lambda h: bool(_YEAR.search(h)) or relative_year(h) is not None),
]


_PLAN_WORDS = ("ke hoach", "kh", "du toan", "dt", "chi tieu", "giao")
_VALUE_ROLES = ("actual", "plan", "collectives", "individuals")  # roles whose cells are one year's values
_COMPARISON_WORDS = ("so sanh", "so voi", "voi", "so", "%", "ty le", "tang giam", "bang", "tang", "giam")
# Years named relative to the report's: "năm nay" is the report year, "năm trước"/"cùng kỳ" the one before,
# "năm sau"/"năm tới" the one after (a plan, never a result).
_RELATIVE_YEARS = (
    (-1, ("nam truoc", "cung ky", "nam ngoai", "ky truoc")),
    (0, ("nam nay", "nam bao cao", "ky bao cao", "ky nay")),
    (1, ("nam sau", "nam toi", "nam ke tiep")),
)


def relative_year(header: str) -> int | None:
    """-1, 0 or +1 for a folded header that names a year relative to the report's, else None."""
    for offset, words in _RELATIVE_YEARS:
        if _has_any(header, words):
            return offset
    return None


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    padded = f" {text} "
    return any(f" {w} " in padded for w in words)


@dataclass
class Column:
    index: int
    role: str | None
    year: int | None  # the year its header names ("Năm 2023")
    header: str
    relative: int | None = None  # the year relative to the report's ("năm trước" -1, "năm nay" 0)
    title: str = ""  # the header as written, for notes

    def year_for(self, report_year: int | None) -> int | None:
        """The year the column holds: named, or relative to the report year; None when it cannot be told."""
        if self.year is not None:
            return self.year
        if self.relative is not None and report_year:
            return report_year + self.relative
        return None

    @property
    def has_period(self) -> bool:
        return self.year is not None or self.relative is not None


def header_rows(grid_texts: list[list[str]]) -> int:
    """Leading rows that hold no values (at most four)."""
    count = 0
    for row in grid_texts[:4]:
        values = [c for c in row[1:] if _is_value(c)]
        if values:
            break
        count += 1
    return count


def _is_value(text: str) -> bool:
    text = text.strip()
    if not text or re.fullmatch(r"\(\d+\)", text) or _YEAR.fullmatch(text) or _YEAR_HEADER.fullmatch(text):
        return False
    if parse_quantity(text) is not None:
        return True
    # "17/18 chỉ tiêu", "1.094 lượt": a cell that starts with its value
    found = find_quantities(text)
    return bool(found) and found[0].start == 0


def column_roles(grid_texts: list[list[str]], n_header: int) -> list[Column]:
    columns = []
    n_cols = len(grid_texts[0]) if grid_texts else 0
    for c in range(n_cols):
        parts = list(dict.fromkeys(grid_texts[r][c] for r in range(n_header) if grid_texts[r][c]))
        raw = " ".join(parts)
        header = fold_key(raw) + (" %" if "%" in raw else "")  # fold_key drops "%", which says "a ratio"
        role = next((name for name, test in _ROLE_WORDS if header and test(header)), None)
        years = [int(y) for y in _YEAR.findall(header)]
        if role == "label" and years:
            role = "plan"  # "Chỉ tiêu năm 2025": the targets of a year, not the row labels
        relative = None if years or role not in _VALUE_ROLES else relative_year(header)
        columns.append(Column(c, role, years[-1] if years else None, header, relative, raw))
    # "Năm trước | Năm nay | So sánh (%)": a comparison naming no plan compares the years (yoy)
    years_of_results = {(c.year, c.relative) for c in columns if c.role == "actual" and c.has_period}
    if len(years_of_results) > 1:
        for column in columns:
            if column.role == "pct_plan" and not column.year and not _has_any(column.header, _PLAN_WORDS):
                column.role = "pct_yoy"
    return columns


def row_locator(table: Table, cells: list[Cell], r: int) -> Locator:
    boxes = [c.locator.bbox for c in cells if c.locator.bbox]
    page = next((c.locator.page for c in cells if c.locator.page), table.page)
    on_page = [c.locator.bbox for c in cells if c.locator.bbox and c.locator.page == page] or boxes
    bbox = None
    if on_page:
        bbox = (
            min(b[0] for b in on_page),
            min(b[1] for b in on_page),
            max(b[2] for b in on_page),
            max(b[3] for b in on_page),
        )
    return Locator(block=f"t{table.index}.r{r}", page=page, bbox=bbox)


def scale_of(unit_text: str) -> tuple[str, float] | None:
    """What one unit of a cell means: ("money", 1e9) for "tỷ đồng", ("percent", 1) for "%"."""
    key = fold_key(unit_text)
    if "%" in unit_text or key in {"phan tram", "ty le"}:
        return ("percent", 1.0)
    if not key:
        return None
    q = parse_quantity(f"1 {unit_text.strip()}")
    if q is not None and q.kind == "money":
        return ("money", float(q.value))
    if key in {"dong", "vnd", "d"}:
        return ("money", 1.0)
    return ("count", 1.0)


def unit_from_line(line: str) -> str:
    """ "ĐVT: tỷ đồng" -> "tỷ đồng"; "(Đơn vị tính: triệu đồng)" -> "triệu đồng"."""
    text = line.strip().strip("()")
    return text.split(":", 1)[1].strip().strip("()") if ":" in text else text


def scale_from_header(header: str) -> tuple[str, float] | None:
    for unit, scale in (("nghin ty", 1e12), ("ngan ty", 1e12), ("ty dong", 1e9), ("trieu dong", 1e6)):
        if unit in header:
            return ("money", scale)
    return None


def is_unit_line(text: str) -> bool:
    key = fold_key(text)
    return key.startswith(("dvt", "don vi tinh", "don vi")) and len(key) < 40
