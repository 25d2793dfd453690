"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) to Unicode, and back for tests.

Before Unicode, Vietnamese text was typed in 8-bit fonts that draw Vietnamese letters in the slots
of Latin-1 characters. A Word file keeps the slot as the character (".VnTime" "B¶o" is "Bảo"), a PDF
keeps it as the glyph's code, so the text reads as gibberish unless it is converted with the table
of the font's encoding. Which table applies is told by the font name (``encoding_for_font``); when no
font name says so, by the characters themselves (``detect_by_content``).

TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts ``.VnTime``, ``.VnArial`` …) has one byte per letter: the
67 lower-case letters with diacritics and the 7 capitals Ă Â Ê Ô Ơ Ư Đ. Other capitals with a tone
do not exist; headings use the capitals-only fonts (``.VnTimeH``, ``.VnArialH`` …) that draw the
lower-case codes as capitals, so the same code means "à" in ``.VnTime`` and "À" in ``.VnTimeH``
(encoding ``"tcvn3-caps"``). Byte 0xAD is "ư": it is also the soft hyphen, which Word stores as
``<w:softHyphen/>`` and PDF text extraction may return as U+00AD; readers map it back first.

VNI-Windows (``VNI-Times``, ``VNI-Helve`` …) writes a vowel as its base letter followed by a
modifier byte for the tone and/or the circumflex/breve ("aø" = "à", "aà" = "ầ", "aé" = "ắ"); ơ, ư,
đ and the i/ỵ forms are single bytes ("ô" = "ơ", "ö" = "ư", "ñ" = "đ", "æ" = "ỉ").

