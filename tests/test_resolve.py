"""Resolution: one figure per indicator, derived attainment, cross-check flags."""

from __future__ import annotations

from datetime import date

from helpers import document, paragraphs

from extractors.candidates import Candidate
from extractors.document import Locator
from extractors.extract import extract_document
from extractors.resolve import choose, cross_check

TY = 1_000_000_000


def cand(
    indicator: str, value: float, unit: str, confidence: float = 0.9, origin: str = "prose", **kw
) -> Candidate:
    return Candidate(
        indicator, value, unit, confidence, origin, f"{indicator}.v1", "text", Locator("p1"), **kw
    )


def resolved(*cands: Candidate, level: str = "district") -> dict:
    figs = cross_check(choose(list(cands), "0" * 64, "test"), level, "0" * 64, "test")
    return {f.indicator: f for f in figs}


def test_attainment_is_derived_from_plan_and_actual_when_not_stated() -> None:
    figs = resolved(
        cand("budget_revenue_actual", 9_000 * TY, "VND"), cand("budget_revenue_plan", 8_000 * TY, "VND")
    )
    pct = figs["budget_revenue_attainment_pct"]
    assert (pct.value, pct.derived, pct.source) == (112.5, True, None)


def test_stated_attainment_that_does_not_add_up_is_flagged_and_kept() -> None:
    figs = resolved(
        cand("budget_revenue_actual", 9_000 * TY, "VND"),
        cand("budget_revenue_plan", 8_000 * TY, "VND"),
        cand("budget_revenue_attainment_pct", 120.0, "%"),
    )
    assert figs["budget_revenue_attainment_pct"].value == 120.0
    assert figs["budget_revenue_attainment_pct"].flags == ["arithmetic"]
    ok = resolved(
        cand("budget_revenue_actual", 9_000 * TY, "VND"),
        cand("budget_revenue_plan", 8_000 * TY, "VND"),
        cand("budget_revenue_attainment_pct", 112.5, "%"),
    )
    assert ok["budget_revenue_attainment_pct"].flags == []


def test_targets_met_above_total_is_inconsistent() -> None:
    figs = resolved(cand("targets_met", 19, "count"), cand("targets_total", 18, "count"))
    assert figs["targets_met"].flags == figs["targets_total"].flags == ["inconsistent"]


def test_out_of_range_depends_on_the_unit_level() -> None:
    assert resolved(cand("budget_revenue_actual", 500 * TY, "VND"))["budget_revenue_actual"].flags == [
        "out_of_range"
    ]
    assert (
        resolved(cand("budget_revenue_actual", 500 * TY, "VND"), level="ward")["budget_revenue_actual"].flags
        == []
    )


def test_prose_and_table_disagreeing_is_a_conflict_and_the_table_wins() -> None:
    figs = resolved(
        cand("budget_revenue_actual", 13_200 * TY, "VND"),
        cand("budget_revenue_actual", 13_020 * TY, "VND", origin="table"),
    )
    fig = figs["budget_revenue_actual"]
    assert (fig.value, fig.flags) == (13_020 * TY, ["conflict"])
    assert [a["value"] for a in fig.alternatives] == [13_200 * TY]


def test_full_year_beats_a_partial_period_value_and_partial_is_flagged() -> None:
    partial = cand("budget_revenue_actual", 12_900 * TY, "VND", as_of=date(2021, 12, 15))
    assert resolved(partial)["budget_revenue_actual"].flags == ["partial_period"]
    both = resolved(partial, cand("budget_revenue_actual", 13_200 * TY, "VND", confidence=0.7))
    assert (both["budget_revenue_actual"].value, both["budget_revenue_actual"].flags) == (13_200 * TY, [])


def test_agreeing_sources_raise_confidence_and_low_confidence_is_flagged() -> None:
    figs = resolved(cand("jobs_created", 5230, "count"), cand("jobs_created", 5230, "count", origin="table"))
    assert figs["jobs_created"].confidence > 0.9 and figs["jobs_created"].flags == []
    assert resolved(cand("jobs_created", 5230, "count", confidence=0.5))["jobs_created"].flags == [
        "low_confidence"
    ]


def test_a_report_without_required_figures_says_which() -> None:
    result = extract_document(
        document(*paragraphs("UBND QUẬN BA ĐÌNH", "Báo cáo tổng kết năm 2021", "Không có số liệu."))
    )
    assert result.status == "ok" and result.flags == ["missing_required"]
    assert "budget_revenue_actual" in result.notes[-1]


def test_figures_from_ocr_or_repaired_text_say_so_and_are_less_certain() -> None:
    from extractors.document import Locator, Paragraph

    text = "Thu ngân sách trên địa bàn quận đạt 6.540,3 tỷ đồng, bằng 112,2% dự toán Thành phố giao."
    plain = Paragraph(2, text, Locator("p2"))
    scanned = Paragraph(2, text, Locator("p2"), repairs=("ocr_text",))
    head = paragraphs("UBND QUẬN BA ĐÌNH", "Báo cáo tổng kết năm 2021")
    clean = extract_document(document(*head, plain)).figure("budget_revenue_actual")
    ocr = extract_document(document(*head, scanned)).figure("budget_revenue_actual")
    assert clean.value == ocr.value and "ocr_text" in ocr.flags and "ocr_text" not in clean.flags
    assert ocr.confidence < clean.confidence
