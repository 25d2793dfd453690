"""The rule components on single sentences: what each indicator takes, and the traps that give nothing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.candidates import BlockContext
from extractors.extract import run_rules
from extractors.pipeline import build_pipeline

TY = 1_000_000_000


def found(text: str, year: int = 2021, level: str = "district", **ctx) -> dict[str, float]:
    cands = run_rules(build_pipeline(), text, BlockContext(report_year=year, unit_level=level, **ctx))
    return {c.indicator: c.value for c in cands}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # budget revenue: actual, attainment (city estimate), year on year
        (
            "Tổng thu NSNN trên địa bàn quận ước đạt 13.200 tỷ đồng, bằng 125,4% so với cùng kỳ, "
            "đạt 147,4% dự toán thành phố giao.",
            {
                "budget_revenue_actual": 13_200 * TY,
                "budget_revenue_yoy_pct": 125.4,
                "budget_revenue_attainment_pct": 147.4,
            },
        ),
        (
            "Thu ngân sách trên địa bàn ước thực hiện 6.540,3 tỷ đồng, đạt 112,2% dự toán giao.",
            {"budget_revenue_actual": 6_540_300_000_000, "budget_revenue_attainment_pct": 112.2},
        ),
        # "vượt x%" adds to 100; the district's own stretch target is another baseline
        (
            "Thu ngân sách ước đạt 12.500 tỷ đồng (vượt chỉ tiêu Thành phố giao 11,1%, vượt 6,1% so với chỉ tiêu "
            "phấn đấu HĐND quận giao).",
            {"budget_revenue_actual": 12_500 * TY, "budget_revenue_attainment_pct": 111.1},
        ),
        (
            "Thu ngân sách trên địa bàn ước thực hiện 8.760 tỷ đồng, đạt 100% dự toán giao đầu năm.",
            {"budget_revenue_actual": 8_760 * TY, "budget_revenue_attainment_pct": 100.0},
        ),
        # three decimals after the comma stay decimals; "nghìn tỷ" is a thousand tỷ
        ("Thu ngân sách đạt 429,173 tỷ đồng.", {"budget_revenue_actual": 429_173_000_000}),
        (
            "Tổng thu ngân sách trên địa bàn quận đạt 4,6 nghìn tỷ đồng, tăng 8,3% so với năm trước.",
            {"budget_revenue_actual": 4_600 * TY, "budget_revenue_yoy_pct": 108.3},
        ),
        ("Thu ngân sách giảm 3% so với cùng kỳ.", {"budget_revenue_yoy_pct": 97.0}),
        # plan stated with its baseline words; actual after "thu được"
        (
            "Dự toán thu ngân sách Thành phố giao là 8.950 tỷ đồng, quận đã thu được 13.200 tỷ đồng.",
            {"budget_revenue_plan": 8_950 * TY, "budget_revenue_actual": 13_200 * TY},
        ),
        # targets
        ("Quận đạt và vượt 17/18 chỉ tiêu kinh tế - xã hội.", {"targets_met": 17, "targets_total": 18}),
        (
            "Hoàn thành toàn diện 16/16 chỉ tiêu, trong đó có 4 chỉ tiêu vượt.",
            {"targets_met": 16, "targets_total": 16},
        ),
        # disbursement: the City's plan is the first baseline
        (
            "Giải ngân vốn đầu tư công ước đạt 764 tỷ đồng, bằng 247,5% kế hoạch Thành phố giao, bằng 87% kế hoạch quận giao.",
            {"public_investment_disbursement_pct": 247.5},
        ),
        # administrative procedures: on time, not late
        (
            "Tiếp nhận 45.210 hồ sơ, giải quyết đúng hạn 45.180 hồ sơ, đạt tỷ lệ 99,93%; trễ hạn 30 hồ sơ (0,07%).",
            {"admin_ontime_pct": 99.93},
        ),
        (
            "Đã tiếp nhận 68.412 hồ sơ, trong đó 99,87% được giải quyết đúng và trước hạn, hồ sơ quá hạn chiếm 0,13%.",
            {"admin_ontime_pct": 99.87},
        ),
        ("Giải quyết việc làm cho 5.230 lao động, đạt 104,6% kế hoạch.", {"jobs_created": 5230}),
        # movements: the unit's own launches add up; those it implements do not count
        (
            "Năm 2021, UBND quận đã phát động 3 phong trào thi đua thường xuyên và 9 phong trào thi đua theo chuyên đề; "
            "triển khai 8 phong trào thi đua do Trung ương, Thành phố phát động.",
            {"movements_launched": 12},
        ),
        # the exemplars the unit honoured, with the City's own after a comma: the name in quotes holds a
        # comma of its own, and the closing quote is not an opening one (the bench corpus missed 33)
        (
            'Quận đã lựa chọn và biểu dương, khen thưởng 33 gương "Người tốt, việc tốt", được Thành phố '
            "biểu dương 29 cá nhân tiêu biểu.",
            {"exemplars_honoured": 33},
        ),
        # targets partly achieved or missed are not targets met (issue 10: "never 9")
        (
            "Có 15/27 chỉ tiêu đạt và vượt, 9/27 chỉ tiêu đạt trên 50%.",
            {"targets_met": 15, "targets_total": 27},
        ),
        (
            "Có 15/27 chỉ tiêu đạt và vượt, 03/27 chỉ tiêu không đạt.",
            {"targets_met": 15, "targets_total": 27},
        ),
        # two equal parts are parts (the bench corpus took 3 for 6); a total is introduced by "gồm"
        (
            "UBND quận đã phát động 03 phong trào thi đua thường xuyên và 03 phong trào thi đua theo chuyên đề.",
            {"movements_launched": 6},
        ),
        (
            "Phát động 09 phong trào thi đua, gồm 09 phong trào thi đua thường xuyên.",
            {"movements_launched": 9},
        ),
        (
            "Phát động 09 phong trào thi đua, trong đó 01 phong trào thường xuyên và 08 phong trào chuyên đề.",
            {"movements_launched": 9},
        ),
        ("Ủy ban nhân dân quận phát động mười hai phong trào thi đua.", {"movements_launched": 12}),
        (
            "Xây dựng và nhân rộng 45 mô hình, cách làm hay; hàng trăm mô hình Dân vận khéo.",
            {"models_recognised": 45},
        ),
        (
            "Lựa chọn và biểu dương, khen thưởng 424 gương Người tốt, việc tốt; được Thành phố biểu dương 30 cá nhân tiêu biểu.",
            {"exemplars_honoured": 424},
        ),
        # commendations by the unit; the City's awards and subsets do not count
        (
            "Chủ tịch UBND quận tặng Giấy khen cho 356 tập thể và 1.245 cá nhân; UBND Thành phố tặng Bằng khen cho 25 tập "
            "thể, 40 cá nhân.",
            {"commended_collectives": 356, "commended_individuals": 1245},
        ),
        (
            "UBND quận đã khen thưởng 1.200 lượt tập thể, cá nhân, trong đó 356 tập thể, 844 cá nhân.",
            {"commended_collectives": 356, "commended_individuals": 844},
        ),
        (
            "1.146 lượt tập thể và 1.482 lượt cá nhân được Chủ tịch Ủy ban nhân dân quận tặng Giấy khen.",
            {"commended_collectives": 1146, "commended_individuals": 1482},
        ),
        # a label and its value after a colon
        ("- Mô hình, cách làm hay, sáng kiến được công nhận: 64.", {"models_recognised": 64}),
    ],
)
def test_sentence_figures(text: str, expected: dict[str, float]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chi ngân sách quận đạt 84,72% dự toán TP giao và bằng 77,18% so với kế hoạch quận giao.",
        "Năm 2022, quận phấn đấu thu ngân sách đạt 14.500 tỷ đồng, hoàn thành 22 chỉ tiêu.",
        "6/6 quận trong Cụm đều vượt kế hoạch chỉ tiêu thu ngân sách.",
        "Tổng thu ngân sách của toàn Cụm đạt 39.601,9 tỷ đồng.",
        "Cụm thi đua số 8 đã phát động 3 phong trào thi đua.",
        "Năm 2020, quận thu ngân sách đạt 9.870 tỷ đồng.",
        "Riêng số thu tiền sử dụng đất đạt 1.084,2 tỷ đồng.",
        "Quận hoàn thành vượt mức 8 chỉ tiêu Thành phố và HĐND quận giao.",
        "Toàn quận có 42/63 trường công lập đạt chuẩn quốc gia, chỉ số cải cách hành chính xếp thứ 6/30 quận, huyện.",
        "UBND Thành phố tặng Bằng khen cho 25 tập thể, 40 cá nhân.",
        "Quận đã đề nghị Chủ tịch UBND Thành phố tặng Bằng khen cho 22 tập thể và 35 cá nhân.",
        "Triển khai, hưởng ứng 14 phong trào thi đua do Trung ương, Thành phố phát động.",
        "Các đơn vị đã đăng ký 11 mô hình thi đua.",
        "31 cá nhân của quận được Thành phố biểu dương danh hiệu “Người tốt, việc tốt”.",
        "Phát động nhiều phong trào thi đua thiết thực, hiệu quả.",
        # what the local budget keeps after sharing is not the revenue collected on the territory
        "Thu ngân sách địa phương được hưởng theo phân cấp đạt 612.300 triệu đồng.",
    ],
)
def test_traps_give_nothing(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province's district: "thu cân đối", triệu đồng, the estimate assigned by the province
        (
            "Thu cân đối ngân sách nhà nước trên địa bàn huyện ước thực hiện 1.256.430 triệu đồng, đạt "
            "112,5% KH tỉnh giao, tăng 8,2% so với cùng kỳ.",
            {
                "budget_revenue_actual": 1_256_430_000_000,
                "budget_revenue_attainment_pct": 112.5,
                "budget_revenue_yoy_pct": 108.2,
            },
        ),
        # the province's plan first, the town council's own second: the first is the baseline
        (
            "Thu NSNN trên địa bàn thị xã đạt 1.025 tỷ đồng, bằng 101,6% kế hoạch tỉnh giao và 95,2% kế "
            "hoạch HĐND thị xã giao.",
            {"budget_revenue_actual": 1_025 * TY, "budget_revenue_attainment_pct": 101.6},
        ),
        (
            "Thu ngân sách trên địa bàn huyện đạt 1.340 tỷ đồng, bằng 96,8% dự toán HĐND huyện giao.",
            {"budget_revenue_actual": 1_340 * TY},
        ),
        # "tỉ" reads as "tỷ", "tỉ lệ" as "tỷ lệ"
        (
            "Tổng thu ngân sách nhà nước trên địa bàn quận đạt 12.450 tỉ đồng, đạt 108,1% dự toán Thành phố "
            "giao; tỉ lệ giải ngân vốn đầu tư công đạt 95,3% kế hoạch.",
            {
                "budget_revenue_actual": 12_450 * TY,
                "budget_revenue_attainment_pct": 108.1,
                "public_investment_disbursement_pct": 95.3,
            },
        ),
    ],
)
def test_other_provinces_name_the_revenue_their_way(text: str, expected: dict[str, float]) -> None:
    assert found(text, year=2023) == expected


def test_sub_unit_statements_in_a_district_report_are_not_the_districts() -> None:
    text = "- Phường Bạch Mai: ghi nhận 06 mô hình tự quản về an ninh trật tự."
    assert found(text, level="district") == {}
    assert found("Phường đã ghi nhận 06 mô hình tự quản.", level="ward") == {"models_recognised": 6}


def test_figures_under_a_plans_heading_are_not_results() -> None:
    text = "Thu ngân sách đạt 14.500 tỷ đồng."
    assert found(text) == {"budget_revenue_actual": 14_500 * TY}
    assert found(text, future_section=True) == {}


def test_heading_topic_carries_into_a_paragraph_without_one() -> None:
    text = "Ước cả năm đạt 9.120 tỷ đồng, bằng 103,2% dự toán."
    assert found(text) == {}
    assert found(text, heading_topic="budget_revenue") == {
        "budget_revenue_actual": 9_120 * TY,
        "budget_revenue_attainment_pct": 103.2,
    }


def test_partial_period_carries_its_cut_off() -> None:
    cands = run_rules(
        build_pipeline(),
        "Tính đến ngày 15/12/2023, thu ngân sách đạt 13.961,47 tỷ đồng, bằng 95,82% dự toán.",
        BlockContext(report_year=2023),
    )
    assert {c.indicator: c.as_of.isoformat() for c in cands} == {
        "budget_revenue_actual": "2023-12-15",
        "budget_revenue_attainment_pct": "2023-12-15",
    }


def test_decomposed_unicode_reads_like_composed() -> None:
    text = "Chủ tịch UBND quận tặng Giấy khen cho 356 tập thể và 1.245 cá nhân."
    from models.text import nfc

    assert found(nfc(unicodedata.normalize("NFD", text))) == found(text) != {}


def test_folding_collisions_keep_their_meaning() -> None:
    # "tăng" (increase) and "tặng" (award) fold to the same key; "dự toán Thành phố" is not "toàn thành phố"
    assert found("Thu ngân sách tăng 4,4% so với năm 2020.") == {"budget_revenue_yoy_pct": 104.4}
    assert found("Thu ngân sách đạt 94,06% dự toán Thành phố giao (14.570 tỷ đồng).") == {
        "budget_revenue_attainment_pct": 94.06,
        "budget_revenue_plan": 14_570 * TY,
    }


_WORDS = st.sampled_from(
    [
        "thu",
        "ngân",
        "sách",
        "đạt",
        "vượt",
        "tăng",
        "giảm",
        "dự",
        "toán",
        "kế",
        "hoạch",
        "cùng",
        "kỳ",
        "năm",
        "2021",
        "2022",
        "tỷ",
        "đồng",
        "%",
        ",",
        ";",
        ".",
        "(",
        ")",
        ":",
        "trong",
        "đó",
        "riêng",
        "phấn",
        "đấu",
        "chỉ",
        "tiêu",
        "17/18",
        "06/6",
        "phong",
        "trào",
        "phát",
        "động",
        "mô",
        "hình",
        "gương",
        "tập",
        "thể",
        "cá",
        "nhân",
        "khen",
        "thưởng",
        "giấy",
        "khen",
        "bằng",
        "khen",
        "UBND",
        "quận",
        "phường",
        "thành",
        "phố",
        "cụm",
        "được",
        "do",
        "hồ",
        "sơ",
        "đúng",
        "hạn",
        "13.200",
        "147,4",
        "hai",
        "mươi",
        "mốt",
        "một",
        "số",
        "tính",
        "đến",
        "ngày",
        "15/12",
        "9",
        "tháng",
        "lao",
        "động",
        "việc",
        "làm",
        "giải",
        "ngân",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.sampled_from(["district", "ward", None]))
def test_rules_never_crash_and_values_are_sane(text: str, level: str | None) -> None:
    for cand in run_rules(build_pipeline(), text, BlockContext(report_year=2021, unit_level=level)):
        assert cand.value >= 0 and cand.unit in {"VND", "%", "count"} and 0 < cand.confidence <= 1
