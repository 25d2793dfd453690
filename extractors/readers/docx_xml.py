"""WordprocessingML names, the parser and the "damaged file" refusal shared by the .docx reader modules.

A leaf module: :mod:`.docx` (body walk), :mod:`.docx_fonts` (run text and legacy fonts) and
:mod:`.docx_styles` (the styles part) all need these, and import each other, so they live here to
avoid an import cycle. Element names are precomputed Clark names (``{namespace}local``) because the
walk compares every element's tag against them.
"""

from __future__ import annotations

from lxml import etree

from extractors.document import UnreadableDocument

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
CUSTOM_XML, TXBX, BODY, ALT_CHUNK = w("customXml"), w("txbxContent"), w("body"), w("altChunk")
PPR, PSTYLE, RPR, RSTYLE, RFONTS, B = (w(t) for t in ("pPr", "pStyle", "rPr", "rStyle", "rFonts", "b"))
TCPR, TRPR, GRID_SPAN, V_MERGE, H_MERGE = (w(t) for t in ("tcPr", "trPr", "gridSpan", "vMerge", "hMerge"))
GRID_BEFORE, GRID_AFTER, TBL_GRID, GRID_COL = (
    w(t) for t in ("gridBefore", "gridAfter", "tblGrid", "gridCol")
)
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
VAL = w("val")
FALLBACK = f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"  # equation text
# Inside a paragraph: elements whose text is not part of the paragraph's own text. Text boxes
# (drawing/pict/AlternateContent) are read separately; deleted and moved-away text is gone.
SKIP_IN_P = {
    w(t) for t in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object", "instrText", "delText")
} | {f"{{{MC_NS}}}AlternateContent"}
BREAKS = {w("br"), w("cr")}
TABS = {w("tab"), w("ptab")}

# The options python-docx parses parts with (``docx.oxml.parser.oxml_parser``), without its element
# classes: the reader reads tags, attributes and text only, so the tree is the one python-docx would
# build (blank text between elements dropped, entities not expanded), and plain lxml elements are
# created several times faster than python-docx's proxies.
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def attr(element: etree._Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``element``, None when the element or the attribute is missing."""
    return None if element is None else element.get(w(name))


def damaged(name: str, exc: Exception) -> UnreadableDocument:
    """The refusal of a Word file whose package or XML the libraries cannot parse."""
    return UnreadableDocument(
        name,
        f"the Word file is damaged and cannot be parsed ({type(exc).__name__}: {exc})",
        "Open it in Word or LibreOffice, save it again as .docx or PDF and submit it again",
    )
