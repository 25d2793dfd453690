"""Word (.docx) reader built on python-docx's package loading and our own walk of the body XML.

We walk the XML rather than use ``Document.iter_inner_content()`` / ``Paragraph.text`` because those
skip content-control (``w:sdt``) blocks, tracked insertions (``w:ins``), simple fields and smart
tags, and ``row.cells`` repeats a merged cell once per grid column. Reports typed from templates
are full of such wrappers, and a reader must not drop text silently.

The run text and legacy-font conversion live in :mod:`.docx_fonts` and the element names in
:mod:`.docx_xml`; this module keeps the reader entry point and the walk of body, tables, text
boxes, headers, footers and notes. :func:`paragraph_text` and :class:`RunFonts` stay importable
from here.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import OpcError
from docx.styles import BabelFish
from lxml import etree

from extractors.document import Block, Cell, Document, Locator, Paragraph, Table, UnreadableDocument
from extractors.readers.docx_fonts import RunFonts, paragraph_text
from extractors.readers.docx_xml import (
    CUSTOM_XML,
    FALLBACK,
    R_NS,
    SDT,
    SDT_CONTENT,
    TBL,
    TC,
    TR,
    TXBX,
    P,
    attr,
    first_in_style_chain,
    w,
)
from extractors.repair import REPAIRED
from extractors.text import nfc

_OFF = {"0", "false", "off"}

_LIBRARY_ERRORS = (OpcError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, etree.LxmlError)


def read_docx(name: str, data: bytes, sha256: str) -> Document:
    try:
        package = docx.Document(io.BytesIO(data))
    except _LIBRARY_ERRORS as exc:
        # KeyError: a part named in [Content_Types]/rels is missing; ValueError: not a .docx content
        # type (e.g. a macro-enabled .docm or a template); the rest: corrupt zip or XML.
        raise UnreadableDocument(
            name,
            f"the Word file is damaged and cannot be parsed ({type(exc).__name__}: {exc})",
            "Open it in Word or LibreOffice, save it again as .docx or PDF and submit it again",
        ) from exc
    reader = _BodyReader(package)
    reader.walk(package.element.body)
    # Footnotes often carry the data cut-off date ("số liệu tính đến 15/12"): read them after the body.
    for note in _notes(package):
        reader.walk(note)
    header_footer = _header_footer(package, reader.fonts)
    if reader.fonts.converted:
        counts = ", ".join(f"{enc}: {n}" for enc, n in sorted(reader.fonts.converted.items()))
        reader.warnings.append(
            f"text typed in legacy Vietnamese fonts was converted to Unicode (paragraphs by encoding: "
            f"{counts}); figures read from it are flagged repaired_text"
        )
    return Document(
        path=name,
        format="docx",
        sha256=sha256,
        blocks=reader.blocks,
        header_footer=header_footer,
        pages=None,
        warnings=reader.warnings,
    )


class _BodyReader:
    def __init__(self, package: docx.document.Document) -> None:
        self.styles = package.styles.element
        self.fonts = RunFonts(self.styles)
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.n_paragraphs = 0
        self.n_tables = 0
        self._style_names: dict[str | None, str | None] = {}
        self._style_bold: dict[str | None, bool | None] = {}

    def walk(self, container: etree._Element) -> None:
        """Emit the paragraphs and tables of a body, cell-less container or text box, in order."""
        for child in _block_children(container):
            if child.tag == P:
                self._paragraph(child)
            elif child.tag == TBL:
                self._table(child, parent=None)
            elif child.tag == w("altChunk"):
                self.warnings.append("the document embeds an imported file (altChunk) that is not read")

    def _paragraph(self, p: etree._Element) -> None:
        raw, runs, repaired = paragraph_text(p, self.fonts)
        text = clean(raw)
        if text:
            style_id = attr(p.find(f"{w('pPr')}/{w('pStyle')}"), "val")
            texts = [r for r, t in runs if t.strip()]
            bold = bool(texts) and all(self._run_bold(r, style_id) for r in texts)
            index = self.n_paragraphs
            self.n_paragraphs += 1
            repairs = (REPAIRED,) if repaired else ()
            self.blocks.append(
                Paragraph(index, text, Locator(f"p{index}"), self._style_name(style_id), bold, repairs)
            )
        for box in text_boxes(p):
            self.walk(box)

    def _table(self, tbl: etree._Element, parent: str | None) -> None:
        index = self.n_tables
        self.n_tables += 1
        cells: list[Cell] = []
        nested: list[tuple[etree._Element, str]] = []
        open_v: dict[int, Cell] = {}  # grid column -> the cell a vMerge chain started in
        rows = list(_children(tbl, TR))
        n_cols = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
        for r, tr in enumerate(rows):
            col = _int(tr.find(f"{w('trPr')}/{w('gridBefore')}"), 0)
            last: Cell | None = None
            for tc in _children(tr, TC):
                span = max(1, _int(tc.find(f"{w('tcPr')}/{w('gridSpan')}"), 1))
                v_merge = _merge_kind(tc.find(f"{w('tcPr')}/{w('vMerge')}"))
                h_merge = _merge_kind(tc.find(f"{w('tcPr')}/{w('hMerge')}"))
                text, inner, repaired = self._cell_content(tc)
                above = open_v.get(col)
                if v_merge == "continue" and above is not None and above.row + above.row_span == r:
                    above.row_span += 1
                    cell = above
                    if text:  # Word leaves continuation cells empty; keep any text rather than drop it
                        cell.text = f"{cell.text}\n{text}" if cell.text else text
                        cell.repairs = (REPAIRED,) if repaired else cell.repairs
                elif h_merge == "continue" and last is not None:  # pre-2007 horizontal merge
                    last.col_span += span
                    cell = last
                    if text:
                        cell.text = f"{cell.text}\n{text}" if cell.text else text
                        cell.repairs = (REPAIRED,) if repaired else cell.repairs
                else:
                    cell = Cell(
                        r,
                        col,
                        text,
                        Locator(f"t{index}.r{r}.c{col}"),
                        col_span=span,
                        repairs=(REPAIRED,) if repaired else (),
                    )
                    cells.append(cell)
                    for c in range(col, col + span):
                        open_v.pop(c, None)
                    if v_merge == "restart":
                        open_v[col] = cell
                nested.extend((t, cell.locator.block) for t in inner)
                last = cell
                col += span
            n_cols = max(n_cols, col + _int(tr.find(f"{w('trPr')}/{w('gridAfter')}"), 0))
        self.blocks.append(Table(index, len(rows), n_cols, cells, page=None, parent=parent))
        # Nested tables follow their parent, numbered on from it, depth first.
        for inner_tbl, holder in nested:
            self._table(inner_tbl, parent=holder)

    def _cell_content(self, tc: etree._Element) -> tuple[str, list[etree._Element], bool]:
        lines: list[str] = []
        tables: list[etree._Element] = []
        repaired = False
        stack = list(_block_children(tc))
        while stack:
            child = stack.pop(0)
            if child.tag == P:
                text, _, converted = paragraph_text(child, self.fonts)
                lines.append(text)
                repaired = repaired or converted
                for box in text_boxes(child):
                    stack[0:0] = list(_block_children(box))
            elif child.tag == TBL:
                tables.append(child)
        return clean("\n".join(lines)), tables, repaired

    def _style_name(self, style_id: str | None) -> str | None:
        if style_id not in self._style_names:
            style = self._style(style_id)
            name = style.name_val if style is not None else None
            self._style_names[style_id] = BabelFish.internal2ui(name) if name else None
        return self._style_names[style_id]

    def _style(self, style_id: str | None, kind: str = "paragraph") -> etree._Element | None:
        if style_id:
            style = self.styles.get_by_id(style_id)
            if style is not None:
                return style
        if kind != "paragraph":
            return None
        # No (or a dangling) pStyle means the default paragraph style, usually "Normal".
        for style in self.styles.findall(w("style")):
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                return style
        return None

    def _run_bold(self, r: etree._Element, p_style_id: str | None) -> bool:
        direct = _toggle(r.find(f"{w('rPr')}/{w('b')}"))
        if direct is not None:
            return direct
        r_style = attr(r.find(f"{w('rPr')}/{w('rStyle')}"), "val")
        bold = self._chain_bold(r_style, "character") if r_style else None
        if bold is None:
            bold = self._chain_bold(p_style_id, "paragraph")
        return bool(bold)

    def _chain_bold(self, style_id: str | None, kind: str) -> bool | None:
        """Bold as set by a style or the styles it is based on (first definition wins)."""
        key = f"{kind}:{style_id}"
        if key not in self._style_bold:
            self._style_bold[key] = first_in_style_chain(
                self.styles, self._style(style_id, kind), lambda s: _toggle(s.find(f"{w('rPr')}/{w('b')}"))
            )
        return self._style_bold[key]


def text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Text-box contents anchored in ``p``, once each: the VML fallback copy of a DrawingML box is
    skipped, and boxes inside boxes are reached when their own host paragraph is read."""
    for box in p.iter(TXBX):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (TXBX, FALLBACK):
                break
            ancestor = ancestor.getparent()
        else:
            yield box


