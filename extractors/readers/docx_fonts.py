"""Text of a Word paragraph, with runs typed in legacy Vietnamese fonts converted to Unicode.

Holds :func:`paragraph_text` (the paragraph's own text, looking through hyperlinks, insertions,
fields and content controls) and :class:`RunFonts` (the font a run is typed in, resolved as Word
does, mapped to a TCVN3/VNI encoding by name). Split from :mod:`.docx`, which re-exports both: the
body walk only needs "text, runs, converted?" per paragraph, while font resolution and the
conversion rules are a topic of their own (:mod:`extractors.repair` does the byte mapping).
"""

from __future__ import annotations

import contextlib
import itertools

from lxml import etree

from extractors.readers.docx_xml import BREAKS, M_NS, SKIP_IN_P, TABS, R, T, attr, first_in_style_chain, w
from extractors.repair import (
    Encoding,
    detect_by_content,
    encoding_for_font,
    looks_unicode,
    to_unicode,
)


def paragraph_text(
    p: etree._Element, fonts: RunFonts | None = None
) -> tuple[str, list[tuple[etree._Element, str]], bool]:
    """The paragraph's own text (line breaks as "\\n"), its runs with their text, and whether any of
    it was converted from a legacy font encoding.

    With ``fonts``, runs typed in a TCVN3 or VNI font (by the run's or its styles' font name) are
    converted to Unicode; neighbouring runs of one encoding are converted together, because a VNI
    letter's modifier byte may sit in the next run. A paragraph with no legacy font whose characters
    nevertheless say TCVN3 or VNI (``detect_by_content``) is converted as a whole.
    """
    p_style = attr(p.find(f"{w('pPr')}/{w('pStyle')}"), "val") if fonts is not None else None
    pieces: list[tuple[Encoding | None, str]] = []  # (legacy encoding of the run or None, raw text)
    runs: list[tuple[etree._Element, str]] = []

    def collect(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == R:
                encoding = fonts.encoding(child, p_style) if fonts is not None else None
                raw = _run_text(child, legacy=True)
                pieces.append((encoding, raw))
                runs.append((child, raw if encoding else _run_text(child)))
            elif tag == f"{{{M_NS}}}t":  # equation text
                pieces.append((None, child.text or ""))
            elif tag not in SKIP_IN_P and isinstance(tag, str):
                collect(child)  # hyperlink, ins, smartTag, fldSimple, sdt, customXml, moveTo, …

    collect(p)
    if fonts is None or not any(enc for enc, _ in pieces):
        plain = "".join(_plain(raw) for _, raw in pieces)
        if fonts is not None:
            encoding = detect_by_content("".join(raw for _, raw in pieces))
            if encoding is not None:
                fonts.count(encoding)
                return to_unicode("".join(raw for _, raw in pieces), encoding), runs, True
        return plain, runs, False
    # Unicode typed into a legacy font's style (an old template) draws through font fallback and
    # must not be converted: any Unicode-only letter in the legacy runs of this paragraph says so.
    trusted = {enc for enc, _ in pieces if enc} - {enc for enc, raw in pieces if enc and looks_unicode(raw)}
    parts: list[str] = []
    converted: set[str] = set()
    # Neighbouring pieces of one encoding are converted together (consecutive runs of one font).
    for enc, group in itertools.groupby(pieces, key=lambda piece: piece[0] if piece[0] in trusted else None):
        text = "".join(raw for _, raw in group)
        if enc is None:
            parts.append(_plain(text))
            continue
        out = to_unicode(text, enc)
        parts.append(out)
        if out != text:
            converted.add(enc)
    for encoding in converted:
        fonts.count(encoding)
    return "".join(parts), runs, bool(converted)


_SOFT_HYPHEN = "\u00ad"  # TCVN3's "ư" (byte 0xAD), which Word stores as <w:softHyphen/>


def _plain(raw: str) -> str:
    """Text of non-legacy runs: a soft hyphen is an invisible hyphenation hint and is dropped."""
    return raw.replace(_SOFT_HYPHEN, "")


def _run_text(r: etree._Element, legacy: bool = False) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == T:
            out.append(child.text or "")
        elif tag in TABS:
            out.append("\t")
        elif tag in BREAKS:
            out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        elif legacy and tag == w("softHyphen"):
            out.append(_SOFT_HYPHEN)
        elif legacy and tag == w("sym") and encoding_for_font(attr(child, "font")):
            # A character inserted from a legacy font as a symbol: w:char is its code (F0xx or 00xx).
            with contextlib.suppress(ValueError):
                out.append(chr(int(attr(child, "char") or "", 16) & 0xFF))
    return "".join(out)


class RunFonts:
    """The font a run is typed in, as Word resolves it: the run's w:rFonts (hAnsi, then ascii), its
    character style, its paragraph style (each with the styles they are based on), then the
    document defaults; mapped to a legacy encoding by name. Theme fonts are Unicode fonts."""

    def __init__(self, styles: etree._Element) -> None:
        self.styles = styles
        self._by_style: dict[str, str | None] = {}
        self.converted: dict[str, int] = {}  # legacy encoding -> paragraphs/cells converted

    def count(self, encoding: str) -> None:
        self.converted[encoding] = self.converted.get(encoding, 0) + 1

    def encoding(self, r: etree._Element, p_style: str | None) -> Encoding | None:
        name = _font_name(r.find(f"{w('rPr')}/{w('rFonts')}"))
        if name is None:
            r_style = attr(r.find(f"{w('rPr')}/{w('rStyle')}"), "val")
            name = self._style_font(r_style, "character") if r_style else None
        if name is None:
            name = self._style_font(p_style, "paragraph")
        if name is None:
            name = self._default_font()
        return encoding_for_font(name)

    def _style_font(self, style_id: str | None, kind: str) -> str | None:
        key = f"{kind}:{style_id}"
        if key not in self._by_style:
            style = self.styles.get_by_id(style_id) if style_id else None
            if style is None and kind == "paragraph":
                style = next(
                    (
                        s
                        for s in self.styles.findall(w("style"))
                        if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on")
                    ),
                    None,
                )
            self._by_style[key] = first_in_style_chain(
                self.styles, style, lambda s: _font_name(s.find(f"{w('rPr')}/{w('rFonts')}"))
            )
        return self._by_style[key]

    def _default_font(self) -> str | None:
        if "default" not in self._by_style:
            path = f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}"
            self._by_style["default"] = _font_name(self.styles.find(path))
        return self._by_style["default"]


def _font_name(rfonts: etree._Element | None) -> str | None:
    """The font an rFonts element sets for Latin text: a legacy name if hAnsi or ascii has one, else
    the name set, "" for a theme font, None when it sets no Latin font (inherit)."""
    if rfonts is None:
        return None
    names = [rfonts.get(w(a)) for a in ("hAnsi", "ascii")]
    for name in names:
        if name and encoding_for_font(name):
            return name
    if rfonts.get(w("hAnsiTheme")) or rfonts.get(w("asciiTheme")):
        return ""
    return next((n for n in names if n), None)
