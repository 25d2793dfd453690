"""The units registry (``models/data/units.toml``): who may submit, under which names, when.

Resolution is by name *and* date because names are reused: "Hoàn Kiếm" is a district until 30/6/2025
and a ward from 1/7/2025. Matching is diacritic-insensitive on folded keys; the registry keeps the
original spellings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from models.text import fold_key

LEVEL_WORDS = {
    "district": ("quan", "q", "ubnd quan", "uy ban nhan dan quan"),
    "ward": ("phuong", "p", "ubnd phuong", "uy ban nhan dan phuong"),
    "commune": ("xa", "ubnd xa", "uy ban nhan dan xa"),
}


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    short: str
    level: str
    city: str
    aliases: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    predecessors: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def name_keys(self) -> set[str]:
        """Folded names this unit answers to."""
        return {fold_key(a) for a in (self.name, self.short, *self.aliases)}


@dataclass
class UnitRegistry:
    units: list[Unit] = field(default_factory=list)
    _by_key: dict[str, list[Unit]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for unit in self.units:
            for key in unit.name_keys():
                self._by_key.setdefault(key, []).append(unit)

    def get(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(f"unknown unit {unit_id!r}; known: {', '.join(u.id for u in self.units)}")

    def match(self, text: str, on: date | None = None, level: str | None = None) -> list[Unit]:
        """Units whose name or alias is ``text`` (folded), valid on ``on`` and of ``level`` when given."""
        hits = list(self._by_key.get(fold_key(text), ()))
        if level:
            hits = [u for u in hits if u.level == level]
        if on:
            hits = [u for u in hits if u.valid_on(on)]
        return hits

    def names_by_length(self) -> list[tuple[str, Unit]]:
        """(folded short name, unit), longest first, for scanning running text."""
        pairs = {(fold_key(u.short), u) for u in self.units}
        pairs |= {(fold_key(a), u) for u in self.units for a in u.aliases if len(fold_key(a)) > 3}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[1].id))


def _unit(raw: dict) -> Unit:
    return Unit(
        id=raw["id"],
        name=raw["name"],
        short=raw.get("short", raw["name"]),
        level=raw["level"],
        city=raw.get("city", ""),
        aliases=tuple(raw.get("aliases", ())),
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        predecessors=tuple(raw.get("predecessors", ())),
    )


def load_registry(path: str | Path | None = None) -> UnitRegistry:
    """Read a registry file; the bundled one when ``path`` is None."""
    if path is None:
        text = resources.files("models").joinpath("data/units.toml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    units = [_unit(raw) for raw in data.get("unit", [])]
    ids = [u.id for u in units]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"units registry {path or 'bundled'}: duplicate ids {sorted(duplicates)}")
    return UnitRegistry(units)


@lru_cache(maxsize=1)
def default_registry() -> UnitRegistry:
    return load_registry()
