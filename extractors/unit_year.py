"""Which unit submitted the report, and for which year.

The unit comes from the issuer block ("UBND QUẬN HOÀN KIẾM", "ỦY BAN NHÂN DÂN PHƯỜNG CỬA NAM"), else from
the title or first lines ("… của quận Hai Bà Trưng"), resolved against the units registry on the report's
date: names are reused ("Hoàn Kiếm" is a district until 30/6/2025, a ward after). When the registry knows
none of those names, the issuing body of the header (:mod:`extractors.issuer`: "UBND HUYỆN QUẾ VÕ, TỈNH
BẮC NINH", "TỈNH ĐOÀN THANH HÓA") is the *proposed* unit, with its level and a slug id; the document is
flagged ``unknown_unit`` and an admin registers the unit in one step (``thidua unit register ID``). The
year comes from the title ("… năm 2021"), else from the signing date (a report signed in January–March
is about the year before), else from the year the text mentions most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from extractors.document import Document, Paragraph, Table
from extractors.issuer import IssuingBody, issuing_body
from models.records import ProposedUnit, UnitRef
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
    proposed: ProposedUnit | None = None  # the header's issuer, when the registry knows no unit here

    def unit_ref(self) -> UnitRef | None:
        return UnitRef(self.unit.id, self.unit.name) if self.unit else None

    @property
    def level(self) -> str | None:
        """The unit's level, or the proposed unit's: it chooses the plausible ranges of the figures."""
        if self.unit is not None:
            return self.unit.level
        return self.proposed.level if self.proposed else None


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


def _registered(registry: UnitRegistry, body: IssuingBody, on: date | None) -> Unit | None:
    """The registry's unit for an issuing body the issuer patterns did not resolve (a unit an admin
    registered from a header: by its id, its name, or its bare name at its level)."""
    hits = [u for u in registry.units if u.id == body.id]
    hits += registry.match(body.name, on=on) or registry.match(body.name)
    if body.government:
        hits += registry.match(body.short, on=on, level=body.level)
    return next((u for u in hits if on is None or u.valid_on(on)), None)


def _names_registered(registry: UnitRegistry, body: IssuingBody) -> bool:
    """Whether the header names a registered unit ("BAN THI ĐUA - KHEN THƯỞNG QUẬN HOÀN KIẾM"): then the
    body is part of that unit, which the title or a bare name may still tell, as they did before."""
    header = f" {fold_key(body.header)} "
    return any(f" {key} " in header for u in registry.units for key in u.name_keys() if " " in key)


def _propose(ident: Identity, body: IssuingBody) -> Identity:
    ident.proposed = ProposedUnit(body.id, body.name, body.level, body.short, body.city, body.header)
    ident.notes.append(
        f"the issuer «{body.header}» is not in the units registry: proposed unit {body.id} "
        f"({body.name}, {body.level}); register it with `thidua unit register {body.id}`"
    )
    return ident


def identify(doc: Document, registry: UnitRegistry) -> Identity:
    ident = Identity()
    raw = _lines(doc)
    lines = [fold_key(line) for line in raw]

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
    body: IssuingBody | None = None
    for pattern in (_ISSUER, _OF_UNIT):
        if pattern is _OF_UNIT and not found and (body := issuing_body(raw)) is not None:
            # the header names a body the issuer patterns do not know: a registered one, or a proposal
            # that the weaker evidence below (a unit named in the title, a bare name) must not override
            ident.unit = _registered(registry, body, on)
            if ident.unit is not None:
                ident.notes.append(f"unit {ident.unit.id} found from the issuer «{body.header}»")
                return ident
            if (body.government and body.level != "province") or not _names_registered(registry, body):
                return _propose(ident, body)
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
    return _propose(ident, body) if body is not None else ident
