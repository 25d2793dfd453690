"""The units registry: who may submit, under which names, when.

Two files of the same format: the bundled ``models/data/units.toml`` (the cluster's members, versioned
with the code) and the units an admin registered from a report's header (``thidua unit register``), kept
in ``$THIDUA_UNITS``, default ``units.toml`` in ``THIDUA_HOME`` (see :mod:`models.registered_units`).
:func:`default_registry` reads both, and again whenever the registered file changes.

Resolution is by name *and* date because names are reused: "Hoàn Kiếm" is a district until 30/6/2025
and a ward from 1/7/2025. Matching is diacritic-insensitive on folded keys; the registry keeps the
original spellings.
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from models.home import thidua_home
from models.text import fold_key

#: The levels a unit may have, with their Vietnamese names. The indicator vocabulary's plausible ranges
#: are keyed by level (``models.vocabulary``: "district", "ward", else "*").
LEVELS: dict[str, str] = {
    "province": "cấp tỉnh (tỉnh, thành phố trực thuộc Trung ương)",
    "district": "cấp huyện (quận, huyện, thị xã, thành phố thuộc tỉnh)",
    "ward": "phường",
    "commune": "xã, thị trấn, đặc khu",
    "department": "cơ quan chuyên môn (sở, ban, phòng)",
    "organisation": "tổ chức chính trị - xã hội (tỉnh đoàn, hội, liên đoàn lao động, mặt trận)",
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
    registered_by: str | None = None  # units registered by an admin from a report's header: who
    registered_at: datetime | None = None  # and when

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

    def name_of(self, unit_id: str) -> str:
        """The unit's name, or its id when it is not in the registry (a page or a document still names it)."""
        return next((u.name for u in self.units if u.id == unit_id), unit_id)

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
        registered_by=raw.get("registered_by"),
        registered_at=raw.get("registered_at"),
    )


def _units_of(text: str, source: str) -> list[Unit]:
    units = [_unit(raw) for raw in tomllib.loads(text).get("unit", [])]
    unknown = sorted({u.level for u in units} - set(LEVELS))
    if unknown:
        raise ValueError(f"units registry {source}: unknown levels {unknown}; known: {', '.join(LEVELS)}")
    return units


def _checked(units: list[Unit], source: str) -> UnitRegistry:
    ids = [u.id for u in units]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"units registry {source}: duplicate ids {sorted(duplicates)}")
    return UnitRegistry(units)


def bundled_units() -> list[Unit]:
    text = resources.files("models").joinpath("data/units.toml").read_text(encoding="utf-8")
    return _units_of(text, "bundled")


def load_registry(path: str | Path | None = None, registered: str | Path | None = None) -> UnitRegistry:
    """Read a registry file (the bundled one when ``path`` is None), plus the units of ``registered``
    (a file of units an admin registered) when it is given and exists."""
    units = bundled_units() if path is None else _units_of(Path(path).read_text(encoding="utf-8"), str(path))
    if registered is not None and Path(registered).is_file():
        units += _units_of(Path(registered).read_text(encoding="utf-8"), str(registered))
    return _checked(units, f"{path or 'bundled'}{f' + {registered}' if registered else ''}")


def registered_path(environ: Mapping[str, str] | None = None) -> Path:
    """The file of units an admin registered: ``$THIDUA_UNITS``, else ``units.toml`` in ``THIDUA_HOME``."""
    env = os.environ if environ is None else environ
    return Path(env["THIDUA_UNITS"]) if env.get("THIDUA_UNITS") else thidua_home(env) / "units.toml"


_default: tuple[tuple[object, ...], UnitRegistry] | None = None
_default_lock = threading.Lock()


def default_registry() -> UnitRegistry:
    """The bundled units plus the registered ones, read again when the registered file has changed (a
    stat per call), so that a long-lived worker sees a unit registered after it started."""
    global _default
    path = registered_path()
    try:
        stat = path.stat()
        signature: tuple[object, ...] = (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)
    except OSError:
        signature = (str(path), None)
    with _default_lock:
        if _default is None or _default[0] != signature:
            _default = (signature, load_registry(registered=path))
        return _default[1]
