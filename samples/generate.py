#!/usr/bin/env python3
"""Write the sample reports of ``samples/``: ``NAME.docx``, ``NAME.pdf`` and ``NAME.expected.json``.

Run it with the project's interpreter from anywhere::

    python samples/generate.py            # all reports, PDFs through LibreOffice, then a self-check
    python samples/generate.py --no-pdf   # Word files and expected JSON only
    python samples/generate.py --only hoan-kiem-2021

The reports imitate real annual reports of the six districts of Hanoi's "Cụm thi đua số 8" (2021, 2022)
and of two wards after the 1/7/2025 reorganisation (2025). Every figure that appears in the text goes
through a :class:`Report` method that formats it the Vietnamese way *and* records it in the expected
figures, so the text and the expected JSON are produced from the same Python value. Decoys (next-year
targets, expenditure, other years, cluster-wide statements, …) are written as plain text and described
in the ``traps`` list of the expected file.

Output is deterministic: no randomness without a fixed seed, fixed core-property dates, fixed ZIP entry
timestamps in the ``.docx``; in the PDFs the creation date and document ID that LibreOffice writes are
overwritten with fixed values of the same length.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Liberation Serif"  # metric-compatible with Times New Roman and covers Vietnamese
TY = 10**9  # one tỷ đồng in đồng
LO_PROFILE = "file:///tmp/lo-gen-profile"

D = Decimal


# ---------------------------------------------------------------------------------------------------
# Vietnamese number formatting
# ---------------------------------------------------------------------------------------------------


def vn(x: Decimal | int | float | str, nd: int | None = None, trim: bool = False) -> str:
    """Format a number the Vietnamese way: "13.200", "147,4", "429,173", "11.842,6".

    ``nd`` rounds (half up) to that many decimals; ``trim`` drops a zero fraction ("100,0" -> "100").
    """
    d = x if isinstance(x, Decimal) else D(str(x))
    if nd is not None:
        d = d.quantize(D(1).scaleb(-nd), rounding=ROUND_HALF_UP)
    s = format(d, "f")
    neg = s.startswith("-")
    s = s.lstrip("-")
    ip, _, fp = s.partition(".")
    if trim:
        fp = fp.rstrip("0")
    groups: list[str] = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ".".join(groups) + ("," + fp if fp else "")
    return ("-" if neg else "") + out


def ratio(a: Decimal, b: Decimal, nd: int = 1) -> Decimal:
    """a / b in percent, rounded half up to ``nd`` decimals (as a report would print it)."""
    return (D(a) / D(b) * 100).quantize(D(1).scaleb(-nd), rounding=ROUND_HALF_UP)


def pad2(n: int) -> str:
    """Leading zero for counts below ten, as in "05 tập thể", "06/6"."""
    return f"{n:02d}"


WORDS = {
    1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
    10: "mười", 11: "mười một", 12: "mười hai", 13: "mười ba", 14: "mười bốn", 15: "mười lăm",
}


def ngay(d: int | None, m: int, y: int) -> str:
    """"ngày 12 tháng 01 năm 2022" (day and month below 10 with a leading zero); d=None leaves it blank."""
    day = f"{d:02d}" if d else "     "
    return f"ngày {day} tháng {m:02d} năm {y}"


# ---------------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------------

UNITS = {
    "ba-dinh": "Ba Đình",
    "dong-da": "Đống Đa",
    "hai-ba-trung": "Hai Bà Trưng",
    "hoan-kiem": "Hoàn Kiếm",
    "hoang-mai": "Hoàng Mai",
    "long-bien": "Long Biên",
    "phuong-hoan-kiem": "Hoàn Kiếm",
    "phuong-long-bien": "Long Biên",
}


# ---------------------------------------------------------------------------------------------------
# The report builder
# ---------------------------------------------------------------------------------------------------


class Report:
    """A Word document under construction plus the figures and traps it states.

    Figure methods (:meth:`money`, :meth:`pct`, :meth:`over`, :meth:`count`) record the value under an
    indicator code and return the Vietnamese text to put into a sentence or a cell.
    """

    def __init__(
        self,
        unit: str,
        year: int,
        layout: str,
        *,
        so: str,
        signed: tuple[int | None, int, int],
        header: str = "table",  # "table" | "lines" | "tabs"
        issuer_long: bool = False,
        headings: str = "plain",  # "plain" (bold Normal paragraphs) | "styled" (Word Heading styles)
        font_size: float = 14,
        line_spacing: float = 1.15,
        page_numbers: bool = True,
        chair: str = "",
        kt: bool = False,
        level: str = "district",
    ) -> None:
        self.unit = unit
        self.year = year
        self.layout = layout
        self.name = UNITS[unit]
        self.level = level
        self.lv = "quận" if level == "district" else "phường"
        self.Lv = self.lv.capitalize()
        self.unit_vi = f"{self.lv} {self.name}"  # "quận Hoàn Kiếm"
        self.Unit_vi = f"{self.Lv} {self.name}"  # "Quận Hoàn Kiếm"
        self.so = so
        self.signed = signed
        self.header_kind = header
        self.issuer_long = issuer_long
        self.headings = headings
        self.font_size = font_size
        self.line_spacing = line_spacing
        self.page_numbers = page_numbers
        self.chair = chair
        self.kt = kt
        self.figures: dict[str, dict] = {}
        self.mentions: list[str] = []  # the texts of recorded figures: must appear in the docx and pdf
        self.traps: list[str] = []
        self.rng = random.Random(zlib.crc32(f"{unit}-{year}".encode()))
        self.used: set[str] = set()
        self.doc = Document()
        self._setup()

    # -- identity ------------------------------------------------------------------------------------

    @property
    def stem(self) -> str:
        return f"{self.unit}-{self.year}-{self.layout}"

    def fmt(self, s: str) -> str:
        """Fill the placeholders of a pool paragraph for this unit and year."""
        return s.format(
            unit=self.unit_vi,
            Unit=self.Unit_vi,
            lv=self.lv,
            Lv=self.Lv,
            name=self.name,
            y=self.year,
            y1=self.year + 1,
            y0=self.year - 1,
        )

    # -- figures --------------------------------------------------------------------------------------

    def _record(self, code: str, value, flags: Sequence[str] = (), as_of: str | None = None,
                derived: bool = False) -> None:
        entry: dict = {"value": value, "flags": list(flags)}
        if as_of:
            entry["as_of"] = as_of
        if derived:
            entry["derived"] = True
        old = self.figures.get(code)
        if old is not None and old != entry:
            raise ValueError(f"{self.stem}: {code} recorded twice with different values: {old} vs {entry}")
        self.figures[code] = entry

    def money(self, code: str, ty: Decimal, flags: Sequence[str] = (), as_of: str | None = None,
              text: str | None = None) -> str:
        """Record an amount given in tỷ đồng; return it formatted ("13.200", "429,173")."""
        ty = D(ty)
        self._record(code, int((ty * TY).to_integral_value(rounding=ROUND_HALF_UP)), flags, as_of)
        out = text if text is not None else vn(ty)
        self.mentions.append(out)
        return out

    def pct(self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None,
            trim: bool = True) -> str:
        """Record a percentage; return it formatted ("147,4")."""
        p = D(p)
        self._record(code, float(p), flags, as_of)
        out = vn(p, trim=trim)
        self.mentions.append(out)
        return out

    def over(self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None) -> str:
        """Record ``p`` (e.g. 111.1) and return the excess as written after "vượt" ("11,1")."""
        p = D(p)
        self._record(code, float(p), flags, as_of)
        out = vn(p - 100, trim=True)
        self.mentions.append(out)
        return out

    def growth(self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None) -> str:
        """Record a year-on-year ratio ``p`` (e.g. 108.9) and return the growth after "tăng" ("8,9")."""
        return self.over(code, p, flags, as_of)

    def count(self, code: str, n: int, style: str = "plain", flags: Sequence[str] = ()) -> str:
        """Record a count; style "plain" ("1.102"), "pad" ("05"), "words" ("mười hai")."""
        self._record(code, int(n), flags)
        out = {"plain": vn(n), "pad": pad2(n), "words": WORDS.get(n, vn(n))}[style]
        self.mentions.append(out)
        return out

    def parts(self, code: str, nums: Sequence[int], style: str = "pad") -> list[str]:
        """Record the sum of counts stated separately ("01 ... và 05 ...") and return each part's text."""
        self._record(code, int(sum(nums)))
        outs = [{"plain": vn(n), "pad": pad2(n), "words": WORDS.get(n, vn(n))}[style] for n in nums]
        self.mentions.extend(outs)
        return outs

    def derive(self, code: str, value: float) -> None:
        self._record(code, value, derived=True)

    def trap(self, text: str) -> None:
        self.traps.append(text)

    # -- document setup ---------------------------------------------------------------------------------

    def _setup(self) -> None:
        doc = self.doc
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(2)
        sec.header_distance = Cm(1.0)
        # the default font, everywhere: document defaults, Normal, headings, table styles
        styles = doc.styles.element
        rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr_default)
        normal = doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.font_size)
        _set_fonts(normal.element.get_or_add_rPr())
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(4)
        pf.line_spacing = self.line_spacing
        for name, size in (("Heading 1", self.font_size), ("Heading 2", self.font_size),
                           ("Heading 3", self.font_size)):
            st = doc.styles[name]
            st.font.name = FONT
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.italic = name == "Heading 3"
            st.font.color.rgb = RGBColor(0, 0, 0)
            _set_fonts(st.element.get_or_add_rPr())
            st.paragraph_format.space_before = Pt(6)
            st.paragraph_format.space_after = Pt(3)
            st.paragraph_format.left_indent = Cm(0)
            st.paragraph_format.first_line_indent = Cm(1) if name != "Heading 1" else Cm(0)
        # core properties: fixed dates so reruns give the same files
        d, m, y = self.signed
        when = datetime(y, m, d or 5, 8, 30, 0)
        cp = doc.core_properties
        cp.author = f"UBND {self.lv} {self.name}"
        cp.last_modified_by = f"UBND {self.lv} {self.name}"
        cp.title = f"Báo cáo năm {self.year}"
        cp.subject = ""
        cp.keywords = ""
        cp.comments = ""
        cp.category = ""
        cp.revision = 1
        cp.created = when
        cp.modified = when
        cp.last_printed = when
        if self.page_numbers:
            sec.different_first_page_header_footer = True
            hp = sec.header.paragraphs[0]
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_field(hp, "PAGE", size=12)

    # -- blocks -------------------------------------------------------------------------------------

    def _para(self, text: str = "", *, bold: bool = False, italic: bool = False,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: float | None = 1.0, size: float | None = None,
              style: str | None = None, keep: bool = False, space_after: float | None = None):
        p = self.doc.add_paragraph(style=style)
        p.alignment = align
        if indent is not None:
            p.paragraph_format.first_line_indent = Cm(indent)
        if keep:
            p.paragraph_format.keep_with_next = True
        if space_after is not None:
            p.paragraph_format.space_after = Pt(space_after)
        if text:
            _runs(p, text, bold=bold, italic=italic, size=size)
        return p

    def p(self, text: str, **kw) -> None:
        """A body paragraph; ``**bold**`` and ``*italic*`` spans are honoured."""
        self._para(nfc(text), **kw)

    def dash(self, text: str, mark: str = "-") -> None:
        self._para(f"{mark} {nfc(text)}")

    def h1(self, text: str) -> None:
        """Roman-numeral section ("I. ĐẶC ĐIỂM TÌNH HÌNH") or part title."""
        if self.headings == "styled":
            self._para(nfc(text), style="Heading 1", indent=0, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True)
        else:
            self._para(nfc(text), bold=True, indent=1.0, keep=True)

    def h2(self, text: str) -> None:
        if self.headings == "styled":
            self._para(nfc(text), style="Heading 2", indent=1.0, align=WD_ALIGN_PARAGRAPH.JUSTIFY, keep=True)
        else:
            self._para(nfc(text), bold=True, indent=1.0, keep=True)

    def h3(self, text: str) -> None:
        if self.headings == "styled":
            self._para(nfc(text), style="Heading 3", indent=1.0, align=WD_ALIGN_PARAGRAPH.JUSTIFY, keep=True)
        else:
            self._para(nfc(text), bold=True, italic=True, indent=1.0, keep=True)

    def part(self, line1: str, line2: str) -> None:
        """"Phần thứ nhất" / "KẾT QUẢ ..." centred part titles."""
        self._para(nfc(line1), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True, space_after=0)
        self._para(nfc(line2), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True)

    def centered(self, text: str, bold: bool = True, italic: bool = False, size: float | None = None) -> None:
        self._para(nfc(text), bold=bold, italic=italic, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, size=size,
                   keep=True)

    def page_break(self) -> None:
        p = self.doc.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)

    def pool(self, items: Sequence[str], k: int, *, bullets: str | None = None,
             ordinals: Sequence[str] | None = None) -> None:
        """Write ``k`` paragraphs drawn (seeded, without repetition in the report) from a pool."""
        fresh = [s for s in items if s not in self.used]
        chosen = self.rng.sample(fresh, min(k, len(fresh)))
        chosen.sort(key=items.index)  # keep the pool's logical order
        for i, s in enumerate(chosen):
            self.used.add(s)
            text = self.fmt(s)
            if ordinals:
                text = f"{ordinals[i]}, {text[0].lower()}{text[1:]}"
            if bullets:
                self.dash(text, bullets)
            else:
                self.p(text)

    # -- header, title, signature ---------------------------------------------------------------------

    def issuer(self) -> str:
        if self.issuer_long:
            return f"ỦY BAN NHÂN DÂN {self.lv.upper()} {self.name.upper()}"
        return f"UBND {self.lv.upper()} {self.name.upper()}"

    def date_line(self) -> str:
        d, m, y = self.signed
        return f"{self.name}, {ngay(d, m, y)}"

    def header_block(self) -> None:
        issuer = self.issuer()
        so = f"Số: {self.so}"
        if self.header_kind == "table":
            t = self.doc.add_table(rows=1, cols=2)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            _col_widths(t, [Cm(6.3), Cm(9.7)])
            left, right = t.cell(0, 0), t.cell(0, 1)
            if self.issuer_long:
                lines_left = [(issuer.replace(" QUẬN", "\nQUẬN").replace(" PHƯỜNG", "\nPHƯỜNG"), True, False)]
            else:
                lines_left = [(issuer, True, False)]
            lines_left += [("––––––––", False, False), (so, False, False)]
            _cell_lines(left, lines_left, size=13)
            _cell_lines(right, [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                ("Độc lập - Tự do - Hạnh phúc", True, False),
                ("––––––––––––––––––––", False, False),
                (self.date_line(), False, True),
            ], size=13)
        elif self.header_kind == "lines":
            self._para(issuer, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, size=13, space_after=0)
            self._para(so, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, size=13)
            self._para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                       indent=0, size=13, space_after=0)
            self._para("Độc lập - Tự do - Hạnh phúc", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0,
                       size=13)
            self._para(self.date_line(), italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, size=13)
        else:  # "tabs": issuer and motto on one line, separated by a centre tab stop
            for left, right, lb, rb, ri in (
                (issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True, False),
                ("", "Độc lập - Tự do - Hạnh phúc", False, True, False),
                (so, self.date_line(), False, False, True),
            ):
                p = self.doc.add_paragraph()
                p.paragraph_format.first_line_indent = Cm(0)
                p.paragraph_format.space_after = Pt(2)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(11.0), WD_TAB_ALIGNMENT.CENTER)
                if left:
                    r = p.add_run(left)
                    r.bold = lb
                    r.font.size = Pt(12.5)
                r = p.add_run("\t" + right)
                r.bold = rb
                r.italic = ri
                r.font.size = Pt(12.5)
        self._para("", indent=0, space_after=2)

    def title(self, subtitle: str) -> None:
        self.centered("BÁO CÁO", size=self.font_size + 1)
        self.centered(subtitle)
        self.centered("–––––––––––", bold=False)

    def intro(self, text: str) -> None:
        self.p(text)

    def signature(self, recipients: Sequence[str]) -> None:
        self._para("", indent=0)
        t = self.doc.add_table(rows=1, cols=2)
        t.autofit = False
        _col_widths(t, [Cm(8.0), Cm(8.0)])
        left, right = t.cell(0, 0), t.cell(0, 1)
        _cell_lines(left, [("Nơi nhận:", True, True)] + [(f"- {r}", False, False) for r in recipients],
                    size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
        lines = [("TM. ỦY BAN NHÂN DÂN", True, False)]
        if self.kt:
            lines += [("KT. CHỦ TỊCH", True, False), ("PHÓ CHỦ TỊCH", True, False)]
        else:
            lines += [("CHỦ TỊCH", True, False)]
        lines += [("", False, False)] * 4 + [(self.chair, True, False)]
        _cell_lines(right, lines, size=13)

    # -- tables -----------------------------------------------------------------------------------------

    def table(
        self,
        rows: Sequence[Sequence[str | None]],
        widths_cm: Sequence[float],
        *,
        header_rows: int = 1,
        merges: Iterable[tuple[int, int, int, int]] = (),
        bold_rows: Iterable[int] = (),
        italic_rows: Iterable[int] = (),
        aligns: str | None = None,  # per column: "c" centre, "l" left, "r" right
        size: float = 12,
        repeat_header: bool = False,
    ) -> None:
        """A bordered data table. ``rows`` hold the text of each grid position (None under a merge);
        ``merges`` are (r0, c0, r1, c1) rectangles merged into their top-left cell."""
        n_rows, n_cols = len(rows), len(widths_cm)
        t = self.doc.add_table(rows=n_rows, cols=n_cols)
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        _col_widths(t, [Cm(w) for w in widths_cm])
        for r0, c0, r1, c1 in merges:
            t.cell(r0, c0).merge(t.cell(r1, c1))
        bold_rows, italic_rows = set(bold_rows), set(italic_rows)
        aligns = aligns or ("c" + "l" + "c" * (n_cols - 2))
        amap = {"c": WD_ALIGN_PARAGRAPH.CENTER, "l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT}
        done: set[int] = set()
        for ri, row in enumerate(rows):
            if len(row) != n_cols:
                raise ValueError(f"{self.stem}: table row {ri} has {len(row)} cells, expected {n_cols}")
            for ci, text in enumerate(row):
                if text is None:
                    continue
                cell = t.cell(ri, ci)
                if id(cell._tc) in done:
                    continue
                done.add(id(cell._tc))
                header = ri < header_rows
                _cell_lines(
                    cell,
                    [(line, header or ri in bold_rows, ri in italic_rows) for line in nfc(text).split("\n")],
                    size=size,
                    align=WD_ALIGN_PARAGRAPH.CENTER if header else amap[aligns[ci]],
                )
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if repeat_header:
            for ri in range(header_rows):
                trpr = t.rows[ri]._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trpr.append(el)
        for ri in range(header_rows):  # a header row is never split over two pages
            trpr = t.rows[ri]._tr.get_or_add_trPr()
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            trpr.append(el)

    def caption(self, text: str, unit_line: str | None = None) -> None:
        self._para(nfc(text), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True, space_after=2)
        if unit_line:
            self._para(nfc(unit_line), italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, keep=True,
                       size=12)

    # -- output -------------------------------------------------------------------------------------------

    def full_text(self) -> str:
        parts = [p.text for p in self.doc.paragraphs]
        for t in self.doc.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)

    def expected(self) -> dict:
        return {"unit": self.unit, "year": self.year, "figures": self.figures, "traps": self.traps}

    def save(self, outdir: Path) -> Path:
        text = self.full_text()
        if unicodedata.normalize("NFC", text) != text:
            raise ValueError(f"{self.stem}: text is not NFC")
        missing = [m for m in self.mentions if m not in text]
        if missing:
            raise ValueError(f"{self.stem}: recorded figures missing from the text: {missing}")
        path = outdir / f"{self.stem}.docx"
        self.doc.save(path)
        _normalise_zip(path, self.signed)
        with open(outdir / f"{self.stem}.expected.json", "w", encoding="utf-8") as f:
            json.dump(self.expected(), f, ensure_ascii=False, indent=2)
            f.write("\n")
        return path


# ---------------------------------------------------------------------------------------------------
# python-docx helpers
# ---------------------------------------------------------------------------------------------------


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _set_fonts(rpr) -> None:
    """Explicit fonts on an rPr (theme fonts removed) and Vietnamese as the language."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


_SPAN = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def _runs(p, text: str, bold: bool = False, italic: bool = False, size: float | None = None) -> None:
    for piece in _SPAN.split(text):
        if not piece:
            continue
        b, i = bold, italic
        if piece.startswith("**"):
            piece, b = piece[2:-2], True
        elif piece.startswith("*"):
            piece, i = piece[1:-1], True
        r = p.add_run(piece)
        r.bold = b or None
        r.italic = i or None
        if size:
            r.font.size = Pt(size)


def _cell_lines(cell, lines, size: float = 12, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Fill a cell with one paragraph per (text, bold, italic) line."""
    first = True
    for text, bold, italic in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = align
        p.paragraph_format.first_line_indent = Cm(0)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        if text:
            r = p.add_run(text)
            r.bold = bold or None
            r.italic = italic or None
            r.font.size = Pt(size)


def _col_widths(table, widths) -> None:
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        gc.set(qn("w:w"), str(int(w.twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _add_field(paragraph, instr: str, size: float = 12) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(size)
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
        run._r.append(el)
    t = OxmlElement("w:t")
    t.text = "2"
    run._r.append(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _normalise_zip(path: Path, signed: tuple[int | None, int, int]) -> None:
    """Rewrite the .docx with fixed entry timestamps so reruns give byte-identical files."""
    d, m, y = signed
    stamp = (y, m, d or 5, 8, 30, 0)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


# ---------------------------------------------------------------------------------------------------
# Text pools: context, propaganda, council, evaluation, next-year tasks. No indicator figures in here —
# every number that is an indicator (or a decoy of one) is written in the report functions below.
# Placeholders: {unit} "quận Hoàn Kiếm", {Unit} "Quận Hoàn Kiếm", {lv} "quận", {name}, {y}, {y1}, {y0}.
# ---------------------------------------------------------------------------------------------------

CONTEXT = {
    2021: [
        "Năm {y} là năm đầu tiên triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII "
        "của Đảng, Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hà Nội lần thứ XVII và Nghị quyết Đại hội "
        "đại biểu Đảng bộ {unit} nhiệm kỳ 2020 - 2025; đồng thời là năm tổ chức thành công cuộc bầu cử đại "
        "biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026.",
        "Tình hình dịch bệnh Covid-19 diễn biến hết sức phức tạp, đặc biệt là đợt bùng phát lần thứ tư với "
        "biến chủng Delta có tốc độ lây lan nhanh; nhiều thời điểm trên địa bàn phải thực hiện giãn cách xã "
        "hội, các hoạt động thương mại, dịch vụ, du lịch, văn hóa bị tạm dừng, ảnh hưởng lớn đến sản xuất, "
        "kinh doanh của doanh nghiệp, hộ kinh doanh và đời sống của Nhân dân.",
        "Trong bối cảnh đó, được sự quan tâm lãnh đạo, chỉ đạo của Thành ủy, HĐND, UBND Thành phố, sự hướng "
        "dẫn của Ban Thi đua - Khen thưởng Thành phố, trực tiếp là sự lãnh đạo của Quận ủy, sự giám sát của "
        "HĐND {lv}, UBND {lv} đã tập trung chỉ đạo thực hiện \"mục tiêu kép\", vừa phòng, chống dịch hiệu "
        "quả, vừa từng bước phục hồi, phát triển kinh tế - xã hội.",
        "Nhiều hoạt động tập trung đông người phải tạm dừng hoặc chuyển sang hình thức trực tuyến; việc tổ "
        "chức các hội nghị phát động, sơ kết, tổng kết phong trào thi đua gặp không ít khó khăn. Tuy vậy, các "
        "cơ quan, đơn vị, phường đã chủ động đổi mới cách làm, bảo đảm các phong trào thi đua được duy trì "
        "thường xuyên, liên tục và có trọng tâm, trọng điểm.",
        "Tinh thần \"chống dịch như chống giặc\" được lan tỏa mạnh mẽ; đội ngũ y tế, lực lượng công an, quân "
        "sự, Tổ Covid cộng đồng và đông đảo tình nguyện viên đã ngày đêm bám địa bàn, thực hiện nhiệm vụ truy "
        "vết, xét nghiệm, tiêm chủng, hỗ trợ người dân gặp khó khăn, góp phần quan trọng vào việc kiểm soát "
        "dịch bệnh.",
        "Công tác thi đua, khen thưởng tiếp tục được cấp ủy, chính quyền và các đoàn thể quan tâm chỉ đạo; "
        "các phong trào thi đua được gắn chặt với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, "
        "tập trung vào các nhiệm vụ trọng tâm như phòng, chống dịch, thu ngân sách, chỉnh trang đô thị, cải "
        "cách hành chính.",
        "{Unit} là địa bàn có vị trí quan trọng về chính trị, kinh tế, văn hóa của Thủ đô, tập trung nhiều cơ "
        "quan Trung ương, Thành phố, doanh nghiệp và hộ kinh doanh; vì vậy yêu cầu về bảo đảm an ninh, trật "
        "tự, an toàn xã hội và quản lý đô thị luôn đặt ra rất cao.",
    ],
    2022: [
        "Năm {y} là năm có ý nghĩa quan trọng, tạo nền tảng thực hiện các mục tiêu của Kế hoạch phát triển "
        "kinh tế - xã hội 5 năm 2021 - 2025. Sau thời gian dài chịu tác động của đại dịch Covid-19, các hoạt "
        "động kinh tế - xã hội trên địa bàn từng bước phục hồi, đời sống của Nhân dân dần ổn định.",
        "Bên cạnh những thuận lợi, {unit} tiếp tục đối mặt với nhiều khó khăn: giá cả một số mặt hàng thiết "
        "yếu, xăng dầu biến động mạnh; hoạt động sản xuất, kinh doanh của một bộ phận doanh nghiệp, hộ kinh "
        "doanh chưa phục hồi hoàn toàn; áp lực về quản lý trật tự đô thị, giải phóng mặt bằng và bảo đảm an "
        "ninh, trật tự còn lớn.",
        "Với tinh thần chủ động, quyết liệt, UBND {lv} đã chỉ đạo triển khai đồng bộ các giải pháp, đẩy mạnh "
        "các phong trào thi đua yêu nước gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị "
        "và phường; lấy kết quả thực hiện nhiệm vụ làm thước đo đánh giá thi đua.",
        "Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội thông qua ngày 15/6/2022, có hiệu lực từ "
        "ngày 01/01/2024; UBND {lv} đã chỉ đạo tổ chức quán triệt, phổ biến những điểm mới của Luật tới đội "
        "ngũ cán bộ làm công tác thi đua, khen thưởng để chuẩn bị các điều kiện triển khai thi hành.",
        "Năm {y}, Thành phố và {unit} tổ chức nhiều hoạt động kỷ niệm các ngày lễ lớn, sự kiện chính trị quan "
        "trọng, trong đó có kỷ niệm 50 năm Chiến thắng \"Hà Nội - Điện Biên Phủ trên không\"; đây là dịp để "
        "các cơ quan, đơn vị phát động các đợt thi đua cao điểm, lập thành tích chào mừng.",
        "Công tác thi đua, khen thưởng được triển khai bài bản, có chiều sâu; nội dung thi đua bám sát các "
        "chương trình công tác của Quận ủy, các nhiệm vụ trọng tâm của UBND {lv}; việc phát hiện, bồi dưỡng, "
        "nhân rộng các điển hình tiên tiến được quan tâm hơn.",
        "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn được giữ vững; công tác cải cách "
        "hành chính, chuyển đổi số có chuyển biến rõ nét, tạo thuận lợi cho người dân và doanh nghiệp trong "
        "giao dịch với cơ quan nhà nước.",
    ],
    2025: [
        "Sáu tháng cuối năm {y} là giai đoạn đầu vận hành mô hình chính quyền địa phương hai cấp; phường vừa "
        "kiện toàn tổ chức bộ máy, bố trí cán bộ, vừa bảo đảm hoạt động thông suốt, không để gián đoạn việc "
        "giải quyết công việc của người dân, doanh nghiệp.",
        "Cùng với việc ổn định tổ chức, phường đã tổ chức thành công Đại hội đại biểu Đảng bộ phường lần thứ "
        "I, nhiệm kỳ 2025 - 2030 và các hoạt động kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh nước "
        "Cộng hòa xã hội chủ nghĩa Việt Nam; khối lượng công việc lớn, nhiều nhiệm vụ mới chưa có tiền lệ.",
        "Đội ngũ cán bộ, công chức của phường được bố trí từ nhiều nguồn khác nhau, cần thời gian để thích "
        "ứng với vị trí việc làm mới; trụ sở, cơ sở vật chất, hạ tầng công nghệ thông tin phải vừa sử dụng "
        "vừa hoàn thiện.",
        "Hệ thống văn bản hướng dẫn về thi đua, khen thưởng theo mô hình chính quyền địa phương hai cấp, "
        "trong đó có Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền trong lĩnh "
        "vực thi đua, khen thưởng, đã được UBND phường kịp thời quán triệt và triển khai thực hiện.",
        "Được sự quan tâm lãnh đạo, chỉ đạo của Thành ủy, HĐND, UBND Thành phố, trực tiếp là Đảng ủy, HĐND "
        "phường, sự vào cuộc của cả hệ thống chính trị và sự đồng thuận của Nhân dân, UBND phường đã triển "
        "khai đồng bộ các nhiệm vụ, phát động các phong trào thi đua phù hợp với tình hình thực tế.",
    ],
}

PROPAGANDA = [
    "Công tác tuyên truyền về thi đua, khen thưởng được thực hiện với nhiều hình thức phong phú: trên "
    "Cổng thông tin điện tử {lv}, hệ thống loa truyền thanh cơ sở, bảng tin khu dân cư và các trang mạng "
    "xã hội chính thức của các cơ quan, đơn vị; nhiều gương điển hình tiên tiến được giới thiệu kịp thời, "
    "tạo sức lan tỏa trong cộng đồng.",
    "Các cơ quan, đơn vị đã treo băng rôn, khẩu hiệu, pa-nô, áp phích cổ động tại trụ sở và trên các tuyến "
    "phố chính; lồng ghép nội dung tuyên truyền vào các buổi sinh hoạt chi bộ, sinh hoạt tổ dân phố, hội "
    "nghị của Mặt trận Tổ quốc và các đoàn thể.",
    "UBND {lv} phối hợp với các cơ quan báo chí Trung ương, Thành phố xây dựng chuyên trang, chuyên mục "
    "giới thiệu người tốt, việc tốt, cách làm hay trên địa bàn; Trung tâm Văn hóa - Thông tin và Thể thao "
    "thực hiện nhiều phóng sự, tin bài về các tập thể, cá nhân tiêu biểu.",
    "Việc quán triệt các văn bản của Trung ương, Thành phố về công tác thi đua, khen thưởng được thực hiện "
    "nghiêm túc; cán bộ, công chức, viên chức và Nhân dân nhận thức rõ hơn vị trí, vai trò của thi đua yêu "
    "nước trong việc thực hiện nhiệm vụ chính trị của địa phương.",
    "Các đoàn thể chính trị - xã hội đã chủ động tuyên truyền, vận động đoàn viên, hội viên tích cực hưởng "
    "ứng các phong trào thi đua; nhiều cuộc vận động được triển khai sâu rộng tới từng khu dân cư, hộ gia "
    "đình.",
    "Hình thức tuyên truyền trực tuyến được đẩy mạnh, nhất là thông qua các nhóm Zalo tổ dân phố và trang "
    "thông tin của các cơ quan, đơn vị, giúp thông tin về các phong trào thi đua đến với người dân nhanh "
    "chóng, thuận tiện.",
    "Công tác tuyên truyền được gắn với các ngày kỷ niệm lớn của đất nước, của Thủ đô như Ngày Thi đua yêu "
    "nước 11/6, Ngày Giải phóng Thủ đô 10/10, qua đó khơi dậy lòng tự hào, ý thức trách nhiệm của mỗi cán "
    "bộ, đảng viên và người dân.",
    "Thông qua công tác tuyên truyền, nhiều mô hình, cách làm sáng tạo được chia sẻ, học tập; ý thức tự "
    "giác tham gia thi đua của cán bộ, công chức, viên chức, người lao động và Nhân dân được nâng lên rõ "
    "rệt.",
]

COUNCIL = [
    "UBND {lv} đã kịp thời kiện toàn Hội đồng Thi đua - Khen thưởng {lv} khi có thay đổi về nhân sự; ban "
    "hành quy chế hoạt động, phân công nhiệm vụ cụ thể cho từng thành viên Hội đồng phụ trách các lĩnh "
    "vực, địa bàn.",
    "Hội đồng Thi đua - Khen thưởng {lv} duy trì chế độ họp định kỳ và đột xuất để xét khen thưởng; việc "
    "xét duyệt hồ sơ được thực hiện công khai, dân chủ, đúng quy trình, bảo đảm đúng đối tượng, tiêu "
    "chuẩn.",
    "Cơ quan thường trực Hội đồng Thi đua - Khen thưởng {lv} đã phát huy vai trò tham mưu, hướng dẫn các "
    "cơ quan, đơn vị xây dựng kế hoạch, tổ chức phong trào thi đua và hoàn thiện hồ sơ đề nghị khen thưởng "
    "theo đúng quy định.",
    "Đội ngũ cán bộ làm công tác thi đua, khen thưởng ở các cơ quan, đơn vị cơ bản được kiện toàn, ổn "
    "định; nhiều cán bộ được tham gia các lớp tập huấn nghiệp vụ do Ban Thi đua - Khen thưởng Thành phố tổ "
    "chức.",
    "Hội đồng Sáng kiến {lv} được kiện toàn, tổ chức xét, công nhận sáng kiến, giải pháp công tác theo "
    "đúng quy định, làm căn cứ xét tặng danh hiệu Chiến sĩ thi đua các cấp.",
    "Việc ứng dụng phần mềm quản lý thi đua, khen thưởng và tiếp nhận hồ sơ đề nghị khen thưởng qua môi "
    "trường điện tử bước đầu được triển khai, góp phần rút ngắn thời gian xử lý hồ sơ.",
]

INSPECTION = [
    "UBND {lv} đã chỉ đạo kiểm tra công tác thi đua, khen thưởng tại một số cơ quan, đơn vị; qua kiểm tra "
    "đã kịp thời hướng dẫn, chấn chỉnh những tồn tại trong việc lập hồ sơ, lưu trữ tài liệu và thực hiện "
    "chế độ báo cáo.",
    "Công tác giải quyết đơn thư liên quan đến thi đua, khen thưởng được thực hiện đúng quy định; trong "
    "năm không phát sinh đơn thư khiếu nại, tố cáo về công tác thi đua, khen thưởng.",
    "Việc lưu trữ hồ sơ khen thưởng được thực hiện khoa học; công tác thống kê, báo cáo được bảo đảm kịp "
    "thời, chính xác theo yêu cầu của Ban Thi đua - Khen thưởng Thành phố.",
    "Công tác quản lý, sử dụng Quỹ thi đua, khen thưởng được thực hiện đúng quy định của pháp luật; việc "
    "chi thưởng bảo đảm công khai, minh bạch.",
]

CLUSTER = [
    "Là thành viên Cụm thi đua số 8 Thành phố, {unit} đã ký kết giao ước thi đua ngay từ đầu năm, chủ động "
    "tham gia đầy đủ các hoạt động do Cụm tổ chức như hội nghị sơ kết, tổng kết, giao lưu, trao đổi kinh "
    "nghiệm giữa các quận.",
    "Thông qua hoạt động của Cụm thi đua, các quận đã có điều kiện học tập, trao đổi những mô hình mới, "
    "cách làm hay trong quản lý đô thị, cải cách hành chính, chuyển đổi số và phát triển kinh tế.",
    "{Unit} phối hợp chặt chẽ với quận Cụm trưởng trong việc xây dựng nội dung, tiêu chí thi đua, tổ chức "
    "chấm điểm, bình xét thi đua cuối năm bảo đảm khách quan, công bằng.",
    "Hoạt động của Cụm thi đua số 8 tiếp tục được duy trì nền nếp; các quận trong Cụm thường xuyên chia sẻ "
    "thông tin, phối hợp giải quyết những vấn đề liên quan đến địa bàn giáp ranh.",
    "Tham gia các hoạt động chung của Cụm thi đua số 8, {unit} luôn thể hiện tinh thần đoàn kết, cầu thị, "
    "sẵn sàng chia sẻ kinh nghiệm và hỗ trợ các đơn vị bạn.",
]

GOOD = [
    "Công tác thi đua, khen thưởng tiếp tục nhận được sự quan tâm lãnh đạo, chỉ đạo của cấp ủy, chính "
    "quyền; các phong trào thi đua được triển khai sâu rộng, có nội dung thiết thực, gắn với nhiệm vụ chính "
    "trị của từng cơ quan, đơn vị.",
    "Nhiều phong trào thi đua được tổ chức có trọng tâm, trọng điểm, góp phần quan trọng vào việc hoàn "
    "thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội của {lv}.",
    "Công tác khen thưởng được thực hiện kịp thời, đúng quy trình; chú trọng khen thưởng người lao động "
    "trực tiếp, các tập thể, cá nhân có thành tích đột xuất.",
    "Việc phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến có nhiều chuyển biến; nhiều mô hình, cách "
    "làm hay được nhân rộng, tạo sức lan tỏa trong cộng đồng.",
    "Đội ngũ làm công tác thi đua, khen thưởng nhiệt tình, trách nhiệm; công tác tham mưu ngày càng chủ "
    "động, hiệu quả.",
]

BAD = [
    "Một số phong trào thi đua còn mang tính hình thức, nội dung chưa cụ thể, khó đánh giá; việc sơ kết, "
    "tổng kết ở một số đơn vị chưa kịp thời.",
    "Việc phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến ở một số đơn vị chưa được quan tâm đúng "
    "mức; tỷ lệ khen thưởng cho người lao động trực tiếp còn thấp so với yêu cầu.",
    "Chất lượng hồ sơ đề nghị khen thưởng của một số cơ quan, đơn vị chưa cao, còn phải bổ sung, hoàn "
    "thiện nhiều lần, ảnh hưởng đến thời gian xét khen thưởng.",
    "Công tác tuyên truyền về gương người tốt, việc tốt ở một số nơi chưa thường xuyên, hình thức chưa "
    "phong phú.",
    "Đội ngũ cán bộ làm công tác thi đua, khen thưởng ở cơ sở chủ yếu kiêm nhiệm, thường xuyên thay đổi "
    "nên chất lượng tham mưu còn hạn chế.",
    "Một số mô hình, cách làm hay chưa được tổng kết, đánh giá để nhân rộng; tính bền vững của một số mô "
    "hình chưa cao.",
]

CAUSE = [
    "Một số cấp ủy, thủ trưởng cơ quan, đơn vị chưa thực sự quan tâm đến công tác thi đua, khen thưởng; "
    "chưa chỉ đạo quyết liệt việc tổ chức các phong trào thi đua.",
    "Khối lượng công việc chuyên môn lớn, nhiều nhiệm vụ đột xuất phát sinh khiến việc tổ chức các hoạt "
    "động thi đua tập trung bị hạn chế.",
    "Một số văn bản hướng dẫn thi hành còn chậm được ban hành, gây khó khăn cho cơ sở trong quá trình thực "
    "hiện.",
    "Cán bộ làm công tác thi đua, khen thưởng ở cơ sở chủ yếu kiêm nhiệm, chưa được bồi dưỡng nghiệp vụ "
    "thường xuyên.",
]

LESSONS = [
    "Phải có sự lãnh đạo, chỉ đạo sát sao của cấp ủy, sự vào cuộc của cả hệ thống chính trị; người đứng "
    "đầu cơ quan, đơn vị phải trực tiếp chỉ đạo và chịu trách nhiệm về kết quả phong trào thi đua.",
    "Nội dung thi đua phải cụ thể, thiết thực, bám sát nhiệm vụ chính trị; tiêu chí thi đua rõ ràng, dễ "
    "đánh giá, gắn với chỉ tiêu được giao.",
    "Phải thường xuyên kiểm tra, đôn đốc, sơ kết, tổng kết để kịp thời rút kinh nghiệm, biểu dương, khen "
    "thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Coi trọng việc phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; chú trọng khen thưởng người "
    "lao động trực tiếp, cá nhân có thành tích đột xuất.",
    "Làm tốt công tác tuyên truyền để mỗi cán bộ, đảng viên và người dân hiểu rõ ý nghĩa, mục đích của "
    "phong trào thi đua, tự giác tham gia.",
]
ORD_THU = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm"]
ORD_LA = ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là"]

TASKS = [
    "Tiếp tục quán triệt, triển khai thực hiện hiệu quả Luật Thi đua, khen thưởng và các văn bản hướng dẫn "
    "thi hành; nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về vị trí, vai trò của công tác thi "
    "đua, khen thưởng.",
    "Đổi mới nội dung, hình thức tổ chức các phong trào thi đua theo hướng thiết thực, hiệu quả, tránh "
    "hình thức; gắn phong trào thi đua với việc thực hiện các nhiệm vụ chính trị trọng tâm của {lv}.",
    "Tập trung chỉ đạo các phong trào thi đua trên các lĩnh vực: thu ngân sách, giải phóng mặt bằng, chỉnh "
    "trang đô thị, cải cách hành chính, chuyển đổi số, bảo đảm an sinh xã hội.",
    "Làm tốt công tác phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến, các mô hình "
    "mới, cách làm hay; tuyên truyền, biểu dương kịp thời các gương người tốt, việc tốt.",
    "Nâng cao chất lượng công tác khen thưởng, bảo đảm chính xác, công khai, minh bạch, kịp thời; chú trọng "
    "khen thưởng người lao động trực tiếp, cán bộ cơ sở.",
    "Tiếp tục kiện toàn Hội đồng Thi đua - Khen thưởng; bồi dưỡng nghiệp vụ cho đội ngũ cán bộ làm công tác "
    "thi đua, khen thưởng.",
    "Tích cực tham gia các hoạt động của Cụm thi đua; phối hợp chặt chẽ với các đơn vị trong Cụm trong việc "
    "trao đổi kinh nghiệm, chấm điểm, bình xét thi đua.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hồ sơ thi đua, khen thưởng; từng bước số hóa hồ "
    "sơ, xây dựng cơ sở dữ liệu khen thưởng.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện các phong trào thi đua và công tác khen thưởng "
    "tại các cơ quan, đơn vị.",
    "Tổ chức tốt các hoạt động kỷ niệm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc gắn với "
    "biểu dương, tôn vinh các điển hình tiên tiến.",
]

PROPOSALS = [
    "Đề nghị Ban Thi đua - Khen thưởng Thành phố tiếp tục tổ chức các lớp tập huấn nghiệp vụ cho cán bộ "
    "làm công tác thi đua, khen thưởng cấp {lv} và cấp cơ sở.",
    "Đề nghị Thành phố sớm ban hành hướng dẫn về tiêu chí, thang điểm thi đua của các cụm thi đua phù hợp "
    "với tình hình thực tế.",
    "Đề nghị Thành phố quan tâm bổ sung kinh phí cho Quỹ thi đua, khen thưởng và rút ngắn thời gian thẩm "
    "định hồ sơ đề nghị khen thưởng cấp Thành phố.",
    "Đề nghị Thành phố xem xét tăng tỷ lệ khen thưởng cho các tập thể, cá nhân trực tiếp lao động, sản "
    "xuất, người lao động ở cơ sở.",
]

# Named movements with a descriptive paragraph (no figures): used by the longer reports.
MOVEMENTS = {
    "covid": (
        "Phong trào thi đua \"Chung sức phòng, chống dịch Covid-19\"",
        "Các cơ quan, đơn vị, phường đã triển khai quyết liệt các biện pháp phòng, chống dịch; thành lập "
        "và duy trì hoạt động của các Tổ Covid cộng đồng, tổ phản ứng nhanh; tổ chức tiêm vắc xin an toàn, "
        "đúng đối tượng; kịp thời hỗ trợ người dân gặp khó khăn do ảnh hưởng của dịch bệnh theo các chính "
        "sách của Trung ương và Thành phố.",
    ),
    "dothi": (
        "Phong trào \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\"",
        "Phong trào được triển khai sâu rộng tại các khu dân cư; các tổ dân phố tích cực vận động Nhân dân "
        "thực hiện nếp sống văn minh đô thị, giữ gìn vệ sinh môi trường, trật tự lòng đường, hè phố; nhiều "
        "tuyến phố được chỉnh trang, trồng cây xanh, vẽ tranh tường, tạo cảnh quan sáng - xanh - sạch - đẹp.",
    ),
    "ngheo": (
        "Phong trào \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\"",
        "Ủy ban Mặt trận Tổ quốc và các đoàn thể đã vận động cán bộ, công chức, doanh nghiệp và Nhân dân ủng "
        "hộ Quỹ \"Vì người nghèo\", hỗ trợ sửa chữa nhà ở, trao quà cho hộ nghèo, hộ cận nghèo, gia đình "
        "chính sách nhân dịp Tết Nguyên đán và các ngày lễ lớn.",
    ),
    "doanhnghiep": (
        "Phong trào \"Doanh nghiệp Thủ đô hội nhập và phát triển\"",
        "UBND {lv} thường xuyên tổ chức đối thoại, tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, hộ kinh "
        "doanh; đẩy mạnh cải thiện môi trường đầu tư, kinh doanh; nhiều doanh nghiệp trên địa bàn đã chủ "
        "động đổi mới công nghệ, mở rộng thị trường, bảo đảm việc làm và thu nhập cho người lao động.",
    ),
    "laodong": (
        "Phong trào \"Lao động giỏi, lao động sáng tạo\"",
        "Liên đoàn Lao động {lv} phối hợp với chuyên môn đồng cấp phát động công nhân, viên chức, lao động "
        "thi đua phát huy sáng kiến, cải tiến kỹ thuật, hợp lý hóa sản xuất, nâng cao năng suất, chất "
        "lượng, hiệu quả công việc.",
    ),
    "anninh": (
        "Phong trào \"Toàn dân bảo vệ an ninh Tổ quốc\"",
        "Công an {lv} tham mưu xây dựng, nhân rộng các mô hình tự quản về an ninh, trật tự tại khu dân "
        "cư; phối hợp chặt chẽ với lực lượng bảo vệ an ninh, trật tự ở cơ sở, góp phần kiềm chế, làm giảm "
        "các loại tội phạm, giữ vững bình yên trên địa bàn.",
    ),
    "danvan": (
        "Phong trào thi đua \"Dân vận khéo\"",
        "Các cấp ủy, chính quyền, đoàn thể đã gắn phong trào với việc thực hiện các nhiệm vụ khó, phức tạp "
        "như giải phóng mặt bằng, chỉnh trang đô thị, vận động Nhân dân chấp hành các quy định của pháp "
        "luật; công tác dân vận chính quyền có nhiều chuyển biến tích cực.",
    ),
    "hochiminh": (
        "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Gắn việc thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị với các phong trào thi đua; mỗi cơ quan, "
        "đơn vị đăng ký nội dung làm theo cụ thể, thiết thực; nhiều tập thể, cá nhân điển hình được biểu "
        "dương, khen thưởng kịp thời.",
    ),
    "cchc": (
        "Phong trào thi đua đẩy mạnh cải cách hành chính, xây dựng chính quyền điện tử",
        "Bộ phận Một cửa các cấp được chuẩn hóa; đẩy mạnh cung cấp dịch vụ công trực tuyến, thanh toán "
        "trực tuyến; kỷ luật, kỷ cương hành chính được tăng cường, thái độ phục vụ của cán bộ, công chức "
        "được người dân, doanh nghiệp đánh giá cao.",
    ),
    "chuyendoiso": (
        "Phong trào thi đua \"Cả nước thi đua đổi mới sáng tạo và chuyển đổi số\"",
        "Phường đã xây dựng kế hoạch hưởng ứng; tập trung hướng dẫn người dân sử dụng dịch vụ công trực "
        "tuyến, định danh điện tử, thanh toán không dùng tiền mặt; thành lập các Tổ công nghệ số cộng đồng "
        "tại các tổ dân phố.",
    ),
    "nhatam": (
        "Phong trào thi đua \"Cả nước chung tay xóa nhà tạm, nhà dột nát\"",
        "Phường đã rà soát, vận động các tổ chức, cá nhân hỗ trợ sửa chữa nhà ở cho hộ khó khăn trên địa "
        "bàn, đồng thời tích cực ủng hộ chương trình của Thành phố hỗ trợ các địa phương khác.",
    ),
}


def movement_sections(r: Report, keys: Sequence[str], numbering: str = "dash") -> None:
    """One paragraph per named movement: a bold lead followed by its description."""
    for i, key in enumerate(keys):
        head, body = MOVEMENTS[key]
        if numbering == "alpha":
            lead = f"{'abcdefghij'[i]}) {head}"
            r.h3(lead)
            r.p(r.fmt(body))
        else:
            r.p(f"- **{head}:** {r.fmt(body)}")


def recipients_district(r: Report, extra: Sequence[str] = ()) -> list[str]:
    base = [
        "Ban Thi đua - Khen thưởng Thành phố (Sở Nội vụ);",
        "Thường trực Quận ủy;",
        "Thường trực HĐND quận;",
        "Chủ tịch, các Phó Chủ tịch UBND quận;",
        "Quận Cụm trưởng Cụm thi đua số 8;",
    ]
    return base + list(extra) + ["Lưu: VT, NV."]
