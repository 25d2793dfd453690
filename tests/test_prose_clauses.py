"""Figures spread over clauses and sentences, award lists without a total, partial achievement, hedges and
estimates, and one spelling of "tỉ"/"tỷ" (issue 10, items 2–4)."""

from __future__ import annotations

import pytest
from helpers import document, paragraphs

from extractors.candidates import BlockContext, Candidate
from extractors.extract import extract_document, run_rules
from extractors.parts import is_list_line, line_label
from extractors.pipeline import build_pipeline
from extractors.spelling import spelling_key
from models.records import DocumentResult, Figure

TY = 1_000_000_000
HEADER = ("ỦY BAN NHÂN DÂN QUẬN ĐỐNG ĐA", "BÁO CÁO", "Kết quả công tác thi đua, khen thưởng năm 2024")


def candidates(text: str, year: int = 2024) -> list[Candidate]:
    return run_rules(build_pipeline(), text, BlockContext(report_year=year, unit_level="district"))


def found(text: str, year: int = 2024) -> dict[str, float]:
    return {c.indicator: c.value for c in candidates(text, year)}


def extract(*body: str) -> DocumentResult:
    return extract_document(document(*paragraphs(*HEADER, *body)))


def figure(result: DocumentResult, code: str) -> Figure:
    fig = result.figure(code)
    assert fig is not None, [f.indicator for f in result.figures]
    return fig


# -- targets: the total in one sentence, those met in another, subsets apart -----------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Năm 2024, quận đề ra 27 chỉ tiêu chủ yếu. Đến nay có 25 chỉ tiêu hoàn thành và vượt, trong đó "
            "10/27 chỉ tiêu vượt, 15/27 đạt, 02/27 không đạt.",
            {"targets_met": 25, "targets_total": 27},
        ),
        (
            "Trong 27 chỉ tiêu chủ yếu, quận đạt và vượt 25 chỉ tiêu.",
            {"targets_met": 25, "targets_total": 27},
        ),
        (
            "Nghị quyết HĐND quận đề ra hai mươi bảy chỉ tiêu. Quận hoàn thành và vượt hai mươi mốt chỉ tiêu.",
            {"targets_met": 21, "targets_total": 27},
        ),
        # partial achievement is never targets met, in any order of the parts
        (
            "Quận đạt và vượt 15/27 chỉ tiêu, 9/27 chỉ tiêu đạt trên 50%.",
            {"targets_met": 15, "targets_total": 27},
        ),
        (
            "Năm 2024 có 15/27 chỉ tiêu đạt và vượt kế hoạch, 9/27 chỉ tiêu đạt trên 50% kế hoạch, 3/27 chỉ "
            "tiêu đạt dưới 50%.",
            {"targets_met": 15, "targets_total": 27},
        ),
        # subsets alone: the total is known, the number met is not
        (
            "Kết quả: 10/24 chỉ tiêu vượt kế hoạch, 11/24 chỉ tiêu đạt kế hoạch, 03/24 chỉ tiêu không đạt.",
            {"targets_total": 24},
        ),
        ("Trong năm 2024, có 10 chỉ tiêu vượt, 15 chỉ tiêu đạt, 2 chỉ tiêu không đạt.", {}),
        # "hoàn thành vượt mức" alone counts those exceeded; with "hoàn thành và" before it, met or exceeded
        ("Quận hoàn thành và hoàn thành vượt mức 17/18 chỉ tiêu.", {"targets_met": 17, "targets_total": 18}),
        ("Quận hoàn thành vượt mức 8 chỉ tiêu Thành phố giao.", {}),
        # a bare count without a word that says what it is
        ("Quận có 27 chỉ tiêu chủ yếu.", {}),
    ],
)
def test_targets_over_sentences_and_subsets(text: str, expected: dict) -> None:
    assert found(text) == expected


def test_targets_of_two_sentences_reach_the_figures() -> None:
    result = extract(
        "Nghị quyết HĐND quận đề ra 24 chỉ tiêu chủ yếu.",
        "Đến hết năm, có 22 chỉ tiêu hoàn thành và vượt kế hoạch; cụ thể 09/24 chỉ tiêu vượt, 13/24 chỉ "
        "tiêu đạt, 02/24 chỉ tiêu không đạt.",
    )
    assert (figure(result, "targets_met").value, figure(result, "targets_total").value) == (22, 24)
    assert figure(result, "targets_met").flags == []


