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
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
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
        #: per figure, the renderings of its number in the text (one must appear; used by verify()).
        self.shown: dict[str, set[str]] = {}

    @staticmethod
    def _renderings(x) -> set[str]:
        x = D(str(x))
        out = {n(abs(x), max(0, -x.as_tuple().exponent))}
        if x == x.to_integral_value():
            k = int(abs(x))
            out |= {z(k)} | ({words(k)} if k in VN_WORDS else set())
        return out

    def _put(self, code, value, flags, extra):
        assert code not in self.figures, code
        fig = {"value": value, "flags": list(flags)}
        fig.update(extra)
        self.figures[code] = fig

    def money(self, code, amount, scale, flags=(), **extra):
        v = D(str(amount)) * scale
        assert v == v.to_integral_value(), (code, amount)
        self._put(code, int(v), flags, extra)
        self.shown[code] = self._renderings(amount)

    def pct(self, code, p, flags=(), **extra):
        self._put(code, float(D(str(p))), flags, extra)
        self.shown[code] = self._renderings(p)

    def growth(self, code, g, flags=(), **extra):
        """'tăng g%' -> 100+g, 'giảm g%' given as negative g -> 100+g."""
        self._put(code, float(D(100) + D(str(g))), flags, extra)
        self.shown[code] = self._renderings(g)

    def count(self, code, k, flags=(), **extra):
        assert isinstance(k, int) and k >= 0
        self._put(code, k, flags, extra)
        if not extra.get("derived"):
            self.shown[code] = self._renderings(k)

    def trap(self, text: str):
        self.traps.append(text)

    def dump(self) -> str:
        return (
            json.dumps(
                {"unit": self.unit, "year": self.year, "figures": self.figures, "traps": self.traps},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )


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

    def para(
        self,
        text="",
        *,
        bold=False,
        italic=False,
        align="justify",
        indent=True,
        size=None,
        before=None,
        after=None,
        keep_next=False,
    ):
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
        return self.para(
            text, bold=True, italic=italic, indent=indent, align=align, before=before, keep_next=True
        )

    def center(self, text, *, bold=True, italic=False, size=None, after=0, before=0):
        return self.para(
            text,
            bold=bold,
            italic=italic,
            align="center",
            indent=False,
            size=size,
            after=after,
            before=before,
        )

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
        for col, w in zip(t.columns, widths, strict=False):
            col.width = Cm(w)
        left, right = t.cell(0, 0), t.cell(0, 1)
        left.width, right.width = Cm(widths[0]), Cm(widths[1])
        lines = [(issuer[0], False, False, 12)] + [(s, True, False, 12) for s in issuer[1:]]
        lines += [("¯¯¯¯¯¯¯¯", False, False, 12), (number, False, False, 12)]
        self._cell_lines(left, lines)
        self._cell_lines(
            right,
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
                ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
                ("¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯", False, False, 12),
                (place_date, False, True, 13),
            ],
        )
        self.para("", indent=False, after=2)

    def title(self, lines: list[str], sub: list[str] = ()):
        for i, s in enumerate(lines):
            self.center(s, size=14, before=6 if i == 0 else 0)
        for s in sub:
            self.center(s, bold=False, italic=True)
        self.center("¯¯¯¯¯¯¯¯¯¯¯¯", bold=False, after=6)

    def signature(
        self, recipients: list[str], right: list[str], name: str, left_title="Nơi nhận:", left_is_block=False
    ):
        t = self.d.add_table(rows=1, cols=2)
        t.autofit = False
        for col, w in zip(t.columns, (8.0, 8.5), strict=False):
            col.width = Cm(w)
        left, rt = t.cell(0, 0), t.cell(0, 1)
        if left_is_block:
            self._cell_lines(
                left, [(left_title, True, False, 13)] + [(r, False, True, 12) for r in recipients]
            )
        else:
            self._cell_lines(
                left,
                [(left_title, True, True, 12)] + [(r, False, False, 11) for r in recipients],
                align="left",
            )
        rl = [(s, True, False, 13) for s in right]
        rl += [("", False, False, 13)] * 3 + [(name, True, False, 13)]
        self._cell_lines(rt, rl)

    def grid(
        self,
        rows,
        widths,
        *,
        header_rows=1,
        merges=(),
        size=11,
        bold_rows=(),
        italic_rows=(),
        align=None,
        repeat_header=True,
    ):
        t = self.d.add_table(rows=len(rows), cols=len(widths))
        t.style = self.d.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for col, w in zip(t.columns, widths, strict=False):
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
                    code = (align or "l" * len(widths))[j]
                    p.alignment = ALIGN[{"l": "left", "c": "center", "r": "right"}[code]]
                self._runs(
                    p, str(val), bold=i < header_rows or i in bold_rows, italic=i in italic_rows, size=size
                )
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


# =========================================================================== 01 Hoàng Mai 2023
# Báo cáo thành tích (Mẫu số 02, ND 98/2023) with a table of PAST awards.


