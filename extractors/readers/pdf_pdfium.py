"""The fast word source: pdfplumber's words, computed from pdfium's text page instead of pdfminer.

Why: pdfplumber builds a Python object for every char with pdfminer (10–20 pages/s here); pdfium
lays out the text page in C (≈ 1.3 ms a page) and answers per-char questions in ≈ 0.5 µs. This module
asks as few as it can and rebuilds exactly the words pdfplumber's ``WordExtractor`` (default settings)
gives, char boxes as pdfminer computes them:

* x0 is the char's origin; x1 = x0 + advance, the advance being the font's width for the char (the
  PDF's ``/Widths`` or ``/W``, through ``FPDFFont_GetGlyphWidth``, or what :mod:`.pdf_fonts` says
  pdfminer uses instead). pdfium's "loose" box is not that: it is the union with the glyph's own box,
  wider for 7 % of the chars of the samples (italics, accents that overhang). The width is fetched
  once per font and char and checked once against pdfium's boxes;
* bottom = baseline + descent × size, top = bottom + size, with pdfminer's descent (:mod:`.pdf_fonts`);
* the text from one ``FPDFText_GetText`` per page; chars pdfium generated (spaces for gaps, line
  breaks) are dropped, as pdfminer has no such chars; a char without a Unicode mapping reads
  "(cid:n)" as in pdfminer;
* words: the chars clustered into lines by top (3 pt), sorted by x0, split at whitespace and at gaps
  over 3 pt, exactly as ``WordExtractor``.

Calls: one per char (its origin; whitespace: whether pdfium generated it, then its origin), a few per
run of chars of one text object (found by galloping over ``FPDFText_GetTextObject``, since pdfium keeps
an object's chars together), a few per font and char. Whatever pdfium does differently from pdfminer
and the page cannot be mirrored raises :class:`Fallback`, and the page is read by the reference engine
(:mod:`.pdf_reference`): rotated, mirrored or skewed text, Type 3 or vertical fonts, ``/ActualText``
spans, hyphens pdfium rewrites at line ends, chars mapped to several code points (ligatures, NFD
text), fonts it cannot match, text objects pdfium drops.
"""

from __future__ import annotations

from bisect import bisect_left
from ctypes import byref, c_char, c_double, c_float, c_ulong, c_ushort, c_void_p
from unicodedata import combining

from extractors.readers import pdf_ffi as ffi
from extractors.readers.pdf_fonts import AFM, ZERO, FontInfo, PageFonts
from extractors.readers.pdf_records import Word
from extractors.readers.pdf_words import Chars, words

EPS = 0.01  # points: pdfium's boxes are float32
# A text object whose chars are mostly this far apart has char spacing (Tc): LibreOffice's kerning moves
# a heading's capitals by 0.014–0.084 pt, the smallest Tc in use is ten times that.
TC_GAP = 0.1
BLANK = float("-inf")  # in a font's width cache: a whitespace char (a word break)


class Fallback(Exception):
    """pdfium's text page cannot be made to match pdfminer's on this page; the message says why."""


class _Font:
    """One font of the page as pdfium knows it, with pdfminer's view and per-char caches."""

    __slots__ = ("blanks", "errors", "fast", "handle", "info", "measure")

    def __init__(
        self,
        handle: int,
        info: FontInfo,
        fast: dict[str, float],
        errors: dict[str, bool],
        measure: set[str],
        blanks: dict[str, float],
    ) -> None:
        self.handle = c_void_p(handle)
        self.info = info
        # char -> pdfminer's width in 1/1000 em, for chars with a Unicode mapping and a known width
        self.fast = fast
        self.errors = errors  # char -> pdfium found no Unicode mapping (pdfminer reads "(cid:n)")
        self.measure = measure  # chars whose width the font does not tell: measured each time
        self.blanks = blanks  # whitespace char -> its width (for the word spacing check)


class PdfiumText:
    """What :func:`read_words` found: the words, the char count (generated chars excluded), the text
    objects holding chars, and whether every box is pdfminer's (False when the advance of a char
    without a Unicode mapping could not be measured: its words are then only good for deciding the
    page goes to OCR)."""

    __slots__ = ("char_count", "exact", "objects", "words")

    def __init__(self, words: list[Word], char_count: int, objects: set[int], exact: bool) -> None:
        self.words, self.char_count, self.objects, self.exact = words, char_count, objects, exact


