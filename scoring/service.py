"""Score and publish one cluster-year from the store: the library calls the ``rescore`` flow wraps.

The review app calls the same functions after a decision, so rescoring never depends on Prefect.
Manual inputs (criteria the reports cannot supply) are read from
``<manual_dir>/<cluster key>.toml``; when the file does not exist a commented template is written there
for the secretariat, and the scores stay provisional, naming what is missing.

Every publication records the fingerprint of the inputs it was computed from (:func:`inputs_fingerprint`):
the current run of each member, the review decisions on those documents, the manual-inputs file, the
chair's score entries in force (:mod:`scoring.entries`), the criteria configuration, the cluster's
definition and the scorer version. :func:`stale` compares it with
the latest publication, so every run publishes exactly the cluster-years whose inputs changed since —
including those a crashed run scored but never published, whether or not a file was processed.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from models import faults
from models.clusters import Cluster
from models.normalise import figures_by_unit, long_table, wide_table
from models.store import Store
from scoring.config import config_for
from scoring.entries import by_unit, check_entry, manual_in_force, verified_in_force
from scoring.exports import write_csv, write_parquet, write_workbook
from scoring.manual import ManualInputs, load_manual, template
from scoring.score import SCORER_VERSION, ClusterScore, score_cluster


@dataclass
class Scored:
    cluster: Cluster
    result: ClusterScore
    long: pd.DataFrame  # every current figure of the cluster-year's members
    wide: pd.DataFrame
    manual_path: Path
    scoring_id: int | None = None  # the recorded scoring (None when not recorded)


@dataclass(frozen=True)
class Published:
    scored: Scored
    files: list[Path]
    inputs: str  # the inputs fingerprint it was computed from
    seconds: dict[str, float]  # "score" (normalise and score), "export" (write the files)


def manual_inputs(cluster: Cluster, manual_dir: Path) -> tuple[ManualInputs, Path]:
    path = manual_dir / f"{cluster.key}.toml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template(cluster, config_for(cluster)), encoding="utf-8")
    return load_manual(path, config_for(cluster)), path


def inputs_in_force(
    store: Store, cluster: Cluster, manual_dir: Path
) -> tuple[ManualInputs, Path, dict[str, dict[str, float]]]:
    """The manual inputs in force (the file, then the chair's manual entries), the file's path, and the
    chair's verified scores in force (unit -> key -> points)."""
    manual, path = manual_inputs(cluster, manual_dir)
    entries = by_unit(store.entries_in_force(cluster.key))
    return manual_in_force(config_for(cluster), manual, entries), path, verified_in_force(entries)


def enter_score(
    store: Store,
    cluster: Cluster,
    unit_id: str,
    kind: str,
    key: str,
    value: object,
    note: str | None,
    by: str,
) -> int | None:
    """Check and record one entry of the chair (append-only); None when ``value`` is already in force
    (nothing recorded). Raises :class:`scoring.entries.EntryError` for a value that cannot be used. The
    caller rescores (:func:`score_cluster_year` with ``record=True``, or :func:`score_and_publish`)."""
    checked = check_entry(config_for(cluster), cluster, unit_id, kind, key, value)
    current = store.entries_in_force(cluster.key).get((unit_id, kind, key))
    if current is None and checked is None:
        return None
    if current is not None and current.new_value == checked:
        return None
    return store.record_score_entry(cluster.key, cluster.year, unit_id, kind, key, checked, note, by)


def score_cluster_year(
    store: Store, cluster: Cluster, manual_dir: Path, *, record: bool = True, long: pd.DataFrame | None = None
) -> Scored:
    """Normalise the current figures, score the members, and record the scores (append-only). ``long``:
    the long table of the current figures (:func:`models.normalise.long_table`) when the caller has read it
    already, so that scoring many cluster-years reads the store once."""
    if long is None:
        long = long_table(store.figures_frame(year=cluster.year), store.decisions_frame())
    members = long[long["unit_id"].isin(cluster.members) & (long["year"] == cluster.year)]
    wide = wide_table(long, cluster)
    config = config_for(cluster)
    manual, path, verified = inputs_in_force(store, cluster, manual_dir)
    result = score_cluster(config, cluster, figures_by_unit(wide), manual, verified)
    scoring_id = None
    if record:
        scoring_id = store.record_scores(
            cluster.key,
            cluster.year,
            [u.to_dict() for u in result.units],
            scorer_version=SCORER_VERSION,
            config_version=config.version,
        )
    return Scored(cluster, result, members.reset_index(drop=True), wide, path, scoring_id)


def inputs_fingerprint(store: Store, cluster: Cluster, manual_dir: Path) -> str | None:
    """A digest of everything the cluster-year's scores are computed from; None when no member has a
    current report (nothing to score yet). The manual-inputs template is written first if missing, so
    that writing it does not change the fingerprint of the next run."""
    current = store.scoring_inputs(cluster.year, cluster.members)
    if not current["runs"]:
        return None
    _, manual_path = manual_inputs(cluster, manual_dir)
    config = config_for(cluster)
    parts = {
        "scorer": SCORER_VERSION,
        "config": repr(config),
        "cluster": repr(cluster),
        "manual": hashlib.sha256(manual_path.read_bytes()).hexdigest(),
        "entries": [
            (e.unit_id, e.kind, e.key, e.new_value) for e in by_unit(store.entries_in_force(cluster.key))
        ],
        **current,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def stale(store: Store, clusters: Iterable[Cluster], manual_dir: Path) -> list[tuple[Cluster, str]]:
    """The cluster-years (with their fingerprint) whose inputs differ from their latest publication."""
    published = store.latest_publications()
    out = []
    for cluster in clusters:
        fingerprint = inputs_fingerprint(store, cluster, manual_dir)
        latest = published.get((cluster.key, cluster.year))
        if fingerprint is not None and (latest is None or latest.inputs != fingerprint):
            out.append((cluster, fingerprint))
    return out


def score_and_publish(
    store: Store, cluster: Cluster, manual_dir: Path, exports_dir: Path, inputs: str | None = None
) -> Published:
    """Score, record, publish, and record the publication with the fingerprint of its inputs (taken
    before scoring: if the inputs change meanwhile, the next run sees a difference and publishes again)."""
    inputs = inputs or inputs_fingerprint(store, cluster, manual_dir) or "no-reports"
    started = time.perf_counter()
    scored = score_cluster_year(store, cluster, manual_dir)
    assert scored.scoring_id is not None
    faults.point("scored")
    scored_at = time.perf_counter()
    files = publish(scored, exports_dir)
    store.record_publication(scored.scoring_id, cluster.key, cluster.year, inputs, [str(p) for p in files])
    seconds = {"score": scored_at - started, "export": time.perf_counter() - scored_at}
    return Published(scored, files, inputs, seconds)


def write_cluster_documents(store: Store, scored: Scored, folder: Path) -> list[Path]:
    """The summary table and the proposal of a scored cluster-year as .docx into ``folder``, with the
    dossiers its units sent after the deadline: what the dashboard and ``thidua export --format docx``
    write."""
    from models.units import default_registry
    from scoring.documents import late_dossiers, write_documents

    cluster = scored.cluster
    late = late_dossiers(store.cluster_uploads(cluster.key), cluster.deadline)
    name = default_registry().name_of
    return write_documents(folder, cluster, scored.result, config_for(cluster), name, late=late)


def publish(scored: Scored, exports_dir: Path) -> list[Path]:
    """Workbook, CSV and Parquet of the cluster-year under ``exports_dir/<cluster key>/``."""
    folder = exports_dir / scored.cluster.key
    folder.mkdir(parents=True, exist_ok=True)
    scores = scored.result.to_frame()
    scores.insert(1, "unit_name", [scored.wide.loc[u, "unit_name"] for u in scores["unit_id"]])
    scores["grade"] = scores["grade_vi"]  # officials read "Hoàn thành xuất sắc nhiệm vụ", not a key
    config = config_for(scored.cluster)
    note = None
    if scores["provisional"].any():
        note = (
            "Điểm tạm tính: một số đơn vị còn thiếu số liệu (xem cột Còn thiếu); "
            f"số liệu nhập tay bổ sung tại {scored.manual_path.name}, số liệu báo cáo sửa qua rà soát"
        )
    workbook = write_workbook(
        folder / f"{scored.cluster.key}.xlsx",
        cluster_name=scored.cluster.name,
        year=scored.cluster.year,
        scores=scores,
        criteria={c.id: c.name_vi for c in config.criteria},
        wide=scored.wide,
        long=scored.long,
        provisional_note=note,
    )
    tables = {"scores": scores, "wide": scored.wide, "long": scored.long}
    return [workbook, *write_csv(folder, **tables), *write_parquet(folder, **tables)]


def publish_if_stale(
    store: Store, cluster: Cluster, manual_dir: Path, exports_dir: Path, inputs: str, owner: str
) -> Published | None:
    """:func:`score_and_publish`, unless another run is publishing these very inputs right now or has
    published them since ``inputs`` was taken (None then): two runs at once publish a cluster-year once."""
    subject = f"publish:{cluster.key}"
    if store.claim(subject, inputs, owner) is not None:
        return None
    try:
        latest = store.latest_publications().get((cluster.key, cluster.year))
        if latest is not None and latest.inputs == inputs:
            return None
        return score_and_publish(store, cluster, manual_dir, exports_dir, inputs)
    finally:
        store.release(subject, inputs, owner)
