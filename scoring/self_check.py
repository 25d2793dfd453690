"""A unit's self-scores against the scale and against thidua's own score.

Each line of a self-score sheet (:mod:`extractors.self_score`) is matched to the cluster-year's
configuration: by number when the sheet uses the scale's ids ("A1", "a.1"), else by name — the folded
words the line and a criterion share, over the words of the shorter, at least ``NAME_MATCH`` and clearly
ahead of the next best (a near tie is left unmatched rather than guessed). Bonus and deduction lines are
matched among the scale's bonus items and deductions. A reviewer may override any match (``overrides``:
line number or label -> criterion id), and the match is shown with its way ("number", "name", "override").

Findings, each with both numbers and both sources for the review queue:

* ``above_max`` — a self-score above the criterion's maximum (the scale's; for a bonus line the sheet's);
* ``total_mismatch`` — a written total that is not the sum of the lines (criteria + bonus − deductions);
* ``differs`` — a self-score that differs from thidua's computed points by more than the scale's
  ``self_score_margin`` (``[self_score] margin``, 0.5 points unless the configuration says otherwise);
* ``unmatched`` — a scored line no criterion could be matched to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from extractors.numbers import format_short as vn
from extractors.self_score import SelfScoreSheet, SheetLine
from models.text import fold_key
from scoring.config import ScoringConfig
from scoring.entries import target_kind, verified_targets
from scoring.score import UnitScore

NAME_MATCH = 0.6  # share of the shorter name's words the two names must share
CLEAR_LEAD = 0.15  # the best name match must lead the second by this much
_STOP = {"va", "cac", "cua", "cho", "voi", "so", "ty", "le", "diem", "trong", "nam", "theo", "duoc"}


@dataclass(frozen=True)
class Match:
    line: SheetLine
    target: str | None  # criterion id, "bonus.<id>", "deduction.<id>"; None: unmatched
    how: str | None  # "number" | "name" | "override"
    similarity: float = 0.0


@dataclass(frozen=True)
class Finding:
    kind: str  # above_max | total_mismatch | differs | unmatched
    target: str | None
    text_vi: str  # names "điểm tự chấm" and, where there is one, the computed score
    self_score: float | None
    other: float | None  # the maximum, the sum of the lines or the computed points
    line: SheetLine | None


def _words(text: str) -> set[str]:
    return {w for w in fold_key(text).split() if w not in _STOP and not w.isdigit()}


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _targets(config: ScoringConfig, kind: str) -> dict[str, str]:
    """Target id -> its Vietnamese name, for the kind of line."""
    return {key: name for key, (name, _) in verified_targets(config).items() if target_kind(key) == kind}


def match_line(line: SheetLine, config: ScoringConfig, overrides: Mapping[str, str] | None = None) -> Match:
    targets = _targets(config, line.kind)
    for key in (line.number, line.label):
        if overrides and key and key in overrides:
            return Match(line, overrides[key], "override", 1.0)
    number = fold_key(line.number).replace(" ", "").upper()
    by_id = {t.replace(".", "").upper(): t for t in targets}
    if number in by_id:
        return Match(line, by_id[number], "number", 1.0)
    ranked = sorted(((_similarity(line.label, name), t) for t, name in targets.items()), reverse=True)
    if (
        ranked
        and ranked[0][0] >= NAME_MATCH
        and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= CLEAR_LEAD)
    ):
        return Match(line, ranked[0][1], "name", round(ranked[0][0], 3))
    return Match(line, None, None, round(ranked[0][0], 3) if ranked else 0.0)


def match_sheet(
    sheet: SelfScoreSheet, config: ScoringConfig, overrides: Mapping[str, str] | None = None
) -> list[Match]:
    return [match_line(line, config, overrides) for line in sheet.scored()]


def check_sheet(
    sheet: SelfScoreSheet,
    config: ScoringConfig,
    computed: UnitScore | None,
    *,
    margin: float | None = None,
    overrides: Mapping[str, str] | None = None,
) -> tuple[list[Match], list[Finding]]:
    """Matches and findings of a unit's sheet; ``computed`` is thidua's score of the unit (None: not yet).
    ``margin``: the scale's ``self_score_margin`` unless given (a what-if from the command line)."""
    margin = config.self_score_margin if margin is None else margin
    matches = match_sheet(sheet, config, overrides)
    maxima = {c.id: c.max for c in config.criteria}
    findings: list[Finding] = []
    for m in matches:
        line, own = m.line, m.line.self_score
        if m.target is None:
            findings.append(
                Finding(
                    "unmatched",
                    None,
                    f"Dòng «{line.label}» (điểm tự chấm {vn(own or 0)}) không khớp tiêu chí "
                    "nào của thang điểm; hãy chọn tiêu chí tương ứng",
                    own,
                    None,
                    line,
                )
            )
            continue
        if own is None:
            continue
        # the scale's maximum rules over a sheet that claims more; bonus lines have only the sheet's
        ceiling = maxima.get(m.target, line.max)
        if ceiling is not None and own > ceiling + 1e-9:
            findings.append(
                Finding(
                    "above_max",
                    m.target,
                    f"Điểm tự chấm {vn(own)} của «{line.label}» vượt điểm chuẩn {vn(ceiling)} ({m.target})",
                    own,
                    ceiling,
                    line,
                )
            )
        points = computed.criteria[m.target].points if computed and m.target in computed.criteria else None
        if points is not None and abs(own - points) > margin + 1e-9:
            findings.append(
                Finding(
                    "differs",
                    m.target,
                    f"Điểm tự chấm {vn(own)} của «{line.label}» khác điểm thidua tính "
                    f"{vn(points)} ({m.target}, lệch {vn(abs(own - points))} > {vn(margin)} điểm)",
                    own,
                    points,
                    line,
                )
            )
    total = sheet.total
    if total is not None and total.self_score is not None:
        lines = [m.line for m in matches if m.line.self_score is not None]
        summed = sum(-ln.self_score if ln.kind == "deduction" else ln.self_score for ln in lines)
        if abs(summed - total.self_score) > 0.01:
            findings.append(
                Finding(
                    "total_mismatch",
                    None,
                    f"Tổng điểm tự chấm {vn(total.self_score)} không bằng tổng các dòng {vn(summed)}",
                    total.self_score,
                    round(summed, 2),
                    total,
                )
            )
    return matches, findings


__all__ = ["Finding", "Match", "check_sheet", "match_line", "match_sheet"]
