"""Manual inputs: what the secretariat fills in for a cluster-year (one TOML file per cluster-year).

Some inputs cannot be read from the reports — attendance at cluster activities, the covenant, the vote,
disqualifying facts — and some criteria are scored by judgement ("4 points if no poor household
remains"): those come from this file. The keys a unit may have are the ``[manual]`` inputs of the scoring
configuration plus ``points.<id>`` for its ``points`` criteria; :func:`template` writes them all, commented.
Extracted figures are NOT overridden here: a wrong figure is corrected in review, where the decision is
recorded with its reason and its author.

    cluster = "ubnd-tp-ha-noi.cum-8.2023"
    scoring = "default.v1"

    [units.ba-dinh]
    covenant_signed = true
    late_reports = 1
    attended = 5
    held = 6
    points.B1 = 4
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.clusters import Cluster
from models.units import default_registry
from models.vocabulary import INDICATORS
from scoring.config import ScoringConfig, load_config

Value = bool | int | float


class ManualInputError(ValueError):
    """A manual-inputs file that cannot be used; the message names the allowed keys."""


@dataclass(frozen=True)
class ManualInputs:
    """Validated manual inputs of one cluster-year: unit id -> key -> value (points as ``"points.B1"``)."""

    cluster: str | None = None  # cluster-year key, e.g. "ubnd-tp-ha-noi.cum-8.2023"
    scoring: str | None = None  # configuration version the file was written for
    units: dict[str, dict[str, Value]] = field(default_factory=dict)

    def value(self, unit_id: str, key: str) -> Value | None:
        """The value given for a unit, or None when the secretariat did not provide it."""
        return self.units.get(unit_id, {}).get(key)


def build_manual(
    config: ScoringConfig,
    units: Mapping[str, Mapping[str, Any]],
    cluster: str | None = None,
    source: str = "manual inputs",
) -> ManualInputs:
    """Validate per-unit inputs against ``config``; points as a nested table or as ``"points.B1"`` keys."""
    fields = config.manual_fields()
    problems: list[str] = []
    checked: dict[str, dict[str, Value]] = {}
    for unit_id, raw in units.items():
        if not isinstance(raw, Mapping):
            problems.append(f"units.{unit_id}: expected a table of inputs, got {raw!r}")
            continue
        flat = dict(raw)
        nested = flat.pop("points", {})
        if not isinstance(nested, Mapping):
            problems.append(f"units.{unit_id}.points: expected a table such as points.B1 = 4")
            nested = {}
        flat |= {f"points.{cid}": v for cid, v in nested.items()}
        values: dict[str, Value] = {}
        for key, value in flat.items():
            where = f"units.{unit_id}.{key}"
            if key in INDICATORS:
                problems.append(
                    f"{where}: {key} is an extracted figure; it is not overridden here — correct it in review"
                )
            elif key not in fields:
                problems.append(f"{where}: unknown key; allowed: {', '.join(fields)}")
            elif error := fields[key].check(value):
                problems.append(f"{where}: {error}")
            else:
                values[key] = value
        checked[unit_id] = values
    if problems:
        raise ManualInputError(f"{source}:\n  " + "\n  ".join(problems))
    return ManualInputs(cluster=cluster, scoring=config.version, units=checked)


def parse_manual(text: str, config: ScoringConfig | None = None, source: str = "<string>") -> ManualInputs:
    """Manual inputs from TOML text; without ``config`` the file's ``scoring`` names the (bundled) one."""
    data = tomllib.loads(text)
    unknown = [k for k in data if k not in ("cluster", "scoring", "units")]
    if unknown:
        raise ManualInputError(
            f"{source}: unknown top-level keys {unknown}; allowed: cluster, scoring, units"
        )
    written_for = data.get("scoring")
    if config is None:
        if not written_for:
            raise ManualInputError(f'{source}: name the scoring configuration (scoring = "default.v1")')
        config = load_config(written_for)
    elif written_for and written_for != config.version:
        raise ManualInputError(
            f"{source}: written for scoring {written_for!r}, but the configuration is {config.version!r}"
        )
    return build_manual(config, data.get("units", {}), data.get("cluster"), source)


def load_manual(path: str | Path, config: ScoringConfig | None = None) -> ManualInputs:
    """Read and validate a manual-inputs file (see the module docstring for the format)."""
    return parse_manual(Path(path).read_text(encoding="utf-8"), config, str(path))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _uses(config: ScoringConfig) -> dict[str, list[str]]:
    """manual key -> where it is used ("E1", "bonus chair", ...), to tell the secretariat why it matters."""
    uses: dict[str, list[str]] = {}

    def add(ref: str, where: str) -> None:
        if ref.startswith("manual."):
            uses.setdefault(ref[len("manual.") :], []).append(where)

    for c in config.criteria:
        for ref in c.inputs:
            add(ref, c.id)
    for b in config.bonus:
        add(b.input, f"bonus {b.id}")
    for d in config.deductions:
        for ref in [*(k.input for k in d.any_of), *filter(None, [d.count])]:
            add(ref, f"deduction {d.id}")
    for q in config.disqualifiers:
        add(q.when.input, f"disqualifier {q.id}")
    for t in config.tie_breakers:
        add(t, "tie-breaker")
    return uses


def template(cluster: Cluster, config: ScoringConfig) -> str:
    """A commented manual-inputs file listing every input for every member unit, ready to fill in."""
    registry = default_registry()
    uses = _uses(config)
    lines = [
        f"# Nhập liệu thủ công — {cluster.name}, năm {cluster.year} ({cluster.key})",
        f"# Thang điểm (scoring configuration): {config.version}",
        "# Manual inputs of the cluster-year. To fill in a value, write it and remove the leading '# '.",
        "# A line left commented out is 'not provided': the unit's score then stays provisional",
        "# (inputs marked 'optional' or with a default excepted).",
        "# Figures extracted from the reports are not overridden here: correct them in review.",
        "",
        f'cluster = "{cluster.key}"',
        f'scoring = "{config.version}"',
    ]
    for unit_id in cluster.members:
        try:
            name = registry.get(unit_id).name
        except KeyError:
            name = unit_id
        role = (
            " — Cụm trưởng"
            if unit_id == cluster.chair
            else (" — Cụm phó" if unit_id in cluster.vices else "")
        )
        lines += ["", f"[units.{unit_id}]  # {name}{role}"]
        for key, spec in config.manual_fields().items():
            example = spec.example
            if example is None:
                example = False if spec.type == "bool" else 0
            kind = (
                "true/false" if spec.type == "bool" else f"0..{spec.maximum:g}" if spec.maximum else spec.type
            )
            notes = [kind, spec.label_vi]
            if key.startswith("points."):
                criterion = config.criterion(key[len("points.") :])
                notes += [criterion.guide_vi] if criterion.guide_vi else []
            else:
                notes.append(", ".join(uses.get(key, [])))
            if spec.default is not None:
                notes.append(f"default {_toml(spec.default)}")
            elif not spec.required:
                notes.append("optional")
            lines.append(f"# {key} = {_toml(example)}  # " + " — ".join(n for n in notes if n))
    return "\n".join(lines) + "\n"
