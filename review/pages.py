"""The review pages: queue, item (with its evidence), decisions, dashboard, audit, source images, exports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from extractors.readers import read_document
from models.clusters import Cluster, default_clusters
from models.normalise import long_table
from review.decide import decide, rescore
from review.evidence import (
    EvidenceError,
    page_evidence,
    page_image,
    page_to_show,
    stored_box,
    stored_page,
    value_as_written,
    word_context,
)
from review.queue import CorrectionError, build_queue, counts_by_reason, parse_correction, what_if
from review.web import render, require_csrf, require_reviewer, require_role
from scoring import config_for
from scoring.service import inputs_in_force, publish, score_cluster_year, write_cluster_documents

router = APIRouter()


@dataclass
class Snapshot:
    """Everything the pages read, built once per request from the store."""

    long: pd.DataFrame
    clusters: list[Cluster]

    def cluster_of(self, unit_id: str | None, year: int | None) -> Cluster | None:
        return next((c for c in self.clusters if c.year == year and unit_id in c.members), None)


def snapshot(request: Request) -> Snapshot:
    store = request.app.state.store
    long = long_table(store.figures_frame(), store.decisions_frame())
    years = set(long["year"].unique()) if not long.empty else set()
    clusters = [c for c in default_clusters().clusters if c.year in years]
    return Snapshot(long, clusters)


def inputs_for(request: Request, cluster: Cluster):
    """The manual inputs (the file, then the chair's entries) and the verified scores in force: what the
    published scores are computed from, so a what-if is measured against them."""
    manual, _, verified = inputs_in_force(request.app.state.store, cluster, request.app.state.settings.manual)
    return manual, verified


def queue_items(request: Request, snap: Snapshot, include_decided: bool = False, **filters):
    clusters = snap.clusters
    inputs = {c.key: inputs_for(request, c) for c in clusters}
    manual = {key: m for key, (m, _) in inputs.items()}
    configs = {c.key: config_for(c) for c in clusters}
    return build_queue(
        snap.long,
        clusters,
        manual,
        configs,
        cluster=filters.get("cluster") or None,
        unit=filters.get("unit") or None,
        year=int(filters["year"]) if filters.get("year") else None,
        reason=filters.get("reason") or None,
        include_decided=include_decided,
        verified={key: v for key, (_, v) in inputs.items()},
    )


def _filters(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "") for k in ("cluster", "unit", "year", "reason")}


@router.get("/", include_in_schema=False)
async def home() -> Response:
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
async def queue(request: Request) -> Response:
    snap = snapshot(request)
    filters = _filters(request)
    everything = queue_items(request, snap, include_decided=True, **filters)
    open_items = [i for i in everything if not i.decided]
    units = sorted({(i.unit_id, i.unit_name) for i in everything if i.unit_id})
    self_scores = _self_score_items(request, snap, filters)
    return render(
        request,
        "queue.html",
        {
            "items": open_items,
            "total": len(everything),
            "remaining": len(open_items),
            "counts": counts_by_reason(open_items),
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "clusters": sorted({c.id for c in snap.clusters}),
            "years": sorted(
                {c.year for c in snap.clusters} | set(snap.long["year"].unique() if len(snap.long) else [])
            ),
            "units": units,
            "self_scores": self_scores,
        },
    )


def _self_score_items(request: Request, snap: Snapshot, filters: dict[str, str]) -> list:
    """The open self-score items (review.self_score_items) within the queue's filters."""
    from review.self_score_items import REASON, collect

    if filters.get("reason") and filters["reason"] != REASON:
        return []
    clusters = [
        c
        for c in snap.clusters
        if (not filters.get("cluster") or c.id == filters["cluster"])
        and (not filters.get("year") or str(c.year) == filters["year"])
    ]
    items = collect(request.app.state.store, clusters, request.app.state.settings.manual, long=snap.long)
    return [i for i in items if not filters.get("unit") or i.unit_id == filters["unit"]]


def _row(snap: Snapshot, key: str) -> pd.Series:
    sha, _, indicator = key.partition(":")
    rows = snap.long[(snap.long["document_sha256"] == sha) & (snap.long["indicator"] == indicator)]
    if rows.empty:
        raise HTTPException(404, "Không tìm thấy số liệu này (có thể báo cáo đã được thay bằng bản mới).")
    return rows.iloc[0]


@router.get("/item/{key}", response_class=HTMLResponse)
async def item(request: Request, key: str, error: str | None = None, preview: str | None = None) -> Response:
    trial = request.query_params.get("value") if preview else None
    store = request.app.state.store
    snap = snapshot(request)
    row = _row(snap, key)
    cluster = snap.cluster_of(row["unit_id"], int(row["year"]))
    evidence = _evidence(request, row)
    effects = {}
    if cluster is not None:
        (manual, verified), config = inputs_for(request, cluster), config_for(cluster)
        effects["accept"] = what_if(
            snap.long, cluster, config, manual, key, row["value"], verified
        ).summary_vi
        effects["reject"] = what_if(snap.long, cluster, config, manual, key, None, verified).summary_vi
        if trial:
            try:
                value = parse_correction(trial, row["indicator"], None)
                effects["trial"] = what_if(
                    snap.long, cluster, config, manual, key, value, verified
                ).summary_vi
            except CorrectionError as exc:
                error = str(exc)
    last_year = snap.long[
        (snap.long["unit_id"] == row["unit_id"])
        & (snap.long["year"] == int(row["year"]) - 1)
        & (snap.long["indicator"] == row["indicator"])
    ]
    history = store.decisions(row["document_sha256"], row["indicator"])
    earlier = [
        d
        for d in store.decisions(None, row["indicator"])
        if d.document_sha256 != row["document_sha256"] and _same_unit_year(store, d.document_sha256, row)
    ]
    filters = _filters(request)
    open_items = [i for i in queue_items(request, snap, **filters) if i.key != key]
    return render(
        request,
        "item.html",
        {
            "key": key,
            "row": row.to_dict(),  # a dict: Series attributes (flags, values…) would shadow the columns
            "cluster": cluster,
            "evidence": evidence,
            "effects": effects,
            "last_year": last_year.iloc[0].to_dict() if len(last_year) else None,
            "history": history,
            "earlier": earlier,
            "alternatives": _alternatives(store, row),
            "error": error,
            "trial": trial or "",
            "next_key": open_items[0].key if open_items else None,
            "query": urlencode({k: v for k, v in filters.items() if v}),
        },
        status=400 if error else 200,
    )


def _same_unit_year(store, sha256: str, row: pd.Series) -> bool:
    document = store.document(sha256)
    return document is not None and document.unit_id == row["unit_id"] and document.year == int(row["year"])


def _alternatives(store, row: pd.Series) -> list[dict]:
    run = store.run_result(int(row["run_id"]))
    figure = run.figure(row["indicator"])
    return list(figure.alternatives) if figure else []


def _evidence(request: Request, row: pd.Series) -> dict:
    """The page image with the source box (PDF) or the paragraph / table row in context (Word)."""
    store = request.app.state.store
    path = store.original_path(row["document_sha256"])
    page = row.get("source_page")
    if pd.notna(page) and page:
        # rows stored before the value box have none (NULL, or NaN in the frame): the block's box is drawn
        bbox, value, label = (
            stored_box(row.get(k)) for k in ("source_bbox", "source_value_bbox", "source_label_bbox")
        )
        value_page = stored_page(row.get("source_value_page"))
        shown = page_to_show(int(page), value_page, value)
        try:
            _, size = page_image(path, shown, request.app.state.settings.cache)
        except EvidenceError as exc:
            return {"kind": "missing", "message": str(exc)}
        boxes = page_evidence(int(page), size, bbox, value_page, value, label)
        return {
            "kind": "pdf",
            "page": shown,
            "boxes": boxes,
            "src": f"/source/{row['document_sha256']}/page/{shown}.png",
        }
    if not row.get("source_block"):
        return {"kind": "derived"}
    document = read_document(path)
    span = row.get("source_span")
    span = tuple(span) if span is not None and len(span) == 2 else None
    text = row.get("source_text") or ""
    context = word_context(
        document, row["source_block"], span, value_as_written(text, span), sentence=text or None
    )
    return {"kind": "word", "context": context}


@router.get("/source/{sha256}/page/{page}.png")
async def source_page(request: Request, sha256: str, page: int) -> Response:
    store = request.app.state.store
    if store.document(sha256) is None:
        raise HTTPException(404, "Không có tệp này trong kho.")
    try:
        png, _ = page_image(store.original_path(sha256), page, request.app.state.settings.cache)
    except EvidenceError as exc:
        raise HTTPException(404, str(exc)) from None
    return FileResponse(png, media_type="image/png")


@router.post("/item/{key}/decide")
async def decide_item(request: Request, key: str) -> Response:
    form = await request.form()
    require_csrf(request, form)
    snap = snapshot(request)
    row = _row(snap, key)
    cluster = snap.cluster_of(row["unit_id"], int(row["year"]))
    reviewer = require_reviewer(request, cluster.key if cluster else None)
    action = str(form.get("action", ""))
    query = str(form.get("query", ""))
    try:
        decide(
            request.app.state.store,
            row,
            action,
            str(form.get("value", "")),
            str(form.get("note", "")),
            reviewer,
            confirmed=form.get("confirm") == "1",
        )
    except CorrectionError as exc:
        return RedirectResponse(f"/item/{key}?{urlencode({'error': str(exc)})}&{query}", status_code=303)
    if cluster is not None:
        rescore(request.app.state.store, cluster, request.app.state.settings)
    next_key = str(form.get("next_key", ""))
    target = f"/item/{next_key}?{query}" if next_key else f"/queue?{query}"
    return RedirectResponse(target, status_code=303)


@router.post("/queue/accept-all")
async def accept_all(request: Request) -> Response:
    form = await request.form()
    require_csrf(request, form)
    me = require_role(request, "reviewer", "chair")
    if form.get("confirm") != "yes":
        raise HTTPException(400, "Hãy đánh dấu ô xác nhận trước khi chấp nhận tất cả các mục đang lọc.")
    filters = {k: str(form.get(k, "")) for k in ("cluster", "unit", "year", "reason")}
    snap = snapshot(request)
    # a chair accepts within its own cluster-year only, whatever the filters say
    items = [i for i in queue_items(request, snap, **filters) if me.decides_for(i.cluster_key)]
    touched: dict[str, Cluster] = {}
    for it in items:
        decide(request.app.state.store, _row(snap, it.key), "accept", "", "Chấp nhận hàng loạt", me.name)
        cluster = snap.cluster_of(it.unit_id, it.year)
        if cluster is not None:
            touched[cluster.key] = cluster
    for cluster in touched.values():
        rescore(request.app.state.store, cluster, request.app.state.settings)
    return RedirectResponse(f"/queue?{urlencode({k: v for k, v in filters.items() if v})}", status_code=303)


@router.get("/dashboard", response_class=HTMLResponse)
async def dashboard(request: Request, cluster: str = "", year: int | None = None) -> Response:
    from review.dashboard import dashboard_context

    return render(request, "dashboard.html", dashboard_context(request, cluster, year))


@router.get("/unit/{unit_id}/{year}", response_class=HTMLResponse)
async def unit_figures(request: Request, unit_id: str, year: int) -> Response:
    """Every current figure of one unit-year, each one click from its evidence."""
    snap = snapshot(request)
    rows = snap.long[(snap.long["unit_id"] == unit_id) & (snap.long["year"] == year)]
    if rows.empty:
        raise HTTPException(404, f"Chưa có số liệu của đơn vị {unit_id} năm {year}.")
    figures = [r.to_dict() | {"key": f"{r['document_sha256']}:{r['indicator']}"} for _, r in rows.iterrows()]
    return render(
        request,
        "unit.html",
        {
            "figures": figures,
            "unit_name": figures[0]["unit_name"],
            "year": year,
            "cluster": snap.cluster_of(unit_id, year),
        },
    )


@router.get("/audit", response_class=HTMLResponse)
async def audit(request: Request) -> Response:
    store = request.app.state.store
    decisions = sorted(store.decisions(), key=lambda d: d.decided_at, reverse=True)
    documents = {d.document_sha256: store.document(d.document_sha256) for d in decisions}
    return render(request, "audit.html", {"decisions": decisions, "documents": documents})


@router.get("/export/{cluster}/{year}.xlsx")
async def export(request: Request, cluster: str, year: int) -> Response:
    try:
        target = default_clusters().get(cluster, year)
    except KeyError as exc:
        raise HTTPException(404, f"Không có cụm {cluster} năm {year}.") from exc
    settings = request.app.state.settings
    scored = score_cluster_year(request.app.state.store, target, settings.manual, record=False)
    paths = publish(scored, settings.exports)
    workbook = next(p for p in paths if Path(p).suffix == ".xlsx")
    return FileResponse(workbook, filename=f"{target.key}.xlsx")


DOCUMENTS = {"bang-tong-hop": "Bảng tổng hợp", "to-trinh": "Tờ trình"}


@router.get("/export/{cluster}/{year}/{kind}.docx")
async def export_document(request: Request, cluster: str, year: int, kind: str) -> Response:
    """The summary table or the proposal of the cluster-year as .docx, made from the current scores."""
    if kind not in DOCUMENTS:
        raise HTTPException(404, f"Không có văn bản «{kind}»; có: {', '.join(DOCUMENTS)}.")
    try:
        target = default_clusters().get(cluster, year)
    except KeyError as exc:
        raise HTTPException(404, f"Không có cụm {cluster} năm {year}.") from exc
    settings, store = request.app.state.settings, request.app.state.store
    scored = score_cluster_year(store, target, settings.manual, record=False)
    paths = write_cluster_documents(store, scored, settings.exports / target.key)
    chosen = next(p for p in paths if p.name.endswith(f".{kind}.docx"))
    media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return FileResponse(chosen, filename=chosen.name, media_type=media)
