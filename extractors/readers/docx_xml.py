"""WordprocessingML names and the attribute helper shared by the .docx reader modules.

A leaf module: :mod:`.docx` (body walk) and :mod:`.docx_fonts` (run text and legacy fonts) both
need the element names, and :mod:`.docx` imports :mod:`.docx_fonts`, so they live here to avoid an
import cycle. Element names are precomputed Clark names (``{namespace}local``) because the walk
compares every element's tag against them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from lxml import etree

T = TypeVar("T")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC, R, T, SDT, SDT_CONTENT = (
    w(t) for t in ("p", "tbl", "tr", "tc", "r", "t", "sdt", "sdtContent")
)
CUSTOM_XML, TXBX = w("customXml"), w("txbxContent")
FALLBACK = f"{{{MC_NS}}}Fallback"
# Inside a paragraph: elements whose text is not part of the paragraph's own text. Text boxes
# (drawing/pict/AlternateContent) are read separately; deleted and moved-away text is gone.
SKIP_IN_P = {
    w(t) for t in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object", "instrText", "delText")
} | {f"{{{MC_NS}}}AlternateContent"}
BREAKS = {w("br"), w("cr")}
TABS = {w("tab"), w("ptab")}


def attr(element: etree._Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``element``, None when the element or the attribute is missing."""
    return None if element is None else element.get(w(name))


def first_in_style_chain(
    styles: Any, style: etree._Element | None, read: Callable[[etree._Element], T | None]
) -> T | None:
    """The first non-None ``read(style)`` along a style and the styles it is based on (cycle-safe).

    Word resolves a run property through ``w:basedOn``; bold and the font family are read this way."""
    seen: set[int] = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        value = read(style)
        if value is not None:
            return value
        based = attr(style.find(w("basedOn")), "val")
        style = styles.get_by_id(based) if based else None
    return None
