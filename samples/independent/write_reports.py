"""Independent sample reports for thidua (second author).

Run:  /tmp/venv/bin/python samples/independent/write_reports.py

Writes, next to this script, about ten Vietnamese annual reports (``NAME.docx``; for some also
``NAME.pdf`` rendered by LibreOffice) and ``NAME.expected.json`` beside each.  Every figure that
appears in a report's text is rendered from the same Python variable that feeds the expected file,
so text and expectation cannot drift apart.  The wording is deliberately the author's own (not the
phrasings of the domain brief and not the main sample generator's).

Output is deterministic: fixed document properties and fixed zip timestamps in the .docx files
(the PDFs carry LibreOffice's own creation date, their text is deterministic).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent
FONT = "Liberation Serif"
TY = 10**9
LO_PROFILE = "file:///tmp/lo-indep-profile"

# --------------------------------------------------------------------------------------------
# number rendering (Vietnamese: "." thousands, "," decimals)
# --------------------------------------------------------------------------------------------


def q(x, nd: int) -> D:
    """Round half-up to ``nd`` decimals."""
    return D(x).quantize(D(1).scaleb(-nd), rounding=ROUND_HALF_UP)


def vn(x, nd: int | None = None) -> str:
    """Vietnamese rendering of a number: 13185.7 -> '13.185,7'; 1146 -> '1.146'."""
    d = D(x) if nd is None else q(x, nd)
    s = format(d, "f")
    neg = s.startswith("-")
    s = s.lstrip("-")
    ip, _, fp = s.partition(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ".".join(groups) + ("," + fp if fp else "")
    return ("-" if neg else "") + out


def z2(n: int) -> str:
    """Leading-zero count: 5 -> '05'."""
    return f"{n:02d}"


WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}


def ratio(a, b, nd: int) -> D:
    """a / b in percent, rounded to nd decimals."""
    return q(D(a) / D(b) * 100, nd)


def money(ty) -> int:
    """tỷ đồng -> VND integer."""
    return int((D(ty) * TY).to_integral_value(rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------------------------
# expected-figures file
# --------------------------------------------------------------------------------------------


@dataclass
class Expected:
    unit: str
    year: int
    figures: dict = field(default_factory=dict)
    traps: list = field(default_factory=list)
    #: strings that must be visible in the rendered PDF (checked after conversion)
    shown: list = field(default_factory=list)

    def _add(self, code, value, shown, flags=(), as_of=None, derived=False):
        if code in self.figures:
            raise ValueError(f"{code} given twice")
        fig = {"value": value, "flags": list(flags)}
        if as_of:
            fig["as_of"] = as_of
        if derived:
            fig["derived"] = True
        self.figures[code] = fig
        if shown:
            self.shown.append(shown)

    def money(self, code, ty, **kw):
        self._add(code, money(ty), kw.pop("shown", vn(ty)), **kw)

    def pct(self, code, p, **kw):
        self._add(code, float(p), kw.pop("shown", vn(p)), **kw)

    def count(self, code, n, **kw):
        shown = kw.pop("shown", vn(n))
        self._add(code, int(n), shown, **kw)
        # counts carry no flags in these samples; keep the README's compact form
        if not self.figures[code]["flags"]:
            del self.figures[code]["flags"]

    def trap(self, text):
        self.traps.append(text)

    def json(self) -> str:
        data = {"unit": self.unit, "year": self.year, "figures": self.figures, "traps": self.traps}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# docx writing helpers
# --------------------------------------------------------------------------------------------


def _set_run_fonts(rpr_parent, name=FONT):
    rpr = rpr_parent.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]


class Report:
    """A thin layer over python-docx with the conventions of a Vietnamese administrative report."""

    def __init__(self, *, nfd: bool = False, size: float = 14, line: float = 1.15):
        self.nfd = nfd
        self.size = size
        self.doc = Document()
        d = self.doc
        cp = d.core_properties
        cp.author = "Văn phòng HĐND và UBND"
        cp.last_modified_by = "Văn phòng HĐND và UBND"
        cp.created = datetime(2024, 1, 1, 8, 0, 0)
        cp.modified = datetime(2024, 1, 1, 8, 0, 0)
        cp.revision = 1
        cp.title = ""
        sec = d.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        normal = d.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(size)
        _set_run_fonts(normal.element)
        pf = normal.paragraph_format
        pf.space_after = Pt(6)
        pf.space_before = Pt(0)
        pf.line_spacing = line
        # document defaults too, so that table styles do not fall back to theme fonts
        rpr_default = d.styles.element.find(qn("w:docDefaults"))
        if rpr_default is not None:
            for rfonts in rpr_default.iter(qn("w:rFonts")):
                for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                    rfonts.set(qn(attr), FONT)
                for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    if rfonts.get(qn(attr)) is not None:
                        del rfonts.attrib[qn(attr)]

    # text ------------------------------------------------------------------------------------
    def t(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if self.nfd else unicodedata.normalize("NFC", text)

    def _run(self, par, text, bold=False, italic=False, size=None):
        r = par.add_run(self.t(text))
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
        return r

    def p(
        self,
        text="",
        *,
        bold=False,
        italic=False,
        align="justify",
        indent=True,
        size=None,
        after=6,
        before=0,
        keep=False,
    ):
        """A paragraph; ``text`` may be a str or a list of (str, 'b'|'i'|'bi'|'') segments."""
        par = self.doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        if indent:
            fmt.first_line_indent = Cm(1.0)
        fmt.space_after = Pt(after)
        fmt.space_before = Pt(before)
        if keep:
            fmt.keep_with_next = True
        segs = text if isinstance(text, list) else [(text, ("b" if bold else "") + ("i" if italic else ""))]
        for seg, st in segs:
            self._run(par, seg, bold="b" in st, italic="i" in st, size=size)
        return par

    def h(self, text, *, align="left", indent=False, before=6):
        """A heading line (bold, its own paragraph, kept with the next)."""
        return self.p(text, bold=True, align=align, indent=indent, before=before, keep=True)

    def hi(self, text):
        """A bold-italic sub-heading."""
        return self.p(text, bold=True, italic=True, align="left", indent=True, keep=True)

    def b(self, text, mark="-"):
        """A bullet written the way Vietnamese offices type it: '- ' or '+ ' at the start."""
        if isinstance(text, list):
            return self.p([(mark + " ", ""), *text])
        return self.p(f"{mark} {text}")

    def page_break(self):
        from docx.enum.text import WD_BREAK

        par = self.doc.add_paragraph()
        par.add_run().add_break(WD_BREAK.PAGE)

    # blocks ----------------------------------------------------------------------------------
    def header_table(self, issuer: list[str], number: str, place_date: str):
        """The usual two-column header: issuer + number | motto + place, date (borderless)."""
        tbl = self.doc.add_table(rows=1, cols=2)
        tbl.autofit = False
        widths = (Cm(7.6), Cm(9.9))
        # as in many real documents the header table is a little wider than the text block
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(-Cm(0.5).twips))
        ind.set(qn("w:type"), "dxa")
        tblpr = tbl._tbl.tblPr
        anchor = tblpr.find(qn("w:tblLayout"))
        if anchor is None:
            anchor = tblpr.find(qn("w:tblLook"))
        anchor.addprevious(ind)  # schema order: … tblW, jc, tblInd, tblBorders, tblLayout, … tblLook
        for i, w in enumerate(widths):
            tbl.columns[i].width = w
            tbl.rows[0].cells[i].width = w
        left, right = tbl.rows[0].cells
        self._cell_lines(left, [(s, "b") for s in issuer] + [("———", ""), (number, "")], size=12)
        self._cell_lines(
            right,
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"),
                ("Độc lập - Tự do - Hạnh phúc", "b"),
                ("———————", ""),
                (place_date, "i"),
            ],
            size=12,
        )
        self.p("", after=0)

    def header_paragraphs(self, issuer: str, number: str, place_date: str):
        """Header set with tab stops instead of a table (for the report that must have no tables)."""
        lines = [
            ([("\t" + issuer, "b"), ("\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b")]),
            ([("\t" + number, ""), ("\tĐộc lập - Tự do - Hạnh phúc", "b")]),
            ([("\t\t" + place_date, "i")]),
        ]
        for segs in lines:
            par = self.p(segs, align="left", indent=False, size=12, after=2)
            stops = par.paragraph_format.tab_stops
            stops.add_tab_stop(Cm(3.3), WD_TAB_ALIGNMENT.CENTER)
            stops.add_tab_stop(Cm(11.6), WD_TAB_ALIGNMENT.CENTER)
        self.p("", after=0)

    def title(self, lines: list[str]):
        self.p(lines[0], bold=True, align="center", indent=False, after=0, before=6)
        for ln in lines[1:]:
            self.p(ln, bold=True, align="center", indent=False, after=0)
        self.p("———————", align="center", indent=False, after=6)

    def signature(self, recipients: list[str], org: str, role: list[str], name: str):
        tbl = self.doc.add_table(rows=1, cols=2)
        tbl.autofit = False
        for i, w in enumerate((Cm(8.0), Cm(8.5))):
            tbl.columns[i].width = w
            tbl.rows[0].cells[i].width = w
        left, right = tbl.rows[0].cells
        self._cell_lines(
            left,
            [("Nơi nhận:", "bi")]
            + [("- " + r + ";", "") for r in recipients[:-1]]
            + [("- " + recipients[-1] + ".", "")],
            size=11,
            align="left",
        )
        self._cell_lines(
            right,
            [(org, "b")] + [(r, "b") for r in role] + [("", ""), ("(Đã ký)", "i"), ("", ""), (name, "b")],
            size=13,
        )

    def _cell_lines(self, cell, lines, size=12, align="center", bold_all=False):
        first = True
        for text, st in lines:
            par = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            par.paragraph_format.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER
                if align == "center"
                else WD_ALIGN_PARAGRAPH.RIGHT
                if align == "right"
                else WD_ALIGN_PARAGRAPH.LEFT
            )
            par.paragraph_format.space_after = Pt(0)
            par.paragraph_format.first_line_indent = None
            par.paragraph_format.line_spacing = 1.0
            if text:
                self._run(par, text, bold=("b" in st) or bold_all, italic="i" in st, size=size)

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        *,
        header_rows=1,
        merges=(),
        bold_rows=(),
        italic_rows=(),
        size=12,
        align_cols=None,
    ):
        """A bordered table. ``merges`` = [(r1, c1, r2, c2)]; the text of the top-left cell is kept."""
        ncol = len(widths)
        tbl = self.doc.add_table(rows=len(rows), cols=ncol)
        tbl.style = self.doc.styles["Table Grid"]
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False
        for i, w in enumerate(widths):
            tbl.columns[i].width = Cm(w)
        for r, row in enumerate(rows):
            assert len(row) == ncol, (row, ncol)
            for c, text in enumerate(row):
                cell = tbl.cell(r, c)
                cell.width = Cm(widths[c])
                if r < header_rows:
                    al = "center"
                elif align_cols:
                    al = align_cols[c]
                else:
                    al = "left" if c == 1 else "center"
                lines = [
                    (
                        ln,
                        ("b" if (r < header_rows or r in bold_rows) else "")
                        + ("i" if r in italic_rows else ""),
                    )
                    for ln in text.split("\n")
                ]
                self._cell_lines(cell, lines, size=size, align=al)
        for r1, c1, r2, c2 in merges:
            a, b = tbl.cell(r1, c1), tbl.cell(r2, c2)
            a.merge(b)
        # never split a row across pages; repeat header rows on each page
        for row in tbl.rows:
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(el)
        for r in range(header_rows):
            trpr = tbl.rows[r]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            trpr.append(el)
        return tbl

    def unit_line(self, text):
        """The 'ĐVT: tỷ đồng' line that sits above a table, right-aligned in italics."""
        self.p(text, italic=True, align="right", indent=False, after=2, keep=True)

    def footer_page_numbers(self):
        sec = self.doc.sections[0]
        par = sec.footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = par.add_run()
        for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)
        run.font.size = Pt(11)

    def landscape_section(self):
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        sec.left_margin, sec.right_margin = Cm(2), Cm(2)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(1.5)

    def save(self, path: Path):
        buf = io.BytesIO()
        self.doc.save(buf)
        # rewrite the zip with fixed timestamps so that the .docx bytes are reproducible
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                dst.writestr(zi, src.read(info.filename))


# Hoisted shared facts (the same cluster-wide total appears in two reports of 2023)
CLUSTER8_REVENUE_2023 = D("62318.4")  # tỷ đồng, six districts together — never a unit value
CLUSTER_UNITS = 6


# ============================================================================================
# 1. Prose-only report — Hoàn Kiếm 2021
# ============================================================================================


def r01_prose_hoan_kiem_2021():
    E = Expected("hoan-kiem", 2021)
    plan = D(8976)
    att = D("146.9")
    rev = q(plan * att / 100, 1)  # 13.185,7
    yoy = D("118.6")  # "tăng 18,6%"
    tax_part = D("11402.6")  # component
    inv_amt, inv_pct, inv_pct_d = D("402.516"), D("231.4"), D("91.2")
    met, tot, exceeded = 16, 17, 9
    dossiers, ontime = 68412, D("99.87")
    late = 100 - ontime
    jobs, jobs_pct = 4215, D("105.4")
    city_mov, mov_reg, mov_them = 14, 2, 5
    models, exemplars, city_ex = 126, 418, 27
    coll, ind, covid_c, covid_i = 1146, 1482, 312, 587
    city_flag, city_bk_c, city_bk_i, pm_c = 3, 24, 38, 2
    next_rev, next_tot = D(11420), 18
    wards = 18

    R = Report()
    R.header_paragraphs("UBND QUẬN HOÀN KIẾM", "Số: 412/BC-UBND", "Hoàn Kiếm, ngày 14 tháng 12 năm 2021")
    R.title(
        ["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2021", "và phương hướng, nhiệm vụ năm 2022"]
    )
    R.p(
        "Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; thực hiện hướng dẫn của "
        "Ban Thi đua – Khen thưởng Thành phố về việc tổng kết công tác thi đua, khen thưởng cuối năm, "
        "Ủy ban nhân dân quận Hoàn Kiếm báo cáo kết quả đạt được trong năm 2021 như sau:"
    )

    R.h("Phần thứ nhất")
    R.h("KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021", before=0)
    R.h("I. BỐI CẢNH CHUNG")
    R.p(
        "Năm 2021 diễn ra trong bối cảnh dịch bệnh Covid-19 liên tiếp bùng phát trở lại, tác động trực "
        "tiếp và nặng nề đến các hoạt động thương mại, dịch vụ, du lịch – vốn là những lĩnh vực thế mạnh "
        "của quận trung tâm Thủ đô. Dưới sự lãnh đạo sát sao của Quận ủy, sự giám sát của Hội đồng nhân "
        "dân quận, sự điều hành linh hoạt, quyết liệt của Ủy ban nhân dân quận và sự đồng thuận của Nhân "
        "dân, các phong trào thi đua yêu nước được tổ chức gắn chặt với nhiệm vụ vừa phòng, chống dịch "
        "bệnh, vừa phục hồi và phát triển kinh tế - xã hội, bảo đảm an sinh xã hội trên địa bàn."
    )

    R.h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    R.p(
        f"Vượt qua muôn vàn khó khăn do dịch bệnh, kết quả thu ngân sách trên địa bàn quận năm 2021 ước "
        f"đạt {vn(rev)} tỷ đồng, vượt xa mức dự toán {vn(plan)} tỷ đồng mà Thành phố giao từ đầu năm "
        f"(đạt {vn(att)}% dự toán), đồng thời tăng {vn(yoy - 100)}% so với số thực hiện của năm 2020; "
        f"trong đó số thu từ thuế, phí và lệ phí chiếm phần lớn với {vn(tax_part)} tỷ đồng, phản ánh hiệu "
        f"quả của phong trào thi đua hoàn thành nhiệm vụ thu ngân sách mà quận phát động ngay từ tháng "
        f"Giêng."
    )
    E.money("budget_revenue_actual", rev)
    E.money("budget_revenue_plan", plan)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", yoy, shown=vn(yoy - 100))
    E.trap(f"component 'trong đó số thu từ thuế, phí và lệ phí … {vn(tax_part)} tỷ đồng'")
    R.p(
        f"Công tác giải ngân vốn đầu tư công được tập trung chỉ đạo quyết liệt: đến hết năm, toàn quận "
        f"giải ngân được {vn(inv_amt)} tỷ đồng, tương đương {vn(inv_pct)}% kế hoạch vốn Thành phố giao "
        f"và {vn(inv_pct_d)}% kế hoạch vốn quận giao, qua đó nhiều công trình trường học, tuyến phố, "
        f"hạ tầng ngõ ngách được hoàn thành và đưa vào sử dụng đúng tiến độ."
    )
    E.pct("public_investment_disbursement_pct", inv_pct)
    E.trap(
        f"second baseline 'và {vn(inv_pct_d)}% kế hoạch vốn quận giao'; money with decimal comma "
        f"'{vn(inv_amt)} tỷ đồng' (402 tỷ, not 402 516 tỷ)"
    )
    R.p(
        f"Với sự nỗ lực của cả hệ thống chính trị, quận đã hoàn thành {met}/{tot} chỉ tiêu kinh tế - xã "
        f"hội chủ yếu mà Nghị quyết của Hội đồng nhân dân quận đề ra, trong số đó có {exceeded} chỉ tiêu "
        f"hoàn thành vượt mức; riêng chỉ tiêu tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
        f"chưa đạt do các hoạt động kinh doanh phải tạm dừng trong thời gian giãn cách xã hội."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot, shown=f"{met}/{tot}")
    E.trap(f"'{exceeded} chỉ tiêu hoàn thành vượt mức' (only the exceeded ones)")
    R.p(
        f"Cải cách hành chính tiếp tục có chuyển biến rõ nét; bộ phận tiếp nhận và trả kết quả của quận "
        f"và {wards} phường đã tiếp nhận {vn(dossiers)} hồ sơ, trong đó {vn(ontime)}% được giải quyết đúng "
        f"và trước hạn, số hồ sơ quá hạn chỉ chiếm {vn(late)}%, chủ yếu thuộc lĩnh vực đất đai, xây dựng "
        f"có liên quan đến nhiều cơ quan."
    )
    E.pct("admin_ontime_pct", ontime)
    E.trap(f"late share 'quá hạn chỉ chiếm {vn(late)}%'")
    R.p(
        f"Trong lĩnh vực lao động và an sinh xã hội, quận đã phối hợp tổ chức nhiều phiên giao dịch việc "
        f"làm trực tuyến, qua đó giải quyết việc làm mới cho {vn(jobs)} lao động, đạt {vn(jobs_pct)}% kế "
        f"hoạch năm, đồng thời chi trả kịp thời các khoản hỗ trợ cho người lao động, hộ kinh doanh gặp khó "
        f"khăn do đại dịch theo đúng chính sách của Chính phủ và Thành phố."
    )
    E.count("jobs_created", jobs)

    R.h("III. CÔNG TÁC TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    R.p(
        f"Bên cạnh việc cụ thể hóa và hưởng ứng {city_mov} phong trào thi đua do Trung ương, Thành phố "
        f"phát động, trong năm Ủy ban nhân dân quận đã chủ động phát động {z2(mov_reg)} phong trào thi đua "
        f"thường xuyên và {z2(mov_them)} phong trào thi đua theo chuyên đề, tiêu biểu là phong trào "
        f"“Chung sức phòng, chống dịch Covid-19”, phong trào thi đua hoàn thành nhiệm vụ thu ngân sách "
        f"và phong trào “Hoàn Kiếm chung tay xây dựng nếp sống văn minh đô thị”."
    )
    E.count("movements_launched", mov_reg + mov_them, shown=z2(mov_them))
    E.trap(
        f"'hưởng ứng {city_mov} phong trào thi đua do Trung ương, Thành phố phát động' (implemented, not launched)"
    )
    R.p(
        f"{models} mô hình, cách làm hay, sáng kiến đã được ghi nhận và nhân rộng trong các cơ quan, đơn "
        f"vị và cộng đồng dân cư qua các phong trào thi đua; Hội đồng Thi đua – Khen thưởng quận đã lựa "
        f"chọn, biểu dương {exemplars} gương điển hình tiên tiến, “Người tốt, việc tốt” trên các lĩnh vực, "
        f"trong số đó có {city_ex} cá nhân tiêu biểu tiếp tục được Thành phố tuyên dương."
    )
    E.count("models_recognised", models)
    E.count("exemplars_honoured", exemplars)
    E.trap(f"city-level exemplars '{city_ex} cá nhân … được Thành phố tuyên dương'")

    R.h("IV. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        f"{vn(coll)} lượt tập thể và {vn(ind)} lượt cá nhân là số được Chủ tịch Ủy ban nhân dân quận tặng "
        f"Giấy khen trong năm 2021, bao gồm khen thưởng tổng kết năm, khen thưởng theo chuyên đề và khen "
        f"thưởng đột xuất; riêng khen thưởng thành tích trong phòng, chống dịch Covid-19 là {covid_c} tập "
        f"thể và {covid_i} cá nhân."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(f"subset 'riêng khen thưởng … Covid-19 là {covid_c} tập thể và {covid_i} cá nhân'")
    R.p(
        f"Cùng với đó, quận đã đề nghị cấp trên khen thưởng nhiều tập thể, cá nhân có thành tích xuất sắc: "
        f"Ủy ban nhân dân Thành phố tặng Cờ thi đua cho {z2(city_flag)} tập thể và Bằng khen cho "
        f"{city_bk_c} tập thể, {city_bk_i} cá nhân; Thủ tướng Chính phủ tặng Bằng khen cho {z2(pm_c)} tập "
        f"thể. Công tác khen thưởng bảo đảm đúng đối tượng, đúng quy trình, công khai, minh bạch, chú trọng "
        f"khen thưởng người lao động trực tiếp và các lực lượng tuyến đầu chống dịch."
    )
    E.trap(
        f"City/State awards 'Cờ thi đua cho {z2(city_flag)} tập thể', 'Bằng khen cho {city_bk_c} tập thể, "
        f"{city_bk_i} cá nhân', 'Thủ tướng … {z2(pm_c)} tập thể'"
    )

    R.h("V. ĐÁNH GIÁ CHUNG")
    R.p(
        "Công tác thi đua, khen thưởng năm 2021 của quận tiếp tục được các cấp ủy, chính quyền quan tâm "
        "lãnh đạo, chỉ đạo; các phong trào thi đua được phát động với nội dung thiết thực, gắn với nhiệm "
        "vụ chính trị của từng cơ quan, đơn vị, tạo động lực để quận hoàn thành thắng lợi nhiệm vụ năm. Tuy "
        "nhiên, ở một số đơn vị việc sơ kết, tổng kết phong trào còn chậm, việc phát hiện, nhân rộng điển "
        "hình tiên tiến trong đội ngũ người lao động trực tiếp có lúc chưa kịp thời."
    )

    R.h("Phần thứ hai")
    R.h("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", before=0)
    R.p(
        f"Năm 2022, quận phấn đấu thu ngân sách trên địa bàn đạt {vn(next_rev)} tỷ đồng và hoàn thành "
        f"toàn bộ {next_tot} chỉ tiêu chủ yếu; tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào "
        f"thi đua, gắn với việc thực hiện Nghị quyết Đại hội Đảng bộ quận lần thứ XXVI; nâng cao chất "
        f"lượng công tác khen thưởng, kịp thời biểu dương các tập thể, cá nhân có thành tích xuất sắc."
    )
    E.trap(
        f"next-year target 'năm 2022 … phấn đấu thu ngân sách … {vn(next_rev)} tỷ đồng', "
        f"'{next_tot} chỉ tiêu chủ yếu'"
    )
    R.p(
        "Trên đây là báo cáo kết quả công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm "
        "2022 của Ủy ban nhân dân quận Hoàn Kiếm./."
    )
    R.p(
        "Nơi nhận: Ban Thi đua – Khen thưởng Thành phố; Cụm thi đua số 8; Thường trực Quận ủy; Thường "
        "trực HĐND quận; lưu VT.",
        italic=True,
        indent=False,
        size=11,
    )
    R.p("TM. ỦY BAN NHÂN DÂN", bold=True, align="right", indent=False, after=0)
    R.p("CHỦ TỊCH", bold=True, align="right", indent=False, after=36)
    R.p("Nguyễn Minh Hòa", bold=True, align="right", indent=False)
    return "r01_prose_hoan_kiem_2021", R, E, True


# ============================================================================================
# 2. Table-only report — Đống Đa 2022
# ============================================================================================


def r02_tables_dong_da_2022():
    E = Expected("dong-da", 2022)
    rev_plan, rev = D(11640), D("13052.8")
    rev_pct = ratio(rev, rev_plan, 2)
    inv_plan, inv = D("612.4"), D("587.9")
    inv_pct = ratio(inv, inv_plan, 2)
    tthc_plan, tthc = D(98), D("99.64")
    tthc_pct = ratio(tthc, tthc_plan, 2)
    jobs_plan, jobs = 5000, 5318
    jobs_pct = ratio(jobs, jobs_plan, 2)
    bhyt_plan, bhyt = D(93), D("93.5")
    sch_plan, sch = 41, 42
    poor_plan, poor = 60, 64
    met, tot = 17, 18
    mov_reg, mov_them, mov_city = 2, 9, 12
    models, exemplars, city_ex = 84, 365, 21
    # commendation table (collectives, individuals); None = not applicable
    state = [("Huân chương Lao động hạng Ba", 1, 2), ("Bằng khen của Thủ tướng Chính phủ", 3, 5)]
    city = [
        ("Cờ thi đua của UBND Thành phố", 2, None),
        ("Bằng khen của Chủ tịch UBND Thành phố", 26, 41),
        ("Danh hiệu Tập thể lao động xuất sắc", 14, None),
        ("Danh hiệu Chiến sĩ thi đua Thành phố", None, 9),
    ]
    district = [
        ("Giấy khen của Chủ tịch UBND quận", 812, 1095),
        ("Danh hiệu Tập thể lao động tiên tiến", 236, None),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", None, 168),
    ]

    def tot_(rows, k):
        return sum((r[k] or 0) for r in rows)

    R = Report()
    R.header_table(["UBND QUẬN ĐỐNG ĐA"], "Số: 596/BC-UBND", "Đống Đa, ngày 20 tháng 12 năm 2022")
    R.title(["BÁO CÁO", "Tổng kết phong trào thi đua yêu nước và công tác khen thưởng năm 2022"])
    R.p(
        "Thực hiện hướng dẫn của Hội đồng Thi đua – Khen thưởng Thành phố về việc tổng kết công tác thi "
        "đua, khen thưởng năm 2022, Ủy ban nhân dân quận Đống Đa báo cáo như sau:"
    )
    R.h("I. ĐẶC ĐIỂM TÌNH HÌNH")
    R.p(
        "Năm 2022 là năm đầu tiên quận thực hiện mục tiêu kép trong trạng thái bình thường mới, vừa thích "
        "ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch bệnh, vừa tập trung phục hồi, phát triển kinh tế - "
        "xã hội. Ngay từ đầu năm, Ủy ban nhân dân quận đã ban hành kế hoạch tổ chức các phong trào thi đua, "
        "chỉ đạo các phòng, ban, đơn vị và các phường đăng ký giao ước thi đua, xây dựng chương trình hành "
        "động cụ thể, gắn trách nhiệm người đứng đầu với kết quả thực hiện nhiệm vụ được giao."
    )
    R.h("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI")
    R.p(
        "Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2022 được thực hiện đồng bộ, nhiều chỉ tiêu hoàn thành "
        "vượt kế hoạch; công tác thu ngân sách tiếp tục là điểm sáng của quận. Kết quả cụ thể như biểu "
        "dưới đây."
    )
    R.p(
        "Biểu 01. Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2022",
        bold=True,
        align="center",
        indent=False,
        keep=True,
    )
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ so với kế hoạch (%)"],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn (dự toán Thành phố giao)",
            "Tỷ đồng",
            vn(rev_plan),
            vn(rev),
            vn(rev_pct),
        ],
        [
            "2",
            "Giải ngân vốn đầu tư công (kế hoạch vốn Thành phố giao)",
            "Tỷ đồng",
            vn(inv_plan),
            vn(inv),
            vn(inv_pct),
        ],
        [
            "3",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            vn(tthc_plan),
            vn(tthc),
            vn(tthc_pct),
        ],
        ["4", "Số lao động được giải quyết việc làm", "Người", vn(jobs_plan), vn(jobs), vn(jobs_pct)],
        [
            "5",
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            vn(bhyt_plan),
            vn(bhyt),
            vn(ratio(bhyt, bhyt_plan, 2)),
        ],
        [
            "6",
            "Trường công lập đạt chuẩn quốc gia (lũy kế)",
            "Trường",
            str(sch_plan),
            str(sch),
            vn(ratio(sch, sch_plan, 2)),
        ],
        [
            "7",
            "Số hộ nghèo, cận nghèo thoát nghèo",
            "Hộ",
            str(poor_plan),
            str(poor),
            vn(ratio(poor, poor_plan, 2)),
        ],
    ]
    R.table(rows, [1.3, 5.8, 2.0, 2.3, 2.3, 2.8], size=11.5)
    E.money("budget_revenue_actual", rev)
    E.money("budget_revenue_plan", rev_plan)
    E.pct("budget_revenue_attainment_pct", rev_pct)
    E.pct("public_investment_disbursement_pct", inv_pct)
    E.pct("admin_ontime_pct", tthc)
    E.count("jobs_created", jobs)
    E.trap(f"ratio column of the TTHC row '{vn(tthc_pct)}' is not the on-time rate; plan '{vn(tthc_plan)}'")
    E.trap(f"'{sch}' schools, '{vn(bhyt)}' % BHYT, '{poor}' households: not indicators; plan column values")
    R.p("", after=2)
    R.table(
        [
            ["Nội dung", "Kết quả"],
            [
                "Số chỉ tiêu đạt và vượt / tổng số chỉ tiêu kinh tế - xã hội được giao năm 2022",
                f"{met}/{tot} chỉ tiêu",
            ],
        ],
        [11.0, 5.0],
        size=11.5,
        align_cols=["left", "center"],
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)

    R.h("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    R.p(
        "Ủy ban nhân dân quận đã phát động các phong trào thi đua thường xuyên và theo chuyên đề, đồng thời "
        "cụ thể hóa các phong trào do Trung ương, Thành phố phát động; công tác phát hiện, bồi dưỡng, nhân "
        "rộng điển hình tiên tiến được chú trọng. Số liệu tổng hợp tại Biểu 02."
    )
    R.p(
        "Biểu 02. Kết quả tổ chức phong trào thi đua, nhân rộng điển hình năm 2022",
        bold=True,
        align="center",
        indent=False,
        keep=True,
    )
    rows2 = [
        ["STT", "Nội dung", "Số lượng", "Ghi chú"],
        ["1", "Phong trào thi đua thường xuyên do UBND quận phát động", z2(mov_reg), ""],
        ["2", "Phong trào thi đua theo chuyên đề, theo đợt do UBND quận phát động", z2(mov_them), ""],
        ["", "Cộng phong trào do quận phát động", z2(mov_reg + mov_them), ""],
        [
            "3",
            "Phong trào do Trung ương, Thành phố phát động được quận triển khai, hưởng ứng",
            str(mov_city),
            "Không tính vào số phong trào quận phát động",
        ],
        ["4", "Mô hình, cách làm hay, sáng kiến được công nhận, nhân rộng", str(models), ""],
        ["5", "Điển hình tiên tiến, gương “Người tốt, việc tốt” được quận biểu dương", str(exemplars), ""],
        ["6", "Cá nhân tiêu biểu được Thành phố biểu dương", str(city_ex), "Cấp Thành phố"],
    ]
    R.table(rows2, [1.3, 8.8, 2.2, 4.2], bold_rows=(3,), size=11.5)
    E.count("movements_launched", mov_reg + mov_them, shown=z2(mov_reg + mov_them))
    E.count("models_recognised", models)
    E.count("exemplars_honoured", exemplars)
    E.trap(f"'{mov_city}' city/central movements implemented; '{city_ex}' exemplars honoured by the City")

    R.h("IV. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        "Công tác khen thưởng được thực hiện kịp thời, đúng quy định; quận đã trình cấp trên khen thưởng "
        "các tập thể, cá nhân tiêu biểu và thực hiện khen thưởng theo thẩm quyền. Kết quả tại Biểu 03."
    )
    R.p("Biểu 03. Thống kê kết quả khen thưởng năm 2022", bold=True, align="center", indent=False, keep=True)

    def cell(v):
        return "-" if v is None else vn(v)

    rows3 = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    bold = []
    for roman, label, group in (
        ("I", "Cấp Nhà nước", state),
        ("II", "Cấp Thành phố", city),
        ("III", "Cấp quận (Chủ tịch UBND quận)", district),
    ):
        bold.append(len(rows3))
        rows3.append([roman, label, vn(tot_(group, 1)), vn(tot_(group, 2)), "Cộng"])
        for i, (name, c, n) in enumerate(group, 1):
            rows3.append([str(i), name, cell(c), cell(n), ""])
    allc = tot_(state, 1) + tot_(city, 1) + tot_(district, 1)
    alli = tot_(state, 2) + tot_(city, 2) + tot_(district, 2)
    bold.append(len(rows3))
    rows3.append(["", "Tổng cộng", vn(allc), vn(alli), ""])
    R.table(rows3, [1.3, 8.2, 2.2, 2.2, 2.6], bold_rows=tuple(bold), size=11.5)
    E.count("commended_collectives", tot_(district, 1))
    E.count("commended_individuals", tot_(district, 2))
    E.trap(
        f"grand total 'Tổng cộng {vn(allc)} / {vn(alli)}' and City/State rows are not unit commendations; "
        f"the district subtotal (row III) is, while the Giấy khen row alone ({vn(district[0][1])}/"
        f"{vn(district[0][2])}) is only part of it"
    )

    R.h("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023")
    R.p(
        "Tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua theo hướng thiết thực, hiệu "
        "quả, tránh hình thức; gắn phong trào thi đua với thực hiện nhiệm vụ chính trị, với công tác cải "
        "cách hành chính và chuyển đổi số; nâng cao chất lượng thẩm định hồ sơ khen thưởng, chú trọng khen "
        "thưởng người trực tiếp lao động, sản xuất, công tác."
    )
    R.p(
        "Trên đây là báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng năm 2022 của Ủy "
        "ban nhân dân quận Đống Đa./."
    )
    R.signature(
        [
            "Ban Thi đua – Khen thưởng Thành phố",
            "Cụm trưởng Cụm thi đua số 8",
            "Thường trực Quận ủy, HĐND quận",
            "Lưu: VT, Phòng Nội vụ",
        ],
        "TM. ỦY BAN NHÂN DÂN",
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Trần Thị Thu Hằng",
    )
    return "r02_tables_dong_da_2022", R, E, True


# ============================================================================================
# 3. Long report with a Phụ lục — Hai Bà Trưng 2023
# ============================================================================================

HBT_WARDS = [
    "Bạch Đằng",
    "Bách Khoa",
    "Bạch Mai",
    "Bùi Thị Xuân",
    "Cầu Dền",
    "Đống Mác",
    "Đồng Nhân",
    "Đồng Tâm",
    "Lê Đại Hành",
    "Minh Khai",
    "Nguyễn Du",
    "Phạm Đình Hổ",
    "Phố Huế",
    "Quỳnh Mai",
    "Thanh Lương",
    "Thanh Nhàn",
    "Trương Định",
    "Vĩnh Tuy",
]


def r03_long_hai_ba_trung_2023():
    E = Expected("hai-ba-trung", 2023)
    plan = D(12090)
    over = D("6.3")  # "vượt 6,3% dự toán"
    att = 100 + over
    rev = q(plan * att / 100, 2)  # 12.851,67
    att_tbl = ratio(rev, plan, 2)  # 106,30 in the appendix
    yoy = D("109.8")  # "bằng 109,8% cùng kỳ"
    spend, spend_pct = D("3418.7"), D("92.4")
    inv_amt, inv_pct = D("684.35"), D("98.6")
    met, tot, missed_pct = 20, 21, D("96.5")
    ontime, online_pct = D("99.71"), D("87.3")
    jobs, jobs_plan = 6084, 5800
    mov_reg, mov_them, mov_city, mov_cluster = 1, 3, 13, 2
    models, exemplars, city_ex = 152, 396, 24
    schools_ok, schools_all = 46, 58
    rank, rank_of = 9, 30
    next_rev, next_tot = D(13650), 22
    # appendix commendation statistics
    state = [
        ("Huân chương Lao động hạng Nhì", 1, None),
        ("Huân chương Lao động hạng Ba", 2, 1),
        ("Bằng khen của Thủ tướng Chính phủ", 4, 6),
    ]
    city = [
        ("Cờ thi đua của UBND Thành phố", 3, None),
        ("Bằng khen của Chủ tịch UBND Thành phố", 31, 47),
        ("Tập thể lao động xuất sắc", 19, None),
        ("Chiến sĩ thi đua Thành phố", None, 11),
        ("Danh hiệu “Người tốt, việc tốt” cấp Thành phố", None, city_ex),
    ]
    district = [
        ("Giấy khen của Chủ tịch UBND quận", 874, 1132),
        ("Tập thể lao động tiên tiến", 205, None),
        ("Chiến sĩ thi đua cơ sở", None, 176),
    ]

    def tot_(rows, k):
        return sum((r[k] or 0) for r in rows)

    coll, ind = tot_(district, 1), tot_(district, 2)

    R = Report(line=1.3)
    R.footer_page_numbers()
    R.header_table(["UBND QUẬN HAI BÀ TRƯNG"], "Số: 731/BC-UBND", "Hai Bà Trưng, ngày 26 tháng 12 năm 2023")
    R.title(
        [
            "BÁO CÁO",
            "Tổng kết công tác thi đua, khen thưởng năm 2023;",
            "phương hướng, nhiệm vụ trọng tâm năm 2024",
        ]
    )
    R.p(
        "Thực hiện Luật Thi đua, khen thưởng năm 2022; Kế hoạch tổng kết công tác thi đua, khen thưởng của "
        "Ủy ban nhân dân Thành phố và hướng dẫn của Ban Thi đua – Khen thưởng Thành phố, Ủy ban nhân dân "
        "quận Hai Bà Trưng báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm "
        "vụ năm 2024 như sau:"
    )

    R.h("Phần thứ nhất", align="center")
    R.h("KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023", align="center", before=0)
    R.h("I. ĐẶC ĐIỂM TÌNH HÌNH")
    R.hi("1. Thuận lợi")
    R.p(
        "Năm 2023 là năm bản lề, có ý nghĩa quan trọng trong việc thực hiện Nghị quyết Đại hội đại biểu "
        "Đảng bộ quận lần thứ XXVI và Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021 – 2025. "
        "Quận nhận được sự quan tâm lãnh đạo, chỉ đạo thường xuyên của Thành ủy, Hội đồng nhân dân, Ủy ban "
        "nhân dân Thành phố, sự hướng dẫn kịp thời của Ban Thi đua – Khen thưởng Thành phố và sự phối hợp "
        "chặt chẽ của các sở, ban, ngành. Tình hình chính trị, kinh tế - xã hội trên địa bàn ổn định, các "
        "hoạt động thương mại, dịch vụ dần phục hồi sau đại dịch, tạo điều kiện thuận lợi để triển khai "
        "đồng bộ các phong trào thi đua."
    )
    R.p(
        "Hệ thống văn bản chỉ đạo, hướng dẫn về công tác thi đua, khen thưởng từng bước được hoàn thiện; "
        "Luật Thi đua, khen thưởng năm 2022 được thông qua, tạo hành lang pháp lý rõ ràng hơn cho việc tổ "
        "chức phong trào và xét khen thưởng. Đội ngũ cán bộ làm công tác thi đua, khen thưởng ở quận và "
        "phường cơ bản ổn định, có kinh nghiệm, nhiệt tình, trách nhiệm."
    )
    R.hi("2. Khó khăn")
    R.p(
        "Bên cạnh những thuận lợi, quận cũng phải đối mặt với không ít khó khăn: tình hình kinh tế thế giới "
        "và trong nước còn nhiều biến động, sức mua của thị trường phục hồi chậm; một số doanh nghiệp lớn "
        "trên địa bàn gặp khó khăn về dòng tiền, ảnh hưởng đến tiến độ nộp ngân sách; công tác giải phóng "
        "mặt bằng một số dự án trọng điểm còn vướng mắc về cơ chế, chính sách. Quận có mật độ dân cư cao, "
        "nhiều khu tập thể cũ xuống cấp, nhiều tuyến phố thường xuyên ùn tắc, đặt ra yêu cầu lớn về quản lý "
        "trật tự đô thị, an toàn phòng cháy, chữa cháy."
    )
    R.p(
        "Nguồn lực dành cho công tác thi đua, khen thưởng ở một số đơn vị còn hạn chế; việc tổng hợp, đánh "
        "giá kết quả thực hiện các phong trào ở cơ sở có lúc chưa đầy đủ, kịp thời; một bộ phận cán bộ, "
        "công chức, viên chức chưa nhận thức đầy đủ vai trò của thi đua trong thực hiện nhiệm vụ chuyên môn."
    )

    R.h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    R.hi("1. Kết quả chung")
    R.p(
        f"Với tinh thần chủ động, sáng tạo, quyết liệt trong chỉ đạo, điều hành và sự vào cuộc đồng bộ của "
        f"cả hệ thống chính trị, kinh tế - xã hội của quận tiếp tục phát triển ổn định. Kết thúc năm, quận "
        f"hoàn thành {met}/{tot} chỉ tiêu kinh tế - xã hội mà Thành phố và Hội đồng nhân dân quận giao; chỉ "
        f"tiêu còn lại về tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hóa tuy chưa đạt nhưng đã "
        f"đạt {vn(missed_pct)}% so với kế hoạch đề ra."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.trap(f"'{vn(missed_pct)}% so với kế hoạch' of the one missed target")
    R.hi("2. Lĩnh vực kinh tế, tài chính")
    R.p(
        "Các hoạt động thương mại, dịch vụ tiếp tục phục hồi và phát triển; nhiều sự kiện kích cầu tiêu "
        "dùng, lễ hội ẩm thực, phố đi bộ được tổ chức thành công, thu hút đông đảo người dân và du khách. "
        "Quận đã tổ chức hội nghị gặp mặt, đối thoại với doanh nghiệp, hộ kinh doanh, kịp thời tháo gỡ khó "
        "khăn, vướng mắc; công tác đăng ký kinh doanh được thực hiện hoàn toàn trên môi trường điện tử."
    )
    R.p(
        f"{vn(rev)} tỷ đồng – đó là kết quả thu ngân sách nhà nước trên địa bàn quận năm 2023, vượt "
        f"{vn(over)}% dự toán Thành phố giao ({vn(plan)} tỷ đồng) và bằng {vn(yoy)}% cùng kỳ. Để có được "
        f"kết quả này, quận đã phát động phong trào thi đua hoàn thành nhiệm vụ thu ngân sách, thành lập các "
        f"tổ công tác chống thất thu, rà soát, quản lý chặt chẽ nguồn thu từ hộ kinh doanh, thương mại điện "
        f"tử, hoạt động cho thuê nhà và đẩy mạnh thu hồi nợ đọng thuế."
    )
    E.money("budget_revenue_actual", rev)
    E.money("budget_revenue_plan", plan)
    E.pct("budget_revenue_attainment_pct", att, shown=vn(over))
    E.pct("budget_revenue_yoy_pct", yoy)
    R.p(
        f"Về nhiệm vụ chi, chi ngân sách địa phương năm 2023 ước thực hiện {vn(spend)} tỷ đồng, đạt "
        f"{vn(spend_pct)}% dự toán, bảo đảm kinh phí cho các nhiệm vụ chính trị, an sinh xã hội, quốc "
        f"phòng, an ninh và thực hiện nghiêm chủ trương tiết kiệm chi thường xuyên."
    )
    E.trap(f"expenditure 'chi ngân sách địa phương … {vn(spend)} tỷ đồng, đạt {vn(spend_pct)}% dự toán'")
    R.p(
        "Công tác quản lý đô thị, trật tự xây dựng có nhiều chuyển biến; quận tiếp tục triển khai chỉnh "
        "trang các tuyến phố, cải tạo vỉa hè, hạ ngầm đường dây, cáp viễn thông; công tác cải tạo, xây dựng "
        "lại chung cư cũ được đẩy mạnh, hoàn thành lập quy hoạch tổng mặt bằng một số khu tập thể."
    )
    R.p(
        f"Trong lĩnh vực đầu tư công, quận tập trung tháo gỡ vướng mắc trong giải phóng mặt bằng, đôn đốc "
        f"các chủ đầu tư, nhà thầu đẩy nhanh tiến độ; tổng giá trị giải ngân ước đạt {vn(inv_amt)} tỷ đồng, "
        f"đạt {vn(inv_pct)}% kế hoạch vốn Thành phố giao. Nhiều công trình trường học, nhà văn hóa tổ dân "
        f"phố, tuyến đường được hoàn thành, đưa vào sử dụng, phát huy hiệu quả."
    )
    E.pct("public_investment_disbursement_pct", inv_pct)
    R.hi("3. Lĩnh vực văn hóa – xã hội")
    R.p(
        f"Chất lượng giáo dục toàn diện tiếp tục được nâng lên; toàn quận hiện có {schools_ok}/{schools_all} "
        f"trường công lập đạt chuẩn quốc gia. Học sinh của quận đạt nhiều giải cao trong các kỳ thi học sinh "
        f"giỏi cấp Thành phố và quốc gia; công tác chuyển đổi số trong quản lý giáo dục được đẩy mạnh."
    )
    E.trap(f"schools '{schools_ok}/{schools_all} trường công lập đạt chuẩn quốc gia' (not targets)")
    R.p(
        "Công tác y tế, chăm sóc sức khỏe Nhân dân được quan tâm; các trạm y tế phường được củng cố, nâng "
        "cấp; công tác phòng, chống dịch bệnh truyền nhiễm, đặc biệt là sốt xuất huyết, được triển khai chủ "
        "động. Hoạt động văn hóa, thể thao diễn ra sôi nổi, nhất là dịp kỷ niệm các ngày lễ lớn của đất "
        "nước, của Thủ đô."
    )
    R.p(
        f"Về lao động, việc làm, quận đã phối hợp tổ chức các sàn giao dịch việc làm, tư vấn, giới thiệu "
        f"việc làm, hỗ trợ vay vốn tạo việc làm; trong năm có {vn(jobs)} lao động được giải quyết việc làm, "
        f"vượt chỉ tiêu kế hoạch được Thành phố giao ({vn(jobs_plan)} lao động). Các chính sách an sinh xã hội, chăm lo "
        f"người có công, hộ nghèo, hộ cận nghèo được thực hiện đầy đủ, kịp thời."
    )
    E.count("jobs_created", jobs)
    E.trap(f"jobs plan '{vn(jobs_plan)} lao động'")
    R.hi("4. Cải cách hành chính, chuyển đổi số")
    R.p(
        f"Công tác cải cách hành chính được quan tâm chỉ đạo; bộ phận một cửa của quận và các phường vận "
        f"hành ổn định; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn đạt {vn(ontime)}%; "
        f"{vn(online_pct)}% hồ sơ được tiếp nhận trực tuyến. Chỉ số cải cách hành chính của quận năm 2023 "
        f"xếp thứ {rank}/{rank_of} quận, huyện, thị xã."
    )
    E.pct("admin_ontime_pct", ontime)
    E.trap(f"online share '{vn(online_pct)}%'; rank 'xếp thứ {rank}/{rank_of}'")
    R.hi("5. Quốc phòng, an ninh, trật tự an toàn xã hội")
    R.p(
        "Quận hoàn thành chỉ tiêu tuyển chọn, gọi công dân nhập ngũ; tổ chức diễn tập khu vực phòng thủ "
        "đạt kết quả tốt. Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững; phong trào "
        "toàn dân bảo vệ an ninh Tổ quốc tiếp tục phát huy hiệu quả với nhiều mô hình tự quản về an ninh "
        "trật tự ở khu dân cư."
    )

    R.h("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    R.hi("1. Công tác chỉ đạo, hướng dẫn")
    R.p(
        "Ngay từ đầu năm, Ủy ban nhân dân quận đã ban hành kế hoạch tổ chức phong trào thi đua và công tác "
        "khen thưởng năm 2023; Hội đồng Thi đua – Khen thưởng quận được kiện toàn kịp thời, phân công nhiệm "
        "vụ cụ thể cho từng thành viên theo dõi các khối thi đua. Các khối thi đua của quận tổ chức ký kết "
        "giao ước thi đua, xây dựng tiêu chí đánh giá phù hợp với chức năng, nhiệm vụ của từng đơn vị."
    )
    R.hi("2. Phong trào thi đua thường xuyên và theo chuyên đề")
    R.p(
        f"Ủy ban nhân dân quận phát động {z2(mov_reg)} phong trào thi đua thường xuyên “Hai Bà Trưng đoàn "
        f"kết, kỷ cương, đổi mới, phát triển” ngay từ đầu năm và {WORDS[mov_them]} phong trào thi đua theo "
        f"chuyên đề, gồm: phong trào thi đua hoàn thành nhiệm vụ thu ngân sách năm 2023; phong trào thi đua "
        f"đẩy nhanh tiến độ giải phóng mặt bằng, giải ngân vốn đầu tư công; phong trào “Chung tay xây dựng "
        f"tuyến phố văn minh, an toàn”."
    )
    E.count("movements_launched", mov_reg + mov_them, shown=WORDS[mov_them])
    R.p(
        "Các phong trào được triển khai sâu rộng đến từng phòng, ban, đơn vị, từng tổ dân phố; nội dung "
        "thi đua cụ thể, có tiêu chí đánh giá rõ ràng, gắn với nhiệm vụ trọng tâm, khâu đột phá của quận. "
        "Nhiều đơn vị đã cụ thể hóa phong trào thành các đợt thi đua cao điểm, tạo khí thế thi đua sôi nổi "
        "trong cán bộ, công chức, viên chức, người lao động và Nhân dân."
    )
    R.hi("3. Triển khai các phong trào thi đua do Trung ương, Thành phố phát động")
    R.p(
        f"Quận đã ban hành kế hoạch triển khai {mov_city} phong trào thi đua do Trung ương, Thành phố phát "
        f"động, tiêu biểu là phong trào “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”, "
        f"phong trào “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, phong trào “Học tập và làm "
        f"theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”, phong trào “Dân vận khéo”, phong trào “Toàn dân "
        f"bảo vệ an ninh Tổ quốc”. Các phong trào được lồng ghép với các cuộc vận động của Mặt trận Tổ quốc "
        f"và các đoàn thể, bảo đảm không chồng chéo, hình thức."
    )
    E.trap(f"'{mov_city} phong trào thi đua do Trung ương, Thành phố phát động' (implemented, not launched)")
    R.hi("4. Kết quả ở các phường")
    R.p(
        f"Ủy ban nhân dân {len(HBT_WARDS)} phường đã cụ thể hóa các phong trào của quận bằng những nội dung "
        f"phù hợp với đặc điểm từng địa bàn. Một số kết quả nổi bật như sau:"
    )
    ward_notes = {
        "Bạch Đằng": "tập trung vận động Nhân dân ven đê giữ gìn vệ sinh môi trường, xóa bỏ các điểm tập kết "
        "rác tự phát, duy trì mô hình “Tuyến phố không rác thải nhựa”",
        "Bách Khoa": "phối hợp với các trường đại học trên địa bàn xây dựng mô hình “Khu dân cư an toàn cho "
        "sinh viên thuê trọ”, làm tốt công tác quản lý cư trú",
        "Bạch Mai": f"ghi nhận {z2(6)} mô hình tự quản về an ninh trật tự ở khu dân cư và tổ chức khen "
        f"thưởng kịp thời cho các tổ dân phố có thành tích",
        "Bùi Thị Xuân": "đẩy mạnh chỉnh trang các tuyến phố cổ, vận động hộ kinh doanh thực hiện nếp sống văn "
        "minh thương mại",
        "Cầu Dền": "vận động các doanh nghiệp, hộ kinh doanh nộp thuế đúng hạn, góp phần vào kết quả chung "
        "của quận",
        "Đống Mác": "duy trì hiệu quả hoạt động của các câu lạc bộ văn hóa, thể thao ở khu dân cư",
        "Đồng Nhân": "làm tốt công tác chăm lo gia đình chính sách, hộ nghèo, hộ cận nghèo dịp Tết Nguyên đán",
        "Đồng Tâm": "phối hợp với Công an quận giữ vững an ninh trật tự khu vực giáp ranh",
        "Lê Đại Hành": "biểu dương 17 gương “Người tốt, việc tốt” tiêu biểu trong các tổ dân phố",
        "Minh Khai": "tích cực tham gia giải phóng mặt bằng các dự án trọng điểm, được quận đánh giá cao",
        "Nguyễn Du": "phát huy vai trò của Ban công tác Mặt trận trong vận động Nhân dân xây dựng tuyến phố "
        "văn minh",
        "Phạm Đình Hổ": "triển khai thí điểm ứng dụng quản lý tổ dân phố trên nền tảng số",
        "Phố Huế": "duy trì mô hình “Phố đi bộ cuối tuần” với sự tham gia tích cực của hộ kinh doanh",
        "Quỳnh Mai": "vận động Nhân dân hiến đất, mở rộng ngõ ngách, cải thiện hạ tầng khu dân cư",
        "Thanh Lương": "đẩy mạnh phong trào trồng cây xanh, xây dựng vườn hoa, sân chơi cho trẻ em",
        "Thanh Nhàn": "thu ngân sách của phường đạt 132,6% dự toán, dẫn đầu các phường của quận",
        "Trương Định": "tổ chức tốt các hoạt động hè cho thiếu nhi, góp phần phòng ngừa tệ nạn xã hội",
        "Vĩnh Tuy": "nhân rộng mô hình “Camera an ninh” tại các khu chung cư cao tầng",
    }
    for w in HBT_WARDS:
        R.b(f"Phường {w}: {ward_notes[w]}.")
    E.trap(
        "ward-level components: 'Phường Bạch Mai … 06 mô hình', 'Phường Lê Đại Hành: biểu dương 17 gương', "
        "'Phường Thanh Nhàn: thu ngân sách của phường đạt 132,6% dự toán'"
    )

    R.hi("5. Phong trào thi đua trong các khối thi đua của quận")
    R.p(
        "Khối các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội đã gắn phong trào thi "
        "đua với việc thực hiện các cuộc vận động lớn, tập trung tuyên truyền, vận động đoàn viên, hội viên "
        "và Nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; nhiều hoạt động "
        "an sinh xã hội, chăm lo người có hoàn cảnh khó khăn được tổ chức thiết thực, đúng đối tượng."
    )
    R.p(
        "Khối các phòng, ban chuyên môn thuộc Ủy ban nhân dân quận thi đua nâng cao chất lượng tham mưu, "
        "rút ngắn thời gian giải quyết công việc, đẩy mạnh ứng dụng công nghệ thông tin trong chỉ đạo, điều "
        "hành; tinh thần trách nhiệm, thái độ phục vụ của đội ngũ cán bộ, công chức có nhiều chuyển biến "
        "tích cực, được người dân và doanh nghiệp ghi nhận."
    )
    R.p(
        "Khối giáo dục – đào tạo triển khai sâu rộng phong trào thi đua “Đổi mới, sáng tạo trong dạy và "
        "học”, gắn với thực hiện Chương trình giáo dục phổ thông mới; nhiều thầy cô giáo có sáng kiến kinh "
        "nghiệm được công nhận, nhiều trường học xanh – sạch – đẹp – an toàn được xây dựng. Khối y tế thi "
        "đua thực hiện tốt quy tắc ứng xử, nâng cao chất lượng khám, chữa bệnh ban đầu, chủ động phòng, "
        "chống dịch bệnh theo mùa."
    )
    R.p(
        "Khối doanh nghiệp, hợp tác xã trên địa bàn tích cực hưởng ứng phong trào thi đua “Doanh nghiệp "
        "Thủ đô hội nhập và phát triển”, chấp hành tốt nghĩa vụ thuế, chăm lo việc làm, thu nhập cho người "
        "lao động; nhiều doanh nghiệp tham gia ủng hộ Quỹ “Vì người nghèo”, các chương trình an sinh xã hội "
        "của quận và phường."
    )

    R.h("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    R.p(
        "Công tác phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến được các cấp, các "
        "ngành quan tâm thực hiện thường xuyên. Các cơ quan, đơn vị đã chú trọng phát hiện những nhân tố "
        "mới, cách làm hay từ thực tiễn công tác và đời sống, nhất là trong đội ngũ người lao động trực "
        "tiếp, đoàn viên, hội viên và Nhân dân ở khu dân cư."
    )
    R.p(
        f"Thông qua các phong trào thi đua, trong năm đã có {models} mô hình, cách làm hay, sáng kiến được "
        f"quận công nhận và nhân rộng, nhiều mô hình mang lại hiệu quả thiết thực trong cải cách hành chính, "
        f"quản lý đô thị, bảo đảm an ninh trật tự. Quận cũng đã tổ chức tuyên dương {exemplars} điển hình "
        f"tiên tiến, gương “Người tốt, việc tốt” tiêu biểu; {city_ex} cá nhân trong số đó được Ủy ban nhân "
        f"dân Thành phố công nhận danh hiệu “Người tốt, việc tốt”."
    )
    E.count("models_recognised", models)
    E.count("exemplars_honoured", exemplars)
    E.trap(f"'{city_ex} cá nhân … được Ủy ban nhân dân Thành phố công nhận' (City-level exemplars)")
    R.p(
        "Công tác tuyên truyền về điển hình tiên tiến được đẩy mạnh trên cổng thông tin điện tử, trang mạng "
        "xã hội của quận, hệ thống đài truyền thanh các phường và các bảng tin khu dân cư, góp phần lan tỏa "
        "những giá trị tốt đẹp trong cộng đồng, tạo sức lan tỏa mạnh mẽ của phong trào thi đua."
    )

    R.h("V. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        "Công tác khen thưởng được thực hiện đúng quy định của Luật Thi đua, khen thưởng và các văn bản "
        "hướng dẫn; quy trình xét, đề nghị khen thưởng bảo đảm công khai, dân chủ, khách quan. Quận đã chú "
        "trọng khen thưởng kịp thời, khen thưởng đột xuất cho các tập thể, cá nhân có thành tích xuất sắc "
        "trong thực hiện nhiệm vụ, dũng cảm cứu người, bắt giữ tội phạm, ưu tiên khen thưởng người lao "
        "động trực tiếp, cán bộ cơ sở."
    )
    R.p(
        "Kết quả khen thưởng theo thẩm quyền của Chủ tịch Ủy ban nhân dân quận và kết quả đề nghị cấp trên "
        "khen thưởng được tổng hợp chi tiết tại Phụ lục số 02 kèm theo Báo cáo này."
    )

    R.h("VI. CÔNG TÁC TUYÊN TRUYỀN, KIỂM TRA VÀ XÂY DỰNG ĐỘI NGŨ")
    R.p(
        "Quận đã chỉ đạo đa dạng hóa hình thức tuyên truyền về công tác thi đua, khen thưởng; tổ chức hội "
        "nghị tập huấn nghiệp vụ cho cán bộ làm công tác thi đua, khen thưởng của các phòng, ban, đơn vị và "
        "các phường; tổ chức kiểm tra công tác thi đua, khen thưởng tại một số đơn vị, qua đó kịp thời chấn "
        "chỉnh những thiếu sót trong xây dựng hồ sơ, thủ tục đề nghị khen thưởng."
    )
    R.p(
        "Hội đồng Thi đua – Khen thưởng quận và các phường được kiện toàn, hoạt động nền nếp; đội ngũ cán "
        "bộ làm công tác thi đua, khen thưởng được bồi dưỡng nghiệp vụ, chủ động tham mưu cho cấp ủy, chính "
        "quyền trong tổ chức phong trào và xét khen thưởng."
    )

    R.h("VII. HOẠT ĐỘNG CỦA CỤM THI ĐUA SỐ 8")
    R.p(
        f"Là thành viên Cụm thi đua số 8 của Thành phố, quận đã tham gia đầy đủ các hoạt động do Cụm tổ "
        f"chức. Trong năm, Cụm thi đua số 8 phát động {z2(mov_cluster)} phong trào thi đua chung, tổ chức "
        f"hội nghị ký kết giao ước thi đua và các hoạt động trao đổi kinh nghiệm; {CLUSTER_UNITS}/"
        f"{CLUSTER_UNITS} quận trong Cụm đều hoàn thành vượt dự toán thu ngân sách Thành phố giao."
    )
    E.trap(
        f"cluster statements 'Cụm thi đua số 8 phát động {z2(mov_cluster)} phong trào', "
        f"'{CLUSTER_UNITS}/{CLUSTER_UNITS} quận'"
    )

    R.h("VIII. ĐÁNH GIÁ CHUNG")
    R.hi("1. Ưu điểm")
    R.p(
        "Công tác thi đua, khen thưởng năm 2023 của quận tiếp tục được đổi mới về nội dung, hình thức, bám "
        "sát nhiệm vụ chính trị; các phong trào thi đua được phát động có chủ đề, mục tiêu rõ ràng, tạo "
        "động lực quan trọng góp phần hoàn thành các chỉ tiêu, nhiệm vụ năm. Công tác khen thưởng kịp thời, "
        "đúng người, đúng thành tích, có tác dụng giáo dục, nêu gương."
    )
    R.hi("2. Hạn chế")
    R.p(
        "Một số phong trào thi đua ở cơ sở còn nặng về hình thức, chưa có tiêu chí đánh giá cụ thể; việc "
        "sơ kết, tổng kết phong trào ở một số đơn vị còn chậm. Tỷ lệ khen thưởng cho người lao động trực "
        "tiếp tuy đã tăng nhưng chưa tương xứng; việc nhân rộng điển hình tiên tiến có lúc chưa thường "
        "xuyên. Hồ sơ đề nghị khen thưởng của một số đơn vị còn phải bổ sung, hoàn thiện nhiều lần."
    )
    R.hi("3. Nguyên nhân")
    R.p(
        "Nguyên nhân chủ yếu của những hạn chế là một số cấp ủy, người đứng đầu cơ quan, đơn vị chưa thật "
        "sự quan tâm đến công tác thi đua, khen thưởng; cán bộ làm công tác thi đua ở một số đơn vị là kiêm "
        "nhiệm, thường xuyên thay đổi; khối lượng công việc chuyên môn lớn nên việc đầu tư cho phong trào "
        "còn hạn chế."
    )
    R.hi("4. Bài học kinh nghiệm")
    R.p(
        "Từ thực tiễn tổ chức phong trào thi đua năm 2023, quận rút ra một số bài học: phải có sự lãnh đạo, "
        "chỉ đạo sát sao của cấp ủy, chính quyền; nội dung thi đua phải gắn với nhiệm vụ chính trị, có tiêu "
        "chí cụ thể, dễ đánh giá; phải coi trọng sơ kết, tổng kết, kịp thời phát hiện, nhân rộng điển hình; "
        "khen thưởng phải chính xác, kịp thời, công khai, minh bạch, có tác dụng nêu gương."
    )

    R.h("Phần thứ hai", align="center")
    R.h("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2024", align="center", before=0)
    R.p(
        f"Năm 2024, quận xác định tiếp tục đổi mới mạnh mẽ công tác thi đua, khen thưởng, phấn đấu hoàn "
        f"thành toàn diện {next_tot} chỉ tiêu kinh tế - xã hội, trong đó thu ngân sách nhà nước trên địa bàn "
        f"phấn đấu đạt {vn(next_rev)} tỷ đồng. Một số nhiệm vụ trọng tâm như sau:"
    )
    E.trap(
        f"next-year plan 'phấn đấu hoàn thành toàn diện {next_tot} chỉ tiêu', 'phấn đấu đạt {vn(next_rev)} tỷ đồng'"
    )
    R.b(
        "Tiếp tục quán triệt, triển khai thực hiện hiệu quả Luật Thi đua, khen thưởng năm 2022 và các văn "
        "bản quy định chi tiết, hướng dẫn thi hành; rà soát, sửa đổi quy chế thi đua, khen thưởng của quận."
    )
    R.b(
        "Phát động phong trào thi đua thường xuyên và các phong trào theo chuyên đề gắn với nhiệm vụ năm "
        "2024, nhất là phong trào thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô."
    )
    R.b(
        "Nâng cao chất lượng công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; chú trọng khen "
        "thưởng người lao động trực tiếp, cán bộ cơ sở, doanh nghiệp nhỏ và vừa."
    )
    R.b(
        "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hồ sơ thi đua, khen thưởng; tăng cường kiểm "
        "tra, giám sát việc thực hiện chính sách khen thưởng."
    )
    R.b(
        "Tham gia tích cực các hoạt động của Cụm thi đua số 8; phối hợp với các quận trong Cụm tổ chức trao "
        "đổi kinh nghiệm, học tập các mô hình hay."
    )

    R.h("Phần thứ ba", align="center")
    R.h("ĐỀ XUẤT, KIẾN NGHỊ", align="center", before=0)
    R.p(
        "Đề nghị Ban Thi đua – Khen thưởng Thành phố tiếp tục tổ chức tập huấn chuyên sâu về Luật Thi đua, "
        "khen thưởng năm 2022 và các văn bản hướng dẫn cho cán bộ làm công tác thi đua cấp quận, phường; "
        "sớm ban hành hướng dẫn chấm điểm, bình xét thi đua đối với các cụm thi đua của Thành phố để các "
        "đơn vị chủ động thực hiện."
    )
    R.p(
        "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm "
        "2024 của Ủy ban nhân dân quận Hai Bà Trưng./."
    )
    R.signature(
        [
            "Ban Thi đua – Khen thưởng Thành phố",
            "Cụm thi đua số 8",
            "Thường trực Quận ủy",
            "Thường trực HĐND quận",
            "Chủ tịch, các Phó Chủ tịch UBND quận",
            "Lưu: VT, NV",
        ],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Lê Quang Vinh",
    )

    # ---- appendices, landscape
    R.landscape_section()
    R.h("PHỤ LỤC SỐ 01", align="center")
    R.p(
        "Kết quả thực hiện một số chỉ tiêu kinh tế - xã hội chủ yếu năm 2023",
        bold=True,
        align="center",
        indent=False,
        after=0,
    )
    R.p(
        "(Kèm theo Báo cáo số 731/BC-UBND ngày 26/12/2023 của UBND quận Hai Bà Trưng)",
        italic=True,
        align="center",
        indent=False,
    )
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Ước thực hiện năm 2023", "Tỷ lệ (%)", "Đánh giá"],
        ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", vn(plan), vn(rev), vn(att_tbl), "Vượt"],
        [
            "2",
            "Giải ngân vốn đầu tư công so với kế hoạch Thành phố giao",
            "%",
            "100",
            vn(inv_pct),
            vn(inv_pct),
            "Không đạt",
        ],
        ["3", "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn", "%", "≥ 98", vn(ontime), "", "Vượt"],
        [
            "4",
            "Giải quyết việc làm mới",
            "Người",
            vn(jobs_plan),
            vn(jobs),
            vn(ratio(jobs, jobs_plan, 2)),
            "Vượt",
        ],
        ["5", "Trường công lập đạt chuẩn quốc gia (lũy kế)", "Trường", "45", str(schools_ok), "", "Vượt"],
        [
            "6",
            "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa",
            "%",
            "Khoảng 90",
            "86,9",
            vn(missed_pct),
            "Không đạt",
        ],
    ]
    R.table(rows, [1.2, 9.5, 2.2, 3.0, 3.2, 2.4, 2.6], size=12)
    R.p(
        f"Ghi chú: quận hoàn thành {met}/{tot} chỉ tiêu; số liệu thu ngân sách là số ước thực hiện cả năm.",
        italic=True,
        indent=False,
        size=12,
        before=4,
    )
    R.page_break()
    R.h("PHỤ LỤC SỐ 02", align="center")
    R.p("Thống kê kết quả khen thưởng năm 2023", bold=True, align="center", indent=False, after=0)
    R.p(
        "(Kèm theo Báo cáo số 731/BC-UBND ngày 26/12/2023 của UBND quận Hai Bà Trưng)",
        italic=True,
        align="center",
        indent=False,
    )

    def cell(v):
        return "" if v is None else vn(v)

    rows2 = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    bold = []
    for roman, label, group, note in (
        ("I", "Khen thưởng cấp Nhà nước", state, "Quận trình, cấp trên quyết định"),
        ("II", "Khen thưởng cấp Thành phố", city, "Quận trình, Thành phố quyết định"),
        ("III", "Khen thưởng cấp quận", district, "Chủ tịch UBND quận quyết định"),
    ):
        bold.append(len(rows2))
        rows2.append([roman, label, "", "", note])
        for i, (name, c, n) in enumerate(group, 1):
            rows2.append([str(i), name, cell(c), cell(n), ""])
        bold.append(len(rows2))
        rows2.append(["", f"Cộng {label[0].lower() + label[1:]}", vn(tot_(group, 1)), vn(tot_(group, 2)), ""])
    R.table(rows2, [1.5, 11.5, 3.0, 3.0, 6.5], bold_rows=tuple(bold), size=12)
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(
        "appendix: state/city rows and their 'Cộng' lines are awards from above; only the "
        "'Cộng khen thưởng cấp quận' line is the unit's own commendation count"
    )
    return "r03_long_hai_ba_trung_2023", R, E, True


# ============================================================================================
# 4. Decomposed-Unicode (NFD) report — Hoàng Mai 2022 (docx only)
# ============================================================================================


def r04_nfd_hoang_mai_2022():
    E = Expected("hoang-mai", 2022)
    plan = D(5647)
    att = D("104.7")
    rev = q(plan * att / 100, 1)  # 5.912,4
    yoy = D("104.4")  # "tăng 4,4%"
    spend = D("3126.8")
    land_part = D("1084.2")
    met, tot = 15, 16
    ontime = D("99.52")
    jobs = 5476
    movements = 6
    models, exemplars = 97, 254
    city_bk_c, city_bk_i = 22, 35
    district = [
        ("Giấy khen của Chủ tịch UBND quận", 684, 925),
        ("Tập thể lao động tiên tiến", 143, None),
        ("Chiến sĩ thi đua cơ sở", None, 118),
    ]
    coll = sum(r[1] or 0 for r in district)
    ind = sum(r[2] or 0 for r in district)
    next_rev = D(6200)

    R = Report(nfd=True)
    R.header_table(["UBND QUẬN HOÀNG MAI"], "Số: 508/BC-UBND", "Hoàng Mai, ngày 16 tháng 12 năm 2022")
    R.title(["BÁO CÁO", "Công tác thi đua, khen thưởng năm 2022"])
    R.p(
        "Thực hiện chỉ đạo của Hội đồng Thi đua – Khen thưởng Thành phố, Ủy ban nhân dân quận Hoàng Mai "
        "báo cáo kết quả công tác thi đua, khen thưởng năm 2022 như sau:"
    )
    R.h("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KINH TẾ - XÃ HỘI")
    R.p(
        f"Năm 2022, quận đạt và vượt {met}/{tot} chỉ tiêu chủ yếu theo Nghị quyết của Hội đồng nhân dân "
        f"quận. Tổng thu NSNN trên địa bàn ước thực hiện {vn(rev)} tỉ đồng, đạt {vn(att)}% dự toán Thành phố "
        f"giao, tăng {vn(yoy - 100)}% so với năm 2021; trong đó thu tiền sử dụng đất đạt {vn(land_part)} tỉ "
        f"đồng. Chi ngân sách địa phương ước thực hiện {vn(spend)} tỉ đồng, bảo đảm các nhiệm vụ chi thường "
        f"xuyên và chi đầu tư phát triển."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", yoy, shown=vn(yoy - 100))
    E.trap(f"component 'trong đó thu tiền sử dụng đất đạt {vn(land_part)} tỉ'")
    E.trap(f"expenditure 'Chi ngân sách địa phương … {vn(spend)} tỉ đồng'")
    R.p(
        f"Công tác cải cách hành chính tiếp tục được đẩy mạnh; {vn(ontime)}% hồ sơ thủ tục hành chính được "
        f"giải quyết đúng hạn. Quận đã giải quyết việc làm cho {vn(jobs)} lao động, thực hiện tốt các chính "
        f"sách an sinh xã hội, chăm lo đời sống người có công và hộ nghèo."
    )
    E.pct("admin_ontime_pct", ontime)
    E.count("jobs_created", jobs)
    R.h("II. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    R.p(
        f"Trong năm, Ủy ban nhân dân quận tổ chức phát động {z2(movements)} phong trào thi đua, trọng tâm "
        f"là phong trào thi đua “Hoàng Mai chung sức xây dựng đô thị văn minh, hiện đại”, phong trào thi đua "
        f"đẩy nhanh tiến độ giải phóng mặt bằng và phong trào thi đua hoàn thành nhiệm vụ thu ngân sách. "
        f"Qua phong trào, {models} mô hình, cách làm hay được công nhận; {exemplars} điển hình tiên tiến, "
        f"gương “Người tốt, việc tốt” được quận biểu dương, khen thưởng."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    E.count("models_recognised", models)
    E.count("exemplars_honoured", exemplars)
    R.h("III. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        f"Chủ tịch UBND quận đã khen thưởng theo thẩm quyền cho các tập thể, cá nhân có thành tích (chi "
        f"tiết tại bảng dưới đây). Quận đã đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {city_bk_c} "
        f"tập thể và {city_bk_i} cá nhân."
    )
    E.trap(
        f"proposal upwards 'đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {city_bk_c} tập thể và "
        f"{city_bk_i} cá nhân'"
    )
    rows = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"]]
    for i, (name, c, n) in enumerate(district, 1):
        rows.append([str(i), name, "" if c is None else vn(c), "" if n is None else vn(n)])
    rows.append(["", "Cộng", vn(coll), vn(ind)])
    R.table(rows, [1.3, 9.0, 3.0, 3.0], bold_rows=(len(rows) - 1,))
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.h("IV. PHƯƠNG HƯỚNG NĂM 2023")
    R.p(
        f"Năm 2023, quận phấn đấu thu ngân sách trên địa bàn đạt {vn(next_rev)} tỉ đồng, tiếp tục đổi mới "
        f"công tác thi đua, khen thưởng, nâng cao chất lượng phát hiện và nhân rộng điển hình tiên tiến."
    )
    E.trap(f"next-year target 'năm 2023 … phấn đấu … {vn(next_rev)} tỉ đồng'")
    R.p("Trên đây là báo cáo công tác thi đua, khen thưởng năm 2022 của Ủy ban nhân dân quận Hoàng Mai./.")
    R.signature(
        ["Ban Thi đua – Khen thưởng Thành phố", "Cụm thi đua số 8", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Đỗ Văn Khải",
    )
    E.trap("all text is Unicode NFD (decomposed), including the tables and the header")
    return "r04_nfd_hoang_mai_2022", R, E, False


# ============================================================================================
# 5. Two-year and three-year comparison tables — Long Biên 2023
# ============================================================================================


def r05_compare_long_bien_2023():
    E = Expected("long-bien", 2023)
    # thu: (năm 2022 thực hiện, năm 2023 dự toán, năm 2023 ước thực hiện)
    comp = [
        ("Thu từ thuế, phí và lệ phí", D("7890.4"), D(8300), D("8612.30")),
        ("Thu tiền sử dụng đất", D("733.3"), D(720), D("781.25")),
        ("Các khoản thu khác", D("136.3"), D(130), D("149.90")),
    ]
    prev = sum(c[1] for c in comp)  # 8.760,0
    plan = sum(c[2] for c in comp)  # 9.150
    rev = sum(c[3] for c in comp)  # 9.543,45
    att = ratio(rev, plan, 2)
    yoy = ratio(rev, prev, 2)
    spend = (D("2108.6"), D("2347.5"), D("2231.9"))
    # three-year table: 2021 and 2022 (other years)
    y2021_rev, y2021_plan = D("7935.2"), D(7610)
    y2022_plan = prev  # 2022: exactly on the estimate
    land = {2021: D("652.8"), 2022: comp[1][1], 2023: comp[1][3]}
    land_plan = {2021: D(600), 2022: D(700), 2023: comp[1][2]}
    met = tot = 18
    exceeded = 7
    inv_pct = D("95.2")
    jobs = 4967
    ontime = D("99.8")
    movements = 5
    models = 73
    coll, ind = 914, 1327

    R = Report()
    R.header_table(["UBND QUẬN LONG BIÊN"], "Số: 644/BC-UBND", "Long Biên, ngày 22 tháng 12 năm 2023")
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023"])
    R.p(
        "Ủy ban nhân dân quận Long Biên báo cáo kết quả thực hiện công tác thi đua, khen thưởng năm 2023 "
        "như sau:"
    )
    R.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    R.p(
        f"Năm 2023, quận Long Biên hoàn thành {met}/{tot} chỉ tiêu phát triển kinh tế - xã hội, trong đó có "
        f"{exceeded} chỉ tiêu vượt kế hoạch. Công tác thu ngân sách tiếp tục vượt dự toán Thành phố giao và "
        f"tăng trưởng khá so với năm trước; kết quả thu, chi ngân sách được tổng hợp tại các biểu dưới đây."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.trap(f"'{exceeded} chỉ tiêu vượt kế hoạch' (only the exceeded ones)")
    R.p(
        "Biểu 01. Kết quả thu, chi ngân sách năm 2023 so với năm 2022",
        bold=True,
        align="center",
        indent=False,
        keep=True,
    )
    R.unit_line("ĐVT: tỷ đồng")
    rows = [
        ["STT", "Nội dung", "Thực hiện năm 2022", "Năm 2023", "", "So sánh (%)", ""],
        ["", "", "", "Dự toán TP giao", "Ước thực hiện", "Với dự toán", "Với cùng kỳ"],
        ["A", "Tổng thu NSNN trên địa bàn", vn(prev, 1), vn(plan, 1), vn(rev), vn(att), vn(yoy)],
    ]
    for i, (name, p22, p23, a23) in enumerate(comp, 1):
        rows.append(
            [str(i), name, vn(p22, 1), vn(p23, 1), vn(a23), vn(ratio(a23, p23, 2)), vn(ratio(a23, p22, 2))]
        )
    rows.append(
        [
            "B",
            "Chi ngân sách địa phương",
            vn(spend[0]),
            vn(spend[1]),
            vn(spend[2]),
            vn(ratio(spend[2], spend[1], 2)),
            vn(ratio(spend[2], spend[0], 2)),
        ]
    )
    R.table(
        rows,
        [1.3, 4.8, 2.2, 2.2, 2.2, 1.9, 1.9],
        header_rows=2,
        size=11,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 0, 6)],
        bold_rows=(2, len(rows) - 1),
        align_cols=["center", "left", "right", "right", "right", "right", "right"],
    )
    E.money("budget_revenue_actual", rev)
    E.money("budget_revenue_plan", plan, shown=vn(plan, 1))
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", yoy)
    E.trap(f"previous-year column 'Thực hiện năm 2022' ({vn(prev, 1)}) is another year's outturn")
    E.trap("rows 1–3 are components of the total; row B is expenditure (chi ngân sách)")

    R.p("", after=4)
    R.p(
        "Biểu 02. Kết quả thu ngân sách trên địa bàn giai đoạn 2021 – 2023",
        bold=True,
        align="center",
        indent=False,
        keep=True,
    )
    R.unit_line("ĐVT: tỷ đồng")
    rows2 = [
        ["Nội dung", "Năm 2021", "", "Năm 2022", "", "Năm 2023", ""],
        ["", "Thực hiện", "% so dự toán", "Thực hiện", "% so dự toán", "Thực hiện", "% so dự toán"],
        [
            "Tổng thu NSNN trên địa bàn",
            vn(y2021_rev),
            vn(ratio(y2021_rev, y2021_plan, 2)),
            vn(prev, 1),
            vn(ratio(prev, y2022_plan, 2)),
            vn(rev),
            vn(att),
        ],
        [
            "Trong đó: thu tiền sử dụng đất",
            vn(land[2021]),
            vn(ratio(land[2021], land_plan[2021], 2)),
            vn(land[2022]),
            vn(ratio(land[2022], land_plan[2022], 2)),
            vn(land[2023]),
            vn(ratio(land[2023], land_plan[2023], 2)),
        ],
    ]
    R.table(
        rows2,
        [4.6, 1.95, 1.95, 1.95, 1.95, 1.95, 1.95],
        header_rows=2,
        size=11,
        merges=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4), (0, 5, 0, 6)],
        bold_rows=(2,),
        align_cols=["left"] + ["right"] * 6,
    )
    E.trap(
        f"three-year table: 2021 ({vn(y2021_rev)}) and 2022 ({vn(prev, 1)}) columns are other years; "
        f"'Trong đó: thu tiền sử dụng đất' is a component"
    )
    R.p("", after=4)
    R.p(
        f"Giải ngân vốn đầu tư công đạt {vn(inv_pct)}% kế hoạch vốn Thành phố giao. Công tác cải cách hành "
        f"chính có nhiều chuyển biến, tỷ lệ hồ sơ được giải quyết đúng hạn đạt {vn(ontime)}%. Trong năm, quận "
        f"giải quyết việc làm cho {vn(jobs)} lao động."
    )
    E.pct("public_investment_disbursement_pct", inv_pct)
    E.pct("admin_ontime_pct", ontime)
    E.count("jobs_created", jobs)
    R.h("II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    R.p(
        f"Ủy ban nhân dân quận đã phát động {z2(movements)} phong trào thi đua, trong đó có phong trào thi đua "
        f"“Long Biên – Xanh, sạch, đẹp, văn minh” và phong trào thi đua hoàn thành nhiệm vụ thu ngân sách "
        f"năm 2023. Toàn quận nhân rộng {models} mô hình, cách làm hay. Chủ tịch UBND quận khen thưởng "
        f"{vn(coll)} lượt tập thể, {vn(ind)} lượt cá nhân có thành tích xuất sắc trong các phong trào thi đua."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    E.count("models_recognised", models)
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.p("Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của UBND quận Long Biên./.")
    R.signature(
        ["Ban Thi đua – Khen thưởng Thành phố", "Cụm thi đua số 8", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Vũ Thị Lan Anh",
    )
    return "r05_compare_long_bien_2023", R, E, True


# ============================================================================================
# 6. Trap-heavy report — Ba Đình 2023 (few true figures)
# ============================================================================================


def r06_traps_ba_dinh_2023():
    E = Expected("ba-dinh", 2023)
    hidden_plan = D(5850)  # not printed; keeps actual and % consistent
    att = D("112.6")
    rev = q(hidden_plan * att / 100, 1)  # 6.587,1
    stretch = D("104.5")  # vs HĐND quận stretch target — another baseline
    tax_part, land_part = D("4870.5"), D("312.4")
    prev_rev, prev_inv = D("5932.1"), D("261.9")
    spend, spend_pct = D("2184.6"), D("91.3")
    met, tot, exceeded = 29, 30, 9
    coll, ind, them_c, them_i = 1024, 1398, 215, 306
    growth, growth_pp = D("8.2"), D("0.6")
    rank, rank_of = 6, 30
    sch_ok, sch_all = 43, 61
    city_mov, cluster_mov = 11, 2
    city_flag, city_bk_c, city_bk_i, pm_c = 3, 27, 45, 2
    prop_c, prop_i = 18, 24
    city_ex = 31
    next_rev, next_inv = D(7100), 100
    wards = 14

    R = Report()
    R.header_table(["UBND QUẬN BA ĐÌNH"], "Số: 815/BC-UBND", "Ba Đình, ngày 28 tháng 12 năm 2023")
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2023", "và nhiệm vụ, giải pháp năm 2024"])
    R.p(
        "Ủy ban nhân dân quận Ba Đình báo cáo kết quả công tác thi đua, khen thưởng năm 2023 và nhiệm vụ, "
        "giải pháp năm 2024 như sau:"
    )
    R.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ NĂM 2023")
    R.hi("1. Về thu, chi ngân sách")
    R.p(
        f"Thu NSNN trên địa bàn quận năm 2023 ước thực hiện {vn(rev)} tỷ đồng, đạt {vn(att)}% dự toán "
        f"Thành phố giao và bằng {vn(stretch)}% chỉ tiêu phấn đấu Hội đồng nhân dân quận giao; trong đó "
        f"thu từ thuế, phí đạt {vn(tax_part)} tỷ đồng, riêng số thu tiền sử dụng đất là {vn(land_part)} tỷ "
        f"đồng. Để so sánh, năm 2022 thu ngân sách của quận đạt {vn(prev_rev)} tỷ đồng."
    )
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.trap(f"stretch-target baseline 'bằng {vn(stretch)}% chỉ tiêu phấn đấu Hội đồng nhân dân quận giao'")
    E.trap(
        f"components 'trong đó thu từ thuế, phí đạt {vn(tax_part)} tỷ', 'riêng số thu tiền sử dụng đất "
        f"là {vn(land_part)} tỷ'"
    )
    E.trap(f"other year 'năm 2022 thu ngân sách của quận đạt {vn(prev_rev)} tỷ đồng' (no yoy % stated)")
    R.p(
        f"Chi ngân sách địa phương ước thực hiện {vn(spend)} tỷ đồng, đạt {vn(spend_pct)}% dự toán; quận "
        f"triệt để tiết kiệm chi thường xuyên, ưu tiên nguồn lực cho đầu tư phát triển và an sinh xã hội."
    )
    E.trap(f"expenditure 'Chi ngân sách … {vn(spend)} tỷ đồng, đạt {vn(spend_pct)}% dự toán'")
    R.hi("2. Về thực hiện các chỉ tiêu")
    R.p(
        f"Quận đã hoàn thành {met}/{tot} chỉ tiêu kinh tế - xã hội năm 2023, trong đó {exceeded} chỉ tiêu "
        f"vượt kế hoạch. Tốc độ tăng giá trị sản xuất các ngành kinh tế ước đạt {vn(growth)}%, cao hơn "
        f"{vn(growth_pp)}% so với cùng kỳ. Chỉ số cải cách hành chính của quận xếp thứ {rank}/{rank_of} "
        f"quận, huyện, thị xã; toàn quận có {sch_ok}/{sch_all} trường đạt chuẩn quốc gia."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.trap(
        f"'{exceeded} chỉ tiêu vượt kế hoạch'; rank 'xếp thứ {rank}/{rank_of}'; schools "
        f"'{sch_ok}/{sch_all} trường'; growth 'cao hơn {vn(growth_pp)}% so với cùng kỳ' (percentage points, "
        f"not revenue yoy)"
    )
    R.p(
        f"Về đầu tư công, năm 2022 quận từng đạt tỷ lệ giải ngân {vn(prev_inv)}% kế hoạch vốn; năm 2023 "
        f"công tác giải ngân tiếp tục được chỉ đạo quyết liệt và sẽ được tổng hợp khi có số liệu quyết toán."
    )
    E.trap(f"other year 'năm 2022 … tỷ lệ giải ngân {vn(prev_inv)}%' (no 2023 disbursement figure)")
    R.hi("3. Kết quả chung của Cụm thi đua số 8")
    R.p(
        f"Toàn Cụm thi đua số 8 năm 2023 thu ngân sách đạt {vn(CLUSTER8_REVENUE_2023)} tỷ đồng; "
        f"{CLUSTER_UNITS}/{CLUSTER_UNITS} quận đạt và vượt dự toán thu ngân sách, {CLUSTER_UNITS}/"
        f"{CLUSTER_UNITS} quận hoàn thành vượt mức các chỉ tiêu chủ yếu. Cụm thi đua số 8 đã phát động "
        f"{z2(cluster_mov)} phong trào thi đua chung. Quận Ba Đình vinh dự được các quận trong Cụm suy tôn "
        f"dẫn đầu Cụm thi đua năm 2023."
    )
    E.trap(
        f"cluster total 'Toàn Cụm … {vn(CLUSTER8_REVENUE_2023)} tỷ đồng'; '{CLUSTER_UNITS}/{CLUSTER_UNITS} quận'; "
        f"'Cụm thi đua số 8 đã phát động {z2(cluster_mov)} phong trào'"
    )

    R.h("II. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    R.p(
        f"Quận đã triển khai, hưởng ứng {city_mov} phong trào thi đua do Trung ương, Thành phố phát động, "
        f"trong đó có phong trào “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” và "
        f"phong trào thi đua chào mừng các ngày lễ lớn của Thủ đô. Tại {wards} phường, hàng trăm mô hình "
        f"“Dân vận khéo” được duy trì và phát huy hiệu quả."
    )
    E.trap(
        f"implemented movements '{city_mov} phong trào … do Trung ương, Thành phố phát động'; vague "
        f"'hàng trăm mô hình'"
    )
    R.p(f"{city_ex} cá nhân của quận được Thành phố biểu dương danh hiệu “Người tốt, việc tốt” năm 2023.")
    E.trap(f"'{city_ex} cá nhân … được Thành phố biểu dương' (City-level exemplars)")

    R.h("III. CÔNG TÁC KHEN THƯỞNG")
    R.b(f"Khen thưởng cấp Nhà nước: Thủ tướng Chính phủ tặng Bằng khen cho {z2(pm_c)} tập thể.")
    R.b(
        f"Khen thưởng cấp Thành phố: Ủy ban nhân dân Thành phố tặng Cờ thi đua cho {z2(city_flag)} tập thể; "
        f"Chủ tịch UBND Thành phố tặng Bằng khen cho {city_bk_c} tập thể và {city_bk_i} cá nhân."
    )
    R.b(
        f"Khen thưởng cấp quận: Chủ tịch Ủy ban nhân dân quận đã khen thưởng {vn(coll)} lượt tập thể và "
        f"{vn(ind)} lượt cá nhân, trong đó khen thưởng chuyên đề {them_c} lượt tập thể, {them_i} lượt cá nhân."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(
        f"City/State awards (Bằng khen Thủ tướng {z2(pm_c)}, Cờ thi đua {z2(city_flag)}, Bằng khen "
        f"{city_bk_c}/{city_bk_i}); subset 'trong đó khen thưởng chuyên đề {them_c} … {them_i}'"
    )
    R.b(
        f"Quận đã đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {prop_c} tập thể, {prop_i} cá nhân có "
        f"thành tích xuất sắc năm 2023 (đang chờ Thành phố xem xét)."
    )
    E.trap(f"proposal upwards 'đề nghị … Bằng khen cho {prop_c} tập thể, {prop_i} cá nhân'")

    R.h("IV. NHIỆM VỤ, GIẢI PHÁP NĂM 2024")
    R.p(
        f"Năm 2024 phấn đấu thu ngân sách nhà nước trên địa bàn đạt {vn(next_rev)} tỷ đồng; dự kiến giải "
        f"ngân {next_inv}% kế hoạch vốn đầu tư công được giao; mục tiêu hoàn thành {tot}/{tot} chỉ tiêu "
        f"kinh tế - xã hội. Quận sẽ phát động phong trào thi đua lập thành tích chào mừng kỷ niệm 70 năm "
        f"Ngày Giải phóng Thủ đô và tiếp tục giữ vững vị trí dẫn đầu Cụm thi đua số 8."
    )
    E.trap(
        f"next-year 'phấn đấu … {vn(next_rev)} tỷ đồng', 'dự kiến giải ngân {next_inv}%', "
        f"'mục tiêu hoàn thành {tot}/{tot} chỉ tiêu'"
    )
    R.p(
        "Trên đây là báo cáo kết quả công tác thi đua, khen thưởng năm 2023 của Ủy ban nhân dân quận Ba "
        "Đình./."
    )
    R.signature(
        ["Ban Thi đua – Khen thưởng Thành phố", "Các quận trong Cụm thi đua số 8", "Lưu: VT, NV"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Hoàng Đức Thắng",
    )
    return "r06_traps_ba_dinh_2023", R, E, True


# ============================================================================================
# 7. 2025 ward reports (period 1/7 – 31/12/2025)
# ============================================================================================


def r07_ward_cua_nam_2025():
    E = Expected("phuong-cua-nam", 2025)
    plan = D(2745)
    att = D("108.4")
    rev = q(plan * att / 100, 1)  # 2.975,6
    yoy = D("103.2")
    h1_old = D("1954.3")  # H1 in the former districts' wards — other period
    met, tot = 11, 12
    ontime = D(100)
    movements = 2
    models, exemplars = 9, 37
    coll, ind = 86, 214
    prop_c, prop_i = 4, 6
    next_rev = D(6100)

    R = Report()
    R.header_table(
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG CỬA NAM"], "Số: 163/BC-UBND", "Cửa Nam, ngày 19 tháng 12 năm 2025"
    )
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng", "từ ngày 01/7/2025 đến ngày 31/12/2025"])
    R.p(
        "Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của thành "
        "phố Hà Nội, phường Cửa Nam chính thức vận hành mô hình chính quyền địa phương hai cấp từ ngày "
        "01/7/2025. Ủy ban nhân dân phường Cửa Nam báo cáo kết quả công tác thi đua, khen thưởng sáu tháng "
        "cuối năm 2025 như sau:"
    )
    R.h("I. ĐẶC ĐIỂM TÌNH HÌNH")
    R.p(
        "Phường Cửa Nam được thành lập trên cơ sở sắp xếp một phần địa giới của các phường thuộc quận Hoàn "
        "Kiếm, quận Đống Đa và quận Ba Đình trước đây; là địa bàn trung tâm, tập trung nhiều cơ quan Trung "
        "ương, Thành phố, di tích lịch sử và cơ sở thương mại, dịch vụ. Những tháng đầu vận hành, bộ máy "
        "chính quyền phường vừa kiện toàn tổ chức, vừa bảo đảm thông suốt việc giải quyết thủ tục hành "
        "chính, không để gián đoạn phục vụ người dân, doanh nghiệp."
    )
    R.h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    R.p(
        f"Kết quả thu ngân sách trên địa bàn phường từ ngày 01/7 đến ngày 31/12/2025 ước đạt {vn(rev)} tỷ "
        f"đồng (bằng {vn(att)}% dự toán Thành phố giao cho phường), tương đương {vn(yoy)}% so với cùng kỳ "
        f"năm 2024 trên cùng địa bàn. Trước đó, sáu tháng đầu năm 2025, số thu tại các phường cũ nay thuộc "
        f"phường Cửa Nam đạt {vn(h1_old)} tỷ đồng."
    )
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", yoy)
    E.trap(f"other period 'sáu tháng đầu năm 2025 … {vn(h1_old)} tỷ đồng' (before the ward existed)")
    R.p(
        f"Phường đã đạt và vượt {met}/{tot} chỉ tiêu được giao cho giai đoạn từ khi thành lập đến cuối năm; "
        f"{vn(ontime, 0)}% hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn, không có hồ sơ quá hạn."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.pct("admin_ontime_pct", ontime, shown=vn(ontime, 0))
    R.h("III. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    R.p(
        f"Hưởng ứng phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và phong trào "
        f"“Cả nước chung tay xóa nhà tạm, nhà dột nát”, Ủy ban nhân dân phường đã phát động "
        f"{WORDS[movements]} phong trào thi đua theo đợt: phong trào thi đua “Chính quyền phường Cửa Nam "
        f"gần dân, phục vụ dân” và phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ phường."
    )
    E.count("movements_launched", movements, shown=WORDS[movements])
    E.trap(
        "national movements the ward responds to ('Cả nước thi đua đổi mới sáng tạo…', 'Cả nước chung "
        "tay xóa nhà tạm…') are not launched by the ward"
    )
    R.p(
        f"Qua phong trào, phường đã ghi nhận {z2(models)} mô hình, cách làm hay trong cải cách hành chính và "
        f"chuyển đổi số; biểu dương {exemplars} gương “Người tốt, việc tốt” tiêu biểu ở các tổ dân phố."
    )
    E.count("models_recognised", models, shown=z2(models))
    E.count("exemplars_honoured", exemplars)
    R.h("IV. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        f"Chủ tịch UBND phường đã tặng Giấy khen cho {coll} lượt tập thể và {ind} lượt cá nhân có thành tích "
        f"xuất sắc trong thực hiện nhiệm vụ sáu tháng cuối năm 2025; đồng thời đề nghị Chủ tịch UBND Thành "
        f"phố tặng Bằng khen cho {z2(prop_c)} tập thể, {z2(prop_i)} cá nhân."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(
        f"proposal upwards 'đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho {z2(prop_c)} tập thể, "
        f"{z2(prop_i)} cá nhân'"
    )
    R.h("V. PHƯƠNG HƯỚNG NĂM 2026")
    R.p(
        f"Năm 2026, phường dự kiến thu ngân sách đạt {vn(next_rev)} tỷ đồng cho cả năm; tiếp tục nâng cao "
        f"hiệu quả phong trào thi đua gắn với xây dựng chính quyền số, đô thị văn minh."
    )
    E.trap(f"next-year 'dự kiến thu ngân sách đạt {vn(next_rev)} tỷ đồng'")
    R.p("Trên đây là báo cáo kết quả công tác thi đua, khen thưởng của Ủy ban nhân dân phường Cửa Nam./.")
    R.signature(
        ["Hội đồng Thi đua – Khen thưởng Thành phố", "Đảng ủy, HĐND phường", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Bùi Thanh Tùng",
    )
    return "r07_ward_cua_nam_2025", R, E, True


def r08_ward_bo_de_2025():
    E = Expected("phuong-bo-de", 2025)
    plan = D("412.5")
    rev = D("447.86")
    att_derived = ratio(rev, plan, 2)  # 108,57 — NOT printed
    yoy = D("107.2")  # "tăng 7,2%"
    nonstate_part = D("213.5")
    spend = D("126.4")
    met = tot = 10
    jobs = 612
    movements = 3
    models = 5
    coll, ind = 41, 97
    city_bk = 2

    R = Report()
    R.header_table(["ỦY BAN NHÂN DÂN PHƯỜNG BỒ ĐỀ"], "Số: 97/BC-UBND", "Bồ Đề, ngày 24 tháng 12 năm 2025")
    R.title(
        [
            "BÁO CÁO",
            "Tổng kết công tác thi đua, khen thưởng năm 2025",
            "(giai đoạn từ 01/7/2025 đến 31/12/2025)",
        ]
    )
    R.p(
        "Ủy ban nhân dân phường Bồ Đề báo cáo kết quả công tác thi đua, khen thưởng kể từ khi phường đi vào "
        "hoạt động theo mô hình chính quyền địa phương hai cấp như sau:"
    )
    R.h("1. Kết quả thực hiện nhiệm vụ kinh tế - xã hội")
    R.b(f"Dự toán thu ngân sách Thành phố giao cho phường sáu tháng cuối năm 2025: {vn(plan)} tỉ đồng.")
    R.b(
        f"Số thu ngân sách nhà nước trên địa bàn thực hiện được: {vn(rev)} tỉ đồng, tăng {vn(yoy - 100)}% so "
        f"với cùng kỳ (trong đó thu từ khu vực kinh tế ngoài quốc doanh {vn(nonstate_part)} tỉ đồng)."
    )
    R.b(f"Chi ngân sách phường: {vn(spend)} tỉ đồng.")
    E.money("budget_revenue_plan", plan)
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att_derived, derived=True, shown=None)
    E.pct("budget_revenue_yoy_pct", yoy, shown=vn(yoy - 100))
    E.trap(
        f"component 'trong đó thu từ khu vực kinh tế ngoài quốc doanh {vn(nonstate_part)} tỉ'; "
        f"expenditure 'Chi ngân sách phường: {vn(spend)} tỉ'"
    )
    E.trap("attainment is not printed: derive it from plan and actual")
    R.b(f"Hoàn thành {met}/{tot} chỉ tiêu chủ yếu được giao; giải quyết việc làm cho {vn(jobs)} lao động.")
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.count("jobs_created", jobs)
    R.h("2. Công tác thi đua")
    R.p(
        f"Ủy ban nhân dân phường phát động {WORDS[movements]} phong trào thi đua: “Bồ Đề chung sức xây dựng "
        f"phường văn minh, hiện đại”, “Chuyển đổi số vì người dân” và “Tuyến phố sạch, đẹp, an toàn”. Sau "
        f"sáu tháng, phường công nhận {z2(models)} mô hình, cách làm hay tiêu biểu."
    )
    E.count("movements_launched", movements, shown=WORDS[movements])
    E.count("models_recognised", models, shown=z2(models))
    R.h("3. Công tác khen thưởng")
    R.p(
        f"{coll} tập thể và {ind} cá nhân đã được Chủ tịch UBND phường tặng Giấy khen. Chủ tịch UBND Thành "
        f"phố tặng Bằng khen cho {z2(city_bk)} tập thể của phường."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(f"City award 'Chủ tịch UBND Thành phố tặng Bằng khen cho {z2(city_bk)} tập thể'")
    R.p(
        "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2025 của Ủy ban nhân dân phường Bồ "
        "Đề./."
    )
    R.signature(
        ["Hội đồng Thi đua – Khen thưởng Thành phố", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Ngô Thị Hải Yến",
    )
    return "r08_ward_bo_de_2025", R, E, False


# ============================================================================================
# 8a. Partial-period revenue — Đống Đa 2023
# ============================================================================================


def r09_partial_dong_da_2023():
    E = Expected("dong-da", 2023)
    plan = D(14570)
    att = D("94.06")
    rev = q(plan * att / 100, 2)  # 13.704,54
    yoy = D("103.9")
    cutoff_d, cutoff_m, cutoff_y = 20, 12, 2023
    as_of = f"{cutoff_y}-{cutoff_m:02d}-{cutoff_d:02d}"
    met, tot = 12, 13
    ontime = D("99.58")
    movements = 8
    coll, ind = 1187, 1402
    cluster_ngan = q(CLUSTER8_REVENUE_2023 / 1000, 1)  # "hơn 62,3 ngàn tỷ"

    R = Report()
    R.header_table(["UBND QUẬN ĐỐNG ĐA"], "Số: 702/BC-UBND", "Đống Đa, ngày 22 tháng 12 năm 2023")
    R.title(["BÁO CÁO", "Công tác thi đua, khen thưởng năm 2023;", "phương hướng, nhiệm vụ năm 2024"])
    R.p("Ủy ban nhân dân quận Đống Đa báo cáo kết quả công tác thi đua, khen thưởng năm 2023 như sau:")
    R.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
    R.p(
        f"Tính đến ngày {cutoff_d}/{cutoff_m}/{cutoff_y}, tổng thu ngân sách nhà nước trên địa bàn quận đạt "
        f"{vn(rev)} tỷ đồng, bằng {vn(att)}% dự toán Thành phố giao ({vn(plan)} tỷ đồng), tăng {vn(yoy - 100)}% "
        f"so với cùng kỳ năm 2022. Quận đang tập trung đôn đốc thu hồi nợ đọng, phấn đấu hoàn thành dự toán "
        f"trong những ngày cuối năm."
    )
    E.money("budget_revenue_actual", rev, flags=["partial_period"], as_of=as_of)
    E.money("budget_revenue_plan", plan)
    E.pct("budget_revenue_attainment_pct", att, flags=["partial_period"], as_of=as_of)
    E.pct("budget_revenue_yoy_pct", yoy, flags=["partial_period"], as_of=as_of, shown=vn(yoy - 100))
    E.trap(
        f"cut-off 'Tính đến ngày {cutoff_d}/{cutoff_m}/{cutoff_y}': all three revenue figures of that "
        f"sentence are partial-period"
    )
    R.p(
        f"Năm 2023, quận hoàn thành {met}/{tot} chỉ tiêu kinh tế - xã hội chủ yếu; tỷ lệ hồ sơ thủ tục hành "
        f"chính giải quyết đúng hạn đạt {vn(ontime)}%. Cùng với các quận trong Cụm thi đua số 8, quận góp "
        f"phần vào kết quả thu ngân sách chung của toàn Cụm đạt hơn {vn(cluster_ngan)} ngàn tỷ đồng."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.pct("admin_ontime_pct", ontime)
    E.trap(f"cluster total 'toàn Cụm đạt hơn {vn(cluster_ngan)} ngàn tỷ đồng'")
    R.h("II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    R.p(
        f"Ủy ban nhân dân quận đã phát động {z2(movements)} phong trào thi đua thường xuyên và chuyên đề; "
        f"Chủ tịch UBND quận khen thưởng {vn(coll)} lượt tập thể và {vn(ind)} lượt cá nhân."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.h("III. PHƯƠNG HƯỚNG NĂM 2024")
    R.p(
        "Tiếp tục đổi mới công tác thi đua, khen thưởng; phấn đấu hoàn thành toàn diện các chỉ tiêu, nhiệm "
        "vụ năm 2024."
    )
    R.p("Trên đây là báo cáo công tác thi đua, khen thưởng năm 2023 của Ủy ban nhân dân quận Đống Đa./.")
    R.signature(
        ["Ban Thi đua – Khen thưởng Thành phố", "Cụm thi đua số 8", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Phan Văn Định",
    )
    return "r09_partial_dong_da_2023", R, E, False


# ============================================================================================
# 8b. Stated percent that contradicts plan × actual; colon-style bullets — Hoàn Kiếm 2024
# ============================================================================================


def r10_arith_hoan_kiem_2024():
    E = Expected("hoan-kiem", 2024)
    rev_ngan = D("14.26")  # "14,26 ngàn tỷ đồng"
    rev = rev_ngan * 1000  # tỷ
    plan = D(11630)
    att_stated = D("118.7")  # true ratio would be ~122.6 -> arithmetic
    att_true = ratio(rev, plan, 1)
    assert abs(att_true - att_stated) > 1
    yoy = D("108.3")
    inv_pct = D("187.6")
    met = tot = 19
    jobs = 3912
    ontime = D("99.93")
    movements = 8
    models, exemplars = 64, 432
    coll, ind = 958, 1214
    next_tot = 20

    R = Report()
    R.header_table(["UBND QUẬN HOÀN KIẾM"], "Số: 27/BC-UBND", "Hoàn Kiếm, ngày 10 tháng 01 năm 2025")
    R.title(["BÁO CÁO", "Tổng kết phong trào thi đua và công tác khen thưởng năm 2024"])
    R.p("Ủy ban nhân dân quận Hoàn Kiếm tổng hợp kết quả công tác thi đua, khen thưởng năm 2024 như sau:")
    R.h("I. MỘT SỐ KẾT QUẢ NỔI BẬT")
    R.b(
        f"Thu ngân sách: {vn(rev_ngan)} ngàn tỷ đồng, đạt {vn(att_stated)}% dự toán Thành phố giao "
        f"({vn(plan)} tỷ đồng), bằng {vn(yoy)}% cùng kỳ."
    )
    E.money("budget_revenue_actual", rev, shown=vn(rev_ngan))
    E.money("budget_revenue_plan", plan)
    E.pct("budget_revenue_attainment_pct", att_stated, flags=["arithmetic"])
    E.pct("budget_revenue_yoy_pct", yoy)
    E.trap(
        f"stated {vn(att_stated)}% ≠ {vn(rev_ngan)} ngàn tỷ / {vn(plan)} tỷ ≈ {vn(att_true)}% "
        f"(arithmetic); money given in 'ngàn tỷ'"
    )
    R.b(f"Giải ngân vốn đầu tư công: bằng {vn(inv_pct)}% kế hoạch vốn Thành phố giao.")
    E.pct("public_investment_disbursement_pct", inv_pct)
    R.b(f"Chỉ tiêu kinh tế - xã hội: hoàn thành và hoàn thành vượt mức {met}/{tot} chỉ tiêu.")
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    R.b(f"Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn: {vn(ontime)}%.")
    E.pct("admin_ontime_pct", ontime)
    R.b(f"Giải quyết việc làm: {vn(jobs)} lao động.")
    E.count("jobs_created", jobs)
    R.h("II. CÔNG TÁC THI ĐUA")
    R.b(
        f"Phong trào thi đua do UBND quận phát động: {z2(movements)} phong trào, trong đó nổi bật là phong "
        f"trào thi đua chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    R.b(f"Mô hình, cách làm hay, sáng kiến được công nhận: {models}.")
    E.count("models_recognised", models)
    R.b(f"Gương “Người tốt, việc tốt”, điển hình tiên tiến được quận tuyên dương: {exemplars}.")
    E.count("exemplars_honoured", exemplars)
    R.h("III. CÔNG TÁC KHEN THƯỞNG")
    R.b(f"Khen thưởng của Chủ tịch UBND quận: {vn(coll)} lượt tập thể; {vn(ind)} lượt cá nhân.")
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.h("IV. PHƯƠNG HƯỚNG NĂM 2025")
    R.b(
        f"Mục tiêu: hoàn thành {next_tot} chỉ tiêu chủ yếu năm 2025; chuẩn bị tốt các điều kiện sắp xếp đơn "
        f"vị hành chính theo chủ trương của Trung ương, Thành phố."
    )
    E.trap(f"next-year 'Mục tiêu: hoàn thành {next_tot} chỉ tiêu chủ yếu năm 2025'")
    R.p(
        "Trên đây là báo cáo tổng kết phong trào thi đua và công tác khen thưởng năm 2024 của UBND quận "
        "Hoàn Kiếm./."
    )
    R.signature(
        ["Ban Thi đua – Khen thưởng Thành phố", "Cụm thi đua số 8", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Đặng Hữu Phúc",
    )
    return "r10_arith_hoan_kiem_2024", R, E, False


# ============================================================================================
# driver
# ============================================================================================

BUILDERS = [
    r01_prose_hoan_kiem_2021,
    r02_tables_dong_da_2022,
    r03_long_hai_ba_trung_2023,
    r04_nfd_hoang_mai_2022,
    r05_compare_long_bien_2023,
    r06_traps_ba_dinh_2023,
    r07_ward_cua_nam_2025,
    r08_ward_bo_de_2025,
    r09_partial_dong_da_2023,
    r10_arith_hoan_kiem_2024,
]


def _pdf_text(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        text = "\n".join((pg.extract_text() or "") for pg in pdf.pages)
        return unicodedata.normalize("NFC", text), len(pdf.pages)


def main(argv: list[str]) -> int:
    no_pdf = "--no-pdf" in argv
    built = []
    for build in BUILDERS:
        name, report, expected, want_pdf = build()
        report.save(OUT / f"{name}.docx")
        (OUT / f"{name}.expected.json").write_text(expected.json(), encoding="utf-8")
        built.append((name, expected, want_pdf))
        print(f"wrote {name}.docx ({len(expected.figures)} figures)")
    pdf_names = [n for n, _, w in built if w]
    if pdf_names and not no_pdf:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print("soffice not found; PDFs not written", file=sys.stderr)
            return 1
        cmd = [
            soffice,
            f"-env:UserInstallation={LO_PROFILE}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(OUT),
        ] + [str(OUT / f"{n}.docx") for n in pdf_names]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "HOME": "/tmp"})
        bad = 0
        for name, expected, want in built:
            if not want:
                continue
            text, pages = _pdf_text(OUT / f"{name}.pdf")
            flat = " ".join(text.split())
            missing = [s for s in expected.shown if s not in flat]
            diacritics = all(w in flat for w in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập", "thi đua"))
            status = "ok" if not missing and diacritics else "PROBLEM"
            bad += status != "ok"
            print(
                f"{name}.pdf: {pages} pages, {status}"
                + (f", missing {missing}" if missing else "")
                + ("" if diacritics else ", diacritics lost")
            )
        if bad:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
