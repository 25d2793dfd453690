"""The formula of each criterion kind: ``FORMULAS[kind](criterion, values, refs, n) -> (points, measure)``.

``values`` holds the criterion's inputs by slot (``pct``, ``x``/``y``, ``achieved``/``planned`` …), ``refs``
the input each slot was read from (to name it in a message), ``n`` the number of members of the cluster.
Points are not capped here: :func:`scoring.score.score_criterion` caps them to ``0..max`` and rounds them
like a score sheet. An input that is present but unusable raises :class:`Invalid` with the reason in
Vietnamese, and the criterion is then missing, never scored 0.
"""

from __future__ import annotations

from collections.abc import Callable

from scoring.config import Criterion


class Invalid(ValueError):
    """An input is present but unusable (a zero denominator, a rank outside the cluster)."""


def _lin(v: float, lo: float, hi: float) -> float:
    return min(1.0, max(0.0, (v - lo) / (hi - lo)))


def _share(v: dict, refs: dict, num: str, den: str, at_most_one: bool = True) -> float:
    if v[den] <= 0:
        raise Invalid(f"{refs[den]} bằng {v[den]:g}, không chia được")
    if at_most_one and v[num] > v[den]:
        raise Invalid(f"{refs[num]} ({v[num]:g}) lớn hơn {refs[den]} ({v[den]:g})")
    return v[num] / v[den]


def _pct_with_bonus(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    p, pct = c.params, v["pct"]
    over = min(p["over_cap"], max(0.0, p["over_per_pct"] * (pct - p["full_at"])))
    return p["base_part"] * _lin(pct, p["lo"], p["full_at"]) + over, pct


def _pct(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    pct = v["pct"] if "pct" in v else 100 * _share(v, refs, "achieved", "planned", at_most_one=False)
    return c.max * _lin(pct, c.params["lo"], c.params["full_at"]), pct


def _ratio(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    ratio = _share(v, refs, "x", "y")
    return c.max * ratio, ratio


def _rank(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    if not 1 <= v["rank"] <= n:
        raise Invalid(f"{refs['rank']} là {v['rank']:g}; thứ hạng trong cụm phải từ 1 đến {n}")
    return (c.max if n == 1 else c.max * (n - v["rank"]) / (n - 1)), v["rank"]


def _count_vs_target(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    share = _share(v, refs, "count", "target", at_most_one=False)
    return c.max * min(1.0, share), share


def _binary_avg(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    share = sum(map(bool, v["checks"])) / len(v["checks"])
    return c.max * share, share


def _attendance(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    share = _share(v, refs, "attended", "held")
    return c.max * share, share


def _movements(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    p = c.params
    points = p["covenant_points"] * bool(v["covenant"]) + p["registration_points"] * bool(v["registration"])
    return points + p["launched_points"] * min(1.0, v["launched"] / p["required"]), v["launched"]


def _points(c: Criterion, v: dict, refs: dict, n: int) -> tuple[float, float]:
    return v["points"], v["points"]


FORMULAS: dict[str, Callable[[Criterion, dict, dict, int], tuple[float, float]]] = {
    "pct_with_bonus": _pct_with_bonus,
    "pct": _pct,
    "ratio": _ratio,
    "rank": _rank,
    "count_vs_target": _count_vs_target,
    "binary_avg": _binary_avg,
    "attendance": _attendance,
    "movements": _movements,
    "points": _points,
}
