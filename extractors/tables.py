"""Tables to candidates: which reading a table gets, and the socio-economic and key-value readings.

Column roles and scales come from ``table_grid``. A table with Tập thể / Cá nhân columns is a commendation
table (``award_tables``). A table with plan / actual / % columns has its rows matched to catalogues by
label (diacritic-insensitive; fuzzy when no catalogue label is contained in it), and only columns of the
report year (or with no year) feed figures, so the previous year's column of a two-year table is never
this year's value (``year_columns`` says which columns those are). In a table whose columns are years
("Năm 2023 | Năm 2024", "Thực hiện năm trước | Thực hiện năm nay | So sánh (%)") a row that no table label
names is read as a sentence of its label and the report year's cell, so that every indicator's catalogue
(movements, models, exemplars, commendations, targets, …) applies to it as to prose; the previous year's
cell is kept as a note. A table with no recognisable value columns (key-value tables, merged summary
rows) is read row by row as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from extractors.award_tables import commendation_candidates
from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import Catalogue, Catalogues
from extractors.document import Table
from extractors.numbers import parse_quantity
from extractors.table_grid import (
    Column,
    column_roles,
    header_rows,
    row_locator,
    scale_from_header,
    scale_of,
    unit_from_line,
)
from extractors.year_columns import (
    PREVIOUS_YEAR_NOTE,
    YearView,
    mark_year,
    year_view,
)
from models.text import fold_key

# Rows that are parts of the row above. "-" is only a list bullet in most tables, so it does not count;
# components are named ("Trong đó", "Riêng") or caught by the catalogues' label vetoes ("thu thuế").
_COMPONENT_LABEL = re.compile(r"^\s*(?:[+]|trong (?:do|đó)\b|ri[eê]ng\b|bao g[oồ]m\b)", re.I)


class TableReader:
    """Turns a table into candidates; ``prose`` reads a row as a sentence when columns say nothing."""

    def __init__(self, cats: Catalogues, prose: Callable[[str, BlockContext], list[Candidate]]) -> None:
        self.cats = cats
        self.prose = prose
        self.row_catalogues = [c for c in cats.catalogues if c.table and c.table.labels and c.indicator]

    def candidates(self, table: Table, ctx: BlockContext, unit_line: str | None) -> list[Candidate]:
        grid = table.grid()
        texts = [[c.text if c else "" for c in row] for row in grid]
        if not texts:
            return []
        n_header = header_rows(texts)
        columns = column_roles(texts, n_header) if n_header else []
        roles = {c.role for c in columns}
        if {"collectives", "individuals"} & roles:
            return commendation_candidates(self.cats, table, grid, texts, n_header, columns, ctx)
        if not n_header or not roles & {"actual", "plan", "pct_plan", "pct_yoy"}:
            return self._as_prose(table, grid, texts, ctx, range(n_header, len(texts)))
        return self._indicator_rows(table, grid, texts, n_header, columns, ctx, unit_line)

    # -- socio-economic tables -----------------------------------------------------------------------
    def _indicator_rows(self, table, grid, texts, n_header, columns, ctx, unit_line) -> list[Candidate]:
        out: list[Candidate] = []
        label_col = next((c.index for c in columns if c.role == "label"), None)
        if label_col is None:
            label_col = next((c.index for c in columns if c.role not in {"index"}), 0)
        unit_col = next((c.index for c in columns if c.role == "unit"), None)
        default_scale = scale_of(unit_from_line(unit_line)) if unit_line else None
        view = year_view(columns, ctx.report_year)
        by_index = {c.index: c for c in columns}
        unmatched: list[int] = []
        year_rows: list[tuple[int, list[str], Column]] = []
        for r in range(n_header, len(texts)):
            row = texts[r]
            label = row[label_col]
            if not label or _COMPONENT_LABEL.match(label):
                continue
            if not self._match_label(label):
                value_col = _result_column(row, columns, view) if view.year_table else None
                if value_col is not None:
                    # a row no table label names ("Số phong trào thi đua phát động | 10 | 12"): its label and
                    # the report year's result read as a sentence, so every catalogue's phrases apply
                    unit = row[unit_col] if unit_col is not None else ""
                    year_rows.append(
                        (r, [label, _with_percent(row[value_col.index], label, unit)], value_col)
                    )
                elif len(set(row)) <= 3 and not _other_years(row, columns, view):
                    unmatched.append(r)  # a merged summary row ("Số chỉ tiêu đạt và vượt … | 17/18 chỉ tiêu")
                continue
            header_scale = None
            row_scale = scale_of(row[unit_col]) if unit_col is not None and row[unit_col] else None
            if row_scale is None and "%" in label:
                row_scale = ("percent", 1.0)  # "Tỷ lệ hồ sơ đúng hạn (%)"
            for cat, score in self._match_label(label):
                for column in columns:
                    if column.role is None or not _column_serves(column.role, cat) or not view.reads(column):
                        continue
                    header_scale = scale_from_header(column.header)
                    scale = row_scale or header_scale or default_scale or scale_from_header(fold_key(label))
                    value = _cell_value(row[column.index], column.role, cat, scale)
                    if value is None:
                        continue
                    guessed = (
                        value[1] == "VND"
                        and scale is None
                        and parse_quantity(row[column.index]).kind != "money"
                    )
                    cells = [c for c in grid[r] if c is not None]
                    cand = Candidate(
                        indicator=cat.indicator,
                        value=value[0],
                        unit=value[1],
                        confidence=round(cat.confidence * score * (0.6 if guessed else 1.0), 3),
                        origin="table",
                        catalogue=cat.name,
                        text=" | ".join(dict.fromkeys(t for t in row if t)),
                        locator=row_locator(table, cells, r),
                        basis={"pct_plan": "estimate", "pct_yoy": "previous_year"}.get(column.role),
                        is_estimate="uoc" in column.header.split(),
                        year=view.year_of(column),
                        notes=["the table gives no unit; the amount was read as tỷ đồng"] if guessed else [],
                    )
                    mark_year(cand, row, column, view, by_index)
                    out.append(cand)
        return (
            out
            + self._as_prose(table, grid, texts, ctx, unmatched)
            + self._year_rows(table, grid, ctx, year_rows, view, by_index, texts)
        )

    def _year_rows(self, table, grid, ctx, rows, view, by_index, texts) -> list[Candidate]:
        """Rows read as "label: value" of the report year's column, with the previous year's cell noted."""
        found: list[tuple[Candidate, bool]] = []
        for r, cells, column in rows:
            row_cands, is_total = self._read_row(table, grid, texts, r, cells, ctx)
            for cand in row_cands:
                cand.year = view.year_of(column)
                mark_year(cand, texts[r], column, view, by_index)
                found.append((cand, is_total))
        return self._combine(found)

    def _read_row(self, table, grid, texts, r, cells, ctx) -> tuple[list[Candidate], bool]:
        """Candidates of "label | value" read as a sentence, count first, else "label: value"; and whether
        the row is a total ("Tổng số …")."""
        first = _row_sentence(cells)
        if first is None:
            return [], False
        is_total = first[1]
        for text in dict.fromkeys((first[0], f"{_TOTAL_WORD.sub('', cells[0])}: {cells[1]}")):
            found = [c for c in self.prose(text, ctx) if not self._vetoed(c, cells[0])]
            if found:
                row_cells = [c for c in grid[r] if c is not None]
                for cand in found:
                    cand.locator = row_locator(table, row_cells, r)
                    cand.text = " | ".join(t for t in dict.fromkeys(texts[r]) if t)
                    cand.origin = "table"
                return found, is_total
        return [], is_total

    def _vetoed(self, cand: Candidate, label: str) -> bool:
        """A row label that its indicator's table rule rules out ("Tỷ lệ dịch vụ công trực tuyến")."""
        cat = self.cats.for_indicator(cand.indicator)
        padded = f" {self.cats.lexicon.expand(fold_key(label))} "
        return bool(cat.table) and any(f" {v} " in padded for v in cat.table.label_veto)

    def _match_label(self, label: str) -> list[tuple[Catalogue, float]]:
        key = self.cats.lexicon.expand(fold_key(label))
        padded = f" {key} "
        out = []
        for cat in self.row_catalogues:
            if any(f" {v} " in padded for v in cat.table.label_veto):
                continue
            if any(f" {lab} " in padded for lab in cat.table.labels):
                out.append((cat, 1.0))
                continue
            best = max((fuzz.partial_ratio(lab, key) for lab in cat.table.labels if len(lab) > 8), default=0)
            if best >= 92:
                out.append((cat, 0.8))
        return out

    # -- tables without value columns ----------------------------------------------------------------
    def _as_prose(self, table, grid, texts, ctx, rows: range | None = None) -> list[Candidate]:
        """Read rows as sentences: "Thu ngân sách | 13.200 tỷ đồng" as "Thu ngân sách: 13.200 tỷ đồng",
        a count row "Phong trào … do UBND quận phát động | 02" as "02 Phong trào … do UBND quận phát động"
        (the count before its noun, as in prose). Within one table a total row ("Cộng", "Tổng số") wins
        over its parts; parts of a summable indicator add up when no total is given."""
        found: list[tuple[Candidate, bool]] = []
        for r in rows if rows is not None else range(len(texts)):
            sentence = _row_sentence(texts[r])
            if sentence is None:
                continue
            text, is_total = sentence
            row_cells = [c for c in grid[r] if c is not None]
            for cand in self.prose(text, ctx):
                cand.locator = row_locator(table, row_cells, r)
                cand.text = " | ".join(t for t in dict.fromkeys(texts[r]) if t)
                cand.origin = "table"
                found.append((cand, is_total))
        return self._combine(found)

    def _combine(self, found: list[tuple[Candidate, bool]]) -> list[Candidate]:
        """Within one table a total row wins over its parts; parts of a summable indicator add up."""
        out: list[Candidate] = []
        for indicator in dict.fromkeys(c.indicator for c, _ in found):
            group = [(c, t) for c, t in found if c.indicator == indicator]
            totals = [c for c, t in group if t]
            cat = self.cats.for_indicator(indicator)
            if totals:
                out += totals
            elif cat.sum_siblings and len(group) > 1:
                first = group[0][0]
                # one row's previous year is not the previous year of the sum
                first.notes = [n for n in first.notes if not n.startswith(PREVIOUS_YEAR_NOTE)]
                first.notes.append("sum of the table rows: " + " + ".join(str(c.value) for c, _ in group))
                first.value = sum(c.value for c, _ in group)
                out.append(first)
            else:
                out += [c for c, _ in group]
        return out


