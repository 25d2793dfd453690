"""``thidua bench``: the nightly pipeline at a province's scale, against baselines measured in the same run.

Steps, in this order, on one generated corpus (:mod:`benchmarks.corpus`, cached between benches):

1. ``thidua extract`` alone on a sample of the corpus, one core, against raw pdfplumber, raw pypdfium2
   and raw python-docx on the same files (:mod:`benchmarks.measure`);
2. start-up: ``thidua run --always-flow`` over an empty inbox (the command line, Prefect's temporary
   server, an empty flow): what every run with work pays before its first document, on its own;
3. the nightly flow cold over the whole corpus with ``workers`` worker processes, then warm (the same
   store, nothing changed) as a user gets it (no flow is started when nothing changed), and warm
   through the flow (``--always-flow``);
4. cold again with one worker (the parallel speed-up), and cold with each other task runner asked for.

Every nightly run is a child process with an empty store of its own; memory is sampled over its whole
process tree (:mod:`benchmarks.runs`). Figures "per 1000" scale a run's time to 1,000 reports of this
corpus. A note says when the machine looked busy (load before the bench, or repeated timings that
disagree by more than 15 %): then the ratios, measured side by side, are more trustworthy than the
absolute figures.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import CorpusSpec, generate
from benchmarks.measure import ExtractMeasures, measure_extract
from benchmarks.runs import RunMeasure, thidua_run

NOISY_SPREAD = 0.15
NOISY_LOAD = 0.5


@dataclass(frozen=True)
class BenchSettings:
    docs: int = 200
    pages: tuple[int, int] = (5, 100)
    seed: int = 1
    workers: int = 2
    repeat: int = 3
    sample_pages: int = 400  # PDF pages of the corpus in the extraction-alone comparison
    sample_docx: int = 40
    runners: tuple[str, ...] = ("processes", "prefect-processes")
    folder: Path = Path(".thidua-bench")


def _load() -> float:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return 0.0


def run_bench(settings: BenchSettings, log: Callable[[str], None] = print) -> dict:
    load_before = _load()
    folder = settings.folder.absolute()
    spec = CorpusSpec(docs=settings.docs, seed=settings.seed, pages=settings.pages)
    started = time.perf_counter()
    corpus_dir = folder / f"corpus-{settings.docs}-{settings.pages[0]}-{settings.pages[1]}-s{settings.seed}"
    reports = generate(spec, corpus_dir)
    corpus_s = time.perf_counter() - started
    pages = sum(r.pages for r in reports)
    log(f"corpus: {len(reports)} reports, {pages} pages in {corpus_dir} ({corpus_s:.1f} s, cached after)")

    log("extraction alone (one core) against the raw libraries, on a sample ...")
    extract = measure_extract(
        reports, sample_pages=settings.sample_pages, sample_docx=settings.sample_docx, repeat=settings.repeat
    )

    prefect_home = folder / "prefect"
    empty = folder / "empty-inbox"
    empty.mkdir(parents=True, exist_ok=True)

    def fresh(name: str) -> Path:
        home = folder / "runs" / name
        shutil.rmtree(home, ignore_errors=True)
        return home

    log("start-up: thidua run over an empty inbox ...")
    # the first run creates Prefect's database; the second is the start-up every run with work pays
    thidua_run("prefect-home", empty, fresh("prefect-home"), prefect_home, workers=1, always_flow=True)
    startup = thidua_run(
        "start-up", empty, fresh("start-up"), prefect_home, workers=settings.workers, always_flow=True
    )
    runs: dict[str, RunMeasure] = {}
    home = fresh("cold")
    log(f"nightly cold, {settings.workers} workers ...")
    runs["cold"] = thidua_run("cold", corpus_dir, home, prefect_home, workers=settings.workers)
    log("nightly warm (nothing changed) ...")
    runs["warm"] = thidua_run("warm", corpus_dir, home, prefect_home, workers=settings.workers)
    log("nightly warm through the flow (--always-flow) ...")
    runs["warm_flow"] = thidua_run(
        "warm-flow", corpus_dir, home, prefect_home, workers=settings.workers, always_flow=True
    )
    if settings.workers > 1:
        log("nightly cold, 1 worker ...")
        runs["cold_1_worker"] = thidua_run("cold-1", corpus_dir, fresh("cold-1"), prefect_home, workers=1)
    for runner in settings.runners:
        if runner != "processes":
            log(f"nightly cold, task runner {runner} ...")
            runs[f"cold_{runner}"] = thidua_run(
                f"cold-{runner}", corpus_dir, fresh(f"cold-{runner}"), prefect_home,
                workers=settings.workers, runner=runner,
            )  # fmt: skip
    return _results(settings, reports, pages, corpus_s, extract, startup, runs, load_before)


def _results(
    settings: BenchSettings,
    reports: list,
    pages: int,
    corpus_s: float,
    extract: ExtractMeasures,
    startup: RunMeasure,
    runs: dict[str, RunMeasure],
    load_before: float,
) -> dict:
    per_1000 = 1000 / max(len(reports), 1)
    base = startup.wall_s
    cold, warm = runs["cold"], runs["warm"]
    one = runs.get("cold_1_worker")
    parallel = round((one.wall_s - base) / (cold.wall_s - base), 3) if one else None
    spreads = [t.spread for t in [*extract.pdf.values(), *extract.docx.values()]]
    notes = []
    if load_before > NOISY_LOAD:
        notes.append(f"the machine was busy before the bench (load average {load_before:.2f})")
    if spreads and max(spreads) > NOISY_SPREAD:
        notes.append(f"repeated timings disagreed by up to {max(spreads):.0%}: the machine was noisy")
    if cold.summary.get("failed") or cold.summary.get("rejected"):
        notes.append(
            f"cold run: {cold.summary.get('failed')} failed, {cold.summary.get('rejected')} rejected"
        )
    return {
        "docs": len(reports),
        "pages": pages,
        "pdf_docs": sum(r.format == "pdf" for r in reports),
        "corpus_s": round(corpus_s, 2),
        "cpu_count": os.cpu_count(),
        "pdf_speedup_vs_pdfplumber": extract.ratio("pdf", "pdfplumber"),
        "pdf_ratio_vs_pypdfium2": extract.ratio("pdf", "pypdfium2"),
        "docx_ratio_vs_python_docx": extract.ratio("docx", "python-docx"),
        "parallel_speedup": parallel,
        "startup_s": round(base, 3),
        "cold_s": round(cold.wall_s, 3),
        "warm_s": round(warm.wall_s, 3),
        "cold_s_per_1000": round(cold.wall_s * per_1000, 1),
        "cold_beyond_startup_s_per_1000": round((cold.wall_s - base) * per_1000, 1),
        # scaled linearly from this corpus: an upper bound, most of a warm run does not grow with it
        "warm_s_per_1000": round(warm.wall_s * max(per_1000, 1.0), 2),
        "warm_flow_s": round(runs["warm_flow"].wall_s, 3),
        "docs_per_s": round(len(reports) / (cold.wall_s - base), 2),
        "pages_per_s": round(pages / (cold.wall_s - base), 1),
        "peak_rss_mb": round(max(r.peak_rss_mb for r in runs.values()), 1),
        "worker_peak_rss_mb": max(
            (mb for r in runs.values() for mb in r.summary.get("worker_peak_rss_mb", {}).values()),
            default=None,
        ),
        "extract": {
            "pdf": {k: v.to_dict() for k, v in extract.pdf.items()},
            "docx": {k: v.to_dict() for k, v in extract.docx.items()},
            "stages_s": extract.stages_s,
            "pipeline_start_s": extract.pipeline_start_s,
            "quality": extract.quality,
        },
        "runs": {"start_up": startup.to_dict(), **{k: v.to_dict() for k, v in runs.items()}},
        "load_before": load_before,
        "notes": notes,
    }


def render(results: dict) -> str:
    """The bench's figures for a person."""
    ex = results["extract"]
    lines = [
        f"corpus: {results['docs']} reports ({results['pdf_docs']} PDF), {results['pages']} pages",
        "",
        "extraction alone, one core, median of repeats (same files, same run):",
    ]
    for kind, unit in (("pdf", "pages/s"), ("docx", "docs/s")):
        for label, t in ex[kind].items():
            lines.append(f"  {kind:<4} {label:<12} {t['per_s']:9.1f} {unit}  (±{t['spread']:.0%})")
    lines += [
        f"  PDF: {results['pdf_speedup_vs_pdfplumber']}× raw pdfplumber, "
        f"{results['pdf_ratio_vs_pypdfium2']}× raw pypdfium2;  Word: {results['docx_ratio_vs_python_docx']}× "
        "raw python-docx",
        f"  time by stage (s, one pass): {ex['stages_s']}",
        f"  sample quality: {ex['quality']}",
        "",
        f"start-up (CLI + Prefect's temporary server + an empty flow): {results['startup_s']:.1f} s",
    ]
    for name, run in results["runs"].items():
        if name == "start_up":
            continue
        lines.append(
            f"nightly {name:<24} {run['wall_s']:8.1f} s  processed {run['processed']}, skipped "
            f"{run['skipped']}, failed {run['failed']}, rejected {run['rejected']};  peak RSS "
            f"{run['peak_rss_mb']:.0f} MB (workers {run['worker_peak_rss_mb']})"
        )
    cold = results["runs"]["cold"]
    lines += [
        f"  stages of the cold run (s, summed over workers): {cold['stages_s']}",
        f"cold: {results['cold_s_per_1000']} s per 1000 reports "
        f"({results['cold_beyond_startup_s_per_1000']} s beyond start-up), "
        f"{results['docs_per_s']} docs/s, {results['pages_per_s']} pages/s",
        f"warm: {results['warm_s']} s ({results['warm_s_per_1000']} s per 1000 unchanged reports, scaled "
        f"linearly: an upper bound); through the flow {results['warm_flow_s']} s",
        f"two workers against one: {results['parallel_speedup']}×",
    ]
    lines += [f"note: {n}" for n in results["notes"]]
    return "\n".join(lines)
