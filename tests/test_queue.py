"""The review queue: what could change a rank or a title comes first; what-ifs; typed corrections.

The cluster-year is Cụm 8 2021 (six districts, Hoàn Kiếm chairs: +3) with the sample manual inputs. The
figures are full marks except where a line says otherwise, which gives this ranking:

    1 Long Biên 96,18 (flag)   2 Hoàn Kiếm 95,08   3 Hoàng Mai 93,10   4 Đống Đa 92,60   (Bằng khen: 2–4)
    5 Ba Đình 92,20            6 Hai Bà Trưng 91,88
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from models.clusters import default_clusters
from models.normalise import long_table
from review.queue import CorrectionError, build_queue, counts_by_reason, parse_correction, progress, what_if
from scoring import build_manual, config_for, load_manual

CLUSTER = default_clusters().get("cum-8", 2021)
CONFIG = config_for(CLUSTER)
MANUAL = load_manual(Path(__file__).parents[1] / "samples/manual/ubnd-tp-ha-noi.cum-8.2021.toml", CONFIG)
FLAG = "Cờ thi đua của UBND Thành phố"
BANG_KHEN = "Bằng khen của Chủ tịch UBND Thành phố"

FULL = {
    "budget_revenue_attainment_pct": 110.0,
    "public_investment_disbursement_pct": 100.0,
    "targets_met": 18,
    "targets_total": 18,
    "admin_ontime_pct": 100.0,
    "jobs_created": 5000,
    "movements_launched": 3,
    "models_recognised": 150,
    "exemplars_honoured": 400,
}
CHANGES = {
    "long-bien": {"admin_ontime_pct": 98.0, "jobs_created": 3760},  # C1 4,2 of 7; B2 0 of 4
    "hoan-kiem": {"budget_revenue_attainment_pct": 100.0},  # A1 12 of 15
}
# (unit, indicator) -> (flags, alternatives the extractor kept)
FLAGGED = {
    # the report also says 106%: A1 would be 13,8 and Hoàn Kiếm would overtake Long Biên for the flag
    ("hoan-kiem", "budget_revenue_attainment_pct"): (["conflict"], [106.0, 100.0]),
    # 70 instead of 150 models: Ba Đình (5th) would fall below Hai Bà Trưng (6th); neither gets a title
    ("ba-dinh", "models_recognised"): (["conflict", "low_confidence"], [{"value": 70, "page": 3}]),
    # the last unit: dropping or lowering its figure cannot move anyone
    ("hai-ba-trung", "jobs_created"): (["low_confidence"], []),
    # revenue itself is not scored (A1 reads the percentage)
    ("dong-da", "budget_revenue_actual"): (["out_of_range"], []),
    # decided below (accepted): out of the open queue
    ("hoang-mai", "targets_met"): (["ocr_text"], []),
}


def sha(unit: str, year: int = 2021) -> str:
    return f"{unit}-{year}".encode().hex().ljust(64, "0")[:64]


def unit_of(code: str) -> str:
    return "VND" if code == "budget_revenue_actual" else "%" if code.endswith("_pct") else "count"


def figures() -> pd.DataFrame:
    rows = []
    for run, unit in enumerate(CLUSTER.members, start=1):
        values = FULL | CHANGES.get(unit, {})
        if unit == "dong-da":
            values = values | {"budget_revenue_actual": 13_200e9}
        for code, value in values.items():
            flags, alternatives = FLAGGED.get((unit, code), ([], []))
            rows.append(
                {
                    "unit_id": unit,
                    "year": 2021,
                    "indicator": code,
                    "value": float(value),
                    "unit": unit_of(code),
                    "confidence": 0.6 if flags else 0.95,
                    "flags": flags,
                    "derived": False,
                    "alternatives": alternatives,
                    "source_page": 3 if flags else None,
                    "source_block": f"p{run}",
                    "source_text": f"… {value} …",
                    "document_sha256": sha(unit),
                    "run_id": run,
                }
            )
    # a ward of 2025: in no cluster on file
    rows.append(
        {
            "unit_id": "phuong-hoan-kiem",
            "year": 2025,
            "indicator": "admin_ontime_pct",
            "value": 99.5,
            "unit": "%",
            "confidence": 0.5,
            "flags": ["low_confidence"],
            "derived": False,
            "alternatives": [],
            "source_page": None,
            "source_block": "t0.r2.c1",
            "source_text": "99,5%",
            "document_sha256": sha("phuong-hoan-kiem", 2025),
            "run_id": 99,
        }
    )
    return pd.DataFrame(rows)


DECISIONS = pd.DataFrame(
    [
        {
            "id": 1,
            "document_sha256": sha("hoang-mai"),
            "indicator": "targets_met",
            "action": "accept",
            "new_value": 18.0,  # review.decide records the accepted value
            "reviewer": "chuyên viên",
            "decided_at": datetime(2022, 1, 20, 9, 0, tzinfo=UTC),
        }
    ]
)
LONG = long_table(figures(), DECISIONS)


def queue(**filters) -> list:
    return build_queue(LONG, [CLUSTER], {CLUSTER.key: MANUAL}, {CLUSTER.key: CONFIG}, **filters)


def key(unit: str, code: str, year: int = 2021) -> str:
    return f"{sha(unit, year)}:{code}"


def test_the_ranking_the_tests_rely_on() -> None:
    scored = what_if(LONG, CLUSTER, CONFIG, MANUAL, key("hai-ba-trung", "jobs_created"), 5000).before
    assert [(u.unit_id, u.total, u.proposed_title) for u in scored.units] == [
        ("long-bien", 96.18, FLAG),
        ("hoan-kiem", 95.08, BANG_KHEN),
        ("hoang-mai", 93.1, BANG_KHEN),
        ("dong-da", 92.6, BANG_KHEN),
        ("ba-dinh", 92.2, None),
        ("hai-ba-trung", 91.88, None),
    ]


def test_the_figure_whose_alternative_flips_the_flag_comes_first() -> None:
    items = queue()
    assert [(i.unit_id, i.indicator) for i in items] == [
        ("hoan-kiem", "budget_revenue_attainment_pct"),  # the flag changes hands
        ("ba-dinh", "models_recognised"),  # rank only: 5th and 6th swap
        ("hai-ba-trung", "jobs_created"),  # nothing moves, but the points at stake are close to the gap
        ("dong-da", "budget_revenue_actual"),  # not scored
        ("phuong-hoan-kiem", "admin_ontime_pct"),  # in no cluster
    ]
    first, second, third, fourth, last = items
    assert first.priority >= 3 and 1 <= second.priority < 2 and 0 < third.priority < 1
    assert fourth.priority == 0 and last.priority == 0
    assert first.impact_vi == (
        f"Có thể làm thay đổi đề nghị {FLAG}: Quận Long Biên (hạng 1) và Quận Hoàn Kiếm (hạng 2) "
        "cách nhau 1,10 điểm; chỉ tiêu này quyết định tới 15 điểm (A1) và có thể làm trừ 5 điểm; "
        f"nếu sửa thành 106%: Quận Hoàn Kiếm lên hạng 1 ({FLAG}), Quận Long Biên xuống hạng 2 ({BANG_KHEN})"
    )
    assert second.impact_vi.startswith("Có thể làm thay đổi xếp hạng: Quận Ba Đình (hạng 5)")
    assert second.impact_vi.endswith(
        "nếu sửa thành 70: Quận Ba Đình xuống hạng 6 (không đề nghị), Quận Hai Bà Trưng lên hạng 5 (không đề nghị)"
    )
    assert third.impact_vi.startswith(
        "Ít khả năng làm thay đổi xếp hạng: Quận Ba Đình (hạng 5) và Quận Hai Bà"
    )
    assert "không dùng để chấm điểm" in fourth.impact_vi
    assert last.cluster_key is None and "không thuộc cụm thi đua nào năm 2025" in last.impact_vi


def test_a_rejection_that_moves_a_title_ranks_between_the_flag_and_a_rank() -> None:
    # Hoàng Mai's accepted targets_met: without it (10 points) Hoàng Mai would fall from 3rd to 6th
    items = queue(include_decided=True)
    assert [i.unit_id for i in items[:3]] == ["hoan-kiem", "hoang-mai", "ba-dinh"]
    assert 2 <= items[1].priority < 3
    assert "nếu loại bỏ số liệu: Quận Hoàng Mai xuống hạng 6 (không đề nghị), Quận Đống Đa lên hạng 3" in (
        items[1].impact_vi
    )
    assert items[1].impact_vi.endswith("và 1 đơn vị khác thay đổi")


def test_an_alternative_reading_outranks_a_rejection_at_the_same_tier() -> None:
    bare = LONG.copy()
    bare["alternatives"] = [[] for _ in range(len(bare))]
    items = {i.unit_id: i for i in build_queue(bare, [CLUSTER], {CLUSTER.key: MANUAL}, {CLUSTER.key: CONFIG})}
    with_readings = {i.unit_id: i for i in queue()}
    # Ba Đình falls to 6th whether rejected or read as 70: the same tier, but the report's own reading first
    assert 1 <= items["ba-dinh"].priority < 1.5 <= with_readings["ba-dinh"].priority < 2
    assert "nếu loại bỏ số liệu: Quận Ba Đình xuống hạng 6" in items["ba-dinh"].impact_vi
    # rejected, Hoàn Kiếm's 100% would cost it A1 and its Bằng khen (2nd -> 6th, below 90 points)
    assert 2 <= items["hoan-kiem"].priority < 2.5
    assert "nếu loại bỏ số liệu: Quận Hoàn Kiếm xuống hạng 6 (không đề nghị)" in items["hoan-kiem"].impact_vi


def test_item_fields() -> None:
    first = queue()[0]
    assert first.key == key("hoan-kiem", "budget_revenue_attainment_pct")
    assert first.cluster_key == "ubnd-tp-ha-noi.cum-8.2021"
    assert first.unit_name == "Quận Hoàn Kiếm" and first.year == 2021
    assert first.label_vi == "Tỷ lệ thu ngân sách so với dự toán Thành phố giao"
    assert (first.value, first.unit, first.confidence, first.status) == (100.0, "%", 0.6, "extracted")
    assert first.flags == ("conflict",)
    assert first.reasons_vi == ("Hai nguồn trong báo cáo cho số liệu khác nhau",)
    assert first.alternatives == (106.0,)  # the alternative equal to the current value is not one
    assert (first.source_page, first.source_block) == (3, "p4") and not first.decided
    assert queue(unit="ba-dinh")[0].alternatives == (70.0,)  # from Candidate.describe() dicts


def test_decided_figures_only_on_request() -> None:
    assert key("hoang-mai", "targets_met") not in {i.key for i in queue()}
    everything = queue(include_decided=True)
    decided = next(i for i in everything if i.key == key("hoang-mai", "targets_met"))
    assert decided.decided and decided.status == "accepted"
    open_items = [i for i in everything if not i.decided]
    assert progress(everything, open_items) == (5, 6)


def test_filters() -> None:
    assert [i.indicator for i in queue(unit="ba-dinh")] == ["models_recognised"]
    assert [i.unit_id for i in queue(year=2025)] == ["phuong-hoan-kiem"]
    assert {i.unit_id for i in queue(reason="conflict")} == {"hoan-kiem", "ba-dinh"}
    by_cluster = queue(cluster="cum-8")
    assert len(by_cluster) == 4 and all(i.cluster_key == CLUSTER.key for i in by_cluster)
    assert queue(cluster="ubnd-tp-ha-noi.cum-8.2021") == by_cluster
    assert queue(cluster="cum-9") == [] and queue(unit="tay-ho") == []
    with pytest.raises(ValueError, match="unknown reason 'typo'; known: low_confidence"):
        queue(reason="typo")


def test_counts_by_reason() -> None:
    assert counts_by_reason(queue()) == {"low_confidence": 3, "conflict": 2, "out_of_range": 1}
    assert counts_by_reason(queue(include_decided=True))["ocr_text"] == 1
    assert counts_by_reason([]) == {}


def test_without_manual_inputs_the_cluster_is_still_ranked() -> None:
    items = build_queue(LONG, [CLUSTER], {}, None)
    assert len(items) == 5 and items[0].cluster_key == CLUSTER.key
    empty = build_manual(CONFIG, {}, CLUSTER.key)
    assert [i.key for i in build_queue(LONG, [CLUSTER], {CLUSTER.key: empty})] == [i.key for i in items]


def test_what_if_the_alternative_is_right() -> None:
    w = what_if(LONG, CLUSTER, CONFIG, MANUAL, key("hoan-kiem", "budget_revenue_attainment_pct"), 106.0)
    hk, lb = w.unit("hoan-kiem"), w.unit("long-bien")
    assert (hk.old_total, hk.new_total, hk.old_rank, hk.new_rank) == (95.08, 96.88, 2, 1)
    assert (hk.old_title, hk.new_title) == (BANG_KHEN, FLAG)
    assert (lb.old_rank, lb.new_rank, lb.new_title) == (1, 2, BANG_KHEN)
    assert w.changes_rank and w.changes_title and (w.old_value, w.new_value) == (100.0, 106.0)
    assert w.summary_vi == (
        f"Tổng điểm Quận Hoàn Kiếm: 95,08 → 96,88; hạng 2 → 1; đề nghị {BANG_KHEN} → {FLAG}. "
        f"Quận Long Biên: hạng 1 → 2; đề nghị {FLAG} → {BANG_KHEN}"
    )


def test_what_if_nothing_moves() -> None:
    w = what_if(LONG, CLUSTER, CONFIG, MANUAL, key("long-bien", "models_recognised"), 140.0)
    assert w.summary_vi == (
        f"Tổng điểm Quận Long Biên: 96,18 → 95,85; hạng giữ nguyên 1; đề nghị giữ nguyên {FLAG}"
    )
    assert not w.changes_rank and not w.changes_title
    same = what_if(LONG, CLUSTER, CONFIG, MANUAL, key("hai-ba-trung", "jobs_created"), 5000.0)
    assert same.summary_vi == (
        "Tổng điểm Quận Hai Bà Trưng giữ nguyên 91,88; hạng giữ nguyên 6; vẫn không được đề nghị khen thưởng"
    )


def test_what_if_rejected() -> None:
    w = what_if(LONG, CLUSTER, CONFIG, MANUAL, key("ba-dinh", "models_recognised"), None)
    bd = w.unit("ba-dinh")
    assert (bd.new_total, bd.new_rank, bd.new_provisional) == (87.2, 6, True)
    assert w.summary_vi == (
        "Tổng điểm Quận Ba Đình: 92,20 → 87,20; hạng 5 → 6; vẫn không được đề nghị khen thưởng; "
        "điểm thành tạm tính vì thiếu số liệu. Quận Hai Bà Trưng: hạng 6 → 5"
    )
    assert what_if(LONG, CLUSTER, CONFIG, MANUAL, w.key, float("nan")).summary_vi == w.summary_vi


def test_what_if_refuses_unknown_and_foreign_figures() -> None:
    with pytest.raises(KeyError, match="no figure"):
        what_if(LONG, CLUSTER, CONFIG, MANUAL, key("ba-dinh", "targets_met", 2030), 1.0)
    with pytest.raises(ValueError, match=r"not a member of ubnd-tp-ha-noi\.cum-8\.2021"):
        what_if(LONG, CLUSTER, CONFIG, MANUAL, key("phuong-hoan-kiem", "admin_ontime_pct", 2025), 99.0)


@pytest.mark.parametrize(
    ("text", "code", "level", "value"),
    [
        ("13.200 tỷ đồng", "budget_revenue_actual", "district", 13_200e9),
        ("12.345,6 tỷ đồng", "budget_revenue_actual", "district", 12_345.6e9),
        ("4,6 nghìn tỷ", "budget_revenue_actual", "district", 4.6e12),
        ("13.200 tỷ", "budget_revenue_plan", None, 13_200e9),
        ("147,4%", "budget_revenue_attainment_pct", None, 147.4),
        ("147,4", "budget_revenue_attainment_pct", None, 147.4),
        ("99,5 %", "admin_ontime_pct", None, 99.5),
        ("5.230", "jobs_created", "district", 5230),
        ("17", "targets_met", None, 17),
        ("hai mươi", "targets_total", None, 20),
    ],
)
def test_parse_correction_accepts_vietnamese_numbers(
    text: str, code: str, level: str | None, value: float
) -> None:
    assert parse_correction(text, code, level) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "code", "level", "message"),
    [
        ("13.200", "budget_revenue_actual", "district", "Giá trị phải là số tiền, ví dụ 13.200 tỷ đồng"),
        ("147,4%", "budget_revenue_actual", None, "Giá trị phải là số tiền, ví dụ 13.200 tỷ đồng"),
        ("17,5", "targets_met", None, "Số lượng phải là số nguyên, ví dụ 5.230"),
        ("85%", "targets_met", None, "Giá trị phải là số lượng (số nguyên), ví dụ 5.230"),
        ("13.200 tỷ đồng", "admin_ontime_pct", None, "Giá trị phải là tỷ lệ phần trăm, ví dụ 147,4%"),
        ("17/18", "admin_ontime_pct", None, "Giá trị phải là tỷ lệ phần trăm, ví dụ 147,4%"),
        (
            "1.500%",
            "budget_revenue_attainment_pct",
            None,
            "Giá trị 1.500% nằm ngoài khoảng hợp lý 70–160%; nếu đúng như bản gốc, hãy xác nhận và ghi chú "
            "lý do",
        ),
        (
            "13.200 triệu đồng",
            "budget_revenue_actual",
            "district",
            "Giá trị 13,2 tỷ đồng nằm ngoài khoảng hợp lý 3.000–25.000 tỷ đồng; nếu đúng như bản gốc, hãy xác "
            "nhận và ghi chú lý do",
        ),
        (
            "75",
            "targets_total",
            None,
            "Giá trị 75 nằm ngoài khoảng hợp lý 1–60; nếu đúng như bản gốc, hãy xác nhận và ghi chú lý do",
        ),
        ("khoảng 4", "movements_launched", None, "Giá trị sửa phải là số chính xác, không kèm «khoảng»"),
        (
            "mười hai phẩy",
            "targets_met",
            None,
            "Không đọc được «mười hai phẩy» thành một con số, ví dụ 5.230",
        ),
        ("-5", "targets_met", None, "Giá trị không được âm: «-5», ví dụ 5.230"),
        ("−12,5%", "budget_revenue_yoy_pct", None, "Giá trị không được âm: «−12,5%», ví dụ 147,4%"),
        ("-", "targets_met", None, "Không đọc được «-» thành một con số, ví dụ 5.230"),
        ("  ", "targets_met", None, "Chưa nhập giá trị, ví dụ 5.230"),
    ],
)
def test_parse_correction_refuses_with_a_vietnamese_message(
    text: str, code: str, level: str | None, message: str
) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_correction(text, code, level)
    assert str(caught.value) == message


def test_an_implausible_correction_is_kept_when_confirmed() -> None:
    from review.queue import ImplausibleCorrection

    with pytest.raises(ImplausibleCorrection) as caught:
        parse_correction("170%", "budget_revenue_attainment_pct", None)
    assert caught.value.value == 170.0
    assert parse_correction("170%", "budget_revenue_attainment_pct", None, confirmed=True) == 170.0
    with pytest.raises(CorrectionError, match="tỷ lệ phần trăm"):  # confirming does not waive the kind
        parse_correction("170 tỷ đồng", "budget_revenue_attainment_pct", None, confirmed=True)


def test_parse_correction_level_ranges() -> None:
    assert parse_correction("50 tỷ đồng", "budget_revenue_actual", "ward") == 50e9
    with pytest.raises(CorrectionError, match=r"ngoài khoảng hợp lý 3\.000–25\.000 tỷ đồng"):
        parse_correction("50 tỷ đồng", "budget_revenue_actual", "district")
    with pytest.raises(KeyError, match="unknown indicator"):
        parse_correction("5", "no_such_indicator", None)


def test_what_if_is_measured_against_the_chairs_verified_scores() -> None:
    """The same correction moves Hoàn Kiếm to first place, unless the chair's verified C1 of Long Biên
    (7 points, where thidua computed 4.2) keeps Long Biên ahead: impacts are those of the scores as
    published, the chair's entries included."""
    budget = key("hoan-kiem", "budget_revenue_attainment_pct")
    plain = what_if(LONG, CLUSTER, CONFIG, MANUAL, budget, 106.0)
    verified = what_if(LONG, CLUSTER, CONFIG, MANUAL, budget, 106.0, {"long-bien": {"C1": 7.0}})
    assert (plain.unit("long-bien").old_total, plain.unit("hoan-kiem").new_rank) == (96.18, 1)
    assert (verified.unit("long-bien").old_total, verified.unit("hoan-kiem").new_rank) == (98.98, 2)
    assert "hạng 2 → 1" not in verified.summary_vi
