# The figure sentences are whole Vietnamese sentences: breaking them would hide what they say.
# ruff: noqa: E501
"""The figures of a benchmark report: values drawn per report, and the sentences that state them.

Each report draws its own values (realistic magnitudes per level, domain.md §2.4) and states each
figure in one of several phrasings taken from real reports (domain.md §2.3): "ước đạt … tỷ đồng, bằng
…% so với cùng kỳ, đạt …% dự toán", "vượt chỉ tiêu Thành phố giao …%", "tăng …% so với cùng kỳ năm
trước", counts padded ("05") or in words ("mười hai"), movements given as "01 … thường xuyên và 08 …
chuyên đề", figures cut off at a date ("tính đến ngày 15/12"). Some indicators are left out of some
reports, as real reports leave them out. The decoys real reports carry sit next to the figures:
expenditure, components, the previous year, the district's own stretch target, the cluster, the City's
awards, proposals, next year's targets; each is described in ``traps``.
"""

from __future__ import annotations

from decimal import Decimal

from benchmarks import report_tables as tabs
from benchmarks.report_base import Report, ratio, vn
from benchmarks.report_values import Values, change

D = Decimal


def economy(r: Report, v: Values) -> None:
    """Section II: revenue, investment, society, administration, targets (and their decoys)."""
    lv, y, st, rng = r.lv, r.year, v.state, r.rng

    r.h("1. Về kinh tế, ngân sách")
    cut = v.cutoff
    kw = {"flags": ("partial_period",), "as_of": f"{y}-{cut[1]:02d}-{cut[0]:02d}"} if cut else {}
    act = r.money("budget_revenue_actual", v.act, **kw)
    att = r.pct("budget_revenue_attainment_pct", v.att, **kw) if st["att"] else None
    yoy = r.pct("budget_revenue_yoy_pct", v.yoy) if st["yoy"] and not cut else None
    plan = r.money("budget_revenue_plan", v.plan) if st["plan"] else None
    if cut:
        s = f"Thu ngân sách nhà nước trên địa bàn tính đến ngày {cut[0]}/{cut[1]}/{y} đạt {act} tỷ đồng"
        s += f", bằng {att}% dự toán Thành phố giao." if att else "."
    else:
        variant = v.revenue_variant
        if variant == 0 or not att:
            s = f"Tổng thu ngân sách nhà nước trên địa bàn {lv} ước đạt {act} tỷ đồng"
            s += f", bằng {yoy}% so với cùng kỳ" if yoy else ""
            s += f", đạt {att}% dự toán Thành phố giao." if att else "."
        elif variant == 1:
            hdnd = (v.act / D(rng.uniform(1.01, 1.08))).quantize(D(1))
            over = r.over("budget_revenue_attainment_pct", v.att) if v.att > 100 else None
            s = f"Thu ngân sách nhà nước trên địa bàn ước đạt {act} tỷ đồng "
            s += (
                f"(vượt chỉ tiêu Thành phố giao {over}%, "
                if over
                else f"(đạt {att}% dự toán Thành phố giao, "
            )
            s += f"vượt {vn(ratio(v.act, hdnd) - 100, trim=True)}% so với chỉ tiêu phấn đấu HĐND {lv} giao)."
            r.trap("stretch target 'vượt …% so với chỉ tiêu phấn đấu HĐND giao'")
            if yoy:
                s += f" So với năm {y - 1}, số thu {change(v.yoy)}."
        elif variant == 2:
            s = f"Công tác thu ngân sách đạt kết quả tích cực: thu ngân sách ước thực hiện {act} tỷ đồng, đạt {att}% dự toán giao"
            s += f", {change(v.yoy)} so với cùng kỳ năm trước." if yoy else "."
        elif variant == 3:
            s = f"Thu ngân sách trên địa bàn đạt {act} tỷ đồng, đạt {att}% so với dự toán"
            s += f", bằng {yoy}% so với năm {y - 1}." if yoy else "."
        elif variant == 4:  # domain.md §2.3 #7: a hedge, "kế hoạch" for the estimate
            s = f"Thu ngân sách nhà nước trên địa bàn thực hiện được hơn {act} tỷ đồng, đạt {att}% kế hoạch"
            s += f", bằng {yoy}% so với cùng kỳ." if yoy else "."
        elif variant == 5:  # §2.3 #10: "nghìn tỷ"
            thousands = vn(v.act / 1000, trim=True)
            act = r.money("budget_revenue_actual", v.act, text=thousands, **kw)
            s = f"Tổng thu ngân sách trên địa bàn {lv} đạt {act} nghìn tỷ đồng, bằng {att}% dự toán năm"
            s += f", {change(v.yoy)} so với cùng kỳ." if yoy else "."
        else:  # §2.3 #6: the attainment in brackets before the amount
            s = f"Năm {y}, thu ngân sách vượt mức chỉ tiêu đề ra ({att}%), tổng số thu trên địa bàn đạt {act} tỷ đồng"
            s += f", bằng {yoy}% so với cùng kỳ." if yoy else "."
    if st["plan"]:
        s += f" Dự toán thu ngân sách Thành phố giao cho {lv} năm {y} là {plan} tỷ đồng."
    if not st["att"]:
        r.derive("budget_revenue_attainment_pct", round(float(v.act) / float(v.plan) * 100, 2))
    r.p(s)
    if rng.random() < 0.7:
        r.p(
            f"Chi ngân sách {lv} ước thực hiện {vn(D(rng.randint(400, 2500)))} tỷ đồng, đạt {vn(D(rng.randint(780, 960)) / 10)}% "
            "dự toán, bảo đảm các nhiệm vụ chi thường xuyên và chi an sinh xã hội; trong đó thu từ thuế, phí "
            f"ước đạt {vn((v.act * D('0.8')).quantize(D(1)))} tỷ đồng."
        )
        r.trap("expenditure 'Chi ngân sách … đạt …% dự toán'; component 'trong đó thu từ thuế, phí'")
    if rng.random() < 0.5 and not ({"twoyear"} & v.tables):
        r.p(f"Năm {y - 1}, tổng thu ngân sách trên địa bàn {lv} đạt {vn(v.prev)} tỷ đồng.")
        r.trap("previous year's revenue")
    if st["invest"]:
        inv = r.pct("public_investment_disbursement_pct", v.invest)
        r.p(
            rng.choice(
                [
                    f"Giá trị giải ngân vốn đầu tư công cả năm ước đạt {inv}% kế hoạch vốn Thành phố giao.",
                    f"Tỷ lệ giải ngân vốn đầu tư công năm {y} đạt {inv}% kế hoạch vốn Thành phố giao; các công trình trọng điểm được đẩy nhanh tiến độ.",
                    f"Chi giải ngân vốn đầu tư công ước đạt {vn(D(rng.randint(150, 1500)))} tỷ đồng, bằng {inv}% kế hoạch Thành phố giao, bằng {rng.randint(80, 99)}% kế hoạch {lv} giao.",
                ]
            )
        )
    r.h("2. Về văn hóa - xã hội")
    parts = []
    if st["jobs"]:
        jobs = r.count("jobs_created", v.jobs)
        parts.append(
            rng.choice(
                [
                    f"giải quyết việc làm cho {jobs} lao động, đạt {rng.randint(101, 125)}% kế hoạch năm",
                    f"giải quyết việc làm mới cho {jobs} người lao động",
                    f"tạo việc làm cho {jobs} lao động, vượt kế hoạch năm",
                ]
            )
        )
    schools = rng.randint(8, 30)
    parts.append(f"toàn {lv} có {schools - rng.randint(0, 6)}/{schools} trường công lập đạt chuẩn quốc gia")
    r.trap("schools 'N/M trường công lập đạt chuẩn quốc gia'")
    r.p(f"Công tác an sinh xã hội được bảo đảm; trong năm, {lv} " + "; ".join(parts) + ".")
    if st["admin"]:
        r.h("3. Về cải cách hành chính")
        on = r.pct("admin_ontime_pct", v.ontime)
        late = vn(D(100) - v.ontime, trim=True)
        r.p(
            rng.choice(
                [
                    f"Bộ phận Một cửa đã tiếp nhận {vn(v.received)} hồ sơ thủ tục hành chính, giải quyết đúng và trước hạn {vn(round(v.received * v.ontime / 100))} hồ sơ, đạt tỷ lệ {on}%.",
                    f"Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn đạt {on}%; tỷ lệ hồ sơ trễ hạn còn {late}%.",
                    f"Trong năm, {lv} tiếp nhận {vn(v.received)} hồ sơ, giải quyết đúng hạn {vn(round(v.received * v.ontime / 100))} hồ sơ, đạt tỷ lệ {on}%; trễ hạn {vn(v.received - round(v.received * v.ontime / 100))} hồ sơ.",
                ]
            )
        )
    r.h("4. Kết quả chung")
    met, total = r.count("targets_met", v.met), r.count("targets_total", v.total)
    r.p(
        rng.choice(
            [
                f"Năm {y}, {r.unit_vi} đã hoàn thành và hoàn thành vượt mức {met}/{total} chỉ tiêu kinh tế - xã hội do HĐND {lv} giao, trong đó có {v.exceeded} chỉ tiêu vượt kế hoạch.",
                f"Với sự nỗ lực của cả hệ thống chính trị, năm {y} {lv} có {met}/{total} chỉ tiêu đạt và vượt kế hoạch Thành phố và HĐND {lv} giao, trong đó {v.exceeded:02d} chỉ tiêu vượt kế hoạch.",
                f"{r.unit_vi[0].upper()}{r.unit_vi[1:]} đạt và vượt {met}/{total} chỉ tiêu kinh tế - xã hội, trong đó hoàn thành vượt mức {v.exceeded} chỉ tiêu Thành phố và HĐND {lv} giao.",
                f"Năm {y}, {lv} hoàn thành {'toàn diện ' if v.met == v.total else ''}{met}/{total} chỉ tiêu chủ yếu, trong đó có {v.exceeded} chỉ tiêu vượt kế hoạch được giao.",
            ]
        )
    )
    r.trap("'N chỉ tiêu vượt kế hoạch' (not targets_met)")
    if r.level == "district" and rng.random() < 0.5:
        r.p(
            r.x(
                "[Cùng với các đơn vị trong Cụm thi đua số 8|Trong Cụm thi đua số 8], 6/6 quận [hoàn thành vượt mức|đều "
                f"đạt và vượt] chỉ tiêu thu ngân sách năm {y}[, {lv} {r.name} là một trong những đơn vị có số thu lớn|]."
            )
        )
        r.trap("cluster '6/6 quận'")
    if "targets" in v.tables:
        tabs.targets_table(r, v)
    if "twoyear" in v.tables:
        tabs.two_year_table(r, v)


