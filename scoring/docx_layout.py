"""The Vietnamese administrative layout for Word documents (Nghị định 30/2020/NĐ-CP, Phụ lục I), with
python-docx: the page (A4; margins top and bottom 2 cm, left 3 cm, right 1,5 cm; Times New Roman), the
two-column header (issuing body and number on the left; Quốc hiệu, the underlined Tiêu ngữ, place and
date on the right), the centred bold title, ruled tables whose header row repeats on every page, the
"Nơi nhận" list and the signature block. The number, the day and the signer's name stay blank unless
given: they are written at signing, as in every template. Used by :mod:`scoring.documents`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from extractors.numbers import format_short
from models.clusters import Cluster

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11


@dataclass(frozen=True)
class Signing:
    """What the cluster fills in at signing; blanks are left for what is not known yet."""

    place: str = "Hà Nội"
    on: date | None = None  # None: "ngày … tháng … năm <year after the cluster-year>"
    chair_title: str = ""  # "CHỦ TỊCH UBND QUẬN HOÀN KIẾM"; "" -> from the chair unit's name
    signer: str = ""  # the chair's name, written by hand when blank


def vn(value: float | None, decimals: int = 2) -> str:
    """Vietnamese notation of a score ("95,13", "1.234,5"); "—" where there is none."""
    return "—" if value is None else format_short(value, decimals)


def _font(run, size: float = BODY_PT, bold: bool = False, italic: bool = False, underline: bool = False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs", "w:hAnsi", "w:ascii"):
        fonts.set(qn(attr), FONT)  # Vietnamese letters must not fall back to another font
    return run


def para(
    container,
    text: str = "",
    *,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    size=BODY_PT,
    bold=False,
    italic=False,
    underline=False,
    before: float = 0,
    after: float = 3,
    indent: bool = False,
):
    par = container.add_paragraph()
    par.alignment = align
    fmt = par.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1.0)
    if text:
        _font(par.add_run(text), size, bold, italic, underline)
    return par


def new_document(landscape: bool) -> DocxDocument:
    doc = Document()
    doc.core_properties.language = "vi-VN"
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    return doc


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Fixed column widths in cm: Word and LibreOffice otherwise share the page out by content."""
    table.autofit = False
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell_text(cell: _Cell, lines: Sequence[tuple[str, dict]]) -> None:
    cell.paragraphs[0].text = ""
    for n, (text, style) in enumerate(lines):
        par = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0)
        _font(
            par.add_run(text),
            style.get("size", BODY_PT),
            style.get("bold", False),
            style.get("italic", False),
            style.get("underline", False),
        )


def _signing_date(signing: Signing, year: int) -> str:
    if signing.on is not None:
        d = signing.on
        return f"{signing.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return f"{signing.place}, ngày      tháng      năm {year + 1}"


def issuer_header(
    doc: DocxDocument, cluster: Cluster, number_suffix: str, signing: Signing, width: float
) -> None:
    """Issuing body and number (left), Quốc hiệu, Tiêu ngữ, place and date (right)."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [width * 0.4, width * 0.6])
    left, right = table.rows[0].cells
    organiser = (cluster.organiser_name or cluster.organiser).upper()
    _cell_text(
        left,
        [
            (organiser, {"size": 13}),
            (cluster.name.upper(), {"size": 13, "bold": True}),
            ("", {}),
            (f"Số:        /{number_suffix}", {"size": 13}),
        ],
    )
    _cell_text(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 12, "bold": True}),
            ("Độc lập - Tự do - Hạnh phúc", {"size": 14, "bold": True, "underline": True}),
            ("", {}),
            (_signing_date(signing, cluster.year), {"size": 14, "italic": True}),
        ],
    )


def document_title(doc: DocxDocument, lines: Sequence[str], provisional: bool) -> None:
    if provisional:
        para(
            doc,
            "DỰ THẢO — ĐIỂM TẠM TÍNH (còn thiếu số liệu, chưa trình ký)",
            align=WD_ALIGN_PARAGRAPH.CENTER,
            bold=True,
            before=12,
        )
    for n, line in enumerate(lines):
        para(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14, before=12 if n == 0 else 0)


def signature_block(
    doc: DocxDocument,
    cluster: Cluster,
    unit_name: Callable[[str], str],
    signing: Signing,
    recipients: Sequence[str],
    width: float,
) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [width * 0.45, width * 0.55])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    first = left.paragraphs[0]
    _font(first.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for line in recipients:
        par = left.add_paragraph()
        par.paragraph_format.space_after = Pt(0)
        _font(par.add_run(line), 11)
    chair = signing.chair_title
    if not chair and cluster.chair:
        chair = f"CHỦ TỊCH UBND {unit_name(cluster.chair).upper()}"
    _cell_text(
        right,
        [
            (f"TM. {cluster.name.upper()}", {"size": 13, "bold": True}),
            ("CỤM TRƯỞNG", {"size": 13, "bold": True}),
            (chair, {"size": 13, "bold": True}),
            ("", {}),
            ("", {}),
            ("", {}),
            (signing.signer, {"size": 14, "bold": True}),
        ],
    )


def ruled_table(
    doc: DocxDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    left_cols: frozenset[int] = frozenset({1}),
) -> Table:
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate([header, *rows]):
        for c, text in enumerate(values):
            cell = table.cell(r, c)
            par = cell.paragraphs[0]
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT if (c in left_cols and r) else WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.space_after = Pt(0)
            _font(par.add_run(text), TABLE_PT, bold=r == 0)
    _widths(table, widths)
    # the header row repeats on every page of a long table
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    return table


def save(doc: DocxDocument, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        doc.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
