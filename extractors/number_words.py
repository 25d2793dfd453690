"""Vietnamese numbers written in words ("hai mươi mốt" = 21), 0 to 999 999.

The grammar is strict on purpose: most number words are also ordinary words ("năm" = year, "ba" = father,
"tư" = private, "linh" in "linh hoạt", "không" = not), so a phrase only counts when its words combine the
way numbers are read aloud. ``find_number_words`` adds the context rules that decide whether a phrase in a
sentence is a count; ``extractors.numbers`` wraps its results into ``Quantity`` objects.
"""

from __future__ import annotations

import re

from extractors.text import nfc

_DIGITS = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
# After "mươi" the units digit has spoken variants: "hai mươi mốt", "bốn mươi tư", "ba mươi lăm/nhăm".
_AFTER_MUOI = {**{w: d for w, d in _DIGITS.items() if d}, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
# After "lẻ"/"linh" (zero tens): "một trăm lẻ năm" = 105, "một trăm lẻ tư" = 104.
_AFTER_LE = {**{w: d for w, d in _DIGITS.items() if d}, "tư": 4}
_THOUSAND = ("nghìn", "ngàn")
_MAX_WORDS = 12  # "chín trăm chín mươi chín nghìn chín trăm chín mươi chín" has 11

_NAMES = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _below_100(ws: list[str]) -> int | None:
    if len(ws) == 1:
        return 10 if ws[0] == "mười" else _DIGITS.get(ws[0])
    if len(ws) == 2 and ws[0] == "mười":
        # "mười lăm" is 15; "mười năm" is "ten years", never 15.
        if ws[1] == "lăm":
            return 15
        unit = _AFTER_LE.get(ws[1]) if ws[1] != "năm" else None
        return 10 + unit if unit else None
    if len(ws) in (2, 3) and ws[1] == "mươi":
        tens = _DIGITS.get(ws[0])
        if tens is None or tens < 2:
            return None
        if len(ws) == 2:
            return 10 * tens
        unit = _AFTER_MUOI.get(ws[2])
        return 10 * tens + unit if unit else None
    return None


def _below_1000(ws: list[str]) -> int | None:
    """0–999 as a list of lower-case words; "không trăm …" is allowed (only valid after "nghìn")."""
    if len(ws) >= 2 and ws[1] == "trăm":
        hundreds = _DIGITS.get(ws[0])
        if hundreds is None:
            return None
        rest = ws[2:]
        if not rest:
            return 100 * hundreds
        if rest[0] in ("lẻ", "linh"):
            unit = _AFTER_LE.get(rest[1]) if len(rest) == 2 else None
            return 100 * hundreds + unit if unit else None
        # "một trăm năm" is "a hundred years" (or a colloquial 150): not a number phrase.
        tens = _below_100(rest)
        return 100 * hundreds + tens if tens is not None and tens >= 10 else None
    return _below_100(ws)


def parse_count_word_list(ws: list[str]) -> int | None:
    """Value of a list of lower-case number words, or None when they are not one number phrase."""
    if not ws or len(ws) > _MAX_WORDS:
        return None
    if ws[0] == "không" and len(ws) > 1:
        return None
    cut = next((i for i, w in enumerate(ws) if w in _THOUSAND), None)
    if cut is None:
        return _below_1000(ws)
    high = _below_1000(ws[:cut])
    if not high:
        return None
    rest = ws[cut + 1 :]
    if not rest:
        return 1000 * high
    if rest[0] in ("lẻ", "linh"):
        rest = ["không", "trăm", *rest]
    # Below the thousands the hundreds must be spelt out ("hai nghìn năm" is "2000 years").
    if len(rest) < 2 or rest[1] != "trăm":
        return None
    low = _below_1000(rest)
    return None if low is None else 1000 * high + low


def parse_vietnamese_count_words(text: str) -> int | None:
    """Value of a number phrase in words; None when ``text`` is not one.

    "hai mươi mốt" -> 21, "mười hai" -> 12, "một trăm lẻ năm" -> 105. The whole string must be the
    phrase (case-insensitive, any spacing); digits are not words here.
    """
    return parse_count_word_list(nfc(text).lower().split())


def _fmt_below_100(n: int) -> str:
    if n < 10:
        return _NAMES[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_NAMES[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        tail = "lăm"
    elif unit == 1 and tens > 1:
        tail = "mốt"
    elif unit == 4 and tens > 1:
        tail = "tư"
    else:
        tail = _NAMES[unit]
    return f"{head} {tail}"


def _fmt_below_1000(n: int, spell_hundreds: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not spell_hundreds:
        return _fmt_below_100(rest)
    head = f"{_NAMES[hundreds]} trăm"
    if rest == 0:
        return head
    if rest < 10:
        return f"{head} lẻ {_NAMES[rest]}"
    return f"{head} {_fmt_below_100(rest)}"


def format_count_words(n: int) -> str:
    """Standard spoken form of 0 ≤ n ≤ 999 999: 21 -> "hai mươi mốt", 1005 -> "một nghìn không trăm lẻ năm".

    Raises ValueError outside that range.
    """
    if not 0 <= n <= 999_999:
        raise ValueError(f"format_count_words supports 0..999999, got {n}")
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _fmt_below_1000(rest, spell_hundreds=False)
    head = f"{_fmt_below_1000(thousands, spell_hundreds=False)} nghìn"
    return head if rest == 0 else f"{head} {_fmt_below_1000(rest, spell_hundreds=True)}"


# --- finding number phrases in a sentence -------------------------------------------------------------

_WORDS = sorted({*_DIGITS, *_AFTER_MUOI, "mười", "mươi", "trăm", "lẻ", "linh", *_THOUSAND}, key=len)[::-1]
_WORD = "(?:" + "|".join(_WORDS) + r")(?!\w)"
_RUN_RE = re.compile(rf"(?<!\w){_WORD}(?: {_WORD})*", re.IGNORECASE)
_NEXT_RE = re.compile(r" ([^\W\d_]+)")  # the next word; a digit there is no noun
_PREV_RE = re.compile(r"(\w+) $")

# Words right before a phrase that make it an ordinal, a rank, a date or a vague amount:
# "thứ hai", "hạng Ba", "giải Nhì", "tháng hai", "hàng trăm", "vài chục".
_PREV_STOP = {
    "thứ", "hạng", "giải", "loại", "tháng", "ngày", "mùng", "mồng", "quý", "hàng", "hằng", "vài", "mấy",
}  # fmt: skip
# Words right after a phrase that make it something else than a count: "một số" (some), "một cách",
# "hai mặt"; a scale word after a word-number ("hai triệu") is not handled, so the phrase is dropped.
_NEXT_STOP = {
    "một": {
        "số", "cách", "trong", "vài", "chút", "ít", "phần", "bộ", "mặt", "khi", "loạt", "mình", "nửa",
        "lúc", "thời", "sự", "lòng", "chiều", "nào", "khác", "hôm", "ngày",
    },
    "hai": {"mặt"},
}  # fmt: skip
_NEXT_ANY_STOP = {"triệu", "tỷ", "tỉ", "vạn", "phần", "và", "với", "là", "của", "hoặc", "hay", "thì", "mà"}
# "năm" is five only before a noun; these followers make it "year": "năm nay", "năm 2021", "năm học"…
_NAM_NEXT_STOP = {
    "nay", "qua", "trước", "sau", "học", "tới", "kế", "đầu", "cuối", "tháng", "ngoái", "nữa", "mới",
    "rồi", "đó", "này", "ấy", "kia", "liền", "tài", "nhuận", "thứ", "đến", "vừa", "trở", "báo", "ngân",
    "thực", "gần", "kinh", "hoạt", "liên", "ngày", "đã", "được", "có", "trên",
}  # fmt: skip
# … and these words before it: "trong năm", "cả năm", "mỗi năm", "hàng năm", "các năm", "5 năm", "hai năm".
_NAM_PREV_STOP = {
    "trong", "cả", "mỗi", "hàng", "hằng", "các", "những", "từng", "của", "cuối", "đầu", "giữa", "nhiều",
    "mọi", "qua", "vào", "nửa", "từ", "đến", "tới", "sau", "trước", "cùng", "một",
}  # fmt: skip


def _is_number_token(word: str) -> bool:
    return word.isdigit() or word.lower() in _AFTER_MUOI or word.lower() in _DIGITS


def _longest(ws: list[str], i: int, stop: int) -> tuple[int, int] | None:
    for j in range(min(stop, i + _MAX_WORDS), i, -1):
        value = parse_count_word_list(ws[i:j])
        if value is not None:
            return j, value
    return None


def _keep(phrase: list[str], first: str, prev: str | None, nxt: str | None) -> bool:
    """Context rules for one phrase (lower-case words); ``first`` is its first word as written."""
    if phrase[0] == "không" or (prev is not None and prev.lower() in _PREV_STOP):
        return False
    if nxt is None:
        # a count ends its clause only after "là", its noun named before ("Số phong trào … là mười hai.");
        # "là một", "là năm" are "is a", "is the year"
        return prev is not None and prev.lower() == "là" and phrase not in (["một"], ["năm"])
    low_next = nxt.lower()
    if low_next in _NEXT_ANY_STOP:
        return False
    if first[0].isupper() and nxt[0].isupper():
        return False  # a proper name: "Ba Đình", "Hai Bà Trưng", "NĂM PHONG TRÀO" in a heading
    if len(phrase) == 1 and low_next in _NEXT_STOP.get(phrase[0], ()):
        return False
    if phrase == ["năm"]:
        if low_next in _NAM_NEXT_STOP or (nxt[0].isupper() and not first[0].isupper()):
            return False  # "năm nay", "năm Nhâm Dần"
        if prev is not None and (prev.lower() in _NAM_PREV_STOP or _is_number_token(prev)):
            return False
    return True


def find_number_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of the word-number phrases of an NFC ``text`` that read as counts.

    A phrase is kept only when it is directly followed by a word (the caller checks that it is a noun),
    or ends its clause right after "là", and survives the context rules above. "năm" is 5 only in
    "năm phong trào"-like uses; a phrase ending in "năm" before "nay/qua/…" or a non-word (unless after
    "là") gives up that "năm" ("hai mươi năm qua" -> 20).
    """
    out: list[tuple[int, int, int]] = []
    for run in _RUN_RE.finditer(text):
        words = run.group().split(" ")
        lows = [w.lower() for w in words]
        starts = [run.start()]
        for w in words[:-1]:
            starts.append(starts[-1] + len(w) + 1)
        i = 0
        while i < len(words):
            stop = len(words)
            found = _longest(lows, i, stop)
            m = _PREV_RE.search(text, max(0, starts[i] - 20), starts[i])
            prev = m.group(1) if m else None
            # "… là một trăm linh năm." ends its clause with the count (see _keep)
            counted_at_end = prev is not None and prev.lower() == "là"
            while found is not None:
                j, value = found
                end = starts[j - 1] + len(words[j - 1])
                m = _NEXT_RE.match(text, end)
                nxt = m.group(1) if m else None
                year_next = nxt.lower() in _NAM_NEXT_STOP if nxt is not None else not counted_at_end
                if j - i > 1 and lows[j - 1] == "năm" and year_next:
                    found = _longest(lows, i, j - 1)  # "hai mươi năm qua": the "năm" is "year"
                    continue
                break
            if found is None:
                i += 1
                continue
            j, value = found
            if _keep(lows[i:j], words[i], prev, nxt) and value:
                out.append((starts[i], end, value))
            i = j
    return out
