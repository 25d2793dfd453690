"""Setting up a cluster-year without editing the repository: ``thidua cluster setup`` and the admin page.

A cluster-year set up by an admin is one TOML file ``$THIDUA_HOME/clusters/<key>.toml``, in the format of
the bundled ``models/data/clusters/*.toml`` plus ``deadline``, ``set_by`` and ``set_at`` (who, when);
:func:`models.clusters.default_clusters` prefers it to a bundled file of the same cluster-year and sees it
at its next call. A year is usually a copy of the previous one with a few changes (:func:`copy_cluster`):
the 2025 cluster of wards is Cụm 8 of 2024 with the wards that replaced its districts.

Writing is safe for officials who click twice: under an exclusive lock, to a temporary file that is
synced and read back before it replaces the old one (a crash leaves the previous file whole), and the
previous version is copied to ``<folder>/history/<key>.<UTC timestamp>.toml`` first, so nothing is lost.
Validation messages are Vietnamese: the web page shows them as they are.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

from models.clusters import Cluster, _cluster, home_clusters_dir
from models.toml_files import locked, toml_string, write_atomically
from models.units import UnitRegistry, default_registry

#: what a copy of the previous year may change
CHANGEABLE = ("members", "chair", "vices", "scoring", "deadline", "name", "number", "organiser_name")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # organiser ids double as file names


def _near(word: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(word, choices, n=5, cutoff=0.5)
    return f"; gần giống: {', '.join(near)}" if near else ""


def check_cluster(cluster: Cluster, units: UnitRegistry | None = None) -> None:
    """Raise ValueError (in Vietnamese, naming the alternatives) unless the cluster-year can be used: an
    organiser id, a year, members that are units of the registry, a chair and vice-chairs among them and a
    criteria configuration that loads."""
    units = units or default_registry()
    known = [u.id for u in units.units]
    if not _SLUG.match(cluster.organiser):
        raise ValueError(
            f"Mã cơ quan tổ chức «{cluster.organiser}» chỉ gồm chữ thường không dấu, số và '-' "
            "(ví dụ ubnd-tp-ha-noi)."
        )
    if cluster.number < 1:
        raise ValueError(f"Số cụm phải là số nguyên dương (đã nhập {cluster.number}).")
    if not 2000 <= cluster.year <= 2100:
        raise ValueError(f"Năm {cluster.year} không hợp lệ.")
    if not cluster.members:
        raise ValueError("Cụm cần ít nhất một đơn vị thành viên.")
    for unit_id in (*cluster.members, *filter(None, [cluster.chair]), *cluster.vices):
        if unit_id not in known:
            raise ValueError(f"Đơn vị «{unit_id}» không có trong danh mục đơn vị{_near(unit_id, known)}.")
    if len(set(cluster.members)) != len(cluster.members):
        raise ValueError("Một đơn vị được chọn hai lần trong danh sách thành viên.")
    if not cluster.chair:
        raise ValueError("Cần chọn đơn vị cụm trưởng.")
    if cluster.chair not in cluster.members:
        raise ValueError(f"Cụm trưởng «{cluster.chair}» không phải thành viên của cụm.")
    outsiders = [v for v in cluster.vices if v not in cluster.members]
    if outsiders:
        raise ValueError(f"Cụm phó {', '.join(outsiders)} không phải thành viên của cụm.")
    if cluster.chair in cluster.vices:
        raise ValueError(f"«{cluster.chair}» không thể vừa là cụm trưởng vừa là cụm phó.")
    from scoring.config import ConfigError, bundled_configs, load_config

    try:
        load_config(cluster.scoring, cluster=cluster)
    except ConfigError:
        raise ValueError(
            f"Không có bộ tiêu chí chấm điểm «{cluster.scoring}»; hiện có: {', '.join(bundled_configs())}."
        ) from None


def cluster_toml(cluster: Cluster, set_by: str, set_at: datetime) -> str:
    """The file of one cluster-year, readable by :func:`models.clusters.load_clusters`."""
    members = ", ".join(toml_string(m) for m in cluster.members)
    lines = [
        f"# {cluster.name} ({cluster.key}), set up by {set_by} with thidua (the admin page or",
        "# `thidua cluster setup`); change it there: each change keeps the previous version in history/.",
        f"organiser = {toml_string(cluster.organiser)}",
        f"organiser_name = {toml_string(cluster.organiser_name)}",
        f"number = {cluster.number}",
        f"name = {toml_string(cluster.name)}",
        f"year = {cluster.year}",
        f"members = [{members}]",
    ]
    if cluster.chair:
        lines.append(f"chair = {toml_string(cluster.chair)}")
    lines.append(f"vices = [{', '.join(toml_string(v) for v in cluster.vices)}]")
    lines.append(f"scoring = {toml_string(cluster.scoring)}")
    if cluster.deadline is not None:
        lines.append(f"deadline = {cluster.deadline.isoformat()}")
    lines.append(f"set_by = {toml_string(set_by)}")
    stamp = set_at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    lines.append(f"set_at = {stamp}")
    return "\n".join(lines) + "\n"


def _history_path(folder: Path, key: str, at: datetime) -> Path:
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / "history" / f"{key}.{stamp}.toml"
    n = 1
    while path.exists():  # two saves in the same microsecond: keep both
        path = folder / "history" / f"{key}.{stamp}-{n}.toml"
        n += 1
    return path


def save_cluster(
    cluster: Cluster,
    *,
    by: str,
    folder: Path | None = None,
    at: datetime | None = None,
    units: UnitRegistry | None = None,
) -> Path:
    """Check ``cluster`` and write it as ``<folder>/<key>.toml`` (folder: ``$THIDUA_HOME/clusters``); the
    file it replaces is kept in ``<folder>/history``. Returns the path written."""
    if not by.strip():
        raise ValueError("Cần ghi ai thiết lập cụm (--by).")
    units = units or default_registry()
    check_cluster(cluster, units)
    folder = Path(folder) if folder is not None else home_clusters_dir()
    at = at or datetime.now(UTC)
    path = folder / f"{cluster.key}.toml"
    text = cluster_toml(cluster, by.strip(), at)
    folder.mkdir(parents=True, exist_ok=True)

    def loads(tmp: Path) -> None:  # never replace a readable file by an unreadable one
        _cluster(tomllib.loads(tmp.read_text(encoding="utf-8")), str(tmp), units)

    def keep_previous() -> None:
        if path.is_file():
            history = _history_path(folder, cluster.key, at)
            history.parent.mkdir(exist_ok=True)
            write_atomically(history, path.read_text(encoding="utf-8"))

    with locked(path):
        write_atomically(path, text, check=loads, before_replace=keep_previous)
    return path


def history_of(key: str, folder: Path | None = None) -> list[Path]:
    """The earlier versions of a cluster-year's file, oldest first."""
    folder = Path(folder) if folder is not None else home_clusters_dir()
    return sorted((folder / "history").glob(f"{key}.*.toml"))


