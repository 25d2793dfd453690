"""The documents a cluster signs, as Word files in the Vietnamese administrative layout (python-docx).

Two documents per cluster-year, both drafts the officials edit in Word before signing:

* :func:`write_summary` — "Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua": every member with its
  points per criteria group, bonus, deductions, total, rank and grade (landscape, the table is wide),
  then what is still missing and the dossiers sent after the deadline (:func:`late_dossiers`: real
  scales deduct for them, and the chair enters that deduction; the document shows what it rests on);
* :func:`write_proposal` — "Tờ trình đề nghị khen thưởng": the units proposed for each title with their
  scores and ranks, the legal basis, addressed to the city's emulation council.

The layout (:mod:`scoring.docx_layout`) is the administrative one: the issuing body is the cluster under
its organiser, the signature the chair's (TM. the cluster, CỤM TRƯỞNG, the head of the chair unit); the
number, the day and the signer's name are left blank for signing. A provisional score (missing inputs)
prints "DỰ THẢO — ĐIỂM TẠM TÍNH" above the title, so an incomplete result is never signed as final.

Both writers write to a temporary file beside the target and ``os.replace`` it into place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from extractors.upload_checks import KIND_VI
from models.clusters import Cluster
from models.vn_time import after_deadline, date_text, hanoi_date
from scoring.config import ScoringConfig
from scoring.docx_layout import (
    Signing,
    document_title,
    issuer_header,
    new_document,
    para,
    ruled_table,
    save,
    signature_block,
    vn,
)
from scoring.score import ClusterScore, UnitScore


def _group_points(config: ScoringConfig, unit: UnitScore) -> dict[str, float | None]:
    """Points per criteria group; None when a criterion of the group could not be scored."""
    out: dict[str, float | None] = {}
    for group in config.groups:
        points = [c.points for c in unit.criteria.values() if c.group == group.id]
        out[group.id] = None if any(p is None for p in points) else sum(p for p in points if p is not None)
    return out


@dataclass(frozen=True)
class LateDossier:
    """A unit's report or self-score sheet that first came after the deadline."""

    unit_id: str
    kind: str  # "report" | "self_score"
    received: date  # the Hà Nội day the first late version came
    on_time: date | None = None  # the day an earlier version came in time: the late one corrects it


def late_dossiers(uploads: Iterable[Any], deadline: date | None) -> list[LateDossier]:
    """Per unit and kind, the first version that came after ``deadline`` (the cluster-year's current
    one: an extended deadline forgives what it now covers), with the day of the last version before it
    that came in time, if any; in the order the files came. ``uploads``: the cluster-year's kept
    uploads (anything with ``unit_id``, ``kind`` and ``received_at``)."""
    first_late: dict[tuple[str, str], LateDossier] = {}
    on_time: dict[tuple[str, str], date] = {}
    for upload in sorted(uploads, key=lambda u: u.received_at):
        key = (upload.unit_id, upload.kind)
        if key in first_late:
            continue
        day = hanoi_date(upload.received_at)
        if after_deadline(upload.received_at, deadline):
            first_late[key] = LateDossier(upload.unit_id, upload.kind, day, on_time.get(key))
        else:
            on_time[key] = day
    return list(first_late.values())


RECIPIENTS = (
    "- Hội đồng Thi đua - Khen thưởng Thành phố;",
    "- Ban Thi đua - Khen thưởng Thành phố;",
    "- Các đơn vị thành viên Cụm;",
    "- Lưu: VT.",
)


