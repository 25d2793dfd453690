"""The flows: ``nightly`` over an inbox, ``reextract`` of one unit-year, ``rescore`` of one cluster-year.

They read top to bottom and only wire: scan, pick the work in bulk (unchanged documents create no task
run at all), one task per document, score every affected cluster-year, publish, summarise. A bad document
is an outcome of its own task (rejected, with the reason) and the flow goes on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from prefect import flow, get_run_logger, unmapped
from prefect.artifacts import create_table_artifact

from extractors.extract import extractor_version
from extractors.ingest import Outcome
from flows import progress
from flows.runtime import Paths
from flows.tasks import process_document, publish_exports, reextract_document, score
from models.clusters import Cluster, ClusterRegistry, default_clusters
from models.store import Store

REPORT_SUFFIXES = {".docx", ".pdf", ".doc", ".odt", ".rtf"}


def scan_inbox(inbox: Path, recursive: bool = False) -> list[Path]:
    """Report files in the inbox, sorted (a stable order makes reruns comparable)."""
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist; create it or pass --inbox FOLDER")
    pattern = "**/*" if recursive else "*"
    return sorted(p for p in inbox.glob(pattern) if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)


def select_work(store: Store, files: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """New or changed files, and known files whose document this extractor version has not read yet."""
    unseen = set(store.unseen(files))
    known = store.known_documents([f for f in files if f not in unseen])  # path -> sha256, one query
    done = store.runs_for(list(known.values()), extractor_version())
    todo = [f for f in files if f in unseen or known.get(f) not in done]
    skipped = [
        Outcome(str(f), known[f], "skipped", reason="unchanged since the last run")
        for f in files
        if f not in todo
    ]
    return todo, skipped


def affected_clusters(outcomes: list[Outcome], clusters: ClusterRegistry) -> list[Cluster]:
    found: dict[str, Cluster] = {}
    for o in outcomes:
        if o.status == "processed" and o.unit_id and o.year:
            for cluster in clusters.of_unit(o.unit_id, o.year):
                found[cluster.key] = cluster
    return [found[k] for k in sorted(found)]


def summarise(outcomes: list[Outcome], published: dict[str, list[str]], clusters: ClusterRegistry) -> dict:
    counts = Counter(o.status for o in outcomes)
    processed = [o for o in outcomes if o.status == "processed"]
    return {
        "processed": counts["processed"],
        "skipped": counts["skipped"],
        "flagged": sum(o.flagged > 0 for o in outcomes if o.status == "processed"),
        "rejected": counts["rejected"],
        "rejections": [{"path": o.path, "reason": o.reason} for o in outcomes if o.status == "rejected"],
        # stored and reported, not scored: unknown unit, or a unit in no cluster for that year
        "unscored": [
            {
                "path": o.path,
                "unit": o.unit_id,
                "year": o.year,
                "reason": o.reason or "not a member of any cluster",
            }
            for o in processed
            if not (o.unit_id and o.year and clusters.of_unit(o.unit_id, o.year))
        ],
        "scored": sorted(published),
        "exports": published,
        "extractor_version": extractor_version(),
    }


def _score_and_publish(
    store: Store, clusters: list[Cluster], paths: Paths, manual: str | None
) -> dict[str, list[str]]:
    published = {}
    for cluster in clusters:
        scored = score(store, cluster, Path(manual) if manual else paths.manual)
        published[cluster.key] = [str(p) for p in publish_exports(scored, paths.exports)]
    return published


def _artifact(summary: dict, outcomes: list[Outcome]) -> None:
    rows = [
        {
            "tệp": o.path,
            "kết quả": o.status,
            "đơn vị": o.unit_id or "",
            "năm": o.year or "",
            "lý do": o.reason or "",
        }
        for o in outcomes
    ]
    head = {k: summary[k] for k in ("processed", "skipped", "flagged", "rejected")}
    create_table_artifact(key="thidua-nightly", table=rows, description=f"thidua nightly: {head}")


@flow(name="nightly", log_prints=True)
def nightly(inbox: str | None = None, recursive: bool = False, manual: str | None = None) -> dict:
    """Ingest new or changed reports from the inbox, extract, store, score affected cluster-years, publish."""
    logger = get_run_logger()
    paths = Paths.from_env()
    with Store.open() as store:
        files = scan_inbox(Path(inbox) if inbox else paths.inbox, recursive)
        todo, skipped = select_work(store, files)
        logger.info("%d report files: %d to extract, %d unchanged", len(files), len(todo), len(skipped))
        progress.start(len(todo))
        states = process_document.map(unmapped(store), todo, return_state=True)
        outcomes = skipped + [_outcome(path, state) for path, state in zip(todo, states, strict=True)]
        published = _score_and_publish(store, affected_clusters(outcomes, default_clusters()), paths, manual)
    summary = summarise(outcomes, published, default_clusters())
    _artifact(summary, outcomes)
    return summary


def _outcome(path: Path, state) -> Outcome:
    """A task that failed (a fault in thidua, not in the report) still yields an outcome for the summary."""
    if state.is_completed():
        return state.result()
    try:
        state.result()
    except Exception as exc:
        reason = f"{path}: processing failed ({type(exc).__name__}: {exc}); the file is kept, rerun to retry"
    return Outcome(str(path), "", "rejected", reason=reason)


@flow(name="reextract", log_prints=True)
def reextract(unit: str, year: int, manual: str | None = None) -> dict:
    """Re-extract the current submission of one unit-year (a new run; the old one is kept), then rescore."""
    paths = Paths.from_env()
    with Store.open() as store:
        document = store.latest_submission(unit, year)
        if document is None:
            raise ValueError(
                f"no stored report of unit {unit!r} for {year}; run `thidua status` to see what is there"
            )
        outcome = reextract_document(store, document.sha256, document.original_name)
        clusters = default_clusters().of_unit(unit, year)
        published = _score_and_publish(store, clusters, paths, manual)
    return summarise([outcome], published, default_clusters())


@flow(name="rescore", log_prints=True)
def rescore(cluster: str, year: int, manual: str | None = None) -> dict:
    """Score one cluster-year again from the current figures, manual inputs and review decisions."""
    paths = Paths.from_env()
    target = default_clusters().get(cluster, year)
    with Store.open() as store:
        published = _score_and_publish(store, [target], paths, manual)
    return summarise([], published, default_clusters())
