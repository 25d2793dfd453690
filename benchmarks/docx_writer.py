"""The Word writer: the same blocks as the PDF, as a .docx made with python-docx.

python-docx provides the package (default template, styles, section, footer, core properties,
saving); the body is built as WordprocessingML text and parsed once, because creating thousands of
paragraphs through python-docx's object API is what would make Word generation slow (measured on the
same 78 pages: 159 pages/s through the API for writing alone; this writer, layout included, about
230 pages/s, and about 170 pages/s per process for whole reports, content generation included).

The page layout is Word's, not ours: we give Word the same fonts, sizes, margins and spacing as
:mod:`benchmarks.layout` uses, keep headings with the next paragraph and table rows unsplit, and mark
where the layout starts each page with ``w:lastRenderedPageBreak`` (what Word itself writes after
laying a document out). :func:`docx_page_count` counts those marks.

Reproducible bytes: fixed core-property dates and fixed ZIP entry timestamps.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt

from benchmarks.fonts import FontSet
from benchmarks.layout import LINE_SPACING
from benchmarks.model import CM, Block, Columns, Para, Table, fragments

TWIP = 20  # twentieths of a point
_JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}
_BORDER = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_GRID_BORDERS = "".join(_BORDER.format(e) for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
_NO_BORDERS = "".join(
    f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_MARK = "<w:lastRenderedPageBreak/>"


def docx_family(fonts: FontSet) -> str:
    """The font named in the .docx: Times New Roman when we lay out with its metric twin."""
    return "Times New Roman" if fonts.family == "Liberation Serif" else fonts.family


def _run(text: str, style: str, size: float | None, mark: bool = False) -> str:
    props = ("<w:b/>" if style == "bold" else "<w:i/>" if style == "italic" else "") + (
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}{_MARK if mark else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para_xml(
    para: Para, *, cell: bool = False, mark_at: int | None = None, default_size: float = 14.0
) -> str:
    """One paragraph; ``mark_at`` is the plain-text offset where a page starts (a run is split there)."""
    ppr = []
    if para.keep_next:
        ppr.append("<w:keepNext/>")
    if para.break_before:
        ppr.append("<w:pageBreakBefore/>")
    if cell:
        ppr.append('<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>')
    else:
        if para.space_after != 4.0:
            ppr.append(f'<w:spacing w:after="{round(para.space_after * TWIP)}"/>')
        if para.indent != CM:
            ppr.append(f'<w:ind w:firstLine="{round(para.indent * TWIP)}"/>')
    if para.align != "justify" or cell:
        ppr.append(f'<w:jc w:val="{_JC[para.align]}"/>')
    size = None if para.size == default_size else para.size
    runs = []
    pos = 0
    for style, text in fragments(para):
        if mark_at is not None and pos <= mark_at < pos + len(text):
            cut = mark_at - pos
            if cut:
                runs.append(_run(text[:cut], style, size))
            runs.append(_run(text[cut:], style, size, mark=True))
            mark_at = None
        else:
            runs.append(_run(text, style, size))
        pos += len(text)
    if mark_at is not None:  # an empty paragraph opening a page
        runs.append(f"<w:r>{_MARK}</w:r>")
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{''.join(runs)}</w:p>"


def _table_xml(table: Table, mark_row: int | None) -> str:
    merged = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in table.merges}
    below = {}  # grid position under the first row of a vertical merge -> (col span)
    for (r0, c0), (r1, c1) in merged.items():
        for r in range(r0 + 1, r1 + 1):
            below[(r, c0)] = c1 - c0 + 1
    covered = {
        (r, c) for (r0, c0), (r1, c1) in merged.items() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    }
    grid = "".join(f'<w:gridCol w:w="{round(w * CM * TWIP)}"/>' for w in table.widths)
    rows = []
    for r, row in enumerate(table.rows):
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if r < table.header_rows else "")
        cells = []
        c = 0
        while c < len(row):
            if (r, c) in below:
                span = below[(r, c)]
                cells.append(_tc(table, span, c, "<w:vMerge/>", "<w:p/>"))
                c += span
                continue
            if (r, c) in covered and (r, c) not in merged:
                c += 1
                continue
            r1, c1 = merged.get((r, c), (r, c))
            vmerge = '<w:vMerge w:val="restart"/>' if r1 > r else ""
            mark = mark_row == r and c == 0
            body = "".join(
                _para_xml(p, cell=True, mark_at=0 if mark and k == 0 else None)
                for k, p in enumerate(table.cell_paras(r, c))
            )
            cells.append(_tc(table, c1 - c + 1, c, vmerge, body))
            c = c1 + 1
        rows.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>")
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_GRID_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _tc(table: Table, span: int, c: int, vmerge: str, body: str) -> str:
    width = round(sum(table.widths[c : c + span]) * CM * TWIP)
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>{gs}{vmerge}<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _columns_xml(block: Columns, mark: bool) -> str:
    grid = "".join(f'<w:gridCol w:w="{round(w * CM * TWIP)}"/>' for w in block.widths)
    cells = []
    for k, (col, w) in enumerate(zip(block.cols, block.widths, strict=True)):
        paras = [
            _para_xml(
                Para(t, align=a, indent=0.0, size=block.size, bold=s == "bold", italic=s == "italic"),
                cell=True,
                mark_at=0 if mark and k == 0 and i == 0 else None,
            )
            for i, (t, s, a) in enumerate(col)
        ] or ["<w:p/>"]
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{round(w * CM * TWIP)}" w:type="dxa"/></w:tcPr>'
            f"{''.join(paras)}</w:tc>"
        )
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{''.join(cells)}</w:tr></w:tbl>"
    )


def _after_table() -> str:
    """Word needs a paragraph between two tables; a small empty one, as the sample reports have."""
    return (
        '<w:p><w:pPr><w:spacing w:after="0"/><w:ind w:firstLine="0"/>'
        '<w:rPr><w:sz w:val="12"/></w:rPr></w:pPr></w:p>'
    )


def body_xml(blocks: list[Block], starts: list[tuple[int, int]]) -> str:
    marks = dict(starts)
    out = []
    for i, block in enumerate(blocks):
        at = marks.get(i)
        if isinstance(block, Para):
            out.append(_para_xml(block, mark_at=at))
        elif isinstance(block, Table):
            out.append(_table_xml(block, at))
            out.append(_after_table())
        else:
            out.append(_columns_xml(block, at is not None))
    return "".join(out)


def write_docx(
    blocks: list[Block],
    starts: list[tuple[int, int]],
    fonts: FontSet,
    path: Path,
    *,
    title: str,
    author: str,
    when: datetime,
) -> None:
    """Write the report; ``starts`` are the layout's page starts (:attr:`Paginator.starts`)."""
    doc = Document()
    family = docx_family(fonts)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.footer_distance = Cm(0.8)
    styles = doc.styles.element
    _set_fonts(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")), family)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr(), family)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(1)
    pf.space_before, pf.space_after = Pt(0), Pt(4)
    pf.line_spacing = LINE_SPACING
    pf.widow_control = True
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Cm(0)
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="24"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )
    body = doc.element.body
    sect_pr = body.find(qn("w:sectPr"))
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{body_xml(blocks, starts)}</w:body>")
    for child in list(fragment):
        sect_pr.addprevious(child)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = author
    cp.title = title
    cp.subject = cp.keywords = cp.comments = cp.category = ""
    cp.revision = 1
    cp.created = cp.modified = cp.last_printed = when
    buf = io.BytesIO()
    doc.save(buf)
    _save_fixed(buf.getvalue(), path, when)


def _set_fonts(rpr: BaseOxmlElement, family: str) -> None:
    """Explicit fonts on an rPr (theme fonts removed) and Vietnamese as the language."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), family)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _save_fixed(data: bytes, path: Path, when: datetime) -> None:
    """Rewrite the package with fixed entry timestamps, so that reruns give byte-identical files."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            out.writestr(entry, src.read(info.filename), compresslevel=6)


def docx_page_count(path: Path) -> int:
    """Pages of a generated .docx: one plus the page starts marked in its body (a paragraph that
    starts a page with ``w:pageBreakBefore`` is marked too, so the break is not counted twice)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    return 1 + xml.count(b"<w:lastRenderedPageBreak/>")
