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
    1: "một",
    2: "hai",
    3: "ba",
    4: "bốn",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
    11: "mười một",
    12: "mười hai",
    13: "mười ba",
    14: "mười bốn",
    15: "mười lăm",
}


def ngay(d: int | None, m: int, y: int) -> str:
    """ "ngày 12 tháng 01 năm 2022" (day and month below 10 with a leading zero); d=None leaves it blank."""
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
        self.mentions: list[tuple[str, str]] = []  # (code, text) of recorded figures: must appear in docx/pdf
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

    def _record(
        self, code: str, value, flags: Sequence[str] = (), as_of: str | None = None, derived: bool = False
    ) -> None:
        entry: dict = {"value": value, "flags": list(flags)}
        if as_of:
            entry["as_of"] = as_of
        if derived:
            entry["derived"] = True
        old = self.figures.get(code)
        if old is not None and old != entry:
            raise ValueError(f"{self.stem}: {code} recorded twice with different values: {old} vs {entry}")
        self.figures[code] = entry

    def money(
        self,
        code: str,
        ty: Decimal,
        flags: Sequence[str] = (),
        as_of: str | None = None,
        text: str | None = None,
    ) -> str:
        """Record an amount given in tỷ đồng; return it formatted ("13.200", "429,173")."""
        ty = D(ty)
        self._record(code, int((ty * TY).to_integral_value(rounding=ROUND_HALF_UP)), flags, as_of)
        out = text if text is not None else vn(ty)
        self.mentions.append((code, out))
        return out

    def pct(
        self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None, trim: bool = True
    ) -> str:
        """Record a percentage; return it formatted ("147,4")."""
        p = D(p)
        self._record(code, float(p), flags, as_of)
        out = vn(p, trim=trim)
        self.mentions.append((code, out))
        return out

    def over(self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None) -> str:
        """Record ``p`` (e.g. 111.1) and return the excess as written after "vượt" ("11,1")."""
        p = D(p)
        self._record(code, float(p), flags, as_of)
        out = vn(p - 100, trim=True)
        self.mentions.append((code, out))
        return out

    def growth(self, code: str, p: Decimal, flags: Sequence[str] = (), as_of: str | None = None) -> str:
        """Record a year-on-year ratio ``p`` (e.g. 108.9) and return the growth after "tăng" ("8,9")."""
        return self.over(code, p, flags, as_of)

    def count(self, code: str, n: int, style: str = "plain", flags: Sequence[str] = ()) -> str:
        """Record a count; style "plain" ("1.102"), "pad" ("05"), "words" ("mười hai")."""
        self._record(code, int(n), flags)
        out = {"plain": vn(n), "pad": pad2(n), "words": WORDS.get(n, vn(n))}[style]
        self.mentions.append((code, out))
        return out

    def parts(self, code: str, nums: Sequence[int], style: str = "pad") -> list[str]:
        """Record the sum of counts stated separately ("01 ... và 05 ...") and return each part's text."""
        self._record(code, int(sum(nums)))
        outs = [{"plain": vn(n), "pad": pad2(n), "words": WORDS.get(n, vn(n))}[style] for n in nums]
        self.mentions.extend((code, o) for o in outs)
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
        for name, size in (
            ("Heading 1", self.font_size),
            ("Heading 2", self.font_size),
            ("Heading 3", self.font_size),
        ):
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

    def _para(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent: float | None = 1.0,
        size: float | None = None,
        style: str | None = None,
        keep: bool = False,
        space_after: float | None = None,
    ):
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
        """ "Phần thứ nhất" / "KẾT QUẢ ..." centred part titles."""
        self._para(nfc(line1), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True, space_after=0)
        self._para(nfc(line2), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True)

    def centered(self, text: str, bold: bool = True, italic: bool = False, size: float | None = None) -> None:
        self._para(
            nfc(text),
            bold=bold,
            italic=italic,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            indent=0,
            size=size,
            keep=True,
        )

    def page_break(self) -> None:
        p = self.doc.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)

    def pool(
        self,
        items: Sequence[str],
        k: int,
        *,
        bullets: str | None = None,
        ordinals: Sequence[str] | None = None,
    ) -> None:
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
            _col_widths(t, [Cm(6.2), Cm(10.2)])
            left, right = t.cell(0, 0), t.cell(0, 1)
            if self.issuer_long:
                lines_left = [(issuer.replace(" QUẬN", "\nQUẬN").replace(" PHƯỜNG", "\nPHƯỜNG"), True, False)]
            else:
                lines_left = [(issuer, True, False)]
            lines_left += [("––––––––", False, False), (so, False, False)]
            _cell_lines(left, lines_left, size=12.5)
            _cell_lines(
                right,
                [
                    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                    ("Độc lập - Tự do - Hạnh phúc", True, False),
                    ("––––––––––––––––––––", False, False),
                    (self.date_line(), False, True),
                ],
                size=12.5,
            )
        elif self.header_kind == "lines":
            self._para(issuer, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, size=13, space_after=0)
            self._para(so, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, size=13)
            self._para(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                indent=0,
                size=13,
                space_after=0,
            )
            self._para(
                "Độc lập - Tự do - Hạnh phúc", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, size=13
            )
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
        _cell_lines(
            left,
            [("Nơi nhận:", True, True)] + [(f"- {r}", False, False) for r in recipients],
            size=11,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
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
        keep = []  # keeps the cell elements alive so that their ids are not reused
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
                keep.append(cell._tc)
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
        self._para("", indent=0, space_after=0, size=6)

    def caption(self, text: str, unit_line: str | None = None) -> None:
        self._para(nfc(text), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, keep=True, space_after=2)
        if unit_line:
            self._para(
                nfc(unit_line), italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, keep=True, size=12
            )

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
        missing = [m for m in self.mentions if m[1] not in text]
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
        'HĐND {lv}, UBND {lv} đã tập trung chỉ đạo thực hiện "mục tiêu kép", vừa phòng, chống dịch hiệu '
        "quả, vừa từng bước phục hồi, phát triển kinh tế - xã hội.",
        "Nhiều hoạt động tập trung đông người phải tạm dừng hoặc chuyển sang hình thức trực tuyến; việc tổ "
        "chức các hội nghị phát động, sơ kết, tổng kết phong trào thi đua gặp không ít khó khăn. Tuy vậy, các "
        "cơ quan, đơn vị, phường đã chủ động đổi mới cách làm, bảo đảm các phong trào thi đua được duy trì "
        "thường xuyên, liên tục và có trọng tâm, trọng điểm.",
        'Tinh thần "chống dịch như chống giặc" được lan tỏa mạnh mẽ; đội ngũ y tế, lực lượng công an, quân '
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
        'trọng, trong đó có kỷ niệm 50 năm Chiến thắng "Hà Nội - Điện Biên Phủ trên không"; đây là dịp để '
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
        'Phong trào thi đua "Chung sức phòng, chống dịch Covid-19"',
        "Các cơ quan, đơn vị, phường đã triển khai quyết liệt các biện pháp phòng, chống dịch; thành lập "
        "và duy trì hoạt động của các Tổ Covid cộng đồng, tổ phản ứng nhanh; tổ chức tiêm vắc xin an toàn, "
        "đúng đối tượng; kịp thời hỗ trợ người dân gặp khó khăn do ảnh hưởng của dịch bệnh theo các chính "
        "sách của Trung ương và Thành phố.",
    ),
    "dothi": (
        'Phong trào "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
        "Phong trào được triển khai sâu rộng tại các khu dân cư; các tổ dân phố tích cực vận động Nhân dân "
        "thực hiện nếp sống văn minh đô thị, giữ gìn vệ sinh môi trường, trật tự lòng đường, hè phố; nhiều "
        "tuyến phố được chỉnh trang, trồng cây xanh, vẽ tranh tường, tạo cảnh quan sáng - xanh - sạch - đẹp.",
    ),
    "ngheo": (
        'Phong trào "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"',
        "Ủy ban Mặt trận Tổ quốc và các đoàn thể đã vận động cán bộ, công chức, doanh nghiệp và Nhân dân ủng "
        'hộ Quỹ "Vì người nghèo", hỗ trợ sửa chữa nhà ở, trao quà cho hộ nghèo, hộ cận nghèo, gia đình '
        "chính sách nhân dịp Tết Nguyên đán và các ngày lễ lớn.",
    ),
    "doanhnghiep": (
        'Phong trào "Doanh nghiệp Thủ đô hội nhập và phát triển"',
        "UBND {lv} thường xuyên tổ chức đối thoại, tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, hộ kinh "
        "doanh; đẩy mạnh cải thiện môi trường đầu tư, kinh doanh; nhiều doanh nghiệp trên địa bàn đã chủ "
        "động đổi mới công nghệ, mở rộng thị trường, bảo đảm việc làm và thu nhập cho người lao động.",
    ),
    "laodong": (
        'Phong trào "Lao động giỏi, lao động sáng tạo"',
        "Liên đoàn Lao động {lv} phối hợp với chuyên môn đồng cấp phát động công nhân, viên chức, lao động "
        "thi đua phát huy sáng kiến, cải tiến kỹ thuật, hợp lý hóa sản xuất, nâng cao năng suất, chất "
        "lượng, hiệu quả công việc.",
    ),
    "anninh": (
        'Phong trào "Toàn dân bảo vệ an ninh Tổ quốc"',
        "Công an {lv} tham mưu xây dựng, nhân rộng các mô hình tự quản về an ninh, trật tự tại khu dân "
        "cư; phối hợp chặt chẽ với lực lượng bảo vệ an ninh, trật tự ở cơ sở, góp phần kiềm chế, làm giảm "
        "các loại tội phạm, giữ vững bình yên trên địa bàn.",
    ),
    "danvan": (
        'Phong trào thi đua "Dân vận khéo"',
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
        'Phong trào thi đua "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số"',
        "Phường đã xây dựng kế hoạch hưởng ứng; tập trung hướng dẫn người dân sử dụng dịch vụ công trực "
        "tuyến, định danh điện tử, thanh toán không dùng tiền mặt; thành lập các Tổ công nghệ số cộng đồng "
        "tại các tổ dân phố.",
    ),
    "nhatam": (
        'Phong trào thi đua "Cả nước chung tay xóa nhà tạm, nhà dột nát"',
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


def cnum(n: int | None) -> str:
    """A count in a statistics table: "-" for none, "05" below ten, "1.514" otherwise."""
    if not n:
        return "-"
    return pad2(n) if n < 10 else vn(n)


def count_style(n: int) -> str:
    return "pad" if n < 10 else "plain"


Item = tuple  # (no, name, collectives | None, individuals | None, note, is_sub_item)


def awards_table(
    r: Report,
    groups: Sequence[tuple[str, str, Sequence[Item], bool]],
    *,
    subtotal: str = "cong",
    total_label: str = "Tổng cộng",
) -> None:
    """Commendation statistics `STT | Hình thức khen thưởng | Tập thể | Cá nhân | Ghi chú`, grouped by level.

    ``subtotal`` "cong": a "Cộng" row closes each group; "group": the subtotal sits on the group row.
    The group flagged ``True`` is the unit's own level: its subtotal is what commended_* expect.
    Sub-items (a, b, c under an item) are shown but not added into the subtotals.
    """
    rows: list[list[str]] = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    bold, italic = [], []
    tot_c = tot_i = 0
    for roman, title, items, unit_level in groups:
        sc = sum(it[2] or 0 for it in items if not it[5])
        si = sum(it[3] or 0 for it in items if not it[5])
        tot_c, tot_i = tot_c + sc, tot_i + si
        if unit_level:
            tc = r.count("commended_collectives", sc, count_style(sc))
            ti = r.count("commended_individuals", si, count_style(si))
        else:
            tc, ti = cnum(sc), cnum(si)
        bold.append(len(rows))
        rows.append([roman, title, tc, ti, ""] if subtotal == "group" else [roman, title, "", "", ""])
        for no, name, c, i, note, sub in items:
            if sub:
                italic.append(len(rows))
            rows.append([no, name, cnum(c), cnum(i), note])
        if subtotal == "cong":
            bold.append(len(rows))
            rows.append(["", "Cộng", tc, ti, ""])
    bold.append(len(rows))
    rows.append(["", total_label, cnum(tot_c), cnum(tot_i), ""])
    r.table(rows, [1.2, 7.4, 2.0, 2.0, 3.4], bold_rows=bold, italic_rows=italic, aligns="clccl", size=12)


def closing(r: Report, what: str) -> None:
    r.p(f"Trên đây là {what} của UBND {r.unit_vi}./.")


# ===================================================================================================
# The reports. Each function writes one report; its figure sentences are its own (no shared template).
# Revenue series (tỷ đồng) shared between a district's reports, so that year-on-year ratios and
# previous-year columns agree with the other report.
# ===================================================================================================

ACTUAL = {
    ("hoan-kiem", 2020): D("10526"),
    ("hoan-kiem", 2021): D("13200"),
    ("hoan-kiem", 2022): D("12500"),
    ("ba-dinh", 2020): D("5540"),
    ("ba-dinh", 2021): D("5875"),
    ("ba-dinh", 2022): D("6120"),
    ("dong-da", 2020): D("10950"),
    ("dong-da", 2021): D("11842.6"),
    ("hai-ba-trung", 2020): D("9715"),
    ("hai-ba-trung", 2021): D("10512.4"),
    ("hai-ba-trung", 2022): D("12105"),
    ("hoang-mai", 2020): D("5020"),
    ("hoang-mai", 2021): D("5664"),
    ("hoang-mai", 2022): D("6203"),
    ("long-bien", 2020): D("7215"),
    ("long-bien", 2021): D("7905"),
    ("long-bien", 2022): D("8760"),
}
PLAN = {
    ("hoan-kiem", 2021): D("8955"),
    ("hoan-kiem", 2022): D("11251"),
    ("ba-dinh", 2021): D("5660"),
    ("ba-dinh", 2022): D("5810"),
    ("dong-da", 2021): D("10320"),
    ("dong-da", 2022): D("13170"),
    ("hai-ba-trung", 2020): D("9386"),
    ("hai-ba-trung", 2021): D("9420"),
    ("hai-ba-trung", 2022): D("11050"),
    ("hoang-mai", 2021): D("4700"),
    ("hoang-mai", 2022): D("5600"),
    ("long-bien", 2021): D("7250"),
    ("long-bien", 2022): D("8760"),
}


def yoy(unit: str, year: int) -> Decimal:
    return ratio(ACTUAL[(unit, year)], ACTUAL[(unit, year - 1)])


def att(unit: str, year: int) -> Decimal:
    return ratio(ACTUAL[(unit, year)], PLAN[(unit, year)])


# --- 1. Hoàn Kiếm 2021: prose only, long ------------------------------------------------------------


def hoan_kiem_2021() -> Report:
    u, y = "hoan-kiem", 2021
    r = Report(u, y, "prose", so="15/BC-UBND", signed=(12, 1, 2022), header="table", chair="Nguyễn Quang Huy")
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022")
    r.intro(
        "Thực hiện Hướng dẫn số 3045/HD-SNV ngày 15/11/2021 của Sở Nội vụ thành phố Hà Nội về tổng kết "
        "công tác thi đua, khen thưởng năm 2021; căn cứ kết quả thực hiện nhiệm vụ chính trị năm 2021, UBND "
        "quận Hoàn Kiếm báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ "
        "năm 2022 như sau:"
    )
    r.part("Phần thứ nhất", "KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021")
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        "Quận Hoàn Kiếm là quận trung tâm của Thủ đô, có diện tích nhỏ nhất trong các quận nội thành nhưng "
        "tập trung mật độ cao các cơ quan Trung ương, Thành phố, các ngân hàng, doanh nghiệp lớn và hàng "
        "nghìn hộ kinh doanh, với hệ thống di tích, khu phố cổ, khu phố cũ là điểm đến hấp dẫn của du khách "
        "trong nước và quốc tế."
    )
    r.pool(CONTEXT[2021], 4)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.h2("1. Về kinh tế, ngân sách")
    r.p(
        "Mặc dù hoạt động du lịch, dịch vụ - thế mạnh của quận - bị ảnh hưởng nặng nề bởi dịch bệnh, quận "
        "đã tập trung chỉ đạo quyết liệt công tác chống thất thu, đôn đốc thu nợ đọng thuế, khai thác các "
        "nguồn thu phát sinh. Tổng thu ngân sách nhà nước trên địa bàn quận ước đạt "
        f"{r.money('budget_revenue_actual', act)} tỷ đồng, bằng {r.pct('budget_revenue_yoy_pct', yoy(u, y))}% "
        f"so với cùng kỳ, đạt {r.pct('budget_revenue_attainment_pct', att(u, y))}% dự toán Thành phố giao; "
        "trong đó thu từ thuế, phí ước đạt 11.846 tỷ đồng."
    )
    r.p(
        f"Dự toán thu ngân sách Thành phố giao cho quận năm 2021 là {r.money('budget_revenue_plan', plan)} tỷ "
        f"đồng. Năm 2020, tổng thu ngân sách trên địa bàn quận đạt {vn(ACTUAL[(u, 2020)])} tỷ đồng."
    )
    r.trap("component 'trong đó thu từ thuế, phí ước đạt 11.846 tỷ đồng'")
    r.trap(f"previous year 'Năm 2020 ... đạt {vn(ACTUAL[(u, 2020)])} tỷ đồng'")
    r.p(
        "Chi ngân sách quận ước thực hiện 2.135 tỷ đồng, đạt 84,7% dự toán, bảo đảm các nhiệm vụ chi thường "
        "xuyên, chi phòng, chống dịch bệnh và chi an sinh xã hội."
    )
    r.trap("expenditure 'Chi ngân sách quận ước thực hiện 2.135 tỷ đồng, đạt 84,7% dự toán'")
    r.p(
        "Công tác giải ngân vốn đầu tư công được tập trung chỉ đạo; Ban Quản lý dự án đầu tư xây dựng quận "
        "đẩy nhanh tiến độ các công trình trường học, trụ sở, cải tạo hạ tầng khu phố cổ. Giá trị giải ngân cả "
        f"năm ước đạt {r.pct('public_investment_disbursement_pct', D('152.3'))}% kế hoạch vốn Thành phố giao."
    )
    r.h2("2. Về văn hóa - xã hội")
    r.p(
        "Công tác an sinh xã hội được bảo đảm; quận đã kịp thời chi trả hỗ trợ cho hơn 19.800 lượt người lao "
        "động tự do, hộ kinh doanh gặp khó khăn do đại dịch với tổng kinh phí trên 29 tỷ đồng. Trong năm, quận "
        f"giải quyết việc làm cho {r.count('jobs_created', 3250)} lao động, đạt 108,3% kế hoạch năm."
    )
    r.trap("Covid support 'tổng kinh phí trên 29 tỷ đồng' (not revenue)")
    r.p(
        "Ngành giáo dục duy trì tốt việc dạy và học trực tuyến trong thời gian giãn cách; toàn quận có 25/35 "
        "trường công lập đạt chuẩn quốc gia. Hoạt động văn hóa, thông tin, tuyên truyền được đổi mới theo hướng "
        "trực tuyến, phục vụ kịp thời nhiệm vụ chính trị của quận."
    )
    r.trap("schools '25/35 trường công lập đạt chuẩn quốc gia'")
    r.h2("3. Về cải cách hành chính")
    recv = 112468
    rate = D("99.96")
    r.p(
        f"Bộ phận Một cửa quận và 18 phường đã tiếp nhận {vn(recv)} hồ sơ thủ tục hành chính, giải quyết "
        f"đúng và trước hạn {vn(round(recv * rate / 100))} hồ sơ, đạt tỷ lệ "
        f"{r.pct('admin_ontime_pct', rate)}%; không có hồ sơ giải quyết quá hạn do lỗi chủ quan của cán bộ, "
        "công chức."
    )
    r.h2("4. Kết quả chung")
    r.p(
        f"Năm 2021, quận Hoàn Kiếm đã hoàn thành và hoàn thành vượt mức {r.count('targets_met', 18)}/"
        f"{r.count('targets_total', 18)} chỉ tiêu kinh tế - xã hội do HĐND quận giao, trong đó có 11 chỉ tiêu "
        "vượt kế hoạch. Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững."
    )
    r.trap("'11 chỉ tiêu vượt kế hoạch' (not targets_met)")
    r.p(
        "Cùng với quận Hoàn Kiếm, các quận trong Cụm thi đua số 8 đều đạt kết quả tích cực: 6/6 quận hoàn "
        "thành vượt mức chỉ tiêu thu ngân sách năm 2021."
    )
    r.trap("cluster '6/6 quận hoàn thành vượt mức chỉ tiêu thu ngân sách'")
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.h2("1. Công tác chỉ đạo, hướng dẫn")
    r.p(
        "Ngay từ đầu năm, UBND quận ban hành Kế hoạch số 12/KH-UBND về tổ chức phong trào thi đua năm 2021, "
        "chỉ đạo các cơ quan, đơn vị, 18 phường triển khai, hưởng ứng 07 phong trào thi đua do Trung ương, "
        "Thành phố phát động; đồng thời xây dựng kế hoạch cụ thể cho từng phong trào, gắn với nhiệm vụ chính "
        "trị của đơn vị."
    )
    r.trap("centre/city movements 'hưởng ứng 07 phong trào thi đua do Trung ương, Thành phố phát động'")
    r.h2("2. Các phong trào thi đua do quận phát động")
    r.p(
        f"Trong năm, UBND quận đã phát động {r.count('movements_launched', 9, 'pad')} phong trào thi đua, gồm "
        '01 phong trào thi đua thường xuyên "Hoàn Kiếm thi đua xây dựng quận văn minh, hiện đại" và 08 phong '
        "trào thi đua theo chuyên đề, đợt cao điểm. Một số phong trào tiêu biểu:"
    )
    movement_sections(r, ["covid", "dothi", "ngheo", "doanhnghiep", "anninh", "cchc"])
    r.p(
        "Hưởng ứng lời kêu gọi của Ủy ban Mặt trận Tổ quốc quận, các tầng lớp Nhân dân, doanh nghiệp trên địa "
        'bàn đã ủng hộ Quỹ phòng, chống dịch Covid-19 và Quỹ "Vì người nghèo" tổng số tiền trên 38 tỷ đồng.'
    )
    r.trap("fund-raising 'trên 38 tỷ đồng' (not revenue)")
    r.h2("3. Hoạt động của Cụm thi đua số 8")
    r.pool(CLUSTER, 2)
    r.p(
        "Năm 2021, Cụm thi đua số 8 đã phát động 03 phong trào thi đua chung và tổ chức ký kết giao ước thi "
        "đua giữa các quận thành viên; các hoạt động của Cụm được tổ chức bằng hình thức phù hợp với tình hình "
        "dịch bệnh."
    )
    r.trap("cluster movements 'Cụm thi đua số 8 đã phát động 03 phong trào'")
    r.h1("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    r.p(
        f"Hội đồng Thi đua - Khen thưởng quận đã xem xét, công nhận {r.count('models_recognised', 126)} mô hình, "
        'cách làm hay, sáng kiến có hiệu quả; nhiều mô hình được nhân rộng như "Tuyến phố văn minh đô thị", '
        '"Chợ an toàn phòng dịch", "Tổ Covid cộng đồng kiểu mẫu", "Bữa cơm nghĩa tình".'
    )
    r.p(
        "Nhân dịp kỷ niệm 67 năm Ngày Giải phóng Thủ đô, quận đã tổ chức tuyên dương "
        f'{r.count("exemplars_honoured", 412)} gương "Người tốt, việc tốt" tiêu biểu trên các lĩnh vực; trong số '
        "đó có 30 cá nhân được Thành phố biểu dương, khen thưởng."
    )
    r.trap("city-honoured exemplars '30 cá nhân được Thành phố biểu dương'")
    r.pool(PROPAGANDA, 1)
    r.h1("V. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        "Công tác khen thưởng được thực hiện kịp thời, chính xác, đúng quy trình; chú trọng khen thưởng các "
        "tập thể, cá nhân trực tiếp tham gia tuyến đầu phòng, chống dịch, người lao động trực tiếp."
    )
    r.p(
        f"Năm 2021, Chủ tịch UBND quận đã tặng Giấy khen, công nhận danh hiệu thi đua cho "
        f"{r.count('commended_collectives', 652)} lượt tập thể và {r.count('commended_individuals', 1418)} lượt "
        "cá nhân; trong đó khen thưởng chuyên đề phòng, chống dịch Covid-19 cho 124 lượt tập thể, 287 lượt cá "
        "nhân."
    )
    r.trap("subset 'trong đó khen thưởng chuyên đề ... 124 lượt tập thể, 287 lượt cá nhân'")
    r.p(
        "Quận đã trình cấp trên khen thưởng và được ghi nhận: Chủ tịch nước tặng Huân chương Lao động hạng Ba "
        "cho 02 tập thể, 03 cá nhân; Thủ tướng Chính phủ tặng Bằng khen cho 04 tập thể, 06 cá nhân; UBND Thành "
        "phố tặng Cờ thi đua cho 05 tập thể, Bằng khen cho 25 tập thể, 48 cá nhân; công nhận danh hiệu Chiến "
        "sĩ thi đua Thành phố cho 07 cá nhân."
    )
    r.trap(
        "State/City awards 'UBND Thành phố tặng Cờ thi đua cho 05 tập thể, Bằng khen cho 25 tập thể, 48 cá nhân'"
    )
    r.p(
        "Hiện nay, Hội đồng Thi đua - Khen thưởng quận đã xét, đề nghị UBND Thành phố tặng Bằng khen cho 12 "
        "tập thể, 20 cá nhân có thành tích xuất sắc năm 2021."
    )
    r.trap("proposal 'đề nghị UBND Thành phố tặng Bằng khen cho 12 tập thể, 20 cá nhân'")
    r.h1("VI. CÔNG TÁC TUYÊN TRUYỀN, KIỆN TOÀN BỘ MÁY VÀ KIỂM TRA")
    r.h2("1. Công tác tuyên truyền")
    r.pool(PROPAGANDA, 2)
    r.h2("2. Kiện toàn Hội đồng Thi đua - Khen thưởng")
    r.pool(COUNCIL, 3)
    r.h2("3. Công tác kiểm tra")
    r.pool(INSPECTION, 2)
    r.h1("VII. ĐÁNH GIÁ CHUNG")
    r.h2("1. Ưu điểm")
    r.pool(GOOD, 3, bullets="-")
    r.h2("2. Hạn chế")
    r.pool(BAD, 3, bullets="-")
    r.h2("3. Nguyên nhân của hạn chế")
    r.pool(CAUSE, 2, bullets="-")
    r.h2("4. Bài học kinh nghiệm")
    r.pool(LESSONS, 4, ordinals=ORD_THU)
    r.part("Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022")
    r.h1("I. MỤC TIÊU")
    r.p(
        "Năm 2022, quận Hoàn Kiếm phấn đấu hoàn thành toàn diện 18 chỉ tiêu kinh tế - xã hội; phấn đấu thu "
        "ngân sách nhà nước trên địa bàn đạt 11.781 tỷ đồng; giải quyết việc làm cho 3.300 lao động; tỷ lệ hồ "
        "sơ thủ tục hành chính giải quyết đúng hạn đạt trên 99%."
    )
    r.trap("next-year targets 'phấn đấu thu ngân sách ... đạt 11.781 tỷ đồng', '3.300 lao động', 'trên 99%'")
    r.h1("II. NHIỆM VỤ, GIẢI PHÁP")
    r.pool(TASKS, 7, bullets="-")
    r.part("Phần thứ ba", "ĐỀ XUẤT, KIẾN NGHỊ")
    r.pool(PROPOSALS, 3, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022")
    r.signature(recipients_district(r, ["Các cơ quan, đơn vị, 18 phường;"]))
    return r


# --- 2. Hoàn Kiếm 2022: targets table with merged two-row header -------------------------------------


def hoan_kiem_2022() -> Report:
    u, y = "hoan-kiem", 2022
    r = Report(
        u,
        y,
        "targets",
        so="09/BC-UBND",
        signed=(16, 12, 2022),
        header="lines",
        issuer_long=True,
        headings="styled",
        chair="Trần Minh Đức",
        kt=True,
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title(
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, công tác thi đua, khen thưởng năm 2022 "
        "và phương hướng, nhiệm vụ năm 2023"
    )
    r.intro(
        "Căn cứ Nghị quyết của HĐND quận về nhiệm vụ phát triển kinh tế - xã hội năm 2022; thực hiện chỉ "
        "đạo của UBND Thành phố, UBND quận Hoàn Kiếm báo cáo kết quả thực hiện nhiệm vụ năm 2022 như sau:"
    )
    r.h1("I. TÌNH HÌNH CHUNG")
    r.pool(CONTEXT[2022], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI")
    r.p(
        f"Với sự nỗ lực của cả hệ thống chính trị, năm 2022 quận có {r.count('targets_met', 17)}/"
        f"{r.count('targets_total', 18)} chỉ tiêu đạt và vượt kế hoạch Thành phố và HĐND quận giao, trong đó "
        "05 chỉ tiêu vượt kế hoạch; 01 chỉ tiêu chưa đạt là chỉ tiêu về giải phóng mặt bằng các dự án trọng "
        "điểm. Kết quả cụ thể như sau (chi tiết tại Biểu số 01 kèm theo):"
    )
    r.trap("'05 chỉ tiêu vượt kế hoạch' (not targets_met)")
    r.h2("1. Thu, chi ngân sách")
    hdnd = (act / D("1.061")).quantize(D(1))
    r.p(
        f"Thu ngân sách nhà nước trên địa bàn ước đạt {r.money('budget_revenue_actual', act)} tỷ đồng (vượt "
        f"chỉ tiêu Thành phố giao {r.over('budget_revenue_attainment_pct', att(u, y))}%, vượt "
        f"{vn(ratio(act, hdnd) - 100, trim=True)}% so với chỉ tiêu phấn đấu HĐND quận giao). Số thu tuy thấp hơn "
        "năm 2021 do một số khoản thu phát sinh đột biến năm trước không còn, song quận vẫn là một trong những "
        "địa phương có số thu lớn của Thành phố."
    )
    r.trap(
        f"stretch target 'vượt {vn(ratio(act, hdnd) - 100, trim=True)}% so với chỉ tiêu phấn đấu HĐND quận giao'"
    )
    r.p(
        "Chi ngân sách quận đạt 88,2% dự toán được giao, đáp ứng yêu cầu chi thường xuyên, chi đầu tư phát "
        "triển và chi an sinh xã hội."
    )
    r.trap("expenditure 'Chi ngân sách quận đạt 88,2% dự toán' (prose and table)")
    r.h2("2. Đầu tư công")
    r.p(
        "Chi giải ngân vốn đầu tư công ước đạt 429,173 tỷ đồng, bằng "
        f"{r.pct('public_investment_disbursement_pct', D('247.5'))}% kế hoạch Thành phố giao, bằng 87% kế hoạch "
        "quận giao; nhiều công trình trường học, cải tạo hạ tầng khu phố cổ hoàn thành, đưa vào sử dụng."
    )
    r.trap("disbursement second baseline 'bằng 87% kế hoạch quận giao'")
    r.h2("3. Văn hóa - xã hội, cải cách hành chính")
    r.p(
        "Công tác giải quyết việc làm, an sinh xã hội được quan tâm; hoạt động văn hóa, du lịch phục hồi mạnh "
        "mẽ, không gian đi bộ hồ Hoàn Kiếm và phụ cận được tổ chức trở lại, thu hút đông đảo Nhân dân và du "
        "khách. Công tác cải cách hành chính được đẩy mạnh; tỷ lệ hồ sơ giải quyết đúng hạn được duy trì ở mức "
        "cao (chi tiết tại Biểu số 01)."
    )
    r.caption("Biểu số 01\nKẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2022")
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2022", "Ước thực hiện năm 2022", "So sánh (%)", None],
        [None, None, None, None, None, "Với KH", "Với cùng kỳ"],
        ["I", "Kinh tế", "", "", "", "", ""],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            r.money("budget_revenue_plan", plan),
            r.money("budget_revenue_actual", act),
            r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            r.pct("budget_revenue_yoy_pct", yoy(u, y), trim=False),
        ],
        ["", "Trong đó: thu thuế, phí", "Tỷ đồng", "10.380", "11.562", "111,4", "93,9"],
        ["2", "Chi ngân sách quận", "Tỷ đồng", "2.486", "2.192,7", "88,2", "102,3"],
        [
            "3",
            "Giải ngân vốn đầu tư công",
            "Tỷ đồng",
            "173,4",
            "429,173",
            r.pct("public_investment_disbursement_pct", ratio(D("429.173"), D("173.4"))),
            "135,8",
        ],
        ["4", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "1.500", "1.624", "108,3", "112,6"],
        ["II", "Văn hóa - xã hội", "", "", "", "", ""],
        [
            "5",
            "Giải quyết việc làm mới",
            "Người",
            "3.300",
            r.count("jobs_created", 3612),
            vn(ratio(D(3612), D(3300))),
            vn(ratio(D(3612), D(3250))),
        ],
        ["6", "Trường công lập đạt chuẩn quốc gia", "Trường", "26/35", "26/35", "100", "-"],
        ["7", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,5", "94,1", "-", "-"],
        ["8", "Số hộ nghèo cuối năm", "Hộ", "0", "0", "-", "-"],
        ["III", "Cải cách hành chính", "", "", "", "", ""],
        [
            "9",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            "≥ 98",
            r.pct("admin_ontime_pct", D("99.98")),
            "-",
            "-",
        ],
        ["10", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "50", "68,2", "-", "-"],
    ]
    r.table(
        rows,
        [1.0, 5.6, 1.8, 2.0, 2.0, 1.8, 1.8],
        header_rows=2,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 6)],
        bold_rows=[2, 8, 13],
        italic_rows=[4],
        aligns="clcrrrr",
        size=11.5,
    )
    r.trap(
        "table decoys: 'Chi ngân sách quận' row, 'Trong đó: thu thuế, phí' row, schools '26/35', poor households"
    )
    r.h1("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.p(
        f"Năm 2022, UBND quận đã phát động {r.count('movements_launched', 12, 'words')} phong trào thi đua, tập "
        "trung vào các nhiệm vụ trọng tâm: phục hồi kinh tế, thu ngân sách, chỉnh trang đô thị khu vực hồ Hoàn "
        "Kiếm và phụ cận, chuyển đổi số."
    )
    r.p(
        f"Các cơ quan, đơn vị đã triển khai hiệu quả {r.count('models_recognised', 148)} mô hình, cách làm hay "
        "được Hội đồng Thi đua - Khen thưởng quận công nhận. Quận tổ chức Lễ tuyên dương, trao tặng danh hiệu "
        f'"Người tốt, việc tốt" cho {r.count("exemplars_honoured", 430)} cá nhân tiêu biểu.'
    )
    r.p(
        f"UBND quận tặng Giấy khen cho {r.count('commended_collectives', 718)} tập thể, "
        f"{r.count('commended_individuals', 1536)} cá nhân có thành tích trong các phong trào thi đua; UBND "
        "Thành phố tặng Bằng khen cho 25 tập thể, 41 cá nhân thuộc quận."
    )
    r.trap("City awards 'UBND Thành phố tặng Bằng khen cho 25 tập thể, 41 cá nhân'")
    r.pool(PROPAGANDA, 1)
    r.pool(COUNCIL, 1)
    r.h1("IV. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.h1("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    r.p(
        "Năm 2023, quận Hoàn Kiếm phấn đấu hoàn thành 22 chỉ tiêu nhiệm vụ phát triển kinh tế - xã hội; phấn "
        "đấu thu ngân sách đạt 14.500 tỷ đồng; giải ngân vốn đầu tư công đạt 100% kế hoạch vốn được giao."
    )
    r.trap("next-year targets 'phấn đấu hoàn thành 22 chỉ tiêu', 'phấn đấu thu ngân sách đạt 14.500 tỷ đồng'")
    r.pool(TASKS, 5, bullets="-")
    closing(r, "báo cáo kết quả thực hiện nhiệm vụ năm 2022 và phương hướng, nhiệm vụ năm 2023")
    r.signature(recipients_district(r))
    return r


# --- 3. Ba Đình 2021: commendation table with "Cộng" rows -------------------------------------------


def ba_dinh_2021() -> Report:
    u, y = "ba-dinh", 2021
    r = Report(
        u, y, "awards", so="523/BC-UBND", signed=(20, 12, 2021), header="lines", chair="Hoàng Văn Bình"
    )
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021; phương hướng, nhiệm vụ năm 2022")
    r.intro(
        "Thực hiện Kế hoạch số 46/KH-HĐTĐKT của Hội đồng Thi đua - Khen thưởng Thành phố về việc tổng kết "
        "công tác thi đua, khen thưởng năm 2021, UBND quận Ba Đình báo cáo kết quả như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM, TÌNH HÌNH")
    r.p(
        "Quận Ba Đình là trung tâm chính trị - hành chính quốc gia, nơi đặt trụ sở làm việc của các cơ quan "
        "Trung ương, nhiều cơ quan ngoại giao, tổ chức quốc tế; có vị trí đặc biệt quan trọng về chính trị, "
        "an ninh, đối ngoại. Nhiệm vụ bảo vệ tuyệt đối an toàn các sự kiện chính trị, các hoạt động của lãnh "
        "đạo Đảng, Nhà nước luôn được đặt lên hàng đầu."
    )
    r.pool(CONTEXT[2021], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    r.p(
        "Năm 2021, kinh tế quận tiếp tục tăng trưởng trong điều kiện khó khăn; thu ngân sách vượt mức chỉ tiêu "
        f"đề ra ({r.pct('budget_revenue_attainment_pct', att(u, y))}%), tổng số thu trên địa bàn đạt "
        f"{r.money('budget_revenue_actual', ACTUAL[(u, y)])} tỷ đồng; riêng số thu tiền sử dụng đất đạt 312 tỷ "
        "đồng."
    )
    r.trap("component 'riêng số thu tiền sử dụng đất đạt 312 tỷ đồng'")
    r.p(
        f"Quận đạt và vượt {r.count('targets_met', 20)}/{r.count('targets_total', 21)} chỉ tiêu kinh tế - xã "
        "hội do HĐND quận đề ra, trong đó hoàn thành vượt mức 8 chỉ tiêu Thành phố và HĐND quận giao. Tỷ lệ "
        "giải ngân vốn đầu tư công năm 2021 đạt "
        f"{r.pct('public_investment_disbursement_pct', D('98.6'))}% kế hoạch vốn Thành phố giao."
    )
    r.trap("'hoàn thành vượt mức 8 chỉ tiêu' (not targets_met)")
    r.p(
        f"Công tác an sinh xã hội được bảo đảm; giải quyết việc làm mới cho {r.count('jobs_created', 4120)} "
        "người lao động. Trong năm, quận và 14 phường tiếp nhận 86.350 hồ sơ thủ tục hành chính, tỷ lệ giải "
        f"quyết đúng hạn đạt {r.pct('admin_ontime_pct', D('99.7'))}%; chỉ số cải cách hành chính (PAR Index) "
        "năm 2020 của quận xếp thứ 6/30 quận, huyện, thị xã."
    )
    r.trap("rank 'xếp thứ 6/30 quận, huyện, thị xã'")
    r.h1("III. KẾT QUẢ TỔ CHỨC PHONG TRÀO THI ĐUA")
    reg, them = r.parts("movements_launched", [1, 5])
    r.p(
        f'UBND quận đã phát động {reg} phong trào thi đua thường xuyên "Ba Đình thi đua xây dựng quận văn '
        f'minh, hiện đại" và {them} phong trào thi đua theo chuyên đề, gồm:'
    )
    for m in (
        '"Chung sức phòng, chống dịch Covid-19";',
        '"Thi đua hoàn thành nhiệm vụ thu ngân sách năm 2021";',
        '"Ba Đình chung tay xây dựng tuyến phố văn minh đô thị";',
        "thi đua thực hiện thắng lợi cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp;",
        '"Đẩy mạnh cải cách hành chính, xây dựng chính quyền số".',
    ):
        r.dash(m, "+")
    r.p(
        "Các phong trào được các cơ quan, đơn vị, phường hưởng ứng tích cực, tạo khí thế thi đua sôi nổi, góp "
        f"phần hoàn thành nhiệm vụ chính trị của quận. Trong năm, các đơn vị đã xây dựng và được công nhận "
        f"{r.count('models_recognised', 57)} mô hình, cách làm hay; quận biểu dương, khen thưởng "
        f'{r.count("exemplars_honoured", 215)} điển hình tiên tiến, gương "Người tốt, việc tốt".'
    )
    r.pool(PROPAGANDA, 2)
    r.h1("IV. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        "Công tác khen thưởng bảo đảm đúng người, đúng thành tích, kịp thời; kết quả khen thưởng năm 2021 được "
        "tổng hợp tại biểu sau:"
    )
    r.caption("BIỂU TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2021")
    awards_table(
        r,
        [
            (
                "I",
                "Cấp Nhà nước",
                [
                    ("1", "Huân chương Lao động hạng Ba", 1, 2, "", False),
                    ("2", "Bằng khen của Thủ tướng Chính phủ", 3, 5, "", False),
                    ("3", "Cờ thi đua của Chính phủ", 1, None, "", False),
                ],
                False,
            ),
            (
                "II",
                "Cấp Thành phố",
                [
                    ("1", "Cờ thi đua của UBND Thành phố", 4, None, "", False),
                    ("2", "Bằng khen của Chủ tịch UBND Thành phố", 18, 42, "", False),
                    ("3", "Tập thể lao động xuất sắc", 9, None, "", False),
                    ("4", "Chiến sĩ thi đua Thành phố", None, 6, "", False),
                ],
                False,
            ),
            (
                "III",
                "Cấp quận",
                [
                    ("1", "Giấy khen của Chủ tịch UBND quận", 246, 604, "Tổng kết năm và chuyên đề", False),
                    ("2", "Tập thể lao động tiên tiến", 198, None, "", False),
                    ("3", "Chiến sĩ thi đua cơ sở", None, 213, "", False),
                    ("4", "Lao động tiên tiến", None, 697, "", False),
                ],
                True,
            ),
        ],
        subtotal="cong",
        total_label="Tổng cộng (I + II + III)",
    )
    r.trap(
        "awards table: State and City rows and the grand total 'Tổng cộng (I + II + III)' are not commended_*"
    )
    r.p(
        "Ngoài ra, quận đã đề nghị UBND Thành phố tặng Bằng khen cho 12 tập thể, 20 cá nhân có thành tích xuất "
        "sắc trong công tác phòng, chống dịch Covid-19; hồ sơ đang được Ban Thi đua - Khen thưởng Thành phố "
        "thẩm định."
    )
    r.trap("proposal 'đề nghị UBND Thành phố tặng Bằng khen cho 12 tập thể, 20 cá nhân'")
    r.h1("V. KIỆN TOÀN TỔ CHỨC VÀ HOẠT ĐỘNG CỤM THI ĐUA")
    r.pool(COUNCIL, 2)
    r.pool(CLUSTER, 1)
    r.h1("VI. ĐÁNH GIÁ CHUNG")
    r.h2("1. Ưu điểm")
    r.pool(GOOD, 2, bullets="-")
    r.h2("2. Tồn tại, hạn chế")
    r.pool(BAD, 2, bullets="-")
    r.h2("3. Bài học kinh nghiệm")
    r.pool(LESSONS, 3, ordinals=ORD_LA)
    r.h1("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    r.p(
        "Năm 2022, quận Ba Đình phấn đấu hoàn thành 21/21 chỉ tiêu kinh tế - xã hội; thu ngân sách trên địa "
        "bàn đạt 5.810 tỷ đồng trở lên; tiếp tục giữ vững vị trí trong nhóm dẫn đầu về chỉ số cải cách hành "
        "chính của Thành phố."
    )
    r.trap("next-year targets 'phấn đấu hoàn thành 21/21 chỉ tiêu', 'thu ngân sách ... đạt 5.810 tỷ đồng'")
    r.pool(TASKS, 4, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021")
    r.signature(recipients_district(r, ["UBND 14 phường;"]))
    return r


# --- 4. Ba Đình 2022: two-year table (2021 | 2022) ------------------------------------------------------


def two_year_table(r: Report, y: int, rows: Sequence[Sequence[str]], caption: str) -> None:
    r.caption(caption, "ĐVT: Tỷ đồng")
    head = [
        ["STT", "Chỉ tiêu", f"Năm {y - 1}", None, f"Năm {y}", None],
        [None, None, "Thực hiện", "% so KH", "Thực hiện", "% so KH"],
    ]
    bold = [i + 2 for i, row in enumerate(rows) if row[0] and row[0].isdigit()]
    italic = [i + 2 for i, row in enumerate(rows) if not row[0] or not row[0].isdigit()]
    r.table(
        head + [list(x) for x in rows],
        [1.3, 6.1, 2.2, 1.9, 2.4, 2.1],
        header_rows=2,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 0, 5)],
        bold_rows=bold,
        italic_rows=italic,
        aligns="clrrrr",
        size=12,
    )


def ba_dinh_2022() -> Report:
    u, y = "ba-dinh", 2022
    r = Report(
        u,
        y,
        "twoyear",
        so="38/BC-UBND",
        signed=(10, 1, 2023),
        header="table",
        issuer_long=True,
        chair="Hoàng Văn Bình",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2022 và phương hướng, nhiệm vụ năm 2023")
    r.intro(
        "Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; thực hiện Hướng dẫn của Sở Nội "
        "vụ về tổng kết công tác thi đua, khen thưởng năm 2022, UBND quận Ba Đình báo cáo như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.pool(CONTEXT[2022], 3)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.h2("1. Kết quả chung")
    r.p(
        f"Năm 2022, quận Ba Đình đã hoàn thành toàn diện {r.count('targets_met', 21)}/"
        f"{r.count('targets_total', 21)} chỉ tiêu kinh tế - xã hội do HĐND quận đề ra; tình hình chính trị, "
        "an ninh, trật tự an toàn xã hội ổn định, không để xảy ra đột xuất, bất ngờ."
    )
    r.h2("2. Thu, chi ngân sách và đầu tư công")
    hdnd = D("6012")
    r.p(
        "Thu ngân sách nhà nước trên địa bàn quận hoàn thành vượt dự toán Thành phố giao "
        f"({r.money('budget_revenue_plan', plan)} tỷ đồng) và bằng {vn(ratio(act, hdnd))}% chỉ tiêu phấn đấu "
        f"HĐND quận giao; so với năm 2021, số thu tăng {r.growth('budget_revenue_yoy_pct', yoy(u, y))}%. Kết quả "
        "thu, chi ngân sách và giải ngân vốn đầu tư công hai năm 2021 - 2022 như sau:"
    )
    r.trap(f"stretch target 'bằng {vn(ratio(act, hdnd))}% chỉ tiêu phấn đấu HĐND quận giao'")
    p21 = ACTUAL[(u, 2021)]
    two_year_table(
        r,
        y,
        [
            [
                "1",
                "Tổng thu ngân sách nhà nước trên địa bàn",
                vn(p21),
                vn(att(u, 2021)),
                r.money("budget_revenue_actual", act),
                r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            ],
            ["", "Trong đó: - Thu thuế, phí và lệ phí", "4.960", "101,2", "5.204", "104,1"],
            ["", "- Thu tiền sử dụng đất", "312", "118,6", "275", "96,5"],
            ["2", "Chi ngân sách quận", "1.620", "91,3", "1.745", "88,6"],
            [
                "3",
                "Giải ngân vốn đầu tư công",
                "612,5",
                "98,6",
                "705,8",
                r.pct("public_investment_disbursement_pct", D("113.2"), trim=False),
            ],
        ],
        "Biểu 01. KẾT QUẢ THU, CHI NGÂN SÁCH VÀ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG",
    )
    r.trap("two-year table: the 'Năm 2021' columns (5.875 / 103,8; 612,5 / 98,6) are the previous year")
    r.trap(
        "table rows 'Trong đó: thu thuế, phí', 'thu tiền sử dụng đất' (components) and 'Chi ngân sách quận' (expenditure)"
    )
    r.p(
        "Công tác giải ngân vốn đầu tư công có chuyển biến tích cực so với năm trước; các dự án trường học, cải "
        "tạo chung cư cũ, chỉnh trang hạ tầng đô thị được đẩy nhanh tiến độ."
    )
    r.h2("3. Văn hóa - xã hội, cải cách hành chính")
    r.p(
        f"Năm 2022, quận giải quyết việc làm cho {r.count('jobs_created', 4385)} lao động, vượt kế hoạch năm; "
        "toàn quận có 18/27 trường công lập đạt chuẩn quốc gia. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết "
        f"đúng và trước hạn đạt {r.pct('admin_ontime_pct', D('99.82'))}%; tỷ lệ hồ sơ trễ hạn giảm còn 0,18%."
    )
    r.trap("schools '18/27 trường'; late share 'trễ hạn ... 0,18%'")
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        "UBND quận đã chỉ đạo triển khai, hưởng ứng 09 phong trào thi đua do Trung ương, Thành phố phát động; "
        f"đồng thời trực tiếp phát động {r.count('movements_launched', 7, 'pad')} phong trào thi đua của quận, "
        "trong đó có các phong trào tiêu biểu:"
    )
    r.trap("centre/city movements 'hưởng ứng 09 phong trào thi đua do Trung ương, Thành phố phát động'")
    movement_sections(r, ["dothi", "doanhnghiep", "danvan"])
    r.p(
        "Năm 2022, Cụm thi đua số 8 đã phát động 3 phong trào thi đua chung; 6/6 quận trong Cụm đều hoàn thành "
        "vượt dự toán thu ngân sách được giao."
    )
    r.trap("cluster 'Cụm thi đua số 8 đã phát động 3 phong trào', '6/6 quận'")
    r.h1("IV. CÔNG TÁC XÂY DỰNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN VÀ KHEN THƯỞNG")
    r.p(
        f"Năm 2022, quận công nhận {r.count('models_recognised', 64)} mô hình, cách làm hay, sáng kiến; tổ chức "
        f'biểu dương {r.count("exemplars_honoured", 236)} gương "Người tốt, việc tốt" nhân dịp kỷ niệm Ngày '
        "Giải phóng Thủ đô."
    )
    r.p(
        f"Chủ tịch UBND quận khen thưởng {r.count('commended_collectives', 495)} lượt tập thể, "
        f"{r.count('commended_individuals', 1322)} lượt cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ "
        "chính trị và các phong trào thi đua."
    )
    r.pool(PROPAGANDA, 2)
    r.pool(COUNCIL, 2)
    r.h1("V. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.pool(CAUSE, 1, bullets="-")
    r.h1("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    r.p(
        "Năm 2023, quận phấn đấu hoàn thành 30 chỉ tiêu kinh tế - xã hội, thu ngân sách trên địa bàn đạt 6.400 "
        "tỷ đồng; tiếp tục giữ vững danh hiệu đơn vị dẫn đầu trong các phong trào thi đua của Thành phố."
    )
    r.trap("next-year targets 'phấn đấu hoàn thành 30 chỉ tiêu', 'thu ngân sách ... đạt 6.400 tỷ đồng'")
    r.pool(TASKS, 5, bullets="-")
    r.pool(PROPOSALS, 2, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2022")
    r.signature(recipients_district(r))
    return r


# --- 5. Đống Đa 2021: long report, 44-row targets appendix that runs over pages --------------------------


def rc(a: str, b: str) -> str:
    """Ratio of two Vietnamese-formatted numbers, formatted (for decoy rows of a table)."""

    def num(s: str) -> Decimal:
        return D(s.replace(".", "").replace(",", "."))

    return vn(ratio(num(a), num(b)))


def dong_da_2021() -> Report:
    u, y = "dong-da", 2021
    r = Report(
        u,
        y,
        "longtable",
        so="27/BC-UBND",
        signed=(14, 1, 2022),
        header="table",
        headings="styled",
        chair="Lê Tuấn Định",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021, phương hướng, nhiệm vụ năm 2022")
    r.intro(
        "Thực hiện Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013); Nghị định số "
        "91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ; Quyết định số 09/2020/QĐ-UBND ngày 28/4/2020 của UBND "
        "Thành phố ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố Hà Nội; UBND quận "
        "Đống Đa báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 như sau:"
    )
    r.part("Phần thứ nhất", "KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021")
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        "Đống Đa là quận nội thành có dân số đông, mật độ dân cư cao, nhiều trường đại học, bệnh viện tuyến "
        "Trung ương và các khu tập thể cũ; công tác quản lý đô thị, bảo đảm an ninh, trật tự và phòng, chống "
        "dịch bệnh trên địa bàn có nhiều đặc thù, phức tạp."
    )
    r.pool(CONTEXT[2021], 4)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.p(
        "Năm 2021, trong bối cảnh dịch bệnh diễn biến phức tạp, quận đã chỉ đạo quyết liệt, linh hoạt các giải "
        "pháp, vừa phòng, chống dịch vừa phục hồi kinh tế. Tổng thu ngân sách nhà nước trên địa bàn quận ước đạt "
        f"{r.money('budget_revenue_actual', act)} tỷ đồng, đạt {r.pct('budget_revenue_attainment_pct', att(u, y))}% "
        f"kế hoạch Thành phố giao, tăng {r.growth('budget_revenue_yoy_pct', yoy(u, y))}% so với cùng kỳ."
    )
    r.p(
        f"Quận hoàn thành {r.count('targets_met', 12)}/{r.count('targets_total', 12)} chỉ tiêu kinh tế - xã hội "
        "chủ yếu, trong đó có 3 chỉ tiêu vượt kế hoạch được giao (chi tiết tại Phụ lục kèm theo). Giải quyết việc "
        f"làm mới cho {r.count('jobs_created', 5230)} lao động; toàn quận có 42/63 trường công lập đạt chuẩn "
        "quốc gia."
    )
    r.trap("'3 chỉ tiêu vượt kế hoạch' (not targets_met); schools '42/63 trường' (prose and appendix)")
    r.p(
        "Công tác phòng, chống dịch được triển khai quyết liệt: thành lập và duy trì hoạt động của hàng nghìn "
        "Tổ Covid cộng đồng, tổ chức tiêm vắc xin an toàn cho người dân trên địa bàn; các chính sách hỗ trợ người "
        "lao động, hộ kinh doanh gặp khó khăn được triển khai kịp thời, đúng đối tượng."
    )
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.h2("1. Triển khai các phong trào thi đua của Trung ương, Thành phố")
    r.p(
        "UBND quận đã ban hành kế hoạch hưởng ứng, triển khai 06 phong trào thi đua do Thủ tướng Chính phủ, "
        "UBND Thành phố phát động; giao các cơ quan chuyên môn chủ trì, hướng dẫn, theo dõi, đánh giá kết quả "
        "thực hiện."
    )
    r.trap(
        "centre/city movements 'triển khai 06 phong trào thi đua do Thủ tướng Chính phủ, UBND Thành phố phát động'"
    )
    r.h2("2. Các phong trào thi đua do quận phát động")
    r.p(
        f"Năm 2021, UBND quận phát động {r.count('movements_launched', 11)} phong trào thi đua thường xuyên và "
        "theo chuyên đề, bám sát nhiệm vụ chính trị của quận. Kết quả một số phong trào tiêu biểu:"
    )
    movement_sections(
        r, ["covid", "dothi", "ngheo", "doanhnghiep", "laodong", "anninh", "hochiminh"], numbering="alpha"
    )
    r.p(
        "Các cơ quan, đơn vị, doanh nghiệp và Nhân dân trong quận đã ủng hộ Quỹ phòng, chống dịch Covid-19 của "
        "quận với tổng số tiền và hàng hóa trị giá hơn 41 tỷ đồng."
    )
    r.trap("fund-raising 'hơn 41 tỷ đồng' (not revenue)")
    r.h1("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    r.p(
        f"Hội đồng Thi đua - Khen thưởng quận đã xét, công nhận {r.count('models_recognised', 210)} mô hình, "
        'cách làm hay, sáng kiến trên các lĩnh vực; nhiều mô hình có tính lan tỏa như "Phố văn minh, an '
        'toàn", "Khu tập thể xanh - sạch - đẹp", "ATM gạo nghĩa tình", "Siêu thị 0 đồng".'
    )
    r.p(
        f'UBND quận tổ chức biểu dương {r.count("exemplars_honoured", 356)} điển hình tiên tiến, gương "Người '
        'tốt, việc tốt"; trong đó có 25 cá nhân được Thành phố biểu dương tại Lễ tuyên dương "Người tốt, việc '
        'tốt" năm 2021.'
    )
    r.trap("city-honoured exemplars '25 cá nhân được Thành phố biểu dương'")
    r.h1("V. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        f"Năm 2021, UBND quận đã khen thưởng {r.count('commended_collectives', 1102)} lượt tập thể, "
        f"{r.count('commended_individuals', 2361)} lượt cá nhân có thành tích trong các phong trào thi đua và "
        "trong công tác phòng, chống dịch Covid-19."
    )
    r.p(
        "UBND Thành phố và các Bộ, ngành Trung ương tặng 05 Cờ thi đua xuất sắc, 46 Bằng khen, 12 danh hiệu "
        "Tập thể lao động xuất sắc; công nhận danh hiệu Chiến sĩ thi đua Thành phố cho 08 cá nhân thuộc quận."
    )
    r.trap(
        "City/ministry awards '05 Cờ thi đua xuất sắc, 46 Bằng khen, 12 danh hiệu Tập thể lao động xuất sắc'"
    )
    r.pool(COUNCIL, 2)
    r.h1("VI. CÔNG TÁC TUYÊN TRUYỀN, KIỂM TRA VÀ HOẠT ĐỘNG CỤM THI ĐUA")
    r.pool(PROPAGANDA, 3)
    r.pool(INSPECTION, 2)
    r.pool(CLUSTER, 2)
    r.h1("VII. ĐÁNH GIÁ CHUNG")
    r.h2("1. Ưu điểm")
    r.pool(GOOD, 3, bullets="-")
    r.h2("2. Hạn chế")
    r.pool(BAD, 3, bullets="-")
    r.h2("3. Nguyên nhân")
    r.pool(CAUSE, 3, bullets="-")
    r.h2("4. Bài học kinh nghiệm")
    r.pool(LESSONS, 4, ordinals=ORD_THU)
    r.part("Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    r.h1("I. MỤC TIÊU, CHỈ TIÊU")
    r.p(
        f"Phấn đấu năm 2022 thu ngân sách nhà nước trên địa bàn đạt {vn(PLAN[(u, 2022)])} tỷ đồng; giải quyết "
        "việc làm cho 5.500 lao động; có thêm 03 trường công lập đạt chuẩn quốc gia, nâng tổng số lên 45/63 "
        "trường."
    )
    r.trap(
        f"next-year targets 'thu ngân sách ... đạt {vn(PLAN[(u, 2022)])} tỷ đồng', '5.500 lao động', '45/63 trường'"
    )
    r.h1("II. NHIỆM VỤ, GIẢI PHÁP")
    r.pool(TASKS, 7, bullets="-")
    r.part("Phần thứ ba", "ĐỀ XUẤT, KIẾN NGHỊ")
    r.pool(PROPOSALS, 3, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021, phương hướng, nhiệm vụ năm 2022")
    r.signature(recipients_district(r, ["Các phòng, ban, đơn vị thuộc quận;", "UBND 21 phường;"]))

    r.page_break()
    r.centered("PHỤ LỤC")
    r.centered("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")
    r.centered(
        "(Kèm theo Báo cáo số 27/BC-UBND ngày 14/01/2022 của UBND quận Đống Đa)",
        bold=False,
        italic=True,
        size=12,
    )
    hdr = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2021", "Thực hiện năm 2021", "So sánh (%)", None],
        [None, None, None, None, None, "Với KH", "Với cùng kỳ"],
    ]
    body: list[list[str]] = [
        ["I", "KINH TẾ", "", "", "", "", ""],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            r.money("budget_revenue_plan", plan),
            r.money("budget_revenue_actual", act),
            r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            r.pct("budget_revenue_yoy_pct", yoy(u, y), trim=False),
        ],
        [
            "",
            "Trong đó: - Thu thuế, phí và lệ phí",
            "Tỷ đồng",
            "10.105",
            "11.436,2",
            rc("11.436,2", "10.105"),
            "107,9",
        ],
        ["", "- Thu tiền sử dụng đất", "Tỷ đồng", "215", "406,4", rc("406,4", "215"), "112,4"],
        ["2", "Chi ngân sách quận", "Tỷ đồng", "2.410,5", "2.041,7", rc("2.041,7", "2.410,5"), "96,3"],
        [
            "3",
            "Giải ngân vốn đầu tư công",
            "Tỷ đồng",
            "1.024",
            "895",
            r.pct("public_investment_disbursement_pct", ratio(D(895), D(1024)), trim=False),
            "92,6",
        ],
        ["4", "Tốc độ tăng giá trị sản xuất ngành thương mại, dịch vụ", "%", "7,5", "3,2", "-", "-"],
        [
            "5",
            "Số doanh nghiệp thành lập mới",
            "Doanh nghiệp",
            "2.800",
            "2.954",
            rc("2.954", "2.800"),
            "98,1",
        ],
        ["6", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "% tăng", "8", "4,1", "-", "-"],
        [
            "7",
            "Số hộ kinh doanh được cấp mới giấy chứng nhận đăng ký",
            "Hộ",
            "1.200",
            "1.086",
            rc("1.086", "1.200"),
            "-",
        ],
        ["II", "VĂN HÓA - XÃ HỘI", "", "", "", "", ""],
        [
            "8",
            "Giải quyết việc làm mới",
            "Người",
            "5.000",
            r.count("jobs_created", 5230),
            rc("5.230", "5.000"),
            "101,3",
        ],
        ["9", "Giảm số hộ nghèo", "Hộ", "25", "31", rc("31", "25"), "-"],
        ["10", "Tỷ lệ hộ nghèo cuối năm", "%", "< 0,1", "0,06", "-", "-"],
        ["11", "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa", "%", "90", "91,2", "-", "-"],
        ["12", "Tỷ lệ tổ dân phố đạt danh hiệu Tổ dân phố văn hóa", "%", "85", "86,5", "-", "-"],
        ["13", "Trường công lập đạt chuẩn quốc gia", "Trường", "41/63", "42/63", "-", "-"],
        ["14", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "< 5", "4,2", "-", "-"],
        ["15", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "92", "93,6", "-", "-"],
        [
            "16",
            "Số người tham gia bảo hiểm xã hội tự nguyện tăng thêm",
            "Người",
            "1.500",
            "1.732",
            rc("1.732", "1.500"),
            "-",
        ],
        ["17", "Tỷ lệ tiêm chủng mở rộng cho trẻ em dưới 1 tuổi", "%", "≥ 95", "97,8", "-", "-"],
        ["III", "ĐÔ THỊ - MÔI TRƯỜNG", "", "", "", "", ""],
        [
            "18",
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom, vận chuyển trong ngày",
            "%",
            "100",
            "100",
            "-",
            "-",
        ],
        ["19", "Số tuyến phố văn minh đô thị được công nhận mới", "Tuyến", "12", "14", rc("14", "12"), "-"],
        ["20", "Số dự án hoàn thành giải phóng mặt bằng", "Dự án", "8", "6", rc("6", "8"), "-"],
        ["21", "Tỷ lệ công trình xây dựng có giấy phép", "%", "100", "99,6", "-", "-"],
        ["22", "Số tuyến phố được cải tạo, chỉnh trang vỉa hè", "Tuyến", "15", "17", rc("17", "15"), "-"],
        ["23", "Diện tích cây xanh trồng mới", "m²", "5.000", "6.240", rc("6.240", "5.000"), "-"],
        ["IV", "CẢI CÁCH HÀNH CHÍNH - CHUYỂN ĐỔI SỐ", "", "", "", "", ""],
        [
            "24",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            "≥ 98",
            r.pct("admin_ontime_pct", D("99.1")),
            "-",
            "-",
        ],
        ["25", "Tỷ lệ hồ sơ thủ tục hành chính trễ hạn", "%", "< 2", "0,9", "-", "-"],
        ["26", "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4", "%", "70", "82,4", "-", "-"],
        ["27", "Tỷ lệ văn bản điện tử gửi, nhận trên môi trường mạng", "%", "90", "96,5", "-", "-"],
        ["28", "Xếp hạng Chỉ số cải cách hành chính (PAR Index)", "Thứ hạng", "Tăng bậc", "8/30", "-", "-"],
        ["V", "QUỐC PHÒNG - AN NINH", "", "", "", "", ""],
        ["29", "Giao quân (chỉ tiêu Thành phố giao)", "Công dân", "183", "183", "100", "-"],
        ["30", "Tỷ lệ điều tra, khám phá án", "%", "75", "82,3", "-", "-"],
        ["31", 'Tỷ lệ khu dân cư đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "90", "92,4", "-", "-"],
        ["32", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo thuộc thẩm quyền", "%", "90", "95,7", "-", "-"],
        ["VI", "XÂY DỰNG ĐẢNG, CHÍNH QUYỀN", "", "", "", "", ""],
        ["33", "Kết nạp đảng viên mới", "Đảng viên", "300", "321", rc("321", "300"), "-"],
        ["34", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", "85", "88,6", "-", "-"],
    ]
    groups = [i + 2 for i, row in enumerate(body) if row[0] in ("I", "II", "III", "IV", "V", "VI")]
    subs = [i + 2 for i, row in enumerate(body) if row[0] == ""]
    r.table(
        hdr + body,
        [1.0, 6.0, 1.9, 1.9, 1.9, 1.6, 1.7],
        header_rows=2,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 6)],
        bold_rows=groups,
        italic_rows=subs,
        aligns="clcrrrr",
        size=11.5,
        repeat_header=True,
    )
    r.trap(
        "appendix decoys: expenditure row 'Chi ngân sách quận', component rows, late share 'trễ hạn 0,9', "
        "rank 'PAR Index 8/30', '42/63' schools"
    )
    return r


# --- 6. Đống Đa 2022: prose, figures to a cut-off date (partial period) ------------------------------------


def dong_da_2022() -> Report:
    u, y = "dong-da", 2022
    r = Report(
        u,
        y,
        "prose",
        so="812/BC-UBND",
        signed=(20, 12, 2022),
        header="lines",
        issuer_long=True,
        page_numbers=False,
        chair="Lê Tuấn Định",
    )
    plan = PLAN[(u, y)]
    cut = D("12986.35")
    asof = "2022-12-15"
    r.header_block()
    r.title(
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội và công tác thi đua, khen thưởng năm 2022; "
        "phương hướng, nhiệm vụ năm 2023"
    )
    r.intro(
        "Thực hiện Chương trình công tác năm 2022, UBND quận Đống Đa báo cáo kết quả thực hiện nhiệm vụ phát "
        "triển kinh tế - xã hội và công tác thi đua, khen thưởng năm 2022 (số liệu tổng hợp đến ngày "
        "15/12/2022) như sau:"
    )
    r.h1("I. TÌNH HÌNH CHUNG")
    r.pool(CONTEXT[2022], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.h2("1. Kinh tế, ngân sách")
    r.p(
        "Tính đến ngày 15/12/2022, thu ngân sách nhà nước trên địa bàn quận đạt "
        f"{r.money('budget_revenue_actual', cut, flags=['partial_period'], as_of=asof)} tỷ đồng, bằng "
        f"{r.pct('budget_revenue_attainment_pct', ratio(cut, plan), flags=['partial_period'], as_of=asof)}% dự "
        f"toán Thành phố giao ({r.money('budget_revenue_plan', plan)} tỷ đồng), tăng "
        f"{r.growth('budget_revenue_yoy_pct', D('108.9'), flags=['partial_period'], as_of=asof)}% so với cùng kỳ. "
        "Dự kiến đến hết năm, quận hoàn thành vượt dự toán thu ngân sách được giao."
    )
    r.p(
        f"Năm 2021, tổng thu ngân sách trên địa bàn quận đạt {vn(ACTUAL[(u, 2021)])} tỷ đồng. Chi ngân sách quận "
        "đạt 84,72% dự toán Thành phố giao và bằng 77,18% so với kế hoạch quận giao."
    )
    r.trap(f"previous year 'Năm 2021 ... đạt {vn(ACTUAL[(u, 2021)])} tỷ đồng'")
    r.trap("expenditure 'Chi ngân sách quận đạt 84,72% dự toán Thành phố giao và bằng 77,18% ...'")
    r.p(
        "Công tác giải ngân vốn đầu tư công được đôn đốc quyết liệt, tuy nhiên một số dự án còn vướng mắc trong "
        "giải phóng mặt bằng nên tiến độ giải ngân chưa đạt yêu cầu; quận đang tập trung tháo gỡ để hoàn thành "
        "kế hoạch vốn trong thời gian còn lại của năm."
    )
    r.p(
        f"Quận hoàn thành {r.count('targets_met', 12)}/{r.count('targets_total', 12)} chỉ tiêu chủ yếu, trong đó "
        "có 4 chỉ tiêu vượt kế hoạch được giao."
    )
    r.trap("'4 chỉ tiêu vượt kế hoạch' (not targets_met)")
    r.h2("2. Văn hóa - xã hội")
    r.p(
        f"Giải quyết việc làm cho {r.count('jobs_created', 5614)} lao động, đạt {rc('5.614', '5.500')}% kế "
        "hoạch; công tác chăm lo cho người có công, hộ nghèo, hộ cận nghèo được thực hiện đầy đủ, kịp thời. Các "
        "trường học trở lại dạy và học trực tiếp, chất lượng giáo dục được duy trì."
    )
    r.h2("3. Cải cách hành chính")
    r.p(
        "Bộ phận Một cửa quận và 21 phường tiếp nhận 164.208 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn "
        f'đạt {r.pct("admin_ontime_pct", D("99.45"))}%; duy trì giải quyết thủ tục hành chính "không chờ" tại bộ '
        "phận một cửa 21 phường."
    )
    r.h1("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.p(
        f"Năm 2022, UBND quận phát động {r.count('movements_launched', 8, 'pad')} phong trào thi đua theo chuyên "
        'đề, đợt cao điểm, tiêu biểu là: "Thi đua hoàn thành nhiệm vụ thu ngân sách năm 2022", "Cao điểm ra '
        'quân bảo đảm trật tự đô thị", "Chung tay xây dựng tuyến phố văn minh", "Đống Đa chuyển đổi số".'
    )
    r.p(
        f"Hội đồng Thi đua - Khen thưởng quận công nhận {r.count('models_recognised', 236)} mô hình, cách làm "
        f'hay; quận biểu dương {r.count("exemplars_honoured", 318)} gương "Người tốt, việc tốt" tiêu biểu. Chủ '
        f"tịch UBND quận tặng Giấy khen cho {r.count('commended_collectives', 1215)} lượt tập thể và "
        f"{r.count('commended_individuals', 2480)} lượt cá nhân."
    )
    r.p(
        "Hội đồng Thi đua - Khen thưởng quận đã thống nhất đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho "
        "15 tập thể, 22 cá nhân có thành tích xuất sắc năm 2022."
    )
    r.trap("proposal 'đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho 15 tập thể, 22 cá nhân'")
    r.p(
        "Tại Hội nghị tổng kết năm 2021 của Cụm thi đua số 8, toàn Cụm có 6/6 quận hoàn thành vượt dự toán thu "
        "ngân sách; năm 2022 các quận trong Cụm tiếp tục duy trì hoạt động giao lưu, trao đổi kinh nghiệm."
    )
    r.trap("cluster 'toàn Cụm có 6/6 quận hoàn thành vượt dự toán'")
    r.pool(PROPAGANDA, 1)
    r.h1("IV. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.h1("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    r.p(
        "Năm 2023, quận phấn đấu hoàn thành 12/12 chỉ tiêu chủ yếu; phấn đấu thu ngân sách trên địa bàn đạt "
        "14.570 tỷ đồng."
    )
    r.trap("next-year targets 'phấn đấu hoàn thành 12/12 chỉ tiêu', 'thu ngân sách ... 14.570 tỷ đồng'")
    r.pool(TASKS, 4, bullets="-")
    closing(r, "báo cáo kết quả thực hiện nhiệm vụ năm 2022 và phương hướng, nhiệm vụ năm 2023")
    r.signature(recipients_district(r))
    return r


# --- 7. Hai Bà Trưng 2021: two-year table (2020 | 2021), tab-stop header, blank signing day -------------


def hai_ba_trung_2021() -> Report:
    u, y = "hai-ba-trung", 2021
    r = Report(
        u,
        y,
        "twoyear",
        so="17/BC-UBND",
        signed=(None, 1, 2022),
        header="tabs",
        font_size=13,
        line_spacing=1.2,
        chair="Nguyễn Văn Nam",
    )
    act = ACTUAL[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022")
    r.intro(
        "UBND quận Hai Bà Trưng báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, "
        "nhiệm vụ năm 2022 như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.pool(CONTEXT[2021], 3)
    r.h1("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CHÍNH TRỊ")
    r.p(
        f"Năm 2021, quận đạt và vượt {r.count('targets_met', 15)}/{r.count('targets_total', 16)} chỉ tiêu chủ "
        "yếu; chỉ tiêu chưa đạt là tốc độ tăng trưởng giá trị sản xuất ngành thương mại - dịch vụ do tác động "
        "của dịch bệnh."
    )
    r.p(
        f"Tổng thu ngân sách nhà nước trên địa bàn đạt {r.money('budget_revenue_actual', act)} tỷ đồng, đạt "
        f"{r.pct('budget_revenue_attainment_pct', att(u, y))}% dự toán, tăng "
        f"{r.growth('budget_revenue_yoy_pct', yoy(u, y))}% so với năm 2020 (chi tiết tại Biểu 01)."
    )
    two_year_table(
        r,
        y,
        [
            [
                "1",
                "Tổng thu ngân sách nhà nước trên địa bàn",
                vn(ACTUAL[(u, 2020)]),
                vn(att(u, 2020)),
                r.money("budget_revenue_actual", act),
                r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            ],
            ["a", "Thu thuế, phí, lệ phí", "8.904", "102,7", "9.688,5", "110,9"],
            ["b", "Thu tiền sử dụng đất, tiền thuê đất", "356", "121,5", "402,1", "126,0"],
            ["2", "Chi ngân sách quận", "1.890", "92,4", "1.955,6", "86,9"],
            [
                "3",
                "Giải ngân vốn đầu tư công",
                "512,3",
                "95,1",
                "603,7",
                r.pct("public_investment_disbursement_pct", D("91.2"), trim=False),
            ],
        ],
        "Biểu 01: THU, CHI NGÂN SÁCH VÀ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2020 - 2021",
    )
    r.trap(
        f"two-year table: 'Năm 2020' columns ({vn(ACTUAL[(u, 2020)])} / {vn(att(u, 2020))}) are the previous year"
    )
    r.trap("table rows a) b) (components) and 'Chi ngân sách quận' (expenditure)")
    r.p(
        f"Năm 2021, quận đã giải quyết việc làm cho {r.count('jobs_created', 4870)} lao động. Công tác cải cách "
        "hành chính được đẩy mạnh, tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt "
        f"{r.pct('admin_ontime_pct', D('98.7'))}%; chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan "
        "hành chính (SIPAS) của quận xếp thứ 9/30 quận, huyện, thị xã."
    )
    r.trap("rank 'xếp thứ 9/30 quận, huyện, thị xã'")
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        f"UBND quận đã phát động {r.count('movements_launched', 5, 'pad')} phong trào thi đua, các phong trào "
        "được triển khai sâu rộng tới các cơ quan, đơn vị, 18 phường và khu dân cư. Nổi bật là:"
    )
    movement_sections(r, ["covid", "ngheo", "cchc"])
    r.p(
        f"Qua các phong trào, quận đã công nhận {r.count('models_recognised', 85)} mô hình, cách làm hay và biểu "
        f'dương {r.count("exemplars_honoured", 290)} gương "Người tốt, việc tốt", điển hình tiên tiến.'
    )
    r.h1("IV. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        f"Chủ tịch UBND quận quyết định khen thưởng cho {r.count('commended_collectives', 864)} lượt tập thể, "
        f"{r.count('commended_individuals', 1925)} lượt cá nhân; Thủ tướng Chính phủ tặng Bằng khen cho 03 tập "
        "thể, UBND Thành phố tặng Bằng khen cho 17 tập thể, 29 cá nhân thuộc quận."
    )
    r.trap(
        "State/City awards 'Thủ tướng ... 03 tập thể', 'UBND Thành phố tặng Bằng khen cho 17 tập thể, 29 cá nhân'"
    )
    r.pool(COUNCIL, 2)
    r.pool(PROPAGANDA, 2)
    r.h1("V. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.h1("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    r.p(
        f"Phấn đấu năm 2022 thu ngân sách trên địa bàn đạt {vn(PLAN[(u, 2022)])} tỷ đồng, hoàn thành 16/16 chỉ "
        "tiêu kinh tế - xã hội; tiếp tục đổi mới nội dung, hình thức các phong trào thi đua."
    )
    r.trap(
        f"next-year targets 'thu ngân sách ... {vn(PLAN[(u, 2022)])} tỷ đồng', 'hoàn thành 16/16 chỉ tiêu'"
    )
    r.pool(TASKS, 4, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021")
    r.signature(recipients_district(r, ["UBND 18 phường;"]))
    return r


# --- 8. Hai Bà Trưng 2022: commendation table, subtotals on the group rows ---------------------------------


def hai_ba_trung_2022() -> Report:
    u, y = "hai-ba-trung", 2022
    r = Report(
        u,
        y,
        "awards",
        so="05/BC-UBND",
        signed=(9, 1, 2023),
        header="table",
        issuer_long=True,
        headings="styled",
        chair="Nguyễn Văn Nam",
        kt=True,
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2022 và phương hướng, nhiệm vụ trọng tâm năm 2023")
    r.intro(
        "Thực hiện Hướng dẫn của Ban Thi đua - Khen thưởng Thành phố về tổng kết công tác thi đua, khen "
        "thưởng năm 2022, UBND quận Hai Bà Trưng báo cáo như sau:"
    )
    r.h1("I. KHÁI QUÁT TÌNH HÌNH")
    r.pool(CONTEXT[2022], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    r.p(
        "Kinh tế của quận phục hồi mạnh mẽ sau dịch bệnh; thu ngân sách trên địa bàn đạt "
        f"{r.money('budget_revenue_actual', act)} tỷ đồng, đạt {r.pct('budget_revenue_attainment_pct', att(u, y))}% "
        f"so với dự toán Thành phố giao ({r.money('budget_revenue_plan', plan)} tỷ đồng), tăng "
        f"{r.growth('budget_revenue_yoy_pct', yoy(u, y))}% so với cùng kỳ năm trước; trong đó thu từ khu vực công "
        "thương nghiệp ngoài quốc doanh đạt 5.412 tỷ đồng."
    )
    r.trap("component 'trong đó thu từ khu vực công thương nghiệp ngoài quốc doanh đạt 5.412 tỷ đồng'")
    r.p(
        f"Giải ngân vốn đầu tư công đạt 707,59 tỷ đồng, bằng {r.pct('public_investment_disbursement_pct', D('95.8'))}% "
        f"kế hoạch vốn. Quận hoàn thành toàn diện {r.count('targets_met', 16)}/{r.count('targets_total', 16)} chỉ "
        f"tiêu kinh tế - xã hội; giải quyết việc làm cho {r.count('jobs_created', 5105)} lao động; "
        f"{r.pct('admin_ontime_pct', D('99.3'))}% hồ sơ thủ tục hành chính được giải quyết đúng hạn."
    )
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        f"Năm 2022, UBND quận phát động {r.count('movements_launched', 9, 'pad')} phong trào thi đua, trong đó "
        "có các đợt thi đua cao điểm chào mừng các ngày lễ lớn của đất nước, của Thủ đô và phong trào thi đua "
        '"Hai Bà Trưng chung tay xây dựng đô thị văn minh, hiện đại".'
    )
    movement_sections(r, ["dothi", "laodong"])
    r.p(
        f"Các cơ quan, đơn vị đã xây dựng {r.count('models_recognised', 93)} mô hình, cách làm hay được Hội đồng "
        f"Thi đua - Khen thưởng quận công nhận; quận tuyên dương {r.count('exemplars_honoured', 305)} gương "
        '"Người tốt, việc tốt".'
    )
    r.p(
        "Cụm thi đua số 8 năm 2022 có 6/6 quận được đánh giá hoàn thành xuất sắc nhiệm vụ; quận Hai Bà Trưng "
        "tích cực tham gia các hoạt động chung của Cụm."
    )
    r.trap("cluster 'Cụm thi đua số 8 năm 2022 có 6/6 quận'")
    r.h1("IV. CÔNG TÁC KHEN THƯỞNG")
    r.p("Kết quả khen thưởng năm 2022 (chi tiết tại bảng sau):")
    awards_table(
        r,
        [
            (
                "I",
                "Khen thưởng cấp Nhà nước",
                [
                    ("1", "Huân chương Lao động hạng Ba", 1, 3, "", False),
                    ("2", "Bằng khen của Thủ tướng Chính phủ", 3, 6, "", False),
                ],
                False,
            ),
            (
                "II",
                "Khen thưởng cấp Thành phố",
                [
                    ("1", "Cờ thi đua của UBND Thành phố", 5, None, "", False),
                    ("2", "Bằng khen của Chủ tịch UBND Thành phố", 21, 49, "", False),
                    ("3", "Danh hiệu Tập thể lao động xuất sắc", 11, None, "", False),
                    ("4", "Danh hiệu Chiến sĩ thi đua Thành phố", None, 9, "", False),
                ],
                False,
            ),
            (
                "III",
                "Khen thưởng cấp quận",
                [
                    (
                        "1",
                        "Giấy khen của Chủ tịch UBND quận",
                        356,
                        812,
                        "Gồm khen thưởng chuyên đề, đột xuất",
                        False,
                    ),
                    ("2", "Danh hiệu Tập thể lao động tiên tiến", 347, None, "", False),
                    ("3", "Danh hiệu Chiến sĩ thi đua cơ sở", None, 241, "", False),
                    ("4", "Danh hiệu Lao động tiên tiến", None, 635, "", False),
                ],
                True,
            ),
        ],
        subtotal="group",
    )
    r.trap("awards table: subtotals on the group rows; State/City groups and 'Tổng cộng' are not commended_*")
    r.p(
        "Quận đã đề nghị UBND Thành phố tặng Cờ thi đua cho 03 tập thể, Bằng khen cho 14 tập thể, 27 cá nhân có "
        "thành tích xuất sắc trong năm 2022."
    )
    r.trap(
        "proposal 'đề nghị UBND Thành phố tặng Cờ thi đua cho 03 tập thể, Bằng khen cho 14 tập thể, 27 cá nhân'"
    )
    r.h1("V. CÔNG TÁC TUYÊN TRUYỀN, KIỆN TOÀN TỔ CHỨC")
    r.pool(PROPAGANDA, 2)
    r.pool(COUNCIL, 2)
    r.pool(INSPECTION, 1)
    r.h1("VI. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 3, bullets="-")
    r.pool(LESSONS, 3, ordinals=ORD_THU)
    r.h1("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2023")
    r.p(
        "Năm 2023, quận phấn đấu thu ngân sách trên địa bàn đạt 13.000 tỷ đồng; dự kiến phát động 10 phong trào "
        "thi đua theo chuyên đề gắn với các nhiệm vụ trọng tâm của quận."
    )
    r.trap("next-year 'phấn đấu thu ngân sách ... 13.000 tỷ đồng', 'dự kiến phát động 10 phong trào'")
    r.pool(TASKS, 5, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2022")
    r.signature(recipients_district(r))
    return r


# --- 9. Hoàng Mai 2021: prose; the stated attainment does not match plan and actual (arithmetic) -----------


def hoang_mai_2021() -> Report:
    u, y = "hoang-mai", 2021
    r = Report(
        u,
        y,
        "prose",
        so="44/BC-UBND",
        signed=(11, 1, 2022),
        header="lines",
        font_size=13,
        chair="Nguyễn Minh Phương",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    stated = D("116.5")  # as printed in the report; plan × 116,5 % = 5.475,5 ≠ 5.664 (true ratio 120,5 %)
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021, phương hướng nhiệm vụ năm 2022")
    r.intro(
        "Căn cứ Kế hoạch số 28/KH-UBND ngày 02/02/2021 của UBND quận về tổ chức các phong trào thi đua năm "
        "2021, UBND quận Hoàng Mai báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        "Hoàng Mai là quận có dân số đông nhất Thành phố, tốc độ đô thị hóa nhanh, nhiều khu đô thị mới, khu "
        "tái định cư và chung cư cao tầng; cơ sở hạ tầng xã hội ở một số khu vực chưa theo kịp tốc độ phát "
        "triển dân cư, đặt ra nhiều thách thức cho công tác quản lý."
    )
    r.pool(CONTEXT[2021], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.p(
        f"Thu ngân sách nhà nước trên địa bàn quận năm 2021 đạt {r.money('budget_revenue_actual', act)} tỷ đồng, "
        f"đạt {r.pct('budget_revenue_attainment_pct', stated, flags=['arithmetic'])}% dự toán Thành phố giao "
        f"({r.money('budget_revenue_plan', plan)} tỷ đồng), bằng {r.pct('budget_revenue_yoy_pct', yoy(u, y))}% so "
        "với cùng kỳ; trong đó thu tiền sử dụng đất đạt 1.210 tỷ đồng. Năm 2020, số thu trên địa bàn quận là "
        f"{vn(ACTUAL[(u, 2020)])} tỷ đồng."
    )
    r.trap(
        f"arithmetic: plan {vn(plan)} × stated {vn(stated)}% = {vn(plan * stated / 100, 1)} ≠ actual {vn(act)} "
        f"(true ratio {vn(ratio(act, plan))}%)"
    )
    r.trap("component 'trong đó thu tiền sử dụng đất đạt 1.210 tỷ đồng'")
    r.trap(f"previous year 'Năm 2020, số thu ... là {vn(ACTUAL[(u, 2020)])} tỷ đồng'")
    r.p(
        "Tổng chi ngân sách quận năm 2021 đạt 2.684 tỷ đồng, ưu tiên cho phòng, chống dịch, an sinh xã hội và "
        "các công trình trường học."
    )
    r.trap("expenditure 'Tổng chi ngân sách quận năm 2021 đạt 2.684 tỷ đồng'")
    r.p(
        f"Năm 2021, quận hoàn thành {r.count('targets_met', 18)}/{r.count('targets_total', 19)} chỉ tiêu kinh tế "
        "- xã hội HĐND quận giao. Công tác giải ngân vốn đầu tư công đạt "
        f"{r.pct('public_investment_disbursement_pct', D('104.5'))}% kế hoạch vốn Thành phố giao; quận tạo việc "
        f"làm mới cho {r.count('jobs_created', 5960)} lao động, tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng "
        f"hạn đạt {r.pct('admin_ontime_pct', D('98.2'))}%."
    )
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        "Quận đã triển khai thực hiện 07 phong trào thi đua do Trung ương, Thành phố phát động. Đồng thời, trong "
        f"năm quận phát động {r.count('movements_launched', 10)} phong trào thi đua gắn với nhiệm vụ chính trị "
        "của địa phương, trong đó có các phong trào:"
    )
    r.trap(
        "centre/city movements 'triển khai thực hiện 07 phong trào thi đua do Trung ương, Thành phố phát động'"
    )
    movement_sections(r, ["covid", "dothi", "danvan", "anninh"])
    r.h1("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    r.p(
        'Toàn quận hiện duy trì hàng trăm mô hình "Dân vận khéo" trên các lĩnh vực. Trong năm, Hội đồng Thi '
        f"đua - Khen thưởng quận đã xét, công nhận {r.count('models_recognised', 112)} mô hình, cách làm hay mới; "
        f'quận tuyên dương {r.count("exemplars_honoured", 178)} gương "Người tốt, việc tốt".'
    )
    r.trap("vague 'hàng trăm mô hình \"Dân vận khéo\"' (no figure)")
    r.pool(PROPAGANDA, 2)
    r.h1("V. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        f"UBND quận khen thưởng {r.count('commended_collectives', 935)} lượt tập thể, "
        f"{r.count('commended_individuals', 2104)} lượt cá nhân có thành tích trong các phong trào thi đua, công "
        "tác phòng, chống dịch và thực hiện nhiệm vụ chính trị năm 2021."
    )
    r.pool(COUNCIL, 2)
    r.pool(CLUSTER, 1)
    r.h1("VI. ĐÁNH GIÁ CHUNG")
    r.h2("1. Ưu điểm")
    r.pool(GOOD, 2, bullets="-")
    r.h2("2. Hạn chế, nguyên nhân")
    r.pool(BAD, 2, bullets="-")
    r.pool(CAUSE, 2, bullets="-")
    r.h1("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    r.p(
        f"Năm 2022, quận phấn đấu thu ngân sách trên địa bàn đạt {vn(PLAN[(u, 2022)])} tỷ đồng, hoàn thành 19/19 "
        "chỉ tiêu kinh tế - xã hội; giải quyết việc làm cho 5.300 lao động."
    )
    r.trap(f"next-year 'phấn đấu thu ... {vn(PLAN[(u, 2022)])} tỷ đồng', '19/19 chỉ tiêu', '5.300 lao động'")
    r.pool(TASKS, 5, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021")
    r.signature(recipients_district(r, ["UBND 14 phường;"]))
    return r


# --- 10. Hoàng Mai 2022: targets table; prose and table disagree on revenue (conflict) -------------------


def hoang_mai_2022() -> Report:
    u, y = "hoang-mai", 2022
    r = Report(
        u,
        y,
        "targets",
        so="631/BC-UBND",
        signed=(15, 12, 2022),
        header="table",
        issuer_long=True,
        headings="styled",
        chair="Nguyễn Minh Phương",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    prose_act = D("6230")  # the prose says 6.230; the table says 6.203 (the expected value)
    r.header_block()
    r.title(
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022, công tác thi đua, khen thưởng và "
        "phương hướng, nhiệm vụ năm 2023"
    )
    r.intro(
        "Thực hiện Nghị quyết của HĐND quận về kế hoạch phát triển kinh tế - xã hội năm 2022, UBND quận Hoàng "
        "Mai báo cáo kết quả thực hiện như sau:"
    )
    r.h1("I. TÌNH HÌNH CHUNG")
    r.pool(CONTEXT[2022], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI")
    r.p(
        f"Năm 2022, quận Hoàng Mai đạt và vượt {r.count('targets_met', 19)}/{r.count('targets_total', 19)} chỉ tiêu "
        "kinh tế - xã hội HĐND quận giao. Tổng thu ngân sách trên địa bàn quận ước đạt "
        f"{vn(prose_act)} tỷ đồng, bằng {r.pct('budget_revenue_attainment_pct', att(u, y))}% dự toán Thành phố "
        "giao. Chỉ số cải cách hành chính (PAR Index) năm 2021 của quận xếp thứ 12/30 quận, huyện, thị xã."
    )
    r.trap(
        f"conflict: prose 'ước đạt {vn(prose_act)} tỷ đồng' vs table '{vn(act)}'; expected uses the table value"
    )
    r.trap("rank 'xếp thứ 12/30 quận, huyện, thị xã'")
    r.p("Kết quả thực hiện các chỉ tiêu chủ yếu như sau:")
    r.caption("Biểu 01. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2022")
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2022", None, "Tỷ lệ (%)", None],
        [None, None, None, "Kế hoạch", "Ước thực hiện", "So KH", "So cùng kỳ"],
        ["I", "Kinh tế - ngân sách", "", "", "", "", ""],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            r.money("budget_revenue_plan", plan),
            r.money("budget_revenue_actual", act, flags=["conflict"]),
            r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            r.pct("budget_revenue_yoy_pct", yoy(u, y), trim=False),
        ],
        [
            "",
            "Trong đó: thu ngoài quốc doanh",
            "Tỷ đồng",
            "2.350",
            "2.612,8",
            rc("2.612,8", "2.350"),
            "108,4",
        ],
        ["2", "Chi ngân sách quận", "Tỷ đồng", "2.930", "2.598,6", rc("2.598,6", "2.930"), "104,2"],
        [
            "3",
            "Giải ngân vốn đầu tư công",
            "Tỷ đồng",
            "1.450",
            "1.396,4",
            r.pct("public_investment_disbursement_pct", ratio(D("1396.4"), D(1450)), trim=False),
            "118,7",
        ],
        ["II", "Văn hóa - xã hội", "", "", "", "", ""],
        [
            "4",
            "Giải quyết việc làm",
            "Người",
            "5.300",
            r.count("jobs_created", 5480),
            rc("5.480", "5.300"),
            rc("5.480", "5.960"),
        ],
        ["5", "Tỷ lệ hộ nghèo", "%", "< 0,2", "0,09", "-", "-"],
        ["6", "Số trường công lập đạt chuẩn quốc gia", "Trường", "46/58", "46/58", "100", "-"],
        ["7", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "92", "92,8", "-", "-"],
        ["III", "Cải cách hành chính", "", "", "", "", ""],
        [
            "8",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            "98",
            r.pct("admin_ontime_pct", D("99.05")),
            "-",
            "-",
        ],
        ["9", "Tỷ lệ hồ sơ trễ hạn", "%", "< 2", "0,95", "-", "-"],
    ]
    r.table(
        rows,
        [1.0, 5.8, 1.7, 1.9, 2.0, 1.7, 1.9],
        header_rows=2,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 0, 6)],
        bold_rows=[2, 7, 12],
        italic_rows=[4],
        aligns="clcrrrr",
        size=11.5,
    )
    r.trap(
        "table decoys: expenditure row, 'thu ngoài quốc doanh' component, schools '46/58', late share '0,95'"
    )
    r.h1("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.p(
        f"Năm 2022, quận phát động {r.count('movements_launched', 7, 'words')} phong trào thi đua, trong đó có "
        'phong trào "Hoàng Mai chung tay xây dựng đô thị văn minh" và đợt thi đua cao điểm hoàn thành các chỉ '
        "tiêu thu ngân sách, giải phóng mặt bằng."
    )
    r.p(
        f"Hội đồng Thi đua - Khen thưởng quận công nhận {r.count('models_recognised', 131)} mô hình, cách làm hay; "
        f'biểu dương {r.count("exemplars_honoured", 204)} gương "Người tốt, việc tốt". Chủ tịch UBND quận đã ký '
        f"quyết định khen thưởng {r.count('commended_collectives', 987)} lượt tập thể và "
        f"{r.count('commended_individuals', 2236)} lượt cá nhân. UBND Thành phố tặng Bằng khen cho 19 tập thể, 33 "
        "cá nhân thuộc quận."
    )
    r.trap("City awards 'UBND Thành phố tặng Bằng khen cho 19 tập thể, 33 cá nhân'")
    r.pool(PROPAGANDA, 1)
    r.pool(CLUSTER, 1)
    r.h1("IV. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.h1("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    r.p(
        "Năm 2023, quận phấn đấu thu ngân sách trên địa bàn đạt 6,8 nghìn tỷ đồng; giải quyết việc làm cho 5.500 "
        "lao động; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 99%."
    )
    r.trap("next-year 'phấn đấu thu ... 6,8 nghìn tỷ đồng', '5.500 lao động', 'trên 99%'")
    r.pool(TASKS, 4, bullets="-")
    closing(r, "báo cáo kết quả thực hiện nhiệm vụ năm 2022 và phương hướng, nhiệm vụ năm 2023")
    r.signature(recipients_district(r))
    return r


# --- 11. Long Biên 2021: commendation table with a), b), c) sub-items; no attainment % stated (derived) -----


def long_bien_2021() -> Report:
    u, y = "long-bien", 2021
    r = Report(
        u,
        y,
        "awards",
        so="19/BC-UBND",
        signed=(7, 1, 2022),
        header="lines",
        issuer_long=True,
        chair="Đinh Thị Hương",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022")
    r.intro(
        "UBND quận Long Biên báo cáo kết quả công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ "
        "năm 2022 như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        "Long Biên là quận có diện tích lớn, dân số trên 29 vạn nhân khẩu, nằm ở cửa ngõ phía Đông của Thủ đô, "
        "có nhiều dự án giao thông, đô thị lớn đang triển khai; công tác giải phóng mặt bằng, quản lý đất đai, "
        "trật tự xây dựng luôn là nhiệm vụ nặng nề."
    )
    r.pool(CONTEXT[2021], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI")
    r.p(
        f"Thu ngân sách nhà nước trên địa bàn quận ước thực hiện {r.money('budget_revenue_actual', act)} tỷ đồng, "
        f"tăng {r.growth('budget_revenue_yoy_pct', yoy(u, y))}% so với năm 2020; dự toán Thành phố giao đầu năm là "
        f"{r.money('budget_revenue_plan', plan)} tỷ đồng."
    )
    r.derive("budget_revenue_attainment_pct", round(float(act) / float(plan) * 100, 2))
    r.trap("attainment not stated: derived from actual / plan")
    r.p(
        f"Quận hoàn thành {r.count('targets_met', 15)}/{r.count('targets_total', 16)} chỉ tiêu kinh tế - xã hội "
        "năm 2021. Giải ngân vốn đầu tư công đạt "
        f"{r.pct('public_investment_disbursement_pct', D('121.7'))}% kế hoạch Thành phố giao; giải quyết việc làm "
        f"cho {r.count('jobs_created', 4210)} lao động; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt "
        f"{r.pct('admin_ontime_pct', D('99.6'))}%."
    )
    r.p("Năm 2021, các quận trong Cụm thi đua số 8 đều đạt và vượt chỉ tiêu thu ngân sách (6/6 quận).")
    r.trap("cluster '6/6 quận'")
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        "Quận đã ban hành kế hoạch hưởng ứng 08 phong trào thi đua do Trung ương, Thành phố phát động; đồng "
        f"thời UBND quận phát động {r.count('movements_launched', 4, 'pad')} phong trào thi đua của quận, gắn với "
        "các nhiệm vụ trọng tâm về phòng, chống dịch, giải phóng mặt bằng, chỉnh trang đô thị."
    )
    r.trap("centre/city movements 'hưởng ứng 08 phong trào thi đua do Trung ương, Thành phố phát động'")
    movement_sections(r, ["covid", "danvan", "anninh"])
    r.p(
        'Các cấp, các ngành đã xây dựng hàng trăm mô hình "Dân vận khéo" trên các lĩnh vực, nhiều mô hình được '
        f"Thành phố ghi nhận. UBND quận biểu dương {r.count('exemplars_honoured', 167)} gương người tốt, việc tốt "
        "tiêu biểu trong năm."
    )
    r.trap("vague 'hàng trăm mô hình \"Dân vận khéo\"' (no models figure in this report)")
    r.h1("IV. CÔNG TÁC KHEN THƯỞNG")
    r.p("Kết quả công tác khen thưởng năm 2021 như sau:")
    awards_table(
        r,
        [
            (
                "I",
                "Khen thưởng cấp Nhà nước",
                [
                    ("1", "Huân chương Lao động hạng Ba", 2, 1, "", False),
                    ("2", "Bằng khen của Thủ tướng Chính phủ", 2, 4, "", False),
                ],
                False,
            ),
            (
                "II",
                "Khen thưởng cấp Thành phố",
                [
                    ("1", "Cờ thi đua của UBND Thành phố", 3, None, "", False),
                    (
                        "2",
                        "Bằng khen của Chủ tịch UBND Thành phố",
                        16,
                        31,
                        "Khen thưởng phòng, chống dịch",
                        False,
                    ),
                    ("3", "Tập thể lao động xuất sắc", 7, None, "", False),
                    ("4", "Chiến sĩ thi đua Thành phố", None, 5, "", False),
                ],
                False,
            ),
            (
                "III",
                "Khen thưởng cấp quận",
                [
                    ("1", "Giấy khen của Chủ tịch UBND quận", 274, 605, "", False),
                    ("a", "Khen thưởng tổng kết năm", 168, 412, "", True),
                    ("b", "Khen thưởng chuyên đề", 92, 155, "", True),
                    ("c", "Khen thưởng đột xuất", 14, 38, "", True),
                    ("2", "Tập thể lao động tiên tiến", 236, None, "", False),
                    ("3", "Chiến sĩ thi đua cơ sở", None, 187, "", False),
                    ("4", "Lao động tiên tiến", None, 520, "", False),
                ],
                True,
            ),
        ],
        subtotal="cong",
    )
    r.trap("awards table: sub-items a) b) c) break down item 1 and must not be added again")
    r.pool(COUNCIL, 2)
    r.pool(PROPAGANDA, 2)
    r.h1("V. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.pool(LESSONS, 3, ordinals=ORD_LA)
    r.h1("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    r.p(
        f"Năm 2022, quận phấn đấu thu ngân sách đạt {vn(PLAN[(u, 2022)])} tỷ đồng, hoàn thành 16/16 chỉ tiêu "
        'kinh tế - xã hội; tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo".'
    )
    r.trap(f"next-year 'phấn đấu thu ngân sách đạt {vn(PLAN[(u, 2022)])} tỷ đồng', '16/16 chỉ tiêu'")
    r.pool(TASKS, 4, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2021")
    r.signature(recipients_district(r, ["UBND 14 phường;"]))
    return r


# --- 12. Long Biên 2022: two-year table (2021 | 2022), revenue in "nghìn tỷ" in the prose ---------------------


def long_bien_2022() -> Report:
    u, y = "long-bien", 2022
    r = Report(
        u,
        y,
        "twoyear",
        so="12/BC-UBND",
        signed=(6, 1, 2023),
        header="table",
        font_size=13,
        chair="Đinh Thị Hương",
    )
    act, plan = ACTUAL[(u, y)], PLAN[(u, y)]
    r.header_block()
    r.title(
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, công tác thi đua, khen thưởng năm 2022; "
        "phương hướng, nhiệm vụ năm 2023"
    )
    r.intro(
        "UBND quận Long Biên báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, công tác thi đua, "
        "khen thưởng năm 2022 như sau:"
    )
    r.h1("I. TÌNH HÌNH CHUNG")
    r.pool(CONTEXT[2022], 2)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    r.p(
        f"Năm 2022, quận Long Biên hoàn thành toàn diện {r.count('targets_met', 16)}/{r.count('targets_total', 16)} "
        "chỉ tiêu phát triển kinh tế - xã hội, trong đó có 4 chỉ tiêu vượt."
    )
    r.trap("'4 chỉ tiêu vượt' (not targets_met)")
    r.p(
        "Thu ngân sách trên địa bàn ước thực hiện "
        f"{r.money('budget_revenue_actual', act, text=vn(act / 1000, trim=True))} nghìn tỷ đồng, đạt "
        f"{r.pct('budget_revenue_attainment_pct', att(u, y))}% dự toán giao đầu năm "
        f"({r.money('budget_revenue_plan', plan)} tỷ đồng), bằng {r.pct('budget_revenue_yoy_pct', yoy(u, y))}% so "
        "với năm 2021. Kết quả thu, chi ngân sách và giải ngân vốn đầu tư công hai năm gần đây:"
    )
    two_year_table(
        r,
        y,
        [
            [
                "1",
                "Thu ngân sách nhà nước trên địa bàn",
                vn(ACTUAL[(u, 2021)]),
                vn(att(u, 2021)),
                r.money("budget_revenue_actual", act),
                r.pct("budget_revenue_attainment_pct", att(u, y), trim=False),
            ],
            ["", "Trong đó: thu tiền sử dụng đất", "1.845", "112,5", "2.016", "96,0"],
            ["2", "Chi ngân sách quận", "3.240", "89,5", "3.562", "86,2"],
            [
                "3",
                "Giải ngân vốn đầu tư công",
                "1.682,4",
                "121,7",
                "1.918,6",
                r.pct("public_investment_disbursement_pct", D("135.4"), trim=False),
            ],
        ],
        "Biểu số 01: THU, CHI NGÂN SÁCH VÀ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2021 - 2022",
    )
    r.trap(
        f"two-year table: 'Năm 2021' columns ({vn(ACTUAL[(u, 2021)])} / {vn(att(u, 2021))}; 121,7) are the previous year"
    )
    r.trap("table rows 'thu tiền sử dụng đất' (component) and 'Chi ngân sách quận' (expenditure)")
    r.p(
        f"Quận giải quyết việc làm cho {r.count('jobs_created', 4655)} lao động; tỷ lệ hồ sơ thủ tục hành chính "
        f"giải quyết đúng hạn đạt {r.pct('admin_ontime_pct', D('99.71'))}%. Công tác xây dựng Đảng đạt kết quả "
        "tốt: thành lập 3 tổ chức cơ sở đảng (đạt 150% kế hoạch), kết nạp 185 đảng viên mới (đạt 109% kế "
        "hoạch)."
    )
    r.trap("party-building '185 đảng viên mới (đạt 109% kế hoạch)', '3 tổ chức cơ sở đảng (đạt 150%)'")
    r.h1("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.p(
        f"UBND quận phát động {r.count('movements_launched', 6, 'pad')} phong trào thi đua trong năm 2022. Phong "
        'trào "Dân vận khéo" tiếp tục được triển khai sâu rộng với hàng trăm mô hình ở các cơ quan, đơn vị, '
        f"phường; trong năm quận công nhận {r.count('models_recognised', 48)} mô hình, cách làm hay tiêu biểu cấp "
        "quận."
    )
    r.trap("vague 'hàng trăm mô hình' next to the real count")
    r.p(
        f'Quận biểu dương {r.count("exemplars_honoured", 189)} gương "Người tốt, việc tốt". UBND quận khen '
        f"thưởng {r.count('commended_collectives', 774)} lượt tập thể, {r.count('commended_individuals', 1842)} "
        "lượt cá nhân có thành tích xuất sắc."
    )
    r.pool(PROPAGANDA, 2)
    r.pool(COUNCIL, 1)
    r.pool(CLUSTER, 2)
    r.h1("IV. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.h1("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    r.p(
        "Năm 2023, quận phấn đấu thu ngân sách đạt 9.500 tỷ đồng, giải quyết việc làm cho 4.800 lao động, tiếp "
        "tục hoàn thành toàn diện các chỉ tiêu được giao."
    )
    r.trap("next-year 'phấn đấu thu ngân sách đạt 9.500 tỷ đồng', '4.800 lao động'")
    r.pool(TASKS, 5, bullets="-")
    r.pool(PROPOSALS, 2, bullets="-")
    closing(r, "báo cáo kết quả thực hiện nhiệm vụ năm 2022")
    r.signature(recipients_district(r))
    return r


# --- 13. Phường Hoàn Kiếm 2025: ward report (1/7-31/12/2025) with a long appendix table ---------------------


def recipients_ward() -> list[str]:
    return [
        "Sở Nội vụ thành phố Hà Nội;",
        "Thường trực Đảng ủy phường;",
        "Thường trực HĐND phường;",
        "Chủ tịch, các Phó Chủ tịch UBND phường;",
        "Ủy ban MTTQ Việt Nam phường;",
        "Lưu: VT, VP.",
    ]


def phuong_hoan_kiem_2025() -> Report:
    u, y = "phuong-hoan-kiem", 2025
    r = Report(
        u,
        y,
        "longtable",
        so="86/BC-UBND",
        signed=(19, 12, 2025),
        header="table",
        issuer_long=True,
        headings="styled",
        chair="Phạm Thị Thanh Mai",
        level="ward",
    )
    act, plan = D("5842.6"), D("5300")
    a = ratio(act, plan)
    hdnd = D("5645")
    r.header_block()
    r.title("Tổng kết công tác thi đua, khen thưởng năm 2025 và phương hướng, nhiệm vụ năm 2026")
    r.intro(
        "Phường Hoàn Kiếm được thành lập theo Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban "
        "Thường vụ Quốc hội trên cơ sở sắp xếp các phường thuộc quận Hoàn Kiếm và một phần phường thuộc quận "
        "Ba Đình (cũ), chính thức hoạt động từ ngày 01/7/2025. UBND phường báo cáo tổng kết công tác thi đua, "
        "khen thưởng trong thời gian từ ngày 01/7/2025 đến ngày 31/12/2025 (số liệu ước thực hiện đến hết "
        "năm) như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.pool(CONTEXT[2025], 3)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.p(
        f"Thu ngân sách nhà nước trên địa bàn phường ước đạt {r.money('budget_revenue_actual', act)} tỷ đồng, đạt "
        f"{r.pct('budget_revenue_attainment_pct', a)}% dự toán Thành phố giao ({r.money('budget_revenue_plan', plan)} "
        f"tỷ đồng), vượt {vn(ratio(act, hdnd) - 100, trim=True)}% so với dự toán HĐND phường giao, bằng "
        f"{r.pct('budget_revenue_yoy_pct', D('104.3'))}% so với cùng kỳ năm 2024 trên địa bàn tương ứng."
    )
    r.trap(f"stretch target 'vượt {vn(ratio(act, hdnd) - 100, trim=True)}% so với dự toán HĐND phường giao'")
    r.p(
        "Sáu tháng đầu năm 2025, số thu ngân sách trên địa bàn quận Hoàn Kiếm (cũ) đạt 9.104 tỷ đồng; số liệu "
        "này do UBND quận Hoàn Kiếm (cũ) tổng hợp, không thuộc phạm vi báo cáo của phường."
    )
    r.trap("other period 'Sáu tháng đầu năm 2025 ... quận Hoàn Kiếm (cũ) đạt 9.104 tỷ đồng'")
    r.p(
        f"Phường hoàn thành {r.count('targets_met', 12)}/{r.count('targets_total', 12)} chỉ tiêu chủ yếu được giao "
        "(chi tiết tại Phụ lục). Giải ngân vốn đầu tư công đạt "
        f"{r.pct('public_investment_disbursement_pct', D('82.6'))}% kế hoạch vốn; giải quyết việc làm cho "
        f"{r.count('jobs_created', 1125)} lao động."
    )
    r.p(
        "Trung tâm Phục vụ hành chính công phường tiếp nhận 18.426 hồ sơ thủ tục hành chính; "
        f"{r.pct('admin_ontime_pct', D('100'))}% hồ sơ được giải quyết đúng và trước hạn, không có hồ sơ trễ hạn."
    )
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p("UBND phường đã triển khai 04 phong trào thi đua do Trung ương, Thành phố phát động, trong đó có:")
    r.trap("centre/city movements 'triển khai 04 phong trào thi đua do Trung ương, Thành phố phát động'")
    movement_sections(r, ["chuyendoiso", "nhatam"])
    r.p(
        f"Trên cơ sở đó, UBND phường phát động {r.count('movements_launched', 3, 'pad')} phong trào thi đua: "
        '"Phường Hoàn Kiếm đoàn kết, kỷ cương, vận hành thông suốt chính quyền hai cấp"; "Thi đua lập thành '
        'tích chào mừng Đại hội Đảng bộ phường lần thứ I"; "Xây dựng tuyến phố, khu phố văn minh, du lịch an '
        'toàn".'
    )
    r.h1("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    r.p(
        f"Phường công nhận {r.count('models_recognised', 23)} mô hình, cách làm hay, trong đó nổi bật là mô hình "
        '"Tổ công nghệ số cộng đồng", "Phố đi bộ văn minh". UBND phường biểu dương '
        f'{r.count("exemplars_honoured", 86)} gương "Người tốt, việc tốt"; 12 cá nhân tiêu biểu được Thành phố '
        "biểu dương."
    )
    r.trap("city-honoured exemplars '12 cá nhân tiêu biểu được Thành phố biểu dương'")
    r.h1("V. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        f"Chủ tịch UBND phường tặng Giấy khen cho {r.count('commended_collectives', 96)} tập thể, "
        f"{r.count('commended_individuals', 245)} cá nhân có thành tích trong thực hiện nhiệm vụ và các phong trào "
        "thi đua. Chủ tịch UBND Thành phố tặng Bằng khen cho 07 tập thể, 15 cá nhân thuộc phường."
    )
    r.trap("City awards 'Chủ tịch UBND Thành phố tặng Bằng khen cho 07 tập thể, 15 cá nhân'")
    r.p(
        "Phường đã hoàn thiện hồ sơ, đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho 06 tập thể, 11 cá nhân "
        "có thành tích xuất sắc năm 2025."
    )
    r.trap("proposal 'đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho 06 tập thể, 11 cá nhân'")
    r.pool(PROPAGANDA, 2)
    r.pool(COUNCIL, 2)
    r.h1("VI. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.pool(LESSONS, 3, ordinals=ORD_THU)
    r.h1("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026")
    r.p(
        "Năm 2026, phường phấn đấu thu ngân sách trên địa bàn đạt 12.400 tỷ đồng; hoàn thành 100% chỉ tiêu được "
        "giao; giải quyết việc làm cho 2.300 lao động."
    )
    r.trap("next-year 'phấn đấu thu ngân sách ... 12.400 tỷ đồng', '2.300 lao động'")
    r.pool(TASKS, 5, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2025")
    r.signature(recipients_ward())

    r.page_break()
    r.centered("PHỤ LỤC")
    r.centered("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU (TỪ 01/7/2025 ĐẾN 31/12/2025)")
    r.centered(
        "(Kèm theo Báo cáo số 86/BC-UBND ngày 19/12/2025 của UBND phường Hoàn Kiếm)",
        bold=False,
        italic=True,
        size=12,
    )
    vuot, dat, kd = "Vượt", "Đạt", "Không đạt"
    body = [
        ["I", "KINH TẾ - NGÂN SÁCH", "", "", "", "", ""],
        [
            "1",
            "Thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            r.money("budget_revenue_plan", plan),
            r.money("budget_revenue_actual", act),
            r.pct("budget_revenue_attainment_pct", a, trim=False),
            vuot,
        ],
        ["2", "Chi ngân sách phường", "Tỷ đồng", "186,4", "151,2", rc("151,2", "186,4"), kd],
        [
            "3",
            "Giải ngân vốn đầu tư công",
            "%",
            "100",
            r.pct("public_investment_disbursement_pct", D("82.6")),
            "82,6",
            kd,
        ],
        ["4", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "320", "347", rc("347", "320"), vuot],
        ["5", "Số hộ kinh doanh chuyển đổi thành doanh nghiệp", "Hộ", "15", "17", rc("17", "15"), vuot],
        [
            "6",
            "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại các điểm kinh doanh",
            "%",
            "80",
            "86,4",
            "-",
            vuot,
        ],
        ["II", "ĐÔ THỊ - DU LỊCH - MÔI TRƯỜNG", "", "", "", "", ""],
        ["7", "Số tuyến phố đạt chuẩn văn minh đô thị", "Tuyến", "10", "10", "100", dat],
        ["8", "Tỷ lệ rác thải được thu gom, phân loại tại nguồn", "%", "70", "74,5", "-", vuot],
        ["9", "Số vụ vi phạm trật tự xây dựng phát hiện, xử lý", "Vụ", "-", "42", "-", "-"],
        ["10", "Tỷ lệ vi phạm trật tự xây dựng được xử lý dứt điểm", "%", "100", "97,6", "-", kd],
        ["11", "Lượt khách du lịch đến địa bàn", "Triệu lượt", "9", "9,6", rc("9,6", "9"), vuot],
        ["12", "Số cơ sở lưu trú đạt chuẩn", "Cơ sở", "150", "162", rc("162", "150"), vuot],
        ["III", "VĂN HÓA - XÃ HỘI", "", "", "", "", ""],
        [
            "13",
            "Giải quyết việc làm",
            "Người",
            "1.000",
            r.count("jobs_created", 1125),
            rc("1.125", "1.000"),
            vuot,
        ],
        ["14", "Số hộ nghèo cuối năm", "Hộ", "0", "0", "-", dat],
        ["15", "Tỷ lệ hộ gia đình văn hóa", "%", "90", "91,3", "-", vuot],
        ["16", "Tỷ lệ tổ dân phố văn hóa", "%", "85", "87", "-", vuot],
        ["17", "Trường công lập đạt chuẩn quốc gia", "Trường", "14/19", "14/19", "100", dat],
        ["18", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95", "95,4", "-", vuot],
        ["19", "Số người cao tuổi được chúc thọ, mừng thọ", "Người", "-", "1.864", "-", "-"],
        ["20", "Tỷ lệ trẻ em trong độ tuổi được tiêm chủng đầy đủ", "%", "98", "98,6", "-", vuot],
        ["IV", "CẢI CÁCH HÀNH CHÍNH - CHUYỂN ĐỔI SỐ", "", "", "", "", ""],
        [
            "21",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            "98",
            r.pct("admin_ontime_pct", D("100")),
            "-",
            vuot,
        ],
        ["22", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "60", "71,2", "-", vuot],
        ["23", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", "%", "85", "88,1", "-", vuot],
        ["24", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "%", "95", "96,8", "-", vuot],
        ["V", "QUỐC PHÒNG - AN NINH", "", "", "", "", ""],
        ["25", "Tỷ lệ điều tra, khám phá án", "%", "80", "84,6", "-", vuot],
        [
            "26",
            'Số tổ dân phố đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "Tổ",
            "110",
            "114",
            rc("114", "110"),
            vuot,
        ],
        ["27", "Tuyển chọn, gọi công dân nhập ngũ", "Công dân", "-", "-", "-", "Triển khai năm 2026"],
        ["VI", "THI ĐUA - KHEN THƯỞNG", "", "", "", "", ""],
        [
            "28",
            "Số phong trào thi đua do phường phát động",
            "Phong trào",
            "3",
            r.count("movements_launched", 3),
            "100",
            dat,
        ],
        [
            "29",
            "Số mô hình, cách làm hay được công nhận",
            "Mô hình",
            "20",
            r.count("models_recognised", 23),
            rc("23", "20"),
            vuot,
        ],
        [
            "30",
            'Số gương "Người tốt, việc tốt" được biểu dương',
            "Cá nhân",
            "80",
            r.count("exemplars_honoured", 86),
            rc("86", "80"),
            vuot,
        ],
        [
            "31",
            "Số tập thể được Chủ tịch UBND phường tặng Giấy khen",
            "Tập thể",
            "-",
            r.count("commended_collectives", 96),
            "-",
            "-",
        ],
        [
            "32",
            "Số cá nhân được Chủ tịch UBND phường tặng Giấy khen",
            "Cá nhân",
            "-",
            r.count("commended_individuals", 245),
            "-",
            "-",
        ],
    ]
    groups = [i + 1 for i, row in enumerate(body) if row[0] in ("I", "II", "III", "IV", "V", "VI")]
    r.table(
        [["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"], *body],
        [1.0, 6.0, 1.9, 1.8, 1.8, 1.6, 1.9],
        header_rows=1,
        bold_rows=groups,
        aligns="clcrrrc",
        size=11.5,
    )
    r.trap("appendix decoys: 'Chi ngân sách phường' row, schools '14/19', tourism 'Triệu lượt'")
    return r


# --- 14. Phường Long Biên 2025: ward report, prose -------------------------------------------------------


def phuong_long_bien_2025() -> Report:
    u, y = "phuong-long-bien", 2025
    r = Report(
        u,
        y,
        "prose",
        so="112/BC-UBND",
        signed=(8, 1, 2026),
        header="tabs",
        font_size=13,
        kt=True,
        chair="Vũ Đức Thắng",
        level="ward",
    )
    act, plan = D("1286.2"), D("1180")
    r.header_block()
    r.title(
        "Tổng kết công tác thi đua, khen thưởng năm 2025 (từ ngày 01/7/2025 đến ngày 31/12/2025) và phương "
        "hướng, nhiệm vụ năm 2026"
    )
    r.intro(
        "Thực hiện chỉ đạo của UBND Thành phố về tổng kết công tác thi đua, khen thưởng năm 2025, UBND phường "
        "Long Biên báo cáo kết quả công tác thi đua, khen thưởng từ khi phường đi vào hoạt động (01/7/2025) "
        "đến hết năm 2025 như sau:"
    )
    r.h1("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        "Phường Long Biên được thành lập trên cơ sở sắp xếp một số phường thuộc quận Long Biên (cũ), có vị trí "
        "cửa ngõ phía Đông Thủ đô, nhiều dự án hạ tầng giao thông, khu đô thị lớn đang triển khai."
    )
    r.pool(CONTEXT[2025], 3)
    r.h1("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    r.p(
        f"Tổng thu ngân sách nhà nước trên địa bàn phường đạt {r.money('budget_revenue_actual', act)} tỷ đồng, "
        f"vượt {r.over('budget_revenue_attainment_pct', ratio(act, plan, 1))}% dự toán Thành phố giao "
        f"({r.money('budget_revenue_plan', plan)} tỷ đồng); trong đó thu thuế ngoài quốc doanh đạt 812,4 tỷ "
        "đồng. Chi ngân sách phường đạt 76,3% dự toán."
    )
    r.trap("component 'trong đó thu thuế ngoài quốc doanh đạt 812,4 tỷ đồng'")
    r.trap("expenditure 'Chi ngân sách phường đạt 76,3% dự toán'")
    r.p(
        f"Phường đạt và vượt {r.count('targets_met', 10)}/{r.count('targets_total', 11)} chỉ tiêu chủ yếu; giải "
        f"ngân vốn đầu tư công đạt {r.pct('public_investment_disbursement_pct', D('76.9'))}% kế hoạch vốn được "
        f"giao. Phường đã giải quyết việc làm cho {r.count('jobs_created', 1480)} lao động; tỷ lệ hồ sơ thủ tục "
        f"hành chính giải quyết đúng hạn đạt {r.pct('admin_ontime_pct', D('99.2'))}%."
    )
    r.h1("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.p(
        f"UBND phường phát động {r.count('movements_launched', 4, 'pad')} phong trào thi đua, tập trung vào việc "
        "vận hành thông suốt chính quyền hai cấp, chỉnh trang đô thị, chuyển đổi số và chăm lo an sinh xã hội."
    )
    movement_sections(r, ["chuyendoiso", "dothi"])
    r.p(
        f"Phường công nhận {r.count('models_recognised', 17)} mô hình, cách làm hay và tuyên dương "
        f'{r.count("exemplars_honoured", 64)} gương "Người tốt, việc tốt" tiêu biểu.'
    )
    r.h1("IV. CÔNG TÁC KHEN THƯỞNG")
    r.p(
        f"Chủ tịch UBND phường khen thưởng {r.count('commended_collectives', 78)} lượt tập thể, "
        f"{r.count('commended_individuals', 213)} lượt cá nhân có thành tích xuất sắc trong 6 tháng cuối năm 2025."
    )
    r.pool(PROPAGANDA, 2)
    r.pool(COUNCIL, 2)
    r.pool(INSPECTION, 1)
    r.h1("V. ĐÁNH GIÁ CHUNG")
    r.pool(GOOD, 2, bullets="-")
    r.pool(BAD, 2, bullets="-")
    r.pool(CAUSE, 1, bullets="-")
    r.h1("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026")
    r.p(
        "Năm 2026, phường phấn đấu thu ngân sách đạt 2.650 tỷ đồng, hoàn thành 100% chỉ tiêu được giao, giải "
        "quyết việc làm cho 3.000 lao động."
    )
    r.trap("next-year 'phấn đấu thu ngân sách đạt 2.650 tỷ đồng', '3.000 lao động'")
    r.pool(TASKS, 5, bullets="-")
    r.pool(PROPOSALS, 2, bullets="-")
    closing(r, "báo cáo tổng kết công tác thi đua, khen thưởng năm 2025")
    r.signature(recipients_ward())
    return r


# ===================================================================================================
# Driver
# ===================================================================================================

REPORTS: list[Callable[[], Report]] = [
    hoan_kiem_2021,
    hoan_kiem_2022,
    ba_dinh_2021,
    ba_dinh_2022,
    dong_da_2021,
    dong_da_2022,
    hai_ba_trung_2021,
    hai_ba_trung_2022,
    hoang_mai_2021,
    hoang_mai_2022,
    long_bien_2021,
    long_bien_2022,
    phuong_hoan_kiem_2025,
    phuong_long_bien_2025,
]

_FIXED_DATE = b"D:20250101000000"


def _stabilise_pdf(path: Path) -> None:
    """Overwrite LibreOffice's dates, document ID and checksum with fixed bytes of the same length (the
    cross-reference offsets stay valid). SOURCE_DATE_EPOCH already fixes the dates in recent versions."""
    data = path.read_bytes()
    data = re.sub(rb"D:\d{14}", lambda m: _FIXED_DATE, data)
    data = re.sub(
        rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
        lambda m: (
            m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2)))
        ),
        data,
    )
    data = re.sub(
        rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data
    )
    path.write_bytes(data)


def convert_to_pdf(docx_files: Sequence[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) not found; rerun with --no-pdf or install LibreOffice")
    cmd = [
        soffice,
        f"-env:UserInstallation={LO_PROFILE}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docx_files),
    ]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1735689600")
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=600
    )
    for f in docx_files:
        pdf = outdir / (f.stem + ".pdf")
        if not pdf.exists():
            raise SystemExit(f"LibreOffice did not produce {pdf}")
        _stabilise_pdf(pdf)


def check_pdfs(reports: Sequence[Report], outdir: Path) -> list[str]:
    """Every recorded figure text must be found in the PDF's extracted text (catches rendering problems)."""
    try:
        import pdfplumber
    except ImportError:
        return ["pdfplumber not installed: PDF text not checked"]
    problems = []
    for r in reports:
        with pdfplumber.open(outdir / f"{r.stem}.pdf") as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            pages = len(pdf.pages)
        flat = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
        missing = sorted({m for m in r.mentions if m[1] not in flat and m[1] not in text})
        if missing:
            problems.append(f"{r.stem}.pdf: figures not found in text: {missing}")
        if not ("Độc lập - Tự do - Hạnh phúc" in flat and r.name in flat):
            problems.append(f"{r.stem}.pdf: header text not found (font or encoding problem?)")
        print(f"  {r.stem}.pdf: {pages} pages")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--outdir", type=Path, default=HERE, help="where to write (default: samples/)")
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")
    ap.add_argument("--only", help="only reports whose file name starts with this")
    args = ap.parse_args(argv)
    outdir: Path = args.outdir
    outdir.mkdir(parents=True, exist_ok=True)

    reports, files = [], []
    for make in REPORTS:
        r = make()
        if args.only and not r.stem.startswith(args.only):
            continue
        files.append(r.save(outdir))
        reports.append(r)
        print(f"wrote {r.stem}.docx, {r.stem}.expected.json ({len(r.figures)} figures, {len(r.traps)} traps)")
    if args.no_pdf:
        return 0
    with tempfile.TemporaryDirectory() as tmp:  # convert in a scratch folder, then move
        convert_to_pdf(files, Path(tmp))
        for f in files:
            shutil.move(str(Path(tmp) / (f.stem + ".pdf")), str(outdir / (f.stem + ".pdf")))
    print("converted to PDF; checking text:")
    problems = check_pdfs(reports, outdir)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
