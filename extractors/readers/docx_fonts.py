"""Text of a Word paragraph, with runs typed in legacy Vietnamese fonts converted to Unicode.

Holds :func:`paragraph_text` (the paragraph's own text, looking through hyperlinks, insertions,
fields and content controls) and :class:`RunFonts` (the font a run is typed in, resolved as Word
does, mapped to a TCVN3/VNI encoding by name). Split from :mod:`.docx`: the body walk only needs
"text, runs, converted?" per paragraph, while font resolution and the conversion rules are a topic
of their own (:mod:`extractors.repair` does the byte mapping).

Each run is read in one pass over its children (text, and the bold, font and character style of its
``w:rPr``): the walk over a report's runs is most of the reader's time, and every touch of an lxml
element creates a Python object.
"""

from __future__ import annotations

import contextlib
import itertools
from typing import NamedTuple

from lxml import etree

from extractors.readers.docx_styles import StyleSheet
from extractors.readers.docx_xml import (
    BREAKS,
    M_T,
    NO_BREAK_HYPHEN,
    PPR,
    PSTYLE,
    RFONTS,
    RPR,
    RSTYLE,
    SKIP_IN_P,
    SOFT_HYPHEN,
    SYM,
    TABS,
    VAL,
    B,
    R,
    T,
    w,
)
from extractors.repair import Encoding, detect_by_content, encoding_for_font, looks_unicode, to_unicode

_OFF = {"0", "false", "off"}
_SOFT = "\u00ad"  # TCVN3's "ư" (byte 0xAD), which Word stores as <w:softHyphen/>
_FONT, _CHAR, _RPR_DEFAULT = w("font"), w("char"), w("rPrDefault")
_LATIN_FONTS = (w("hAnsi"), w("ascii"))
_THEME_FONTS = (w("hAnsiTheme"), w("asciiTheme"))


class Run(NamedTuple):
    """What the walk needs of a run besides its text: is it bold by itself, its character style."""

    text: str  # as written: a legacy run's bytes before conversion
    bold: bool | None  # its own w:b; None when the styles decide
    style: str | None  # w:rStyle


class ParagraphText(NamedTuple):
    text: str  # the paragraph's own text, line breaks as "\n"
    runs: list[Run]
    converted: bool  # some of it was converted from a legacy font encoding
    style: str | None  # w:pStyle


class _Piece(NamedTuple):
    raw: str  # soft hyphens as U+00AD and legacy symbols as their byte: what a legacy run converts
    plain: str  # what a Unicode run reads
    run: bool  # a w:r (not equation text)
    fonts: etree._Element | None  # the run's w:rFonts
    style: str | None
    bold: bool | None


def paragraph_text(p: etree._Element, fonts: RunFonts | None = None) -> ParagraphText:
    """The paragraph's own text and runs, and whether any of it was converted from a legacy font.

    With ``fonts``, runs typed in a TCVN3 or VNI font (by the run's or its styles' font name) are
    converted to Unicode; neighbouring runs of one encoding are converted together, because a VNI
    letter's modifier byte may sit in the next run. A paragraph with no legacy font whose characters
    nevertheless say TCVN3 or VNI (``detect_by_content``) is converted as a whole.
    """
    pieces: list[_Piece] = []
    p_style = _collect(p, pieces, True)
    if fonts is None:
        encodings: list[Encoding | None] = [None] * len(pieces)
    else:
        encodings = [fonts.encoding(x.fonts, x.style, p_style) if x.run else None for x in pieces]
    runs = [
        Run(x.raw if enc else x.plain, x.bold, x.style)
        for x, enc in zip(pieces, encodings, strict=True)
        if x.run
    ]
    if fonts is None or not any(encodings):
        raw = "".join(x.raw for x in pieces)
        if fonts is not None:
            encoding = detect_by_content(raw)
            if encoding is not None:
                fonts.count(encoding)
                return ParagraphText(to_unicode(raw, encoding), runs, True, p_style)
        return ParagraphText(raw.replace(_SOFT, ""), runs, False, p_style)
    # Unicode typed into a legacy font's style (an old template) draws through font fallback and
    # must not be converted: any Unicode-only letter in the legacy runs of this paragraph says so.
    legacy = [(enc, x.raw) for x, enc in zip(pieces, encodings, strict=True)]
    trusted = {enc for enc, _ in legacy if enc} - {enc for enc, raw in legacy if enc and looks_unicode(raw)}
    parts: list[str] = []
    converted: set[str] = set()
    # Neighbouring pieces of one encoding are converted together (consecutive runs of one font).
    for enc, group in itertools.groupby(legacy, key=lambda piece: piece[0] if piece[0] in trusted else None):
        text = "".join(raw for _, raw in group)
        if enc is None:
            parts.append(text.replace(_SOFT, ""))
            continue
        out = to_unicode(text, enc)
        parts.append(out)
        if out != text:
            converted.add(enc)
    for encoding in converted:
        fonts.count(encoding)
    return ParagraphText("".join(parts), runs, bool(converted), p_style)


def _collect(element: etree._Element, pieces: list[_Piece], top: bool) -> str | None:
    """Append the runs and equation text inside ``element`` to ``pieces``; at the top (the paragraph
    itself), return its w:pStyle."""
    p_style = None
    style_seen = False
    for child in element:
        tag = child.tag
        if tag == R:
            pieces.append(_run(child))
        elif tag == M_T:
            text = child.text or ""
            pieces.append(_Piece(text, text, False, None, None, None))
        elif top and tag == PPR:
            if not style_seen:  # the first w:pStyle of the first w:pPr holding one, as find() does
                for prop in child:
                    if prop.tag == PSTYLE:
                        p_style, style_seen = prop.get(VAL), True
                        break
        elif tag not in SKIP_IN_P and isinstance(tag, str):
            _collect(child, pieces, False)  # hyperlink, ins, smartTag, fldSimple, sdt, customXml, moveTo, …
    return p_style


