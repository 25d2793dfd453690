"""Small readings of a sentence the rule engine relies on: which roles a lexicon hit plays, where a noun
phrase ends, which year a clause is about, and the cut-off date of a partial-period statement."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from extractors.catalogue import Catalogue
from extractors.pipeline import Hit

WINDOW_BREAKS = {",", ";", ".", "(", ")", ":", "\n"}
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")


def has(h: Hit, kind: str) -> bool:
    return any(k == kind for k, _ in h.roles)


def plays(h: Hit, kind: str, cat: Catalogue) -> bool:
    return (kind, cat.name) in h.roles


def first(h: Hit, kind: str) -> str:
    return next(name for k, name in h.roles if k == kind)


def phrase_end(doc: Doc, start: int, limit: int) -> int:
    """First token at or after ``start`` that ends a noun phrase: punctuation outside quotation marks."""
    quoted = False
    for t in doc[start:limit]:
        if t.text in {"“", "”", '"', "«", "»"}:
            quoted = t.text in {"“", "«"} or (t.text == '"' and not quoted)
        elif not quoted and t.text in WINDOW_BREAKS:
            return t.i
    return limit


def inside_longer(h: Hit, others: list[Hit]) -> bool:
    return any(
        o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in others
    )


def rank(d: tuple[float, int]) -> tuple[float, int]:
    return (d[0], -d[1])


def year_before(doc: Doc, start: int, end: int) -> int | None:
    """The last "năm YYYY" before the number in its sentence that is not a comparison ("so với năm …")."""
    year = None
    for t in doc[start:end]:
        if t.norm_ == "nam" and t.i + 1 < end:
            nxt = doc[t.i + 1]
            if nxt.is_digit and len(nxt.text) == 4 and 1990 <= int(nxt.text) <= 2100:
                before = {doc[j].norm_ for j in range(max(start, t.i - 2), t.i)}
                if not before & {"voi", "ky", "sanh"}:
                    year = int(nxt.text)
    return year


def cut_off(
    doc: Doc, hits: list[Hit], sent: Span, report_year: int | None, periods: dict[str, str]
) -> date | None:
    """The cut-off date of a partial-period sentence ("tính đến ngày 15/12", "9 tháng"), None otherwise;
    "tính đến ngày 31/12" is the whole year."""
    year = report_year or date.today().year
    for h in hits:
        if has(h, "cutoff"):
            for t in doc[h.end : min(h.end + 4, sent.end)]:
                m = _DATE.match(t.text)
                if m:
                    d, mth, y = int(m[1]), int(m[2]), int(m[3] or year)
                    try:
                        day = date(y, mth, d)
                    except ValueError:
                        return None
                    return None if (day.month, day.day) == (12, 31) else day
        if has(h, "period"):
            mm, dd = periods[first(h, "period")].split("-")
            return date(year, int(mm), int(dd))
    return None
