"""Figures for part of the year: the period from the sentence, the section heading, then the title."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import document, paragraphs

from extractors.extract import extract_document
from extractors.periods import heading_period, says_whole_year, sentence_period, title_period


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Trong 9 tháng đầu năm, thu ngân sách đạt 10.000 tỷ đồng.", "2025-09-30"),
        ("Trong chín tháng đầu năm 2025, phát động 5 phong trào.", "2025-09-30"),
        ("Trong 4 tháng đầu năm, thu ngân sách đạt 3.000 tỷ đồng.", "2025-04-30"),
        ("Lũy kế đến tháng 10, giải ngân đạt 85%.", "2025-10-31"),
        ("Tính đến hết tháng 7/2025, thu ngân sách đạt 6.100 tỷ đồng.", "2025-07-31"),
        ("Tính đến đầu tháng 11/2025, đã tổ chức 5 phong trào thi đua.", "2025-10-31"),
        ("Tính đến ngày 15-12, giải ngân đạt 90%.", "2025-12-15"),
        ("Tính đến ngày 20.11.2025, thu ngân sách đạt 12.000 tỷ đồng.", "2025-11-20"),
        # the whole year, or a stretch of it in which something was done: no cut-off
        ("Tính đến ngày 31-12-2025, thu ngân sách đạt 13.000 tỷ đồng.", None),
        ("Từ tháng 3 đến tháng 11, quận tổ chức 5 lớp tập huấn.", None),
        ("Ngay từ tháng đầu năm, quận phát động 5 phong trào.", None),
        ("Trong mười hai tháng, quận phát động 5 phong trào.", None),
        ("Năm 2025, thu ngân sách đạt 13.000 tỷ đồng.", None),
    ],
)
def test_a_sentence_names_its_period(text: str, as_of: str | None) -> None:
    found = sentence_period(text, 2025)
    assert (found.isoformat() if found else None) == as_of


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("BÁO CÁO Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025", "2025-06-30"),
        ("Kết quả công tác thi đua quý III năm 2025", "2025-09-30"),
        ("BÁO CÁO 9 tháng", "2025-09-30"),
        ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", None),
        ("BÁO CÁO Tổng kết công tác thi đua, khen thưởng năm 2025", None),
    ],
)
def test_a_heading_or_title_names_its_period(text: str, as_of: str | None) -> None:
    found = heading_period(text, 2025)
    assert (found.isoformat() if found else None) == as_of


def test_the_whole_year_said_outright() -> None:
    assert says_whole_year("Ước cả năm, thu ngân sách đạt 13.000 tỷ đồng.")
    assert not says_whole_year("Thu ngân sách đạt 10.000 tỷ đồng.")


def test_the_title_is_the_lines_from_bao_cao() -> None:
    texts = ["ỦY BAN NHÂN DÂN", "QUẬN HOÀN KIẾM", "BÁO CÁO", "Kết quả công tác thi đua 9 tháng đầu năm 2025"]
    assert title_period(texts, 2025)[0] == date(2025, 9, 30)
    assert title_period(texts[:2], 2025) == (None, "")


HEAD = ["ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM", "Hoàn Kiếm, ngày 20 tháng 10 năm 2025"]


def figures(*texts: str) -> dict[str, tuple[float, str | None, list[str]]]:
    result = extract_document(document(*paragraphs(*HEAD, *texts)))
    return {f.indicator: (f.value, f.as_of.isoformat() if f.as_of else None, f.flags) for f in result.figures}


def test_a_report_for_nine_months_is_partial_in_every_figure_but_the_whole_year_estimate() -> None:
    found = figures(
        "BÁO CÁO",
        "Kết quả công tác thi đua, khen thưởng 9 tháng đầu năm 2025",
        "Quận đã phát động 12 phong trào thi đua.",
        "Ước cả năm, thu ngân sách trên địa bàn đạt 14.000 tỷ đồng.",
    )
    assert found["movements_launched"] == (12, "2025-09-30", ["partial_period"])
    assert found["budget_revenue_actual"][1:] == (None, [])


def test_a_section_heading_names_the_period_of_its_part_only() -> None:
    found = figures(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm 2025",
        "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM",
        "Quận đã phát động 12 phong trào thi đua.",
        "II. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG",
        "Chủ tịch UBND quận tặng Giấy khen cho 356 tập thể và 1.245 cá nhân.",
    )
    assert found["movements_launched"] == (12, "2025-06-30", ["partial_period"])
    assert found["commended_collectives"][1:] == (None, [])


def test_the_cumulative_value_is_taken_not_the_months_beside_it() -> None:
    found = figures(
        "BÁO CÁO",
        "Tổng kết công tác năm 2025",
        "Tháng 10 thu ngân sách trên địa bàn đạt 1.200 tỷ đồng, lũy kế 10 tháng đạt 11.000 tỷ đồng.",
    )
    assert found["budget_revenue_actual"] == (11_000 * 10**9, "2025-10-31", ["partial_period"])


def test_a_month_named_without_a_cumulative_value_is_left_alone() -> None:
    found = figures("BÁO CÁO", "Tổng kết công tác năm 2025", "Tháng 5, quận phát động 3 phong trào thi đua.")
    assert found["movements_launched"] == (3, None, [])


def test_quarter_spelt_with_i_reads_as_with_y() -> None:
    assert heading_period("Báo cáo kết quả công tác thi đua quí III năm 2025", 2025) == date(2025, 9, 30)
    assert heading_period("Báo cáo kết quả công tác thi đua quý III năm 2025", 2025) == date(2025, 9, 30)
