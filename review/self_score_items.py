"""Self-score findings as items of the review queue: pure functions over what the store gives.

Each member's current self-score sheet (bảng tự chấm) is checked against thidua's computed score by
:func:`scoring.self_check.check_sheet`; every finding becomes an item keyed ``tu-cham:<sheet id>:<line>``
with both numbers and both sources: the sheet's file and the table row (and page) the line was read
from, and the report figures the criterion was computed from. The comparison is with what thidua
computed, never with the chair's verified score (that would hide the difference being verified).

An item is settled once the chair has a verified entry for that unit and criterion recorded after the
sheet was read (a total that is not the sum of its lines: once every matched line is verified so). The
margin is the cluster-year's scale's (``ScoringConfig.self_score_margin``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from extractors.numbers import format_short as vn
from extractors.self_score import SelfScoreSheet, stored_lines
from models.clusters import Cluster
from models.vocabulary import INDICATORS
from scoring.config import ScoringConfig
from scoring.score import ClusterScore, UnitScore
from scoring.self_check import Finding, check_sheet

REASON = "tu-cham"
REASON_VI = "điểm tự chấm cần xem"


@dataclass(frozen=True)
class SelfScoreItem:
    key: str  # "tu-cham:<sheet id>:<line number>"
    cluster_key: str
    cluster_id: str
    year: int
    unit_id: str
    unit_name: str
    finding: str  # above_max | total_mismatch | differs | unmatched
    target: str | None
    text_vi: str  # names "điểm tự chấm" and the computed score
    self_score: float | None
    other: float | None  # the maximum, the sum of the lines or the computed points
    sheet_source_vi: str  # the sheet's file name, table row and page, and who sent it
    computed_source_vi: str  # the report figures the criterion was computed from
    settled: bool

    @property
    def href(self) -> str:
        return f"/tham-dinh/{self.cluster_id}/{self.year}#{self.unit_id}"


def as_computed(unit: UnitScore) -> UnitScore:
    """The unit's score with thidua's computed points where the chair verified a criterion."""
    criteria = {
        cid: dataclasses.replace(cs, points=cs.verified_from) if cs.verified else cs
        for cid, cs in unit.criteria.items()
    }
    return dataclasses.replace(unit, criteria=criteria)


def sheet_of(row: Any) -> SelfScoreSheet:
    """A stored sheet reading back as the reader's :class:`SelfScoreSheet`."""
    return SelfScoreSheet(path=row.original_name, lines=stored_lines(row.lines))


def line_source(name: str, line: Any) -> str:
    where = line.locator
    if where is None:
        return name
    table, _, row = where.block.partition(".")
    text = f"{name}, bảng {table.lstrip('t')}" + (f" dòng {row.lstrip('r')}" if row else "")
    return text + (f", trang {where.page}" if where.page else "")


def computed_source(config: ScoringConfig, unit: UnitScore | None, target: str | None) -> str:
    """In words, the inputs thidua computed the criterion from (report figures and manual inputs)."""
    if unit is None:
        return "chưa có điểm thidua tính (chưa có báo cáo)"
    ids = {c.id: c for c in config.criteria}
    if target not in ids:
        return "tổng các tiêu chí thidua tính" if target is None else f"{target}: từ số liệu nhập tay"
    refs = []
    for ref in ids[target].source.values():
        refs += list(ref) if isinstance(ref, tuple) else [ref]
    parts = []
    for ref in refs:
        label = INDICATORS[ref].label_vi if ref in INDICATORS else ref.replace("manual.", "nhập tay: ")
        value = unit.inputs.get(ref)
        shown = "chưa có" if value is None else (vn(value) if not isinstance(value, bool) else str(value))
        parts.append(f"«{label}» = {shown}")
    return f"{target} tính từ báo cáo: " + "; ".join(parts) if parts else target


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _line_key(finding: Finding, index: int) -> str:
    if finding.kind == "total_mismatch":
        return "tong"
    number = (finding.line.number if finding.line else "") or f"#{index}"
    return f"{number}:{finding.kind}" if finding.kind != "differs" else number


def unit_items(
    cluster: Cluster,
    config: ScoringConfig,
    row: Any,
    computed: UnitScore | None,
    entries: Mapping[tuple[str, str, str], Any],
    unit_name: str,
) -> list[SelfScoreItem]:
    """The items of one unit's current sheet (``row``: a stored SelfScoreSheet)."""
    matches, findings = check_sheet(
        sheet_of(row),
        config,
        as_computed(computed) if computed else None,
        overrides=row.matches or None,
    )
    read_at = _aware(row.read_at)

    def verified_after(target: str | None) -> bool:
        entry = entries.get((row.unit_id, "verified", target)) if target else None
        return entry is not None and entry.new_value is not None and _aware(entry.decided_at) >= read_at

    targets = [m.target for m in matches if m.target]
    items = []
    for index, f in enumerate(findings):
        if f.kind == "total_mismatch":
            settled = bool(targets) and all(verified_after(t) for t in targets)
        else:
            settled = verified_after(f.target)
        items.append(
            SelfScoreItem(
                key=f"tu-cham:{row.id}:{_line_key(f, index)}",
                cluster_key=cluster.key,
                cluster_id=cluster.id,
                year=cluster.year,
                unit_id=row.unit_id,
                unit_name=unit_name,
                finding=f.kind,
                target=f.target,
                text_vi=f.text_vi,
                self_score=f.self_score,
                other=f.other,
                sheet_source_vi=(line_source(row.original_name, f.line) if f.line else row.original_name)
                + f" (gửi bởi {row.stored_by})",
                computed_source_vi=computed_source(config, computed, f.target),
                settled=settled,
            )
        )
    return items


