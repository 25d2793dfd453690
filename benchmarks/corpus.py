"""A reproducible corpus of distinct benchmark reports, for measuring the pipeline at a province's scale.

    from benchmarks.corpus import CorpusSpec, generate
    spec = CorpusSpec(docs=300, seed=1, pages=(5, 100), pdf_share=0.5, table_page_share=0.25)
    reports = generate(spec, Path("/tmp/corpus"))   # -> list[GeneratedReport]

Every report is written from its own random seed (``"{spec.seed}:{index}"``): its unit and year (only
units and years the registry knows: the six districts 2021–2024, the 25 wards 2025; a unit-year comes
back as resubmissions with other figures), its page count (uniform over ``spec.pages``, so the default
corpus has about 300 × 52.5 ≈ 15 700 pages), its figures and its prose. Beside each report
``NAME.expected.json`` (samples/README.md format) lists the figures it states, so
``python -m extractors.evaluate FOLDER`` scores the extractor on it.

The same spec gives the same bytes, so a corpus is cached: ``generate`` writes ``corpus-manifest.json``
last, and reuses the folder when its manifest names the same spec, generator version (the constant below
and a hash of the generator's source) and fonts, and every file it lists is still there. Otherwise the
files of the old manifest are removed and the corpus is written again; other files are left alone.
"""

from __future__ import annotations

import json
import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date
from hashlib import sha256
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from benchmarks.docx_writer import write_docx
from benchmarks.fonts import FontSet, load_fonts
from benchmarks.pdf_writer import write_pdf
from benchmarks.report import BuiltReport, build_report
from models.units import Unit, default_registry

GENERATOR_VERSION = "1"
MANIFEST = "corpus-manifest.json"
YEARS = range(2021, 2026)
_SOURCES = ("corpus", "fonts", "model", "layout", "templates", "report", "report_text", "report_values",
            "report_figures", "report_tables", "pdf_writer", "docx_writer")  # fmt: skip


@dataclass(frozen=True)
class CorpusSpec:
    """What to generate. ``pages`` is the inclusive range of page counts; ``table_page_share`` the share
    of pages that hold a ruled table (0 writes prose only)."""

    docs: int = 300
    seed: int = 1
    pages: tuple[int, int] = (5, 100)
    pdf_share: float = 0.5
    table_page_share: float = 0.25

    def __post_init__(self) -> None:
        object.__setattr__(self, "pages", tuple(self.pages))  # a list read back from JSON
        lo, hi = self.pages
        if self.docs < 1:
            raise ValueError(f"docs must be at least 1, not {self.docs}")
        if not 2 <= lo <= hi <= 400:
            raise ValueError(f"pages must be a range 2 <= low <= high <= 400, not {self.pages}")
        if not (0.0 <= self.pdf_share <= 1.0 and 0.0 <= self.table_page_share <= 1.0):
            raise ValueError("pdf_share and table_page_share are shares between 0 and 1")


@dataclass(frozen=True)
class GeneratedReport:
    path: Path
    format: str  # "pdf" | "docx"
    pages: int  # the PDF's pages; for a .docx the pages of the layout it was written from
    unit_id: str
    year: int
    expected_path: Path
    version: int = 1  # 2, 3 … for resubmissions of the same unit and year


@dataclass(frozen=True)
class _Job:
    index: int
    seed: str
    unit_id: str
    year: int
    version: int
    format: str
    pages: int
    table_share: float
    folder: str

    @property
    def stem(self) -> str:
        return f"{self.index:04d}-{self.unit_id}-{self.year}-v{self.version}"


def unit_years() -> list[tuple[Unit, int]]:
    """Units and the years they report for: every registry unit valid at the end of a year in YEARS."""
    return [(u, y) for u in default_registry().units for y in YEARS if u.valid_on(date(y, 12, 31))]


def plan(spec: CorpusSpec, folder: Path) -> list[_Job]:
    """The reports of a corpus, decided before anything is written (so the plan alone is reproducible)."""
    rng = random.Random(f"corpus:{spec.seed}")
    pairs = unit_years()
    order: list[tuple[Unit, int]] = []
    while len(order) < spec.docs:  # every unit-year once per round, in a new order each round
        round_ = pairs[:]
        rng.shuffle(round_)
        order += round_
    pdfs = set(rng.sample(range(spec.docs), round(spec.docs * spec.pdf_share)))
    seen: dict[tuple[str, int], int] = {}
    jobs = []
    for i, (unit, year) in enumerate(order[: spec.docs]):
        version = seen[(unit.id, year)] = seen.get((unit.id, year), 0) + 1
        jobs.append(
            _Job(
                index=i,
                seed=f"{spec.seed}:{i}",
                unit_id=unit.id,
                year=year,
                version=version,
                format="pdf" if i in pdfs else "docx",
                pages=rng.randint(*spec.pages),
                table_share=spec.table_page_share,
                folder=str(folder),
            )
        )
    return jobs


