"""Which value columns of a table hold the report year, which the year before, and which cannot be told.

A table whose columns are years ("2023 | 2024", "Năm 2023 | Năm 2024", "Thực hiện năm trước | Thực hiện
năm nay | So sánh (%)", "Cùng kỳ | Năm nay", a "Kế hoạch năm 2025" trap) feeds figures only from the report
year's columns; the previous year's cell of the same role is kept as a note for the reviewer. A value
column whose header names no year, in a table where another column of its role does (or beside another
period-less column of its role), may be the report year or not: it is read as the report year when the
table has no column of the report year, and its figures carry ``low_confidence`` (``UNTOLD_REASON``) with a
note. ``year_mismatch`` says a figure's year is known to differ from the report's; here it is not known,
and a column known to be of another year is never read. Ratio columns ("So sánh (%)", "Tỷ lệ") compare
years and hold no year's value: they are read unless their header names another year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.candidates import Candidate
from extractors.table_grid import Column

UNTOLD_REASON = "low_confidence"
UNTOLD_CONFIDENCE = 0.6  # the figure may be another year's: below the resolver's LOW_CONFIDENCE (0.65)
_VALUE_ROLES = ("actual", "plan", "collectives", "individuals")


@dataclass
class YearView:
    report_year: int | None
    readable: set[int] = field(default_factory=set)  # column indices that may feed this year's figures
    untold: set[int] = field(default_factory=set)  # readable, but the header does not say the year
    previous: dict[int, int] = field(default_factory=dict)  # report-year column -> previous year's column
    multi_year: bool = False  # the columns hold more than one year

    @property
    def year_table(self) -> bool:
        """Columns of several years, or one whose year cannot be told: rows are read by the year's cell."""
        return self.multi_year or bool(self.untold)

    def reads(self, column: Column) -> bool:
        return column.index in self.readable

    def year_of(self, column: Column) -> int | None:
        return column.year_for(self.report_year) or self.report_year

    def untold_note(self, column: Column) -> str:
        return (
            f"the header «{column.title or column.header}» does not say which year the column holds; "
            f"read as the report year {self.report_year}"
        )


PREVIOUS_YEAR_NOTE = "năm trước"  # how a figure's note on the previous year's value starts


def previous_year_note(year: int | None, cell: str) -> str:
    """The previous year's value as written, for the reviewer: "năm trước (2023): 25"."""
    return (
        f"{PREVIOUS_YEAR_NOTE} ({year}): {cell.strip()}" if year else f"{PREVIOUS_YEAR_NOTE}: {cell.strip()}"
    )


def year_view(columns: list[Column], report_year: int | None) -> YearView:
    view = YearView(report_year)
    dated = [c for c in columns if c.role and c.has_period]
    view.multi_year = len({c.year_for(report_year) for c in dated}) > 1
    for column in columns:
        if column.role and column.role not in _VALUE_ROLES:
            year = column.year_for(report_year)
            if not (report_year and year and year != report_year):
                view.readable.add(column.index)
    for role in _VALUE_ROLES:
        group = [c for c in columns if c.role == role]
        if not group:
            continue
        if not report_year:  # no report year to pick a column by: every column, as before
            view.readable.update(c.index for c in group)
            continue
        current = [c for c in group if c.year_for(report_year) == report_year]
        undated = [c for c in group if not c.has_period]
        if current:
            view.readable.update(c.index for c in current)
        elif undated:
            pick = undated[-1]  # reports put the latest year last
            view.readable.add(pick.index)
            if len(undated) > 1 or len(undated) < len(group):
                view.untold.add(pick.index)
            current = [pick]
        before = [c for c in group if c.year_for(report_year) == report_year - 1]
        for c in current:
            if before:
                view.previous[c.index] = before[-1].index
    return view


def mark_year(
    cand: Candidate, row: list[str], column: Column, view: YearView, by_index: dict[int, Column]
) -> None:
    """The previous year's cell as a note; a column of untold year lowers confidence and says why."""
    before = view.previous.get(column.index)
    if before is not None and row[before].strip():
        cand.notes.append(previous_year_note(by_index[before].year_for(view.report_year), row[before]))
    if column.index in view.untold:
        cand.confidence = min(cand.confidence, UNTOLD_CONFIDENCE)
        if UNTOLD_REASON not in cand.flags:
            cand.flags.append(UNTOLD_REASON)
        cand.notes.append(view.untold_note(column))
