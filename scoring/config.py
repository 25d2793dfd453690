"""Criteria configurations of the scorer, as versioned data (``scoring/data/<name>.toml``).

A configuration says, for one cluster-year, which criteria exist and what each is worth, which formula
(``kind``) turns its inputs into points, and where each input comes from: an indicator code of the
vocabulary (extracted from the reports), ``manual.<key>`` (filled in by the secretariat, see
:mod:`scoring.manual`) or, for bonus items, ``cluster.chair``. Bonus items, deductions, disqualifiers,
grades, proposal rules and tie-breakers complete it. ``default.v1`` is the assumption of
``../shared/domain.md`` §1.5.

Every dataclass validates itself on construction (like pdfplumber's ``TableSettings``): the parts in
:mod:`scoring.criteria`, the whole here (maxima add up, every input exists, every manual input is used);
errors name the allowed alternatives. Scores are stored with the configuration ``version``, so a changed
scale is a new file (``default.v2``), never an edit.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from models.clusters import Cluster
from models.vocabulary import INDICATORS
from scoring.criteria import (
    BOOL_SLOTS,
    CLUSTER_INPUTS,
    KINDS,
    BonusItem,
    Condition,
    ConfigError,
    Criterion,
    Deduction,
    Disqualifier,
    Grade,
    Group,
    Kind,
    ManualField,
    Proposals,
    manual_key,
)

__all__ = [  # the parts are re-exported: callers need one import for a configuration
    "KINDS",
    "BonusItem",
    "Condition",
    "ConfigError",
    "Criterion",
    "Deduction",
    "Disqualifier",
    "Grade",
    "Group",
    "Kind",
    "ManualField",
    "Proposals",
    "ScoringConfig",
    "bundled_configs",
    "config_for",
    "load_config",
    "manual_key",
    "parse_config",
]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # config names double as file names


@dataclass(frozen=True)
class ScoringConfig:
    version: str
    base_max: float
    bonus_cap: float
    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]
    manual: tuple[ManualField, ...]
    bonus: tuple[BonusItem, ...] = ()
    deductions: tuple[Deduction, ...] = ()
    disqualifiers: tuple[Disqualifier, ...] = ()
    grades: tuple[Grade, ...] = ()
    proposals: Proposals = field(default_factory=Proposals)
    tie_breakers: tuple[str, ...] = ()
    name_vi: str = ""
    # points: a self-score this close to thidua's computed points is no finding ([self_score] margin)
    self_score_margin: float = 0.5
    source: str = ""  # the file it was read from

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ConfigError(
                f"scoring config {self.version or '?'} ({self.source}):\n  " + "\n  ".join(problems)
            )

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(f"unknown criterion {criterion_id!r}; known: {', '.join(c.id for c in self.criteria)}")

    def manual_fields(self) -> dict[str, ManualField]:
        """Every manual key a unit may have: the declared ones plus ``points.<id>`` of points criteria."""
        fields = {f.key: f for f in self.manual}
        for c in self.criteria:
            if c.kind == "points":
                key = f"points.{c.id}"
                fields[key] = ManualField(key, "number", f"{c.id} points: {c.name_vi}", maximum=c.max)
        return fields

    def grade_for(self, total: float) -> Grade:
        return next(g for g in self.grades if g.min is None or total >= g.min)


def _problems(cfg: ScoringConfig) -> list[str]:
    """Cross-checks between the parts of a configuration; each message lists what is allowed."""
    problems: list[str] = []
    if not cfg.version:
        problems.append("version is empty")
    group_sum = sum(g.max for g in cfg.groups)
    if abs(group_sum - cfg.base_max) > 1e-9:
        problems.append(f"group maxima add up to {group_sum:g}, not base_max {cfg.base_max:g}")
    group_ids = [g.id for g in cfg.groups]
    for g in cfg.groups:
        in_group = sum(c.max for c in cfg.criteria if c.group == g.id)
        if abs(in_group - g.max) > 1e-9:
            problems.append(f"group {g.id}: criteria maxima add up to {in_group:g}, not {g.max:g}")
    fields = cfg.manual_fields()
    allowed = f"indicator codes ({', '.join(INDICATORS)}) or manual.<key> ({', '.join(fields)})"

    def check_ref(ref: str, where: str, want_bool: bool | None) -> None:
        key = manual_key(ref)
        if key is None and ref in INDICATORS:
            if want_bool:
                problems.append(f"{where}: {ref!r} is a number; a true/false manual input is needed")
        elif key is None or key not in fields:
            problems.append(f"{where}: unknown input {ref!r}; allowed: {allowed}")
        elif want_bool is not None and (fields[key].type == "bool") != want_bool:
            problems.append(f"{where}: manual input {key!r} is {fields[key].type}, which does not fit")

    used: set[str] = set()
    for c in cfg.criteria:
        if c.group not in group_ids:
            problems.append(f"criterion {c.id}: unknown group {c.group!r}; allowed: {', '.join(group_ids)}")
        for slot, ref in c.source.items():
            for r in ref if isinstance(ref, tuple) else (ref,):
                check_ref(r, f"criterion {c.id}", slot in BOOL_SLOTS)
                used.add(r)
    for b in cfg.bonus:
        if b.input not in CLUSTER_INPUTS:
            check_ref(b.input, f"bonus {b.id}", True)
        used.add(b.input)
    conditions = [(f"deduction {d.id}", k) for d in cfg.deductions for k in d.any_of]
    conditions += [(f"disqualifier {q.id}", q.when) for q in cfg.disqualifiers]
    for where, cond in conditions:
        check_ref(cond.input, where, cond.is_ is not None)
        used.add(cond.input)
    for d in cfg.deductions:
        if d.count:
            check_ref(d.count, f"deduction {d.id}", False)
            used.add(d.count)
    criterion_ids = [c.id for c in cfg.criteria]
    for t in cfg.tie_breakers:
        if t not in criterion_ids:
            check_ref(t, "tie_breakers", False)
        used.add(t)
    unused = [f.key for f in cfg.manual if f"manual.{f.key}" not in used]
    if unused:
        problems.append(f"manual inputs declared but used nowhere: {unused}")
    if not (isinstance(cfg.self_score_margin, int | float) and cfg.self_score_margin >= 0):
        problems.append(f"self_score.margin {cfg.self_score_margin!r}: give points, 0 or more (e.g. 0.5)")
    mins = [g.min for g in cfg.grades]
    if not mins or mins[-1] is not None or None in mins[:-1] or mins[:-1] != sorted(mins[:-1], reverse=True):
        problems.append("grades: give thresholds highest first, and a last grade without 'min'")
    grade_ids = [g.id for g in cfg.grades]
    if cfg.proposals.eligible_grade not in grade_ids:
        problems.append(f"proposals.eligible_grade {cfg.proposals.eligible_grade!r}; allowed: {grade_ids}")
    return problems


def _fields(table: dict, allowed: tuple[str, ...], where: str) -> dict:
    unknown = [k for k in table if k not in allowed]
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: {', '.join(allowed)}")
    return table


def _make(cls: type, where: str, raw: dict, **given: Any) -> Any:
    """``cls(**given, **raw)`` with unknown and missing keys reported by name."""
    names = [f for f in cls.__dataclass_fields__ if f not in given]
    _fields(raw, tuple(names), where)
    try:
        return cls(**given, **raw)
    except TypeError as exc:
        raise ConfigError(f"{where}: {exc}; fields: {', '.join(names)}") from None


def _condition(raw: dict, where: str) -> Condition:
    _fields(raw, ("input", "below", "is"), where)
    return _make(Condition, where, {k: v for k, v in raw.items() if k != "is"}, is_=raw.get("is"))


def _criterion(cid: str, raw: dict) -> Criterion:
    where = f"criterion {cid}"
    if raw.get("kind") not in KINDS:
        raise ConfigError(f"{where}: unknown kind {raw.get('kind')!r}; allowed: {', '.join(KINDS)}")
    kind = KINDS[raw["kind"]]
    base = ("group", "name_vi", "max", "kind", "source", "guide_vi")
    _fields(raw, base + kind.params, where)
    source = raw.get("source", {})
    if not isinstance(source, str | dict):
        raise ConfigError(f"{where}: source must be an input or a table of slot = input, got {source!r}")
    if isinstance(source, str):
        # one-input shorthand; "manual" on a points criterion means its own points.<id>
        slot = next((s[0] for s in kind.slot_sets if len(s) == 1), "?")
        source = {slot: f"manual.points.{cid}" if source == "manual" and raw["kind"] == "points" else source}
    fields = {k: v for k, v in raw.items() if k in base and k != "source"}
    fields["source"] = {k: tuple(v) if isinstance(v, list) else v for k, v in source.items()}
    return _make(Criterion, where, fields, id=cid, params={k: v for k, v in raw.items() if k not in base})


def parse_config(text: str, source: str = "<string>") -> ScoringConfig:
    """A configuration from TOML text (the layout of ``scoring/data/default.v1.toml``)."""
    data = tomllib.loads(text)
    top = ("version", "name_vi", "tie_breakers", "scale", "groups", "criteria", "bonus", "deductions")
    _fields(data, (*top, "disqualifiers", "grades", "proposals", "manual", "self_score"), source)
    scale = _fields(data.get("scale", {}), ("base_max", "bonus_cap"), "scale")
    self_score = _fields(data.get("self_score", {}), ("margin",), "self_score")
    deductions = []
    for did, raw in data.get("deductions", {}).items():
        where = f"deduction {did}"
        any_of = tuple(_condition(c, where) for c in raw.get("any_of", ()))
        deductions.append(
            _make(Deduction, where, {k: v for k, v in raw.items() if k != "any_of"}, id=did, any_of=any_of)
        )
    disqualifiers = []
    for qid, raw in data.get("disqualifiers", {}).items():
        when = _condition({k: v for k, v in raw.items() if k != "name_vi"}, f"disqualifier {qid}")
        disqualifiers.append(Disqualifier(qid, raw.get("name_vi", ""), when))
    return ScoringConfig(
        version=data.get("version", ""),
        name_vi=data.get("name_vi", ""),
        base_max=scale.get("base_max", 100),
        bonus_cap=scale.get("bonus_cap", 10),
        groups=tuple(_make(Group, f"group {k}", g, id=k) for k, g in data.get("groups", {}).items()),
        criteria=tuple(_criterion(cid, raw) for cid, raw in data.get("criteria", {}).items()),
        manual=tuple(
            _make(ManualField, f"manual input {k}", m, key=k) for k, m in data.get("manual", {}).items()
        ),
        bonus=tuple(_make(BonusItem, f"bonus {k}", b, id=k) for k, b in data.get("bonus", {}).items()),
        deductions=tuple(deductions),
        disqualifiers=tuple(disqualifiers),
        grades=tuple(_make(Grade, "grade", {"min": None} | g) for g in data.get("grades", [])),
        proposals=_make(Proposals, "proposals", data.get("proposals", {})),
        tie_breakers=tuple(data.get("tie_breakers", ())),
        **({"self_score_margin": self_score["margin"]} if "margin" in self_score else {}),
        source=source,
    )


def bundled_configs() -> list[str]:
    """Names of the configurations shipped in ``scoring/data``."""
    folder = resources.files("scoring").joinpath("data")
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_config(
    name: str = "default.v1", folder: str | Path | None = None, *, cluster: Cluster | None = None
) -> ScoringConfig:
    """The configuration ``name``; a ``folder`` (or ``$THIDUA_SCORING``) may override it.

    In the folder, ``<organiser>.cum-<n>.<year>.toml`` (when ``cluster`` is given) wins over ``<name>.toml``,
    which wins over the bundled ``scoring/data/<name>.toml``. A file found by ``name`` must declare that
    name as its ``version``, so a stored score's version always identifies the scale it used.
    """
    if not _NAME.match(name):
        raise ConfigError(f"invalid configuration name {name!r}; bundled: {', '.join(bundled_configs())}")
    folder = folder or os.environ.get("THIDUA_SCORING")
    looked: list[str] = []
    if folder:
        candidates = [Path(folder) / f"{cluster.key}.toml"] if cluster else []
        for path in [*candidates, Path(folder) / f"{name}.toml"]:
            looked.append(str(path))
            if path.is_file():
                config = parse_config(path.read_text(encoding="utf-8"), str(path))
                return _checked_name(config, name) if path.stem == name else config
    bundled = resources.files("scoring").joinpath("data", f"{name}.toml")
    if not bundled.is_file():
        raise ConfigError(
            f"no scoring configuration {name!r} (looked in {looked or 'no override folder'}); "
            f"bundled: {', '.join(bundled_configs())}"
        )
    return _checked_name(parse_config(bundled.read_text(encoding="utf-8"), f"bundled {name}.toml"), name)


def _checked_name(config: ScoringConfig, name: str) -> ScoringConfig:
    if config.version != name:
        raise ConfigError(f"{config.source}: declares version {config.version!r}, expected {name!r}")
    return config


def config_for(cluster: Cluster, folder: str | Path | None = None) -> ScoringConfig:
    """The configuration a cluster-year is scored with: its ``scoring`` name, or its own override file."""
    return load_config(cluster.scoring, folder, cluster=cluster)
