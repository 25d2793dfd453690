"""The parts of a scoring configuration, each validated on construction: criteria and their kinds,
bonus items, deductions, disqualifiers, grades, proposal rules and manual-input declarations.

An input reference ("ref") is an indicator code of the vocabulary (a figure extracted from the reports),
``manual.<key>`` (filled in by the secretariat, see :mod:`scoring.manual`) or, for bonus items,
``cluster.chair``. Whether a reference exists is checked by :class:`scoring.config.ScoringConfig`, which
knows every declared manual input; errors name the allowed alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


class ConfigError(ValueError):
    """A scoring configuration that cannot be used; the message lists the allowed alternatives."""


@dataclass(frozen=True)
class Kind:
    """A scoring formula: the input slots it reads (one of ``slot_sets``) and the parameters it needs."""

    slot_sets: tuple[tuple[str, ...], ...]
    params: tuple[str, ...] = ()
    formula: str = ""


KINDS: dict[str, Kind] = {
    "pct_with_bonus": Kind(
        (("pct",),),
        ("lo", "full_at", "base_part", "over_per_pct", "over_cap"),
        "base_part·lin(pct, lo, full_at) + min(over_cap, over_per_pct·(pct − full_at)), at most max",
    ),
    "pct": Kind(
        (("pct",), ("achieved", "planned")),
        ("lo", "full_at"),
        "max·lin(pct, lo, full_at); full_at below lo when lower is better",
    ),
    "ratio": Kind((("x", "y"),), (), "max·x/y"),
    "rank": Kind((("rank",),), (), "max·(n − rank)/(n − 1), n = members of the cluster"),
    "count_vs_target": Kind((("count", "target"),), (), "max·min(1, count/target)"),
    "binary_avg": Kind((("checks",),), (), "max·(share of checks that are true)"),
    "attendance": Kind((("attended", "held"),), (), "max·attended/held"),
    "movements": Kind(
        (("launched", "covenant", "registration"),),
        ("required", "covenant_points", "registration_points", "launched_points"),
        "covenant_points·covenant + registration_points·registration"
        " + launched_points·min(1, launched/required)",
    ),
    "points": Kind((("points",),), (), "points entered by the secretariat (manual points.<id>), 0..max"),
}
BOOL_SLOTS = frozenset({"covenant", "registration", "checks"})  # every other slot reads a number
MANUAL_TYPES = ("bool", "int", "number")
CLUSTER_INPUTS = ("cluster.chair",)


def manual_key(ref: str) -> str | None:
    """``"manual.jobs_plan"`` -> ``"jobs_plan"``; None for an indicator code or a cluster input."""
    return ref[len("manual.") :] if ref.startswith("manual.") else None


@dataclass(frozen=True)
class Criterion:
    id: str
    group: str
    name_vi: str
    max: float
    kind: str
    #: slot -> input reference (a tuple of references for ``checks``)
    source: dict[str, str | tuple[str, ...]]
    params: dict[str, float] = field(default_factory=dict)
    guide_vi: str = ""  # how the secretariat works out the points of a ``points`` criterion

    def __post_init__(self) -> None:
        where = f"criterion {self.id}"
        if self.kind not in KINDS:
            raise ConfigError(f"{where}: unknown kind {self.kind!r}; allowed: {', '.join(KINDS)}")
        kind = KINDS[self.kind]
        if not self.max > 0:
            raise ConfigError(f"{where}: max must be > 0, got {self.max!r}")
        if set(self.source) not in [set(s) for s in kind.slot_sets]:
            expected = " | ".join("+".join(s) for s in kind.slot_sets)
            raise ConfigError(
                f"{where}: inputs {sorted(self.source)} do not fit kind {self.kind!r}; expected: {expected}"
            )
        for slot, ref in self.source.items():
            if (slot == "checks") != isinstance(ref, tuple) or (isinstance(ref, tuple) and not ref):
                raise ConfigError(f"{where}: only 'checks' takes a (non-empty) list of inputs, not {slot!r}")
        missing = [p for p in kind.params if p not in self.params]
        unknown = [p for p in self.params if p not in kind.params]
        if missing or unknown:
            allowed = ", ".join(kind.params) or "none"
            raise ConfigError(
                f"{where}: parameters missing {missing}, unknown {unknown}; "
                f"kind {self.kind!r} takes: {allowed}"
            )
        p = self.params
        # lo above full_at scores a rate where lower is better (poverty: 0 points at lo, full at full_at)
        if "lo" in p and p["lo"] == p["full_at"]:
            raise ConfigError(f"{where}: lo and full_at must differ, both are {p['lo']}")
        if self.kind == "pct_with_bonus" and not p["lo"] < p["full_at"]:
            raise ConfigError(f"{where}: lo ({p['lo']}) must be below full_at ({p['full_at']})")
        if self.kind == "pct_with_bonus" and p["base_part"] > self.max:
            raise ConfigError(f"{where}: base_part ({p['base_part']}) exceeds max ({self.max})")
        if self.kind == "movements":
            parts = p["covenant_points"] + p["registration_points"] + p["launched_points"]
            if abs(parts - self.max) > 1e-9 or p["required"] <= 0:
                raise ConfigError(f"{where}: the three parts must add up to max ({self.max}), required > 0")
        if self.kind == "points" and self.source["points"] != f"manual.points.{self.id}":
            raise ConfigError(f"{where}: a points criterion reads 'manual' (its points.{self.id})")

    @property
    def inputs(self) -> tuple[str, ...]:
        """Every input reference, in slot order."""
        refs: list[str] = []
        for ref in self.source.values():
            refs += ref if isinstance(ref, tuple) else [ref]
        return tuple(refs)


@dataclass(frozen=True)
class Group:
    id: str
    name_vi: str
    max: float


@dataclass(frozen=True)
class Condition:
    """``input`` is below a number, or ``input`` is a given boolean."""

    input: str
    below: float | None = None
    is_: bool | None = None

    def __post_init__(self) -> None:
        if (self.below is None) == (self.is_ is None):
            raise ConfigError(
                f"condition on {self.input!r}: give exactly one of 'below' (number) or 'is' (bool)"
            )

    def holds(self, value: Any) -> bool:
        return value < self.below if self.below is not None else bool(value) is self.is_

    def describe(self) -> str:
        return f"{self.input} < {self.below:g}" if self.below is not None else f"{self.input} is {self.is_}"


@dataclass(frozen=True)
class BonusItem:
    id: str
    name_vi: str
    points: float
    input: str  # "cluster.chair" or a manual boolean


@dataclass(frozen=True)
class Deduction:
    """Either flat ``points`` when any condition holds, or ``each`` per ``count`` up to ``cap``."""

    id: str
    name_vi: str
    points: float = 0
    any_of: tuple[Condition, ...] = ()
    count: str | None = None
    each: float = 0
    cap: float | None = None

    def __post_init__(self) -> None:
        flat = bool(self.any_of) and self.points > 0 and self.count is None
        per_count = self.count is not None and self.each > 0 and not self.any_of
        if flat == per_count:
            raise ConfigError(
                f"deduction {self.id}: give either 'points' + 'any_of' or 'count' + 'each' (+ optional 'cap')"
            )


@dataclass(frozen=True)
class Disqualifier:
    id: str
    name_vi: str
    when: Condition


@dataclass(frozen=True)
class Grade:
    id: str
    name_vi: str
    min: float | None  # None: the grade below every threshold


@dataclass(frozen=True)
class Proposals:
    eligible_grade: str = "excellent"
    city_flags_per_cluster: int = 1
    bang_khen_share_of_rest: float = 0.5
    gov_flag_share_of_leaders: float = 0.20  # a city-wide cap, recorded here, applied by the city
    flag_title_vi: str = "Cờ thi đua của UBND Thành phố"
    bang_khen_title_vi: str = "Bằng khen của Chủ tịch UBND Thành phố"

    def __post_init__(self) -> None:
        shares = (self.bang_khen_share_of_rest, self.gov_flag_share_of_leaders)
        if self.city_flags_per_cluster < 0 or not all(0 <= s <= 1 for s in shares):
            raise ConfigError("proposals: city_flags_per_cluster must be >= 0 and the shares within [0, 1]")


@dataclass(frozen=True)
class ManualField:
    """One input the secretariat fills in per unit."""

    key: str
    type: Literal["bool", "int", "number"]
    label_vi: str
    required: bool = True  # False: leaving it out does not make the score provisional
    default: Any = None  # used when not provided (then never "missing")
    example: Any = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        if self.type not in MANUAL_TYPES:
            raise ConfigError(f"manual input {self.key}: unknown type {self.type!r}; allowed: {MANUAL_TYPES}")
        for what in ("default", "example"):
            value = getattr(self, what)
            if value is not None and self.check(value):
                raise ConfigError(f"manual input {self.key}: {what} {self.check(value)}")

    def check(self, value: Any) -> str | None:
        """What is wrong with ``value`` for this field, or None."""
        if self.type == "bool":
            return None if isinstance(value, bool) else f"must be true or false, got {value!r}"
        numeric = (int,) if self.type == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric):
            return f"must be {'a whole number' if self.type == 'int' else 'a number'}, got {value!r}"
        if value < 0 or (self.maximum is not None and value > self.maximum):
            upper = f"{self.maximum:g}" if self.maximum is not None else "∞"
            return f"must be within 0..{upper}, got {value!r}"
        return None
