"""Sample reports for the social indicators of the extension folder ``samples/social/indicators``.

Run:  .venv/bin/python samples/social/write_social.py

Writes three 2024 district reports next to this script (``NAME.docx``, a LibreOffice PDF for the first)
with ``NAME.expected.json``. They state health-insurance coverage, the multidimensional poverty rate and
schools meeting the national standard (the indicators ``THIDUA_INDICATORS=samples/social/indicators``
adds) beside the usual figures, each with a decoy of its own: social insurance (BHXH), the enrolment plan
attained, near-poor households, schools recognised in the year. Every figure in the text is rendered from
the variable that feeds the expected file, with the helpers of ``samples/independent/write_reports.py``.
The sentences are written for these samples.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent / "independent"))
from write_reports import Expected, Report, q, vn, z2  # noqa: E402

LAYOUT = {"s01": "social-prose", "s02": "social-table", "s03": "social-prose"}


def _expected(unit: str, year: int, layout: str) -> Expected:
    e = Expected(unit, year)
    e.layout = layout  # written into the JSON by _json below
    return e


def _json(e: Expected) -> str:
    import json

    data = {"unit": e.unit, "year": e.year, "layout": e.layout, "figures": e.figures, "traps": e.traps}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def s01_ba_dinh_2024() -> tuple[str, Report, Expected, bool]:
    e = _expected("ba-dinh", 2024, LAYOUT["s01"])
    plan, att = D(9650), D("108.2")
    rev = q(plan * att / 100, 1)
    met, tot = 19, 20
    bhyt, bhyt_plan_pct, bhxh = D("94.6"), D("100.8"), D("41.3")
    poor, near_poor = D("0.04"), D("0.21")
    std, schools, new_std = 41, 57, 2

    r = Report()
    r.header_paragraphs("UBND QUẬN BA ĐÌNH", "Số: 388/BC-UBND", "Ba Đình, ngày 16 tháng 12 năm 2024")
    r.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2024"])
    r.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI")
    r.p(
        f"Năm 2024, thu ngân sách nhà nước trên địa bàn quận ước đạt {vn(rev)} tỷ đồng, đạt {vn(att)}% dự "
        f"toán Thành phố giao. Quận hoàn thành và vượt {met}/{tot} chỉ tiêu kinh tế - xã hội chủ yếu."
    )
    e.money("budget_revenue_actual", rev)
    e.pct("budget_revenue_attainment_pct", att)
    e.count("targets_met", met, shown=f"{met}/{tot}")
    e.count("targets_total", tot)
    r.h("II. CÁC LĨNH VỰC XÃ HỘI")
    r.p(
        f"Công tác an sinh xã hội được bảo đảm; tỷ lệ bao phủ bảo hiểm y tế đạt {vn(bhyt)}% dân số, số "
        f"người tham gia bảo hiểm y tế đạt {vn(bhyt_plan_pct)}% kế hoạch Thành phố giao; tỷ lệ lao động "
        f"tham gia bảo hiểm xã hội đạt {vn(bhxh)}%."
    )
    e.pct("health_insurance_coverage_pct", bhyt)
    e.trap(f"enrolment plan attained '{vn(bhyt_plan_pct)}% kế hoạch'; social insurance '{vn(bhxh)}%'")
    r.p(
        f"Cuối năm, tỷ lệ hộ nghèo đa chiều của quận còn {vn(poor)}%, tỷ lệ hộ cận nghèo còn "
        f"{vn(near_poor)}%; các hộ thoát nghèo được tiếp tục hỗ trợ sinh kế."
    )
    e.pct("poverty_multidimensional_pct", poor)
    e.trap(f"near-poor 'tỷ lệ hộ cận nghèo còn {vn(near_poor)}%'")
    r.p(
        f"Ngành giáo dục tiếp tục giữ vững chất lượng; trong năm công nhận mới {z2(new_std)} trường đạt "
        f"chuẩn, nâng số trường đạt chuẩn quốc gia; toàn quận có {std}/{schools} trường công lập đạt chuẩn "
        f"quốc gia."
    )
    e.count("schools_national_standard", std, shown=f"{std}/{schools}")
    e.count("schools_total", schools)
    e.trap(f"schools recognised in the year 'công nhận mới {z2(new_std)} trường'")
    r.p("Trên đây là báo cáo kết quả công tác thi đua, khen thưởng năm 2024 của UBND quận Ba Đình./.")
    return "s01_social_prose_ba_dinh_2024", r, e, True


def s02_long_bien_2024() -> tuple[str, Report, Expected, bool]:
    e = _expected("long-bien", 2024, LAYOUT["s02"])
    plan, rev = D(8420), D("9106.7")
    bhyt_plan, bhyt = D("94.0"), D("94.9")
    poor_plan, poor = D("0.10"), D("0.06")
    std, schools = 52, 69

    r = Report()
    r.header_paragraphs("UBND QUẬN LONG BIÊN", "Số: 501/BC-UBND", "Long Biên, ngày 18 tháng 12 năm 2024")
    r.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024"])
    r.h("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    r.p("Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2024 như sau:")
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện năm 2024"],
        ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", vn(plan), vn(rev)],
        ["2", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", vn(bhyt_plan), vn(bhyt)],
        ["3", "Tỷ lệ hộ nghèo đa chiều", "%", vn(poor_plan), vn(poor)],
    ]
    r.table(rows, [1.2, 8.0, 2.0, 2.6, 2.6])
    e.money("budget_revenue_plan", plan)
    e.money("budget_revenue_actual", rev)
    e.pct("budget_revenue_attainment_pct", q(rev / plan * 100, 2), derived=True)
    e.pct("health_insurance_coverage_pct", bhyt)
    e.pct("poverty_multidimensional_pct", poor)
    e.trap("the plan column of the table")
    r.p(
        f"Về giáo dục, quận hiện có {std}/{schools} trường công lập đạt chuẩn quốc gia, dẫn đầu các quận "
        f"về số trường đạt chuẩn."
    )
    e.count("schools_national_standard", std, shown=f"{std}/{schools}")
    e.count("schools_total", schools)
    r.p("Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của UBND quận Long Biên./.")
    return "s02_social_table_long_bien_2024", r, e, False


def s03_hoang_mai_2024() -> tuple[str, Report, Expected, bool]:
    e = _expected("hoang-mai", 2024, LAYOUT["s03"])
    bhyt, bhyt_up = D("93.8"), D("1.2")
    poor, poor_down = D("0.12"), D("0.09")
    std, schools = 38, 55

    r = Report()
    r.header_paragraphs("UBND QUẬN HOÀNG MAI", "Số: 276/BC-UBND", "Hoàng Mai, ngày 12 tháng 12 năm 2024")
    r.title(["BÁO CÁO", "Kết quả phong trào thi đua và công tác khen thưởng năm 2024"])
    r.h("1. Văn hóa - xã hội")
    r.p(
        f"Tỷ lệ người dân tham gia BHYT đạt {vn(bhyt)}%, tăng {vn(bhyt_up)}% so với cùng kỳ. Tỷ lệ hộ "
        f"nghèo đa chiều giảm {vn(poor_down)}% so với đầu năm; tỷ lệ hộ nghèo đa chiều còn {vn(poor)}%."
    )
    e.pct("health_insurance_coverage_pct", bhyt)
    e.pct("poverty_multidimensional_pct", poor)
    e.trap(f"increase 'tăng {vn(bhyt_up)}%'; reduction 'giảm {vn(poor_down)}%'")
    r.p(f"Có {std}/{schools} trường công lập trên địa bàn quận đạt chuẩn quốc gia.")
    e.count("schools_national_standard", std, shown=f"{std}/{schools}")
    e.count("schools_total", schools)
    r.p("Trên đây là báo cáo của UBND quận Hoàng Mai./.")
    return "s03_social_prose_hoang_mai_2024", r, e, False


BUILDERS = [s01_ba_dinh_2024, s02_long_bien_2024, s03_hoang_mai_2024]


def main() -> int:
    pdfs = []
    for build in BUILDERS:
        name, report, expected, want_pdf = build()
        report.save(OUT / f"{name}.docx")
        (OUT / f"{name}.expected.json").write_text(_json(expected), encoding="utf-8")
        print(f"wrote {name}.docx ({len(expected.figures)} figures)")
        if want_pdf:
            pdfs.append(OUT / f"{name}.docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if pdfs and not soffice:
        print(
            "soffice not found (Debian package libreoffice-writer-nogui); PDFs not written", file=sys.stderr
        )
        return 1
    if pdfs:
        cmd = [soffice, "-env:UserInstallation=file:///tmp/lo-social-profile", "--headless"]
        cmd += ["--convert-to", "pdf", "--outdir", str(OUT), *map(str, pdfs)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