def read_words(textpage: object, height: float, fonts: PageFonts, caches: dict) -> PdfiumText:
    """The page's words as pdfplumber gives them; ``height`` is pdfplumber's page height (top =
    height − y). ``caches`` (kept by the caller for the document) holds what each font dictionary
    gave per char. Raise :class:`Fallback` when the page cannot be mirrored."""
    tp = ffi.handle(textpage)
    n = ffi.count_chars(tp)
    if n <= 0:
        return PdfiumText([], 0, set(), True)
    text = _page_text(tp, n)
    chars = Chars()
    x0s, x1s, texts, run_of = chars.x0, chars.x1, chars.text, chars.count
    add_x0, add_x1, add_text = x0s.append, x1s.append, texts.append
    seen: set[int] = set()
    inexact = [0]  # chars whose advance was guessed
    by_handle: dict[int, _Font] = {}
    x, y, matrix, size = c_double(), c_double(), ffi.Matrix(), c_float()
    px, py, pmatrix, psize = byref(x), byref(y), byref(matrix), byref(size)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]  # where pdfium ends lines: runs end there
    origin, generated, text_object = ffi.char_origin, ffi.is_generated, ffi.text_object
    start = 0
    while start < n:
        obj = text_object(tp, start)
        if obj is None:  # a char pdfium generated between text objects (a space, a line break)
            start += 1
            continue
        end = _run_end(tp, start, obj, n, newlines)
        seen.add(obj)
        handle = c_void_p(obj)
        font = _run_font(handle, by_handle, fonts, caches)
        info = font.info
        ffi.char_matrix(tp, start, pmatrix)
        a, d = matrix.a, matrix.d
        if matrix.b != 0 or matrix.c != 0 or a <= 0 or d <= 0:
            raise Fallback("rotated, skewed or mirrored text")
        ffi.font_size(handle, psize)
        fs = size.value
        scale = a * fs * 0.001
        origin(tp, start, px, py)
        base = y.value  # an upright text object's chars share the baseline (checked below)
        low, high = base + d * info.descent * fs, base + d * (info.descent * fs + fs)  # bottom, top
        chars.runs.append((height - high, height - low, high - low, info.fontname))
        first = len(x0s)
        fast, blanks = font.fast, font.blanks
        last_x = None
        for i, ch in enumerate(text[start:end], start):
            width = fast.get(ch)
            if width is None:  # not seen before in this font, or not a plain char
                got = _char(tp, i, ch, font, scale, inexact)
                if got is None:  # generated by pdfium
                    continue
                x0, x1, ch = got
                if ch is not None:
                    if x0 == last_x:
                        raise Fallback("a char mapped to several code points (ligature, decomposed text)")
                    last_x = x0
                add_x0(x0)
                add_x1(x1)
                add_text(ch)
            elif width == BLANK:  # whitespace: a word break, unless pdfium generated it
                if generated(tp, i):
                    continue
                origin(tp, i, px, py)
                x0 = x.value
                add_x0(x0)
                add_x1(x0 + blanks[ch] * scale)
                add_text(None)
            else:  # a char of this font seen before: only its origin is new
                origin(tp, i, px, py)
                x0 = x.value
                if x0 == last_x:
                    raise Fallback("a char mapped to several code points (ligature, decomposed text)")
                last_x = x0
                add_x0(x0)
                add_x1(x0 + width * scale)
                add_text(ch)
        run_of.append(len(x0s) - first)
        if y.value != base:
            raise Fallback("chars of one text object on different baselines")
        _check_spacing(x0s, x1s, texts, first, a != d)
        start = end
    return PdfiumText(words(chars), len(x0s), seen, inexact[0] == 0)


