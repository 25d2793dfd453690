"""Vietnamese text normalisation: NFC for storage and display, folded keys for matching.

Folding keeps one character per NFC character, so offsets in the folded string are offsets in the
original: match on ``fold(text)``, show ``text[start:end]``.
"""

from __future__ import annotations

import re
import unicodedata

# "Ð" (U+00D0, Icelandic eth) and "ð" come out of bad conversions where "Đ"/"đ" was meant.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0110": "Đ", "\u0111": "đ"})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """NFC-normalise, map look-alike letters to Đ/đ and collapse runs of spaces."""
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return _SPACES.sub(" ", text).strip()


def _fold_char(ch: str) -> str:
    if ch in "đĐðÐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch.lower()


_FOLD_CACHE: dict[str, str] = {}


def fold(text: str) -> str:
    """Diacritic-insensitive, lower-case key of the same length as ``text`` (expects NFC input).

    "Hoàn Kiếm" -> "hoan kiem"; "ĐỐNG ĐA" -> "dong da"; "hoà" and "hòa" both -> "hoa".
    """
    out = []
    for ch in text:
        folded = _FOLD_CACHE.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            _FOLD_CACHE[ch] = folded
        out.append(folded)
    return "".join(out)


def fold_key(text: str) -> str:
    """A lookup key: folded, punctuation dropped, single spaces ("Q. Hai Bà Trưng" -> "q hai ba trung")."""
    folded = fold(nfc(text))
    return " ".join(re.findall(r"[a-z0-9]+", folded))
