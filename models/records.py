"""Records that leave the extractor: figures with provenance, and one result per document.

Field names are the fixed contract of ``../shared/design.md`` §4–§5; ``to_dict`` is the JSON shape that
``thidua extract --json`` prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal


@dataclass(frozen=True)
class Source:
    """Where a figure came from inside its document."""

    sha256: str
    block: str  # "p12" (paragraph 12) or "t2.r5" (table 2, row 5) or "t2.r5.c3" (a cell)
    text: str  # the sentence or table row the value was read from (NFC)
    page: int | None = None  # 1-based PDF page; None for Word
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    span: tuple[int, int] | None = None  # the value's characters inside ``text`` (prose), for highlighting
    # PDF: the box of the value's own words (prose) or cell (table) on page ``value_page`` (which may
    # follow ``page`` when a paragraph runs over a page break), and of its label on the same line;
    # ``bbox`` stays the whole block's. None when not known exactly (Word files, older records).
    value_page: int | None = None
    value_bbox: tuple[float, float, float, float] | None = None
    label_bbox: tuple[float, float, float, float] | None = None


@dataclass
class Figure:
    """One indicator value for one document."""

    indicator: str
    value: float | int
    unit: str  # "VND" | "%" | "count"
    year: int | None
    confidence: float
    source: Source | None
    extractor_version: str
    flags: list[str] = field(default_factory=list)
    as_of: date | None = None  # cut-off date of a partial-period value
    is_estimate: bool = False  # "ước" (estimated outturn)
    basis: str | None = None  # "estimate" | "plan" | "previous_year" for percentages
    hedge: str | None = None  # "hơn", "trên", "gần", "khoảng" as written
    derived: bool = False  # computed from other figures, not written in the report
    notes: list[str] = field(default_factory=list)  # human-readable reasons behind the flags
    alternatives: list[dict[str, Any]] = field(default_factory=list)  # other candidates considered

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat() if self.as_of else None
        if self.source is not None:
            out["source"]["bbox"] = list(self.source.bbox) if self.source.bbox else None
            out["source"]["span"] = list(self.source.span) if self.source.span else None
            for key in ("value_bbox", "label_bbox"):
                box = getattr(self.source, key)
                out["source"][key] = list(box) if box else None
        return out


@dataclass
class UnitRef:
    id: str
    name: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class ProposedUnit:
    """The issuing body of the header when the units registry does not know it (document flag
    ``unknown_unit``): what an admin registers in one step (``thidua unit register ID``). ``level`` is a
    registry level (:data:`models.units.LEVELS`); ``header`` is the issuer block as written."""

    id: str  # slug of the name, diacritics stripped: "huyen-que-vo"
    name: str  # "Huyện Quế Võ", "Tỉnh đoàn Thanh Hóa"
    level: str  # "district", "ward", "commune", "province", "department", "organisation"
    short: str = ""  # the bare place name ("Quế Võ"); the name itself for an organisation
    city: str = ""  # the province or centrally-run city when the header states it ("Bắc Ninh")
    header: str = ""  # "UBND TỈNH BẮC NINH / UBND HUYỆN QUẾ VÕ"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProposedUnit:
        return cls(**{k: str(data.get(k) or "") for k in ("id", "name", "level", "short", "city", "header")})


@dataclass
class DocumentResult:
    """What extraction says about one submitted file."""

    path: str
    sha256: str
    format: str
    # "failed": reading or extraction crashed on a fault of thidua's, not of the file (``error`` says so)
    status: Literal["ok", "rejected", "failed"]
    error: str | None = None
    unit: UnitRef | None = None
    # set (and ``unit`` left None) when the issuer is not in the registry; flagged ``unknown_unit``
    proposed_unit: ProposedUnit | None = None
    year: int | None = None
    pages: int | None = None
    figures: list[Figure] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # document-level reasons (missing_required, …)
    notes: list[str] = field(default_factory=list)
    extractor_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "status": self.status,
            "error": self.error,
            "unit": self.unit.to_dict() if self.unit else None,
            "proposed_unit": self.proposed_unit.to_dict() if self.proposed_unit else None,
            "year": self.year,
            "pages": self.pages,
            "extractor_version": self.extractor_version,
            "flags": self.flags,
            "notes": self.notes,
            "figures": [f.to_dict() for f in self.figures],
        }

    @property
    def unit_id(self) -> str | None:
        """The registered unit's id, else the proposed one's (then ``unknown_unit`` is among the flags)."""
        if self.unit is not None:
            return self.unit.id
        return self.proposed_unit.id if self.proposed_unit else None

    def figure(self, indicator: str) -> Figure | None:
        return next((f for f in self.figures if f.indicator == indicator), None)
