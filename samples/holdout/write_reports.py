#!/usr/bin/env python3
"""Hold-out sample reports written by a third, independent author.

Ten Vietnamese annual reports (Cụm thi đua số 8 districts 2021-2024 and two 2025 wards), each as
``NAME.docx`` with ``NAME.expected.json`` beside it; six are also rendered to ``NAME.pdf`` by
LibreOffice (one ``soffice`` call, isolated profile).  Wording and layouts are deliberately unlike
the other sample sets.  Every figure that appears in a report and in its expected file comes from
the same Python variable.

Run:  /tmp/venv/bin/python samples/holdout/write_reports.py      (needs ``soffice`` for the PDFs)
      add ``--no-pdf`` to write only the docx and json files.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent
FONT = "Liberation Serif"
LO_PROFILE = "file:///tmp/lo-holdout-profile"

TRIEU = 10**6
TY = 10**9
NGHIN_TY = 10**12


# --------------------------------------------------------------------------- number helpers


def n(x, dec: int = 0) -> str:
    """Vietnamese number: '.' groups thousands, ',' is the decimal mark (12.165,1)."""
    s = format(D(str(x)), f",.{dec}f")
    return s.replace(",", "\0").replace(".", ",").replace("\0", ".")


def z(k: int) -> str:
    """Leading-zero count as administrative texts write small numbers ('06', '09')."""
    return f"{k:02d}"


def ratio(a, b, dec: int = 1) -> D:
    return (D(str(a)) / D(str(b)) * 100).quantize(D(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def check_ratio(a, b, pct, dec: int = 1) -> None:
    got = ratio(a, b, dec)
    assert got == D(str(pct)), f"{a}/{b} = {got}%, text says {pct}%"


VN_WORDS = {
    1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
    10: "mười", 11: "mười một", 12: "mười hai", 13: "mười ba", 14: "mười bốn", 15: "mười lăm",
    24: "hai mươi tư",
}


def words(k: int) -> str:
    return VN_WORDS[k]


# --------------------------------------------------------------------------- expected figures


class Expected:
    def __init__(self, unit: str, year: int):
        self.unit, self.year = unit, year
        self.figures: dict[str, dict] = {}
        self.traps: list[str] = []

    def _put(self, code, value, flags, extra):
        assert code not in self.figures, code
        fig = {"value": value, "flags": list(flags)}
        fig.update(extra)
        self.figures[code] = fig

    def money(self, code, amount, scale, flags=(), **extra):
        v = D(str(amount)) * scale
        assert v == v.to_integral_value(), (code, amount)
        self._put(code, int(v), flags, extra)

    def pct(self, code, p, flags=(), **extra):
        self._put(code, float(D(str(p))), flags, extra)

    def growth(self, code, g, flags=(), **extra):
        """'tăng g%' -> 100+g, 'giảm g%' given as negative g -> 100+g."""
        self._put(code, float(D(100) + D(str(g))), flags, extra)

    def count(self, code, k, flags=(), **extra):
        assert isinstance(k, int) and k >= 0
        self._put(code, k, flags, extra)

    def trap(self, text: str):
        self.traps.append(text)

    def dump(self) -> str:
        return json.dumps(
            {"unit": self.unit, "year": self.year, "figures": self.figures, "traps": self.traps},
            ensure_ascii=False, indent=2,
        ) + "\n"


# --------------------------------------------------------------------------- docx builder

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


class Report:
    """A thin layer over python-docx producing the look of a Vietnamese administrative text."""

    def __init__(self, size: float = 13):
        self.d = Document()
        self.size = size
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
        self._fonts()

    def _fonts(self):
        styles_el = self.d.styles.element
        rpr = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), FONT)
        normal = self.d.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.size)
        nrf = normal.element.get_or_add_rPr().get_or_add_rFonts()
        nrf.set(qn("w:eastAsia"), FONT)
        nrf.set(qn("w:cs"), FONT)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(4), 1.1

    # -- text
    @staticmethod
    def _runs(p, text, bold=False, italic=False, size=None):
        """'**x**' toggles bold, '__x__' toggles italic, '\n' is a line break."""
        b_on = False
        for i, chunk in enumerate(text.split("**")):
            b_on = i % 2 == 1
            for j, piece in enumerate(chunk.split("__")):
                i_on = j % 2 == 1
                for k, line in enumerate(piece.split("\n")):
                    if k:
                        p.add_run().add_break()
                    if not line:
                        continue
                    r = p.add_run(line)
                    r.bold = bold or b_on or None
                    r.italic = italic or i_on or None
                    if size:
                        r.font.size = Pt(size)
        return p

    def para(self, text="", *, bold=False, italic=False, align="justify", indent=True, size=None,
             before=None, after=None, keep_next=False):
        p = self.d.add_paragraph()
        p.alignment = ALIGN[align]
        if indent:
            p.paragraph_format.first_line_indent = Cm(1)
        if before is not None:
            p.paragraph_format.space_before = Pt(before)
        if after is not None:
            p.paragraph_format.space_after = Pt(after)
        if keep_next:
            p.paragraph_format.keep_with_next = True
        return self._runs(p, text, bold, italic, size)

    def head(self, text, *, indent=False, align="justify", italic=False, before=4):
        return self.para(text, bold=True, italic=italic, indent=indent, align=align, before=before,
                         keep_next=True)

    def center(self, text, *, bold=True, italic=False, size=None, after=0, before=0):
        return self.para(text, bold=bold, italic=italic, align="center", indent=False, size=size,
                         after=after, before=before)

    def bullets(self, items, mark="-"):
        for it in items:
            self.para(f"{mark} {it}")

    # -- blocks
    def _cell_lines(self, cell, lines, align="center"):
        first = True
        for text, bold, italic, size in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = ALIGN[align]
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.first_line_indent = Cm(0)
            self._runs(p, text, bold, italic, size)

    def header(self, issuer: list[str], number: str, place_date: str, widths=(6.6, 10.0)):
        """Issuer block left, national motto right (the usual two-column letterhead)."""
        t = self.d.add_table(rows=1, cols=2)
        t.autofit = False
        for col, w in zip(t.columns, widths):
            col.width = Cm(w)
        left, right = t.cell(0, 0), t.cell(0, 1)
        left.width, right.width = Cm(widths[0]), Cm(widths[1])
        lines = [(issuer[0], False, False, 12)] + [(s, True, False, 12) for s in issuer[1:]]
        lines += [("¯¯¯¯¯¯¯¯", False, False, 12), (number, False, False, 12)]
        self._cell_lines(left, lines)
        self._cell_lines(right, [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
            ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
            ("¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯", False, False, 12),
            (place_date, False, True, 13),
        ])
        self.para("", indent=False, after=2)

    def title(self, lines: list[str], sub: list[str] = ()):
        for i, s in enumerate(lines):
            self.center(s, size=14, before=6 if i == 0 else 0)
        for s in sub:
            self.center(s, bold=False, italic=True)
        self.center("¯¯¯¯¯¯¯¯¯¯¯¯", bold=False, after=6)

    def signature(self, recipients: list[str], right: list[str], name: str, left_title="Nơi nhận:",
                  left_is_block=False):
        t = self.d.add_table(rows=1, cols=2)
        t.autofit = False
        for col, w in zip(t.columns, (8.0, 8.5)):
            col.width = Cm(w)
        left, rt = t.cell(0, 0), t.cell(0, 1)
        if left_is_block:
            self._cell_lines(left, [(left_title, True, False, 13)] + [(r, False, True, 12) for r in recipients])
        else:
            self._cell_lines(left, [(left_title, True, True, 12)] + [(r, False, False, 11) for r in recipients],
                             align="left")
        rl = [(s, True, False, 13) for s in right]
        rl += [("", False, False, 13)] * 3 + [(name, True, False, 13)]
        self._cell_lines(rt, rl)

    def grid(self, rows, widths, *, header_rows=1, merges=(), size=11, bold_rows=(), italic_rows=(),
             align=None, repeat_header=True):
        t = self.d.add_table(rows=len(rows), cols=len(widths))
        t.style = self.d.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for col, w in zip(t.columns, widths):
            col.width = Cm(w)
        for i, row in enumerate(rows):
            assert len(row) == len(widths), row
            for j, val in enumerate(row):
                c = t.cell(i, j)
                c.width = Cm(widths[j])
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if val is None or val == "":
                    continue
                p = c.paragraphs[0]
                p.paragraph_format.space_after = Pt(0)
                if i < header_rows:
                    p.alignment = ALIGN["center"]
                else:
                    p.alignment = ALIGN[(align or "l" * len(widths))[j].replace("l", "left")
                                        .replace("c", "center").replace("r", "right")]
                self._runs(p, str(val), bold=i < header_rows or i in bold_rows,
                           italic=i in italic_rows, size=size)
        for (r1, c1), (r2, c2) in merges:
            t.cell(r1, c1).merge(t.cell(r2, c2))
        if repeat_header:
            for i in range(header_rows):
                trpr = t.rows[i]._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trpr.append(el)
        self.para("", indent=False, after=0, size=6)
        return t

    def landscape(self):
        s = self.d.add_section(WD_SECTION.NEW_PAGE)
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Cm(29.7), Cm(21)
        s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Cm(2), Cm(1.5), Cm(2), Cm(1.5)

    def page_break(self):
        from docx.enum.text import WD_BREAK

        self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self, path: Path, title: str, author: str, when: dt.datetime):
        cp = self.d.core_properties
        cp.author = author
        cp.last_modified_by = author
        cp.title = title
        cp.created = when
        cp.modified = when
        cp.revision = 1
        buf = io.BytesIO()
        self.d.save(buf)
        # python-docx stamps zip members with the current time; rewrite them with a fixed one.
        with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(zi, zin.read(info.filename))


RECIPIENTS_DISTRICT = [
    "- Ban Thi đua - Khen thưởng TP (Sở Nội vụ);",
    "- Cụm trưởng Cụm thi đua số 8;",
    "- TT Quận ủy, TT HĐND quận;",
    "- Chủ tịch, các PCT UBND quận;",
    "- Lưu: VT, NV.",
]
