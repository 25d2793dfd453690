"""What a run did, as one dict (the CLI prints it, ``--json`` gives it whole), and the run that has
nothing to do.

Prefect-free, so that ``thidua run`` can answer a warm inbox without starting a flow: a scheduled run
under ``thidua serve`` has its server already, but an ad-hoc ``thidua run`` would start Prefect's
temporary server (≈ 5 s) only to find that nothing changed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from extractors.inbox import plan, scan_inbox
from extractors.ingest import Outcome
from extractors.version import extractor_version
from flows.runtime import Paths
from models.clusters import ClusterRegistry, default_clusters
from models.store import Store
from scoring.service import Published, stale


def summarise(
    outcomes: list[Outcome],
    published: list[Published],
    clusters: ClusterRegistry,
    ignored: list[Outcome] = (),  # type: ignore[assignment]
    extra: dict | None = None,
) -> dict:
    counts = Counter(o.status for o in outcomes)
    processed = [o for o in outcomes if o.status == "processed"]
    stages: Counter[str] = Counter()
    for o in outcomes:
        stages.update({k: v for k, v in o.seconds.items() if k != "task"})
    for p in published:
        stages.update(p.seconds)
    peak: dict[str, float] = {}
    for o in outcomes:
        if o.worker:
            pid = str(o.worker["pid"])
            peak[pid] = max(peak.get(pid, 0.0), o.worker["peak_rss_mb"])
    return {
        "processed": counts["processed"],
        "skipped": counts["skipped"],
        "flagged": sum(o.flagged > 0 for o in processed),
        "rejected": counts["rejected"],
        "failed": counts["failed"],
        "ignored": len(ignored),
        "rejections": [{"path": o.path, "reason": o.reason} for o in outcomes if o.status == "rejected"],
        # faults of ours, retried in this run and kept for the next: never the submitter's to fix
        "failures": [{"path": o.path, "reason": o.reason} for o in outcomes if o.status == "failed"],
        "ignored_files": [{"path": o.path, "reason": o.reason} for o in ignored],
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
        "scored": sorted(p.scored.cluster.key for p in published),
        "exports": {p.scored.cluster.key: [str(f) for f in p.files] for p in published},
        "extractor_version": extractor_version(),
        "stages_s": {k: round(v, 3) for k, v in sorted(stages.items())},
        "worker_peak_rss_mb": peak,
        **(extra or {}),
    }


def idle_summary(inbox: str | None, recursive: bool = False, manual: str | None = None) -> dict | None:
    """The summary of a nightly run over ``inbox`` when it would do nothing: no file new or changed,
    no document to extract (failed ones included) and no cluster-year whose inputs changed since its
    last publication. None when there is work: then run the flow. Apart from removing the temporary
    copies of killed runs (as every run does first) it only reads, in bulk queries."""
    paths = Paths.from_env()
    manual_dir = Path(manual) if manual else paths.manual
    with Store.open() as store:
        swept = store.sweep()
        scan = scan_inbox(Path(inbox) if inbox else paths.inbox, recursive)
        work = plan(store, scan.files)
        if work.new or work.known or stale(store, default_clusters().clusters, manual_dir):
            return None
    extra = {"swept_temporaries": len(swept), "flow_run": None}
    return summarise(work.skipped, [], default_clusters(), scan.ignored, extra)
