"""Publish a cluster-year's results: an Excel workbook for officials, CSV and Parquet for machines.

The workbook (:func:`write_workbook`) is Vietnamese throughout and has four sheets: "Tổng hợp điểm"
(the score table, by rank), "Số liệu" (unit × indicator), "Chi tiết" (every figure with its source) and
"Cần rà soát" (only the flagged figures). Money is shown in tỷ đồng (value / 1e9); the CSV and Parquet
files (:func:`write_csv`, :func:`write_parquet`) keep the frames as they are — column codes, money in
đồng, flags as reason codes — because scripts read them, not people.

Numbers are written as numbers, never as text, so officials can sum and sort them. Which separators a
reader sees is decided by the reader's software, not by the file:

* Every number format carries the Vietnamese locale tag ``[$-42A]`` (e.g. ``[$-42A]#,##0.0``).
  LibreOffice honours it: 13 200,5 tỷ shows as ``13.200,5`` and 112,5 % as ``112,50%`` whatever the
  user's locale (checked with LibreOffice 7.4 under en-US).
* Excel ignores the tag for separators and uses the Windows/Excel setting: under vi-VN the reader sees
  ``13.200,5`` and ``112,50%``; under en-US the same cells show ``13,200.5`` and ``112.50%``. The values
  are right either way; only the punctuation differs, and nothing in an .xlsx can change that.
* Dates use ``dd/mm/yyyy`` (15/12/2022 under both locales). Years, ranks and page numbers use ``0`` so
  that 2022 never shows as "2.022".
* The document language (core property ``dc:language``) is set to ``vi-VN``; openpyxl offers no
  per-sheet language.

The CSV files are UTF-8 with a BOM so Excel detects the encoding. They use "," between fields and "." for
decimals (machine format): Excel under vi-VN expects ";" and "," when a CSV is double-clicked, so
officials should open the workbook, or import the CSV through Data → From Text/CSV.

Every writer writes to a temporary file beside the target and ``os.replace``-s it into place, so a crash
never leaves a half-written export (the old file, if any, stays until the new one is complete).
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.normalise import STATUS_VI
from models.vocabulary import INDICATORS, REASONS

VI = "[$-42A]"  # LCID 0x042A, Vietnamese: LibreOffice then uses "." for thousands and "," for decimals
FMT_MONEY = VI + "#,##0.0"  # tỷ đồng
FMT_PCT = VI + '0.00"%"'  # 112.5 means 112,5 %: the value is already a percentage, so no "%" scaling
FMT_COUNT = VI + "#,##0"
FMT_POINTS = VI + "#,##0.00"
FMT_SHARE = VI + "0%"  # confidence in [0, 1]: here the real percent format is right
FMT_DATE = VI + "dd/mm/yyyy"
FMT_PLAIN_INT = "0"  # years, ranks, pages

UNIT_VI = {"VND": "tỷ đồng", "%": "%", "count": "số lượng"}
UNIT_FMT = {"VND": FMT_MONEY, "%": FMT_PCT, "count": FMT_COUNT}
SHEETS = ("Tổng hợp điểm", "Số liệu", "Chi tiết", "Cần rà soát")
CSV_FILES = ("tong-hop-diem.csv", "so-lieu.csv", "chi-tiet.csv", "can-ra-soat.csv")
DEFAULT_NOTE = (
    "Lưu ý: kết quả của đơn vị có đánh dấu “Tạm tính” là điểm tạm tính, chưa phải kết quả chính thức, "
    "cho đến khi đơn vị bổ sung đầy đủ số liệu còn thiếu (xem cột “Còn thiếu”)."
)

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_NOTE_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
_MAX_WIDTH = 45
_HEADER_WRAP = 16  # a header longer than this wraps rather than widening its column
_LINE_HEIGHT = 15.0  # points per line of 11-pt Calibri
_TEXT_PER_WIDTH = 1.2  # prose fits ~1.2 characters per width unit (the unit is one digit "0")
_FONT = "Calibri"  # named everywhere: an unnamed font falls back to a serif face in LibreOffice


@dataclass(frozen=True)
class Col:
    """One column of a sheet: header, how to get the cell from a record, number format, layout."""

    header: str
    get: Callable[[Mapping[str, Any]], Any]
    fmt: str | Callable[[Mapping[str, Any]], str] | None = None  # a callable when it differs by row
    wrap: float | None = None  # long text: a fixed width and wrapped lines instead of a fitted width
    align: str | None = None  # "center" for short codes so they do not run into the neighbouring column
    highlight_yes: bool = False  # fill the cell when it says "Có" (provisional scores)
    bold: bool = False


def _key(name: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda r: r[name]


def write_workbook(
    path: Path,
    *,
    cluster_name: str,
    year: int,
    scores: pd.DataFrame,
    criteria: Mapping[str, str],
    wide: pd.DataFrame,
    long: pd.DataFrame,
    provisional_note: str | None = None,
) -> Path:
    """Write the officials' workbook to ``path`` (atomically) and return ``path``.

    ``provisional_note`` replaces the default explanation shown when any unit's score is provisional.
    Raises ``ValueError`` when a criterion in ``criteria`` has no column in ``scores``: a score table
    with a silently empty column would be published as if the unit had scored nothing.
    """
    absent = [c for c in criteria if c not in scores.columns]
    if absent:
        raise ValueError(f"scores has no column for criteria {absent}")
    wb = Workbook()
    wb.properties.language = "vi-VN"
    wb.properties.title = f"Kết quả chấm điểm thi đua — {cluster_name} — năm {year}"
    ranked = scores.sort_values(["rank", "unit_name"], kind="stable")
    _scores_sheet(wb.active, wb.properties.title, ranked, criteria, provisional_note)
    _figures_sheet(wb.create_sheet(SHEETS[1]), ranked, wide)
    for title, figures in ((SHEETS[2], long), (SHEETS[3], _flagged(long))):
        _write_table(wb.create_sheet(title), FIGURE_COLS, _sorted_figures(figures).to_dict("records"))
    return _write_all(path.parent, [path.name], [wb.save])[0]


def _scores_sheet(
    ws: Worksheet, title: str, ranked: pd.DataFrame, criteria: Mapping[str, str], note: str | None
) -> None:
    ws.title = SHEETS[0]
    cols = [
        Col("Xếp hạng", _key("rank"), FMT_PLAIN_INT, align="center"),
        Col("Đơn vị", _key("unit_name")),
        *(Col(f"{cid} — {name}", _key(cid), FMT_POINTS) for cid, name in criteria.items()),
        Col("Điểm thưởng", _key("bonus"), FMT_POINTS),
        Col("Điểm trừ", _key("deductions"), FMT_POINTS),
        Col("Tổng điểm", _key("total"), FMT_POINTS, bold=True),
        Col("Xếp loại", _key("grade"), align="center"),
        Col("Đề nghị khen thưởng", _key("proposed_title")),
        Col("Ứng viên Cờ Chính phủ", lambda r: _yes_no(r["gov_flag_candidate"]), align="center"),
        Col("Tạm tính", lambda r: _yes_no(r["provisional"]), align="center", highlight_yes=True),
        Col("Còn thiếu", _key("missing"), wrap=40),
    ]
    records = ranked.to_dict("records")
    provisional = [str(r["unit_name"]) for r in records if _cell_value(r["provisional"])]
    if provisional and note is None:
        note = f"{DEFAULT_NOTE} Đơn vị tạm tính: {', '.join(provisional)}."
    ws.cell(1, 1, title).font = Font(name=_FONT, bold=True, size=14)
    # Title, note and header stay frozen on screen: the provisional warning must not scroll away.
    _write_table(ws, cols, records, header_row=3, freeze_cols=2)
    if note:
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(cols))
        cell = ws.cell(2, 1, note)
        cell.font = Font(name=_FONT, bold=True, italic=True, color="9C5700")
        cell.fill = _NOTE_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = sum(ws.column_dimensions[get_column_letter(j)].width for j in range(1, len(cols) + 1))
        ws.row_dimensions[2].height = _LINE_HEIGHT * _lines(note, width) + 4


def _figures_sheet(ws: Worksheet, ranked: pd.DataFrame, wide: pd.DataFrame) -> None:
    """Unit × indicator, units in the score table's order, indicators in vocabulary order."""
    codes = [c for c in INDICATORS if c in wide.columns]
    codes += [c for c in wide.columns if c not in INDICATORS and c != "unit_name"]
    cols = [Col("Đơn vị", _key("unit_name"))]
    for code in codes:
        ind = INDICATORS.get(code)
        unit = ind.unit if ind else None
        header = f"{ind.label_vi} ({UNIT_VI[ind.unit]})" if ind else code
        cols.append(Col(header, lambda r, c=code, u=unit: _shown(r[c], u), UNIT_FMT.get(unit)))
    order = {uid: i for i, uid in enumerate(ranked["unit_id"])}
    ids = sorted(wide.index, key=lambda u: (order.get(u, len(order)), _vi_key(wide.at[u, "unit_name"])))
    _write_table(ws, cols, wide.loc[ids].to_dict("records"))


