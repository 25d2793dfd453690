"""The review queue: flagged figures, the ones that could change a rank or a proposed title first.

Pure functions over the long table (``models.normalise.long_table``); no web, no database.

Priority. Every flagged figure's cluster-year is re-scored (see :mod:`review.whatif`) with the figure
(a) removed, as if rejected, and (b) set to each alternative reading the extractor kept. The strongest
effect of any what-if sets the tier:

* 3 — the city flag changes hands (and with it the Government-flag candidacy),
* 2 — another proposed title changes (a Bằng khen given or lost),
* 1 — a rank changes, no title,
* 0 — nothing moves;

priority = tier + 0.5 (when an alternative reading, not the rejection, reaches that tier: a value the
report itself gives is the likelier error, and a rejection of any heavy figure moves a tight cluster)
+ 0.49·s, and for tier 0 simply s. ``s = stake / (stake + gap)`` (at most 0.99) says how much the
figure could move: ``stake`` is the most points the indicator can swing — the maxima of the criteria it
feeds plus the deductions it can trigger — and ``gap`` the distance from the unit's total to the nearer of
its neighbours in the ranking. Figures the scale does not use, and figures of units in no cluster, get 0.

Corrections typed by a reviewer go through :func:`parse_correction`: the project's Vietnamese number
parser, then the indicator's unit and plausible range. Money must carry its unit ("13.200 tỷ đồng"): a
bare "13.200" is refused rather than read as tỷ đồng, because a triệu/tỷ slip is exactly the
thousand-fold error review exists to catch, and a ward's plausible range (10–15.000 tỷ) is too wide to
catch it. A bare number for a percentage is read as a percentage: there is no scale to confuse.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from extractors.numbers import parse_quantity
from models.clusters import Cluster
from models.vocabulary import INDICATORS, REASONS, TY
from models.vocabulary import indicator as indicator_of
from review.whatif import Baseline, UnitChange, WhatIf, fmt, fmt_points, fmt_value, title_vi, what_if
from scoring.config import ScoringConfig, config_for
from scoring.manual import ManualInputs
from scoring.score import UnitScore

__all__ = [
    "CorrectionError",
    "ImplausibleCorrection",
    "QueueItem",
    "WhatIf",
    "build_queue",
    "counts_by_reason",
    "parse_correction",
    "progress",
    "what_if",
]

DECIDED = ("accepted", "corrected", "rejected")  # statuses long_table gives a figure with a decision
_ORDER = {code: i for i, code in enumerate(INDICATORS)}


class CorrectionError(ValueError):
    """A typed correction that cannot be used; the message is Vietnamese, for the reviewer."""


class ImplausibleCorrection(CorrectionError):
    """A value outside the indicator's plausible range: recorded only when the reviewer confirms it with a
    note (a real 170 % attainment exists), never refused outright."""

    def __init__(self, message: str, value: float) -> None:
        super().__init__(message)
        self.value = value


@dataclass(frozen=True)
class QueueItem:
    key: str  # "<document sha256>:<indicator>", the key decisions are recorded under
    document_sha256: str
    unit_id: str
    unit_name: str
    year: int
    cluster_key: str | None  # None: the unit is in none of the clusters given
    indicator: str
    label_vi: str
    value: float | None
    unit: str  # "VND" | "%" | "count"
    flags: tuple[str, ...]
    reasons_vi: tuple[str, ...]
    confidence: float
    status: str
    source_page: int | None
    source_block: str | None
    source_text: str | None
    alternatives: tuple[float, ...]  # other candidate values the extractor found, current one excluded
    decided: bool
    priority: float
    impact_vi: str
    notes: tuple[str, ...] = field(default=())


def _cell(row: pd.Series, name: str) -> object:
    """A column that may be absent (the long table keeps whatever the figures frame carried) or NA."""
    value = row.get(name)
    if value is None or isinstance(value, str) or hasattr(value, "__len__"):
        return value  # lists, dicts and numpy arrays (a Parquet round trip) are kept whole
    return None if pd.isna(value) else value


def _alternatives(raw: object, current: float | None, unit: str) -> tuple[float, ...]:
    """Distinct candidate values (``Candidate.describe()`` dicts or bare numbers) other than ``current``."""
    values: list[float] = []
    for alt in raw if raw is not None and not isinstance(raw, str | Mapping) else ():
        value = alt.get("value") if isinstance(alt, Mapping) else alt
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
            continue
        # money compares to the đồng, rates and counts to a hundredth: 147.4 and 147.40 are one value
        tolerance = 1.0 if unit == "VND" else 0.005
        if all(abs(value - v) > tolerance for v in [*values, *([current] if current is not None else [])]):
            values.append(float(value))
    return tuple(values)


def _stake(config: ScoringConfig, code: str) -> tuple[float, list[str], float]:
    """(criteria points, criterion ids, deduction points) the indicator decides in this scale."""
    criteria = [c for c in config.criteria if code in c.inputs]
    deductions = 0.0
    for d in config.deductions:
        if d.count == code:
            deductions += d.cap if d.cap is not None else d.each  # an uncapped count: at least one
        elif any(k.input == code for k in d.any_of):
            deductions += d.points
    return sum(c.max for c in criteria), [c.id for c in criteria], deductions


def _neighbour(units: Sequence[UnitScore], me: UnitScore) -> tuple[UnitScore | None, float]:
    """The adjacent unit in the ranking nearest in total, and the gap to it (inf when alone)."""
    around = [u for u in units if abs(u.rank - me.rank) == 1]
    if not around:
        return None, math.inf
    nearest = min(around, key=lambda u: (abs(u.total - me.total), u.rank))
    return nearest, round(abs(nearest.total - me.total), 2)


def _moves(changes: Iterable[UnitChange], unit_id: str, shown: int = 3) -> str:
    """ "Quận Hoàn Kiếm lên hạng 1 (Cờ thi đua …), Quận Long Biên xuống hạng 2 (Bằng khen …)": the
    figure's own unit first, then the others by their new rank."""
    moved = [c for c in changes if c.rank_changed or c.title_changed]
    moved.sort(key=lambda c: (c.unit_id != unit_id, c.new_rank))
    out = []
    for c in moved[:shown]:
        verb = "lên" if c.new_rank < c.old_rank else "xuống" if c.new_rank > c.old_rank else "giữ"
        out.append(f"{c.unit_name} {verb} hạng {c.new_rank} ({title_vi(c.new_title)})")
    more = len(moved) - shown
    return ", ".join(out) + (f" và {more} đơn vị khác thay đổi" if more > 0 else "")


