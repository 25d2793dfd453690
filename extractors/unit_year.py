"""Which unit submitted the report, and for which year.

The unit comes from the issuer block ("UBND QUẬN HOÀN KIẾM", "ỦY BAN NHÂN DÂN PHƯỜNG CỬA NAM"), else from
the title or first lines ("… của quận Hai Bà Trưng"), resolved against the units registry on the report's
date: names are reused ("Hoàn Kiếm" is a district until 30/6/2025, a ward after). The year comes from the
title ("… năm 2021"), else from the signing date (a report signed in January–March is about the year
before), else from the year the text mentions most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from extractors.document import Document, Paragraph, Table
from models.text import fold_key
from models.units import Unit, UnitRegistry

_LEVELS = {
    "quan": "district",
    "q": "district",
    "phuong": "ward",
    "p": "ward",
    "xa": "commune",
    "huyen": "district",
}
_ISSUER = re.compile(
    r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|hoi dong thi dua khen thuong)"
    r"\s+(quan|phuong|xa|huyen|q|p)\s+(.+)"
)
_OF_UNIT = re.compile(r"\b(?:cua|tai|tren dia ban)\s+(quan|phuong|xa|huyen)\s+(.+)")
_SIGN_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b")
_TITLE_WORDS = ("bao cao", "tong ket", "ket qua", "thi dua", "khen thuong", "kinh te xa hoi", "thanh tich")
_YEAR = re.compile(r"\bnam\s+(20\d\d|19\d\d)\b")


@dataclass
class Identity:
    unit: Unit | None = None
    year: int | None = None
    signed: date | None = None
    notes: list[str] = field(default_factory=list)


def _lines(doc: Document, limit: int = 40) -> list[str]:
    """The first lines of the body (paragraphs and the cells of early tables), then header/footer."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            lines += block.text.split("\n")
        elif isinstance(block, Table) and len(lines) < limit // 2:
            for cell in block.cells:
                lines += cell.text.split("\n")
        if len(lines) >= limit:
            break
    return [*lines, *(line for text in doc.header_footer for line in text.split("\n"))]


def _match_name(registry: UnitRegistry, rest: str, level: str | None, on: date | None) -> list[Unit]:
    """Units whose name starts ``rest`` (folded), longest name first."""
    words = rest.split()
    for n in range(min(6, len(words)), 0, -1):
        candidate = " ".join(words[:n])
        hits = registry.match(candidate, on=on, level=level) or registry.match(candidate, level=level)
        if hits:
            return hits
    return []


def identify(doc: Document, registry: UnitRegistry) -> Identity:
    ident = Identity()
    lines = [fold_key(line) for line in _lines(doc)]

    for line in lines:
        m = _SIGN_DATE.search(line)
        if m:
            try:
                ident.signed = date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                ident.notes.append(f"signing date {m[0]!r} is not a real date")
            break

    title_years = [
        int(y) for line in lines if any(w in line for w in _TITLE_WORDS) for y in _YEAR.findall(line)[:1]
    ]
    if title_years:
        ident.year = title_years[0]
    elif ident.signed:
        ident.year = ident.signed.year - 1 if ident.signed.month <= 3 else ident.signed.year
        ident.notes.append(f"year taken from the signing date {ident.signed.isoformat()}")
    else:
        every = Counter(int(y) for p in doc.paragraphs() for y in _YEAR.findall(fold_key(p.text)))
        if every:
            ident.year = every.most_common(1)[0][0]
            ident.notes.append("year taken from the year the text mentions most")

    on = ident.signed or (date(ident.year, 12, 31) if ident.year else None)
    # the issuer block is often split over two lines ("ỦY BAN NHÂN DÂN" / "PHƯỜNG CỬA NAM")
    # (in a PDF the right-hand column, the national motto, may sit between the two lines)
    joined = [
        f"{lines[i]} {lines[j]}"
        for i in range(min(15, len(lines)))
        for j in (i + 1, i + 2)
        if j < len(lines) and len(lines[i]) < 40
    ]
    found: list[Unit] = []
    for pattern in (_ISSUER, _OF_UNIT):
        for line in joined + lines:
            m = pattern.search(line)
            if m:
                found += _match_name(registry, m[2], _LEVELS.get(m[1]), on)
    if found:
        # a unit that existed on the report's date beats an earlier mention of a former one ("quận … (cũ)")
        valid = [u for u in found if on is None or u.valid_on(on)]
        ident.unit = (valid or found)[0]
        if not valid and on:
            ident.notes.append(f"{ident.unit.name} did not exist on {on.isoformat()}")
        return ident
    # last resort: a bare unit name or alias on an early line ("Q.HBT", "HOÀN KIẾM, ngày …")
    for line in lines[:15]:
        for key, unit in registry.names_by_length():
            if f" {key} " in f" {line} " and (on is None or unit.valid_on(on)):
                ident.unit = unit
                ident.notes.append(f"unit found from the bare name {key!r}")
                return ident
    return ident