# -- award lines ---------------------------------------------------------------------------------------
def test_award_forms_of_one_sentence_add_up_per_collectives_and_individuals() -> None:
    text = (
        "Giấy khen của Chủ tịch UBND quận: 45 tập thể và 120 cá nhân; danh hiệu Lao động tiên tiến: 310 cá "
        "nhân; Tập thể lao động tiên tiến: 28 tập thể; Chiến sĩ thi đua cơ sở: 36 cá nhân; Giấy khen cho 12 "
        "hộ gia đình."
    )
    cands = {c.indicator: c for c in candidates(text)}
    assert (cands["commended_collectives"].value, cands["commended_individuals"].value) == (73, 466)
    note = cands["commended_individuals"].notes[-1]
    assert "120 («Giấy khen của Chủ tịch UBND quận: 45 tập thể và 120 cá nhân»)" in note
    assert "310 («danh hiệu Lao động tiên tiến: 310 cá nhân»)" in note
    assert "hộ gia đình" not in note


def test_a_phrase_does_not_run_across_a_semicolon() -> None:
    # "cá nhân; Tập thể" is not the mixed noun "cá nhân, tập thể": the 310 is individuals
    assert found("Lao động tiên tiến: 310 cá nhân; Tập thể lao động tiên tiến: 28 tập thể.") == {
        "commended_individuals": 310,
        "commended_collectives": 28,
    }


def test_a_total_written_before_lines_that_do_not_add_up_is_kept_and_flagged() -> None:
    text = (
        "Năm 2024, Chủ tịch UBND quận khen thưởng 75 tập thể và 466 cá nhân, cụ thể: Giấy khen cho 45 tập "
        "thể và 120 cá nhân; Lao động tiên tiến: 310 cá nhân; Tập thể lao động tiên tiến: 28 tập thể; Chiến "
        "sĩ thi đua cơ sở: 36 cá nhân."
    )
    result = extract(text)
    coll, ind = figure(result, "commended_collectives"), figure(result, "commended_individuals")
    assert (coll.value, "conflict" in coll.flags) == (75, True)
    assert "add up to 73" in coll.notes[0]
    assert (ind.value, ind.flags) == (466, [])


def test_the_city_s_awards_proposals_and_households_stay_apart() -> None:
    assert found("Quận đã trình Chủ tịch UBND Thành phố tặng Bằng khen cho 12 tập thể, 25 cá nhân.") == {}
    assert found("Quận đề nghị cấp trên khen thưởng 3 tập thể và 6 cá nhân.") == {}
    assert found("Chủ tịch UBND quận tặng Giấy khen cho 18 hộ gia đình.") == {}


LIST = (
    "Kết quả khen thưởng của Chủ tịch UBND quận năm 2024:",
    "- Giấy khen: 45 tập thể và 120 cá nhân;",
    "- Danh hiệu “Lao động tiên tiến”: 310 cá nhân;",
    "- Danh hiệu “Tập thể lao động tiên tiến”: 28 tập thể;",
    "- Danh hiệu “Chiến sĩ thi đua cơ sở”: 36 cá nhân;",
    "- Giấy khen cho 12 hộ gia đình;",
    "- Bằng khen của Chủ tịch UBND Thành phố: 8 tập thể và 15 cá nhân.",
)


def test_a_bullet_list_of_award_forms_is_summed_with_the_lines_named() -> None:
    result = extract(*LIST)
    coll, ind = figure(result, "commended_collectives"), figure(result, "commended_individuals")
    assert (coll.value, ind.value) == (73, 466)
    assert coll.flags == [] and ind.flags == []
    assert "«Danh hiệu “Chiến sĩ thi đua cơ sở”: 36 cá nhân»" in ind.notes[-1]


def test_a_written_total_beside_the_list_wins_and_a_disagreement_is_flagged() -> None:
    agreeing = extract(
        "Năm 2024, Chủ tịch UBND quận khen thưởng 73 tập thể và 466 cá nhân, cụ thể:", *LIST[1:]
    )
    assert figure(agreeing, "commended_collectives").flags == []
    disagreeing = extract(
        "Năm 2024, Chủ tịch UBND quận khen thưởng 75 tập thể và 466 cá nhân, cụ thể:", *LIST[1:]
    )
    coll = figure(disagreeing, "commended_collectives")
    assert (coll.value, coll.flags) == (75, ["conflict"])


def test_list_lines_and_labels() -> None:
    assert is_list_line("- Giấy khen: 45 tập thể;") and is_list_line("Giấy khen: 45 tập thể")
    assert is_list_line("a) Danh hiệu Lao động tiên tiến cho 310 cá nhân")
    assert not is_list_line("Năm 2024, quận khen thưởng 45 tập thể.")
    text = (
        "Giấy khen: 45 tập thể; danh hiệu Lao động tiên tiến: 310 cá nhân; Chiến sĩ thi đua cơ sở: 36 cá nhân"
    )
    at = text.index("310")
    assert line_label(text, (at, at + 3)) == "danh hiệu Lao động tiên tiến: 310 cá nhân"