The tables are written from the published code charts and checked letter by letter in
``tests/test_repair.py`` (round trip of all 134 letters) and against two public converters (see the
test module's docstring).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from extractors.repair.syllables import is_syllable

Encoding = Literal["tcvn3", "tcvn3-caps", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "tcvn3-caps", "vni")

# ----------------------------------------------------------------------------- TCVN3 (ABC)

# Unicode letter -> its TCVN3 code, as the Latin-1 character a Word file or PDF gives for that byte.
# Rows: the vowel without tone, then huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng (dot).
_TCVN3_ROWS = (
    ("aàáảãạ", "a\u00b5\u00b8\u00b6\u00b7\u00b9"),  # a µ ¸ ¶ · ¹
    ("ăằắẳẵặ", "\u00a8\u00bb\u00be\u00bc\u00bd\u00c6"),  # ¨ » ¾ ¼ ½ Æ
    ("âầấẩẫậ", "\u00a9\u00c7\u00ca\u00c8\u00c9\u00cb"),  # © Ç Ê È É Ë
    ("eèéẻẽẹ", "e\u00cc\u00d0\u00ce\u00cf\u00d1"),  # e Ì Ð Î Ï Ñ
    ("êềếểễệ", "\u00aa\u00d2\u00d5\u00d3\u00d4\u00d6"),  # ª Ò Õ Ó Ô Ö
    ("iìíỉĩị", "i\u00d7\u00dd\u00d8\u00dc\u00de"),  # i × Ý Ø Ü Þ
    ("oòóỏõọ", "o\u00df\u00e3\u00e1\u00e2\u00e4"),  # o ß ã á â ä
    ("ôồốổỗộ", "\u00ab\u00e5\u00e8\u00e6\u00e7\u00e9"),  # « å è æ ç é
    ("ơờớởỡợ", "\u00ac\u00ea\u00ed\u00eb\u00ec\u00ee"),  # ¬ ê í ë ì î
    ("uùúủũụ", "u\u00ef\u00f3\u00f1\u00f2\u00f4"),  # u ï ó ñ ò ô
    ("ưừứửữự", "\u00ad\u00f5\u00f8\u00f6\u00f7\u00f9"),  # (soft hyphen) õ ø ö ÷ ù
    ("yỳýỷỹỵ", "y\u00fa\u00fd\u00fb\u00fc\u00fe"),  # y ú ý û ü þ
    ("đ", "\u00ae"),  # ®
    ("ĂÂÊÔƠƯĐ", "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7"),  # ¡ ¢ £ ¤ ¥ ¦ §
)
UNICODE_TO_TCVN3: dict[str, str] = {
    u: t for letters, codes in _TCVN3_ROWS for u, t in zip(letters, codes, strict=True) if not u.isascii()
}
TCVN3_TO_UNICODE: dict[str, str] = {t: u for u, t in UNICODE_TO_TCVN3.items()}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# ----------------------------------------------------------------------------- VNI-Windows

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
_TONE_MOD = ("", "ø", "ù", "û", "õ", "ï")  # after a e o u y ơ ư
_CIRCUMFLEX_MOD = ("â", "à", "á", "å", "ã", "ä")  # after a e o: â ê ô with a tone
_BREVE_MOD = ("ê", "è", "é", "ú", "ü", "ë")  # after a: ă with a tone
_I_FORMS = ("i", "ì", "í", "æ", "ó", "ò")  # i with a tone is one byte
# (Unicode base letter, VNI base, modifiers by tone)
_VNI_VOWELS = (
    ("a", "a", _TONE_MOD),
    ("â", "a", _CIRCUMFLEX_MOD),
    ("ă", "a", _BREVE_MOD),
    ("e", "e", _TONE_MOD),
    ("ê", "e", _CIRCUMFLEX_MOD),
    ("o", "o", _TONE_MOD),
    ("ô", "o", _CIRCUMFLEX_MOD),
    ("ơ", "ô", _TONE_MOD),
    ("u", "u", _TONE_MOD),
    ("ư", "ö", _TONE_MOD),
    ("y", "y", _TONE_MOD),
)


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base, vni_base, mods in _VNI_VOWELS:
        for tone, mod in zip(_TONES, mods, strict=True):
            pairs[unicodedata.normalize("NFC", base + tone)] = vni_base + mod
    for tone, form in zip(_TONES, _I_FORMS, strict=True):
        pairs[unicodedata.normalize("NFC", "i" + tone)] = form
    pairs["ỵ"] = "î"  # the only y form that is one byte
    pairs["đ"] = "ñ"
    for lower, code in list(pairs.items()):
        pairs[lower.upper()] = code.upper()
    return {u: v for u, v in pairs.items() if not u.isascii()}


UNICODE_TO_VNI: dict[str, str] = _vni_pairs()
# Decoding: two-byte sequences first. A modifier is accepted in either case after a base letter of
# either case (the base letter's case wins), because hand-typed VNI mixes them in title case.
_VNI_SINGLE: dict[str, str] = {v: u for u, v in UNICODE_TO_VNI.items() if len(v) == 1}
_VNI_DOUBLE: dict[str, str] = {}
for _u, _v in UNICODE_TO_VNI.items():
    if len(_v) == 2:
        _VNI_DOUBLE[_v] = _u
        _VNI_DOUBLE.setdefault(_v[0] + _v[1].swapcase(), _u)
_VNI_MODIFIERS = frozenset(v[1].lower() for v in _VNI_DOUBLE) | frozenset(v[1].upper() for v in _VNI_DOUBLE)

# ----------------------------------------------------------------------------- conversion

_PUA = re.compile("[\uf020-\uf0ff]")  # symbol-charset fonts put byte b at U+F000 + b


def to_unicode(text: str, encoding: Encoding) -> str:
    """Convert ``text`` typed in a legacy font of ``encoding`` to NFC Unicode.

    Characters that are not codes of the encoding pass through unchanged, so ASCII digits and
    punctuation, and anything already Unicode, survive; never raises on any input.
    """
    text = _PUA.sub(lambda m: chr(ord(m.group()) - 0xF000), text)
    if encoding == "vni":
        out = _vni_to_unicode(text)
    elif encoding == "tcvn3":
        out = text.translate(_TCVN3_TABLE)
    elif encoding == "tcvn3-caps":
        out = text.translate(_TCVN3_TABLE).upper()
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out)


def _vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair[1] in _VNI_MODIFIERS and pair in _VNI_DOUBLE:
            out.append(_VNI_DOUBLE[pair])
            i += 2
            continue
        ch = text[i]
        out.append(_VNI_SINGLE.get(ch, ch))
        i += 1
    return "".join(out)


def from_unicode(text: str, encoding: Encoding) -> str:
    """Encode Unicode ``text`` as typed in a legacy font (test fixtures and round trips).

    ``"tcvn3"`` has no capitals with tones (Word users switched to the ``H`` font for them), so such
    a letter raises ValueError. ``"tcvn3-caps"`` is typed with caps lock on: ASCII capitals, Ă Â Ê Ô
    Ơ Ư Đ on their own codes, every other capital on its lower-case code ("QUẬN" -> "QUËN").
    """
    text = unicodedata.normalize("NFC", text)
    table = UNICODE_TO_VNI if encoding == "vni" else UNICODE_TO_TCVN3
    out = []
    for ch in text:
        if ch in table:
            out.append(table[ch])
        elif encoding == "tcvn3-caps" and ch.lower() in table:
            out.append(table[ch.lower()])
        elif encoding != "vni" and _is_vietnamese_letter(ch):
            raise ValueError(f"{ch!r} has no code in TCVN3 (.VnTime); encode it with 'tcvn3-caps'")
        else:
            out.append(ch)
    return "".join(out)


