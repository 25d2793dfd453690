"""``thidua extract`` alone against the raw libraries, on the same files in the same process.

One core, the pipeline built before timing (its start-up is reported on its own), every figure the
median of ``repeat`` passes with its spread; the passes of the baselines and of thidua interleave, and
a ratio is the median of the ratios pass by pass (this machine's speed drifts by 20 % within minutes).
The files are a sample of the corpus: raw pdfplumber reads ~10–20 pages a second, so the whole corpus
would take longer than the nightly runs being measured. The sample's figures are also checked against
the generated expectations, so a faster extractor that got worse shows up here.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from benchmarks.baselines import passes, raw_pdfplumber, raw_pypdfium2, raw_python_docx, spread
from benchmarks.corpus import GeneratedReport


@dataclass
class Throughput:
    label: str
    units: int  # pages or documents
    seconds: list[float]  # one per pass

    @property
    def per_s(self) -> float:
        return self.units / median(self.seconds)

    @property
    def spread(self) -> float:
        return spread(self.seconds)

    def to_dict(self) -> dict:
        return {
            "units": self.units,
            "median_s": round(median(self.seconds), 4),
            "per_s": round(self.per_s, 2),
            "spread": round(self.spread, 3),
        }


@dataclass
class ExtractMeasures:
    pdf: dict[str, Throughput] = field(default_factory=dict)  # pdfplumber, pypdfium2, thidua
    docx: dict[str, Throughput] = field(default_factory=dict)  # python-docx, thidua
    stages_s: dict[str, float] = field(default_factory=dict)  # one pass of thidua over both samples
    pipeline_start_s: float = 0.0
    quality: dict = field(default_factory=dict)  # precision, recall, unit+year on the sample

    def ratio(self, kind: str, baseline: str) -> float | None:
        table = self.pdf if kind == "pdf" else self.docx
        if "thidua" not in table or baseline not in table:
            return None
        ours, theirs = table["thidua"], table[baseline]
        # paired by pass: the passes interleave, so each ratio compares runs minutes apart at most
        ratios = [
            (ours.units / mine) / (theirs.units / other)
            for mine, other in zip(ours.seconds, theirs.seconds, strict=True)
        ]
        return round(median(ratios), 3)


def sample(reports: Sequence[GeneratedReport], kind: str, pages: int, at_most: int) -> list[GeneratedReport]:
    """Reports of one format in corpus order until ``pages`` pages (or ``at_most`` files) are taken."""
    chosen, total = [], 0
    for report in reports:
        if report.format == kind and total < pages and len(chosen) < at_most:
            chosen.append(report)
            total += report.pages
    return chosen


def measure_extract(
    reports: Sequence[GeneratedReport], *, sample_pages: int, sample_docx: int, repeat: int
) -> ExtractMeasures:
    from extractors import timing
    from extractors.extract import extract_file
    from extractors.pipeline import build_pipeline

    out = ExtractMeasures()
    start = time.perf_counter()
    build_pipeline()
    out.pipeline_start_s = round(time.perf_counter() - start, 3)
    pdfs = sample(reports, "pdf", sample_pages, 10_000)
    docxs = sample(reports, "docx", 10**9, sample_docx)
    results = {}

    def thidua(path: Path) -> int:
        result = extract_file(path)
        results[path] = result
        return (result.pages or 1) if path.suffix.lower() == ".pdf" else 1  # pages, or one document

    stages: Counter[str] = Counter()
    for kind, files, baselines in (
        ("pdf", [r.path for r in pdfs], {"pdfplumber": raw_pdfplumber, "pypdfium2": raw_pypdfium2}),
        ("docx", [r.path for r in docxs], {"python-docx": raw_python_docx}),
    ):
        if not files:
            continue
        table = out.pdf if kind == "pdf" else out.docx
        works = {**baselines, "thidua": thidua}
        seconds: dict[str, list[float]] = {label: [] for label in works}
        units: dict[str, int] = {}
        for _ in range(repeat):  # interleaved: a machine whose speed drifts slows every side alike
            for label, work in works.items():
                timing.take()
                times, units[label] = passes(files, work, 1)
                seconds[label] += times
                if label == "thidua":
                    stages.update({k: v / repeat for k, v in timing.take().items()})
        for label in works:
            table[label] = Throughput(label, units[label], seconds[label])
    out.stages_s = {k: round(v, 3) for k, v in sorted(stages.items())}
    out.quality = _quality(pdfs + docxs, results)
    return out


def _quality(reports: Sequence[GeneratedReport], results: dict) -> dict:
    from extractors.evaluate import Score, score_document

    score = Score()
    for report in reports:
        expected = json.loads(report.expected_path.read_text(encoding="utf-8"))
        score_document(results[report.path], expected, score)
    precision, recall, f1 = score.prf()
    return {
        "documents": score.documents,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "unit_year_right": score.identity_ok,
        "wrong_values": score.wrong_values,
        "wrong_values_flagged": score.wrong_flagged,
    }
