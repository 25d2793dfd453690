"""Score a cluster-year: points per criterion, bonus, deductions, total, rank, grade and proposed title.

``score_cluster`` is pure: it reads the configuration, the cluster, the unit × indicator figures and the
manual inputs it is given, and nothing else. The rules are those of ``../shared/domain.md`` §1.5:
``total = base + min(bonus, cap) − deductions`` rounded to 2 decimals; ties broken by the configured
tie-breakers, then by unit id (said in ``tie_break``); rank 1, when of the eligible grade and not
disqualified, is proposed for the city flag and marked a Government-flag candidate; at most
``ceil(share · (n − flags))`` other eligible units are proposed for a Bằng khen, in rank order.

A missing input never scores 0: the criterion's points are None, the unit is ``provisional`` and
``missing`` says in plain words what is lacking; the total is then computed from what exists.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from models.clusters import Cluster
from models.vocabulary import INDICATORS
from scoring.config import Condition, Criterion, ScoringConfig, manual_key
from scoring.entries import verified_amount as _verified_amount
from scoring.entries import verify_criterion
from scoring.formulas import FORMULAS, Invalid
from scoring.manual import ManualInputs, Value

SCORER_VERSION = "1.0.0"  # bump when the arithmetic changes; scores store it with the config version


@dataclass(frozen=True)
class CriterionScore:
    id: str
    group: str
    max: float
    points: float | None  # None: an input is missing or invalid, never a silent 0
    measure: float | None  # what the formula read: the pct of A1, the x/y of A3, ...
    problems: tuple[str, ...] = ()
    verified_from: float | None = None  # set when ``verified``: thidua's computed points before
    verified: bool = False  # the points are the chair's verified score (điểm thẩm định)


@dataclass(frozen=True)
class UnitScore:
    unit_id: str
    criteria: dict[str, CriterionScore]
    base: float
    bonus: float  # after the cap
    bonus_items: dict[str, float]
    deductions: float  # positive, subtracted from the total
    deduction_items: dict[str, float]
    total: float
    grade: str
    grade_vi: str
    disqualified: bool
    disqualified_by: tuple[str, ...]
    provisional: bool
    missing: tuple[str, ...]
    inputs: dict[str, Value]  # every input used: indicator code / manual.<key> / cluster.chair -> value
    tie_values: dict[str, float | None]
    rank: int = 0
    proposed_title: str | None = None
    gov_flag_candidate: bool = False
    tie_break: str | None = None
    verified_items: dict[str, float | None] = dataclasses.field(default_factory=dict)  # bonus./deduction.

    @property
    def points(self) -> dict[str, float | None]:
        """Criterion id -> points (None when not scorable)."""
        return {cid: c.points for cid, c in self.criteria.items()}

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready), with ``points`` beside the detailed ``criteria``."""
        return dataclasses.asdict(self) | {"points": self.points}


@dataclass(frozen=True)
class ClusterScore:
    cluster_key: str  # organiser.cum-<n>.<year>
    cluster_name: str
    year: int
    scoring_version: str
    scorer_version: str
    units: tuple[UnitScore, ...]  # in rank order
    provisional: bool
    bang_khen_limit: int
    notes: tuple[str, ...] = ()

    def unit(self, unit_id: str) -> UnitScore:
        for u in self.units:
            if u.unit_id == unit_id:
                return u
        raise KeyError(
            f"unit {unit_id!r} is not scored here; scored: {', '.join(u.unit_id for u in self.units)}"
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"units": [u.to_dict() for u in self.units]}

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per unit in rank order, one column per criterion."""
        import pandas as pd  # only the tabular output needs pandas

        criteria = list(self.units[0].criteria) if self.units else []
        columns = ["unit_id", "rank", "total", "grade", "grade_vi", "proposed_title", "gov_flag_candidate"]
        columns += ["provisional", "missing", "bonus", "deductions"]
        rows = [
            {c: getattr(u, c) for c in columns} | {"missing": "; ".join(u.missing)} | u.points
            for u in self.units
        ]
        frame = pd.DataFrame(rows, columns=columns + criteria)
        return frame.astype({cid: float for cid in criteria})  # None -> NaN, never 0


class _Inputs:
    """The inputs of one unit; remembers what was used and says in words what is missing."""

    def __init__(
        self, config: ScoringConfig, cluster: Cluster, unit_id: str, figures: Mapping, manual: ManualInputs
    ) -> None:
        self.fields = config.manual_fields()
        self.cluster, self.unit_id, self.figures, self.manual = cluster, unit_id, figures, manual
        self.used: dict[str, Value] = {}

    def get(self, ref: str) -> tuple[Any, str | None]:
        """(value, None), or (None, why it is missing); (None, None) for an optional input left out."""
        key = manual_key(ref)
        if ref == "cluster.chair":
            if self.cluster.chair is None:
                return None, "chưa ghi đơn vị Cụm trưởng trong tệp của cụm"
            value: Any = self.cluster.chair == self.unit_id
        elif key is not None:
            value = self.manual.value(self.unit_id, key)
            spec = self.fields[key]
            value = spec.default if value is None else value
            if value is None:
                return None, (f"chưa nhập '{key}' (số liệu nhập tay)" if spec.required else None)
        else:
            value = self.figures.get(ref)
            if _absent(value):
                label = INDICATORS[ref].label_vi if ref in INDICATORS else ref
                return None, f"chưa có số liệu «{label}» từ báo cáo"
        self.used[ref] = value
        return value, None

    def condition(self, cond: Condition) -> tuple[bool | None, str | None]:
        value, why = self.get(cond.input)
        return (None, why) if value is None else (cond.holds(value), None)


def _absent(value: Any) -> bool:
    """None, NaN or pandas' NA: the figure was not extracted."""
    try:
        return value is None or math.isnan(value)
    except TypeError:  # pd.NA refuses conversion to float
        return True


