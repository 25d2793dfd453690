"""Extraction of one report: read -> identify unit and year -> candidates from prose and tables ->
resolve into one figure per indicator with flags. Pure library: no database, no Prefect."""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractors import timing
from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import load_catalogues
from extractors.document import Document, Paragraph, Table, UnreadableDocument
from extractors.parts import sum_award_lines
from extractors.periods import heading_period, says_whole_year, title_period
from extractors.pipeline import build_pipeline
from extractors.readers import read_document
from extractors.reading import reading
from extractors.resolve import choose, cross_check, missing_required
from extractors.table_grid import is_unit_line
from extractors.tables import TableReader
from extractors.unit_year import identify
from extractors.value_boxes import prose_boxes, table_boxes
from extractors.version import extractor_version
from models.records import DocumentResult
from models.text import fold_key
from models.units import UnitRegistry, default_registry

log = logging.getLogger(__name__)
_HEADING_MAX = 160
_RULES = "thidua_rules"
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "a", "b", "c", "d"}


def analyse(nlp: Language, text: str) -> Doc:
    """``text`` through the components before the rules: tokens, quantities, sentences, phrases. They
    do not depend on the block's context, so one analysis serves a heading and its rules."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == _RULES:
            break
        doc = component(doc)
    return doc


def run_rules(nlp: Language, text: str, ctx: BlockContext, analysed: Doc | None = None) -> list[Candidate]:
    """Candidates of one piece of prose (a paragraph or a table row read as a sentence); ``analysed`` is
    ``analyse(nlp, text)`` when the caller already has it."""
    doc = analysed if analysed is not None else analyse(nlp, text)
    reading(doc).context = ctx
    names = nlp.pipe_names
    for _, component in nlp.pipeline[names.index(_RULES) :]:
        doc = component(doc)
    candidates = reading(doc).candidates
    for cand in candidates:
        cand.locator = ctx.locator
        mark_repairs(cand, ctx.repairs)
    return candidates


# Text read by OCR or converted from a legacy encoding is less certain: a digit may be misread.
REPAIR_CONFIDENCE = {"ocr_text": 0.8, "repaired_text": 0.9}


def mark_repairs(cand: Candidate, repairs: tuple[str, ...]) -> None:
    for code in repairs:
        if code not in cand.flags:
            cand.flags.append(code)
            cand.confidence = round(cand.confidence * REPAIR_CONFIDENCE.get(code, 1.0), 3)


class _Sections:
    """Tracks headings: the plans section (no results below it) and the topic a heading names."""

    def __init__(self, nlp: Language, report_year: int | None) -> None:
        self.nlp = nlp
        self.year = report_year
        lex = load_catalogues().lexicon
        self.open_words, self.close_words = lex.future_open, lex.future_close
        self.future = False
        self.body_started = False
        self.topic: str | None = None
        self.period: date | None = None  # the period a top-level heading names ("I. KẾT QUẢ 6 THÁNG …")
        self.period_heading = ""

    def heading(self, para: Paragraph, analysed: Doc | None = None) -> bool:
        """Update the section state from a heading; True when ``para`` is one. ``analysed`` is
        ``analyse(nlp, para.text)`` when the caller already has it."""
        text = para.text.strip()
        if len(text) > _HEADING_MAX or not text:
            self.body_started = self.body_started or bool(text)
            return False
        key = f" {fold_key(text)} "
        words = key.split()
        first = words[0] if words else ""
        numbered = first in _ROMAN or first == "phan" or (first.isdigit() and len(first) <= 2)
        styled = para.bold or (para.style or "").lower().startswith(("heading", "title"))
        if not (numbered or styled or (text.isupper() and len(text) > 6)):
            return False
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        names_future = any(f" {w} " in key for w in self.open_words)
        later_year = bool(years and self.year and max(years) > self.year)
        # The title ("… năm 2021 và phương hướng, nhiệm vụ năm 2022") comes before the body: it opens nothing.
        if self.body_started and names_future and (later_year or not years or " phuong huong " in key):
            self.future = True
        elif numbered or any(key.strip().startswith(w) for w in self.close_words):
            self.future = False
        self.body_started = self.body_started or numbered
        period = heading_period(text, self.year) if self.body_started else None
        if period is not None:
            self.period, self.period_heading = period, text
        elif first in _ROMAN or first == "phan":  # a new part: its own period, or the report's
            self.period, self.period_heading = None, ""
        doc = analysed if analysed is not None and text == para.text else analyse(self.nlp, text)
        topics = [name for h in reading(doc).hits for kind, name in h.roles if kind == "topic"]
        self.topic = topics[-1] if topics else None
        return True


def _context_period(cand: Candidate, as_of: date | None, source: str | None) -> None:
    """A figure whose own sentence or row names no period, in a section or a report for part of the
    year, covers that part, unless its sentence or row says the whole year ("ước cả năm")."""
    if as_of is None or cand.as_of is not None or says_whole_year(cand.text):
        return
    cand.as_of = as_of
    cand.notes.append(f"period taken from {source}: to {as_of.isoformat()}")


def extract_document(doc: Document, registry: UnitRegistry | None = None) -> DocumentResult:
    registry = registry or default_registry()
    nlp = build_pipeline()
    vers = extractor_version()
    ident = identify(doc, registry)
    result = DocumentResult(
        path=doc.path,
        sha256=doc.sha256,
        format=doc.format,
        status="ok",
        unit=ident.unit_ref(),
        proposed_unit=ident.proposed,
        year=ident.year,
        pages=doc.pages,
        extractor_version=vers,
        notes=[*doc.warnings, *ident.notes],
    )
    if ident.proposed is not None:
        result.flags.append("unknown_unit")  # the note of unit_year says which body and how to register it
    elif ident.unit is None:
        result.flags.append("missing_required")
        result.notes.append("the submitting unit was not found in the issuer block or title")
    if ident.year is None:
        result.flags.append("missing_required")
        result.notes.append("the report year was not found in the title or signing date")

    level = ident.level
    sections = _Sections(nlp, ident.year)
    texts = [b.text for b in doc.blocks[:25] if isinstance(b, Paragraph)]
    title_as_of, title = title_period(texts, ident.year)

    def period() -> tuple[date | None, str | None]:
        if sections.period is not None:
            return sections.period, f"the section heading «{sections.period_heading[:80]}»"
        if title_as_of is not None:
            return title_as_of, f"the report's title «{title[:80]}»"
        return None, None

    tables = TableReader(load_catalogues(), lambda text, ctx: run_rules(nlp, text, ctx))
    candidates: list[Candidate] = []
    previous_text = ""
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            analysed = analyse(nlp, block.text)
            # updates the section state; a numbered heading may hold figures too
            sections.heading(block, analysed)
            ctx = BlockContext(
                ident.year, sections.future, sections.topic, block.locator, level, block.repairs
            )
            found = run_rules(nlp, block.text, ctx, analysed)
            prose_boxes(block, analysed, found)
            previous_text = block.text
        elif isinstance(block, Table):
            ctx = BlockContext(ident.year, sections.future, sections.topic, None, level)
            unit_line = previous_text if is_unit_line(previous_text) else None
            repairs = tuple(dict.fromkeys(r for cell in block.cells for r in cell.repairs))
            found = tables.candidates(block, ctx, unit_line)
            table_boxes(block, found)
            for cand in found:
                mark_repairs(cand, repairs)
        else:
            continue
        as_of, source = period()
        for cand in found:
            _context_period(cand, as_of, source)
        candidates += found

    with timing.stage("resolve"):
        candidates = sum_award_lines(doc.blocks, candidates, load_catalogues())
        figures = choose(candidates, doc.sha256, vers)
        result.figures = cross_check(figures, level, doc.sha256, vers)
    missing = missing_required(result.figures)
    if missing:
        result.flags.append("missing_required")
        result.notes.append("required indicators not found: " + ", ".join(missing))
    result.flags = list(dict.fromkeys(result.flags))
    return result


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract_file(path: str | Path, registry: UnitRegistry | None = None) -> DocumentResult:
    """Extract one file. A file at fault (unreadable, hostile, not a report format) comes back ``rejected``
    with a message for its submitter; a fault of thidua's (a bug, a crash on a valid file) is raised, so
    that the caller can retry it and report it as ``failed`` — never blame the file for it."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "unknown"
    try:
        with timing.stage("read"):
            document = read_document(path)
    except UnreadableDocument as exc:
        sha = sha256_of(path) if path.is_file() else ""
        return DocumentResult(
            path=str(path),
            sha256=sha,
            format=fmt,
            status="rejected",
            error=str(exc),
            extractor_version=extractor_version(),
        )
    with timing.stage("rules"):  # the resolve stage inside it is timed on its own
        return extract_document(document, registry)


def failure_message(path: str | Path, exc: BaseException) -> str:
    """What a ``failed`` result says: the fault is thidua's, the file is kept, whom to tell."""
    return (
        f"{path}: thidua could not process this report ({type(exc).__name__}: {exc}). "
        "This is a fault in thidua, not in the file: it is kept and will be retried; "
        "if it fails again, send it to the maintainers"
    )


def extract_path(path: str | Path, registry: UnitRegistry | None = None) -> DocumentResult:
    """Extract one file and never raise: a file at fault is ``rejected`` with the reason, a fault of
    thidua's is ``failed`` (see :func:`extract_file`), so one report never stops a batch."""
    try:
        return extract_file(path, registry)
    except Exception as exc:  # a bug of ours must not stop the batch; the message says whom to tell
        log.exception("extraction failed for %s", path)
        path = Path(path)
        return DocumentResult(
            path=str(path),
            sha256=sha256_of(path) if path.is_file() else "",
            format=path.suffix.lower().lstrip(".") or "unknown",
            status="failed",
            error=failure_message(path, exc),
            extractor_version=extractor_version(),
        )