# -- a count whose noun is far before it -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Số phong trào thi đua do UBND quận phát động trong năm, kể cả các đợt thi đua ngắn ngày, là 12.",
            {"movements_launched": 12},
        ),
        (
            "Năm 2024, số tập thể được Chủ tịch UBND quận tặng Giấy khen, kể cả khen thưởng đột xuất, là 245; "
            "số cá nhân là 612.",
            {"commended_collectives": 245, "commended_individuals": 612},
        ),
        (
            "UBND quận đã phát động, hướng dẫn và tổ chức thực hiện mười hai phong trào thi đua.",
            {"movements_launched": 12},
        ),
        ("Quận đã biểu dương một trăm linh năm gương người tốt, việc tốt.", {"exemplars_honoured": 105}),
        (
            "Quận phát động 12 phong trào thi đua, trong đó có ba phong trào theo chuyên đề.",
            {"movements_launched": 12},
        ),
        (
            "Số cá nhân được Chủ tịch UBND quận khen thưởng, kể cả khen thưởng đột xuất, là một trăm linh năm.",
            {"commended_individuals": 105},
        ),
        # "là" without "Số …" before it names nothing
        ("Điểm mới của năm là 12 tập thể tự đăng ký thi đua.", {}),
    ],
)
def test_counts_in_words_and_far_from_their_noun(text: str, expected: dict) -> None:
    assert found(text) == expected


# -- hedges and estimates ------------------------------------------------------------------------------
def test_hedges_keep_the_value_and_reach_the_figure() -> None:
    result = extract(
        "Ước thực hiện cả năm, tổng thu ngân sách nhà nước trên địa bàn đạt hơn 10.250 tỷ đồng, bằng khoảng "
        "104,6% dự toán; tỷ lệ giải ngân vốn đầu tư công đạt gần 92% kế hoạch vốn.",
        "Quận giải quyết việc làm cho trên 4.100 lao động.",
    )
    got = {f.indicator: (f.value, f.hedge, f.is_estimate) for f in result.figures}
    assert got == {
        "budget_revenue_actual": (10_250 * TY, "hơn", True),
        "budget_revenue_attainment_pct": (104.6, "khoảng", True),
        # the estimate word speaks for its clause: the disbursement after ";" is a statement of its own
        "public_investment_disbursement_pct": (92.0, "gần", False),
        "jobs_created": (4100, "trên", False),
    }


def test_an_estimate_word_joined_to_a_hedge_keeps_both() -> None:
    (cand,) = candidates("Thu ngân sách trên địa bàn ước đạt gần 9.200 tỷ đồng.")
    assert (cand.value, cand.hedge, cand.is_estimate) == (9_200 * TY, "gần", True)


@pytest.mark.parametrize(
    "text",
    [
        "Dự kiến cả năm, tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 99,6%.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn dự kiến cả năm đạt 99,6%.",
        "Dự kiến đến hết năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6%.",
    ],
)
def test_du_kien_for_the_report_year_is_an_estimate(text: str) -> None:
    (cand,) = candidates(text)
    assert (cand.indicator, cand.value, cand.is_estimate) == ("admin_ontime_pct", 99.6, True)


@pytest.mark.parametrize(
    "text",
    [
        "Dự kiến năm 2025, thu ngân sách trên địa bàn đạt 11.000 tỷ đồng.",
        "Dự kiến thu ngân sách trên địa bàn đạt 11.000 tỷ đồng.",
        "Phấn đấu cả năm thu ngân sách đạt 11.000 tỷ đồng.",
    ],
)
def test_plans_stay_plans(text: str) -> None:
    assert found(text) == {}


# -- one spelling of i / y -----------------------------------------------------------------------------
def test_spelling_key_merges_only_the_interchangeable_syllables() -> None:
    assert [spelling_key(w) for w in ("ty", "ti", "sy", "ky", "ly", "my", "hy", "quy")] == [
        "ti", "ti", "si", "ki", "li", "mi", "hi", "qui",
    ]  # fmt: skip
    # different vowels, or onsets where y and i are not the same letter, keep theirs
    assert [spelling_key(w) for w in ("thi", "tay", "tai", "uy", "y", "duy", "nguy")] == [
        "thi", "tay", "tai", "uy", "y", "duy", "nguy",
    ]  # fmt: skip


@pytest.mark.parametrize("word", ["tỉ", "tỷ"])
def test_ti_and_ty_read_alike_in_catalogue_phrases(word: str) -> None:
    assert found(f"Thu ngân sách đạt 6.905 {word} đồng, {word} lệ thu đạt 108,3%.") == {
        "budget_revenue_actual": 6_905 * TY,
        "budget_revenue_attainment_pct": 108.3,
    }
    assert found(f"{word.capitalize()} lệ giải quyết hồ sơ đúng hạn đạt 99,41%.") == {
        "admin_ontime_pct": 99.41
    }
