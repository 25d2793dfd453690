"""Candidates: what the rule components and table readers propose before resolution picks one figure
per indicator."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extractors.document import BBox, Locator


@dataclass
class BlockContext:
    """What a block's rules need to know about the document around it."""

    report_year: int | None = None
    future_section: bool = False  # under a "Phương hướng, nhiệm vụ năm N+1" heading
    heading_topic: str | None = None  # topic named by the nearest heading above ("1. Thu ngân sách")
    locator: Locator | None = None
    # "district" | "ward": decides whether "phường X" is the unit or a part of it
    unit_level: str | None = None
    repairs: tuple[str, ...] = ()  # the block's text came from OCR or a repair: its figures say so


@dataclass
class Candidate:
    indicator: str
    value: float
    unit: str
    confidence: float
    origin: str  # "prose" | "table"
    catalogue: str
    text: str  # the sentence or table row
    locator: Locator | None = None
    span: tuple[int, int] | None = None  # the value's characters inside ``text``
    hedge: str | None = None
    is_estimate: bool = False
    as_of: date | None = None
    basis: str | None = None
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    derived: bool = False
    flags: list[str] = field(default_factory=list)  # reasons known when the candidate is made (ocr_text, …)
    # PDF: where the value itself is printed (its words, or its table cell) and its label on the same
    # line; set after the rules by extractors.value_boxes, None when not known exactly
    value_page: int | None = None
    value_bbox: BBox | None = None
    label_bbox: BBox | None = None

    def describe(self) -> dict:
        return {
            "value": self.value,
            "confidence": round(self.confidence, 3),
            "origin": self.origin,
            "catalogue": self.catalogue,
            "block": self.locator.block if self.locator else None,
            "page": self.locator.page if self.locator else None,
            "text": self.text,
        }
