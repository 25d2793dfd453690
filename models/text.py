"""Vietnamese text normalisation: NFC for storage and display, folded keys for matching.

Folding keeps one character per NFC character, so offsets in the folded string are offsets in the
original: match on ``fold(text)``, show ``text[start:end]``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


class _FoldTable(dict[int, str]):
    """Code point -> folded character for ``str.translate``, filled on first sight of a character: the
    per-character loop runs in C, and the table holds at most one entry per distinct character seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Diacritic-insensitive, lower-case key of the same length as ``text`` (expects NFC input).

    "Hoàn Kiếm" -> "hoan kiem"; "ĐỐNG ĐA" -> "dong da"; "hoà" and "hòa" both -> "hoa".
    """
    # ASCII folds to its lower case; str.lower is ten times faster than the table
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


_KEY_WORD = re.compile(r"[a-z0-9]+")


# Bounded, and safe to share: a key depends on the text alone. The same lines, labels and name prefixes
# are keyed again and again (the issuer block by every unit pattern, a table header per column).
@lru_cache(maxsize=4096)
def fold_key(text: str) -> str:
    """A lookup key: folded, punctuation dropped, single spaces ("Q. Hai Bà Trưng" -> "q hai ba trung")."""
    return " ".join(_KEY_WORD.findall(fold(nfc(text))))
