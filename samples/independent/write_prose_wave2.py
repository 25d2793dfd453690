"""Independent sample reports, second wave: figures spread over clauses and sentences, award lists
without a total, traps of partial achievement, numbers in words, "tỉ" for "tỷ" (issue 10, items 2–4).

Run:  .venv/bin/python samples/independent/write_prose_wave2.py [--no-pdf]

Writes ``r11_`` … ``r15_`` reports (``NAME.docx``, a LibreOffice ``NAME.pdf`` twin for some) with
``NAME.expected.json`` beside each. As in ``write_reports.py`` (whose helpers this script uses), every
figure in the text is rendered from the variable that feeds the expected file. The sentences are this
author's own; the facts follow the shape of public reports of Hanoi's districts and wards.
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

from write_reports import LO_PROFILE, OUT, Expected, Report, _pdf_text, vn, z2

WORDS = {
    7: "bảy",
    11: "mười một",
    15: "mười lăm",
    16: "mười sáu",
    18: "mười tám",
    21: "hai mươi mốt",
    22: "hai mươi hai",
    105: "một trăm linh năm",
    126: "một trăm hai mươi sáu",
}


class Sample(Expected):
    """An expected file that also names its layout (the evaluator reports recall per layout)."""

    def __init__(self, unit: str, year: int, layout: str) -> None:
        super().__init__(unit, year)
        self.layout = layout

    def json(self) -> str:
        data = json.loads(super().json())
        data = {"unit": data["unit"], "year": data["year"], "layout": self.layout, **data}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _closing(R: Report, unit_name: str, year: int, signer: str, level: str = "QUẬN") -> None:
    R.p(f"Trên đây là báo cáo công tác thi đua, khen thưởng năm {year} của Ủy ban nhân dân {unit_name}./.")
    R.signature(
        ["Ban Thi đua - Khen thưởng Thành phố", "Cụm thi đua", "Lưu: VT"],
        "TM. ỦY BAN NHÂN DÂN",
        ["CHỦ TỊCH"],
        signer,
    )


# ============================================================================================
# r11: the number of targets in one sentence, those met in the next, then subsets — Long Biên 2024
# ============================================================================================


def r11_targets_split_long_bien_2024():
    E = Sample("long-bien", 2024, "targets-over-sentences")
    total, met = 24, 22
    exceeded, only_met, missed = 9, 13, 2
    assert exceeded + only_met == met and met + missed == total
    revenue, att, yoy = D("6905"), D("108.3"), D("7.2")
    ontime = D("99.41")
    movements, models, exemplars = 11, 21, 105
    coll, ind = 186, 542

    R = Report()
    R.header_table(["UBND QUẬN LONG BIÊN"], "Số: 418/BC-UBND", "Long Biên, ngày 16 tháng 12 năm 2024")
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024"])
    R.h("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    R.p(
        f"Nghị quyết của Hội đồng nhân dân quận về nhiệm vụ phát triển kinh tế - xã hội năm 2024 đề ra "
        f"{total} chỉ tiêu chủ yếu. Đến hết năm, có {met} chỉ tiêu hoàn thành và vượt kế hoạch; cụ thể "
        f"{z2(exceeded)}/{total} chỉ tiêu vượt, {only_met}/{total} chỉ tiêu đạt, {z2(missed)}/{total} chỉ "
        f"tiêu không đạt do khó khăn về giải phóng mặt bằng."
    )
    E.count("targets_total", total)
    E.count("targets_met", met)
    E.trap(
        f"subsets '{z2(exceeded)}/{total} chỉ tiêu vượt', '{only_met}/{total} chỉ tiêu đạt' are not targets met"
    )
    R.p(
        f"Tổng thu ngân sách nhà nước trên địa bàn quận đạt {vn(revenue)} tỉ đồng, tỉ lệ thu đạt {vn(att)}%; "
        f"tăng {vn(yoy)}% so với cùng kỳ. Tỉ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn đạt {vn(ontime)}%."
    )
    E.money("budget_revenue_actual", revenue)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("budget_revenue_yoy_pct", 100 + yoy, shown=vn(yoy))
    E.pct("admin_ontime_pct", ontime)
    E.trap("'tỉ đồng', 'tỉ lệ thu' (the attainment) and 'Tỉ lệ giải quyết' written with i")
    R.h("II. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    R.p(
        f"Ủy ban nhân dân quận đã phát động, hướng dẫn và tổ chức thực hiện {WORDS[movements]} phong trào "
        f"thi đua. Hội đồng Thi đua - Khen thưởng quận công nhận {WORDS[models]} mô hình, cách làm hay; quận "
        f"biểu dương {WORDS[exemplars]} gương điển hình tiên tiến, người tốt, việc tốt."
    )
    E.count("movements_launched", movements, shown=WORDS[movements])
    E.count("models_recognised", models, shown=WORDS[models])
    E.count("exemplars_honoured", exemplars, shown=WORDS[exemplars])
    R.p(f"Chủ tịch UBND quận tặng Giấy khen cho {coll} tập thể và {ind} cá nhân có thành tích xuất sắc.")
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind)
    R.h("III. PHƯƠNG HƯỚNG NĂM 2025")
    R.p("Phấn đấu hoàn thành 25/25 chỉ tiêu chủ yếu năm 2025; tiếp tục đổi mới công tác khen thưởng.")
    E.trap("next year's '25/25 chỉ tiêu' under the plans heading")
    _closing(R, "quận Long Biên", 2024, "Nguyễn Văn Thắng")
    return "r11_targets_split_long_bien_2024", R, E, True


# ============================================================================================
# r12: a bullet list of award forms and no total; the City's awards and proposals apart — Hoàng Mai 2024
# ============================================================================================


def r12_award_list_hoang_mai_2024():
    E = Sample("hoang-mai", 2024, "award-list-no-total")
    gk_coll, gk_ind = 64, 215
    lao_dong_tt, tap_the_tt, csd_cs = 1128, 97, 142
    households = 18
    city_coll, city_ind, proposed_coll, proposed_ind, flags = 12, 25, 3, 6, 2
    coll = gk_coll + tap_the_tt
    ind = gk_ind + lao_dong_tt + csd_cs
    movements = 8

    R = Report()
    R.header_table(["UBND QUẬN HOÀNG MAI"], "Số: 377/BC-UBND", "Hoàng Mai, ngày 18 tháng 12 năm 2024")
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2024"])
    R.h("I. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    R.p(f"UBND quận đã phát động {z2(movements)} phong trào thi đua theo chuyên đề và thường xuyên.")
    E.count("movements_launched", movements, shown=z2(movements))
    R.h("II. CÔNG TÁC KHEN THƯỞNG")
    R.p("Kết quả khen thưởng của Chủ tịch Ủy ban nhân dân quận trong năm như sau:")
    R.b(f"Giấy khen của Chủ tịch UBND quận: {gk_coll} tập thể và {gk_ind} cá nhân;")
    R.b(f"Danh hiệu “Lao động tiên tiến”: {vn(lao_dong_tt)} cá nhân;")
    R.b(f"Danh hiệu “Tập thể lao động tiên tiến”: {tap_the_tt} tập thể;")
    R.b(f"Danh hiệu “Chiến sĩ thi đua cơ sở”: {csd_cs} cá nhân;")
    R.b(f"Giấy khen cho {households} hộ gia đình tiêu biểu trong phong trào xây dựng đời sống văn hóa.")
    E.count("commended_collectives", coll, shown=str(tap_the_tt))
    E.count("commended_individuals", ind, shown=vn(lao_dong_tt))
    E.trap(
        "no total: collectives = Giấy khen + Tập thể lao động tiên tiến, individuals = Giấy khen + LĐTT + CSTĐCS"
    )
    E.trap(f"'{households} hộ gia đình' are neither collectives nor individuals")
    R.p(
        f"Quận đã trình Chủ tịch UBND Thành phố tặng Bằng khen cho {city_coll} tập thể, {city_ind} cá nhân; đề "
        f"nghị cấp trên khen thưởng {proposed_coll} tập thể và {proposed_ind} cá nhân; {flags} tập thể được "
        f"UBND Thành phố tặng Cờ thi đua."
    )
    E.trap("awards of the City and proposals upwards are not the unit's own")
    _closing(R, "quận Hoàng Mai", 2024, "Nguyễn Hữu Nghĩa")
    return "r12_award_list_hoang_mai_2024", R, E, True


# ============================================================================================
# r13: award forms in one sentence; a total stated with its parts; a total whose lines disagree — HBT 2024
# ============================================================================================


def r13_award_sentence_hai_ba_trung_2024():
    E = Sample("hai-ba-trung", 2024, "award-sentence")
    gk_coll, gk_ind, ldtt, ttldtt, cstd = 52, 176, 905, 71, 118
    coll, ind = gk_coll + ttldtt, gk_ind + ldtt + cstd
    households = 9
    regular, themed = 6, 3
    models_total, models_new = 40, 14
    written_exemplars = 96
    exemplar_lines = (31, 58)  # add up to 89: not the total written
    assert sum(exemplar_lines) != written_exemplars

    R = Report()
    R.header_table(["UBND QUẬN HAI BÀ TRƯNG"], "Số: 529/BC-UBND", "Hai Bà Trưng, ngày 20 tháng 12 năm 2024")
    R.title(["BÁO CÁO", "Công tác thi đua, khen thưởng năm 2024"])
    R.h("I. KẾT QUẢ PHONG TRÀO THI ĐUA")
    R.p(
        f"Quận đã phát động {z2(regular + themed)} phong trào thi đua, trong đó có {z2(themed)} phong trào "
        f"theo chuyên đề và {z2(regular)} phong trào thường xuyên."
    )
    E.count("movements_launched", regular + themed, shown=z2(regular + themed))
    E.trap("the total of movements before its parts, never a part")
    R.p(
        f"Quận công nhận {models_total} mô hình, cách làm hay, trong đó {models_new} mô hình lần đầu được "
        f"nhân rộng; biểu dương {written_exemplars} gương điển hình tiên tiến, gồm: {exemplar_lines[0]} gương "
        f"người tốt, việc tốt và {exemplar_lines[1]} gương điển hình trong lao động sản xuất."
    )
    E.count("models_recognised", models_total)
    E._add("exemplars_honoured", written_exemplars, str(written_exemplars), flags=["conflict"])
    E.trap("exemplars: the total written (96) is kept; its lines (31 + 58) do not add up: conflict")
    R.h("II. CÔNG TÁC KHEN THƯỞNG")
    R.p(
        f"Giấy khen của Chủ tịch UBND quận: {gk_coll} tập thể và {gk_ind} cá nhân; danh hiệu Lao động tiên "
        f"tiến: {ldtt} cá nhân; Tập thể lao động tiên tiến: {ttldtt} tập thể; Chiến sĩ thi đua cơ sở: {cstd} "
        f"cá nhân; Giấy khen cho {households} hộ gia đình."
    )
    E.count("commended_collectives", coll, shown=str(ttldtt))
    E.count("commended_individuals", ind, shown=str(ldtt))
    E.trap(
        "one sentence of award forms without a total: summed per collectives / individuals, households apart"
    )
    R.p("Đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 02 tập thể và 04 cá nhân có thành tích xuất sắc.")
    E.trap("a proposal to the Prime Minister")
    _closing(R, "quận Hai Bà Trưng", 2024, "Nguyễn Quang Hiếu")
    return "r13_award_sentence_hai_ba_trung_2024", R, E, False


# ============================================================================================
# r14: partial achievement, hedges and estimates — Ba Đình 2024
# ============================================================================================


def r14_partial_hedges_ba_dinh_2024():
    E = Sample("ba-dinh", 2024, "partial-achievement-hedges")
    total, met, over_half, under_half = 27, 15, 9, 3
    assert met + over_half + under_half == total
    revenue, att = D("10250"), D("104.6")
    disbursed = D("92")
    jobs = 4100
    ontime = D("99.6")
    next_year = D("11000")

    R = Report()
    R.header_table(["UBND QUẬN BA ĐÌNH"], "Số: 611/BC-UBND", "Ba Đình, ngày 10 tháng 12 năm 2024")
    R.title(["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024"])
    R.h("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    R.p(
        f"Năm 2024 có {met}/{total} chỉ tiêu đạt và vượt kế hoạch, {over_half}/{total} chỉ tiêu đạt trên 50% "
        f"kế hoạch, {z2(under_half)}/{total} chỉ tiêu đạt dưới 50%."
    )
    E.count("targets_met", met, shown=f"{met}/{total}")
    E.count("targets_total", total)
    E.trap(f"'{over_half}/{total} chỉ tiêu đạt trên 50%' is partial achievement, never targets met")
    R.p(
        f"Ước thực hiện cả năm, tổng thu ngân sách nhà nước trên địa bàn đạt hơn {vn(revenue)} tỷ đồng, bằng "
        f"khoảng {vn(att)}% dự toán Thành phố giao; tỷ lệ giải ngân vốn đầu tư công đạt gần {vn(disbursed)}% "
        f"kế hoạch vốn."
    )
    E.money("budget_revenue_actual", revenue)
    E.pct("budget_revenue_attainment_pct", att)
    E.pct("public_investment_disbursement_pct", disbursed)
    E.trap("hedged estimates 'ước thực hiện cả năm … hơn', 'khoảng', 'gần': the value as written")
    R.p(
        f"Dự kiến cả năm, tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {vn(ontime)}%; quận giải "
        f"quyết việc làm cho trên {vn(jobs)} lao động."
    )
    E.pct("admin_ontime_pct", ontime)
    E.count("jobs_created", jobs)
    E.trap("'Dự kiến cả năm' estimates the report year: an estimate, not a plan")
    R.p(f"Dự kiến năm 2025, thu ngân sách trên địa bàn đạt {vn(next_year)} tỷ đồng.")
    E.trap(f"next year's revenue 'Dự kiến năm 2025 … {vn(next_year)} tỷ'")
    _closing(R, "quận Ba Đình", 2024, "Hoàng Minh Dũng Tiến")
    return "r14_partial_hedges_ba_dinh_2024", R, E, False


# ============================================================================================
# r15: a ward report in words and long clauses — phường Giảng Võ 2025
# ============================================================================================


def r15_words_clauses_giang_vo_2025():
    E = Sample("phuong-giang-vo", 2025, "words-and-clauses")
    total, met, missed = 18, 16, 2
    assert met + missed == total
    movements, coll, ind = 7, 38, 126
    models, exemplars = 15, 22

    R = Report()
    R.header_table(["UBND PHƯỜNG GIẢNG VÕ"], "Số: 96/BC-UBND", "Giảng Võ, ngày 19 tháng 12 năm 2025")
    R.title(["BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2025"])
    R.h("1. Kết quả thực hiện chỉ tiêu")
    R.p(
        f"Nghị quyết Hội đồng nhân dân phường đề ra {WORDS[total]} chỉ tiêu. Kết quả có {WORDS[met]} chỉ tiêu "
        f"đạt và vượt, hai chỉ tiêu không đạt."
    )
    E.count("targets_total", total, shown=WORDS[total])
    E.count("targets_met", met, shown=WORDS[met])
    E.trap("'hai chỉ tiêu không đạt' is a subset")
    R.h("2. Công tác thi đua, khen thưởng")
    R.p(
        f"Số phong trào thi đua do Ủy ban nhân dân phường phát động, kể cả các đợt thi đua cao điểm chào "
        f"mừng các ngày lễ lớn, là {z2(movements)}."
    )
    E.count("movements_launched", movements, shown=z2(movements))
    R.p(
        f"Số tập thể được Chủ tịch UBND phường tặng Giấy khen, kể cả khen thưởng đột xuất, là {coll}; số cá "
        f"nhân là {WORDS[ind]}."
    )
    E.count("commended_collectives", coll)
    E.count("commended_individuals", ind, shown=WORDS[ind])
    E.trap("the count after 'là', its noun after 'Số' at the start of a long clause")
    R.p(
        f"Phường công nhận {WORDS[models]} mô hình, cách làm hay và biểu dương {WORDS[exemplars]} gương người "
        f"tốt, việc tốt."
    )
    E.count("models_recognised", models, shown=WORDS[models])
    E.count("exemplars_honoured", exemplars, shown=WORDS[exemplars])
    _closing(R, "phường Giảng Võ", 2025, "Trần Thị Thu Hằng", level="PHƯỜNG")
    return "r15_words_clauses_giang_vo_2025", R, E, False


BUILDERS = [
    r11_targets_split_long_bien_2024,
    r12_award_list_hoang_mai_2024,
    r13_award_sentence_hai_ba_trung_2024,
    r14_partial_hedges_ba_dinh_2024,
    r15_words_clauses_giang_vo_2025,
]


def main(argv: list[str]) -> int:
    built = []
    for build in BUILDERS:
        name, report, expected, want_pdf = build()
        report.save(OUT / f"{name}.docx")
        (OUT / f"{name}.expected.json").write_text(expected.json(), encoding="utf-8")
        built.append((name, expected, want_pdf))
        print(f"wrote {name}.docx ({len(expected.figures)} figures)")
    pdf_names = [n for n, _, w in built if w]
    if not pdf_names or "--no-pdf" in argv:
        return 0
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found; PDFs not written", file=sys.stderr)
        return 1
    cmd = [soffice, f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", "pdf"]
    cmd += ["--outdir", str(OUT), *(str(OUT / f"{n}.docx") for n in pdf_names)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "HOME": "/tmp"})
    bad = 0
    for name, expected, want in built:
        if not want:
            continue
        text, pages = _pdf_text(OUT / f"{name}.pdf")
        flat = " ".join(text.split())
        missing = [s for s in expected.shown if s not in flat]
        bad += bool(missing)
        print(f"{name}.pdf: {pages} pages, " + (f"missing {missing}" if missing else "ok"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