def _shifted(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def copy_cluster(source: Cluster, year: int, **changes: object) -> Cluster:
    """The cluster-year ``year`` as a copy of ``source`` (usually the previous year) with ``changes`` (any
    of :data:`CHANGEABLE`); the deadline, unless given, moves by as many years. Not checked: the caller
    saves it with :func:`save_cluster`, which is."""
    unknown = sorted(set(changes) - set(CHANGEABLE))
    if unknown:
        raise ValueError(f"cannot change {', '.join(unknown)}; changeable: {', '.join(CHANGEABLE)}")
    values: dict[str, object] = {
        "year": int(year),
        "deadline": _shifted(source.deadline, int(year) - source.year),
        "set_by": None,
        "set_at": None,
        "source": "",
    }
    for name, value in changes.items():
        if name in ("members", "vices"):
            value = tuple(value)  # type: ignore[arg-type]
        if name == "number":
            value = int(value)  # type: ignore[arg-type]
        values[name] = value
    return dataclasses.replace(source, **values)  # type: ignore[arg-type]


def new_cluster(
    organiser: str,
    number: int,
    year: int,
    members: tuple[str, ...] | list[str],
    chair: str | None,
    *,
    vices: tuple[str, ...] | list[str] = (),
    name: str | None = None,
    organiser_name: str = "",
    scoring: str = "default.v1",
    deadline: date | None = None,
) -> Cluster:
    """A cluster-year with no previous year to copy (a new organiser or cluster number)."""
    return Cluster(
        organiser=organiser.strip(),
        number=int(number),
        year=int(year),
        name=name or f"Cụm thi đua số {number}",
        members=tuple(members),
        chair=chair or None,
        vices=tuple(vices),
        organiser_name=organiser_name,
        scoring=scoring,
        deadline=deadline,
    )


def origin_vi(cluster: Cluster) -> str:
    """Where a cluster-year was read from, for the lists: the package, THIDUA_CLUSTERS or an admin."""
    home = str(home_clusters_dir())
    if cluster.source.startswith(home + os.sep):
        who = f" ({cluster.set_by})" if cluster.set_by else ""
        return f"thiết lập bởi quản trị{who}"
    if os.sep in cluster.source:
        return f"tệp {cluster.source}"
    return "có sẵn trong phần mềm"
