"""Thẩm định: the chair's form of verified scores and manual inputs, unit by unit, for its cluster-year.

Each member unit shows, per criterion, thidua's computed points, the self-score of its sheet (with the
line's match, which the chair may change), the verified score (prefilled with the entry in force, else
the self-score) and a note; then the manual inputs in force, the history of entries and the total. A post
records one append-only entry per changed field (:func:`scoring.service.enter_score`) and rescores the
cluster-year at once; a value that cannot be used shows the form again with a Vietnamese message and
records nothing. Only the chair of the cluster-year may post; every other account reads.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.clusters import Cluster, default_clusters
from models.units import default_registry
from review.decide import rescore
from review.self_score_items import compare_rows
from review.web import account, render, require_chair_of, require_csrf, require_role
from scoring.config import ScoringConfig, config_for
from scoring.entries import EntryError, stored, target_kind, verified_targets
from scoring.self_check import match_sheet
from scoring.service import enter_score, inputs_in_force, score_cluster_year

router = APIRouter()
READERS = ("chair", "reviewer", "viewer", "admin")


class FormError(ValueError):
    """A value of the form that cannot be recorded; the message is Vietnamese."""


def _cluster(cluster: str, year: int) -> Cluster:
    try:
        return default_clusters().get(cluster, year)
    except KeyError:
        raise HTTPException(404, f"Không có cụm {cluster} năm {year}.") from None


def _name(unit_id: str) -> str:
    return default_registry().name_of(unit_id)


@router.get("/tham-dinh", response_class=HTMLResponse)
async def verify_home(request: Request) -> Response:
    me = require_role(request, *READERS)
    clusters = default_clusters().clusters
    if me.role == "chair":
        mine = next((c for c in clusters if c.key == me.cluster_key), None)
        if mine is None:
            raise HTTPException(404, f"Không có cụm-năm {me.cluster_key} của tài khoản {me.name}.")
        return RedirectResponse(f"/tham-dinh/{mine.id}/{mine.year}", status_code=303)
    listing = sorted(clusters, key=lambda c: (-c.year, c.id))
    return render(request, "verify.html", {"listing": listing, "cluster": None})


def parse_number(text: str, what: str) -> float | None:
    """A number as an official types it ("12,5", "12.5"); empty -> None."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise FormError(f"{what}: «{text}» không phải là số.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise FormError(f"{what}: «{text}» không phải là số.")
    return value


def verified_changes(config: ScoringConfig, form: Any) -> list[tuple[str, float | None, str]]:
    """(key, value, note) of each verified score the chair changed (or confirmed) in the form."""
    out = []
    for key, (name, ceiling) in verified_targets(config).items():
        if f"v.{key}" not in form:
            continue
        text, was = str(form.get(f"v.{key}", "")), str(form.get(f"was.{key}", ""))
        confirmed = form.get(f"ok.{key}") == "1"
        if text.strip() == was.strip() and not confirmed:
            continue
        value = parse_number(text, f"Điểm thẩm định {key} ({name})")
        if value is not None and value < 0:
            raise FormError(f"Điểm thẩm định {key} ({name}) không được âm.")
        if value is not None and ceiling is not None and value > ceiling + 1e-9:
            raise FormError(f"Điểm thẩm định {key} ({name}) là {value:g}, vượt điểm chuẩn {ceiling:g}.")
        note = str(form.get(f"n.{key}", "")).strip() or str(form.get("note", "")).strip()
        out.append((key, value, note))
    return out


def manual_changes(config: ScoringConfig, form: Any, in_force: dict) -> list[tuple[str, float | None]]:
    """(key, value) of each manual input whose form value differs from the one in force."""
    out = []
    for key, spec in config.manual_fields().items():
        if f"m.{key}" not in form:
            continue
        text = str(form.get(f"m.{key}", "")).strip()
        now = in_force.get(key)
        if spec.type == "bool":
            value: float | None = {"1": 1.0, "0": 0.0}.get(text)
        else:
            value = parse_number(text, f"Số liệu nhập tay «{spec.label_vi}»")
            if value is not None:
                if spec.type == "int" and not value.is_integer():
                    raise FormError(f"Số liệu nhập tay «{spec.label_vi}» phải là số nguyên.")
                upper = spec.maximum
                if value < 0 or (upper is not None and value > upper):
                    limit = f"từ 0 đến {upper:g}" if upper is not None else "từ 0 trở lên"
                    raise FormError(f"Số liệu nhập tay «{spec.label_vi}» phải {limit}, không phải {value:g}.")
        if value is None and now is None:
            continue
        if value is not None and now is not None and stored(now) == value:
            continue
        out.append((key, value))
    return out


