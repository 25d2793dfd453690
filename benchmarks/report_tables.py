"""The ruled tables of a benchmark report (domain.md §3).

Figure tables, written once per report when drawn: the socio-economic targets (``Biểu số 01``:
TT | Chỉ tiêu | ĐVT | Kế hoạch | Ước thực hiện | So sánh (%) Với KH / Với cùng kỳ, merged header), the
two-year comparison (Năm N−1 | Năm N, each Thực hiện | % so KH, with an "ĐVT: Tỷ đồng" line), and the
commendations by level (Huân chương, Bằng khen Thủ tướng, Bằng khen Thành phố, Giấy khen, collectives
and individuals, a "Cộng" row per level). Their cells agree with the prose; their decoy rows
(expenditure, components, schools, the previous year) are in ``traps``.

List tables, as many as the page count and the table share ask for: exemplars with names and
achievements, collectives and individuals commended (with decision numbers), models, movements.
They carry no indicator figure.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import TYPE_CHECKING

from benchmarks.model import Table
from benchmarks.report_base import Report, fmt_count, ratio, vn
from benchmarks.templates import expand

if TYPE_CHECKING:
    from benchmarks.report_values import Values

D = Decimal
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Mai", "Tạ", "Lương"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Minh", "Quang", "Thanh", "Ngọc", "Đức", "Hữu", "Xuân", "Thu", "Hoàng", "Anh",
    "Mạnh", "Thế", "Hồng", "Kim", "Bảo", "Tiến"]  # fmt: skip
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo",
    "Thắng", "Trang", "Tuấn", "Việt", "Yến", "Cường", "Đạt", "Huyền", "Loan", "Oanh", "Thủy", "Tùng",
    "Vinh"]  # fmt: skip
ROLES = [
    "Tổ trưởng tổ dân phố số {k}, {sub}",
    "Giáo viên Trường Tiểu học {street}",
    "Cán bộ Công an {sub}",
    "Chủ hộ kinh doanh trên phố {street}",
    "Bí thư Đoàn {sub}",
    "Chi hội trưởng Chi hội Phụ nữ tổ dân phố số {k}",
    "Bác sĩ Trạm Y tế {sub}",
    "Công chức Văn phòng HĐND và UBND {lv}",
    "Đội viên Đội Quản lý trật tự đô thị",
    "Hội viên Hội Cựu chiến binh {sub}",
    "Nhân viên Công ty Môi trường đô thị",
    "Chỉ huy phó Ban Chỉ huy Quân sự {sub}",
]
DEEDS = [
    "Tích cực tham gia công tác [vệ sinh môi trường|giữ gìn trật tự đô thị] tại khu dân cư",
    "[Nhặt được tài sản|Nhặt được ví tiền] và trả lại cho người đánh rơi",
    "Có nhiều đóng góp trong [công tác an sinh xã hội|phong trào khuyến học] tại địa phương",
    "Dũng cảm [tham gia cứu người|giúp dân thoát nạn] trong [vụ cháy|vụ tai nạn giao thông]",
    "[Vận động|Hỗ trợ] các hộ dân [chấp hành quy định về trật tự xây dựng|sử dụng dịch vụ công trực tuyến]",
    "Hoàn thành xuất sắc nhiệm vụ [năm {y}|được giao], là tấm gương sáng trong [cơ quan|khu dân cư]",
    "[Tận tình|Thường xuyên] giúp đỡ [người cao tuổi|gia đình có hoàn cảnh khó khăn] trên địa bàn",
]
COLLECTIVES = [
    "Tổ dân phố số {k}, {sub}",
    "Trường Mầm non {street}",
    "Trường Trung học cơ sở {street}",
    "Trạm Y tế {sub}",
    "Công an {sub}",
    "Văn phòng HĐND và UBND {lv}",
    "Phòng Kinh tế",
    "Chi hội Phụ nữ tổ dân phố số {k}",
    "Đoàn Thanh niên {sub}",
    "Ban Chỉ huy Quân sự {sub}",
    "Hội Cựu chiến binh {sub}",
    "Công ty Cổ phần Thương mại {street}",
]
MODELS = [
    '"Tuyến phố văn minh đô thị"',
    '"Chợ an toàn"',
    '"Bữa cơm nghĩa tình"',
    '"ATM gạo nghĩa tình"',
    '"Tổ dân phố không rác thải nhựa"',
    '"Camera an ninh khu dân cư"',
    '"Một cửa thân thiện"',
    '"Điểm sáng văn hóa khu dân cư"',
    '"Tủ sách cộng đồng"',
    '"Nhà văn hóa xanh - sạch - đẹp"',
    '"Tổ công nghệ số cộng đồng"',
    '"Sân chơi cho trẻ em"',
    '"Dân vận khéo trong giải phóng mặt bằng"',
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _x(r: Report, template: str) -> str:
    return expand(template, r.rng, r.slots)


def targets_table(r: Report, v: Values) -> None:

    y, st, rng = r.year, v.state, r.rng
    r.p("Kết quả thực hiện một số chỉ tiêu chủ yếu như sau:")
    r.caption(f"Biểu số 01\nKẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM {y}")
    plan = r.money("budget_revenue_plan", v.plan) if st["plan"] else "-"
    att = r.pct("budget_revenue_attainment_pct", v.att, trim=False) if st["att"] else "-"
    yoy = r.pct("budget_revenue_yoy_pct", v.yoy, trim=False) if st["yoy"] else "-"
    spend_plan, spend = rng.randint(500, 3000), rng.randint(450, 2900)
    rows: list[list[str | None]] = [
        ["TT", "Chỉ tiêu", "ĐVT", f"Kế hoạch năm {y}", f"Ước thực hiện năm {y}", "So sánh (%)", None],
        [None, None, None, None, None, "Với KH", "Với cùng kỳ"],
        ["I", "Kinh tế", "", "", "", "", ""],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Tỷ đồng",
            plan,
            r.money("budget_revenue_actual", v.act),
            att,
            yoy,
        ],
        [
            "",
            "Trong đó: thu thuế, phí",
            "Tỷ đồng",
            vn((v.plan * D("0.8")).quantize(D(1))),
            vn((v.act * D("0.8")).quantize(D(1))),
            vn(ratio(v.act, v.plan)),
            "-",
        ],
        [
            "2",
            f"Chi ngân sách {r.lv}",
            "Tỷ đồng",
            vn(spend_plan),
            vn(spend),
            vn(ratio(D(spend), D(spend_plan))),
            "-",
        ],
    ]
    if st["invest"]:
        rows.append(
            [
                "3",
                "Giải ngân vốn đầu tư công",
                "%",
                "100",
                r.pct("public_investment_disbursement_pct", v.invest),
                "-",
                "-",
            ]
        )
    rows.append(["II", "Văn hóa - xã hội", "", "", "", "", ""])
    if st["jobs"]:
        rows.append(
            [
                "4",
                "Giải quyết việc làm mới",
                "Người",
                vn(v.jobs - rng.randint(10, 200)),
                r.count("jobs_created", v.jobs),
                "-",
                "-",
            ]
        )
    schools = rng.randint(8, 30)
    rows.append(
        [
            "5",
            "Trường công lập đạt chuẩn quốc gia",
            "Trường",
            f"{schools}/{schools + 5}",
            f"{schools}/{schools + 5}",
            "100",
            "-",
        ]
    )
    rows.append(
        ["6", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,5", vn(D(rng.randint(930, 990)) / 10), "-", "-"]
    )
    if st["admin"]:
        rows.append(["III", "Cải cách hành chính", "", "", "", "", ""])
        rows.append(
            [
                "7",
                "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                "%",
                "≥ 98",
                r.pct("admin_ontime_pct", v.ontime),
                "-",
                "-",
            ]
        )
    groups = {i for i, row in enumerate(rows) if row[0] in ("I", "II", "III")}
    r.table(
        Table(
            rows,
            [1.0, 5.6, 1.8, 2.0, 2.0, 1.8, 1.8],
            header_rows=2,
            merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 6)],
            bold_rows=groups,
            italic_rows={4},
            aligns="clcrrrr",
            size=11.5,
        )
    )
    r.trap("targets table decoys: 'Chi ngân sách' row, 'Trong đó: thu thuế, phí', schools, BHYT")


def two_year_table(r: Report, v: Values) -> None:

    y, st, rng = r.year, v.state, r.rng
    r.p(f"Kết quả thu ngân sách và giải ngân vốn đầu tư công hai năm {y - 1} - {y} như sau:")
    r.caption("Biểu 02. KẾT QUẢ THU NGÂN SÁCH VÀ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG", "ĐVT: Tỷ đồng")
    att = r.pct("budget_revenue_attainment_pct", v.att, trim=False) if st["att"] else "-"
    inv = r.pct("public_investment_disbursement_pct", v.invest, trim=False) if st["invest"] else "-"
    prev_inv = vn(D(rng.randint(700, 1400)) / 10)
    rows: list[list[str | None]] = [
        ["STT", "Chỉ tiêu", f"Năm {y - 1}", None, f"Năm {y}", None],
        [None, None, "Thực hiện", "% so KH", "Thực hiện", "% so KH"],
        [
            "1",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            vn(v.prev),
            vn(v.prev_att),
            r.money("budget_revenue_actual", v.act),
            att,
        ],
        [
            "",
            "Trong đó: thu tiền sử dụng đất",
            vn(D(rng.randint(50, 400))),
            vn(D(rng.randint(800, 1300)) / 10),
            vn(D(rng.randint(50, 400))),
            vn(D(rng.randint(800, 1300)) / 10),
        ],
        [
            "2",
            "Giải ngân vốn đầu tư công",
            vn(D(rng.randint(200, 900))),
            prev_inv,
            vn(D(rng.randint(200, 900))),
            inv,
        ],
    ]
    r.table(
        Table(
            rows,
            [1.3, 6.1, 2.2, 1.9, 2.4, 2.1],
            header_rows=2,
            merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 0, 5)],
            bold_rows={2, 4},
            italic_rows={3},
            aligns="clrrrr",
            size=12.0,
        )
    )
    r.trap(f"two-year table: the 'Năm {y - 1}' columns are the previous year")


def awards_table(r: Report, v: Values) -> None:

    rng, lv = r.rng, r.lv
    r.caption(f"BIỂU TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM {r.year}")

    def cnum(n: int | None) -> str:
        return "-" if not n else fmt_count(n, "pad")

    # the unit-level group: its "Cộng" row is what commended_* are
    paper_c = v.collectives - rng.randint(0, v.collectives // 3)
    paper_i = v.individuals - rng.randint(0, v.individuals // 3)
    groups = [
        (
            "I",
            "Cấp Nhà nước",
            [
                ("Huân chương Lao động hạng Ba", rng.randint(0, 3), rng.randint(0, 4)),
                ("Bằng khen của Thủ tướng Chính phủ", rng.randint(1, 6), rng.randint(1, 9)),
            ],
            False,
        ),
        (
            "II",
            "Cấp Thành phố",
            [
                ("Cờ thi đua của UBND Thành phố", rng.randint(1, 6), None),
                ("Bằng khen của Chủ tịch UBND Thành phố", rng.randint(8, 40), rng.randint(15, 70)),
                ("Chiến sĩ thi đua Thành phố", None, rng.randint(2, 12)),
            ],
            False,
        ),
        (
            "III",
            f"Cấp {lv}",
            [
                (f"Giấy khen của Chủ tịch UBND {lv}", paper_c, paper_i),
                ("Tập thể lao động tiên tiến", v.collectives - paper_c, None),
                ("Lao động tiên tiến", None, v.individuals - paper_i),
            ],
            True,
        ),
    ]
    rows: list[list[str | None]] = [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    bold, tot_c, tot_i = set(), 0, 0
    for roman, name, items, own in groups:
        sc = sum(c or 0 for _, c, _ in items)
        si = sum(i or 0 for _, _, i in items)
        tot_c, tot_i = tot_c + sc, tot_i + si
        bold.add(len(rows))
        rows.append([roman, name, "", "", ""])
        for k, (label, c, i) in enumerate(items, start=1):
            rows.append([str(k), label, cnum(c), cnum(i), ""])
        bold.add(len(rows))
        if own:
            rows.append(
                [
                    "",
                    "Cộng",
                    r.count("commended_collectives", sc, "pad"),
                    r.count("commended_individuals", si, "pad"),
                    "",
                ]
            )
        else:
            rows.append(["", "Cộng", cnum(sc), cnum(si), ""])
    bold.add(len(rows))
    rows.append(["", "Tổng cộng (I + II + III)", cnum(tot_c), cnum(tot_i), ""])
    r.table(Table(rows, [1.2, 7.4, 2.0, 2.0, 3.4], bold_rows=bold, aligns="clccl", size=12.0))
    r.trap("awards table: State and City groups and the grand total are not commended_*")


def list_table(r: Report, kind: str) -> None:
    """A list table of 6–22 rows (a third of a page to most of one)."""
    rng = r.rng
    n = rng.randint(6, 22)
    r.list_no += 1
    if kind in ("exemplar_list", "individual_list"):
        what = (
            "GƯƠNG NGƯỜI TỐT, VIỆC TỐT TIÊU BIỂU"
            if kind == "exemplar_list"
            else "CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
        )
        head = ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích tiêu biểu"]
        body = [
            [str(k), person(rng), _x(r, rng.choice(ROLES)), _x(r, rng.choice(DEEDS))] for k in range(1, n + 1)
        ]
        widths = [1.2, 4.0, 5.2, 5.6]
    elif kind == "collective_list":
        what = "TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN"
        head = ["STT", "Tên tập thể", "Hình thức khen thưởng", "Quyết định"]
        body = [
            [
                str(k),
                _x(r, rng.choice(COLLECTIVES)),
                f"Giấy khen của Chủ tịch UBND {r.lv}",
                _x(r, "Quyết định số {docno}/QĐ-UBND ngày {date}"),
            ]
            for k in range(1, n + 1)
        ]
        widths = [1.2, 5.6, 4.4, 4.8]
    elif kind == "model_list":
        what = "MÔ HÌNH, CÁCH LÀM HAY TIÊU BIỂU"
        head = ["STT", "Tên mô hình, cách làm hay", "Đơn vị thực hiện", "Hiệu quả"]
        body = [
            [
                str(k),
                rng.choice(MODELS),
                _x(r, rng.choice(COLLECTIVES)),
                _x(
                    r,
                    "[Được Nhân dân đồng tình, hưởng ứng|Tạo chuyển biến rõ nét|Được nhân rộng tại địa bàn]",
                ),
            ]
            for k in range(1, n + 1)
        ]
        widths = [1.2, 5.4, 4.8, 4.6]
    elif kind == "movement_list":
        what = "CÁC PHONG TRÀO THI ĐUA ĐÃ TRIỂN KHAI"
        head = ["STT", "Nội dung phong trào", "Thời gian triển khai", "Đơn vị chủ trì"]
        body = [
            [
                str(k),
                "Phong trào " + _x(r, "{movement}"),
                _x(r, "[Quý I|Quý II|Quý III|Quý IV|Cả năm] {y}"),
                _x(r, "{actor}"),
            ]
            for k in range(1, n + 1)
        ]
        widths = [1.2, 7.0, 3.4, 4.4]
    else:  # targets_detail / works: progress of works and tasks
        what = "KẾT QUẢ THỰC HIỆN MỘT SỐ NHIỆM VỤ TRỌNG TÂM"
        head = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kết quả"]
        body = [
            [
                str(k),
                _x(
                    r, "[Cải tạo hè phố|Chỉnh trang chiếu sáng|Sửa chữa trường học|Cải tạo vườn hoa] {street}"
                ),
                _x(r, "{actor}"),
                _x(r, "[Hoàn thành|Đang triển khai|Hoàn thành vượt tiến độ]"),
            ]
            for k in range(1, n + 1)
        ]
        widths = [1.2, 6.4, 4.8, 3.6]
    listing = "" if what.startswith("KẾT QUẢ") else "DANH SÁCH "
    r.caption(f"Biểu số {r.list_no:02d}\n{listing}{what}")
    r.table(Table([head, *body], widths, aligns="clll", size=12.0))