def movements(r: Report, v: Values) -> None:
    lv, rng = r.lv, r.rng
    r.p(
        r.x(
            f"[Ngay từ đầu năm|Trong năm {r.year}], UBND {lv} đã ban hành {{doc}} về tổ chức phong trào thi đua, chỉ "
            f"đạo các cơ quan, đơn vị triển khai, hưởng ứng {rng.randint(4, 9):02d} phong trào thi đua do Trung ương, "
            "Thành phố phát động."
        )
    )
    r.trap("centre/city movements 'hưởng ứng N phong trào thi đua do Trung ương, Thành phố phát động'")
    variant = rng.randrange(4)
    if variant == 3:
        n = r.count("movements_launched", v.regular + v.thematic, "pad")
        r.p(
            r.x(
                f"UBND {lv} đã tổ chức phát động {n} đợt thi đua theo chuyên đề, [gắn với các ngày lễ lớn và nhiệm vụ "
                "trọng tâm của năm|tiêu biểu là đợt thi đua hưởng ứng phong trào {movement}]."
            )
        )
    elif variant == 0:
        reg, them = r.parts("movements_launched", [v.regular, v.thematic])
        r.p(
            f"UBND {lv} đã phát động {reg} phong trào thi đua thường xuyên và {them} phong trào thi đua theo chuyên "
            "đề, đợt cao điểm, bám sát nhiệm vụ chính trị của đơn vị."
        )
    else:
        n = r.count("movements_launched", v.regular + v.thematic, "words" if variant == 1 else "pad")
        r.p(
            r.x(
                f"[Trong năm|Năm {r.year}], UBND {lv} đã phát động {n} phong trào thi đua, [tập trung vào các nhiệm vụ "
                "trọng tâm: thu ngân sách, chỉnh trang đô thị, cải cách hành chính, chuyển đổi số|bám sát nhiệm vụ chính "
                "trị, trong đó có phong trào {movement}|gắn với các ngày lễ lớn {when}]."
            )
        )
    if rng.random() < 0.5:
        r.p(
            r.x(
                f"{r.cluster} đã phát động {rng.randint(2, 4):02d} phong trào thi đua chung[ và tổ chức ký kết giao "
                "ước thi đua giữa các đơn vị thành viên|; hội nghị ký kết giao ước thi đua được tổ chức {when}|, tập trung "
                "vào cải cách hành chính và chỉnh trang đô thị]."
            )
        )
        r.trap("cluster movements 'Cụm thi đua số 8 đã phát động N phong trào'")