def _label(r: Mapping[str, Any]) -> str:
    ind = INDICATORS.get(r["indicator"])
    return ind.label_vi if ind else str(r["indicator"])


FIGURE_COLS = [
    Col("Đơn vị", _key("unit_name")),
    Col("Năm", _key("year"), FMT_PLAIN_INT, align="center"),
    Col("Chỉ tiêu", _label),
    Col("Giá trị", lambda r: _shown(r["value"], r["unit"]), lambda r: UNIT_FMT.get(r["unit"], FMT_POINTS)),
    Col("Đơn vị tính", lambda r: UNIT_VI.get(str(r["unit"]), r["unit"]), align="center"),
    Col("Độ tin cậy", _key("confidence"), FMT_SHARE, align="center"),
    Col("Cảnh báo", lambda r: "; ".join(REASONS.get(f, f) for f in flag_list(r["flags"])), wrap=40),
    Col("Trạng thái", lambda r: STATUS_VI.get(str(r["status"]), r["status"])),
    Col("Tệp gốc", _key("original_name")),
    Col("Trang", _key("source_page"), FMT_PLAIN_INT, align="center"),
    Col("Vị trí", _key("source_block")),
    Col("Câu nguồn", _key("source_text"), wrap=80),
    # One column more than the contract lists: the cut-off date behind a "partial_period" warning.
    Col("Ngày chốt số liệu", _key("as_of"), FMT_DATE, align="center"),
]