def clean(text: str) -> str:
    """NFC each line, drop empty lines, keep the remaining line breaks."""
    return "\n".join(line for line in (nfc(part) for part in text.split("\n")) if line)


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Children of a block container, looking through content controls and custom-XML wrappers."""
    for child in container:
        if child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_children(content)
        elif child.tag == CUSTOM_XML:
            yield from _block_children(child)
        else:
            yield child


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    return (c for c in _block_children(element) if c.tag == tag)


def _header_footer(package: docx.document.Document, fonts: RunFonts) -> list[str]:
    """Texts of every header and footer part referenced by any section, in section order, once."""
    texts: list[str] = []
    related = package.part.related_parts
    refs = package.element.body.iter(w("headerReference"), w("footerReference"))
    seen_parts: set[int] = set()
    for ref in refs:
        part = related.get(ref.get(f"{{{R_NS}}}id"))
        if part is None or id(part) in seen_parts:
            continue
        seen_parts.add(id(part))
        for p in part.element.iter(P):
            if any(a.tag == FALLBACK for a in p.iterancestors()):
                continue
            for line in clean(paragraph_text(p, fonts)[0]).split("\n"):
                if line and line not in texts:
                    texts.append(line)
    return texts


def _notes(package: docx.document.Document) -> Iterator[etree._Element]:
    """Footnote and endnote bodies, skipping Word's separator pseudo-notes."""
    for rel in package.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue  # a damaged notes part must not cost us the body
        for note in root:
            if note.tag in (w("footnote"), w("endnote")) and note.get(w("type")) in (None, "normal"):
                yield note


def _int(element: etree._Element | None, default: int) -> int:
    value = attr(element, "val")
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return (attr(element, "val") or "1").lower() not in _OFF


def _merge_kind(element: etree._Element | None) -> str | None:
    """None (not merged), "restart" or "continue" (the default when w:val is absent)."""
    if element is None:
        return None
    return attr(element, "val") or "continue"
