"""Word (.docx) reader: python-docx opens the package, and we walk the XML of the parts we read.

python-docx reads the package (the zip, content types, relationships and each part's bytes); its
document model is not built. Building it parsed every XML part into python-docx's element classes —
the styles part of Word's default template alone is 9 000 elements — and most of that was never
looked at. So the document, header and footer parts are parsed with python-docx's parser options
into plain lxml elements (:data:`.docx_xml.PARSER`), and the styles part is read only as far as the
document asks (:mod:`.docx_styles`).

We walk the XML rather than use ``Document.iter_inner_content()`` / ``Paragraph.text`` because those
skip content-control (``w:sdt``) blocks, tracked insertions (``w:ins``), simple fields and smart
tags, and ``row.cells`` repeats a merged cell once per grid column. Reports typed from templates
are full of such wrappers, and a reader must not drop text silently.

The run text and legacy-font conversion live in :mod:`.docx_fonts`, the element names in
:mod:`.docx_xml`; this module keeps the reader entry point and the walk of body, tables, text
boxes, headers, footers and notes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import NamedTuple

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.package import OpcPackage, Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgreader import PackageReader
from docx.parts.styles import StylesPart
from docx.styles import BabelFish
from lxml import etree

from extractors.document import Block, Cell, Document, Locator, Paragraph, Table
from extractors.readers.docx_fonts import Run, RunFonts, paragraph_text, rpr_child, toggle
from extractors.readers.docx_styles import StyleSheet, style_name
from extractors.readers.docx_xml import (
    ALT_CHUNK,
    BODY,
    CUSTOM_XML,
    FALLBACK,
    GRID_AFTER,
    GRID_BEFORE,
    GRID_COL,
    GRID_SPAN,
    H_MERGE,
    PARSER,
    R_NS,
    SDT,
    SDT_CONTENT,
    TBL,
    TBL_GRID,
    TC,
    TCPR,
    TR,
    TRPR,
    TXBX,
    V_MERGE,
    VAL,
    B,
    P,
    damaged,
    w,
)
from extractors.repair import REPAIRED
from extractors.text import nfc

_LIBRARY_ERRORS = (OpcError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, etree.LxmlError)
_HEADER_FOOTER = (CT.WML_HEADER, CT.WML_FOOTER)
_R_ID = f"{{{R_NS}}}id"


class _Package(NamedTuple):
    body: etree._Element
    styles: StyleSheet
    headers_footers: list[etree._Element]  # the roots of the header and footer parts, in section order
    main: Part  # the main document part, for its notes


def read_docx(name: str, data: bytes, sha256: str) -> Document:
    try:
        package = _open(name, data)
    except _LIBRARY_ERRORS as exc:
        # KeyError: a part named in [Content_Types]/rels is missing; ValueError: not a .docx content
        # type (e.g. a macro-enabled .docm or a template); the rest: corrupt zip or XML.
        raise damaged(name, exc) from exc
    reader = _BodyReader(package.styles)
    reader.read(package.body)
    # Footnotes often carry the data cut-off date ("số liệu tính đến 15/12"): read them after the body.
    for note in _notes(package.main):
        reader.read(note)
    header_footer = _header_footer(package.headers_footers, reader.fonts)
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


def _open(name: str, data: bytes) -> _Package:
    """python-docx's reading of the package, with every part kept as bytes; then the parts we read."""
    package = OpcPackage()
    Unmarshaller.unmarshal(PackageReader.from_file(io.BytesIO(data)), package, _unparsed)
    main = package.main_document_part
    if main.content_type != CT.WML_DOCUMENT_MAIN:  # what python-docx's Document() refuses
        raise ValueError(f"file '{name}' is not a Word file, content type is '{main.content_type}'")
    body = etree.fromstring(main.blob, PARSER).find(BODY)
    if body is None:
        raise ValueError("the main document part has no body")
    try:
        styles = StyleSheet(name, main.part_related_by(RT.STYLES).blob)
    except KeyError:  # no styles part: python-docx's default styles, as its Document() would use
        styles = StyleSheet(name, root=StylesPart.default(package).element)
    parts: list[Part] = []
    related = main.related_parts
    for ref in body.iter(w("headerReference"), w("footerReference")):
        part = related.get(ref.get(_R_ID))
        if part is not None and part.content_type in _HEADER_FOOTER and all(part is not p for p in parts):
            parts.append(part)
    return _Package(body, styles, [etree.fromstring(part.blob, PARSER) for part in parts], main)