def _write_table(
    ws: Worksheet,
    cols: Sequence[Col],
    records: Sequence[Mapping[str, Any]],
    *,
    header_row: int = 1,
    freeze_cols: int = 1,
) -> None:
    """Header, rows, formats, filter, frozen panes, fitted widths and print setup for one table."""
    widths = [min(len(c.header), _HEADER_WRAP) for c in cols]
    for j, col in enumerate(cols, 1):
        cell = ws.cell(header_row, j, col.header)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for i, record in enumerate(records, header_row + 1):
        lines = 1
        for j, col in enumerate(cols, 1):
            value = _cell_value(col.get(record))
            fmt = col.fmt(record) if callable(col.fmt) else col.fmt
            cell = ws.cell(i, j, value)
            if fmt and value is not None:
                cell.number_format = fmt
            cell.alignment = Alignment(wrap_text=bool(col.wrap), vertical="top", horizontal=col.align)
            if col.bold:
                cell.font = Font(name=_FONT, bold=True)
            if col.highlight_yes and value == "Có":
                cell.fill = _NOTE_FILL
            if col.wrap:
                lines = max(lines, _lines(value, col.wrap * _TEXT_PER_WIDTH))
            else:
                widths[j - 1] = max(widths[j - 1], _display_len(value))
        if lines > 1:  # Excel does not grow a wrapped row by itself when it opens a file
            ws.row_dimensions[i].height = _LINE_HEIGHT * lines
    for j, col in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(j)].width = col.wrap or min(widths[j - 1] + 2, _MAX_WIDTH)
    header_lines = max(_lines(c.header, ws.column_dimensions[get_column_letter(j)].width - 1)
                       for j, c in enumerate(cols, 1))  # fmt: skip
    ws.row_dimensions[header_row].height = _LINE_HEIGHT * header_lines + 4
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{header_row + max(len(records), 1)}"
    ws.freeze_panes = ws.cell(header_row + 1, freeze_cols + 1).coordinate
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # all columns on one page width
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_csv(folder: Path, *, scores: pd.DataFrame, wide: pd.DataFrame, long: pd.DataFrame) -> list[Path]:
    """Write the four tables as UTF-8-with-BOM CSV (flags joined with ";") and return their paths."""
    tables = _data_tables(scores, wide, long)
    for key in (2, 3):
        tables[key] = tables[key].assign(flags=[";".join(f) for f in tables[key]["flags"]])
    return _write_all(
        folder,
        CSV_FILES,
        [lambda p, t=t, i=i: t.to_csv(p, index=i == 1, encoding="utf-8-sig") for i, t in enumerate(tables)],
    )


def write_parquet(
    folder: Path, *, scores: pd.DataFrame, wide: pd.DataFrame, long: pd.DataFrame
) -> list[Path]:
    """Write the four tables as Parquet (flags stay lists of reason codes) and return their paths."""
    names = [n.replace(".csv", ".parquet") for n in CSV_FILES]
    tables = _data_tables(scores, wide, long)
    return _write_all(folder, names, [lambda p, t=t: t.to_parquet(p) for t in tables])


