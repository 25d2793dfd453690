"""Independent samples of multi-year emulation tables (issue 10, item 1): r20_ … r22_.

Run:  .venv/bin/python samples/independent/write_year_tables.py [--no-pdf]

Each report states its emulation work in a table whose columns are years: one with a next-year plan
column (a trap) and a comparison column, one headed "Thực hiện năm trước | Thực hiện năm nay | So sánh
(%)", and one whose result column names no year (its figures must carry ``low_confidence``). Every
figure in a report is rendered from the variable that feeds its expected file. The helpers (Report,
Expected, vn) are those of ``write_reports.py``; the sentences are this script's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from write_reports import LO_PROFILE, OUT, Expected, Report, _pdf_text, ratio, vn

SIGN = (["Ban Thi đua – Khen thưởng Thành phố", "Cụm thi đua số 8", "Lưu: VT"], "TM. ỦY BAN NHÂN DÂN")


def _closing(R: Report, unit: str, chair: str) -> None:
    R.p(f"Trên đây là báo cáo kết quả công tác thi đua, khen thưởng của Ủy ban nhân dân {unit}./.")
    R.signature(SIGN[0], SIGN[1], ["CHỦ TỊCH"], chair)


def r20_yeartable_hoang_mai_2024():
    """Years as columns, a comparison column and a next-year plan column (the trap)."""
    E = Expected("hoang-mai", 2024)
    mov = (9, 11, 12)  # 2023, 2024, plan 2025
    models = (47, 53, 60)
    exemplars = (182, 205, 220)
    coll = (388, 412)
    ind = (1046, 1118)
    ontime = (D("98.74"), D("99.41"), D(100))

    R = Report(size=13)
    R.header_table(
        ["ỦY BAN NHÂN DÂN", "QUẬN HOÀNG MAI"], "Số: 517/BC-UBND", "Hoàng Mai, ngày 16 tháng 12 năm 2024"
    )
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024"])
    R.p(
        "Năm 2024, các cấp, các ngành trên địa bàn quận tiếp tục đổi mới nội dung, hình thức tổ chức phong "
        "trào thi đua, gắn thi đua với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị; việc phát hiện, "
        "bồi dưỡng và nhân rộng điển hình được quan tâm hơn so với năm trước."
    )
    R.h("I. KẾT QUẢ CHỦ YẾU")
    R.p(
        "Kết quả chủ yếu của năm 2024, so với năm 2023 và chỉ tiêu dự kiến cho năm 2025, được tổng hợp như sau:"
    )

    def pct(a, b):
        return vn(ratio(b, a, 1))

    rows = [
        ["TT", "Nội dung", "ĐVT", "Năm 2023", "Năm 2024", "So sánh (%)", "Kế hoạch năm 2025"],
        [
            "1",
            "Phong trào thi đua do UBND quận phát động",
            "Phong trào",
            *map(str, mov[:2]),
            pct(*mov[:2]),
            str(mov[2]),
        ],
        [
            "2",
            "Mô hình, cách làm hay được công nhận",
            "Mô hình",
            *map(str, models[:2]),
            pct(*models[:2]),
            str(models[2]),
        ],
        [
            "3",
            "Điển hình tiên tiến được biểu dương",
            "Người",
            *map(str, exemplars[:2]),
            pct(*exemplars[:2]),
            str(exemplars[2]),
        ],
        [
            "4",
            "Tập thể được Chủ tịch UBND quận tặng Giấy khen",
            "Tập thể",
            vn(coll[0]),
            vn(coll[1]),
            pct(*coll),
            "—",
        ],
        [
            "5",
            "Cá nhân được Chủ tịch UBND quận tặng Giấy khen",
            "Cá nhân",
            vn(ind[0]),
            vn(ind[1]),
            pct(*ind),
            "—",
        ],
        [
            "6",
            "Hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "%",
            vn(ontime[0]),
            vn(ontime[1]),
            "—",
            vn(ontime[2]),
        ],
    ]
    R.table(
        rows, [1.0, 6.0, 1.9, 1.7, 1.7, 1.9, 2.1], size=11, align_cols=["center", "left"] + ["center"] * 5
    )
    E.count("movements_launched", mov[1])
    E.count("models_recognised", models[1])
    E.count("exemplars_honoured", exemplars[1])
    E.count("commended_collectives", coll[1], shown=vn(coll[1]))
    E.count("commended_individuals", ind[1], shown=vn(ind[1]))
    E.pct("admin_ontime_pct", ontime[1])
    E.trap(f"the 'Năm 2023' column ({mov[0]}, {models[0]}, {exemplars[0]}, …) is the previous year")
    E.trap(
        f"the 'Kế hoạch năm 2025' column ({mov[2]}, {models[2]}, {exemplars[2]}, 100 %) is next year's plan"
    )
    E.trap("the 'So sánh (%)' column compares the years: no indicator's value")
    R.h("II. PHƯƠNG HƯỚNG NĂM 2025")
    R.p(
        "Tiếp tục đẩy mạnh phong trào thi đua “Hoàng Mai chung sức xây dựng đô thị văn minh”, chú trọng khen "
        "thưởng kịp thời người lao động trực tiếp, tập thể nhỏ ở tổ dân phố."
    )
    _closing(R, "quận Hoàng Mai", "Nguyễn Hữu Thắng")
    return "r20_yeartable_hoang_mai_2024", R, E, True, "year-table-plan-column"


def r21_prevnow_dong_da_2023():
    """ "Thực hiện năm trước | Thực hiện năm nay | So sánh (%)": relative years; the comparison is the yoy %."""
    E = Expected("dong-da", 2023)
    rev = (D("11842.6"), D("12915.3"))
    yoy = ratio(rev[1], rev[0], 1)
    targets = ((19, 22), (21, 22))
    mov = (12, 14)
    models = (71, 86)
    exemplars = (264, 301)
    coll = (506, 548)
    ind = (1388, 1472)
    ontime = (D("99.12"), D("99.56"))

    R = Report(size=13)
    R.header_table(
        ["ỦY BAN NHÂN DÂN", "QUẬN ĐỐNG ĐA"], "Số: 702/BC-UBND", "Đống Đa, ngày 20 tháng 12 năm 2023"
    )
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023"])
    R.p(
        "Thực hiện hướng dẫn của Ban Thi đua – Khen thưởng Thành phố, Ủy ban nhân dân quận Đống Đa tổng kết "
        "công tác thi đua, khen thưởng năm 2023; các số liệu chính được đối chiếu với kết quả năm trước để "
        "thấy rõ chuyển biến của từng lĩnh vực."
    )
    R.h("I. KẾT QUẢ THỰC HIỆN")

    def pct(a, b):
        return vn(ratio(b, a, 1))

    rows = [
        ["TT", "Chỉ tiêu", "Thực hiện năm trước", "Thực hiện năm nay", "So sánh (%)"],
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn (tỷ đồng)", vn(rev[0]), vn(rev[1]), vn(yoy)],
        [
            "2",
            "Số chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch",
            "{}/{}".format(*targets[0]),
            "{}/{}".format(*targets[1]),
            "—",
        ],
        ["3", "Phong trào thi đua được phát động", str(mov[0]), str(mov[1]), pct(*mov)],
        [
            "4",
            "Mô hình, cách làm hay, sáng kiến được nhân rộng",
            str(models[0]),
            str(models[1]),
            pct(*models),
        ],
        [
            "5",
            "Gương điển hình tiên tiến được biểu dương",
            str(exemplars[0]),
            str(exemplars[1]),
            pct(*exemplars),
        ],
        [
            "6",
            "Lượt tập thể được tặng Giấy khen của Chủ tịch UBND quận",
            vn(coll[0]),
            vn(coll[1]),
            pct(*coll),
        ],
        ["7", "Lượt cá nhân được tặng Giấy khen của Chủ tịch UBND quận", vn(ind[0]), vn(ind[1]), pct(*ind)],
        ["8", "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)", vn(ontime[0]), vn(ontime[1]), "—"],
    ]
    R.table(
        rows, [1.0, 7.6, 2.6, 2.6, 2.2], size=11, align_cols=["center", "left", "center", "center", "center"]
    )
    E.money("budget_revenue_actual", rev[1])
    E.pct("budget_revenue_yoy_pct", yoy)
    E.count("targets_met", targets[1][0], shown="{}/{}".format(*targets[1]))
    E.count("targets_total", targets[1][1])
    E.count("movements_launched", mov[1])
    E.count("models_recognised", models[1])
    E.count("exemplars_honoured", exemplars[1])
    E.count("commended_collectives", coll[1], shown=vn(coll[1]))
    E.count("commended_individuals", ind[1], shown=vn(ind[1]))
    E.pct("admin_ontime_pct", ontime[1])
    E.trap("the 'Thực hiện năm trước' column is 2022 (19/22, 12, 71, 264, …)")
    E.trap(
        f"'So sánh (%)' is this year against the last: the revenue yoy ({vn(yoy)}), for the other rows nothing"
    )
    R.h("II. NHIỆM VỤ NĂM 2024")
    R.p(
        "Năm 2024, quận tiếp tục gắn phong trào thi đua với chuyển đổi số, cải cách hành chính; khen thưởng "
        "đúng người, đúng thành tích, kịp thời."
    )
    _closing(R, "quận Đống Đa", "Lê Tuấn Định")
    return "r21_prevnow_dong_da_2023", R, E, True, "year-table-relative"


def r22_untold_hai_ba_trung_2024():
    """A result column whose header names no year beside the previous year's column: flagged."""
    E = Expected("hai-ba-trung", 2024)
    mov = (8, 10)
    models = (39, 45)
    exemplars = (150, 168)
    coll, ind = 402, 1187

    R = Report(size=13)
    R.header_table(
        ["ỦY BAN NHÂN DÂN", "QUẬN HAI BÀ TRƯNG"], "Số: 655/BC-UBND", "Hai Bà Trưng, ngày 18 tháng 12 năm 2024"
    )
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024"])
    R.h("I. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    R.p(
        "Phong trào thi đua của quận được triển khai đồng bộ ở các phường, cơ quan, trường học; nhiều cách làm "
        "mới xuất phát từ cơ sở. Một số kết quả so với năm 2023:"
    )
    rows = [
        ["TT", "Nội dung", "Năm 2023", "Kết quả đạt được", "Ghi chú"],
        ["1", "Phong trào thi đua do quận phát động", str(mov[0]), str(mov[1]), ""],
        ["2", "Mô hình, cách làm hay được công nhận", str(models[0]), str(models[1]), ""],
        ["3", "Điển hình tiên tiến được biểu dương", str(exemplars[0]), str(exemplars[1]), "Cấp quận"],
    ]
    R.table(
        rows, [1.0, 7.4, 2.2, 3.0, 2.4], size=11, align_cols=["center", "left", "center", "center", "center"]
    )
    E.count("movements_launched", mov[1], flags=["low_confidence"])
    E.count("models_recognised", models[1], flags=["low_confidence"])
    E.count("exemplars_honoured", exemplars[1], flags=["low_confidence"])
    E.trap(
        "'Kết quả đạt được' names no year beside 'Năm 2023': read as the report year, flagged low_confidence"
    )
    R.h("II. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        f"Năm 2024, Chủ tịch UBND quận đã tặng Giấy khen cho {vn(coll)} lượt tập thể và {vn(ind)} lượt cá nhân "
        "có thành tích xuất sắc trong các phong trào thi đua."
    )
    E.count("commended_collectives", coll, shown=vn(coll))
    E.count("commended_individuals", ind, shown=vn(ind))
    _closing(R, "quận Hai Bà Trưng", "Trần Thị Ánh")
    return "r22_untold_hai_ba_trung_2024", R, E, False, "year-table-untold"


BUILDERS = [r20_yeartable_hoang_mai_2024, r21_prevnow_dong_da_2023, r22_untold_hai_ba_trung_2024]


def main(argv: list[str]) -> int:
    built = []
    for build in BUILDERS:
        name, report, expected, want_pdf, layout = build()
        report.save(OUT / f"{name}.docx")
        data = json.loads(expected.json())
        data["layout"] = layout
        (OUT / f"{name}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        built.append((name, expected, want_pdf))
        print(f"wrote {name}.docx ({len(expected.figures)} figures)")
    pdf_names = [n for n, _, w in built if w]
    if not pdf_names or "--no-pdf" in argv:
        return 0
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
    ]
    subprocess.run(
        cmd + [str(OUT / f"{n}.docx") for n in pdf_names],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "HOME": "/tmp"},
    )
    bad = 0
    for name, expected, want in built:
        if not want:
            continue
        text, pages = _pdf_text(OUT / f"{name}.pdf")
        flat = " ".join(text.split())
        missing = [s for s in expected.shown if s not in flat]
        bad += bool(missing)
        print(f"{name}.pdf: {pages} pages" + (f", missing {missing}" if missing else ", ok"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