_INDEX_CELL = re.compile(r"^\s*(?:\d{1,2}|[IVXivx]{1,4}|[a-zđ])[.)]?\s*$")
_TOTAL_WORD = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng)\b[:\s]*", re.I)


def _row_sentence(row: list[str]) -> tuple[str, bool] | None:
    cells = [t.strip() for t in dict.fromkeys(row) if t and t.strip()]
    while cells and _INDEX_CELL.match(cells[0]) and len(cells) > 1:
        cells = cells[1:]
    if not cells:
        return None
    label, rest = cells[0], cells[1:]
    if not rest:
        return label, False
    is_total = bool(_TOTAL_WORD.match(label))
    label = _TOTAL_WORD.sub("", label) if is_total else label
    values = []
    for cell in rest:
        if parse_quantity(cell) is None and values:
            break  # a note after the value ("Không tính vào …") is not part of the statement
        values.append(cell)
    first = parse_quantity(values[0]) if values else None
    if first is not None and first.kind in ("number", "count", "ratio") and len(values) == 1:
        return f"{values[0]} {label}", is_total
    return f"{label}: {', '.join(values)}", is_total


def _result_column(row: list[str], columns: list[Column], view: YearView) -> Column | None:
    """The report year's result cell of a row: the rightmost readable ``actual`` column with a value."""
    picks = [c for c in columns if c.role == "actual" and view.reads(c) and row[c.index].strip()]
    return picks[-1] if picks else None


