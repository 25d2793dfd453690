"""Normalised tables: current figures with review decisions on top, validated so a bad row names itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pandera.pandas as pa
import pytest

from models.clusters import default_clusters
from models.normalise import figures_by_unit, long_table, wide_table

SHA = "a" * 64


def figures(**overrides) -> pd.DataFrame:
    rows = [
        {
            "unit_id": "hoan-kiem",
            "year": 2021,
            "indicator": "budget_revenue_actual",
            "value": 13.2e12,
            "unit": "VND",
        },
        {
            "unit_id": "hoan-kiem",
            "year": 2021,
            "indicator": "budget_revenue_attainment_pct",
            "value": 147.4,
            "unit": "%",
        },
        {"unit_id": "hoan-kiem", "year": 2021, "indicator": "targets_met", "value": 17, "unit": "count"},
        {"unit_id": "hoan-kiem", "year": 2021, "indicator": "targets_total", "value": 18, "unit": "count"},
    ]
    frame = pd.DataFrame(rows).assign(confidence=0.9, flags=[[], ["arithmetic"], [], []], derived=False)
    frame = frame.assign(document_sha256=SHA, run_id=1)
    for column, value in overrides.items():
        frame[column] = value
    return frame


def decision(indicator: str, action: str, new_value: float | None, minute: int) -> dict:
    return {
        "id": minute,
        "document_sha256": SHA,
        "indicator": indicator,
        "action": action,
        "new_value": new_value,
        "reviewer": "chuyên viên",
        "decided_at": datetime(2022, 1, 20, 9, minute, tzinfo=UTC),
    }


def test_decisions_apply_on_top_and_the_latest_one_wins() -> None:
    decisions = pd.DataFrame(
        [
            decision("budget_revenue_attainment_pct", "reject", None, 1),
            decision("budget_revenue_attainment_pct", "correct", 147.0, 2),  # later: wins over the reject
            decision("targets_met", "accept", None, 3),
            decision("targets_total", "reject", None, 4),
        ]
    )
    long = long_table(figures(), decisions).set_index("indicator")
    assert long.loc["budget_revenue_attainment_pct", ["value", "status"]].tolist() == [147.0, "corrected"]
    assert long.loc["targets_met", "status"] == "accepted"
    assert long.loc["budget_revenue_actual", "status"] == "extracted"
    wide = wide_table(long.reset_index(), default_clusters().get("cum-8", 2021))
    assert list(wide.index) == ["ba-dinh", "dong-da", "hai-ba-trung", "hoan-kiem", "hoang-mai", "long-bien"]
    assert wide.loc["hoan-kiem", "budget_revenue_attainment_pct"] == 147.0
    assert pd.isna(
        wide.loc["hoan-kiem", "targets_total"]
    )  # rejected: out of the wide table, kept in the long
    by_unit = figures_by_unit(wide)
    assert by_unit["hoan-kiem"]["targets_met"] == 17 and by_unit["ba-dinh"]["targets_met"] is None


def test_a_malformed_row_names_itself() -> None:
    bad = figures()
    bad.loc[2, "indicator"] = "targets_reached"
    bad.loc[3, "flags"] = [["wrong_reason"]]
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        long_table(bad)
    failures = caught.value.failure_cases
    assert {"indicator", "flags"} <= set(failures["column"])
    assert "targets_reached" in set(failures["failure_case"].astype(str))


def test_one_row_per_unit_year_indicator() -> None:
    doubled = pd.concat([figures(), figures().iloc[:1]], ignore_index=True)
    with pytest.raises(pa.errors.SchemaErrors):
        long_table(doubled)
