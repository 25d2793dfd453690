"""Tables: header semantics, unit lines, report-year columns, commendation level groups, key-value rows."""

from __future__ import annotations

from helpers import document, paragraphs, table

from extractors.extract import extract_document

TY = 1_000_000_000
TITLE = paragraphs("UBND QUẬN BA ĐÌNH", "BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2021")


def figures(*blocks) -> dict[str, float]:
    result = extract_document(document(*TITLE, *blocks))
    return {f.indicator: f.value for f in result.figures if not f.derived}


def test_merged_two_row_header_with_comparison_columns() -> None:
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2021", "Ước thực hiện năm 2021", "So sánh (%)", None],
        [None, None, None, None, None, "Với KH", "Với cùng kỳ"],
        ["I", "Kinh tế", "", "", "", "", ""],
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "6.120", "6.352,6", "103,8", "108,2"],
        ["", "Trong đó: thu thuế, phí", "Tỷ đồng", "5.000", "5.210", "104,2", "107,0"],
        ["2", "Chi ngân sách địa phương", "Tỷ đồng", "2.000", "1.900", "95,0", "101,0"],
        ["3", "Tỷ lệ giải ngân vốn đầu tư công", "%", "100", "96,4", "", ""],
        ["II", "Văn hóa - xã hội", "", "", "", "", ""],
        ["4", "Giải quyết việc làm", "Người", "4.500", "4.812", "106,9", ""],
        ["5", "Trường đạt chuẩn quốc gia", "Trường", "40", "42", "105,0", ""],
    ]
    spans = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (2, 1), (0, 4): (2, 1), (0, 5): (1, 2)}
    assert figures(table(rows, spans=spans)) == {
        "budget_revenue_plan": 6_120 * TY,
        "budget_revenue_actual": 6_352_600_000_000,
        "budget_revenue_attainment_pct": 103.8,
        "budget_revenue_yoy_pct": 108.2,
        "public_investment_disbursement_pct": 96.4,
        "jobs_created": 4812,
    }


def test_two_year_table_takes_the_report_years_column_and_the_unit_line() -> None:
    rows = [
        ["Chỉ tiêu", "Năm 2020", None, "Năm 2021", None],
        [None, "Thực hiện", "% so KH", "Thực hiện", "% so KH"],
        ["Thu ngân sách trên địa bàn", "5.980,2", "98,1", "6.352,6", "103,8"],
    ]
    spans = {(0, 0): (2, 1), (0, 1): (1, 2), (0, 3): (1, 2)}
    unit_line = paragraphs("ĐVT: Tỷ đồng")[0]
    assert figures(unit_line, table(rows, spans=spans)) == {
        "budget_revenue_actual": 6_352_600_000_000,
        "budget_revenue_attainment_pct": 103.8,
    }


def test_commendation_table_takes_the_unit_level_subtotal() -> None:
    rows = [
        ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"],
        ["I", "Cấp Nhà nước", "3", "5", ""],
        ["1", "Huân chương Lao động hạng Ba", "1", "2", ""],
        ["II", "Cấp Thành phố", "", "", ""],
        ["1", "Cờ thi đua của UBND Thành phố", "2", "", ""],
        ["2", "Bằng khen của Chủ tịch UBND Thành phố", "20", "35", ""],
        ["", "Cộng", "22", "35", ""],
        ["III", "Cấp quận", "", "", ""],
        ["1", "Giấy khen của Chủ tịch UBND quận", "300", "900", ""],
        ["2", "Tập thể lao động tiên tiến", "210", "", ""],
        ["3", "Chiến sĩ thi đua cơ sở", "", "150", ""],
        ["", "Cộng", "510", "1.050", ""],
        ["", "Tổng cộng", "535", "1.090", ""],
    ]
    assert figures(table(rows)) == {"commended_collectives": 510, "commended_individuals": 1050}


def test_commendation_table_without_subtotal_sums_the_unit_rows() -> None:
    rows = [
        ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"],
        ["I", "Khen thưởng cấp Thành phố", "", ""],
        ["1", "Bằng khen của Chủ tịch UBND Thành phố", "20", "35"],
        ["II", "Khen thưởng cấp quận", "", ""],
        ["1", "Giấy khen của Chủ tịch UBND quận", "300", "900"],
        ["2", "Lao động tiên tiến", "", "1.500"],
    ]
    result = extract_document(document(*TITLE, table(rows)))
    got = {f.indicator: f.value for f in result.figures}
    assert got == {"commended_collectives": 300, "commended_individuals": 2400}
    assert any("sum" in n for n in result.figure("commended_individuals").notes)


def test_key_value_table_prefers_the_total_row_over_its_parts() -> None:
    rows = [
        ["1", "Phong trào thi đua thường xuyên do UBND quận phát động", "02", ""],
        ["2", "Phong trào thi đua theo chuyên đề do UBND quận phát động", "09", ""],
        ["", "Cộng phong trào do quận phát động", "11", ""],
        ["3", "Phong trào do Trung ương, Thành phố phát động được quận triển khai", "12", "Không tính"],
        ["4", "Mô hình, cách làm hay, sáng kiến được công nhận, nhân rộng", "84", ""],
        ["5", "Cá nhân tiêu biểu được Thành phố biểu dương", "21", "Cấp Thành phố"],
    ]
    assert figures(table(rows)) == {"movements_launched": 11, "models_recognised": 84}


def test_key_value_rows_without_total_add_up_when_the_indicator_sums() -> None:
    rows = [
        ["Phong trào thi đua thường xuyên do UBND quận phát động", "02"],
        ["Phong trào thi đua theo chuyên đề do UBND quận phát động", "09"],
    ]
    assert figures(table(rows)) == {"movements_launched": 11}
