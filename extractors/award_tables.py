"""Commendation statistics tables: `STT | Hình thức khen thưởng | Tập thể | Cá nhân | Ghi chú`.

Rows are grouped by level under upper-case roman numerals (I. Cấp Nhà nước, II. Cấp Thành phố, III. Cấp
quận). The unit's own commendations are the unit-level group: its subtotal on the group row or in a
"Cộng" row when the table gives one, else the sum of the group's rows (then marked as a sum). Lettered
rows ("a) Khen thưởng tổng kết năm") and bullets under a numbered row break a row down and are never
added in. A table without groups sums the rows whose label names a unit-level form (Giấy khen, Lao động
tiên tiến, Chiến sĩ thi đua cơ sở).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import Catalogues
from extractors.document import Cell, Table
from extractors.numbers import parse_quantity
from extractors.table_grid import Column, row_locator
from extractors.year_columns import mark_year, year_view
from models.text import fold_key

_ROMAN = re.compile(r"^(?=[ivxlc]+$)m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")
_TOTAL_LABELS = ("tong cong", "cong", "tong so", "tong")
_SUB_ITEM = re.compile(r"^\s*(?:[a-zđ]\)?|[a-zđ]\.|\(?[a-zđ]\))\s*(?:$|\s)")
_BULLET = re.compile(r"^\s*[-+•–]\s")
_ROLES = (("collectives", "commended_collectives"), ("individuals", "commended_individuals"))


@dataclass
class _Group:
    level: str | None
    row: int
    own: dict[str, int]  # values on the group row itself
    rows: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    total: tuple[int, dict[str, int]] | None = None


def level_of(cats: Catalogues, label: str) -> str | None:
    """unit / higher from the owner words of a row or group label ("III. Cấp quận", "Bằng khen …")."""
    key = f" {fold_key(label)} "
    owners = cats.lexicon.owners
    for level in ("higher", "unit"):
        if any(f" {p.lstrip('=')} " in key for p in owners.get(level, ())):
            return level
    return None


def _count(text: str) -> int | None:
    q = parse_quantity(text.strip()) if text and text.strip() else None
    if q is None or q.kind not in ("number", "count") or q.value != int(q.value):
        return None
    return int(q.value)


def commendation_candidates(
    cats: Catalogues,
    table: Table,
    grid: list[list[Cell | None]],
    texts: list[list[str]],
    n_header: int,
    columns: list[Column],
    ctx: BlockContext,
) -> list[Candidate]:
    label_col = next((c.index for c in columns if c.role == "label"), 1 if len(columns) > 1 else 0)
    index_col = next((c.index for c in columns if c.role == "index"), 0)
    # "Năm 2023: Tập thể | Cá nhân; Năm 2024: Tập thể | Cá nhân": the report year's columns only
    view = year_view(columns, ctx.report_year)
    by_index = {c.index: c for c in columns}
    value_cols = {
        c.role: c.index for c in columns if c.role in ("collectives", "individuals") and view.reads(c)
    }
    groups: list[_Group] = []
    loose: list[tuple[str, int, dict[str, int]]] = []
    numbered_in_group = False
    for r in range(n_header, len(texts)):
        row = texts[r]
        label = row[label_col] or row[index_col]
        values = {role: v for role, c in value_cols.items() if (v := _count(row[c])) is not None}
        idx = row[index_col].strip().rstrip(".") if index_col != label_col else label.split(".")[0].strip()
        is_group = idx.isupper() and bool(_ROMAN.match(idx.lower()))
        if _SUB_ITEM.match(row[index_col]) or _SUB_ITEM.match(label):
            continue  # a breakdown of the row above ("a) Khen thưởng tổng kết năm")
        if _BULLET.match(label) and numbered_in_group:
            continue  # "- …" under a numbered row is its breakdown too
        numbered_in_group = (not is_group) and (numbered_in_group or row[index_col].strip().isdigit())
        key = fold_key(label)
        if is_group:
            groups.append(_Group(level_of(cats, label), r, values))
        elif key in _TOTAL_LABELS or key.startswith(("cong ", "tong cong")):
            if groups and groups[-1].total is None and key != "tong cong":
                groups[-1].total = (r, values)
        elif groups:
            groups[-1].rows.append((r, values))
        else:
            loose.append((label, r, values))

    unit_group = next((g for g in groups if g.level == "unit"), None)
    out: list[Candidate] = []
    for role, indicator in _ROLES:
        if role not in value_cols:
            continue
        picked: tuple[int, int, str, bool] | None = None  # value, row, how, summed
        if unit_group is not None:
            parts = [(r, v[role]) for r, v in unit_group.rows if role in v]
            if role in unit_group.own:
                picked = (unit_group.own[role], unit_group.row, "the unit-level group row", False)
            elif unit_group.total and role in unit_group.total[1]:
                picked = (unit_group.total[1][role], unit_group.total[0], "the unit-level subtotal", False)
            elif parts:
                picked = (sum(v for _, v in parts), parts[0][0], "sum of the unit-level rows", True)
        elif not groups:
            parts = [(r, v[role]) for lab, r, v in loose if role in v and level_of(cats, lab) == "unit"]
            if parts:
                picked = (sum(v for _, v in parts), parts[0][0], "sum of the unit-level rows", len(parts) > 1)
        if picked is None:
            continue
        value, r, how, summed = picked
        cat = cats.for_indicator(indicator)
        column = by_index[value_cols[role]]
        cand = Candidate(
            indicator=indicator,
            value=value,
            unit="count",
            confidence=round(cat.confidence * (0.9 if summed else 1.0), 3),
            origin="table",
            catalogue=cat.name,
            text=" | ".join(dict.fromkeys(t for t in texts[r] if t)),
            locator=row_locator(table, [c for c in grid[r] if c is not None], r),
            year=view.year_of(column),
            notes=[f"from {how}"],
        )
        # the previous year's cell of the same row is worth showing only when it is one row's value
        mark_year(cand, texts[r] if not summed else [""] * len(texts[r]), column, view, by_index)
        out.append(cand)
    return out
