"""Small readings of a sentence the rule engine relies on: which roles a lexicon hit plays, where a noun
phrase ends, which year a clause is about, and the cut-off date of a partial-period statement."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from extractors.catalogue import Catalogue
from extractors.reading import Hit
from extractors.tokens import Tokens

WINDOW_BREAKS = {",", ";", ".", "(", ")", ":", "\n"}
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")


def has(h: Hit, kind: str) -> bool:
    return kind in h.kinds


def plays(h: Hit, kind: str, cat: Catalogue) -> bool:
    return (kind, cat.name) in h.role_set


def first(h: Hit, kind: str) -> str:
    return next(name for k, name in h.roles if k == kind)


_QUOTES = {"“", "”", '"', "«", "»"}


def _quote_state(quoted: bool, text: str) -> bool:
    return text in {"“", "«"} or (text == '"' and not quoted)


def phrase_end(tokens: Tokens, start: int, limit: int, scan_from: int | None = None) -> int:
    """First token at or after ``start`` that ends a noun phrase: punctuation outside quotation marks.
    ``scan_from`` (≤ ``start``): where the quotation marks are counted from, so that a phrase started
    inside a quotation ("gương “Người tốt, việc tốt”", whose noun ends before the closing mark) does
    not take the closing mark for an opening one."""
    words = tokens.words
    quoted = False
    for i in range(start if scan_from is None else scan_from, start):
        if words[i] in _QUOTES:
            quoted = _quote_state(quoted, words[i])
    for i in range(start, min(limit, len(words))):
        text = words[i]
        if text in _QUOTES:
            quoted = _quote_state(quoted, text)
        elif not quoted and text in WINDOW_BREAKS:
            return i
    return limit


def rank(d: tuple[float, int]) -> tuple[float, int]:
    return (d[0], -d[1])


class YearMentions:
    """The "năm YYYY" of a sentence that are not comparisons ("so với năm …"), read as far as asked.

    :meth:`before` is asked with growing ``end`` (the numbers of a sentence in order); a mention is read
    once, when it first lies before ``end``."""

    def __init__(self, tokens: Tokens, start: int) -> None:
        self.tokens = tokens
        self.start = start
        self._next = start  # the next token to look at
        self._ends: list[int] = []  # the year token + 1 of each mention, in order
        self._years: list[int] = []

    def before(self, end: int) -> int | None:
        """The year of the last mention whose year lies before token ``end``."""
        norm, words, digit = self.tokens.norm, self.tokens.words, self.tokens.digit
        while self._next + 1 < end:
            i = self._next
            self._next += 1
            if (
                norm[i] == "nam"
                and digit[i + 1]
                and len(words[i + 1]) == 4
                and 1990 <= int(words[i + 1]) <= 2100
            ):
                before = {norm[j] for j in range(max(self.start, i - 2), i)}
                if not before & {"voi", "ky", "sanh"}:
                    self._ends.append(i + 1)
                    self._years.append(int(words[i + 1]))
        k = bisect_left(self._ends, end) - 1
        return self._years[k] if k >= 0 else None


def cut_off(
    tokens: Tokens, hits: list[Hit], sentence_end: int, report_year: int | None, periods: dict[str, str]
) -> date | None:
    """The cut-off date of a partial-period sentence ("tính đến ngày 15/12", "9 tháng"), None otherwise;
    "tính đến ngày 31/12" is the whole year."""
    year = report_year or date.today().year
    for h in hits:
        if has(h, "cutoff"):
            for text in tokens.words[h.end : min(h.end + 4, sentence_end)]:
                m = _DATE.match(text)
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
