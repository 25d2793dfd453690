"""Normalise stored figures into the tables the scorer and the exports read.

``long_table``: one row per unit × year × indicator — the *current* figure (the latest run of the latest
submission for that unit-year, as ``Store.figures_frame`` returns it) with review decisions applied on
top: the latest decision for (document sha256, indicator) wins; ``accept`` keeps the value, ``correct``
replaces it, ``reject`` keeps the row for the record but takes it out of the wide table.
``wide_table``: one row per member of a cluster-year (members without figures included), one column per
indicator. Both frames are validated against declared schemas, so a malformed row names itself.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from models.clusters import Cluster
from models.units import UnitRegistry, default_registry
from models.vocabulary import INDICATORS, REASONS

STATUSES = ("extracted", "derived", "accepted", "corrected", "rejected")
# How officials read a status (the review app, the workbook)
STATUS_VI = {
    "extracted": "Trích xuất",
    "derived": "Suy ra",
    "accepted": "Đã chấp nhận",
    "corrected": "Đã sửa",
    "rejected": "Đã loại",
}

LONG_SCHEMA = pa.DataFrameSchema(
    {
        "unit_id": pa.Column(str),
        "unit_name": pa.Column(str),
        "year": pa.Column(int, pa.Check.in_range(1990, 2100)),
        # read at validation time (``THIDUA_INDICATORS`` may add codes after import); a stored code the
        # vocabulary lacks fails here, by name: an extension folder that is no longer set, or a bad row
        "indicator": pa.Column(str, pa.Check(lambda s: s.isin(list(INDICATORS)), name="known indicator")),
        "value": pa.Column(float, pa.Check.ge(0), nullable=True),
        "unit": pa.Column(str, pa.Check.isin(["VND", "%", "count"])),
        "confidence": pa.Column(float, pa.Check.in_range(0, 1)),
        "flags": pa.Column(
            object, pa.Check(lambda s: s.map(lambda v: set(v) <= set(REASONS)), element_wise=False)
        ),
        "status": pa.Column(str, pa.Check.isin(list(STATUSES))),
        "document_sha256": pa.Column(str, pa.Check.str_length(64, 64)),
        "run_id": pa.Column(int),
    },
    strict=False,
    coerce=True,
    unique=["unit_id", "year", "indicator"],
    name="long figures",
)


def _latest_decisions(decisions: pd.DataFrame | None) -> pd.DataFrame:
    if decisions is None or decisions.empty:
        return pd.DataFrame(
            columns=["document_sha256", "indicator", "action", "new_value", "reviewer", "decided_at"]
        )
    ordered = decisions.sort_values(["decided_at", "id"] if "id" in decisions else ["decided_at"])
    return ordered.groupby(["document_sha256", "indicator"], as_index=False).last()


def long_table(
    figures: pd.DataFrame, decisions: pd.DataFrame | None = None, units: UnitRegistry | None = None
) -> pd.DataFrame:
    """Current figures with review decisions applied, validated (see ``LONG_SCHEMA``)."""
    units = units or default_registry()
    frame = figures.copy()
    if frame.empty:
        return LONG_SCHEMA.validate(frame.reindex(columns=[*LONG_SCHEMA.columns, "reviewer"]), lazy=True)
    frame["unit_name"] = [units.get(u).name if u else "" for u in frame["unit_id"]]
    frame["status"] = ["derived" if d else "extracted" for d in frame["derived"]]
    frame["flags"] = [list(f or []) for f in frame["flags"]]
    latest = _latest_decisions(decisions)
    if not latest.empty:
        frame = frame.merge(
            latest[["document_sha256", "indicator", "action", "new_value", "reviewer"]],
            on=["document_sha256", "indicator"],
            how="left",
        )
        action = frame["action"]
        frame.loc[action == "accept", "status"] = "accepted"
        corrected = action == "correct"
        frame["value"] = frame["value"].astype(float)
        frame.loc[corrected, "value"] = frame.loc[corrected, "new_value"].astype(float)
        frame.loc[corrected, "status"] = "corrected"
        frame.loc[action == "reject", "status"] = "rejected"
        frame = frame.drop(columns=["action", "new_value"])
    else:
        frame["reviewer"] = None
    frame["value"] = frame["value"].astype(float)
    return LONG_SCHEMA.validate(
        frame.sort_values(["unit_id", "year", "indicator"]).reset_index(drop=True), lazy=True
    )


def wide_table(long: pd.DataFrame, cluster: Cluster, units: UnitRegistry | None = None) -> pd.DataFrame:
    """Members × indicators for one cluster-year; rejected figures and non-members are left out."""
    units = units or default_registry()
    rows = long[
        (long["year"] == cluster.year)
        & (long["status"] != "rejected")
        & long["unit_id"].isin(cluster.members)
    ]
    wide = rows.pivot(index="unit_id", columns="indicator", values="value").reindex(
        index=list(cluster.members), columns=list(INDICATORS)
    )
    wide.insert(0, "unit_name", [units.get(u).name for u in wide.index])
    wide.index.name = "unit_id"
    return wide


def figures_by_unit(wide: pd.DataFrame) -> dict[str, dict[str, float | None]]:
    """The wide table as the scorer's input: unit id -> indicator -> value (None when absent)."""
    values = wide.drop(columns=["unit_name"])
    return {
        unit: {code: (None if pd.isna(v) else float(v)) for code, v in row.items()}
        for unit, row in values.iterrows()
    }
