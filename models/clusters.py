"""Emulation clusters as data: one file per (organiser, cluster number, year).

A cluster is keyed by organiser, number and year — never by number alone: the Fatherland Front runs its
own "Cụm thi đua số 1" with the same six districts, and Hanoi reassigns cluster numbers over time. Files
live in ``models/data/clusters/<organiser>.cum-<number>.<year>.toml``; more can be loaded from any folder
(``THIDUA_CLUSTERS``, or a path given to :func:`load_clusters`), and the cluster-years an admin set up
from the web app or ``thidua cluster setup`` live in ``$THIDUA_HOME/clusters`` (:mod:`scoring.cluster_setup`);
a later source for the same cluster-year replaces an earlier one (bundled < THIDUA_CLUSTERS < home).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from models.home import thidua_home
from models.units import UnitRegistry, default_registry


@dataclass(frozen=True)
class Cluster:
    organiser: str  # "ubnd-tp-ha-noi"
    number: int
    year: int
    name: str
    members: tuple[str, ...]
    chair: str | None = None
    vices: tuple[str, ...] = ()
    organiser_name: str = ""
    scoring: str = "default.v1"  # criteria configuration (scoring/data/<scoring>.toml)
    deadline: date | None = None  # submissions after this day are accepted and marked late
    # who set the cluster-year up and when (files written by scoring.cluster_setup), and the file it was
    # read from: facts about the record, not part of the cluster, so two equal setups compare equal
    set_by: str | None = field(default=None, compare=False)
    set_at: datetime | None = field(default=None, compare=False)
    source: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        """Cluster id without the year: "ubnd-tp-ha-noi.cum-8"."""
        return f"{self.organiser}.cum-{self.number}"

    @property
    def key(self) -> str:
        """Cluster-year key: "ubnd-tp-ha-noi.cum-8.2021"."""
        return f"{self.id}.{self.year}"


@dataclass
class ClusterRegistry:
    clusters: list[Cluster] = field(default_factory=list)

    def get(self, cluster: str, year: int) -> Cluster:
        """By full id ("ubnd-tp-ha-noi.cum-8") or a unique short form ("cum-8"); errors list what exists."""
        hits = [
            c for c in self.clusters if c.year == year and (c.id == cluster or c.id.endswith("." + cluster))
        ]
        if len(hits) == 1:
            return hits[0]
        known = ", ".join(sorted({f"{c.id} ({c.year})" for c in self.clusters}))
        problem = "is ambiguous" if hits else "is not known"
        raise KeyError(f"cluster {cluster!r} for {year} {problem}; known: {known}")

    def of_unit(self, unit_id: str, year: int) -> list[Cluster]:
        """Every cluster the unit belongs to in that year (several organisers may group the same units)."""
        return [c for c in self.clusters if c.year == year and unit_id in c.members]


def _cluster(data: dict, source: str, units: UnitRegistry) -> Cluster:
    try:
        cluster = Cluster(
            organiser=data["organiser"],
            number=int(data["number"]),
            year=int(data["year"]),
            name=data.get("name", f"Cụm thi đua số {data['number']}"),
            members=tuple(data["members"]),
            chair=data.get("chair"),
            vices=tuple(data.get("vices", ())),
            organiser_name=data.get("organiser_name", ""),
            scoring=data.get("scoring", "default.v1"),
            deadline=_deadline(data.get("deadline"), source),
            set_by=data.get("set_by"),
            set_at=data.get("set_at") if isinstance(data.get("set_at"), datetime) else None,
            source=source,
        )
    except KeyError as exc:
        raise ValueError(
            f"{source}: missing field {exc.args[0]!r} (need organiser, number, year, members)"
        ) from None
    for unit_id in (*cluster.members, *filter(None, [cluster.chair]), *cluster.vices):
        units.get(unit_id)  # raises with the list of known units
    outsiders = {u for u in (cluster.chair, *cluster.vices) if u} - set(cluster.members)
    if outsiders:
        raise ValueError(f"{source}: chair/vice-chairs {sorted(outsiders)} are not members of the cluster")
    return cluster


def _deadline(value: object, source: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(
            f"{source}: deadline {value!r} is not a date (write deadline = 2026-01-15)"
        ) from None


def home_clusters_dir() -> Path:
    """Where the cluster-years set up by an admin are kept (``$THIDUA_HOME/clusters``)."""
    return thidua_home() / "clusters"


def _folders(folders: tuple[str | Path, ...]) -> list[Path]:
    return [Path(f) for f in (*folders, *filter(None, [os.environ.get("THIDUA_CLUSTERS")]))] + [
        home_clusters_dir()
    ]


def load_clusters(*folders: str | Path, units: UnitRegistry | None = None) -> ClusterRegistry:
    """The bundled clusters, then those in ``folders``, ``$THIDUA_CLUSTERS`` and ``$THIDUA_HOME/clusters``
    (folders of .toml files); a later one for the same cluster-year replaces an earlier one."""
    units = units or default_registry()
    bundled = resources.files("models").joinpath("data/clusters")
    sources = sorted(
        (p.name, p.read_text(encoding="utf-8")) for p in bundled.iterdir() if p.name.endswith(".toml")
    )
    for folder in _folders(folders):
        sources += [(str(p), p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))]
    clusters: dict[str, Cluster] = {}
    for source, text in sources:
        cluster = _cluster(tomllib.loads(text), source, units)
        clusters[cluster.key] = cluster
    return ClusterRegistry(list(clusters.values()))


_cache: dict[tuple, ClusterRegistry] = {}


def _signature() -> tuple:
    """What the default registry was read from: a file an admin writes shows at the next call."""
    files = []
    for folder in _folders(()):
        files += [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.toml"))]
    return (os.environ.get("THIDUA_CLUSTERS"), str(home_clusters_dir()), tuple(files))


def default_clusters() -> ClusterRegistry:
    """The clusters of :func:`load_clusters`, read again whenever one of their files changes."""
    key = _signature()
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_clusters()
    return _cache[key]