def write_summary(
    path: Path,
    cluster: Cluster,
    result: ClusterScore,
    config: ScoringConfig,
    unit_name: Callable[[str], str],
    signing: Signing | None = None,
    late: Sequence[LateDossier] = (),
) -> Path:
    """The summary table of the cluster-year (landscape), written atomically to ``path``."""
    signing = signing or Signing()
    doc = new_document(landscape=True)
    width = 29.7 - 3.0 - 1.5
    issuer_header(doc, cluster, f"BC-{_short(cluster)}", signing, width)
    document_title(
        doc,
        ["BẢNG TỔNG HỢP", f"Kết quả chấm điểm, xếp hạng thi đua năm {cluster.year} của {cluster.name}"],
        result.provisional,
    )
    para(
        doc,
        f"(Theo {_scale_name(config)}; điểm chuẩn tối đa {vn(config.base_max)}, điểm thưởng tối đa "
        f"{vn(config.bonus_cap)})",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        italic=True,
        after=6,
    )
    groups = list(config.groups)
    header = [
        "STT",
        "Đơn vị",
        *[f"{g.id}. {g.name_vi} ({vn(g.max)})" for g in groups],
        "Điểm thưởng",
        "Điểm trừ",
        "Tổng điểm",
        "Xếp hạng",
        "Xếp loại",
    ]
    rows = []
    for n, unit in enumerate(result.units, 1):
        points = _group_points(config, unit)
        total = vn(unit.total) + (" (tạm tính)" if unit.provisional else "")
        rows.append(
            [
                str(n),
                unit_name(unit.unit_id),
                *[vn(points[g.id]) for g in groups],
                vn(unit.bonus),
                vn(unit.deductions),
                total,
                str(unit.rank),
                unit.grade_vi,
            ]
        )
    fixed = 1.0 + 4.2 + 1.7 * 3 + 1.4 + 3.6
    ruled_table(
        doc,
        header,
        rows,
        [1.0, 4.2, *[(width - fixed) / max(1, len(groups))] * len(groups), 1.7, 1.7, 1.7, 1.4, 3.6],
    )
    missing = [u for u in result.units if u.provisional]
    if missing:
        para(doc, "Còn thiếu số liệu:", bold=True, before=6)
        for unit in missing:
            para(doc, f"- {unit_name(unit.unit_id)}: {'; '.join(unit.missing)}", size=11, after=0)
    _late_paragraphs(doc, cluster, late, unit_name)
    para(doc, "", after=6)
    signature_block(doc, cluster, unit_name, signing, RECIPIENTS, width)
    doc.core_properties.title = f"Bảng tổng hợp kết quả chấm điểm thi đua {cluster.name} năm {cluster.year}"
    return save(doc, path)


def proposed_by_title(result: ClusterScore) -> dict[str, list[UnitScore]]:
    """Title -> the units proposed for it, in rank order (titles in the order the scale gives them)."""
    out: dict[str, list[UnitScore]] = {}
    for unit in result.units:
        if unit.proposed_title:
            out.setdefault(unit.proposed_title, []).append(unit)
    return out