# Run children that stand for one character, the same in a legacy and in a Unicode reading.
_PLAIN = {**dict.fromkeys(TABS, "\t"), **dict.fromkeys(BREAKS, "\n"), NO_BREAK_HYPHEN: "-"}


def _run(r: etree._Element) -> _Piece:
    """A run's text (as a legacy and as a Unicode run reads it), its w:rFonts, w:rStyle and own w:b."""
    out: list[str] = []
    legacy_only = False  # a soft hyphen or legacy symbol: the Unicode reading differs
    rfonts = style = bold = None
    seen_fonts = seen_style = seen_bold = False
    for child in r:
        tag = child.tag
        if tag == T:
            out.append(child.text or "")
        elif tag == RPR:
            for prop in child:  # the first of each, as find("w:rPr/w:b") gives it
                ptag = prop.tag
                if ptag == B and not seen_bold:
                    bold, seen_bold = toggle(prop), True
                elif ptag == RFONTS and not seen_fonts:
                    rfonts, seen_fonts = prop, True
                elif ptag == RSTYLE and not seen_style:
                    style, seen_style = prop.get(VAL), True
        elif (plain := _PLAIN.get(tag)) is not None:
            out.append(plain)
        elif tag == SOFT_HYPHEN:
            out.append(_SOFT)
            legacy_only = True
        elif tag == SYM and encoding_for_font(child.get(_FONT)):
            # A character inserted from a legacy font as a symbol: w:char is its code (F0xx or 00xx).
            with contextlib.suppress(ValueError):
                out.append(chr(int(child.get(_CHAR) or "", 16) & 0xFF))
                legacy_only = True
    raw = "".join(out)
    return _Piece(raw, _unicode_text(r) if legacy_only else raw, True, rfonts, style, bold)


def _unicode_text(r: etree._Element) -> str:
    """A run's text as a Unicode run reads it: soft hyphens and legacy symbols left out."""
    out = []
    for child in r:
        tag = child.tag
        if tag == T:
            out.append(child.text or "")
        elif (plain := _PLAIN.get(tag)) is not None:
            out.append(plain)
    return "".join(out)


class RunFonts:
    """The font a run is typed in, as Word resolves it: the run's w:rFonts (hAnsi, then ascii), its
    character style, its paragraph style (each with the styles they are based on), then the
    document defaults; mapped to a legacy encoding by name. Theme fonts are Unicode fonts."""

    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self._by_style: dict[tuple[str, str | None], str | None] = {}
        # (character style, paragraph style) -> encoding of a run without its own font; one entry per
        # pair of styles the document uses
        self._by_styles: dict[tuple[str | None, str | None], Encoding | None] = {}
        self.converted: dict[str, int] = {}  # legacy encoding -> paragraphs/cells converted

    def count(self, encoding: str) -> None:
        self.converted[encoding] = self.converted.get(encoding, 0) + 1

    def encoding(
        self, rfonts: etree._Element | None, r_style: str | None, p_style: str | None
    ) -> Encoding | None:
        """The legacy encoding of a run with these w:rFonts and w:rStyle in a paragraph of ``p_style``."""
        name = font_name(rfonts)
        if name is not None:
            return encoding_for_font(name)
        key = (r_style, p_style)
        if key not in self._by_styles:
            name = self._style_font(r_style, "character") if r_style else None
            if name is None:
                name = self._style_font(p_style, "paragraph")
            if name is None:
                name = self._default_font()
            self._by_styles[key] = encoding_for_font(name)
        return self._by_styles[key]

    def _style_font(self, style_id: str | None, kind: str) -> str | None:
        key = (kind, style_id)
        if key not in self._by_style:
            self._by_style[key] = self.styles.first_in_chain(
                self.styles.lookup(style_id, kind), lambda s: font_name(rpr_child(s, RFONTS))
            )
        return self._by_style[key]

    def _default_font(self) -> str | None:
        key = ("defaults", None)
        if key not in self._by_style:
            defaults = self.styles.doc_defaults()
            rpr_default = defaults.find(_RPR_DEFAULT) if defaults is not None else None
            self._by_style[key] = font_name(rpr_child(rpr_default, RFONTS))
        return self._by_style[key]


def rpr_child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first ``tag`` in the w:rPr children of ``element``, as ``find("w:rPr/tag")`` finds it."""
    if element is None:
        return None
    for rpr in element.iterchildren(RPR):
        found = rpr.find(tag)
        if found is not None:
            return found
    return None


def font_name(rfonts: etree._Element | None) -> str | None:
    """The font an rFonts element sets for Latin text: a legacy name if hAnsi or ascii has one, else
    the name set, "" for a theme font, None when it sets no Latin font (inherit)."""
    if rfonts is None:
        return None
    names = [rfonts.get(a) for a in _LATIN_FONTS]
    for name in names:
        if name and encoding_for_font(name):
            return name
    if any(rfonts.get(a) for a in _THEME_FONTS):
        return ""
    return next((n for n in names if n), None)


def toggle(element: etree._Element | None) -> bool | None:
    """A w:b-like toggle property: None when absent, off for "0", "false" and "off"."""
    if element is None:
        return None
    return (element.get(VAL) or "1").lower() not in _OFF