def exemplars(r: Report, v: Values) -> None:
    lv, rng = r.lv, r.rng
    if v.state["models"]:
        n = r.count("models_recognised", v.models)
        r.p(
            rng.choice(
                [
                    f"Hội đồng Thi đua - Khen thưởng {lv} đã xem xét, công nhận {n} mô hình, cách làm hay, sáng kiến có hiệu quả trên các lĩnh vực.",
                    f"Trong năm, các cơ quan, đơn vị đã xây dựng và được công nhận {n} mô hình, cách làm hay.",
                    f"Các đơn vị đã phát hiện, nhân rộng {n} mô hình mới, cách làm sáng tạo trong thực hiện nhiệm vụ.",
                ]
            )
        )
    n = r.count("exemplars_honoured", v.exemplars)
    r.p(
        rng.choice(
            [
                f'Nhân dịp kỷ niệm Ngày Giải phóng Thủ đô, {lv} đã tổ chức tuyên dương {n} gương "Người tốt, việc tốt" tiêu biểu; trong số đó có {v.city_exemplars} cá nhân được Thành phố biểu dương, khen thưởng.',
                f'UBND {lv} tổ chức biểu dương {n} điển hình tiên tiến, gương "Người tốt, việc tốt" trên các lĩnh vực.',
                f'{r.lv.capitalize()} đã lựa chọn và biểu dương, khen thưởng {n} gương "Người tốt, việc tốt", được Thành phố biểu dương {v.city_exemplars} cá nhân tiêu biểu.',
                f'UBND {lv} đã trao tặng danh hiệu "Người tốt, việc tốt" cho {n} cá nhân tiêu biểu.',
            ]
        )
    )
    r.trap("city-honoured exemplars 'N cá nhân được Thành phố biểu dương'")


