"""The scorer: default configuration (domain.md §1.5), provisional rule, ranking, proposals, config and manual inputs."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from importlib import resources

import pytest

from models.clusters import Cluster
from scoring import (
    KINDS,
    SCORER_VERSION,
    ConfigError,
    ManualInputError,
    build_manual,
    config_for,
    load_config,
    load_manual,
    parse_config,
    parse_manual,
    score_cluster,
    template,
)
from scoring.config import BonusItem, ManualField

CFG = load_config()
MEMBERS = ("ba-dinh", "dong-da", "hai-ba-trung", "hoan-kiem", "hoang-mai", "long-bien")
CLUSTER = Cluster(
    "ubnd-tp-ha-noi", 8, 2023, "Cụm thi đua số 8", MEMBERS, chair="dong-da", vices=("long-bien",)
)
DEFAULT_TEXT = resources.files("scoring").joinpath("data/default.v1.toml").read_text(encoding="utf-8")

# A unit that earns every base point (100) and no bonus: the other tests change one thing at a time.
FULL_FIGURES = {
    "budget_revenue_attainment_pct": 112.2,
    "public_investment_disbursement_pct": 261.9,
    "targets_met": 30,
    "targets_total": 30,
    "admin_ontime_pct": 100.0,
    "jobs_created": 4500,
    "movements_launched": 3,
    "models_recognised": 60,
    "exemplars_honoured": 300,
}
FULL_MANUAL = {
    "covenant_signed": True,
    "registration_sent": True,
    "jobs_plan": 4500,
    "par_rank": 1,
    "digital_tasks_done": 10,
    "digital_tasks_total": 10,
    "security_targets_met": 5,
    "security_targets_total": 5,
    "city_movement_tasks_done": 8,
    "city_movement_tasks_total": 8,
    "models_registered": 60,
    "exemplars_target": 300,
    "commendation_correct": True,
    "dossiers_on_time": True,
    "reports_on_time": True,
    "attended": 6,
    "held": 6,
    "city_initiative": False,
    "top3_citywide": False,
    "exceptional_achievement": False,
    "late_reports": 0,
    "serious_incident": False,
    "disciplined": False,
    "fraud": False,
    "city_graded_htxsnv": True,
    "vote_count": 0,
    "points": {"B1": 4, "B3": 4, "B4": 4, "B5": 4},
}


def unit_manual(points: dict | None = None, **changes) -> dict:
    return FULL_MANUAL | changes | {"points": FULL_MANUAL["points"] | (points or {})}


def score(figures: dict | None = None, manual: dict | None = None, config=CFG, cluster=CLUSTER):
    """Score the cluster; units not named get the full figures and inputs."""
    figures = {u: dict(FULL_FIGURES) for u in cluster.members} | (figures or {})
    manual = {u: unit_manual() for u in cluster.members} | (manual or {})
    return score_cluster(config, cluster, figures, build_manual(config, manual, cluster.key))


# --- the default configuration and the worked example of domain.md §1.5 ---------------------------------


def test_default_config_has_every_criterion_of_the_table():
    assert CFG.version == "default.v1"
    assert [c.id for c in CFG.criteria] == [
        *("A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "C1", "C2", "C3", "D1"),
        *("E1", "E2", "E3", "E4", "E5", "E6"),
    ]
    assert {g.id: g.max for g in CFG.groups} == {"A": 30, "B": 20, "C": 15, "D": 10, "E": 25}
    assert CFG.criterion("A1").source == {"pct": "budget_revenue_attainment_pct"}
    assert CFG.criterion("A3").source == {"x": "targets_met", "y": "targets_total"}
    assert CFG.criterion("B2").source == {"achieved": "jobs_created", "planned": "manual.jobs_plan"}
    assert CFG.criterion("C1").params == {"lo": 95, "full_at": 100}
    assert CFG.bonus_cap == 10 and CFG.proposals.city_flags_per_cluster == 1
    assert [g.min for g in CFG.grades] == [90, 70, 50, None]


def test_worked_example_ba_dinh_2023():
    figures = {"budget_revenue_attainment_pct": 112.2, "public_investment_disbursement_pct": 261.9}
    result = score({"ba-dinh": figures | {"targets_met": 30, "targets_total": 30}})
    crit = result.unit("ba-dinh").criteria
    assert (crit["A1"].points, crit["A2"].points, crit["A3"].points) == (15, 5, 10)
    assert sum(c.points for c in crit.values() if c.group == "A") == 30
    assert crit["A1"].measure == 112.2


@pytest.mark.parametrize(
    ("pct", "points"), [(70, 0), (80, 0), (90, 6), (100, 12), (105, 13.5), (112.2, 15), (200, 15)]
)
def test_a1_budget_curve(pct, points):
    result = score({"ba-dinh": FULL_FIGURES | {"budget_revenue_attainment_pct": pct}})
    assert result.unit("ba-dinh").criteria["A1"].points == pytest.approx(points)


@pytest.mark.parametrize(("rate", "points"), [(94, 0), (95, 0), (97.5, 3.5), (99.96, 6.94), (100, 7)])
def test_c1_on_time_rate(rate, points):
    result = score({"ba-dinh": FULL_FIGURES | {"admin_ontime_pct": rate}})
    assert result.unit("ba-dinh").criteria["C1"].points == pytest.approx(points)


def test_other_formulas():
    figures = FULL_FIGURES | {"jobs_created": 4050, "movements_launched": 1, "models_recognised": 30}
    manual = unit_manual(par_rank=3, attended=4, reports_on_time=False, registration_sent=False)
    crit = score({"ba-dinh": figures}, {"ba-dinh": manual}).unit("ba-dinh").criteria
    assert crit["B2"].points == 2  # 4050/4500 = 90 % -> 4·lin(90, 80, 100)
    assert crit["C2"].points == 2.4  # 4·(6 − 3)/(6 − 1)
    assert crit["E1"].points == 2  # covenant 1 + registration 0 + 3·1/3
    assert crit["E3"].points == 2.5
    assert crit["E5"].points == 2  # two of three obligations met
    assert crit["E6"].points == 2  # 3·4/6


# --- the provisional rule: missing is never 0 ----------------------------------------------------------


def test_unit_without_manual_inputs_is_provisional_and_names_each_input():
    result = score(manual={"ba-dinh": {}})
    unit = result.unit("ba-dinh")
    assert unit.provisional and result.provisional
    for c in CFG.criteria:
        manual_refs = [r for r in c.inputs if r.startswith("manual.")]
        if c.id == "E4":  # its target has a configured default
            assert unit.criteria["E4"].points == 4
        elif manual_refs:
            assert unit.criteria[c.id].points is None, c.id
            for ref in manual_refs:
                assert f"{c.id}: chưa nhập '{ref[len('manual.') :]}' (số liệu nhập tay)" in unit.missing
        else:
            assert unit.criteria[c.id].points is not None, c.id
    assert "B1: chưa nhập 'points.B1' (số liệu nhập tay)" in unit.missing
    assert "điều kiện loại fraud: chưa nhập 'fraud' (số liệu nhập tay)" in unit.missing
    assert "điểm trừ late_reports: chưa nhập 'late_reports' (số liệu nhập tay)" in unit.missing
    # the total is what exists: A (30) + C1 (7) + E4 (4), the figures alone
    assert unit.total == 41
    assert not any(u.provisional for u in result.units if u.unit_id != "ba-dinh")


def test_unit_without_figures_is_listed_with_everything_missing():
    figures = {u: dict(FULL_FIGURES) for u in MEMBERS if u != "long-bien"}
    result = score_cluster(CFG, CLUSTER, figures, build_manual(CFG, {}))
    unit = result.unit("long-bien")
    assert unit.provisional and unit.rank == 6 and unit.total == 0
    assert all(c.points is None for c in unit.criteria.values() if c.id != "E4")
    assert (
        "A1: chưa có số liệu «Tỷ lệ thu ngân sách so với dự toán Thành phố giao» từ báo cáo" in unit.missing
    )
    assert (
        "E4: chưa có số liệu «Số điển hình tiên tiến, gương người tốt việc tốt được biểu dương» từ báo cáo"
        in unit.missing
    )
    assert (
        "điểm trừ city_target_missed: chưa có số liệu «Tỷ lệ thu ngân sách so với dự toán Thành phố giao» từ báo cáo"
        in unit.missing
    )


def test_a_nan_figure_is_missing_not_zero():
    unit = score({"ba-dinh": FULL_FIGURES | {"admin_ontime_pct": float("nan")}}).unit("ba-dinh")
    assert unit.criteria["C1"].points is None
    assert unit.missing == (
        "C1: chưa có số liệu «Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn» từ báo cáo",
    )


def test_all_inputs_make_the_score_final():
    result = score()
    assert not result.provisional
    for unit in result.units:
        assert unit.missing == () and not unit.provisional
        assert unit.base == 100
    assert result.unit("dong-da").total == 103  # the chair's bonus
    assert result.unit("ba-dinh").total == 100


def test_optional_input_and_default_do_not_make_it_provisional():
    manual = {k: v for k, v in unit_manual().items() if k not in ("vote_count", "exemplars_target")}
    unit = score(manual={"ba-dinh": manual}).unit("ba-dinh")
    assert not unit.provisional
    assert unit.inputs["manual.exemplars_target"] == 300


@pytest.mark.parametrize(
    ("changes", "criterion", "problem"),
    [
        ({"held": 0, "attended": 0}, "E6", "E6: manual.held bằng 0, không chia được"),
        ({"attended": 7}, "E6", "E6: manual.attended (7) lớn hơn manual.held (6)"),
        ({"par_rank": 7}, "C2", "C2: manual.par_rank là 7; thứ hạng trong cụm phải từ 1 đến 6"),
    ],
)
def test_invalid_inputs_are_reported_not_scored(changes, criterion, problem):
    unit = score(manual={"ba-dinh": unit_manual(**changes)}).unit("ba-dinh")
    assert unit.criteria[criterion].points is None
    assert unit.missing == (problem,) and unit.provisional


def test_targets_met_above_total_is_invalid():
    unit = score({"ba-dinh": FULL_FIGURES | {"targets_met": 19, "targets_total": 18}}).unit("ba-dinh")
    assert unit.criteria["A3"].points is None
    assert unit.missing == ("A3: targets_met (19) lớn hơn targets_total (18)",)


# --- bonus, deductions, grades -------------------------------------------------------------------------


def test_bonus_items_and_cap():
    result = score(manual={"hoan-kiem": unit_manual(city_initiative=True, top3_citywide=True)})
    assert result.unit("hoan-kiem").bonus == 5
    everything = unit_manual(city_initiative=True, top3_citywide=True, exceptional_achievement=True)
    chair = score(manual={"dong-da": everything}).unit("dong-da")
    assert chair.bonus_items == {"chair": 3, "city_initiative": 3, "top3_citywide": 2, "exceptional": 2}
    assert chair.bonus == 10 and chair.total == 110
    # one more item: 13 bonus points are capped at 10
    extra = ManualField("extra_merit", "bool", "Thêm")
    config = dataclasses.replace(
        CFG,
        bonus=(*CFG.bonus, BonusItem("extra", "Thêm", 3, "manual.extra_merit")),
        manual=(*CFG.manual, extra),
    )
    manual = {u: unit_manual(extra_merit=False) for u in MEMBERS} | {
        "dong-da": everything | {"extra_merit": True}
    }
    chair = score(manual=manual, config=config).unit("dong-da")
    assert sum(chair.bonus_items.values()) == 13
    assert chair.bonus == 10 and chair.total == 110


def test_chair_bonus_needs_a_recorded_chair():
    cluster = dataclasses.replace(CLUSTER, chair=None)
    unit = score(cluster=cluster).unit("dong-da")
    assert unit.bonus == 0 and unit.provisional
    assert unit.missing == ("điểm thưởng chair: chưa ghi đơn vị Cụm trưởng trong tệp của cụm",)


@pytest.mark.parametrize(("late", "deducted"), [(0, 0), (1, 2), (2, 4), (3, 6), (5, 6)])
def test_late_reports_are_capped(late, deducted):
    unit = score(manual={"ba-dinh": unit_manual(late_reports=late)}).unit("ba-dinh")
    assert unit.deduction_items["late_reports"] == deducted
    assert unit.total == 100 - deducted


def test_budget_below_target_costs_five():
    unit = score({"ba-dinh": FULL_FIGURES | {"budget_revenue_attainment_pct": 99.5}}).unit("ba-dinh")
    assert unit.deduction_items["city_target_missed"] == 5
    assert unit.criteria["A1"].points == 11.7
    assert unit.total == round(85 + 11.7 - 5, 2)
    exact = score({"ba-dinh": FULL_FIGURES | {"budget_revenue_attainment_pct": 100}}).unit("ba-dinh")
    assert exact.deduction_items["city_target_missed"] == 0


def test_no_movement_or_no_covenant_costs_eight():
    none_launched = score({"ba-dinh": FULL_FIGURES | {"movements_launched": 0}}).unit("ba-dinh")
    assert none_launched.deduction_items["no_movement"] == 8
    assert none_launched.criteria["E1"].points == 2
    assert none_launched.total == 100 - 3 - 8
    no_covenant = score(manual={"ba-dinh": unit_manual(covenant_signed=False)}).unit("ba-dinh")
    assert no_covenant.deduction_items["no_movement"] == 8
    # a condition that holds settles the deduction even when the other input is missing
    figures = {k: v for k, v in FULL_FIGURES.items() if k != "movements_launched"}
    settled = score({"ba-dinh": figures}, {"ba-dinh": unit_manual(covenant_signed=False)}).unit("ba-dinh")
    assert settled.deduction_items["no_movement"] == 8
    assert not any(m.startswith("điểm trừ no_movement") for m in settled.missing)


def test_serious_incident_costs_five():
    unit = score(manual={"ba-dinh": unit_manual(serious_incident=True)}).unit("ba-dinh")
    assert unit.deductions == 5 and unit.total == 95


@pytest.mark.parametrize(
    ("b4", "total", "grade"),
    [(2, 90, "excellent"), (1.99, 89.99, "good"), (0, 88, "good")],
)
def test_grade_boundary_at_ninety(b4, total, grade):
    # B1 and B3 at 0: 100 − 8 − (4 − b4)
    unit = score(manual={"ba-dinh": unit_manual(points={"B1": 0, "B3": 0, "B4": b4})}).unit("ba-dinh")
    assert unit.total == total and unit.grade == grade


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (90, "excellent"),
        (89.99, "good"),
        (70, "good"),
        (69.99, "completed"),
        (50, "completed"),
        (49.99, "not_completed"),
    ],
)
def test_grade_thresholds(total, grade):
    assert CFG.grade_for(total).id == grade
    assert CFG.grade_for(90).name_vi == "Hoàn thành xuất sắc nhiệm vụ"


# --- ranking and proposals -----------------------------------------------------------------------------


def test_ties_broken_by_a1_pct_then_a3_ratio_then_votes_then_unit_id():
    # every unit totals 99.67
    figures = {
        # A1 points are capped at 15 from 110 % up: equal points, different pct
        "hoang-mai": FULL_FIGURES | {"budget_revenue_attainment_pct": 130.0},
        "ba-dinh": FULL_FIGURES | {"budget_revenue_attainment_pct": 120.0},
        # 29/30 -> A3 9.67 with B1 at 4: equal total, lower ratio
        "long-bien": FULL_FIGURES | {"targets_met": 29},
    }
    manual = {
        "hoang-mai": unit_manual(points={"B1": 3.67}),
        "ba-dinh": unit_manual(points={"B1": 3.67}),
        "long-bien": unit_manual(vote_count=9),
        "hai-ba-trung": unit_manual(points={"B1": 3.67}, vote_count=7),
        "hoan-kiem": unit_manual(points={"B1": 3.67}, vote_count=5),
        "dong-da": unit_manual(points={"B1": 0.67}, vote_count=5),  # the chair's +3 brings it level
    }
    result = score(figures, manual)
    assert {u.total for u in result.units} == {99.67}
    assert [u.unit_id for u in result.units] == [
        "hoang-mai",  # A1 130 %
        "ba-dinh",  # A1 120 %
        "hai-ba-trung",  # A1 112.2 %, A3 1.0, 7 votes
        "dong-da",  # 5 votes, same as hoan-kiem: unit id
        "hoan-kiem",
        "long-bien",  # A3 29/30, despite 9 votes
    ]
    assert [u.rank for u in result.units] == [1, 2, 3, 4, 5, 6]
    assert "by A1: 130 vs 120" in result.unit("hoang-mai").tie_break
    assert "by manual.vote_count: 7 vs 5" in result.unit("hai-ba-trung").tie_break
    assert "dong-da above hoan-kiem" in result.unit("hoan-kiem").tie_break
    assert "ordered by unit id" in result.unit("hoan-kiem").tie_break
    assert any("hoan-kiem above long-bien" in n and "by A3: 1 vs 0.966667" in n for n in result.notes)


def test_vote_count_breaks_a_tie_on_scores_and_missing_votes_come_last():
    manual = {"long-bien": unit_manual(vote_count=6), "ba-dinh": unit_manual(vote_count=1)}
    manual |= {"hoan-kiem": {k: v for k, v in unit_manual().items() if k != "vote_count"}}
    order = [u.unit_id for u in score(manual=manual).units]
    # the chair first on total; then the most votes; 0 votes; no vote recorded last
    assert order == ["dong-da", "long-bien", "ba-dinh", "hai-ba-trung", "hoang-mai", "hoan-kiem"]


def test_proposals_flag_and_bang_khen_limit():
    # six excellent units, distinct totals
    manual = {u: unit_manual(points={"B1": 4 - i * 0.5}) for i, u in enumerate(MEMBERS) if u != "dong-da"}
    result = score(manual=manual)
    assert result.bang_khen_limit == 3  # ceil(0.5·(6 − 1))
    titles = [(u.unit_id, u.proposed_title, u.gov_flag_candidate) for u in result.units]
    assert titles == [
        ("dong-da", "Cờ thi đua của UBND Thành phố", True),
        ("ba-dinh", "Bằng khen của Chủ tịch UBND Thành phố", False),
        ("hai-ba-trung", "Bằng khen của Chủ tịch UBND Thành phố", False),
        ("hoan-kiem", "Bằng khen của Chủ tịch UBND Thành phố", False),
        ("hoang-mai", None, False),
        ("long-bien", None, False),
    ]


def test_disqualified_leader_gets_no_flag_and_does_not_pass_it_down():
    result = score(manual={"dong-da": unit_manual(disciplined=True)})
    leader = result.units[0]
    assert leader.unit_id == "dong-da" and leader.disqualified and leader.disqualified_by == ("disciplined",)
    assert leader.proposed_title is None and not leader.gov_flag_candidate
    # domain.md rule 4: the flag goes to rank 1 only; rank 2 gets a Bằng khen, no flag
    assert not any(u.gov_flag_candidate for u in result.units)
    assert [u.proposed_title for u in result.units[1:]].count("Bằng khen của Chủ tịch UBND Thành phố") == 3
    assert "Cờ thi đua của UBND Thành phố" not in [u.proposed_title for u in result.units]


def test_not_graded_htxsnv_by_the_city_blocks_every_title():
    result = score(
        manual={"ba-dinh": unit_manual(city_graded_htxsnv=False), "hoan-kiem": unit_manual(fraud=True)}
    )
    for unit_id in ("ba-dinh", "hoan-kiem"):
        assert result.unit(unit_id).proposed_title is None and result.unit(unit_id).disqualified
    assert result.unit("ba-dinh").disqualified_by == ("not_htxsnv",)


def test_only_excellent_units_are_proposed():
    low = unit_manual(points={"B1": 0, "B3": 0, "B4": 0})  # 88: good
    result = score(manual={u: low for u in ("ba-dinh", "hai-ba-trung", "hoan-kiem")})
    proposed = [u.unit_id for u in result.units if u.proposed_title]
    assert proposed == ["dong-da", "hoang-mai", "long-bien"]
    lowest = score(
        manual={u: low for u in MEMBERS} | {"dong-da": low | {"points": {"B1": 0, "B3": 0, "B4": 0, "B5": 0}}}
    )
    assert lowest.units[0].grade == "good" and not any(u.proposed_title for u in lowest.units)


# --- output --------------------------------------------------------------------------------------------


def test_output_carries_versions_and_converts():
    result = score(manual={"ba-dinh": {}})
    data = result.to_dict()
    assert data["scoring_version"] == "default.v1" and data["scorer_version"] == SCORER_VERSION
    assert data["cluster_key"] == "ubnd-tp-ha-noi.cum-8.2023"
    json.dumps(data, ensure_ascii=False)
    unit = data["units"][0]
    assert unit["unit_id"] == "dong-da" and unit["points"]["A1"] == 15 and unit["points"]["B1"] == 4
    ba_dinh = next(u for u in data["units"] if u["unit_id"] == "ba-dinh")
    assert ba_dinh["points"]["B1"] is None and ba_dinh["criteria"]["A1"]["measure"] == 112.2
    frame = result.to_frame()
    assert list(frame.columns[:12]) == [
        *("unit_id", "rank", "total", "grade", "grade_vi", "proposed_title", "gov_flag_candidate"),
        *("provisional", "missing", "bonus", "deductions", "A1"),
    ]
    assert list(frame.columns[11:]) == [c.id for c in CFG.criteria]
    row = frame.set_index("unit_id").loc["ba-dinh"]
    assert math.isnan(row["B1"]) and row["A1"] == 15 and row["provisional"]
    assert "B1: chưa nhập 'points.B1' (số liệu nhập tay)" in row["missing"]
    assert list(frame["rank"]) == [1, 2, 3, 4, 5, 6]


def test_score_cluster_refuses_inputs_of_another_cluster():
    manual = build_manual(CFG, {"cau-giay": unit_manual()})
    with pytest.raises(ValueError, match="cau-giay"):
        score_cluster(CFG, CLUSTER, {}, manual)
    other = build_manual(CFG, {}, cluster="ubnd-tp-ha-noi.cum-9.2023")
    with pytest.raises(ValueError, match="cum-9"):
        score_cluster(CFG, CLUSTER, {}, other)


# --- configuration validation and loading --------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('kind = "ratio"', 'kind = "ratios"', "allowed: " + ", ".join(KINDS)),
        ('source = "admin_ontime_pct"', 'source = "admin_on_time"', "budget_revenue_attainment_pct"),
        ('source = "manual.par_rank"', 'source = "manual.pa_rank"', "manual.<key> (covenant_signed"),
        ("base_part = 12\n", "", "kind 'pct_with_bonus' takes: lo, full_at, base_part"),
        (
            '[groups.D]\nname_vi = "Quốc phòng, an ninh, trật tự"\nmax = 10',
            '[groups.D]\nname_vi = "D"\nmax = 12',
            "not base_max 100",
        ),
        ('eligible_grade = "excellent"', 'eligible_grade = "xuat_sac"', "allowed: ['excellent', 'good'"),
        ('group = "D"', 'group = "F"', "allowed: A, B, C, D, E"),
        (
            "over_cap = 3",
            "over_cap = 3\nextra = 1",
            "allowed: group, name_vi, max, kind, source, guide_vi, lo",
        ),
        ('type = "int"', 'type = "integer"', "allowed: ('bool', 'int', 'number')"),
        (
            "[manual.fraud]",
            '[manual.bribe]\ntype = "bool"\nlabel_vi = "x"\n\n[manual.fraud]',
            "used nowhere: ['bribe']",
        ),
    ],
)
def test_config_errors_list_the_alternatives(old, new, expected):
    assert old in DEFAULT_TEXT
    with pytest.raises(ConfigError) as error:
        parse_config(DEFAULT_TEXT.replace(old, new, 1))
    assert expected in str(error.value)


def test_criteria_must_add_up_to_their_group():
    with pytest.raises(ConfigError, match="group A: criteria maxima add up to 31"):
        parse_config(DEFAULT_TEXT.replace('max = 5\nkind = "pct"\nlo = 70', 'max = 6\nkind = "pct"\nlo = 70'))


def test_load_config_unknown_name_lists_the_bundled_ones(tmp_path):
    with pytest.raises(ConfigError, match=r"bundled: default\.v1"):
        load_config("default.v9", tmp_path)
    with pytest.raises(ConfigError, match="invalid configuration name"):
        load_config("../default.v1")


def test_override_folder_per_name_and_per_cluster_year(tmp_path):
    (tmp_path / "default.v1.toml").write_text(
        DEFAULT_TEXT.replace("bonus_cap = 10", "bonus_cap = 8"), encoding="utf-8"
    )
    assert load_config("default.v1", tmp_path).bonus_cap == 8
    cluster_text = DEFAULT_TEXT.replace('version = "default.v1"', 'version = "cum-8.2023.v1"')
    (tmp_path / f"{CLUSTER.key}.toml").write_text(
        cluster_text.replace("required = 3", "required = 5"), encoding="utf-8"
    )
    config = config_for(CLUSTER, tmp_path)
    assert config.version == "cum-8.2023.v1" and config.criterion("E1").params["required"] == 5
    assert config_for(dataclasses.replace(CLUSTER, year=2022), tmp_path).bonus_cap == 8
    # a file found by name must carry that name as its version
    (tmp_path / "default.v1.toml").write_text(cluster_text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("expected 'default.v1'")):
        load_config("default.v1", tmp_path)


# --- manual inputs -------------------------------------------------------------------------------------


def test_unknown_manual_key_is_refused_with_the_allowed_keys():
    with pytest.raises(ManualInputError) as error:
        parse_manual('scoring = "default.v1"\n[units.ba-dinh]\ncovenant = true\n')
    message = str(error.value)
    assert "units.ba-dinh.covenant: unknown key" in message
    assert "covenant_signed" in message and "points.B1" in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("budget_revenue_attainment_pct = 110", "correct it in review"),
        ("points.A1 = 15", "unknown key; allowed"),
        ("points.B1 = 5", "within 0..4"),
        ("late_reports = 1.5", "a whole number"),
        ('covenant_signed = "yes"', "true or false"),
    ],
)
def test_manual_values_are_checked(line, expected):
    with pytest.raises(ManualInputError, match=re.escape(expected)):
        parse_manual(f'scoring = "default.v1"\n[units.ba-dinh]\n{line}\n')


def test_manual_file_header_is_checked():
    with pytest.raises(ManualInputError, match="allowed: cluster, scoring, units"):
        parse_manual('scoring = "default.v1"\nyear = 2023\n')
    with pytest.raises(ManualInputError, match="name the scoring configuration"):
        parse_manual("[units.ba-dinh]\nlate_reports = 1\n")
    with pytest.raises(ManualInputError, match=re.escape("written for scoring 'default.v0'")):
        parse_manual('scoring = "default.v0"\n', CFG)


def test_template_lists_every_input_and_round_trips(tmp_path):
    text = template(CLUSTER, CFG)
    for unit_id in MEMBERS:
        assert f"[units.{unit_id}]" in text
    assert "Quận Ba Đình" in text and "Cụm trưởng" in text
    for key in CFG.manual_fields():
        assert text.count(f"\n# {key} = ") == len(MEMBERS), key
    empty = parse_manual(text)
    assert empty.cluster == CLUSTER.key and empty.units == {u: {} for u in MEMBERS}
    # filled in: uncomment every input line (the examples are valid values)
    path = tmp_path / "cum-8.2023.manual.toml"
    path.write_text(re.sub(r"^# ([A-Za-z0-9_.]+ = )", r"\1", text, flags=re.M), encoding="utf-8")
    filled = load_manual(path)
    assert set(filled.units["ba-dinh"]) == set(CFG.manual_fields())
    result = score_cluster(CFG, CLUSTER, {u: dict(FULL_FIGURES) for u in MEMBERS}, filled)
    assert not result.provisional
    # the examples score 0 for the points criteria (B1, B3–B5): 84, and the chair's 87
    assert [u.total for u in result.units] == [87, 84, 84, 84, 84, 84]


@pytest.mark.parametrize(("rate", "points"), [(1.5, 0.0), (1.0, 0.0), (0.55, 2.0), (0.1, 4.0), (0.0, 4.0)])
def test_a_pct_criterion_with_full_at_below_lo_scores_lower_as_better(rate: float, points: float) -> None:
    from scoring.criteria import Criterion
    from scoring.score import score_criterion

    poverty = Criterion(
        "B1", "B", "Tỷ lệ hộ nghèo", 4, "pct", {"pct": "poverty"}, params={"lo": 1.0, "full_at": 0.1}
    )
    assert score_criterion(poverty, lambda ref: (rate, None), 6).points == pytest.approx(points)


def test_a_pct_criterion_needs_lo_and_full_at_apart() -> None:
    from scoring.criteria import ConfigError, Criterion

    with pytest.raises(ConfigError, match="lo and full_at must differ"):
        Criterion("B1", "B", "X", 4, "pct", {"pct": "x"}, params={"lo": 1.0, "full_at": 1.0})
