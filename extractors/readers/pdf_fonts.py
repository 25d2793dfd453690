"""What pdfminer makes of a page's fonts, read from the font dictionaries alone.

Why: the pdfium word source must place every char exactly where pdfminer (pdfplumber's parser) places
it, and two of pdfminer's measures come from the font dictionary, not from the glyphs:

* the char box's bottom is the baseline plus the descriptor's ``/Descent`` × size and its top that
  plus the size. pdfium does not expose the descriptor; its ``FPDFFont_GetDescent`` is the
  descriptor's value only when the descriptor has one: LibreOffice writes ``/Ascent 0 /Descent 0``,
  which pdfminer takes as 0 while pdfium guesses from the glyphs (−303 or −212 on the samples);
* the char's width: pdfminer takes ``/Widths`` (simple fonts; 0 when a font has none) or ``/W``
  (CID fonts), and for the 14 standard font names its built-in metrics. pdfium's
  ``FPDFFont_GetGlyphWidth`` gives the same ``/Widths`` or ``/W`` value; the other two cases are
  computed here.

So this module reads, with pdfminer's own helpers and defaults, only the dictionaries (never a font
program, a CMap or a content stream: building pdfminer's font objects parses ToUnicode CMaps, which on
a PDF repeating a big font's dictionary on every page cost 0.1–0.4 s a page). pdfium names a font by
its ``/BaseFont`` without the subset tag; fonts are matched by that name. Type 3 and vertical fonts,
whose boxes pdfminer computes otherwise, are marked unsupported: their pages are read by the
reference engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pdfminer.cmapdb import CMapDB
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdffont import PDFCIDFont
from pdfminer.pdftypes import PDFException, PDFObjRef, PDFStream, dict_value, list_value, num_value, resolve1
from pdfminer.psparser import PSException, PSLiteral, literal_name

from extractors.readers.pdf_cidfont import cid_font_dict

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
FONT, ZERO, AFM = "font", "zero", "afm"  # where a char's width comes from (see FontInfo.widths)
MAX_FORM_DEPTH = 8  # forms nested deeper than this are not searched for fonts (their page falls back)


@dataclass(frozen=True)
class FontInfo:
    """pdfminer's view of one font: ``fontname`` as pdfplumber reports it on each char, ``descent``
    as ``PDFFont.get_descent()`` (text space units per unit of size, ≤ 0), and where widths come
    from: FONT (pdfium's glyph widths are the PDF's), ZERO (a simple font without ``/Widths``: 0),
    AFM (a standard font name: its built-in metrics by char, else ``missing``)."""

    fontname: str
    descent: float
    widths: str = FONT
    afm_font: str | None = None  # the standard font whose built-in metrics pdfminer uses
    missing: float = 0.0
    unsupported: str | None = None  # why pdfminer's boxes for this font cannot be computed here

    @property
    def afm(self) -> dict[str, int] | None:
        """pdfminer's built-in widths of the standard font, by char."""
        return FONT_METRICS[self.afm_font][1] if self.afm_font else None