def _check_spacing(x0s: list[float], x1s: list[float], texts: list, first: int, scaled: bool) -> None:
    """Fall back where pdfminer places chars otherwise than pdfium: pdfminer adds the char spacing
    (Tc) before each char but the first of a string, not after the last, so text shown after a
    string in the same line starts Tc earlier; and it does not scale Tc and word spacing (Tw) by the
    horizontal scaling (Tz) as pdfium does. Tc shows as a gap between most pairs of chars of a text
    object (kerning, LibreOffice's way to justify, leaves most pairs touching); Tz as an x scale
    other than the y scale, which matters only with Tc or with a gap after a space (Tw)."""
    gaps = sorted(
        x0s[k + 1] - x1s[k]
        for k in range(first, len(x0s) - 1)
        if texts[k] is not None and texts[k + 1] is not None
    )
    if gaps and abs(gaps[len(gaps) // 2]) > TC_GAP:
        raise Fallback("char spacing (Tc)")
    if scaled and any(x0s[k + 1] - x1s[k] > TC_GAP for k in range(first, len(x0s) - 1) if texts[k] is None):
        raise Fallback("horizontal scaling (Tz) with word spacing")


def _char(tp: c_void_p, i: int, ch: str, font: _Font, scale: float, inexact: list) -> tuple | None:
    """A char the font's cache does not answer for: (x0, x1, text or None for whitespace), or None
    for a char pdfium generated. Fills the cache for the next time."""
    if ch == "\ufffe":  # pdfium's mark for a hyphen ending a line ("Covid-" / "19")
        ch = _hyphen(tp, i, font, scale)
    blank = ch.isspace()
    if blank and ffi.is_generated(tp, i):
        return None
    error = font.errors.get(ch)
    if error is None:
        error = font.errors[ch] = bool(ffi.unicode_map_error(tp, i))
    x, y = c_double(), c_double()
    ffi.char_origin(tp, i, byref(x), byref(y))
    x0 = x.value
    if error:
        return x0, _x1(tp, i, x0, ch, True, font, scale, inexact), f"(cid:{ord(ch)})"
    if blank:
        font.blanks[ch] = _blank_width(font, ch)
        font.fast[ch] = BLANK  # a whitespace char this font maps: no more questions
        return x0, x0 + font.blanks[ch] * scale, None
    x1 = _x1(tp, i, x0, ch, False, font, scale, inexact)
    return x0, x1, ch


def _page_text(tp: c_void_p, n: int) -> str:
    """The text of every char, one Python char per pdfium char."""
    buffer = (c_ushort * (2 * n + 1))()
    got = ffi.get_text(tp, 0, n, buffer)
    text = bytes(buffer)[: max(0, got - 1) * 2].decode("utf-16-le", "replace")
    if len(text) == n:
        return text
    # pdfium leaves control chars out of the text: read the chars one by one.
    return "".join(chr(ffi.get_unicode(tp, i)) for i in range(n))


def _run_end(tp: c_void_p, start: int, obj: int, n: int, newlines: list[int]) -> int:
    """The first index after ``start`` whose char belongs to another text object (or ``n``).

    pdfium appends each text object's chars in one go (it reorders objects, never their chars), so an
    object's chars are contiguous. Most objects end where pdfium ends the line (its generated line
    break): that guess is checked with two probes; otherwise the end is found by galloping, then
    bisecting. (Generated chars belong to no object and are scattered: the caller steps over them.)"""
    text_object = ffi.text_object
    k = bisect_left(newlines, start)
    if k < len(newlines):
        guess = newlines[k] - 1  # the generated "\r" before the "\n"
        if guess > start and text_object(tp, guess - 1) == obj and text_object(tp, guess) != obj:
            return guess
    low, step = start, 1
    high = start + 1
    while high < n and text_object(tp, high) == obj:
        low, step = high, step * 2
        high = low + step
    high = min(high, n)
    while high - low > 1:
        mid = (low + high) // 2
        if text_object(tp, mid) == obj:
            low = mid
        else:
            high = mid
    return high


def _run_font(handle: c_void_p, by_handle: dict[int, _Font], fonts: PageFonts, caches: dict) -> _Font:
    if ffi.count_marks(handle) > 0 and _actual_text(handle):
        raise Fallback("text replaced by /ActualText")
    font_handle = ffi.text_font(handle)
    if font_handle is None:
        raise Fallback("text object without a font")
    font = by_handle.get(font_handle)
    if font is None:
        size = ffi.base_font_name(c_void_p(font_handle), None, 0)
        buffer = (c_char * max(1, size))()
        ffi.base_font_name(c_void_p(font_handle), buffer, size)
        name = bytes(buffer).split(b"\0", 1)[0].decode("utf-8", "replace")
        found = fonts.lookup(name)
        if found is None:
            raise Fallback(f"font {name!r} not matched to one font dictionary")
        info, key = found
        if info.unsupported:
            raise Fallback(info.unsupported)
        if info.widths == ZERO:  # pdfminer places such chars 0 apart, pdfium by the font program
            raise Fallback(f"font {name!r} without /Widths")
        # Widths and missing Unicode maps belong to the font dictionary: shared by every page using it.
        fresh: tuple = ({}, {}, set(), {})
        shared = caches.setdefault(key, fresh) if key is not None else fresh
        font = by_handle[font_handle] = _Font(font_handle, info, *shared)
    return font


def _actual_text(obj: c_void_p) -> bool:
    length = c_ulong()
    for k in range(ffi.count_marks(obj)):
        mark = ffi.get_mark(obj, k)
        if mark and ffi.mark_string(c_void_p(mark), b"ActualText", None, 0, byref(length)):
            return True
    return False


def _x1(
    tp: c_void_p, i: int, x0: float, ch: str, error: bool, font: _Font, scale: float, inexact: list
) -> float:
    """The char's right edge as pdfminer computes it (x0 + advance), when the cache does not say."""
    info = font.info
    if error:
        if info.widths == AFM:  # pdfminer finds no char to look the width up by
            return x0 + info.missing * scale
        # No Unicode to ask the font with: measure this char's advance, or take the glyph's extent
        # (pages whose fonts lost their map go to OCR; a page keeping such text is read again).
        right, glyph_right = _boxes(tp, i)
        if glyph_right >= right - EPS:
            inexact[0] += 1
        return right
    if ch not in font.measure:
        width = _checked_width(tp, i, x0, ch, font, scale)
        if width is not None:
            font.fast[ch] = width
            return x0 + width * scale
        font.measure.add(ch)
    return _measured(tp, i, x0)


def _blank_width(font: _Font, ch: str) -> float:
    """A whitespace char's width (1/1000 em); only the word spacing check uses it."""
    if font.info.widths == AFM:
        afm = font.info.afm or {}
        return float(afm.get(ch, font.info.missing))
    got = c_float()
    return got.value if ffi.glyph_width(font.handle, ord(ch), c_float(1000.0), byref(got)) else 0.0


def _checked_width(tp: c_void_p, i: int, x0: float, ch: str, font: _Font, scale: float) -> float | None:
    """pdfminer's width for ``ch`` (1/1000 em), checked against pdfium's boxes for this char; None
    when the font gives another char's width (two codes with this Unicode): measure every time.

    FONT widths: pdfium's own (``/Widths`` or ``/W``), looked up by Unicode. AFM (standard font
    names): pdfminer's built-in metrics, which must agree with the advance pdfium placed the chars
    by, or the origins themselves differ."""
    info = font.info
    if info.widths == AFM:
        width = float(info.afm.get(ch, info.missing) if info.afm else info.missing)
    else:
        got = c_float()
        width = got.value if ffi.glyph_width(font.handle, ord(ch), c_float(1000.0), byref(got)) else 0.0
    right, glyph_right = _boxes(tp, i)
    end = x0 + width * scale
    if glyph_right < right - EPS:  # the advance, not the glyph, makes the loose box's right edge
        if abs(end - right) <= EPS:
            return width
        if info.widths == AFM:
            raise Fallback(f"pdfium and pdfminer advance {ch!r} differently")
        return None
    if end <= right + EPS and (width > 0 or combining(ch)):
        return width  # the glyph overhangs its advance: the width cannot be checked, and fits
    raise Fallback(f"no width for {ch!r}")


def _hyphen(tp: c_void_p, i: int, font: _Font, scale: float) -> str:
    """pdfium turns a hyphen ending a line into a mark; pdfminer keeps the char: "-" or a soft
    hyphen. The one whose width in the font is this char's advance; ambiguous: fall back."""
    if not ffi.is_hyphen(tp, i):
        raise Fallback("a char without a code")
    x, y = c_double(), c_double()
    ffi.char_origin(tp, i, byref(x), byref(y))
    right, glyph_right = _boxes(tp, i)
    if glyph_right >= right - EPS:
        raise Fallback("hyphen advance hidden under its glyph")
    fits = []
    for candidate in ("-", "\xad"):
        got = c_float()
        ffi.glyph_width(font.handle, ord(candidate), c_float(1000.0), byref(got))
        if abs(x.value + got.value * scale - right) <= EPS:
            fits.append(candidate)
    if len(fits) != 1:
        raise Fallback("hyphen or soft hyphen")
    return fits[0]


def _measured(tp: c_void_p, i: int, x0: float) -> float:
    right, glyph_right = _boxes(tp, i)
    if glyph_right < right - EPS:
        return right
    raise Fallback("char advance hidden under an overhanging glyph")


def _boxes(tp: c_void_p, i: int) -> tuple[float, float]:
    """pdfium's loose box right edge (the advance united with the glyph) and the glyph's own."""
    loose = ffi.Rect()
    ffi.loose_box(tp, i, byref(loose))
    left, right, bottom, top = c_double(), c_double(), c_double(), c_double()
    ffi.tight_box(tp, i, byref(left), byref(right), byref(bottom), byref(top))
    return loose.right, right.value