def _assess(
    base: Baseline, unit_id: str, code: str, current: float | None, alternatives: Sequence[float]
) -> tuple[float, str]:
    """(priority, impact_vi) of one flagged figure within one scored cluster-year."""
    points, criteria, deductions = _stake(base.config, code)
    if not points and not deductions:
        scale = base.config.version
        return 0.0, f"Chỉ tiêu này không dùng để chấm điểm (thang {scale}): không ảnh hưởng xếp hạng"
    me = base.score.unit(unit_id)
    other, gap = _neighbour(base.score.units, me)
    stake = points + deductions
    share = 0.0 if math.isinf(gap) else min(0.99, stake / (stake + gap))
    decides = f"chỉ tiêu này quyết định tới {fmt(points)} điểm ({', '.join(criteria)})" if points else ""
    if deductions:
        decides += (" và " if decides else "chỉ tiêu này ") + f"có thể làm trừ {fmt(deductions)} điểm"
    if other is None:
        return 0.0, f"{base.names[unit_id]} là đơn vị duy nhất của cụm: không có xếp hạng để thay đổi"
    upper, lower = sorted((me, other), key=lambda u: u.rank)
    pair = (
        f"{base.names[upper.unit_id]} (hạng {upper.rank}) và {base.names[lower.unit_id]} "
        f"(hạng {lower.rank}) cách nhau {fmt_points(gap)} điểm"
    )
    flag = base.config.proposals.flag_title_vi
    scenarios = [(v, f"nếu sửa thành {fmt_value(v, INDICATORS[code].unit)}", True) for v in alternatives]
    scenarios += [(None, "nếu loại bỏ số liệu", False)] if current is not None else []
    tier, by_reading, effect = 0, False, ""
    for value, label, reading in scenarios:
        changes = base.compare(base.rescore(unit_id, code, value))
        found = max((_tier(c, flag) for c in changes), default=0)
        # at equal tier a reading the report itself gives outranks a rejection: it is the likelier error
        if (found, reading) > (tier, by_reading) and found:
            tier, by_reading, effect = found, reading, f"{label}: {_moves(changes, unit_id)}"
    if tier == 0:
        return share, f"Ít khả năng làm thay đổi xếp hạng: {pair}; {decides}"
    what = {3: f"đề nghị {flag}", 2: "đề nghị khen thưởng", 1: "xếp hạng"}[tier]
    return tier + 0.5 * by_reading + 0.49 * share, f"Có thể làm thay đổi {what}: {pair}; {decides}; {effect}"


