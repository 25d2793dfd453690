"""Independent sample reports from units outside the registry (layout ``unknown-unit``).

Run:  .venv/bin/python samples/independent/write_unknown_units.py [--no-pdf]

Four short reports whose issuers the bundled units registry does not know: a district of another province
(UBND huyện Quế Võ under UBND tỉnh Bắc Ninh, the parent on the line above), a provincial youth union
(Tỉnh đoàn Thanh Hóa, its own right-hand line "ĐOÀN TNCS HỒ CHÍ MINH" instead of the national motto), a
ward of another city (phường Sài Gòn, Thành phố Hồ Chí Minh, the issuer split over two lines) and a
Hanoi district outside the cluster (huyện Đông Anh, the city after a comma). Each expected file states the
proposed unit's id with ``"unit_flags": ["unknown_unit"]``. The sentences are this script's own; the
facts loosely follow the public reports of such units. The helpers come from ``write_reports.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from write_reports import LO_PROFILE, OUT, WORDS, Expected, Report, _pdf_text, q, vn, z2

LAYOUT = "unknown-unit"


def _expected_json(expected: Expected) -> str:
    data = json.loads(expected.json())
    data = {"unit": data["unit"], "unit_flags": ["unknown_unit"], "layout": LAYOUT, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def header_two_columns(report: Report, left: list[str], right: list[str]) -> None:
    """A borderless two-column header with the given lines (the last left line is the number)."""
    tbl = report.doc.add_table(rows=1, cols=2)
    tbl.autofit = False
    for i, width in enumerate((Cm(7.6), Cm(9.4))):
        tbl.columns[i].width = width
        tbl.rows[0].cells[i].width = width
    cell_left, cell_right = tbl.rows[0].cells
    report._cell_lines(cell_left, [(s, "b") for s in left[:-1]] + [(left[-1], "")], size=12)
    report._cell_lines(cell_right, [(s, "b") for s in right[:-1]] + [(right[-1], "i")], size=12)
    report.p("", after=0)


def r50_district_que_vo_2023():
    E = Expected("huyen-que-vo", 2023)
    plan = D("2868")
    att = D("121.7")
    rev = q(plan * att / 100, 1)  # 3.490,4
    yoy = D("109.6")
    fdi_part = D("1905.2")
    met, tot = 20, 22
    ontime = D("99.4")
    jobs = 3260
    movements = 6
    coll, ind = 287, 914
    province_bk = 21

    R = Report()
    header_two_columns(
        R,
        ["UBND TỈNH BẮC NINH", "UBND HUYỆN QUẾ VÕ", "———", "Số: 318/BC-UBND"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "———————",
         "Quế Võ, ngày 18 tháng 12 năm 2023"],
    )  # fmt: skip
    R.title(
        ["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023", "và phương hướng, nhiệm vụ năm 2024"]
    )
    R.p(
        "Năm 2023, trong điều kiện các khu công nghiệp trên địa bàn tiếp tục thu hút nhà đầu tư mới, Ủy ban "
        "nhân dân huyện đã gắn các phong trào thi đua với việc tháo gỡ khó khăn cho doanh nghiệp, đẩy nhanh "
        "xây dựng nông thôn mới nâng cao và chuẩn bị các điều kiện để Quế Võ trở thành thị xã."
    )
    R.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI")
    R.p(
        f"Thu ngân sách nhà nước trên địa bàn huyện năm 2023 đạt {vn(rev)} tỷ đồng, bằng {vn(att)}% dự toán "
        f"và bằng {vn(yoy)}% so với năm 2022; trong đó thu từ các doanh nghiệp có vốn đầu tư nước ngoài "
        f"{vn(fdi_part)} tỷ đồng."
    )
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", yoy)
    E.trap(f"component 'trong đó thu từ các doanh nghiệp có vốn đầu tư nước ngoài {vn(fdi_part)} tỷ đồng'")
    R.p(
        f"Huyện hoàn thành {met}/{tot} chỉ tiêu chủ yếu của Nghị quyết Hội đồng nhân dân huyện; {vn(ontime)}% "
        f"hồ sơ thủ tục hành chính được giải quyết đúng hạn; giải quyết việc làm cho {vn(jobs)} lao động, chủ "
        f"yếu vào làm việc tại các khu công nghiệp Quế Võ I, II và III."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.pct("admin_ontime_pct", ontime)
    E.count("jobs_created", jobs)
    R.h("II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    R.p(
        f"Ủy ban nhân dân huyện đã phát động {z2(movements)} phong trào thi đua, trọng tâm là phong trào "
        f"“Quế Võ chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu” và phong trào thi đua cải thiện môi "
        f"trường đầu tư, kinh doanh."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    R.p(
        f"Chủ tịch Ủy ban nhân dân huyện đã tặng Giấy khen cho {coll} tập thể và {vn(ind)} cá nhân có thành "
        f"tích xuất sắc; Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho {province_bk} tập thể của huyện."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    E.trap(f"provincial award 'Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho {province_bk} tập thể'")
    R.p("Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của UBND huyện Quế Võ./.")
    R.signature(
        ["Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT"], "TM. ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Nguyễn Văn Hải"
    )
    return "r50_district_que_vo_2023", R, E, True


def r51_youth_union_thanh_hoa_2023():
    E = Expected("tinh-doan-thanh-hoa", 2023)
    movements = 4
    models, exemplars = 132, 87
    met, tot = 14, 15
    central_bk = 9

    R = Report()
    header_two_columns(
        R,
        ["TỈNH ĐOÀN THANH HÓA", "***", "Số: 512-BC/TĐTN-VP"],
        ["ĐOÀN TNCS HỒ CHÍ MINH", "———————", "Thanh Hóa, ngày 20 tháng 12 năm 2023"],
    )
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng của Đoàn Thanh niên năm 2023"])
    R.p(
        "Năm 2023, các cấp bộ Đoàn trong tỉnh đã cụ thể hóa chủ đề năm “Thanh niên tình nguyện” bằng những "
        "phong trào gắn với phát triển kinh tế - xã hội của địa phương, lấy đoàn viên, thanh niên làm trung "
        "tâm, lấy hiệu quả thực tế ở cơ sở làm thước đo."
    )
    R.h("1. Công tác tổ chức phong trào thi đua")
    R.p(
        f"Ban Thường vụ Tỉnh đoàn đã phát động {WORDS[movements]} phong trào thi đua: “Thanh niên tình nguyện "
        f"vì cuộc sống cộng đồng”, “Tuổi trẻ sáng tạo”, “Thanh niên khởi nghiệp” và “Chuyển đổi số trong "
        f"thanh niên”."
    )
    E.count("movements_launched", movements, shown=WORDS[movements])
    R.p(
        f"Qua các phong trào, toàn tỉnh đã ghi nhận {models} mô hình, cách làm hay của tuổi trẻ; Tỉnh đoàn "
        f"đã biểu dương {exemplars} gương điển hình tiên tiến là đoàn viên, thanh niên tiêu biểu trên các lĩnh "
        f"vực."
    )
    E.count("models_recognised", models)
    E.count("exemplars_honoured", exemplars)
    R.h("2. Kết quả thực hiện chỉ tiêu")
    R.p(
        f"Tỉnh đoàn đạt và vượt {met}/{tot} chỉ tiêu công tác Đoàn và phong trào thanh thiếu nhi năm 2023; "
        f"Ban Bí thư Trung ương Đoàn tặng Bằng khen cho {z2(central_bk)} tập thể của tỉnh."
    )
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    E.trap(f"higher-level award 'Ban Bí thư Trung ương Đoàn tặng Bằng khen cho {z2(central_bk)} tập thể'")
    R.p("Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của Tỉnh đoàn Thanh Hóa./.")
    R.signature(
        ["Trung ương Đoàn", "Ban Thi đua - Khen thưởng tỉnh", "Lưu: VP"],
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
        ["BÍ THƯ"],
        "Lê Thị Thu Hà",
    )
    return "r51_youth_union_thanh_hoa_2023", R, E, True


def r52_ward_sai_gon_2025():
    E = Expected("phuong-sai-gon", 2025)
    rev = D("6284.7")
    att = D("112.3")
    met = tot = 12
    coll, ind = 64, 172

    R = Report()
    R.header_table(
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG SÀI GÒN"], "Số: 204/BC-UBND", "Sài Gòn, ngày 26 tháng 12 năm 2025"
    )
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2025"])
    R.p(
        "Phường Sài Gòn, Thành phố Hồ Chí Minh, được thành lập trên cơ sở sắp xếp các phường Bến Nghé, Đa "
        "Kao và một phần phường Nguyễn Thái Bình; chính quyền phường vận hành từ ngày 01/7/2025. Ủy ban nhân "
        "dân phường báo cáo kết quả công tác thi đua, khen thưởng như sau:"
    )
    R.p(
        f"Thu ngân sách nhà nước trên địa bàn phường từ khi thành lập đến hết năm đạt {vn(rev)} tỷ đồng, bằng "
        f"{vn(att)}% dự toán được giao. Phường hoàn thành {met}/{tot} chỉ tiêu chủ yếu."
    )
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    R.p(
        f"Chủ tịch UBND phường đã tặng Giấy khen cho {coll} tập thể và {ind} cá nhân có thành tích tiêu biểu "
        f"trong các phong trào thi đua của phường."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.signature(
        ["UBND Thành phố Hồ Chí Minh", "Lưu: VT"], "TM. ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Trần Minh Khoa"
    )
    return "r52_ward_sai_gon_2025", R, E, False


def r53_district_dong_anh_2022():
    E = Expected("huyen-dong-anh", 2022)
    rev = D("9815.2")
    att = D("131.6")
    met, tot = 18, 19
    movements = 3

    R = Report()
    R.header_paragraphs(
        "UBND HUYỆN ĐÔNG ANH, TP HÀ NỘI", "Số: 955/BC-UBND", "Đông Anh, ngày 16 tháng 12 năm 2022"
    )
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2022"])
    R.p(
        f"Năm 2022, thu ngân sách nhà nước trên địa bàn huyện đạt {vn(rev)} tỷ đồng, bằng {vn(att)}% dự toán; "
        f"huyện hoàn thành {met}/{tot} chỉ tiêu kinh tế - xã hội chủ yếu."
    )
    E.money("budget_revenue_actual", rev)
    E.pct("budget_revenue_attainment_pct", att)
    E.count("targets_met", met, shown=f"{met}/{tot}")
    E.count("targets_total", tot)
    R.p(
        f"Ủy ban nhân dân huyện đã phát động {WORDS[movements]} phong trào thi đua theo chuyên đề, gắn với "
        f"mục tiêu xây dựng Đông Anh trở thành quận."
    )
    E.count("movements_launched", movements, shown=WORDS[movements])
    R.signature(
        ["Ban Thi đua - Khen thưởng Thành phố", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        "Nguyễn Xuân Linh",
    )
    return "r53_district_dong_anh_2022", R, E, False


BUILDERS = [
    r50_district_que_vo_2023,
    r51_youth_union_thanh_hoa_2023,
    r52_ward_sai_gon_2025,
    r53_district_dong_anh_2022,
]


def main(argv: list[str]) -> int:
    built = []
    for build in BUILDERS:
        name, report, expected, want_pdf = build()
        report.save(OUT / f"{name}.docx")
        (OUT / f"{name}.expected.json").write_text(_expected_json(expected), encoding="utf-8")
        built.append((name, expected, want_pdf))
        print(f"wrote {name}.docx ({len(expected.figures)} figures)")
    pdf_names = [n for n, _, w in built if w]
    if not pdf_names or "--no-pdf" in argv:
        return 0
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found; PDFs not written", file=sys.stderr)
        return 1
    command = [soffice, f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", "pdf"]
    command += ["--outdir", str(OUT), *(str(OUT / f"{n}.docx") for n in pdf_names)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "HOME": "/tmp"})
    bad = 0
    for name, expected, want in built:
        if want:
            text, pages = _pdf_text(OUT / f"{name}.pdf")
            flat = " ".join(text.split())
            missing = [s for s in expected.shown if s not in flat]
            bad += bool(missing)
            print(f"{name}.pdf: {pages} pages" + (f", missing {missing}" if missing else ", ok"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