def page_context(request: Request, cluster: Cluster) -> dict[str, Any]:
    """Everything the form shows, unit by unit (computed, self-score, verified, manual, history)."""
    store = request.app.state.store
    settings = request.app.state.settings
    config = config_for(cluster)
    result = score_cluster_year(store, cluster, settings.manual, record=False).result
    manual, _, _ = inputs_in_force(store, cluster, settings.manual)
    sheets = store.current_self_score_sheets(cluster.key)
    entries = store.entries_in_force(cluster.key)
    fields = config.manual_fields()
    targets = verified_targets(config)
    units = []
    for unit_id in cluster.members:
        row = sheets.get(unit_id)
        rows, findings = compare_rows(config, row, result.unit(unit_id), entries, unit_id)
        matches = []
        if row is not None:
            from review.self_score_items import sheet_of

            for m in match_sheet(sheet_of(row), config, row.matches or None):
                options = [t for t in targets if target_kind(t) == m.line.kind]
                matches.append({"match": m, "options": options})
        values = manual.units.get(unit_id, {})
        units.append(
            {
                "id": unit_id,
                "name": _name(unit_id),
                "score": result.unit(unit_id),
                "rows": rows,
                "sheet": row,
                "matches": matches,
                "findings": [f for f in findings if f.target is None],
                "manual": [(key, spec, values.get(key)) for key, spec in fields.items()],
                "history": list(reversed(store.score_entries(cluster.key, unit_id))),
                # what the unit sent through the web app: the late ones are the chair's to deduct
                "uploads": [
                    u
                    for u in store.uploads_for(unit_id, cluster.year)
                    if u.cluster_key == cluster.key and u.error is None
                ],
            }
        )
    me = account(request)
    return {
        "cluster": cluster,
        "units": units,
        "editable": me.role == "chair" and me.cluster_key == cluster.key,
        "message": request.query_params.get("msg"),
        "error": None,
        "error_unit": None,
    }


@router.get("/tham-dinh/{cluster}/{year}", response_class=HTMLResponse)
async def verify_page(request: Request, cluster: str, year: int) -> Response:
    require_role(request, *READERS)
    return render(request, "verify.html", page_context(request, _cluster(cluster, year)))


def _back(cluster: Cluster, unit_id: str, message: str) -> Response:
    query = urlencode({"msg": message})
    return RedirectResponse(f"/tham-dinh/{cluster.id}/{cluster.year}?{query}#{unit_id}", status_code=303)


@router.post("/tham-dinh/{cluster}/{year}/{unit_id}", response_class=HTMLResponse)
async def verify_post(request: Request, cluster: str, year: int, unit_id: str) -> Response:
    form = await request.form()
    require_csrf(request, form)
    target = _cluster(cluster, year)
    me = require_chair_of(request, target.key)
    if unit_id not in target.members:
        raise HTTPException(404, f"Đơn vị {unit_id} không thuộc {target.name} năm {target.year}.")
    store, settings = request.app.state.store, request.app.state.settings
    config = config_for(target)
    manual, _, _ = inputs_in_force(store, target, settings.manual)
    try:
        verified = verified_changes(config, form)
        manuals = manual_changes(config, form, manual.units.get(unit_id, {}))
        for key, value, _ in verified:  # every value checked before the first is recorded
            enter_check(config, target, unit_id, "verified", key, value)
        for key, value in manuals:
            enter_check(config, target, unit_id, "manual", key, value)
    except FormError as exc:
        context = page_context(request, target) | {"error": str(exc), "error_unit": unit_id}
        return render(request, "verify.html", context, status=400)
    note = str(form.get("note", "")).strip()
    recorded = 0
    for key, value, row_note in verified:
        recorded += enter_score(store, target, unit_id, "verified", key, value, row_note, me.name) is not None
    for key, value in manuals:
        recorded += enter_score(store, target, unit_id, "manual", key, value, note, me.name) is not None
    if not recorded:
        return _back(target, unit_id, f"{_name(unit_id)}: không có giá trị nào thay đổi, chưa ghi gì.")
    unit = rescore(store, target, settings).result.unit(unit_id)
    state = "tạm tính" if unit.provisional else "đủ số liệu"
    return _back(
        target,
        unit_id,
        f"Đã ghi {recorded} giá trị cho {_name(unit_id)}; tổng điểm {unit.total:g} ({state}).",
    )


def enter_check(config: ScoringConfig, cluster: Cluster, unit_id: str, kind: str, key: str, value) -> None:
    """The library's own check of an entry, as a form error (it should agree with the form's checks)."""
    from scoring.entries import as_manual, check_entry

    try:
        check_entry(
            config,
            cluster,
            unit_id,
            kind,
            key,
            as_manual(config, key, value) if kind == "manual" and value is not None else value,
        )
    except EntryError as exc:
        raise FormError(f"Không ghi được: {exc}") from None


@router.post("/tham-dinh/{cluster}/{year}/{unit_id}/khop", response_class=HTMLResponse)
async def match_post(request: Request, cluster: str, year: int, unit_id: str) -> Response:
    """The chair's matches of sheet lines to criteria: a new reading of the same sheet (append-only)."""
    form = await request.form()
    require_csrf(request, form)
    target = _cluster(cluster, year)
    me = require_chair_of(request, target.key)
    from review.self_score_items import rematch

    chosen = {str(k)[len("match.") :]: str(v) for k, v in form.multi_items() if str(k).startswith("match.")}
    try:
        changed = rematch(request.app.state.store, target, unit_id, chosen, me.name)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    if not changed:
        return _back(target, unit_id, "Không có dòng nào đổi tiêu chí.")
    return _back(target, unit_id, f"Đã ghi {changed} dòng khớp tiêu chí mới cho {_name(unit_id)}.")