def _tier(change: UnitChange, flag: str) -> int:
    """3: the flag (and with it the Government-flag candidacy) changes hands; 2: another title; 1: a rank."""
    if change.title_changed:
        return 3 if flag in (change.old_title, change.new_title) else 2
    return 1 if change.rank_changed else 0


def _clusters_matching(clusters: Iterable[Cluster], name: str) -> list[Cluster]:
    return [c for c in clusters if name in (c.key, c.id) or c.id.endswith("." + name)]


def build_queue(
    long: pd.DataFrame,
    clusters: Sequence[Cluster],
    manual: Mapping[str, ManualInputs],
    configs: Mapping[str, ScoringConfig] | None = None,
    *,
    cluster: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    reason: str | None = None,
    include_decided: bool = False,
    verified: Mapping[str, Mapping[str, Mapping[str, float]]] | None = None,
) -> list[QueueItem]:
    """The flagged figures of ``long``, highest priority first (see the module docstring).

    ``manual`` and ``configs`` are keyed by cluster-year key; a cluster without manual inputs is scored
    with none (provisional), one without a configuration with ``config_for(cluster)``. ``cluster`` keeps
    the figures of that cluster's members (a key "ubnd-tp-ha-noi.cum-8.2021", an id or "cum-8");
    ``unit``, ``year`` and ``reason`` (a flag code) filter likewise. Decided figures are left out unless
    ``include_decided`` (the web app counts progress over both). ``verified``: cluster-year key -> the
    chair's verified scores in force (unit -> criterion -> points), so that impacts are measured against
    the scores as published.
    """
    if reason is not None and reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}; known: {', '.join(REASONS)}")
    if long.empty:
        return []
    flagged = long[[f is not None and len(f) > 0 for f in long["flags"]]]
    if not include_decided:
        flagged = flagged[~flagged["status"].isin(DECIDED)]
    if unit is not None:
        flagged = flagged[flagged["unit_id"] == unit]
    if year is not None:
        flagged = flagged[flagged["year"] == int(year)]
    if reason is not None:
        flagged = flagged[[reason in f for f in flagged["flags"]]]
    scope = _clusters_matching(clusters, cluster) if cluster is not None else list(clusters)
    baselines: dict[str, Baseline] = {}

    def baseline(c: Cluster) -> Baseline:
        if c.key not in baselines:
            config = (configs or {}).get(c.key) or config_for(c)
            inputs = manual.get(c.key) or ManualInputs(cluster=c.key, scoring=config.version)
            baselines[c.key] = Baseline.of(long, c, config, inputs, (verified or {}).get(c.key))
        return baselines[c.key]

    items = []
    for _, row in flagged.iterrows():
        unit_id, row_year, code = str(row["unit_id"]), int(row["year"]), str(row["indicator"])
        value = None if pd.isna(row["value"]) else float(row["value"])
        alternatives = _alternatives(_cell(row, "alternatives"), value, str(row["unit"]))
        homes = [c for c in scope if c.year == row_year and unit_id in c.members]
        if cluster is not None and not homes:
            continue
        priority, home = 0.0, None
        impact = f"Đơn vị không thuộc cụm thi đua nào năm {row_year}: không ảnh hưởng xếp hạng"
        # a unit may sit in several organisers' clusters: the cluster where the figure matters most wins
        for c in homes:
            p, text = _assess(baseline(c), unit_id, code, value, alternatives)
            if home is None or p > priority:
                priority, impact, home = p, text, c.key
        flags = tuple(str(f) for f in row["flags"])
        page = _cell(row, "source_page")
        items.append(
            QueueItem(
                key=f"{row['document_sha256']}:{code}",
                document_sha256=str(row["document_sha256"]),
                unit_id=unit_id,
                unit_name=str(row["unit_name"]),
                year=row_year,
                cluster_key=home,
                indicator=code,
                label_vi=INDICATORS[code].label_vi,
                value=value,
                unit=str(row["unit"]),
                flags=flags,
                reasons_vi=tuple(REASONS[f] for f in flags),
                confidence=float(row["confidence"]),
                status=str(row["status"]),
                source_page=None if page is None else int(page),  # type: ignore[call-overload]
                source_block=_str_or_none(_cell(row, "source_block")),
                source_text=_str_or_none(_cell(row, "source_text")),
                alternatives=alternatives,
                decided=str(row["status"]) in DECIDED,
                priority=round(priority, 4),
                impact_vi=impact,
                notes=tuple(str(n) for n in (_cell(row, "notes") or ())),  # type: ignore[union-attr]
            )
        )
    items.sort(key=lambda i: (-i.priority, i.year, i.cluster_key or "~", i.unit_id, _ORDER[i.indicator]))
    return items


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def counts_by_reason(items: Iterable[QueueItem]) -> dict[str, int]:
    """Flag code -> number of items carrying it, in the order of ``REASONS`` (codes with none left out)."""
    counts = Counter(f for item in items for f in set(item.flags))
    return {code: counts[code] for code in REASONS if counts[code]}


