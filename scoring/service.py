"""Score and publish one cluster-year from the store: the library calls the ``rescore`` flow wraps.

The review app calls the same functions after a decision, so rescoring never depends on Prefect.
Manual inputs (criteria the reports cannot supply) are read from
``<manual_dir>/<cluster key>.toml``; when the file does not exist a commented template is written there
for the secretariat, and the scores stay provisional, naming what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from models.clusters import Cluster
from models.normalise import figures_by_unit, long_table, wide_table
from models.store import Store
from scoring.config import config_for
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


def manual_inputs(cluster: Cluster, manual_dir: Path) -> tuple[ManualInputs, Path]:
    path = manual_dir / f"{cluster.key}.toml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template(cluster, config_for(cluster)), encoding="utf-8")
    return load_manual(path, config_for(cluster)), path


def score_cluster_year(store: Store, cluster: Cluster, manual_dir: Path, *, record: bool = True) -> Scored:
    """Normalise the current figures, score the members, and record the scores (append-only)."""
    long = long_table(store.figures_frame(year=cluster.year), store.decisions_frame())
    members = long[long["unit_id"].isin(cluster.members) & (long["year"] == cluster.year)]
    wide = wide_table(long, cluster)
    manual, path = manual_inputs(cluster, manual_dir)
    config = config_for(cluster)
    result = score_cluster(config, cluster, figures_by_unit(wide), manual)
    if record:
        store.record_scores(
            cluster.key,
            cluster.year,
            [u.to_dict() for u in result.units],
            scorer_version=SCORER_VERSION,
            config_version=config.version,
        )
    return Scored(cluster, result, members.reset_index(drop=True), wide, path)


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
