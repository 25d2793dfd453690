"""The report under construction that the section writers write into, and the Vietnamese number forms
they print: :class:`Report` (every block goes to the live :class:`Paginator` as it is added, so the
builder always knows how many pages it has; every figure goes through a method that formats it the
Vietnamese way *and* records it in the expected figures, as samples/generate.py does, so the text and
the expected JSON come from the same value), :func:`vn`, :func:`ratio`, :func:`fmt_count`.

A leaf of the report modules: :mod:`benchmarks.report_values`, :mod:`benchmarks.report_tables` and
:mod:`benchmarks.report_figures` import it, and :mod:`benchmarks.report` wires them all.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from benchmarks.fonts import FontSet
from benchmarks.layout import Paginator
from benchmarks.model import Block, Page, Para, Table
from benchmarks.report_text import context_slots
from benchmarks.templates import cap, expand
from models.units import Unit

TY = 10**9
D = Decimal
_WORDS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def vn(x: Decimal | int | float | str, nd: int | None = None, trim: bool = False) -> str:
    """Vietnamese number format: "13.200", "147,4", "429,173"; ``nd`` rounds half up, ``trim`` drops a
    zero fraction."""
    d = x if isinstance(x, Decimal) else D(str(x))
    if nd is not None:
        d = d.quantize(D(1).scaleb(-nd), rounding=ROUND_HALF_UP)
    s = format(d, "f")
    neg, s = s.startswith("-"), s.lstrip("-")
    ip, _, fp = s.partition(".")
    if trim:
        fp = fp.rstrip("0")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    return ("-" if neg else "") + ".".join(groups) + ("," + fp if fp else "")


def ratio(a: Decimal, b: Decimal, nd: int = 1) -> Decimal:
    """a / b in percent, rounded half up as a report prints it."""
    return (D(a) / D(b) * 100).quantize(D(1).scaleb(-nd), rounding=ROUND_HALF_UP)


def words(n: int) -> str:
    """A count in words, 1–99 ("mười hai", "hai mươi mốt")."""
    if n <= 10:
        return _WORDS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_WORDS[tens]} mươi"
    if unit == 0:
        return head
    tail = {1: "mốt" if tens > 1 else "một", 5: "lăm"}.get(unit, _WORDS[unit])
    return f"{head} {tail}"


@dataclass
class BuiltReport:
    blocks: list[Block]
    pages: list[Page]
    starts: list[tuple[int, int]]
    expected: dict[str, Any]
    title: str
    author: str
    signed: datetime


@dataclass
class Report:
    """A report under construction (see the module docstring)."""

    fonts: FontSet
    unit: Unit
    year: int
    rng: random.Random
    size: float = 14.0
    table_share: float = 0.25
    blocks: list[Block] = field(default_factory=list)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    traps: list[str] = field(default_factory=list)
    list_no: int = 2  # the last "Biểu số" used (01 and 02 are the figure tables)
    compact: bool = False  # a report of two to four pages: the fixed parts only, briefly
    sink: list[Block] | None = None

    def __post_init__(self) -> None:
        self.pag = Paginator(self.fonts)
        self.level = self.unit.level
        self.lv = "quận" if self.level == "district" else "phường"
        self.name = self.unit.short
        self.unit_vi = f"{self.lv} {self.name}"
        # the cluster: Cụm 8 of the six districts; the wards' new clusters are not known yet (domain.md §5),
        # so a ward names a numbered cluster of its own, fixed per ward
        self.cluster = "Cụm thi đua số 8" if self.level == "district" else cluster_of(self.unit.id)
        self.slots = context_slots(self.unit.id, self.level, self.name, self.year, self.rng, self.cluster)

    # -- blocks ------------------------------------------------------------------------------------

    def add(self, block: Block) -> None:
        if isinstance(block, Para) and block.size == 14.0:
            block.size = self.size
        if self.sink is not None:  # written now, placed later (the tail, measured first)
            self.sink.append(block)
            return
        self.blocks.append(block)
        self.pag.add(block)

    def p(self, text: str, **kw: Any) -> None:
        self.add(Para(text, **kw))

    def h(self, text: str, italic: bool = False) -> None:
        """A bold heading kept with what follows."""
        self.add(Para(text, bold=True, italic=italic, keep_next=True))

    def centered(self, text: str, bold: bool = True, size: float | None = None, after: float = 0.0) -> None:
        self.add(Para(text, align="center", indent=0.0, bold=bold, size=size or self.size, space_after=after))

    def caption(self, text: str, unit_line: str | None = None) -> None:
        """A table's caption, one centred bold paragraph per line, kept with the table."""
        for line in text.split("\n"):
            self.add(Para(line, align="center", indent=0.0, bold=True, keep_next=True, space_after=0.0))
        if unit_line:
            self.add(Para(unit_line, align="right", indent=0.0, italic=True, size=12.0, keep_next=True))

    def table(self, table: Table) -> None:
        self.add(table)

    def x(self, template: str) -> str:
        """Expand a template with this report's slots."""
        return cap(expand(template, self.rng, self.slots))

    # -- figures -----------------------------------------------------------------------------------

    def record(self, code: str, value: Any, flags: tuple[str, ...] = (), as_of: str | None = None) -> None:
        entry: dict[str, Any] = {"value": value, "flags": list(flags)}
        if as_of:
            entry["as_of"] = as_of
        old = self.figures.get(code)
        if old is not None and old != entry:
            raise ValueError(f"{self.unit.id} {self.year}: {code} stated twice: {old} vs {entry}")
        self.figures[code] = entry

    def money(self, code: str, ty: Decimal, text: str | None = None, **kw: Any) -> str:
        self.record(code, int((D(ty) * TY).to_integral_value(rounding=ROUND_HALF_UP)), **kw)
        return text if text is not None else vn(ty)

    def pct(self, code: str, p: Decimal, trim: bool = True, **kw: Any) -> str:
        self.record(code, float(p), **kw)
        return vn(p, trim=trim)

    def over(self, code: str, p: Decimal, **kw: Any) -> str:
        """Record ``p`` (111.1) and return the excess written after "vượt"/"tăng" ("11,1")."""
        self.record(code, float(p), **kw)
        return vn(D(p) - 100, trim=True)

    def count(self, code: str, n: int, style: str = "plain") -> str:
        self.record(code, int(n))
        return fmt_count(n, style)

    def parts(self, code: str, nums: list[int], style: str = "pad") -> list[str]:
        """Counts stated separately and added up by the extractor ("01 … và 08 …")."""
        self.record(code, int(sum(nums)))
        return [fmt_count(n, style) for n in nums]

    def derive(self, code: str, value: float) -> None:
        self.figures[code] = {"value": value, "flags": [], "derived": True}

    def trap(self, text: str) -> None:
        self.traps.append(text)

    # -- growing to the page count -----------------------------------------------------------------

    def table_due(self) -> bool:
        """Is a table owed: fewer pages hold one than the share asks for (the current page counts)?"""
        if self.table_share <= 0 or self.pag.pages[-1].tables:
            return False
        with_table = sum(1 for pg in self.pag.pages if pg.tables)
        return with_table < self.table_share * (self.pag.fill + 0.2)


def cluster_of(unit_id: str) -> str:
    return f"Cụm thi đua số {zlib.crc32(unit_id.encode()) % 12 + 1}"


def fmt_count(n: int, style: str = "plain") -> str:
    if style == "pad":
        return f"{n:02d}" if n < 100 else vn(n)
    if style == "words" and 0 < n < 100:
        return words(n)
    return vn(n)