class FontTable:
    """Font infos of one document, computed once per font dictionary."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[tuple[str, ...], FontInfo]] = {}
        self._forms: dict[int, dict[str, set[tuple[int | None, FontInfo]]]] = {}

    def page_fonts(self, resources: object) -> PageFonts:
        return PageFonts(self, resources)

    def fonts_of(self, resources: object, depth: int = 0) -> dict[str, set[tuple[int | None, FontInfo]]]:
        """Normalised name -> the fonts of that name in ``resources`` (its forms' fonts included
        while ``depth`` allows), as (object number of the font dictionary or None, info)."""
        found: dict[str, set[tuple[int | None, FontInfo]]] = {}
        res = dict_value(resources) if resources else {}
        for spec in dict_value(res.get("Font", {})).values():
            names, info = self._font(spec)
            key = spec.objid if isinstance(spec, PDFObjRef) else None
            for name in names:
                found.setdefault(name, set()).add((key, info))
        if depth < MAX_FORM_DEPTH:
            for ref in dict_value(res.get("XObject", {})).values():
                for name, infos in self._form_fonts(ref, depth + 1).items():
                    found.setdefault(name, set()).update(infos)
        return found

    def _form_fonts(self, ref: object, depth: int) -> dict[str, set[tuple[int | None, FontInfo]]]:
        key = ref.objid if isinstance(ref, PDFObjRef) else None
        if key is not None and key in self._forms:
            return self._forms[key]
        if key is not None:
            self._forms[key] = {}  # a form drawing itself: stop here
        xobj = resolve1(ref)
        fonts: dict[str, set[tuple[int | None, FontInfo]]] = {}
        if isinstance(xobj, PDFStream) and _name(xobj.get("Subtype")) == "Form" and "Resources" in xobj:
            fonts = self.fonts_of(xobj.get("Resources"), depth)
        if key is not None:
            self._forms[key] = fonts
        return fonts

    def _font(self, spec: object) -> tuple[tuple[str, ...], FontInfo]:
        key = spec.objid if isinstance(spec, PDFObjRef) else None
        if key is not None and key in self._by_id:
            return self._by_id[key]
        font = dict_value(spec)
        names = {_normal(_name(font.get("BaseFont")))}
        info = _info(font, names)
        entry = (tuple(n for n in names if n), info)
        if key is not None:
            self._by_id[key] = entry
        return entry


class PageFonts:
    """The fonts one page can use, looked up by the name pdfium gives."""

    def __init__(self, table: FontTable, resources: object) -> None:
        # The page's own fonts and its forms' (forms are cached by object: read once per document).
        try:
            self._fonts = table.fonts_of(resources)
        except (PSException, PDFException, ValueError, KeyError):
            self._fonts = {}  # damaged font dictionaries: no font matches, the page falls back

    def lookup(self, pdfium_name: str) -> tuple[FontInfo, int | None] | None:
        """The font's info and the object number of its dictionary (None when direct, or when
        several dictionaries have this name); None when no font or several different ones have it.

        Subsets of one font (reportlab writes "AAAAAA+DejaVuSans", "AAAAAB+DejaVuSans" …) differ
        only in their tag, which the reader never looks at (bold and legacy encodings are read from
        the rest of the name): they count as one font, named after the first."""
        fonts = self._fonts.get(_normal(pdfium_name))
        if not fonts:
            return None
        if len({_essence(info) for _, info in fonts}) > 1:
            return None
        key, info = min(fonts, key=lambda font: (font[1].fontname, font[0] or 0))
        return info, key if len(fonts) == 1 else None


def _essence(info: FontInfo) -> tuple:
    """What of a font's info the reader's output depends on (its name's subset tag aside)."""
    name = info.fontname
    tagged = SUBSET_TAG.match(name) is not None
    bold = "bold" in name.lower()
    return (
        _normal(name),
        tagged,
        bold,
        info.descent,
        info.widths,
        info.afm_font,
        info.missing,
        info.unsupported,
    )


def _info(font: dict[str, Any], names: set[str]) -> FontInfo:
    """pdfminer's ``PDFResourceManager.get_font`` and font constructors, reduced to what we need."""
    subtype = _name(font["Subtype"]) if "Subtype" in font else "Type1"
    if subtype == "Type0":
        descendants = list_value(font.get("DescendantFonts", []))
        if not descendants:
            return FontInfo("unknown", 0.0, unsupported="Type0 font without descendant")
        sub = cid_font_dict(descendants[0]) or dict_value(descendants[0]).copy()  # without /W: unused
        for key in ("Encoding", "ToUnicode"):
            if key in font:
                sub[key] = resolve1(font[key])
        names.add(_normal(_name(sub.get("BaseFont"))))
        return _info(sub, names)
    if subtype in ("CIDFontType0", "CIDFontType2"):
        descriptor = dict_value(font.get("FontDescriptor", {}))
        names.add(_normal(_fontname(descriptor)))
        vertical = _vertical(font)
        return _with_descriptor(descriptor, FONT, unsupported="vertical font" if vertical else None)
    if subtype == "Type3":
        return FontInfo("unknown", 0.0, unsupported="Type 3 font")
    basefont = _name(font["BaseFont"]) if "BaseFont" in font else "unknown"
    if basefont in FONT_METRICS:
        descriptor = FONT_METRICS[basefont][0]
        info = _with_descriptor(descriptor, AFM)
        missing = num_value(descriptor.get("MissingWidth", 0))
        return FontInfo(info.fontname, info.descent, AFM, basefont, missing)
    descriptor = dict_value(font.get("FontDescriptor", {}))
    names.add(_normal(_fontname(descriptor)))
    return _with_descriptor(descriptor, FONT if "Widths" in font else ZERO)


def _with_descriptor(descriptor: dict[str, Any], widths: str, unsupported: str | None = None) -> FontInfo:
    descent = num_value(descriptor.get("Descent", 0))
    if descent > 0:  # as pdfminer: PScript5.dll writes it positive
        descent = -descent
    return FontInfo(_fontname(descriptor), descent * 0.001, widths, unsupported=unsupported)


def _fontname(descriptor: dict[str, Any]) -> str:
    name = resolve1(descriptor.get("FontName", "unknown"))
    if isinstance(name, PSLiteral):
        name = literal_name(name)
    if isinstance(name, bytes):  # as pdfplumber does with the chars' fontname
        from pdfplumber.page import fix_fontname_bytes

        name = fix_fontname_bytes(name)
    return str(name)


def _vertical(font: dict[str, Any]) -> bool:
    try:
        return bool(CMapDB.get_cmap(PDFCIDFont._get_cmap_name(font, False)).is_vertical())
    except Exception:  # an unknown CMap name: pdfminer falls back to a horizontal CMap
        return False


def _name(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return literal_name(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return "" if value is None else str(value)


def _normal(name: str) -> str:
    return SUBSET_TAG.sub("", name.strip())
