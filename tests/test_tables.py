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


TITLE_2024 = paragraphs("UBND QUẬN HOÀNG MAI", "BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2024")


def year_table_figures(rows, spans=None) -> dict:
    result = extract_document(document(*TITLE_2024, table(rows, spans=spans)))
    return {f.indicator: f for f in result.figures if not f.derived}


def test_year_columns_take_the_report_year_for_every_indicator_and_skip_the_plan_column() -> None:
    rows = [
        ["TT", "Nội dung", "Năm 2023", "Năm 2024", "So sánh (%)", "Kế hoạch năm 2025"],
        ["1", "Số phong trào thi đua do UBND quận phát động", "10", "12", "120", "14"],
        ["2", "Mô hình, cách làm hay được công nhận", "52", "58", "111,5", "60"],
        ["3", "Điển hình tiên tiến được biểu dương", "210", "236", "112,4", "240"],
        ["4", "Tập thể được tặng Giấy khen", "450", "495", "110", ""],
        ["5", "Cá nhân được tặng Giấy khen", "1.200", "1.322", "110,2", ""],
        ["6", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (%)", "98,6", "99,3", "", "100"],
        ["7", "Chỉ tiêu kinh tế - xã hội đạt và vượt", "19/21", "20/21", "", "21/21"],
    ]
    got = year_table_figures(rows)
    assert {k: f.value for k, f in got.items()} == {
        "movements_launched": 12,
        "models_recognised": 58,
        "exemplars_honoured": 236,
        "commended_collectives": 495,
        "commended_individuals": 1322,
        "admin_ontime_pct": 99.3,
        "targets_met": 20,
        "targets_total": 21,
    }
    assert all(f.year == 2024 and not f.flags for f in got.values())
    # the previous year's cell stays with the figure for the reviewer
    assert "năm trước (2023): 10" in got["movements_launched"].notes
    assert "năm trước (2023): 98,6" in got["admin_ontime_pct"].notes


def test_relative_year_headers_and_the_comparison_column_of_a_budget_row() -> None:
    rows = [
        ["TT", "Chỉ tiêu", "Thực hiện năm trước", "Thực hiện năm nay", "So sánh (%)"],
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn (tỷ đồng)", "11.842,6", "12.915,3", "109,1"],
        ["2", "Phong trào thi đua được phát động", "12", "14", "116,7"],
    ]
    got = year_table_figures(rows)
    assert {k: f.value for k, f in got.items()} == {
        "budget_revenue_actual": 12_915_300_000_000,
        "budget_revenue_yoy_pct": 109.1,  # not attainment: the comparison names no plan
        "movements_launched": 14,
    }
    assert got["movements_launched"].notes == ["năm trước (2023): 12"]


def test_cung_ky_is_the_previous_year_and_next_years_plan_is_never_read() -> None:
    rows = [
        ["Nội dung", "Cùng kỳ", "Năm nay", "Kế hoạch năm sau"],
        ["Số phong trào thi đua phát động", "8", "10", "12"],
        ["Mô hình, cách làm hay", "30", "", "40"],  # this year's cell is empty: nothing, not the plan
    ]
    got = year_table_figures(rows)
    assert {k: f.value for k, f in got.items()} == {"movements_launched": 10}


def test_a_result_column_of_untold_year_is_read_and_flagged() -> None:
    rows = [
        ["TT", "Nội dung", "Năm 2023", "Kết quả đạt được", "Ghi chú"],
        ["1", "Phong trào thi đua do quận phát động", "8", "10", ""],
        ["2", "Mô hình, cách làm hay được công nhận", "39", "45", ""],
    ]
    got = year_table_figures(rows)
    assert {k: f.value for k, f in got.items()} == {"movements_launched": 10, "models_recognised": 45}
    for fig in got.values():
        assert "low_confidence" in fig.flags
        assert any("Kết quả đạt được" in n and "does not say which year" in n for n in fig.notes)


def test_a_table_of_other_years_only_gives_nothing() -> None:
    rows = [
        ["Nội dung", "Năm 2022", "Năm 2023"],
        ["Số phong trào thi đua phát động", "8", "10"],
    ]
    assert year_table_figures(rows) == {}


def test_year_table_rows_of_one_indicator_add_up_unless_a_total_row_is_given() -> None:
    parts = [
        ["Nội dung", "Năm 2023", "Năm 2024"],
        ["Tập thể được tặng Giấy khen", "300", "320"],
        ["Tập thể lao động tiên tiến", "150", "175"],
    ]
    got = year_table_figures(parts)
    assert got["commended_collectives"].value == 495
    assert not any(n.startswith("năm trước") for n in got["commended_collectives"].notes)
    with_total = [*parts, ["Tổng số tập thể được khen thưởng", "450", "500"]]
    assert year_table_figures(with_total)["commended_collectives"].value == 500


def test_commendation_table_by_year_takes_the_report_years_columns() -> None:
    rows = [
        ["STT", "Hình thức khen thưởng", "Năm 2024", None, "Năm 2023", None],
        [None, None, "Tập thể", "Cá nhân", "Tập thể", "Cá nhân"],
        ["1", "Giấy khen của Chủ tịch UBND quận", "320", "910", "300", "880"],
    ]
    spans = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (1, 2)}
    got = year_table_figures(rows, spans)
    assert {k: f.value for k, f in got.items()} == {
        "commended_collectives": 320,
        "commended_individuals": 910,
    }
    assert "năm trước (2023): 880" in got["commended_individuals"].notes


def test_a_label_vetoed_by_the_table_rule_is_not_read_as_a_sentence_either() -> None:
    rows = [
        ["Nội dung", "Năm 2023", "Năm 2024"],
        ["Tỷ lệ dịch vụ công trực tuyến toàn trình (%)", "61,5", "68,2"],
        ["Tỷ lệ hồ sơ giải quyết đúng hạn (%)", "99,1", "99,6"],
    ]
    assert {k: f.value for k, f in year_table_figures(rows).items()} == {"admin_ontime_pct": 99.6}


def test_bare_year_headers_and_a_plan_year_marked_kh() -> None:
    rows = [
        ["Nội dung", "2023", "2024", "2025 (KH)"],
        ["Điển hình tiên tiến được biểu dương", "190", "214", "230"],
        ["Số lượt cá nhân được khen thưởng", "1.010", "1.096", "1.100"],
    ]
    got = year_table_figures(rows)
    assert {k: f.value for k, f in got.items()} == {"exemplars_honoured": 214, "commended_individuals": 1096}