def score_criterion(c: Criterion, read: Callable[[str], tuple[Any, str | None]], n: int) -> CriterionScore:
    """One criterion from its inputs; ``read(ref)`` gives (value, why missing); ``n`` = cluster members."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for slot, ref in c.source.items():
        got = [read(r) for r in (ref if isinstance(ref, tuple) else (ref,))]
        problems += [f"{c.id}: {why}" for _, why in got if why]
        values[slot] = [value for value, _ in got] if isinstance(ref, tuple) else got[0][0]
    if problems:
        return CriterionScore(c.id, c.group, c.max, None, None, tuple(problems))
    try:
        points, measure = FORMULAS[c.kind](c, values, dict(c.source), n)
    except Invalid as exc:
        return CriterionScore(c.id, c.group, c.max, None, None, (f"{c.id}: {exc}",))
    # each criterion is rounded like a score sheet, so the printed items add up to the printed total
    return CriterionScore(c.id, c.group, c.max, round(min(c.max, max(0.0, points)), 2), measure)


def score_unit(
    config: ScoringConfig,
    cluster: Cluster,
    unit_id: str,
    figures: Mapping,
    manual: ManualInputs,
    verified: Mapping[str, float] | None = None,
) -> UnitScore:
    """A unit's points, bonus, deductions, total and grade; :func:`score_cluster` adds rank and title.

    ``verified``: the chair's verified scores of this unit (criterion id, "bonus.<id>", "deduction.<id>"
    -> points); each replaces what thidua computed for it, and what it lacked is no longer missing."""
    verified = verified or {}
    inputs = _Inputs(config, cluster, unit_id, figures, manual)
    n = len(cluster.members)
    criteria = {c.id: score_criterion(c, inputs.get, n) for c in config.criteria}
    criteria = {
        cid: verify_criterion(cs, verified[cid]) if cid in verified else cs for cid, cs in criteria.items()
    }
    missing = [p for cs in criteria.values() for p in cs.problems]
    verified_items: dict[str, float | None] = {}
    bonus_items: dict[str, float] = {}
    for item in config.bonus:
        value, why = inputs.get(item.input)
        bonus_items[item.id] = item.points if value else 0.0
        chosen = _verified_amount(verified, f"bonus.{item.id}", item.points)
        if chosen is not None:
            verified_items[f"bonus.{item.id}"] = None if why else bonus_items[item.id]
            bonus_items[item.id] = chosen
            continue
        missing += [f"điểm thưởng {item.id}: {why}"] if why else []
    deduction_items: dict[str, float] = {}
    for d in config.deductions:
        if d.count:
            count, why = inputs.get(d.count)
            amount = 0.0 if count is None else d.each * count
            amount = amount if d.cap is None else min(d.cap, amount)
            open_ = [f"điểm trừ {d.id}: {why}"] if why else []
        else:
            results = [inputs.condition(k) for k in d.any_of]
            applies = any(r is True for r, _ in results)
            # one condition that holds settles it; otherwise every unknown one leaves it open
            open_ = [] if applies else [f"điểm trừ {d.id}: {why}" for r, why in results if why]
            amount = d.points if applies else 0.0
        chosen = _verified_amount(verified, f"deduction.{d.id}", d.cap if d.count else d.points)
        if chosen is not None:
            verified_items[f"deduction.{d.id}"] = None if open_ else amount
            amount, open_ = chosen, []
        missing += open_
        deduction_items[d.id] = amount
    disqualified_by = []
    for q in config.disqualifiers:
        holds, why = inputs.condition(q.when)
        missing += [f"điều kiện loại {q.id}: {why}"] if why else []
        disqualified_by += [q.id] if holds else []
    base = sum(cs.points for cs in criteria.values() if cs.points is not None)
    bonus = min(config.bonus_cap, sum(bonus_items.values()))
    deductions = sum(deduction_items.values())
    total = round(base + bonus - deductions, 2)
    grade = config.grade_for(total)
    ties: dict[str, float | None] = {}
    for t in config.tie_breakers:
        ties[t] = criteria[t].measure if t in criteria else inputs.get(t)[0]
    return UnitScore(
        unit_id=unit_id,
        criteria=criteria,
        base=round(base, 2),
        bonus=round(bonus, 2),
        bonus_items=bonus_items,
        deductions=round(deductions, 2),
        deduction_items=deduction_items,
        total=total,
        grade=grade.id,
        grade_vi=grade.name_vi,
        disqualified=bool(disqualified_by),
        disqualified_by=tuple(disqualified_by),
        provisional=bool(missing),
        missing=tuple(missing),
        inputs=dict(inputs.used),
        tie_values=ties,
        verified_items=verified_items,
    )


def _order_key(u: UnitScore) -> tuple:
    # higher is better for every tie-breaker; a missing value sorts after any present one
    ties = [(0, -v) if v is not None else (1, 0) for v in u.tie_values.values()]
    return (-u.total, *ties, u.unit_id)


def _tie_note(upper: UnitScore, lower: UnitScore) -> str:
    for t, a in upper.tie_values.items():
        b = lower.tie_values[t]
        if a != b:
            show = [("missing" if x is None else f"{x:g}") for x in (a, b)]
            pair = f"{upper.unit_id} above {lower.unit_id} (equal total {upper.total:g})"
            return f"{pair} by {t}: {show[0]} vs {show[1]}"
    return (
        f"{upper.unit_id} above {lower.unit_id}: equal total {upper.total:g} and equal tie-breakers "
        f"({', '.join(upper.tie_values) or 'none configured'}); ordered by unit id"
    )


def score_cluster(
    config: ScoringConfig,
    cluster: Cluster,
    figures: Mapping[str, Mapping[str, float | None]],
    manual: ManualInputs,
    verified: Mapping[str, Mapping[str, float]] | None = None,
) -> ClusterScore:
    """Score every member of the cluster-year; units without figures are listed, provisional.
    ``verified``: unit id -> the chair's verified scores (see :func:`score_unit`)."""
    verified = verified or {}
    if manual.cluster and manual.cluster != cluster.key:
        raise ValueError(f"manual inputs are for {manual.cluster!r}, not for {cluster.key!r}")
    if manual.scoring and manual.scoring != config.version:
        raise ValueError(f"manual inputs were written for scoring {manual.scoring!r}, not {config.version!r}")
    strangers = sorted(set(manual.units) - set(cluster.members))
    if strangers:
        raise ValueError(
            f"manual inputs for {strangers}, not members of {cluster.key}: {list(cluster.members)}"
        )
    notes = []
    ignored = sorted(set(figures) - set(cluster.members))
    if ignored:
        notes.append(f"figures of non-members ignored: {', '.join(ignored)}")
    scored = sorted(
        (
            score_unit(config, cluster, u, figures.get(u, {}), manual, verified.get(u))
            for u in cluster.members
        ),
        key=_order_key,
    )
    tie_breaks: dict[str, list[str]] = {}
    for upper, lower in itertools.pairwise(scored):
        if upper.total == lower.total:
            note = _tie_note(upper, lower)
            notes.append(note)
            tie_breaks.setdefault(upper.unit_id, []).append(note)
            tie_breaks.setdefault(lower.unit_id, []).append(note)
    rules = config.proposals
    flags = rules.city_flags_per_cluster
    # float guard: 0.1·30 is 3.0000000000000004, and ceil must not make it 4
    limit = math.ceil(round(rules.bang_khen_share_of_rest * max(0, len(cluster.members) - flags), 9))
    units, given = [], 0
    for rank, u in enumerate(scored, start=1):
        title, candidate = None, False
        eligible = u.grade == rules.eligible_grade and not u.disqualified
        # the flag goes to the top ranks only: a disqualified leader does not pass it down
        if eligible and rank <= flags:
            title, candidate = rules.flag_title_vi, True
        elif eligible and rank > flags and given < limit:
            title, given = rules.bang_khen_title_vi, given + 1
        note = "; ".join(tie_breaks.get(u.unit_id, [])) or None
        units.append(
            dataclasses.replace(
                u, rank=rank, proposed_title=title, gov_flag_candidate=candidate, tie_break=note
            )
        )
    return ClusterScore(
        cluster_key=cluster.key,
        cluster_name=cluster.name,
        year=cluster.year,
        scoring_version=config.version,
        scorer_version=SCORER_VERSION,
        units=tuple(units),
        provisional=any(u.provisional for u in units),
        bang_khen_limit=limit,
        notes=tuple(notes),
    )
