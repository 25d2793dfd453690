"""Resolution: one figure per indicator per document, derived values, cross-checks and flags.

Choosing: full-year values beat partial-period ones, then higher confidence; a table value gets a small
preference over prose (appendix tables are the official figures). Candidates that agree reinforce each
other; one that disagrees raises ``conflict`` and is kept as an alternative for the reviewer.
Cross-checks: plan × attainment against actual (> 2 % apart -> ``arithmetic``, the stated value kept),
targets_met ≤ targets_total (``inconsistent``), plausible ranges per unit level (``out_of_range``),
cut-off dates (``partial_period``), confidence below ``LOW_CONFIDENCE`` (``low_confidence``).
"""

from __future__ import annotations

from collections import defaultdict

from extractors.candidates import Candidate
from models.records import Figure, Source
from models.vocabulary import INDICATORS, REASONS

LOW_CONFIDENCE = 0.65
ARITHMETIC_TOLERANCE = 0.02
TABLE_PREFERENCE = 0.05


def same_value(a: float, b: float, unit: str) -> bool:
    if unit == "VND":
        return abs(a - b) <= max(abs(a), abs(b)) * 0.0005
    if unit == "%":
        return abs(a - b) < 0.011
    return a == b


def _score(c: Candidate) -> tuple[bool, float]:
    return (c.as_of is None, c.confidence + (TABLE_PREFERENCE if c.origin == "table" else 0.0))


def _figure(c: Candidate, sha256: str, version: str) -> Figure:
    loc = c.locator
    return Figure(
        indicator=c.indicator,
        value=c.value,
        unit=c.unit,
        year=c.year,
        confidence=round(c.confidence, 3),
        source=Source(
            sha256=sha256,
            block=loc.block if loc else "",
            text=c.text,
            page=loc.page if loc else None,
            bbox=loc.bbox if loc else None,
            span=c.span,
            value_page=c.value_page if c.value_bbox else None,
            value_bbox=c.value_bbox,
            label_bbox=c.label_bbox if c.value_bbox else None,
        )
        if loc or c.text
        else None,
        extractor_version=version,
        as_of=c.as_of,
        is_estimate=c.is_estimate,
        basis=c.basis,
        hedge=c.hedge,
        derived=c.derived,
        notes=list(c.notes),
        flags=list(c.flags),
    )


def _flag(fig: Figure, code: str, note: str) -> None:
    if code not in REASONS:
        raise KeyError(f"unknown reason {code!r}; known: {', '.join(REASONS)}")
    if code not in fig.flags:
        fig.flags.append(code)
    fig.notes.append(note)


def choose(cands: list[Candidate], sha256: str, version: str) -> list[Figure]:
    by_indicator: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_indicator[c.indicator].append(c)
    figures = []
    for code in INDICATORS:
        group = sorted(by_indicator.get(code, []), key=_score, reverse=True)
        if not group:
            continue
        best = group[0]
        fig = _figure(best, sha256, version)
        agree = [c for c in group[1:] if same_value(c.value, best.value, best.unit)]
        disagree = [c for c in group[1:] if not same_value(c.value, best.value, best.unit)]
        if agree:
            fig.confidence = round(min(0.99, fig.confidence + 0.03 * len(agree)), 3)
        fig.alternatives = [c.describe() for c in group[1:]]
        full_year_rivals = [c for c in disagree if c.as_of is None or best.as_of is not None]
        if full_year_rivals:
            values = ", ".join(str(c.value) for c in full_year_rivals[:3])
            _flag(fig, "conflict", f"the report also gives {values} for this indicator")
        figures.append(fig)
    return figures


def cross_check(figures: list[Figure], level: str | None, sha256: str, version: str) -> list[Figure]:
    """Derive what is missing, then flag what does not add up. Returns the figures (derived ones added)."""
    by = {f.indicator: f for f in figures}
    actual, plan = by.get("budget_revenue_actual"), by.get("budget_revenue_plan")
    pct = by.get("budget_revenue_attainment_pct")
    if actual and plan and plan.value and pct is None:
        value = round(actual.value / plan.value * 100, 2)
        pct = Figure(
            indicator="budget_revenue_attainment_pct",
            value=value,
            unit="%",
            year=actual.year,
            confidence=round(min(actual.confidence, plan.confidence), 3),
            source=None,
            extractor_version=version,
            basis="estimate",
            derived=True,
            as_of=actual.as_of,
            notes=[f"computed as actual / plan × 100 = {actual.value:,} / {plan.value:,} × 100"],
        )
        figures.append(pct)
        by[pct.indicator] = pct
    elif actual and plan and pct and plan.value:
        expected = plan.value * pct.value / 100
        if abs(expected - actual.value) > ARITHMETIC_TOLERANCE * actual.value:
            _flag(
                pct,
                "arithmetic",
                f"plan × {pct.value}% = {expected:,.0f} VND but the stated actual is {actual.value:,} VND",
            )
    for part in list(figures):  # "X of Y" pairs of the vocabulary (at_most): targets, schools, …
        whole = by.get(INDICATORS[part.indicator].at_most or "")
        if whole is not None and part.value > whole.value:
            for fig in (part, whole):
                _flag(
                    fig,
                    "inconsistent",
                    f"{INDICATORS[part.indicator].label_en} ({part.value:g}) exceed "
                    f"{INDICATORS[whole.indicator].label_en} ({whole.value:g})",
                )
    for fig in figures:
        rng = INDICATORS[fig.indicator].plausible_range(level)
        if rng and not (rng[0] <= fig.value <= rng[1]):
            _flag(
                fig,
                "out_of_range",
                f"{fig.value:,} is outside the plausible range {rng[0]:,.0f}–{rng[1]:,.0f}",
            )
        if fig.as_of is not None:
            _flag(fig, "partial_period", f"value is cut off at {fig.as_of.isoformat()}, not the whole year")
        if fig.confidence < LOW_CONFIDENCE:
            _flag(fig, "low_confidence", f"confidence {fig.confidence:.2f} is below {LOW_CONFIDENCE}")
    return figures


def missing_required(figures: list[Figure]) -> list[str]:
    present = {f.indicator for f in figures}
    return [code for code, ind in INDICATORS.items() if ind.required and code not in present]
