"""Tables: header semantics, unit lines and row labels mapped onto indicators.

A table is read as columns with roles, found from the header rows (merged two-row headers are expanded
by ``Table.grid``): label (Chỉ tiêu), unit (ĐVT), plan (Kế hoạch / Dự toán), actual ((Ước) thực hiện),
pct_plan (Tỷ lệ / So sánh % với KH), pct_yoy (so với cùng kỳ), collectives / individuals (Tập thể /
Cá nhân), each with the year its header names. Only columns of the report year (or with no year) feed
figures, so the previous year's column of a two-year table is never this year's value. Rows are matched
to catalogues by their label (diacritic-insensitive; fuzzy when no catalogue label is contained in it).
Commendation tables are summed per level group, taking the unit-level subtotal when the table gives
one. A table with no recognisable value columns (key-value tables) is read row by row as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import Catalogue, Catalogues
from extractors.document import Cell, Locator, Table
from extractors.numbers import find_quantities, parse_quantity
from models.text import fold_key

_YEAR = re.compile(r"\b(19[9]\d|20\d\d)\b")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")
_ROLE_WORDS: list[tuple[str, Callable[[str], bool]]] = [
    ("index", lambda h: h in {"tt", "stt", "so tt", "so thu tu"}),
    ("unit", lambda h: _has_any(h, ("dvt", "don vi tinh", "don vi")) and not _has_any(h, ("tap the",))),
    ("pct_yoy", lambda h: _has_any(h, ("cung ky", "nam truoc", "so voi nam", "ck"))),
    (
        "pct_plan",
        lambda h: (
            _has_any(h, ("ty le", "so sanh", "so voi", "so kh", "phan tram")) or h.endswith(" %") or h == "%"
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
]
_TOTAL_LABELS = ("tong cong", "cong", "tong so", "tong")
_SUB_ITEM = re.compile(r"^\s*(?:[a-zđ]\)?|[a-zđ]\.|\(?[a-zđ]\))\s*(?:$|\s)")
_BULLET = re.compile(r"^\s*[-+•–]\s")
# Rows that are parts of the row above. "-" is only a list bullet in most tables, so it does not count;
# components are named ("Trong đó", "Riêng") or caught by the catalogues' label vetoes ("thu thuế").
_COMPONENT_LABEL = re.compile(r"^\s*(?:[+]|trong (?:do|đó)\b|ri[eê]ng\b|bao g[oồ]m\b)", re.I)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    padded = f" {text} "
    return any(f" {w} " in padded for w in words)


@dataclass
class Column:
    index: int
    role: str | None
    year: int | None
    header: str


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
    if not text or re.fullmatch(r"\(\d+\)", text) or _YEAR.fullmatch(text):
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
        header = fold_key(" ".join(parts))
        role = next((name for name, test in _ROLE_WORDS if header and test(header)), None)
        years = [int(y) for y in _YEAR.findall(header)]
        columns.append(Column(c, role, years[-1] if years else None, header))
    return columns


def _row_locator(table: Table, cells: list[Cell], r: int) -> Locator:
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


def _scale(unit_text: str) -> tuple[str, float] | None:
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
            return self._commendations(table, grid, texts, n_header, columns, ctx)
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
        default_scale = _scale(_unit_from_line(unit_line)) if unit_line else None
        years = {c.year for c in columns if c.year}
        unmatched: list[int] = []
        for r in range(n_header, len(texts)):
            row = texts[r]
            label = row[label_col]
            if not label or _COMPONENT_LABEL.match(label):
                continue
            if not self._match_label(label):
                if len(set(row)) <= 3:  # a merged summary row ("Số chỉ tiêu đạt và vượt … | 17/18 chỉ tiêu")
                    unmatched.append(r)
                continue
            header_scale = None
            row_scale = _scale(row[unit_col]) if unit_col is not None and row[unit_col] else None
            for cat, score in self._match_label(label):
                for column in columns:
                    if column.role is None or not _column_serves(column.role, cat):
                        continue
                    if years and ctx.report_year and column.year and column.year != ctx.report_year:
                        continue
                    header_scale = _scale_from_header(column.header)
                    scale = row_scale or header_scale or default_scale or _scale_from_header(fold_key(label))
                    value = _cell_value(row[column.index], column.role, cat, scale)
                    if value is None:
                        continue
                    guessed = (
                        value[1] == "VND"
                        and scale is None
                        and parse_quantity(row[column.index]).kind != "money"
                    )
                    cells = [c for c in grid[r] if c is not None]
                    out.append(
                        Candidate(
                            indicator=cat.indicator,
                            value=value[0],
                            unit=value[1],
                            confidence=round(cat.confidence * score * (0.6 if guessed else 1.0), 3),
                            origin="table",
                            catalogue=cat.name,
                            text=" | ".join(dict.fromkeys(t for t in row if t)),
                            locator=_row_locator(table, cells, r),
                            basis={"pct_plan": "estimate", "pct_yoy": "previous_year"}.get(column.role),
                            is_estimate="uoc" in column.header.split(),
                            year=column.year or ctx.report_year,
                            notes=["the table gives no unit; the amount was read as tỷ đồng"]
                            if guessed
                            else [],
                        )
                    )
        return out + self._as_prose(table, grid, texts, ctx, unmatched)

    def _match_label(self, label: str) -> list[tuple[Catalogue, float]]:
        key = fold_key(label)
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

    # -- commendation tables -------------------------------------------------------------------------
    def _commendations(self, table, grid, texts, n_header, columns, ctx) -> list[Candidate]:
        label_col = next((c.index for c in columns if c.role == "label"), 1 if len(columns) > 1 else 0)
        index_col = next((c.index for c in columns if c.role == "index"), 0)
        value_cols = {c.role: c.index for c in columns if c.role in ("collectives", "individuals")}
        groups: list[dict] = []  # {"level", "label", "row", "own": {role: v}, "rows": [...], "total": {...}}
        numbered_in_group = False
        loose: list[tuple[str, int, dict]] = []
        for r in range(n_header, len(texts)):
            row = texts[r]
            label = row[label_col] or row[index_col]
            values = {role: _count(row[c]) for role, c in value_cols.items()}
            values = {k: v for k, v in values.items() if v is not None}
            idx = (
                row[index_col].strip().rstrip(".") if index_col != label_col else label.split(".")[0].strip()
            )
            # group rows carry upper-case roman numerals (I, II, III); "a", "b", "c" are sub-items
            is_group = idx.isupper() and bool(_ROMAN.match(idx.lower()))
            if _SUB_ITEM.match(row[index_col]) or _SUB_ITEM.match(label):
                continue  # a breakdown of the row above ("a) Khen thưởng tổng kết năm"): never added in
            if _BULLET.match(label) and numbered_in_group:
                continue  # "- …" under a numbered row is its breakdown too
            if is_group:
                numbered_in_group = False
            elif row[index_col].strip().isdigit():
                numbered_in_group = True
            key = fold_key(label)
            if is_group:
                groups.append(
                    {
                        "level": self._level(label),
                        "label": label,
                        "row": r,
                        "own": values,
                        "rows": [],
                        "total": None,
                    }
                )
            elif key in _TOTAL_LABELS or key.startswith(("cong ", "tong cong")):
                if groups and groups[-1]["total"] is None and key != "tong cong":
                    groups[-1]["total"] = (r, values)
            elif groups:
                groups[-1]["rows"].append((r, values, self._level(label)))
            else:
                loose.append((label, r, values))
        out: list[Candidate] = []
        unit_groups = [g for g in groups if g["level"] == "unit"]
        for role, indicator in (
            ("collectives", "commended_collectives"),
            ("individuals", "commended_individuals"),
        ):
            if role not in value_cols:
                continue
            picked = None
            if unit_groups:
                g = unit_groups[0]
                if role in g["own"]:
                    picked = (g["own"][role], [g["row"]], "the unit-level group row", False)
                elif g["total"] and role in g["total"][1]:
                    picked = (g["total"][1][role], [g["total"][0]], "the unit-level subtotal", False)
                else:
                    rows = [(r, v[role]) for r, v, _ in g["rows"] if role in v]
                    if rows:
                        picked = (
                            sum(v for _, v in rows),
                            [r for r, _ in rows],
                            "sum of the unit-level rows",
                            True,
                        )
            elif not groups and loose:
                rows = [(r, v[role]) for lab, r, v in loose if role in v and self._level(lab) == "unit"]
                if rows:
                    picked = (
                        sum(v for _, v in rows),
                        [r for r, _ in rows],
                        "sum of the unit-level rows",
                        len(rows) > 1,
                    )
            if picked is None:
                continue
            value, rows, how, summed = picked
            cells = [c for c in grid[rows[0]] if c is not None]
            cat = self.cats.for_indicator(indicator)
            cand = Candidate(
                indicator=indicator,
                value=int(value),
                unit="count",
                confidence=round(cat.confidence * (0.9 if summed else 1.0), 3),
                origin="table",
                catalogue=cat.name,
                text=" | ".join(dict.fromkeys(t for t in texts[rows[0]] if t)),
                locator=_row_locator(table, cells, rows[0]),
                year=ctx.report_year,
                notes=[f"from {how}"],
            )
            out.append(cand)
        return out

    def _level(self, label: str) -> str | None:
        """unit / higher from the owner words of a row or group label ("III. Cấp quận", "Bằng khen …")."""
        key = f" {fold_key(label)} "
        owners = self.cats.lexicon.owners
        if any(f" {p} " in key for p in owners.get("higher", ())):
            return "higher"
        if any(f" {p} " in key for p in owners.get("unit", ())):
            return "unit"
        return None

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
                cand.locator = _row_locator(table, row_cells, r)
                cand.text = " | ".join(t for t in dict.fromkeys(texts[r]) if t)
                cand.origin = "table"
                found.append((cand, is_total))
        out: list[Candidate] = []
        for indicator in dict.fromkeys(c.indicator for c, _ in found):
            group = [(c, t) for c, t in found if c.indicator == indicator]
            totals = [c for c, t in group if t]
            cat = self.cats.for_indicator(indicator)
            if totals:
                out += totals
            elif cat.sum_siblings and len(group) > 1:
                first = group[0][0]
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


def _count(text: str) -> int | None:
    q = parse_quantity(text.strip()) if text and text.strip() else None
    if q is None or q.kind not in ("number", "count") or q.value != int(q.value):
        return None
    return int(q.value)


def _unit_from_line(line: str) -> str:
    """ "ĐVT: tỷ đồng" -> "tỷ đồng"; "(Đơn vị tính: triệu đồng)" -> "triệu đồng"."""
    text = line.strip().strip("()")
    return text.split(":", 1)[1].strip().strip("()") if ":" in text else text


def _scale_from_header(header: str) -> tuple[str, float] | None:
    for unit, scale in (("nghin ty", 1e12), ("ngan ty", 1e12), ("ty dong", 1e9), ("trieu dong", 1e6)):
        if unit in header:
            return ("money", scale)
    return None


def is_unit_line(text: str) -> bool:
    key = fold_key(text)
    return key.startswith(("dvt", "don vi tinh", "don vi")) and len(key) < 40