def generator_fingerprint() -> str:
    """The generator version and a hash of its source: a changed generator regenerates cached corpora."""
    here = Path(__file__).resolve().parent
    digest = sha256(GENERATOR_VERSION.encode())
    for name in _SOURCES:
        digest.update((here / f"{name}.py").read_bytes())
    return f"{GENERATOR_VERSION}+{digest.hexdigest()[:12]}"


def build(job: _Job, fonts: FontSet, lo: int | None = None, hi: int | None = None) -> BuiltReport:
    """Build the report of ``job``; when the fixed parts overshoot the allowed range, ask for fewer pages."""
    unit = default_registry().get(job.unit_id)
    target = job.pages
    built = build_report(fonts, unit, job.year, job.version, job.seed, target, job.table_share)
    for _ in range(3):
        n = len(built.pages)
        if hi is None or n <= hi or target <= (lo or 2):
            break
        target = max(lo or 2, target - (n - hi))
        built = build_report(fonts, unit, job.year, job.version, job.seed, target, job.table_share)
    return built


def _make(job: _Job, lo: int, hi: int) -> GeneratedReport:
    fonts = load_fonts()
    built = build(job, fonts, lo, hi)
    folder = Path(job.folder)
    path = folder / f"{job.stem}.{job.format}"
    if job.format == "pdf":
        write_pdf(built.pages, fonts, path, title=built.title, author=built.author, when=built.signed)
    else:
        write_docx(
            built.blocks, built.starts, fonts, path, title=built.title, author=built.author, when=built.signed
        )
    expected = folder / f"{job.stem}.expected.json"
    expected.write_text(json.dumps(built.expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return GeneratedReport(path, job.format, len(built.pages), job.unit_id, job.year, expected, job.version)


def _make_star(args: tuple[_Job, int, int]) -> GeneratedReport:
    return _make(*args)


def generate(spec: CorpusSpec, folder: Path, *, workers: int | None = None) -> list[GeneratedReport]:
    """Write the corpus of ``spec`` into ``folder`` (or reuse it, see the module docstring)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fonts = load_fonts()  # before forking: a missing font fails here, once, with its remedy
    identity = {"generator": generator_fingerprint(), "spec": asdict(spec), "fonts": fonts.fingerprint}
    identity = json.loads(json.dumps(identity))  # as read back from the manifest (tuples become lists)
    cached = _cached(folder, identity)
    if cached is not None:
        return cached
    _remove_old(folder)
    jobs = plan(spec, folder)
    args = [(job, *spec.pages) for job in jobs]
    n = min(workers or os.cpu_count() or 1, len(jobs))
    if n <= 1:
        reports = [_make_star(a) for a in args]
    else:
        with ProcessPoolExecutor(n, mp_context=get_context("fork")) as pool:
            reports = list(pool.map(_make_star, args, chunksize=max(1, min(8, len(jobs) // (4 * n)))))
    manifest = {**identity, "reports": [_entry(r, folder) for r in reports]}
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(folder / MANIFEST)
    return reports


def _entry(r: GeneratedReport, folder: Path) -> dict[str, Any]:
    return {
        "path": r.path.name,
        "format": r.format,
        "pages": r.pages,
        "unit_id": r.unit_id,
        "year": r.year,
        "expected_path": r.expected_path.name,
        "version": r.version,
        "bytes": (folder / r.path.name).stat().st_size,
    }


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cached(folder: Path, identity: dict[str, Any]) -> list[GeneratedReport] | None:
    manifest = _read_manifest(folder)
    if manifest is None or any(manifest.get(k) != v for k, v in identity.items()):
        return None
    out = []
    for e in manifest.get("reports", []):
        path, expected = folder / e["path"], folder / e["expected_path"]
        if not (path.is_file() and expected.is_file() and path.stat().st_size == e["bytes"]):
            return None
        out.append(
            GeneratedReport(path, e["format"], e["pages"], e["unit_id"], e["year"], expected, e["version"])
        )
    return out


def _remove_old(folder: Path) -> None:
    """Remove the files an earlier manifest listed (only those: the folder may hold other things)."""
    manifest = _read_manifest(folder)
    if manifest is None:
        return
    for e in manifest.get("reports", []):
        for name in (e.get("path"), e.get("expected_path")):
            if name and "/" not in name and (folder / name).is_file():
                (folder / name).unlink()
    (folder / MANIFEST).unlink(missing_ok=True)
