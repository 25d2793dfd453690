"""The chair's entries (điểm thẩm định and số liệu nhập tay) as inputs of the scorer: pure functions.

An entry of kind ``manual`` overrides, for one unit, the value of a manual input that the TOML file
(:mod:`scoring.manual`) gives; an entry of kind ``verified`` replaces thidua's computed points of one
criterion, bonus item or deduction (:func:`scoring.score.score_unit`). Entries are checked when they are
recorded (:func:`check_entry`), with the messages of :func:`scoring.manual.build_manual`, so a refused
entry never reaches the scorer. The file stays the import and export of the same data
(:func:`manual_toml`, :func:`changes`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from models.clusters import Cluster
from models.vocabulary import INDICATORS
from scoring.config import ScoringConfig
from scoring.manual import ManualInputs, Value, _toml

KINDS = ("verified", "manual")


class EntryError(ValueError):
    """An entry that cannot be recorded; the message says why and what is allowed."""


class Entry(Protocol):
    unit_id: str
    kind: str
    key: str
    new_value: float | None


def verified_targets(config: ScoringConfig) -> dict[str, tuple[str, float | None]]:
    """Every key a verified score may have -> (its Vietnamese name, its maximum; None: no maximum)."""
    out: dict[str, tuple[str, float | None]] = {c.id: (c.name_vi, c.max) for c in config.criteria}
    out |= {f"bonus.{b.id}": (b.name_vi, b.points) for b in config.bonus}
    for d in config.deductions:
        out[f"deduction.{d.id}"] = (d.name_vi, d.cap if d.count else d.points)
    return out


def target_kind(key: str) -> str:
    """What a verified-score key scores: "bonus" ("bonus.<id>"), "deduction" ("deduction.<id>") or
    "criterion" (a criterion id) — the kinds of a self-score sheet's lines."""
    head, dot, _ = key.partition(".")
    return head if dot and head in ("bonus", "deduction") else "criterion"


def stored(value: Value) -> float:
    """A manual value as the float column keeps it (true/false as 1/0)."""
    return float(value)


def as_manual(config: ScoringConfig, key: str, value: float) -> Value:
    """A stored float back as the manual field's type (bool, int or number)."""
    kind = config.manual_fields()[key].type
    if kind == "bool":
        return bool(value)
    if kind == "int" and float(value).is_integer():
        return int(value)
    return value


def check_entry(
    config: ScoringConfig, cluster: Cluster, unit_id: str, kind: str, key: str, value: Any
) -> float | None:
    """The value to record (None clears), or :class:`EntryError` naming what is wrong."""
    if kind not in KINDS:
        raise EntryError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
    if unit_id not in cluster.members:
        raise EntryError(f"{unit_id!r} is not a member of {cluster.key}: {', '.join(cluster.members)}")
    if value is None:
        return None
    where = f"units.{unit_id}.{key}"
    if kind == "manual":
        fields = config.manual_fields()
        if key in INDICATORS:
            raise EntryError(
                f"{where}: {key} is an extracted figure; it is not overridden here — correct it in review"
            )
        if key not in fields:
            raise EntryError(f"{where}: unknown key; allowed: {', '.join(fields)}")
        typed = value
        if fields[key].type == "bool" and not isinstance(value, bool) and value in (0, 1):
            typed = bool(value)
        elif fields[key].type == "int" and isinstance(value, float) and value.is_integer():
            typed = int(value)
        if error := fields[key].check(typed):
            raise EntryError(f"{where}: {error}")
        return stored(typed)
    targets = verified_targets(config)
    if key not in targets:
        raise EntryError(f"{key}: unknown criterion; allowed: {', '.join(targets)}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EntryError(f"{key}: must be a number of points, got {value!r}")
    ceiling = targets[key][1]
    if value < 0 or (ceiling is not None and value > ceiling + 1e-9):
        upper = "∞" if ceiling is None else f"{ceiling:g}"
        raise EntryError(f"{key}: must be within 0..{upper} points, got {value:g}")
    return float(value)


def manual_in_force(config: ScoringConfig, manual: ManualInputs, entries: Iterable[Entry]) -> ManualInputs:
    """The file's inputs with every manual entry in force applied (a cleared entry leaves the file's)."""
    units = {u: dict(values) for u, values in manual.units.items()}
    for e in entries:
        if e.kind != "manual" or e.key not in config.manual_fields():
            continue
        values = units.setdefault(e.unit_id, {})
        if e.new_value is None:
            if e.key in manual.units.get(e.unit_id, {}):
                values[e.key] = manual.units[e.unit_id][e.key]
            else:
                values.pop(e.key, None)
        else:
            values[e.key] = as_manual(config, e.key, e.new_value)
    return ManualInputs(cluster=manual.cluster, scoring=manual.scoring, units=units)


def verified_in_force(entries: Iterable[Entry]) -> dict[str, dict[str, float]]:
    """unit id -> verified key -> points, of the verified entries in force (cleared ones left out)."""
    out: dict[str, dict[str, float]] = {}
    for e in entries:
        if e.kind == "verified" and e.new_value is not None:
            out.setdefault(e.unit_id, {})[e.key] = float(e.new_value)
    return out


def changes(
    config: ScoringConfig, in_force: ManualInputs, imported: ManualInputs
) -> list[tuple[str, str, float]]:
    """(unit, key, stored value) of every imported value that differs from the one in force: what an
    import records; importing what is in force records nothing."""
    out = []
    for unit_id, values in imported.units.items():
        for key, value in values.items():
            now = in_force.value(unit_id, key)
            if now is None or stored(now) != stored(value):
                out.append((unit_id, key, stored(value)))
    return out


def manual_toml(cluster: Cluster, config: ScoringConfig, manual: ManualInputs) -> str:
    """The manual inputs in force as a file :func:`scoring.manual.load_manual` reads back."""
    lines = [
        f"# Nhập liệu thủ công đang có hiệu lực — {cluster.name}, năm {cluster.year} ({cluster.key})",
        "# (tệp gốc cộng các giá trị cụm trưởng đã nhập; nhập lại bằng `thidua manual import`)",
        f'cluster = "{cluster.key}"',
        f'scoring = "{config.version}"',
    ]
    for unit_id in cluster.members:
        values = manual.units.get(unit_id, {})
        lines += ["", f"[units.{unit_id}]"]
        # "points.B1 = 4" is a dotted key (a table points with B1), which parse_manual flattens back
        lines += [f"{key} = {_toml(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def by_unit(entries: Mapping[tuple[str, str, str], Entry]) -> list[Entry]:
    """The entries in force as a list (what the scorer and the fingerprint read), in a stable order."""
    return [entries[k] for k in sorted(entries)]


def verify_criterion(cs: Any, verified: float) -> Any:
    """The chair's verified points in place of the computed ones, capped to 0..max; the criterion is no
    longer missing anything (its problems are settled by the verification)."""
    # cs: a scoring.score.CriterionScore (not imported: scoring.score imports this module)
    points = round(min(cs.max, max(0.0, float(verified))), 2)
    return dataclasses.replace(cs, points=points, problems=(), verified_from=cs.points, verified=True)


def verified_amount(verified: Mapping[str, float], key: str, cap: float | None) -> float | None:
    if key not in verified:
        return None
    value = max(0.0, float(verified[key]))
    return round(value if cap is None else min(cap, value), 2)