def _other_years(row: list[str], columns: list[Column], view: YearView) -> bool:
    """The row's values stand only in columns of other years ("Năm 2022 | Năm 2023" in a 2024 report)."""
    return any(c.has_period and not view.reads(c) and row[c.index].strip() for c in columns)


def _with_percent(cell: str, label: str, unit: str) -> str:
    """ "99,3" under a "%" unit or a "(%)" label is "99,3%" (the sentence rules need the sign)."""
    text = cell.strip()
    if "%" not in text and ("%" in unit or "%" in label) and parse_quantity(text) is not None:
        return f"{text}%"
    return text


def _column_serves(role: str, cat: Catalogue) -> bool:
    wanted = cat.table.columns if cat.table else ()
    if role in wanted:
        return True
    return role == "actual" and "actual_if_percent" in wanted


def _cell_value(
    text: str, role: str, cat: Catalogue, scale: tuple[str, float] | None
) -> tuple[float, str] | None:
    q = parse_quantity(text.strip()) if text and text.strip() else None
    if q is None:
        return None
    unit = {"VND": "VND", "%": "%", "count": "count"}[_indicator_unit(cat)]
    if unit == "%":
        is_percent = q.kind == "percent" or (scale and scale[0] == "percent")
        if role == "actual" and "actual_if_percent" in cat.table.columns and not is_percent:
            return None
        return (round(float(q.value), 4), "%") if q.kind in ("percent", "number") else None
    if unit == "VND":
        if q.kind == "money":
            return round(q.value), "VND"
        if q.kind == "number" and scale and scale[0] == "money":
            return round(q.value * scale[1]), "VND"
        if q.kind == "number" and scale is None and 100 <= q.value <= 100_000:
            # no ĐVT anywhere: district and ward revenues are written in tỷ đồng; low confidence flags it
            return round(q.value * 1e9), "VND"
        return None
    if q.kind == "number" and q.value == int(q.value):
        return int(q.value), "count"
    return None


def _indicator_unit(cat: Catalogue) -> str:
    from models.vocabulary import INDICATORS

    return INDICATORS[cat.indicator].unit