def _is_vietnamese_letter(ch: str) -> bool:
    return ch in UNICODE_TO_VNI


# ----------------------------------------------------------------------------- detection

_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(
    r"(?:[,\-](?:bold|italic|bolditalic|boldoblique|oblique|regular|normal|semibold|bi|b|i)"
    r"|\s+(?:bold|italic|regular))+$",
    re.IGNORECASE,
)
# Characters that only Unicode Vietnamese text contains: the Latin Extended Additional block the
# domain heuristic names, plus ă đ ĩ ũ ơ ư and their capitals. Legacy text never has them.
UNICODE_VIETNAMESE = re.compile(
    "[\u1ea0-\u1ef9\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0]"
)
# TCVN3 codes that are not also letters of Unicode Vietnamese (à á â … are both): strong evidence.
_PLAIN_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_SIGNAL = re.compile("[" + "".join(sorted(set(TCVN3_TO_UNICODE) - _PLAIN_LATIN1)) + "]")
# VNI: a vowel followed by a modifier that never follows a vowel in Unicode Vietnamese, or a
# single-byte VNI letter that Unicode Vietnamese never uses.
_VNI_SIGNAL = re.compile("[aeouyAEOUYôöÔÖ][øùûõïåäüëØÙÛÕÏÅÄÜË]|[a-zA-Z][ñöæîÑÖÆÎ]|[ñÑ][a-zA-Zôö]")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=2048)
def encoding_for_font(font: str | None) -> Encoding | None:
    """The legacy encoding a font name implies, or None (a Unicode or unknown font).

    ``.VnTime``, ``.VnArial``, ``ABCDEF+.VnTime,Bold`` -> "tcvn3"; ``.VnTimeH``, ``.VnArialH`` (the
    capitals-only fonts) -> "tcvn3-caps"; ``VNI-Times``, ``VNI-Helve`` -> "vni". "Vn" without the dot
    is a different (ĐHBK) family and is left to content detection.
    """
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip()).strip()
    base = _STYLE_SUFFIX.sub("", name).strip()
    folded = base.lower()
    if folded.startswith(".vn"):
        return "tcvn3-caps" if folded.endswith("h") else "tcvn3"
    if folded.startswith(("vni-", "vni ", "vni_")) or re.match(r"vni[a-z]", folded):
        return "vni"
    return None


def looks_unicode(text: str) -> bool:
    """True when ``text`` has letters only Unicode Vietnamese has (then it is not legacy text)."""
    return UNICODE_VIETNAMESE.search(text) is not None


def detect(text: str, font: str | None = None) -> Encoding | None:
    """The legacy encoding of ``text``: by ``font`` name first, by the characters second; None for
    Unicode (or undecidable) text. Text in a legacy font that nevertheless holds Unicode-only
    letters (Unicode typed into an old template's style) is Unicode: None."""
    if looks_unicode(text):
        return None
    by_font = encoding_for_font(font)
    if by_font is not None:
        return by_font
    return detect_by_content(text)


def detect_by_content(text: str) -> Encoding | None:
    """TCVN3 or VNI by character statistics (domain brief §4), confirmed by the result.

    In text without Unicode-only Vietnamese letters: many of ¸ µ ¶ · ¹ ¨ © ª « ¬ ® … -> TCVN3;
    vowels followed by VNI modifiers (ø ù û õ ï …) -> VNI. Either verdict stands only if converting
    turns most words into valid Vietnamese syllables, more of them than before; short or
    ambiguous text gives None, so a stray "©" or a French word never converts a paragraph.
    """
    if looks_unicode(text):
        return None
    n_words = len(text.split())
    if n_words == 0:
        return None
    tcvn = len(_TCVN3_SIGNAL.findall(text))
    vni = len(_VNI_SIGNAL.findall(text))
    order: list[Encoding] = ["tcvn3", "vni"] if tcvn >= vni else ["vni", "tcvn3"]
    before = _valid_share(text)
    for encoding in order:
        signals = tcvn if encoding == "tcvn3" else vni
        if signals < 2 or signals < 0.15 * n_words:
            continue
        after = _valid_share(to_unicode(text, encoding))
        if after >= 0.7 and after > before + 0.1:
            return encoding
    return None


def _valid_share(text: str) -> float:
    words = _WORD.findall(text.replace("\u00ad", "ư"))
    if not words:
        return 0.0
    return sum(is_syllable(w) for w in words) / len(words)