def _data_tables(scores: pd.DataFrame, wide: pd.DataFrame, long: pd.DataFrame) -> list[pd.DataFrame]:
    """The frames as published: scores by rank, the figures with flags as plain lists, the flagged ones."""
    figures = long.assign(flags=[flag_list(f) for f in long["flags"]])
    return [
        scores.sort_values(["rank", "unit_name"], kind="stable").reset_index(drop=True),
        wide,
        figures.reset_index(drop=True),
        _sorted_figures(_flagged(figures)),
    ]


def _write_all(folder: Path, names: Sequence[str], writers: Sequence[Callable[[Path], Any]]) -> list[Path]:
    """Write every file to a temporary name first and rename them only when all are written, so a failure
    while writing one table leaves the previous export whole. Each rename is atomic; the set is not (a crash
    between two renames, a window of microseconds, would mix old and new files)."""
    folder.mkdir(parents=True, exist_ok=True)
    done: list[tuple[Path, Path]] = []
    try:
        for name, write in zip(names, writers, strict=True):
            tmp = _temp_path(folder / name)
            done.append((tmp, folder / name))
            write(tmp)
    except BaseException:
        for tmp, _ in done:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in done:
        os.replace(tmp, final)
    return [final for _, final in done]


def _temp_path(path: Path) -> Path:
    # Same folder as the target: os.replace is only atomic within one file system.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return Path(name)


def flag_list(flags: Any) -> list[str]:
    """Reason codes as a list, whatever the frame holds: list, array (from Parquet), "a;b" text or nothing."""
    if flags is None or (pd.api.types.is_scalar(flags) and pd.isna(flags)):
        return []
    if isinstance(flags, str):
        return [f.strip() for f in flags.split(";") if f.strip()]
    return [str(f) for f in flags]


def _flagged(long: pd.DataFrame) -> pd.DataFrame:
    # A Series, not a list: an empty list would select no *columns* when there are no figures.
    return long[pd.Series([bool(flag_list(f)) for f in long["flags"]], index=long.index, dtype=bool)]


def _sorted_figures(long: pd.DataFrame) -> pd.DataFrame:
    """By unit name (Vietnamese alphabetical, approximately), year, then indicator in vocabulary order."""
    order = {code: i for i, code in enumerate(INDICATORS)}
    rows = zip(long["unit_name"], long["year"], long["indicator"], strict=True)
    keys = [(_vi_key(u), y, order.get(c, len(order)), str(c)) for u, y, c in rows]
    return long.iloc[sorted(range(len(long)), key=keys.__getitem__)].reset_index(drop=True)


def _vi_key(name: Any) -> str:
    # Tones and vowel marks dropped, "đ" just after "d": close enough to the Vietnamese alphabet for a list
    # of a dozen unit names, without depending on an ICU collation.
    text = str(name).replace("Đ", "D\uffff").replace("đ", "d\uffff")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def _shown(value: Any, unit: str | None) -> Any:
    """A figure as the workbook shows it: money in tỷ đồng, whole counts as integers."""
    value = _cell_value(value)
    if not isinstance(value, int | float):
        return value
    if unit == "VND":
        return value / 1e9
    if unit == "count" and float(value).is_integer():
        return int(value)
    return value


def _yes_no(flag: Any) -> str:
    return "Có" if _cell_value(flag) else "Không"


def _cell_value(value: Any) -> Any:
    """A plain Python value openpyxl can write: missing → empty cell, numpy scalars unwrapped, dates kept."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if hasattr(value, "item") and not isinstance(value, date):
        value = value.item()  # numpy scalar
    return value


def _display_len(value: Any) -> int:
    """Roughly how many characters the cell shows (numbers with separators and two decimals at most)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return len(f"{value:,.2f}")
    text = "dd/mm/yyyy" if isinstance(value, date) else str(value if value is not None else "")
    return max((len(line) for line in text.splitlines()), default=0)


def _lines(value: Any, width: float) -> int:
    """How many lines a text wraps to at a column width (≈ characters per line), breaking between words."""
    per_line = max(int(width) - 1, 1)
    lines = 0
    for part in str(value if value is not None else "").splitlines() or [""]:
        lines, used = lines + 1, 0
        for word in part.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            lines += (used - 1) // per_line  # a word longer than the line breaks inside it
            used = (used - 1) % per_line + 1
    return lines
