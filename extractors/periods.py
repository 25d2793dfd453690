"""Periods shorter than the year, read from a sentence, a section heading or the report's title.

A figure "trong 9 tháng đầu năm", "lũy kế đến tháng 10", "tính đến đầu tháng 11/2025" or "tính đến
ngày 15-12" covers less than the year: it carries ``as_of`` (the last day it covers) and resolution
flags it ``partial_period``. Where the sentence says nothing, the heading of its section may
("I. KẾT QUẢ 6 THÁNG ĐẦU NĂM"), and where neither does, the title of the report ("BÁO CÁO Sơ kết
công tác thi đua, khen thưởng 9 tháng đầu năm 2025"): a report for part of the year is partial in
every figure. A sentence about the whole year ("ước cả năm", "tính đến ngày 31/12") stops both.

These readings work on folded text (``models.text.fold``: diacritics and case removed), so "chín tháng
đầu năm" and "CHÍN THÁNG ĐẦU NĂM" read alike; the lexicon's period phrases (``cutoff``, ``periods``)
are read by :func:`extractors.clauses.cut_off` first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from models.text import fold

# Month counts as words, folded ("sáu" -> "sau", "năm" -> "nam"); longest first for the alternation.
_COUNT_WORDS = {
    "muoi hai": 12,
    "muoi mot": 11,
    "muoi": 10,
    "chin": 9,
    "tam": 8,
    "bay": 7,
    "sau": 6,
    "nam": 5,
    "bon": 4,  # not "tư": folded it is "từ", as in "từ tháng đầu năm"
    "ba": 3,
    "hai": 2,
    "mot": 1,
}
_COUNT = r"\b(\d{1,2}|" + "|".join(_COUNT_WORDS) + r")"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3}

# "9 tháng đầu năm", "chín tháng năm 2025", "trong 10 tháng qua": N months from January
_FIRST_MONTHS = re.compile(_COUNT + r" thang (?:dau nam|nam (?:19|20)\d\d|qua)\b")
# "lũy kế 10 tháng", "lũy kế mười tháng": the cumulative value of N months
_CUMULATIVE_MONTHS = re.compile(r"\bluy ke " + _COUNT[2:] + r" thang\b")
# "6 tháng" alone in a title ("Báo cáo 6 tháng"), not "6 tháng cuối năm" (the plans of a mid-year report)
_MONTHS_ALONE = re.compile(_COUNT + r" thang\b(?! cuoi)")
# "quý I", "quý III năm 2025" (quý IV ends the year: not partial); "quí I" is the same word
_QUARTER = re.compile(r"\bqu[yi] (iii|ii|i|[123])\b")  # "quý", also spelt "quí"
# "lũy kế đến tháng 9", "tính đến hết tháng 10/2025", "đến hết tháng 11" (not "từ tháng 3 đến tháng 11":
# a stretch of the year in which something was done, not a cumulative figure)
_TO_MONTH = re.compile(
    r"\b(?:(?:luy ke|tinh)(?: tu dau nam)? den(?: het)?|den het) thang (\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\b"
)
# "tính đến đầu tháng 11/2025": the month before is the last one covered
_TO_START_OF_MONTH = re.compile(r"\bden (?:dau|truoc) thang (\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\b")
# "tính đến ngày 15-12", "đến ngày 15.12.2025" (the lexicon reads "15/12")
_TO_DAY = re.compile(r"\bden (?:het )?ngay (\d{1,2})\s*[-.]\s*(\d{1,2})(?:\s*[-.]\s*((?:19|20)\d\d))?\b")
# the whole year, said outright: overrides a heading's or a title's period
_WHOLE_YEAR = re.compile(r"\b(?:ca nam|ca nam (?:19|20)\d\d|12 thang|muoi hai thang)\b")


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNT_WORDS[text]


def _month_end(year: int, month: int) -> date | None:
    """The last day of ``month``; None for December (the whole year) or a month that is no month."""
    if not 1 <= month <= 11:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def sentence_period(text: str, report_year: int | None) -> date | None:
    """The last day a sentence's figures cover when it names a period shorter than the year."""
    return _read(fold(text), report_year or date.today().year, titles=False)


def says_whole_year(text: str) -> bool:
    """The sentence names the whole year ("ước cả năm", "12 tháng"): no heading or title period."""
    return bool(_WHOLE_YEAR.search(fold(text)))


def heading_period(text: str, report_year: int | None) -> date | None:
    """The period a section heading or the report's title names ("6 tháng đầu năm", "quý III")."""
    return _read(fold(text), report_year or date.today().year, titles=True)


def _read(folded: str, year: int, *, titles: bool) -> date | None:
    m = _TO_DAY.search(folded)
    if m:
        try:
            day = date(int(m[3] or year), int(m[2]), int(m[1]))
        except ValueError:
            return None
        return None if (day.month, day.day) == (12, 31) else day
    m = _TO_START_OF_MONTH.search(folded)
    if m:
        month = int(m[1])
        if not 2 <= month <= 12:
            return None
        return date(int(m[2] or year), month, 1) - timedelta(days=1)
    m = _TO_MONTH.search(folded)
    if m:
        return _month_end(int(m[2] or year), int(m[1]))
    m = (
        _FIRST_MONTHS.search(folded)
        or _CUMULATIVE_MONTHS.search(folded)
        or (_MONTHS_ALONE.search(folded) if titles else None)
    )
    if m:
        return _month_end(year, _count(m[1]))
    m = _QUARTER.search(folded) if titles else None
    if m:
        return _month_end(year, 3 * _ROMAN[m[1]])
    return None


def title_period(texts: list[str], report_year: int | None) -> tuple[date | None, str]:
    """The period the report's title names, and the title: the line that starts with "Báo cáo" among
    the first paragraphs, with the two lines after it (titles are set over several lines)."""
    for k, text in enumerate(texts[:25]):
        if fold(text).lstrip().startswith("bao cao"):
            lines = [text]
            for line in texts[k + 1 : k + 3]:
                if len(line) >= 200 or _NUMBERED.match(fold(line)):  # the body has begun
                    break
                lines.append(line)
            title = " ".join(lines)
            return heading_period(title, report_year), title
    return None, ""


_NUMBERED = re.compile(r"\s*(?:[ivx]+|\d{1,2}|[a-d])[.)]\s")  # "I. KẾT QUẢ …", "1. Thu ngân sách"