def progress(items_all: Sequence[QueueItem], items_open: Sequence[QueueItem]) -> tuple[int, int]:
    """(open, all) for "còn 12 / 40 mục"."""
    return len(items_open), len(items_all)


# --- corrections typed by a reviewer -------------------------------------------------------------------

_EXAMPLES = {"VND": "13.200 tỷ đồng", "%": "147,4%", "count": "5.230"}


def parse_correction(text: str, indicator: str, level: str | None, *, confirmed: bool = False) -> float:
    """The reviewer's value in the indicator's convention (VND in đồng, % as a plain number, counts).

    Accepts "12.345,6 tỷ đồng", "13.200 tỷ đồng", "4,6 nghìn tỷ", "147,4%", "147,4", "5.230", "hai mươi".
    Raises :class:`CorrectionError` (Vietnamese message) for text that is not one number, a negative
    number, the wrong kind of quantity, a non-integer count or a hedged value ("khoảng 4"); and its
    subclass :class:`ImplausibleCorrection` (carrying the value) for a value outside the plausible range of
    the indicator for ``level`` ("district", "ward"; None: the general range), which a reviewer may
    confirm (``confirmed=True``: the value is returned).
    """
    spec = indicator_of(indicator)  # an unknown code is a programming error: KeyError listing the codes
    example = _EXAMPLES[spec.unit]
    written = (text or "").strip()
    if not written:
        raise CorrectionError(f"Chưa nhập giá trị, ví dụ {example}")
    if written[0] in "-−–" or written.lower().startswith("âm "):
        unsigned = parse_quantity(written.lstrip("-−–").removeprefix("âm ").strip())
        if unsigned is not None:
            raise CorrectionError(f"Giá trị không được âm: «{written}», ví dụ {example}")
    q = parse_quantity(written)
    if q is None:
        raise CorrectionError(f"Không đọc được «{written}» thành một con số, ví dụ {example}")
    if q.hedge:
        raise CorrectionError(f"Giá trị sửa phải là số chính xác, không kèm «{q.hedge}»")
    if spec.unit == "VND":
        if q.kind != "money":
            raise CorrectionError(f"Giá trị phải là số tiền, ví dụ {example}")
    elif spec.unit == "%":
        if not (q.kind == "percent" or (q.kind == "number" and not q.unit and not q.scale)):
            raise CorrectionError(f"Giá trị phải là tỷ lệ phần trăm, ví dụ {example}")
    else:
        if q.kind != "number" or q.unit:
            raise CorrectionError(f"Giá trị phải là số lượng (số nguyên), ví dụ {example}")
        if q.value != int(q.value):
            raise CorrectionError(f"Số lượng phải là số nguyên, ví dụ {example}")
    value = float(q.value)
    bounds = spec.plausible_range(level)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        low, high = bounds
        if spec.unit == "VND":
            span = f"{fmt(low / TY, 3)}–{fmt(high / TY, 3)} tỷ đồng"
        else:
            span = f"{fmt(low)}–{fmt(high)}" + ("%" if spec.unit == "%" else "")
        shown = fmt_value(value, spec.unit)
        if not confirmed:
            raise ImplausibleCorrection(
                f"Giá trị {shown} nằm ngoài khoảng hợp lý {span}; nếu đúng như bản gốc, hãy xác nhận "
                f"và ghi chú lý do",
                value,
            )
    return value