def _unparsed(partname: PackURI, content_type: str, reltype: str, blob: bytes, package: OpcPackage) -> Part:
    """python-docx's part factory, but no part is parsed: :func:`_open` parses the ones it reads."""
    return Part.load(partname, content_type, blob, package)


class _BodyReader:
    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self.fonts = RunFonts(styles)
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.n_paragraphs = 0
        self.n_tables = 0
        self._boxes = False  # the container being read holds text boxes
        self._style_names: dict[str | None, str | None] = {}
        self._style_bold: dict[tuple[str, str | None], bool | None] = {}

    def read(self, container: etree._Element) -> None:
        """Emit the paragraphs and tables of a body or note, in order."""
        # Most reports have no text box: then no paragraph needs searching for one.
        self._boxes = next(container.iter(TXBX), None) is not None
        self._walk(container)

    def _walk(self, container: etree._Element) -> None:
        """Emit the paragraphs and tables of a body, cell-less container or text box, in order."""
        for child in _block_children(container):
            if child.tag == P:
                self._paragraph(child)
            elif child.tag == TBL:
                self._table(child, parent=None)
            elif child.tag == ALT_CHUNK:
                self.warnings.append("the document embeds an imported file (altChunk) that is not read")

    def _paragraph(self, p: etree._Element) -> None:
        para = paragraph_text(p, self.fonts)
        text = clean(para.text)
        if text:
            texts = [run for run in para.runs if run.text.strip()]
            bold = bool(texts) and all(self._run_bold(run, para.style) for run in texts)
            index = self.n_paragraphs
            self.n_paragraphs += 1
            repairs = (REPAIRED,) if para.converted else ()
            self.blocks.append(
                Paragraph(index, text, Locator(f"p{index}"), self._style_name(para.style), bold, repairs)
            )
        if self._boxes:
            for box in text_boxes(p):
                self._walk(box)

    def _table(self, tbl: etree._Element, parent: str | None) -> None:
        index = self.n_tables
        self.n_tables += 1
        cells: list[Cell] = []
        nested: list[tuple[etree._Element, str]] = []
        open_v: dict[int, Cell] = {}  # grid column -> the cell a vMerge chain started in
        rows = list(_children(tbl, TR))
        n_cols = sum(1 for grid in tbl.iterchildren(TBL_GRID) for _ in grid.iterchildren(GRID_COL))
        for r, tr in enumerate(rows):
            before, after = _properties(tr, TRPR, (GRID_BEFORE, GRID_AFTER))
            col = _int(before, 0)
            last: Cell | None = None
            for tc in _children(tr, TC):
                grid_span, v_merge, h_merge = _properties(tc, TCPR, (GRID_SPAN, V_MERGE, H_MERGE))
                span = max(1, _int(grid_span, 1))
                v_kind, h_kind = _merge_kind(v_merge), _merge_kind(h_merge)
                text, inner, repaired = self._cell_content(tc)
                above = open_v.get(col)
                if v_kind == "continue" and above is not None and above.row + above.row_span == r:
                    above.row_span += 1
                    cell = above
                    if text:  # Word leaves continuation cells empty; keep any text rather than drop it
                        cell.text = f"{cell.text}\n{text}" if cell.text else text
                        cell.repairs = (REPAIRED,) if repaired else cell.repairs
                elif h_kind == "continue" and last is not None:  # pre-2007 horizontal merge
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
                    if v_kind == "restart":
                        open_v[col] = cell
                nested.extend((t, cell.locator.block) for t in inner)
                last = cell
                col += span
            n_cols = max(n_cols, col + _int(after, 0))
        self.blocks.append(Table(index, len(rows), n_cols, cells, page=None, parent=parent))
        # Nested tables follow their parent, numbered on from it, depth first.
        for inner_tbl, holder in nested:
            self._table(inner_tbl, parent=holder)

    def _cell_content(self, tc: etree._Element) -> tuple[str, list[etree._Element], bool]:
        lines: list[str] = []
        tables: list[etree._Element] = []
        repaired = False
        stack = list(_block_children(tc))
        stack.reverse()  # popped from the end: the first child first
        while stack:
            child = stack.pop()
            if child.tag == P:
                para = paragraph_text(child, self.fonts)
                lines.append(para.text)
                repaired = repaired or para.converted
                if self._boxes:  # a text box's content is read right after its paragraph
                    for box in reversed(list(text_boxes(child))):
                        stack.extend(reversed(list(_block_children(box))))
            elif child.tag == TBL:
                tables.append(child)
        return clean("\n".join(lines)), tables, repaired

    def _style_name(self, style_id: str | None) -> str | None:
        if style_id not in self._style_names:
            name = style_name(self.styles.lookup(style_id, "paragraph"))
            self._style_names[style_id] = BabelFish.internal2ui(name) if name else None
        return self._style_names[style_id]

    def _run_bold(self, run: Run, p_style_id: str | None) -> bool:
        if run.bold is not None:
            return run.bold
        bold = self._chain_bold(run.style, "character") if run.style else None
        if bold is None:
            bold = self._chain_bold(p_style_id, "paragraph")
        return bool(bold)

    def _chain_bold(self, style_id: str | None, kind: str) -> bool | None:
        """Bold as set by a style or the styles it is based on (first definition wins)."""
        key = (kind, style_id)
        if key not in self._style_bold:
            self._style_bold[key] = self.styles.first_in_chain(
                self.styles.lookup(style_id, kind), lambda s: toggle(rpr_child(s, B))
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
    if "\n" not in text:
        return nfc(text)
    return "\n".join(line for line in (nfc(part) for part in text.split("\n")) if line)


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Children of a block container, looking through content controls and custom-XML wrappers."""
    for child in container:
        tag = child.tag
        if tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_children(content)
        elif tag == CUSTOM_XML:
            yield from _block_children(child)
        else:
            yield child


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    return (c for c in _block_children(element) if c.tag == tag)


def _properties(element: etree._Element, holder: str, tags: tuple[str, ...]) -> list[etree._Element | None]:
    """The first of each of ``tags`` among the children of ``element``'s ``holder`` children (w:tcPr,
    w:trPr), as ``find(f"{holder}/{tag}")`` finds each, in one pass."""
    found: list[etree._Element | None] = [None] * len(tags)
    for props in element.iterchildren(holder):
        for prop in props:
            if prop.tag in tags:
                i = tags.index(prop.tag)
                if found[i] is None:
                    found[i] = prop
    return found


def _header_footer(roots: list[etree._Element], fonts: RunFonts) -> list[str]:
    """Texts of every header and footer part referenced by any section, in section order, once."""
    texts: list[str] = []
    for root in roots:
        for p in root.iter(P):
            if any(a.tag == FALLBACK for a in p.iterancestors()):
                continue
            for line in clean(paragraph_text(p, fonts).text).split("\n"):
                if line and line not in texts:
                    texts.append(line)
    return texts


def _notes(main: Part) -> Iterator[etree._Element]:
    """Footnote and endnote bodies, skipping Word's separator pseudo-notes."""
    for rel in main.rels.values():
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
    value = None if element is None else element.get(VAL)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _merge_kind(element: etree._Element | None) -> str | None:
    """None (not merged), "restart" or "continue" (the default when w:val is absent)."""
    if element is None:
        return None
    return element.get(VAL) or "continue"
