"""The project's one Vietnamese number and quantity lexer: all number grammar lives here.

Conventions (Vietnamese official reports, see shared/domain.md §2.3–2.4):

* **Input and offsets.** Every function normalises with ``extractors.text.nfc``; ``Quantity.start/end``
  and ``hedge_start`` index ``nfc(text)``. Pass NFC text (the output of ``nfc``, which is idempotent)
  and the offsets index your own string. Scale, currency and hedge words are matched exactly (with
  diacritics, any case); context words before a number (hedges, "năm", "ngày") are matched folded.
* **Separators.** ``.`` groups thousands and ``,`` is the decimal mark: "12.345,6" = 12345.6, "13.200"
  = 13200, "386,215" = 386.215 (one comma is always a decimal mark). A dot followed by a group that is
  not exactly three digits is an English decimal point ("12.5"); several commas with three-digit groups
  are English thousands ("1,234,567"); "1,234.5" is English too. Leading zeros are fine ("05", "06/6").
  Other shapes ("1.2.3", "15.12.2021") are not numbers. Signs are never read: "- 12" is a bullet.
* **Scales and money.** nghìn/ngàn 10^3, vạn 10^4, triệu/tr 10^6, tỷ/tỉ 10^9, nghìn tỷ/ngàn tỷ 10^12;
  "429 tỷ 173 triệu" adds up. A quantity is ``money`` (exact VND, computed with Decimal) when a currency
  word follows (đồng, đ, VNĐ, VND, tr.đ) or its scale is triệu or larger ("13.200 tỷ, bằng …" is money).
  "29 vạn", "5 nghìn" without currency are ``number`` with the scale applied. USD amounts are ``number``
  with unit "USD". ``count`` is never produced here: callers turn a ``number`` into a count by its noun.
* **Percent and ratio.** "147,4%", "147,4 %", "147,4 phần trăm" -> percent 147.4. "17/18", "06/6",
  "6/30" -> ratio. Not quantities at all: dates ("15/12/2021", "ngày 15/12", "15/12" where day > month,
  "tháng 12/2021", anything "/<year>"), document numbers ("23/KH-HĐTĐKT", "98/2023/NĐ-CP"), times.
* **Years** 1945–2100 after "năm", "giai đoạn", "nhiệm kỳ", "năm học", "niên khóa/độ", or in a range
  "2021-2025", are skipped; so are "ngày 15" and "tháng 12". Any other bare number is ``number``.
* **Ranges** "6,6-6,8", "5-7 tỷ đồng": both ends are emitted; the first borrows the second's %, scale
  or currency when it has none. "từ 7,5% đến 8%" is simply two percents.
* **Hedges** are the words right before the number, kept whole as written: "ước", "ước đạt", "ước thực
  hiện", "ước tính", "hơn", "trên", "dưới", "gần", "gần như", "khoảng", "xấp xỉ", "trên dưới", "đạt
  hơn", "đạt gần", "ước đạt hơn" … "đạt" alone is not a hedge. ``Quantity.text`` excludes the hedge;
  ``is_estimate`` and ``comparator`` split it for callers.
* **Words** ("hai mươi mốt phong trào") are read by ``extractors.number_words`` (rules there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal, NamedTuple

from extractors.number_words import find_number_words, format_count_words, parse_vietnamese_count_words
from extractors.text import fold, nfc

__all__ = [
    "Quantity",
    "QuantityKind",
    "find_quantities",
    "format_count_words",
    "format_number",
    "parse_number",
    "parse_quantity",
    "parse_vietnamese_count_words",
]

QuantityKind = Literal["money", "percent", "ratio", "count", "number"]


@dataclass(frozen=True)
class Quantity:
    kind: QuantityKind
    value: float  # money in VND; percent as written (112.2); number as written; ratio: num/den
    start: int  # offsets into nfc(text)
    end: int
    text: str  # text[start:end]: number with its scale/currency/% but without the hedge
    unit: str  # "VND" | "%" | "ratio" | "USD" | "" (bare number)
    scale: str | None = None  # the scale word as written: "tỷ", "nghìn tỷ", "vạn" …
    hedge: str | None = None  # the whole hedge phrase as written: "ước đạt", "hơn", "đạt gần" …
    hedge_start: int | None = None
    numerator: float | None = None
    denominator: float | None = None
    from_words: bool = False  # written in words ("hai mươi mốt")
    decimals: int = 0  # digits after the decimal mark as written ("386,215" -> 3)

    @property
    def is_estimate(self) -> bool:
        """True when the hedge says "ước" (an estimated outturn)."""
        return self.hedge is not None and "uoc" in fold(self.hedge).split()

    @property
    def comparator(self) -> str | None:
        """The comparative part of the hedge as written ("hơn", "trên dưới", "khoảng" …), if any."""
        if self.hedge is None:
            return None
        m = _COMPARATOR_RE.search(fold(self.hedge))
        return self.hedge[m.start() :] if m else None


# --- numbers ------------------------------------------------------------------------------------------

# ASCII digits only: \d would also accept other scripts' digits, which no report uses.
_NUM = r"[0-9]+(?:[.,][0-9]+)*"
_NUM_FULL_RE = re.compile(_NUM)


def _grouped(part: str, sep: str) -> bool:
    """Thousands grouping like "1.234.567": a first group of 1–3 digits (no leading 0), then groups of 3."""
    groups = part.split(sep)
    if len(groups) == 1:
        return True
    first = groups[0]
    return 1 <= len(first) <= 3 and first[0] != "0" and all(len(g) == 3 for g in groups[1:])


def _parse_decimal(token: str) -> tuple[Decimal, int] | None:
    """(exact value, decimals as written) of a token matching ``_NUM``; None for impossible shapes."""
    dots, commas = token.count("."), token.count(",")
    if not dots and not commas:
        return Decimal(token), 0
    if dots and commas:
        last = max(token.rfind("."), token.rfind(","))
        mark = token[last]
        thousands = "," if mark == "." else "."
        whole, frac = token[:last], token[last + 1 :]
        if token.count(mark) != 1 or not _grouped(whole, thousands):
            return None
        return Decimal(whole.replace(thousands, "") + "." + frac), len(frac)
    sep = "." if dots else ","
    if sep == "," and commas == 1:
        whole, frac = token.split(",")  # Vietnamese decimal comma, even "429,173"
        return Decimal(whole + "." + frac), len(frac)
    if _grouped(token, sep):
        return Decimal(token.replace(sep, "")), 0
    if sep == "." and dots == 1:
        whole, frac = token.split(".")  # "12.5": an English decimal point
        return Decimal(whole + "." + frac), len(frac)
    return None


def parse_number(token: str) -> float | None:
    """A bare number token in Vietnamese (or unambiguous English) notation; None otherwise.

    "12.345,6" -> 12345.6, "13.200" -> 13200.0, "0,5" -> 0.5, "1,234,567" -> 1234567.0, "-5" -> None.
    """
    s = nfc(token)
    if not _NUM_FULL_RE.fullmatch(s):
        return None
    parsed = _parse_decimal(s)
    return None if parsed is None else float(parsed[0])


def format_number(value: float, decimals: int = 0) -> str:
    """Vietnamese notation, rounded half-up: 12345.6 -> "12.345,6" (decimals=1), 13200 -> "13.200"."""
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    exact = Decimal(str(value))  # str() is the shortest round-trip repr: 0.1 stays 0.1
    if not exact.is_finite():
        raise ValueError(f"cannot format {value!r}")
    with localcontext() as ctx:
        ctx.prec = max(60, exact.adjusted() + decimals + 5)
        q = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        whole, _, frac = f"{abs(q):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("-" if q < 0 else "") + grouped + ("," + frac if decimals else "")


# --- lexer tables ---------------------------------------------------------------------------------------

# A number token, optionally "a/b" or "a/b/c". Not inside a word or code ("H1/2022", "COVID-19", "UBTVQH15"),
# not the tail of a longer number, not after "8:" (times).
_TOKEN_RE = re.compile(
    rf"(?<![\w/])(?<![0-9][.,:])(?<![^\W\d_][-–—])({_NUM})(?: ?/ ?({_NUM})(?: ?/ ?([0-9]+))?)?"
)
# A document number: "23/KH-…", "98/2023/NĐ-CP", Party style "45-KH/TU", "05-CT/TW".
_DOC_RE = re.compile(r" ?/ ?[^\W\d_]|[-–][^\W\d_]+/")
_TIME_RE = re.compile(r"[:h][0-9]")  # a time: "14:00", "8h30"
_DASH_RE = re.compile(r" ?[-–—] ?")
_PCT_RE = re.compile(r" ?(?:%|phần trăm(?!\w))", re.IGNORECASE)
# "tỷ lệ", "tỷ trọng" (rate, share) and "triệu tập" (convene) are words of their own.
_SCALE_RE = re.compile(
    r" ?(nghìn tỷ|nghìn tỉ|ngàn tỷ|ngàn tỉ|(?:tỷ|tỉ)(?! (?:lệ|trọng|số)(?!\w))|triệu(?! tập)"
    r"|nghìn|ngàn|vạn|tr)(?!\w)",
    re.IGNORECASE,
)
_SCALES = {"nghìn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỷ": 10**12, "ngàn tỉ": 10**12, "tỷ": 10**9,
           "tỉ": 10**9, "triệu": 10**6, "tr": 10**6, "vạn": 10**4, "nghìn": 10**3, "ngàn": 10**3}  # fmt: skip
# The lower parts of "429 tỷ 173 triệu (đồng)".
_COMPOUND_RE = re.compile(r" ([0-9]{1,3}) ?(tỷ|tỉ|triệu|nghìn|ngàn)(?!\w)", re.IGNORECASE)
# "đồng" after a number is money except in "03 đồng chí", "đồng thời", "đồng bào" …; "03 đ/c" is comrades.
_CUR_RE = re.compile(
    r" ?(?:đồng(?! (?:chí|bào|thời|ý|loạt|bộ|chủ|hành|đều|tâm|lòng|nghiệp|hương|minh|đội|phục|cảm|tình|sức"
    r"|bằng|ruộng|hồ|diễn|lúa|nát)(?!\w))|vnđ|vnd|đ(?!/c))(?!\w)",
    re.IGNORECASE,
)
_TRD_RE = re.compile(r"\.?đ(?!\w)", re.IGNORECASE)  # "tr.đ", "trđ"
_USD_RE = re.compile(r" ?(?:usd|đô la|đô-la)(?!\w)", re.IGNORECASE)

_HEDGE_WORD = r"(?:tren duoi|xap xi|gan nhu|khoang|hon|tren|gan|duoi)"
# Matched on the folded text just before the number; the leftmost start wins, so the longest phrase.
_HEDGE_RE = re.compile(
    rf"(?<![a-z0-9])(?:uoc(?: tinh)?(?: (?:dat|thuc hien))?(?: duoc)?(?: {_HEDGE_WORD})?"
    rf"|(?:dat )?{_HEDGE_WORD}) $"
)
_COMPARATOR_RE = re.compile(rf"{_HEDGE_WORD}$")
_PREV2_RE = re.compile(r"(?:(\w+) )?(\w+) $")
_YEAR_PREV = {"nam", "giai doan", "nhiem ky", "nam hoc", "nien khoa", "nien do"}
# Folded words before "d/m" that make it a date: "ngày 5/6", "đến 30/6", "từ 1/7", "sáng 12/3".
_DATE_PREV = {
    "ngay", "hom", "sang", "trua", "chieu", "toi", "dem", "den", "tu", "sau", "truoc", "han", "mung", "mong",
}  # fmt: skip


class _Suffix(NamedTuple):
    end: int
    kind: QuantityKind
    unit: str
    scale: str | None
    factor: int
    extra: Decimal  # lower parts of a compound amount, already in VND


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1945 <= int(token) <= 2100


def _prev_words(folded: str, start: int) -> tuple[str, str]:
    """The two folded words right before ``start`` (separated by single spaces), "" when absent."""
    m = _PREV2_RE.search(folded, max(0, start - 24), start)
    return (m.group(1) or "", m.group(2)) if m else ("", "")


def _hedge(t: str, folded: str, start: int) -> tuple[str | None, int | None]:
    m = _HEDGE_RE.search(folded, max(0, start - 32), start)
    return (t[m.start() : m.end() - 1], m.start()) if m else (None, None)


def _suffix(t: str, pos: int) -> _Suffix:
    m = _PCT_RE.match(t, pos)
    if m:
        return _Suffix(m.end(), "percent", "%", None, 1, Decimal(0))
    end, scale, factor, extra = pos, None, 1, Decimal(0)
    m = _SCALE_RE.match(t, pos)
    if m:
        scale, end = m.group(1), m.end()
        factor = last = _SCALES[scale.lower()]
        while (c := _COMPOUND_RE.match(t, end)) and _SCALES[c.group(2).lower()] < last:
            last = _SCALES[c.group(2).lower()]
            extra += int(c.group(1)) * last
            end = c.end()
        if scale.lower() == "tr" and (d := _TRD_RE.match(t, end)):
            return _Suffix(d.end(), "money", "VND", scale, factor, extra)
    if m := _USD_RE.match(t, end):
        return _Suffix(m.end(), "number", "USD", scale, factor, extra)
    if m := _CUR_RE.match(t, end):
        return _Suffix(m.end(), "money", "VND", scale, factor, extra)
    if factor >= 10**6:  # "13.200 tỷ" alone is money in these reports
        return _Suffix(end, "money", "VND", scale, factor, extra)
    return _Suffix(end, "number", "", scale, factor, extra)


def _ratio(t: str, folded: str, m: re.Match[str], prev: str) -> Quantity | None:
    a, b = m.group(1), m.group(2)
    num, den = _parse_decimal(a), _parse_decimal(b)
    if num is None or den is None or den[0] == 0 or _is_year(b):
        return None  # "tháng 12/2021", "H1/2022" and "98/2023" end in a year: never a ratio
    date_like = not num[1] and not den[1] and 1 <= num[0] <= 31 and 1 <= den[0] <= 12
    if date_like and (num[0] > den[0] or prev in _DATE_PREV):
        return None  # "15/12" (a ratio is at most 1), "ngày 5/6", "đến 30/6": dates
    hedge, hedge_start = _hedge(t, folded, m.start())
    return Quantity(
        "ratio", float(num[0] / den[0]), m.start(), m.end(), m.group(), "ratio",
        hedge=hedge, hedge_start=hedge_start, numerator=float(num[0]), denominator=float(den[0]),
        decimals=num[1],
    )  # fmt: skip


def _single(t: str, folded: str, m: re.Match[str], inherit: _Suffix | None = None) -> Quantity | None:
    """The quantity of one token match, or None when the token is not a quantity."""
    a, b, c = m.groups()
    start, end = m.start(), m.end()
    if c is not None or _DOC_RE.match(t, end) or _TIME_RE.match(t, end):
        return None  # a dd/mm/yyyy date, a document number or a time
    w1, w2 = _prev_words(folded, start)
    if b is not None:
        return _ratio(t, folded, m, w2)
    parsed = _parse_decimal(a)
    if parsed is None:
        return None
    num, decimals = parsed
    if _is_year(a) and (w2 in _YEAR_PREV or f"{w1} {w2}" in _YEAR_PREV):
        return None
    day = w2 in ("ngay", "mung", "mong") and 1 <= num <= 31
    if len(a) <= 2 and a.isdigit() and (day or (w2 == "thang" and 1 <= num <= 12)):
        return None  # "ngày 15", "tháng 12": parts of a date
    sfx = _suffix(t, end)
    if sfx.end == end:
        if inherit is not None:
            sfx = inherit._replace(end=end, extra=Decimal(0))
        elif end < len(t) and t[end].isalpha():
            return None  # glued to letters: "100m2", "27451HD"
    with localcontext() as ctx:
        ctx.prec = 60  # exact VND for any realistic amount: 386,215 tỷ -> 386215000000
        value = num * sfx.factor + sfx.extra
    hedge, hedge_start = _hedge(t, folded, start)
    return Quantity(
        sfx.kind, float(value), start, sfx.end, t[start : sfx.end], sfx.unit, scale=sfx.scale,
        hedge=hedge, hedge_start=hedge_start, decimals=decimals,
    )  # fmt: skip


def _joined(t: str, m: re.Match[str], n: re.Match[str]) -> bool:
    """m and n are plain numbers joined by a dash: "6,6-6,8", "2021 – 2025"."""
    return m.group(2) is None and n.group(2) is None and bool(_DASH_RE.fullmatch(t, m.end(), n.start()))


def _is_date_triple(t: str, m: re.Match[str], n: re.Match[str], y: re.Match[str]) -> bool:
    """A date written "15-12-2021": three plain numbers joined by single dashes, the last a year."""
    tight = n.start() == m.end() + 1 and y.start() == n.end() + 1
    return tight and _is_year(y.group(1)) and _joined(t, n, y)


def _digit_quantities(t: str, folded: str) -> list[Quantity]:
    toks = list(_TOKEN_RE.finditer(t))
    out: list[Quantity] = []
    last_end = 0
    i = 0
    while i < len(toks):
        m = toks[i]
        n = toks[i + 1] if i + 1 < len(toks) and _joined(t, m, toks[i + 1]) else None
        if n is not None and _is_year(m.group(1)) and _is_year(n.group(1)):
            i += 2  # "2021-2025", "2022 – 2023": a period
            continue
        if n is not None and i + 2 < len(toks) and _is_date_triple(t, m, n, toks[i + 2]):
            i += 3  # "15-12-2021": a date
            continue
        i += 1
        if m.start() < last_end:
            continue  # already read as the lower part of "429 tỷ 173 triệu"
        inherit = None
        if n is not None:
            sfx = _suffix(t, n.end())
            if sfx.end > n.end() and (sfx.kind != "number" or sfx.scale):
                inherit = sfx
        q = _single(t, folded, m, inherit)
        if q is not None:
            out.append(q)
            last_end = q.end
    return out


_ANY_DIGIT = re.compile(r"\d")  # a regex scan, not a Python loop over every character


def find_quantities(text: str) -> list[Quantity]:
    """All quantities of a sentence, in order and non-overlapping; offsets index ``nfc(text)``."""
    t = nfc(text)
    if not t:
        return []
    folded = fold(t)
    found = _digit_quantities(t, folded) if _ANY_DIGIT.search(t) else []
    spans = [(q.hedge_start if q.hedge_start is not None else q.start, q.end) for q in found]
    for start, end, value in find_number_words(t):
        if any(s < end and start < e for s, e in spans):
            continue
        hedge, hedge_start = _hedge(t, folded, start)
        found.append(
            Quantity("number", float(value), start, end, t[start:end], "", hedge=hedge,
                     hedge_start=hedge_start, from_words=True)
        )  # fmt: skip
    found.sort(key=lambda q: q.start)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """A whole string that is one quantity (a table cell: "13.200", "147,4%", "17/18", "Khoảng 4",
    "1.234 tỷ đồng", "hai mươi"); None otherwise. Offsets index ``nfc(text)``."""
    t = nfc(text)
    qs = find_quantities(t)
    if len(qs) == 1:
        q = qs[0]
        if (q.hedge_start if q.hedge_start is not None else q.start) == 0 and q.end == len(t):
            return q
    value = parse_vietnamese_count_words(t)
    if value is not None and t:
        return Quantity("number", float(value), 0, len(t), t, "", from_words=True)
    return None


def format_value(value: float | None, unit: str) -> str:
    """A figure as officials write it, by its vocabulary unit: "13.200 tỷ đồng" (VND), "147,4%", "5.230";
    "—" for None."""
    if value is None:
        return "—"
    if unit == "VND":
        return f"{format_short(float(value) / 1e9, 3)} tỷ đồng"
    if unit == "%":
        return f"{format_short(float(value), 2)}%"
    return format_short(float(value), 0)


def format_short(value: float, decimals: int = 2) -> str:
    """Vietnamese notation with at most ``decimals`` decimals, trailing zeros dropped: 95.1 -> "95,1"."""
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text