def write_proposal(
    path: Path,
    cluster: Cluster,
    result: ClusterScore,
    config: ScoringConfig,
    unit_name: Callable[[str], str],
    signing: Signing | None = None,
) -> Path:
    """The proposal for commendation (tờ trình), written atomically to ``path``."""
    signing = signing or Signing()
    doc = new_document(landscape=False)
    width = 21.0 - 3.0 - 1.5
    issuer_header(doc, cluster, f"TTr-{_short(cluster)}", signing, width)
    by_title = proposed_by_title(result)
    titles = " và ".join(by_title) or "khen thưởng"
    document_title(doc, ["TỜ TRÌNH", f"Về việc đề nghị tặng {titles} năm {cluster.year}"], result.provisional)
    organiser = cluster.organiser_name or cluster.organiser
    para(
        doc,
        f"Kính gửi: Hội đồng Thi đua - Khen thưởng {organiser.removeprefix('UBND ')}.",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=6,
        after=6,
    )
    for basis in (
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
        "hành một số điều của Luật Thi đua, khen thưởng;",
        f"Căn cứ kết quả chấm điểm, bình xét thi đua năm {cluster.year} của {cluster.name} "
        f"(thang điểm {config.version}),",
    ):
        para(doc, basis, italic=True, indent=True)
    para(
        doc,
        f"{cluster.name} kính đề nghị Hội đồng Thi đua - Khen thưởng xem xét, trình "
        f"{organiser} tặng thưởng cho các đơn vị có thành tích xuất sắc trong phong trào thi đua "
        f"năm {cluster.year} như sau:",
        indent=True,
    )
    if not by_title:
        para(
            doc, "Năm nay Cụm không có đơn vị đủ điều kiện đề nghị khen thưởng theo thang điểm.", indent=True
        )
    for n, (title, units) in enumerate(by_title.items(), 1):
        para(doc, f"{n}. {title}: {len(units):02d} đơn vị", bold=True, before=6, indent=True)
        rows = [
            [str(k), unit_name(u.unit_id), vn(u.total), str(u.rank), u.grade_vi]
            for k, u in enumerate(units, 1)
        ]
        ruled_table(
            doc, ["STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại"], rows, [1.2, 6.3, 2.4, 2.2, 4.4]
        )
        candidates = [u for u in units if u.gov_flag_candidate]
        if candidates:
            names = ", ".join(unit_name(u.unit_id) for u in candidates)
            para(
                doc,
                f"Đơn vị dẫn đầu Cụm, đủ điều kiện xét đề nghị Cờ thi đua của Chính phủ: {names}.",
                italic=True,
                indent=True,
                before=3,
            )
    para(
        doc,
        f"(Kèm theo Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm {cluster.year} của "
        f"{cluster.name}.)",
        italic=True,
        indent=True,
        before=6,
    )
    para(doc, f"{cluster.name} kính trình Hội đồng Thi đua - Khen thưởng xem xét, quyết định./.", indent=True)
    signature_block(
        doc, cluster, unit_name, signing, (*RECIPIENTS[:1], "- Các đơn vị được đề nghị;", "- Lưu: VT."), width
    )
    doc.core_properties.title = f"Tờ trình đề nghị khen thưởng {cluster.name} năm {cluster.year}"
    return save(doc, path)


def _late_paragraphs(
    doc: object, cluster: Cluster, late: Sequence[LateDossier], unit_name: Callable[[str], str]
) -> None:
    if not late:
        return
    deadline = f" (hạn nộp ngày {date_text(cluster.deadline)})" if cluster.deadline else ""
    para(doc, f"Hồ sơ nộp sau thời hạn{deadline}:", bold=True, before=6)
    by_unit: dict[str, list[str]] = {}
    for item in late:
        text = f"{KIND_VI[item.kind]} nộp ngày {date_text(item.received)}"
        if item.on_time:
            text += f" (bản nộp lại; đã có bản đúng hạn ngày {date_text(item.on_time)})"
        by_unit.setdefault(item.unit_id, []).append(text)
    for unit_id, texts in by_unit.items():
        para(doc, f"- {unit_name(unit_id)}: {'; '.join(texts)}.", size=11, after=0)


def _scale_name(config: ScoringConfig) -> str:
    name = config.name_vi or config.version
    return name[0].lower() + name[1:] if name.startswith("Thang điểm") else f"thang điểm {name}"


def _short(cluster: Cluster) -> str:
    """The document-number suffix of the cluster: "CTĐ8" for Cụm thi đua số 8."""
    return f"CTĐ{cluster.number}"


def write_documents(
    folder: Path,
    cluster: Cluster,
    result: ClusterScore,
    config: ScoringConfig,
    unit_name: Callable[[str], str],
    signing: Signing | None = None,
    late: Sequence[LateDossier] = (),
) -> list[Path]:
    """Both documents into ``folder``, named after the cluster-year key."""
    return [
        write_summary(
            folder / f"{cluster.key}.bang-tong-hop.docx", cluster, result, config, unit_name, signing, late
        ),
        write_proposal(folder / f"{cluster.key}.to-trinh.docx", cluster, result, config, unit_name, signing),
    ]


__all__ = [
    "LateDossier",
    "Signing",
    "late_dossiers",
    "proposed_by_title",
    "write_documents",
    "write_proposal",
    "write_summary",
]
