"""Units an admin registered from a report's header (``thidua unit register``), kept in their own TOML file.

The file (:func:`models.units.registered_path`) has the format of the bundled ``models/data/units.toml``,
each unit with ``registered_by`` and ``registered_at`` (who and when) and ``proposed_in`` (the document
whose header proposed it). It is only ever appended to, under an exclusive lock, and replaced atomically:
two admins registering at once both land, a crash leaves the previous file, and registering a unit that
is already there changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from models.records import ProposedUnit
from models.toml_files import locked, toml_string, write_atomically
from models.units import LEVELS, Unit, bundled_units, load_registry, registered_path


def unit_toml(unit: Unit, proposed_in: str | None = None) -> str:
    """One ``[[unit]]`` table of the registry file."""
    lines = [
        "[[unit]]",
        f"id = {toml_string(unit.id)}",
        f"name = {toml_string(unit.name)}",
        f"short = {toml_string(unit.short)}",
        f"level = {toml_string(unit.level)}",
        f"city = {toml_string(unit.city)}",
        f"aliases = [{', '.join(toml_string(a) for a in unit.aliases)}]",
    ]
    if unit.registered_by is not None:
        lines.append(f"registered_by = {toml_string(unit.registered_by)}")
    if unit.registered_at is not None:
        lines.append(f"registered_at = {unit.registered_at.astimezone(UTC).isoformat(timespec='seconds')}")
    if proposed_in:
        lines.append(f"proposed_in = {toml_string(proposed_in)}")
    return "\n".join(lines) + "\n"


def unit_from_proposal(
    proposal: ProposedUnit,
    *,
    by: str,
    at: datetime | None = None,
    unit_id: str | None = None,
    name: str | None = None,
    level: str | None = None,
    city: str | None = None,
) -> Unit:
    """The registry entry for ``proposal``, with the admin's corrections (id, name, level, city)."""
    level = level or proposal.level
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; known: {', '.join(LEVELS)}")
    if not by.strip():
        raise ValueError("a registration must say who registers (--by)")
    name = name or proposal.name
    aliases = tuple(dict.fromkeys(a for a in (name, proposal.name) if a))
    return Unit(
        id=unit_id or proposal.id,
        name=name,
        short=proposal.short or name,
        level=level,
        city=proposal.city if city is None else city,
        aliases=aliases,
        registered_by=by.strip(),
        registered_at=(at or datetime.now(UTC)).replace(microsecond=0),
    )


def register(unit: Unit, *, proposed_in: str | None = None, path: Path | None = None) -> bool:
    """Add ``unit`` to the registered units; False (nothing written) when a unit with its id is already
    registered with the same name and level. A different unit under the same id, or an id of the bundled
    registry, is refused: ids are keys, never reused."""
    path = path or registered_path()
    with locked(path):
        current = load_registry(registered=path)
        existing = next((u for u in current.units if u.id == unit.id), None)
        if existing is not None:
            if existing.registered_by is not None and (existing.name, existing.level) == (
                unit.name,
                unit.level,
            ):
                return False
            where = "the bundled registry" if existing in bundled_units() else str(path)
            raise ValueError(
                f"unit id {unit.id!r} is already {existing.name} ({existing.level}) in {where}; "
                "choose another id (--id)"
            )
        before = path.read_text(encoding="utf-8") if path.is_file() else _HEAD
        text = before.rstrip("\n") + "\n\n" + unit_toml(unit, proposed_in)
        write_atomically(path, text, check=lambda tmp: load_registry(registered=tmp))
    return True


_HEAD = """# Units registered by an admin from the header of a report (thidua unit register), beside the
# bundled models/data/units.toml. Same fields, plus registered_by / registered_at (who, when) and
# proposed_in (the sha256 of the document that proposed the unit). Written by thidua: add, never rename.
"""