def self_score_items(
    cluster: Cluster,
    config: ScoringConfig,
    sheets: Mapping[str, Any],
    result: ClusterScore | None,
    entries: Mapping[tuple[str, str, str], Any],
    unit_name: Callable[[str], str],
    *,
    include_settled: bool = False,
) -> list[SelfScoreItem]:
    """Every member's self-score items of the cluster-year, in the members' order."""
    scored = {u.unit_id: u for u in result.units} if result else {}
    out = []
    for unit_id in cluster.members:
        if unit_id in sheets:
            found = unit_items(
                cluster, config, sheets[unit_id], scored.get(unit_id), entries, unit_name(unit_id)
            )
            out += [i for i in found if include_settled or not i.settled]
    return out


def collect(
    store: Any, clusters: list[Cluster], manual_dir: Any, *, include_settled: bool = False, long: Any = None
) -> list[SelfScoreItem]:
    """The items of ``clusters`` from the store (the one call the queue page and the CLI share; it scores
    each cluster-year that has sheets, without recording). ``long``: the current figures' long table when
    the caller has it (the queue's snapshot), read once for every cluster-year."""
    from models.units import default_registry
    from scoring.config import config_for
    from scoring.service import score_cluster_year

    name = default_registry().name_of
    out: list[SelfScoreItem] = []
    for cluster in clusters:
        sheets = store.current_self_score_sheets(cluster.key)
        if not sheets:
            continue
        result = score_cluster_year(store, cluster, manual_dir, record=False, long=long).result
        entries = store.entries_in_force(cluster.key)
        out += self_score_items(
            cluster,
            config_for(cluster),
            sheets,
            result,
            entries,
            name,
            include_settled=include_settled,
        )
    return out


@dataclass(frozen=True)
class CompareRow:
    """One criterion of a unit side by side: the self-score, thidua's points, the verified score."""

    target: str  # criterion id, "bonus.<id>", "deduction.<id>"
    name_vi: str
    max: float | None
    self_score: float | None
    line_number: str | None  # the sheet's line matched to it
    how: str | None  # "number" | "name" | "override"
    computed: float | None  # thidua's own points (before any verification)
    verified: float | None  # the chair's verified score in force
    findings: tuple[str, ...]


def compare_rows(
    config: ScoringConfig,
    row: Any | None,
    computed: UnitScore | None,
    entries: Mapping[tuple[str, str, str], Any],
    unit_id: str,
    margin: float | None = None,
) -> tuple[list[CompareRow], list[Finding]]:
    """Every criterion, bonus item and deduction of the scale for one unit, and the sheet's findings
    (``row``: the unit's current sheet, None when it sent none)."""
    from scoring.entries import verified_targets

    plain = as_computed(computed) if computed else None
    matches, findings = ([], [])
    if row is not None:
        matches, findings = check_sheet(
            sheet_of(row), config, plain, margin=margin, overrides=row.matches or None
        )
    by_target = {m.target: m for m in matches if m.target}
    out = []
    for target, (name, ceiling) in verified_targets(config).items():
        m = by_target.get(target)
        if plain is None:
            points = None
        elif target in plain.criteria:
            points = plain.criteria[target].points
        elif target.startswith("bonus."):
            points = plain.verified_items.get(target, plain.bonus_items.get(target[6:]))
        else:
            points = plain.verified_items.get(target, plain.deduction_items.get(target[10:]))
        entry = entries.get((unit_id, "verified", target))
        out.append(
            CompareRow(
                target=target,
                name_vi=name,
                max=ceiling,
                self_score=m.line.self_score if m else None,
                line_number=m.line.number if m else None,
                how=m.how if m else None,
                computed=points,
                verified=entry.new_value if entry is not None else None,
                findings=tuple(f.text_vi for f in findings if f.target == target),
            )
        )
    return out, findings


def rematch(store: Any, cluster: Cluster, unit_id: str, chosen: Mapping[str, str], by: str) -> int:
    """Change which criterion sheet lines count for (``chosen``: line number -> criterion id, "bonus.<id>"
    or "deduction.<id>"): a new reading of the unit's current sheet with the new matches, append-only, by
    ``by``. Returns how many lines changed (0: nothing recorded). ValueError (in Vietnamese) for a unit
    without a sheet, a line the sheet does not have, or a criterion the scale does not have."""
    from scoring.config import config_for
    from scoring.entries import verified_targets
    from scoring.self_check import match_sheet

    row = store.current_self_score_sheets(cluster.key).get(unit_id)
    if row is None:
        raise ValueError(f"Đơn vị {unit_id} chưa có bảng tự chấm cho {cluster.name} năm {cluster.year}.")
    config = config_for(cluster)
    allowed = set(verified_targets(config))
    current = {
        (m.line.number or m.line.label): m.target for m in match_sheet(sheet_of(row), config, row.matches)
    }
    unknown = sorted(set(chosen) - set(current))
    if unknown:
        raise ValueError(f"Bảng tự chấm không có dòng {', '.join(unknown)}; có: {', '.join(current)}.")
    matches, changed = dict(row.matches or {}), 0
    for line_key, target in chosen.items():
        target = target.strip()
        if not target or target == (current[line_key] or ""):
            continue
        if target not in allowed:
            raise ValueError(f"Không có tiêu chí «{target}» trong thang điểm {config.version}.")
        matches[line_key] = target
        changed += 1
    if changed:
        store.record_self_score_sheet(
            sha256=row.sha256,
            unit_id=row.unit_id,
            year=row.year,
            cluster_key=row.cluster_key,
            original_name=row.original_name,
            lines=stored_lines(row.lines),
            upload_id=row.upload_id,
            matches=matches,
            by=by,
        )
    return changed