def r01():
    unit, year = "hoang-mai", 2023
    rev, rev_prev, att, yoy_g = D("6185.6"), D("5638.7"), D("118.3"), D("9.7")
    check_ratio(rev, rev_prev, 100 + yoy_g)
    spend, spend_pct = D("3412.5"), D("96.4")
    disb_ty, disb = D("1204.5"), D("92.6")
    jobs, jobs_pct = 4120, 103
    hs_in, hs_ok, admin = 98416, 98377, D("99.96")
    check_ratio(hs_ok, hs_in, admin, 2)
    t_met, t_all = 19, 20
    mv_cd, mv_tx, mv_city = 6, 1, 9
    models, exemplars, exemplars_city = 86, 210, 6
    gk_tt, gk_cn = 356, 902
    up_tt, up_cn = 18, 27
    schools_ok, schools = 33, 51

    r = Report()
    r.para(
        "__Mẫu số 02 - Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP__",
        align="right",
        indent=False,
        size=11,
    )
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN HOÀNG MAI"], "Số: 512/BC-UBND", "Hoàng Mai, ngày 08 tháng 01 năm 2024")
    r.title(
        [
            "BÁO CÁO THÀNH TÍCH",
            "ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ",
            f"Đơn vị dẫn đầu Cụm thi đua số 8 năm {year}",
        ]
    )
    r.center("Tên tập thể đề nghị: Ủy ban nhân dân quận Hoàng Mai, thành phố Hà Nội", bold=False, after=6)

    r.head("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    r.head("1. Đặc điểm, tình hình", indent=True)
    r.para("- Trụ sở: phố Bùi Huy Bích, phường Hoàng Liệt, quận Hoàng Mai, thành phố Hà Nội.")
    r.para(
        "- Quận Hoàng Mai được thành lập theo Nghị định số 132/2003/NĐ-CP ngày 06/11/2003 của Chính "
        "phủ, có diện tích tự nhiên 40,32 km², gồm 14 phường, dân số hơn 54 vạn người; là quận có quy mô "
        "dân số lớn nhất Thủ đô, tốc độ đô thị hóa nhanh, nhiều khu đô thị mới và khu tái định cư."
    )
    r.para(
        "- Đảng bộ quận có 196 tổ chức cơ sở đảng với trên 24.000 đảng viên; UBND quận có 12 phòng "
        "chuyên môn, 10 đơn vị sự nghiệp trực thuộc và 83 trường công lập."
    )
    r.head("2. Thuận lợi, khó khăn", indent=True)
    r.para(
        "Năm 2023, quận được sự quan tâm, lãnh đạo của Thành ủy, HĐND, UBND Thành phố; kinh tế trên địa "
        "bàn phục hồi rõ nét sau đại dịch. Bên cạnh đó, khối lượng công việc lớn, nhiều dự án giải phóng "
        "mặt bằng phức tạp, biên chế cán bộ, công chức ở một số phường còn thiếu so với yêu cầu."
    )

    r.head("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    r.head("1. Kết quả thực hiện nhiệm vụ chính trị được giao", indent=True)
    r.para("__a) Về phát triển kinh tế, tài chính - ngân sách__", indent=True)
    r.para(
        f"Tổng thu ngân sách nhà nước trên địa bàn thực hiện {n(rev, 1)} tỷ đồng, đạt {n(att, 1)}% dự "
        f"toán Thành phố giao, tăng {n(yoy_g, 1)}% so với thực hiện năm 2022 ({n(rev_prev, 1)} tỷ đồng). "
        f"Chi ngân sách địa phương thực hiện {n(spend, 1)} tỷ đồng, đạt {n(spend_pct, 1)}% dự toán, bảo "
        "đảm các nhiệm vụ chi thường xuyên và chi an sinh xã hội."
    )
    r.para(
        f"Giải ngân vốn đầu tư công đạt {n(disb_ty, 1)} tỷ đồng, bằng {n(disb, 1)}% kế hoạch vốn Thành "
        "phố giao; hoàn thành đưa vào sử dụng 14 công trình trường học, hạ tầng giao thông và y tế."
    )
    r.para("__b) Về văn hóa - xã hội__", indent=True)
    r.para(
        f"Giải quyết việc làm cho {n(jobs)} lao động, đạt {jobs_pct}% kế hoạch; giảm 57 hộ nghèo, 84 hộ "
        f"cận nghèo. Toàn quận có {schools_ok}/{schools} trường công lập đạt chuẩn quốc gia; 92,6% gia "
        "đình được công nhận danh hiệu Gia đình văn hóa."
    )
    r.para("__c) Về cải cách hành chính__", indent=True)
    r.para(
        f"Bộ phận Một cửa quận và 14 phường tiếp nhận {n(hs_in)} hồ sơ thủ tục hành chính, giải quyết "
        f"đúng và trước hạn {n(hs_ok)} hồ sơ, đạt tỷ lệ {n(admin, 2)}%."
    )
    r.para("__d) Kết quả chung__", indent=True)
    r.para(
        f"Năm {year}, quận có {t_met}/{t_all} chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch HĐND quận "
        "giao; chỉ tiêu về tỷ lệ trường công lập đạt chuẩn quốc gia chưa hoàn thành do vướng mắc quỹ đất."
    )
    r.head("2. Những biện pháp, giải pháp đã áp dụng", indent=True)
    r.para(
        "Tập trung chỉ đạo quyết liệt công tác thu ngân sách, chống thất thu; đẩy mạnh chuyển đổi số "
        "trong giải quyết thủ tục hành chính; phân công lãnh đạo UBND quận trực tiếp phụ trách các dự án "
        "trọng điểm; gắn kết quả thực hiện nhiệm vụ với đánh giá, xếp loại cán bộ."
    )
    r.head("3. Công tác thi đua, khen thưởng", indent=True)
    r.para(
        f"UBND quận đã phát động {z(mv_cd)} phong trào thi đua theo chuyên đề và {z(mv_tx)} phong trào thi "
        f"đua thường xuyên; đồng thời triển khai, hưởng ứng {z(mv_city)} phong trào do Trung ương, Thành "
        "phố phát động. Qua các phong trào, quận đã công nhận "
        f"{models} mô hình, cách làm hay, sáng kiến; tuyên dương {exemplars} gương “Người tốt, "
        f"việc tốt”, trong đó có {z(exemplars_city)} cá nhân được UBND Thành phố biểu dương."
    )
    r.para(
        f"Năm {year}, Chủ tịch UBND quận đã khen thưởng {gk_tt} lượt tập thể, {gk_cn} lượt cá nhân có thành "
        f"tích xuất sắc; đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {up_tt} tập thể, {up_cn} cá "
        "nhân."
    )

    r.head("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN")
    r.head("1. Danh hiệu thi đua", indent=True)
    r.grid(
        [
            [
                "Năm",
                "Danh hiệu thi đua",
                "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; "
                "cơ quan ban hành quyết định",
            ],
            [
                "2018",
                "Cờ thi đua của UBND Thành phố Hà Nội",
                "Quyết định số 618/QĐ-UBND ngày 01/02/2019 của UBND Thành phố",
            ],
            [
                "2020",
                "Cờ thi đua của Chính phủ",
                "Quyết định số 312/QĐ-TTg ngày 05/3/2021 của Thủ tướng Chính phủ",
            ],
            [
                "2022",
                "Cờ thi đua của UBND Thành phố Hà Nội\n(đơn vị dẫn đầu Cụm thi đua số 8)",
                "Quyết định số 1104/QĐ-UBND ngày 24/3/2023 của UBND Thành phố",
            ],
        ],
        [2.0, 6.5, 8.0],
        align="clc",
        size=12,
    )
    r.head("2. Hình thức khen thưởng", indent=True)
    r.grid(
        [
            [
                "Năm",
                "Hình thức khen thưởng",
                "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
            ],
            [
                "2018",
                "Huân chương Lao động hạng Nhì",
                "Quyết định số 1024/QĐ-CTN ngày 15/6/2018 của Chủ tịch nước",
            ],
            [
                "2019",
                "Bằng khen của Chủ tịch UBND Thành phố (hoàn thành xuất sắc nhiệm vụ thu ngân sách)",
                "Quyết định số 1785/QĐ-UBND ngày 20/4/2020 của Chủ tịch UBND Thành phố",
            ],
            [
                "2021",
                "Bằng khen của Thủ tướng Chính phủ (thành tích trong phòng, chống dịch COVID-19)",
                "Quyết định số 1460/QĐ-TTg ngày 30/8/2021 của Thủ tướng Chính phủ",
            ],
            [
                "2022",
                "Bằng khen của Chủ tịch UBND Thành phố (thành tích xuất sắc trong công tác giải phóng mặt bằng)",
                "Quyết định số 2217/QĐ-UBND ngày 12/6/2023 của Chủ tịch UBND Thành phố",
            ],
        ],
        [2.0, 6.5, 8.0],
        align="clc",
        size=12,
    )
    r.signature(
        ["(Ký, đóng dấu)"],
        ["THỦ TRƯỞNG ĐƠN VỊ", "CHỦ TỊCH UBND QUẬN"],
        "Trần Văn Khải",
        left_title="XÁC NHẬN CỦA CẤP TRÌNH KHEN",
        left_is_block=True,
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.growth("budget_revenue_yoy_pct", yoy_g)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv_cd + mv_tx, derived=True)
    e.count("models_recognised", models)
    e.count("exemplars_honoured", exemplars)
    e.count("commended_collectives", gk_tt)
    e.count("commended_individuals", gk_cn)
    e.trap(
        "Section III tables list PAST titles and awards (2018-2022 flags, Bằng khen, Huân chương) with "
        "decision numbers/dates: not this year's commendations, no counts"
    )
    e.trap(f"previous-year revenue in parentheses '{n(rev_prev, 1)} tỷ đồng' (2022)")
    e.trap(f"expenditure 'Chi ngân sách địa phương thực hiện {n(spend, 1)} tỷ đồng, đạt {n(spend_pct, 1)}%'")
    e.trap(
        f"movements stated as two parts ({z(mv_cd)} chuyên đề + {z(mv_tx)} thường xuyên) -> "
        f"{mv_cd + mv_tx}; '{z(mv_city)} phong trào do Trung ương, Thành phố phát động' are not the unit's"
    )
    e.trap(f"'{z(exemplars_city)} cá nhân được UBND Thành phố biểu dương' is city-level")
    e.trap(f"proposal upwards 'đề nghị ... tặng Bằng khen cho {up_tt} tập thể, {up_cn} cá nhân'")
    e.trap(
        f"schools ratio '{schools_ok}/{schools} trường', jobs '{jobs_pct}% kế hoạch', '14 phường', "
        "'Nghị định số 132/2003', 'Mẫu số 02'"
    )
    return "01-hoang-mai-2023-bao-cao-thanh-tich", r, e, dt.datetime(2024, 1, 8, 8, 0), True


# =========================================================================== 02 Đống Đa 2022
# KT-XH report; targets table with "Đánh giá", range/bound targets, revenue row in triệu đồng.


def r02():
    unit, year = "dong-da", 2022
    rev_plan_tr, att = 11_520_000, D("105.6")  # triệu đồng (ĐVT column)
    rev_tr = int(D(rev_plan_tr) * att / 100)
    check_ratio(rev_tr, rev_plan_tr, att)
    yoy_g = D("4.2")
    nqd_ty, nqd_pct, land_ty = 6918, D("108.3"), 412
    spend, spend_pct = D("2486.3"), D("91.3")
    disb_plan_ty, disb, disb_target = 1624, D("88.4"), 95
    disb_ty = (D(disb_plan_ty) * disb / 100).quantize(D("0.1"))
    jobs_plan, jobs = 4400, 4652
    jobs_pct = ratio(jobs, jobs_plan)
    hs_in, admin, admin_plan = 142306, D("99.82"), 98
    schools_new_plan, schools_new, schools_ok, schools = "Khoảng 4", 3, 43, 63
    next_rev, next_jobs = 12870, 4500

    # (chỉ tiêu, ĐVT, kế hoạch, ước thực hiện, đánh giá)
    rows = [
        ("Tốc độ tăng giá trị sản xuất ngành thương mại - dịch vụ", "%", "6,6-6,8", "7,1", "Vượt"),
        ("Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", n(rev_plan_tr), n(rev_tr), "Vượt"),
        (
            "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch vốn Thành phố giao",
            "%",
            n(disb_target),
            n(disb, 1),
            "Không đạt",
        ),
        (
            "Số trường công lập được công nhận mới đạt chuẩn quốc gia",
            "Trường",
            schools_new_plan,
            z(schools_new),
            "Không đạt",
        ),
        ("Số lao động được giải quyết việc làm", "Người", n(jobs_plan), n(jobs), "Vượt"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "Dưới 3", "2,6", "Đạt"),
        ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", f"≥ {admin_plan}", n(admin, 2), "Vượt"),
        ("Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa", "%", "88", "88,6", "Vượt"),
        ("Tỷ lệ tổ dân phố đạt danh hiệu Tổ dân phố văn hóa", "%", "75", "75", "Đạt"),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,5", "94,7", "Vượt"),
        ("Tỷ lệ thu gom, vận chuyển chất thải rắn sinh hoạt trong ngày", "%", "100", "100", "Đạt"),
        ("Tỷ lệ chất thải y tế được thu gom, xử lý", "%", "100", "100", "Đạt"),
        ("Tỷ lệ hộ dân được sử dụng nước sạch", "%", "100", "100", "Đạt"),
        ("Tỷ lệ dân số được lập hồ sơ sức khỏe điện tử", "%", "95", "96,2", "Vượt"),
        ("Hoàn thành chỉ tiêu tuyển chọn, gọi công dân nhập ngũ", "% chỉ tiêu", "100", "100", "Đạt"),
        ("Tỷ lệ điều tra, khám phá án hình sự", "%", "Trên 80", "86,4", "Vượt"),
        ("Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều của Thành phố)", "%", "Dưới 0,05", "0,03", "Đạt"),
    ]
    t_all = len(rows)
    t_met = sum(1 for row in rows if row[4] in ("Vượt", "Đạt"))
    assert (t_met, t_all) == (15, 17)

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN ĐỐNG ĐA"], "Số: 398/BC-UBND", "Đống Đa, ngày 05 tháng 12 năm 2022")
    r.title(
        ["BÁO CÁO"],
        [
            f"Tình hình kinh tế - xã hội, quốc phòng - an ninh năm {year};\n"
            f"phương hướng, nhiệm vụ năm {year + 1}",
            "(Trình kỳ họp thứ 10 Hội đồng nhân dân quận khóa XX, nhiệm kỳ 2021 - 2026)",
        ],
    )
    r.para(
        "Thực hiện Nghị quyết số 12/NQ-HĐND ngày 16/12/2021 của HĐND quận về kế hoạch phát triển kinh "
        f"tế - xã hội năm {year}, UBND quận Đống Đa báo cáo như sau:"
    )
    r.center("Phần thứ nhất", before=6)
    r.center(f"TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM {year}", after=4)
    r.head("I. ĐÁNH GIÁ CHUNG")
    r.para(
        f"Năm {year}, trong bối cảnh kinh tế phục hồi sau đại dịch COVID-19 nhưng còn nhiều khó khăn do giá "
        "cả, lãi suất tăng cao, UBND quận đã tập trung chỉ đạo, điều hành quyết liệt, linh hoạt. Có "
        f"{t_met}/{t_all} chỉ tiêu đạt và vượt kế hoạch, {z(t_all - t_met)}/{t_all} chỉ tiêu không đạt "
        "(chi tiết tại Biểu số 01 kèm theo)."
    )
    r.para("__Biểu số 01: Kết quả thực hiện các chỉ tiêu chủ yếu năm 2022__", align="center", indent=False)
    table = [["TT", "Chỉ tiêu", "ĐVT", f"Kế hoạch năm {year}", f"Ước thực hiện năm {year}", "Đánh giá"]]
    table += [[str(i), *row] for i, row in enumerate(rows, 1)]
    r.grid(table, [1.0, 6.6, 2.0, 2.4, 2.4, 2.0], align="cllrrc", size=11)
    r.head("II. KẾT QUẢ TRÊN CÁC LĨNH VỰC")
    r.head("1. Tài chính - ngân sách", indent=True)
    r.para(
        f"Thu ngân sách nhà nước trên địa bàn ước đạt {n(att, 1)}% dự toán Thành phố giao, tăng "
        f"{n(yoy_g, 1)}% so với cùng kỳ năm 2021. Trong đó: thu từ khu vực ngoài quốc doanh ước "
        f"{n(nqd_ty)} tỷ đồng, bằng {n(nqd_pct, 1)}% dự toán; thu tiền sử dụng đất {n(land_ty)} tỷ đồng. "
        f"Chi ngân sách quận ước thực hiện {n(spend, 1)} tỷ đồng, đạt {n(spend_pct, 1)}% dự toán, đáp ứng "
        "kịp thời các nhiệm vụ chính trị và an sinh xã hội."
    )
    r.head("2. Đầu tư công, xây dựng cơ bản", indent=True)
    r.para(
        f"Tổng kế hoạch vốn đầu tư công năm {year} Thành phố giao là {n(disb_plan_ty)} tỷ đồng; ước cả năm "
        f"giải ngân {n(disb_ty, 1)} tỷ đồng, đạt {n(disb, 1)}% kế hoạch (chỉ tiêu giao {disb_target}%). "
        "Nguyên nhân chưa đạt chủ yếu do vướng mắc giải phóng mặt bằng tại dự án tuyến đường Hoàng Cầu - "
        "Voi Phục và thủ tục điều chỉnh chủ trương đầu tư một số dự án trường học."
    )
    r.head("3. Cải cách hành chính", indent=True)
    r.para(
        f"Bộ phận Một cửa quận và 21 phường tiếp nhận {n(hs_in)} hồ sơ; tỷ lệ hồ sơ giải quyết đúng hạn ước "
        f"đạt {n(admin, 2)}%. Duy trì giải quyết thủ tục hành chính “không chờ” tại 21/21 phường."
    )
    r.head("4. Lao động - việc làm, an sinh xã hội", indent=True)
    r.para(
        f"Giải quyết việc làm cho {n(jobs)} lao động, đạt {n(jobs_pct, 1)}% kế hoạch; tổ chức 12 phiên giao "
        "dịch việc làm; chi trả kịp thời chế độ cho người có công và đối tượng bảo trợ xã hội."
    )
    r.head("5. Giáo dục - đào tạo", indent=True)
    r.para(
        f"Được công nhận mới {z(schools_new)} trường đạt chuẩn quốc gia, nâng tổng số lên "
        f"{schools_ok}/{schools} trường công lập; chỉ tiêu này không đạt so với kế hoạch."
    )
    r.head("6. Quốc phòng - an ninh", indent=True)
    r.para(
        "Hoàn thành 100% chỉ tiêu giao quân; tỷ lệ điều tra, khám phá án hình sự đạt 86,4%; không để xảy "
        "ra điểm nóng về an ninh trật tự."
    )
    r.head("III. TỒN TẠI, HẠN CHẾ")
    r.para(
        f"{z(t_all - t_met)} chỉ tiêu không đạt là tỷ lệ giải ngân vốn đầu tư công và số trường được công "
        "nhận mới đạt chuẩn quốc gia; công tác quản lý trật tự xây dựng, trật tự đô thị ở một số phường "
        "chưa chuyển biến rõ nét."
    )
    r.center("Phần thứ hai", before=6)
    r.center(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", after=4)
    r.para(
        f"Các chỉ tiêu chủ yếu năm {year + 1}: thu ngân sách trên địa bàn {n(next_rev)} tỷ đồng (dự toán "
        f"Thành phố giao); giải quyết việc làm cho {n(next_jobs)} lao động; tỷ lệ giải ngân vốn đầu tư công "
        f"đạt trên {disb_target}%; phấn đấu {t_all}/{t_all} chỉ tiêu đạt và vượt kế hoạch."
    )
    r.para(
        "Trên đây là báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh năm 2022 và phương hướng, "
        "nhiệm vụ năm 2023 của UBND quận Đống Đa./."
    )
    r.signature(
        ["- TT Quận ủy;", "- TT HĐND quận;", "- Đại biểu HĐND quận;", "- Lưu: VT, TCKH."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Lê Minh Tuấn",
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev_tr, TRIEU)
    e.money("budget_revenue_plan", rev_plan_tr, TRIEU)
    e.pct("budget_revenue_attainment_pct", att)
    e.growth("budget_revenue_yoy_pct", yoy_g)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.trap(
        f"revenue actual and plan only in Biểu số 01, ĐVT 'Triệu đồng' ({n(rev_tr)} / {n(rev_plan_tr)}); "
        "the prose gives only the percentages"
    )
    e.trap(
        "target cells 'Khoảng 4', 'Dưới 3', '6,6-6,8', 'Trên 80', 'Dưới 0,05', '≥ 98' are bounds/ranges, "
        "not values; 'Đánh giá' column decides met/not met"
    )
    e.trap(
        f"components 'thu từ khu vực ngoài quốc doanh ước {n(nqd_ty)} tỷ đồng, bằng {n(nqd_pct, 1)}%' and "
        f"'thu tiền sử dụng đất {n(land_ty)} tỷ đồng'"
    )
    e.trap(f"expenditure 'Chi ngân sách quận ... {n(spend, 1)} tỷ đồng, đạt {n(spend_pct, 1)}%'")
    e.trap(f"disbursement target '{disb_target}%' in the KH column; capital plan '{n(disb_plan_ty)} tỷ đồng'")
    e.trap(
        f"'{z(t_all - t_met)}/{t_all} chỉ tiêu không đạt', schools '{schools_ok}/{schools}', '21/21 phường', "
        "'nhiệm kỳ 2021 - 2026'"
    )
    e.trap(
        f"next-year targets: '{n(next_rev)} tỷ đồng', '{n(next_jobs)} lao động', '{t_all}/{t_all} chỉ tiêu'"
    )
    return "02-dong-da-2022-kt-xh-bieu-chi-tieu", r, e, dt.datetime(2022, 12, 5, 8, 0), True


# =========================================================================== 03 Hoàn Kiếm 2023
# Topic only in numbered sub-headings; many sentences with numbers about wards, schools, TDP.


def r03():
    unit, year = "hoan-kiem", 2023
    rev, att, yoy = 13480, D("103.2"), D("107.8")
    pt_pct, hb_pct, cd_ty = D("131.4"), D("142.0"), D("96.5")
    disb_ty, disb, disb_q = D("1318.6"), D("96.1"), D("88.7")
    t_met, t_all = 21, 22
    tdp = 165
    schools_ok, schools = 14, 16
    hs_in, admin, ht_pct = 112540, D("99.91"), D("99.62")
    jobs, jobs_pct, jobs_pt, jobs_cd = 2860, 110, 214, 186
    mv, mv_tx, mv_cd, mv_wards = 12, 1, 11, 126
    assert mv == mv_tx + mv_cd
    models, models_tdp9, models_hb = 64, 3, 7
    exemplars, exemplars_city, exemplars_pt = 418, 25, 31
    kt_tt, kt_cn, tv_cn, pt_tt = 615, 1482, 36, 22
    up_tt, up_cn = 24, 41
    next_rev = 14100

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN HOÀN KIẾM"], "Số: 27/BC-UBND", "Hoàn Kiếm, ngày 10 tháng 01 năm 2024")
    r.title(
        ["BÁO CÁO"],
        [f"Tổng kết công tác thi đua, khen thưởng năm {year}\nvà phương hướng, nhiệm vụ năm {year + 1}"],
    )
    r.center("Phần I", before=4)
    r.center(f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}", after=4)
    r.head("A. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CHÍNH TRỊ")
    r.head("1. Về thu ngân sách", indent=True)
    r.para(
        f"Ước cả năm đạt {n(rev)} tỷ đồng, bằng {n(att, 1)}% dự toán Thành phố giao, bằng {n(yoy, 1)}% so "
        "với năm 2022. 18/18 phường hoàn thành vượt dự toán được giao, trong đó phường Phúc Tân đạt "
        f"{n(pt_pct, 1)}%, phường Hàng Bạc đạt {n(hb_pct, 1)}%; phường Chương Dương thu {n(cd_ty, 1)} tỷ "
        "đồng, cao nhất từ trước tới nay."
    )
    r.head("2. Về giải ngân vốn đầu tư công", indent=True)
    r.para(
        f"Đến hết năm, ước giải ngân {n(disb_ty, 1)} tỷ đồng, bằng {n(disb, 1)}% kế hoạch Thành phố giao và "
        f"bằng {n(disb_q, 1)}% kế hoạch quận giao. Riêng dự án cải tạo, nâng cấp Trường Tiểu học Trần Quốc "
        "Toản giải ngân 100% vốn được bố trí; dự án chỉnh trang phố Hàng Mành đạt 72%."
    )
    r.head("3. Về thực hiện các chỉ tiêu kinh tế - xã hội", indent=True)
    r.para(
        f"Kết quả: {t_met}/{t_all} chỉ tiêu đạt và vượt kế hoạch; {z(t_all - t_met)} chỉ tiêu chưa đạt là "
        f"tỷ lệ giải ngân vốn đầu tư công. {tdp}/{tdp} tổ dân phố đạt danh hiệu Tổ dân phố văn hóa; "
        f"{schools_ok}/{schools} trường công lập đạt chuẩn quốc gia."
    )
    r.head("4. Về cải cách hành chính", indent=True)
    r.para(
        f"Tiếp nhận {n(hs_in)} hồ sơ, tỷ lệ giải quyết đúng và trước hạn đạt {n(admin, 2)}%. Phường Phúc "
        f"Tân, phường Chương Dương, phường Cửa Đông đạt tỷ lệ 100%; phường Hàng Trống đạt {n(ht_pct, 2)}%. "
        "Chỉ số cải cách hành chính năm 2022 của quận xếp thứ 3/30 quận, huyện, thị xã."
    )
    r.head("5. Về lao động, việc làm", indent=True)
    r.para(
        f"Giải quyết việc làm cho {n(jobs)} lao động, đạt {jobs_pct}% kế hoạch; riêng phường Phúc Tân "
        f"{jobs_pt} lao động, phường Chương Dương {jobs_cd} lao động."
    )
    r.head("B. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.head("1. Về phát động phong trào", indent=True)
    r.para(
        f"UBND quận phát động {mv} phong trào thi đua, gồm {z(mv_tx)} phong trào thường xuyên và {mv_cd} "
        f"phong trào theo chuyên đề. 18 phường phát động tổng số {mv_wards} phong trào; Trường THCS Trưng "
        "Vương, Trường THCS Ngô Sĩ Liên tổ chức 9 đợt thi đua chào mừng các ngày lễ lớn."
    )
    r.head("2. Về mô hình, cách làm hay", indent=True)
    r.para(
        f"Năm {year}, quận công nhận {models} mô hình, cách làm hay, sáng kiến. Tổ dân phố số 9 phường Phúc "
        f"Tân có {z(models_tdp9)} mô hình; phường Hàng Bạc {z(models_hb)} mô hình."
    )
    r.head("3. Về điển hình tiên tiến", indent=True)
    r.para(
        f"Biểu dương {exemplars} gương “Người tốt, việc tốt”; {exemplars_city} cá nhân được UBND Thành phố "
        f"biểu dương; phường Phúc Tân có {exemplars_pt} gương tiêu biểu."
    )
    r.head("4. Về công tác khen thưởng", indent=True)
    r.para(
        f"Chủ tịch UBND quận khen thưởng {kt_tt} lượt tập thể, {n(kt_cn)} lượt cá nhân. Trường THCS Trưng "
        f"Vương có {tv_cn} cá nhân được khen; phường Phúc Tân {pt_tt} tập thể. Đề nghị UBND Thành phố tặng "
        f"Bằng khen cho {up_tt} tập thể, {up_cn} cá nhân."
    )
    r.center("Phần II", before=6)
    r.center(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", after=4)
    r.para(
        f"Phấn đấu thu ngân sách {n(next_rev)} tỷ đồng; hoàn thành {t_all}/{t_all} chỉ tiêu; tiếp tục phát "
        "động các phong trào thi đua gắn với nhiệm vụ chính trị trọng tâm của quận."
    )
    r.signature(
        RECIPIENTS_DISTRICT, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Phạm Thị Thu Hằng"
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.pct("budget_revenue_yoy_pct", yoy)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.count("exemplars_honoured", exemplars)
    e.count("commended_collectives", kt_tt)
    e.count("commended_individuals", kt_cn)
    e.trap("topic only in the headings ('1. Về thu ngân sách' then 'Ước cả năm đạt ...')")
    e.trap(
        f"ward figures: phường Phúc Tân {n(pt_pct, 1)}%, Hàng Bạc {n(hb_pct, 1)}%, Chương Dương "
        f"{n(cd_ty, 1)} tỷ đồng, '18/18 phường'; wards at 100% / {n(ht_pct, 2)}% TTHC; ward jobs "
        f"{jobs_pt}/{jobs_cd}; wards' {mv_wards} movements; TDP số 9 {z(models_tdp9)} models; "
        f"Phúc Tân {exemplars_pt} exemplars and {pt_tt} collectives; school {tv_cn} individuals"
    )
    e.trap(f"disbursement second baseline '{n(disb_q, 1)}% kế hoạch quận giao'; one project '100%'")
    e.trap(f"'{tdp}/{tdp} tổ dân phố', '{schools_ok}/{schools} trường', rank '3/30'")
    e.trap(
        f"movements components '{z(mv_tx)} ... và {mv_cd}' sum to the stated total {mv} (do not add again)"
    )
    e.trap(
        f"'{exemplars_city} cá nhân được UBND Thành phố biểu dương'; proposal '{up_tt} tập thể, {up_cn} cá nhân'"
    )
    e.trap(f"next year 'Phấn đấu thu ngân sách {n(next_rev)} tỷ đồng; hoàn thành {t_all}/{t_all} chỉ tiêu'")
    return "03-hoan-kiem-2023-tieu-muc-don-vi-co-so", r, e, dt.datetime(2024, 1, 10, 8, 0), False


# =========================================================================== 04 Hai Bà Trưng 2024
# "13,2 nghìn tỷ", "vượt 2,3%", "so với cùng kỳ giảm 1,5%"; Giấy khen + unit-level titles.


def r04():
    unit, year = "hai-ba-trung", 2024
    rev_nt, over, yoy_down = D("13.2"), D("2.3"), D("1.5")  # nghìn tỷ; vượt %; giảm %
    disb = D("102.7")
    t_met, t_all, t_over = 20, 21, 9
    admin, late = D("99.96"), D("0.04")
    jobs = 3950
    mv, mv_city = 8, 12
    models = 57
    exemplars_city = 12
    gk_tt, gk_cn, ldtt_cn, cstdcs_cn = 412, 1036, 2150, 190
    city_flag, city_bk_tt, city_bk_cn, cstd_tp = 3, 27, 46, 2
    up_tt, up_cn = 35, 52
    next_rev_nt = D("13.8")

    r = Report()
    r.header(
        ["UBND THÀNH PHỐ HÀ NỘI", "UBND QUẬN HAI BÀ TRƯNG"],
        "Số: 15/BC-UBND",
        "Hai Bà Trưng, ngày 06 tháng 01 năm 2025",
    )
    r.title(["BÁO CÁO"], [f"Kết quả công tác thi đua, khen thưởng năm {year}"])
    r.para(
        "Căn cứ Luật Thi đua, khen thưởng năm 2022; Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính "
        "phủ; Kế hoạch số 45/KH-UBND ngày 20/02/2024 của UBND quận về tổ chức các phong trào thi đua năm "
        f"{year}, UBND quận Hai Bà Trưng báo cáo kết quả như sau:"
    )
    r.head("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI")
    r.para(
        f"Tổng thu ngân sách nhà nước trên địa bàn quận năm {year} ước đạt {n(rev_nt, 1)} nghìn tỷ đồng, "
        f"vượt {n(over, 1)}% so với dự toán Thành phố giao; so với cùng kỳ giảm {n(yoy_down, 1)}% do số thu "
        "tiền sử dụng đất và thu từ các doanh nghiệp kinh doanh bất động sản giảm mạnh."
    )
    r.para(
        f"Giải ngân vốn đầu tư công ước đạt {n(disb, 1)}% kế hoạch vốn Thành phố giao; hoàn thành đưa vào "
        "sử dụng Trường THCS Lê Ngọc Hân cơ sở 2 và tuyến đường Vành đai 2,5 đoạn qua quận."
    )
    r.para(
        f"Quận hoàn thành {t_met}/{t_all} chỉ tiêu kinh tế - xã hội HĐND quận giao, trong đó có {t_over} "
        f"chỉ tiêu vượt. Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {n(admin, 2)}%, trễ hạn "
        f"{n(late, 2)}%. Giải quyết việc làm cho {n(jobs)} lao động."
    )
    r.head("II. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    r.para(
        f"UBND quận phát động {z(mv)} phong trào thi đua thường xuyên và theo chuyên đề; đồng thời triển "
        f"khai, hưởng ứng {mv_city} phong trào do Trung ương, Thành phố phát động, trong đó có phong trào "
        "“Cả nước chung tay xóa nhà tạm, nhà dột nát”."
    )
    r.para(
        f"Các phong trào được nhân rộng {models} mô hình, cách làm hay; {exemplars_city} gương “Người tốt, "
        "việc tốt” của quận được Thành phố biểu dương, tôn vinh."
    )
    r.head("III. CÔNG TÁC KHEN THƯỞNG")
    r.head("1. Khen thưởng cấp Nhà nước và cấp Thành phố", indent=True)
    r.para(
        f"UBND Thành phố tặng Cờ thi đua cho {z(city_flag)} tập thể, Bằng khen cho {city_bk_tt} tập thể, "
        f"{city_bk_cn} cá nhân; {z(cstd_tp)} cá nhân được công nhận danh hiệu Chiến sĩ thi đua Thành phố."
    )
    r.head("2. Khen thưởng cấp quận", indent=True)
    r.para(
        f"Chủ tịch UBND quận đã tặng {gk_tt} Giấy khen cho tập thể và {n(gk_cn)} Giấy khen cho cá nhân; "
        f"công nhận danh hiệu Lao động tiên tiến cho {n(ldtt_cn)} cá nhân, Chiến sĩ thi đua cơ sở cho "
        f"{cstdcs_cn} cá nhân."
    )
    r.head("3. Đề nghị cấp trên khen thưởng", indent=True)
    r.para(
        f"UBND quận đã trình đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {up_tt} tập thể, {up_cn} cá "
        "nhân có thành tích xuất sắc trong phong trào thi đua năm 2024."
    )
    r.head(f"IV. PHƯƠNG HƯỚNG NĂM {year + 1}")
    r.para(
        f"Phấn đấu thu ngân sách đạt {n(next_rev_nt, 1)} nghìn tỷ đồng; tiếp tục đổi mới công tác thi đua, "
        "khen thưởng bảo đảm chính xác, công khai, kịp thời."
    )
    r.signature(RECIPIENTS_DISTRICT, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đỗ Xuân Trường")

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev_nt, NGHIN_TY)
    e.growth("budget_revenue_attainment_pct", over)
    e.growth("budget_revenue_yoy_pct", -yoy_down)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.count("commended_collectives", gk_tt)
    e.count("commended_individuals", gk_cn + ldtt_cn + cstdcs_cn, derived=True)
    e.trap(
        f"'{n(rev_nt, 1)} nghìn tỷ đồng' = {n(rev_nt * 1000)} tỷ; 'vượt {n(over, 1)}%' -> "
        f"{100 + over}; 'so với cùng kỳ giảm {n(yoy_down, 1)}%' -> {100 - yoy_down} (the number follows "
        "the verb after the baseline)"
    )
    e.trap(
        f"commended_individuals = {n(gk_cn)} Giấy khen + {n(ldtt_cn)} Lao động tiên tiến + {cstdcs_cn} Chiến "
        f"sĩ thi đua cơ sở = {gk_cn + ldtt_cn + cstdcs_cn}: the vocabulary counts Giấy khen AND unit-level "
        "titles conferred by the unit's chair ('lượt' instances); taking only the Giấy khen figure "
        f"({n(gk_cn)}) is wrong. Collectives: only the {gk_tt} Giấy khen (no collective title is stated)"
    )
    e.trap(
        f"city/state awards: Cờ thi đua {z(city_flag)}, Bằng khen {city_bk_tt} tập thể/{city_bk_cn} cá nhân, "
        f"CSTĐ Thành phố {z(cstd_tp)}; proposals upwards {up_tt} tập thể/{up_cn} cá nhân"
    )
    e.trap(
        f"'{t_over} chỉ tiêu vượt' is a subset; late share '{n(late, 2)}%'; "
        f"'{mv_city} phong trào do Trung ương, Thành phố phát động' not the unit's"
    )
    e.trap(
        f"'{exemplars_city} gương ... được Thành phố biểu dương' is city-level: exemplars_honoured not stated"
    )
    e.trap(
        f"next year '{n(next_rev_nt, 1)} nghìn tỷ đồng'; 'Vành đai 2,5'; document numbers 45/KH-UBND, 98/2023"
    )
    return "04-hai-ba-trung-2024-nghin-ty-giay-khen", r, e, dt.datetime(2025, 1, 6, 8, 0), True


# =========================================================================== 05 phường Vĩnh Tuy 2025
# New ward (from 1/7/2025); two-row table header "Năm 2025" over Kế hoạch | Thực hiện | Tỷ lệ (%).


def r05():
    unit, year = "phuong-vinh-tuy", 2025
    rev_plan, rev, att = D("486.2"), D("521.7"), D("107.3")
    check_ratio(rev, rev_plan, att)
    yoy = D("112.4")
    rev_h1_old = D("402.6")
    spend, spend_pct = D("58.3"), D("92.5")
    disb_plan, disb_ty, disb = D("39.0"), D("31.2"), D("80.0")
    check_ratio(disb_ty, disb_plan, disb)
    jobs_plan, jobs = 600, 684
    jobs_pct = ratio(jobs, jobs_plan)
    admin_plan, admin = D("98.0"), D("99.74")
    admin_ratio = ratio(admin, admin_plan)
    bhyt_plan, bhyt = D("95.0"), D("95.4")
    poor_plan, poor = 5, 6
    t_met, t_all = 11, 12
    mv, tdp = 4, 62
    gk_tt, gk_cn = 38, 96
    up_tt, up_cn = 3, 5
    next_rev = 1050

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "PHƯỜNG VĨNH TUY"], "Số: 186/BC-UBND", "Vĩnh Tuy, ngày 18 tháng 12 năm 2025")
    r.title(
        ["BÁO CÁO"],
        [
            f"Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội và công tác thi đua,\n"
            f"khen thưởng năm {year} (từ ngày 01/7/{year} đến ngày 31/12/{year})"
        ],
    )
    r.head("I. KHÁI QUÁT TÌNH HÌNH")
    r.para(
        "Phường Vĩnh Tuy được thành lập theo Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban "
        "Thường vụ Quốc hội, trên cơ sở sắp xếp phường Vĩnh Tuy, phường Mai Động, một phần phường Thanh "
        f"Lương và một phần phường Vĩnh Hưng; chính thức hoạt động từ ngày 01/7/{year} theo mô hình chính "
        f"quyền địa phương hai cấp. Phường có {tdp} tổ dân phố."
    )
    r.para(
        "Ngay sau khi đi vào hoạt động, UBND phường đã kiện toàn bộ máy, ổn định Trung tâm Phục vụ hành chính "
        "công, bảo đảm hoạt động thông suốt, không để gián đoạn việc giải quyết thủ tục cho người dân, "
        "doanh nghiệp."
    )
    r.head("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU")
    r.para(
        f"Trong {t_all} chỉ tiêu Thành phố giao cho 6 tháng cuối năm, phường có {t_met}/{t_all} chỉ tiêu đạt và "
        "vượt; chỉ tiêu giải ngân vốn đầu tư công chưa đạt. Kết quả một số chỉ tiêu như sau:"
    )
    head1 = ["STT", "Nội dung", "ĐVT", f"Năm {year}", None, None]
    head2 = [None, None, None, "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]
    body = [
        ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", n(rev_plan, 1), n(rev, 1), n(att, 1)],
        [
            "2",
            "Giải ngân vốn đầu tư công (kế hoạch vốn Thành phố giao)",
            "Tỷ đồng",
            n(disb_plan, 1),
            n(disb_ty, 1),
            n(disb, 1),
        ],
        ["3", "Giải quyết việc làm mới", "Lao động", n(jobs_plan), n(jobs), n(jobs_pct, 1)],
        ["4", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "%", n(admin_plan, 1), n(admin, 2), n(admin_ratio, 1)],
        [
            "5",
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            n(bhyt_plan, 1),
            n(bhyt, 1),
            n(ratio(bhyt, bhyt_plan), 1),
        ],
        ["6", "Số hộ nghèo, cận nghèo giảm", "Hộ", str(poor_plan), str(poor), n(ratio(poor, poor_plan), 1)],
        ["7", "Tỷ lệ thu gom rác thải sinh hoạt trong ngày", "%", "100", "100", "100,0"],
    ]
    r.grid(
        [head1, head2, *body],
        [1.3, 6.2, 2.1, 2.3, 2.3, 2.3],
        header_rows=2,
        merges=[((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 5))],
        align="clcrrr",
        size=11,
    )
    r.para(f"__Ghi chú: số thực hiện là số ước đến hết ngày 31/12/{year}.__", indent=False, size=11)
    r.head("III. KẾT QUẢ TRÊN MỘT SỐ LĨNH VỰC")
    r.para(
        f"1. Thu ngân sách trên địa bàn phường 6 tháng cuối năm bằng {n(yoy, 1)}% so với cùng kỳ năm 2024 "
        "(theo số liệu quy đổi của các phường cũ trên địa bàn). Trước khi sắp xếp, 6 tháng đầu năm 2025 "
        f"các phường cũ trên địa bàn thu {n(rev_h1_old, 1)} tỷ đồng. Chi ngân sách phường ước thực hiện "
        f"{n(spend, 1)} tỷ đồng, đạt {n(spend_pct, 1)}% dự toán."
    )
    r.para(
        "2. Công tác cải cách hành chính được chú trọng; Trung tâm Phục vụ hành chính công phường tiếp "
        "nhận, giải quyết hồ sơ đúng quy trình, không để tồn đọng."
    )
    r.head("IV. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.para(
        f"UBND phường đã phát động {z(mv)} phong trào thi đua theo đợt gắn với nhiệm vụ chính trị của phường "
        "trong giai đoạn đầu vận hành chính quyền địa phương hai cấp; tích cực hưởng ứng phong trào “Cả "
        "nước thi đua đổi mới sáng tạo và chuyển đổi số” do Thủ tướng Chính phủ phát động ngày 24/4/2025 "
        "và các phong trào do Thành phố phát động."
    )
    r.para(
        f"Chủ tịch UBND phường đã tặng Giấy khen cho {gk_tt} tập thể, {gk_cn} cá nhân có thành tích xuất sắc; "
        f"đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {z(up_tt)} tập thể, {z(up_cn)} cá nhân."
    )
    r.head(f"V. NHIỆM VỤ NĂM {year + 1}")
    r.para(
        f"Năm {year + 1} phấn đấu thu ngân sách trên địa bàn {n(next_rev)} tỷ đồng; hoàn thành toàn diện các "
        "chỉ tiêu Thành phố giao."
    )
    r.signature(
        ["- UBND Thành phố (qua Sở Nội vụ);", "- Đảng ủy phường;", "- TT HĐND phường;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Vũ Đức Long",
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.money("budget_revenue_plan", rev_plan, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.pct("budget_revenue_yoy_pct", yoy)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("commended_collectives", gk_tt)
    e.count("commended_individuals", gk_cn)
    e.trap(f"2025 ward, period 01/7-31/12/{year}; issuer 'UBND phường', 'Chủ tịch UBND phường'")
    e.trap(
        "two-row header: 'Năm 2025' spans 'Kế hoạch | Thực hiện | Tỷ lệ (%)' with STT/Nội dung/ĐVT merged "
        "vertically"
    )
    e.trap(
        f"TTHC row 'Tỷ lệ (%)' = {n(admin_ratio, 1)} is the ratio to the plan, not the on-time rate "
        f"({n(admin, 2)}); plan column '{n(admin_plan, 1)}'"
    )
    e.trap(
        f"old wards' H1/{year} revenue '{n(rev_h1_old, 1)} tỷ đồng'; expenditure '{n(spend, 1)} tỷ, "
        f"{n(spend_pct, 1)}%'"
    )
    e.trap(f"proposal upwards '{z(up_tt)} tập thể, {z(up_cn)} cá nhân'; central movement of 24/4/2025")
    e.trap(f"next year '{n(next_rev)} tỷ đồng'; '{tdp} tổ dân phố'; Nghị quyết 1656/NQ-UBTVQH15")
    return "05-phuong-vinh-tuy-2025-bang-hai-tang", r, e, dt.datetime(2025, 12, 18, 8, 0), True


# =========================================================================== 06 Ba Đình 2024
# Long report (6+ pages); prose figures agree with two landscape appendix tables split across pages.


def r06():
    unit, year = "ba-dinh", 2024
    rev_plan, rev, att = D("6433.7"), D("7102.8"), D("110.4")
    rev_prev, yoy_g = D("6540.3"), D("8.6")
    check_ratio(rev, rev_plan, att)
    check_ratio(rev, rev_prev, 100 + yoy_g)
    disb_plan, disb_ty, disb, disb_target = D("1135.8"), D("1065.4"), D("93.8"), 95
    check_ratio(disb_ty, disb_plan, disb)
    admin, admin_plan = D("99.89"), 98
    jobs_plan, jobs = 3100, 3215
    jobs_pct = ratio(jobs, jobs_plan)
    models, exemplars, exemplars_city = 73, 265, 14
    next_rev, next_jobs = 7650, 3300

    movements = [
        ("thường xuyên", "Ba Đình chung sức xây dựng đô thị văn minh, hiện đại"),
        ("thường xuyên", "Cán bộ, công chức, viên chức quận Ba Đình thi đua thực hiện văn hóa công sở"),
        ("chuyên đề", f"Thi đua hoàn thành dự toán thu ngân sách nhà nước năm {year}"),
        ("chuyên đề", f"Thi đua đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}"),
        (
            "chuyên đề",
            "Thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô "
            "(10/10/1954 - 10/10/2024)",
        ),
        ("chuyên đề", "Thi đua đẩy mạnh chuyển đổi số, xây dựng chính quyền số quận Ba Đình"),
        ("chuyên đề", "Thi đua bảo đảm trật tự, an toàn giao thông và trật tự đô thị trên các tuyến phố"),
        ("chuyên đề", "Thi đua thực hiện công tác giải phóng mặt bằng các dự án trọng điểm"),
        ("chuyên đề", "Thi đua phòng cháy, chữa cháy tại khu dân cư và nhà ở nhiều tầng"),
        ("chuyên đề", "Thi đua cải cách hành chính, nâng cao chỉ số hài lòng của người dân"),
    ]
    mv = len(movements)
    mv_tx = sum(1 for k, _ in movements if k == "thường xuyên")

    # commendation statistics (Phụ lục 02)
    state = [("Huân chương Lao động hạng Ba", 1, 2), ("Bằng khen của Thủ tướng Chính phủ", 2, 3)]
    city = [
        ("Cờ thi đua của UBND Thành phố", 4, 0),
        ("Bằng khen của Chủ tịch UBND Thành phố", 31, 48),
        ("Danh hiệu Tập thể lao động xuất sắc", 22, 0),
        ("Danh hiệu Chiến sĩ thi đua Thành phố", 0, 6),
    ]
    district = [
        ("Giấy khen của Chủ tịch UBND quận", 532, 1274),
        ("Danh hiệu Tập thể lao động tiên tiến", 594, 0),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", 0, 236),
        ("Danh hiệu Lao động tiên tiến", 0, 2408),
    ]

    def tot(group):
        return sum(x[1] for x in group), sum(x[2] for x in group)

    q_tt, q_cn = tot(district)
    assert (q_tt, q_cn) == (1126, 3918)
    all_tt, all_cn = tot(state + city + district)

    # targets (Phụ lục 01): (chỉ tiêu, ĐVT, KH, TH, tỷ lệ, đánh giá)
    targets = [
        ("Tốc độ tăng giá trị sản xuất ngành dịch vụ", "%", "6,5-7", "7,3", "-", "Vượt"),
        (
            "Giá trị sản xuất khu vực ngoài nhà nước",
            "Tỷ đồng",
            n(105000),
            n(108420),
            n(ratio(108420, 105000), 1),
            "Vượt",
        ),
        (
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "Tỷ đồng",
            n(78500),
            n(80150),
            n(ratio(80150, 78500), 1),
            "Vượt",
        ),
        ("Số doanh nghiệp thành lập mới", "Doanh nghiệp", n(1500), n(1624), n(ratio(1624, 1500), 1), "Vượt"),
        (
            "Thu ngân sách nhà nước trên địa bàn (dự toán Thành phố giao)",
            "Tỷ đồng",
            n(rev_plan, 1),
            n(rev, 1),
            n(att, 1),
            "Vượt",
        ),
        (
            "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch vốn Thành phố giao",
            "%",
            str(disb_target),
            n(disb, 1),
            n(ratio(disb, disb_target), 1),
            "Không đạt",
        ),
        ("Số dự án hoàn thành giải phóng mặt bằng", "Dự án", "12", "12", "100,0", "Đạt"),
        ("Tỷ lệ trường công lập đạt chuẩn quốc gia", "%", "71,4", "73,5", "-", "Vượt"),
        ("Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa", "%", "89", "89,6", "-", "Vượt"),
        ("Tỷ lệ tổ dân phố đạt danh hiệu Tổ dân phố văn hóa", "%", "86", "86,3", "-", "Vượt"),
        ("Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa", "%", "95", "96,1", "-", "Vượt"),
        ("Giải quyết việc làm mới", "Lao động", n(jobs_plan), n(jobs), n(jobs_pct, 1), "Vượt"),
        ("Số hộ nghèo giảm trong năm", "Hộ", "20", "23", "115,0", "Vượt"),
        ("Tỷ lệ lao động qua đào tạo", "%", "75", "75,4", "-", "Vượt"),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95,2", "95,6", "-", "Vượt"),
        ("Tỷ lệ dân số được quản lý hồ sơ sức khỏe điện tử", "%", "95", "97,2", "-", "Vượt"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "Dưới 5,5", "5,2", "-", "Đạt"),
        ("Tỷ lệ thu gom, vận chuyển rác thải sinh hoạt trong ngày", "%", "100", "100", "100,0", "Đạt"),
        ("Tỷ lệ chất thải y tế được thu gom, xử lý", "%", "100", "100", "100,0", "Đạt"),
        (
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn",
            "%",
            f"≥ {admin_plan}",
            n(admin, 2),
            "-",
            "Vượt",
        ),
        ("Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến", "%", "70", "82,6", "-", "Vượt"),
        ("Tỷ lệ nộp thuế điện tử của doanh nghiệp", "%", "90", "96,3", "-", "Vượt"),
        (
            "Chỉ số hài lòng của người dân đối với dịch vụ hành chính công",
            "%",
            "Trên 85",
            "89,1",
            "-",
            "Vượt",
        ),
        ("Tỷ lệ điều tra, khám phá án hình sự", "%", "Trên 80", "86,7", "-", "Vượt"),
        (
            "Tỷ lệ điều tra, khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng",
            "%",
            "Trên 95",
            "100",
            "-",
            "Vượt",
        ),
        ("Hoàn thành chỉ tiêu giao quân", "%", "100", "100", "100,0", "Đạt"),
        ("Số tuyến phố văn minh đô thị xây dựng mới", "Tuyến", "Khoảng 5", "5", "-", "Đạt"),
        ("Tỷ lệ dân số được sử dụng nước sạch", "%", "100", "100", "100,0", "Đạt"),
        ("Diện tích cây xanh trồng mới", "m²", n(5000), n(6120), n(ratio(6120, 5000), 1), "Vượt"),
        (
            "Số lượt cơ sở kinh doanh thực phẩm được kiểm tra an toàn thực phẩm",
            "Lượt cơ sở",
            n(1200),
            n(1386),
            n(ratio(1386, 1200), 1),
            "Vượt",
        ),
    ]
    t_all = len(targets)
    t_met = sum(1 for t in targets if t[5] != "Không đạt")
    assert (t_met, t_all) == (29, 30)

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN BA ĐÌNH"], "Số: 21/BC-UBND", "Ba Đình, ngày 09 tháng 01 năm 2025")
    r.title(
        ["BÁO CÁO"],
        [f"Tổng kết công tác thi đua, khen thưởng năm {year};\nphương hướng, nhiệm vụ năm {year + 1}"],
    )
    r.para(
        f"Thực hiện Hướng dẫn của Ban Thi đua - Khen thưởng Thành phố về việc tổng kết công tác thi đua, khen "
        f"thưởng năm {year} và Kế hoạch hoạt động của Cụm thi đua số 8, UBND quận Ba Đình báo cáo kết quả "
        "công tác thi đua, khen thưởng năm 2024 như sau:"
    )
    r.center("Phần thứ nhất", before=6)
    r.center(f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}", after=4)

    r.head("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.para(
        "Quận Ba Đình là trung tâm chính trị - hành chính quốc gia, nơi đặt trụ sở của các cơ quan Trung "
        "ương, nhiều cơ quan ngoại giao và tổ chức quốc tế; quận có 14 phường, 256 tổ dân phố với trên 22 "
        "vạn nhân khẩu. Nhiệm vụ bảo đảm an ninh, an toàn tuyệt đối các mục tiêu trọng yếu, các sự kiện "
        "chính trị quan trọng của đất nước luôn được đặt lên hàng đầu."
    )
    r.para(
        f"Năm {year} là năm có ý nghĩa quan trọng, năm tăng tốc thực hiện Nghị quyết Đại hội Đảng bộ quận "
        "lần thứ XXVI, nhiệm kỳ 2020 - 2025, đồng thời là năm quận tổ chức nhiều hoạt động kỷ niệm 70 năm "
        "Ngày Giải phóng Thủ đô. Bên cạnh những thuận lợi cơ bản, quận cũng gặp không ít khó khăn: quỹ đất "
        "hạn hẹp, nhiều dự án vướng mắc về giải phóng mặt bằng, áp lực về trật tự đô thị tại các tuyến phố "
        "trung tâm; một số doanh nghiệp trên địa bàn gặp khó khăn trong sản xuất, kinh doanh."
    )
    r.para(
        "Trong bối cảnh đó, với tinh thần đoàn kết, chủ động, sáng tạo, UBND quận đã bám sát sự lãnh đạo "
        "của Quận ủy, sự giám sát của HĐND quận, tập trung chỉ đạo, điều hành quyết liệt, gắn công tác thi "
        "đua, khen thưởng với việc thực hiện nhiệm vụ chính trị, tạo động lực để cán bộ, công chức, viên "
        "chức và Nhân dân hoàn thành các mục tiêu đề ra."
    )

    r.head("II. CÔNG TÁC CHỈ ĐẠO, TUYÊN TRUYỀN")
    r.para(
        "Ngay từ đầu năm, UBND quận ban hành Kế hoạch tổ chức các phong trào thi đua năm 2024; Hội đồng Thi "
        "đua - Khen thưởng quận được kiện toàn, phân công nhiệm vụ cụ thể cho từng thành viên. Các cơ quan, "
        "đơn vị, phường tổ chức ký kết giao ước thi đua, đăng ký danh hiệu thi đua, xây dựng kế hoạch và "
        "tiêu chí thi đua phù hợp với chức năng, nhiệm vụ."
    )
    r.para(
        "Công tác tuyên truyền được thực hiện đa dạng trên Cổng thông tin điện tử quận, hệ thống loa truyền "
        "thanh cơ sở, bản tin của các phường và các nền tảng mạng xã hội; chú trọng giới thiệu các điển hình "
        "tiên tiến, gương “Người tốt, việc tốt”, các cách làm hay để lan tỏa trong cộng đồng. Hội đồng Thi "
        "đua - Khen thưởng quận tổ chức các đoàn kiểm tra việc triển khai phong trào thi đua tại các phường "
        "và các cơ quan, đơn vị trực thuộc, kịp thời chấn chỉnh những hạn chế."
    )
    r.para(
        "Việc đánh giá, bình xét thi đua được thực hiện công khai, dân chủ, đúng quy định của Luật Thi đua, "
        "khen thưởng năm 2022 và Nghị định số 98/2023/NĐ-CP; Quy định về công tác thi đua, khen thưởng trên "
        "địa bàn Thành phố ban hành kèm theo Quyết định số 32/2024/QĐ-UBND ngày 16/5/2024 của UBND Thành phố "
        "được phổ biến đến toàn thể cán bộ, công chức, viên chức."
    )

    r.head("III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    r.para(
        f"Năm {year}, quận hoàn thành và hoàn thành vượt {t_met}/{t_all} chỉ tiêu kinh tế - xã hội HĐND quận "
        "giao (chi tiết tại Phụ lục 01). Chỉ tiêu chưa hoàn thành là tỷ lệ giải ngân vốn đầu tư công."
    )
    r.para(
        f"Thu ngân sách nhà nước trên địa bàn ước thực hiện {n(rev, 1)} tỷ đồng, đạt {n(att, 1)}% dự toán "
        f"Thành phố giao ({n(rev_plan, 1)} tỷ đồng), tăng {n(yoy_g, 1)}% so với năm 2023 ({n(rev_prev, 1)} tỷ "
        "đồng). Công tác quản lý thu được tăng cường, tập trung xử lý nợ đọng thuế, chống thất thu trong "
        "lĩnh vực thương mại điện tử và kinh doanh dịch vụ ăn uống."
    )
    r.para(
        f"Giải ngân vốn đầu tư công đạt {n(disb_ty, 1)} tỷ đồng, bằng {n(disb, 1)}% kế hoạch vốn Thành phố "
        f"giao ({n(disb_plan, 1)} tỷ đồng), chưa đạt chỉ tiêu {disb_target}% do một số dự án chưa hoàn thành "
        "thủ tục điều chỉnh chủ trương đầu tư và vướng mắc giải phóng mặt bằng."
    )
    r.para(
        f"Giải quyết việc làm mới cho {n(jobs)} lao động, đạt {n(jobs_pct, 1)}% kế hoạch. Tỷ lệ hồ sơ thủ tục "
        f"hành chính giải quyết đúng và trước hạn đạt {n(admin, 2)}%. Các chỉ tiêu về văn hóa, y tế, giáo "
        "dục, môi trường đều đạt và vượt kế hoạch; quốc phòng, an ninh được giữ vững, trật tự an toàn xã "
        "hội được bảo đảm, phục vụ an toàn tuyệt đối các sự kiện chính trị, đối ngoại trên địa bàn."
    )

    r.head("IV. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    r.head("1. Các phong trào thi đua do quận phát động", indent=True)
    r.para(
        f"Năm {year}, UBND quận phát động {mv} phong trào thi đua, gồm {z(mv_tx)} phong trào thường xuyên và "
        f"{z(mv - mv_tx)} phong trào theo chuyên đề, cụ thể:"
    )
    r.bullets([f"Phong trào “{name}” (thi đua {kind});" for kind, name in movements], mark="+")
    r.para(
        "Các phong trào được triển khai với nội dung, tiêu chí cụ thể, có sơ kết, tổng kết, khen thưởng "
        "kịp thời; nhiều phong trào tạo sức lan tỏa rộng, thu hút đông đảo các tầng lớp Nhân dân tham gia, "
        "góp phần quan trọng vào việc hoàn thành các chỉ tiêu kinh tế - xã hội của quận."
    )
    r.head("2. Hưởng ứng các phong trào thi đua do Trung ương, Thành phố phát động", indent=True)
    r.para(
        "Quận triển khai đồng bộ các phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại "
        "phía sau”, “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Doanh nghiệp Thủ đô hội "
        "nhập và phát triển”, “Vì an ninh Tổ quốc”, “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
        "Chí Minh”, “Dân vận khéo”, “Cả nước chung tay xóa nhà tạm, nhà dột nát”. Các phong trào này do "
        "Trung ương, Thành phố phát động, quận tổ chức thực hiện và không tính vào số phong trào quận phát "
        "động."
    )

    r.head("V. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    r.para(
        f"Qua các phong trào thi đua, quận đã công nhận {models} mô hình, cách làm hay, sáng kiến trên các lĩnh "
        "vực quản lý đô thị, cải cách hành chính, chuyển đổi số, an sinh xã hội; tiêu biểu như mô hình “Phố "
        "đi bộ Trịnh Công Sơn văn minh, thân thiện”, mô hình “Tổ dân phố không rác thải nhựa”, mô hình “Sổ "
        "tay điện tử tổ dân phố”."
    )
    r.para(
        f"UBND quận đã tuyên dương {exemplars} gương điển hình tiên tiến, “Người tốt, việc tốt” tiêu biểu trên "
        f"các lĩnh vực; {exemplars_city} gương được UBND Thành phố biểu dương tại Hội nghị biểu dương “Người "
        "tốt, việc tốt” Thủ đô."
    )

    r.head("VI. CÔNG TÁC KHEN THƯỞNG")
    r.para(
        f"Công tác khen thưởng bảo đảm đúng người, đúng thành tích, kịp thời. Năm {year}, UBND quận đã khen "
        f"thưởng {n(q_tt)} lượt tập thể và {n(q_cn)} lượt cá nhân (gồm Giấy khen của Chủ tịch UBND quận và "
        "các danh hiệu thi đua cấp quận); trình cấp trên khen thưởng, tổng hợp tại Phụ lục 02."
    )
    r.para(
        "Quận chú trọng khen thưởng người trực tiếp lao động, sản xuất, công tác; khen thưởng đột xuất các tập "
        "thể, cá nhân có hành động dũng cảm cứu người, bắt cướp, giúp đỡ Nhân dân trong mưa bão, góp phần "
        "động viên, khích lệ phong trào thi đua."
    )

    r.head("VII. THAM GIA HOẠT ĐỘNG CỦA CỤM THI ĐUA SỐ 8")
    r.para(
        "Quận tham gia đầy đủ các hoạt động của Cụm thi đua số 8: ký giao ước thi đua đầu năm, hội nghị sơ "
        "kết 6 tháng, các hoạt động giao lưu, trao đổi kinh nghiệm; phối hợp chặt chẽ với Cụm trưởng trong "
        "việc chấm điểm, bình xét cuối năm. Năm 2024, 6/6 quận trong Cụm đều hoàn thành vượt dự toán thu "
        "ngân sách Thành phố giao."
    )

    r.head("VIII. ĐÁNH GIÁ CHUNG")
    r.para(
        "__1. Ưu điểm:__ Công tác thi đua, khen thưởng được cấp ủy, chính quyền quan tâm chỉ đạo; các phong "
        "trào thi đua được tổ chức phong phú, thiết thực, gắn với nhiệm vụ chính trị; nhiều mô hình hay, "
        "điển hình tiên tiến được phát hiện, biểu dương, nhân rộng."
    )
    r.para(
        "__2. Hạn chế:__ Một số phong trào thi đua theo chuyên đề chưa được sơ kết kịp thời; việc phát hiện "
        "điển hình ở một số đơn vị còn hạn chế; tỷ lệ khen thưởng người lao động trực tiếp chưa cao; hồ sơ "
        "đề nghị khen thưởng của một số đơn vị còn chậm, phải bổ sung nhiều lần."
    )
    r.para(
        "__3. Nguyên nhân và bài học kinh nghiệm:__ Người đứng đầu một số cơ quan, đơn vị chưa thực sự quan "
        "tâm đến công tác thi đua, khen thưởng. Bài học rút ra là phải gắn phong trào thi đua với nhiệm vụ "
        "trọng tâm, có tiêu chí rõ ràng, đo đếm được; thường xuyên kiểm tra, đôn đốc; khen thưởng kịp thời, "
        "đúng đối tượng."
    )

    r.center("Phần thứ hai", before=6)
    r.center(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", after=4)
    r.para(
        f"Năm {year + 1}, quận phấn đấu thu ngân sách trên địa bàn đạt {n(next_rev)} tỷ đồng, giải quyết việc "
        f"làm cho {n(next_jobs)} lao động, tỷ lệ giải ngân vốn đầu tư công đạt trên {disb_target}% kế hoạch "
        "vốn Thành phố giao. Tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua; tập trung "
        "thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp và kỷ niệm 80 năm Cách mạng Tháng Tám, "
        "Quốc khánh 2/9; chuẩn bị tốt các điều kiện để sắp xếp đơn vị hành chính cấp xã và vận hành mô hình "
        "chính quyền địa phương hai cấp."
    )
    r.head("ĐỀ XUẤT, KIẾN NGHỊ")
    r.para(
        "Đề nghị Ban Thi đua - Khen thưởng Thành phố tiếp tục hướng dẫn chi tiết việc chấm điểm, bình xét "
        "thi đua của các Cụm thi đua trong năm chuyển tiếp sang mô hình chính quyền hai cấp; xem xét tăng "
        "tỷ lệ khen thưởng cho người lao động trực tiếp."
    )
    r.signature(RECIPIENTS_DISTRICT, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Ngô Thị Thanh Hà")

    # ---- appendices, landscape
    r.landscape()
    r.center("Phụ lục 01", size=13)
    r.center(f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {year}", size=13)
    r.center(
        "(Kèm theo Báo cáo số 21/BC-UBND ngày 09/01/2025 của UBND quận Ba Đình)",
        bold=False,
        italic=True,
        after=4,
    )
    rows = [
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            f"Kế hoạch năm {year}",
            f"Thực hiện năm {year}",
            "Tỷ lệ TH/KH (%)",
            "Đánh giá",
        ]
    ]
    rows += [[str(i), *t] for i, t in enumerate(targets, 1)]
    r.grid(rows, [1.2, 10.6, 2.6, 3.0, 3.0, 2.6, 2.6], align="cllrrrc", size=12)
    r.page_break()
    r.center("Phụ lục 02", size=13)
    r.center(f"TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM {year}", size=13)
    r.center(
        "(Kèm theo Báo cáo số 21/BC-UBND ngày 09/01/2025 của UBND quận Ba Đình)",
        bold=False,
        italic=True,
        after=4,
    )

    def cnt(k):
        return n(k) if k else "-"

    krows = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    bold = []
    for roman, label, group, note in (
        ("I", "Cấp Nhà nước", state, "Quyết định của Chủ tịch nước, Thủ tướng"),
        ("II", "Cấp Thành phố", city, "UBND Thành phố quyết định"),
        ("III", "Cấp quận", district, "Chủ tịch UBND quận quyết định"),
    ):
        bold.append(len(krows))
        krows.append([roman, label, None, None, note])
        krows += [[str(i), name, cnt(tt), cnt(cn), None] for i, (name, tt, cn) in enumerate(group, 1)]
        bold.append(len(krows))
        gt, gc = tot(group)
        krows.append([None, f"Cộng ({roman})", n(gt), n(gc), None])
    bold.append(len(krows))
    krows.append([None, "TỔNG CỘNG", n(all_tt), n(all_cn), None])
    r.grid(krows, [1.5, 12.0, 3.0, 3.0, 6.0], align="clrrl", size=12, bold_rows=bold)

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.money("budget_revenue_plan", rev_plan, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.growth("budget_revenue_yoy_pct", yoy_g)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.count("exemplars_honoured", exemplars)
    e.count("commended_collectives", q_tt)
    e.count("commended_individuals", q_cn)
    e.trap(
        "two sources that agree: prose and Phụ lục 01/02 (landscape, tables split across pages with "
        "repeated header rows) - no conflict flag expected"
    )
    e.trap(
        f"Phụ lục 01 disbursement row: TH column {n(disb, 1)} is the rate; the 'Tỷ lệ TH/KH' cell "
        f"{n(ratio(disb, disb_target), 1)} is rate/target, not the disbursement rate"
    )
    e.trap(
        f"Phụ lục 02: use 'Cộng (III)' = {n(q_tt)}/{n(q_cn)}; 'TỔNG CỘNG' {n(all_tt)}/{n(all_cn)} includes "
        "state and city awards; Giấy khen row alone is a component"
    )
    e.trap(
        f"previous year '{n(rev_prev, 1)} tỷ đồng'; plan in parentheses; disbursement capital "
        f"'{n(disb_plan, 1)} tỷ'; '6/6 quận' cluster statement"
    )
    e.trap(
        f"movements: list of {mv} named movements ({z(mv_tx)} + {z(mv - mv_tx)}); the central/city movements "
        "listed in IV.2 are not counted; movement names contain '70 năm', '10/10/1954 - 10/10/2024', 2024"
    )
    e.trap(f"'{exemplars_city} gương được UBND Thành phố biểu dương' is city-level")
    e.trap(f"next year: '{n(next_rev)} tỷ đồng', '{n(next_jobs)} lao động', 'trên {disb_target}%'")
    return "06-ba-dinh-2024-nhieu-trang-phu-luc", r, e, dt.datetime(2025, 1, 9, 8, 0), True


# =========================================================================== 07 Long Biên 2023
# Table "TH năm 2022 | KH năm 2023 | Ước TH năm 2023 | So sánh (%) [Với KH | Với CK] | KH năm 2024".


def r07():
    unit, year = "long-bien", 2023
    rows = {  # key: (chỉ tiêu, ĐVT, TH 2022, KH 2023, ước TH 2023, KH 2024, decimals)
        "rev": (
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            D("8756.0"),
            D("9250.0"),
            D("9842.0"),
            D("10300.0"),
            1,
        ),
        "nqd": (
            "Trong đó: thu thuế, phí ngoài quốc doanh",
            "Tỷ đồng",
            D("3105.2"),
            D("3300.0"),
            D("3486.5"),
            D("3650.0"),
            1,
        ),
        "spend": (
            "Chi ngân sách địa phương",
            "Tỷ đồng",
            D("3912.4"),
            D("4420.0"),
            D("4108.6"),
            D("4650.0"),
            1,
        ),
        "disb": (
            "Vốn đầu tư công giải ngân",
            "Tỷ đồng",
            D("1820.0"),
            D("2150.0"),
            D("1978.0"),
            D("2400.0"),
            1,
        ),
        "dn": ("Số doanh nghiệp thành lập mới", "Doanh nghiệp", 1186, 1250, 1312, 1350, 0),
        "jobs": ("Giải quyết việc làm", "Lao động", 4512, 4600, 4835, 4700, 0),
        "poor": ("Số hộ nghèo giảm", "Hộ", 38, 30, 36, 25, 0),
    }
    cmp = {k: (ratio(v[4], v[3]), ratio(v[4], v[2])) for k, v in rows.items()}
    rev_prev, rev_plan, rev, rev_next = rows["rev"][2:6]
    att, yoy = cmp["rev"]
    assert (att, yoy) == (D("106.4"), D("112.4"))
    disb = cmp["disb"][0]
    assert disb == D("92.0")
    jobs = rows["jobs"][4]
    hdnd_target, hdnd_pct = D("9500"), D("103.6")
    check_ratio(rev, hdnd_target, hdnd_pct)
    admin_prev, admin, bhyt = D("99.52"), D("99.87"), ("93,6", "94,5", "94,8", "95,0")
    t_met, t_all, t_over, t_next = 18, 18, 7, 19
    mv, kt_tt, kt_cn, up_tt, up_cn = 9, 478, 1215, 29, 40

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN LONG BIÊN"], "Số: 402/BC-UBND", "Long Biên, ngày 12 tháng 12 năm 2023")
    r.title(
        ["BÁO CÁO"],
        [
            f"Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm {year}\n"
            "và kết quả công tác thi đua, khen thưởng"
        ],
    )
    r.head("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU")
    r.para(
        f"Năm {year}, quận hoàn thành {t_met}/{t_all} chỉ tiêu, trong đó {z(t_over)} chỉ tiêu vượt kế hoạch. "
        "Kết quả một số chỉ tiêu chủ yếu như sau:"
    )
    h1 = [
        "TT",
        "Chỉ tiêu",
        "ĐVT",
        f"TH năm {year - 1}",
        f"KH năm {year}",
        f"Ước TH năm {year}",
        "So sánh (%)",
        None,
        f"KH năm {year + 1}",
    ]
    h2 = [None, None, None, None, None, None, "Với KH", "Với CK", None]
    body, i = [], 0
    for k, (label, dvt, a, b, c, d, dec) in rows.items():
        sub = label.startswith("Trong đó")
        if not sub:
            i += 1
        body.append(
            [
                "" if sub else str(i),
                label,
                dvt,
                n(a, dec),
                n(b, dec),
                n(c, dec),
                n(cmp[k][0], 1),
                n(cmp[k][1], 1),
                n(d, dec),
            ]
        )
    body.append(
        [
            str(i + 1),
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
            "%",
            n(admin_prev, 2),
            "≥ 98",
            n(admin, 2),
            "-",
            "-",
            "≥ 98,5",
        ]
    )
    body.append([str(i + 2), "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", *bhyt[:3], "-", "-", bhyt[3]])
    merges = [((0, c), (1, c)) for c in (0, 1, 2, 3, 4, 5, 8)] + [((0, 6), (0, 7))]
    r.grid(
        [h1, h2, *body],
        [1.0, 4.5, 1.6, 1.7, 1.7, 1.7, 1.3, 1.3, 1.6],
        header_rows=2,
        merges=merges,
        align="cllrrrrrr",
        size=10,
        italic_rows=(3,),
    )
    r.para(
        f"__Ghi chú: Kế hoạch thu ngân sách năm {year} là dự toán Thành phố giao, kế hoạch vốn đầu tư "
        f"công là kế hoạch Thành phố giao; số ước thực hiện là số ước cả năm {year}.__",
        indent=False,
        size=11,
    )
    r.head("II. ĐÁNH GIÁ MỘT SỐ LĨNH VỰC")
    r.para(
        f"Thu ngân sách vượt dự toán Thành phố giao và bằng {n(hdnd_pct, 1)}% chỉ tiêu phấn đấu HĐND quận giao "
        f"({n(hdnd_target)} tỷ đồng); số thu tăng chủ yếu từ thu tiền sử dụng đất các dự án khu đô thị. Chi "
        "ngân sách bảo đảm đúng dự toán, tiết kiệm chi thường xuyên."
    )
    r.para(
        "Giải ngân vốn đầu tư công chưa đạt kế hoạch do dự án cải tạo, mở rộng đường Nguyễn Văn Cừ và một số "
        "dự án hạ tầng khu tái định cư còn vướng mắc giải phóng mặt bằng. Tỷ lệ hồ sơ thủ tục hành chính "
        "giải quyết đúng hạn tiếp tục được nâng lên."
    )
    r.head("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.para(
        f"UBND quận phát động {z(mv)} phong trào thi đua; Chủ tịch UBND quận khen thưởng {kt_tt} lượt tập thể, "
        f"{n(kt_cn)} lượt cá nhân; đề nghị Thành phố khen thưởng {up_tt} tập thể, {up_cn} cá nhân."
    )
    r.head(f"IV. KẾ HOẠCH NĂM {year + 1}")
    r.para(
        f"Năm {year + 1} phấn đấu thu ngân sách {n(rev_next)} tỷ đồng, hoàn thành {t_next} chỉ tiêu kinh tế - "
        "xã hội (các chỉ tiêu cụ thể tại cột “KH năm 2024” của bảng trên)."
    )
    r.signature(
        ["- TT Quận ủy, TT HĐND quận;", "- Cụm thi đua số 8;", "- Lưu: VT, TCKH."],
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Bùi Quốc Hưng",
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.money("budget_revenue_plan", rev_plan, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.pct("budget_revenue_yoy_pct", yoy)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("commended_collectives", kt_tt)
    e.count("commended_individuals", kt_cn)
    e.trap(
        f"'KH năm {year + 1}' column is next year's plan (revenue {n(rev_next, 1)}, jobs {n(rows['jobs'][5])})"
    )
    e.trap(
        f"'TH năm {year - 1}' column is the previous year (revenue {n(rev_prev, 1)}, jobs {n(rows['jobs'][2])}, "
        f"TTHC {n(admin_prev, 2)})"
    )
    e.trap(
        "'So sánh (%)' merged header over 'Với KH' (attainment) and 'Với CK' (yoy); values only in the table"
    )
    e.trap(
        "'Trong đó: thu thuế, phí ngoài quốc doanh' row is a component; 'Chi ngân sách địa phương' row is "
        "expenditure"
    )
    e.trap(
        f"disbursement only as a money row: 'Với KH' {n(disb, 1)} is the rate (the note under the table says the plan is the City's)"
    )
    e.trap(
        f"'{n(hdnd_pct, 1)}% chỉ tiêu phấn đấu HĐND quận giao ({n(hdnd_target)} tỷ đồng)' is the district "
        "stretch baseline"
    )
    e.trap(
        f"'{z(t_over)} chỉ tiêu vượt' subset; next year '{t_next} chỉ tiêu'; proposal '{up_tt} tập thể, "
        f"{up_cn} cá nhân'"
    )
    return "07-long-bien-2023-uoc-th-va-kh-nam-sau", r, e, dt.datetime(2023, 12, 12, 8, 0), False


# =========================================================================== 08 phường Ngọc Hà 2025
# One page, bullet list "- Thu NSNN: ..." with 5 figures.


def r08():
    unit, year = "phuong-ngoc-ha", 2025
    rev, att = D("392.450"), D("104.6")  # "392,450 tỷ đồng" = 392 tỷ 450 triệu
    admin = D("99.6")
    mv, mv_tx, mv_dot = 3, 1, 2
    assert mv == mv_tx + mv_dot
    models = 7

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "PHƯỜNG NGỌC HÀ"], "Số: 214/BC-UBND", "Ngọc Hà, ngày 22 tháng 12 năm 2025")
    r.title(
        ["BÁO CÁO TÓM TẮT"],
        [
            f"Kết quả thực hiện nhiệm vụ năm {year} phục vụ bình xét thi đua\n"
            f"(từ ngày 01/7/{year} đến ngày 31/12/{year})"
        ],
    )
    r.para(
        "Thực hiện Công văn số 3318/SNV-TĐKT ngày 02/12/2025 của Sở Nội vụ về việc tổng hợp kết quả phục vụ "
        "bình xét thi đua năm 2025, UBND phường Ngọc Hà báo cáo tóm tắt một số kết quả chủ yếu như sau:"
    )
    r.bullets(
        [
            f"Thu NSNN: {n(rev, 3)} tỷ đồng, đạt {n(att, 1)}% dự toán Thành phố giao.",
            f"Tỷ lệ giải quyết TTHC đúng hạn: {n(admin, 1)}%.",
            f"Số phong trào phát động: {z(mv)} ({z(mv_tx)} phong trào thường xuyên, {z(mv_dot)} phong trào theo đợt).",
            f"Số mô hình, cách làm hay được công nhận: {z(models)}.",
        ]
    )
    r.para("UBND phường Ngọc Hà kính báo cáo./.")
    r.signature(
        ["- Sở Nội vụ (Phòng TĐKT);", "- Đảng ủy phường;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Hoàng Văn Nam",
    )

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.pct("admin_ontime_pct", admin)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.trap(
        f"'{n(rev, 3)} tỷ đồng' has a decimal comma with three digits: {n(rev * 1000)} triệu, not "
        f"{n(rev * 1000)} tỷ"
    )
    e.trap(f"movements total {z(mv)} with components in parentheses ({z(mv_tx)} + {z(mv_dot)}); do not add")
    e.trap(
        "2025 ward, half-year of existence; no targets_met/targets_total stated (missing_required expected "
        "on the document, not a figure); 'Công văn số 3318/SNV-TĐKT ngày 02/12/2025'"
    )
    return "08-phuong-ngoc-ha-2025-tom-tat", r, e, dt.datetime(2025, 12, 22, 8, 0), False


# =========================================================================== 09 Ba Đình 2021
# Number words ("mười lăm", "hai mươi tư"), leading zeros, "lượt"; revenue to a cut-off date.


def r09():
    unit, year = "ba-dinh", 2021
    cutoff = (15, 12)
    as_of = f"{year}-{cutoff[1]:02d}-{cutoff[0]:02d}"
    rev, att, yoy_g = D("4536.2"), D("97.12"), D("6.8")
    t_met, t_all = 9, 10
    hs_in, admin = 73418, D("99.9")
    jobs = 4870
    mv, mv_tx, mv_city, mv_cluster = 15, 2, 6, 3
    models = 24
    exemplars, exemplars_city = 176, 9
    kt_tt, kt_cn = 684, 1529
    cd_tt, cd_cn, dx_tt, dx_cn = 245, 190, 13, 27
    city_flag, city_bk = 3, 5
    volunteers, rank_par = 2000, 6

    r = Report()
    r.header(
        ["UBND THÀNH PHỐ HÀ NỘI", "UBND QUẬN BA ĐÌNH"],
        "Số: 509/BC-UBND",
        "Ba Đình, ngày 20 tháng 12 năm 2021",
    )
    r.title(["BÁO CÁO"], [f"Tổng kết phong trào thi đua yêu nước và công tác khen thưởng năm {year}"])
    r.head("I. BỐI CẢNH")
    r.para(
        f"Năm {year} diễn ra trong bối cảnh dịch bệnh COVID-19 diễn biến phức tạp, quận phải thực hiện giãn "
        "cách xã hội nhiều đợt. Với tinh thần “chống dịch như chống giặc”, quận đã huy động hơn "
        f"{n(volunteers)} lượt cán bộ, đoàn viên, tình nguyện viên tham gia các tổ COVID cộng đồng, vừa phòng, "
        "chống dịch hiệu quả, vừa duy trì phát triển kinh tế - xã hội."
    )
    r.head("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    r.para(
        f"Tính đến ngày {cutoff[0]}/{cutoff[1]}/{year}, thu ngân sách nhà nước trên địa bàn đạt {n(rev, 1)} tỷ "
        f"đồng, bằng {n(att, 2)}% dự toán Thành phố giao, tăng {n(yoy_g, 1)}% so với cùng kỳ năm 2020; dự "
        "kiến đến hết năm hoàn thành vượt dự toán."
    )
    r.para(
        f"Quận đạt và vượt {z(t_met)}/{t_all} chỉ tiêu kinh tế - xã hội HĐND quận giao. Bộ phận Một cửa tiếp "
        f"nhận {n(hs_in)} lượt hồ sơ, tỷ lệ giải quyết đúng hạn đạt {n(admin, 1)}%. Giải quyết việc làm cho "
        f"{n(jobs)} lượt người lao động. Chỉ số cải cách hành chính của quận xếp thứ {rank_par}/30 quận, huyện, "
        "thị xã."
    )
    r.head("III. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA")
    r.para(
        f"UBND quận đã phát động {words(mv)} phong trào thi đua, trong đó có {words(mv_tx)} phong trào thi "
        f"đua thường xuyên và {words(mv - mv_tx)} phong trào thi đua theo chuyên đề, đợt cao điểm; đồng thời "
        f"hưởng ứng {words(mv_city)} phong trào do Trung ương, Thành phố phát động. Ngoài ra, Cụm thi đua số 8 "
        f"phát động {words(mv_cluster)} phong trào thi đua chung, quận đã tích cực tham gia."
    )
    r.para(
        f"Qua các phong trào, quận công nhận {words(models)} mô hình, cách làm hay trong các lĩnh vực phòng, "
        "chống dịch, an sinh xã hội, chuyển đổi số; hàng trăm mô hình “Dân vận khéo” được duy trì ở các "
        f"phường. Quận biểu dương {exemplars} gương điển hình tiên tiến, “Người tốt, việc tốt”; {z(exemplars_city)} "
        "cá nhân được UBND Thành phố biểu dương."
    )
    r.head("IV. CÔNG TÁC KHEN THƯỞNG")
    r.para(
        f"UBND quận đã khen thưởng {kt_tt} lượt tập thể, {n(kt_cn)} lượt cá nhân; trong đó khen thưởng chuyên "
        f"đề {cd_tt} lượt tập thể, {cd_cn} lượt cá nhân và khen thưởng đột xuất {z(dx_tt)} lượt tập thể, "
        f"{z(dx_cn)} lượt cá nhân có thành tích trong phòng, chống dịch COVID-19."
    )
    r.para(
        f"UBND Thành phố tặng {z(city_flag)} Cờ thi đua, {z(city_bk)} Bằng khen cho các tập thể của quận. Tại "
        "hội nghị tổng kết, Cụm thi đua số 8 thống nhất đề nghị 06/6 quận hoàn thành xuất sắc nhiệm vụ; quận "
        "Ba Đình xếp thứ hai trong Cụm."
    )
    r.head(f"V. PHƯƠNG HƯỚNG NĂM {year + 1}")
    r.para(
        "Tiếp tục đổi mới nội dung, hình thức các phong trào thi đua; phấn đấu hoàn thành 10/10 chỉ tiêu "
        "năm 2022."
    )
    r.signature(RECIPIENTS_DISTRICT, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đặng Thị Lan Anh")

    e = Expected(unit, year)
    pp = {"flags": ["partial_period"], "as_of": as_of}
    e.money("budget_revenue_actual", rev, TY, **pp)
    e.pct("budget_revenue_attainment_pct", att, **pp)
    e.growth("budget_revenue_yoy_pct", yoy_g, **pp)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.count("exemplars_honoured", exemplars)
    e.count("commended_collectives", kt_tt)
    e.count("commended_individuals", kt_cn)
    e.trap(
        f"revenue figures are to {cutoff[0]}/{cutoff[1]}/{year} (partial_period, as_of {as_of}); "
        "'dự kiến đến hết năm hoàn thành vượt' is a forecast"
    )
    e.trap(
        f"number words: '{words(mv)}' = {mv} movements (components '{words(mv_tx)}' + '{words(mv - mv_tx)}'), "
        f"'{words(models)}' = {models} models; '{words(mv_city)}' central/city and '{words(mv_cluster)}' "
        "cluster movements are not the unit's"
    )
    e.trap(
        f"leading zeros '{z(t_met)}/{t_all} chỉ tiêu'; '06/6 quận' is a cluster statement; rank "
        f"'{rank_par}/30' and 'xếp thứ hai trong Cụm'"
    )
    e.trap(
        f"'lượt' counts: {n(hs_in)} lượt hồ sơ, {n(volunteers)} lượt tình nguyện viên; jobs '{n(jobs)} lượt'"
    )
    e.trap(f"subsets of the commendation total: chuyên đề {cd_tt}/{cd_cn}, đột xuất {z(dx_tt)}/{z(dx_cn)}")
    e.trap(
        f"'hàng trăm mô hình' vague; '{z(exemplars_city)} cá nhân được UBND Thành phố biểu dương'; city awards "
        f"{z(city_flag)} Cờ, {z(city_bk)} Bằng khen; next year '10/10 chỉ tiêu năm 2022'"
    )
    return "09-ba-dinh-2021-so-bang-chu-luot", r, e, dt.datetime(2021, 12, 20, 8, 0), False


# =========================================================================== 10 Đống Đa 2024
# Trap-heavy: expenditure %, district stretch target, previous-year values, "6/6 quận", components,
# ranks, proposals upwards, city-level exemplars, next-year plans, a two-year merged-header table.


def r10():
    unit, year = "dong-da", 2024
    rev_plan, att, rev = D("14905.0"), D("101.8"), D("15173.3")
    check_ratio(rev, rev_plan, att)
    hdnd, hdnd_pct = D("15740"), D("96.4")
    check_ratio(rev, hdnd, hdnd_pct)
    rev_prev, rev_prev_pct, yoy_g = D("14127.8"), D("101.2"), D("7.4")
    check_ratio(rev, rev_prev, 100 + yoy_g)
    nqd, nqd_pct, nqd_prev, nqd_prev_pct, land = D("6742.3"), D("103.4"), D("6210.5"), D("98.7"), D("1105.0")
    spend, spend_pct, spend_q, spend_prev, spend_prev_pct = (
        D("3125.4"),
        D("87.3"),
        D("79.6"),
        D("2984.1"),
        D("85.6"),
    )
    disb_ty, disb, disb_q, disb_prev, disb_prev_pct = (
        D("1487.0"),
        D("102.6"),
        D("91.2"),
        D("1302.6"),
        D("96.4"),
    )
    cluster_rev = 61420
    t_met, t_all, t_over, t_prev = 13, 14, 6, 12
    schools_ok, schools, rank_par, rank_cluster = 44, 63, 4, 2
    admin, late, admin_prev = D("99.93"), D("0.07"), D("99.81")
    jobs, next_jobs = 5318, 5500
    mv, mv_city, mv_cluster = 7, 11, 2
    models, models_cluster = 96, 38
    exemplars, exemplars_city = 312, 28
    kt_tt, kt_cn, cd_tt, cd_cn = 1087, 2964, 298, 845
    up_bk_tt, up_bk_cn, up_flag, city_bk_tt, city_bk_cn = 46, 73, 4, 52, 61
    next_rev, next_mv = 16400, 8

    r = Report()
    r.header(["ỦY BAN NHÂN DÂN", "QUẬN ĐỐNG ĐA"], "Số: 06/BC-UBND", "Đống Đa, ngày 08 tháng 01 năm 2025")
    r.title(
        ["BÁO CÁO"],
        [f"Tổng kết công tác thi đua, khen thưởng năm {year}\n(Đơn vị thành viên Cụm thi đua số 8)"],
    )
    r.head("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    r.head("1. Tài chính - ngân sách", indent=True)
    r.para(
        f"Dự toán thu ngân sách năm {year} Thành phố giao cho quận là {n(rev_plan, 1)} tỷ đồng; HĐND quận giao "
        f"chỉ tiêu phấn đấu {n(hdnd)} tỷ đồng. Thu ngân sách nhà nước trên địa bàn ước thực hiện "
        f"{n(rev, 1)} tỷ đồng, đạt {n(att, 1)}% dự toán Thành phố giao, bằng {n(hdnd_pct, 1)}% so với chỉ tiêu "
        f"HĐND quận giao, tăng {n(yoy_g, 1)}% so với năm 2023 ({n(rev_prev, 1)} tỷ đồng)."
    )
    r.para(
        f"Trong đó, thu thuế ngoài quốc doanh đạt {n(nqd, 1)} tỷ đồng; riêng số thu từ tiền sử dụng đất đạt "
        f"{n(land, 1)} tỷ đồng. Chi ngân sách địa phương ước thực hiện {n(spend, 1)} tỷ đồng, đạt "
        f"{n(spend_pct, 1)}% dự toán Thành phố giao và bằng {n(spend_q, 1)}% so với kế hoạch quận giao."
    )
    r.para("__ĐVT: Tỷ đồng__", align="right", indent=False, size=11)
    rows = [
        ["Nội dung", "Năm 2023", None, f"Năm {year}", None],
        [None, "Thực hiện", "% so DT", "Ước thực hiện", "% so DT"],
        ["Tổng thu NSNN trên địa bàn", n(rev_prev, 1), n(rev_prev_pct, 1), n(rev, 1), n(att, 1)],
        ["Trong đó: thu thuế ngoài quốc doanh", n(nqd_prev, 1), n(nqd_prev_pct, 1), n(nqd, 1), n(nqd_pct, 1)],
        ["Chi ngân sách địa phương", n(spend_prev, 1), n(spend_prev_pct, 1), n(spend, 1), n(spend_pct, 1)],
        ["Giải ngân vốn đầu tư công", n(disb_prev, 1), n(disb_prev_pct, 1), n(disb_ty, 1), n(disb, 1)],
    ]
    r.grid(
        rows,
        [6.4, 2.6, 2.0, 2.8, 2.0],
        header_rows=2,
        merges=[((0, 0), (1, 0)), ((0, 1), (0, 2)), ((0, 3), (0, 4))],
        align="lrrrr",
        size=11,
        italic_rows=(3,),
    )
    r.head("2. Đầu tư công", indent=True)
    r.para(
        f"Giải ngân vốn đầu tư công ước đạt {n(disb_ty, 1)} tỷ đồng, bằng {n(disb, 1)}% kế hoạch Thành phố "
        f"giao, bằng {n(disb_q, 1)}% kế hoạch quận giao."
    )
    r.head("3. Kết quả thực hiện các chỉ tiêu", indent=True)
    r.para(
        f"Quận hoàn thành {t_met}/{t_all} chỉ tiêu, trong đó {z(t_over)} chỉ tiêu vượt (năm 2023 đạt "
        f"{t_prev}/{t_prev} chỉ tiêu). Toàn quận có {schools_ok}/{schools} trường công lập đạt chuẩn quốc gia. "
        f"Chỉ số cải cách hành chính xếp thứ {rank_par}/30 quận, huyện, thị xã; quận xếp thứ {rank_cluster} "
        "trong Cụm thi đua số 8."
    )
    r.para(
        f"Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {n(admin, 2)}%, trễ hạn {n(late, 2)}% (năm "
        f"2023 đạt {n(admin_prev, 2)}%). Giải quyết việc làm cho {n(jobs)} lao động."
    )
    r.head("4. Kết quả chung của Cụm thi đua số 8", indent=True)
    r.para(
        f"Năm {year}, 6/6 quận trong Cụm hoàn thành vượt dự toán thu ngân sách; tổng thu toàn Cụm đạt "
        f"{n(cluster_rev)} tỷ đồng. Cụm thi đua số 8 phát động {z(mv_cluster)} phong trào thi đua chung; các "
        f"đơn vị trong Cụm đăng ký {models_cluster} mô hình thi đua."
    )
    r.head("II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    r.para(
        f"Triển khai {mv_city} phong trào do Trung ương, Thành phố phát động; UBND quận phát động {z(mv)} phong "
        "trào thi đua thường xuyên và theo chuyên đề."
    )
    r.para(
        f"Công nhận {models} sáng kiến, mô hình, cách làm hay; duy trì hàng trăm mô hình “Dân vận khéo”. Biểu "
        f"dương {exemplars} điển hình tiên tiến, “Người tốt, việc tốt”; được Thành phố biểu dương "
        f"{exemplars_city} cá nhân."
    )
    r.para(
        f"UBND quận khen thưởng {n(kt_tt)} lượt tập thể, {n(kt_cn)} lượt cá nhân, trong đó khen thưởng chuyên "
        f"đề {cd_tt} lượt tập thể, {cd_cn} lượt cá nhân. UBND Thành phố tặng Bằng khen cho {city_bk_tt} tập "
        f"thể, {city_bk_cn} cá nhân. Quận đã đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {up_bk_tt} "
        f"tập thể, {up_bk_cn} cá nhân; đề nghị tặng Cờ thi đua cho {z(up_flag)} tập thể."
    )
    r.head(f"III. PHƯƠNG HƯỚNG NĂM {year + 1}")
    r.para(
        f"Năm {year + 1}: phấn đấu thu ngân sách {n(next_rev)} tỷ đồng; hoàn thành 15/15 chỉ tiêu; phát động "
        f"{z(next_mv)} phong trào thi đua; giải quyết việc làm cho {n(next_jobs)} lao động."
    )
    r.signature(RECIPIENTS_DISTRICT, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Đình Phúc")

    e = Expected(unit, year)
    e.money("budget_revenue_actual", rev, TY)
    e.money("budget_revenue_plan", rev_plan, TY)
    e.pct("budget_revenue_attainment_pct", att)
    e.growth("budget_revenue_yoy_pct", yoy_g)
    e.pct("public_investment_disbursement_pct", disb)
    e.count("targets_met", t_met)
    e.count("targets_total", t_all)
    e.pct("admin_ontime_pct", admin)
    e.count("jobs_created", jobs)
    e.count("movements_launched", mv)
    e.count("models_recognised", models)
    e.count("exemplars_honoured", exemplars)
    e.count("commended_collectives", kt_tt)
    e.count("commended_individuals", kt_cn)
    e.trap(
        f"district stretch target 'HĐND quận giao chỉ tiêu phấn đấu {n(hdnd)} tỷ' and "
        f"'{n(hdnd_pct, 1)}% so với chỉ tiêu HĐND quận giao'"
    )
    e.trap(
        f"previous year: revenue {n(rev_prev, 1)} ({n(rev_prev_pct, 1)}%), 'Năm 2023' table columns, "
        f"'{t_prev}/{t_prev} chỉ tiêu', TTHC {n(admin_prev, 2)}%"
    )
    e.trap(
        f"components: thuế ngoài quốc doanh {n(nqd, 1)}, tiền sử dụng đất {n(land, 1)}; expenditure "
        f"{n(spend, 1)} tỷ, {n(spend_pct, 1)}% / {n(spend_q, 1)}%"
    )
    e.trap(f"disbursement two baselines: {n(disb, 1)}% City (take) vs {n(disb_q, 1)}% quận")
    e.trap(
        f"cluster: '6/6 quận', 'toàn Cụm {n(cluster_rev)} tỷ', Cụm phát động {z(mv_cluster)} phong trào, "
        f"Cụm đăng ký {models_cluster} mô hình; {mv_city} central/city movements"
    )
    e.trap(
        f"ratios/ranks: '{z(t_over)} chỉ tiêu vượt', '{schools_ok}/{schools} trường', 'thứ {rank_par}/30', "
        f"'thứ {rank_cluster} trong Cụm'; late share {n(late, 2)}%"
    )
    e.trap(
        f"'hàng trăm mô hình'; city-level exemplars {exemplars_city}; subset chuyên đề {cd_tt}/{cd_cn}; city "
        f"Bằng khen {city_bk_tt}/{city_bk_cn}; proposals {up_bk_tt}/{up_bk_cn} and {z(up_flag)} Cờ"
    )
    e.trap(f"next year: {n(next_rev)} tỷ, 15/15 chỉ tiêu, {z(next_mv)} phong trào, {n(next_jobs)} lao động")
    return "10-dong-da-2024-nhieu-bay", r, e, dt.datetime(2025, 1, 8, 8, 0), True


# =========================================================================== output checks


def normalise_pdf(path: Path, when: dt.datetime) -> None:
    """Make LibreOffice's output reproducible: fixed CreationDate, /ID and DocChecksum (same lengths)."""
    import hashlib
    import re

    b = path.read_bytes()
    h = hashlib.md5(path.stem.encode()).hexdigest().upper().encode()
    stamp = when.strftime("D:%Y%m%d%H%M%S").encode()
    b2, k1 = re.subn(rb"/CreationDate\(D:\d{14}", b"/CreationDate(" + stamp, b)
    b2, k2 = re.subn(
        rb"/ID \[ <[0-9A-F]{32}>(\s*)<[0-9A-F]{32}> \]",
        lambda m: b"/ID [ <" + h + b">" + m.group(1) + b"<" + h + b"> ]",
        b2,
    )
    b2, _ = re.subn(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + h, b2)
    assert len(b2) == len(b) and k1 == 1 and k2 == 1, path
    path.write_bytes(b2)


MUST_RENDER = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BÁO CÁO",
    "ỦY BAN NHÂN DÂN",
]


def docx_text(path: Path) -> str:
    d = Document(str(path))
    parts = [p.text for p in d.paragraphs]

    def cells(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    parts.extend(p.text for p in c.paragraphs)
                    cells(c.tables)

    cells(d.tables)
    return " ".join(parts)


def verify(built, with_pdf: bool) -> list[str]:
    """Every expected figure's number is visible in the docx (and the PDF), diacritics included."""
    import re
    import unicodedata

    failures = []
    for name, expected, want_pdf in built:
        sources = {"docx": docx_text(OUT / f"{name}.docx")}
        if with_pdf and want_pdf:
            import pdfplumber

            with pdfplumber.open(OUT / f"{name}.pdf") as pdf:
                sources["pdf"] = " ".join(pg.extract_text() or "" for pg in pdf.pages)
                pages = len(pdf.pages)
            if name.startswith("06-") and pages < 6:
                failures.append(f"{name}: only {pages} pages")
        for kind, text in sources.items():
            text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
            for must in MUST_RENDER:
                if must not in text:
                    failures.append(f"{name}.{kind}: missing {must!r}")
            if "\ufffd" in text:
                failures.append(f"{name}.{kind}: replacement characters")
            for code, renderings in expected.shown.items():
                if not any(
                    re.search(r"(?<![\d.,])" + re.escape(s) + r"(?![\d]|[.,]\d)", text) for s in renderings
                ):
                    failures.append(f"{name}.{kind}: {code} not shown as any of {sorted(renderings)}")
    return failures


# =========================================================================== main

REPORTS = [r01, r02, r03, r04, r05, r06, r07, r08, r09, r10]


def main(argv: list[str]) -> int:
    make_pdf = "--no-pdf" not in argv
    to_convert, stamps, built = [], {}, []
    for build in REPORTS:
        name, report, expected, when, want_pdf = build()
        built.append((name, expected, want_pdf))
        docx_path = OUT / f"{name}.docx"
        report.save(docx_path, title=name, author="UBND", when=when)
        (OUT / f"{name}.expected.json").write_text(expected.dump(), encoding="utf-8")
        if want_pdf:
            to_convert.append(docx_path)
            stamps[docx_path] = when
        print(f"wrote {docx_path.name}")
    assert len(to_convert) == 6
    if make_pdf:
        cmd = [
            "soffice",
            f"-env:UserInstallation={LO_PROFILE}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(OUT),
            *map(str, to_convert),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=900)
        for p in to_convert:
            normalise_pdf(p.with_suffix(".pdf"), stamps[p])
            print(f"wrote {p.with_suffix('.pdf').name}")
    failures = verify(built, make_pdf)
    for f in failures:
        print("VERIFY FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