def commendations(r: Report, v: Values) -> None:
    lv, rng = r.lv, r.rng
    if "awards" in v.tables:
        r.p(
            "Công tác khen thưởng bảo đảm đúng người, đúng thành tích, kịp thời; kết quả khen thưởng năm "
            f"{r.year} được tổng hợp tại biểu sau:"
        )
        tabs.awards_table(r, v)
    else:
        c, i = (
            r.count("commended_collectives", v.collectives),
            r.count("commended_individuals", v.individuals),
        )
        sub_c, sub_i = rng.randint(20, v.collectives // 3), rng.randint(40, v.individuals // 3)
        r.p(
            rng.choice(
                [
                    f"Năm {r.year}, Chủ tịch UBND {lv} đã tặng Giấy khen, công nhận danh hiệu thi đua cho {c} lượt tập thể và {i} lượt cá nhân; trong đó khen thưởng chuyên đề cho {sub_c} lượt tập thể, {sub_i} lượt cá nhân.",
                    f"UBND {lv} đã khen thưởng {c} lượt tập thể, {i} lượt cá nhân có thành tích trong các phong trào thi đua.",
                    f"Trong năm, {rng.randint(20, 90)} tập thể, cá nhân được UBND Thành phố tặng Bằng khen; {c} tập thể, {i} cá nhân được UBND {lv} khen thưởng.",
                ]
            )
        )
        r.trap("subset 'trong đó khen thưởng chuyên đề …'")
    r.p(
        f"UBND Thành phố tặng Cờ thi đua cho {rng.randint(1, 6):02d} tập thể, Bằng khen cho {rng.randint(10, 40)} "
        f"tập thể, {rng.randint(15, 60)} cá nhân thuộc {lv}."
    )
    r.trap("City awards 'UBND Thành phố tặng …'")
    r.p(
        f"Hiện nay, Hội đồng Thi đua - Khen thưởng {lv} đã xét, đề nghị UBND Thành phố tặng Bằng khen cho "
        f"{rng.randint(5, 20)} tập thể, {rng.randint(10, 30)} cá nhân có thành tích xuất sắc năm {r.year}."
    )
    r.trap("proposal 'đề nghị UBND Thành phố tặng Bằng khen …'")


def plans(r: Report, v: Values) -> None:

    lv, rng, y1 = r.lv, r.rng, r.year + 1
    target = (v.act * D(rng.uniform(1.02, 1.12))).quantize(D(1))
    r.p(
        f"Năm {y1}, {r.unit_vi} phấn đấu hoàn thành {v.total + rng.randint(0, 3)} chỉ tiêu kinh tế - xã hội; "
        f"phấn đấu thu ngân sách nhà nước trên địa bàn đạt {vn(target)} tỷ đồng; giải quyết việc làm cho "
        f"{vn(v.jobs + rng.randint(50, 400))} lao động; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 99%."
    )
    r.trap("next-year targets 'phấn đấu …'")
    del lv


def appendix(r: Report, v: Values, pages: int) -> None:
    """Annexed lists until the report has its pages (a report may end short of them otherwise)."""
    if r.pag.page_count >= pages or pages <= 2:
        return
    from benchmarks.model import Para

    r.add(
        Para(
            "PHỤ LỤC",
            align="center",
            indent=0.0,
            bold=True,
            break_before=True,
            keep_next=True,
            space_after=0.0,
        )
    )
    r.add(
        Para(
            f"(Kèm theo Báo cáo của UBND {r.unit_vi})",
            align="center",
            indent=0.0,
            italic=True,
            size=12.0,
            keep_next=True,
        )
    )
    kinds = ["collective_list", "individual_list", "exemplar_list", "model_list"]
    k = 0
    while r.pag.page_count < pages:
        tabs.list_table(r, kinds[k % len(kinds)])
        k += 1
