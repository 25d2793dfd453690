"""What-ifs: a cluster-year re-scored with one figure changed or taken out, and what that would move.

The scorer is pure and scores a six-unit cluster in well under a millisecond, so the review queue asks
"what if this figure were rejected, or were its alternative reading?" for every flagged figure instead of
guessing from weights. :class:`Baseline` scores a cluster-year once and re-scores it per change;
:func:`what_if` is the one-off form the item page uses. Texts are plain Vietnamese for officials, with
numbers in Vietnamese notation (``extractors.numbers.format_number``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from extractors.numbers import format_number, format_short
from models.clusters import Cluster
from models.normalise import figures_by_unit, wide_table
from models.vocabulary import TY
from scoring.config import ScoringConfig
from scoring.manual import ManualInputs
from scoring.score import ClusterScore, score_cluster

NO_TITLE_VI = "không đề nghị"


def fmt(value: float, decimals: int = 2) -> str:
    """Vietnamese notation with at most ``decimals`` decimals and no trailing zeros: 95.1 -> "95,1"."""
    return format_short(value, decimals)


def fmt_value(value: float | None, unit: str) -> str:
    """A figure as officials write it: "13.200 tỷ đồng", "147,4%", "5.230"; "(không có)" for None."""
    if value is None:
        return "(không có)"
    if unit == "VND":
        return f"{fmt(value / TY, 3)} tỷ đồng"
    return f"{fmt(value)}%" if unit == "%" else fmt(value)


def fmt_points(value: float) -> str:
    """Points always with two decimals, like a score sheet: 95.1 -> "95,10"."""
    return format_number(value, 2)


def title_vi(title: str | None) -> str:
    return title or NO_TITLE_VI


@dataclass(frozen=True)
class UnitChange:
    """One member before and after the change."""

    unit_id: str
    unit_name: str
    old_total: float
    new_total: float
    old_rank: int
    new_rank: int
    old_title: str | None
    new_title: str | None
    old_provisional: bool
    new_provisional: bool

    @property
    def rank_changed(self) -> bool:
        return self.old_rank != self.new_rank

    @property
    def title_changed(self) -> bool:
        return self.old_title != self.new_title


@dataclass(frozen=True)
class WhatIf:
    """The cluster-year re-scored with one figure set to ``new_value`` (None: rejected)."""

    key: str
    cluster_key: str
    unit_id: str
    indicator: str
    old_value: float | None
    new_value: float | None
    units: tuple[UnitChange, ...]  # every member, in the old rank order
    summary_vi: str
    before: ClusterScore
    after: ClusterScore

    @property
    def changes_rank(self) -> bool:
        return any(u.rank_changed for u in self.units)

    @property
    def changes_title(self) -> bool:
        return any(u.title_changed for u in self.units)

    def unit(self, unit_id: str) -> UnitChange:
        return next(u for u in self.units if u.unit_id == unit_id)


def _value(value: object) -> float | None:
    """None for None/NaN/NA (pandas hands those out for a missing figure), else a float."""
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


@dataclass(frozen=True)
class Baseline:
    """A cluster-year scored once from the long table, ready to be re-scored with one figure changed."""

    cluster: Cluster
    config: ScoringConfig
    manual: ManualInputs
    figures: Mapping[str, Mapping[str, float | None]]
    names: Mapping[str, str]
    score: ClusterScore
    verified: Mapping[str, Mapping[str, float]] | None = None  # the chair's verified scores in force

    @classmethod
    def of(
        cls,
        long: pd.DataFrame,
        cluster: Cluster,
        config: ScoringConfig,
        manual: ManualInputs,
        verified: Mapping[str, Mapping[str, float]] | None = None,
    ) -> Baseline:
        # the same path as scoring.service: rejected figures are out, corrections are in, and the chair's
        # manual inputs and verified scores count as they do in the published scores
        wide = wide_table(long, cluster)
        figures = figures_by_unit(wide)
        names = {str(u): str(n) for u, n in wide["unit_name"].items()}
        score = score_cluster(config, cluster, figures, manual, verified)
        return cls(cluster, config, manual, figures, names, score, verified)

    def rescore(self, unit_id: str, indicator: str, value: float | None) -> ClusterScore:
        figures = {u: dict(v) for u, v in self.figures.items()}
        figures.setdefault(unit_id, {})[indicator] = value
        return score_cluster(self.config, self.cluster, figures, self.manual, self.verified)

    def compare(self, after: ClusterScore) -> tuple[UnitChange, ...]:
        changes = []
        for old in self.score.units:
            new = after.unit(old.unit_id)
            changes.append(
                UnitChange(
                    unit_id=old.unit_id,
                    unit_name=self.names.get(old.unit_id, old.unit_id),
                    old_total=old.total,
                    new_total=new.total,
                    old_rank=old.rank,
                    new_rank=new.rank,
                    old_title=old.proposed_title,
                    new_title=new.proposed_title,
                    old_provisional=old.provisional,
                    new_provisional=new.provisional,
                )
            )
        return tuple(changes)


def unit_sentence(change: UnitChange, *, lead: bool) -> str:
    """ "Tổng điểm Quận Hoàn Kiếm: 95,13 → 93,40; hạng giữ nguyên 1; đề nghị giữ nguyên Cờ thi đua …"
    (``lead``), or only what moved for another unit: "Quận Long Biên: hạng 2 → 1; đề nghị …"."""
    parts: list[str] = []
    if lead:
        if change.old_total == change.new_total:
            parts.append(f"Tổng điểm {change.unit_name} giữ nguyên {fmt_points(change.old_total)}")
        else:
            old, new = fmt_points(change.old_total), fmt_points(change.new_total)
            parts.append(f"Tổng điểm {change.unit_name}: {old} → {new}")
    if change.rank_changed:
        parts.append(f"hạng {change.old_rank} → {change.new_rank}")
    elif lead:
        parts.append(f"hạng giữ nguyên {change.old_rank}")
    if change.title_changed:
        parts.append(f"đề nghị {title_vi(change.old_title)} → {title_vi(change.new_title)}")
    elif lead:
        kept = change.old_title
        parts.append(f"đề nghị giữ nguyên {kept}" if kept else "vẫn không được đề nghị khen thưởng")
    if change.new_provisional and not change.old_provisional:
        parts.append("điểm thành tạm tính vì thiếu số liệu")
    text = "; ".join(parts)
    return text if lead else f"{change.unit_name}: {text}"


def summary_vi(changes: tuple[UnitChange, ...], unit_id: str) -> str:
    """The changed unit first, then every other unit whose rank or proposed title moves."""
    lead = next(c for c in changes if c.unit_id == unit_id)
    others = [c for c in changes if c.unit_id != unit_id and (c.rank_changed or c.title_changed)]
    others.sort(key=lambda c: c.new_rank)
    return ". ".join([unit_sentence(lead, lead=True), *(unit_sentence(c, lead=False) for c in others)])


def what_if(
    long: pd.DataFrame,
    cluster: Cluster,
    config: ScoringConfig,
    manual: ManualInputs,
    key: str,
    new_value: float | None,
    verified: Mapping[str, Mapping[str, float]] | None = None,
) -> WhatIf:
    """The cluster re-scored with the figure ``key`` ("<document sha256>:<indicator>") set to
    ``new_value``; None (or NaN) means rejected. Raises KeyError when the figure is not in the long table
    and ValueError when it belongs to another cluster-year."""
    sha, _, indicator = key.partition(":")
    rows = long[(long["document_sha256"] == sha) & (long["indicator"] == indicator)]
    if rows.empty:
        raise KeyError(f"no figure {key!r} in the long table")
    row = rows.iloc[0]
    unit_id, year = str(row["unit_id"]), int(row["year"])
    if year != cluster.year or unit_id not in cluster.members:
        raise ValueError(f"figure {key!r} is of {unit_id} {year}, not a member of {cluster.key}")
    base = Baseline.of(long, cluster, config, manual, verified)
    new = _value(new_value)
    after = base.rescore(unit_id, indicator, new)
    changes = base.compare(after)
    return WhatIf(
        key, cluster.key, unit_id, indicator, _value(row["value"]), new, changes,
        summary_vi(changes, unit_id), base.score, after,
    )  # fmt: skip
